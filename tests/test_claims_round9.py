"""Claims of round 9 of the real-news work. Our own sentences, written in the genre; each
rule's docstring names the development articles it was seen in."""

from __future__ import annotations

import datetime as dt

import pytest

from isisgraph.extract.claims import extract_claims
from isisgraph.nlp import article_doc
from isisgraph.records import Article


def read(pipeline, ref, text, published=dt.date(2020, 6, 13), publisher=None):  # noqa: ANN001, ANN201
    """The claims of ``text`` parsed as the build parses an article of ``publisher``."""
    article = Article(id="t", text=text, source="test", published=published, publisher=publisher)
    return extract_claims(pipeline(article_doc(pipeline, text, published)), article, ref)


def speakers(claims) -> list[str]:  # noqa: ANN001 (records.Claim)
    return [c.claimant.rsplit("/", 1)[-1] for c in claims if c.claimant]


def by_rule(claims, rule: str) -> list[str]:  # noqa: ANN001
    return speakers([c for c in claims if rule in c.extractor])


# ---------------------------------------------------------------- an outlet that was told something


@pytest.mark.parametrize(("text", "outlet"), [
    ("Two soldiers died when a roadside bomb hit their patrol near Tikrit, a police colonel told Agence "
     "France-Presse on Monday.", "afp"),
    ("Mayor Karim Hassan told the Associated Press that the militants had burned the market before they fled.",
     "associated-press"),
    ("\u201cThe road is open again,\u201d a Kurdish commander told Rudaw late on Friday.", "rudaw"),
])
def test_an_outlet_told_the_claim_relays_it(pipeline, ref, text, outlet):
    claims, _ = read(pipeline, ref, text, publisher="Gulf Daily Monitor (wire copy)")
    assert by_rule(claims, "claims.relay.told") == [outlet]


def test_an_outlet_told_by_a_source_nobody_names_still_relays_it(pipeline, ref):
    claims, _ = read(pipeline, ref, "An official told Rudaw that the checkpoint was attacked twice overnight.")
    assert speakers(claims) == ["rudaw"]


@pytest.mark.parametrize(("text", "publisher"), [
    # the article's own outlet reports its own interview
    ("A police colonel told Rudaw that the checkpoint was attacked twice overnight.", "Rudaw"),
    ("A police colonel told Rudaw that the checkpoint was attacked twice overnight.", "Rudaw (English)"),
    # told an actor that is no outlet: the audience, not a relay
    ("The minister told the coalition that Iraqi forces would hold the bridge.", "Gulf Daily Monitor"),
])
def test_no_relay_by_the_own_outlet_nor_by_an_audience(pipeline, ref, text, publisher):
    claims, _ = read(pipeline, ref, text, publisher=publisher)
    assert by_rule(claims, "claims.relay.told") == []


# ---------------------------------------------------------------- officials in a capital


@pytest.mark.parametrize(("text", "government"), [
    ("Officials in Baghdad announced on Sunday that the last pocket of fighters near Rawa had been cleared.",
     "iraqi-government"),
    ("Authorities in Damascus said the gunmen had crossed from the desert overnight.", "syrian-regime"),
    ("The raid came two weeks after officials in Ankara confirmed that the suspects had been detained.",
     "turkey"),
])
def test_officials_in_a_capital_speak_for_its_government(pipeline, ref, text, government):
    claims, _ = read(pipeline, ref, text, published=dt.date(2018, 3, 4))
    assert speakers(claims) == [government]


def test_officials_in_a_province_are_not_the_government(pipeline, ref):
    claims, _ = read(pipeline, ref, "Officials in Anbar province said the road to Rutba was closed again.",
                     published=dt.date(2018, 3, 4))
    assert "iraqi-government" not in speakers(claims)


def test_a_copy_of_the_outlets_wire_story_is_no_relay(pipeline, ref):
    claims, _ = read(pipeline, ref, "A police colonel told AFP that the checkpoint was attacked twice overnight.",
                     publisher="Gulf Daily Monitor (AFP wire)")
    assert by_rule(claims, "claims.relay.told") == []


# ---------------------------------------------------------------- a trailing outlet set beside the last noun


