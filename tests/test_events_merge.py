"""Merging reports of one event, credits of responsibility and confidence
(``extract.events.merge``, ``.responsibility``, ``.confidence``) on hand-built parses."""

from __future__ import annotations

from event_rules import context, events, iri, trigger
from parses import parse

from isisgraph.extract.events import read_trigger
from isisgraph.extract.events.confidence import CONFIDENCE, confidence
from isisgraph.extract.events.continuation import CONTINUATION, HEADLINE
from isisgraph.extract.events.merge import ARTICLE, SENTENCE
from isisgraph.extract.events.responsibility import ANAPHOR, LATEST, NAMED

# "A car bomb exploded in Baghdad on Monday, killing 40 people."
CAR_BOMB = """
    A          a          DET   DT   3  det
    car        car        NOUN  NN   3  compound
    bomb       bomb       NOUN  NN   4  nsubj
    exploded   explode    VERB  VBD  0  ROOT
    in         in         ADP   IN   4  prep
    Baghdad    Baghdad    PROPN NNP  5  pobj    B-PLACE place/baghdad
    on         on         ADP   IN   4  prep
    Monday     Monday     PROPN NNP  7  pobj    B-DATE
    ,          ,          PUNCT ,    4  punct
    killing    kill       VERB  VBG  4  advcl
    40         40         NUM   CD   12 nummod
    people     people     NOUN  NNS  10 dobj
    .          .          PUNCT .    4  punct
"""


def test_events_merge_sentence_a_bombing_and_its_killing_are_one_event() -> None:
    (event,) = events(parse(CAR_BOMB))
    assert event.kind == "Bombing" and event.killed_count == 40
    assert event.extractor == "events.explosive-device+" + SENTENCE


def test_events_merge_sentence_not_two_attacks_on_two_places() -> None:
    # "ISIS attacked Baiji and the army attacked Tikrit on Monday."
    doc = parse("""
        ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
        attacked   attack     VERB  VBD  0  ROOT
        Baiji      Baiji      PROPN NNP  2  dobj    B-PLACE place/baiji
        and        and        CCONJ CC   2  cc
        the        the        DET   DT   6  det
        army       army       NOUN  NN   7  nsubj   B-ACTOR actor/iraqi-army
        attacked   attack     VERB  VBD  2  conj
        Tikrit     Tikrit     PROPN NNP  7  dobj    B-PLACE place/tikrit
        on         on         ADP   IN   7  prep
        Monday     Monday     PROPN NNP  9  pobj    B-DATE
        .          .          PUNCT .    2  punct
    """)
    found = events(doc)
    assert [(e.locations, e.extractor) for e in found] == [
        ([iri("place/baiji")], "events.attack"), ([iri("place/tikrit")], "events.attack")]


# "Iraqi forces recaptured Tikrit from ISIS on Tuesday. {actor} {verb} Tikrit."
TWICE = """
    Iraqi      iraqi      ADJ   JJ   2  amod    B-ACTOR actor/isf
    forces     force      NOUN  NNS  3  nsubj   I-ACTOR actor/isf
    recaptured recapture  VERB  VBD  0  ROOT
    Tikrit     Tikrit     PROPN NNP  3  dobj    B-PLACE place/tikrit
    from       from       ADP   IN   3  prep
    ISIS       ISIS       PROPN NNP  5  pobj    B-ACTOR actor/isis
    on         on         ADP   IN   3  prep
    Tuesday    Tuesday    PROPN NNP  7  pobj    B-DATE
    .          .          PUNCT .    3  punct
    {actor}    {actor}    PROPN NNP  11 nsubj   B-ACTOR actor/{slug}
    {verb}     {lemma}    VERB  VBD  0  ROOT
    Tikrit     Tikrit     PROPN NNP  11 dobj    B-PLACE place/tikrit
    .          .          PUNCT .    11 punct
"""


def test_events_merge_article_the_same_change_reported_twice_is_one() -> None:
    doc = parse(TWICE.format(actor="Iraq", slug="isf", verb="liberated", lemma="liberate"))
    (event,) = events(doc)
    assert event.extractor == "events.conquering+" + ARTICLE
    assert event.gained_control == [iri("actor/isf")] and event.lost_control == [iri("actor/isis")]


