"""Round 10 of the violence readings: which words report an attack, and which name a thing.

- ``events.attack.targeting`` also reads "fired rockets at X": X is the attack's target, and
  the attackers must be a militant group, as for "opened fire on";
- ``events.filters.modifier``: "attack" at the head of a list of aircraft types is a type of
  aircraft ("using attack, bomber and fighter aircraft"), no attack;
- ``events.merge.episode.other-count``: a killing or arrest with another stated count than the
  report of its kind told before is another event (not "a number of", read as one);
- ``events.attack.targeting`` with two subjects: a dateline parsed as a subject is no attacker;
- ``events.arrest.described-captive``: "captured X, an ISIS official" is an arrest;
- ``events.filters.day-mention``: "the Monday attack" names the attack told before.

Each reading is tested on short articles written here, in other words than the development
articles it was found in (named in the rule's docstring or the lexicon's definition), through
the project's NLP pipeline and the whole extractor. Each has an article it must not read.
"""

from __future__ import annotations

import datetime as dt

PUBLISHED = dt.date(2021, 6, 16)  # a Wednesday

ID = "https://w3id.org/isisgraph/id/"


def attacks(events):
    return [e for e in events if e.kind == "Attack"]


FIRED_AT = [
    # rockets, a past perfect, the target an army
    ("ISIS militants had fired rockets at Iraqi army positions near Tarmiyah on Monday.",
     "actor/iraqi-army"),
    # mortars, in a wire's lead with its source, the Peshmerga
    ("Daesh fighters fired mortars at Peshmerga forces in Makhmour on Sunday, officials said.",
     "actor/peshmerga"),
    # other word order: the time first, grenades
    ("On Tuesday night, IS militants fired grenades at an SDF patrol near Hajin.", "actor/sdf"),
]


def test_militants_firing_at_a_force_attack_it(article_events):
    for text, target in FIRED_AT:
        found = attacks(article_events(text))
        assert len(found) == 1, (text, [(e.kind, e.extractor) for e in article_events(text)])
        assert ID + "actor/isis" in found[0].perpetrators, text
        assert ID + target in found[0].target_actors, text
        assert "events.attack.targeting" in found[0].extractor, text


def test_a_state_force_firing_at_militants_is_no_attack_event(article_events):
    # the army's fire is its operation (a strike or a clash), not an attack by a militant group
    assert attacks(article_events(
        "Iraqi army artillery fired shells at ISIS hideouts near Tarmiyah on Monday.")) == []
    # a fire at a place is no attack
    assert attacks(article_events("A fire at a market in Kirkuk killed two people on Monday.")) == []


AIRCRAFT_LISTS = [
    "U.S. forces struck ISIS targets near Sinjar on Monday using attack, bomber and fighter aircraft.",
    "Coalition forces, employing attack and fighter aircraft, conducted three strikes near Mosul on Sunday.",
    "The coalition used attack and remotely piloted aircraft to strike ISIS fighters near Hit on Friday.",
]


def test_attack_heading_a_list_of_aircraft_is_no_attack(article_events):
    for text in AIRCRAFT_LISTS:
        found = attacks(article_events(text))
        assert found == [], (text, [(e.kind, e.extractor) for e in found])


def test_an_attack_listed_with_other_events_is_still_read(article_events):
    # a list of events, not of aircraft: the attack stays
    events = article_events("ISIS militants carried out an attack and a bombing in Kirkuk on Monday.")
    # the two nouns of one sentence are one event of the attack family (``events.merge.sentence``)
    assert [e.kind for e in events] == ["Bombing"], [(e.kind, e.extractor) for e in events]
    assert events[0].perpetrators == [ID + "actor/isis"]


OTHER_COUNTS = [
    # arrests: a second operation with its own count, told without date or place
    ("The Iraqi army arrested 15 ISIS suspects in Anbar on Monday. In a second operation, four "
     "ISIS members were arrested, the ministry added.", "Arrest", [15, 4]),
    # killings: a monthly summary, then a raid of it with another count
    ("The SDF said it killed 40 ISIS militants in Deir ez-Zor in March. During a raid, nine ISIS "
     "fighters were killed, it added.", "Killing", [40, 9]),
    # arrests told actively, then in the passive
    ("Turkish police detained 20 ISIS suspects in Istanbul on Friday. Acting on their statements, "
     "the police later detained six ISIS members.", "Arrest", [20, 6]),
]


def _count(event):
    return event.killed_count if event.kind == "Killing" else event.arrested_count


