"""The article context of the event readers (``extract.events.context`` and ``.entities``):
anaphora, sponsors and places of origin, on hand-built parses."""

from __future__ import annotations

from event_rules import context, iri, trigger
from parses import parse

from isisgraph.extract.events import read_trigger
from isisgraph.extract.events.context import GROUP_ANAPHOR, PLACE_ANAPHOR, PRONOUN
from isisgraph.extract.events.entities import is_origin, is_sponsor_modifier

# "{actor} seized {place}. {subject} retook the town."
TWO_SENTENCES = """
    {actor}
    seized     seize      VERB  VBD  0  ROOT
    {place}
    .          .          PUNCT .    2  punct
    The        the        DET   DT   6  det
    group      group      NOUN  NN   7  nsubj
    retook     retake     VERB  VBD  0  ROOT
    the        the        DET   DT   9  det
    town       town       NOUN  NN   7  dobj
    .          .          PUNCT .    7  punct
"""
ISIS = "ISIS ISIS PROPN NNP 2 nsubj B-ACTOR actor/isis"
ARMY = "Army army PROPN NNP 2 nsubj B-ACTOR actor/iraqi-army"
HAWIJA = "Hawija Hawija PROPN NNP 2 dobj B-PLACE place/hawija"
ANBAR = "Anbar Anbar PROPN NNP 2 dobj B-PLACE place/anbar-governorate"


def test_events_context_group_anaphor_is_the_nearest_armed_group() -> None:
    assert GROUP_ANAPHOR == "events.context.group-anaphor"
    doc = parse(TWO_SENTENCES.format(actor=ISIS, place=HAWIJA))
    iris, _, anaphoric = context(doc).actors([doc[5]])
    assert iris == [iri("actor/isis")] and anaphoric


def test_events_context_group_anaphor_is_no_state_force() -> None:
    doc = parse(TWO_SENTENCES.format(actor=ARMY, place=HAWIJA))
    assert context(doc).actors([doc[5]])[0] == []


def test_events_context_place_anaphor_is_the_nearest_place_of_a_fitting_type() -> None:
    assert PLACE_ANAPHOR == "events.context.place-anaphor"
    doc = parse(TWO_SENTENCES.format(actor=ISIS, place=HAWIJA))
    iris, _, anaphoric = context(doc).places([doc[8]])
    assert iris == [iri("place/hawija")] and anaphoric


def test_events_context_place_anaphor_skips_places_of_another_type() -> None:
    doc = parse(TWO_SENTENCES.format(actor=ISIS, place=ANBAR))  # a province is no town
    assert context(doc).places([doc[8]])[0] == []


# "{subject} said it killed 50 militants."
SAID_IT = """
    {subject}
    said       say        VERB  VBD  0  ROOT
    it         it         PRON  PRP  4  nsubj
    killed     kill       VERB  VBD  2  ccomp
    50         50         NUM   CD   6  nummod
    militants  militant   NOUN  NNS  4  dobj
    .          .          PUNCT .    2  punct
"""


def test_events_context_pronoun_is_the_nearest_subject() -> None:
    assert PRONOUN == "events.context.pronoun"
    doc = parse(SAID_IT.format(subject=ARMY))
    iris, _, anaphoric = context(doc).actors([doc[2]])
    assert iris == [iri("actor/iraqi-army")] and anaphoric


def test_events_context_pronoun_of_a_subject_naming_no_actor_is_nobody() -> None:
    doc = parse(SAID_IT.format(subject="Officials official NOUN NNS 2 nsubj"))
    assert context(doc).actors([doc[2]])[0] == []


def test_events_entities_a_sponsor_is_no_party() -> None:
    # "US-backed forces attacked ISIS."
    doc = parse("""
        US         US         PROPN NNP  3  npadvmod B-ACTOR actor/us  nospace
        -          -          PUNCT HYPH 3  punct   nospace
        backed     back       VERB  VBN  4  amod
        forces     force      NOUN  NNS  5  nsubj
        attacked   attack     VERB  VBD  0  ROOT
        ISIS       ISIS       PROPN NNP  5  dobj    B-ACTOR actor/isis
        .          .          PUNCT .    5  punct
    """)
    us, isis = doc.ents
    assert is_sponsor_modifier(us) and not is_sponsor_modifier(isis)
    assert context(doc).actors([doc[3]])[0] == []


