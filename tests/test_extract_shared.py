"""What the extractors share per Doc while ``extract`` runs (isisgraph.extract.shared)."""

from __future__ import annotations

import spacy

from isisgraph.extract.shared import once_per_doc, sharing, span_text, tokens_of


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
