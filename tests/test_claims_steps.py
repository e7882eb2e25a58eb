"""What happens to a claim after its attribution is read: continuation (claims.continuation.*),
merging (claims.merge.*), what it is about (claims.about.*) and its type (claims.types.*), each
on the hand-built parse it was written for (tests/parses.py), where it fires and where it
must not."""

from __future__ import annotations

import datetime as dt

import pytest
from parses import parse

from isisgraph import reference
from isisgraph.extract.claims import extract_claims
from isisgraph.extract.claims.about import ATTACK_PERPETRATOR, PREVIOUS_ATTACK
from isisgraph.extract.claims.according import TO_SPEAKER
from isisgraph.extract.claims.continuation import ADDED, BARE_QUOTE, STATEMENT_DATE
from isisgraph.extract.claims.descriptions import THE_GROUP, THE_STATEMENT
from isisgraph.extract.claims.merge import SAME_SENTENCE
from isisgraph.extract.claims.speakers import HE_LAST_OFFICIAL
from isisgraph.extract.claims.verbs import CONTENT_CLAUSE, REPORTED_OBJECT
from isisgraph.iris import ID
from isisgraph.records import Article, Event, Span

ACTORS = ID + "actor/"
PUBLISHED = dt.date(2019, 5, 14)


@pytest.fixture(scope="module")
def ref():
    return reference.load()


def read(ref, table, events=()):
    doc = parse(table)
    article = Article(id="t", text=doc.text, source="test", published=PUBLISHED)
    return extract_claims(doc, article, ref, events=events)[0]


def only(claims):
    assert len(claims) == 1, [(c.claimant, c.extractor) for c in claims]
    return claims[0]


# ----------------------------------------------------------------------------- claims.continuation.*

IN_A_TWEET = """
    \u201c          "          PUNCT  ``   12  punct
    We         we         PRON   PRP  5   nsubj
    are        be         AUX    VBP  5   aux
    not        not        PART   RB   5   neg
    going      go         VERB   VBG  12  ccomp
    anywhere   anywhere   ADV    RB   5   advmod
    ,          ,          PUNCT  ,    12  punct
    \u201d          "          PUNCT  ''   12  punct
    the        the        DET    DT   11  det
    SDF        SDF        PROPN  NNP  11  compound  B-ACTOR  actor/sdf
    commander  commander  NOUN   NN   12  nsubj
    said       say        VERB   VBD  0   ROOT
    in         in         ADP    IN   12  prep
    a          a          DET    DT   15  det
    tweet      tweet      NOUN   NN   13  pobj
    .          .          PUNCT  .    12  punct
    \u201c          "          PUNCT  ``   26  punct
    The        the        DET    DT   19  det
    fight      fight      NOUN   NN   20  nsubj
    is         be         AUX    VBZ  26  ccomp
    not        not        PART   RB   20  neg
    over       over       ADV    RB   20  advmod
    ,          ,          PUNCT  ,    26  punct
    \u201d          "          PUNCT  ''   26  punct
    he         he         PRON   PRP  26  nsubj
    added      add        VERB   VBD  0   ROOT
    .          .          PUNCT  .    26  punct
"""


def test_claims_continuation_added(ref):
    first, added = read(ref, IN_A_TWEET)
    assert added.claimant == first.claimant == ACTORS + "sdf"
    assert added.extractor == f"{CONTENT_CLAUSE}+{HE_LAST_OFFICIAL}+{ADDED}"
    assert (first.channel, added.channel) == ("tweet", "tweet")
    assert added.quote == "The fight is not over"


def test_claims_continuation_added_a_stated_date(ref):
    on_monday = """    tweet      tweet      NOUN   NN   13  pobj
    on         on         ADP    IN   15  prep
    Monday     Monday     PROPN  NNP  16  pobj      B-DATE
"""
    table = IN_A_TWEET.replace("    tweet      tweet      NOUN   NN   13  pobj\n", on_monday)
    table = table.replace("  26  ", "  28  ").replace("  19  det", "  21  det").replace("  20  ", "  22  ")
    first, added = read(ref, table)
    assert first.when.start == added.when.start == dt.date(2019, 5, 13)
    assert ADDED in added.extractor


