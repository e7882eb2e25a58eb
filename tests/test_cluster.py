"""The build on a Dask distributed cluster (``--scheduler``) against the local build."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib.namespace import PROV

from isisgraph.build import Cache, article_key, build, pipeline_key
from isisgraph.cli import main
from isisgraph.cluster import process_partition
from isisgraph.emit import current_run
from isisgraph.errors import InputError, OutputError
from isisgraph.ingest import read_articles

distributed = pytest.importorskip("distributed", reason="dask.distributed (pinned) is not installed")


def without_generation_time(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").split("\n") if str(PROV.generatedAtTime) not in line]


def pipeline_loads() -> int:
    """How often this process built the spaCy pipeline (run on each worker)."""
    from isisgraph import nlp

    return nlp.load_pipeline.cache_info().misses


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes of one thread each, as `dask worker --nworkers 2 --nthreads 1` starts."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  worker_dashboard_address=None) as local:
        yield local


@pytest.mark.slow
def test_a_build_on_a_dask_cluster_writes_the_same_output_as_a_local_build(tmp_path: Path, seeds_dir, cluster):
    local, remote = tmp_path / "local" / "graph.nq", tmp_path / "remote" / "graph.nq"
    build([seeds_dir], local, use_cache=False)
    # one article per task: five partitions for two workers
    summary = build([seeds_dir], remote, batch_size=1, use_cache=False, scheduler=cluster.scheduler_address)

    assert summary.articles == 5 and summary.processed == 5
    lines = without_generation_time(remote)
    assert lines == without_generation_time(local)
    assert sum("/graph/doc/" in line for line in lines) > 1000
    # the workers wrote the cache entries the output was assembled from, one per article
    assert len(list(Cache(remote).folder.glob("*.json"))) == 5
    # each worker built its pipeline at most once, and some worker did
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        loads = client.run(pipeline_loads)
    assert len(loads) == 2 and set(loads.values()) <= {0, 1} and 1 in loads.values()


@pytest.mark.slow
def test_a_cluster_rebuild_of_an_unchanged_corpus_sends_no_work(tmp_path: Path, seeds_dir, cluster):
    out = tmp_path / "graph.nq"
    build([seeds_dir], out, scheduler=cluster.scheduler_address)
    first = without_generation_time(out)
    # every article is in the cache: the scheduler is never contacted
    summary = build([seeds_dir], out, scheduler="tcp://127.0.0.1:9")
    assert summary.processed == 0 and summary.articles == 5
    assert without_generation_time(out) == first


def test_no_scheduler_at_the_address_is_an_input_error(tmp_path: Path, seeds_dir):
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}), \
            pytest.raises(InputError, match=r"^--scheduler tcp://127\.0\.0\.1:9: no Dask scheduler could be reached"):
        build([seeds_dir], tmp_path / "graph.nq", scheduler="tcp://127.0.0.1:9")


def test_workers_and_scheduler_together_are_a_usage_error(tmp_path: Path, seeds_dir):
    result = CliRunner().invoke(main, ["build", str(seeds_dir), "-o", str(tmp_path / "g.nq"), "--workers", "2",
                                       "--scheduler", "tcp://127.0.0.1:9", "--no-progress"])
    assert result.exit_code == 2
    assert "give --workers or --scheduler, not both" in result.output


def a_task(tmp_path: Path, seeds_dir: Path):
    from isisgraph import nlp

    meta = nlp.model_meta()
    run = current_run(meta["name"], meta["version"])
    pipeline = pipeline_key(meta["name"], meta["version"])
    article = next(iter(read_articles([seeds_dir])))
    return [(article, article_key(article, pipeline))], run, pipeline


def test_a_worker_that_cannot_see_the_cache_folder_says_so(tmp_path: Path, seeds_dir):
    batch, run, pipeline = a_task(tmp_path, seeds_dir)
    output = tmp_path / "elsewhere" / "graph.nq"  # a folder this "worker" does not have
    with pytest.raises(OutputError, match="cannot see the build's cache folder"):
        process_partition(batch, run, pipeline, str(output))


def test_a_worker_with_another_pipeline_refuses_the_work(tmp_path: Path, seeds_dir):
    batch, run, _ = a_task(tmp_path, seeds_dir)
    output = tmp_path / "graph.nq"
    Cache(output).folder.mkdir()
    with pytest.raises(InputError, match="another version of isisgraph"):
        process_partition(batch, run, "0" * 64, str(output))
    assert not list(Cache(output).folder.iterdir())


def test_a_malformed_scheduler_address_is_a_usage_error(tmp_path: Path, seeds_dir):
    result = CliRunner().invoke(main, ["build", str(seeds_dir), "-o", str(tmp_path / "g.nq"),
                                       "--scheduler", "scheduler-host", "--no-progress"])
    assert result.exit_code == 2
    assert ("--scheduler scheduler-host: no Dask scheduler could be reached there (missing port number in address "
            "'scheduler-host')") in result.output
