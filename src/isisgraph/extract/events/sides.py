"""Who a side stands for: a government that acts acts through its armed forces, a person
brings the organisation the reference data makes them a member of; and the sides the
article supplies when an event's clause and its report name none (``complete_from_article``)."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from spacy.tokens import Doc, Token

from isisgraph.extract.context import (
    COOPERATION,
    SIDES_LIBERATED,
    anchor_of,
    armed_forces_of,
    armed_group_mentions,
)
from isisgraph.extract.events.candidate import ATTACK_KINDS, Candidate
from isisgraph.extract.events.context import Context
from isisgraph.extract.events.parties import NON_MILITANT_GROUPS, fighting, fights
from isisgraph.extract.events.victims import (
    attack_killings,
    attack_victims,
    blamed_on,
    share_attack_sides,
    state_targets,
)
from isisgraph.extract.shared import entities, sentences
from isisgraph.extract.syntax.tree import (
    agents,
    children,
    conjuncts,
    doers,
    is_passive,
    patients,
    prep_objects,
    reduced_passive,
    resolve_relative,
)
from isisgraph.lexicons import lexicon
from isisgraph.records import Event
from isisgraph.reference import Reference

ARMED_FORCES = "events.sides.armed-forces"
MEMBER_OF = "events.sides.member-of"
NOT_A_PARTY = "events.sides.not-a-party"

# Organisations a person's side extends to (not a government or a media office).
GROUP_CLASSES = ("ArmedGroup", "StateForce", "Coalition")


def normalise_sides(cand: Candidate, ref: Reference) -> None:
    """Rule ``events.sides.armed-forces``: a government that attacks, kills, arrests or takes a
    place did it with its armed forces, which join it in the side: "Turkey and FSA liberate
    al-Bab from Daesh" (one article: the Turkish Armed Forces), "al-Baghdadi died during a
    U.S. raid" (another: the US military); so does a government hit or driven out: "the
    execution of 14 Damascus government forces" (Hawar 2024) hit the Syrian Arab Army. Rule
    ``events.sides.member-of``: a person in a side brings the armed group or force they
    belong to: "al-Baghdadi died" is a loss of ISIS. Both in place; the candidate notes each
    rule that changed it."""
    for role in (cand.perpetrators, cand.gained, cand.target_actors, cand.lost):
        forces = [f for a in role if (f := armed_forces_of(a, ref)) != a and f not in role]
        if forces:
            role.extend(dict.fromkeys(forces))  # the government stays: it acted through them
            cand.step(ARMED_FORCES)
    for role in (cand.perpetrators, cand.target_actors, cand.gained, cand.lost):
        groups = [g for a in role if ref.is_a(a, "Person") for g in ref.member_of.get(a, ())
                  if any(ref.is_a(g, c) for c in GROUP_CLASSES) and g not in role]
        if groups:
            role.extend(dict.fromkeys(groups))
            cand.step(MEMBER_OF)
    cand.target_actors[:] = [a for a in cand.target_actors if a not in cand.perpetrators]
    cand.lost[:] = [a for a in cand.lost if a not in cand.gained]
    drop_non_parties(cand, ref)


# The kinds of organisation that fight or are fought (the rest, outlets, monitors,
# international bodies, are plain ig:Organization)
PARTY_CLASSES = ("ArmedGroup", "StateForce", "Coalition", "Government", "PoliticalParty")


def _bystander(actor: str, ref: Reference) -> bool:
    return ref.is_a(actor, "Organization") and not any(ref.is_a(actor, c) for c in PARTY_CLASSES)


def drop_non_parties(cand: Candidate, ref: Reference) -> None:
    """Rule ``events.sides.not-a-party``: a news outlet, a monitor, a media office or an
    international body (an ``Organization`` of the reference data of none of its subclasses)
    tells, counts or condemns the fighting but takes no side in it, so it is never a
    perpetrator, target, winner or loser: the "(Reuters) - Islamic State fighters stormed a
    town" of a dateline is no attack by Reuters (Reuters on Kubaisa, 2014), "Syrian state TV
    reported intense clashes" no clash of the broadcaster (AP on Hasakah, 2015), "Beirut (AFP)
    ... At least 20 Islamic State group fighters were killed" killed no one of AFP (AFP on
    Palmyra, 2016). None of the 266 annotated articles gives such an actor a side."""
    for role in (cand.perpetrators, cand.target_actors, cand.gained, cand.lost):
        kept = [a for a in role if not _bystander(a, ref)]
        if len(kept) != len(role):
            role[:] = kept
            cand.step(NOT_A_PARTY)


# ------------------------------------------------------------------ sides from the article

WORDS = lexicon("events")
ARTICLE_ENEMY = "events.sides.article-enemy"
ARTICLE_ATTACKER = "events.sides.article-attacker"
OPERATING_FORCE = "events.sides.operating-force"
HELD_BY_THE_STATE = "events.sides.held-by-the-state"
COMPANIONS = "events.sides.companions"
COMPANION_WORDS = WORDS.companion_words
COOPERATION_NOUNS = WORDS.cooperation_nouns
# How many sentences back an operation's force is carried to the arrests and killings after it
OPERATION_WINDOW = 2
COMBATANT_NOUNS = WORDS.combatant_nouns
QUANTITY_NOUNS = WORDS.quantity_nouns
NON_COMBATANT_NOUNS = WORDS.non_combatant_nouns
ATROCITY_NOUNS = WORDS.atrocity_nouns


def complete_from_article(events: list[Event], doc: Doc, ref: Reference) -> None:
    """The sides an event's clause and its report leave open, from the militant group the
    article is about (``article_militant_group``); in place, after ``context.complete_sides``.

    Rule ``events.sides.article-enemy``: an arrest, or a killing of fighters, by a force
    fighting that group, whose detainees or victims name no group of their own, hit that
    group: "police detained seven more suspects in the port city" in an article on raids
    against Daesh cells (TRT World 2017), "a terrorist was killed ..., in coordination with
    the Asayish" in one on the Counter-Terrorism Service's arrests of ISIS members (Shafaq
    2022), "Our forces neutralised the gang leader" in the SDF's statement on an ISIS car bomb
    (ANF 2024). A killing needs victims named as fighters ([combatant-nouns]) or a named
    person; an arrest needs detainees that are no civilians, journalists or soldiers
    ([non-combatant-nouns]). So does an attack by such a force that names no one it hit: "U.S.
    special forces landed in helicopters and attacked a house" in an article on the raid that
    killed the group's leader (AP via CS Monitor 2022), "after storming and clearing most of the
    area" in one on the SDF's capture of Raqqa (New Arab 2017); not when the article names
    another armed group the attack may have hit (``_other_groups``).

    Rule ``events.sides.article-attacker``: an attack that names no attacker, or a killing of
    a force's men that names no killer and was no strike, in an article whose attacks with a
    named attacker are all that group's, was that group's: "The insurgents targeted an army
    unit ..., where one soldier was killed" after "ISIS attacks Iraqi army in Diyala" (Baghdad
    Post 2020); "a suicide bomber ... detonated his explosive belt in a crowd" after "the
    Islamic State group claimed responsibility for a suicide bombing" (AFP 2021); "killed ...
    in a terrorist attack in the village of X" beside the same group's attack on the Hashd
    (Mehr 2021). So in an article with no attributed attack that names no other militant
    group: "An ambush on a joint patrol in Palmyra killed two soldiers" beside "an attacker
    ... belonged to the Islamic State group" (Newser 2025), "a chemical attack on the nearby
    town of Taza" (RFE/RL 2016). Never when the attack hit that group, nor when the clause
    names an attacker we could not link ("CF-18s attacked a fighting position"). So was a
    killing told by a word of mass atrocity ([atrocity-nouns]) that names no killer (not even
    one we could not link) and no victims we know, in an article that names that group as its only militant group: the
    "genocide against the Yazidi people in Iraq in 2014" (AP via CS Monitor 2022), "the
    genocide in the Yazidi settlement area of Shengal" (ANF 2021)."""
    group = article_militant_group(doc, ref)
    blamed_on(events, doc, ref)
    carry_operating_force(events, doc, ref, group)
    withdrew(events, doc, ref)
    held_by_the_state(events, doc, ref)
    if group is not None:
        complete_from_group(events, doc, ref, group)
    pairs = attack_killings(events, doc)
    share_attack_sides(pairs)
    attack_victims(events, doc, ref)
    state_targets(events, doc, ref)  # after the attackers are known
    share_attack_sides(pairs)  # the targets state-target found


