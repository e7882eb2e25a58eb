"""Rule ``context.sides.strike-outcome`` on hand-built parses: a killing of fighters that names
no killer and no cause, told in a strike report's clause or in the sentence after one, was
that striker's; not a killing of soldiers, nor one that names its own cause, nor one two
sentences on."""

from __future__ import annotations

from parses import parse

from isisgraph.extract import context
from isisgraph.records import Event, Span, StrikeReport
from isisgraph.reference import load

ID = "https://w3id.org/isisgraph/id/actor/"

# "Dutch jets bombed militants near Mosul. The militants were killed."
BOMBED_THEN_KILLED = """
    Dutch      dutch      ADJ   JJ   2  amod    B-ACTOR  actor/netherlands-armed-forces
    jets       jet        NOUN  NNS  3  nsubj   I-ACTOR  actor/netherlands-armed-forces
    bombed     bomb       VERB  VBD  0  ROOT
    militants  militant   NOUN  NNS  3  dobj
    near       near       ADP   IN   3  prep
    Mosul      Mosul      PROPN NNP  5  pobj    B-PLACE  place/mosul
    .          .          PUNCT .    3  punct
    The        the        DET   DT   9  det
    {victims}
    were       be         AUX   VBD  11 auxpass
    killed     kill       VERB  VBN  0  ROOT
    .          .          PUNCT .    11 punct
"""

# "French Rafales struck an ISIS convoy and killed twelve fighters."
STRUCK_AND_KILLED = """
    French     french     ADJ   JJ   2  amod    B-ACTOR  actor/french-armed-forces
    Rafales    Rafale     PROPN NNPS 3  nsubj   I-ACTOR  actor/french-armed-forces
    struck     strike     VERB  VBD  0  ROOT
    an         an         DET   DT   6  det
    ISIS       ISIS       PROPN NNP  6  compound B-ACTOR actor/isis
    convoy     convoy     NOUN  NN   3  dobj
    and        and        CCONJ CC   3  cc
    killed     kill       VERB  VBD  3  conj
    twelve     twelve     NUM   CD   10 nummod
    fighters   fighter    NOUN  NNS  8  dobj
    .          .          PUNCT .    3  punct
"""

# "Jordanian warplanes hit ISIS positions on Monday. Twenty jihadists are said to have been
# killed." / "... Officials spoke. Twenty jihadists ..." (the strike two sentences before)
HIT_THEN_SAID_KILLED = """
    Jordanian  jordanian  ADJ   JJ   2  amod    B-ACTOR  actor/jordanian-armed-forces
    warplanes  warplane   NOUN  NNS  3  nsubj   I-ACTOR  actor/jordanian-armed-forces
    hit        hit        VERB  VBD  0  ROOT
    ISIS       ISIS       PROPN NNP  5  compound B-ACTOR actor/isis
    positions  position   NOUN  NNS  3  dobj
    on         on         ADP   IN   3  prep
    Monday     Monday     PROPN NNP  6  pobj    B-DATE
    .          .          PUNCT .    3  punct
    {between}
    Twenty     twenty     NUM   CD   {n1} nummod
    jihadists  jihadist   NOUN  NNS  {n3} nsubjpass
    are        be         AUX   VBP  {n3} auxpass
    said       say        VERB  VBN  0  ROOT
    to         to         PART  TO   {n7} aux
    have       have       AUX   VB   {n7} aux
    been       be         AUX   VBN  {n7} auxpass
    killed     kill       VERB  VBN  {n3} xcomp
    .          .          PUNCT .    {n3} punct
"""


def _report(doc, end: int, striker: str) -> StrikeReport:
    return StrikeReport(key="s", span=Span(doc[0].idx, doc[end].idx + len(doc[end])), strike_count=1,
                        perpetrators=[ID + striker])


def _killing(doc, start: int, end: int, target: str = "isis") -> Event:
    return Event(key="k", kind="Killing", span=Span(doc[start].idx, doc[end].idx + len(doc[end])),
                 trigger="killed", target_actors=[ID + target], extractor="events.killing")


def _hit_then_killed(between: bool):
    # with a sentence between them the killing is two sentences after the strike
    rows = "Officials  official  NOUN  NNS  10 nsubj\n    spoke  speak  VERB  VBD  0  ROOT\n" \
        "    .  .  PUNCT  .  10  punct" if between else ""
    first = 9 + (3 if between else 0)  # 1-based index of "Twenty"
    table = HIT_THEN_SAID_KILLED.format(between=rows, n1=first + 1, n3=first + 3, n7=first + 7)
    return parse(table), first - 1


def test_strike_outcome_a_bare_passive_after_the_strike_is_the_strikers() -> None:
    doc = parse(BOMBED_THEN_KILLED.format(victims="militants  militant  NOUN  NNS  11 nsubjpass"))
    event = _killing(doc, 7, 10)
    context.complete_sides([event], [], doc, load(), [_report(doc, 5, "netherlands-armed-forces")])
    assert event.perpetrators == [ID + "netherlands-armed-forces"]
    assert event.extractor == "events.killing+" + context.STRIKE_OUTCOME


def test_strike_outcome_a_killing_in_the_strikes_own_clause() -> None:
    doc = parse(STRUCK_AND_KILLED)
    event = _killing(doc, 7, 9)
    context.complete_sides([event], [], doc, load(), [_report(doc, 9, "french-armed-forces")])
    assert event.perpetrators == [ID + "french-armed-forces"]


def test_strike_outcome_a_raised_passive_in_the_next_sentence() -> None:
    doc, first = _hit_then_killed(between=False)
    event = _killing(doc, first, first + 7)
    context.complete_sides([event], [], doc, load(), [_report(doc, 6, "jordanian-armed-forces")])
    assert event.perpetrators == [ID + "jordanian-armed-forces"]


def test_strike_outcome_not_two_sentences_after_the_strike() -> None:
    doc, first = _hit_then_killed(between=True)
    event = _killing(doc, first, first + 7)
    context.complete_sides([event], [], doc, load(), [_report(doc, 6, "jordanian-armed-forces")])
    assert event.perpetrators == []


def test_strike_outcome_not_for_soldiers_killed_after_a_strike() -> None:
    doc = parse(BOMBED_THEN_KILLED.format(victims="soldiers  soldier  NOUN  NNS  11 nsubjpass"))
    event = _killing(doc, 7, 10, target="iraqi-army")
    context.complete_sides([event], [], doc, load(), [_report(doc, 5, "netherlands-armed-forces")])
    assert event.perpetrators == []
