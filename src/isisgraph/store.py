"""Where a built graph is loaded and queried: rdflib in memory, or an Oxigraph store.

Both backends answer SPARQL over the *union* of the named graphs (the default graph of a
query is every graph of the file; ``GRAPH ?g`` still sees each graph alone), and both return
an :class:`rdflib.query.Result` holding rdflib terms, so the code that prints or compares
answers never needs to know which backend ran. Oxigraph (pyoxigraph, a Rust store) is the
faster choice for large graphs; rdflib is the reference whose answers it must match.

Parameters are bound as RDF terms, never pasted into the query text: rdflib gets them as
``initBindings``; Oxigraph, which has no initial bindings for unprojected variables, gets a
VALUES block of the same terms at the top of the outer WHERE group (the saved queries keep
their parameters there, so both give the same answers).

Graph files are read through :mod:`isisgraph.graphio`; :func:`open_for_queries` is what the
query commands answer from: either backend, with the reconcile links added.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.namespace import RDF, XSD
from rdflib.query import Result
from rdflib.term import Identifier, Node

from isisgraph.errors import BusyError, ConformanceError, InputError, OutputError, ParamError, QueryError, one_line
from isisgraph.files import make_folder, write_atomically
from isisgraph.graphio import graph_file, oxigraph_error, read_dataset
from isisgraph.locks import FileLock
from isisgraph.namespaces import IG, OA
from isisgraph.sandbox import Reach

BACKENDS = ("rdflib", "oxigraph")
IRI_FORBIDDEN = re.compile(r'[\s<>"{}|^`\\]')  # characters an IRI term cannot hold

RDF_LANG_STRING = str(RDF.langString)
XSD_STRING = str(XSD.string)


# ---------------------------------------------------------------------- Oxigraph


STAMP_FILE = "isisgraph-source.json"
LOCK_FILE = "isisgraph.lock"


def source_stamp(path: Path) -> dict[str, object]:
    """What identifies the loaded file: a store on disk is reused while this is unchanged."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return {"source": str(path.resolve()), "sha256": digest.hexdigest()}


