"""The Oxigraph backend answers every query as rdflib does, over the union of the graphs."""

from __future__ import annotations

import gc
import shutil
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, Namespace, URIRef

from isisgraph import store as store_module
from isisgraph.errors import InputError
from isisgraph.graphio import read_dataset
from isisgraph.namespaces import IG, place
from isisgraph.query import list_queries, python_value, run_query, sort_list_cell
from isisgraph.store import open_oxigraph, run_sparql, to_oxigraph, to_rdflib

FIXTURE = Path(__file__).parent / "data" / "export" / "small.trig"
ID = "https://w3id.org/isisgraph/id/"
# a plain Namespace: pytest inspects module globals, and rdflib's XSD warns on unknown names
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
PREFIXES = """PREFIX ig: <https://w3id.org/isisgraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX schema: <http://schema.org/>
"""

# Ad-hoc queries touching what saved queries use: GRAPH, paths, aggregates, OPTIONAL,
# language tags, dates, numbers, string functions, ordering.
QUERIES = {
    "graphs": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    "union": "SELECT ?e ?label WHERE { ?e ig:location ?p . ?p skos:prefLabel ?label }",
    "path": "SELECT ?town ?country WHERE { ?town ig:partOf+ ?country . ?country a ig:Country }",
    "sum": "SELECT ?who (SUM(?n) AS ?strikes) (COUNT(?r) AS ?reports) "
           "WHERE { ?r a ig:StrikeReport ; ig:strikeCount ?n ; ig:perpetrator ?who } GROUP BY ?who",
    "optional": "SELECT ?e ?killed WHERE { ?e ig:trigger ?t "
                "OPTIONAL { ?e ig:killedCount ?killed } }",
    "dates": "SELECT ?e ?d WHERE { ?e ig:startDate ?d FILTER(?d >= \"2017-12-01\"^^xsd:date) }",
    "strings": "SELECT (CONCAT(STR(?l), \" (\", LANG(?l), \")\") AS ?text) "
               "WHERE { ?x skos:prefLabel ?l FILTER(CONTAINS(LCASE(?l), \"ra\")) }",
    "ordered": "SELECT ?e ?d WHERE { ?e ig:startDate ?d } ORDER BY DESC(?d) ?e LIMIT 3",
    "average": "SELECT (AVG(?n) AS ?mean) (MAX(?n) AS ?most) WHERE { ?r ig:strikeCount ?n }",
    "provenance": "SELECT ?e ?publisher ?exact WHERE { GRAPH ?g { ?e ig:evidence ?ev } "
                  "?ev oa:hasSource ?a ; oa:hasSelector/oa:exact ?exact . "
                  "?a schema:publisher ?publisher }",
    "distinct": "SELECT DISTINCT ?type WHERE { ?s a ?type }",
    "ask": "ASK { ?e ig:gainedControl ?who . ?who a ig:ArmedGroup }",
}


@pytest.fixture(scope="module")
def rdflib_source():
    return read_dataset(FIXTURE)


@pytest.fixture(scope="module")
def oxigraph_source():
    return open_oxigraph(FIXTURE)


def answers(result, lists: tuple[str, ...] = ()) -> list[tuple]:
    """A result as the query command prints it (plain Python values), in a fixed order."""
    if result.type == "ASK":
        return [(bool(result.askAnswer),)]
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return sorted(tuple(python_value(t) for t in triple) for triple in result.graph)
    columns = [str(v) for v in result.vars]
    rows = []
    for solution in result:
        row = [python_value(solution[i]) for i in range(len(columns))]
        cells = zip(columns, row, strict=True)
        rows.append(tuple(sort_list_cell(v) if c in lists else v for c, v in cells))
    return sorted(rows, key=repr)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_oxigraph_answers_as_rdflib(name, rdflib_source, oxigraph_source):
    query = PREFIXES + QUERIES[name]
    expected = run_sparql("rdflib", rdflib_source, query)
    actual = run_sparql("oxigraph", oxigraph_source, query)
    assert answers(actual) == answers(expected)
    assert answers(expected), "the fixture should give each ad-hoc query an answer"
    if expected.type == "SELECT":
        assert actual.vars == expected.vars


