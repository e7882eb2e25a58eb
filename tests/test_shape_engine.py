"""Every shape evaluated in Python (isisgraph.shape_engine), held to pySHACL with every shape.

The faults here break the shapes and property shapes that no fault of test_python_shapes
and no golden case breaks, so that each constraint of ontology/shapes.ttl has a graph that
violates it; each must give exactly pySHACL's violations. A shape the Python side cannot
compile, and a shape the data makes doubtful, go to pySHACL: that is tested too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import RDF, SKOS, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, SH
from test_python_shapes import T1, add, all_shapes_by_pyshacl, first, set_value, split_validation, valid_case

from isisgraph import shape_engine, validate
from isisgraph.namespaces import GEO, ID, IG, actor, concept, place
from isisgraph.ontology import load_shapes
from isisgraph.python_shapes import PYTHON_SHAPES
from isisgraph.validate import validate_article

TAL_ZAHAB = place("tal-zahab")
DESCRIPTION = ID["description/gunmen"]
READING = ID["description/gunmen/reading-1"]
R1, R2 = ID["report/r1"], ID["report/r2"]


def triples(*items: tuple) -> Callable[[Graph], None]:
    def fault(graph: Graph) -> None:
        for triple in items:
            graph.add(triple)
    return fault


def description(label: Literal, *reading: tuple) -> Callable[[Graph], None]:
    return triples((DESCRIPTION, RDF.type, IG.ActorDescription), (DESCRIPTION, SKOS.prefLabel, label), *reading)


def reports(total: Literal, part: Literal) -> Callable[[Graph], None]:
    """Two strike reports, R2 a breakdown of R1."""
    return triples((R1, RDF.type, IG.StrikeReport), (R1, IG.strikeCount, total),
                   (R2, RDF.type, IG.StrikeReport), (R2, IG.strikeCount, part), (R2, IG.partOfReport, R1))


def geometry(wkt: Literal) -> Callable[[Graph], None]:
    node = BNode()
    return triples((TAL_ZAHAB, GEO.hasGeometry, node), (node, GEO.asWKT, wkt))


# fault -> words of the message it must bring (so that each fixture breaks the shape meant)
EXTRA_FAULTS: dict[str, tuple[Callable[[Graph], None], str]] = {
    "description without reading": (description(Literal("gunmen", lang="en")), "at least one reading"),
    "description without an English label": (
        description(Literal("gunmen", lang="ar"), (DESCRIPTION, IG.reading, READING),
                    (READING, RDF.type, IG.DescriptionReading)), "exactly one English skos:prefLabel"),
    "reading of two actors": (
        description(Literal("gunmen", lang="en"), (DESCRIPTION, IG.reading, READING),
                    (READING, RDF.type, IG.DescriptionReading), (READING, IG.standsFor, actor("isis")),
                    (READING, IG.standsFor, actor("us-military"))), "A reading stands for at most one actor"),
    "reading ends before it starts": (
        description(Literal("gunmen", lang="en"), (DESCRIPTION, IG.reading, READING),
                    (READING, RDF.type, IG.DescriptionReading),
                    (READING, IG.validFrom, Literal("2017-05-01", datatype=XSD.date)),
                    (READING, IG.validUntil, Literal("2016-05-01", datatype=XSD.date))), "A reading stands for"),
    "has actor a place": (add(IG.hasActor, place("mosul"), IG.ControlChange), "ig:hasActor must be an actor"),
    "target actor a literal": (add(IG.targetActor, Literal("ISIS"), IG.ControlChange), "The target actor"),
    "lost control a concept": (add(IG.lostControl, concept("channel", "said"), IG.ControlChange), "Who lost control"),
    "on behalf of a place": (add(IG.onBehalfOf, place("mosul"), IG.Person), "ig:onBehalfOf must be"),
    "subject a place": (add(IG.subject, place("mosul"), IG.FigureReport), "The subject of a figure"),
    "conducted by a place": (add(IG.conductedBy, place("mosul"), IG.ControlChange), "An operation is conducted"),
    "two engagement counts": (lambda g: [add(IG.engagementCount, Literal(n), IG.StrikeReport)(g) for n in (8, 9)],
                              "At most one engagement count"),
    "wounded count a string": (add(IG.woundedCount, Literal("some"), IG.ControlChange), "At most one wounded count"),
    "arrested count negative": (add(IG.arrestedCount, Literal(-2), IG.ControlChange), "At most one arrested count"),
    "surrendered count a decimal": (add(IG.surrenderedCount, Literal("2.5", datatype=XSD.decimal), IG.ControlChange),
                                    "At most one surrendered count"),
    "two claim dates": (lambda g: [add(IG.claimDate, Literal(f"2017-10-0{n}", datatype=XSD.date), IG.Claim)(g)
                                   for n in (1, 2)], "At most one ig:claimDate"),
    "date text empty": (add(IG.dateText, Literal(""), IG.StrikeReport), "At most one ig:dateText"),
    "launched an actor": (add(IG.launchedOperation, actor("isis"), IG.ControlChange), "ig:launchedOperation must"),
    "part of an actor": (add(IG.partOf, actor("isis"), IG.Village), "ig:partOf must be a place"),
    "country an actor": (add(IG.country, actor("isis"), IG.Village), "ig:country must be a country"),
    "two English labels": (add(SKOS.prefLabel, Literal("Tall Dhahab", lang="en"), IG.Village),
                           "At most one skos:prefLabel per language"),
    "geometry a plain string": (geometry(Literal("POINT(40.1 36.2)")), "A geometry is a geo:wktLiteral"),
    "resolved without a point": (set_value(IG.resolved, Literal(True), IG.Village), "A place marked resolved"),
    "breakdown above its total": (reports(Literal(3), Literal(5)), "A breakdown reports 5 strikes, more than the 3"),
    "report part of itself": (lambda g: g.add((first(g, IG.StrikeReport), IG.partOfReport,
                                               first(g, IG.StrikeReport))), "cannot be part of itself"),
}


@pytest.mark.parametrize("name", sorted(EXTRA_FAULTS))
def test_each_shape_has_a_violating_graph_reported_as_pyshacl_reports_it(name: str):
    fault, words = EXTRA_FAULTS[name]
    doc, meta = valid_case()
    fault(doc)
    expected = all_shapes_by_pyshacl(doc, meta)
    assert any(words in line for line in expected), f"{name}: the fault should break the shape meant ({words})"
    assert split_validation(doc, meta, "python") == expected
    assert split_validation(doc, meta, "pyshacl") == expected


def test_a_generated_at_time_fault_and_an_unknown_run_are_reported_as_pyshacl_reports_them():
    doc, meta = valid_case()
    meta.set((T1, PROV.wasGeneratedBy, Literal("run 1")))
    expected = all_shapes_by_pyshacl(doc, meta)
    assert any("generated by exactly one extraction run" in line for line in expected)
    assert split_validation(doc, meta, "python") == expected


def test_every_shape_of_the_file_is_evaluated_in_python():
    shapes = load_shapes()
    plan = shape_engine.plan(shapes)
    assert plan.left == frozenset()
    compiled = {shape.node for shape in plan.compiled}
    assert compiled | PYTHON_SHAPES == shape_engine.top_level_shapes(shapes)
    assert len(compiled) == 26  # 28 shapes with targets in ontology/shapes.ttl, 9 by hand in python_shapes


def no_pyshacl(monkeypatch: pytest.MonkeyPatch) -> list:
    calls: list = []
    monkeypatch.setattr(validate, "run_shapes", lambda data, shapes: calls.append(shapes) or Graph())
    return calls


def test_the_build_engine_runs_no_pyshacl_on_valid_or_broken_graphs(monkeypatch):
    calls = no_pyshacl(monkeypatch)
    doc, meta = valid_case()
    assert validate_article(doc, meta).conforms
    for fault, _ in EXTRA_FAULTS.values():
        doc, meta = valid_case()
        fault(doc)
        assert not validate_article(doc, meta).conforms
    assert calls == []
    validate_article(doc, meta, engine="pyshacl")
    assert len(calls) == 1  # the spy sees pySHACL when it does run


# A shape with a constraint component the Python side does not implement (sh:maxLength), and
# one with a SPARQL query it has no twin for: both must go to pySHACL, whole.
UNKNOWN_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ig: <https://w3id.org/isisgraph/ontology#> .
@prefix igsh: <https://w3id.org/isisgraph/shapes#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
igsh:ShortLabelShape a sh:NodeShape ;
    sh:targetClass ig:Village ;
    sh:property [ sh:path skos:prefLabel ; sh:maxLength 5 ;
        sh:message "A village's label is at most five characters (a test shape)" ] .
igsh:NoPersonShape a sh:NodeShape ;
    sh:targetClass ig:Person ;
    sh:sparql [ a sh:SPARQLConstraint ; sh:prefixes igsh: ;
        sh:message "No person may be named (a test shape)" ;
        sh:select "SELECT $this WHERE { $this skos:prefLabel ?name . }" ] .
igsh: sh:declare [ sh:prefix "skos" ; sh:namespace "http://www.w3.org/2004/02/skos/core#" ] .
"""


