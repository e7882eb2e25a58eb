"""strikes.count.*: count reports, on hand-built parses (tests/parses.py)."""

from __future__ import annotations

import datetime as dt

from strikes_support import actor, place, reports, rules

from isisgraph.extract.strikes.count import COUNTED, ELLIPTICAL, ENGAGEMENTS, RELEASE_LINE, SINGLE, UNCOUNTED
from isisgraph.extract.strikes.parts import PART_OF

JAN_13 = dt.date(2017, 1, 13)

CONDUCTED = """
        The        the        DET    DT   2  det
        coalition  coalition  NOUN   NN   3  nsubj   B-ACTOR  actor/cjtf-oir
        conducted  conduct    VERB   VBD  0  ROOT
        28         28         NUM    CD   5  nummod
        strikes    strike     NOUN   NNS  3  dobj
        in         in         ADP    IN   5  prep
        Iraq       Iraq       PROPN  NNP  6  pobj    B-PLACE  place/iraq
        on         on         ADP    IN   3  prep
        Monday     Monday     PROPN  NNP  8  pobj
        .          .          PUNCT  .    3  punct
"""
WOULD_CONDUCT = """
        The        the        DET    DT   2  det
        coalition  coalition  NOUN   NN   4  nsubj   B-ACTOR  actor/cjtf-oir
        would      would      AUX    MD   4  aux
        conduct    conduct    VERB   VB   0  ROOT
        28         28         NUM    CD   6  nummod
        strikes    strike     NOUN   NNS  4  dobj
        in         in         ADP    IN   6  prep
        Iraq       Iraq       PROPN  NNP  7  pobj    B-PLACE  place/iraq
        on         on         ADP    IN   4  prep
        Monday     Monday     PROPN  NNP  9  pobj
        .          .          PUNCT  .    4  punct
"""
HUNGER_STRIKES = """
        Teachers  teacher  NOUN   NNS  2  nsubj
        held      hold     VERB   VBD  0  ROOT
        28        28       NUM    CD   5  nummod
        hunger    hunger   NOUN   NN   5  compound
        strikes   strike   NOUN   NNS  2  dobj
        in        in       ADP    IN   2  prep
        Iraq      Iraq     PROPN  NNP  6  pobj      B-PLACE  place/iraq
        on        on       ADP    IN   2  prep
        Monday    Monday   PROPN  NNP  8  pobj
        .         .        PUNCT  .    2  punct
"""


def test_strikes_count_counted_fires_on_a_conducted_count() -> None:
    [report] = reports(CONDUCTED, JAN_13)
    assert report.extractor == COUNTED
    assert (report.strike_count, report.count_qualifier) == (28, "exact")
    assert report.perpetrators == [actor("cjtf-oir")] and report.countries == [place("iraq")]
    assert report.when is not None and report.when.start == dt.date(2017, 1, 9)  # the Monday before


def test_strikes_count_counted_not_when_modal() -> None:
    assert reports(WOULD_CONDUCT, JAN_13) == []


def test_strikes_count_counted_not_for_hunger_strikes() -> None:
    assert reports(HUNGER_STRIKES, JAN_13) == []


A_US_AIRSTRIKE = """
        A          a          DET    DT   3   det
        U.S.       U.S.       PROPN  NNP  3   compound  B-ACTOR  actor/us
        airstrike  airstrike  NOUN   NN   4   nsubj
        killed     kill       VERB   VBD  0   ROOT
        five       five       NUM    CD   7   nummod
        ISIS       isis       NOUN   NN   7   compound  B-ACTOR  actor/isis
        fighters   fighter    NOUN   NNS  4   dobj
        near       near       ADP    IN   4   prep
        Mosul      Mosul      PROPN  NNP  8   pobj      B-PLACE  place/mosul
        on         on         ADP    IN   4   prep
        Monday     Monday     PROPN  NNP  10  pobj
        .          .          PUNCT  .    4   punct
"""
THE_AIRSTRIKE = """
        The        the        DET    DT   2  det
        airstrike  airstrike  NOUN   NN   3  nsubj
        killed     kill       VERB   VBD  0  ROOT
        five       five       NUM    CD   6  nummod
        ISIS       isis       NOUN   NN   6  compound  B-ACTOR  actor/isis
        fighters   fighter    NOUN   NNS  3  dobj
        near       near       ADP    IN   3  prep
        Mosul      Mosul      PROPN  NNP  7  pobj      B-PLACE  place/mosul
        on         on         ADP    IN   3  prep
        Monday     Monday     PROPN  NNP  9  pobj
        .          .          PUNCT  .    3  punct
"""