def test_claims_continuation_added_not_the_publication_date_as_if_stated(ref):
    # the tweet is dated only by the publication: "he added" stays approximate, with its own
    # lower confidence (noticed by the extract/ restructuring)
    first, added = read(ref, IN_A_TWEET)
    assert (first.when.precision, added.when.precision) == ("approximate", "approximate")
    assert added.when.raw == "added"


def test_claims_continuation_added_not_by_another_speaker(ref):
    said, added = read(ref, """
        The      the      DET    DT    2   det
        SDF      SDF      PROPN  NNP   3   nsubj     B-ACTOR   actor/sdf
        said     say      VERB   VBD   0   ROOT
        in       in       ADP    IN    3   prep
        a        a        DET    DT    6   det
        tweet    tweet    NOUN   NN    4   pobj
        that     that     SCONJ  IN    10  mark
        the      the      DET    DT    9   det
        town     town     NOUN   NN    10  nsubj
        fell     fall     VERB   VBD   3   ccomp
        .        .        PUNCT  .     3   punct
        Col      Col      PROPN  NNP   15  compound
        .        .        PROPN  NNP   15  compound
        Myles    Myles    PROPN  NNPS  15  compound  B-PERSON
        Caggins  Caggins  PROPN  NNPS  16  nsubj     I-PERSON
        added    add      VERB   VBD   0   ROOT
        that     that     SCONJ  IN    20  mark
        the      the      DET    DT    19  det
        fight    fight    NOUN   NN    20  nsubj
        goes     go       VERB   VBZ   16  ccomp
        on       on       ADP    RP    20  prt
        .        .        PUNCT  .     16  punct
    """)
    assert (said.channel, added.channel) == ("tweet", "said")
    assert added.extractor == CONTENT_CLAUSE


STATEMENT_ADDED = """
    The        the        DET    DT   2   det
    coalition  coalition  NOUN   NN   3   nsubj   B-ACTOR     actor/cjtf-oir
    said       say        VERB   VBD  0   ROOT
    in         in         ADP    IN   3   prep
    a          a          DET    DT   6   det
    statement  statement  NOUN   NN   4   pobj
    on         on         ADP    IN   6   prep
    Monday     Monday     PROPN  NNP  7   pobj    B-DATE
    that       that       SCONJ  IN   12  mark
    it         it         PRON   PRP  12  nsubj
    had        have       AUX    VBD  12  aux
    conducted  conduct    VERB   VBN  3   ccomp
    40         40         NUM    CD   14  nummod  B-CARDINAL
    strikes    strike     NOUN   NNS  12  dobj
    .          .          PUNCT  .    3   punct
    \u201c          "          PUNCT  ``   22  punct
    In         in         ADP    IN   22  prep
    Iraq       Iraq       PROPN  NNP  17  pobj    B-PLACE     place/iraq
    ,          ,          PUNCT  ,    22  punct
    the        the        DET    DT   21  det
    coalition  coalition  NOUN   NN   22  nsubj   B-ACTOR     actor/cjtf-oir
    conducted  conduct    VERB   VBD  29  ccomp
    12         12         NUM    CD   24  nummod  B-CARDINAL
    strikes    strike     NOUN   NNS  22  dobj
    ,          ,          PUNCT  ,    29  punct
    \u201d          "          PUNCT  ''   29  punct
    the        the        DET    DT   28  det
    statement  statement  NOUN   NN   29  nsubj
    added      add        VERB   VBD  0   ROOT
    {on_tuesday}
    .          .          PUNCT  .    29  punct
"""
ON_TUESDAY = """
    on         on         ADP    IN   29  prep
    Tuesday    Tuesday    PROPN  NNP  30  pobj    B-DATE
"""


def test_claims_descriptions_the_statement(ref):
    release, added = read(ref, STATEMENT_ADDED.format(on_tuesday=""))
    assert added.claimant == release.claimant == ACTORS + "cjtf-oir"
    assert added.extractor.startswith(f"{CONTENT_CLAUSE}+{THE_STATEMENT}")
    assert added.channel == "statement"


