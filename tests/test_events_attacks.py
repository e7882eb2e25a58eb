"""The attack readers (``extract.events.attacks``) and the launch reader
(``extract.events.launch``) on hand-built parses."""

from __future__ import annotations

from event_rules import context, events, iri, trigger
from parses import parse

from isisgraph.extract.events.attacks import (
    ATTACK,
    EXPLOSIVE_DEVICE,
    HOSTILE_ENCOUNTER,
    read_attack,
    read_explosive_device,
    read_hostile_encounter,
)
from isisgraph.extract.events.launch import LAUNCH, read_launch


def test_events_attack_the_subject_attacked_the_object() -> None:
    # "ISIS attacked the Peshmerga near Kirkuk."
    doc = parse("""
        ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
        attacked   attack     VERB  VBD  0  ROOT
        the        the        DET   DT   4  det
        Peshmerga  Peshmerga  PROPN NNP  2  dobj    B-ACTOR actor/peshmerga
        near       near       ADP   IN   2  prep
        Kirkuk     Kirkuk     PROPN NNP  5  pobj    B-PLACE place/kirkuk
        .          .          PUNCT .    2  punct
    """)
    cand = read_attack(trigger(doc, "attacked"), context(doc))
    assert cand is not None and cand.rule == ATTACK
    assert cand.perpetrators == [iri("actor/isis")]
    assert cand.target_actors == [iri("actor/peshmerga")]


def test_events_attack_the_subject_of_a_light_verb_carried_it_out() -> None:
    # "ISIS carried out an attack on the Peshmerga."
    doc = parse("""
        ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
        carried    carry      VERB  VBD  0  ROOT
        out        out        ADP   RP   2  prt
        an         an         DET   DT   5  det
        attack     attack     NOUN  NN   2  dobj
        on         on         ADP   IN   5  prep
        the        the        DET   DT   8  det
        Peshmerga  Peshmerga  PROPN NNP  6  pobj    B-ACTOR actor/peshmerga
        .          .          PUNCT .    2  punct
    """)
    cand = read_attack(trigger(doc, "attack"), context(doc))
    assert cand is not None
    assert cand.perpetrators == [iri("actor/isis")]
    assert cand.target_actors == [iri("actor/peshmerga")]


def test_events_filters_unanchored_attack_is_no_event() -> None:
    # "The jets included attack aircraft." (an aircraft type, not an attack)
    doc = parse("""
        The        the        DET   DT   2  det
        jets       jet        NOUN  NNS  3  nsubj
        included   include    VERB  VBD  0  ROOT
        an         an         DET   DT   6  det
        attack     attack     NOUN  NN   6  compound
        aircraft   aircraft   NOUN  NN   3  dobj
        .          .          PUNCT .    3  punct
    """)
    assert read_attack(trigger(doc, "attack"), context(doc)).actors_filled() is False
    assert events(doc) == []


# "A roadside bomb exploded near Baiji." / "Militants planted a roadside bomb near Baiji."
EXPLODED = """
    A          a          DET   DT   3  det
    roadside   roadside   NOUN  NN   3  compound
    bomb       bomb       NOUN  NN   4  nsubj
    exploded   explode    VERB  VBD  0  ROOT
    near       near       ADP   IN   4  prep
    Baiji      Baiji      PROPN NNP  5  pobj    B-PLACE place/baiji
    .          .          PUNCT .    4  punct
"""
PLANTED = """
    Militants  militant   NOUN  NNS  2  nsubj
    planted    plant      VERB  VBD  0  ROOT
    a          a          DET   DT   5  det
    roadside   roadside   NOUN  NN   5  compound
    bomb       bomb       NOUN  NN   2  dobj
    near       near       ADP   IN   2  prep
    Baiji      Baiji      PROPN NNP  6  pobj    B-PLACE place/baiji
    .          .          PUNCT .    2  punct
"""


