"""Round 4b of the event rules: whose forces "its forces", "their units", "our forces" are
(``events.context.statement-owner``).

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


def attacks(found: list[Event]) -> list[Event]:
    return [e for e in found if e.kind == "Attack"]


# ------------------------------------------------------ events.context.statement-owner


def test_its_forces_that_repelled_an_attack_are_the_ministry_s(article_events):
    found = attacks(article_events("The Peshmerga ministry said in a statement that its forces "
                                   "repelled an ISIS attack near Makhmour on Sunday."))
    assert [(e.perpetrators, e.target_actors) for e in found] == [([a("isis")], [a("peshmerga")])]


def test_its_troops_that_were_attacked_are_the_army_s(article_events):
    found = attacks(article_events("The Iraqi army said on Tuesday that ISIS attacked its troops "
                                   "near Rutba."))
    assert [(e.perpetrators, e.target_actors) for e in found] == [([a("isis")], [a("iraqi-army")])]


def test_our_forces_in_a_quote_are_the_speaking_service_s(article_events):
    found = attacks(article_events('"Our forces repelled an ISIS attack on a checkpoint near '
                                   'Kirkuk," the Iraqi Counter-Terrorism Service said on Tuesday.'))
    assert [(e.perpetrators, e.target_actors) for e in found] == [([a("isis")], [a("iraqi-cts")])]


def test_a_person_s_statement_gives_its_forces_no_owner(article_events):
    found = attacks(article_events("The governor of Diyala said on Monday that their troops "
                                   "repelled an ISIS attack near Khanaqin."))
    assert [(e.perpetrators, e.target_actors) for e in found] == [([a("isis")], [])]


# ------------------------------------------------------------- events.attack.targeting


def test_militants_that_opened_fire_on_a_checkpoint_attacked_it(article_events):
    found = attacks(article_events("ISIS militants opened fire on a police checkpoint near "
                                   "Tarmiyah on Monday, the police said."))
    assert [e.perpetrators for e in found] == [[a("isis")]]
    assert "events.attack.targeting" in found[0].extractor


def test_members_of_the_group_that_targeted_a_post_attacked_it(article_events):
    found = attacks(article_events("On Saturday, ISIS members targeted an army post in the "
                                   "Mutaibija area, the ministry said."))
    assert [e.perpetrators for e in found] == [[a("isis")]]


def test_the_force_the_militants_targeted_is_the_target(article_events):
    found = attacks(article_events("Daesh terrorists targeted Peshmerga forces in Makhmour on "
                                   "Sunday."))
    assert [(e.perpetrators, e.target_actors) for e in found] == [([a("isis")], [a("peshmerga")])]


def test_strikes_that_targeted_positions_and_unnamed_gunmen_make_no_attack(article_events):
    assert attacks(article_events("Coalition jets targeted ISIS tunnels near Mosul on Sunday.")) == []
    assert attacks(article_events("Unknown gunmen opened fire on a car near Baquba on Monday.")) == []
    # the noun "targets", and a participle of an attack already told, make no attack of their own
    assert attacks(article_events("Turkish jets hit 40 Daesh targets near al-Bab on Monday.")) == []
    found = attacks(article_events("On Monday, ISIS attacks targeting shepherds killed four people "
                                   "near Tuz Khurmatu."))
    assert not any("targeting" in e.trigger.lower() for e in found)


# ------------------------------------------- events.arrest.captured-people, with a place


def test_people_captured_in_a_named_place_were_arrested(article_events):
    found = article_events("The Peshmerga captured two Daesh militants in the village of Gwer on "
                           "Monday.")
    assert [(e.kind, e.perpetrators) for e in found] == [("Arrest", [a("peshmerga")])]
    found = article_events("The SDF said its fighters raided a farm on Monday and captured nine "
                           "insurgents hiding in the town of Hajin.")
    assert [e.kind for e in found] == ["Arrest"]


def test_a_place_captured_with_people_is_still_a_change_of_control(article_events):
    found = article_events("Islamic State militants captured the town of Hit and dozens of "
                           "soldiers on Monday.")
    assert "ControlChange" in [e.kind for e in found]
