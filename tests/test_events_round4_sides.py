"""Round 4 of the event rules: the sides an article supplies when an event's clause and its
report name none (``events.sides``).

Each reading is tested on short articles written here, in other words than the development
articles it was found in (named in the rule's docstring), through the project's NLP pipeline
and the whole extractor (the sides are completed after the context layer). Each has an
article it must not read.
"""

from __future__ import annotations

import datetime as dt

from isisgraph.extract.events.sides import (
    ARTICLE_ATTACKER,
    ARTICLE_ENEMY,
    COMPANIONS,
    HELD_BY_THE_STATE,
    OPERATING_FORCE,
)
from isisgraph.extract.events.victims import STATE_TARGET
from isisgraph.namespaces import actor
from isisgraph.records import Event

PUBLISHED = dt.date(2021, 6, 16)  # a Wednesday


def a(slug: str) -> str:
    return str(actor(slug))


def of_kind(found: list[Event], kind: str) -> list[Event]:
    return [e for e in found if e.kind == kind]


# ------------------------------------------------------------ events.sides.article-enemy


def test_detainees_of_a_force_in_an_article_about_isis_are_isis(article_events):
    text = ("Police round up Daesh suspects in three provinces\n\nTurkish police on Tuesday "
            "detained 23 people suspected of links to Daesh in Ankara. In the province of Konya, "
            "counter-terrorism police detained nine.")
    arrests = of_kind(article_events(text), "Arrest")
    assert arrests and all(a("isis") in e.target_actors for e in arrests)
    konya = [e for e in arrests if "Konya" in text[e.span.start: e.span.end]]
    assert konya and ARTICLE_ENEMY in konya[0].extractor


def test_fighters_a_force_killed_are_of_the_group_the_article_is_about(article_events):
    found = article_events("ISIS cell dismantled in Hamrin\n\nThe Iraqi Counter-Terrorism Service "
                           "said on Tuesday it killed two commanders in the Hamrin mountains. The "
                           "ISIS cell had attacked shepherds last month.")
    killings = of_kind(found, "Killing")
    assert [e.target_actors for e in killings] == [[a("isis")]]
    assert ARTICLE_ENEMY in killings[0].extractor
    found = article_events("The Syrian Democratic Forces said on Monday that their units had "
                           "eliminated an emir of the Islamic State group near Hajin. The Islamic "
                           "State group has not commented.")
    assert [e.target_actors for e in of_kind(found, "Killing")] == [[a("isis")]]


def test_civilians_a_force_killed_are_no_fighters_of_the_group(article_events):
    found = article_events("ISIS remnants remain active in Diyala\n\nIraqi army troops killed three "
                           "civilians by mistake near Baquba on Tuesday. ISIS fighters later attacked "
                           "a checkpoint there.")
    killings = of_kind(found, "Killing")
    assert killings and all(a("isis") not in e.target_actors for e in killings)


def test_no_group_is_taken_when_two_militant_groups_share_the_article(article_events):
    # ISIS and al-Qaeda each named twice: the article is about neither
    found = article_events("Turkish police detained 14 people in Istanbul on Tuesday. Officials "
                           "said some had ties to ISIS, others to al-Qaeda. Both ISIS and al-Qaeda "
                           "recruit in the city.")
    arrests = of_kind(found, "Arrest")
    assert arrests and all(e.target_actors == [] for e in arrests)


# ---------------------------------------------------------- events.sides.article-attacker


def test_an_unclaimed_attack_in_an_article_of_one_attacker_is_its(article_events):
    found = article_events("ISIS attacks Peshmerga post near Makhmour\n\nIslamic State militants "
                           "attacked a Peshmerga post near Makhmour on Monday night. Hours later a "
                           "roadside bomb struck an army patrol near Kirkuk, wounding two soldiers.")
    attacks = [e for e in found if e.kind in ("Attack", "Bombing")]
    assert len(attacks) >= 2 and all(e.perpetrators == [a("isis")] for e in attacks)
    assert any(ARTICLE_ATTACKER in e.extractor for e in attacks)


