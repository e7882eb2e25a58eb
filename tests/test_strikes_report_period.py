"""A strike dated only by the clause that reports it lies inside that report's period when the
report is dated by a period ("late last month ... said"), and on the report's day or the day
before when it is dated by a day (strikes.periods.reporting_window); end to end with the real
model on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

PUBLISHED = dt.date(2020, 6, 13)  # a Saturday


@pytest.mark.parametrize("text", [
    "Late last month, Kurdish officials said that a coalition airstrike in Syria had killed a "
    "senior ISIS commander.",
    "Early last month the ministry announced that its jets had destroyed an ISIS hideout in "
    "Iraq.",
    "Last month, according to the army, an Iraqi airstrike killed four militants in Iraq.",
])
def test_a_report_dated_by_a_month_places_its_strike_in_that_month(reports_of, text) -> None:
    found = reports_of(text)
    assert found
    when = found[0].when
    assert when is not None
    # May 2020, not the last day of April
    assert (when.start.year, when.start.month) == (2020, 5)
    assert when.end <= dt.date(2020, 5, 31)


def test_a_report_dated_by_a_day_still_opens_the_day_before(reports_of) -> None:
    found = reports_of("A coalition airstrike destroyed an ISIS weapons cache near Mosul, the "
                       "military said on Thursday.")
    assert found
    when = found[0].when
    assert when is not None
    # Thursday 11 June: the statement tells the strikes of that day or the one before
    assert (when.start, when.end) == (dt.date(2020, 6, 10), dt.date(2020, 6, 11))
