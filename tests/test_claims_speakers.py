"""Who speaks: the speaker rules (claims.speakers.*), persons (claims.persons.*), the roles
around a name (claims.roles.*) and definite descriptions (claims.descriptions.*), each on the
hand-built parse it was written for (tests/parses.py), where it fires and where it must not."""

from __future__ import annotations

import datetime as dt

import pytest
from parses import parse

from isisgraph import reference
from isisgraph.extract.claims import extract_claims
from isisgraph.extract.claims.article import ClaimArticle
from isisgraph.extract.claims.descriptions import (
    EARLIER_NOUN,
    GOVERNMENTS,
    LED_COALITION,
    NAMED_BEFORE,
    SAME_OFFICIALS,
    THE_GROUP,
)
from isisgraph.extract.claims.persons import MISSPELT_SURNAME, NAMED_PERSON, SURNAME, TITLED_NAME
from isisgraph.extract.claims.sources import STATE_BODY, UNNAMED_OFFICIAL
from isisgraph.extract.claims.speakers import (
    ACTOR,
    COUNTRY_VOICE,
    HE_LAST_OFFICIAL,
    HE_LAST_PERSON,
    HE_NAMED_BEFORE,
    HE_SUBJECT,
    IT_LAST_ORGANISATION,
    IT_SUBJECT,
    THEY_LAST_SPEAKER,
    resolve,
)
from isisgraph.extract.claims.verbs import CONTENT_CLAUSE, REPORTED_OBJECT
from isisgraph.iris import ID
from isisgraph.records import Article

ACTORS = ID + "actor/"
PERSONS = ID + "person/"
PUBLISHED = dt.date(2019, 5, 14)


@pytest.fixture(scope="module")
def ref():
    return reference.load()


def article_of(doc):
    return Article(id="t", text=doc.text, source="test", published=PUBLISHED)


def read(ref, table):
    """(claims, persons) of the parse."""
    doc = parse(table)
    return extract_claims(doc, article_of(doc), ref)


def speakers(ref, table, word):
    """What the phrase headed by ``word`` names, read on its own (no earlier speakers)."""
    doc = parse(table)
    head = next(t for t in doc if t.text == word)
    return resolve(ClaimArticle(doc, article_of(doc), ref), head, 0)


def rules(claims):
    return [c.extractor for c in claims]


# ----------------------------------------------------------------------------- claims.speakers.*

THE_SDF_SAID = """
    The     the     DET    DT   2   det
    SDF     SDF     PROPN  NNP  3   nsubj   B-ACTOR  actor/sdf
    said    say     VERB   VBD  0   ROOT
    the     the     DET    DT   5   det
    fight   fight   NOUN   NN   6   nsubj
    was     be      AUX    VBD  3   ccomp
    over    over    ADV    RB   6   advmod
    .       .       PUNCT  .    3   punct
"""


def test_claims_speakers_actor(ref):
    (speaker,) = speakers(ref, THE_SDF_SAID, "SDF")
    assert (speaker.claimant, speaker.rule, speaker.person) == (ACTORS + "sdf", ACTOR, None)


def test_claims_speakers_actor_not_the_backer_of_the_speaker(ref):
    table = """
        US        US       PROPN  NNP   3  npadvmod  B-ACTOR  actor/us  nospace
        -         -        PUNCT  HYPH  3  punct     nospace
        backed    back     VERB   VBN   4  amod
        fighters  fighter  NOUN   NNS   5  nsubj
        said      say      VERB   VBD   0  ROOT
        the       the      DET    DT    7  det
        town      town     NOUN   NN    9  nsubj
        had       have     AUX    VBD   9  aux
        fallen    fall     VERB   VBN   5  ccomp
        .         .        PUNCT  .     5  punct
    """
    assert speakers(ref, table, "fighters") == []
    assert read(ref, table) == ([], [])


def test_claims_speakers_country_voice(ref):
    (speaker,) = speakers(ref, """
        Baghdad  Baghdad  PROPN  NNP  2   nsubj      B-PLACE  place/baghdad
        said     say      VERB   VBD  0   ROOT
        on       on       ADP    IN   2   prep
        Monday   Monday   PROPN  NNP  3   pobj       B-DATE
        that     that     SCONJ  IN   10  mark
        the      the      DET    DT   7   det
        attack   attack   NOUN   NN   10  nsubjpass
        would    would    AUX    MD   10  aux
        be       be       AUX    VB   10  auxpass
        avenged  avenge   VERB   VBN  2   ccomp
        .        .        PUNCT  .    2   punct
    """, "Baghdad")
    assert (speaker.claimant, speaker.rule) == (ACTORS + "iraqi-government", COUNTRY_VOICE)


def test_claims_speakers_country_voice_not_a_place_the_speakers_come_from(ref):
    assert speakers(ref, """
        Residents  resident  NOUN   NNS  4  nsubj
        of         of        ADP    IN   1  prep
        Mosul      Mosul     PROPN  NNP  2  pobj       B-PLACE  place/mosul
        said       say       VERB   VBD  0  ROOT
        the        the       DET    DT   6  det
        attack     attack    NOUN   NN   9  nsubjpass
        would      would     AUX    MD   9  aux
        be         be        AUX    VB   9  auxpass
        avenged    avenge    VERB   VBN  4  ccomp
        .          .         PUNCT  .    4  punct
    """, "Residents") == []


HE_SAID = """
    He      he      PRON   PRP  {said}  nsubj
    said    say     VERB   VBD  0   ROOT
    the     the     DET    DT   {cells}  det
    cells   cell    NOUN   NNS  {remain}  nsubj
    remain  remain  VERB   VBP  {said}  ccomp
    .       .       PUNCT  .    {said}  punct
"""
CAGGINS_SAID = """
    Col      Col      PROPN  NNP   4   compound
    .        .        PROPN  NNP   4   compound
    Myles    Myles    PROPN  NNPS  4   compound  B-PERSON
    Caggins  Caggins  PROPN  NNPS  5   nsubj     I-PERSON
    said     say      VERB   VBD   0   ROOT
    the      the      DET    DT    7   det
    fight    fight    NOUN   NN    8   nsubj
    goes     go       VERB   VBZ   5   ccomp
    on       on       ADP    RP    8   prt
    .        .        PUNCT  .     5   punct
"""


def he_said_after(n):
    """ "He said the cells remain." after ``n`` tokens."""
    return HE_SAID.format(said=n + 2, cells=n + 4, remain=n + 5)


def test_claims_speakers_he_last_person(ref):
    claims, persons = read(ref, CAGGINS_SAID + he_said_after(10))
    assert [c.claimant for c in claims] == [PERSONS + "myles-caggins"] * 2
    assert rules(claims) == [CONTENT_CLAUSE, f"{CONTENT_CLAUSE}+{HE_LAST_PERSON}"]
    assert claims[1].confidence < claims[0].confidence
    assert [p.name for p in persons] == ["Myles Caggins"]


