"""The figure rules (figures.<measure>.<rule>) and the context rules that complete a figure
(figures.context.*), each on the hand-built parse it was written for (tests/parses.py), where
it fires and where it must not."""

from __future__ import annotations

import datetime as dt

import pytest
from parses import parse

from isisgraph import reference
from isisgraph.extract.figures import extract_figures
from isisgraph.extract.figures.abroad import NATIONALITY_PLURAL, RETURNED
from isisgraph.extract.figures.context import LAST_ARMED_GROUP, SPEAKER_SIDE, TWO_COUNTRIES
from isisgraph.extract.figures.counting import COORDINATED, COUNTING_VERB
from isisgraph.extract.figures.land import AREA, SHARE_CLEARED, SHARE_OF_LAND
from isisgraph.extract.figures.people import (
    DISPLACED,
    DISPLACED_BY_VERB,
    FIGHTERS,
    FOREIGN_FIGHTERS,
    PEOPLE_LIBERATED,
    TROOPS,
)
from isisgraph.extract.figures.targets import AGGREGATE
from isisgraph.iris import ID
from isisgraph.records import Article

ACTORS = ID + "actor/"
PLACES = ID + "place/"
PUBLISHED = dt.date(2019, 5, 14)


@pytest.fixture(scope="module")
def ref():
    return reference.load()


def figures(ref, table):
    doc = parse(table)
    return extract_figures(doc, Article(id="t", text=doc.text, source="test", published=PUBLISHED), ref)


def only(found):
    assert len(found) == 1, [(f.measure, f.value, f.extractor) for f in found]
    return found[0]


def test_every_rule_names_its_measure():
    for rule in (AREA, SHARE_OF_LAND, SHARE_CLEARED, TROOPS, FIGHTERS, FOREIGN_FIGHTERS, PEOPLE_LIBERATED,
                 DISPLACED, DISPLACED_BY_VERB, NATIONALITY_PLURAL, RETURNED, AGGREGATE, *COUNTING_VERB.values(),
                 *COORDINATED.values()):
        extractor, measure, _ = rule.split(".")
        assert extractor == "figures" and measure in reference.load().scheme("measure"), rule


# ----------------------------------------------------------------------------- figures.territory.*


def test_figures_territory_area(ref):
    figure = only(figures(ref, """
        The      the     DET    DT   2  det
        SDF      SDF     PROPN  NNP  4  nsubj   B-ACTOR     actor/sdf
        has      have    AUX    VBZ  4  aux
        cleared  clear   VERB   VBN  0  ROOT
        12       12      NUM    CD   7  nummod  B-QUANTITY
        square   square  ADJ    JJ   7  amod    I-QUANTITY
        miles    mile    NOUN   NNS  4  dobj    I-QUANTITY
        .        .       PUNCT  .    4  punct
    """))
    assert (figure.extractor, figure.value, figure.unit, figure.subject) == (AREA, 12, "sq-mi", ACTORS + "sdf")


def test_figures_territory_area_not_a_length(ref):
    assert figures(ref, """
        The     the   DET    DT   2  det
        SDF     SDF   PROPN  NNP  3  nsubj     B-ACTOR     actor/sdf
        walked  walk  VERB   VBD  0  ROOT
        12      12    NUM    CD   5  nummod    B-QUANTITY
        miles   mile  NOUN   NNS  3  npadvmod  I-QUANTITY
        .       .     PUNCT  .    3  punct
    """) == []


ISIS_LOST = """
    ISIS       isis       NOUN   NN   2  nsubj   B-ACTOR    actor/isis
    lost       lose       VERB   VBD  0  ROOT
    98         98         NUM    CD   4  nummod  B-PERCENT
    percent    percent    NOUN   NN   2  dobj    I-PERCENT
    of         of         ADP    IN   4  prep
    the        the        DET    DT   7  det
    {noun}
    .          .          PUNCT  .    2  punct
"""