def test_claims_continuation_statement_date(ref):
    release, added = read(ref, STATEMENT_ADDED.format(on_tuesday=""))
    assert added.extractor == f"{CONTENT_CLAUSE}+{THE_STATEMENT}+{STATEMENT_DATE}"
    assert added.when == release.when and release.when.start == dt.date(2019, 5, 13)


def test_claims_continuation_statement_date_not_when_it_states_its_own(ref):
    _, added = read(ref, STATEMENT_ADDED.format(on_tuesday=ON_TUESDAY))
    assert added.extractor == f"{CONTENT_CLAUSE}+{THE_STATEMENT}"
    assert added.when.start == dt.date(2019, 5, 14) and added.when.precision == "day"


ARMY_SAID = """
    The         the        DET    DT   3   det
    Iraqi       iraqi      ADJ    JJ   3   amod       B-ACTOR  actor/iraqi-army
    army        army       NOUN   NN   4   nsubj      I-ACTOR  actor/iraqi-army
    said        say        VERB   VBD  0   ROOT
    the         the        DET    DT   6   det
    district    district   NOUN   NN   8   nsubjpass
    was         be         AUX    VBD  8   auxpass
    cleared     clear      VERB   VBN  4   ccomp
    .           .          PUNCT  .    4   punct
    \\n
"""


def test_claims_continuation_bare_quote(ref):
    table = ARMY_SAID + """
        \u201c           "          PUNCT  ``   13  punct
        Operations  operation  NOUN   NNS  13  nsubj      B-ORG
        continue    continue   VERB   VBP  0   ROOT
        .           .          PUNCT  .    13  punct
        \u201d           "          PUNCT  ''   13  punct
    """
    claim = only(read(ref, table))
    assert claim.extractor == f"{CONTENT_CLAUSE}+{BARE_QUOTE}"
    assert claim.quote == "Operations continue."
    assert claim.span.end == len(parse(table).text)
    assert claim.confidence == 0.7  # 0.75, less 0.05 for the inferred attachment


def test_claims_continuation_bare_quote_not_a_quote_with_its_own_speaker(ref):
    claim = only(read(ref, ARMY_SAID + """
        \u201c           "          PUNCT  ``   17  punct
        Operations  operation  NOUN   NNS  13  nsubj      B-ORG
        continue    continue   VERB   VBP  17  ccomp
        ,           ,          PUNCT  ,    17  punct
        \u201d           "          PUNCT  ''   17  punct
        residents   resident   NOUN   NNS  17  nsubj
        chanted     chant      VERB   VBD  0   ROOT
        .           .          PUNCT  .    17  punct
    """))
    assert claim.extractor == CONTENT_CLAUSE and claim.quote is None


# ----------------------------------------------------------------------------- claims.merge.*

CONVOY_HIT = """
    A           a         DET    DT   2   det
    convoy      convoy    NOUN   NN   3   nsubj
    hit         hit       VERB   VBD  0   ROOT
    a           a         DET    DT   6   det
    roadside    roadside  NOUN   NN   6   compound
    bomb        bomb      NOUN   NN   3   dobj
    ,           ,         PUNCT  ,    3   punct
    according   accord    VERB   VBG  3   prep
    to          to        ADP    IN   8   prep
"""


def test_claims_merge_same_sentence(ref):
    claim = only(read(ref, CONVOY_HIT + """
        the         the       DET    DT   12  det
        U.S.        U.S.      PROPN  NNP  12  compound  B-ACTOR  actor/us-military
        military    military  NOUN   NN   9   pobj      I-ACTOR  actor/us-military
        ,           ,         PUNCT  ,    12  punct
        which       which     PRON   WDT  15  nsubj
        said        say       VERB   VBD  12  relcl
        there       there     PRON   EX   17  expl
        were        be        VERB   VBD  15  ccomp
        no          no        DET    DT   19  det
        casualties  casualty  NOUN   NNS  17  attr
        .           .         PUNCT  .    3   punct
    """))
    assert claim.claimant == ACTORS + "us-military"
    assert claim.extractor == f"{CONTENT_CLAUSE}+{SAME_SENTENCE}"
    assert claim.channel == "according-to"  # more specific than "said"


