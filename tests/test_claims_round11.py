"""Claims of round 11 of the real-news work. Our own sentences, written in the genre; each
rule's docstring names the development articles it was seen in."""

from __future__ import annotations

import datetime as dt

import pytest

from isisgraph.extract.claims import extract_claims
from isisgraph.nlp import article_doc
from isisgraph.records import Article


def read(pipeline, ref, text, published=dt.date(2019, 4, 2), publisher=None):  # noqa: ANN001, ANN201
    """The claims of ``text`` parsed as the build parses an article of ``publisher``."""
    article = Article(id="t", text=text, source="test", published=published, publisher=publisher)
    return extract_claims(pipeline(article_doc(pipeline, text, published)), article, ref)


def by_rule(claims, rule: str) -> list[tuple[str, str]]:  # noqa: ANN001 (records.Claim)
    return [(c.claimant.rsplit("/", 1)[-1], c.claim_type) for c in claims if rule in c.extractor]


# ---------------------------------------------------------------- an attack claimed by a group


@pytest.mark.parametrize("text", [
    "The blast, which was claimed by Daesh through its Amaq agency, wounded 14 people at a checkpoint in Tikrit.",
    "Residents buried the dead of Monday's ambush near Baiji, an ambush later claimed by ISIS.",
    "Two guards were hurt in a bombing on Friday claimed by the Islamic State at the gate of the prison.",
])
def test_claims_verbs_claimed_attack(pipeline, ref, text):
    claims, _ = read(pipeline, ref, text)
    assert by_rule(claims, "claims.verbs.claimed-attack") == [("isis", "responsibility")]


@pytest.mark.parametrize("text", [
    # a tally of many attacks over years: background, not a claim the news reports
    "Hundreds of civilians have died in bombings claimed by the group since 2015.",
    # land claimed by two governments: no attack, no claim at all
    "The oil fields, claimed by both the Kurdish authorities and Baghdad, were shut on Monday.",
    "Gunmen attacked a village that is claimed by both Baghdad and the Kurdish region.",
])
def test_claims_verbs_claimed_attack_not_a_tally_nor_land(pipeline, ref, text):
    claims, _ = read(pipeline, ref, text)
    assert claims == []


# ---------------------------------------------------------------- "..., the statement continued"


@pytest.mark.parametrize(("text", "speaker"), [
    ("\u201cOur units hold the ridge,\u201d Brig. Gen. Omar Saleh said on Sunday. \u201cThe militants have fled "
     "into the desert,\u201d Saleh continued.", "omar-saleh"),
    ("Coalition forces conducted 14 strikes in Syria, CJTF-OIR said in a statement on Tuesday. Near Hajin, four "
     "strikes destroyed two ISIS vehicles and a weapons cache, the statement continued.", "cjtf-oir"),
    ("The Pentagon said its drones struck a convoy near Abu Kamal. \u201cEleven fighters died in the strike,\u201d "
     "it continued.", "us-military"),
])
def test_claims_verbs_continued_after(pipeline, ref, text, speaker):
    claims, _ = read(pipeline, ref, text)
    assert [s for s, _ in by_rule(claims, "claims.verbs.continued-after")] == [speaker]


@pytest.mark.parametrize("text", [
    "The SDF said it had cut the last road into the town. Heavy fighting continued through the night.",
    "The SDF said it had cut the last road into the town. Its fighters continued to clear the houses on Monday.",
])
def test_claims_verbs_continued_after_not_an_act_that_goes_on(pipeline, ref, text):
    claims, _ = read(pipeline, ref, text)
    assert len(claims) == 1 and by_rule(claims, "claims.verbs.continued-after") == []


# ---------------------------------------------------------------- "he" after an unnamed source


@pytest.mark.parametrize(("text", "speaker"), [
    ("A Peshmerga source told Rudaw that militants attacked a village near Makhmour. \u201cThey used mortars and "
     "rockets,\u201d he added.", "peshmerga"),
    ("An SDF military source said two cells were dismantled near Shaddadi on Monday. He said the raid was backed "
     "by coalition helicopters.", "sdf"),
    ("Iraqi troops retook the district on Monday, a military source said. \u201cThe militants left mines in the "
     "houses,\u201d he told reporters.", "isf"),
])
def test_claims_speakers_he_last_official_after_a_source(pipeline, ref, text, speaker):
    claims, _ = read(pipeline, ref, text)
    assert [c.claimant.rsplit("/", 1)[-1] for c in claims if "he-last-official" in c.extractor] == [speaker]


