"""The words an event's place and date are looked for in: the trigger's own phrase or clause,
then the clauses it inherits them from, nearest first."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from isisgraph.closed_class import CONTRAST_MARKS, MEANS_PREPOSITIONS, OWN_TIME_MARKS
from isisgraph.extract.events.triggers import Trigger
from isisgraph.extract.syntax.tree import children, clause_tokens, is_infinitive, phrase_tokens
from isisgraph.lexicons import lexicon

GRAMMAR = lexicon("grammar")
WORDS = lexicon("events")
EVENT_NOUNS = WORDS.event_nouns
MEANS_NOUNS = WORDS.means_nouns
VICTORY_VERBS = WORDS.victory_verbs
ANNOUNCING_VERBS = WORDS.announcing_verbs
# Verbs whose date is when something was said or learned, not when the event happened.
NON_EVENT_GOVERNORS = GRAMMAR.reporting_verbs | WORDS.non_event_governors


def own_tokens(trigger: Trigger) -> list[Token]:
    """The trigger's own words: a noun's phrase with its relative clauses ("the bombing,
    which killed 15 people in Baghdad on Monday", a relative clause on an event noun describes
    the event) and its purpose ("an assault to seize a prison in northeast Syria"); a verb's
    clause (a launch's with its naming clause: "launching what it calls Operation Roundup in
    May"; a killing's with the participle on its means, ``means_clauses``)."""
    head = trigger.head
    if trigger.is_noun:
        # the purpose of an attack is where it was aimed: "an assault late last month to seize
        # a prison in northeast Syria"
        return sorted(phrase_tokens(head) + [t for c in head.children if c.dep_ == "relcl"
                                             or (c.dep_ == "acl" and is_infinitive(c))
                                             for t in c.subtree], key=lambda t: t.i)
    tokens = clause_tokens(head) + means_clauses(head)
    if trigger.word.frame == "launch":
        tokens += [t for c in head.children if c.dep_ == "ccomp" and c.lemma_ in GRAMMAR.naming_verbs
                   for t in c.subtree]
    return tokens


def means_clauses(verb: Token) -> list[Token]:
    """ "died during a raid conducted by U.S. Special Operations forces on Saturday", "killed
    in the attacks conducted in recent days by ISIS militants": a participle clause on the
    strike, raid or attack an event happened in tells the event's time and place too."""
    out: list[Token] = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in MEANS_PREPOSITIONS:
            continue
        for noun in children(prep, "pobj"):
            if noun.lemma_.lower() in MEANS_NOUNS or noun.lemma_.lower() in EVENT_NOUNS:
                out += [t for clause in children(noun, "acl") for t in clause.subtree]
    return out


def inheritance_chain(trigger: Trigger, for_dates: bool) -> Iterator[list[Token]]:
    """Token sets to look in, nearest first: the trigger's own words, the clauses coordinated
    with it, then the clauses it belongs to — a coordinated verb from its first conjunct, a
    participle, purpose or "as/when" clause from the clause it belongs to, a noun from the
    verb it is the object or subject of, and the verbs coordinated with each of those clauses
    (for places, only those that share their subject: ``shares_subject``).
    A date is never inherited across a verb of saying or
    claiming (the claim date is not the event date), from a complement clause, from a clause
    with its own time ("after ...") or into a relative clause, except one on an event noun
    ("a raid on Sept. 12 that resulted in the detention of one")."""
    head = trigger.head
    yield own_tokens(trigger)
    if not trigger.is_noun:
        for sibling in children(head, "conj"):
            if sibling.pos_ in ("VERB", "AUX") and (for_dates or shares_subject(sibling)):
                yield clause_tokens(sibling)
    current = head
    for _ in range(6):
        parent = current.head
        if parent == current:
            return
        if for_dates and _date_stops(trigger, current, parent):
            return
        if parent.pos_ in ("VERB", "AUX"):
            yield clause_tokens(parent) + ([] if for_dates else elaborations(parent))
            if parent.dep_ == "conj" and parent.head.pos_ in ("VERB", "AUX") and not for_dates:
                yield clause_tokens(parent.head)
            # "After some heavy fighting, Manbij was encircled and completely cut off in June":
            # the verbs coordinated with the clause share its time and place
            own = clause_tokens(parent)
            for sibling in [c for t in own for c in children(t, "conj")]:
                if sibling.pos_ in ("VERB", "AUX") and sibling != current and (
                        for_dates or shares_subject(sibling)):
                    yield clause_tokens(sibling)
        current = parent


def elaborations(verb: Token) -> list[Token]:
    """Rule ``events.places.elaboration``: a participle without a subject of its own that goes
    on about the event a verb carried out ("carried out a suicide attack ..., targeting a post
    in the town of Al-Shahil") tells where it happened."""
    return [t for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG"
            and not children(c, "nsubj", "nsubjpass", "mark") for t in c.subtree]


def shares_subject(verb: Token) -> bool:
    """A coordinated verb without a subject of its own ("struck X and destroyed Y near Z"): it
    tells more of the same event, so its place is the event's ("ISIS attacked a post and the
    army retook Hawija" are two)."""
    return not children(verb, "nsubj", "nsubjpass")


def own_time(clause: Token) -> bool:
    """A subordinate clause with a time of its own ("a week after the army retook Hawija"), or
    of another side set against the event ("while the Peshmerga advanced on Sinjar"; not
    "while trying to observe from the rooftop", which shares the event's subject)."""
    if clause.dep_ not in ("advcl", "acl", "relcl"):
        return False
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    return bool(marks & OWN_TIME_MARKS) or bool(
        marks & CONTRAST_MARKS and children(clause, "nsubj", "nsubjpass"))


def _date_stops(trigger: Trigger, current: Token, parent: Token) -> bool:
    """Whether a date may not be inherited from ``parent`` by the clause of ``current``."""
    dep = current.dep_
    relative = dep == "relcl" or (dep == "acl" and current.pos_ in ("VERB",) and current.tag_ != "VBN")
    if relative and parent.lemma_.lower() not in EVENT_NOUNS:
        # other relative clauses have their own time ("Hawija, which was liberated in
        # September")
        return True
    if parent.lemma_ in NON_EVENT_GOVERNORS and parent.pos_ in ("VERB",) and not (
        trigger.word.frame == "launch" and parent.lemma_ in ANNOUNCING_VERBS
    ) and not (trigger.word.frame == "victory" and parent.lemma_ in VICTORY_VERBS):
        # a victory is dated by its declaration, the latest its change can have happened
        return True
    if dep in ("ccomp", "parataxis"):
        return True
    return dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in OWN_TIME_MARKS
                                  for c in current.children)
