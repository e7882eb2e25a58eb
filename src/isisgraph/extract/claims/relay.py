"""Outlets that relay what someone else said: the news names the outlet it took a statement from
after the speaker's own attribution, and the gold codes the outlet as a claimant of the same
sentence besides the speaker (tests/data/real/README.md):

- ``claims.relay.per``: "..., per the AP", "..., per Deutsche Welle": "per" with an actor
  (an outlet, an agency) at the end of an attributed sentence (dev h_newser, three times);
- ``claims.relay.reported-by``: a document relayed by a participle of reporting or carrying
  with an actor as its agent ("In the statement reported by the Hawar Agency, the Asayish
  explained ...", dev f_almasdar; "The statement, reported by the Anadolu Agency, said: ...",
  dev g_hathalyoum); the document may be a claim ("..., in a claim carried by its Aamaq news
  agency", dev j_vindicator), and the outlet a name before a generic head that its entity does
  not cover ("its Aamaq news agency"; "a statement ... carried by Alsumaria TV network").

Either gives the outlet a claim of its own on the sentence, marked as a relay (a later "it"
or "he added" still means the speaker it relays). "Three strikes per day", "the statement
issued by the ministry" (the issuer, not a relay) give none.
"""

from __future__ import annotations

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.extract.claims.article import ClaimArticle, Found
from isisgraph.extract.claims.attribution import Attribution, make_claim
from isisgraph.extract.claims.dates import claim_date
from isisgraph.extract.claims.lexicon import RELAYED_NOUNS, RELAYING_VERBS
from isisgraph.extract.claims.speakers import resolve
from isisgraph.extract.shared import tokens_of

PER = "claims.relay.per"
# a proper noun before a generic head is sometimes parsed as its modifier ("the SANA news agency")
NAME_DEPS = frozenset({"compound", "amod", "nmod"})
REPORTED_BY = "claims.relay.reported-by"


def relayed_claims(art: ClaimArticle, index: int, sent: DocSpan, found: list[Found]) -> list[Found]:
    """The claims of the outlets that relay the sentence's attributed claims (none when the
    sentence attributes nothing)."""
    if not found:
        return []
    out: list[Found] = []
    speakers = {f.claim.claimant for f in found}
    for tok in tokens_of(sent):
        if art.in_quote(tok) is not None:
            continue
        outlet, rule = relaying_outlet(art, tok)
        if outlet is None or rule is None:
            continue
        for speaker in resolve(art, outlet, index):
            if speaker.claimant in speakers or speaker.how != "actor":
                continue
            when, fallback = claim_date(art, sent, [tok, outlet], tok.text)
            content = [t for t in tokens_of(sent) if t.i not in {s.i for s in outlet.subtree}]
            said = Attribution(tok, rule, "report", when, fallback, content, relay=True)
            out.append(make_claim(art, index, sent, said, speaker))
            speakers.add(speaker.claimant)
    return out


def relaying_outlet(art: ClaimArticle, tok: Token) -> tuple[Token | None, str | None]:
    """The head of the outlet a token relays through, with the rule: "per" and an actor entity;
    a participle of relaying on a document noun with an actor entity as its agent."""
    if tok.lower_ == "per" and tok.dep_ == "prep":
        objects = [c for c in tok.children if c.dep_ == "pobj" and art.ent_of(c) is not None]
        if objects and art.ent_of(objects[0]).label_ == "ACTOR":
            return objects[0], PER
        return None, None
    if (
        tok.tag_ == "VBN"
        and tok.dep_ == "acl"
        and tok.lemma_.lower() in RELAYING_VERBS
        and (tok.head.lemma_.lower() in art.lexicon.nouns or tok.head.lemma_.lower() in RELAYED_NOUNS)
    ):
        for agent in (c for c in tok.children if c.dep_ == "agent"):
            objects = [o for o in agent.children if o.dep_ == "pobj"]
            outlet = outlet_named(art, objects[0]) if objects else None
            if outlet is not None:
                return outlet, REPORTED_BY
    return None, None


def outlet_named(art: ClaimArticle, head: Token) -> Token | None:
    """The token of the actor an agent phrase names: its head, or a name before a generic head
    that the entity does not cover ("its Aamaq news agency", "Alsumaria TV network")."""
    names = [head]
    for tok in names:
        names.extend(c for c in tok.lefts if c.dep_ == "compound" or (c.dep_ in NAME_DEPS and c.pos_ == "PROPN"))
    for tok in names:
        ent = art.ent_of(tok)
        if ent is not None and ent.label_ == "ACTOR":
            return tok
    return None
