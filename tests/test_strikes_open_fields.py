"""Issue 13: a strike report is kept when a field is open, and takes the field from the context
its genre uses (the lead, the headline, the report a line breaks down, the sentence before),
else the publication date; strikes told in headlines, by several forces, and the ones that are
no report (summaries, background, allegations, retellings). End to end with the real model on
short texts written for these tests in the style of the genre; each test is named after the
rule id it checks (``strikes.context.period-from-following`` → ``..._period_from_following``),
and the dev articles each rule was drawn from are named in its module's docstring."""

from __future__ import annotations

import datetime as dt

import pytest

from isisgraph.namespaces import ID
from isisgraph.records import StrikeReport

D = dt.date


def actor(slug: str) -> str:
    return str(ID[f"actor/{slug}"])


def place(slug: str) -> str:
    return str(ID[f"place/{slug}"])


def period(report: StrikeReport) -> tuple[dt.date | None, dt.date | None]:
    assert report.when is not None
    return report.when.start, report.when.end


def steps(report: StrikeReport) -> list[str]:
    return report.extractor.split("+")


# ----------------------------------------------------------------------------- a daily release

# The lead dates everything; the count line and the town lines give no date of their own.
DAILY = (
    "Coalition Strikes Hit ISIS Targets\n\n"
    "SOUTHWEST ASIA, June 8, 2017 - U.S. and coalition military forces continued to attack ISIS "
    "terrorists in Syria and Iraq yesterday, officials reported today.\n\n"
    "In Syria, attack and fighter aircraft conducted seven strikes consisting of nine "
    "engagements:\n\n"
    "-- Near Raqqa, five strikes destroyed two fighting positions and a vehicle.\n\n"
    "-- Near Abu Kamal, two strikes destroyed an oil wellhead.\n\n"
    "In Iraq, coalition military forces conducted four strikes consisting of 11 engagements:\n\n"
    "-- Near Mosul, four strikes destroyed a mortar system."
)


def test_a_daily_release_dates_its_lines_by_its_lead(reports_of) -> None:
    reports = reports_of(DAILY, D(2017, 6, 8))
    counts = [(r.strike_count, r.count_qualifier) for r in reports]
    # the lead's "continued to attack ... yesterday" is at least one strike of that day; the
    # headline with "Hit" is the article's report too
    assert (7, "exact") in counts and (4, "exact") in counts and (5, "exact") in counts
    lead = next(r for r in reports if r.count_qualifier == "atLeast" and r.span.start > 40)
    assert period(lead) == (D(2017, 6, 7), D(2017, 6, 7))
    syria = next(r for r in reports if r.strike_count == 7)
    raqqa = next(r for r in reports if r.strike_count == 5)
    for report in (syria, raqqa):
        assert period(report) == (D(2017, 6, 7), D(2017, 6, 7))  # not dropped: the lead's day
        assert report.when is not None and report.when.basis == "context"
    assert raqqa.part_of == syria.key and raqqa.countries == [place("syria")]
    # the lead's countries are those of the reports of its day below it
    assert set(lead.countries) == {place("syria"), place("iraq")}


# ----------------------------------------------------------------------------- headlines


HEADLINE = (
    "Iraqi jets strike ISIS hideouts in Hamrin mountains\n\n"
    "Iraqi F-16s struck ISIS hideouts in the Hamrin mountains on Tuesday, killing four "
    "militants, the Security Media Cell said."
)


def test_strikes_context_period_from_following_dates_a_headline_by_its_body(reports_of) -> None:
    headline, body = reports_of(HEADLINE, D(2021, 3, 25))
    assert headline.span.start == 0 and (headline.strike_count, headline.count_qualifier) == (
        1, "atLeast")
    assert "strikes.context.period-from-following" in steps(headline)
    assert period(headline) == period(body) == (D(2021, 3, 23), D(2021, 3, 23))
    assert headline.countries == [place("iraq")]


def test_a_headline_that_says_strikes_go_on_is_no_report(reports_of) -> None:
    text = ("Coalition Continues Air Strikes Against ISIS\n\n"
            "Coalition aircraft conducted 12 strikes in Iraq on Monday, officials said.")
    [report] = reports_of(text, D(2016, 5, 3))
    assert report.strike_count == 12


def test_a_headline_without_a_verb_is_no_report(reports_of) -> None:
    text = ("Update: air strikes against Daesh\n\n"
            "On Monday 2 May, RAF Typhoons struck a Daesh position near Mosul.")
    [report] = reports_of(text, D(2016, 5, 4))
    assert report.span.start > 0


def test_a_title_case_headline_verb_is_read(reports_of) -> None:
    text = ("Australia Launches First Air Strikes In Syria\n\n"
            "Australian aircraft have conducted their first air strikes in Syria, the defence "
            "minister said on Wednesday.")
    headline, body = reports_of(text, D(2015, 9, 17))
    assert headline.span.start == 0 and headline.countries == [place("syria")]


# ----------------------------------------------------------------------------- open fields