def test_claims_speakers_he_after_a_source_and_a_named_spokesman_is_the_spokesman(pipeline, ref):
    claims, _ = read(pipeline, ref, "A security source in the SDF said two cells were dismantled near Shaddadi. "
                     "SDF spokesman Farhad Shami said the raids would go on. \u201cWe will not stop,\u201d he added.")
    assert [c.claimant.rsplit("/", 1)[-1] for c in claims if "claims.speakers.he-" in c.extractor] == ["farhad-shami"]


# ---------------------------------------------------------------- a speaker after an abbreviated title

TITLED = [
    ("Gunmen opened fire on a checkpoint near Tarmiyah on Sunday, killing two policemen, said Lt. Col. Sarah "
     "Jennings, a coalition spokeswoman.", "sarah-jennings"),
    ("\u201cThe bridge is ours again,\u201d said Brig. Gen. Omar Saleh of the Iraqi army.", "omar-saleh"),
    ("Six militants died in the raid near Hawija, the army's spokesman Maj. Hussein Ali told reporters on "
     "Monday.", "hussein-ali"),
]


@pytest.mark.parametrize(("text", "speaker"), TITLED)
def test_an_abbreviated_title_ends_no_sentence(pipeline, text, speaker):
    doc = pipeline(article_doc(pipeline, text, dt.date(2019, 4, 2)))
    assert len(list(doc.sents)) == 1


def test_a_title_word_in_lower_case_still_ends_its_sentence(pipeline):
    text = "The battalion was led by a general. Major roads into the city were closed on Friday."
    doc = pipeline(article_doc(pipeline, text, dt.date(2019, 4, 2)))
    assert [s.text.split()[0] for s in doc.sents] == ["The", "Major"]


@pytest.mark.parametrize(("text", "speaker"), TITLED)
def test_a_title_the_parser_made_a_subject_is_not_the_speaker(pipeline, ref, text, speaker):
    claims, _ = read(pipeline, ref, text)
    assert [c.claimant.rsplit("/", 1)[-1] for c in claims] == [speaker]


def test_claims_speaker_head_skips_a_title_the_parser_made_a_subject(ref):
    from parses import parse

    from isisgraph.extract.claims.article import ClaimArticle
    from isisgraph.extract.claims.speaker_heads import speaker_head

    doc = parse("""
        Troops    troop     NOUN   NNS  2   nsubj
        advanced  advance   VERB   VBD  4   ccomp
        ,         ,         PUNCT  ,    4   punct
        said      say       VERB   VBD  0   ROOT
        Capt      capt      PROPN  NNP  4   nsubj   nospace
        .         .         PUNCT  .    5   punct
        Nour      Nour      PROPN  NNP  8   compound  B-PERSON
        Haddad    Haddad    PROPN  NNP  4   nsubj     I-PERSON
        .         .         PUNCT  .    4   punct
    """)
    art = ClaimArticle(doc, Article(id="t", text=doc.text, source="test", published=None), ref)
    assert speaker_head(art, doc[3]) == doc[7]


# ---------------------------------------------------------------- "called for", "called on"


@pytest.mark.parametrize(("text", "speaker"), [
    ("Kurdistan Region President Nechirvan Barzani called on Baghdad to send more troops to the disputed areas.",
     "nechirvan-barzani"),
    ("The SDF's general command called on the international community to repatriate foreign fighters.", "sdf"),
    ("After the attack, Iraqi President Barham Salih called for tighter security along the border.", "barham-salih"),
])
def test_claims_verbs_called_for(pipeline, ref, text, speaker):
    claims, _ = read(pipeline, ref, text)
    assert [s for s, _ in by_rule(claims, "claims.verbs.called-for")] == [speaker]


@pytest.mark.parametrize("text", [
    "Iraqi troops called for air support as the militants advanced on the bridge.",
    "A fatwa calling for the fight against the militants was issued in 2014.",
    "The reservists could be called upon later in the year.",
])
def test_claims_verbs_called_for_not_an_act_nor_a_participle(pipeline, ref, text):
    claims, _ = read(pipeline, ref, text)
    assert claims == []


def test_claims_persons_surname_with_the_arabic_article_apart(pipeline, ref):
    claims, _ = read(pipeline, ref, "Mayor Khalid Al Dulaimi said the road to Haditha had reopened. "
                     "Mr Al Dulaymi called for calm in the market.")
    assert [c.claimant.rsplit("/", 1)[-1] for c in claims] == ["khalid-al-dulaimi", "khalid-al-dulaimi"]


# ---------------------------------------------------------------- a surname the gazetteer has as a place


