"""The shared grammar of the extractors (``isisgraph.extract.syntax``) on hand-built parses:
each test pins the parse its rule was written for, with no statistical model."""

from __future__ import annotations

from parses import parse

from isisgraph.extract.numbers import find_counts
from isisgraph.extract.syntax import counting, factuality, speech, tree, units

# "The coalition conducted 28 strikes in Iraq on Monday."
CONDUCTED = """
    The        the        DET   DT   2  det
    coalition  coalition  NOUN  NN   3  nsubj   B-ACTOR  actor/cjtf-oir
    conducted  conduct    VERB  VBD  0  ROOT
    28         28         NUM   CD   5  nummod
    strikes    strike     NOUN  NNS  3  dobj
    in         in         ADP   IN   3  prep
    Iraq       Iraq       PROPN NNP  6  pobj    B-PLACE  place/iraq
    on         on         ADP   IN   3  prep
    Monday     Monday     PROPN NNP  8  pobj    B-DATE
    .          .          PUNCT .    3  punct
"""


# ----------------------------------------------------------------------------- units


def test_units_cut_a_sentence_the_parser_ran_across_a_line_break() -> None:
    doc = parse("""
        Coalition  coalition  PROPN NNP  2  compound
        strikes    strike     NOUN  NNS  0  ROOT
        \\n
        Aircraft   aircraft   NOUN  NNS  5  nsubj
        struck     strike     VERB  VBD  2  conj
        .          .          PUNCT .    5  punct
    """)
    assert [u.text for u in units.units(doc)] == ["Coalition strikes", "Aircraft struck."]


def test_units_run_on_after_a_rank_the_parser_took_for_a_full_stop() -> None:
    doc = parse("""
        Brig       brig       PROPN NNP  0  ROOT    nospace
        .          .          PUNCT .    1  punct
        Gen.       gen.       PROPN NNP  4  compound
        Rasool     Rasool     PROPN NNP  5  nsubj
        spoke      speak      VERB  VBD  0  ROOT
        .          .          PUNCT .    5  punct
    """)
    assert [u.text for u in units.units(doc)] == ["Brig. Gen. Rasool spoke."]


def test_a_unit_of_punctuation_has_no_word() -> None:
    doc = parse("""
        --         --         PUNCT :    0  ROOT
        \\n
        Strikes    strike     NOUN  NNS  4  nsubj
        hit        hit        VERB  VBD  0  ROOT
    """)
    found = units.units(doc)
    assert [units.has_word(u) for u in found] == [False, True]


def test_datelines_are_the_dispatch_not_the_news() -> None:
    doc = parse("""
        MOSUL      Mosul      PROPN NNP  4  npadvmod B-PLACE place/mosul
        ,          ,          PUNCT ,    1  punct
        Iraq       Iraq       PROPN NNP  1  appos    B-PLACE place/iraq
        -          -          PUNCT :    5  punct
        Forces     force      NOUN  NNS  6  nsubj
        advanced   advance    VERB  VBD  0  ROOT
        near       near       ADP   IN   6  prep
        Hawija     Hawija     PROPN NNP  7  pobj     B-PLACE place/hawija
        .          .          PUNCT .    6  punct
    """)
    dateline = units.dateline_tokens(doc)
    assert {doc[i].text for i in dateline} >= {"MOSUL", "Iraq"} and 7 not in dateline
    mosul, iraq, hawija = doc.ents
    assert units.in_dateline(mosul) and units.in_dateline(iraq) and not units.in_dateline(hawija)


def test_a_tass_dateline_is_the_dispatch_too() -> None:
    # TASS's house style puts the agency between slashes, with no dash (dev: TASS 2017)
    doc = parse("""
        MOSCOW     Moscow     PROPN NNP  6  npadvmod B-PLACE place/moscow
        ,          ,          PUNCT ,    1  punct
        May        May        PROPN NNP  1  appos
        3          3          NUM   CD   3  nummod
        .          .          PUNCT .    1  punct
        /TASS/.    /tass/.    PUNCT NFP  6  punct
        Troops     troop      NOUN  NNS  8  nsubj
        advanced   advance    VERB  VBD  0  ROOT
        near       near       ADP   IN   8  prep
        Raqqa      Raqqa      PROPN NNP  9  pobj     B-PLACE place/raqqa
        .          .          PUNCT .    8  punct
    """)
    dateline = units.dateline_tokens(doc)
    assert {doc[i].text for i in dateline} >= {"MOSCOW", "May", "3"}
    assert not {doc[i].text for i in dateline} & {"Troops", "Raqqa"}
    moscow, raqqa = doc.ents
    assert not units.in_dateline(raqqa)


