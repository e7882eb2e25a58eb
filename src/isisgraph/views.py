"""The graph as networkx views and saved-query answers as pandas tables, for notebooks.

Four views of a build (:data:`VIEWS`), each a ``networkx.MultiDiGraph`` whose node ids are
IRIs, added in IRI order so that two calls on the same graph give the same graph:

- ``actors``: who acts with or against whom. Actors (organisations and persons) that take a
  role in an extracted event, strike report or claim; an edge per record and relation:
  perpetrator → target actor ("against"), a strike report's perpetrator → the actor it struck
  ("struck": its ``ig:targetActor`` as extracted, ``basis`` "stated"; only when it has none, the
  armed groups its own evidence sentence names, ``basis`` "named in the report's evidence"),
  gained control → lost control ("took from"),
  actors on the same side of one record ("with": co-perpetrators, those who took a place
  together; the parties to an ``ig:Clash`` are "clashed with" instead), claimant → the
  actor a claim or figure is about ("claims about") and spokesperson → organisation
  ("speaks for").
- ``places``: places the articles mention or locate something at, with their ``ig:partOf``
  ancestors and the direct ``ig:partOf`` links between them; how many events, strike
  reports, claims, mentions and articles each place has are node attributes.
- ``events``: events, strike reports, claims and figures linked by their role properties to
  the actors, places, operations and other records they name (one edge per triple).
- ``full``: every IRI node and IRI-valued edge (not ``rdf:type``) of the article graphs and
  the reconcile graph, with the reference individuals and articles they touch.

Every node has ``label`` (``skos:prefLabel``, a headline, or words made from the record),
``type`` (the most specific ``ig:`` class, e.g. ``ControlChange``; a CURIE such as
``oa:TextQuoteSelector`` when it has none), ``type_label`` and ``kind`` (actor, place, event,
report, claim, figure, operation, article, ...). Records carry their first evidence
(``evidence`` = the quoted span, ``evidence_prefix``/``evidence_suffix``, ``article``,
``url``, ``publisher``, ``published``, ``headline``); actors, places and operations carry
the same for the first record that names them (a sentence), or else their first mention (the
name with a little context). Edges have ``label`` and ``predicate``. Attributes are
plain strings and numbers (never None), so ``nx.write_graphml`` takes any view as it is.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any

from rdflib import OWL, RDF, RDFS, SKOS, Dataset, Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.term import Node

from isisgraph.errors import InputError
from isisgraph.namespaces import GEO, GRAPH, ID, IG, OA, SCHEMA, prefixed_name
from isisgraph.ontology import tbox_hierarchy

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

VIEWS = ("actors", "places", "events", "full")

DOC_PREFIX = str(GRAPH["doc/"])
RECONCILE_GRAPH = GRAPH["reconcile"]

# The broad kind of a node, from the first of these classes it is an instance of (classes
# are compared through the TBox's subclass closure, so ig:SuicideAttack is an "event").
KIND_CLASSES = (
    (IG.StrikeReport, "report"),
    (IG.FigureReport, "figure"),
    (IG.Claim, "claim"),
    (IG.Event, "event"),
    (IG.Operation, "operation"),
    (IG.Actor, "actor"),
    (IG.Place, "place"),
    (IG.NewsArticle, "article"),
    (IG.Mention, "mention"),
    (IG.Evidence, "evidence"),
    (IG.TargetEngagement, "target"),
    (IG.ExtractionGraph, "provenance"),
    (IG.ExtractionRun, "provenance"),
    (SKOS.Concept, "concept"),
    (OA.TextPositionSelector, "selector"),
    (OA.TextQuoteSelector, "selector"),
    (GEO.Geometry, "geometry"),
)
RECORD_KINDS = ("event", "report", "claim", "figure")
LINKED_KINDS = frozenset(("actor", "place", "operation", *RECORD_KINDS))

# Actors-view relations: (name, the role property that gives the relation its direction).
AGAINST = "against"
STRUCK = "struck"
TOOK_FROM = "took from"
WITH = "with"
CLASHED_WITH = "clashed with"
CLAIMS_ABOUT = "claims about"
SPEAKS_FOR = "speaks for"

WKT_POINT = re.compile(r"POINT\s*\(\s*(?P<lon>-?[\d.]+)\s+(?P<lat>-?[\d.]+)\s*\)", re.IGNORECASE)


# ---------------------------------------------------------------------- reading the graph


def load_graph(source: str | os.PathLike[str] | Graph) -> Graph:
    """A graph file (.trig, .nq, .ttl, .nt) parsed into an rdflib Dataset, as the query
    commands see it: with the reconcile links (``ig:sameEventAs``, ``ig:sameReportAs``)
    added when the file has article graphs but none. A Graph is returned as given."""
    if isinstance(source, Graph):
        return source
    from isisgraph.store import reconciled_dataset

    return reconciled_dataset(source)


def quads_of(graph: Graph) -> Iterator[tuple[Node, Node, Node, str]]:
    """Every triple with the name of its graph ("" for a plain Graph)."""
    if isinstance(graph, Dataset):
        named: Iterable[Graph] = graph.graphs()
    elif isinstance(graph, ConjunctiveGraph):
        named = graph.contexts()
    else:
        named = [graph]
    for g in named:
        name = "" if g is graph else str(g.identifier)
        for s, p, o in g:
            yield s, p, o, name


def is_extraction_graph(name: str) -> bool:
    return name.startswith(DOC_PREFIX) or name == str(RECONCILE_GRAPH)


def curie(iri: str) -> str:
    return prefixed_name(iri) or iri


def short_id(iri: str) -> str:
    """``https://w3id.org/isisgraph/id/actor/isis`` → ``actor/isis``."""
    return iri[len(str(ID)):] if iri.startswith(str(ID)) else curie(iri)


