"""The words and regular expressions of the date expressions news writes: month and weekday
names, ordinals, seasons; one pattern per kind of expression, with the cheap test a text must
pass before the pattern is run on it (``REQUIRES``); and ``scan``, every match in a text."""

from __future__ import annotations

import re
from dataclasses import dataclass

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
MONTH_PATTERN = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
          r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR_PATTERN = r"(?:19[5-9]\d|20\d\d)"
_TO = r"\s*(?:-|\u2013|\u2014|(?i:to|through|thru|until|till|and))\s*"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_OPT_YEAR = rf"(?:,?\s+(?P<{{name}}>{YEAR_PATTERN}))?"
_CLOCK = r"\d{1,2}(?::\d\d)?\s*(?i:a\.m\.|p\.m\.|am|pm)"


def _year_group(name: str) -> str:
    return _OPT_YEAR.format(name=name)


_LEAD = r"(?:(?i:between|from|during|on|in|since)\s+(?:the\s+)?)?"
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    # February 24-March 9 / Feb. 24, 2019 to March 9, 2019 / between Feb 24 and Mar 9
    ("md_md", re.compile(
        rf"{_LEAD}\b(?P<m1>{MONTH_PATTERN})\s+(?P<d1>{_DAY}){_year_group('y1')}{_TO}"
        rf"(?P<m2>{MONTH_PATTERN})\s+(?P<d2>{_DAY})\b{_year_group('y2')}")),
    # 24 February-9 March 2019
    ("dm_dm", re.compile(
        rf"{_LEAD}\b(?P<d1>{_DAY})\s+(?P<m1>{MONTH_PATTERN}){_year_group('y1')}{_TO}"
        rf"(?P<d2>{_DAY})\s+(?P<m2>{MONTH_PATTERN})\b{_year_group('y2')}")),
    # March 10-23 / between December 22 and 28 / Jan. 5 through 11, 2018
    ("m_dd", re.compile(
        rf"{_LEAD}\b(?P<m>{MONTH_PATTERN})\s+(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY})\b(?![\d:])"
        rf"{_year_group('y')}")),
    # 10-23 March / between 22 and 28 December 2017
    ("dd_m", re.compile(
        rf"{_LEAD}\b(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY})\s+(?P<m>{MONTH_PATTERN})\b{_year_group('y')}")),
    # the last week of December / the first week of March 2019
    ("week_of", re.compile(
        r"(?i:the\s+)?(?P<ord>(?i:first|second|third|fourth|last|final|1st|2nd|3rd|4th))\s+"
        rf"(?i:week)\s+(?i:of)\s+(?P<m>{MONTH_PATTERN}){_year_group('y')}")),
    # Tuesday, March 26 / March 26, 2019 / March 26th
    ("md", re.compile(
        rf"(?:{_WD},?\s+)?{_LEAD}\b(?P<m>{MONTH_PATTERN})\s+(?P<d>{_DAY})\b(?!\s*(?:-|\u2013))"
        rf"(?![\d:,]\d){_year_group('y')}")),
    # 26 March / 26 March 2019 / the 26th of March / Tuesday 12 March (British usage)
    ("dm", re.compile(
        rf"{_LEAD}(?:{_WD},?\s+(?:(?i:the)\s+)?)?\b(?P<d>{_DAY})\s+(?:(?i:of)\s+)?(?P<m>{MONTH_PATTERN})\b"
        rf"{_year_group('y')}")),
    # between March and May 2018 / from January to March
    ("m_m", re.compile(
        rf"(?i:between|from)\s+(?P<m1>{MONTH_PATTERN}){_year_group('y1')}{_TO}(?P<m2>{MONTH_PATTERN})\b"
        rf"{_year_group('y2')}")),
    # early/mid/late June, the end of June, mid-June 2018
    ("part_month", re.compile(
        r"(?P<part>(?i:early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|"
        r"beginning\s+of|the\s+start\s+of|start\s+of|the\s+middle\s+of|middle\s+of))[\s-]*"
        rf"(?P<m>{MONTH_PATTERN})\b{_year_group('y')}")),
    # in April last year / on June 6 last year / 6 June of this year
    ("month_rel_year", re.compile(
        rf"{_LEAD}(?:\b(?P<d1>{_DAY})\s+(?:(?i:of)\s+)?)?\b(?P<m>{MONTH_PATTERN})(?:\s+(?P<d2>{_DAY})\b)?"
        r",?\s+(?:(?i:of)\s+)?(?P<rel>(?i:last|this))\s+(?i:year)\b")),
    # last October / this March
    ("rel_month", re.compile(rf"(?P<rel>(?i:last|this|this\s+past|past))\s+(?P<m>{MONTH_PATTERN})\b")),
    # June 2018 / in May / since March
    ("month", re.compile(
        r"(?P<lead>(?i:in|during|since|by|of|from|until|through|throughout|early\s+in"
        r"|late\s+in)\s+)?"
        rf"\b(?P<m>{MONTH_PATTERN})\b(?!\s+{_DAY}\b){_year_group('y')}")),
    # between 2014 and 2017 / 2006-08 / 2014-2017
    ("year_year", re.compile(
        rf"(?:(?i:between|from)\s+)?\b(?P<y1>{YEAR_PATTERN})(?:{_TO})(?P<y2>{YEAR_PATTERN}|\d\d)\b")),
    # (late|early) last week / this week / last month / last year / earlier this year
    ("rel_period", re.compile(
        r"(?i:(?P<part>late|early|earlier|later|the\s+end\s+of|the\s+start\s+of)\s+)?"
        r"(?P<rel>(?i:last|this|past|previous|the\s+past|the\s+previous))\s+"
        r"(?P<unit>(?i:week|month|year|weekend|summer|spring|autumn|fall|winter))\b")),
    # a day earlier / the day before / the previous day / two days later: counted from the
    # date told before it in the sentence (``find``), never from publication; "the day before
    # the attack" names what it is before, and is left alone
    ("day_before", re.compile(
        r"(?:(?P<n>(?i:a|an|one|two|three|four|five|\d+))\s+(?i:days?)\s+"
        r"(?:(?P<dir>(?i:earlier|later))\b|(?P<before>(?i:before))\b(?![ \t]+\w))"
        r"|(?i:the)\s+(?i:day)\s+(?P<dir2>(?i:before))\b(?![ \t]+\w)"
        r"|(?i:the)\s+(?P<dir3>(?i:previous|next|following))\s+(?i:day)\b)")),
    # earlier this year/month (covered above); "in the last few days", "over the past week",
    # "in recent weeks", "in the last months", "the past three years"
    ("recent", re.compile(
        r"(?i:(?:in|over|during|within)\s+)?(?i:the)\s+"
        r"(?P<rel>(?i:last|past|previous|preceding|coming|next))\s+"
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
    # overnight / last night / this morning: the night before publication, or its day
    ("night", re.compile(
        r"\b(?P<w>(?i:overnight|last\s+night|this\s+(?:morning|afternoon|evening)))\b")),
    ("yesterday", re.compile(r"\b(?P<w>(?i:yesterday|today|tonight))\b")),
    # the summer of 2014 / in spring 2016
    ("season_year", re.compile(
        r"(?:(?i:in|during)\s+)?(?:(?i:the)\s+)?(?:(?i:early|late|mid)[\s-]+)?"
        rf"(?P<s>(?i:summer|spring|autumn|fall|winter))\s+(?:(?i:of)\s+)?(?P<y>{YEAR_PATTERN})\b")),
    # over the summer / during the winter (no year): the latest such season begun by publication;
    # only after a preposition of time, and never before "of" ("the fall of Mosul")
    ("season", re.compile(
        r"(?i:over|during|in|throughout)\s+(?i:the)\s+(?:(?i:early|late)\s+)?"
        r"(?P<s>(?i:summer|spring|autumn|fall|winter))\b(?!\s+(?i:of)\b)(?!\s+\d)")),
    # in 2014 / since 2018 / 2017
    ("year", re.compile(
        r"(?P<lead>(?i:in|since|during|by|until|throughout|early|late|mid)[\s-]+)?"
        rf"\b(?P<y>{YEAR_PATTERN})\b(?!\s*(?:-|\u2013)\s*\d)")),
]


# What a text must contain for a pattern to match in it, checked once per text so that most
# patterns are not run over most sentences: every month name starts with one of these
# capitalised abbreviations (MONTH_PATTERN is case-sensitive); every weekday, "today" and
# "yesterday" end in "day"; a year or a day of the month is digits; a relative period names
# its unit ("last week", "in recent months", "three days ago", "the weekend", "this summer").
_MONTH_START = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_DIGIT = re.compile(r"\d")
_DAY_WORD = re.compile(r"(?i:day)")
_PERIOD_WORD = re.compile(r"(?i:day|week|month|year|hour|summer|spring|autumn|fall|winter)")
_PART_OF_DAY = re.compile(r"(?i:night|morning|afternoon|evening)")
REQUIRES: dict[str, tuple[re.Pattern[str], ...]] = {
    "iso": (_DIGIT,), "md_md": (_MONTH_START, _DIGIT), "dm_dm": (_MONTH_START, _DIGIT),
    "m_dd": (_MONTH_START, _DIGIT), "dd_m": (_MONTH_START, _DIGIT), "week_of": (_MONTH_START,),
    "md": (_MONTH_START, _DIGIT), "dm": (_MONTH_START, _DIGIT), "m_m": (_MONTH_START,),
    "part_month": (_MONTH_START,), "rel_month": (_MONTH_START,), "month": (_MONTH_START,),
    "month_rel_year": (_MONTH_START, _PERIOD_WORD),
    "year_year": (_DIGIT,), "season_year": (_PERIOD_WORD, _DIGIT), "rel_period": (_PERIOD_WORD,),
    "recent": (_PERIOD_WORD,), "day_before": (_DAY_WORD,),
    "recent_adj": (_PERIOD_WORD,), "ago": (_PERIOD_WORD,), "wd_wd": (_DAY_WORD,),
    "weekday": (_DAY_WORD,), "year_start": (_PERIOD_WORD,), "weekend": (_PERIOD_WORD,),
    "night": (_PART_OF_DAY,), "season": (_PERIOD_WORD,),
    "year": (_DIGIT,),
}

SINCE = re.compile(r"(?i:since)\b")
_AND_RANGE = re.compile(r"\s(?i:and)\s")
_BETWEEN = re.compile(r"(?i:between)\b")


def _day_pair(text: str, match: re.Match[str]) -> bool:
    """'on Jan. 24 and 25.': two neighbouring days of one month that end the clause are a
    period; 'on Oct. 3 and 14 strikes' (a count follows) and 'Oct. 3 and 14' (days far apart)
    are not."""
    groups = match.groupdict()
    if not groups.get("d1") or not groups.get("d2") or groups.get("m1"):
        return False
    if not 0 < day_number(groups["d2"]) - day_number(groups["d1"]) <= 2:
        return False
    return re.match(r"\s*(?:[.,;:)]|$)", text[match.end():]) is not None


def _days_of_month(kind: str, match: re.Match[str]) -> bool:
    """'on 6 and 8 June' (TASS): two days before the month's name are days of that month, from
    the first to the second (the name after them leaves no count to misread, unlike 'on Oct. 3
    and 14 strikes')."""
    return kind == "dd_m" and day_number(match["d1"]) < day_number(match["d2"])


@dataclass(frozen=True)
class Found:
    kind: str
    start: int  # char offsets in the searched text
    end: int
    match: re.Match[str]


def anaphoric(found: Found) -> bool:
    """Whether an expression counts from a date told before it, not from publication: "the
    preceding 12 months", "a day earlier", "the day before"."""
    if found.kind == "day_before":
        return True
    return found.kind == "recent" and found.match["rel"].lower() == "preceding"


def month_number(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def day_number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


KIND_PRECISION = {
    "iso": DAY, "md_md": DAY, "dm_dm": DAY, "m_dd": DAY, "dd_m": DAY, "week_of": WEEK,
    "md": DAY, "dm": DAY, "m_m": MONTH, "part_month": APPROXIMATE, "rel_month": MONTH,
    "month_rel_year": MONTH,
    "month": MONTH, "year_year": YEAR, "rel_period": APPROXIMATE, "recent": APPROXIMATE,
    "recent_adj": APPROXIMATE, "day_before": DAY, "ago": APPROXIMATE, "weekday": DAY, "yesterday": DAY,
    "night": APPROXIMATE, "season": APPROXIMATE,
    "year_start": APPROXIMATE, "weekend": WEEK, "wd_wd": DAY,
    "year": YEAR,
}


def scan(text: str) -> list[Found]:
    """Every date expression in ``text``, longest first where they overlap."""
    found: list[Found] = []
    present = {check: check.search(text) is not None
               for check in (_MONTH_START, _DIGIT, _DAY_WORD, _PERIOD_WORD, _PART_OF_DAY)}
    for kind, pattern in PATTERNS:
        if not all(present[check] for check in REQUIRES.get(kind, ())):
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if start == end:
                continue
            if kind != "wd_wd" and _AND_RANGE.search(match.group()) and not _BETWEEN.match(
                    match.group()) and not _day_pair(text, match) and not _days_of_month(kind, match):
                continue  # "on Oct. 3 and 14 strikes ...": "and" makes a range only after "between"
            found.append(Found(kind, start, end, match))
    # Longest wins; among equals the earlier (more specific) pattern.
    order = {kind: i for i, (kind, _) in enumerate(PATTERNS)}
    found.sort(key=lambda f: (-(f.end - f.start), order[f.kind], f.start))
    kept: list[Found] = []
    for f in found:
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)
