"""The words the strike rules read: lists of ``ontology/lexicons/strikes.toml`` as constants,
and the matchers built once per vocabulary from the reference's SKOS schemes (target types,
strike nouns of the event-trigger lexicon, outcome verbs) and actor labels."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.matcher import Matcher
from spacy.tokens import Doc

from isisgraph.lexicons import lexicon
from isisgraph.reference import Reference

WORDS = lexicon("strikes")

CONDUCT_VERBS = WORDS.conduct_verbs
FRAME_VERBS = WORDS.frame_verbs
JOINING_VERBS = WORDS.joining_verbs
NEW_STRIKE_MARKERS = WORDS.new_strike_markers
ASPECT_VERBS = WORDS.aspect_verbs
TREND_VERBS = WORDS.trend_verbs
CUMULATIVE_PHRASES = WORDS.cumulative_phrases
GROUND_ACTION_NOUNS = WORDS.ground_action_nouns
TOTAL_NOUNS = WORDS.total_nouns
ALLEGATION_WORDS = WORDS.allegation_words
EXISTENTIAL_VERBS = WORDS.existential_verbs
OBSERVATION_VERBS = WORDS.observation_verbs
TALLY_VERBS = WORDS.tally_verbs
STRIKE_VERBS = WORDS.strike_verbs
STRIKING_OUTCOME_VERBS = WORDS.striking_outcome_verbs
RELEASE_VERBS = WORDS.release_verbs
SUBJECT_HIT_VERBS = WORDS.subject_hit_verbs
SUPPORT_VERBS = WORDS.support_verbs
AIR_POWER_NOUNS = WORDS.air_power_nouns
BACKING_PREPOSITIONS = WORDS.backing_prepositions
DESCRIBING_PARTICIPLES = WORDS.describing_participles
COMPARISON_WORDS = WORDS.comparison_words
FALLBACK_STRIKE_NOUNS = WORDS.fallback_strike_nouns
NON_MILITARY_STRIKES = WORDS.non_military_strike_modifiers
STRIKE_MODIFIED_NOUNS = WORDS.strike_modified_nouns
GROUND_AMBIGUOUS = WORDS.ground_ambiguous_nouns
CAMPAIGN_NOUNS = WORDS.campaign_nouns
AIR_MODIFIERS = WORDS.air_modifiers
AIR_STRIKE_NOUNS = WORDS.air_strike_nouns
FLIGHT_NOUNS = WORDS.flight_nouns
ENGAGEMENT_NOUNS = WORDS.engagement_nouns
SERIES_NOUNS = WORDS.series_nouns
VAGUE_PARTITIVES = WORDS.vague_partitives
REMAINDER_WORDS = WORDS.remainder_words
GENERIC_COMMAND_HEADS = WORDS.generic_command_heads
FORCE_NOUNS = WORDS.force_nouns
AIRCRAFT_NOUNS = WORDS.aircraft_nouns
GENERIC_AIRCRAFT = WORDS.generic_aircraft
AIRCRAFT_MAKERS = WORDS.aircraft_makers
GROUP_NOUNS = WORDS.aircraft_group_nouns
UNKNOWN_STRIKER = WORDS.unknown_striker_adjectives
AIR_WORDS = WORDS.air_words
DEMONYM_FORCE_KINDS = WORDS.demonym_force_kinds.ordered
MUNITION_NOUNS = WORDS.munition_nouns
COLLECTIVE_NOUNS = WORDS.collective_nouns
PEOPLE_NOUNS = WORDS.people_nouns
TARGET_NOUNS = WORDS.target_nouns
STRUCK_OBJECT_NOUNS = WORDS.struck_object_nouns
PERSON_AIRCRAFT = WORDS.person_aircraft
PLACE_NOUNS = WORDS.place_nouns
BORDER_NOUNS = WORDS.border_nouns
MISSION_VERBS = WORDS.mission_verbs
MISSION_NOUNS = WORDS.mission_nouns
TASKING_VERBS = WORDS.tasking_verbs

# Derived sets.
AIR_MODIFIER_HEADS = WORDS.air_modifier_heads  # "an air force strike", with an air modifier
# Participles on a strike noun that say where and when it was: "strikes conducted near Hajin",
# "no strikes reported in Iraq on Oct. 2".
DESCRIBING_VBN = CONDUCT_VERBS | OBSERVATION_VERBS

# Military aircraft designators: "F-16s", "CF-18s", "Su-34", "B-52", "F/A-18F", "AC-130".
AIRCRAFT_DESIGNATOR = re.compile(r"^(?:[a-z]{1,3}/)?[a-z]{1,3}-\d{1,3}[a-z]?$")

# Dependencies of a noun's modifiers that can name whose it is ("U.S. airstrike").
MODIFIER_DEPS = ("compound", "amod", "poss", "nmod", "npadvmod")


@dataclass
class Matchers:
    """Matchers and word maps built once per vocabulary from the reference schemes."""

    targets: Matcher
    strike_nouns: frozenset[str]
    outcome_of: dict[str, str]  # verb lemma -> outcome slug
    strike_verbs: frozenset[str]  # lemmas that say "strike" outright
    actor_labels: dict[str, str]  # lower-cased label -> actor IRI
    actor_labels_cased: dict[str, str]  # short all-caps labels, case kept
    air_capable: frozenset[str]


_MATCHERS: dict[tuple[int, int], Matchers] = {}


def matchers(doc: Doc, ref: Reference) -> Matchers:
    """The matchers for a Doc's vocabulary and a reference, built on first use."""
    key = (id(doc.vocab), id(ref))
    if key not in _MATCHERS:
        _MATCHERS[key] = _build(doc, ref)
    return _MATCHERS[key]


