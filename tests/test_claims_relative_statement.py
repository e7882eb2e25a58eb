"""A statement whose own relative clause says what it said: finding its issuer must not resolve
the relative pronoun back to the statement (it recursed without end). Sentences written here."""

from __future__ import annotations

import datetime as dt

import pytest

from isisgraph import nlp
from isisgraph.extract import extract
from isisgraph.records import Article

PUBLISHED = dt.date(2017, 6, 23)


@pytest.mark.parametrize("text", [
    "The Coalition released a statement on daily strikes given to reporters on Friday (June 23), "
    "which said coalition warplanes launched 30 air raids against ISIS in Syria on Thursday (June 22).",
    "The coalition sent out a statement on the strikes of the day provided to the press on Friday, "
    "which said its aircraft launched 28 raids in Iraq.",
])
def test_a_statement_that_says_what_it_said_is_read(text):
    pipeline = nlp.load_pipeline()
    doc = pipeline(nlp.article_doc(pipeline, text, PUBLISHED))
    found = extract(doc, Article(id="t", text=text, source="test", published=PUBLISHED))
    assert found.strike_reports
