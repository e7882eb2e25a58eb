"""The months of the derived graph (igd:during, igd:claimedIn), which the list queries narrowed
by since/until join on first, the pairs of co-acting actors (igd:CoActors), each node's English
labels once (igd:label), a claim's first evidence offset (igd:firstStart), a strike's targets
as text (igd:target), and the version the derived graph states.

The graphs here are made by hand, so each month and count below is read off the triples."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Literal, Namespace, URIRef

from isisgraph.derive import DERIVED_GRAPH, IGD, derived_graph, ensure_derived
from isisgraph.namespaces import IG, OA, SCHEMA
from isisgraph.query import run_query
from isisgraph.store import derive_inputs, to_rdflib, union_branches, with_derived_links, with_values

X = Namespace("https://w3id.org/isisgraph/id/test/")
DOC = URIRef("https://w3id.org/isisgraph/graph/doc/a1")
MONTH = "https://w3id.org/isisgraph/id/derived/month/"


def day(text: str) -> Literal:
    return Literal(text, datatype=XSD.date)


def hand_made() -> Dataset:
    """A report over the turn of a year, a one-day event, an undated event, a claim with a
    date of its own and one dated only by its article."""
    dataset = Dataset(default_union=True)
    g = dataset.graph(DOC)
    g.add((X.article, SCHEMA.datePublished, day("2017-05-09")))
    for node, ev in ((X.report, X.ev1), (X.event, X.ev2), (X.undated, X.ev3), (X.said, X.ev4), (X.told, X.ev5)):
        g.add((node, IG.evidence, ev))
        g.add((ev, OA.hasSource, X.article))
    g.add((X.report, RDF.type, IG.StrikeReport))
    g.add((X.report, IG.startDate, day("2016-12-28")))
    g.add((X.report, IG.endDate, day("2017-02-03")))
    g.add((X.event, IG.trigger, Literal("took")))
    g.add((X.event, IG.startDate, day("2017-04-30")))
    g.add((X.undated, IG.trigger, Literal("bombed")))
    for event in (X.event, X.undated):
        g.add((event, RDF.type, IG.Event))
    g.add((IG.Event, RDFS.label, Literal("event", lang="en")))
    g.add((X.said, IG.claimType, X.victory))
    g.add((X.said, IG.claimDate, day("2017-03-01")))
    g.add((X.told, IG.claimType, X.victory))
    return dataset


def months(graph, predicate) -> set[tuple[str, str]]:
    keys = {node: str(graph.value(node, IGD.key)) for node in graph.subjects(RDF.type, IGD.Month)}
    return {(str(s).rsplit("/", 1)[-1], keys[o]) for s, o in graph.subject_objects(predicate)}


def test_each_fact_falls_in_the_months_of_its_period_or_its_date():
    graph = derived_graph(hand_made())
    # Dec. 28 to Feb. 3: three months; Apr. 30 alone: April; the undated event: none
    assert months(graph, IGD.during) == {("report", "2016-12"), ("report", "2017-01"), ("report", "2017-02"),
                                         ("event", "2017-04")}
    # its own date, else its article's (May 9)
    assert months(graph, IGD.claimedIn) == {("said", "2017-03"), ("told", "2017-05")}
    assert {str(n) for n in graph.subjects(RDF.type, IGD.Month)} == {
        MONTH + m for m in ("2016-12", "2017-01", "2017-02", "2017-03", "2017-04", "2017-05")}


def test_the_months_are_a_pure_function_of_the_data():
    dataset = hand_made()
    first, again = derived_graph(dataset), derived_graph(dataset)
    assert set(first) == set(again)
    store = ox.Store()
    store.load(dataset.serialize(format="trig").encode("utf-8"), format=ox.RdfFormat.TRIG)
    assert set(derived_graph(derive_inputs(store))) == set(first)


def test_a_parameter_is_bound_in_a_union_branch_that_names_it():
    text = ("SELECT ?s WHERE {\n  { ?m ?p ?k FILTER(BOUND(?since)) }  # narrowed\n  UNION\n"
            "  { ?s ?p ?o FILTER(!BOUND(?since)) }\n  { ?s ?q ?until }\n}")
    branches = union_branches(text, ["since", "until"])
    assert [names for _, names in branches] == [["since"], ["since"]]  # not the third group: no UNION
    bound = with_values(text, {"since": Literal("2017-03")})
    assert bound.count('VALUES (?since) { ("2017-03") }') == 3


def test_a_narrowed_query_reads_the_months_of_the_derived_graph():
    # a month missing from the derived graph drops the fact from the narrowed answer only:
    # the narrowed rows come from the months, the whole list from the facts themselves
    dataset = hand_made()
    derived = dataset.graph(DERIVED_GRAPH)
    for triple in derived_graph(dataset):
        derived.add(triple)
    store = ox.Store()
    store.load(dataset.serialize(format="trig").encode("utf-8"), format=ox.RdfFormat.TRIG)
    narrowed = {"since": "2017-01", "until": "2017-01"}
    for source in (dataset, store):
        assert [r["report"] for r in run_query("strike-reports", source, narrowed).records()] == [str(X.report)]
    derived.remove((X.report, IGD.during, URIRef(MONTH + "2017-01")))
    store.remove(ox.Quad(ox.NamedNode(str(X.report)), ox.NamedNode(str(IGD.during)),
                         ox.NamedNode(MONTH + "2017-01"), ox.NamedNode(str(DERIVED_GRAPH))))
    for source in (dataset, store):
        assert run_query("strike-reports", source, narrowed).records() == []
        assert [r["report"] for r in run_query("strike-reports", source).records()] == [str(X.report)]


@pytest.mark.parametrize("params, expected", [({"from": "2017-04-01", "to": "2017-04-30"}, ["event"]),
                                              ({"from": "2017-05-01"}, []), ({}, ["event", "undated"])])
def test_events_timeline_narrowed_on_both_engines(params, expected):
    dataset = hand_made()
    store = ox.Store()
    store.load(dataset.serialize(format="trig").encode("utf-8"), format=ox.RdfFormat.TRIG)
    for source in (dataset, store):
        rows = run_query("events-timeline", source, params).records()
        assert sorted(r["event"].rsplit("/", 1)[-1] for r in rows) == expected


def co_acting() -> Dataset:
    """Two articles report one capture (twins): the SDF took it from ISIS; the second also
    names the coalition as a perpetrator. A third event, without a type, does not count."""
    dataset = Dataset(default_union=True)
    for key, event, actors in (("a1", X.took1, [(IG.gainedControl, X.sdf), (IG.lostControl, X.isis)]),
                               ("a2", X.took2, [(IG.gainedControl, X.sdf), (IG.lostControl, X.isis),
                                                (IG.perpetrator, X.coalition)]),
                               ("a3", X.untyped, [(IG.gainedControl, X.sdf), (IG.lostControl, X.isis)])):
        g = dataset.graph(URIRef(f"https://w3id.org/isisgraph/graph/doc/{key}"))
        g.add((event, IG.trigger, Literal("took")))
        g.add((event, IG.evidence, X[f"ev-{key}"]))
        g.add((X[f"ev-{key}"], OA.hasSource, X[key]))
        if event != X.untyped:
            g.add((event, RDF.type, IG.ControlChange))
        for role, who in actors:
            g.add((event, role, who))
    dataset.graph(URIRef("https://w3id.org/isisgraph/graph/reconcile")).add((X.took2, IG.sameEventAs, X.took1))
    return dataset


def test_co_acting_pairs_are_counted_once_per_event_report_and_article():
    graph = derived_graph(co_acting())
    found = {}
    for node in graph.subjects(RDF.type, IGD.CoActors):
        key = tuple(str(graph.value(node, p)).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
                    for p in (IGD.actorA, IGD.roleA, IGD.actorB, IGD.roleB))
        found[key] = (graph.value(node, IGD.events).toPython(), graph.value(node, IGD.reports).toPython(),
                      graph.value(node, IGD.articles).toPython(), set(graph.objects(node, IGD.eventType)))
    # the actor whose IRI sorts first is A (coalition < isis < sdf); the twins are one event
    assert found == {
        ("isis", "lostControl", "sdf", "gainedControl"): (1, 2, 2, {IG.ControlChange}),
        ("coalition", "perpetrator", "isis", "lostControl"): (1, 1, 1, {IG.ControlChange}),
        ("coalition", "perpetrator", "sdf", "gainedControl"): (1, 1, 1, {IG.ControlChange}),
    }
    store = ox.Store()
    store.load(co_acting().serialize(format="trig").encode("utf-8"), format=ox.RdfFormat.TRIG)
    assert set(derived_graph(derive_inputs(store))) == set(graph)


def test_labels_once_and_a_claims_first_evidence_offset():
    dataset = hand_made()
    g = dataset.graph(DOC)
    other = dataset.graph(URIRef("https://w3id.org/isisgraph/graph/doc/a2"))
    for graph in (g, other):  # the same label stated by two articles
        graph.add((X.sdf, SKOS.prefLabel, Literal("Syrian Democratic Forces", lang="en")))
    g.add((X.sdf, SKOS.prefLabel, Literal("Forces démocratiques syriennes", lang="fr")))
    g.add((X.sdf, SKOS.prefLabel, Literal("SDF", lang="en-GB")))
    # the claim rests on two spans: offsets 40 (and 41) and 7; the first is 7
    g.add((X.ev4, OA.hasSelector, X.sel40))
    g.add((X.sel40, OA.start, Literal(40)))
    g.add((X.ev4, OA.hasSelector, X.sel41))
    g.add((X.sel41, OA.start, Literal(41)))
    g.add((X.said, IG.evidence, X.ev6))
    g.add((X.ev6, OA.hasSelector, X.sel7))
    g.add((X.sel7, OA.start, Literal(7)))
    graph = derived_graph(dataset)
    assert set(graph.objects(X.sdf, IGD.label)) == {Literal("Syrian Democratic Forces", lang="en"),
                                                    Literal("SDF", lang="en-GB")}
    assert list(graph.objects(X.said, IGD.firstStart)) == [Literal(7)]
    assert list(graph.objects(X.told, IGD.firstStart)) == []  # no selector
    store = ox.Store()
    store.load(dataset.serialize(format="trig").encode("utf-8"), format=ox.RdfFormat.TRIG)
    assert set(derived_graph(derive_inputs(store))) == set(graph)


def test_a_strikes_targets_as_strikes_near_place_shows_them():
    dataset = hand_made()
    g = dataset.graph(DOC)
    g.add((X.report, IG.hasTargetEngagement, X.hit1))
    g.add((X.report, IG.hasTargetEngagement, X.hit2))
    g.add((X.report, IG.hasTargetEngagement, X.hit3))
    g.add((X.hit1, IG.targetType, X.vehicle))  # two quantities stated: one text each
    g.add((X.hit1, IG.quantity, Literal(2)))
    g.add((X.hit1, IG.quantity, Literal(3)))
    g.add((X.hit2, IG.targetType, X.tunnel))  # no quantity: the label alone
    g.add((X.hit3, IG.targetType, X.unnamed))  # no English label: nothing
    g.add((X.hit3, IG.quantity, Literal(9)))
    g.add((X.event, IG.hasTargetEngagement, X.hit4))  # an engagement without a type: nothing
    g.add((X.hit4, IG.quantity, Literal(1)))
    g.add((X.vehicle, SKOS.prefLabel, Literal("vehicle", lang="en")))
    g.add((X.vehicle, SKOS.prefLabel, Literal("véhicule", lang="fr")))
    g.add((X.tunnel, SKOS.prefLabel, Literal("tunnel", lang="en")))
    g.add((X.unnamed, SKOS.prefLabel, Literal("sans nom", lang="fr")))
    graph = derived_graph(dataset)
    assert set(graph.objects(X.report, IGD.target)) == {Literal("vehicle x2"), Literal("vehicle x3"), Literal("tunnel")}
    assert list(graph.objects(X.event, IGD.target)) == []
    # what the query computed in SPARQL before, on the same triples
    before = dataset.query("""
        PREFIX ig: <https://w3id.org/isisgraph/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?strike ?target WHERE {
          ?strike ig:hasTargetEngagement ?engagement .
          ?engagement ig:targetType ?type .
          ?type skos:prefLabel ?type_label FILTER(LANGMATCHES(LANG(?type_label), "en"))
          OPTIONAL { ?engagement ig:quantity ?quantity }
          BIND(IF(BOUND(?quantity), CONCAT(?type_label, " x", STR(?quantity)), ?type_label) AS ?target)
        }""")
    assert {(s, str(t)) for s, t in before} == {(s, str(t)) for s, t in graph.subject_objects(IGD.target)}
    store = ox.Store()
    store.load(dataset.serialize(format="trig").encode("utf-8"), format=ox.RdfFormat.TRIG)
    assert set(derived_graph(derive_inputs(store))) == set(graph)


def test_a_derived_graph_of_another_version_is_derived_again():
    dataset = hand_made()
    stale = dataset.graph(DERIVED_GRAPH)
    stale.add((X.report, IGD.during, URIRef(MONTH + "1999-01")))  # what an older version left
    assert ensure_derived(dataset) is True
    assert set(stale) == set(derived_graph(hand_made()))
    assert ensure_derived(dataset) is False
    store = ox.Store()
    store.load(hand_made().serialize(format="trig").encode("utf-8"), format=ox.RdfFormat.TRIG)
    name = ox.NamedNode(str(DERIVED_GRAPH))
    store.add(ox.Quad(ox.NamedNode(str(X.report)), ox.NamedNode(str(IGD.during)),
                      ox.NamedNode(MONTH + "1999-01"), name))
    with_derived_links(store)
    held = {tuple(to_rdflib(t) for t in (q.subject, q.predicate, q.object))
            for q in store.quads_for_pattern(None, None, None, name)}
    assert held == set(derived_graph(hand_made()))


def test_a_read_only_store_derived_by_another_version_asks_to_be_built_again(tmp_path):
    """A store opened read-only (as ``isisgraph query`` opens a build's store) cannot have its
    derived graph made again: a one-line InputError saying what to do, not pyoxigraph's error."""
    from isisgraph.errors import InputError

    folder = tmp_path / "store"
    store = ox.Store(str(folder))
    store.load(hand_made().serialize(format="trig").encode("utf-8"), format=ox.RdfFormat.TRIG)
    name = ox.NamedNode(str(DERIVED_GRAPH))
    store.add(ox.Quad(ox.NamedNode(str(X.report)), ox.NamedNode(str(IGD.during)),
                      ox.NamedNode(MONTH + "1999-01"), name))  # derived by an older version
    store.flush()
    del store
    with pytest.raises(InputError, match="build the store again"):
        with_derived_links(ox.Store.read_only(str(folder)))
