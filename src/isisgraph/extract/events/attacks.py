"""Readers of attacks and fighting: the frames ``attack``, ``explosive-device``,
``hostile-encounter`` and ``strike``.

An attack needs a participant, a place or a date (checked after the place and date are read):
"attack" in "fighter, attack and bomber aircraft" anchors nothing. Killed and wounded counts
stated with an attack come from its clause (``counts.casualties``).
"""

from __future__ import annotations

from spacy.tokens import Token

from isisgraph.extract.events.candidate import (
    Candidate,
    arguments_of_noun,
    fill,
    new_candidate,
    passive,
    undergoers,
)
from isisgraph.extract.events.context import Context
from isisgraph.extract.events.triggers import Trigger, trigger_words
from isisgraph.extract.syntax.factuality import negated
from isisgraph.extract.syntax.tree import (
    agents,
    children,
    doers,
    governing_verb,
    is_including,
    of_objects,
    prep_objects,
)
from isisgraph.lexicons import lexicon
from isisgraph.namespaces import ID

WORDS = lexicon("events")
SUPPORT_VERBS = WORDS.support_verbs
OCCURRENCE_VERBS = WORDS.occurrence_verbs
DETONATION_VERBS = WORDS.detonation_verbs
DEVICE_HIT_VERBS = WORDS.device_hit_verbs
DEVICE_PLANTING_VERBS = WORDS.device_planting_verbs
DEVICE_OBJECT_VERBS = DEVICE_HIT_VERBS | WORDS.device_setting_verbs | DEVICE_PLANTING_VERBS
DEVICE_MEANS_VERBS = WORDS.harm_verbs | WORDS.device_means_verbs
ENGAGEMENT_VERBS = WORDS.engagement_verbs
OPERATION_NOUNS = WORDS.operation_nouns
DEFENCE_VERBS = WORDS.defence_verbs
MILITANT_ONLY = WORDS.militant_only_attack_triggers
UNDERGONE = WORDS.undergone_attack_triggers
NON_MILITANT_GROUPS = frozenset(str(ID[f"actor/{slug}"]) for slug in WORDS.non_militant_groups)
STRIKE_WORDS = lexicon("strikes")
# aircraft nouns that also name people ("ISIS fighters attacked") are no aircraft here
AIRCRAFT = STRIKE_WORDS.aircraft_nouns - WORDS.person_aircraft_nouns
AIRCRAFT_GROUPS = STRIKE_WORDS.aircraft_group_nouns
AIR_MODIFIERS = WORDS.air_attacker_modifiers

ATTACK = "events.attack"
EXPLOSIVE_DEVICE = "events.explosive-device"
HOSTILE_ENCOUNTER = "events.hostile-encounter"
REPELLED = "events.attack.repelled"
FROM_THE_AIR = "events.attack.from-the-air"
TARGETING = "events.attack.targeting"
UNDER_FIRE = "events.attack.under-fire"


