"""strikes.dated.*: dated strikes told by a verb, on hand-built parses (tests/parses.py)."""

from __future__ import annotations

import datetime as dt

from strikes_support import actor, place, reports

from isisgraph.extract.strikes.dated import MUNITION, OUTCOME_VERB, RELEASE, STRIKE_VERB, TIMES

MARCH_15 = dt.date(2019, 3, 15)

RAF_STRUCK = """
        RAF        RAF       PROPN  NNP   2  compound  B-ACTOR  actor/raf
        Typhoons   Typhoons  PROPN  NNPS  3  nsubj
        struck     strike    VERB   VBD   0  ROOT
        ISIS       isis      NOUN   NN    5  compound  B-ACTOR  actor/isis
        positions  position  NOUN   NNS   3  dobj
        near       near      ADP    IN    3  prep
        Mosul      Mosul     PROPN  NNP   6  pobj      B-PLACE  place/mosul
        on         on        ADP    IN    3  prep
        March      March     PROPN  NNP   8  pobj
        12         12        NUM    CD    9  nummod
        .          .         PUNCT  .     3  punct
"""
ISIS_STRUCK = """
        ISIS    ISIS    PROPN  NNP  2  nsubj   B-ACTOR  actor/isis
        struck  strike  VERB   VBD  0  ROOT
        a       a       DET    DT   4  det
        market  market  NOUN   NN   2  dobj
        near    near    ADP    IN   2  prep
        Mosul   Mosul   PROPN  NNP  5  pobj    B-PLACE  place/mosul
        on      on      ADP    IN   2  prep
        March   March   PROPN  NNP  7  pobj
        12      12      NUM    CD   8  nummod
        .       .       PUNCT  .    2  punct
"""


def test_strikes_dated_strike_verb_fires_on_a_force_striking_on_a_day() -> None:
    [report] = reports(RAF_STRUCK, MARCH_15)
    assert report.extractor == STRIKE_VERB
    assert (report.strike_count, report.count_qualifier) == (1, "atLeast")
    assert report.perpetrators == [actor("raf")] and report.locations == [place("mosul")]
    assert report.when is not None and report.when.start == dt.date(2019, 3, 12)


def test_strikes_dated_strike_verb_not_for_an_armed_group() -> None:
    assert reports(ISIS_STRUCK, MARCH_15) == []


IRAQI_AIRCRAFT_DESTROYED = """
        On         on        ADP    IN   7   prep
        January    January   PROPN  NNP  1   pobj
        7          7         NUM    CD   2   nummod
        ,          ,         PUNCT  ,    7   punct
        Iraqi      iraqi     ADJ    JJ   6   amod      B-ACTOR  actor/iraqi-air-force
        aircraft   aircraft  NOUN   NN   7   nsubj     I-ACTOR  actor/iraqi-air-force
        destroyed  destroy   VERB   VBD  0   ROOT
        three      three     NUM    CD   10  nummod
        rest       rest      NOUN   NN   10  compound
        houses     house     NOUN   NNS  7   dobj
        near       near      ADP    IN   7   prep
        Mosul      Mosul     PROPN  NNP  11  pobj      B-PLACE  place/mosul
        .          .         PUNCT  .    7   punct
"""
ISIS_DESTROYED = """
        On         on       ADP    IN   6   prep
        January    January  PROPN  NNP  1   pobj
        7          7        NUM    CD   2   nummod
        ,          ,        PUNCT  ,    6   punct
        ISIS       ISIS     PROPN  NNP  6   nsubj     B-ACTOR  actor/isis
        destroyed  destroy  VERB   VBD  0   ROOT
        three      three    NUM    CD   9   nummod
        rest       rest     NOUN   NN   9   compound
        houses     house    NOUN   NNS  6   dobj
        near       near     ADP    IN   6   prep
        Mosul      Mosul    PROPN  NNP  10  pobj      B-PLACE  place/mosul
        .          .        PUNCT  .    6   punct
"""


def test_strikes_dated_outcome_verb_fires_for_an_air_force() -> None:
    [report] = reports(IRAQI_AIRCRAFT_DESTROYED, MARCH_15)
    assert report.extractor == OUTCOME_VERB
    assert report.perpetrators == [actor("iraqi-air-force")]
    assert [(t.target_type, t.quantity, t.outcome) for t in report.targets] == [
        ("bed-down-location", 3, "destroyed")]


def test_strikes_dated_outcome_verb_not_for_a_force_without_aircraft() -> None:
    assert reports(ISIS_DESTROYED, MARCH_15) == []


FOURTEEN_TIMES = """
        U.S.       U.S.      PROPN  NNP  3   nmod      B-ACTOR  actor/us-military
        military   military  ADJ    JJ   3   amod      I-ACTOR  actor/us-military
        aircraft   aircraft  NOUN   NN   4   nsubj
        struck     strike    VERB   VBD  0   ROOT
        Islamic    islamic   ADJ    JJ   6   compound  B-ACTOR  actor/isis
        State      State     PROPN  NNP  7   compound  I-ACTOR  actor/isis
        militants  militant  NOUN   NNS  4   dobj
        near       near      ADP    IN   4   prep
        Kobani     Kobani    PROPN  NNP  8   pobj      B-PLACE  place/kobani
        14         14        NUM    CD   11  nummod
        times      time      NOUN   NNS  4   npadvmod
        on         on        ADP    IN   4   prep
        Sunday     Sunday    PROPN  NNP  12  pobj
        .          .         PUNCT  .    4   punct
"""


def test_strikes_dated_times_fires_on_n_times() -> None:
    [report] = reports(FOURTEEN_TIMES, dt.date(2014, 10, 7))
    assert report.extractor == TIMES
    assert (report.strike_count, report.count_qualifier) == (14, "exact")


