"""Aircraft and munition words: what a token names when the strikes are told of a plane or a
bomb rather than a force ("RAF Typhoons struck", "a Paveway IV guided bomb was used")."""

from __future__ import annotations

from spacy.tokens import Token

from isisgraph.extract.strikes.lexicon import (
    AIRCRAFT_DESIGNATOR,
    AIRCRAFT_NOUNS,
    MUNITION_NOUNS,
    RELEASE_VERBS,
    UNKNOWN_STRIKER,
)
from isisgraph.extract.syntax.units import in_headline


def aircraft_word(tok: Token) -> str | None:
    """The aircraft noun a token is, singular ('Typhoons' → 'typhoon', 'F-16s' → 'f-16'), or
    None. A designator's lower-case 's' after its number or variant letter is a plural
    ('F-16s', 'F/A-18Fs'); an upper-case one is a variant ('Su-35S')."""
    for form in (tok.lemma_.lower(), tok.lower_, tok.lower_.removesuffix("s")):
        if form in AIRCRAFT_NOUNS:
            return form
    text = tok.text
    plural = len(text) > 2 and text.endswith("s") and (text[-2].isdigit() or text[-2].isupper())
    designator = (text[:-1] if plural else text).lower()
    return designator if AIRCRAFT_DESIGNATOR.match(designator) else None


def unidentified_aircraft(noun: Token) -> bool:
    """'Unidentified aircraft struck ...': strikes whose text says the striker is unknown."""
    return aircraft_word(noun) is not None and any(
        c.lower_ in UNKNOWN_STRIKER for c in noun.children)


def is_munition(noun: Token) -> bool:
    """'a Paveway IV guided bomb', 'a Hellfire missile': a weapon named as the subject; a
    title's plural the tagger reads as a name, whose lemma keeps its -s ('80K Pounds of
    Bombs')."""
    words = [noun] + [c for c in noun.children if c.dep_ in ("compound", "amod")]
    return any(form in MUNITION_NOUNS for w in words
               for form in (w.lemma_.lower(), w.lower_, w.lower_.removesuffix("s")))


def releases_munition(verb: Token) -> bool:
    """'dropped the first Dutch bombs', 'fired several precision bombs', a headline's 'First
    Dutch bombs dropped on ISIS targets': a release verb whose object, or whose subject in the
    passive or a headline's reduced passive, is a munition (dev: NL Times 2014, TASS 2015,
    French MoD 2020)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in RELEASE_VERBS:
        return False
    passive = verb.tag_ == "VBN" or in_headline(verb) or any(
        c.dep_ == "auxpass" for c in verb.children)
    deps = ("dobj", "nsubjpass", "nsubj") if passive else ("dobj",)
    return any(c.dep_ in deps and (is_munition(c) or munition_measured(c))
               for c in verb.children)


def munition_measured(noun: Token) -> bool:
    """'80,000 pounds of bombs', 'a pair of Brimstone missiles': a measure or a group whose
    'of' names munitions is those munitions (Air & Space Forces 2019, 'US fighters dropped
    almost 80,000 pounds of bombs'; L'Europeenne 2017, 'dropped 354 bombs')."""
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(
        g.dep_ == "pobj" and is_munition(g) for g in p.children) for p in noun.children)