def read_attack(trigger: Trigger, ctx: Context) -> Candidate | None:
    """Rule ``events.attack``: who attacked whom, from the verb's subject and object or the
    noun's possessor, "by", an actor before it, "on", "against", a light verb's subject
    ("carried out an attack", "took part in an attack") and what the attack did ("took place
    on", "hit"), the subject of "be under attack": "Syrian regime forces redeployed ... to take
    part in an attack on antigovernment rebels in neighboring Daraa".

    Rule ``events.attack.targeting``: a word that tells an attack by its aim ("targeted",
    "opened fire on": [militant-only-attack-triggers]) is an attack only when the subject of
    the verb names a militant group: "ISIS members targeted the Iraqi forces in a district of
    Kirkuk" (Shafaq 2022); the same words tell attacks in "a group of terrorists opening fire
    on the SDF" (UK MoD 2017) and "targeting a military vehicle of the SDF" (Deir Ezzor 24
    2020), whose subjects the parse does not give. Never the noun "targets", nor "strikes
    targeted ISIS tunnels" or "ISIS attacks targeting civilians", whose strike or attack is
    told by its own word."""
    cand = new_candidate(trigger, ATTACK)
    head = trigger.head
    if trigger.is_noun:
        args = arguments_of_noun(head)
        defenders, after = repelled_by(head)
        if defenders:
            fill(cand, cand.target_actors, ctx.actors(defenders))
            cand.step(REPELLED)
            if after < 0 and not passive(head.head):
                # "repulsed a large assault by IS jihadists": the parser hangs the attack's
                # "by" on the active defence verb
                fill(cand, cand.perpetrators, ctx.actors(agents(head.head)))
        fill(cand, cand.perpetrators, ctx.actors(args.get("by", []) + [
            t for t in args.get("poss", []) + args.get("compound", []) if t.i > after]))
        fill(cand, cand.target_actors, ctx.actors(args.get("on", []) + args.get("against", [])
                                                  + args.get("of", [])))
        governor = governing_verb(head)
        if not cand.perpetrators and governor is not None and not defenders and (
            (governor.lemma_ in SUPPORT_VERBS and head.dep_ == "dobj")
            or _is_participation(governor, head)
        ):
            fill(cand, cand.perpetrators, ctx.actors(doers(governor)))
        if not cand.perpetrators:
            # the words before the responsible noun ("a suspected ISIS cell"), not its
            # prepositions ("..., including an attack on the ISF headquarters")
            named = ctx.linked_in([t for h in responsible_for(head) for t in [*h.lefts, h]], "ACTOR")
            fill(cand, cand.perpetrators, ([iri for iri, _ in named], [t for _, e in named for t in e], False))
            fill(cand, cand.perpetrators, ctx.actors(_renamed_by(head)))
        if governor is not None and head.dep_ == "pobj" and head.head.lower_ == "under" \
                and head.head.head == governor:
            # "the militant group is now confined to Deir Ezzor province, where they are under
            # attack by both the SDF and Russian-backed regime forces": the subject is the target
            fill(cand, cand.target_actors, ctx.actors(doers(governor) + children(governor, "nsubjpass")))
        for verb in _occurrence_clauses(head):
            preps = prep_objects(verb)
            objects = [o for o in children(verb, "dobj") if o.lemma_ != "place"]
            fill(cand, cand.target_actors, ctx.actors(objects + preps.get("on", [])
                                                      + preps.get("against", [])))
    elif trigger.word.concept in UNDERGONE:
        read_under_fire(cand, ctx)
        if not cand.actors_filled():
            return None  # "the house came under fire": whose, the text does not say
    else:
        if passive(head):
            fill(cand, cand.perpetrators, ctx.actors(agents(head)))
        else:
            fill(cand, cand.perpetrators, ctx.actors(doers(head)))
        preps = prep_objects(head)
        # "fired rockets at the advancing soldiers": the object of the label's own preposition
        aimed_at = [o for t in trigger.tokens if t.dep_ == "prep" for o in children(t, "pobj")]
        fill(cand, cand.target_actors, ctx.actors(undergoers(head) + preps.get("on", [])
                                                  + preps.get("against", []) + aimed_at, victims=True))
    cand.target_actors = [a for a in cand.target_actors if a not in cand.perpetrators]
    if from_the_air(trigger, ctx):
        return None
    if trigger.word.concept in MILITANT_ONLY:
        if not militant_aim(trigger, ctx):
            return None
        cand.step(TARGETING)
    return cand


def read_under_fire(cand: Candidate, ctx: Context) -> None:
    """Rule ``events.attack.under-fire``: a verb that tells an attack from the side it hit
    ([undergone-attack-triggers]: "came under fire") has the target as its subject and the
    attackers after "from" or "by", on the verb or on "fire": "a bus carrying Syrian Arab Army
    soldiers ... came under fire from the south side of the road by a terrorist group" (Islam
    Times 2021), "acting in support of Iraqi Peshmerga forces after they came under fire by
    ISIL" (US DoD briefing 2015). The place after "from" is where the fire came from, no
    attacker (``ctx.actors`` reads actors only)."""
    head = cand.trigger.head
    fill(cand, cand.target_actors, ctx.actors(doers(head), victims=True))
    attackers = [o for t in (head, *cand.trigger.tokens) for o in _from_or_by(t)]
    fill(cand, cand.perpetrators, ctx.actors(attackers))
    cand.target_actors = [a for a in cand.target_actors if a not in cand.perpetrators]
    cand.step(UNDER_FIRE)


