"""The quick tests that let the usual evidence and selectors skip the generic provenance checks
(python_shapes.plain_span, plain_string, plain_evidence), and the subject a finding is filed
under before it is written (validate.finding_subject).

A quick test may only say "nothing to find": on every variant below the checks give the same
findings with it as without it, and each faulty variant is refused by it (so that the faults
reach the generic checks), while the well-formed one is accepted (so that it is used at all).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import RDF, XSD, Graph, Literal, URIRef

from isisgraph import python_shapes, validate
from isisgraph.namespaces import IG, OA
from isisgraph.ontology import ClassHierarchy, load_shapes, load_tbox
from isisgraph.python_shapes import Index, shape_index

SEL = URIRef("https://example.org/selector")
EV = URIRef("https://example.org/evidence")
ART = URIRef("https://example.org/article")
UNKNOWN = URIRef("https://w3id.org/isisgraph/ontology#notDeclared")
POS, QUOTE = URIRef("https://example.org/evidence/position"), URIRef("https://example.org/evidence/quote")


def integer(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


GOOD_SPAN = [(OA.start, integer(3)), (OA.end, integer(7))]
BAD_SPANS = {
    "end before start": [(OA.start, integer(7)), (OA.end, integer(3))],
    "empty span": [(OA.start, integer(3)), (OA.end, integer(3))],
    "negative start": [(OA.start, integer(-1)), (OA.end, integer(3))],
    "start as a string": [(OA.start, Literal("3")), (OA.end, integer(7))],
    "ill-typed start": [(OA.start, Literal("three", datatype=XSD.integer)), (OA.end, integer(7))],
    "decimal end": [(OA.start, integer(3)), (OA.end, Literal(Decimal("7.0"), datatype=XSD.decimal))],
    "two starts": [(OA.start, integer(3)), (OA.start, integer(4)), (OA.end, integer(7))],
    "no end": [(OA.start, integer(3))],
}
GOOD_QUOTE = [(OA.exact, Literal("Mosul")), (OA.prefix, Literal("near ")), (OA.suffix, Literal(" on"))]
BAD_QUOTES = {
    "empty quote": [(OA.exact, Literal(""))],
    "language-tagged quote": [(OA.exact, Literal("Mosul", lang="en"))],
    "integer quote": [(OA.exact, integer(5))],
    "two prefixes": [(OA.exact, Literal("Mosul")), (OA.prefix, Literal("a")), (OA.prefix, Literal("b"))],
    "no quote": [(OA.prefix, Literal("near "))],
}


def selector_findings(kind: URIRef, pairs: list, fast: bool, monkeypatch: pytest.MonkeyPatch) -> list:
    data = Index([(SEL, RDF.type, kind), *((SEL, p, o) for p, o in pairs)], ClassHierarchy())
    with monkeypatch.context() as patch:
        if not fast:
            patch.setattr(python_shapes, "plain_span", lambda *args: False)
            patch.setattr(python_shapes, "plain_string", lambda *args: False)
        found = list(python_shapes.check_selectors(data, shape_index(load_shapes())))
    return [(f.focus, f.constraint.shape, f.component, f.path, f.value) for f in found]


@pytest.mark.parametrize("name", ["well-formed", *BAD_SPANS])
def test_position_selector_same_findings(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = GOOD_SPAN if name == "well-formed" else BAD_SPANS[name]
    fast = selector_findings(OA.TextPositionSelector, pairs, True, monkeypatch)
    assert fast == selector_findings(OA.TextPositionSelector, pairs, False, monkeypatch)
    assert bool(fast) == (name != "well-formed")
    data = Index([(SEL, p, o) for p, o in pairs], ClassHierarchy())
    assert python_shapes.plain_span(data.values(SEL, OA.start), data.values(SEL, OA.end)) == (name == "well-formed")


@pytest.mark.parametrize("name", ["well-formed", *BAD_QUOTES])
def test_quote_selector_same_findings(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = GOOD_QUOTE if name == "well-formed" else BAD_QUOTES[name]
    fast = selector_findings(OA.TextQuoteSelector, pairs, True, monkeypatch)
    assert fast == selector_findings(OA.TextQuoteSelector, pairs, False, monkeypatch)
    assert bool(fast) == (name != "well-formed")


def evidence_triples(**changes: object) -> list:
    values = {"source": ART, "confidence": Literal(Decimal("0.9"), datatype=XSD.decimal),
              "extractor": Literal("strikes.count"), **changes}
    triples = [(ART, RDF.type, IG.NewsArticle), (EV, RDF.type, IG.Evidence), (EV, OA.hasSelector, POS),
               (EV, OA.hasSelector, QUOTE), (POS, RDF.type, OA.TextPositionSelector),
               (QUOTE, RDF.type, OA.TextQuoteSelector)]
    triples += [(EV, prop, values[key]) for key, prop in
                (("source", OA.hasSource), ("confidence", IG.confidence), ("extractor", IG.extractor))
                if values[key] is not None]
    return triples


BAD_EVIDENCE = {
    "source not an article": {"source": URIRef("https://example.org/elsewhere")},
    "no source": {"source": None},
    "confidence above 1": {"confidence": Literal(Decimal("1.5"), datatype=XSD.decimal)},
    "confidence as a double": {"confidence": Literal(0.5, datatype=XSD.double)},
    "empty extractor": {"extractor": Literal("")},
    "no extractor": {"extractor": None},
}


@pytest.mark.parametrize("name", ["well-formed", *BAD_EVIDENCE])
def test_evidence_same_findings(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    triples = evidence_triples(**BAD_EVIDENCE.get(name, {}))
    data = Index(triples, ClassHierarchy.of(load_tbox()))
    index = shape_index(load_shapes())

    def findings() -> list:
        return [(f.focus, f.constraint.shape, f.component, f.path, f.value)
                for f in python_shapes.check_evidence(data, index)]

    fast = findings()
    with monkeypatch.context() as patch:
        patch.setattr(python_shapes, "plain_evidence", lambda *args: False)
        assert fast == findings()
    assert bool(fast) == (name != "well-formed")
    assert python_shapes.plain_evidence(data, EV, {}) == (name == "well-formed")


def test_finding_subject_is_the_subject_of_its_result() -> None:
    """Each kind of finding is filed under what subject_of reads from its written result."""
    index = shape_index(load_shapes())
    span = index.sparql(python_shapes.SHAPES.EvidenceSpanShape, "STRLEN")
    declared = index.sparql(python_shapes.SHAPES.DeclaredPropertyShape, "?path")
    plain = index.prop(python_shapes.SHAPES.EvidenceShape, IG.confidence)
    found = [
        python_shapes.Finding(EV, plain, URIRef("urn:component"), IG.confidence, Literal(2)),
        python_shapes.Finding(ART, span, URIRef("urn:component"), None, EV, "misfit"),
        python_shapes.Finding(python_shapes.ONTOLOGY, declared, URIRef("urn:component"), UNKNOWN),
    ]
    assert [validate.finding_subject(f) for f in found] == [EV, EV, UNKNOWN]
    for finding in found:
        results = Graph()
        python_shapes.add_results(results, [finding])
        (result,) = validate.top_level_results(results)
        assert validate.subject_of(results, result) == validate.finding_subject(finding)
