"""The rules that find a claim — speech verbs (claims.verbs.*), "according to"
(claims.according-to.*), the issuer of a medium — and the claim's date (claims.dates.*), each
on the hand-built parse it was written for (tests/parses.py), where it fires and where it
must not."""

from __future__ import annotations

import datetime as dt

import pytest
from parses import parse

from isisgraph import reference
from isisgraph.extract.claims import extract_claims
from isisgraph.extract.claims.according import TO_SPEAKER, TO_STATEMENT
from isisgraph.extract.claims.statements import ISSUER_OF_MEDIUM
from isisgraph.extract.claims.verbs import (
    AFTER_QUOTE,
    CONTENT_CLAUSE,
    CONTINUED_BY,
    FRAMING_QUOTE,
    NOUN_CLAUSE,
    PARENTHETICAL,
    PASSIVE_AGENT,
    QUOTING,
    RELATIVE_CONTENT,
    REPORTED_OBJECT,
)
from isisgraph.iris import ID
from isisgraph.records import Article

ACTOR = ID + "actor/"
PUBLISHED = dt.date(2019, 5, 14)  # a Tuesday


@pytest.fixture(scope="module")
def ref():
    return reference.load()


def claims(ref, table, published=PUBLISHED):
    doc = parse(table)
    return extract_claims(doc, Article(id="t", text=doc.text, source="test", published=published), ref)[0]


def only(found):
    assert len(found) == 1, [(c.claimant, c.extractor) for c in found]
    return found[0]


# ----------------------------------------------------------------------------- claims.verbs.*

SAID_THAT = """
    The       the       DET    DT   2  det
    Pentagon  Pentagon  PROPN  NNP  3  nsubj  B-ACTOR  actor/us-military
    said      say       VERB   VBD  0  ROOT
    the       the       DET    DT   5  det
    strikes   strike    NOUN   NNS  7  nsubj
    would     would     AUX    MD   7  aux
    continue  continue  VERB   VB   3  ccomp
    .         .         PUNCT  .    3  punct
"""


def test_claims_verbs_content_clause(ref):
    claim = only(claims(ref, SAID_THAT))
    assert (claim.claimant, claim.extractor, claim.channel) == (ACTOR + "us-military", CONTENT_CLAUSE, "said")
    assert claim.claim_type == "statement"


def test_claims_verbs_content_clause_not_when_negated(ref):
    assert claims(ref, """
        The       the       DET    DT   2   det
        Pentagon  Pentagon  PROPN  NNP  5   nsubj  B-ACTOR  actor/us-military
        did       do        AUX    VBD  5   aux
        not       not       PART   RB   5   neg
        say       say       VERB   VB   0   ROOT
        whether   whether   SCONJ  IN   10  mark
        the       the       DET    DT   8   det
        strikes   strike    NOUN   NNS  10  nsubj
        would     would     AUX    MD   10  aux
        continue  continue  VERB   VB   5   ccomp
        .         .         PUNCT  .    5   punct
    """) == []


def test_claims_verbs_content_clause_not_as_an_infinitive(ref):
    assert claims(ref, """
        The       the       DET    DT   2   det
        SDF       SDF       PROPN  NNP  3   nsubj  B-ACTOR  actor/sdf
        refused   refuse    VERB   VBD  0   ROOT
        to        to        PART   TO   5   aux
        say       say       VERB   VB   3   xcomp
        whether   whether   SCONJ  IN   10  mark
        the       the       DET    DT   8   det
        strikes   strike    NOUN   NNS  10  nsubj
        would     would     AUX    MD   10  aux
        continue  continue  VERB   VB   5   ccomp
        .         .         PUNCT  .    3   punct
    """) == []


PARENTHETICAL_SAID = """
    The        the       DET    DT   2   det
    concern    concern   NOUN   NN   8   nsubj
    ,          ,         PUNCT  ,    6   punct
    Pentagon   Pentagon  PROPN  NNP  5   compound   B-ACTOR  actor/us-military
    officials  official  NOUN   NNS  6   nsubj
    said       say       VERB   VBD  8   {dep}
    ,          ,         PUNCT  ,    6   punct
    lies       lie       VERB   VBZ  0   ROOT
    in         in        ADP    IN   8   prep
    the        the       DET    DT   11  det
    desert     desert    NOUN   NN   9   pobj
    .          .         PUNCT  .    8   punct
"""


def test_claims_verbs_parenthetical(ref):
    claim = only(claims(ref, PARENTHETICAL_SAID.format(dep="parataxis")))
    assert (claim.claimant, claim.extractor) == (ACTOR + "us-military", PARENTHETICAL)


def test_claims_verbs_parenthetical_not_as_a_clause_of_its_own(ref):
    # "said" as an unlabelled dependent has no content, no quote and no object: nothing said
    assert claims(ref, PARENTHETICAL_SAID.format(dep="dep")) == []


def test_claims_verbs_passive_agent(ref):
    claim = only(claims(ref, """
        The        the        DET    DT   2  det
        deaths     death      NOUN   NNS  4  nsubjpass
        were       be         AUX    VBD  4  auxpass
        confirmed  confirm    VERB   VBN  0  ROOT
        by         by         ADP    IN   4  agent
        the        the        DET    DT   7  det
        coalition  coalition  NOUN   NN   5  pobj       B-ACTOR  actor/cjtf-oir
        .          .          PUNCT  .    4  punct
    """))
    assert (claim.claimant, claim.extractor) == (ACTOR + "cjtf-oir", PASSIVE_AGENT)


