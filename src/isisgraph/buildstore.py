"""The Oxigraph store a build writes (``isisgraph build ... --store DIR``), kept up to date
article by article, and read directly by ``query``, ``export``, ``viz`` and ``push``.

The folder holds the Oxigraph data and a record, ``isisgraph-store.json``, of what the store
holds: the pipeline key (isisgraph's code, the ontology and the spaCy model), a digest of the
ontology, reference and run graphs, and each article's id with its cache key and source.
A rebuild compares the input with the record and touches only the article graphs (and their
``meta`` triples) of new, changed and removed articles; a changed pipeline or header makes
every article stale, and the store is then cleared and bulk-loaded. The derived graphs (the
reconcile links) are recomputed after every change, in :func:`update_derived_graphs`, from
what reconciliation compares of each article, kept by article key beside the store (so only
the graphs just written are read again).

Removed articles: an article the store holds and the input lacks is dropped when its source
file lies inside one of the paths given to the build (a file deleted from the folder being
rebuilt), and kept otherwise (another folder built into the same store); ``prune`` drops
every article not in this input, so that the store holds exactly what ``-o`` would write.

Crash safety: before changing anything the build rewrites the record as *incomplete*, listing
the articles whose graphs it is about to touch; the complete record is written last, after the
store is flushed. A build interrupted in between leaves a record that readers refuse ("run the
build again") and that the next build repairs, replacing those articles' graphs whatever state
they were left in. A build holds the store's lock exclusively; readers hold it shared.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib.term import Node

from isisgraph.derive import DERIVED_GRAPH
from isisgraph.errors import BusyError, InputError
from isisgraph.files import make_folder, write_atomically
from isisgraph.locks import FileLock
from isisgraph.namespaces import IG, META_GRAPH, ONTOLOGY_GRAPH, article, doc_graph
from isisgraph.reconcile import (
    READS,
    RECONCILE_GRAPH,
    EventView,
    ReportView,
    World,
    event_classes,
    event_pairs,
    events_of,
    groups,
    link_groups,
    report_pairs,
    reports_of,
)
from isisgraph.store import load_into, open_folder, to_oxigraph, to_rdflib, with_derived_links

RECORD_FILE = "isisgraph-store.json"
RECORD_VERSION = 1
LOAD_FILE = "isisgraph-load.nq"  # what a full reload bulk-loads when there is no -o file
# Above this share of changed articles, clearing and bulk-loading is faster than replacing graphs.
FULL_RELOAD_SHARE = 0.5


def is_build_store(source: str | os.PathLike[str]) -> bool:
    """Whether ``source`` is a folder a build wrote a store into."""
    return (Path(source) / RECORD_FILE).is_file()


@dataclass
class Record:
    """What the store holds: see the module docstring."""

    pipeline: str | None = None
    header: str | None = None
    # id -> {"key", "source", "file", "counts": what the build summary counts of it}
    articles: dict[str, dict[str, Any]] = field(default_factory=dict)
    complete: bool = False
    dirty: list[str] = field(default_factory=list)  # articles whose graphs may be half-written

    def to_json(self) -> bytes:
        data = {"isisgraph_store": RECORD_VERSION, **self.__dict__}
        return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


def read_record(folder: Path) -> Record | None:
    """The record of ``folder``; None when there is none or it cannot be read."""
    try:
        data = json.loads((folder / RECORD_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.pop("isisgraph_store", None) != RECORD_VERSION:
        return None
    try:
        return Record(**data)
    except TypeError:
        return None


def source_file(source: str) -> Path:
    """The file an article was read from (a JSONL article's source ends in ``:LINE``)."""
    match = re.fullmatch(r"(.+\.jsonl):\d+", source, flags=re.IGNORECASE)
    return Path(match[1] if match else source).resolve()


def within(file: str, roots: list[Path]) -> bool:
    path = Path(file)
    return any(path == root or root in path.parents for root in roots)


@dataclass
class Plan:
    """What a build changes in the store."""

    full: bool  # clear and bulk-load every article
    write: set[str]  # articles whose graphs are (re)written
    drop: set[str]  # articles whose graphs are removed first (changed, removed or half-written)
    record: Record  # the record once the build is done


@dataclass
class StoreChanges:
    """What a build did to the store: the numbers the CLI prints."""

    folder: Path
    full: bool = False
    written: int = 0
    removed: int = 0  # articles dropped from the store, not replaced
    held: int = 0  # articles the store holds after the build
    seconds: float = 0.0


class StoreWriter:
    """A build store opened for writing: the lock held and the record read."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        if folder.exists() and not folder.is_dir():
            raise InputError(f"{folder}: --store needs a folder; a file stands there")
        if folder.is_dir() and any(folder.iterdir()) and not is_build_store(folder):
            raise InputError(f"{folder}: not a store written by isisgraph build (no {RECORD_FILE}); "
                             "give --store a new or empty folder")
        make_folder(folder)
        self.lock = FileLock(folder / LOCK_FILE)
        self.record = read_record(folder)
        self.store: ox.Store | None = None

    def __enter__(self) -> StoreWriter:
        if not self.lock.acquire(exclusive=True):
            raise BusyError(f"{self.folder} is in use ({self.lock.holder()}: another build, or a query reading "
                            "it); run again when it has finished")
        self.record = read_record(self.folder)  # as it is now that we hold the lock
        if self.record is None:  # a new store: recognisable as one from now on, and not up to date
            write_atomically(self.folder / RECORD_FILE, Record().to_json())
        return self

    def __exit__(self, *exc: object) -> None:
        self.store = None  # closes the database before the lock is released
        self.lock.release()

    def cache_anchor(self) -> Path:
        """What a build without ``-o`` keys its cache on (build.Cache): the cache is then
        ``DIR/.store.cache/``, inside the store's folder."""
        return self.folder / "store"

    def holds(self, article_id: str, key: str, source: str, pipeline: str) -> bool:
        """Whether the store holds this article as it is now, with the numbers of its cache
        entry (so that the build need not read that entry)."""
        record = self.record
        if record is None or record.pipeline != pipeline or article_id in record.dirty:
            return False
        held = record.articles.get(article_id)
        return held is not None and same_article(held, key, source) and "counts" in held

    def plan(self, pipeline: str, header: str, order: list[tuple[str, str, str]],
             paths: Iterable[str | os.PathLike[str]], prune: bool, processed: set[str],
             answers_for: Callable[[str], bool] = lambda _article_id: True,
             cached: Callable[[str, str], bool] = lambda _article_id, _key: True) -> Plan:
        """Compare the input (``order``: id, key, source) with the record. Only the articles
        ``answers_for`` accepts (those of the build's shard) may be removed; a full reload
        needs every article in the cache (``cached``)."""
        old = self.record
        roots = [Path(p).resolve() for p in paths]
        stale = old is None or old.pipeline != pipeline or old.header != header
        held = {} if stale else old.articles  # type: ignore[union-attr]
        dirty = set() if stale else set(old.dirty)  # type: ignore[union-attr]
        ids = {article_id for article_id, _, _ in order}
        gone = {i for i, a in held.items() if i not in ids and answers_for(i) and (prune or within(a["file"], roots))}
        wanted: dict[str, dict[str, Any]] = {}
        write = set()
        for i, k, s in order:
            wanted[i] = {"key": k, "source": s, "file": str(source_file(s))}
            # (an article read from another place has another ig:sourceFile: rewritten too)
            if i in processed or i in dirty or i not in held or not same_article(held[i], k, s):
                write.add(i)
            elif "counts" in held[i]:
                wanted[i]["counts"] = held[i]["counts"]
        kept = {i: a for i, a in held.items() if i not in wanted and i not in gone and i not in dirty}
        record = Record(pipeline, header, {**kept, **wanted}, complete=True)
        full = stale or len(write) > FULL_RELOAD_SHARE * max(len(record.articles), 1)
        if full and not stale and (kept or not all(cached(i, a["key"]) for i, a in wanted.items())):
            full = False  # what a full reload would load is not all in this build's cache
        drop = set() if full else (write & set(held)) | gone | dirty
        return Plan(full, set(wanted) if full else write, drop, record)

    def open(self) -> ox.Store:
        if self.store is None:
            self.store = open_folder(self.folder)
        return self.store

    def apply(self, plan: Plan, load: Path | None, articles: Iterator[tuple[str, str]]) -> StoreChanges:
        """Make the store hold what ``plan`` says: bulk-load the file ``load`` (a full reload),
        or replace the graphs of ``articles`` ((id, N-Quads) of the articles to write)."""
        started = time.perf_counter()
        changes = StoreChanges(self.folder, full=plan.full, held=len(plan.record.articles))
        old = self.record or Record()
        if old == plan.record and not plan.full and not plan.write and not plan.drop:
            return changes  # up to date: nothing written, the derived graphs as they were
        touched = sorted(plan.drop | plan.write)
        # written first: a crash from here on leaves a record readers refuse and builds repair
        marked = Record(None if plan.full else old.pipeline, old.header,
                        {i: a for i, a in old.articles.items() if i not in plan.drop and i not in plan.write},
                        complete=False, dirty=sorted(set(old.dirty) | set(touched)))
        write_atomically(self.folder / RECORD_FILE, marked.to_json())
        store = self.open()
        if plan.full:
            assert load is not None
            store.clear()
            load_into(store, load, ox.RdfFormat.TRIG if load.suffix == ".trig" else ox.RdfFormat.N_QUADS, bulk=True)
            changes.written = len(plan.write)
        else:
            for article_id in sorted(plan.drop):
                drop_article(store, article_id)
            for _article_id, nquads in articles:
                store.extend(ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
                changes.written += 1
        changes.removed = len((set(old.articles) | set(old.dirty)) - set(plan.record.articles))
        update_derived_graphs(store, self.folder, plan.record)
        store.flush()
        compact(store)
        write_atomically(self.folder / RECORD_FILE, plan.record.to_json())
        self.record = plan.record
        changes.held = len(plan.record.articles)
        changes.seconds = time.perf_counter() - started
        return changes


LOCK_FILE = "isisgraph.lock"  # the same lock file as a query store's (store.LOCK_FILE)


def same_article(held: dict[str, Any], key: str, source: str) -> bool:
    return held.get("key") == key and held.get("source") == source


def drop_article(store: ox.Store, article_id: str) -> None:
    """Remove an article's graph and its triples in the ``meta`` graph (about the article
    and about its graph)."""
    graph = ox.NamedNode(str(doc_graph(article_id)))
    if store.contains_named_graph(graph):
        store.remove_graph(graph)
    meta = ox.NamedNode(str(META_GRAPH))
    for subject in (ox.NamedNode(str(article(article_id))), graph):
        for quad in list(store.quads_for_pattern(subject, None, None, meta)):
            store.remove(quad)


def compact(store: ox.Store) -> None:
    """Compact the store's files (``Store.optimize``) after a build changed it. Every such build
    removes the derived graphs and writes them again (and a full reload clears the store first),
    which leaves RocksDB's deletion markers and unmerged files behind: the saved queries then read
    the store 5-22% slower until it is compacted (BENCHMARKS.md, round 8). A store is queried
    far more often than built, so the build does it rather than leaving it to a flag the user
    must know of. Its price is paid by every build that changed something, small rebuilds too:
    2-3 CPU s at 1,000 articles, 15-17 at 10,000 (less than the derivation such a build does
    there). An unchanged rebuild writes nothing and compacts nothing."""
    store.optimize()


def update_derived_graphs(store: ox.Store, folder: Path, record: Record) -> None:
    """Recompute the graphs derived from the article graphs: the ``reconcile`` links
    (:func:`reconcile_links`), then the ``derived`` graph that reads them
    (:func:`isisgraph.derive.derived_graph`, through :func:`isisgraph.store.with_derived_links`,
    as a query adds it to a store that has none). The one place a build updates them."""
    name = ox.NamedNode(str(RECONCILE_GRAPH))
    if store.contains_named_graph(name):
        store.remove_graph(name)
    store.extend(reconcile_links(store, folder, record))
    derived = ox.NamedNode(str(DERIVED_GRAPH))
    if store.contains_named_graph(derived):
        store.remove_graph(derived)
    with_derived_links(store)


# What reconciliation compares of each article (its events' and strike reports' views),
# kept beside the store by article id and key: a rebuild reads the graphs of the articles it
# wrote only. Reading every article graph again cost 10 s of CPU per 1,000 articles; pairing
# the views 0.3 s (BENCHMARKS.md).
VIEWS_FILE = "isisgraph-views.json"


def reconcile_links(store: ox.Store, folder: Path, record: Record) -> list[ox.Quad]:
    """The ``reconcile`` graph of the store, as :func:`isisgraph.reconcile.reconcile` computes
    it from the same graphs (the tests compare the two), from the views of each article."""
    known = read_views(folder)
    views: dict[str, dict[str, object]] = {}
    classes = None
    for article_id, held in sorted(record.articles.items()):
        cached = known.get(article_id)
        if cached is None or cached.get("key") != held["key"]:
            classes = classes if classes is not None else store_event_classes(store)
            cached = {"key": held["key"], **article_views(store, article_id, classes)}
        views[article_id] = cached
    if views != known:
        write_atomically(folder / VIEWS_FILE, json.dumps(views, sort_keys=True).encode("utf-8"))
    events = [event_view(v) for entry in views.values() for v in entry["events"]]  # type: ignore[attr-defined]
    reports = [report_view(v) for entry in views.values() for v in entry["reports"]]  # type: ignore[attr-defined]
    union = Graph()
    skip = ox.NamedNode(str(RECONCILE_GRAPH))
    for prop in (IG.partOf, IG.memberOf):
        for quad in store.quads_for_pattern(None, ox.NamedNode(str(prop)), None, None):
            if quad.graph_name != skip:
                union.add((to_rdflib(quad.subject), prop, to_rdflib(quad.object)))
    world = World(union)
    article = {e.iri: e.article for e in events} | {r.iri: r.article for r in reports}
    out = Graph(identifier=RECONCILE_GRAPH)
    link_groups(out, IG.sameEventAs, groups(event_pairs(world, events)), article)
    link_groups(out, IG.sameReportAs, groups(report_pairs(world, reports)), article)
    return [ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), skip) for s, p, o in out]


