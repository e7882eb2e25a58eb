"""The date expressions of a spaCy span (the model's DATE entities and the patterns' matches,
resolved) and the one that dates an anchor word: the nearest, the same clause first."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from isisgraph.extract.dates.patterns import APPROXIMATE, KIND_PRECISION, Found, anaphoric, scan
from isisgraph.extract.dates.resolve import resolve_anaphor, resolve_match, resolve_when
from isisgraph.extract.shared import span_text, tokens_of
from isisgraph.extract.syntax.tree import clause_root
from isisgraph.records import Span as TextSpan
from isisgraph.records import When

_LEAD_WORD = re.compile(r"(?i:on|in|from|during|over|within|of)\s+")
_NOT_DATES = re.compile(r"(?i)^(?:the\s+)?(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?)$")


def _date_entities(span: Span) -> list[Span]:
    """The DATE entities lying wholly inside ``span``, read from its tokens (``Span.ents``
    walks every entity of the Doc, which made long articles quadratic)."""
    doc, out = span.doc, []
    start: int | None = None
    for tok in tokens_of(span):
        inside = tok.ent_type_ == "DATE" and tok.ent_iob_ == "I"
        if start is not None and not inside:
            out.append(doc[start:tok.i])
            start = None
        if tok.ent_type_ == "DATE" and tok.ent_iob_ == "B":
            start = tok.i
    if start is not None and (span.end >= len(doc) or doc[span.end].ent_iob_ != "I"):
        out.append(doc[start:span.end])
    return out


def _candidates(span: Span, published: dt.date | None) -> Iterator[When]:
    """Date expressions in a spaCy span: pattern matches, then DATE entities they miss."""
    base = span.start_char
    text = span_text(span)
    taken: list[tuple[int, int]] = []
    for f in scan(text):
        lead = _LEAD_WORD.match(text, f.start, f.end)
        start, end = base + (lead.end() if lead else f.start), base + f.end
        resolved = _from_reference(f, span, base, published) if anaphoric(f) else resolve_match(
            f, published)
        raw = text[start - base : end - base]  # not doc.text: it re-joins every token of the Doc
        taken.append((start, end))
        if resolved is None:
            if published is None:
                yield When(raw=raw, precision=KIND_PRECISION[f.kind], span=TextSpan(start, end))
            continue
        yield When(raw=raw, start=resolved[0], end=resolved[1], precision=resolved[2],
                   span=TextSpan(start, end))
    for ent in _date_entities(span):
        if any(not (ent.end_char <= s or ent.start_char >= e) for s, e in taken):
            continue
        if _NOT_DATES.match(ent.text):  # "three years", "the coming months": durations
            continue
        when = resolve_when(ent.text, published, TextSpan(ent.start_char, ent.end_char))
        if when.start is not None:
            yield when


def _from_reference(f: Found, span: Span, base: int,
                    published: dt.date | None) -> tuple[dt.date, dt.date, str] | None:
    """'In December 2016 ... in the preceding 12 months', 'on Friday ... a day earlier': an
    anaphoric expression counts from the last date written before it in its sentence (read
    whole, even when ``span`` is a clause of it: the date of a reporting clause counts); "the
    preceding N months" without one counts from publication, as "the previous day" does (the
    day before publication up to it); "a day earlier", "the next day" are left unread.
    Dev: the MoD's "In December 2016, it was reported ... in the preceding 12 months" (two
    articles)."""
    doc = span.doc
    at = doc.char_span(base + f.start, base + f.end, alignment_mode="expand")
    sentence = at[0].sent if at is not None and doc.has_annotation("SENT_START") else span
    before = span_text(sentence)[: max(0, base + f.start - sentence.start_char)]
    for earlier in reversed(scan(before)):
        if anaphoric(earlier):
            continue
        reference = resolve_match(earlier, published)
        if reference is not None:
            resolved = resolve_anaphor(f, reference, published)
            if resolved is not None:
                return resolved
            break
    if f.kind != "day_before":
        return resolve_match(f, published)
    if (f.match["dir3"] or "").lower() == "previous" and published is not None:
        # read as before, as "the past day": the day before publication up to it
        return published - dt.timedelta(days=1), published, APPROXIMATE
    return None


def find_dates(span: Span, published: dt.date | None) -> list[When]:
    """Every resolvable date expression in a spaCy span (or Doc), in text order. Without a
    publication date, relative ones are returned unresolved (raw kept)."""
    if not isinstance(span, Span):
        span = span[:]
    return sorted(_candidates(span, published), key=lambda w: w.span.start if w.span else 0)


def find_when(
    doc_span: Span, published: dt.date | None, anchor: Token | None = None
) -> When | None:
    """The date expression of ``doc_span`` (a sentence or clause) that dates ``anchor``: the
    nearest one in the same clause, else the nearest in the span. Without an anchor, the
    first. None when the span has no date expression."""
    dates = find_dates(doc_span, published)
    if not dates:
        return None
    if anchor is None:
        return dates[0]
    doc = doc_span.doc
    anchor_clause = clause_root(anchor)

    def rank(when: When) -> tuple[int, int]:
        assert when.span is not None
        date_span = doc.char_span(when.span.start, when.span.end, alignment_mode="expand")
        same_clause = date_span is not None and any(
            clause_root(tok) == anchor_clause for tok in date_span
        )
        if anchor.idx < when.span.start:
            distance = when.span.start - (anchor.idx + len(anchor))
        else:
            distance = anchor.idx - when.span.end
        return (0 if same_clause else 1, max(distance, 0))

    return min(dates, key=rank)
