"""Where land taken or left lies when the clause of a change of control names no place: amounts
of land ("31 areas", "more than 100 villages", "ground") and withdrawals ("the withdrawal of
the Peshmerga forces") are placed by the clause they hang from (rules
``events.conquering.land-placed-around``, ``events.losing-control.withdrawal``); land also by
its sentence or the two sentences before.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from isisgraph.closed_class import LOCATING_PREPOSITIONS
from isisgraph.extract.events.candidate import Candidate, fill_places, undergoers
from isisgraph.extract.events.context import Context, Found
from isisgraph.extract.events.entities import is_sponsor_modifier
from isisgraph.extract.events.triggers import Trigger
from isisgraph.extract.placing import is_seat
from isisgraph.extract.syntax.tree import children, conjuncts, is_including, phrase_tokens, prep_objects
from isisgraph.extract.syntax.units import sentence_of
from isisgraph.lexicons import lexicon

WORDS = lexicon("events")
TERRITORY_NOUNS = WORDS.territory_nouns
COMPASS_WORDS = WORDS.compass_words

LAND_PLACED_AROUND = "events.conquering.land-placed-around"
WITHDRAWAL = "events.losing-control.withdrawal"
# The links by which a verb of taking hangs from the clause that tells it: "managed to
# recapture", "have left 302 dead and managed to", "an assault that managed to".
CLAUSE_LINKS = ("xcomp", "conj", "advcl", "relcl", "acl", "pcomp", "prep", "pobj")
# How many sentences back the place of land taken with none of its own is looked for.
PREVIOUS_SENTENCES = 2


def is_land(noun: Token) -> bool:
    """ "territory", "20 square miles", "the last shred of territory", "a third of Iraqi
    territory": an amount of land or a part of one."""
    return noun.lemma_.lower() in TERRITORY_NOUNS or any(
        o.lemma_.lower() in TERRITORY_NOUNS for o in prep_objects(noun, ("of",)).get("of", []))


def locative_objects(verb: Token) -> list[Token]:
    """Where a verb happened: "in the area", "near Mosul", "south of Kirkuk", "including
    Mosul"."""
    out: list[Token] = []
    for child in verb.children:
        if (child.dep_ == "prep" and child.lower_ in LOCATING_PREPOSITIONS) or is_including(child):
            # "overran nearly a third of Iraqi territory, including Mosul"
            out.extend(o for g in child.children if g.dep_ == "pobj" for o in conjuncts(g))
        elif child.dep_ == "advmod" and child.lower_ in COMPASS_WORDS:
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    out.extend(o for g in prep.children if g.dep_ == "pobj" for o in conjuncts(g))
    return out


def clause_places(word: Token, ctx: Context) -> Found:
    """The places of the clauses ``word`` hangs from, nearest first: what each governing verb
    locates ("escalated in Kirkuk ... since the withdrawal"), else the places its subject's
    phrase names ("Khanaqin is witnessing ... after the withdrawal"; "operations ... in Tal
    Afar have ... managed to recapture 31 areas"), or a noun the clause is on names ("a brief
    assault in Anbar that managed to recapture some villages"). The first that names one."""
    node = word
    while node.dep_ in CLAUSE_LINKS and node.head != node:
        link, node = node.dep_, node.head
        if node.pos_ in ("VERB", "AUX"):
            heads = [*locative_objects(node), *children(node, "nsubj", "nsubjpass")]
        elif link == "relcl":
            heads = [node]
        else:
            continue
        for head in heads:
            found = ctx.places([head])
            if found[0]:
                return found
    return [], [], False


def places_just_before(word: Token, ctx: Context) -> list[str]:
    """The places ``word``'s sentence names, else those of the latest event placed in the two
    sentences before, else of the nearest of those sentences that names one (not a source's
    seat, a sponsor's or a reference point)."""
    sent = sentence_of(word)
    own = _named_places(ctx.same_line(sent, word), ctx)
    if own:
        return own
    window = ctx.sentence_start_before(sent, PREVIOUS_SENTENCES)
    events = [found for i, found in ctx.placed if window <= i < sent.start]
    if events:
        return [iri for iri, _ in events[-1]]
    start = sent.start
    for _ in range(PREVIOUS_SENTENCES):
        if start == 0:
            break
        previous = sentence_of(ctx.doc[start - 1])
        found = _named_places(previous, ctx)
        if found:
            return found
        start = previous.start
    return []