@pytest.mark.parametrize(("text", "outlet"), [
    ("Militants tried to cross the river near the village of Jalam, south of Samarra, Al Sumaria TV reported.",
     "alsumaria"),
    ("Turkey said its jets had struck three hideouts of the group in northern Iraq, Agence France-Presse "
     "(AFP) reported.", "afp"),
    ("Two fighters were killed by a drone near the town of Hajin, east of Deir Ezzor, Rudaw reported on Monday.",
     "rudaw"),
])
def test_an_outlet_trailing_after_a_comma_speaks(pipeline, ref, text, outlet):
    claims, _ = read(pipeline, ref, text)
    assert outlet in speakers(claims)


def test_a_place_ending_a_list_does_not_speak(pipeline, ref):
    claims, _ = read(pipeline, ref, "Jets struck positions near Hit, Rawa, and Anah, the coalition reported.")
    assert speakers(claims) == ["cjtf-oir"]


# ---------------------------------------------------------------- "..., it added" after a clause with its own subject


@pytest.mark.parametrize("text", [
    "On Friday the coalition said its jets struck a depot near Hajin. The Islamic State commander of the "
    "area was among the dead, it added.",
    "The coalition said on Monday that a drone hit a car near Idlib. The Syrian army had been told of the "
    "strike in advance, it said.",
    "The coalition announced that two of its soldiers were hurt in a raid. Islamic State fighters fired on "
    "the helicopters as they landed, it added.",
])
def test_it_after_a_clause_is_who_spoke_last_not_the_clauses_subject(pipeline, ref, text):
    claims, _ = read(pipeline, ref, text)
    assert speakers(claims) == ["cjtf-oir", "cjtf-oir"]


def test_it_after_the_speakers_own_subject_is_that_subject(pipeline, ref):
    claims, _ = read(pipeline, ref, "The coalition said it struck a depot near Hajin on Friday.")
    assert speakers(claims) == ["cjtf-oir"]


# ---------------------------------------------------------------- the source an outlet quotes after the words


@pytest.mark.parametrize(("text", "source", "outlet"), [
    ("Turkish jets hit nine hideouts of the group near al-Bab overnight, Anadolu Agency quoted the Turkish "
     "Defence Ministry as saying on Friday.", "turkish-armed-forces", "anadolu-agency"),
    ("\u201cWe have cleared the last village on the ridge,\u201d Rudaw quoted Peshmerga commander Sirwan Aziz.",
     "sirwan-aziz", "rudaw"),
    ("Russian bombers destroyed a convoy of fighters heading to Deir ez-Zor, TASS cited Russia\u2019s Defence "
     "Ministry as saying.", "russian-armed-forces", "tass"),
])
def test_the_source_an_outlet_quotes_after_the_words_speaks_them(pipeline, ref, text, source, outlet):
    claims, _ = read(pipeline, ref, text, published=dt.date(2017, 2, 3))
    assert by_rule(claims, "claims.verbs.quoted-source") == [source]
    assert outlet in speakers(claims)


def test_a_source_quoted_as_saying_the_words_speaks_through_the_gerund(pipeline, ref):
    claims, _ = read(pipeline, ref, "SANA quoted the Syrian Defence Ministry as saying the attack took place "
                                    "at noon.", published=dt.date(2017, 2, 3))
    assert by_rule(claims, "claims.verbs.quoted-source") == []


# ---------------------------------------------------------------- a name before a description


@pytest.mark.parametrize(("text", "named"), [
    ("On Friday the PMF pro-government forces said in a statement that they had cleared three villages "
     "near Hatra.", "hashd-al-shaabi"),
    ("The YPG Kurdish forces said their fighters had taken the silo complex east of Raqqa.", "ypg"),
    ("Late on Monday the Peshmerga Kurdish forces announced that the road to Sinjar was open.", "peshmerga"),
])
def test_a_name_before_a_description_is_the_speaker(pipeline, ref, text, named):
    claims, _ = read(pipeline, ref, text, published=dt.date(2017, 8, 24))
    assert speakers(claims) == [named]


def test_a_description_with_no_name_before_it_is_read_from_the_context(pipeline, ref):
    claims, _ = read(pipeline, ref, "Iraqi troops entered Hatra on Friday. Government forces said they had "
                                    "cleared three villages nearby.", published=dt.date(2017, 8, 24))
    assert speakers(claims) == ["isf"]


# ---------------------------------------------------------------- a department of a state


