"""Readers of control changes: the frames ``conquering``, ``losing-control`` and ``falling``.

A control change needs a place. Who held a place before is also read from a relative or
participle clause on it ("towns held by ISIS"); an amount of land ("20 square miles") is
located by the verb ("in Deir Ezzour", "south of Mosul").
"""

from __future__ import annotations

from spacy.tokens import Token

from isisgraph.closed_class import LOCATING_PREPOSITIONS
from isisgraph.extract.events.candidate import (
    Candidate,
    arguments_of_noun,
    fill,
    fill_places,
    new_candidate,
    passive,
    trigger_preps,
    undergoers,
)
from isisgraph.extract.events.context import Context, Found
from isisgraph.extract.events.dates import since_start
from isisgraph.extract.events.entities import entity_at
from isisgraph.extract.events.land import (
    is_land,
    locative_objects,
    place_bare_land,
    takes_bare_land,
    withdrawal_place,
)
from isisgraph.extract.events.people import described_captive, read_arrest
from isisgraph.extract.events.triggers import Trigger
from isisgraph.extract.syntax.tree import (
    agents,
    children,
    clause_tokens,
    conjuncts,
    doers,
    governing_verb,
    is_passive,
    patients,
    phrase_tokens,
    prep_objects,
    resolve_relative,
)
from isisgraph.extract.syntax.units import sentence_of
from isisgraph.lexicons import lexicon

WORDS = lexicon("events")
TERRITORY_NOUNS = WORDS.territory_nouns
CAPTIVE_NOUNS = WORDS.captive_nouns
QUANTITY_NOUNS = WORDS.quantity_nouns
PEOPLE_CAPTURING = WORDS.people_capturing_triggers
CONTROL_STATE_VERBS = WORDS.control_state_verbs
VICTORY_VERBS = WORDS.victory_verbs
DEFEAT_TRIGGERS = WORDS.defeat_triggers
CAMPAIGN_WORDS = WORDS.campaign_words
FIGHT_WORDS = WORDS.fight_words
PHRASAL_NON_CAPTURES = frozenset(WORDS.phrasal_non_captures)
GRAMMAR = lexicon("grammar")

CONQUERING = "events.conquering"
VICTORY = "events.victory"
CAPTURED_PEOPLE = "events.arrest.captured-people"
PLACE_LEFT_OPEN = "events.conquering.place-left-open"
PLACE_OF_THE_ASSAULT = "events.conquering.place-of-the-assault"
CAMPAIGN = "events.conquering.campaign-under-way"
# The links a capture verb hangs from the clause that governs it by: "to liberate", "in
# liberating", "effort to liberate", "a push to drive".
CAMPAIGN_LINKS = ("xcomp", "advcl", "acl", "pcomp", "prep", "pobj", "dobj")
LOSING_CONTROL = "events.losing-control"
WITHDRAWAL_TRIGGERS = frozenset(WORDS.withdrawal_triggers)
FALLING = "events.falling"


def read_conquering(trigger: Trigger, ctx: Context) -> Candidate | None:
    """Rule ``events.conquering`` (liberate, retake, seize, expel, oust ...): the subject, or
    the by-agent of a passive, gained control; every other participant (object, passive
    subject, "from", "of") is a place taken or, if it is an actor, the side that lost it:
    "The Syrian regime liberated Abu Kamal from ISIS in November". A verb with a particle of
    [phrasal-non-captures] means something else ("strikes took out three camp sites"), and so
    does one with such an object ("where the attack took place")."""
    if not trigger.is_noun and any(
            c.dep_ in ("prt", "dobj") and f"{trigger.head.lemma_.lower()} {c.lower_}" in PHRASAL_NON_CAPTURES
            for c in trigger.head.children):
        return None  # "strikes took out three camp sites" (Stars and Stripes 2020), "where the attack took place"
    cand = new_candidate(trigger, CONQUERING)
    if trigger.head.pos_ == "ADJ":
        others = _conquering_adjective(trigger, cand, ctx)
    else:
        others = _conquering_nouns(trigger, cand, ctx) if trigger.is_noun \
            else _conquering_verbs(trigger, cand, ctx)
    for other in others:
        places = ctx.places([other])
        if places[0]:
            fill_places(cand, places)
            fill(cand, cand.lost, holders_of_place(other, ctx))
        actors = ctx.actors([other])
        if actors[0] and not places[0]:
            fill(cand, cand.lost, actors)
        elif actors[0] and places[0]:
            # "the ISIS capital city of Raqqa": an actor inside a place phrase held it.
            lost = [a for a in actors[0] if a not in cand.gained]
            fill(cand, cand.lost, (lost, actors[1], actors[2]))
    if not cand.locations and not trigger.is_noun:
        for other in _places_left_open(trigger.head):
            fill_places(cand, ctx.places([other]))
            if cand.locations:
                cand.step(PLACE_LEFT_OPEN)
                break
    if not cand.locations and not trigger.is_noun:
        for other in _place_of_the_assault(trigger.head):
            fill_places(cand, ctx.places([other]))
            if cand.locations:
                cand.step(PLACE_OF_THE_ASSAULT)
                break
    if not cand.locations and not trigger.is_noun and takes_bare_land(trigger):
        place_bare_land(trigger, cand, ctx)
    cand.lost = [a for a in cand.lost if a not in cand.gained]
    if trigger.word.concept in PEOPLE_CAPTURING and not trigger.is_noun and (
            not cand.locations or _only_people(trigger, ctx)):
        # "capturing at least 14 insurgents in the town of X": the place is where they were taken
        return capture_of_people(trigger, ctx)
    return cand if cand.locations else None