def test_select_star_keeps_rdflib_column_order(rdflib_source, oxigraph_source):
    # rdflib orders the columns of SELECT * by a set (it changes with PYTHONHASHSEED);
    # Oxigraph alphabetically. The backend follows rdflib's order within the process.
    query = PREFIXES + "SELECT * WHERE { ?zeta ig:trigger ?alpha . ?zeta ig:location ?mid }"
    expected = run_sparql("rdflib", rdflib_source, query)
    actual = run_sparql("oxigraph", oxigraph_source, query)
    assert actual.vars == expected.vars
    assert {str(v) for v in actual.vars} == {"zeta", "alpha", "mid"}


def test_results_are_rdflib_terms(oxigraph_source):
    query = PREFIXES + ("SELECT ?label ?n ?d WHERE { ?e ig:location ?p ; ig:startDate ?d . "
                        "?p skos:prefLabel ?label . OPTIONAL { ?e ig:killedCount ?n } } "
                        "ORDER BY ?d")
    rows = list(run_sparql("oxigraph", oxigraph_source, query))
    assert rows[0][0] == Literal("Raqqa", lang="en")  # October 1-31 comes first
    assert rows[0][1] is None
    assert rows[0][2] == Literal("2017-10-01", datatype=XSD.date)
    assert any(r[1] == Literal(4, datatype=XSD.integer) for r in rows)


@pytest.mark.parametrize("term", [
    URIRef("https://w3id.org/isisgraph/id/place/hawija"),
    Literal("plain"),
    Literal("Hawija", lang="en"),
    Literal("2017-10-05", datatype=XSD.date),
    Literal(42, datatype=XSD.integer),
])
def test_terms_survive_the_round_trip(term):
    assert to_rdflib(to_oxigraph(term)) == term


@pytest.mark.parametrize("bindings, expected", [
    ({"p": place("hawija")}, 3),  # not projected: bound through VALUES
    ({"p": place("raqqa")}, 1),
    ({"p": place("nowhere")}, 0),
])
def test_parameters_are_bound_as_terms(bindings, expected, rdflib_source, oxigraph_source):
    query = PREFIXES + "SELECT (COUNT(?e) AS ?n) WHERE { ?e ig:location ?p }"
    for backend, source in (("rdflib", rdflib_source), ("oxigraph", oxigraph_source)):
        rows = list(run_sparql(backend, source, query, bindings))
        assert rows[0][0].toPython() == expected, backend


@pytest.mark.parametrize("value", [
    'Hawija"@en } ?e ?p ?o . FILTER(true) } #',
    "x' } DELETE WHERE { ?s ?p ?o } #",
    "line\nbreak } UNION { ?s ?p ?o",
])
def test_injection_strings_stay_literals(value, rdflib_source, oxigraph_source):
    query = PREFIXES + "SELECT ?x WHERE { ?x skos:prefLabel ?label }"
    before = len(oxigraph_source)
    for backend, source in (("rdflib", rdflib_source), ("oxigraph", oxigraph_source)):
        assert list(run_sparql(backend, source, query, {"label": Literal(value)})) == [], backend
    assert len(oxigraph_source) == before


def test_store_on_disk_is_reused_until_the_file_changes(tmp_path, monkeypatch):
    source = tmp_path / "graph.trig"
    shutil.copy(FIXTURE, source)
    location = tmp_path / "store"
    store = open_oxigraph(source, location)
    assert len(store) == 165
    assert (location / store_module.STAMP_FILE).is_file()
    del store
    gc.collect()

    def no_reload(*args, **kwargs):
        raise AssertionError("the unchanged file was parsed again")

    monkeypatch.setattr(store_module, "load_into", no_reload)
    store = open_oxigraph(source, location)
    assert len(store) == 165
    del store
    gc.collect()
    monkeypatch.undo()

    with source.open("a", encoding="utf-8") as handle:
        handle.write('\n<https://w3id.org/isisgraph/graph/extra> '
                     '{ <urn:x:s> <urn:x:p> "added" . }\n')
    store = open_oxigraph(source, location)
    assert len(store) == 166  # reloaded, not appended to the old content
    del store
    gc.collect()


