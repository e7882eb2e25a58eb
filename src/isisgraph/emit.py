"""Turn an :class:`~isisgraph.records.Extraction` into RDF: the only stage that builds triples.

Each article gives its own named graph ``graph/doc/{id}`` and a few triples for the meta
graph (the article and the graph's PROV). IRIs of extracted nodes derive from the article
id, the record's key (type and span) alone, so two builds of the same input give the same
graph; ``prov:generatedAtTime`` is the only value that changes between runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from rdflib import RDF as RDF_NAMESPACE
from rdflib import SKOS as SKOS_NAMESPACE
from rdflib import XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV as PROV_NAMESPACE
from rdflib.term import Node

from isisgraph import __version__
from isisgraph.namespaces import GEO as GEO_NAMESPACE
from isisgraph.namespaces import ID, article, doc_graph
from isisgraph.namespaces import IG as IG_NAMESPACE
from isisgraph.namespaces import OA as OA_NAMESPACE
from isisgraph.namespaces import SCHEMA as SCHEMA_NAMESPACE
from isisgraph.namespaces import concept as concept_iri
from isisgraph.records import (
    Article,
    Claim,
    Event,
    Extraction,
    Figure,
    Mention,
    NewPlace,
    Person,
    Span,
    StrikeReport,
    When,
)
from isisgraph.terms import Terms

CONTEXT_CHARS = 32  # length of oa:prefix / oa:suffix
# The vocabulary as canonical objects, each made once (see isisgraph.terms).
RDF: Any = Terms(RDF_NAMESPACE)
SKOS: Any = Terms(SKOS_NAMESPACE)
PROV: Any = Terms(PROV_NAMESPACE)
GEO: Any = Terms(GEO_NAMESPACE)
IG: Any = Terms(IG_NAMESPACE)
OA: Any = Terms(OA_NAMESPACE)
SCHEMA: Any = Terms(SCHEMA_NAMESPACE)
XSD_INTEGER, XSD_DECIMAL, XSD_DATE = XSD.integer, XSD.decimal, XSD.date


@dataclass(frozen=True)
class Run:
    """The software that produced a graph; its IRI depends on versions only."""

    software_version: str
    model_name: str
    model_version: str

    @property
    def iri(self) -> URIRef:
        return ID[f"run/isisgraph-{self.software_version}/{self.model_name}-{self.model_version}"]


def current_run(model_name: str, model_version: str) -> Run:
    return Run(__version__, model_name, model_version)


# Literals and concepts that recur (offsets, counts, confidences, extractor ids, dates) are
# made once each: building an rdflib Literal casts and validates its value every time.
@lru_cache(maxsize=8192)
def integer(value: int) -> Literal:
    return Literal(int(value), datatype=XSD_INTEGER)


@lru_cache(maxsize=1024)
def decimal(value: float) -> Literal:
    return Literal(Decimal(str(round(float(value), 6))).normalize(), datatype=XSD_DECIMAL)


@lru_cache(maxsize=4096)
def date(value: dt.date) -> Literal:
    return Literal(value.isoformat(), datatype=XSD_DATE)


@lru_cache(maxsize=1024)
def plain(text: str) -> Literal:
    """A plain string literal of a short recurring text (an extractor id)."""
    return Literal(text)


@lru_cache(maxsize=1024)
def concept(scheme: str, slug: str) -> URIRef:
    return concept_iri(scheme, slug)


class Triples:
    """The triples of one named graph, distinct, in the order they were added: what a build
    emits, validates and writes as N-Quads. An rdflib Graph indexes every triple three ways
    as it is added, which cost a build more CPU than writing it out; this is a dict used as
    an ordered set, with the few lookups validation asks of an article graph."""

    def __init__(self, identifier: URIRef) -> None:
        self.identifier = identifier
        self._triples: dict[tuple[Node, Node, Node], None] = {}

    def add(self, triple: tuple[Node, Node, Node]) -> None:
        self._triples[triple] = None

    def __iter__(self) -> Iterator[tuple[Node, Node, Node]]:
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)

    def __contains__(self, triple: object) -> bool:
        return triple in self._triples

    def objects(self, subject: Node | None, predicate: Node) -> Iterator[Node]:
        return (o for s, p, o in self._triples if p == predicate and (subject is None or s == subject))

    def subjects(self, predicate: Node, obj: Node | None) -> Iterator[Node]:
        return (s for s, p, o in self._triples if p == predicate and (obj is None or o == obj))

    def graph(self) -> Graph:
        """The same triples as an rdflib Graph named ``identifier``."""
        graph = Graph(identifier=self.identifier)
        for triple in self._triples:
            graph.add(triple)
        return graph


class ArticleGraph:
    """Builds one article's named graph."""

    def __init__(self, extraction: Extraction) -> None:
        self.article: Article = extraction.article
        self.source = article(self.article.id)
        self.graph = Triples(doc_graph(self.article.id))

    def add(self, s: URIRef, p: URIRef, o: object) -> None:
        self.graph.add((s, p, o))  # type: ignore[arg-type]

    def node(self, kind: str, key: str) -> URIRef:
        return ID[f"{kind}/{self.article.id}/{key}"]

    def evidence(self, node: URIRef, span: Span, confidence: float, extractor: str) -> URIRef:
        """An ig:Evidence with position and quote selectors for ``span``."""
        text = self.article.text
        ev = URIRef(f"{node}/evidence/{span.start}-{span.end}")
        pos, quote = URIRef(f"{ev}/position"), URIRef(f"{ev}/quote")
        self.add(node, IG.evidence, ev)
        self.add(ev, RDF.type, IG.Evidence)
        self.add(ev, RDF.type, OA.SpecificResource)
        self.add(ev, OA.hasSource, self.source)
        self.add(ev, OA.hasSelector, pos)
        self.add(ev, OA.hasSelector, quote)
        self.add(ev, IG.confidence, decimal(min(max(confidence, 0.0), 1.0)))
        self.add(ev, IG.extractor, plain(extractor or "unknown"))
        self.add(pos, RDF.type, OA.TextPositionSelector)
        self.add(pos, OA.start, integer(span.start))
        self.add(pos, OA.end, integer(span.end))
        self.add(quote, RDF.type, OA.TextQuoteSelector)
        self.add(quote, OA.exact, Literal(text[span.start : span.end]))
        prefix = text[max(0, span.start - CONTEXT_CHARS) : span.start]
        suffix = text[span.end : span.end + CONTEXT_CHARS]
        if prefix:
            self.add(quote, OA.prefix, Literal(prefix))
        if suffix:
            self.add(quote, OA.suffix, Literal(suffix))
        return ev

    def when(
        self, node: URIRef, when: When | None, start: URIRef = IG.startDate, end: URIRef | None = IG.endDate
    ) -> None:
        if when is None:
            return
        if when.raw:
            self.add(node, IG.dateText, Literal(when.raw))
        if when.start is not None:
            self.add(node, start, date(when.start))
        if end is not None and when.end is not None:
            self.add(node, end, date(when.end))
        if when.start is not None or when.end is not None:
            self.add(node, IG.datePrecision, concept("date-precision", when.precision))
        if when.basis != "stated":
            self.add(node, IG.dateBasis, concept("date-basis", when.basis))

    def refs(self, node: URIRef, prop: URIRef, iris: list[str]) -> None:
        for iri in iris:
            self.add(node, prop, URIRef(iri))

    def count(self, node: URIRef, prop: URIRef, value: int | None) -> None:
        if value is not None:
            self.add(node, prop, integer(value))

    # ------------------------------------------------------------------ records

    def mention(self, mention: Mention) -> None:
        node = self.node("mention", f"{mention.span.start}-{mention.span.end}")
        self.add(node, RDF.type, IG.Mention)
        self.add(node, IG.refersTo, URIRef(mention.ref))
        self.add(self.source, IG.mentions, URIRef(mention.ref))
        self.evidence(node, mention.span, mention.confidence, mention.extractor)

    def new_place(self, place: NewPlace) -> None:
        node = URIRef(place.ref)
        self.add(node, RDF.type, IG[place.place_type])
        self.add(node, SKOS.prefLabel, Literal(place.label, lang="en"))
        self.add(node, IG.resolved, Literal(place.resolved))
        if place.geonames_id is not None:
            self.add(node, IG.geonamesId, integer(place.geonames_id))
        if place.country_ref:
            self.add(node, IG.country, URIRef(place.country_ref))
            self.add(node, IG.partOf, URIRef(place.country_ref))
        if place.province_ref:
            self.add(node, IG.partOf, URIRef(place.province_ref))
        if place.lat is not None and place.lon is not None:
            geometry = URIRef(f"{node}/geometry")
            self.add(node, GEO.hasGeometry, geometry)
            self.add(geometry, RDF.type, GEO.Geometry)
            self.add(geometry, GEO.asWKT, Literal(f"POINT({place.lon} {place.lat})", datatype=GEO.wktLiteral))

    def person(self, person: Person) -> None:
        node = URIRef(person.ref)
        self.add(node, RDF.type, IG.Person)
        self.add(node, SKOS.prefLabel, Literal(person.name, lang="en"))
        if person.role:
            self.add(node, IG.role, Literal(person.role))
        self.refs(node, IG.memberOf, list(person.member_of))

    def strike_report(self, report: StrikeReport) -> URIRef:
        node = self.node("strike-report", report.key)
        self.add(node, RDF.type, IG.StrikeReport)
        self.add(node, IG.claimType, concept("claim-type", "strike-report"))
        self.count(node, IG.strikeCount, report.strike_count)
        self.count(node, IG.engagementCount, report.engagement_count)
        self.count(node, IG.killedCount, report.killed_count)
        self.add(node, IG.countQualifier, concept("count-qualifier", report.count_qualifier))
        self.refs(node, IG.perpetrator, report.perpetrators)
        self.refs(node, IG.targetActor, report.target_actors)
        if report.claimant:
            self.add(node, IG.claimant, URIRef(report.claimant))
        self.refs(node, IG.inCountry, report.countries)
        self.refs(node, IG.location, report.locations)
        self.when(node, report.when)
        if report.part_of:
            self.add(node, IG.partOfReport, self.node("strike-report", report.part_of))
        for target in report.targets:
            engagement = URIRef(f"{node}/target/{target.span.start}-{target.span.end}-{target.target_type}")
            self.add(node, IG.hasTargetEngagement, engagement)
            self.add(node, IG.targetType, concept("target-type", target.target_type))
            self.add(engagement, RDF.type, IG.TargetEngagement)
            self.add(engagement, IG.targetType, concept("target-type", target.target_type))
            self.count(engagement, IG.quantity, target.quantity)
            if target.outcome:
                self.add(engagement, IG.outcome, concept("outcome", target.outcome))
            self.evidence(engagement, target.span, report.confidence, report.extractor)
        self.evidence(node, report.span, report.confidence, report.extractor)
        return node

    def event(self, event: Event) -> URIRef:
        node = self.node("event", event.key)
        self.add(node, RDF.type, IG[event.kind])
        self.add(node, IG.trigger, Literal(event.trigger))
        self.refs(node, IG.perpetrator, event.perpetrators)
        self.refs(node, IG.targetActor, event.target_actors)
        self.refs(node, IG.gainedControl, event.gained_control)
        self.refs(node, IG.lostControl, event.lost_control)
        self.refs(node, IG.location, event.locations)
        self.when(node, event.when)
        self.count(node, IG.killedCount, event.killed_count)
        self.count(node, IG.woundedCount, event.wounded_count)
        self.count(node, IG.arrestedCount, event.arrested_count)
        self.count(node, IG.surrenderedCount, event.surrendered_count)
        counts = (event.killed_count, event.wounded_count, event.arrested_count, event.surrendered_count)
        if any(c is not None for c in counts):
            self.add(node, IG.countQualifier, concept("count-qualifier", event.count_qualifier))
        if event.operation:
            prop = IG.launchedOperation if event.kind == "OperationLaunch" else IG.partOfOperation
            self.add(node, prop, URIRef(event.operation))
        self.evidence(node, event.span, event.confidence, event.extractor)
        for told in event.retold:  # the other reports merged into it
            if told.span != event.span:
                self.evidence(node, told.span, told.confidence, told.extractor)
        return node

    def claim(self, claim: Claim, keyed: dict[str, URIRef]) -> URIRef:
        node = self.node("claim", claim.key)
        self.add(node, RDF.type, IG.Claim)
        if claim.claimant:
            self.add(node, IG.claimant, URIRef(claim.claimant))
        if claim.on_behalf_of:
            self.add(node, IG.onBehalfOf, URIRef(claim.on_behalf_of))
        self.add(node, IG.claimType, concept("claim-type", claim.claim_type))
        if claim.channel:
            self.add(node, IG.channel, concept("channel", claim.channel))
        if claim.quote:
            self.add(node, IG.quote, Literal(claim.quote))
        self.when(node, claim.when, start=IG.claimDate, end=None)
        for about in claim.about:
            target = keyed.get(about) or (URIRef(about) if about.startswith("http") else None)
            if target is not None:
                self.add(node, IG.about, target)
        self.evidence(node, claim.span, claim.confidence, claim.extractor)
        if claim.quote_span is not None and claim.quote_span != claim.span:
            self.evidence(node, claim.quote_span, claim.confidence, claim.extractor)
        return node

    def figure(self, figure: Figure) -> URIRef:
        node = self.node("figure", figure.key)
        self.add(node, RDF.type, IG.FigureReport)
        self.add(node, IG.claimType, concept("claim-type", "figure"))
        self.add(node, IG.measure, concept("measure", figure.measure))
        self.add(node, IG.value, decimal(figure.value))
        if figure.unit:
            self.add(node, IG.unit, Literal(figure.unit))
        self.add(node, IG.countQualifier, concept("count-qualifier", figure.count_qualifier))
        if figure.subject:
            self.add(node, IG.subject, URIRef(figure.subject))
        if figure.claimant:
            self.add(node, IG.claimant, URIRef(figure.claimant))
        self.refs(node, IG.location, figure.locations)
        self.when(node, figure.as_of, start=IG.asOf, end=None)
        self.evidence(node, figure.span, figure.confidence, figure.extractor)
        return node