def test_claims_verbs_passive_agent_not_without_one(ref):
    assert claims(ref, """
        The        the        DET    DT   2  det
        deaths     death      NOUN   NNS  4  nsubjpass
        were       be         AUX    VBD  4  auxpass
        confirmed  confirm    VERB   VBN  0  ROOT
        .          .          PUNCT  .    4  punct
    """) == []


WHITE_HOUSE_SAID = """
    It        it        PRON   PRP  2   nsubj
    was       be        AUX    VBD  0   ROOT
    a         a         DET    DT   4   det
    campaign  campaign  NOUN   NN   2   attr
    that      that      PRON   {tag}  9   dobj
    the       the       DET    DT   8   det
    White     White     PROPN  NNP  8   compound  B-ACTOR  actor/us
    House     House     PROPN  NNP  9   nsubj     I-ACTOR  actor/us
    said      say       VERB   VBD  4   relcl
    in        in        ADP    IN   9   prep
    April     April     PROPN  NNP  10  pobj      B-DATE
    was       be        AUX    VBD  13  aux
    coming    come      VERB   VBG  2   ccomp
    to        to        ADP    IN   13  prep
    an        an        DET    DT   16  det
    end       end       NOUN   NN   14  pobj
    .         .         PUNCT  .    2   punct
"""


def test_claims_verbs_relative_content(ref):
    claim = only(claims(ref, WHITE_HOUSE_SAID.format(tag="WDT")))
    assert (claim.claimant, claim.extractor) == (ACTOR + "us", RELATIVE_CONTENT)
    assert claim.span.start == 0  # the sentence, not the relative clause (its content is the noun)
    assert (claim.when.start, claim.when.precision) == (dt.date(2019, 4, 1), "month")


def test_claims_verbs_relative_content_not_with_a_plain_object(ref):
    # "that" as a demonstrative object: the relative clause reports nothing
    assert claims(ref, WHITE_HOUSE_SAID.format(tag="DT")) == []


def test_claims_verbs_noun_clause(ref):
    claim = only(claims(ref, """
        The        the       DET    DT   2  det
        SDF        SDF       PROPN  NNP  3  nsubj  B-ACTOR  actor/sdf
        expressed  express   VERB   VBD  0  ROOT
        concern    concern   NOUN   NN   3  dobj
        that       that      SCONJ  IN   9  mark
        the        the       DET    DT   7  det
        militants  militant  NOUN   NNS  9  nsubj
        could      could     AUX    MD   9  aux
        return     return    VERB   VB   4  acl
        .          .         PUNCT  .    3  punct
    """))
    assert (claim.claimant, claim.extractor) == (ACTOR + "sdf", NOUN_CLAUSE)


def test_claims_verbs_noun_clause_not_without_the_clause(ref):
    assert claims(ref, """
        The        the       DET    DT   2  det
        SDF        SDF       PROPN  NNP  3  nsubj  B-ACTOR  actor/sdf
        expressed  express   VERB   VBD  0  ROOT
        concern    concern   NOUN   NN   3  dobj
        .          .         PUNCT  .    3  punct
    """) == []


CLAIMED = """
    Islamic         Islamic         PROPN  NNP  2  compound  B-ACTOR  actor/isis
    State           State           PROPN  NNP  3  nsubj     I-ACTOR  actor/isis
    claimed         claim           VERB   VBD  0  ROOT
    {object}
    .               .               PUNCT  .    3  punct
"""


def test_claims_verbs_reported_object(ref):
    claim = only(claims(ref, CLAIMED.format(object="""
        responsibility  responsibility  NOUN   NN   3  dobj
        for             for             ADP    IN   4  prep
        the             the             DET    DT   7  det
        bombing         bombing         NOUN   NN   5  pobj
    """)))
    assert (claim.claimant, claim.extractor, claim.channel) == (ACTOR + "isis", REPORTED_OBJECT, "claimed")
    assert claim.claim_type == "responsibility"


def test_claims_verbs_reported_object_not_a_claimed_town(ref):
    assert claims(ref, CLAIMED.format(object="""
        the             the             DET    DT   5  det
        town            town            NOUN   NN   3  dobj
    """)) == []


TWEETED_AFTER_QUOTE = """
    {open}    "         PUNCT  ``   4   punct
    The       the       DET    DT   3   det
    fight     fight     NOUN   NN   4   nsubj
    is        be        AUX    VBZ  0   ROOT
    not       not       PART   RB   4   neg
    over      over      ADV    RB   4   advmod
    ,         ,         PUNCT  ,    4   punct
    {close}   "         PUNCT  ''   4   punct
    tweeted   tweet     VERB   VBD  4   ccomp
    the       the       DET    DT   12  det
    US        US        PROPN  NNP  12  compound  B-ACTOR  actor/us-military
    military  military  NOUN   NN   9   dobj      I-ACTOR  actor/us-military
    .         .         PUNCT  .    4   punct
"""


def test_claims_verbs_after_quote(ref):
    claim = only(claims(ref, TWEETED_AFTER_QUOTE.format(open="\u201c", close="\u201d")))
    assert (claim.claimant, claim.extractor, claim.channel) == (ACTOR + "us-military", AFTER_QUOTE, "tweet")
    assert claim.quote == "The fight is not over"


def test_claims_verbs_after_quote_not_after_unquoted_words(ref):
    # the same parse with the quotation marks as commas: the verb hangs off no quote
    assert claims(ref, TWEETED_AFTER_QUOTE.format(open="--", close=",")) == []