def test_errors_name_the_problem(tmp_path, oxigraph_source):
    with pytest.raises(InputError, match="no such graph file"):
        run_sparql("oxigraph", tmp_path / "missing.trig", "ASK {}")
    with pytest.raises(InputError, match="unknown backend 'jena'"):
        run_sparql("jena", FIXTURE, "ASK {}")
    with pytest.raises(InputError, match="not valid SPARQL"):
        run_sparql("oxigraph", oxigraph_source, "SELEKT * WHERE { ?s ?p ?o }")
    with pytest.raises(InputError, match="not valid SPARQL"):
        run_sparql("rdflib", FIXTURE, "SELEKT * WHERE { ?s ?p ?o }")
    bad = tmp_path / "bad.nq"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.nq: not valid N-Quads \(line 1\)"):
        open_oxigraph(bad)


# ---------------------------------------------------------------- saved queries

SAVED = list_queries()


def compare_saved_queries(path: Path) -> dict[str, tuple[float, float]]:
    """Every saved query with its default parameters on both backends; the timings.

    Fails listing every query whose answers differ. Where they do, check the query against
    rdflib's known SPARQL bugs first (an empty GROUP BY sub-select joins as one empty row,
    RDFLib/rdflib#3382; GROUP_CONCAT(DISTINCT) of an OPTIONAL variable raises, #716):
    Oxigraph follows the SPARQL 1.1 semantics.
    """
    dataset, oxi = read_dataset(path), open_oxigraph(path)
    timings, problems = {}, []
    for saved in SAVED:
        results = []
        for source in (dataset, oxi):  # what `isisgraph query --backend rdflib|oxigraph` runs
            started = time.perf_counter()
            try:
                results.append(run_query(saved, source))
            except Exception as exc:  # noqa: BLE001 (reported with the others below)
                problems.append(f"{saved.name}: {type(source).__name__} failed: {exc}")
                break
            results.append(time.perf_counter() - started)
        if len(results) < 4:
            continue
        expected, rdflib_seconds, actual, oxigraph_seconds = results
        timings[saved.name] = (rdflib_seconds, oxigraph_seconds)
        theirs, ours = sorted(expected.rows, key=repr), sorted(actual.rows, key=repr)
        if ours != theirs:
            only_rdflib = [r for r in theirs if r not in ours][:3]
            only_oxigraph = [r for r in ours if r not in theirs][:3]
            problems.append(f"{saved.name}: {len(theirs)} rows on rdflib, {len(ours)} on Oxigraph; "
                            f"only rdflib {only_rdflib}; only Oxigraph {only_oxigraph}")
        elif actual.columns != expected.columns:
            problems.append(f"{saved.name}: columns {actual.columns} != {expected.columns}")
    assert not problems, "\n".join(problems)
    return timings


@pytest.mark.skipif(not SAVED, reason="no saved queries in queries/ yet")
def test_every_saved_query_gives_the_same_answers_on_the_fixture():
    assert len(compare_saved_queries(FIXTURE)) == len(SAVED)


@pytest.mark.slow
@pytest.mark.skipif(not SAVED, reason="no saved queries in queries/ yet")
def test_every_saved_query_gives_the_same_answers_on_the_seeds(seeds_build):
    path, _ = seeds_build
    timings = compare_saved_queries(path)
    rdflib_total = sum(t[0] for t in timings.values())
    oxigraph_total = sum(t[1] for t in timings.values())
    print(f"\nsaved queries on the seeds: rdflib {rdflib_total:.3f} s, "
          f"oxigraph {oxigraph_total:.3f} s")
    assert len(timings) == len(SAVED)


def test_in_memory_store_is_a_pyoxigraph_store(oxigraph_source):
    assert isinstance(oxigraph_source, ox.Store)


# ---------------------------------------------------------------- the query command, both backends

