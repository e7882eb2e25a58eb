"""Claims of round 4 of the real-news work (who says it): statements introduced by a colon and
given in the next paragraph, bodies that make something known without a verb of saying, and
the body a statement belongs to. Our own sentences, written in the genre; each rule's
docstring names the development articles it was seen in."""

from __future__ import annotations

import datetime as dt

import pytest

from isisgraph.extract.claims import extract_claims
from isisgraph.namespaces import ID
from isisgraph.nlp import article_doc
from isisgraph.records import Article

ACTOR = str(ID) + "actor/"
PERSON = str(ID) + "person/"


def read(pipeline, ref, text, published=dt.date(2016, 5, 14)):  # noqa: ANN001, ANN201 (spaCy Language, Reference)
    """The claims of ``text`` parsed as the build parses an article: with its publication date,
    which the descriptions ("the army") are read by."""
    article = Article(id="t", text=text, source="test", published=published)
    return extract_claims(pipeline(article_doc(pipeline, text, published)), article, ref)


def speakers(claims) -> list[str]:  # noqa: ANN001 (records.Claim)
    return [c.claimant.rsplit("/", 1)[-1] for c in claims if c.claimant]


# ---------------------------------------------------------------- a statement given after a colon


@pytest.mark.parametrize(("text", "claimant", "rule"), [
    ("According to a French Ministry of Defence communique:\n\n"
     "“Two Rafale jets struck a depot near Raqqa on Sunday. All aircraft returned safely.”",
     "french-armed-forces", "claims.according-to.statement"),
    ("LONDON — Defence Secretary Michael Fallon released this statement:\n\n"
     "“Our Tornados destroyed three trucks west of Mosul yesterday.”",
     "michael-fallon", "claims.statements.issued"),
    ("The Pentagon issued the following statement on Friday:\n\n"
     "\"American aircraft conducted four strikes near Kobani.\"",
     "us-military", "claims.statements.issued"),
])
def test_a_statement_introduced_by_a_colon_is_its_issuers_claim_with_the_quote(pipeline, ref, text, claimant, rule):
    claims, _ = read(pipeline, ref, text)
    assert speakers(claims) == [claimant]
    claim = claims[0]
    assert claim.extractor.startswith(rule)
    # the quote continues it; the evidence leaves the dateline out ("LONDON — ", rule
    # units.evidence-dateline)
    start = text.index("Defence") if text.startswith("LONDON") else 0
    assert claim.span.start == start and claim.span.end > text.index("\n\n")
    assert claim.quote is not None


def test_a_document_with_neither_content_nor_a_quote_after_it_reports_nothing(pipeline, ref):
    text = (
        "The Pentagon issued the following statement on Friday:\n\n"
        "Reporters were then told to leave the room."
    )
    claims, _ = read(pipeline, ref, text)
    assert claims == []


# ---------------------------------------------------------------- details made known


@pytest.mark.parametrize(("text", "claimant"), [
    ("The Royal Australian Air Force has published details of its latest mission over Iraq.",
     "australian-defence-force"),
    ("On Tuesday the Pentagon released new figures on the cost of the air war against ISIS.",
     "us-military"),
    ("The coalition issued an update about the strikes it carried out near Raqqa last week.",
     "cjtf-oir"),
])
def test_details_put_out_about_something_are_the_claim_of_who_put_them_out(pipeline, ref, text, claimant):
    claims, _ = read(pipeline, ref, text)
    assert speakers(claims) == [claimant]
    assert claims[0].extractor == "claims.statements.disclosed"
    assert claims[0].channel == "statement"


def test_releasing_something_that_is_not_a_disclosure_reports_nothing(pipeline, ref):
    text = (
        "The Peshmerga released the prisoners of the village after a week. "
        "ISIS published a video of the attack on Sunday."
    )
    claims, _ = read(pipeline, ref, text)
    assert [c.extractor for c in claims if c.extractor.startswith("claims.statements.disclosed")] == []


# ---------------------------------------------------------------- a body named after one state, said of another


@pytest.mark.parametrize(("text", "claimant"), [
    ("The French Ministry of Defence said that two Rafales had bombed a depot near Raqqa.",
     "french-armed-forces"),
    ("According to the Turkish Ministry of Defence, its jets hit nine targets near al-Bab.",
     "turkish-armed-forces"),
    ("Four depots were destroyed, the Australian Ministry of Defence reported on Friday.",
     "australian-defence-force"),
])
def test_a_body_named_after_one_state_speaks_for_the_state_its_phrase_names(pipeline, ref, text, claimant):
    claims, _ = read(pipeline, ref, text)
    assert speakers(claims) == [claimant]