def test_soldiers_killed_with_no_killer_in_an_article_of_one_attacker(article_events):
    found = article_events("The Islamic State group attacked an army checkpoint in Tarmiyah on "
                           "Sunday night. In Baquba, two soldiers were killed, officials said.")
    killings = of_kind(found, "Killing")
    assert killings and all(e.perpetrators == [a("isis")] for e in killings)


def test_no_attacker_is_taken_when_the_articles_attacks_have_different_ones(article_events):
    text = ("Islamic State militants attacked a Peshmerga post near Makhmour on Monday. The "
            "Peshmerga attacked an ISIS hideout nearby on Tuesday. A roadside bomb struck a patrol "
            "near Kirkuk on Wednesday.")
    bombs = [e for e in article_events(text) if "roadside" in text[e.span.start: e.span.end]]
    assert bombs and all(e.perpetrators == [] for e in bombs)


# ---------------------------------------------------------- events.sides.operating-force


def test_arrests_after_a_forces_operation_are_that_forces(article_events):
    found = article_events("The Iraqi Counter-Terrorism Service arrested three ISIS members in Mosul "
                           "on Monday. Two other terrorists were detained in Kirkuk.")
    kirkuk = [e for e in of_kind(found, "Arrest") if e.arrested_count == 2]
    assert kirkuk and kirkuk[0].perpetrators == [a("iraqi-cts")]
    assert OPERATING_FORCE in kirkuk[0].extractor
    found = article_events("Peshmerga forces arrested four Islamic State suspects near Makhmour on "
                           "Sunday. A fifth militant was killed in the operation's last hours, and "
                           "another ISIS suspect was detained in Gwer.")
    later = [e for e in found if e.kind in ("Arrest", "Killing") and e.span.start >= 79]
    assert later and all(e.perpetrators == [a("peshmerga")] for e in later)


def test_civilians_killed_after_a_forces_operation_are_not_carried_to_it(article_events):
    found = article_events("Peshmerga forces arrested four Islamic State suspects near Makhmour on "
                           "Sunday. Five civilians were killed near Gwer on Sunday, a local official said.")
    killings = of_kind(found, "Killing")
    assert killings and all(e.perpetrators == [] for e in killings)


# ------------------------------------------------ events.context.institution-anaphor


def test_the_capitalised_institution_noun_is_the_force_named_before(article_events):
    found = article_events("The Iraqi Counter-Terrorism Service said on Monday that the Service had "
                           "arrested five ISIS suspects in Anbar.")
    assert [e.perpetrators for e in of_kind(found, "Arrest")] == [[a("iraqi-cts")]]
    found = article_events("Iraqi security forces secured the Tharthar valley last week. On Sunday "
                           "the Command arrested three ISIS members near Samarra.")
    assert [e.perpetrators for e in of_kind(found, "Arrest")] == [[a("isf")]]


def test_a_lower_case_agency_is_no_force(article_events):
    found = article_events("Iraqi security forces secured the Tharthar valley last week. On Sunday "
                           "the agency reported that three ISIS members were arrested near Samarra.")
    arrests = of_kind(found, "Arrest")
    assert arrests and all(a("isf") not in e.perpetrators or OPERATING_FORCE in e.extractor
                           for e in arrests)


def test_an_unclaimed_ambush_in_an_article_naming_one_militant_group_is_its(article_events):
    found = article_events("An ambush on an army convoy near Sukhnah killed four soldiers on "
                           "Tuesday. Officials said the gunmen belonged to the Islamic State group, "
                           "which remains active in the desert.", published=dt.date(2023, 4, 5))
    ambushes = of_kind(found, "Ambush")
    assert ambushes and ambushes[0].perpetrators == [a("isis")]
    assert ARTICLE_ATTACKER in ambushes[0].extractor


def test_an_attacker_the_clause_names_is_not_replaced_by_the_group(article_events):
    # (not aircraft: an attack from the air is a strike, no attack event, since round 6)
    found = article_events("Iraqi commandos attacked a fighting position of the Islamic State group "
                           "near Hit on Tuesday. The Islamic State group still holds caves in the "
                           "area.", published=dt.date(2017, 4, 5))
    attacks = of_kind(found, "Attack")
    assert attacks and all(a("isis") not in e.perpetrators for e in attacks)