def test_claims_merge_same_sentence_not_two_speakers(ref):
    claims = read(ref, CONVOY_HIT + """
        the         the       DET    DT   11  det
        SDF         SDF       PROPN  NNP  9   pobj      B-ACTOR  actor/sdf
        ,           ,         PUNCT  ,    3   punct
        but         but       CCONJ  CC   3   cc
        the         the       DET    DT   15  det
        Pentagon    Pentagon  PROPN  NNP  16  nsubj     B-ACTOR  actor/us-military
        said        say       VERB   VBD  3   conj
        there       there     PRON   EX   18  expl
        were        be        VERB   VBD  16  ccomp
        no          no        DET    DT   20  det
        casualties  casualty  NOUN   NNS  18  attr
        .           .         PUNCT  .    16  punct
    """)
    assert [(c.claimant, c.extractor) for c in claims] == [
        (ACTORS + "us-military", CONTENT_CLAUSE),
        (ACTORS + "sdf", TO_SPEAKER),
    ]


# ----------------------------------------------------------------------------- claims.about.*

GROUP_CLAIMED = """
    ISIS            isis            NOUN   NN   2   compound   B-ACTOR  actor/isis
    fighters        fighter         NOUN   NNS  4   nsubjpass
    were            be              AUX    VBD  4   auxpass
    seen            see             VERB   VBN  0   ROOT
    near            near            ADP    IN   4   prep
    Tikrit          Tikrit          PROPN  NNP  5   pobj       B-PLACE  place/tikrit
    .               .               PUNCT  .    4   punct
    A               a               DET    DT   9   det
    bomb            bomb            NOUN   NN   10  nsubj
    exploded        explode         VERB   VBD  0   ROOT
    at              at              ADP    IN   10  prep
    a               a               DET    DT   13  det
    market          market          NOUN   NN   11  pobj
    in              in              ADP    IN   13  prep
    Kirkuk          Kirkuk          PROPN  NNP  14  pobj       B-PLACE  place/kirkuk
    .               .               PUNCT  .    10  punct
    The             the             DET    DT   18  det
    group           group           NOUN   NN   19  nsubj
    claimed         claim           VERB   VBD  0   ROOT
    responsibility  responsibility  NOUN   NN   19  dobj
    for             for             ADP    IN   20  prep
    the             the             DET    DT   23  det
    bombing         bombing         NOUN   NN   21  pobj
    .               .               PUNCT  .    19  punct
"""


def bombing(table, perpetrators):
    """The bombing of the second sentence, as the events extractor would give it."""
    text = parse(table).text
    start = text.index("A bomb")
    end = text.index("Kirkuk.") + len("Kirkuk.")
    return Event(key="event-bombing", kind="Bombing", span=Span(start, end), trigger="bomb",
                 perpetrators=perpetrators)


def test_claims_about_previous_attack(ref):
    claim = only(read(ref, GROUP_CLAIMED, events=[bombing(GROUP_CLAIMED, [ACTORS + "isis"])]))
    assert claim.about == ["event-bombing"]
    assert claim.claimant == ACTORS + "isis"
    assert claim.extractor == f"{REPORTED_OBJECT}+{THE_GROUP}+{PREVIOUS_ATTACK}"


def test_claims_about_previous_attack_not_without_an_attack(ref):
    claim = only(read(ref, GROUP_CLAIMED))
    assert claim.about == [] and PREVIOUS_ATTACK not in claim.extractor


def test_claims_about_attack_perpetrator(ref):
    claim = only(read(ref, GROUP_CLAIMED, events=[bombing(GROUP_CLAIMED, [ACTORS + "al-qaeda"])]))
    assert claim.claimant == ACTORS + "al-qaeda"  # the attack's own record, over "the group" by salience
    assert claim.extractor.endswith(f"+{PREVIOUS_ATTACK}+{ATTACK_PERPETRATOR}")


