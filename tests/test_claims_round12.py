"""Claims of round 12 of the real-news work (issue 13, round 9 of the rules). Our own
sentences, written in the genre; each rule's docstring names the development articles it was
seen in."""

from __future__ import annotations

import datetime as dt

import pytest

from isisgraph.extract.claims import extract_claims
from isisgraph.nlp import article_doc
from isisgraph.records import Article


def read(pipeline, ref, text, published=dt.date(2021, 3, 9)):  # noqa: ANN001, ANN201
    """The claims of ``text`` parsed as the build parses an article."""
    article = Article(id="t", text=text, source="test", published=published, publisher=None)
    return extract_claims(pipeline(article_doc(pipeline, text, published)), article, ref)[0]


def speakers(claims, rule: str) -> list[str]:  # noqa: ANN001 (records.Claim)
    return [c.claimant.rsplit("/", 1)[-1] for c in claims if rule in c.extractor]


# ---------------------------------------------------------------- a trailing attribution hung as a clause


@pytest.mark.parametrize(("text", "speaker"), [
    ("Iraq's security forces said in a statement that the raid in Kirkuk killed three militants. After the "
     "militants were identified, Iraqi troops approached and a clash erupted, added the statement late Sunday.",
     "isf"),
    ("The Security Media Cell said a soldier was killed in Diyala. In a separate incident, a policeman was killed "
     "by militants in a village in Kirkuk province, added the security cell statement.", "security-media-cell"),
])
def test_claims_verbs_parenthetical_trailing_a_clause(pipeline, ref, text, speaker):
    claims = read(pipeline, ref, text)
    assert speakers(claims, "claims.verbs.parenthetical") == [speaker]


@pytest.mark.parametrize("text", [
    # a clause of time before the verb is when, not what was said
    "When the army reached the village, a clash erupted, the statement added.",
    "Speaking to reporters in Baghdad, the minister said nothing about the raid.",
    "When troops entered the town, residents told reporters the militants had fled.",
])
def test_claims_verbs_parenthetical_not_a_clause_of_time(pipeline, ref, text):
    assert speakers(read(pipeline, ref, text), "claims.verbs.parenthetical") == []


# ---------------------------------------------------------------- a leader's office


@pytest.mark.parametrize(("text", "government"), [
    ("Iraqi forces retook the town of Qayara on Thursday, the prime minister's office said.", "iraqi-government"),
    ("Turkish jets killed 35 militants near Kilis, according to a statement issued from the Turkish Prime "
     "Minister's office on Friday.", "turkey"),
    ("The three strikes destroyed two headquarters, according to the Turkish Prime Minister's office.", "turkey"),
])
def test_claims_sources_leader_office(pipeline, ref, text, government):
    assert speakers(read(pipeline, ref, text), "claims.sources.leader-office") == [government]


def test_claims_sources_leader_office_not_a_governors(pipeline, ref):
    claims = read(pipeline, ref, "Two policemen were wounded in Kirkuk, the governor's office said.")
    assert speakers(claims, "claims.sources.leader-office") == []


# ---------------------------------------------------------------- a document after its verb


@pytest.mark.parametrize("text", [
    "\u201cThe federal police clashed with Daesh gangs in the Rashad district of Kirkuk,\u201d read a statement "
    "of the Security Media Cell carried by Alsumaria TV.",
    "\u201cThe blast killed two soldiers of the 52nd brigade,\u201d reads a statement from the Security Media Cell "
    "published by state media.",
])
def test_claims_verbs_document_finding_after_its_verb(pipeline, ref, text):
    assert speakers(read(pipeline, ref, text), "claims.verbs.document-finding") == ["security-media-cell"]


def test_claims_verbs_document_finding_not_a_person_reading(pipeline, ref):
    assert read(pipeline, ref, "The officer read a statement that the town had fallen.") == []


# ---------------------------------------------------------------- kind words are no name, the Hashd no local force


def test_security_sources_are_no_word_of_the_security_media_cell(pipeline, ref):
    claims = read(pipeline, ref, "The federal police clashed with militants in Kirkuk, read a statement of the "
                  "Security Media Cell. Separately, three Iraqi soldiers were killed near Mosul when gunmen attacked "
                  "a checkpoint, security sources said.")
    # security sources name a sector, no body (the guideline's unnamed sources): no claim at all,
    # and not the Security Media Cell named before
    assert speakers(claims, "claims.sources.unnamed-official") == []
    assert speakers(claims, "claims.descriptions.named-before") == []


