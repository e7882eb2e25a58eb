"""Round 7 of the event filters and merges: events told twice once the context has dated and
sided them (``events.merge.retold``), and events whose subject negates them
(``syntax.factuality.negative_subject``).

Each reading is tested on short articles written here, in other words than the development
articles it was found in (named in the rule's docstring), through the project's NLP pipeline
and the whole extractor. Each has an article it must not read.
"""

from __future__ import annotations

import datetime as dt

PUBLISHED = dt.date(2022, 3, 9)  # a Wednesday

ATTACK_KINDS = ("Attack", "Bombing", "Ambush", "SuicideAttack", "Assassination", "Abduction")


def of_kind(events, kinds):
    return [e for e in events if e.kind in kinds]


NEGATED_SUBJECT = [
    "Militants attacked the base near Tikrit on Monday. No American soldiers were killed.",
    "ISIS fighters stormed a checkpoint in Diyala on Tuesday, officials said. Nobody was killed.",
    "Insurgents attacked a convoy near Hawija on Monday, but none of the drivers were killed.",
]


def test_a_negative_subject_leaves_no_killing(article_events):
    for text in NEGATED_SUBJECT:
        events = article_events(text)
        assert not of_kind(events, ("Killing",)), (text, [(e.kind, e.span) for e in events])
        assert len(of_kind(events, ATTACK_KINDS)) == 1, text  # the attack itself stays


def test_a_negative_subject_alone_is_no_event(article_events):
    for text in ("No Iraqi policemen were killed in Baiji on Sunday.",
                 "Nobody was abducted from the village of Zaghah on Sunday, the mayor said."):
        assert not article_events(text), text


def test_a_killing_with_a_counted_subject_stays(article_events):
    events = article_events("Two Iraqi policemen were killed in Baiji on Sunday.")
    assert [e.kind for e in events] == ["Killing"]


RETOLD = [
    # an attack fought off in a province, then the assault near a town of it, one day
    ("Kurdish fighters repelled an ISIS attack in Diyala province, a security source said on "
     "Monday. The jihadists assaulted a Peshmerga position near Khanaqin in Diyala, the source "
     "said.", ATTACK_KINDS),
    # a town freed by "Iraqi forces" and retaken by one of their divisions, the same day
    ("Iraqi forces have freed the town of Rutba from Islamic State, officials said on Saturday. "
     "The army's 9th division recaptured Rutba after two days of fighting, a commander said.",
     ("ControlChange",)),
    # a town recaptured by the Peshmerga and retaken by "Kurdish forces", said the same day
    ("Peshmerga fighters have recaptured the town of Sinjar from Islamic State, the regional "
     "president said on Friday. He announced that Kurdish forces had retaken the town at a news "
     "conference.", ("ControlChange",)),
    # two soldiers killed in a province, then shot near a town of it
    ("Two Iraqi soldiers were killed by Islamic State gunmen in Salahuddin province, the army "
     "said on Thursday. The soldiers were shot dead near Tuz Khurmatu in Salahuddin, it said.",
     ("Killing",)),
]


def test_merge_retold_one_event_told_twice_the_same_day(article_events):
    for text, kinds in RETOLD:
        found = of_kind(article_events(text), kinds)
        assert len(found) == 1, (text, [(e.kind, e.span, e.locations) for e in found])
        # the narrower report is kept, with the sides and places of both
        assert "events.merge.retold" in found[0].extractor.split("+"), text
        assert not found[0].locations[0].endswith(("/diyala-governorate",
                                                   "/salah-ad-din-governorate")), text


def test_merge_retold_not_two_attacks_of_opposite_sides(article_events):
    # the militants' attack and the Peshmerga's raid on them the same day: two events
    found = of_kind(article_events(
        "ISIS attacked a Peshmerga post in Diyala province, a security source said on Monday. "
        "Peshmerga fighters attacked ISIS hideouts near Khanaqin in Diyala, the source said."),
        ATTACK_KINDS)
    assert len(found) == 2