def test_claims_about_attack_perpetrator_not_when_the_group_did_it(ref):
    events = [bombing(GROUP_CLAIMED, [ACTORS + "isis"])]
    assert ATTACK_PERPETRATOR not in only(read(ref, GROUP_CLAIMED, events=events)).extractor


# ----------------------------------------------------------------------------- claims.types.*


def claim_type(ref, table):
    return only(read(ref, table)).claim_type


def test_claims_types_responsibility(ref):
    assert claim_type(ref, GROUP_CLAIMED) == "responsibility"


def test_claims_types_victory_declaration(ref):
    assert claim_type(ref, """
        The         the         DET    DT   2  det
        SDF         SDF         PROPN  NNP  3  nsubj  B-ACTOR  actor/sdf
        announced   announce    VERB   VBD  0  ROOT
        the         the         DET    DT   6  det
        complete    complete    ADJ    JJ   6  amod
        liberation  liberation  NOUN   NN   3  dobj
        of          of          ADP    IN   6  prep
        Hajin       Hajin       PROPN  NNP  7  pobj   B-PLACE  place/hajin
        .           .           PUNCT  .    3  punct
    """) == "victory-declaration"


def test_claims_types_victory_declaration_not_said_of_a_liberation_to_come(ref):
    assert claim_type(ref, """
        The         the         DET    DT   2  det
        SDF         SDF         PROPN  NNP  3  nsubj  B-ACTOR  actor/sdf
        said        say         VERB   VBD  0  ROOT
        the         the         DET    DT   5  det
        liberation  liberation  NOUN   NN   8  nsubj
        of          of          ADP    IN   5  prep
        Hajin       Hajin       PROPN  NNP  6  pobj   B-PLACE  place/hajin
        was         be          AUX    VBD  3  ccomp
        near        near        ADJ    JJ   8  acomp
        .           .           PUNCT  .    3  punct
    """) == "statement"


RUSSIA_SAID = """
    Russia  Russia  PROPN  NNP   2  nsubj  B-ACTOR  actor/russia
    {verb}
    that    that    SCONJ  IN    7  mark
    its     its     PRON   PRP$  5  poss
    jets    jet     NOUN   NNS   7  nsubj
    had     have    AUX    VBD   7  aux
    struck  strike  VERB   VBN   2  ccomp
    the     the     DET    DT    9  det
    market  market  NOUN   NN    7  dobj
    .       .       PUNCT  .     2  punct
"""


def test_claims_types_denial(ref):
    assert claim_type(ref, RUSSIA_SAID.format(verb="denied  deny  VERB  VBD  0  ROOT")) == "denial"


def test_claims_types_denial_not_when_said(ref):
    assert claim_type(ref, RUSSIA_SAID.format(verb="said  say  VERB  VBD  0  ROOT")) == "statement"


PENTAGON_OFFICIALS = """
    Pentagon    Pentagon    PROPN  NNP  2   compound  B-ACTOR  actor/us-military
    officials   official    NOUN   NNS  3   nsubj
    said        say         VERB   VBD  0   ROOT
"""


def test_claims_types_reported_belief(ref):
    # "resurgence" is a warning cue, but the reported verb is one of belief
    assert claim_type(ref, PENTAGON_OFFICIALS + """
        they        they        PRON   PRP  7   nsubj
        do          do          AUX    VBP  7   aux
        not         not         PART   RB   7   neg
        expect      expect      VERB   VB   3   ccomp
        a           a           DET    DT   9   det
        resurgence  resurgence  NOUN   NN   7   dobj
        of          of          ADP    IN   9   prep
        the         the         DET    DT   12  det
        group       group       NOUN   NN   10  pobj
        .           .           PUNCT  .    3   punct
    """) == "assessment"


def test_claims_types_warning(ref):
    assert claim_type(ref, PENTAGON_OFFICIALS + """
        a           a           DET    DT   5   det
        resurgence  resurgence  NOUN   NN   10  nsubj
        of          of          ADP    IN   5   prep
        the         the         DET    DT   8   det
        group       group       NOUN   NN   6   pobj
        is          be          AUX    VBZ  10  aux
        coming      come        VERB   VBG  3   ccomp
        .           .           PUNCT  .    3   punct
    """) == "warning"


