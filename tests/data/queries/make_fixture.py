"""Write ``fixture.trig``: five short articles, their hand-written records, emitted by isisgraph.emit.

The records below are what a perfect extractor would find in ``articles/*.txt``; emitting them
through the real ``emit`` module keeps the fixture in the build's exact layout (IRIs, evidence,
dates, concepts). ``tests/test_queries.py`` checks that the committed file still equals what
this script writes, so a change of layout shows up as one failing test. Run from anywhere:

    .venv/bin/python tests/data/queries/make_fixture.py
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from rdflib import Dataset, Graph

from isisgraph.emit import Run, meta_triples, run_triples, to_graph
from isisgraph.ingest import read_articles
from isisgraph.namespaces import META_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH, actor, person, place
from isisgraph.ontology import load_tbox
from isisgraph.records import (
    Article,
    Claim,
    Event,
    Extraction,
    Figure,
    Mention,
    NewPlace,
    Person,
    Span,
    StrikeReport,
    Target,
    When,
)

HERE = Path(__file__).resolve().parent
RUN = Run("fixture", "hand-written", "0")
GENERATED_AT = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
SCHEMES = HERE.parents[2] / "ontology" / "schemes.ttl"


def A(slug: str) -> str:
    return str(actor(slug))


def P(slug: str) -> str:
    return str(place(slug))


def day(y: int, m: int, d: int, raw: str) -> When:
    return When(raw, dt.date(y, m, d), dt.date(y, m, d), "day")


def month(y: int, m: int, last: int, raw: str) -> When:
    return When(raw, dt.date(y, m, 1), dt.date(y, m, last), "month")


class Finder:
    """Spans of an article's text by the words they cover (the n-th occurrence)."""

    def __init__(self, article: Article) -> None:
        self.text = article.text

    def __call__(self, needle: str, nth: int = 0) -> Span:
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(needle, start + 1)
        return Span(start, start + len(needle))

    def mentions(self, items: list[tuple[str, int, str, str]]) -> list[Mention]:
        return [Mention(self(needle, nth), kind, ref, needle, extractor="fixture") for needle, nth, kind, ref in items]


def a1(art: Article) -> Extraction:
    f = Finder(art)
    dec = When("between Dec. 22 and 28", dt.date(2017, 12, 22), dt.date(2017, 12, 28), "day")
    ex = Extraction(article=art)
    ex.mentions = f.mentions([("US-led coalition", 0, "actor", A("cjtf-oir")), ("Iraq", 0, "place", P("iraq")),
                              ("Hawija", 0, "place", P("hawija")), ("Syria", 0, "place", P("syria")),
                              ("coalition", 1, "actor", A("cjtf-oir")), ("Abu Kamal", 0, "place", P("abu-kamal"))])
    ex.strike_reports = [
        StrikeReport("r-iraq", f("The US-led coalition said it conducted 12 strikes in Iraq between Dec. 22 "
                                 "and 28."), 12,
                     perpetrators=[A("cjtf-oir")], claimant=A("cjtf-oir"), countries=[P("iraq")], when=dec,
                     extractor="fixture"),
        StrikeReport("r-hawija", f("Three of them hit targets near Hawija, destroying a cave and two tunnel "
                                   "entrances."), 3,
                     perpetrators=[A("cjtf-oir")], countries=[P("iraq")], locations=[P("hawija")], when=dec,
                     part_of="r-iraq", extractor="fixture",
                     targets=[Target("cave", f("a cave"), 1, "destroyed"),
                              Target("tunnel-entrance", f("two tunnel entrances"), 2, "destroyed")]),
        StrikeReport("r-syria", f("In Syria the coalition carried out 20 strikes between Dec. 22 and 28, most of them "
                                  "around Abu Kamal."), 20,
                     perpetrators=[A("cjtf-oir")], countries=[P("syria")], locations=[P("abu-kamal")], when=dec,
                     extractor="fixture"),
    ]
    return ex


