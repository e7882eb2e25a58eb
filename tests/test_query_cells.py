"""Oxigraph's result cells converted to Python directly (query.oxigraph_value) give what the
conversion through rdflib's terms gives (query.python_value of store.to_rdflib), value and type."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pyoxigraph as ox
import pytest

from isisgraph.query import oxigraph_value, python_value
from isisgraph.store import to_rdflib

XSD = "http://www.w3.org/2001/XMLSchema#"


def typed(value: str, kind: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(XSD + kind))


CELLS = [
    (ox.NamedNode("https://w3id.org/isisgraph/id/place/iraq"), "https://w3id.org/isisgraph/id/place/iraq"),
    (ox.Literal("Mosul"), "Mosul"),
    (ox.Literal("Mossoul", language="fr"), "Mossoul"),
    (typed("12", "integer"), 12),
    (typed("-3", "integer"), -3),
    (typed("007", "integer"), 7),  # not canonical: read as rdflib reads it
    (typed("2017-03-01", "date"), dt.date(2017, 3, 1)),
    (typed("2017-02-30", "date"), "2017-02-30"),  # no such day: rdflib keeps the text
    (typed("2.50", "decimal"), Decimal("2.50")),
    (typed("true", "boolean"), True),
    (typed("https://example.org/a", "anyURI"), "https://example.org/a"),
    (None, None),
]


@pytest.mark.parametrize(("term", "expected"), CELLS)
def test_a_cell_is_what_the_rdflib_path_gives(term, expected):
    direct, through_rdflib = oxigraph_value(term), python_value(to_rdflib(term))
    assert direct == through_rdflib == expected
    assert type(direct) is type(through_rdflib) is type(expected)
