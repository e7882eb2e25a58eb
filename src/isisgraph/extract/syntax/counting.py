"""How many: the number attached to a noun, and the first number inside a noun phrase.

The numbers of a span (digits, words, "two-dozen", "more than 300") are found once by
:func:`isisgraph.extract.numbers.find_counts`; these functions say which of them counts what.
"""

from __future__ import annotations

from spacy.tokens import Token

from isisgraph.closed_class import INDEFINITE_ARTICLES, QUANTITY_NOUNS
from isisgraph.extract.numbers import CountMatch, find_counts
from isisgraph.extract.syntax.tree import phrase_tokens


def quantity_head(noun: Token) -> Token | None:
    """'dozens of air raids' → 'dozens': the quantity noun counting ``noun`` (not a partitive
    of a definite set: '34 of the raids')."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep":
        return None
    if any(c.dep_ in ("det", "poss") and c.lower_ not in INDEFINITE_ARTICLES for c in noun.children):
        return None
    return prep.head if prep.head.lower_ in QUANTITY_NOUNS else None


def count_of(noun: Token, counts: list[CountMatch]) -> CountMatch | None:
    """The number attached to ``noun`` ("28 strikes", "two-dozen airstrikes", "dozens of
    air raids"), among the ``counts`` of its sentence; never a number after it ("strikes in
    5 towns") or of another noun."""
    quantity = quantity_head(noun)
    for count in counts:
        head = count.head
        if quantity is not None and head == quantity:
            return count
        if count.span.end <= noun.i + 1 and (head.head == noun or head == noun or (
            head.head.head == noun and head.head.dep_ in ("compound", "nummod")
        )):
            return count
    return None


def count_in_phrase(heads: list[Token], single: bool = False) -> CountMatch | None:
    """The first number inside the noun phrases of ``heads`` ("five members of the group",
    "dozens of fighters"); with ``single``, "a tribal leader" counts one."""
    for head in heads:
        if single and head.tag_ in ("NN",) and any(
            c.dep_ == "det" and c.lower_ in INDEFINITE_ARTICLES for c in head.children
        ) and len(heads) == 1:
            det = next(c for c in head.children if c.dep_ == "det")
            return CountMatch(head.doc[det.i: det.i + 1], 1, "exact")
        phrase = phrase_tokens(head)
        if not phrase:
            continue
        counts = find_counts(phrase[0].doc[phrase[0].i: phrase[-1].i + 1])
        for count in counts:
            if count.unit is None and {t.i for t in count.span} & {t.i for t in phrase}:
                return count
        if head.pos_ == "NUM" or head.like_num:
            counts = find_counts([head])
            if counts:
                return counts[0]
    return None
