"""The ontology folder: the TBox parses and IG declares exactly its terms."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF

from isisgraph.errors import InputError
from isisgraph.namespaces import IG, slugify
from isisgraph.ontology import load_reference, load_tbox, parse_turtle


def declared_terms() -> set[str]:
    tbox = load_tbox()
    ns = str(IG._NS)
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {str(s)[len(ns):] for k in kinds for s in tbox.subjects(RDF.type, k) if str(s).startswith(ns)}


def test_namespace_matches_tbox():
    in_python = set(IG.__annotations__)
    assert in_python == declared_terms()


def test_contract_terms_from_design_are_declared():
    contract = {
        "Actor", "Organization", "ArmedGroup", "StateForce", "Coalition", "Government", "Person",
        "memberOf", "Place", "Country", "Province", "City", "Village", "Region", "River", "Mountain",
        "MilitaryBase", "partOf", "country", "geonamesId", "Operation", "Event", "Strike", "AirStrike",
        "Attack", "Bombing", "ControlChange", "Arrest", "Killing", "Surrender", "Clash", "perpetrator",
        "targetActor", "gainedControl", "lostControl", "hasActor", "location", "partOfOperation",
        "startDate", "endDate", "datePrecision", "targetType", "killedCount", "arrestedCount",
        "woundedCount", "Claim", "claimant", "onBehalfOf", "quote", "claimDate", "about", "claimType",
        "StrikeReport", "strikeCount", "engagementCount", "inCountry", "FigureReport", "measure",
        "value", "unit", "asOf", "evidence", "Evidence", "confidence", "extractor", "NewsArticle",
        "textSha256", "textLength", "Mention", "refersTo", "mentions", "ExtractionRun", "sameEventAs",
    }
    assert contract <= declared_terms()


def test_every_reference_file_parses():
    assert len(load_reference()) > 0


def test_malformed_turtle_names_the_file(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix ig: <https://w3id.org/isisgraph/ontology#> .\nig:a ig:b \n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.ttl: not valid Turtle"):
        parse_turtle(bad)


@pytest.mark.parametrize(("text", "slug"), [("Deir ez-Zor", "deir-ez-zor"), ("Al-Bāghūz", "al-baghuz"),
                                              ("  ", "x"), ("CJTF – OIR", "cjtf-oir"),
                                              ("Fikri Işık", "fikri-isik"), ("Łukasz Øster", "lukasz-oster"),
                                              ("Straße", "strasse")])
def test_slugify(text, slug):
    assert slugify(text) == slug