def test_a_dateline_is_on_one_line() -> None:
    # a country heading over a release's list is no dateline of the dash that opens the next
    # line: "Iraq" above "-- Near Baghdadi, ..." (dev: the CJTF-OIR and CENTCOM releases list
    # their town lines under "Syria" and "Iraq"); a dateline under a line of capitals is still
    # one, without that line
    doc = parse("""
        Iraq       Iraq       PROPN NNP  0  ROOT     B-PLACE place/iraq
        \\n
        --         --         PUNCT :    7  punct
        Near       near       ADP   IN   7  prep
        Hit        Hit        PROPN NNP  4  pobj     B-PLACE place/hit
        ,          ,          PUNCT ,    7  punct
        strikes    strike     NOUN  NNS  7  nsubj
        hit        hit        VERB  VBD  0  ROOT
        a          a          DET   DT   10 det
        unit       unit       NOUN  NN   8  dobj
        .          .          PUNCT .    8  punct
        \\n
        FOR        for        ADP   IN   0  ROOT
        RELEASE    release    PROPN NNP  13 pobj
        \\n
        MOSUL      Mosul      PROPN NNP  19 npadvmod B-PLACE place/mosul
        -          -          PUNCT :    19 punct
        Forces     force      NOUN  NNS  19 nsubj
        advanced   advance    VERB  VBD  0  ROOT
        .          .          PUNCT .    19 punct
    """)
    dateline = {doc[i].text for i in units.dateline_tokens(doc)}
    assert "MOSUL" in dateline
    assert not dateline & {"Iraq", "FOR", "RELEASE", "Hit", "Forces"}


def test_an_agency_and_a_full_date_make_a_dateline_without_a_dash() -> None:
    # "Beirut (AFP) March 10, 2016 At least ..." as some sites print AFP (dev: AFP 2016)
    doc = parse("""
        Beirut     Beirut     PROPN NNP  9  npadvmod B-PLACE place/beirut
        (          (          PUNCT -LRB- 1 punct
        AFP        AFP        PROPN NNP  1  appos
        )          )          PUNCT -RRB- 1 punct
        March      March      PROPN NNP  1  appos
        10         10         NUM   CD   5  nummod
        ,          ,          PUNCT ,    5  punct
        2016       2016       NUM   CD   5  nummod
        Troops     troop      NOUN  NNS  9  nsubj
        advanced   advance    VERB  VBD  0  ROOT
        near       near       ADP   IN   9  prep
        Palmyra    Palmyra    PROPN NNP  10 pobj     B-PLACE place/palmyra
        .          .          PUNCT .    9  punct
    """)
    dateline = {doc[i].text for i in units.dateline_tokens(doc)}
    assert dateline >= {"Beirut", "AFP", "March", "2016"}
    assert not dateline & {"Troops", "Palmyra"}


def test_headline_is_the_first_line_without_a_full_stop() -> None:
    doc = parse("""
        Forces     force      NOUN  NNS  2  nsubj
        retake     retake     VERB  VBP  0  ROOT
        Hawija     Hawija     PROPN NNP  2  dobj
        \\n
        Forces     force      NOUN  NNS  6  nsubj
        retook     retake     VERB  VBD  0  ROOT
        it         it         PRON  PRP  6  dobj
        .          .          PUNCT .    6  punct
    """)
    assert units.in_headline(doc[1]) and not units.in_headline(doc[5])
    assert units.same_line(doc[0], doc[2]) and not units.same_line(doc[2], doc[4])


def test_paragraphs_are_blocks_between_blank_lines() -> None:
    doc = parse("""
        In         in         ADP   IN   2  ROOT
        Syria      Syria      PROPN NNP  1  pobj
        \\n
        \\n
        Two        two        NUM   CD   6  nummod
        strikes    strike     NOUN  NNS  0  ROOT
        \\n
        One        one        NUM   CD   9  nummod
        strike     strike     NOUN  NN   0  ROOT
    """)
    found = units.units(doc)
    assert [u.text for u in found] == ["In Syria", "Two strikes", "One strike"]
    assert units.paragraphs(doc, found) == [0, 1, 1]