class GraphReader:
    """Indexes of one build that the views read: every triple by subject (the union of all
    graphs: labels, types, reference data, article metadata) and the triples of the
    extraction graphs (``graph/doc/*`` and ``graph/reconcile``).

    A plain Graph (a Turtle or N-Triples export of the union) has no named graphs; there the
    extraction triples are those whose subject is an article's own node (``id/{kind}/{article
    id}/...``) and the articles' ``ig:mentions``. Places and persons minted by the articles
    then count as reference individuals: their labels and types are known, but their own
    ``ig:partOf`` links are not part of the full view.
    """

    def __init__(self, graph: Graph) -> None:
        self.out: dict[Node, dict[Node, list[Node]]] = defaultdict(lambda: defaultdict(list))
        extracted: set[tuple[Node, Node, Node]] = set()
        named = False
        for s, p, o, g in quads_of(graph):
            objects = self.out[s][p]
            if o not in objects:
                objects.append(o)
            if is_extraction_graph(g):
                named = True
                extracted.add((s, p, o))
        for props in self.out.values():
            for objects in props.values():
                objects.sort()
        if not named:
            extracted = set(self.article_scoped_triples())
        self.extracted = sorted(extracted)
        own = [(s, o) for s, props in self.out.items() for o in props.get(RDFS.subClassOf, ())]
        self.classes = tbox_hierarchy().extended(own) if own else tbox_hierarchy()
        self.kinds: dict[Node, str] = {}

    def article_scoped_triples(self) -> Iterator[tuple[Node, Node, Node]]:
        articles = [s for s, props in self.out.items() if IG.NewsArticle in props.get(RDF.type, ())]
        scopes = tuple(f"/{str(a).rsplit('/', 1)[-1]}/" for a in articles)
        for s, props in self.out.items():
            text = str(s)
            scoped = text.startswith(str(ID)) and any(scope in text for scope in scopes)
            for p, objects in props.items():
                if scoped or (s in articles and p == IG.mentions):
                    for o in objects:
                        yield s, p, o

    # ------------------------------------------------------------------ single values

    def objects(self, node: Node, prop: Node) -> list[Node]:
        props = self.out.get(node)
        return list(props.get(prop, ())) if props else []

    def value(self, node: Node, prop: Node) -> Node | None:
        values = self.objects(node, prop)
        return values[0] if values else None

    def text(self, node: Node, prop: Node) -> str | None:
        """The English (or untagged, or first) literal of ``prop``."""
        literals = [v for v in self.objects(node, prop) if isinstance(v, Literal)]
        for wanted in ("en", None):
            for literal in literals:
                if literal.language == wanted:
                    return str(literal)
        return str(literals[0]) if literals else None

    # ------------------------------------------------------------------ classes

    def types(self, node: Node) -> list[Node]:
        return self.objects(node, RDF.type)

    def is_a(self, node: Node, cls: Node) -> bool:
        return any(self.classes.is_subclass(t, cls) for t in self.types(node))

    def most_specific_type(self, node: Node) -> str:
        """The local name of the most specific ``ig:`` class (``ControlChange``), else a CURIE."""
        types = self.types(node)
        ours = [t for t in types if str(t).startswith(str(IG._NS))]
        candidates = ours or [t for t in types if t not in (OWL.NamedIndividual, RDFS.Resource)]
        if not candidates:
            return "untyped"
        specific = [t for t in candidates
                    if not any(t != other and self.classes.is_subclass(other, t) for other in candidates)]
        chosen = sorted(specific or candidates, key=str)[0]
        return curie(str(chosen))[3:] if str(chosen).startswith(str(IG._NS)) else curie(str(chosen))

    def kind(self, node: Node) -> str:
        if node not in self.kinds:
            self.kinds[node] = next((k for cls, k in KIND_CLASSES if self.is_a(node, cls)), "other")
        return self.kinds[node]

    def term_label(self, term: Node) -> str | None:
        """The rdfs:label of a class or property, from the graph or the project TBox."""
        from isisgraph.ontology import load_tbox

        found = self.text(term, RDFS.label) or load_tbox().value(term, RDFS.label)
        return str(found) if found is not None else None

    def type_label(self, type_name: str) -> str:
        """``ControlChange`` → "control change"; CURIEs of other vocabularies stay as they are."""
        if ":" in type_name:
            return type_name
        return self.term_label(IG._NS[type_name]) or type_name

    def property_label(self, prop: Node) -> str:
        return self.term_label(prop) or curie(str(prop)).split(":", 1)[-1]

    # ------------------------------------------------------------------ labels

    def label(self, node: Node) -> str:
        """What a person calls the node: its preferred label, headline or a short description."""
        for prop in (SKOS.prefLabel, RDFS.label, SCHEMA.headline, SCHEMA.name):
            found = self.text(node, prop)
            if found:
                return found
        kind = self.kind(node)
        described = self.described(node, kind)
        return described or short_id(str(node))

    def described(self, node: Node, kind: str) -> str | None:
        """Words for an extracted record, which has no label of its own."""
        type_label = self.type_label(self.most_specific_type(node))
        type_label = type_label[:1].upper() + type_label[1:]
        date = self.text(node, IG.startDate) or self.text(node, IG.claimDate) or self.text(node, IG.asOf)
        if kind == "event":
            places = [self.label(p) for p in self.objects(node, IG.location)[:2]]
            trigger = self.text(node, IG.trigger)
            head = f"{type_label}: {trigger}" if trigger else type_label
            return " · ".join([head, *places, *([date] if date else [])])
        if kind == "report":
            count = self.text(node, IG.strikeCount)
            where = [self.label(c) for c in self.objects(node, IG.inCountry)]
            head = f"{count} strikes" if count is not None else "strike report"
            return " · ".join([head, *where, *([date] if date else [])])
        if kind == "figure":
            measure = self.value(node, IG.measure)
            value = self.text(node, IG.value)
            unit = self.text(node, IG.unit)
            what = self.label(measure) if measure is not None else "figure"
            return " ".join(x for x in (what, value, unit) if x)
        if kind == "claim":
            claimant = self.value(node, IG.claimant)
            claim_type = self.value(node, IG.claimType)
            who = self.label(claimant) if claimant is not None else "unknown"
            what = self.label(claim_type) if claim_type is not None else "claim"
            return f"{who}: {what}" + (f" · {date}" if date else "")
        if kind == "evidence" or kind == "selector":
            quote = self.quote_of(node)
            return f"“{shorten(quote, 60)}”" if quote else None
        return None

    def quote_of(self, node: Node) -> str | None:
        exact = self.text(node, OA.exact)
        if exact:
            return exact
        for selector in self.objects(node, OA.hasSelector):
            exact = self.text(selector, OA.exact)
            if exact:
                return exact
        start, end = self.text(node, OA.start), self.text(node, OA.end)
        return f"characters {start}–{end}" if start is not None and end is not None else None

    # ------------------------------------------------------------------ evidence

    def evidence(self, evidence: Node) -> dict[str, Any]:
        """An ig:Evidence as flat attributes: quote, prefix, suffix, span and its article."""
        found: dict[str, Any] = {}
        for selector in self.objects(evidence, OA.hasSelector):
            if self.text(selector, OA.exact) is not None:
                found["evidence"] = self.text(selector, OA.exact)
                found["evidence_prefix"] = self.text(selector, OA.prefix) or ""
                found["evidence_suffix"] = self.text(selector, OA.suffix) or ""
            start, end = self.value(selector, OA.start), self.value(selector, OA.end)
            if isinstance(start, Literal) and isinstance(end, Literal):
                found["evidence_start"], found["evidence_end"] = int(start), int(end)
        source = self.value(evidence, OA.hasSource)
        if source is not None:
            found.update(self.article_attributes(source))
        return found

    def article_attributes(self, article: Node) -> dict[str, Any]:
        found: dict[str, Any] = {"article": str(article)}
        for key, prop in (("url", SCHEMA.url), ("headline", SCHEMA.headline),
                          ("publisher", SCHEMA.publisher), ("published", SCHEMA.datePublished)):
            value = self.text(article, prop)
            if value:
                found[key] = value
        return found

    def first_evidence(self, node: Node) -> dict[str, Any]:
        """The evidence with the earliest span (article, start, end) of an extracted node."""
        candidates = [self.evidence(ev) for ev in self.objects(node, IG.evidence)]
        candidates = [c for c in candidates if "evidence" in c]
        if not candidates:
            return {}
        return min(candidates, key=lambda c: (c.get("article", ""), c.get("evidence_start", 0),
                                               c.get("evidence_end", 0)))

    @cached_property
    def mentions_of(self) -> dict[Node, list[Node]]:
        found: dict[Node, list[Node]] = defaultdict(list)
        for s, p, o in self.extracted:
            if p == IG.refersTo:
                found[o].append(s)
        return found

    def first_mention(self, node: Node) -> dict[str, Any]:
        """The first span (by article, then position) that names an actor or place."""
        found = [self.first_evidence(m) for m in self.mentions_of.get(node, ())]
        found = [f for f in found if f]
        if not found:
            return {}
        return min(found, key=lambda c: (c.get("article", ""), c.get("evidence_start", 0)))

    @cached_property
    def actor_spans(self) -> dict[str, list[tuple[int, int, Node]]]:
        """Per article, the spans that name an actor: (start, end, actor), in text order."""
        found: dict[str, list[tuple[int, int, Node]]] = defaultdict(list)
        for node, mentions in self.mentions_of.items():
            if self.kind(node) != "actor":
                continue
            for mention in mentions:
                for evidence in self.objects(mention, IG.evidence):
                    span = self.evidence(evidence)
                    if "evidence_start" in span and "article" in span:
                        found[span["article"]].append((span["evidence_start"], span["evidence_end"], node))
        for spans in found.values():
            spans.sort(key=lambda item: (item[0], item[1], str(item[2])))
        return found

    def actors_named_in(self, record: Node) -> list[Node]:
        """Actors named inside the evidence spans of ``record`` (its own sentence or clause)."""
        named: set[Node] = set()
        for evidence in self.objects(record, IG.evidence):
            span = self.evidence(evidence)
            if "evidence_start" not in span:
                continue
            for start, end, node in self.actor_spans.get(span.get("article", ""), ()):
                if span["evidence_start"] <= start and end <= span["evidence_end"]:
                    named.add(node)
        return sorted(named, key=str)

    def first_naming_record(self, node: Node) -> dict[str, Any]:
        """The first evidence of a record that names ``node`` (a speaker is named by the
        claims they make, not by a mention)."""
        found = [self.first_evidence(r) for r in self.named_by.get(node, ())]
        found = [f for f in found if f]
        if not found:
            return {}
        return min(found, key=lambda c: (c.get("article", ""), c.get("evidence_start", 0)))

    @cached_property
    def named_by(self) -> dict[Node, list[Node]]:
        records = set(self.records)
        found: dict[Node, list[Node]] = defaultdict(list)
        for s, _, o in self.extracted:
            if s in records:
                found[o].append(s)
        return found

    # ------------------------------------------------------------------ records

    @cached_property
    def records(self) -> list[Node]:
        """Extracted events, strike reports, claims and figures, in IRI order."""
        subjects = sorted({s for s, p, _ in self.extracted if p == RDF.type and isinstance(s, URIRef)})
        return [s for s in subjects if self.kind(s) in RECORD_KINDS]

    def extracted_objects(self, node: Node, prop: Node) -> list[Node]:
        """Objects of ``prop`` on ``node`` stated in the extraction graphs."""
        return [o for o in self.objects(node, prop) if (node, prop, o) in self.extracted_set]

    @cached_property
    def extracted_set(self) -> set[tuple[Node, Node, Node]]:
        return set(self.extracted)

    def node_attributes(self, node: Node) -> dict[str, Any]:
        """Label, type and kind; first evidence for records, first mention for the rest."""
        type_name = self.most_specific_type(node)
        kind = self.kind(node)
        attrs: dict[str, Any] = {
            "label": self.label(node),
            "type": type_name,
            "type_label": self.type_label(type_name),
            "kind": kind,
        }
        if kind in RECORD_KINDS:
            attrs.update(self.first_evidence(node))
        elif kind in ("actor", "place", "operation"):
            # a record's span is a sentence or clause; a mention's only the name itself
            attrs.update(self.first_naming_record(node) or self.first_mention(node))
        elif kind == "article":
            attrs.update({k: v for k, v in self.article_attributes(node).items() if k != "article"})
        for key, prop in (("date", IG.startDate), ("end_date", IG.endDate), ("date", IG.claimDate),
                          ("date", IG.asOf)):
            value = self.text(node, prop)
            if value and key not in attrs:
                attrs[key] = value
        return attrs


def shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def reader_for(graph: GraphReader | Graph | str | os.PathLike[str]) -> GraphReader:
    return graph if isinstance(graph, GraphReader) else GraphReader(load_graph(graph))


# ---------------------------------------------------------------------- views


def to_networkx(graph: Graph | str | os.PathLike[str] | GraphReader, view: str = "actors") -> nx.MultiDiGraph:
    """A networkx view of a build: ``actors``, ``places``, ``events`` or ``full`` (see the
    module docstring). ``graph`` is an rdflib Dataset (the named graphs of a TriG or N-Quads
    build) or Graph, or the path of a graph file."""
    if view not in VIEWS:
        raise InputError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    reader = reader_for(graph)
    builders = {"actors": actors_view, "places": places_view, "events": events_view, "full": full_view}
    return builders[view](reader)


def assemble(view: str, reader: GraphReader, nodes: Iterable[Node],
             edges: Iterable[tuple[Node, Node, str, dict[str, Any]]],
             extra: Mapping[Node, Mapping[str, Any]] | None = None) -> nx.MultiDiGraph:
    """A MultiDiGraph with nodes and edges added in a stable order (IRIs, then edge keys)."""
    import networkx as nx  # here, not at the top: every isisgraph command would import it (0.3 s)

    result = nx.MultiDiGraph(view=view)
    extra = extra or {}
    for node in sorted(set(nodes), key=str):
        attrs = reader.node_attributes(node)
        attrs.update(extra.get(node, {}))
        result.add_node(str(node), **{k: plain(v) for k, v in attrs.items() if v is not None})
    for u, v, key, attrs in sorted(edges, key=lambda e: (str(e[0]), str(e[1]), e[2])):
        result.add_edge(str(u), str(v), key=key, **{k: plain(x) for k, x in attrs.items() if x is not None})
    return result


