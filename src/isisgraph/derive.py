"""What the counting queries would otherwise recompute on every run, computed once.

The ``graph/derived`` named graph holds links that follow from the article graphs (and the
reference graph's containment and membership) and that the saved queries used to work out
by comparing every pair of facts, which grows with the square of the corpus:

- ``igd:CountryTally``: one node per actor, country and reported period that counts in
  ``strikes-per-country-month`` (the highest of the three per-article numbers, the highest
  article, periods inside longer periods left out), with ``igd:actor`` (who struck, or an
  organisation they are a member of), ``igd:country``, ``igd:start``, ``igd:end``,
  ``igd:strikes`` and ``igd:articles`` (how many articles reported it);
- ``igd:ActorTally``: one node per actor and strike report that counts in
  ``strikes-per-actor-month`` (twins across articles counted once, reports inside another
  report left out), with ``igd:actor``, ``igd:report``, ``igd:start``, ``igd:end``,
  ``igd:strikes`` and ``igd:articles``, and what the query lists of it: ``igd:month`` (the
  first seven characters of its start, the month it is filed under) and ``igd:period``
  ("2014-09-20/2014-09-21: 5 (2 articles)"), so that the query reads five triples of each
  tally in the derived graph and computes nothing per tally;
- ``igd:TargetTally``: one node per country and target type of ``target-types-by-country``,
  with ``igd:country``, ``igd:targetType``, ``igd:reports`` (the strike reports that are the
  first of their reconcile group, on that country, with an engagement of that type) and
  ``igd:quantity`` (the sum of the ``ig:quantity`` those engagements state, 0 of none): the
  query counted every engagement of the corpus per report group on every run;
- ``igd:within``: a place and every place it lies in (``ig:partOf*``: the place itself
  included), for every place that a fact or the reference data names;
- ``igd:memberOf``: an actor and every organisation it belongs to (``ig:memberOf*``: itself
  included), for every actor named as perpetrator, claimant, target or the like;
- ``igd:group``: an event or strike report (anything with a trigger, a location, or the
  ``ig:StrikeReport`` type) and the member of its reconcile group with the smallest IRI
  (itself when it has no ``ig:sameEventAs`` / ``ig:sameReportAs`` twin before it), so "once
  per group" is ``?x igd:group ?x``: the reconcile links are read, so derive after reconcile;
- ``igd:Month``: one node per month a fact falls in (``igd:key "2017-03"``), and the facts of
  each month, so that a query narrowed to some months joins on their facts first (Oxigraph
  has no index on a range of dates; it has one on a node): ``igd:during`` from a fact with an
  ``ig:startDate`` to every month from its start to its end (``ig:endDate``, else the start),
  ``igd:claimedIn`` from a claim (anything with an ``ig:claimType``) to the month of its
  ``ig:claimDate``, else of the ``schema:datePublished`` of the articles it rests on. The
  months are read from the dates as written (their first seven characters), as the saved
  queries compare them with ``since``/``until``;
- ``igd:CoActors``: one node per pair of actors and their roles in the same events
  (``co-actors``): ``igd:actorA`` and ``igd:roleA`` (the actor whose IRI sorts first, and
  its role: ``ig:perpetrator``, ``ig:targetActor``, ``ig:gainedControl`` or
  ``ig:lostControl``), ``igd:actorB`` and ``igd:roleB``, ``igd:events`` (how many reconcile
  groups), ``igd:reports`` (event nodes), ``igd:articles``, and ``igd:eventType`` every class
  of those events. An event counts when it has a trigger, a type and an article;
- ``igd:label``: each English ``skos:prefLabel`` of a node, once. A label is stated in every
  article graph that names its place or actor, and the union of the graphs keeps each copy:
  a list query looks a row's labels up here, one triple each, instead of joining every copy
  or computing the distinct labels of every node first;
- ``igd:firstStart``: a claim's first evidence offset (the smallest ``oa:start`` of the
  selectors of its ``ig:evidence``), which ``claims-by`` shows the span of;
- ``igd:target``: what ``strikes-near-place`` shows of a strike's targets, one plain literal
  per target: for each ``ig:hasTargetEngagement``, each English ``skos:prefLabel`` of its
  ``ig:targetType``, followed by `` xN`` for each ``ig:quantity`` N it states. Looked up
  once per row; the lookup in SPARQL (an OPTIONAL of engagement, type, label and quantity)
  is evaluated over every engagement of the store before the join, whatever the narrowing.

The rules are those the saved queries stated in SPARQL before (their headers still say them);
``tests/test_derive.py`` checks them on hand-worked fixtures and the golden answers hold.
Nothing here is asserted by an article: the terms are in their own namespace (``igd:``,
https://w3id.org/isisgraph/derived#), not the ontology, and removing the graph undoes it.

:func:`derived_graph` is a pure function of the triples it reads (:data:`READS`; of
``rdf:type`` only ``ig:StrikeReport``): node IRIs are hashes of what they stand for and the
output does not depend on the order of the input. ``isisgraph query`` adds the graph when a
file has none, as it adds the reconcile links (:func:`ensure_derived` for rdflib,
:func:`isisgraph.store.with_derived_links` for an Oxigraph store), so answers never depend on
who derived.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import RDF, SKOS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from isisgraph.iris import BASE, ID
from isisgraph.namespaces import GRAPH, IG, OA, SCHEMA

DERIVED_GRAPH = GRAPH["derived"]
IGD = Namespace(BASE + "derived#")
# What the derived graph holds, stated in it (``graph/derived igd:version``) and raised whenever
# that changes: a graph derived by another version is derived again (or refused, read-only).
DERIVED_VERSION = "2026-12-07.5"
DOC_PREFIX = str(GRAPH["doc/"])
# Every predicate derivation reads besides rdf:type (of which only ig:StrikeReport counts).
READS = (IG.perpetrator, IG.inCountry, IG.startDate, IG.endDate, IG.strikeCount, IG.location,
         IG.partOfReport, IG.evidence, OA.hasSource, IG.partOf, IG.memberOf,
         IG.claimant, IG.onBehalfOf, IG.targetActor, IG.gainedControl, IG.lostControl,
         IG.trigger, IG.sameEventAs, IG.sameReportAs, IG.claimType, IG.claimDate, SCHEMA.datePublished,
         SKOS.prefLabel, OA.hasSelector, OA.start, IG.hasTargetEngagement, IG.targetType, IG.quantity)
TWINS = (IG.sameEventAs, IG.sameReportAs)
ACTOR_ROLES = (IG.perpetrator, IG.claimant, IG.onBehalfOf, IG.targetActor, IG.gainedControl, IG.lostControl)
PLACE_ROLES = (IG.location, IG.inCountry)


@dataclass
class Facts:
    """The triples derivation reads, by subject: ``values[predicate][subject]`` is a set."""

    values: dict[URIRef, dict[Node, set[Node]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    reports: set[Node] = field(default_factory=set)  # subjects typed ig:StrikeReport
    types: dict[Node, set[Node]] = field(default_factory=lambda: defaultdict(set))  # every rdf:type, by subject

    def of(self, predicate: URIRef, subject: Node) -> set[Node]:
        return self.values[predicate].get(subject, set())

    def add(self, s: Node, p: Node, o: Node) -> None:
        if p == RDF.type:
            self.types[s].add(o)
            if o == IG.StrikeReport:
                self.reports.add(s)
        else:
            self.values[p][s].add(o)  # type: ignore[index]

    def articles(self, subject: Node) -> set[Node]:
        return {a for ev in self.of(IG.evidence, subject) for a in self.of(OA.hasSource, ev)}


def facts_of(dataset: Dataset) -> Facts:
    """What derivation reads of ``dataset``, leaving out an existing derived graph."""
    facts = Facts()
    for predicate in (*READS, RDF.type):
        for s, p, o, context in dataset.quads((None, predicate, None, None)):
            name = context.identifier if isinstance(context, Graph) else context
            if name != DERIVED_GRAPH:
                facts.add(s, p, o)
    return facts


def closure(node: Node, edges: dict[Node, set[Node]], reflexive: bool = True) -> set[Node]:
    """``node`` (when ``reflexive``) and everything above it along ``edges``."""
    seen: set[Node] = set()
    frontier = [node]
    while frontier:
        for parent in edges.get(frontier.pop(), ()):
            if parent not in seen:
                seen.add(parent)
                frontier.append(parent)
    return seen | {node} if reflexive else seen


def day(term: Node) -> dt.date | None:
    value = term.toPython() if isinstance(term, Literal) else None
    return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else None


def number(term: Node) -> int | float | None:
    value = term.toPython() if isinstance(term, Literal) else None
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def node_iri(kind: str, *parts: Node) -> URIRef:
    digest = hashlib.sha256("\x1f".join(p.n3() for p in parts).encode("utf-8")).hexdigest()[:20]
    return URIRef(f"{ID}derived/{kind}/{digest}")


def integer(value: int) -> Literal:
    return Literal(str(value), datatype=XSD.integer)


# ---------------------------------------------------------------------- strikes per country


def country_tallies(facts: Facts, members: dict[Node, set[Node]]) -> Iterator[tuple[Node, ...]]:
    """(actor, country, start, stop, strikes, articles) of every period that counts."""
    countries, locations = facts.values[IG.inCountry], facts.values[IG.location]
    parents = facts.values[IG.partOf]
    lines_of: set[Node] = {whole for wholes in facts.values[IG.partOfReport].values() for whole in wholes}
    # the places other facts of an article name, by country, start and article (any subject)
    named: dict[tuple[Node, Node, Node], set[Node]] = defaultdict(set)
    for subject, its_countries in countries.items():
        places = locations.get(subject)
        if not places:
            continue
        articles = facts.articles(subject)
        for country in its_countries:
            for start in facts.of(IG.startDate, subject):
                for article in articles:
                    named[(country, start, article)] |= places

    single: dict[Node, Node] = {}  # report -> its one country
    for report in facts.reports:
        its = countries.get(report, set())
        if len(its) == 1:
            single[report] = next(iter(its))

    def line_of_own_total(report: Node, country: Node) -> bool:
        return any(countries.get(total) == {country} for total in facts.of(IG.partOfReport, report))

    values: dict[tuple, list[int | float]] = defaultdict(list)  # (actor, country, start, stop, article) -> values
    breakdowns: dict[tuple, dict[tuple[Node, Node], int | float]] = defaultdict(dict)
    at_place: dict[tuple, dict[Node, int | float]] = defaultdict(dict)
    for report in sorted(single, key=str):
        country = single[report]
        if line_of_own_total(report, country):
            continue
        counts = [(c, n) for c in facts.of(IG.strikeCount, report) if (n := number(c)) is not None]
        articles = facts.articles(report)
        actors = {a for by in facts.of(IG.perpetrator, report) for a in closure(by, members)}
        places = locations.get(report, set())
        wholes = facts.of(IG.partOfReport, report)
        for start in facts.of(IG.startDate, report):
            for stop in facts.of(IG.endDate, report) or {start}:
                for actor in actors:
                    for article in articles:
                        key = (actor, country, start, stop, article)
                        for _, n in counts:
                            values[key].append(n)
                            for whole in wholes:
                                breakdowns[key][(whole, report, n)] = n  # type: ignore[index]
                            if report in lines_of:
                                continue
                            for where in places - {country}:
                                if places - {country, where}:
                                    continue
                                above = closure(where, parents, reflexive=False)
                                if above & named.get((country, start, article), set()):
                                    continue
                                best = at_place[key].get(where)
                                at_place[key][where] = n if best is None else max(best, n)
    for key, lines in breakdowns.items():
        by_whole: dict[Node, int | float] = defaultdict(int)
        for (whole, _, _), n in lines.items():
            by_whole[whole] += n
        values[key].extend(by_whole.values())
    for key, places in at_place.items():
        values[key].append(sum(places.values()))

    periods: dict[tuple, dict[Node, int | float]] = defaultdict(dict)  # (actor, country, start, stop) -> article -> n
    for (actor, country, start, stop, article), found in values.items():
        if found:
            periods[(actor, country, start, stop)][article] = max(found)

    # the single-country reports each period is compared with, by actor and country
    others: dict[tuple[Node, Node], list[tuple[int, int | None, int | float]]] = defaultdict(list)
    for report, country in single.items():
        actors = {a for by in facts.of(IG.perpetrator, report) for a in closure(by, members)}
        for start in facts.of(IG.startDate, report):
            first = day(start)
            if first is None:
                continue
            for n in filter(lambda v: v is not None, map(number, facts.of(IG.strikeCount, report))):
                ends = [day(e) for e in facts.of(IG.endDate, report)] or [None]
                for end in ends:
                    if end is None and facts.of(IG.endDate, report):
                        continue  # an end that is not a date compares with nothing
                    for actor in actors:
                        others[(actor, country)].append(
                            (first.toordinal(), end.toordinal() if end else None, n))  # type: ignore[arg-type]
    index = {key: Window(rows) for key, rows in others.items()}

    for (actor, country, start, stop), by_article in periods.items():
        count = max(by_article.values())
        first, last = day(start), day(stop)
        window = index.get((actor, country))
        if first is not None and last is not None and window is not None:
            s, e = first.toordinal(), last.toordinal()
            if any(inside_longer(os, oe, on, s, e, count) or longer_than(os, oe, on, s, e, count)
                   for os, oe, on in window.around(s, e)):
                continue
        yield actor, country, start, stop, count, len(by_article)


def inside_longer(os: int, oe: int | None, on: float, s: int, e: int, count: float) -> bool:
    """The period is inside a longer reported one that gave at least as many strikes."""
    return oe is not None and os <= s and oe >= e and (os < s or oe > e) and on >= count


def longer_than(os: int, oe: int | None, on: float, s: int, e: int, count: float) -> bool:
    """The period is longer than one inside it that gave more strikes."""
    ostop = os if oe is None else oe
    return os >= s and ostop <= e and (os > s or ostop < e) and on > count


class Window:
    """Rows (start, end or None, n) sorted by start, to find those that may contain or lie
    inside a period without comparing every pair: a row starting before ``stop`` minus the
    longest period can contain nothing ending at ``stop``."""

    def __init__(self, rows: Iterable[tuple[int, int | None, float]]) -> None:
        self.rows = sorted(rows, key=lambda r: (r[0], -1 if r[1] is None else r[1], r[2]))
        self.starts = [r[0] for r in self.rows]
        self.longest = max(((r[1] if r[1] is not None else r[0]) - r[0] for r in self.rows), default=0)

    def around(self, start: int, stop: int) -> list[tuple[int, int | None, float]]:
        lo = bisect.bisect_left(self.starts, min(start, stop - self.longest))
        hi = bisect.bisect_right(self.starts, stop)
        return self.rows[lo:hi]


# ---------------------------------------------------------------------- strikes per actor


@dataclass(frozen=True)
class Whole:
    """A strike report that is not a line of a breakdown, as the per-actor count compares it."""

    iri: Node
    start: Node
    stop: Node
    first: int | None  # the start and stop as day numbers (None: not a date)
    last: int | None
    counts: tuple[tuple[Node, float], ...]
    countries: frozenset[Node]
    locations: frozenset[Node]
    places: frozenset[Node]  # locations that are not among its countries
    has_lines: bool


def actor_tallies(facts: Facts) -> Iterator[tuple[Node, Node, Node, Node, Node, int]]:
    """(actor, report, start, stop, strikes, articles) of every report that counts."""
    lines_of = {whole for wholes in facts.values[IG.partOfReport].values() for whole in wholes}
    by_actor: dict[Node, list[Whole]] = defaultdict(list)
    for report in facts.reports:
        if facts.of(IG.partOfReport, report):
            continue
        countries = frozenset(facts.of(IG.inCountry, report))
        locations = frozenset(facts.of(IG.location, report))
        counts = tuple((c, n) for c in facts.of(IG.strikeCount, report) if (n := number(c)) is not None)
        for start in facts.of(IG.startDate, report):
            for stop in facts.of(IG.endDate, report) or {start}:
                first, last = day(start), day(stop)
                whole = Whole(report, start, stop, first.toordinal() if first else None,
                              last.toordinal() if last else None, counts, countries, locations,
                              locations - countries, report in lines_of)
                for actor in facts.of(IG.perpetrator, report):
                    by_actor[actor].append(whole)
    for actor, wholes in by_actor.items():
        twins: dict[tuple, list[Whole]] = defaultdict(list)
        for w in wholes:
            twins[(w.start, w.stop, w.countries, w.locations)].append(w)
        window = Window((w.first, w.last, 0) for w in wholes if w.first is not None and w.last is not None)
        dated = sorted((w for w in wholes if w.first is not None and w.last is not None),
                       key=lambda w: (w.first, w.last, str(w.iri)))
        starts = [w.first for w in dated]
        for w in wholes:
            group = twins[(w.start, w.stop, w.countries, w.locations)]
            articles = set().union(*(facts.articles(t.iri) for t in group))
            if not articles:
                continue
            for literal, n in w.counts:
                if any(tn > n or (tn == n and str(t.iri) < str(w.iri)) for t in group for _, tn in t.counts):
                    continue
                if w.first is not None and w.last is not None:
                    lo = bisect.bisect_left(starts, min(w.first, w.last - window.longest))
                    hi = bisect.bisect_right(starts, w.last)
                    if any(dominates(o, w, n) for o in dated[lo:hi]):
                        continue
                yield actor, w.iri, w.start, w.stop, literal, len(articles)


def dominates(o: Whole, r: Whole, n: float) -> bool:
    """Whether ``o`` leaves report ``r`` (counting ``n``) out of the per-actor count."""
    assert o.first is not None and o.last is not None and r.first is not None and r.last is not None
    if not r.countries <= o.countries:
        return False
    # longer than a period inside it, on at least its countries, that gave more
    if (o.first >= r.first and o.last <= r.last and (o.first > r.first or o.last < r.last)
            and any(on > n for _, on in o.counts)):
        return True
    if o.iri == r.iri or not (o.first <= r.first and o.last >= r.last):
        return False
    for _, on in o.counts:
        if on < n:
            continue
        both_several = len(o.places) >= 2 and len(r.places) >= 2
        on_its_places = not o.places or r.locations <= o.locations or o.has_lines or both_several
        larger = (o.first < r.first or o.last > r.last
                  or bool(o.countries - r.countries)
                  or (bool(r.places) and ((bool(o.locations - r.locations) and r.locations <= o.locations)
                                          or not o.places))
                  or (o.has_lines and not r.has_lines and bool(r.locations - o.locations))
                  or (both_several and (on > n or (on == n and str(o.iri) < str(r.iri) and apart(o, r)))))
        if on_its_places and larger:
            return True
    return False


def apart(o: Whole, r: Whole) -> bool:
    """Neither's places inside the other's (or both the same)."""
    return ((bool(r.locations - o.locations) or o.locations <= r.locations)
            and (bool(o.locations - r.locations) or r.locations <= o.locations))


# ---------------------------------------------------------------------- the graph


def derived_graph(dataset: Dataset | Facts) -> Graph:
    """The ``graph/derived`` graph of ``dataset`` (see the module's docstring).

    A pure function of the triples of :data:`READS` (and the ``rdf:type ig:StrikeReport``
    triples) in ``dataset``, outside an existing derived graph: a dataset holding only those
    derives the same graph. ``dataset`` may also be those triples already read
    (:class:`Facts`; :func:`isisgraph.store.derive_inputs` reads them out of a store)."""
    facts = dataset if isinstance(dataset, Facts) else facts_of(dataset)
    out = Graph(identifier=DERIVED_GRAPH)
    out.bind("igd", str(IGD))
    out.add((DERIVED_GRAPH, IGD.version, Literal(DERIVED_VERSION)))
    members = facts.values[IG.memberOf]
    parents = facts.values[IG.partOf]
    for actor, country, start, stop, count, articles in country_tallies(facts, members):
        node = node_iri("country-tally", actor, country, start, stop)
        for p, o in ((RDF.type, IGD.CountryTally), (IGD.actor, actor), (IGD.country, country), (IGD.start, start),
                     (IGD.end, stop), (IGD.strikes, integer(count)), (IGD.articles, integer(articles))):
            out.add((node, p, o))
    for actor, report, start, stop, count, articles in actor_tallies(facts):
        node = node_iri("actor-tally", actor, report, start, stop, count)
        for p, o in ((RDF.type, IGD.ActorTally), (IGD.actor, actor), (IGD.report, report), (IGD.start, start),
                     (IGD.end, stop), (IGD.strikes, count), (IGD.articles, integer(articles)),
                     (IGD.month, Literal(str(start)[:7])),
                     (IGD.period, Literal(period_text(start, stop, count, articles)))):
            out.add((node, p, o))
    for (country, kind), (reports, quantity) in target_tallies(facts).items():
        node = node_iri("target-tally", country, kind)
        for p, o in ((RDF.type, IGD.TargetTally), (IGD.country, country), (IGD.targetType, kind),
                     (IGD.reports, integer(reports)), (IGD.quantity, quantity)):
            out.add((node, p, o))
    _add_closures(out, IGD.within, parents, facts, PLACE_ROLES)
    twins: dict[Node, set[Node]] = defaultdict(set)
    for prop in TWINS:
        for subject, objects in facts.values[prop].items():
            twins[subject] |= {o for o in objects if isinstance(o, URIRef)}
    grouped = facts.reports | set(facts.values[IG.trigger]) | set(facts.values[IG.location]) | set(twins)
    for node in grouped:
        if isinstance(node, URIRef):
            out.add((node, IGD.group, min(twins.get(node, set()) | {node}, key=str)))
    _add_closures(out, IGD.memberOf, members, facts, ACTOR_ROLES)
    _add_months(out, facts)
    _add_co_actors(out, facts, twins)
    for claim in facts.values[IG.claimType]:
        first = first_start(facts, claim)
        if first is not None and isinstance(claim, URIRef):
            out.add((claim, IGD.firstStart, first))
    for node, labels in facts.values[SKOS.prefLabel].items():
        for label in labels:
            if isinstance(node, URIRef) and english(label):
                out.add((node, IGD.label, label))
    for strike, engagements in facts.values[IG.hasTargetEngagement].items():
        if isinstance(strike, URIRef):
            for text in target_texts(facts, engagements):
                out.add((strike, IGD.target, Literal(text)))
    return out


def period_text(start: Node, stop: Node, count: Node, articles: int) -> str:
    """A tally's period as ``strikes-per-actor-month`` lists it (its SPARQL was
    ``CONCAT(STR(?start), IF(?stop != ?start, CONCAT("/", STR(?stop)), ""), ": ", STR(?n),
    IF(?sources > 1, CONCAT(" (", STR(?sources), " articles)"), ""))``)."""
    return (f"{start}{'' if stop == start else f'/{stop}'}: {count}"
            f"{f' ({articles} articles)' if articles > 1 else ''}")


def target_tallies(facts: Facts) -> dict[tuple[Node, Node], tuple[int, Literal]]:
    """(country, target type) -> (reports, quantity stated) of ``target-types-by-country``: the
    strike reports that are the first of their reconcile group (``igd:group``), by each of their
    countries and the target type of each of their engagements, and the sum of the quantities
    those engagements state (an engagement with several types counts under each)."""
    found: dict[tuple[Node, Node], list] = {}
    for report in facts.reports:
        if not isinstance(report, URIRef) or min(twins_of(facts, report) | {report}, key=str) != report:
            continue
        by_type: dict[Node, list[Node]] = defaultdict(list)
        for engagement in facts.of(IG.hasTargetEngagement, report):
            for kind in facts.of(IG.targetType, engagement):
                by_type[kind].extend(facts.of(IG.quantity, engagement))
        for country in facts.of(IG.inCountry, report):
            for kind, quantities in by_type.items():
                tally = found.setdefault((country, kind), [0, []])
                tally[0] += 1
                tally[1].extend(quantities)
    return {key: (reports, total(quantities)) for key, (reports, quantities) in found.items()}


def twins_of(facts: Facts, node: Node) -> set[Node]:
    """The reconcile twins ``node`` links to (``ig:sameEventAs``, ``ig:sameReportAs``)."""
    return {o for prop in TWINS for o in facts.of(prop, node) if isinstance(o, URIRef)}


def total(terms: Iterable[Node]) -> Literal:
    """SPARQL's SUM of numeric literals: an xsd:integer of integers (0 of none), else a double."""
    values = [n for t in terms if (n := number(t)) is not None]
    if all(isinstance(v, int) for v in values):
        return integer(sum(values))  # type: ignore[arg-type]
    return Literal(float(sum(values)), datatype=XSD.double)


