"""Strikes told as an aircraft's mission (strikes.missions.*), end to end with the real model on
sentences written for these tests: a mission verb with an attack from the air as its object, an
aircraft tasked to strike and told as done, aircraft that supported ground troops; and the
aircraft's force when a maker's name comes before its type. The dev articles each reading was
written from are named in src/isisgraph/extract/strikes/missions.py."""

from __future__ import annotations

import datetime as dt

import pytest

from isisgraph.namespaces import ID
from isisgraph.records import StrikeReport

PUBLISHED = dt.date(2016, 2, 10)  # a Wednesday


def actor(slug: str) -> str:
    return str(ID[f"actor/{slug}"])


def place(slug: str) -> str:
    return str(ID[f"place/{slug}"])


def by_rule(found: list[StrikeReport], rule: str) -> list[StrikeReport]:
    return [r for r in found if r.extractor.startswith(rule)]


@pytest.mark.parametrize(("text", "force", "country", "day"), [
    ("On Monday 8 February, an RAF Reaper provided close air support to Iraqi troops near "
     "Ramadi.", "raf", "iraq", 8),
    ("The Royal Air Force said two Typhoons conducted an attack on a Daesh checkpoint west of "
     "Mosul on Tuesday.", "raf", "iraq", 9),
    ("Iraqi F-16s carried out an attack against ISIS hideouts in the Hamrin mountains on "
     "Sunday.", "iraqi-air-force", "iraq", 7),
])
def test_an_attack_from_the_air_as_a_mission_verbs_object_is_a_strike(
        reports_of, text, force, country, day) -> None:
    found = by_rule(reports_of(text), "strikes.missions.mission-object")
    assert len(found) == 1
    report = found[0]
    assert (report.strike_count, report.count_qualifier) == (1, "atLeast")
    assert report.perpetrators == [actor(force)]
    assert place(country) in report.countries
    assert report.when is not None and report.when.start == dt.date(2016, 2, day)


@pytest.mark.parametrize("text", [
    "The coalition provides close air support to Iraqi forces.",  # habitual: no strike of a day
    "The Iraqi army conducted an attack on ISIS positions near Hit on Sunday.",  # ground force
])
def test_no_mission_strike(reports_of, text) -> None:
    assert by_rule(reports_of(text), "strikes.missions") == []


@pytest.mark.parametrize(("text", "force"), [
    ("The Royal Air Force said a pair of Tornados was tasked to strike a Daesh mortar team near "
     "Hit on Sunday, and did so with a Paveway IV.", "raf"),
    ("French Rafales were ordered to bomb an ISIS command post near Mosul on Friday.",
     "french-armed-forces"),
    ("A Reaper of the Royal Air Force was called to conduct an attack on a Daesh truck in "
     "eastern Syria on Monday.", "raf"),
])
def test_an_aircraft_tasked_to_strike_struck(reports_of, text, force) -> None:
    found = by_rule(reports_of(text), "strikes.missions.tasked")
    assert [r.perpetrators for r in found] == [[actor(force)]]
    assert found[0].when is not None


def test_a_tasking_told_with_its_turn_is_no_strike(reports_of) -> None:
    text = ("The Royal Air Force said two Tornados were requested to strike a bridge near Mosul "
            "on Sunday, but the strike was called off.")
    assert by_rule(reports_of(text), "strikes.missions.tasked") == []


@pytest.mark.parametrize(("text", "force", "country"), [
    ("On Saturday, two RAF Typhoons backed Iraqi troops clearing the outskirts of Mosul.",
     "raf", "iraq"),
    ("French Mirage jets supported Kurdish fighters near Sinjar on Friday, the ministry said.",
     "french-armed-forces", "iraq"),
    ("The Royal Air Force said a Dassault Rafale patrol of the French air force was not "
     "involved. On Tuesday, RAF Tornados covered an Iraqi advance near Ramadi.", "raf", "iraq"),
])
def test_aircraft_that_supported_ground_troops_struck(reports_of, text, force,
                                                      country) -> None:
    found = by_rule(reports_of(text), "strikes.missions.supported")
    assert len(found) == 1
    assert found[0].perpetrators == [actor(force)]
    assert place(country) in found[0].countries


def test_a_force_that_supported_ground_troops_without_aircraft_struck_no_one(reports_of) -> None:
    text = "The coalition supported Iraqi forces with advice and training near Mosul on Sunday."
    assert by_rule(reports_of(text), "strikes.missions.supported") == []


@pytest.mark.parametrize("text", [
    "French Rafales flew over Iraq. On July 1, a Dassault Rafale patrol was tasked to strike a "
    "Daesh position, and did so.",
    "French Rafales flew over Iraq. On July 1, a Dassault Rafale bombed a Daesh position near "
    "Mosul.",
    "French Rafales flew over Iraq. On July 1, two Dassault Rafales struck Daesh fighters near "
    "Mosul.",
])
def test_an_aircraft_makers_name_is_not_an_unknown_owner(reports_of, text) -> None:
    found = [r for r in reports_of(text) if "July" in text[:r.span.end] and r.span.start > 20]
    assert [r.perpetrators for r in found] == [[actor("french-armed-forces")]]
