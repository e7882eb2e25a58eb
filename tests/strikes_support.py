"""Shared by the strike rule tests (tests/test_strikes_*.py): the reports of a hand-built parse
(tests/parses.py), so that each rule is tested on exactly the parse it was written for."""

from __future__ import annotations

import datetime as dt
from functools import cache

from parses import parse

from isisgraph import reference
from isisgraph.extract.strikes import extract_strike_reports
from isisgraph.namespaces import ID
from isisgraph.records import Article, StrikeReport


@cache
def ref() -> reference.Reference:
    return reference.load()


def reports(table: str, published: dt.date | None) -> list[StrikeReport]:
    """The strike reports of the text the table parses, published on ``published``."""
    doc = parse(table)
    article = Article(id="t", text=doc.text, source="test", published=published)
    return extract_strike_reports(doc, article, ref())


def rules(table: str, published: dt.date | None) -> list[str]:
    """The ig:extractor value of each report: the finding rule and the steps that changed it."""
    return [r.extractor for r in reports(table, published)]


def actor(slug: str) -> str:
    return str(ID[f"actor/{slug}"])


def place(slug: str) -> str:
    return str(ID[f"place/{slug}"])