def complete_from_group(events: list[Event], doc: Doc, ref: Reference, group: str) -> None:
    """The rules ``events.sides.article-enemy`` and ``events.sides.article-attacker``
    (``complete_from_article``) for the militant group ``group`` the article is about."""
    attributed = [e for e in events if e.kind in ATTACK_KINDS and e.perpetrators]
    attacker = all(
        group in e.perpetrators and not any(p != group and fights(p, ref) for p in e.perpetrators)
        for e in attributed) and (bool(attributed) or _sole_militant_group(doc, ref))
    strike_words = _strike_words(ref)
    for event in events:
        anchor = anchor_of(doc, event)
        if anchor is None:
            continue
        if (event.kind in ("Arrest", "Killing") or event.kind in ATTACK_KINDS) and not event.target_actors \
                and event.perpetrators and group not in event.perpetrators \
                and all(fighting(p, ref) for p in event.perpetrators) \
                and (_hit_fighters(anchor, event.kind == "Killing") if event.kind not in ATTACK_KINDS
                     else not _other_groups(event.perpetrators, group, doc, ref)):
            event.target_actors = [group]
            event.extractor += f"+{ARTICLE_ENEMY}"
        elif _atrocity(event, anchor, doc, ref) or attacker and not event.perpetrators \
                and group not in event.target_actors and not _doer_named(anchor) and (
                event.kind in ATTACK_KINDS or (
                    event.kind == "Killing" and event.target_actors
                    and all(fighting(t, ref) for t in event.target_actors)
                    and not _told_as_strike(doc, event, strike_words))):
            event.perpetrators = [group]
            event.extractor += f"+{ARTICLE_ATTACKER}"


