"""Round 11 strike rules (issue 13, shared readings), on hand-built parses (tests/parses.py);
the sentences are our own."""

from __future__ import annotations

import datetime as dt

from strikes_support import actor, reports

from isisgraph.extract.strikes.dated import OUTCOME_VERB

MONDAY = dt.date(2016, 12, 27)


def _killed_by(subject: str) -> str:
    """'<subject> killed 40 militants near Raqqa on Monday.'; ``subject`` is the table of the
    subject's words, its head being word 3."""
    return subject + """
        killed     kill      VERB   VBD  0  ROOT
        40         40        NUM    CD   6  nummod
        militants  militant  NOUN   NNS  4  dobj
        near       near      ADP    IN   4  prep
        Raqqa      Raqqa     PROPN  NNP  7  pobj    B-PLACE  place/raqqa
        on         on        ADP    IN   4  prep
        Monday     Monday    PROPN  NNP  9  pobj    B-DATE
        .          .         PUNCT  .    4  punct
"""


ARMY = """
        The      the      DET   DT  3  det
        Turkish  turkish  ADJ   JJ  3  amod   B-ACTOR  actor/turkish-armed-forces
        army     army     NOUN  NN  4  nsubj  I-ACTOR  actor/turkish-armed-forces
"""
JETS = """
        The      the      DET   DT   3  det
        Turkish  turkish  ADJ   JJ   3  amod   B-ACTOR  actor/turkish-armed-forces
        jets     jet      NOUN  NNS  4  nsubj  I-ACTOR  actor/turkish-armed-forces
"""
AIR_FORCE = """
        Turkish  turkish  ADJ    JJ   2  compound  B-ACTOR  actor/turkish-armed-forces
        Air      Air      PROPN  NNP  3  compound  I-ACTOR  actor/turkish-armed-forces
        Force    Force    PROPN  NNP  4  nsubj     I-ACTOR  actor/turkish-armed-forces
"""
COALITION = """
        The        the        DET   DT  3  det
        US-led     us-led     ADJ   JJ  3  amod
        coalition  coalition  NOUN  NN  4  nsubj  B-ACTOR  actor/cjtf-oir
"""


def test_strikes_dated_ground_killing_a_state_army_killing_is_no_strike() -> None:
    assert reports(_killed_by(ARMY), MONDAY) == []


def test_strikes_dated_ground_killing_jets_air_force_and_coalition_still_strike() -> None:
    for subject, force in ((JETS, "turkish-armed-forces"), (AIR_FORCE, "turkish-armed-forces"),
                           (COALITION, "cjtf-oir")):
        [report] = reports(_killed_by(subject), MONDAY)
        assert report.extractor.startswith(OUTCOME_VERB)
        assert report.perpetrators == [actor(force)]
        assert report.when is not None and report.when.start == dt.date(2016, 12, 26)