def test_events_merge_article_not_when_the_sides_are_swapped() -> None:
    doc = parse(TWICE.format(actor="ISIS", slug="isis", verb="seized", lemma="seize"))
    assert [e.gained_control for e in events(doc)] == [[iri("actor/isf")], [iri("actor/isis")]]


# "{headline} attack near Kirkuk" / "ISIS attacked the Peshmerga near Kirkuk on Monday."
def headline_and_body(subject: str, slug: str) -> str:
    return f"""
        ISIS       ISIS       PROPN NNP  2  compound B-ACTOR actor/isis
        attack     attack     NOUN  NN   0  ROOT
        near       near       ADP   IN   2  prep
        Kirkuk     Kirkuk     PROPN NNP  3  pobj    B-PLACE place/kirkuk
        \\n
        {subject}  {subject}  PROPN NNP  7  nsubj   B-ACTOR actor/{slug}
        attacked   attack     VERB  VBD  0  ROOT
        Baiji      Baiji      PROPN NNP  7  dobj    B-PLACE place/baiji
        on         on         ADP   IN   7  prep
        Monday     Monday     PROPN NNP  9  pobj    B-DATE
        .          .          PUNCT .    7  punct
    """


def test_events_merge_headline_folds_into_the_first_report_of_the_body() -> None:
    (event,) = events(parse(headline_and_body("ISIS", "isis")))
    assert event.extractor == "events.attack+" + HEADLINE
    assert event.locations == [iri("place/baiji"), iri("place/kirkuk")]


def test_events_merge_headline_not_into_a_report_of_the_other_side() -> None:
    found = events(parse(headline_and_body("Peshmerga", "peshmerga")))
    assert [e.extractor for e in found] == ["events.attack", "events.attack"]


# "Iraqi forces attacked ISIS in Hawija on Monday. 14 militants were killed during [these]
# operations."
def attacked_then_killed(these: str) -> str:
    return """
        Iraqi      iraqi      ADJ   JJ   2  amod    B-ACTOR actor/isf
        forces     force      NOUN  NNS  3  nsubj   I-ACTOR actor/isf
        attacked   attack     VERB  VBD  0  ROOT
        ISIS       ISIS       PROPN NNP  3  dobj    B-ACTOR actor/isis
        in         in         ADP   IN   3  prep
        Hawija     Hawija     PROPN NNP  5  pobj    B-PLACE place/hawija
        on         on         ADP   IN   3  prep
        Monday     Monday     PROPN NNP  7  pobj    B-DATE
        .          .          PUNCT .    3  punct
        14         14         NUM   CD   11 nummod
        militants  militant   NOUN  NNS  13 nsubjpass
        were       be         AUX   VBD  13 auxpass
        killed     kill       VERB  VBN  0  ROOT
        during     during     ADP   IN   13 prep
    """ + these + """
        operations operation  NOUN  NNS  14 pobj
        .          .          PUNCT .    13 punct
    """


def test_events_merge_continuation_folds_a_sentence_placed_by_the_one_before() -> None:
    (event,) = events(parse(attacked_then_killed("these this DET DT 16 det")))
    assert event.kind == "Attack" and event.killed_count == 14
    assert event.extractor == "events.attack+" + CONTINUATION


def test_events_merge_continuation_not_without_a_reference_back() -> None:
    # no continuation: the killing of no date or place of its own is the toll of the attack
    # just told (events.merge.episode), not a report that refers back to it
    (event,) = events(parse(attacked_then_killed("")))
    assert event.kind == "Attack" and event.extractor == "events.attack+events.merge.episode"
    assert CONTINUATION not in event.extractor


# "A bomb exploded in Baghdad on Monday. ISIS [did not claim|claimed] responsibility[ for the
# bombing in Baghdad]."
BOMB_EXPLODED = """
    A          a          DET   DT   2  det
    bomb       bomb       NOUN  NN   3  nsubj
    exploded   explode    VERB  VBD  0  ROOT
    in         in         ADP   IN   3  prep
    Baghdad    Baghdad    PROPN NNP  4  pobj    B-PLACE place/baghdad
    on         on         ADP   IN   3  prep
    Monday     Monday     PROPN NNP  6  pobj    B-DATE
    .          .          PUNCT .    3  punct
"""


