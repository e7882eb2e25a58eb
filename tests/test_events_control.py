"""The control-change readers (``extract.events.control``) on hand-built parses."""

from __future__ import annotations

from event_rules import context, events, iri, trigger
from parses import parse

from isisgraph.extract.events.control import (
    CAPTURED_PEOPLE,
    CONQUERING,
    FALLING,
    LOSING_CONTROL,
    read_conquering,
    read_falling,
    read_losing_control,
)

# "Iraqi forces recaptured Tikrit from ISIS on Tuesday."
RECAPTURED = """
    Iraqi      iraqi      ADJ   JJ   2  amod    B-ACTOR actor/isf
    forces     force      NOUN  NNS  3  nsubj   I-ACTOR actor/isf
    recaptured recapture  VERB  VBD  0  ROOT
    Tikrit     Tikrit     PROPN NNP  3  dobj    B-PLACE place/tikrit
    from       from       ADP   IN   3  prep
    ISIS       ISIS       PROPN NNP  5  pobj    B-ACTOR actor/isis
    on         on         ADP   IN   3  prep
    Tuesday    Tuesday    PROPN NNP  7  pobj    B-DATE
    .          .          PUNCT .    3  punct
"""


def test_events_conquering_the_subject_gained_the_place_from_the_actor_after_from() -> None:
    doc = parse(RECAPTURED)
    cand = read_conquering(trigger(doc, "recaptured"), context(doc))
    assert cand is not None and cand.rule == CONQUERING
    assert cand.gained == [iri("actor/isf")]
    assert cand.lost == [iri("actor/isis")]
    assert cand.locations == [iri("place/tikrit")]


def test_events_conquering_the_by_agent_of_a_passive_gained() -> None:
    # "Ramadi was liberated by the Iraqi army."
    doc = parse("""
        Ramadi     Ramadi     PROPN NNP  3  nsubjpass B-PLACE place/ramadi
        was        be         AUX   VBD  3  auxpass
        liberated  liberate   VERB  VBN  0  ROOT
        by         by         ADP   IN   3  agent
        the        the        DET   DT   7  det
        Iraqi      iraqi      ADJ   JJ   7  amod    B-ACTOR actor/iraqi-army
        army       army       NOUN  NN   4  pobj    I-ACTOR actor/iraqi-army
        .          .          PUNCT .    3  punct
    """)
    cand = read_conquering(trigger(doc, "liberated"), context(doc))
    assert cand is not None
    assert cand.gained == [iri("actor/iraqi-army")]
    assert cand.locations == [iri("place/ramadi")]


def test_events_conquering_needs_a_place() -> None:
    # "Iraqi forces retook the initiative."
    doc = parse("""
        Iraqi      iraqi      ADJ   JJ   2  amod    B-ACTOR actor/isf
        forces     force      NOUN  NNS  3  nsubj   I-ACTOR actor/isf
        retook     retake     VERB  VBD  0  ROOT
        the        the        DET   DT   5  det
        initiative initiative NOUN  NN   3  dobj
        .          .          PUNCT .    3  punct
    """)
    assert read_conquering(trigger(doc, "retook"), context(doc)) is None


def test_events_conquering_territory_is_located_by_the_verb() -> None:
    # "Kurdish forces freed 30 villages south of Kirkuk."
    doc = parse("""
        Kurdish    kurdish    ADJ   JJ   2  amod    B-ACTOR actor/kurdish-forces
        forces     force      NOUN  NNS  3  nsubj   I-ACTOR actor/kurdish-forces
        freed      free       VERB  VBD  0  ROOT
        30         30         NUM   CD   5  nummod
        villages   village    NOUN  NNS  3  dobj
        south      south      ADV   RB   3  advmod
        of         of         ADP   IN   6  prep
        Kirkuk     Kirkuk     PROPN NNP  7  pobj    B-PLACE place/kirkuk
        .          .          PUNCT .    3  punct
    """)
    cand = read_conquering(trigger(doc, "freed"), context(doc))
    assert cand is not None and cand.locations == [iri("place/kirkuk")]


def test_events_conquering_a_holder_named_in_a_clause_on_the_place_lost_it() -> None:
    # "The SDF captured Manbij, held by ISIS."
    doc = parse("""
        The        the        DET   DT   2  det
        SDF        SDF        PROPN NNP  3  nsubj   B-ACTOR actor/sdf
        captured   capture    VERB  VBD  0  ROOT
        Manbij     Manbij     PROPN NNP  3  dobj    B-PLACE place/manbij
        ,          ,          PUNCT ,    4  punct
        held       hold       VERB  VBN  4  acl
        by         by         ADP   IN   6  agent
        ISIS       ISIS       PROPN NNP  7  pobj    B-ACTOR actor/isis
        .          .          PUNCT .    3  punct
    """)
    cand = read_conquering(trigger(doc, "captured"), context(doc))
    assert cand is not None
    assert cand.gained == [iri("actor/sdf")] and cand.lost == [iri("actor/isis")]


