"""strikes.partitive.* and strikes.included.*: breakdowns of a count, on hand-built parses."""

from __future__ import annotations

import datetime as dt

from strikes_support import place, reports, rules

from isisgraph.extract.strikes.count import COUNTED
from isisgraph.extract.strikes.included import BARE_NUMBER
from isisgraph.extract.strikes.partitive import ALL_BUT, MOST_OF_THEM, OF_THEM, THE_OTHER

JAN_13 = dt.date(2017, 1, 13)

ALL_BUT_ONE = """
        On         on         ADP    IN   7   prep
        Jan.       Jan.       PROPN  NNP  1   pobj
        12         12         NUM    CD   2   nummod
        ,          ,          PUNCT  ,    7   punct
        the        the        DET    DT   6   det
        coalition  coalition  NOUN   NN   7   nsubj   B-ACTOR  actor/cjtf-oir
        conducted  conduct    VERB   VBD  0   ROOT
        six        six        NUM    CD   9   nummod
        strikes    strike     NOUN   NNS  7   dobj
        in         in         ADP    IN   9   prep
        Iraq       Iraq       PROPN  NNP  10  pobj    B-PLACE  place/iraq
        .          .          PUNCT  .    7   punct
        All        all        PRON   DT   16  nsubj
        but        but        SCONJ  IN   13  cc
        one        one        NUM    CD   14  pobj
        were       be         AUX    VBD  0   ROOT
        near       near       ADP    IN   16  prep
        Mosul      Mosul      PROPN  NNP  17  pobj    B-PLACE  place/mosul
        .          .          PUNCT  .    16  punct
"""
ALL_BUT_ONE_OF_DOZENS = """
        On         on         ADP    IN   7   prep
        Jan.       Jan.       PROPN  NNP  1   pobj
        12         12         NUM    CD   2   nummod
        ,          ,          PUNCT  ,    7   punct
        the        the        DET    DT   6   det
        coalition  coalition  NOUN   NN   7   nsubj   B-ACTOR  actor/cjtf-oir
        conducted  conduct    VERB   VBD  0   ROOT
        dozens     dozen      NOUN   NNS  7   dobj
        of         of         ADP    IN   8   prep
        strikes    strike     NOUN   NNS  9   pobj
        in         in         ADP    IN   10  prep
        Iraq       Iraq       PROPN  NNP  11  pobj    B-PLACE  place/iraq
        .          .          PUNCT  .    7   punct
        All        all        PRON   DT   17  nsubj
        but        but        SCONJ  IN   14  cc
        one        one        NUM    CD   15  pobj
        were       be         AUX    VBD  0   ROOT
        near       near       ADP    IN   17  prep
        Mosul      Mosul      PROPN  NNP  18  pobj    B-PLACE  place/mosul
        .          .          PUNCT  .    17  punct
"""


def test_strikes_partitive_all_but_one_fires_on_an_exact_total() -> None:
    total, rest = reports(ALL_BUT_ONE, JAN_13)
    assert rest.extractor.startswith(ALL_BUT + "+")
    assert (rest.strike_count, rest.locations, rest.part_of) == (5, [place("mosul")], total.key)


def test_strikes_partitive_all_but_one_not_of_a_vague_total() -> None:
    assert rules(ALL_BUT_ONE_OF_DOZENS, JAN_13) == [COUNTED]


TWO_OF_THEM = """
        On         on         ADP    IN   7   prep
        Jan.       Jan.       PROPN  NNP  1   pobj
        12         12         NUM    CD   2   nummod
        ,          ,          PUNCT  ,    7   punct
        the        the        DET    DT   6   det
        coalition  coalition  NOUN   NN   7   nsubj   B-ACTOR  actor/cjtf-oir
        conducted  conduct    VERB   VBD  0   ROOT
        six        six        NUM    CD   9   nummod
        strikes    strike     NOUN   NNS  7   dobj
        in         in         ADP    IN   7   prep
        Iraq       Iraq       PROPN  NNP  10  pobj    B-PLACE  place/iraq
        .          .          PUNCT  .    7   punct
        Two        two        NUM    CD   16  nsubj
        of         of         ADP    IN   13  prep
        them       they       PRON   PRP  14  pobj
        were       be         AUX    VBD  0   ROOT
        near       near       ADP    IN   16  prep
        Mosul      Mosul      PROPN  NNP  17  pobj    B-PLACE  place/mosul
        .          .          PUNCT  .    16  punct
"""
TWO_OF_THEM_IN_THE_COUNTRY = """
        On         on         ADP    IN   7   prep
        Jan.       Jan.       PROPN  NNP  1   pobj
        12         12         NUM    CD   2   nummod
        ,          ,          PUNCT  ,    7   punct
        the        the        DET    DT   6   det
        coalition  coalition  NOUN   NN   7   nsubj   B-ACTOR  actor/cjtf-oir
        conducted  conduct    VERB   VBD  0   ROOT
        six        six        NUM    CD   9   nummod
        strikes    strike     NOUN   NNS  7   dobj
        in         in         ADP    IN   7   prep
        Iraq       Iraq       PROPN  NNP  10  pobj    B-PLACE  place/iraq
        .          .          PUNCT  .    7   punct
        Two        two        NUM    CD   16  nsubj
        of         of         ADP    IN   13  prep
        them       they       PRON   PRP  14  pobj
        were       be         AUX    VBD  0   ROOT
        in         in         ADP    IN   16  prep
        Iraq       Iraq       PROPN  NNP  17  pobj    B-PLACE  place/iraq
        .          .          PUNCT  .    16  punct
"""