def test_events_responsibility_latest_the_attack_just_reported() -> None:
    doc = parse(BOMB_EXPLODED + """
        ISIS       ISIS       PROPN NNP  10 nsubj   B-ACTOR actor/isis
        claimed    claim      VERB  VBD  0  ROOT
        responsibility responsibility NOUN NN 10 dobj
        .          .          PUNCT .    10 punct
    """)
    (event,) = events(doc)
    assert event.perpetrators == [iri("actor/isis")]
    assert event.extractor == "events.explosive-device+" + LATEST


def test_events_responsibility_not_when_negated() -> None:
    doc = parse(BOMB_EXPLODED + """
        ISIS       ISIS       PROPN NNP  12 nsubj   B-ACTOR actor/isis
        did        do         AUX   VBD  12 aux
        not        not        PART  RB   12 neg
        claim      claim      VERB  VB   0  ROOT
        responsibility responsibility NOUN NN 12 dobj
        .          .          PUNCT .    12 punct
    """)
    (event,) = events(doc)
    assert event.perpetrators == [] and event.extractor == "events.explosive-device"


def test_events_responsibility_named_the_attack_claimed() -> None:
    # "ISIS claimed responsibility for a bombing in Baghdad on Monday."
    doc = parse("""
        ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
        claimed    claim      VERB  VBD  0  ROOT
        responsibility responsibility NOUN NN 2 dobj
        for        for        ADP   IN   3  prep
        a          a          DET   DT   6  det
        bombing    bombing    NOUN  NN   4  pobj
        in         in         ADP   IN   6  prep
        Baghdad    Baghdad    PROPN NNP  7  pobj    B-PLACE place/baghdad
        on         on         ADP   IN   6  prep
        Monday     Monday     PROPN NNP  9  pobj    B-DATE
        .          .          PUNCT .    2  punct
    """)
    (event,) = events(doc)
    assert event.kind == "Bombing" and event.perpetrators == [iri("actor/isis")]
    assert event.extractor == "events.attack+" + NAMED


def test_events_responsibility_anaphor_names_who_did_the_attack_just_reported() -> None:
    # "... ISIS fighters carried out the attack." ("the attack" is no new event)
    doc = parse(BOMB_EXPLODED + """
        ISIS       ISIS       PROPN NNP  10 compound B-ACTOR actor/isis
        fighters   fighter    NOUN  NNS  11 nsubj
        carried    carry      VERB  VBD  0  ROOT
        out        out        ADP   RP   11 prt
        the        the        DET   DT   14 det
        attack     attack     NOUN  NN   11 dobj
        .          .          PUNCT .    11 punct
    """)
    (event,) = events(doc)
    assert event.perpetrators == [iri("actor/isis")]
    assert event.extractor == "events.explosive-device+" + ANAPHOR


def test_events_confidence_raised_by_anchors_lowered_by_their_absence() -> None:
    assert CONFIDENCE == "events.confidence"
    # "ISIS attacked Baiji on Monday." / "It attacked Baiji."
    named = parse("""
        ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
        attacked   attack     VERB  VBD  0  ROOT
        Baiji      Baiji      PROPN NNP  2  dobj    B-PLACE place/baiji
        on         on         ADP   IN   2  prep
        Monday     Monday     PROPN NNP  4  pobj    B-DATE
        .          .          PUNCT .    2  punct
    """)
    cand = read_trigger(trigger(named, "attacked"), context(named))
    assert cand is not None and confidence(cand) == 0.9  # 0.75 + actor, place, date
    cand.when = None
    assert confidence(cand) == 0.75  # 0.75 + actor, place - no date
    cand.anaphoric = cand.weak_trigger = True
    assert confidence(cand) == 0.6  # - anaphora - a device noun


