"""Claims on unseen phrasing (round 2 of the real-news work): short texts written in the
genre, read by the real model, for rules whose examples come from at least two articles of
the development set (named in each rule's docstring)."""

from __future__ import annotations

import datetime as dt

import pytest
from claim_texts import read

from isisgraph import reference
from isisgraph.namespaces import ID
from isisgraph.records import Article

ACTOR = str(ID) + "actor/"
PERSON = str(ID) + "person/"


def test_surname_of_a_person_named_in_full_who_had_not_spoken(pipeline, ref):
    text = (
        "The figures were given on Monday in a briefing by Brig. Gen. Matthew Harrow, the task "
        "force commander.\n\n"
        "The jets struck two mortar teams west of Ramadi, Harrow said.\n\n"
        "\u201cThe enemy is losing ground every week,\u201d Harrow said."
    )
    claims, persons = read(pipeline, ref, text)
    assert [c.claimant for c in claims] == [PERSON + "matthew-harrow"] * 2
    assert [p.name for p in persons] == ["Matthew Harrow"]


def test_a_headline_s_title_verb_the_tagger_read_as_a_noun_attributes_the_headline(pipeline, ref):
    text = (
        "Islamic State Claims Bombing at Checkpoint near Tikrit\n\n"
        "A car bomb killed four soldiers at a checkpoint north of Tikrit on Sunday, police said."
    )
    claims, _ = read(pipeline, ref, text)
    headline = [c for c in claims if c.span.start == 0]
    assert [(c.claimant, c.claim_type, c.extractor) for c in headline] == [
        (ACTOR + "isis", "responsibility", "claims.headline.title-verb")
    ]
    assert headline[0].span.end == text.index("\n")


def test_a_headline_declaring_a_town_free_of_the_group_is_a_victory_declaration(pipeline, ref):
    text = (
        "SDF declares Tabqa free of ISIS after weeks of fighting\n\n"
        "The fighters entered the old town on Wednesday."
    )
    claims, _ = read(pipeline, ref, text)
    assert [(c.claimant, c.claim_type) for c in claims if c.span.start == 0] == [
        (ACTOR + "sdf", "victory-declaration")
    ]


def test_a_headline_whose_phrase_names_no_one_known_gives_no_claim(pipeline, ref):
    text = "Residents Report Heavy Shelling in Old City\n\nThe shelling went on through the night."
    claims, _ = read(pipeline, ref, text)
    assert claims == []


def test_a_headline_that_is_a_sentence_is_not_a_title(pipeline, ref):
    text = "ISIS claims the attack was revenge for its leader.\n\nNo one else has spoken."
    claims, _ = read(pipeline, ref, text)
    assert [c.extractor for c in claims if c.span.start == 0] != ["claims.headline.title-verb"]


def test_a_headline_s_continuing_verb_attributes_nothing(pipeline, ref):
    text = "US Continues Air Strikes Against ISIL Near Sinjar\n\nThe jets struck two trucks."
    claims, _ = read(pipeline, ref, text)
    assert claims == []


def test_a_statement_released_saying_something_is_its_issuer_s_claim(pipeline, ref):
    text = (
        "Later on Tuesday, the SDF released a statement saying that its fighters had killed "
        "three ISIS members near Hajin."
    )
    (claim,), _ = read(pipeline, ref, text)
    assert (claim.claimant, claim.channel, claim.extractor) == (
        ACTOR + "sdf", "statement", "claims.statements.issued")


def test_a_statement_issued_by_an_agent_is_the_agent_s_claim(pipeline, ref):
    text = (
        "The news follows a statement issued by the Pentagon on Monday listing Jordan among "
        "the countries that struck targets in Syria."
    )
    (claim,), _ = read(pipeline, ref, text)
    assert claim.claimant == ACTOR + "us-military"  # "the Pentagon" is its label
    assert claim.when is not None and claim.when.start == dt.date(2016, 5, 9)


