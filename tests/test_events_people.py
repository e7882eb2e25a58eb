"""The readers of killings, arrests and surrenders (``extract.events.people``) on hand-built
parses."""

from __future__ import annotations

from event_rules import context, events, iri, trigger
from parses import parse

from isisgraph.extract.events.people import (
    ARREST,
    KILLING,
    SURRENDERING,
    read_arrest,
    read_killing,
    read_surrendering,
)


def test_events_killing_the_killer_the_victims_and_their_number() -> None:
    # "Iraqi forces killed 45 ISIS militants."
    doc = parse("""
        Iraqi      iraqi      ADJ   JJ   2  amod    B-ACTOR actor/isf
        forces     force      NOUN  NNS  3  nsubj   I-ACTOR actor/isf
        killed     kill       VERB  VBD  0  ROOT
        45         45         NUM   CD   6  nummod
        ISIS       ISIS       PROPN NNP  6  compound B-ACTOR actor/isis
        militants  militant   NOUN  NNS  3  dobj
        .          .          PUNCT .    3  punct
    """)
    cand = read_killing(trigger(doc, "killed"), context(doc))
    assert cand is not None and cand.rule == KILLING
    assert cand.perpetrators == [iri("actor/isf")] and cand.target_actors == [iri("actor/isis")]
    assert cand.killed is not None and cand.killed.value == 45


def test_events_killing_a_strike_is_the_means_not_the_killer() -> None:
    # "A drone strike killed two men." (nobody named on the strike: no perpetrator)
    doc = parse("""
        A          a          DET   DT   3  det
        drone      drone      NOUN  NN   3  compound
        strike     strike     NOUN  NN   4  nsubj
        killed     kill       VERB  VBD  0  ROOT
        two        two        NUM   CD   6  nummod
        men        man        NOUN  NNS  4  dobj
        .          .          PUNCT .    4  punct
    """)
    cand = read_killing(trigger(doc, "killed"), context(doc))
    assert cand is not None and cand.perpetrators == [] and cand.killed.value == 2


def test_events_killing_needs_a_count_or_a_participant() -> None:
    # "The militants killed civilians."
    doc = parse("""
        The        the        DET   DT   2  det
        militants  militant   NOUN  NNS  3  nsubj
        killed     kill       VERB  VBD  0  ROOT
        civilians  civilian   NOUN  NNS  3  dobj
        .          .          PUNCT .    3  punct
    """)
    assert read_killing(trigger(doc, "killed"), context(doc)) is None


# "Security forces arrested 15 suspects." / "Security forces arrested suspects."
ARRESTED = """
    Security   security   NOUN  NN   2  compound
    forces     force      NOUN  NNS  3  nsubj
    arrested   arrest     VERB  VBD  0  ROOT
    {count}
    suspects   suspect    NOUN  NNS  3  dobj
    .          .          PUNCT .    3  punct
"""
# (the heads hold with and without the count line: no token before it points past it)


def test_events_arrest_counts_who_was_arrested() -> None:
    doc = parse(ARRESTED.format(count="15 15 NUM CD 5 nummod"))
    cand = read_arrest(trigger(doc, "arrested"), context(doc))
    assert cand is not None and cand.rule == ARREST and cand.arrested.value == 15


def test_events_arrest_needs_a_count_or_a_participant() -> None:
    doc = parse(ARRESTED.format(count=""))
    assert read_arrest(trigger(doc, "arrested"), context(doc)) is None


def test_events_surrendering_who_surrendered_to_whom() -> None:
    # "200 ISIS fighters surrendered to the Peshmerga."
    doc = parse("""
        200        200        NUM   CD   3  nummod
        ISIS       ISIS       PROPN NNP  3  compound B-ACTOR actor/isis
        fighters   fighter    NOUN  NNS  4  nsubj
        surrendered surrender VERB  VBD  0  ROOT
        to         to         ADP   IN   4  prep
        the        the        DET   DT   7  det
        Peshmerga  Peshmerga  PROPN NNP  5  pobj    B-ACTOR actor/peshmerga
        .          .          PUNCT .    4  punct
    """)
    cand = read_surrendering(trigger(doc, "surrendered"), context(doc))
    assert cand is not None and cand.rule == SURRENDERING
    assert cand.target_actors == [iri("actor/isis")] and cand.perpetrators == [iri("actor/peshmerga")]
    assert cand.surrendered.value == 200


def test_events_surrendering_needs_a_count_or_a_participant() -> None:
    # "He surrendered."
    doc = parse("""
        He         he         PRON  PRP  2  nsubj
        surrendered surrender VERB  VBD  0  ROOT
        .          .          PUNCT .    2  punct
    """)
    assert read_surrendering(trigger(doc, "surrendered"), context(doc)) is None


