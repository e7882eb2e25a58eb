"""strikes.context.period-from-publication for counts: a count told in the simple past with no
date in the text is news of strikes that happened, dated as a strike told without a number is,
by the publication day, approximate; a running total stays undated. End to end with the real
model on sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

PUBLISHED = dt.date(2019, 6, 4)


@pytest.mark.parametrize("text", [
    "The Iraqi Air Force carried out three airstrikes on ISIS remnants in Wadi al-Shay, "
    "according to a statement.",
    "Coalition jets backed the ground troops with 40 air strikes that destroyed 12 hideouts.",
    "Four strikes were launched by Turkish warplanes on Daesh shelters near al-Bab, the army "
    "said.",
])
def test_a_count_told_in_the_past_is_dated_by_its_publication(reports_of, text) -> None:
    found = [r for r in reports_of(text) if r.count_qualifier == "exact"]
    assert len(found) == 1 and found[0].when is not None
    assert (found[0].when.start, found[0].when.precision) == (PUBLISHED, "approximate")


@pytest.mark.parametrize("text", [
    "The United Kingdom has conducted 1,500 airstrikes in Iraq and Syria, the ministry said.",
    "Coalition aircraft carried out more than 450 strikes to date in the Tigris valley.",
    "Coalition aircraft carried out a total of 900 strikes in Iraq.",
])
def test_a_running_total_stays_undated(reports_of, text) -> None:
    found = [r for r in reports_of(text) if r.strike_count and r.strike_count >= 450]
    assert len(found) == 1 and found[0].when is None