def test_figures_territory_share_of_land(ref):
    figure = only(figures(ref, ISIS_LOST.format(noun="territory  territory  NOUN  NN  5  pobj")))
    assert (figure.extractor, figure.value, figure.unit, figure.subject) == (SHARE_OF_LAND, 98, "percent",
                                                                              ACTORS + "isis")


def test_figures_territory_share_of_land_not_of_people(ref):
    assert figures(ref, ISIS_LOST.format(noun="voters  voter  NOUN  NNS  5  pobj")) == []


CITY_IS = """
    The      the    DET    DT   2  det
    city     city   NOUN   NN   3  nsubj
    is       be     AUX    VBZ  0  ROOT
    90       90     NUM    CD   5  nummod    B-PERCENT
    %        %      NOUN   NN   6  npadvmod  I-PERCENT
    {state}
    .        .      PUNCT  .    3  punct
"""


def test_figures_territory_share_cleared(ref):
    figure = only(figures(ref, CITY_IS.format(state="cleared  clear  VERB  VBN  3  acomp")))
    assert (figure.extractor, figure.value, figure.unit) == (SHARE_CLEARED, 90, "percent")


def test_figures_territory_share_cleared_not_another_state(ref):
    assert figures(ref, CITY_IS.format(state="full  full  ADJ  JJ  3  acomp")) == []


# ----------------------------------------------------------------------------- figures.troops.*


def test_figures_troops_measure_noun(ref):
    figure = only(figures(ref, """
        The     the    DET    DT   2  det
        U.S.    U.S.   PROPN  NNP  3  nsubj   B-ACTOR     actor/us
        keeps   keep   VERB   VBZ  0  ROOT
        2,000   2,000  NUM    CD   5  nummod  B-CARDINAL
        troops  troop  NOUN   NNS  3  dobj
        in      in     ADP    IN   3  prep
        Syria   Syria  PROPN  NNP  6  pobj    B-PLACE     place/syria
        .       .      PUNCT  .    3  punct
    """))
    assert (figure.extractor, figure.value, figure.subject) == (TROOPS, 2000, ACTORS + "us")
    assert figure.locations == [PLACES + "syria"]
    assert (figure.as_of.start, figure.as_of.precision) == (PUBLISHED, "day")  # present tense


def test_figures_troops_measure_noun_not_troops_killed(ref):
    assert figures(ref, """
        Clashes  clash  NOUN   NNS  2  nsubj
        killed   kill   VERB   VBD  0  ROOT
        20       20     NUM    CD   4  nummod  B-CARDINAL
        troops   troop  NOUN   NNS  2  dobj
        .        .      PUNCT  .    2  punct
    """) == []


PENTAGON_HAS = """
    The       the       DET    DT   2   det
    Pentagon  Pentagon  PROPN  NNP  3   nsubj   B-ACTOR     actor/us-military
    has       have      VERB   VBZ  0   ROOT
    2,500     2,500     NUM    CD   5   nummod  B-CARDINAL
    troops    troop     NOUN   NNS  3   dobj
    in        in        ADP    IN   5   prep
    Iraq      Iraq      PROPN  NNP  6   pobj    B-PLACE     place/iraq
    and       and       CCONJ  CC   5   cc
    900       900       NUM    CD   5   {dep}
    in        in        ADP    IN   9   prep
    Syria     Syria     PROPN  NNP  10  pobj    B-PLACE     place/syria
    .         .         PUNCT  .    3   punct
"""


def test_figures_troops_coordinated(ref):
    first, second = figures(ref, PENTAGON_HAS.format(dep="conj"))
    assert (first.extractor, first.value, first.locations) == (TROOPS, 2500, [PLACES + "iraq"])
    assert (second.extractor, second.value, second.locations) == (COORDINATED["troops"], 900, [PLACES + "syria"])
    assert second.subject == ACTORS + "us-military"


def test_figures_troops_coordinated_not_a_number_of_its_own(ref):
    assert [f.value for f in figures(ref, PENTAGON_HAS.format(dep="dep"))] == [2500]


