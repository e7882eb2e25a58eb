"""Factuality and aspect of the shared layer (``syntax.factuality``), end to end with the real
model on sentences written for these tests:

- a clause of time with a past verb ("after the militants seized the town in 2014") asserts
  its own event, whatever the mood of the clause it dates (``past_time_clause``);
- a bare infinitive under a past verb of perception ("the week saw Kurdish fighters capture
  the town") is what happened, no habit (``seen_done``);
- a past progressive ("said Jordanian jets were pounding positions") tells strikes that
  happened, like the simple past (``past_progressive``); a present with a frequency adverb or a
  modal future does not;
- a present with a date that repeats ("attack checkpoints every week") is a habit, not a past
  the tagger misread (``habitual``).
"""

from __future__ import annotations

import datetime as dt

import pytest

PUBLISHED = dt.date(2016, 5, 12)


def changes(events, place_slug: str):
    return [e for e in events if e.kind == "ControlChange"
            and any(loc.endswith("/" + place_slug) for loc in e.locations)]


@pytest.mark.parametrize(("text", "place_slug"), [
    ("A coalition of Arab and Kurdish fighters is battling to take Mosul back from the "
     "jihadists, after they captured the city in June 2014.", "mosul"),
    ("Government troops are fighting to take Palmyra back from the extremists, after they "
     "overran the town in May 2015.", "palmyra"),
    ("Kurdish units are pushing to take Sinjar back from the group, after it seized the town "
     "in August 2014.", "sinjar"),
])
def test_a_past_clause_of_time_is_no_intention(article_events, text, place_slug) -> None:
    assert changes(article_events(text), place_slug)


def test_a_clause_before_a_plan_may_never_have_come(article_events) -> None:
    text = "The militants planned to flee to Raqqa before the army retook Palmyra."
    assert not changes(article_events(text), "palmyra")


@pytest.mark.parametrize(("text", "place_slug"), [
    ("It was the latest setback for the jihadists, after a week that saw Kurdish fighters "
     "capture Tal Abyad.", "tal-abyad"),
    ("Residents say the week saw Kurdish fighters capture Kobani.", "kobani"),
])
def test_a_bare_infinitive_seen_in_the_past_happened(article_events, text, place_slug) -> None:
    assert changes(article_events(text), place_slug)


@pytest.mark.parametrize("text", [
    "A police officer said Jordanian jets were pounding militant positions near Raqqa.",
    "The spokesman said British Tornados were bombing the fighters inside the building in Ramadi.",
    "Officials said Australian aircraft were striking targets around Mosul.",
])
def test_a_past_progressive_tells_strikes(reports_of, text) -> None:
    assert len(reports_of(text)) == 1


@pytest.mark.parametrize("text", [
    "Jordanian jets regularly pound militant positions near Raqqa.",
    "Officials said Australian aircraft will be striking targets around Mosul.",
    "The ministry said its jets had been pounding militants near Tikrit for months.",
])
def test_a_habit_or_a_future_progressive_tells_none(reports_of, text) -> None:
    assert reports_of(text) == []


@pytest.mark.parametrize("text", [
    "Islamic State fighters attack checkpoints in Ramadi every week.",
    "Militants ambush army patrols near Kirkuk each day.",
])
def test_a_present_with_a_repeating_date_is_a_habit(article_events, text) -> None:
    assert article_events(text) == []


def test_a_past_with_a_date_is_an_event(article_events) -> None:
    events = article_events("Islamic State fighters attacked a checkpoint in Ramadi last week.")
    assert [e.kind for e in events] == ["Attack"]


def test_a_present_strike_with_a_repeating_date_tells_none(reports_of) -> None:
    assert reports_of("Coalition warplanes bomb militant positions near Raqqa every day.") == []