def test_claims_speakers_he_last_person_not_without_one(ref):
    assert read(ref, he_said_after(0)) == ([], [])


THE_SDF_COMMANDER_SAID = """
    The        the        DET    DT   3   det
    SDF        SDF        PROPN  NNP  3   compound  B-ACTOR  actor/sdf
    commander  commander  NOUN   NN   4   nsubj
    said       say        VERB   VBD  0   ROOT
    the        the        DET    DT   6   det
    fight      fight      NOUN   NN   7   nsubj
    was        be         AUX    VBD  4   ccomp
    over       over       ADV    RB   7   advmod
    .          .          PUNCT  .    4   punct
"""


def test_claims_speakers_he_last_official(ref):
    claims, persons = read(ref, THE_SDF_COMMANDER_SAID + he_said_after(9))
    assert [c.claimant for c in claims] == [ACTORS + "sdf"] * 2 and persons == []
    assert rules(claims)[1] == f"{CONTENT_CLAUSE}+{HE_LAST_OFFICIAL}"


def test_claims_speakers_he_last_official_not_an_organisation_by_its_name(ref):
    # "The SDF said": an organisation, not an unnamed official "he" could be
    claims, _ = read(ref, THE_SDF_SAID + he_said_after(8))
    assert rules(claims) == [CONTENT_CLAUSE]


def test_claims_speakers_he_named_before(ref):
    claims, persons = read(ref, """
        Col      Col      PROPN  NNP   4   compound
        .        .        PROPN  NNP   4   compound
        Myles    Myles    PROPN  NNPS  4   compound  B-PERSON
        Caggins  Caggins  PROPN  NNPS  5   nsubj     I-PERSON
        arrived  arrive   VERB   VBD   0   ROOT
        on       on       ADP    IN    5   prep
        Monday   Monday   PROPN  NNP   6   pobj      B-DATE
        .        .        PUNCT  .     5   punct
    """ + he_said_after(8))
    (claim,) = claims
    assert claim.claimant == PERSONS + "myles-caggins"
    assert claim.extractor == f"{CONTENT_CLAUSE}+{HE_NAMED_BEFORE}"


def test_claims_speakers_he_named_before_not_named_after(ref):
    assert read(ref, he_said_after(0) + """
        Col      Col      PROPN  NNP   10  compound
        .        .        PROPN  NNP   10  compound
        Myles    Myles    PROPN  NNPS  10  compound  B-PERSON
        Caggins  Caggins  PROPN  NNPS  11  nsubj     I-PERSON
        arrived  arrive   VERB   VBD   0   ROOT
        on       on       ADP    IN    11  prep
        Monday   Monday   PROPN  NNP   12  pobj      B-DATE
        .        .        PUNCT  .     11  punct
    """)[0] == []


RESIDENTS_FLED_IT_SAID = """
    Residents  resident   NOUN   NNS  {n2}  nsubj
    fled       flee       VERB   VBD  {n7}  ccomp
    the        the        DET    DT   {n4}  det
    town       town       NOUN   NN   {n2}  dobj
    ,          ,          PUNCT  ,    {n7}  punct
    it         it         PRON   PRP  {n7}  nsubj
    said       say        VERB   VBD  0   ROOT
    .          .          PUNCT  .    {n7}  punct
"""


def residents_fled_after(n):
    return RESIDENTS_FLED_IT_SAID.format(n2=n + 2, n4=n + 4, n7=n + 7)


def test_claims_speakers_it_subject(ref):
    (claim,), _ = read(ref, """
        The        the        DET    DT   2   det
        coalition  coalition  NOUN   NN   3   nsubj   B-ACTOR     actor/cjtf-oir
        struck     strike     VERB   VBD  10  ccomp
        ten        ten        NUM    CD   5   nummod  B-CARDINAL
        targets    target     NOUN   NNS  3   dobj
        near       near       ADP    IN   3   prep
        Hajin      Hajin      PROPN  NNP  6   pobj    B-PLACE     place/hajin
        ,          ,          PUNCT  ,    10  punct
        it         it         PRON   PRP  10  nsubj
        said       say        VERB   VBD  0   ROOT
        .          .          PUNCT  .    10  punct
    """)
    assert (claim.claimant, claim.extractor) == (ACTORS + "cjtf-oir", f"{CONTENT_CLAUSE}+{IT_SUBJECT}")


COALITION_SAID = """
    The        the        DET    DT   2   det
    coalition  coalition  NOUN   NN   3   nsubj   B-ACTOR     actor/cjtf-oir
    said       say        VERB   VBD  0   ROOT
    it         it         PRON   PRP  5   nsubj
    struck     strike     VERB   VBD  3   ccomp
    ten        ten        NUM    CD   7   nummod  B-CARDINAL
    targets    target     NOUN   NNS  5   dobj
    .          .          PUNCT  .    3   punct
"""


def test_claims_speakers_it_last_organisation(ref):
    claims, _ = read(ref, COALITION_SAID + residents_fled_after(8))
    assert [c.claimant for c in claims] == [ACTORS + "cjtf-oir"] * 2
    assert rules(claims)[1] == f"{CONTENT_CLAUSE}+{IT_LAST_ORGANISATION}"


def test_claims_speakers_it_subject_not_a_subject_that_names_no_one(ref):
    # "Residents" before "it" is no organisation: the last one that spoke is "it"
    claims, _ = read(ref, COALITION_SAID + residents_fled_after(8))
    assert IT_SUBJECT not in claims[1].extractor


def test_claims_speakers_it_last_organisation_not_without_one(ref):
    assert read(ref, residents_fled_after(0)) == ([], [])


THEY_SAID = """
    They    they   PRON   PRP  {said}  nsubj
    said    say    VERB   VBD  0   ROOT
    the     the    DET    DT   {fight}  det
    fight   fight  NOUN   NN   {was}  nsubj
    was     be     AUX    VBD  {said}  ccomp
    over    over   ADV    RB   {was}  advmod
    .       .      PUNCT  .    {said}  punct
"""


def test_claims_speakers_they_last_speaker(ref):
    claims, _ = read(ref, THE_SDF_SAID + THEY_SAID.format(said=10, fight=12, was=13))
    assert [c.claimant for c in claims] == [ACTORS + "sdf"] * 2
    assert rules(claims)[1] == f"{CONTENT_CLAUSE}+{THEY_LAST_SPEAKER}"


def test_claims_speakers_they_last_speaker_not_without_one(ref):
    assert read(ref, THEY_SAID.format(said=2, fight=4, was=5)) == ([], [])


