"""Targets struck in aggregate:

- ``figures.targets-struck.aggregate``: in a sentence of striking (a strike verb or
  "against"), a count of a target type of the ``target-type`` scheme is ``targets-struck``
  with the target type's slug as unit ("The coalition in Syria conducted strikes against
  "346 Daesh tactical units" and "destroyed 104 vehicles."").

Not when the sentence counts strikes ("four strikes destroyed three fighting positions") or
is dated to a day ("destroyed two buildings on March 17"): those targets are the strike
report's. People struck are casualties, the events' business.
"""

from __future__ import annotations

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.extract.dates import find_dates
from isisgraph.extract.figures.article import FigureArticle, Finding
from isisgraph.extract.figures.context import subject_of
from isisgraph.extract.figures.lexicon import STRIKE_NOUNS, STRIKE_VERBS, singular
from isisgraph.extract.numbers import find_counts
from isisgraph.extract.shared import tokens_of
from isisgraph.extract.syntax.tree import nearest_verb

AGGREGATE = "figures.targets-struck.aggregate"


def targets_struck(fa: FigureArticle, value: float, qualifier: str, noun: Token, unit: DocSpan) -> Finding | None:
    """An aggregate count of a target type in a strike sentence (see the module docstring)."""
    target = target_type(fa, noun)
    if target is None:
        return None
    lemmas = {t.lemma_.lower() for t in tokens_of(unit)}
    if not (lemmas & STRIKE_VERBS or any(t.lower_ == "against" for t in tokens_of(unit))):
        return None
    if any(c.head.head.lemma_.lower() in STRIKE_NOUNS for c in find_counts(unit) if c.head is not None):
        return None  # "four strikes destroyed three positions": the strike report's targets
    if any(w.precision == "day" for w in find_dates(unit, fa.article.published)):
        return None  # a dated per-day release: the strike report's targets
    verb = nearest_verb(noun)
    return Finding(AGGREGATE, "targets-struck", value, target, qualifier, noun, verb, subject_of(fa, verb), 0.65)


def target_type(fa: FigureArticle, noun: Token) -> str | None:
    """The target-type slug the noun phrase ends with ("Daesh tactical units" →
    tactical-unit; "vehicle-borne improvised explosive devices" → vbied)."""
    left = noun.left_edge.i
    words = [singular(t.lower_) for t in fa.doc[left : noun.i + 1] if not t.is_punct or t.text == "-"]
    lemma_words = words[:-1] + [noun.lemma_.lower()]
    for label, slug in fa.lexicon.target_labels:
        n = len(label)
        if tuple(words[-n:]) == label or tuple(lemma_words[-n:]) == label:
            return slug
    return None
