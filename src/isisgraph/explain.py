"""Why does the graph say this? A node in words, and the sentences it rests on.

``explain(dataset, node)`` gathers what the graph holds about one node — its types, label and
properties (with the labels of the things they point to), the parts of an n-ary node
(target engagements), what points at it (claims about it, reports of the same event) — and
each piece of evidence: the article's publisher, date and address, and the sentence with
the supporting span marked «like this». The sentence is read from the article file named
in the meta graph (``ig:sourceFile``) when that file is still there and its text has the
recorded ``ig:textSha256``; otherwise the quote selectors stored in the graph
(``oa:prefix``, ``oa:exact``, ``oa:suffix``) are shown instead, and the explanation says so.

For an actor or a place, the evidence is the mentions that refer to it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, Dataset, Literal, URIRef
from rdflib.term import Node

from isisgraph.derive import IGD
from isisgraph.errors import ConformanceError, InputError
from isisgraph.ingest import normalise, text_sha256
from isisgraph.namespaces import GEO, ID, IG, OA, REFERENCE_GRAPH, SCHEMA
from isisgraph.query import short_iri

MARK_OPEN, MARK_CLOSE = "«", "»"
SENTENCE_LIMIT = 400  # characters shown around a span when its sentence is longer
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "col", "gen", "lt", "maj", "capt", "sgt", "adm", "brig", "gov", "sen",
    "rep", "st", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "u.s", "u.k", "u.n", "vs", "etc", "inc", "corp", "jr", "sr",
}
HIDDEN = {RDF.type, IG.evidence, IG.hasTargetEngagement, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel,
          GEO.hasGeometry}
ORDER = [IG.strikeCount, IG.engagementCount, IG.killedCount, IG.woundedCount, IG.arrestedCount,
         IG.surrenderedCount, IG.countQualifier, IG.trigger, IG.perpetrator, IG.targetActor,
         IG.gainedControl, IG.lostControl, IG.claimant, IG.onBehalfOf, IG.claimType, IG.channel,
         IG.quote, IG.measure, IG.value, IG.unit, IG.subject, IG.inCountry, IG.location,
         IG.startDate, IG.endDate, IG.claimDate, IG.asOf, IG.datePrecision, IG.dateBasis, IG.dateText,
         IG.targetType, IG.about, IG.partOfReport, IG.partOfOperation, IG.sameEventAs, IG.sameReportAs]


class NodeNotFoundError(ConformanceError):
    """The node is not in the graph (exit 1)."""


@dataclass
class Fact:
    """One property of a node in words: ``label`` of the property, ``value`` in words."""

    label: str
    value: str
    iri: str | None = None


@dataclass
class Evidence:
    """One span supporting the node, with its article and the sentence around it."""

    of: str  # the node the evidence is attached to (the node itself or a mention of it)
    article: str
    start: int
    end: int
    exact: str
    marked: str  # the sentence (or the stored quote) with the span between « »
    from_source: bool
    note: str = ""  # why the sentence could not be read from the article file
    headline: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    url: str | None = None
    extractor: str | None = None
    confidence: Decimal | None = None


@dataclass
class Explanation:
    iri: str
    label: str | None
    types: list[str]
    facts: list[Fact] = field(default_factory=list)
    parts: list[tuple[str, list[Fact]]] = field(default_factory=list)
    pointed_at_by: list[Fact] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    evidence_total: int = 0
    from_reference: bool = False


# ---------------------------------------------------------------------- finding the node


def resolve_node(dataset: Dataset, text: str) -> URIRef:
    """The node meant by ``text``: a full IRI (with or without <>), ``kind/...`` under the id
    base (``event/a2/e-hawija``, ``place/hawija``), ``ig:Term``, or a label (``Hawija``)."""
    value = text.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    candidates: list[URIRef] = []
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", value):
        candidates.append(URIRef(value))
    elif value.startswith("ig:"):
        candidates.append(IG._NS[value[3:]])
    elif "/" in value and " " not in value:
        candidates.append(URIRef(str(ID) + value))
    for candidate in candidates:
        if in_graph(dataset, candidate):
            return candidate
    if candidates and str(candidates[0]).startswith(str(ID)):
        from isisgraph.names import Names

        known = Names.of(dataset)
        found = known.resolve(value)  # a slug in another case: place/Abu-Kamal
        if found is not None:
            return found
        raise NodeNotFoundError(f"{short_iri(str(candidates[0]))} is not in the graph; {known.hint(value)}")
    if candidates:
        raise NodeNotFoundError(f"{short_iri(str(candidates[0]))} is not in the graph; "
                                "`isisgraph query provenance --param node=...` lists nodes with evidence")
    matches = sorted({s for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel, RDFS.label)
                      for s, label in dataset.subject_objects(prop)
                      if isinstance(s, URIRef) and str(label).casefold() == value.casefold()}, key=str)
    individuals = [m for m in matches if str(m).startswith(str(ID))] or matches
    if len(individuals) == 1:
        return individuals[0]
    if individuals:
        names = ", ".join(short_iri(str(m)) for m in individuals)
        raise InputError(f"{value!r} names several nodes: {names}; give one of them")
    # as users write names: another case, spacing or punctuation ("Al Qa'im" for Al-Qaim)
    from isisgraph.names import Names

    known = Names.of(dataset)
    found = known.resolve(value)
    if found is not None:
        return found
    raise NodeNotFoundError(f"nothing in the graph is called {value!r}; {known.hint(value)}; "
                            "or give an IRI or kind/slug such as place/hawija")


def in_graph(dataset: Dataset, node: URIRef) -> bool:
    return next(dataset.triples((node, None, None)), None) is not None or \
        next(dataset.triples((None, None, node)), None) is not None


# ---------------------------------------------------------------------- words


class Words:
    """Labels of nodes and properties, read from the dataset (ontology and reference graphs)."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    def label(self, node: Node) -> str | None:
        english = [o for p in (SKOS.prefLabel, RDFS.label) for o in self.dataset.objects(node, p)
                   if isinstance(o, Literal) and o.language in (None, "en")]
        return sorted(str(o) for o in english)[0] if english else None

    def name(self, node: Node) -> str:
        """A node as a reader sees it: its label, else its short IRI."""
        if isinstance(node, Literal):
            return literal_text(node)
        return self.label(node) or short_iri(str(node))

    def value(self, node: Node) -> Fact:
        if isinstance(node, Literal):
            return Fact("", literal_text(node))
        label = self.label(node)
        short = short_iri(str(node))
        return Fact("", f"{label}  ({short})" if label and label != short else short, str(node))

    def types(self, node: Node) -> list[str]:
        out = []
        for cls in sorted(set(self.dataset.objects(node, RDF.type)), key=str):
            label = self.label(cls)
            out.append(f"{label} ({short_iri(str(cls))})" if label else short_iri(str(cls)))
        return out

    def facts(self, node: Node) -> list[Fact]:
        rank = {p: i for i, p in enumerate(ORDER)}
        derived = str(IGD)  # computed for the queries (isisgraph.derive), not said by an article
        predicates = sorted({p for p in self.dataset.predicates(node, None)
                             if p not in HIDDEN and not str(p).startswith(derived)},
                            key=lambda p: (rank.get(p, len(rank)), str(p)))
        facts = []
        for predicate in predicates:
            for obj in sorted(set(self.dataset.objects(node, predicate)), key=str):
                fact = self.value(obj)
                fact.label = self.label(predicate) or property_words(predicate)
                facts.append(fact)
        return facts


