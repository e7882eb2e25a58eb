"""What the map and the timeline pages draw, read from a build as plain JSON-ready dicts.

- :func:`map_data`: every extracted event and strike report with the places it happened at
  (its ``ig:location`` places that have coordinates; a strike report with none is put at the
  country it names, ``basis`` "country"), its dates, type and first evidence; the borders of
  Iraq, Syria, their neighbours and their governorates (``boundaries.geojson``, Natural Earth,
  public domain; ``tools/boundaries.py`` regenerates it). The page groups the records it shows
  into one marker per place and type.
- :func:`timeline_data`: strikes per month, per country and per actor, from the strike reports,
  each bar with the reported periods and the articles behind it; and the control changes per
  month. How strikes are counted is :func:`strike_periods`.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from rdflib import URIRef
from rdflib.term import Node

from isisgraph.namespaces import IG
from isisgraph.views import GraphReader, coordinates
from isisgraph.viz import PALETTE, type_colour

RECORD_KINDS_ON_THE_MAP = ("event", "report")
NOT_STATED = "not stated"


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


@dataclass
class StrikePeriod:
    """One reported period: who struck, where, from when to when, how many strikes, and the
    reports (in one or several articles) that give it."""

    actors: tuple[str, ...]
    countries: tuple[str, ...]
    start: str
    end: str
    strikes: int
    reports: list[Node] = field(default_factory=list)

    @property
    def key(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return self.actors, self.countries

    def inside(self, other: StrikePeriod) -> bool:
        """Strictly inside ``other`` (same actors and countries, a shorter span within it)."""
        return (self.key == other.key and other.start <= self.start and self.end <= other.end
                and (other.start, other.end) != (self.start, self.end))


def strike_periods(reader: GraphReader) -> list[StrikePeriod]:
    """The strike counts the timeline adds up, in the manner of the saved queries
    ``strikes-per-country-month`` and ``strikes-per-actor-month``; each actor as the reports
    name it (the Royal Air Force apart from the coalition it belongs to).

    A breakdown of another report on the same countries (``ig:partOfReport``: "three of the
    six strikes were near Hawija") is inside its total and left out; a breakdown by country of
    a total over several ("six of the 24 were in Iraq") counts for its country, beside the total
    that counts for the several. Reports of the same actors, countries and period, in one
    article or in several, are one period with the highest count. A period
    inside a longer one of the same actors and countries that gave at least as many strikes is
    left out, and so is a longer period that gave fewer strikes than one inside it (it was not
    a total). A report without a start date or a strike count is not counted.
    """
    grouped: dict[tuple[Any, ...], StrikePeriod] = {}
    for record in reader.records:
        if reader.kind(record) != "report":
            continue
        countries = tuple(sorted(str(c) for c in reader.extracted_objects(record, IG.inCountry)))
        wholes = reader.extracted_objects(record, IG.partOfReport)
        if any(tuple(sorted(str(c) for c in reader.extracted_objects(w, IG.inCountry))) == countries for w in wholes):
            continue
        start, count = reader.text(record, IG.startDate), reader.text(record, IG.strikeCount)
        if start is None or count is None:
            continue
        end = reader.text(record, IG.endDate) or start
        actors = tuple(sorted(str(a) for a in reader.extracted_objects(record, IG.perpetrator)))
        key = (actors, countries, start, end)
        period = grouped.setdefault(key, StrikePeriod(actors, countries, start, end, int(count)))
        period.strikes = max(period.strikes, int(count))
        period.reports.append(record)
    periods = list(grouped.values())
    kept = []
    for period in periods:
        covered = any(period.inside(other) and other.strikes >= period.strikes for other in periods)
        not_a_total = any(other.inside(period) and other.strikes > period.strikes for other in periods)
        if not covered and not not_a_total:
            kept.append(period)
    return sorted(kept, key=lambda p: (p.start, p.end, p.countries, p.actors))


def joined_labels(reader: GraphReader, iris: tuple[str, ...]) -> str:
    return " + ".join(reader.label(URIRef(i)) for i in iris) if iris else NOT_STATED


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


def timeline_data(reader: GraphReader, title: str) -> dict[str, Any]:
    """Bars of strikes per (country, month, actor), with their periods and sources; control changes per month."""
    bars: dict[tuple[str, str, str], dict[str, Any]] = {}
    actor_labels: dict[str, str] = {}
    for period in strike_periods(reader):
        country = joined_labels(reader, period.countries)
        actor = joined_labels(reader, period.actors)
        actor_labels[" ".join(period.actors)] = actor
        bar = bars.setdefault((country, period.start[:7], actor),
                              {"country": country, "month": period.start[:7], "actor": actor, "strikes": 0,
                               "periods": []})
        bar["strikes"] += period.strikes
        bar["periods"].append({
            "start": period.start, "end": period.end, "strikes": period.strikes,
            "sources": [{"label": reader.label(r), "strikes": int(reader.text(r, IG.strikeCount) or 0),
                         **evidence_of(reader, r)} for r in period.reports],
        })
    actors = sorted(set(actor_labels.values()))
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
    return {"title": title, "view": "timeline",
            "bars": sorted(bars.values(), key=lambda b: (b["country"], b["month"], b["actor"])),
            "actors": [{"label": a, "color": colours[a]} for a in actors],
            "changes": sorted(changes, key=lambda c: (c["start"], c["id"]))}
