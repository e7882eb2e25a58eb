"""Build: ingest → NLP → extract → emit → validate → write, one article at a time.

Articles stream through spaCy in batches. Each article's graph is emitted, validated and
stored as N-Quads in a cache beside the output as soon as it is finished, so memory does
not grow with the corpus. The cache is keyed by the article's text hash, metadata and the
pipeline version (isisgraph's code, the ontology folder and the spaCy model): an unchanged
article is not processed again, a changed one is replaced whole, and an article no longer
in the input is left out of the output and its cache entry removed.

Every file is written to a temporary file and renamed, so interrupting a build (Ctrl-C,
kill) leaves the previous output and the cache consistent, and the next run resumes from
the articles already cached. A build holds a lock on its output (in the cache folder) for
its whole run: a second build of the same output stops at once with a message, instead of
pruning the first one's cache entries under it.

The cache key leaves out where the article was read from (a moved folder, a line inserted in
a JSONL file are not changes of the article); the ``ig:sourceFile`` of a cached article is
rewritten when its source moved (:func:`with_source`).

One article never stops the others: an article whose parsing, extraction, validation or
serialisation fails becomes an :class:`ArticleFailure`, printed as a ``skipped:`` line with
the error, and the rest is built (see :func:`process_docs`).
"""

from __future__ import annotations

import gc
import hashlib
import json
import multiprocessing
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from functools import cache
from itertools import chain, islice
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from isisgraph import __version__, gazetteer, lexicons, nlp
from isisgraph.buildstore import LOAD_FILE, StoreChanges, StoreWriter, header_digest
from isisgraph.cluster import Stored
from isisgraph.emit import Run, Triples, current_run, meta_triples, run_triples, to_triples
from isisgraph.errors import InputError, one_line
from isisgraph.extract import extract
from isisgraph.files import make_folder, write_atomically
from isisgraph.graphio import graph_format, keeps_graphs
from isisgraph.ingest import MAX_CHARS, Problems, Skip, read_articles
from isisgraph.locks import exclusively
from isisgraph.namespaces import IG, META_GRAPH, ONTOLOGY_GRAPH, PREFIXES, REFERENCE_GRAPH
from isisgraph.ontology import data_dir, load_reference, load_tbox
from isisgraph.records import Article, Extraction
from isisgraph.validate import ArticleInput, Report, validate_articles


@dataclass
class StageTimes:
    """Seconds spent per stage, summed over articles (for the benchmark)."""

    parse: float = 0.0
    extract: float = 0.0
    emit: float = 0.0
    validate: float = 0.0
    serialise: float = 0.0

    def add(self, other: dict[str, float]) -> None:
        for name, seconds in other.items():
            setattr(self, name, getattr(self, name) + seconds)


@dataclass
class BuildSummary:
    """What a build did: the numbers the CLI prints at the end."""

    output: Path
    articles: int = 0
    processed: int = 0  # articles parsed in this run (the rest came from the cache)
    triples: int = 0
    tokens: int = 0
    mentions: Counter[str] = field(default_factory=Counter)
    records: Counter[str] = field(default_factory=Counter)
    violations: list[str] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    times: StageTimes = field(default_factory=StageTimes)
    store: StoreChanges | None = None  # what a build with --store did to the store

    @property
    def conforms(self) -> bool:
        return not self.violations


@dataclass
class ArticleResult:
    """One finished article: its quads as N-Quads lines and what the summary counts."""

    article_id: str
    key: str
    nquads: str
    triples: int
    tokens: int
    mentions: dict[str, int]
    records: dict[str, int]
    violations: list[str]
    warnings: list[str]
    times: dict[str, float] = field(default_factory=dict)
    source: str = ""  # the article's ig:sourceFile in ``nquads``

    def to_json(self) -> str:
        data = {k: v for k, v in self.__dict__.items() if k != "times"}
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ArticleResult:
        return cls(**json.loads(text))


