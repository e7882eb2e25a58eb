"""The isisgraph benchmark: bare spaCy against the full build on the same generated texts.

For each corpus size it measures, each configuration in its own subprocess so that its peak
RSS is its own:

- bare spaCy: ``nlp.pipe`` of the same model (without isisgraph's components) and batch size,
  with 1 and 2 processes;
- ``isisgraph build`` with 1 and 2 workers (no cache), with the time of each stage summed over
  articles (parse, extract, emit, validate, serialise);
- the same build run again on the unchanged corpus (every article from the cache);
- every saved query on the largest graph: median seconds on Oxigraph and on rdflib in memory;
- with ``--dask``, also the build on a Dask distributed cluster (``--scheduler``) of 1 and 2
  worker processes (a LocalCluster on this machine), its speed-up from 1 to 2 workers, and
  whether its output equals the local build's.

It prints a table, the throughput ratio isisgraph / bare spaCy for each process count, and
writes everything as JSON (``--json``) for BENCHMARKS.md. This is a measurement, not a test:
nothing here asserts a time.

    python benchmarks/run.py --sizes 1000           # what `make bench` runs
    BENCH_SIZES=100,1000,10000 make bench           # the full run
    python benchmarks/run.py --sizes 200 --dask --no-queries   # what `make bench-dask` runs
    python benchmarks/run.py --store-sizes 1000,10000          # what `make bench-queries` runs

With ``--store-sizes`` it measures goal 2 of issue 12 instead: each size's generated corpus is
built into an Oxigraph store (``isisgraph build CORPUS --store DIR --workers 2``, kept in the
work folder and brought up to date incrementally on the next run), and every saved query (and
the narrowed list queries) is run as a user runs it, ``isisgraph query NAME DIR`` in a fresh
process, ``--repeat`` times: the median wall seconds and the median CPU seconds of that process,
beside those of a query that reads nothing (``ASK {}``: the start of the command and the
opening of the store), side by side for every size.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # so that `benchmarks.generate` imports when run as a script

PROCESSES = (1, 2)
# The list queries with narrowing parameters, timed after the saved queries as they are (a
# month of the generated corpus is about 1/125 of it); skipped by code without the parameter.
NARROWED = (
    ("strike-reports", {"since": "2017-03", "until": "2017-03"}),
    ("claims-by", {"since": "2017-03", "until": "2017-03"}),
    ("control-history", {"since": "2017-03", "until": "2017-03"}),
    ("events-timeline", {"from": "2017-03-01", "to": "2017-03-31"}),
    ("strikes-near-place", {"place": "place/iraq", "since": "2017-03", "until": "2017-03"}),
)
# The whole lists (thousands of rows at 10,000 articles), timed again for their first page as a
# user reads them: `isisgraph query NAME STORE --limit 100`.
FIRST_PAGE = 100
PAGED = ("attacks-after-victory", "claims-by", "control-history", "corroboration", "events-timeline",
         "figures-over-time", "sources-disagree", "strike-reports")
STAGES = ("parse", "extract", "emit", "validate", "serialise")


# ---------------------------------------------------------------------------- measuring


class MemorySampler:
    """Samples the resident memory and CPU time of this process and all its descendants
    (worker processes are not all waited for when a measurement ends, so the kernel's figures
    for waited-for children miss some); keeps the peak of the summed memory and the last CPU
    time seen of each process. The build's workers fork from the build's process (as spaCy's
    do from bare spaCy's) and share its loaded pages until they write them: summed resident
    memory counts a shared page once per process, so it overstates what they use together.

    CPU seconds are what a shared machine cannot distort much: wall time depends on what else
    runs, CPU time on the work done (a worker's last 0.2 s may be missed)."""

    def __init__(self, every: float = 0.2) -> None:
        self.every, self.peak_total, self.stop = every, 0, threading.Event()
        self.cpu: dict[int, float] = {}
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        import psutil

        me = psutil.Process()
        while not self.stop.is_set():
            total = 0
            for process in [me, *me.children(recursive=True)]:
                try:
                    total += process.memory_info().rss
                    times = process.cpu_times()
                    self.cpu[process.pid] = times.user + times.system
                except psutil.Error:
                    continue
            self.peak_total = max(self.peak_total, total)
            self.stop.wait(self.every)

    def cpu_seconds(self) -> float:
        """CPU seconds of this process and every descendant seen."""
        own = resource.getrusage(resource.RUSAGE_SELF)
        others = sum(seconds for pid, seconds in self.cpu.items() if pid != os.getpid())
        return own.ru_utime + own.ru_stime + others

    def __enter__(self) -> MemorySampler:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()


SAMPLER: MemorySampler | None = None


def cpu_now() -> float:
    if SAMPLER is not None:
        SAMPLER.stop.wait(0)  # (the sampler runs on its own; this reads what it has seen)
        return SAMPLER.cpu_seconds()
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def peak_rss_mb() -> dict[str, float]:
    """Peak resident memory: this process, its largest waited-for child, and the sampled peak
    of the sum over this process and all its descendants, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    total = SAMPLER.peak_total / 2**20 if SAMPLER is not None else own
    return {"rss_main_mb": round(own, 1), "rss_child_mb": round(children, 1),
            "rss_total_mb": round(max(total, own), 1)}


def measure_spacy(corpus: Path, processes: int, batch_size: int) -> dict[str, Any]:
    """Bare spaCy over the corpus texts: the model isisgraph loads, without its components."""
    import spacy

    from isisgraph import nlp as isis_nlp

    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    model = None
    for name in isis_nlp.MODEL_NAMES:
        try:
            model = spacy.load(name)
            break
        except OSError:
            continue
    if model is None:
        raise SystemExit("no spaCy model installed")
    cpu, started = cpu_now(), time.perf_counter()
    tokens = sum(len(doc) for doc in model.pipe(texts, batch_size=batch_size, n_process=processes))
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "cpu_seconds": cpu_now() - cpu, "articles": len(texts), "tokens": tokens,
            **peak_rss_mb()}


def measure_build(corpus: Path, output: Path, workers: int, batch_size: int, cache: bool) -> dict[str, Any]:
    """One ``isisgraph build`` of the corpus; the pipeline is loaded before the clock starts."""
    from isisgraph import nlp as isis_nlp
    from isisgraph.build import build

    isis_nlp.load_pipeline()
    cpu, started = cpu_now(), time.perf_counter()
    summary = build([corpus], output, batch_size=batch_size, workers=workers, use_cache=cache)
    seconds = time.perf_counter() - started
    cpu = cpu_now() - cpu
    times = {stage: getattr(summary.times, stage) for stage in STAGES}
    return {"seconds": seconds, "cpu_seconds": cpu, "articles": summary.articles, "processed": summary.processed,
            "tokens": summary.tokens, "triples": summary.triples, "violations": len(summary.violations),
            "times": times, "output_mb": round(output.stat().st_size / 2**20, 1), **peak_rss_mb()}


def measure_queries(graph: Path, backend: str, repeat: int, store_dir: Path | None,
                    limit: float = 120) -> dict[str, Any]:
    """Median seconds of every saved query on one backend (the graph loaded once, with the
    reconcile links `isisgraph query` adds, not timed).

    A query still running after ``limit`` seconds is stopped (run_query's timeout) and
    reported as ``None`` rows and ``limit`` seconds or more."""
    from isisgraph.errors import ParamError
    from isisgraph.query import list_queries, run_query
    from isisgraph.running import QueryTimeout
    from isisgraph.store import open_oxigraph, reconciled_dataset, with_reconcile_links

    started = time.perf_counter()
    if backend == "rdflib":
        source: Any = reconciled_dataset(graph)
    else:
        source = with_reconcile_links(open_oxigraph(graph, store_dir))
    load_seconds = time.perf_counter() - started
    medians: dict[str, float] = {}
    rows: dict[str, int] = {}
    timed_out: list[str] = []
    for saved in list_queries():
        runs = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            try:
                result = run_query(saved, source, timeout=limit)
            except QueryTimeout:
                timed_out.append(saved.name)
                runs = [limit]
                break
            runs.append(time.perf_counter() - t0)
            if runs[-1] > 30:  # a slow engine on a large graph: one run is enough to report it
                break
        medians[saved.name] = statistics.median(runs)
        rows[saved.name] = None if saved.name in timed_out else len(result.rows)
    narrowed: dict[str, dict[str, Any]] = {}
    for name, params in NARROWED:  # the list queries narrowed, where the code measured has the parameters
        saved = next(q for q in list_queries() if q.name == name)
        label = f"{name} " + " ".join(f"{k}={v}" for k, v in params.items())
        runs = []
        try:
            for _ in range(repeat):
                t0 = time.perf_counter()
                result = run_query(saved, source, params, timeout=limit)
                runs.append(time.perf_counter() - t0)
        except ParamError:
            continue
        except QueryTimeout:
            narrowed[label] = {"median": limit, "rows": None}
            continue
        narrowed[label] = {"median": statistics.median(runs), "rows": len(result.rows)}
    return {"load_seconds": load_seconds, "medians": medians, "rows": rows, "timed_out": timed_out,
            "narrowed": narrowed, **peak_rss_mb()}


def measure_dask_build(corpus: Path, output: Path, workers: int, batch_size: int) -> dict[str, Any]:
    """One ``isisgraph build --scheduler`` of the corpus on a LocalCluster of ``workers``
    processes of one thread; each worker loads the pipeline before the clock starts."""
    from distributed import Client, LocalCluster

    from isisgraph.build import build
    from isisgraph.cluster import load_on_worker

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      worker_dashboard_address=None) as cluster, \
            Client(cluster.scheduler_address, set_as_default=False) as client:
        client.run(load_on_worker)
        cpu, started = cpu_now(), time.perf_counter()
        summary = build([corpus], output, batch_size=batch_size, use_cache=True, scheduler=cluster.scheduler_address)
        seconds = time.perf_counter() - started
        cpu = cpu_now() - cpu
    times = {stage: getattr(summary.times, stage) for stage in STAGES}
    return {"seconds": seconds, "cpu_seconds": cpu, "articles": summary.articles, "processed": summary.processed,
            "tokens": summary.tokens, "triples": summary.triples, "violations": len(summary.violations),
            "times": times, "output_mb": round(output.stat().st_size / 2**20, 1), **peak_rss_mb()}


def same_graph_files(first: Path, second: Path) -> bool:
    """Whether two builds wrote the same bytes, but for ``prov:generatedAtTime``."""
    def lines(path: Path) -> list[str]:
        return [line for line in path.read_text(encoding="utf-8").split("\n") if "generatedAtTime" not in line]

    return lines(first) == lines(second)


def in_subprocess(task: str, **options: Any) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter and return its JSON answer."""
    args = [sys.executable, str(Path(__file__).resolve()), "_measure", task, json.dumps(options, default=str)]
    done = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"{task} {options} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(task: str, options: dict[str, Any]) -> dict[str, Any]:
    if task == "spacy":
        return measure_spacy(Path(options["corpus"]), options["processes"], options["batch_size"])
    if task == "build":
        return measure_build(Path(options["corpus"]), Path(options["output"]), options["workers"],
                             options["batch_size"], options["cache"])
    if task == "dask-build":
        return measure_dask_build(Path(options["corpus"]), Path(options["output"]), options["workers"],
                                  options["batch_size"])
    if task == "copies":
        return copied_store(Path(options["source"]), options["copies"], Path(options["target"]))
    if task == "rederive":
        return rederive(Path(options["store"]))
    if task == "queries":
        store = Path(options["store"]) if options.get("store") else None
        return measure_queries(Path(options["graph"]), options["backend"], options["repeat"], store,
                               options.get("limit", 120))
    raise SystemExit(f"unknown task {task}")


# ---------------------------------------------------------------------------- queries on a build store


EMPTY_QUERY = "ASK {}\n"  # reads nothing: what the command costs before any query work


def timed_command(args: list[str], limit: float) -> tuple[float, float, str, int]:
    """Run ``args``; its wall seconds, its CPU seconds (user + system, from the kernel's
    accounting of the waited-for child), its output and its exit code."""
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT)
    try:
        out, _ = process.communicate(timeout=limit + 60)
    except subprocess.TimeoutExpired:
        process.kill()
        out, _ = process.communicate()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime, out.decode("utf-8", "replace"), \
        process.returncode


def csv_rows(text: str) -> int:
    import csv
    import io

    return max(sum(1 for _ in csv.reader(io.StringIO(text))) - 1, 0)


def time_store_query(store: Path, query: str, params: dict[str, str], repeat: int, limit: float,
                     one_run_above: float = float("inf"), options: tuple[str, ...] = ()) -> dict[str, Any]:
    """Median wall and CPU seconds of ``isisgraph query QUERY STORE`` over ``repeat`` runs
    (one run when it took over ``limit`` seconds, more than ``one_run_above`` CPU seconds, or
    failed); rows from its CSV answer."""
    args = [sys.executable, "-m", "isisgraph", "query", query, str(store), "--format", "csv",
            "--timeout", str(limit), *options]
    for name, value in params.items():
        args += ["--param", f"{name}={value}"]
    walls, cpus, rows, code = [], [], None, 0
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall, cpu_after, out, code = timed_command(args, limit)
        walls.append(wall)
        cpus.append(cpu_after - (before.ru_utime + before.ru_stime))
        if code != 0:
            break
        rows = csv_rows(out)
        if wall > limit or cpus[-1] > one_run_above:
            break
    return {"wall": statistics.median(walls), "cpu": statistics.median(cpus), "rows": rows, "exit": code,
            "runs": len(walls)}


def build_store(corpus: Path, store: Path, workers: int) -> dict[str, Any]:
    """``isisgraph build CORPUS --store STORE``: the store brought up to date (from nothing the
    first time; from the cache in the store afterwards), timed like a query."""
    args = [sys.executable, "-m", "isisgraph", "build", str(corpus), "--store", str(store), "--workers",
            str(workers), "--no-progress"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall, cpu_after, _, code = timed_command(args, limit=24 * 3600)
    if code != 0:
        raise RuntimeError(f"{' '.join(args)} exited {code}")
    return {"wall": wall, "cpu": cpu_after - (before.ru_utime + before.ru_stime)}


CHANGED_SENTENCE = "\n\nThe coalition said nothing more about the operation."


def incremental_rebuild(corpus: Path, store: Path, workers: int, changes: int) -> dict[str, Any]:
    """Goal 3: ``changes`` articles of the corpus (every n/changes-th) given one more sentence
    and the store brought up to date (:func:`build_store`, timed), then the corpus and the
    store put back as they were (not timed). The corpus is changed where it lies: the store
    records each article's source file, and a corpus elsewhere would be other articles."""
    original = corpus.read_bytes()
    lines = original.decode("utf-8").splitlines()
    count = min(changes, len(lines))
    step = max(1, len(lines) // max(1, count))
    changed = list(lines)
    for index in range(0, step * count, step):
        record = json.loads(changed[index])
        record["text"] += CHANGED_SENTENCE
        changed[index] = json.dumps(record, ensure_ascii=False)
    try:
        corpus.write_text("\n".join(changed) + "\n", encoding="utf-8")
        timed = build_store(corpus, store, workers)
    finally:
        corpus.write_bytes(original)
    build_store(corpus, store, workers)  # the store as the corpus gives it again
    return {**timed, "changed": count}


def rederive(folder: Path) -> dict[str, Any]:
    """The derived graphs of a build store recomputed by this code from the article graphs it
    holds (what every build that changes the store does last), without parsing any article
    again: for a store built by other code, whose articles this code would all reprocess."""
    from isisgraph.buildstore import StoreWriter, update_derived_graphs

    cpu, started = cpu_now(), time.perf_counter()
    with StoreWriter(folder) as writer:
        assert writer.record is not None and writer.record.complete, f"{folder}: not a complete build store"
        store = writer.open()
        update_derived_graphs(store, folder, writer.record)
        store.flush()
    return {"wall": time.perf_counter() - started, "cpu": cpu_now() - cpu, **peak_rss_mb()}


XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
COPY_SHIFT_DAYS = 37  # copy k of the articles moves every date by k * 37 days (see copied_store)


def copied_store(source: Path, copies: int, target: Path) -> dict[str, Any]:
    """A stand-in for a build store of ``copies`` times as many articles: the article graphs of
    the build store ``source`` (a generated corpus of articles bench-000000 ...), copied
    ``copies`` times, copy k of article n renamed to the id of article k * size + n and every
    ``xsd:date`` of the copy moved k * 37 days later, then loaded, reconciled and derived as a
    build does. The dates move so that a copy's events do not all match their originals'
    (ten identical copies are one event reported ten times over: ~560,000 reconcile links
    instead of the few dozen of a real corpus); the facts of a period are then as dense as in a
    corpus of that size. Not a build: no article is parsed again (building 10,000 articles takes
    about half an hour of both cores)."""
    import datetime as dt
    import re

    import pyoxigraph as ox

    from isisgraph.buildstore import RECORD_FILE, Record, StoreWriter, read_record, reading, update_derived_graphs
    from isisgraph.derive import DERIVED_GRAPH
    from isisgraph.files import write_atomically
    from isisgraph.reconcile import RECONCILE_GRAPH
    from isisgraph.store import load_into

    cpu, started = cpu_now(), time.perf_counter()
    record = read_record(source)
    assert record is not None and record.complete, f"{source}: not a complete build store"
    size = len(record.articles)
    width = len(next(iter(record.articles)).split("-")[-1])
    article_id = re.compile(r"bench-(\d{" + str(width) + "})")
    date = re.compile(r'"(\d{4}-\d{2}-\d{2})"\^\^<' + re.escape(XSD_DATE) + ">")
    skip = {ox.NamedNode(str(RECONCILE_GRAPH)), ox.NamedNode(str(DERIVED_GRAPH))}
    with reading(source) as store:
        text = ox.serialize((q for q in store.quads_for_pattern(None, None, None, None) if q.graph_name not in skip),
                            format=ox.RdfFormat.N_QUADS).decode("utf-8")
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    load = target.parent / f"{target.name}-copies.nq"
    articles: dict[str, dict[str, Any]] = {}
    with load.open("w", encoding="utf-8") as out:
        for k in range(copies):
            shift = dt.timedelta(days=k * COPY_SHIFT_DAYS)

            def rename(m: re.Match[str], k: int = k) -> str:
                return f"bench-{k * size + int(m.group(1)):0{width}d}"

            def moved(m: re.Match[str], shift: dt.timedelta = shift) -> str:
                return f'"{(dt.date.fromisoformat(m.group(1)) + shift).isoformat()}"^^<{XSD_DATE}>'

            out.write(date.sub(moved, article_id.sub(rename, text)) if k else text)
            for name, held in record.articles.items():
                copy = article_id.sub(rename, name)
                articles[copy] = {**held, "key": f"{held['key']}-{k}"}
    del text
    with StoreWriter(target) as writer:
        store = writer.open()
        load_into(store, load, ox.RdfFormat.N_QUADS, bulk=True)
        copied = Record(record.pipeline, record.header, articles, complete=True)
        update_derived_graphs(store, target, copied)
        store.flush()
        write_atomically(target / RECORD_FILE, copied.to_json())
    load.unlink()
    return {"wall": time.perf_counter() - started, "cpu": cpu_now() - cpu, "articles": len(articles), **peak_rss_mb()}


def run_store_queries(args: argparse.Namespace, log, save=lambda _out: None) -> dict[str, Any]:  # noqa: ANN001
    """Goal 2: every saved query on the build store of each size, as ``isisgraph query`` runs it
    (``save`` gets what is measured so far after each query: a 10,000-article run is long)."""
    from isisgraph.query import list_queries

    empty = args.workdir / "empty-query.rq"
    empty.write_text(EMPTY_QUERY, encoding="utf-8")
    out: dict[str, Any] = {}
    for size in args.store_sizes:
        corpus = corpus_for(size, args.seed, args.workdir)
        store = args.workdir / f"store-{size}"
        result: dict[str, Any] = {"store": str(store)}
        smallest = min(args.store_sizes)
        if size in args.copied_sizes and not (args.as_built and store.is_dir()):
            log(f"[{size}] a stand-in store: {size // smallest} copies of the {smallest}-article store")
            result["copies"] = in_subprocess("copies", source=args.workdir / f"store-{smallest}",
                                             copies=size // smallest, target=store)
        elif args.as_built and store.is_dir():
            log(f"[{size}] the store as built before (not brought up to date)")
        else:
            log(f"[{size}] isisgraph build --store (up to date: only what changed)")
            result["build"] = build_store(corpus, store, max(args.processes))
        if args.rederive:
            log(f"[{size}] the derived graphs recomputed by this code")
            result["rederive"] = in_subprocess("rederive", store=store)
        result["empty"] = time_store_query(store, str(empty), {}, args.repeat, args.query_limit)
        result["queries"] = {}
        for saved in list_queries():
            log(f"[{size}] {saved.name}")
            result["queries"][saved.name] = time_store_query(store, saved.name, {}, args.repeat, args.query_limit,
                                                             args.one_run_above)
            save({**out, str(size): result})
        for name, params in NARROWED:
            label = f"{name} " + " ".join(f"{k}={v}" for k, v in params.items())
            log(f"[{size}] {label}")
            timed = time_store_query(store, name, params, args.repeat, args.query_limit, args.one_run_above)
            if timed["exit"] != 2:  # 2: the code measured has no such parameter
                result["queries"][label] = timed
                save({**out, str(size): result})
        for name in PAGED:  # the first page of each whole list
            label = f"{name} --limit {FIRST_PAGE}"
            log(f"[{size}] {label}")
            result["queries"][label] = time_store_query(store, name, {}, args.repeat, args.query_limit,
                                                        args.one_run_above, ("--limit", str(FIRST_PAGE)))
            save({**out, str(size): result})
        if "build" in result:  # goal 3: a few articles changed, the store brought up to date
            log(f"[{size}] {min(CHANGED_ARTICLES, size)} articles changed, the store brought up to date")
            result["incremental"] = incremental_rebuild(corpus, store, max(args.processes), CHANGED_ARTICLES)
            save({**out, str(size): result})
        out[str(size)] = result
    return out


def store_table(results: dict[str, Any], limit: float) -> str:
    """Saved queries on each size's store, side by side: median wall and CPU seconds."""
    sizes = list(results)
    head = f"{'query':<44}" + "".join(f" {'rows ' + s:>11} {'wall':>7} {'CPU':>7} {'runs':>4}" for s in sizes)
    lines = [f"saved queries on build stores, `isisgraph query NAME STORE`, median of runs; "
             f"'>' stopped at {limit:g} s; runs: how many were timed", head, "-" * len(head)]
    names = list(dict.fromkeys(n for s in sizes for n in results[s]["queries"]))

    def cells(row: dict[str, Any] | None) -> str:
        if row is None:
            return f" {'':>11} {'':>7} {'':>7} {'':>4}"
        if row["exit"] != 0:
            return f" {'-':>11} {'>' + format(row['wall'], '.1f'):>7} {row['cpu']:>7.2f} {row['runs']:>4}"
        return f" {row['rows']:>11} {row['wall']:>7.2f} {row['cpu']:>7.2f} {row['runs']:>4}"

    lines.append(f"{'(ASK {}: the command and the store opened)':<44}"
                 + "".join(cells(results[s]["empty"]) for s in sizes))
    for name in names:
        lines.append(f"{name:<44}" + "".join(cells(results[s]["queries"].get(name)) for s in sizes))
    for s in sizes:
        worst = max(results[s]["queries"].items(), key=lambda kv: kv[1]["wall"])
        rows = results[s]["queries"].values()
        by_wall = sum(1 for row in rows if row["wall"] >= 1 or row["exit"] != 0)
        by_cpu = sum(1 for row in rows if row["cpu"] >= 1 or row["exit"] != 0)
        lines.append(f"{s:>6}: slowest {worst[0]} {worst[1]['wall']:.2f} s wall, {worst[1]['cpu']:.2f} CPU s; "
                     f"of {len(rows)}, {by_wall} at 1 s or more of wall time, {by_cpu} of CPU time "
                     "[every one < 1 s]"
                     + "".join(f"; {what} {results[s][what]['wall']:.0f} s wall, {results[s][what]['cpu']:.1f} CPU s"
                               for what in ("build", "copies", "rederive") if what in results[s]))
    return "\n".join(lines)


# ---------------------------------------------------------------------------- one size


def corpus_for(size: int, seed: int, workdir: Path) -> Path:
    from benchmarks.generate import write_corpus

    path = workdir / f"corpus-{size}-seed{seed}.jsonl"
    if not path.is_file():
        write_corpus(path, size, seed)
    return path


def clean_build(output: Path) -> None:
    """Remove a previous output and its cache, so the next build starts from nothing."""
    output.unlink(missing_ok=True)
    shutil.rmtree(output.parent / f".{output.name}.cache", ignore_errors=True)


def given_corpus(path: Path, workdir: Path) -> Path:
    """The articles of ``path`` (a folder of .txt files with its manifest, or a .jsonl) as a
    .jsonl in ``workdir``, which both bare spaCy and the build read."""
    from isisgraph.ingest import read_articles

    if path.suffix == ".jsonl":
        return path
    out = workdir / f"corpus-{path.name}.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for a in read_articles([path]):
            record = {"id": a.id, "title": a.title, "text": a.text, "url": a.url, "publisher": a.publisher,
                      "published": a.published.isoformat() if a.published else None,
                      "date_precision": a.date_precision}
            f.write(json.dumps({k: v for k, v in record.items() if v is not None}) + "\n")
    return out


def run_size(size: int, args: argparse.Namespace, log) -> dict[str, Any]:  # noqa: ANN001
    workdir: Path = args.workdir
    corpus = args.corpus if args.corpus is not None else corpus_for(size, args.seed, workdir)
    result: dict[str, Any] = {"size": size, "spacy": {}, "build": {}}
    for processes in args.processes:
        log(f"[{size}] bare spaCy, {processes} process(es)")
        result["spacy"][processes] = in_subprocess("spacy", corpus=corpus, processes=processes,
                                                   batch_size=args.batch_size)
    for workers in args.processes:
        output = workdir / f"graph-{size}-w{workers}.trig"
        clean_build(output)
        log(f"[{size}] isisgraph build, {workers} worker(s)")
        result["build"][workers] = in_subprocess("build", corpus=corpus, output=output, workers=workers,
                                                 batch_size=args.batch_size, cache=True)
    if args.dask:
        result["dask"] = {}
        for workers in args.processes:
            output = workdir / f"graph-{size}-dask{workers}.trig"
            clean_build(output)
            log(f"[{size}] isisgraph build on a Dask cluster, {workers} worker(s)")
            result["dask"][workers] = in_subprocess("dask-build", corpus=corpus, output=output, workers=workers,
                                                    batch_size=args.batch_size)
            result["dask"][workers]["same_as_local"] = same_graph_files(
                output, workdir / f"graph-{size}-w{workers}.trig")
    workers = max(args.processes)
    log(f"[{size}] isisgraph build again, unchanged corpus ({workers} worker(s))")
    output = workdir / f"graph-{size}-w{workers}.trig"
    result["rebuild"] = in_subprocess("build", corpus=corpus, output=output, workers=workers,
                                      batch_size=args.batch_size, cache=True)
    return result


def run_queries(graph: Path, args: argparse.Namespace, log) -> dict[str, Any]:  # noqa: ANN001
    out: dict[str, Any] = {"graph": str(graph)}
    store = args.workdir / "oxigraph-store"
    shutil.rmtree(store, ignore_errors=True)
    for name, backend, location in (("oxigraph", "oxigraph", store), ("oxigraph-memory", "oxigraph", None),
                                    ("rdflib", "rdflib", None)):
        if backend not in args.query_backends or (args.disk_only and name != "oxigraph"):
            continue
        log(f"saved queries on {name}")
        out[name] = in_subprocess("queries", graph=graph, backend=backend, repeat=args.repeat, store=location,
                                  limit=args.query_limit)
    if "oxigraph" not in args.query_backends or args.disk_only:
        return out
    log("saved queries on oxigraph, the on-disk store reopened")
    out["oxigraph-reopened"] = in_subprocess("queries", graph=graph, backend="oxigraph", repeat=args.repeat,
                                             store=store)
    return out


# ---------------------------------------------------------------------------- the table


def machine() -> dict[str, Any]:
    mem_kb = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    except OSError:
        pass
    return {"date": time.strftime("%Y-%m-%d %H:%M"), "nproc": os.cpu_count(), "ram_gb": round(mem_kb / 2**20, 1),
            "load_before": [round(x, 2) for x in os.getloadavg()], "python": platform.python_version(),
            "platform": platform.platform()}


def rate(count: float, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("nan")


def table(results: dict[str, Any]) -> str:
    """The rows BENCHMARKS.md quotes: throughput, stage shares, memory, cache, queries."""
    lines = [f"machine: {results['machine']}", ""]
    head = (f"{'size':>6} {'what':<34} {'seconds':>9} {'CPU s':>8} {'art/s':>8} {'tok/s':>8} {'RSS MB':>8} "
            f"{'main MB':>8}")
    lines += [head, "-" * len(head)]
    def row_line(size: int, what: str, row: dict[str, Any], tokens: bool = True) -> str:
        tok = f"{rate(row['tokens'], row['seconds']):>8.0f}" if tokens else f"{'':>8}"
        return (f"{size:>6} {what:<34} {row['seconds']:>9.1f} {row.get('cpu_seconds', float('nan')):>8.1f} "
                f"{rate(row['articles'], row['seconds']):>8.2f} {tok} {row['rss_total_mb']:>8.0f} "
                f"{row['rss_main_mb']:>8.0f}")

    for size_result in results["sizes"]:
        size = size_result["size"]
        for processes, row in size_result["spacy"].items():
            lines.append(row_line(size, f"bare spaCy, {processes} process(es)", row))
        for workers, row in size_result["build"].items():
            lines.append(row_line(size, f"isisgraph build, {workers} worker(s)", row))
        for workers, row in size_result.get("dask", {}).items():
            lines.append(row_line(size, f"build on Dask, {workers} worker(s)", row))
        lines.append(row_line(size, "rebuild, unchanged (cache)", size_result["rebuild"], tokens=False))
    lines += ["", "ratios (targets in brackets)"]
    for size_result in results["sizes"]:
        size = size_result["size"]
        for processes in size_result["spacy"]:
            if processes in size_result["build"]:
                spacy_rate = rate(size_result["spacy"][processes]["tokens"], size_result["spacy"][processes]["seconds"])
                build_rate = rate(size_result["build"][processes]["tokens"], size_result["build"][processes]["seconds"])
                spacy_cpu = size_result["spacy"][processes].get("cpu_seconds", float("nan"))
                build_cpu = size_result["build"][processes].get("cpu_seconds", float("nan"))
                lines.append(f"{size:>6} throughput isisgraph / bare spaCy, {processes} process(es): "
                             f"{build_rate / spacy_rate:.2f} by wall time, {spacy_cpu / build_cpu:.2f} by CPU time "
                             "[>= 0.8]")
        first = min(size_result["build"])
        times = size_result["build"][first]["times"]
        total = sum(times.values()) or float("nan")
        shares = ", ".join(f"{stage} {times[stage] / total:.0%}" for stage in STAGES)
        lines.append(f"{size:>6} stage shares ({first} worker): {shares} [validate <= 10%]")
        workers = max(size_result["build"])
        speedup = size_result["build"][workers]["seconds"] / size_result["rebuild"]["seconds"]
        lines.append(f"{size:>6} rebuild of an unchanged corpus: {speedup:.1f}x faster [>= 20x]")
        dask = size_result.get("dask", {})
        if dask:
            few, many = min(dask), max(dask)
            lines.append(f"{size:>6} build on Dask, {few} -> {many} worker(s): "
                         f"{dask[few]['seconds'] / dask[many]['seconds']:.2f}x faster by wall time; "
                         f"CPU {dask[few]['cpu_seconds']:.1f} s -> {dask[many]['cpu_seconds']:.1f} s; output the "
                         f"same as the local build's: {all(row['same_as_local'] for row in dask.values())}")
            for workers, row in dask.items():
                if workers in size_result["build"]:
                    local = size_result["build"][workers]
                    lines.append(f"{size:>6} Dask / local build, {workers} worker(s): "
                                 f"{row['seconds'] / local['seconds']:.2f} of the wall time, "
                                 f"{row['cpu_seconds'] / local['cpu_seconds']:.2f} of the CPU time")
    sizes = {r["size"]: r for r in results["sizes"]}
    if len(sizes) > 1:
        small, large = min(sizes), max(sizes)
        for workers in sizes[large]["build"]:
            ratio = sizes[large]["build"][workers]["rss_total_mb"] / sizes[small]["build"][workers]["rss_total_mb"]
            lines.append(f"peak RSS {large} / {small} articles, {workers} worker(s): {ratio:.2f} [<= 1.2]")
        validate_share = {s: r["build"][min(r["build"])]["times"]["validate"] / s for s, r in sizes.items()}
        per_article = ", ".join(f"{s}: {v * 1000:.1f} ms" for s, v in sorted(validate_share.items()))
        lines.append(f"validate seconds per article by size (linear if equal): {per_article}")
    queries = results.get("queries")
    if queries:
        lines += ["", f"saved queries, median seconds on {queries['graph']}"]
        none = {"load_seconds": float("nan"), "rss_total_mb": float("nan"), "medians": {}, "rows": {}}
        ox = queries.get("oxigraph", {**none, "medians": queries.get("rdflib", none)["medians"],
                                      "rows": queries.get("rdflib", none)["rows"]})
        rd = queries.get("rdflib", {"load_seconds": float("nan"), "rss_total_mb": float("nan"), "medians": {}})
        memory = queries.get("oxigraph-memory", ox)
        reopened = queries.get("oxigraph-reopened", ox)
        lines.append(f"  load: oxigraph on disk {ox['load_seconds']:.1f} s "
                     f"(reopened {reopened['load_seconds']:.1f} s), "
                     f"in memory {memory['load_seconds']:.1f} s, rdflib {rd['load_seconds']:.1f} s; "
                     f"RSS oxigraph {ox['rss_total_mb']:.0f} MB, rdflib {rd['rss_total_mb']:.0f} MB")
        lines.append(f"  {'query':<28} {'rows':>6} {'ox disk':>9} {'ox mem':>9} {'rdflib':>9} {'rdflib/ox':>9}")
        for name, seconds in ox["medians"].items():
            other = rd["medians"].get(name, float("nan"))
            if name in rd.get("timed_out", ()):
                other = float("inf")  # stopped after --query-limit seconds
            lines.append(f"  {name:<28} {str(ox['rows'].get(name)):>6} {seconds:>9.3f} {memory['medians'][name]:>9.3f} "
                         f"{other:>9.3f} {rate(other, seconds):>9.1f}")
        for label, row in ox.get("narrowed", {}).items():
            lines.append(f"  {label:<28} {str(row['rows']):>6} {row['median']:>9.3f}")
        slowest = max(ox["medians"].values())
        fastest_store = max(memory["medians"].values())
        lines.append(f"  slowest on oxigraph (on disk): {slowest:.3f} s, in memory {fastest_store:.3f} s [< 1 s]")
    return "\n".join(lines)


# ---------------------------------------------------------------------------- the goals


GOAL_RATIO = 0.8  # goal 1: build >= 0.8 x bare spaCy by CPU
GOAL_QUERY_SECONDS = 1.0  # goal 2: every saved query under 1 s
GOAL_REBUILD_SECONDS = 60.0  # goal 3: 10 changed articles rebuilt into the store in seconds, not a reload
CHANGED_ARTICLES = 10  # goal 3: how many articles of the corpus the incremental rebuild changes


def verdict(measured: float, target: float, at_least: bool) -> str:
    """"met", or "missed by X×" (how far the measured figure is from the target)."""
    if measured != measured:  # NaN: nothing to compare
        return "not measured"
    met = measured >= target if at_least else measured < target
    if met:
        return "met"
    by = target / measured if at_least else measured / target
    return f"missed by {by:.1f}x" if measured > 0 else "missed"


def goals(results: dict[str, Any]) -> list[str]:
    """Each goal of issue 12 against what this run measured ("not measured in this run" when it
    measured nothing the goal is judged by): the lines `make bench` and `make bench-queries` end with."""
    nan = float("nan")
    lines = ["", "goals of issue 12, against this run's figures"]
    # goal 1: build / bare spaCy by CPU, with each process count, at each size
    found = []
    for size_result in results.get("sizes", []):
        for processes, spacy in size_result["spacy"].items():
            build = size_result["build"].get(processes)
            if build is None:
                continue
            ratio = spacy.get("cpu_seconds", nan) / build.get("cpu_seconds", nan)
            found.append(f"{size_result['size']} articles, {processes} process(es): {ratio:.2f} "
                         f"({verdict(ratio, GOAL_RATIO, at_least=True)})")
    lines.append(f"goal 1  build >= {GOAL_RATIO} x bare spaCy by CPU: "
                 + ("; ".join(found) if found else "not measured in this run"))
    # goal 2: the saved queries, on each build store (CPU s of `isisgraph query`), else on the graph file
    found = []
    for size, result in results.get("stores", {}).items():
        rows = result["queries"]
        over = {name: row for name, row in rows.items()
                if row["exit"] != 0 or row["cpu"] >= GOAL_QUERY_SECONDS}
        name, row = max(rows.items(), key=lambda kv: kv[1]["cpu"])
        found.append(f"{size} articles: {len(rows) - len(over)} of {len(rows)} under {GOAL_QUERY_SECONDS:g} CPU s, "
                     f"slowest {name} {row['cpu']:.2f} s ({verdict(row['cpu'], GOAL_QUERY_SECONDS, at_least=False)})")
    queries = results.get("queries", {}).get("oxigraph")
    if queries and queries.get("medians"):
        medians = {**queries["medians"], **{label: row["median"] for label, row in queries.get("narrowed", {}).items()}}
        name, seconds = max(medians.items(), key=lambda kv: kv[1])
        under = sum(1 for value in medians.values() if value < GOAL_QUERY_SECONDS)
        largest = max((r["size"] for r in results.get("sizes", [])), default="?")
        found.append(f"{largest} articles, the graph file in Oxigraph on disk (wall s in the engine): {under} of "
                     f"{len(medians)} under {GOAL_QUERY_SECONDS:g} s, slowest {name} {seconds:.2f} s "
                     f"({verdict(seconds, GOAL_QUERY_SECONDS, at_least=False)})")
    lines.append(f"goal 2  every saved query < {GOAL_QUERY_SECONDS:g} s: "
                 + ("; ".join(found) if found else "not measured in this run"))
    # goal 3: the store brought up to date after some articles of the corpus changed
    found = []
    for size, result in results.get("stores", {}).items():
        step = result.get("incremental")
        if step is not None:
            found.append(f"{step['changed']} of {size} changed: {step['wall']:.1f} s wall, {step['cpu']:.1f} CPU s "
                         f"({verdict(step['wall'], GOAL_REBUILD_SECONDS, at_least=False)})")
    lines.append(f"goal 3  incremental rebuild into the store < {GOAL_REBUILD_SECONDS:g} s: "
                 + ("; ".join(found) if found else "not measured in this run"))
    # goal 4: the build on Dask, 1 -> 2 workers, and the same output as the local build
    found = []
    for size_result in results.get("sizes", []):
        dask = size_result.get("dask", {})
        if len(dask) > 1:
            few, many = min(dask), max(dask)
            same = all(row["same_as_local"] for row in dask.values())
            found.append(f"{size_result['size']} articles, {few} -> {many} worker(s): "
                         f"{dask[few]['seconds'] / dask[many]['seconds']:.2f}x by wall time, output "
                         + ("the same as the local build's (met)" if same else "NOT the local build's (missed)"))
    lines.append("goal 4  Dask build, the local build's output and the speed-up reported: "
                 + ("; ".join(found) if found else "not measured in this run"))
    return lines


# ---------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_measure"]:
        global SAMPLER
        with MemorySampler() as SAMPLER:
            answer = measure(argv[1], json.loads(argv[2]))
        print(json.dumps(answer))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "1000"),
                        help="comma-separated corpus sizes (default $BENCH_SIZES or 1000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch-size", type=int, default=16, help="spaCy batch size, for both")
    parser.add_argument("--processes", default="1,2", help="process / worker counts to compare")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each saved query (median)")
    parser.add_argument("--no-queries", action="store_true", help="skip the saved-query timings")
    parser.add_argument("--dask", action="store_true",
                        help="also build on a local Dask cluster with each worker count of --processes")
    parser.add_argument("--graph", type=Path, default=None, help="only time the saved queries on this graph")
    parser.add_argument("--query-limit", type=float, default=120,
                        help="seconds after which one run of a saved query is stopped and reported as such")
    parser.add_argument("--query-backends", default="oxigraph,rdflib",
                        help="engines to time the saved queries on (rdflib needs ~1.2 GB per million triples)")
    parser.add_argument("--disk-only", action="store_true",
                        help="time the saved queries on the on-disk Oxigraph store only (issue 12's measure)")
    parser.add_argument("--store-sizes", default=None,
                        help="comma-separated corpus sizes: build each into a store and time every saved query on "
                             "it with `isisgraph query` (issue 12, goal 2); nothing else is measured")
    parser.add_argument("--one-run-above", type=float, default=5.0,
                        help="with --store-sizes: report one run of a query whose first run took more than this "
                             "many CPU seconds (five times the goal: its median would not change the verdict)")
    parser.add_argument("--copied-sizes", default="",
                        help="with --store-sizes: make the stores of these sizes from copies of the smallest "
                             "size's store (article ids renamed, dates moved; see copied_store) instead of building")
    parser.add_argument("--as-built", action="store_true",
                        help="with --store-sizes: time a store that exists as it is, without building it (a "
                             "build under other code would process every article again)")
    parser.add_argument("--rederive", action="store_true",
                        help="with --store-sizes: recompute each store's derived graphs with this code first")
    parser.add_argument("--workdir", type=Path, default=ROOT / "benchmarks" / "out")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="measure on these articles (a folder of .txt with its manifest, or a .jsonl) instead "
                             "of a generated corpus; --sizes is then their number")
    args = parser.parse_args(argv)
    args.sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.corpus is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
        args.corpus = given_corpus(args.corpus, args.workdir)
        args.sizes = [sum(1 for line in args.corpus.open(encoding="utf-8") if line.strip())]
    args.processes = [int(p) for p in args.processes.split(",") if p.strip()]
    args.query_backends = [b.strip() for b in args.query_backends.split(",") if b.strip()]
    args.workdir.mkdir(parents=True, exist_ok=True)

    def log(message: str) -> None:
        print(f"{time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)

    results: dict[str, Any] = {"machine": machine(), "batch_size": args.batch_size, "sizes": []}

    def save() -> None:
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")

    if args.store_sizes:  # goal 2: the saved queries on build stores of each size
        args.store_sizes = [int(size) for size in args.store_sizes.split(",") if size.strip()]
        args.copied_sizes = [int(size) for size in args.copied_sizes.split(",") if size.strip()]
        def partial(stores: dict[str, Any]) -> None:
            results["stores"] = stores
            save()

        results["stores"] = run_store_queries(args, log, partial)
        results["machine"]["load_after"] = [round(x, 2) for x in os.getloadavg()]
        save()
        print(f"machine: {results['machine']}\n")
        print(store_table(results["stores"], args.query_limit))
        print("\n".join(goals(results)))
        return 0
    if args.graph is not None:  # only the saved queries, on a graph built before
        results["queries"] = run_queries(args.graph, args, log)
        results["machine"]["load_after"] = [round(x, 2) for x in os.getloadavg()]
        save()
        print(table(results))
        print("\n".join(goals(results)))
        return 0
    for size in args.sizes:
        results["sizes"].append(run_size(size, args, log))
        save()
    if not args.no_queries:
        largest = max(args.sizes)
        results["queries"] = run_queries(args.workdir / f"graph-{largest}-w{max(args.processes)}.trig", args, log)
    results["machine"]["load_after"] = [round(x, 2) for x in os.getloadavg()]
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    print(table(results))
    print("\n".join(goals(results)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
