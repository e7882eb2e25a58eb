"""The trigger search (``extract.events.triggers``) and the mentions that are no new event
(``extract.events.filters``) on hand-built parses."""

from __future__ import annotations

from event_rules import context, events, iri, trigger, triggers
from parses import parse

from isisgraph.extract.events.control import read_conquering
from isisgraph.extract.events.filters import (
    ANAPHORIC_MENTION,
    BACKGROUND,
    GENERIC_NOUN,
    MEANS_OF_HARM,
    TALLY,
    anaphoric_mention,
    generic_noun,
    is_background,
    is_tally,
    means_of_harm,
)
from isisgraph.extract.events.people import read_killing
from isisgraph.extract.events.triggers import TRIGGERS


def test_events_triggers_a_label_whose_words_depend_on_its_head() -> None:
    assert TRIGGERS == "events.triggers"
    # "Kurdish forces drove the militants out of Sinjar."
    doc = parse("""
        Kurdish    kurdish    ADJ   JJ   2  amod    B-ACTOR actor/kurdish-forces
        forces     force      NOUN  NNS  3  nsubj   I-ACTOR actor/kurdish-forces
        drove      drive      VERB  VBD  0  ROOT
        the        the        DET   DT   5  det
        militants  militant   NOUN  NNS  3  dobj
        out        out        ADP   RP   3  prt
        of         of         ADP   IN   6  prep
        Sinjar     Sinjar     PROPN NNP  7  pobj    B-PLACE place/sinjar
        .          .          PUNCT .    3  punct
    """)
    found = trigger(doc, "drove")
    assert found.word.concept == "drive-out" and [t.text for t in found.tokens] == ["drove", "out"]
    cand = read_conquering(found, context(doc))
    assert cand is not None and cand.locations == [iri("place/sinjar")]


def test_events_triggers_none_inside_a_linked_name() -> None:
    # "The Liberation Front attacked Baiji." (a name the NLP stage linked)
    doc = parse("""
        The        the        DET   DT   3  det
        Liberation liberation PROPN NNP  3  compound B-ACTOR actor/isis
        Front      front      PROPN NNP  4  nsubj    I-ACTOR actor/isis
        attacked   attack     VERB  VBD  0  ROOT
        Baiji      Baiji      PROPN NNP  4  dobj    B-PLACE place/baiji
        .          .          PUNCT .    4  punct
    """)
    assert [t.head.text for t in triggers(doc)] == ["attacked"]


# "[Any|An] attack on Monday"
def attack_noun(determiner: str) -> str:
    return f"""
        ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
        claimed    claim      VERB  VBD  0  ROOT
        {determiner}  {determiner.lower()}  DET  DT  4  det
        attack     attack     NOUN  NN   2  dobj
        on         on         ADP   IN   4  prep
        Monday     Monday     PROPN NNP  5  pobj    B-DATE
        .          .          PUNCT .    2  punct
    """


def test_events_filters_generic_noun_with_a_generic_determiner() -> None:
    assert GENERIC_NOUN == "events.filters.generic-noun"
    doc = parse(attack_noun("any"))
    assert generic_noun(trigger(doc, "attack"), has_date=True) == "generic determiner"


def test_events_filters_generic_noun_not_for_one_dated_attack() -> None:
    doc = parse(attack_noun("an"))
    assert generic_noun(trigger(doc, "attack"), has_date=True) is None


def test_events_filters_anaphoric_mention_of_a_definite_noun_adding_nothing() -> None:
    assert ANAPHORIC_MENTION == "events.filters.anaphoric-mention"
    # "ISIS claimed the attack." / "ISIS claimed the attack on Monday."
    doc = parse("""
        ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
        claimed    claim      VERB  VBD  0  ROOT
        the        the        DET   DT   4  det
        attack     attack     NOUN  NN   2  dobj
        .          .          PUNCT .    2  punct
    """)
    assert doc.text == "ISIS claimed the attack."
    assert anaphoric_mention(trigger(doc, "attack"))
    assert not anaphoric_mention(trigger(parse(attack_noun("the")), "attack"))


# "ISIS killed 30 soldiers in [attacks|an attack] on their positions."
def killed_in(noun: str, tag: str, determiner: str) -> str:
    return f"""
        ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
        killed     kill       VERB  VBD  0  ROOT
        30         30         NUM   CD   4  nummod
        soldiers   soldier    NOUN  NNS  2  dobj
        in         in         ADP   IN   2  prep
        {determiner}
        {noun}     attack     NOUN  {tag}  5  pobj
        .          .          PUNCT .    2  punct
    """


