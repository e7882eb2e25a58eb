"""Where an event happened, when its reader named no place."""

from __future__ import annotations

from spacy.tokens import Span, Token

from isisgraph.closed_class import BACK_REFERENCE_DETERMINERS
from isisgraph.extract.events.candidate import ATTACK_KINDS, Candidate
from isisgraph.extract.events.clauses import inheritance_chain, own_time, shares_subject
from isisgraph.extract.events.context import Context, definite
from isisgraph.extract.events.entities import entity_at, is_sponsor_modifier
from isisgraph.extract.placing import is_government_seat, is_post_place, is_seat
from isisgraph.extract.shared import tokens_of
from isisgraph.extract.syntax.tree import children
from isisgraph.extract.syntax.units import sentence_of
from isisgraph.lexicons import lexicon

WORDS = lexicon("events")
PLACE_ANAPHORS = WORDS.place_anaphors
EVENT_ANAPHORS = WORDS.event_anaphors
CONTINUATION_MODIFIERS = WORDS.continuation_modifiers
ADDITIVE_ADVERBS = WORDS.additive_adverbs

CLAUSE_PLACE = "events.places.clause"
PREVIOUS_SENTENCES = "events.places.previous-sentences"
WHERE_CLAUSE = "events.places.where-clause"
ANAPHOR_PLACE = "events.places.anaphor"
LOCATING_VERBS = WORDS.locating_verbs
# How many sentences back an event referred to ("the operation", "other members") is looked for:
# the account of one raid runs over several short paragraphs.
EVENT_WINDOW = 8


def assign_places(cand: Candidate, ctx: Context) -> None:
    """Rule ``events.places.clause``: a place named (or meant by "the city") in the trigger's
    clause or the clauses it inherits from, on the same line; else, for a verb, one anywhere
    under it outside reported speech ("attacked a checkpoint manned by tribal fighters near
    Haditha"); else the seat of an institution those clauses name (rule
    ``places.institution-seat``: "an officer at Diyala Police Directorate told the agency that
    militants detonated a bomb hidden near Jalawla" is at Jalawla) or where a person they
    name serves (rule ``places.person-post``); else rule ``events.places.previous-sentences``.
    Control changes have their place from their reader."""
    if cand.locations or cand.kind == "ControlChange":
        return
    seats: list[tuple[str, Span]] = []
    for index, tokens in enumerate(inheritance_chain(cand.trigger, for_dates=False)):
        iris, evidence = where_antecedent(cand, ctx) if index == 1 else ([], [])
        if iris:
            cand.add_places(iris, evidence)
            cand.step(WHERE_CLAUSE)
            return
        tokens = ctx.same_line(tokens, cand.trigger.head)
        found = _places_in(tokens, cand, ctx, seats)
        if found:
            cand.add_places([iri for iri, _ in found], [t for _, ent in found for t in ent])
            return
    head = cand.trigger.head
    if cand.trigger.is_noun and head.dep_ == "dobj" and head.head.pos_ == "VERB":
        # "detonated a bomb by remote control that was hidden near X": the verb whose object
        # the event noun is governs the rest of its account
        head = head.head
    if not cand.trigger.is_noun or head is not cand.trigger.head:
        # not the place of another event's clause under the verb: "Gunmen killed two soldiers
        # on Monday, a week after the army retook Hawija"; "The army, which had retaken Mosul
        # in July, attacked ISIS positions on Monday"
        subjects = set(children(head, "nsubj", "nsubjpass"))
        others = [c for c in head.subtree if c != head and c.pos_ in ("VERB", "AUX") and (
            own_time(c) or (c.dep_ == "relcl" and c.head in subjects)
            or (c.i in ctx.trigger_heads and c.dep_ in ("relcl", "acl", "advcl", "conj")
                and not shares_subject(c)))]
        whole = [t for t in ctx.same_line(head.subtree, head)
                 if not any(a.dep_ in ("ccomp", "parataxis") and a in head.subtree
                            and a != head and not is_hedge(a) for a in t.ancestors)
                 and not any(t == o or o in t.ancestors for o in others)]
        found = _places_in(whole, cand, ctx, seats)
        if found:
            cand.add_places([iri for iri, _ in found], [t for _, ent in found for t in ent])
            return
    if seats:  # the institution's seat, where the clauses name no other place
        cand.add_places(list(dict.fromkeys(iri for iri, _ in seats)), [t for _, ent in seats for t in ent])
        return
    previous = places_of_previous_sentences(cand, ctx)
    if previous:
        cand.add_places([iri for iri, _ in previous], [])
        cand.anaphoric = True
        cand.places_inherited = True
        cand.step(PREVIOUS_SENTENCES)