def test_events_merge_split_places_gives_each_part_its_own_role_lists() -> None:
    from isisgraph.extract.events.control import read_conquering
    from isisgraph.extract.events.merge import split_places

    # "Iraqi forces retook Hawija and Mosul."
    doc = parse("""
        Iraqi      iraqi      ADJ   JJ   2  amod    B-ACTOR actor/isf
        forces     force      NOUN  NNS  3  nsubj   I-ACTOR actor/isf
        retook     retake     VERB  VBD  0  ROOT
        Hawija     Hawija     PROPN NNP  3  dobj    B-PLACE place/hawija
        and        and        CCONJ CC   4  cc
        Mosul      Mosul      PROPN NNP  4  conj    B-PLACE place/mosul
        .          .          PUNCT .    3  punct
    """)
    ctx = context(doc)
    cand = read_conquering(trigger(doc, "retook"), ctx)
    assert cand is not None
    hawija, mosul = split_places(cand, ctx)
    hawija.lost.append(iri("actor/isis"))
    hawija.gained.append(iri("actor/peshmerga"))
    assert mosul.lost == [] and mosul.gained == [iri("actor/isf")]


def test_events_merge_headline_not_into_a_report_of_another_count() -> None:
    # "Five militants killed near Kirkuk" / "Iraqi forces killed two militants in Kirkuk on
    # Monday."
    doc = parse("""
        Five       five       NUM   CD   2  nummod
        militants  militant   NOUN  NNS  3  nsubj   B-ACTOR actor/isis
        killed     kill       VERB  VBN  0  ROOT
        near       near       ADP   IN   3  prep
        Kirkuk     Kirkuk     PROPN NNP  4  pobj    B-PLACE place/kirkuk
        \\n
        Iraqi      iraqi      ADJ   JJ   8  amod    B-ACTOR actor/isf
        forces     force      NOUN  NNS  9  nsubj   I-ACTOR actor/isf
        killed     kill       VERB  VBD  0  ROOT
        two        two        NUM   CD   11 nummod
        militants  militant   NOUN  NNS  9  dobj    B-ACTOR actor/isis
        in         in         ADP   IN   9  prep
        Kirkuk     Kirkuk     PROPN NNP  12 pobj    B-PLACE place/kirkuk
        on         on         ADP   IN   9  prep
        Monday     Monday     PROPN NNP  14 pobj    B-DATE
        .          .          PUNCT .    9  punct
    """)
    found = events(doc)
    assert [(e.killed_count, HEADLINE in e.extractor) for e in found] == [(5, False), (2, False)]


def test_events_responsibility_never_credits_the_side_attacked() -> None:
    from isisgraph.extract.events.responsibility import credible

    # "ISIS attacked the Peshmerga near Kirkuk on Monday. The Peshmerga claimed
    # responsibility."
    doc = parse("""
        ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
        attacked   attack     VERB  VBD  0  ROOT
        the        the        DET   DT   4  det
        Peshmerga  Peshmerga  PROPN NNP  2  dobj    B-ACTOR actor/peshmerga
        near       near       ADP   IN   2  prep
        Kirkuk     Kirkuk     PROPN NNP  5  pobj    B-PLACE place/kirkuk
        on         on         ADP   IN   2  prep
        Monday     Monday     PROPN NNP  7  pobj    B-DATE
        .          .          PUNCT .    2  punct
        The        the        DET   DT   11 det
        Peshmerga  Peshmerga  PROPN NNP  12 nsubj   B-ACTOR actor/peshmerga
        claimed    claim      VERB  VBD  0  ROOT
        responsibility responsibility NOUN NN 12 dobj
        .          .          PUNCT .    12 punct
    """)
    (event,) = events(doc)
    assert event.perpetrators == [iri("actor/isis")] and event.extractor == "events.attack"
    cand = read_trigger(trigger(doc, "attacked"), context(doc))
    assert cand is not None
    assert not credible([iri("actor/peshmerga")], cand, named=True)
    assert credible([iri("actor/isis")], cand, named=False)


