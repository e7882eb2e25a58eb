"""Two counts in one clause share out its countries (strikes.places.own-country), and a count
is not placed by a coordinated clause with a subject of its own (count.other_clauses); end to
end with the real model on sentences written for these tests. Dev examples are named in the
rules' docstrings (src/isisgraph/extract/strikes/places.py, count.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from isisgraph.namespaces import ID

PUBLISHED = dt.date(2016, 2, 10)


def country(slug: str) -> str:
    return str(ID[f"place/{slug}"])


def by_count(reports) -> dict[int, set[str]]:
    return {r.strike_count: set(r.countries) for r in reports}


@pytest.mark.parametrize(("text", "expected"), [
    # the second count's 'in Syria' hangs on the verb
    ("The coalition hit the militants with 12 strikes in Iraq on Monday and five strikes in "
     "Syria, a spokesman said.", {12: {"iraq"}, 5: {"syria"}}),
    ("Warplanes of the coalition launched eleven air strikes in Syria on Friday and four air "
     "strikes in Iraq.", {11: {"syria"}, 4: {"iraq"}}),
    # a count whose phrase names both keeps both
    ("Allied jets flew 30 strikes in Iraq and Syria on Thursday and 12 drone strikes near "
     "Mosul.", {30: {"iraq", "syria"}}),
])
def test_coordinated_counts_take_the_country_of_their_own_phrase(reports_of, text,
                                                                 expected) -> None:
    found = by_count(reports_of(text))
    for count, slugs in expected.items():
        assert found[count] == {country(s) for s in slugs}


def test_a_total_and_its_breakdown_keep_the_totals_countries(reports_of) -> None:
    # not coordinated: 'among them' breaks the 21 down, it shares nothing out
    found = by_count(reports_of("Allied aircraft carried out 21 strikes on Tuesday across Iraq "
                                "and Syria, among them six strikes in Syria."))
    assert found[21] == {country("iraq"), country("syria")}


def test_a_coordinated_clause_with_its_own_subject_does_not_place_the_count(reports_of) -> None:
    found = by_count(reports_of("Some 8,000 airstrikes were carried out in Iraq and 5,000 more "
                                "were flown in Syria during that period, officials said."))
    assert found[8000] == {country("iraq")}


def test_a_coordinated_verb_without_a_subject_still_places_the_count(reports_of) -> None:
    # one subject, two verbs: the strikes were over both countries' places
    found = by_count(reports_of("Coalition jets conducted 14 strikes near Mosul and then "
                                "struck again across Syria on Monday."))
    assert country("iraq") in found[14]
