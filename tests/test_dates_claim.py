"""Rule ``context.date.claim``: an event named by the object of a verb of claiming or
reporting happened on or before the date of that clause (dev: "In August, ISIS claimed an
attack that killed ..." (AFP, 2020)). Rules ``context.date.hedge`` and
``events.places.hedge``: an event named in a free relative that hedges it ("launched what
officials said was a chemical attack", RFE/RL 2016; "carried out what the Pentagon said was a
raid", CS Monitor 2022) has the date and place of the clause around the hedge. The sentences
are our own."""

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


@pytest.mark.parametrize(("text", "kind", "start", "end"), [
    ("Last month, militants launched what residents said was an attack on a shrine near Samarra.",
     "Attack", D(2019, 5, 1), D(2019, 5, 31)),
    ("In March, ISIS fighters used the village to launch what officials believed was a gas attack on "
     "the town of Bashiqa.", "Attack", D(2019, 3, 1), D(2019, 3, 31)),
])
def test_a_hedged_event_takes_the_date_of_the_clause_around_the_hedge(events_of, text, kind, start, end):
    found = [e for e in events_of(text) if e.kind == kind]
    assert found and found[0].when is not None
    assert (found[0].when.start, found[0].when.end) == (start, end)


def test_a_hedged_event_without_a_date_around_it_keeps_the_publication(events_of):
    (event,) = [e for e in events_of("Militants launched what residents said was an attack on a shrine "
                                     "near Samarra.") if e.kind == "Attack"]
    assert event.when is not None and event.when.start == PUBLISHED


def test_a_hedged_event_has_the_place_the_hedge_names(events_of):
    (event,) = [e for e in events_of("On Tuesday, soldiers killed three people in what the army said was "
                                     "a raid on a hideout near Hawija.") if e.kind == "Killing"]
    assert [iri.rsplit("/", 1)[1] for iri in event.locations] == ["hawija"]


def test_a_place_reported_in_another_clause_is_not_the_events(events_of):
    # a complement with no "what" is reported speech of its own
    found = [e for e in events_of("Soldiers killed three people on Tuesday, and officials said later "
                                  "that the militants had fled to Hawija.") if e.kind == "Killing"]
    assert found and "hawija" not in [iri.rsplit("/", 1)[1] for iri in found[0].locations]


# ---------------------------------------------------------------- events.dates.back-reference


@pytest.mark.parametrize(("text", "kind", "start", "end"), [
    # the year of the operations the sentence refers back to, not the day the command spoke
    ("Throughout 2018, the command and its partners conducted 250 operations against the group in Syria, "
     "the command said on Thursday. During these operations 115 suspects were detained.",
     "Arrest", D(2018, 1, 1), D(2018, 12, 31)),
    ("Security forces conducted several operations in Anbar in April, officials said on Friday. In these "
     "operations, 12 militants were killed.", "Killing", D(2019, 4, 1), D(2019, 4, 30)),
])
def test_an_event_of_these_operations_takes_their_date(events_of, text, kind, start, end):
    found = [e for e in events_of(text) if e.kind == kind]
    assert found and found[0].when is not None
    assert (found[0].when.start, found[0].when.end) == (start, end)


def test_an_event_with_no_back_reference_keeps_its_own_date(events_of):
    text = "The army carried out raids near Hawija in March. Three soldiers were killed in an ambush near Tikrit."
    found = [e for e in events_of(text) if e.kind in ("Ambush", "Killing", "Attack")]
    assert found and all(e.when is not None and e.when.start == PUBLISHED for e in found)