# ----------------------------------------------------------------------------- claims.persons.*


def test_claims_persons_named(ref):
    (speaker,) = speakers(ref, CAGGINS_SAID, "Caggins")
    assert (speaker.claimant, speaker.rule, speaker.person.name) == (PERSONS + "myles-caggins", NAMED_PERSON,
                                                                    "Myles Caggins")


def test_claims_persons_named_not_a_person_in_the_content(ref):
    (claim,), persons = read(ref, """
        The      the      DET    DT    2  det
        SDF      SDF      PROPN  NNP   3  nsubj     B-ACTOR   actor/sdf
        said     say      VERB   VBD   0  ROOT
        Myles    Myles    PROPN  NNPS  5  compound  B-PERSON
        Caggins  Caggins  PROPN  NNPS  7  nsubj     I-PERSON
        had      have     AUX    VBD   7  aux
        left     leave    VERB   VBN   3  ccomp
        .        .        PUNCT  .     3  punct
    """)
    assert claim.claimant == ACTORS + "sdf" and persons == []


DILLION_SAID = """
    {title}
    Dillion  Dillion  PROPN  NNP  {said}  nsubj
    said     say      VERB   VBD  0   ROOT
    the      the      DET    DT   {city}  det
    city     city     NOUN   NN   {cleared}  nsubjpass
    is       be       AUX    VBZ  {cleared}  auxpass
    cleared  clear    VERB   VBN  {said}  ccomp
    .        .        PUNCT  .    {said}  punct
"""


def test_claims_persons_titled_name(ref):
    table = DILLION_SAID.format(title="Colonel  Colonel  PROPN  NNP  2  compound", said=3, city=5, cleared=7)
    (speaker,) = speakers(ref, table, "Dillion")
    assert (speaker.claimant, speaker.rule) == (PERSONS + "dillion", TITLED_NAME)


def test_claims_persons_titled_name_not_without_a_title(ref):
    assert read(ref, DILLION_SAID.format(title="", said=2, city=4, cleared=6)) == ([], [])


RYAN_DILLON_SAID = """
    Col      Col     PROPN  NNP  4   compound
    .        .       PROPN  NNP  4   compound
    Ryan     Ryan    PROPN  NNP  4   compound   B-PERSON
    Dillon   Dillon  PROPN  NNP  5   nsubj      I-PERSON
    said     say     VERB   VBD  0   ROOT
    the      the     DET    DT   7   det
    city     city    NOUN   NN   9   nsubjpass
    is       be      AUX    VBZ  9   auxpass
    cleared  clear   VERB   VBN  5   ccomp
    .        .       PUNCT  .    5   punct
"""
SURNAME_SAID = """
    {title}
    {name}   {name}  PROPN  NNP  {said}  nsubj
    said     say     VERB   VBD  0   ROOT
    the      the     DET    DT   {fight}  det
    fight    fight   NOUN   NN   {goes}  nsubj
    goes     go      VERB   VBZ  {said}  ccomp
    on       on      ADP    RP   {goes}  prt
    .        .       PUNCT  .    {said}  punct
"""


def test_claims_persons_surname(ref):
    claims, persons = read(ref, RYAN_DILLON_SAID + SURNAME_SAID.format(title="", name="Dillon", said=12, fight=14,
                                                                        goes=15))
    assert [c.claimant for c in claims] == [PERSONS + "ryan-dillon"] * 2 and len(persons) == 1
    assert rules(claims)[1] == f"{CONTENT_CLAUSE}+{SURNAME}"


def test_claims_persons_surname_not_another_name(ref):
    claims, _ = read(ref, RYAN_DILLON_SAID + SURNAME_SAID.format(title="", name="Dillinger", said=12, fight=14,
                                                                 goes=15))
    assert [c.claimant for c in claims] == [PERSONS + "ryan-dillon"]


def test_claims_persons_misspelt_surname(ref):
    title = "Colonel  Colonel  PROPN  NNP  12  compound"
    claims, _ = read(ref, RYAN_DILLON_SAID + SURNAME_SAID.format(title=title, name="Dillion", said=13, fight=15,
                                                                 goes=16))
    assert [c.claimant for c in claims] == [PERSONS + "ryan-dillon"] * 2
    assert rules(claims)[1] == f"{CONTENT_CLAUSE}+{MISSPELT_SURNAME}"
    assert claims[1].confidence == 0.6


def test_claims_persons_misspelt_surname_not_two_edits_away(ref):
    title = "Colonel  Colonel  PROPN  NNP  12  compound"
    claims, persons = read(ref, RYAN_DILLON_SAID + SURNAME_SAID.format(title=title, name="Dillane", said=13,
                                                                       fight=15, goes=16))
    assert [c.claimant for c in claims] == [PERSONS + "ryan-dillon", PERSONS + "dillane"]
    assert [p.name for p in persons] == ["Ryan Dillon", "Dillane"]


# ----------------------------------------------------------------------------- claims.roles.*


def person_of(ref, table):
    (claim,), (person,) = read(ref, table)
    assert claim.claimant == person.ref
    return claim, person


def test_claims_roles_appositive(ref):
    claim, person = person_of(ref, """
        Saad        Saad        PROPN  NNP   2   compound  B-PERSON
        Maan        Maan        PROPN  NNP   12  nsubj     I-PERSON
        ,           ,           PUNCT  ,     2   punct
        a           a           DET    DT    5   det
        spokesman   spokesman   NOUN   NN    2   appos
        for         for         ADP    IN    5   prep
        the         the         DET    DT    10  det
        Joint       Joint       PROPN  NNP   9   compound  B-ACTOR   actor/joint-operations-command
        Operations  Operations  PROPN  NNPS  10  compound  I-ACTOR   actor/joint-operations-command
        Command     Command     PROPN  NNP   6   pobj      I-ACTOR   actor/joint-operations-command
        ,           ,           PUNCT  ,     2   punct
        said        say         VERB   VBD   0   ROOT
        the         the         DET    DT    14  det
        fight       fight       NOUN   NN    15  nsubj
        goes        go          VERB   VBZ   12  ccomp
        on          on          ADP    RP    15  prt
        .           .           PUNCT  .     12  punct
    """)
    assert person.role == "spokesman for the Joint Operations Command"
    assert person.member_of == (ACTORS + "joint-operations-command",)
    assert claim.on_behalf_of == ACTORS + "joint-operations-command"


