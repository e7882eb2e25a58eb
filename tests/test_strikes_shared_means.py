"""Strikes that are the means of coordinated outcome verbs with one subject ('destroyed 17
targets and killed 26 fighters in air strikes') are one report, not a count report and a dated
report of the first verb (``told_with`` in src/isisgraph/extract/strikes/__init__.py); end to
end with the real model on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

PUBLISHED = dt.date(2016, 2, 10)


@pytest.mark.parametrize("text", [
    "Turkish warplanes destroyed nine Daesh shelters and killed 14 members of the group in air "
    "strikes near al-Bab, the army said on Tuesday.",
    "On Monday Iraqi F-16s wrecked two ISIS tunnels and killed six militants with airstrikes in "
    "the Hamrin mountains.",
    "Russian jets destroyed an ISIS depot and killed several fighters in air raids near "
    "Palmyra on Sunday.",
    # a country on the first verb is no place of another strike
    "The U.S. military on Monday killed an ISIS commander in Syria and badly injured his aide "
    "in a drone strike, officials said.",
])
def test_strikes_that_are_the_means_of_both_verbs_are_one_report(reports_of, text) -> None:
    assert len(reports_of(text)) == 1


def test_a_first_verb_placed_on_its_own_is_a_strike_of_its_own(reports_of) -> None:
    found = reports_of("Coalition jets hit a bridge near Mosul on Monday and destroyed three "
                       "vehicles in two strikes near Raqqa.")
    assert sorted(r.strike_count for r in found) == [1, 2]