CO_ACTOR_ROLES = (IG.perpetrator, IG.targetActor, IG.gainedControl, IG.lostControl)


def co_actors(facts: Facts, twins: dict[Node, set[Node]]) -> dict[tuple[Node, ...], tuple[set, set, set, set]]:
    """(actor A, role A, actor B, role B) -> (groups, events, articles, classes) of the events
    with a trigger, a type and an article in which both take part (A's IRI before B's)."""
    pairs: dict[tuple[Node, ...], tuple[set, set, set, set]] = {}
    for event in facts.values[IG.trigger]:
        classes, articles = facts.types.get(event, set()), facts.articles(event)
        if not classes or not articles or not isinstance(event, URIRef):
            continue
        first = min(twins.get(event, set()) | {event}, key=str)
        roles = [(role, actor) for role in CO_ACTOR_ROLES for actor in facts.of(role, event)]
        for role_a, a in roles:
            for role_b, b in roles:
                if str(a) < str(b):
                    found = pairs.setdefault((a, role_a, b, role_b), (set(), set(), set(), set()))
                    found[0].add(first)
                    found[1].add(event)
                    found[2].update(articles)
                    found[3].update(classes)
    return pairs


def _add_co_actors(out: Graph, facts: Facts, twins: dict[Node, set[Node]]) -> None:
    for (a, role_a, b, role_b), (groups, events, articles, classes) in co_actors(facts, twins).items():
        node = node_iri("co-actors", a, role_a, b, role_b)
        for p, o in ((RDF.type, IGD.CoActors), (IGD.actorA, a), (IGD.roleA, role_a), (IGD.actorB, b),
                     (IGD.roleB, role_b), (IGD.events, integer(len(groups))), (IGD.reports, integer(len(events))),
                     (IGD.articles, integer(len(articles)))):
            out.add((node, p, o))
        for cls in classes:
            out.add((node, IGD.eventType, cls))


