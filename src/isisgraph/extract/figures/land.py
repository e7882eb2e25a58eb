"""Territory: areas and shares of land.

- ``figures.territory.area``: a count of a unit of length made square ("20 square miles",
  "55,670 SQ KM", "1,200 km²"), in ``km2`` or ``sq-mi``, with the subject of its verb ("the
  U.S.-led coalition has regained about 20 square miles in Deir Ezzour" → the coalition);
- ``figures.territory.share-of-land``: a percentage or fraction of a land word or a place
  ("87% of the territory", "one-third of Syria", "half of Anbar"), in ``percent`` (a fraction
  as its percentage: 33.3 for a third), with the place as location and, under a liberating
  verb, its subject ("In 2014, ISIS controlled nearly one-third of Syria" → ISIS, Syria);
- ``figures.territory.share-cleared``: a percentage of a land state ("Colonel Dillion noted
  that the city is about 90% cleared").

Fractions written without a number ("half of Anbar", "nearly a quarter of Syria") are
counts of one fraction (:func:`bare_fractions`), with the qualifier written before them.
"""

from __future__ import annotations

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.closed_class import FRACTION_DETERMINERS
from isisgraph.extract.figures.article import FigureArticle, Finding
from isisgraph.extract.figures.context import subject_of
from isisgraph.extract.figures.lexicon import (
    AREA_UNITS,
    FRACTIONS,
    LAND_STATES,
    LAND_WORDS,
    LIBERATING_VERBS,
    PERCENT_WORDS,
    SQUARE_UNITS,
    SQUARE_WORDS,
)
from isisgraph.extract.numbers import CountMatch, qualifier_phrases
from isisgraph.extract.shared import tokens_of
from isisgraph.extract.syntax.tree import nearest_verb

AREA = "figures.territory.area"
SHARE_OF_LAND = "figures.territory.share-of-land"
SHARE_CLEARED = "figures.territory.share-cleared"

SHARE_DEPS = ("npadvmod", "advmod", "dobj", "nsubj", "attr", "amod")  # "90% cleared", "cleared 90%"


def area(fa: FigureArticle, count: CountMatch, noun: Token, value: float, qualifier: str) -> Finding | None:
    """A count of square units of length (``figures.territory.area``)."""
    unit = area_unit(fa, count, noun)
    if unit is None:
        return None
    verb = nearest_verb(noun)
    return Finding(AREA, "territory", value, unit, qualifier, noun, verb, subject_of(fa, verb), 0.8)


def area_unit(fa: FigureArticle, count: CountMatch, noun: Token) -> str | None:
    """The area unit slug of a counted noun: square by itself ("km²"), or a unit of length
    with "square" between the number and it, or on it ("20 square miles")."""
    lower = noun.lower_
    if lower in SQUARE_UNITS:
        return "km2"
    if lower not in AREA_UNITS:
        return None
    between = fa.doc[count.span.end : noun.i]
    if any(t.lower_ in SQUARE_WORDS for t in between) or any(
        c.lower_ in SQUARE_WORDS for c in noun.children
    ):
        return str(AREA_UNITS[lower])
    return None


def share_of_land(fa: FigureArticle, share: float, qualifier: str, anchor: Token | None) -> Finding | None:
    """ "87% of the territory", "one-third of Syria", "90% cleared": territory in percent."""
    if anchor is None:
        return None
    places: list[str] = []
    of_objects = [
        g for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
    ]
    rule = None
    for obj in of_objects:
        if obj.lemma_.lower() in LAND_WORDS:
            rule = SHARE_OF_LAND
        ent = fa.ent_of(obj)
        if ent is not None and ent.label_ == "PLACE":
            rule = SHARE_OF_LAND
            places.append(ent.ent_id_)
    head = anchor.head
    if (
        rule is None
        and (head.lemma_.lower() in LAND_STATES or head.lower_ in LAND_STATES)
        and anchor.dep_ in SHARE_DEPS
    ):
        rule = SHARE_CLEARED
    if rule is None:
        return None
    verb = nearest_verb(anchor)
    subject = subject_of(fa, verb) if verb is not None and verb.lemma_.lower() in LIBERATING_VERBS else None
    return Finding(rule, "territory", round(share, 1), "percent", qualifier, anchor, verb, subject, 0.75, places)


def percent_token(count: CountMatch) -> Token | None:
    """The word of a percentage ("%", "percent"), the anchor of its share; else the
    number's head."""
    for tok in count.span:
        if tok.lower_ in PERCENT_WORDS:
            return tok
    number = count.head
    return number.head if number.head != number else None


def bare_fractions(fa: FigureArticle, unit: DocSpan) -> list[CountMatch]:
    """ "half of Anbar", "a third of the country", "nearly a quarter of Syria": shares
    written without a number, as counts of one fraction."""
    out: list[CountMatch] = []
    phrases = qualifier_phrases()
    doc = fa.doc
    for tok in tokens_of(unit):
        if tok.lower_ not in FRACTIONS or not any(c.lower_ == "of" for c in tok.children):
            continue
        start = tok.i
        if start > unit.start and doc[start - 1].lower_ in FRACTION_DETERMINERS:
            start -= 1
        qualifier = "exact"
        for n in (2, 1):
            if start - n >= unit.start:
                phrase = " ".join(t.lower_ for t in doc[start - n : start])
                if phrase in phrases:
                    qualifier, start = phrases[phrase], start - n
                    break
        out.append(CountMatch(doc[start : tok.i + 1], 1.0, qualifier))
    return out