def a2(art: Article) -> Extraction:
    f = Finder(art)
    dec = When("between December 22 and 28", dt.date(2017, 12, 22), dt.date(2017, 12, 28), "day")
    sentence = f("Coalition aircraft carried out 12 strikes in Iraq and 21 strikes in Syria between December 22 "
                 "and 28, the coalition said in a statement.")
    ex = Extraction(article=art)
    ex.mentions = f.mentions([("Coalition", 0, "actor", A("cjtf-oir")), ("Iraq", 1, "place", P("iraq")),
                              ("Syria", 1, "place", P("syria")), ("coalition", 0, "actor", A("cjtf-oir")),
                              ("Iraqi forces", 0, "actor", A("isf")), ("Hawija", 0, "place", P("hawija")),
                              ("ISIS", 0, "actor", A("isis"))])
    ex.strike_reports = [
        StrikeReport("r-iraq", sentence, 12, perpetrators=[A("cjtf-oir")], claimant=A("cjtf-oir"),
                     countries=[P("iraq")], when=dec, extractor="fixture"),
        StrikeReport("r-syria", sentence, 21, perpetrators=[A("cjtf-oir")], claimant=A("cjtf-oir"),
                     countries=[P("syria")], when=dec, extractor="fixture"),
    ]
    ex.claims = [Claim("c-statement", f("the coalition said in a statement"), A("cjtf-oir"), "statement",
                       channel="statement", about=["r-iraq", "r-syria"], extractor="fixture")]
    ex.events = [Event("e-hawija", "ControlChange", f("Iraqi forces retook Hawija from ISIS in October."), "retook",
                       gained_control=[A("isf")], lost_control=[A("isis")], locations=[P("hawija")],
                       when=month(2017, 10, 31, "in October"), extractor="fixture")]
    return ex


def a3(art: Article) -> Extraction:
    f = Finder(art)
    abadi = Person(str(person("haider-al-abadi")), "Haider al-Abadi", "Prime Minister", (A("iraqi-government"),))
    quote = "Our forces are in complete control of the Iraqi-Syrian border,"
    ex = Extraction(article=art)
    ex.mentions = f.mentions([("Iraq", 0, "place", P("iraq")), ("Islamic State", 1, "actor", A("isis")),
                              ("Hawija", 0, "place", P("hawija")), ("Islamic State", 2, "actor", A("isis"))])
    ex.persons = [abadi]
    ex.claims = [Claim("c-victory",
                       f("Prime Minister Haider al-Abadi declared victory over Islamic State on Saturday."),
                       abadi.ref, "victory-declaration", channel="declared", on_behalf_of=A("iraqi-government"),
                       quote=quote, quote_span=f(quote), when=day(2017, 12, 9, "on Saturday"),
                       about=[P("iraq"), A("isis")], person=abadi, extractor="fixture")]
    ex.events = [Event("e-overran", "ControlChange", f("Islamic State fighters overran Hawija in June 2014."),
                       "overran",
                       gained_control=[A("isis")], locations=[P("hawija")], when=month(2014, 6, 30, "in June 2014"),
                       extractor="fixture")]
    return ex


def a4(art: Article) -> Extraction:
    f = Finder(art)
    dillon = Person(str(person("ryan-dillon")), "Ryan Dillon", "coalition spokesman", (A("cjtf-oir"),))
    thursday = day(2018, 1, 18, "on Thursday")
    ex = Extraction(article=art)
    ex.mentions = f.mentions([("Islamic State", 0, "actor", A("isis")), ("Kirkuk", 1, "place", P("kirkuk")),
                              ("Iraqi forces", 0, "actor", A("isf")), ("Hawija", 0, "place", P("hawija")),
                              ("Islamic State", 1, "actor", A("isis")), ("Iraq", 1, "place", P("iraq")),
                              ("coalition", 0, "actor", A("cjtf-oir"))])
    ex.persons = [dillon]
    ex.events = [
        Event("e-bombing", "SuicideAttack", f("An Islamic State suicide bomber killed five people at a checkpoint in "
                                              "Kirkuk on Jan. 15, police said."), "suicide bomber",
              perpetrators=[A("isis")], locations=[P("kirkuk")], when=day(2018, 1, 15, "on Jan. 15"), killed_count=5,
              extractor="fixture"),
        Event("e-hawija", "ControlChange", f("Iraqi forces recaptured Hawija from the militants in October 2017."),
              "recaptured", gained_control=[A("isf")], lost_control=[A("isis")], locations=[P("hawija")],
              when=month(2017, 10, 31, "in October 2017"), extractor="fixture"),
    ]
    ex.figures = [Figure("f-fighters", f("About 1,000 Islamic State fighters remain in Iraq"), "fighters", 1000,
                         unit="fighters", count_qualifier="approximate", subject=A("isis"), locations=[P("iraq")],
                         as_of=thursday, claimant=dillon.ref, extractor="fixture")]
    ex.claims = [Claim("c-dillon", f("About 1,000 Islamic State fighters remain in Iraq, coalition spokesman Col. Ryan "
                                     "Dillon said on Thursday."), dillon.ref, "assessment", channel="said",
                       on_behalf_of=A("cjtf-oir"), when=thursday, about=["f-fighters"], person=dillon,
                       extractor="fixture")]
    return ex


