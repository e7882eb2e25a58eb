"""Round 8b of the shared count reader (``syntax.counting.a-is-one``): the article of a noun
of quantity ("a number of", "a handful of", "a total of 12") counts no one, through the
project's NLP pipeline and the whole extractor, on short articles written here."""

from __future__ import annotations

import datetime as dt

PUBLISHED = dt.date(2021, 6, 16)  # a Wednesday


def _of(events, kind):
    return [e for e in events if e.kind == kind]


def test_a_total_of_is_its_number(article_events):
    events = article_events("Iraqi security forces killed a total of 14 ISIS militants in Anbar on Monday.")
    assert [e.killed_count for e in _of(events, "Killing")] == [14], [(e.kind, e.extractor) for e in events]


def test_a_handful_and_a_number_count_no_one(article_events):
    for text in ("Kurdish security forces arrested a handful of ISIS suspects in Hasakah on Sunday.",
                 "The army killed a number of Daesh terrorists near Tarmiyah on Tuesday."):
        events = article_events(text)
        found = _of(events, "Arrest") + _of(events, "Killing")
        assert len(found) == 1, (text, [(e.kind, e.extractor) for e in events])
        assert found[0].killed_count is None and found[0].arrested_count is None, text


def test_a_single_person_is_still_one(article_events):
    events = article_events("Iraqi forces arrested an ISIS official in Kirkuk on Sunday.")
    assert [e.arrested_count for e in _of(events, "Arrest")] == [1], [(e.kind, e.extractor) for e in events]


def test_a_strike_that_killed_a_member_of_a_group_killed_one(reports_of):
    # the strike reader's killed_by: "a member of ISIS" is one (it refused any noun with "of"),
    # "a number of fighters" still counts no one
    one = reports_of("Coalition jets killed a senior member of ISIS in a strike near Raqqa on Monday.")
    assert [r.killed_count for r in one] == [1], [(r.killed_count, r.extractor) for r in one]
    some = reports_of("Coalition jets killed a number of ISIS fighters in a strike near Raqqa on Monday.")
    assert [r.killed_count for r in some] == [None], [(r.killed_count, r.extractor) for r in some]