def test_events_sides_armed_forces_and_member_of() -> None:
    from isisgraph.extract.events.sides import ARMED_FORCES, MEMBER_OF

    # "Turkey killed Abu Bakr al-Baghdadi in Idlib on Monday." (the reference makes Turkey a
    # government with one armed force, al-Baghdadi a member of ISIS)
    doc = parse("""
        Turkey     Turkey     PROPN NNP  2  nsubj   B-ACTOR actor/turkey
        killed     kill       VERB  VBD  0  ROOT
        Abu        Abu        PROPN NNP  6  compound B-ACTOR person/abu-bakr-al-baghdadi
        Bakr       Bakr       PROPN NNP  6  compound I-ACTOR person/abu-bakr-al-baghdadi
        al-        al-        PROPN NNP  6  compound I-ACTOR person/abu-bakr-al-baghdadi
        Baghdadi   Baghdadi   PROPN NNP  2  dobj    I-ACTOR person/abu-bakr-al-baghdadi
        in         in         ADP   IN   2  prep
        Idlib      Idlib      PROPN NNP  7  pobj    B-PLACE place/idlib
        on         on         ADP   IN   2  prep
        Monday     Monday     PROPN NNP  9  pobj    B-DATE
        .          .          PUNCT .    2  punct
    """)
    (event,) = events(doc)
    assert event.perpetrators == [iri("actor/turkey"), iri("actor/turkish-armed-forces")]
    assert event.target_actors == [iri("person/abu-bakr-al-baghdadi"), iri("actor/isis")]
    assert event.extractor == f"events.killing+{ARMED_FORCES}+{MEMBER_OF}"


# "ISIS attacked {place_a} on Monday. ISIS {verb} soldiers in {place_b} on Monday."
def two_attacks(verb: str, lemma: str, place_b: str) -> str:
    return f"""
        ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
        attacked   attack     VERB  VBD  0  ROOT
        Kirkuk     Kirkuk     PROPN NNP  2  dobj    B-PLACE place/kirkuk-governorate
        on         on         ADP   IN   2  prep
        Monday     Monday     PROPN NNP  4  pobj    B-DATE
        .          .          PUNCT .    2  punct
        ISIS       ISIS       PROPN NNP  8  nsubj   B-ACTOR actor/isis
        {verb}     {lemma}    VERB  VBD  0  ROOT
        soldiers   soldier    NOUN  NNS  8  dobj    B-ACTOR actor/iraqi-army
        in         in         ADP   IN   8  prep
        {place_b}
        on         on         ADP   IN   8  prep
        Monday     Monday     PROPN NNP  12 pobj    B-DATE
        .          .          PUNCT .    8  punct
    """


def test_events_merge_article_attacks_of_one_day_at_nested_places_are_one() -> None:
    doc = parse(two_attacks("ambushed", "ambush",
                            "Hawija     Hawija     PROPN NNP  10 pobj    B-PLACE place/hawija"))
    (event,) = events(doc)
    assert event.kind == "Ambush" and event.extractor.endswith(ARTICLE)


def test_events_merge_article_not_attacks_at_places_apart() -> None:
    doc = parse(two_attacks("ambushed", "ambush",
                            "Tikrit     Tikrit     PROPN NNP  10 pobj    B-PLACE place/tikrit"))
    assert [e.kind for e in events(doc)] == ["Attack", "Ambush"]


def test_events_merge_article_undated_reports_of_one_side_on_one_target_at_nested_places() -> None:
    # "US forces killed an ISIS leader in Syria. US forces killed the ISIS leader in Idlib."
    # (undated: one killing told twice)
    def killed(start: int, place: str, slug: str) -> str:
        return f"""
            US         US         PROPN NNP  {start + 2}  compound B-ACTOR actor/us-military
            forces     force      NOUN  NNS  {start + 3}  nsubj    I-ACTOR actor/us-military
            killed     kill       VERB  VBD  0  ROOT
            an         an         DET   DT   {start + 6}  det
            ISIS       ISIS       PROPN NNP  {start + 6}  compound B-ACTOR actor/isis
            leader     leader     NOUN  NN   {start + 3}  dobj
            in         in         ADP   IN   {start + 3}  prep
            {place}    {place}    PROPN NNP  {start + 7}  pobj     B-PLACE place/{slug}
            .          .          PUNCT .    {start + 3}  punct
        """
    doc = parse(killed(0, "Syria", "syria") + killed(9, "Idlib", "idlib"))
    (event,) = events(doc)
    assert event.extractor.endswith(ARTICLE) and event.locations == [iri("place/idlib")]


