"""The words the claim readers read: the speech verbs, channel nouns and claim-type cues of the
``channel`` and ``claim-type`` SKOS schemes of ``ontology/schemes.ttl``, and the word lists of
``ontology/lexicons/claims.toml`` (``WORDS``).

The channel scheme's one-word labels are the speech verbs ("say", "tweet", "declare" → the
channel they report through) and the nouns of a medium ("statement", "release", "tweet");
the claim-type scheme's labels other than its preferred ones are the cues of a claim's type
("claim responsibility", "declare victory", "warn").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from isisgraph.lexicons import lexicon

if TYPE_CHECKING:
    from isisgraph.reference import Reference

WORDS = lexicon("claims")


@dataclass
class SpeechLexicon:
    """The speech verbs, channel nouns and claim-type cues, read from the SKOS schemes."""

    verbs: dict[str, str]  # lemma -> channel slug
    nouns: dict[str, str]  # channel noun lemma -> channel slug ("statement", "tweet")
    type_cues: dict[str, list[tuple[str, ...]]]  # claim-type slug -> label word sequences

    @classmethod
    def from_reference(cls, ref: Reference) -> SpeechLexicon:
        verbs: dict[str, str] = {}
        nouns: dict[str, str] = {}
        for slug, concept in ref.scheme("channel").items():
            for label in concept.labels:
                words = label.lower().split()
                if len(words) != 1:
                    continue
                word = words[0]
                if slug in WORDS.document_channels or word in WORDS.channel_nouns:
                    nouns.setdefault(word, slug)
                else:
                    verbs.setdefault(word, slug)
                    if slug in WORDS.verb_and_noun_channels:
                        nouns.setdefault(word, slug)
        # The slug itself is a usable word when it is one ("tweet", "statement").
        for slug in ref.scheme("channel"):
            if "-" not in slug and slug not in WORDS.verb_only_channels:
                nouns.setdefault(slug, slug)
        cues: dict[str, list[tuple[str, ...]]] = {}
        for slug, concept in ref.scheme("claim-type").items():
            sequences = {tuple(label.lower().split()) for label in concept.labels}
            sequences.discard(tuple(concept.pref_label.lower().split()))
            cues[slug] = sorted(sequences)
        return cls(verbs=verbs, nouns=nouns, type_cues=cues)


def better_channel(a: str, b: str) -> str:
    """The more specific of two channels (``channel-priority``): "statement" over "said"."""
    rank = {c: i for i, c in enumerate(WORDS.channel_priority.ordered)}
    return a if rank.get(a, 99) <= rank.get(b, 99) else b