SAAD_MAAN_WHO_ARRIVED = """
    Saad     Saad    PROPN  NNP  2   compound  B-PERSON
    Maan     Maan    PROPN  NNP  9   nsubj     I-PERSON
    ,        ,       PUNCT  ,    2   punct
    who      who     PRON   WP   5   nsubj
    arrived  arrive  VERB   VBD  2   relcl
    on       on      ADP    IN   5   prep
    Monday   Monday  PROPN  NNP  6   pobj      B-DATE
    ,        ,       PUNCT  ,    2   punct
    said     say     VERB   VBD  0   ROOT
    the      the     DET    DT   11  det
    fight    fight   NOUN   NN   12  nsubj
    goes     go      VERB   VBZ  9   ccomp
    on       on      ADP    RP   12  prt
    .        .       PUNCT  .    9   punct
"""


def test_claims_roles_appositive_not_a_relative_clause(ref):
    _, person = person_of(ref, SAAD_MAAN_WHO_ARRIVED)
    assert (person.role, person.member_of) == (None, ())


def test_claims_roles_relative_clause(ref):
    _, person = person_of(ref, """
        Gen.     Gen.     PROPN  NNP  3   compound
        Joseph   Joseph   PROPN  NNP  3   compound  B-PERSON
        Votel    Votel    PROPN  NNP  11  nsubj     I-PERSON
        ,        ,        PUNCT  ,    3   punct
        who      who      PRON   WP   6   nsubj
        heads    head     VERB   VBZ  3   relcl
        U.S.     U.S.     PROPN  NNP  9   compound  B-ACTOR   actor/centcom
        Central  Central  PROPN  NNP  9   compound  I-ACTOR   actor/centcom
        Command  Command  PROPN  NNP  6   dobj      I-ACTOR   actor/centcom
        ,        ,        PUNCT  ,    3   punct
        said     say      VERB   VBD  0   ROOT
        the      the      DET    DT   13  det
        fight    fight    NOUN   NN   14  nsubj
        goes     go       VERB   VBZ  11  ccomp
        on       on       ADP    RP   14  prt
        .        .        PUNCT  .    11  punct
    """)
    assert (person.role, person.member_of) == ("heads U.S. Central Command", (ACTORS + "centcom",))


def test_claims_roles_relative_clause_not_of_another_verb(ref):
    _, person = person_of(ref, SAAD_MAAN_WHO_ARRIVED)  # "who arrived": no post
    assert person.role is None


def test_claims_roles_head_phrase(ref):
    _, person = person_of(ref, """
        The        the        DET    DT    2   det
        spokesman  spokesman  NOUN   NN    10  nsubj
        for        for        ADP    IN    2   prep
        the        the        DET    DT    5   det
        coalition  coalition  NOUN   NN    3   pobj      B-ACTOR   actor/cjtf-oir
        ,          ,          PUNCT  ,     2   punct
        Myles      Myles      PROPN  NNP   8   compound  B-PERSON
        Caggins    Caggins    PROPN  NNPS  2   appos     I-PERSON
        ,          ,          PUNCT  ,     2   punct
        said       say        VERB   VBD   0   ROOT
        the        the        DET    DT    12  det
        fight      fight      NOUN   NN    13  nsubj
        goes       go         VERB   VBZ   10  ccomp
        on         on         ADP    RP    13  prt
        .          .          PUNCT  .     10  punct
    """)
    assert (person.role, person.member_of) == ("spokesman for the coalition", (ACTORS + "cjtf-oir",))


def test_claims_roles_head_phrase_not_the_rank_before_the_name(ref):
    _, person = person_of(ref, """
        The        the        DET    DT    2   det
        spokesman  spokesman  NOUN   NN    12  nsubj
        for        for        ADP    IN    2   prep
        the        the        DET    DT    5   det
        coalition  coalition  NOUN   NN    3   pobj      B-ACTOR   actor/cjtf-oir
        ,          ,          PUNCT  ,     2   punct
        Col        Col        PROPN  NNP   10  compound  nospace
        .          .          PROPN  NNP   10  compound
        Myles      Myles      PROPN  NNP   10  compound  B-PERSON
        Caggins    Caggins    PROPN  NNPS  2   appos     I-PERSON
        ,          ,          PUNCT  ,     2   punct
        said       say        VERB   VBD   0   ROOT
        the        the        DET    DT    14  det
        fight      fight      NOUN   NN    15  nsubj
        goes       go         VERB   VBZ   12  ccomp
        on         on         ADP    RP    15  prt
        .          .          PUNCT  .     12  punct
    """)
    assert person.role == "spokesman for the coalition"


def test_claims_roles_head_phrase_not_when_the_name_heads_it(ref):
    _, person = person_of(ref, CAGGINS_SAID)  # "Col." is a rank, not a role
    assert person.role is None


def test_claims_roles_title(ref):
    _, person = person_of(ref, """
        Defense    Defense    PROPN  NNP  2  compound  B-ORG
        Secretary  Secretary  PROPN  NNP  4  compound
        Jim        Jim        PROPN  NNP  4  compound  B-PERSON
        Mattis     Mattis     PROPN  NNP  5  nsubj     I-PERSON
        said       say        VERB   VBD  0  ROOT
        the        the        DET    DT   7  det
        fight      fight      NOUN   NN   8  nsubj
        goes       go         VERB   VBZ  5  ccomp
        on         on         ADP    RP   8  prt
        .          .          PUNCT  .    5  punct
    """)
    assert person.role == "Defense Secretary"


def test_claims_roles_title_not_an_organisation_s_name(ref):
    claim, person = person_of(ref, """
        UK      UK      PROPN  NNP  5   compound  B-ACTOR   actor/uk
        Maj.    Maj.    PROPN  NNP  5   compound
        Gen.    Gen.    PROPN  NNP  5   compound
        Felix   Felix   PROPN  NNP  5   compound  B-PERSON
        Gedney  Gedney  PROPN  NNP  6   nsubj     I-PERSON
        said    say     VERB   VBD  0   ROOT
        the     the     DET    DT   8   det
        fight   fight   NOUN   NN   9   nsubj
        goes    go      VERB   VBZ  6   ccomp
        on      on      ADP    RP   9   prt
        .       .       PUNCT  .    6   punct
    """)
    assert (person.role, person.member_of, claim.on_behalf_of) == (None, (ACTORS + "uk",), ACTORS + "uk")


# ----------------------------------------------------------------------------- claims.descriptions.*

PENTAGON_OFFICIALS_SAID = """
    Pentagon   Pentagon  PROPN  NNP  2   compound  B-ACTOR  actor/us-military
    officials  official  NOUN   NNS  3   nsubj
    said       say       VERB   VBD  0   ROOT
    the        the       DET    DT   5   det
    strikes    strike    NOUN   NNS  7   nsubj
    would      would     AUX    MD   7   aux
    continue   continue  VERB   VB   3   ccomp
    .          .         PUNCT  .    3   punct
"""
THE_US_OFFICIALS_SAID = """
    The        the       DET    DT   10  det
    campaign   campaign  NOUN   NN   11  nsubj
    is         be        AUX    VBZ  19  ccomp
    far        far       ADV    RB   11  advmod
    from       from      ADP    IN   12  prep
    over       over      ADV    RB   13  pcomp
    ,          ,         PUNCT  ,    19  punct
    the        the       DET    DT   18  det
    U.S.       U.S.      PROPN  NNP  18  compound  B-ACTOR  actor/us
    officials  official  NOUN   NNS  19  nsubj
    said       say       VERB   VBD  0   ROOT
    .          .         PUNCT  .    19  punct
"""