# --------------------------------------------------------- events.sides.held-by-the-state


def test_a_town_a_militant_group_overran_was_lost_by_the_states_forces(article_events):
    found = article_events("Islamic State fighters overran the Iraqi town of Rutba on Sunday. "
                           "Iraqi security forces withdrew towards the east, officials said.",
                           published=dt.date(2015, 5, 18))
    assert [e.lost_control for e in of_kind(found, "ControlChange")] == [[a("isf")]]
    found = article_events("ISIS seized the Syrian city of Palmyra on Wednesday after the Syrian "
                           "army pulled out of its positions.", published=dt.date(2015, 5, 21))
    changes = of_kind(found, "ControlChange")
    assert [e.lost_control for e in changes] == [[a("syrian-arab-army")]]
    assert HELD_BY_THE_STATE in changes[0].extractor


def test_the_broadest_of_the_states_forces_named_loses(article_events):
    # the Iraqi army is part of the Iraqi security forces
    found = article_events("IS militants captured the Iraqi town of Hit on Thursday. The Iraqi army "
                           "and other Iraqi security forces fled.", published=dt.date(2014, 10, 2))
    assert [e.lost_control for e in of_kind(found, "ControlChange")] == [[a("isf")]]


def test_no_loser_is_guessed_when_another_armed_group_is_named(article_events):
    found = article_events("ISIS seized the Syrian village of Tal Shair on Sunday. The Free Syrian "
                           "Army and the Syrian army both have positions nearby.",
                           published=dt.date(2015, 5, 21))
    changes = of_kind(found, "ControlChange")
    assert changes and all(e.lost_control == [] for e in changes)


# ------------------------------------------------------ events.context.heading-source


def test_the_name_closing_a_heading_after_a_colon_is_its_source(article_events):
    found = article_events("Thirty ISIS militants killed in raids near Hajin: SDF\n\nThe fighters "
                           "died in clashes east of the Euphrates.", published=dt.date(2018, 11, 5))
    assert all(a("sdf") not in e.target_actors for e in found)
    found = article_events("Five IS fighters killed in air strike on Wadi al-Shay: Peshmerga "
                           "commander\n\nThe strike hit a cave.", published=dt.date(2020, 3, 4))
    assert all(a("peshmerga") not in e.target_actors for e in found)
    found = article_events("Senior Daesh official killed in Idlib raid: Turkey\n\nThe raid took "
                           "place overnight.", published=dt.date(2022, 5, 4))
    killings = of_kind(found, "Killing")
    assert killings and all(e.target_actors == [a("isis")] for e in killings)


def test_a_name_opening_a_heading_before_a_colon_is_still_read(article_events):
    found = article_events("Peshmerga: ISIS militants attacked our posts near Makhmour on "
                           "Sunday\n\nTwo fighters were wounded.", published=dt.date(2020, 3, 4))
    attacks = of_kind(found, "Attack")
    assert attacks and attacks[0].perpetrators == [a("isis")]


# ----------------------------------------------- events.sides.armed-forces, the other side


def test_a_government_hit_is_hit_through_its_armed_forces(article_events):
    found = article_events("Islamic State militants attacked the Syrian regime near Sukhnah on "
                           "Friday.", published=dt.date(2019, 4, 6))
    hit = [e for e in found if a("syrian-regime") in e.target_actors]
    assert hit and all(a("syrian-arab-army") in e.target_actors for e in hit)
    found = article_events("Two members of the Syrian regime were killed by ISIS near Palmyra on "
                           "Friday.", published=dt.date(2019, 4, 6))
    hit = [e for e in found if a("syrian-regime") in e.target_actors]
    assert hit and all(a("syrian-arab-army") in e.target_actors for e in hit)


# ---------------------------------------------------------------- events.sides.companions


