"""Strikes told through what they did for a ground force or through the aircraft that flew
them, end to end with the real model on sentences written for these tests: strikes as the
subject of a verb of backing (strikes.count.uncounted through ``count.backing``), raids
conducted by aircraft (``nouns.flown``), an aircraft's final strike mission
(strikes.missions.mission-object, ``background.retold``) and a record 'to date'
(``background.record``). The dev articles each reading was written from are named with the
rule in src/isisgraph/extract/strikes/."""

from __future__ import annotations

import datetime as dt

import pytest

from isisgraph.namespaces import ID
from isisgraph.records import StrikeReport

PUBLISHED = dt.date(2016, 2, 10)  # a Wednesday


def actor(slug: str) -> str:
    return str(ID[f"actor/{slug}"])


def forces(found: list[StrikeReport]) -> list[list[str]]:
    return [r.perpetrators for r in found]


@pytest.mark.parametrize(("text", "force"), [
    ("Coalition air strikes aided the Kurdish advance on Sinjar.", "cjtf-oir"),
    ("RAF strikes helped Iraqi troops retake the town of Hit.", "raf"),
    ("Russian airstrikes backed the army's push into Palmyra.", "russian-armed-forces"),
])
def test_strikes_that_backed_a_ground_force_happened(reports_of, text, force) -> None:
    found = reports_of(text)
    assert forces(found) == [[actor(force)]]
    assert (found[0].strike_count, found[0].count_qualifier) == (1, "atLeast")


def test_strikes_that_could_back_a_ground_force_are_no_report(reports_of) -> None:
    assert reports_of("Air strikes alone cannot help the Iraqi army retake Mosul.") == []


@pytest.mark.parametrize(("text", "force"), [
    ("Iraqi jets launched raids on ISIS hideouts near Hawija on Friday.", "iraqi-air-force"),
    ("Russian warplanes carried out a series of raids on Islamic State positions in Deir "
     "ez-Zor on Tuesday.", "russian-armed-forces"),
    ("RAF Typhoons conducted raids on Daesh positions in Mosul on Monday.", "raf"),
])
def test_raids_conducted_by_aircraft_are_air_strikes(reports_of, text, force) -> None:
    found = reports_of(text)
    assert forces(found) == [[actor(force)]]
    assert found[0].strike_class == "AirStrike"


def test_raids_conducted_by_ground_troops_are_no_strikes(reports_of) -> None:
    assert reports_of("Iraqi troops carried out raids on ISIS hideouts near Hawija on "
                      "Friday.") == []


@pytest.mark.parametrize(("text", "force"), [
    ("The Royal Australian Air Force has flown its final strike mission over Iraq.",
     "australian-defence-force"),
    ("RAF Tornados flew their last bombing mission over Iraq on Thursday.", "raf"),
    ("Iraqi F-16s carried out a strike mission against ISIS in the Hamrin mountains on Sunday.",
     "iraqi-air-force"),
])
def test_a_strike_mission_flown_is_a_strike(reports_of, text, force) -> None:
    found = reports_of(text)
    assert forces(found) == [[actor(force)]]
    assert (found[0].strike_count, found[0].count_qualifier) == (1, "atLeast")


def test_a_strike_mission_to_be_flown_is_no_strike(reports_of) -> None:
    assert reports_of("The air force will fly its final strike mission over Iraq next "
                      "month.") == []


@pytest.mark.parametrize(("text", "force"), [
    ("French fighter jets launched their biggest raids in Syria to date.",
     "french-armed-forces"),
    ("Russian warplanes carried out their heaviest strikes to date on Islamic State positions "
     "in Syria.", "russian-armed-forces"),
    ("RAF jets have conducted their largest strikes so far against Daesh oil sites in Iraq.",
     "raf"),
])
def test_a_record_to_date_is_news_not_a_tally(reports_of, text, force) -> None:
    assert forces(reports_of(text)) == [[actor(force)]]


def test_strikes_so_far_without_a_record_are_a_tally(reports_of) -> None:
    assert reports_of("Coalition strikes have so far killed hundreds of ISIS militants.") == []


@pytest.mark.parametrize(("text", "start"), [
    ("An alliance of forces - including Kurdish fighters and Arab tribes - and backed by "
     "coalition air strikes, has been advancing on the town for the past two weeks.",
     dt.date(2016, 1, 27)),
    ("Government troops, joined by tribal fighters and backed by Russian air strikes, have "
     "been pushing toward Palmyra for the past two weeks.", dt.date(2016, 1, 27)),
    ("A force of Iraqi soldiers and police, and backed by US-led air strikes, has been "
     "fighting to retake the city since January 20.", dt.date(2016, 1, 20)),
])
def test_strikes_backing_a_force_take_the_period_of_what_it_did(reports_of, text,
                                                               start) -> None:
    found = reports_of(text)
    assert len(found) == 1
    assert found[0].when is not None and found[0].when.start == start


def test_strikes_backing_a_force_that_will_act_are_no_report(reports_of) -> None:
    assert reports_of("An alliance of Kurdish fighters and Arab tribes, and backed by coalition "
                      "air strikes, will advance on the town next week.") == []


@pytest.mark.parametrize("text", [
    "Fierce clashes and air strikes against Islamic State militants killed 31 across Iraq on "
    "Monday, security sources said.",
    "Street fighting and air strikes on Daesh positions killed 40 militants near Palmyra on "
    "Sunday.",
    "Shelling and airstrikes against ISIS fighters destroyed three vehicles near Hajin on "
    "Monday.",
])
def test_strikes_coordinated_in_the_subject_of_an_outcome_happened(reports_of, text) -> None:
    found = reports_of(text)
    assert [(r.strike_count, r.count_qualifier) for r in found] == [(1, "atLeast")]


def test_strikes_coordinated_in_the_subject_of_a_talk_are_no_report(reports_of) -> None:
    assert reports_of("Clashes and air strikes were discussed by the ministers on Monday.") == []
