"""The real-news development set, ``tests/data/real``: seal its gold, split it, check, restore
and pack its texts, and score a build of it.

The texts are other people's writing and never enter git; the committed ``manifest.csv`` holds
their sha256 and ``gold/`` holds the annotations *sealed* (evidence and quotes replaced by their
SHA-1 beside their offsets). See ``tests/data/real/README.md``.

    python tools/real_news.py seal [--update ID ...]  # work/ + texts -> gold/ and manifest.csv
    python tools/real_news.py split                # a third of each genre held out
    python tools/real_news.py unseal [ID ...]      # gold/ + texts -> work/{id}.json
    python tools/real_news.py check                # texts against sha256, gold against sha1
    python tools/real_news.py restore --from PATH  # a folder or .tar.gz -> texts/{dev,held}/
    python tools/real_news.py restore --from DIR --page-copies  # cut from stored page copies
    python tools/real_news.py pack -o FILE.tar.gz  # texts/ -> an archive for a colleague
    python tools/real_news.py score                # build each split and score it (make eval-real)

Exit codes: 0 ok (also ``score`` without the texts: it says how to restore them); 1 ``check``
or ``score`` found a text or a sealed item that does not match; 2 bad input (the message names
the file and what to do).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import re
import sys
import tarfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from isisgraph.errors import InputError
from isisgraph.evaluate import (
    KINDS,
    gold_article,
    gold_json,
    seal_item,
    text_sha1,
    unseal_item,
)
from isisgraph.files import write_atomically
from isisgraph.ingest import MANIFEST, Problems, article_id_for, decode_text, normalise, text_sha256

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "data" / "real"
SPLITS = ("dev", "held")
# The committed manifest, a fragment an annotator writes in work/, and a texts/{split}/ folder's
# manifest (the columns `isisgraph build` reads, then the ones it keeps as extras).
MANIFEST_COLUMNS = ("file", "title", "publisher", "url", "published", "date_precision", "split",
                    "genre", "origin", "sha256", "note")
FRAGMENT_COLUMNS = ("file", "title", "publisher", "url", "published", "date_precision", "genre",
                    "origin", "note")
FOLDER_COLUMNS = ("file", "title", "publisher", "url", "published", "date_precision", "genre",
                  "origin", "sha256", "note")
SPLIT_SALT = "isisgraph-real-split:"


# ----------------------------------------------------------------------------- the set on disk


@dataclass(frozen=True)
class RealSet:
    """The folders of the set: committed ``manifest.csv`` and ``gold/``; ignored ``texts/`` and
    ``work/``."""

    root: Path

    @property
    def manifest(self) -> Path:
        return self.root / MANIFEST

    @property
    def gold(self) -> Path:
        return self.root / "gold"

    @property
    def work(self) -> Path:
        return self.root / "work"

    @property
    def texts(self) -> Path:
        return self.root / "texts"

    def text_path(self, row: dict[str, str]) -> Path:
        """Where a manifest row's text belongs: texts/{split}/{file}, or texts/{file} before
        the article has a split."""
        split = row.get("split") or ""
        return self.texts / split / row["file"] if split else self.texts / row["file"]

    def candidates(self, file: str) -> list[Path]:
        """Every place a text of that name may be: texts/{file}, texts/dev/…, texts/held/…."""
        return [self.texts / file, *(self.texts / split / file for split in SPLITS)]


def article_of(file: str) -> str:
    """The article id the build gives a file: its name without .txt, made safe for IRIs."""
    return article_id_for(Path(file).stem)


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The columns and rows of a manifest; a missing ``file`` column or a repeated file is an error."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            columns = list(reader.fieldnames or [])
            if "file" not in columns:
                raise InputError(f"{path}: no 'file' column; the first line names the columns "
                                 f"({','.join(FRAGMENT_COLUMNS)})")
            rows, seen = [], set()
            for row in reader:
                name = (row.get("file") or "").strip()
                if not name:
                    continue
                if name in seen:
                    raise InputError(f"{path}:{reader.line_num}: {name} is listed twice; keep one row")
                seen.add(name)
                rows.append({k: (v or "").strip() for k, v in row.items() if k is not None})
            return columns, rows
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 ({exc.reason}); save it as UTF-8") from exc
    except csv.Error as exc:
        raise InputError(f"{path}: not a valid CSV file ({exc}); fix it") from exc


def csv_bytes(rows: Iterable[dict[str, str]], columns: Iterable[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in writer.fieldnames})
    return buffer.getvalue().encode("utf-8")


def with_extras(columns: tuple[str, ...], rows: Iterable[dict[str, str]]) -> list[str]:
    """``columns``, then any other column a row has (kept, as the build keeps extra columns)."""
    extra = sorted({k for row in rows for k in row} - set(columns) - {"split"})
    return [*columns, *extra]


def read_manifest(real: RealSet) -> dict[str, dict[str, str]]:
    """manifest.csv rows by file; an absent manifest is an empty one."""
    if not real.manifest.is_file():
        return {}
    _, rows = read_csv(real.manifest)
    for row in rows:
        if row.get("split") and row["split"] not in SPLITS:
            raise InputError(f"{real.manifest}: {row['file']}: split {row['split']!r} is not dev or held")
    return {row["file"]: row for row in rows}


def write_manifest(real: RealSet, rows: dict[str, dict[str, str]]) -> None:
    ordered = [rows[name] for name in sorted(rows)]
    columns = [*MANIFEST_COLUMNS, *with_extras(MANIFEST_COLUMNS, ordered)[len(MANIFEST_COLUMNS):]]
    write_atomically(real.manifest, csv_bytes(ordered, columns))


def normalised_text(data: bytes, source: str) -> str | None:
    """The text as the build reads it (UTF-8, NFC, ``\\n``), or None when the build would skip it."""
    return decode_text(data, source, "utf-8", Problems())


def read_text(path: Path) -> str:
    """A text of the set as the build reads it; one the build would skip is an error."""
    problems = Problems()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}); check the file") from exc
    text = decode_text(data, str(path), "utf-8", problems)
    if text is None:
        raise InputError(f"{problems.skipped[0]}; save the article as UTF-8 text")
    return text


def digest_of(path: Path) -> str | None:
    """The sha256 of the text at ``path`` as the build reads it; None when absent or unreadable."""
    if not path.is_file():
        return None
    try:
        text = normalised_text(path.read_bytes(), str(path))
    except OSError:
        return None
    return None if text is None else text_sha256(text)


def read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not readable JSON ({exc}); fix the file") from exc
    if not isinstance(data, dict) or "article" not in data:
        raise InputError(f"{path}: a gold file is a JSON object with an 'article' id")
    if data["article"] != path.stem:
        raise InputError(f"{path}: its article is {data['article']!r}; name the file {data['article']}.json")
    return data


def row_of_article(rows: dict[str, dict[str, str]], article: str, where: Path) -> dict[str, str]:
    for row in rows.values():
        if article_of(row["file"]) == article:
            return row
    raise InputError(f"{where}: article {article} is not in manifest.csv; add its row to a "
                     "work/manifest-*.csv and seal")


def counts(data: dict[str, Any]) -> str:
    return ", ".join(f"{kind} {len(data.get(kind) or [])}" for kind in KINDS)


# ----------------------------------------------------------------------------- seal


def merge_fragments(real: RealSet, rows: dict[str, dict[str, str]], rehash: bool) -> int:
    """Merge every work/manifest-*.csv into ``rows`` (by file), with the sha256 of each text as
    the build reads it; returns how many rows came from fragments."""
    merged_from: dict[str, Path] = {}
    for fragment in sorted(real.work.glob("manifest-*.csv")):
        _, fragment_rows = read_csv(fragment)
        for row in fragment_rows:
            name = row["file"]
            if name in merged_from:
                raise InputError(f"{fragment}: {name} is also listed in {merged_from[name].name}; "
                                 "keep it in one fragment")
            merged_from[name] = fragment
            old = rows.get(name, {})
            places = [real.text_path(old)] if old.get("split") else []
            found = next((p for p in [*places, *real.candidates(name)] if p.is_file()), None)
            if found is None:
                raise InputError(f"{fragment}: {name}: no text at texts/{name} or texts/{{dev,held}}/{name}; "
                                 "save the article there (title, a blank line, the body)")
            digest = text_sha256(read_text(found))
            if old.get("sha256") and old["sha256"] != digest and not rehash:
                raise InputError(f"{found}: the text differs from the one manifest.csv records; restore "
                                 "the original, or seal --rehash if it was changed on purpose (colleagues "
                                 "then need the new text)")
            split = row.get("split") or old.get("split", "")
            if split and split not in SPLITS:
                raise InputError(f"{fragment}: {name}: split {split!r} is not dev or held")
            if old.get("split") and split != old["split"]:
                raise InputError(f"{fragment}: {name}: split {split} but manifest.csv has "
                                 f"{old['split']}; an article never changes split")
            rows[name] = {**old, **{k: v for k, v in row.items() if k != "split"},
                          "split": split, "sha256": digest}
    return len(merged_from)


def seal(real: RealSet, rehash: bool = False, update: Iterable[str] = ()) -> list[str]:
    """work/manifest-*.csv → manifest.csv, work/{id}.json → gold/{id}.json (sealed); then the
    texts of articles with a split are laid out in texts/{dev,held}/. Nothing is written unless
    every file seals, and a gold file already sealed is changed only for an article named in
    ``update``: a work file left from an earlier round (the gold fixed since, its work file
    not) would otherwise undo the fix."""
    rows = read_manifest(real)
    merged = merge_fragments(real, rows, rehash)
    if not rows:
        raise InputError(f"{real.work}: no manifest-*.csv rows to seal; list the articles there first")
    sealed: dict[Path, dict[str, Any]] = {}
    for path in sorted(real.work.glob("*.json")):
        data = read_json(path)
        row = row_of_article(rows, data["article"], path)
        text_path = next((p for p in [real.text_path(row), *real.candidates(row["file"])] if p.is_file()), None)
        if text_path is None:
            raise InputError(f"{path}: no text for {row['file']} under texts/; restore it first")
        text = read_text(text_path)
        if text_sha256(text) != row.get("sha256"):
            raise InputError(f"{text_path}: the text differs from the one manifest.csv records; restore "
                             "the original, or list it in a work/manifest-*.csv and seal --rehash")
        if data.get("published") and row.get("published") and data["published"] != row["published"]:
            raise InputError(f"{path}: published {data['published']} but manifest.csv has "
                             f"{row['published']}; make them agree")
        out = dict(data)
        for kind in KINDS:
            if kind in data:
                if not isinstance(data[kind], list):
                    raise InputError(f"{path}: {kind!r} must be a list")
                out[kind] = [seal_item(item, text, f"{path.name} {kind}[{i}]")
                             for i, item in enumerate(data[kind])]
        gold_article(out, str(path))  # the schema of tests/gold/README.md
        sealed[real.gold / path.name] = out
    stale = sorted(target.stem for target, data in sealed.items()
                   if target.is_file() and target.stem not in set(update)
                   and target.read_bytes() != gold_json(data).encode("utf-8"))
    if stale:
        raise InputError(f"{real.work}: {len(stale)} work file(s) would change gold already sealed "
                         f"({', '.join(stale[:3])}{' ...' if len(stale) > 3 else ''}); if the change "
                         "is meant, seal --update ID ..., else refresh work/ with unseal --force ID")
    write_manifest(real, rows)
    lines = [f"{real.manifest.name}: {len(rows)} articles ({merged} rows from work/manifest-*.csv)"]
    for target, data in sealed.items():
        write_atomically(target, gold_json(data).encode("utf-8"))
        lines.append(f"gold/{target.name}: {counts(data)}")
    return lines + arrange(real, rows)


# ----------------------------------------------------------------------------- split


def split_key(row: dict[str, str]) -> str:
    return hashlib.sha256((SPLIT_SALT + article_of(row["file"])).encode("utf-8")).hexdigest()


def held_quotas(sizes: dict[str, int], held: dict[str, int]) -> dict[str, int]:
    """How many articles of each genre (of ``sizes`` articles, ``held`` of them held already)
    are held: a third of the set (to the nearest), a third of each genre rounded down, and the
    rest to the genres with the largest remainder (ties by a hash of the genre's name), so that
    small genres together still give their third; a genre never holds fewer than it does."""
    total = (sum(sizes.values()) + 1) // 3  # the nearest integer to a third
    quotas = {genre: max(n // 3, held.get(genre, 0)) for genre, n in sizes.items()}
    open_genres = sorted((g for g in sizes if quotas[g] == sizes[g] // 3 and sizes[g] % 3),
                         key=lambda g: (-(sizes[g] % 3), hashlib.sha256(g.encode()).hexdigest()))
    for genre in open_genres[:max(0, total - sum(quotas.values()))]:
        quotas[genre] += 1
    return quotas


def assign_splits(rows: dict[str, dict[str, str]]) -> None:
    """Give every row without a split one, stratified by genre (:func:`held_quotas`): the
    unassigned articles with the lowest hash of their id are held until the genre has its
    quota. Assigned rows keep their split, so adding articles never moves one."""
    by_genre: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows.values():
        by_genre[row.get("genre", "")].append(row)
    held = {genre: sum(1 for r in genre_rows if r.get("split") == "held")
            for genre, genre_rows in by_genre.items()}
    quotas = held_quotas({genre: len(genre_rows) for genre, genre_rows in by_genre.items()}, held)
    for genre, genre_rows in by_genre.items():
        count = held[genre]
        for row in sorted((r for r in genre_rows if not r.get("split")), key=split_key):
            row["split"] = "held" if count < quotas[genre] else "dev"
            count += row["split"] == "held"


def split(real: RealSet) -> list[str]:
    rows = read_manifest(real)
    if not rows:
        raise InputError(f"{real.manifest}: no articles; run seal first")
    before = {name: row.get("split") for name, row in rows.items()}
    assign_splits(rows)
    write_manifest(real, rows)
    tally: Counter[tuple[str, str]] = Counter((r.get("genre") or "-", r["split"]) for r in rows.values())
    newly = sum(1 for name in rows if not before[name])
    lines = [f"{real.manifest.name}: {newly} articles given a split"]
    for genre in sorted({g for g, _ in tally}):
        lines.append(f"  {genre}: {tally[genre, 'dev']} dev, {tally[genre, 'held']} held")
    return lines + arrange(real, rows)


# ----------------------------------------------------------------------------- texts


def arrange(real: RealSet, rows: dict[str, dict[str, str]],
            found: dict[str, str] | None = None) -> list[str]:
    """Put every text of an article with a split at texts/{split}/{file}, from where it is under
    texts/ or from ``found`` (sha256 → text), remove copies from elsewhere under texts/, and
    write each split folder's manifest.csv; says what is still missing."""
    found = dict(found or {})
    for path in sorted(real.texts.rglob("*.txt")) if real.texts.is_dir() else []:
        text = normalised_text(path.read_bytes(), str(path))
        if text is not None:
            found.setdefault(text_sha256(text), text)
    present: dict[str, list[dict[str, str]]] = defaultdict(list)
    missing, restored, unsplit = [], 0, 0
    for name in sorted(rows):
        row = rows[name]
        if not row.get("split"):
            unsplit += 1
            continue
        if not row.get("sha256"):
            raise InputError(f"{real.manifest}: {name} has no sha256; run seal")
        target = real.text_path(row)
        if digest_of(target) != row["sha256"]:
            if row["sha256"] not in found:
                missing.append(f"{row['split']}/{name}")
                continue
            write_atomically(target, found[row["sha256"]].encode("utf-8"))
            restored += 1
        for other in real.candidates(name):
            if other != target and digest_of(other) == row["sha256"]:
                other.unlink()  # a held text left in dev/ would be built and read with dev
        present[row["split"]].append(row)
    lines = []
    for split_name in SPLITS:
        folder_rows = present[split_name]
        if folder_rows or (real.texts / split_name).is_dir():  # a stale manifest would list gone texts
            write_atomically(real.texts / split_name / MANIFEST,
                             csv_bytes(folder_rows, with_extras(FOLDER_COLUMNS, folder_rows)))
            lines.append(f"texts/{split_name}: {len(folder_rows)} texts")
    if restored:
        lines.append(f"{restored} texts put in place")
    if unsplit:
        lines.append(f"{unsplit} articles have no split yet: run split")
    if missing:
        lines.append(f"missing {len(missing)} texts: {', '.join(missing)}")
    return lines


def archive_texts(source: Path) -> dict[str, str]:
    """The texts in a folder (recursively) or a .tar.gz of .txt files, by their sha256."""
    found: dict[str, str] = {}
    if source.is_dir():
        for path in sorted(source.rglob("*.txt")):
            text = normalised_text(path.read_bytes(), str(path))
            if text is not None:
                found.setdefault(text_sha256(text), text)
        return found
    if not source.is_file() or not source.name.endswith((".tar.gz", ".tgz")):
        raise InputError(f"{source}: give a folder or a .tar.gz of .txt files")
    try:
        with tarfile.open(source, "r:gz") as archive:
            for member in archive:
                if not member.isfile() or not member.name.endswith(".txt"):
                    continue
                stream = archive.extractfile(member)
                text = None if stream is None else normalised_text(stream.read(), member.name)
                if text is not None:
                    found.setdefault(text_sha256(text), text)
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise InputError(f"{source}: not a readable .tar.gz ({exc}); ask for the archive again") from exc
    return found


# A sentence ends at . ! ? or a closing quote or bracket before a space or the end.
SENTENCE_END = re.compile(r"[.!?\"\u201d\u2019)](?=\s|$)")
# How far into a page copy its article may start, and how many last sentences a cut may drop.
COPY_HEAD_LINES, COPY_CUT_SENTENCES = 12, 60


def cuts_of_page_copy(copy: str, title: str) -> Iterator[str]:
    """The texts an annotator may have made of a stored page copy: the manifest title, a blank
    line, then the copy from one of its first lines (what stands before is page furniture), with
    or without repeats of the headline, its paragraphs as they are or one blank line apart,
    ending at its end or after one of its last sentences (a copy stops mid-sentence)."""
    lines = normalise(copy).split("\n")
    for first in range(min(len(lines), COPY_HEAD_LINES)):
        for drop_headline in (False, True):
            kept = [line for line in lines[first:] if not (drop_headline and line.strip() == title.strip())]
            joined = "\n".join(kept).strip("\n")
            layouts = dict.fromkeys([joined, re.sub(r"\n+", "\n\n", joined), re.sub(r"\n\n+", "\n\n", joined)])
            for body in dict.fromkeys(b for layout in layouts for b in (layout, layout.lstrip())):
                ends = sorted({len(body), *(m.end() for m in SENTENCE_END.finditer(body))}, reverse=True)
                for end in ends[:COPY_CUT_SENTENCES]:
                    for separator in ("\n\n", "\n"):
                        for last in ("", "\n"):
                            yield title + separator + body[:end] + last


def sealed_spans(gold: dict[str, Any]) -> list[tuple[int, int, str]]:
    """The sealed spans of ``gold`` (evidence and quotes): start, end and SHA-1, in text order."""
    return sorted({(int(item[f"{prefix}start_char"]), int(item[f"{prefix}end_char"]), item[key])
                   for kind in KINDS for item in gold.get(kind) or []
                   for prefix, key in (("", "evidence_sha1"), ("quote_", "quote_sha1")) if key in item})


def spans_in_place(text: str, spans: list[tuple[int, int, str]]) -> tuple[int, int, int | None]:
    """How many of the sealed ``spans`` ``text`` holds at their offsets, of how many, and where
    the first one that does not fit starts."""
    fitting = [text_sha1(text[start:end]) == sha1 for start, end, sha1 in spans]
    first_off = next((start for (start, _, _), fits in zip(spans, fitting, strict=True) if not fits), None)
    return sum(fitting), len(spans), first_off


def fit_page_copies(real: RealSet, rows: dict[str, dict[str, str]], source: Path) -> tuple[dict[str, str], list[str]]:
    """The texts cut from the page copies ``source/{id}.txt`` of the articles whose text is not
    in place, by their sha256, and a line for each copy no cut of which is the annotated text."""
    found: dict[str, str] = {}
    lines = []
    for name in sorted(rows):
        row, copy_path = rows[name], source / name
        if not copy_path.is_file() or digest_of(real.text_path(row)) == row.get("sha256"):
            continue
        copy = normalised_text(copy_path.read_bytes(), str(copy_path))
        if copy is None:
            continue
        gold_path = real.gold / f"{article_of(name)}.json"
        spans = sealed_spans(read_json(gold_path)) if gold_path.is_file() else []
        closest: tuple[int, int, int | None] = (0, 0, None)
        for text in cuts_of_page_copy(copy, row["title"]):
            if text_sha256(text) == row.get("sha256"):
                found[row["sha256"]] = text
                break
            closest = max(closest, spans_in_place(text, spans), key=lambda fit: fit[0])
        else:
            in_place, spans, first_off = closest
            where = f", the first out of place at character {first_off}" if first_off is not None else ""
            lines.append(f"{copy_path}: no cut of it is the annotated text; the closest keeps "
                         f"{in_place} of {spans} annotated spans in place{where} (the manifest "
                         "note says what was left out; edit the copy and run restore again)")
    return found, lines


def restore(real: RealSet, source: Path, page_copies: bool = False) -> list[str]:
    rows = read_manifest(real)
    if not rows:
        raise InputError(f"{real.manifest}: no articles to restore")
    if page_copies:
        if not source.is_dir():
            raise InputError(f"{source}: give the folder of page copies, one {{id}}.txt per article")
        found, unfitted = fit_page_copies(real, rows, source)
        lines = [f"{source}: {len(found)} texts cut from page copies", *unfitted]
    else:
        found = archive_texts(source)
        known = {row.get("sha256") for row in rows.values()}
        lines = [f"{source}: {len(found)} texts, {len(known & set(found))} of them in the manifest"]
    return lines + arrange(real, rows, found)


def pack(real: RealSet, output: Path) -> list[str]:
    """A .tar.gz of the set's texts ({split}/{file}), the same bytes for the same texts."""
    if not output.name.endswith(".tar.gz"):
        raise InputError(f"{output}: name the archive FILE.tar.gz")
    rows = read_manifest(real)
    members, missing = [], []
    for name in sorted(rows):
        row = rows[name]
        path = next((p for p in [real.text_path(row), *real.candidates(name)]
                     if digest_of(p) == row.get("sha256")), None)
        if path is None:
            missing.append(name)
            continue
        arcname = f"{row['split']}/{name}" if row.get("split") else name
        members.append((arcname, read_text(path).encode("utf-8")))
    if not members:
        raise InputError(f"{real.texts}: none of the manifest's texts is here; nothing to pack")

    def write(tmp: Path) -> None:
        with tmp.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as zipped, \
                tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as archive:
            for arcname, data in members:
                info = tarfile.TarInfo(arcname)
                info.size, info.mode, info.mtime = len(data), 0o644, 0
                archive.addfile(info, io.BytesIO(data))

    write_atomically(output, write)
    lines = [f"{output}: {len(members)} texts (keep it out of git)"]
    if missing:
        lines.append(f"not here, so not packed: {', '.join(missing)}")
    return lines


# ----------------------------------------------------------------------------- unseal and check


def unseal(real: RealSet, articles: list[str], force: bool = False) -> list[str]:
    """gold/{id}.json + its text → work/{id}.json; an existing work file is kept unless ``force``
    (it may hold edits not sealed yet)."""
    rows = read_manifest(real)
    paths = [real.gold / f"{a}.json" for a in articles] or sorted(real.gold.glob("*.json"))
    unsealed: dict[Path, dict[str, Any]] = {}
    lines = []
    for path in paths:
        if not path.is_file():
            raise InputError(f"{path}: no such gold file")
        data = read_json(path)
        gold_article(data, str(path))  # the schema, before cutting the text at its offsets
        row = row_of_article(rows, data["article"], path)
        text_path = real.text_path(row)
        if digest_of(text_path) != row.get("sha256"):
            if articles:
                raise InputError(f"{text_path}: absent or not the annotated text; restore it first")
            lines.append(f"{path.name}: skipped, {text_path} is absent or not the annotated text")
            continue
        target = real.work / path.name
        if target.exists() and not force:
            raise InputError(f"{target}: exists and may hold edits not sealed yet; seal it first, "
                             "or pass --force to replace it")
        text = read_text(text_path)
        out = dict(data)
        for kind in KINDS:
            if kind in data:
                out[kind] = [unseal_item(item, text, f"{path.name} {kind}[{i}]")
                             for i, item in enumerate(data[kind])]
        unsealed[target] = out
    for target, data in unsealed.items():
        write_atomically(target, gold_json(data).encode("utf-8"))
        lines.append(f"work/{target.name}: {counts(data)}")
    return lines


@dataclass
class CheckReport:
    mismatches: list[str] = field(default_factory=list)
    checked_texts: int = 0
    checked_items: int = 0
    absent: list[str] = field(default_factory=list)

    def lines(self) -> Iterator[str]:
        yield from self.mismatches
        yield (f"{self.checked_texts} texts and {self.checked_items} sealed items checked, "
               f"{len(self.mismatches)} mismatches")
        if self.absent:
            yield f"not here, so not checked: {', '.join(self.absent)}"


def check(real: RealSet) -> CheckReport:
    """Every present text against its sha256 and every gold item against its text's SHA-1s;
    committed gold that is not sealed, and a text in the other split's folder, are mismatches."""
    rows = read_manifest(real)
    report = CheckReport()
    texts: dict[str, str] = {}
    for name in sorted(rows):
        row = rows[name]
        target = real.text_path(row)
        for other in real.candidates(name):
            if other != target and other.is_file():
                report.mismatches.append(f"{other}: belongs at {target}; run restore --from {real.texts}")
        if not target.is_file():
            report.absent.append(name)
            continue
        report.checked_texts += 1
        try:
            text = read_text(target)
        except InputError as exc:
            report.mismatches.append(str(exc))
            continue
        if text_sha256(text) != row.get("sha256"):
            report.mismatches.append(f"{target}: sha256 differs from manifest.csv (not the annotated text)")
        else:
            texts[article_of(name)] = text
    for split_name in SPLITS:
        folder = real.texts / split_name
        if any(folder.glob("*.txt")) and not (folder / MANIFEST).is_file():
            report.mismatches.append(f"{folder}: no manifest.csv, so the build has no dates; "
                                     f"run restore --from {real.texts}")
    for path in sorted(real.gold.glob("*.json")):
        data = read_json(path)
        try:
            row_of_article(rows, data["article"], path)
        except InputError as exc:
            report.mismatches.append(str(exc))
        text = texts.get(data["article"])
        for kind in KINDS:
            for index, item in enumerate(data.get(kind) or []):
                where = f"{path} {kind}[{index}]"
                if "evidence" in item or ("quote" in item and item["quote"] is not None):
                    report.mismatches.append(f"{where}: not sealed (it holds the article's text); run seal")
                elif text is not None:
                    report.checked_items += 1
                    try:
                        unseal_item(item, text, where)
                    except (InputError, KeyError, TypeError, ValueError) as exc:
                        report.mismatches.append(str(exc) if isinstance(exc, InputError) else
                                                 f"{where}: malformed sealed item ({exc})")
    return report


# ----------------------------------------------------------------------------- score


def score(real: RealSet, out_dir: Path) -> int:
    """Build each split present into out/real-{split}.trig and score it as the blind sets are
    scored; without the texts, say how to restore them (exit 0: a clone has no texts)."""
    from isisgraph.build import build
    from isisgraph.evaluate import evaluate, load_graph, read_texts

    present = [s for s in SPLITS if any((real.texts / s).glob("*.txt"))]
    if not present:
        print(f"No texts in {real.texts}/{{dev,held}} (they are never committed): nothing scored.")
        print("Restore them: .venv/bin/python tools/real_news.py restore --from ARCHIVE.tar.gz (or a folder)")
        return 0
    report = check(real)
    if report.mismatches:
        for line in report.lines():
            print(line)
        print("the texts do not match the annotations: restore them (tools/real_news.py restore)")
        return 1
    if report.absent:
        print(f"not here, so not scored: {', '.join(report.absent)}")
    for split_name in SPLITS:
        folder = real.texts / split_name
        if split_name not in present:
            print(f"== {split_name}: no texts; restore them: tools/real_news.py restore --from ARCHIVE")
            continue
        output = out_dir / f"real-{split_name}.trig"
        summary = build([folder], output)
        for skip in summary.skipped:
            print(f"skipped: {skip}")
        for violation in summary.violations:
            print(f"violation: {violation}")
        print(f"== {split_name}: {summary.articles} articles built into {output}, "
              f"{len(summary.violations)} SHACL violations, {len(summary.skipped)} skipped")
        try:
            scores = evaluate(real.gold, load_graph(output), match="blind", texts=read_texts([folder]))
        except InputError as exc:
            print(f"not scored: {exc}")
            continue
        print(scores.table())
    return 0


# ----------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="Exit codes: 0 ok; 1 a text or sealed item does not match; "
                                            "2 bad input.")
    parser.add_argument("--root", type=Path, default=REAL, help="the set's folder (default: %(default)s)")
    commands = parser.add_subparsers(dest="command", required=True)
    sealing = commands.add_parser("seal", help="work/ + texts -> gold/ (sealed) and manifest.csv")
    sealing.add_argument("--rehash", action="store_true",
                         help="accept a text of a work/manifest-*.csv that differs from manifest.csv")
    sealing.add_argument("--update", nargs="+", default=[], metavar="ID",
                         help="articles whose sealed gold the work files may change")
    commands.add_parser("split", help="give each article without a split dev or held (a third per genre)")
    unsealing = commands.add_parser("unseal", help="gold/ + texts -> work/{id}.json")
    unsealing.add_argument("articles", nargs="*", help="article ids (default: every gold file)")
    unsealing.add_argument("--force", action="store_true", help="replace existing work files")
    commands.add_parser("check", help="texts against manifest sha256, sealed items against sha1")
    restoring = commands.add_parser("restore", help="texts from a folder or .tar.gz into texts/{dev,held}/")
    restoring.add_argument("--from", dest="source", type=Path, required=True, metavar="PATH")
    restoring.add_argument("--page-copies", action="store_true",
                           help="PATH holds stored page copies named as the texts; cut each as annotated")
    packing = commands.add_parser("pack", help="texts/ -> FILE.tar.gz for a colleague (outside git)")
    packing.add_argument("-o", "--output", type=Path, required=True)
    scoring = commands.add_parser("score", help="build each split and score it blind (make eval-real)")
    scoring.add_argument("--out", type=Path, default=ROOT / "out", help="folder of the graphs")
    args = parser.parse_args(argv)
    real = RealSet(args.root)
    try:
        if args.command == "check":
            report = check(real)
            print("\n".join(report.lines()))
            return 1 if report.mismatches else 0
        if args.command == "score":
            return score(real, args.out)
        lines = {
            "seal": lambda: seal(real, args.rehash, args.update),
            "split": lambda: split(real),
            "unseal": lambda: unseal(real, args.articles, args.force),
            "restore": lambda: restore(real, args.source, args.page_copies),
            "pack": lambda: pack(real, args.output),
        }[args.command]()
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
