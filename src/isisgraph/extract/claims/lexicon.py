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
# The lists as module constants: the rules read them in inner loops, where each attribute of
# WORDS would be looked up afresh.
ANALYST_ROLES = WORDS.analyst_roles
ARMED_FORCES_BODIES = WORDS.armed_forces_bodies
ASSESSMENT_VERBS = WORDS.assessment_verbs
CHANNEL_NOUNS = WORDS.channel_nouns
CHANNEL_PRIORITY = WORDS.channel_priority
CLAIMED_NOUNS = WORDS.claimed_nouns
CLAIMING_VERBS = WORDS.claiming_verbs
CIVIL_GROUP_WORDS = WORDS.civil_group_words
COALITION_NOUNS = WORDS.coalition_nouns
CONTINUING_VERBS = WORDS.continuing_verbs
COUNTABLE_NOUNS = WORDS.countable_nouns
COUNTRY_MONITORS = WORDS.country_monitors
COUNTRY_NOUNS = WORDS.country_nouns
DECLARING_VERBS = WORDS.declaring_verbs
DEFENCE_WORDS = WORDS.defence_words
DEPARTMENT_NOUNS = WORDS.department_nouns
DEMANDING_VERBS = WORDS.demanding_verbs
DEMAND_PREPOSITIONS = WORDS.demand_prepositions
DISCLOSURE_NOUNS = WORDS.disclosure_nouns
DENYING_VERBS = WORDS.denying_verbs
DOCUMENT_CHANNELS = WORDS.document_channels
FORCE_KINDS = WORDS.force_kinds
GOING_ON_VERBS = WORDS.going_on_verbs
SECTOR_KINDS = frozenset(WORDS.sector_kinds)
GOVERNMENT_NOUNS = WORDS.government_nouns
GROUP_NOUNS = WORDS.group_nouns
INFINITIVE_CONTENT_VERBS = WORDS.infinitive_content_verbs
ISSUING_VERBS = WORDS.issuing_verbs
ESTIMATING_VERBS = WORDS.estimating_verbs
FINDING_DOCUMENTS = WORDS.finding_documents
FINDING_VERBS = WORDS.finding_verbs
FIGURE_NOUNS = WORDS.figure_nouns
LEADING_PARTICIPLES = WORDS.leading_participles
LEADER_OFFICES = WORDS.leader_offices
MILITARY_MEDIA = WORDS.military_media
MODIFIED_BODY_NOUNS = WORDS.modified_body_nouns
MONITOR_WORDS = WORDS.monitor_words
NOT_SPEAKER_PARTICIPLES = WORDS.not_speaker_participles
OBJECT_REPORTING_VERBS = WORDS.object_reporting_verbs
NAME_SUFFIXES = WORDS.name_suffixes
OFFICIAL_NOUNS = WORDS.official_nouns
QUOTING_VERBS = WORDS.quoting_verbs
RANK_NOUNS = WORDS.rank_nouns
RELAYED_NOUNS = WORDS.relayed_nouns
RELAYING_VERBS = WORDS.relaying_verbs
ROLE_VERBS = WORDS.role_verbs
SEAT_CITIES = WORDS.seat_cities
SOCIAL_MEDIA = WORDS.social_media
SOURCE_NOUNS = WORDS.source_nouns
STATE_BODY_NOUNS = WORDS.state_body_nouns
STATELESS_NATIONS = WORDS.stateless_nationalities
STATE_MEDIA_NOUNS = WORDS.state_media_nouns
STATE_NEWS_AGENCIES = WORDS.state_news_agencies
STATE_VOICE_NOUNS = WORDS.state_voice_nouns
TELLING_VERBS = WORDS.telling_verbs
TITLE_WORDS = WORDS.title_words
VERB_AND_NOUN_CHANNELS = WORDS.verb_and_noun_channels
VERB_ONLY_CHANNELS = WORDS.verb_only_channels
VICTORY_NOUNS = WORDS.victory_nouns
VICTORY_PHRASES = WORDS.victory_phrases
WARNING_VERBS = WORDS.warning_verbs
WITHHELD_NOUNS = WORDS.withheld_nouns


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
                if slug in DOCUMENT_CHANNELS or word in CHANNEL_NOUNS:
                    nouns.setdefault(word, slug)
                else:
                    verbs.setdefault(word, slug)
                    if slug in VERB_AND_NOUN_CHANNELS:
                        nouns.setdefault(word, slug)
        # The slug itself is a usable word when it is one ("tweet", "statement").
        for slug in ref.scheme("channel"):
            if "-" not in slug and slug not in VERB_ONLY_CHANNELS:
                nouns.setdefault(slug, slug)
        cues: dict[str, list[tuple[str, ...]]] = {}
        for slug, concept in ref.scheme("claim-type").items():
            sequences = {tuple(label.lower().split()) for label in concept.labels}
            sequences.discard(tuple(concept.pref_label.lower().split()))
            cues[slug] = sorted(sequences)
        return cls(verbs=verbs, nouns=nouns, type_cues=cues)


CHANNEL_RANK = {channel: rank for rank, channel in enumerate(CHANNEL_PRIORITY.ordered)}


def better_channel(a: str, b: str) -> str:
    """The more specific of two channels (``channel-priority``): "statement" over "said"."""
    return a if CHANNEL_RANK.get(a, 99) <= CHANNEL_RANK.get(b, 99) else b
