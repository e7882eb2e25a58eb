"""The headline: its strikes are a report of their own (a mention, as a caption is), with the
period, countries and force the body's report gives when the headline leaves them out
(``context._from_following``): dev: "Iraqi forces recover bodies of five militants after
airstrike in Hamrin Mountains", "French Rafale jets strike ISIS tunnels in northeastern Iraq",
"UK Launches First Anti-Daesh Air Strikes Since September", "Iraq strikes suspected ISIS cells
in Hamrin Mountains". A headline that only says how the strikes go on ("US Continues Air
Strikes Against ISIL Extremists", "Military airstrikes against ISIL in Syria and Iraq ...
continue", dev; "Coalition intensifies airstrikes on ISIS in Hajin pocket", genre) summarises
the article's reports and is none itself, unless it counts them. A title's verb the tagger
reads as a proper noun ("Launches") is read from the word."""

from __future__ import annotations

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.extract.shared import tokens_of
from isisgraph.extract.strikes.lexicon import CONDUCT_VERBS, TREND_VERBS
from isisgraph.extract.syntax.units import in_headline


def _verb_forms(tok: Token) -> set[str]:
    """The forms a title-case word may be a verb's: its lemma, and the word without an -s or
    -es ending (the tagger often reads a title's verb as a proper noun: "Continues")."""
    lower = tok.lower_
    forms = {tok.lemma_.lower(), lower, lower.removesuffix("s"), lower.removesuffix("es")}
    if lower.endswith("ies"):
        forms.add(lower[:-3] + "y")  # "Intensifies"
    return forms


def summary_headline(unit: DocSpan) -> bool:
    """Whether a unit is a headline that tells how strikes go on rather than that they struck."""
    words = tokens_of(unit)
    return bool(words) and in_headline(words[0]) and any(
        _verb_forms(t) & TREND_VERBS for t in words if not t.is_punct)


def title_verb(noun: Token) -> Token | None:
    """'UK Launches First Anti-Daesh Air Strikes Since September', parsed as one noun phrase:
    the headline's conducting verb before the strike noun, read from the word itself."""
    if not in_headline(noun):
        return None
    for tok in noun.doc[max(0, noun.sent.start): noun.i]:
        if _verb_forms(tok) & CONDUCT_VERBS and tok.pos_ in ("VERB", "PROPN", "NOUN"):
            return tok
    return None


def conducting(verb: Token | None) -> bool:
    """Whether a verb conducts strikes ('conducted', and a title's 'Launches')."""
    if verb is None:
        return False
    if verb.lemma_.lower() in CONDUCT_VERBS:
        return True
    return in_headline(verb) and bool(_verb_forms(verb) & CONDUCT_VERBS)
