"""Round 8 of the event filters: a killing or arrest of no date, place or named victim of its
own is no tally when it tells an outcome of the news (``events.merge.episode``).

The tally filter (``events.filters.tally``) drops what has neither a date nor a place, before
the context layer dates events by their report. The episode merge reads such a report first:
folded into the event it is another report or the toll of, kept (with the date and place of
the event told just before) when it is an outcome told as a fact, left to the tally filter
when it is a count over time or a description. Short articles written here, in other words
than the development articles named in the rule's docstring, run through the project's NLP
pipeline and the whole extractor. Also: a fighting verb in a participle clause on a noun
describes fighters, no clash (``events.hostile-encounter.description``).
"""

from __future__ import annotations

import datetime as dt

PUBLISHED = dt.date(2019, 6, 12)  # a Wednesday

ATTACK_KINDS = ("Attack", "Bombing", "Ambush", "SuicideAttack", "Assassination", "Abduction")
EPISODE = "events.merge.episode"


def of_kind(events, kinds):
    return [e for e in events if e.kind in kinds]


OUTCOMES = [
    # the killed of a retaking, told in the next sentence with no date or place of its own
    ("Iraqi troops recaptured Baiji on Monday after a week of fighting, the army said. "
     "About forty militants were killed, a spokesman added.", "ControlChange"),
    # the killed of a raid that made arrests
    ("Kurdish security forces arrested five ISIS suspects in Kirkuk on Sunday. "
     "The security forces also killed two militants who resisted, the statement said.", "Arrest"),
    # the detained of a sweep that killed, active voice, another outlet's style
    ("Syrian Democratic Forces killed three Islamic State fighters in Shaddadi on Saturday. "
     "The SDF also detained six ISIS members, a statement said.", "Killing"),
    # a perfect infinitive is no record in the present perfect
    ("Peshmerga forces retook the village of Bashir on Friday, officials said. Some twenty ISIS "
     "fighters are reported to have been killed.", "ControlChange"),
]


def test_episode_an_outcome_told_after_the_event_is_an_event(article_events):
    for text, first in OUTCOMES:
        events = article_events(text)
        told = of_kind(events, (first,))
        assert told, (text, [(e.kind, e.extractor) for e in events])
        outcome = [e for e in events if EPISODE in e.extractor.split("+")]
        assert len(outcome) == 1, (text, [(e.kind, e.extractor) for e in events])
        assert outcome[0].kind in ("Killing", "Arrest"), text
        # it happened when and where the event told before did
        assert outcome[0].when is not None and outcome[0].when.start == told[0].when.start, text
        assert set(told[0].locations) <= set(outcome[0].locations), text


def test_episode_a_toll_after_an_attack_is_the_attacks(article_events):
    events = article_events("ISIS gunmen attacked an army checkpoint near Baiji on Tuesday. "
                            "Three soldiers were killed, officials said.")
    assert len(events) == 1, [(e.kind, e.extractor) for e in events]
    (attack,) = events
    assert attack.kind in ATTACK_KINDS
    assert attack.killed_count == 3


def test_episode_counts_over_time_and_descriptions_stay_tallies(article_events):
    for text in (
        "Some 400,000 people have been killed since the war began, a monitor says.",
        "The army usually describes killed or captured fighters as neutralised.",
        "The militants have killed hundreds of villagers, the report says.",
    ):
        events = article_events(text)
        assert not of_kind(events, ("Killing", "Arrest")), (text, [(e.kind, e.extractor) for e in events])


DESCRIBED = [
    "Kurdish fighters battling the jihadists near Sinjar received new rifles on Tuesday.",
    "Army units fighting Islamic State in Anbar were reinforced by tribal volunteers on Monday.",
    "The ministry sent ammunition to Iraqi troops battling ISIS militants in Ramadi on Sunday.",
]


def test_hostile_encounter_description_a_participle_on_fighters_is_no_clash(article_events):
    for text in DESCRIBED:
        events = article_events(text)
        assert not of_kind(events, ("Clash",)), (text, [(e.kind, e.extractor) for e in events])


def test_hostile_encounter_description_not_a_finite_verb(article_events):
    events = article_events("Iraqi troops battled Islamic State militants in Ramadi on Sunday.")
    assert [e.kind for e in events] == ["Clash"]


ATTACKERS_KILLED = [
    "Islamic State militants attacked a Peshmerga position near Makhmour on Friday. Twelve ISIS "
    "fighters were killed, a Kurdish commander said.",
    "Daesh terrorists assaulted army positions near Tuz Khurmatu on Sunday. Security forces said "
    "nine Daesh terrorists were killed.",
]


def test_episode_the_attackers_dead_are_a_killing_of_their_own(article_events):
    for text in ATTACKERS_KILLED:
        events = article_events(text)
        attacks = of_kind(events, ATTACK_KINDS)
        killings = of_kind(events, ("Killing",))
        assert len(attacks) == 1 and len(killings) == 1, (text, [(e.kind, e.extractor) for e in events])
        assert killings[0].target_actors == attacks[0].perpetrators, text
        assert killings[0].when is not None and killings[0].when.start == attacks[0].when.start, text


def test_episode_killed_by_the_defenders_is_no_toll_of_the_attack(article_events):
    text = ("Islamic State militants attacked a Peshmerga outpost near Gwer on Tuesday. Peshmerga "
            "fighters killed seven of them, a spokesman said.")
    events = article_events(text)
    attacks = of_kind(events, ATTACK_KINDS)
    killings = of_kind(events, ("Killing",))
    assert len(attacks) == 1 and len(killings) == 1, (text, [(e.kind, e.extractor) for e in events])
    assert not set(killings[0].perpetrators) & set(attacks[0].perpetrators), text