# ----------------------------------------------------------------------------- the tree


def test_subject_governing_verb_and_clause() -> None:
    doc = parse(CONDUCTED)
    coalition, conducted, strikes, iraq = doc[1], doc[2], doc[4], doc[6]
    assert tree.subject(conducted) == coalition
    assert tree.governing_verb(strikes) == conducted
    assert tree.governing_verb(iraq) == conducted  # through "in"
    assert tree.clause_head(iraq) == conducted and tree.clause_root(iraq) == conducted
    assert tree.nearest_verb(doc[3]) == conducted
    assert tree.prep_objects(conducted) == {"in": [iraq], "on": [doc[8]]}


def test_doers_every_subject_of_a_coordination_the_parser_broke() -> None:
    # "The army, the police and (...) the Hashd retook Hawija." with the list broken in two
    # subjects (an Al Jazeera report of 2017 quoting a statement with an elision)
    doc = parse("""
        The        the        DET   DT   2  det
        army       army       NOUN  NN   11 nsubj
        ,          ,          PUNCT ,    2  punct
        the        the        DET   DT   5  det
        police     police     NOUN  NN   2  appos
        and        and        CCONJ CC   5  cc
        (          (          PUNCT -LRB- 2 punct
        ...        ...        PUNCT NFP  2  punct
        )          )          PUNCT -RRB- 2 punct
        Hashd      Hashd      PROPN NNP  11 nsubj
        retook     retake     VERB  VBD  0  ROOT
        Hawija     Hawija     PROPN NNP  11 dobj
        .          .          PUNCT .    11 punct
    """)
    assert tree.doers(doc[10]) == [doc[1], doc[9]]


def test_doers_follow_control_and_coordination_but_not_a_passive() -> None:
    # "The coalition helped Iraq expel ISIS and retake Mosul."
    doc = parse("""
        The        the        DET   DT   2  det
        coalition  coalition  NOUN  NN   3  nsubj
        helped     help       VERB  VBD  0  ROOT
        Iraq       Iraq       PROPN NNP  3  dobj
        expel      expel      VERB  VB   3  xcomp
        ISIS       ISIS       PROPN NNP  5  dobj
        and        and        CCONJ CC   5  cc
        retake     retake     VERB  VB   5  conj
        Mosul      Mosul      PROPN NNP  8  dobj
        .          .          PUNCT .    3  punct
    """)
    assert tree.doers(doc[4]) == [doc[3]]  # object control: Iraq expels
    assert tree.doers(doc[7]) == [doc[3]]  # the conjunct inherits it
    assert tree.patients(doc[7]) == [doc[8]]
    # "Mosul was retaken by Iraqi forces."
    passive = parse("""
        Mosul      Mosul      PROPN NNP  3  nsubjpass
        was        be         AUX   VBD  3  auxpass
        retaken    retake     VERB  VBN  0  ROOT
        by         by         ADP   IN   3  agent
        Iraqi      iraqi      ADJ   JJ   6  amod
        forces     force      NOUN  NNS  4  pobj
        .          .          PUNCT .    3  punct
    """)
    retaken = passive[2]
    assert tree.doers(retaken) == [] and tree.is_passive(retaken)
    assert tree.agents(retaken) == [passive[5]] and tree.patients(retaken) == [passive[0]]
    assert tree.subject(retaken) == passive[0]


def test_a_relative_clause_stands_for_its_noun() -> None:
    # "Hawija, which was liberated in October"
    doc = parse("""
        Hawija     Hawija     PROPN NNP  0  ROOT
        ,          ,          PUNCT ,    1  punct
        which      which      PRON  WDT  5  nsubjpass
        was        be         AUX   VBD  5  auxpass
        liberated  liberate   VERB  VBN  1  relcl
        in         in         ADP   IN   5  prep
        October    October    PROPN NNP  6  pobj
    """)
    liberated = doc[4]
    assert tree.patients(liberated) == [doc[0]]
    assert tree.resolve_relative(doc[2]) == doc[0]
    assert [t.text for t in tree.phrase_tokens(doc[0])] == ["Hawija", ","]  # no relative clause