def plain(value: Any) -> Any:
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return str(value)


def record_edge_attributes(reader: GraphReader, record: Node) -> dict[str, Any]:
    """What an actors-view edge says about the record it comes from."""
    evidence = reader.first_evidence(record)
    return {
        "record": str(record),
        "record_label": reader.label(record),
        "record_type": reader.most_specific_type(record),
        "evidence": evidence.get("evidence"),
        "article": evidence.get("article"),
        "url": evidence.get("url"),
    }


def actors_of(reader: GraphReader, record: Node, prop: Node) -> list[Node]:
    return [o for o in reader.extracted_objects(record, prop) if reader.kind(o) == "actor"]


def actors_view(reader: GraphReader) -> nx.MultiDiGraph:
    """Who acts with or against whom, one edge per record and relation."""
    edges: list[tuple[Node, Node, str, dict[str, Any]]] = []
    involvement: dict[Node, Counter[str]] = defaultdict(Counter)

    def link(u: Node, v: Node, relation: str, prop: Node, record: Node, basis: str | None = None) -> None:
        if u != v:
            attrs = {"label": relation, "predicate": str(prop), **record_edge_attributes(reader, record)}
            if basis:
                attrs["basis"] = basis
            edges.append((u, v, f"{relation} {record}", attrs))

    for record in reader.records:
        kind = reader.kind(record)
        roles = {prop: actors_of(reader, record, prop)
                 for prop in (IG.perpetrator, IG.targetActor, IG.gainedControl, IG.lostControl,
                              IG.claimant, IG.onBehalfOf, IG.about, IG.subject)}
        for actor in {a for actors in roles.values() for a in actors}:
            involvement[actor][kind + "s"] += 1
        if kind == "report":
            # whom it struck as extracted from the strikes' own phrase ("strikes against Daesh
            # targets", its total's, its lead's); only when none was, the armed groups its
            # evidence sentence names, no one else (basis says which)
            struck, basis = roles[IG.targetActor], "stated"
            if not struck:
                struck = [a for a in reader.actors_named_in(record)
                          if reader.is_a(a, IG.ArmedGroup) and a not in roles[IG.perpetrator]]
                basis = "named in the report's evidence"
            for v in struck:
                if basis != "stated":  # not among its roles, so not counted above
                    involvement[v][kind + "s"] += 1
                for u in roles[IG.perpetrator]:
                    link(u, v, STRUCK, IG.targetActor, record, basis)
        else:
            for u in roles[IG.perpetrator]:
                for v in roles[IG.targetActor]:
                    link(u, v, AGAINST, IG.targetActor, record)
        for u in roles[IG.gainedControl]:
            for v in roles[IG.lostControl]:
                link(u, v, TOOK_FROM, IG.lostControl, record)
        # the perpetrators of a clash fight each other; of anything else, act together
        relation = CLASHED_WITH if reader.is_a(record, IG.Clash) else WITH
        side = sorted(set(roles[IG.perpetrator]) | set(roles[IG.gainedControl]), key=str)
        for i, u in enumerate(side):
            for v in side[i + 1:]:
                prop = IG.perpetrator if u in roles[IG.perpetrator] else IG.gainedControl
                link(u, v, relation, prop, record)
        for u in roles[IG.claimant]:
            for prop in (IG.about, IG.subject):
                for v in roles[prop]:
                    link(u, v, CLAIMS_ABOUT, prop, record)
            for v in roles[IG.onBehalfOf]:
                link(u, v, SPEAKS_FOR, IG.onBehalfOf, record)
    counts = {actor: {k: involvement[actor][k] for k in ("events", "reports", "claims", "figures")}
              for actor in involvement}
    return assemble("actors", reader, involvement, edges, counts)


