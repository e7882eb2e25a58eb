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
  "last month" / "last year" the previous calendar month / year; "last October" the most
  recent October before the publication month; "the last week of December" December 25–31.
- "early/mid/late June" are June 1-10 / 11-20 / 21-30, "the end of June" as late June, all
  approximate (the project's gold guideline, tests/gold/README.md).
- "in the last few days" (three days), "over the past week" (seven days, precision week),
  "in the last weeks" / "in recent weeks" (the month before), "in the last months" (three
  months) end on publication; "earlier this year" and "since the beginning of the year" are
  January 1 to publication.
- Ranges keep the precision of their ends (day for "March 10-23", month for "between March
  and May", year for "between 2014 and 2017").

Without a publication date nothing relative is resolved: start and end are None, the raw
text is kept. Expressions that carry their own year ("January 21, 2018", "in 2014") do not
need it and are resolved. Nothing here reads today's date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from isisgraph.extract.shared import span_text, tokens_of
from isisgraph.extract.syntax.tree import clause_root
from isisgraph.records import Span as TextSpan
from isisgraph.records import When

DAY, WEEK, MONTH, YEAR, APPROXIMATE = "day", "week", "month", "year", "approximate"

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
ORDINAL_WEEKS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                 "fourth": 4, "4th": 4, "last": -1, "final": -1}
SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "few": 3,
                 "several": 3, "couple of": 2, "a couple of": 2, "a few": 3}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
           "winter": (12, 2)}

# Month names are matched case-sensitively (capitalised) so that "may" the verb is no month.
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
          r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_TO = r"\s*(?:-|\u2013|\u2014|(?i:to|through|thru|until|till|and))\s*"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_OPT_YEAR = rf"(?:,?\s+(?P<{{name}}>{_YEAR}))?"
_CLOCK = r"\d{1,2}(?::\d\d)?\s*(?i:a\.m\.|p\.m\.|am|pm)"


def _year_group(name: str) -> str:
    return _OPT_YEAR.format(name=name)


