"""The project's vocabularies as rdflib namespaces, and the IRI minting rules.

``IG`` is a ``DefinedNamespace`` with ``_fail = True``: a typo in a term raises instead of
minting a silent new IRI. Its terms are exactly those declared in ``ontology/isisgraph.ttl``
(a test keeps the two in step). The same IRIs as plain strings, and ``slugify``, are in
:mod:`isisgraph.iris` (for extraction, which imports no rdflib).
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

from isisgraph import iris
from isisgraph.iris import BASE

ID = Namespace(iris.ID)
GRAPH = Namespace(BASE + "graph/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
OA = Namespace("http://www.w3.org/ns/oa#")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
SCHEMA = Namespace("http://schema.org/")

ONTOLOGY_GRAPH = GRAPH["ontology"]
REFERENCE_GRAPH = GRAPH["reference"]
META_GRAPH = GRAPH["meta"]


class IG(DefinedNamespace):
    """isisgraph ontology terms (https://w3id.org/isisgraph/ontology#)."""

    _NS = Namespace("https://w3id.org/isisgraph/ontology#")
    _fail = True

    Abduction: URIRef
    Actor: URIRef
    ActorDescription: URIRef
    AirStrike: URIRef
    Ambush: URIRef
    ArmedGroup: URIRef
    Arrest: URIRef
    Assassination: URIRef
    Attack: URIRef
    Bombing: URIRef
    City: URIRef
    Claim: URIRef
    Clash: URIRef
    Coalition: URIRef
    ControlChange: URIRef
    Country: URIRef
    DescriptionReading: URIRef
    District: URIRef
    Event: URIRef
    Evidence: URIRef
    ExtractionGraph: URIRef
    ExtractionRun: URIRef
    FigureReport: URIRef
    Government: URIRef
    Killing: URIRef
    Mention: URIRef
    MilitaryBase: URIRef
    Mountain: URIRef
    NewsArticle: URIRef
    Operation: URIRef
    OperationLaunch: URIRef
    Organization: URIRef
    Person: URIRef
    Place: URIRef
    PoliticalParty: URIRef
    Province: URIRef
    Region: URIRef
    River: URIRef
    StateForce: URIRef
    Strike: URIRef
    StrikeReport: URIRef
    SuicideAttack: URIRef
    Surrender: URIRef
    TargetEngagement: URIRef
    Village: URIRef

    about: URIRef
    arrestedCount: URIRef
    asOf: URIRef
    channel: URIRef
    claimant: URIRef
    claimDate: URIRef
    claimType: URIRef
    conductedBy: URIRef
    confidence: URIRef
    countQualifier: URIRef
    country: URIRef
    dateBasis: URIRef
    datePrecision: URIRef
    dateText: URIRef
    endDate: URIRef
    engagementCount: URIRef
    evidence: URIRef
    evokes: URIRef
    extractor: URIRef
    gainedControl: URIRef
    geonamesId: URIRef
    hasActor: URIRef
    hasTargetEngagement: URIRef
    inCountry: URIRef
    killedCount: URIRef
    launchedOperation: URIRef
    location: URIRef
    lostControl: URIRef
    measure: URIRef
    memberOf: URIRef
    mentions: URIRef
    modelName: URIRef
    modelVersion: URIRef
    onBehalfOf: URIRef
    outcome: URIRef
    partOf: URIRef
    partOfOperation: URIRef
    partOfReport: URIRef
    perpetrator: URIRef
    quantity: URIRef
    quote: URIRef
    reading: URIRef
    refersTo: URIRef
    region: URIRef
    resolved: URIRef
    role: URIRef
    sameEventAs: URIRef
    sameReportAs: URIRef
    softwareVersion: URIRef
    sourceFile: URIRef
    standsFor: URIRef
    startDate: URIRef
    strikeCount: URIRef
    subject: URIRef
    surrenderedCount: URIRef
    targetActor: URIRef
    targetType: URIRef
    textLength: URIRef
    textSha256: URIRef
    trigger: URIRef
    unit: URIRef
    validFrom: URIRef
    validUntil: URIRef
    value: URIRef
    woundedCount: URIRef


# The prefixes of the vocabularies a build uses: written in TriG and Turtle, and used to
# shorten IRIs in messages and views (see prefixed_name).
PREFIXES = {
    "ig": str(IG._NS), "id": str(ID), "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD),
    "owl": str(OWL), "skos": str(SKOS), "prov": str(PROV), "oa": str(OA), "geo": str(GEO),
    "schema": str(SCHEMA), "sem": str(SEM), "dcterms": str(DCTERMS),
}


def prefixed_name(iri: str) -> str | None:
    """``ig:Strike`` for an IRI in the namespace of one of PREFIXES, else None."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return None


def slugify(text: str) -> str:
    """A stable, IRI-safe slug: ASCII-folded, lowercase, words joined by '-'."""
    return iris.slugify(text)


def actor(slug: str) -> URIRef:
    return ID[f"actor/{slug}"]


def description(slug: str) -> URIRef:
    return ID[f"description/{slug}"]


def place(slug: str) -> URIRef:
    return ID[f"place/{slug}"]


def operation(slug: str) -> URIRef:
    return ID[f"operation/{slug}"]


def person(slug: str) -> URIRef:
    return URIRef(iris.person(slug))


def concept(scheme: str, slug: str) -> URIRef:
    return ID[f"concept/{scheme}/{slug}"]


def article(article_id: str) -> URIRef:
    return ID[f"article/{article_id}"]


def doc_graph(article_id: str) -> URIRef:
    return GRAPH[f"doc/{article_id}"]
