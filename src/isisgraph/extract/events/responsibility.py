"""Claims of responsibility: the claimant becomes the perpetrator of the attack it claims."""

from __future__ import annotations

from spacy.tokens import Token

from isisgraph.extract.events.candidate import ATTACK_KINDS, Candidate
from isisgraph.extract.events.context import Context
from isisgraph.extract.events.triggers import Trigger
from isisgraph.extract.syntax.factuality import factuality, negated
from isisgraph.extract.syntax.tree import children, doers, prep_objects
from isisgraph.extract.syntax.units import sentence_of
from isisgraph.lexicons import lexicon

WORDS = lexicon("events")
ATTACK_NOUN_LEMMAS = WORDS.attack_noun_lemmas

NAMED = "events.responsibility.named"
LATEST = "events.responsibility.latest"
ANAPHOR = "events.responsibility.anaphor"


def read_responsibility(trigger: Trigger, ctx: Context) -> Candidate | None:
    """Frame ``responsibility``: no event of its own; ``credit_claims`` reads it after the
    attacks are read."""
    return None


def credit_claims(triggers: list[Trigger], cands: list[Candidate], ctx: Context) -> None:
    """Rule ``events.responsibility.named``: "ISIS claimed responsibility for a bombing in
    Baghdad on Monday" — the claimant is a perpetrator of the attack named. Rule
    ``events.responsibility.latest``: "Islamic State claimed responsibility for the attack."
    ("the attack" is no event of its own) — of the latest attack reported in the two sentences
    before. A bare "claimed" credits only an
    attack noun or an event read there."""
    for trigger in triggers:
        if trigger.word.frame != "responsibility":
            continue
        head = trigger.head
        if negated(head) or factuality(trigger.head).blocked:
            continue
        claimant = ctx.actors(doers(head))
        if not claimant[0]:
            continue
        # "claimed responsibility for killing two SDF fighters": a gerund names the event too
        claimed_nouns = [c for c in _claimed(trigger) if c.pos_ in ("NOUN", "PROPN")
                         or (c.tag_ == "VBG" and c.i in ctx.trigger_heads)]
        if not claimed_nouns and len(trigger.tokens) > 1:
            # "ISIS later claimed responsibility.": the attack just reported
            target = latest_attack_before(head, cands, ctx)
            if target is not None and credible(claimant[0], target, named=False):
                if set(claimant[0]) - set(target.perpetrators):
                    target.step(LATEST)
                target.add(target.perpetrators, claimant[0])
                target.target_actors = [x for x in target.target_actors
                                        if x not in target.perpetrators]
            continue
        if not claimed_nouns:
            continue
        named = _candidate_for(claimed_nouns, cands)
        target = named or latest_attack_before(head, cands, ctx)
        if target is None:
            continue
        if trigger.word.words == ("claim",) and named is None \
                and not any(c.lemma_ in ATTACK_NOUN_LEMMAS for c in claimed_nouns):
            continue
        if not credible(claimant[0], target, named=named is not None):
            continue
        for iri in claimant[0]:
            if iri not in target.perpetrators:
                target.perpetrators.append(iri)
                target.step(NAMED if named is not None else LATEST)
        target.target_actors = [a for a in target.target_actors if a not in target.perpetrators]
        if claimant[2]:
            target.anaphoric = True
        else:
            target.named_actor = True


def _claimed(trigger: Trigger) -> list[Token]:
    """What a claim of responsibility names: "for X", its object."""
    head = trigger.head
    claimed = [t for ts in prep_objects(head, ("for",)).values() for t in ts]
    claimed += [o for o in children(head, "dobj") if o not in trigger.tokens]
    for tok in trigger.tokens:
        claimed += [t for ts in prep_objects(tok, ("for",)).values() for t in ts]
    return claimed


def credit_anaphors(cands: list[Candidate], ctx: Context) -> None:
    """Rule ``events.responsibility.anaphor``: "its fighters carried out the attack" adds no
    event (``filters.anaphoric_mention``) but names who did the latest attack of the two
    sentences before, when that one has no perpetrator yet."""
    for anaphor, perpetrators in ctx.credits:
        target = latest_attack_before(anaphor, cands, ctx)
        if target is not None and not target.perpetrators \
                and credible(perpetrators, target, named=False):
            target.perpetrators.extend(perpetrators)
            target.step(ANAPHOR)


def credible(claimants: list[str], target: Candidate, named: bool) -> bool:
    """Whether a claim can make ``claimants`` the perpetrators of ``target``: never the side it
    attacked ("ISIS militants attacked an army post ... The army claimed the attack" credits
    nobody), and, for the attack just reported rather than one the claim names, never one that
    already has other perpetrators (another actor's attack is not the one claimed)."""
    if set(claimants) & set(target.target_actors):
        return False
    return named or not target.perpetrators or bool(set(claimants) & set(target.perpetrators))


def _candidate_for(nouns: list[Token], cands: list[Candidate]) -> Candidate | None:
    ids = {n.i for n in nouns}
    for cand in cands:
        if not cand.dropped and cand.trigger.head.i in ids:
            return cand
    return None


def latest_attack_before(token: Token, cands: list[Candidate], ctx: Context) -> Candidate | None:
    """The latest attack read in the two sentences before ``token`` (and its own, before it)."""
    window = ctx.sentence_start_before(sentence_of(token), 2)
    earlier = [c for c in cands if not c.dropped and c.kind in ATTACK_KINDS
               and window <= c.trigger.head.i < token.i]
    return earlier[-1] if earlier else None
