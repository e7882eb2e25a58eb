"""Round 9 of the control-change rules: readings that missed changes of control.

- ``events.conquering.place-of-the-assault``: a capture told as the outcome of the verb it
  hangs from ("stormed X, capturing it") took the place that verb names; the participle of
  outcome is the sentence's news, not background (``filters.is_subordinate``);
- ``events.conquering``: a siege broken or lifted "on" a place is its change of control;
- ``events.merge.headline``: a headline's change of control folds only into a report of the
  same place (a change of control is its place).

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
