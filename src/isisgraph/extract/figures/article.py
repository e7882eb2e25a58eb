"""What the figure readers share about one article: its sentence units and entities with the
indexes that find them, the measure lexicon, the claims its sentences are attributed to, and
the actors and places its entities stand for. A :class:`Finding` is what a reader found for
one count before it becomes a ``Figure``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from isisgraph.extract.claims import attributions
from isisgraph.extract.figures.lexicon import BACKER_PARTICIPLES, MeasureLexicon
from isisgraph.extract.shared import SpanIndex, entities, text_of, tokens_of
from isisgraph.extract.syntax.units import units
from isisgraph.records import Article

if TYPE_CHECKING:
    from isisgraph.reference import Reference

DOMAIN_LABELS = ("ACTOR", "PLACE", "OPERATION")
BACKER_SUFFIXES = tuple("-" + word for word in BACKER_PARTICIPLES.ordered)
T = TypeVar("T")


@dataclass
class Finding:
    """A reported quantity as a reader found it: the rule (``figures.<measure>.<rule>``), the
    measure, value, unit and qualifier, the counted noun and the verb of its clause, the actor
    it counts or whose action it measures, its confidence and places, and the context steps
    that completed it."""

    rule: str
    measure: str
    value: float
    unit: str
    qualifier: str
    noun: Token | None
    verb: Token | None
    subject: str | None
    confidence: float
    places: list[str] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)

    def from_context(self, step: str, value: T) -> T:
        """``value``, noting the context rule ``step`` when it found something."""
        if value:
            self.steps.append(step)
        return value


class FigureArticle:
    """One parsed article as the figure readers see it."""

    def __init__(self, doc: Doc, article: Article, ref: Reference) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.article = article
        self.ref = ref
        self.lexicon = MeasureLexicon.from_reference(ref)
        self.units = units(doc)
        self.domain_ents = [e for e in entities(doc) if e.label_ in DOMAIN_LABELS and e.ent_id_]
        self.domain_starts = [e.start for e in self.domain_ents]  # sorted: entities do not overlap
        self.ent_by_token = {i: ent for ent in self.domain_ents for i in range(ent.start, ent.end)}
        self.unit_by_token = {i: index for index, unit in enumerate(self.units) for i in range(unit.start, unit.end)}
        self.claims = SpanIndex(list(attributions(doc, article, ref).values()))

    def ent_of(self, token: Token) -> DocSpan | None:
        return self.ent_by_token.get(token.i)

    def unit_index(self, token: Token) -> int:
        return self.unit_by_token.get(token.i, 0)

    def actor_of(self, token: Token) -> str | None:
        """The actor a token names: an actor entity, the conductor of an operation."""
        ent = self.ent_of(token)
        if ent is None:
            return None
        iri = ent.ent_id_
        if ent.label_ == "ACTOR" or self.ref.is_a(iri, "Actor"):
            return iri
        if ent.label_ == "OPERATION":
            conductors = self.ref.conducted_by.get(iri, [])
            return conductors[0] if conductors else None
        return None

    def actor_in(self, tokens: Iterable[Token]) -> str | None:
        """The first actor the tokens name, not as the backer of a participle ("US-backed")."""
        for tok in tokens:
            actor = self.actor_of(tok)
            if actor and not modifies_participle(tok):
                return actor
        return None

    def last_armed_group(self, before: Token, window: int = 3) -> str | None:
        """The armed group named last, in this sentence or the ``window`` before it."""
        unit_index = self.unit_index(before)
        first = self.units[max(0, unit_index - window)].start
        named = self.domain_ents[bisect_left(self.domain_starts, first) : bisect_left(self.domain_starts, before.i)]
        for ent in reversed(named):
            if self.ref.is_a(ent.ent_id_, "ArmedGroup"):
                return ent.ent_id_
        return None

    def places_in(self, tokens: Iterable[Token]) -> list[str]:
        out: list[str] = []
        for tok in tokens:
            ent = self.ent_of(tok)
            if ent is not None and ent.label_ == "PLACE" and ent.ent_id_ not in out:
                out.append(ent.ent_id_)
        return out

    def context_countries(self, unit_index: int, n: int) -> list[str]:
        """The countries "the two countries" / "both countries" stands for: the nearest
        sentence before this one that names ``n`` of them."""
        for index in range(unit_index, max(-1, unit_index - 4), -1):
            found: list[str] = []
            for tok in tokens_of(self.units[index]):
                ent = self.ent_of(tok)
                if ent is not None and self.ref.is_a(ent.ent_id_, "Country") and ent.ent_id_ not in found:
                    found.append(ent.ent_id_)
            if index == unit_index:
                continue  # the sentence itself names other places than the ones it counts in
            if len(found) >= n:
                return found[:n]
        return []


def modifies_participle(token: Token) -> bool:
    """ "US" in "US-backed fighters" names the backer, not the fighters."""
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].text in ("-", "\u2013") and doc[token.i + 2].tag_ == "VBN":
        return True
    return token.text.lower().endswith(BACKER_SUFFIXES)


def modifiers(noun: Token) -> list[Token]:
    """The words of a noun's compounds, adjectives and possessives."""
    out: list[Token] = []
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss"):
            out.extend(child.subtree)
    return sorted(out, key=lambda t: t.i)
