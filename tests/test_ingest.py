"""Ingest: normalisation, manifests, JSONL, and what happens to bad input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from isisgraph.errors import InputError
from isisgraph.ingest import Problems, normalise, read_articles, text_sha256

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_seeds_are_read_with_manifest_metadata():
    articles = list(read_articles([SEEDS]))
    assert [a.id for a in articles] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    first = articles[0]
    assert first.publisher == "The Jerusalem Post"
    assert first.published == dt.date(2017, 12, 31)
    assert first.date_precision == "approximate"
    assert first.sha256 == text_sha256(first.text)
    assert first.length == len(first.text)
    note = "page shows no date; weekly strike report for December 22-28, 2017, so published within days after"
    assert ("note", note) in first.extra


def test_normalise_nfc_line_endings_and_bom():
    decomposed = "\ufeffRaqqa\r\nDeir ez-Zor\rCafe\u0301"
    assert normalise(decomposed) == "Raqqa\nDeir ez-Zor\nCaf\u00e9"


def test_offsets_count_code_points_of_normalised_text(tmp_path: Path):
    (tmp_path / "a.txt").write_bytes("Caf\u0065\u0301 \U0001F600 Mosul\r\n".encode())
    (article,) = read_articles([tmp_path])
    assert article.text == "Caf\u00e9 \U0001F600 Mosul\n"
    start = article.text.index("Mosul")
    assert start == 7 and article.text[start : start + 5] == "Mosul"


def test_bad_files_are_skipped_with_reasons(tmp_path: Path):
    (tmp_path / "good.txt").write_text("Coalition forces conducted strikes near Mosul.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 in Raqqa".encode("latin-1"))
    (tmp_path / "manifest.csv").write_text(
        "file,title,publisher,url,published\n"
        "good.txt,Good,Pub,http://example.org/a,2019-13-45\n"
        "gone.txt,Gone,Pub,http://example.org/b,2019-01-01\n",
        encoding="utf-8",
    )
    problems = Problems()
    articles = list(read_articles([tmp_path], problems=problems))
    assert [a.id for a in articles] == ["good"]
    assert articles[0].published is None
    reasons = {Path(s.source).name: s.reason for s in problems.skipped}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["binary.txt"].startswith("binary file")
    assert "not valid utf-8" in reasons["latin.txt"] and "--encoding" in reasons["latin.txt"]
    assert "listed in" in reasons["gone.txt"] and "missing" in reasons["gone.txt"]
    assert any("2019-13-45" in w and "good.txt" in w for w in problems.warnings)


def test_encoding_option_reads_other_encodings(tmp_path: Path):
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 in Raqqa".encode("latin-1"))
    (article,) = read_articles([tmp_path], encoding="latin-1")
    assert article.text == "Caf\u00e9 in Raqqa"


def test_jsonl_articles_and_bad_lines(tmp_path: Path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a1", "title": "T", "text": "Strikes near Hawija.", "published": "2017-10-01",
                    "url": "http://example.org/1", "publisher": "Wire"}),
        "{not json",
        json.dumps({"id": "a2", "text": ""}),
        json.dumps({"id": "a3", "text": "ISF retook Tal Afar.", "published": "2017-08-31"}),
        '{"id": "a4", "text": "trunc',
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    problems = Problems()
    articles = list(read_articles([path], problems=problems))
    assert [a.id for a in articles] == ["a1", "a3"]
    assert articles[0].publisher == "Wire" and articles[0].published == dt.date(2017, 10, 1)
    sources = [s.source for s in problems.skipped]
    assert sources == [f"{path}:2", f"{path}:3", f"{path}:5"]


def test_duplicate_ids_stop_the_build(tmp_path: Path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "x", "text": "a"}\n{"id": "x", "text": "b"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="already read"):
        list(read_articles([path]))


def test_missing_path_stops_the_build(tmp_path: Path):
    with pytest.raises(InputError, match="no such file or folder"):
        list(read_articles([tmp_path / "nope"]))


def test_manifest_without_file_column(tmp_path: Path):
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("name,title\na.txt,A\n", encoding="utf-8")
    with pytest.raises(InputError, match="no 'file' column"):
        list(read_articles([tmp_path]))


def test_unsafe_file_names_get_stable_ids(tmp_path: Path):
    (tmp_path / "Raqqa news (2).txt").write_text("text", encoding="utf-8")
    first = [a.id for a in read_articles([tmp_path])]
    second = [a.id for a in read_articles([tmp_path])]
    assert first == second and first[0].startswith("Raqqa-news-2-")


def test_symlink_loop_is_skipped(tmp_path: Path):
    (tmp_path / "good.txt").write_text("Strikes near Raqqa.", encoding="utf-8")
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    problems = Problems()
    assert [a.id for a in read_articles([tmp_path], problems=problems)] == ["good"]
    assert sorted(Path(s.source).name for s in problems.skipped) == ["a.txt", "b.txt"]
    assert all("cannot be read" in s.reason for s in problems.skipped)


def test_file_that_disappears_mid_run_is_skipped(tmp_path: Path):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(f"Text {name} about Mosul.", encoding="utf-8")
    problems = Problems()
    articles = read_articles([tmp_path], problems=problems)
    first = next(articles)
    (tmp_path / "b.txt").unlink()
    rest = list(articles)
    assert [first.id, *(a.id for a in rest)] == ["a", "c"]
    assert [(Path(s.source).name, s.reason) for s in problems.skipped] == [("b.txt", "file disappeared while reading")]


def test_unreadable_folder_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # Permission bits do not stop root (CI runs as root), so the refusal is simulated at the
    # point where the operating system would report it.
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "a.txt").write_text("text", encoding="utf-8")
    real_iterdir = Path.iterdir

    def refuse(self: Path):
        if self == folder:
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", refuse)
    problems = Problems()
    assert list(read_articles([folder], problems=problems)) == []
    assert [(s.source, s.reason) for s in problems.skipped] == [
        (str(folder), "cannot list the folder (Permission denied); check its permissions")]
