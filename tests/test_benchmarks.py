"""The benchmark's corpus generator and runner (benchmarks/): reproducible input, complete output.

No timing is asserted here: the runner is a measurement, and these tests only check that it
measures everything it says it does.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.generate import build_lexicon, generate, write_corpus  # noqa: E402
from benchmarks.run import FIRST_PAGE, PAGED  # noqa: E402
from isisgraph.ingest import read_articles  # noqa: E402
from isisgraph.query import list_queries  # noqa: E402


def test_the_same_seed_gives_the_same_corpus(tmp_path: Path):
    first = write_corpus(tmp_path / "a.jsonl", 30, seed=11).read_bytes()
    second = write_corpus(tmp_path / "b.jsonl", 30, seed=11).read_bytes()
    other = write_corpus(tmp_path / "c.jsonl", 30, seed=12).read_bytes()
    assert first == second
    assert first != other


def test_a_larger_corpus_starts_with_the_smaller_one():
    small = list(generate(10, seed=5))
    large = list(generate(25, seed=5))
    assert large[:10] == small


def test_the_corpus_reads_as_articles_with_dates_and_distinct_texts(tmp_path: Path):
    path = write_corpus(tmp_path / "corpus.jsonl", 40, seed=3)
    articles = list(read_articles([path]))
    assert [a.id for a in articles] == [f"bench-{i:06d}" for i in range(40)]
    assert all(a.published is not None and a.title for a in articles)
    assert len({a.text for a in articles}) == 40


def test_articles_name_the_reference_actors_and_places():
    lexicon = build_lexicon()
    texts = [record["text"] for record in generate(60, seed=9)]
    corpus = "\n".join(texts)
    # every article names the adversary and a town of the gazetteer
    for text in texts:
        assert any(name in text for name in lexicon.adversary)
        assert any(town in text for country in lexicon.towns.values() for town in country)
    # across the corpus, each kind of actor and each genre turns up
    assert sum(name in corpus for name in lexicon.strikers) >= 5
    assert sum(name in corpus for name in lexicon.ground_forces) >= 5
    for phrase in ("strikes consisting of", "retook", "claimed responsibility", "troops", "said"):
        assert phrase in corpus


def test_none_of_the_seed_sentences_is_copied():
    seeds = ROOT / "seeds"
    sentences = {s.strip() for path in seeds.glob("*.txt") for s in path.read_text(encoding="utf-8").split(".")
                 if len(s.strip()) > 40}
    corpus = "\n".join(record["text"] for record in generate(200, seed=1))
    assert not [s for s in sentences if s in corpus]


@pytest.mark.slow
def test_the_runner_measures_every_configuration(tmp_path: Path):
    out = tmp_path / "results.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--sizes", "20", "--processes", "1,2",
         "--repeat", "1", "--dask", "--workdir", str(tmp_path / "work"), "--json", str(out)],
        capture_output=True, text=True, cwd=ROOT, timeout=1800,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    table = done.stdout
    for row in ("bare spaCy, 1 process(es)", "bare spaCy, 2 process(es)", "isisgraph build, 1 worker(s)",
                "isisgraph build, 2 worker(s)", "rebuild, unchanged (cache)",
                "throughput isisgraph / bare spaCy, 1 process(es)",
                "throughput isisgraph / bare spaCy, 2 process(es)", "stage shares (1 worker)",
                "rebuild of an unchanged corpus", "slowest on oxigraph", "build on Dask, 1 worker(s)",
                "build on Dask, 2 worker(s)", "build on Dask, 1 -> 2 worker(s)"):
        assert row in table, row
    for query in list_queries():
        assert f"  {query.name} " in table, query.name
    for goal in ("goal 1", "goal 2", "goal 3", "goal 4"):  # the goals report: each goal against its figure
        assert f"\n{goal}  " in table, goal
    results = json.loads(out.read_text(encoding="utf-8"))
    [size] = results["sizes"]
    assert size["size"] == 20
    for workers in ("1", "2"):
        build = size["build"][workers]
        assert build["articles"] == build["processed"] == 20
        assert set(build["times"]) == {"parse", "extract", "emit", "validate", "serialise"}
        assert all(seconds > 0 for seconds in build["times"].values())
        assert build["rss_total_mb"] > 0
    assert size["rebuild"]["articles"] == 20 and size["rebuild"]["processed"] == 0
    for workers in ("1", "2"):  # on a Dask cluster of 1 and 2 workers: every article, the local build's output
        dask = size["dask"][workers]
        assert dask["articles"] == dask["processed"] == 20
        assert dask["triples"] == size["build"][workers]["triples"]
        assert dask["same_as_local"] is True
    # the same texts: the same tokens, but for isisgraph's tokenizer exception ("U.S.-led")
    assert abs(size["spacy"]["1"]["tokens"] - size["build"]["1"]["tokens"]) <= 0.02 * size["build"]["1"]["tokens"]
    queries = results["queries"]
    assert set(queries["oxigraph"]["rows"]) == set(queries["rdflib"]["rows"]) == {q.name for q in list_queries()}
    assert queries["oxigraph"]["rows"] == queries["rdflib"]["rows"]  # both engines, the same answers


@pytest.mark.slow
def test_the_store_runner_times_every_saved_query_at_each_size(tmp_path: Path):
    out = tmp_path / "results.json"
    work = tmp_path / "work"
    command = [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--store-sizes", "3,6", "--processes", "1",
               "--repeat", "1", "--workdir", str(work), "--json", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=1800)
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(out.read_text(encoding="utf-8"))["stores"]
    assert set(results) == {"3", "6"}
    names = {q.name for q in list_queries()}
    for size, result in results.items():
        assert names <= set(result["queries"]), size
        assert all(row["exit"] == 0 and row["cpu"] > 0 for row in result["queries"].values()), size
        assert result["empty"]["exit"] == 0 and result["empty"]["rows"] == 1  # ASK {} answers one row
        assert (work / f"store-{size}" / "isisgraph-store.json").is_file()
        # the first page of each whole list: its first 100 rows, or all of a shorter list
        for name in PAGED:
            page = result["queries"][f"{name} --limit {FIRST_PAGE}"]
            assert page["exit"] == 0 and page["rows"] == min(FIRST_PAGE, result["queries"][name]["rows"]), (size, name)
    # the 6-article store holds the smaller one's 3 articles and 3 more: more strike reports
    assert results["6"]["queries"]["strike-reports"]["rows"] > results["3"]["queries"]["strike-reports"]["rows"]
    assert "every one < 1 s" in done.stdout
    # goal 3: the built stores brought up to date after articles changed (3 of 3, 6 of 6), then put back
    assert [results[size]["incremental"]["changed"] for size in ("3", "6")] == [3, 6]
    assert "3 of 3 changed" in done.stdout and "6 of 6 changed" in done.stdout
    for goal in ("goal 1", "goal 2", "goal 3", "goal 4"):
        assert f"\n{goal}  " in done.stdout, goal
    # the second run builds nothing (the stores are up to date) and may recompute the derived graphs
    again = subprocess.run([*command, "--as-built", "--rederive"], capture_output=True, text=True, cwd=ROOT,
                           timeout=1800)
    assert again.returncode == 0, again.stderr[-3000:]
    results = json.loads(out.read_text(encoding="utf-8"))["stores"]
    assert "build" not in results["3"] and results["3"]["rederive"]["cpu"] > 0
    # the larger store as copies of the smaller: twice its articles, every strike report twice
    copied = subprocess.run([*command, "--copied-sizes", "6"], capture_output=True, text=True, cwd=ROOT, timeout=1800)
    assert copied.returncode == 0, copied.stderr[-3000:]
    results = json.loads(out.read_text(encoding="utf-8"))["stores"]
    assert results["6"]["copies"]["articles"] == 6 and "build" in results["3"]
    assert results["6"]["queries"]["strike-reports"]["rows"] == 2 * results["3"]["queries"]["strike-reports"]["rows"]