def _places_left_open(verb: Token) -> list[Token]:
    """Rule ``events.conquering.place-left-open``: the place a capture verb's clause leaves to
    the sentence around it. In a relative clause opened by "where", the place it hangs on:
    "the eastern region of Deir az-Zour, where regime forces retook swathes of territory"
    (New Arab 2017), "in Hama province, where the army seized a string of villages". Taking
    back "it" in a clause coordinated with one of the place, that clause's subject or object:
    "Deir el-Zor city was captured by Islamic State in 2014, but the Syrian army retook it in
    2017" (Reuters via LBC 2025), "ISIS overran Ramadi in May and Iraqi forces recaptured it
    in December"."""
    if verb.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children):
        return [verb.head]
    pronouns = [p for p in undergoers(verb) if p.lower_ == "it"]
    if pronouns and verb.dep_ == "conj":
        first = verb.head
        return children(first, "nsubjpass", "dobj", "nsubj")
    return []


def _place_of_the_assault(verb: Token) -> list[Token]:
    """Rule ``events.conquering.place-of-the-assault``: a capture told as the outcome of the
    verb it hangs from, taking "it", "some" or an amount of land, took the place that verb
    names (its object, or where it happened): "Islamic State militants have stormed an
    airbase in north-east Syria, capturing it from government forces" (The Age 2014),
    "militants have stormed government-held neighbourhoods in the city of Hassakeh, capturing
    several areas" and "attacked government-held neighbourhoods ... and captured some" (AP via
    Belfast Telegraph 2015). Not a capture of anything else ("raided three hideouts in
    Kirkuk province, destroying them and seizing several explosive devices")."""
    if verb.dep_ not in ("advcl", "conj") or verb.head.pos_ != "VERB":
        return []
    if not all(p.pos_ in ("PRON", "DET") or is_land(p) for p in undergoers(verb)):
        return []
    return [*patients(verb.head), *locative_objects(verb.head)]


def _conquering_nouns(trigger: Trigger, cand: Candidate, ctx: Context) -> list[Token]:
    """"the liberation of Mosul by Iraqi forces": "by", a possessor or an actor compound
    gained; a place compound, "of" and "from" are the other participants."""
    args = arguments_of_noun(trigger.head)
    fill(cand, cand.gained, ctx.actors(args.get("by", [])))
    others: list[Token] = []
    for owner in args.get("poss", []) + args.get("compound", []):
        if entity_at(owner) is not None and entity_at(owner).label_ == "PLACE":
            others.append(owner)
        else:
            fill(cand, cand.gained, ctx.actors([owner]))
    head = trigger.head
    if args.get("by") and head.dep_ == "attr" and head.head.lemma_ == "be":
        # "Ramadi, which was overrun by the Islamist militants in May" (PA 2015), "90 per
        # cent of Hit has been overrun by militants" (Reuters 2014): a participle the parser
        # took for a noun; the subject of "be" was taken
        others += [resolve_relative(s) for s in children(head.head, "nsubj", "nsubjpass")]
    return others + args.get("of", []) + args.get("from", [])