def test_events_explosive_device_that_exploded_is_a_bombing() -> None:
    doc = parse(EXPLODED)
    cand = read_explosive_device(trigger(doc, "bomb"), context(doc))
    assert cand is not None and cand.rule == EXPLOSIVE_DEVICE and cand.kind == "Bombing"
    assert cand.weak_trigger
    assert [(e.kind, e.locations) for e in events(doc)] == [("Bombing", [iri("place/baiji")])]


def test_events_explosive_device_planted_is_no_event() -> None:
    doc = parse(PLANTED)
    assert read_explosive_device(trigger(doc, "bomb"), context(doc)) is None


# "The Peshmerga clashed with ISIS." / "Fighters clashed."
def test_events_hostile_encounter_every_side_is_a_perpetrator() -> None:
    doc = parse("""
        The        the        DET   DT   2  det
        Peshmerga  Peshmerga  PROPN NNP  3  nsubj   B-ACTOR actor/peshmerga
        clashed    clash      VERB  VBD  0  ROOT
        with       with       ADP   IN   3  prep
        ISIS       ISIS       PROPN NNP  4  pobj    B-ACTOR actor/isis
        .          .          PUNCT .    3  punct
    """)
    cand = read_hostile_encounter(trigger(doc, "clashed"), context(doc))
    assert cand is not None and cand.rule == HOSTILE_ENCOUNTER
    assert cand.perpetrators == [iri("actor/peshmerga"), iri("actor/isis")]


def test_events_hostile_encounter_needs_a_side() -> None:
    doc = parse("""
        Fighters   fighter    NOUN  NNS  2  nsubj
        clashed    clash      VERB  VBD  0  ROOT
        .          .          PUNCT .    2  punct
    """)
    assert read_hostile_encounter(trigger(doc, "clashed"), context(doc)) is None


# "Iraqi forces launched an offensive." / "... launched rockets."
LAUNCHED = """
    Iraqi      iraqi      ADJ   JJ   2  amod    B-ACTOR actor/isf
    forces     force      NOUN  NNS  3  nsubj   I-ACTOR actor/isf
    launched   launch     VERB  VBD  0  ROOT
    {object}
    .          .          PUNCT .    3  punct
"""


def test_events_launch_of_an_operation_noun() -> None:
    doc = parse(LAUNCHED.format(object="""
        an         an         DET   DT   5  det
        offensive  offensive  NOUN  NN   3  dobj
    """))
    cand = read_launch(trigger(doc, "launched"), context(doc))
    assert cand is not None and cand.rule == LAUNCH
    assert cand.perpetrators == [iri("actor/isf")] and cand.operation is None


def test_events_launch_of_a_named_operation() -> None:
    # "Iraqi forces launched Operation Roundup."
    doc = parse(LAUNCHED.format(object="""
        Operation  Operation  PROPN NNP  5  compound B-OPERATION operation/roundup
        Roundup    Roundup    PROPN NNP  3  dobj     I-OPERATION operation/roundup
    """))
    cand = read_launch(trigger(doc, "launched"), context(doc))
    assert cand is not None and cand.operation == iri("operation/roundup")


def test_events_launch_not_of_rockets_nor_of_operations_in_the_plural() -> None:
    rockets = parse(LAUNCHED.format(object="""
        rockets    rocket     NOUN  NNS  3  dobj
    """))
    operations = parse(LAUNCHED.format(object="""
        operations operation  NOUN  NNS  3  dobj
    """))
    assert read_launch(trigger(rockets, "launched"), context(rockets)) is None
    assert read_launch(trigger(operations, "launched"), context(operations)) is None


def test_events_hostile_encounter_the_subject_of_engaged_in_is_a_side() -> None:
    # "The soldiers engaged in a fierce battle with ISIS near Tikrit."
    doc = parse("""
        The        the        DET   DT   2  det
        soldiers   soldier    NOUN  NNS  3  nsubj   B-ACTOR actor/isf
        engaged    engage     VERB  VBD  0  ROOT
        in         in         ADP   IN   3  prep
        a          a          DET   DT   7  det
        fierce     fierce     ADJ   JJ   7  amod
        battle     battle     NOUN  NN   4  pobj
        with       with       ADP   IN   7  prep
        ISIS       ISIS       PROPN NNP  8  pobj    B-ACTOR actor/isis
        near       near       ADP   IN   7  prep
        Tikrit     Tikrit     PROPN NNP  10 pobj    B-PLACE place/tikrit
        .          .          PUNCT .    3  punct
    """)
    cand = read_hostile_encounter(trigger(doc, "battle"), context(doc))
    assert cand is not None and cand.rule == HOSTILE_ENCOUNTER
    assert cand.perpetrators == [iri("actor/isis"), iri("actor/isf")]