def test_a_body_with_no_other_state_in_its_phrase_is_the_one_the_reference_gives(pipeline, ref):
    text = "The Ministry of Defence said that two Tornados had struck a truck near Mosul."
    claims, _ = read(pipeline, ref, text)
    assert speakers(claims) == ["uk-armed-forces"]


# ---------------------------------------------------------------- the state whose forces the news is about


@pytest.mark.parametrize(("text", "claimant"), [
    ("Two Dutch F-16s bombed ISIS trucks near Mosul in Iraq on Monday. "
     "The defence ministry said that both jets had returned safely.", "netherlands-armed-forces"),
    ("French warplanes hit an ISIS camp near Raqqa in Syria overnight, the defence ministry said.",
     "french-armed-forces"),
    ("Jordanian jets struck ISIS depots in southern Syria at dawn. "
     "All the aircraft returned to their bases, the army statement said.", "jordanian-armed-forces"),
])
def test_a_state_body_speaks_for_the_state_whose_forces_the_news_is_about(pipeline, ref, text, claimant):
    claims, _ = read(pipeline, ref, text)
    assert speakers(claims)[-1:] == [claimant]


def test_a_state_body_after_news_of_no_foreign_force_is_of_the_country_of_the_places(pipeline, ref):
    text = "Militants attacked a checkpoint near Kirkuk in Iraq on Sunday, the defence ministry said."
    claims, _ = read(pipeline, ref, text)
    assert speakers(claims) == ["isf"]


# ---------------------------------------------------------------- a group that watches, not the armed group


@pytest.mark.parametrize("text", [
    "ISIS fighters seized two villages near Palmyra, according to the Syrian Observatory for Human Rights. "
    "The road to Homs is now cut, said the monitoring group.",
    "The Syrian Observatory for Human Rights said ISIS had lost the town. Nobody could confirm it. "
    "The Britain-based war monitoring group said 40 fighters had surrendered.",
    "The Syrian Observatory for Human Rights said on Monday that 12 soldiers were killed near Deir ez-Zor. "
    "The rights group added that the toll could rise.",
])
def test_the_group_that_monitors_is_the_monitor_that_spoke_before_not_the_armed_group(pipeline, ref, text):
    claims, _ = read(pipeline, ref, text)
    assert speakers(claims) == ["sohr", "sohr"]


def test_the_group_without_such_a_word_is_still_the_armed_group(pipeline, ref):
    text = (
        "The Syrian Observatory for Human Rights said ISIS fighters attacked a checkpoint near Palmyra. "
        "The group said on its channels that it had killed six soldiers."
    )
    claims, _ = read(pipeline, ref, text)
    assert speakers(claims) == ["sohr", "isis"]


# ---------------------------------------------------------------- precision: who is reported does not speak


@pytest.mark.parametrize("text", [
    "According to the Syrian Observatory for Human Rights, ISIS has stepped up its raids in the desert, "
    "noting that 40 soldiers died there in May.",
    "According to the coalition, the SDF pushed into the old city on Sunday, adding that ISIS still held the stadium.",
    "According to Iraqi officials, the Peshmerga shelled the village overnight, saying that the militants had fled.",
])
def test_a_gerund_of_saying_in_what_according_to_reports_is_not_its_subjects_claim(pipeline, ref, text):
    claims, _ = read(pipeline, ref, text)
    assert "isis" not in speakers(claims) and "sdf" not in speakers(claims) and "peshmerga" not in speakers(claims)
    assert len(claims) == 1


def test_a_gerund_of_saying_in_a_clause_of_its_own_is_still_its_subjects_claim(pipeline, ref):
    text = "The SDF pushed into the old city of Raqqa on Sunday, saying that ISIS still held the stadium."
    claims, _ = read(pipeline, ref, text)
    assert speakers(claims) == ["sdf"]


# ---------------------------------------------------------------- "the statement said" after an organisation that spoke