COALITION_SAID = """
    The        the        DET    DT   2  det
    coalition  coalition  NOUN   NN   3  nsubj   B-ACTOR     actor/cjtf-oir
    said       say        VERB   VBD  0  ROOT
"""


def test_claims_types_figure(ref):
    assert claim_type(ref, COALITION_SAID + """
        it         it         PRON   PRP  5  nsubj
        conducted  conduct    VERB   VBD  3  ccomp
        40         40         NUM    CD   7  nummod  B-CARDINAL
        strikes    strike     NOUN   NNS  5  dobj
        .          .          PUNCT  .    3  punct
    """) == "figure"


def test_claims_types_figure_not_a_count_of_anything(ref):
    assert claim_type(ref, COALITION_SAID + """
        the        the        DET    DT   6  det
        two        two        NUM    CD   6  nummod  B-CARDINAL
        sides      side       NOUN   NNS  7  nsubj
        met        meet       VERB   VBD  3  ccomp
        .          .          PUNCT  .    3  punct
    """) == "statement"


HASHIMI_SAID = """
    \u201c           "         PUNCT  ``   7   punct
    ISIS        isis      NOUN   NN   4   nsubj     B-ACTOR   actor/isis
    is          be        AUX    VBZ  4   aux
    regrouping  regroup   VERB   VBG  7   ccomp
    ,           ,         PUNCT  ,    7   punct
    \u201d           "         PUNCT  ''   7   punct
    said        say       VERB   VBD  0   ROOT
    Hisham      Hisham    PROPN  NNP  11  compound  B-PERSON
    al          al        PROPN  NNP  11  compound  I-PERSON  nospace
    -           -         PROPN  NNP  11  compound  I-PERSON  nospace
    Hashimi     Hashimi   PROPN  NNP  7   nsubj     I-PERSON
    ,           ,         PUNCT  ,    11  punct
    an          an        DET    DT   16  det
    Iraqi       iraqi     ADJ    JJ   16  amod      B-NORP
    security    security  NOUN   NN   16  compound
    {role}      {role}    NOUN   NN   11  appos
    .           .         PUNCT  .    7   punct
"""


def test_claims_types_assessment(ref):
    assert claim_type(ref, HASHIMI_SAID.format(role="analyst")) == "assessment"


def test_claims_types_assessment_not_an_official_s_words(ref):
    assert claim_type(ref, HASHIMI_SAID.format(role="official")) == "statement"


# ----------------------------------------------------------------------------- which document

def test_claims_descriptions_the_statement_not_an_indefinite_one(ref):
    # "A National Security Council press release stated ..." (Daily Sabah), "According to a
    # report by the Syrian Center for Policy Research" (Tasnim): another document, not the last
    the = "    the        the        DET    DT   28  det\n    statement"
    a = "    a          a          DET    DT   28  det\n    statement"
    release, *rest = read(ref, STATEMENT_ADDED.format(on_tuesday="").replace(the, a))
    assert rest == []


TWO_DOCUMENTS = """
    The        the        DET    DT   2   det
    Pentagon   Pentagon   PROPN  NNP  3   nsubj  B-ACTOR  actor/us-military
    said       say        VERB   VBD  0   ROOT
    in         in         ADP    IN   3   prep
    a          a          DET    DT   6   det
    report     report     NOUN   NN   4   pobj
    that       that       SCONJ  IN   9   mark
    ISIS       ISIS       PROPN  NNP  9   nsubj  B-ACTOR  actor/isis
    was        be         AUX    VBD  3   ccomp
    weaker     weak       ADJ    JJR  9   acomp
    .          .          PUNCT  .    3   punct
    The        the        DET    DT   13  det
    SDF        SDF        PROPN  NNP  14  nsubj  B-ACTOR  actor/sdf
    said       say        VERB   VBD  0   ROOT
    in         in         ADP    IN   14  prep
    a          a          DET    DT   17  det
    statement  statement  NOUN   NN   15  pobj
    that       that       SCONJ  IN   21  mark
    it         it         PRON   PRP  21  nsubj
    had        have       AUX    VBD  21  aux
    struck     strike     VERB   VBN  14  ccomp
    a          a          DET    DT   23  det
    cell       cell       NOUN   NN   21  dobj
    .          .          PUNCT  .    14  punct
    \u201c          "          PUNCT  ``   33  punct
    The        the        DET    DT   27  det
    cells      cell       NOUN   NNS  28  nsubj
    remain     remain     VERB   VBP  33  ccomp
    ,          ,          PUNCT  ,    33  punct
    \u201d          "          PUNCT  ''   33  punct
    the        the        DET    DT   32  det
    {document}  {document}  NOUN   NN   33  nsubj
    added      add        VERB   VBD  0   ROOT
    .          .          PUNCT  .    33  punct
"""


