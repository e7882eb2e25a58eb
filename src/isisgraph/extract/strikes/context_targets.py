"""Whom a report's strikes hit when their own phrase does not say (``targets.actors_hit`` reads
the phrase): the last step of the context (``context.complete_from_context``), run once the
parts are linked to their totals, with the context's rule ids (strikes.context.target-from-*)."""

from __future__ import annotations

from isisgraph.extract.strikes.context import SENTENCES_BACK_FOR_ACTOR
from isisgraph.extract.strikes.document import Document, Draft

TARGET_FROM_TOTAL = "strikes.context.target-from-total"
TARGET_FROM_FRAME = "strikes.context.target-from-frame"  # "... continued to attack ISIL" (a lead)


def complete_targets(d: Document) -> None:
    """Each report's missing target actors, totals before their parts (once the parts are
    linked)."""
    for draft in d.drafts:
        if not draft.target_actors:
            _target_actors(d, draft)


def _target_actors(d: Document, draft: Draft) -> None:
    """Whom the strikes hit, when their own clause does not say: the total's that they break
    down; else the lead's within three units whose force is theirs ("U.S. and coalition
    military forces continued to attack ISIL terrorists ... Near Mosul, four strikes ...")."""
    parent = draft.parent
    if parent is not None and parent.target_actors:
        draft.target_actors = list(parent.target_actors)
        draft.step(TARGET_FROM_TOTAL)
        return
    for back in range(0, SENTENCES_BACK_FOR_ACTOR + 1):
        frame = d.frames.get(draft.unit - back)
        if frame is not None and frame.targets and set(frame.actors) & set(draft.perpetrators):
            draft.target_actors = [a for a in frame.targets if a not in draft.perpetrators]
            draft.step(TARGET_FROM_FRAME)
            return