def _named_places(tokens: Iterable[Token], ctx: Context) -> list[str]:
    found = [(iri, ent) for iri, ent in ctx.linked_in(tokens, "PLACE")
             if not is_sponsor_modifier(ent) and not is_seat(ent)]
    return [iri for iri, _ in ctx.without_reference_points(found)]


def takes_bare_land(trigger: Trigger) -> bool:
    """Whether a verb of taking takes only land, or land is part of its label ("gain ground");
    not land a clause describes ("areas the group seized last year"), nor one place named or
    meant ("the town of Mahkan", "the town")."""
    if trigger.head.dep_ in ("relcl", "acl"):
        return False
    taken = undergoers(trigger.head)
    return any(is_land(t) for t in trigger.tokens if t != trigger.head) or (
        bool(taken) and all(is_land(t) and not _one_place(t) for t in taken))


def _one_place(noun: Token) -> bool:
    """ "the town of Mahkan", "Hamra district", "the town": a place named or meant, not an
    amount of land."""
    if any(t.pos_ == "PROPN" for t in phrase_tokens(noun)):
        return True
    return noun.tag_ == "NN" and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an")
                                     for c in noun.children)


def place_bare_land(trigger: Trigger, cand: Candidate, ctx: Context) -> None:
    """Rule ``events.conquering.land-placed-around``: land taken with no place of its own
    ("31 areas", "more than 100 villages", "ground") lies where the clause the verb hangs from
    says, else where its sentence says, else where the latest event of the two sentences
    before was, else where the nearer of them says; not land a clause describes ("areas the
    group seized last year"), nor land placed only by countries: "operations by Iraqi forces
    in Tal Afar have left 302 ISIS terrorists dead and managed to recapture 31 areas" (ABNA
    2017); "the first phase of operations to
    recapture Hawija ... more than 100 villages and regions were liberated during the first
    phase" (Iraqi News 2017); "In Hassakeh, ... said IS militants attacked government-held
    neighbourhoods ..., and captured some areas" (AP via Belfast Telegraph 2015)."""
    found = clause_places(trigger.head, ctx)
    if found[0] and not _countries_only(found[0], ctx):
        fill_places(cand, found)
    else:
        before = places_just_before(trigger.head, ctx)
        if not before or _countries_only(before, ctx):
            return
        cand.add_places(before, [])
        cand.anaphoric = cand.places_inherited = True
    cand.step(LAND_PLACED_AROUND)


def _countries_only(iris: list[str], ctx: Context) -> bool:
    # "a meteoric rise in Iraq and Syria in 2014 that saw it conquer vast swathes of
    # territory" (AFP via Hurriyet 2022): land anywhere in a country is a summary, no event
    return all(ctx.ref.is_a(iri, "Country") for iri in iris)


def withdrawal_place(trigger: Trigger, cand: Candidate, ctx: Context) -> None:
    """Rule ``events.losing-control.withdrawal``: a named force's withdrawal from no place of
    its own left the place of the clause the noun hangs from: "ISIS attacks have escalated in
    Kirkuk ... since the withdrawal of Kurdish Peshmerga forces in October 2017" (Kurdistan 24
    2021), "Khanaqin is witnessing ... after the withdrawal of the Peshmerga forces in 2017"
    (Shafaq 2020). A withdrawal of nobody named is no change of control ("waiting for an
    American withdrawal")."""
    if not cand.lost:
        cand.locations = []
        return
    if not cand.locations:
        fill_places(cand, clause_places(trigger.head, ctx))
        if cand.locations:
            cand.step(WITHDRAWAL)
