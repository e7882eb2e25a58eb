"""Round 9 (issue 13), the sides from who tells and who is named before:

- ``context.sides.press-office``: a force's own press office (an organisation the reference
  data makes part of a force) reports for the broadest force it is part of;
- ``desc:paramilitaries``: "the paramilitary fighters" in Iraq are the Hashd al-Shaabi.

Sentences written here, read through the project's NLP pipeline and the whole extractor; each
reading has one it must not read.
"""

from __future__ import annotations

import datetime as dt

from isisgraph.extract.context import press_office_force
from isisgraph.namespaces import actor
from isisgraph.records import Event

PUBLISHED = dt.date(2019, 7, 13)


def a(slug: str) -> str:
    return str(actor(slug))


def killings(found: list[Event]) -> list[Event]:
    return [e for e in found if e.kind == "Killing"]


# ---------------------------------------------------------------- context.sides.press-office


def test_context_sides_press_office_is_the_broadest_force_it_is_part_of(ref):
    assert press_office_force(a("security-media-cell"), ref) == a("isf")
    assert press_office_force(a("amaq"), ref) == a("isis")
    # a state broadcaster belongs to a government, no force; a force is itself
    assert press_office_force(a("syrian-state-television"), ref) == a("syrian-state-television")
    assert press_office_force(a("iraqi-army"), ref) == a("iraqi-army")


def test_context_sides_press_office_reports_the_killing_of_militants(article_events):
    found = killings(article_events("Fifty IS militants were killed near Rawa on Sunday, "
                                    "the Security Media Cell said in a statement."))
    assert len(found) == 1
    assert found[0].perpetrators == [a("isf")]
    assert "context.sides.press-office" in found[0].extractor


def test_context_sides_press_office_does_not_claim_the_dead_it_counts(article_events):
    found = killings(article_events("Two civilians were killed near Rawa in Iraq on Sunday, "
                                    "the Security Media Cell said in a statement."))
    assert len(found) == 1
    assert found[0].perpetrators == []


def test_context_sides_press_office_not_a_state_broadcaster(article_events):
    found = killings(article_events("Syrian state television said that 20 IS militants were "
                                    "killed near Palmyra in Syria on Sunday."))
    assert len(found) == 1
    assert found[0].perpetrators == []


# ---------------------------------------------------------------- desc:paramilitaries


def test_paramilitary_fighters_in_iraq_are_the_hashd(article_events):
    found = killings(article_events(
        "Iraqi troops pushed into western Anbar on Saturday. A tribal leader said that the "
        "paramilitary fighters killed three IS militants near Rutba.", dt.date(2018, 8, 25)))
    assert len(found) == 1
    assert found[0].perpetrators == [a("hashd-al-shaabi")]


def test_paramilitary_fighters_in_syria_are_no_one_we_know(article_events):
    found = article_events("Pro-government paramilitary fighters clashed with IS near Palmyra in "
                           "Syria on Saturday, killing four militants.", dt.date(2018, 8, 25))
    assert all(a("hashd-al-shaabi") not in e.perpetrators + e.target_actors for e in found)


# ---------------------------------------------------------------- desc:police in Iraq


def test_police_in_iraq_are_the_isf(article_events):
    found = article_events("Militants killed four policemen in an attack on a checkpoint near Baquba "
                           "in Iraq's Diyala province on Tuesday.", dt.date(2022, 12, 19))
    assert found
    assert all(e.target_actors == [a("isf")] for e in found)


def test_police_in_syria_are_no_one_we_know(article_events):
    found = article_events("Militants attacked a police station near Qamishli in Syria's Hasakah "
                           "province on Tuesday, killing two policemen.", dt.date(2022, 12, 19))
    assert found
    assert all(e.target_actors == [] for e in found)


# ---------------------------------------------------------------- context.sides.strike-nationality


def test_context_sides_strike_nationality_a_national_airstrike_is_its_air_force(article_events):
    found = killings(article_events(
        "Iraqi troops searched the Hamrin mountains on Monday. Five ISIS members were killed on "
        "Sunday in an Iraqi airstrike on a cave near Tuz Khurmatu in Iraq, officials said.",
        dt.date(2022, 5, 17)))
    assert [e.perpetrators for e in found] == [[a("iraqi-air-force")]]
    assert "context.sides.strike-nationality" in found[0].extractor


def test_context_sides_strike_nationality_a_strike_of_no_nationality_names_no_one(article_events):
    found = killings(article_events(
        "Iraqi troops searched the Hamrin mountains on Monday. Five ISIS members were killed on "
        "Sunday in an airstrike on a cave near Tuz Khurmatu in Iraq, officials said.",
        dt.date(2022, 5, 17)))
    assert [e.perpetrators for e in found] == [[]]


# ---------------------------------------------------------------- "the terror group" is a militant noun


def test_events_context_group_anaphor_the_terror_group_is_militant(article_events):
    found = [e for e in article_events(
        "ISIS fighters raided a village near Tuz Khurmatu in Iraq on Sunday. A member of the Hashd "
        "al-Shaabi was killed on Monday in clashes with the terror group near Tuz Khurmatu.",
        dt.date(2022, 5, 17)) if e.kind != "Attack"]
    # the clash and the killing in it: ISIS fought, not the Hashd alone
    assert found and all(a("isis") in e.perpetrators for e in found)


def test_events_context_group_anaphor_a_plain_group_may_be_a_force(article_events):
    found = killings(article_events(
        "The Hashd al-Shaabi sent reinforcements to Tuz Khurmatu in Iraq on Sunday. On Monday the "
        "group clashed with ISIS near the town, killing two militants.", dt.date(2022, 5, 17)))
    assert [e.perpetrators for e in found] == [[a("hashd-al-shaabi")]]
