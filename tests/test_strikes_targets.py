"""Whom strikes hit (ig:targetActor): actors named in the strikes' own object phrase
(strikes.targets via targets.actors_hit), and from the total or the lead
(strikes.context.target-from-*), on hand-built parses."""

from __future__ import annotations

import datetime as dt

from strikes_support import actor, reports

from isisgraph.extract.strikes.context_targets import TARGET_FROM_FRAME, TARGET_FROM_TOTAL

JAN_13 = dt.date(2017, 1, 13)

AGAINST_ISIS_TARGETS = """
        The        the        DET    DT   2   det
        coalition  coalition  NOUN   NN   3   nsubj     B-ACTOR  actor/cjtf-oir
        conducted  conduct    VERB   VBD  0   ROOT
        12         12         NUM    CD   5   nummod
        strikes    strike     NOUN   NNS  3   dobj
        against    against    ADP    IN   5   prep
        ISIS       isis       NOUN   NN   8   compound  B-ACTOR  actor/isis
        targets    target     NOUN   NNS  6   pobj
        near       near       ADP    IN   3   prep
        Mosul      Mosul      PROPN  NNP  9   pobj      B-PLACE  place/mosul
        on         on         ADP    IN   3   prep
        Monday     Monday     PROPN  NNP  11  pobj
        .          .          PUNCT  .    3   punct
"""

FIGHTING_POSITIONS = """
        On         on        ADP    IN   6   prep
        Monday     Monday    PROPN  NNP  1   pobj
        ,          ,         PUNCT  ,    6   punct
        Iraqi      iraqi     ADJ    JJ   5   amod      B-ACTOR  actor/iraqi-air-force
        jets       jet       NOUN   NNS  6   nsubj     I-ACTOR  actor/iraqi-air-force
        struck     strike    VERB   VBD  0   ROOT
        ISIS       isis      NOUN   NN   8   nsubj     B-ACTOR  actor/isis
        fighting   fight     VERB   VBG  9   compound
        positions  position  NOUN   NNS  6   dobj
        near       near      ADP    IN   9   prep
        Hit        Hit       PROPN  NNP  10  pobj      B-PLACE  place/hit
        .          .         PUNCT  .    6   punct
"""

POSSESSIVE = """
        On          on         ADP    IN   6   prep
        Monday      Monday     PROPN  NNP  1   pobj
        ,           ,          PUNCT  ,    6   punct
        the         the        DET    DT   5   det
        coalition   coalition  NOUN   NN   6   nsubj     B-ACTOR  actor/cjtf-oir
        conducted   conduct    VERB   VBD  0   ROOT
        eight       eight      NUM    CD   8   nummod
        strikes     strike     NOUN   NNS  6   dobj
        on          on         ADP    IN   8   prep
        ISIS        ISIS       PROPN  NNP  13  poss      B-ACTOR  actor/isis
        's          's         PART   POS  10  case
        oil         oil        NOUN   NN   13  compound
        facilities  facility   NOUN   NNS  9   pobj
        near        near       ADP    IN   6   prep
        Mosul       Mosul      PROPN  NNP  14  pobj      B-PLACE  place/mosul
        .           .          PUNCT  .    6   punct
"""

TARGETING = """
        On         on         ADP    IN   6   prep
        Tuesday    Tuesday    PROPN  NNP  1   pobj
        ,          ,          PUNCT  ,    6   punct
        coalition  coalition  NOUN   NN   5   compound  B-ACTOR  actor/cjtf-oir
        aircraft   aircraft   NOUN   NN   6   nsubj     I-ACTOR  actor/cjtf-oir
        conducted  conduct    VERB   VBD  0   ROOT
        four       four       NUM    CD   8   nummod
        strikes    strike     NOUN   NNS  6   dobj
        targeting  target     VERB   VBG  8   acl
        Daesh      Daesh      PROPN  NNP  11  compound  B-ACTOR  actor/isis
        positions  position   NOUN   NNS  9   dobj
        near       near       ADP    IN   9   prep
        Mosul      Mosul      PROPN  NNP  12  pobj      B-PLACE  place/mosul
        .          .          PUNCT  .    6   punct
"""

