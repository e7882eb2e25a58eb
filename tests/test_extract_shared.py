"""What the extractors share per Doc while ``extract`` runs (isisgraph.extract.shared)."""

from __future__ import annotations

import spacy
from hypothesis import given
from hypothesis import strategies as st

from isisgraph.extract.shared import SpanIndex, once_per_doc, sharing, span_text, tokens_of
from isisgraph.records import Span


def _doc(text: str = "The coalition conducted 12 strikes in Syria. Two more hit Iraq."):  # noqa: ANN202
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp(text)


def test_a_value_is_computed_once_while_the_doc_is_shared_and_afresh_outside() -> None:
    doc, calls = _doc(), []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert once_per_doc(doc, "k", compute) == 1
    assert once_per_doc(doc, "k", compute) == 2  # not shared: computed again
    with sharing(doc):
        assert once_per_doc(doc, "k", compute) == 3
        assert once_per_doc(doc, "k", compute) == 3
        assert once_per_doc(doc, "other", compute) == 4
        assert once_per_doc(_doc(), "k", compute) == 5  # another Doc shares nothing
    assert once_per_doc(doc, "k", compute) == 6  # the block ended: nothing kept


def test_tokens_of_a_span_are_its_tokens_shared_or_not() -> None:
    doc = _doc()
    spans = [doc[:], doc[2:5], doc[4:4], *doc.sents]
    expected = [[(t.i, t.text) for t in span] for span in spans]
    assert [[(t.i, t.text) for t in tokens_of(span)] for span in spans] == expected
    with sharing(doc):
        assert [[(t.i, t.text) for t in tokens_of(span)] for span in spans] == expected
        assert [t.i for t in tokens_of(doc)] == list(range(len(doc)))
        tokens_of(doc).clear()  # a caller's list is its own
        assert len(tokens_of(doc)) == len(doc)


def test_span_text_is_the_span_text_shared_or_not() -> None:
    doc = _doc("Strikes  hit\nRaqqa on Monday .  Two more hit Iraq ")
    spans = [doc[:], doc[1:4], doc[3:3], doc[len(doc) - 2 :], *doc.sents]
    expected = [span.text for span in spans]
    assert [span_text(span) for span in spans] == expected
    with sharing(doc):
        assert [span_text(span) for span in spans] == expected


_spans = st.tuples(st.integers(0, 60), st.integers(1, 30)).map(lambda p: Span(p[0], p[0] + p[1]))


class _Record:
    def __init__(self, span: Span) -> None:
        self.span = span


@given(st.lists(_spans, max_size=25), _spans)
def test_span_index_finds_what_reading_every_record_finds_in_the_given_order(spans: list[Span], query: Span) -> None:
    records = [_Record(span) for span in spans]  # overlapping, nested and unsorted spans
    index = SpanIndex(records)
    inside = [r for r in records if query.start <= r.span.start and r.span.end <= query.end]
    touching = [r for r in records if r.span.start <= query.end and r.span.end >= query.start]
    assert index.inside(query.start, query.end) == inside
    assert index.touching(query.start, query.end) == touching


def test_span_index_of_no_records_finds_nothing() -> None:
    assert SpanIndex([]).inside(0, 10) == []
    assert SpanIndex([]).touching(0, 10) == []
