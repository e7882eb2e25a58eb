"""Round 8 of the control-change rules: readings that missed changes of control and the
dating of changes told as background.

- ``events.holding``: a place held since a time was taken by its holder then;

Each reading is tested on short articles written here, in other words than the development
articles it was found in (named in the rule's docstring), through the project's NLP pipeline
and the whole extractor. Each has an article it must not read.
"""

from __future__ import annotations

import datetime as dt

PUBLISHED = dt.date(2018, 5, 16)  # a Wednesday

ID = "https://w3id.org/isisgraph/id/"


def changes(events):
    return [e for e in events if e.kind == "ControlChange"]


HELD_SINCE = [
    # a passive participle with its by-agent, a year
    ("The villages around Sinjar had been controlled by ISIS since 2014, officials said.",
     "place/sinjar", dt.date(2014, 1, 1), dt.date(2014, 12, 31)),
    # "under the control of X", a month
    ("Tal Afar remained under the control of Daesh militants since June 2014.",
     "place/tal-afar", dt.date(2014, 6, 1), dt.date(2014, 6, 30)),
    # an active holder in a "where" clause on the place
    ("Fighting continued in Mosul, where the Islamic State group has kept control since June 2014.",
     "place/mosul", dt.date(2014, 6, 1), dt.date(2014, 6, 30)),
]


def test_a_place_held_since_a_time_was_taken_then(article_events):
    for text, place, start, end in HELD_SINCE:
        found = changes(article_events(text))
        assert len(found) == 1, (text, [(e.kind, e.extractor) for e in found])
        (event,) = found
        assert event.locations == [ID + place], text
        assert ID + "actor/isis" in event.gained_control, text
        assert (event.when.start, event.when.end) == (start, end), text
        assert event.extractor.startswith("events.holding"), text


def test_a_place_held_without_since_is_a_state(article_events):
    # held, controlled, under control: no time the holding began, no change of control
    text = ("ISIS still holds Hawija. The towns controlled by the group are under its control "
            "and were shelled on Monday.")
    assert changes(article_events(text)) == []


def test_places_held_together_are_one_state(article_events):
    # three towns in one subject: one holding, not one capture per town
    found = changes(article_events(
        "The towns of Hit, Rawa and Anah have been under ISIS control since 2015."))
    assert len(found) == 1, [(e.locations, e.extractor) for e in found]
    assert sorted(found[0].locations) == sorted(ID + "place/" + p for p in ("hit", "rawa", "anah"))


def test_the_middle_of_a_year_is_june_and_july():
    from isisgraph.extract.dates import resolve_when

    mid = resolve_when("mid-2016", PUBLISHED)
    assert (mid.start, mid.end, mid.precision) == (dt.date(2016, 6, 1), dt.date(2016, 7, 31), "approximate")
    year = resolve_when("in 2016", PUBLISHED)  # a year stays the year
    assert (year.start, year.end, year.precision) == (dt.date(2016, 1, 1), dt.date(2016, 12, 31), "year")