def test_events_filters_means_of_harm_plural_attacks_under_a_killing() -> None:
    assert MEANS_OF_HARM == "events.filters.means-of-harm"
    doc = parse(killed_in("attacks", "NNS", ""))
    assert means_of_harm(triggers(doc)) == {5}


def test_events_filters_means_of_harm_not_one_attack() -> None:
    doc = parse(killed_in("attack", "NN", "an an DET DT 7 det"))
    assert means_of_harm(triggers(doc)) == set()


# "Months before ISIS was ousted from Raqqa ..." (a subordinate control change)
OUSTED = """
    ISIS       ISIS       PROPN NNP  3  nsubjpass B-ACTOR actor/isis
    was        be         AUX   VBD  3  auxpass
    ousted     oust       VERB  VBN  0  ROOT
    from       from       ADP   IN   3  prep
    Raqqa      Raqqa      PROPN NNP  4  pobj    B-PLACE place/raqqa
    .          .          PUNCT .    3  punct
"""


def test_events_filters_background_undated_subordinate_control_change() -> None:
    assert BACKGROUND == "events.filters.background"
    doc = parse(OUSTED)
    cand = read_conquering(trigger(doc, "ousted"), context(doc))
    assert cand is not None and not is_background(cand)  # a main clause
    cand.subordinate = True
    assert is_background(cand)
    cand.merged = True  # merged into a dated report of the same change: kept
    assert not is_background(cand)


def test_events_filters_tally_neither_dated_nor_placed() -> None:
    assert TALLY == "events.filters.tally"
    doc = parse(OUSTED)
    cand = read_conquering(trigger(doc, "ousted"), context(doc))
    assert cand is not None and not is_tally(cand)
    cand.locations = []
    assert is_tally(cand)
    # "ISIS has killed 30 soldiers.": no date, no place, a record (the simple past of one
    # killing is an outcome told as news, which events.merge.episode keeps)
    killed = parse("""
        ISIS       ISIS       PROPN NNP  3  nsubj   B-ACTOR actor/isis
        has        have       AUX   VBZ  3  aux
        killed     kill       VERB  VBN  0  ROOT
        30         30         NUM   CD   5  nummod
        soldiers   soldier    NOUN  NNS  3  dobj
        .          .          PUNCT .    3  punct
    """)
    assert read_killing(trigger(killed, "killed"), context(killed)) is not None
    assert events(killed) == []


def test_events_triggers_equal_labels_on_one_head_resolve_the_same_in_any_order() -> None:
    # Two labels of one length on one head, one reached by the lemma and one by the form: the
    # first of the lexicon wins, whichever the matchers offer first (no hash order).
    from spacy.matcher import PhraseMatcher

    from isisgraph.extract.events.triggers import TriggerLexicon, TriggerWord, find_triggers

    # "ISIS retook Hit."
    doc = parse("""
        ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
        retook     retake     VERB  VBD  0  ROOT
        Hit        Hit        PROPN NNP  2  dobj    B-PLACE place/hit
        .          .          PUNCT .    2  punct
    """)
    first = TriggerWord("first", "conquering", "ControlChange", ("retake", "hit"))
    second = TriggerWord("second", "conquering", "ControlChange", ("retook", "hit"))
    chosen = set()
    for headed in ({"retake": [(0, ("hit",))], "retook": [(1, ("hit",))]},
                   {"retook": [(1, ("hit",))], "retake": [(0, ("hit",))]}):
        lexicon = TriggerLexicon([first, second], PhraseMatcher(doc.vocab, attr="LEMMA"),
                                 PhraseMatcher(doc.vocab, attr="LOWER"), headed)
        (found,) = find_triggers(doc, lexicon)
        chosen.add(found.word.concept)
    assert chosen == {"first"}


# "The commander spoke about the Desert Storm Operation near Mosul."
NAMED_OPERATION = """
    The        the        DET   DT   2  det
    commander  commander  NOUN  NN   3  nsubj
    spoke      speak      VERB  VBD  0  ROOT
    about      about      ADP   IN   3  prep
    the        the        DET   DT   8  det
    Desert     Desert     PROPN NNP  8  compound
    {storm}
    Operation  Operation  PROPN NNP  4  pobj
    near       near       ADP   IN   3  prep
    Mosul      Mosul      PROPN NNP  9  pobj    B-PLACE place/mosul
    .          .          PUNCT .    3  punct
"""


