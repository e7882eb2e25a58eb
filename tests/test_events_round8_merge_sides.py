"""Round 8 of the sides of killings told with fighting: the fighting as the subject of a
killing ("clashes with the militants killed 31") is where the deaths happened, not the killer;
the side it names is one side of the fighting, so it is no perpetrator of the killing
(``events.killing``, the fighting heads of ``Context.fight_heads``).

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
    assert event.perpetrators == [a("isf")]
    assert event.target_actors == [a("isis")]