SAID_ON_FRIDAY_COLON = """
    The     the     DET    DT   2   det
    SDF     SDF     PROPN  NNP  3   nsubj   B-ACTOR  actor/sdf
    said    say     VERB   VBD  0   ROOT
    on      on      ADP    IN   3   prep
    Friday  Friday  PROPN  NNP  4   pobj    B-DATE
    :       :       PUNCT  :    3   punct
    \u201c       "       PUNCT  ``   10  punct
    The     the     DET    DT   9   det
    fight   fight   NOUN   NN   10  nsubj
    is      be      AUX    VBZ  3   dep
    not     not     PART   RB   10  neg
    over    over    ADV    RB   10  advmod
    .       .       PUNCT  .    10  punct
    \u201d       "       PUNCT  ''   10  punct
"""


def test_claims_verbs_framing_quote(ref):
    claim = only(claims(ref, SAID_ON_FRIDAY_COLON))
    assert (claim.claimant, claim.extractor) == (ACTOR + "sdf", FRAMING_QUOTE)
    assert claim.quote == "The fight is not over."
    assert (claim.when.start, claim.when.precision) == (dt.date(2019, 5, 10), "day")


def test_claims_verbs_framing_quote_not_across_a_clause_between_them(ref):
    # "as the town fell" stands between quote and verb: the quote does not frame the verb
    assert claims(ref, """
        \u201c     "      PUNCT  ``   4   punct
        The   the    DET    DT   3   det
        fight fight  NOUN   NN   4   nsubj
        is    be     AUX    VBZ  15  dep
        not   not    PART   RB   4   neg
        over  over   ADV    RB   4   advmod
        ,     ,      PUNCT  ,    4   punct
        \u201d     "      PUNCT  ''   4   punct
        as    as     SCONJ  IN   12  mark
        the   the    DET    DT   11  det
        town  town   NOUN   NN   12  nsubj
        fell  fall   VERB   VBD  15  advcl
        the   the    DET    DT   14  det
        SDF   SDF    PROPN  NNP  15  nsubj  B-ACTOR  actor/sdf
        said  say    VERB   VBD  0   ROOT
        .     .      PUNCT  .    15  punct
    """) == []


CONTINUED = """
    The        the        DET    DT   3   det
    SDF        SDF        PROPN  NNP  3   compound  B-ACTOR  actor/sdf
    commander  commander  NOUN   NN   4   nsubj
    said       say        VERB   VBD  0   ROOT
    the        the        DET    DT   6   det
    fight      fight      NOUN   NN   7   nsubj
    was        be         AUX    VBD  4   ccomp
    over       over       ADV    RB   7   advmod
    .          .          PUNCT  .    4   punct
    He         he         PRON   PRP  11  nsubj
    continued  continue   VERB   VBD  0   ROOT
    {by_saying}
    .          .          PUNCT  .    11  punct
"""


def test_claims_verbs_continued_by(ref):
    first, second = claims(ref, CONTINUED.format(by_saying="""
        by         by         ADP    IN   11  prep
        saying     say        VERB   VBG  12  pcomp
        the        the        DET    DT   15  det
        cells      cell       NOUN   NNS  16  nsubj
        remain     remain     VERB   VBP  13  ccomp
    """))
    assert second.claimant == first.claimant == ACTOR + "sdf"
    assert second.extractor.split("+")[0] == CONTINUED_BY


def test_claims_verbs_continued_by_not_continuing_something_else(ref):
    (first,) = claims(ref, CONTINUED.format(by_saying="""
        the        the        DET    DT   13  det
        fight      fight      NOUN   NN   11  dobj
    """))
    assert first.extractor == CONTENT_CLAUSE


# ----------------------------------------------------------------------------- claims.according-to.*

ACCORDING_TO_CELL = """
    At         at        ADV    RB   2   advmod     B-CARDINAL
    least      least     ADV    RBS  3   advmod     I-CARDINAL
    12         12        NUM    CD   4   nummod     I-CARDINAL
    militants  militant  NOUN   NNS  6   nsubjpass
    were       be        AUX    VBD  6   auxpass
    killed     kill      VERB   VBN  0   ROOT
    in         in        ADP    IN   6   prep
    the        the       DET    DT   9   det
    raid       raid      NOUN   NN   7   pobj
    ,          ,         PUNCT  ,    6   punct
    according  accord    VERB   VBG  6   prep
    to         to        ADP    IN   11  prep
    the        the       DET    DT   16  det
    Security   Security  PROPN  NNP  16  compound   B-ACTOR     actor/security-media-cell
    Media      Media     PROPN  NNP  16  compound   I-ACTOR     actor/security-media-cell
    Cell       Cell      PROPN  NNP  12  pobj       I-ACTOR     actor/security-media-cell
    .          .         PUNCT  .    6   punct
"""


def test_claims_according_to_speaker(ref):
    claim = only(claims(ref, ACCORDING_TO_CELL))
    assert (claim.claimant, claim.extractor, claim.channel) == (ACTOR + "security-media-cell", TO_SPEAKER,
                                                               "according-to")
    assert claim.claim_type == "figure"


def test_claims_according_to_speaker_not_according_to_plan(ref):
    assert claims(ref, """
        The        the     DET    DT   2  det
        raid       raid    NOUN   NN   3  nsubj
        went       go      VERB   VBD  0  ROOT
        according  accord  VERB   VBG  3  prep
        to         to      ADP    IN   4  prep
        plan       plan    NOUN   NN   5  pobj
        .          .       PUNCT  .    3  punct
    """) == []


