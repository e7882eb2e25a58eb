"""What a figure takes from its clause and its context: the actor it counts or whose action it
measures, its places, its evidence, the claim it is attributed to, and its as-of date.

Context rules (their id is appended to the figure's extractor value when they supply a value):

- ``figures.context.last-armed-group``: fighters, foreign fighters and returnees with no actor
  of their own belong to the armed group named last, in their sentence or the three before
  ("An estimated 6,500 fighters are believed to be in the two countries." → ISIS, named
  before);
- ``figures.context.speaker-side``: "we" is the side of the speaker the sentence is attributed
  to ("“We have freed 3,000 civilians,” the Iraqi army said" → the Iraqi army);
- ``figures.context.two-countries``: "in the two countries" / "in both countries" are the two
  countries the nearest previous sentence names ("... in Iraq and Syria. An estimated 6,500
  fighters are believed to be in the two countries.").

The as-of date: the date attached to the clause's verb ("In 2014, ISIS controlled ..."),
not one that opens or closes a period ("since", "until"); else the stated date of the claim
the sentence is attributed to ("tweeted on Tuesday"); else, for present-tense and cumulative
statements ("currently keeps", "are believed to be", "to date, ... has removed"), the
publication date with the manifest's precision; a past-tense figure without a date gets the
publication date with precision ``approximate``. Without a publication date nothing is
invented.
"""

from __future__ import annotations

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.closed_class import FIRST_PERSON_PLURAL, PAIR_QUANTIFIERS, PERIOD_PREPOSITIONS
from isisgraph.extract.dates import find_dates
from isisgraph.extract.figures.article import FigureArticle, Finding
from isisgraph.extract.figures.lexicon import COUNTRY_NOUNS, CUMULATIVE_WORDS, EVENT_VERBS
from isisgraph.extract.shared import tokens_of
from isisgraph.extract.syntax.tree import children, clause_root, subject_chain
from isisgraph.records import Claim, Span, When

LAST_ARMED_GROUP = "figures.context.last-armed-group"
SPEAKER_SIDE = "figures.context.speaker-side"
TWO_COUNTRIES = "figures.context.two-countries"

PRESENT_TAGS = {"VBZ", "VBP"}


def subject_of(fa: FigureArticle, verb: Token | None) -> str | None:
    """The actor doing what the verb says: its subject or passive agent, or those of the
    verb it shares its subject with."""
    if verb is None:
        return None
    for current in subject_chain(verb):
        for child in children(current, "nsubj", "agent"):
            tokens = list(child.subtree) if child.dep_ == "nsubj" else [t for g in child.children for t in g.subtree]
            actor = fa.actor_in(tokens)
            if actor:
                return actor
    return None


def or_last_armed_group(fa: FigureArticle, finding: Finding, token: Token) -> None:
    """Give a finding with no subject the armed group named last before ``token``."""
    if finding.subject is None:
        finding.subject = finding.from_context(LAST_ARMED_GROUP, fa.last_armed_group(token))


def speaker_side(finding: Finding, claim: Claim | None) -> None:
    """ "“We have freed ...,” the army said": "we" is the speaker's side."""
    if finding.subject is None and claim is not None and first_person_subject(finding.verb):
        side = claim.on_behalf_of or (claim.claimant if claim.person is None else None)
        finding.subject = finding.from_context(SPEAKER_SIDE, side)


def first_person_subject(verb: Token | None) -> bool:
    return verb is not None and any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON_PLURAL for c in verb.children)


def counted_places(fa: FigureArticle, finding: Finding, noun: Token, index: int) -> list[str]:
    """Places of "in the two countries" / "in both countries", resolved from context."""
    for tok in clause_root(noun).subtree:
        if (
            tok.lemma_.lower() in COUNTRY_NOUNS
            and tok.tag_ == "NNS"
            and any(c.lower_ in PAIR_QUANTIFIERS for c in tok.children)
        ):
            return finding.from_context(TWO_COUNTRIES, fa.context_countries(index, 2))
    return []


def own_places(fa: FigureArticle, token: Token) -> list[str]:
    """Places attached to the counted noun itself ("troops in Iraq"), not to a coordinated
    count ("... and 900 in Syria")."""
    tokens = [t for c in token.children if c.dep_ not in ("conj", "cc", "relcl", "acl") for t in c.subtree]
    return fa.places_in(tokens)


def clause_tokens(token: Token, unit: DocSpan) -> list[Token]:
    """The tokens of a token's clause within its unit (the whole unit if none)."""
    root = clause_root(token)
    tokens = [t for t in root.subtree if unit.start <= t.i < unit.end]
    return tokens or list(unit)


def evidence_span(fa: FigureArticle, unit: DocSpan) -> Span:
    text = fa.text
    start, end = unit.start_char, unit.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def claim_for(fa: FigureArticle, span: Span) -> Claim | None:
    """The first claim whose span holds ``span`` or lies in it."""
    for claim in fa.claims.touching(span.start, span.end):
        if (
            claim.span.start <= span.start
            and span.end <= claim.span.end
            or (span.start <= claim.span.start and claim.span.end <= span.end)
        ):
            return claim
    return None


def as_of(fa: FigureArticle, token: Token, unit: DocSpan, claim: Claim | None) -> When | None:
    """See the module docstring: the clause's own date, the claim's, or publication."""
    verb = clause_root(token)
    published = fa.article.published
    for when in find_dates(unit, published):
        if when.span is None or when.start is None:
            continue
        date_tokens = [t for t in tokens_of(unit) if when.span.start <= t.idx < when.span.end]
        if (
            date_tokens
            and all(clause_root(t) == verb for t in date_tokens)
            and not any(
                a.lower_ in PERIOD_PREPOSITIONS
                for t in date_tokens
                for a in t.ancestors
                if a.i < t.i and clause_root(a) == verb
            )
        ):
            return when
    if claim is not None and claim.when is not None and claim.when.precision != "approximate":
        return claim.when
    if published is None:
        return None
    present = verb.tag_ in PRESENT_TAGS or any(c.tag_ in PRESENT_TAGS for c in verb.children if c.dep_ == "aux")
    cumulative = any(t.lower_ in CUMULATIVE_WORDS for t in tokens_of(unit))
    precision = fa.article.date_precision if (present or cumulative) else "approximate"
    return When(raw=verb.text, start=published, end=published, precision=precision)


def is_event_count(token: Token) -> bool:
    """Whether a count belongs to an event (killed, arrested, surrendering ...): the events
    extractor's, not a figure."""
    for candidate in [token, *token.children]:
        if candidate.lemma_.lower() in EVENT_VERBS and candidate.pos_ == "VERB":
            return True
    head = token.head
    hops = 0
    while head != head.head and hops < 2:
        if head.pos_ == "VERB":
            return head.lemma_.lower() in EVENT_VERBS
        head = head.head
        hops += 1
    return head.pos_ == "VERB" and head.lemma_.lower() in EVENT_VERBS
