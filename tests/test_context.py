"""Context rules (``isisgraph.extract.context``) on hand-built parses: fields a fact's own
clause leaves open, completed from the text around it, and the fact kept when they cannot be."""

from __future__ import annotations

import datetime as dt

from parses import parse

from isisgraph.extract import context
from isisgraph.records import Article, Event, Span, When

# "Kurdish fighters have expelled IS from Kobane, activists said Monday."
EXPELLED = """
    Kurdish    kurdish    ADJ   JJ   2  amod
    fighters   fighter    NOUN  NNS  4  nsubj
    have       have       AUX   VBP  4  aux
    expelled   expel      VERB  VBN  10 ccomp
    IS         IS         PROPN NNP  4  dobj   B-ACTOR  actor/isis
    from       from       ADP   IN   4  prep
    Kobane     Kobane     PROPN NNP  6  pobj   B-PLACE  place/kobani
    ,          ,          PUNCT ,    10 punct
    activists  activist   NOUN  NNS  10 nsubj
    said       say        VERB  VBD  0  ROOT
    Monday     Monday     PROPN NNP  10 npadvmod B-DATE
    .          .          PUNCT .    10 punct
"""
# "Kurdish fighters have expelled IS from Kobane."
EXPELLED_UNREPORTED = """
    Kurdish    kurdish    ADJ   JJ   2  amod
    fighters   fighter    NOUN  NNS  4  nsubj
    have       have       AUX   VBP  4  aux
    expelled   expel      VERB  VBN  0  ROOT
    IS         IS         PROPN NNP  4  dobj   B-ACTOR  actor/isis
    from       from       ADP   IN   4  prep
    Kobane     Kobane     PROPN NNP  6  pobj   B-PLACE  place/kobani
    .          .          PUNCT .    4  punct
"""
PUBLISHED = dt.date(2015, 1, 28)  # a Wednesday: "Monday" is the 26th


def _article(doc, published=PUBLISHED) -> Article:
    return Article(id="a", text=doc.text, source="a.txt", published=published)


def _event(doc, when: When | None = None) -> Event:
    start, end = doc[0].idx, doc[6].idx + len(doc[6])
    return Event(key="e", kind="ControlChange", span=Span(start, end), trigger="expelled",
                 locations=["https://w3id.org/isisgraph/id/place/kobani"], when=when,
                 extractor="events.conquering")


def test_context_date_report_dates_an_event_by_the_day_it_was_reported() -> None:
    doc = parse(EXPELLED)
    event = _event(doc)
    context.date_events([event], doc, _article(doc))
    assert event.when is not None and event.when.start == dt.date(2015, 1, 26)
    assert (event.when.precision, event.when.basis, event.when.raw) == ("approximate", "report", "Monday")
    assert event.extractor == "events.conquering+context.date.report"


def test_context_date_publication_when_nothing_else_dates_it() -> None:
    doc = parse(EXPELLED_UNREPORTED)
    event = _event(doc)
    context.date_events([event], doc, _article(doc))
    assert event.when is not None and event.when.start == event.when.end == PUBLISHED
    assert (event.when.precision, event.when.basis) == ("approximate", "publication")
    assert event.extractor.endswith("+context.date.publication")


def test_a_stated_date_is_kept_and_no_date_is_invented_without_publication() -> None:
    doc = parse(EXPELLED)
    stated = When(raw="on January 26", start=dt.date(2015, 1, 26), end=dt.date(2015, 1, 26))
    event = _event(doc, stated)
    context.date_events([event], doc, _article(doc))
    assert event.when is stated and event.extractor == "events.conquering"
    undated = _event(doc)
    context.date_events([undated], doc, _article(doc, published=None))
    assert undated.when is None and undated.extractor == "events.conquering"


# "The SDF declared that Baghouz had been liberated."
DECLARED = """
    The        the        DET   DT   2  det
    SDF        SDF        PROPN NNP  3  nsubj  B-ACTOR  actor/sdf
    declared   declare    VERB  VBD  0  ROOT
    that       that       SCONJ IN   7  mark
    Baghouz    Baghouz    PROPN NNP  7  nsubjpass B-PLACE place/al-baghouz
    had        have       AUX   VBD  7  aux
    been       be         AUX   VBN  7  auxpass
    liberated  liberate   VERB  VBN  3  ccomp
    .          .          PUNCT .    3  punct
"""
ISIS_MENTIONED = """
    \\n
    ISIS       ISIS       PROPN NNP  12 nsubj  B-ACTOR  actor/isis
    lost       lose       VERB  VBD  0  ROOT
    .          .          PUNCT .    12 punct
"""