def test_a_statement_released_with_nothing_said_in_it_is_no_claim(pipeline, ref):
    text = "The SDF released a statement on Tuesday.\n\nThe SDF did not release a statement saying it won."
    claims, _ = read(pipeline, ref, text)
    assert claims == []


def test_the_britain_based_group_is_the_monitor_that_spoke_before_not_the_armed_group(pipeline, ref):
    text = (
        "IS jihadists shelled the town on Friday, the Syrian Observatory for Human Rights said. "
        "Fighting raged nearby, the Britain-based group said."
    )
    claims, _ = read(pipeline, ref, text)
    assert [c.claimant for c in claims] == [ACTOR + "sohr"] * 2
    assert claims[1].extractor.endswith("claims.descriptions.based-group")


def test_a_based_group_after_the_armed_group_spoke_is_nobody(pipeline, ref):
    text = (
        "IS said in a statement that its fighters shelled the town. "
        "Fighting raged nearby, the London-based group said."
    )
    claims, _ = read(pipeline, ref, text)
    assert [c.claimant for c in claims] == [ACTOR + "isis"]


def test_a_role_s_organisation_is_not_the_country_it_is_based_in(pipeline, ref):
    text = (
        "According to Rami Abdurrahman, the head of the U.K.-based Syrian Observatory for "
        "Human Rights, the militants withdrew from the village."
    )
    (claim,), _ = read(pipeline, ref, text)
    assert (claim.claimant, claim.on_behalf_of) == (PERSON + "rami-abdurrahman", ACTOR + "sohr")


def test_he_after_an_official_named_by_a_description_and_a_long_quote(pipeline, ref):
    text = (
        "Nechirvan Barzani said the town was free.\n\n"
        "A KRG official, speaking on condition of anonymity, welcomed the news.\n\n"
        "\u201cThis is a great day,\u201d the official said. \u201cWe waited a long time. "
        "We lost many men. We will rebuild.\n\n"
        "\u201cThe families can go home now,\u201d he added."
    )
    claims, _ = read(pipeline, ref, text)
    last = claims[-1]
    assert last.claimant == ACTOR + "krg" and "claims.speakers.he-last-official" in last.extractor


def test_a_that_clause_hung_on_the_medium_noun_is_the_speech_verb_s_content():
    from parses import parse

    from isisgraph.extract.claims.article import ClaimArticle
    from isisgraph.extract.claims.verbs import CONTENT_CLAUSE, reporting_rule

    doc = parse("""
        The        the        DET    DT   2   det
        cell       cell       NOUN   NN   3   nsubj
        said       say        VERB   VBD  0   ROOT
        in         in         ADP    IN   3   prep
        a          a          DET    DT   6   det
        statement  statement  NOUN   NN   4   pobj
        that       that       SCONJ  IN   9   mark
        jets       jet        NOUN   NNS  9   nsubj
        struck     strike     VERB   VBD  6   acl
        caves      cave       NOUN   NNS  9   dobj
        .          .          PUNCT  .    3   punct
    """)
    art = ClaimArticle(doc, Article(id="t", text=doc.text, source="test", published=None), reference.load())
    assert reporting_rule(art, doc[2], []) == CONTENT_CLAUSE
    doc[6].dep_ = "det"  # "said in a statement the jets struck caves": no that-clause
    art = ClaimArticle(doc, Article(id="t", text=doc.text, source="test", published=None), reference.load())
    assert reporting_rule(art, doc[2], []) is None


def test_a_speaker_the_parser_made_the_root_noun_of_its_speech_verb():
    from parses import parse

    from isisgraph.extract.claims.article import ClaimArticle
    from isisgraph.extract.claims.verbs import speaker_head

    table = """
        A         a         DET    DT   3   det
        military  military  ADJ    JJ   3   amod
        source    source    NOUN   NN   0   ROOT
        reported  report    VERB   VBN  3   {dep}
        that      that      SCONJ  IN   7   mark
        troops    troop     NOUN   NNS  7   nsubj
        entered   enter     VERB   VBD  4   {content}
        the       the       DET    DT   9   det
        town      town      NOUN   NN   7   dobj
        .         .         PUNCT  .    3   punct
    """
    doc = parse(table.format(dep="acl", content="ccomp"))
    art = ClaimArticle(doc, Article(id="t", text=doc.text, source="test", published=None), reference.load())
    assert speaker_head(art, doc[3]) == doc[2]
    doc = parse(table.format(dep="acl", content="advcl"))  # no content clause: a source who was reported
    art = ClaimArticle(doc, Article(id="t", text=doc.text, source="test", published=None), reference.load())
    assert speaker_head(art, doc[3]) is None


