"""Dates and periods as the news writes them, resolved against the publication date.

``resolve_when(text, published)`` turns one expression ("between December 22 and 28",
"March 10-23", "from February 24-March 9", "the last week of December", "last month",
"on Tuesday", "in May", "mid-June", "earlier this year", "in 2014") into a ``When`` with
start, end and precision (day | week | month | year | approximate). ``find_dates(span,
published)`` finds every such expression in a spaCy span (the model's DATE entities plus the
patterns below, which it often misses or cuts), and ``find_when(span, published, anchor)``
picks the one nearest to an anchor token (a strike noun, an event verb), preferring the same
clause.

Resolution rules (how English news dates things; nothing here is tuned to an article):

- A day or month without a year is the most recent one not after publication ("January 21"
  published 2024-02-19 → 2024-01-21; "in May" published 2018-07-09 → May 2018; "in
  September" published 2017-01-05 → September 2016). A range without a year ends on or
  before publication.
- A weekday ("on Tuesday") is the most recent such day on or before publication; "last
  Tuesday" is strictly before it. "Monday and today" (early CENTCOM releases) runs from that
  Monday to publication, "between 8 a.m. yesterday and 8 a.m. today" (the window of a daily
  release) from the day before publication to it; "Tuesday 12 March" (British usage) is 12
  March.
- "on Jan. 24 and 25." — two days of a month at most two apart, closing the clause — is a
  period; "on Oct. 3 and 14 strikes" is not (the number counts strikes), nor are days far
  apart. Elsewhere "and" makes a range only after "between".
- "last week" is the previous Monday–Sunday week; "this week" is the publication week up to
  publication; "late last week" is that week's Thursday–Sunday (precision approximate);
  "last month" / "last year" the previous calendar month / year; "last October" the
  October of the previous year (the gold guideline's reading: news writes "in October" for
  this year's) but the month just before publication the one just ended ("last February" in
  a March release), "this past October" the most recent October before the publication month;
  "the last week of December" December 25–31.
- A day named instead of dated, fixed in the calendar ("Anzac Day", "on Remembrance Day",
  "Christmas Eve 2016"; the lexicon's ``named-days``), is that day of the year written after
  it, else the most recent one on or before publication.
- "early/mid/late June" are June 1-10 / 11-20 / 21-30, "the end of June" as late June, all
  approximate (the project's gold guideline, tests/gold/README.md); "mid-2014" is the
  middle of the year, June and July, approximate ("early/late 2014" stay the year,
  approximate).
- "in the last few days" (three days), "over the past week" (seven days, precision week),
  "in the last weeks" / "in recent weeks" (the month before), "in the last months" / "in
  recent months" (from the first day of the month two months before) end on publication;
  "earlier this year" and "since the beginning of the year" are January 1 to publication.
- "overnight" is the day before publication up to it (approximate), "last night" the day
  before, "this morning" the publication day.
- "the preceding 12 months", "a day earlier", "two days later", "the day before" (not "the
  day before the vote") count from the last date written before them in their sentence: "In
  December 2016 ... in the preceding 12 months" is December 2015 to November 2016, "on March
  3 ... a day earlier" March 2. From a day, "preceding" counts as from publication; without a
  date before it, from publication; a day counted from a month or from nothing is not read.
- Ranges keep the precision of their ends (day for "March 10-23", month for "between March
  and May", year for "between 2014 and 2017").

Without a publication date nothing relative is resolved: start and end are None, the raw
text is kept. Expressions that carry their own year ("January 21, 2018", "in 2014") do not
need it and are resolved. Nothing here reads today's date.

The package: ``patterns`` (the words and regular expressions of date expressions), ``resolve``
(one expression to a ``When``, against the publication date) and ``find`` (the expressions of
a spaCy span, and the one that dates an anchor).
"""

from isisgraph.extract.dates.find import find_dates, find_when
from isisgraph.extract.dates.patterns import APPROXIMATE, DAY, MONTH, PATTERNS, REQUIRES, WEEK, YEAR
from isisgraph.extract.dates.resolve import resolve_when

__all__ = ["APPROXIMATE", "DAY", "MONTH", "PATTERNS", "REQUIRES", "WEEK", "YEAR", "find_dates", "find_when",
           "resolve_when"]
