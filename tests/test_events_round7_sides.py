"""Round 7 of the side rules: the victims of an attack told in a clause that does not hang
straight on the killing verb (``events.sides.attack-killing``), and soldiers named by their
nationality (the armed forces' aliases).

Short articles written here, in other words than the development articles the rules were
found in (named in the rule's docstring), read through the project's NLP pipeline and the
whole extractor. Each reading has an article it must not read.
"""

from __future__ import annotations

import datetime as dt

from isisgraph.namespaces import actor
from isisgraph.records import Event

PUBLISHED = dt.date(2021, 11, 30)


def a(slug: str) -> str:
    return str(actor(slug))


def attack_sides(found: list[Event]) -> list[tuple[list[str], list[str]]]:
    return [(e.perpetrators, e.target_actors) for e in found if e.kind == "Attack"]


def test_fighters_reported_killed_in_an_attack_were_its_target(article_events):
    found = article_events("During the latest ISIS attack, on Friday, three Peshmerga fighters were "
                           "reported killed near Kifri.")
    assert attack_sides(found) == [([a("isis")], [a("peshmerga")])]
    assert "events.sides.attack-killing" in found[0].extractor


def test_soldiers_who_died_when_their_convoy_came_under_attack_were_its_target(article_events):
    found = article_events("Islamic State militants have stepped up their raids in the Badia. Two regime "
                           "soldiers died on Tuesday as their convoy came under attack east of Palmyra, "
                           "the monitor said.", dt.date(2021, 3, 4))
    assert attack_sides(found) == [([a("isis")], [a("syrian-arab-army")])]


def test_a_soldier_killed_and_others_wounded_in_an_attack_the_army_reports(article_events):
    # the parser makes both verbs complements of "said": the first one still counts
    found = article_events("One Turkish soldier was killed and four others were wounded in a Daesh "
                           "attack west of al-Bab, the ministry said.", dt.date(2017, 1, 12))
    assert attack_sides(found) == [([a("isis")], [a("turkish-armed-forces")])]


def test_a_nationality_names_whose_soldier_was_killed(article_events):
    found = article_events("A Turkish soldier was killed by Daesh sniper fire near al-Bab on Monday.",
                           dt.date(2017, 1, 10))
    assert [e.target_actors for e in found if e.kind == "Killing"] == [[a("turkish-armed-forces")]]


def test_a_clause_of_another_verb_gives_the_attack_no_victims(article_events):
    # must not: the wounded are in a clause that does not hold the attack
    found = article_events("Peshmerga fighters were wounded on Saturday near Kifri. On Sunday, Islamic "
                           "State militants came under fire when they attacked a village in Diyala.")
    assert all(a("peshmerga") not in e.target_actors for e in found if e.kind == "Attack")


# ------------------------------------------------------------- events.killing.aftermath


def killing_sides(found: list[Event]) -> list[tuple[list[str], list[str]]]:
    return [(e.perpetrators, e.target_actors) for e in found if e.kind == "Killing"]


def test_the_dead_a_clash_left_were_killed_by_those_who_fought_them(article_events):
    found = article_events("Peshmerga fighters clashed with ISIS militants south of Kirkuk on Monday, "
                           "leaving four ISIS militants killed.", dt.date(2019, 3, 5))
    assert killing_sides(found) == [([a("peshmerga")], [a("isis")])]
    assert "events.killing" in found[-1].extractor


def test_the_dead_a_pursuit_left_were_killed_by_the_pursuers(article_events):
    found = article_events("Iraqi troops pursued ISIS cells in the Hamrin mountains on Friday, "
                           "leaving three ISIS members killed.", dt.date(2020, 5, 2))
    assert [e.perpetrators for e in found if e.kind == "Killing"] == [[a("iraqi-army")]]


def test_the_victims_own_side_did_not_kill_them(article_events):
    # must not: the militants who fought are not the killers of the militants who died
    found = article_events("ISIS militants clashed with the Iraqi army near Tarmiyah on Sunday, leaving "
                           "five ISIS militants killed.", dt.date(2019, 3, 5))
    assert all(a("isis") not in e.perpetrators for e in found if e.kind == "Killing")


# ------------------------------------------------ the description "security forces"


def test_security_forces_in_iraq_are_the_isf(article_events):
    found = article_events("The security forces and the Hashd clashed with IS militants east of Haditha "
                           "in Anbar, leaving six IS militants killed.", dt.date(2016, 2, 9))
    assert [sorted(e.perpetrators) for e in found if e.kind == "Killing"] == [
        sorted([a("isf"), a("hashd-al-shaabi")])]


