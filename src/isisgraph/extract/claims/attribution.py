"""A claim from an attribution and one of its speakers: its evidence span (the sentence or
reporting clause, extended over the quotes it reports, within its paragraph), its quote (the
longest of them), its type, its confidence, and the rule ids that found it.

Confidence (0–1) is the speaker's: 0.85 a named person; 0.8 an organisation, "according to"
or a surname matched exactly; 0.7 a speaker resolved through a pronoun, "the statement",
"the ministry" or "the group" named as an agent (0.5 otherwise); 0.65 a surname matched with
one edit; minus 0.05 when the date is only the publication date (and minus 0.05 when a bare
quote is attached later, :mod:`.continuation`).

The claim's extractor value is the rule that found the attribution, then (``+``) the rules
that completed it from the context: the speaker's, when taken up from earlier sentences, and
the continuation steps.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.extract.claims.article import ClaimArticle, Found, Speaker
from isisgraph.extract.claims.lexicon import DOCUMENT_CHANNELS, VERB_AND_NOUN_CHANNELS
from isisgraph.extract.claims.quotes import Quote
from isisgraph.extract.claims.types import claim_type
from isisgraph.records import Claim, Span, When


@dataclass
class Attribution:
    """What an attribution says before its speakers are known."""

    anchor: Token  # the speech verb, or "according" of "according to"
    rule: str  # the rule that found it
    channel: str
    when: When | None
    fallback: bool  # the date is only the publication date
    content: list[Token]  # the words of the sentence outside the speaker's phrase
    steps: list[str] = field(default_factory=list)  # rules that completed it from the context
    # an outlet relaying the speaker of the same sentence ("..., the statement said, the Tass
    # news agency reported"): the next "it" and "he added" still mean the speaker it relays
    relay: bool = False


def make_claim(art: ClaimArticle, index: int, clause: DocSpan, said: Attribution, speaker: Speaker) -> Found:
    """The claim of one speaker of an attribution in sentence unit ``index``."""
    span, quote = evidence_of(art, clause, said.anchor)
    content = said.content
    if quote is not None:
        content = [*content, *(t for t in art.tokens_in(quote.inner) if t not in said.content)]
    verb = said.anchor if said.anchor.lower_ != "according" else None
    confidence = speaker.confidence - (0.05 if said.fallback else 0.0)
    rules = [said.rule, *([speaker.rule] if speaker.from_context else []), *said.steps]
    claim = Claim(
        key=f"claim-{span.start}-{span.end}",
        span=span,
        claimant=speaker.claimant,
        claim_type=claim_type(art, verb, content, speaker),
        channel=said.channel,
        on_behalf_of=speaker.on_behalf_of,
        quote=art.text[quote.inner.start : quote.inner.end] if quote else None,
        quote_span=quote.inner if quote else None,
        when=said.when,
        person=speaker.person,
        confidence=round(confidence, 2),
        extractor="+".join(rules),
    )
    if not said.relay:
        remember(art, index, claim, speaker, said.channel, said.when)
    if said.fallback:
        art.memory.undated.add(id(claim))
    return Found(claim, index, speaker)


def evidence_of(art: ClaimArticle, clause: DocSpan, anchor: Token) -> tuple[Span, Quote | None]:
    """The claim's span: the clause within its paragraph, extended over the quotes of the
    clause in that paragraph (not one holding the anchor); and the longest of those quotes."""
    para_start, para_end = art.paragraph_bounds(anchor.idx)
    start, end = max(clause.start_char, para_start), min(clause.end_char, para_end)
    quotes = [
        q
        for q in art.quotes_overlapping(clause.start_char, clause.end_char)
        if not (q.outer.start <= anchor.idx < q.outer.end)
    ]
    quotes = [q for q in quotes if para_start <= q.outer.start < para_end or para_start < q.outer.end <= para_end]
    for quote in quotes:
        start, end = min(start, quote.outer.start), max(end, quote.outer.end)
        art.memory.claimed_quotes.add(quote.outer)
    quote = max(quotes, key=lambda q: q.inner.end - q.inner.start) if quotes else None
    return art.trimmed_span(start, end), quote


def remember(art: ClaimArticle, index: int, claim: Claim, speaker: Speaker, channel: str, when: When | None) -> None:
    """Who spoke last (a person, an organisation, the issuer of a statement), for the
    pronouns and descriptions of the next sentences."""
    memory = art.memory
    if speaker.person is not None:
        memory.last_person = speaker
        memory.last_person_at = index
    else:
        memory.last_org = (index, speaker)
    if channel in DOCUMENT_CHANNELS:
        memory.last_statement = (replace(speaker, how="actor"), when)
    if channel in DOCUMENT_CHANNELS or channel in VERB_AND_NOUN_CHANNELS:
        memory.last_documents[channel] = (replace(speaker, how="actor"), when)
    memory.last_claim = (index, art.paragraph(claim.span.start), claim, speaker)


def append_step(claim: Claim, step: str) -> None:
    """Add the id of a rule that changed the claim after it was found to its extractor
    value, once."""
    if "+" + step not in claim.extractor:
        claim.extractor += "+" + step
