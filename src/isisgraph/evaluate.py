"""Score a built graph against hand-written gold annotations: precision, recall and F1 per type.

The gold lives in one JSON file per article (``tests/gold/{articleId}.json``, schema and
annotation guideline in ``tests/gold/README.md``); a file's ``annotated`` list says which of
the four kinds it annotates (absent: all four), and only those are scored for its article.
A gold file may be *sealed* (``tests/data/real/README.md``): each evidence replaced by its
SHA-1 beside its offsets, so that the texts, which are other people's writing, stay out of
git. Scoring needs only the offsets; the texts, when given, show what was missed.

Two matchings, each a table of rows (see :data:`MATCHINGS`):

- ``blind``, the rules the blind evaluation sets are scored with: strike reports with a
  count on count, countries and the month their period starts; events of the six scored
  families (control change, attack, killing, arrest, surrender, clash) on family, place
  (the same, inside or around it) and month, and a second row that also wants the gold's
  sides; claims on overlapping evidence and a shared speaker or organisation; figures on
  measure and value;
- ``strict``, the finer reading the development bars of the test suite use: strike reports
  on actor, countries, counts and overlapping period; events of every type on type (the gold
  class or a subclass), place (the same or inside it) and overlapping period; claims on
  claimant and evidence span; figures on measure and value.

Gold and predicted items are paired one to one within an article, greedily, preferring the
pairs whose evidence spans agree most; unpaired gold items are false negatives and unpaired
predictions false positives. Only articles that have a gold file are scored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.term import Literal, Node

from isisgraph.errors import InputError
from isisgraph.graphio import read_dataset, union_graph
from isisgraph.namespaces import ID, IG, OA
from isisgraph.ontology import ClassHierarchy

KINDS = ("strike_reports", "events", "claims", "figures")
KIND_LABELS = {"strike_reports": "strike reports", "events": "events", "claims": "claims",
               "figures": "figures", "events_sides": "events with sides",
               "events_sides_exact": "events, no wrong side"}
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
        raise InputError(f"{where}: {exc}; copy the evidence exactly from the text") from exc
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


def text_sha1(text: str) -> str:
    """The SHA-1 of a piece of article text (UTF-8), as sealed gold files keep it."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


SEALED_FIRST_KEYS = ("evidence_sha1", "occurrence", "start_char", "end_char")
SHA1 = re.compile(r"^[0-9a-f]{40}$")


def seal_item(item: dict[str, Any], text: str, where: str) -> dict[str, Any]:
    """``item`` located in ``text`` (offsets from its evidence and occurrence) with the evidence
    and the quote replaced by their SHA-1s; the quote, a substring of the evidence, keeps its
    own offsets (``quote_start_char``/``quote_end_char``) so that it can be unsealed."""
    if not isinstance(item, dict):
        raise InputError(f"{where}: not an object")
    if not isinstance(item.get("evidence"), str) or not item["evidence"]:
        raise InputError(f"{where}: evidence must be the text itself (a non-empty string); "
                         "unseal gives a sealed item its evidence back")
    occurrence = item.get("occurrence", 1)
    if not isinstance(occurrence, int) or isinstance(occurrence, bool) or occurrence < 1:
        raise InputError(f"{where}: occurrence must be 1, 2, ... (which appearance of the evidence)")
    located = with_span(item, text, where)
    start, evidence = located["start_char"], located["evidence"]
    sealed: dict[str, Any] = {"evidence_sha1": text_sha1(evidence), "occurrence": located["occurrence"],
                              "start_char": start, "end_char": located["end_char"]}
    for key, value in located.items():
        if key in GOLD_FIRST_KEYS:
            continue
        if key == "quote" and value is not None:
            offset = evidence.find(value) if isinstance(value, str) and value else -1
            if offset < 0:
                raise InputError(f"{where}: the quote is not inside the evidence; "
                                 "fix the quote or widen the evidence")
            sealed.update(quote_sha1=text_sha1(value), quote_start_char=start + offset,
                          quote_end_char=start + offset + len(value))
        elif key == "note" and isinstance(value, str):
            sealed[key] = redact_copied(value, text)
        else:
            sealed[key] = value
    return sealed


_NOTE_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")
COPIED_WORDS = 5  # a note may name a few words of the article, never a passage of it


