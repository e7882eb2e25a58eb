"""Property tests: any text in, a valid graph out, with every evidence span exact.

The CI profile runs a modest number of examples; ``make fuzz`` runs the same properties
with the ``fuzz`` profile (10,000 examples) and is not part of every CI run.
"""

from __future__ import annotations

import datetime as dt
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, Dataset, Graph

from isisgraph import nlp
from isisgraph.build import graph_nquads
from isisgraph.emit import current_run, meta_triples, to_graph
from isisgraph.extract import extract
from isisgraph.ingest import normalise, text_sha256
from isisgraph.namespaces import IG, OA
from isisgraph.records import Article
from isisgraph.validate import validate_article

settings.register_profile("ci", max_examples=60, deadline=None,
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

dates = st.one_of(st.none(), st.dates(min_value=dt.date(2013, 1, 1), max_value=dt.date(2025, 12, 31)))


def article_of(text: str, published: dt.date | None) -> Article:
    text = normalise(text)
    return Article(id="prop", text=text, source="prop.txt", published=published, sha256=text_sha256(text))


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