def test_strikes_partitive_of_them_fires_with_a_place() -> None:
    total, part = reports(TWO_OF_THEM, JAN_13)
    assert part.extractor.startswith(OF_THEM + "+")
    assert (part.strike_count, part.locations, part.part_of) == (2, [place("mosul")], total.key)


def test_strikes_partitive_of_them_not_without_a_located_place() -> None:
    assert rules(TWO_OF_THEM_IN_THE_COUNTRY, JAN_13) == [COUNTED]


THE_OTHER_FIVE = """
        On         on         ADP    IN   7   prep
        Jan.       Jan.       PROPN  NNP  1   pobj
        12         12         NUM    CD   2   nummod
        ,          ,          PUNCT  ,    7   punct
        the        the        DET    DT   6   det
        coalition  coalition  NOUN   NN   7   nsubj   B-ACTOR  actor/cjtf-oir
        conducted  conduct    VERB   VBD  0   ROOT
        six        six        NUM    CD   9   nummod
        strikes    strike     NOUN   NNS  7   dobj
        in         in         ADP    IN   7   prep
        Iraq       Iraq       PROPN  NNP  10  pobj    B-PLACE  place/iraq
        .          .          PUNCT  .    7   punct
        One        one        NUM    CD   16  nsubj
        of         of         ADP    IN   13  prep
        them       they       PRON   PRP  14  pobj
        was        be         AUX    VBD  0   ROOT
        near       near       ADP    IN   16  prep
        Mosul      Mosul      PROPN  NNP  17  pobj    B-PLACE  place/mosul
        .          .          PUNCT  .    16  punct
        The        the        DET    DT   22  det
        other      other      ADJ    JJ   22  amod
        five       five       NUM    CD   23  nsubj
        were       be         AUX    VBD  0   ROOT
        near       near       ADP    IN   23  prep
        Hawija     Hawija     PROPN  NNP  24  pobj    B-PLACE  place/hawija
        .          .          PUNCT  .    23  punct
"""


def test_strikes_partitive_the_other_fires_on_the_rest() -> None:
    total, one, others = reports(THE_OTHER_FIVE, JAN_13)
    assert one.extractor.startswith(OF_THEM + "+") and others.extractor.startswith(THE_OTHER + "+")
    assert (others.strike_count, others.locations, others.part_of) == (5, [place("hawija")], total.key)


def test_strikes_partitive_the_other_not_without_other() -> None:
    assert not any(r.startswith(THE_OTHER) for r in rules(TWO_OF_THEM, JAN_13))


MOST_OF_THEM_LINE = """
        Russian    russian   ADJ    JJ   2   amod      B-ACTOR  actor/russian-armed-forces
        warplanes  warplane  NOUN   NNS  3   nsubj     I-ACTOR  actor/russian-armed-forces
        carried    carry     VERB   VBD  0   ROOT
        out        out       ADP    RP   3   prt
        40         40        NUM    CD   6   nummod
        strikes    strike    NOUN   NNS  3   dobj
        in         in        ADP    IN   3   prep
        Syria      Syria     PROPN  NNP  7   pobj      B-PLACE  place/syria
        on         on        ADP    IN   3   prep
        Friday     Friday    PROPN  NNP  9   pobj
        .          .         PUNCT  .    3   punct
        Most       Most      ADJ    JJS  0   ROOT
        of         of        ADP    IN   12  prep
        them       they      PRON   PRP  13  pobj
        in         in        ADP    IN   12  prep
        or         or        CCONJ  CC   15  cc
        around     around    ADP    IN   15  conj
        Deir       Deir      PROPN  NNP  19  compound  B-PLACE  place/deir-ez-zor
        Ezzour     Ezzour    PROPN  NNP  17  pobj      I-PLACE  place/deir-ez-zor
        .          .         PUNCT  .    12  punct
"""
MOST_OF_THEM_CLAUSE = """
        Russian    russian   ADJ    JJ   2   amod      B-ACTOR  actor/russian-armed-forces
        warplanes  warplane  NOUN   NNS  3   nsubj     I-ACTOR  actor/russian-armed-forces
        carried    carry     VERB   VBD  0   ROOT
        out        out       ADP    RP   3   prt
        40         40        NUM    CD   6   nummod
        strikes    strike    NOUN   NNS  3   dobj
        in         in        ADP    IN   3   prep
        Syria      Syria     PROPN  NNP  7   pobj      B-PLACE  place/syria
        on         on        ADP    IN   3   prep
        Friday     Friday    PROPN  NNP  9   pobj
        ,          ,         PUNCT  ,    3   punct
        most       most      ADJ    JJS  3   npadvmod
        of         of        ADP    IN   12  prep
        them       they      PRON   PRP  13  pobj
        in         in        ADP    IN   12  prep
        or         or        CCONJ  CC   15  cc
        around     around    ADP    IN   15  conj
        Deir       Deir      PROPN  NNP  19  compound  B-PLACE  place/deir-ez-zor
        Ezzour     Ezzour    PROPN  NNP  17  pobj      I-PLACE  place/deir-ez-zor
        .          .         PUNCT  .    3   punct
"""