_LEAD = r"(?:(?i:between|from|during|on|in|since)\s+(?:the\s+)?)?"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    # February 24-March 9 / Feb. 24, 2019 to March 9, 2019 / between Feb 24 and Mar 9
    ("md_md", re.compile(
        rf"{_LEAD}\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}){_year_group('y1')}{_TO}"
        rf"(?P<m2>{_MONTH})\s+(?P<d2>{_DAY})\b{_year_group('y2')}")),
    # 24 February-9 March 2019
    ("dm_dm", re.compile(
        rf"{_LEAD}\b(?P<d1>{_DAY})\s+(?P<m1>{_MONTH}){_year_group('y1')}{_TO}"
        rf"(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})\b{_year_group('y2')}")),
    # March 10-23 / between December 22 and 28 / Jan. 5 through 11, 2018
    ("m_dd", re.compile(
        rf"{_LEAD}\b(?P<m>{_MONTH})\s+(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY})\b(?![\d:])"
        rf"{_year_group('y')}")),
    # 10-23 March / between 22 and 28 December 2017
    ("dd_m", re.compile(
        rf"{_LEAD}\b(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY})\s+(?P<m>{_MONTH})\b{_year_group('y')}")),
    # the last week of December / the first week of March 2019
    ("week_of", re.compile(
        r"(?i:the\s+)?(?P<ord>(?i:first|second|third|fourth|last|final|1st|2nd|3rd|4th))\s+"
        rf"(?i:week)\s+(?i:of)\s+(?P<m>{_MONTH}){_year_group('y')}")),
    # Tuesday, March 26 / March 26, 2019 / March 26th
    ("md", re.compile(
        rf"(?:{_WD},?\s+)?{_LEAD}\b(?P<m>{_MONTH})\s+(?P<d>{_DAY})\b(?!\s*(?:-|\u2013))"
        rf"(?![\d:,]\d){_year_group('y')}")),
    # 26 March / 26 March 2019 / the 26th of March / Tuesday 12 March (British usage)
    ("dm", re.compile(
        rf"{_LEAD}(?:{_WD},?\s+(?:(?i:the)\s+)?)?\b(?P<d>{_DAY})\s+(?:(?i:of)\s+)?(?P<m>{_MONTH})\b"
        rf"{_year_group('y')}")),
    # between March and May 2018 / from January to March
    ("m_m", re.compile(
        rf"(?i:between|from)\s+(?P<m1>{_MONTH}){_year_group('y1')}{_TO}(?P<m2>{_MONTH})\b"
        rf"{_year_group('y2')}")),
    # early/mid/late June, the end of June, mid-June 2018
    ("part_month", re.compile(
        r"(?P<part>(?i:early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|"
        r"beginning\s+of|the\s+start\s+of|start\s+of|the\s+middle\s+of|middle\s+of))[\s-]*"
        rf"(?P<m>{_MONTH})\b{_year_group('y')}")),
    # last October / this March
    ("rel_month", re.compile(rf"(?P<rel>(?i:last|this|this\s+past|past))\s+(?P<m>{_MONTH})\b")),
    # June 2018 / in May / since March
    ("month", re.compile(
        r"(?P<lead>(?i:in|during|since|by|of|from|until|through|throughout|early\s+in"
        r"|late\s+in)\s+)?"
        rf"\b(?P<m>{_MONTH})\b(?!\s+{_DAY}\b){_year_group('y')}")),
    # between 2014 and 2017 / 2006-08 / 2014-2017
    ("year_year", re.compile(
        rf"(?:(?i:between|from)\s+)?\b(?P<y1>{_YEAR})(?:{_TO})(?P<y2>{_YEAR}|\d\d)\b")),
    # (late|early) last week / this week / last month / last year / earlier this year
    ("rel_period", re.compile(
        r"(?i:(?P<part>late|early|earlier|later|the\s+end\s+of|the\s+start\s+of)\s+)?"
        r"(?P<rel>(?i:last|this|past|previous|the\s+past|the\s+previous))\s+"
        r"(?P<unit>(?i:week|month|year|weekend|summer|spring|autumn|fall|winter))\b")),
    # earlier this year/month (covered above); "in the last few days", "over the past week",
    # "in recent weeks", "in the last months", "the past three years"
    ("recent", re.compile(
        r"(?i:(?:in|over|during|within)\s+)?(?i:the)\s+"
        r"(?P<rel>(?i:last|past|previous|coming|next))\s+"
        r"(?P<n>(?i:few|several|couple\s+of|\d+|one|two|three|four|five|six|seven|eight|nine"
        r"|ten)\s+)?"
        r"(?P<unit>(?i:days?|weeks?|months?|years?|hours))\b")),
    ("recent_adj", re.compile(
        r"(?i:(?:in|over)\s+)?(?i:recent)\s+(?P<unit>(?i:days|weeks|months))\b")),
    # three days ago / two weeks ago
    ("ago", re.compile(
        r"(?P<n>(?i:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several))"
        r"\s+(?P<unit>(?i:days?|weeks?|months?|years?))\s+(?i:ago)")),
    # Saturday and Sunday / Monday through Wednesday / Monday and today / yesterday and today /
    # between 8 a.m. yesterday and 8 a.m. today (the window of a daily release)
    ("wd_wd", re.compile(
        rf"(?:(?i:on|from|between)\s+)?(?:{_CLOCK}\s+)?(?P<wd1>{_WD}|(?i:yesterday))\s*"
        rf"(?:-|\u2013|(?i:and|to|through|thru|until))\s*(?:{_CLOCK}\s+)?"
        rf"(?P<wd2>{_WD}|(?i:today|yesterday))\b")),
    # on Tuesday / last Tuesday / Tuesday night
    ("weekday", re.compile(
        rf"(?P<lead>(?i:on|last|this\s+past|this|late|early|since|by)\s+)?(?P<wd>{_WD})\b")),
    ("year_start", re.compile(
        r"(?i:since\s+the\s+(?:beginning|start)\s+of\s+(?:the|this)\s+year)")),
    ("weekend", re.compile(r"(?i:(?:over|during|at|on)\s+)?(?i:the)\s+(?i:weekend)\b")),
    ("yesterday", re.compile(r"\b(?P<w>(?i:yesterday|today|tonight))\b")),
    # the summer of 2014 / in spring 2016
    ("season_year", re.compile(
        r"(?:(?i:in|during)\s+)?(?:(?i:the)\s+)?(?:(?i:early|late|mid)[\s-]+)?"
        rf"(?P<s>(?i:summer|spring|autumn|fall|winter))\s+(?:(?i:of)\s+)?(?P<y>{_YEAR})\b")),
    # in 2014 / since 2018 / 2017
    ("year", re.compile(
        r"(?P<lead>(?i:in|since|during|by|until|throughout|early|late|mid)[\s-]+)?"
        rf"\b(?P<y>{_YEAR})\b(?!\s*(?:-|\u2013)\s*\d)")),
]


