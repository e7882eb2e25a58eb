"""Figures: the quantities the news reports — troops deployed, fighters remaining, territory
and people liberated, foreign fighters and returnees, targets struck — as ``Figure`` records.

``extract_figures(doc, article, ref)`` reads every count expression of each sentence unit
(``numbers.find_counts``, and the fractions written without a number, :mod:`.land`) and asks
the readers, in this order, whether it is a figure (:func:`classify`):

1. :mod:`.land` — a percentage or fraction of land ("87% of the territory", "half of Anbar");
2. :mod:`.counting` — a number a counting verb gives to fighters or troops ("believed to
   number at least 1,000");
3. for a number without a noun: :mod:`.counting` (coordinated with a counted noun: "2,500
   troops in Iraq and 900 in Syria") and :mod:`.abroad` (returnees: "400 have returned");
4. :mod:`.land` — an area ("20 square miles");
5. :mod:`.people` — a measure noun of the ``measure`` scheme (troops, fighters, foreign
   fighters, people liberated, displaced);
6. :mod:`.abroad` — a nationality plural who went to fight ("800 Britons travelled to join");
7. :mod:`.targets` — an aggregate count of a target type in a strike sentence.

:mod:`.context` then gives the figure its places, evidence (the sentence unit), the claim the
sentence is attributed to (its claimant), its as-of date and, from the context, a missing
subject or places.

Boundaries, decided: casualty and event counts are not figures (a count governed by killing,
wounding, arresting, capturing or surrendering is the events extractor's); strike and
engagement counts are strike reports, and so are the targets of a dated or per-strike
sentence; a repeated paragraph gives one figure per occurrence (each statement is its own
evidence; queries that want distinct values group by measure, value and date).

Rule ids are ``figures.<measure>.<rule>`` (``figures.troops.measure-noun``,
``figures.territory.share-of-land`` ...): the rule that found the figure is its
``extractor`` value, followed by ``+`` and the id of each context rule that completed it
(``figures.context.last-armed-group`` ...). Confidence: 0.8 for a measure noun or an area,
0.75 for a share of land or displaced people, 0.7 for a number reached through a verb, a
shared noun or a nationality plural, 0.65 for targets struck; plus 0.05 when the subject is
resolved. The words the rules read are the ``measure`` and ``target-type`` SKOS schemes and
``ontology/lexicons/figures.toml`` (:mod:`.lexicon`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from isisgraph.extract.figures.abroad import nationality_plural, returned
from isisgraph.extract.figures.article import FigureArticle, Finding
from isisgraph.extract.figures.context import (
    as_of,
    claim_for,
    clause_tokens,
    evidence_span,
    is_event_count,
    own_places,
    speaker_side,
)
from isisgraph.extract.figures.counting import coordinated, counted_by_verb, counting_verb_before, counting_verb_over
from isisgraph.extract.figures.land import area, bare_fractions, percent_token, share_of_land
from isisgraph.extract.figures.lexicon import FRACTIONS
from isisgraph.extract.figures.people import people
from isisgraph.extract.figures.targets import targets_struck
from isisgraph.extract.numbers import CountMatch, find_counts, qualifier_phrases
from isisgraph.records import Article, Figure

if TYPE_CHECKING:
    from isisgraph.reference import Reference

__all__ = ["FigureArticle", "extract_figures"]

PEOPLE_MEASURES = {"troops", "fighters", "foreign-fighters", "returnees", "people-liberated", "displaced"}
NOT_COUNTS = ("DATE", "TIME", "MONEY", "ORDINAL")  # entity types of numbers that count nothing


def extract_figures(doc: Doc, article: Article, ref: Reference) -> list[Figure]:
    """The reported quantities of one article (see the module docstring)."""
    qualifier_phrases()  # warm the qualifier lexicon once
    return read(FigureArticle(doc, article, ref))


def read(fa: FigureArticle) -> list[Figure]:
    """The figures of each sentence unit, one per measure and value in a unit."""
    figures: list[Figure] = []
    for index, unit in enumerate(fa.units):
        seen: set[tuple[str, float]] = set()
        counts = find_counts(unit)
        covered = {t.i for c in counts for t in c.span} | {c.head.head.i for c in counts}
        counts += [c for c in bare_fractions(fa, unit) if c.head.i not in covered]
        for count in counts:
            figure = figure_of(fa, count, unit, index)
            if figure is None or (figure.measure, figure.value) in seen:
                continue
            seen.add((figure.measure, figure.value))
            figures.append(figure)
    return figures


def figure_of(fa: FigureArticle, count: CountMatch, unit: DocSpan, index: int) -> Figure | None:
    """The figure a count states, completed from its clause and context, or None."""
    number = count.head
    if number.ent_type_ in NOT_COUNTS:
        return None
    found = classify(fa, count, number, unit, index)
    if found is None:
        return None
    if found.measure in PEOPLE_MEASURES and is_event_count(found.noun or number):
        return None
    anchor = found.verb or found.noun or number
    places = found.places or own_places(fa, found.noun or number) or fa.places_in(clause_tokens(anchor, unit))
    span = evidence_span(fa, unit)
    claim = claim_for(fa, span)
    speaker_side(found, claim)
    return Figure(
        key=f"figure-{span.start}-{span.end}-{count.span.start_char}-{found.measure}",
        span=span,
        measure=found.measure,
        value=found.value,
        unit=found.unit,
        count_qualifier=found.qualifier,
        subject=found.subject,
        locations=places,
        as_of=as_of(fa, anchor, unit, claim),
        claimant=claim.claimant if claim is not None else None,
        confidence=round(min(0.95, found.confidence + (0.05 if found.subject else 0.0)), 2),
        extractor="+".join([found.rule, *found.steps]),
    )


def classify(fa: FigureArticle, count: CountMatch, number: Token, unit: DocSpan, index: int) -> Finding | None:
    """What a count states, by the first reader that takes it (see the module docstring)."""
    value, qualifier = float(count.value), count.qualifier
    noun = counted_noun(number)
    if number.lower_ in FRACTIONS:
        noun = number  # "half of Anbar": the fraction word is its own count
    fraction = FRACTIONS.get(noun.lower_) if noun is not None else None
    if count.unit == "percent" or fraction is not None:
        share = value if fraction is None else value * fraction
        anchor = noun if fraction is not None else percent_token(count)
        return share_of_land(fa, share, qualifier, anchor)
    counting = counting_verb_before(fa, count)
    if counting is not None:
        return counted_by_verb(fa, value, qualifier, counting, index)
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return bare_number(fa, value, qualifier, number, unit, index)
    found = area(fa, count, noun, value, qualifier)
    if found is not None:
        return found
    measure = fa.lexicon.measure_of_word.get(noun.lemma_.lower()) or fa.lexicon.measure_of_word.get(noun.lower_)
    if measure is not None:
        return people(fa, measure, value, qualifier, noun, index)
    return nationality_plural(fa, value, qualifier, noun) or targets_struck(fa, value, qualifier, noun, unit)


def counted_noun(number: Token) -> Token | None:
    """The noun a number counts: its head, through compounds ("35 weapons caches": the
    caches)."""
    noun = number.head if number.dep_ in ("nummod", "quantmod", "compound", "amod", "appos") else None
    while noun is not None and noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i > noun.i:
        noun = noun.head
    return noun


def bare_number(fa: FigureArticle, value: float, qualifier: str, number: Token, unit: DocSpan,
                index: int) -> Finding | None:
    """A number without a noun: coordinated with a counted noun, returnees, or the object of
    a counting verb ("believed to number at least 1,000")."""
    found = coordinated(fa, value, qualifier, number) or returned(fa, value, qualifier, number, unit)
    if found is not None:
        return found
    verb = counting_verb_over(number)
    return counted_by_verb(fa, value, qualifier, verb, index) if verb is not None else None