def test_police_sources_after_a_police_force_are_that_force(pipeline, ref):
    # in Iraq "police" itself now reads as the ISF (desc:police), so the sources are the ISF's
    # whether named before or not
    claims = read(pipeline, ref, "Iraqi police officers carried the bodies to the airport in Kirkuk. The bomb struck "
                  "a police convoy on Sunday near Hawija, police sources told Reuters.")
    assert [c.claimant.rsplit("/", 1)[-1] for c in claims if "claims.relay" not in c.extractor] == ["isf"]


def test_the_hashd_is_no_local_force(pipeline, ref):
    claims = read(pipeline, ref, "Two Hashd al-Shaabi fighters were killed on Sunday in a clash with Daesh in Iraq's "
                  "Diyala province, a provincial military source said.")
    assert [c.claimant.rsplit("/", 1)[-1] for c in claims] == ["isf"]
    assert speakers(claims, "claims.sources.local-force") == []


# ---------------------------------------------------------------- a quote attributed where it closes


def test_claims_continuation_bare_quote_not_a_quote_attributed_where_it_closes(pipeline, ref):
    claims = read(pipeline, ref, "President Joe Biden said last week that the siege of the town had been broken. "
                  "\u201cSince August 8, the coalition has conducted 68 strikes in Iraq. Of those, 35 supported Iraqi "
                  "forces near the dam,\u201d the statement said.")
    assert not any("claims.continuation.bare-quote" in c.extractor for c in claims)
    assert claims[0].span.end < 90


def test_claims_continuation_bare_quote_still_a_quote_alone(pipeline, ref):
    claims = read(pipeline, ref, "The coalition said its jets struck two ISIS positions near Hajin. \u201cThe strikes "
                  "destroyed a tunnel. They also destroyed a weapons cache.\u201d")
    assert [c.extractor for c in claims] == ["claims.verbs.content-clause+claims.continuation.bare-quote"]


# ---------------------------------------------------------------- a writer's bracket inside a quote


def test_an_inserted_bracket_starts_no_sentence(pipeline):
    text = ("\u201cAfter clashes with militants in the village, Khan Bani Saad district [in Diyala province], "
            "a soldier was killed,\u201d announced the cell.")
    doc = pipeline(article_doc(pipeline, text, dt.date(2020, 4, 20)))
    assert len(list(doc.sents)) == 1


def test_a_bracket_after_a_full_stop_may_start_a_sentence(pipeline):
    from isisgraph.nlp import opens_inserted_bracket

    doc = pipeline(article_doc(pipeline, "The army retook the town. [Editor's note: this story was updated.]",
                               dt.date(2020, 4, 20)))
    assert not any(opens_inserted_bracket(t) for t in doc)


# ---------------------------------------------------------------- a trailing attribution hung as an adverbial clause


def test_claims_verbs_quoting_trailing_as_an_adverbial_clause(pipeline, ref):
    claims = read(pipeline, ref, "Militants attacked the guards of the prison in Hasakah, as a result of which two "
                  "guards were wounded, North Press correspondent quoted a security source.")
    assert speakers(claims, "claims.verbs.quoting") == ["north-press-agency"]


def test_claims_verbs_not_trailing_after_a_subordinator(pipeline, ref):
    assert read(pipeline, ref, "Troops entered the town on Monday, as officials said.") == []


# ---------------------------------------------------------------- "Defence says"


@pytest.mark.parametrize("text", [
    "Australian Super Hornets struck an ISIS facility in Iraq on Wednesday. Defence says it will not give further "
    "details on the strike.",
    "Australian jets flew 20 missions over Iraq this week. Defence has also revealed that 200 special forces "
    "personnel could enter the country.",
])
def test_claims_sources_state_body_bare_defence(pipeline, ref, text):
    assert speakers(read(pipeline, ref, text), "claims.sources.state-body") == ["australian-defence-force"]


def test_claims_sources_state_body_not_the_defence_of_a_place(pipeline, ref):
    claims = read(pipeline, ref, "Australian jets struck Mosul. The defence of the city fell to the militia, "
                  "officials said.")
    assert speakers(claims, "claims.sources.state-body") == []