def test_strikes_dated_times_not_without_times() -> None:
    [report] = reports(RAF_STRUCK, MARCH_15)
    assert report.extractor != TIMES and report.count_qualifier == "atLeast"


PAVEWAY_AFTER_PATROL = """
        On        on        ADP    IN    8   prep
        Tuesday   Tuesday   PROPN  NNP   1   pobj
        12        12        NUM    CD    4   nummod
        March     March     PROPN  NNP   2   appos
        ,         ,         PUNCT  ,     8   punct
        RAF       RAF       PROPN  NNP   7   compound   B-ACTOR  actor/raf
        Typhoons  Typhoons  PROPN  NNPS  8   nsubj
        flew      fly       VERB   VBD   0   ROOT
        a         a         DET    DT    10  det
        patrol    patrol    NOUN   NN    8   dobj
        over      over      ADP    IN    10  prep
        Syria     Syria     PROPN  NNP   11  pobj       B-PLACE  place/syria
        .         .         PUNCT  .     8   punct
        A         a         DET    DT    18  det
        Paveway   Paveway   PROPN  NNP   16  compound
        IV        IV        PROPN  NNP   17  npadvmod
        guided    guide     VERB   VBN   18  amod
        bomb      bomb      NOUN   NN    20  nsubjpass
        was       be        AUX    VBD   20  auxpass
        used      use       VERB   VBN   0   ROOT
        to        to        PART   TO    22  aux
        strike    strike    VERB   VB    20  xcomp
        a         a         DET    DT    24  det
        building  building  NOUN   NN    22  dobj
        near      near      ADP    IN    24  prep
        Baghuz    Baghuz    PROPN  NNP   25  pobj       B-PLACE  place/al-baghouz
        .         .         PUNCT  .     20  punct
"""
PAVEWAY_ALONE = """
        A         a         DET    DT   5   det
        Paveway   Paveway   PROPN  NNP  3   compound
        IV        IV        PROPN  NNP  4   npadvmod
        guided    guide     VERB   VBN  5   amod
        bomb      bomb      NOUN   NN   7   nsubjpass
        was       be        AUX    VBD  7   auxpass
        used      use       VERB   VBN  0   ROOT
        to        to        PART   TO   9   aux
        strike    strike    VERB   VB   7   xcomp
        a         a         DET    DT   11  det
        building  building  NOUN   NN   9   dobj
        near      near      ADP    IN   11  prep
        Baghuz    Baghuz    PROPN  NNP  12  pobj       B-PLACE  place/al-baghouz
        .         .         PUNCT  .    7   punct
"""


def test_strikes_dated_munition_fires_with_the_force_and_day_of_the_paragraph() -> None:
    [report] = reports(PAVEWAY_AFTER_PATROL, MARCH_15)
    assert report.extractor == MUNITION
    assert report.perpetrators == [actor("raf")]
    assert report.when is not None and report.when.start == dt.date(2019, 3, 12)


def test_strikes_dated_munition_not_without_a_force_named_before() -> None:
    assert reports(PAVEWAY_ALONE, MARCH_15) == []


# strikes.dated.release: a force that drops or fires a munition strikes (dev: NL Times 2014,
# TASS 2015, French MoD 2020)
JETS_DROPPED_BOMBS = """
        Two        two        NUM    CD   3   nummod
        Dutch      dutch      ADJ    JJ   3   amod     B-ACTOR  actor/netherlands-armed-forces
        jets       jet        NOUN   NNS  5   nsubj
        today      today      NOUN   NN   5   npadvmod
        dropped    drop       VERB   VBD  0   ROOT
        four       four       NUM    CD   7   nummod
        bombs      bomb       NOUN   NNS  5   dobj
        on         on         ADP    IN   5   prep
        ISIS       isis       NOUN   NN   10  compound B-ACTOR  actor/isis
        targets    target     NOUN   NNS  8   pobj
        in         in         ADP    IN   10  prep
        Iraq       Iraq       PROPN  NNP  11  pobj     B-PLACE  place/iraq
        .          .          PUNCT  .    5   punct
"""
JETS_DROPPED_LEAFLETS = JETS_DROPPED_BOMBS.replace("bombs      bomb ", "leaflets   leaflet")
# "Iraqi strikes dropped to ...": a trend of strikes, no strike told
STRIKES_DROPPED = """
        Iraqi      iraqi      ADJ    JJ   2   amod     B-ACTOR  actor/iraqi-air-force
        strikes    strike     NOUN   NNS  3   nsubj
        dropped    drop       VERB   VBD  0   ROOT
        in         in         ADP    IN   3   prep
        March      March      PROPN  NNP  4   pobj
        .          .          PUNCT  .    3   punct
"""


def test_strikes_dated_release_fires_on_bombs_dropped_by_a_force() -> None:
    [report] = reports(JETS_DROPPED_BOMBS, dt.date(2014, 10, 7))
    assert report.extractor == RELEASE
    # four bombs are not four strikes: at least one
    assert (report.strike_count, report.count_qualifier) == (1, "atLeast")
    assert report.perpetrators == [actor("netherlands-armed-forces")]
    assert report.countries == [place("iraq")]
    assert report.when is not None and report.when.start == dt.date(2014, 10, 7)


def test_strikes_dated_release_not_without_a_munition() -> None:
    assert "leaflets" in JETS_DROPPED_LEAFLETS
    assert reports(JETS_DROPPED_LEAFLETS, dt.date(2014, 10, 7)) == []


def test_strikes_dated_release_not_for_strikes_that_drop() -> None:
    assert [r for r in reports(STRIKES_DROPPED, dt.date(2014, 10, 7))
            if r.extractor.startswith(RELEASE)] == []
