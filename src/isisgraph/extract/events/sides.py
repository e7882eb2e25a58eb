"""Who a side stands for: a government that acts acts through its armed forces, a person
brings the organisation the reference data makes them a member of."""

from __future__ import annotations

from isisgraph.extract.context import armed_forces_of
from isisgraph.extract.events.candidate import Candidate
from isisgraph.reference import Reference

ARMED_FORCES = "events.sides.armed-forces"
MEMBER_OF = "events.sides.member-of"

# Organisations a person's side extends to (not a government or a media office).
GROUP_CLASSES = ("ArmedGroup", "StateForce", "Coalition")


def normalise_sides(cand: Candidate, ref: Reference) -> None:
    """Rule ``events.sides.armed-forces``: a government that attacks, kills, arrests or takes a
    place did it with its armed forces, which join it in the side: "Turkey and FSA liberate al-Bab from Daesh" (one
    article: the Turkish Armed Forces), "al-Baghdadi died during a U.S. raid" (another: the US
    military). Rule ``events.sides.member-of``: a person in a side brings the armed group or
    force they belong to: "al-Baghdadi died" is a loss of ISIS. Both in place; the candidate
    notes each rule that changed it."""
    for role in (cand.perpetrators, cand.gained):
        forces = [f for a in role if (f := armed_forces_of(a, ref)) != a and f not in role]
        if forces:
            role.extend(dict.fromkeys(forces))  # the government stays: it acted through them
            cand.step(ARMED_FORCES)
    for role in (cand.perpetrators, cand.target_actors, cand.gained, cand.lost):
        groups = [g for a in role if ref.is_a(a, "Person") for g in ref.member_of.get(a, ())
                  if any(ref.is_a(g, c) for c in GROUP_CLASSES) and g not in role]
        if groups:
            role.extend(dict.fromkeys(groups))
            cand.step(MEMBER_OF)
    cand.target_actors[:] = [a for a in cand.target_actors if a not in cand.perpetrators]
    cand.lost[:] = [a for a in cand.lost if a not in cand.gained]
