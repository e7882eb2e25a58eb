"""Figures: reported quantities on short texts in the genre, their boundaries with events and
strike reports, dates and invariants."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from isisgraph.extract.figures import extract_figures
from isisgraph.namespaces import ID
from isisgraph.records import Article

ACTOR = str(ID) + "actor/"
PLACE = str(ID) + "place/"
PUBLISHED = dt.date(2019, 5, 14)


def read(pipeline, ref, text, published=PUBLISHED, precision="day"):
    article = Article(id="t", text=text, source="test", published=published, date_precision=precision)
    return extract_figures(pipeline(text), article, ref)


def only(figures):
    assert len(figures) == 1, figures
    return figures[0]


def test_troops_deployed_now_with_their_country_and_who_says_so(pipeline, ref):
    figure = only(read(pipeline, ref, "The Pentagon says about 2,500 U.S. troops remain in Iraq."))
    assert (figure.measure, figure.value, figure.unit, figure.count_qualifier) == (
        "troops",
        2500,
        "troops",
        "approximate",
    )
    assert figure.subject == ACTOR + "us-military"
    assert figure.locations == [PLACE + "iraq"]
    assert figure.claimant == ACTOR + "us-military"
    assert figure.as_of.start == PUBLISHED and figure.as_of.precision == "day"


def test_present_tense_takes_the_manifest_precision_of_the_publication_date(pipeline, ref):
    figure = only(read(pipeline, ref, "Britain keeps roughly 400 troops in Iraq.", precision="approximate"))
    assert figure.as_of.start == PUBLISHED and figure.as_of.precision == "approximate"


def test_a_coordinated_count_shares_the_noun_but_keeps_its_own_place(pipeline, ref):
    figures = read(pipeline, ref, "The Pentagon has about 2,500 troops in Iraq and 900 in Syria.")
    assert [(f.measure, f.value, f.locations) for f in figures] == [
        ("troops", 2500, [PLACE + "iraq"]),
        ("troops", 900, [PLACE + "syria"]),
    ]


def test_area_is_normalised_to_square_kilometres(pipeline, ref):
    figure = only(
        read(pipeline, ref, "Iraqi forces have retaken about 40 square kilometres of farmland east of Mosul.")
    )
    assert (figure.measure, figure.value, figure.unit) == ("territory", 40, "km2")
    assert figure.locations == [PLACE + "mosul"]
    figure = only(read(pipeline, ref, "Since March the SDF has cleared 12 sq mi of desert."))
    assert (figure.measure, figure.value, figure.unit) == ("territory", 12, "sq-mi")
    assert figure.subject == ACTOR + "sdf"


def test_share_of_territory_in_percent_with_the_actor_that_lost_it(pipeline, ref):
    figure = only(read(pipeline, ref, "The coalition says ISIS has lost 98 percent of the territory it once held."))
    assert (figure.measure, figure.value, figure.unit) == ("territory", 98, "percent")
    assert figure.subject == ACTOR + "isis"
    assert figure.claimant == ACTOR + "cjtf-oir"


def test_fractions_of_a_place_dated_by_their_clause(pipeline, ref):
    figure = only(read(pipeline, ref, "In 2015, the militants held about half of Anbar province."))
    assert (figure.measure, figure.value, figure.unit, figure.count_qualifier) == (
        "territory",
        50,
        "percent",
        "approximate",
    )
    assert figure.as_of.start == dt.date(2015, 1, 1) and figure.as_of.precision == "year"
    figure = only(read(pipeline, ref, "ISIS once controlled a third of Iraq."))
    assert figure.value == pytest.approx(33.3)
    assert figure.locations == [PLACE + "iraq"]


def test_foreign_fighters_and_returnees(pipeline, ref):
    figures = read(
        pipeline, ref, "Some 800 Britons travelled to join Islamic State, and about 400 have since returned."
    )
    assert [(f.measure, f.value) for f in figures] == [("foreign-fighters", 800), ("returnees", 400)]
    assert {f.subject for f in figures} == {ACTOR + "isis"}


def test_casualty_and_surrender_counts_are_events_not_figures(pipeline, ref):
    assert read(pipeline, ref, "Coalition strikes killed 45 militants near Hit.") == []
    assert read(pipeline, ref, "About 350 fighters surrendered to Kurdish forces on Friday.") == []


def test_people_liberated_need_a_liberating_verb(pipeline, ref):
    figure = only(read(pipeline, ref, '"We have freed 3,000 civilians from the old city," the Iraqi army said.'))
    assert (figure.measure, figure.value, figure.unit) == ("people-liberated", 3000, "people")
    assert figure.subject == ACTOR + "iraqi-army"  # "we" is the speaker's side
    assert read(pipeline, ref, "About 3,000 civilians live in the old city.") == []


def test_aggregate_target_counts_are_targets_struck_with_their_type(pipeline, ref):
    figures = read(
        pipeline,
        ref,
        "Since the start of the month, coalition aircraft have destroyed 120 vehicles and 35 weapons caches.",
    )
    assert [(f.measure, f.value, f.unit) for f in figures] == [
        ("targets-struck", 120, "vehicle"),
        ("targets-struck", 35, "weapons-cache"),
    ]
    assert {f.subject for f in figures} == {ACTOR + "cjtf-oir"}


def test_dated_or_per_strike_target_counts_belong_to_strike_reports(pipeline, ref):
    assert read(pipeline, ref, "On March 4, coalition aircraft destroyed 12 vehicles near Baghouz.") == []
    assert read(pipeline, ref, "Near Raqqa, eight strikes destroyed 14 fighting positions.") == []


def test_fighters_counted_through_a_verb_and_the_two_countries(pipeline, ref):
    text = (
        "Fighting goes on in Iraq and Syria. An estimated 14,000 fighters are believed to be in the two "
        "countries, and the group's last pocket is believed to number at least 2,000."
    )
    figures = read(pipeline, ref, text)
    first = figures[0]
    assert (first.measure, first.value, first.count_qualifier) == ("fighters", 14000, "approximate")
    assert first.locations == [PLACE + "iraq", PLACE + "syria"]


def test_a_repeated_paragraph_gives_one_figure_per_occurrence(pipeline, ref):
    paragraph = "To date, the coalition has removed ISIS from roughly 95% of the territory it held."
    figures = read(pipeline, ref, paragraph + "\n\n" + paragraph)
    assert [(f.measure, f.value) for f in figures] == [("territory", 95), ("territory", 95)]
    assert figures[0].key != figures[1].key
    assert figures[1].span.start > figures[0].span.end


def test_no_publication_date_no_invented_as_of(pipeline, ref):
    figure = only(read(pipeline, ref, "The U.S. currently keeps about 900 troops in Syria.", published=None))
    assert figure.as_of is None
    figure = only(read(pipeline, ref, "In 2016, the U.S. kept about 5,000 troops in Iraq.", published=None))
    assert figure.as_of.start == dt.date(2016, 1, 1)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            [
                "About 2,000 US troops are in Syria.",
                "ISIS lost 90% of its land.",
                "half of",
                "12 sq km",
                "The coalition destroyed 30 vehicles.",
                "Some 1,200 Germans went to fight.",
                "at least 500 have returned.",
                "believed to number 3,000",
                "\n\n",
                "one-third",
                "killed 40 fighters",
                "%",
                "No fighters remain.",
            ]
        ),
        min_size=1,
        max_size=6,
    )
)
def test_any_text_gives_figures_with_exact_spans_and_known_measures(pipeline, ref, parts):
    text = " ".join(parts)
    figures = read(pipeline, ref, text)
    measures = set(ref.scheme("measure"))
    assert len({f.key for f in figures}) == len(figures)
    for figure in figures:
        assert 0 <= figure.span.start < figure.span.end <= len(text)
        assert text[figure.span.start : figure.span.end].strip() == text[figure.span.start : figure.span.end]
        assert figure.measure in measures
        assert figure.value >= 0


# ----------------------------------------------------------------------------- the seeds, end to end


@pytest.fixture(scope="module")
def seed_figures(pipeline, ref, seeds_dir):
    from isisgraph.ingest import read_articles

    return {a.id[:3]: extract_figures(pipeline(a.text), a, ref) for a in read_articles([seeds_dir])}


def find(figures, measure, value):
    found = [f for f in figures if f.measure == measure and f.value == pytest.approx(value)]
    assert found, (measure, value, [(f.measure, f.value) for f in figures])
    return found


def test_seeds_troops_and_fighters(seed_figures):
    (syria,) = find(seed_figures["002"], "troops", 2000)
    assert syria.locations == [PLACE + "syria"] and syria.as_of.start == dt.date(2018, 7, 9)
    (both,) = find(seed_figures["004"], "troops", 5000)
    assert both.locations == [PLACE + "iraq", PLACE + "syria"] and both.as_of.start.year == 2017
    (estimated,) = find(seed_figures["004"], "fighters", 6500)
    assert estimated.subject == ACTOR + "isis" and estimated.count_qualifier == "approximate"
    assert estimated.locations == [PLACE + "iraq", PLACE + "syria"]
    (pocket,) = find(seed_figures["002"], "fighters", 1000)
    assert pocket.count_qualifier == "atLeast" and pocket.subject == ACTOR + "isis"
    assert pocket.as_of.start.year == 2018


def test_seeds_territory_and_people(seed_figures):
    retaken = find(seed_figures["004"], "territory", 87)
    assert len(retaken) == 2  # the article repeats the paragraph
    assert all(f.unit == "percent" and f.as_of.start.year == 2017 for f in retaken)
    (people,) = find(seed_figures["001"], "people-liberated", 4_500_000)
    (land,) = find(seed_figures["001"], "territory", 55670)
    assert land.unit == "km2" and people.claimant == land.claimant == ACTOR + "us-military"


def test_seeds_targets_struck_in_the_release(seed_figures):
    units = {f.unit: f.value for f in seed_figures["001"] if f.measure == "targets-struck"}
    assert units == {"tactical-unit": 346, "vehicle": 104, "vbied": 31}
    assert all(
        f.as_of.start.year == 2019 and f.as_of.start.month == 3
        for f in seed_figures["001"]
        if f.measure == "targets-struck"
    )


def test_seeds_foreign_fighters_who_returned(seed_figures):
    (went,) = find(seed_figures["002"], "foreign-fighters", 1500)
    (back,) = find(seed_figures["002"], "returnees", 1200)
    assert (went.count_qualifier, back.count_qualifier) == ("approximate", "atLeast")
    assert went.claimant == back.claimant == ACTOR + "european-union"


def test_seeds_casualties_and_surrenders_are_not_figures(seed_figures):
    everything = [f for figures in seed_figures.values() for f in figures]
    assert not [f for f in everything if f.value in (350, 300, 5) and f.measure in ("fighters", "people-liberated")]
