"""Round 5b of the side rules: a possessed force noun whose phrase also names another force
(``events.context.owned-forces``).

Short articles written here, in other words than the development articles the rule was found
in (named in its docstring), read through the project's NLP pipeline and the whole extractor.
Each reading has an article it must not read.
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


# --------------------------------------------------------- events.context.owned-forces


def test_its_forces_in_coordination_with_the_coalition_are_still_the_speaker_s(article_events):
    found = of_kind(article_events("The Peshmerga ministry said on Monday that its forces, in "
                                   "coordination with the US-led coalition, repelled an ISIS "
                                   "attack near Makhmour."), "Attack")
    assert len(found) == 1
    assert a("peshmerga") in found[0].target_actors
    assert a("isis") in found[0].perpetrators


def test_their_troops_backed_by_warplanes_are_still_the_service_s(article_events):
    found = of_kind(article_events("The Iraqi Counter-Terrorism Service announced on Tuesday that "
                                   "their troops, supported by coalition aircraft, killed five "
                                   "ISIS militants near Rutba."), "Killing")
    assert len(found) == 1
    assert a("iraqi-cts") in found[0].perpetrators


def test_a_unit_of_its_soldiers_with_the_coalition_is_the_army_s(article_events):
    found = of_kind(article_events("The Iraqi army said that a unit of its soldiers, together with "
                                   "the international coalition, arrested three ISIS suspects in "
                                   "Kirkuk on Sunday."), "Arrest")
    assert len(found) == 1
    assert a("iraqi-army") in found[0].perpetrators


def test_named_forces_with_the_coalition_are_not_the_speaker_s(article_events):
    # the head noun is part of a name: the speaker's forces are not meant
    found = of_kind(article_events("The Iraqi army said on Monday that Peshmerga forces, in "
                                   "coordination with the US-led coalition, killed five ISIS "
                                   "militants near Makhmour."), "Killing")
    assert len(found) == 1
    assert a("peshmerga") in found[0].perpetrators
    assert a("iraqi-army") not in found[0].perpetrators


def test_a_person_s_statement_gives_no_owner_beside_the_coalition(article_events):
    found = of_kind(article_events("The governor of Kirkuk said on Monday that their forces, in "
                                   "coordination with the US-led coalition, killed five ISIS "
                                   "militants near Hawija."), "Killing")
    assert len(found) == 1
    assert a("iraqi-army") not in found[0].perpetrators
    assert a("isf") not in found[0].perpetrators


# ----------------------------------------- events.sides.article-enemy (quantity nouns)

ABOUT_ISIS = "ISIS cells remain active in the desert west of Anbar, officials said. "


def test_a_large_number_of_terrorists_killed_by_the_army_were_the_group_s(article_events):
    found = of_kind(article_events(ABOUT_ISIS + "The Iraqi army killed a large number of "
                                   "terrorists near Rutba on Tuesday."), "Killing")
    assert [e.target_actors for e in found] == [[a("isis")]]


def test_dozens_of_suspects_detained_by_police_were_the_group_s(article_events):
    found = of_kind(article_events(ABOUT_ISIS + "On Monday the Iraqi police detained dozens of "
                                   "suspects in Fallujah."), "Arrest")
    assert [e.target_actors for e in found] == [[a("isis")]]


def test_scores_of_militants_killed_in_strikes_by_the_coalition_were_the_group_s(article_events):
    found = of_kind(article_events(ABOUT_ISIS + "Coalition aircraft killed scores of militants "
                                   "near Qaim on Sunday."), "Killing")
    assert [e.target_actors for e in found] == [[a("isis")]]


def test_a_number_of_civilians_killed_are_no_fighters_of_the_group(article_events):
    found = of_kind(article_events(ABOUT_ISIS + "The Iraqi army killed a number of civilians "
                                   "near Rutba on Tuesday by mistake."), "Killing")
    assert all(a("isis") not in e.target_actors for e in found)


# ------------------------------------------------------------ events.sides.backed-by


def test_forces_backed_by_warplanes_took_the_town(article_events):
    found = of_kind(article_events("Iraqi forces backed by coalition warplanes retook the town of "
                                   "Rutba from ISIS on Sunday."), "ControlChange")
    assert len(found) == 1
    assert a("isf") in found[0].gained_control


def test_fighters_supported_by_aircraft_were_the_target(article_events):
    found = of_kind(article_events("ISIS militants attacked Peshmerga forces supported by coalition "
                                   "aircraft near Makhmour on Sunday."), "Attack")
    assert len(found) == 1
    assert a("peshmerga") in found[0].target_actors


def test_a_second_force_led_by_its_commanders_shares_the_win(article_events):
    found = of_kind(article_events("The Iraqi army and Shiite paramilitary forces led by their own "
                                   "commanders recaptured the town of Baiji from ISIS on Sunday."),
                    "ControlChange")
    assert len(found) == 1
    assert a("hashd-al-shaabi") in found[0].gained_control


def test_the_sponsor_of_us_backed_forces_is_no_party(article_events):
    found = of_kind(article_events("US-backed forces captured the town of Tabqa from ISIS on "
                                   "Sunday."), "ControlChange")
    assert all(a("us") not in e.gained_control and a("us-military") not in e.gained_control
               for e in found)


# ------------------------------------------ events.killing (quantity nouns of people)


def test_a_total_of_militants_neutralised_is_a_killing(article_events):
    found = of_kind(article_events("A total of nine ISIS militants were neutralised near Rutba "
                                   "over the past week, the Iraqi army said on Tuesday."), "Killing")
    assert [e.target_actors for e in found] == [[a("isis")]]


def test_dozens_of_terrorists_eliminated_is_a_killing(article_events):
    found = of_kind(article_events("Dozens of Daesh terrorists were eliminated near al-Bab on "
                                   "Monday, according to the Turkish military."), "Killing")
    assert [e.target_actors for e in found] == [[a("isis")]]


def test_a_handful_of_fighters_neutralized_by_the_army_is_a_killing(article_events):
    found = of_kind(article_events("The Turkish army neutralized a handful of ISIS fighters near "
                                   "Jarablus on Sunday."), "Killing")
    assert [e.target_actors for e in found] == [[a("isis")]]


def test_a_total_of_positions_neutralized_is_no_killing(article_events):
    found = of_kind(article_events("A total of 40 ISIS positions were neutralized near al-Bab on "
                                   "Sunday, the Turkish military said."), "Killing")
    assert found == []
