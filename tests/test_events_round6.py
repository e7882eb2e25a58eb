"""Round 6 of the event rules: one happening told twice, once without its day and once with
it (``events.merge.article``).

Each reading is tested on short articles written here, in other words than the development
articles it was found in (named in the rule's docstring), through the project's NLP pipeline
and the whole extractor. Each has an article it must not read.
"""

from __future__ import annotations

import datetime as dt

PUBLISHED = dt.date(2021, 6, 16)  # a Wednesday

ATTACK_KINDS = ("Attack", "Bombing", "Ambush", "SuicideAttack", "Assassination", "Abduction")


def attacks(events):
    return [e for e in events if e.kind in ATTACK_KINDS]


RETOLD_WITH_ITS_DAY = [
    # the lead without a day, the body with the district and the day
    "ISIS fighters attacked an army checkpoint in Diyala province, killing four soldiers. "
    "Officials said the militants stormed the checkpoint near Muqdadiyah on Monday night.",
    # a suicide bombing told first, then its bomber on Tuesday
    "A suicide bombing ripped through a crowded market in Kirkuk province, killing nine "
    "people. Police said a suicide bomber detonated his explosive vest in Hawija on Tuesday.",
    # an ambush in a province, then the attack on the convoy near a town on Sunday
    "Jihadists ambushed Syrian soldiers in Homs province. A monitor said ISIS fighters "
    "attacked the soldiers' bus near Palmyra on Sunday, killing six.",
]


def test_merge_article_an_undated_report_is_the_dated_news_it_retells(article_events):
    for text in RETOLD_WITH_ITS_DAY:
        found = attacks(article_events(text))
        assert len(found) == 1, (text, [(e.kind, e.span.text if hasattr(e.span, "text") else e.span)
                                        for e in found])
        assert found[0].when is not None and found[0].when.start is not None \
            and found[0].when.start < PUBLISHED, text


def test_merge_article_not_a_dated_attack_of_the_past(article_events):
    # an attack months before the article is history: the undated lead is another attack
    found = attacks(article_events(
        "ISIS fighters attacked an army checkpoint in Diyala province, killing four soldiers. "
        "In March, militants stormed a police station near Muqdadiyah."))
    assert len(found) == 2


def test_merge_article_not_an_attack_on_another_target(article_events):
    # one attack on soldiers this week, another on a police station: two targets, two attacks
    found = attacks(article_events(
        "ISIS fighters attacked Iraqi army soldiers in Diyala province. On Monday, militants "
        "attacked a Peshmerga post near Muqdadiyah."))
    assert len(found) == 2


FROM_THE_AIR = [
    # aircraft of a type as the subject
    "Two Belgian F-16s attacked an ISIS bunker west of Ramadi on Monday, the ministry said.",
    # an air arm named by its modifier
    "The Iraqi Air Force attacked militant hideouts in the Hamrin mountains on Tuesday.",
    # a pair of aircraft joining an attack noun
    "A pair of RAF Tornados joined coalition jets in an attack on tunnels near Mosul on Sunday.",
]


def test_attack_from_the_air_is_a_strike_not_an_attack_event(article_events):
    from isisgraph.extract.events.attacks import FROM_THE_AIR as RULE

    assert RULE == "events.attack.from-the-air"
    for text in FROM_THE_AIR:
        assert attacks(article_events(text)) == [], text


def test_attack_from_the_air_not_by_militants_or_suicide_bombers(article_events):
    # drones of the group, and bombers who are people, attack on the ground
    for text in ("ISIS drones attacked a Peshmerga base near Makhmour on Monday.",
                 "Three suicide bombers stormed a police station in Tikrit on Monday."):
        assert len(attacks(article_events(text))) == 1, text


REPELLED_PLURAL = [
    "Peshmerga fighters repelled ISIS attacks on two villages near Makhmour on Friday.",
    "The army fended off assaults by militants on its posts in Tarmiyah on Saturday night.",
    "Tribal fighters and police repulsed attacks by the Islamic State group on the outskirts of "
    "Hawija on Monday, killing five of the attackers.",
]


def test_plural_attacks_fought_off_are_one_attack(article_events):
    for text in REPELLED_PLURAL:
        found = attacks(article_events(text))
        assert len(found) == 1 and found[0].target_actors, text


def test_plural_attacks_not_a_trend(article_events):
    # attacks stepped up, or launched for months, are a trend, not one event
    for text in ("Militants have stepped up attacks on villages near Makhmour.",
                 "For months the group has carried out attacks on army posts in Tarmiyah."):
        assert attacks(article_events(text)) == [], text


RUNNING_COUNTS = [
    "A monitor said on Wednesday that 212 soldiers have been killed by ISIS in the Syrian "
    "desert since the start of the year.",
    "Since last September, ISIS gunmen have killed more than 60 farmers in the villages "
    "around Tarmiyah.",
    "Militants have killed at least 90 civilians in Diyala province since January, officials "
    "said.",
]


def test_running_tally_since_a_date_is_no_event(article_events):
    from isisgraph.extract.events.filters import RUNNING_TALLY

    assert RUNNING_TALLY == "events.filters.running-tally"
    for text in RUNNING_COUNTS:
        found = [e for e in article_events(text) if e.kind in ("Killing", "Arrest")]
        assert found == [], (text, [(e.kind, e.when) for e in found])


def test_running_tally_not_a_killing_of_recent_days(article_events):
    # killed on one day this week: an event
    found = article_events("Militants killed four shepherds in Diyala province on Monday, "
                           "officials said.")
    assert [e.kind for e in found if e.kind == "Killing"] == ["Killing"]


GROUP_DEFEATS = [
    "The bombing was the deadliest since the elimination of ISIS in Baghouz in March 2019.",
    "Officials celebrated the elimination of the Islamic State group in Anbar province on "
    "Tuesday.",
    "A spokesman hailed the elimination of Daesh in the western desert of Iraq last week.",
]


def test_group_defeat_is_no_killing(article_events):
    from isisgraph.extract.events.filters import GROUP_DEFEAT

    assert GROUP_DEFEAT == "events.filters.group-defeat"
    for text in GROUP_DEFEATS:
        found = [e for e in article_events(text) if e.kind == "Killing"]
        assert found == [], text


def test_group_defeat_not_people_of_the_group(article_events):
    found = article_events("Troops announced the elimination of 12 ISIS militants in Anbar "
                           "province on Tuesday.")
    assert [e.kind for e in found if e.kind == "Killing"] == ["Killing"]


SUPERLATIVE_SCOPES = [
    "A truck bomb tore through a market in Kirkuk on Sunday, the deadliest attack in the city "
    "this year.",
    "At least 30 people were killed by ISIS bombers in the deadliest attack in Mosul this year.",
    "Dozens of soldiers were wounded by militants in the worst attack on the army in Diyala "
    "this year.",
]


def test_date_comparison_a_superlatives_scope_is_not_the_events_time(article_events):
    # "this year", "this month" say over what the attack is the deadliest, not when it was
    for text in SUPERLATIVE_SCOPES:
        found = attacks(article_events(text))
        assert found and not any(e.when is not None and e.when.start == dt.date(2021, 1, 1)
                                 for e in found), (text, [e.when for e in found])


def test_date_comparison_not_a_time_of_its_own(article_events):
    # a plain attack this month is dated by it
    found = attacks(article_events("Militants attacked an army post in Diyala province this "
                                   "month."))
    assert found and found[0].when is not None and found[0].when.start == dt.date(2021, 6, 1)