def test_out_of_is_from() -> None:
    # "drove ISIS out of Sinjar"
    doc = parse("""
        They       they       PRON  PRP  2  nsubj
        drove      drive      VERB  VBD  0  ROOT
        ISIS       ISIS       PROPN NNP  2  dobj
        out        out        ADP   RP   2  prt
        of         of         ADP   IN   4  prep
        Sinjar     Sinjar     PROPN NNP  5  pobj
    """)
    assert tree.prep_objects(doc[1]) == {"from": [doc[5]]}


# ----------------------------------------------------------------------------- factuality


def test_modal_negation_and_condition_make_a_count_irrealis() -> None:
    # "The coalition would conduct strikes" / "did not conduct" / "if the coalition conducts"
    would = parse("""
        coalition  coalition  NOUN  NN   3  nsubj
        would      would      AUX   MD   3  aux
        conduct    conduct    VERB  VB   0  ROOT
        strikes    strike     NOUN  NNS  3  dobj
    """)
    negated = parse("""
        coalition  coalition  NOUN  NN   4  nsubj
        did        do         AUX   VBD  4  aux
        not        not        PART  RB   4  neg
        conduct    conduct    VERB  VB   0  ROOT
        strikes    strike     NOUN  NNS  4  dobj
    """)
    assert factuality.irrealis(would[3]) and factuality.modal_aux(would[2])
    assert factuality.irrealis(negated[4]) and factuality.negated(negated[3])
    assert not factuality.irrealis(parse(CONDUCTED)[4])


def test_a_count_of_no_strikes_is_not_negated() -> None:
    # "There were no strikes in Iraq": a zero, not a denial.
    doc = parse("""
        There      there      PRON  EX   2  expl
        were       be         VERB  VBD  0  ROOT
        no         no         DET   DT   4  det
        strikes    strike     NOUN  NNS  2  attr
        in         in         ADP   IN   4  prep
        Iraq       Iraq       PROPN NNP  5  pobj
    """)
    assert not factuality.irrealis(doc[3])
    assert factuality.factuality(doc[3]).blocked == "negated"  # as an event trigger, no event


def test_intention_denial_and_report() -> None:
    # "ISIS wanted to take Kirkuk."
    wanted = parse("""
        ISIS       ISIS       PROPN NNP  2  nsubj
        wanted     want       VERB  VBD  0  ROOT
        to         to         PART  TO   4  aux
        take       take       VERB  VB   2  xcomp
        Kirkuk     Kirkuk     PROPN NNP  4  dobj
    """)
    assert factuality.factuality(wanted[3]).blocked == "intention"
    assert factuality.irrealis(wanted[4])
    # "Russia denied that its jets bombed a hospital."
    denied = parse("""
        Russia     Russia     PROPN NNP  2  nsubj
        denied     deny       VERB  VBD  0  ROOT
        that       that       SCONJ IN   6  mark
        its        its        PRON  PRP$ 5  poss
        jets       jet        NOUN  NNS  6  nsubj
        bombed     bomb       VERB  VBD  2  ccomp
        a          a          DET   DT   8  det
        hospital   hospital   NOUN  NN   6  dobj
    """)
    assert factuality.factuality(denied[5]).blocked == "denied"
    assert factuality.irrealis(denied[5])
    # "The army said it retook the town."
    said = parse("""
        The        the        DET   DT   2  det
        army       army       NOUN  NN   3  nsubj
        said       say        VERB  VBD  0  ROOT
        it         it         PRON  PRP  5  nsubj
        retook     retake     VERB  VBD  3  ccomp
        the        the        DET   DT   7  det
        town       town       NOUN  NN   5  dobj
    """)
    fact = factuality.factuality(said[4])
    assert fact.blocked is None and fact.reported
    frame = speech.speech_frame(said[6])
    assert frame is not None and frame.verb == said[2] and frame.complement == said[4]
    assert [t.text for t in speech.reporting_tokens(frame, said[:])] == ["The", "army"]
    assert speech.speech_frame(parse(CONDUCTED)[4]) is None


def test_habitual_present_and_frequency_adverbs() -> None:
    # "Militants typically ambush patrols."
    doc = parse("""
        Militants  militant   NOUN  NNS  3  nsubj
        typically  typically  ADV   RB   3  advmod
        ambush     ambush     VERB  VBP  0  ROOT
        patrols    patrol     NOUN  NNS  3  dobj
        .          .          PUNCT .    3  punct
    """)
    assert factuality.habitual(doc[2])
    assert factuality.factuality(doc[2]).blocked == "habitual"
    assert not factuality.habitual(parse(CONDUCTED)[2])