def test_security_forces_in_northern_syria_are_no_one_we_guess(article_events):
    # must not: in Syria the words name the regime's, the Kurdish-led or the opposition's forces
    found = article_events("Turkish intelligence teams and the local security forces arrested four ISIS "
                           "members near Azaz in northern Syria.", dt.date(2022, 12, 2))
    assert all(a("syrian-arab-army") not in e.perpetrators for e in found)


# ------------------------------------------------------------ events.sides.operating-force


def test_militants_surrendered_to_the_force_that_stormed_their_last_position(article_events):
    found = article_events("On Tuesday the Syrian Democratic Forces stormed the dam near Tabqa, a monitor "
                           "said. Dozens of ISIS militants surrendered in Tabqa.", dt.date(2017, 5, 10))
    assert [e.perpetrators for e in found if e.kind == "Surrender"] == [[a("sdf")]]
    assert "events.sides.operating-force" in [e for e in found if e.kind == "Surrender"][0].extractor


def test_militants_surrender_to_no_militant_group_that_stormed_a_place(article_events):
    # must not: an assault by the militants themselves is no operation they surrendered to
    found = article_events("ISIS militants stormed a checkpoint near Tabqa on Monday, a monitor said. "
                           "Dozens of ISIS militants surrendered in Tabqa.", dt.date(2017, 5, 10))
    assert [e.kind for e in found if e.kind == "Surrender"] == ["Surrender"]
    assert all(a("isis") not in e.perpetrators for e in found if e.kind == "Surrender")


# ------------------------------------------------------------------ events.sides.companions


def test_a_force_acting_in_coordination_with_the_coalition_shares_the_arrest(article_events):
    found = article_events("DEIR EZZOR, Syria - In coordination with the international coalition, the SDF "
                           "detained two ISIS suspects in the village of Hajin on Friday.", dt.date(2022, 3, 5))
    assert [sorted(e.perpetrators) for e in found if e.kind == "Arrest"] == [sorted([a("sdf"), a("cjtf-oir")])]
    assert "events.sides.companions" in found[0].extractor


def test_partners_named_after_the_verb_share_the_killing(article_events):
    found = article_events("Peshmerga forces killed four ISIS militants in the Qarachogh mountains on Monday "
                           "in cooperation with coalition aircraft.", dt.date(2020, 6, 2))
    assert [sorted(e.perpetrators) for e in found if e.kind == "Killing"] == [
        sorted([a("peshmerga"), a("cjtf-oir")])]


def test_partners_of_a_raid_share_the_killing_it_did(article_events):
    found = article_events("In cooperation with the Syrian Democratic Forces, US forces raided a house in "
                           "Shaddadi on Sunday, killing two ISIS members.", dt.date(2020, 5, 18))
    assert [sorted(e.perpetrators) for e in found if e.kind == "Killing"] == [
        sorted([a("us-military"), a("sdf")])]


def test_a_statement_issued_in_coordination_is_no_partner_in_the_killing(article_events):
    # must not: the coordination is the statement's, not the killing's
    found = article_events("The Peshmerga ministry, in coordination with the coalition, said that ISIS "
                           "militants killed two shepherds near Kifri on Monday.", dt.date(2020, 6, 2))
    assert all(a("cjtf-oir") not in e.perpetrators for e in found if e.kind == "Killing")


# --------------------------------------------------------------- events.context.holder


def test_a_unit_affiliated_with_a_force_is_that_force(article_events):
    found = article_events("On Tuesday, Daesh fighters attacked the Second Battalion affiliated with the "
                           "Peshmerga near Kifri, officials said.", dt.date(2021, 11, 30))
    assert [e.target_actors for e in found if e.kind == "Attack"] == [[a("peshmerga")]]


def test_positions_held_by_a_force_are_its_own(article_events):
    found = article_events("Daesh gunmen assaulted positions held by Iraqi security forces near Tarmiyah "
                           "late on Saturday.", dt.date(2021, 9, 5))
    assert [e.target_actors for e in found if e.kind == "Attack"] == [[a("isf")]]


def test_a_site_belonging_to_a_group_is_the_groups(article_events):
    found = article_events("Islamic State fighters attacked a base belonging to the Syrian Democratic Forces "
                           "near Hajin on Monday.", dt.date(2019, 1, 8))
    assert [e.target_actors for e in found if e.kind == "Attack"] == [[a("sdf")]]


def test_a_participant_that_names_its_force_keeps_it(article_events):
    # must not: the owner of a place the target was in is no side
    found = article_events("ISIS militants attacked Peshmerga troops stationed in villages held by the "
                           "Kurdistan Regional Government near Makhmour on Monday.", dt.date(2021, 12, 6))
    assert [e.target_actors for e in found if e.kind == "Attack"] == [[a("peshmerga")]]
