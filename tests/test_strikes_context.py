"""strikes.context.* and strikes.parts.*: what a report takes from the text around it, and
which total it breaks down, on hand-built parses (tests/parses.py)."""

from __future__ import annotations

import datetime as dt

from parses import parse
from strikes_support import actor, place, ref, reports, rules

from isisgraph.extract.strikes import context
from isisgraph.extract.strikes.context import (
    ACTOR_FROM_FRAME,
    ACTOR_FROM_PREVIOUS,
    ACTOR_FROM_TOTAL,
    COUNTRIES_FROM_FRAME,
    COUNTRIES_FROM_SAME_ACTOR,
    COUNTRIES_FROM_TOTAL,
    ELABORATED,
    PARAGRAPH_COUNTRY,
    PERIOD_FROM_FRAME,
    PERIOD_FROM_PREVIOUS,
    PERIOD_FROM_TOTAL,
)
from isisgraph.extract.strikes.context_targets import TARGET_FROM_FRAME
from isisgraph.extract.strikes.count import COUNTED, RELEASE_LINE
from isisgraph.extract.strikes.document import Document, Draft, Frame
from isisgraph.extract.strikes.partitive import OF_THEM
from isisgraph.extract.strikes.parts import PART_OF, PLACES_FROM_PARTS
from isisgraph.records import Article, Span, When

JAN_13 = dt.date(2017, 1, 13)

THAT_FIGURE = """
        The        the        DET    DT   2   det
        coalition  coalition  NOUN   NN   3   nsubj   B-ACTOR  actor/cjtf-oir
        conducted  conduct    VERB   VBD  0   ROOT
        28         28         NUM    CD   5   nummod
        strikes    strike     NOUN   NNS  3   dobj
        .          .          PUNCT  .    3   punct
        That       that       DET    DT   8   det
        figure     figure     NOUN   NN   9   nsubj
        includes   include    VERB   VBZ  0   ROOT
        strikes    strike     NOUN   NNS  9   dobj
        in         in         ADP    IN   10  prep
        Iraq       Iraq       PROPN  NNP  11  pobj    B-PLACE  place/iraq
        from       from       ADP    IN   10  prep
        March      March      PROPN  NNP  13  pobj
        10         10         NUM    CD   14  nummod  nospace
        -          -          SYM    SYM  17  punct   nospace
        23         23         NUM    CD   14  prep
        .          .          PUNCT  .    9   punct
"""


def test_strikes_context_elaborated_fires_on_a_sentence_dating_the_count() -> None:
    [report] = reports(THAT_FIGURE, dt.date(2017, 3, 25))
    assert report.extractor == COUNTED + "+" + ELABORATED
    assert report.countries == [place("iraq")]
    assert report.when is not None and (report.when.start, report.when.end) == (
        dt.date(2017, 3, 10), dt.date(2017, 3, 23))


def test_strikes_context_elaborated_not_after_a_sentence_of_reports() -> None:
    assert rules(ELSEWHERE, JAN_13)[0] == COUNTED


BORDER_LINE = """
        In         in         ADP    IN   6   prep
        Syria      Syria      PROPN  NNP  1   pobj    B-PLACE  place/syria
        ,          ,          PUNCT  ,    6   punct
        the        the        DET    DT   5   det
        coalition  coalition  NOUN   NN   6   nsubj   B-ACTOR  actor/cjtf-oir
        conducted  conduct    VERB   VBD  0   ROOT
        two        two        NUM    CD   8   nummod
        strikes    strike     NOUN   NNS  6   dobj
        near       near       ADP    IN   8   prep
        Raqqa      Raqqa      PROPN  NNP  9   pobj    B-PLACE  place/raqqa
        on         on         ADP    IN   6   prep
        Jan.       Jan.       PROPN  NNP  11  pobj
        12         12         NUM    CD   12  nummod
        .          .          PUNCT  .    6   punct
        Four       four       NUM    CD   16  nummod
        strikes    strike     NOUN   NNS  20  nsubj
        near       near       ADP    IN   16  prep
        the        the        DET    DT   19  det
        border     border     NOUN   NN   17  pobj
        destroyed  destroy    VERB   VBD  0   ROOT
        a          a          DET    DT   22  det
        vehicle    vehicle    NOUN   NN   20  dobj
        .          .          PUNCT  .    20  punct
"""


