"""Claims on unseen phrasing (round 3 of the real-news work): the general grammar of
reporting, read by the real model on short texts written in the genre (our own sentences;
each rule's docstring names the development articles it was seen in)."""

from __future__ import annotations

import pytest
from claim_texts import read

from isisgraph.namespaces import ID

ACTOR = str(ID) + "actor/"
PERSON = str(ID) + "person/"


# ---------------------------------------------------------------- reporting verbs (lexicon)


@pytest.mark.parametrize(("text", "claimant"), [
    ("The Security Media Cell clarified that the blast was caused by an old mortar round.",
     "security-media-cell"),
    ("The Joint Operations Command affirmed on Monday that the border was under its full control.",
     "joint-operations-command"),
    ("The Peshmerga ministry disclosed that 30 of its fighters had been wounded near Makhmour.",
     "peshmerga"),
    ("Turkish Defence Minister Hulusi Akar reiterated that the operation in al-Bab would go on.",
     "hulusi-akar"),
    ("The coalition admitted that one of its strikes near Mosul had killed four civilians.", "cjtf-oir"),
])
def test_a_verb_of_reporting_with_a_content_clause_attributes_it(pipeline, ref, text, claimant):
    claims, _ = read(pipeline, ref, text)
    assert [c.claimant.rsplit("/", 1)[-1] for c in claims] == [claimant]
    assert claims[0].channel == "said"


def test_a_verb_of_reporting_without_anything_reported_attributes_nothing(pipeline, ref):
    text = (
        "Iraqi forces maintained control of the main road through the night. "
        "The coalition highlighted the role of its partners on the ground."
    )
    claims, _ = read(pipeline, ref, text)
    assert claims == []


def test_a_subject_that_negates_the_verb_reports_nothing(pipeline, ref):
    text = (
        "None of the coalition's partners has admitted that its jets killed civilians. "
        "No official confirmed that the toll had risen on Sunday."
    )
    claims, _ = read(pipeline, ref, text)
    assert claims == []


def test_a_participle_that_restricts_a_noun_reports_nothing_unless_set_off(pipeline, ref):
    text = (
        "The toll is far higher than the number of deaths so far confirmed by the coalition. "
        "The strike, confirmed by the coalition, destroyed a bridge near Raqqa."
    )
    claims, _ = read(pipeline, ref, text)
    assert [(c.claimant, c.span.start) for c in claims] == [(ACTOR + "cjtf-oir", text.index("The strike,"))]


# ---------------------------------------------------------------- trailing attributions


@pytest.mark.parametrize(("text", "claimant"), [
    # the parser hangs the attribution on the last noun as a relative clause
    ("The bombing killed 12 soldiers, an Iraqi army officer told AFP.", ACTOR + "iraqi-army"),
    ("Iraqi Kurdish forces recaptured Sinjar, Kurdish leader Masoud Barzani declared on Friday.",
     PERSON + "masoud-barzani"),
    # ... or sets the speaker beside that noun with the verb as its participle
    ("The jets destroyed two ISIS vehicles near Raqqa, the coalition reported on Sunday.",
     ACTOR + "cjtf-oir"),
])
def test_an_attribution_trailing_a_clause_that_ends_on_a_noun_reports_the_clause(pipeline, ref, text, claimant):
    claims, _ = read(pipeline, ref, text)
    claims = [c for c in claims if c.extractor != "claims.relay.told"]  # the outlet told: a claim of its own
    assert [(c.claimant, c.span.start, c.span.end) for c in claims] == [(claimant, 0, len(text))]  # the sentence
    assert claims[0].extractor == "claims.verbs.parenthetical"


def test_a_relative_clause_opened_by_a_pronoun_reports_only_itself(pipeline, ref):
    text = "The militants seized the town of Hit, which the army said had been abandoned."
    claims, _ = read(pipeline, ref, text)
    assert [(c.extractor, c.span.start) for c in claims] == [
        ("claims.verbs.content-clause", text.index("which"))
    ]


# ---------------------------------------------------------------- quoted as saying


def test_a_speaker_quoted_in_the_passive_speaks_and_the_outlet_relays(pipeline, ref):
    bare = "Brig. Gen. Yahya Rasool was quoted as saying that the militants had fled toward the desert."
    relayed = "A military source was quoted by SANA as saying the army had entered the town of Palmyra."
    cited = "SDF commander Mazloum Abdi was cited as saying that 20 militants had been killed near Hajin."
    claims, _ = read(pipeline, ref, bare)
    assert [c.claimant for c in claims] == [PERSON + "yahya-rasool"]
    claims, _ = read(pipeline, ref, relayed)
    assert sorted((c.claimant, c.extractor) for c in claims) == [
        (ACTOR + "sana", "claims.verbs.quoting"),
        (ACTOR + "syrian-arab-army", "claims.verbs.content-clause+claims.sources.unnamed-official"),
    ]
    claims, _ = read(pipeline, ref, cited)
    assert [(c.claimant, c.on_behalf_of) for c in claims] == [(PERSON + "mazloum-abdi", ACTOR + "sdf")]