def test_events_hostile_encounter_not_when_the_engagement_is_negated() -> None:
    # "The militants are not engaged in fighting." (the parser hangs "not" on "are")
    doc = parse("""
        The        the        DET   DT   2  det
        militants  militant   NOUN  NNS  5  nsubjpass B-ACTOR actor/isis
        are        be         AUX   VBP  5  auxpass
        not        not        PART  RB   3  neg
        engaged    engage     VERB  VBN  0  ROOT
        in         in         ADP   IN   5  prep
        fighting   fighting   NOUN  NN   6  pobj
        .          .          PUNCT .    5  punct
    """)
    assert read_hostile_encounter(trigger(doc, "fighting"), context(doc)) is None


# "The army battled the militants after heavy fighting in Fallujah on Monday."
FIGHTING_IN_FALLUJAH = """
    The        the        DET   DT   2  det
    army       army       NOUN  NN   3  nsubj
    battled    battle     VERB  VBD  0  ROOT
    the        the        DET   DT   5  det
    militants  militant   NOUN  NNS  3  dobj
    after      after      ADP   IN   3  prep
    heavy      heavy      ADJ   JJ   8  amod
    fighting   fighting   NOUN  NN   6  pobj
    in         in         ADP   IN   8  prep
    {place}
    on         on         ADP   IN   3  prep
    Monday     Monday     PROPN NNP  11 pobj    B-DATE
    .          .          PUNCT .    3  punct
"""


def test_events_hostile_encounter_a_noun_with_no_side_is_kept_when_placed() -> None:
    # "battled" names no known actor: no clash of its own; "heavy fighting in Fallujah" is one
    found = events(parse(FIGHTING_IN_FALLUJAH.format(
        place="Fallujah   Fallujah   PROPN NNP  9  pobj    B-PLACE place/fallujah")))
    assert [(e.kind, e.trigger, e.locations, e.perpetrators) for e in found] == [
        ("Clash", "fighting", [iri("place/fallujah")], [])]


def test_events_hostile_encounter_a_noun_with_no_side_nor_place_is_none() -> None:
    found = events(parse(FIGHTING_IN_FALLUJAH.format(
        place="town       town       NOUN  NN   9  pobj")))
    assert found == []


def test_events_attack_the_subject_of_under_attack_is_the_target() -> None:
    # "ISIS is under attack by the army in Tikrit."
    doc = parse("""
        ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
        is         be         AUX   VBZ  0  ROOT
        under      under      ADP   IN   2  prep
        attack     attack     NOUN  NN   3  pobj
        by         by         ADP   IN   4  prep
        the        the        DET   DT   7  det
        army       army       NOUN  NN   5  pobj    B-ACTOR actor/iraqi-army
        in         in         ADP   IN   7  prep
        Tikrit     Tikrit     PROPN NNP  8  pobj    B-PLACE place/tikrit
        .          .          PUNCT .    2  punct
    """)
    cand = read_attack(trigger(doc, "attack"), context(doc))
    assert cand is not None
    assert (cand.perpetrators, cand.target_actors) == ([iri("actor/iraqi-army")], [iri("actor/isis")])


