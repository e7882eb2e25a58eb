"""Fighters and troops counted through a verb or a shared noun:

- ``figures.fighters.counting-verb`` / ``figures.troops.counting-verb``: a counting verb
  gives its number to the fighters or troops it describes, or that stand a few words before
  it ("the largest remaining pocket of Islamic State fighters--believed to number at least
  1,000--", "fighters -- estimated at 3,000"), with the actor of their modifiers (for
  fighters, else the armed group named last) and the places of "the two countries" or after
  the verb;
- ``figures.fighters.coordinated`` / ``figures.troops.coordinated``: a bare number
  coordinated with a count of fighters or troops shares the noun, and keeps its own place
  ("2,500 troops in Iraq and 900 in Syria").
"""

from __future__ import annotations

from spacy.tokens import Token

from isisgraph.extract.figures.article import FigureArticle, Finding, modifiers
from isisgraph.extract.figures.context import counted_places, or_last_armed_group, subject_of
from isisgraph.extract.figures.lexicon import COUNTING_VERBS
from isisgraph.extract.numbers import CountMatch
from isisgraph.extract.shared import tokens_of
from isisgraph.extract.syntax.tree import nearest_verb

COUNTING_VERB = {"fighters": "figures.fighters.counting-verb", "troops": "figures.troops.counting-verb"}
COORDINATED = {"fighters": "figures.fighters.coordinated", "troops": "figures.troops.coordinated"}


def counting_verb_before(fa: FigureArticle, count: CountMatch) -> Token | None:
    """A counting verb written right before the count ("to number at least 1,000",
    "estimated at 3,000"), whatever the parser made of the dashes around it."""
    doc = fa.doc
    i = count.span.start - 1
    if i >= 0 and doc[i].lower_ == "at":
        i -= 1
    if i >= 0 and doc[i].lemma_.lower() in COUNTING_VERBS and doc[i].pos_ == "VERB":
        return doc[i]
    return None


def counting_verb_over(number: Token) -> Token | None:
    """The counting verb a bare number is the object of ("number at least 1,000")."""
    head = number.head
    lemma = head.lemma_.lower()
    if lemma in COUNTING_VERBS:
        return head
    if lemma == "at" and head.head.lemma_.lower() in COUNTING_VERBS:
        return head.head
    return None


def counted_by_verb(fa: FigureArticle, value: float, qualifier: str, verb: Token, index: int) -> Finding | None:
    """The number a counting verb gives to the people it describes."""
    measure_of_word = fa.lexicon.measure_of_word
    described = described_noun(verb)
    measure = measure_of_word.get(described.lemma_.lower()) if described is not None else None
    if measure not in COUNTING_VERB:
        described = measure_noun_before(fa, verb)
        if described is None:
            return None
        measure = measure_of_word.get(described.lemma_.lower())
    if measure not in COUNTING_VERB or described is None:
        return None
    finding = Finding(COUNTING_VERB[measure], measure, value, measure, qualifier, described, verb,
                      fa.actor_in([described, *modifiers(described)]), 0.7)
    if measure == "fighters":
        or_last_armed_group(fa, finding, described)
    finding.places = counted_places(fa, finding, described, index) or fa.places_in(
        t for t in tokens_of(fa.units[index]) if t.i > verb.i
    )
    return finding


def coordinated(fa: FigureArticle, value: float, qualifier: str, number: Token) -> Finding | None:
    """A bare number conjoined to a count of fighters or troops: the same noun."""
    head = number.head
    measure = fa.lexicon.measure_of_word.get(head.lemma_.lower())
    if number.dep_ != "conj" or measure not in COORDINATED:
        return None
    verb = nearest_verb(head)
    subject = fa.actor_in([head, *modifiers(head)]) or subject_of(fa, verb)
    return Finding(COORDINATED[measure], measure, value, measure, qualifier, number, verb, subject, 0.7)


def measure_noun_before(fa: FigureArticle, verb: Token, window: int = 6) -> Token | None:
    """The nearest fighters/troops noun a few words before a counting verb."""
    for i in range(verb.i - 1, max(-1, verb.i - window - 1), -1):
        tok = fa.doc[i]
        if fa.lexicon.measure_of_word.get(tok.lemma_.lower()) in COUNTING_VERB:
            return tok
    return None


def described_noun(verb: Token) -> Token | None:
    """The noun a counting verb describes: "fighters -- believed to number 1,000"."""
    current = verb
    for _ in range(4):
        if current.dep_ in ("acl", "relcl", "appos") and current.head.pos_ in ("NOUN", "PROPN"):
            return counted_within(current.head)
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0].pos_ in ("NOUN", "PROPN"):
            return counted_within(subjects[0])
        if current.head == current:
            return None
        current = current.head
    return None


def counted_within(noun: Token) -> Token:
    """ "the largest pocket of Islamic State fighters": the counted people are the fighters."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                    return obj
    return noun
