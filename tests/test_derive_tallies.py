"""The derived tallies `target-types-by-country` and `strikes-per-actor-month` read.

Articles in the style of tests/test_totals.py; the counts are worked out by hand from their
texts, in the comments beside them.
"""

from __future__ import annotations

import datetime as dt

import pyoxigraph as ox
import pytest
from rdflib import RDF, URIRef
from test_totals import (
    IRAQ,
    SYRIA,
    article,
    dataset_of,
    overlapping_week,
    release_with_breakdown,
    report,
    story_of_two_places,
    weekly_release,
    wire_relaying_the_release,
)

from isisgraph.derive import IGD, derived_graph
from isisgraph.namespaces import IG, actor, concept
from isisgraph.query import run_query
from isisgraph.records import Extraction, Span, Target, When

SEPT_20_21 = When("Sept. 20-21", dt.date(2014, 9, 20), dt.date(2014, 9, 21), "day")
VEHICLE, TANK, CHECKPOINT = (str(concept("target-type", kind)) for kind in ("vehicle", "tank", "checkpoint"))


def targets_of(art, sentence: str, *wanted: tuple[str, str, int | None]) -> list[Target]:
    """Targets named by the words ``word`` of ``sentence`` (each its own span)."""
    at = art.text.index(sentence)
    return [Target(kind, Span(at + sentence.index(word), at + sentence.index(word) + len(word)), quantity)
            for word, kind, quantity in wanted]


def release() -> Extraction:
    # one report on both countries: two vehicles and a tank
    line = "Coalition forces conducted five airstrikes in Iraq and Syria, destroying two vehicles and a tank."
    art = article("t1", "CJTF-OIR", dt.date(2014, 9, 22), [line])
    ex = Extraction(article=art)
    total = report(art, "total", line, 5, [IRAQ, SYRIA], SEPT_20_21)
    total.targets = targets_of(art, line, ("two vehicles", "vehicle", 2), ("a tank", "tank", None))
    ex.strike_reports = [total]
    return ex


def wire() -> Extraction:
    # the same report relayed (its twin, with another number: the first of the pair counts)
    line = "The coalition said it carried out five strikes in Iraq and Syria, hitting four vehicles."
    art = article("t2", "Wire", dt.date(2014, 9, 23), [line])
    ex = Extraction(article=art)
    relayed = report(art, "total", line, 5, [IRAQ, SYRIA], SEPT_20_21)
    relayed.targets = targets_of(art, line, ("four vehicles", "vehicle", 4))
    ex.strike_reports = [relayed]
    return ex


def iraq_only() -> Extraction:
    # Iraq: three vehicles near one town, one more near another, and a checkpoint
    line = "Three strikes in Iraq destroyed three vehicles, struck another vehicle and a checkpoint."
    art = article("t3", "CJTF-OIR", dt.date(2014, 9, 24), [line])
    ex = Extraction(article=art)
    strikes = report(art, "iraq", line, 3, [IRAQ], SEPT_20_21)
    strikes.targets = targets_of(art, line, ("three vehicles", "vehicle", 3), ("another vehicle", "vehicle", 1),
                                 ("a checkpoint", "checkpoint", None))
    ex.strike_reports = [strikes]
    return ex


def three_articles():
    dataset = dataset_of(release(), wire(), iraq_only())
    first, second = (URIRef(next(s for s in dataset.subjects(RDF.type, IG.StrikeReport) if f"/{k}/" in str(s)))
                     for k in ("t1", "t2"))
    for a, b in ((first, second), (second, first)):  # what reconcile states of twins
        dataset.graph(URIRef("https://w3id.org/isisgraph/graph/reconcile")).add((a, IG.sameReportAs, b))
    return dataset


# by hand: t1's report (before its twin t2's) counts under Iraq and under Syria; t3's under Iraq
#   Iraq, vehicle: t1 (2) + t3 (3 + 1) = 2 reports, 6 stated; Iraq, tank: t1, none stated;
#   Iraq, checkpoint: t3, none stated; Syria, vehicle: t1, 2; Syria, tank: t1, none.
EXPECTED = {
    (IRAQ, VEHICLE, 2, 6), (IRAQ, TANK, 1, 0), (IRAQ, CHECKPOINT, 1, 0),
    (SYRIA, VEHICLE, 1, 2), (SYRIA, TANK, 1, 0),
}


def test_target_tallies_count_each_report_group_once():
    graph = derived_graph(three_articles())
    found = {(str(graph.value(n, IGD.country)), str(graph.value(n, IGD.targetType)),
              graph.value(n, IGD.reports).toPython(), graph.value(n, IGD.quantity).toPython())
             for n in graph.subjects(RDF.type, IGD.TargetTally)}
    assert found == EXPECTED


@pytest.mark.parametrize("backend", ["rdflib", "oxigraph"])
def test_target_types_by_country_reads_the_tallies(backend):
    dataset = three_articles()
    if backend == "oxigraph":
        store = ox.Store()
        store.load(dataset.serialize(format="trig").encode("utf-8"), format=ox.RdfFormat.TRIG)
        dataset = store
    rows = run_query("target-types-by-country", dataset).records()
    assert {(r["country"], r["target_type"], r["reports"], r["quantity_stated"]) for r in rows} == EXPECTED
    syria = run_query("target-types-by-country", dataset, {"country": "place/syria"}).records()
    assert {(r["target_type"], r["reports"]) for r in syria} == {(VEHICLE, 1), (TANK, 1)}


def test_each_actor_tally_states_its_month_and_period():
    # the coalition's whole reports of tests/test_derive.py: five on Sept. 20-21 (one article),
    # twelve on Sept. 22-28, seven on Sept. 27-Oct. 3: all filed under September
    graph = derived_graph(dataset_of(release_with_breakdown(), wire_relaying_the_release(), story_of_two_places(),
                                     weekly_release(), overlapping_week()))
    coalition = URIRef(actor("cjtf-oir"))
    found = {(str(graph.value(n, IGD.month)), str(graph.value(n, IGD.period)))
             for n in graph.subjects(RDF.type, IGD.ActorTally) if graph.value(n, IGD.actor) == coalition}
    assert found == {("2014-09", "2014-09-20/2014-09-21: 5"), ("2014-09", "2014-09-22/2014-09-28: 12"),
                     ("2014-09", "2014-09-27/2014-10-03: 7")}
