"""People who went abroad to fight, and those who came back:

- ``figures.foreign-fighters.nationality-plural``: a nationality plural or "foreigners" who
  went to fight or joined, with the group they fought for ("Of the 1,500 or so Europeans who
  went to fight for Islamic State, ..." → ISIS);
- ``figures.returnees.returned``: a bare number that returned, with the group the foreign
  fighters of its sentence fought for ("... at least 1,200 have returned to their home
  countries").

("foreign fighters" counted by their noun are :mod:`.people`'s.)
"""

from __future__ import annotations

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.closed_class import SIDE_PREPOSITIONS
from isisgraph.extract.figures.article import FigureArticle, Finding
from isisgraph.extract.figures.context import or_last_armed_group
from isisgraph.extract.figures.lexicon import (
    FIGHTER_FORMS,
    FOREIGN_WORDS,
    FOREIGNER_NOUNS,
    JOINED_VERBS,
    JOINING_VERBS,
    RETURNING_VERBS,
)
from isisgraph.extract.shared import tokens_of

NATIONALITY_PLURAL = "figures.foreign-fighters.nationality-plural"
RETURNED = "figures.returnees.returned"


def nationality_plural(fa: FigureArticle, value: float, qualifier: str, noun: Token) -> Finding | None:
    """Foreign fighters named by where they come from (see the module docstring)."""
    if not (is_nationality_plural(noun) and went_to_fight(noun)):
        return None
    finding = Finding(NATIONALITY_PLURAL, "foreign-fighters", value, "people", qualifier, noun, None,
                      fought_for(fa, noun), 0.7)
    or_last_armed_group(fa, finding, noun)
    return finding


def returned(fa: FigureArticle, value: float, qualifier: str, number: Token, unit: DocSpan) -> Finding | None:
    """Returnees: a bare number, subject of a returning verb."""
    head = number.head
    if number.dep_ not in ("nsubj", "nsubjpass") or head.lemma_.lower() not in RETURNING_VERBS:
        return None
    fighters = foreign_fighters_nearby(unit)
    subject = fought_for(fa, fighters) if fighters is not None else None
    finding = Finding(RETURNED, "returnees", value, "people", qualifier, number, head, subject, 0.7)
    or_last_armed_group(fa, finding, number)
    return finding


def fought_for(fa: FigureArticle, noun: Token | None) -> str | None:
    """ "Europeans who went to fight for Islamic State" → ISIS; "Britons travelled to
    join the group" → the group."""
    if noun is None:
        return None
    scope = list(noun.subtree)
    if noun.dep_ in ("nsubj", "nsubjpass"):
        scope = list(noun.head.subtree)
    for tok in scope:
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in JOINED_VERBS:
            actor = fa.actor_of(tok)
            if actor:
                return actor
    for tok in scope:
        if tok.dep_ == "pobj" and tok.head.lower_ in SIDE_PREPOSITIONS:
            actor = fa.actor_of(tok)
            if actor:
                return actor
    return None


def went_to_fight(noun: Token) -> bool:
    """ "Europeans who went to fight", "800 Britons travelled to join the group"."""
    verbs = [t for t in noun.subtree if t.pos_ == "VERB"]
    if noun.dep_ in ("nsubj", "nsubjpass"):
        verbs.extend([noun.head, *(c for c in noun.head.children if c.pos_ == "VERB")])
    return any(v.lemma_.lower() in JOINING_VERBS for v in verbs)


def is_nationality_plural(token: Token) -> bool:
    """ "Europeans", "Britons", "Tunisians", "foreigners": people named by where they come from."""
    if token.lemma_.lower() in FOREIGNER_NOUNS:
        return True
    return token.tag_ == "NNPS" or token.ent_type_ == "NORP" and token.tag_ in ("NNS", "NNPS")


def foreign_fighters_nearby(unit: DocSpan) -> Token | None:
    """The foreign fighters a sentence names: a nationality plural who went to fight, or
    "foreign fighters"."""
    for tok in tokens_of(unit):
        if is_nationality_plural(tok) and went_to_fight(tok):
            return tok
        if tok.lower_ in FIGHTER_FORMS and any(c.lower_ in FOREIGN_WORDS for c in tok.children):
            return tok
    return None
