"""Who struck the strikes a noun counts: an actor before the noun ("U.S. airstrike", "coalition
strikes"), the object of 'by' ("strikes by the RAF"), the agent of a conducting participle ("a strike
carried out by Iraqi F-16 jets"), the subject of the conducting verb ("the
coalition conducted"), the by-agent of a passive; "air force strike" the air force of the
country of the clause's actor. Never the subject of a verb that does not strike ("the operation
detected 72 strikes from other actors" has no perpetrator: the actor is 'blocked')."""

from __future__ import annotations

from spacy.tokens import Token

from isisgraph.closed_class import SOURCE_PREPOSITIONS
from isisgraph.extract.shared import tokens_of
from isisgraph.extract.strikes.actors import (
    actor_in,
    air_arm,
    can_strike,
    demonym_force,
    government_of,
    label_lookup,
    np_actor,
    np_actors,
)
from isisgraph.extract.strikes.document import Document, Draft
from isisgraph.extract.strikes.lexicon import CONDUCT_VERBS, MODIFIER_DEPS, OBSERVATION_VERBS
from isisgraph.extract.strikes.nouns import held_by, is_series
from isisgraph.extract.syntax.tree import agents, is_including, is_passive, subject
from isisgraph.extract.syntax.units import in_headline


def perpetrator(noun: Token, verb: Token | None, draft: Draft, d: Document) -> None:
    """Set who struck, from the noun's modifiers, 'by'/'from', the conducting verb's subject
    or agent, or an 'air force' compound."""
    if _modifier_actor(noun, draft, d) or _source_actor(noun, draft, d) or _conducted_by(
            noun, draft, d):
        return
    air_words = " ".join(c.lower_ for c in noun.children if c.dep_ == "compound")
    holder = held_by(noun)
    if holder is not None:
        # "launched a series of airstrikes", "has conducted a total of 84 air strikes": the
        # series or the total is the object
        noun = holder
    if verb is not None and _verb_actor(noun, verb, draft, d):
        return
    if air_words and air_words not in ("air",):
        # "an air force strike" in a clause about Iraqi forces → the Iraqi air force.
        words = air_words.strip()
        unit = d.units[draft.unit]
        near = [d.ent_of[t.i].ent_id_ for t in tokens_of(unit) if d.entity(t, "ACTOR") is not None]
        force = force_for_modifier(words, near, d)
        if force:
            draft.perpetrators, draft.actor_source = [force], "inferred"


def _modifier_actor(noun: Token, draft: Draft, d: Document) -> bool:
    """'U.S. airstrike', 'coalition strikes': an actor named in a modifier of the noun; 'US-led
    air strikes': the coalition the reference calls 'US-led coalition'; a title's forces listed
    before the noun (``title_forces``)."""
    listed = title_forces(noun, d)
    if len(listed) > 1:
        draft.perpetrators, draft.actor_source = listed, "clause"
        return True
    for child in noun.children:
        if child.dep_ in MODIFIER_DEPS:
            actor = led_coalition(child, d) or actor_in(child.subtree, d)
            if actor:
                draft.perpetrators, draft.actor_source = [actor], "clause"
                return True
    return False


def title_forces(noun: Token, d: Document) -> list[str]:
    """'Syria, Russia strikes kill 20 IS jihadists in Palmyra' (AFP 2016), 'Turkish, U.S. air
    strikes kill more than 50 Islamic State militants in Syria' (Reuters 2015): the forces a
    headline lists before its strike noun, by comma or 'and', whatever the parser made of the
    title's words (a country as the subject, a demonym as an adverb). A country stands for its
    armed forces' air arm. Several forces without a number are one report each
    (sides.each_force)."""
    if not in_headline(noun):
        return []
    doc, before, forces = noun.doc, noun.i - 1, []
    while before >= 0:
        tok = doc[before]
        if tok.lower_ in (",", "and") or (tok.dep_ == "compound" and tok.head.i > tok.i
                                          and d.entity(tok, "ACTOR") is None
                                          and d.entity(tok, "PLACE") is None):
            before -= 1  # "air" in "U.S. air strikes", the list's commas
            continue
        force = _title_force(tok, d)
        if force is None:
            break
        if force not in forces:
            forces.append(force)
        before -= 1
    return forces[::-1]


