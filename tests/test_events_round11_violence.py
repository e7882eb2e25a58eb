"""Round 11 of the violence readings: attacks told from the side they hit, and killings told
by the lives they cost.

- ``events.attack.under-fire``: "X came under fire from Y": X is the target, Y the attackers
  (Islam Times 2021, a US DoD briefing 2015); a killing told with it in a participle ("...,
  claiming the lives of two soldiers") has no killer in the subject that was hit;
- ``events.killing`` with [life-nouns]: "claimed the lives of three fighters" kills the people
  after "of", counted (ANF 2024, Islam Times 2021); "claimed more lives" names no one.

Each reading is tested on short articles written here, through the project's NLP pipeline and
the whole extractor; each has an article it must not read.
"""

from __future__ import annotations

import datetime as dt

PUBLISHED = dt.date(2021, 6, 16)  # a Wednesday

ID = "https://w3id.org/isisgraph/id/"


def kinds(events):
    return [(e.kind, e.extractor) for e in events]


UNDER_FIRE = [
    # attackers after "from", the target a force
    ("Peshmerga forces came under fire from ISIS militants near Hawija on Monday.",
     "actor/peshmerga", "actor/isis"),
    # "heavy", the attackers after "by"
    ("An SDF patrol came under heavy fire by Daesh gunmen near Hajin on Sunday.",
     "actor/sdf", "actor/isis"),
]


def test_events_attack_under_fire_reads_the_subject_as_the_target(article_events):
    for text, target, attacker in UNDER_FIRE:
        found = [e for e in article_events(text) if e.kind == "Attack"]
        assert len(found) == 1, (text, kinds(article_events(text)))
        assert ID + target in found[0].target_actors, text
        assert ID + attacker in found[0].perpetrators, text
        assert ID + target not in found[0].perpetrators, text
        assert "events.attack.under-fire" in found[0].extractor, text


def test_events_attack_under_fire_the_killing_told_with_it_is_no_killing_by_the_target(article_events):
    events = article_events(
        "An army convoy came under fire near Tarmiyah on Monday, claiming the lives of two soldiers.")
    assert [e.kind for e in events] == ["Attack"], kinds(events)
    assert events[0].killed_count == 2
    assert ID + "actor/iraqi-army" in events[0].target_actors
    assert ID + "actor/iraqi-army" not in events[0].perpetrators


def test_events_attack_under_fire_needs_a_side(article_events):
    # neither who fired nor whose house: no attack
    assert article_events("The old house came under fire during the storm on Monday.") == []


def test_events_killing_claimed_the_lives_of_people(article_events):
    events = article_events("An ISIS attack claimed the lives of three SDF fighters near Shaheel on Monday.")
    assert len(events) == 1, kinds(events)
    assert events[0].killed_count == 3
    assert events[0].perpetrators == [ID + "actor/isis"]
    assert ID + "actor/sdf" in events[0].target_actors


def test_events_killing_claimed_lives_of_no_one_named_is_none(article_events):
    # whose lives, the sentence does not say
    events = article_events("Regime strikes claimed more lives near Damascus on Sunday.")
    assert [e for e in events if e.kind == "Killing"] == [], kinds(events)
    # "claimed" alone is a claim of responsibility, not a killing
    events = article_events("ISIS claimed the attack on an army post near Tarmiyah on Monday.")
    assert [e.kind for e in events] == ["Attack"], kinds(events)
    assert events[0].killed_count is None


# ``events.merge.episode.another``: people counted in addition to those of an event told before
ANOTHER = [
    # "another N", two sentences after the killing
    "Iraqi forces killed 30 ISIS militants near Rutba in May, the ministry said. "
    "The operation destroyed eleven hideouts. Another 12 militants were detained.",
    # "N others", after a strike summary with its own place and month
    "Coalition forces killed 9 ISIS operatives and detained 6 in Syria in March. "
    "In one raid, 4 operatives were killed and 3 others were detained.",
]


def test_events_merge_episode_another_takes_the_date_place_and_sides_told_before(article_events):
    for text in ANOTHER:
        events = article_events(text)
        arrests = [e for e in events if e.kind == "Arrest" and e.arrested_count in (12, 3)]
        assert len(arrests) == 1, (text, [(e.kind, e.arrested_count, e.extractor) for e in events])
        arrest = arrests[0]
        assert "events.merge.episode.another" in arrest.extractor, text
        assert arrest.when is not None and arrest.when.start is not None
        assert arrest.when.start.month in (5, 3), text
        assert arrest.locations, text
        assert arrest.perpetrators, text


def test_events_merge_episode_another_needs_an_additional_count(article_events):
    # no "another", "others": people of no side, with no date or place, stay a tally
    events = article_events(
        "Iraqi forces killed 30 ISIS militants near Rutba in May, the ministry said. "
        "The operation destroyed eleven hideouts. Some 12 people were detained.")
    assert [e for e in events if e.kind == "Arrest"] == [], [(e.kind, e.extractor) for e in events]
    # the same with "another" continues the killing told before
    events = article_events(
        "Iraqi forces killed 30 ISIS militants near Rutba in May, the ministry said. "
        "The operation destroyed eleven hideouts. Another 12 people were detained.")
    assert [e.kind for e in events if "episode.another" in e.extractor] == ["Arrest"], \
        [(e.kind, e.extractor) for e in events]


def test_events_merge_episode_another_of_the_same_kind_adds_to_its_toll(article_events):
    # "another three soldiers" killed after a soldier killed: the same toll, no second killing
    events = article_events(
        "A soldier was killed by ISIS militants near Mahbubiya on Monday, the army said. "
        "Reinforcements reached the village. A roadside device went off, killing another three soldiers.")
    killings = [e for e in events if e.kind == "Killing"]
    assert len(killings) <= 1, [(e.kind, e.extractor, e.killed_count) for e in events]
    assert not any(e.killed_count == 3 and e.kind == "Killing" for e in events)
