"""Round 9 of the side rules: the outlets' word "martyred" for their own side's dead (the
trigger ``martyr`` of ontology/lexicon-events.ttl, read by ``events.killing``).

Short articles written here, in other words than the development articles the word was found
in (named in the concept's definition), read through the project's NLP pipeline and the whole
extractor. Each reading has an article it must not read.
"""

from __future__ import annotations

import datetime as dt

from isisgraph.namespaces import actor
from isisgraph.records import Event

PUBLISHED = dt.date(2021, 6, 16)  # a Wednesday


def a(slug: str) -> str:
    return str(actor(slug))


def of_kind(found: list[Event], kind: str) -> list[Event]:
    return [e for e in found if e.kind == kind]


def test_fighters_martyred_in_a_clash_are_killed_by_the_other_side(article_events):
    found = of_kind(article_events("Three SDF fighters were martyred on Monday in clashes with ISIS "
                                   "cells east of Deir ez-Zor, the SDF said."), "Killing")
    assert len(found) == 1
    assert a("sdf") in found[0].target_actors
    assert a("isis") in found[0].perpetrators


def test_a_bomb_that_martyred_soldiers_is_a_killing_of_them(article_events):
    found = of_kind(article_events("An explosive device planted by ISIS martyred four Iraqi "
                                   "soldiers near Tarmiyah on Tuesday."), "Killing")
    assert [e.target_actors for e in found] == [[a("iraqi-army")]]
    assert found[0].killed_count == 4


def test_a_martyred_commander_named_in_a_heading(article_events):
    # the killing is the toll of the attack its heading names, and folds into it
    found = article_events("Peshmerga commander martyred in ISIS attack near Makhmour\n\n"
                           "The commander died on Sunday evening, officials said.")
    assert [(e.perpetrators, e.target_actors) for e in found if e.span.start == 0] == [([a("isis")], [a("peshmerga")])]


def test_martyrs_remembered_are_no_killing(article_events):
    found = article_events("Thousands gathered in Kobani on Sunday to remember the martyrs of the "
                           "long war against ISIS.")
    assert of_kind(found, "Killing") == []


# ------------------------------------- events.killing: the means of a series of strikes


def test_killed_in_a_series_of_strikes_by_a_force(article_events):
    found = of_kind(article_events("Twelve ISIS fighters were killed on Monday in a series of "
                                   "air strikes by Jordanian jets near Raqqa."), "Killing")
    assert [e.perpetrators for e in found] == [[a("jordanian-armed-forces")]]


def test_killed_in_a_barrage_of_strikes_by_two_air_forces(article_events):
    found = of_kind(article_events("At least 15 jihadists were killed on Sunday in a barrage of "
                                   "strikes by Turkish and Russian aircraft north of Aleppo."), "Killing")
    assert len(found) == 1
    assert {a("turkish-armed-forces"), a("russian-armed-forces")} <= set(found[0].perpetrators)


def test_died_in_a_wave_of_raids_by_the_army(article_events):
    found = of_kind(article_events("Nine militants died in a wave of raids by the Iraqi army near "
                                   "Kirkuk on Tuesday."), "Killing")
    assert [e.perpetrators for e in found] == [[a("iraqi-army")]]


def test_a_series_of_explosions_names_no_killer(article_events):
    found = of_kind(article_events("Five civilians were killed in a series of explosions by the "
                                   "river in Baghdad on Monday."), "Killing")
    assert all(e.perpetrators == [] for e in found)