def read_stamp(folder: Path) -> dict[str, object] | None:
    try:
        return json.loads((folder / STAMP_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def open_oxigraph(
    source: str | os.PathLike[str], location: str | os.PathLike[str] | None = None
) -> ox.Store:
    """An Oxigraph store holding the graph file ``source``.

    In memory when ``location`` is None. With a folder, the store persists there and is
    reloaded only when the file changed (a stamp beside the data records its sha256), so
    repeated queries over a large graph parse it once. The folder is the caller's alone:
    stores that several processes query are opened with :func:`query_store`.
    """
    path, fmt = graph_file(source)
    if location is None:
        store = ox.Store()
        load_into(store, path, fmt)
        return store
    folder = make_folder(Path(location))
    stamp = source_stamp(path)
    store = open_folder(folder)
    if read_stamp(folder) != stamp:
        reload_folder(store, folder, path, fmt, stamp)
    return store


def open_folder(folder: Path, read_only: bool = False) -> ox.Store:
    try:
        return ox.Store.read_only(str(folder)) if read_only else ox.Store(str(folder))
    except OSError as exc:
        raise OutputError(f"{folder}: cannot open an Oxigraph store there ({one_line(exc)})") from exc


def reload_folder(store: ox.Store, folder: Path, path: Path, fmt: ox.RdfFormat, stamp: dict[str, object],
                  reconcile: bool = False) -> None:
    """Replace what ``store`` (kept in ``folder``) holds with the file (and its reconcile
    links), and stamp it; an interrupted reload leaves no stamp, so the next one starts over."""
    (folder / STAMP_FILE).unlink(missing_ok=True)
    store.clear()
    load_into(store, path, fmt, bulk=True)
    if reconcile:
        with_reconcile_links(store)
    store.flush()
    write_atomically(folder / STAMP_FILE, json.dumps(stamp).encode("utf-8"))


@contextmanager
def query_store(source: str | os.PathLike[str]) -> Iterator[ox.Store]:
    """The Oxigraph store kept on disk beside a large graph file (:func:`store_location`),
    up to date and reconciled, for the block.

    Several processes may query it at once: each holds a shared lock and opens the store
    read-only. When the file has changed, the process that finds it so reloads the store
    alone, holding the lock exclusively; while others are reading the old store, or another
    is reloading it, that stops with a BusyError saying so rather than waiting. A folder that
    cannot be written raises OutputError (the caller may load the file in memory instead).
    """
    path, fmt = graph_file(source)
    folder = make_folder(store_location(path))
    from isisgraph.derive import DERIVED_VERSION

    stamp = {**source_stamp(path), "reconciled": True, "derived": DERIVED_VERSION}
    lock = FileLock(folder / LOCK_FILE)
    try:
        if not lock.acquire(exclusive=False):
            raise BusyError(f"another isisgraph query ({lock.holder()}) is loading {path} into {folder}; "
                            "run again when it has finished")
        if read_stamp(folder) == stamp:
            yield open_folder(folder, read_only=True)
            return
        if not lock.acquire(exclusive=True):
            raise BusyError(f"{path} has changed since {folder} was loaded, and another isisgraph query is "
                            "still reading that store; run again when it has finished")
        store = open_folder(folder)
        if read_stamp(folder) != stamp:  # unless another process reloaded it just before
            reload_folder(store, folder, path, fmt, stamp, reconcile=True)
        yield store
    finally:
        lock.release()


# Above this size a graph file is queried from an Oxigraph store kept on disk beside it (the
# README states the size): parsing it again for every query would cost more than the query,
# and rdflib needs about 1.2 GB of memory per million triples. 32 MB of TriG is about 1,000
# articles of the benchmark corpus, 0.65 million triples (see BENCHMARKS.md).
PERSISTENT_STORE_BYTES = 32 * 2**20


def store_location(source: str | os.PathLike[str]) -> Path:
    """Where the on-disk store of a graph file lives: ``.NAME.oxigraph/`` beside it."""
    path = Path(source)
    return path.parent / f".{path.name}.oxigraph"


def choose_backend(source: str | os.PathLike[str], backend: str = "auto") -> str:
    """``auto``: Oxigraph for a build's store folder and for a graph file of
    PERSISTENT_STORE_BYTES or more, else rdflib."""
    from isisgraph.buildstore import is_build_store

    path = Path(source)
    if backend != "auto":
        return backend
    if is_build_store(path):
        return "oxigraph"
    if not path.is_file():
        return "rdflib"  # whose loader says what is wrong with the path
    return "oxigraph" if path.stat().st_size >= PERSISTENT_STORE_BYTES else "rdflib"


def load_into(store: ox.Store, path: Path, fmt: ox.RdfFormat, bulk: bool = False) -> None:
    load = store.bulk_load if bulk else store.load
    try:
        load(path=str(path), format=fmt)
    except (SyntaxError, ValueError) as exc:
        raise oxigraph_error(path, fmt, exc) from exc


# ---------------------------------------------------------------------- terms


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as the equal pyoxigraph term (for substitutions)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise InputError(f"cannot bind {term!r}: only IRIs, blank nodes and literals can be parameters")


def to_rdflib(term: object) -> Identifier | None:
    """A pyoxigraph term as the rdflib term rdflib's own SPARQL engine would give.

    ``xsd:string`` literals become plain literals (no datatype) and ``rdf:langString``
    literals language-tagged ones, as rdflib represents them.
    """
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype in (XSD_STRING, RDF_LANG_STRING):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise ConformanceError(f"the query returned {term!r}, an RDF-star triple term isisgraph "
                           "cannot represent")


def with_reconcile_links(store: ox.Store) -> ox.Store:
    """Add the ``reconcile`` graph (ig:sameEventAs, ig:sameReportAs) to a store that has none,
    as the rdflib path does on load, so both backends count the same corroborations.

    Only the triples reconciliation reads are copied out of the store (see
    :func:`reconcile_inputs`), so a graph too large for rdflib is reconciled in the memory of
    its events and strike reports; a store on disk keeps the links for the next query.
    """
    from isisgraph.reconcile import RECONCILE_GRAPH, doc_graphs, reconcile

    graph_name = ox.NamedNode(str(RECONCILE_GRAPH))
    if not store.contains_named_graph(graph_name):
        inputs = reconcile_inputs(store)
        if next(doc_graphs(inputs), None) is not None:
            store.extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), graph_name)
                         for s, p, o in reconcile(inputs))
    return with_derived_links(store)