WELL_KNOWN = {RDFS.comment: "description", RDFS.seeAlso: "see also", RDFS.label: "label"}


def property_words(predicate: Node) -> str:
    """A property without a label in words: ``rdfs:comment`` → description, ``schema:datePublished``
    → date published."""
    if predicate in WELL_KNOWN:
        return WELL_KNOWN[predicate]
    local = re.split(r"[#/]", str(predicate))[-1]
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local).lower() or short_iri(str(predicate))


def with_article(words: str) -> str:
    """'armed group' → 'an armed group'."""
    return ("an " if re.match(r"[aeiou]", words, re.IGNORECASE) else "a ") + words


def literal_text(value: Literal) -> str:
    python = value.toPython()
    if isinstance(python, Decimal):
        return format(python.normalize(), "f")
    if isinstance(python, dt.date | dt.datetime):
        return python.isoformat()
    return str(value)


# ---------------------------------------------------------------------- article text


def source_candidates(source: str, graph_path: Path | None) -> Iterable[tuple[Path, int | None]]:
    """Where the article file may be: as recorded, else beside the graph file or above it.
    A JSONL source is recorded as ``path:line``."""
    match = re.fullmatch(r"(?P<path>.+\.jsonl):(?P<line>\d+)", source)
    path, line = (Path(match["path"]), int(match["line"])) if match else (Path(source), None)
    yield path, line
    if not path.is_absolute() and graph_path is not None:
        for folder in [graph_path.resolve().parent, *graph_path.resolve().parents]:
            yield folder / path, line