def _title_force(tok: Token, d: Document) -> str | None:
    """The force a title's word names: an actor, a demonym ('Turkish'), a country."""
    ent = d.entity(tok, "ACTOR")
    actor = ent.ent_id_ if ent is not None else demonym_force(tok, d)
    place = d.entity(tok, "PLACE")
    if actor is None and place is not None and d.is_country(place.ent_id_):
        actor = government_of(place.ent_id_, d)
    if actor is None or not can_strike(actor, d):
        return None
    return air_arm(actor, d)


def led_coalition(modifier: Token, d: Document) -> str | None:
    """'US-led' (a participle of 'lead' after a named leader): the actor labelled '<leader>-led
    coalition' ("US-led coalition"), if the reference has one; a title's 'US-Led', which the
    tagger reads as a name (VOA 2015, 'US-Led Strikes Target IS in Iraq, Syria')."""
    participle = modifier.lemma_.lower() == "lead" and modifier.tag_ == "VBN"
    if not participle and not (modifier.lower_ == "led" and in_headline(modifier)):
        return None
    words = list(modifier.subtree)
    text = modifier.doc[words[0].i: modifier.i + 1].text
    return label_lookup([text, "coalition"], d)


def _source_actor(noun: Token, draft: Draft, d: Document) -> bool:
    """'strikes by the RAF'; 'a wave of strikes by Syrian and Russian warplanes' (the series
    holds the 'by', and names each force: AFP 2016); 'strikes from other actors' names no
    actor (blocked)."""
    holder = held_by(noun) if is_series(noun) else None
    preps = [c for c in noun.children if c.dep_ == "prep"]
    preps += [c for c in holder.children if c.dep_ == "prep"] if holder is not None else []
    for prep in preps:
        if prep.dep_ == "prep" and prep.lower_ in SOURCE_PREPOSITIONS:
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            for obj in objs:
                actors, source = np_actors(obj, d) if holder is not None else ([], "")
                actor, source = (actors[0], source) if actors else np_actor(obj, d)
                if actor:
                    draft.perpetrators, draft.actor_source = actors or [actor], source
                    return True
            if objs:
                draft.actor_source = "blocked"  # "strikes from other actors"
                return True
    return False


def _conducted_by(noun: Token, draft: Draft, d: Document) -> bool:
    """'a precision airstrike carried out by Iraqi F-16 fighter jets': the agent of a
    conducting participle on the noun."""
    for acl in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in CONDUCT_VERBS):
        for agent in agents(acl):
            actors, source = np_actors(agent, d)
            if actors:
                draft.perpetrators, draft.actor_source = actors, source
                return True
    return False


def _verb_actor(noun: Token, verb: Token, draft: Draft, d: Document) -> bool:
    """The subject of a conducting verb whose object the strikes are, or the agent of a
    passive; an observing verb's subject is no perpetrator (blocked)."""
    lemma = verb.lemma_.lower()
    if lemma in OBSERVATION_VERBS:
        draft.actor_source = "blocked"
        return True
    striker = None
    included = noun.dep_ == "pobj" and is_including(noun.head)
    if (noun.dep_ in ("dobj", "conj", "appos") or included) and lemma in CONDUCT_VERBS:
        striker = subject(verb)
    elif noun.dep_ == "nsubjpass" or (noun.dep_ == "nsubj" and lemma in CONDUCT_VERBS):
        striker = next(iter(agents(verb)), None)
    elif noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head == verb and not (
            is_passive(verb)):
        # "Turkish warplanes neutralized 12 PKK terrorists in airstrikes": the strikes' means
        striker = subject(verb)
    if striker is not None and striker.dep_ != "expl":
        actors, source = np_actors(striker, d)
        if actors:
            draft.perpetrators, draft.actor_source = actors, source
            return True
    return False


def force_for_modifier(words: str, near: list[str], d: Document) -> str | None:
    """'air force strike' by Iraqi forces → the actor of the same country labelled '... air
    force'."""
    countries = {d.ref.countries.get(a) for a in near} - {None}
    for country in sorted(c for c in countries if c):
        for iri, aliases in sorted(d.ref.aliases.items()):
            if d.ref.countries.get(iri) != country or d.ref.kind(iri) != "actor":
                continue
            lowered = [label.lower() for label in aliases]
            if any(label.endswith(" " + words) or label == words for label in lowered):
                return iri
    return None
