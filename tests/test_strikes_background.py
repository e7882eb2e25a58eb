"""Strikes told as the background of a ground action or as a campaign's start, end to end with
the real model on sentences written for these tests: strikes under which (amid which) a ground
force acted and a backing verb's second agent (the backing readings of strikes.count.uncounted),
strikes a force began, an air campaign launched (a campaign noun only as a conducting verb's
object), and the striking country is not where it struck. Dev examples: Reuters 2019 (Baghouz),
iPolitics 2015 (Tikrit), the French MoD 2020 (France's strikes in Syria from September 2015),
AFP 2016 (Russia's air campaign), Daily Mail/AFP 2017 (a campaign as background)."""

from __future__ import annotations

import datetime as dt

import pytest

from isisgraph.namespaces import ID

PUBLISHED = dt.date(2016, 3, 10)


def place(slug: str) -> str:
    return str(ID[f"place/{slug}"])


@pytest.mark.parametrize("text", [
    "As Kurdish fighters pushed into the village under heavy coalition airstrikes, civilians "
    "fled south.",
    "Iraqi troops entered the town amid US-led air strikes on Tuesday.",
    "Backed by tribal fighters and U.S. airstrikes, Iraqi troops retook the town.",
    "Aided initially by Kurdish militias and later Russian airstrikes, the army reached the river.",
])
def test_strikes_a_ground_action_happened_under_are_at_least_one_strike(reports_of,
                                                                         text) -> None:
    found = reports_of(text)
    assert [(r.strike_count, r.count_qualifier) for r in found] == [(1, "atLeast")]


def test_strikes_under_a_definite_article_take_up_strikes_told_before(reports_of) -> None:
    assert reports_of("Civilians were trapped under the strikes for days.") == []


@pytest.mark.parametrize(("text", "country", "month"), [
    ("From the middle of September 2015, France began airstrikes on ISIS in Syria.",
     "syria", (2015, 9)),
    ("Russia launched an air campaign in Syria in September, the ministry said.",
     "syria", (2015, 9)),
    ("Australia started air strikes in Iraq in October 2014, officials said.",
     "iraq", (2014, 10)),
])
def test_strikes_a_force_began_are_a_report_of_their_period(reports_of, text, country,
                                                            month) -> None:
    found = reports_of(text)
    assert len(found) == 1
    report = found[0]
    # the striking country is not where it struck
    assert report.countries == [place(country)]
    assert report.when is not None and (report.when.start.year, report.when.start.month) == month


@pytest.mark.parametrize("text", [
    "The army's fightback went on with the backing of an air campaign led by the coalition.",
    "Iraq launched a campaign to retake Mosul in October.",
])
def test_a_campaign_as_background_or_on_the_ground_is_no_report(reports_of, text) -> None:
    assert reports_of(text) == []


@pytest.mark.parametrize("text", [
    "Two RAF Typhoons struck a Daesh bunker near Mosul on Tuesday. Later imagery confirmed the "
    "RAF bombs hit their targets.",
    "Iraqi F-16s bombed an ISIS hideout in the Hamrin mountains on Tuesday. The Iraqi Air Force "
    "said its jets struck their target precisely.",
    "French Rafales struck a Daesh depot near Raqqa on Tuesday. Damage assessment showed the "
    "French missiles hit its walls.",
])
def test_a_strike_verb_whose_object_a_possessive_takes_up_is_told_again(reports_of,
                                                                        text) -> None:
    assert len(reports_of(text)) == 1


def test_a_strike_with_its_own_date_is_news_though_its_object_has_a_possessive(
        reports_of) -> None:
    text = ("Two RAF Typhoons struck a Daesh bunker near Mosul on Tuesday. On Wednesday the "
            "RAF jets struck their next target near Hit.")
    assert len(reports_of(text)) == 2


@pytest.mark.parametrize("text", [
    "US special forces killed a senior ISIS commander in a night raid near Deir ez-Zor on "
    "Tuesday.",
    "Turkish troops killed 12 Daesh militants in clashes near al-Bab on Tuesday.",
    "Russian forces destroyed an ISIS convoy in an ambush near Palmyra on Tuesday.",
])
def test_an_outcome_in_a_ground_action_is_no_strike(reports_of, text) -> None:
    assert reports_of(text) == []


@pytest.mark.parametrize("text", [
    "Iraqi F-16s killed 12 ISIS militants in an air raid near Hit on Tuesday.",
    "In a separate assault on Tuesday, Iraqi helicopters destroyed an ISIS tunnel near Hit.",
])
def test_an_outcome_in_an_air_raid_or_by_aircraft_is_a_strike(reports_of, text) -> None:
    assert [r.strike_count for r in reports_of(text)] == [1]
