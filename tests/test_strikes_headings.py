"""strikes.context.heading-country: a release that lists its strikes by country names the
country in a heading line of its own, and the count and town lines below it name none. End to
end with the real model, on texts written for this test in the styles of such releases (the
dev releases the rule was drawn from are named in ``strikes/headings.py``)."""

from __future__ import annotations

import datetime as dt

import pytest

from isisgraph.extract.strikes.headings import HEADING_COUNTRY
from isisgraph.namespaces import ID
from isisgraph.records import StrikeReport

IRAQ, SYRIA = str(ID["place/iraq"]), str(ID["place/syria"])


PUBLISHED = dt.date(2016, 4, 12)  # the articles' publication day (reports_of in conftest.py)


def by_count(reports: list[StrikeReport]) -> dict[int | None, StrikeReport]:
    return {r.strike_count: r for r in reports}


def test_a_count_line_under_a_heading_is_in_its_country(reports_of) -> None:
    # the count line names only the government it supports; the heading names the country
    found = by_count(reports_of(
        "Task force keeps up pressure on Daesh\n\n"
        "Officials described the strikes carried out between Sunday and Monday.\n\n"
        "Strikes in Syria\n\n"
        "Bomber and attack aircraft carried out five strikes consisting of seven engagements.\n\n"
        "Strikes in Iraq\n\n"
        "Fighter and remotely piloted aircraft carried out 13 strikes in support of Baghdad:\n\n"
        "-- Near Sinjar, 13 strikes hit Daesh fighting positions.\n"))
    assert found[5].countries == [SYRIA]
    assert found[13].countries == [IRAQ]
    assert HEADING_COUNTRY in found[5].extractor.split("+")


def test_town_lines_under_a_bare_country_heading(reports_of) -> None:
    # a country alone on its line, the lines below it bulleted, towns the gazetteer lacks
    found = by_count(reports_of(
        "Coalition jets bomb ISIL targets\n\n"
        "Coalition warplanes kept attacking ISIL overnight, the command said today.\n\n"
        "IRAQ\n"
        "* Close to Qaraj, four strikes hit an ISIL mortar team.\n"
        "* Close to Tel Kaif, two strikes destroyed an ISIL bunker.\n"))
    assert found[4].countries == [IRAQ] and found[2].countries == [IRAQ]


def test_a_heading_with_a_colon_and_a_weekly_count(reports_of) -> None:
    found = by_count(reports_of(
        "Weekly air summary\n\n"
        "Syria:\n\n"
        "Partner aircraft completed eleven airstrikes during the week.\n"))
    assert found[11].countries == [SYRIA]


def test_a_heading_does_not_override_a_country_the_line_names(reports_of) -> None:
    # nor does it reach past the next heading, which names no country
    found = by_count(reports_of(
        "Weekly air summary\n\n"
        "Syria\n\n"
        "Partner aircraft completed eight airstrikes in Iraq during the week.\n\n"
        "Other activity\n\n"
        "Partner aircraft also completed three airstrikes during the week.\n"))
    assert found[8].countries == [IRAQ]
    assert HEADING_COUNTRY not in found[3].extractor.split("+")
    assert SYRIA not in found[3].countries  # nor is the heading "Syria" the lead of the text


@pytest.mark.parametrize("text", [
    # a release's title naming its kind, not a strike
    "Combined Joint Task Force Strike Summary\n\nOfficials released the weekly figures today.\n",
    "Air Strike Update for Syria and Iraq\n\nThe task force published its figures on Monday.\n",
    # a place named after the strikes
    "All aircraft left the strike area over Mosul safely on Tuesday.\n",
])
def test_a_strike_word_naming_a_kind_of_thing_is_no_strike(reports_of, text) -> None:
    assert reports_of(text) == []


def test_a_strike_word_before_a_place_word_the_parser_made_its_head_is_one(reports_of) -> None:
    # "one airstrike west of Hit": the parser may hang the strike on "west"; it is a strike
    found = reports_of("In Iraq, allied aircraft conducted one airstrike west of Mosul on "
                       "Tuesday, destroying an ISIL bunker.\n")
    assert [r.strike_count for r in found] == [1]
