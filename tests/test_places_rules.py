"""Where a fact is and what a place name resolves to: readings meant to carry over to unseen news.

Each reading is tested on sentences written here, in other words than the development
articles it was found in (named in the rule's docstring), through the project's NLP pipeline,
and on one sentence it must not read that way.
"""

from __future__ import annotations

import datetime as dt

import pytest

from isisgraph import nlp, reference
from isisgraph.extract.events import extract_events
from isisgraph.records import Article, Event

PUBLISHED = dt.date(2019, 6, 12)


@pytest.fixture(scope="module")
def events():
    pipeline, ref = nlp.load_pipeline(), reference.load()

    def run(text: str) -> list[Event]:
        doc = pipeline(nlp.article_doc(pipeline, text, PUBLISHED))
        return extract_events(doc, Article(id="t", text=text, source="test", published=PUBLISHED), ref)

    return run


def slugs(event: Event) -> list[str]:
    return [iri.rsplit("/", 1)[1] for iri in event.locations]


# ---------------------------------------------------------------- events.places.reference-point


@pytest.mark.parametrize("text, kind, expected", [
    # a curated town located from a city of its own province: the town only
    ("Militants attacked a checkpoint in Hawija district, southwest of Kirkuk, on Tuesday.",
     "Attack", ["hawija"]),
    # a distance before the direction word
    ("A roadside bomb killed two policemen in Tal Afar, 60 km west of Mosul.", "Bombing", ["tal-afar"]),
    # a village no gazetteer knows: the village, and the province of the reference point
    ("ISIS fighters stormed the village of Qaryat Zuwaiya northeast of Baiji, killing four shepherds.",
     "Attack", ["qaryat-zuwaiya", "salah-ad-din-governorate"]),
])
def test_a_reference_point_is_not_where_the_event_happened(events, text, kind, expected):
    (event,) = [e for e in events(text) if e.kind == kind]
    assert slugs(event) == expected


def test_a_reference_point_stays_when_the_other_places_only_contain_it(events):
    # "In Iraq, ... north of Kirkuk": Kirkuk is the most precise place the clause names
    (event,) = events("In Iraq, militants attacked a police post north of Kirkuk.")
    assert "kirkuk" in slugs(event)
