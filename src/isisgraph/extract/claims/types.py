"""The type of a claim, a concept of the ``claim-type`` scheme: the first of these whose cues the
claim's words (its sentence outside the speaker's phrase, and its quote) carry:

- ``claims.types.responsibility``: "claim" with a claimed noun, or a responsibility cue of the
  scheme ("Islamic State claimed responsibility for the bombing");
- ``claims.types.victory-declaration``: a declaring verb with a victory cue, or "declare
  victory" anywhere ("The SDF announced the complete liberation of Hajin");
- ``claims.types.denial``: "deny" or a denial cue;
- ``claims.types.reported-belief``: an assessment when the reported verb is one of belief or fear
  ("said they don't fear a resurgence": a judgement, not a warning);
- ``claims.types.warning``: "warn", "caution" or a warning cue ("The U.N. warned that up to
  10,000 fighters remain at large");
- ``claims.types.figure``: a percentage, a number of 100 or more, or a count of something the
  measure, target-type or strike lexicons name ("12 strikes", "55,670 SQ KM"; "two sides" is
  not);
- ``claims.types.assessment``: an analyst's or expert's words, a verb of belief, or an
  evaluative cue ("said Hisham al-Hashimi, an Iraqi security analyst");
- else a plain statement.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from isisgraph.extract.claims.article import ClaimArticle, Speaker
from isisgraph.extract.claims.lexicon import (
    ANALYST_ROLES,
    ASSESSMENT_VERBS,
    CLAIMED_NOUNS,
    CLAIMING_VERBS,
    COUNTABLE_NOUNS,
    DECLARING_VERBS,
    DENYING_VERBS,
    VICTORY_PHRASES,
    WARNING_VERBS,
)
from isisgraph.extract.numbers import CountMatch, find_counts

if TYPE_CHECKING:
    from isisgraph.reference import Reference

VICTORY_SEQUENCES = [tuple(phrase.split()) for phrase in VICTORY_PHRASES.ordered]


def claim_type(art: ClaimArticle, verb: Token | None, content: list[Token], speaker: Speaker) -> str:
    """The claim-type concept of a claim (see the module docstring); ``verb`` is its speech
    verb, None for "according to"."""
    cues = art.lexicon.type_cues
    verb_lemma = verb.lemma_.lower() if verb is not None else "say"
    lemma_set = {t.lemma_.lower() for t in content}
    reported_roots = (
        {c.lemma_.lower() for c in verb.children if c.dep_ in ("ccomp", "xcomp")} if verb is not None else set()
    )
    if (
        verb_lemma in CLAIMING_VERBS
        and (lemma_set & CLAIMED_NOUNS)
        or any_cue(content, cues.get("responsibility", []))
    ):
        return "responsibility"
    declaring = verb_lemma in DECLARING_VERBS
    if declaring and any_cue(content, cues.get("victory-declaration", [])) or any_cue(content, VICTORY_SEQUENCES):
        return "victory-declaration"
    if verb_lemma in DENYING_VERBS or any_cue(content, cues.get("denial", [])):
        return "denial"
    if reported_roots & ASSESSMENT_VERBS:
        return "assessment"
    if verb_lemma in WARNING_VERBS or any_cue(content, cues.get("warning", [])):
        return "warning"
    if any(is_figure_count(art, c) for c in find_counts(list(content))):
        return "figure"
    role = (speaker.person.role or "").lower() if speaker.person else ""
    if (
        any(word in role.split() for word in ANALYST_ROLES)
        or verb_lemma in ASSESSMENT_VERBS
        or lemma_set & ASSESSMENT_VERBS
        or any_cue(content, cues.get("assessment", []))
    ):
        return "assessment"
    return "statement"


def is_figure_count(art: ClaimArticle, count: CountMatch) -> bool:
    """A count that states a figure: a percentage, a count of something the measure,
    target-type or strike lexicons name, or a large number ("two sides" is not)."""
    if count.unit == "percent" or count.value >= 100:
        return True
    if art.countable_nouns is None:
        art.countable_nouns = countable_nouns(art.ref)
    noun = count.head.head
    return noun.lemma_.lower() in art.countable_nouns or noun.lower_ in art.countable_nouns


def countable_nouns(ref: Reference) -> set[str]:
    """The ``countable-nouns`` and the last words of the measure and target-type schemes'
    labels (with their singulars): what makes a number in a claim a figure."""
    words = set(COUNTABLE_NOUNS)
    for scheme in ("measure", "target-type"):
        for concept in ref.scheme(scheme).values():
            for label in concept.labels:
                last = label.lower().split()[-1]
                words.add(last)
                words.add(last[:-1] if last.endswith("s") else last)
    return words


def any_cue(tokens: Sequence[Token], sequences: list[tuple[str, ...]]) -> bool:
    """Whether one of the word sequences occurs in the tokens, each word matching a token's
    lower form or lemma ("declare victory" matches "declared victory")."""
    forms = [(t.lower_, t.lemma_.lower()) for t in tokens]
    present = {form for pair in forms for form in pair}
    # a sequence with a word no token has cannot match: most are ruled out by a set lookup
    return any(_matches_forms(forms, words) for words in sequences if present.issuperset(words))


def _matches_forms(forms: list[tuple[str, str]], words: tuple[str, ...]) -> bool:
    n = len(words)
    if n == 0:
        return False
    return any(all(words[k] in forms[i + k] for k in range(n)) for i in range(len(forms) - n + 1))