def target_texts(facts: Facts, engagements: Iterable[Node]) -> set[str]:
    """The targets of a strike as ``strikes-near-place`` states them (its SPARQL was
    ``IF(BOUND(?quantity), CONCAT(?type_label, " x", STR(?quantity)), ?type_label)``): each
    English label of each engagement's target type, once per quantity stated, or alone."""
    texts: set[str] = set()
    for engagement in engagements:
        quantities = facts.of(IG.quantity, engagement)
        for kind in facts.of(IG.targetType, engagement):
            for label in filter(english, facts.of(SKOS.prefLabel, kind)):
                texts |= {f"{label} x{q}" for q in quantities} if quantities else {str(label)}
    return texts


def first_start(facts: Facts, claim: Node) -> Node | None:
    """The smallest ``oa:start`` of the selectors of the claim's evidence (as SPARQL's MIN)."""
    starts = [(n, str(t), t) for ev in facts.of(IG.evidence, claim) for sel in facts.of(OA.hasSelector, ev)
              for t in facts.of(OA.start, sel) if (n := number(t)) is not None]
    return min(starts, key=lambda s: (s[0], s[1]))[2] if starts else None


def english(label: Node) -> bool:
    """A literal tagged ``en`` or ``en-*``, as ``LANGMATCHES(LANG(?l), "en")``."""
    return isinstance(label, Literal) and (label.language or "").lower().split("-")[0] == "en"


