"""The map and the timeline of `isisgraph viz`: the shipped borders, the data each page draws,
and (in headless Chromium, as in test_viz.py) what the pages draw from it."""

from __future__ import annotations

import json
from importlib import resources

from rdflib import RDF, SKOS

from isisgraph.namespaces import ID, IG
from isisgraph.ontology import load_reference


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
