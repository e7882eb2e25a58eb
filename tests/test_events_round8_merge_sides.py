"""Round 8 of the sides that merges give:

- the fighting as the subject of a killing ("clashes with the militants killed 31") is where
  the deaths happened, not the killer; the side it names is one side of the fighting, so it is
  no perpetrator of the killing (``events.killing``, the fighting heads of
  ``Context.fight_heads``);
- a toll in a sentence marked as another event ("In a separate incident", "Separately",
  "Elsewhere": the lexicon's separate-event-markers) is not folded into an event told before
  (``events.merge.episode``, ``events.merge.continuation``), whose sides it would take, nor
  given that event's date and place: with none of its own it stays a tally.

Short articles written here, in other words than the development articles the reading was
found in (named in the rule's comment), read through the project's NLP pipeline and the whole
extractor. Each reading has an article it must not read.
"""

from __future__ import annotations

import datetime as dt

from isisgraph.namespaces import actor

PUBLISHED = dt.date(2016, 3, 8)


def a(slug: str) -> str:
    return str(actor(slug))


FIGHTING_KILLED = [
    # "against" the militants, the place inside the subject
    ("Heavy clashes against Islamic State militants in Anbar killed 40 people on Monday.", 40),
    # "with" the group, a singular noun of fighting
    ("Fighting with ISIS fighters east of Baiji killed 17 people on Tuesday.", 17),
    # another noun of fighting, an outlet's "Daesh", no noun after the count
    ("Skirmishes with Daesh near Tarmiyah killed 23 on Sunday.", 23),
]


def test_the_side_the_fighting_names_is_not_the_killer(article_events):
    for text, killed in FIGHTING_KILLED:
        found = article_events(text)
        assert [(e.kind, e.killed_count) for e in found] == [("Killing", killed)], \
            (text, [(e.kind, e.extractor) for e in found])
        assert found[0].perpetrators == [], (text, found[0].perpetrators)


def test_the_killer_the_clause_names_stays(article_events):
    # the troops are the subject; the clashes only where it happened
    (event,) = article_events("Iraqi troops killed 12 ISIS militants in clashes east of Baiji on Monday.")
    assert event.kind == "Killing"
    assert event.perpetrators == [a("iraqi-army")]
    assert event.target_actors == [a("isis")]


def test_a_toll_of_the_last_event_still_joins_it(article_events):
    # no marker of a separate event: the killed are the toll of the attack just told
    found = article_events(
        "ISIS militants attacked a village near Makhmour on Monday. Three villagers were killed "
        "in the attack, a local official said.")
    assert [(e.kind, e.killed_count) for e in found] == [("Attack", 3)], \
        [(e.kind, e.killed_count, e.extractor) for e in found]


# ------------------------------------------------------------------ separate-event markers


SEPARATE = [
    # "In a separate incident", after strikes of another state
    ("Russian jets carried out three air strikes against ISIS near al-Bab on Monday, killing 12. "
     "In a separate incident, one Turkish soldier was killed and two others were wounded, the army said.",
     "turkish-armed-forces"),
    # "Elsewhere", a monitor's report
    ("US drones struck an ISIS convoy near Hajin on Tuesday, killing six. Elsewhere, four Syrian "
     "soldiers were killed, the monitor said.", "syrian-arab-army"),
    # "Separately", officials
    ("Coalition jets hit a militant hideout near Rutba on Sunday, killing three. Separately, five "
     "Iraqi soldiers were killed, officials said.", "iraqi-army"),
]


def test_a_toll_marked_separate_is_not_the_earlier_events(article_events):
    for text, victims in SEPARATE:
        found = article_events(text)
        strikes = [e for e in found if e.kind == "Killing" and e.span.start == 0]
        assert len(strikes) == 1, (text, [(e.kind, e.span, e.extractor) for e in found])
        assert a(victims) not in strikes[0].target_actors, (text, strikes[0].target_actors)
        # the separate toll names no date or place of its own: a tally, not an event
        assert len(found) == 1, (text, [(e.kind, e.span, e.target_actors) for e in found])


# ------------------------------------------------------------------ a clash and who it harmed


def test_the_side_a_clash_harmed_is_its_target(article_events):
    # the clash lists both sides; the killing told after it says which side was harmed
    (event,) = article_events(
        "Iraqi soldiers and tribal fighters clashed with ISIS militants near Rutba on Monday. The "
        "tribal fighters killed three ISIS militants, the army said.")
    assert event.kind == "Clash"
    assert a("isis") not in event.perpetrators
    assert event.target_actors == [a("isis")]
    assert a("sunni-tribal-fighters") in event.perpetrators


def test_a_clash_whose_toll_names_no_side_keeps_both(article_events):
    (event,) = article_events(
        "Iraqi troops and Hashd fighters clashed with ISIS militants near Rutba on Monday. Three "
        "civilians were killed in the clashes, a local official said.")
    assert event.kind == "Clash"
    assert a("isis") in event.perpetrators and event.target_actors == []
