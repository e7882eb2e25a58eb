"""Reported speech: the verb of saying whose complement a clause is ("the ministry said on
Sunday that its aircraft struck ..."), and the words of that reporting clause.

Strike counts and events told inside reported speech are still facts of the article (with
lower confidence); what the reporting clause adds is who says it and when it was said,
which is neither who struck nor when the strikes happened.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from isisgraph.extract.syntax.tree import VERBAL, clause_head
from isisgraph.extract.syntax.units import same_line
from isisgraph.lexicons import lexicon

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