def test_events_triggers_inside_name_a_capitalised_word_of_an_unlinked_name() -> None:
    from isisgraph.extract.events.triggers import INSIDE_NAME

    assert INSIDE_NAME == "events.triggers.inside-name"
    doc = parse(NAMED_OPERATION.format(storm="Storm  Storm  PROPN NNP  8  compound"))
    assert triggers(doc) == []


def test_events_triggers_inside_name_not_a_word_in_lower_case() -> None:
    doc = parse(NAMED_OPERATION.format(storm="storm  storm  NOUN  NN   8  compound"))
    assert [t.head.text for t in triggers(doc)] == ["storm"]


# "Coalition aircraft, including attack and bomber aircraft, struck near Raqqa on Monday."
ATTACK_AIRCRAFT = """
    Coalition  coalition  NOUN  NN   2  compound B-ACTOR actor/cjtf-oir
    aircraft   aircraft   NOUN  NN   10 nsubj    I-ACTOR actor/cjtf-oir
    ,          ,          PUNCT ,    2  punct
    including  include    VERB  VBG  2  prep
    attack     attack     NOUN  NN   8  {dep}
    and        and        CCONJ CC   5  cc
    bomber     bomber     NOUN  NN   5  conj
    aircraft   aircraft   NOUN  NN   4  pobj
    ,          ,          PUNCT ,    2  punct
    struck     strike     VERB  VBD  0  ROOT
    near       near       ADP   IN   10 prep
    Raqqa      Raqqa      PROPN NNP  11 pobj    B-PLACE place/raqqa
    on         on         ADP   IN   10 prep
    Monday     Monday     PROPN NNP  13 pobj    B-DATE
    .          .          PUNCT .    10 punct
"""


def test_events_filters_modifier_a_trigger_noun_naming_a_kind_of_aircraft() -> None:
    from isisgraph.extract.events.filters import MODIFIER, modifiers

    assert MODIFIER == "events.filters.modifier"
    doc = parse(ATTACK_AIRCRAFT.format(dep="nmod"))
    assert modifiers(triggers(doc)) == {4}
    assert [e.kind for e in events(doc)] == []


def test_events_filters_modifier_not_a_trigger_noun_heading_its_phrase() -> None:
    from isisgraph.extract.events.filters import modifiers

    # "Two attacks killed soldiers near Raqqa on Monday."
    doc = parse("""
        Two        two        NUM   CD   2  nummod
        attacks    attack     NOUN  NNS  3  nsubj
        killed     kill       VERB  VBD  0  ROOT
        soldiers   soldier    NOUN  NNS  3  dobj
        near       near       ADP   IN   3  prep
        Raqqa      Raqqa      PROPN NNP  5  pobj    B-PLACE place/raqqa
        on         on         ADP   IN   3  prep
        Monday     Monday     PROPN NNP  7  pobj    B-DATE
        .          .          PUNCT .    3  punct
    """)
    assert modifiers(triggers(doc)) == set()


# "In [northern] Iraq, 1,800 Peshmerga were killed."
def killed_in_iraq(northern: bool) -> str:
    shift = 1 if northern else 0
    amod = "northern   northern   ADJ   JJ   3  amod\n" if northern else ""
    return f"""
        In         in         ADP   IN   {7 + shift}  prep
        {amod}
        Iraq       Iraq       PROPN NNP  1  pobj    B-PLACE place/iraq
        ,          ,          PUNCT ,    {7 + shift}  punct
        1,800      1,800      NUM   CD   {5 + shift}  nummod
        Peshmerga  Peshmerga  PROPN NNP  {7 + shift}  nsubjpass B-ACTOR actor/peshmerga
        were       be         AUX   VBD  {7 + shift}  auxpass
        killed     kill       VERB  VBN  0  ROOT
        .          .          PUNCT .    {7 + shift}  punct
    """


def test_events_filters_country_wide_an_undated_event_placed_by_a_bare_country() -> None:
    from isisgraph.extract.events.filters import COUNTRY_WIDE

    assert COUNTRY_WIDE == "events.filters.country-wide"
    assert events(parse(killed_in_iraq(northern=False))) == []


def test_events_filters_country_wide_not_a_region_of_a_country() -> None:
    (event,) = events(parse(killed_in_iraq(northern=True)))
    assert event.kind == "Killing" and event.locations == [iri("place/iraq")]