TWIN_ARTICLE = """
@prefix ig: <https://w3id.org/isisgraph/ontology#> .
@prefix id: <https://w3id.org/isisgraph/id/> .
@prefix g: <https://w3id.org/isisgraph/graph/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <http://schema.org/> .
g:meta { id:article\\/a3 a ig:NewsArticle ; schema:publisher "Third Paper" .
         g:doc\\/a3 a ig:ExtractionGraph ; prov:wasDerivedFrom id:article\\/a3 . }
g:doc\\/a3 {
    id:event\\/a3\\/hawija a ig:ControlChange ; ig:trigger "liberated" ;
        ig:gainedControl id:actor\\/isf ; ig:lostControl id:actor\\/isis ;
        ig:location id:place\\/hawija ;
        ig:startDate "2017-10-05"^^xsd:date ; ig:endDate "2017-10-05"^^xsd:date ;
        ig:evidence id:event\\/a3\\/hawija\\/evidence\\/0-40 .
    id:event\\/a3\\/hawija\\/evidence\\/0-40 a ig:Evidence ; oa:hasSource id:article\\/a3 .
}
"""


def cli_answers(name: str, graph: Path, backend: str) -> list[str]:
    from click.testing import CliRunner

    from isisgraph.cli import main

    args = ["query", name, str(graph), "-f", "csv", "--backend", backend]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    header, *rows = result.output.splitlines()
    return [header, *sorted(rows)]


@pytest.mark.skipif(not SAVED, reason="no saved queries in queries/ yet")
def test_query_command_reconciles_on_both_backends(tmp_path):
    graph = tmp_path / "three-articles.trig"
    graph.write_text(FIXTURE.read_text(encoding="utf-8") + TWIN_ARTICLE, encoding="utf-8")
    store = store_module.with_reconcile_links(open_oxigraph(graph))
    query = PREFIXES + "SELECT ?a ?b WHERE { ?a ig:sameEventAs ?b }"
    links = {(str(a), str(b)) for a, b in run_sparql("oxigraph", store, query)}
    assert (f"{ID}event/a1/hawija", f"{ID}event/a3/hawija") in links
    for saved in SAVED:
        expected = cli_answers(saved.name, graph, "rdflib")
        assert cli_answers(saved.name, graph, "oxigraph") == expected, saved.name


@pytest.mark.slow
@pytest.mark.skipif(not SAVED, reason="no saved queries in queries/ yet")
def test_query_command_gives_the_same_tables_on_both_backends_for_the_seeds(seeds_build):
    # what `isisgraph query --backend ...` loads (with reconcile links), loaded once per backend
    from isisgraph.store import open_for_queries

    path, _ = seeds_build
    with open_for_queries(path, "rdflib") as rdflib_graph, open_for_queries(path, "oxigraph") as oxigraph_store:
        for saved in SAVED:
            expected, actual = run_query(saved, rdflib_graph), run_query(saved, oxigraph_store)
            assert actual.columns == expected.columns, saved.name
            assert sorted(actual.rows, key=repr) == sorted(expected.rows, key=repr), saved.name


def test_a_store_is_reconciled_from_its_own_triples_as_rdflib_reconciles_the_whole_file(seeds_build):
    from isisgraph.reconcile import RECONCILE_GRAPH, reconcile

    path, _ = seeds_build
    expected = set(reconcile(read_dataset(path)))
    assert IG.sameEventAs in {p for _, p, _ in expected}  # the seeds report events more than once
    store = store_module.with_reconcile_links(open_oxigraph(path))
    links = store.quads_for_pattern(None, None, None, ox.NamedNode(str(RECONCILE_GRAPH)))
    assert {(to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)) for q in links} == expected
    # the copy handed to reconcile holds a small part of the build, and no provenance
    inputs = store_module.reconcile_inputs(store)
    assert sum(1 for _ in inputs.quads((None, None, None, None))) < len(store) / 4
    assert not set(inputs.predicates(None, None)) & {URIRef("http://www.w3.org/ns/oa#hasSource")}
