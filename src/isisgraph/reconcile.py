"""Link what several articles report about the same thing, without merging anything.

Two links, written into the ``graph/reconcile`` named graph:

- ``ig:sameEventAs`` between events of different articles with the same class, overlapping
  dates, the same or a contained place (``ig:partOf``) and compatible actors in every role;
- ``ig:sameReportAs`` between strike reports of different articles with compatible
  perpetrators, the same countries, the same period and the same sub-area (a breakdown
  "near Hawija" only matches another breakdown near Hawija).

Both properties are symmetric and written both ways. Nodes are linked in groups whose
members all match one another (see :func:`groups`), so every group is a clique and a query
counts it once by keeping the member with the smallest IRI. Nodes stay where they are: the article graphs are
never changed, and removing this graph undoes reconciliation.

The build writes article graphs only; ``isisgraph query`` and ``isisgraph push`` add this
graph when a file has none (:func:`ensure_reconciled` for rdflib,
:func:`isisgraph.store.with_reconcile_links` for an Oxigraph store), so their answers do not
depend on who reconciled.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib.term import Node

from isisgraph.namespaces import GRAPH, IG, ONTOLOGY_GRAPH
from isisgraph.ontology import ClassHierarchy, tbox_hierarchy

RECONCILE_GRAPH = GRAPH["reconcile"]
DOC_PREFIX = str(GRAPH["doc/"])
ROLES = (IG.perpetrator, IG.targetActor, IG.gainedControl, IG.lostControl)
# Every predicate reconciliation reads besides rdf:type (of events and strike reports): a
# dataset of only these triples reconciles as the whole would (see store.reconcile_inputs).
READS = (RDFS.subClassOf, IG.partOf, IG.memberOf, IG.evidence, IG.startDate, IG.endDate,
         IG.location, IG.inCountry, IG.partOfReport, *ROLES)


@dataclass(frozen=True)
class EventView:
    """What reconciliation compares of one event."""

    iri: URIRef
    article: URIRef  # the doc graph it came from
    kind: frozenset[URIRef]
    start: dt.date
    end: dt.date
    places: frozenset[URIRef]
    roles: tuple[frozenset[URIRef], ...]  # in the order of ROLES


@dataclass(frozen=True)
class ReportView:
    """What reconciliation compares of one strike report."""

    iri: URIRef
    article: URIRef
    start: dt.date
    end: dt.date
    countries: frozenset[URIRef]
    area: frozenset[URIRef]  # locations of a sub-area breakdown; empty for a whole report
    perpetrators: frozenset[URIRef]


class World:
    """Containment and membership over the whole dataset (reference plus minted places)."""

    def __init__(self, union: Graph) -> None:
        self.parents: dict[Node, set[Node]] = defaultdict(set)
        for s, o in union.subject_objects(IG.partOf):
            self.parents[s].add(o)
        self.orgs: dict[Node, set[Node]] = defaultdict(set)
        for s, o in union.subject_objects(IG.memberOf):
            self.orgs[s].add(o)
        self._up: dict[tuple[int, Node], frozenset[Node]] = {}

    def closure(self, node: Node, edges: dict[Node, set[Node]], key: int) -> frozenset[Node]:
        """``node`` and everything above it along ``edges``."""
        cached = self._up.get((key, node))
        if cached is None:
            seen, frontier = {node}, [node]
            while frontier:
                for parent in edges.get(frontier.pop(), ()):
                    if parent not in seen:
                        seen.add(parent)
                        frontier.append(parent)
            cached = self._up[(key, node)] = frozenset(seen)
        return cached

    def within(self, inner: Node, outer: Node) -> bool:
        return outer in self.closure(inner, self.parents, 0)

    def same_or_contained(self, a: Iterable[Node], b: Iterable[Node]) -> bool:
        return any(self.within(x, y) or self.within(y, x) for x in a for y in b)

    def same_actor(self, a: Node, b: Node) -> bool:
        """Equal, or one is a member (transitively) of the other: the RAF and CJTF-OIR."""
        return b in self.closure(a, self.orgs, 1) or a in self.closure(b, self.orgs, 1)

    def actors_agree(self, a: frozenset[URIRef], b: frozenset[URIRef]) -> bool:
        """No conflict: one side names nobody, or some actor of one is (part of) one of the other."""
        return not a or not b or any(self.same_actor(x, y) for x in a for y in b)

    def actors_clash(self, a: frozenset[URIRef], b: frozenset[URIRef]) -> bool:
        return bool(a and b) and any(self.same_actor(x, y) for x in a for y in b)


def doc_graphs(dataset: Dataset) -> Iterator[Graph]:
    for graph in dataset.graphs():
        if str(graph.identifier).startswith(DOC_PREFIX):
            yield graph


def article_graphs(dataset: Dataset) -> list[Graph]:
    """Each article graph of ``dataset`` copied into a Graph of its own, in one pass.

    rdflib's memory store answers a pattern in one named graph by scanning the pattern's
    triples in every graph, so reading 10,000 article graphs one by one is quadratic."""
    graphs: dict[Node, Graph] = {}
    for s, p, o, context in dataset.quads((None, None, None, None)):
        name = context.identifier if isinstance(context, Graph) else context
        if str(name).startswith(DOC_PREFIX):
            if name not in graphs:
                graphs[name] = Graph(identifier=name)
            graphs[name].add((s, p, o))
    return [graphs[name] for name in sorted(graphs, key=str)]


def event_classes(dataset: Dataset) -> set[Node]:
    """ig:Event and its subclasses, from the dataset's ontology graph (else the project's)."""
    tbox = dataset.graph(ONTOLOGY_GRAPH)
    classes = ClassHierarchy.of(tbox) if len(tbox) else tbox_hierarchy()
    return classes.subclasses(IG.Event)


def dates(graph: Graph, node: Node) -> tuple[dt.date, dt.date] | None:
    start, end = graph.value(node, IG.startDate), graph.value(node, IG.endDate)
    first = start.toPython() if start is not None else None
    last = end.toPython() if end is not None else first
    if not isinstance(first, dt.date):
        return None
    if not isinstance(last, dt.date) or last < first:
        last = first
    return first, last


def uris(graph: Graph, node: Node, prop: URIRef) -> frozenset[URIRef]:
    return frozenset(o for o in graph.objects(node, prop) if isinstance(o, URIRef))


def events_of(graph: Graph, classes: set[Node]) -> Iterator[EventView]:
    for node in set(graph.subjects(IG.evidence, None)):
        kind = frozenset(c for c in graph.objects(node, RDF.type) if c in classes)
        period = dates(graph, node)
        if not kind or period is None or not isinstance(node, URIRef):
            continue
        places = uris(graph, node, IG.location)
        if not places:
            continue
        yield EventView(node, graph.identifier, kind, period[0], period[1], places,  # type: ignore[arg-type]
                        tuple(uris(graph, node, role) for role in ROLES))


def reports_of(graph: Graph) -> Iterator[ReportView]:
    for node in graph.subjects(RDF.type, IG.StrikeReport):
        period = dates(graph, node)
        countries = uris(graph, node, IG.inCountry)
        perpetrators = uris(graph, node, IG.perpetrator)
        if period is None or not countries or not perpetrators or not isinstance(node, URIRef):
            continue
        whole = graph.value(node, IG.partOfReport)
        breakdown = whole is not None and uris(graph, whole, IG.inCountry) == countries
        area = uris(graph, node, IG.location) if breakdown else frozenset()
        yield ReportView(node, graph.identifier, period[0], period[1], countries, area,  # type: ignore[arg-type]
                         perpetrators)


def same_event(world: World, a: EventView, b: EventView) -> bool:
    if a.article == b.article or a.kind != b.kind:
        return False
    if a.start > b.end or b.start > a.end:
        return False
    if not world.same_or_contained(a.places, b.places):
        return False
    if not all(world.actors_agree(x, y) for x, y in zip(a.roles, b.roles, strict=True)):
        return False
    # one says X took the place, the other that X lost it: not the same event
    gained, lost = ROLES.index(IG.gainedControl), ROLES.index(IG.lostControl)
    return not (world.actors_clash(a.roles[gained], b.roles[lost])
                or world.actors_clash(a.roles[lost], b.roles[gained]))


def same_report(world: World, a: ReportView, b: ReportView) -> bool:
    return (a.article != b.article and a.area == b.area
            and world.actors_agree(a.perpetrators, b.perpetrators))


def event_pairs(world: World, events: list[EventView]) -> Iterator[tuple[URIRef, URIRef]]:
    """Candidate pairs by class, swept in start order so only overlapping periods are compared."""
    by_kind: dict[frozenset[URIRef], list[EventView]] = defaultdict(list)
    for event in events:
        by_kind[event.kind].append(event)
    for group in by_kind.values():
        group.sort(key=lambda e: (e.start, e.end, str(e.iri)))
        for i, first in enumerate(group):
            for second in group[i + 1:]:
                if second.start > first.end:
                    break
                if same_event(world, first, second):
                    yield first.iri, second.iri


def report_pairs(world: World, reports: list[ReportView]) -> Iterator[tuple[URIRef, URIRef]]:
    """Candidate pairs share period and countries exactly, so they are bucketed by those."""
    buckets: dict[tuple[dt.date, dt.date, frozenset[URIRef]], list[ReportView]] = defaultdict(list)
    for report in reports:
        buckets[(report.start, report.end, report.countries)].append(report)
    for group in buckets.values():
        group.sort(key=lambda r: str(r.iri))
        for first, second in itertools.combinations(group, 2):
            if same_report(world, first, second):
                yield first.iri, second.iri


def groups(pairs: Iterable[tuple[URIRef, URIRef]]) -> list[list[URIRef]]:
    """Groups in which every two members match directly.

    Nodes are taken in IRI order; each joins the first group all of whose members it
    matches, else starts a new one. A report that names no perpetrator may match two that
    name different ones; it then joins the first, and the other two stay apart.
    """
    matches: dict[URIRef, set[URIRef]] = defaultdict(set)
    for a, b in pairs:
        matches[a].add(b)
        matches[b].add(a)
    found: list[list[URIRef]] = []
    group_of: dict[URIRef, int] = {}
    for node in sorted(matches, key=str):
        candidates = sorted({group_of[m] for m in matches[node] if m in group_of})
        for index in candidates:
            if all(member in matches[node] for member in found[index]):
                found[index].append(node)
                group_of[node] = index
                break
        else:
            group_of[node] = len(found)
            found.append([node])
    return [group for group in found if len(group) > 1]


def link_groups(graph: Graph, prop: URIRef, components: list[list[URIRef]], article: dict[URIRef, URIRef]) -> None:
    for component in components:
        for a, b in itertools.permutations(component, 2):
            if article[a] != article[b]:
                graph.add((a, prop, b))


def reconcile(dataset: Dataset) -> Graph:
    """The ``graph/reconcile`` graph of ig:sameEventAs and ig:sameReportAs links across articles.

    A pure function of ``dataset``: it reads the article graphs (and the ontology and reference
    graphs for classes, containment and membership) and changes nothing.
    """
    union = Graph()
    for prop in (IG.partOf, IG.memberOf):
        for s, p, o, context in dataset.quads((None, prop, None, None)):
            name = context.identifier if isinstance(context, Graph) else context
            if name != RECONCILE_GRAPH:
                union.add((s, p, o))
    world = World(union)
    classes = event_classes(dataset)
    events: list[EventView] = []
    reports: list[ReportView] = []
    for graph in article_graphs(dataset):
        events.extend(events_of(graph, classes))
        reports.extend(reports_of(graph))
    article = {e.iri: e.article for e in events} | {r.iri: r.article for r in reports}
    out = Graph(identifier=RECONCILE_GRAPH)
    out.bind("ig", str(IG._NS))
    link_groups(out, IG.sameEventAs, groups(event_pairs(world, events)), article)
    link_groups(out, IG.sameReportAs, groups(report_pairs(world, reports)), article)
    return out


def ensure_reconciled(dataset: Dataset) -> bool:
    """Add the reconcile graph to ``dataset`` when it has article graphs but no links yet.

    Returns whether it was added. Graphs written by a build that already reconciled are left
    alone.
    """
    existing = dataset.graph(RECONCILE_GRAPH)
    if len(existing) > 0 or next(doc_graphs(dataset), None) is None:
        return False
    for triple in reconcile(dataset):
        existing.add(triple)
    return True