# ---------------------------------------------------------------- the one fought is no conjunct speaker


def test_claims_verbs_no_conjunct_speaker_after_a_participle(pipeline, ref):
    claims = read(pipeline, ref, "Iraqi military officials and the U.S.-led coalition fighting IS believe that by "
                  "clearing Hit the militants will be cut off from Syria.")
    assert "isis" not in [c.claimant.rsplit("/", 1)[-1] for c in claims]


def test_claims_verbs_conjunct_speakers_still_speak(pipeline, ref):
    claims = read(pipeline, ref, "The SDF and the coalition announced the territorial defeat of ISIS on Saturday.")
    assert sorted(c.claimant.rsplit("/", 1)[-1] for c in claims) == ["cjtf-oir", "sdf"]


# ---------------------------------------------------------------- two single closing marks


def test_two_single_closing_marks_close_a_quotation():
    from isisgraph.extract.claims.quotes import find_quotes

    text = "\u201cAir strikes have hit them hard,\u2019\u2019 the admiral said. It\u2019s over, he added."
    quotes = find_quotes(text)
    assert [text[q.outer.start : q.outer.end] for q in quotes] == ["\u201cAir strikes have hit them hard,\u2019\u2019"]


def test_an_apostrophe_closes_no_quotation():
    from isisgraph.extract.claims.quotes import find_quotes

    text = "\u201cThe group\u2019s fighters fled,\u201d the officer said."
    quoted = [text[q.outer.start : q.outer.end] for q in find_quotes(text)]
    assert quoted == ["\u201cThe group\u2019s fighters fled,\u201d"]


# ---------------------------------------------------------------- the Observatory after it was named


SOHR = "The Syrian Observatory for Human Rights said 12 soldiers were killed near Palmyra. "


@pytest.mark.parametrize("text", [
    SOHR + "The Observatory, a Britain-based monitor with sources in Syria, reported a death toll of eight.",
    SOHR + "The Observatory, as well as a military source close to the regime, said the capture came after the "
    "militants left.",
])
def test_claims_descriptions_named_before_with_an_apposition_or_a_conjunct(pipeline, ref, text):
    assert speakers(read(pipeline, ref, text), "claims.descriptions.named-before") == ["sohr"]


def test_a_conjunct_names_no_speaker_of_the_head(pipeline, ref):
    claims = read(pipeline, ref, SOHR + "The Observatory, as well as a military source close to the regime, said "
                  "the capture came after the militants left.")
    assert sorted(c.claimant.rsplit("/", 1)[-1] for c in claims if c.span.start > 0) == ["sohr", "syrian-regime"]


def test_claims_sources_unnamed_monitor_not_where_it_is_based(pipeline, ref):
    claims = read(pipeline, ref, SOHR + "The British-based monitor said 17 foreigners were killed in the attack.")
    assert speakers(claims, "claims.sources.unnamed-monitor") == ["sohr"]


# ---------------------------------------------------------------- military media


@pytest.mark.parametrize("text", [
    "Iraqi F-16 jets on Tuesday destroyed an ISIS hideout in southern Kirkuk, according to the military media.",
    "Iraqi forces entered Tal Afar on Tuesday. Military media said Wednesday that the forces told militants in the "
    "city to surrender.",
])
def test_claims_sources_military_media(pipeline, ref, text):
    assert speakers(read(pipeline, ref, text), "claims.sources.military-media") == ["security-media-cell"]


def test_claims_sources_military_media_not_of_a_country_without_one(pipeline, ref):
    claims = read(pipeline, ref, "Syrian troops broke the siege on Deir al-Zor, said a military media unit run by "
                  "Hezbollah.")
    assert speakers(claims, "claims.sources.military-media") == []


# ---------------------------------------------------------------- a phrase known by a name


def test_claims_speakers_actor_known_as(pipeline, ref):
    claims = read(pipeline, ref, "Iraqi commandos raided caves near Makhmour, the military communications center "
                  "known as the Security Media Cell said in a statement.")
    assert [c.claimant.rsplit("/", 1)[-1] for c in claims] == ["security-media-cell"]


def test_claims_speakers_known_as_no_actor(pipeline, ref):
    assert read(pipeline, ref, "A unit known as the rapid reaction force said it had cleared the village.") == []
