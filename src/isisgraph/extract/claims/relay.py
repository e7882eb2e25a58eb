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

import re

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.extract.claims.article import ClaimArticle, Found
from isisgraph.extract.claims.attribution import Attribution, make_claim
from isisgraph.extract.claims.dates import claim_date
from isisgraph.extract.claims.lexicon import RELAYED_NOUNS, RELAYING_VERBS, TELLING_VERBS
from isisgraph.extract.claims.speakers import resolve
from isisgraph.extract.claims.verbs import speech_verbs
from isisgraph.extract.shared import tokens_of

PER = "claims.relay.per"
TOLD = "claims.relay.told"
# the parser takes "told USA Today on Wednesday" for an adverbial noun phrase
AUDIENCE_DEPS = frozenset({"dobj", "dative", "iobj", "npadvmod"})
# classes of actors that speak for themselves, never as an outlet that was told something
NO_OUTLET_CLASSES = ("Government", "StateForce", "ArmedGroup", "Coalition", "Person")
# a proper noun before a generic head is sometimes parsed as its modifier ("the SANA news agency")
NAME_DEPS = frozenset({"compound", "amod", "nmod"})
REPORTED_BY = "claims.relay.reported-by"


def relayed_claims(art: ClaimArticle, index: int, sent: DocSpan, found: list[Found]) -> list[Found]:
    """The claims of the outlets that relay the sentence's attributed claims (none when the
    sentence attributes nothing); an outlet told something relays it even when the source
    who told it is no one we know ("An official told Shafaq News Agency that ...")."""
    telling = {verb.i for verb, _ in speech_verbs(art, sent) if verb.lemma_.lower() in TELLING_VERBS}
    if not found and not telling:
        return []
    out: list[Found] = []
    speakers = {f.claim.claimant for f in found}
    for tok in tokens_of(sent):
        if art.in_quote(tok) is not None:
            continue
        outlet, rule = told_outlet(art, tok) if tok.i in telling else relaying_outlet(art, tok)
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


def told_outlet(art: ClaimArticle, verb: Token) -> tuple[Token | None, str | None]:
    """The outlet a speech verb of telling names as its object, when it is an outlet and not
    the article's own (see the module docstring)."""
    for child in verb.children:
        if child.dep_ not in AUDIENCE_DEPS:
            continue
        outlet = outlet_named(art, child)
        ent = art.ent_of(outlet) if outlet is not None else None
        if ent is None or any(art.ref.is_a(ent.ent_id_, cls) for cls in NO_OUTLET_CLASSES):
            continue
        if own_outlet(art, ent.ent_id_):
            continue
        return outlet, TOLD
    return None, None


def own_outlet(art: ClaimArticle, iri: str) -> bool:
    """Whether the article is the outlet's own story: its publisher names the outlet ("Shafaq
    News", "AsiaOne (Reuters)", "NG Breaking News (AFP wire)"), as a word of its name."""
    publisher = art.article.publisher or ""
    labels = [art.ref.label(iri), *art.ref.aliases.get(iri, [])]
    return any(
        re.search(r"(?<!\w)" + re.escape(label) + r"(?!\w)", publisher, re.IGNORECASE) for label in labels if label
    )


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
