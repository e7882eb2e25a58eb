"""Strikes without a number that hit an armed group ('Airstrikes Hit ISIL') say what they hit
(strikes.count.uncounted with ``targets.hit_armed_group``); end to end with the real model on
sentences written for these tests. Dev example in the rule's docstring
(src/isisgraph/extract/strikes/targets.py)."""

from __future__ import annotations

import datetime as dt

import pytest

PUBLISHED = dt.date(2016, 2, 10)


@pytest.mark.parametrize("text", [
    "Coalition airstrikes hit ISIS near Mosul on Monday, officials said.",
    "On Tuesday, Russian air strikes pounded Daesh in the desert east of Palmyra.",
    "Coalition Airstrikes Hit ISIS Near Raqqa\n\nThe ministry gave no further details.",
])
def test_strikes_that_hit_an_armed_group_are_a_report(reports_of, text) -> None:
    found = reports_of(text)
    assert len(found) == 1
    assert (found[0].strike_count, found[0].count_qualifier) == (1, "atLeast")


@pytest.mark.parametrize("text", [
    # strikes only said to be against the group: no verb of theirs hit it
    "Coalition airstrikes against ISIS continued near Mosul on Monday, officials said.",
    # what strikes do in general
    "Officials say coalition airstrikes hit ISIS hard wherever its fighters gather.",
])
def test_strikes_not_said_to_have_hit_the_group_are_none(reports_of, text) -> None:
    assert reports_of(text) == []