# "Iraqi forces captured an ISIS official." / "... captured a truck."
CAPTURED = """
    Iraqi      iraqi      ADJ   JJ   2  amod    B-ACTOR actor/isf
    forces     force      NOUN  NNS  3  nsubj   I-ACTOR actor/isf
    captured   capture    VERB  VBD  0  ROOT
    an         an         DET   DT   6  det
    ISIS       ISIS       PROPN NNP  6  compound B-ACTOR actor/isis
    {noun}     {noun}     NOUN  NN   3  dobj
    .          .          PUNCT .    3  punct
"""


def test_events_arrest_captured_people_is_an_arrest() -> None:
    doc = parse(CAPTURED.format(noun="official"))
    cand = read_conquering(trigger(doc, "captured"), context(doc))
    assert cand is not None and cand.kind == "Arrest" and cand.rule == CAPTURED_PEOPLE
    assert cand.perpetrators == [iri("actor/isf")] and cand.target_actors == [iri("actor/isis")]


def test_events_arrest_captured_people_not_for_things() -> None:
    doc = parse(CAPTURED.format(noun="truck"))
    assert read_conquering(trigger(doc, "captured"), context(doc)) is None


def test_events_losing_control_the_subject_lost_and_to_gained() -> None:
    # "ISIS lost Manbij to the SDF."
    doc = parse("""
        ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
        lost       lose       VERB  VBD  0  ROOT
        Manbij     Manbij     PROPN NNP  2  dobj    B-PLACE place/manbij
        to         to         ADP   IN   2  prep
        the        the        DET   DT   6  det
        SDF        SDF        PROPN NNP  4  pobj    B-ACTOR actor/sdf
        .          .          PUNCT .    2  punct
    """)
    cand = read_losing_control(trigger(doc, "lost"), context(doc))
    assert cand is not None and cand.rule == LOSING_CONTROL
    assert cand.lost == [iri("actor/isis")] and cand.gained == [iri("actor/sdf")]
    assert cand.locations == [iri("place/manbij")]


def test_events_losing_control_needs_a_place() -> None:
    # "ISIS lost 40 fighters."
    doc = parse("""
        ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
        lost       lose       VERB  VBD  0  ROOT
        40         40         NUM   CD   4  nummod
        fighters   fighter    NOUN  NNS  2  dobj
        .          .          PUNCT .    2  punct
    """)
    assert read_losing_control(trigger(doc, "lost"), context(doc)) is None


# "Mosul fell to ISIS." / "Mosul fell."
FELL = """
    Mosul      Mosul      PROPN NNP  2  nsubj   B-PLACE place/mosul
    fell       fall       VERB  VBD  0  ROOT
"""


def test_events_falling_the_place_fell_to_the_gainer() -> None:
    doc = parse(FELL + """
        to         to         ADP   IN   2  prep
        ISIS       ISIS       PROPN NNP  3  pobj    B-ACTOR actor/isis
        .          .          PUNCT .    2  punct
    """)
    cand = read_falling(trigger(doc, "fell"), context(doc))
    assert cand is not None and cand.rule == FALLING
    assert cand.locations == [iri("place/mosul")] and cand.gained == [iri("actor/isis")]


def test_events_falling_a_verb_with_neither_gainer_nor_date_is_none() -> None:
    doc = parse(FELL + """
        .          .          PUNCT .    2  punct
    """)
    assert read_falling(trigger(doc, "fell"), context(doc)) is None


def test_events_conquering_is_the_extractor_of_the_record() -> None:
    found = events(parse(RECAPTURED))
    assert [(e.kind, e.extractor) for e in found] == [("ControlChange", CONQUERING)]


def test_events_arrest_captured_people_seized_an_official() -> None:
    doc = parse(CAPTURED.format(noun="official").replace(
        "captured   capture ", "seized     seize   "))
    cand = read_conquering(trigger(doc, "seized"), context(doc))
    assert cand is not None and cand.kind == "Arrest" and cand.rule == CAPTURED_PEOPLE


def test_events_conquering_the_town_of_a_name_is_no_anaphor() -> None:
    # "Mosul fell. The army retook the town of Mahkan." ("Mahkan" unlinked): "the town" is not
    # Mosul
    doc = parse("""
        Mosul      Mosul      PROPN NNP  2  nsubj   B-PLACE place/mosul
        fell       fall       VERB  VBD  0  ROOT
        .          .          PUNCT .    2  punct
        The        the        DET   DT   5  det
        army       army       NOUN  NN   6  nsubj   B-ACTOR actor/iraqi-army
        retook     retake     VERB  VBD  0  ROOT
        the        the        DET   DT   8  det
        town       town       NOUN  NN   6  dobj
        of         of         ADP   IN   8  prep
        Mahkan     Mahkan     PROPN NNP  9  pobj
        .          .          PUNCT .    6  punct
    """)
    assert read_conquering(trigger(doc, "retook"), context(doc)) is None


