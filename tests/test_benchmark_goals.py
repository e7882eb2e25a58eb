"""The goals report `make bench` and `make bench-queries` end with (benchmarks/run.py's goals):
each goal of issue 12 against the figures a run measured, on results made up by hand."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.run import goals  # noqa: E402


def made_up() -> dict:
    return {
        "sizes": [{
            "size": 20,
            "spacy": {1: {"cpu_seconds": 4.0}, 2: {"cpu_seconds": 5.0}},
            "build": {1: {"cpu_seconds": 10.0}, 2: {"cpu_seconds": 5.0}},
            "dask": {1: {"seconds": 30.0, "same_as_local": True}, 2: {"seconds": 20.0, "same_as_local": True}},
        }],
        "stores": {"20": {
            "queries": {"fast": {"cpu": 0.5, "exit": 0}, "slow": {"cpu": 3.0, "exit": 0},
                        "failed": {"cpu": 0.2, "exit": 1}},
            "incremental": {"changed": 10, "wall": 30.0, "cpu": 8.0},
        }},
    }


def test_each_goal_against_its_figure():
    lines = {line.split("  ")[0]: line for line in goals(made_up()) if line.startswith("goal ")}
    assert set(lines) == {"goal 1", "goal 2", "goal 3", "goal 4"}
    # 4 / 10 CPU s = 0.40, half of 0.8; 5 / 5 = 1.00
    assert "20 articles, 1 process(es): 0.40 (missed by 2.0x)" in lines["goal 1"]
    assert "20 articles, 2 process(es): 1.00 (met)" in lines["goal 1"]
    # one of three under a second (the failed one does not count), the slowest three times over
    assert "20 articles: 1 of 3 under 1 CPU s, slowest slow 3.00 s (missed by 3.0x)" in lines["goal 2"]
    assert "10 of 20 changed: 30.0 s wall, 8.0 CPU s (met)" in lines["goal 3"]
    # 30 s with one worker, 20 with two
    assert "1 -> 2 worker(s): 1.50x by wall time, output the same as the local build's (met)" in lines["goal 4"]


def test_goal_2_from_the_queries_on_the_graph_file():
    # `make bench` without stores: the engine's wall seconds of each query and narrowed query
    results = {"sizes": [{"size": 20, "spacy": {}, "build": {}}],
               "queries": {"oxigraph": {"medians": {"a": 0.5, "b": 2.0}, "narrowed": {"a x=1": {"median": 0.3}}}}}
    [line] = [line for line in goals(results) if line.startswith("goal 2")]
    assert "20 articles, the graph file in Oxigraph on disk" in line
    assert "2 of 3 under 1 s, slowest b 2.00 s (missed by 2.0x)" in line


def test_a_run_that_measured_nothing_says_so_for_each_goal():
    lines = [line for line in goals({"sizes": []}) if line.startswith("goal ")]
    assert len(lines) == 4 and all(line.endswith("not measured in this run") for line in lines)