def redact_copied(note: str, text: str) -> str:
    """``note`` with every run of ``COPIED_WORDS`` or more words that the article says in the
    same order replaced by "[…]": a sealed gold file keeps the annotator's reasoning, not the
    article's writing."""
    words = [m for m in _NOTE_WORD.finditer(note)]
    article = " " + " ".join(w.lower() for w in _NOTE_WORD.findall(text)) + " "
    cuts: list[tuple[int, int]] = []
    i = 0
    while i + COPIED_WORDS <= len(words):
        j = i + COPIED_WORDS
        if f" {' '.join(w.group().lower() for w in words[i:j])} " not in article:
            i += 1
            continue
        while j < len(words) and f" {' '.join(w.group().lower() for w in words[i:j + 1])} " in article:
            j += 1
        cuts.append((words[i].start(), words[j - 1].end()))
        i = j
    for start, end in reversed(cuts):
        note = note[:start] + "[\u2026]" + note[end:]
    return note


def unseal_item(item: Mapping[str, Any], text: str, where: str) -> dict[str, Any]:
    """A gold item with its evidence (and quote) cut from ``text`` at its offsets, each checked
    against its SHA-1; an unsealed item's evidence is checked against the text the same way."""
    start, end = int(item["start_char"]), int(item["end_char"])
    evidence = text[start:end]
    if "evidence_sha1" in item and text_sha1(evidence) != item["evidence_sha1"]:
        raise InputError(f"{where}: the text at {start}-{end} is not the annotated evidence; the "
                         "article is not the text that was annotated (tools/real_news.py check "
                         "names the texts that differ)")
    if "evidence" in item and evidence != item["evidence"]:
        raise InputError(f"{where}: the text at {start}-{end} is not its evidence; recompute the "
                         "offsets from the evidence (fill_spans.py beside the gold)")
    unsealed: dict[str, Any] = {"evidence": evidence, "occurrence": item.get("occurrence", 1),
                                "start_char": start, "end_char": end}
    for key, value in item.items():
        if key == "quote_sha1":
            quote = text[int(item["quote_start_char"]):int(item["quote_end_char"])]
            if text_sha1(quote) != value:
                raise InputError(f"{where}: the text at {item['quote_start_char']}-{item['quote_end_char']} "
                                 "is not the annotated quote; the article is not the text that was annotated")
            unsealed["quote"] = quote
        elif key not in SEALED_FIRST_KEYS and key not in GOLD_FIRST_KEYS and not key.startswith("quote_"):
            unsealed[key] = value
    return unsealed


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
    def evidence(self) -> str | None:
        """The evidence text; None for a sealed item whose article text was not given."""
        value = self.data.get("evidence")
        return None if value is None else str(value)

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
    annotated: frozenset[str] = frozenset(KINDS)


REQUIRED = {
    "strike_reports": ("perpetrator", "countries", "strike_count", "start", "end"),
    "events": ("type", "place", "start", "end"),
    "claims": ("claimant",),
    "figures": ("measure", "value"),
}


def validate_evidence(item: Mapping[str, Any], where: str) -> None:
    """Plain evidence, or sealed evidence (a SHA-1) with a sealed quote's offsets inside it."""
    if "evidence_sha1" in item:
        if "evidence" in item:
            raise InputError(f"{where}: give evidence or evidence_sha1, not both")
        if not isinstance(item["evidence_sha1"], str) or not SHA1.match(item["evidence_sha1"]):
            raise InputError(f"{where}: evidence_sha1 must be 40 lowercase hex digits")
    elif not isinstance(item.get("evidence"), str) or not item["evidence"]:
        raise InputError(f"{where}: evidence must be a non-empty string")
    for key in ("start_char", "end_char"):
        if not isinstance(item[key], int) or isinstance(item[key], bool):
            raise InputError(f"{where}: {key} must be an integer")
    if item["start_char"] >= item["end_char"] or item["start_char"] < 0:
        raise InputError(f"{where}: start_char {item['start_char']} must be below end_char {item['end_char']}")
    if "quote_sha1" in item:
        start, end = item.get("quote_start_char"), item.get("quote_end_char")
        if not (isinstance(start, int) and isinstance(end, int)
                and item["start_char"] <= start < end <= item["end_char"]):
            raise InputError(f"{where}: a sealed quote needs quote_start_char and quote_end_char "
                             "inside the evidence; seal the item again")


def validate_item(kind: str, item: Mapping[str, Any], where: str) -> None:
    """Schema checks that keep a typo in the gold from silently scoring as a miss."""
    for key in ("start_char", "end_char", *REQUIRED[kind]):
        if key not in item:
            raise InputError(f"{where}: missing {key!r}")
    validate_evidence(item, where)
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