def _liberated(doc) -> Event:
    return Event(key="e", kind="ControlChange", span=Span(doc[4].idx, doc[7].idx + len(doc[7])),
                 trigger="liberated", locations=["https://w3id.org/isisgraph/id/place/al-baghouz"],
                 extractor="events.conquering")


def test_context_sides_declared_and_liberated_from() -> None:
    from isisgraph.reference import load

    doc = parse(DECLARED + ISIS_MENTIONED)
    event = _liberated(doc)
    context.complete_sides([event], [], doc, load())
    sdf, isis = "https://w3id.org/isisgraph/id/actor/sdf", "https://w3id.org/isisgraph/id/actor/isis"
    assert event.gained_control == [sdf] and event.lost_control == [isis]
    assert event.extractor == "events.conquering+context.sides.declared+context.sides.liberated-from"


def test_context_sides_leave_a_side_empty_rather_than_guess() -> None:
    from isisgraph.reference import load

    # no armed group in the article, and a capture (not a liberation) reported by nobody
    doc = parse(DECLARED.replace("B-ACTOR  actor/sdf", ""))
    event = _liberated(doc)
    context.complete_sides([event], [], doc, load())
    assert event.gained_control == [] and event.lost_control == []
    assert event.extractor == "events.conquering"


# "Iraqi jets carried out two strikes in Hamrin. The strikes killed ISIS members."
STRIKES_KILLED = """
    Iraqi      iraqi      ADJ   JJ   2  amod    B-ACTOR  actor/iraqi-air-force
    jets       jet        NOUN  NNS  3  nsubj   I-ACTOR  actor/iraqi-air-force
    carried    carry      VERB  VBD  0  ROOT
    out        out        ADP   RP   3  prt
    two        two        NUM   CD   6  nummod
    strikes    strike     NOUN  NNS  3  dobj
    in         in         ADP   IN   3  prep
    Hamrin     Hamrin     PROPN NNP  7  pobj    B-PLACE  place/hamrin-mountains
    .          .          PUNCT .    3  punct
    The        the        DET   DT   11 det
    {strikes}
    killed     kill       VERB  VBD  0  ROOT
    ISIS       ISIS       PROPN NNP  14 compound B-ACTOR actor/isis
    members    member     NOUN  NNS  12 dobj
    .          .          PUNCT .    12 punct
"""


def _killing(doc, start: int, end: int) -> Event:
    return Event(key="k", kind="Killing", span=Span(doc[start].idx, doc[end].idx + len(doc[end])),
                 trigger="killed", target_actors=["https://w3id.org/isisgraph/id/actor/isis"],
                 extractor="events.killing")


def test_context_sides_strike_agent_a_killing_by_the_strikes_reported_beside_it() -> None:
    from isisgraph.records import StrikeReport
    from isisgraph.reference import load

    doc = parse(STRIKES_KILLED.format(strikes="strikes  strike  NOUN  NNS  12 nsubj"))
    report = StrikeReport(key="s", span=Span(doc[0].idx, doc[7].idx + len(doc[7])), strike_count=2,
                          perpetrators=["https://w3id.org/isisgraph/id/actor/iraqi-air-force"])
    event = _killing(doc, 9, 13)
    context.complete_sides([event], [], doc, load(), [report])
    assert event.perpetrators == ["https://w3id.org/isisgraph/id/actor/iraqi-air-force"]
    assert event.extractor == "events.killing+" + context.STRIKE_AGENT


def test_context_sides_strike_agent_not_for_a_killing_that_names_no_strike() -> None:
    from isisgraph.records import StrikeReport
    from isisgraph.reference import load

    doc = parse(STRIKES_KILLED.format(strikes="clashes  clash  NOUN  NNS  12 nsubj"))
    report = StrikeReport(key="s", span=Span(doc[0].idx, doc[7].idx + len(doc[7])), strike_count=2,
                          perpetrators=["https://w3id.org/isisgraph/id/actor/iraqi-air-force"])
    event = _killing(doc, 9, 13)
    context.complete_sides([event], [], doc, load(), [report])
    assert event.perpetrators == []