MONTH = re.compile(r"(\d{4})-(\d{2})")


def month_of(term: Node) -> tuple[int, int] | None:
    """The year and month a date is written in (``"2017-03-15"`` → (2017, 3)), or None."""
    found = MONTH.match(str(term)) if isinstance(term, Literal) else None
    if found is None or not 1 <= int(found.group(2)) <= 12:
        return None
    return int(found.group(1)), int(found.group(2))


def months_between(first: tuple[int, int], last: tuple[int, int]) -> Iterator[tuple[int, int]]:
    """Every month from the earlier of two to the later, both included."""
    (y, m), end = min(first, last), max(first, last)
    while (y, m) <= end:
        yield y, m
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def fact_months(facts: Facts) -> Iterator[tuple[Node, URIRef, tuple[int, int]]]:
    """(fact, igd:during or igd:claimedIn, month) of every fact with a date (see the module)."""
    for fact, starts in facts.values[IG.startDate].items():
        ends = facts.of(IG.endDate, fact)
        for start in starts:
            first = month_of(start)
            if first is None:
                continue
            for end in ends or {start}:
                last = month_of(end) or first
                for month in months_between(first, last):
                    yield fact, IGD.during, month
    for claim in facts.values[IG.claimType]:
        dates = facts.of(IG.claimDate, claim) or {
            d for article in facts.articles(claim) for d in facts.of(SCHEMA.datePublished, article)}
        for date in dates:
            month = month_of(date)
            if month is not None:
                yield claim, IGD.claimedIn, month


