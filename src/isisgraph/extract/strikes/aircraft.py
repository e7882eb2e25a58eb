"""Aircraft and munition words: what a token names when the strikes are told of a plane or a
bomb rather than a force ("RAF Typhoons struck", "a Paveway IV guided bomb was used")."""

from __future__ import annotations

from spacy.tokens import Token

from isisgraph.extract.strikes.lexicon import AIRCRAFT_DESIGNATOR, AIRCRAFT_NOUNS, MUNITION_NOUNS, UNKNOWN_STRIKER


def aircraft_word(tok: Token) -> str | None:
    """The aircraft noun a token is, singular ('Typhoons' → 'typhoon'), or None."""
    for form in (tok.lemma_.lower(), tok.lower_, tok.lower_.removesuffix("s")):
        if form in AIRCRAFT_NOUNS or AIRCRAFT_DESIGNATOR.match(form):
            return form
    return None


def unidentified_aircraft(noun: Token) -> bool:
    """'Unidentified aircraft struck ...': strikes whose text says the striker is unknown."""
    return aircraft_word(noun) is not None and any(
        c.lower_ in UNKNOWN_STRIKER for c in noun.children)


def is_munition(noun: Token) -> bool:
    """'a Paveway IV guided bomb', 'a Hellfire missile': a weapon named as the subject."""
    words = [noun] + [c for c in noun.children if c.dep_ in ("compound", "amod")]
    return any(w.lemma_.lower() in MUNITION_NOUNS or w.lower_ in MUNITION_NOUNS for w in words)