def places_view(reader: GraphReader) -> nx.MultiDiGraph:
    """Places named or used by the articles, their ancestors and the partOf links between them."""
    touched = {o for _, _, o in reader.extracted if isinstance(o, URIRef) and reader.kind(o) == "place"}
    touched |= {s for s, _, _ in reader.extracted if isinstance(s, URIRef) and reader.kind(s) == "place"}
    places: set[Node] = set()
    frontier = sorted(touched, key=str)
    while frontier:
        place = frontier.pop()
        if place in places:
            continue
        places.add(place)
        frontier.extend(p for p in reader.objects(place, IG.partOf) if reader.kind(p) == "place")

    located: dict[Node, Counter[str]] = defaultdict(Counter)
    for record in reader.records:
        kind = reader.kind(record)
        where = set(reader.extracted_objects(record, IG.location)) | set(reader.extracted_objects(record, IG.inCountry))
        for place in where:
            located[place][kind + "s"] += 1
    articles: dict[Node, set[Node]] = defaultdict(set)
    mentions: Counter[Node] = Counter()
    for s, p, o in reader.extracted:
        if p == IG.mentions:
            articles[o].add(s)
        elif p == IG.refersTo:
            mentions[o] += 1

    extra: dict[Node, dict[str, Any]] = {}
    for place in places:
        attrs: dict[str, Any] = {k: located[place][k] for k in ("events", "reports", "claims", "figures")}
        attrs["articles"] = len(articles[place])
        attrs["mentions"] = mentions[place]
        attrs.update(coordinates(reader, place))
        geonames = reader.text(place, IG.geonamesId)
        if geonames:
            attrs["geonames_id"] = int(geonames)
        extra[place] = attrs
    edges = [(place, parent, "partOf", {"label": reader.property_label(IG.partOf), "predicate": str(IG.partOf)})
             for place in places for parent in reader.objects(place, IG.partOf) if parent in places]
    return assemble("places", reader, places, edges, extra)