def to_graph(extraction: Extraction) -> Graph:
    """The named graph ``doc/{id}`` of everything extracted from one article."""
    return to_triples(extraction).graph()


def to_triples(extraction: Extraction) -> Triples:
    """The triples of :func:`to_graph`, without building an rdflib Graph (what a build uses)."""
    builder = ArticleGraph(extraction)
    for mention in extraction.mentions:
        builder.mention(mention)
    for place in extraction.new_places:
        builder.new_place(place)
    for person in extraction.persons:
        builder.person(person)
    keyed: dict[str, URIRef] = {}
    for report in extraction.strike_reports:
        keyed[report.key] = builder.strike_report(report)
    for event in extraction.events:
        keyed[event.key] = builder.event(event)
    for figure in extraction.figures:
        keyed[figure.key] = builder.figure(figure)
    for claim in extraction.claims:
        keyed[claim.key] = builder.claim(claim, keyed)
    return builder.graph


def meta_triples(art: Article, run: Run, generated_at: dt.datetime | None = None) -> Graph:
    """The article node and the PROV of its graph, for the ``meta`` graph."""
    graph = Graph()
    node, g = article(art.id), doc_graph(art.id)
    graph.add((node, RDF.type, IG.NewsArticle))
    graph.add((node, IG.textSha256, Literal(art.sha256)))
    graph.add((node, IG.textLength, integer(art.length)))
    graph.add((node, IG.sourceFile, Literal(art.source)))
    if art.title:
        graph.add((node, SCHEMA.headline, Literal(art.title)))
    if art.publisher:
        graph.add((node, SCHEMA.publisher, Literal(art.publisher)))
    if art.url:
        graph.add((node, SCHEMA.url, Literal(art.url, datatype=XSD.anyURI)))
    if art.published:
        graph.add((node, SCHEMA.datePublished, date(art.published)))
        graph.add((node, IG.datePrecision, concept("date-precision", art.date_precision)))
    graph.add((g, RDF.type, IG.ExtractionGraph))
    graph.add((g, PROV.wasDerivedFrom, node))
    graph.add((g, PROV.wasGeneratedBy, run.iri))
    when = generated_at or dt.datetime.now(dt.UTC).replace(microsecond=0)
    graph.add((g, PROV.generatedAtTime, Literal(when.isoformat(), datatype=XSD.dateTime)))
    return graph


def run_triples(run: Run) -> Graph:
    graph = Graph()
    graph.add((run.iri, RDF.type, IG.ExtractionRun))
    graph.add((run.iri, RDF.type, PROV.Activity))
    graph.add((run.iri, IG.softwareVersion, Literal(run.software_version)))
    graph.add((run.iri, IG.modelName, Literal(run.model_name)))
    graph.add((run.iri, IG.modelVersion, Literal(run.model_version)))
    return graph
