"""Strikes a force joined: the force that joined and the force whose strikes it joined both
struck, one report each on the same evidence (the guideline's one report per force), member of
the coalition or not; a definite "the strikes" joined happened too. End to end with the real
model on sentences written for these tests; dev examples (Jordan Times 2014: "its warplanes had
joined US-led strikes", "We took part in the strikes"; CTV 2014: "the CF-18s joined coalition
aircraft to hit ...") are named in src/isisgraph/extract/strikes/count.py and dated.py."""

from __future__ import annotations

import datetime as dt

import pytest

from isisgraph.namespaces import ID

PUBLISHED = dt.date(2014, 10, 8)


def actor(slug: str) -> str:
    return str(ID[f"actor/{slug}"])


@pytest.mark.parametrize(("text", "forces"), [
    ("Amman said on Tuesday that Jordanian warplanes had joined US-led air strikes on the "
     "militants in Syria.", {"jordanian-armed-forces", "cjtf-oir"}),
    ("Officials confirmed that RAF Tornados took part in coalition air strikes near Mosul on "
     "Monday.", {"raf", "cjtf-oir"}),
    ("On Monday two Canadian CF-18s joined coalition jets to bomb ISIS positions near Baiji.",
     {"canadian-armed-forces", "cjtf-oir"}),
])
def test_a_force_that_joined_strikes_and_the_force_it_joined_each_report_one(
        reports_of, text, forces) -> None:
    found = [r for r in reports_of(text) if r.strike_count == 1 and r.count_qualifier == "atLeast"]
    assert len(found) == 2
    assert {p.rsplit("/", 1)[-1] for r in found for p in r.perpetrators} == forces
    assert all(len(r.perpetrators) == 1 for r in found)
    assert found[0].span == found[1].span  # one evidence, one report per force


def test_strikes_taken_part_in_are_a_report_though_definite(reports_of) -> None:
    text = "\"Our pilots took part in the strikes, and returned safely,\" the minister said."
    found = reports_of(text)
    assert [(r.strike_count, r.count_qualifier) for r in found] == [(1, "atLeast")]


def test_strikes_a_force_will_join_are_no_report(reports_of) -> None:
    text = "Denmark said its F-16s would join the US-led air strikes in Iraq next week."
    assert reports_of(text) == []


@pytest.mark.parametrize("text", [
    # a single strike taken part in (new articles of round 6: CBC 2015, "Two Canadian CF-18s
    # were involved in the airstrike", "10 coalition aircraft ... took part in the airstrike")
    "Officials said on Tuesday that two Dutch F-16s were involved in the airstrike near Mosul.",
    "Four RAF Tornados took part in the airstrike on the ISIS compound near Raqqa on Tuesday.",
    "On Tuesday French Rafales participated in the air strike on a Daesh depot near Raqqa.",
])
def test_a_single_strike_taken_part_in_is_at_least_one(reports_of, text) -> None:
    found = reports_of(text)
    assert found and all((r.strike_count, r.count_qualifier) == (1, "atLeast") for r in found)


def test_a_release_line_of_partners_after_its_count_is_no_report_of_its_own(reports_of) -> None:
    # the partners' share of the strikes the release counted (the genre set's CENTCOM 2014)
    text = ("U.S. military forces conducted 14 airstrikes in Syria on Tuesday. "
            "Bahrain and Qatar also participated in the airstrikes.")
    assert [r.strike_count for r in reports_of(text)] == [14]