def _conquering_adjective(trigger: Trigger, cand: Candidate, ctx: Context) -> list[Token]:
    """ "declares Raqqa free of Daesh" (a headline), "declaring the city free of any extremist
    presence" (its body): the place declared free is the adjective's subject or the noun it
    qualifies, "of X" lost it, and who declares it gained it."""
    head = trigger.head
    if head.dep_ == "amod":
        places, governor = [head.head], head.head.head
    else:
        places, governor = children(head, "nsubj", "nsubjpass"), head.head
    if governor.lemma_ not in VICTORY_VERBS:
        return []
    cand.declared = True
    fill(cand, cand.gained, ctx.actors(doers(governor)))
    return places + prep_objects(head, ("of",)).get("of", [])


def _conquering_verbs(trigger: Trigger, cand: Candidate, ctx: Context) -> list[Token]:
    """The subject (the by-agent of a passive) gained; the objects, "from" and "of" are the
    other participants, with the places located by the verb when the object is land."""
    head = trigger.head
    preps = trigger_preps(trigger)
    if passive(head):
        fill(cand, cand.gained, ctx.actors(agents(head) or stranded_agents(head)))
    else:
        fill(cand, cand.gained, ctx.actors(doers(head)))
    taken = undergoers(head)
    others = taken + preps.get("from", []) + preps.get("of", [])
    if len(trigger.tokens) > 1:
        # "restored control over the town", "imposed full control over Hawija"; the place a
        # siege was laid on: "broke the siege on Deir ez-Zor"
        others += preps.get("over", []) + preps.get("on", [])
    land = [p for p in taken + [o for o in preps.get("of", []) if o not in taken] if is_land(p)]
    if land and not any(ctx.places([p])[0] for p in land):
        # "occupied more territory in the area", "regained 20 square miles in Deir Ezzour",
        # "freed 30 villages south of Mosul", "seized control of swathes of territory in
        # northern and central Iraq"; where the land lies ("the last shred of territory held
        # by ISIS in Baghouz") when the verb does not say
        others += locative_objects(head) or [
            t for p in land for t in p.subtree if t.dep_ == "pobj" and t.head.lower_ in LOCATING_PREPOSITIONS]
        for p in land:
            fill(cand, cand.lost, holders_of_place(p, ctx))  # "territory held by ISIS"
    return others


def stranded_agents(verb: Token) -> list[Token]:
    """Rule ``events.conquering.stranded-agent``: the by-agent of a passive capture that the
    parser hung on the last noun of the place phrase, not on the verb, is who took the place,
    not who held it: "after being pushed out of the south of Raqqa Province and the west of
    Homs Province by Syrian land forces and the Russian air force" (Reuters via Evo News
    2017). A "by" under a participle in that phrase says who held the place ("towns held by
    ISIS", ``holders_of_place``)."""
    found: list[Token] = []
    for token in verb.subtree:
        if token.dep_ != "prep" or token.lower_ != "by" or token.head == verb \
                or token.head.pos_ not in ("NOUN", "PROPN"):
            continue
        path = [a for a in token.ancestors if a.i != verb.i and a in verb.subtree]
        if any(a.pos_ in ("VERB", "AUX") for a in path):
            continue
        found.extend(o for g in token.children if g.dep_ == "pobj" for o in conjuncts(g))
    return found


def _only_people(trigger: Trigger, ctx: Context) -> bool:
    """Whether every object of a capture verb is people ([captive-nouns] or a named person)."""
    captives = patients(trigger.head)
    return bool(captives) and all(_captive(p, ctx) for p in captives)


def _captive(noun: Token, ctx: Context) -> bool:
    """People a capture takes: a [captive-nouns] noun, a named person, a name with such a
    noun in apposition ("had captured Abu Halil al-Fad'ani, an ISIS Syria Operational and
    Facilitation official", "capturing Mamduh Ibrahim al-Haji Shaykh, an Islamic State
    facilitator", Reuters via Today 2023), or a quantity of them ([quantity-nouns]: "captured
    hundreds of sick or injured ISIS militants" (NPR 2019), "seized dozens of suspects")."""
    if noun.lemma_.lower() in QUANTITY_NOUNS:
        counted = prep_objects(noun, ("of",)).get("of", [])
        if counted:
            return all(_captive(o, ctx) for o in counted)
    return noun.lemma_.lower() in CAPTIVE_NOUNS or described_captive(noun) or any(
        ctx.ref.is_a(iri, "Person") for iri, _ in ctx.linked_in(phrase_tokens(noun), "ACTOR"))