TOWN_ISIS_SEIZED = """
        On         on         ADP    IN   6   prep
        Monday     Monday     PROPN  NNP  1   pobj
        ,          ,          PUNCT  ,    6   punct
        the        the        DET    DT   5   det
        coalition  coalition  NOUN   NN   6   nsubj     B-ACTOR  actor/cjtf-oir
        conducted  conduct    VERB   VBD  0   ROOT
        six        six        NUM    CD   8   nummod
        strikes    strike     NOUN   NNS  6   dobj
        near       near       ADP    IN   8   prep
        Ramadi     Ramadi     PROPN  NNP  9   pobj      B-PLACE  place/ramadi
        ,          ,          PUNCT  ,    10  punct
        a          a          DET    DT   14  det
        town       town       NOUN   NN   14  compound
        ISIS       ISIS       PROPN  NNP  10  appos     B-ACTOR  actor/isis
        seized     seize      VERB   VBN  14  acl
        from       from       ADP    IN   15  prep
        the        the        DET    DT   19  det
        Iraqi      iraqi      ADJ    JJ   19  amod      B-ACTOR  actor/iraqi-army
        army       army       NOUN   NN   16  pobj      I-ACTOR  actor/iraqi-army
        in         in         ADP    IN   15  prep
        May        May        PROPN  NNP  20  pobj
        .          .          PUNCT  .    6   punct
"""

A_VEHICLE = """
        On         on         ADP    IN   6  prep
        Sunday     Sunday     PROPN  NNP  1  pobj
        ,          ,          PUNCT  ,    6  punct
        coalition  coalition  NOUN   NN   5  compound  B-ACTOR  actor/cjtf-oir
        aircraft   aircraft   NOUN   NN   6  nsubj     I-ACTOR  actor/cjtf-oir
        struck     strike     VERB   VBD  0  ROOT
        a          a          DET    DT   8  det
        vehicle    vehicle    NOUN   NN   6  dobj
        near       near       ADP    IN   6  prep
        Mosul      Mosul      PROPN  NNP  9  pobj      B-PLACE  place/mosul
        .          .          PUNCT  .    6  punct
"""

ON_ISIL = """
        Russian    russian   ADJ    JJ   2   amod    B-ACTOR  actor/russian-armed-forces
        warplanes  warplane  NOUN   NNS  3   nsubj   I-ACTOR  actor/russian-armed-forces
        carried    carry     VERB   VBD  0   ROOT
        out        out       ADP    RP   3   prt
        20         20        NUM    CD   6   nummod
        strikes    strike    NOUN   NNS  3   dobj
        on         on        ADP    IN   3   prep
        ISIL       ISIL      PROPN  NNP  7   pobj    B-ACTOR  actor/isis
        near       near      ADP    IN   8   prep
        Palmyra    Palmyra   PROPN  NNP  9   pobj    B-PLACE  place/palmyra
        on         on        ADP    IN   3   prep
        Sunday     Sunday    PROPN  NNP  11  pobj
        .          .         PUNCT  .    3   punct
"""

LEAD_AND_LINE = """
        U.S.        U.S.       PROPN  NNP  5   nmod      B-ACTOR  actor/us
        and         and        CCONJ  CC   1   cc
        coalition   coalition  NOUN   NN   1   conj
        military    military   ADJ    JJ   5   amod
        forces      force      NOUN   NNS  6   nsubj
        continued   continue   VERB   VBD  0   ROOT
        to          to         PART   TO   8   aux
        attack      attack     VERB   VB   6   xcomp
        ISIL        ISIL       PROPN  NNP  10  compound  B-ACTOR  actor/isis
        terrorists  terrorist  NOUN   NNS  8   dobj
        in          in         ADP    IN   10  prep
        Iraq        Iraq       PROPN  NNP  11  pobj      B-PLACE  place/iraq
        ,           ,          PUNCT  ,    8   punct
        conducting  conduct    VERB   VBG  8   advcl
        25          25         NUM    CD   16  nummod
        strikes     strike     NOUN   NNS  14  dobj
        on          on         ADP    IN   14  prep
        Jan.        Jan.       PROPN  NNP  17  pobj
        12          12         NUM    CD   18  nummod
        .           .          PUNCT  .    6   punct
        Near        Near       PROPN  NNP  26  prep
        Mosul       Mosul      PROPN  NNP  21  pobj      B-PLACE  place/mosul
        ,           ,          PUNCT  ,    26  punct
        four        four       NUM    CD   25  nummod
        strikes     strike     NOUN   NNS  26  nsubj
        engaged     engage     VERB   VBD  0   ROOT
        two         two        NUM    CD   29  nummod
        tactical    tactical   ADJ    JJ   29  amod
        units       unit       NOUN   NNS  26  dobj
        .           .          PUNCT  .    26  punct
"""

