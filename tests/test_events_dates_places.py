"""Dates, places and tolls of events (``extract.events.dates``, ``.places``, ``.counts``) on
hand-built parses."""

from __future__ import annotations

import datetime as dt

from event_rules import PUBLISHED, context, events, iri, trigger
from parses import parse

from isisgraph.extract.events import read_trigger
from isisgraph.extract.events.counts import CASUALTIES
from isisgraph.extract.events.dates import CLAUSE_DATE, PARALLEL, RELATIVE_DAY, SINCE, since_date
from isisgraph.extract.events.places import CLAUSE_PLACE, PREVIOUS_SENTENCES

# "On Monday, ISIS said it attacked Baiji[ the day before]."
SAID_IT_ATTACKED = """
    On         on         ADP   IN   5  prep
    Monday     Monday     PROPN NNP  1  pobj    B-DATE
    ,          ,          PUNCT ,    5  punct
    ISIS       ISIS       PROPN NNP  5  nsubj   B-ACTOR actor/isis
    said       say        VERB  VBD  0  ROOT
    it         it         PRON  PRP  7  nsubj
    attacked   attack     VERB  VBD  5  ccomp
    Baiji      Baiji      PROPN NNP  7  dobj    B-PLACE place/baiji
    {day_before}
    .          .          PUNCT .    5  punct
"""
DAY_BEFORE = """
    the        the        DET   DT   10 det
    day        day        NOUN  NN   7  npadvmod
    before     before     ADV   RB   10 advmod
"""


def test_events_dates_clause_dates_the_event_by_its_clause() -> None:
    assert CLAUSE_DATE == "events.dates.clause"
    # "Iraqi forces recaptured Tikrit on Tuesday."
    doc = parse("""
        Iraqi      iraqi      ADJ   JJ   2  amod    B-ACTOR actor/isf
        forces     force      NOUN  NNS  3  nsubj   I-ACTOR actor/isf
        recaptured recapture  VERB  VBD  0  ROOT
        Tikrit     Tikrit     PROPN NNP  3  dobj    B-PLACE place/tikrit
        on         on         ADP   IN   3  prep
        Tuesday    Tuesday    PROPN NNP  5  pobj    B-DATE
        .          .          PUNCT .    3  punct
    """)
    (event,) = events(doc)
    assert event.when is not None and event.when.start == dt.date(2016, 3, 29)


def test_events_dates_clause_no_date_across_a_verb_of_saying() -> None:
    (event,) = events(parse(SAID_IT_ATTACKED.format(day_before="")))
    assert event.kind == "Attack" and event.when is None


def test_events_dates_relative_day_counts_from_the_framing_clause() -> None:
    assert RELATIVE_DAY == "events.dates.relative-day"
    (event,) = events(parse(SAID_IT_ATTACKED.format(day_before=DAY_BEFORE)))
    assert event.when is not None and event.when.start == dt.date(2016, 3, 27)
    assert event.when.raw == "the day before"


def test_events_dates_relative_day_needs_a_framing_date() -> None:
    # "ISIS said it attacked Baiji the day before."
    doc = parse("""
        ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
        said       say        VERB  VBD  0  ROOT
        it         it         PRON  PRP  4  nsubj
        attacked   attack     VERB  VBD  2  ccomp
        Baiji      Baiji      PROPN NNP  4  dobj    B-PLACE place/baiji
        the        the        DET   DT   7  det
        day        day        NOUN  NN   4  npadvmod
        before     before     ADV   RB   7  advmod
        .          .          PUNCT .    2  punct
    """)
    (event,) = events(doc)
    assert event.when is None


# "Since launching Operation Roundup in May, the coalition has regained 20 villages near Raqqa."
SINCE_LAUNCHING = """
    Since      since      SCONJ IN   11 prep
    launching  launch     VERB  VBG  1  pcomp
    Operation  Operation  PROPN NNP  4  compound B-OPERATION operation/roundup
    Roundup    Roundup    PROPN NNP  2  dobj     I-OPERATION operation/roundup
    in         in         ADP   IN   2  prep
    May        May        PROPN NNP  5  pobj    B-DATE
    ,          ,          PUNCT ,    11 punct
    the        the        DET   DT   9  det
    coalition  coalition  NOUN  NN   11 nsubj   B-ACTOR actor/cjtf-oir
    has        have       AUX   VBZ  11 aux
    regained   regain     VERB  VBN  0  ROOT
    20         20         NUM   CD   13 nummod
    villages   village    NOUN  NNS  11 dobj
    near       near       ADP   IN   13 prep
    Raqqa      Raqqa      PROPN NNP  14 pobj    B-PLACE place/raqqa
    .          .          PUNCT .    11 punct
"""


