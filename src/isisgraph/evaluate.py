"""Score a built graph against hand-written gold annotations: precision, recall and F1 per type.

The gold lives in one JSON file per article (``tests/gold/{articleId}.json``, schema and
annotation guideline in ``tests/gold/README.md``). Four types are scored, each on the
attributes the extraction issue names:

- strike reports (``ig:StrikeReport``): actor, countries, counts, period;
- events (instances of ``ig:Event`` subclasses): type, place, date;
- claims (plain ``ig:Claim``, not its report subclasses): claimant and evidence span;
- figures (``ig:FigureReport``): measure and value.

Gold and predicted items are paired one to one within an article, greedily, preferring the
pairs whose evidence spans agree most; unpaired gold items are false negatives and unpaired
predictions false positives. Only articles that have a gold file are scored.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.term import Literal, Node

from isisgraph.errors import InputError
from isisgraph.namespaces import ID, IG, OA

KINDS = ("strike_reports", "events", "claims", "figures")
KIND_LABELS = {"strike_reports": "strike reports", "events": "events", "claims": "claims",
               "figures": "figures"}
EVENT_TYPES = frozenset({
    "ControlChange", "Attack", "Bombing", "Ambush", "Assassination", "Abduction", "SuicideAttack",
    "Killing", "Arrest", "Surrender", "Clash", "OperationLaunch", "Strike", "AirStrike",
})
QUALIFIERS = frozenset({"exact", "atLeast", "approximate", "atMost"})
ARTICLE_PREFIX = str(ID["article/"])
# Figures are compared with a small relative tolerance so that "one-third" coded as 33.3
# percent matches 33.33; exact counts are far apart relative to 1%.
VALUE_TOLERANCE = 0.01
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

GRAPH_FORMATS = {".trig": "trig", ".nq": "nquads", ".nquads": "nquads", ".ttl": "turtle",
                 ".nt": "nt"}


# ----------------------------------------------------------------------------- periods


@dataclass(frozen=True)
class Period:
    """A closed date interval; either end may be unknown (an open period never overlaps)."""

    start: dt.date | None
    end: dt.date | None

    @property
    def known(self) -> bool:
        return self.start is not None or self.end is not None

    def bounds(self) -> tuple[dt.date, dt.date] | None:
        if not self.known:
            return None
        start = self.start or self.end
        end = self.end or self.start
        assert start is not None and end is not None
        return (start, end) if start <= end else (end, start)

    def overlaps(self, other: Period) -> bool:
        mine, theirs = self.bounds(), other.bounds()
        if mine is None or theirs is None:
            return False
        return mine[0] <= theirs[1] and theirs[0] <= mine[1]

    def __str__(self) -> str:
        bounds = self.bounds()
        if bounds is None:
            return "no date"
        return bounds[0].isoformat() if bounds[0] == bounds[1] else f"{bounds[0]}..{bounds[1]}"


def parse_date(value: str, where: str) -> dt.date:
    """A full ISO date from the gold; a bad one is an :class:`InputError` naming the item."""
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise InputError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def check_partial_date(value: Any, where: str) -> None:
    """Claim dates and as-of dates may be a year, a month or a day: YYYY, YYYY-MM, YYYY-MM-DD."""
    if value is None:
        return
    if not isinstance(value, str) or not PARTIAL_DATE.match(value):
        raise InputError(f"{where}: {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        raise InputError(f"{where}: {value!r} is not a real date") from None


# ----------------------------------------------------------------------------- gold


def locate_evidence(text: str, evidence: str, occurrence: int = 1) -> tuple[int, int]:
    """The span of the ``occurrence``-th (1-based) appearance of ``evidence`` in ``text``."""
    if not evidence:
        raise ValueError("empty evidence")
    start = -1
    for _ in range(occurrence):
        start = text.find(evidence, start + 1)
        if start < 0:
            raise ValueError(f"occurrence {occurrence} of {evidence[:60]!r} not in the text")
    return start, start + len(evidence)


# Gold files keep the evidence first and short lists on one line, so they read easily by hand.
GOLD_FIRST_KEYS = ("evidence", "occurrence", "start_char", "end_char")
SCALAR_LIST = re.compile(r"\[\s*((?:(?:\"[^\"\n]*\"|-?[\d.]+|null|true|false)\s*,?\s*)*)\]")


def gold_json(data: dict[str, Any]) -> str:
    """A gold file's text: indented JSON with lists of plain values kept on one line."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return SCALAR_LIST.sub(lambda m: json.dumps(json.loads(m.group(0)), ensure_ascii=False), text) + "\n"