def test_figures_troops_counting_verb(ref):
    figure = only(figures(ref, """
        U.S.       U.S.      PROPN  NNP  2  compound   B-ACTOR     actor/us-military
        troops     troop     NOUN   NNS  4  nsubjpass  I-ACTOR     actor/us-military
        are        be        AUX    VBP  4  auxpass
        estimated  estimate  VERB   VBN  0  ROOT
        at         at        ADP    IN   4  prep
        3,000      3,000     NUM    CD   5  pobj       B-CARDINAL
        .          .         PUNCT  .    4  punct
    """))
    assert (figure.extractor, figure.value, figure.subject) == (COUNTING_VERB["troops"], 3000, ACTORS + "us-military")


def test_figures_troops_counting_verb_not_of_something_else(ref):
    assert figures(ref, """
        The        the       DET    DT   2  det
        cost       cost      NOUN   NN   4  nsubjpass
        is         be        AUX    VBZ  4  auxpass
        estimated  estimate  VERB   VBN  0  ROOT
        at         at        ADP    IN   4  prep
        3,000      3,000     NUM    CD   5  pobj       B-CARDINAL
        .          .         PUNCT  .    4  punct
    """) == []


# ----------------------------------------------------------------------------- figures.fighters.*

ISIS_FIGHTERS_REMAIN = """
    About     about    ADV    RB   2  quantmod  B-CARDINAL
    2,000     2,000    NUM    CD   4  nummod    I-CARDINAL
    ISIS      ISIS     PROPN  NNP  4  compound  B-ACTOR     actor/isis
    fighters  fighter  NOUN   NNS  5  nsubj
    remain    remain   VERB   VBP  0  ROOT
    in        in       ADP    IN   5  prep
    Syria     Syria    PROPN  NNP  6  pobj      B-PLACE     place/syria
    .         .        PUNCT  .    5  punct
"""


def test_figures_fighters_measure_noun(ref):
    figure = only(figures(ref, ISIS_FIGHTERS_REMAIN))
    assert (figure.extractor, figure.value, figure.count_qualifier) == (FIGHTERS, 2000, "approximate")
    assert (figure.subject, figure.locations) == (ACTORS + "isis", [PLACES + "syria"])


def test_figures_fighters_measure_noun_not_fighters_killed(ref):
    assert figures(ref, """
        Strikes   strike   NOUN   NNS  2  nsubj
        killed    kill     VERB   VBD  0  ROOT
        45        45       NUM    CD   4  nummod  B-CARDINAL
        fighters  fighter  NOUN   NNS  2  dobj
        .         .        PUNCT  .    2  punct
    """) == []


BELIEVED_TO_NUMBER = """
    {subject}
    are       be       AUX    VBP  4  auxpass
    believed  believe  VERB   VBN  0  ROOT
    to        to       PART   TO   6  aux
    number    number   VERB   VB   4  xcomp
    at        at       ADV    RB   8  advmod     B-CARDINAL
    least     least    ADJ    JJS  9  advmod     I-CARDINAL
    2,000     2,000    NUM    CD   6  dobj       I-CARDINAL
    .         .        PUNCT  .    4  punct
"""


MEMBERS_OF = """
    Some        some        DET    DT   2  quantmod  B-CARDINAL
    6,500       6,500       NUM    CD   3  nummod    I-CARDINAL
    members     member      NOUN   NNS  {remain}  nsubj
    of          of          ADP    IN   3  prep
    {body}
    remain      remain      VERB   VBP  0  ROOT
    in          in          ADP    IN   {remain}  prep
    Syria       Syria       PROPN  NNP  {in_}  pobj      B-PLACE  place/syria
    .           .           PUNCT  .    {remain}  punct
"""


def test_figures_fighters_measure_noun_members_of_the_group(ref):
    figure = only(figures(ref, MEMBERS_OF.format(body="""
        the         the         DET    DT   6  det
        group       group       NOUN   NN   4  pobj
    """, remain=7, in_=8)))
    assert (figure.extractor.split("+")[0], figure.value) == (FIGHTERS, 6500)


