"""Nouns of quantity have one source, the events lexicon's [quantity-nouns] (data, not a
Python list): the counting layer (``syntax.counting``: "dozens of air raids" counts the raids
through "dozens"; "a number of fighters" is not one fighter) and the event readers read the
same words. Hand-built parses of sentences of our own."""

from __future__ import annotations

from parses import parse

from isisgraph import closed_class
from isisgraph.extract.numbers import find_counts
from isisgraph.extract.syntax import counting
from isisgraph.lexicons import lexicon

# "Jets conducted {quantity} of air raids."
QUANTITY_OF = """
    Jets       jet        NOUN  NNS  2  nsubj
    conducted  conduct    VERB  VBD  0  ROOT
    {quantity}
    of         of         ADP   IN   3  prep
    air        air        NOUN  NN   6  compound
    raids      raid       NOUN  NNS  4  pobj
    .          .          PUNCT .    2  punct
"""


def test_the_lexicon_is_the_one_list_of_quantity_nouns() -> None:
    assert not hasattr(closed_class, "QUANTITY_NOUNS")
    assert counting.QUANTITY_NOUNS is lexicon("events").quantity_nouns


def test_a_quantity_noun_counts_the_noun_after_its_of() -> None:
    # the lemma ("dozens" -> dozen), else the form a tagger left unlemmatised ("hundreds")
    for row in ("dozens dozen NOUN NNS 2 dobj", "hundreds hundreds NOUN NNS 2 dobj",
                "scores score NOUN NNS 2 dobj"):
        doc = parse(QUANTITY_OF.format(quantity=row))
        assert counting.quantity_head(doc[5]) == doc[2], row
        count = counting.count_of(doc[5], find_counts(doc[:]))
        assert count is not None and count.head == doc[2], row


def test_no_quantity_noun_counts_a_partitive_nor_a_noun_of_another_kind() -> None:
    doc = parse(QUANTITY_OF.format(quantity="waves wave NOUN NNS 2 dobj"))
    assert counting.quantity_head(doc[5]) is None
    partitive = parse("""
        Jets       jet        NOUN  NNS  2  nsubj
        conducted  conduct    VERB  VBD  0  ROOT
        dozens     dozen      NOUN  NNS  2  dobj
        of         of         ADP   IN   3  prep
        the        the        DET   DT   6  det
        raids      raid       NOUN  NNS  4  pobj
        .          .          PUNCT .    2  punct
    """)
    assert counting.quantity_head(partitive[5]) is None


# "Police arrested {det} {noun} of militants." / "Police arrested a tribal leader."
ARTICLE_OF = """
    Police     police     NOUN  NNS  2  nsubj
    arrested   arrest     VERB  VBD  0  ROOT
    a          a          DET   DT   4  det
    {noun}
    of         of         ADP   IN   4  prep
    militants  militant   NOUN  NNS  5  pobj
    .          .          PUNCT .    2  punct
"""


def test_the_article_of_a_quantity_noun_counts_nothing() -> None:
    for row in ("number number NOUN NN 2 dobj", "handful handful NOUN NN 2 dobj",
                "dozen dozen NOUN NN 2 dobj"):
        doc = parse(ARTICLE_OF.format(noun=row))
        assert counting.counted_one(doc[3]) is None, row
    doc = parse(ARTICLE_OF.format(noun="leader leader NOUN NN 2 dobj"))
    assert counting.counted_one(doc[3]) == doc[2]
