"""Rule ``events.context.place-anaphor`` through a part of the place: "the city center", "the
town centre", "the city outskirts" carry their determiner on the part noun and refer back to
the city named before ("had retaken the city center", CNN 2017; "the town center", Daily
Sabah 2017; "the city centre", iPolitics 2015 in the development set); a city named only to
locate another ("Hawija, west of Kirkuk") is no antecedent. Short articles written here,
through the project's NLP pipeline and the whole extractor."""

from __future__ import annotations

import datetime as dt

import pytest

PUBLISHED = dt.date(2021, 6, 16)  # a Wednesday
HAWIJA = "https://w3id.org/isisgraph/id/place/hawija"


@pytest.mark.parametrize("text", [
    "Iraqi forces entered Hawija on Monday. On Tuesday, ISIS militants attacked an army "
    "checkpoint in the town centre.",
    "Iraqi forces entered Hawija on Monday. On Tuesday, ISIS militants attacked an army "
    "checkpoint on the city outskirts.",
    "Peshmerga fighters reached Hawija, west of Kirkuk, on Monday. A day later ISIS gunmen "
    "ambushed a patrol near the city centre.",
])
def test_a_part_of_the_city_is_in_the_city_named_before(article_events, text) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in article_events(text) if e.kind in ("Attack", "Ambush")]
    assert events and all(e.locations == [HAWIJA] for e in events), [(e.kind, e.locations) for e in events]


def test_an_indefinite_city_centre_is_no_city_named_before(article_events) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in article_events(
        "Iraqi forces entered Hawija on Monday. On Tuesday, ISIS militants attacked an army "
        "checkpoint in a city centre.") if e.kind == "Attack"]
    assert events and all(HAWIJA not in e.locations for e in events), [(e.kind, e.locations) for e in events]