def tells_undergone_attack(verb: Token, ctx: Context) -> bool:
    """Whether ``verb`` begins a label of [undergone-attack-triggers] ("came under fire"): its
    subject is the side hit, never the killer of a killing told with it ("came under fire ...,
    claiming the lives of three soldiers")."""
    labels = _UNDERGONE_LABELS.get(id(ctx.ref))
    if labels is None:
        labels = [w.words for w in trigger_words(ctx.ref) if w.concept in UNDERGONE]
        _UNDERGONE_LABELS.clear()
        _UNDERGONE_LABELS[id(ctx.ref)] = labels
    following = [t.lower_ for t in verb.doc[verb.i + 1: verb.i + 4]]
    return any(verb.lemma_.lower() == words[0] and following[: len(words) - 1] == list(words[1:])
               for words in labels)


_UNDERGONE_LABELS: dict[int, list[tuple[str, ...]]] = {}


def _from_or_by(word: Token) -> list[Token]:
    """The objects of "from" and "by" on ``word`` and on a "from" phrase's noun ("from the south
    side of the road by a terrorist group")."""
    preps = prep_objects(word)
    found = preps.get("from", []) + preps.get("by", [])
    return found + [o for f in preps.get("from", []) for o in prep_objects(f).get("by", [])]


def from_the_air(trigger: Trigger, ctx: Context) -> bool:
    """Rule ``events.attack.from-the-air``: an attack told of aircraft or of an air arm — the
    subject of the verb ("CF-18s attacked a militant fighting position near Mosul", CTV 2014;
    "a RCAF CF-18 attacked an ISIS target", Canadian dispatch 2015; "the Australian Air Task
    Group ... attacked its first target", AAP 2014; "The Russian space forces ... attacked the
    Islamic State", TASS 2017), or of the verb an attack noun is an argument of ("a pair of
    Typhoons ... joined other coalition aircraft in an attack on a series of caves", UK MoD
    2020) — is an air strike, which the strike reports tell (with its toll as a killing), not
    an attack event. Not when the attackers named are a militant group ("ISIS drones attacked
    a Peshmerga base")."""
    head = trigger.head
    if trigger.is_noun:
        governor = governing_verb(head)
        if governor is None or head.dep_ not in ("dobj", "pobj") or passive(governor):
            return False
        subjects = doers(governor)
    else:
        subjects = [] if passive(head) else doers(head)
    if not subjects or not any(_aircraft(s) for s in subjects):
        return False
    actors, _, anaphoric = ctx.actors(subjects)
    if anaphoric:
        return True  # "the Australian Air Task Group" is no "group" told before
    return not any(ctx.ref.is_a(p, "ArmedGroup") and p not in NON_MILITANT_GROUPS for p in actors)


def _aircraft(subject: Token) -> bool:
    """Whether a subject names aircraft ("CF-18s", "a pair of Typhoons", "coalition jets",
    "RAF Tornado GR4s") or an air arm ("Air Task Group", "space forces")."""
    words = [subject]
    if subject.lemma_.lower() in AIRCRAFT_GROUPS:
        words += of_objects(subject)
    # the noun or a compound before it ("RAF Tornado GR4s")
    words += [c for c in subject.children if c.dep_ == "compound"]
    for word in words:
        forms = {word.lemma_.lower(), word.lower_, word.lower_.removesuffix("s")}
        if forms & AIRCRAFT:
            return True
    return any(c.dep_ in ("compound", "amod") and c.lower_ in AIR_MODIFIERS for c in subject.children)


def militant_aim(trigger: Trigger, ctx: Context) -> bool:
    """Whether a word of [militant-only-attack-triggers] tells an attack (rule
    ``events.attack.targeting``, ``read_attack``): a verb whose own subject names a militant
    group; not the noun "targets", nor "strikes (attacks) targeting ...", whose strike or
    attack is told by its own word. Triggers that fail are dropped before the others are
    read, so that a killing told with them ("killed when gunmen opened fire") stays."""
    head = trigger.head
    subjects = [] if trigger.is_noun or passive(head) else doers(head)
    if not subjects or any(s.i in ctx.trigger_heads for s in subjects):
        return False
    actors = ctx.actors(subjects)[0]
    return bool(actors) and all(ctx.ref.is_a(p, "ArmedGroup") and p not in NON_MILITANT_GROUPS
                                for p in actors)


