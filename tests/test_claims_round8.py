"""Claims of round 8 of the real-news work. Our own sentences, written in the genre; each
rule's docstring names the development articles it was seen in."""

from __future__ import annotations

import datetime as dt

import pytest

from isisgraph.extract.claims import extract_claims
from isisgraph.extract.claims.persons import surname_of
from isisgraph.nlp import article_doc
from isisgraph.records import Article


def read(pipeline, ref, text, published=dt.date(2020, 6, 13)):  # noqa: ANN001, ANN201 (spaCy Language, Reference)
    """The claims of ``text`` parsed as the build parses an article."""
    article = Article(id="t", text=text, source="test", published=published)
    return extract_claims(pipeline(article_doc(pipeline, text, published)), article, ref)


def speakers(claims) -> list[str]:  # noqa: ANN001 (records.Claim)
    return [c.claimant.rsplit("/", 1)[-1] for c in claims if c.claimant]


# ---------------------------------------------------------------- a generational suffix is not the surname


@pytest.mark.parametrize(("text", "person"), [
    ("Col. Wade R. Hollis III, a spokesman for the coalition, said on Monday that jets struck two caves. "
     "Four fighters died in the raid, Hollis told reporters.", "wade-r-hollis-iii"),
    ("The strikes hit a depot near Hit, Gen. Kenneth F. Morrow Jr. said in a statement. "
     "\u201cThe pressure will continue,\u201d Morrow wrote on Twitter.", "kenneth-f-morrow-jr"),
    ("Maj. Daniel Ortega Sr. said the convoy was destroyed at dawn. "
     "Ortega later told reporters that no civilians were hurt.", "daniel-ortega-sr"),
])
def test_a_surname_after_a_name_with_a_suffix_is_that_person(pipeline, ref, text, person):
    claims, persons = read(pipeline, ref, text)
    assert speakers(claims) == [person, person]
    assert [p.ref.rsplit("/", 1)[-1] for p in persons] == [person]


def test_a_suffix_makes_no_other_speaker_the_same_person(pipeline, ref):
    claims, _ = read(pipeline, ref,
                     "Col. Wade R. Hollis III said on Monday that jets struck two caves. "
                     "Four fighters died in the raid, Sergeant Mark Dalton told reporters.")
    assert speakers(claims) == ["wade-r-hollis-iii", "mark-dalton"]


def test_the_surname_of_a_name_skips_its_suffixes_only():
    assert surname_of("Myles B. Caggins III") == "Caggins"
    assert surname_of("Kenneth F. McKenzie Jr.") == "McKenzie"
    assert surname_of("Abu Bakr al-Baghdadi") == "al-Baghdadi"
    assert surname_of("III") == "III"


# ---------------------------------------------------------------- an outlet that carries a claim


@pytest.mark.parametrize(("text", "outlet"), [
    ("Islamic State said its militants shelled the barracks on Friday, in a claim carried by the Amaq "
     "propaganda agency.", "amaq"),
    ("Islamic State said they blew up the bridge, in a claim relayed by the Aamaq news outlet.", "amaq"),
    ("The Interior Ministry said police arrested six men, in a statement quoted by the SANA news agency.",
     "sana"),
])
def test_an_outlet_named_before_a_generic_head_relays_the_claim(pipeline, ref, text, outlet):
    # the outlet's entity covers its name only, not "news agency" after it; a claim is a
    # document an outlet carries as a statement is
    claims, _ = read(pipeline, ref, text)
    relayed = [c for c in claims if c.extractor == "claims.relay.reported-by"]
    assert speakers(relayed) == [outlet]
    assert len(claims) == 2


def test_a_claim_carried_by_no_outlet_has_no_relay(pipeline, ref):
    claims, _ = read(pipeline, ref, "Islamic State said it killed four soldiers, in a claim carried by its "
                                    "fighters on social media.")
    assert speakers(claims) == ["isis"]


# ---------------------------------------------------------------- a source of a state whose government has no force


@pytest.mark.parametrize("text", [
    "A car bomb killed nine people at a market in Homs on Friday, military sources said.",
    "Gunmen attacked a checkpoint outside Damascus overnight. Two of them were arrested, according to a "
    "military source.",
    "A blast hit a bus station in Aleppo on Monday. A military source said the device was planted under a "
    "bench.",
])
def test_a_military_source_of_a_government_without_forces_speaks_for_it(pipeline, ref, text):
    # after December 2024 Syria's government is the transitional one, which has no force of its own
    # in the reference data; the Assad regime's army is out of office
    claims, _ = read(pipeline, ref, text, published=dt.date(2025, 6, 22))
    sourced = [c for c in claims if "claims.sources.forceless-government" in c.extractor]
    assert speakers(sourced) == ["syrian-transitional-government"]


def test_a_military_source_of_a_state_with_forces_keeps_its_force(pipeline, ref):
    claims, _ = read(pipeline, ref, "A car bomb killed nine people at a market in Kirkuk on Friday, "
                                    "military sources said.", published=dt.date(2025, 6, 22))
    assert speakers(claims) == ["isf"]