ACCORDING_TO_STATEMENT = """
    Two        two        NUM    CD   2   nummod     B-CARDINAL
    soldiers   soldier    NOUN   NNS  4   nsubjpass
    were       be         AUX    VBD  4   auxpass
    killed     kill       VERB   VBN  0   ROOT
    ,          ,          PUNCT  ,    4   punct
    according  accord     VERB   VBG  4   prep
    to         to         ADP    IN   6   prep
    a          a          DET    DT   9   det
    statement  statement  NOUN   NN   7   pobj
    {issuer}
    .          .          PUNCT  .    4   punct
"""
FROM_THE_MINISTRY = """
    from       from       ADP    IN   9   prep
    the        the        DET    DT   13  det
    Peshmerga  Peshmerga  PROPN  NNP  13  compound   B-ACTOR     actor/peshmerga
    ministry   ministry   NOUN   NN   10  pobj
"""


def test_claims_according_to_statement(ref):
    claim = only(claims(ref, ACCORDING_TO_STATEMENT.format(issuer=FROM_THE_MINISTRY)))
    assert (claim.claimant, claim.extractor, claim.channel) == (ACTOR + "peshmerga", TO_STATEMENT, "statement")


def test_claims_according_to_statement_not_without_an_issuer(ref):
    assert claims(ref, ACCORDING_TO_STATEMENT.format(issuer="")) == []


# ----------------------------------------------------------------------------- claims.statements.*

IN_A_STATEMENT = """
    In         in         ADP    IN   {root}  prep
    a          a          DET    DT   3   det
    statement  statement  NOUN   NN   1   pobj
    {carried}
    ,          ,          PUNCT  ,    {root}  punct
    the        the        DET    DT   {militants}  det
    militants  militant   NOUN   NNS  {root}  nsubj
    said       say        VERB   VBD  0   ROOT
    they       they       PRON   PRP  {killed}  nsubj
    had        have       AUX    VBD  {killed}  aux
    killed     kill       VERB   VBN  {root}  ccomp
    15         15         NUM    CD   {soldiers}  nummod    B-CARDINAL
    soldiers   soldier    NOUN   NNS  {killed}  dobj
    .          .          PUNCT  .    {root}  punct
"""
CARRIED_BY_AMAQ = """
    carried    carry      VERB   VBN  3   acl
    by         by         ADP    IN   4   agent
    the        the        DET    DT   9   det
    Amaq       Amaq       PROPN  NNP  9   compound  B-ACTOR     actor/amaq
    news       news       NOUN   NN   9   compound  I-ACTOR     actor/amaq
    agency     agency     NOUN   NN   5   pobj      I-ACTOR     actor/amaq
"""


def test_claims_statements_issuer_of_medium(ref):
    table = IN_A_STATEMENT.format(carried=CARRIED_BY_AMAQ, root=13, militants=12, killed=16, soldiers=18)
    claim = only(claims(ref, table))
    assert (claim.claimant, claim.channel) == (ACTOR + "amaq", "statement")
    assert claim.extractor == f"{CONTENT_CLAUSE}+{ISSUER_OF_MEDIUM}"


def test_claims_statements_issuer_of_medium_not_when_the_medium_names_no_one(ref):
    assert claims(ref, IN_A_STATEMENT.format(carried="", root=7, militants=6, killed=10, soldiers=12)) == []


# ----------------------------------------------------------------------------- claims.dates.*


def test_claims_dates_attribution(ref):
    claim = only(claims(ref, SAID_ON_FRIDAY_COLON))
    assert claim.when.raw == "Friday" and claim.when.start == dt.date(2019, 5, 10)


def test_claims_dates_attribution_not_a_date_of_the_content(ref):
    # "the town fell on Friday": Friday dates the fall, not the saying
    claim = only(claims(ref, """
        The     the     DET    DT   2  det
        SDF     SDF     PROPN  NNP  3  nsubj  B-ACTOR  actor/sdf
        said    say     VERB   VBD  0  ROOT
        the     the     DET    DT   5  det
        town    town    NOUN   NN   6  nsubj
        fell    fall    VERB   VBD  3  ccomp
        on      on      ADP    IN   6  prep
        Friday  Friday  PROPN  NNP  7  pobj   B-DATE
        .       .       PUNCT  .    3  punct
    """))
    assert (claim.when.start, claim.when.precision, claim.when.raw) == (PUBLISHED, "approximate", "said")
    assert claim.confidence == 0.75  # 0.8 for an organisation, less 0.05 for a date not stated


def test_claims_dates_published(ref):
    claim = only(claims(ref, SAID_THAT))
    assert (claim.when.start, claim.when.precision) == (PUBLISHED, "approximate")


def test_claims_dates_published_not_invented_without_a_publication_date(ref):
    assert only(claims(ref, SAID_THAT, published=None)).when is None


# ----------------------------------------------------------------------------- gerunds of saying

SAYING = """
    The        the       DET    DT   2   det
    minister   minister  NOUN   NN   3   nsubj
    Florence   Florence  PROPN  NNP  4   compound  B-PERSON
    Parly      Parly     PROPN  NNP  5   nsubj     I-PERSON
    commented  comment   VERB   VBD  0   ROOT
    on         on        ADP    IN   5   prep
    the        the       DET    DT   8   det
    raid       raid      NOUN   NN   6   pobj
    ,          ,         PUNCT  ,    5   punct
    {prep}
    saying     say       VERB   VBG  {saying_head}   {saying_dep}
    \u201c          "         PUNCT  ``   15  punct
    we         we        PRON   PRP  15  nsubj
    will       will      AUX    MD   15  aux
    not        not       PART   RB   15  neg
    stop       stop      VERB   VB   11  ccomp
    \u201d          "         PUNCT  ''   15  punct
    .          .         PUNCT  .    5   punct
"""