def test_events_killing_not_of_oneself() -> None:
    # "Two militants blew up their vests, killing themselves."
    doc = parse("""
        Two        two        NUM   CD   2  nummod
        militants  militant   NOUN  NNS  3  nsubj   B-ACTOR actor/isis
        blew       blow       VERB  VBD  0  ROOT
        up         up         ADP   RP   3  prt
        their      their      PRON  PRP$ 6  poss
        vests      vest       NOUN  NNS  3  dobj
        ,          ,          PUNCT ,    3  punct
        killing    kill       VERB  VBG  3  advcl
        themselves themselves PRON  PRP  8  dobj
        .          .          PUNCT .    3  punct
    """)
    assert read_killing(trigger(doc, "killing"), context(doc)) is None


# "ISIS leader Abu Bakr al-Baghdadi died {means} on Saturday."
def died(means: str) -> str:
    return """
        ISIS       ISIS       NOUN  NN   2  compound B-ACTOR actor/isis
        leader     leader     NOUN  NN   7  compound
        Abu        Abu        PROPN NNP  4  compound B-ACTOR person/abu-bakr-al-baghdadi
        Bakr       Bakr       PROPN NNP  7  compound I-ACTOR person/abu-bakr-al-baghdadi
        al         al         PROPN NNP  7  compound I-ACTOR person/abu-bakr-al-baghdadi
        -          -          PROPN NNP  7  punct    I-ACTOR person/abu-bakr-al-baghdadi
        Baghdadi   Baghdadi   PROPN NNP  8  nsubj    I-ACTOR person/abu-bakr-al-baghdadi
        died       die        VERB  VBD  0  ROOT
    """ + means


DURING_A_RAID = """
        during     during     ADP   IN   8  prep
        a          a          DET   DT   11 det
        raid       raid       NOUN  NN   9  pobj
        conducted  conduct    VERB  VBN  11 acl
        by         by         ADP   IN   12 agent
        US         US         PROPN NNP  15 compound B-ACTOR actor/us-military
        forces     force      NOUN  NNS  13 pobj     I-ACTOR actor/us-military
        on         on         ADP   IN   12 prep
        Saturday   Saturday   PROPN NNP  16 pobj     B-DATE
        .          .          PUNCT .    8  punct
"""


def test_events_dying_in_a_raid_was_killed_by_the_raid_s_agent() -> None:
    from isisgraph.extract.events.people import DYING, read_dying

    doc = parse(died(DURING_A_RAID))
    cand = read_dying(trigger(doc, "died"), context(doc))
    assert cand is not None and cand.rule == DYING and cand.kind == "Killing"
    assert cand.perpetrators == [iri("actor/us-military")]
    assert cand.target_actors == [iri("actor/isis"), iri("person/abu-bakr-al-baghdadi")]
    # the participle on the raid dates the death
    (event,) = events(doc)
    assert event.when is not None and event.when.raw == "Saturday"


def test_events_dying_not_without_a_strike_raid_or_attack() -> None:
    from isisgraph.extract.events.people import read_dying

    doc = parse(died("""
        in         in         ADP   IN   8  prep
        hospital   hospital   NOUN  NN   9  pobj
        on         on         ADP   IN   8  prep
        Saturday   Saturday   PROPN NNP  11 pobj     B-DATE
        .          .          PUNCT .    8  punct
    """))
    assert read_dying(trigger(doc, "died"), context(doc)) is None


def test_events_killing_by_the_agent_of_the_strike_it_was_done_in() -> None:
    # "Five militants were killed in an airstrike carried out by the coalition near Mosul."
    doc = parse("""
        Five       five       NUM   CD   2  nummod
        militants  militant   NOUN  NNS  4  nsubjpass
        were       be         AUX   VBD  4  auxpass
        killed     kill       VERB  VBN  0  ROOT
        in         in         ADP   IN   4  prep
        an         an         DET   DT   7  det
        airstrike  airstrike  NOUN  NN   5  pobj
        carried    carry      VERB  VBN  7  acl
        out        out        ADP   RP   8  prt
        by         by         ADP   IN   8  agent
        the        the        DET   DT   12 det
        coalition  coalition  NOUN  NN   10 pobj    B-ACTOR actor/cjtf-oir
        near       near       ADP   IN   12 prep
        Mosul      Mosul      PROPN NNP  13 pobj    B-PLACE place/mosul
        .          .          PUNCT .    4  punct
    """)
    cand = read_killing(trigger(doc, "killed"), context(doc))
    assert cand is not None and cand.perpetrators == [iri("actor/cjtf-oir")]
    assert cand.killed is not None and cand.killed.value == 5


