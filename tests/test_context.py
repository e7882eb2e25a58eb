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
