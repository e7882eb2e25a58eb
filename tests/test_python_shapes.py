"""The shapes checked in Python say exactly what pySHACL says with every shape.

Each case is the valid golden article graph with one fault in its provenance layer (or one
of the broken golden cases); the violations of ``validate_article`` must equal those of
pySHACL run with the whole shapes graph on the whole merged data, as validation worked
before the split, with both engines: "python" (every shape in Python, what a build uses)
and "pyshacl" (the provenance split and the gate, pySHACL on the rest).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV

from isisgraph import python_shapes
from isisgraph.emit import current_run, meta_triples, to_graph
from isisgraph.graphio import read_dataset
from isisgraph.ingest import text_sha256
from isisgraph.namespaces import IG, META_GRAPH, OA, SCHEMA, actor, concept, doc_graph, place
from isisgraph.ontology import load_shapes
from isisgraph.records import Article, Extraction, Mention, Span
from isisgraph.validate import (
    SHARED,
    article_meta,
    check,
    default_background,
    graph_label,
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


ENGINES = ("python", "pyshacl")


def split_validation(doc: Graph, meta: Graph, engine: str = "python") -> list[str]:
    report = validate_article(doc, meta, engine=engine)
    return sorted(report.violations + report.warnings)


def valid_case() -> tuple[Graph, Graph]:
    ds = read_dataset(CASES / "valid" / "graph.trig")
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

# Faults in the semantic layer: each breaks a shape the gate decides (python_shapes.gated_shapes);
# the gate must send that shape to pySHACL, whose results must be those of every shape at once.
C = concept
SEMANTIC_FAULTS = {
    "target type of another scheme": set_value(IG.targetType, C("claim-type", "assessment"), IG.TargetEngagement),
    "target type an actor": set_value(IG.targetType, actor("isis"), IG.TargetEngagement),
    "target type a literal": set_value(IG.targetType, Literal("cave"), IG.TargetEngagement),
    "target type an unknown concept": set_value(IG.targetType, C("target-type", "no-such-type"), IG.TargetEngagement),
    "two claim types": add(IG.claimType, C("claim-type", "figure"), IG.Claim),
    "channel of another scheme": set_value(IG.channel, C("outcome", "destroyed"), IG.Claim),
    "two measures": add(IG.measure, C("measure", "no-such-measure"), IG.FigureReport),
    "outcome of another scheme": set_value(IG.outcome, C("channel", "said"), IG.TargetEngagement),
    "count qualifier of another scheme": set_value(IG.countQualifier, C("date-precision", "day"), IG.StrikeReport),
    "date precision a string": set_value(IG.datePrecision, Literal("day"), IG.ControlChange),
    "perpetrator a place": set_value(IG.perpetrator, place("mosul"), IG.StrikeReport),
    "claimant a concept": set_value(IG.claimant, C("channel", "said"), IG.Claim),
    "gained control a literal": set_value(IG.gainedControl, Literal("Iraqi forces"), IG.ControlChange),
    "member of a place": set_value(IG.memberOf, place("mosul"), IG.Person),
    "location an actor": set_value(IG.location, actor("isis"), IG.ControlChange),
    "in country a town": set_value(IG.inCountry, place("mosul"), IG.StrikeReport),
    "part of an operation an actor": add(IG.partOfOperation, actor("isis"), IG.StrikeReport),
    "village in two countries": lambda g: [add(IG.country, place(c), IG.Village)(g) for c in ("iraq", "syria")],
    "start date a string": set_value(IG.startDate, Literal("2017-10-01"), IG.StrikeReport),
    # (An ill-formed ig:startDate beside an ig:endDate makes pySHACL itself fail on sh:lessThanOrEquals:
    # the split checks that pair in Python, see test_validate's ill-formed date tests.)
    "start date an IRI": set_value(IG.startDate, place("mosul"), IG.StrikeReport),
    "end date a string": set_value(IG.endDate, Literal("2017-12-28"), IG.StrikeReport),
    "as-of date ill-formed": add(IG.asOf, Literal("2017-13-45", datatype=XSD.date), IG.FigureReport),
    "start after end": set_value(IG.startDate, Literal(dt.date(2030, 1, 1)), IG.StrikeReport),
    "start a date-time": set_value(IG.startDate, Literal(dt.datetime(2017, 10, 1, 12)), IG.StrikeReport),
    "two end dates": add(IG.endDate, Literal(dt.date(2017, 10, 2)), IG.StrikeReport),
    "strike count negative": set_value(IG.strikeCount, Literal(-1), IG.StrikeReport),
    "strike count a decimal": set_value(IG.strikeCount, Literal("6.0", datatype=XSD.decimal), IG.StrikeReport),
    "engagements below strikes": add(IG.engagementCount, Literal(2), IG.StrikeReport),
    # property shapes the gate clears one by one in shapes with a SPARQL constraint
    "two strike counts": add(IG.strikeCount, Literal(7), IG.StrikeReport),
    "no perpetrator (a warning)": remove(IG.perpetrator, IG.StrikeReport),
    "no country (a warning)": remove(IG.inCountry, IG.StrikeReport),
    "no strike count": remove(IG.strikeCount, IG.StrikeReport),
    "part of two reports": lambda g: [add(IG.partOfReport, URIRef(f"https://example.org/r{n}"), IG.StrikeReport)(g)
                                      for n in (1, 2)],
    "resolved a string": set_value(IG.resolved, Literal("no"), IG.Village),
    "geonames id zero": add(IG.geonamesId, Literal(0), IG.Village),
    "strike count ill-formed": set_value(IG.strikeCount, Literal("six", datatype=XSD.integer), IG.StrikeReport),
    "quantity a string": set_value(IG.quantity, Literal("two"), IG.TargetEngagement),
    "two killed counts": lambda g: [add(IG.killedCount, Literal(n), IG.ControlChange)(g) for n in (3, 4)],
    "trigger empty": set_value(IG.trigger, Literal(""), IG.ControlChange),
    "quote a number": set_value(IG.quote, Literal(7), IG.Claim),
    "two units": add(IG.unit, Literal("km2"), IG.FigureReport),
    "role an IRI": set_value(IG.role, actor("isis"), IG.Person),
    "about a literal": add(IG.about, Literal("the war"), IG.Claim),
    "claim without claimant": remove(IG.claimant, IG.Claim),
    "claim without type": remove(IG.claimType, IG.Claim),
    "control change without location": remove(IG.location, IG.ControlChange),
    "same side gains and loses": lambda g: g.add((first(g, IG.ControlChange), IG.lostControl,
                                                  g.value(first(g, IG.ControlChange), IG.gainedControl))),
    "control change without sides": remove(IG.gainedControl, IG.ControlChange),
    "figure without measure": remove(IG.measure, IG.FigureReport),
    "figure value a string": set_value(IG.value, Literal("many"), IG.FigureReport),
    "engagement untyped": untype(IG.TargetEngagement),
    "engagement without target type": remove(IG.targetType, IG.TargetEngagement),
    "claim untyped": untype(IG.Claim),
    "claim without evidence": remove(IG.evidence, IG.Claim),
}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", sorted(SEMANTIC_FAULTS))
def test_a_semantic_fault_is_reported_as_pyshacl_reports_it(name: str, engine: str):
    doc, meta = valid_case()
    SEMANTIC_FAULTS[name](doc)
    expected = all_shapes_by_pyshacl(doc, meta)
    assert expected, f"{name}: the fault should break a shape"
    assert split_validation(doc, meta, engine) == expected


META_FAULTS = {
    "generated at a date": (PROV.generatedAtTime, Literal(dt.date(2017, 1, 1))),
    "derived from an actor": (PROV.wasDerivedFrom, actor("isis")),
}


ARTICLE = URIRef(str(T1).replace("/graph/doc/", "/id/article/"))
ARTICLE_FAULTS = {  # on the article node in the meta graph (NewsArticleShape's property shapes)
    "text length a string": (IG.textLength, Literal("many")),
    "published a string": (SCHEMA.datePublished, Literal("2017-10-31")),
    "two headlines": (SCHEMA.headline, None),
    "two urls": (SCHEMA.url, None),
    "two text hashes": (IG.textSha256, Literal("0" * 64)),
}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", sorted(ARTICLE_FAULTS))
def test_an_article_fault_is_reported_as_pyshacl_reports_it(name: str, engine: str):
    doc, meta = valid_case()
    prop, value = ARTICLE_FAULTS[name]
    assert (ARTICLE, None, None) in meta
    if value is None:  # a second value
        meta.add((ARTICLE, prop, Literal("one")))
        meta.add((ARTICLE, prop, Literal("two")))
    elif prop == IG.textSha256:
        meta.add((ARTICLE, prop, value))
    else:
        meta.set((ARTICLE, prop, value))
    expected = all_shapes_by_pyshacl(doc, meta)
    assert expected, f"{name}: the fault should break a shape"
    assert split_validation(doc, meta, engine) == expected


def test_the_gate_clears_property_shapes_of_shapes_it_cannot_clear_whole(monkeypatch):
    one_by_one = {g.node for g in python_shapes.gated_constraints(load_shapes())}
    assert len(one_by_one) >= 8  # the counts and datatypes of articles, places and strike reports
    doc, meta = valid_case()
    assert one_by_one <= cleared_by_the_gate(doc, meta, monkeypatch)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", sorted(META_FAULTS))
def test_a_meta_fault_is_reported_as_pyshacl_reports_it(name: str, engine: str):
    doc, meta = valid_case()
    meta.set((T1, *META_FAULTS[name]))
    expected = all_shapes_by_pyshacl(doc, meta)
    assert expected, f"{name}: the fault should break a shape"
    assert split_validation(doc, meta, engine) == expected


def cleared_by_the_gate(doc: Graph, meta: Graph, monkeypatch: pytest.MonkeyPatch) -> frozenset:
    seen: list[frozenset] = []

    def spy(data, shapes):  # noqa: ANN001
        seen.append(python_shapes_cleared(data, shapes))
        return seen[-1]
    monkeypatch.setattr(python_shapes, "cleared_shapes", spy)
    validate_article(doc, meta, engine="pyshacl")  # the gate is the pyshacl engine's
    return seen[0]


python_shapes_cleared = python_shapes.cleared_shapes


def test_the_gate_clears_the_valid_case_and_every_gated_shape_is_broken_by_some_fault(monkeypatch):
    gated = {g.node for g in python_shapes.gated_shapes(load_shapes())}
    assert len(gated) >= 15  # the values-by-property, event, claim and meta shapes
    doc, meta = valid_case()
    # The run is not among an article's meta triples, so its shape can never be cleared.
    assert gated - cleared_by_the_gate(doc, meta, monkeypatch) == {python_shapes.SHAPES.ExtractionRunShape}
    broken: set = set()
    for fault in SEMANTIC_FAULTS.values():
        doc, meta = valid_case()
        fault(doc)
        broken |= gated - cleared_by_the_gate(doc, meta, monkeypatch)
    for prop, value in META_FAULTS.values():
        doc, meta = valid_case()
        meta.set((T1, prop, value))
        broken |= gated - cleared_by_the_gate(doc, meta, monkeypatch)
    assert broken == gated


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", sorted(FAULTS))
def test_a_provenance_fault_is_reported_as_pyshacl_reports_it(name: str, engine: str):
    doc, meta = valid_case()
    FAULTS[name](doc)
    expected = all_shapes_by_pyshacl(doc, meta)
    assert expected, f"{name}: the fault should break a shape"
    assert split_validation(doc, meta, engine) == expected


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir()
                                        if p.is_dir() and p.name != "malformed"))
def test_the_golden_cases_give_the_same_violations_both_ways(case: str, engine: str):
    ds = read_dataset(CASES / case / "graph.trig")
    doc = Graph(identifier=T1)
    doc += ds.graph(T1)
    meta = Graph()
    meta += ds.graph(META_GRAPH)
    assert split_validation(doc, meta, engine) == all_shapes_by_pyshacl(doc, meta)


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