def test_events_entities_a_place_of_origin_is_not_where_it_happened() -> None:
    # "Fighters from Lebanon entered Syria."
    doc = parse("""
        Fighters   fighter    NOUN  NNS  4  nsubj
        from       from       ADP   IN   1  prep
        Lebanon    Lebanon    PROPN NNP  2  pobj    B-PLACE place/lebanon
        entered    enter      VERB  VBD  0  ROOT
        Syria      Syria      PROPN NNP  4  dobj    B-PLACE place/syria
        .          .          PUNCT .    4  punct
    """)
    lebanon, syria = doc.ents
    assert is_origin(lebanon) and not is_origin(syria)
    assert context(doc).linked_in(list(doc), "PLACE") == [(iri("place/syria"), syria)]


# "The SDF fought ISIS in Raqqa. The army arrested {four} militants in Mosul."
MILITANTS = """
    The        the        DET   DT   2  det
    SDF        SDF        PROPN NNP  3  nsubj   B-ACTOR actor/sdf
    fought     fight      VERB  VBD  0  ROOT
    ISIS       ISIS       PROPN NNP  3  dobj    B-ACTOR actor/isis
    in         in         ADP   IN   3  prep
    Raqqa      Raqqa      PROPN NNP  5  pobj    B-PLACE place/raqqa
    .          .          PUNCT .    3  punct
    The        the        DET   DT   9  det
    army       army       NOUN  NN   10 nsubj
    arrested   arrest     VERB  VBD  0  ROOT
    {count}
    militants  militant   NOUN  NNS  10 dobj
    in         in         ADP   IN   10 prep
    Mosul      Mosul      PROPN NNP  {mosul} pobj B-PLACE place/mosul
    .          .          PUNCT .    10 punct
"""


def test_events_context_militants_a_number_of_militants_are_of_the_armed_group_named() -> None:
    from isisgraph.extract.events.context import MILITANTS as RULE

    assert RULE == "events.context.militants"
    doc = parse(MILITANTS.format(count="four  four  NUM  CD  12  nummod", mosul=13))
    assert context(doc).actors([doc[11]])[0] == [iri("actor/isis")]


def test_events_context_militants_a_bare_plural_participant_is_the_armed_group_named() -> None:
    # round 3: "The army arrested militants in Mosul" is an arrest of the article's militants
    doc = parse(MILITANTS.format(count="", mosul=12))
    assert context(doc).actors([doc[10]])[0] == [iri("actor/isis")]


def test_events_context_militants_not_a_class_of_people() -> None:
    # "The SDF fought ISIS in Raqqa. The army fought insurgents and militants."
    doc = parse("""
        The        the        DET   DT   2  det
        SDF        SDF        PROPN NNP  3  nsubj   B-ACTOR actor/sdf
        fought     fight      VERB  VBD  0  ROOT
        ISIS       ISIS       PROPN NNP  3  dobj    B-ACTOR actor/isis
        in         in         ADP   IN   3  prep
        Raqqa      Raqqa      PROPN NNP  5  pobj    B-PLACE place/raqqa
        .          .          PUNCT .    3  punct
        The        the        DET   DT   9  det
        army       army       NOUN  NN   10 nsubj
        fought     fight      VERB  VBD  0  ROOT
        insurgents insurgent  NOUN  NNS  10 dobj
        and        and        CCONJ CC   11 cc
        militants  militant   NOUN  NNS  11 conj
        .          .          PUNCT .    10 punct
    """)
    assert context(doc).actors([doc[10]])[0] == []


# "ISIS attacked Raqqa. The SDF arrested four militants." (a Kurdish outlet, 2021: "The SDF
# announced that it had arrested one suspect ...")
ARRESTED_BY_A_GROUP = """
    ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
    attacked   attack     VERB  VBD  0  ROOT
    Raqqa      Raqqa      PROPN NNP  2  dobj    B-PLACE place/raqqa
    .          .          PUNCT .    2  punct
    The        the        DET   DT   6  det
    SDF        SDF        PROPN NNP  7  nsubj   B-ACTOR actor/sdf
    arrested   arrest     VERB  VBD  0  ROOT
    four       four       NUM   CD   9  nummod
    militants  militant   NOUN  NNS  7  dobj
    .          .          PUNCT .    7  punct
"""


def test_events_context_militants_not_of_the_event_s_other_side() -> None:
    doc = parse(ARRESTED_BY_A_GROUP)
    ctx = context(doc)
    # the nearest armed group, never the SDF (round 3: a non-militant group)
    assert ctx.actors([doc[8]])[0] == [iri("actor/isis")]
    assert ctx.actors([doc[8]], other_side=[iri("actor/sdf")])[0] == [iri("actor/isis")]
    arrest = read_trigger(trigger(doc, "arrested"), context(doc))
    assert arrest is not None and arrest.perpetrators == [iri("actor/sdf")]
    assert arrest.target_actors == [iri("actor/isis")]