@pytest.mark.parametrize(("text", "claimant"), [
    ("Turkish jets hit ISIS positions near al-Bab overnight, the defence ministry said. "
     "“Nine targets were destroyed. All aircraft returned safely,” the statement said.", "turkish-armed-forces"),
    ("The coalition said it had struck a bridge near Raqqa on Monday. Two trucks were also hit. "
     "Nobody was hurt, the release added.", "cjtf-oir"),
    ("The Pentagon said four strikes had hit ISIS near Kobani. “The strikes destroyed a tank. "
     "Two fighting positions were also hit,” the statement said.", "us-military"),
])
def test_the_statement_after_an_organisation_that_spoke_two_sentences_before_is_its(pipeline, ref, text, claimant):
    claims, _ = read(pipeline, ref, text)
    assert speakers(claims)[-1] == claimant
    assert claims[-1].extractor.endswith("claims.descriptions.the-statement")


def test_the_statement_long_after_the_last_organisation_that_spoke_is_nobodys(pipeline, ref):
    text = (
        "The coalition said it had struck a bridge near Raqqa on Monday. Two trucks were hit. "
        "The town was quiet on Tuesday. Shops opened again. Nobody was hurt, the release added."
    )
    claims, _ = read(pipeline, ref, text)
    assert speakers(claims) == ["cjtf-oir"]


# ---------------------------------------------------------------- a department taken up; an issuer inside the phrase


@pytest.mark.parametrize(("text", "claimant"), [
    ("The Ministry of Defence said two Tornados struck a truck near Mosul. "
     "The department added that no civilians had been hurt.", "uk-armed-forces"),
    ("The Department of Defense said it had carried out four strikes near Kobani. "
     "The ministry said the strikes had destroyed a tank.", "us-military"),
    ("The Ministry of Defence has released details of a strike near Raqqa. "
     "The department said in a statement:\n\n“A Reaper hit a truck carrying fighters.”", "uk-armed-forces"),
])
def test_the_department_takes_up_the_ministry_that_spoke_before(pipeline, ref, text, claimant):
    claims, _ = read(pipeline, ref, text)
    assert speakers(claims) == [claimant, claimant]


def test_the_department_with_no_department_that_spoke_before_is_nobody(pipeline, ref):
    text = "The coalition said two strikes hit Raqqa. The department added that no civilians had been hurt."
    claims, _ = read(pipeline, ref, text)
    assert speakers(claims) == ["cjtf-oir"]


@pytest.mark.parametrize(("text", "claimant"), [
    ("According to a statement to the press issued by the Pentagon, six strikes hit ISIS near Mosul.", "us-military"),
    ("According to a communique to reporters released by the coalition, two bridges were destroyed.", "cjtf-oir"),
    ("Six strikes hit ISIS near Mosul, according to a statement to journalists issued by the Pentagon.",
     "us-military"),
])
def test_the_issuer_of_a_statement_is_the_agent_hung_on_a_noun_of_its_phrase(pipeline, ref, text, claimant):
    claims, _ = read(pipeline, ref, text)
    assert speakers(claims) == [claimant]


# ---------------------------------------------------------------- "the government" of the state the news is about


@pytest.mark.parametrize(("text", "claimant"), [
    ("Australian jets bombed an ISIS depot in Iraq overnight. The government confirmed that both jets were safe.",
     "australia"),
    ("Turkish troops entered al-Bab on Sunday. The government said the town would be handed to local councils.",
     "turkey"),
    ("Iraqi forces retook Rutba in Anbar on Tuesday, the government announced.", "iraqi-government"),
])
def test_the_government_is_that_of_the_state_the_news_is_about(pipeline, ref, text, claimant):
    claims, _ = read(pipeline, ref, text)
    assert speakers(claims) == [claimant]


def test_a_government_with_a_modifier_of_its_own_is_not_read_from_the_context(pipeline, ref):
    text = "Australian jets bombed an ISIS depot in Iraq. The previous government had said no jets would fly."
    claims, _ = read(pipeline, ref, text)
    assert speakers(claims) == []


# ---------------------------------------------------------------- an unnamed source of the local force


@pytest.mark.parametrize("text", [
    "The SDF raided a village near Hajin in Deir ez-Zor on Monday. The SDF said two cells were dismantled. "
    "Three ISIS members were detained during the raid, a military source told reporters.",
    "US-backed fighters of the SDF stormed the last ISIS pocket near Baghouz. The SDF said the battle was nearly over. "
    "Most of the militants have surrendered, a field commander said on Sunday.",
    "ISIS gunmen killed two SDF fighters near Shaddadi. The SDF launched a sweep at dawn. "
    "The attackers fled towards the desert, one officer said.",
])
def test_an_unnamed_military_source_in_news_of_a_local_force_speaks_for_it(pipeline, ref, text):
    claims, _ = read(pipeline, ref, text)
    assert speakers(claims)[-1] == "sdf"
    assert claims[-1].extractor.endswith("claims.sources.local-force")


