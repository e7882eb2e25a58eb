"""Round 6 of the side rules: who is never a side (``events.sides.not-a-party``) and the
forces named by coordinated modifiers (``events.context.shared-head``).

Short articles written here, in other words than the development articles the rules were
found in (named in their docstrings), read through the project's NLP pipeline and the whole
extractor. Each reading has an article it must not read.
"""

from __future__ import annotations

import datetime as dt

from isisgraph.namespaces import actor
from isisgraph.records import Event

PUBLISHED = dt.date(2017, 1, 5)


def a(slug: str) -> str:
    return str(actor(slug))


def sides(found: list[Event], kind: str) -> list[tuple[list[str], list[str]]]:
    return [(e.perpetrators, e.target_actors) for e in found if e.kind == kind]


# ------------------------------------------------------------ events.sides.not-a-party


def test_a_dateline_agency_is_no_target_of_a_killing(article_events):
    found = article_events("Ankara (AFP) Jan 5, 2017 Turkish jets killed 12 Daesh militants near al-Bab "
                           "on Thursday, the army said.")
    assert sides(found, "Killing") == [([a("turkish-armed-forces")], [a("isis")])]
    assert "events.sides.not-a-party" in found[0].extractor


def test_a_broadcaster_that_reports_clashes_takes_no_part_in_them(article_events):
    found = article_events("Syrian state TV reported heavy clashes inside Deir ez-Zor's western districts "
                           "on Monday.", dt.date(2016, 6, 20))
    assert [e.perpetrators + e.target_actors for e in found] == [[]] * len(found)
    assert all("events.sides.not-a-party" in e.extractor for e in found)


def test_an_agency_told_the_news_is_no_side(article_events):
    found = article_events("Islamic State militants stormed a police post west of Baiji on Tuesday, "
                           "an officer told Reuters.", dt.date(2015, 4, 7))
    assert all(a("reuters") not in e.perpetrators + e.target_actors for e in found)


def test_the_forces_an_outlet_names_keep_their_sides(article_events):
    # must not: the rule drops only the outlet, never a force or a government
    found = article_events("Iraqi security forces killed nine ISIS militants near Rutba on Sunday, "
                           "the Security Media Cell said.", dt.date(2021, 6, 13))
    assert sides(found, "Killing") == [([a("isf")], [a("isis")])]


# ---------------------------------------------------------- events.sides.attack-killing


def attack_sides(found: list[Event]) -> list[tuple[list[str], list[str]]]:
    return [(e.perpetrators, e.target_actors) for e in found if e.kind == "Attack"]


def test_those_killed_during_an_attack_were_its_target(article_events):
    found = article_events("Three security personnel were killed during an ISIS attack near Tuz Khurmatu "
                           "in Iraq on Monday, a source said.", dt.date(2021, 3, 2))
    assert attack_sides(found) == [([a("isis")], [a("isf")])]
    assert "events.sides.attack-killing" in found[0].extractor


def test_those_who_died_as_militants_stormed_their_post_were_its_target(article_events):
    found = article_events("Four members of the security forces died as ISIS militants stormed their "
                           "post west of Palmyra in Syria.", dt.date(2018, 9, 4))
    assert attack_sides(found) == [([a("isis")], [a("syrian-arab-army")])]


def test_policemen_killed_when_gunmen_attacked_were_its_target(article_events):
    found = article_events("Two policemen were killed and three others wounded when Islamic State gunmen "
                           "attacked a checkpoint near Tarmiyah in Iraq on Monday.", dt.date(2019, 5, 13))
    assert attack_sides(found) == [([a("isis")], [a("isf")])]


def test_a_checkpoint_of_another_force_is_not_the_states(article_events):
    # must not: the sentence names the SDF, whose members were killed; the state's forces are
    # not guessed (events.sides.state-target neither): the victims are the SDF's ("its members",
    # events.sides.attack-killing reads the owner of the victims' phrase)
    for text in ("The SDF said two of its members were killed during an ISIS attack on a checkpoint "
                 "near Hasakah on Monday.",
                 "Kurdish-led forces said two of their members were killed when ISIS attacked a "
                 "checkpoint near Hasakah in Syria."):
        found = article_events(text, dt.date(2020, 5, 12))
        assert attack_sides(found) == [([a("isis")], [a("sdf")])], text


# ------------------------------------------ events.sides.operating-force (surrenders)


def test_militants_who_surrendered_as_a_force_took_the_place_surrendered_to_it(article_events):
    found = article_events("US-backed fighters took the last Islamic State pocket near Hajin in Syria on "
                           "Saturday after the militants still inside surrendered.", dt.date(2019, 2, 16))
    assert sides(found, "Surrender") == [([a("sdf")], [a("isis")])]
    assert "events.sides.operating-force" in [e for e in found if e.kind == "Surrender"][0].extractor


def test_militants_who_surrendered_in_a_retaken_town_surrendered_to_its_takers(article_events):
    found = article_events("Iraqi forces recaptured Hawija from Islamic State on Thursday, and more than a "
                           "thousand Islamic State militants surrendered in the town.", dt.date(2017, 10, 5))
    assert sides(found, "Surrender") == [([a("isf")], [a("isis")])]
    found = article_events("Kurdish Peshmerga forces retook the village of Bashir near Kirkuk from ISIS on "
                           "Sunday. Forty ISIS fighters surrendered in Bashir, officials said.", dt.date(2016, 5, 1))
    assert sides(found, "Surrender") == [([a("peshmerga")], [a("isis")])]


def test_a_surrender_with_no_force_told_near_it_has_no_receiver(article_events):
    # must not: no force operated in the sentences before; the receiver is not guessed
    found = article_events("Hundreds of Islamic State militants surrendered near Hajin in Syria on Saturday, "
                           "a monitor said.", dt.date(2019, 2, 16))
    assert sides(found, "Surrender") == [([], [a("isis")])]
