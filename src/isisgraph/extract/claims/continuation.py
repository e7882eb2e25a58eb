"""The same statement going on: news writing keeps quoting without repeating who speaks.

- ``claims.continuation.added``: "He added ...", "He continued by ...": a going-on verb of
  the speaker of a claim of the last three sentences keeps that claim's channel (for a bare
  "said") and its stated date (for an undated one; a date that is only the publication's
  stays approximate) ("These missions serve as "an indispensable
  source of intelligence ..." and in preventing attacks against Iraqi forces, he added.");
- ``claims.continuation.statement-date``: "the statement added" takes the date of the last
  statement when it states none (a release "on Monday", then ""In Syria, CJTF-OIR conducted
  193 strikes consisting of 338 engagements," the statement added." → Monday);
- ``claims.continuation.bare-quote``: a sentence or paragraph that is nothing but a quote,
  right after a claim (in the same or the next paragraph, within three sentences), continues
  that claim — not a quote of several sentences whose closing one attributes it: its
  evidence grows to cover the quote, which becomes its quote when it had
  none, and its confidence drops by 0.05, the attachment being inferred.

Each appends its id to the claim's extractor value.
"""

from __future__ import annotations

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.extract.claims.article import ClaimArticle, Speaker
from isisgraph.extract.claims.attribution import Attribution, append_step
from isisgraph.extract.claims.lexicon import GOING_ON_VERBS
from isisgraph.extract.claims.quotes import OPEN_QUOTES, STRAIGHT_QUOTE
from isisgraph.extract.claims.types import claim_type

ADDED = "claims.continuation.added"
STATEMENT_DATE = "claims.continuation.statement-date"
BARE_QUOTE = "claims.continuation.bare-quote"


def introduces_next_quote(art: ClaimArticle, sent: DocSpan) -> bool:
    """Whether a sentence unit ends on a colon outside quotation marks and a quotation opens
    the unit after it: "X said: ⏎ “...”", "X issued the following statement: ⏎ “...”",
    "According to a statement of X: ⏎ “...”" (releases of defence ministries). The quote then
    continues the unit's claim (:func:`continued_quote`)."""
    words = [t for t in sent if not t.is_space]
    if not words or words[-1].text != ":" or art.in_quote(words[-1]) is not None:
        return False
    following = art.text[sent.end_char : sent.end_char + 40].lstrip()
    return following[:1] in OPEN_QUOTES + STRAIGHT_QUOTE


def statement_date(art: ClaimArticle, head: Token, said: Attribution) -> None:
    """ "the statement added": a statement with no date of its own takes the last one's."""
    last = art.memory.last_statement
    if not (said.fallback and said.channel == "statement" and last and head.lemma_.lower() in art.lexicon.nouns):
        return
    inherited = last[1]
    if inherited is not None:
        said.when, said.fallback = inherited, False
        said.steps.append(STATEMENT_DATE)


def going_on(art: ClaimArticle, index: int, verb: Token, speaker: Speaker, said: Attribution) -> None:
    """ "He added ...": the previous claim of the same speaker lends its channel and date."""
    last = art.memory.last_claim
    if (
        verb.lemma_.lower() not in GOING_ON_VERBS
        or last is None
        or index - last[0] > 3
        or last[2].claimant != speaker.claimant
    ):
        return
    previous = last[2]
    inherited = False
    if said.channel == "said" and previous.channel:
        inherited = previous.channel != said.channel
        said.channel = previous.channel
    if said.fallback and previous.when is not None and id(previous) not in art.memory.undated:
        said.when, said.fallback = previous.when, False  # a stated date, not the publication's
        inherited = True
    if inherited:
        said.steps.append(ADDED)


def unit_end_at(art: ClaimArticle, char: int) -> int:
    """The end of the sentence unit that holds character ``char``: a quote of several
    sentences is bare only if the unit where it closes says nothing more ("“... fight. When
    arriving, a landmine was triggered ...,” the statement added", dev n_gfatf-k24; "\"Since
    August 8, ... 68 airstrikes in Iraq. Of those 68 strikes, 35 ...,\" the statement said",
    q_alalam): its attribution is the closing unit's own claim, not a going on of the claim
    before."""
    for unit in art.sents:
        if unit.start_char <= char < unit.end_char:
            return unit.end_char
    return char


def continued_quote(art: ClaimArticle, index: int, sent: DocSpan) -> None:
    """Attach a sentence that is only a quote to the claim right before it (see the module
    docstring); it makes no claim of its own."""
    memory = art.memory
    last = memory.last_claim
    if last is None:
        return
    quotes = [
        q
        for q in art.quotes_overlapping(sent.start_char, sent.end_char)
        if q.outer not in memory.claimed_quotes and q.outer.start >= sent.start_char - 1
    ]
    if not quotes:
        return
    quote = quotes[0]
    text = art.text
    para_start, para_end = art.paragraph_bounds(quote.outer.start)
    region_start = max(min(sent.start_char, quote.outer.start), para_start)
    region_end = min(max(sent.end_char, quote.outer.end, unit_end_at(art, quote.outer.end - 1)), para_end)
    outside = text[region_start : quote.outer.start] + text[quote.outer.end : region_end]
    if sum(ch.isalnum() for ch in outside) > 3:
        return
    paragraph = art.paragraph(quote.outer.start)
    last_sent, last_para, claim, speaker = last
    if last_para not in (paragraph, art.previous_paragraph(paragraph)) or index - last_sent > 3:
        return
    memory.claimed_quotes.add(quote.outer)
    claim.span = art.trimmed_span(claim.span.start, max(claim.span.end, min(quote.outer.end, para_end)))
    if claim.quote is None:
        claim.quote = text[quote.inner.start : quote.inner.end]
        claim.quote_span = quote.inner
        if claim.claim_type == "statement":
            claim.claim_type = claim_type(art, None, art.tokens_in(quote.inner), speaker)
    claim.confidence = round(max(0.3, claim.confidence - 0.05), 2)
    append_step(claim, BARE_QUOTE)
    memory.last_claim = (index, paragraph, claim, speaker)