def capture_of_people(trigger: Trigger, ctx: Context) -> Candidate | None:
    """Rule ``events.arrest.captured-people``: a capture or seizure of people, not of a place,
    is an arrest: "forces conducted a helicopter raid in eastern Syria, capturing an ISIS
    facilitator and two associates"; "the army seized an ISIS official". So is one whose
    objects are all people though a place is named with them: "capturing at least 14
    insurgents in the towns of X and Y" (Baghdad Post 2021), "captured five ISIL members in
    Syria" (Hurriyet 2022)."""
    captives = patients(trigger.head)
    if not captives or not all(_captive(p, ctx) for p in captives):
        return None
    cand = read_arrest(trigger, ctx)
    if cand is not None:
        cand.kind, cand.rule = "Arrest", CAPTURED_PEOPLE
    return cand


def holders_of_place(place_head: Token, ctx: Context) -> Found:
    """ "parts of northern Syria that had been captured by the YPG", "towns held by ISIS": who
    held the place before, from a relative or participle clause on it."""
    iris: list[str] = []
    tokens: list[Token] = []
    anaphoric = False
    for token in phrase_tokens(place_head) + [place_head]:
        for clause in token.children:
            if clause.dep_ not in ("relcl", "acl") or clause.lemma_ not in CONTROL_STATE_VERBS:
                continue
            holders = agents(clause) if is_passive(clause) else doers(clause)
            found = ctx.actors(holders)
            for iri in found[0]:
                if iri not in iris:
                    iris.append(iri)
            tokens.extend(found[1])
            anaphoric = anaphoric or found[2]
    return iris, tokens, anaphoric


def read_losing_control(trigger: Trigger, ctx: Context) -> Candidate | None:
    """Rule ``events.losing-control`` (lose, cede, "the loss of"): the subject (the possessor
    of the noun) lost the place it names, "to X" gained it; in a relative clause the place is
    the noun it is on: "Mosul, the Iraqi city the group lost control of last summer"."""
    cand = new_candidate(trigger, LOSING_CONTROL)
    head = trigger.head
    preps = trigger_preps(trigger)
    if trigger.is_noun:
        args = arguments_of_noun(head)
        for owner in args.get("poss", []):
            fill(cand, cand.lost, ctx.actors([owner]))
        places_from = args.get("of", [])
        gained_from = args.get("to", [])
        if trigger.word.concept in WITHDRAWAL_TRIGGERS:
            # "the withdrawal of the Peshmerga forces": "of" is who left, "from" the place
            fill(cand, cand.lost, ctx.actors(places_from + args.get("compound", [])))
            places_from = args.get("from", [])
    else:
        if is_passive(head):
            fill(cand, cand.lost, ctx.actors(agents(head)))
        else:
            fill(cand, cand.lost, ctx.actors(doers(head)))
        places_from = [p for p in patients(head) if p not in trigger.tokens] + [
            p for p in preps.get("of", []) if p.ent_type_ != "DATE"]
        if any(p.lemma_.lower() in TERRITORY_NOUNS for p in places_from) and not any(
            ctx.places([p])[0] for p in places_from
        ):
            places_from += locative_objects(head)
        if head.dep_ == "relcl" and not [p for p in places_from if p.ent_type_ == "PLACE"]:
            places_from.append(head.head)
        gained_from = preps.get("to", [])
    for other in places_from:
        fill_places(cand, ctx.places([other]))
    fill(cand, cand.gained, ctx.actors(gained_from))
    if trigger.word.concept in WITHDRAWAL_TRIGGERS:
        withdrawal_place(trigger, cand, ctx)
    return cand if cand.locations else None


def read_falling(trigger: Trigger, ctx: Context) -> Candidate | None:
    """Rule ``events.falling``: the place is the subject or "the fall of X", "to X" (or "into
    the hands of X") gained it;
    a verb with neither a gainer nor a date in its clause is no event: "Mosul fell to Islamic
    State in June 2014"."""
    cand = new_candidate(trigger, FALLING)
    head = trigger.head
    if trigger.is_noun:
        args = arguments_of_noun(head)
        places_from = args.get("of", []) + [p for p in args.get("poss", [])]
        gained_from = args.get("to", [])
    else:
        places_from = doers(head)
        preps = prep_objects(head, ("to", "into"))
        gained_from = preps.get("to", [])
        # "fell into the hands of the SDF", "fell into ISIS hands": whose hands gained it
        gained_from += [o for hands in preps.get("into", []) if hands.lemma_.lower() == "hand"
                        for o in [*prep_objects(hands, ("of",)).get("of", []),
                                  *(c for c in hands.children if c.dep_ in ("compound", "poss"))]]
    for other in places_from:
        fill_places(cand, ctx.places([other]))
        fill(cand, cand.lost, holders_of_place(other, ctx))
    fill(cand, cand.gained, ctx.actors(gained_from))
    if not trigger.is_noun and not cand.gained and not any(
        t.ent_type_ == "DATE" for t in clause_tokens(head)
    ):
        return None
    return cand if cand.locations else None


