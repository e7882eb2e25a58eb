"""The build on a Dask distributed cluster: ``isisgraph build ... --scheduler ADDRESS``.

The same per-article pipeline as a local build (:func:`isisgraph.build.process_batch`), run as
Dask tasks: one task per batch of articles (a partition). Each worker process loads the spaCy
pipeline once, on its first task, and writes every finished article into the build's cache
beside the output, exactly as a local build does; the task sends back only which articles it
wrote, their stage times and the articles that failed. The driver then assembles the output
from the cache in input order, the same code as a local build, so the output is the same.

So the output's folder must be on storage that the driver and every worker see at the same
path (NFS, a cluster file system, or one machine). A worker that cannot see it, or that runs
another version of isisgraph, its ontology or the spaCy model (its cache entries would be
filed under the driver's key), fails its first task with a message saying so.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from isisgraph.emit import Run
from isisgraph.errors import InputError, OutputError, one_line
from isisgraph.records import Article

# Tasks in flight per worker thread: enough to keep every worker busy while the driver reads
# the next articles, few enough that the texts waiting on the cluster stay a handful of batches.
TASKS_PER_THREAD = 2


@dataclass(frozen=True)
class Stored:
    """An article a worker processed and wrote into the build's cache."""

    article_id: str
    times: dict[str, float]


def connect(address: str) -> Any:  # noqa: ANN401 (a distributed.Client)
    """A client of the scheduler at ``address``; an InputError when dask.distributed is not
    installed, the scheduler cannot be reached, or it has no workers."""
    try:
        from distributed import Client
    except ImportError:
        raise InputError("--scheduler needs dask.distributed: pip install 'isisgraph[distributed]'") from None
    from distributed.comm.addressing import get_address_host_port

    try:
        get_address_host_port(address)  # (a Client given a malformed address fails noisily when collected)
        client = Client(address, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(f"--scheduler {address}: no Dask scheduler could be reached there ({one_line(exc)}); "
                         "start one with `dask scheduler` and give the address it prints") from None
    if not client.nthreads():
        client.close()
        raise InputError(f"--scheduler {address}: the scheduler has no workers; start some with "
                         f"`dask worker {address} --nthreads 1` on each machine")
    return client


def process_on_cluster(
    batches: Iterable[list[tuple[Article, str]]], run: Run, pipeline: str, output: Path, address: str
) -> Iterator[Stored | Any]:
    """Run each batch as a task on the cluster at ``address``, keeping a few tasks per worker
    thread in flight; yield what each article became (:class:`Stored` or an ArticleFailure),
    in input order."""
    client = connect(address)
    window = TASKS_PER_THREAD * sum(client.nthreads().values())
    in_flight: deque = deque()
    try:
        for batch in batches:
            in_flight.append(client.submit(process_partition, batch, run, pipeline, str(output.absolute()),
                                           pure=False))
            if len(in_flight) >= window:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()
    finally:
        if in_flight:  # an error or an interrupted build: stop what has not run yet
            client.cancel(list(in_flight))
        client.close()


# ---------------------------------------------------------------------------- on a worker

# spaCy pipelines and rdflib graphs are not made for threads: a worker started with several
# threads runs its tasks one at a time (start workers with `--nthreads 1`, one per core).
_WORKER_LOCK = threading.Lock()


def process_partition(batch: list[tuple[Article, str]], run: Run, pipeline: str, output: str) -> list[Any]:
    """One task: parse and process a batch with this worker's pipeline (loaded on its first
    task), write each finished article into the cache of ``output``, and say what became of
    each article."""
    from isisgraph import build, nlp

    meta = nlp.model_meta()
    if build.pipeline_key(meta.get("name", "unknown"), meta.get("version", "unknown")) != pipeline:
        raise InputError("a Dask worker runs another version of isisgraph, its ontology or the spaCy model than "
                         "the build that sent it work; install the same version on every worker")
    store = build.Cache(Path(output))
    if not store.folder.is_dir():
        raise OutputError(f"{store.folder}: a Dask worker cannot see the build's cache folder; the output's "
                          "folder must be on storage shared by the driver and every worker, at the same path")
    with _WORKER_LOCK:
        build.init_worker(run)
        results = build.process_batch(batch)
    answer: list[Any] = []
    for result in results:
        if isinstance(result, build.ArticleResult):
            store.put(result)
            answer.append(Stored(result.article_id, result.times))
        else:
            answer.append(result)
    return answer


def load_on_worker() -> None:
    """Load the pipeline in this worker now (the benchmark does, before its clock starts)."""
    from isisgraph import nlp

    nlp.load_pipeline()
