"""Who a noun phrase names as striking: an actor or commanded operation in it, a pronoun's
antecedent, aircraft by their owner, a generic command noun by the command named last, a
government before a force noun by its armed forces.

Every actor of a coordinated subject counts ("U.S. and coalition military forces"); aircraft
by their owner ("RAF Typhoons", "Russian warplanes", "A pair of Typhoons" → the owner of the
last Typhoons named with one; a generic "jets" only within the paragraph); "it"/"they" the
subject of the reporting clause — or the owner of a speaking document ("The coalition's weekly
report said it") — or of the previous sentence; "the operation"/"the joint operation" the last
coalition or named operation mentioned. Never the speaker ("the SDF said ...")."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from spacy.tokens import Token

from isisgraph.closed_class import COMMAND_DETERMINERS, SUBJECT_PRONOUNS
from isisgraph.extract.strikes.aircraft import aircraft_word
from isisgraph.extract.strikes.document import Document
from isisgraph.extract.strikes.lexicon import (
    AIRCRAFT_MAKERS,
    DEMONYM_FORCE_KINDS,
    FORCE_NOUNS,
    GENERIC_AIRCRAFT,
    GENERIC_COMMAND_HEADS,
    GROUP_NOUNS,
    MODIFIER_DEPS,
)
from isisgraph.extract.syntax.speech import speech_frame
from isisgraph.extract.syntax.tree import subject


def actor_in(tokens: Iterable[Token], d: Document) -> str | None:
    """The first actor (or commander of an operation) named among ``tokens``."""
    for tok in tokens:
        ent = d.entity(tok, "ACTOR")
        if ent is not None:
            return ent.ent_id_
        op = d.entity(tok, "OPERATION")
        if op is not None and d.ref.conducted_by.get(op.ent_id_):
            return d.ref.conducted_by[op.ent_id_][0]
    return None


def label_lookup(words: list[str], d: Document) -> str | None:
    """The actor whose label the words are (short all-caps labels with their case)."""
    text = " ".join(words).strip()
    if not text:
        return None
    if text in d.lex.actor_labels_cased:
        return d.lex.actor_labels_cased[text]
    lowered = text.lower()
    for candidate in (lowered, "the " + lowered):
        if candidate in d.lex.actor_labels:
            return d.lex.actor_labels[candidate]
    return None


def np_actor(head: Token, d: Document) -> tuple[str | None, str]:
    """Who a noun phrase names: (actor IRI, how sure: 'clause' | 'inferred' | '')."""
    ent = d.entity(head, "ACTOR")
    if ent is not None:
        return ent.ent_id_, "clause"
    op = d.entity(head, "OPERATION")
    if op is not None and d.ref.conducted_by.get(op.ent_id_):
        return d.ref.conducted_by[op.ent_id_][0], "clause"
    place = d.entity(head, "PLACE")
    if place is not None and d.is_country(place.ent_id_):
        # "Iraq strikes suspected ISIS cells": a country that acts is its government
        government = government_of(place.ent_id_, d)
        return government, "clause" if government else ""
    if head.lower_ in SUBJECT_PRONOUNS:
        return antecedent(head, d), "inferred"
    if head.lemma_.lower() in GROUP_NOUNS:
        # "A pair of Typhoons": the aircraft counted
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and aircraft_word(obj):
                        return np_actor(obj, d)
    modifiers = [c for c in head.children if c.dep_ in MODIFIER_DEPS]
    # "two Tornado GR4s": the type named in a compound before a variant
    typed = head if aircraft_word(head) else None
    if typed is None or aircraft_word(head) in GENERIC_AIRCRAFT:
        # "Tornado jets", "Rafale fighters": the type named before a generic head is the one
        # whose owner the text gives (dev: BBC 2015's caption, the French MoD's Rafales 2020)
        typed = next((c for c in head.children if c.dep_ == "compound" and aircraft_word(c)
                      and aircraft_word(c) not in GENERIC_AIRCRAFT), typed)
    if typed is not None:
        # "Tornado jets from RAF Akrotiri" (BBC 2015's caption): the base a generic head
        # flies from names the owner of the type before it
        based = [g for p in head.children if typed != head and p.dep_ == "prep"
                 and p.lower_ == "from" for g in p.children if g.dep_ == "pobj"]
        found = _aircraft_actor(typed, modifiers + based, d)
        if found is not None:
            return found
    actor = _phrase_label(head, d)
    if actor is not None:
        return actor, "clause"
    return _named_within(head, modifiers, d)


def _aircraft_actor(head: Token, modifiers: list[Token], d: Document) -> tuple[str, str] | None:
    """'RAF Typhoons', 'aircraft of the Russian Aerospace Forces': the force an aircraft
    phrase names; else the air force reporting its own aircraft ("The RAF said Typhoon aircraft
    struck"); else the owner of the same aircraft named before."""
    owners = aircraft_owners_named(head, modifiers, d)
    if owners:
        return owners[0], "clause"
    if owner_unknown(head, d) or (not modifiers and type_owner_unknown(head, d)):
        return None  # "Belgian F-16s" after "Dutch F-16s": not the Dutch ones
    speaker = reporting_subject(head, d)
    if speaker is not None and speaker in d.lex.air_capable:
        return speaker, "inferred"
    owner = owner_named_before(head, d)
    if owner is not None:
        return owner, "inferred"
    owner = sole_air_force(head, d)
    if owner is not None:
        return owner, "inferred"
    return None


def sole_air_force(head: Token, d: Document) -> str | None:
    """'Two CF-18s attacked a militant fighting position ... during the Canadian Forces' most
    recent airstrike', 'The Royal Air Force kept up its patrols over Iraq. Two Typhoons
    destroyed ...', 'Typhoons struck ... whilst Tornados hit ...' (the RAF named further
    down): an aircraft type named without its force, whose type the text never names with
    one, is that of the one force that strikes from the air the text names, a coalition
    counting for none beside a member it has (dev: CTV News 2014, the UK MoD update of November
    2017, Forces News 2020). Not a generic 'jets' or 'aircraft', which a release uses of every
    partner's."""
    word = aircraft_word(head)
    if word is None or word in GENERIC_AIRCRAFT:
        return None
    # a government stands for its air arm ("the UK"); a ground force ("Iraqi troops") for none
    forces = {ent.ent_id_ if is_air_capable(ent.ent_id_, d) else air_arm(ent.ent_id_, d)
              for ent in d.ent_of.values() if ent.label_ == "ACTOR"
              and ent.ent_id_ and (is_air_capable(ent.ent_id_, d)
                                   or d.ref.is_a(ent.ent_id_, "Government"))}
    forces = {f for f in forces if is_air_capable(f, d)}
    # the coalition a named air force flies in stands for no other force
    forces = {f for f in forces if not any(f in d.ref.memberships(g) for g in forces if g != f)}
    return next(iter(forces)) if len(forces) == 1 else None


def aircraft_owners_named(head: Token, modifiers: list[Token], d: Document) -> list[str]:
    """The forces an aircraft phrase names, in order: 'RAF Typhoons', 'an Australian Hornet
    fighter aircraft' (the demonym on the compound before the head), 'aircraft of the Russian
    Aerospace Forces', and each of coordinated owners: 'the Russian and Syrian fighter jets'."""
    modifiers = modifiers + [g for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                             for g in p.children if g.dep_ == "pobj"]
    words = [tok for mod in modifiers for tok in mod.subtree if not (tok.i > head.i > mod.i)]
    # the words right before the head, whatever the parser hung them on: a title's "Russian,
    # Syrian jets pound ..." makes "Russian" a modifier of the verb
    doc, before = head.doc, head.i - 1
    while before >= 0:
        tok = doc[before]
        if tok.lower_ in (",", "and") and before > 0 and doc[before - 1].ent_type_ == "NORP":
            before -= 1  # "Russian, Syrian jets", "Russian and Syrian jets"
            continue
        if tok.ent_type_ != "NORP" and not (tok.pos_ in ("ADJ", "PROPN", "NOUN", "NUM") and (
                tok.dep_ in ("amod", "compound", "nmod", "nummod"))):
            break
        words.append(tok)
        before -= 1
    owners: list[str] = []
    for tok in sorted(set(words), key=lambda t: t.i):
        actor = actor_in([tok], d) or demonym_force(tok, d)
        if actor and air_arm(actor, d) not in owners:
            owners.append(air_arm(actor, d))
    return owners


def owner_unknown(head: Token, d: Document) -> bool:
    """'Belgian Air Force F-16s', with no Belgian force in the reference data: an aircraft
    phrase whose nationality word names a force the reference does not have (dev: VRT 2014,
    NL Times 2014's Dutch F-16s beside others')."""
    before = [t for t in head.subtree if t.i < head.i]
    # a nationality the tagger may call a person or an organisation ("Belgian Air Force"), or
    # a capitalised adjective
    # a maker's name ("a Dassault Rafale", the French MoD 2020) is no owner's
    return any((t.ent_type_ in ("NORP", "ORG") or (t.pos_ == "ADJ" and t.text.istitle()))
               and t.lower_ not in AIRCRAFT_MAKERS
               and not (actor_in([t], d) or demonym_force(t, d)) for t in before)


def type_owner_unknown(head: Token, d: Document) -> bool:
    """'Belgian Air Force F-16s have carried out ... The F-16s bombed IS fighters' (VRT 2014,
    new dev set): an aircraft type named without its force, whose last mention before named
    a force the reference lacks, flies for that force: nobody the graph knows."""
    word = aircraft_word(head)
    if word is None or word in GENERIC_AIRCRAFT:
        return False
    before = [t for t in head.doc[: head.i] if aircraft_word(t) == word]
    return bool(before) and owner_unknown(before[-1], d)


def _phrase_label(head: Token, d: Document) -> str | None:
    """The phrase itself as a label, then without its adjectives ("Coalition military forces"),
    then with its plural head in the singular ("the Iraqi air forces": ESTA 2022)."""
    np_tokens = [t for t in head.subtree if t.i <= head.i and t.dep_ not in ("det", "punct")]
    actor = label_lookup([t.text for t in np_tokens], d)
    if actor is None:
        plain = [t.text for t in np_tokens if t.pos_ != "ADJ" or t == head]
        actor = label_lookup(plain, d)
    if actor is None and head.tag_ in ("NNS", "NNPS") and head.lemma_.lower() != head.lower_:
        # "the Iraqi air forces": the label in the singular ("Iraqi Air Force")
        actor = label_lookup([t.text if t != head else head.lemma_ for t in np_tokens], d)
    return actor


def _named_within(head: Token, modifiers: list[Token], d: Document) -> tuple[str | None, str]:
    """An air force named inside the phrase ("US Air Force B-52 bombers"), the command a
    generic head stands for ("the operation"), or the actors before a force noun."""
    for tok in (t for t in head.subtree if t.i < head.i):
        ent = d.entity(tok, "ACTOR")
        if ent is not None and is_air_capable(ent.ent_id_, d) and ent.end <= head.i:
            return ent.ent_id_, "clause"
    if head.lemma_.lower() in GENERIC_COMMAND_HEADS and any(
        c.dep_ in ("det", "poss") and c.lower_ in COMMAND_DETERMINERS for c in head.children
    ):
        command = last_command_before(head, d)
        if command:
            return command, "inferred"
    if head.lemma_.lower() in FORCE_NOUNS:
        # "U.S. and coalition military forces": the actors named before the force noun.
        for mod in modifiers:
            actor = actor_in(mod.subtree, d)
            if actor:
                return state_force(actor, d), "clause"
    return None, ""


def np_actors(head: Token, d: Document) -> tuple[list[str], str]:
    """Every actor a (possibly coordinated) subject names: "The United States and five Arab
    allies", "U.S. and coalition military forces"."""
    first, source = np_actor(head, d)
    actors = [first] if first else []
    if aircraft_word(head) and source == "clause":
        modifiers = [c for c in head.children if c.dep_ in MODIFIER_DEPS]
        actors += [a for a in aircraft_owners_named(head, modifiers, d) if a not in actors]
    if head.lemma_.lower() in FORCE_NOUNS:
        for mod in (c for c in head.children if c.dep_ in ("compound", "nmod", "amod")):
            for tok in (t for t in mod.subtree if t.i not in d.dateline):  # "Shafaq News/ Iraqi jets"
                ent = d.entity(tok, "ACTOR")
                found = ent.ent_id_ if ent is not None else (
                    label_lookup([tok.text], d) if tok.pos_ in ("NOUN", "PROPN") else None)
                found = state_force(found, d) if found else None
                if found and found not in actors and not names_same_state(found, actors, d):
                    actors.append(found)
    for conj in (c for c in head.children if c.dep_ == "conj"):
        actor, _ = np_actor(conj, d)
        if actor and actor not in actors:
            actors.append(actor)
    return actors, source


def government_of(country: str, d: Document) -> str | None:
    """The government of a country place: among the reference's ig:Government actors of that
    country, the one named after it ("Iraqi government") rather than a regional one
    ("Kurdistan Regional Government"). (The claims extractor ranks them the same way.)"""
    name = d.ref.label(country).lower()
    stem = name[: max(4, len(name) - 1)]
    ranked = sorted(
        (0 if any(alias.lower().startswith(stem) for alias in d.ref.aliases.get(a, [])) else 1, a)
        for a, c in d.ref.countries.items()
        if c == country and d.ref.kind(a) == "actor" and d.ref.is_a(a, "Government"))
    return ranked[0][1] if ranked else None


def state_force(actor: str, d: Document) -> str:
    """'U.S. and partner military forces': a government named before a force noun stands for
    its armed forces — the one state force that is a direct member of it — else itself."""
    if not d.ref.is_a(actor, "Government"):
        return actor
    forces = [a for a, orgs in d.ref.member_of.items()
              if actor in orgs and d.ref.is_a(a, "StateForce")]
    return forces[0] if len(forces) == 1 else actor


def names_same_state(actor: str, actors: list[str], d: Document) -> bool:
    """'U.S.' inside 'U.S. military forces' is the state whose forces were already named; the
    coalition in 'U.S. and coalition military forces' is an actor of its own."""
    return d.ref.is_a(actor, "Government") and any(
        actor in d.ref.memberships(a) for a in actors)


def owner_named_before(head: Token, d: Document) -> str | None:
    """'RAF Typhoons ... A pair of Typhoons': an aircraft named without its force is that of
    the last mention of the same aircraft with its force (a type anywhere before it, else
    the first after it: "two Tornado GR4s flew ... RAF Typhoons and Tornados struck"; a
    generic word like 'jets' only before it in the same paragraph)."""
    word = aircraft_word(head)
    n = d.unit_of.get(head.i)
    if n is None or word is None:
        return None
    paragraph = d.paragraph_of[n]
    owners = aircraft_owners(d).get(word, [])
    for i, owner in reversed(owners):
        if i >= head.i:
            continue
        m = d.unit_of.get(i)
        if word in GENERIC_AIRCRAFT and (m is None or d.paragraph_of[m] != paragraph):
            return None
        return owner
    if word not in GENERIC_AIRCRAFT:
        return next((owner for i, owner in owners if i > head.i), None)
    return None


def aircraft_owners(d: Document) -> dict[str, list[tuple[int, str]]]:
    """Aircraft word -> (token index, force) of its mentions that name their force, in text
    order; read once per document."""
    if d.aircraft_owners is None:
        d.aircraft_owners = {}
        for tok in d.doc:
            word = aircraft_word(tok)
            owner = aircraft_owner(tok, d) if word else None
            if word and owner is None and tok.dep_ == "conj" and aircraft_word(tok.head):
                owner = aircraft_owner(tok.head, d)  # "RAF Typhoons and Tornados"
            if word and owner:
                d.aircraft_owners.setdefault(word, []).append((tok.i, owner))
    return d.aircraft_owners


def aircraft_owner(tok: Token, d: Document) -> str | None:
    """The force an aircraft mention names: 'RAF Typhoons', 'Russian warplanes'."""
    for mod in (c for c in tok.children if c.dep_ in MODIFIER_DEPS):
        actor = actor_in(mod.subtree, d) or demonym_force(mod, d)
        if actor:
            return air_arm(actor, d)
    return None


def reporting_subject(tok: Token, d: Document) -> str | None:
    """The actor that says the clause ``tok`` is in ("The RAF said ... struck")."""
    frame = speech_frame(tok)
    subj = subject(frame.verb) if frame is not None else None
    if subj is None:
        return None
    actor, _ = np_actor(subj, d)
    if actor is None:
        # "Russia's defence ministry said": the state whose ministry speaks
        actor = next((a for c in subj.children if c.dep_ == "poss"
                      for a in [actor_in(c.subtree, d)] if a), None)
    return air_arm(actor, d) if actor else None


def air_arm(actor: str, d: Document) -> str:
    """A state's air-capable force when the text speaks of its aircraft ("Britain's Tornado
    jets" → the RAF): the actor itself if it strikes from the air, else its air force, else
    its armed forces."""
    if actor in d.lex.air_capable:
        return actor
    members = sorted(a for a in d.lex.air_capable if actor in d.ref.memberships(a))
    air_forces = [a for a in members if "air" in d.ref.label(a).lower()]
    if air_forces:
        return min(air_forces, key=lambda a: len(d.ref.memberships(a)))
    return min(members, key=lambda a: len(d.ref.memberships(a))) if members else actor


def demonym_force(mod: Token, d: Document) -> str | None:
    """'Iraqi' + aircraft → the actor labelled 'Iraqi aircraft' / 'Iraqi air force' ..."""
    if mod.pos_ not in ("ADJ", "PROPN") and mod.ent_type_ != "NORP":
        return None
    for kind in DEMONYM_FORCE_KINDS:
        actor = label_lookup([mod.text, kind], d)
        if actor:
            return actor
    return None


def last_command_before(tok: Token, d: Document) -> str | None:
    """The last coalition or named operation mentioned before ``tok``."""
    before = bisect_left(d.command_starts, tok.i)
    return d.commands[before - 1] if before else None


def antecedent(pronoun: Token, d: Document) -> str | None:
    """'it'/'they': the subject of the reporting clause it sits in ("the operation said it
    conducted"), else the subject of the previous unit's main clause. Nothing further."""
    frame = speech_frame(pronoun)
    if frame is not None:
        subj = subject(frame.verb)
        if subj is not None and subj != pronoun and subj.lower_ not in SUBJECT_PRONOUNS:
            actor = np_actor(subj, d)[0] or possessor(subj, d)
            if actor:
                return actor
    unit = d.unit_of.get(pronoun.i)
    if unit is None or unit == 0:
        return None
    previous = d.units[unit - 1]
    root = next((t for t in previous if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    subj = subject(root)
    if subj is None or subj.lower_ in SUBJECT_PRONOUNS:
        return None
    actor, _ = np_actor(subj, d)
    return actor


def possessor(noun: Token, d: Document) -> str | None:
    """'The coalition's weekly report said it ...': the actor whose document speaks."""
    for child in noun.children:
        if child.dep_ == "poss":
            actor = actor_in(child.subtree, d)
            if actor:
                return actor
    return None


def can_strike(actor: str, d: Document) -> bool:
    """Who 'strikes' in this genre: air forces, coalitions, states and their forces — not an
    armed group 'striking back' or a bomb 'striking' a market."""
    is_a = d.ref.is_a
    return is_air_capable(actor, d) or is_a(actor, "Government") or is_a(actor, "StateForce")


def is_air_capable(actor: str | None, d: Document) -> bool:
    return actor is not None and actor in d.lex.air_capable


def paragraph_air_actor(tok: Token, d: Document) -> str | None:
    """The force that strikes from the air last named before ``tok`` in its paragraph."""
    n = d.unit_of.get(tok.i)
    if n is None:
        return None
    paragraph = d.paragraph_of[n]
    start = next(d.units[m].start for m in range(n, -1, -1)
                 if m == 0 or d.paragraph_of[m - 1] != paragraph)
    for i in range(tok.i - 1, start - 1, -1):
        ent = d.entity(d.doc[i], "ACTOR")
        if ent is not None and is_air_capable(ent.ent_id_, d):
            return ent.ent_id_
    return None
