"""Who issued a statement: the speaker of "according to a statement ..." and of a speech verb
whose subject names no one we know.

- ``claims.statements.issuer``: the organisation the statement noun names — a possessive or
  modifier ("the coalition's statement", "A National Security Council press release"),
  ("a Ministry of Defence press statement", which the parser may hang on the noun as an nmod),
  "from"/"by"/"of" ("a statement from the Peshmerga ministry"; not a date or a place: "the
  report from October 29", "reports from Iraq"), or the subject or agent of its relative
  clause ("a statement it released", "a statement carried by Amaq", "a statement released
  Thursday from British Prime Minister David Cameron’s office"); else, for a definite
  document that names no issuer ("the statement added", "said the report", a headline's
  "..., report says"), the issuer of the last document of its kind
  (``claims.descriptions.the-statement``); an indefinite one ("a report by the Syrian Center for
  Policy Research") is nobody's we know;
- ``claims.statements.issuer-of-medium``: when the subject of a speech verb names no one we
  know, the issuer of its medium ("In a statement carried by the Amaq news agency, the
  militants said ..." → Amaq).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Token

from isisgraph.closed_class import (
    DEFINITE_REFERENCES,
    ISSUER_MEDIUM_PREPOSITIONS,
    ISSUER_PREPOSITIONS,
    RELATIVE_PRONOUNS,
)
from isisgraph.extract.claims.article import ClaimArticle, Speaker
from isisgraph.extract.claims.descriptions import last_statement_issuer
from isisgraph.extract.claims.lexicon import ISSUING_VERBS, STATE_BODY_NOUNS

ISSUER_OF_MEDIUM = "claims.statements.issuer-of-medium"

# How a speaker's phrase is resolved (speakers.resolve, which reads documents through this
# module): passed in, so that the two modules do not import each other.
Resolver = Callable[[ClaimArticle, Token, int], list[Speaker]]


def issuer_of_medium(art: ClaimArticle, verb: Token, index: int, resolve: Resolver) -> list[Speaker]:
    """The issuer the speech verb's medium names ("in a statement carried by Amaq")."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ISSUER_MEDIUM_PREPOSITIONS:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in art.lexicon.nouns:
                    found = issuer(art, obj, index, resolve, fall_back=False)
                    if found:
                        return [
                            replace(s, confidence=min(s.confidence, 0.7), how="description", rule=ISSUER_OF_MEDIUM)
                            for s in found
                        ]
    return []


def issuer(art: ClaimArticle, noun: Token, index: int, resolve: Resolver, fall_back: bool = True) -> list[Speaker]:
    """Who issued "a statement it released" / "the coalition's statement" / "A National
    Security Council press release" / "the statement". Only a definite document with no issuer
    of its own ("the statement", "the release") is the last one's: "a report by the Syrian
    Center for Policy Research" is someone else's, named or not."""
    named = False
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod") and (
            art.ent_of(child) is not None or child.lemma_.lower() in STATE_BODY_NOUNS
        ):
            named = True
            found = resolve(art, child, index)
            if found:
                return found
        if child.dep_ == "prep" and child.lower_ in ISSUER_PREPOSITIONS:
            for obj in child.children:
                if obj.dep_ != "pobj" or obj.ent_type_ in ("DATE", "TIME", "PLACE"):
                    continue  # "the report from October 29", "reports from Iraq": when and where, not whose
                named = True
                found = resolve(art, obj, index)
                if found:
                    return found
        if child.dep_ in ("relcl", "acl"):
            subjects = [g for g in child.children if g.dep_ == "nsubj"] + [
                o for g in child.children if g.dep_ == "agent" for o in g.children if o.dep_ == "pobj"
            ] + [
                o
                for g in child.children
                if g.dep_ == "prep" and g.lower_ in ISSUER_PREPOSITIONS and child.dep_ == "acl"
                for o in g.children
                if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME", "PLACE")
            ]  # "a statement it released", "a statement carried by Amaq", "released ... from X's office"
            # "a statement that said ...": the relative pronoun is the statement itself, whose
            # issuer this is looking for (resolving it came back here without end)
            subjects = [g for g in subjects if g.lower_ not in RELATIVE_PRONOUNS]
            if subjects:
                named = True
                found = resolve(art, subjects[0], index)
                if found:
                    return found
    if not named:
        agent = issuing_agent_within(noun)  # "a statement to the press issued by the Ministry of Defence"
        if agent is not None:
            named = True
            found = resolve(art, agent, index)
            if found:
                return found
    determiners = [c for c in noun.children if c.dep_ in ("det", "poss")]
    # "the statement", "its report"; a bare singular is a headline's definite ("..., report says")
    definite = any(c.lower_ in DEFINITE_REFERENCES for c in determiners) or not determiners and noun.tag_ == "NN"
    kind = art.lexicon.nouns.get(noun.lemma_.lower())
    last = last_statement_issuer(art, kind, index) if fall_back and definite and not named else None
    return [last] if last is not None else []


def issuing_agent_within(noun: Token) -> Token | None:
    """The agent of a participle of issuing that the parser hung on a noun inside the
    document's phrase rather than on the document ("a statement to the press issued by the
    Ministry of Defence": "issued" on "press"; dev e_ukdefencejournal-mod)."""
    for tok in noun.subtree:
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() in ISSUING_VERBS and tok.head != noun:
            for agent in (c for c in tok.children if c.dep_ == "agent"):
                objects = [o for o in agent.children if o.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return None