def test_claims_verbs_saying_gerund_speaks_for_the_subject_of_its_clause(ref):
    # after defensepost (Parly "commented on the strike on Twitter, saying ...") and rudaw
    # (Barzani "visited the family ..., telling reporters that ...")
    table = SAYING.replace("    {prep}\n", "").format(saying_head=5, saying_dep="advcl")
    table = table.replace(" 15  ", " 14  ").replace(" 11  ccomp", " 10  ccomp")
    claim = only(claims(ref, table))
    assert claim.claimant == ID + "person/florence-parly"
    assert claim.quote == "we will not stop"
    assert claim.span.start == 0  # the whole sentence: the speaker is in the main clause


def test_claims_verbs_saying_gerund_not_after_without(ref):
    table = SAYING.format(prep="without    without   ADP    IN   5   prep", saying_head=10, saying_dep="pcomp")
    assert claims(ref, table.replace(" 15  ", " 16  ").replace(" 11  ccomp", " 11  ccomp")) == []


ANNOUNCED_OBJECT = """
    The        the        DET    DT   2   det
    CTS        CTS        PROPN  NNP  3   nsubj  B-ACTOR  actor/iraqi-cts
    {verb}     {lemma}    VERB   VBD  0   ROOT
    {object}
    .          .          PUNCT  .    3   punct
"""


def test_claims_verbs_reported_object_of_an_announcing_verb(ref):
    # after rudaw ("the CTS announced on Wednesday the arrest of six ...") and airwars ("The US
    # has so far confirmed just sixteen of these events")
    claim = only(claims(ref, ANNOUNCED_OBJECT.format(verb="announced", lemma="announce", object="""
        the        the        DET    DT   5   det
        arrest     arrest     NOUN   NN   3   dobj
        of         of         ADP    IN   5   prep
        six        six        NUM    CD   8   nummod
        suspects   suspect    NOUN   NNS  6   pobj
    """)))
    assert (claim.claimant, claim.extractor, claim.channel) == (ACTOR + "iraqi-cts", REPORTED_OBJECT, "declared")


def test_claims_verbs_reported_object_not_a_declared_caliphate(ref):
    # "declared a caliphate" is an act, not a report (un-isis-5000-7000)
    assert claims(ref, ANNOUNCED_OBJECT.format(verb="declared", lemma="declare", object="""
        a          a          DET    DT   5   det
        caliphate  caliphate  NOUN   NN   3   dobj
    """)) == []


CLAIMED_TO_HAVE = """
    ISIS       ISIS       PROPN  NNP  2   nsubj     B-ACTOR  actor/isis
    {verb}     {lemma}    VERB   VBD  0   ROOT
    to         to         PART   TO   5   aux
    have       have       AUX    VB   5   aux
    killed     kill       VERB   VBN  2   xcomp
    13         13         NUM    CD   7   nummod
    soldiers   soldier    NOUN   NNS  5   dobj
    .          .          PUNCT  .    2   punct
"""


def test_claims_verbs_content_clause_an_infinitive_of_claiming(ref):
    # "It claimed to have killed 13 members of Peshmerga forces" (rudaw); "The United States
    # ... pledged to help Iraqi leaders" (reuters)
    claim = only(claims(ref, CLAIMED_TO_HAVE.format(verb="claimed", lemma="claim")))
    assert (claim.claimant, claim.extractor) == (ACTOR + "isis", CONTENT_CLAUSE)


def test_claims_verbs_content_clause_not_an_infinitive_of_saying(ref):
    # "said to have" reports nothing of the subject's own
    assert claims(ref, CLAIMED_TO_HAVE.format(verb="said", lemma="say")) == []


QUOTED_AS_SAYING = """
    SANA      SANA      PROPN  NNP  2   nsubj  B-ACTOR  actor/sana
    quoted    quote     VERB   VBD  0   ROOT
    {source}
    as        as        ADP    IN   2   prep
    saying    say       VERB   VBG  {as}   pcomp
    the       the       DET    DT   {the}   det
    attack    attack    NOUN   NN   {took}  nsubj
    took      take      VERB   VBD  {saying}   ccomp
    place     place     NOUN   NN   {took}  dobj
    .         .         PUNCT  .    2   punct
"""


def test_claims_verbs_quoting(ref):
    # islamtimes: "SANA news agency quoted a military source as saying the attack took place"
    found = claims(ref, QUOTED_AS_SAYING.format(source="""
        a         a         DET    DT   5   det
        military  military  ADJ    JJ   5   amod
        source    source    NOUN   NN   2   dobj
    """, **{"as": 6, "the": 9, "took": 10, "saying": 7}))
    outlet = next(c for c in found if c.extractor == QUOTING)
    assert (outlet.claimant, outlet.channel) == (ACTOR + "sana", "report")


def test_claims_verbs_quoting_not_without_a_source(ref):
    assert claims(ref, QUOTED_AS_SAYING.format(source="", **{"as": 3, "the": 6, "took": 7, "saying": 4})) == []