@dataclass(frozen=True)
class ArticleFailure:
    """An article that could not be processed: skipped with the error, the others built."""

    article_id: str
    source: str
    reason: str


def failure(article: Article, stage: str, exc: Exception) -> ArticleFailure:
    error = one_line(exc) or type(exc).__name__
    error = error if len(error) <= 160 else error[:159] + "…"
    return ArticleFailure(article.id, article.source,
                          f"could not be {stage} ({type(exc).__name__}: {error}); the other articles "
                          "were built; please report this article with the error")


# ---------------------------------------------------------------------------- files


def output_format(path: Path) -> ox.RdfFormat:
    """TriG or N-Quads, from the extension: a build's output keeps its named graphs."""
    if not keeps_graphs(path):
        raise InputError(f"{path}: unknown output format; name the file .trig or .nq")
    return graph_format(path)


def graph_nquads(graph: Iterable[tuple[Node, Node, Node]], identifier: URIRef) -> list[str]:
    """The triples of ``graph`` (an rdflib Graph or emit's Triples) as sorted N-Quads lines in
    the named graph ``identifier``: each line as rdflib's N-Triples writer writes the triple
    (term by term, without building the document and splitting it again). Raises
    UnicodeEncodeError on a text UTF-8 cannot encode (a lone surrogate), as that writer does."""
    suffix = f" <{identifier}> ."
    written: dict[Node, str] = {}  # each IRI and blank node written once: most recur in many triples
    lines = sorted(nt_terms(triple, written) + suffix for triple in graph)
    "\n".join(lines).encode("utf-8")
    return lines


def nt_terms(triple: tuple[Node, Node, Node], written: dict[Node, str] | None = None) -> str:
    """Subject, predicate and object as N-Triples writes them (rdflib's ``nt`` serialiser);
    ``written`` keeps the text of the IRIs and blank nodes already written."""
    if written is None:
        written = {}
    s, p, o = triple
    subject = written.get(s) or written.setdefault(s, s.n3())
    predicate = written.get(p) or written.setdefault(p, p.n3())
    if not isinstance(o, Literal):
        return f"{subject} {predicate} {written.get(o) or written.setdefault(o, o.n3())}"
    text = '"' + o.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r") + '"'
    if o.language:
        text = f"{text}@{o.language}"
    elif o.datatype:
        text = f"{text}^^<{o.datatype}>"
    return f"{subject} {predicate} {text}"


# ---------------------------------------------------------------------------- cache keys


def hash_files(paths: Iterable[Path], digest: hashlib._Hash) -> None:
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())


@cache
def pipeline_key(model_name: str, model_version: str) -> str:
    """Changes whenever the output for the same article could change."""
    digest = hashlib.sha256(f"{__version__}|{model_name}|{model_version}".encode())
    hash_files(data_dir("ontology").glob("*.ttl"), digest)
    hash_files(data_dir("ontology").glob("lexicons/*.toml"), digest)  # the rules' word lists
    hash_files(Path(__file__).parent.rglob("*.py"), digest)
    return digest.hexdigest()


def article_key(article: Article, pipeline: str) -> str:
    meta = [article.id, article.sha256, article.title, article.publisher, article.url,
            article.published.isoformat() if article.published else None, article.date_precision,
            list(article.extra), pipeline]
    return hashlib.sha256(json.dumps(meta, ensure_ascii=False).encode()).hexdigest()


