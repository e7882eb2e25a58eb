"""Round 8b: an outlet's name before a slash opening a line ("Shafaq News/ On Saturday, ...",
``units.slash-dateline``) is the dispatch's dateline: no subject of the verb after it
(``syntax.tree.dateline-subject``) and no striking force, whatever the parse hangs it on.
Short articles written here, through the project's NLP pipeline and the whole extractor."""

from __future__ import annotations

import datetime as dt

PUBLISHED = dt.date(2021, 6, 16)  # a Wednesday

ID = "https://w3id.org/isisgraph/id/"

OUTLET_STRIKES = [
    "Shafaq News/ Iraqi F-16 jets struck two ISIS hideouts in the Hamrin mountains on Monday, "
    "the Security Media Cell said.",
    "Shafaq News/ On Monday, Iraqi F-16 jets bombed ISIS hideouts in the Hamrin mountains.",
    "Shafaq News / Iraqi warplanes pounded an ISIS cave in the Hamrin mountains on Tuesday.",
]


def test_an_outlet_dateline_strikes_nothing(reports_of):
    for text in OUTLET_STRIKES:
        reports = reports_of(text)
        assert reports, text
        assert all(r.perpetrators == [ID + "actor/iraqi-air-force"] for r in reports), \
            (text, [r.perpetrators for r in reports])


def test_a_dateline_outlet_is_no_attacker(article_events):
    events = [e for e in article_events(
        "Shafaq News/ On Monday, ISIS militants attacked a Peshmerga post near Makhmour.") if e.kind == "Attack"]
    assert len(events) == 1 and events[0].perpetrators == [ID + "actor/isis"], \
        [(e.kind, e.perpetrators) for e in events]


def test_two_forces_that_struck_are_both_kept(reports_of):
    # no slash dateline: two forces named in the subject both struck
    reports = reports_of("Iraqi and US jets struck ISIS hideouts in the Hamrin mountains on Monday.")
    assert {p for r in reports for p in r.perpetrators} >= {ID + "actor/iraqi-air-force", ID + "actor/us-air-force"}, \
        [r.perpetrators for r in reports]
