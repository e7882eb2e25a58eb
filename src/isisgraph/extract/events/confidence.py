"""How sure the rules are of an event."""

from __future__ import annotations

from isisgraph.extract.events.candidate import Candidate
from isisgraph.extract.syntax.factuality import inside_quotes

CONFIDENCE = "events.confidence"

BASE_CONFIDENCE = 0.75
# Raised for each of: an actor named in a role (not via anaphora), a place, a date ...
EACH_ANCHOR = 0.05
MAX_ANCHORS = 0.15  # ... at most this much
REPORTED = 0.10  # reported speech, or inside quotation marks
ANAPHORIC = 0.10  # a role or the place resolved from "the group", "the city", "it", the sentences before
PURPOSE = 0.15  # a purpose clause of a past action, reported as happened
UNDATED = 0.10
WEAK_TRIGGER = 0.05  # a device noun, an event only through the verb that governs it
FLOOR, CEILING = 0.30, 0.95


def confidence(cand: Candidate) -> float:
    """Rule ``events.confidence``: 0.75, plus 0.05 for each of a named actor, a place and a
    date; minus 0.10 for reported speech or quotation, 0.10 for a role or place resolved by
    anaphora, 0.15 for a purpose clause ("crossed the border in January to seize parts of
    northern Syria"), 0.10 with no date, 0.05 for a device noun; within 0.30–0.95."""
    score = BASE_CONFIDENCE
    score += min(MAX_ANCHORS, EACH_ANCHOR * sum((
        cand.named_actor,
        bool(cand.locations),
        cand.when is not None and cand.when.start is not None,
    )))
    if cand.fact.reported or inside_quotes(cand.trigger.head):
        score -= REPORTED
    if cand.anaphoric:
        score -= ANAPHORIC
    if cand.fact.purpose:
        score -= PURPOSE
    if cand.when is None or cand.when.start is None:
        score -= UNDATED
    if cand.weak_trigger:
        score -= WEAK_TRIGGER
    return round(min(CEILING, max(FLOOR, score)), 2)
