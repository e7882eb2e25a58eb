"""Read articles: folders of ``.txt`` files with an optional ``manifest.csv``, and ``.jsonl``.

Text is normalised once (Unicode NFC, ``\\n`` line endings, no byte-order mark); every
offset in the graph counts code points of that normalised text, whose sha256 and length are
recorded.

What happens to bad input (the README lists the same):

- skipped with a warning, the run goes on: an empty file, a binary file, a file that is not
  valid in the chosen encoding, an unreadable file, something that is not a regular file (a
  FIFO, a socket, a device), a manifest row whose file is missing, a JSONL line that is not
  a JSON object with ``id`` and ``text``, a record holding a lone surrogate (not Unicode
  text). Each record (a ``.txt`` file, a JSONL line) is read inside :func:`one_record`,
  where *any* failure of that record becomes a skip: one bad record never stops the rest;
- kept with a warning: a malformed ``published`` date, or one outside EARLIEST..LATEST (the
  article has no publication date, so its relative dates stay unresolved);
- stops the run (exit 2): a path that does not exist, a manifest without a ``file`` column
  or with a column named twice, two inputs with the same article id.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from isisgraph.errors import InputError, one_line
from isisgraph.records import Article

MANIFEST = "manifest.csv"
MANIFEST_FIELDS = {"file", "title", "publisher", "url", "published", "date_precision"}
JSONL_FIELDS = {"id", "title", "text", "published", "url", "publisher", "date_precision"}
PRECISIONS = {"day", "month", "year", "approximate"}
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")


# An article's graph, its validation and its N-Quads are held in memory whole: about 1.5 GB
# per million characters of text (a 2.0-million-character article peaked at 3.0 GB; see
# BENCHMARKS.md). The build skips longer texts with a message unless the user raises the limit:
# they are collections to split into articles, not articles.
MAX_CHARS = 2_000_000

# Publication dates a news article can have. Relative dates ("yesterday", "next week") are
# resolved by date arithmetic, which overflows at the ends of Python's calendar (0001-01-01,
# 9999-12-31); a date outside this range is a typo, kept out like a malformed one.
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2099, 12, 31)


class BadRecord(ValueError):
    """One input record (a file, a JSONL line) cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class Skip:
    """An input left out of the build, and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class Problems:
    """What ingest skipped or warned about; filled while the articles are read."""

    skipped: list[Skip] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def skip(self, source: str | Path, reason: str) -> None:
        self.skipped.append(Skip(str(source), reason))

    def warn(self, message: str) -> None:
        self.warnings.append(message)


def normalise(text: str) -> str:
    """NFC, ``\\n`` line endings, no byte-order mark."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_id_for(name: str) -> str:
    """A stable id usable in IRIs: the name itself when safe, else a slug plus a short hash."""
    if ID_PATTERN.fullmatch(name):
        return name
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", folded).strip("-._")[:80] or "article"
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]
    return f"{slug}-{digest}"


def parse_published(value: str | None, source: str, problems: Problems) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        published = dt.date.fromisoformat(value[:10])
    except ValueError:
        problems.warn(
            f"{source}: published date {value!r} is not YYYY-MM-DD; "
            "kept without a date, so relative dates stay unresolved"
        )
        return None
    if not EARLIEST <= published <= LATEST:
        problems.warn(
            f"{source}: published date {value!r} is outside {EARLIEST.year}–{LATEST.year}; "
            "kept without a date, so relative dates stay unresolved"
        )
        return None
    return published


def decode_text(data: bytes, source: str, encoding: str, problems: Problems) -> str | None:
    """Decoded, normalised text, or None (recorded as skipped) when it cannot be used."""
    if not data.strip():
        problems.skip(source, "empty file")
        return None
    if b"\x00" in data[:8192] and not encoding.lower().startswith("utf-16"):
        problems.skip(source, "binary file (contains NUL bytes), not an article")
        return None
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        problems.skip(
            source,
            f"not valid {encoding} ({exc.reason if isinstance(exc, UnicodeDecodeError) else exc}); "
            "pass --encoding with the file's encoding (e.g. --encoding cp1256)",
        )
        return None
    text = normalise(text)
    if not text.strip():
        problems.skip(source, "empty file")
        return None
    return text