def test_a_past_clause_of_time_under_an_intention_is_asserted() -> None:
    # "Militias fight to retake the town after they seized it" / "... before they seize it"
    after = parse("""
        Militias  militia  NOUN   NNS  2  nsubj
        fight     fight    VERB   VBP  0  ROOT
        to        to       PART   TO   4  aux
        retake    retake   VERB   VB   2  xcomp
        the       the      DET    DT   6  det
        town      town     NOUN   NN   4  dobj
        after     after    SCONJ  IN   9  mark
        they      they     PRON   PRP  9  nsubj
        seized    seize    VERB   VBD  4  advcl
        it        it       PRON   PRP  9  dobj
    """)
    assert factuality.factuality(after[3]).blocked == "intention"
    assert factuality.factuality(after[8]).blocked is None and not factuality.irrealis(after[8])
    before = parse("""
        Militias  militia  NOUN   NNS  2  nsubj
        fight     fight    VERB   VBP  0  ROOT
        to        to       PART   TO   4  aux
        retake    retake   VERB   VB   2  xcomp
        the       the      DET    DT   6  det
        town      town     NOUN   NN   4  dobj
        before    before   SCONJ  IN   9  mark
        they      they     PRON   PRP  9  nsubj
        seized    seize    VERB   VBD  4  advcl
        it        it       PRON   PRP  9  dobj
    """)
    assert factuality.factuality(before[8]).blocked == "intention"


def test_a_bare_infinitive_under_a_past_perception_happened() -> None:
    # "The week saw fighters capture the town" / "Residents see fighters capture towns"
    saw = parse("""
        week      week      NOUN  NN   2  nsubj
        saw       see       VERB  VBD  0  ROOT
        fighters  fighter   NOUN  NNS  4  nsubj
        capture   capture   VERB  VBP  2  ccomp
        the       the       DET   DT   6  det
        town      town      NOUN  NN   4  dobj
    """)
    assert not factuality.habitual(saw[3]) and factuality.factuality(saw[3]).blocked is None
    see = parse("""
        Residents  resident  NOUN  NNS  2  nsubj
        see        see       VERB  VBP  0  ROOT
        fighters   fighter   NOUN  NNS  4  nsubj
        capture    capture   VERB  VBP  2  ccomp
        towns      town      NOUN  NNS  4  dobj
    """)
    assert factuality.habitual(see[3])


def test_a_past_progressive_but_no_present_or_perfect_one() -> None:
    # "jets were bombing the town" / "jets are bombing" / "jets had been bombing"
    def progressive(*aux: tuple[str, str, str]) -> bool:
        rows = "\n".join(f"{w}  {lemma}  AUX  {tag}  {len(aux) + 2}  aux" for w, lemma, tag in aux)
        doc = parse(f"""
            jets     jet   NOUN  NNS  {len(aux) + 2}  nsubj
            {rows}
            bombing  bomb  VERB  VBG  0  ROOT
            the      the   DET   DT   {len(aux) + 4}  det
            town     town  NOUN  NN   {len(aux) + 2}  dobj
        """)
        return factuality.past_progressive(doc[len(aux) + 1])
    assert progressive(("were", "be", "VBD"))
    assert not progressive(("are", "be", "VBP"))
    assert not progressive(("had", "have", "VBD"), ("been", "be", "VBN"))


# ----------------------------------------------------------------------------- counts


def test_count_of_a_noun_and_of_a_phrase() -> None:
    doc = parse(CONDUCTED)
    counts = find_counts(doc[:])
    assert counting.count_of(doc[4], counts).value == 28
    assert counting.count_of(doc[6], counts) is None  # "Iraq" counts nothing
    # "dozens of air raids"
    dozens = parse("""
        dozens     dozen      NOUN  NNS  0  ROOT
        of         of         ADP   IN   1  prep
        air        air        NOUN  NN   4  compound
        raids      raid       NOUN  NNS  2  pobj
    """)
    raids = dozens[3]
    assert counting.quantity_head(raids) == dozens[0]
    found = counting.count_of(raids, find_counts(dozens[:]))
    assert found is not None and found.qualifier != "exact"
    # "killing a tribal leader": one, with single=True only
    leader = parse("""
        killing    kill       VERB  VBG  0  ROOT
        a          a          DET   DT   4  det
        tribal     tribal     ADJ   JJ   4  amod
        leader     leader     NOUN  NN   1  dobj
    """)
    assert counting.count_in_phrase([leader[3]], single=True).value == 1
    assert counting.count_in_phrase([leader[3]]) is None


