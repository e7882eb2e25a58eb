"""The map and the timeline of `isisgraph viz`: the shipped borders, the data each page draws,
and (in headless Chromium, as in test_viz.py) what the pages draw from it."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from rdflib import RDF, SKOS, XSD, Dataset, Literal, URIRef

from isisgraph.namespaces import GEO, GRAPH, ID, IG, META_GRAPH, OA, REFERENCE_GRAPH, SCHEMA, actor, place
from isisgraph.ontology import load_reference
from isisgraph.views import GraphReader
from isisgraph.viz.charts import map_data, timeline_data


def boundaries() -> dict:
    return json.loads(resources.files("isisgraph.viz").joinpath("boundaries.geojson").read_text(encoding="utf-8"))


def test_the_shipped_governorates_are_the_gazetteer_s():
    reference = load_reference()
    features = [f["properties"] for f in boundaries()["features"] if f["properties"]["kind"] == "governorate"]
    provinces = set(reference.subjects(RDF.type, IG.Province))
    assert sorted(ID[f["place"]] for f in features) == sorted(provinces)  # each one once, no other
    for f in features:
        place = ID[f["place"]]
        assert (place, IG.partOf, ID["place/" + f["country"].lower()]) in reference, f
        preferred = str(reference.value(place, SKOS.prefLabel))
        assert preferred == f["name"] + " Governorate", f
    assert len([f for f in features if f["country"] == "Iraq"]) == 18
    assert len([f for f in features if f["country"] == "Syria"]) == 14


def test_the_shipped_borders_are_closed_rings_where_iraq_and_syria_are():
    data = boundaries()
    assert "public domain" in data["source"]
    focus = {f["properties"]["name"] for f in data["features"] if f["properties"].get("focus")}
    assert focus == {"Iraq", "Syria"}
    for f in data["features"]:
        geometry = f["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        for polygon in polygons:
            for ring in polygon:
                assert len(ring) >= 4 and ring[0] == ring[-1], f["properties"]["name"]
                if f["properties"]["kind"] == "governorate" or f["properties"].get("focus"):
                    assert all(35 <= lon <= 49 and 29 <= lat <= 38 for lon, lat in ring), f["properties"]["name"]


# ---------------------------------------------------------------------- a small graph, counted by hand

ALPHA, BETA = actor("alpha-air-force"), actor("beta-force")
KLAND, JLAND, TOWN = place("kland"), place("jland"), place("townsville")
ARTICLES = (ID["article/a1"], ID["article/a2"])


def add_record(doc, node, cls, article, start_end, exact, **facts):  # noqa: ANN001, ANN003 (a test helper)
    doc.add((node, RDF.type, cls))
    for prop, values in facts.items():
        for value in values if isinstance(values, list | tuple) else [values]:
            doc.add((node, IG[prop], value))
    ev, quote, position = URIRef(f"{node}/evidence"), URIRef(f"{node}/evidence/quote"), URIRef(f"{node}/evidence/at")
    doc.add((node, IG.evidence, ev))
    doc.add((ev, OA.hasSource, article))
    doc.add((ev, OA.hasSelector, quote))
    doc.add((ev, OA.hasSelector, position))
    doc.add((quote, OA.exact, Literal(exact)))
    doc.add((position, OA.start, Literal(start_end[0], datatype=XSD.integer)))
    doc.add((position, OA.end, Literal(start_end[1], datatype=XSD.integer)))


def day(text: str) -> Literal:
    return Literal(text, datatype=XSD.date)


def report(n: int) -> URIRef:
    return ID[f"strike-report/a1/strike-{n}"]


@pytest.fixture(scope="module")
def campaign() -> Dataset:
    """Strike reports built so that each counting rule decides one bar (see the test)."""
    ds = Dataset(default_union=True)
    ref = ds.graph(REFERENCE_GRAPH)
    for node, cls, label in ((ALPHA, IG.StateForce, "Alpha Air Force"), (BETA, IG.StateForce, "Beta Force")):
        ref.add((node, RDF.type, cls))
        ref.add((node, SKOS.prefLabel, Literal(label, lang="en")))
    for node, cls, label, lon, lat in ((KLAND, IG.Country, "Kland", 44, 33), (JLAND, IG.Country, "Jland", 38.5, 35),
                                       (TOWN, IG.City, "Townsville", 43.1, 36.3)):
        ref.add((node, RDF.type, cls))
        ref.add((node, SKOS.prefLabel, Literal(label, lang="en")))
        geometry = URIRef(f"{node}/geometry")
        ref.add((node, GEO.hasGeometry, geometry))
        ref.add((geometry, GEO.asWKT, Literal(f"POINT({lon} {lat})", datatype=GEO.wktLiteral)))
    meta = ds.graph(META_GRAPH)
    for i, article in enumerate(ARTICLES):
        meta.add((article, RDF.type, IG.NewsArticle))
        meta.add((article, SCHEMA.url, Literal(f"https://example.org/{i}", datatype=XSD.anyURI)))
        meta.add((article, SCHEMA.headline, Literal(f"Release {i}")))
    doc = ds.graph(GRAPH["doc/a1"])

    def strikes(n, count, by, countries, start, end=None, article=ARTICLES[0], **more):  # noqa: ANN001, ANN003
        add_record(doc, report(n), IG.StrikeReport, article, (n * 100, n * 100 + 50), f"report {n}: {count} strikes",
                   strikeCount=Literal(count, datatype=XSD.integer), perpetrator=by, inCountry=countries,
                   startDate=day(start), endDate=day(end or start), **more)

    strikes(1, 10, ALPHA, KLAND, "2017-01-02", "2017-01-08")
    strikes(2, 10, ALPHA, KLAND, "2017-01-02", "2017-01-08", article=ARTICLES[1])  # the same period again
    strikes(3, 4, ALPHA, KLAND, "2017-01-03")  # inside report 1, fewer: in its total
    strikes(4, 3, ALPHA, KLAND, "2017-01-02", "2017-01-08", partOfReport=report(1), location=TOWN)  # a breakdown
    strikes(5, 2, BETA, KLAND, "2017-01-20")  # another actor, the same month
    strikes(6, 30, ALPHA, [KLAND, JLAND], "2017-03-01", "2017-03-31")  # a total for two countries
    strikes(7, 12, ALPHA, JLAND, "2017-03-01", "2017-03-31", partOfReport=report(6))  # its part in Jland
    strikes(8, 5, ALPHA, KLAND, "2017-02-01", "2017-02-28")  # fewer than the day inside it: not a total
    strikes(9, 7, ALPHA, KLAND, "2017-02-10")
    add_record(doc, ID["event/a1/event-ControlChange-1"], IG.ControlChange, ARTICLES[0], (2000, 2040),
               "Beta Force took Townsville", gainedControl=BETA, location=TOWN, startDate=day("2017-02-05"))
    add_record(doc, ID["event/a1/event-ControlChange-2"], IG.ControlChange, ARTICLES[0], (2100, 2140),
               "Townsville fell at some point", location=TOWN)
    return ds


def test_timeline_counts_each_reported_period_once(campaign):
    data = timeline_data(GraphReader(campaign), "t")
    bars = {(b["country"], b["month"], b["actor"]): b["strikes"] for b in data["bars"]}
    assert bars == {
        ("Kland", "2017-01", "Alpha Air Force"): 10,  # reports 1 and 2 are one period; 3 and 4 inside it
        ("Kland", "2017-01", "Beta Force"): 2,
        ("Kland", "2017-02", "Alpha Air Force"): 7,  # report 9; report 8 was not a total
        ("Jland + Kland", "2017-03", "Alpha Air Force"): 30,
        ("Jland", "2017-03", "Alpha Air Force"): 12,  # the part of report 6 in Jland
    }
    january = next(b for b in data["bars"] if b["month"] == "2017-01" and b["actor"] == "Alpha Air Force")
    sources = january["periods"][0]["sources"]
    assert sorted(s["url"] for s in sources) == ["https://example.org/0", "https://example.org/1"]
    assert [c["start"] for c in data["changes"]] == ["2017-02-05"]  # the undated one has no month


def test_map_puts_each_record_at_its_places(campaign):
    data = map_data(GraphReader(campaign), "m")
    places = [p["label"] for p in data["places"]]
    at = {r["id"].rsplit("/", 1)[-1]: sorted(places[i] for i in r["places"]) for r in data["records"]}
    assert at["strike-4"] == ["Townsville"] and at["strike-6"] == ["Jland", "Kland"]
    assert at["strike-1"] == ["Kland"]  # no place named: at its country
    assert at["event-ControlChange-2"] == ["Townsville"] and len(at) == 11
