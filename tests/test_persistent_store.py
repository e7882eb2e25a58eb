"""Large graphs are queried from an Oxigraph store kept on disk beside the file."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from isisgraph import store
from isisgraph.cli import main
from isisgraph.query import run_query

ASK_RESPELLED = 'ASK { GRAPH ?g { ?s ?p ?o FILTER (CONTAINS(STR(?o), "Hawiija")) } }'


@pytest.fixture
def graph_copy(seeds_build, tmp_path: Path) -> Path:
    path, _ = seeds_build
    copy = tmp_path / "graph.trig"
    shutil.copy(path, copy)
    return copy


def test_auto_picks_rdflib_for_a_small_file_and_oxigraph_for_a_large_one(graph_copy: Path, monkeypatch):
    assert store.choose_backend(graph_copy) == "rdflib"
    assert store.choose_backend(graph_copy, "oxigraph") == "oxigraph"
    monkeypatch.setattr(store, "PERSISTENT_STORE_BYTES", graph_copy.stat().st_size)
    assert store.choose_backend(graph_copy) == "oxigraph"
    assert store.choose_backend(graph_copy, "rdflib") == "rdflib"


def test_a_large_file_gets_a_store_on_disk_that_is_reused_until_the_file_changes(graph_copy: Path, monkeypatch):
    location = store.store_location(graph_copy)
    assert location == graph_copy.parent / ".graph.trig.oxigraph"
    with store.query_store(graph_copy) as first:
        rows = run_query("strike-reports", first).rows
        quads = len(first)
        del first
    gc.collect()  # the store's own lock is released when the last reference goes
    assert (location / store.STAMP_FILE).is_file()

    def no_reload(*args, **kwargs):
        raise AssertionError("the unchanged file was parsed again")

    monkeypatch.setattr(store, "load_into", no_reload)
    with store.query_store(graph_copy) as again:
        assert len(again) == quads and run_query("strike-reports", again).rows == rows
        assert not bool(again.query(ASK_RESPELLED))
        del again
    gc.collect()
    monkeypatch.undo()
    graph_copy.write_text(graph_copy.read_text(encoding="utf-8").replace("Hawija", "Hawiija"), encoding="utf-8")
    with store.query_store(graph_copy) as changed:
        assert bool(changed.query(ASK_RESPELLED))  # reloaded: the store follows the file
        del changed
    gc.collect()


def test_the_query_command_answers_the_same_from_the_store_on_disk(graph_copy: Path, monkeypatch):
    runner = CliRunner()
    in_memory = runner.invoke(main, ["query", "strikes-per-country-month", str(graph_copy)])
    assert in_memory.exit_code == 0, in_memory.output
    assert not store.store_location(graph_copy).exists()
    monkeypatch.setattr(store, "PERSISTENT_STORE_BYTES", 1)
    on_disk = runner.invoke(main, ["query", "strikes-per-country-month", str(graph_copy)])
    assert on_disk.exit_code == 0, on_disk.output
    assert store.store_location(graph_copy).is_dir()
    assert on_disk.output == in_memory.output