def store_event_classes(store: ox.Store) -> set[Node]:
    """ig:Event and its subclasses, from the store's ontology graph (as reconcile reads them)."""
    dataset = Dataset()
    tbox = dataset.graph(ONTOLOGY_GRAPH)
    for quad in store.quads_for_pattern(None, ox.NamedNode(str(RDFS.subClassOf)), None,
                                        ox.NamedNode(str(ONTOLOGY_GRAPH))):
        tbox.add((to_rdflib(quad.subject), RDFS.subClassOf, to_rdflib(quad.object)))
    return event_classes(dataset)


def article_views(store: ox.Store, article_id: str, classes: set[Node]) -> dict[str, list]:  # type: ignore[type-arg]
    """The events and strike reports of one article graph as reconciliation sees them (JSON)."""
    name = doc_graph(article_id)
    graph = Graph(identifier=name)
    for predicate in (*READS, RDF.type):
        for quad in store.quads_for_pattern(None, ox.NamedNode(str(predicate)), None, ox.NamedNode(str(name))):
            graph.add((to_rdflib(quad.subject), predicate, to_rdflib(quad.object)))
    events = [[str(e.iri), str(e.article), sorted(map(str, e.kind)), e.start.isoformat(), e.end.isoformat(),
               sorted(map(str, e.places)), [sorted(map(str, role)) for role in e.roles]]
              for e in events_of(graph, classes)]
    reports = [[str(r.iri), str(r.article), r.start.isoformat(), r.end.isoformat(), sorted(map(str, r.countries)),
                sorted(map(str, r.area)), sorted(map(str, r.perpetrators))] for r in reports_of(graph)]
    return {"events": sorted(events), "reports": sorted(reports)}


