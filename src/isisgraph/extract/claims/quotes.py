"""Quotations: the passages between double quotation marks, paired per paragraph.

Curly pairs and the straight double quote are quotation marks; single quotes are not: "’" is
far more often an apostrophe ("ISIS’ advance").
"""

from __future__ import annotations

from dataclasses import dataclass

from isisgraph.records import Span

OPEN_QUOTES = "\u201c\u00ab\u201e"
CLOSE_QUOTES = "\u201d\u00bb"
STRAIGHT_QUOTE = '"'
QUOTE_MARKS = OPEN_QUOTES + CLOSE_QUOTES + STRAIGHT_QUOTE
# two single closing marks typed for a double one: "“Air strikes have continued ...,’’ Vice Admiral
# Johnston said" (AAP, new set t_apdr); they close an open quotation, never open one
DOUBLED_CLOSERS = ("\u2019\u2019", "''")


@dataclass(frozen=True)
class Quote:
    """A quotation: ``outer`` includes the marks, ``inner`` the verbatim words inside them
    (surrounding spaces and the reporter's trailing comma removed)."""

    outer: Span
    inner: Span
    closed: bool = True


def find_quotes(text: str) -> list[Quote]:
    """Every double-quoted passage, paired per paragraph: “…”, "…" and mixed "…”.

    A quote left open at the end of a paragraph runs to the paragraph's end (the news
    convention for a quote continued in the next paragraph):
    “We will stay until the job is done.⏎ → the quote is the whole first line."""
    quotes: list[Quote] = []
    offset = 0
    for line in text.split("\n"):
        opened: int | None = None
        for i, ch in enumerate(line):
            doubled = line[i : i + 2] in DOUBLED_CLOSERS and opened is not None
            if ch in OPEN_QUOTES or (ch == STRAIGHT_QUOTE and opened is None):
                opened = i  # an unclosed earlier opener is abandoned
            elif (ch in CLOSE_QUOTES or ch == STRAIGHT_QUOTE or doubled) and opened is not None:
                quote = _make_quote(text, offset + opened, offset + i + (2 if doubled else 1), closed=True)
                if quote is not None:
                    quotes.append(quote)
                opened = None
        if opened is not None:
            end = offset + len(line.rstrip())
            quote = _make_quote(text, offset + opened, end, closed=False)
            if quote is not None:
                quotes.append(quote)
        offset += len(line) + 1
    return quotes


def _make_quote(text: str, start: int, end: int, closed: bool) -> Quote | None:
    inner_start, inner_end = start + 1, end - 1 if closed else end
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and (text[inner_end - 1].isspace() or text[inner_end - 1] == ","):
        inner_end -= 1
    if inner_end - inner_start < 2:
        return None
    return Quote(outer=Span(start, end), inner=Span(inner_start, inner_end), closed=closed)