def test_events_victory_declared_in_a_place_is_a_change_of_its_control() -> None:
    from isisgraph.extract.events.control import VICTORY, read_victory

    # "Iraqi forces declared victory over ISIS in Mosul on Monday."
    doc = parse("""
        Iraqi      iraqi      ADJ   JJ   2  amod    B-ACTOR actor/isf
        forces     force      NOUN  NNS  3  nsubj   I-ACTOR actor/isf
        declared   declare    VERB  VBD  0  ROOT
        victory    victory    NOUN  NN   3  dobj
        over       over       ADP   IN   4  prep
        ISIS       ISIS       PROPN NNP  5  pobj    B-ACTOR actor/isis
        in         in         ADP   IN   3  prep
        Mosul      Mosul      PROPN NNP  7  pobj    B-PLACE place/mosul
        on         on         ADP   IN   3  prep
        Monday     Monday     PROPN NNP  9  pobj    B-DATE
        .          .          PUNCT .    3  punct
    """)
    cand = read_victory(trigger(doc, "victory"), context(doc))
    assert cand is not None and cand.rule == VICTORY and cand.kind == "ControlChange"
    assert (cand.gained, cand.lost, cand.locations) == (
        [iri("actor/isf")], [iri("actor/isis")], [iri("place/mosul")])
    assert cand.declared


def test_events_victory_of_no_place_completes_the_change_of_its_sentence() -> None:
    # "The army said the town had been liberated, the army made victory against ISIS." (with
    # "Tikrit fell." before it, for "the town")
    doc = parse("""
        Tikrit     Tikrit     PROPN NNP  2  nsubj   B-PLACE place/tikrit
        fell       fall       VERB  VBD  0  ROOT
        .          .          PUNCT .    2  punct
        The        the        DET   DT   5  det
        army       army       NOUN  NN   6  nsubj   B-ACTOR actor/iraqi-army
        said       say        VERB  VBD  0  ROOT
        the        the        DET   DT   8  det
        town       town       NOUN  NN   11 nsubjpass
        had        have       AUX   VBD  11 aux
        been       be         AUX   VBN  11 auxpass
        liberated  liberate   VERB  VBN  6  ccomp
        ,          ,          PUNCT ,    15 punct
        the        the        DET   DT   14 det
        army       army       NOUN  NN   15 nsubj   B-ACTOR actor/iraqi-army
        made       make       VERB  VBD  6  ccomp
        victory    victory    NOUN  NN   15 dobj
        against    against    ADP   IN   16 prep
        ISIS       ISIS       PROPN NNP  17 pobj    B-ACTOR actor/isis
        .          .          PUNCT .    6  punct
    """)
    (event,) = events(doc)
    assert event.kind == "ControlChange" and event.locations == [iri("place/tikrit")]
    assert event.gained_control == [iri("actor/iraqi-army")]
    assert event.lost_control == [iri("actor/isis")]
    assert "events.merge.sentence" in event.extractor


def test_events_victory_alone_of_no_place_is_no_event() -> None:
    # "The army made victory against ISIS."
    doc = parse("""
        The        the        DET   DT   2  det
        army       army       NOUN  NN   3  nsubj   B-ACTOR actor/iraqi-army
        made       make       VERB  VBD  0  ROOT
        victory    victory    NOUN  NN   3  dobj
        against    against    ADP   IN   4  prep
        ISIS       ISIS       PROPN NNP  5  pobj    B-ACTOR actor/isis
        .          .          PUNCT .    3  punct
    """)
    assert events(doc) == []


def test_events_merge_article_a_declaration_dates_the_change_at_the_latest() -> None:
    # "The army retook Tikrit from ISIS on Monday. The army declared victory in Tikrit on
    # Tuesday." (one change: the declaration's Tuesday is when it was declared)
    doc = parse("""
        The        the        DET   DT   2  det
        army       army       NOUN  NN   3  nsubj   B-ACTOR actor/iraqi-army
        retook     retake     VERB  VBD  0  ROOT
        Tikrit     Tikrit     PROPN NNP  3  dobj    B-PLACE place/tikrit
        from       from       ADP   IN   3  prep
        ISIS       ISIS       PROPN NNP  5  pobj    B-ACTOR actor/isis
        on         on         ADP   IN   3  prep
        Monday     Monday     PROPN NNP  7  pobj    B-DATE
        .          .          PUNCT .    3  punct
        The        the        DET   DT   11 det
        army       army       NOUN  NN   12 nsubj   B-ACTOR actor/iraqi-army
        declared   declare    VERB  VBD  0  ROOT
        victory    victory    NOUN  NN   12 dobj
        in         in         ADP   IN   13 prep
        Tikrit     Tikrit     PROPN NNP  14 pobj    B-PLACE place/tikrit
        on         on         ADP   IN   12 prep
        Tuesday    Tuesday    PROPN NNP  16 pobj    B-DATE
        .          .          PUNCT .    12 punct
    """)
    (event,) = events(doc)
    assert event.when is not None and event.when.raw == "Monday"
    assert "events.merge.article" in event.extractor