def test_events_dates_since_runs_from_the_date_to_publication() -> None:
    assert SINCE == "events.dates.since"
    doc = parse(SINCE_LAUNCHING)
    ctx = context(doc)
    when = since_date(doc[10], ctx.dates_in(doc[:]), ctx)
    assert when is not None and when.precision == "approximate"
    assert (when.start, when.end) == (dt.date(2015, 5, 1), PUBLISHED)
    assert when.raw == "Since launching Operation Roundup in May"


def test_events_dates_since_needs_since() -> None:
    doc = parse(SINCE_LAUNCHING)
    ctx = context(doc)
    assert since_date(doc[1], ctx.dates_in(doc[:]), ctx) is None  # "launching" has no "since"


# "ISIS seized Hawija on Monday. The SDF [also] captured Manbij."
PARALLEL_TEXT = """
    ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
    seized     seize      VERB  VBD  0  ROOT
    Hawija     Hawija     PROPN NNP  2  dobj    B-PLACE place/hawija
    on         on         ADP   IN   2  prep
    Monday     Monday     PROPN NNP  4  pobj    B-DATE
    .          .          PUNCT .    2  punct
    The        the        DET   DT   8  det
    SDF        SDF        PROPN NNP  {captured} nsubj B-ACTOR actor/sdf
    {also}
    captured   capture    VERB  VBD  0  ROOT
    Manbij     Manbij     PROPN NNP  {captured} dobj B-PLACE place/manbij
    .          .          PUNCT .    {captured} punct
"""


def test_events_dates_parallel_shares_the_time_of_the_event_before() -> None:
    doc = parse(PARALLEL_TEXT.format(captured=10, also="also also ADV RB 10 advmod"))
    first, second = events(doc)
    assert second.locations == [iri("place/manbij")] and second.extractor == "events.conquering+" + PARALLEL
    assert second.when is not None and second.when.precision == "approximate"
    assert second.when.start == first.when.start


def test_events_dates_parallel_needs_a_parallel_adverb() -> None:
    first, second = events(parse(PARALLEL_TEXT.format(captured=9, also="")))
    assert second.when is None and second.extractor == "events.conquering"


def test_events_places_clause_is_where_the_event_happened() -> None:
    assert CLAUSE_PLACE == "events.places.clause"
    # "ISIS attacked a checkpoint near Haditha on Monday."
    doc = parse("""
        ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
        attacked   attack     VERB  VBD  0  ROOT
        a          a          DET   DT   4  det
        checkpoint checkpoint NOUN  NN   2  dobj
        near       near       ADP   IN   4  prep
        Haditha    Haditha    PROPN NNP  5  pobj    B-PLACE place/haditha
        on         on         ADP   IN   2  prep
        Monday     Monday     PROPN NNP  7  pobj    B-DATE
        .          .          PUNCT .    2  punct
    """)
    (event,) = events(doc)
    assert event.locations == [iri("place/haditha")]


def test_events_places_clause_not_from_a_dateline() -> None:
    # "BAGHDAD — ISIS attacked a checkpoint on Monday."
    doc = parse("""
        BAGHDAD    Baghdad    PROPN NNP  4  npadvmod B-PLACE place/baghdad
        —          —          PUNCT :    4  punct
        ISIS       ISIS       PROPN NNP  4  nsubj   B-ACTOR actor/isis
        attacked   attack     VERB  VBD  0  ROOT
        a          a          DET   DT   6  det
        checkpoint checkpoint NOUN  NN   4  dobj
        on         on         ADP   IN   4  prep
        Monday     Monday     PROPN NNP  7  pobj    B-DATE
        .          .          PUNCT .    4  punct
    """)
    (event,) = events(doc)
    assert event.locations == [] and event.perpetrators == [iri("actor/isis")]