def repelled_by(noun: Token) -> tuple[list[Token], int]:
    """Rule ``events.attack.repelled``: who fought off an attack was attacked, never its
    perpetrator: the subject of a defence verb whose object is the attack noun ("Security
    forces repelled the attack", one article; "Peshmerga units beat off ... repulsed an ISIS
    assault"), or the words before a defence verb that a heading's parse folds into the
    noun phrase ("Iraq's Popular Forces Repel Daesh Attack in Salahuddin", another: only the
    words after it can name the attacker). Returns the defenders' heads and the index after
    which the noun's own words may name the attacker (-1: any)."""
    governor = noun.head
    if noun.dep_ == "dobj" and _is_defence(governor):
        return doers(governor), -1
    for word in noun.lefts:
        for token in word.subtree:
            if token.dep_ in ("compound", "amod", "nmod") and _is_defence(token):
                return [t for t in token.subtree if t.i < token.i and t.dep_ in ("compound", "poss", "nmod")
                        and t.pos_ in ("PROPN", "NOUN")] + [
                    w for w in noun.lefts if w.i < token.i and w not in token.subtree], token.i
    return [], -1


def _is_defence(word: Token) -> bool:
    """ "repelled", "repulse", "Repels" (a heading's verb parsed as a noun)."""
    return word.lemma_.lower() in DEFENCE_VERBS or word.lower_ in DEFENCE_VERBS \
        or word.lower_.removesuffix("s") in DEFENCE_VERBS


def responsible_for(noun: Token) -> list[Token]:
    """ "a suspected ISIS cell responsible for attacks in the region, including an attack on
    the headquarters of the Internal Security Forces", "ISIS was responsible for the bombing":
    who is responsible for an attack (or for the attacks it is one of) carried it out."""
    current = noun
    for _ in range(4):
        if current.dep_ == "pobj" and current.head.lower_ == "for" \
                and current.head.head.lemma_.lower() == "responsible":
            adjective = current.head.head
            if adjective.dep_ == "amod":
                return [adjective.head]
            return doers(adjective.head) if adjective.dep_ == "acomp" else []
        if current.dep_ == "pobj" and is_including(current.head):
            current = current.head.head  # "attacks ..., including an attack on X"
            if any(c.dep_ == "amod" and c.lemma_.lower() == "responsible" for c in current.children):
                return [current]  # "a cell responsible for attacks ..., including an attack"
        elif current.dep_ in ("pobj", "conj", "appos"):
            current = current.head
        else:
            return []
    return []


def _renamed_by(noun: Token) -> list[Token]:
    """ "an assault late last month to seize a prison ..., its boldest operation in years": an
    operation noun set beside the attack names whose it was."""
    return [p for c in noun.children if c.dep_ in ("appos", "conj")
            and c.lemma_.lower() in OPERATION_NOUNS for p in children(c, "poss")]


def _occurrence_clauses(noun: Token) -> list[Token]:
    """Verbs that say what happened in an attack named by ``noun``: "a bombing hit a convoy",
    "an attack it said took place the day before on Kurdish forces"."""
    out: list[Token] = []
    governor = noun.head
    if noun.dep_ == "nsubj" and governor.lemma_ in OCCURRENCE_VERBS:
        out.append(governor)
    for clause in noun.children:
        if clause.dep_ != "relcl":
            continue
        stack = [clause]
        while stack:
            verb = stack.pop()
            if verb.lemma_ in OCCURRENCE_VERBS:
                out.append(verb)
            stack.extend(c for c in verb.children if c.dep_ == "ccomp")
    return out