def iris(values: list[str]) -> frozenset[URIRef]:
    return frozenset(URIRef(v) for v in values)


def event_view(data: list) -> EventView:  # type: ignore[type-arg]
    iri, article_graph, kind, start, end, places, roles = data
    return EventView(URIRef(iri), URIRef(article_graph), iris(kind), dt.date.fromisoformat(start),
                     dt.date.fromisoformat(end), iris(places), tuple(iris(role) for role in roles))


def report_view(data: list) -> ReportView:  # type: ignore[type-arg]
    iri, article_graph, start, end, countries, area, perpetrators = data
    return ReportView(URIRef(iri), URIRef(article_graph), dt.date.fromisoformat(start), dt.date.fromisoformat(end),
                      iris(countries), iris(area), iris(perpetrators))


def read_views(folder: Path) -> dict[str, dict[str, object]]:
    try:
        data = json.loads((folder / VIEWS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def header_digest(header: list[str]) -> str:
    return hashlib.sha256("\n".join(header).encode("utf-8")).hexdigest()


# ---------------------------------------------------------------------- reading


@contextmanager
def reading(folder: str | os.PathLike[str]) -> Iterator[ox.Store]:
    """The build store in ``folder``, read-only, for the block: BusyError while a build writes
    it, InputError when a build writing it was interrupted."""
    path = Path(folder)
    lock = FileLock(path / LOCK_FILE)
    try:
        if not lock.acquire(exclusive=False):
            raise BusyError(f"a build ({lock.holder()}) is writing the store {path}; run again when it has finished")
        record = read_record(path)
        if record is None or not record.complete:
            raise InputError(f"{path}: a build writing this store was interrupted, so it is not up to date; "
                             "run the build again")
        yield open_folder(path, read_only=True)
    finally:
        lock.release()


def store_quads(folder: str | os.PathLike[str]) -> Iterator[ox.Quad]:
    """Every quad of the build store in ``folder``, streamed while its lock is held."""
    with reading(folder) as store:
        yield from store.quads_for_pattern(None, None, None, None)


def store_nquads(folder: str | os.PathLike[str]) -> bytes:
    """The whole build store as N-Quads (what rdflib parses it from)."""
    with reading(folder) as store:
        return ox.serialize(store.quads_for_pattern(None, None, None, None), format=ox.RdfFormat.N_QUADS) or b""