def coordinates(reader: GraphReader, place: Node) -> dict[str, float]:
    for geometry in reader.objects(place, GEO.hasGeometry):
        wkt = reader.text(geometry, GEO.asWKT)
        match = WKT_POINT.search(wkt or "")
        if match:
            return {"lat": float(match["lat"]), "lon": float(match["lon"])}
    return {}


def events_view(reader: GraphReader) -> nx.MultiDiGraph:
    """Records linked by their role properties to actors, places, operations and records."""
    nodes: set[Node] = set(reader.records)
    edges = []
    for record in reader.records:
        for p, o in sorted(reader.out[record].items(), key=lambda item: str(item[0])):
            if p == RDF.type:
                continue
            for target in o:
                if (record, p, target) not in reader.extracted_set or not isinstance(target, URIRef):
                    continue
                if reader.kind(target) not in LINKED_KINDS:
                    continue
                nodes.add(target)
                edges.append((record, target, str(p),
                              {"label": reader.property_label(p), "predicate": str(p)}))
    return assemble("events", reader, nodes, edges)


def full_view(reader: GraphReader) -> nx.MultiDiGraph:
    """Every IRI node and IRI-valued edge of the extraction graphs (rdf:type aside)."""
    nodes: set[Node] = set()
    edges = []
    for s, p, o in reader.extracted:
        if not isinstance(s, URIRef):
            continue
        nodes.add(s)
        if p == RDF.type or not isinstance(o, URIRef):
            continue
        nodes.add(o)
        edges.append((s, o, str(p), {"label": reader.property_label(p), "predicate": str(p)}))
    return assemble("full", reader, nodes, edges)


