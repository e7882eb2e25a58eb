"""What the map and the timeline pages draw, read from a build as plain JSON-ready dicts.

- :func:`map_data`: every extracted event and strike report with the places it happened at
  (its ``ig:location`` places that have coordinates; a strike report with none is put at the
  country it names, ``basis`` "country"), its dates, type and first evidence; the borders of
  Iraq, Syria, their neighbours and their governorates (``boundaries.geojson``, Natural Earth,
  public domain; ``tools/boundaries.py`` regenerates it). The page groups the records it shows
  into one marker per place and type.
- :func:`timeline_data`: strikes per month, per country and per actor, each bar a row of the
  saved query ``strikes-per-country-month`` (which counts them; the timeline only draws), with
  the reported periods and the articles behind it; and the control changes per month.
"""

from __future__ import annotations

import json
import re
import zlib
from importlib import resources
from typing import Any

from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from isisgraph.namespaces import IG
from isisgraph.views import GraphReader, coordinates
from isisgraph.viz import PALETTE, type_colour

RECORD_KINDS_ON_THE_MAP = ("event", "report")


def boundaries() -> dict[str, Any]:
    """The shipped borders (GeoJSON FeatureCollection)."""
    text = resources.files(__package__).joinpath("boundaries.geojson").read_text(encoding="utf-8")
    return json.loads(text)


def evidence_of(reader: GraphReader, record: Node) -> dict[str, Any]:
    keys = ("evidence", "evidence_prefix", "evidence_suffix", "url", "headline", "publisher", "published", "article")
    found = reader.first_evidence(record)
    return {k: found[k] for k in keys if found.get(k)}


def map_data(reader: GraphReader, title: str) -> dict[str, Any]:
    """Places with coordinates, the events and strike reports at them, the borders."""
    places: dict[Node, int] = {}
    place_list: list[dict[str, Any]] = []
    types: dict[str, dict[str, Any]] = {}
    records = []
    unplaced = 0
    for record in reader.records:
        kind = reader.kind(record)
        if kind not in RECORD_KINDS_ON_THE_MAP:
            continue
        located = [p for p in reader.extracted_objects(record, IG.location) if coordinates(reader, p)]
        basis = "location"
        if not located:
            located = [c for c in reader.extracted_objects(record, IG.inCountry) if coordinates(reader, c)]
            basis = "country"
        if not located:
            unplaced += 1
            continue
        at = []
        for place in located:
            if place not in places:
                places[place] = len(place_list)
                place_list.append({"id": str(place), "label": reader.label(place), **coordinates(reader, place)})
            at.append(places[place])
        type_name = reader.most_specific_type(record)
        types.setdefault(type_name, {"type": type_name, "label": reader.type_label(type_name),
                                     "color": type_colour(type_name)})
        entry: dict[str, Any] = {"id": str(record), "label": reader.label(record), "type": type_name,
                                 "places": at, "basis": basis, "evidence": evidence_of(reader, record)}
        for key, prop in (("start", IG.startDate), ("end", IG.endDate), ("strikes", IG.strikeCount)):
            value = reader.text(record, prop)
            if value is not None:
                entry[key] = int(value) if key == "strikes" else value
        records.append(entry)
    legend = sorted(types.values(), key=lambda t: t["label"])
    order = {t["type"]: i for i, t in enumerate(legend)}
    for entry in records:
        entry["type"] = order[entry["type"]]
    return {"title": title, "view": "map", "types": legend, "places": place_list, "records": records,
            "unplaced": unplaced, "boundaries": boundaries()["features"]}


# ---------------------------------------------------------------------- the timeline

# The timeline draws the rows of this saved query, run once for each striking actor: it counts
# the strikes; the timeline only draws them (and lists the reports behind each period).
TIMELINE_QUERY = "strikes-per-country-month"
PERIOD = re.compile(r"(?P<start>\d{4}-\d{2}-\d{2})(?:/(?P<end>\d{4}-\d{2}-\d{2}))?: (?P<strikes>\d+)")


def striking_actors(reader: GraphReader) -> list[Node]:
    """The actors the timeline has a bar for: those named as who struck by a strike report,
    less those that are members (``ig:memberOf``, at any depth) of another one: their strikes
    are inside its bars, as the saved query counts a member's strikes for the actor."""
    named = {p for record in reader.records if reader.kind(record) == "report"
             for p in reader.extracted_objects(record, IG.perpetrator)}
    return sorted(a for a in named if not (groups_of(reader, a) - {a}) & named)


