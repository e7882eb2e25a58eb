"""The readers of killings, arrests and surrenders (``extract.events.people``) on hand-built
parses."""

from __future__ import annotations

from event_rules import context, iri, trigger
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
