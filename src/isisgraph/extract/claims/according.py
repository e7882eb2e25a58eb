"""Attributions with "according to":

- ``claims.according-to.speaker``: "according to X", where X names a speaker ("Of the 1,500 or
  so Europeans who went to fight for Islamic State, at least 1,200 have returned to their home
  countries, according to the European Union.");
- ``claims.according-to.statement``: "according to a statement ...", where the statement's
  issuer speaks (:mod:`.statements`) through its channel ("The US-led operation "conducted
  250 strikes ...," according to a statement it released to media on Tuesday").

The channel is ``according-to`` unless a statement names its own; the date is one written in
the phrase ("according to a statement it released on Tuesday").
"""

from __future__ import annotations

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.extract.claims.article import ClaimArticle, Found, Speaker
from isisgraph.extract.claims.attribution import Attribution, make_claim
from isisgraph.extract.claims.dates import claim_date
from isisgraph.extract.claims.sources import STATE_MEDIA
from isisgraph.extract.claims.speakers import resolve
from isisgraph.extract.claims.statements import issuer
from isisgraph.extract.shared import tokens_of

TO_SPEAKER = "claims.according-to.speaker"
TO_STATEMENT = "claims.according-to.statement"


def is_according_to(art: ClaimArticle, tok: Token, sent: DocSpan) -> bool:
    """Whether a token starts "according to" outside quotation marks."""
    return (
        tok.lower_ == "according"
        and tok.i + 1 < sent.end
        and art.doc[tok.i + 1].lower_ == "to"
        and art.in_quote(tok) is None
    )


def claims_according_to(art: ClaimArticle, index: int, sent: DocSpan, according: Token) -> list[Found]:
    """The claims of "according to X" in sentence unit ``index``: one per speaker X names."""
    doc = art.doc
    to = doc[according.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"] or ([doc[to.i + 1]] if to.i + 1 < sent.end else [])
    if not objs:
        return []
    obj = objs[0]
    while (
        obj.dep_ != "pobj"
        and obj.head != obj
        and obj.head.i > to.i
        and obj.head.i < sent.end
        and obj.pos_ not in ("NOUN", "PROPN")
    ):
        obj = obj.head
    channel = "according-to"
    speakers: list[Speaker]
    noun = obj.lemma_.lower()
    if noun in art.lexicon.nouns:
        channel, rule = art.lexicon.nouns[noun], TO_STATEMENT
        speakers = issuer(art, obj, index, resolve)
    else:
        rule = TO_SPEAKER
        speakers = resolve(art, obj, index) + conjunct_speakers(art, obj, index)
    if not speakers:
        return []
    attribution = [t for t in according.subtree] or [according]
    if to not in attribution:
        attribution += [t for t in to.subtree]
    when, fallback = claim_date(art, sent, attribution, according.text + " " + to.text)
    speaker_ids = {t.i for t in attribution}
    content = [t for t in tokens_of(sent) if t.i not in speaker_ids]
    said = Attribution(according, rule, channel, when, fallback, content)
    return [make_claim(art, index, sent, said, speaker) for speaker in speakers]


def conjunct_speakers(art: ClaimArticle, obj: Token, index: int) -> list[Speaker]:
    """``claims.according-to.speaker`` of each conjunct after the first: "according to the
    Pentagon and Syria's state news agency" (dev h_newser: SANA besides the Pentagon),
    "according to the SDF and the coalition". A conjunct speaks when it names its speaker or
    is a state's media the phrase names ("Syria's state news agency"); one inferred from the
    context alone ("according to residents and officials") is left out."""
    out: list[Speaker] = []
    for conj in obj.conjuncts:
        if conj.i < obj.i or art.in_quote(conj) is not None or conj.pos_ not in ("NOUN", "PROPN"):
            continue
        for speaker in resolve(art, conj, index):
            if speaker.how in ("actor", "person", "surname") or speaker.rule == STATE_MEDIA:
                out.append(speaker)
    return out
