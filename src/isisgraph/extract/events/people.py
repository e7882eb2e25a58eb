"""Readers of what is done to people: the frames ``killing``, ``arrest`` and ``surrendering``.

Each needs a count or a participant: "ISIS has killed" with neither is no event.
"""

from __future__ import annotations

from spacy.tokens import Token

from isisgraph.closed_class import MEANS_PREPOSITIONS, REFLEXIVE_PRONOUNS
from isisgraph.extract.context import COOPERATION
from isisgraph.extract.events.attacks import tells_undergone_attack
from isisgraph.extract.events.candidate import (
    Candidate,
    arguments_of_noun,
    fill,
    new_candidate,
    passive,
    undergoers,
)
from isisgraph.extract.events.context import Context, Found
from isisgraph.extract.events.places import EVENT_WINDOW
from isisgraph.extract.events.triggers import Trigger
from isisgraph.extract.syntax.counting import count_in_phrase
from isisgraph.extract.syntax.tree import (
    agents,
    children,
    doers,
    governing_verb,
    is_passive,
    of_objects,
    patients,
    phrase_tokens,
    prep_objects,
    resolve_relative,
)
from isisgraph.extract.syntax.units import sentence_of
from isisgraph.lexicons import lexicon

WORDS = lexicon("events")
ATTACK_NOUN_LEMMAS = WORDS.attack_noun_lemmas
DEVICE_HEADS = WORDS.device_heads
MEANS_NOUNS = WORDS.means_nouns
SUPPORT_VERBS = WORDS.support_verbs
COOPERATION_NOUNS = WORDS.cooperation_nouns
PEOPLE_ONLY = WORDS.people_only_triggers
MASS_KILLING = WORDS.mass_killing_triggers
OUTCOME_ONLY = WORDS.outcome_only_triggers
CAPTIVE_NOUNS = WORDS.captive_nouns
QUANTITY_NOUNS = WORDS.quantity_nouns
LIFE_NOUNS = WORDS.life_nouns
OUTCOME_VERBS = WORDS.outcome_verbs
AFTERMATH_VERBS = WORDS.aftermath_verbs
# "a series of strikes", "a wave of air strikes" (the strike reports' lexicon)
SERIES_NOUNS = lexicon("strikes").series_nouns

KILLING = "events.killing"
DYING = "events.dying"
ARREST = "events.arrest"
SURRENDERING = "events.surrendering"


def read_killing(trigger: Trigger, ctx: Context) -> Candidate | None:
    """Rule ``events.killing``: the subject (the by-agent, the noun's possessor) killed, the
    object (the passive subject, "of") are the victims, whose number is the killed count; an
    attack or a device as the subject is the means, not the killer: "Russian air strikes
    killed 21 civilians in the village of al-Shuhail in Deir Ezzor province on Monday". A
    named victim makes an event without a count ("US journalist James Foley was savagely
    murdered"). Some
    words kill only people ("eliminating one terrorist"; not "eliminated a convoy")."""
    head = trigger.head
    if trigger.word.concept in OUTCOME_ONLY and not is_outcome(head):
        return None  # "the death of the caliphate", "the death toll"
    cand = new_candidate(trigger, KILLING)
    victims: list[Token]
    if trigger.is_noun:
        args = arguments_of_noun(head)
        victims = args.get("of", []) + args.get("against", [])
        fill(cand, cand.perpetrators, ctx.actors(args.get("by", []) + args.get("poss", [])))
        if not cand.perpetrators:
            fill(cand, cand.perpetrators, outcome_agent(head, ctx))
            if cand.perpetrators and only_cooperating(outcome_means(head)):
                cand.step(COOPERATION)
    elif passive(head):
        victims = undergoers(head)
        fill(cand, cand.perpetrators, ctx.actors(agents(head)))
        if not cand.perpetrators:
            # "five militants killed in a precision airstrike carried out by Iraqi F-16s"
            fill(cand, cand.perpetrators, means_agent(head, ctx))
            if cand.perpetrators and only_cooperating(means_of(head)):
                cand.step(COOPERATION)
        if not cand.perpetrators and head.dep_ == "acl":
            # "operations ..., which resulted in 11 ISIS operatives killed"
            fill(cand, cand.perpetrators, outcome_agent(head.head, ctx))
        if not cand.perpetrators and head.dep_ == "acl":
            fill(cand, cand.perpetrators, aftermath_agents(head.head, ctx))
        means = means_of(head)
        # "the three civilians killed in the attack": the attack told before
        cand.refers_back = bool(means) and all(
            m.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ == "the" for c in m.children)
            and not any(c.dep_ == "acl" for c in m.children) for m in means)
    else:
        victims = patients(head)
        # "An ISIS attack on an army post killed four": the attack names its own sides and
        # the two reports are merged; "a car bomb killed five" likewise.
        # Fighting as the subject ("clashes with IS killed 31", Xinhua 2015; "the resulting
        # fighting inside the city killed 105 people", AFP 2023) is where the deaths happened:
        # the side it names is one side of the fighting, not the killer.
        # "came under fire ..., claiming the lives of two soldiers": the subject was hit
        killers = [s for s in doers(head) if s.lemma_.lower() not in ATTACK_NOUN_LEMMAS
                   and s.lemma_.lower() not in DEVICE_HEADS and s.i not in ctx.fight_heads
                   and not tells_undergone_attack(s.head, ctx)]
        fill(cand, cand.perpetrators, ctx.actors(through_means(killers, ctx)))
    if any(_is_life(v) and not of_objects(v) for v in victims):
        return None  # "strikes claimed more lives": whose, the text does not say
    victims = [o for v in victims for o in (of_objects(v) if _is_life(v) else [v])]
    if victims and all(v.lower_ in REFLEXIVE_PRONOUNS for v in victims):
        return None  # "detonating suicide belts and killing themselves": no killing of others
    if trigger.word.concept in PEOPLE_ONLY and not any(_is_people(v, ctx) for v in victims):
        return None  # "eliminated another large convoy of militants"
    fill(cand, cand.target_actors, ctx.actors(victims, other_side=cand.perpetrators, victims=True))
    cand.target_actors = [a for a in cand.target_actors if a not in cand.perpetrators]
    cand.killed = count_in_phrase(victims, single=True)
    cand.victims = named_people(victims)
    if cand.killed is None and not cand.actors_filled() and not cand.victims \
            and trigger.word.concept not in MASS_KILLING:
        return None  # a massacre or a genocide is one without a count
    return cand