def annotated_kinds(data: Mapping[str, Any], where: str) -> frozenset[str]:
    """The kinds a gold file annotates: its ``annotated`` list, or all four when absent."""
    if "annotated" not in data:
        return frozenset(KINDS)
    listed = data["annotated"]
    if not isinstance(listed, list) or not all(isinstance(k, str) for k in listed):
        raise InputError(f"{where}: 'annotated' must be a list of kinds ({', '.join(KINDS)})")
    unknown = sorted(set(listed) - set(KINDS))
    if unknown:
        raise InputError(f"{where}: unknown kind {', '.join(unknown)} in 'annotated'; "
                         f"the kinds are {', '.join(KINDS)}")
    for kind in KINDS:
        if data.get(kind) and kind not in listed:
            raise InputError(f"{where}: it has {kind} but 'annotated' does not list them; "
                             f"add {kind!r} to 'annotated' or remove the items")
    return frozenset(listed)


def gold_article(data: Any, where: str, text: str | None = None) -> GoldArticle:
    """The parsed content of one gold file, checked against the schema of
    ``tests/gold/README.md``; with the article's ``text``, every item's evidence is checked
    against it and sealed items are unsealed."""
    if not isinstance(data, dict) or "article" not in data:
        raise InputError(f"{where}: a gold file is a JSON object with an 'article' id")
    article = str(data["article"])
    annotated = annotated_kinds(data, where)
    items: dict[str, list[GoldItem]] = {}
    for kind in KINDS:
        raw = data.get(kind, [])
        if not isinstance(raw, list):
            raise InputError(f"{where}: {kind!r} must be a list")
        items[kind] = []
        for index, item in enumerate(raw):
            item_where = f"{Path(where).name} {kind}[{index}]"
            if not isinstance(item, dict):
                raise InputError(f"{item_where}: not an object")
            validate_item(kind, item, item_where)
            if text is not None:
                item = unseal_item(item, text, item_where)
            span = int(item["start_char"]), int(item["end_char"])
            items[kind].append(GoldItem(kind, article, index, item, *span))
    return GoldArticle(article, data.get("published"), items, annotated)


def read_gold_file(path: Path, texts: Mapping[str, str] | None = None) -> GoldArticle:
    """One gold file, checked against the schema of ``tests/gold/README.md`` (and against its
    article's text when ``texts`` has it)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: cannot read gold annotations ({exc})") from exc
    article = data.get("article") if isinstance(data, dict) else None
    return gold_article(data, str(path), (texts or {}).get(str(article)))


def load_gold(gold_dir: str | Path, texts: Mapping[str, str] | None = None) -> dict[str, GoldArticle]:
    """Every ``*.json`` gold file in ``gold_dir``, by article id; ``texts`` (article id →
    normalised text) unseals and checks the items of the articles it has."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise InputError(f"{folder}: gold folder not found")
    gold: dict[str, GoldArticle] = {}
    for path in sorted(folder.glob("*.json")):
        annotated = read_gold_file(path, texts)
        if annotated.article in gold:
            raise InputError(f"{path}: article {annotated.article} is annotated twice")
        gold[annotated.article] = annotated
    if not gold:
        raise InputError(f"{folder}: no gold files (*.json)")
    return gold


def read_texts(folders: Iterable[str | Path]) -> dict[str, str]:
    """The normalised texts of the articles in ``folders`` (as ``isisgraph build`` reads them),
    by article id; a file the build would skip is an :class:`InputError`."""
    from isisgraph.ingest import Problems, read_articles

    problems = Problems()
    texts = {a.id: a.text for a in read_articles(folders, problems=problems)}
    if problems.skipped:
        raise InputError(f"{problems.skipped[0]}; the build skips it too: fix or remove it")
    return texts


# ----------------------------------------------------------------------------- graph


def load_graph(path: str | Path) -> Dataset:
    """A built graph (TriG, N-Quads, Turtle or N-Triples) as an rdflib Dataset whose default
    graph is the union of its graphs."""
    return read_dataset(path)


@dataclass
class Predicted:
    """One extracted node, read back from the graph with the attributes the scorer needs."""

    kind: str
    article: str
    node: str
    spans: list[tuple[int, int]]
    types: set[str] = field(default_factory=set)
    values: dict[str, Any] = field(default_factory=dict)
    quotes: list[str] = field(default_factory=list)  # oa:exact of its evidence, in span order


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