def test_strikes_context_paragraph_country_fires_on_a_located_line() -> None:
    raqqa, border = reports(BORDER_LINE, JAN_13)
    assert border.extractor.startswith(COUNTED + "+" + PARAGRAPH_COUNTRY)
    assert border.countries == [place("syria")]


def test_strikes_context_paragraph_country_not_for_a_line_naming_its_country() -> None:
    raqqa, _ = reports(BORDER_LINE, JAN_13)
    assert raqqa.extractor == COUNTED


PARTITIVE = """
        On         on         ADP    IN   7   prep
        Jan.       Jan.       PROPN  NNP  1   pobj
        12         12         NUM    CD   2   nummod
        ,          ,          PUNCT  ,    7   punct
        the        the        DET    DT   6   det
        coalition  coalition  NOUN   NN   7   nsubj   B-ACTOR  actor/cjtf-oir
        conducted  conduct    VERB   VBD  0   ROOT
        six        six        NUM    CD   9   nummod
        strikes    strike     NOUN   NNS  7   dobj
        in         in         ADP    IN   7   prep
        Iraq       Iraq       PROPN  NNP  10  pobj    B-PLACE  place/iraq
        .          .          PUNCT  .    7   punct
        Two        two        NUM    CD   16  nsubj
        of         of         ADP    IN   13  prep
        them       they       PRON   PRP  14  pobj
        were       be         AUX    VBD  0   ROOT
        near       near       ADP    IN   16  prep
        Mosul      Mosul      PROPN  NNP  17  pobj    B-PLACE  place/mosul
        .          .          PUNCT  .    16  punct
"""


def test_strikes_context_from_total_fires_on_a_part() -> None:
    total, part = reports(PARTITIVE, JAN_13)
    assert part.extractor == "+".join([OF_THEM, ACTOR_FROM_TOTAL, PERIOD_FROM_TOTAL])
    assert part.perpetrators == total.perpetrators
    assert part.when is not None and total.when is not None
    assert (part.when.start, part.when.end) == (total.when.start, total.when.end)
    assert part.when.basis == "context" and total.when.basis == "stated"  # ig:dateBasis


def test_strikes_context_countries_from_total_fires_on_a_part_without_countries() -> None:
    draft = _draft(unit=1)
    draft.parent = _draft(unit=0, countries=[place("iraq")])
    context._countries(_document(), draft, [draft.parent])
    assert (draft.countries, draft.steps) == ([place("iraq")], [COUNTRIES_FROM_TOTAL])


def test_strikes_context_from_total_not_for_the_total() -> None:
    total, _ = reports(PARTITIVE, JAN_13)
    assert total.extractor == COUNTED + "+" + PLACES_FROM_PARTS


LEAD = """
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
        in          in         ADP    IN   8   prep
        Syria       Syria      PROPN  NNP  11  pobj      B-PLACE  place/syria
        .           .          PUNCT  .    6   punct
        Fighter     fighter    NOUN   NN   15  compound
        aircraft    aircraft   NOUN   NN   16  nsubj
        conducted   conduct    VERB   VBD  0   ROOT
        seven       seven      NUM    CD   18  nummod
        strikes     strike     NOUN   NNS  16  dobj
        in          in         ADP    IN   16  prep
        Syria       Syria      PROPN  NNP  19  pobj      B-PLACE  place/syria
        on          on         ADP    IN   16  prep
        Jan.        Jan.       PROPN  NNP  21  pobj
        12          12         NUM    CD   22  nummod
        .           .          PUNCT  .    16  punct
"""


def test_strikes_context_actor_from_frame_fires_under_a_release_lead() -> None:
    [report] = reports(LEAD, JAN_13)
    # the lead also says whom they attack: the lines below it take that too
    assert report.extractor == COUNTED + "+" + ACTOR_FROM_FRAME + "+" + TARGET_FROM_FRAME
    assert report.perpetrators == [actor("us-military"), actor("cjtf-oir")]
    assert report.target_actors == [actor("isis")]


def test_strikes_context_actor_from_frame_not_when_the_clause_names_it() -> None:
    assert rules(CONDUCTED_ELSEWHERE, JAN_13) == [COUNTED, COUNTED + "+" + PERIOD_FROM_PREVIOUS]