def test_figures_fighters_measure_noun_not_members_of_parliament(ref):
    # "200 members of parliament" are no fighters (noticed by the extract/ restructuring)
    assert figures(ref, MEMBERS_OF.format(body="""
        parliament  parliament  NOUN   NN   4  pobj
    """, remain=6, in_=7)) == []


def test_figures_fighters_counting_verb(ref):
    figure = only(figures(ref, BELIEVED_TO_NUMBER.format(subject="""
        ISIS      isis     NOUN   NN   2  compound   B-ACTOR     actor/isis
        fighters  fighter  NOUN   NNS  4  nsubjpass
    """)))
    assert (figure.extractor, figure.value, figure.count_qualifier) == (COUNTING_VERB["fighters"], 2000, "atLeast")
    assert figure.subject == ACTORS + "isis"


def test_figures_fighters_counting_verb_not_of_a_pocket(ref):
    assert figures(ref, BELIEVED_TO_NUMBER.format(subject="""
        The       the      DET    DT   2  det
        pocket    pocket   NOUN   NN   4  nsubjpass
    """)) == []


ISIS_HAS = """
    ISIS      ISIS     PROPN  NNP  2  nsubj   B-ACTOR     actor/isis
    has       have     VERB   VBZ  0  ROOT
    2,000     2,000    NUM    CD   4  nummod  B-CARDINAL
    fighters  fighter  NOUN   NNS  2  dobj
    in        in       ADP    IN   4  prep
    Iraq      Iraq     PROPN  NNP  5  pobj    B-PLACE     place/iraq
    and       and      CCONJ  CC   4  cc
    1,000     1,000    NUM    CD   4  {dep}    B-CARDINAL
    in        in       ADP    IN   8  prep
    Syria     Syria    PROPN  NNP  9  pobj    B-PLACE     place/syria
    .         .        PUNCT  .    2  punct
"""


def test_figures_fighters_coordinated(ref):
    first, second = figures(ref, ISIS_HAS.format(dep="conj"))
    assert first.extractor == f"{FIGHTERS}+{LAST_ARMED_GROUP}"
    assert (second.extractor, second.value, second.subject) == (COORDINATED["fighters"], 1000, ACTORS + "isis")
    assert second.locations == [PLACES + "syria"]


def test_figures_fighters_coordinated_not_a_number_of_its_own(ref):
    assert [f.value for f in figures(ref, ISIS_HAS.format(dep="dep"))] == [2000]


# ----------------------------------------------------------------------------- figures.foreign-fighters.*


def test_figures_foreign_fighters_foreign_noun(ref):
    figure = only(figures(ref, """
        Some      some     DET    DT   2  quantmod  B-CARDINAL
        1,500     1,500    NUM    CD   4  nummod    I-CARDINAL
        foreign   foreign  ADJ    JJ   4  amod
        fighters  fighter  NOUN   NNS  5  nsubj
        joined    join     VERB   VBD  0  ROOT
        ISIS      ISIS     PROPN  NNP  5  dobj      B-ACTOR     actor/isis
        .         .        PUNCT  .    5  punct
    """))
    assert (figure.extractor, figure.measure, figure.subject) == (FOREIGN_FIGHTERS, "foreign-fighters",
                                                                  ACTORS + "isis")


def test_figures_foreign_fighters_foreign_noun_not_without_foreign(ref):
    figure = only(figures(ref, """
        Some      some     DET    DT   2  quantmod  B-CARDINAL
        1,500     1,500    NUM    CD   3  nummod    I-CARDINAL
        fighters  fighter  NOUN   NNS  4  nsubj
        joined    join     VERB   VBD  0  ROOT
        ISIS      ISIS     PROPN  NNP  4  dobj      B-ACTOR     actor/isis
        .         .        PUNCT  .    4  punct
    """))
    assert (figure.extractor, figure.measure) == (FIGHTERS, "fighters")


