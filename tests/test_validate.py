"""Validation: the shapes, per-article validation, readable violations and `isisgraph validate`.

The golden cases under ``data/validate/`` are a hand-written article graph that conforms and
copies of it with one deliberate fault each; ``expected.txt`` is what the command prints.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, SKOS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, SH

from isisgraph.cli import main
from isisgraph.emit import current_run, meta_triples, run_triples, to_graph
from isisgraph.errors import InputError
from isisgraph.graphio import read_dataset
from isisgraph.ingest import text_sha256
from isisgraph.namespaces import (
    ID,
    IG,
    META_GRAPH,
    ONTOLOGY_GRAPH,
    REFERENCE_GRAPH,
    actor,
    concept,
    doc_graph,
    place,
)
from isisgraph.ontology import load_reference, load_tbox
from isisgraph.records import (
    Article,
    Claim,
    Event,
    Extraction,
    Figure,
    Mention,
    Span,
    StrikeReport,
    Target,
    When,
)
from isisgraph.validate import (
    ArticleInput,
    validate_article,
    validate_articles,
    validate_dataset,
    validate_file,
)

CASES = Path(__file__).parent / "data" / "validate"
NOT_BROKEN = {"valid", "malformed"}
# Facts with a field the article leaves open: kept, and the analyst warned.
WARNED = sorted(p.name for p in CASES.iterdir() if p.is_dir() and p.name.startswith("warning-"))
BROKEN = sorted(p.name for p in CASES.iterdir()
                if p.is_dir() and p.name not in NOT_BROKEN and p.name not in WARNED)
T1 = doc_graph("t1")


def run_validate(*args: str):
    return CliRunner().invoke(main, ["validate", *args])


def expected(case: str) -> str:
    return (CASES / case / "expected.txt").read_text(encoding="utf-8")


def case_dataset(case: str = "valid") -> Dataset:
    return read_dataset(CASES / case / "graph.trig")


# ---------------------------------------------------------------------------- golden cases


def test_the_valid_graph_conforms():
    result = run_validate(str(CASES / "valid" / "graph.trig"))
    assert result.exit_code == 0, result.output
    assert result.output == expected("valid")
    report = validate_dataset(case_dataset("valid"))
    assert report.conforms and report.violations == []
    assert (None, SH.conforms, Literal(True)) in report.results_graph


@pytest.mark.parametrize("case", BROKEN)
def test_a_broken_graph_gives_the_expected_violations_and_exit_1(case: str):
    result = run_validate(str(CASES / case / "graph.trig"))
    assert result.exit_code == 1, result.output
    assert result.output == expected(case)


@pytest.mark.parametrize("case", WARNED)
def test_a_fact_with_an_open_field_conforms_with_a_warning(case: str):
    result = run_validate(str(CASES / case / "graph.trig"))
    assert result.exit_code == 0, result.output
    assert result.output == expected(case)
    assert result.output.startswith("warning: ") and "(1 warning)" in result.output


def test_the_required_cases_are_covered():
    # The "done when": no evidence, start after end, a city used as a country, an
    # unknown class; and the brief's engagements < strikes and end beyond the text.
    required = {"no-evidence", "start-after-end", "city-as-country", "unknown-class",
                "engagements-below-strikes", "end-beyond-text"}
    assert required <= set(BROKEN)


def test_a_malformed_file_gives_exit_2_naming_file_and_line():
    path = CASES / "malformed" / "graph.trig"
    result = run_validate(str(path))
    assert result.exit_code == 2
    assert result.output == expected("malformed").replace("{file}", str(path))


def test_each_broken_case_differs_from_the_valid_graph_by_its_fault_only():
    # Guards the fixtures: a case that broke more than it says would test the wrong thing.
    valid = {t for t in case_dataset("valid").quads()}
    for case in BROKEN + WARNED:
        broken = {t for t in case_dataset(case).quads()}
        assert 0 < len(valid ^ broken) <= 5, case


# ---------------------------------------------------------------------------- library


def test_validate_dataset_reports_counts_and_a_shacl_graph():
    report = validate_dataset(case_dataset("city-as-country"))
    assert not report.conforms
    assert report.article_graphs == 1 and report.triples == 173
    results = list(report.results_graph.subjects(RDF.type, SH.ValidationResult))
    assert len(results) == 1
    assert report.results_graph.value(results[0], SH.value) == place("mosul")
    assert report.results_graph.value(results[0], SH.resultPath) == IG.inCountry
    assert (None, SH.conforms, Literal(False)) in report.results_graph


def test_validate_article_takes_the_article_from_meta():
    ds = case_dataset("valid")
    report = validate_article(ds.graph(T1), ds.graph(META_GRAPH))
    assert report.conforms, report.violations
    assert report.article_graphs == 1


def test_validate_article_without_meta_cannot_find_the_article():
    ds = case_dataset("valid")
    report = validate_article(ds.graph(T1))
    assert not report.conforms
    assert any("exactly one source, an ig:NewsArticle" in v for v in report.violations)


def test_validate_article_accepts_the_article_inside_the_doc_graph():
    ds = case_dataset("valid")
    graph = Graph(identifier=T1)
    graph += ds.graph(T1)
    article = ID["article/t1"]
    graph += ds.graph(META_GRAPH).triples((article, None, None))
    graph += ds.graph(META_GRAPH).triples((T1, None, None))
    assert validate_article(graph).conforms


def test_a_class_known_only_through_a_reference_individual_is_not_unknown_in_a_batch():
    # Article 1 mentions a reference actor of class ig:Government and does not use the class
    # itself; article 2 types a node of its own with it. Batched, article 2 must hear nothing
    # about ig:Government that it would not hear alone.
    text = "The Syrian regime said so."
    art = Article(id="gov1", text=text, source="gov1.txt", published=dt.date(2017, 1, 2), sha256=text_sha256(text))
    mention = Mention(Span(4, 17), "actor", str(actor("syrian-regime")), "Syrian regime")
    first = to_graph(Extraction(article=art, mentions=[mention]))
    assert (actor("syrian-regime"), RDF.type, IG.Government) in load_reference()
    assert not any(o == IG.Government for o in first.objects(None, RDF.type))
    ds = case_dataset("valid")
    second = Graph(identifier=T1)
    second += ds.graph(T1)
    minted = ID["actor/test-government"]
    second.add((minted, RDF.type, IG.Government))
    second.add((minted, SKOS.prefLabel, Literal("Test government", lang="en")))
    meta = ds.graph(META_GRAPH)
    alone = validate_article(second, meta)
    assert alone.conforms, alone.violations
    batched = validate_articles([ArticleInput(first, meta_triples(art, current_run("m", "1"))),
                                 ArticleInput(second, meta)])
    assert batched[1].violations == alone.violations
    assert batched[0].conforms, batched[0].violations


def test_violations_name_the_graph_they_are_in():
    ds = case_dataset("valid")
    broken = case_dataset("no-evidence")
    t2 = doc_graph("t2")
    renamed = {str(T1): str(t2), "/t1": "/t2"}

    def rename(node):
        if isinstance(node, URIRef):
            text = str(node)
            for old, new in renamed.items():
                text = text.replace(old, new)
            return URIRef(text)
        return node

    for s, p, o, g in broken.quads():
        ds.graph(rename(g)).add((rename(s), p, rename(o)))
    report = validate_dataset(ds)
    assert report.article_graphs == 2
    assert [v.split(":", 1)[0] for v in report.violations] == ["doc/t2"]
    assert "strike-report/t2/s1 ig:evidence: No evidence" in report.violations[0]


def test_the_meta_graph_is_checked_once():
    ds = case_dataset("valid")
    run = ID["run/test"]
    ds.graph(META_GRAPH).remove((run, IG.modelVersion, None))
    report = validate_dataset(ds)
    assert report.violations == [
        "meta: run/test ig:modelVersion: An extraction run needs exactly one ig:modelVersion string"
    ]


def test_a_graph_without_prov_is_caught():
    ds = case_dataset("valid")
    ds.graph(META_GRAPH).remove((T1, None, None))
    report = validate_dataset(ds)
    assert not report.conforms
    assert any("no ig:ExtractionGraph in the meta graph" in v for v in report.violations)


def test_a_resolved_place_needs_coordinates_and_a_geonames_id():
    ds = case_dataset("valid")
    tal_zahab = place("tal-zahab")
    ds.graph(T1).set((tal_zahab, IG.resolved, Literal(True)))
    report = validate_dataset(ds)
    assert len(report.violations) == 1
    assert report.violations[0].startswith(
        "doc/t1: place/tal-zahab: A place marked resolved needs its GeoNames id"
    )


def test_a_dataset_carrying_ontology_and_reference_is_checked_against_them():
    ds = case_dataset("valid")
    tbox, reference = ds.graph(ONTOLOGY_GRAPH), ds.graph(REFERENCE_GRAPH)
    for triple in load_tbox():
        tbox.add(triple)
    for triple in load_reference():
        reference.add(triple)
    assert validate_dataset(ds).conforms
    # the reference graph itself is checked too: a place with two English names is reported
    reference.add((place("mosul"), SKOS.prefLabel, Literal("Mawsil", lang="en")))
    report = validate_dataset(ds)
    assert report.violations
    assert all(v.startswith("reference: place/mosul skos:prefLabel: ") for v in report.violations)


def test_the_shipped_reference_data_conforms():
    ds = Dataset()
    for identifier, graph in ((ONTOLOGY_GRAPH, load_tbox()), (REFERENCE_GRAPH, load_reference())):
        target = ds.graph(identifier)
        for triple in graph:
            target.add(triple)
    report = validate_dataset(ds)
    assert report.conforms, "\n".join(report.violations)
    assert report.article_graphs == 0


# ---------------------------------------------------------------------------- files and CLI


def test_n_quads_are_read_too(tmp_path: Path):
    nq = tmp_path / "graph.nq"
    case_dataset("valid").serialize(destination=str(nq), format="nquads")
    result = run_validate(str(nq))
    assert result.exit_code == 0
    assert result.output == "conforms: 1 article graph, 173 triples\n"


def test_report_option_writes_the_shacl_report(tmp_path: Path):
    out = tmp_path / "reports" / "report.ttl"
    result = run_validate(str(CASES / "start-after-end" / "graph.trig"), "--report", str(out))
    assert result.exit_code == 1
    report = Graph().parse(out, format="turtle")
    [node] = report.subjects(RDF.type, SH.ValidationReport)
    assert report.value(node, SH.conforms) == Literal(False)
    results = set(report.objects(node, SH.result))
    assert len(results) == 2 and results == set(report.subjects(RDF.type, SH.ValidationResult))
    assert {report.value(r, SH.resultSeverity) for r in results} == {SH.Violation}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.trig", None, "no such graph file; build one with `isisgraph build`"),
        ("graph.ttl", "<a> <b> <c> .", "unknown format; validate a .trig or .nq file"),
        ("binary.trig", b"\xff\xfe\x00\x01", "not UTF-8 text (byte 0); is it really a TriG file?"),
        ("bad.nq", '<http://a> <http://b> <http://c> <http://g> .\n<http://a> <http://b> "x .',
         "not valid N-Quads (line 2)"),
    ],
)
def test_unreadable_input_gives_exit_2_and_a_one_line_message(tmp_path: Path, name, content,
                                                              message):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(message)):
        validate_file(path)
    result = run_validate(str(path))
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: {path}: ")
    assert len(result.output.strip().splitlines()) == 1


def with_start_date(text: str) -> str:
    """The valid golden graph with the strike report's ig:startDate written as ``text``."""
    valid = (CASES / "valid" / "graph.trig").read_text(encoding="utf-8")
    written = 'ig:startDate "2017-12-22"^^xsd:date'
    assert valid.count(written) == 1 and 'ig:endDate "2017-12-28"^^xsd:date' in valid
    return valid.replace(written, f"ig:startDate {text}")