# What a text must contain for a pattern to match in it, checked once per text so that most
# patterns are not run over most sentences: every month name starts with one of these
# capitalised abbreviations (_MONTH is case-sensitive); every weekday, "today" and
# "yesterday" end in "day"; a year or a day of the month is digits; a relative period names
# its unit ("last week", "in recent months", "three days ago", "the weekend", "this summer").
_MONTH_START = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_DIGIT = re.compile(r"\d")
_DAY_WORD = re.compile(r"(?i:day)")
_PERIOD_WORD = re.compile(r"(?i:day|week|month|year|hour|summer|spring|autumn|fall|winter)")
_REQUIRES: dict[str, tuple[re.Pattern[str], ...]] = {
    "iso": (_DIGIT,), "md_md": (_MONTH_START, _DIGIT), "dm_dm": (_MONTH_START, _DIGIT),
    "m_dd": (_MONTH_START, _DIGIT), "dd_m": (_MONTH_START, _DIGIT), "week_of": (_MONTH_START,),
    "md": (_MONTH_START, _DIGIT), "dm": (_MONTH_START, _DIGIT), "m_m": (_MONTH_START,),
    "part_month": (_MONTH_START,), "rel_month": (_MONTH_START,), "month": (_MONTH_START,),
    "year_year": (_DIGIT,), "season_year": (_PERIOD_WORD, _DIGIT), "rel_period": (_PERIOD_WORD,),
    "recent": (_PERIOD_WORD,),
    "recent_adj": (_PERIOD_WORD,), "ago": (_PERIOD_WORD,), "wd_wd": (_DAY_WORD,),
    "weekday": (_DAY_WORD,), "year_start": (_PERIOD_WORD,), "weekend": (_PERIOD_WORD,),
    "year": (_DIGIT,),
}

_SINCE = re.compile(r"(?i:since)\b")
_AND_RANGE = re.compile(r"\s(?i:and)\s")
_BETWEEN = re.compile(r"(?i:between)\b")


def _day_pair(text: str, match: re.Match[str]) -> bool:
    """'on Jan. 24 and 25.': two neighbouring days of one month that end the clause are a
    period; 'on Oct. 3 and 14 strikes' (a count follows) and 'Oct. 3 and 14' (days far apart)
    are not."""
    groups = match.groupdict()
    if not groups.get("d1") or not groups.get("d2") or groups.get("m1"):
        return False
    if not 0 < _day(groups["d2"]) - _day(groups["d1"]) <= 2:
        return False
    return re.match(r"\s*(?:[.,;:)]|$)", text[match.end():]) is not None


@dataclass(frozen=True)
class _Found:
    kind: str
    start: int  # char offsets in the searched text
    end: int
    match: re.Match[str]


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_not_after(month: int, day: int | None, published: dt.date) -> int:
    """The year that puts month (and day) most recently on or before publication."""
    probe = _safe_date(published.year, month, day or 1)
    if probe is None:  # 29 February in a non-leap publication year
        return published.year - 1
    if day is None:
        return published.year if month <= published.month else published.year - 1
    return published.year if probe <= published else published.year - 1


def _week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _y(match: re.Match[str], group: str) -> int | None:
    value = match.groupdict().get(group)
    return int(value) if value else None


class _Unresolvable(Exception):
    """The expression needs a publication date (or is not a date at all)."""


