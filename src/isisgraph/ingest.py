"""Read articles: folders of ``.txt`` files with an optional ``manifest.csv``, and ``.jsonl``.

Text is normalised once (Unicode NFC, ``\\n`` line endings, no byte-order mark); every
offset in the graph counts code points of that normalised text, whose sha256 and length are
recorded.

What happens to bad input (the README lists the same):

- skipped with a warning, the run goes on: an empty file, a binary file, a file that is not
  valid in the chosen encoding, an unreadable file, a manifest row whose file is missing, a
  JSONL line that is not a JSON object with ``id`` and ``text``;
- kept with a warning: a malformed ``published`` date (the article has no publication
  date, so its relative dates stay unresolved);
- stops the run (exit 2): a path that does not exist, a manifest without a ``file`` column,
  two inputs with the same article id.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from isisgraph.errors import InputError
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
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        problems.warn(
            f"{source}: published date {value!r} is not YYYY-MM-DD; "
            "kept without a date, so relative dates stay unresolved"
        )
        return None


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


def make_article(
    article_id: str, text: str, source: str, meta: dict[str, str], problems: Problems
) -> Article:
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
    try:
        return path.read_bytes()
    except FileNotFoundError:
        problems.skip(path, "file disappeared while reading")
    except IsADirectoryError:
        problems.skip(path, "is a directory, not a file")
    except OSError as exc:
        problems.skip(path, f"cannot be read ({exc.strerror}); check its permissions")
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
            rows: dict[str, dict[str, str]] = {}
            for row in reader:
                name = (row.get("file") or "").strip()
                if not name:
                    continue
                if name in rows:
                    raise InputError(f"{path}:{reader.line_num}: file {name!r} is listed twice; keep one row per file")
                rows[name] = {k: v for k, v in row.items() if k is not None and v is not None}
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
        data = read_bytes(path, problems)
        if data is None:
            continue
        text = decode_text(data, str(path), encoding, problems)
        if text is None:
            continue
        yield make_article(article_id_for(path.stem), text, str(path), manifest.get(path.name, {}), problems)


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
            source = f"{path}:{line_no}"
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.skip(source, f"not a JSON object ({exc.msg}, column {exc.colno}); fix or remove the line")
                continue
            if not isinstance(record, dict) or not record.get("id") or not isinstance(record.get("text"), str):
                problems.skip(source, "needs a JSON object with a non-empty 'id' and a string 'text'")
                continue
            text = normalise(record["text"])
            if not text.strip():
                problems.skip(source, "empty text")
                continue
            meta = {k: str(v) for k, v in record.items() if k != "text" and v is not None}
            yield make_article(article_id_for(str(record["id"])), text, source, meta, problems)


def read_path(path: Path, encoding: str, problems: Problems) -> Iterator[Article]:
    if path.is_dir():
        yield from read_folder(path, encoding, problems)
    elif path.suffix == ".jsonl":
        yield from read_jsonl(path, encoding, problems)
    elif path.suffix == ".txt":
        data = read_bytes(path, problems)
        text = None if data is None else decode_text(data, str(path), encoding, problems)
        if text is not None:
            manifest = read_manifest(path.parent)
            yield make_article(article_id_for(path.stem), text, str(path), manifest.get(path.name, {}), problems)
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
