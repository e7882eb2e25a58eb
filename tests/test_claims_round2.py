"""Claims on unseen phrasing (round 2 of the real-news work): short texts written in the
genre, read by the real model, for rules whose examples come from at least two articles of
the development set (named in each rule's docstring)."""

from __future__ import annotations

import datetime as dt

import pytest

from isisgraph import nlp as isisnlp
from isisgraph import reference
from isisgraph.extract.claims import extract_claims
from isisgraph.namespaces import ID
from isisgraph.records import Article

ACTOR = str(ID) + "actor/"
PERSON = str(ID) + "person/"


@pytest.fixture(scope="module")
def pipeline():
    return isisnlp.load_pipeline()


@pytest.fixture(scope="module")
def ref():
    return reference.load()


def read(pipeline, ref, text, published=dt.date(2016, 5, 14)):
    article = Article(id="t", text=text, source="test", published=published)
    return extract_claims(pipeline(text), article, ref)


def test_surname_of_a_person_named_in_full_who_had_not_spoken(pipeline, ref):
    text = (
        "The figures were given on Monday in a briefing by Brig. Gen. Matthew Harrow, the task "
        "force commander.\n\n"
        "The jets struck two mortar teams west of Ramadi, Harrow said.\n\n"
        "\u201cThe enemy is losing ground every week,\u201d Harrow said."
    )
    claims, persons = read(pipeline, ref, text)
    assert [c.claimant for c in claims] == [PERSON + "matthew-harrow"] * 2
    assert [p.name for p in persons] == ["Matthew Harrow"]
