"""Round 7b of the side rules: the arm of a state that struck (``context.sides.striker``), and
more (one section per rule).

Short articles written here, in other words than the development articles the rules were
found in (named in their docstrings), read through the project's NLP pipeline and the whole
extractor. Each reading has an article it must not read.
"""

from __future__ import annotations

import datetime as dt

from isisgraph.extract import context
from isisgraph.namespaces import actor, place
from isisgraph.records import Event

PUBLISHED = dt.date(2016, 3, 8)


def a(slug: str) -> str:
    return str(actor(slug))


def killers(found: list[Event]) -> list[list[str]]:
    return [e.perpetrators for e in found if e.kind == "Killing"]


# ------------------------------------------------------------------ context.sides.striker


def test_the_air_arm_named_in_the_next_sentence_joins_the_states_forces(article_events):
    found = article_events("Iraqi forces killed 14 ISIS militants in air strikes on a village near Hit "
                           "on Monday. Iraqi F-16 jets struck three houses used by the militants.")
    assert killers(found) == [[a("isf"), a("iraqi-air-force")]]
    assert context.STRIKER in found[0].extractor


def test_the_striker_of_the_killings_own_clause_joins_the_killers(article_events):
    found = article_events("Iraqi security forces killed nine militants on Tuesday when army "
                           "helicopters bombed their hideouts near Rutba.")
    assert killers(found) == [[a("isf"), a("iraqi-army")]]


def test_a_governments_strike_was_its_air_forces(article_events):
    found = article_events("British forces killed eight Daesh fighters near Qaim on Sunday in a "
                           "precision strike on a tunnel entrance. RAF Tornado jets dropped two "
                           "Paveway bombs, the Ministry of Defence said.")
    assert killers(found) == [[a("uk-armed-forces"), a("raf")]]


def test_a_coalitions_member_is_not_its_arm(article_events):
    # must not: the coalition's strikes are not the RAF's because the RAF also struck
    found = article_events("Coalition air strikes killed 20 ISIS militants near Mosul on Friday. RAF "
                           "Typhoons struck two buildings in the city.")
    assert killers(found) == [[a("cjtf-oir")]]


def test_a_killing_in_fighting_is_not_the_jets(article_events):
    # must not: the killing was told as clashes, and the jets struck elsewhere
    found = article_events("Iraqi troops killed six ISIS militants in clashes near Baiji on Monday. "
                           "Iraqi F-16 jets struck a weapons depot in Mosul the following week.")
    assert killers(found) == [[a("iraqi-army")]]


# ---------------------------------------------- events.sides.held-by-the-state (minted places)


def lost(found: list[Event]) -> list[list[str]]:
    return [e.lost_control for e in found if e.kind == "ControlChange"]


def test_a_village_the_gazetteer_lacks_lies_in_the_articles_country(article_events):
    found = article_events("ISIS fighters overran the village of Albu Dawood on Sunday. Iraqi security "
                           "forces pulled back to Ramadi, Fallujah and Baghdad, officials said.",
                           dt.date(2015, 5, 18))
    assert lost(found) == [[a("isf")]]
    found = article_events("Islamic State militants captured the town of Tal Kharouf on Saturday after "
                           "heavy fighting. The Syrian army withdrew towards Homs, Palmyra and "
                           "Qaryatain, state media said.", dt.date(2015, 5, 18))
    assert lost(found) == [[a("syrian-arab-army")]]


def test_an_article_between_two_countries_gives_no_loser(article_events):
    # must not: the village may be in Iraq or in Syria
    found = article_events("ISIS fighters overran the village of Albu Dawood on Sunday. Iraqi security "
                           "forces held Ramadi, while the Syrian army fought near Palmyra and Homs.",
                           dt.date(2015, 5, 18))
    assert lost(found) == [[]]


# ---------------------------------------------- events.context.holder (a hyphened holder)


def attacks(found: list[Event]) -> list[tuple[list[str], list[str]]]:
    return [(e.perpetrators, e.target_actors) for e in found if e.kind == "Attack"]


def test_a_place_its_modifier_says_a_group_holds_stands_for_the_group(article_events):
    found = article_events("Kurdish fighters stormed ISIS-controlled positions south of Kobani on Sunday.")
    assert attacks(found) == [([a("sdf")], [a("isis")])]
    found = article_events("The Syrian army assaulted a Daesh-held hilltop near Palmyra on Tuesday.")
    assert attacks(found) == [([a("syrian-arab-army")], [a("isis")])]
    found = article_events("Iraqi troops attacked an IS-held village near Hawija on Monday.")
    assert attacks(found) == [([a("iraqi-army")], [a("isis")])]