def test_companions_of_the_doer_are_on_its_side(article_events):
    found = article_events("Iraqi troops, along with Sunni tribal fighters, recaptured the village "
                           "of Albu Aitha from ISIS on Monday.", published=dt.date(2016, 5, 3))
    assert [e.gained_control for e in of_kind(found, "ControlChange")] == [
        [a("iraqi-army"), a("sunni-tribal-fighters")]]
    found = article_events("Peshmerga fighters attacked ISIS positions near Gwer alongside Iraqi "
                           "army troops on Monday.", published=dt.date(2016, 5, 3))
    attacks = of_kind(found, "Attack")
    assert attacks and a("iraqi-army") in attacks[0].perpetrators
    assert COMPANIONS in attacks[0].extractor


def test_who_a_passive_killing_was_coordinated_with_took_part_in_it(article_events):
    found = article_events("An ISIS militant was killed in Sulaymaniyah on Monday in coordination "
                           "with the Asayish.", published=dt.date(2022, 7, 5))
    killings = of_kind(found, "Killing")
    assert killings and a("kurdistan-region-asayish") in killings[0].perpetrators


def test_a_backer_is_no_companion(article_events):
    found = article_events("Iraqi troops recaptured the village of Albu Aitha from ISIS on Monday, "
                           "backed by coalition aircraft.", published=dt.date(2016, 5, 3))
    changes = of_kind(found, "ControlChange")
    assert changes and all(COMPANIONS not in e.extractor for e in changes)


# -------------------------------------------------------------- events.sides.state-target


def test_a_militant_attack_on_a_states_men_hit_its_government_forces(article_events):
    found = article_events("ISIS militants attacked a security checkpoint in Tarmiyah on Tuesday night, "
                           "wounding three.", published=dt.date(2019, 4, 10))
    attacks = of_kind(found, "Attack")
    assert [e.target_actors for e in attacks] == [[a("isf")]]
    assert STATE_TARGET in attacks[0].extractor
    # "police" itself now reads as the ISF in Iraq (desc:police), with no need of the rule
    found = article_events("ISIS militants attacked a police station in Tarmiyah on Tuesday night, "
                           "wounding three.", published=dt.date(2019, 4, 10))
    assert [e.target_actors for e in of_kind(found, "Attack")] == [[a("isf")]]
    found = article_events("Islamic State fighters ambushed a military convoy near Sukhnah in Syria "
                           "on Tuesday.", published=dt.date(2019, 4, 10))
    assert [e.target_actors for e in of_kind(found, "Ambush")] == [[a("syrian-arab-army")]]


def test_a_named_owner_of_the_men_hit_is_not_replaced(article_events):
    found = article_events("ISIS militants ambushed a Kurdish police patrol near Kirkuk in Iraq on "
                           "Tuesday.", published=dt.date(2019, 4, 10))
    assert all(a("isf") not in e.target_actors for e in found)


def test_an_operation_of_another_year_is_not_carried_to_an_arrest(article_events):
    found = article_events("The Iraqi army launched an operation against ISIS in Anbar in 2019. Five "
                           "ISIS suspects were detained in Rutba on Monday.", published=dt.date(2022, 12, 2))
    arrests = of_kind(found, "Arrest")
    assert arrests and all(OPERATING_FORCE not in e.extractor for e in arrests)
    found = article_events("The Iraqi army launched an operation against ISIS in Anbar on Sunday. "
                           "Five ISIS suspects were detained in Rutba on Monday.", published=dt.date(2022, 12, 2))
    assert [e.perpetrators for e in of_kind(found, "Arrest")] == [[a("iraqi-army")]]


def test_a_force_later_in_the_sentence_or_a_liberation_before_is_the_operating_force(article_events):
    found = article_events("Dozens of ISIS fighters were killed near Rawa on Monday, while 40 others "
                           "were arrested by the Iraqi army.", published=dt.date(2017, 11, 14))
    killings = of_kind(found, "Killing")
    assert killings and killings[0].perpetrators == [a("iraqi-army")]
    found = article_events("Peshmerga forces liberated the village of Gwer from ISIS on Sunday. "
                           "Twelve ISIS militants were killed in the fighting.", published=dt.date(2016, 5, 3))
    killings = of_kind(found, "Killing")
    assert killings and killings[0].perpetrators == [a("peshmerga")]