@pytest.mark.parametrize(("text", "published", "speaker"), [
    ("Australian Hornets struck two fighting positions near Mosul, according to the Defence Department.",
     dt.date(2017, 5, 5), "australian-defence-force"),
    ("British Typhoons destroyed a mortar team near Raqqa on Sunday, the Defence Department said.",
     dt.date(2017, 5, 18), "uk-armed-forces"),
    ("Iraq's health department said on Monday that 14 civilians had been wounded in the blast in Baquba.",
     dt.date(2019, 7, 13), "iraqi-government"),
])
def test_a_department_of_a_state_speaks_for_it(pipeline, ref, text, published, speaker):
    claims, _ = read(pipeline, ref, text, published=published)
    assert speakers(claims) == [speaker]


def test_a_pronoun_an_outlet_quotes_is_no_source_of_its_own(pipeline, ref):
    text = ("President Bashar al-Assad met the envoy in Damascus. \u201cThe city will be rebuilt,\u201d state "
            "television quoted him as saying.")
    claims, _ = read(pipeline, ref, text, published=dt.date(2016, 3, 27))
    assert by_rule(claims, "claims.verbs.quoted-source") == []


# ---------------------------------------------------------------- "deny" as keeping something from someone


@pytest.mark.parametrize(("text", "said"), [
    ("Near Ramadi, two strikes destroyed an ISIL bunker and denied ISIL access to terrain.", []),
    ("West of Hit, one strike struck an ISIL tactical unit and denied the militants access to the road.", []),
    ("Iraqi forces denied Daesh the ability to move along the river, the army said.", ["iraqi-army"]),
])
def test_deny_with_what_is_kept_from_someone_is_no_denial(pipeline, ref, text, said):
    claims, _ = read(pipeline, ref, text, published=dt.date(2015, 12, 27))
    assert speakers(claims) == said


def test_a_denial_that_something_happened_is_still_a_claim(pipeline, ref):
    claims, _ = read(pipeline, ref, "The ministry denied that its jets had struck the market in Raqqa.",
                     published=dt.date(2015, 12, 27))
    assert len(claims) == 1


# ---------------------------------------------------------------- a document put out beside something else


@pytest.mark.parametrize(("text", "issuer"), [
    ("On Thursday, Operation Inherent Resolve released strike video and a statement saying the jets destroyed "
     "eight caves near Hamrin.", "cjtf-oir"),
    ("The SDF published photographs and a statement saying its fighters had cleared the village of Shafa.",
     "sdf"),
])
def test_a_statement_released_with_something_else_is_its_issuers_claim(pipeline, ref, text, issuer):
    claims, _ = read(pipeline, ref, text, published=dt.date(2020, 5, 1))
    assert speakers(claims) == [issuer]


def test_a_video_released_with_no_statement_is_no_claim(pipeline, ref):
    claims, _ = read(pipeline, ref, "On Thursday, Operation Inherent Resolve released strike video and "
                                    "photographs of the caves near Hamrin.", published=dt.date(2020, 5, 1))
    assert claims == []


# ---------------------------------------------------------------- "he" after the subject of the sentence before


@pytest.mark.parametrize(("text", "person"), [
    ("Police chief Ali Saleh said two officers died in the blast.\n\nKirkuk Governor Karim Hassan visited the "
     "wounded on Monday.\n\nHe said the attackers would be found.", "karim-hassan"),
    ("Colonel Ahmed Nouri told reporters that the road was closed. Defence Minister Khalid Obeidi toured the "
     "front line near Haditha on Friday. He promised that the town would be retaken.", "khalid-obeidi"),
])
def test_he_is_the_subject_of_the_sentence_before(pipeline, ref, text, person):
    claims, _ = read(pipeline, ref, text, published=dt.date(2016, 5, 9))
    assert speakers(claims)[-1] == person


def test_he_after_the_speakers_own_sentence_is_the_speaker(pipeline, ref):
    text = ("Police chief Ali Saleh said two officers died in the blast. Kirkuk Governor Karim Hassan visited the "
            "wounded on Monday. Police chief Ali Saleh said on Tuesday that the bomb was hidden in a cart. "
            "He added that three men were arrested.")
    claims, _ = read(pipeline, ref, text, published=dt.date(2016, 5, 9))
    assert speakers(claims)[-1] == "ali-saleh"