FOUR_SENTENCES_LATER = """
        The        the        DET    DT   2   det
        coalition  coalition  NOUN   NN   3   nsubj   B-ACTOR  actor/cjtf-oir
        conducted  conduct    VERB   VBD  0   ROOT
        11         11         NUM    CD   5   nummod
        strikes    strike     NOUN   NNS  3   dobj
        in         in         ADP    IN   5   prep
        Iraq       Iraq       PROPN  NNP  6   pobj    B-PLACE  place/iraq
        on         on         ADP    IN   3   prep
        Jan.       Jan.       PROPN  NNP  8   pobj
        12         12         NUM    CD   9   nummod
        .          .          PUNCT  .    3   punct
        Officials  official   NOUN   NNS  13  nsubj
        met        meet       VERB   VBD  0   ROOT
        .          .          PUNCT  .    13  punct
        Officials  official   NOUN   NNS  16  nsubj
        spoke      speak      VERB   VBD  0   ROOT
        .          .          PUNCT  .    16  punct
        Officials  official   NOUN   NNS  19  nsubj
        left       leave      VERB   VBD  0   ROOT
        .          .          PUNCT  .    19  punct
        Officials  official   NOUN   NNS  22  nsubj
        returned   return     VERB   VBD  0   ROOT
        .          .          PUNCT  .    22  punct
        There      there      PRON   EX   25  expl
        were       be         VERB   VBD  0   ROOT
        six        six        NUM    CD   27  nummod
        strikes    strike     NOUN   NNS  25  attr
        in         in         ADP    IN   27  prep
        Syria      Syria      PROPN  NNP  28  pobj    B-PLACE  place/syria
        on         on         ADP    IN   25  prep
        Jan.       Jan.       PROPN  NNP  30  pobj
        13         13         NUM    CD   31  nummod
        .          .          PUNCT  .    25  punct
"""


def test_strikes_context_actor_from_previous_fires_beyond_the_frames() -> None:
    iraq, syria = reports(FOUR_SENTENCES_LATER, JAN_13)
    assert (iraq.extractor, syria.extractor) == (COUNTED, COUNTED + "+" + ACTOR_FROM_PREVIOUS)
    assert syria.perpetrators == [actor("cjtf-oir")]


CONDUCTED_ELSEWHERE = """
        On         on         ADP    IN   7   prep
        Jan.       Jan.       PROPN  NNP  1   pobj
        12         12         NUM    CD   2   nummod
        ,          ,          PUNCT  ,    7   punct
        the        the        DET    DT   6   det
        coalition  coalition  NOUN   NN   7   nsubj   B-ACTOR  actor/cjtf-oir
        conducted  conduct    VERB   VBD  0   ROOT
        11         11         NUM    CD   9   nummod
        strikes    strike     NOUN   NNS  7   dobj
        in         in         ADP    IN   9   prep
        Iraq       Iraq       PROPN  NNP  10  pobj    B-PLACE  place/iraq
        .          .          PUNCT  .    7   punct
        The        the        DET    DT   14  det
        coalition  coalition  NOUN   NN   16  nsubj   B-ACTOR  actor/cjtf-oir
        also       also       ADV    RB   16  advmod
        conducted  conduct    VERB   VBD  0   ROOT
        six        six        NUM    CD   18  nummod
        strikes    strike     NOUN   NNS  16  dobj
        in         in         ADP    IN   16  prep
        Syria      Syria      PROPN  NNP  19  pobj    B-PLACE  place/syria
        .          .          PUNCT  .    16  punct
"""
ELSEWHERE = CONDUCTED_ELSEWHERE


def test_strikes_context_period_from_previous_fires_on_the_same_actor() -> None:
    iraq, syria = reports(CONDUCTED_ELSEWHERE, JAN_13)
    assert syria.extractor == COUNTED + "+" + PERIOD_FROM_PREVIOUS
    assert syria.when is not None and iraq.when is not None and syria.part_of is None
    assert (syria.when.start, syria.when.end, syria.when.basis) == (
        iraq.when.start, iraq.when.end, "context")


def test_strikes_context_period_from_previous_not_for_a_dated_report() -> None:
    iraq, _ = reports(CONDUCTED_ELSEWHERE, JAN_13)
    assert iraq.extractor == COUNTED