# "ISIS carried out an attack on Monday, {participle} a checkpoint near Haditha."
CARRIED_OUT = """
    ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
    carried    carry      VERB  VBD  0  ROOT
    out        out        ADP   RP   2  prt
    an         an         DET   DT   5  det
    attack     attack     NOUN  NN   2  dobj
    on         on         ADP   IN   2  prep
    Monday     Monday     PROPN NNP  6  pobj    B-DATE
    ,          ,          PUNCT ,    2  punct
    {participle}
    a          a          DET   DT   11 det
    checkpoint checkpoint NOUN  NN   9  dobj
    near       near       ADP   IN   11 prep
    Haditha    Haditha    PROPN NNP  12 pobj    B-PLACE place/haditha
    .          .          PUNCT .    2  punct
"""


def test_events_places_elaboration_a_participle_on_the_event_carried_out() -> None:
    doc = parse(CARRIED_OUT.format(participle="targeting target VERB VBG 2 advcl"))
    (event,) = events(doc)
    assert event.kind == "Attack" and event.locations == [iri("place/haditha")]


def test_events_places_elaboration_not_a_clause_with_its_own_time() -> None:
    # "ISIS carried out an attack on Monday, after seizing a checkpoint near Haditha."
    doc = parse("""
        ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
        carried    carry      VERB  VBD  0  ROOT
        out        out        ADP   RP   2  prt
        an         an         DET   DT   5  det
        attack     attack     NOUN  NN   2  dobj
        on         on         ADP   IN   2  prep
        Monday     Monday     PROPN NNP  6  pobj    B-DATE
        ,          ,          PUNCT ,    2  punct
        after      after      SCONJ IN   10 mark
        seizing    seize      VERB  VBG  2  advcl
        a          a          DET   DT   12 det
        checkpoint checkpoint NOUN  NN   10 dobj
        near       near       ADP   IN   12 prep
        Haditha    Haditha    PROPN NNP  13 pobj    B-PLACE place/haditha
        .          .          PUNCT .    2  punct
    """)
    attacks = [e for e in events(doc) if e.kind == "Attack"]
    assert len(attacks) == 1 and attacks[0].locations == []


# "Iraqi forces raided Hawija. 14 militants were killed during [these] operations."
RAIDED = """
    Iraqi      iraqi      ADJ   JJ   2  amod    B-ACTOR actor/isf
    forces     force      NOUN  NNS  3  nsubj   I-ACTOR actor/isf
    raided     raid       VERB  VBD  0  ROOT
    Hawija     Hawija     PROPN NNP  3  dobj    B-PLACE place/hawija
    .          .          PUNCT .    3  punct
    14         14         NUM   CD   7  nummod
    militants  militant   NOUN  NNS  9  nsubjpass
    were       be         AUX   VBD  9  auxpass
    killed     kill       VERB  VBN  0  ROOT
    during     during     ADP   IN   9  prep
    {these}
    operations operation  NOUN  NNS  10 pobj
    .          .          PUNCT .    9  punct
"""


def test_events_places_previous_sentences_for_a_sentence_that_refers_back() -> None:
    doc = parse(RAIDED.format(these="these this DET DT 12 det"))
    cand = read_trigger(trigger(doc, "killed"), context(doc))
    assert cand is not None and cand.locations == [iri("place/hawija")]
    assert cand.places_inherited and cand.extractor == "events.killing+" + PREVIOUS_SENTENCES


def test_events_places_previous_sentences_not_without_a_reference_back() -> None:
    doc = parse(RAIDED.format(these=""))
    cand = read_trigger(trigger(doc, "killed"), context(doc))
    assert cand is not None and cand.locations == [] and not cand.places_inherited


# "A car bomb exploded in Baghdad, killing 40 people" / "... after militants killed 40 people"
def car_bomb(link: str) -> str:
    return """
        A          a          DET   DT   3  det
        car        car        NOUN  NN   3  compound
        bomb       bomb       NOUN  NN   4  nsubj
        exploded   explode    VERB  VBD  0  ROOT
        in         in         ADP   IN   4  prep
        Baghdad    Baghdad    PROPN NNP  5  pobj    B-PLACE place/baghdad
    """ + link + """
        40         40         NUM   CD   {people} nummod
        people     people     NOUN  NNS  {killing} dobj
        .          .          PUNCT .    4  punct
    """


