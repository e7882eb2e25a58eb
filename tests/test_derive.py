"""The derived graph: what the counting queries read instead of comparing every pair of facts.

The articles are those of tests/test_totals.py (releases and wire stories with the records a
perfect extractor would find); the tallies below are worked out by hand from their texts, in
the comments beside them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, Dataset, Literal, URIRef
from rdflib.namespace import XSD
from test_totals import (
    article,
    dataset_of,
    overlapping_week,
    release_with_breakdown,
    report,
    story_of_two_places,
    weekly_release,
    wire_relaying_the_release,
)

from isisgraph.derive import DERIVED_GRAPH, IGD, derived_graph, ensure_derived
from isisgraph.namespaces import actor, place
from isisgraph.records import Extraction
from isisgraph.store import derive_inputs, to_rdflib, with_derived_links

FIXTURE = Path(__file__).parent / "data" / "queries" / "fixture.trig"
COALITION, RAF = URIRef(actor("cjtf-oir")), URIRef(actor("raf"))
IRAQ, SYRIA = URIRef(place("iraq")), URIRef(place("syria"))


def day(text: str) -> Literal:
    return Literal(text, datatype=XSD.date)


def tallies(graph, kind) -> set[tuple]:
    """(actor, country or report, start, end, strikes, articles) of every tally of ``kind``."""
    where = IGD.country if kind == IGD.CountryTally else IGD.report
    rows = set()
    for node in graph.subjects(RDF.type, kind):
        rows.add((graph.value(node, IGD.actor), graph.value(node, where), str(graph.value(node, IGD.start)),
                  str(graph.value(node, IGD.end)), graph.value(node, IGD.strikes).toPython(),
                  graph.value(node, IGD.articles).toPython()))
    return rows


def all_five() -> Dataset:
    return dataset_of(release_with_breakdown(), wire_relaying_the_release(), story_of_two_places(),
                      weekly_release(), overlapping_week())


def test_country_tallies_of_the_five_articles():
    # Iraq, by the coalition:
    #   Sept. 20-21: the release's lines 2 + 2 = 4, the wire's 4: 4, from 2 articles
    #   Sept. 24: 2 near Hawija + 1 near Kirkuk = 3, but inside Sept. 22-28 (12): left out
    #   Sept. 22-28: 12, 1 article
    #   Sept. 27-Oct. 3: 7, only partly overlapping: counted, 1 article
    # Syria: Sept. 20-21, the one near Raqqa. The two-country total of five counts nowhere.
    graph = derived_graph(all_five())
    assert tallies(graph, IGD.CountryTally) == {
        (COALITION, IRAQ, "2014-09-20", "2014-09-21", 4, 2),
        (COALITION, IRAQ, "2014-09-22", "2014-09-28", 12, 1),
        (COALITION, IRAQ, "2014-09-27", "2014-10-03", 7, 1),
        (COALITION, SYRIA, "2014-09-20", "2014-09-21", 1, 1),
    }


def test_actor_tallies_of_the_five_articles():
    # whole reports only: the release's total of five (the wire's four in Iraq is inside it),
    # the week of twelve (Sept. 24's two and one inside it), the seven of Sept. 27-Oct. 3
    graph = derived_graph(all_five())
    found = {(a, str(r).rsplit("/", 2)[-2:][0], s, e, n, k) for a, r, s, e, n, k in tallies(graph, IGD.ActorTally)}
    assert found == {
        (COALITION, "r1", "2014-09-20", "2014-09-21", 5, 1),
        (COALITION, "r4", "2014-09-22", "2014-09-28", 12, 1),
        (COALITION, "r5", "2014-09-27", "2014-10-03", 7, 1),
    }


def test_a_member_strikes_for_its_organisation_too():
    # the RAF's three strikes in Syria on Sept. 24 count for the RAF and for the coalition
    lines = ["RAF Tornados conducted three strikes in Syria on Sept. 24."]
    art = article("r7", "MOD", dt.date(2014, 9, 25), lines)
    ex = Extraction(article=art)
    ex.strike_reports = [report(art, "raf", lines[0], 3, [str(SYRIA)], period_of_sept_24())]
    ex.strike_reports[0].perpetrators[:] = [str(RAF)]
    graph = derived_graph(dataset_of(ex))
    assert tallies(graph, IGD.CountryTally) == {
        (RAF, SYRIA, "2014-09-24", "2014-09-24", 3, 1),
        (COALITION, SYRIA, "2014-09-24", "2014-09-24", 3, 1),
    }
    # per actor, only the direct perpetrator: the report is the RAF's
    assert {(a, n) for a, _, _, _, n, _ in tallies(graph, IGD.ActorTally)} == {(RAF, 3)}


def period_of_sept_24():
    from test_totals import SEPT_24

    return SEPT_24


def test_places_within_and_members_of_are_closed_and_reflexive():
    graph = derived_graph(all_five())
    hawija = URIRef(place("hawija"))
    assert set(graph.objects(hawija, IGD.within)) == {hawija, URIRef(place("kirkuk-governorate")), IRAQ}
    assert set(graph.objects(IRAQ, IGD.within)) == {IRAQ}
    assert set(graph.objects(RAF, IGD.memberOf)) == {RAF, COALITION}


def test_the_graph_is_a_pure_function_of_what_it_reads():
    dataset = Dataset(default_union=True)
    dataset.parse(FIXTURE, format="trig")
    first, again = derived_graph(dataset), derived_graph(dataset)
    assert len(first) > 0 and set(first) == set(again)  # the same IRIs every time
    assert set(graph_iris(first)) <= {str(DERIVED_GRAPH)}
    # a store derives the same graph from the few triples it copies out
    store = ox.Store()
    store.load(FIXTURE.read_bytes(), format=ox.RdfFormat.TRIG)
    assert set(derived_graph(derive_inputs(store))) == set(first)
    with_derived_links(store)
    name = ox.NamedNode(str(DERIVED_GRAPH))
    stored = {tuple(to_rdflib(t) for t in (q.subject, q.predicate, q.object))
              for q in store.quads_for_pattern(None, None, None, name)}
    assert stored == set(first)
    # adding it again changes nothing, and the derived graph is not read as input
    before = len(store)
    with_derived_links(store)
    assert len(store) == before
    assert ensure_derived(dataset) is True and ensure_derived(dataset) is False
    assert set(derived_graph(dataset)) == set(first)


def graph_iris(graph) -> list[str]:
    return [str(graph.identifier)]


def test_nothing_is_derived_without_articles():
    assert ensure_derived(Dataset()) is False
    store = ox.Store()
    with_derived_links(store)
    assert len(store) == 0


@pytest.mark.parametrize("name", ["strikes-per-country-month", "strikes-per-actor-month"])
def test_the_counting_queries_read_the_derived_graph(name):
    # a derived graph that says otherwise is what the query reports: it does not recount
    from isisgraph.query import run_query

    dataset = all_five()
    ensure_derived(dataset)
    derived = dataset.graph(DERIVED_GRAPH)
    for node in list(derived.subjects(IGD.strikes, None)):
        derived.set((node, IGD.strikes, Literal(1)))
    rows = run_query(name, dataset).records()
    assert rows and all(r["strikes"] == r["reported_periods"] for r in rows)