def is_hedge(clause: Token) -> bool:
    """Rule ``events.places.hedge``: the complement of a verb of saying in a free relative
    ("killed three people in what the army said was a raid on a hideout near Hawija"; "to
    launch what officials said was a chemical attack on the town of Taza", RFE/RL 2016;
    "carried out what the Pentagon said was a raid in northwestern Syria", CS Monitor 2022)
    names the event the clause is about, not another one reported: its place is the event's."""
    verb = clause.head if clause.dep_ == "ccomp" else None
    return verb is not None and any(t.lower_ == "what" and t.dep_ in ("nsubj", "dobj", "attr")
                                    for t in [*verb.children, *clause.children])


def where_antecedent(cand: Candidate, ctx: Context) -> tuple[list[str], list[Token]]:
    """Rule ``events.places.where-clause``: an event told in a relative clause opened by
    "where" happened at the place the clause hangs on, not at the places of the sentence
    around it: "retaking Mosul, the group's biggest bastion in Iraq, where security forces have
    been battling the group since October" (Iraqi News, 2017); "in Baghouz, where the last
    jihadists made their stand". The place is the antecedent's name, the name it stands in
    apposition to, or the place a definite "the town" stands for."""
    head = cand.trigger.head
    for verb in [head, *head.ancestors]:
        if verb.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children):
            break
        if verb.dep_ in ("relcl", "ccomp", "parataxis", "advcl"):
            return [], []
    else:
        return [], []
    antecedent = verb.head
    for noun in (antecedent, antecedent.head if antecedent.dep_ == "appos" else None):
        ent = entity_at(noun) if noun is not None else None
        if ent is not None and ent.label_ == "PLACE" and ent.ent_id_ in dict(ctx.linked_in(ent, "PLACE")):
            return [ent.ent_id_], list(ent)
    iris, tokens, _ = ctx.places([antecedent])
    return iris, tokens


def _places_in(tokens: list[Token], cand: Candidate, ctx: Context,
               seats: list[tuple[str, Span]] | None = None) -> list[tuple[str, Span]]:
    """The places named among ``tokens``, else the place the first place anaphor among them
    stands for ("a village near the city", "left the territory"). Places that only open an
    institution's name or locate a person's post go to ``seats``, when given, and count as
    none (rules ``places.institution-seat``, ``places.person-post``); a post beside other
    places is left out."""
    found = [(iri, ent) for iri, ent in ctx.linked_in(tokens, "PLACE") if not is_sponsor_modifier(ent)
             and not is_government_seat(ent, ctx.ref.country_of(iri))]
    if seats is not None and found and all(is_seat(ent) for _, ent in found):
        seats.extend(found)
        return []
    if seats is not None:
        # a person's post beside another place is no place of the fact: "on Qarachokh
        # Mountain, killing ... the group's head of finance in Kirkuk Province"
        found = [(iri, ent) for iri, ent in found if not is_post_place(ent)] or found
    if found:
        return ctx.without_reference_points(found)
    for anaphor in tokens:
        if anaphor.lemma_.lower() in PLACE_ANAPHORS and definite(anaphor):
            resolved = ctx.resolve_place_anaphor(anaphor, [anaphor], [])
            if resolved:
                cand.anaphoric = True
                return resolved
    return []