def test_events_counts_casualties_of_a_participle_on_the_attack() -> None:
    assert CASUALTIES == "events.counts.casualties"
    doc = parse(car_bomb("""
        ,          ,          PUNCT ,    4  punct
        killing    kill       VERB  VBG  4  advcl
    """).format(people=10, killing=8))
    cand = read_trigger(trigger(doc, "bomb"), context(doc))
    assert cand is not None and cand.killed is not None and cand.killed.value == 40


def test_events_counts_casualties_not_of_a_clause_with_its_own_time() -> None:
    doc = parse(car_bomb("""
        after      after      SCONJ IN   9  mark
        militants  militant   NOUN  NNS  9  nsubj
        killed     kill       VERB  VBD  4  advcl
    """).format(people=11, killing=9))
    cand = read_trigger(trigger(doc, "bomb"), context(doc))
    assert cand is not None and cand.killed is None


def test_events_dates_since_the_clause_date_under_since_opens_a_period() -> None:
    # the date "in May" lies in the regaining's own clause, under "since": not its day
    doc = parse(SINCE_LAUNCHING)
    event = next(e for e in events(doc) if e.kind == "ControlChange")
    assert event.when is not None and event.when.precision == "approximate"
    assert (event.when.start, event.when.end) == (dt.date(2015, 5, 1), PUBLISHED)


def test_events_dates_since_of_a_subordinate_clause() -> None:
    # "Since the SDF launched the operation in May, it has regained Raqqa."
    doc = parse("""
        Since      since      SCONJ IN   4  mark
        the        the        DET   DT   3  det
        SDF        SDF        PROPN NNP  4  nsubj   B-ACTOR actor/sdf
        launched   launch     VERB  VBD  12 advcl
        the        the        DET   DT   6  det
        operation  operation  NOUN  NN   4  dobj
        in         in         ADP   IN   4  prep
        May        May        PROPN NNP  7  pobj    B-DATE
        ,          ,          PUNCT ,    12 punct
        it         it         PRON  PRP  12 nsubj
        has        have       AUX   VBZ  12 aux
        regained   regain     VERB  VBN  0  ROOT
        Raqqa      Raqqa      PROPN NNP  12 dobj    B-PLACE place/raqqa
        .          .          PUNCT .    12 punct
    """)
    ctx = context(doc)
    when = since_date(doc[11], ctx.dates_in(doc[:]), ctx)
    assert when is not None and (when.start, when.end) == (dt.date(2015, 5, 1), PUBLISHED)
    assert when.raw == "Since the SDF launched the operation in May"


def test_events_dates_clause_a_coordinated_verb_dates_the_clause_it_shares() -> None:
    # "After some heavy fighting, Manbij was encircled and cut off in June."
    doc = parse("""
        After      after      ADP   IN   7  prep
        some       some       DET   DT   4  det
        heavy      heavy      ADJ   JJ   4  amod
        fighting   fighting   NOUN  NN   1  pobj
        ,          ,          PUNCT ,    7  punct
        Manbij     Manbij     PROPN NNP  7  nsubj   B-PLACE place/manbij
        was        be         AUX   VBD  0  ROOT
        encircled  encircled  ADJ   JJ   7  acomp
        and        and        CCONJ CC   8  cc
        cut        cut        VERB  VBN  8  conj
        off        off        ADP   RP   10 prt
        in         in         ADP   IN   10 prep
        June       June       PROPN NNP  12 pobj    B-DATE
        .          .          PUNCT .    7  punct
    """)
    (event,) = events(doc)
    assert event.kind == "Clash" and event.locations == [iri("place/manbij")]
    assert event.when is not None and event.when.raw == "June"


