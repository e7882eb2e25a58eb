"""Round 9 of the control-change rules: readings that missed changes of control.

- ``events.conquering.place-of-the-assault``: a capture told as the outcome of the verb it
  hangs from ("stormed X, capturing it") took the place that verb names; the participle of
  outcome is the sentence's news, not background (``filters.is_background``);
- ``events.conquering``: a siege broken or lifted "on" a place is its change of control;
- ``events.merge.headline``: a headline's change of control folds only into a report of the
  same place (a change of control is its place);
- ``events.filters.background``: a change told in a clause after "after", "since", "when"
  happened, and is kept though undated;
- ``events.conquering.stranded-agent``: a by-agent the parser hung on the place phrase of a
  passive capture took the place;
- the labels "force retreat", "force withdraw" ("forced the militants to retreat from"), and
  ``events.triggers.subject-and-verb``: a label's words side by side that are a subject and its
  verb ("forces withdraw") are no trigger;
- ``events.arrest.captured-people``: a name with a [captive-nouns] noun in apposition ("Abu X,
  an ISIS official") is people captured, an arrest.

Each reading is tested on short articles written here, in other words than the development
articles it was found in (named in the rule's docstring), through the project's NLP pipeline
and the whole extractor. Each has an article it must not read.
"""

from __future__ import annotations

import datetime as dt

PUBLISHED = dt.date(2016, 3, 9)  # a Wednesday

ID = "https://w3id.org/isisgraph/id/"


def changes(events):
    return [e for e in events if e.kind == "ControlChange"]


ASSAULT_OUTCOMES = [
    # "raided ..., seizing it": another verb of assault, the pronoun
    ("Daesh fighters raided an army checkpoint near Ramadi on Tuesday, seizing it after hours of "
     "fighting.", "ramadi"),
    # the outcome an amount of land, the place where the assault was
    ("Kurdish forces attacked ISIS positions in the town of Sinjar on Monday, capturing several "
     "areas.", "sinjar"),
    # coordinated, "some" for what was taken
    ("Government troops assaulted the militant-held districts of Palmyra on Sunday and took "
     "some.", "palmyra"),
]


def test_a_capture_takes_the_place_of_its_assault(article_events):
    for text, place in ASSAULT_OUTCOMES:
        found = [e for e in changes(article_events(text))
                 if "events.conquering.place-of-the-assault" in e.extractor]
        assert len(found) == 1, (text, [(e.kind, e.locations, e.extractor) for e in article_events(text)])
        assert ID + "place/" + place in found[0].locations, text


def test_a_seizure_of_things_after_a_raid_is_no_capture_of_its_place(article_events):
    # what the raid seized is weapons, not the place raided
    text = ("Iraqi police raided two hideouts near Kirkuk on Monday, destroying them and seizing "
            "several rifles.")
    assert changes(article_events(text)) == []


SIEGES_BROKEN = [
    # "on" after the verb, a year-long siege
    ("Iraqi troops broke a two-year ISIS siege on Haditha on Tuesday.", "haditha"),
    # "lift", the siege's "on" after its own noun
    ("The Syrian army lifted the militants' siege on Deir ez-Zor on Monday, state media said.",
     "deir-ez-zor"),
    # a passive-free report with the breaker named by a description
    ("Kurdish fighters finally broke the Daesh siege on Kobani on Friday.", "kobani"),
]


def test_a_siege_broken_on_a_place_is_its_change_of_control(article_events):
    for text, place in SIEGES_BROKEN:
        found = changes(article_events(text))
        assert len(found) == 1, (text, [(e.kind, e.locations, e.extractor) for e in article_events(text)])
        assert ID + "place/" + place in found[0].locations, text


def test_a_siege_only_tried_is_no_change_of_control(article_events):
    assert changes(article_events("The army tried to break the siege on Haditha on Tuesday.")) == []


def test_a_headline_change_of_control_folds_only_into_a_change_of_its_place(article_events):
    # the headline (with the body's report of it) is Haditha's; the background recapture of
    # Sinjar names no side and must not take the headline's place nor its army
    text = ("Blow to the militants as the Iraqi army breaks the siege of Haditha\n\n"
            "After two years, Iraqi troops managed to break the ISIS siege on Haditha. Since the "
            "recapture of Sinjar in November, Haditha had been the last besieged town in the area.")
    found = changes(article_events(text))
    sinjar = [e for e in found if ID + "place/sinjar" in e.locations]
    assert len(sinjar) == 1, [(e.locations, e.extractor) for e in found]
    assert sinjar[0].locations == [ID + "place/sinjar"], sinjar[0].extractor
    assert not any("army" in actor for actor in sinjar[0].gained_control), sinjar[0].gained_control
    assert any(e.locations == [ID + "place/haditha"] for e in found)


PAST_BY_SUBORDINATOR = [
    # "since" with a finite clause, the place after "from"
    ("The bombing was the first in the province since Kurdish fighters expelled ISIS from "
     "Sinjar, police said.", "sinjar"),
    # "after" with a pluperfect, "drive out"
    ("Shelling of the town resumed on Friday after Iraqi troops had driven the militants out "
     "of Fallujah.", "fallujah"),
    # "after" with a passive gerund, the taker after "by"
    ("The group moved its fighters to Raqqa after being forced out of Manbij by the SDF, "
     "activists said.", "manbij"),
]