def test_a_shape_python_cannot_evaluate_is_left_to_pyshacl(monkeypatch):
    shapes = Graph()
    shapes += load_shapes()
    shapes.parse(data=UNKNOWN_SHAPES, format="turtle")
    left = shape_engine.plan(shapes).left
    assert left == {URIRef("https://w3id.org/isisgraph/shapes#ShortLabelShape"),
                    URIRef("https://w3id.org/isisgraph/shapes#NoPersonShape")}
    doc, meta = valid_case()
    expected = sorted(validate.check("doc/t1", _whole(doc, meta), _focus(doc, meta), shapes).violations)
    assert any("at most five characters" in line for line in expected)
    assert any("No person may be named" in line for line in expected)
    report = validate_article(doc, meta, shapes=shapes)
    assert sorted(report.violations) == expected
    calls = no_pyshacl(monkeypatch)
    validate_article(doc, meta, shapes=shapes)
    assert len(calls) == 1
    run = {s for s in calls[0].subjects(SH.targetClass, None)}
    assert run == left  # only those two shapes: the others stay in Python


def _whole(doc: Graph, meta: Graph) -> Graph:
    background = validate.default_background()
    data = validate.merged(doc, validate.article_meta(doc, meta))
    for triple in background.for_nodes(validate.used_terms(data)):
        data.add(triple)
    return data