def check_unicode(text: str, what: str) -> None:
    """Raise BadRecord when ``text`` holds a lone surrogate (JSON can spell one, ``"\\ud800"``):
    it is not Unicode text, and nothing downstream can encode it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise BadRecord(f"{what} holds a lone surrogate ({text[exc.start]!r}), which is not text; "
                        "fix the record") from None


def make_article(
    article_id: str, text: str, source: str, meta: dict[str, str], problems: Problems
) -> Article:
    check_unicode(text, "the text")
    for key, value in meta.items():
        check_unicode(key, "a field name")
        check_unicode(value, repr(key))
    precision = (meta.get("date_precision") or "day").strip() or "day"
    if precision not in PRECISIONS:
        problems.warn(f"{source}: date_precision {precision!r} is not one of {sorted(PRECISIONS)}; using 'day'")
        precision = "day"
    extra = tuple(sorted((k, str(v)) for k, v in meta.items() if k not in MANIFEST_FIELDS | JSONL_FIELDS and v))
    return Article(
        id=article_id,
        text=text,
        source=source,
        title=(meta.get("title") or "").strip() or None,
        publisher=(meta.get("publisher") or "").strip() or None,
        url=(meta.get("url") or "").strip() or None,
        published=parse_published(meta.get("published"), source, problems),
        date_precision=precision,
        sha256=text_sha256(text),
        extra=extra,
    )


def read_bytes(path: Path, problems: Problems) -> bytes | None:
    """The bytes of a regular file, or None (recorded as skipped).

    Opened without blocking and checked before reading: a FIFO named ``x.txt`` would
    otherwise wait for a writer forever, and a device would never end."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        problems.skip(path, "file disappeared while reading")
        return None
    except IsADirectoryError:
        problems.skip(path, "is a directory, not a file")
        return None
    except OSError as exc:
        problems.skip(path, f"cannot be read ({exc.strerror}); check its permissions")
        return None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            problems.skip(path, "is a directory, not a file")
            return None
        if not stat.S_ISREG(mode):
            problems.skip(path, "not a regular file (a FIFO, socket or device); only files are read")
            return None
        with open(fd, "rb", closefd=False) as handle:
            return handle.read()
    except OSError as exc:
        problems.skip(path, f"cannot be read ({exc.strerror}); check its permissions")
        return None
    finally:
        os.close(fd)


def one_record(source: str | Path, problems: Problems, read: Callable[[], Article | None]) -> Article | None:
    """Read one input record (a ``.txt`` file, a JSONL line) with ``read``: whatever goes
    wrong with that record becomes a ``skipped:`` line and the run goes on. Only errors of
    the whole run (:class:`InputError`: a manifest without a 'file' column ...) stop it."""
    try:
        return read()
    except InputError:
        raise
    except BadRecord as exc:
        problems.skip(source, str(exc))
    except RecursionError:
        problems.skip(source, "nested too deeply to read; fix or remove it")
    except Exception as exc:  # noqa: BLE001 - one bad record must never stop the rest
        reason = one_line(exc)
        reason = reason if len(reason) <= 120 else reason[:119] + "…"
        problems.skip(source, f"cannot be read ({type(exc).__name__}: {reason}); fix or remove it")
    return None


def read_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """``manifest.csv`` rows by file name; an absent manifest is an empty one."""
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or "file" not in reader.fieldnames:
                raise InputError(f"{path}: no 'file' column; the first line must name the columns "
                                 "(file,title,publisher,url,published,...)")
            named = [name for name in reader.fieldnames if name]
            twice = sorted({name for name in named if named.count(name) > 1})
            if twice:  # csv.DictReader would keep the last column of that name and drop the others
                raise InputError(f"{path}: column {twice[0]!r} is named twice in the first line; "
                                 "rename or remove one of them")
            rows: dict[str, dict[str, str]] = {}
            for row in reader:
                name = (row.get("file") or "").strip()
                if not name:
                    continue
                if name in rows:
                    raise InputError(f"{path}:{reader.line_num}: file {name!r} is listed twice; keep one row per file")
                rows[name] = {k: v for k, v in row.items() if k and v is not None}
            return rows
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 ({exc.reason}); save the manifest as UTF-8") from exc
    except csv.Error as exc:
        raise InputError(f"{path}: not a valid CSV file ({exc}); fix the manifest") from exc