def test_strikes_context_period_from_frame_fires_on_the_latest_strikes() -> None:
    d = _document()
    window = When("between 8 a.m. yesterday and 8 a.m. today", dt.date(2015, 11, 17),
                  dt.date(2015, 11, 18), "day")
    d.frames[0] = Frame(when=window)
    draft = _draft(unit=1)
    context._period(d, draft, [])
    assert (draft.when, draft.steps) == (window, [PERIOD_FROM_FRAME])


def test_strikes_context_period_from_frame_not_for_another_actors_frame() -> None:
    d = _document()
    d.frames[0] = Frame(actors=[actor("raf")], when=When("today", JAN_13, JAN_13, "day"))
    draft = _draft(unit=1, perpetrators=[actor("cjtf-oir")])
    context._period(d, draft, [])
    assert (draft.when, draft.steps) == (None, [])


JULY = """
        The        the        DET    DT   2   det
        coalition  coalition  NOUN   NN   3   nsubj   B-ACTOR  actor/cjtf-oir
        conducted  conduct    VERB   VBD  0   ROOT
        27         27         NUM    CD   5   nummod
        strikes    strike     NOUN   NNS  3   dobj
        in         in         ADP    IN   5   prep
        Iraq       Iraq       PROPN  NNP  6   pobj    B-PLACE  place/iraq
        in         in         ADP    IN   3   prep
        August     August     PROPN  NNP  8   pobj
        .          .          PUNCT  .    3   punct
        In         in         ADP    IN   17  prep
        July       July       PROPN  NNP  11  pobj
        ,          ,          PUNCT  ,    17  punct
        the        the        DET    DT   15  det
        coalition  coalition  NOUN   NN   17  nsubj   B-ACTOR  actor/cjtf-oir
        had        have       AUX    VBD  17  aux
        carried    carry      VERB   VBN  0   ROOT
        out        out        ADP    RP   17  prt
        61         61         NUM    CD   20  nummod
        strikes    strike     NOUN   NNS  17  dobj
        .          .          PUNCT  .    17  punct
"""


def test_strikes_context_countries_from_same_actor_fires_on_a_later_count() -> None:
    august, july = reports(JULY, dt.date(2018, 9, 7))
    assert july.extractor == COUNTED + "+" + COUNTRIES_FROM_SAME_ACTOR
    assert july.countries == [place("iraq")]


def test_strikes_context_countries_from_same_actor_not_for_a_count_in_its_country() -> None:
    august, _ = reports(JULY, dt.date(2018, 9, 7))
    assert august.extractor == COUNTED


ATTACKED_IN_SYRIA = """
        The        the        DET    DT   2   det
        coalition  coalition  NOUN   NN   3   nsubj   B-ACTOR  actor/cjtf-oir
        attacked   attack     VERB   VBD  0   ROOT
        ISIS       ISIS       PROPN  NNP  3   dobj    B-ACTOR  actor/isis
        in         in         ADP    IN   3   prep
        Syria      Syria      PROPN  NNP  5   pobj    B-PLACE  place/syria
        .          .          PUNCT  .    3   punct
        On         on         ADP    IN   14  prep
        Jan.       Jan.       PROPN  NNP  8   pobj
        12         12         NUM    CD   9   nummod
        ,          ,          PUNCT  ,    14  punct
        the        the        DET    DT   13  det
        coalition  coalition  NOUN   NN   14  nsubj   B-ACTOR  actor/cjtf-oir
        conducted  conduct    VERB   VBD  0   ROOT
        11         11         NUM    CD   16  nummod
        strikes    strike     NOUN   NNS  14  dobj
        .          .          PUNCT  .    14  punct
"""


def test_strikes_context_countries_from_frame_fires_after_a_sentence_of_attacks() -> None:
    attack, report = reports(ATTACKED_IN_SYRIA, JAN_13)
    # the attack of a force that strikes from the air is itself a strike told, at least one
    assert (attack.strike_count, attack.count_qualifier) == (1, "atLeast")
    assert report.extractor == COUNTED + "+" + COUNTRIES_FROM_FRAME + "+" + TARGET_FROM_FRAME
    assert report.countries == [place("syria")]
    assert attack.target_actors == report.target_actors == [actor("isis")]


def test_strikes_context_countries_from_frame_not_for_another_actor() -> None:
    d = _document()
    d.frames[0] = Frame(actors=[actor("raf")], countries=[place("syria")])
    draft = _draft(unit=1, perpetrators=[actor("cjtf-oir")])
    context._countries(d, draft, [])
    assert (draft.countries, draft.steps) == ([], [])