class PredictionReader:
    """Reads extracted nodes, class hierarchy and place containment out of a built graph.

    ``background`` is the TBox and the reference data; its actors and persons are the *known*
    actors (those a build mints for itself are not)."""

    def __init__(self, graph: Graph, background: Iterable[Graph] = ()) -> None:
        background = tuple(background)
        self.graph = union_graph(graph)
        self.hierarchy = ClassHierarchy.of(self.graph, *background)
        self.containers = self._closure([self.graph, *background], IG.partOf)
        self.memberships = self._closure(background, IG.memberOf)
        self.known_actors = {
            str(s) for g in background for s, o in g.subject_objects(RDF.type)
            if isinstance(s, URIRef) and self.is_subclass(str(o), str(IG.Actor))}

    @staticmethod
    def _closure(graphs: Iterable[Graph], predicate: URIRef) -> dict[str, set[str]]:
        """For every subject, every object it reaches by ``predicate`` transitively: the places
        containing a place (ig:partOf), the bodies an actor is a member of (ig:memberOf)."""
        direct: dict[str, set[str]] = defaultdict(set)
        for g in graphs:
            for s, o in g.subject_objects(predicate):
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
        return self.hierarchy.is_subclass(URIRef(cls), URIRef(ancestor))

    def within(self, place: str, container: str) -> bool:
        """Whether ``place`` is ``container`` or lies inside it (ig:partOf, transitively)."""
        return place == container or container in self.containers.get(place, ())

    def related_actors(self, actor: str, other: str) -> bool:
        """Whether two actors are the same or one is a member of the other (ig:memberOf,
        transitively): the Iraqi Army and the Iraqi Security Forces, CENTCOM and the US military."""
        return actor == other or other in self.memberships.get(actor, ()) \
            or actor in self.memberships.get(other, ())

    def known_actor(self, slug: str) -> str | None:
        """The IRI of the reference actor or person a gold slug names; None when the reference
        data does not have it (such sides are not scored). A ``new:{slug}`` is scored as
        ``{slug}`` once the ontology has it, so the gold need not be edited then."""
        slug = slug.removeprefix("new:")
        for iri in (ID[f"actor/{slug}"], ID[f"person/{slug}"]):
            if str(iri) in self.known_actors:
                return str(iri)
        return None

    def evidence_of(self, node: Node) -> tuple[set[str], list[tuple[int, int]], list[str]]:
        """The articles, character spans and quoted text (oa:exact) of a node's ig:evidence."""
        g = self.graph
        articles: set[str] = set()
        located: list[tuple[int, int, str]] = []
        for ev in g.objects(node, IG.evidence):
            for source in g.objects(ev, OA.hasSource):
                if str(source).startswith(ARTICLE_PREFIX):
                    articles.add(str(source)[len(ARTICLE_PREFIX):])
            span, exact = None, ""
            for selector in g.objects(ev, OA.hasSelector):
                start = literal_number(g.value(selector, OA.start))
                end = literal_number(g.value(selector, OA.end))
                if start is not None and end is not None:
                    span = (int(start), int(end))
                exact = str(g.value(selector, OA.exact) or exact)
            if span is not None:
                located.append((*span, exact))
        located.sort()
        return articles, [(s, e) for s, e, _ in located], [q for *_, q in located if q]

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
            sources, spans, quotes = self.evidence_of(node)
            for article in sorted(sources & articles):
                yield self.describe(kind, article, node, types, spans, quotes)

    def describe(self, kind: str, article: str, node: Node, types: set[str],
                 spans: list[tuple[int, int]], quotes: list[str]) -> Predicted:
        item = Predicted(kind, article, str(node), spans, types, quotes=quotes)
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
            v["on_behalf_of"] = self.iris(node, IG.onBehalfOf)
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
    """A claimant slug names an actor or a person; slugs do not collide, so either IRI will do.
    A ``new:{slug}`` (an actor the ontology lacks) is the IRI the build would give ``{slug}``."""
    slug = slug.removeprefix("new:")
    return {str(ID[f"actor/{slug}"]), str(ID[f"person/{slug}"])}


def count_text(value: float | None) -> str:
    return "none" if value is None else f"{value:g}"