def test_words_quoted_in_a_report_are_no_one_s_saying(pipeline, ref):
    text = "The figures were quoted in a report on the battle for Mosul."
    claims, _ = read(pipeline, ref, text)
    assert claims == []


# ---------------------------------------------------------------- bodies named after a title


@pytest.mark.parametrize("text", [
    "Turkish jets hit 40 Daesh targets in northern Syria, says General Staff.",
    "Turkish jets struck Daesh positions near al-Bab on Monday. The General Staff said in a "
    "statement that 12 terrorists were neutralized.",
    "Turkey's General Staff added that two soldiers were wounded near al-Bab.",
])
def test_the_general_staff_is_the_armed_forces_of_its_country_not_a_person(pipeline, ref, text):
    claims, _ = read(pipeline, ref, text)
    assert [c.claimant for c in claims] == [ACTOR + "turkish-armed-forces"]
    assert all(c.person is None for c in claims)


def test_staff_without_a_title_word_is_nobody_and_a_general_with_a_name_is_a_person(pipeline, ref):
    text = (
        "Hospital staff said the wounded had been brought in overnight from Mosul. "
        "\u201cThe fighters are exhausted,\u201d General Stephen Townsend said."
    )
    claims, _ = read(pipeline, ref, text)
    assert [c.claimant for c in claims] == [PERSON + "stephen-townsend"]


# ---------------------------------------------------------------- unnamed officials taken up


def test_the_source_takes_up_an_unnamed_official_named_with_another_noun(pipeline, ref):
    text = (
        "Four Iraqi soldiers were killed on Saturday when militants attacked an army post "
        "southwest of Kirkuk, a military official said.\n\n"
        "Army reinforcements were sent to the area, the source added.\n\n"
        "A police colonel told Reuters that the attackers fled toward the valley. "
        "Two of them were wounded, the officer said."
    )
    claims, _ = read(pipeline, ref, text)
    claims = [c for c in claims if c.extractor != "claims.relay.told"]  # the outlet told: a claim of its own
    assert [c.claimant for c in claims] == [ACTOR + "isf"] * 4
    assert claims[1].extractor.endswith("claims.descriptions.earlier-noun")


def test_the_source_with_no_unnamed_official_before_is_nobody(pipeline, ref):
    text = (
        "Col. John Dorrian said the strikes hit two boats near Mosul.\n\n"
        "The river was closed to traffic, the source added."
    )
    claims, _ = read(pipeline, ref, text)
    assert [c.claimant for c in claims] == [PERSON + "john-dorrian"]


# ---------------------------------------------------------------- joint speakers


@pytest.mark.parametrize(("text", "claimants"), [
    ("The SDF and the coalition announced on Saturday that the last ISIS pocket had fallen.",
     [ACTOR + "sdf", ACTOR + "cjtf-oir"]),
    ("Defense Secretary Ash Carter and Gen. Joseph Dunford told lawmakers that the campaign was "
     "gaining momentum.", [PERSON + "ash-carter", PERSON + "joseph-dunford"]),
    ("Residents and the Syrian Observatory for Human Rights said that fighting went on near Hajin.",
     [ACTOR + "sohr"]),
])
def test_each_named_speaker_of_a_joint_subject_makes_a_claim(pipeline, ref, text, claimants):
    claims, _ = read(pipeline, ref, text)
    assert sorted(c.claimant for c in claims) == sorted(claimants)


def test_a_joint_speaker_known_only_from_the_context_makes_none(pipeline, ref):
    text = (
        "US-backed fighters have taken most of Manbij from IS, activists and commanders say.\n\n"
        "The town lies near the Turkish border."
    )
    claims, _ = read(pipeline, ref, text)
    assert claims == []


# ---------------------------------------------------------------- a document's findings


@pytest.mark.parametrize(("text", "claimant"), [
    ("A UN report found that ISIS still had up to 10,000 fighters in Iraq and Syria.", "united-nations"),
    ("The Pentagon's latest report to Congress concluded that the group was regrouping in the desert.",
     "us-military"),
    ("An investigation by the coalition showed that two civilians had been killed in the strike.", "cjtf-oir"),
])
def test_a_document_that_finds_something_reports_it(pipeline, ref, text, claimant):
    claims, _ = read(pipeline, ref, text)
    assert [(c.claimant.rsplit("/", 1)[-1], c.extractor) for c in claims] == [
        (claimant, "claims.verbs.document-finding")
    ]