BRITONS_TRAVELLED = """
    Some       some     DET    DT    2   quantmod
    800        800      NUM    CD    3   nummod
    Britons    Britons  PROPN  NNPS  4   nsubj
    travelled  travel   VERB   VBD   0   ROOT
    to         to       PART   TO    6   aux
    join       join     VERB   VB    4   advcl
    Islamic    Islamic  PROPN  NNP   8   compound  B-ACTOR     actor/isis
    State      State    PROPN  NNP   6   dobj      I-ACTOR     actor/isis
"""
AND_400_RETURNED = """
    ,          ,        PUNCT  ,     4   punct
    and        and      CCONJ  CC    4   cc
    about      about    ADV    RB    12  advmod    B-CARDINAL
    400        400      NUM    CD    15  nsubj     I-CARDINAL
    have       have     AUX    VBP   15  aux
    since      since    SCONJ  IN    15  advmod
    returned   return   VERB   VBN   4   conj
    .          .        PUNCT  .     15  punct
"""


def test_figures_foreign_fighters_nationality_plural(ref):
    figure = only(figures(ref, BRITONS_TRAVELLED + "    .  .  PUNCT  .  4  punct"))
    assert (figure.extractor, figure.value, figure.unit, figure.subject) == (NATIONALITY_PLURAL, 800, "people",
                                                                              ACTORS + "isis")


def test_figures_foreign_fighters_nationality_plural_not_living_abroad(ref):
    assert figures(ref, """
        Some     some     DET    DT    2  quantmod
        800      800      NUM    CD    3  nummod
        Britons  Britons  PROPN  NNPS  4  nsubj
        live     live     VERB   VBP   0  ROOT
        in       in       ADP    IN    4  prep
        Dubai    Dubai    PROPN  NNP   5  pobj      B-PLACE  place/dubai
        .        .        PUNCT  .     4  punct
    """) == []


def test_figures_returnees_returned(ref):
    went, back = figures(ref, BRITONS_TRAVELLED + AND_400_RETURNED)
    assert went.extractor == NATIONALITY_PLURAL
    assert (back.extractor, back.value, back.count_qualifier) == (RETURNED, 400, "approximate")
    assert back.subject == ACTORS + "isis"  # the group the Britons went to join


def test_figures_returnees_returned_not_having_left(ref):
    assert figures(ref, """
        About  about  ADV    RB   2  advmod  B-CARDINAL
        400    400    NUM    CD   5  nsubj   I-CARDINAL
        have   have   AUX    VBP  5  aux
        since  since  ADV    RB   5  advmod
        left   leave  VERB   VBN  0  ROOT
        .      .      PUNCT  .    5  punct
    """) == []


# ----------------------------------------------------------------------------- people liberated, displaced

def test_figures_people_liberated_liberating_verb(ref):
    figure = only(figures(ref, """
        Iraqi      iraqi     ADJ    JJ   2  amod    B-ACTOR     actor/isf
        forces     force     NOUN   NNS  3  nsubj   I-ACTOR     actor/isf
        freed      free      VERB   VBD  0  ROOT
        3,000      3,000     NUM    CD   5  nummod  B-CARDINAL
        civilians  civilian  NOUN   NNS  3  dobj
        .          .         PUNCT  .    3  punct
    """))
    assert (figure.extractor, figure.value, figure.subject) == (PEOPLE_LIBERATED, 3000, ACTORS + "isf")


def test_figures_people_liberated_liberating_verb_not_a_taking_verb(ref):
    assert figures(ref, """
        ISIS       ISIS      PROPN  NNP  2  nsubj   B-ACTOR     actor/isis
        took       take      VERB   VBD  0  ROOT
        3,000      3,000     NUM    CD   4  nummod  B-CARDINAL
        civilians  civilian  NOUN   NNS  2  dobj
        .          .         PUNCT  .    2  punct
    """) == []


CIVILIANS_VERB = """
    About      about     ADV    RB   2  quantmod  B-CARDINAL
    3,000      3,000     NUM    CD   3  nummod    I-CARDINAL
    civilians  civilian  NOUN   NNS  4  nsubj
    {verb}
"""


