"""Strikes told through the aircraft's flights and munitions, end to end with the real model on
sentences written for these tests: flights that hit something, told by a participle the parser
hangs on the flights (strikes.count.sorties-hit); a munition dropped in the passive, whose
aircraft comes after 'from' or in one of several agents (strikes.dated.release); strikes a force
joins, which it conducts (the conduct-verbs of the strikes lexicon)."""

from __future__ import annotations

import datetime as dt

import pytest

from isisgraph.namespaces import ID

PUBLISHED = dt.date(2016, 2, 10)  # the articles' publication day (reports_of in conftest.py)


def actor(slug: str) -> str:
    return str(ID[f"actor/{slug}"])


@pytest.mark.parametrize("text", [
    "The Russian Aerospace Forces have performed 40 sorties across Homs province destroying 30 "
    "terrorist sites, the ministry said on Monday.",
    "Russian bombers have carried out 52 sorties in Syria hitting 61 militant targets.",
    "Syrian jets flew 30 sorties over Deir ez-Zor striking 41 Daesh positions on Friday.",
])
def test_flights_that_hit_something_are_at_least_one_strike(reports_of, text) -> None:
    found = reports_of(text)
    assert [(r.strike_count, r.count_qualifier) for r in found] == [(1, "atLeast")]
    assert found[0].extractor.startswith("strikes.count.sorties-hit")


def test_flights_alone_are_no_strike(reports_of) -> None:
    assert reports_of("Coalition tankers flew 206 sorties supporting the mission last month.") == []


@pytest.mark.parametrize(("text", "force"), [
    ("Two bombs from an Australian fighter jet have been dropped on an Islamic State facility "
     "in Iraq.", "australian-defence-force"),
    ("A guided missile from a Royal Air Force Reaper was fired at a Daesh pickup truck near "
     "Mosul on Friday.", "raf"),
    ("Overnight, precision bombs were released on a Daesh depot near Hit by a Tornado by the "
     "Royal Air Force.", "raf"),
])
def test_a_munition_dropped_in_the_passive_strikes_for_its_aircraft(reports_of, text,
                                                                    force) -> None:
    found = reports_of(text)
    assert [r.perpetrators for r in found] == [[actor(force)]]


def test_a_munition_from_unidentified_aircraft_strikes_for_nobody(reports_of) -> None:
    found = reports_of("Bombs from unidentified aircraft were dropped on a market in Idlib.")
    assert [r.perpetrators for r in found] == [[]]


@pytest.mark.parametrize(("text", "country", "forces"), [
    # a force joining strikes conducts them ('join' among the conducting verbs); the
    # coalition whose strikes it joined struck too: one report per force (test_strikes_joined)
    ("Danish F-16s joined coalition air strikes on Islamic State positions in Iraq on Friday.",
     "iraq", 2),
    ("Jordan confirms its planes joined strikes on IS in Syria", "syria", 1),
    ("On Sunday Saudi jets joined airstrikes against ISIL targets near Raqqa, the "
     "kingdom said.", "syria", 1),
])
def test_joining_strikes_is_conducting_them(reports_of, text, country, forces) -> None:
    found = reports_of(text)
    assert [(r.strike_count, r.countries) for r in found] == \
        [(1, [str(ID[f"place/{country}"])])] * forces


def test_being_urged_to_join_strikes_is_no_strike(reports_of) -> None:
    assert reports_of("Kurdish leaders urged Turkey to join the air strikes against IS.") == []


@pytest.mark.parametrize(("text", "count", "force", "country"), [
    # a count of strikes in apposition to the munitions a force released (dev: UK Defence
    # Journal 2017, the Typhoon/Tornado updates of May and of June: "(1,276 strikes)")
    ("RAF jets dropped twice as many bombs (412 strikes) on Iraq in 2016 as in the year before.",
     412, "raf", "iraq"),
    ("French Rafales have fired 85 missiles (60 strikes) on Syria since January.",
     60, "french-armed-forces", "syria"),
    ("On Sunday Iraqi jets dropped 30 bombs (12 strikes) on ISIS hideouts in Anbar.",
     12, "iraqi-air-force", "iraq"),
])
def test_strikes_counted_beside_the_munitions_released_are_their_count(
        reports_of, text, count, force, country) -> None:
    found = reports_of(text)
    assert [(r.strike_count, r.count_qualifier) for r in found] == [(count, "exact")]
    assert found[0].perpetrators == [str(ID[f"actor/{force}"])]
    # the comparison's year or country is not the strikes'
    assert found[0].countries == [str(ID[f"place/{country}"])]


def test_a_number_beside_released_things_that_are_no_munitions_counts_no_strikes(
        reports_of) -> None:
    assert reports_of("Officials said the jets dropped 30 leaflets (12 drops) on Raqqa on "
                      "Sunday.") == []


def test_a_place_in_a_clause_of_comparison_is_not_the_strikes(reports_of) -> None:
    found = reports_of("On Sunday RAF jets dropped more bombs on Syria than they had dropped "
                       "in Afghanistan in 2010.")
    assert [r.countries for r in found] == [[str(ID["place/syria"])]]
