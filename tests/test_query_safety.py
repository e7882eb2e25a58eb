"""A query reaches nothing but its graph unless allowed, can be stopped, and streams its rows."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import selectors
import shutil
import signal
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from isisgraph import store as store_module
from isisgraph.cli import main
from isisgraph.errors import QueryError
from isisgraph.graphio import read_dataset
from isisgraph.query import run_query, stream_query
from isisgraph.running import QueryTimeout
from isisgraph.store import open_oxigraph, query_store, run_sparql

FIXTURE = Path(__file__).parent / "data" / "export" / "small.trig"
SRC = Path(__file__).resolve().parents[1] / "src"
DOC_A1 = "https://w3id.org/isisgraph/graph/doc/a1"

# Every triple with every triple with every triple: 165³ rows, minutes of work for rdflib; with a
# fourth pattern, minutes for Oxigraph too. Queries that outlast any timeout a test sets.
CROSS3 = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g1 { ?a ?b ?c } GRAPH ?g2 { ?d ?e ?f } GRAPH ?g3 { ?g ?h ?i } }"
CROSS4 = CROSS3.replace("?i } }", "?i } GRAPH ?g4 { ?j ?k ?l } }")
ROWS3 = "SELECT ?a ?d ?g WHERE { GRAPH ?g1 { ?a ?b ?c } GRAPH ?g2 { ?d ?e ?f } GRAPH ?g3 { ?g ?h ?i } }"
# The same search, row by row, for a row that never comes (a filter on all four patterns, which
# the engine cannot apply before joining them): the header is printed, then nothing for minutes.
NEVER4 = CROSS4.replace("SELECT (COUNT(*) AS ?n)", "SELECT ?a").replace(
    "?l } }", '?l } FILTER(STR(?a) = CONCAT(STR(?d), STR(?g), STR(?j), "never")) }')


class SparqlServer:
    """A SPARQL endpoint on 127.0.0.1 answering one row, counting the requests it receives."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.received = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def answer(self) -> None:
                server.requests.append(f"{self.command} {self.path}")
                server.received.set()  # before answering: the client may be done as soon as it has the answer
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                body = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": [
                    {"x": {"type": "literal", "value": "from the remote server"}}]}}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = answer  # noqa: N815 (http.server's naming)

            def log_message(self, *args: object) -> None:
                """Quiet."""

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/sparql"

    def __enter__(self) -> SparqlServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def writable(folder: Path) -> bool:
    try:
        (folder / ".probe").touch()
    except OSError:
        return False
    (folder / ".probe").unlink()
    return True


def query_file(tmp_path: Path, text: str, name: str = "q.rq") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def invoke(*args: str):
    return CliRunner().invoke(main, ["query", *args])


# ---------------------------------------------------------------- nothing reached unless allowed


@pytest.mark.parametrize("backend", ["rdflib", "oxigraph"])
def test_service_is_refused_and_the_server_never_hears_of_it(tmp_path, backend):
    with SparqlServer() as server:
        rq = query_file(tmp_path, f"SELECT ?x WHERE {{ SERVICE <{server.url}> {{ ?x ?p ?o }} }}")
        result = invoke(str(rq), str(FIXTURE), "--backend", backend)
        assert server.requests == []
    assert result.exit_code == 1
    assert result.output == (f"Error: {rq}: SERVICE <{server.url}> would send the query to another server; "
                             "queries stay on this machine — pass --allow-remote to let it\n")


@pytest.mark.parametrize("backend", ["rdflib", "oxigraph"])
def test_allow_remote_lets_service_reach_the_server_on_both_backends(tmp_path, backend):
    with SparqlServer() as server:
        rq = query_file(tmp_path, f"SELECT ?x WHERE {{ SERVICE <{server.url}> {{ ?x ?p ?o }} }}")
        result = invoke(str(rq), str(FIXTURE), "--backend", backend, "--allow-remote", "-f", "csv")
        assert server.received.is_set()
    assert result.exit_code == 0, result.output
    assert result.output == "x\nfrom the remote server\n"


@pytest.mark.parametrize("backend", ["rdflib", "oxigraph"])
def test_from_a_local_file_or_a_url_is_refused(tmp_path, backend):
    secret = tmp_path / "secret.ttl"
    secret.write_text('<urn:x:s> <urn:x:p> "the secret" .\n', encoding="utf-8")
    with SparqlServer() as server:
        for iri in (secret.as_uri(), server.url):
            rq = query_file(tmp_path, f"SELECT ?o FROM <{iri}> WHERE {{ ?s ?p ?o }}")
            result = invoke(str(rq), str(FIXTURE), "--backend", backend, "-f", "csv")
            assert result.exit_code == 1, result.output
            assert result.output == (f"Error: {rq}: FROM <{iri}> names no graph of the file, and isisgraph does "
                                     "not fetch graphs; name a graph of the file (GRAPH ?g lists them) or pass "
                                     "--allow-remote to let it\n")
        assert server.requests == []