def test_strikes_count_single_fires_on_an_airstrike_with_actor_and_day() -> None:
    [report] = reports(A_US_AIRSTRIKE, dt.date(2016, 3, 24))
    assert report.extractor == SINGLE
    assert (report.strike_count, report.killed_count) == (1, 5)
    assert report.perpetrators == [actor("us")] and report.locations == [place("mosul")]


def test_strikes_count_single_not_for_a_definite_back_reference() -> None:
    assert reports(THE_AIRSTRIKE, dt.date(2016, 3, 24)) == []


RELEASE = """
        On         on         ADP    IN   7   prep
        Jan.       Jan.       PROPN  NNP  1   pobj
        12         12         NUM    CD   2   nummod
        ,          ,          PUNCT  ,    7   punct
        the        the        DET    DT   6   det
        coalition  coalition  NOUN   NN   7   nsubj   B-ACTOR  actor/cjtf-oir
        conducted  conduct    VERB   VBD  0   ROOT
        11         11         NUM    CD   9   nummod
        strikes    strike     NOUN   NNS  7   dobj
        in         in         ADP    IN   9   prep
        Iraq       Iraq       PROPN  NNP  10  pobj    B-PLACE  place/iraq
        .          .          PUNCT  .    7   punct
        An         an         DET    DT   14  det
        airstrike  airstrike  NOUN   NN   17  nsubj
        near       near       ADP    IN   14  prep
        Mosul      Mosul      PROPN  NNP  15  pobj    B-PLACE  place/mosul
        destroyed  destroy    VERB   VBD  0   ROOT
        a          a          DET    DT   19  det
        vehicle    vehicle    NOUN   NN   17  dobj
        .          .          PUNCT  .    17  punct
"""
LINE_ALONE = """
        An         an         DET    DT   2  det
        airstrike  airstrike  NOUN   NN   5  nsubj
        near       near       ADP    IN   2  prep
        Mosul      Mosul      PROPN  NNP  3  pobj   B-PLACE  place/mosul
        destroyed  destroy    VERB   VBD  0  ROOT
        a          a          DET    DT   7  det
        vehicle    vehicle    NOUN   NN   5  dobj
        .          .          PUNCT  .    5  punct
"""


def test_strikes_count_release_line_fires_as_a_part_of_the_total_above() -> None:
    total, line = reports(RELEASE, JAN_13)
    assert line.extractor.startswith(RELEASE_LINE + "+" + PART_OF)
    assert line.part_of == total.key and line.perpetrators == total.perpetrators


def test_strikes_count_release_line_kept_without_a_total() -> None:
    [line] = reports(LINE_ALONE, JAN_13)  # a strike the text states, its who and when open
    assert line.extractor == RELEASE_LINE + "+strikes.context.period-from-publication"
    assert line.part_of is None and line.perpetrators == [] and line.strike_count == 1


UNCOUNTED_HIT = """
        Coalition  coalition  NOUN   NN   2   compound  B-ACTOR  actor/cjtf-oir
        strikes    strike     NOUN   NNS  3   nsubj
        destroyed  destroy    VERB   VBD  0   ROOT
        15         15         NUM    CD   5   nummod
        vehicles   vehicle    NOUN   NNS  3   dobj
        in         in         ADP    IN   5   prep
        Iraq       Iraq       PROPN  NNP  6   pobj      B-PLACE  place/iraq
        over       over       ADP    IN   3   prep
        the        the        DET    DT   10  det
        weekend    weekend    NOUN   NN   8   pobj
        .          .          PUNCT  .    3   punct
"""
UNCOUNTED_NOTHING_HIT = """
        Coalition  coalition  NOUN   NN   2  compound  B-ACTOR  actor/cjtf-oir
        strikes    strike     NOUN   NNS  3  nsubj
        hit        hit        VERB   VBD  0  ROOT
        Iraq       Iraq       PROPN  NNP  3  dobj      B-PLACE  place/iraq
        over       over       ADP    IN   3  prep
        the        the        DET    DT   7  det
        weekend    weekend    NOUN   NN   5  pobj
        .          .          PUNCT  .    3  punct
"""