def groups_of(reader: GraphReader, actor: Node) -> set[Node]:
    """``actor`` and every actor it is a member of, at any depth (``ig:memberOf*``)."""
    found, todo = {actor}, [actor]
    while todo:
        for up in reader.objects(todo.pop(), IG.memberOf):
            if up not in found:
                found.add(up)
                todo.append(up)
    return found


def period_reports(reader: GraphReader, actor: Node, country: str, start: str, end: str) -> list[Node]:
    """The strike reports behind a counted period: by ``actor`` or a member of it, naming
    ``country`` alone, from ``start`` to ``end`` (what the query counted them into, it says)."""
    found = []
    for record in reader.records:
        if reader.kind(record) != "report":
            continue
        if [str(c) for c in reader.extracted_objects(record, IG.inCountry)] != [country]:
            continue
        start_of = reader.text(record, IG.startDate)
        if (start_of, reader.text(record, IG.endDate) or start_of) != (start, end):
            continue
        if any(actor in groups_of(reader, p) for p in reader.extracted_objects(record, IG.perpetrator)):
            found.append(record)
    return found


def as_dataset(graph: Graph) -> Dataset:
    """The graph as a Dataset the saved queries run on (a plain Graph's triples in one graph)."""
    if isinstance(graph, Dataset):
        return graph
    dataset = Dataset(default_union=True)
    target = dataset.graph(URIRef("urn:isisgraph:timeline"))
    for triple in graph:
        target.add(triple)
    return dataset


def actor_colours(actors: list[str], palette: tuple[str, ...]) -> dict[str, str]:
    """A colour per actor picked by its name, so that it stays from one graph to the next; when
    two names pick the same colour, the later name (in label order) takes the next free one."""
    colours: dict[str, str] = {}
    for name in sorted(actors):
        slot = zlib.crc32(name.encode("utf-8")) % len(palette)
        for step in range(len(palette)):
            colour = palette[(slot + step) % len(palette)]
            if colour not in colours.values() or len(colours) >= len(palette):
                break
        colours[name] = colour
    return colours


def timeline_data(reader: GraphReader, title: str, graph: Graph) -> dict[str, Any]:
    """Bars of strikes per (country, month, actor) and the control changes per month.

    Each bar is one row of the saved query :data:`TIMELINE_QUERY` run with ``actor`` = the
    bar's actor (:func:`striking_actors`; its members' strikes are inside): its strikes, and
    the periods the row lists, each with the reports behind it. What the query leaves out —
    a total over several countries that was not split, a report naming no country or nobody
    who struck — has no bar. ``graph`` is the build the reader reads."""
    from isisgraph.query import run_query

    dataset = as_dataset(graph)
    bars = []
    actor_labels = []
    for actor in striking_actors(reader):
        label = reader.label(actor)
        actor_labels.append(label)
        for row in run_query(TIMELINE_QUERY, dataset, {"actor": str(actor)}).records():
            periods = []
            for match in PERIOD.finditer(row["periods"] or ""):
                start, end = match["start"], match["end"] or match["start"]
                reports = period_reports(reader, actor, row["country"], start, end)
                periods.append({
                    "start": start, "end": end, "strikes": int(match["strikes"]),
                    "sources": [{"label": reader.label(r), "strikes": int(reader.text(r, IG.strikeCount) or 0),
                                 **evidence_of(reader, r)} for r in reports],
                })
            bars.append({"country": row["country_label"] or reader.label(URIRef(row["country"])),
                         "country_id": row["country"], "month": row["month"], "actor": label,
                         "actor_id": str(actor), "strikes": int(row["strikes"]), "periods": periods})
    actors = sorted(set(actor_labels))
    # an actor's colour is picked by its name, so it stays from one graph to the next
    colours = actor_colours(actors, PALETTE)
    changes = []
    for record in reader.records:
        if not reader.is_a(record, IG.ControlChange):
            continue
        start = reader.text(record, IG.startDate)
        if start is None:
            continue
        changes.append({
            "id": str(record), "month": start[:7], "start": start, "end": reader.text(record, IG.endDate) or start,
            "label": reader.label(record),
            "places": [reader.label(p) for p in reader.extracted_objects(record, IG.location)],
            "gained": [reader.label(a) for a in reader.extracted_objects(record, IG.gainedControl)],
            "lost": [reader.label(a) for a in reader.extracted_objects(record, IG.lostControl)],
            "evidence": evidence_of(reader, record),
        })
    return {"title": title, "view": "timeline", "query": TIMELINE_QUERY,
            "bars": sorted(bars, key=lambda b: (b["country"], b["month"], b["actor"])),
            "actors": [{"label": a, "color": colours[a]} for a in actors],
            "changes": sorted(changes, key=lambda c: (c["start"], c["id"]))}
