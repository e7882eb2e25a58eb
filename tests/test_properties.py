"""Property tests: any text in, a valid graph out, with every evidence span exact; any bytes
as a JSONL file or a manifest, read record by record without a traceback.

The CI profile runs a modest number of examples; ``make fuzz`` runs the same properties
with the ``fuzz`` profile (10,000 examples each) and is not part of every CI run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, Dataset, Graph

from isisgraph import nlp
from isisgraph.build import article_key, graph_nquads
from isisgraph.emit import current_run, meta_triples, to_graph
from isisgraph.errors import InputError
from isisgraph.extract import extract
from isisgraph.ingest import Problems, normalise, parse_published, read_articles, text_sha256
from isisgraph.namespaces import IG, OA
from isisgraph.records import Article
from isisgraph.validate import validate_article

settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("fuzz", max_examples=10_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Fragments in the genre's vocabulary (written for these tests, not taken from the seeds), mixed
# with arbitrary Unicode so the extractors meet both plausible and hostile text.
FRAGMENTS = [
    "Coalition forces conducted 12 strikes near Mosul between March 3 and 9.",
    "On Oct. 3, coalition military forces conducted nine strikes in Syria.",
    "There were no strikes in Iraq.",
    "The Iraqi army retook Tal Afar from Daesh on Aug. 31.",
    "A car bomb killed 14 people in Baghdad on Sunday, police said.",
    "ISIS claimed responsibility for the attack in Kirkuk.",
    "\u201cWe will liberate every village,\u201d said Brig. Gen. Yahya Rasool.",
    "According to the SDF, 200 fighters surrendered near Hajin last week.",
    "\u062f\u0627\u0639\u0634 \u0641\u064a \u0627\u0644\u0645\u0648\u0635\u0644",  # Arabic: Daesh in Mosul
    "\u0627\u0644\u0631\u0642\u0629 Raqqa \u200f\u200e",
    "<p>Strikes <b>near</b> Raqqa &amp; Tabqa</p>",
    "Cafe\u0301 \U0001F4A5 \U0001F1EE\U0001F1F6 \u00a0\u2009",
    "1,000 1.000 1\u202f000 \u0661\u0662\u0663 \u00bd 3\u00bd 10-12 2,5 1e6 -7 #9",
    "\x00\x01\x07\x1b\x7f\u2028\u2029",
    "x" * 3000,
]

texts = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200),
    ),
    min_size=1,
    max_size=8,
).map(lambda parts: " ".join(parts))

# Any date, through ingest's reading of it as a build does (0001-01-01 is dropped there: date
# arithmetic on it overflows), with the campaign's years weighted in.
dates = st.one_of(st.none(), st.dates(min_value=dt.date(2013, 1, 1), max_value=dt.date(2025, 12, 31)), st.dates())


def article_of(text: str, published: dt.date | None) -> Article:
    text = normalise(text)
    day = None if published is None else parse_published(published.isoformat(), "prop.txt", Problems())
    return Article(id="prop", text=text, source="prop.txt", published=day, sha256=text_sha256(text))


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=texts, published=dates)
def test_any_text_gives_a_conforming_graph_with_exact_spans(text: str, published: dt.date | None):
    article = article_of(text, published)
    if not article.text:
        return
    doc = nlp.load_pipeline()(article.text)
    extraction = extract(doc, article)
    graph = to_graph(extraction)
    meta = meta_triples(article, current_run("model", "0"))
    report = validate_article(graph, meta)
    assert report.conforms, report.violations

    for ev in graph.subjects(RDF.type, IG.Evidence):
        for selector in graph.objects(ev, OA.hasSelector):
            if (selector, RDF.type, OA.TextPositionSelector) in graph:
                start, end = (graph.value(selector, OA.start).toPython(), graph.value(selector, OA.end).toPython())
                assert 0 <= start < end <= len(article.text)
        quotes = [s for s in graph.objects(ev, OA.hasSelector) if (s, RDF.type, OA.TextQuoteSelector) in graph]
        positions = [s for s in graph.objects(ev, OA.hasSelector) if (s, RDF.type, OA.TextPositionSelector) in graph]
        start, end = graph.value(positions[0], OA.start).toPython(), graph.value(positions[0], OA.end).toPython()
        assert str(graph.value(quotes[0], OA.exact)) == article.text[start:end]

    # emit → serialise → parse gives the same triples
    lines = graph_nquads(graph, graph.identifier)
    parsed = Dataset()
    parsed.parse(data="\n".join(lines) + "\n", format="nquads")
    assert set(parsed.graph(graph.identifier)) == set(graph)
    assert isinstance(graph, Graph)


# ---------------------------------------------------------------- JSONL and manifest bytes

# JSON values a hostile or broken feed holds, spelled as JSON text: lone surrogates, deep
# nesting, numbers Python will not convert, dates at the ends of the calendar, wrong types.
HOSTILE_JSON = ['"\\ud800"', '"a\\udfffb"', "[" * 5000 + "]" * 5000, "9" * 5000, "1e400", "-0", "true",
                "null", '""', '"0001-01-01"', '"9999-12-31"', '"2017-02-30"', '{"nested": {"x": [1, 2]}}',
                '"\\u0000\\u001b[2J"', "0", "[]"]
json_values = st.one_of(st.sampled_from(HOSTILE_JSON), st.text(max_size=40).map(json.dumps),
                        st.integers().map(str), st.dates().map(lambda d: json.dumps(d.isoformat())))
FIELDS = ["id", "text", "title", "published", "url", "publisher", "date_precision", "extra", ""]
ids = st.one_of(st.integers(0, 30).map(str), st.text(min_size=1, max_size=8).map(json.dumps), json_values)
texts = st.one_of(st.text(min_size=1, max_size=60).map(json.dumps), json_values,
                  st.just('"Strikes near Mosul \\ud800 yesterday."'))
records = st.tuples(ids, texts, st.lists(st.tuples(st.sampled_from(FIELDS), json_values), max_size=5)).map(
    lambda parts: "{" + ", ".join([f'"id": {parts[0]}', f'"text": {parts[1]}']
                                  + [f"{json.dumps(k)}: {v}" for k, v in parts[2]]) + "}")
lines = st.one_of(records, records, st.text(max_size=60), st.binary(max_size=60).map(lambda b: b.decode("latin-1")))
jsonl_bytes = st.tuples(st.sampled_from([b"", b"\xef\xbb\xbf"]), st.lists(st.one_of(
    lines.map(lambda line: line.encode("utf-8", "surrogatepass")), st.binary(max_size=80)), max_size=6)).map(
    lambda parts: parts[0] + b"\n".join(parts[1]))


def read_or_refuse(path: Path) -> list[Article]:
    """The articles read, or none when the whole run is refused with a one-line InputError
    (ids used twice, a broken manifest): what a build would do, never another exception."""
    problems = Problems()
    try:
        articles = list(read_articles([path], problems=problems))
    except InputError as exc:
        assert "\n" not in str(exc)
        return []
    for skip in problems.skipped:
        assert skip.reason and "\n" not in skip.reason
    for article in articles:  # what the build does next with each article must not fail either
        assert article.text.strip() and article.sha256 == text_sha256(article.text)
        graph_nquads(meta_triples(article, current_run("model", "0")), article.id)
        article_key(article, "pipeline")
    return articles


@given(data=jsonl_bytes)
def test_any_jsonl_bytes_are_read_or_skipped_line_by_line(data: bytes):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "feed.jsonl"
        path.write_bytes(data)
        read_or_refuse(path)


CSV_CELLS = st.one_of(st.sampled_from(["file", "title", "published", "a.txt", "b.txt", "0001-01-01", "9999-99-99",
                                       '"quoted, with comma"', '"unclosed', "=HYPERLINK(1)", ""]),
                      st.text(max_size=20))
manifest_bytes = st.one_of(
    st.lists(st.lists(CSV_CELLS, min_size=1, max_size=6).map(",".join), min_size=1, max_size=5).map(
        lambda rows: "\n".join(rows).encode("utf-8", "surrogatepass")),
    st.binary(max_size=200))


@given(manifest=manifest_bytes, header=st.sampled_from([b"", b"file,title,published\n", b"\xef\xbb\xbffile,title\n"]))
def test_any_manifest_bytes_are_read_or_refused_in_one_line(manifest: bytes, header: bytes):
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder)
        (corpus / "a.txt").write_text("Coalition forces conducted strikes near Mosul.", encoding="utf-8")
        (corpus / "b.txt").write_text("Iraqi forces retook Tal Afar.", encoding="utf-8")
        (corpus / "manifest.csv").write_bytes(header + manifest)
        read_or_refuse(corpus)