def _focus(doc: Graph, meta: Graph) -> set:
    background = validate.default_background()
    return (validate.scope_of(doc, background, validate.SHARED)
            | validate.scope_of(validate.article_meta(doc, meta), background, validate.SHARED))


def test_a_value_python_cannot_decide_sends_its_shape_to_pyshacl(monkeypatch):
    """An ill-formed strike count in a breakdown: the SPARQL comparison of such a literal is
    pySHACL's to decide, so StrikeReportShape runs there, and only it."""
    doc, meta = valid_case()
    reports(Literal(3), Literal("five", datatype=XSD.integer))(doc)
    expected = all_shapes_by_pyshacl(doc, meta)
    assert split_validation(doc, meta, "python") == expected
    calls = no_pyshacl(monkeypatch)
    validate_article(doc, meta)
    assert len(calls) == 1
    assert set(calls[0].subjects(SH.targetClass, None)) == {URIRef("https://w3id.org/isisgraph/shapes#StrikeReportShape")}


def test_the_seeds_build_gives_the_same_report_with_both_engines(seeds_dataset):
    python = validate.validate_dataset(seeds_dataset, engine="python")
    pyshacl = validate.validate_dataset(seeds_dataset, engine="pyshacl")
    assert python.article_graphs == pyshacl.article_graphs == 5
    assert python.text() == pyshacl.text()


def test_validate_offers_both_engines(tmp_path):
    from click.testing import CliRunner

    from isisgraph.cli import main

    case = Path(__file__).parent / "data" / "validate" / "city-as-country" / "graph.trig"
    outputs = [CliRunner().invoke(main, ["validate", str(case), "--engine", engine])
               for engine in ("pyshacl", "python")]
    assert [o.exit_code for o in outputs] == [1, 1]
    assert outputs[0].output == outputs[1].output
    assert "ig:inCountry must be a country" in outputs[0].output