def test_rdflib_reads_a_from_file_only_when_allowed_and_oxigraph_says_it_cannot(tmp_path):
    secret = tmp_path / "secret.ttl"
    secret.write_text('<urn:x:s> <urn:x:p> "the secret" .\n', encoding="utf-8")
    rq = query_file(tmp_path, f"SELECT ?o FROM <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}")
    allowed = invoke(str(rq), str(FIXTURE), "--backend", "rdflib", "--allow-remote", "-f", "csv")
    assert allowed.exit_code == 0 and allowed.output == "o\nthe secret\n"
    oxigraph = invoke(str(rq), str(FIXTURE), "--backend", "oxigraph", "--allow-remote")
    assert oxigraph.exit_code == 1
    assert oxigraph.output.endswith("and Oxigraph does not fetch graphs; run it with --backend rdflib\n")


def test_from_a_graph_of_the_file_answers_the_same_on_both_backends(tmp_path):
    text = f"SELECT (COUNT(*) AS ?n) FROM <{DOC_A1}> WHERE {{ ?s ?p ?o }}"
    rq = query_file(tmp_path, text)
    answers = {backend: invoke(str(rq), str(FIXTURE), "--backend", backend, "-f", "csv").output
               for backend in ("rdflib", "oxigraph")}
    expected = sum(1 for q in open_oxigraph(FIXTURE) if q.graph_name.value == DOC_A1)
    assert answers == {"rdflib": f"n\n{expected}\n", "oxigraph": f"n\n{expected}\n"}
    assert 0 < expected < 165  # that one graph, not the union


def test_load_is_refused_even_with_allow_update(tmp_path):
    with SparqlServer() as server:
        rq = query_file(tmp_path, f"LOAD <{server.url}> INTO GRAPH <urn:x:g>")
        result = invoke(str(rq), str(FIXTURE), "--allow-update")
        assert server.requests == []
    assert result.exit_code == 1
    assert result.output == (f"Error: {rq}: LOAD <{server.url}> would fetch a graph from outside the file; "
                             "pass --allow-remote to let it\n")


