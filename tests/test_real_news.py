"""tools/real_news.py on a small set written by the test: seal, check, unseal, split, pack,
restore and score, and the one-line errors for bad input."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import shutil
import sys
import tarfile
from pathlib import Path

import pytest

from isisgraph.evaluate import locate_evidence, text_sha1
from isisgraph.ingest import normalise, text_sha256

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("real_news", ROOT / "tools" / "real_news.py")
assert _spec is not None and _spec.loader is not None
real_news = importlib.util.module_from_spec(_spec)
sys.modules["real_news"] = real_news  # dataclasses look their module up there
_spec.loader.exec_module(real_news)

RELEASE = ("Coalition strikes in Iraq\r\n\r\n"  # CRLF: the digest is of the text as the build reads it
           "In Iraq the coalition conducted six air strikes between December 22 and 28. "
           "Col. Ryan Dillon said \u201cISIS is losing.\u201d\r\n")
WIRE = ("Iraqi forces retake Hawija\n\n"
        "Iraqi forces retook Hawija from Islamic State on October 5, officials said.\n")
STRIKE = {"evidence": "In Iraq the coalition conducted six air strikes between December 22 and 28.",
          "occurrence": 1, "perpetrator": "cjtf-oir", "countries": ["iraq"], "strike_count": 6,
          "count_qualifier": "exact", "engagement_count": None, "start": "2017-12-22",
          "end": "2017-12-28", "locations": [], "targets": [], "part_of": None}
CLAIM = {"evidence": "Col. Ryan Dillon said \u201cISIS is losing.\u201d", "claimant": "ryan-dillon",
         "on_behalf_of": "cjtf-oir", "type": "assessment", "channel": "said",
         "quote": "ISIS is losing.", "date": None}
EVENT = {"evidence": "Iraqi forces retook Hawija from Islamic State on October 5", "type": "ControlChange",
         "place": "hawija", "start": "2017-10-05", "end": "2017-10-05", "gained": ["isf"],
         "lost": ["isis"]}
FRAGMENT = ("file,title,publisher,url,published,date_precision,genre,origin,note,split\n"
            "r1.txt,Coalition strikes in Iraq,Example Release,https://example.org/r1,2017-12-31,day,"
            "release,test,,\n"
            "w1.txt,Iraqi forces retake Hawija,Example Wire,https://example.org/w1,2017-10-06,day,"
            "wire,test,a split given by the fragment is kept,held\n")


def run(root: Path, *args: str) -> int:
    return real_news.main(["--root", str(root), *args])


def make_set(root: Path) -> Path:
    """Two articles as annotators leave them: texts in texts/, a manifest fragment and work/ gold."""
    (root / "texts").mkdir(parents=True)
    (root / "work").mkdir()
    (root / "texts" / "r1.txt").write_bytes(b"\xef\xbb\xbf" + RELEASE.encode("utf-8"))  # with a BOM
    (root / "texts" / "w1.txt").write_text(WIRE, encoding="utf-8")
    (root / "work" / "manifest-a.csv").write_text(FRAGMENT, encoding="utf-8")
    write_json(root / "work" / "r1.json", {"article": "r1", "published": "2017-12-31",
                                           "annotated": ["strike_reports", "claims"],
                                           "strike_reports": [STRIKE], "claims": [CLAIM]})
    write_json(root / "work" / "w1.json", {"article": "w1", "published": "2017-10-06", "events": [EVENT]})
    return root


def write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def manifest_rows(path: Path) -> dict[str, dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return {row["file"]: row for row in csv.DictReader(handle)}


@pytest.fixture
def sealed(tmp_path: Path) -> Path:
    root = make_set(tmp_path / "real")
    assert run(root, "seal") == 0
    assert run(root, "split") == 0
    return root


def test_seal_writes_the_manifest_with_the_digest_of_the_text_as_the_build_reads_it(sealed):
    rows = manifest_rows(sealed / "manifest.csv")
    assert list(next(iter(rows.values())))[:11] == list(real_news.MANIFEST_COLUMNS)
    assert rows["r1.txt"]["sha256"] == text_sha256(normalise(RELEASE))
    assert rows["r1.txt"]["sha256"] != hashlib.sha256(RELEASE.encode("utf-8")).hexdigest()
    assert rows["w1.txt"]["sha256"] == text_sha256(WIRE)
    assert (rows["r1.txt"]["genre"], rows["r1.txt"]["published"]) == ("release", "2017-12-31")
    assert (rows["r1.txt"]["split"], rows["w1.txt"]["split"]) == ("dev", "held")  # split; fragment


def test_sealed_gold_keeps_offsets_and_digests_but_no_text(sealed):
    raw = (sealed / "gold" / "r1.json").read_text(encoding="utf-8")
    assert "six air strikes" not in raw and "ISIS is losing" not in raw
    data = json.loads(raw)
    text = normalise(RELEASE)
    report, claim = data["strike_reports"][0], data["claims"][0]
    assert (report["start_char"], report["end_char"]) == locate_evidence(text, STRIKE["evidence"])
    assert report["evidence_sha1"] == text_sha1(STRIKE["evidence"])
    assert text[claim["quote_start_char"]:claim["quote_end_char"]] == "ISIS is losing."
    assert claim["quote_sha1"] == text_sha1("ISIS is losing.")
    assert data["annotated"] == ["strike_reports", "claims"]


def test_check_passes_and_unseal_gives_back_the_work_files(sealed, capsys):
    assert run(sealed, "check") == 0
    assert "2 texts and 3 sealed items checked, 0 mismatches" in capsys.readouterr().out
    shutil.rmtree(sealed / "work")
    assert run(sealed, "unseal") == 0
    data = json.loads((sealed / "work" / "r1.json").read_text(encoding="utf-8"))
    text = normalise(RELEASE)
    for unsealed, item in ((data["strike_reports"][0], STRIKE), (data["claims"][0], CLAIM)):
        start, end = locate_evidence(text, item["evidence"])
        assert unsealed == {**item, "occurrence": 1, "start_char": start, "end_char": end}
    # unsealed, the files seal again to the same gold
    before = (sealed / "gold" / "r1.json").read_bytes()
    assert run(sealed, "seal") == 0
    assert (sealed / "gold" / "r1.json").read_bytes() == before


def test_unseal_keeps_an_existing_work_file(sealed, capsys):
    assert run(sealed, "unseal", "r1") == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
    assert "work/r1.json: exists and may hold edits not sealed yet" in err
    assert run(sealed, "unseal", "r1", "--force") == 0


def test_a_tampered_text_is_named_by_check(sealed, capsys):
    (sealed / "texts" / "dev").mkdir(exist_ok=True)
    rows = manifest_rows(sealed / "manifest.csv")
    path = sealed / "texts" / rows["w1.txt"]["split"] / "w1.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("October 5", "October 6"), encoding="utf-8")
    assert run(sealed, "check") == 1
    out = capsys.readouterr().out
    assert f"{path}: sha256 differs from manifest.csv (not the annotated text)" in out
    assert "1 mismatches" in out


def test_a_tampered_offset_is_named_by_check(sealed, capsys):
    gold = sealed / "gold" / "w1.json"
    data = json.loads(gold.read_text(encoding="utf-8"))
    data["events"][0]["start_char"] += 1
    write_json(gold, data)
    assert run(sealed, "check") == 1
    assert f"{gold} events[0]: the text at" in capsys.readouterr().out


def test_gold_that_holds_evidence_text_is_a_mismatch(sealed, capsys):
    shutil.copyfile(sealed / "work" / "w1.json", sealed / "gold" / "w1.json")
    assert run(sealed, "check") == 1
    assert "w1.json events[0]: not sealed (it holds the article's text); run seal" in capsys.readouterr().out


def test_a_held_text_in_the_dev_folder_is_a_mismatch_and_restore_removes_it(sealed, capsys):
    held = sealed / "texts" / "held" / "w1.txt"
    (sealed / "texts" / "dev").mkdir(exist_ok=True)
    shutil.copyfile(held, sealed / "texts" / "dev" / "w1.txt")
    assert run(sealed, "check") == 1
    assert f"{sealed / 'texts' / 'dev' / 'w1.txt'}: belongs at {held}" in capsys.readouterr().out
    assert run(sealed, "restore", "--from", str(sealed / "texts")) == 0
    assert not (sealed / "texts" / "dev" / "w1.txt").exists() and held.is_file()
    assert run(sealed, "check") == 0


def test_split_lays_out_the_texts_with_a_manifest_per_folder(sealed):
    rows = manifest_rows(sealed / "manifest.csv")
    assert {row["split"] for row in rows.values()} <= {"dev", "held"}
    for name, row in rows.items():
        folder = sealed / "texts" / row["split"]
        assert (folder / name).read_text(encoding="utf-8") == normalise(RELEASE if name == "r1.txt" else WIRE)
        assert not (sealed / "texts" / name).exists()  # moved, not copied
        folder_rows = manifest_rows(folder / "manifest.csv")
        assert folder_rows[name]["published"] == row["published"]
        assert "split" not in folder_rows[name]


def test_split_holds_a_third_of_each_genre_deterministically_and_never_moves_an_article():
    rows = {f"{genre}{i}.txt": {"file": f"{genre}{i}.txt", "genre": genre, "split": ""}
            for genre, n in (("release", 6), ("wire", 3), ("tv", 2)) for i in range(n)}
    real_news.assign_splits(rows)
    held = {name for name, row in rows.items() if row["split"] == "held"}
    # 11 articles: 4 held; 2 of 6 releases, 1 of 3 wires, and the rounding's one of 2 tv
    assert [sum(n.startswith(g) for n in held) for g in ("release", "wire", "tv")] == [2, 1, 1]
    again = {name: {**row, "split": ""} for name, row in rows.items()}
    real_news.assign_splits(again)
    assert {name for name, row in again.items() if row["split"] == "held"} == held
    grown = {**rows, **{f"wire{i}.txt": {"file": f"wire{i}.txt", "genre": "wire", "split": ""}
                        for i in range(3, 9)}}
    real_news.assign_splits(grown)
    assert all(grown[name]["split"] == rows[name]["split"] for name in rows)
    assert sum(1 for n, r in grown.items() if n.startswith("wire") and r["split"] == "held") == 3


def test_small_genres_together_still_give_their_third():
    singles = {f"genre-{i}": 1 for i in range(9)}
    quotas = real_news.held_quotas(singles, {})
    assert sum(quotas.values()) == 3 and set(quotas.values()) == {0, 1}
    assert real_news.held_quotas(singles, {}) == quotas
    assert real_news.held_quotas({"a": 6, "b": 3}, {}) == {"a": 2, "b": 1}
    # a genre already holding its share takes none of the rounding: "b" is not short
    assert real_news.held_quotas({"a": 1, "b": 1}, {"b": 1}) == {"a": 0, "b": 1}
    assert real_news.held_quotas({"a": 1, "b": 1}, {"a": 1}) == {"a": 1, "b": 0}


def test_pack_and_restore_bring_the_texts_back(sealed, tmp_path, capsys):
    archive = tmp_path / "texts.tar.gz"
    assert run(sealed, "pack", "-o", str(archive)) == 0
    first = archive.read_bytes()
    assert run(sealed, "pack", "-o", str(archive)) == 0
    assert archive.read_bytes() == first  # the same texts give the same archive
    with tarfile.open(archive) as members:
        names = sorted(m.name for m in members)
    rows = manifest_rows(sealed / "manifest.csv")
    assert names == sorted(f"{row['split']}/{name}" for name, row in rows.items())
    shutil.rmtree(sealed / "texts")
    capsys.readouterr()
    assert run(sealed, "restore", "--from", str(archive)) == 0
    assert "missing" not in capsys.readouterr().out
    assert run(sealed, "check") == 0


def test_restore_finds_texts_by_content_and_reports_what_is_missing(sealed, tmp_path, capsys):
    rows = manifest_rows(sealed / "manifest.csv")
    colleague = tmp_path / "colleague"
    colleague.mkdir()
    wire = sealed / "texts" / rows["w1.txt"]["split"] / "w1.txt"
    (colleague / "saved-under-another-name.txt").write_bytes(wire.read_bytes())
    shutil.rmtree(sealed / "texts")
    capsys.readouterr()
    assert run(sealed, "restore", "--from", str(colleague)) == 0
    out = capsys.readouterr().out
    assert wire.read_text(encoding="utf-8") == WIRE
    assert f"missing 1 texts: {rows['r1.txt']['split']}/r1.txt" in out


def test_restore_cuts_texts_from_page_copies_as_they_were_annotated(sealed, tmp_path, capsys):
    """A stored page copy holds furniture before the headline, the headline again, and stops
    mid-sentence: the cut that is the annotated text is found by its digest; a copy that
    differs inside the text is named, with how much of the gold it keeps in place."""
    rows = manifest_rows(sealed / "manifest.csv")
    copies = tmp_path / "pages"
    copies.mkdir()
    (copies / "w1.txt").write_text(
        "Middle East\nIraqi forces retake Hawija\n"
        "Iraqi forces retook Hawija from Islamic State on October 5, officials said.\n"
        "The army then moved on to", encoding="utf-8")
    (copies / "r1.txt").write_text(RELEASE.replace("losing", "loosing"), encoding="utf-8")
    shutil.rmtree(sealed / "texts")
    capsys.readouterr()
    assert run(sealed, "restore", "--from", str(copies), "--page-copies") == 0
    out = capsys.readouterr().out
    wire = sealed / "texts" / rows["w1.txt"]["split"] / "w1.txt"
    assert wire.read_text(encoding="utf-8") == WIRE
    start = normalise(RELEASE).index(CLAIM["evidence"])
    assert (f"{copies / 'r1.txt'}: no cut of it is the annotated text; the closest keeps 1 of 3 "
            f"annotated spans in place, the first out of place at character {start}") in out
    assert f"missing 1 texts: {rows['r1.txt']['split']}/r1.txt" in out
    assert run(sealed, "restore", "--from", str(copies / "r1.txt"), "--page-copies") == 2


def test_seal_refuses_a_text_that_changed_since_it_was_sealed(sealed, capsys):
    rows = manifest_rows(sealed / "manifest.csv")
    path = sealed / "texts" / rows["w1.txt"]["split"] / "w1.txt"
    path.write_text(WIRE.replace("officials said", "an official said"), encoding="utf-8")
    capsys.readouterr()
    assert run(sealed, "seal") == 2
    err = capsys.readouterr().err
    assert f"error: {path}: the text differs from the one manifest.csv records" in err
    assert run(sealed, "seal", "--rehash") == 0
    assert manifest_rows(sealed / "manifest.csv")["w1.txt"]["sha256"] == text_sha256(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("change", "message"), [
    (lambda root: (root / "work" / "manifest-a.csv").write_text("name,title\nr1.txt,x\n", encoding="utf-8"),
     "manifest-a.csv: no 'file' column"),
    (lambda root: write_json(root / "work" / "w1.json", {"article": "w1", "events": [
        {**EVENT, "evidence": "Iraqi forces retook Mosul"}]}),
     "w1.json events[0]: occurrence 1 of 'Iraqi forces retook Mosul' not in the text"),
    (lambda root: (root / "texts" / "w1.txt").unlink(),
     "manifest-a.csv: w1.txt: no text at texts/w1.txt"),
    (lambda root: write_json(root / "work" / "x9.json", {"article": "x9", "events": []}),
     "x9.json: article x9 is not in manifest.csv"),
    (lambda root: write_json(root / "work" / "w1.json", {"article": "w1", "events": [{**EVENT, "type": "Capture"}]}),
     "w1.json events[0]: unknown event type ['Capture']"),
    (lambda root: write_json(root / "work" / "r1.json", {"article": "r1", "claims": [{**CLAIM, "quote": "winning"}]}),
     "r1.json claims[0]: the quote is not inside the evidence"),
    (lambda root: (root / "work" / "manifest-a.csv").unlink(),
     "no manifest-*.csv rows to seal"),
    (lambda root: write_json(root / "work" / "w1.json", {"article": "w1", "events": [
        {k: v for k, v in EVENT.items() if k != "evidence"} | {"evidence_sha1": "0" * 40}]}),
     "w1.json events[0]: evidence must be the text itself"),
])
def test_bad_input_is_a_one_line_error_naming_the_file_and_nothing_is_written(tmp_path, capsys, change, message):
    root = make_set(tmp_path / "real")
    change(root)
    assert run(root, "seal") == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
    assert message in err
    assert not (root / "manifest.csv").exists() and not (root / "gold").exists()


def test_restore_from_something_that_is_not_an_archive_says_what_to_give(sealed, tmp_path, capsys):
    bad = tmp_path / "texts.zip"
    bad.write_bytes(b"PK")
    assert run(sealed, "restore", "--from", str(bad)) == 2
    assert f"error: {bad}: give a folder or a .tar.gz of .txt files" in capsys.readouterr().err


def test_score_without_the_texts_says_how_to_restore_them(tmp_path, capsys):
    root = make_set(tmp_path / "real")
    shutil.rmtree(root / "texts")
    assert run(root, "score", "--out", str(tmp_path / "out")) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert "nothing scored" in lines[0] and "tools/real_news.py restore --from" in lines[1]


def test_score_refuses_texts_that_are_not_the_annotated_ones(sealed, tmp_path, capsys):
    rows = manifest_rows(sealed / "manifest.csv")
    path = sealed / "texts" / rows["r1.txt"]["split"] / "r1.txt"
    path.write_text("Something else\n\nEntirely.\n", encoding="utf-8")
    assert run(sealed, "score", "--out", str(tmp_path / "out")) == 1
    assert "the texts do not match the annotations" in capsys.readouterr().out
    assert not (tmp_path / "out").exists()


@pytest.mark.slow  # loads the spaCy model and builds two one-sentence articles
def test_score_builds_each_split_and_prints_the_blind_table(sealed, tmp_path, capsys):
    out = tmp_path / "out"
    assert run(sealed, "score", "--out", str(out)) == 0
    printed = capsys.readouterr().out
    dev, held = printed.split("== held: ")
    for split, section in (("dev", dev), ("held", held)):
        assert (out / f"real-{split}.trig").is_file()
        assert f"1 articles built into {out / f'real-{split}.trig'}, " in section
        assert " SHACL violations, 0 skipped" in section
    rows = [[line.split("  ")[0] for line in section.splitlines()[2:]] for section in (dev, held)]
    # r1 (dev) annotates strike reports and claims; w1 (held) all four kinds
    assert rows[0] == ["strike reports", "claims", "micro total"]
    assert rows[1] == ["strike reports", "events", "events with sides", "events, no wrong side", "claims",
                       "figures", "micro total"]


def test_seal_keeps_sealed_gold_that_a_stale_work_file_would_change(sealed, capsys):
    """A work file left from an earlier round must not undo a fix made to the sealed gold since:
    seal names it and writes nothing; --update ID says the change is meant."""
    before = (sealed / "gold" / "w1.json").read_bytes()
    stale = json.loads((sealed / "work" / "w1.json").read_text(encoding="utf-8"))
    stale["events"][0]["gained"] = ["new:iraqi-forces"]  # the slug the gold replaced since
    write_json(sealed / "work" / "w1.json", stale)
    assert run(sealed, "seal") == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
    assert "1 work file(s) would change gold already sealed (w1)" in err
    assert (sealed / "gold" / "w1.json").read_bytes() == before
    assert run(sealed, "seal", "--update", "w1") == 0
    assert json.loads((sealed / "gold" / "w1.json").read_text(encoding="utf-8"))["events"][0][
        "gained"] == ["new:iraqi-forces"]