def test_claims_descriptions_same_officials(ref):
    claims, _ = read(ref, PENTAGON_OFFICIALS_SAID + THE_US_OFFICIALS_SAID)
    assert [c.claimant for c in claims] == [ACTORS + "us-military"] * 2
    assert rules(claims)[1] == f"{CONTENT_CLAUSE}+{SAME_OFFICIALS}"


def test_claims_descriptions_same_officials_not_without_the_definite_article(ref):
    (claim,), _ = read(ref, """
        U.S.       U.S.      PROPN  NNP  2   compound  B-ACTOR  actor/us
        officials  official  NOUN   NNS  3   nsubj
        said       say       VERB   VBD  0   ROOT
        the        the       DET    DT   5   det
        strikes    strike    NOUN   NNS  7   nsubj
        would      would     AUX    MD   7   aux
        continue   continue  VERB   VB   3   ccomp
        .          .         PUNCT  .    3   punct
    """)
    assert (claim.claimant, claim.extractor) == (ACTORS + "us", CONTENT_CLAUSE)


def test_claims_descriptions_governments(ref):
    claims, _ = read(ref, """
        Fighting     fighting    NOUN   NN   2   nsubj
        continues    continue    VERB   VBZ  0   ROOT
        between      between     ADP    IN   2   prep
        Iraq         Iraq        PROPN  NNP  3   pobj   B-PLACE  place/iraq
        and          and         CCONJ  CC   4   cc
        Syria        Syria       PROPN  NNP  4   conj   B-PLACE  place/syria
        ,            ,           PUNCT  ,    2   punct
        although     although    SCONJ  IN   15  mark
        the          the         DET    DT   10  det
        governments  government  NOUN   NNS  15  nsubj
        of           of          ADP    IN   10  prep
        both         both        DET    DT   13  det
        countries    country     NOUN   NNS  11  pobj
        have         have        AUX    VBP  15  aux
        declared     declare     VERB   VBN  2   advcl
        victory      victory     NOUN   NN   15  dobj
        .            .           PUNCT  .    2   punct
    """)
    assert [c.claimant for c in claims] == [ACTORS + "iraqi-government", ACTORS + "syrian-regime"]
    assert set(rules(claims)) == {f"{REPORTED_OBJECT}+{GOVERNMENTS}"}
    assert {c.claim_type for c in claims} == {"victory-declaration"}


def test_claims_descriptions_governments_not_without_countries(ref):
    assert read(ref, """
        The          the         DET    DT   2  det
        governments  government  NOUN   NNS  4  nsubj
        have         have        AUX    VBP  4  aux
        declared     declare     VERB   VBN  0  ROOT
        victory      victory     NOUN   NN   4  dobj
        .            .           PUNCT  .    4  punct
    """) == ([], [])


THE_MINISTRY_SAID = """
    The        the        DET    DT   {n2}  det
    ministry   ministry   NOUN   NN   {n3}  nsubj
    said       say        VERB   VBD  0   ROOT
    the        the        DET    DT   {n5}  det
    attackers  attacker   NOUN   NNS  {n6}  nsubj
    fled       flee       VERB   VBD  {n3}  ccomp
    .          .          PUNCT  .    {n3}  punct
"""


def test_claims_descriptions_earlier_noun(ref):
    claims, _ = read(ref, """
        Two        two        NUM    CD   2   nummod     B-CARDINAL
        soldiers   soldier    NOUN   NNS  4   nsubjpass
        were       be         AUX    VBD  4   auxpass
        killed     kill       VERB   VBN  0   ROOT
        ,          ,          PUNCT  ,    4   punct
        according  accord     VERB   VBG  4   prep
        to         to         ADP    IN   6   prep
        a          a          DET    DT   9   det
        statement  statement  NOUN   NN   7   pobj
        from       from       ADP    IN   9   prep
        the        the        DET    DT   13  det
        Peshmerga  Peshmerga  PROPN  NNP  13  compound   B-ACTOR     actor/peshmerga
        ministry   ministry   NOUN   NN   10  pobj
        .          .          PUNCT  .    4   punct
    """ + THE_MINISTRY_SAID.format(n2=16, n3=17, n5=19, n6=20))
    assert [c.claimant for c in claims] == [ACTORS + "peshmerga"] * 2
    assert rules(claims)[1] == f"{CONTENT_CLAUSE}+{EARLIER_NOUN}"


def test_claims_descriptions_earlier_noun_not_without_one(ref):
    assert read(ref, THE_MINISTRY_SAID.format(n2=2, n3=3, n5=5, n6=6)) == ([], [])


THE_GROUP_SAID = """
    The         the         DET    DT   {n9}   det
    group       group       NOUN   NN   {n10}  nsubj
    said        say         VERB   VBD  0   ROOT
    it          it          PRON   PRP  {n13}  nsubj
    had         have        AUX    VBD  {n13}  aux
    killed      kill        VERB   VBN  {n10}  ccomp
    four        four        NUM    CD   {n15}  nummod  B-CARDINAL
    soldiers    soldier     NOUN   NNS  {n13}  dobj
    .           .           PUNCT  .    {n10}  punct
"""


def the_group_said_after(n):
    return THE_GROUP_SAID.format(n9=n + 2, n10=n + 3, n13=n + 6, n15=n + 8)


def test_claims_descriptions_the_group(ref):
    claims, _ = read(ref, """
        ISIS        isis        NOUN   NN   2   nsubj   B-ACTOR     actor/isis
        attacked    attack      VERB   VBD  0   ROOT
        a           a           DET    DT   4   det
        checkpoint  checkpoint  NOUN   NN   2   dobj
        near        near        ADP    IN   4   prep
        Tikrit      Tikrit      PROPN  NNP  5   pobj    B-PLACE     place/tikrit
        .           .           PUNCT  .    2   punct
    """ + the_group_said_after(7))
    (claim,) = claims
    assert (claim.claimant, claim.extractor) == (ACTORS + "isis", f"{CONTENT_CLAUSE}+{THE_GROUP}")
    assert claim.confidence == 0.65  # named as the agent: 0.7, less 0.05 for an unstated date


def test_claims_descriptions_the_group_not_without_an_armed_group(ref):
    assert read(ref, the_group_said_after(0)) == ([], [])