def same_count(gold: Any, predicted: float | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return float(gold) == predicted


def strike_report_failures(gold: GoldItem, pred: Predicted, _reader: PredictionReader) -> list[str]:
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


def event_failures(gold: GoldItem, pred: Predicted, reader: PredictionReader) -> list[str]:
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


def claim_failures(gold: GoldItem, pred: Predicted, _reader: PredictionReader) -> list[str]:
    """Claimant (actor or person IRI) and overlapping evidence spans."""
    failures = []
    if not claimant_iris(gold.data["claimant"]) & pred.values["claimant"]:
        got = slugs(pred.values['claimant'])
        failures.append(f"claimant: gold {gold.data['claimant']}, got {got}")
    if not any(overlap((gold.start, gold.end), span) for span in pred.spans):
        failures.append(f"span: gold {gold.start}-{gold.end}, got {pred.spans}")
    return failures


def figure_failures(gold: GoldItem, pred: Predicted, _reader: PredictionReader) -> list[str]:
    """Measure (concept slug) and value (within a 1% relative tolerance)."""
    g, v = gold.data, pred.values
    failures = []
    if g["measure"] not in v["measure"]:
        failures.append(f"measure: gold {g['measure']}, got {sorted(v['measure'])}")
    value = v["value"]
    if value is None or abs(value - float(g["value"])) > VALUE_TOLERANCE * abs(float(g["value"])):
        failures.append(f"value: gold {g['value']:g}, got {count_text(value)}")
    return failures


FailureCheck = Callable[[GoldItem, Predicted, PredictionReader], list[str]]

# The blind evaluation scores six families of events; a subclass counts as its family (a
# Bombing is an Attack). Strikes are strike reports and launches of operations are not scored.
SCORED_EVENT_FAMILIES = ("ControlChange", "Attack", "Killing", "Arrest", "Surrender", "Clash")
# The sides of an event that the blind evaluation checks, per family: (gold field, ig: role).
# A clash has no side that starts it, so only its family, place and month are scored.
SIDES = {
    "ControlChange": (("gained", "gainedControl"), ("lost", "lostControl")),
    **{family: (("perpetrator", "perpetrator"), ("target", "targetActor"))
       for family in ("Attack", "Killing", "Arrest", "Surrender")},
}


def same_month(gold_start: str, period: Period) -> bool:
    """Whether ``period`` starts in the month of the gold's start date (an undated one does not)."""
    bounds = period.bounds()
    return bounds is not None and bounds[0].strftime("%Y-%m") == gold_start[:7]


def blind_strike_report_failures(gold: GoldItem, pred: Predicted, _reader: PredictionReader) -> list[str]:
    """Count, countries (the same set: a report over two countries must name both, and one
    whose gold names none wants none) and the month the period starts."""
    g, v = gold.data, pred.values
    failures = []
    if not same_count(g["strike_count"], v["strike_count"]):
        failures.append(f"count: gold {count_text(g['strike_count'])}, "
                        f"got {count_text(v['strike_count'])}")
    if {place_iri(c) for c in g["countries"]} != v["countries"]:
        gold_countries = "/".join(sorted(g["countries"])) or "none"
        failures.append(f"country: gold {gold_countries}, got {slugs(v['countries'])}")
    if g["start"] is not None and not same_month(g["start"], v["period"]):
        failures.append(f"month: gold {g['start'][:7]}, got {v['period']}")
    return failures


def event_families(types: Iterable[str], reader: PredictionReader) -> set[str]:
    """The scored families (:data:`SCORED_EVENT_FAMILIES`) that classes (IRIs) belong to."""
    return {family for t in types for family in SCORED_EVENT_FAMILIES
            if reader.is_subclass(t, str(IG[family]))}


def gold_families(gold: GoldItem, reader: PredictionReader) -> set[str]:
    return event_families((str(IG[t]) for t in as_list(gold.data["type"])), reader)


def blind_event_failures(gold: GoldItem, pred: Predicted, reader: PredictionReader) -> list[str]:
    """Family, place (the same, inside it or around it, through ig:partOf) and the month of
    the gold's start."""
    g, v = gold.data, pred.values
    failures = []
    wanted, got = gold_families(gold, reader), event_families(pred.types, reader)
    if not wanted & got:
        failures.append(f"family: gold {'|'.join(sorted(wanted))}, got {'|'.join(sorted(got)) or '?'}")
    places = [place_iri(p) for p in as_list(g["place"])]
    if places and not any(reader.within(loc, p) or reader.within(p, loc)
                          for loc in v["locations"] for p in places):
        failures.append(f"place: gold {'|'.join(as_list(g['place']))}, got {slugs(v['locations'])}")
    if g["start"] is not None and not same_month(g["start"], v["period"]):
        failures.append(f"month: gold {g['start'][:7]}, got {v['period']}")
    return failures


def side_failures(gold: GoldItem, pred: Predicted, reader: PredictionReader) -> list[str]:
    """Every known actor the gold names in a side of its family is in that role of the event."""
    roles = sorted({side for family in gold_families(gold, reader) for side in SIDES.get(family, ())})
    failures = []
    for key, role in roles:
        for slug in as_list(gold.data.get(key)):
            iri = reader.known_actor(slug)
            if iri is not None and iri not in pred.values[role]:
                failures.append(f"{key}: gold {slug}, got {slugs(pred.values[role])}")
    return failures


def blind_event_side_failures(gold: GoldItem, pred: Predicted, reader: PredictionReader) -> list[str]:
    """The event matches (:func:`blind_event_failures`) and has the gold's sides."""
    return blind_event_failures(gold, pred, reader) + side_failures(gold, pred, reader)


def wrong_side_failures(gold: GoldItem, pred: Predicted, reader: PredictionReader) -> list[str]:
    """No actor in a side for which the gold names known actors is unrelated to them: a wrong
    side beside the right one ("taken by the SDF and the Syrian army") is a false fact. The same
    actor at another level (:meth:`PredictionReader.related_actors`) is not wrong; a side the
    gold leaves empty or names only by an actor the reference data lacks is not judged."""
    roles = sorted({side for family in gold_families(gold, reader) for side in SIDES.get(family, ())})
    failures = []
    for key, role in roles:
        wanted = {iri for slug in as_list(gold.data.get(key)) if (iri := reader.known_actor(slug))}
        if not wanted:
            continue
        for actor in sorted(pred.values[role]):
            if not any(reader.related_actors(actor, w) for w in wanted):
                failures.append(f"{key}: {slug_of(actor)} is wrong (gold {slugs(wanted)})")
    return failures


def blind_event_exact_side_failures(gold: GoldItem, pred: Predicted, reader: PredictionReader) -> list[str]:
    """The event has the gold's sides (:func:`blind_event_side_failures`) and no wrong one."""
    return blind_event_side_failures(gold, pred, reader) + wrong_side_failures(gold, pred, reader)


def blind_claim_failures(gold: GoldItem, pred: Predicted, _reader: PredictionReader) -> list[str]:
    """Evidence or quote overlapping the gold evidence, and the speaker or the organisation
    agreeing: the predicted claimant or onBehalfOf is the gold claimant or on_behalf_of."""
    g, v = gold.data, pred.values
    failures = []
    wanted = {iri for slug in [g["claimant"], *as_list(g.get("on_behalf_of"))]
              for iri in claimant_iris(slug)}
    if not wanted & (v["claimant"] | v["on_behalf_of"]):
        gold_for = f" for {g['on_behalf_of']}" if g.get("on_behalf_of") else ""
        got_for = f" for {slugs(v['on_behalf_of'])}" if v["on_behalf_of"] else ""
        failures.append(f"speaker: gold {g['claimant']}{gold_for}, got {slugs(v['claimant'])}{got_for}")
    if not any(overlap((gold.start, gold.end), span) for span in pred.spans):
        failures.append(f"span: gold {gold.start}-{gold.end}, got {pred.spans}")
    return failures


def everything(_item: GoldItem | Predicted, _reader: PredictionReader) -> bool:
    return True


def gold_has_a_count(gold: GoldItem, _reader: PredictionReader) -> bool:
    return gold.data["strike_count"] is not None


def predicts_a_count(pred: Predicted, _reader: PredictionReader) -> bool:
    return pred.values["strike_count"] is not None


def gold_of_a_scored_family(gold: GoldItem, reader: PredictionReader) -> bool:
    return bool(gold_families(gold, reader))


def predicted_of_a_scored_family(pred: Predicted, reader: PredictionReader) -> bool:
    return bool(event_families(pred.types, reader))


@dataclass(frozen=True)
class Row:
    """One row of a score table: which gold items and predictions of a kind it scores, and the
    check that pairs them (an empty list of failures is a match). A row that ``refines``
    another adds criteria to it; it is left out of the micro total."""

    name: str
    kind: str
    failures: FailureCheck
    scores_gold: Callable[[GoldItem, PredictionReader], bool] = everything
    scores_prediction: Callable[[Predicted, PredictionReader], bool] = everything
    refines: str | None = None


MATCHINGS: dict[str, tuple[Row, ...]] = {
    "strict": (
        Row("strike_reports", "strike_reports", strike_report_failures),
        Row("events", "events", event_failures),
        Row("claims", "claims", claim_failures),
        Row("figures", "figures", figure_failures),
    ),
    "blind": (
        Row("strike_reports", "strike_reports", blind_strike_report_failures,
            gold_has_a_count, predicts_a_count),
        Row("events", "events", blind_event_failures,
            gold_of_a_scored_family, predicted_of_a_scored_family),
        Row("events_sides", "events", blind_event_side_failures,
            gold_of_a_scored_family, predicted_of_a_scored_family, refines="events"),
        Row("events_sides_exact", "events", blind_event_exact_side_failures,
            gold_of_a_scored_family, predicted_of_a_scored_family, refines="events"),
        Row("claims", "claims", blind_claim_failures),
        Row("figures", "figures", figure_failures),
    ),
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


def greedy_pairs(gold: list[GoldItem], predicted: list[Predicted], reader: PredictionReader,
                 check: FailureCheck) -> list[tuple[GoldItem, Predicted]]:
    """One-to-one pairs of matching items, the best-agreeing evidence spans first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
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
    row: str  # the row of the table it was missed in


@dataclass
class Scores:
    """Per-row and micro-averaged scores, and the unmatched items on both sides.

    ``missed``, ``spurious`` and ``matched`` are those of the rows of the four kinds; a row
    that refines another (events with sides) lists in ``refined_missed`` only the gold items
    its base row matched and it did not, with the prediction they were paired with."""

    per_type: dict[str, TypeScore]
    missed: list[Miss] = field(default_factory=list)
    spurious: list[Predicted] = field(default_factory=list)
    matched: list[tuple[GoldItem, Predicted]] = field(default_factory=list)
    articles_without_graph: list[str] = field(default_factory=list)
    refines: dict[str, str] = field(default_factory=dict)  # row → the row it adds criteria to
    refined_missed: list[Miss] = field(default_factory=list)

    @property
    def micro(self) -> TypeScore:
        """The sum over the rows of the four kinds (a refining row would count items twice)."""
        total = TypeScore()
        for name, score in self.per_type.items():
            if name not in self.refines:
                total.add(score)
        return total

    def table(self) -> str:
        """An aligned plain-text table: one row per scored row and a micro total."""
        header = ("type", "gold", "pred", "TP", "FP", "FN", "precision", "recall", "F1")
        rows = [(KIND_LABELS[k], s) for k, s in self.per_type.items()]
        rows.append(("micro total", self.micro))
        width = max(15, *(len(label) + 2 for label, _ in rows))
        lines = [f"{header[0]:<{width}}" + "".join(f"{h:>6}" for h in header[1:6])
                 + "".join(f"{h:>10}" for h in header[6:])]
        for label, s in rows:
            counts = (s.gold, s.predicted, s.tp, s.fp, s.fn)
            lines.append(f"{label:<{width}}" + "".join(f"{n:>6}" for n in counts)
                         + "".join(f"{x:>10.3f}" for x in (s.precision, s.recall, s.f1)))
        if self.articles_without_graph:
            missing = ", ".join(self.articles_without_graph)
            lines.append(f"articles with gold but not in the graph: {missing}")
        return "\n".join(lines)

    def errors(self) -> str:
        """The unmatched gold items (with their evidence and the nearest prediction) and the
        unmatched predictions (with the quote of their evidence), row by row."""
        lines = []
        for name in self.per_type:
            if name in self.refines:
                missed = [m for m in self.refined_missed if m.row == name]
                if missed:
                    lines.append(f"== {KIND_LABELS[name]}: {len(missed)} matched as "
                                 f"{KIND_LABELS[self.refines[name]]} but not on these criteria")
                lines.extend(miss_lines(missed))
                continue
            missed = [m for m in self.missed if m.row == name]
            spurious = [p for p in self.spurious if p.kind == name]
            if not missed and not spurious:
                continue
            lines.append(f"== {KIND_LABELS[name]}: {len(missed)} missed, {len(spurious)} spurious")
            lines.extend(miss_lines(missed))
            for pred in spurious:
                lines.append(f"FP {pred.article} {describe_predicted(pred)}")
                lines.extend(f"     «{short(quote)}»" for quote in pred.quotes[:1])
        return "\n".join(lines) if lines else "no errors"


def miss_lines(missed: Iterable[Miss]) -> Iterator[str]:
    for miss in missed:
        yield f"FN {miss.item.article} {describe_gold(miss.item)}"
        if miss.closest is not None:
            yield f"     closest {describe_predicted(miss.closest)}"
            yield from (f"     - {reason}" for reason in miss.reasons)


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
        sides = [f"{key}={'/'.join(as_list(g.get(key)))}" for key in ("gained", "lost", "perpetrator", "target")
                 if as_list(g.get(key))]
        what = " ".join([what, *sides])
    elif item.kind == "claims":
        what = f"by {g['claimant']}" + (f" for {g['on_behalf_of']}" if g.get("on_behalf_of") else "")
    else:
        what = f"{g['measure']}={g['value']:g}"
    evidence = item.evidence
    shown = "sealed: give --texts to see it" if evidence is None else short(evidence)
    return f"[{item.start}-{item.end}] {what} «{shown}»"


def describe_predicted(pred: Predicted) -> str:
    v = pred.values
    if pred.kind == "strike_reports":
        what = (f"{slugs(v['perpetrator'])} {slugs(v['countries'])}"
                f" count={count_text(v['strike_count'])}"
                f" eng={count_text(v['engagement_count'])} {v['period']}")
    elif pred.kind == "events":
        types = sorted(slug_of(t) for t in pred.types if t.startswith(str(IG._NS)))
        what = f"{'|'.join(types)} at {slugs(v['locations'])} {v['period']}"
        sides = [f"{key}={slugs(v[role])}" for key, role in (
            ("gained", "gainedControl"), ("lost", "lostControl"), ("perpetrator", "perpetrator"),
            ("target", "targetActor")) if v[role]]
        what = " ".join([what, *sides])
    elif pred.kind == "claims":
        what = f"by {slugs(v['claimant'])}"
        if v.get("on_behalf_of"):
            what += f" for {slugs(v['on_behalf_of'])}"
    else:
        what = f"{'/'.join(sorted(v['measure'])) or '?'}={count_text(v['value'])}"
    spans = ",".join(f"{s}-{e}" for s, e in pred.spans)
    return f"[{spans}] {what} <{slug_of(pred.node)}>"


def closest(gold: GoldItem, candidates: list[Predicted], reader: PredictionReader,
            check: FailureCheck) -> tuple[Predicted | None, list[str]]:
    """The unmatched prediction failing the fewest criteria (ties: the best-agreeing span)."""
    best: tuple[int, float] | None = None
    found: tuple[Predicted | None, list[str]] = (None, [])
    for pred in candidates:
        failures = check(gold, pred, reader)
        key = (len(failures), -span_agreement(gold, pred))
        if best is None or key < best:
            best, found = key, (pred, failures)
    return found


def evaluate(gold_dir: str | Path, graph: Graph, background: Iterable[Graph] | None = None,
             *, match: str = "strict", texts: Mapping[str, str] | None = None) -> Scores:
    """Score ``graph`` (a Dataset or Graph of a build) against the gold files in ``gold_dir``.

    ``match`` names the rows of :data:`MATCHINGS`: ``strict`` (the library's default, what the
    test suite's bars use) or ``blind`` (the rules of the blind evaluation sets, the default of
    ``isisgraph evaluate``). ``texts`` (article id → normalised text, see :func:`read_texts`)
    limits the scoring to the gold of those articles, checks every evidence against its text and
    unseals sealed gold so that missed items show their sentence. ``background`` supplies the
    class hierarchy, place containment and known actors (default: the project's TBox and
    reference data, as ``isisgraph.ontology`` loads them); the graph's own
    ``rdfs:subClassOf`` and ``ig:partOf`` triples are always used too.
    """
    if match not in MATCHINGS:
        raise InputError(f"unknown matching {match!r}; use one of {', '.join(MATCHINGS)}")
    gold = load_gold(gold_dir, texts)
    if texts is not None:
        gold = {article: g for article, g in gold.items() if article in texts}
        if not gold:
            raise InputError(f"{gold_dir}: no gold file is about an article of the texts given; "
                             "give the folder the graph was built from")
    if background is None:
        from isisgraph.ontology import load_reference, load_tbox

        background = (load_tbox(), load_reference())
    reader = PredictionReader(graph, background)
    in_graph = reader.articles()
    predicted: dict[tuple[str, str], list[Predicted]] = defaultdict(list)
    for pred in reader.predictions(set(gold)):
        predicted[(pred.article, pred.kind)].append(pred)
    rows = [row for row in MATCHINGS[match] if any(row.kind in g.annotated for g in gold.values())]
    scores = Scores({row.name: TypeScore() for row in rows},
                    refines={row.name: row.refines for row in rows if row.refines})
    scores.articles_without_graph = sorted(a for a in gold if a not in in_graph and not any(
        predicted.get((a, k)) for k in KINDS))
    for article_id, annotated in sorted(gold.items()):
        paired: dict[str, list[tuple[GoldItem, Predicted]]] = {}
        for row in rows:
            if row.kind not in annotated.annotated:
                continue
            gold_items = [g for g in annotated.items[row.kind] if row.scores_gold(g, reader)]
            preds = sorted((p for p in predicted.get((article_id, row.kind), [])
                            if row.scores_prediction(p, reader)), key=lambda p: (p.spans, p.node))
            pairs = greedy_pairs(gold_items, preds, reader, row.failures)
            paired[row.name] = pairs
            matched_gold = {id(g) for g, _ in pairs}
            matched_pred = {id(p) for _, p in pairs}
            unmatched_pred = [p for p in preds if id(p) not in matched_pred]
            score = scores.per_type[row.name]
            score.tp += len(pairs)
            score.fp += len(unmatched_pred)
            score.fn += len(gold_items) - len(pairs)
            if row.refines is not None:
                for item, pred in paired.get(row.refines, []):
                    if id(item) not in matched_gold:
                        reasons = tuple(row.failures(item, pred, reader))
                        scores.refined_missed.append(Miss(item, pred, reasons, row.name))
                continue
            scores.matched.extend(pairs)
            scores.spurious.extend(unmatched_pred)
            for item in gold_items:
                if id(item) not in matched_gold:
                    near, reasons = closest(item, unmatched_pred, reader, row.failures)
                    scores.missed.append(Miss(item, near, tuple(reasons), row.name))
    return scores
