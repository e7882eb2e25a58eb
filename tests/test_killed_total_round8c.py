"""Round 8c of the shared layers: the strike reader's ``killed_by`` counts "a total of 12
fighters" through the shared ``count_in_phrase`` (a noun of quantity leaves the count to the
phrase after its 'of'). Sentences written here, through the project's pipeline."""

from __future__ import annotations

import datetime as dt

PUBLISHED = dt.date(2016, 8, 5)  # a Friday


def test_a_total_of_killed_by_a_strike_is_its_number(reports_of):
    # before: the number was looked for only before the head noun ("a total"), so none
    for text, killed in (
        ("Coalition jets killed a total of 12 ISIS fighters in strikes near Raqqa on Monday.", 12),
        ("A total of nine Daesh militants were killed by coalition air strikes near Mosul on Monday.", 9),
        ("Coalition aircraft struck a compound near Hit on Monday, killing a total of 23 ISIS fighters.", 23),
    ):
        found = reports_of(text)
        assert [r.killed_count for r in found] == [killed], (text, [(r.killed_count, r.extractor) for r in found])


def test_a_number_or_dozens_of_fighters_is_still_no_count(reports_of):
    for text in ("Coalition jets killed dozens of ISIS fighters in a strike near Raqqa on Monday.",
                 "Coalition jets killed the commander of 30 ISIS fighters in a strike near Raqqa on Monday."):
        found = reports_of(text)
        assert all(r.killed_count in (None, 1) for r in found) and found, (
            text, [(r.killed_count, r.extractor) for r in found])