THE_US_LED_OPERATION_SAID = """
    The        the        DET    DT    {n12}  det
    US         US         PROPN  NNP   {n11}  npadvmod  B-ACTOR      actor/us                    nospace
    -          -          PUNCT  HYPH  {n11}  punct     nospace
    led        lead       VERB   VBN   {n12}  amod
    operation  operation  NOUN   NN    {n13}  nsubj
    said       say        VERB   VBD   0   ROOT
    it         it         PRON   PRP   {n15}  nsubj
    conducted  conduct    VERB   VBD   {n13}  ccomp
    99         99         NUM    CD    {n17}  nummod    B-CARDINAL
    strikes    strike     NOUN   NNS   {n15}  dobj
    .          .          PUNCT  .     {n13}  punct
"""


def us_led_operation_said_after(n):
    return THE_US_LED_OPERATION_SAID.format(n11=n + 4, n12=n + 5, n13=n + 6, n15=n + 8, n17=n + 10)


def test_claims_descriptions_led_coalition(ref):
    claims, _ = read(ref, """
        Operation  Operation  PROPN  NNP   3   compound  B-OPERATION  operation/inherent-resolve
        Inherent   Inherent   PROPN  NNP   3   compound  I-OPERATION  operation/inherent-resolve
        Resolve    Resolve    PROPN  NNP   4   nsubj     I-OPERATION  operation/inherent-resolve
        began      begin      VERB   VBD   0   ROOT
        in         in         ADP    IN    4   prep
        2014       2014       NUM    CD    5   pobj      B-DATE
        .          .          PUNCT  .     4   punct
    """ + us_led_operation_said_after(7))
    (claim,) = claims
    assert (claim.claimant, claim.extractor) == (ACTORS + "cjtf-oir", f"{CONTENT_CLAUSE}+{LED_COALITION}")


def test_claims_descriptions_led_coalition_not_without_a_coalition_named(ref):
    assert read(ref, us_led_operation_said_after(0)) == ([], [])


# ----------------------------------------------------------------------------- claims.sources.*

UNNAMED_SOURCE = """
    Three     three     NUM    CD   3   nummod
    Syrian    Syrian    PROPN  NNP  3   compound   B-ACTOR  actor/syrian-arab-army
    troops    troop     NOUN   NNS  5   nsubjpass  I-ACTOR  actor/syrian-arab-army
    were      be        AUX    VBD  5   auxpass
    killed    kill      VERB   VBN  12  ccomp
    near      near      ADP    IN   5   prep
    Palmyra   Palmyra   PROPN  NNP  6   pobj       B-PLACE  place/palmyra
    ,         ,         PUNCT  ,    12  punct
    {source}
    said      say       VERB   VBD  0   ROOT
    .         .         PUNCT  .    12  punct
"""


def test_claims_sources_unnamed_official(ref):
    # Fars: "The Syrian Army troops have laid a complete siege ..., military sources confirmed";
    # Islam Times: "SANA news agency quoted a military source"
    (claim,) = read(ref, UNNAMED_SOURCE.format(source="""
        a         a         DET    DT   11  det
        military  military  ADJ    JJ   11  amod
        source    source    NOUN   NN   12  nsubj
    """))[0]
    assert claim.claimant == ACTORS + "syrian-arab-army"
    assert claim.extractor == f"{CONTENT_CLAUSE}+{UNNAMED_OFFICIAL}"


def test_claims_sources_unnamed_official_security_forces_of_the_country(ref):
    # "a military source" in an Iraqi report is the Iraqi security forces (a security source
    # names a sector, no body: the guideline), whichever Iraqi unit the sentence names
    table = UNNAMED_SOURCE.replace("Syrian    Syrian", "Iraqi     Iraqi")
    table = table.replace("actor/syrian-arab-army", "actor/iraqi-army")
    table = table.replace("place/palmyra", "place/kirkuk").replace("Palmyra   Palmyra", "Kirkuk    Kirkuk ")
    (claim,) = read(ref, table.format(source="""
        a         a         DET    DT   11  det
        military  military  NOUN   NN   11  compound
        source    source    NOUN   NN   12  nsubj
    """))[0]
    assert claim.claimant == ACTORS + "isf"


def test_claims_sources_unnamed_official_not_a_source_of_no_kind(ref):
    assert read(ref, UNNAMED_SOURCE.format(source="""
        a         a         DET    DT   11  det
        family    family    NOUN   NN   11  compound
        source    source    NOUN   NN   12  nsubj
    """)) == ([], [])


def test_claims_sources_unnamed_official_the_army_of_the_country(ref):
    # Rudaw: "Iraqi warplanes carried out several airstrikes ..., the army said" → the Iraqi army
    (speaker,) = speakers(ref, """
        Iraqi      Iraqi     ADJ    JJ   2   amod   B-ACTOR  actor/iraqi-air-force
        warplanes  warplane  NOUN   NNS  3   nsubj  I-ACTOR  actor/iraqi-air-force
        struck     strike    VERB   VBD  11  ccomp
        a          a         DET    DT   5   det
        cave       cave      NOUN   NN   3   dobj
        near       near      ADP    IN   5   prep
        Hawija     Hawija    PROPN  NNP  6   pobj   B-PLACE  place/hawija
        ,          ,         PUNCT  ,    11  punct
        the        the       DET    DT   10  det
        army       army      NOUN   NN   11  nsubj
        said       say       VERB   VBD  0   ROOT
        .          .         PUNCT  .    11  punct
    """, "army")
    assert (speaker.claimant, speaker.rule) == (ACTORS + "iraqi-army", UNNAMED_OFFICIAL)


def test_claims_sources_unnamed_official_not_without_a_country(ref):
    assert speakers(ref, """
        The       the       DET    DT   2   det
        army      army      NOUN   NN   3   nsubj
        said      say       VERB   VBD  0   ROOT
        the       the       DET    DT   5   det
        town      town      NOUN   NN   6   nsubj
        fell      fall      VERB   VBD  3   ccomp
        .         .         PUNCT  .    3   punct
    """, "army") == []


STATE_BODY_SAID = """
    Four      four      NUM    CD   3   nummod
    Iraqi     Iraqi     ADJ    JJ   3   amod       B-ACTOR  actor/isf
    soldiers  soldier   NOUN   NNS  5   nsubjpass  I-ACTOR  actor/isf
    were      be        AUX    VBD  5   auxpass
    wounded   wound     VERB   VBN  14  ccomp
    in        in        ADP    IN   5   prep
    Kirkuk    Kirkuk    PROPN  NNP  6   pobj       B-PLACE  place/kirkuk
    ,         ,         PUNCT  ,    14  punct
    the       the       DET    DT   10  det
    country   country   NOUN   NN   13  poss
    's        's        PART   POS  10  case
    {body}    {body}    PROPN  NNP  13  compound
    Ministry  Ministry  PROPN  NNP  14  nsubj
    said      say       VERB   VBD  0   ROOT
    .         .         PUNCT  .    14  punct
"""