def _add_months(out: Graph, facts: Facts) -> None:
    nodes: dict[tuple[int, int], URIRef] = {}
    for fact, predicate, month in fact_months(facts):
        if not isinstance(fact, URIRef):
            continue
        node = nodes.get(month)
        if node is None:
            key = f"{month[0]:04d}-{month[1]:02d}"
            node = nodes[month] = URIRef(f"{ID}derived/month/{key}")
            out.add((node, RDF.type, IGD.Month))
            out.add((node, IGD.key, Literal(key)))
        out.add((fact, predicate, node))


def _add_closures(out: Graph, predicate: URIRef, parents: dict[Node, set[Node]], facts: Facts,
                  roles: tuple[URIRef, ...]) -> None:
    """``node predicate above`` for every node of the hierarchy or of the facts' ``roles`` and
    each node above it (``igd:within`` for places, ``igd:memberOf`` for actors)."""
    nodes = set(parents) | {p for above in parents.values() for p in above}
    for role in roles:
        nodes |= {o for objects in facts.values[role].values() for o in objects}
    for node in nodes:
        if isinstance(node, URIRef):
            for above in closure(node, parents):
                out.add((node, predicate, above))


def has_articles(dataset: Dataset) -> bool:
    return any(str(g.identifier).startswith(DOC_PREFIX) for g in dataset.graphs())


def ensure_derived(dataset: Dataset) -> bool:
    """Add the derived graph to ``dataset`` when it has article graphs but no derived graph
    of this version (:data:`DERIVED_VERSION`; one of another version is replaced).

    Returns whether it was added."""
    existing = dataset.graph(DERIVED_GRAPH)
    if (DERIVED_GRAPH, IGD.version, Literal(DERIVED_VERSION)) in existing or not has_articles(dataset):
        return False
    existing.remove((None, None, None))
    for triple in derived_graph(dataset):
        existing.add(triple)
    return True


def reads_derived(query_text: str) -> bool:
    """Whether a query reads the derived graph's terms."""
    return str(IGD) in query_text
