"""explain: a node in words, and the sentences it rests on with the span marked."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, URIRef

from isisgraph.cli import main
from isisgraph.emit import Run, meta_triples, to_graph
from isisgraph.errors import InputError
from isisgraph.explain import (
    NodeNotFoundError,
    explain,
    format_explanation,
    marked_sentence,
    resolve_node,
)
from isisgraph.ingest import text_sha256
from isisgraph.namespaces import ID, META_GRAPH
from isisgraph.reconcile import ensure_reconciled
from isisgraph.records import Article, Extraction, Mention, Span

DATA = Path(__file__).parent / "data" / "queries"
FIXTURE = DATA / "fixture.trig"
A1 = (DATA / "articles" / "a1.txt").read_text(encoding="utf-8")


def node(path: str) -> URIRef:
    return URIRef(str(ID) + path)


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    ds = Dataset(default_union=True)
    ds.parse(FIXTURE, format="trig")
    ensure_reconciled(ds)
    return ds


def fact_values(explanation, label: str) -> list[str]:
    return [f.value for f in explanation.facts if f.label == label]


def test_a_strike_report_in_words(dataset):
    report = explain(dataset, node("strike-report/a1/r-hawija"), FIXTURE)
    assert report.types == ["strike report (ig:StrikeReport)"]
    assert fact_values(report, "strike count") == ["3"]
    assert fact_values(report, "location") == ["Hawija  (place/hawija)"]
    assert fact_values(report, "perpetrator") == ["CJTF-OIR  (actor/cjtf-oir)"]
    assert fact_values(report, "part of report") == ["strike-report/a1/r-iraq"]
    assert [name for name, _ in report.parts] == ["cave", "tunnel entrance"]
    assert [(f.label, f.value) for f in report.parts[1][1] if f.label == "quantity"] == [("quantity", "2")]


def test_evidence_is_the_sentence_from_the_article_file_with_the_span_marked(dataset):
    report = explain(dataset, node("strike-report/a1/r-iraq"), FIXTURE)
    assert report.evidence_total == 1
    ev = report.evidence[0]
    assert ev.from_source
    assert ev.marked == "«The US-led coalition said it conducted 12 strikes in Iraq between Dec. 22 and 28.»"
    assert (ev.publisher, ev.published, ev.url) == ("Example Wire", dt.date(2018, 1, 2), "https://example.org/wire/a1")
    assert A1[ev.start:ev.end] == ev.exact


def test_a_mention_is_marked_inside_its_whole_sentence(dataset):
    hawija = explain(dataset, resolve_node(dataset, "Hawija"), FIXTURE)
    assert hawija.iri == str(node("place/hawija"))
    assert hawija.evidence_total == 4
    assert hawija.evidence[1].marked == ("Three of them hit targets near «Hawija», destroying a cave and two tunnel "
                                         "entrances.")
    assert hawija.evidence[1].of == str(node("mention/a1/167-173"))
    text = format_explanation(hawija)
    assert "  coordinates" in text and "POINT(43.7586 35.3291)" in text
    assert "  location of" in text and "event/a2/e-hawija  (control change, 2017-10-01)" in text
    assert "  mentioned in  " in text and text.split("  mentioned in  ")[1].lstrip().startswith("4 articles")


def test_abbreviations_do_not_end_a_sentence():
    text = "He spoke on Dec. 22 in Raqqa. Col. Ryan Dillon said the U.S. forces left. Then rain."
    start = text.index("Ryan Dillon")
    assert marked_sentence(text, start, start + len("Ryan Dillon")) == "Col. «Ryan Dillon» said the U.S. forces left."
    start = text.index("22")
    assert marked_sentence(text, start, start + 2) == "He spoke on Dec. «22» in Raqqa."


def test_a_changed_article_falls_back_to_the_stored_quote(tmp_path):
    shutil.copy(FIXTURE, tmp_path / "graph.trig")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a1.txt").write_text(A1.replace("12 strikes", "13 strikes"), encoding="utf-8")
    ds = Dataset(default_union=True)
    ds.parse(tmp_path / "graph.trig", format="trig")
    ev = explain(ds, node("strike-report/a1/r-iraq"), tmp_path / "graph.trig").evidence[0]
    assert not ev.from_source
    assert "has changed since the build" in ev.note
    prefix, suffix = A1[ev.start - 32:ev.start], A1[ev.end:ev.end + 32]  # emit stores 32 characters each side
    assert ev.marked == "…" + " ".join(prefix.split()) + " «" + ev.exact + "» " + " ".join(suffix.split()) + " …"
    stored = explain(ds, node("strike-report/a1/r-iraq"), tmp_path / "graph.trig")
    assert "(stored quote shown: " in format_explanation(stored)


def test_a_missing_article_falls_back_to_the_stored_quote(tmp_path):
    shutil.copy(FIXTURE, tmp_path / "graph.trig")
    ds = Dataset(default_union=True)
    ds.parse(tmp_path / "graph.trig", format="trig")
    ev = explain(ds, node("claim/a3/c-victory"), tmp_path / "graph.trig").evidence[0]
    assert not ev.from_source and ev.note == "articles/a3.txt was not found"
    assert "«Prime Minister Haider al-Abadi declared victory over Islamic State on Saturday.»" in ev.marked


def test_an_article_read_from_jsonl(tmp_path):
    text = "First line.\nThe coalition struck Hawija on Monday. More later."
    art = Article(id="j2", text=text, source=f"{tmp_path / 'news.jsonl'}:2", published=dt.date(2018, 1, 8),
                  publisher="Wire", sha256=text_sha256(text))
    (tmp_path / "news.jsonl").write_text(json.dumps({"id": "j1", "text": "other"}) + "\n"
                                         + json.dumps({"id": "j2", "text": text}) + "\n", encoding="utf-8")
    start = text.index("Hawija")
    mention = Mention(Span(start, start + 6), "place", str(node("place/hawija")), "Hawija")
    ex = Extraction(article=art, mentions=[mention])
    ds = Dataset(default_union=True)
    doc = to_graph(ex)
    for triple in doc:
        ds.graph(doc.identifier).add(triple)
    for triple in meta_triples(art, Run("t", "m", "0")):
        ds.graph(META_GRAPH).add(triple)
    ev = explain(ds, node("place/hawija")).evidence[0]
    assert ev.from_source and ev.marked == "The coalition struck «Hawija» on Monday."


def test_a_speaker_is_explained_by_what_they_said(dataset):
    dillon = explain(dataset, resolve_node(dataset, "person/ryan-dillon"), FIXTURE)
    assert {e.of for e in dillon.evidence} == {str(node("claim/a4/c-dillon")), str(node("figure/a4/f-fighters"))}
    assert [f.value.split("  ")[0] for f in dillon.pointed_at_by if f.label == "claimant of"] == [
        "claim/a4/c-dillon", "figure/a4/f-fighters"]


def test_reference_data_has_no_article_evidence(dataset):
    text = format_explanation(explain(dataset, node("actor/raf")))
    assert "a state force (ig:StateForce)" in text
    assert "No evidence: this node comes from the reference data, not from an article." in text


def test_resolving_nodes(dataset):
    assert resolve_node(dataset, f"<{node('event/a2/e-hawija')}>") == node("event/a2/e-hawija")
    assert resolve_node(dataset, "daesh") == node("actor/isis")  # an alternative label, any case
    with pytest.raises(NodeNotFoundError, match="place/atlantis is not in the graph"):
        resolve_node(dataset, "place/atlantis")
    with pytest.raises(NodeNotFoundError, match="nothing in the graph is called 'Atlantis'"):
        resolve_node(dataset, "Atlantis")


def test_a_label_of_several_nodes_is_refused():
    ds = Dataset(default_union=True)
    ds.parse(data="""@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <https://w3id.org/isisgraph/id/place/x1> skos:prefLabel "Twin"@en .
        <https://w3id.org/isisgraph/id/place/x2> skos:altLabel "Twin"@en .""", format="turtle")
    with pytest.raises(InputError, match="'Twin' names several nodes: place/x1, place/x2"):
        resolve_node(ds, "Twin")


def test_explain_command():
    runner = CliRunner()
    ok = runner.invoke(main, ["explain", "event/a4/e-hawija", str(FIXTURE)])
    assert ok.exit_code == 0, ok.output
    assert ok.output.startswith("event/a4/e-hawija\n  a control change (ig:ControlChange)\n")
    assert "same event as    event/a2/e-hawija" in ok.output
    assert "«Iraqi forces recaptured Hawija from the militants in October 2017.»" in ok.output
    assert "Example Wire, 2018-01-20 — https://example.org/wire/a4" in ok.output
    missing_node = runner.invoke(main, ["explain", "event/a9/none", str(FIXTURE)])
    assert missing_node.exit_code == 1 and "Error: event/a9/none is not in the graph" in missing_node.output
    missing_graph = runner.invoke(main, ["explain", "Hawija", str(DATA / "nowhere.trig")])
    assert missing_graph.exit_code == 2 and "nowhere.trig: no such graph file" in missing_graph.output
