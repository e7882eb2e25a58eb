"""Who issued a statement: the speaker of "according to a statement ..." and of a speech verb
whose subject names no one we know.

- ``claims.statements.issuer``: the organisation the statement noun names — a possessive or
  modifier ("the coalition's statement"), "from"/"by"/"of" ("a statement from the Peshmerga
  ministry"), or the subject or agent of its relative clause ("a statement it released", "a
  statement carried by Amaq"); else the issuer of the last statement
  (``claims.descriptions.the-statement``);
- ``claims.statements.issuer-of-medium``: when the subject of a speech verb names no one we
  know, the issuer of its medium ("In a statement carried by the Amaq news agency, the
  militants said ..." → Amaq).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from isisgraph.closed_class import ISSUER_MEDIUM_PREPOSITIONS, ISSUER_PREPOSITIONS
from isisgraph.extract.claims.article import ClaimArticle, Speaker
from isisgraph.extract.claims.descriptions import last_statement_issuer
from isisgraph.extract.claims.speakers import resolve

ISSUER_OF_MEDIUM = "claims.statements.issuer-of-medium"


def issuer_of_medium(art: ClaimArticle, verb: Token, index: int) -> list[Speaker]:
    """The issuer the speech verb's medium names ("in a statement carried by Amaq")."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ISSUER_MEDIUM_PREPOSITIONS:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in art.lexicon.nouns:
                    found = issuer(art, obj, index, fall_back=False)
                    if found:
                        return [
                            replace(s, confidence=min(s.confidence, 0.7), how="description", rule=ISSUER_OF_MEDIUM)
                            for s in found
                        ]
    return []


def issuer(art: ClaimArticle, noun: Token, index: int, fall_back: bool = True) -> list[Speaker]:
    """Who issued "a statement it released" / "the coalition's statement" / "the statement"."""
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod") and art.ent_of(child) is not None:
            found = resolve(art, child, index)
            if found:
                return found
        if child.dep_ == "prep" and child.lower_ in ISSUER_PREPOSITIONS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found = resolve(art, obj, index)
                    if found:
                        return found
        if child.dep_ in ("relcl", "acl"):
            subjects = [g for g in child.children if g.dep_ == "nsubj"] + [
                o for g in child.children if g.dep_ == "agent" for o in g.children if o.dep_ == "pobj"
            ]  # "a statement it released", "a statement carried by Amaq"
            if subjects:
                found = resolve(art, subjects[0], index)
                if found:
                    return found
    last = last_statement_issuer(art) if fall_back else None
    return [last] if last is not None else []