def test_an_unnamed_military_source_where_the_state_is_named_as_much_speaks_for_the_state(pipeline, ref):
    text = (
        "The Syrian army and the SDF both sent troops to Deir ez-Zor. The Syrian army shelled Mayadin. "
        "Two villages were retaken on Sunday, a military source said."
    )
    claims, _ = read(pipeline, ref, text)
    assert speakers(claims)[-1] == "syrian-arab-army"


# ---------------------------------------------------------------- precision: negation shared by "or", "neither ... nor"


@pytest.mark.parametrize("text", [
    "The Pentagon did not confirm or deny that a raid had taken place near Raqqa.",
    "The ministry would not give a toll or say where the strike hit.",
    "The losses were confirmed neither by the coalition nor by the Iraqi government.",
])
def test_a_speech_verb_under_a_shared_negation_reports_nothing(pipeline, ref, text):
    claims, _ = read(pipeline, ref, text)
    assert claims == []


def test_a_speech_verb_joined_by_but_to_a_negated_verb_still_reports(pipeline, ref):
    text = "The coalition did not give a toll but said that six strikes hit Raqqa."
    claims, _ = read(pipeline, ref, text)
    assert speakers(claims) == ["cjtf-oir"]


def test_an_unnamed_source_where_the_state_is_named_at_all_is_not_the_local_group(pipeline, ref):
    text = (
        "Iraqi security forces and the Hashd al-Shaabi repelled an ISIS attack near Baiji. "
        "The Hashd al-Shaabi sent reinforcements, and the Hashd al-Shaabi shelled the desert. "
        "Nine militants were killed, a military source said."
    )
    claims, _ = read(pipeline, ref, text)
    assert speakers(claims)[-1] == "isf"


# ---------------------------------------------------------------- the government in office on the day


@pytest.mark.parametrize("text", [
    "Syria's interior ministry said on Sunday that an ISIS cell had been dismantled near Homs.",
    "Damascus said that six ISIS members were arrested in Deir ez-Zor.",
    "Security troops arrested three men near Palmyra, Syria's Interior Ministry announced.",
])
def test_the_government_of_syria_after_december_2024_is_the_transitional_one(pipeline, ref, text):
    claims, _ = read(pipeline, ref, text, published=dt.date(2025, 6, 2))
    assert speakers(claims) == ["syrian-transitional-government"]


def test_the_government_of_syria_before_december_2024_is_the_regime(pipeline, ref):
    text = "Syria's interior ministry said on Sunday that an ISIS cell had been dismantled near Homs."
    claims, _ = read(pipeline, ref, text, published=dt.date(2019, 6, 2))
    assert speakers(claims) == ["syrian-regime"]


# ---------------------------------------------------------------- an outlet that relays a claim


@pytest.mark.parametrize(("text", "speaker", "outlet"), [
    ("The coalition said two strikes had hit a bridge near Raqqa, per the AP.", "cjtf-oir", "associated-press"),
    ("In the statement reported by the Anadolu Agency, the Turkish army said nine targets were hit.",
     "turkish-armed-forces", "anadolu-agency"),
    ("The SDF said in a statement carried by the Hawar news agency that six men had been detained in Hasakah.",
     "sdf", "hawar-news-agency"),
])
def test_an_outlet_that_relays_a_claim_is_a_claimant_of_it_too(pipeline, ref, text, speaker, outlet):
    claims, _ = read(pipeline, ref, text)
    assert sorted(speakers(claims)) == sorted([speaker, outlet])
    relayed = [c for c in claims if c.claimant.endswith("/" + outlet)]
    assert relayed[0].extractor.startswith("claims.relay.")


def test_per_without_an_outlet_and_an_issuer_are_no_relays(pipeline, ref):
    text = (
        "The coalition said it carried out three strikes per day near Raqqa. "
        "A statement issued by the Pentagon said that six strikes hit Mosul."
    )
    claims, _ = read(pipeline, ref, text)
    assert [c.extractor.startswith("claims.relay.") for c in claims] == [False, False]