def read_folder(folder: Path, encoding: str, problems: Problems) -> Iterator[Article]:
    manifest = read_manifest(folder)
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix == ".txt")
    except OSError as exc:
        problems.skip(folder, f"cannot list the folder ({exc.strerror}); check its permissions")
        return
    names = {p.name for p in files}
    for name in sorted(set(manifest) - names):
        problems.skip(folder / name, f"listed in {folder / MANIFEST} but the file is missing")
    for path in files:
        article = one_record(path, problems, lambda path=path: text_article(path, encoding, manifest, problems))
        if article is not None:
            yield article


def text_article(path: Path, encoding: str, manifest: dict[str, dict[str, str]], problems: Problems) -> Article | None:
    """The article of one ``.txt`` file with its manifest row, or None (recorded as skipped)."""
    data = read_bytes(path, problems)
    text = None if data is None else decode_text(data, str(path), encoding, problems)
    if text is None:
        return None
    return make_article(article_id_for(path.stem), text, str(path), manifest.get(path.name, {}), problems)


def read_jsonl(path: Path, encoding: str, problems: Problems) -> Iterator[Article]:
    try:
        handle = path.open(encoding=encoding, newline="")
    except OSError as exc:
        problems.skip(path, f"cannot be read ({exc.strerror}); check its permissions")
        return
    with handle:
        line_no = 0
        while True:
            try:
                line = handle.readline()
            except UnicodeDecodeError as exc:
                problems.skip(f"{path}:{line_no + 1}",
                              f"not valid {encoding} ({exc.reason}); pass --encoding, the rest of the file is skipped")
                return
            if not line:
                return
            line_no += 1
            if line_no == 1:
                line = line.removeprefix("\ufeff")  # a byte-order mark is not part of the first record
            if not line.strip():
                continue
            source = f"{path}:{line_no}"
            article = one_record(source, problems,
                                 lambda line=line, source=source: jsonl_article(line, source, problems))
            if article is not None:
                yield article


def jsonl_article(line: str, source: str, problems: Problems) -> Article | None:
    """The article of one JSONL line; BadRecord says what is wrong with it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadRecord(f"not a JSON object ({exc.msg}, column {exc.colno}); fix or remove the line") from None
    except ValueError as exc:  # a number of more than 4,300 digits
        raise BadRecord(f"not a JSON object ({one_line(exc)[:100]}); fix or remove the line") from None
    article_id = record.get("id") if isinstance(record, dict) else None
    if (isinstance(article_id, bool) or not isinstance(article_id, str | int) or not str(article_id).strip()
            or not isinstance(record.get("text"), str)):
        raise BadRecord("needs a JSON object with an 'id' (a non-empty string or an integer) and a string 'text'")
    text = normalise(record["text"])
    if not text.strip():
        raise BadRecord("empty text")
    meta = {k: str(v) for k, v in record.items() if k != "text" and v is not None}
    return make_article(article_id_for(str(article_id)), text, source, meta, problems)


def read_path(path: Path, encoding: str, problems: Problems) -> Iterator[Article]:
    if path.is_dir():
        yield from read_folder(path, encoding, problems)
    elif path.suffix == ".jsonl":
        yield from read_jsonl(path, encoding, problems)
    elif path.suffix == ".txt":
        manifest = read_manifest(path.parent)
        article = one_record(path, problems, lambda: text_article(path, encoding, manifest, problems))
        if article is not None:
            yield article
    else:
        problems.skip(path, "not a folder, .txt or .jsonl file")


def read_articles(
    paths: Iterable[str | os.PathLike[str]], encoding: str = "utf-8", problems: Problems | None = None
) -> Iterator[Article]:
    """Every readable article under ``paths``, in a stable order; ids are unique.

    Skips and warnings go to ``problems``; a missing path or a duplicated id raises
    :class:`InputError`.
    """
    problems = Problems() if problems is None else problems
    seen: dict[str, str] = {}
    for raw in paths:
        path = Path(raw)
        if not path.exists() and not path.is_symlink():
            raise InputError(f"{path}: no such file or folder; give a folder of .txt files or a .jsonl file")
        for article in read_path(path, encoding, problems):
            if article.id in seen:
                raise InputError(
                    f"{article.source}: article id {article.id!r} already read from {seen[article.id]}; "
                    "ids must be unique"
                )
            seen[article.id] = article.source
            yield article