def _build(doc: Doc, ref: Reference) -> Matchers:
    targets = Matcher(doc.vocab)
    for slug, concept in sorted(ref.scheme("target-type").items()):
        patterns = [_label_pattern(label) for label in concept.labels if label.strip()]
        if patterns:
            targets.add(slug, patterns)
    outcome_of: dict[str, str] = {}
    for slug, concept in ref.scheme("outcome").items():
        for label in concept.labels:
            outcome_of[label.lower()] = slug
    actor_labels, cased, air = _actor_labels(ref)
    return Matchers(targets, _strike_nouns(ref), outcome_of, frozenset(STRIKE_VERBS), actor_labels,
                    cased, air)


def _strike_nouns(ref: Reference) -> frozenset[str]:
    """The head words of the event-trigger lexicon's strike frame ("air strikes" -> strike)."""
    nouns: set[str] = set()
    triggers = ref.scheme("event-trigger")
    frame = next((c.iri for s, c in triggers.items() if s == "frame-strike"), None)
    for concept in triggers.values():
        if frame is not None and concept.broader == frame:
            for label in concept.labels:
                nouns.add(label.lower().split()[-1].replace("-", ""))
    return frozenset(nouns | FALLBACK_STRIKE_NOUNS)


def _actor_labels(ref: Reference) -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """Actor labels (lower-cased; short all-caps ones with case kept) and the actors that
    strike from the air: coalitions and actors with an air word in a label."""
    labels: dict[str, str] = {}
    cased: dict[str, str] = {}
    air: set[str] = set()
    for iri in sorted(ref.aliases):
        if ref.kind(iri) != "actor":
            continue
        for label in ref.aliases[iri]:
            if len(label) <= 4 and label.isupper():
                cased.setdefault(label, iri)
            else:
                labels.setdefault(label.lower(), iri)
        lowered = " ".join(ref.aliases[iri]).lower()
        if ref.is_a(iri, "Coalition") or any(word in lowered for word in AIR_WORDS):
            air.add(iri)
    return labels, cased, frozenset(air)


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


@cache
def _label_tokenizer():  # type: ignore[no-untyped-def]
    import spacy

    return spacy.blank("en").tokenizer


def _label_pattern(label: str) -> list[dict[str, object]]:
    """A Matcher pattern for a lexicon label: words in order, the last one also plural."""
    words = [t.lower_ for t in _label_tokenizer()(label)]
    pattern: list[dict[str, object]] = [{"LOWER": w} for w in words[:-1]]
    last = words[-1]
    pattern.append({"LOWER": {"IN": sorted({last, _plural(last)})}})
    return pattern