def test_a_heading_drops_the_auxiliary_of_its_passive() -> None:
    # "Five militants killed near Kirkuk" / "Mosul fell" / "Five militants killed soldiers."
    doc = parse("""
        Five       five       NUM   CD   2  nummod
        militants  militant   NOUN  NNS  3  nsubj
        killed     kill       VERB  VBN  0  ROOT
        near       near       ADP   IN   3  prep
        Kirkuk     Kirkuk     PROPN NNP  4  pobj
        \\n
        Mosul      Mosul      PROPN NNP  8  nsubj
        fell       fall       VERB  VBD  0  ROOT
        \\n
        Five       five       NUM   CD   11 nummod
        militants  militant   NOUN  NNS  12 nsubj
        killed     kill       VERB  VBD  0  ROOT
        soldiers   soldier    NOUN  NNS  12 dobj
        .          .          PUNCT .    12 punct
    """)
    assert units.in_heading(doc[2]) and units.in_heading(doc[7]) and not units.in_heading(doc[11])
    assert tree.reduced_passive(doc[2])
    assert tree.reduced_passive(doc[7])  # a past form with a subject: the caller knows "fall"
    assert not tree.reduced_passive(doc[11])  # a sentence, with an object


def test_a_negation_the_parser_hangs_on_the_auxiliary() -> None:
    # "The militants are not engaged in fighting."
    doc = parse("""
        The        the        DET   DT   2  det
        militants  militant   NOUN  NNS  5  nsubjpass
        are        be         AUX   VBP  5  auxpass
        not        not        PART  RB   3  neg
        engaged    engage     VERB  VBN  0  ROOT
        in         in         ADP   IN   5  prep
        fighting   fighting   NOUN  NN   6  pobj
        .          .          PUNCT .    5  punct
    """)
    assert factuality.negated(doc[4]) and not factuality.negated(doc[6])


def test_a_name_in_capitals_parsed_as_an_auxiliary_is_the_subject() -> None:
    # "IS seized vast areas." / "IS militants seized the village." (the name linked by the NLP
    # stage, the parse reading "IS" as the verb "is")
    alone = parse("""
        IS         be         AUX   VBZ  2  auxpass  B-ACTOR actor/isis
        seized     seize      VERB  VBN  0  ROOT
        vast       vast       ADJ   JJ   4  amod
        areas      area       NOUN  NNS  2  dobj
        .          .          PUNCT .    2  punct
    """)
    assert tree.misparsed_name(alone[1]) == alone[0]
    assert not tree.is_passive(alone[1]) and tree.doers(alone[1]) == [alone[0]]
    militants = parse("""
        IS         be         AUX   VBZ  3  aux      B-ACTOR actor/isis
        militants  militant   NOUN  NNS  3  nsubj
        seized     seize      VERB  VBD  0  ROOT
        the        the        DET   DT   5  det
        village    village    NOUN  NN   3  dobj
        .          .          PUNCT .    3  punct
    """)
    assert tree.doers(militants[2]) == [militants[1], militants[0]]
    # the verb "is" itself is no name: "ISIS is retreating"
    verb = parse("""
        ISIS       ISIS       PROPN NNP  3  nsubj   B-ACTOR actor/isis
        is         be         AUX   VBZ  3  aux
        retreating retreat    VERB  VBG  0  ROOT
        .          .          PUNCT .    3  punct
    """)
    assert tree.misparsed_name(verb[2]) is None


