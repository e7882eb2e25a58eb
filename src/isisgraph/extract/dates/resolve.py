"""One date expression to a ``When``: the kind of pattern it matched decides how it is read
against the publication date (the rules are in the package docstring); what no pattern reads
is left to dateparser, with the publication date as its reference."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cache

from isisgraph.extract.dates.patterns import (
    APPROXIMATE,
    DAY,
    KIND_PRECISION,
    MONTH,
    MONTH_PATTERN,
    ORDINAL_WEEKS,
    SEASONS,
    SINCE,
    SMALL_NUMBERS,
    WEEK,
    WEEKDAYS,
    YEAR,
    YEAR_PATTERN,
    Found,
    day_number,
    month_number,
    scan,
)
from isisgraph.records import Span as TextSpan
from isisgraph.records import When


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


def resolve_match(found: Found, published: dt.date | None) -> tuple[dt.date, dt.date, str] | None:
    """Start, end and precision of one pattern match; None when it cannot be resolved."""
    m, kind = found.match, found.kind
    try:
        resolved = _RESOLVERS[kind](m, published)
    except (_Unresolvable, ValueError, KeyError):
        return None
    if SINCE.match(m.group()) and published is not None and resolved[0] <= published:
        # "since Jan. 1, 2019": from that date up to publication.
        return resolved[0], max(resolved[1], published), resolved[2]
    return resolved


def resolve_anaphor(found: Found, reference: tuple[dt.date, dt.date, str],
                    published: dt.date | None) -> tuple[dt.date, dt.date, str] | None:
    """An expression that counts from a date told before it (``patterns.anaphoric``), against
    that date's resolution ``reference``: "On March 3 ... a day earlier" is March 2, "two days
    later" March 5 (only from a day: "in March ... a day earlier" is no day); "In December 2016
    ... over the preceding 12 months" the twelve months before that December (December 2015 to
    November 2016), and from a day as from publication ("said on June 1 ... in the preceding
    week"). None when it cannot be read, or would fall after publication."""
    m = found.match
    ref_start, _, ref_precision = reference
    if found.kind == "day_before":
        if ref_precision != DAY:
            return None
        later = (m["dir"] or m["dir3"] or "").lower() in ("later", "next", "following")
        n = _count_word(m["n"], 1)
        day = ref_start + dt.timedelta(days=n if later else -n)
        if published is not None and day > published:
            return None
        return day, day, DAY
    if ref_precision == DAY:
        return resolve_match(found, ref_start)
    written = m["unit"].lower()
    unit = written.rstrip("s")
    n = _count_word(m["n"], 1 if not written.endswith("s") else 3)
    end = ref_start - dt.timedelta(days=1)
    if unit == "month":
        months = ref_start.year * 12 + ref_start.month - 1 - n
        start = dt.date(months // 12, months % 12 + 1, 1)
    elif unit == "year":
        start = _safe_date(ref_start.year - n, ref_start.month, ref_start.day) or ref_start.replace(
            year=ref_start.year - n, day=28)
    else:
        days = max(1, -(-n // 24)) if unit == "hour" else _UNIT_DAYS[unit] * n
        start = ref_start - dt.timedelta(days=days)
    return start, end, APPROXIMATE


def _need(published: dt.date | None) -> dt.date:
    if published is None:
        raise _Unresolvable
    return published


def _r_iso(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    return day, day, DAY


def _r_md_md(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    m1, d1, m2, d2 = month_number(m["m1"]), day_number(m["d1"]), month_number(m["m2"]), day_number(m["d2"])
    y2 = _y(m, "y2") or _y(m, "y1")
    if y2 is None:
        y2 = _year_not_after(m2, d2, _need(published))
    y1 = _y(m, "y1") or (y2 if m1 <= m2 else y2 - 1)
    return dt.date(y1, m1, d1), dt.date(y2, m2, d2), DAY


def _r_m_dd(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    month, d1, d2 = month_number(m["m"]), day_number(m["d1"]), day_number(m["d2"])
    if d2 <= d1:
        raise _Unresolvable
    year = _y(m, "y") or _year_not_after(month, d2, _need(published))
    return dt.date(year, month, d1), dt.date(year, month, d2), DAY


def _r_week_of(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    month = month_number(m["m"])
    year = _y(m, "y") or _year_not_after(month, None, _need(published))
    ordinal = ORDINAL_WEEKS[m["ord"].lower()]
    last = _month_end(year, month)
    if ordinal == -1:
        return last - dt.timedelta(days=6), last, WEEK
    start = dt.date(year, month, 1 + 7 * (ordinal - 1))
    return start, min(start + dt.timedelta(days=6), last), WEEK


def _r_md(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    month, day = month_number(m["m"]), day_number(m["d"])
    year = _y(m, "y") or _year_not_after(month, day, _need(published))
    date = dt.date(year, month, day)
    return date, date, DAY


def _r_m_m(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    m1, m2 = month_number(m["m1"]), month_number(m["m2"])
    y2 = _y(m, "y2") or _y(m, "y1") or _year_not_after(m2, None, _need(published))
    y1 = _y(m, "y1") or (y2 if m1 <= m2 else y2 - 1)
    return dt.date(y1, m1, 1), _month_end(y2, m2), MONTH


def _r_month(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    month = month_number(m["m"])
    year = _y(m, "y") or _year_not_after(month, None, _need(published))
    lead = " ".join((m["lead"] or "").lower().split())
    if lead == "since" and published is not None and dt.date(year, month, 1) <= published:
        # "since October": from that month up to publication.
        return dt.date(year, month, 1), published, MONTH
    return dt.date(year, month, 1), _month_end(year, month), MONTH


def _r_month_rel_year(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    """'which they had lost ... in April last year' (AFP): that month (day) of the year before
    publication; 'in March this year' of the publication year."""
    pub = _need(published)
    year = pub.year - 1 if m["rel"].lower() == "last" else pub.year
    month = month_number(m["m"])
    day = m["d1"] or m["d2"]
    if day:
        date = dt.date(year, month, day_number(day))
        return date, date, DAY
    return dt.date(year, month, 1), _month_end(year, month), MONTH


def _r_rel_month(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    month, pub = month_number(m["m"]), _need(published)
    rel = " ".join(m["rel"].lower().split())
    if rel == "last":
        # "last October": that October of the previous year (news writes "in October" for the
        # one of the publication year), as the gold guideline reads it: "ISIS captured the
        # town last August" published in November 2015 is August 2014
        year = pub.year - 1
    elif rel == "this":
        year = _year_not_after(month, None, pub)
    else:
        # "this past October", "past October": the most recent October before the
        # publication month
        year = pub.year if month < pub.month else pub.year - 1
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
    month = month_number(m["m"])
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
    # weeks" the month before publication; "the last months" the last three calendar months.
    n_text = m.groupdict().get("n")
    n = 0
    if written.endswith("s") and not n_text and unit == "month":
        # "in recent months", "in the last months": the publication month and the two before
        # it, whole (a vague count of months is read in months, not in 91 days)
        year, month = (pub.year, pub.month - 2) if pub.month > 2 else (pub.year - 1, pub.month + 10)
        return dt.date(year, month, 1), pub, APPROXIMATE
    if written.endswith("s") and not n_text and unit == "week":
        days = 30
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


def _r_night(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    """'overnight' (AAP: "two bombs were dropped ... overnight"; Reuters: "detonated their vests
    at the entrance to the base overnight"): the night before publication, from the day before
    to it, approximate; 'last night' the day before; 'this morning' the publication day."""
    pub = _need(published)
    word = " ".join(m["w"].lower().split())
    if word == "overnight":
        return pub - dt.timedelta(days=1), pub, APPROXIMATE
    if word == "last night":
        day = pub - dt.timedelta(days=1)
        return day, day, DAY
    return pub, pub, DAY


def _r_season(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    """'made swift advances ... over the summer', 'attacked villages during the winter': the
    latest such season begun by publication (up to publication when it is still going on),
    approximate."""
    pub = _need(published)
    first_month, last_month = SEASONS[m["s"].lower()]
    year = pub.year + (1 if first_month > last_month and pub.month >= first_month else 0)
    while True:
        start_year = year - 1 if first_month > last_month else year
        start = dt.date(start_year, first_month, 1)
        if start <= pub:
            return start, min(_month_end(year, last_month), pub), APPROXIMATE
        year -= 1


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
    if lead == "mid":
        # "since mid-2014": the middle of the year, June and July (as "mid-June" is the middle
        # of the month), approximate
        return dt.date(year, 6, 1), dt.date(year, 7, 31), APPROXIMATE
    precision = APPROXIMATE if lead in ("early", "late") else YEAR
    return dt.date(year, 1, 1), dt.date(year, 12, 31), precision


def _r_day_before(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date, str]:
    """'a day earlier' alone: it counts from a date of its sentence (``resolve_anaphor``)."""
    raise _Unresolvable


_RESOLVERS = {
    "day_before": _r_day_before,
    "season_year": _r_season_year,
    "iso": _r_iso, "md_md": _r_md_md, "dm_dm": _r_md_md, "m_dd": _r_m_dd, "dd_m": _r_m_dd,
    "week_of": _r_week_of, "md": _r_md, "dm": _r_md, "m_m": _r_m_m,
    "part_month": _r_part_month, "rel_month": _r_rel_month, "month": _r_month,
    "year_year": _r_year_year, "rel_period": _r_rel_period, "recent": _r_recent,
    "recent_adj": _r_recent, "ago": _r_ago, "weekday": _r_weekday, "yesterday": _r_yesterday,
    "night": _r_night, "season": _r_season, "month_rel_year": _r_month_rel_year,
    "year_start": _r_year_start, "weekend": _r_weekend, "wd_wd": _r_wd_wd,
    "year": _r_year,
}

# Precision of an expression when it cannot be resolved (no publication date).
def _with_dateparser(text: str, published: dt.date | None) -> tuple[dt.date, dt.date, str] | None:
    """Single absolute dates the patterns do not cover ("the 5th of March", "3/5/2019")."""
    if published is None and not re.search(YEAR_PATTERN, text):
        return None
    if not (re.search(MONTH_PATTERN, text) or re.search(r"\d{1,2}/\d{1,2}/\d{2,4}", text)):
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
    found = scan(raw)
    if found:
        best = max(found, key=lambda f: f.end - f.start)
        resolved = resolve_match(best, published)
        if resolved is not None:
            start, end, precision = resolved
            return When(raw=raw, start=start, end=end, precision=precision, span=span)
        precision = KIND_PRECISION[best.kind]
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