def test_figures_displaced_displacing_verb(ref):
    figure = only(figures(ref, CIVILIANS_VERB.format(verb="""
        fled       flee      VERB   VBD  0  ROOT
        the        the       DET    DT   6  det
        town       town      NOUN   NN   4  dobj
        .          .         PUNCT  .    4  punct
    """)))
    assert (figure.extractor, figure.measure, figure.value, figure.unit) == (DISPLACED_BY_VERB, "displaced", 3000,
                                                                              "people")


def test_figures_displaced_displacing_verb_not_living_there(ref):
    assert figures(ref, CIVILIANS_VERB.format(verb="""
        live       live      VERB   VBP  0  ROOT
        in         in        ADP    IN   4  prep
        the        the       DET    DT   7  det
        town       town      NOUN   NN   5  pobj
        .          .         PUNCT  .    4  punct
    """)) == []


REFUGEES = """
    About     about    ADV    RB   2  quantmod  B-CARDINAL
    200,000   200,000  NUM    CD   3  nummod    I-CARDINAL
"""


def test_figures_displaced_measure_noun(ref):
    figure = only(figures(ref, REFUGEES + """
        refugees  refugee  NOUN   NNS  4  nsubj
        live      live     VERB   VBP  0  ROOT
        in        in       ADP    IN   4  prep
        camps     camp     NOUN   NNS  5  pobj
        .         .        PUNCT  .    4  punct
    """))
    assert (figure.extractor, figure.value) == (DISPLACED, 200000)


def test_figures_displaced_measure_noun_not_refugees_killed(ref):
    assert figures(ref, REFUGEES + """
        refugees  refugee  NOUN   NNS  5  nsubjpass
        were      be       AUX    VBD  5  auxpass
        killed    kill     VERB   VBN  0  ROOT
        .         .        PUNCT  .    5  punct
    """) == []


# ----------------------------------------------------------------------------- figures.targets-struck.*


def test_figures_targets_struck_aggregate(ref):
    figure = only(figures(ref, """
        Coalition  coalition  NOUN   NN   2  compound  B-ACTOR     actor/cjtf-oir
        aircraft   aircraft   NOUN   NN   4  nsubj     I-ACTOR     actor/cjtf-oir
        have       have       AUX    VBP  4  aux
        destroyed  destroy    VERB   VBN  0  ROOT
        120        120        NUM    CD   6  nummod    B-CARDINAL
        vehicles   vehicle    NOUN   NNS  4  dobj
        .          .          PUNCT  .    4  punct
    """))
    assert (figure.extractor, figure.value, figure.unit, figure.subject) == (AGGREGATE, 120, "vehicle",
                                                                              ACTORS + "cjtf-oir")


def test_figures_targets_struck_aggregate_not_on_a_day(ref):
    assert figures(ref, """
        On         on         ADP    IN   7  prep
        March      March      PROPN  NNP  1  pobj      B-DATE
        4          4          NUM    CD   2  nummod    I-DATE
        ,          ,          PUNCT  ,    7  punct
        coalition  coalition  NOUN   NN   6  compound  B-ACTOR     actor/cjtf-oir
        aircraft   aircraft   NOUN   NN   7  nsubj     I-ACTOR     actor/cjtf-oir
        destroyed  destroy    VERB   VBD  0  ROOT
        12         12         NUM    CD   9  nummod    B-CARDINAL
        vehicles   vehicle    NOUN   NNS  7  dobj
        .          .          PUNCT  .    7  punct
    """) == []


# ----------------------------------------------------------------------------- figures.context.*


def test_figures_context_last_armed_group(ref):
    figure = only(figures(ref, """
        ISIS      ISIS     PROPN  NNP  2  nsubj     B-ACTOR     actor/isis
        holds     hold     VERB   VBZ  0  ROOT
        the       the      DET    DT   4  det
        town      town     NOUN   NN   2  dobj
        .         .        PUNCT  .    2  punct
        About     about    ADP    IN   7  quantmod  B-CARDINAL
        2,000     2,000    NUM    CD   8  nummod    I-CARDINAL
        fighters  fighter  NOUN   NNS  9  nsubj
        remain    remain   VERB   VBP  0  ROOT
        .         .        PUNCT  .    9  punct
    """))
    assert (figure.extractor, figure.subject) == (f"{FIGHTERS}+{LAST_ARMED_GROUP}", ACTORS + "isis")


