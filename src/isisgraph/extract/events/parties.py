"""Who takes part in the fighting: the predicates the side rules (``sides``) and the rules on
whom an attack hit (``victims``) share."""

from __future__ import annotations

from isisgraph.lexicons import lexicon
from isisgraph.namespaces import ID
from isisgraph.reference import Reference

WORDS = lexicon("events")
NON_MILITANT_GROUPS = frozenset(str(ID[f"actor/{slug}"]) for slug in WORDS.non_militant_groups)

# Who fights a militant group: a state's forces, a coalition, a government, or an armed group
# of [non-militant-groups].
FIGHTING_CLASSES = ("StateForce", "Coalition", "Government")


def fights(actor: str, ref: Reference) -> bool:
    """An actor that can take part in fighting: a force, a coalition, an armed group."""
    return any(ref.is_a(actor, c) for c in ("StateForce", "Coalition", "ArmedGroup", "Government"))


def fighting(actor: str, ref: Reference) -> bool:
    """A force fighting the militant groups: a state's, a coalition, a government, or an armed
    group of [non-militant-groups]."""
    return actor in NON_MILITANT_GROUPS or any(ref.is_a(actor, c) for c in FIGHTING_CLASSES)