def read_victory(trigger: Trigger, ctx: Context) -> Candidate | None:
    """Rule ``events.victory``: a victory in a place is a change of its control. Who declares,
    claims or makes the victory (or owns it, "our victory") gained the place; the side it was
    won over or against, or whose defeat or end it is ("the territorial defeat of ISIS", "the
    death of the caliphate"), lost it; the place is "in P" on the noun or on the verb: "SDF
    declared victory over Daesh in its former de-facto capital of Raqqa" (one article); "Bali
    said that Baghouz village had been fully liberated, SDF made victory against ISIS"
    (another: a victory of no place of its own completes the control change of its sentence,
    ``merge.merge_within_sentences``). A place must be more specific than a country; the date
    of a declaration is when it was declared, on or after the change (``Candidate.declared``)."""
    head = trigger.head
    cand = new_candidate(trigger, VICTORY)
    defeat = trigger.word.concept in DEFEAT_TRIGGERS
    governor = governing_verb(head) if trigger.is_noun else None
    if trigger.is_noun:
        args = arguments_of_noun(head)
        owners = args.get("poss", []) + args.get("compound", [])
        of = args.get("of", [])
        fill(cand, cand.lost, ctx.actors(args.get("over", []) + args.get("against", [])
                                         + (owners + of if defeat else [])))
        fill(cand, cand.gained, ctx.actors(args.get("by", []) + ([] if defeat else owners + of)))
        if governor is not None and governor.lemma_ in VICTORY_VERBS:
            cand.declared = True
            if not cand.gained:
                fill(cand, cand.gained, ctx.actors(doers(governor)))
        preps = trigger_preps(trigger)  # "the death of the caliphate in Baghouz"
        located = preps.get("in", []) + preps.get("at", [])
        if not located and governor is not None:
            located = locative_objects(governor)
    else:
        fill(cand, cand.gained, ctx.actors(agents(head) if passive(head) else doers(head)))
        fill(cand, cand.lost, ctx.actors(undergoers(head)))
        # "the Iraqi city of Mosul, where ISIS was defeated last month" (IQ News 2017): the
        # place a "where" clause is on, as for a capture (``_places_left_open``)
        located = locative_objects(head)
        if not any(ctx.places([p])[0] for p in located):
            located += _places_left_open(head)
    for place in located:
        found = ctx.places([place])
        if found[0] and not all(ctx.ref.is_a(iri, "Country") for iri in found[0]):
            fill_places(cand, found)
    cand.lost = [a for a in cand.lost if a not in cand.gained]
    if not cand.locations and not (cand.gained or cand.lost):
        return None
    return cand  # without a place it only completes a control change of its sentence


def campaign_under_way(trigger: Trigger) -> bool:
    """Rule ``events.conquering.campaign-under-way``: a capture verb under a verb or noun of
    a fight for a place under way ([campaign-words]), in a clause in the present, is the
    fighting for the place, a clash, not yet its capture: "The Turkish army supports the FSA
    fighters to liberate Al-Bab from Daesh" (Anadolu via Middle East Observer 2016), "is
    supporting FSA fighters in liberating Al-Bab" (Anadolu via News.az 2017), "The RAF is
    continuing to support Iraqi forces in their effort to liberate western Mosul" (UK Defence
    Journal 2017), "Kurdish forces are making a major push to drive Islamic State militants
    from ... Mosul" (AP 2016). Not what is planned or prepared ("are preparing an offensive to
    retake Mosul"), launched ("launched an offensive to retake") or done ("supported the
    rebels to liberate al-Bab" in the past; "advancing ... as part of the campaign to free the
    city launched in August", the goal of a launch), nor the purpose of a fight told as such ("local
    forces fighting to reclaim areas including Mosul", [fight-words]): the clash reader's."""
    head = trigger.head
    if trigger.is_noun or head.tag_ not in ("VB", "VBG"):
        return False
    node, path = head, []
    while node.dep_ in CAMPAIGN_LINKS and node.head != node:
        node = node.head
        path.append(node)
    governor = node
    if governor.pos_ not in ("VERB", "AUX") or not _present(governor):
        return False
    lemma = governor.lemma_.lower()
    if lemma not in CAMPAIGN_WORDS and (lemma in GRAMMAR.intention_verbs or lemma in GRAMMAR.goal_verbs):
        return False
    if any(t.lemma_.lower() in FIGHT_WORDS for t in path):
        return False  # "local forces fighting to reclaim Mosul": the fight is a clash of its own
    if any(c.dep_ == "acl" and c.lemma_.lower() in GRAMMAR.goal_verbs
           for t in [*path, *head.subtree] for c in t.children):
        return False  # "as part of the campaign to free the city launched in August": its goal
    return any(t.lemma_.lower() in CAMPAIGN_WORDS for t in path)