def _atrocity(event: Event, anchor: Token, doc: Doc, ref: Reference) -> bool:
    """A killing told by a word of [atrocity-nouns] naming no one, in an article with one
    militant group (rule ``events.sides.article-attacker``)."""
    return event.kind == "Killing" and not event.perpetrators and not event.target_actors \
        and anchor.lemma_.lower() in ATROCITY_NOUNS and not _doer_named(anchor) \
        and _sole_militant_group(doc, ref)


def _other_groups(doers: list[str], group: str, doc: Doc, ref: Reference) -> list[str]:
    """The armed groups the article names besides ``group``, the doers and their own units or
    parents: who else an attack by the doers may have hit ("Turkish troops stormed a village
    ... The YPG said its fighters repelled the assault")."""
    return [g for g in armed_group_mentions(doc, ref) if g != group and g not in doers
            and not any(d in ref.memberships(g) or g in ref.memberships(d) for d in doers)]


def article_militant_group(doc: Doc, ref: Reference) -> str | None:
    """The militant group an article is about: the only armed group outside
    [non-militant-groups] it names, else the one it names most, at least twice and twice as
    often as the next."""
    counts = armed_group_mentions(doc, ref)
    militant = sorted((c, -i, g) for i, (g, c) in enumerate(counts.items()) if g not in NON_MILITANT_GROUPS)
    if not militant:
        return None
    count, _, group = militant[-1]
    if len(militant) == 1:
        return group  # the only militant group it names
    return group if count >= 2 and count >= 2 * militant[-2][0] else None


