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

# A fraction word's share in percent: "a third" → 33.3.
FRACTIONS: dict[str, float] = {word: 100 / whole for word, whole in WORDS.fractions.items()}
# Verbs that free people (liberating verbs that do not only take or hold land).
FREEING_VERBS = WORDS.liberating_verbs - WORDS.holding_verbs

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