@pytest.mark.parametrize("text", [
    "Colonel Joseph Hanna, a spokesman for the SDF, said the prison was calm. Hanna declared that 40 inmates had "
    "been caught.",
    "Russian officer Pavel Karpov said jets hit three depots near Palmyra. According to Karpov, the militants fled "
    "east.",
    "Colonel Joseph Hanna, a spokesman for the SDF, said the prison was calm. \u201cThe escape has failed,\u201d "
    "said Hanna.",
])
def test_claims_persons_surname_taken_for_a_place(pipeline, ref, text):
    claims, _ = read(pipeline, ref, text)
    people = [c.claimant.rsplit("/", 1)[-1] for c in claims if c.person is not None]
    assert len(people) == 2 and len(set(people)) == 1


def test_claims_persons_a_place_with_no_person_of_its_name_stays_a_place(pipeline, ref):
    claims, _ = read(pipeline, ref, "Militants shelled Hanna overnight, the SDF said. Hanna was quiet on Monday.")
    assert all(c.person is None for c in claims)


# ---------------------------------------------------------------- the Observatory; "Abdel Rahman" again


def test_claims_persons_the_observatory_is_the_body_named_before(pipeline, ref):
    claims, _ = read(pipeline, ref, "The Syrian Observatory for Human Rights reported 12 dead near Mayadin on Friday. "
                     "About 30 strikes hit the town overnight, the Observatory said.")
    assert [c.claimant.rsplit("/", 1)[-1] for c in claims if c.span.start > 0] == ["sohr"]


@pytest.mark.parametrize(("text", "person"), [
    ("Observatory head Rami Abdel Rahman said the convoy was hit at dawn. \u201cNone of them survived,\u201d "
     "Abdel Rahman added.", "rami-abdel-rahman"),
    ("Kurdish commander Mahmoud Abu Bakr said his men held the road. Abu Bakr added that the militants had fled "
     "north.", "mahmoud-abu-bakr"),
    ("Police chief Colonel Saad Abdel Karim said the checkpoint was attacked at night. Abdel Karim said two "
     "officers were wounded.", "saad-abdel-karim"),
])
def test_claims_persons_the_end_of_a_full_name_is_that_person(pipeline, ref, text, person):
    claims, _ = read(pipeline, ref, text)
    assert [c.claimant.rsplit("/", 1)[-1] for c in claims] == [person, person]


# ---------------------------------------------------------------- "the UK-based war monitor"


@pytest.mark.parametrize("text", [
    "A Kurdish fighter was killed in Deir Ezzor on Monday. The Britain-based war monitor said the fighter was shot "
    "at a checkpoint in Hajin.",
    "Three soldiers died in an ambush near Mayadin in Syria, the UK-based monitor reported.",
])
def test_claims_sources_unnamed_monitor_where_it_is_based(pipeline, ref, text):
    claims, _ = read(pipeline, ref, text)
    assert by_rule(claims, "claims.sources.unnamed-monitor") and all(
        c.claimant.endswith("/sohr") for c in claims if "unnamed-monitor" in c.extractor)


def test_claims_sources_a_monitor_named_by_its_body_is_not_the_observatory(pipeline, ref):
    claims, _ = read(pipeline, ref, "Three soldiers died in an ambush near Mayadin in Syria, the UN monitor reported.")
    assert by_rule(claims, "claims.sources.unnamed-monitor") == []


# ---------------------------------------------------------------- a letter written once or twice


@pytest.mark.parametrize(("text", "person"), [
    ("Police spokesman Ali Hassan said the market was reopened on Sunday. Hasan added that two suspects were held.",
     "ali-hassan"),
    ("Deputy commander Nabil Isa said troops cleared three villages. Issa stressed that the militants had fled.",
     "nabil-isa"),
    ("Provincial official Qassim Abbas said the bridge was repaired. Abas told reporters that traffic had resumed.",
     "qassim-abbas"),
])
def test_claims_persons_misspelt_surname_with_a_doubled_letter(pipeline, ref, text, person):
    claims, _ = read(pipeline, ref, text)
    assert [c.claimant.rsplit("/", 1)[-1] for c in claims] == [person, person]


def test_claims_persons_another_surname_is_another_person(pipeline, ref):
    claims, _ = read(pipeline, ref, "Police spokesman Ali Hassan said the market was reopened on Sunday. "
                     "Hussein added that two suspects were held.")
    assert [c.claimant.rsplit("/", 1)[-1] for c in claims][0] == "ali-hassan"
    assert "ali-hassan" not in [c.claimant.rsplit("/", 1)[-1] for c in claims][1:]
