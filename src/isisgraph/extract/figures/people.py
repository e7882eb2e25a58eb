"""People counted by a measure noun of the ``measure`` scheme ("troops", "soldiers", "fighters",
"militants", "civilians", "refugees"):

- ``figures.troops.measure-noun``: troops, with the actor of their modifiers or of their
  verb's subject ("The U.S. currently keeps approximately 2,000 troops in Syria." → the US);
- ``figures.fighters.measure-noun``: fighters, with the actor of their modifiers or the armed
  group named last ("An estimated 6,500 fighters are believed to be in the two countries.");
  members are fighters only as members of an armed group ("200 members of parliament" are
  no figure);
- ``figures.foreign-fighters.foreign-noun``: "foreign" fighters, with the group they fought
  for ("some 1,500 foreign fighters");
- ``figures.people-liberated.liberating-verb``: people counted under a verb that frees them,
  with its subject ("CJTFOIR and its GoI and ISF partners have liberated 4.5M civilians";
  "3,000 civilians live in the old city" is no figure);
- ``figures.displaced.displacing-verb``: people counted under a displacing verb ("1 million
  people have been displaced");
- ``figures.displaced.measure-noun``: refugees and the displaced ("200,000 refugees").

Places: "in the two countries" from the context (``figures.context.two-countries``).
"""

from __future__ import annotations

from spacy.tokens import Token

from isisgraph.extract.figures.abroad import fought_for
from isisgraph.extract.figures.article import FigureArticle, Finding, modifiers
from isisgraph.extract.figures.context import counted_places, or_last_armed_group, subject_of
from isisgraph.extract.figures.lexicon import (
    DISPLACING_VERBS,
    FOREIGN_WORDS,
    FREEING_VERBS,
    MEMBERSHIP_GROUPS,
    MEMBERSHIP_NOUNS,
)
from isisgraph.extract.syntax.tree import nearest_verb

TROOPS = "figures.troops.measure-noun"
FIGHTERS = "figures.fighters.measure-noun"
FOREIGN_FIGHTERS = "figures.foreign-fighters.foreign-noun"
PEOPLE_LIBERATED = "figures.people-liberated.liberating-verb"
DISPLACED_BY_VERB = "figures.displaced.displacing-verb"
DISPLACED = "figures.displaced.measure-noun"


def people(fa: FigureArticle, measure: str, value: float, qualifier: str, noun: Token, index: int) -> Finding | None:
    """The figure of people a measure noun counts (see the module docstring)."""
    verb = nearest_verb(noun)
    if measure == "fighters":
        return fighters(fa, value, qualifier, noun, verb, index)
    if measure == "troops":
        subject = fa.actor_in([noun, *modifiers(noun)]) or subject_of(fa, verb)
        finding = Finding(TROOPS, "troops", value, "troops", qualifier, noun, verb, subject, 0.8)
        finding.places = counted_places(fa, finding, noun, index)
        return finding
    verb_lemma = verb.lemma_.lower() if verb is not None else None
    if measure == "people-liberated" and verb_lemma in DISPLACING_VERBS:
        places = fa.places_in(verb.subtree) if verb is not None else []
        return Finding(DISPLACED_BY_VERB, "displaced", value, "people", qualifier, noun, verb, None, 0.75, places)
    if measure == "people-liberated":
        if verb_lemma not in FREEING_VERBS:
            return None
        return Finding(PEOPLE_LIBERATED, "people-liberated", value, "people", qualifier, noun, verb,
                       subject_of(fa, verb), 0.8)
    if measure == "displaced":
        return Finding(DISPLACED, "displaced", value, "people", qualifier, noun, verb, None, 0.75)
    return None


def fighters(fa: FigureArticle, value: float, qualifier: str, noun: Token, verb: Token | None,
             index: int) -> Finding | None:
    """Fighters, or foreign fighters when "foreign" modifies them; not the members of
    something else than an armed group ("200 members of parliament")."""
    if members_of_another_body(fa, noun):
        return None
    if any(c.lower_ in FOREIGN_WORDS for c in noun.children):
        finding = Finding(FOREIGN_FIGHTERS, "foreign-fighters", value, "fighters", qualifier, noun, verb,
                          fought_for(fa, noun), 0.8)
        or_last_armed_group(fa, finding, noun)
        return finding
    finding = Finding(FIGHTERS, "fighters", value, "fighters", qualifier, noun, verb,
                      fa.actor_in(modifiers(noun)), 0.8)
    or_last_armed_group(fa, finding, noun)
    finding.places = counted_places(fa, finding, noun, index)
    return finding


def members_of_another_body(fa: FigureArticle, noun: Token) -> bool:
    """ "200 members of parliament", "members of the family": members of something that is
    neither an armed group nor a word of membership-groups ("members of the group")."""
    if noun.lower_ not in MEMBERSHIP_NOUNS and noun.lemma_.lower() not in MEMBERSHIP_NOUNS:
        return False
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for body in prep.children:
            if body.dep_ != "pobj":
                continue
            named = [fa.actor_of(t) for t in body.subtree]
            if any(a and fa.ref.is_a(a, "ArmedGroup") for a in named):
                return False
            return body.lemma_.lower() not in MEMBERSHIP_GROUPS
    return False