def test_people_who_find_something_report_nothing(pipeline, ref):
    text = "Iraqi troops found that the tunnel under the hospital was empty."
    claims, _ = read(pipeline, ref, text)
    assert claims == []


# ---------------------------------------------------------------- the speaker, never the addressee


@pytest.mark.parametrize(("text", "claimant"), [
    ("A roadside bomb struck an army patrol near Tikrit, killing one soldier, a police source "
     "from the province told Xinhua.", ACTOR + "isf"),
    ("Militants shelled the outskirts of Makhmour overnight, wounding two fighters, a Peshmerga "
     "commander told Rudaw.", ACTOR + "peshmerga"),
    ("The jets struck a weapons depot near Raqqa, destroying it, coalition spokesman Col. Ryan "
     "Dillon told AFP.", PERSON + "ryan-dillon"),
])
def test_a_trailing_speaker_set_beside_the_clause_speaks_not_whom_it_tells(pipeline, ref, text, claimant):
    claims, _ = read(pipeline, ref, text)
    claims = [c for c in claims if c.extractor != "claims.relay.told"]  # the outlet told: a claim of its own
    assert [c.claimant for c in claims] == [claimant]


def test_whom_a_verb_of_telling_addresses_is_never_its_speaker(pipeline, ref):
    text = "\u201cThe road to Mosul is open,\u201d told AFP on Monday."
    claims, _ = read(pipeline, ref, text)
    claims = [c for c in claims if c.extractor != "claims.relay.told"]  # the outlet told: a claim of its own
    assert claims == []
    text = "\u201cThe road to Mosul is open,\u201d told Rudaw a Peshmerga commander on Monday."
    claims, _ = read(pipeline, ref, text)
    claims = [c for c in claims if c.extractor != "claims.relay.told"]  # the outlet told: a claim of its own
    assert [c.claimant for c in claims] == [ACTOR + "peshmerga"]


# ---------------------------------------------------------------- a colon before the quote


@pytest.mark.parametrize("text", [
    "RAF Typhoons struck caves near Kirkuk on Tuesday.\n\nThe Defence Secretary Ben Wallace said:\n\n"
    "\u201cThe strikes go on because the threat does.\u201d",
    "Commenting on the raid, Defence Secretary Ben Wallace told reporters:\n\n"
    "\"Our crews have once again shown their skill.\"",
    "Defence Secretary Ben Wallace added in a statement:\n\n\u201cWe will not let up.\u201d",
])
def test_a_speech_verb_ending_on_a_colon_introduces_the_quote_that_follows(pipeline, ref, text):
    claims, _ = read(pipeline, ref, text)
    assert [c.claimant for c in claims] == [PERSON + "ben-wallace"]
    assert claims[0].span.end == len(text)  # the quote of the next paragraph continues it
    assert claims[0].extractor.startswith("claims.verbs.colon-quote")


def test_a_colon_with_no_quote_after_it_introduces_nothing(pipeline, ref):
    text = "Defence Secretary Ben Wallace said:\n\nThe jets returned safely to base."
    claims, _ = read(pipeline, ref, text)
    assert claims == []


# ---------------------------------------------------------------- a nation the reference lacks


@pytest.mark.parametrize("text", [
    "Iraqi troops advanced on Ramadi on Sunday.\n\nThe Moroccan Defence Ministry reports that its "
    "jets struck two positions.",
    "Iraqi troops advanced on Ramadi on Sunday.\n\nA Portuguese military spokesman said the jets "
    "had returned safely.",
    "Thousands fled Hawija this week.\n\nThe Danish Refugee Council said that the camps near "
    "Kirkuk were full.",
])
def test_a_body_of_a_nation_the_reference_lacks_is_not_the_context_s_state(pipeline, ref, text):
    claims, _ = read(pipeline, ref, text)
    assert claims == []


def test_a_nation_the_reference_has_speaks_through_its_own_forces(pipeline, ref):
    """Since the Danish armed forces joined the reference (round 4), a Danish spokesman is
    theirs; the Danish Refugee Council above stays no body of Denmark (civil-group-words)."""
    text = ("Iraqi troops advanced on Ramadi on Sunday.\n\nA Danish military spokesman said the "
            "jets had returned safely.")
    claims, _ = read(pipeline, ref, text)
    assert [c.claimant for c in claims] == ["https://w3id.org/isisgraph/id/actor/danish-armed-forces"]


def test_a_body_of_a_known_nation_or_a_stateless_people_still_speaks(pipeline, ref):
    text = (
        "Militants attacked a checkpoint near Kirkuk, an American military official said. "
        "The French defence ministry said its jets struck a depot near Raqqa."
    )
    claims, _ = read(pipeline, ref, text)
    assert [c.claimant.rsplit("/", 1)[-1] for c in claims] == ["us", "french-armed-forces"]