def test_events_context_place_anaphor_not_another_place_nor_the_whole_of_a_share() -> None:
    from isisgraph.extract.events.context import definite, share_of

    # "Hawija fell. The army entered another town and 87% of the territory."
    doc = parse("""
        Hawija     Hawija     PROPN NNP  2  nsubj   B-PLACE place/hawija
        fell       fall       VERB  VBD  0  ROOT
        .          .          PUNCT .    2  punct
        The        the        DET   DT   5  det
        army       army       NOUN  NN   6  nsubj
        entered    enter      VERB  VBD  0  ROOT
        another    another    DET   DT   8  det
        town       town       NOUN  NN   6  dobj
        and        and        CCONJ CC   8  cc
        87         87         NUM   CD   11 nummod
        %          %          NOUN  NN   8  conj
        of         of         ADP   IN   11 prep
        the        the        DET   DT   14 det
        territory  territory  NOUN  NN   12 pobj
        .          .          PUNCT .    6  punct
    """)
    ctx = context(doc)
    assert not definite(doc[7]) and definite(doc[13]) and share_of(doc[13])
    assert ctx.resolve_place_anaphor(doc[13], [doc[13]], []) == []
    assert ctx.places([doc[7]])[0] == []


def test_events_context_force_anaphor_those_forces_are_the_force_named_before() -> None:
    from isisgraph.extract.events.context import FORCE_ANAPHOR

    assert FORCE_ANAPHOR == "events.context.force-anaphor"
    # "The SDF entered Manbij. Those forces seized half of the city."
    doc = parse("""
        The        the        DET   DT   2  det
        SDF        SDF        PROPN NNP  3  nsubj   B-ACTOR actor/sdf
        entered    enter      VERB  VBD  0  ROOT
        Manbij     Manbij     PROPN NNP  3  dobj    B-PLACE place/manbij
        .          .          PUNCT .    3  punct
        Those      those      DET   DT   7  det
        forces     force      NOUN  NNS  8  nsubj
        seized     seize      VERB  VBD  0  ROOT
        half       half       NOUN  NN   8  dobj
        of         of         ADP   IN   9  prep
        the        the        DET   DT   12 det
        city       city       NOUN  NN   10 pobj
        .          .          PUNCT .    8  punct
    """)
    assert context(doc).actors([doc[6]])[0] == [iri("actor/sdf")]
    # a government is no force: "The government entered Manbij. Those forces ..."
    gov = parse("""
        The        the        DET   DT   2  det
        government government NOUN  NN   3  nsubj   B-ACTOR actor/iraqi-government
        entered    enter      VERB  VBD  0  ROOT
        Manbij     Manbij     PROPN NNP  3  dobj    B-PLACE place/manbij
        .          .          PUNCT .    3  punct
        Those      those      DET   DT   7  det
        forces     force      NOUN  NNS  8  nsubj
        seized     seize      VERB  VBD  0  ROOT
        it         it         PRON  PRP  8  dobj
        .          .          PUNCT .    8  punct
    """)
    assert context(gov).actors([gov[6]])[0] == []


def test_events_context_a_parent_group_is_not_its_offshoot() -> None:
    from isisgraph.extract.events.entities import is_parent_modifier

    # "An al Qaeda splinter group seized Mosul." / "Al Qaeda seized Mosul."
    doc = parse("""
        An         an         DET   DT   5  det
        al         al         PROPN NNP  3  compound B-ACTOR actor/al-qaeda
        Qaeda      Qaeda      PROPN NNP  5  compound I-ACTOR actor/al-qaeda
        splinter   splinter   NOUN  NN   5  compound
        group      group      NOUN  NN   6  nsubj
        seized     seize      VERB  VBD  0  ROOT
        Mosul      Mosul      PROPN NNP  6  dobj    B-PLACE place/mosul
        .          .          PUNCT .    6  punct
    """)
    assert is_parent_modifier(doc.ents[0]) and context(doc).actors([doc[4]])[0] == []
    plain = parse("""
        Al         al         PROPN NNP  2  compound B-ACTOR actor/al-qaeda
        Qaeda      Qaeda      PROPN NNP  3  nsubj    I-ACTOR actor/al-qaeda
        seized     seize      VERB  VBD  0  ROOT
        Mosul      Mosul      PROPN NNP  3  dobj    B-PLACE place/mosul
        .          .          PUNCT .    3  punct
    """)
    assert context(plain).actors([plain[1]])[0] == [iri("actor/al-qaeda")]


