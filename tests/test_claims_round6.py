"""Claims of round 6 of the real-news work (recall on outlets that relay other outlets and
sources). Our own sentences, written in the genre; each rule's docstring names the
development articles it was seen in."""

from __future__ import annotations

import datetime as dt

import pytest

from isisgraph.extract.claims import extract_claims
from isisgraph.nlp import article_doc
from isisgraph.records import Article


def read(pipeline, ref, text, published=dt.date(2017, 6, 23)):  # noqa: ANN001, ANN201 (spaCy Language, Reference)
    """The claims of ``text`` parsed as the build parses an article."""
    article = Article(id="t", text=text, source="test", published=published)
    return extract_claims(pipeline(article_doc(pipeline, text, published)), article, ref)


def speakers(claims) -> list[str]:  # noqa: ANN001 (records.Claim)
    return [c.claimant.rsplit("/", 1)[-1] for c in claims if c.claimant]


# ---------------------------------------------------------------- "a statement ..., which said": no loop


@pytest.mark.parametrize("text", [
    "Later the ministry published a statement, which said the jets hit four hideouts in the desert.",
    "A report, which stated that four hideouts were destroyed, was read on state television.",
    "Iraq's Defence Ministry gave out a statement, which reported that its F-16s had bombed a cave "
    "near Mount Hamrin.",
])
def test_a_document_whose_relative_clause_speaks_is_read_without_looping(pipeline, ref, text):
    # the relative pronoun is the document itself: it names no issuer, and must not send the
    # reading of the issuer back to the document (it recursed until Python stopped it)
    claims, _ = read(pipeline, ref, text)
    assert all(c.span.start >= 0 for c in claims)
