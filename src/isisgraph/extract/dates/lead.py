"""The date of an article's lead, and the days a present-tense headline reports.

News tells the day's event in its lead (the paragraph the dateline opens, else the first
paragraph after the title) and leaves later sentences about the same operation undated: "The
Turkish Armed Forces also hit 163 targets, said a statement" after a lead that dated the
operation "over the last 24 hours, the military said Wednesday"; "Turkish jets destroyed 21
buildings" in the same release. Such a fact is nearer the lead's date than the publication
day (the two differ when the article appeared on the first days of a month). A headline in
the present tense ("U.S.-led forces launch 16 air strikes", "X strikes kill 20") reports the
days just before publication.

Rules
-----
``lead_when`` (``*.period-from-lead`` / ``context.date.lead``)
    The first date of the lead that ends in the week up to publication and spans at most two
    weeks, kept as written with precision approximate (it is inferred), basis ``context``. A
    lead with no such date gives none (an old date in a lead is background, not the news of
    the day; "since the beginning of the year" is a campaign's).
``operation_when`` (``*.period-from-operation``)
    The operation the article says began ("launched a campaign to retake the city two
    months ago", "the operation, which began late May"): from the date of its beginning up
    to publication, precision approximate, basis ``context``. What was done in support of it
    and is told without a date of its own ("They were backed by US-led air strikes") ran
    over that time (dev: BBC on Manbij, AP on Fallujah).
``headline_window`` (``*.period-from-headline``)
    The day before publication up to it, precision approximate, basis ``publication``.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Token

from isisgraph.extract.dates.find import find_dates, find_when
from isisgraph.extract.shared import once_per_doc, text_of
from isisgraph.extract.syntax.units import dateline_tokens
from isisgraph.lexicons import lexicon
from isisgraph.records import When

# A lead's date tells the news of the day when it ends within this many days before
# publication (a weekly release's "last week" does; "in March" in a May article does not).
RECENT_DAYS = 7
# ... and is a period of at most two weeks (a weekly release's "between Nov. 4 and 10", "last
# week"; not "since the beginning of the year", which ends on publication too).
LONGEST_DAYS = 14
TITLE_CHARS = 200  # a first paragraph of one line this short is the title
LEAD_PARAGRAPHS = 4  # a dateline this far down still opens the lead (after a subtitle, a caption)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """The character bounds of the paragraphs of a text (blocks between blank lines)."""
    bounds, start = [], 0
    for match in _BLANK_LINE.finditer(text):
        if text[start:match.start()].strip():
            bounds.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        bounds.append((start, len(text)))
    return bounds


def title_bounds(doc: Doc) -> tuple[int, int] | None:
    """The title: a first paragraph of one short line with more text after it (with or
    without a full stop at its end: "Turkish army hits 163 Daesh targets in northern Syria,
    says General Staff.")."""
    return once_per_doc(doc, title_bounds, lambda: _title_bounds(text_of(doc)))


def _title_bounds(text: str) -> tuple[int, int] | None:
    bounds = paragraph_bounds(text)
    if len(bounds) < 2:
        return None
    first = text[bounds[0][0]:bounds[0][1]].strip()
    return bounds[0] if "\n" not in first and len(first) <= TITLE_CHARS else None


def lead_bounds(doc: Doc) -> tuple[int, int] | None:
    """The lead paragraph: the one the dateline opens among the first paragraphs, else the
    first after a title (a first paragraph of one short line)."""
    text = text_of(doc)
    bounds = paragraph_bounds(text)
    if not bounds:
        return None
    datelines = sorted(doc[i].idx for i in dateline_tokens(doc))
    for start, end in bounds[:LEAD_PARAGRAPHS]:
        if any(start <= char < end for char in datelines):
            return start, end  # a text without a title may open with its dated lead
    return bounds[1] if title_bounds(doc) is not None else bounds[0]


def lead_when(doc: Doc, published: dt.date | None) -> When | None:
    """The date of the lead that lies in the week up to publication (see the module's rules),
    computed once per Doc."""
    if published is None:
        return None
    return once_per_doc(doc, ("lead_when", published), lambda: _lead_when(doc, published))


def _lead_when(doc: Doc, published: dt.date) -> When | None:
    bounds = lead_bounds(doc)
    if bounds is None:
        return None
    span = doc.char_span(bounds[0], bounds[1], alignment_mode="contract")
    if span is None or not len(span):
        return None
    earliest = published - dt.timedelta(days=RECENT_DAYS)
    for when in find_dates(span, published):
        if when.start is None or when.end is None:
            continue
        if earliest <= when.end <= published and (when.end - when.start).days <= LONGEST_DAYS:
            return When(raw=when.raw, start=when.start, end=when.end, precision="approximate",
                        span=when.span, basis="context")
    return None


def operation_when(doc: Doc, published: dt.date | None) -> When | None:
    """From the beginning of the first operation the article says began, up to publication
    (see the module's rules), computed once per Doc."""
    if published is None:
        return None
    return once_per_doc(doc, ("operation_when", published), lambda: _operation_when(doc, published))


def _began(verb: Token) -> bool:
    """'launched a campaign', 'the offensive began', 'the operation, which began': a verb of
    beginning whose object (or, for one that starts by itself, whose subject or the noun its
    relative clause is on) is an operation."""
    words = lexicon("events")
    if verb.pos_ != "VERB" or verb.lemma_ not in words.beginning_verbs:
        return False
    nouns = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.lemma_ in words.self_starting_verbs:
        nouns += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.dep_ == "relcl":
            nouns.append(verb.head)
    return any(n.lemma_.lower() in words.operation_nouns for n in nouns)


def _operation_when(doc: Doc, published: dt.date) -> When | None:
    for verb in doc:
        if not _began(verb):
            continue
        when = find_when(verb.sent, published, verb)
        if when is None or when.start is None or not when.start < published:
            continue
        return When(raw=when.raw, start=when.start, end=published, precision="approximate",
                    span=when.span, basis="context")
    return None


def headline_window(published: dt.date) -> When:
    """The days a present-tense headline reports: the day before publication up to it."""
    return When(raw="", start=published - dt.timedelta(days=1), end=published,
                precision="approximate", basis="publication")
