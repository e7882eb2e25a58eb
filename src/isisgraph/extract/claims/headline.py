"""The headline's attribution: a title says who claims, declares or reports what in the
present tense, and the tagger, reading Title Case or a verb in a noun's place, often makes the
verb a noun or a name ("ISIS Claims Attack on U.S.-Backed Troops in Syria", The Atlantic;
"Islamic State claims attack on army post in northern Iraq", Reuters; "SDF declare ‘total
elimination’ of ISIS caliphate", Rudaw; "US-backed militant group declares Raqqa free of
Daesh", TRT World), so no speech verb of the parse attributes it.

- ``claims.headline.title-verb``: in a headline (:func:`~isisgraph.extract.syntax.units.in_headline`)
  none of whose speech verbs attributes anything, a word that is a speech verb by its form
  (its lemma, or the word without its -s: the title's present tense), after a phrase that
  names a speaker and before the words it reports, makes the headline the speaker's claim;
  not a verb that speaks only with another ("US Continues Air Strikes Against ISIL", Air Force
  Magazine), nor a word that is also a noun of a medium unless tagged a verb ("Army Post
  Attacked", "Report").
  The speaker is the phrase that ends just before the verb, resolved as any speaker is;
  a headline whose phrase names no one we know ("Government Reports Progress") gives none.

The claim is dated by the publication date (approximate), as a headline states no date of its
own; a claiming verb with a claimed noun makes it a claim of responsibility, a declaring
verb with a victory cue a victory declaration.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.extract.claims.article import ClaimArticle, Found
from isisgraph.extract.claims.attribution import Attribution, make_claim
from isisgraph.extract.claims.dates import claim_date
from isisgraph.extract.claims.lexicon import (
    CLAIMED_NOUNS,
    CLAIMING_VERBS,
    CONTINUING_VERBS,
    DECLARING_VERBS,
    GOING_ON_VERBS,
)
from isisgraph.extract.claims.speakers import resolve
from isisgraph.extract.claims.types import any_cue
from isisgraph.extract.shared import tokens_of
from isisgraph.extract.syntax.units import in_headline
from isisgraph.records import Claim

TITLE_VERB = "claims.headline.title-verb"

SPEAKER_TAGS = ("NOUN", "PROPN")


def verb_forms(tok: Token) -> set[str]:
    """The lemmas a headline's word may be a verb's: its lemma, the word itself and the word
    without an -s or -es ending ("Claims", "declares")."""
    lower = tok.lower_
    return {tok.lemma_.lower(), lower, lower.removesuffix("s"), lower.removesuffix("es")}


def headline_claims(art: ClaimArticle, index: int, sent: DocSpan) -> list[Found]:
    """The claim of a headline's title verb (see the module docstring); empty elsewhere."""
    words = [t for t in tokens_of(sent) if not t.is_space]
    if not words or not in_headline(words[0]):
        return []
    verbs = art.lexicon.verbs
    for position, tok in enumerate(words[1:-1], start=1):
        forms = verb_forms(tok) & set(verbs) - CONTINUING_VERBS - GOING_ON_VERBS  # "US Continues Air Strikes"
        if not forms or art.in_quote(tok) is not None or tok.is_punct or art.ent_of(tok) is not None:
            continue  # a word of a name is not its verb ("Islamic State")
        if tok.pos_ != "VERB" and (forms & set(art.lexicon.nouns) or tok.lower_ in art.lexicon.nouns):
            continue  # a noun of a medium is a verb only when tagged one ("Army Post Attacked")
        before, after = words[position - 1], words[position + 1:]
        if before.pos_ not in SPEAKER_TAGS or art.in_quote(before) is not None:
            continue
        if not any(t.pos_ in ("NOUN", "PROPN") for t in after):
            continue
        speakers = resolve(art, speaker_head(art, before, tok), index)
        if not speakers:
            continue
        lemma = sorted(forms)[0]
        when, fallback = claim_date(art, sent, [tok], tok.text)
        content = list(after)
        said = Attribution(tok, TITLE_VERB, verbs[lemma], when, fallback, content)
        out = [make_claim(art, index, sent, said, speaker) for speaker in speakers]
        return [replace(found, claim=typed(art, found.claim, forms, content)) for found in out]
    return []


def speaker_head(art: ClaimArticle, before: Token, verb: Token) -> Token:
    """The head of the phrase that ends just before the verb: the word itself, or the
    word of the phrase it modifies when that word is not the verb nor after it."""
    head = before
    while head.dep_ in ("compound", "amod", "nmod") and head.head.i < verb.i and head.head != head:
        head = head.head
    return head


def typed(art: ClaimArticle, claim: Claim, forms: set[str], content: list[Token]) -> Claim:
    """A title verb the tagger read as a noun or a name carries no verb lemma: its forms type
    the claim ("ISIS Claims Attack" is a claim of responsibility; "declares Raqqa free of
    Daesh" a victory declaration)."""
    lemmas = {t.lemma_.lower() for t in content} | {t.lower_ for t in content}
    if forms & CLAIMING_VERBS and lemmas & CLAIMED_NOUNS:
        claim.claim_type = "responsibility"
    elif forms & DECLARING_VERBS and any_cue(content, art.lexicon.type_cues.get("victory-declaration", [])):
        claim.claim_type = "victory-declaration"
    return claim