def test_a_holder_of_a_place_the_participant_is_near_is_not_hit(article_events):
    # must not: the convoy was near the town IS held, it was not IS's
    found = article_events("Gunmen attacked a convoy near an IS-held town in Anbar on Monday.")
    assert all(a("isis") not in targets for _, targets in attacks(found))


# ---------------------------------------------- events.sides.article-enemy (attacks)


def test_an_attack_by_the_groups_enemies_on_no_one_named_hit_the_group(article_events):
    found = article_events("Syrian Democratic Forces attacked the last positions in the old city of "
                           "Raqqa on Tuesday. ISIS fighters still hold the stadium.")
    assert attacks(found) == [([a("sdf")], [a("isis")])]
    found = article_events("Iraqi troops attacked the western districts of Tal Afar on Sunday, pushing "
                           "the Islamic State group back.")
    assert attacks(found) == [([a("iraqi-army")], [a("isis")])]
    found = article_events("U.S. commandos raided a compound near Deir ez-Zor on Thursday and attacked a "
                           "house, the Pentagon said. The Islamic State group has lost its last "
                           "strongholds in the province.")
    assert [targets for _, targets in attacks(found)] == [[a("isis")]]


def test_no_enemy_is_guessed_when_the_article_names_another_group_it_may_have_hit(article_events):
    # must not: the YPG, not ISIS, was where the Turkish troops stormed
    found = article_events("Turkish troops stormed a village near Afrin on Sunday. The YPG said its "
                           "fighters repelled the assault, while ISIS was not present in the area.")
    assert attacks(found) == [([a("turkish-armed-forces")], [])]


# ------------------------- events.sides.attack-killing (victims owned by the force that reports)


def test_victims_of_its_own_are_the_reporting_forces(article_events):
    found = article_events("The SDF said two of their members died in an attack by Islamic State gunmen "
                           "on a checkpoint near Shaddadi on Friday.", dt.date(2021, 12, 6))
    assert attacks(found) == [([a("isis")], [a("sdf")])]
    found = article_events("The Peshmerga said that four of its members were wounded when ISIS militants "
                           "attacked their post near Makhmour.", dt.date(2021, 12, 6))
    assert attacks(found) == [([a("isis")], [a("peshmerga")])]
    found = article_events("Iraq's Counter-Terrorism Service announced that three of its officers were "
                           "killed during a Daesh attack near Rutba.", dt.date(2021, 12, 6))
    assert attacks(found) == [([a("isis")], [a("iraqi-cts")])]


def test_the_attackers_own_dead_are_not_their_target(article_events):
    # must not: the group that reports its own dead attacked; it was not hit by itself
    found = article_events("ISIS said in a statement that two of its fighters were killed during an "
                           "attack by the group on an army post near Tarmiyah.", dt.date(2021, 12, 6))
    assert all(a("isis") not in targets for _, targets in attacks(found))


# ------------------------------------------------ the Kurdistan Region's forces (labels)


def test_the_kurdistan_regions_forces_are_the_peshmerga(article_events):
    found = article_events("The Islamic State attacked Kurdistan Region forces and civilians in northern "
                           "Iraq today, according to local media.", dt.date(2021, 12, 2))
    assert attacks(found) == [([a("isis")], [a("peshmerga")])]
    found = article_events("ISIS militants attacked a post of the Kurdistan Region's forces near Makhmour "
                           "on Sunday.", dt.date(2021, 12, 2))
    assert attacks(found) == [([a("isis")], [a("peshmerga")])]


def test_the_kurdistan_regions_security_forces_are_no_iraqi_security_forces(article_events):
    found = article_events("Kurdistan Region security forces arrested two ISIS suspects in Erbil on "
                           "Monday.", dt.date(2021, 12, 2))
    assert [e.perpetrators for e in found if e.kind == "Arrest"] == [[a("kurdish-forces")]]


# ------------------------------------------------------------------ events.sides.withdrew


def test_the_forces_that_withdrew_lost_the_place(article_events):
    found = article_events("ISIS fighters overran the town of Hit on Thursday. Iraqi soldiers fled from "
                           "their base on the edge of the town, officials said.", dt.date(2015, 5, 18))
    assert lost(found) == [[a("iraqi-army")]]
    assert "events.sides.withdrew" in found[0].extractor
    found = article_events("The Islamic State group seized Palmyra on Wednesday. Syrian troops "
                           "retreated towards Homs, state television said.", dt.date(2015, 5, 18))
    assert lost(found) == [[a("syrian-arab-army")]]
    found = article_events("Kurdish fighters took control of the town of Tal Abyad on Monday after "
                           "Islamic State militants fled.", dt.date(2015, 6, 16))
    assert lost(found) == [[a("isis")]]