def _is_life(noun: Token) -> bool:
    """ "the lives of three soldiers" ([life-nouns]): the victims are the people after "of"."""
    return noun.lemma_.lower() in LIFE_NOUNS or noun.lower_ in LIFE_NOUNS


def _is_people(noun: Token, ctx: Context) -> bool:
    """A noun of people ("one terrorist", "two leaders") or a named person or group; a
    quantity noun ([quantity-nouns]) is the people after its "of": "A total of 12 Daesh
    terrorists were neutralized" (Anadolu via Middle East Observer 2016, via Trend 2017)."""
    if noun.lemma_.lower() in QUANTITY_NOUNS:
        counted = of_objects(noun)
        if counted:
            return any(_is_people(o, ctx) for o in counted)
    if noun.lemma_.lower() in CAPTIVE_NOUNS or noun.lower_ in CAPTIVE_NOUNS:
        return True
    return any(ctx.ref.is_a(iri, "Person") or ctx.ref.is_a(iri, "Organization")
               for iri, ent in ctx.linked_in([noun], "ACTOR") if noun in ent)


def described_captive(noun: Token) -> bool:
    """Rule ``events.arrest.described-captive``: a name set beside a noun of people it is one
    of ([captive-nouns]) names a person: "capturing Mamduh ..., an Islamic State facilitator",
    "had captured Abu Halil ..., an ISIS Syria Operational and Facilitation official" (Reuters
    via TODAY 2023); the capture of such a person is an arrest, as that of "an ISIS official"
    is (``control.capture_of_people``: NPR 2019, Baghdad Post 2021, Hurriyet 2022)."""
    return noun.ent_type_ in ("PERSON", "") and noun.pos_ == "PROPN" and any(
        a.lemma_.lower() in CAPTIVE_NOUNS for a in children(noun, "appos"))


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
        named = agent_of_means(subject, ctx)
        if named[0]:
            out.extend(named[1])  # the words naming its agent: "a raid conducted by X killed"
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
        if not cand.perpetrators:
            fill(cand, cand.perpetrators, outcome_agent(head, ctx))
            if cand.perpetrators and only_cooperating(outcome_means(head)):
                cand.step(COOPERATION)
    elif passive(head):
        detainees = undergoers(head)
        fill(cand, cand.perpetrators, ctx.actors(agents(head)))
        if not cand.perpetrators:
            fill(cand, cand.perpetrators, means_agent(head, ctx))
            if cand.perpetrators and only_cooperating(means_of(head)):
                cand.step(COOPERATION)
    else:
        detainees = patients(head)
        fill(cand, cand.perpetrators, ctx.actors(doers(head)))
    fill(cand, cand.target_actors, ctx.actors(detainees, other_side=cand.perpetrators))
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


