"""--limit/--offset written into the query's text: the engine stops after the page, and the
page is the same rows as cutting the whole answer."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Dataset
from test_derive_months import hand_made

from isisgraph.query import find_query, stream_query, with_slice

TEXT = "SELECT ?s WHERE { ?s ?p ?o }  # a comment\nORDER BY ?s\n"


def test_the_page_is_written_after_the_solution_modifiers():
    assert with_slice(TEXT, 2, 1).endswith("ORDER BY ?s\nLIMIT 2 OFFSET 1")
    assert with_slice(TEXT, None, 3).endswith("\nOFFSET 3")
    assert with_slice(TEXT, None, 0) == TEXT
    # a query with its own LIMIT, OFFSET or trailing VALUES is cut after the engine instead
    assert with_slice(TEXT + "LIMIT 5", 2, 0) is None
    assert with_slice("SELECT ?s WHERE { ?s ?p ?o } VALUES ?s { <urn:x> }", 1, 0) is None


def sources() -> list[Dataset | ox.Store]:
    dataset = hand_made()
    store = ox.Store()
    store.load(dataset.serialize(format="trig").encode("utf-8"), format=ox.RdfFormat.TRIG)
    return [dataset, store]


@pytest.mark.parametrize("limit, offset", [(1, 0), (2, 1), (None, 2), (0, 0), (5, 4)])
def test_a_page_is_the_same_rows_as_the_cut_answer(limit, offset):
    saved = find_query("events-timeline")  # ordered: two events, the undated one last
    for source in sources():
        whole = list(stream_query(saved, source).rows)
        assert len(whole) == 2
        page = list(stream_query(saved, source, limit=limit, offset=offset).rows)
        assert page == whole[offset:None if limit is None else offset + limit]
