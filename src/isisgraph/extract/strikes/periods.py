"""When strikes were: the date expression of a clause nearest its anchor.

``dates.find_dates`` over the clause (its excluded parts never count: a relative clause, a
comparison, a clause dating another event, the reporting clause, the dateline). Relative dates
count from the day of the reporting clause when it names one ("the ministry said on Friday that
its aircraft flew 45 sorties over the past 24 hours"), else from publication; "since the
campaign began in 2014", "since the start of the operation on Sept. 30" run up to that day.
When only the reporting clause is dated ("..., the Security Media Cell said on Sunday"), the
strikes are placed on the day before that report up to it, precision approximate."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.extract.dates import find_dates
from isisgraph.extract.strikes.clauses import excluded
from isisgraph.extract.strikes.document import Document, Draft
from isisgraph.extract.syntax.speech import reporting_tokens, speech_frame
from isisgraph.records import When

# How many days before a statement the strikes it reports without a date of their own began:
# the day before (a daily statement's "past 24 hours"); a week back put a statement of the
# first days of a month into the month before.
REPORT_DAYS_BEFORE = 1


def when_in(tokens: list[Token], anchor: Token, d: Document,
            reference: dt.date | None = None) -> When | None:
    """The date expression of a clause nearest the anchor; dates in excluded parts are not
    in ``tokens`` and so are never taken. Relative expressions count from ``reference``
    (by default the day the clause was reported, else the publication date)."""
    ids = {t.i for t in tokens} - d.dateline
    if not ids:
        return None
    doc = d.doc
    lo, hi = min(ids), max(ids) + 1
    if reference is None:
        reference = reference_date(anchor, d)
    dates = []
    for when in find_dates(doc[lo:hi], reference):
        if when.span is None:
            continue
        span = doc.char_span(when.span.start, when.span.end, alignment_mode="expand")
        if span is None or not all(t.i in ids for t in span):
            continue
        if first_since(anchor) and under_since(span):
            continue  # "its first air strikes since September 2019": the gap before them
        dates.append(when)
    if not dates:
        return None

    def distance(when: When) -> int:
        assert when.span is not None
        if anchor.idx < when.span.start:
            return when.span.start - anchor.idx
        return max(0, anchor.idx - when.span.end)

    best = min(dates, key=distance)
    return since_clause(best, d, reference)


def first_since(anchor: Token) -> bool:
    """'its first air strikes ... since September 2019': strikes that end a gap, whose 'since'
    date is when the gap began, not when they were."""
    return any(c.dep_ in ("amod", "compound") and c.lower_ == "first" for c in anchor.children)


def under_since(span: DocSpan) -> bool:
    """Whether a date phrase is the object of 'since' (a preposition or a subordinator), or
    begins with it."""
    if span[0].lower_ == "since":
        return True
    for anc in span.root.ancestors:
        marks = [c.lower_ for c in anc.children if c.dep_ == "mark"]
        if (anc.dep_ == "advcl" and "since" in marks) or anc.lower_ == "since":
            return True
        if anc.dep_ in ("ROOT", "ccomp") or anc.pos_ in ("VERB", "AUX"):
            return False
    return False


def since_clause(when: When, d: Document, until: dt.date | None) -> When:
    """'Since the campaign began in August 2014, ...', 'since the start of the operation on
    Sept. 30': the strikes run from that date up to the report (or publication)."""
    if when.span is None or when.start is None or until is None:
        return when
    span = d.doc.char_span(when.span.start, when.span.end, alignment_mode="expand")
    if span is None:
        return when
    for anc in span.root.ancestors:
        marks = [c.lower_ for c in anc.children if c.dep_ == "mark"]
        since = (anc.dep_ == "advcl" and "since" in marks) or (
            anc.lower_ == "since" and anc.dep_ == "prep")
        if since:
            if when.start <= until:
                return replace(when, end=max(when.end or until, until))
            break
        if anc.dep_ in ("ROOT", "ccomp") or anc.pos_ in ("VERB", "AUX"):
            break
    return when


def speech_clause(anchor: Token, unit: DocSpan) -> tuple[Token, list[Token]] | None:
    """The verb of the reporting clause that ``anchor``'s clause is the content of ("...,
    the ministry said on Sunday"), and that clause's own tokens."""
    frame = speech_frame(anchor)
    if frame is None:
        return None
    return frame.verb, [t for t in reporting_tokens(frame, unit) if not excluded(t, frame.verb)]


def report_date(anchor: Token, unit: DocSpan, d: Document) -> When | None:
    """The date of the reporting clause, resolved against publication."""
    found = speech_clause(anchor, unit)
    if found is None:
        return None
    speech, tokens = found
    said = when_in(tokens, speech, d, reference=d.published)
    if said is None or said.start is None or said.end is None:
        return None
    return said


def reference_date(anchor: Token, d: Document) -> dt.date | None:
    """What relative dates of a reported clause count from: the day the report was made when
    the reporting clause names one ("the ministry said on Friday that its aircraft carried
    out 45 sorties over the past 24 hours"), else the publication date."""
    unit = d.units[d.unit_of[anchor.i]] if anchor.i in d.unit_of else None
    said = report_date(anchor, unit, d) if unit is not None else None
    if said is not None and said.start == said.end and d.published is not None and (
        said.start is not None and said.start <= d.published
    ):
        return said.start
    return d.published


def reporting_window(anchor: Token, unit: DocSpan, d: Document) -> When | None:
    """'..., the Security Media Cell said in a statement on Sunday': when the strike clause has
    no date but the clause reporting it has one, the strikes happened on the day before that
    report or on its day (precision approximate), as statements report the last day's strikes
    (dev: the Security Media Cell's "on Saturday" for a strike of the Friday, Kurdish
    officials' "on May 1" for strikes of April 30 and May 1, the Russian ministry's "on
    Saturday" for the past 24 hours). A report dated by a period, not a day, tells strikes
    inside it (dev: Stars and Stripes 2020's "Late last month, Syrian forces said that a
    coalition strike ... killed", whose day before put the strike into April; TRT 2016's
    killings since an operation "launched 129 days ago"). The raw text stays the report's
    date as written."""
    said = report_date(anchor, unit, d)
    if said is None or said.start is None:
        return None
    if said.end is not None and said.end > said.start:
        # "Late last month, officials said that a strike killed ...": a report dated by a
        # period, not a day, tells strikes inside that period
        return replace(said, precision="approximate")
    return replace(said, start=said.start - dt.timedelta(days=REPORT_DAYS_BEFORE),
                   precision="approximate")


def date_draft(draft: Draft, when: When | None, anchor: Token, unit: DocSpan, d: Document) -> None:
    """Date ``draft`` by its clause's date ``when``, else by the reporting window
    (``reporting_window``); neither leaves it undated."""
    if when is not None:
        draft.when, draft.when_source = when, "clause"
        return
    window = reporting_window(anchor, unit, d)
    if window is not None:
        draft.when, draft.when_source = window, "report"
