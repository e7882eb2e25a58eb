"""The lead's date and the headline's days (``dates.lead``): what dates a fact whose own
clause gives no date, before the publication day does. Dev examples: a Turkish General Staff
release retold by a Gulf outlet (later lines undated after a lead "over the last 24 hours"),
a wire's and a US-funded outlet's daily strike stories (a present-tense headline whose count
the lead dates). The sentences here are our own."""

from __future__ import annotations

import datetime as dt

from isisgraph.extract import extract
from isisgraph.extract.dates.lead import headline_window, lead_bounds, lead_when
from isisgraph.records import Article

D = dt.date


def test_an_undated_event_takes_the_lead_s_date(pipeline, ref) -> None:
    text = ("Peshmerga repel attack near Makhmour\n\n"
            "ERBIL - Peshmerga forces repelled an ISIS attack near Makhmour on Sunday night, "
            "a commander told reporters.\n\n"
            "Peshmerga forces also arrested three ISIS suspects in Kirkuk.")
    article = Article(id="t", text=text, source="test", published=D(2018, 7, 2))
    events = extract(pipeline(text), article, ref).events
    arrest = next(e for e in events if e.kind == "Arrest")
    assert arrest.when is not None and (arrest.when.start, arrest.when.basis) == (
        D(2018, 7, 1), "context")
    assert "context.date.lead" in arrest.extractor


# ------------------------------------------------------------------ the lead itself


def test_the_lead_is_the_paragraph_the_dateline_opens(pipeline) -> None:
    text = ("Strikes hit ISIS\n\nA second day of raids.\n\n"
            "MOSUL, Iraq (AP) - Jets struck ISIS on Friday.\n\nMore later.")
    doc = pipeline(text)
    start, end = lead_bounds(doc) or (0, 0)
    assert text[start:end].startswith("MOSUL")
    when = lead_when(doc, D(2017, 1, 8))
    assert when is not None and when.start == D(2017, 1, 6) and when.raw == "Friday"


def test_an_old_date_in_the_lead_dates_nothing(pipeline) -> None:
    doc = pipeline("Jets strike ISIS\n\nJets have struck ISIS since June 2014, officials say.")
    assert lead_when(doc, D(2017, 1, 8)) is None
    assert lead_when(doc, None) is None


def test_the_headline_window() -> None:
    window = headline_window(D(2016, 5, 1))
    assert (window.start, window.end, window.precision) == (D(2016, 4, 30), D(2016, 5, 1),
                                                             "approximate")
