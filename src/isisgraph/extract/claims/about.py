"""What a claim is about, once the article's events and strike reports are known:

- the events and strike reports its span contains;
- ``claims.about.previous-attack``: a claim of responsibility whose span holds no attack is
  about the latest attack of the three sentences before it ("A car bomb exploded near a
  checkpoint in Tikrit ... Islamic State claimed responsibility for the bombing.");
- a victory declaration, warning or assessment is also about the armed groups its words
  name, other than its claimant;
- ``claims.about.attack-perpetrator``: when "the group" of a claim of responsibility was
  resolved only by salience, and no attack of the last sentences has it as perpetrator, the
  single armed group the claimed attack's own record names as perpetrator is the claimant.

Both numbered rules append their id to the claim's extractor value when they change it.
"""

from __future__ import annotations

from isisgraph.extract.claims.actors import actor_iri, is_armed_group
from isisgraph.extract.claims.article import ClaimArticle, Found
from isisgraph.extract.claims.attribution import append_step
from isisgraph.extract.shared import SpanIndex
from isisgraph.records import Claim, Event, StrikeReport

PREVIOUS_ATTACK = "claims.about.previous-attack"
ATTACK_PERPETRATOR = "claims.about.attack-perpetrator"

ATTACK_KINDS = ("Attack", "Bombing", "SuicideAttack", "Ambush", "Assassination", "Abduction", "Killing")
ABOUT_GROUPS_TYPES = ("victory-declaration", "warning", "assessment")


def about(art: ClaimArticle, claim: Claim, records: SpanIndex[Event | StrikeReport],
          attacks: SpanIndex[Event]) -> list[str]:
    """Keys of the events and strike reports (``records``) the claim is about, and IRIs of the
    armed groups it names (see the module docstring)."""
    out = [record.key for record in records.inside(claim.span.start, claim.span.end)]
    if claim.claim_type == "responsibility" and not attacks.inside(claim.span.start, claim.span.end):
        attack = previous_attack(art, claim, attacks)
        if attack is not None:
            out.append(attack.key)
            append_step(claim, PREVIOUS_ATTACK)
    if claim.claim_type in ABOUT_GROUPS_TYPES:
        for ent in art.domain_ents_within_chars(claim.span.start, claim.span.end):
            iri = actor_iri(art.ref, ent)
            if iri and is_armed_group(art.ref, iri) and iri != claim.claimant and iri not in out:
                out.append(iri)
    return out


def claimant_from_attack(art: ClaimArticle, found: Found, attacks: SpanIndex[Event],
                         events_by_key: dict[str, Event]) -> None:
    """ "The group claimed responsibility for the attack": when "the group" was resolved only
    by salience, the armed group the attack's own record names as perpetrator is the better
    reading."""
    claim = found.claim
    if claim.claim_type != "responsibility" or found.speaker.how != "description":
        return
    sent_index = art.sent_of.get(art.token_at(claim.span.start), 0)
    earliest = art.sents[max(0, sent_index - 3)].start_char
    recent = [e for e in attacks.touching(earliest, claim.span.start) if earliest <= e.span.start < claim.span.start]
    if any(claim.claimant in e.perpetrators for e in recent):
        return  # the salient group is the perpetrator of a recent attack: keep it
    for key in claim.about:
        event = events_by_key.get(key)
        groups = [p for p in (event.perpetrators if event else []) if is_armed_group(art.ref, p)]
        if len(groups) == 1:
            if groups[0] != claim.claimant:
                claim.claimant = groups[0]
                append_step(claim, ATTACK_PERPETRATOR)
            return


def previous_attack(art: ClaimArticle, claim: Claim, attacks: SpanIndex[Event], window: int = 3) -> Event | None:
    """The latest attack reported in the ``window`` sentences before the claim ("the attack"
    of "claimed responsibility for the attack")."""
    sent_index = art.sent_of.get(art.token_at(claim.span.start), 0)
    if sent_index == 0:
        return None
    earliest = art.sents[max(0, sent_index - window)]
    before = [
        e
        for e in attacks.touching(earliest.start_char, claim.span.start)
        if e.span.start < claim.span.start and e.span.end > earliest.start_char
    ]
    return max(before, key=lambda e: e.span.start) if before else None


def is_attack(event: Event) -> bool:
    return event.kind in ATTACK_KINDS