TWO_SUBJECTS = """
    Last       last       ADJ    JJ   2   amod
    group      group      NOUN   NN   8   nsubj
    of         of         ADP    IN   2   prep
    fighters   fighter    NOUN   NNS  3   pobj
    left       leave      VERB   VBD  8   ccomp
    Raqqa      Raqqa      PROPN  NNP  5   dobj      B-PLACE  place/raqqa
    ,          ,          PUNCT  ,    8   punct
    says       say        VERB   VBZ  0   ROOT
    SDF        SDF        PROPN  NNP  12  compound  B-ACTOR  actor/sdf
    spokesman  spokesman  NOUN   NN   12  compound
    Farhad     Farhad     PROPN  NNP  12  compound  B-PERSON
    Shami      Shami      PROPN  NNP  8   nsubj     I-PERSON
"""


def test_claims_verbs_speaker_the_subject_after_the_verb(ref):
    # aljazeera's "..., says SDF leader Mustafa Bali" and csmonitor's "..., Biden says" headlines
    # parsed with two subjects, the content's and the speaker's
    claim = only(claims(ref, TWO_SUBJECTS))
    assert (claim.claimant, claim.on_behalf_of) == (ID + "person/farhad-shami", ACTOR + "sdf")


def test_claims_verbs_speaker_not_the_subject_inside_the_content(ref):
    # the same, the speaker's subject removed: the content's subject does not speak
    speaker = (["SDF"], ["spokesman"], ["Farhad"], ["Shami"])
    table = "\n".join(line for line in TWO_SUBJECTS.splitlines() if line.split()[:1] not in speaker)
    assert claims(ref, table) == []


DATELINE = """
    ERBIL      ERBIL      PROPN  NNP  10  nsubj     B-PLACE  place/erbil
    ,          ,          PUNCT  ,    1   punct
    Kurdistan  Kurdistan  PROPN  NNP  4   compound  B-PLACE  place/kurdistan-region
    Region     Region     PROPN  NNP  1   appos     I-PLACE  place/kurdistan-region
    \u2013          -          PUNCT  :    4   punct
    The        the        DET    DT   9   det
    Islamic    Islamic    PROPN  NNP  8   compound  B-ACTOR  actor/isis
    State      State      PROPN  NNP  9   compound  I-ACTOR  actor/isis
    group      group      NOUN   NN   {group}   {dep}       I-ACTOR  actor/isis
    claimed    claim      VERB   VBD  0   ROOT
    the        the        DET    DT   12  det
    attack     attack     NOUN   NN   10  dobj
    .          .          PUNCT  .    10  punct
"""


def test_claims_verbs_speaker_beside_the_dateline(ref):
    # rudaw's "ERBIL, Kurdistan Region – The Islamic State group (ISIS) claimed responsibility"
    # and "– The Kurdish-led Syrian Democratic Forces (SDF) declared ...": the group speaks
    claim = only(claims(ref, DATELINE.format(group=1, dep="appos")))
    assert claim.claimant == ACTOR + "isis"


def test_claims_verbs_speaker_not_the_dateline_when_the_group_is_the_subject(ref):
    claim = only(claims(ref, DATELINE.format(group=10, dep="nsubj")))
    assert claim.claimant == ACTOR + "isis"


def test_claims_verbs_noun_after_the_verb_speaks_only_after_its_content(ref):
    # "Announcing victory over Daesh, the US-backed group ..." parsed with the verb as root:
    # the noun after it is what is announced, not who announces (trtworld)
    assert claims(ref, """
        Announcing  announce  VERB   VBG  0   ROOT
        success     success   NOUN   NN   1   dobj
        over        over      ADP    IN   2   prep
        ISIS        ISIS      PROPN  NNP  3   pobj   B-ACTOR  actor/isis
        .           .         PUNCT  .    1   punct
    """) == []


SPLIT_SUBJECT = """
    Former     former     ADJ    JJ   4   amod
    Iraqi      iraqi      ADJ    JJ   4   amod      B-ACTOR  actor/iraqi-government
    Prime      Prime      PROPN  NNP  4   compound  I-ACTOR  actor/iraqi-government
    Minister   Minister   PROPN  NNP  {minister}   {dep}     I-ACTOR  actor/iraqi-government
    Haider     Haider     PROPN  NNP  6   compound  B-PERSON
    al         al         PROPN  NNP  4   appos     I-PERSON  nospace
    -          -          PROPN  NNP  9   {hyphen}     I-PERSON  nospace
    Abadi      Abadi      PROPN  NNP  9   nsubj     I-PERSON
    declared   declare    VERB   VBD  0   ROOT
    victory    victory    NOUN   NN   9   dobj
    .          .          PUNCT  .    9   punct
"""


def test_claims_verbs_speaker_a_phrase_the_parser_cut_into_subjects(ref):
    # Anadolu's "Former Iraqi Prime Minister Haider al-Abadi declared victory" and Daily Mail's
    # "Iraqi PM Haider al-Abadi said": "Minister", "-" and "Abadi" all subjects of the verb
    claim = only(claims(ref, SPLIT_SUBJECT.format(minister=9, dep="nsubj", hyphen="nsubj")))
    assert (claim.claimant, claim.on_behalf_of) == (ID + "person/haider-al-abadi", ACTOR + "iraqi-government")


def test_claims_verbs_speaker_not_cut_when_the_parse_is_whole(ref):
    claim = only(claims(ref, SPLIT_SUBJECT.format(minister=8, dep="compound", hyphen="punct")))
    assert (claim.claimant, claim.on_behalf_of) == (ID + "person/haider-al-abadi", ACTOR + "iraqi-government")


