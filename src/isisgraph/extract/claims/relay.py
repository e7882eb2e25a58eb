"""Outlets that relay what someone else said: the news names the outlet it took a statement from
after the speaker's own attribution, and the gold codes the outlet as a claimant of the same
sentence besides the speaker (tests/data/real/README.md):

- ``claims.relay.per``: "..., per the AP", "..., per Deutsche Welle": "per" with an actor
  (an outlet, an agency) at the end of an attributed sentence (dev h_newser, three times);
- ``claims.relay.reported-by``: a document relayed by a participle of reporting or carrying
  with an actor as its agent ("In the statement reported by the Hawar Agency, the Asayish
  explained ...", dev f_almasdar; "The statement, reported by the Anadolu Agency, said: ...",
  dev g_hathalyoum).

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
from isisgraph.extract.claims.lexicon import RELAYING_VERBS
from isisgraph.extract.claims.speakers import resolve
from isisgraph.extract.shared import tokens_of

PER = "claims.relay.per"
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
        and tok.head.lemma_.lower() in art.lexicon.nouns
    ):
        for agent in (c for c in tok.children if c.dep_ == "agent"):
            objects = [o for o in agent.children if o.dep_ == "pobj"]
            ent = art.ent_of(objects[0]) if objects else None
            if ent is not None and ent.label_ == "ACTOR":
                return objects[0], REPORTED_BY
    return None, None