def test_events_killing_in_an_operation_by_who_carried_it_out_and_in_cooperation_with() -> None:
    # "In cooperation with the SDF, coalition forces carried out an operation in which two
    # ISIS leaders were killed."
    doc = parse("""
        In         in         ADP   IN   9  prep
        cooperation cooperation NOUN NN  1  pobj
        with       with       ADP   IN   2  prep
        the        the        DET   DT   5  det
        SDF        SDF        PROPN NNP  3  pobj    B-ACTOR actor/sdf
        ,          ,          PUNCT ,    9  punct
        coalition  coalition  NOUN  NN   8  compound B-ACTOR actor/cjtf-oir
        forces     force      NOUN  NNS  9  nsubj   I-ACTOR actor/cjtf-oir
        carried    carry      VERB  VBD  0  ROOT
        out        out        ADP   RP   9  prt
        an         an         DET   DT   12 det
        operation  operation  NOUN  NN   9  dobj
        in         in         ADP   IN   19 prep
        which      which      PRON  WDT  13 pobj
        two        two        NUM   CD   17 nummod
        ISIS       ISIS       NOUN  NN   17 compound B-ACTOR actor/isis
        leaders    leader     NOUN  NNS  19 nsubjpass
        were       be         AUX   VBD  19 auxpass
        killed     kill       VERB  VBN  12 relcl
        .          .          PUNCT .    9  punct
    """)
    cand = read_killing(trigger(doc, "killed"), context(doc))
    assert cand is not None
    assert cand.perpetrators == [iri("actor/cjtf-oir"), iri("actor/sdf")]
    assert cand.target_actors == [iri("actor/isis")]


def test_events_arrest_brought_about_by_a_raid_is_its_agent_s() -> None:
    # "The coalition's raid resulted in the arrest of four militants in Kirkuk on Monday."
    doc = parse("""
        The        the        DET   DT   2  det
        coalition  coalition  NOUN  NN   4  poss    B-ACTOR actor/cjtf-oir
        's         's         PART  POS  2  case
        raid       raid       NOUN  NN   5  nsubj
        resulted   result     VERB  VBD  0  ROOT
        in         in         ADP   IN   5  prep
        the        the        DET   DT   8  det
        arrest     arrest     NOUN  NN   6  pobj
        of         of         ADP   IN   8  prep
        four       four       NUM   CD   11 nummod
        militants  militant   NOUN  NNS  9  pobj
        in         in         ADP   IN   11 prep
        Kirkuk     Kirkuk     PROPN NNP  12 pobj    B-PLACE place/kirkuk
        on         on         ADP   IN   5  prep
        Monday     Monday     PROPN NNP  14 pobj    B-DATE
        .          .          PUNCT .    5  punct
    """)
    cand = read_arrest(trigger(doc, "arrest"), context(doc))
    assert cand is not None and cand.perpetrators == [iri("actor/cjtf-oir")]
    assert cand.arrested is not None and cand.arrested.value == 4


# "A raid by US forces hit a house in Atmeh. {The} raid resulted in the arrest of two militants."
RAID_TOLD_BEFORE = """
    A          a          DET   DT   2  det
    raid       raid       NOUN  NN   6  nsubj
    by         by         ADP   IN   2  prep
    US         US         PROPN NNP  5  compound B-ACTOR actor/us-military
    forces     force      NOUN  NNS  3  pobj     I-ACTOR actor/us-military
    hit        hit        VERB  VBD  0  ROOT
    a          a          DET   DT   8  det
    house      house      NOUN  NN   6  dobj
    in         in         ADP   IN   8  prep
    Atmeh      Atmeh      PROPN NNP  9  pobj     B-PLACE place/atmeh
    .          .          PUNCT .    6  punct
    {det}
    raid       raid       NOUN  NN   14 nsubj
    resulted   result     VERB  VBD  0  ROOT
    in         in         ADP   IN   14 prep
    the        the        DET   DT   17 det
    arrest     arrest     NOUN  NN   15 pobj
    of         of         ADP   IN   17 prep
    two        two        NUM   CD   20 nummod
    militants  militant   NOUN  NNS  18 pobj
    .          .          PUNCT .    14 punct
"""


def test_events_context_means_anaphor_the_raid_told_before_is_its_agent_s() -> None:
    doc = parse(RAID_TOLD_BEFORE.format(det="The  the  DET  DT  13  det"))
    cand = read_arrest(trigger(doc, "arrest"), context(doc))
    assert cand is not None and cand.perpetrators == [iri("actor/us-military")]