def test_strikes_count_uncounted_fires_with_actor_day_and_target() -> None:
    [report] = reports(UNCOUNTED_HIT, JAN_13)
    assert report.extractor == UNCOUNTED
    assert (report.strike_count, report.count_qualifier) == (1, "atLeast")
    assert [(t.target_type, t.quantity) for t in report.targets] == [("vehicle", 15)]


def test_strikes_count_uncounted_not_when_nothing_is_hit() -> None:
    assert reports(UNCOUNTED_NOTHING_HIT, JAN_13) == []


ELLIPSIS = """
        The        the        DET    DT   2   det
        coalition  coalition  NOUN   NN   3   nsubj   B-ACTOR  actor/cjtf-oir
        conducted  conduct    VERB   VBD  0   ROOT
        17         17         NUM    CD   5   nummod
        strikes    strike     NOUN   NNS  3   dobj
        in         in         ADP    IN   3   prep
        Syria      Syria      PROPN  NNP  6   pobj    B-PLACE  place/syria
        and        and        CCONJ  CC   3   cc
        6          6          NUM    CD   3   conj
        in         in         ADP    IN   9   prep
        Iraq       Iraq       PROPN  NNP  10  pobj    B-PLACE  place/iraq
        on         on         ADP    IN   3   prep
        Monday     Monday     PROPN  NNP  12  pobj
        .          .          PUNCT  .    3   punct
"""


def test_strikes_count_elliptical_fires_on_a_bare_coordinated_number() -> None:
    syria, iraq = reports(ELLIPSIS, JAN_13)
    assert (syria.extractor, iraq.extractor) == (COUNTED, ELLIPTICAL)
    assert (syria.strike_count, syria.countries) == (17, [place("syria")])
    assert (iraq.strike_count, iraq.countries) == (6, [place("iraq")])


def test_strikes_count_elliptical_not_without_a_coordinated_number() -> None:
    assert ELLIPTICAL not in rules(CONDUCTED, JAN_13)


ENGAGEMENTS_ONLY = """
        The          the         DET    DT   2  det
        coalition    coalition   NOUN   NN   3  nsubj   B-ACTOR  actor/cjtf-oir
        conducted    conduct     VERB   VBD  0  ROOT
        398          398         NUM    CD   5  nummod
        engagements  engagement  NOUN   NNS  3  dobj
        in           in          ADP    IN   5  prep
        Iraq         Iraq        PROPN  NNP  6  pobj    B-PLACE  place/iraq
        on           on          ADP    IN   3  prep
        Monday       Monday      PROPN  NNP  8  pobj
        .            .           PUNCT  .    3  punct
"""
PLANNED_ENGAGEMENTS = """
        The          the         DET    DT   2  det
        coalition    coalition   NOUN   NN   3  nsubj   B-ACTOR  actor/cjtf-oir
        planned      plan        VERB   VBD  0  ROOT
        398          398         NUM    CD   5  nummod
        engagements  engagement  NOUN   NNS  3  dobj
        in           in          ADP    IN   5  prep
        Iraq         Iraq        PROPN  NNP  6  pobj    B-PLACE  place/iraq
        on           on          ADP    IN   3  prep
        Monday       Monday      PROPN  NNP  8  pobj
        .            .           PUNCT  .    3  punct
"""


def test_strikes_count_engagements_fires_without_a_strike_count() -> None:
    [report] = reports(ENGAGEMENTS_ONLY, JAN_13)
    assert report.extractor == ENGAGEMENTS
    assert (report.strike_count, report.engagement_count) == (None, 398)


def test_strikes_count_engagements_not_under_a_verb_that_conducts_none() -> None:
    assert reports(PLANNED_ENGAGEMENTS, JAN_13) == []