@pytest.mark.parametrize("suffix", [".trig", ".nq"])
def test_an_ill_formed_start_date_beside_an_end_date_is_a_violation_not_a_crash(tmp_path: Path, suffix: str):
    # pySHACL's sh:lessThanOrEquals raised TypeError on "2017-13-45"^^xsd:date <= "2017-12-28"^^xsd:date.
    path = tmp_path / f"graph{suffix}"
    trig = with_start_date('"2017-13-45"^^xsd:date')
    if suffix == ".nq":
        Dataset().parse(data=trig, format="trig").serialize(destination=str(path), format="nquads")
    else:
        path.write_text(trig, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "isisgraph", "validate", str(path)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stdout + run.stderr and "Error" not in run.stderr
    lines = run.stdout.splitlines()
    assert lines[-1] == "does not conform: 1 violation in 1 article graph, 173 triples"
    [violation] = lines[:-1]
    assert violation.startswith("doc/t1: strike-report/t1/s1 ig:startDate: ")
    assert "xsd:date" in violation and "(value 2017-13-45)" in violation


def test_a_start_date_that_cannot_be_compared_with_the_end_date_is_reported():
    # A blank node made pySHACL raise; a number cannot be ordered with a date: both are a wrong
    # datatype and a period that is not in order, as SHACL says of values that cannot be compared.
    for written, value in (("[ ]", "[]"), ("5", "5")):
        ds = Dataset().parse(data=with_start_date(written), format="trig")
        report = validate_dataset(ds)
        assert not report.conforms
        assert len(report.violations) == 2, report.violations
        assert all(v.startswith("doc/t1: strike-report/t1/s1 ig:startDate: ") and f"(value {value})" in v
                   for v in report.violations)
        assert any("starts after it ends" in v for v in report.violations)


def test_an_ill_formed_date_in_a_carried_reference_graph_is_a_violation_not_a_crash():
    ds = case_dataset("valid")
    tbox, reference = ds.graph(ONTOLOGY_GRAPH), ds.graph(REFERENCE_GRAPH)
    for triple in load_tbox():
        tbox.add(triple)
    for triple in load_reference():
        reference.add(triple)
    operation = min(s for s in reference.subjects(IG.endDate, None) if (s, IG.startDate, None) in reference)
    xsd_date = URIRef("http://www.w3.org/2001/XMLSchema#date")  # (XSD imported here upsets pytest's collection)
    # (rdflib orders some ill-formed dates by their text; one written later than the end it cannot order)
    reference.set((operation, IG.startDate, Literal("2017-13-45", datatype=xsd_date)))
    report = validate_dataset(ds)
    assert not report.conforms
    [violation] = report.violations
    assert violation.startswith("reference: ") and "ig:startDate" in violation and "2017-13-45" in violation


def test_validate_has_help():
    result = run_validate("--help")
    assert result.exit_code == 0
    assert "--report" in result.output and "Exit codes" in result.output


# ---------------------------------------------------------------------------- emit output


def seed_sized_extraction() -> Extraction:
    """An extraction the size of a seed article's (~150 mentions, a dozen reports, events,
    claims and figures), on the text of a seed, emitted by the real emit stage."""
    seed = Path(__file__).parents[1] / "seeds" / "000_7cf6de7149a961b9.txt"
    text = seed.read_text(encoding="utf-8")
    article = Article(id="seedsize", text=text, source="seedsize.txt",
                      published=dt.date(2017, 12, 31), sha256=text_sha256(text))
    extraction = Extraction(article=article)
    names = [Span(m.start(), m.end()) for m in re.finditer(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*", text)]
    actors = [str(actor(slug)) for slug in ("isis", "cjtf-oir", "isf", "us", "russia")]
    extraction.mentions = [
        Mention(span, "actor", actors[i % len(actors)], text[span.start:span.end])
        for i, span in enumerate(names)
    ]
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.\n]+\.", text)]
    week = When("between December 22 and 28", dt.date(2017, 12, 22), dt.date(2017, 12, 28), "day")
    for i, span in enumerate(sentences[:6]):
        extraction.strike_reports.append(StrikeReport(
            key=f"s{i}", span=span, strike_count=i, engagement_count=i + 3,
            perpetrators=[actors[1]], countries=[str(place("iraq"))],
            locations=[str(place("hawija"))], when=week,
            targets=[Target("cave", span, 1, "destroyed")], extractor="test"))
    for i, span in enumerate(sentences[6:14]):
        extraction.events.append(Event(
            key=f"e{i}", kind="ControlChange", span=span, trigger="liberated",
            gained_control=[actors[2]], locations=[str(place("mosul"))], when=week, killed_count=3,
            extractor="test"))
    for i, span in enumerate(sentences[14:22]):
        extraction.claims.append(Claim(
            key=f"c{i}", span=span, claimant=actors[3], claim_type="assessment", channel="said",
            quote=text[span.start:span.end], extractor="test"))
    for i, span in enumerate(sentences[22:25]):
        extraction.figures.append(Figure(key=f"f{i}", span=span, measure="fighters", value=1000 + i,
                                         extractor="test"))
    return extraction


def test_emit_output_of_a_seed_sized_article_conforms_and_validates_quickly():
    extraction = seed_sized_extraction()
    graph = to_graph(extraction)
    run = current_run("en_core_web_sm", "3.8.0")
    meta = meta_triples(extraction.article, run) + run_triples(run)
    assert len(graph) > 1500
    validate_article(graph, meta)  # warm the caches: shapes, background, prepared queries
    started = time.process_time()
    report = validate_article(graph, meta)
    elapsed = time.process_time() - started
    assert report.conforms, report.violations
    # Measured about 0.5 s of CPU; the bound only catches a regression (per-node SPARQL, the
    # whole reference data merged into every article) that would make big builds crawl.
    assert elapsed < 5.0


def test_emit_output_with_a_zero_strike_count_conforms_and_without_one_does_not():
    extraction = seed_sized_extraction()
    extraction.mentions, extraction.events, extraction.claims, extraction.figures = [], [], [], []
    extraction.strike_reports = extraction.strike_reports[:1]
    meta = meta_triples(extraction.article, current_run("m", "1"))
    assert extraction.strike_reports[0].strike_count == 0
    assert validate_article(to_graph(extraction), meta).conforms
    extraction.strike_reports[0].strike_count = None
    report = validate_article(to_graph(extraction), meta)
    assert [v.split(": ", 2)[1] for v in report.violations] == [
        "strike-report/seedsize/s0 ig:strikeCount"
    ]


def test_concepts_must_come_from_the_right_scheme():
    extraction = seed_sized_extraction()
    extraction.mentions, extraction.strike_reports = [], []
    extraction.claims, extraction.figures = [], []
    extraction.events = extraction.events[:1]
    graph = to_graph(extraction)
    event = next(graph.subjects(RDF.type, IG.ControlChange))
    graph.set((event, IG.datePrecision, concept("date-precision", "fortnight")))
    graph.set((event, IG.countQualifier, concept("target-type", "cave")))
    report = validate_article(graph, meta_triples(extraction.article, current_run("m", "1")))
    paths = sorted(v.split(": ", 2)[1].split(" ")[1] for v in report.violations)
    assert paths == ["ig:countQualifier", "ig:datePrecision"]


def test_prov_points_at_the_run():
    ds = case_dataset("valid")
    ds.graph(META_GRAPH).set((T1, PROV.wasGeneratedBy, ID["run/nowhere"]))
    report = validate_dataset(ds)
    expected_line = "meta: run/nowhere: prov:wasGeneratedBy must point at an ig:ExtractionRun"
    assert expected_line in report.violations
    assert all(v.startswith("meta: run/nowhere") for v in report.violations)
