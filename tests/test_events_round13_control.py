"""Issue 13 of the control-change rules: changes whose own clause names no place.

- ``events.conquering.land-placed-around``: land taken with no place of its own ("31 areas",
  "more than 100 villages", "ground") lies where the clause the verb hangs from says, else
  where the sentences just before say; "gain ground" is a label of taking control;
- ``events.losing-control.withdrawal``: "the withdrawal of X forces" is X's loss of the place
  of the clause the noun hangs from, when X is named.

Each reading is tested on short articles written here, in other words than the development
articles it was found in (named in the rule's docstring), through the project's NLP pipeline
and the whole extractor. Each has an article it must not read.
"""

from __future__ import annotations

import datetime as dt

PUBLISHED = dt.date(2017, 8, 24)  # a Thursday

ID = "https://w3id.org/isisgraph/id/"


def changes(events):
    return [e for e in events if e.kind == "ControlChange"]


def shown(events):
    return [(e.kind, e.locations, e.gained_control, e.lost_control, e.extractor) for e in events]


LAND_PLACED_AROUND = [
    # the place in the subject phrase of the clause the capture hangs from
    ("The army said on Wednesday that its operations in Sinjar had killed 40 militants and "
     "managed to retake 12 areas.", "sinjar"),
    # the place in the sentence before
    ("Kurdish forces resumed their offensive in the Makhmour district on May 3. The Peshmerga "
     "gained ground on Friday, officials said.", "makhmour"),
    # the place of the sentence before, passive land
    ("Iraqi troops pressed on towards Hawija on Monday. Dozens of villages were freed by the "
     "army on Tuesday.", "hawija"),
    # the place the sentence names, fronted before its verb of saying
    ("In Tikrit, a police officer said militants attacked army posts on Sunday and captured some "
     "areas.", "tikrit"),
]


def test_events_conquering_land_placed_around(article_events):
    for text, place in LAND_PLACED_AROUND:
        found = [e for e in changes(article_events(text))
                 if "events.conquering.land-placed-around" in e.extractor]
        assert len(found) == 1, (text, shown(article_events(text)))
        assert found[0].locations == [ID + "place/" + place], text


def test_events_conquering_land_placed_around_not_with_a_place_of_its_own(article_events):
    # the land's own place wins over the sentence before
    text = ("Kurdish forces resumed their offensive near Mosul on May 3. The Peshmerga freed 12 "
            "villages in the Makhmour district on Friday.")
    found = changes(article_events(text))
    assert found, shown(article_events(text))
    assert all("events.conquering.land-placed-around" not in e.extractor for e in found)
    assert all(ID + "place/mosul" not in e.locations for e in found)


def test_events_conquering_land_placed_around_needs_a_place_near(article_events):
    # no place in the clause or the two sentences before: no change of control
    text = ("The minister spoke to reporters on Monday. He praised the soldiers. The army has "
            "retaken 12 villages, he said.")
    assert changes(article_events(text)) == [], shown(article_events(text))


def test_events_conquering_land_placed_around_not_land_a_clause_describes(article_events):
    # "areas the group seized": the land is described, not taken in an event of the sentence
    text = ("Fallujah is the latest front in the army's campaign on Monday to recover areas the "
            "militants seized last year.")
    assert changes(article_events(text)) == [], shown(article_events(text))


WITHDRAWALS = [
    ("Bombings have risen in Tuz Khurmatu since the withdrawal of the Peshmerga forces in "
     "October 2017.", "tuz-khurmatu", "peshmerga"),
    ("Kirkuk has seen more attacks after the withdrawal of Kurdish Peshmerga fighters in 2017.",
     "kirkuk", "peshmerga"),
    # the place of the clause the participle clause the noun is under hangs on
    ("Bombings have risen in Daquq and other districts claimed by Baghdad since the withdrawal "
     "of the Peshmerga in October 2017.", "daquq", "peshmerga"),
]


def test_events_losing_control_withdrawal(article_events):
    for text, place, force in WITHDRAWALS:
        found = [e for e in changes(article_events(text))
                 if "events.losing-control.withdrawal" in e.extractor]
        assert len(found) == 1, (text, shown(article_events(text)))
        assert found[0].locations == [ID + "place/" + place], text
        assert found[0].lost_control == [ID + "actor/" + force], text


def test_events_losing_control_withdrawal_of_nobody_named(article_events):
    # who withdraws is not named: no change of control
    text = "Ankara is waiting in Gaziantep for an early withdrawal before its tanks move."
    assert changes(article_events(text)) == [], shown(article_events(text))


def test_events_conquering_land_placed_around_not_by_countries_only(article_events):
    # land located only by the countries of the clause is a summary of a campaign
    text = ("After a rapid rise in Iraq and Syria in 2014 that saw it seize wide stretches of "
            "territory, the group lost its caliphate.")
    assert [e for e in changes(article_events(text))
            if "events.conquering.land-placed-around" in e.extractor] == [], shown(article_events(text))