def test_events_context_means_anaphor_not_another_raid() -> None:
    doc = parse(RAID_TOLD_BEFORE.format(det="Another  another  DET  DT  13  det"))
    cand = read_arrest(trigger(doc, "arrest"), context(doc))
    assert cand is not None and cand.perpetrators == []


def test_events_arrest_not_credited_to_a_subject_that_brought_nothing_about() -> None:
    # "The court ordered the arrest of four militants." ("order" is no outcome verb)
    doc = parse("""
        The        the        DET   DT   2  det
        court      court      NOUN  NN   3  nsubj   B-ACTOR actor/iraqi-government
        ordered    order      VERB  VBD  0  ROOT
        the        the        DET   DT   5  det
        arrest     arrest     NOUN  NN   3  dobj
        of         of         ADP   IN   5  prep
        four       four       NUM   CD   8  nummod
        militants  militant   NOUN  NNS  6  pobj
        .          .          PUNCT .    3  punct
    """)
    cand = read_arrest(trigger(doc, "arrest"), context(doc))
    assert cand is not None and cand.perpetrators == []


def test_events_killing_of_a_named_person_is_an_event_without_count_date_or_place() -> None:
    # "US journalist James Foley was murdered." (the tally filter keeps it: a named victim)
    doc = parse("""
        US         US         PROPN NNP  2  compound B-ACTOR actor/us
        journalist journalist NOUN  NN   4  compound
        James      James      PROPN NNP  4  compound B-PERSON
        Foley      Foley      PROPN NNP  6  nsubjpass I-PERSON
        was        be         AUX   VBD  6  auxpass
        murdered   murder     VERB  VBN  0  ROOT
        .          .          PUNCT .    6  punct
    """)
    (event,) = events(doc)
    assert event.kind == "Killing" and event.when is None and event.locations == []


def test_events_killing_not_of_an_unnamed_uncounted_victim() -> None:
    # "A journalist was murdered."
    doc = parse("""
        A          a          DET   DT   2  det
        journalist journalist NOUN  NN   4  nsubjpass
        was        be         AUX   VBD  4  auxpass
        murdered   murder     VERB  VBN  0  ROOT
        .          .          PUNCT .    4  punct
    """)
    assert events(doc) == []


def test_events_killing_a_genocide_needs_no_count() -> None:
    # "the genocide against the Yazidi people in Sinjar in 2014" ("Yazidi" tagged a person
    # name by the model: a modifier, no named victim)
    doc = parse("""
        the        the        DET   DT   2  det
        genocide   genocide   NOUN  NN   0  ROOT
        against    against    ADP   IN   2  prep
        the        the        DET   DT   6  det
        Yazidi     Yazidi     PROPN NNP  6  compound B-PERSON
        people     people     NOUN  NNS  3  pobj
        in         in         ADP   IN   2  prep
        Sinjar     Sinjar     PROPN NNP  7  pobj    B-PLACE place/sinjar
        in         in         ADP   IN   2  prep
        2014       2014       NUM   CD   9  pobj    B-DATE
    """)
    cand = read_killing(trigger(doc, "genocide"), context(doc))
    assert cand is not None and cand.victims == frozenset() and cand.killed is None


def test_events_killing_of_people_an_operation_resulted_in_is_its_agent_s() -> None:
    # "Iraqi forces conducted operations which resulted in 11 ISIS operatives killed in Kirkuk."
    doc = parse("""
    Iraqi        iraqi        ADJ   JJ   2   amod       B-ACTOR  actor/isf
    forces       force        NOUN  NNS  3   nsubj      I-ACTOR  actor/isf
    conducted    conduct      VERB  VBD  0   ROOT
    operations   operation    NOUN  NNS  3   dobj
    which        which        PRON  WDT  6   nsubj
    resulted     result       VERB  VBD  4   relcl
    in           in           ADP   IN   6   prep
    11           11           NUM   CD   10  nummod     B-CARDINAL
    ISIS         isis         NOUN  NN   10  compound   B-ACTOR  actor/isis
    operatives   operative    NOUN  NNS  7   pobj
    killed       kill         VERB  VBN  10  acl
    in           in           ADP   IN   11  prep
    Kirkuk       Kirkuk       PROPN NNP  12  pobj       B-PLACE  place/kirkuk
    .            .            PUNCT .    3   punct
    """)
    cand = read_killing(trigger(doc, "killed"), context(doc))
    assert cand is not None and cand.perpetrators == [iri("actor/isf")]
    assert cand.target_actors == [iri("actor/isis")] and cand.killed is not None
