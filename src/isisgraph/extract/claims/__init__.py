"""Claims: reported speech with its speaker, channel, date, quote, type and what it is about.

``extract_claims(doc, article, ref, events, reports)`` reads the parse of one article and
returns its claims and the persons who speak in them; ``attributions(doc, article, ref)``
gives the figure extractor the claim of each attributed sentence. The readers share one
:class:`~.article.ClaimArticle` per article (its text, quotes, units, entities, speech
lexicon and the memory of who spoke) and run in this order:

1. sentence by sentence (:func:`sentence_claims`):
   - :mod:`.verbs` — speech verbs that attribute something (``claims.verbs.*``: a content
     clause, a parenthetical, a passive agent, a framing quote ...), who speaks through them,
     their channel; :mod:`.nonreports`, the verbs that attribute nothing ("did not say", "the
     number of deaths admitted by the alliance");
   - :mod:`.according` — "according to X" (``claims.according-to.*``);
   - :mod:`.issued` — with neither, a document put out ("released a statement saying ...",
     ``claims.statements.issued``);
   - :mod:`.headline` — with none of these, a headline's title verb the tagger did not read as a
     verb (``claims.headline.title-verb``);
   - :mod:`.speakers` — who the speaker's phrase names, through :mod:`.persons` (names,
     surnames), :mod:`.roles` (the role around a name), :mod:`.descriptions` ("the group",
     "the ministry", "the statement", "both countries"), :mod:`.statements` (the issuer of
     a statement) and :mod:`.sources` (unnamed official sources and bodies of a state: "a
     security source", "the army", "the country's Interior Ministry");
   - :mod:`.dates` — the claim's date; :mod:`.types` — its claim type;
     :mod:`.attribution` — the claim itself, its span and quote;
   - :mod:`.relay` — the outlet that relays a claim of the sentence ("..., per the AP", "the
     statement reported by the Hawar Agency": ``claims.relay.*``);
   - :mod:`.continuation` — "he added", "the statement added", and a sentence that is only a
     quote continuing the claim before it;
2. :mod:`.merge` — one claim per sentence and claimant; unique keys;
3. :mod:`.about` — the events and reports a claim is about; the claimant of a claim of
   responsibility from the attack's record.

Rule ids: a rule that finds a claim (``claims.verbs.*``, ``claims.according-to.*``) is the
claim's ``extractor`` value (the graph's ``ig:extractor``); a rule that completes it from the
context — a speaker taken up from earlier sentences (``claims.speakers.he-last-person``,
``claims.descriptions.the-group`` ...), a continuation, a merge, an about link to the
previous attack — appends ``+`` and its id. Rules that fill a field from the claim's own
words (roles, dates, types) are named in their reader's docstring and tests. The words the
rules read are the ``channel`` and ``claim-type`` SKOS schemes and
``ontology/lexicons/claims.toml`` (:mod:`.lexicon`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc
from spacy.tokens import Span as DocSpan

from isisgraph.extract.claims.about import about, claimant_from_attack, is_attack
from isisgraph.extract.claims.according import claims_according_to, is_according_to
from isisgraph.extract.claims.article import ClaimArticle, Found
from isisgraph.extract.claims.continuation import continued_quote
from isisgraph.extract.claims.headline import headline_claims
from isisgraph.extract.claims.issued import issued_claims
from isisgraph.extract.claims.merge import merge_same_sentence, unique_keys
from isisgraph.extract.claims.persons import named_in_full_later
from isisgraph.extract.claims.quotes import Quote, find_quotes
from isisgraph.extract.claims.relay import relayed_claims
from isisgraph.extract.claims.verbs import claims_of_verb, speech_verbs
from isisgraph.extract.shared import SpanIndex, once_per_doc, tokens_of
from isisgraph.records import Article, Claim, Event, Person, StrikeReport

if TYPE_CHECKING:
    from isisgraph.reference import Reference

__all__ = ["ClaimArticle", "Quote", "attributions", "claim_article", "extract_claims", "find_quotes"]


def extract_claims(
    doc: Doc,
    article: Article,
    ref: Reference,
    events: Sequence[Event] = (),
    reports: Sequence[StrikeReport] = (),
) -> tuple[list[Claim], list[Person]]:
    """The claims of one article and the persons who speak in them."""
    art = claim_article(doc, article, ref)
    claims = read(art, events, reports)
    named_in_full_later(art, claims)
    persons = art.memory.persons
    used = {c.claimant for c in claims}
    for claim in claims:
        if claim.person is not None:
            claim.person = persons.get(claim.person.ref, claim.person)
    return claims, [p for p in persons.values() if p.ref in used]


def attributions(doc: Doc, article: Article, ref: Reference) -> dict[int, Claim]:
    """The claim attributed to each sentence (by the sentence's first character), for the
    figure extractor: a figure in an attributed sentence has that claim's claimant and date."""
    out: dict[int, Claim] = {}
    for claim in read(claim_article(doc, article, ref), (), ()):
        out.setdefault(claim.span.start, claim)
    return out


def claim_article(doc: Doc, article: Article, ref: Reference) -> ClaimArticle:
    """The article as the claim readers see it, one per ``extract``: the figure extractor's
    attributions and the claims themselves come from the same reading of the sentences."""
    art = once_per_doc(doc, ClaimArticle, lambda: ClaimArticle(doc, article, ref))
    if art.article is not article or art.ref is not ref:
        return ClaimArticle(doc, article, ref)
    return art


def read(art: ClaimArticle, events: Sequence[Event], reports: Sequence[StrikeReport]) -> list[Claim]:
    """The article's claims, merged per sentence and linked to its events and reports. Works
    on copies of the sentence claims, which do not depend on the events."""
    found = [replace(f, claim=replace(f.claim)) for f in sentence_claims(art)]
    for item in found:
        item.claim.key = f"claim-{item.claim.span.start}-{item.claim.span.end}"
    found = merge_same_sentence(found)
    records = SpanIndex([*events, *reports])
    attacks = SpanIndex([e for e in events if is_attack(e)])
    events_by_key = {e.key: e for e in events}
    for item in found:
        item.claim.about = about(art, item.claim, records, attacks)
        claimant_from_attack(art, item, attacks, events_by_key)
    claims = [item.claim for item in found]
    unique_keys(claims)
    return claims


def sentence_claims(art: ClaimArticle) -> list[Found]:
    """The claims the sentence units report, in order (read once per article); a unit with
    none may continue the claim before it."""
    if art.found is None:
        found: list[Found] = []
        for index, sent in enumerate(art.sents):
            in_sentence = claims_in(art, index, sent)
            if not in_sentence:
                continued_quote(art, index, sent)
            found.extend(in_sentence)
        art.found = found
    return art.found


def claims_in(art: ClaimArticle, index: int, sent: DocSpan) -> list[Found]:
    """The claims of one sentence unit: those of its speech verbs, then of "according to"."""
    out: list[Found] = []
    for verb, rule in speech_verbs(art, sent):
        out.extend(claims_of_verb(art, index, sent, verb, rule))
    for tok in tokens_of(sent):
        if is_according_to(art, tok, sent):
            out.extend(claims_according_to(art, index, sent, tok))
    out = out or issued_claims(art, index, sent) or headline_claims(art, index, sent)
    return out + relayed_claims(art, index, sent, out)
