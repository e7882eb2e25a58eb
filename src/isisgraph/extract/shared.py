"""What the extractors compute from a Doc and share while ``extract`` reads it.

Several extractors need the same things about an article (its sentence units, the claims its
sentences report, the dates of a sentence): ``extract`` opens ``sharing(doc)`` and, inside,
``once_per_doc(doc, key, compute)`` computes each of them once. Outside that block (an
extractor called on its own, as the tests do) every call computes afresh, so a Doc changed
between calls never sees a stale value. Shared values are read, never changed, by their users.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from operator import attrgetter
from typing import Any, Generic, TypeVar

from spacy.tokens import Doc, Span, Token

T = TypeVar("T")

# id(doc) -> (the Doc, its shared values); the Doc is kept to check that the id is still its
_SHARED: dict[int, tuple[Doc, dict[Hashable, Any]]] = {}


@contextmanager
def sharing(doc: Doc) -> Iterator[None]:
    """Keep and share the per-doc values computed for ``doc`` until the block ends."""
    _SHARED[id(doc)] = (doc, {})
    try:
        yield
    finally:
        _SHARED.pop(id(doc), None)


def is_shared(doc: Doc) -> bool:
    """Whether ``doc`` is being shared: inside its ``sharing`` block."""
    entry = _SHARED.get(id(doc))
    return entry is not None and entry[0] is doc


def once_per_doc(doc: Doc, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, computed once per ``key`` while ``doc`` is being shared."""
    entry = _SHARED.get(id(doc))
    if entry is None or entry[0] is not doc:
        return compute()
    values = entry[1]
    if key not in values:
        values[key] = compute()
    return values[key]  # type: ignore[no-any-return]


# spaCy rebuilds these from the tokens on every access; every extractor reads them.


def text_of(doc: Doc) -> str:
    """``doc.text``, which joins every token of the Doc."""
    return once_per_doc(doc, "text", lambda: doc.text)


def sentences(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, which walks every token of the Doc."""
    return once_per_doc(doc, "sentences", lambda: list(doc.sents))


def entities(doc: Doc) -> list[Span]:
    """``list(doc.ents)``."""
    return once_per_doc(doc, "entities", lambda: list(doc.ents))


def tokens_of(span: Span | Doc) -> list[Token]:
    """The tokens of a span or Doc, as a new list. spaCy makes a new Token object each time a
    Span or Doc is iterated or indexed; while the Doc is shared they are made once."""
    doc = span.doc if isinstance(span, Span) else span
    entry = _SHARED.get(id(doc))
    if entry is None or entry[0] is not doc:
        return list(span)
    tokens = entry[1].get(tokens_of)
    if tokens is None:
        tokens = entry[1][tokens_of] = list(doc)
    return tokens[span.start : span.end] if isinstance(span, Span) else tokens[:]


def span_text(span: Span) -> str:
    """``span.text``, cut from the Doc's text while the Doc is shared (``Span.text`` joins the
    span's tokens, making each of them)."""
    entry = _SHARED.get(id(span.doc))
    if entry is None or entry[0] is not span.doc or len(span) == 0:
        return span.text
    return text_of(span.doc)[span.start_char : span.end_char]


R = TypeVar("R")


class SpanIndex(Generic[R]):
    """Records with character spans (events, reports, claims), sorted by where their spans
    start, so that the records inside or around a span are found without reading them all.
    Answers keep the order the records were given in."""

    def __init__(self, records: Sequence[R], span_of: Callable[[R], Any] = attrgetter("span")) -> None:
        self.records = records
        self.spans = [span_of(record) for record in records]
        self.by_start = sorted(range(len(records)), key=lambda n: self.spans[n].start)
        self.starts = [self.spans[n].start for n in self.by_start]
        self.longest = max((span.end - span.start for span in self.spans), default=0)

    def inside(self, start: int, end: int) -> list[R]:
        """The records whose spans lie in ``start`` to ``end``."""
        first = bisect_left(self.starts, start)
        last = bisect_left(self.starts, end, lo=first)
        return self._in_order(n for n in self.by_start[first:last] if self.spans[n].end <= end)

    def touching(self, start: int, end: int) -> list[R]:
        """The records whose spans overlap or touch ``start`` to ``end``."""
        first = bisect_left(self.starts, start - self.longest)
        last = bisect_right(self.starts, end, lo=first)
        return self._in_order(n for n in self.by_start[first:last] if self.spans[n].end >= start)

    def _in_order(self, positions: Iterable[int]) -> list[R]:
        return [self.records[n] for n in sorted(positions)]