def _present(verb: Token) -> bool:
    """A verb in the present: "supports", "is supporting", "are making", "have been fighting"."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def as_campaign(cand: Candidate) -> None:
    """The clash of ``campaign_under_way``: both sides of the change fight for its place."""
    cand.kind = "Clash"
    cand.add(cand.perpetrators, [*cand.gained, *cand.lost])
    cand.gained, cand.lost = [], []
    cand.step(CAMPAIGN)


HOLDING = "events.holding"


def held_since(trigger: Trigger) -> list[Token]:
    """The words of the "since" phrase of a holding trigger's clause ("since 2014", "since the
    group's emergence in 2014", "since it swept through the region in 2014"), or none."""
    verb = _holding_verb(trigger)
    if verb is None:
        return []
    for token in clause_tokens(verb):
        if token.lower_ == "since" and token.dep_ == "prep":
            return list(token.subtree)
    for clause in children(verb, "advcl"):
        if any(m.dep_ == "mark" and m.lower_ == "since" for m in clause.children):
            return list(clause.subtree)
    return []


def _holding_verb(trigger: Trigger) -> Token | None:
    """The verb of a holding trigger's clause: the verb itself, or the "be" that a noun
    trigger is "under" ("have been under Islamic State control")."""
    head = trigger.head
    if not trigger.is_noun:
        return head
    if head.dep_ == "pobj" and head.head.lower_ == "under" and head.head.head.pos_ in ("VERB", "AUX"):
        return head.head.head
    return None


def read_holding(trigger: Trigger, ctx: Context) -> Candidate | None:
    """Rule ``events.holding``: a place held since a time was taken by its holder then, and
    the date after "since" is the date of that change: "Raqqa, where it has maintained
    control since 2014" (The Atlantic 2017), "the towns of Annah, Rawa and Qaem have been under
    Islamic State control since the group's emergence in 2014" (Iraqi News 2017), "Hawija ...
    have been held by IS since mid-2014" (Iraqi News 2017), "Fallujah has been under the
    control of Islamic State militants since January 2014" (AP 2016). The holder is the subject
    (the by-agent of a passive; the actor of "under X control", "under the control of X"),
    the place what is held (the subject of "be under control", the place a "where" clause or a
    participle is on). Without a dated "since", a holder and a place it is a state, no event;
    who lost the place the clause does not say."""
    since = held_since(trigger)
    chars = [(t.idx, t.idx + len(t)) for t in since]
    dates = [w for w in ctx.dates_in(sentence_of(trigger.head)) if w.span is not None
             and w.start is not None and any(s <= w.span.start < e for s, e in chars)]
    verb = _holding_verb(trigger)
    if not dates or verb is None:
        return None
    cand = new_candidate(trigger, HOLDING)
    head = trigger.head
    if trigger.is_noun:
        args = arguments_of_noun(head)
        holders = args.get("of", []) + args.get("poss", []) + args.get("compound", [])
        places = [resolve_relative(s) for s in children(verb, "nsubj", "nsubjpass")]
    else:
        holders = agents(head) if passive(head) else doers(head)
        places = [p for p in undergoers(head) if p not in trigger.tokens]
        places += [o for prep in ("of", "over") for o in trigger_preps(trigger).get(prep, [])]
        places += _places_left_open(head)
        if head.dep_ == "acl" and not places:
            places = [head.head]  # "Hawija, held by IS since mid-2014"
    fill(cand, cand.gained, ctx.actors(holders))
    for place in places:
        fill_places(cand, ctx.places([place]))
    if not cand.gained or not cand.locations:
        return None
    cand.when = since_start(dates[0])
    cand.evidence.update(t.i for t in since if dates[0].span is not None
                         and dates[0].span.start <= t.idx < dates[0].span.end)
    return cand
