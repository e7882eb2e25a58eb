"""Round 11 strike rules (issue 13, shared readings), on hand-built parses (tests/parses.py);
the sentences are our own."""

from __future__ import annotations

import datetime as dt

from strikes_support import actor, place, reports

from isisgraph.extract.strikes.dated import OUTCOME_VERB, RELEASE

MONDAY = dt.date(2016, 12, 27)  # the publication day (a Tuesday): "on Monday" is the 26th


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


THIRD_STRIKE_LED = """
        Two       two       NUM    CD    3   nummod   B-CARDINAL
        Canadian  canadian  ADJ    JJ    3   amod     B-NORP
        jets      jet       NOUN   NNS   4   nsubj
        led       lead      VERB   VBD   0   ROOT
        their     their     PRON   PRP$  8   poss
        third     third     ADJ    JJ    8   amod     B-ORDINAL
        air       air       NOUN   NN    8   compound
        strike    strike    NOUN   NN    4   dobj
        in        in        ADP    IN    8   prep
        Syria     Syria     PROPN  NNP   9   pobj     B-PLACE  place/syria
        on        on        ADP    IN    4   prep
        Monday    Monday    PROPN  NNP   11  pobj     B-DATE
        .         .         PUNCT  .     4   punct
"""
THE_STRIKE_LED = """
        Two       two       NUM    CD    3   nummod   B-CARDINAL
        Canadian  canadian  ADJ    JJ    3   amod     B-NORP
        jets      jet       NOUN   NNS   4   nsubj
        led       lead      VERB   VBD   0   ROOT
        the       the       DET    DT    7   det
        air       air       NOUN   NN    7   compound
        strike    strike    NOUN   NN    4   dobj
        in        in        ADP    IN    7   prep
        Syria     Syria     PROPN  NNP   8   pobj     B-PLACE  place/syria
        on        on        ADP    IN    4   prep
        Monday    Monday    PROPN  NNP   10  pobj     B-DATE
        .         .         PUNCT  .     4   punct
"""
SECOND_AIRSTRIKE = """
        This       this       PRON  DT   2   nsubj
        was        be         AUX   VBD  0   ROOT
        the        the        DET   DT   6   det
        second     second     ADJ   JJ   6   amod     B-ORDINAL
        coalition  coalition  NOUN  NN   6   compound B-ACTOR  actor/cjtf-oir
        airstrike  airstrike  NOUN  NN   2   attr
        near       near       ADP   IN   6   prep
        Makhmour   Makhmour   PROPN NNP  7   pobj     B-PLACE  place/makhmour
        this       this       DET   DT   10  det      B-DATE
        week       week       NOUN  NN   6   npadvmod I-DATE
        .          .          PUNCT .    2   punct
"""


def test_strikes_count_ordinal_their_third_strike_led_is_one_strike() -> None:
    """'lead' conducts strikes (conduct-verbs) and 'their third' singles one out."""
    [report] = reports(THIRD_STRIKE_LED, MONDAY)
    assert report.extractor.startswith("strikes.count.single")
    assert (report.strike_count, report.countries) == (1, [place("syria")])
    assert report.when is not None and report.when.start == dt.date(2016, 12, 26)


def test_strikes_count_ordinal_the_second_coalition_airstrike_is_one_strike() -> None:
    [report] = reports(SECOND_AIRSTRIKE, MONDAY)
    assert report.extractor.startswith("strikes.count.single")
    assert report.perpetrators == [actor("cjtf-oir")] and report.strike_count == 1


def test_strikes_count_ordinal_not_without_one() -> None:
    """'led the air strike': a definite strike without an ordinal takes up one told before."""
    assert reports(THE_STRIKE_LED, MONDAY) == []


def test_strikes_dated_ground_killing_end_to_end(reports_of) -> None:
    """A headline's army that kills is no strike; a headline's state that kills stands for its
    air arm when the body tells that arm's strikes (strikes.headline, kept)."""
    body = "\n\nTurkish jets struck Daesh positions near al-Bab on Sunday, the army said."
    army = "Turkish military kills 30 Daesh militants in northern Syria" + body
    state = "Turkey kills 30 Daesh militants in northern Syria" + body
    assert [r for r in reports_of(army, MONDAY) if r.span.start < army.index("\n")] == []
    [title] = [r for r in reports_of(state, MONDAY) if r.span.start < state.index("\n")]
    assert title.perpetrators == [actor("turkish-armed-forces")]


