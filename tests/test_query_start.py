"""What `isisgraph query` loads before it answers from a store: only what the query uses.

A saved query on a build store needs neither the extraction (spaCy), nor validation
(pyshacl), nor the views, nor rdflib's SPARQL parser: Oxigraph parses a query that cannot reach
past its graph itself (:func:`isisgraph.query.plain_query`). The imports are read in a fresh
interpreter, as the command runs."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from isisgraph.errors import QueryError
from isisgraph.query import plain_query, run_query
from isisgraph.store import open_oxigraph

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "data" / "export" / "small.trig"

# what a saved query on a store must not import (the first part of a module's name)
NOT_FOR_A_QUERY = ("spacy", "pyshacl", "dask", "distributed", "networkx", "nbclient", "rich", "tqdm",
                   "isisgraph.extract", "isisgraph.nlp", "isisgraph.views", "isisgraph.viz",
                   "rdflib.plugins.sparql.parser")

RUN_AND_LIST_MODULES = """
import json, sys
from isisgraph.cli import main
try:
    main(sys.argv[2:])
except SystemExit as exc:
    code = exc.code
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump({"code": code, "modules": sorted(sys.modules)}, out)
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    from isisgraph.build import build

    folder = tmp_path_factory.mktemp("query-start")
    build([seeds_dir], folder / "graph.nq", store=folder / "store")
    return folder / "store"


def command_modules(tmp_path: Path, *args: str) -> tuple[int, list[str]]:
    """The exit code of `isisgraph ARGS` and the modules loaded when it ended."""
    listed = tmp_path / "modules.json"
    source = str(ROOT / "src")
    subprocess.run([sys.executable, "-c", RUN_AND_LIST_MODULES, str(listed), *args], check=True,
                   cwd=tmp_path, capture_output=True, env={**os.environ, "PYTHONPATH": source})
    found = json.loads(listed.read_text(encoding="utf-8"))
    return found["code"], found["modules"]


def unwanted(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == name or m.startswith(name + ".") for name in NOT_FOR_A_QUERY)]


@pytest.mark.parametrize("args", [
    ("strike-reports", "--param", "since=2017-03", "--param", "until=2017-03"),
    ("strikes-near-place", "--param", "place=place/iraq"),
    ("co-actors",),
])
def test_a_saved_query_on_a_store_imports_only_what_it_uses(tmp_path, store, args):
    code, modules = command_modules(tmp_path, "query", *args, str(store), "--format", "csv")
    assert code in (0, None)
    assert "pyoxigraph" in modules  # it did answer from the store
    assert unwanted(modules) == []


def test_the_query_help_imports_no_engine(tmp_path):
    code, modules = command_modules(tmp_path, "query", "--help")
    assert code in (0, None)
    assert unwanted(modules) == []
    assert "isisgraph.cli.build" not in modules and "pyoxigraph" not in modules


@pytest.mark.parametrize("text", [
    "SELECT ?x WHERE { ?x ?p ?o }",
    "# a comment that says where the rows come from\nPREFIX ig: <urn:x#>\nSELECT ?x WHERE { ?x ig:from ?from }",
    "  \t# SERVICE in a comment line\nASK { ?s ?p ?o }",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(?loading) }",
    'SELECT ?s WHERE { ?x ?p ?n BIND(CONCAT(STR(?n), " attacks", " from ", "May") AS ?s) }',  # words in strings
    "SELECT ?x WHERE { ?x ?p 'using a \\' quote' }",
])
def test_a_query_that_reaches_nothing_is_plain(text):
    assert plain_query(text)


@pytest.mark.parametrize("text", [
    "SELECT ?x WHERE { SERVICE <http://example.org/sparql> { ?x ?p ?o } }",
    "SELECT ?x WHERE { service ?where { ?x ?p ?o } }",
    "SELECT ?x FROM <urn:g> WHERE { ?x ?p ?o }",
    "SELECT ?x\nFROM NAMED <urn:g> WHERE { GRAPH ?g { ?x ?p ?o } }",
    "SELECT ?x WHERE { ?x ?p ?o } # SERVICE after code on the same line is not trusted as a comment",
    'SELECT ?x WHERE { ?x ?p """a\n# SERVICE <http://x/> { } """ }',  # the # line is inside a long string
    "SELECT ?x WHERE { \\u0053ERVICE <http://example.org/sparql> { ?x ?p ?o } }",  # \\u0053 is S
    "SELECT * WHERE { ?x ?p ?o }",  # rdflib's column order
    "SELECT ?x WHERE { <urn:a'> ?p <urn:b'> SERVICE <http://x/> { } }",  # a quote in an IRI starts no string
    "SELECT ?x WHERE { ?x ?p ?o } # it's \" SERVICE",  # nor one after a #
    "INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "DROP ALL",
])
def test_anything_else_goes_through_rdflibs_parser(text):
    assert not plain_query(text)


def test_a_syntax_error_on_oxigraph_still_names_file_line_and_column(tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("# title: t\n# question: q?\nSELECT ?x WHERE {\n  ?x ?p ?o .\n  FILTER(?x = }\n", encoding="utf-8")
    with pytest.raises(QueryError, match=re.escape(f"{bad}:5:3: SPARQL syntax error")):
        run_query(bad, open_oxigraph(FIXTURE))


def test_a_service_on_oxigraph_is_still_refused(tmp_path):
    rq = tmp_path / "remote.rq"
    rq.write_text("SELECT ?x WHERE {\n  SERVICE <http://127.0.0.1:9/sparql> { ?x ?p ?o }\n}\n", encoding="utf-8")
    with pytest.raises(QueryError, match="would send the query to another server"):
        run_query(rq, open_oxigraph(FIXTURE))