class Cache:
    """Finished articles as JSON files named by article id and key, beside the output."""

    def __init__(self, output: Path) -> None:
        self.folder = output.parent / f".{output.name}.cache"

    def path(self, article_id: str, key: str) -> Path:
        return self.folder / f"{article_id}.{key[:24]}.json"

    def get(self, article_id: str, key: str) -> ArticleResult | None:
        path = self.path(article_id, key)
        try:
            return ArticleResult.from_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, TypeError):
            return None  # absent or unreadable: process the article again

    def put(self, result: ArticleResult) -> None:
        # no listing of the folder per entry (quadratic in the articles): prune removes the
        # temporaries dead writers left, at the end of every build
        write_atomically(self.path(result.article_id, result.key),
                         lambda tmp: tmp.write_text(result.to_json(), encoding="utf-8"), clean_stale=False)

    def prune(self, keep: set[Path]) -> None:
        """Remove entries of articles no longer in the input or whose key changed."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path not in keep and (path.suffix == ".json" or path.name.endswith(".tmp")):
                path.unlink(missing_ok=True)


# ---------------------------------------------------------------------------- one article


@dataclass
class Emitted:
    """One article extracted and emitted, waiting for the validation of its batch."""

    article: Article
    key: str
    tokens: int
    extraction: Extraction
    graph: Triples
    meta: Graph
    times: dict[str, float]


def emit_article(doc, article: Article, run: Run, key: str) -> Emitted:  # noqa: ANN001 (spaCy Doc)
    """Extract the records of one parsed article and emit its graph and meta triples."""
    t0 = time.perf_counter()
    extraction = extract(doc, article)
    t1 = time.perf_counter()
    graph = to_triples(extraction)
    meta = meta_triples(article, run)
    t2 = time.perf_counter()
    return Emitted(article, key, len(doc), extraction, graph, meta, {"extract": t1 - t0, "emit": t2 - t1})


def finish(emitted: Emitted, report: Report) -> ArticleResult:
    """Serialise a validated article as N-Quads, with what the summary counts."""
    t0 = time.perf_counter()
    lines = graph_nquads(emitted.graph, emitted.graph.identifier) + graph_nquads(emitted.meta, META_GRAPH)
    times = {**emitted.times, "serialise": time.perf_counter() - t0}
    extraction = emitted.extraction
    mentions = Counter(m.kind for m in extraction.mentions)
    records = {"strike reports": len(extraction.strike_reports), "events": len(extraction.events),
               "claims": len(extraction.claims), "figures": len(extraction.figures)}
    warnings = [*extraction.warnings, *(w.removeprefix("warning: ") for w in report.warnings)]
    return ArticleResult(emitted.article.id, emitted.key, "\n".join(lines) + "\n", len(lines), emitted.tokens,
                         dict(mentions), records, list(report.violations), warnings, times,
                         emitted.article.source)


def with_source(result: ArticleResult, source: str) -> ArticleResult:
    """The cached article with its ``ig:sourceFile`` set to ``source`` (where it was read
    from this time), its meta lines sorted again as a fresh build sorts them."""
    from isisgraph.emit import article as article_iri

    node = article_iri(result.article_id)
    prefix, suffix = f"<{node}> <{IG.sourceFile}> ", f" <{META_GRAPH}> ."
    lines = result.nquads.rstrip("\n").split("\n")
    kept = [line for line in lines if not (line.startswith(prefix) and line.endswith(suffix))]
    fresh = Graph()
    fresh.add((node, IG.sourceFile, Literal(source)))
    doc = [line for line in kept if not line.endswith(suffix)]
    meta = sorted([line for line in kept if line.endswith(suffix)] + graph_nquads(fresh, META_GRAPH))
    result.nquads = "\n".join(doc + meta) + "\n"
    result.source = source
    return result


def process_docs(
    docs: list, batch: list[tuple[Article, str]], run: Run  # type: ignore[type-arg]
) -> list[ArticleResult | ArticleFailure]:
    """Extract and emit each parsed article, validate them together (one pySHACL run per
    batch: see :func:`isisgraph.validate.validate_articles`), and serialise each.

    A failure at any step is the failure of that article alone: it comes back as an
    :class:`ArticleFailure` in its place, and the batch goes on."""
    emitted: list[Emitted | ArticleFailure] = []
    for doc, (article, key) in zip(docs, batch, strict=True):
        try:
            emitted.append(emit_article(doc, article, run, key))
        except Exception as exc:  # noqa: BLE001 - one article never stops the others
            emitted.append(failure(article, "extracted", exc))
    ready = [item for item in emitted if isinstance(item, Emitted)]
    t0 = time.perf_counter()
    reports = validate_each(ready)
    validate = (time.perf_counter() - t0) / max(len(ready), 1)
    results: list[ArticleResult | ArticleFailure] = []
    for item in emitted:
        if isinstance(item, ArticleFailure):
            results.append(item)
            continue
        report = reports[id(item)]
        if isinstance(report, ArticleFailure):
            results.append(report)
            continue
        item.times["validate"] = validate
        try:
            results.append(finish(item, report))
        except Exception as exc:  # noqa: BLE001
            results.append(failure(item.article, "serialised", exc))
    return results


def validate_each(emitted: list[Emitted]) -> dict[int, Report | ArticleFailure]:
    """Each article's report, by ``id()`` of its Emitted: the batch in one pySHACL run, or, when
    that run fails, article by article so that only the article at fault fails."""
    try:
        reports = validate_articles([ArticleInput(e.graph, e.meta, e.article.text) for e in emitted])
        return {id(e): r for e, r in zip(emitted, reports, strict=True)}
    except Exception:  # noqa: BLE001 - find the article at fault below
        pass
    outcome: dict[int, Report | ArticleFailure] = {}
    for item in emitted:
        try:
            (outcome[id(item)],) = validate_articles([ArticleInput(item.graph, item.meta, item.article.text)])
        except Exception as exc:  # noqa: BLE001
            outcome[id(item)] = failure(item.article, "validated", exc)
    return outcome


def batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


# spaCy refuses texts over nlp.max_length (1,000,000 characters) and its memory grows with the
# text; longer articles are parsed in pieces cut at paragraph or sentence ends, then joined
# back into one Doc whose text (and so every offset) is exactly the article's.
CHUNK_CHARS = 100_000


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Consecutive pieces of ``text`` of at most ``limit`` characters whose concatenation is
    ``text``, cut after a blank line, a line end, a sentence end or a space when there is one."""
    pieces, start = [], 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = next((window.rfind(sep) + len(sep) for sep in ("\n\n", "\n", ". ", " ")
                    if window.rfind(sep) > limit // 2), limit)
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse_texts(pipeline, texts: list[str], published: list | None = None) -> list:  # noqa: ANN001 (spaCy Language and Docs)
    """Parse ``texts``: the short ones in one ``nlp.pipe`` call, each long one piece by piece
    (see CHUNK_CHARS), one piece at a time. ``published`` gives each text's publication date
    (or None), which the NLP stage reads descriptions with ("government forces" in 2025 Syria).

    spaCy keeps a whole batch's activations alive together: twenty 100,000-character pieces in
    one batch needed 1.7 GB for a 500,000-character text, one piece at a time 0.7 GB. The
    joined Doc leaves out the pieces' tensors, which nothing downstream reads and which would
    be the largest part of a long article's Doc."""
    from spacy.tokens import Doc

    dates = published if published is not None else [None] * len(texts)
    pieces = [split_text(text) for text in texts]
    short = iter(pipeline.pipe(nlp.article_doc(pipeline, group[0], date)
                               for group, date in zip(pieces, dates, strict=True) if len(group) == 1))
    docs = []
    for group, date in zip(pieces, dates, strict=True):
        if len(group) == 1:
            docs.append(next(short))
            continue
        chunk_docs = list(pipeline.pipe((nlp.article_doc(pipeline, piece, date) for piece in group),
                                        batch_size=1))
        # the NLP stage's own user data: minted places, and which component linked each span
        # (keyed by character offsets, so shifted by the piece's offset)
        places = {p.ref: p for d in chunk_docs for p in nlp.new_places(d)}
        sources, offset = {}, 0
        for chunk in chunk_docs:
            for (start, end), source in chunk.user_data.pop(nlp.SOURCES_KEY, {}).items():
                sources[(start + offset, end + offset)] = source
            chunk.user_data.pop(nlp.NEW_PLACES_KEY, None)
            chunk.user_data.pop(nlp.HEADING_TOKENS_KEY, None)  # token indices of the piece
            offset += len(chunk.text)
        doc = Doc.from_docs(chunk_docs, ensure_whitespace=False, exclude=["tensor"])
        doc.user_data[nlp.NEW_PLACES_KEY] = sorted(places.values(), key=lambda p: p.ref)
        doc.user_data[nlp.SOURCES_KEY] = sources
        docs.append(doc)
    return docs


_WORKER: dict[str, object] = {}


def init_worker(run: Run) -> None:
    """Make this process ready to process batches: the pipeline (loaded once) and the run."""
    _WORKER["nlp"] = nlp.load_pipeline()
    _WORKER["run"] = run


def process_batch(batch: list[tuple[Article, str]]) -> list[ArticleResult | ArticleFailure]:
    """Parse and process one batch in this process (see :func:`init_worker`)."""
    pipeline, run = _WORKER["nlp"], _WORKER["run"]
    start = time.perf_counter()
    docs = parse_each(pipeline, batch)
    parse = (time.perf_counter() - start) / max(len(batch), 1)
    parsed = [(doc, item) for doc, item in zip(docs, batch, strict=True) if not isinstance(doc, ArticleFailure)]
    processed = iter(process_docs([doc for doc, _ in parsed], [item for _, item in parsed], run))  # type: ignore[arg-type]
    results: list[ArticleResult | ArticleFailure] = []
    for doc in docs:
        if isinstance(doc, ArticleFailure):
            results.append(doc)
            continue
        result = next(processed)
        if isinstance(result, ArticleResult):
            result.times["parse"] = parse
        results.append(result)
    return results


def parse_each(pipeline, batch: list[tuple[Article, str]]) -> list:  # noqa: ANN001 (spaCy Language and Docs)
    """The Docs of a batch, parsed together; when that fails, one by one, so that a text spaCy
    cannot parse fails alone (as an ArticleFailure in its place)."""
    try:
        return parse_texts(pipeline, [article.text for article, _ in batch], [a.published for a, _ in batch])
    except Exception:  # noqa: BLE001 - find the article at fault below
        pass
    docs: list = []
    for article, _ in batch:
        try:
            docs.extend(parse_texts(pipeline, [article.text], [article.published]))
        except Exception as exc:  # noqa: BLE001
            docs.append(failure(article, "parsed", exc))
    return docs


def process_articles(
    pending: Iterable[tuple[Article, str]], run: Run, batch_size: int, workers: int,
    cluster: tuple[str, str, Path] | None = None,
) -> Iterator[ArticleResult | Stored | ArticleFailure]:
    """Parse and process articles, in input order, in this process, in ``workers`` processes,
    or on the Dask cluster ``cluster`` = (scheduler address, pipeline key, output), whose
    workers write the finished articles into the cache themselves (:class:`Stored`).

    Nothing is loaded and no process started when nothing is pending (every article came
    from the cache)."""
    batches = batched(pending, batch_size)  # type: ignore[arg-type]
    first = next(batches, None)
    if first is None:
        return
    batches = chain([first], batches)
    if cluster is not None:
        from isisgraph.cluster import process_on_cluster

        address, pipeline, output = cluster
        yield from process_on_cluster(batches, run, pipeline, output, address)
        return
    if workers <= 1:
        init_worker(run)
        for batch in batches:
            yield from process_batch(batch)
        return
    context = pool_context()
    if context.get_start_method() == "fork":
        # Load once, here, what every worker needs: the workers fork from this process and
        # share it, so a worker costs what spaCy's own second process costs. The first batch is
        # processed here for the same reason: it loads what the stages load on first use.
        init_worker(run)
        preload()
        yield from process_batch(next(batches))
        rest = next(batches, None)
        if rest is None:
            return
        batches = chain([rest], batches)
    with forked_pool(context, workers, run) as pool:
        for results in pool.imap(process_batch, batches):
            yield from results


def pool_context() -> multiprocessing.context.BaseContext:
    """Fork where it is safe (Linux): the workers then share the pipeline and the data this
    process loaded. Elsewhere (macOS, Windows) each worker starts afresh and loads its own."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def preload() -> None:
    """Load what the stages load on first use but not for every text: the gazetteer's indexes
    of GeoNames (the linker reads them only for a name the curated places lack) and every
    lexicon (the pipeline and the shapes are loaded by any first batch)."""
    nlp.load_pipeline()
    gazetteer.preload()
    for path in lexicons.lexicon_files():
        lexicons.lexicon(path.stem)


@contextmanager
def forked_pool(context: multiprocessing.context.BaseContext, workers: int, run: Run) -> Iterator[Any]:
    """A pool of ``workers`` processes. Under fork, the objects loaded so far are frozen out of
    the garbage collector first: a collection in a worker would otherwise write into every one
    of them, and the kernel would copy each page the worker shares with this process."""
    frozen = context.get_start_method() == "fork"
    if frozen:
        gc.freeze()
    try:
        with context.Pool(workers, initializer=init_worker, initargs=(run,)) as pool:
            if frozen:
                gc.unfreeze()  # (the workers are forked: this process may collect again)
                frozen = False
            yield pool
    finally:
        if frozen:
            gc.unfreeze()


# ---------------------------------------------------------------------------- output


def header_nquads(run: Run) -> list[str]:
    return (graph_nquads(load_tbox(), ONTOLOGY_GRAPH) + graph_nquads(load_reference(), REFERENCE_GRAPH)
            + graph_nquads(run_triples(run), META_GRAPH))


def write_output(path: Path, header: list[str], chunks: Iterable[str]) -> None:
    """Stream the header graphs and each article's N-Quads into ``path`` (TriG or N-Quads)."""
    fmt = output_format(path)

    def write(tmp: Path) -> None:
        with tmp.open("wb") as handle:
            for chunk in chain(["\n".join(header) + "\n"], chunks):
                if fmt == ox.RdfFormat.N_QUADS:
                    handle.write(chunk.encode("utf-8"))
                else:  # TriG allows repeated prefix declarations, so chunks concatenate
                    quads = ox.parse(chunk.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
                    ox.serialize(quads, handle, ox.RdfFormat.TRIG, prefixes=PREFIXES)
                    handle.write(b"\n")

    write_atomically(path, write)


def check_options(encoding: str, batch_size: int, workers: int, max_chars: int) -> None:
    """Refuse option values that would fail later for every article, with a misleading message."""
    check_encoding(encoding)
    for option, value in (("--batch-size", batch_size), ("--workers", workers), ("--max-chars", max_chars)):
        if value < 1:
            raise InputError(f"{option} {value}: give a number of 1 or more")


def check_encoding(encoding: str) -> str:
    """``encoding`` when Python knows it, else an InputError naming a few it knows."""
    import codecs

    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"--encoding {encoding!r} is not an encoding Python knows; "
                         "use e.g. utf-8, cp1256, latin-1 or utf-16") from None
    return encoding


def select_shard(articles: Iterable[Article], shard: tuple[int, int] | None) -> Iterator[Article]:
    """The articles of shard ``i`` of ``n`` (by a hash of the id: stable across machines)."""
    for article in articles:
        if in_shard(article.id, shard):
            yield article


def in_shard(article_id: str, shard: tuple[int, int] | None) -> bool:
    return shard is None or int(hashlib.sha256(article_id.encode()).hexdigest(), 16) % shard[1] == shard[0]


def build(
    paths: Iterable[str | os.PathLike[str]],
    output: str | os.PathLike[str] | None = "out/graph.trig",
    encoding: str = "utf-8",
    batch_size: int = 16,
    workers: int = 1,
    shard: tuple[int, int] | None = None,
    use_cache: bool = True,
    on_article: Callable[[str], None] | None = None,
    max_chars: int = MAX_CHARS,
    scheduler: str | None = None,
    store: str | os.PathLike[str] | None = None,
    prune: bool = False,
) -> BuildSummary:
    """Build the graph of ``paths`` into ``output`` (.trig or .nq), into the Oxigraph store
    folder ``store`` (:mod:`isisgraph.buildstore`), or both, and say what was done.

    Articles longer than ``max_chars`` characters are skipped (see MAX_CHARS). With
    ``scheduler`` (a Dask scheduler's address) the articles are processed on that cluster
    (:mod:`isisgraph.cluster`), whose workers must see the output's folder. ``prune`` drops
    from the store every article not in ``paths`` (by default only those whose file lay inside
    ``paths``). Raises BusyError when another build is writing the same output or store."""
    out = None if output is None else Path(output)
    if out is None and store is None:
        raise InputError("nothing to write: give an output file (-o) or a store folder (--store)")
    if out is not None:
        output_format(out)  # fail on a bad extension before parsing anything
    check_options(encoding, batch_size, workers, max_chars)
    if scheduler is not None and workers > 1:
        raise InputError("give --workers or --scheduler, not both: on a cluster the Dask workers do the work")
    with ExitStack() as held:
        writer = None if store is None else held.enter_context(StoreWriter(Path(store)))
        # with a store, the cache lives in it: builds with and without -o share it
        anchor = out if writer is None else writer.cache_anchor()
        for target in dict.fromkeys(filter(None, (anchor, out))):
            cache = make_folder(Cache(target).folder, target)  # a read-only folder fails here, before any parsing
            held.enter_context(exclusively(cache / BUILD_LOCK, f"another build is writing {out or store} "
                                           "({holder}); wait for it to finish or build to another --output"))
        return build_holding_lock(paths, out, anchor, encoding, batch_size, workers, shard, use_cache, on_article,
                                  max_chars, scheduler, writer, prune)


BUILD_LOCK = "build.lock"


def add_counts(summary: BuildSummary, counts: dict) -> None:  # type: ignore[type-arg]
    """Add one article's numbers (from its cache entry, or as the store's record keeps them)."""
    summary.articles += 1
    summary.triples += counts["triples"]
    summary.tokens += counts["tokens"]
    summary.mentions.update(counts["mentions"])
    summary.records.update(counts["records"])
    summary.violations.extend(counts["violations"])
    summary.warnings.extend(counts["warnings"])


def build_holding_lock(
    paths: Iterable[str | os.PathLike[str]], out: Path | None, anchor: Path, encoding: str, batch_size: int,
    workers: int, shard: tuple[int, int] | None, use_cache: bool, on_article: Callable[[str], None] | None,
    max_chars: int, scheduler: str | None = None, writer: StoreWriter | None = None, prune: bool = False,
) -> BuildSummary:
    """The build, its locks held: into the output file ``out``, the store of ``writer`` or
    both, with the cache kept beside ``anchor`` (:class:`Cache`)."""
    paths = list(paths)
    summary = BuildSummary(output=out if out is not None else writer.folder)  # type: ignore[union-attr]
    problems = Problems()
    meta = nlp.model_meta()
    model_name, model_version = meta.get("name", "unknown"), meta.get("version", "unknown")
    run = current_run(model_name, model_version)
    pipeline = pipeline_key(model_name, model_version)
    store = Cache(anchor)

    order: list[tuple[str, str, str]] = []  # (article id, key, source) in input order

    def pending_articles() -> Iterator[tuple[Article, str]]:
        for article in select_shard(read_articles(paths, encoding=encoding, problems=problems), shard):
            if article.length > max_chars:
                problems.skip(article.source, f"{article.length:,} characters, more than --max-chars {max_chars:,} "
                              "(about 1.5 GB of memory per million); split it into articles or raise --max-chars")
                continue
            key = article_key(article, pipeline)
            order.append((article.id, key, article.source))
            if use_cache and ((writer is not None and writer.holds(article.id, key, article.source, pipeline))
                              or store.get(article.id, key) is not None):
                if on_article is not None:
                    on_article(article.id)
                continue
            yield article, key

    failed: set[str] = set()
    processed: set[str] = set()
    cluster = None if scheduler is None else (scheduler, pipeline, anchor)
    for result in process_articles(pending_articles(), run, batch_size, workers, cluster):
        if isinstance(result, ArticleFailure):
            problems.skip(result.source, result.reason)
            failed.add(result.article_id)
            continue
        if isinstance(result, ArticleResult):  # (a Dask worker has stored its articles itself)
            store.put(result)
        summary.processed += 1
        processed.add(result.article_id)
        summary.times.add(result.times)
        if on_article is not None:
            on_article(result.article_id)

    summary.skipped.extend(problems.skipped)
    summary.warnings.extend(problems.warnings)
    order = [entry for entry in order if entry[0] not in failed]
    if not order:
        # the reasons are the point: a folder of one cp1256 file must say "pass --encoding"
        details = [f"warning: {w}" for w in problems.warnings] + [f"skipped: {s}" for s in problems.skipped]
        raise InputError("no readable articles in the given paths; nothing was written", details)

    header = header_nquads(run)
    plan = None
    if writer is not None:
        # a shard's build answers only for its shard's articles: the others are not removed
        plan = writer.plan(pipeline, header_digest(header), order, paths, prune, processed,
                           lambda article_id: in_shard(article_id, shard),
                           lambda article_id, key: store.path(article_id, key).is_file())
    changed: list[tuple[str, str]] = []  # (id, N-Quads) of the articles the store replaces

    def chunks() -> Iterator[str]:
        for article_id, key, source in order:
            held = plan.record.articles.get(article_id) if plan is not None else None
            if (out is None and held is not None and "counts" in held and not plan.full  # type: ignore[union-attr]
                    and article_id not in plan.write):  # type: ignore[union-attr]
                add_counts(summary, held["counts"])  # an article the store keeps: its cache entry is not read
                continue
            result = store.get(article_id, key)
            if result is None:
                raise InputError(f"{store.path(article_id, key)}: cache entry vanished during the build; run again")
            if result.source != source:  # the same article, read from somewhere else this time
                store.put(with_source(result, source))
            counts = {"triples": result.triples, "tokens": result.tokens, "mentions": result.mentions,
                      "records": result.records, "violations": result.violations, "warnings": result.warnings}
            add_counts(summary, counts)
            if held is not None:
                held["counts"] = counts
            if plan is not None and not plan.full and article_id in plan.write:
                changed.append((article_id, result.nquads))
            yield result.nquads

    started = time.perf_counter()
    load = out  # the file written, which a full reload of the store bulk-loads
    if load is None and plan is not None and plan.full:
        load = writer.folder / LOAD_FILE  # type: ignore[union-attr]
    if load is not None:
        write_output(load, header, chunks())
    else:
        for _ in chunks():  # the summary's totals; the changed articles' N-Quads
            pass
    summary.times.serialise += time.perf_counter() - started
    summary.triples += len(header)
    keep = {store.path(i, k) for i, k, _ in order}
    if writer is not None and plan is not None:
        summary.store = writer.apply(plan, load, iter(changed))
        if load is not None and load != out:
            load.unlink(missing_ok=True)
        # the articles the store keeps from other inputs keep their cache entries
        keep |= {store.path(i, a["key"]) for i, a in plan.record.articles.items()}
    store.prune(keep)
    return summary