def test_figures_context_last_armed_group_not_when_the_fighters_name_theirs(ref):
    assert only(figures(ref, ISIS_FIGHTERS_REMAIN)).extractor == FIGHTERS


def test_figures_context_speaker_side(ref):
    figure = only(figures(ref, """
        \u201c          "         PUNCT  ``   12  punct
        We         we        PRON   PRP  4   nsubj
        have       have      AUX    VBP  4   aux
        freed      free      VERB   VBN  12  ccomp
        3,000      3,000     NUM    CD   6   nummod  B-CARDINAL
        civilians  civilian  NOUN   NNS  4   dobj
        ,          ,         PUNCT  ,    12  punct
        \u201d          "         PUNCT  ''   12  punct
        the        the       DET    DT   11  det
        Iraqi      iraqi     ADJ    JJ   11  amod    B-ACTOR     actor/iraqi-army
        army       army      NOUN   NN   12  nsubj   I-ACTOR     actor/iraqi-army
        said       say       VERB   VBD  0   ROOT
        .          .         PUNCT  .    12  punct
    """))
    assert (figure.extractor, figure.subject) == (f"{PEOPLE_LIBERATED}+{SPEAKER_SIDE}", ACTORS + "iraqi-army")
    assert figure.claimant == ACTORS + "iraqi-army"


def test_figures_context_speaker_side_not_when_the_subject_is_named(ref):
    figure = only(figures(ref, """
        Iraqi      iraqi     ADJ    JJ   2  amod    B-ACTOR     actor/isf
        forces     force     NOUN   NNS  3  nsubj   I-ACTOR     actor/isf
        freed      free      VERB   VBD  0  ROOT
        3,000      3,000     NUM    CD   5  nummod  B-CARDINAL
        civilians  civilian  NOUN   NNS  3  dobj
        .          .         PUNCT  .    3  punct
    """))
    assert SPEAKER_SIDE not in figure.extractor and figure.claimant is None


def test_figures_context_two_countries(ref):
    figure = only(figures(ref, """
        Fighting   fighting  NOUN   NN   2   nsubj
        goes       go        VERB   VBZ  0   ROOT
        on         on        ADP    RP   2   prt
        in         in        ADP    IN   2   prep
        Iraq       Iraq      PROPN  NNP  4   pobj    B-PLACE     place/iraq
        and        and       CCONJ  CC   5   cc
        Syria      Syria     PROPN  NNP  5   conj    B-PLACE     place/syria
        .          .         PUNCT  .    2   punct
        About      about     ADV    RB   10  advmod  B-CARDINAL
        14,000     14,000    NUM    CD   11  nummod  I-CARDINAL
        fighters   fighter   NOUN   NNS  12  nsubj
        are        be        AUX    VBP  0   ROOT
        in         in        ADP    IN   12  prep
        the        the       DET    DT   16  det
        two        two       NUM    CD   16  nummod  B-CARDINAL
        countries  country   NOUN   NNS  13  pobj
        .          .         PUNCT  .    12  punct
    """))
    assert figure.extractor == f"{FIGHTERS}+{TWO_COUNTRIES}"
    assert figure.locations == [PLACES + "iraq", PLACES + "syria"]


def test_figures_context_two_countries_not_when_the_place_is_named(ref):
    figure = only(figures(ref, """
        About     about    ADV    RB   2  advmod  B-CARDINAL
        14,000    14,000   NUM    CD   3  nummod  I-CARDINAL
        fighters  fighter  NOUN   NNS  4  nsubj
        are       be       AUX    VBP  0  ROOT
        in        in       ADP    IN   4  prep
        Iraq      Iraq     PROPN  NNP  5  pobj    B-PLACE     place/iraq
        .         .        PUNCT  .    4  punct
    """))
    assert (figure.extractor, figure.locations) == (FIGHTERS, [PLACES + "iraq"])
