"""A person's label does not depend on how one article spells the name.

A person's IRI is the slug of the name, shared by every article that names them alike; when
two articles gave that node different labels (a nickname in quotes in one, a capitalised
Arabic article in the other), the built dataset said two names for one person, and the build
reported it as a shape violation of both articles whenever they were validated in one batch.
"""

from __future__ import annotations

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import SKOS

from isisgraph.extract.claims.persons import person_label


@pytest.mark.parametrize(
    ("written", "label"),
    [
        ('Michael "Erik" Kurilla', "Michael Erik Kurilla"),
        ("Michael \u201cErik\u201d Kurilla", "Michael Erik Kurilla"),
        ("John 'Jack' Smith", "John Jack Smith"),
        ("Haider Al-Abadi", "Haider al-Abadi"),
        ("Haider al Abadi", "Haider al-Abadi"),
        ("Al-Adnani", "al-Adnani"),
        ("Brett  McGurk", "Brett McGurk"),
    ],
)
def test_spellings_of_one_name_give_one_label(written, label):
    assert person_label(written) == label


@pytest.mark.parametrize("name", ["Sean O'Brien", "Ryan Dillon", "Abu Bakr al-Baghdadi", "Alan Ashworth"])
def test_a_name_without_those_differences_is_kept_as_written(name):
    assert person_label(name) == name


def test_two_articles_spelling_a_speaker_differently_build_without_violations(tmp_path):
    from click.testing import CliRunner

    from isisgraph.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a1.txt").write_text(
        "Commander visits troops\n\nGen. Michael Erik Kurilla, the head of the command, said on Monday "
        "that the group remained a threat in eastern Syria.\n", encoding="utf-8")
    (corpus / "a2.txt").write_text(
        "Commander vows pressure\n\nGen. Michael \u201cErik\u201d Kurilla said on Tuesday that the raid "
        "had killed two of the group's leaders near Deir ez-Zor.\n", encoding="utf-8")
    (corpus / "manifest.csv").write_text(
        "file,published\na1.txt,2023-03-06\na2.txt,2023-03-07\n", encoding="utf-8")
    out = tmp_path / "g.trig"
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if line.startswith("violation: ")] == []
    dataset = Dataset()
    dataset.parse(out, format="trig")
    person = URIRef("https://w3id.org/isisgraph/id/person/michael-erik-kurilla")
    labels = {label for _, _, label, _ in dataset.quads((person, SKOS.prefLabel, None, None))}
    assert labels == {Literal("Michael Erik Kurilla", lang="en")}