def test_claims_sources_state_body(ref):
    # Anadolu: "the country's Interior Ministry said" → the Iraqi government; Daily Sabah: "A
    # National Security Council press release stated" → Turkey
    (speaker,) = speakers(ref, STATE_BODY_SAID.format(body="Interior"), "Ministry")
    assert (speaker.claimant, speaker.rule) == (ACTORS + "iraqi-government", STATE_BODY)


def test_claims_sources_state_body_a_defence_ministry_is_the_armed_forces(ref):
    # Defense Post: "the French defense ministry said"; Tasnim: "Russia's Defense Ministry"
    (speaker,) = speakers(ref, STATE_BODY_SAID.format(body="Defence"), "Ministry")
    assert (speaker.claimant, speaker.rule) == (ACTORS + "isf", STATE_BODY)


def test_claims_sources_state_body_own_country_of_the_phrase(ref):
    (speaker,) = speakers(ref, """
        The       the       DET    DT    4   det
        French    french    ADJ    JJ    4   amod      B-NORP
        defence   defence   NOUN   NN    4   compound
        ministry  ministry  PROPN  NNP   5   nsubj
        said      say       VERB   VBD   0   ROOT
        its       its       PRON   PRP$  7   poss
        jets      jet       NOUN   NNS   8   nsubj
        struck    strike    VERB   VBD   5   ccomp
        a         a         DET    DT    10  det
        depot     depot     NOUN   NN    8   dobj
        .         .         PUNCT  .     5   punct
    """, "ministry")
    assert speaker.claimant == ACTORS + "french-armed-forces"


def test_claims_sources_state_body_not_a_body_of_no_state(ref):
    assert speakers(ref, """
        The       the       DET    DT    2   det
        ministry  ministry  NOUN   NN    3   nsubj
        said      say       VERB   VBD   0   ROOT
        the       the       DET    DT    5   det
        road      road      NOUN   NN    6   nsubj
        reopened  reopen    VERB   VBD   3   ccomp
        .         .         PUNCT  .     3   punct
    """, "ministry") == []


def test_claims_sources_state_body_defence_words_turn_a_named_government_into_its_forces(ref):
    # Tasnim: "according to a statement by Russia's Defense Ministry" → the Russian armed forces
    (speaker,) = speakers(ref, """
        Russia    Russia    PROPN  NNP  4   poss      B-ACTOR  actor/russia
        's        's        PART   POS  1   case
        Defense   Defense   PROPN  NNP  4   compound
        Ministry  Ministry  PROPN  NNP  5   nsubj
        said      say       VERB   VBD  0   ROOT
        the       the       DET    DT   7   det
        convoy    convoy    NOUN   NN   8   nsubjpass
        was       be        AUX    VBD  9   auxpass
        destroyed destroy   VERB   VBN  5   ccomp
        .         .         PUNCT  .    5   punct
    """, "Ministry")
    assert speaker.claimant == ACTORS + "russian-armed-forces"


SHE_TOLD = """
    The        the        DET    DT   3   det
    SDF        SDF        PROPN  NNP  3   compound  B-ACTOR  actor/sdf
    commander  commander  NOUN   NN   4   nsubj
    said       say        VERB   VBD  0   ROOT
    the        the        DET    DT   6   det
    town       town       NOUN   NN   7   nsubj
    fell       fall       VERB   VBD  4   ccomp
    .          .          PUNCT  .    4   punct
    Umm        Umm        PROPN  NNP  10  compound  B-PERSON
    Ali        Ali        PROPN  NNP  11  {ali}     I-PERSON
    fled       flee       VERB   VBD  23  ccomp
    the        the        DET    DT   13  det
    town       town       NOUN   NN   11  {town}
    on         on         ADP    IN   11  prep
    Friday     Friday     PROPN  NNP  14  pobj      B-DATE
    \u201c          "          PUNCT  ``   19  punct
    Many       many       ADJ    JJ   18  amod
    fighters   fighter    NOUN   NNS  19  nsubj
    remain     remain     VERB   VBP  23  ccomp
    ,          ,          PUNCT  ,    23  punct
    \u201d          "          PUNCT  ''   23  punct
    she        she        PRON   PRP  23  nsubj
    told       tell       VERB   VBD  0   ROOT
    AP         AP         PROPN  NNP  23  dobj      B-ORG
    .          .          PUNCT  .    23  punct
"""


def test_claims_speakers_he_subject(ref):
    # Al Jazeera: "Umm Mohammed, a 38-year-old Syrian, left Baghouz ... “There are many fighters
    # and families inside,” she told AP." — not the SDF's Mustafa Bali who spoke before
    _, told = read(ref, SHE_TOLD.format(ali="nsubj", town="dobj"))[0]
    assert told.claimant == PERSONS + "umm-ali"
    assert told.extractor == f"{CONTENT_CLAUSE}+{HE_SUBJECT}"


def test_claims_speakers_he_subject_not_a_person_who_is_no_subject(ref):
    # "the town of Umm Ali": the name is no subject; "she" is the last speaker
    _, told = read(ref, SHE_TOLD.format(ali="pobj", town="nsubj"))[0]
    assert told.claimant != PERSONS + "umm-ali"


MEDIA_OFFICE = """
    The       the      DET    DT   2   det
    head      head     NOUN   NN   8   nsubj
    of        of       ADP    IN   2   prep
    the       the      DET    DT   7   det
    SDF       SDF      PROPN  NNP  7   compound   B-ACTOR  actor/sdf
    media     media    NOUN   NN   7   compound
    office    office   NOUN   NN   3   pobj
    said      say      VERB   VBD  0   ROOT
    the       the      DET    DT   10  det
    town      town     NOUN   NN   11  nsubj
    fell      fall     VERB   VBD  8   ccomp
    .         .        PUNCT  .    8   punct
    Two       two      NUM    CD   14  nummod
    fighters  fighter  NOUN   NNS  16  nsubjpass
    were      be       AUX    VBD  16  auxpass
    wounded   wound    VERB   VBN  21  ccomp
    ,         ,        PUNCT  ,    21  punct
    the       the      DET    DT   20  det
    {media}   {media}  NOUN   NN   20  compound
    office    office   NOUN   NN   21  nsubj
    said      say      VERB   VBD  0   ROOT
    .         .        PUNCT  .    21  punct
"""


