"""An event under construction, and the helpers the readers fill its roles with."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from isisgraph.extract.events.context import Found
from isisgraph.extract.events.entities import entity_at
from isisgraph.extract.events.triggers import Trigger
from isisgraph.extract.numbers import CountMatch
from isisgraph.extract.syntax.factuality import Factuality
from isisgraph.extract.syntax.tree import (
    children,
    conjuncts,
    is_passive,
    patients,
    prep_objects,
    reduced_passive,
    resolve_relative,
)
from isisgraph.extract.syntax.units import sentence_of
from isisgraph.records import When

# Event classes of the attack family (ig:Attack and its subclasses).
ATTACK_KINDS = frozenset({"Attack", "Bombing", "SuicideAttack", "Ambush", "Assassination",
                          "Abduction"})


@dataclass
class Candidate:
    """An event under construction, with what the merge and confidence steps need.

    ``rule`` is the id of the rule that found it (``events.conquering``); ``steps`` the ids of
    the later steps that changed it (merged, completed from context), in order, each once:
    the record's ``extractor`` is ``rule`` followed by ``+step`` for each."""

    trigger: Trigger
    kind: str
    rule: str
    steps: tuple[str, ...] = ()
    perpetrators: list[str] = field(default_factory=list)
    target_actors: list[str] = field(default_factory=list)
    gained: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    location_tokens: dict[str, list[Token]] = field(default_factory=dict)
    operation: str | None = None
    when: When | None = None
    killed: CountMatch | None = None
    wounded: CountMatch | None = None
    arrested: CountMatch | None = None
    surrendered: CountMatch | None = None
    zero_killed: bool = False
    zero_wounded: bool = False
    evidence: set[int] = field(default_factory=set)
    anaphoric: bool = False
    named_actor: bool = False
    fact: Factuality = field(default_factory=Factuality)
    subordinate: bool = False
    merged: bool = False
    places_inherited: bool = False  # from the sentences before ("the fighting", "these raids")
    date_inherited: bool = False  # likewise the date (events.dates.back-reference)
    weak_trigger: bool = False
    # a control change read from a declaration ("declared victory in Raqqa on Friday"): its
    # date is when it was declared, on or after the change itself
    declared: bool = False
    # the day of the report an undated control change is told in ("the army announced on
    # November 9 it had ousted Daesh from the town"): it happened on or before it
    reported: When | None = None
    # the people a killing names ("US journalist James Foley"): last words of their names
    victims: frozenset[str] = frozenset()
    # a report that refers back to an event told before ("the three civilians killed in the
    # attack"), and the event a parallel report shares its time with ("they were attacked too")
    refers_back: bool = False
    parallel_to: Candidate | None = None
    merged_into: Candidate | None = None  # the report this one was folded into
    dropped: bool = False

    def live(self) -> Candidate:
        """This report, or the one it was folded into (transitively)."""
        current = self
        while current.merged_into is not None:
            current = current.merged_into
        return current

    @property
    def sent(self) -> Span:
        return sentence_of(self.trigger.head)

    @property
    def extractor(self) -> str:
        """The record's ``ig:extractor``: the finding rule, then each later step."""
        return self.rule + "".join("+" + step for step in self.steps)

    def step(self, step_id: str) -> None:
        """Note that the step ``step_id`` changed this candidate (once, in order)."""
        if step_id not in self.steps:
            self.steps = (*self.steps, step_id)

    def add(self, role: list[str], iris: Iterable[str]) -> None:
        for iri in iris:
            if iri not in role:
                role.append(iri)

    def add_places(self, iris: list[str], tokens: list[Token]) -> None:
        for iri in iris:
            if iri not in self.locations:
                self.locations.append(iri)
        for token in tokens:
            ent = entity_at(token)
            if ent is not None:
                self.location_tokens.setdefault(ent.ent_id_, []).append(token)
        self.evidence.update(t.i for t in tokens)

    def location_spans(self, iri: str) -> list[Span]:
        """The linked entities the place ``iri`` was read from."""
        tokens = self.location_tokens.get(iri, [])
        spans = {id(ent): ent for t in tokens if (ent := entity_at(t)) is not None}
        return sorted(spans.values(), key=lambda e: e.start)

    def actors_filled(self) -> bool:
        return bool(self.perpetrators or self.target_actors or self.gained or self.lost)


def new_candidate(trigger: Trigger, rule: str) -> Candidate:
    """A candidate for ``trigger`` found by ``rule``, its evidence the trigger's words."""
    cand = Candidate(trigger=trigger, kind=trigger.word.kind, rule=rule)
    cand.evidence.update(t.i for t in trigger.tokens)
    return cand


def fill(cand: Candidate, role: list[str], found: Found) -> None:
    """Add the actors ``found`` to ``role``, their words to the evidence."""
    iris, tokens, anaphoric = found
    cand.add(role, iris)
    cand.evidence.update(t.i for t in tokens)
    if iris:
        if anaphoric:
            cand.anaphoric = True
        else:
            cand.named_actor = True


def fill_places(cand: Candidate, found: Found) -> None:
    """Add the places ``found`` to the candidate's locations."""
    iris, tokens, anaphoric = found
    cand.add_places(iris, tokens)
    if iris and anaphoric:
        cand.anaphoric = True


def arguments_of_noun(noun: Token) -> dict[str, list[Token]]:
    """A noun trigger's participants: possessor, actor compounds and prepositional objects."""
    args = prep_objects(noun)
    poss = children(noun, "poss")
    if poss:
        args.setdefault("poss", []).extend(poss)
    compounds = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")
                 and entity_at(c) is not None]
    if compounds:
        args.setdefault("compound", []).extend(compounds)
    return args


def trigger_preps(trigger: Trigger) -> dict[str, list[Token]]:
    """Prepositional objects of the trigger's head and of its other words ("control of X")."""
    found: dict[str, list[Token]] = {}
    for token in trigger.tokens:
        for name, objects in prep_objects(token).items():
            found.setdefault(name, []).extend(o for o in objects if o not in found.get(name, []))
    for obj in children(trigger.head, "dobj"):
        if obj in trigger.tokens:
            continue
        for name, objects in prep_objects(obj, ("from", "of")).items():
            found.setdefault(name, []).extend(objects)
    return found


def passive(verb: Token) -> bool:
    """A passive, also one whose auxiliary a heading dropped ("4 Iraqi soldiers killed, 3
    injured in Daesh attack"): for the readers of transitive triggers only."""
    return is_passive(verb) or reduced_passive(verb) or bool(raised_subjects(verb))


def undergoers(verb: Token) -> list[Token]:
    """What undergoes a transitive trigger verb: its object or passive subject, the subject
    of a heading's reduced passive, or the subject a passive of saying raised from it."""
    found = patients(verb)
    if not found and reduced_passive(verb):
        found = [resolve_relative(s) for s in conjuncts(children(verb, "nsubj")[0])]
    return found or raised_subjects(verb)


def raised_subjects(verb: Token) -> list[Token]:
    """A passive participle complementing a passive verb of saying or finding, with no
    subject or object of its own, undergoes what is that verb's subject: "five Peshmerga
    fighters were reported killed" (North Press 2021), "the IS fighters are reported to have
    been killed" (VRT 2014), "two suspects were said to have been arrested"."""
    if verb.dep_ != "xcomp" or verb.tag_ != "VBN" or not is_passive(verb.head) \
            or children(verb, "nsubj", "nsubjpass", "dobj"):
        return []
    subjects = children(verb.head, "nsubjpass")
    return [resolve_relative(s) for s in conjuncts(subjects[0])] if subjects else []
