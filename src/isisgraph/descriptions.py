"""Reading actor descriptions: which actor "Kurdish fighters" or "government forces" stands for.

A description (``ig:ActorDescription`` in ``ontology/descriptions.ttl``) names different actors
by country and period; its readings (:class:`reference.Reading`) say which. :func:`read`
picks the reading for one mention from the countries of the places around it, nearest
context first, and the date; it returns no actor whenever the readings that may hold do not
agree, so that a side is left empty rather than guessed. The NLP stage
(``nlp.resolve_descriptions``) gathers the contexts from the Doc; this module is plain data.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from isisgraph.reference import Reading


@dataclass(frozen=True)
class Period:
    """The days a mention is about, inclusive: its sentence's months or years, or the
    publication day."""

    start: dt.date
    end: dt.date

    @classmethod
    def day(cls, day: dt.date) -> Period:
        return cls(day, day)

    @classmethod
    def years(cls, years: Iterable[int]) -> Period:
        span = sorted(years)
        return cls(dt.date(span[0], 1, 1), dt.date(span[-1], 12, 31))

    @classmethod
    def months(cls, months: Iterable[tuple[int, int]]) -> Period:
        """From the first of the earliest (year, month) to the last day of the latest."""
        span = sorted(months)
        (first_year, first_month), (last_year, last_month) = span[0], span[-1]
        last_day = calendar.monthrange(last_year, last_month)[1]
        return cls(dt.date(first_year, first_month, 1), dt.date(last_year, last_month, last_day))


@dataclass(frozen=True)
class Context:
    """The countries of the places named around a mention at one level (sentence, paragraph,
    article), with how often each is named. At the article level the country most places lie
    in speaks for the article (``majority``); nearer, every country named must agree.

    A key is a country IRI, or the areas one place lies in, most specific first
    (:meth:`reference.Reference.areas_of`: the Kurdistan Region, then Iraq): each description
    counts the place in the first of them its readings name."""

    level: str
    countries: Counter[str | tuple[str, ...]]
    majority: bool = False


# How sure a reading is to hold during a period.
HOLDS, MAY_HOLD = "holds", "may hold"


def timeliness(reading: Reading, period: Period | None) -> str | None:
    """HOLDS when the period lies within the reading's validity, MAY_HOLD when the two
    overlap only in part or the date is unknown, None when they do not overlap."""
    if reading.start is None and reading.end is None:
        return HOLDS
    if period is None:
        return MAY_HOLD
    if (reading.start is not None and period.end < reading.start) or (
            reading.end is not None and period.start > reading.end):
        return None
    within = ((reading.start is None or period.start >= reading.start)
              and (reading.end is None or period.end <= reading.end))
    return HOLDS if within else MAY_HOLD


def read(readings: Sequence[Reading], contexts: Sequence[Context],
         period: Period | None) -> tuple[str | None, str]:
    """The actor a description mention stands for, and the context that decided it
    ("sentence", "paragraph", "article" or "default"); (None, why) when it stays unlinked.

    The nearest context that names a country some reading names decides: a sentence naming a
    town in Syria settles "Kurdish fighters" whatever the article's other paragraphs say. When
    that context's readings disagree (Iraq and Syria both named for "government forces"), or
    no context names such a country, the readings without a country decide, if they agree.
    """
    named = {country for r in readings for country in r.countries}
    for context in contexts:
        countries = _countries(context, named)
        if not countries:
            continue
        candidates = [pair for country in countries for pair in _candidates(readings, country, period)]
        actor, decided = _decide(candidates)
        if decided:
            return (actor, context.level) if actor else (None, f"{context.level}: an actor the reference lacks")
        break
    actor, decided = _decide(_candidates(readings, None, period))
    if decided and actor:
        return actor, "default"
    return None, "undecided" if not decided else "default: an actor the reference lacks"


def _countries(context: Context, named: set[str]) -> list[str]:
    """The countries (or regions) of a context that some reading names (others say nothing
    about it); a place lying in several areas counts in the most specific one named."""
    counts: Counter[str] = Counter()
    for key, n in context.countries.items():
        area = next((a for a in ((key,) if isinstance(key, str) else key) if a in named), None)
        if area is not None:
            counts[area] += n
    if not counts:
        return []
    if not context.majority:
        return sorted(counts)
    (top, count), *_ = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [top] if count * 2 > sum(counts.values()) else sorted(counts)


def _candidates(readings: Sequence[Reading], country: str | None,
                period: Period | None) -> list[tuple[Reading, str]]:
    """The readings that may hold in ``country`` during ``period``: those naming the country,
    else those naming none."""
    def timely(pool: Iterable[Reading]) -> list[tuple[Reading, str]]:
        return [(r, when) for r in pool if (when := timeliness(r, period)) is not None]

    if country is not None:
        own = timely(r for r in readings if country in r.countries)
        if own:
            return own
    return timely(r for r in readings if not r.countries)


def _decide(candidates: list[tuple[Reading, str]]) -> tuple[str | None, bool]:
    """(actor, True) when every candidate stands for one actor and one of them surely holds;
    (None, False) when they disagree, none surely holds or there is none."""
    actors = {r.actor for r, _ in candidates}
    if len(actors) != 1 or not any(when == HOLDS for _, when in candidates):
        return None, False
    return next(iter(actors)), True