VICTIMS_AND_MORE = """
        Coalition   coalition  NOUN   NN   2   compound  B-ACTOR  actor/cjtf-oir
        airstrikes  airstrike  NOUN   NNS  3   nsubj
        killed      kill       VERB   VBD  0   ROOT
        12          12         NUM    CD   5   nummod    B-CARDINAL
        militants   militant   NOUN   NNS  3   dobj
        near        near       ADP    IN   5   prep
        Raqqa       Raqqa      PROPN  NNP  6   pobj      B-PLACE  place/raqqa
        on          on         ADP    IN   3   prep
        Monday      Monday     PROPN  NNP  8   pobj      B-DATE
        and         and        CCONJ  CC   3   cc
        nine        nine       NUM    CD   3   conj      B-CARDINAL
        more        more       ADJ    JJR  11  amod
        on          on         ADP    IN   11  prep
        Tuesday     Tuesday    PROPN  NNP  13  pobj      B-DATE
        .           .          PUNCT  .    3   punct
"""


def test_strikes_count_elliptical_not_beside_strikes_without_a_count() -> None:
    """'airstrikes killed 12 militants ... and nine more': the nine are militants, not strikes
    (the elliptical reading of '17 strikes in Syria and 6 in Iraq' is test_strikes_count's)."""
    found = reports(VICTIMS_AND_MORE, MONDAY)
    assert [(r.strike_count, r.count_qualifier) for r in found] == [(1, "atLeast")]
    assert all(not r.extractor.startswith("strikes.count.elliptical") for r in found)


POUNDS_OF_BOMBS = """
        US       US       PROPN  NNP  2   compound  B-ACTOR  actor/us
        jets     jet      NOUN   NNS  3   nsubj
        dropped  drop     VERB   VBD  0   ROOT
        9,000    9,000    NUM    CD   5   nummod    B-QUANTITY
        pounds   pound    NOUN   NNS  3   dobj      I-QUANTITY
        of       of       ADP    IN   5   prep
        {thing}  {lemma}  NOUN   NNS  6   pobj
        on       on       ADP    IN   3   prep
        Mosul    Mosul    PROPN  NNP  8   pobj      B-PLACE  place/mosul
        on       on       ADP    IN   3   prep
        Tuesday  Tuesday  PROPN  NNP  10  pobj      B-DATE
        .        .        PUNCT  .    3   punct
"""


def test_strikes_dated_release_through_a_measure_of_munitions() -> None:
    """'dropped 9,000 pounds of bombs': the measure's 'of' names the munitions released."""
    [report] = reports(POUNDS_OF_BOMBS.format(thing="bombs", lemma="bomb"), MONDAY)
    assert report.extractor.startswith(RELEASE)
    assert report.when is not None and report.when.start == dt.date(2016, 12, 27)


def test_strikes_dated_release_not_a_measure_of_other_things() -> None:
    assert reports(POUNDS_OF_BOMBS.format(thing="leaflets", lemma="leaflet"), MONDAY) == []


def test_strikes_headline_release_not_trend(reports_of) -> None:
    """A title's 'dropped' with bombs released is no trend of strikes (strikes.headline
    summary), so its strike is read; 'Strikes dropped' is still a trend."""
    body = "\n\nThe F-16s flew over Iraq."
    released = "Dutch planes have dropped 120 bombs on ISIS in Iraq this year" + body
    trend = "Coalition air strikes in Iraq dropped sharply this year" + body
    [title] = [r for r in reports_of(released, MONDAY) if r.span.start < released.index("\n")]
    assert title.extractor.startswith(RELEASE) and title.countries == [place("iraq")]
    assert [r for r in reports_of(trend, MONDAY) if r.span.start < trend.index("\n")] == []
