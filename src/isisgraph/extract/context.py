"""Context: what the text around a fact supplies when the fact's own clause does not.

The extractors read each fact from its clause. News often leaves a field of the fact to the
text around it: an event dated only by its report ("Kurdish fighters have expelled IS from
Kobane, activists said Monday"), or by nothing but the day the article appeared ("Iraqi
forces have freed Hawija"). The rules here complete those fields after extraction, saying
in the record where the value came from (``When.basis``) and in its rule id
(``ig:extractor`` gains ``+context.date.report``); they never drop a fact because a field
stays empty. (An event's confidence already counts a missing date of its own clause.)

Rules
-----
``context.date.report``
    An event whose clause gives no date takes the day of the report it is told in ("...,
    activists said Monday"), precision approximate: it happened on or before that day.
``context.date.publication``
    Else, in an article with a publication date, the publication date, precision
    approximate (ACLED codes such events to the report's date with a coarser precision).
    Without a publication date nothing is invented.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from isisgraph.extract.syntax.speech import report_date
from isisgraph.records import Article, Event, When

DATE_FROM_REPORT = "context.date.report"
DATE_FROM_PUBLICATION = "context.date.publication"


def anchor_of(doc: Doc, event: Event) -> Token | None:
    """The word of an event's evidence that heads it (its trigger's clause)."""
    span = doc.char_span(event.span.start, event.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    words = [t for t in span if t.text.lower() == event.trigger.split()[0].lower()]
    return words[0] if words else span.root


def date_events(events: list[Event], doc: Doc, article: Article) -> None:
    """Give each undated event the date of its report, else the publication date (in place)."""
    for event in events:
        if event.when is not None and (event.when.start is not None or article.published is None):
            continue
        anchor = anchor_of(doc, event)
        reported = report_date(anchor, article.published) if anchor is not None else None
        if reported is not None:
            event.when = When(raw=reported.raw, start=reported.start, end=reported.start,
                              precision="approximate", span=reported.span, basis="report")
            rule = DATE_FROM_REPORT
        elif article.published is not None:
            event.when = When(raw="", start=article.published, end=article.published,
                              precision="approximate", basis="publication")
            rule = DATE_FROM_PUBLICATION
        else:
            continue
        event.extractor = f"{event.extractor}+{rule}"