def with_span(item: dict[str, Any], text: str, where: str) -> dict[str, Any]:
    """``item`` with ``start_char``/``end_char`` recomputed from its evidence and occurrence."""
    occurrence = int(item.get("occurrence", 1))
    try:
        start, end = locate_evidence(text, item["evidence"], occurrence)
    except ValueError as exc:
        raise InputError(f"{where}: {exc}") from exc
    ordered = {"evidence": item["evidence"], "occurrence": occurrence, "start_char": start, "end_char": end}
    ordered.update((k, v) for k, v in item.items() if k not in GOLD_FIRST_KEYS)
    return ordered


def fill_gold_spans(articles: Path, gold: Path) -> Iterator[str]:
    """Recompute the offsets of every item of the gold files in ``gold`` against the articles
    of ``articles`` (a folder as ``isisgraph build`` reads it), rewriting each file; yields a
    line per file saying what it holds. Offsets count code points of the normalised text."""
    from isisgraph.files import write_atomically
    from isisgraph.ingest import read_articles

    texts = {a.id: a.text for a in read_articles([articles])}
    for path in sorted(gold.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        text = texts[data["article"]]
        for kind in KINDS:
            if kind in data:
                data[kind] = [with_span(item, text, f"{path}: {kind}[{i}]") for i, item in enumerate(data[kind])]
        write_atomically(path, gold_json(data).encode("utf-8"))
        yield f"{path.name}: " + ", ".join(f"{k} {len(data.get(k, []))}" for k in KINDS)


def as_list(value: Any) -> list[str]:
    """Gold fields that take one slug or several: None → [], "x" → ["x"], [..] → [..]."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


@dataclass(frozen=True)
class GoldItem:
    """One annotated strike report, event, claim or figure, with its evidence span."""

    kind: str
    article: str
    index: int
    data: Mapping[str, Any]
    start: int
    end: int

    @property
    def evidence(self) -> str:
        return str(self.data["evidence"])

    @property
    def period(self) -> Period:
        start, end = self.data.get("start"), self.data.get("end")
        return Period(dt.date.fromisoformat(start) if start else None,
                      dt.date.fromisoformat(end) if end else None)


@dataclass(frozen=True)
class GoldArticle:
    article: str
    published: str | None
    items: dict[str, list[GoldItem]]


REQUIRED = {
    "strike_reports": ("perpetrator", "countries", "strike_count", "start", "end"),
    "events": ("type", "place", "start", "end"),
    "claims": ("claimant",),
    "figures": ("measure", "value"),
}


def validate_item(kind: str, item: Mapping[str, Any], where: str) -> None:
    """Schema checks that keep a typo in the gold from silently scoring as a miss."""
    for key in ("evidence", "start_char", "end_char", *REQUIRED[kind]):
        if key not in item:
            raise InputError(f"{where}: missing {key!r}")
    if not isinstance(item["evidence"], str) or not item["evidence"]:
        raise InputError(f"{where}: evidence must be a non-empty string")
    if kind in ("strike_reports", "events"):
        for key in ("start", "end"):
            if item[key] is not None:
                parse_date(item[key], f"{where} {key}")
        if (item["start"] is None) != (item["end"] is None):
            raise InputError(f"{where}: give both start and end, or neither")
        if item["start"] is not None and item["start"] > item["end"]:
            raise InputError(f"{where}: start {item['start']} is after end {item['end']}")
    if kind == "strike_reports":
        for key in ("strike_count", "engagement_count"):
            value = item.get(key)
            if value is not None and (not isinstance(value, int) or value < 0):
                raise InputError(f"{where}: {key} must be a non-negative integer or null")
        if item.get("count_qualifier", "exact") not in QUALIFIERS:
            raise InputError(f"{where}: count_qualifier must be one of {sorted(QUALIFIERS)}")
        if not isinstance(item["countries"], list):
            raise InputError(f"{where}: countries must be a list")
    if kind == "events":
        unknown = set(as_list(item["type"])) - EVENT_TYPES
        if not as_list(item["type"]) or unknown:
            raise InputError(f"{where}: unknown event type {sorted(unknown) or item['type']!r}")
    if kind == "claims":
        if not isinstance(item["claimant"], str) or not item["claimant"]:
            raise InputError(f"{where}: claimant must be a slug")
        check_partial_date(item.get("date"), f"{where} date")
    if kind == "figures":
        if not isinstance(item["value"], int | float) or isinstance(item["value"], bool):
            raise InputError(f"{where}: value must be a number")
        check_partial_date(item.get("as_of"), f"{where} as_of")


def read_gold_file(path: Path) -> GoldArticle:
    """One gold file, checked against the schema of ``tests/gold/README.md``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: cannot read gold annotations ({exc})") from exc
    if not isinstance(data, dict) or "article" not in data:
        raise InputError(f"{path}: a gold file is a JSON object with an 'article' id")
    article = str(data["article"])
    items: dict[str, list[GoldItem]] = {}
    for kind in KINDS:
        raw = data.get(kind, [])
        if not isinstance(raw, list):
            raise InputError(f"{path}: {kind!r} must be a list")
        items[kind] = []
        for index, item in enumerate(raw):
            where = f"{path.name} {kind}[{index}]"
            if not isinstance(item, dict):
                raise InputError(f"{where}: not an object")
            validate_item(kind, item, where)
            span = int(item["start_char"]), int(item["end_char"])
            items[kind].append(GoldItem(kind, article, index, item, *span))
    return GoldArticle(article, data.get("published"), items)


def load_gold(gold_dir: str | Path) -> dict[str, GoldArticle]:
    """Every ``*.json`` gold file in ``gold_dir``, by article id."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise InputError(f"{folder}: gold folder not found")
    gold: dict[str, GoldArticle] = {}
    for path in sorted(folder.glob("*.json")):
        annotated = read_gold_file(path)
        if annotated.article in gold:
            raise InputError(f"{path}: article {annotated.article} is annotated twice")
        gold[annotated.article] = annotated
    if not gold:
        raise InputError(f"{folder}: no gold files (*.json)")
    return gold


# ----------------------------------------------------------------------------- graph


def load_graph(path: str | Path) -> Dataset:
    """A built graph from TriG or N-Quads (or Turtle / N-Triples), as an rdflib Dataset."""
    path = Path(path)
    fmt = GRAPH_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown graph format; give a .trig, .nq, .ttl or .nt file")
    if not path.is_file():
        raise InputError(f"{path}: graph file not found")
    dataset = Dataset(default_union=True)
    try:
        dataset.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many parser exception types
        detail = " ".join(str(exc).split())[:300]
        raise InputError(f"{path}: cannot parse as {fmt} ({detail})") from exc
    return dataset


def union_graph(graph: Graph) -> Graph:
    """All triples of every named graph in one plain Graph (a Graph is returned as is)."""
    if not isinstance(graph, ConjunctiveGraph | Dataset):
        return graph
    union = Graph()
    for s, p, o, _ in graph.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


@dataclass
class Predicted:
    """One extracted node, read back from the graph with the attributes the scorer needs."""

    kind: str
    article: str
    node: str
    spans: list[tuple[int, int]]
    types: set[str] = field(default_factory=set)
    values: dict[str, Any] = field(default_factory=dict)


def slug_of(iri: Node | str | None) -> str:
    """The last path segment of an IRI, for messages ('.../actor/cjtf-oir' → 'cjtf-oir')."""
    if iri is None:
        return "-"
    return str(iri).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def slugs(iris: Iterable[str]) -> str:
    """IRIs as their sorted slugs joined by '/', or '?' when there are none (for messages)."""
    return "/".join(sorted(slug_of(i) for i in iris)) or "?"


def literal_date(value: Node | None) -> dt.date | None:
    if not isinstance(value, Literal):
        return None
    py = value.toPython()
    if isinstance(py, dt.datetime):
        return py.date()
    if isinstance(py, dt.date):
        return py
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def literal_number(value: Node | None) -> float | None:
    if not isinstance(value, Literal):
        return None
    try:
        return float(value.toPython())
    except (TypeError, ValueError):
        return None


class GraphReader:
    """Reads extracted nodes, class hierarchy and place containment out of a built graph."""

    def __init__(self, graph: Graph, background: Iterable[Graph] = ()) -> None:
        self.graph = union_graph(graph)
        self.superclasses = self._closure(RDFS.subClassOf, [self.graph, *background])
        self.containers = self._closure(IG.partOf, [self.graph, *background])

    @staticmethod
    def _closure(prop: URIRef, graphs: Iterable[Graph]) -> dict[str, set[str]]:
        """For every subject, every object reachable through ``prop`` (transitively)."""
        direct: dict[str, set[str]] = defaultdict(set)
        for g in graphs:
            for s, o in g.subject_objects(prop):
                if isinstance(s, URIRef) and isinstance(o, URIRef):
                    direct[str(s)].add(str(o))
        closed: dict[str, set[str]] = {}
        for start in direct:
            seen: set[str] = set()
            frontier = list(direct[start])
            while frontier:
                nxt = frontier.pop()
                if nxt not in seen:
                    seen.add(nxt)
                    frontier.extend(direct.get(nxt, ()))
            closed[start] = seen
        return closed

    def is_subclass(self, cls: str, ancestor: str) -> bool:
        return cls == ancestor or ancestor in self.superclasses.get(cls, ())

    def within(self, place: str, container: str) -> bool:
        """Whether ``place`` is ``container`` or lies inside it (ig:partOf, transitively)."""
        return place == container or container in self.containers.get(place, ())

    def evidence_of(self, node: Node) -> tuple[set[str], list[tuple[int, int]]]:
        """The articles and character spans of a node's ig:evidence."""
        g = self.graph
        articles: set[str] = set()
        spans: list[tuple[int, int]] = []
        for ev in g.objects(node, IG.evidence):
            for source in g.objects(ev, OA.hasSource):
                if str(source).startswith(ARTICLE_PREFIX):
                    articles.add(str(source)[len(ARTICLE_PREFIX):])
            for selector in g.objects(ev, OA.hasSelector):
                start = literal_number(g.value(selector, OA.start))
                end = literal_number(g.value(selector, OA.end))
                if start is not None and end is not None:
                    spans.append((int(start), int(end)))
        return articles, sorted(spans)

    def iris(self, node: Node, prop: URIRef) -> set[str]:
        return {str(o) for o in self.graph.objects(node, prop) if isinstance(o, URIRef)}

    def number(self, node: Node, prop: URIRef) -> float | None:
        return literal_number(self.graph.value(node, prop))

    def period(self, node: Node, start: URIRef = IG.startDate, end: URIRef = IG.endDate) -> Period:
        g = self.graph
        return Period(literal_date(g.value(node, start)), literal_date(g.value(node, end)))

    def articles(self) -> set[str]:
        return {str(a)[len(ARTICLE_PREFIX):] for a in self.graph.subjects(RDF.type, IG.NewsArticle)
                if str(a).startswith(ARTICLE_PREFIX)}

    def typed_nodes(self) -> dict[Node, set[str]]:
        types: dict[Node, set[str]] = defaultdict(set)
        for s, o in self.graph.subject_objects(RDF.type):
            if isinstance(o, URIRef):
                types[s].add(str(o))
        return types

    def predictions(self, articles: set[str]) -> Iterator[Predicted]:
        """Every strike report, event, claim and figure whose evidence is in ``articles``."""
        event, claim = str(IG.Event), str(IG.Claim)
        report, figure = str(IG.StrikeReport), str(IG.FigureReport)
        for node, types in self.typed_nodes().items():
            if report in types:
                kind = "strike_reports"
            elif figure in types:
                kind = "figures"
            elif claim in types:
                kind = "claims"
            elif any(self.is_subclass(t, event) for t in types):
                kind = "events"
            else:
                continue
            sources, spans = self.evidence_of(node)
            for article in sorted(sources & articles):
                yield self.describe(kind, article, node, types, spans)

    def describe(self, kind: str, article: str, node: Node, types: set[str],
                 spans: list[tuple[int, int]]) -> Predicted:
        item = Predicted(kind, article, str(node), spans, types)
        v = item.values
        if kind == "strike_reports":
            v["perpetrator"] = self.iris(node, IG.perpetrator)
            v["countries"] = self.iris(node, IG.inCountry)
            v["locations"] = self.iris(node, IG.location)
            v["strike_count"] = self.number(node, IG.strikeCount)
            v["engagement_count"] = self.number(node, IG.engagementCount)
            v["period"] = self.period(node)
        elif kind == "events":
            v["locations"] = self.iris(node, IG.location)
            v["period"] = self.period(node)
            for role in ("perpetrator", "targetActor", "gainedControl", "lostControl"):
                v[role] = self.iris(node, IG[role])
        elif kind == "claims":
            v["claimant"] = self.iris(node, IG.claimant)
        else:
            v["measure"] = {slug_of(m) for m in self.iris(node, IG.measure)}
            v["value"] = self.number(node, IG.value)
            v["unit"] = self.graph.value(node, IG.unit)
        return item


# ----------------------------------------------------------------------------- matching


def actor_iri(slug: str) -> str:
    return str(ID[f"actor/{slug}"])


def place_iri(slug: str) -> str:
    return str(ID[f"place/{slug}"])


def claimant_iris(slug: str) -> set[str]:
    """A claimant slug names an actor or a person; slugs do not collide, so either IRI will do."""
    return {str(ID[f"actor/{slug}"]), str(ID[f"person/{slug}"])}


def count_text(value: float | None) -> str:
    return "none" if value is None else f"{value:g}"


def same_count(gold: Any, predicted: float | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return float(gold) == predicted


def strike_report_failures(gold: GoldItem, pred: Predicted, _reader: GraphReader) -> list[str]:
    """Actor, countries, counts and period; an empty list means the two match."""
    g, v = gold.data, pred.values
    failures = []
    if g["perpetrator"] is None:
        if v["perpetrator"]:
            failures.append(f"actor: gold none, got {slugs(v['perpetrator'])}")
    elif actor_iri(g["perpetrator"]) not in v["perpetrator"]:
        failures.append(f"actor: gold {g['perpetrator']}, got {slugs(v['perpetrator'])}")
    if g["countries"] and {place_iri(c) for c in g["countries"]} != v["countries"]:
        gold_countries = '/'.join(sorted(g['countries']))
        failures.append(f"country: gold {gold_countries}, got {slugs(v['countries'])}")
    if not same_count(g["strike_count"], v["strike_count"]):
        failures.append(f"count: gold {count_text(g['strike_count'])}, "
                        f"got {count_text(v['strike_count'])}")
    if not same_count(g.get("engagement_count"), v["engagement_count"]):
        failures.append(f"engagements: gold {count_text(g.get('engagement_count'))}, "
                        f"got {count_text(v['engagement_count'])}")
    if g["start"] is not None and not gold.period.overlaps(v["period"]):
        failures.append(f"period: gold {gold.period}, got {v['period']}")
    return failures


def event_failures(gold: GoldItem, pred: Predicted, reader: GraphReader) -> list[str]:
    """Type (the gold class or a subclass), place (same or inside) and date (overlap)."""
    g, v = gold.data, pred.values
    failures = []
    gold_types = [str(IG[t]) for t in as_list(g["type"])]
    if not any(reader.is_subclass(t, gt) for t in pred.types for gt in gold_types):
        got = sorted(slug_of(t) for t in pred.types if t.startswith(str(IG._NS)))
        failures.append(f"type: gold {'|'.join(as_list(g['type']))}, got {got}")
    places = [place_iri(p) for p in as_list(g["place"])]
    if places and not any(reader.within(loc, p) for loc in v["locations"] for p in places):
        failures.append(f"place: gold {'|'.join(as_list(g['place']))}, got {slugs(v['locations'])}")
    if g["start"] is not None and not gold.period.overlaps(v["period"]):
        failures.append(f"date: gold {gold.period}, got {v['period']}")
    return failures


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def claim_failures(gold: GoldItem, pred: Predicted, _reader: GraphReader) -> list[str]:
    """Claimant (actor or person IRI) and overlapping evidence spans."""
    failures = []
    if not claimant_iris(gold.data["claimant"]) & pred.values["claimant"]:
        got = slugs(pred.values['claimant'])
        failures.append(f"claimant: gold {gold.data['claimant']}, got {got}")
    if not any(overlap((gold.start, gold.end), span) for span in pred.spans):
        failures.append(f"span: gold {gold.start}-{gold.end}, got {pred.spans}")
    return failures


def figure_failures(gold: GoldItem, pred: Predicted, _reader: GraphReader) -> list[str]:
    """Measure (concept slug) and value (within a 1% relative tolerance)."""
    g, v = gold.data, pred.values
    failures = []
    if g["measure"] not in v["measure"]:
        failures.append(f"measure: gold {g['measure']}, got {sorted(v['measure'])}")
    value = v["value"]
    if value is None or abs(value - float(g["value"])) > VALUE_TOLERANCE * abs(float(g["value"])):
        failures.append(f"value: gold {g['value']:g}, got {count_text(value)}")
    return failures


FAILURES: dict[str, Callable[[GoldItem, Predicted, GraphReader], list[str]]] = {
    "strike_reports": strike_report_failures,
    "events": event_failures,
    "claims": claim_failures,
    "figures": figure_failures,
}


def span_agreement(gold: GoldItem, pred: Predicted) -> float:
    """How much the evidence spans agree (best Jaccard over the prediction's spans), 0..1."""
    best = 0.0
    for span in pred.spans:
        shared = overlap((gold.start, gold.end), span)
        if shared:
            union = max(gold.end, span[1]) - min(gold.start, span[0])
            best = max(best, shared / union)
    return best


def greedy_pairs(gold: list[GoldItem], predicted: list[Predicted],
                 reader: GraphReader) -> list[tuple[GoldItem, Predicted]]:
    """One-to-one pairs of matching items, the best-agreeing evidence spans first."""
    check = FAILURES[gold[0].kind] if gold else None
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            assert check is not None
            if not check(g, p, reader):
                candidates.append((-span_agreement(g, p), gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gold[gi], predicted[pi]))
    return pairs


# ----------------------------------------------------------------------------- scores


@dataclass
class TypeScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float:
        if self.predicted == 0:
            return 1.0 if self.gold == 0 else 0.0
        return self.tp / self.predicted

    @property
    def recall(self) -> float:
        if self.gold == 0:
            return 1.0 if self.predicted == 0 else 0.0
        return self.tp / self.gold

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def add(self, other: TypeScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass(frozen=True)
class Miss:
    """A gold item nothing matched, with the closest prediction and why it failed."""

    item: GoldItem
    closest: Predicted | None
    reasons: tuple[str, ...]


@dataclass
class Scores:
    """Per-type and micro-averaged scores, and the unmatched items on both sides."""

    per_type: dict[str, TypeScore]
    missed: list[Miss] = field(default_factory=list)
    spurious: list[Predicted] = field(default_factory=list)
    matched: list[tuple[GoldItem, Predicted]] = field(default_factory=list)
    articles_without_graph: list[str] = field(default_factory=list)

    @property
    def micro(self) -> TypeScore:
        total = TypeScore()
        for score in self.per_type.values():
            total.add(score)
        return total

    def table(self) -> str:
        """An aligned plain-text table: one row per type and a micro total."""
        header = ("type", "gold", "pred", "TP", "FP", "FN", "precision", "recall", "F1")
        rows = [(KIND_LABELS[k], s) for k, s in self.per_type.items()]
        rows.append(("micro total", self.micro))
        lines = [f"{header[0]:<15}" + "".join(f"{h:>6}" for h in header[1:6])
                 + "".join(f"{h:>10}" for h in header[6:])]
        for label, s in rows:
            counts = (s.gold, s.predicted, s.tp, s.fp, s.fn)
            lines.append(f"{label:<15}" + "".join(f"{n:>6}" for n in counts)
                         + "".join(f"{x:>10.3f}" for x in (s.precision, s.recall, s.f1)))
        if self.articles_without_graph:
            missing = ", ".join(self.articles_without_graph)
            lines.append(f"articles with gold but not in the graph: {missing}")
        return "\n".join(lines)

    def errors(self) -> str:
        """The unmatched gold items (with the nearest prediction) and the unmatched predictions."""
        lines = []
        for kind in KINDS:
            missed = [m for m in self.missed if m.item.kind == kind]
            spurious = [p for p in self.spurious if p.kind == kind]
            if not missed and not spurious:
                continue
            lines.append(f"== {KIND_LABELS[kind]}: {len(missed)} missed, {len(spurious)} spurious")
            for miss in missed:
                lines.append(f"FN {miss.item.article} {describe_gold(miss.item)}")
                if miss.closest is not None:
                    lines.append(f"     closest {describe_predicted(miss.closest)}")
                    lines.extend(f"     - {reason}" for reason in miss.reasons)
            for pred in spurious:
                lines.append(f"FP {pred.article} {describe_predicted(pred)}")
        return "\n".join(lines) if lines else "no errors"


def short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def describe_gold(item: GoldItem) -> str:
    g = item.data
    if item.kind == "strike_reports":
        what = (f"{g['perpetrator'] or '?'} {'/'.join(g['countries']) or '?'}"
                f" count={count_text(g['strike_count'])}"
                f" eng={count_text(g.get('engagement_count'))} {item.period}")
    elif item.kind == "events":
        place = '|'.join(as_list(g['place'])) or '?'
        what = f"{'|'.join(as_list(g['type']))} at {place} {item.period}"
    elif item.kind == "claims":
        what = f"by {g['claimant']}"
    else:
        what = f"{g['measure']}={g['value']:g}"
    return f"[{item.start}-{item.end}] {what} «{short(item.evidence)}»"


def describe_predicted(pred: Predicted) -> str:
    v = pred.values
    if pred.kind == "strike_reports":
        what = (f"{slugs(v['perpetrator'])} {slugs(v['countries'])}"
                f" count={count_text(v['strike_count'])}"
                f" eng={count_text(v['engagement_count'])} {v['period']}")
    elif pred.kind == "events":
        types = sorted(slug_of(t) for t in pred.types if t.startswith(str(IG._NS)))
        what = f"{'|'.join(types)} at {slugs(v['locations'])} {v['period']}"
    elif pred.kind == "claims":
        what = f"by {slugs(v['claimant'])}"
    else:
        what = f"{'/'.join(sorted(v['measure'])) or '?'}={count_text(v['value'])}"
    spans = ",".join(f"{s}-{e}" for s, e in pred.spans)
    return f"[{spans}] {what} <{slug_of(pred.node)}>"


def closest(gold: GoldItem, candidates: list[Predicted],
            reader: GraphReader) -> tuple[Predicted | None, list[str]]:
    """The unmatched prediction failing the fewest criteria (ties: the best-agreeing span)."""
    best: tuple[int, float] | None = None
    found: tuple[Predicted | None, list[str]] = (None, [])
    for pred in candidates:
        failures = FAILURES[gold.kind](gold, pred, reader)
        key = (len(failures), -span_agreement(gold, pred))
        if best is None or key < best:
            best, found = key, (pred, failures)
    return found


def evaluate(gold_dir: str | Path, graph: Graph,
             background: Iterable[Graph] | None = None) -> Scores:
    """Score ``graph`` (a Dataset or Graph of a build) against the gold files in ``gold_dir``.

    ``background`` supplies the class hierarchy and place containment (default: the project's
    TBox and reference data, as ``isisgraph.ontology`` loads them); the graph's own
    ``rdfs:subClassOf`` and ``ig:partOf`` triples are always used too.
    """
    gold = load_gold(gold_dir)
    if background is None:
        from isisgraph.ontology import load_reference, load_tbox

        background = (load_tbox(), load_reference())
    reader = GraphReader(graph, background)
    in_graph = reader.articles()
    predicted: dict[tuple[str, str], list[Predicted]] = defaultdict(list)
    for pred in reader.predictions(set(gold)):
        predicted[(pred.article, pred.kind)].append(pred)
    scores = Scores({kind: TypeScore() for kind in KINDS})
    scores.articles_without_graph = sorted(a for a in gold if a not in in_graph and not any(
        predicted.get((a, k)) for k in KINDS))
    for article_id, annotated in sorted(gold.items()):
        for kind in KINDS:
            gold_items = annotated.items[kind]
            preds = sorted(predicted.get((article_id, kind), []), key=lambda p: (p.spans, p.node))
            pairs = greedy_pairs(gold_items, preds, reader)
            matched_gold = {id(g) for g, _ in pairs}
            matched_pred = {id(p) for _, p in pairs}
            unmatched_pred = [p for p in preds if id(p) not in matched_pred]
            score = scores.per_type[kind]
            score.tp += len(pairs)
            score.fp += len(unmatched_pred)
            scores.matched.extend(pairs)
            scores.spurious.extend(unmatched_pred)
            for item in gold_items:
                if id(item) not in matched_gold:
                    score.fn += 1
                    near, reasons = closest(item, unmatched_pred, reader)
                    scores.missed.append(Miss(item, near, tuple(reasons)))
    return scores