def test_events_filters_unrealised_the_eventual_liberation() -> None:
    from isisgraph.extract.events.filters import UNREALISED, unrealised

    assert UNREALISED == "events.filters.unrealised"
    # "Forces prepared for the {eventual|recent} liberation of Mosul."
    table = """
        Forces     force      NOUN  NNS  2  nsubj   B-ACTOR actor/isf
        prepared   prepare    VERB  VBD  0  ROOT
        for        for        ADP   IN   2  prep
        the        the        DET   DT   6  det
        {adj}      {adj}      ADJ   JJ   6  amod
        liberation liberation NOUN  NN   3  pobj
        of         of         ADP   IN   6  prep
        Mosul      Mosul      PROPN NNP  7  pobj    B-PLACE place/mosul
        .          .          PUNCT .    2  punct
    """
    assert unrealised(trigger(parse(table.format(adj="eventual")), "liberation"))
    assert not unrealised(trigger(parse(table.format(adj="recent")), "liberation"))


# "The aviation eliminated {what} near Raqqa on Monday."
ELIMINATED = """
    The        the        DET   DT   2  det
    aviation   aviation   NOUN  NN   3  nsubj   B-ACTOR actor/russian-armed-forces
    eliminated eliminate  VERB  VBD  0  ROOT
    {what}
    near       near       ADP   IN   3  prep
    Raqqa      Raqqa      PROPN NNP  {raqqa} pobj B-PLACE place/raqqa
    on         on         ADP   IN   3  prep
    Monday     Monday     PROPN NNP  {monday} pobj B-DATE
    .          .          PUNCT .    3  punct
"""


def test_events_killing_eliminate_kills_people() -> None:
    doc = parse(ELIMINATED.format(what="""
        50         50         NUM   CD   5  nummod
        terrorists terrorist  NOUN  NNS  3  dobj""", raqqa=6, monday=8))
    cand = read_killing(trigger(doc, "eliminated"), context(doc))
    assert cand is not None and cand.killed is not None and cand.killed.value == 50


def test_events_killing_eliminate_not_a_convoy() -> None:
    doc = parse(ELIMINATED.format(what="""
        a          a          DET   DT   5  det
        convoy     convoy     NOUN  NN   3  dobj""", raqqa=6, monday=8))
    assert read_killing(trigger(doc, "eliminated"), context(doc)) is None


# "Our forces neutralised {what} near Raqqa." (the Turkish, French and Kurdish statements' word)
NEUTRALISED = """
    Our        our        PRON  PRP$ 2  poss
    forces     force      NOUN  NNS  3  nsubj
    neutralised neutralise VERB VBD  0  ROOT
    {what}
    near       near       ADP   IN   3  prep
    Raqqa      Raqqa      PROPN NNP  7  pobj    B-PLACE place/raqqa
    .          .          PUNCT .    3  punct
"""


def test_events_killing_neutralise_people() -> None:
    doc = parse(NEUTRALISED.format(what="""
        14         14         NUM   CD   5  nummod
        terrorists terrorist  NOUN  NNS  3  dobj"""))
    cand = read_killing(trigger(doc, "neutralised"), context(doc))
    assert cand is not None and cand.killed is not None and cand.killed.value == 14


def test_events_killing_neutralise_not_a_device() -> None:
    doc = parse(NEUTRALISED.format(what="""
        three      three      NUM   CD   5  nummod
        IEDs       IED        NOUN  NNS  3  dobj"""))
    assert read_killing(trigger(doc, "neutralised"), context(doc)) is None


def test_events_killing_death_brought_about_by_a_raid() -> None:
    # "A raid by US forces resulted in the death of two militants." (an AP story of 2023;
    # "the attack resulted in the death of three Iraqi soldiers", a Shafaq story of 2022)
    doc = parse("""
        A          a          DET   DT   2  det
        raid       raid       NOUN  NN   6  nsubj
        by         by         ADP   IN   2  prep
        US         US         PROPN NNP  5  compound B-ACTOR actor/us-military
        forces     force      NOUN  NNS  3  pobj     I-ACTOR actor/us-military
        resulted   result     VERB  VBD  0  ROOT
        in         in         ADP   IN   6  prep
        the        the        DET   DT   9  det
        death      death      NOUN  NN   7  pobj
        of         of         ADP   IN   9  prep
        two        two        NUM   CD   12 nummod
        militants  militant   NOUN  NNS  10 pobj
        .          .          PUNCT .    6  punct
    """)
    cand = read_killing(trigger(doc, "death"), context(doc))
    assert cand is not None and cand.perpetrators == [iri("actor/us-military")]
    assert cand.killed is not None and cand.killed.value == 2


