"""Dates that belong to another event than the one told: a comparison ("the deadliest since
a bombing in July 2016", rule ``events.dates.comparison``; dev forms: "the biggest defeat for
the terror group since its sweep through northern Iraq", "the first American casualties in
Syria since ... fell last year") and a relative clause on another noun ("a checkpoint near
the village, where a car bomb killed 10 people in January"), which the merge of one
sentence's reports must not lend the undated event. The sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from isisgraph.extract import extract
from isisgraph.records import Article, Event

D = dt.date
PUBLISHED = D(2019, 6, 12)  # a Wednesday


@pytest.fixture(scope="module")
def events_of(pipeline, ref):
    def run(text: str) -> list[Event]:
        article = Article(id="t", text=text, source="test", published=PUBLISHED)
        return extract(pipeline(text), article, ref).events

    return run


def start_of(event: Event) -> dt.date | None:
    return event.when.start if event.when is not None else None


@pytest.mark.parametrize(
    ("text", "kind", "start"),
    [
        ("The suicide attack on Monday, the deadliest since a truck bombing in Karrada in July "
         "2016, killed 30 people in Baghdad.", "SuicideAttack", D(2019, 6, 10)),
        # undated but for the comparison: the publication day, not March
        ("ISIS militants killed 12 soldiers near Tikrit, the worst attack on the army since "
         "March.", "Attack", PUBLISHED),
        ("Gunmen killed four policemen in Kirkuk, the first such attack in the city since 2017.",
         "Attack", PUBLISHED),
    ],
)
def test_events_dates_comparison_is_not_the_event_s_date(events_of, text, kind, start) -> None:
    event = next(e for e in events_of(text) if e.kind == kind)
    assert start_of(event) == start


def test_a_since_date_of_the_event_s_own_verb_still_opens_its_period(events_of) -> None:
    [event] = events_of("ISIS militants have attacked villages near Kirkuk since March.")
    assert event.when is not None and (event.when.start, event.when.end) == (D(2019, 3, 1),
                                                                            PUBLISHED)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked a checkpoint near the village of Albu Ajil, where a car bomb killed 10 "
        "people in January.",
        "Militants stormed a police post in Tarmiyah, which ISIS fighters had attacked in March.",
    ],
)
def test_a_dated_event_in_a_relative_clause_on_another_noun_is_its_own(events_of, text) -> None:
    events = events_of(text)
    # the undated attack of the main clause keeps no date of the relative clause's event
    main = next(e for e in events if e.span.start == 0)
    assert start_of(main) == PUBLISHED
    assert any(start_of(e) in (D(2019, 1, 1), D(2019, 3, 1)) for e in events)


def test_a_relative_clause_on_the_event_noun_dates_it(events_of) -> None:
    events = events_of("The bombing, which killed 15 people in Baghdad on Monday, was claimed by "
                       "ISIS.")
    assert any(start_of(e) == D(2019, 6, 10) for e in events)
    assert all(start_of(e) != PUBLISHED for e in events)