def test_strikes_context_period_from_publication_only_for_strikes_told(reports_of) -> None:
    text = "The Russian military aviation destroyed another convoy of ISIS militants near Palmyra."
    [report] = reports_of(text, D(2017, 8, 21))
    assert report.perpetrators == [actor("russian-armed-forces")]
    assert period(report) == (D(2017, 8, 21), D(2017, 8, 21))
    assert report.when is not None and report.when.basis == "publication"
    assert report.when.precision == "approximate"
    # a running total is not dated by the day it is reported: its period stays open
    [total] = reports_of("The coalition has conducted more than 450 strikes in Iraq to date.",
                         D(2016, 7, 23))
    assert total.when is None and total.countries == [place("iraq")]


def test_strikes_context_period_from_narrative(reports_of) -> None:
    text = ("On Monday 7 March, two Tornado GR4s flew an armed patrol over northern Iraq. The "
            "aircraft conducted a precision strike on a Daesh mortar team.\n\n"
            "On Tuesday 8 March, RAF Typhoons and Tornados struck a Daesh bunker in eastern "
            "Syria.")
    report, tuesday = reports_of(text, D(2016, 3, 9))
    assert "strikes.context.period-from-narrative" in steps(report)
    assert period(report) == (D(2016, 3, 7), D(2016, 3, 7))
    assert report.countries == [place("iraq")]  # the mission's, not the next report's
    # the force that flew it: the Tornados, whose force the text names after
    assert report.perpetrators == tuesday.perpetrators == [actor("raf")]


def test_a_strike_nobody_is_named_for_takes_no_force_from_around_it(reports_of) -> None:
    text = ("Russian warplanes struck rebel positions near Palmyra on Friday. Residents said an "
            "air strike hit a market in the town on Saturday, killing 12 people. It was not "
            "clear who carried out the strike.")
    russian, market = reports_of(text, D(2016, 3, 14))
    assert russian.perpetrators == [actor("russian-armed-forces")]
    assert market.perpetrators == [] and market.part_of is None


def test_a_strike_of_another_time_takes_no_country_from_the_lead(reports_of) -> None:
    text = ("Air strikes kill 20 in Syria's Idlib\n\n"
            "Air strikes killed at least 20 people in a market in Idlib on Monday, a monitor "
            "said.\n\n"
            "A U.S. drone strike in 2015 killed the group's spokesman.")
    reports = reports_of(text, D(2018, 5, 14))
    drone = next(r for r in reports if r.perpetrators == [actor("us")])
    assert drone.countries == []
    headline = reports[0]
    assert headline.span.start == 0 and headline.perpetrators == []  # the body names nobody


def test_strikes_context_countries_from_lead(reports_of) -> None:
    text = ("Coalition Keeps Pressure on ISIS Remnants in Iraq, Syria\n\n"
            "The coalition and its partners stepped up operations against ISIS in Iraq and Syria "
            "throughout April.\n\n"
            "During April, the coalition conducted 190 strikes with 230 engagements.")
    [report] = reports_of(text, D(2018, 5, 2))
    assert "strikes.context.countries-from-lead" in steps(report)
    assert set(report.countries) == {place("iraq"), place("syria")}
    assert report.engagement_count == 230  # "with 230 engagements"


def test_strikes_context_countries_from_lead_not_for_one_strike_in_two_countries(
        reports_of) -> None:
    text = ("Coalition jets kept up pressure on ISIS in Iraq and Syria this week.\n\n"
            "An airstrike destroyed an ISIS checkpoint on Tuesday.")
    reports = reports_of(text, D(2018, 5, 4))
    single = next(r for r in reports if r.strike_count == 1 and r.count_qualifier == "exact")
    assert single.countries == []  # one strike: in Iraq or in Syria, the text does not say


def test_strikes_context_countries_from_lead_not_for_a_place_that_acts(reports_of) -> None:
    text = ("If Washington halted its strikes, the group could regroup.\n\n"
            "The coalition says it has carried out more than 30,000 strikes since 2014.")
    [report] = reports_of(text, D(2019, 4, 2))
    assert report.countries == []


def test_strikes_sides_each_force(reports_of) -> None:
    text = "In the meantime, the Russian and Syrian fighter jets pounded ISIS strongholds near Palmyra."
    reports = reports_of(text, D(2017, 11, 8))
    assert sorted(r.perpetrators[0] for r in reports) == [
        actor("russian-armed-forces"), actor("syrian-arab-army")]
    assert all(r.span == reports[0].span for r in reports)
    # a count is shared, not split: neither force's share is stated
    shared = reports_of("Russian and Syrian warplanes carried out 40 air raids near Palmyra on "
                        "Friday.", D(2017, 11, 8))
    assert len(shared) == 1 and len(shared[0].perpetrators) == 2


# ----------------------------------------------------------------------------- new readings


@pytest.mark.parametrize(("text", "count"), [
    ("The RAF has carried out its first air strike against Daesh in Syria.", 1),
    ("Another partner nation airstrike near Bayji destroyed an ISIS vehicle on Monday.", 1),
    ("The last RAF air strike was on 25 September near Mosul.", 1),
    ("Dozens of civilians were reportedly killed in US-led air strikes near Manbij in July.", 1),
    ("Smoke rose over the town following a March 3 strike which killed four civilians.", 1),
    ("Another ISIS hideout was struck by Iraqi warplanes near Kirkuk on Friday.", 1),
])
def test_strikes_told_without_a_number(reports_of, text: str, count: int) -> None:
    [report] = reports_of(text, D(2020, 4, 25))
    assert report.strike_count == count and report.when is not None


