"""The map and the timeline of `isisgraph viz`: the shipped borders, the data each page draws,
and (in headless Chromium, as in test_viz.py) what the pages draw from it."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from urllib.parse import quote

import pytest
import test_totals as totals
from rdflib import RDF, SKOS, XSD, Dataset, Literal, URIRef
from test_viz import PageReader, open_page

from isisgraph.namespaces import GEO, GRAPH, ID, IG, META_GRAPH, OA, REFERENCE_GRAPH, SCHEMA, actor, place
from isisgraph.ontology import load_reference
from isisgraph.query import run_query
from isisgraph.views import GraphReader, load_graph
from isisgraph.viz import render_chart, write_html
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
    data = timeline_data(GraphReader(campaign), "t", campaign)
    bars = {(b["country"], b["month"], b["actor"]): b["strikes"] for b in data["bars"]}
    assert bars == {
        ("Kland", "2017-01", "Alpha Air Force"): 10,  # reports 1 and 2 are one period; 3 and 4 inside it
        ("Kland", "2017-01", "Beta Force"): 2,
        ("Kland", "2017-02", "Alpha Air Force"): 7,  # report 9; report 8 was not a total
        ("Jland", "2017-03", "Alpha Air Force"): 12,  # the part of report 6 in Jland; no bar for 6 (two countries)
    }
    january = next(b for b in data["bars"] if b["month"] == "2017-01" and b["actor"] == "Alpha Air Force")
    assert [(p["start"], p["end"], p["strikes"]) for p in january["periods"]] == [("2017-01-02", "2017-01-08", 10)]
    sources = january["periods"][0]["sources"]  # reports 1, 2 and its line 4 (report 3 is another period)
    assert sorted((s["url"], s["strikes"]) for s in sources) == [
        ("https://example.org/0", 3), ("https://example.org/0", 10), ("https://example.org/1", 10)]
    assert [c["start"] for c in data["changes"]] == ["2017-02-05"]  # the undated one has no month
    assert data["query"] == "strikes-per-country-month"
    assert_bars_are_the_query_rows(campaign, data, {str(ALPHA), str(BETA)})


def assert_bars_are_the_query_rows(dataset: Dataset, data: dict, actors: set[str]) -> None:
    """Each bar is the row of strikes-per-country-month, run here for the bar's actor, of its
    country and month (strikes, periods), and each row of those runs is a bar."""
    assert {b["actor_id"] for b in data["bars"]} == actors
    bars = {(b["actor_id"], b["country_id"], b["month"]): b for b in data["bars"]}
    assert len(bars) == len(data["bars"])
    rows = {}
    for who in actors:
        for row in run_query("strikes-per-country-month", dataset, {"actor": who}).records():
            rows[(who, row["country"], row["month"])] = row
    assert sorted(bars) == sorted(rows)
    for key, bar in bars.items():
        row = rows[key]
        assert bar["strikes"] == row["strikes"], key
        assert bar["strikes"] == sum(p["strikes"] for p in bar["periods"]), key
        assert len(bar["periods"]) == row["reported_periods"], key
        assert all(p["sources"] for p in bar["periods"]), key


@pytest.mark.parametrize("extractions", [
    (totals.release_with_breakdown(),),
    (totals.story_of_two_places(),),
    (totals.release_with_breakdown(), totals.wire_relaying_the_release(), totals.story_of_two_places(),
     totals.weekly_release(), totals.overlapping_week()),
    (totals.release_with_a_total_and_a_commander(),),
], ids=["breakdown", "two-places", "all", "commander"])
def test_the_timeline_of_the_totals_fixtures_is_the_query_s(extractions):
    dataset = totals.dataset_of(*extractions)
    data = timeline_data(GraphReader(dataset), "t", dataset)
    assert_bars_are_the_query_rows(dataset, data, {totals.COALITION})
    # and the coalition's rows are those of the query as it is run without parameters
    default = run_query("strikes-per-country-month", dataset).records()
    assert sorted((b["country_id"], b["month"], b["strikes"]) for b in data["bars"]) == sorted(
        (r["country"], r["month"], r["strikes"]) for r in default)


def test_the_timeline_of_the_totals_fixtures_counted_by_hand():
    # the totals of test_totals' test_several_publishers_and_overlapping_periods: Iraq 23 in
    # three periods (4 + 12 + 7), Syria 1
    dataset = totals.dataset_of(totals.release_with_breakdown(), totals.wire_relaying_the_release(),
                                totals.story_of_two_places(), totals.weekly_release(), totals.overlapping_week())
    data = timeline_data(GraphReader(dataset), "t", dataset)
    assert [(b["country"], b["month"], b["strikes"], sorted(p["strikes"] for p in b["periods"]))
            for b in data["bars"]] == [("Iraq", "2014-09", 23, [4, 7, 12]), ("Syria", "2014-09", 1, [1])]


def test_map_puts_each_record_at_its_places(campaign):
    data = map_data(GraphReader(campaign), "m")
    places = [p["label"] for p in data["places"]]
    at = {r["id"].rsplit("/", 1)[-1]: sorted(places[i] for i in r["places"]) for r in data["records"]}
    assert at["strike-4"] == ["Townsville"] and at["strike-6"] == ["Jland", "Kland"]
    assert at["strike-1"] == ["Kland"]  # no place named: at its country
    assert at["event-ControlChange-2"] == ["Townsville"] and len(at) == 11


# ---------------------------------------------------------------------- in the browser


class ChartReader(PageReader):
    """Also keeps the attributes of every marker, bar and control-change square drawn."""

    def __init__(self) -> None:
        super().__init__()
        self.drawn: dict[str, list[dict[str, str | None]]] = {"marker": [], "bar": [], "change": []}

    def handle_starttag(self, tag, attrs):  # noqa: ANN001 (HTMLParser's signature)
        super().handle_starttag(tag, attrs)
        classes = (dict(attrs).get("class") or "").split()
        for name in self.drawn:
            if name in classes and tag in ("circle", "rect"):
                self.drawn[name].append(dict(attrs))


def read_chart(browser: str, page: Path, profile: Path, fragment: str = "") -> ChartReader:
    reader = ChartReader()
    reader.feed(open_page(browser, page, profile, "--dump-dom", fragment=fragment))
    assert reader.body.get("data-ready") == "1", reader.body  # the page says it has drawn
    return reader


@pytest.fixture(scope="module")
def campaign_pages(campaign, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("charts")
    return {view: write_html(campaign, folder / f"{view}.html", view).output for view in ("map", "timeline")}


def test_the_browser_draws_the_map_counted_by_hand(chromium, campaign_pages, tmp_path):
    # all dates: Townsville has the breakdown (report 4) and two control changes; Kland the
    # other seven reports (1-3, 5, 6, 8, 9); Jland reports 6 and 7
    dom = read_chart(chromium, campaign_pages["map"], tmp_path / "profile")
    markers = {(m["data-place"], m["data-type"]): int(m["data-count"] or 0) for m in dom.drawn["marker"]}
    assert markers == {(str(TOWN), "StrikeReport"): 1, (str(TOWN), "ControlChange"): 2,
                       (str(KLAND), "StrikeReport"): 7, (str(JLAND), "StrikeReport"): 2}
    assert (dom.body["data-markers"], dom.body["data-records"], dom.body["data-places"]) == ("4", "11", "3")
    # a marker's area is its number of records: Kland's (7) is seven times Townsville's strike report
    areas = [float(m["r"] or 0) ** 2 / int(m["data-count"] or 1) for m in dom.drawn["marker"]]
    assert max(areas) / min(areas) < 1.02, areas
    # February only, undated left out: reports 8 and 9 in Kland, the control change of 5 February
    dom = read_chart(chromium, campaign_pages["map"], tmp_path / "profile",
                     fragment="#from=2017-02-01&to=2017-02-28&undated=0")
    markers = {(m["data-place"], m["data-type"]): int(m["data-count"] or 0) for m in dom.drawn["marker"]}
    assert markers == {(str(KLAND), "StrikeReport"): 2, (str(TOWN), "ControlChange"): 1}
    assert (dom.body["data-records"], dom.body["data-places"]) == ("3", "2")


def test_a_map_marker_opens_its_sentences_and_articles(chromium, campaign_pages, tmp_path):
    dom = read_chart(chromium, campaign_pages["map"], tmp_path / "profile",
                     fragment="#place=" + quote(str(JLAND), safe="") + "&type=StrikeReport")
    assert dom.body.get("data-selected") == f"{JLAND} StrikeReport"
    assert sorted(dom.marked) == ["report 6: 30 strikes", "report 7: 12 strikes"]
    assert dom.info_links == ["https://example.org/0", "https://example.org/0"]


def test_the_browser_draws_the_timeline_counted_by_hand(chromium, campaign_pages, tmp_path):
    dom = read_chart(chromium, campaign_pages["timeline"], tmp_path / "profile")
    bars = {(b["data-country"], b["data-month"], b["data-actor"]): int(b["data-strikes"] or 0)
            for b in dom.drawn["bar"]}
    # the same four bars as test_timeline_counts_each_reported_period_once, worked out there
    assert bars == {("Kland", "2017-01", "Alpha Air Force"): 10, ("Kland", "2017-01", "Beta Force"): 2,
                    ("Kland", "2017-02", "Alpha Air Force"): 7, ("Jland", "2017-03", "Alpha Air Force"): 12}
    assert (dom.body["data-bars"], dom.body["data-strikes"], dom.body["data-changes"]) == ("4", "31", "1")
    assert [c["data-month"] for c in dom.drawn["change"]] == ["2017-02"]


# ---------------------------------------------------------------------- the seeds, against SPARQL

ON_THE_MAP = """
PREFIX ig: <https://w3id.org/isisgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX geo: <http://www.opengis.net/ont/geosparql#>
SELECT DISTINCT ?record ?type ?place ?wkt WHERE {
  GRAPH ?g { ?record a ?type }
  FILTER(STRSTARTS(STR(?g), "https://w3id.org/isisgraph/graph/doc/"))
  ?type rdfs:subClassOf* ?top . VALUES ?top { ig:Event ig:StrikeReport }
  {
    GRAPH ?g { ?record ig:location ?place } ?place geo:hasGeometry/geo:asWKT ?wkt .
  } UNION {
    GRAPH ?g { ?record ig:inCountry ?place } ?place geo:hasGeometry/geo:asWKT ?wkt .
    FILTER NOT EXISTS { GRAPH ?g { ?record ig:location ?somewhere } ?somewhere geo:hasGeometry ?any }
  }
}"""


def test_the_seed_map_shows_what_sparql_finds(chromium, seeds_build, tmp_path):
    path, _ = seeds_build
    rows = [tuple(map(str, row)) for row in load_graph(path).query(ON_THE_MAP)]
    found = [(record, type_, p) for record, type_, p, _ in rows]
    types = {(record, type_.rsplit("#", 1)[-1]) for record, type_, _ in found}
    assert len({record for record, _ in types}) == len(types)  # one type each
    page = write_html(path, tmp_path / "map.html", "map").output
    dom = read_chart(chromium, page, tmp_path / "profile")
    assert int(dom.body["data-records"] or -1) == len(types) > 30
    assert int(dom.body["data-places"] or -1) == len({p for _, _, p in found})
    expected_markers = {(p, dict(types)[r]) for r, _, p in found}
    assert {(m["data-place"], m["data-type"]) for m in dom.drawn["marker"]} == expected_markers
    counts: dict[tuple[str, str], int] = {}
    for record, _, p in found:
        counts[(p, dict(types)[record])] = counts.get((p, dict(types)[record]), 0) + 1
    assert {(m["data-place"], m["data-type"]): int(m["data-count"] or 0) for m in dom.drawn["marker"]} == counts
    # places beyond the frame of Iraq and Syria are named in the note (Egypt, in the seeds)
    focus = [point for f in boundaries()["features"] if f["properties"].get("focus")
             for point in f["geometry"]["coordinates"][0]]
    lons, lats = [lon for lon, _ in focus], [lat for _, lat in focus]
    points = {p: [float(x) for x in wkt.split("(")[1].rstrip(") ").split()] for _, _, p, wkt in rows}
    outside = [p for p, (lon, lat) in points.items()
               if not (min(lons) <= lon <= max(lons) and min(lats) <= lat <= max(lats))]
    assert int(dom.body["data-outside"] or -1) == len(outside) > 0


CONTROL_CHANGES = """
PREFIX ig: <https://w3id.org/isisgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?change ?start WHERE {
  GRAPH ?g { ?change a ?type ; ig:startDate ?start }
  FILTER(STRSTARTS(STR(?g), "https://w3id.org/isisgraph/graph/doc/"))
  ?type rdfs:subClassOf* ig:ControlChange .
}"""


def test_the_seed_timeline_shows_every_dated_control_change(chromium, seeds_build, tmp_path):
    path, _ = seeds_build
    months = sorted(str(start)[:7] for _, start in load_graph(path).query(CONTROL_CHANGES))
    page = write_html(path, tmp_path / "timeline.html", "timeline").output
    dom = read_chart(chromium, page, tmp_path / "profile")
    assert sorted(c["data-month"] for c in dom.drawn["change"]) == months and len(months) > 5
    bars = dom.drawn["bar"]
    assert int(dom.body["data-bars"] or -1) == len(bars) > 5
    assert int(dom.body["data-strikes"] or -1) == sum(int(b["data-strikes"] or 0) for b in bars)


def test_the_seed_timeline_bars_are_the_query_s(seeds_dataset):
    data = timeline_data(GraphReader(seeds_dataset), "t", seeds_dataset)
    actors = {b["actor_id"] for b in data["bars"]}
    assert str(actor("cjtf-oir")) in actors and len(actors) > 1
    assert_bars_are_the_query_rows(seeds_dataset, data, actors)


def test_chart_pages_are_safe_and_offline(campaign, tmp_path):
    """A label that tries to end the script stays text; nothing is fetched from the network."""
    hostile = '</script><script>alert("x")</script>'
    data = map_data(GraphReader(campaign), hostile)
    data["records"][0]["label"] = hostile
    page = render_chart(data)
    assert hostile not in page and page.count("</script>") == 2
    assert "default-src 'none'" in page
    for view in ("map", "timeline"):
        text = write_html(campaign, tmp_path / f"{view}.html", view).output.read_text(encoding="utf-8")
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", text, re.IGNORECASE)
        assert "safeUrl" in text and "@import" not in text
