"""Totals that add up: the strike-counting queries on releases written for the purpose.

Each article below is a few lines in the style of the official releases and wire stories,
with the records a perfect extractor would find in them, emitted by isisgraph.emit. The
totals in the tests are worked out by hand from the article texts, in the comments beside them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rdflib import Dataset

from isisgraph.emit import Run, meta_triples, run_triples, to_graph
from isisgraph.namespaces import META_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH, actor, place
from isisgraph.ontology import load_tbox
from isisgraph.query import run_query
from isisgraph.records import Article, Extraction, Span, StrikeReport, When

REFERENCE = Path(__file__).parent / "data" / "queries" / "reference.ttl"
RUN = Run("totals", "hand-written", "0")
COALITION, IRAQ, SYRIA = str(actor("cjtf-oir")), str(place("iraq")), str(place("syria"))
HAWIJA, KIRKUK, RAQQA = str(place("hawija")), str(place("kirkuk")), str(place("raqqa"))


def period(start: tuple[int, int, int], end: tuple[int, int, int], raw: str) -> When:
    return When(raw, dt.date(*start), dt.date(*end), "day")


SEPT_20_21 = period((2014, 9, 20), (2014, 9, 21), "Sept. 20-21")
SEPT_24 = period((2014, 9, 24), (2014, 9, 24), "on Sept. 24")
SEPT_22_28 = period((2014, 9, 22), (2014, 9, 28), "between Sept. 22 and 28")
SEPT_27_OCT_3 = period((2014, 9, 27), (2014, 10, 3), "between Sept. 27 and Oct. 3")


def article(key: str, publisher: str, published: dt.date, lines: list[str]) -> Article:
    return Article(key, "\n\n".join(lines), f"{key}.txt", title=lines[0], publisher=publisher, published=published)


def report(art: Article, key: str, sentence: str, count: int, countries: list[str], when: When,
           locations: tuple[str, ...] = (), part_of: str | None = None) -> StrikeReport:
    start = art.text.index(sentence)
    return StrikeReport(key, Span(start, start + len(sentence)), count, perpetrators=[COALITION],
                        countries=countries, locations=list(locations), when=when, part_of=part_of,
                        extractor="fixture")


def release_with_breakdown() -> Extraction:
    # the total is for two countries; its lines split it: 1 in Syria, 2 + 2 in Iraq (same period)
    lines = ["Coalition forces conducted five airstrikes in Iraq and Syria Sept. 20-21.",
             "In Syria, one airstrike near Raqqa destroyed an ISIL tank.",
             "In Iraq, two airstrikes near Hawija destroyed ISIL vehicles.",
             "Two airstrikes near Kirkuk struck an ISIL checkpoint."]
    art = article("r1", "CJTF-OIR", dt.date(2014, 9, 22), lines)
    ex = Extraction(article=art)
    ex.strike_reports = [
        report(art, "total", lines[0], 5, [IRAQ, SYRIA], SEPT_20_21),
        report(art, "raqqa", lines[1], 1, [SYRIA], SEPT_20_21, (RAQQA,), "total"),
        report(art, "hawija", lines[2], 2, [IRAQ], SEPT_20_21, (HAWIJA,), "total"),
        report(art, "kirkuk", lines[3], 2, [IRAQ], SEPT_20_21, (KIRKUK,), "total"),
    ]
    return ex


def wire_relaying_the_release() -> Extraction:
    lines = ["The coalition said it conducted four air strikes in Iraq on Sept. 20 and 21."]
    art = article("r2", "Reuters", dt.date(2014, 9, 23), lines)
    ex = Extraction(article=art)
    ex.strike_reports = [report(art, "iraq", lines[0], 4, [IRAQ], SEPT_20_21)]
    return ex


def story_of_two_places() -> Extraction:
    # no total: two strikes near Hawija and one near Kirkuk on the same day are three strikes
    lines = ["Coalition jets hit Hawija twice on Sept. 24.",
             "One more coalition strike hit a convoy near Kirkuk on Sept. 24."]
    art = article("r3", "AFP", dt.date(2014, 9, 25), lines)
    ex = Extraction(article=art)
    ex.strike_reports = [report(art, "hawija", lines[0], 2, [IRAQ], SEPT_24, (HAWIJA,)),
                         report(art, "kirkuk", lines[1], 1, [IRAQ], SEPT_24, (KIRKUK,))]
    return ex


def weekly_release() -> Extraction:
    lines = ["The coalition conducted 12 strikes in Iraq between Sept. 22 and 28."]
    art = article("r4", "CJTF-OIR", dt.date(2014, 9, 29), lines)
    ex = Extraction(article=art)
    ex.strike_reports = [report(art, "week", lines[0], 12, [IRAQ], SEPT_22_28)]
    return ex


def overlapping_week() -> Extraction:
    lines = ["The coalition carried out seven strikes in Iraq between Sept. 27 and Oct. 3."]
    art = article("r5", "Kurdistan 24", dt.date(2014, 10, 4), lines)
    ex = Extraction(article=art)
    ex.strike_reports = [report(art, "week", lines[0], 7, [IRAQ], SEPT_27_OCT_3)]
    return ex


def dataset_of(*extractions: Extraction) -> Dataset:
    dataset = Dataset(default_union=True)
    ontology = dataset.graph(ONTOLOGY_GRAPH)
    for triple in load_tbox():
        ontology.add(triple)
    dataset.graph(REFERENCE_GRAPH).parse(REFERENCE, format="turtle")
    meta = dataset.graph(META_GRAPH)
    for triple in run_triples(RUN):
        meta.add(triple)
    for extraction in extractions:
        graph = to_graph(extraction)
        target = dataset.graph(graph.identifier)
        for triple in graph:
            target.add(triple)
        for triple in meta_triples(extraction.article, RUN, dt.datetime(2024, 1, 1, tzinfo=dt.UTC)):
            meta.add(triple)
    return dataset


def per_country(*extractions: Extraction) -> list[tuple]:
    rows = run_query("strikes-per-country-month", dataset_of(*extractions)).records()
    return [(r["country_label"], r["month"], r["strikes"], r["reported_periods"], r["articles"]) for r in rows]


def per_actor(*extractions: Extraction) -> list[tuple]:
    rows = run_query("strikes-per-actor-month", dataset_of(*extractions), {"actor": "actor/cjtf-oir"}).records()
    return [(r["month"], r["strikes"], r["reported_periods"]) for r in rows]


def test_breakdown_lines_sharing_a_period_are_added_not_merged():
    # Iraq: two near Hawija + two near Kirkuk = 4 (not 2); Syria: the one near Raqqa
    assert per_country(release_with_breakdown()) == [
        ("Iraq", "2014-09", 4, 1, 1),
        ("Syria", "2014-09", 1, 1, 1),
    ]


def test_reports_at_distinct_places_of_one_article_are_added():
    # two near Hawija and one near Kirkuk on Sept. 24: 3
    assert per_country(story_of_two_places()) == [("Iraq", "2014-09", 3, 1, 1)]


def test_a_relayed_total_counts_once():
    # the wire's four strikes in Iraq on Sept. 20-21 are the release's 2 + 2: still 4, two articles
    assert per_country(release_with_breakdown(), wire_relaying_the_release()) == [
        ("Iraq", "2014-09", 4, 1, 2),
        ("Syria", "2014-09", 1, 1, 1),
    ]


def test_several_publishers_and_overlapping_periods():
    # Iraq, September 2014:
    #   Sept. 20-21: 4 (the release's lines; the wire relays them)       4
    #   Sept. 24: 3, inside the week of Sept. 22-28, which gave 12: left out
    #   Sept. 22-28: 12                                                    12
    #   Sept. 27-Oct. 3: 7, only partly overlapping Sept. 22-28: counted,
    #     filed under the month it starts in                               7
    #                                                                     ---
    #                                                                      23  in 3 periods, from 4 articles
    # Syria: the one strike near Raqqa.
    assert per_country(release_with_breakdown(), wire_relaying_the_release(), story_of_two_places(),
                       weekly_release(), overlapping_week()) == [
        ("Iraq", "2014-09", 23, 3, 4),
        ("Syria", "2014-09", 1, 1, 1),
    ]


@pytest.mark.parametrize("extractions, expected", [
    # the two-country total of five; the wire's four in Iraq are inside it
    ((release_with_breakdown(), wire_relaying_the_release()), [("2014-09", 5, 1)]),
    # five on Sept. 20-21, twelve on Sept. 22-28 (the three of Sept. 24 inside), seven on Sept. 27-Oct. 3
    ((release_with_breakdown(), wire_relaying_the_release(), story_of_two_places(), weekly_release(),
      overlapping_week()), [("2014-09", 24, 3)]),
    # no total: two near Hawija and one near Kirkuk on one day (two reports count)
    ((story_of_two_places(),), [("2014-09", 3, 2)]),
], ids=["relayed-part", "all", "two-places"])
def test_strikes_per_actor_month(extractions, expected):
    assert per_actor(*extractions) == expected


@pytest.mark.parametrize("name", ["strikes-per-country-month", "strikes-per-actor-month"])
def test_oxigraph_gives_the_same_totals(name):
    import pyoxigraph as ox

    dataset = dataset_of(release_with_breakdown(), wire_relaying_the_release(), story_of_two_places(),
                         weekly_release(), overlapping_week())
    store = ox.Store()
    store.load(dataset.serialize(format="trig").encode("utf-8"), format=ox.RdfFormat.TRIG)
    assert run_query(name, store).rows == run_query(name, dataset).rows


def test_a_total_naming_places_is_not_added_to_its_lines():
    # "20 strikes in Syria, most of them around Abu Kamal and Raqqa" names places but is a
    # total; "five near Raqqa" is inside it: 20, not 25
    lines = ["The coalition conducted 20 strikes in Syria on Sept. 24, most of them around Abu Kamal and Raqqa.",
             "Near Raqqa, five strikes destroyed ISIL fighting positions."]
    art = article("r6", "CJTF-OIR", dt.date(2014, 9, 25), lines)
    ex = Extraction(article=art)
    abu_kamal = str(place("abu-kamal"))
    ex.strike_reports = [report(art, "total", lines[0], 20, [SYRIA], SEPT_24, (abu_kamal, RAQQA)),
                         report(art, "raqqa", lines[1], 5, [SYRIA], SEPT_24, (RAQQA,))]
    assert per_country(ex) == [("Syria", "2014-09", 20, 1, 1)]


def release_with_a_total_and_a_commander() -> Extraction:
    # "11 strikes in Iraq on Wednesday, including three near Hawija and two near Kirkuk"; the
    # headline's strike near Hawija and a commander's "four airstrikes near Kanash" are inside
    # the 11 (a total broken down into lines holds the day's strikes in Iraq): 11
    kanash = str(place("kanash"))
    lines = ["Coalition jets strike ISIS near Hawija",
             "The coalition conducted 11 strikes in Iraq on Sept. 24, including three near Hawija and two "
             "near Kirkuk.",
             "There were four airstrikes on ISIS positions near Kanash, a commander said."]
    art = article("r7", "Rudaw", dt.date(2014, 9, 25), lines)
    ex = Extraction(article=art)
    ex.strike_reports = [
        report(art, "headline", lines[0], 1, [IRAQ], SEPT_24, (HAWIJA,)),
        report(art, "total", lines[1], 11, [IRAQ], SEPT_24, (HAWIJA, KIRKUK)),
        report(art, "hawija", "three near Hawija", 3, [IRAQ], SEPT_24, (HAWIJA,), "total"),
        report(art, "kirkuk", "two near Kirkuk", 2, [IRAQ], SEPT_24, (KIRKUK,), "total"),
        report(art, "kanash", lines[2], 4, [IRAQ], SEPT_24, (kanash,)),
    ]
    return ex


def test_reports_at_places_inside_a_total_of_the_day_are_not_added():
    assert per_country(release_with_a_total_and_a_commander()) == [("Iraq", "2014-09", 11, 1, 1)]
    assert per_actor(release_with_a_total_and_a_commander()) == [("2014-09", 11, 1)]


def test_two_totals_over_several_places_count_once():
    # the same day's raids told twice, over two and three places: the higher (34), once; and
    # two totals of one strike whose places nest (Hawija, Kirkuk inside Hawija, Kirkuk,
    # Kanash) keep the wider one
    lines = ["34 of the raids targeted Hawija and Kirkuk on Sept. 24.",
             "Coalition warplanes launched 24 raids on Hawija, Kirkuk and Kanash on Sept. 24.",
             "On Sept. 20 and 21, one strike hit Hawija and Kirkuk.",
             "On Sept. 20 and 21, one strike hit Hawija, Kirkuk and Kanash."]
    kanash = str(place("kanash"))
    art = article("r8", "AFP", dt.date(2014, 9, 25), lines)
    ex = Extraction(article=art)
    ex.strike_reports = [report(art, "a34", lines[0], 34, [IRAQ], SEPT_24, (HAWIJA, KIRKUK)),
                         report(art, "b24", lines[1], 24, [IRAQ], SEPT_24, (HAWIJA, KIRKUK, kanash)),
                         report(art, "c1", lines[2], 1, [IRAQ], SEPT_20_21, (HAWIJA, KIRKUK)),
                         report(art, "d1", lines[3], 1, [IRAQ], SEPT_20_21, (HAWIJA, KIRKUK, kanash))]
    assert per_actor(ex) == [("2014-09", 35, 2)]
    assert per_country(ex) == [("Iraq", "2014-09", 35, 2, 2)]  # `articles` adds up per period