def test_events_places_clause_a_place_anaphor_under_the_verb() -> None:
    # "The army took Manbij. Five civilians were killed in strikes on Monday as they fled a
    # village near the city."
    doc = parse("""
        The        the        DET   DT   2  det
        army       army       NOUN  NN   3  nsubj   B-ACTOR actor/iraqi-army
        took       take       VERB  VBD  0  ROOT
        Manbij     Manbij     PROPN NNP  3  dobj    B-PLACE place/manbij
        .          .          PUNCT .    3  punct
        Five       five       NUM   CD   7  nummod
        civilians  civilian   NOUN  NNS  9  nsubjpass
        were       be         AUX   VBD  9  auxpass
        killed     kill       VERB  VBN  0  ROOT
        in         in         ADP   IN   9  prep
        strikes    strike     NOUN  NNS  10 pobj
        on         on         ADP   IN   9  prep
        Monday     Monday     PROPN NNP  12 pobj    B-DATE
        as         as         SCONJ IN   16 mark
        they       they       PRON  PRP  16 nsubj
        fled       flee       VERB  VBD  9  advcl
        a          a          DET   DT   18 det
        village    village    NOUN  NN   16 dobj
        near       near       ADP   IN   18 prep
        the        the        DET   DT   21 det
        city       city       NOUN  NN   19 pobj
        .          .          PUNCT .    9  punct
    """)
    killing = read_trigger(trigger(doc, "killed"), context(doc))
    assert killing is not None and killing.locations == [iri("place/manbij")] and killing.anaphoric


# "He took over on Oct. 31, 2019, days {after} Baghdadi died during a US raid in Idlib."
DAYS_AFTER = """
    He         he         PRON  PRP  2  nsubj
    took       take       VERB  VBD  0  ROOT
    over       over       ADP   RP   2  prt
    on         on         ADP   IN   2  prep
    Oct.       Oct.       PROPN NNP  4  pobj    B-DATE
    31         31         NUM   CD   5  nummod  I-DATE
    ,          ,          PUNCT ,    5  punct   I-DATE
    2019       2019       NUM   CD   5  nummod  I-DATE
    ,          ,          PUNCT ,    5  punct   I-DATE
    days       day        NOUN  NNS  13 npadvmod I-DATE
    {after}    {after}    SCONJ IN   13 mark
    Baghdadi   Baghdadi   PROPN NNP  13 nsubj   B-ACTOR person/abu-bakr-al-baghdadi
    died       die        VERB  VBD  2  advcl
    during     during     ADP   IN   13 prep
    a          a          DET   DT   17 det
    US         US         PROPN NNP  17 compound B-ACTOR actor/us
    raid       raid       NOUN  NN   14 pobj
    in         in         ADP   IN   17 prep
    Idlib      Idlib      PROPN NNP  18 pobj    B-PLACE place/idlib
    .          .          PUNCT .    2  punct
"""


def test_events_dates_days_before_the_framing_day() -> None:
    from isisgraph.extract.events.dates import DAYS_BEFORE

    (event,) = events(parse(DAYS_AFTER.format(after="after")))
    assert event.kind == "Killing" and DAYS_BEFORE in event.extractor
    assert event.when is not None and event.when.precision == "approximate"
    assert (event.when.start, event.when.end) == (dt.date(2019, 10, 24), dt.date(2019, 10, 31))
    assert event.perpetrators == [iri("actor/us"), iri("actor/us-military")]


def test_events_dates_days_before_not_without_a_span() -> None:
    # "... on Oct. 31, 2019, days because Baghdadi died ...": no "after" or "before"
    (event,) = events(parse(DAYS_AFTER.format(after="because")))
    assert event.when is None or event.when.start != dt.date(2019, 10, 24)


# "ISIS fighters attacked Baiji. Several [other] militants surrendered to the army."
def surrendered_after_attack(other: bool) -> str:
    shift = 1 if other else 0
    return f"""
        ISIS       ISIS       PROPN NNP  2  compound B-ACTOR actor/isis
        fighters   fighter    NOUN  NNS  3  nsubj
        attacked   attack     VERB  VBD  0  ROOT
        Baiji      Baiji      PROPN NNP  3  dobj    B-PLACE place/baiji
        .          .          PUNCT .    3  punct
        Several    several    ADJ   JJ   {7 + shift}  amod
        {"other      other      ADJ   JJ   8  amod" if other else ""}
        militants  militant   NOUN  NNS  {8 + shift} nsubj
        surrendered surrender VERB  VBD  0  ROOT
        to         to         ADP   IN   {8 + shift} prep
        the        the        DET   DT   {11 + shift} det
        army       army       NOUN  NN   {9 + shift} pobj  B-ACTOR actor/iraqi-army
        .          .          PUNCT .    {8 + shift} punct
    """


