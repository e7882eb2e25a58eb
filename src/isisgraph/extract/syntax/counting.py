"""How many: the number attached to a noun, and the first number inside a noun phrase.

The numbers of a span (digits, words, "two-dozen", "more than 300") are found once by
:func:`isisgraph.extract.numbers.find_counts`; these functions say which of them counts what.
"""

from __future__ import annotations

from spacy.tokens import Token

from isisgraph.closed_class import INDEFINITE_ARTICLES
from isisgraph.extract.numbers import CountMatch, find_counts
from isisgraph.extract.syntax.tree import phrase_tokens
from isisgraph.lexicons import lexicon

# Nouns of a quantity ("dozens of", "a number of", "a handful of", "a total of 12"): the
# events lexicon's [quantity-nouns], the one list of them
QUANTITY_NOUNS = lexicon("events").quantity_nouns


def is_quantity_noun(token: Token) -> bool:
    """ "dozens", "hundreds", "a number", "a handful": a noun of quantity ([quantity-nouns], by
    lemma or, where the tagger left a plural unlemmatised, by its form less the plural 's')."""
    form = token.lower_
    return token.lemma_.lower() in QUANTITY_NOUNS or form in QUANTITY_NOUNS or (
        form.endswith("s") and form[:-1] in QUANTITY_NOUNS)


def quantity_head(noun: Token) -> Token | None:
    """'dozens of air raids' → 'dozens': the quantity noun counting ``noun`` (not a partitive
    of a definite set: '34 of the raids')."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep":
        return None
    if any(c.dep_ in ("det", "poss") and c.lower_ not in INDEFINITE_ARTICLES for c in noun.children):
        return None
    return prep.head if is_quantity_noun(prep.head) else None


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


def counted_one(noun: Token) -> Token | None:
    """Rule ``syntax.counting.a-is-one``: the indefinite article that counts a singular noun
    as one ("a tribal leader", "an ISIS official"), never that of a noun of quantity ("a
    number of fighters", "a handful of militants", "a total of 12 terrorists": the events
    lexicon's [quantity-nouns]), which counts nothing or leaves the count to its number."""
    if noun.tag_ != "NN" or is_quantity_noun(noun):
        return None
    return next((c for c in noun.children if c.dep_ == "det" and c.lower_ in INDEFINITE_ARTICLES), None)


def count_in_phrase(heads: list[Token], single: bool = False) -> CountMatch | None:
    """The first number inside the noun phrases of ``heads`` ("five members of the group",
    "dozens of fighters", "a total of 12 terrorists"); with ``single``, "a tribal leader"
    counts one (``counted_one``; "a number of fighters" counts nothing)."""
    for head in heads:
        det = counted_one(head) if single and len(heads) == 1 else None
        if det is not None:
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
