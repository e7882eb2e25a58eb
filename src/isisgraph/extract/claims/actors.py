"""The actors that entities stand for when they speak or are spoken about, from the reference
data: an operation speaks through the actor that conducts it, a country or its capital
through its government.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from spacy.tokens import Span as DocSpan

from isisgraph.extract.claims.lexicon import NOT_SPEAKER_PARTICIPLES

if TYPE_CHECKING:
    from isisgraph.reference import Reference


def actor_iri(ref: Reference, ent: DocSpan) -> str | None:
    """The actor an entity stands for: an actor itself, the actor conducting an operation
    ("a spokesman for Operation Inherent Resolve" → CJTF-OIR), or None."""
    iri = ent.ent_id_
    if ent.label_ == "ACTOR" or ref.is_a(iri, "Actor"):
        return iri
    if ent.label_ == "OPERATION" or ref.is_a(iri, "Operation"):
        conductors = ref.conducted_by.get(iri, [])
        return conductors[0] if conductors else None
    return None


def government_of(ref: Reference, country: str, on: dt.date | None = None) -> str | None:
    """The government of a country place: among the ig:Government actors of that country,
    the one named after it ("Iraqi government", "Syrian regime") rather than a regional one
    ("Kurdistan Regional Government"); on a date, only one in office then (:func:`in_office`:
    "Syria's interior ministry said" in December 2025 is the transitional government's)."""
    if ref.is_a(country, "Actor"):
        return country
    name = ref.label(country).lower()
    stem = name[: max(4, len(name) - 1)]
    ranked: list[tuple[int, str]] = []
    for iri, classes in ref.types.items():
        if "Government" not in classes or ref.countries.get(iri) != country or not in_office(ref, iri, on):
            continue
        named = any(alias.lower().startswith(stem) for alias in ref.aliases.get(iri, []))
        ranked.append((0 if named else 1, iri))
    return min(ranked)[1] if ranked else None


def country_actor(ref: Reference, ent: DocSpan, on: dt.date | None = None) -> str | None:
    """A country entity used as a voice ("Iraq's prime minister", "Iranian media"): its
    government (in office on ``on``); an actor entity is itself."""
    iri = ent.ent_id_
    if ent.label_ == "ACTOR":
        return iri
    if ref.is_a(iri, "Country"):
        return government_of(ref, iri, on)
    return None


def in_office(ref: Reference, government: str, on: dt.date | None) -> bool:
    """Whether a government held office on a date, by the periods of the description readings
    that stand for it (ontology/descriptions.ttl: "the interior ministry" of Syria is the
    Syrian regime's until 7 December 2024, the transitional government's from the 8th): out of
    office when every such reading ends before the date or starts after it; with no date, or
    no dated reading, always."""
    if on is None:
        return True
    periods = [
        (r.start, r.end)
        for readings in ref.descriptions.values()
        for r in readings
        if r.actor == government and (r.start is not None or r.end is not None)
    ]
    if not periods:
        return True
    return any((start is None or start <= on) and (end is None or on <= end) for start, end in periods)


def is_armed_group(ref: Reference, iri: str) -> bool:
    return ref.is_a(iri, "ArmedGroup")


def is_participle_modifier(ent: DocSpan) -> bool:
    """ "US-led", "U.S.-backed": the entity modifies a participle (the backer, not the speaker)."""
    doc = ent.doc
    last = doc[ent.end - 1]
    participles = NOT_SPEAKER_PARTICIPLES
    if any(last.text.lower().endswith("-" + p) for p in participles):
        return True
    if ent.end + 1 < len(doc) and doc[ent.end].text in ("-", "\u2013") and doc[ent.end + 1].lower_ in participles:
        return True
    return ent.root.head.lower_ in participles and ent.root.head.i > ent.root.i