def test_events_filters_launched_an_assault_a_launch_begins_is_no_attack() -> None:
    from isisgraph.extract.events.filters import LAUNCHED

    assert LAUNCHED == "events.filters.launched"
    # "The SDF began a final assault on Baghouz on Thursday."
    doc = parse("""
        The        the        DET   DT   2  det
        SDF        SDF        PROPN NNP  3  nsubj   B-ACTOR actor/sdf
        began      begin      VERB  VBD  0  ROOT
        a          a          DET   DT   6  det
        final      final      ADJ   JJ   6  amod
        assault    assault    NOUN  NN   3  dobj
        on         on         ADP   IN   6  prep
        Baghouz    Baghouz    PROPN NNP  7  pobj    B-PLACE place/al-baghouz
        on         on         ADP   IN   3  prep
        Thursday   Thursday   PROPN NNP  9  pobj    B-DATE
        .          .          PUNCT .    3  punct
    """)
    assert [e.kind for e in events(doc)] == ["OperationLaunch"]


def test_events_filters_launched_not_an_assault_that_was_carried_out() -> None:
    # "The SDF carried out an assault on Baghouz on Thursday."
    doc = parse("""
        The        the        DET   DT   2  det
        SDF        SDF        PROPN NNP  3  nsubj   B-ACTOR actor/sdf
        carried    carry      VERB  VBD  0  ROOT
        out        out        ADP   RP   3  prt
        an         an         DET   DT   6  det
        assault    assault    NOUN  NN   3  dobj
        on         on         ADP   IN   6  prep
        Baghouz    Baghouz    PROPN NNP  7  pobj    B-PLACE place/al-baghouz
        on         on         ADP   IN   3  prep
        Thursday   Thursday   PROPN NNP  9  pobj    B-DATE
        .          .          PUNCT .    3  punct
    """)
    assert [(e.kind, e.perpetrators) for e in events(doc)] == [("Attack", [iri("actor/sdf")])]


def test_events_attack_who_is_responsible_for_it_carried_it_out() -> None:
    # "The army targeted a suspected ISIS cell responsible for attacks in the region,
    # including an attack on the police headquarters in Hasakah."
    doc = parse("""
        The        the        DET   DT   2  det
        army       army       NOUN  NN   3  nsubj   B-ACTOR actor/iraqi-army
        targeted   target     VERB  VBD  0  ROOT
        a          a          DET   DT   7  det
        suspected  suspect    VERB  VBN  7  amod
        ISIS       ISIS       PROPN NNP  7  compound B-ACTOR actor/isis
        cell       cell       NOUN  NN   3  dobj
        responsible responsible ADJ JJ   7  amod
        for        for        ADP   IN   8  prep
        attacks    attack     NOUN  NNS  9  pobj
        in         in         ADP   IN   10 prep
        the        the        DET   DT   13 det
        region     region     NOUN  NN   11 pobj
        ,          ,          PUNCT ,    7  punct
        including  include    VERB  VBG  7  prep
        an         an         DET   DT   17 det
        attack     attack     NOUN  NN   15 pobj
        on         on         ADP   IN   17 prep
        the        the        DET   DT   21 det
        police     police     NOUN  NN   21 compound B-ACTOR actor/isf
        headquarters headquarters NOUN NN 18 pobj
        in         in         ADP   IN   21 prep
        Hasakah    Hasakah    PROPN NNP  22 pobj    B-PLACE place/hasakah
        .          .          PUNCT .    3  punct
    """)
    cand = read_attack(trigger(doc, "attack"), context(doc))
    assert cand is not None
    assert (cand.perpetrators, cand.target_actors) == ([iri("actor/isis")], [iri("actor/isf")])


def test_events_attack_not_responsible_without_responsible() -> None:
    # "The army targeted a suspected ISIS cell near attacks ..." (no "responsible for")
    doc = parse("""
        The        the        DET   DT   2  det
        army       army       NOUN  NN   3  nsubj   B-ACTOR actor/iraqi-army
        targeted   target     VERB  VBD  0  ROOT
        an         an         DET   DT   5  det
        attack     attack     NOUN  NN   3  dobj
        on         on         ADP   IN   5  prep
        ISIS       ISIS       PROPN NNP  6  pobj    B-ACTOR actor/isis
        .          .          PUNCT .    3  punct
    """)
    cand = read_attack(trigger(doc, "attack"), context(doc))
    assert cand is not None and cand.perpetrators == []