ENGAGEMENTS_AGAINST = """
        On           on          ADP    IN   6   prep
        Monday       Monday      PROPN  NNP  1   pobj
        ,            ,           PUNCT  ,    6   punct
        the          the         DET    DT   5   det
        coalition    coalition   NOUN   NN   6   nsubj   B-ACTOR  actor/cjtf-oir
        conducted    conduct     VERB   VBD  0   ROOT
        25           25          NUM    CD   8   nummod
        strikes      strike      NOUN   NNS  6   dobj
        consisting   consist     VERB   VBG  8   acl
        of           of          ADP    IN   9   prep
        73           73          NUM    CD   12  nummod
        engagements  engagement  NOUN   NNS  10  pobj
        against      against     ADP    IN   12  prep
        ISIS         isis        NOUN   NN   13  pobj    B-ACTOR  actor/isis
        in           in          ADP    IN   14  prep
        Iraq         Iraq        PROPN  NNP  15  pobj    B-PLACE  place/iraq
        .            .           PUNCT  .    6   punct
"""


def test_strikes_targets_a_group_modifying_a_target_noun() -> None:
    [report] = reports(AGAINST_ISIS_TARGETS, JAN_13)  # "12 strikes against ISIS targets"
    assert report.perpetrators == [actor("cjtf-oir")]
    assert report.target_actors == [actor("isis")]


def test_strikes_targets_the_group_itself_after_on() -> None:
    [report] = reports(ON_ISIL, JAN_13)  # "20 strikes on ISIL near Palmyra"
    assert report.target_actors == [actor("isis")]


def test_strikes_targets_the_object_of_a_strike_verb() -> None:
    # "Iraqi jets struck ISIS fighting positions": the parser makes ISIS the subject of
    # 'fighting', a modifier of the object; it stays inside the struck phrase
    [report] = reports(FIGHTING_POSITIONS, JAN_13)
    assert report.perpetrators == [actor("iraqi-air-force")]
    assert report.target_actors == [actor("isis")]


def test_strikes_targets_a_possessor() -> None:
    [report] = reports(POSSESSIVE, JAN_13)  # "eight strikes on ISIS's oil facilities"
    assert report.target_actors == [actor("isis")]


def test_strikes_targets_a_targeting_participle() -> None:
    [report] = reports(TARGETING, JAN_13)  # "four strikes targeting Daesh positions"
    assert report.target_actors == [actor("isis")]


def test_strikes_targets_not_a_group_named_outside_the_struck_phrase() -> None:
    # "six strikes near Ramadi, a town ISIS seized from the Iraqi army": ISIS and the army
    # are named in the sentence, but neither was struck by the text's word
    [report] = reports(TOWN_ISIS_SEIZED, JAN_13)
    assert report.strike_count == 6 and report.target_actors == []


def test_strikes_targets_not_a_thing_without_an_owner() -> None:
    [report] = reports(A_VEHICLE, JAN_13)  # "coalition aircraft struck a vehicle"
    assert report.target_actors == []
    assert "target-from" not in report.extractor


def test_strikes_targets_from_the_lead_and_from_the_total() -> None:
    # "U.S. and coalition military forces continued to attack ISIL terrorists in Iraq,
    # conducting 25 strikes on Jan. 12. Near Mosul, four strikes engaged two tactical units."
    total, line = reports(LEAD_AND_LINE, JAN_13)
    assert (total.strike_count, line.strike_count) == (25, 4)
    assert total.target_actors == line.target_actors == [actor("isis")]
    assert total.extractor.endswith("+" + TARGET_FROM_FRAME)
    assert line.part_of == total.key and line.extractor.endswith("+" + TARGET_FROM_TOTAL)


def test_strikes_targets_whom_the_engagements_of_the_strikes_hit() -> None:
    # "25 strikes consisting of 73 engagements against ISIS in Iraq"
    [report] = reports(ENGAGEMENTS_AGAINST, JAN_13)
    assert (report.strike_count, report.engagement_count) == (25, 73)
    assert report.target_actors == [actor("isis")]