def test_events_merge_article_not_undated_reports_of_other_sides() -> None:
    doc = parse("""
        US         US         PROPN NNP  2  compound B-ACTOR actor/us-military
        forces     force      NOUN  NNS  3  nsubj    I-ACTOR actor/us-military
        killed     kill       VERB  VBD  0  ROOT
        an         an         DET   DT   6  det
        ISIS       ISIS       PROPN NNP  6  compound B-ACTOR actor/isis
        leader     leader     NOUN  NN   3  dobj
        in         in         ADP   IN   3  prep
        Idlib      Idlib      PROPN NNP  7  pobj     B-PLACE place/idlib
        .          .          PUNCT .    3  punct
        The        the        DET   DT   11 det
        SDF        SDF        PROPN NNP  12 nsubj    B-ACTOR actor/sdf
        killed     kill       VERB  VBD  0  ROOT
        an         an         DET   DT   15 det
        ISIS       ISIS       PROPN NNP  15 compound B-ACTOR actor/isis
        leader     leader     NOUN  NN   12 dobj
        in         in         ADP   IN   12 prep
        Idlib      Idlib      PROPN NNP  16 pobj     B-PLACE place/idlib
        .          .          PUNCT .    12 punct
    """)
    assert len(events(doc)) == 2


# "ISIS attacked the Peshmerga in Makhmour on Thursday. {second}"
ATTACKED_THURSDAY = """
    ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
    attacked   attack     VERB  VBD  0  ROOT
    the        the        DET   DT   4  det
    Peshmerga  Peshmerga  PROPN NNP  2  dobj    B-ACTOR actor/peshmerga
    in         in         ADP   IN   2  prep
    Makhmour   Makhmour   PROPN NNP  5  pobj    B-PLACE place/makhmour
    on         on         ADP   IN   2  prep
    Thursday   Thursday   PROPN NNP  7  pobj    B-DATE
    .          .          PUNCT .    2  punct
"""


def test_events_merge_continuation_a_parallel_report_of_no_place() -> None:
    # "... The Peshmerga were attacked too."
    doc = parse(ATTACKED_THURSDAY + """
        The        the        DET   DT   11 det
        Peshmerga  Peshmerga  PROPN NNP  13 nsubjpass B-ACTOR actor/peshmerga
        were       be         AUX   VBD  13 auxpass
        attacked   attack     VERB  VBN  0  ROOT
        too        too        ADV   RB   13 advmod
        .          .          PUNCT .    13 punct
    """)
    (event,) = events(doc)
    assert event.extractor.endswith(CONTINUATION) and event.locations == [iri("place/makhmour")]


def test_events_merge_continuation_a_killing_in_the_attack_told_before() -> None:
    # "... Officials mourned the three soldiers killed in the attack."
    doc = parse(ATTACKED_THURSDAY + """
        Officials  official   NOUN  NNS  11 nsubj
        mourned    mourn      VERB  VBD  0  ROOT
        the        the        DET   DT   14 det
        three      three      NUM   CD   14 nummod
        soldiers   soldier    NOUN  NNS  11 dobj
        killed     kill       VERB  VBN  14 acl
        in         in         ADP   IN   15 prep
        the        the        DET   DT   18 det
        attack     attack     NOUN  NN   16 pobj
        .          .          PUNCT .    11 punct
    """)
    (event,) = events(doc)
    assert event.kind == "Attack" and event.killed_count == 3
    assert event.extractor.endswith(CONTINUATION)


def test_events_merge_continuation_not_a_killing_in_an_attack_of_its_own() -> None:
    # "... Three soldiers were killed in an attack in Kirkuk on Friday."
    doc = parse(ATTACKED_THURSDAY + """
        Three      three      NUM   CD   11 nummod
        soldiers   soldier    NOUN  NNS  13 nsubjpass
        were       be         AUX   VBD  13 auxpass
        killed     kill       VERB  VBN  0  ROOT
        in         in         ADP   IN   13 prep
        an         an         DET   DT   16 det
        attack     attack     NOUN  NN   14 pobj
        in         in         ADP   IN   16 prep
        Kirkuk     Kirkuk     PROPN NNP  17 pobj    B-PLACE place/kirkuk
        on         on         ADP   IN   13 prep
        Friday     Friday     PROPN NNP  19 pobj    B-DATE
        .          .          PUNCT .    13 punct
    """)
    assert len(events(doc)) == 2