HISTORY_OF_A_STRETCH = [
    "Turkish police detained six suspects near the Syrian border on Friday. The group seized "
    "large swathes of Iraq and Syria in 2014 before its defeat.",
    "Gunmen killed three shepherds near Rutba on Tuesday. Islamic State overran much of Syria "
    "and Iraq in 2014.",
    "Gunmen killed three shepherds near Rutba on Tuesday. ISIS took over large stretches of "
    "Syria in 2014.",
]


def test_country_wide_a_stretch_of_a_country_years_ago_is_history(article_events):
    for text in HISTORY_OF_A_STRETCH:
        events = article_events(text)
        assert not of_kind(events, ("ControlChange",)), (text, [(e.kind, e.span) for e in events])
        assert len(events) == 1, text  # the news stays


def test_country_wide_a_region_of_a_country_is_kept(article_events):
    for text in ("Gunmen killed three shepherds near Rutba on Tuesday. The jihadists seized "
                 "swathes of western Iraq in 2014.",
                 "Security forces arrested two men in Kirkuk on Monday. The militants took over "
                 "large parts of Kirkuk province in 2014."):
        assert len(of_kind(article_events(text), ("ControlChange",))) == 1, text


ATTACK_THEN_ITS_DEAD = [
    "Gunmen attacked a bus carrying soldiers in Deir Ezzor province, a war monitor said on "
    "Monday. Twelve soldiers were killed near Mayadin in Deir Ezzor, the monitor said.",
    "ISIS fighters stormed a village in Kirkuk province, police said on Sunday. Jihadists shot "
    "dead four farmers in Daquq district of Kirkuk, a police officer said.",
    "The jihadists attacked an army post in Anbar province, a security source said on Tuesday. "
    "Islamic State militants killed three soldiers near Rutba in Anbar, the source said.",
]


def test_merge_retold_an_attack_and_the_killing_it_made_the_same_day(article_events):
    for text in ATTACK_THEN_ITS_DEAD:
        found = of_kind(article_events(text), ATTACK_KINDS + ("Killing",))
        assert len(found) == 1, (text, [(e.kind, e.span) for e in found])
        assert found[0].kind == "Killing", text  # the narrower report, told in the body


def test_merge_retold_not_an_attack_and_the_attackers_killed(article_events):
    # the militants' attack and the soldiers killing militants: other sides, two events
    found = of_kind(article_events(
        "ISIS attacked an army post in Anbar province, a security source said on Tuesday. "
        "Soldiers killed three ISIS militants near Rutba in Anbar, the source said."),
        ATTACK_KINDS + ("Killing",))
    assert len(found) == 2


def test_merge_retold_not_a_town_taken_by_two_other_forces(article_events):
    # the army and the SDF both claim the town: other gainers, two changes
    found = of_kind(article_events(
        "Syrian army troops retook the town of Qaryatain from Islamic State on Saturday. "
        "Kurdish-led SDF fighters said they had captured Qaryatain from the jihadists on "
        "Saturday."), ("ControlChange",))
    assert len(found) == 2


FIGHTING_POSITIONS_IN_A_LIST = [
    "Near Kobani on Monday, two strikes struck ISIL tactical units, destroying two motorcycles, "
    "tunnel systems, fighting positions and an ISIL building.",
    "Near Raqqa on Sunday, coalition jets hit ISIS command posts, weapons caches, fighting "
    "positions and lines of communication.",
    "Near Mosul on Friday, one strike engaged an ISIS tactical unit and destroyed a vehicle, a "
    "checkpoint, fighting positions and a staging area.",
]


def test_modifier_fighting_positions_misread_in_a_list_is_no_clash(article_events):
    for text in FIGHTING_POSITIONS_IN_A_LIST:
        assert not of_kind(article_events(text), ("Clash",)), text


def test_modifier_fighting_with_an_object_is_a_clash(article_events):
    found = of_kind(article_events("Iraqi troops were fighting militants near Hawija on Sunday."),
                    ("Clash",))
    assert len(found) == 1