def _is_participation(verb: Token, noun: Token) -> bool:
    """ "took part in an attack", "participated in the assault"."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return False
    return verb.lemma_ == "participate" or (
        verb.lemma_ == "take"
        and any(c.dep_ == "dobj" and c.lemma_ == "part" for c in verb.children))


def read_explosive_device(trigger: Trigger, ctx: Context) -> Candidate | None:
    """Rule ``events.explosive-device`` (roadside bomb, IED, suicide bomber): a device is an
    attack only when something happens with it — it explodes, goes off, hits, kills or is
    hit, people are killed by it — with who is hit and who set it: "a U.S. military convoy hit
    a roadside bomb in Deir Ezzour". A device planted, found or feared is none."""
    device = trigger.head
    cand = new_candidate(trigger, EXPLOSIVE_DEVICE)
    cand.weak_trigger = True
    head = device.head
    if device.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in DETONATION_VERBS:
        if head.lemma_ == "go" and not any(c.lower_ == "off" for c in head.children):
            return None
        if device.dep_ == "nsubj":
            fill(cand, cand.target_actors, ctx.actors(children(head, "dobj")))
        else:
            fill(cand, cand.perpetrators, ctx.actors(agents(head)))
    elif device.dep_ == "dobj" and head.lemma_ in DEVICE_OBJECT_VERBS:
        if head.lemma_ in DEVICE_PLANTING_VERBS:
            return None
        subjects = doers(head)
        hit = head.lemma_ in DEVICE_HIT_VERBS  # the subject is the one hit
        role = cand.target_actors if hit else cand.perpetrators
        fill(cand, role, ctx.actors(subjects))
    elif not (device.dep_ == "pobj" and device.head.lower_ in ("by", "in", "with")
              and device.head.head.lemma_ in DEVICE_MEANS_VERBS):
        return None
    return cand


def read_hostile_encounter(trigger: Trigger, ctx: Context) -> Candidate | None:
    """Rule ``events.hostile-encounter``: every side of a clash is a perpetrator — the
    subject, "with", "between", "against", the noun's possessor, the subject of the verb
    governing it ("engaged in fighting with"): "Iraqi Security Forces and Kurdish forces
    clashed in the northern Iraqi city of Kirkuk". A clash may name no side ("four days of
    heavy fighting in Mosul"); it then needs a place."""
    cand = new_candidate(trigger, HOSTILE_ENCOUNTER)
    head = trigger.head
    if trigger.is_noun:
        args = arguments_of_noun(head)
        sides = args.get("between", []) + args.get("with", []) + args.get("poss", []) \
            + args.get("against", [])
        governor = governing_verb(head)
        if governor is not None and (head.dep_ == "dobj" or (
                governor.lemma_ in ENGAGEMENT_VERBS and head.dep_ == "pobj")):
            # "the elite forces engaged in a tough battle with ISIL"
            if governor.lemma_ in ENGAGEMENT_VERBS and negated(governor):
                return None  # "most of whom are not currently engaged in fighting"
            sides += doers(governor)
        if governor is not None and head.dep_ in ("nsubj", "nsubjpass"):
            # "Clashes erupted between the Peshmerga and the PMF"
            for objects in prep_objects(governor, ("between", "with")).values():
                sides += objects
    else:
        if fighters_described(head):
            return None
        preps = prep_objects(head, ("with", "between", "against"))
        sides = doers(head) + children(head, "dobj") + [o for objects in preps.values() for o in objects]
        # "prevailed over the ISIL": the object of a preposition of the label
        sides += [o for t in trigger.tokens if t.dep_ == "prep" for o in children(t, "pobj")]
    fill(cand, cand.perpetrators, ctx.actors(sides))
    if not trigger.is_noun and not cand.perpetrators:
        return None  # "fewer than 3,000 were actively fighting in Iraq and Syria"
    # a noun with no side named is kept if it is placed (``filters.is_unanchored``): "After
    # some heavy fighting, Manbij was encircled in June"
    return cand


def fighters_described(verb: Token) -> bool:
    """Rule ``events.hostile-encounter.description``: a fighting verb in a participle clause
    on a noun says who the noun's people are, not that a clash happened: "Iraqi forces
    battling Islamic State militants on Saturday liberated most of the city" (Xinhua 2017:
    the liberation is the news), "to support local forces fighting to reclaim areas" (a DoD
    release, 2016), "American troop numbers fighting jihadists in Syria" (AFP 2024). The
    finite verb ("Iraqi forces battled the militants") and the noun ("clashes with") are
    read as clashes."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG"


def read_strike(trigger: Trigger, ctx: Context) -> Candidate | None:
    """Frame ``strike``: strikes are strike reports (another extractor); here they are only
    the means of killings (``people.through_means``), so no event is read."""
    return None
