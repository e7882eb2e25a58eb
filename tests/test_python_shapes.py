"""The shapes checked in Python say exactly what pySHACL says with every shape.

Each case is the valid golden article graph with one fault in its provenance layer (or one
of the broken golden cases); the violations of ``validate_article`` (Python checks plus
pySHACL on the rest) must equal those of pySHACL run with the whole shapes graph on the
whole merged data, as validation worked before the split.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import RDF, XSD, Graph, Literal, URIRef

from isisgraph.emit import current_run, meta_triples, to_graph
from isisgraph.ingest import text_sha256
from isisgraph.namespaces import IG, META_GRAPH, OA, actor, concept, doc_graph, place
from isisgraph.ontology import load_shapes
from isisgraph.records import Article, Extraction, Mention, Span
from isisgraph.validate import (
    SHARED,
    article_meta,
    check,
    default_background,
    graph_label,
    load_dataset,
    merged,
    scope_of,
    used_terms,
    validate_article,
)

CASES = Path(__file__).parent / "data" / "validate"
T1 = doc_graph("t1")


def all_shapes_by_pyshacl(doc: Graph, meta: Graph) -> list[str]:
    """Validation as it was before the split: pySHACL, every shape, the whole merged data."""
    background = default_background()
    extra = article_meta(doc, meta)
    data = merged(doc, extra)
    for triple in background.for_nodes(used_terms(data)):
        data.add(triple)
    focus = scope_of(doc, background, SHARED) | scope_of(extra, background, SHARED)
    report = check(graph_label(doc.identifier), data, focus, load_shapes())
    return sorted(report.violations + report.warnings)


def split_validation(doc: Graph, meta: Graph) -> list[str]:
    report = validate_article(doc, meta)
    return sorted(report.violations + report.warnings)


def valid_case() -> tuple[Graph, Graph]:
    ds = load_dataset(CASES / "valid" / "graph.trig")
    doc = Graph(identifier=T1)
    doc += ds.graph(T1)
    meta = Graph()
    meta += ds.graph(META_GRAPH)
    return doc, meta


def first(graph: Graph, cls: URIRef) -> URIRef:
    return sorted(graph.subjects(RDF.type, cls))[0]  # type: ignore[return-value]


def set_value(prop: URIRef, value: Literal | URIRef, cls: URIRef = OA.TextPositionSelector) -> Callable[[Graph], None]:
    def fault(graph: Graph) -> None:
        graph.set((first(graph, cls), prop, value))
    return fault


def remove(prop: URIRef, cls: URIRef) -> Callable[[Graph], None]:
    def fault(graph: Graph) -> None:
        graph.remove((first(graph, cls), prop, None))
    return fault


def add(prop: URIRef, value: Literal | URIRef, cls: URIRef) -> Callable[[Graph], None]:
    def fault(graph: Graph) -> None:
        graph.add((first(graph, cls), prop, value))
    return fault


def untype(cls: URIRef) -> Callable[[Graph], None]:
    def fault(graph: Graph) -> None:
        graph.remove((first(graph, cls), RDF.type, cls))
    return fault


FAULTS = {
    "start negative": set_value(OA.start, Literal(-3)),
    "start a string": set_value(OA.start, Literal("three")),
    "two ends": add(OA.end, Literal(500), OA.TextPositionSelector),
    "end beyond the text": set_value(OA.end, Literal(10_000)),
    "no exact": remove(OA.exact, OA.TextQuoteSelector),
    "exact empty": set_value(OA.exact, Literal(""), OA.TextQuoteSelector),
    "exact with a language": set_value(OA.exact, Literal("Iraqi forces", lang="en"), OA.TextQuoteSelector),
    "two prefixes": add(OA.prefix, Literal("x"), OA.TextQuoteSelector),
    "confidence above 1": set_value(IG.confidence, Literal("1.5", datatype=XSD.decimal), IG.Evidence),
    "confidence a double": set_value(IG.confidence, Literal(0.5), IG.Evidence),
    "no extractor": remove(IG.extractor, IG.Evidence),
    "no source": remove(OA.hasSource, IG.Evidence),
    "a third selector": add(OA.hasSelector, URIRef("https://example.org/selector"), IG.Evidence),
    "evidence untyped": untype(IG.Evidence),
    "quote selector untyped": untype(OA.TextQuoteSelector),
    "mention of a concept": set_value(IG.refersTo, concept("target-type", "cave"), IG.Mention),
    "mention without evidence": remove(IG.evidence, IG.Mention),
    "mention of two": add(IG.refersTo, actor("isis"), IG.Mention),
    "unknown class on a mention": add(RDF.type, URIRef(str(IG._NS) + "Mentoin"), IG.Mention),
}


@pytest.mark.parametrize("name", sorted(FAULTS))
def test_a_provenance_fault_is_reported_as_pyshacl_reports_it(name: str):
    doc, meta = valid_case()
    FAULTS[name](doc)
    expected = all_shapes_by_pyshacl(doc, meta)
    assert expected, f"{name}: the fault should break a shape"
    assert split_validation(doc, meta) == expected


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir()
                                        if p.is_dir() and p.name != "malformed"))
def test_the_golden_cases_give_the_same_violations_both_ways(case: str):
    ds = load_dataset(CASES / case / "graph.trig")
    doc = Graph(identifier=T1)
    doc += ds.graph(T1)
    meta = Graph()
    meta += ds.graph(META_GRAPH)
    assert split_validation(doc, meta) == all_shapes_by_pyshacl(doc, meta)


def test_with_the_text_a_quote_must_be_the_words_at_its_offsets():
    text = "Iraqi forces retook Hawija in October."
    article = Article(id="q1", text=text, source="q1.txt", published=dt.date(2017, 10, 31), sha256=text_sha256(text))
    extraction = Extraction(article=article, mentions=[Mention(Span(20, 26), "place", str(place("hawija")), "Hawija")])
    graph = to_graph(extraction)
    meta = meta_triples(article, current_run("m", "1"))
    assert validate_article(graph, meta, text=text).conforms
    quote = first(graph, OA.TextQuoteSelector)
    graph.set((quote, OA.exact, Literal("Hawiya")))  # same length, other words
    assert validate_article(graph, meta).conforms  # SHACL cannot see the text
    report = validate_article(graph, meta, text=text)
    assert len(report.violations) == 1
    assert "not the article's text at 20-26" in report.violations[0]