def _doer_named(anchor: Token) -> bool:
    """Whether the clause names who attacked or killed by a word we could not link ("CF-18s
    attacked a fighting position", "attacked by a drone"): then the article's group is not
    guessed. Fighters with no group of their own ("the insurgents", "a suicide bomber") name
    no one."""
    if anchor.pos_ == "NOUN":
        named = prep_objects(anchor, ("by",)).get("by", []) + children(anchor, "poss")
    else:
        named = doers(anchor) if not is_passive(anchor) else agents(anchor)
    # "Thursday's attack": a day is no doer
    return any(t.lemma_.lower() not in COMBATANT_NOUNS and t.pos_ != "PRON" and t.ent_type_ not in ("DATE", "TIME")
               for t in named)


def _sole_militant_group(doc: Doc, ref: Reference) -> bool:
    counts = armed_group_mentions(doc, ref)
    return len([g for g in counts if g not in NON_MILITANT_GROUPS]) == 1


def _hit_fighters(anchor: Token, killing: bool) -> bool:
    """Whether those an arrest or killing word hit are unnamed fighters (a killing) or
    unnamed people that are no civilians (an arrest): "detained seven", "four other
    terrorists were arrested", "neutralised the gang leader"."""
    heads = _undergoers(anchor)
    if not heads:
        return not killing  # "police detained seven" parses the number as the object
    if any(h.lemma_.lower() in NON_COMBATANT_NOUNS or h.lower_ in NON_COMBATANT_NOUNS for h in heads):
        return False
    # "the gang leader and the one responsible": one fighter named is enough
    return not killing or any(h.lemma_.lower() in COMBATANT_NOUNS or h.ent_type_ == "PERSON" for h in heads)


def _undergoers(anchor: Token) -> list[Token]:
    """Who an arrest or killing word hit: the object or passive subject of the verb, the noun
    a participle describes ("militants killed in a strike"), "of" after a noun; after a
    quantity noun ([quantity-nouns]: "killed a large number of terrorists", Kurdistan 24
    2019; "the arrest of a number of terrorists", Syriac Press 2022), the people after its
    "of"."""
    if anchor.pos_ == "NOUN":
        return prep_objects(anchor, ("of",)).get("of", [])
    found = patients(anchor)
    if not found and anchor.dep_ == "acl" and anchor.head.pos_ in ("NOUN", "PROPN"):
        found = [anchor.head]
    if not found and reduced_passive(anchor):
        found = [resolve_relative(s) for s in conjuncts(children(anchor, "nsubj")[0])]
    # "a large number of terrorists", "dozens of suspects": the people after "of"
    return [n for h in found for n in (
        [o for p in children(h, "prep") if p.lower_ == "of" for c in children(p, "pobj") for o in conjuncts(c)]
        if h.lemma_.lower() in QUANTITY_NOUNS and any(p.lower_ == "of" for p in children(h, "prep")) else [h])]


def _told_as_strike(doc: Doc, event: Event, strike_words: frozenset[str]) -> bool:
    span = doc.char_span(event.span.start, event.span.end, alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() in strike_words or t.lower_ in strike_words
                                    for t in span)


def _strike_words(ref: Reference) -> frozenset[str]:
    """The labels of the strike frame of the trigger lexicon ("strike", "airstrike", "raid")."""
    scheme = ref.scheme("event-trigger")
    return frozenset(label.lower() for concept in scheme.values()
                     if concept.broader is not None and concept.broader.endswith("frame-strike")
                     for label in concept.labels)


