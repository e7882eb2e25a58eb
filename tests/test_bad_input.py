"""Hostile and unlucky input: one bad record is skipped with its reason and never stops the rest."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from isisgraph.build import graph_nquads
from isisgraph.emit import current_run, meta_triples
from isisgraph.errors import InputError
from isisgraph.ingest import Problems, read_articles

GOOD = json.dumps({"id": "good", "text": "Coalition forces conducted strikes near Mosul."})


def read_jsonl(tmp_path: Path, *lines: str, prefix: bytes = b"") -> tuple[list, Problems]:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(prefix + "\n".join(lines).encode("utf-8") + b"\n")
    problems = Problems()
    return list(read_articles([path], problems=problems)), problems


def reasons(problems: Problems) -> dict[str, str]:
    return {s.source.rsplit(":", 1)[-1]: s.reason for s in problems.skipped}


@pytest.mark.parametrize("line, reason", [
    # JSON can spell a lone surrogate; it is not text, and encoding it anywhere fails
    ('{"id": "s1", "text": "Strikes \\ud800 near Mosul."}',
     "the text holds a lone surrogate ('\\ud800'), which is not text; fix the record"),
    ('{"id": "s2", "title": "Raqqa \\udfff", "text": "Strikes near Mosul."}',
     "'title' holds a lone surrogate ('\\udfff'), which is not text; fix the record"),
    ('{"id": "s3", "text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}",
     "nested too deeply to read; fix or remove it"),
    ('{"id": "s4", "text": "x", "n": ' + "9" * 5000 + "}",
     "not a JSON object (Exceeds the limit (4300 digits) for integer string conversion"),
    ('{"id": true, "text": "x"}',
     "needs a JSON object with an 'id' (a non-empty string or an integer) and a string 'text'"),
])
def test_a_bad_jsonl_line_is_skipped_and_the_next_one_read(tmp_path, line, reason):
    articles, problems = read_jsonl(tmp_path, line, GOOD)
    assert [a.id for a in articles] == ["good"]
    assert list(reasons(problems)) == ["1"]
    assert reasons(problems)["1"].startswith(reason)
    assert "\n" not in reasons(problems)["1"] and len(reasons(problems)["1"]) < 200


def test_every_article_read_can_be_written(tmp_path):
    """What ingest lets through must serialise: a surrogate in a title used to crash the build
    when the article's metadata was written, long after reading."""
    articles, _ = read_jsonl(tmp_path, '{"id": "t", "title": "a\\ud83d", "text": "ok"}', GOOD)
    for article in articles:
        graph_nquads(meta_triples(article, current_run("model", "0")), article.id)  # raises on bad text
    assert [a.id for a in articles] == ["good"]


def test_a_byte_order_mark_does_not_cost_the_first_line(tmp_path):
    articles, problems = read_jsonl(tmp_path, GOOD, '{"id": "second", "text": "More strikes."}',
                                    prefix=b"\xef\xbb\xbf")
    assert [a.id for a in articles] == ["good", "second"]
    assert problems.skipped == []


def test_an_integer_id_is_an_id_even_zero(tmp_path):
    articles, problems = read_jsonl(tmp_path, '{"id": 0, "text": "Zero."}', '{"id": 17, "text": "Seventeen."}')
    assert [a.id for a in articles] == ["0", "17"]
    assert problems.skipped == []