def test_a_withdrawal_from_another_place_says_nothing_of_the_loser(article_events):
    # must not: the Syrian troops left Palmyra, not Hit
    found = article_events("ISIS seized the town of Hit on Thursday. Syrian troops withdrew from Palmyra "
                           "later in the week.", dt.date(2015, 5, 18))
    changes = [e for e in found if e.kind == "ControlChange" and e.locations == [str(place("hit"))]]
    assert changes and all(e.lost_control == [] for e in changes)



# --------------------------------------- events.sides.article-attacker (words of atrocity)


def test_an_atrocity_no_one_is_named_for_was_the_articles_militant_groups(article_events):
    for text in ("The Islamic State group committed genocide against the Yazidis in 2014, a UN report "
                 "said. Thousands of Yazidi women were enslaved.",
                 "Survivors marked five years since the genocide in Sinjar, where ISIS killed thousands "
                 "in August 2014.",
                 "Activists commemorated the massacre of Kocho village, where hundreds of Yazidi men "
                 "were shot by Islamic State militants in 2014."):
        found = article_events(text, dt.date(2019, 8, 3))
        atrocities = [e for e in found if e.kind == "Killing" and e.trigger in ("genocide", "massacre")]
        assert [e.perpetrators for e in atrocities] == [[a("isis")]], text


def test_an_atrocity_whose_doer_is_named_is_not_guessed(article_events):
    # must not: the massacre names its doer (a force the reference data lacks)
    found = article_events("The Islamic State group was driven from Mosul in 2017. Years later, villagers "
                           "in Halabja recalled the 1988 massacre by Saddam Hussein's forces.",
                           dt.date(2019, 8, 3))
    assert [e.perpetrators for e in found if e.kind == "Killing"] == [[]]


# ------------------------------------------------------------------ events.sides.blamed-on


def test_a_bomb_or_ambush_blamed_on_a_group_was_the_groups(article_events):
    for text, sides in (("Four policemen were killed on Monday near Tarmiyah in a roadside bomb blast blamed "
                         "on Islamic State militants.", ([a("isis")], [a("isf")])),
                        ("Two soldiers died in Deir ez-Zor on Friday in a mine explosion attributed to "
                         "ISIS, state media said.", ([a("isis")], [a("syrian-arab-army")])),
                        ("Nine shepherds were killed near Sukhnah on Sunday in an ambush claimed by the "
                         "Islamic State group.", ([a("isis")], []))):
        found = article_events(text, dt.date(2022, 12, 19))
        assert [(e.perpetrators, e.target_actors) for e in found] == [sides], text
        assert "events.sides.blamed-on" in found[0].extractor


def test_only_an_armed_group_is_taken_from_the_blame(article_events):
    # must not: a state's army blamed is left to the readings of the state's own words
    found = article_events("Two ISIS fighters were killed near Hawija in an explosion blamed on the Iraqi "
                           "army.", dt.date(2022, 12, 19))
    assert all("events.sides.blamed-on" not in e.extractor for e in found)


# -------------------------------- events.sides.opponent-modifier ("an anti-ISIS raid")


def test_the_group_an_operation_is_against_is_not_its_doer(article_events):
    found = article_events("An anti-ISIS operation killed four militants near Hawija on Monday, the army "
                           "said.", dt.date(2019, 7, 13))
    assert all(a("isis") not in e.perpetrators for e in found)
    found = article_events("Anti-Daesh raids by Iraqi forces killed six militants near Rutba on Sunday.",
                           dt.date(2019, 7, 13))
    assert killers(found) == [[a("isf")]]
    found = article_events("The anti-IS coalition carried out a raid near Deir ez-Zor on Tuesday, killing "
                           "two ISIS leaders.", dt.date(2019, 7, 13))
    assert killers(found) == [[a("cjtf-oir")]]


def test_an_anti_prefix_on_another_word_leaves_the_group_named_after_it(article_events):
    # must not: "anti-terror" qualifies the unit; ISIS, named on its own, attacked it
    found = article_events("ISIS militants attacked an anti-terror unit of the Iraqi army near Kirkuk on "
                           "Friday.", dt.date(2019, 7, 13))
    assert attacks(found) == [([a("isis")], [a("iraqi-army")])]
