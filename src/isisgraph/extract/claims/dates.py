"""When a claim was made: the date expression attached to the speech verb or to the "according
to" phrase ("tweeted on Tuesday", "said last month", "in a statement released on Monday"),
never a date inside the reported content.

- ``claims.dates.attribution``: a date among the words of the attribution itself;
- ``claims.dates.published``: else, in an article with a publication date, that date with
  precision ``approximate`` (``raw`` is the speech verb): news reports speech of the day or
  the day before, so the day is likely but not stated. Without a publication date nothing is
  invented: a stated date keeps its raw text unresolved, an unstated one gives no date.
"""

from __future__ import annotations

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.extract.claims.article import ClaimArticle
from isisgraph.extract.dates import find_dates
from isisgraph.records import When


def claim_date(
    art: ClaimArticle, sent: DocSpan, attribution: list[Token], fallback_text: str
) -> tuple[When | None, bool]:
    """The date of the attribution, else the publication date (approximate); the flag says
    whether it was the fallback."""
    published = art.article.published
    ranges = token_ranges(attribution)
    for when in find_dates(sent, published):
        if when.span is None:
            continue
        if any(a <= when.span.start and when.span.end <= b for a, b in ranges):
            return when, False
    if published is None:
        return None, True
    return When(raw=fallback_text, start=published, end=published, precision="approximate"), True


def token_ranges(tokens: list[Token]) -> list[tuple[int, int]]:
    """Character ranges of runs of consecutive tokens."""
    ranges: list[tuple[int, int]] = []
    for tok in sorted(tokens, key=lambda t: t.i):
        start, end = tok.idx, tok.idx + len(tok)
        if ranges and tok.i > 0 and tok.doc[tok.i - 1] in tokens and ranges[-1][1] >= tok.doc[tok.i - 1].idx:
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))
    return ranges