def read_dying(trigger: Trigger, ctx: Context) -> Candidate | None:
    """Rule ``events.dying``: who died (the subject) in a strike, raid or attack (in, during,
    by) was killed by its agent: "ISIS leader Abu Bakr al-Baghdadi died during a raid
    conducted by U.S. Special Operations forces on Saturday"; "al-Baghdadi died during a U.S.
    raid in the same area" (two articles). Dying without such a means ("died in hospital",
    "died of his wounds") is no event of this kind."""
    head = trigger.head
    means = means_of(head)
    if trigger.is_noun or not means:
        return None
    cand = new_candidate(trigger, DYING)
    victims = doers(head)
    fill(cand, cand.target_actors, ctx.actors(victims, other_side=cand.perpetrators, victims=True))
    for noun in means:
        fill(cand, cand.perpetrators, agent_of_means(noun, ctx))
        cand.evidence.update(t.i for t in phrase_tokens(noun))
    cand.target_actors = [a for a in cand.target_actors if a not in cand.perpetrators]
    cand.killed = count_in_phrase(victims, single=True)
    cand.victims = named_people(victims)
    return cand


def named_people(heads: list[Token]) -> frozenset[str]:
    """The people a phrase names ("US journalist James Foley"): the last words of its person
    names, linked or not, lower-cased."""
    names = set()
    for head in heads:
        # the victim itself or its apposition, not a modifier ("the Yazidi people")
        for token in [head, *children(head, "appos")]:
            if token.ent_type_ == "PERSON":
                names.add(token.lower_)
    return frozenset(names)


def means_of(verb: Token) -> list[Token]:
    """The strikes, raids, attacks or operations a killing or arrest happened in: "killed in a
    precision airstrike", "died during a raid", "killed in the attacks", and the noun a
    relative "in which" stands for ("an operation in which two ISIS leaders were killed")."""
    out: list[Token] = []
    # "was killed, blowing himself up, during an overnight raid": the parser may hang the
    # means on a participle set off from the verb
    verbs = [verb] + [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                      and not children(c, "mark", "nsubj")]
    for clause in verbs:
        for objects in prep_objects(clause, MEANS_PREPOSITIONS).values():
            for obj in objects:
                noun = resolve_relative(obj)
                if noun.lemma_.lower() in MEANS_NOUNS and noun not in out:
                    out.append(noun)
                elif noun.lemma_.lower() in SERIES_NOUNS and noun not in out and any(
                        o.lemma_.lower() in MEANS_NOUNS for o in of_objects(noun)):
                    # "killed in a wave of strikes by Syrian and Russian warplanes" (AFP 2016):
                    # the series stands for its strikes, and who carried them out may hang on it
                    out += [noun, *(o for o in of_objects(noun) if o.lemma_.lower() in MEANS_NOUNS)]
    return out


def means_agent(verb: Token, ctx: Context) -> Found:
    """The agents of the means of ``verb`` (``means_of``), for a passive killing or arrest
    whose by-phrase names nobody: "five militants killed in a precision airstrike carried out
    by Iraqi F-16 fighter jets" (one article), "18 Peshmerga fighters have been killed in the
    attacks conducted in recent days by ISIS militants" (another), "coalition forces carried
    out a military operation in which two ISIS leaders were killed" (a third)."""
    iris: list[str] = []
    tokens: list[Token] = []
    anaphoric = False
    for noun in means_of(verb):
        found = agent_of_means(noun, ctx)
        iris += [i for i in found[0] if i not in iris]
        tokens += found[1]
        anaphoric = anaphoric or found[2]
    return iris, tokens, anaphoric


def agent_of_means(noun: Token, ctx: Context, earlier: bool = True) -> Found:
    """Who carried out a strike, raid, attack or operation: the actor named on it ("a U.S.
    raid", "strikes by the coalition"), the by-agent of a participle on it ("a raid conducted
    by U.S. Special Operations forces"), or the subject of the light verb it is the object of
    ("coalition forces carried out a military operation"), with those it was done in
    cooperation with ("in cooperation with the Anti-Terror Units of the SDF")."""
    args = arguments_of_noun(noun)
    found = ctx.actors(args.get("by", []) + args.get("poss", []) + args.get("compound", []))
    if found[0]:
        return found
    for clause in children(noun, "acl"):
        if is_passive(clause):
            found = ctx.actors(agents(clause) + co_agents(clause))
            if found[0]:
                return found
    if noun.dep_ == "dobj" and noun.head.lemma_ in SUPPORT_VERBS:
        return ctx.actors(doers(noun.head) + co_agents(noun.head))
    if earlier and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return agent_of_earlier_means(noun, ctx)
    return [], [], False


