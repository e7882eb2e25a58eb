"""Reading the claims of a short text of our own, for the claims tests of the real-news
rounds (the ``pipeline`` and ``ref`` fixtures are in conftest.py)."""

from __future__ import annotations

import datetime as dt

from isisgraph.extract.claims import extract_claims
from isisgraph.records import Article


def read(pipeline, ref, text, published=dt.date(2016, 5, 14)):  # noqa: ANN001, ANN201 (spaCy Language, Reference)
    """The claims (and their attributions) extracted from ``text``, published on ``published``."""
    article = Article(id="t", text=text, source="test", published=published)
    return extract_claims(pipeline(text), article, ref)