def carry_operating_force(events: list[Event], doc: Doc, ref: Reference, group: str | None) -> None:
    """Rule ``events.sides.operating-force``: an arrest, or a killing of fighters, that names
    no one who did it, told in the sentence of an operation, assault, arrest, killing or
    liberation by a force fighting the militants or in the two after it, was done by that
    force: "four
    other terrorists were arrested in Al-Anbar, Kirkuk and Saladin" after "the Agency
    launched an intelligence operation ..., which resulted in the arrest of" (Shafaq 2022; one
    development article so far). So is a surrender of militants to no one named: "most of
    the jihadists surrendered" after "The Syrian Democratic Forces ... managed to capture the
    municipal stadium after storming and clearing most of the area" (New Arab 2017: the
    assault counts when the capture is merged into an earlier report of it), "US-backed
    fighters seized the last Islamic State enclave ... after the jihadists who were still
    there surrendered" (Reuters 2019): they surrendered to the force that took the place or
    stormed it. The nearest such event before it counts, else one later in
    its own sentence ("... were killed ..., while 200 others were arrested by the Iraqi
    troops"). The fighters are those of the militant group the article is about
    (``article_militant_group``) or of another militant group the event names; civilians and
    soldiers are not carried to anyone, nor is an operation dated more than a month from the
    event ("where the Turkish army launched Operation Peace Spring in 2019" before a capture
    of 2022)."""
    sents = sentences(doc)
    starts = [s.start_char for s in sents]
    ordered = sorted(events, key=lambda e: e.span.start)
    numbers = {id(e): bisect_right(starts, e.span.start) - 1 for e in ordered}
    for event in ordered:
        number = numbers[id(event)]
        if event.kind not in ("Arrest", "Killing", "Surrender") \
                or (event.perpetrators and COOPERATION not in event.extractor):
            continue
        anchor = anchor_of(doc, event)
        militants = [t for t in event.target_actors
                     if ref.is_a(t, "ArmedGroup") and t not in NON_MILITANT_GROUPS]
        fighters = bool(militants) or event.kind != "Surrender" and (
            group is not None and not event.target_actors and anchor is not None
            and _hit_fighters(anchor, event.kind == "Killing"))
        if not fighters:
            continue
        before = [told for told in ordered if told.span.start < event.span.start
                  and number - OPERATION_WINDOW <= numbers[id(told)] <= number]
        after = [told for told in ordered if told.span.start > event.span.start and numbers[id(told)] == number]
        forces = [force for told in [*reversed(before), *after]
                  if (force := _operating_force(told, ref)) and _same_time(told, event)]
        if forces and not set(forces[0]) & set(event.target_actors) \
                and not set(forces[0]) <= set(event.perpetrators):
            event.perpetrators = [*forces[0], *(p for p in event.perpetrators if p not in forces[0])]
            event.extractor += f"+{OPERATING_FORCE}"


def _operating_force(event: Event, ref: Reference) -> list[str]:
    """The forces fighting the militants that carried out an operation, assault, arrest or
    killing, or won a place."""
    doers = event.gained_control if event.kind == "ControlChange" else event.perpetrators
    if (event.kind in ("Arrest", "Killing", "OperationLaunch", "ControlChange") or event.kind == "Attack") and doers \
            and all(fighting(p, ref) for p in doers):
        return list(doers)
    return []


def _same_time(told: Event, event: Event) -> bool:
    """Whether two events may be one operation's: no dates more than a month apart ("the
    army launched Operation Peace Spring in 2019" is no operation of a 2022 arrest)."""
    if told.when is None or event.when is None or told.when.start is None or event.when.start is None:
        return True
    return abs((told.when.start - event.when.start).days) <= 31


def held_by_the_state(events: list[Event], doc: Doc, ref: Reference) -> None:
    """Rule ``events.sides.held-by-the-state``: a place a militant group took, with no loser
    named, in an article that names no other armed group and names the state forces of the
    place's country, was lost by those forces (the broadest of them, the one the others are
    part of): "An al Qaeda splinter group seized control of the Iraqi city of Mosul, putting
    security forces to flight" (Reuters 2014), "Islamic State-led insurgents took control of
    most of the western Iraqi town of Hit ... the security forces" (Reuters 2014). With a
    rebel group or a Kurdish force in the article the loser is not guessed: the place may
    have been theirs. A place the reference data does not know (a town the gazetteer minted:
    "Islamic State seized the town of Kubaisa", Reuters 2014) lies in the country most of the
    article's places lie in."""
    groups = armed_group_mentions(doc, ref)
    named = {e.ent_id_ for e in entities(doc) if e.label_ == "ACTOR" and e.ent_id_}
    article_country = _article_country(doc, ref)
    for event in events:
        if event.kind != "ControlChange" or event.lost_control or not event.gained_control:
            continue
        if not all(g in groups and g not in NON_MILITANT_GROUPS for g in event.gained_control) \
                or set(groups) - set(event.gained_control):
            continue
        countries = {c for place in event.locations if (c := ref.country_of(place)) is not None}
        if not countries and event.locations:
            countries = {article_country} if article_country is not None else set()
        if len(countries) != 1:
            continue
        country = countries.pop()
        forces = sorted(f for f in named if ref.is_a(f, "StateForce") and ref.countries.get(f) == country)
        broadest = [f for f in forces if not any(o in forces for o in ref.memberships(f))]
        if len(broadest) == 1:
            event.lost_control = broadest
            event.extractor += f"+{HELD_BY_THE_STATE}"