def agent_of_earlier_means(noun: Token, ctx: Context) -> Found:
    """Rule ``events.context.means-anaphor``: "the raid", "the operation" with no agent of its
    own is the latest one told before, within eight sentences, and was carried out by its
    agent ("this operation" is the event just told, whatever its word): "A helicopter raid by
    US forces ... resulted in the probable death of a senior leader ... the raid had resulted
    in the arrest of a senior IS leader" (AP, 2023). Not one of a headline, which announces
    the report rather than telling it first."""
    lemma = noun.lemma_.lower()
    start = ctx.sentence_start_before(sentence_of(noun), EVENT_WINDOW)
    for before in reversed(ctx.doc[start: noun.i]):
        if before.lemma_.lower() == lemma and before.pos_ == "NOUN" and not ctx.in_heading(before):
            iris, tokens, _ = agent_of_means(before, ctx, earlier=False)
            if iris:
                return iris, tokens, True
    return [], [], False


def co_agents(verb: Token) -> list[Token]:
    """ "In cooperation with the Anti-Terror Units of the SDF, coalition forces carried out an
    operation", "carried out in collaboration with the Iraqi National Intelligence Service"
    (two articles): those who took part in what ``verb`` did."""
    out: list[Token] = []
    for noun in prep_objects(verb, ("in",)).get("in", []):
        if noun.lemma_.lower() in COOPERATION_NOUNS:
            out += prep_objects(noun, ("with",)).get("with", [])
    return out


def only_cooperating(means: list[Token]) -> bool:
    """Whether the agents named on these raids or operations only took part in them: "the
    operation, carried out in collaboration with the INIS" (who carried it out is left to
    the one who reports it: ``context.sides.reported-by``)."""
    return any(is_passive(c) and not agents(c) and co_agents(c)
               for noun in means for c in children(noun, "acl"))


def outcome_means(noun: Token) -> list[Token]:
    """The raids or operations that brought about a killing or arrest noun ("the operation
    ... resulted in the arrest of")."""
    governor = governing_verb(noun)
    if governor is None or governor.lemma_ not in OUTCOME_VERBS:
        return []
    return [s for s in doers(governor) if s.lemma_.lower() in MEANS_NOUNS]


def is_outcome(noun: Token) -> bool:
    """ "resulted in the death of ...", "led to the deaths of ...": a noun that is what a verb
    of [outcome-verbs] brought about."""
    governor = governing_verb(noun)
    return governor is not None and governor.lemma_ in OUTCOME_VERBS and noun.dep_ == "pobj"


def aftermath_agents(victims: Token, ctx: Context) -> Found:
    """Rule ``events.killing.aftermath``: "the security forces and allied militias known as
    Hashd Shaabi clashed with IS militants ..., leaving 12 IS militants killed" (Xinhua 2015),
    "The Iraqi army and Hashd Shaabi paramilitary fighters clashed with IS militants ...,
    leaving two IS militants killed" (Xinhua via Daily Excelsior 2018): the dead a clash,
    attack or strike left ([aftermath-verbs], its participle clause) were killed by those
    who fought in it, its subject and those it was fought "with", except the victims' own
    side."""
    verb = victims.head
    if victims.dep_ != "dobj" or verb.lemma_.lower() not in AFTERMATH_VERBS or verb.dep_ != "advcl" \
            or verb.tag_ != "VBG" or verb.head.pos_ not in ("VERB", "AUX"):
        return [], [], False
    fought = verb.head
    own = set(ctx.actors([victims])[0])
    found = ctx.actors(doers(fought) + prep_objects(fought, ("with",)).get("with", []), other_side=own)
    return [iri for iri in found[0] if iri not in own], found[1], found[2]


def outcome_agent(noun: Token, ctx: Context) -> Found:
    """ "The operation, carried out in collaboration with the INIS, resulted in the arrest of
    four terrorists", "Iraqi forces conducted operations ..., which resulted in 11 ISIS
    operatives killed": a killing or arrest (or its victims) brought about by a raid or
    operation was done by the raid's agent (``agent_of_means``); an actor subject did it
    itself."""
    governor = governing_verb(noun)
    if governor is None or governor.lemma_ not in OUTCOME_VERBS or noun.dep_ != "pobj":
        return [], [], False
    iris: list[str] = []
    tokens: list[Token] = []
    for subject in doers(governor):
        found = agent_of_means(subject, ctx) if subject.lemma_.lower() in MEANS_NOUNS \
            else ctx.actors([subject])
        iris += [i for i in found[0] if i not in iris]
        tokens += found[1]
    return iris, tokens, False