NEAR_MOSUL_SIX = """
        The        the        DET    DT   2   det
        coalition  coalition  NOUN   NN   3   nsubj   B-ACTOR  actor/cjtf-oir
        conducted  conduct    VERB   VBD  0   ROOT
        11         11         NUM    CD   5   nummod
        strikes    strike     NOUN   NNS  3   dobj
        in         in         ADP    IN   5   prep
        Iraq       Iraq       PROPN  NNP  6   pobj    B-PLACE  place/iraq
        on         on         ADP    IN   3   prep
        Jan.       Jan.       PROPN  NNP  8   pobj
        12         12         NUM    CD   9   nummod
        .          .          PUNCT  .    3   punct
        Near       Near       PROPN  NNP  17  prep
        Mosul      Mosul      PROPN  NNP  12  pobj    B-PLACE  place/mosul
        ,          ,          PUNCT  ,    17  punct
        six        six        NUM    CD   16  nummod
        strikes    strike     NOUN   NNS  17  nsubj
        destroyed  destroy    VERB   VBD  0   ROOT
        a          a          DET    DT   19  det
        vehicle    vehicle    NOUN   NN   17  dobj
        .          .          PUNCT  .    17  punct
"""
NEAR_MOSUL_SIXTEEN = """
        The        the        DET    DT   2   det
        coalition  coalition  NOUN   NN   3   nsubj   B-ACTOR  actor/cjtf-oir
        conducted  conduct    VERB   VBD  0   ROOT
        11         11         NUM    CD   5   nummod
        strikes    strike     NOUN   NNS  3   dobj
        in         in         ADP    IN   5   prep
        Iraq       Iraq       PROPN  NNP  6   pobj    B-PLACE  place/iraq
        on         on         ADP    IN   3   prep
        Jan.       Jan.       PROPN  NNP  8   pobj
        12         12         NUM    CD   9   nummod
        .          .          PUNCT  .    3   punct
        Near       Near       PROPN  NNP  17  prep
        Mosul      Mosul      PROPN  NNP  12  pobj    B-PLACE  place/mosul
        ,          ,          PUNCT  ,    17  punct
        16         16         NUM    CD   16  nummod
        strikes    strike     NOUN   NNS  17  nsubj
        destroyed  destroy    VERB   VBD  0   ROOT
        a          a          DET    DT   19  det
        vehicle    vehicle    NOUN   NN   17  dobj
        .          .          PUNCT  .    17  punct
"""


def test_strikes_parts_part_of_fires_on_a_narrower_smaller_count() -> None:
    total, mosul = reports(NEAR_MOSUL_SIX, JAN_13)
    assert mosul.extractor.startswith(COUNTED + "+" + PART_OF) and mosul.part_of == total.key
    assert total.extractor == COUNTED + "+" + PLACES_FROM_PARTS  # the part places its total
    assert total.locations == [place("mosul")]


def test_strikes_parts_part_of_not_for_more_strikes_than_the_total() -> None:
    total, mosul = reports(NEAR_MOSUL_SIXTEEN, JAN_13)
    assert mosul.part_of is None and PART_OF not in mosul.extractor
    assert total.extractor == COUNTED and total.locations == []


def test_strikes_parts_release_line_needs_its_total() -> None:
    assert rules(NEAR_MOSUL_SIX, JAN_13)[1] != RELEASE_LINE


# ---- hand-made drafts, for the steps whose text needs more than a line

ONE_LINE = """
The        the        DET    DT   2  det
coalition  coalition  NOUN   NN   3  nsubj   B-ACTOR  actor/cjtf-oir
struck     strike     VERB   VBD  0  ROOT
.          .          PUNCT  .    3  punct
"""


def _document() -> Document:
    doc = parse(ONE_LINE)
    return Document(doc, Article(id="t", text=doc.text, source="test", published=JAN_13), ref())


def _draft(unit: int, countries: list[str] | None = None,
           perpetrators: list[str] | None = None) -> Draft:
    doc = parse(ONE_LINE)
    draft = Draft(unit=unit, anchor=doc[2], span=Span(0, 3), strike_count=3)
    draft.countries = list(countries or [])
    draft.perpetrators = list(perpetrators or [])
    return draft
