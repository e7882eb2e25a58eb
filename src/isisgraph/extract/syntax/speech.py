"""Reported speech: the verb of saying whose complement a clause is ("the ministry said on
Sunday that its aircraft struck ..."), and the words of that reporting clause.

Strike counts and events told inside reported speech are still facts of the article (with
lower confidence); what the reporting clause adds is who says it and when it was said,
which is neither who struck nor when the strikes happened.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Span, Token

from isisgraph.extract.dates import find_dates
from isisgraph.extract.syntax.tree import VERBAL, clause_head
from isisgraph.extract.syntax.units import same_line, sentence_of
from isisgraph.lexicons import lexicon
from isisgraph.records import When

GRAMMAR = lexicon("grammar")


@dataclass(frozen=True)
class SpeechFrame:
    """A verb of saying and the clause it reports."""

    verb: Token
    complement: Token


def speech_frame(token: Token) -> SpeechFrame | None:
    """The reporting clause that ``token``'s clause is the content of: the nearest complement
    clause (``ccomp``) above it whose verb is on the same line. None in a main clause."""
    clause = clause_head(token)
    for anc in [clause, *clause.ancestors]:
        if anc.dep_ == "ccomp" and anc.head.pos_ == "VERB" and same_line(anc, anc.head):
            return SpeechFrame(anc.head, anc)
        if anc.dep_ == "ROOT":
            return None
    return None


def reporting_tokens(frame: SpeechFrame, unit: Span) -> list[Token]:
    """The words of the reporting clause without the reported content ("the Security Media
    Cell said in a statement on Sunday"), within ``unit``."""
    return [t for c in frame.verb.children if c != frame.complement
            for t in c.subtree if unit.start <= t.i < unit.end]


def is_reporting_verb(token: Token) -> bool:
    """A verb of saying or knowing ("said", "reported", "believes")."""
    return token.pos_ in VERBAL and token.lemma_ in GRAMMAR.reporting_verbs


def report_of(token: Token) -> SpeechFrame | None:
    """The report a clause is told in: the verb of saying it is the complement of ("the army
    said it retook Hawija"), or one appended to it ("Kurdish fighters have expelled IS from
    Kobane, activists said Monday", parsed as a parataxis of the main verb). An adverbial
    clause with a conjunction of its own is no appended report: "The loss of Palmyra
    represents one of the biggest setbacks for the group since it declared a caliphate in 2014"
    (Reuters 2016) is not told in the declaration of 2014."""
    frame = speech_frame(token)
    if frame is not None:
        return frame
    clause = clause_head(token)
    for child in clause.children:
        if child.dep_ in ("parataxis", "advcl") and is_reporting_verb(child) and same_line(child, clause) \
                and not any(c.dep_ == "mark" for c in child.children):
            return SpeechFrame(child, clause)
    return None


def report_date(token: Token, published: dt.date | None) -> When | None:
    """The resolved date of the report ``token``'s clause is told in ("..., the Security Media
    Cell said on Sunday"): a date among the words of the reporting clause, not of the content;
    None when the report is undated or unresolved."""
    frame = report_of(token)
    if frame is None:
        return None
    sentence = sentence_of(frame.verb)
    content = {t.i for t in frame.complement.subtree} if frame.complement in frame.verb.children else set()
    words = {t.i for t in frame.verb.subtree} - content
    dates = [w for w in find_dates(sentence, published) if w.span is not None and w.start is not None
             and all(t.i in words for t in sentence if w.span.start <= t.idx < w.span.end)]
    if not dates:
        return None
    return min(dates, key=lambda w: abs(w.span.start - frame.verb.idx) if w.span else 0)
