"""Strikes whose verb has a negative pronoun for subject ('None of its allies are engaged in
air strikes', 'Neither Britain nor Australia has struck') are not reported
(``syntax.factuality.irrealis``); a count's own 'no' stays a zero and strikes under 'despite'
stand. End to end with the real model on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

PUBLISHED = dt.date(2016, 2, 10)


@pytest.mark.parametrize("text", [
    "None of Canada's partners, including Britain and Australia, are taking part in air "
    "strikes in Syria.",
    "Neither Britain nor Australia has carried out air strikes in Syria.",
    "Nobody in the alliance has conducted airstrikes near Raqqa this month, the ministry said.",
])
def test_strikes_of_a_negative_subject_are_no_report(reports_of, text) -> None:
    assert reports_of(text) == []


def test_a_counts_own_no_is_still_a_zero(reports_of) -> None:
    found = reports_of("No strikes were conducted in Iraq on Monday, the coalition said.")
    assert [r.strike_count for r in found] == [0]


def test_strikes_under_despite_stand(reports_of) -> None:
    found = reports_of("None of the allies has admitted causing civilian deaths, despite more "
                       "than 10,000 coalition airstrikes in Iraq and Syria since 2014.")
    assert [r.strike_count for r in found] == [10000]
