"""The role written around a speaker's name and the organisations it names, role first:

- ``claims.roles.appositive``: the phrase after the name, up to the next comma, extended over
  comma-separated organisation names ("Col. Myles Caggins, the spokesman for Operation
  Inherent Resolve, said"); it wins over the title;
- ``claims.roles.relative-clause``: a relative clause of a role verb ("Gen. Joseph Votel, who
  heads U.S. Central Command, said" → "heads U.S. Central Command");
- ``claims.roles.head-phrase``: the noun phrase the name is in apposition to ("the spokesman
  for the coalition, Col. X");
- ``claims.roles.title``: the title words before the name ("Defense Secretary Jim Mattis");
  a title that is only an organisation's name ("UK Maj. Gen. X") gives the organisation and
  no role.

Organisations of a role: actors, operations (the actor conducting them) and countries in the
possessive ("Iraq's prime minister" → its government); not an actor that only modifies a
participle ("the head of the U.K.-based Syrian Observatory for Human Rights", The Atlantic;
"a deputy commander of the U.S.-led coalition"): it says where the organisation is or who
backs or leads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.closed_class import CLAUSE_CONJUNCTIONS, RELATIVE_PRONOUNS
from isisgraph.extract.claims.actors import actor_iri, country_actor, is_participle_modifier
from isisgraph.extract.claims.article import DOMAIN_LABELS, ClaimArticle
from isisgraph.extract.claims.lexicon import ROLE_VERBS, TITLE_WORDS
from isisgraph.extract.claims.quotes import QUOTE_MARKS
from isisgraph.extract.syntax.units import is_honorific

ORG_ENT_LABELS = {"ACTOR", "ORG", "GPE", "NORP"}
NAMING_LABELS = ORG_ENT_LABELS | set(DOMAIN_LABELS)


def role_and_orgs(
    art: ClaimArticle, name_tokens: list[Token], np_tokens: list[Token], head: Token
) -> tuple[str | None, list[str]]:
    """The role written around a name and the organisations it names (see the module
    docstring for the rules, in the order they are tried)."""
    doc = art.doc
    first, last = name_tokens[0], name_tokens[-1]
    sent = doc[first.i].sent
    appos = appositive_after(art, last, sent)
    if appos is None:
        appos = role_clause_after(art, last)
    if appos is None and head.i < first.i and head.pos_ == "NOUN":
        # "the spokesman for the coalition, Col. X": the role is the head phrase, without the
        # rank before the name
        start = head.left_edge.i
        end = min(first.i, title_start(art, first))
        while end > start and doc[end - 1].is_punct:
            end -= 1
        appos = doc[start:end] if end > start else None
    pre = [t for t in np_tokens if t.i < first.i and t not in (appos or ())]
    pre = [t for t in pre if t.i >= title_start(art, first)]
    title = [t for t in pre if not is_honorific(t) and t.pos_ != "DET" and not t.is_punct]
    role_tokens: list[Token] = []
    orgs: list[str] = []
    if appos is not None:
        role_tokens = [t for t in appos if not (t.i == appos.start and t.pos_ == "DET")]
        orgs.extend(orgs_in(art, appos))
    if title:
        title_orgs = orgs_in(art, title)
        only_names = all(t.ent_type_ in NAMING_LABELS for t in title) and not any(
            t.lower_ in TITLE_WORDS for t in title
        )  # "UK Maj. Gen. X" names an organisation; "Iraqi Prime Minister X" a post
        if not role_tokens and not only_names:
            role_tokens = title
        orgs.extend(o for o in title_orgs if o not in orgs)
    role = None
    if role_tokens:
        role = art.text[role_tokens[0].idx : role_tokens[-1].idx + len(role_tokens[-1])].strip(" ,")
        role = re.sub(r"\s+", " ", role) or None
    return role, orgs


def title_start(art: ClaimArticle, first: Token) -> int:
    """Where the title words before a name start: the run of compounds, proper nouns,
    nouns, adjectives and titles directly left of the name."""
    i = first.i
    sent_start = first.sent.start
    while i - 1 >= sent_start:
        prev = art.doc[i - 1]
        if prev.is_punct and prev.text not in (".", "-"):
            break
        if prev.pos_ in ("PROPN", "NOUN", "ADJ") or is_honorific(prev) or prev.text in (".", "-"):
            i -= 1
            continue
        if prev.tag_ == "POS" and i - 2 >= sent_start:  # "the SDF's spokesman X"
            i -= 1
            continue
        break
    return i


def appositive_after(art: ClaimArticle, last: Token, sent: DocSpan) -> DocSpan | None:
    """The appositive phrase after a name: ", a spokesman for the U.S. military," — up to
    the next comma, extended over comma-separated organisation names (", CJTF-OIR,")."""
    doc = art.doc
    i = last.i + 1
    if i >= sent.end or doc[i].text != ",":
        return None
    start = i + 1
    end = segment_end(art, start, sent)
    if end <= start:
        return None
    segment = doc[start:end]
    if not looks_like_appositive(segment):
        return None
    while end < sent.end and doc[end].text == ",":
        nxt = segment_end(art, end + 1, sent)
        extension = doc[end + 1 : nxt]
        if (
            len(extension)
            and all(t.ent_type_ in NAMING_LABELS or t.pos_ == "DET" for t in extension)
            and any(t.ent_type_ for t in extension)
        ):
            end = nxt
        else:
            break
    return doc[start:end]


def role_clause_after(art: ClaimArticle, last: Token) -> DocSpan | None:
    """A role given as a relative clause: "X, who heads U.S. Central Command," → the clause
    without "who" ("heads U.S. Central Command")."""
    for child in last.children:
        if child.dep_ == "relcl" and child.lemma_.lower() in ROLE_VERBS:
            subjects = [c for c in child.children if c.dep_ == "nsubj" and c.lower_ == "who"]
            if subjects:
                start, end = child.i, child.right_edge.i + 1
                while end > start and art.doc[end - 1].is_punct:
                    end -= 1
                return art.doc[start:end]
    return None


def segment_end(art: ClaimArticle, start: int, sent: DocSpan) -> int:
    """Where a comma-delimited segment of a sentence ends: at a comma, semicolon, colon or
    quotation mark, the sentence's final stop, or a speech verb."""
    doc = art.doc
    end = start
    while end < sent.end:
        tok = doc[end]
        if tok.text in (",", ";", ":") or tok.text in QUOTE_MARKS:
            break
        if tok.is_punct and tok.text in (".", "?", "!") and end == sent.end - 1:
            break
        if tok.lemma_.lower() in art.lexicon.verbs and tok.pos_ == "VERB":
            break
        end += 1
    return end