WITHDREW = "events.sides.withdrew"
WITHDRAWAL_VERBS = WORDS.withdrawal_verbs
# How many sentences after a control change the withdrawal of its loser may be told
WITHDRAWAL_WINDOW = 2


def withdrew(events: list[Event], doc: Doc, ref: Reference) -> None:
    """Rule ``events.sides.withdrew``: a place won with no loser named in its clause was lost
    by the forces its sentence, or one of the two after it, says withdrew, fled or collapsed
    ([withdrawal-verbs]) with no other place named for it: "The Islamic State seized control
    of the key Iraqi city of Ramadi" followed by "... said as Iraqi forces withdrew from the
    city" (USA Today 2015); "The last Iraqi security forces fled the provincial capital of
    Ramadi on Sunday, as the city fell completely to the militants" (Arkansas Online 2015). It
    replaces a loser only guessed from the article's group (``context.sides.liberated-from``).
    The broadest of those forces loses (the one the others are part of), never a winner or a
    unit of one; only the verb's own subject counts."""
    sents = sentences(doc)
    starts = [s.start_char for s in sents]
    actors = [e for e in entities(doc) if e.label_ == "ACTOR" and e.ent_id_]
    for event in events:
        guessed = SIDES_LIBERATED in event.extractor.split("+")
        if event.kind != "ControlChange" or not event.gained_control or event.lost_control and not guessed:
            continue
        number = bisect_right(starts, event.span.start) - 1
        fled = [a for sent in sents[number: number + WITHDRAWAL_WINDOW + 1] for verb in sent
                if verb.pos_ == "VERB" and verb.lemma_.lower() in WITHDRAWAL_VERBS
                and _left_the_place(verb, event, ref) for a in _fleeing(verb, actors)
                if fights(a, ref) and not _one_side(a, event.gained_control, ref)]
        broadest = [f for f in dict.fromkeys(fled) if not any(o in fled for o in ref.memberships(f))]
        if broadest and broadest != event.lost_control:
            event.lost_control = broadest
            event.extractor += f"+{WITHDREW}"


def _left_the_place(verb: Token, event: Event, ref: Reference) -> bool:
    """Whether the place a withdrawal left ("from the city") may be the event's: none named, an
    anaphor, or a place the event's lies in or holds."""
    froms = prep_objects(verb, ("from",)).get("from", [])
    places = [e.ent_id_ for f in froms for e in entities(verb.doc) if e.label_ == "PLACE" and e.ent_id_
              and f.left_edge.i <= e.start and e.end <= f.right_edge.i + 1]
    return not places or any(p == q or ref.within(p, q) or ref.within(q, p) for p in places for q in event.locations)


def _fleeing(verb: Token, actors: list) -> list[str]:
    """The actors named in the subject of a withdrawal verb, its own (a subject inherited
    through a chain of clauses may be another clause's: "after the army recaptured it ... and
    are said to have retreated")."""
    return [e.ent_id_ for doer in children(verb, "nsubj") for e in actors
            if doer.left_edge.i <= e.start and e.end <= doer.right_edge.i + 1]


def _one_side(actor: str, winners: list[str], ref: Reference) -> bool:
    return any(actor == w or w in ref.memberships(actor) or actor in ref.memberships(w) for w in winners)


