"""Rule ``context.date.claim``: an event named by the object of a verb of claiming or
reporting happened on or before the date of that clause (dev: "In August, ISIS claimed an
attack that killed ..." (AFP, 2020)). The sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from isisgraph.extract import extract
from isisgraph.records import Article, Event

D = dt.date
PUBLISHED = D(2019, 6, 12)  # a Wednesday


@pytest.fixture(scope="module")
def events_of(pipeline, ref):
    def run(text: str) -> list[Event]:
        article = Article(id="t", text=text, source="test", published=PUBLISHED)
        return extract(pipeline(text), article, ref).events

    return run


@pytest.mark.parametrize(("text", "kind", "start", "end"), [
    # a month before the publication: this year's
    ("In March, the Islamic State claimed an attack that killed a Syrian general near Palmyra.",
     "Attack", D(2019, 3, 1), D(2019, 3, 31)),
    # a relative month, another verb of reporting
    ("Last month the monitoring group reported an ambush on a bus near Shula that left nine soldiers dead.",
     "Ambush", D(2019, 5, 1), D(2019, 5, 31)),
    # a day, a passive clause
    ("The arrest of three militants in Kirkuk was announced by the ministry on Monday.",
     "Arrest", D(2019, 6, 10), D(2019, 6, 10)),
])
def test_an_event_claimed_or_reported_takes_the_date_of_the_claim(events_of, text, kind, start, end):
    found = [e for e in events_of(text) if e.kind == kind]
    assert found and found[0].when is not None
    assert (found[0].when.start, found[0].when.end) == (start, end)
    assert found[0].when.precision == "approximate" and "context.date.claim" in found[0].extractor


def test_an_undated_claim_leaves_the_event_to_the_publication(events_of):
    (event,) = [e for e in events_of("ISIS claimed an attack that killed two soldiers near Palmyra.")
                if e.kind == "Attack"]
    assert event.when is not None and event.when.start == PUBLISHED
    assert "context.date.claim" not in event.extractor
