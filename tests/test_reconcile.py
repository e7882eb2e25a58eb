"""Reconcile: links what several articles report about the same event or strike count, merging nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef

from isisgraph.emit import to_graph
from isisgraph.ingest import text_sha256
from isisgraph.namespaces import ID, IG, ONTOLOGY_GRAPH, REFERENCE_GRAPH, actor, place
from isisgraph.ontology import load_tbox
from isisgraph.reconcile import RECONCILE_GRAPH, ensure_reconciled, groups, reconcile
from isisgraph.records import Article, Event, Extraction, Span, StrikeReport, When

DATA = Path(__file__).parent / "data" / "queries"
OCTOBER = When("in October 2017", dt.date(2017, 10, 1), dt.date(2017, 10, 31), "month")
DEC_WEEK = When("between Dec. 22 and 28", dt.date(2017, 12, 22), dt.date(2017, 12, 28), "day")


def node(path: str) -> URIRef:
    return URIRef(str(ID) + path)


def links(graph, prop) -> set[tuple[str, str]]:
    return {(str(s).removeprefix(str(ID)), str(o).removeprefix(str(ID))) for s, o in graph.subject_objects(prop)}


@pytest.fixture(scope="module")
def fixture() -> Dataset:
    dataset = Dataset()
    dataset.parse(DATA / "fixture.trig", format="trig")
    return dataset


# ---------------------------------------------------------------------- on the query fixture


def test_two_articles_with_the_same_strike_count_are_the_same_report(fixture):
    graph = reconcile(fixture)
    assert graph.identifier == RECONCILE_GRAPH
    # a1 and a2 relay the coalition's week of Dec 22-28: 12 strikes in Iraq in both, 20 and 21
    # in Syria (the same report, told differently). a1's "three near Hawija" is a breakdown
    # with no counterpart; a5's May strikes are another reporter and period.
    assert links(graph, IG.sameReportAs) == {
        ("strike-report/a1/r-iraq", "strike-report/a2/r-iraq"),
        ("strike-report/a2/r-iraq", "strike-report/a1/r-iraq"),
        ("strike-report/a1/r-syria", "strike-report/a2/r-syria"),
        ("strike-report/a2/r-syria", "strike-report/a1/r-syria"),
    }


def test_the_retaking_of_hawija_is_one_event_but_not_its_fall_in_2014(fixture):
    assert links(reconcile(fixture), IG.sameEventAs) == {
        ("event/a2/e-hawija", "event/a4/e-hawija"), ("event/a4/e-hawija", "event/a2/e-hawija")}


def test_reconcile_changes_nothing_it_reads(fixture):
    before = {str(g.identifier): len(g) for g in fixture.graphs()}
    reconcile(fixture)
    assert {str(g.identifier): len(g) for g in fixture.graphs()} == before


def test_ensure_reconciled_adds_the_graph_once():
    dataset = Dataset(default_union=True)
    dataset.parse(DATA / "fixture.trig", format="trig")
    assert ensure_reconciled(dataset) is True
    assert len(dataset.graph(RECONCILE_GRAPH)) == 6
    assert ensure_reconciled(dataset) is False
    assert (node("event/a2/e-hawija"), IG.sameEventAs, node("event/a4/e-hawija")) in dataset
    assert ensure_reconciled(Dataset()) is False  # no article graphs: nothing to do


# ---------------------------------------------------------------------- the rules, on small articles

TEXT = "An event happened somewhere at some time, said someone.\n"
SPAN = Span(0, 10)


def article(article_id: str) -> Article:
    return Article(id=article_id, text=TEXT, source=f"{article_id}.txt", published=dt.date(2018, 1, 1),
                   sha256=text_sha256(TEXT))


def control_change(
    article_id: str, where: str, gained: str | None, lost: str | None, when: When = OCTOBER
) -> Extraction:
    ex = Extraction(article=article(article_id))
    ex.events = [Event("e", "ControlChange", SPAN, "retook", gained_control=[str(actor(gained))] if gained else [],
                       lost_control=[str(actor(lost))] if lost else [], locations=[str(place(where))], when=when)]
    return ex


def strike_report(article_id: str, by: str, countries: list[str], count: int, when: When = DEC_WEEK) -> Extraction:
    ex = Extraction(article=article(article_id))
    ex.strike_reports = [StrikeReport("r", SPAN, count, perpetrators=[str(actor(by))],
                                      countries=[str(place(c)) for c in countries], when=when)]
    return ex


def dataset_of(*extractions: Extraction) -> Dataset:
    """Article graphs over the fixture's reference data (Hawija in Kirkuk Governorate in Iraq;
    the Royal Air Force a member of CJTF-OIR)."""
    dataset = Dataset()
    tbox = dataset.graph(ONTOLOGY_GRAPH)
    for triple in load_tbox():
        tbox.add(triple)
    dataset.graph(REFERENCE_GRAPH).parse(DATA / "reference.ttl", format="turtle")
    for extraction in extractions:
        graph = to_graph(extraction)
        target = dataset.graph(graph.identifier)
        for triple in graph:
            target.add(triple)
    return dataset


def test_a_place_inside_another_is_the_same_place():
    graph = reconcile(dataset_of(control_change("x", "hawija", "isf", "isis"),
                                 control_change("y", "kirkuk-governorate", "isf", None)))
    assert links(graph, IG.sameEventAs) == {("event/x/e", "event/y/e"), ("event/y/e", "event/x/e")}


def test_places_apart_are_different_events():
    graph = reconcile(dataset_of(control_change("x", "hawija", "isf", "isis"),
                                 control_change("y", "raqqa", "isf", "isis")))
    assert len(graph) == 0


def test_who_took_it_and_who_lost_it_must_not_be_swapped():
    graph = reconcile(dataset_of(control_change("x", "hawija", "isf", "isis"),
                                 control_change("y", "hawija", "isis", "isf")))
    assert len(graph) == 0


def test_dates_must_overlap():
    june = When("in June 2014", dt.date(2014, 6, 1), dt.date(2014, 6, 30), "month")
    graph = reconcile(dataset_of(control_change("x", "hawija", "isis", None, june),
                                 control_change("y", "hawija", "isis", None)))
    assert len(graph) == 0


def test_an_undated_event_is_never_linked():
    undated = When("once", None, None, "approximate")
    graph = reconcile(dataset_of(control_change("x", "hawija", "isf", None, undated),
                                 control_change("y", "hawija", "isf", None)))
    assert len(graph) == 0


def test_a_member_of_the_coalition_is_compatible_with_the_coalition():
    graph = reconcile(dataset_of(strike_report("x", "raf", ["iraq"], 4), strike_report("y", "cjtf-oir", ["iraq"], 5)))
    assert links(graph, IG.sameReportAs) == {("strike-report/x/r", "strike-report/y/r"),
                                              ("strike-report/y/r", "strike-report/x/r")}


@pytest.mark.parametrize("other", [
    strike_report("y", "us", ["iraq"], 12),  # another reporter
    strike_report("y", "cjtf-oir", ["iraq", "syria"], 12),  # another set of countries
    strike_report("y", "cjtf-oir", ["iraq"], 12, When("Dec 21-28", dt.date(2017, 12, 21), dt.date(2017, 12, 28))),
], ids=["reporter", "countries", "period"])
def test_strike_reports_need_the_same_reporter_countries_and_period(other):
    assert len(reconcile(dataset_of(strike_report("x", "cjtf-oir", ["iraq"], 12), other))) == 0


def test_reports_of_one_article_are_not_linked_to_each_other():
    ex = strike_report("x", "cjtf-oir", ["iraq"], 12)
    ex.strike_reports.append(StrikeReport("r2", Span(11, 20), 12, perpetrators=[str(actor("cjtf-oir"))],
                                          countries=[str(place("iraq"))], when=DEC_WEEK))
    assert len(reconcile(dataset_of(ex))) == 0


def test_groups_are_cliques_of_direct_matches():
    a, b, c, d = (URIRef(f"urn:x:{n}") for n in "abcd")
    # b matches a and c, but a and c do not match: b joins a, c stays alone
    assert groups([(a, b), (b, c)]) == [[a, b]]
    assert groups([(a, b), (b, c), (a, c), (c, d)]) == [[a, b, c]]


def test_three_articles_of_one_event_are_linked_pairwise():
    graph = reconcile(dataset_of(control_change("x", "hawija", "isf", "isis"),
                                 control_change("y", "hawija", "isf", None),
                                 control_change("z", "hawija", None, "isis")))
    assert len(links(graph, IG.sameEventAs)) == 6
