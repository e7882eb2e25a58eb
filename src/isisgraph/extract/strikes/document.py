"""The state the strike readers share: the document read once (entities by token, units,
paragraphs, the commands named, the matchers), the reports in progress (``Draft``) and what each
unit says about strikes for the units after it (``Frame``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from isisgraph.extract.shared import entities, tokens_of
from isisgraph.extract.strikes.lexicon import GROUND_AMBIGUOUS, Matchers, matchers
from isisgraph.extract.strikes.nouns import air_modified
from isisgraph.extract.syntax.units import dateline_tokens, has_word, in_headline, paragraphs, units
from isisgraph.records import Article, NewPlace, Span, Target, When
from isisgraph.reference import Reference


@dataclass
class Draft:
    """A report being assembled; turned into a StrikeReport at the end. ``rule`` is the id of
    the rule that found it, ``steps`` the ids of the later steps that changed it."""

    unit: int  # index of the unit (sentence) that states it
    anchor: Token
    span: Span
    rule: str = ""
    steps: list[str] = field(default_factory=list)
    strike_count: int | None = None
    qualifier: str = "exact"
    engagement_count: int | None = None
    perpetrators: list[str] = field(default_factory=list)
    actor_source: str = ""  # "clause" | "inferred" | "" ; "blocked" when the text names no actor
    claimant: str | None = None
    countries: list[str] = field(default_factory=list)
    country_source: str = ""
    locations: list[str] = field(default_factory=list)
    when: When | None = None
    when_source: str = ""
    targets: list[Target] = field(default_factory=list)
    target_actors: list[str] = field(default_factory=list)  # actor IRIs (targets.actors_hit)
    killed: int | None = None
    parent: Draft | None = None
    explicit_parent: bool = False
    air: bool = False
    counted: bool = True  # False for dated reports without a count
    single: bool = False  # one strike told ("an airstrike", "its first air strike")
    partly_placed: bool = False  # placed only for "most of them": no country for all
    span_root: Token | None = None  # an elliptical count's own phrase ("6 in Iraq")
    unnamed_place: bool = False  # "near <a name the gazetteer does not know>"
    needs_parent: bool = False  # kept only as a part of a total
    own_tokens: list[Token] | None = None  # the evidence when it is a phrase of its own
    counted_noun: str = "strike"  # what is counted: "strike", or "sortie" (flights, not strikes)
    paragraph: int = 0
    key: str = ""
    joined: bool = False  # a force's part of strikes by another: one report per force
    needs_air_report: bool = False  # a headline's state: kept if the body has its air arm's

    def step(self, step_id: str) -> None:
        """Record that the step ``step_id`` changed this report (once)."""
        if step_id not in self.steps:
            self.steps.append(step_id)

    @property
    def told(self) -> bool:
        """Whether the report tells a strike rather than totals strikes: one strike, or strikes
        without a number; its missing fields are those of the text around it."""
        return self.single or not self.counted

    @property
    def extractor(self) -> str:
        """The graph's ig:extractor: the finding rule, then '+' and each step that changed it."""
        return self.rule + "".join(f"+{s}" for s in self.steps)


@dataclass
class Frame:
    """What a unit says about strikes even when it reports none: for later units' context."""

    actors: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)  # whom its actors attack ("attack ISIS")
    when: When | None = None  # "the latest strikes, which took place between ... and ..."
    reported: bool = False  # whether the unit states reports itself (else it is a lead)


class Document:
    """Per-document state: entities by token, units and paragraphs, the commands named, the
    matchers, the publication date; and the reports and frames found so far."""

    def __init__(self, doc: Doc, article: Article, ref: Reference) -> None:
        self.doc, self.article, self.ref = doc, article, ref
        self.published: dt.date | None = article.published
        self.lex: Matchers = matchers(doc, ref)
        self.ent_of: dict[int, DocSpan] = {}
        for ent in entities(doc):
            for tok in ent:
                self.ent_of[tok.i] = ent
        # the coalitions and commanded operations named, in Doc order (last_command_before)
        self.command_starts: list[int] = []
        self.commands: list[str] = []
        for ent in entities(doc):
            command = command_of(ent, ref)
            if command is not None:
                self.command_starts.append(ent.start)
                self.commands.append(command)
        self.new_place_country: dict[str, str] = {}
        for place in doc.user_data.get("isisgraph.new_places", []) or []:
            if isinstance(place, NewPlace) and place.country_ref:
                self.new_place_country[place.ref] = place.country_ref
        self.units = [u for u in units(doc) if has_word(u)]
        self.unit_of: dict[int, int] = {}
        for n, unit in enumerate(self.units):
            for i in range(unit.start, unit.end):
                self.unit_of[i] = n
        self.dateline = dateline_tokens(doc)
        self.aircraft_owners: dict[str, list[tuple[int, str]]] | None = None  # actors.py
        self.paragraph_of = paragraphs(doc, self.units)
        self.first_air_use: dict[str, int] = {}
        for tok in tokens_of(doc):
            lemma = tok.lemma_.lower()
            if lemma in GROUND_AMBIGUOUS and tok.pos_ == "NOUN" and air_modified(tok):
                self.first_air_use.setdefault(lemma, tok.i)
        self.drafts: list[Draft] = []
        self.frames: dict[int, Frame] = {}
        self.lead: list[str] | None = None  # the countries of the lead (lead.lead_countries)
        self.lead_units: set[int] | None = None  # the units of the headline and the lead
        # section heading unit -> its countries ("Strikes in Iraq"; headings.heading_countries)
        self.section_headings: dict[int, list[str]] | None = None

    def in_title(self, tok: Token) -> bool:
        """Whether a token is in the headline: a title line (``in_headline``), or a first line
        that is the article's title though it ends in a full stop ('Turkish army hits 163
        Daesh targets in northern Syria, says General Staff.', Anadolu's style)."""
        if in_headline(tok):
            return True
        text = self.doc.text
        first = text.lstrip()
        offset = len(text) - len(first)
        line = first.split("\n", 1)[0].rstrip()
        title = (self.article.title or "").strip()
        return bool(title) and line == title and offset <= tok.idx < offset + len(line)

    def entity(self, tok: Token, label: str) -> DocSpan | None:
        """The entity of ``label`` at ``tok``; never an actor of a dateline ("Shafaq News/ Iraqi
        jets struck ...": the outlet, however the parser hangs it on the subject, struck
        nothing; ``units.slash-dateline``)."""
        ent = self.ent_of.get(tok.i)
        if label == "ACTOR" and tok.i in self.dateline:
            return None
        return ent if ent is not None and ent.label_ == label and ent.ent_id_ else None

    def country_of(self, place: str) -> str | None:
        return self.ref.country_of(place) or self.new_place_country.get(place)

    def is_country(self, place: str) -> bool:
        return self.ref.is_a(place, "Country")


def command_of(ent: DocSpan, ref: Reference) -> str | None:
    """The coalition an entity names, or the commander of the operation it names."""
    if not ent.ent_id_:
        return None
    if ent.label_ == "ACTOR" and ref.is_a(ent.ent_id_, "Coalition"):
        return ent.ent_id_
    if ent.label_ == "OPERATION" and ref.conducted_by.get(ent.ent_id_):
        return ref.conducted_by[ent.ent_id_][0]
    return None