def test_claims_descriptions_named_before(ref):
    # Al Jazeera: "the head of the SDF media office, Mustafa Bali" ... "the media office said in
    # an update"; Rudaw: "the country’s Security Media Cell said" ... "the cell added"
    _, second = read(ref, MEDIA_OFFICE.format(media="media"))[0]
    assert second.claimant == ACTORS + "sdf"
    assert second.extractor == f"{CONTENT_CLAUSE}+{NAMED_BEFORE}"


def test_claims_descriptions_named_before_not_another_office(ref):
    # "the press office": not the SDF media office named before
    found, _ = read(ref, MEDIA_OFFICE.format(media="press"))
    assert len(found) == 1


OFFICIALS_AGAIN = """
    Combined     combined    ADJ    JJ   8   amod      B-ACTOR  actor/cjtf-oir
    Joint        Joint       PROPN  NNP  7   compound  I-ACTOR  actor/cjtf-oir
    Task         Task        PROPN  NNP  4   compound  I-ACTOR  actor/cjtf-oir
    Force        Force       PROPN  NNP  7   compound  I-ACTOR  actor/cjtf-oir
    Operation    Operation   PROPN  NNP  4   appos     I-ACTOR  actor/cjtf-oir
    Inherent     Inherent    PROPN  NNP  7   compound  I-ACTOR  actor/cjtf-oir
    Resolve      Resolve     PROPN  NNP  8   compound  I-ACTOR  actor/cjtf-oir
    officials    official    NOUN   NNS  9   nsubj
    reported     report      VERB   VBD  0   ROOT
    today        today       NOUN   NN   9   npadvmod  B-DATE
    that         that        SCONJ  IN   13  mark
    strikes      strike      NOUN   NNS  13  nsubj
    continued    continue    VERB   VBD  9   ccomp
    .            .           PUNCT  .    9   punct
    {some}
    Officials    official    NOUN   NNS  {reported}  nsubj
    reported     report      VERB   VBD  0   ROOT
    details      detail      NOUN   NNS  {reported}  dobj
    .            .           PUNCT  .    {reported}  punct
"""


def test_claims_descriptions_earlier_noun_bare_plural_officials(ref):
    # defense.gov: "... Combined Joint Task Force Operation Inherent Resolve officials reported
    # today. ⏎ Officials reported details of yesterday’s strikes" (as "the sources said" of Fars)
    _, second = read(ref, OFFICIALS_AGAIN.format(some="", reported=16))[0]
    assert second.claimant == ACTORS + "cjtf-oir"
    assert EARLIER_NOUN in second.extractor


def test_claims_descriptions_earlier_noun_not_some_other_officials(ref):
    found, _ = read(ref, OFFICIALS_AGAIN.format(some="    Some         some        DET    DT   16  det", reported=17))
    assert len(found) == 1


TASK_FORCE_OFFICIALS = """
    Combined   combined   ADJ    JJ   7   amod      B-ACTOR  actor/cjtf-oir
    Joint      Joint      PROPN  NNP  7   compound  I-ACTOR  actor/cjtf-oir
    Task       Task       PROPN  NNP  4   compound  I-ACTOR  actor/cjtf-oir
    Force      Force      PROPN  NNP  5   compound  I-ACTOR  actor/cjtf-oir
    Operation  Operation  PROPN  NNP  7   compound  I-ACTOR  actor/cjtf-oir
    Inherent   Inherent   PROPN  NNP  7   compound  I-ACTOR  actor/cjtf-oir
    Resolve    Resolve    PROPN  NNP  8   nsubj     I-ACTOR  actor/cjtf-oir
    struck     strike     VERB   VBD  0   ROOT
    ISIS       ISIS       PROPN  NNP  8   dobj      B-ACTOR  actor/isis
    .          .          PUNCT  .    8   punct
    Morale     morale     NOUN   NN   13  nsubj
    is         be         AUX    VBZ  13  aux
    sinking    sink       VERB   VBG  18  ccomp
    ,          ,          PUNCT  ,    18  punct
    {task}     {task}     NOUN   NN   16  compound
    force      force      NOUN   NN   17  compound
    officials  official   NOUN   NNS  18  nsubj
    said       say        VERB   VBD  0   ROOT
    .          .          PUNCT  .    18  punct
"""


def test_claims_descriptions_named_before_officials_of_a_name(ref):
    # defense.gov: "ISIS morale is sinking ..., task force officials said" after "Combined Joint
    # Task Force Operation Inherent Resolve and its partners ..."
    (claim,) = read(ref, TASK_FORCE_OFFICIALS.format(task="task"))[0]
    assert claim.claimant == ACTORS + "cjtf-oir"
    assert NAMED_BEFORE in claim.extractor


def test_claims_descriptions_named_before_not_officials_of_another_name(ref):
    assert read(ref, TASK_FORCE_OFFICIALS.format(task="police")) == ([], [])


DEFENSE_OFFICIAL = """
    The       the       DET    DT   2   det
    Pentagon  Pentagon  PROPN  NNP  3   nsubj     B-ACTOR  actor/us-military
    weighed   weigh     VERB   VBD  0   ROOT
    new       new       ADJ    JJ   5   amod
    strikes   strike    NOUN   NNS  3   dobj
    .         .         PUNCT  .    3   punct
    {open}         "         PUNCT  ``   20  punct
    We        we        PRON   PRP  9   nsubj
    are       be        AUX    VBP  20  ccomp
    ready     ready     ADJ    JJ   9   acomp
    to        to        PART   TO   12  aux
    strike    strike    VERB   VB   10  xcomp
    in        in        ADP    IN   12  prep
    Syria     Syria     PROPN  NNP  13  pobj      B-PLACE  place/syria
    ,         ,         PUNCT  ,    20  punct
    {close}         "         PUNCT  ''   20  punct
    a         a         DET    DT   19  det
    defense   defense   NOUN   NN   19  compound
    official  official  NOUN   NN   20  nsubj
    said      say       VERB   VBD  0   ROOT
    .         .         PUNCT  .    20  punct
"""


def test_claims_sources_state_body_not_of_a_place_named_in_the_quote(ref):
    # genre set, wire_syria_debate: "“If the president orders strikes in Syria, we will be
    # ready ...,” a senior defense official said" after the Pentagon's plans: American
    (claim,) = [c for c in read(ref, DEFENSE_OFFICIAL.format(open="\u201c", close="\u201d"))[0]
                if c.extractor.endswith(STATE_BODY)]
    assert claim.claimant == ACTORS + "us-military"


def test_claims_sources_state_body_of_a_place_of_the_sentence(ref):
    # the same words unquoted: Syria is where the sentence's news is
    (claim,) = [c for c in read(ref, DEFENSE_OFFICIAL.format(open="--", close="--"))[0]
                if c.extractor.endswith(STATE_BODY)]
    assert claim.claimant == ACTORS + "syrian-arab-army"