def test_events_places_previous_sentences_more_of_the_people_just_described() -> None:
    found = [e for e in events(parse(surrendered_after_attack(other=True))) if e.kind == "Surrender"]
    assert [e.locations for e in found] == [[iri("place/baiji")]]
    assert PREVIOUS_SENTENCES in found[0].extractor


def test_events_places_previous_sentences_not_for_people_not_said_to_be_more() -> None:
    found = [e for e in events(parse(surrendered_after_attack(other=False))) if e.kind == "Surrender"]
    assert found == []  # neither placed nor dated: a tally


def test_events_dates_clause_the_date_of_the_strike_that_kills() -> None:
    # "A Feb 26 strike near Mosul also killed five civilians."
    doc = parse("""
        A          a          DET   DT   4  det
        Feb        Feb        PROPN NNP  4  nmod    B-DATE
        26         26         NUM   CD   2  nummod  I-DATE
        strike     strike     NOUN  NN   8  nsubj
        near       near       ADP   IN   4  prep
        Mosul      Mosul      PROPN NNP  5  pobj    B-PLACE place/mosul
        also       also       ADV   RB   8  advmod
        killed     kill       VERB  VBD  0  ROOT
        five       five       NUM   CD   10 nummod
        civilians  civilian   NOUN  NNS  8  dobj
        .          .          PUNCT .    8  punct
    """)
    (event,) = events(doc)
    assert event.when is not None and event.when.start == dt.date(2016, 2, 26)


def test_events_places_clause_not_the_place_of_a_post() -> None:
    from isisgraph.extract.events.entities import is_affiliation

    # "The Kirkuk Governor Rakan Saeed said."
    doc = parse("""
        The        the        DET   DT   5  det
        Kirkuk     Kirkuk     PROPN NNP  3  compound B-PLACE place/kirkuk
        Governor   Governor   PROPN NNP  5  compound
        Rakan      Rakan      PROPN NNP  5  compound B-PERSON
        Saeed      Saeed      PROPN NNP  6  nsubj   I-PERSON
        said       say        VERB  VBD  0  ROOT
        .          .          PUNCT .    6  punct
    """)
    assert is_affiliation(doc.ents[0]) and context(doc).linked_in(doc[:], "PLACE") == []


def test_events_dates_following_the_years_after_the_date_told_before() -> None:
    from isisgraph.extract.events.dates import FOLLOWING

    # "ISIS seized Mosul in June 2014. These areas were reclaimed in the following years."
    doc = parse("""
        ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
        seized     seize      VERB  VBD  0  ROOT
        Mosul      Mosul      PROPN NNP  2  dobj    B-PLACE place/mosul
        in         in         ADP   IN   2  prep
        June       June       PROPN NNP  4  pobj    B-DATE
        2014       2014       NUM   CD   5  nummod  I-DATE
        .          .          PUNCT .    2  punct
        These      these      DET   DT   9  det
        areas      area       NOUN  NNS  11 nsubjpass
        were       be         AUX   VBD  11 auxpass
        reclaimed  reclaim    VERB  VBN  0  ROOT
        in         in         ADP   IN   11 prep
        the        the        DET   DT   15 det    B-DATE
        following  following  ADJ   JJ   15 amod   I-DATE
        years      year       NOUN  NNS  12 pobj   I-DATE
        .          .          PUNCT .    11 punct
    """)
    ctx = context(doc)
    cand = read_trigger(trigger(doc, "reclaimed"), ctx)
    assert cand is not None and FOLLOWING in cand.steps
    assert cand.when is not None and cand.when.start == dt.date(2014, 7, 1)
    assert cand.when.precision == "approximate"