@pytest.mark.parametrize("backend", ["rdflib", "oxigraph"])
def test_the_library_sandboxes_raw_queries_too(backend):
    source = read_dataset(FIXTURE) if backend == "rdflib" else open_oxigraph(FIXTURE)
    with pytest.raises(QueryError, match="SERVICE <http://127.0.0.1:9/> would send the query"):
        run_sparql(backend, source, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")


# ---------------------------------------------------------------- stopped when asked


def test_a_timeout_stops_an_rdflib_query_and_its_worker(tmp_path):
    rq = query_file(tmp_path, CROSS3)
    with pytest.raises(QueryTimeout) as raised:
        run_query(rq, read_dataset(FIXTURE), timeout=0.3)
    assert str(raised.value) == (f"{rq}: the query ran longer than --timeout 0.3 s and was stopped; narrow it "
                                 "(a LIMIT, a date range) or allow more time")
    workers = [t for t in threading.enumerate() if t.name == f"isisgraph query {rq}"]
    for worker in workers:
        worker.join(timeout=60)  # interrupted at once; the bound only keeps a broken build from hanging
    assert not any(worker.is_alive() for worker in workers), "the evaluation went on after the timeout"


def run_command(*args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.Popen([sys.executable, "-m", "isisgraph", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, **kwargs)


def test_a_timeout_stops_an_oxigraph_query(tmp_path):
    rq = query_file(tmp_path, CROSS4)
    process = run_command("query", str(rq), str(FIXTURE), "--backend", "oxigraph", "--timeout", "0.5")
    try:
        _, stderr = process.communicate(timeout=120)  # without a working timeout: minutes
    finally:
        with contextlib.suppress(OSError):
            process.kill()
    assert process.returncode == 1
    assert stderr == (f"Error: {rq}: the query ran longer than --timeout 0.5 s and was stopped; narrow it "
                      "(a LIMIT, a date range) or allow more time\n")


def first_line(stream, seconds: float) -> str:
    """A line from ``stream``, or "" when none came within ``seconds`` (a bound, not a pace)."""
    selector = selectors.DefaultSelector()
    selector.register(stream, selectors.EVENT_READ)
    ready = selector.select(seconds)
    selector.close()
    return stream.readline() if ready else ""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is POSIX")
def test_ctrl_c_stops_an_oxigraph_query_at_once(tmp_path):
    rq = query_file(tmp_path, NEVER4)
    process = run_command("query", str(rq), str(FIXTURE), "--backend", "oxigraph", "-f", "json")
    try:
        assert first_line(process.stdout, 60) == "{\n"  # the event: the query is running
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)  # before: only when the query ended, minutes later
    finally:
        with contextlib.suppress(OSError):
            process.kill()
    assert process.returncode == 1
    assert stderr.endswith("Aborted!\n")


def test_rows_are_read_as_they_are_found_and_stopping_early_stops_the_query(tmp_path):
    rq = query_file(tmp_path, ROWS3)  # 4.5 million rows
    answer = stream_query(rq, read_dataset(FIXTURE))
    assert answer.columns == ["a", "d", "g"]
    first = [next(answer.rows) for _ in range(3)]
    assert all(isinstance(value, str) for row in first for value in row)
    answer.rows.close()  # the reader stops: so does the evaluation
    workers = [t for t in threading.enumerate() if t.name == f"isisgraph query {rq}"]
    for worker in workers:
        worker.join(timeout=60)
    assert not any(worker.is_alive() for worker in workers)


# ---------------------------------------------------------------- the store on disk, shared


@pytest.fixture
def large(tmp_path, monkeypatch) -> Path:
    """A copy of the fixture queried as a large graph is: from a store on disk beside it."""
    graph = tmp_path / "graph.trig"
    shutil.copy(FIXTURE, graph)
    monkeypatch.setattr(store_module, "PERSISTENT_STORE_BYTES", 1)
    return graph


def test_two_queries_read_the_store_on_disk_at_once(large):
    alone = invoke("strike-reports", str(large), "-f", "csv")
    assert alone.exit_code == 0, alone.output
    with query_store(large) as held:  # another query, still running
        assert len(held) > 0
        result = invoke("strike-reports", str(large), "-f", "csv")
        del held
    gc.collect()
    assert result.exit_code == 0, result.output
    assert result.output == alone.output


def test_a_changed_file_is_not_reloaded_under_a_running_query(large):
    assert invoke("strike-reports", str(large)).exit_code == 0
    with query_store(large) as held:
        with large.open("a", encoding="utf-8") as handle:
            handle.write('\n<urn:x:g> { <urn:x:s> <urn:x:p> "added" . }\n')
        result = invoke("strike-reports", str(large))
        assert len(held) > 0  # the running query's store was not touched
        del held
    gc.collect()
    assert result.exit_code == 2
    location = store_module.store_location(large)
    assert result.output == (f"Error: {large} has changed since {location} was loaded, and another isisgraph "
                             "query is still reading that store; run again when it has finished\n")
    assert invoke("strike-reports", str(large)).exit_code == 0  # once it has finished


def test_a_large_graph_in_a_read_only_folder_is_queried_in_memory(tmp_path, monkeypatch):
    folder = tmp_path / "shared"
    folder.mkdir()
    shutil.copy(FIXTURE, folder / "graph.trig")
    monkeypatch.setattr(store_module, "PERSISTENT_STORE_BYTES", 1)
    folder.chmod(0o555)  # enough for a user; root needs the immutable flag
    if writable(folder) and shutil.which("chattr"):
        subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
    try:
        if writable(folder):
            pytest.skip("cannot make a read-only folder here")
        result = invoke("strike-reports", str(folder / "graph.trig"), "-f", "csv")
    finally:
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
        folder.chmod(0o755)
    assert result.exit_code == 0, result.output
    note, *rows = result.output.splitlines()
    location = folder / ".graph.trig.oxigraph"
    assert note.startswith(f"note: cannot write {location} (")
    assert note.endswith(f"; {folder / 'graph.trig'} is loaded in memory for this query instead")
    assert rows[0].startswith("report,strikes,") and len(rows) > 1


def test_an_answer_closed_unread_stops_its_query(tmp_path):
    rq = query_file(tmp_path, ROWS3)
    answer = stream_query(rq, read_dataset(FIXTURE))
    answer.close()  # never read: the worker must not wait forever to hand its rows over
    workers = [t for t in threading.enumerate() if t.name == f"isisgraph query {rq}"]
    for worker in workers:
        worker.join(timeout=60)
    assert not any(worker.is_alive() for worker in workers)