def test_strikes_count_single_first_strikes_since_is_not_their_period(reports_of) -> None:
    text = "The RAF has carried out its first air strikes against Daesh since September 2019."
    [report] = reports_of(text, D(2020, 4, 25))
    assert period(report) == (D(2020, 4, 25), D(2020, 4, 25))  # the gap began then


def test_strikes_partitive_of_them_fronted(reports_of) -> None:
    text = ("Central Command has conducted a total of 84 air strikes across Iraq since Aug. 8. "
            "Of those air strikes, 51 have been in support of Iraqi forces near the Mosul Dam.")
    total, part = reports_of(text, D(2014, 8, 21))
    assert total.perpetrators == [actor("centcom")]  # "a total of 84 air strikes"
    assert (part.strike_count, part.part_of) == (51, total.key)
    assert place("mosul-dam") in part.locations


# ----------------------------------------------------------------------------- what is no report


@pytest.mark.parametrize("text", [
    # a summary: strikes going on, with no date of their own
    "U.S. and coalition military forces have continued to attack ISIS in Syria and Iraq, "
    "officials reported today.",
    # background: a relative clause without a date of its own
    "Coalition nations which have conducted strikes in Iraq include Australia and Canada.",
    "Iranian forces patrol the desert where Russia has conducted airstrikes.",
    # a running tally without a number
    "Kurdish officials say coalition strikes have so far killed hundreds of ISIS militants.",
    # alleged, not reported
    "Since 2014, the coalition has been accused of killing civilians in strikes across Iraq.",
    # an infinitive on a noun
    "The use of RAF jets to deliver a precise strike shows that the RAF never sleeps.",
])
def test_no_report(reports_of, text: str) -> None:
    assert reports_of(text, D(2019, 3, 20)) == []


def test_continued_to_attack_with_a_date_of_its_own_is_a_report(reports_of) -> None:
    text = ("U.S. and coalition military forces continued to attack ISIS in Syria and Iraq "
            "yesterday, officials reported today.")
    [report] = reports_of(text, D(2017, 3, 6))
    assert (report.strike_count, report.count_qualifier) == (1, "atLeast")
    assert period(report) == (D(2017, 3, 5), D(2017, 3, 5))


def test_a_strike_told_again_is_no_new_report(reports_of) -> None:
    text = ("A coalition airstrike on a building in Mosul on March 17 killed 20 civilians. "
            "The coalition acknowledged that it had struck the area.")
    [report] = reports_of(text, D(2017, 3, 27))
    assert report.strike_count == 1


def test_strikes_told_after_a_count_by_the_same_force_are_that_count(reports_of) -> None:
    text = ('"In Syria, CJTF-OIR conducted 90 strikes consisting of 120 engagements," the '
            'statement said. The coalition in Syria conducted strikes against "150 Daesh '
            'tactical units" and "destroyed 40 vehicles."')
    [report] = reports_of(text, D(2019, 3, 26))
    assert report.strike_count == 90


# ----------------------------------------------------------------------------- noticed in the restructuring


def test_us_led_strikes_are_the_coalitions(reports_of) -> None:
    [report] = reports_of("U.S.-led air strikes killed 20 militants near Raqqa on Tuesday.",
                          D(2016, 8, 6))
    assert report.perpetrators == [actor("cjtf-oir")]  # the "US-led coalition", not the US


def test_strikes_partitive_most_of_them_as_a_clause_places_the_count(reports_of) -> None:
    [report] = reports_of("The coalition conducted 12 strikes in Iraq last week. Most of them "
                          "were near Mosul.", D(2017, 5, 10))
    assert "strikes.partitive.most-of-them" in steps(report)
    assert place("mosul") in report.locations


def test_only_an_air_force_compound_makes_an_air_strike(reports_of) -> None:
    [ground] = reports_of("Special forces conducted a coalition force strike on an ISIS cell "
                          "near Hawija on Monday.", D(2017, 5, 10))
    [air] = reports_of("An Iraqi air force strike killed five ISIS members near Hawija on "
                       "Monday.", D(2017, 5, 10))
    assert (ground.strike_class, air.strike_class) == ("Strike", "AirStrike")



def test_strikes_as_the_means_of_an_outcome_are_struck_by_its_subject(reports_of) -> None:
    text = ("Turkish warplanes neutralized 12 PKK terrorists in airstrikes in northern Iraq, "
            "the ministry said on Saturday.")
    [report] = reports_of(text, D(2021, 6, 14))
    assert report.perpetrators == [actor("turkish-armed-forces")]
    assert report.countries == [place("iraq")] and report.killed_count == 12
    # a passive's subject is the killed, not the striker
    [passive] = reports_of("Dozens of civilians were killed in air strikes near Idlib on "
                           "Monday.", D(2021, 6, 14))
    assert passive.perpetrators == []
