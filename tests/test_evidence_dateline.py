"""Rule ``units.evidence-dateline``: the evidence of a strike report, an event and a claim
never quotes the dateline that opens its line ("Shafaq News/ On Saturday, ISIS members
targeted ...", Shafaq News 2022 and 2025 in the development set): the three readers trim it
through one function, ``syntax.units.without_dateline``. Short articles written here, through
the project's NLP pipeline and the whole extractor."""

from __future__ import annotations

import datetime as dt

import pytest

PUBLISHED = dt.date(2021, 6, 16)  # a Wednesday

DATELINED = [
    "Rudaw News/ On Monday, ISIS militants attacked a Peshmerga post near Makhmour, "
    "a police source said.",
    "Alsumaria News / ISIS gunmen stormed an army checkpoint near Tarmiyah on Sunday, "
    "the Security Media Cell said.",
]


@pytest.fixture(scope="module")
def extraction(pipeline, ref):  # type: ignore[no-untyped-def]
    from isisgraph.extract import extract
    from isisgraph.nlp import article_doc
    from isisgraph.records import Article

    def run(text: str):  # type: ignore[no-untyped-def]
        doc = pipeline(article_doc(pipeline, text, PUBLISHED))
        return extract(doc, Article(id="t", text=text, source="test", published=PUBLISHED), ref)

    return run


def quoted(text: str, spans) -> list[str]:  # type: ignore[no-untyped-def]
    return [text[s.start: s.end] for s in spans]


def test_event_and_claim_evidence_leave_the_dateline_out(extraction) -> None:  # type: ignore[no-untyped-def]
    for text in DATELINED:
        outlet = text.split("/")[0]
        found = extraction(text)
        events = quoted(text, [e.span for e in found.events])
        claims = quoted(text, [c.span for c in found.claims])
        assert events and claims, (text, events, claims)
        assert not any(q.startswith(outlet.split()[0]) or "/" in q for q in events + claims), \
            (text, events, claims)


def test_strike_evidence_leaves_the_dateline_out(extraction) -> None:  # type: ignore[no-untyped-def]
    text = "Rudaw News/ Iraqi F-16 jets struck two ISIS hideouts in the Hamrin mountains on Monday."
    reports = quoted(text, [r.span for r in extraction(text).strike_reports])
    assert reports and all(q.startswith("Iraqi F-16") for q in reports), reports


def test_evidence_without_a_dateline_keeps_its_first_words(extraction) -> None:  # type: ignore[no-untyped-def]
    # a slash inside a word opening the line ("ISIS/Daesh") makes no dateline
    text = "ISIS/Daesh militants attacked a Peshmerga post near Makhmour on Monday."
    events = quoted(text, [e.span for e in extraction(text).events])
    assert events and all(q.startswith("ISIS/Daesh militants attacked") for q in events), events