@pytest.mark.parametrize(("text", "claimant"), [
    ("Iraqi officials have repeatedly said that Ramadi will be retaken this year.", "iraqi-government"),
    ("Syrian officials said the army had entered the old city.", "syrian-regime"),
])
def test_officials_named_by_a_nationality_speak_for_its_government(pipeline, ref, text, claimant):
    (claim,), _ = read(pipeline, ref, text)
    assert claim.claimant == ACTOR + claimant


def test_officials_named_by_a_people_of_no_one_country_are_not_a_government(pipeline, ref):
    claims, _ = read(pipeline, ref, "Arab officials said the talks would resume on Monday.")
    assert claims == []


def test_an_estimating_verb_with_a_figure_noun_at_a_number_reports_a_figure(pipeline, ref):
    text = (
        "The group said it had killed 20 soldiers, while Iraqi officials have put the number "
        "at six."
    )
    claims, _ = read(pipeline, ref, text)
    put = [c for c in claims if c.extractor == "claims.verbs.put-at"]
    assert [c.claimant for c in put] == [ACTOR + "iraqi-government"]
    assert text[put[0].span.start:put[0].span.end] == "Iraqi officials have put the number at six"


def test_an_estimating_verb_without_a_number_reports_nothing(pipeline, ref):
    text = "Iraqi officials have put the number of checkpoints at the top of their list."
    claims, _ = read(pipeline, ref, text)
    assert claims == []


def test_a_relative_clause_of_a_noun_that_is_also_a_medium_reports_its_own_content():
    from parses import parse

    from isisgraph.extract.claims.article import ClaimArticle
    from isisgraph.extract.claims.verbs import CONTENT_CLAUSE, speech_verbs

    table = """
        Militants  militant  NOUN   NNS  2   nsubj
        attacked   attack    VERB   VBD  0   ROOT
        an         an        DET    DT   5   det
        army       army      NOUN   NN   5   compound
        post       post      NOUN   NN   2   dobj
        which      which     PRON   WDT  11  nsubj
        security   security  NOUN   NN   8   compound
        sources    source    NOUN   NNS  9   nsubj
        said       say       VERB   VBD  5   relcl
        had        have      AUX    VBD  11  aux
        killed     kill      VERB   VBN  9   {dep}
        two        two       NUM    CD   13  nummod
        soldiers   soldier   NOUN   NNS  11  dobj
        .          .         PUNCT  .    2   punct
    """
    doc = parse(table.format(dep="ccomp"))
    art = ClaimArticle(doc, Article(id="t", text=doc.text, source="test", published=None), reference.load())
    assert [(v.text, rule) for v, rule in speech_verbs(art, art.sents[0])] == [("said", CONTENT_CLAUSE)]
    doc = parse(table.format(dep="advcl"))  # "a post (they) said ...": no clause of its own
    art = ClaimArticle(doc, Article(id="t", text=doc.text, source="test", published=None), reference.load())
    assert speech_verbs(art, art.sents[0]) == []


def test_a_headline_s_medium_noun_is_no_title_verb(pipeline, ref):
    claims, _ = read(pipeline, ref, "Army Post Attacked Near Tuz Khurmatu\n\nTwo soldiers were wounded.")
    assert claims == []


def test_sources_named_by_a_nationality_alone_stay_unnamed(pipeline, ref):
    claims, _ = read(pipeline, ref, "Iraqi sources said the talks would resume on Monday.")
    assert [c.claimant for c in claims] != [ACTOR + "iraqi-government"]
