"""An event candidate as an ``Event`` record: its key, evidence span, counts and extractor."""

from __future__ import annotations

from dataclasses import replace

from isisgraph.extract.events.candidate import Candidate
from isisgraph.extract.events.clauses import own_tokens
from isisgraph.extract.events.confidence import confidence
from isisgraph.extract.events.context import Context
from isisgraph.extract.numbers import CountMatch
from isisgraph.extract.syntax.units import without_dateline
from isisgraph.records import Event, Told
from isisgraph.records import Span as TextSpan


def to_event(cand: Candidate, ctx: Context, keys: set[str],
             reports: list[Candidate] = ()) -> Event | None:
    """The record of ``cand``, keyed ``event-{kind}-{start}-{end}`` over its evidence span
    (stable across runs, so the claims extractor can point ``ig:about`` at it); when another
    event has that key, the trigger's subtree, then the trigger alone, give the span.
    ``reports`` are the other reports merged into it: each outside its span is one more
    evidence of the event (``Event.retold``), with its own confidence and rule."""
    span = evidence_span(cand)
    key = f"event-{cand.kind}-{span.start}-{span.end}"
    if key in keys:
        head = cand.trigger.head
        narrow = [t for t in head.subtree]
        span = TextSpan(narrow[0].idx, narrow[-1].idx + len(narrow[-1]))
        key = f"event-{cand.kind}-{span.start}-{span.end}"
        if key in keys:
            span = TextSpan(head.idx, head.idx + len(head))
            key = f"event-{cand.kind}-{span.start}-{span.end}"
            if key in keys:
                return None
    keys.add(key)
    # "in Syria's Idlib province": the most specific places; their containers follow from
    # the gazetteer.
    cand.locations = [p for p in cand.locations
                      if not any(q != p and ctx.ref.within(q, p) for q in cand.locations)]
    counts = [c for c in (cand.killed, cand.arrested, cand.surrendered, cand.wounded)
              if c is not None]
    when = cand.when
    if cand.declared and when is not None and when.start is not None:
        when = replace(when, precision="approximate")  # the change was on or before the day
    qualifier = counts[0].qualifier if counts else "exact"
    return Event(
        key=key,
        kind=cand.kind,
        span=span,
        trigger=cand.trigger.text,
        perpetrators=list(cand.perpetrators),
        target_actors=list(cand.target_actors),
        gained_control=list(cand.gained),
        lost_control=list(cand.lost),
        locations=list(cand.locations),
        when=when,
        killed_count=_int(cand.killed, cand.zero_killed),
        wounded_count=_int(cand.wounded, cand.zero_wounded),
        arrested_count=_int(cand.arrested, False),
        surrendered_count=_int(cand.surrendered, False),
        count_qualifier=qualifier,
        operation=cand.operation,
        confidence=confidence(cand),
        extractor=cand.extractor,
        retold=_retold(span, reports),
    )


def _retold(span: TextSpan, reports: list[Candidate]) -> list[Told]:
    """The evidence of the other reports of an event, each once, outside its own span."""
    told: dict[TextSpan, Told] = {}
    for report in sorted(reports, key=lambda c: c.trigger.head.i):
        other = evidence_span(report)
        if other == span or (span.start <= other.start and other.end <= span.end) or other in told:
            continue
        told[other] = Told(other, confidence(report), report.extractor, report.trigger.text)
    return list(told.values())


def _int(count: CountMatch | None, zero: bool) -> int | None:
    if count is not None:
        return int(count.value)
    return 0 if zero else None


def evidence_span(cand: Candidate) -> TextSpan:
    """The clause of the trigger plus every word that filled a role, within its sentence,
    without the dateline that opens its line (rule ``units.evidence-dateline``), trimmed of
    punctuation at the edges."""
    doc = cand.trigger.head.doc
    sent = cand.sent
    ids = {t.i for t in own_tokens(cand.trigger)} | cand.evidence
    ids = {i for i in ids if sent.start <= i < sent.end}
    tokens = sorted(doc[i] for i in ids)
    tokens = without_dateline(tokens) or tokens
    while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    while len(tokens) > 1 and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    first, last = tokens[0], tokens[-1]
    return TextSpan(first.idx, last.idx + len(last))
