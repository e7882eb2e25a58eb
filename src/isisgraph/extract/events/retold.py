"""Rule ``events.merge.retold``: one event told twice in an article (the lead and the body, the
news and a claim of it), found once the article's context has dated and sided its events; the
merges of ``merge`` join reports before that, while they are still candidates."""

from __future__ import annotations

from isisgraph.extract.events.candidate import ATTACK_KINDS
from isisgraph.records import Event, Told
from isisgraph.reference import Reference

RETOLD = "events.merge.retold"


def merge_retold(events: list[Event], ref: Reference) -> dict[str, str]:
    """Rule ``events.merge.retold``: once the article's context has dated and sided its events
    (``extract.context``), two events of one family on the same day (``_same_days``), at the
    same place or one inside the other, whose sides agree (a force and the organisations it
    belongs to are one side), are one event told twice — the lead and the body, or the news and
    a claim of it: "conducted an attack on an army unit in Diyala province" and "targeted an
    army unit in Bahriz town of Diyala province" (Baghdad Post 2020); the lead's "have
    reportedly retaken the town of Bashir" and the body's Peshmerga and Hashd retaking it the
    same day (RFE/RL 2016); "a third person was killed" in the raid placed in Jarablus (AP
    2023). An attack and a killing are one family here ("a terrorist attack in the governorate
    of Deir Ezzor" and the 25 it killed, AFP 2020; "stormed a town in Anbar" and the civilians
    killed in it, Reuters 2014; the house stormed and the seven employees killed, North Press
    2022). A control change must name the same place (a district taken the day its city was is
    an event of its own); two specific kinds (an ambush, a kidnapping), other counts, other
    attackers or targets (``_other_forces``), or a side that is the other's target keep two
    reports apart. The report at the narrower place (else the first told) is kept, with the
    other's sides and places; returns the key of each event folded into another, mapped to the
    key of the one kept. ``events`` is changed in place."""
    folded: dict[str, str] = {}
    order = sorted(events, key=lambda e: e.span.start)
    for i, a in enumerate(order):
        if a.key in folded:
            continue
        for b in order[i + 1:]:
            if b.key in folded or not _retold(a, b, ref):
                continue
            keep, other = (b, a) if _narrower(b, a, ref) else (a, b)
            for role in ("perpetrators", "target_actors", "gained_control", "lost_control"):
                mine = getattr(keep, role)
                mine.extend(x for x in getattr(other, role) if x not in mine)
            keep.locations.extend(x for x in other.locations if x not in keep.locations)
            for count in ("killed_count", "wounded_count", "arrested_count", "surrendered_count"):
                if getattr(keep, count) is None:
                    setattr(keep, count, getattr(other, count))
            if RETOLD not in keep.extractor.split("+"):
                keep.extractor += "+" + RETOLD
            # the folded report stays evidence of the event, with what it had folded itself
            told = [Told(other.span, other.confidence, f"{other.extractor}+{RETOLD}", other.trigger), *other.retold]
            keep.retold.extend(t for t in told if t.span != keep.span
                               and all(t.span != mine.span for mine in keep.retold))
            folded[other.key] = keep.key
            if other is a:
                break
            # a stays; look on for more retellings of it
    for dropped, kept in list(folded.items()):
        while kept in folded:
            kept = folded[kept]
        folded[dropped] = kept
    events[:] = [e for e in events if e.key not in folded]
    return folded


def _family(kind: str) -> str:
    return "Attack" if kind in ATTACK_KINDS else kind


def _retold(a: Event, b: Event, ref: Reference) -> bool:
    """Whether ``a`` and ``b`` are one event told twice (``merge_retold``)."""
    families = {_family(a.kind), _family(b.kind)}
    if not (len(families) == 1 or families == {"Attack", "Killing"}) or not (a.locations and b.locations):
        return False
    if a.kind != b.kind and "Attack" not in (a.kind, b.kind) and "Killing" not in (a.kind, b.kind):
        return False  # an ambush and a kidnapping of the same day are two attacks
    if not _same_days(a, b):
        return False
    if a.kind == "ControlChange":
        if not set(a.locations) & set(b.locations):
            return False
    elif not any(ref.within(x, y) or ref.within(y, x) for x in a.locations for y in b.locations):
        return False
    for mine, theirs in ((a.killed_count, b.killed_count), (a.arrested_count, b.arrested_count)):
        if mine is not None and theirs is not None and mine != theirs:
            return False
    pa, pb = _sides(a.perpetrators, ref), _sides(b.perpetrators, ref)
    ta, tb = _sides(a.target_actors, ref), _sides(b.target_actors, ref)
    ga, gb = _sides(a.gained_control, ref), _sides(b.gained_control, ref)
    la, lb = _sides(a.lost_control, ref), _sides(b.lost_control, ref)
    if (pa and pb and not pa & pb) or _other_forces(ta, tb, ref) or pa & tb or pb & ta:
        return False  # other attackers, other targets, or one's attacker the other's target
    return not (_other_forces(ga, gb, ref) or ga & lb or gb & la)


def _same_days(a: Event, b: Event) -> bool:
    """Whether ``a`` and ``b`` are dated to the same one day, and not both only by the article's
    day (two undated reports of an article: nothing says they are one)."""
    wa, wb = a.when, b.when
    if wa is None or wb is None or wa.start is None or wb.start is None:
        return False
    if wa.basis == "publication" and wb.basis == "publication":
        return False
    ends = wa.end or wa.start, wb.end or wb.start
    return wa.start == wb.start == ends[0] == ends[1]


def _other_forces(mine: set[str], theirs: set[str], ref: Reference) -> bool:
    """Whether two sets of targets or gainers (with their organisations) are other forces: none
    shared, and each a force of a country (the army, the Peshmerga), not a vague one ("Kurdish
    forces") or the group itself, which the other report may name more closely: "Peshmerga
    forces have recaptured the town of Sinjar" and "Kurdish forces had retaken the town", said
    the same day (Newsweek 2015)."""
    return bool(mine and theirs and not mine & theirs) and all(
        ref.country_of(x) is not None for x in mine | theirs)


def _sides(actors: list[str], ref: Reference) -> set[str]:
    """The actors and the organisations they belong to."""
    return {x for a in actors for x in (a, *ref.memberships(a))}


def _narrower(a: Event, b: Event, ref: Reference) -> bool:
    """Whether ``a`` is placed more narrowly than ``b``: at ``b``'s places and more ("Bahriz
    town of Diyala province" and "Diyala province"), or a place of ``a`` inside one of ``b``'s
    and none of ``b``'s inside one of ``a``'s ("Anbar province" and "the town of
    Baghdadi" beside "across Iraq")."""
    mine, theirs = set(a.locations), set(b.locations)
    if mine == theirs:
        return False
    return mine > theirs or (_deeper(mine, theirs, ref) and not _deeper(theirs, mine, ref))


def _deeper(mine: set[str], theirs: set[str], ref: Reference) -> bool:
    return any(x != y and ref.within(x, y) for x in mine for y in theirs)
