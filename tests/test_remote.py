"""Saved queries on a store the graph was pushed to: `isisgraph query NAME --endpoint URL`
against the real Oxigraph server on loopback, every answer compared with the local one."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from test_push import OxigraphServer, free_port, needs_server  # the same server harness

from isisgraph.cli import main
from isisgraph.push import push
from isisgraph.query import list_queries

FIXTURE = Path(__file__).parent / "data" / "queries" / "fixture.trig"
NAMES = [q.name for q in list_queries()]


def invoke(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def pushed(tmp_path_factory) -> OxigraphServer:
    server = OxigraphServer(tmp_path_factory.mktemp("store") / "oxigraph").start()
    try:
        push(FIXTURE, server.store)
        yield server
    finally:
        server.stop()


@needs_server
@pytest.mark.parametrize("name", NAMES)
def test_every_saved_query_answers_over_the_endpoint_as_from_the_file(pushed, name):
    local = invoke("query", name, FIXTURE, "-f", "csv")
    remote = invoke("query", name, "--endpoint", pushed.query, "-f", "csv")
    assert local.exit_code == remote.exit_code == 0, remote.output
    local_lines, remote_lines = local.stdout.splitlines(), remote.stdout.splitlines()
    assert remote_lines[0] == local_lines[0]  # the same columns
    assert len(local_lines) > 1, f"{name} answers nothing on the fixture"
    # the same rows (ties of ORDER BY may come in another order from another engine)
    assert sorted(remote_lines[1:]) == sorted(local_lines[1:])


@needs_server
def test_parameters_are_names_on_the_endpoint_too(pushed):
    by_label = invoke("query", "strikes-near-place", "--endpoint", pushed.query, "--param",
                      "place=Kirkuk Governorate", "-f", "csv")
    local = invoke("query", "strikes-near-place", FIXTURE, "--param", "place=place/kirkuk-governorate", "-f", "csv")
    assert by_label.exit_code == 0 and by_label.stdout == local.stdout
    typo = invoke("query", "strikes-near-place", "--endpoint", pushed.query, "--param", "place=hawja")
    assert typo.exit_code == 0
    assert "closest names: Hawija (place/hawija)" in typo.stderr


@needs_server
def test_limit_and_offset_page_an_endpoint_answer_too(pushed):
    whole = invoke("query", "strike-reports", "--endpoint", pushed.query, "-f", "csv")
    header, *rows = whole.stdout.splitlines()
    page = invoke("query", "strike-reports", "--endpoint", pushed.query, "-f", "csv", "--offset", "2", "--limit", "1")
    assert page.exit_code == 0, page.output
    assert page.stdout.splitlines() == [header, rows[2]]


def test_an_endpoint_that_does_not_answer_is_one_line_and_exit_1():
    endpoint = f"http://127.0.0.1:{free_port()}/query"  # nothing listens there
    result = invoke("query", "strike-reports", "--endpoint", endpoint)
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot query {endpoint}: connection refused\n"


def test_graph_and_endpoint_together_is_a_usage_error():
    result = invoke("query", "strike-reports", FIXTURE, "--endpoint", "http://127.0.0.1:1/query")
    assert result.exit_code == 2
    assert "give GRAPH or --endpoint, not both" in result.stderr


def test_the_exit_code_legends_list_a_store_that_cannot_be_reached():
    # push exits 1 on a refused connection (test_push): the legend of its --help says so
    for command in ("push", "query"):
        text = " ".join(invoke(command, "--help").stdout.split())
        legend = text.split("Exit codes:", 1)[1].split(" 2 ", 1)[0]
        assert "be reached" in legend, command