def test_events_killing_death_not_without_what_brought_it_about() -> None:
    # "The death of two militants was confirmed."
    doc = parse("""
        The        the        DET   DT   2  det
        death      death      NOUN  NN   7  nsubjpass
        of         of         ADP   IN   2  prep
        two        two        NUM   CD   5  nummod
        militants  militant   NOUN  NNS  3  pobj
        was        be         AUX   VBD  7  auxpass
        confirmed  confirm    VERB  VBN  0  ROOT
        .          .          PUNCT .    7  punct
    """)
    assert read_killing(trigger(doc, "death"), context(doc)) is None


def test_events_filters_country_wide_a_war_aim_of_a_whole_country() -> None:
    # "Coalition aircraft conducted 12 strikes on Monday to drive ISIL out of Iraq."
    doc = parse("""
    Coalition    coalition    NOUN  NN   2   compound   B-ACTOR  actor/cjtf-oir
    aircraft     aircraft     NOUN  NNS  3   nsubj      I-ACTOR  actor/cjtf-oir
    conducted    conduct      VERB  VBD  0   ROOT
    12           12           NUM   CD   5   nummod     B-CARDINAL
    strikes      strike       NOUN  NNS  3   dobj
    on           on           ADP   IN   3   prep
    Monday       Monday       PROPN NNP  6   pobj       B-DATE
    to           to           PART  TO   9   aux
    drive        drive        VERB  VB   3   advcl
    ISIL         ISIL         PROPN NNP  9   dobj       B-ACTOR  actor/isis
    out          out          ADP   IN   9   prep
    of           of           ADP   IN   11  prep
    Iraq         Iraq         PROPN NNP  12  pobj       B-PLACE  place/iraq
    .            .            PUNCT .    3   punct
    """)
    assert [e.kind for e in events(doc)] == []



def test_events_filters_sweep_all_the_land_is_background() -> None:
    """Dev: Iraqi News 2018 (all the territory, retaken and captured), Gulan 2024 (the
    liberation of all its territories)."""
    from isisgraph.extract.events.filters import SWEEP, sweep

    assert SWEEP == "events.filters.sweep"
    # "The army has recaptured all the land the group held."
    recaptured = parse("""
        The        the        DET   DT   2  det
        army       army       NOUN  NN   4  nsubj   B-ACTOR actor/iraqi-army
        has        have       AUX   VBZ  4  aux
        recaptured recapture  VERB  VBN  0  ROOT
        all        all        DET   PDT  7  predet
        the        the        DET   DT   7  det
        land       land       NOUN  NN   4  dobj
        the        the        DET   DT   9  det
        group      group      NOUN  NN   10 nsubj
        held       hold       VERB  VBD  7  relcl
        .          .          PUNCT .    4  punct
    """)
    assert sweep(trigger(recaptured, "recaptured"))
    # "Baghdad hailed the liberation of all its territory."
    liberation = parse("""
        Baghdad    Baghdad    PROPN NNP  2  nsubj   B-ACTOR actor/iraq
        hailed     hail       VERB  VBD  0  ROOT
        the        the        DET   DT   4  det
        liberation liberation NOUN  NN   2  dobj
        of         of         ADP   IN   4  prep
        all        all        DET   DT   8  det
        its        its        PRON  PRP$ 8  poss
        territory  territory  NOUN  NN   5  pobj
        .          .          PUNCT .    2  punct
    """)
    assert sweep(trigger(liberation, "liberation"))
    # "They freed all the areas the jihadists had seized."
    seized = parse("""
        They       they       PRON  PRP  2  nsubj   B-ACTOR actor/isf
        freed      free       VERB  VBD  0  ROOT
        all        all        DET   PDT  5  predet
        the        the        DET   DT   5  det
        areas      area       NOUN  NNS  2  dobj
        the        the        DET   DT   7  det
        jihadists  jihadist   NOUN  NNS  9  nsubj   B-ACTOR actor/isis
        had        have       AUX   VBD  9  aux
        seized     seize      VERB  VBN  5  relcl
        .          .          PUNCT .    2  punct
    """)
    assert sweep(trigger(seized, "seized"))