# "ISIS held Manbij. ISIS fought. ISIS fled. The {army|SDF} seized Manbij."
def seized_in_an_isis_article(mentions: int, winner: str = "army") -> str:
    slug = "iraqi-army" if winner == "army" else "sdf"
    lines, i = [], 0
    for verb, lemma in (("held", "hold"), ("fought", "fight"), ("fled", "flee"))[:mentions]:
        lines.append(f"""
            ISIS       ISIS       PROPN NNP  {i + 2}  nsubj   B-ACTOR actor/isis
            {verb}     {lemma}    VERB  VBD  0  ROOT
            .          .          PUNCT .    {i + 2}  punct""")
        i += 3
    lines.append(f"""
            The        the        DET   DT   {i + 2}  det
            {winner}   {winner}   PROPN NNP  {i + 3}  nsubj   B-ACTOR actor/{slug}
            seized     seize      VERB  VBD  0  ROOT
            Manbij     Manbij     PROPN NNP  {i + 3}  dobj    B-PLACE place/manbij
            .          .          PUNCT .    {i + 3}  punct""")
    return "\n".join(lines)


def _seized(doc, winner: str = "iraqi-army") -> Event:
    start = len(doc) - 5
    return Event(key="e", kind="ControlChange", span=Span(doc[start].idx, doc[start + 3].idx + 6),
                 trigger="seized", locations=["https://w3id.org/isisgraph/id/place/manbij"],
                 gained_control=[f"https://w3id.org/isisgraph/id/actor/{winner}"],
                 extractor="events.conquering")


def test_context_sides_liberated_from_a_place_seized_in_an_article_about_one_group() -> None:
    from isisgraph.reference import load

    doc = parse(seized_in_an_isis_article(3))
    event = _seized(doc)
    context.complete_sides([event], [], doc, load())
    assert event.lost_control == ["https://w3id.org/isisgraph/id/actor/isis"]


def test_context_sides_liberated_from_not_a_place_seized_in_an_article_about_none() -> None:
    from isisgraph.reference import load

    doc = parse(seized_in_an_isis_article(1))
    event = _seized(doc)
    context.complete_sides([event], [], doc, load())
    assert event.lost_control == []


# "The CTS said the operation, carried out in collaboration with the Iraqi National
# Intelligence Service, resulted in the arrest of four militants in Kirkuk."
COLLABORATION = """
    The          the          DET   DT   2   det
    CTS          CTS          PROPN NNP  3   nsubj      B-ACTOR  actor/iraqi-cts
    said         say          VERB  VBD  0   ROOT
    the          the          DET   DT   5   det
    operation    operation    NOUN  NN   18  nsubj
    ,            ,            PUNCT ,    5   punct
    carried      carry        VERB  VBN  5   acl
    out          out          ADP   RP   7   prt
    in           in           ADP   IN   7   prep
    collaboration collaboration NOUN  NN   9   pobj
    with         with         ADP   IN   10  prep
    the          the          DET   DT   16  det
    Iraqi        Iraqi        PROPN NNP  16  compound   B-ACTOR  actor/iraqi-intelligence
    National     National     PROPN NNP  16  compound   I-ACTOR  actor/iraqi-intelligence
    Intelligence Intelligence PROPN NNP  16  compound   I-ACTOR  actor/iraqi-intelligence
    Service      Service      PROPN NNP  11  pobj       I-ACTOR  actor/iraqi-intelligence
    ,            ,            PUNCT ,    5   punct
    resulted     result       VERB  VBD  3   ccomp
    in           in           ADP   IN   18  prep
    the          the          DET   DT   21  det
    arrest       arrest       NOUN  NN   19  pobj
    of           of           ADP   IN   21  prep
    four         four         NUM   CD   24  nummod     B-CARDINAL
    militants    militant     NOUN  NNS  22  pobj
    in           in           ADP   IN   24  prep
    Kirkuk       Kirkuk       PROPN NNP  25  pobj       B-PLACE  place/kirkuk
    .            .            PUNCT .    3   punct
"""


def test_context_sides_reported_by_who_reports_an_operation_others_took_part_in() -> None:
    from isisgraph.extract.context import COOPERATION
    from isisgraph.extract.events import extract_events
    from isisgraph.reference import load

    doc = parse(COLLABORATION)
    article = _article(doc)
    (event,) = extract_events(doc, article, load())
    assert COOPERATION in event.extractor
    assert event.perpetrators == ["https://w3id.org/isisgraph/id/actor/iraqi-intelligence"]
    context.complete_sides([event], [], doc, load())
    assert event.perpetrators == ["https://w3id.org/isisgraph/id/actor/iraqi-intelligence",
                                  "https://w3id.org/isisgraph/id/actor/iraqi-cts"]
    assert event.extractor.endswith(context.AGENT_FROM_REPORT)


