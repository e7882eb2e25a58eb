"""What the claim readers share about one article: its text and geometry (paragraphs, quotes,
sentence units, entities, with the indexes that find them without scanning), its speech
lexicon, and the memory of who spoke so far (:class:`Memory`), which the readers update as
they go through the sentences in order.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from isisgraph.extract.claims.lexicon import SpeechLexicon
from isisgraph.extract.claims.quotes import Quote, find_quotes
from isisgraph.extract.shared import entities, text_of, tokens_of
from isisgraph.extract.syntax.units import units, without_dateline
from isisgraph.records import Article, Claim, Person, Span, When

if TYPE_CHECKING:
    from isisgraph.reference import Reference

DOMAIN_LABELS = ("ACTOR", "PLACE", "OPERATION")


@dataclass
class Speaker:
    """Who speaks: an actor IRI, or a person with the organisation they speak for. ``how``
    says how the speaker was found (actor | person | pronoun | surname | description |
    context), ``rule`` the id of the rule that found them."""

    claimant: str
    person: Person | None = None
    on_behalf_of: str | None = None
    confidence: float = 0.8
    how: str = "actor"
    rule: str = ""

    @property
    def from_context(self) -> bool:
        """Whether the speaker was resolved from outside their own phrase (a pronoun, a
        surname or description taken up from earlier sentences): the claim's extractor
        value then names the resolving rule too."""
        return self.how not in ("actor", "person")


@dataclass
class Found:
    """A claim as its sentence gave it, with the sentence unit and the speaker it was
    found with (what the later steps, merging and linking, need to know)."""

    claim: Claim
    unit: int
    speaker: Speaker


@dataclass
class Memory:
    """What the readers remember while going through an article."""

    persons: dict[str, Person] = field(default_factory=dict)  # IRI -> Person
    last_person: Speaker | None = None
    last_person_at: int = -1  # sentence of the last person's claim
    # An unnamed official who spoke for an organisation ("the SDF commander said"): a later
    # "he said" may be them. (sentence, speaker)
    last_official: tuple[int, Speaker] | None = None
    last_org: tuple[int, Speaker] | None = None  # (sentence index, speaker)
    last_statement: tuple[Speaker, When | None] | None = None
    # the issuer of the last document of each channel ("report", "statement", "tweet"), for "the report"
    last_documents: dict[str, tuple[Speaker, When | None]] = field(default_factory=dict)
    # Head nouns of organisations named as speakers ("the Peshmerga ministry" → "ministry"),
    # so that a later "the ministry said" refers back to them: lemma -> (sentence, speaker).
    org_heads: dict[str, tuple[int, Speaker]] = field(default_factory=dict)
    last_claim: tuple[int, int, Claim, Speaker] | None = None  # (sentence, paragraph, claim, speaker)
    # claims dated only by the publication date (by id): "he added" does not inherit that as stated
    undated: set[int] = field(default_factory=set)
    claimed_quotes: set[Span] = field(default_factory=set)


class ClaimArticle:
    """One parsed article as the claim readers see it (built once per ``extract``)."""

    def __init__(self, doc: Doc, article: Article, ref: Reference) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.article = article
        self.ref = ref
        self.lexicon = SpeechLexicon.from_reference(ref)
        self.quotes = find_quotes(self.text)
        # quotes neither overlap nor nest: their starts and ends are both sorted
        self.quote_starts = [q.outer.start for q in self.quotes]
        self.quote_ends = [q.outer.end for q in self.quotes]
        self.sents = units(doc)
        self.sent_of = {}
        for index, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = index
        self.paragraph_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        ents = entities(doc)
        self.domain_ents = [e for e in ents if e.label_ in DOMAIN_LABELS and e.ent_id_]
        # entities do not overlap: by token and by character, starts and ends are sorted
        self.domain_starts = [e.start for e in self.domain_ents]
        self.domain_ends = [e.end for e in self.domain_ents]
        self.domain_start_chars = [e.start_char for e in self.domain_ents]
        self.domain_end_chars = [e.end_char for e in self.domain_ents]
        self.person_ents = [e for e in ents if e.label_ == "PERSON"]
        self.person_starts = [e.start for e in self.person_ents]
        # Lookups by token, built once: long releases have thousands of tokens.
        self.token_ends = [tok.idx + len(tok.text_with_ws) for tok in tokens_of(doc)]
        self.ent_by_token = {i: ent for ent in self.domain_ents for i in range(ent.start, ent.end)}
        self.quote_by_token: dict[int, Quote] = {}
        for quote in self.quotes:
            for i in range(self.token_at(quote.outer.start), self.token_at(max(quote.outer.end - 1, 0)) + 1):
                if i < len(doc) and quote.outer.start <= doc[i].idx < quote.outer.end:
                    self.quote_by_token[i] = quote
        self.memory = Memory()
        # Read once per article and shared by the readers that ask for them.
        self.speech_verbs: dict[tuple[int, int], list[tuple[Token, str]]] = {}
        self.armed_group_counts: dict[str, int] | None = None
        self.countable_nouns: set[str] | None = None
        self.found: list[Found] | None = None

    # ------------------------------------------------------------------ paragraphs

    def paragraph(self, char: int) -> int:
        lo, hi = 0, len(self.paragraph_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.paragraph_starts[mid] <= char:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def paragraph_bounds(self, char: int) -> tuple[int, int]:
        index = self.paragraph(char)
        start = self.paragraph_starts[index]
        end = self.paragraph_starts[index + 1] - 1 if index + 1 < len(self.paragraph_starts) else len(self.text)
        return start, end

    def previous_paragraph(self, index: int) -> int:
        """The index of the nearest non-blank paragraph before ``index`` (or -1)."""
        text = self.text
        index -= 1
        while index >= 0:
            start = self.paragraph_starts[index]
            end = self.paragraph_starts[index + 1] - 1 if index + 1 < len(self.paragraph_starts) else len(text)
            if text[start:end].strip():
                return index
            index -= 1
        return -1

    def trimmed_span(self, start: int, end: int) -> Span:
        """``start``-``end`` without the blanks at its edges nor the dateline that opens its
        line (rule ``units.evidence-dateline``: "Shafaq News/ The director of ... said")."""
        text = self.text
        kept = without_dateline(self.tokens_in(Span(start, end)))
        if kept and kept[0].idx > start:
            start = kept[0].idx
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Span(start, max(end, start + 1))

    # ------------------------------------------------------------------ tokens and quotes

    def token_at(self, char: int) -> int:
        """The index of the first token that ends after ``char``."""
        return bisect.bisect_right(self.token_ends, char)

    def tokens_in(self, span: Span) -> list[Token]:
        """The tokens that start inside a character span."""
        first = self.token_at(span.start)
        return [t for t in self.doc[first : self.token_at(span.end) + 1] if span.start <= t.idx < span.end]

    def in_quote(self, token: Token) -> Quote | None:
        return self.quote_by_token.get(token.i)

    def quotes_overlapping(self, start: int, end: int) -> list[Quote]:
        first = bisect.bisect_right(self.quote_ends, start)  # the first quote ending after start
        return self.quotes[first : bisect.bisect_left(self.quote_starts, end, lo=first)]

    # ------------------------------------------------------------------ entities

    def ent_of(self, token: Token) -> DocSpan | None:
        return self.ent_by_token.get(token.i)

    def domain_ents_starting_in(self, first: int, last: int) -> list[DocSpan]:
        """The domain entities starting at tokens ``first`` to ``last``."""
        starts = self.domain_starts
        return self.domain_ents[bisect.bisect_left(starts, first) : bisect.bisect_right(starts, last)]

    def persons_starting_in(self, first: int, last: int) -> list[DocSpan]:
        """The PERSON entities starting at tokens ``first`` to ``last``."""
        starts = self.person_starts
        return self.person_ents[bisect.bisect_left(starts, first) : bisect.bisect_right(starts, last)]

    def domain_ents_within(self, start: int, end: int) -> list[DocSpan]:
        """The domain entities lying wholly in tokens ``start`` to ``end``."""
        first = bisect.bisect_left(self.domain_starts, start)
        return self.domain_ents[first : bisect.bisect_right(self.domain_ends, end)]

    def domain_ents_within_chars(self, start: int, end: int) -> list[DocSpan]:
        """The domain entities lying wholly in characters ``start`` to ``end``."""
        first = bisect.bisect_left(self.domain_start_chars, start)
        return self.domain_ents[first : bisect.bisect_right(self.domain_end_chars, end)]
