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
STAGES = ("parse", "extract", "emit", "validate", "serialise")


# ---------------------------------------------------------------------------- measuring


class MemorySampler:
    """Samples the resident memory and CPU time of this process and all its descendants
    (spaCy's and the build's worker processes are started by a fork server, so the kernel's
    figures for waited-for children do not see them); keeps the peak of the summed memory and
    the last CPU time seen of each process.

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
    if task == "queries":
        store = Path(options["store"]) if options.get("store") else None
        return measure_queries(Path(options["graph"]), options["backend"], options["repeat"], store,
                               options.get("limit", 120))
    raise SystemExit(f"unknown task {task}")


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

    if args.graph is not None:  # only the saved queries, on a graph built before
        results["queries"] = run_queries(args.graph, args, log)
        results["machine"]["load_after"] = [round(x, 2) for x in os.getloadavg()]
        save()
        print(table(results))
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
