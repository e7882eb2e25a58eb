"""A page of a list ordered by a date (``# pages:``) found month by month on an Oxigraph store
(query.paged_answer): the same rows as the whole answer cut, and, for a first page, found
without evaluating the whole list.

The graph is made by hand: strike reports and events spread over the months of 2017 (several
on one day, some over the turn of a month), and some without a date, which strike-reports
lists first and events-timeline last."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import RDF, RDFS, XSD, Dataset, Literal, Namespace, URIRef

import isisgraph.query as query_module
from isisgraph.namespaces import IG, OA, SCHEMA
from isisgraph.query import find_query, month_end, stream_query
from isisgraph.store import with_derived_links

X = Namespace("https://w3id.org/isisgraph/id/test/")
DOC = "https://w3id.org/isisgraph/graph/doc/"


def day(text: str) -> Literal:
    return Literal(text, datatype=XSD.date)


def hand_made() -> ox.Store:
    """Month m of 2017 (1-12) holds m strike reports dated the 10th (the odd ones until the 3rd
    of the next month) and two events on the 20th; 4 reports and 3 events have no date."""
    dataset = Dataset(default_union=True)
    g = dataset.graph(URIRef(DOC + "a1"))
    g.add((X.article, SCHEMA.datePublished, day("2018-01-15")))
    g.add((IG.Event, RDFS.label, Literal("event", lang="en")))

    def fact(node: URIRef) -> None:
        evidence = URIRef(str(node) + "-ev")
        g.add((node, IG.evidence, evidence))
        g.add((evidence, OA.hasSource, X.article))

    for month in range(1, 13):
        for n in range(month):
            report = X[f"report-{month:02d}-{n}"]
            fact(report)
            g.add((report, RDF.type, IG.StrikeReport))
            g.add((report, IG.strikeCount, Literal(n + 1, datatype=XSD.integer)))
            g.add((report, IG.startDate, day(f"2017-{month:02d}-10")))
            if n % 2 and month < 12:
                g.add((report, IG.endDate, day(f"2017-{month + 1:02d}-03")))
        for n in range(2):
            event = X[f"event-{month:02d}-{n}"]
            fact(event)
            g.add((event, RDF.type, IG.Event))
            g.add((event, IG.trigger, Literal("struck")))
            g.add((event, IG.startDate, day(f"2017-{month:02d}-20")))
    for n in range(4):
        report = X[f"report-undated-{n}"]
        fact(report)
        g.add((report, RDF.type, IG.StrikeReport))
        g.add((report, IG.strikeCount, Literal(7, datatype=XSD.integer)))
    for n in range(3):
        event = X[f"event-undated-{n}"]
        fact(event)
        g.add((event, RDF.type, IG.Event))
        g.add((event, IG.trigger, Literal("bombed")))
    store = ox.Store()
    store.load(dataset.serialize(format="trig").encode("utf-8"), format=ox.RdfFormat.TRIG)
    return with_derived_links(store)


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return hand_made()


# 78 dated reports (1 + 2 + ... + 12) and 4 undated: 82 rows; 24 dated events and 3 undated: 27
@pytest.mark.parametrize("name, rows", [("strike-reports", 82), ("events-timeline", 27)])
@pytest.mark.parametrize("limit, offset", [(1, 0), (3, 0), (5, 2), (10, 4), (7, 20), (30, 40), (5, 79), (10, 80),
                                           (4, 24), (100, 0), (3, 200)])
def test_a_page_found_month_by_month_is_the_whole_answer_cut(store, name, rows, limit, offset):
    saved = find_query(name)
    whole = list(stream_query(saved, store).rows)
    assert len(whole) == rows
    page = list(stream_query(saved, store, limit=limit, offset=offset).rows)
    assert page == whole[offset:offset + limit]


@pytest.mark.parametrize("name", ["strike-reports", "events-timeline"])
def test_a_first_page_is_found_without_the_whole_list(store, name, monkeypatch):
    bound: list[set[str]] = []
    original = query_module.oxigraph_answer

    def spy(store, text, prepared, bindings, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        bound.append(set(bindings))
        return original(store, text, prepared, bindings, *args, **kwargs)

    monkeypatch.setattr(query_module, "oxigraph_answer", spy)
    saved = find_query(name)
    assert saved.pages is not None
    list(stream_query(saved, store, limit=3).rows)
    walked = {saved.pages.until, saved.pages.undated}
    assert bound and all(names & walked for names in bound)  # never the whole list
    # a page of a list the user bounded is the query as asked, cut
    bound.clear()
    list(stream_query(saved, store, {saved.pages.until: "2017-03-31" if name == "events-timeline" else "2017-03"},
                      limit=3).rows)
    assert len(bound) == 1


def test_the_months_end_as_each_kind_of_parameter_reads_it():
    assert month_end("2017-02", "date") == Literal("2017-02-28", datatype=XSD.date)
    assert month_end("2016-12", "date") == Literal("2016-12-31", datatype=XSD.date)
    assert month_end("2017-03", "when") == Literal("2017-03")