def read_source(path: Path, line: int | None) -> str | None:
    try:
        if line is None:
            return normalise(path.read_bytes().decode("utf-8"))
        with path.open(encoding="utf-8") as handle:
            for number, text in enumerate(handle, start=1):
                if number == line:
                    record = json.loads(text)
                    return normalise(record["text"]) if isinstance(record, dict) else None
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
        return None
    return None


def article_text(dataset: Dataset, article: URIRef, graph_path: Path | None) -> tuple[str | None, str]:
    """The article's normalised text when its file is found unchanged, else None and why."""
    source = dataset.value(article, IG.sourceFile)
    digest = dataset.value(article, IG.textSha256)
    if source is None:
        return None, "the graph records no source file"
    tried = []
    for path, line in source_candidates(str(source), graph_path):
        if not path.is_file():
            continue
        text = read_source(path, line)
        if text is not None and (digest is None or text_sha256(text) == str(digest)):
            return text, ""
        tried.append(str(path))
    if tried:
        return None, f"{tried[0]} has changed since the build"
    return None, f"{source} was not found"


SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n")


def is_boundary(text: str, match: re.Match[str]) -> bool:
    """Whether a sentence ends at ``match``: not after an abbreviation or an initial, and the
    next sentence starts with a capital, a digit after a newline, or a quote."""
    if match.group().startswith("\n"):
        return True
    word = re.search(r"([A-Za-z.]+)$", text[max(0, match.start() - 12):match.start()])
    if word and (word[1].lower().rstrip(".") in ABBREVIATIONS or re.fullmatch(r"[A-Z]", word[1])):
        return False
    following = text[match.end():match.end() + 1]
    return not following or following.isupper() or following in "\"'“‘(["


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or sentences) around ``text[start:end]``, cut SENTENCE_LIMIT characters
    before and after the span when no sentence boundary comes sooner."""
    sentence_start = max(0, start - SENTENCE_LIMIT)
    for match in SENTENCE_END.finditer(text, sentence_start, start):
        if match.end() <= start and is_boundary(text, match):
            sentence_start = match.end()
    sentence_end = min(len(text), end + SENTENCE_LIMIT)
    for match in SENTENCE_END.finditer(text, max(end - 1, 0), sentence_end):
        if match.start() >= end - 1 and is_boundary(text, match):
            sentence_end = match.start() + (0 if match.group().startswith("\n") else 1)
            break
    return sentence_start, max(sentence_end, end)


def marked_sentence(text: str, start: int, end: int) -> str:
    """The sentence around the span, the span between « », cuts shown as …"""
    lo, hi = sentence_bounds(text, start, end)
    before = ("…" if lo == start - SENTENCE_LIMIT and lo > 0 else "") + text[lo:start]
    after = text[end:hi] + ("…" if hi == end + SENTENCE_LIMIT and hi < len(text) else "")
    return (flat(before) + MARK_OPEN + flat(text[start:end]) + MARK_CLOSE + flat(after)).strip()


def flat(text: str) -> str:
    """Whitespace runs as single spaces, keeping a leading or trailing space."""
    return re.sub(r"\s+", " ", text)


# ---------------------------------------------------------------------- evidence


def evidence_of(dataset: Dataset, node: URIRef) -> list[tuple[URIRef, URIRef]]:
    """(evidence, what it is attached to): the node's own; else that of the mentions of it;
    else, for a speaker minted from the text, that of the claims made by or for it."""
    own = [(ev, node) for ev in dataset.objects(node, IG.evidence) if isinstance(ev, URIRef)]
    if own:
        return own
    mentions = [(ev, mention) for mention in dataset.subjects(IG.refersTo, node)
                for ev in dataset.objects(mention, IG.evidence)
                if isinstance(ev, URIRef) and isinstance(mention, URIRef)]
    if mentions:
        return mentions
    return [(ev, claim) for prop in SPEAKER_OF for claim in dataset.subjects(prop, node)
            for ev in dataset.objects(claim, IG.evidence) if isinstance(ev, URIRef) and isinstance(claim, URIRef)]


def selector_values(dataset: Dataset, evidence: URIRef) -> dict[str, Node]:
    values: dict[str, Node] = {}
    for selector in dataset.objects(evidence, OA.hasSelector):
        for key in ("start", "end", "exact", "prefix", "suffix"):
            value = dataset.value(selector, OA[key])
            if value is not None:
                values[key] = value
    return values


def read_evidence(dataset: Dataset, evidence: URIRef, of: URIRef, graph_path: Path | None,
                  texts: dict[URIRef, tuple[str | None, str]]) -> Evidence | None:
    article = dataset.value(evidence, OA.hasSource)
    values = selector_values(dataset, evidence)
    if not isinstance(article, URIRef) or "start" not in values or "end" not in values:
        return None
    start, end = int(values["start"].toPython()), int(values["end"].toPython())  # type: ignore[union-attr]
    exact = str(values.get("exact", ""))
    if article not in texts:
        texts[article] = article_text(dataset, article, graph_path)
    text, note = texts[article]
    if text is not None and text[start:end] == exact:
        marked, from_source = marked_sentence(text, start, end), True
    else:
        if text is not None:
            note = "the span no longer matches the article text"
        prefix, suffix = str(values.get("prefix", "")), str(values.get("suffix", ""))
        marked = "…" + flat(prefix) + MARK_OPEN + flat(exact) + MARK_CLOSE + flat(suffix) + "…"
        from_source = False
    published = dataset.value(article, SCHEMA.datePublished)
    confidence = dataset.value(evidence, IG.confidence)
    extractor = dataset.value(evidence, IG.extractor)
    headline, publisher, url = (dataset.value(article, p) for p in (SCHEMA.headline, SCHEMA.publisher, SCHEMA.url))
    return Evidence(
        of=str(of), article=str(article), start=start, end=end, exact=exact, marked=marked,
        from_source=from_source, note=note,
        headline=str(headline) if headline is not None else None,
        publisher=str(publisher) if publisher is not None else None,
        published=published.toPython() if isinstance(published, Literal) else None,
        url=str(url) if url is not None else None,
        extractor=str(extractor) if extractor is not None else None,
        confidence=confidence.toPython() if isinstance(confidence, Literal) else None,
    )


# ---------------------------------------------------------------------- the explanation


INCOMING = {  # property pointing at the node → how to say it from the node's side
    IG.about: "claim about it", IG.partOfReport: "breakdown", IG.perpetrator: "perpetrator in",
    IG.targetActor: "target in", IG.gainedControl: "gained control in", IG.lostControl: "lost control in",
    IG.claimant: "claimant of", IG.onBehalfOf: "spoken for in", IG.subject: "subject of",
    IG.location: "location of", IG.inCountry: "country of", IG.partOf: "contains", IG.memberOf: "has member",
}
SPEAKER_OF = (IG.claimant, IG.onBehalfOf)  # a person's words are the evidence for who they are


def pointed_at_by(dataset: Dataset, node: URIRef, words: Words, limit: int) -> list[Fact]:
    """What refers to the node: claims about it, breakdowns of it, events it takes part in."""
    facts: list[Fact] = []
    for predicate, label in INCOMING.items():
        subjects = sorted({s for s in dataset.subjects(predicate, node) if isinstance(s, URIRef)}, key=str)
        for subject in subjects[:limit]:
            types = sorted(set(dataset.objects(subject, RDF.type)), key=str)
            kinds = ", ".join(words.label(c) or short_iri(str(c)) for c in types)
            when = dataset.value(subject, IG.startDate) or dataset.value(subject, IG.claimDate)
            detail = ", ".join(x for x in (kinds, literal_text(when) if isinstance(when, Literal) else "") if x)
            facts.append(Fact(label, f"{words.name(subject)}" + (f"  ({detail})" if detail else ""), str(subject)))
        if len(subjects) > limit:
            facts.append(Fact(label, f"… and {len(subjects) - limit} more"))
    mentions = {a for a in dataset.subjects(IG.mentions, node)}
    if mentions:
        facts.append(Fact("mentioned in", f"{len(mentions)} article{'s' if len(mentions) != 1 else ''}"))
    return facts


def explain(dataset: Dataset, node: URIRef, graph_path: str | Path | None = None, limit: int = 10) -> Explanation:
    """Everything needed to say, in words, what the graph holds about ``node`` and why."""
    if not in_graph(dataset, node):
        raise NodeNotFoundError(f"{short_iri(str(node))} is not in the graph")
    words = Words(dataset)
    path = Path(graph_path) if graph_path is not None else None
    result = Explanation(iri=str(node), label=words.label(node), types=words.types(node), facts=words.facts(node))
    for geometry in dataset.objects(node, GEO.hasGeometry):
        for wkt in dataset.objects(geometry, GEO.asWKT):
            result.facts.append(Fact("coordinates", str(wkt)))
    result.from_reference = in_graph(dataset.graph(REFERENCE_GRAPH), node)
    for part in sorted(set(dataset.objects(node, IG.hasTargetEngagement)), key=str):
        target_type = dataset.value(part, IG.targetType)
        name = words.name(target_type) if target_type is not None else short_iri(str(part))
        result.parts.append((name, words.facts(part)))
    result.pointed_at_by = pointed_at_by(dataset, node, words, limit)
    texts: dict[URIRef, tuple[str | None, str]] = {}
    found = [read_evidence(dataset, ev, of, path, texts) for ev, of in evidence_of(dataset, node)]
    evidence = sorted((e for e in found if e is not None),
                      key=lambda e: (e.published or dt.date.min, e.article, e.start, e.end))
    result.evidence_total = len(evidence)
    result.evidence = evidence[:limit]
    return result


def format_explanation(explanation: Explanation) -> str:
    """The explanation as text for a terminal."""
    lines = [short_iri(explanation.iri) + (f" — {explanation.label}" if explanation.label else "")]
    lines.append("  " + (with_article("; ".join(explanation.types)) if explanation.types else "a node without a type"))
    width = max([len(f.label) for f in explanation.facts + explanation.pointed_at_by] + [12])
    for fact in explanation.facts:
        lines.append(f"  {fact.label.ljust(width)}  {fact.value}")
    for name, facts in explanation.parts:
        details = ", ".join(f"{f.label} {f.value.split('  (')[0]}" for f in facts if f.label != "target type")
        lines.append(f"  {'target'.ljust(width)}  {name}" + (f" ({details})" if details else ""))
    for fact in explanation.pointed_at_by:
        lines.append(f"  {fact.label.ljust(width)}  {fact.value}")
    total = explanation.evidence_total
    if total == 0:
        lines.append("\nNo evidence: this node comes from the reference data, not from an article."
                     if explanation.from_reference else "\nNo evidence is recorded for this node.")
        return "\n".join(lines) + "\n"
    shown = len(explanation.evidence)
    lines.append(f"\nEvidence ({total}{f', first {shown} shown' if shown < total else ''}):")
    for number, ev in enumerate(explanation.evidence, start=1):
        source = ", ".join(x for x in (ev.publisher, ev.published.isoformat() if ev.published else None) if x)
        lines.append(f"  [{number}] {source or short_iri(ev.article)}" + (f" — {ev.url}" if ev.url else ""))
        if ev.headline:
            lines.append(f"      {ev.headline}")
        lines.append(f"      {ev.marked}")
        via = "" if ev.of == explanation.iri else f", via {short_iri(ev.of)}"
        rule = f", rule {ev.extractor}" if ev.extractor else ""
        conf = f", confidence {format(ev.confidence.normalize(), 'f')}" if isinstance(ev.confidence, Decimal) else ""
        lines.append(f"      {short_iri(ev.article)}, characters {ev.start}–{ev.end}{via}{rule}{conf}")
        if not ev.from_source:
            lines.append(f"      (stored quote shown: {ev.note})")
    return "\n".join(lines) + "\n"
