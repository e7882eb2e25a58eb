"""Which total a report breaks down.

A report is ``part_of`` the nearest earlier report whose scope contains it: the same counted
noun (sorties never break down strikes), fewer or equal strikes, the same (or a containing)
actor, and a strictly narrower place (countries or located places, or an unnamed place in the
total's countries: "Near Baghdadi", "near the border") or a strictly shorter period inside the
total's with no new place ("There were no strikes in Iraq on Jan. 24 and 25" of the week's Iraq
count); its period inside the total's (or within a week of a week-long or approximate total).
A breakdown larger than the number its total states ("34 of the raids" after "dozens", at least
24) is read as a part for context but not asserted as one: the shapes hold a part to at most
its total."""

from __future__ import annotations

import datetime as dt

from isisgraph.extract.strikes.document import Document, Draft
from isisgraph.records import When
from isisgraph.reference import Reference

PART_OF = "strikes.parts.part-of"  # "Near Raqqa, 11 strikes ..." under "14 strikes in Syria"
PLACES_FROM_PARTS = "strikes.parts.places-from-parts"  # "one near Al-Asad, five near Hawija"

SENTENCES_BACK_FOR_PARENT = 40  # a release lists many towns


def link_parts(d: Document) -> None:
    """Each counted report without a total gets the nearest earlier one containing it (and its
    period when it has none); a total's located parts place the total too."""
    for i, draft in enumerate(d.drafts):
        if draft.parent is not None or draft.actor_source == "blocked" or not draft.counted:
            continue
        for candidate in reversed(d.drafts[:i]):
            if draft.unit - candidate.unit > SENTENCES_BACK_FOR_PARENT:
                break
            if contains(candidate, draft, d.ref):
                draft.parent = candidate
                draft.step(PART_OF)
                if draft.when is None and candidate.when is not None:
                    draft.when, draft.when_source = candidate.when, "context"
                break
    for draft in d.drafts:
        if draft.parent is None:
            continue
        parent = draft.parent
        while parent is not None:
            added = [loc for loc in draft.locations if loc not in parent.locations]
            if added:
                parent.locations += added
                parent.step(PLACES_FROM_PARTS)
            parent = parent.parent


def contains(total: Draft, part: Draft, ref: Reference) -> bool:
    """Whether ``part`` reads as a breakdown of ``total``."""
    if not total.counted or total.single or total.strike_count is None or part is total:
        return False  # one strike told ("an airstrike") is no total to break down
    if part.counted_noun != total.counted_noun:
        return False  # sorties flown do not break down strikes, nor strikes sorties
    if part.strike_count is not None and part.strike_count > total.strike_count:
        return False
    if part.engagement_count is not None and (
        total.engagement_count is None or part.engagement_count > total.engagement_count
    ):
        return False
    if total.perpetrators and part.perpetrators and not (
        set(part.perpetrators) & set(total.perpetrators)
        or any(m in total.perpetrators for p in part.perpetrators for m in ref.memberships(p))
    ):
        return False
    if not within(part.when, total.when):
        return False
    return _narrower(total, part)


def _narrower(total: Draft, part: Draft) -> bool:
    """Whether the part's scope is strictly inside the total's: a shorter period with no new
    place, a town line in the total's countries, or fewer countries or places."""
    part_c, total_c = set(part.countries), set(total.countries)
    if part_c and total_c and not part_c <= total_c:
        return False
    narrower_country = bool(part_c) and part_c < total_c
    if strictly_inside(part.when, total.when) and not (
        set(part.locations) - set(total.locations)
    ) and ((part_c and part.country_source == "clause") or not total_c):
        return True  # "There were no strikes in Iraq on Jan. 24 and 25" in the week's Iraq count
    if part.unnamed_place and not part.locations and total_c and (
        not part_c or (part.country_source == "context" and part_c <= total_c)
    ):
        return True  # "Near Baghdadi, one strike ...": a town line of the report above
    narrower_place = bool(part.locations) and (
        not total.locations or (set(part.locations) < set(total.locations))
        or (set(part.locations) <= set(total.locations)
            and len(total.locations) > len(part.locations))
    ) and (not total_c or not part_c or part_c <= total_c)
    return narrower_country or narrower_place


def broader(mine: When | None, theirs: When | None) -> bool:
    """Whether my period strictly contains theirs (a running total since 2014 against this
    week's report): then their countries say nothing about mine."""
    if mine is None or theirs is None or None in (mine.start, mine.end, theirs.start, theirs.end):
        return False
    assert mine.start and mine.end and theirs.start and theirs.end
    return mine.start <= theirs.start and theirs.end <= mine.end and (
        (mine.end - mine.start) > (theirs.end - theirs.start))


def strictly_inside(inner: When | None, outer: When | None) -> bool:
    """Whether a resolved period lies inside another and is shorter: a day of a week."""
    if inner is None or outer is None or None in (inner.start, inner.end, outer.start, outer.end):
        return False
    assert inner.start and inner.end and outer.start and outer.end
    return outer.start <= inner.start and inner.end <= outer.end and (
        (inner.end - inner.start) < (outer.end - outer.start))


def within(inner: When | None, outer: When | None) -> bool:
    """Whether a period lies inside another (a week's slack for a week-long or approximate
    total); no period lies in any."""
    if inner is None:
        return True
    if outer is None or None in (inner.start, inner.end, outer.start, outer.end):
        return inner is outer or (inner.raw == outer.raw if outer is not None else False)
    if outer.start <= inner.start and inner.end <= outer.end:
        return True
    slack = dt.timedelta(days=7)
    return outer.precision in ("week", "approximate") and (
        outer.start - slack <= inner.start and inner.end <= outer.end + slack
    )


def asserted_part(draft: Draft) -> bool:
    """Whether the graph says which total a report breaks down. '34 of the raids' after
    'dozens of air raids' reads as a part, but a breakdown larger than the number its total
    states (24, at least) is not asserted: the shapes hold a part to at most its total."""
    parent = draft.parent
    if parent is None:
        return False
    return draft.strike_count is None or parent.strike_count is None or (
        draft.strike_count <= parent.strike_count)