def a5(art: Article) -> Extraction:
    f = Finder(art)
    ex = Extraction(article=art)
    ex.mentions = f.mentions([("Islamic State", 0, "actor", A("isis")), ("Raqqa", 0, "place", P("raqqa")),
                              ("Syrian Democratic Forces", 0, "actor", A("sdf")), ("Raqqa", 1, "place", P("raqqa")),
                              ("Islamic State", 1, "actor", A("isis")), ("SDF", 0, "actor", A("sdf")),
                              ("United States", 0, "actor", A("us")), ("Syria", 1, "place", P("syria")),
                              ("Deir ez-Zor", 0, "place", P("deir-ez-zor")), ("Hajin", 0, "place", P("hajin"))])
    ex.new_places = [NewPlace(P("hajin"), "Hajin", True, geonames_id=170000, lat=34.6933, lon=40.8311,
                              country_ref=P("syria"))]
    ex.claims = [Claim("c-victory", f("The Syrian Democratic Forces declared victory in Raqqa on Oct. 20, 2017"),
                       A("sdf"), "victory-declaration", channel="declared", when=day(2017, 10, 20, "on Oct. 20, 2017"),
                       about=[P("raqqa")], extractor="fixture")]
    ex.events = [
        Event("e-raqqa", "ControlChange", f("they retook the city from Islamic State"), "retook",
              gained_control=[A("sdf")], lost_control=[A("isis")], locations=[P("raqqa")],
              when=day(2017, 10, 17, "three days after"), extractor="fixture"),
        Event("e-attack", "Attack",
              f("On July 2, Islamic State fighters attacked SDF fighters outside a mosque in Raqqa."),
              "attacked", perpetrators=[A("isis")], target_actors=[A("sdf")], locations=[P("raqqa")],
              when=day(2018, 7, 2, "On July 2"), extractor="fixture"),
    ]
    ex.strike_reports = [
        StrikeReport("r-may", f("In May, the United States conducted 225 air strikes in Syria, most of them around "
                                "Deir ez-Zor and Hajin."), 225, perpetrators=[A("us")],
                     countries=[P("syria")], locations=[P("deir-ez-zor"), P("hajin")],
                     when=month(2018, 5, 31, "In May"), strike_class="AirStrike", extractor="fixture"),
    ]
    ex.figures = [Figure("f-troops", f("The United States keeps about 2,000 troops in Syria."), "troops", 2000,
                         unit="troops", count_qualifier="approximate", subject=A("us"),
                         locations=[P("syria")], extractor="fixture")]
    return ex


RECORDS = {"a1": a1, "a2": a2, "a3": a3, "a4": a4, "a5": a5}


def articles() -> list[Article]:
    """The fixture articles, read the way a build reads them (source paths relative to here)."""
    cwd = Path.cwd()
    os.chdir(HERE)
    try:
        return list(read_articles(["articles"]))
    finally:
        os.chdir(cwd)


def extractions() -> list[Extraction]:
    return [RECORDS[art.id](art) for art in articles()]


def fixture_dataset() -> Dataset:
    """The fixture as a dataset: ontology, reference, meta and one graph per article."""
    dataset = Dataset()
    ontology = dataset.graph(ONTOLOGY_GRAPH)
    for triple in load_tbox():
        ontology.add(triple)
    reference = dataset.graph(REFERENCE_GRAPH)
    reference.parse(HERE / "reference.ttl", format="turtle")
    reference.parse(SCHEMES, format="turtle")
    meta = dataset.graph(META_GRAPH)
    for triple in run_triples(RUN):
        meta.add(triple)
    for extraction in extractions():
        graph = to_graph(extraction)
        target = dataset.graph(graph.identifier)
        for triple in graph:
            target.add(triple)
        for triple in meta_triples(extraction.article, RUN, GENERATED_AT):
            meta.add(triple)
    return dataset


def doc_graphs(dataset: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in dataset.graphs() if "/graph/doc/" in str(g.identifier)}


if __name__ == "__main__":
    out = HERE / "fixture.trig"
    fixture_dataset().serialize(destination=str(out), format="trig")
    print(f"wrote {out}", file=sys.stderr)

