"""Strikes told without a number by several forces at once: one report per force.

"In the meantime, the Russian and Syrian fighter jets pounded ISIL's strongholds in the region"
(dev: Fars, 8 November 2017) says that the Russian air force struck at least once and that the
Syrian one did: two reports of at least one strike, on the same evidence (the gold guideline
codes them so); "Russian, Syrian jets pound ISIS in Deir Ezzor" (genre: asharq), the same. Forces of which
one belongs to the other ("U.S. and coalition military forces continued to attack") are one
side, and a count ("Russian and Syrian warplanes launched dozens of air raids") is shared, not
split: neither force's share is stated. A force that joined another's strikes ("Jordan said its
warplanes had joined US-led strikes", Jordan Times 2014; "the CF-18s joined coalition aircraft to
hit ...", CTV 2014) struck, and so did the force it joined: one report each, member or not."""

from __future__ import annotations

import copy

from isisgraph.extract.strikes.document import Document, Draft

EACH_FORCE = "strikes.sides.each-force"


def independent(actors: list[str], d: Document) -> bool:
    """Whether no actor of the list belongs to another one of it."""
    return len(actors) > 1 and not any(
        a != b and b in d.ref.memberships(a) for a in actors for b in actors)


def each_force(drafts: list[Draft], d: Document) -> list[Draft]:
    """The reports, each uncounted report of independent forces split into one per force."""
    out: list[Draft] = []
    for draft in drafts:
        # "its warplanes had joined US-led strikes": the member's part and the strikes it
        # joined are each a report, though the member belongs to the coalition
        joined = draft.joined and len(draft.perpetrators) > 1
        if draft.counted or not (joined or independent(draft.perpetrators, d)):
            out.append(draft)
            continue
        for actor in draft.perpetrators:
            part = copy.copy(draft)
            part.perpetrators = [actor]
            part.steps = list(draft.steps)
            part.countries, part.locations = list(draft.countries), list(draft.locations)
            part.targets = list(draft.targets)
            part.step(EACH_FORCE)
            out.append(part)
    return out