# ---------------------------------------------------------------------- tables


def query_dataset(graph: Any) -> Any:
    """What :func:`isisgraph.query.run_query` takes: a Dataset or pyoxigraph Store as given
    (never changed), a plain Graph copied into a Dataset, a file loaded by :func:`load_graph`."""
    if isinstance(graph, str | os.PathLike):
        return load_graph(graph)
    if isinstance(graph, Graph) and not isinstance(graph, Dataset):
        dataset = Dataset(default_union=True)
        for triple in graph:
            dataset.add(triple)
        return dataset
    return graph


def query_frame(name: str, graph: Any, **params: Any) -> pd.DataFrame:
    """A saved query's answer as a DataFrame: one column per variable, IRIs as strings,
    numbers as int or float, dates as ``datetime.date``. ``params`` are the query's
    parameters (``place="place/raqqa"``), bound as RDF terms as on the command line.

    ``graph`` is a graph file, an rdflib Dataset or Graph, or a pyoxigraph Store. A file is
    loaded with :func:`load_graph` (reconciled, as ``isisgraph query`` does); a Dataset you
    pass is queried as it is — load it with :func:`load_graph` to get the same answers."""
    import pandas as pd

    from isisgraph.query import run_query

    result = run_query(name, query_dataset(graph), {k: str(v) for k, v in params.items()})
    rows = [[plain_cell(v) for v in row] for row in result.rows]
    return pd.DataFrame(rows, columns=result.columns)


def plain_cell(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


__all__ = ["VIEWS", "GraphReader", "load_graph", "query_frame", "to_networkx"]
