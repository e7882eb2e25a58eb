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
    # "ISIS killed 30 soldiers.": no date, no place
    killed = parse("""
        ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
        killed     kill       VERB  VBD  0  ROOT
        30         30         NUM   CD   4  nummod
        soldiers   soldier    NOUN  NNS  2  dobj
        .          .          PUNCT .    2  punct
    """)
    assert read_killing(trigger(killed, "killed"), context(killed)) is not None
    assert events(killed) == []