def places_of_previous_sentences(cand: Candidate, ctx: Context) -> list[tuple[str, Span]]:
    """Rule ``events.places.previous-sentences``: a sentence that refers back to operations or
    areas just described ("these operations", "the raids", "these areas"), or to more of the
    people just described ("several other suspected ISIS members surrendered", "two additional
    suspects were arrested"), happened where the latest event placed in the eight sentences
    before did, else where the nearest of the two sentences before with places says: "These
    operations ... have led to the arrest of dozens". "The operation" or "the raid", one event
    the article has described, is looked for further back, up to six sentences: "at least one
    civilian was killed during the operation" (two articles). The places of a sentence are
    read as those of an event's own clauses are: not where a source speaks from or a post is
    held, nor a reference point that locates another place ("in the northern countryside of
    Deir ez-Zor told North Press", North Press 2022; "about 16 miles west of the city of Tuz
    Khurmatu", Stars and Stripes 2020)."""
    sent = cand.sent
    back = [t for t in tokens_of(sent) if t.lemma_.lower() in EVENT_ANAPHORS and any(
        c.dep_ == "det" and c.lower_ in BACK_REFERENCE_DETERMINERS for c in t.children)]
    more = any(c.dep_ == "amod" and c.lower_ in CONTINUATION_MODIFIERS
               for t in tokens_of(sent) for c in t.children)
    additive = _opens_with_additive_adverb(sent)
    if not back and not more and not additive:
        return []
    singular = any(t.tag_ == "NN" and any(c.lower_ == "the" for c in t.children) for t in back)
    window = ctx.sentence_start_before(sent, EVENT_WINDOW)
    # the place of the latest event the article placed in the window, else of the sentences
    # (an added item continues the sentence before, not the latest event)
    events = [(i, found) for i, found in ctx.placed if window <= i < sent.start]
    if events and not additive:
        return events[-1][1]
    start = sent.start
    for _ in range(6 if singular else 2):
        if start == 0:
            return []
        previous = sentence_of(ctx.doc[start - 1])
        # as in the event's own clauses: not a post's, an institution's or a sponsor's place,
        # nor one named only to locate another ("a hideout in Daquq, south of Kirkuk")
        found = [(iri, ent) for iri, ent in ctx.linked_in(previous, "PLACE")
                 if not is_sponsor_modifier(ent) and not is_seat(ent)]
        if found:
            return ctx.without_reference_points(found)
        start = previous.start
    return []


def _opens_with_additive_adverb(sent: Span) -> bool:
    """Rule ``events.places.previous-sentences`` (added item): a sentence opened by an additive
    adverb ("Moreover, in Iraq, the US carried out 191 partnered operations ... Furthermore,
    at least 220 operatives killed", Kurdistan 24, 2022; "Additionally, the units ... retook
    the Malaha area", Press TV, 2017) adds an item to the sentence before: with no place of
    its own, it is where that sentence says."""
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    return first is not None and first.lower_ in ADDITIVE_ADVERBS


def anaphor_places(trigger: Token, ctx: Context) -> list[str]:
    """The places a definite event noun that adds no event of its own is located at, when it
    is the subject of a verb of occurring ("The attack occurred in the village of X", "he added
    that the attack took place near the town of Y"): rule ``events.places.anaphor``."""
    verb = trigger.head
    if trigger.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() not in LOCATING_VERBS:
        return []
    if verb.lemma_.lower() == "take" and not any(c.lower_ == "place" for c in verb.children):
        return []
    tokens = [t for t in verb.subtree if t not in trigger.subtree]
    found = [(iri, ent) for iri, ent in ctx.linked_in(tokens, "PLACE")
             if not is_sponsor_modifier(ent) and not is_seat(ent)]
    # the first place named: "in the village of X, near the Y hills" locates it at X
    return [iri for iri, _ in ctx.without_reference_points(found)][:1]


def locate_anaphors(cands: list[Candidate], ctx: Context) -> None:
    """Rule ``events.places.anaphor``: a sentence that says where "the attack" just reported
    happened ("The attack occurred in the village of al-Asba'iyat", Kurdistan 24, 2024; "the
    attack took place in the aforementioned province, near the town of Al-Shula", AFP, 2020)
    adds its first place to the latest attack of the eight sentences before and to the attacks
    of that window dated as it is (the headline's and the lead's report of the same attack);
    the event keeps the most precise of its places (``output``), so a headline's province and
    the body's village give the village."""
    for anaphor, places in ctx.located:
        window = ctx.sentence_start_before(sentence_of(anaphor), EVENT_WINDOW)
        earlier = [c for c in cands if not c.dropped and c.kind in ATTACK_KINDS
                   and window <= c.trigger.head.i < anaphor.i]
        if not earlier:
            continue
        # the latest attack, and the earlier reports of it (the same day) the article gives
        day = _day(earlier[-1])
        for target in [c for c in earlier if _day(c) == day]:
            added = [iri for iri in places if iri not in target.locations]
            if added:
                target.add_places(added, [])
                target.step(ANAPHOR_PLACE)


def _day(cand: Candidate) -> object:
    return (cand.when.start, cand.when.end) if cand.when is not None else None