def test_another_count_of_the_same_kind_is_another_event(article_events):
    for text, kind, counts in OTHER_COUNTS:
        found = [e for e in article_events(text) if e.kind == kind]
        assert sorted(_count(e) for e in found) == sorted(counts), (
            text, [(e.kind, _count(e), e.extractor) for e in found])


def test_the_same_count_told_again_is_one_event(article_events):
    events = article_events("Security forces killed five ISIS militants near Tarmiyah on Sunday. "
                            "Five ISIS militants were killed in the operation, the statement said.")
    assert [(e.kind, e.killed_count) for e in events] == [("Killing", 5)], [(e.kind, e.extractor) for e in events]


DATELINE_SUBJECTS = [
    # an agency's "Name/" dateline the parser makes a second subject of the verb
    ("Shafaq News/ on Monday, ISIS gunmen targeted a Peshmerga post near Makhmour.", "actor/peshmerga"),
    ("Shafaq News/ on Thursday, ISIS militants opened fire on an Iraqi army patrol in Tarmiyah.",
     "actor/iraqi-army"),
    ("Shafaq News/ on Friday, IS gunmen targeted Peshmerga forces near Makhmour.", "actor/peshmerga"),
]


def test_a_dateline_parsed_as_a_subject_is_no_attacker(article_events):
    for text, target in DATELINE_SUBJECTS:
        found = attacks(article_events(text))
        assert len(found) == 1, (text, [(e.kind, e.extractor) for e in article_events(text)])
        assert found[0].perpetrators == [ID + "actor/isis"], text
        assert ID + target in found[0].target_actors, text


def test_troops_after_a_dateline_targeting_militants_make_no_attack(article_events):
    # the nearest subject is a state's force: its "targeting" is its strike, not an attack
    assert attacks(article_events("Shafaq News/ on Monday, Iraqi troops targeted ISIS hideouts near Makhmour.")) == []


DESCRIBED_CAPTIVES = [
    # a participle after a raid, the name then "an ISIS <role>"
    "U.S. forces carried out a raid in eastern Syria on Monday, capturing Abu Omar al-Iraqi, an ISIS financier.",
    # a finite verb of a report, another role noun
    "Iraqi forces said they had captured Khalid al-Mashhadani, a senior ISIS commander, near Kirkuk on Sunday.",
    # another force and word order
    "The SDF on Friday captured Abu Yasir al-Shami, an ISIS recruiter, in Hasakah.",
]


def test_a_named_person_described_as_a_member_is_arrested(article_events):
    for text in DESCRIBED_CAPTIVES:
        kinds = [e.kind for e in article_events(text)]
        assert "Arrest" in kinds and "ControlChange" not in kinds, (text, kinds)


def test_a_named_place_described_as_a_town_is_taken(article_events):
    kinds = [e.kind for e in article_events(
        "Iraqi forces captured Tal Afar, a strategic town west of Mosul, on Sunday.")]
    assert kinds == ["ControlChange"], kinds


ATTACK_FAMILY = ("Attack", "Bombing", "SuicideAttack", "Ambush", "Assassination", "Abduction")

DAY_NAMED_AGAIN = [
    "ISIS gunmen attacked a police checkpoint in Kirkuk on Sunday. Security was tightened across "
    "the city after the Sunday attack, officials said.",
    "A car bomb exploded near a market in Baghdad on Friday, killing five people. Residents "
    "mourned the victims of the Friday bombing.",
    "Daesh fighters ambushed a Syrian army bus near Palmyra on Wednesday. The Wednesday ambush "
    "drew condemnation from Damascus.",
]


def test_a_day_named_before_an_attack_noun_names_the_attack_again(article_events):
    for text in DAY_NAMED_AGAIN:
        found = [e for e in article_events(text) if e.kind in ATTACK_FAMILY]
        assert len(found) == 1, (text, [(e.kind, e.extractor) for e in found])


def test_a_day_named_attack_with_its_own_target_is_kept(article_events):
    found = [e for e in article_events(
        "ISIS claimed responsibility for the Thursday attack on Peshmerga forces in Makhmour.")
        if e.kind in ATTACK_FAMILY]
    assert len(found) == 1 and ID + "actor/peshmerga" in found[0].target_actors, \
        [(e.kind, e.extractor, e.target_actors) for e in found]


def test_an_uncounted_number_is_no_other_count(article_events):
    # "a number of" is no count of one: the later report with its number tells the same arrests
    events = article_events("Asayish forces arrested a number of ISIS cell members in Hasakah on Sunday. "
                            "Four ISIS members were arrested, a security source said.")
    assert len([e for e in events if e.kind == "Arrest"]) == 1, [(e.kind, e.extractor) for e in events]
