"""End to end on the seed articles: exact evidence, reproducible output, conformance."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Dataset
from rdflib.namespace import PROV

from isisgraph.build import build
from isisgraph.cli import main
from isisgraph.namespaces import IG, OA


def evidences(dataset: Dataset):
    for ev in set(dataset.subjects(RDF.type, IG.Evidence)):
        source = dataset.value(ev, OA.hasSource)
        selectors = list(dataset.objects(ev, OA.hasSelector))
        pos = next(s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in dataset)
        quote = next(s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in dataset)
        start, end = dataset.value(pos, OA.start).toPython(), dataset.value(pos, OA.end).toPython()
        yield ev, source, start, end, str(dataset.value(quote, OA.exact))


def test_every_evidence_is_the_exact_text_of_its_article(seeds_dataset, seeds_articles):
    checked = 0
    for ev, source, start, end, exact in evidences(seeds_dataset):
        article = seeds_articles[str(source).rsplit("/", 1)[-1]]
        assert article.text[start:end] == exact, ev
        checked += 1
    assert checked > 100


def test_summary_counts_what_was_built(seeds_build):
    _, summary = seeds_build
    assert summary.articles == 5
    assert summary.conforms, summary.violations
    assert summary.mentions["actor"] > 20 and summary.mentions["place"] > 20
    assert summary.records["strike reports"] > 0 and summary.records["claims"] > 0


def test_every_article_graph_has_prov(seeds_dataset):
    graphs = set(seeds_dataset.subjects(RDF.type, IG.ExtractionGraph))
    assert len(graphs) == 5
    for g in graphs:
        assert seeds_dataset.value(g, PROV.wasDerivedFrom) is not None
        assert seeds_dataset.value(g, PROV.wasGeneratedBy) is not None


def without_generation_time(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines()
            if str(PROV.generatedAtTime) not in line]


def test_two_builds_give_identical_nquads(tmp_path: Path, seeds_dir):
    first, second = tmp_path / "a.nq", tmp_path / "b.nq"
    build([seeds_dir], first)
    build([seeds_dir], second)
    a, b = without_generation_time(first), without_generation_time(second)
    assert a == b
    assert len(a) > 1000
    assert not any(re.search(r"\s_:", line) for line in a), "blank nodes make builds irreproducible"


def test_cli_build_prints_summary_and_keeps_good_output_on_failure(tmp_path: Path, seeds_dir):
    out = tmp_path / "graph.trig"
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(seeds_dir), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "articles     5 (" in result.output and "violations   0" in result.output
    before = out.read_bytes()
    broken = runner.invoke(main, ["build", str(tmp_path / "missing"), "-o", str(out), "--no-progress"])
    assert broken.exit_code == 2
    assert "missing: no such file or folder" in broken.output
    assert out.read_bytes() == before


def test_unknown_output_extension_is_a_usage_error(tmp_path: Path, seeds_dir):
    result = CliRunner().invoke(main, ["build", str(seeds_dir), "-o", str(tmp_path / "g.xml"), "--no-progress"])
    assert result.exit_code == 2
    assert "unknown output format; name the file .trig or .nq" in result.output


def test_skipped_inputs_are_listed_and_exit_2(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text("The SDF retook Tabqa from ISIS on May 10, 2017.", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(tmp_path / "g.trig"), "--no-progress"])
    assert result.exit_code == 2
    assert f"skipped: {folder / 'empty.txt'}: empty file" in result.output
    assert (tmp_path / "g.trig").exists()


@pytest.mark.parametrize("name", ["build", "validate"])
def test_commands_have_help(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0 and "Exit codes" in result.output


def test_long_articles_are_parsed_in_pieces_with_exact_offsets(tmp_path: Path, seeds_dir, monkeypatch):
    import isisgraph.build as build_module

    body = (seeds_dir / "004_9d5ae164b2878dde.txt").read_text(encoding="utf-8")
    folder = tmp_path / "long"
    folder.mkdir()
    text = "\n\n".join([body] * 6)
    (folder / "long.txt").write_text(text, encoding="utf-8")
    monkeypatch.setattr(build_module, "CHUNK_CHARS", 4_000)
    out = tmp_path / "long.nq"
    summary = build([folder], out, use_cache=False)
    assert summary.conforms, summary.violations
    dataset = Dataset(default_union=True)
    dataset.parse(out, format="nquads")
    spans = [(start, end, exact) for _, _, start, end, exact in evidences(dataset)]
    assert len(spans) > 100 and max(end for _, end, _ in spans) > len(text) - len(body)
    assert all(text[start:end] == exact for start, end, exact in spans)


def test_split_text_keeps_every_character_of_a_20_mb_article():
    from isisgraph.build import CHUNK_CHARS, split_text

    paragraph = "Coalition aircraft struck ISIS positions near Raqqa on Tuesday, officials said. " * 12
    text = "\n\n".join([paragraph] * 21_000)
    assert len(text) > 20_000_000
    pieces = split_text(text)
    assert "".join(pieces) == text
    assert all(len(p) <= CHUNK_CHARS for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])  # cut at paragraph ends when there is one


def test_an_article_over_max_chars_is_skipped_with_its_size_and_the_rest_is_built(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    short = "Coalition aircraft conducted six strikes near Hawija on Monday.\n"
    (folder / "short.txt").write_text(short, encoding="utf-8")
    (folder / "dump.txt").write_text(short * 40, encoding="utf-8")
    out = tmp_path / "graph.nq"
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(out), "--max-chars", "1000", "--no-progress"])
    assert result.exit_code == 2, result.output  # something was skipped
    skipped = [line for line in result.output.splitlines() if line.startswith("skipped:")]
    assert skipped == [f"skipped: {folder / 'dump.txt'}: {len(short) * 40:,} characters, more than --max-chars 1,000 "
                       "(about 1.5 GB of memory per million); split it into articles or raise --max-chars"]
    graphs = {line.rsplit(" ", 2)[-2] for line in out.read_text(encoding="utf-8").splitlines()}
    assert {g for g in graphs if "/graph/doc/" in g} == {"<https://w3id.org/isisgraph/graph/doc/short>"}


def test_builds_in_processes_with_other_hash_seeds_give_the_same_graph(tmp_path: Path, seeds_dir):
    """Python randomises the order of sets of strings per process: a rule that iterates one
    (a set of word forms, a scheme read into a set) would give another graph in another run.
    Two builds of the seeds and the genre set under different PYTHONHASHSEED must agree."""
    import os
    import subprocess
    import sys

    genre = Path(__file__).parent / "data" / "genre"
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}.nq"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-m", "isisgraph", "build", str(seeds_dir), str(genre),
                               "-o", str(out), "--no-cache", "--no-progress"],
                              env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-2000:]
        outputs.append(sorted(without_generation_time(out)))
    assert outputs[0] == outputs[1]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork only on Linux")
def test_a_parallel_build_loads_the_pipeline_once_before_its_workers_fork(tmp_path: Path, seeds_dir, monkeypatch):
    """With --workers 2 the build's own process loads the pipeline and the workers share it by
    fork (a worker loading its own would cost what a 1-worker build's load costs, again per
    worker); the graph is that of a 1-worker build."""
    import os

    from isisgraph import nlp

    loads = tmp_path / "loads"
    add_components = nlp.add_isisgraph_components

    def counted(pipeline):  # noqa: ANN001, ANN202 (a spaCy Language)
        with loads.open("a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\n")
        return add_components(pipeline)

    monkeypatch.setattr(nlp, "add_isisgraph_components", counted)
    nlp.load_pipeline.cache_clear()  # so that this build loads it, in whichever process
    parallel, single = tmp_path / "two.nq", tmp_path / "one.nq"
    build([seeds_dir], parallel, workers=2, batch_size=1, use_cache=False)
    assert loads.read_text(encoding="utf-8").split() == [str(os.getpid())]
    build([seeds_dir], single, workers=1, use_cache=False)
    assert without_generation_time(parallel) == without_generation_time(single)