def _resolve_match(found: _Found, published: dt.date | None) -> tuple[dt.date, dt.date, str] | None:
    """Start, end and precision of one pattern match; None when it cannot be resolved."""
    m, kind = found.match, found.kind
    try:
        resolved = _RESOLVERS[kind](m, published)
    except (_Unresolvable, ValueError, KeyError):
        return None
    if _SINCE.match(m.group()) and published is not None and resolved[0] <= published:
        # "since Jan. 1, 2019": from that date up to publication.
        return resolved[0], max(resolved[1], published), resolved[2]
    return resolved


def _need(published: dt.date | None) -> dt.date:
    if published is None:
        raise _Unresolvable
    return published


def _r_iso(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    return day, day, DAY


def _r_md_md(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    m1, d1, m2, d2 = _month(m["m1"]), _day(m["d1"]), _month(m["m2"]), _day(m["d2"])
    y2 = _y(m, "y2") or _y(m, "y1")
    if y2 is None:
        y2 = _year_not_after(m2, d2, _need(published))
    y1 = _y(m, "y1") or (y2 if m1 <= m2 else y2 - 1)
    return dt.date(y1, m1, d1), dt.date(y2, m2, d2), DAY


def _r_m_dd(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    month, d1, d2 = _month(m["m"]), _day(m["d1"]), _day(m["d2"])
    if d2 <= d1:
        raise _Unresolvable
    year = _y(m, "y") or _year_not_after(month, d2, _need(published))
    return dt.date(year, month, d1), dt.date(year, month, d2), DAY


def _r_week_of(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    month = _month(m["m"])
    year = _y(m, "y") or _year_not_after(month, None, _need(published))
    ordinal = ORDINAL_WEEKS[m["ord"].lower()]
    last = _month_end(year, month)
    if ordinal == -1:
        return last - dt.timedelta(days=6), last, WEEK
    start = dt.date(year, month, 1 + 7 * (ordinal - 1))
    return start, min(start + dt.timedelta(days=6), last), WEEK


def _r_md(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    month, day = _month(m["m"]), _day(m["d"])
    year = _y(m, "y") or _year_not_after(month, day, _need(published))
    date = dt.date(year, month, day)
    return date, date, DAY


def _r_m_m(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    m1, m2 = _month(m["m1"]), _month(m["m2"])
    y2 = _y(m, "y2") or _y(m, "y1") or _year_not_after(m2, None, _need(published))
    y1 = _y(m, "y1") or (y2 if m1 <= m2 else y2 - 1)
    return dt.date(y1, m1, 1), _month_end(y2, m2), MONTH


def _r_month(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    month = _month(m["m"])
    year = _y(m, "y") or _year_not_after(month, None, _need(published))
    lead = " ".join((m["lead"] or "").lower().split())
    if lead == "since" and published is not None and dt.date(year, month, 1) <= published:
        # "since October": from that month up to publication.
        return dt.date(year, month, 1), published, MONTH
    return dt.date(year, month, 1), _month_end(year, month), MONTH


def _r_rel_month(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    month, pub = _month(m["m"]), _need(published)
    rel = " ".join(m["rel"].lower().split())
    # "last October": the most recent October before the publication month
    last = pub.year if month < pub.month else pub.year - 1
    year = _year_not_after(month, None, pub) if rel == "this" else last
    return dt.date(year, month, 1), _month_end(year, month), MONTH


def _r_year_year(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    y1, y2_text = int(m["y1"]), m["y2"]
    y2 = int(y2_text) if len(y2_text) == 4 else (y1 // 100) * 100 + int(y2_text)
    if not y1 < y2 <= y1 + 50:
        raise _Unresolvable
    return dt.date(y1, 1, 1), dt.date(y2, 12, 31), YEAR


def _r_rel_period(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    pub = _need(published)
    rel = " ".join(m["rel"].lower().split()).replace("the ", "")
    unit = m["unit"].lower()
    part = " ".join((m["part"] or "").lower().split())
    this = rel == "this"
    if unit in ("week", "weekend"):
        start = _week_start(pub) - (dt.timedelta(0) if this else dt.timedelta(days=7))
        if rel in ("past", "previous") and not part:
            # "the past week": the seven days up to publication.
            return pub - dt.timedelta(days=7), pub, WEEK
        end = min(start + dt.timedelta(days=6), pub)
        if unit == "weekend":
            return start + dt.timedelta(days=5), start + dt.timedelta(days=6), WEEK
        if part == "late":
            return start + dt.timedelta(days=3), end, APPROXIMATE
        if part == "early":
            return start, start + dt.timedelta(days=2), APPROXIMATE
        if part == "earlier":
            return start, pub, WEEK
        return start, end, WEEK
    if unit == "month":
        if this or part == "earlier":
            first = pub.replace(day=1)
            return first, pub, MONTH if not part else APPROXIMATE
        if rel in ("past", "previous") and not part and m["rel"].lower().startswith("the"):
            return pub - dt.timedelta(days=30), pub, APPROXIMATE
        year, month = (pub.year, pub.month - 1) if pub.month > 1 else (pub.year - 1, 12)
        start, end = dt.date(year, month, 1), _month_end(year, month)
        return _part_of(start, end, part, MONTH)
    if unit == "year":
        if this or part == "earlier":
            return dt.date(pub.year, 1, 1), pub, YEAR if not part else APPROXIMATE
        if rel in ("past",) and m["rel"].lower().startswith("the"):
            return pub - dt.timedelta(days=365), pub, APPROXIMATE
        start, end = dt.date(pub.year - 1, 1, 1), dt.date(pub.year - 1, 12, 31)
        return _part_of(start, end, part, YEAR)
    # seasons: "last summer" is the most recent one that has ended before publication.
    first_month, last_month = SEASONS[unit]
    year = pub.year
    while True:
        start_year = year - 1 if first_month > last_month else year
        start = dt.date(start_year, first_month, 1)
        end = _month_end(year, last_month)
        if (end < pub and not this) or (this and start <= pub):
            return start, min(end, pub), APPROXIMATE
        year -= 1


def _part_of(
    start: dt.date, end: dt.date, part: str, precision: str
) -> tuple[dt.date, dt.date, str]:
    """'late last month': the whole period, precision approximate — the part is not dated."""
    return start, end, APPROXIMATE if part else precision


def _r_part_month(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    """Early (1-10), mid (11-20), late / the end of (21-end) a month, approximate."""
    month = _month(m["m"])
    year = _y(m, "y") or _year_not_after(month, None, _need(published))
    part = " ".join(m["part"].lower().split()).removeprefix("the ")
    last = _month_end(year, month)
    if part in ("early", "beginning of", "start of"):
        return dt.date(year, month, 1), dt.date(year, month, 10), APPROXIMATE
    if part in ("mid", "middle of"):
        return dt.date(year, month, 11), dt.date(year, month, 20), APPROXIMATE
    return dt.date(year, month, 21), last, APPROXIMATE


def _count_word(text: str | None, default: int) -> int:
    if not text:
        return default
    text = " ".join(text.lower().split())
    return int(text) if text.isdigit() else SMALL_NUMBERS.get(text, default)


_UNIT_DAYS = {"hour": 1, "day": 1, "week": 7, "month": 30, "year": 365}


def _r_recent(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    pub = _need(published)
    rel = m.groupdict().get("rel", "recent").lower() if m.groupdict().get("rel") else "recent"
    if rel in ("coming", "next"):
        raise _Unresolvable  # the future: not when something happened
    written = m["unit"].lower()
    unit = written.rstrip("s")
    # "the last week" is one week; "the last few days" three; "the last weeks" / "recent
    # weeks" the month before publication; "the last months" a quarter.
    n_text = m.groupdict().get("n")
    n = 0
    if written.endswith("s") and not n_text and unit in ("week", "month"):
        days = 30 if unit == "week" else 91
    else:
        n = _count_word(n_text, 1 if not written.endswith("s") else 3)
        days = max(1, -(-n // 24)) if unit == "hour" else _UNIT_DAYS[unit] * n
    precision = WEEK if unit == "week" and n == 1 else APPROXIMATE
    return pub - dt.timedelta(days=days), pub, precision


def _r_ago(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    pub = _need(published)
    unit = m["unit"].lower().rstrip("s")
    n_text = " ".join(m["n"].lower().split())
    n = _count_word(n_text, 1)
    vague = n_text in ("a few", "several")
    if unit == "day" and not vague:
        day = pub - dt.timedelta(days=n)
        return day, day, DAY
    if unit == "year" and not vague:
        return dt.date(pub.year - n, 1, 1), dt.date(pub.year - n, 12, 31), YEAR
    centre = pub - dt.timedelta(days=_UNIT_DAYS[unit] * n)
    half = dt.timedelta(days=_UNIT_DAYS[unit] // 2 + (3 if vague else 0))
    return centre - half, min(centre + half, pub), APPROXIMATE


def _r_weekday(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    pub = _need(published)
    lead = " ".join((m["lead"] or "").lower().split())
    back = (pub.weekday() - WEEKDAYS[m["wd"].lower()]) % 7
    if lead in ("last", "this past") and back == 0:
        back = 7
    day = pub - dt.timedelta(days=back)
    return day, day, DAY


def _r_year_start(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    pub = _need(published)
    return dt.date(pub.year, 1, 1), pub, APPROXIMATE


def _r_weekend(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    """'over the weekend': the last Saturday-Sunday that began before publication."""
    pub = _need(published)
    saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
    if saturday == pub:
        saturday -= dt.timedelta(days=7)
    return saturday, min(saturday + dt.timedelta(days=1), pub), WEEK


def _r_wd_wd(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    """'Saturday and Sunday': the most recent such days, the first not after the second.
    'Monday and today' (early CENTCOM releases) ends on the publication day, 'yesterday and
    today' is the day before it and that day."""
    pub = _need(published)
    wd1, wd2 = m["wd1"].lower(), m["wd2"].lower()
    if wd2 in ("today", "yesterday"):
        end = pub - dt.timedelta(days=1 if wd2 == "yesterday" else 0)
    else:
        end = pub - dt.timedelta(days=(pub.weekday() - WEEKDAYS[wd2]) % 7)
    if wd1 == "yesterday":
        start = pub - dt.timedelta(days=1)
        if start > end:
            raise _Unresolvable
    else:
        start = end - dt.timedelta(days=(end.weekday() - WEEKDAYS[wd1]) % 7)
    return start, end, DAY


def _r_yesterday(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    pub = _need(published)
    day = pub - dt.timedelta(days=1) if m["w"].lower() == "yesterday" else pub
    return day, day, DAY


def _r_season_year(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    """'the summer of 2014': its months of that year (winter from the December before),
    approximate."""
    first_month, last_month = SEASONS[m["s"].lower()]
    year = int(m["y"])
    start_year = year - 1 if first_month > last_month else year
    return dt.date(start_year, first_month, 1), _month_end(year, last_month), APPROXIMATE


def _r_year(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    year = int(m["y"])
    lead = (m["lead"] or "").strip(" -").lower()
    if lead == "since" and published is not None and published.year >= year:
        return dt.date(year, 1, 1), published, YEAR
    precision = APPROXIMATE if lead in ("early", "late", "mid") else YEAR
    return dt.date(year, 1, 1), dt.date(year, 12, 31), precision


_RESOLVERS = {
    "season_year": _r_season_year,
    "iso": _r_iso, "md_md": _r_md_md, "dm_dm": _r_md_md, "m_dd": _r_m_dd, "dd_m": _r_m_dd,
    "week_of": _r_week_of, "md": _r_md, "dm": _r_md, "m_m": _r_m_m,
    "part_month": _r_part_month, "rel_month": _r_rel_month, "month": _r_month,
    "year_year": _r_year_year, "rel_period": _r_rel_period, "recent": _r_recent,
    "recent_adj": _r_recent, "ago": _r_ago, "weekday": _r_weekday, "yesterday": _r_yesterday,
    "year_start": _r_year_start, "weekend": _r_weekend, "wd_wd": _r_wd_wd,
    "year": _r_year,
}

# Precision of an expression when it cannot be resolved (no publication date).
_KIND_PRECISION = {
    "iso": DAY, "md_md": DAY, "dm_dm": DAY, "m_dd": DAY, "dd_m": DAY, "week_of": WEEK,
    "md": DAY, "dm": DAY, "m_m": MONTH, "part_month": APPROXIMATE, "rel_month": MONTH,
    "month": MONTH, "year_year": YEAR, "rel_period": APPROXIMATE, "recent": APPROXIMATE,
    "recent_adj": APPROXIMATE, "ago": APPROXIMATE, "weekday": DAY, "yesterday": DAY,
    "year_start": APPROXIMATE, "weekend": WEEK, "wd_wd": DAY,
    "year": YEAR,
}


def _scan(text: str) -> list[_Found]:
    """Every date expression in ``text``, longest first where they overlap."""
    found: list[_Found] = []
    present = {check: check.search(text) is not None for check in (_MONTH_START, _DIGIT, _DAY_WORD, _PERIOD_WORD)}
    for kind, pattern in _PATTERNS:
        if not all(present[check] for check in _REQUIRES.get(kind, ())):
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if start == end:
                continue
            if kind != "wd_wd" and _AND_RANGE.search(match.group()) and not _BETWEEN.match(
                    match.group()) and not _day_pair(text, match):
                continue  # "on Oct. 3 and 14 strikes ...": "and" makes a range only after "between"
            found.append(_Found(kind, start, end, match))
    # Longest wins; among equals the earlier (more specific) pattern.
    order = {kind: i for i, (kind, _) in enumerate(_PATTERNS)}
    found.sort(key=lambda f: (-(f.end - f.start), order[f.kind], f.start))
    kept: list[_Found] = []
    for f in found:
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)


def _with_dateparser(text: str, published: dt.date | None) -> tuple[dt.date, dt.date, str] | None:
    """Single absolute dates the patterns do not cover ("the 5th of March", "3/5/2019")."""
    if published is None and not re.search(_YEAR, text):
        return None
    if not (re.search(_MONTH, text) or re.search(r"\d{1,2}/\d{1,2}/\d{2,4}", text)):
        return None
    parser = _date_parser(published)
    data = parser.get_date_data(text)
    if data.date_obj is None:
        return None
    day = data.date_obj.date()
    period = data.period or "day"
    if period == "month":
        return day.replace(day=1), _month_end(day.year, day.month), MONTH
    if period == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), YEAR
    return day, day, DAY


@cache
def _date_parser(published: dt.date | None):  # type: ignore[no-untyped-def]
    from dateparser.date import DateDataParser

    base = dt.datetime.combine(published or dt.date(2000, 1, 1), dt.time())
    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "past",
            "STRICT_PARSING": False,
            "RETURN_TIME_AS_PERIOD": False,
        },
    )


def resolve_when(text: str, published: dt.date | None, span: TextSpan | None = None) -> When:
    """Resolve one date expression against the publication date.

    Unresolvable or relative-without-publication-date expressions keep ``raw`` with
    ``start``/``end`` None."""
    raw = text.strip()
    found = _scan(raw)
    if found:
        best = max(found, key=lambda f: f.end - f.start)
        resolved = _resolve_match(best, published)
        if resolved is not None:
            start, end, precision = resolved
            return When(raw=raw, start=start, end=end, precision=precision, span=span)
        precision = _KIND_PRECISION[best.kind]
        unit = (best.match.groupdict().get("unit") or "").lower()
        if best.kind == "rel_period" and unit in ("week", "month", "year"):
            precision = best.match["unit"].lower()
        return When(raw=raw, precision=precision, span=span)
    resolved = _with_dateparser(raw, published)
    if resolved is not None:
        start, end, precision = resolved
        return When(raw=raw, start=start, end=end, precision=precision, span=span)
    return When(raw=raw, precision=APPROXIMATE, span=span)


# ------------------------------------------------------------------- finding dates in a Doc

# Prepositions that introduce a date are not part of it ("on Tuesday" → "Tuesday"); "between"
# and "since" are kept, they change what the date means.
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
    for f in _scan(text):
        lead = _LEAD_WORD.match(text, f.start, f.end)
        start, end = base + (lead.end() if lead else f.start), base + f.end
        resolved = _resolve_match(f, published)
        raw = text[start - base : end - base]  # not doc.text: it re-joins every token of the Doc
        taken.append((start, end))
        if resolved is None:
            if published is None:
                yield When(raw=raw, precision=_KIND_PRECISION[f.kind], span=TextSpan(start, end))
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