def test_a_manifest_column_named_twice_stops_the_run(tmp_path):
    (tmp_path / "a.txt").write_text("Strikes near Mosul.", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,title,publisher,title\na.txt,First,Wire,Second\n",
                                           encoding="utf-8")
    with pytest.raises(InputError) as raised:
        list(read_articles([tmp_path]))
    assert str(raised.value) == (f"{tmp_path / 'manifest.csv'}: column 'title' is named twice in the first "
                                 "line; rename or remove one of them")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_named_like_an_article_is_skipped_not_waited_for(tmp_path):
    (tmp_path / "a.txt").write_text("Strikes near Mosul.", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # no writer: reading it would block forever
    problems = Problems()
    assert [a.id for a in read_articles([tmp_path], problems=problems)] == ["a"]
    assert [(Path(s.source).name, s.reason) for s in problems.skipped] == [
        ("pipe.txt", "not a regular file (a FIFO, socket or device); only files are read")]


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", "1899-12-31"])
def test_a_publication_date_outside_the_news_era_is_dropped_with_a_warning(tmp_path, published):
    line = json.dumps({"id": "old", "text": "Yesterday the army took Hawija.", "published": published})
    articles, problems = read_jsonl(tmp_path, line)
    assert [(a.id, a.published) for a in articles] == [("old", None)]
    assert problems.warnings == [f"{tmp_path / 'feed.jsonl'}:1: published date '{published}' is outside "
                                 "1900–2099; kept without a date, so relative dates stay unresolved"]


def test_the_edges_of_the_range_are_kept(tmp_path):
    lines = [json.dumps({"id": f"d{i}", "text": "Strikes.", "published": day}) for i, day in
             enumerate(["1900-01-01", "2099-12-31"])]
    articles, problems = read_jsonl(tmp_path, *lines)
    assert [a.published for a in articles] == [dt.date(1900, 1, 1), dt.date(2099, 12, 31)]
    assert problems.warnings == []


# ---------------------------------------------------------------- the build goes on


def poisoned_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Coalition forces conducted six strikes near Mosul.", encoding="utf-8")
    (corpus / "b.txt").write_text("POISON: Iraqi forces retook Tal Afar.", encoding="utf-8")
    (corpus / "c.txt").write_text("The SDF said it had taken Raqqa.", encoding="utf-8")
    return corpus


def graph_names(path: Path) -> set[str]:
    from isisgraph.graphio import read_quads

    return {q.graph_name.value for q in read_quads(path) if "/graph/doc/" in str(q.graph_name)}


@pytest.mark.parametrize("stage, function", [
    ("parsed", "parse_texts"), ("extracted", "extract"), ("validated", "validate_articles")])
def test_an_article_that_fails_at_any_step_is_skipped_and_the_rest_built(tmp_path, monkeypatch, stage, function):
    """Whatever breaks on one article (a date overflow in extraction, a parser crash, a
    validator error), that article is skipped with the error and the others are written."""
    from click.testing import CliRunner

    import isisgraph.build as build_module
    from isisgraph.cli import main

    real = getattr(build_module, function)

    def broken(*args, **kwargs):
        texts = args[1] if function == "parse_texts" else [args[1].text] if function == "extract" else [
            item.text for item in args[0]]
        if any("POISON" in text for text in texts):
            raise OverflowError("date value out of range")
        return real(*args, **kwargs)

    monkeypatch.setattr(build_module, function, broken)
    out = tmp_path / "out" / "graph.nq"
    result = CliRunner().invoke(main, ["build", str(poisoned_corpus(tmp_path)), "-o", str(out), "--no-progress",
                                       "--batch-size", "3"])
    assert result.exit_code == 2, result.output
    skipped = [line for line in result.output.splitlines() if line.startswith("skipped: ")]
    assert skipped == [f"skipped: {tmp_path / 'corpus' / 'b.txt'}: could not be {stage} (OverflowError: date value "
                       "out of range); the other articles were built; please report this article with the error"]
    assert "articles     2 (2 processed" in result.output
    assert graph_names(out) == {"https://w3id.org/isisgraph/graph/doc/a", "https://w3id.org/isisgraph/graph/doc/c"}


def test_when_every_input_is_skipped_the_reasons_are_printed(tmp_path):
    from click.testing import CliRunner

    from isisgraph.cli import main

    (tmp_path / "arabic.txt").write_bytes("داعش في الموصل".encode("cp1256"))
    result = CliRunner().invoke(main, ["build", str(tmp_path), "-o", str(tmp_path / "g.trig"), "--no-progress"])
    assert result.exit_code == 2
    assert result.output == (
        f"skipped: {tmp_path / 'arabic.txt'}: not valid utf-8 (invalid continuation byte); pass --encoding with "
        "the file's encoding (e.g. --encoding cp1256)\n"
        "Error: no readable articles in the given paths; nothing was written\n")


@pytest.mark.parametrize("option, value, message", [
    ("--encoding", "nonsense", "Invalid value for '--encoding': 'nonsense' is not an encoding Python knows; "
                               "use e.g. utf-8, cp1256, latin-1 or utf-16"),
    ("--max-chars", "-1", "Invalid value for '--max-chars': -1 is not in the range x>=1."),
    ("--batch-size", "0", "Invalid value for '--batch-size': 0 is not in the range x>=1."),
    ("--batch-size", "-1", "Invalid value for '--batch-size': -1 is not in the range x>=1."),
    ("--workers", "0", "Invalid value for '--workers': 0 is not in the range x>=1."),
])
def test_option_values_that_would_fail_every_article_are_usage_errors(tmp_path, option, value, message):
    from click.testing import CliRunner

    from isisgraph.cli import main

    (tmp_path / "a.txt").write_text("Strikes near Mosul.", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path), "-o", str(tmp_path / "g.trig"), option, value])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == f"Error: {message}"


@pytest.mark.parametrize("kwargs, message", [
    ({"encoding": "nonsense"}, "--encoding 'nonsense' is not an encoding Python knows"),
    ({"batch_size": 0}, "--batch-size 0: give a number of 1 or more"),
    ({"max_chars": -1}, "--max-chars -1: give a number of 1 or more"),
])
def test_the_library_refuses_the_same_values(tmp_path, kwargs, message):
    from isisgraph.build import build

    (tmp_path / "a.txt").write_text("Strikes near Mosul.", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        build([tmp_path], tmp_path / "g.trig", **kwargs)


# ---------------------------------------------------------------- ordinary news never fails the shapes

# Sentences as news writes them, each an article of its own, with and without a publication
# date: whatever the extractors make of them, an ordinary sentence must never make a build
# report a violation (exit 1); an open field is a warning. (Written for this test, not taken
# from the seeds.)
ORDINARY = [
    "Last month the army took Hawija.",
    "The army took Hawija.",
    "Coalition aircraft carried out strikes.",
    "Strikes continued near Raqqa last week.",
    "Iraqi forces said they had retaken the town on Tuesday.",
    "The militants withdrew.",
    "Three people were killed in an attack in Baghdad.",
    "A spokesman said the group had been defeated.",
    "Police arrested a suspect.",
    "Fighters surrendered near Hajin.",
    "The coalition conducted 12 strikes in Syria between March 3 and 9.",
    "Islamic State claimed responsibility.",
]


def test_no_ordinary_sentence_makes_a_build_exit_1(tmp_path):
    from click.testing import CliRunner

    from isisgraph.cli import main

    corpus = tmp_path / "ordinary"
    corpus.mkdir()
    rows = ["file,published"]
    for number, sentence in enumerate(ORDINARY):
        for dated in (True, False):
            name = f"s{number:02d}{'d' if dated else 'u'}.txt"
            (corpus / name).write_text(sentence, encoding="utf-8")
            rows.append(f"{name},{'2017-10-20' if dated else ''}")
    (corpus / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path / "g.nq"), "--no-progress"])
    violations = [line for line in result.output.splitlines() if line.startswith("violation: ")]
    assert violations == []
    assert result.exit_code == 0, result.output
