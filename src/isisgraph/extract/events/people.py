"""Readers of what is done to people: the frames ``killing``, ``arrest`` and ``surrendering``.

Each needs a count or a participant: "ISIS has killed" with neither is no event.
"""

from __future__ import annotations

from spacy.tokens import Token

from isisgraph.extract.events.candidate import Candidate, arguments_of_noun, fill, new_candidate
from isisgraph.extract.events.context import Context
from isisgraph.extract.events.triggers import Trigger
from isisgraph.extract.syntax.counting import count_in_phrase
from isisgraph.extract.syntax.tree import agents, doers, is_passive, patients, phrase_tokens, prep_objects
from isisgraph.lexicons import lexicon

WORDS = lexicon("events")
ATTACK_NOUN_LEMMAS = WORDS.attack_noun_lemmas
DEVICE_HEADS = WORDS.device_heads
MEANS_NOUNS = WORDS.means_nouns
SUPPORT_VERBS = WORDS.support_verbs

KILLING = "events.killing"
ARREST = "events.arrest"
SURRENDERING = "events.surrendering"


def read_killing(trigger: Trigger, ctx: Context) -> Candidate | None:
    """Rule ``events.killing``: the subject (the by-agent, the noun's possessor) killed, the
    object (the passive subject, "of") are the victims, whose number is the killed count; an
    attack or a device as the subject is the means, not the killer: "Russian air strikes
    killed 21 civilians in the village of al-Shuhail in Deir Ezzor province on Monday"."""
    cand = new_candidate(trigger, KILLING)
    head = trigger.head
    victims: list[Token]
    if trigger.is_noun:
        args = arguments_of_noun(head)
        victims = args.get("of", [])
        fill(cand, cand.perpetrators, ctx.actors(args.get("by", []) + args.get("poss", [])))
    elif is_passive(head):
        victims = patients(head)
        fill(cand, cand.perpetrators, ctx.actors(agents(head)))
    else:
        victims = patients(head)
        # "An ISIS attack on an army post killed four": the attack names its own sides and
        # the two reports are merged; "a car bomb killed five" likewise.
        killers = [s for s in doers(head) if s.lemma_.lower() not in ATTACK_NOUN_LEMMAS
                   and s.lemma_.lower() not in DEVICE_HEADS]
        fill(cand, cand.perpetrators, ctx.actors(through_means(killers, ctx)))
    fill(cand, cand.target_actors, ctx.actors(victims))
    cand.target_actors = [a for a in cand.target_actors if a not in cand.perpetrators]
    cand.killed = count_in_phrase(victims, single=True)
    if cand.killed is None and not cand.actors_filled():
        return None
    return cand


def through_means(subjects: list[Token], ctx: Context) -> list[Token]:
    """ "with an air strike killing five": the actor behind a strike or attack that kills is
    the one named on it, else — when the killing is a participle inside another clause — the
    subject of that clause. A finite "a drone strike killed two" with no actor named on the
    strike has no perpetrator (the speaker who reports it is not one)."""
    out: list[Token] = []
    for subject in subjects:
        phrase = phrase_tokens(subject)
        if ctx.linked_in(phrase, "ACTOR") or subject.lemma_ not in MEANS_NOUNS:
            out.append(subject)
            continue
        if subject.dep_ == "dobj" and subject.head.lemma_ in SUPPORT_VERBS:
            # "Coalition forces conducted a strike in Syria that killed ...": the relative
            # pronoun stands for the strike, carried out by the subject of "conducted"
            out.extend(doers(subject.head))
            continue
        verb = subject.head
        if verb.dep_ not in ("pcomp", "advcl", "acl", "xcomp"):
            continue
        climb = verb.head
        for _ in range(3):
            if climb.pos_ in ("VERB", "AUX"):
                out.extend(doers(climb))
                break
            if climb.head == climb:
                break
            climb = climb.head
    return out


def read_arrest(trigger: Trigger, ctx: Context) -> Candidate | None:
    """Rule ``events.arrest``: who arrested (subject, by-agent, possessor) whom (object,
    passive subject, "of"), and how many: "elite units on February 5 arrested three ISIS
    remnants in Diyala and Kirkuk"."""
    cand = new_candidate(trigger, ARREST)
    head = trigger.head
    if trigger.is_noun:
        args = arguments_of_noun(head)
        detainees = args.get("of", [])
        fill(cand, cand.perpetrators, ctx.actors(args.get("by", []) + args.get("poss", [])))
    elif is_passive(head):
        detainees = patients(head)
        fill(cand, cand.perpetrators, ctx.actors(agents(head)))
    else:
        detainees = patients(head)
        fill(cand, cand.perpetrators, ctx.actors(doers(head)))
    fill(cand, cand.target_actors, ctx.actors(detainees))
    cand.target_actors = [a for a in cand.target_actors if a not in cand.perpetrators]
    cand.arrested = count_in_phrase(detainees, single=True)
    if cand.arrested is None and not cand.actors_filled():
        return None
    return cand


def read_surrendering(trigger: Trigger, ctx: Context) -> Candidate | None:
    """Rule ``events.surrendering``: who surrendered is the target, counted, and to whom the
    perpetrator: "about 350 fighters surrendering to the SDF in the last few days"."""
    cand = new_candidate(trigger, SURRENDERING)
    head = trigger.head
    if trigger.is_noun:
        args = arguments_of_noun(head)
        surrendering = args.get("of", []) + args.get("poss", [])
        receivers = args.get("to", [])
    else:
        surrendering = doers(head)
        receivers = prep_objects(head, ("to",)).get("to", [])
    fill(cand, cand.target_actors, ctx.actors(surrendering))
    fill(cand, cand.perpetrators, ctx.actors(receivers))
    cand.surrendered = count_in_phrase(surrendering)
    if cand.surrendered is None and not cand.actors_filled():
        return None
    return cand
