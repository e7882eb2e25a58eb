"""Plain records passed between the stages: what ingest reads and what extraction finds.

No rdflib here. Offsets are code points of the article's normalised text, end exclusive,
so ``article.text[span.start:span.end]`` is always the evidence string. Actor, place and
operation references are IRI strings (reference individuals from ``ontology/`` or places
minted by the NLP stage). Vocabulary terms that are SKOS concepts (target types, claim
types, measures, channels, outcomes, date precisions) are given as their concept slug,
e.g. ``"fighting-position"``; emit turns a slug into ``.../id/concept/{scheme}/{slug}``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Span:
    """A character range of the normalised article text: ``start`` inclusive, ``end`` exclusive."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")


@dataclass(frozen=True)
class Article:
    """One input document, its text normalised once (NFC, ``\\n`` line endings)."""

    id: str
    text: str
    source: str  # the file (and line, for JSONL) it came from, for messages
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: dt.date | None = None
    date_precision: str = "day"  # day | month | year | approximate, as the manifest says
    sha256: str = ""
    extra: tuple[tuple[str, str], ...] = ()  # further manifest columns, kept verbatim

    @property
    def length(self) -> int:
        return len(self.text)


@dataclass(frozen=True)
class When:
    """A resolved date or period. ``start``/``end`` are None when it could not be resolved
    (no publication date, or an expression the resolver does not understand); ``raw`` keeps
    the expression as written. ``precision``: day | week | month | year | approximate.
    ``basis`` says where the date comes from: ``stated`` (the fact's own clause), ``context``
    (the lead, the heading or the report it breaks down), ``report`` (the day the text says it
    was reported: "activists said Monday"), ``publication`` (the article's date, for a fact the
    text does not date: ACLED's practice, with a coarser precision)."""

    raw: str
    start: dt.date | None = None
    end: dt.date | None = None
    precision: str = "day"
    span: Span | None = None
    basis: str = "stated"


@dataclass(frozen=True)
class Mention:
    """A span naming an actor, place or operation, linked to an individual."""

    span: Span
    kind: str  # "actor" | "place" | "operation"
    ref: str  # IRI of the individual
    label: str  # the surface text
    extractor: str = "entity-ruler"
    confidence: float = 0.95


@dataclass(frozen=True)
class NewPlace:
    """A place not in the curated gazetteer, minted by the NLP stage.

    ``geonames_id``/``lat``/``lon``/``country_ref`` come from GeoNames when the name was
    unambiguous in Iraq or Syria; otherwise ``resolved`` is False and only the label is known.
    """

    ref: str
    label: str
    resolved: bool
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_ref: str | None = None
    place_type: str = "City"  # an ig: class local name
    # the curated province GeoNames puts it in (its first-order division), when known
    province_ref: str | None = None


@dataclass(frozen=True)
class Person:
    """A person named as a speaker, minted per name (``.../id/person/{slug}``)."""

    ref: str
    name: str
    role: str | None = None  # "spokesman for Operation Inherent Resolve", "Defense Secretary"
    member_of: tuple[str, ...] = ()  # organisation IRIs


@dataclass(frozen=True)
class Target:
    """What a strike hit: a target-type concept slug, how many, and what happened to it."""

    target_type: str  # concept slug: "cave", "fighting-position", "vehicle", "vbied" ...
    span: Span
    quantity: int | None = None
    outcome: str | None = None  # concept slug: "destroyed" | "struck" | "damaged" | "targeted"


@dataclass
class StrikeReport:
    """An aggregate strike count as reported ("six air strikes in Iraq between Dec 22 and 28")."""

    key: str  # stable within the article, e.g. "strike-123-180"; used for IRIs and part_of
    span: Span  # the evidence: the sentence or clause that states the count
    strike_count: int | None
    count_qualifier: str = "exact"  # exact | atLeast | approximate | atMost
    engagement_count: int | None = None
    perpetrators: list[str] = field(default_factory=list)  # actor IRIs
    claimant: str | None = None  # who reports it (actor IRI), if stated
    countries: list[str] = field(default_factory=list)  # ig:Country IRIs
    locations: list[str] = field(default_factory=list)  # place IRIs ("near Hawija")
    when: When | None = None
    targets: list[Target] = field(default_factory=list)
    target_actors: list[str] = field(default_factory=list)  # actor IRIs the strikes hit
    killed_count: int | None = None
    part_of: str | None = None  # key of the total this report is a breakdown of
    strike_class: str = "Strike"  # "AirStrike" when the text says air strike
    confidence: float = 0.8
    extractor: str = ""


@dataclass
class Event:
    """Something that happened: ``kind`` is an ig: class local name (ControlChange, Attack,
    Bombing, Ambush, Assassination, Abduction, SuicideAttack, Killing, Arrest, Surrender,
    Clash, OperationLaunch, AirStrike ...)."""

    key: str
    kind: str
    span: Span
    trigger: str  # the word that framed it: "liberated", "retaken", "seized", "roadside bomb"
    perpetrators: list[str] = field(default_factory=list)
    target_actors: list[str] = field(default_factory=list)
    gained_control: list[str] = field(default_factory=list)
    lost_control: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    when: When | None = None
    killed_count: int | None = None
    wounded_count: int | None = None
    arrested_count: int | None = None
    surrendered_count: int | None = None
    count_qualifier: str = "exact"
    operation: str | None = None  # IRI of the named operation it is part of
    confidence: float = 0.75
    extractor: str = ""
    # the other reports of the same event merged into this one (a headline, a retelling), each
    # with its own evidence span, confidence and rule; the sides they gave are the event's
    retold: list[Told] = field(default_factory=list)


@dataclass(frozen=True)
class Told:
    """One more report of an event: its evidence span, confidence and extractor, and the word
    that framed it."""

    span: Span
    confidence: float
    extractor: str
    trigger: str = ""


@dataclass
class Claim:
    """Reported speech: who said what, when, through which channel."""

    key: str
    span: Span  # the reporting clause or sentence
    claimant: str | None  # actor or person IRI
    claim_type: str  # concept slug: victory-declaration | responsibility | assessment | figure |
    # warning | denial | statement
    channel: str | None = None  # concept slug: statement | tweet | interview | said | ...
    on_behalf_of: str | None = None  # organisation IRI for a spokesperson
    quote: str | None = None  # verbatim words inside quotation marks
    quote_span: Span | None = None
    when: When | None = None
    about: list[str] = field(default_factory=list)  # keys of events/reports or IRIs of individuals
    person: Person | None = None
    confidence: float = 0.75
    extractor: str = ""


@dataclass
class Figure:
    """A reported quantity: troops deployed, fighters remaining, territory liberated ..."""

    key: str
    span: Span
    measure: str  # concept slug: troops | fighters | territory | people-liberated |
    # foreign-fighters | returnees | targets-struck ...
    value: float
    unit: str | None = None  # "troops", "fighters", "percent", "km2", "sq-mi", "people" ...
    count_qualifier: str = "exact"  # exact | atLeast | approximate | atMost
    subject: str | None = None  # actor IRI the figure is about (US forces, ISIS ...)
    locations: list[str] = field(default_factory=list)
    as_of: When | None = None
    claimant: str | None = None
    confidence: float = 0.7
    extractor: str = ""


@dataclass
class Extraction:
    """Everything extracted from one article."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    new_places: list[NewPlace] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    strike_reports: list[StrikeReport] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