# "ISIS seized Hawija, west of Kirkuk. The army retook {det} {place} {part}." (sentences of
# our own; the dev set's "the city center" (CNN 2017) and "the town centre" (Daily Sabah 2017))
PART_OF_PLACE = """
    ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR  actor/isis
    seized     seize      VERB  VBD  0  ROOT
    Hawija     Hawija     PROPN NNP  2  dobj    B-PLACE  place/hawija
    ,          ,          PUNCT ,    3  punct
    west       west       ADV   RB   3  advmod
    of         of         ADP   IN   5  prep
    Kirkuk     Kirkuk     PROPN NNP  6  pobj    B-PLACE  place/kirkuk
    .          .          PUNCT .    2  punct
    The        the        DET   DT   10 det
    army       army       NOUN  NN   11 nsubj
    retook     retake     VERB  VBD  0  ROOT
    {det}      {det}      DET   DT   14 det
    {place}    {place}    NOUN  NN   14 compound
    {part}     {part}     NOUN  NN   11 dobj
    .          .          PUNCT .    11 punct
"""


def test_events_context_place_anaphor_through_a_part_of_the_place() -> None:
    """ "the city center", "the town centre", "this city outskirts" read "the" on the part
    noun: the city meant is the one named before (Hawija), not the reference point that
    locates it (Kirkuk, named after it)."""
    for det, place, part in (("the", "city", "center"), ("the", "town", "centre"),
                             ("this", "city", "outskirts")):
        doc = parse(PART_OF_PLACE.format(det=det, place=place, part=part))
        iris, _, anaphoric = context(doc).places([doc[13]])
        assert (iris, anaphoric) == ([iri("place/hawija")], True), (det, place, part)


def test_events_context_an_indefinite_part_of_a_place_refers_back_to_none() -> None:
    doc = parse(PART_OF_PLACE.format(det="a", place="city", part="center"))
    assert context(doc).places([doc[13]])[0] == []


def test_events_context_force_anaphor_is_no_militant_group_and_takes_a_coordination() -> None:
    # "The Army and the Peshmerga attacked ISIS. The troops killed ten." (ISIS is nearest, but
    # "the troops" are the state's side; both coordinated forces, not only the last named)
    doc = parse("""
        The        the        DET   DT   2  det
        Army       army       PROPN NNP  6  nsubj   B-ACTOR actor/iraqi-army
        and        and        CCONJ CC   2  cc
        the        the        DET   DT   5  det
        Peshmerga  Peshmerga  PROPN NNP  2  conj    B-ACTOR actor/peshmerga
        attacked   attack     VERB  VBD  0  ROOT
        ISIS       ISIS       PROPN NNP  6  dobj    B-ACTOR actor/isis
        .          .          PUNCT .    6  punct
        The        the        DET   DT   10 det
        troops     troop      NOUN  NNS  11 nsubj
        killed     kill       VERB  VBD  0  ROOT
        ten        ten        NUM   CD   11 dobj
        .          .          PUNCT .    11 punct
    """)
    assert context(doc).actors([doc[9]])[0] == [iri("actor/iraqi-army"), iri("actor/peshmerga")]
    # "ISIS fought the SDF near Raqqa. The forces seized a village.": the SDF, a force that
    # fights the militants, is named before "the forces"
    sdf = parse("""
        ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
        fought     fight      VERB  VBD  0  ROOT
        the        the        DET   DT   4  det
        SDF        SDF        PROPN NNP  2  dobj    B-ACTOR actor/sdf
        .          .          PUNCT .    2  punct
        The        the        DET   DT   7  det
        forces     force      NOUN  NNS  8  nsubj
        seized     seize      VERB  VBD  0  ROOT
        it         it         PRON  PRP  8  dobj
        .          .          PUNCT .    8  punct
    """)
    assert context(sdf).actors([sdf[6]])[0] == [iri("actor/sdf")]
    # "ISIS entered Hit. The forces seized it.": no force named, none
    alone = parse("""
        ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
        entered    enter      VERB  VBD  0  ROOT
        Hit        Hit        PROPN NNP  2  dobj    B-PLACE place/hit
        .          .          PUNCT .    2  punct
        The        the        DET   DT   7  det
        forces     force      NOUN  NNS  8  nsubj
        seized     seize      VERB  VBD  0  ROOT
        it         it         PRON  PRP  8  dobj
        .          .          PUNCT .    8  punct
    """)
    assert context(alone).actors([alone[5]])[0] == []
