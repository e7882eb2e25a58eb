"""Strikes told by outcome and strike words added in round 6, end to end with the real model on
sentences written for these tests: a phrasal outcome verb ('took out', read by its particle,
strikes.targets.outcome), the strike verb 'blast' and the 'camp' target type (the schemes and
the strikes lexicon). Examples: new articles of round 6 (Stars and Stripes 2020: "Coalition
strikes took out three Islamic State camp sites", "a jet 'blasted' an ISIS cave"); dev (UK
Defence Journal 2017: "Tornados blast firing positions")."""

from __future__ import annotations

import datetime as dt

import pytest

PUBLISHED = dt.date(2020, 6, 13)


@pytest.mark.parametrize("text", [
    "Coalition strikes took out two Daesh training camps near Hawija on Friday.",
    "On Friday an RAF jet blasted an ISIS tunnel in the Hamrin mountains.",
    "Airstrikes destroyed an Islamic State camp site in Kirkuk province on Friday.",
])
def test_strikes_told_by_new_outcome_words_are_reports(reports_of, text) -> None:
    found = reports_of(text)
    assert [(r.strike_count, r.count_qualifier) for r in found] == [(1, "atLeast")]


def test_a_force_taking_out_no_target_of_a_group_is_no_strike(reports_of) -> None:
    assert reports_of("The minister took out a loan to rebuild the camp on Friday.") == []