# "Mosul, Kirkuk and Tikrit {and Raqqa} were named. ISIS arrested four men."
def places_then_arrest(syria: bool) -> str:
    raqqa = """
        and        and        CCONJ CC   5  cc
        Raqqa      Raqqa      PROPN NNP  5  conj    B-PLACE place/raqqa
        Aleppo     Aleppo     PROPN NNP  5  conj    B-PLACE place/aleppo""" if syria else ""
    shift = 3 if syria else 0
    return f"""
        Mosul      Mosul      PROPN NNP  {7 + shift}  nsubjpass B-PLACE place/mosul
        ,          ,          PUNCT ,    1  punct
        Kirkuk     Kirkuk     PROPN NNP  1  conj    B-PLACE place/kirkuk
        and        and        CCONJ CC   3  cc
        Tikrit     Tikrit     PROPN NNP  3  conj    B-PLACE place/tikrit
        {raqqa}
        were       be         AUX   VBD  {7 + shift}  auxpass
        named      name       VERB  VBN  0  ROOT
        .          .          PUNCT .    {7 + shift}  punct
    """


def _placeless(doc) -> Event:
    return Event(key="a", kind="Arrest", span=Span(0, 5), trigger="arrested", extractor="events.arrest")


def test_context_place_country_an_unplaced_event_of_an_article_about_one_country() -> None:
    from isisgraph.reference import load

    doc = parse(places_then_arrest(syria=False))
    event = _placeless(doc)
    context.place_events([event], doc, load())
    assert event.locations == ["https://w3id.org/isisgraph/id/place/iraq"]
    assert event.extractor == "events.arrest+" + context.PLACE_FROM_COUNTRY


def test_context_place_country_not_in_an_article_shared_between_countries() -> None:
    from isisgraph.reference import load

    doc = parse(places_then_arrest(syria=True))
    event = _placeless(doc)
    context.place_events([event], doc, load())
    assert event.locations == []


def test_context_sides_strike_agent_the_one_striker_of_the_article() -> None:
    from isisgraph.records import StrikeReport
    from isisgraph.reference import load

    # the report is far from the killing, but it is the article's only striker
    doc = parse(STRIKES_KILLED.format(strikes="strikes  strike  NOUN  NNS  12 nsubj"))
    far = StrikeReport(key="s", span=Span(10_000, 10_050), strike_count=2,
                       perpetrators=["https://w3id.org/isisgraph/id/actor/cjtf-oir"])
    event = _killing(doc, 9, 13)
    context.complete_sides([event], [], doc, load(), [far])
    assert event.perpetrators == ["https://w3id.org/isisgraph/id/actor/cjtf-oir"]
    other = StrikeReport(key="t", span=Span(20_000, 20_050), strike_count=1,
                         perpetrators=["https://w3id.org/isisgraph/id/actor/russian-armed-forces"])
    event = _killing(doc, 9, 13)
    context.complete_sides([event], [], doc, load(), [far, other])
    assert event.perpetrators == []  # two strikers far away: nobody is guessed


def test_context_sides_liberated_from_not_when_the_group_the_article_is_about_took_the_place() -> None:
    # "ISIS held Manbij. ISIS fought. ISIS fled. The SDF fought. The SDF held. The SDF fled. ISIS
    # seized Manbij.": the article is about ISIS, and ISIS is the winner; who lost is not
    # guessed (not the SDF, the next group the article names).
    from isisgraph.reference import load

    rows, i = [], 0
    for slug, verb, lemma in (("isis", "held", "hold"), ("isis", "fought", "fight"), ("isis", "fled", "flee"),
                              ("sdf", "fought", "fight"), ("sdf", "held", "hold"), ("sdf", "fled", "flee")):
        rows.append(f"""
            X{slug}    {slug}     PROPN NNP  {i + 2}  nsubj  B-ACTOR actor/{slug}
            {verb}     {lemma}    VERB  VBD  0  ROOT
            .          .          PUNCT .    {i + 2}  punct""")
        i += 3
    rows.append(f"""
            ISIS       ISIS       PROPN NNP  {i + 2}  nsubj  B-ACTOR actor/isis
            seized     seize      VERB  VBD  0  ROOT
            Manbij     Manbij     PROPN NNP  {i + 2}  dobj   B-PLACE place/manbij
            .          .          PUNCT .    {i + 2}  punct""")
    doc = parse("\n".join(rows))
    event = Event(key="e", kind="ControlChange", span=Span(doc[i].idx, doc[i + 2].idx + 6), trigger="seized",
                  locations=["https://w3id.org/isisgraph/id/place/manbij"],
                  gained_control=["https://w3id.org/isisgraph/id/actor/isis"], extractor="events.conquering")
    context.complete_sides([event], [], doc, load())
    assert event.lost_control == [] and event.extractor == "events.conquering"