HEADLINE_SAYS = """
    Last       last       ADJ    JJ   2   amod
    civilians  civilian   NOUN   NNS  7   nsubj
    evacuated  evacuate   VERB   VBN  2   acl
    from       from       ADP    IN   3   prep
    Raqqa      Raqqa      PROPN  NNP  4   pobj      B-PLACE  place/raqqa
    {comma}
    says       say        VERB   VBZ  0   ROOT
    SDF        SDF        PROPN  NNP  9   compound  B-ACTOR  actor/sdf
    spokesman  spokesman  NOUN   NN   11  compound
    Farhad     Farhad     PROPN  NNP  11  compound  B-PERSON
    Shami      Shami      PROPN  NNP  7   nsubj     I-PERSON
"""


def test_claims_verbs_content_clause_taken_for_a_subject(ref):
    # headlines of Al Jazeera ("Final batch of civilians evacuated from Baghouz ..., says SDF
    # leader Mustafa Bali") and the Christian Science Monitor ("Top ISIS leader killed during a
    # US special forces raid, Biden says"): the reported clause parsed as a second subject
    claim = only(claims(ref, HEADLINE_SAYS.format(comma=",          ,          PUNCT  ,    7   punct")))
    assert (claim.claimant, claim.extractor) == (ID + "person/farhad-shami", CONTENT_CLAUSE)


def test_claims_verbs_content_clause_not_two_subjects_without_the_comma(ref):
    table = HEADLINE_SAYS.format(comma="").replace("  7   ", "  6   ").replace("  9   compound", "  8   compound")
    table = table.replace("  11  compound", "  10  compound")
    assert claims(ref, table) == []


def test_claims_persons_surname_a_headline_s_surname_named_in_full_later(ref):
    # Christian Science Monitor: "..., Biden says" ⏎ ... "President Joe Biden said Thursday"
    first, second = claims(ref, """
        Shami      Shami      PROPN  NNP  2   nsubj     B-PERSON
        says       say        VERB   VBZ  0   ROOT
        fighters   fighter    NOUN   NNS  4   nsubj
        left       leave      VERB   VBD  2   ccomp
        \\n
        SDF        SDF        PROPN  NNP  7   compound  B-ACTOR  actor/sdf
        spokesman  spokesman  NOUN   NN   9   compound
        Farhad     Farhad     PROPN  NNP  9   compound  B-PERSON
        Shami      Shami      PROPN  NNP  10  nsubj     I-PERSON
        said       say        VERB   VBD  0   ROOT
        the        the        DET    DT   12  det
        fighters   fighter    NOUN   NNS  13  nsubj
        left       leave      VERB   VBD  10  ccomp
        .          .          PUNCT  .    10  punct
    """)
    assert first.claimant == second.claimant == ID + "person/farhad-shami"
    assert first.on_behalf_of == ACTOR + "sdf"


def test_claims_persons_surname_not_a_surname_two_people_share(ref):
    found = claims(ref, """
        Shami      Shami      PROPN  NNP  2   nsubj     B-PERSON
        says       say        VERB   VBZ  0   ROOT
        fighters   fighter    NOUN   NNS  4   nsubj
        left       leave      VERB   VBD  2   ccomp
        \\n
        Farhad     Farhad     PROPN  NNP  7   compound  B-PERSON
        Shami      Shami      PROPN  NNP  10  nsubj     I-PERSON
        and        and        CCONJ  CC   7   cc
        Ali        Ali        PROPN  NNP  10  compound  B-PERSON
        Shami      Shami      PROPN  NNP  7   conj      I-PERSON
        said       say        VERB   VBD  0   ROOT
        the        the        DET    DT   12  det
        fighters   fighter    NOUN   NNS  13  nsubj
        left       leave      VERB   VBD  11  ccomp
        .          .          PUNCT  .    11  punct
    """)
    assert found[0].claimant == ID + "person/shami"


WHO_ARRIVED = """
    Saad     Saad    PROPN  NNP  2   compound  B-PERSON
    Maan     Maan    PROPN  NNP  11  nsubj     I-PERSON
    ,        ,       PUNCT  ,    2   punct
    who      who     PRON   WP   5   nsubj
    arrived  arrive  VERB   VBD  2   relcl
    in       in      ADP    IN   5   prep
    Mosul    Mosul   PROPN  NNP  6   pobj      B-PLACE  place/mosul
    on       on      ADP    IN   5   prep
    Monday   Monday  PROPN  NNP  8   pobj      B-DATE
    ,        ,       PUNCT  ,    2   punct
    said     say     VERB   VBD  0   ROOT
    {on_sunday}
    the      the     DET    DT   {town}  det
    town     town    NOUN   NN   {was}  nsubj
    was      be      AUX    VBD  11  ccomp
    calm     calm    ADJ    JJ   {was}  acomp
    .        .       PUNCT  .    11  punct
"""


def test_claims_dates_attribution_not_a_date_of_the_speaker_s_clause(ref):
    # "Saad Maan, who arrived on Monday, said ...": Monday dates his arrival (noticed by the
    # extract/ restructuring)
    claim = only(claims(ref, WHO_ARRIVED.format(on_sunday="", town=13, was=14)))
    assert (claim.when.start, claim.when.precision) == (PUBLISHED, "approximate")


def test_claims_dates_attribution_still_of_the_verb_after_such_a_clause(ref):
    claim = only(claims(ref, WHO_ARRIVED.format(on_sunday="""
        on       on      ADP    IN   11  prep
        Sunday   Sunday  PROPN  NNP  12  pobj      B-DATE
    """, town=15, was=16)))
    assert (claim.when.start, claim.when.precision) == (dt.date(2019, 5, 12), "day")