def test_events_places_clause_a_territory_including_a_city() -> None:
    # "ISIS overran a third of the territory, including Mosul, in June 2014."
    doc = parse("""
        ISIS       ISIS       PROPN NNP  2  nsubj   B-ACTOR actor/isis
        overran    overrun    VERB  VBD  0  ROOT
        a          a          DET   DT   4  det
        third      third      NOUN  NN   2  dobj
        of         of         ADP   IN   4  prep
        the        the        DET   DT   7  det
        territory  territory  NOUN  NN   5  pobj
        ,          ,          PUNCT ,    2  punct
        including  include    VERB  VBG  2  prep
        Mosul      Mosul      PROPN NNP  9  pobj    B-PLACE place/mosul
        ,          ,          PUNCT ,    2  punct
        in         in         ADP   IN   2  prep
        June       June       PROPN NNP  12 pobj    B-DATE
        2014       2014       NUM   CD   13 nummod  I-DATE
        .          .          PUNCT .    2  punct
    """)
    (event,) = events(doc)
    assert event.locations == [iri("place/mosul")] and event.gained_control == [iri("actor/isis")]


def test_events_places_clause_not_the_place_of_another_event_under_the_verb() -> None:
    # "The army, which had retaken Mosul in July, attacked ISIS positions on Monday."
    doc = parse("""
    The          the          DET   DT   2   det
    army         army         NOUN  NN   11  nsubj
    ,            ,            PUNCT ,    2   punct
    which        which        PRON  WDT  6   nsubj
    had          have         AUX   VBD  6   aux
    retaken      retake       VERB  VBN  2   relcl
    Mosul        Mosul        PROPN NNP  6   dobj       B-PLACE  place/mosul
    in           in           ADP   IN   6   prep
    July         July         PROPN NNP  8   pobj       B-DATE
    ,            ,            PUNCT ,    2   punct
    attacked     attack       VERB  VBD  0   ROOT
    ISIS         isis         NOUN  NN   13  compound   B-ACTOR  actor/isis
    positions    position     NOUN  NNS  11  dobj
    on           on           ADP   IN   11  prep
    Monday       Monday       PROPN NNP  14  pobj       B-DATE
    .            .            PUNCT .    11  punct
    """)
    attack = read_trigger(trigger(doc, "attacked"), context(doc))
    assert attack is not None and attack.locations == []
    # "ISIS militants attacked an army post on Monday, while the Peshmerga advanced on Sinjar."
    doc = parse("""
    ISIS         isis         NOUN  NN   2   compound   B-ACTOR  actor/isis
    militants    militant     NOUN  NNS  3   nsubj
    attacked     attack       VERB  VBD  0   ROOT
    an           an           DET   DT   6   det
    army         army         NOUN  NN   6   compound
    post         post         NOUN  NN   3   dobj
    on           on           ADP   IN   3   prep
    Monday       Monday       PROPN NNP  7   pobj       B-DATE
    ,            ,            PUNCT ,    3   punct
    while        while        SCONJ IN   13  mark
    the          the          DET   DT   12  det
    Peshmerga    Peshmerga    PROPN NNP  13  nsubj      B-ACTOR  actor/peshmerga
    advanced     advance      VERB  VBD  3   advcl
    on           on           ADP   IN   13  prep
    Sinjar       Sinjar       PROPN NNP  14  pobj       B-PLACE  place/sinjar
    .            .            PUNCT .    3   punct
    """)
    attack = read_trigger(trigger(doc, "attacked"), context(doc))
    assert attack is not None and attack.locations == []


def test_events_places_clause_a_clause_of_the_same_side_places_the_event() -> None:
    # "Gunmen attacked an army post on Monday, while fleeing from Sinjar."
    doc = parse("""
    Gunmen       gunman       NOUN  NNS  2   nsubj
    attacked     attack       VERB  VBD  0   ROOT
    an           an           DET   DT   5   det
    army         army         NOUN  NN   5   compound
    post         post         NOUN  NN   2   dobj
    on           on           ADP   IN   2   prep
    Monday       Monday       PROPN NNP  6   pobj       B-DATE
    ,            ,            PUNCT ,    2   punct
    while        while        SCONJ IN   10  mark
    fleeing      flee         VERB  VBG  2   advcl
    from         from         ADP   IN   10  prep
    Sinjar       Sinjar       PROPN NNP  11  pobj       B-PLACE  place/sinjar
    .            .            PUNCT .    2   punct
    """)
    attack = read_trigger(trigger(doc, "attacked"), context(doc))
    assert attack is not None and attack.locations == [iri("place/sinjar")]