def test_a_change_told_after_since_or_when_happened(article_events):
    for text, place in PAST_BY_SUBORDINATOR:
        found = changes(article_events(text))
        assert [e.locations for e in found] == [[ID + "place/" + place]], (
            text, [(e.kind, e.locations, e.extractor) for e in article_events(text)])


def test_a_change_told_before_another_stays_background(article_events):
    # undated, "before": only the frame of what the sentence reports
    assert changes(article_events("The army shelled the town of Hit for weeks before retaking Ramadi.")) == []


def test_a_by_agent_hung_on_the_place_phrase_took_the_place():
    from isisgraph.extract.events.control import stranded_agents
    from tests.parses import parse

    # "... pushed out of the west of Homs province by the Russian air force": the parser hung
    # "by" on "west"
    doc = parse('''
        ISIS      ISIS      PROPN NNP  3  nsubjpass B-ACTOR actor/isis
        was       be        AUX   VBD  3  auxpass
        pushed    push      VERB  VBN  0  ROOT
        out       out       ADP   IN   3  prep
        of        of        ADP   IN   4  prep
        the       the       DET   DT   7  det
        west      west      NOUN  NN   5  pobj
        of        of        ADP   IN   7  prep
        Homs      Homs      PROPN NNP  10 compound B-PLACE place/homs-governorate
        province  province  NOUN  NN   8  pobj     I-PLACE place/homs-governorate
        by        by        ADP   IN   7  prep
        the       the       DET   DT   15 det
        Russian   russian   ADJ   JJ   15 amod     B-ACTOR actor/russian-armed-forces
        air       air       NOUN  NN   15 compound I-ACTOR actor/russian-armed-forces
        force     force     NOUN  NN   11 pobj     I-ACTOR actor/russian-armed-forces
        .         .         PUNCT .    3  punct
    ''')
    assert [t.text for t in stranded_agents(doc[2])] == ["force"]
    # a "by" under a participle in the phrase says who held the place
    held = parse('''
        Kurds     Kurds     PROPN NNPS 2  nsubj
        captured  capture   VERB  VBD  0  ROOT
        towns     town      NOUN  NNS  2  dobj
        held      hold      VERB  VBN  3  acl
        by        by        ADP   IN   4  prep
        ISIS      ISIS      PROPN NNP  5  pobj     B-ACTOR actor/isis
        .         .         PUNCT .    2  punct
    ''')
    assert stranded_agents(held[1]) == []


FORCED_OUT = [
    # "forced X to retreat from P": X lost P
    ("Peshmerga fighters forced the militants to retreat from the villages near Mosul on "
     "Tuesday.", "mosul"),
    # the passive: the subject was forced out
    ("ISIS was forced to withdraw from Manbij on Friday after weeks of fighting.", "manbij"),
    # the perfect, a description for the side that gained
    ("Kurdish troops have forced the jihadists to withdraw from Zumar, officials said.", "zumar"),
]


def test_forced_to_retreat_or_withdraw_is_a_change_of_control(article_events):
    for text, place in FORCED_OUT:
        found = changes(article_events(text))
        assert [e.locations for e in found] == [[ID + "place/" + place]], (
            text, [(e.kind, e.locations, e.extractor) for e in article_events(text)])


def test_forces_withdrawing_is_no_forcing(article_events):
    # "forces withdraw": a subject and its verb, not the label "force withdraw"; people forced
    # to flee their homes is no change of control either
    for text in ("Police forces withdraw from the town of Hit on Sunday as the militants advance.",
                 "Kurdish forces retreated from the villages near Sinjar on Monday.",
                 "The fighting forced thousands of families to flee their homes in Mosul on Tuesday."):
        found = [e for e in changes(article_events(text)) if e.trigger.lower().startswith("forc")]
        assert found == [], (text, [(e.trigger, e.extractor) for e in found])


NAMED_CAPTIVES = [
    # a name the reference data does not know, with "an ISIS commander" in apposition
    "US forces captured Abu Omar al-Tunisi, an ISIS commander, in a raid in Deir ez-Zor on Monday.",
    # "seized", a modifier before the captive noun
    "Iraqi troops seized Khalid al-Jabouri, a senior Daesh financier, near Kirkuk on Sunday.",
    # reported, a pluperfect
    "The SDF said it had captured Hamid Saleh, an Islamic State emir, in eastern Syria on Friday.",
]


def test_a_name_with_a_captive_noun_in_apposition_is_captured_people(article_events):
    for text in NAMED_CAPTIVES:
        events = article_events(text)
        assert [e.kind for e in events] == ["Arrest"], (text, [(e.kind, e.extractor) for e in events])
        assert events[0].extractor.startswith("events.arrest.captured-people"), text


def test_a_place_with_a_place_noun_in_apposition_is_taken(article_events):
    found = changes(article_events("Iraqi forces captured al-Qaim, a town on the Syrian border, on Friday."))
    assert [e.locations for e in found] == [[ID + "place/al-qaim"]]