TRAILING = """
    Syrian    syrian   ADJ    JJ   2   amod      B-ACTOR  actor/syrian-arab-army
    troops    troop    NOUN   NNS  4   nsubj     I-ACTOR  actor/syrian-arab-army
    have      have     AUX    VBP  4   aux
    retaken   retake   VERB   VBN  0   ROOT
    the       the      DET    DT   6   det
    town      town     NOUN   NN   4   dobj
    of        of       ADP    IN   6   prep
    Mayadin   Mayadin  PROPN  NNP  7   pobj      B-PLACE  place/mayadin
    {comma}
    the       the      DET    DT   13  det
    SANA      SANA     PROPN  NNP  13  compound  B-ACTOR  actor/sana
    news      news     NOUN   NN   13  compound
    agency    agency   NOUN   NN   14  nsubj
    reported  report   VERB   VBD  4   conj
    on        on       ADP    IN   14  prep
    Friday    Friday   PROPN  NNP  15  pobj      B-DATE
    .         .        PUNCT  .    4   punct
"""


def test_claims_verbs_parenthetical_trailing_its_clause(ref):
    # Interfax: "Syrian government forces have completely liberated the city of Deir ez-Zor ...,
    # Syrian state television reported on Friday"; Tasnim: "..., the statement said, the Tass news
    # agency reported" — the parser hung the attribution on the clause it reports
    claim = only(claims(ref, TRAILING.format(comma=",         ,        PUNCT  ,    4   punct")))
    assert (claim.claimant, claim.extractor, claim.channel) == (ACTOR + "sana", PARENTHETICAL, "report")
    assert claim.span.start == 0  # the sentence it reports
    assert claim.when.start == dt.date(2019, 5, 10)


def test_claims_verbs_parenthetical_not_a_conjoined_clause_of_its_own(ref):
    # without the comma, "... and the agency reported on Friday" is a clause of its own
    table = TRAILING.format(comma="and       and      CCONJ  CC   4   cc")
    assert claims(ref, table) == []


RELAYED = """
    The        the        DET    DT   2   det
    SDF        SDF        PROPN  NNP  3   nsubj    B-ACTOR  actor/sdf
    said       say        VERB   VBD  0   ROOT
    in         in         ADP    IN   3   prep
    a          a          DET    DT   6   det
    statement  statement  NOUN   NN   4   pobj
    that       that       SCONJ  IN   11  mark
    the        the        DET    DT   9   det
    convoy     convoy     NOUN   NN   11  nsubjpass
    was        be         AUX    VBD  11  auxpass
    destroyed  destroy    VERB   VBN  3   ccomp
    .          .          PUNCT  .    3   punct
    \u201c          "          PUNCT  ``   24  punct
    The        the        DET    DT   15  det
    convoy     convoy     NOUN   NN   17  nsubj
    was        be         AUX    VBD  17  aux
    heading    head       VERB   VBG  24  ccomp
    to         to         ADP    IN   17  prep
    Mayadin    Mayadin    PROPN  NNP  18  pobj       B-PLACE  place/mayadin
    ,          ,          PUNCT  ,    24  punct
    \u201d          "          PUNCT  ''   24  punct
    the        the        DET    DT   23  det
    statement  statement  NOUN   NN   24  nsubj
    said       say        VERB   VBD  0   ROOT
    ,          ,          PUNCT  ,    24  punct
    the        the        DET    DT   29  det
    SANA       SANA       PROPN  NNP  29  compound   B-ACTOR  actor/sana
    news       news       NOUN   NN   29  compound
    agency     agency     NOUN   NN   30  nsubj
    reported   report     VERB   VBD  24  ccomp
    .          .          PUNCT  .    24  punct
    \u201c          "          PUNCT  ``   40  punct
    The        the        DET    DT   34  det
    road       road       NOUN   NN   35  nsubj
    is         be         AUX    VBZ  40  ccomp
    open       open       ADJ    JJ   35  acomp
    ,          ,          PUNCT  ,    40  punct
    \u201d          "          PUNCT  ''   40  punct
    it         it         PRON   PRP  40  nsubj
    added      add        VERB   VBD  0   ROOT
    .          .          PUNCT  .    40  punct
"""


def test_claims_verbs_parenthetical_an_outlet_relaying_the_speaker(ref):
    # Tasnim: the outlet's claim and the statement's, on one evidence; "it added" next is the
    # statement's issuer, not the outlet
    found = claims(ref, RELAYED)
    by_sentence = [(c.span.start, c.claimant) for c in found]
    second = [c for c in found if c.span.start == found[1].span.start]
    assert {c.claimant for c in second} == {ACTOR + "sdf", ACTOR + "sana"}
    assert found[-1].claimant == ACTOR + "sdf", by_sentence


def test_claims_dates_attribution_not_a_date_of_the_reported_object(ref):
    # Rudaw: "ISIS claimed responsibility for the Thursday attack": Thursday dates the attack
    claim = only(claims(ref, CLAIMED.format(object="""
        responsibility  responsibility  NOUN   NN   3  dobj
        for             for             ADP    IN   4  prep
        the             the             DET    DT   8  det
        Thursday        Thursday        PROPN  NNP  8  compound  B-DATE
        attack          attack          NOUN   NN   5  pobj
    """)))
    assert (claim.when.start, claim.when.precision) == (PUBLISHED, "approximate")