def test_the_article_of_a_noun_of_quantity_counts_no_one() -> None:
    # "arrested a number of suspects", "killed a handful of gunmen": no count of one
    for quantity in ("number", "handful"):
        doc = parse(f"""
            arrested   arrest     VERB  VBD  0  ROOT
            a          a          DET   DT   3  det
            {quantity:10} {quantity:10} NOUN  NN   1  dobj
            of         of         ADP   IN   3  prep
            suspects   suspect    NOUN  NNS  4  pobj
        """)
        assert counting.counted_one(doc[2]) is None, quantity
        assert counting.count_in_phrase([doc[2]], single=True) is None, quantity
    # "a total of 12 terrorists": the number, not the article
    total = parse("""
        a          a          DET   DT   2  det
        total      total      NOUN  NN   0  ROOT
        of         of         ADP   IN   2  prep
        12         12         NUM   CD   5  nummod
        terrorists terrorist  NOUN  NNS  3  pobj
    """)
    found = counting.count_in_phrase([total[1]], single=True)
    assert found is not None and found.value == 12
    # "detained an ISIS official": still one
    official = parse("""
        detained   detain     VERB  VBD  0  ROOT
        an         an         DET   DT   4  det
        ISIS       ISIS       PROPN NNP  4  compound
        official   official   NOUN  NN   1  dobj
    """)
    assert counting.counted_one(official[3]) == official[1]
    assert counting.count_in_phrase([official[3]], single=True).value == 1


def test_an_outlet_before_a_slash_is_a_dateline_and_no_subject() -> None:
    # units.slash-dateline and tree.dateline-subject: "Rudaw News/ On Sunday, IS gunmen
    # attacked a checkpoint" (Shafaq News's style, seven dev articles): the parser makes the
    # outlet a second subject of the verb; it is the dispatch's dateline, not a doer
    doc = parse("""
        Rudaw      Rudaw      PROPN NNP  2  compound
        News/      News/      PROPN NNP  8  nsubj
        On         on         ADP   IN   8  prep
        Sunday     Sunday     PROPN NNP  3  pobj
        ,          ,          PUNCT ,    8  punct
        IS         IS         PROPN NNP  7  compound
        gunmen     gunman     NOUN  NNS  8  nsubj
        attacked   attack     VERB  VBD  0  ROOT
        a          a          DET   DT   10 det
        checkpoint checkpoint NOUN  NN   8  dobj
        .          .          PUNCT .    8  punct
    """)
    assert {doc[i].text for i in units.dateline_tokens(doc)} == {"Rudaw", "News/"}
    assert tree.doers(doc[7]) == [doc[6]]
    assert tree.subject(doc[7]) == doc[6]
    # with a space before the slash, and the slash its own token
    spaced = parse("""
        Rudaw      Rudaw      PROPN NNP  2  compound
        News       News       PROPN NNP  6  nsubj
        /          /          PUNCT SYM  2  punct
        Two        two        NUM   CD   5  nummod
        soldiers   soldier    NOUN  NNS  6  nsubj
        died       die        VERB  VBD  0  ROOT
        .          .          PUNCT .    6  punct
    """)
    assert {spaced[i].text for i in units.dateline_tokens(spaced)} == {"Rudaw", "News", "/"}
    assert tree.doers(spaced[5]) == [spaced[4]]


def test_a_slash_inside_a_sentence_opening_is_no_dateline() -> None:
    # "The army/ police ..." opens with a word no dateline starts with; "Mosul/Nineveh" has no
    # space after its slash: neither is a dispatch's dateline
    for words in (("The", "army/"), ("Mosul/Nineveh", "troops")):
        doc = parse(f"""
            {words[0]:14} {words[0].lower():14} NOUN  NN   2  compound
            {words[1]:14} {words[1].lower():14} NOUN  NNS  3  nsubj
            advanced       advance        VERB  VBD  0  ROOT
            .              .              PUNCT .    3  punct
        """)
        assert units.dateline_tokens(doc) == frozenset(), words
        assert tree.doers(doc[2]) == [doc[1]]