# "Kurdish forces recaptured {what} south of Mosul."
RECAPTURED = """
    Kurdish    kurdish    ADJ   JJ   2  amod    B-ACTOR actor/kurdish-forces
    forces     force      NOUN  NNS  3  nsubj   I-ACTOR actor/kurdish-forces
    recaptured recapture  VERB  VBD  0  ROOT
    {det}      {det}      {pos} {tag} 6 {dep}
    the        the        DET   DT   6  det
    {noun}     {lemma}    NOUN  NNS  3  dobj
    south      south      ADV   RB   3  advmod
    of         of         ADP   IN   7  prep
    Mosul      Mosul      PROPN NNP  8  pobj    B-PLACE place/mosul
    .          .          PUNCT .    3  punct
"""


def test_events_filters_sweep_not_the_villages_of_one_event() -> None:
    from isisgraph.extract.events.filters import sweep

    villages = parse(RECAPTURED.format(det="all", pos="DET", tag="PDT", dep="predet",
                                       noun="villages", lemma="village"))
    assert not sweep(trigger(villages, "recaptured"))
    areas = parse(RECAPTURED.format(det="all", pos="DET", tag="PDT", dep="predet",
                                    noun="areas", lemma="area"))
    assert sweep(trigger(areas, "recaptured"))


# "{who} {verb} the fighting in Mosul on Monday."
FIGHTING = """
    {who}      {wlemma}   NOUN  NNS  2  nsubj
    {verb}     {lemma}    VERB  VBD  0  ROOT
    the        the        DET   DT   4  det
    fighting   fighting   NOUN  NN   2  {dep}
    in         in         ADP   IN   4  prep
    Mosul      Mosul      PROPN NNP  5  pobj    B-PLACE place/mosul
    on         on         ADP   IN   2  prep
    Monday     Monday     PROPN NNP  7  pobj    B-DATE
    .          .          PUNCT .    2  punct
"""


def test_events_filters_circumstance_fighting_fled_or_covered_is_no_event() -> None:
    """Dev: CNN 2017 (fleeing the fighting), AP 2016 (covering the clashes)."""
    from isisgraph.extract.events.filters import CIRCUMSTANCE

    assert CIRCUMSTANCE == "events.filters.circumstance"
    fled = FIGHTING.format(who="Families", wlemma="family", verb="fled", lemma="flee", dep="dobj")
    assert events(parse(fled)) == []
    covered = FIGHTING.format(who="Reporters", wlemma="reporter", verb="covered", lemma="cover",
                              dep="dobj")
    assert events(parse(covered)) == []
    # "Fighting raged in Mosul on Monday.": the fighting is the event
    raged = parse("""
        Fighting   fighting   NOUN  NN   2  nsubj
        raged      rage       VERB  VBD  0  ROOT
        in         in         ADP   IN   2  prep
        Mosul      Mosul      PROPN NNP  3  pobj    B-PLACE place/mosul
        on         on         ADP   IN   2  prep
        Monday     Monday     PROPN NNP  5  pobj    B-DATE
        .          .          PUNCT .    2  punct
    """)
    (event,) = events(raged)
    assert event.kind == "Clash" and event.locations == [iri("place/mosul")]


# "{day} {mark} {actor} attack occurred in Hasakah."
DAY_ATTACK = """
    {day}      {day}      PROPN NNP  4  poss    B-DATE
    {mark}     {mark}     PART  POS  1  case
    {actor}    {actor}    {pos}  4  {dep}
    attack     attack     NOUN  NN   5  nsubj
    occurred   occur      VERB  VBD  0  ROOT
    in         in         ADP   IN   5  prep
    Hasakah    Hasakah    PROPN NNP  6  pobj    B-PLACE place/hasakah
    .          .          PUNCT .    5  punct
"""


def test_events_filters_day_mention_refers_back() -> None:
    """Dev: The Atlantic 2017 (Thursday's attack), ARA News 2016 (Friday's attack), Irish
    Times 2016 (Sunday's truck bombing)."""
    from isisgraph.extract.events.filters import DAY_MENTION, day_mention

    assert DAY_MENTION == "events.filters.day-mention"
    for day, mark in (("Friday", "'s"), ("Tuesday", "’s"), ("yesterday", "'s")):
        doc = parse(DAY_ATTACK.format(day=day, mark=mark, actor="deadly", pos="ADJ JJ", dep="amod"))
        assert day_mention(trigger(doc, "attack")), day
    # "Friday's ISIS attack ..." names who attacked: a report of its own
    named = parse(DAY_ATTACK.format(day="Friday", mark="'s", actor="ISIS", pos="PROPN NNP",
                                      dep="compound B-ACTOR actor/isis"))
    assert not day_mention(trigger(named, "attack"))
