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