def test_a_participle_sharing_a_passive_auxiliary_is_passive() -> None:
    # "Forty suspects were arrested and twelve fighters killed." (the parser gives the second
    # conjunct an active subject; the auxiliary "were" is gapped from the first)
    doc = parse("""
        Forty      forty      NUM   CD   2  nummod
        suspects   suspect    NOUN  NNS  4  nsubjpass
        were       be         AUX   VBD  4  auxpass
        arrested   arrest     VERB  VBN  0  ROOT
        and        and        CCONJ CC   4  cc
        twelve     twelve     NUM   CD   7  nummod
        fighters   fighter    NOUN  NNS  8  nsubj
        killed     kill       VERB  VBN  4  conj
        .          .          PUNCT .    4  punct
    """)
    killed = doc[7]
    assert tree.gapped_passive(killed) and tree.is_passive(killed)
    assert tree.doers(killed) == [] and tree.patients(killed) == [doc[6]]
    # "The convoy was ambushed near the border and its driver abducted."
    convoy = parse("""
        The        the        DET   DT   2  det
        convoy     convoy     NOUN  NN   4  nsubjpass
        was        be         AUX   VBD  4  auxpass
        ambushed   ambush     VERB  VBN  0  ROOT
        near       near       ADP   IN   4  prep
        the        the        DET   DT   7  det
        border     border     NOUN  NN   5  pobj
        and        and        CCONJ CC   4  cc
        its        its        PRON  PRP$ 10 poss
        driver     driver     NOUN  NN   11 nsubj
        abducted   abduct     VERB  VBN  4  conj
        .          .          PUNCT .    4  punct
    """)
    assert tree.doers(convoy[10]) == [] and tree.patients(convoy[10]) == [convoy[9]]
    # "Two guards were wounded and the gunmen fled." / "... and the gunmen took a hostage.":
    # a conjunct of its own (a past tense, or an object) keeps its doer
    fled = parse("""
        Two        two        NUM   CD   2  nummod
        guards     guard      NOUN  NNS  4  nsubjpass
        were       be         AUX   VBD  4  auxpass
        wounded    wound      VERB  VBN  0  ROOT
        and        and        CCONJ CC   4  cc
        the        the        DET   DT   7  det
        gunmen     gunman     NOUN  NNS  8  nsubj
        fled       flee       VERB  VBD  4  conj
        .          .          PUNCT .    4  punct
    """)
    assert not tree.gapped_passive(fled[7]) and tree.doers(fled[7]) == [fled[6]]
    took = parse("""
        Two        two        NUM   CD   2  nummod
        guards     guard      NOUN  NNS  4  nsubjpass
        were       be         AUX   VBD  4  auxpass
        wounded    wound      VERB  VBN  0  ROOT
        and        and        CCONJ CC   4  cc
        the        the        DET   DT   7  det
        gunmen     gunman     NOUN  NNS  8  nsubj
        taken      take       VERB  VBN  4  conj
        a          a          DET   DT   10 det
        hostage    hostage    NOUN  NN   8  dobj
        .          .          PUNCT .    4  punct
    """)
    assert not tree.is_passive(took[7]) and tree.doers(took[7]) == [took[6]]
    # "Besides, thirty militants killed." (a sentence after one with "were ...": the
    # tagger's participle with a subject and no auxiliary) / "Then the gunmen escaped." (VBD)
    fragment = parse("""
        Besides    besides    ADV   RB   5  advmod
        ,          ,          PUNCT ,    5  punct
        thirty     thirty     NUM   CD   4  nummod
        militants  militant   NOUN  NNS  5  nsubj
        killed     kill       VERB  VBN  0  ROOT
        .          .          PUNCT .    5  punct
    """)
    assert tree.is_passive(fragment[4]) and tree.doers(fragment[4]) == []
    assert tree.patients(fragment[4]) == [fragment[3]]
    escaped = parse("""
        Then       then       ADV   RB   4  advmod
        the        the        DET   DT   3  det
        gunmen     gunman     NOUN  NNS  4  nsubj
        escaped    escape     VERB  VBD  0  ROOT
        .          .          PUNCT .    4  punct
    """)
    assert not tree.is_passive(escaped[3]) and tree.doers(escaped[3]) == [escaped[2]]
    # "A patrol flight meanwhile circled over the city." (tagged VBN, no number): active
    circled = parse("""
        A          a          DET   DT   3  det
        patrol     patrol     NOUN  NN   3  compound
        flight     flight     NOUN  NN   5  nsubj
        meanwhile  meanwhile  ADV   RB   5  advmod
        circled    circle     VERB  VBN  0  ROOT
        over       over       ADP   IN   5  prep
        the        the        DET   DT   8  det
        city       city       NOUN  NN   6  pobj
        .          .          PUNCT .    5  punct
    """)
    assert not tree.is_passive(circled[4]) and tree.doers(circled[4]) == [circled[2]]