def looks_like_appositive(segment: DocSpan) -> bool:
    """A segment that can be an appositive: it has a noun, no finite verb, and does not open
    with a relative pronoun or a conjunction."""
    if not len(segment):
        return False
    if segment[0].lower_ in RELATIVE_PRONOUNS | CLAUSE_CONJUNCTIONS:
        return False
    if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in segment):
        return False
    return any(t.pos_ in ("NOUN", "PROPN") for t in segment)


def orgs_in(art: ClaimArticle, tokens: Iterable[Token]) -> list[str]:
    """Organisations named in a role: actors, operations (→ the actor conducting them), and
    countries in the possessive ("Iraq's prime minister" → its government)."""
    out: list[str] = []
    seen_ents: set[int] = set()
    doc, ref = art.doc, art.ref
    for tok in tokens:
        ent = art.ent_of(tok)
        if ent is None or ent.start in seen_ents:
            continue
        seen_ents.add(ent.start)
        if is_participle_modifier(ent):
            continue  # "the U.K.-based Syrian Observatory", "the U.S.-backed SDF": not the organisation
        iri: str | None
        if ent.label_ == "PLACE":
            possessive = ent.end < len(doc) and doc[ent.end].tag_ == "POS" or ent.root.dep_ == "poss"
            iri = country_actor(ref, ent, art.article.published) if possessive else None
        else:
            iri = actor_iri(ref, ent)
        if iri and not ref.is_a(iri, "Person") and iri not in out:
            out.append(iri)
    return out