def test_claims_descriptions_the_statement_the_last_document_of_its_kind(ref):
    # Rudaw: "In its latest report ..., the Pentagon said ..." then, after a statement of the
    # Security Media Cell, "said the report from October 29" → the Pentagon's report
    *_, added = read(ref, TWO_DOCUMENTS.format(document="report"))
    assert added.claimant == ACTORS + "us-military"
    assert THE_STATEMENT in added.extractor


def test_claims_descriptions_the_statement_not_a_document_of_another_kind(ref):
    *_, added = read(ref, TWO_DOCUMENTS.format(document="statement"))
    assert added.claimant == ACTORS + "sdf"


HEADLINE_REPORT = """
    UN          UN         PROPN  NNP   2   nsubj   B-ACTOR  actor/united-nations
    says        say        VERB   VBZ   0   ROOT
    30,000      30,000     NUM    CD    4   nummod
    fighters    fighter    NOUN   NNS   5   nsubj
    remain      remain     VERB   VBP   2   ccomp
    in          in         ADP    IN    5   prep
    Iraq        Iraq       PROPN  NNP   6   pobj    B-PLACE  place/iraq
    \\n
    Fighters    Fighters   PROPN  NNPS  10  nsubj
    include     include    VERB   VBP   15  ccomp
    2,000       2,000      NUM    CD    12  nummod
    foreigners  foreigner  NOUN   NNS   10  dobj
    ,           ,          PUNCT  ,     15  punct
    {det}
    report      report     NOUN   NN    15  nsubj
    says        say        VERB   VBZ   0   ROOT
"""


def test_claims_descriptions_the_statement_a_headline_s_bare_report(ref):
    # The National: "UN says ..." then "..., report says" (and "report finds"): the report of
    # the organisation that just spoke; the same fallback gives "states the release" of Air Force
    # Magazine to the Defense Department that announced the strikes a sentence before
    _, second = read(ref, HEADLINE_REPORT.format(det=""))
    assert second.claimant == ACTORS + "united-nations"
    assert THE_STATEMENT in second.extractor


def test_claims_descriptions_the_statement_not_a_report_of_someone_else(ref):
    table = HEADLINE_REPORT.format(det="    a           a          DET    DT    15  det")
    table = table.replace("15  ccomp", "16  ccomp").replace("15  punct", "16  punct").replace("15  nsubj", "16  nsubj")
    assert len(read(ref, table)) == 1


def test_claims_speakers_it_subject_not_a_subject_inside_the_quote(ref):
    # Interfax: '"The army has announced that it has fully retaken control ...," it said.'
    # — "it" is the television that speaks, not the army it quotes
    found = read(ref, """
        \u201c        "       PUNCT  ``   11  punct
        The      the     DET    DT   3   det
        Iraqi    Iraqi   ADJ    JJ   3   amod   B-ACTOR  actor/iraqi-army
        army     army    NOUN   NN   6   nsubj  I-ACTOR  actor/iraqi-army
        has      have    AUX    VBZ  6   aux
        retaken  retake  VERB   VBN  12  ccomp
        the      the     DET    DT   8   det
        town     town    NOUN   NN   6   dobj
        ,        ,       PUNCT  ,    12  punct
        \u201d        "       PUNCT  ''   12  punct
        it       it      PRON   PRP  12  nsubj
        said     say     VERB   VBD  0   ROOT
        .        .       PUNCT  .    12  punct
    """)
    assert found == []