def with_derived_links(store: ox.Store) -> ox.Store:
    """Add the ``derived`` graph (:func:`isisgraph.derive.derived_graph`) to a store that has
    article graphs but no derived graph of this version (one of another version is replaced;
    InputError when the store is read-only), as the rdflib path does on load, from the triples
    derivation reads alone (:func:`derive_inputs`). What is added stays in a store on disk."""
    from isisgraph.derive import DERIVED_GRAPH, DERIVED_VERSION, IGD, derived_graph

    graph_name = ox.NamedNode(str(DERIVED_GRAPH))
    if store.contains_named_graph(graph_name):
        if ox.Quad(graph_name, ox.NamedNode(str(IGD.version)), ox.Literal(DERIVED_VERSION), graph_name) in store:
            return store
        try:  # derived by another version of isisgraph: derived again
            store.remove_graph(graph_name)
        except (OSError, RuntimeError) as exc:  # pyoxigraph: "only possible on read-write instances"
            raise InputError("the store's derived graph was made by another version of isisgraph, and the "
                             "store is read-only here; build the store again") from exc
    if not has_article_graphs(store):
        return store
    quads = [ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), graph_name)
             for s, p, o in derived_graph(derive_inputs(store))]
    if quads:
        store.extend(quads)
    return store


def has_article_graphs(store: ox.Store) -> bool:
    from isisgraph.reconcile import DOC_PREFIX

    return any(isinstance(g, ox.NamedNode) and g.value.startswith(DOC_PREFIX) for g in store.named_graphs())


def derive_inputs(store: ox.Store):  # noqa: ANN201 - isisgraph.derive.Facts, imported late
    """What :func:`isisgraph.derive.derived_graph` reads of ``store``: its predicates (of
    ``ig:evidence`` and ``oa:hasSource`` only those of the facts it compares, of ``rdf:type``
    only ``ig:StrikeReport`` and the types of events), outside an existing derived graph."""
    from isisgraph.derive import DERIVED_GRAPH, READS, Facts

    facts = Facts()
    skip = ox.NamedNode(str(DERIVED_GRAPH))
    provenance = (IG.evidence, OA.hasSource, OA.hasSelector, OA.start)
    for predicate in READS:
        if predicate in provenance:
            continue
        for quad in store.quads_for_pattern(None, ox.NamedNode(str(predicate)), None, None):
            if quad.graph_name != skip:
                facts.add(to_rdflib(quad.subject), predicate, to_rdflib(quad.object))  # type: ignore[arg-type]
    for quad in store.quads_for_pattern(None, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(IG.StrikeReport)), None):
        if quad.graph_name != skip:
            facts.add(to_rdflib(quad.subject), RDF.type, IG.StrikeReport)  # type: ignore[arg-type]
    rdf_type = ox.NamedNode(str(RDF.type))
    for event in sorted(facts.values[IG.trigger], key=str):  # the classes of events (co-actors)
        for quad in store.quads_for_pattern(to_oxigraph(event), rdf_type, None, None):
            if quad.graph_name != skip:
                facts.add(event, RDF.type, to_rdflib(quad.object))  # type: ignore[arg-type]
    evidence, source = ox.NamedNode(str(IG.evidence)), ox.NamedNode(str(OA.hasSource))
    selector, start = ox.NamedNode(str(OA.hasSelector)), ox.NamedNode(str(OA.start))
    claims = set(facts.values[IG.claimType])
    compared = (facts.reports | set(facts.values[IG.inCountry]) | set(facts.values[IG.claimType])
                | set(facts.values[IG.trigger]))
    for subject in sorted(compared, key=str):
        for quad in store.quads_for_pattern(to_oxigraph(subject), evidence, None, None):
            if quad.graph_name == skip:
                continue
            node = to_rdflib(quad.object)
            facts.add(subject, IG.evidence, node)  # type: ignore[arg-type]
            for found in store.quads_for_pattern(quad.object, source, None, None):
                if found.graph_name != skip:
                    facts.add(node, OA.hasSource, to_rdflib(found.object))  # type: ignore[arg-type]
            if subject in claims:  # its selectors' offsets: the first evidence of a claim
                for held in store.quads_for_pattern(quad.object, selector, None, None):
                    if held.graph_name == skip:
                        continue
                    facts.add(node, OA.hasSelector, to_rdflib(held.object))  # type: ignore[arg-type]
                    for at in store.quads_for_pattern(held.object, start, None, None):
                        if at.graph_name != skip:
                            facts.add(to_rdflib(held.object), OA.start, to_rdflib(at.object))  # type: ignore[arg-type]
    return facts