def test_events_conquering_a_place_declared_free() -> None:
    # "The army declared Tikrit free of ISIS."
    doc = parse("""
        The        the        DET   DT   2  det
        army       army       NOUN  NN   3  nsubj   B-ACTOR actor/iraqi-army
        declared   declare    VERB  VBD  0  ROOT
        Tikrit     Tikrit     PROPN NNP  5  nsubj   B-PLACE place/tikrit
        free       free       ADJ   JJ   3  ccomp
        of         of         ADP   IN   5  prep
        ISIS       ISIS       PROPN NNP  6  pobj    B-ACTOR actor/isis
        .          .          PUNCT .    3  punct
    """)
    cand = read_conquering(trigger(doc, "free"), context(doc))
    assert cand is not None and cand.declared
    assert (cand.gained, cand.lost, cand.locations) == (
        [iri("actor/iraqi-army")], [iri("actor/isis")], [iri("place/tikrit")])


def test_events_conquering_swathes_of_territory_are_located_by_the_verb() -> None:
    # "ISIS seized control of swathes of territory in northern Iraq in 2014."
    doc = parse("""
        ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
        seized     seize      VERB  VBD  0  ROOT
        control    control    NOUN  NN   2  dobj
        of         of         ADP   IN   3  prep
        swathes    swathe     NOUN  NNS  4  pobj
        of         of         ADP   IN   5  prep
        territory  territory  NOUN  NN   6  pobj
        in         in         ADP   IN   2  prep
        northern   northern   ADJ   JJ   10 amod
        Iraq       Iraq       PROPN NNP  8  pobj    B-PLACE place/iraq
        in         in         ADP   IN   2  prep
        2014       2014       NUM   CD   11 pobj    B-DATE
        .          .          PUNCT .    2  punct
    """)
    (event,) = events(doc)
    assert (event.locations, event.gained_control) == ([iri("place/iraq")], [iri("actor/isis")])


def test_events_victory_the_death_of_the_caliphate_in_a_place() -> None:
    # "The SDF pronounced the death of the caliphate in Baghouz on Saturday." ("caliphate" is
    # a label of ISIS)
    doc = parse("""
    The          the          DET   DT   2   det
    SDF          SDF          PROPN NNP  3   nsubj      B-ACTOR  actor/sdf
    pronounced   pronounce    VERB  VBD  0   ROOT
    the          the          DET   DT   5   det
    death        death        NOUN  NN   3   dobj
    of           of           ADP   IN   5   prep
    the          the          DET   DT   8   det
    caliphate    caliphate    NOUN  NN   6   pobj       B-ACTOR  actor/isis
    in           in           ADP   IN   8   prep
    Baghouz      Baghouz      PROPN NNP  9   pobj       B-PLACE  place/al-baghouz
    on           on           ADP   IN   3   prep
    Saturday     Saturday     PROPN NNP  11  pobj       B-DATE
    .            .            PUNCT .    3   punct
    """)
    (event,) = events(doc)
    assert (event.gained_control, event.lost_control, event.locations) == (
        [iri("actor/sdf")], [iri("actor/isis")], [iri("place/al-baghouz")])
    assert event.when is not None and event.when.raw == "Saturday"
    assert event.when.precision == "approximate"  # declared then: on or before that day


def test_events_conquering_is_militants_misparsed_as_the_verb_is() -> None:
    # "IS militants seized Bartella on Monday." ("IS" read as an auxiliary, kept linked)
    doc = parse("""
        IS         be         AUX   VBZ  3  aux     B-ACTOR actor/isis
        militants  militant   NOUN  NNS  3  nsubj
        seized     seize      VERB  VBD  0  ROOT
        Bartella   Bartella   PROPN NNP  3  dobj    B-PLACE place/bartella
        on         on         ADP   IN   3  prep
        Monday     Monday     PROPN NNP  5  pobj    B-DATE
        .          .          PUNCT .    3  punct
    """)
    (event,) = events(doc)
    assert event.gained_control == [iri("actor/isis")] and event.locations == [iri("place/bartella")]