def test_strikes_partitive_most_of_them_places_the_count_before() -> None:
    [total] = reports(MOST_OF_THEM_LINE, dt.date(2017, 9, 9))
    assert total.extractor == COUNTED + "+" + MOST_OF_THEM
    assert total.locations == [place("deir-ez-zor")] and total.countries == [place("syria")]


def test_strikes_partitive_most_of_them_not_within_the_counting_sentence() -> None:
    # the count's own clause places it: no step changed it
    [total] = reports(MOST_OF_THEM_CLAUSE, dt.date(2017, 9, 9))
    assert total.extractor == COUNTED and total.locations == [place("deir-ez-zor")]


INCLUDING_PLACED = """
        The        the        DET    DT   2   det
        coalition  coalition  NOUN   NN   3   nsubj   B-ACTOR  actor/cjtf-oir
        conducted  conduct    VERB   VBD  0   ROOT
        11         11         NUM    CD   5   nummod
        strikes    strike     NOUN   NNS  3   dobj
        in         in         ADP    IN   5   prep
        Iraq       Iraq       PROPN  NNP  6   pobj    B-PLACE  place/iraq
        on         on         ADP    IN   3   prep
        Wednesday  Wednesday  PROPN  NNP  8   pobj
        ,          ,          PUNCT  ,    3   punct
        including  include    VERB   VBG  3   prep
        three      three      NUM    CD   11  pobj
        near       near       ADP    IN   12  prep
        Makhmour   Makhmour   PROPN  NNP  13  pobj    B-PLACE  place/makhmour
        and        and        CCONJ  CC   12  cc
        two        two        NUM    CD   12  conj
        near       near       ADP    IN   16  prep
        Mosul      Mosul      PROPN  NNP  17  pobj    B-PLACE  place/mosul
        .          .          PUNCT  .    3   punct
"""
INCLUDING_UNPLACED = """
        The        the        DET    DT   2   det
        coalition  coalition  NOUN   NN   3   nsubj   B-ACTOR  actor/cjtf-oir
        conducted  conduct    VERB   VBD  0   ROOT
        11         11         NUM    CD   5   nummod
        strikes    strike     NOUN   NNS  3   dobj
        in         in         ADP    IN   5   prep
        Iraq       Iraq       PROPN  NNP  6   pobj    B-PLACE  place/iraq
        on         on         ADP    IN   3   prep
        Wednesday  Wednesday  PROPN  NNP  8   pobj
        ,          ,          PUNCT  ,    3   punct
        including  include    VERB   VBG  3   prep
        three      three      NUM    CD   11  pobj
        against    against    ADP    IN   12  prep
        ISIS       ISIS       PROPN  NNP  13  pobj    B-ACTOR  actor/isis
        .          .          PUNCT  .    3   punct
"""


def test_strikes_included_bare_number_fires_on_placed_numbers() -> None:
    total, makhmour, mosul = reports(INCLUDING_PLACED, JAN_13)
    assert makhmour.extractor.startswith(BARE_NUMBER + "+") and mosul.extractor.startswith(BARE_NUMBER)
    assert [(r.strike_count, r.locations, r.part_of) for r in (makhmour, mosul)] == [
        (3, [place("makhmour")], total.key), (2, [place("mosul")], total.key)]


def test_strikes_included_bare_number_not_without_place_or_date() -> None:
    assert rules(INCLUDING_UNPLACED, JAN_13) == [COUNTED]