def reconcile_inputs(store: ox.Store) -> Dataset:
    """The quads of ``store`` that :func:`isisgraph.reconcile.reconcile` reads, as an rdflib
    Dataset: its predicates, with only the rdf:type triples that name an event class or
    ig:StrikeReport (a build's types are mostly of evidence, selectors and mentions)."""
    from isisgraph.reconcile import READS, event_classes

    dataset = Dataset()
    graphs: dict[object, Graph] = {}

    def graph_of(name: object) -> Graph:
        if name not in graphs:
            named = isinstance(name, ox.NamedNode)
            graphs[name] = dataset.graph(to_rdflib(name)) if named else dataset.default_context
        return graphs[name]

    def copy(predicate: URIRef, keep: frozenset[Node] | None = None) -> None:
        for quad in store.quads_for_pattern(None, ox.NamedNode(str(predicate)), None, None):
            obj = to_rdflib(quad.object)
            if keep is None or obj in keep:
                graph_of(quad.graph_name).add((to_rdflib(quad.subject), predicate, obj))  # type: ignore[arg-type]

    for predicate in READS:
        copy(predicate)
    copy(RDF.type, frozenset(event_classes(dataset)) | {IG.StrikeReport})
    return dataset


# ---------------------------------------------------------------------- for the saved queries


def reconciled_dataset(source: str | os.PathLike[str]) -> Dataset:
    """A graph file as an rdflib Dataset for the saved queries: the union of the graphs as
    its default graph, and the ``reconcile`` graph added when the file has article graphs but
    no links (the rdflib side of :func:`with_reconcile_links`)."""
    from isisgraph.derive import ensure_derived
    from isisgraph.reconcile import ensure_reconciled

    dataset = read_dataset(source)
    ensure_reconciled(dataset)
    ensure_derived(dataset)
    return dataset


@contextmanager
def open_for_queries(
    source: str | os.PathLike[str], backend: str = "auto", note: Callable[[str], None] | None = None
) -> Iterator[Dataset | ox.Store]:
    """A graph file loaded for the saved queries with ``backend`` (see :func:`choose_backend`),
    reconciled, for the block: what ``isisgraph query`` answers from.

    ``auto`` queries a large file from the store kept on disk beside it (:func:`query_store`,
    shared with other queries); when that folder cannot be written, the file is loaded in
    memory and ``note`` is told why. An explicit ``oxigraph`` loads the file into memory.
    A build's store folder (``build --store``) is read directly, its links already there.
    """
    from isisgraph.buildstore import is_build_store, reading

    chosen = choose_backend(source, backend)
    if chosen != "oxigraph":
        yield reconciled_dataset(source)
        return
    if is_build_store(source):
        with reading(source) as built:
            yield built
        return
    path, _ = graph_file(source)
    with ExitStack() as held:
        store = None
        if backend == "auto" and path.stat().st_size >= PERSISTENT_STORE_BYTES:
            try:
                store = held.enter_context(query_store(path))
            except OutputError as exc:
                if note is not None:
                    note(f"note: {exc}; {path} is loaded in memory for this query instead")
        if store is None:
            store = with_reconcile_links(open_oxigraph(path))
        yield store


# ---------------------------------------------------------------------- queries


# Only ``SELECT *`` leaves the column order to the engine; an explicit projection fixes it.
SELECT_STAR = re.compile(r"\bSELECT\s+(?:DISTINCT\s+|REDUCED\s+)?\*", re.IGNORECASE)