def _article_country(doc: Doc, ref: Reference) -> str | None:
    """The country of an article whose places lie in one country: three in four of its
    linked place names, at least three (as ``context.place.country``)."""
    countries = Counter(c for e in entities(doc) if e.label_ == "PLACE" and e.ent_id_
                        and (c := ref.country_of(e.ent_id_)) is not None)
    if not countries:
        return None
    country, count = countries.most_common(1)[0]
    return country if count >= 3 and 4 * count >= 3 * sum(countries.values()) else None


def add_companions(cand: Candidate, ctx: Context) -> None:
    """Rule ``events.sides.companions``: who did it "along with", "together with", "jointly
    with" or "alongside" a participant, or "in coordination with" whoever did a killing or
    arrest told in the passive, is on that participant's side: "Our SDF Anti-Terrorism
    Units, along with the Counter-Terrorism Group of the Kurdistan Region and the coalition
    forces, ..." (Kurdistan 24 2023), "a terrorist was killed ..., in coordination with the
    Asayish" (Shafaq 2022); so are those arrested or killed along with the ones named. The
    subject's companions join the perpetrators (the winners of a control change), the
    object's the targets. Those "in coordination with" whom an active verb's doer acted
    join the doers too, as the annotators code them ("In coordination with the U.S.-led
    International Coalition, the Syrian Democratic Forces ... arrested", Syriac Press 2022;
    "its forces, in coordination with the international ... Coalition, killed", Kurdistan 24
    2019, read through the subject's phrase), and so on the verb of a raid whose participle
    tells the killing ("In cooperation with the Anti-Terror Units of the SDF, U.S. forces
    raided ..., killing", Syriac Press 2020)."""
    head = cand.trigger.head
    if cand.trigger.is_noun or head.pos_ not in ("VERB", "AUX"):
        return
    doing = cand.gained if cand.kind == "ControlChange" else cand.perpetrators
    undergoing = cand.lost if cand.kind == "ControlChange" else cand.target_actors
    passive_verb = is_passive(head)
    subjects = [] if passive_verb else doers(head)
    objects = patients(head)
    sides = [(doing, [head, *subjects] if not passive_verb else []), (undergoing, objects)]
    for role, holders in sides:
        nouns = [n for holder in holders for n in _companions_of(holder)]
        cooperating = []
        alone = not role  # the event names no one else who did it
        if role is doing and (passive_verb and cand.kind in ("Arrest", "Killing") and not role or not passive_verb):
            cooperating = _cooperating(head)
        if not nouns and not cooperating:
            continue
        other = undergoing if role is doing else doing
        found = ctx.actors(nouns + cooperating, other_side=other)
        new = [iri for iri in found[0] if iri not in role and iri not in other]
        if new:
            role.extend(new)
            cand.evidence.update(t.i for t in found[1])
            cand.step(COMPANIONS)
            if cooperating and not nouns and alone:
                # they only took part: who did it is left to the report or the operation told
                # before (context.sides.reported-by, events.sides.operating-force)
                cand.step(COOPERATION)


def _cooperating(verb: Token) -> list[Token]:
    """Those "in coordination with", "in cooperation with" whom the verb's doer acted
    ([cooperation-nouns]), on the verb or, for a participle that tells what an operation did
    ("raided a house, killing two"), on the verb of the operation."""
    verbs = [verb, *([verb.head] if verb.dep_ == "advcl" and verb.tag_ == "VBG" else [])]
    return [n for v in verbs for c in prep_objects(v, ("in",)).get("in", [])
            if c.lemma_.lower() in COOPERATION_NOUNS for n in prep_objects(c, ("with",)).get("with", [])]


def _companions_of(holder: Token) -> list[Token]:
    """The nouns joined to ``holder`` by "along with", "together with", "alongside"."""
    out: list[Token] = []
    for child in holder.children:
        word = child.lower_
        if child.dep_ == "prep" and (word == "alongside" or word == "with" and any(
                c.lower_ in COMPANION_WORDS for c in child.children)):
            out += [n for o in children(child, "pobj") for n in conjuncts(o)]
        elif word in COMPANION_WORDS:
            out += [n for prep in children(child, "prep") if prep.lower_ == "with"
                    for o in children(prep, "pobj") for n in conjuncts(o)]
    return out
