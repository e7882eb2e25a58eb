"""The words the figure readers read: the measure nouns and target types of the ``measure`` and
``target-type`` SKOS schemes of ``ontology/schemes.ttl`` (:class:`MeasureLexicon`), and the
word lists of ``ontology/lexicons/figures.toml`` (``WORDS``) with the sets derived from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from isisgraph.lexicons import lexicon

if TYPE_CHECKING:
    from isisgraph.reference import Reference

WORDS = lexicon("figures")
# The lists as module constants: the rules read them in inner loops, where each attribute of
# WORDS would be looked up afresh.
AREA_UNITS = WORDS.area_units
BACKER_PARTICIPLES = WORDS.backer_participles
COUNTING_VERBS = WORDS.counting_verbs
COUNTRY_NOUNS = WORDS.country_nouns
CUMULATIVE_WORDS = WORDS.cumulative_words
DISPLACING_VERBS = WORDS.displacing_verbs
EVENT_VERBS = WORDS.event_verbs
FIGHTER_FORMS = WORDS.fighter_forms
FOREIGN_WORDS = WORDS.foreign_words
FOREIGNER_NOUNS = WORDS.foreigner_nouns
HOLDING_VERBS = WORDS.holding_verbs
JOINED_VERBS = WORDS.joined_verbs
JOINING_VERBS = WORDS.joining_verbs
LAND_STATES = WORDS.land_states
LAND_WORDS = WORDS.land_words
LIBERATING_VERBS = WORDS.liberating_verbs
MEMBERSHIP_GROUPS = WORDS.membership_groups
MEMBERSHIP_NOUNS = WORDS.membership_nouns
PERCENT_WORDS = WORDS.percent_words
RETURNING_VERBS = WORDS.returning_verbs
SQUARE_UNITS = WORDS.square_units
SQUARE_WORDS = WORDS.square_words
STRIKE_NOUNS = WORDS.strike_nouns
STRIKE_VERBS = WORDS.strike_verbs

# A fraction word's share in percent: "a third" → 33.3.
FRACTIONS: dict[str, float] = {word: 100 / whole for word, whole in WORDS.fractions.items()}
# Verbs that free people (liberating verbs that do not only take or hold land).
FREEING_VERBS = LIBERATING_VERBS - HOLDING_VERBS

# Measures whose labels are the nouns of the people counted ("troops", "militants",
# "civilians", "refugees"); a target type of people struck is a casualty, not a target.
PEOPLE_NOUN_MEASURES = ("troops", "fighters", "people-liberated", "displaced")
PEOPLE_TARGET_TYPE = "fighters"


@dataclass(frozen=True)
class MeasureLexicon:
    """Measure slugs by the head word of their labels, and target types by label words."""

    measure_of_word: dict[str, str]
    target_labels: list[tuple[tuple[str, ...], str]]  # (label words, target-type slug)

    @classmethod
    def from_reference(cls, ref: Reference) -> MeasureLexicon:
        words: dict[str, str] = {}
        for slug, concept in ref.scheme("measure").items():
            for label in concept.labels:
                parts = label.lower().split()
                if slug in PEOPLE_NOUN_MEASURES and len(parts) <= 2:
                    words.setdefault(parts[-1], slug)
                    words.setdefault(singular(parts[-1]), slug)
        targets: list[tuple[tuple[str, ...], str]] = []
        for slug, concept in ref.scheme("target-type").items():
            if slug == PEOPLE_TARGET_TYPE:
                continue  # people struck are casualties, the events' business
            for label in concept.labels:
                targets.append((tuple(singular(w) for w in label.lower().replace("-", " - ").split()), slug))
        targets.sort(key=lambda item: -len(item[0]))
        return cls(words, targets)


def singular(word: str) -> str:
    """A plural's singular, by the English suffixes ("casualties" → "casualty")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word