def projected_variables(query_text: str) -> list[Variable] | None:
    """The SELECT variables in the order rdflib reports them (``SELECT *`` included).

    Oxigraph orders the variables of ``SELECT *`` differently; asking rdflib's parser keeps
    the columns of both backends in one order. None when the text is not a SELECT query.
    """
    from rdflib.plugins.sparql import prepareQuery

    try:
        algebra = prepareQuery(query_text).algebra
    except Exception:
        return None
    if algebra.name != "SelectQuery":
        return None
    return list(algebra["PV"])


def oxigraph_result(answer: object, query_text: str) -> Result:
    """Wrap a pyoxigraph answer as an rdflib Result with rdflib terms."""
    if isinstance(answer, ox.QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(answer)
        return result
    if isinstance(answer, ox.QueryTriples):
        graph = Graph()
        for triple in answer:
            s, p, o = (to_rdflib(t) for t in (triple.subject, triple.predicate, triple.object))
            graph.add((s, p, o))  # type: ignore[arg-type]
        result = Result("CONSTRUCT")
        result.graph = graph
        return result
    assert isinstance(answer, ox.QuerySolutions)
    names = [v.value for v in answer.variables]
    rows = []
    for solution in answer:
        row: dict[Variable, Identifier] = {}
        for name in names:
            value = to_rdflib(solution[name])
            if value is not None:
                row[Variable(name)] = value
        rows.append(row)
    order = projected_variables(query_text) if SELECT_STAR.search(query_text) else None
    result = Result("SELECT")
    if order is not None and {str(v) for v in order} == set(names):
        result.vars = order
    else:
        result.vars = [Variable(n) for n in names]
    result.bindings = rows
    return result


def braces(text: str) -> Iterator[int]:
    """Offsets of the ``{`` and ``}`` of a query outside comments, IRIs and strings."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            i = text.find("\n", i)
            if i < 0:
                break
        elif ch == "<" and re.match(r"<[^\s<>\"{}|^`\\]*>", text[i:]):
            i = text.index(">", i)
        elif ch in "\"'":
            long_quote = text.startswith(ch * 3, i)
            quote = ch * 3 if long_quote else ch
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote) - 1
        elif ch in "{}":
            yield i
        i += 1


def outer_group_start(text: str) -> int:
    """Offset just after the ``{`` opening the outer WHERE group (the first ``{`` outside
    comments, IRIs and strings in a SELECT or ASK query)."""
    for at in braces(text):
        if text[at] == "{":
            return at + 1
    raise QueryError("the query has no WHERE group to bind parameters in")


SUBSELECT = re.compile(r"(?:\s|#[^\n]*\n)*SELECT\b", re.IGNORECASE)  # after comments too
GROUP_BY = re.compile(r"\bGROUP\s+BY\b(?P<keys>.*?)(?=\b(?:HAVING|ORDER|LIMIT|OFFSET|VALUES)\b|$)",
                      re.IGNORECASE | re.DOTALL)
SLICE = re.compile(r"\b(?:LIMIT|OFFSET)\b", re.IGNORECASE)


def grouped_subselects(text: str, names: Iterable[str]) -> list[tuple[int, list[str]]]:
    """Where a parameter's VALUES block may also go inside a sub-SELECT: for each sub-SELECT
    that projects and groups by some of ``names`` (and has no LIMIT or OFFSET), the offset just
    inside its WHERE group and those names.

    Restricting such a sub-SELECT's group keys before it aggregates gives the rows that joining
    its answer with the outer VALUES keeps (each group is computed on its own); Oxigraph, which
    does not push the outer VALUES into a sub-SELECT, would otherwise aggregate every group
    first (``sources-disagree`` counted the attacks of every actor, 1.2 of its 1.6 s)."""
    opening: list[int] = []
    closing: dict[int, int] = {}
    for at in braces(text):
        if text[at] == "{":
            opening.append(at)
        elif opening:
            closing[opening.pop()] = at
    found = []
    for start, end in sorted(closing.items()):
        if start == min(closing) or not SUBSELECT.match(text, start + 1):
            continue
        where = next((o for o in sorted(closing) if start < o < end), None)
        if where is None:
            continue
        projection, modifiers = text[start + 1:where], text[closing[where] + 1:end]
        keys = GROUP_BY.search(modifiers)
        if keys is None or SLICE.search(modifiers):
            continue
        grouped = [name for name in names
                   if re.search(rf"[?$]{re.escape(name)}\b", keys.group("keys"))
                   and re.search(rf"[?$]{re.escape(name)}\b", projection)]
        if grouped:
            found.append((where + 1, grouped))
    return found


UNION_BEFORE = re.compile(r"\bUNION(?:\s|#[^\n]*\n)*$", re.IGNORECASE)
UNION_AFTER = re.compile(r"(?:\s|#[^\n]*\n)*UNION\b", re.IGNORECASE)


def union_branches(text: str, names: Iterable[str]) -> list[tuple[int, list[str]]]:
    """Where a parameter's VALUES block also goes inside a branch of a UNION: for each branch
    that names some of ``names``, the offset just inside it and those names.

    A group is evaluated on its own before it is joined with the outer VALUES, so without it a
    branch's FILTER would see the parameter unbound; rdflib binds its initial bindings
    everywhere, so both backends then read the same. A branch that narrows on a parameter
    (``since``/``until`` on the months of the derived graph) is evaluated narrowed."""
    opening: list[int] = []
    found = []
    for at in braces(text):
        if text[at] == "{":
            opening.append(at)
            continue
        if not opening:
            continue
        start = opening.pop()
        if not (UNION_BEFORE.search(text, 0, start) or UNION_AFTER.match(text, at + 1)):
            continue
        body = text[start + 1:at]
        named = [name for name in names if re.search(rf"[?$]{re.escape(name)}\b", body)]
        if named:
            found.append((start + 1, named))
    return found


def terms_of(value: Identifier | tuple[Identifier, ...]) -> tuple[Identifier, ...]:
    return value if isinstance(value, tuple) else (value,)


def values_block(bindings: Mapping[str, Identifier | tuple[Identifier, ...]], names: list[str]) -> str:
    rows = " ".join("(" + " ".join(term.n3() for term in row) + ")"
                    for row in itertools.product(*(terms_of(bindings[name]) for name in names)))
    return f"\n  VALUES ({' '.join('?' + name for name in names)}) {{ {rows} }}\n"


def with_values(query_text: str, bindings: Mapping[str, Identifier | tuple[Identifier, ...]]) -> str:
    """The query with a ``VALUES`` block of ``bindings`` at the top of its outer WHERE group,
    and of those a sub-SELECT projects and groups by at the top of its WHERE group too
    (:func:`grouped_subselects`: the same answer, without aggregating the groups the outer
    VALUES drops), and of those a branch of a UNION names at the top of the branch
    (:func:`union_branches`: bound there as rdflib binds them).

    For engines that take no initial bindings. Each term is serialised by rdflib (``n3()``),
    which escapes quotes and newlines, so a value can never end the literal it is in.
    """
    if not bindings:
        return query_text
    names = sorted(bindings)
    for name in names:
        for term in terms_of(bindings[name]):
            if isinstance(term, URIRef) and IRI_FORBIDDEN.search(str(term)):
                raise ParamError(f"{name}: {str(term)!r} is not an IRI")
    inserts = [(outer_group_start(query_text), names), *grouped_subselects(query_text, names),
               *union_branches(query_text, names)]
    for at, some in sorted(inserts, reverse=True):
        query_text = query_text[:at] + values_block(bindings, some) + query_text[at:]
    return query_text


def query_oxigraph(
    store: ox.Store, query_text: str, bindings: Mapping[str, Node] | None = None, allow_remote: bool = False
) -> Result:
    """Run a SPARQL query on an Oxigraph store over the union of its named graphs (or over
    the graphs its FROM clauses name, as rdflib does).

    Parameters go in through :func:`with_values`, the saved queries' own way to bind
    without initial bindings: a VALUES block of rdflib-serialised terms at the
    top of the outer WHERE group (Oxigraph's own ``substitutions`` accept only projected
    variables, and saved queries rarely project their parameters). What the query may reach
    is checked first (:mod:`isisgraph.sandbox`).
    """
    reach = sandboxed(query_text, lambda: [g.value for g in store.named_graphs()], allow_remote, "oxigraph")
    init = {name.lstrip("?$"): term for name, term in (bindings or {}).items()}
    text = with_values(query_text, init)  # type: ignore[arg-type]
    try:
        answer = store.query(text, use_default_graph_as_union=not reach.has_dataset)
        return oxigraph_result(answer, query_text)
    except SyntaxError as exc:
        raise InputError(f"the query is not valid SPARQL ({one_line(exc)})") from exc
    except (OSError, RuntimeError, ValueError) as exc:
        raise ConformanceError(f"the query failed on Oxigraph ({one_line(exc)})") from exc


def query_rdflib(
    dataset: Graph, query_text: str, bindings: Mapping[str, Node] | None = None, allow_remote: bool = False
) -> Result:
    """Run a SPARQL query on an rdflib Dataset (its default graph the union of the graphs),
    after checking what it may reach (:mod:`isisgraph.sandbox`)."""
    from isisgraph.sandbox import rdflib_offline

    held = (lambda: [str(g.identifier) for g in dataset.graphs()]) if isinstance(dataset, Dataset) else list
    sandboxed(query_text, held, allow_remote, "rdflib")
    init = {name.lstrip("?$"): term for name, term in (bindings or {}).items()}
    try:
        with rdflib_offline(allow_remote):
            result = dataset.query(query_text, initBindings=init)  # type: ignore[arg-type]
            if result.type == "SELECT":
                result.bindings  # noqa: B018 - evaluate inside the sandbox, not when the caller reads
            return result
    except Exception as exc:  # pyparsing and evaluation errors have no common base
        kind = type(exc).__name__
        if "Parse" in kind:
            raise InputError(f"the query is not valid SPARQL ({one_line(exc)})") from exc
        raise ConformanceError(f"the query failed on rdflib ({kind}: {one_line(exc)})") from exc


def sandboxed(query_text: str, held_graphs: Callable[[], object], allow_remote: bool, backend: str) -> Reach:
    """What the query reaches, checked (:func:`isisgraph.sandbox.check_reach`); a text rdflib
    cannot parse is left to the engine's own syntax error."""
    from rdflib.plugins.sparql import prepareQuery

    from isisgraph.sandbox import check_reach, reach_of

    try:
        reach = reach_of(prepareQuery(query_text).algebra)
    except Exception:  # noqa: BLE001 - not a query rdflib reads: the engine says what is wrong
        return Reach()
    check_reach(reach, "the query", held_graphs, allow_remote, backend)  # type: ignore[arg-type]
    return reach


def run_sparql(
    backend: str,
    source: str | os.PathLike[str] | Graph | ox.Store,
    query_text: str,
    bindings: Mapping[str, Node] | None = None,
    allow_remote: bool = False,
) -> Result:
    """Answer ``query_text`` over ``source`` with ``backend`` ("rdflib" or "oxigraph").

    ``source`` is a graph file (.trig, .nq, .ttl, .nt) or an already loaded rdflib Dataset
    or pyoxigraph Store, so a caller running many queries loads once. ``bindings`` maps
    variable names to rdflib terms (``URIRef``, ``Literal``). Both backends query the union
    of the named graphs and return an rdflib Result of rdflib terms. No SERVICE, LOAD or
    FROM of a graph the source does not hold, unless ``allow_remote``.
    """
    if backend == "rdflib":
        if isinstance(source, ox.Store):
            raise InputError("the rdflib backend needs a graph file or an rdflib Dataset, "
                             "not an Oxigraph store")
        dataset = source if isinstance(source, Graph) else read_dataset(source)
        return query_rdflib(dataset, query_text, bindings, allow_remote)
    if backend == "oxigraph":
        if isinstance(source, Graph):
            raise InputError("the oxigraph backend needs a graph file or a pyoxigraph Store, "
                             "not an rdflib graph")
        store = source if isinstance(source, ox.Store) else open_oxigraph(source)
        return query_oxigraph(store, query_text, bindings, allow_remote)
    raise InputError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
