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
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.namespace import RDF, XSD
from rdflib.query import Result
from rdflib.term import Identifier, Node

from isisgraph.errors import ConformanceError, InputError, ParamError, QueryError, one_line
from isisgraph.graphio import graph_file, oxigraph_error, read_dataset
from isisgraph.namespaces import IG

BACKENDS = ("rdflib", "oxigraph")
IRI_FORBIDDEN = re.compile(r'[\s<>"{}|^`\\]')  # characters an IRI term cannot hold

RDF_LANG_STRING = str(RDF.langString)
XSD_STRING = str(XSD.string)


# ---------------------------------------------------------------------- Oxigraph


STAMP_FILE = "isisgraph-source.json"


def source_stamp(path: Path) -> dict[str, object]:
    """What identifies the loaded file: a store on disk is reused while this is unchanged."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return {"source": str(path.resolve()), "sha256": digest.hexdigest()}


def open_oxigraph(
    source: str | os.PathLike[str], location: str | os.PathLike[str] | None = None
) -> ox.Store:
    """An Oxigraph store holding the graph file ``source``.

    In memory when ``location`` is None. With a folder, the store persists there and is
    reloaded only when the file changed (a stamp beside the data records its sha256), so
    repeated queries over a large graph parse it once.
    """
    path, fmt = graph_file(source)
    if location is None:
        store = ox.Store()
        load_into(store, path, fmt)
        return store
    folder = Path(location)
    folder.mkdir(parents=True, exist_ok=True)
    stamp_path = folder / STAMP_FILE
    stamp = source_stamp(path)
    try:
        store = ox.Store(str(folder))
    except OSError as exc:
        reason = one_line(exc)
        raise InputError(f"{folder}: cannot open an Oxigraph store there ({reason})") from exc
    if stamp_path.is_file() and json.loads(stamp_path.read_text(encoding="utf-8")) == stamp:
        return store
    stamp_path.unlink(missing_ok=True)
    store.clear()
    load_into(store, path, fmt, bulk=True)
    store.flush()
    stamp_path.write_text(json.dumps(stamp), encoding="utf-8")
    return store


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
    """``auto``: Oxigraph for a graph file of PERSISTENT_STORE_BYTES or more, else rdflib."""
    path = Path(source)
    if backend != "auto":
        return backend
    if not path.is_file():
        return "rdflib"  # whose loader says what is wrong with the path
    return "oxigraph" if path.stat().st_size >= PERSISTENT_STORE_BYTES else "rdflib"


def open_store_for(source: str | os.PathLike[str]) -> ox.Store:
    """An Oxigraph store of ``source`` for queries: kept on disk beside a large file (loaded
    once, reopened in a moment while the file is unchanged), in memory for a small one."""
    path, _ = graph_file(source)
    if path.stat().st_size >= PERSISTENT_STORE_BYTES:
        return open_oxigraph(path, store_location(path))
    return open_oxigraph(path)


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
    if store.contains_named_graph(graph_name):
        return store
    inputs = reconcile_inputs(store)
    if next(doc_graphs(inputs), None) is None:
        return store
    store.extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), graph_name)
                 for s, p, o in reconcile(inputs))
    return store


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
    from isisgraph.reconcile import ensure_reconciled

    dataset = read_dataset(source)
    ensure_reconciled(dataset)
    return dataset


def open_for_queries(source: str | os.PathLike[str], backend: str = "auto") -> Dataset | ox.Store:
    """A graph file loaded for the saved queries with ``backend`` (see :func:`choose_backend`),
    reconciled: what ``isisgraph query`` answers from.

    ``auto`` keeps the Oxigraph store of a large file on disk beside it (:func:`open_store_for`);
    an explicit ``oxigraph`` loads the file into memory.
    """
    if choose_backend(source, backend) == "oxigraph":
        store = open_store_for(source) if backend == "auto" else open_oxigraph(source)
        return with_reconcile_links(store)
    return reconciled_dataset(source)


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


def outer_group_start(text: str) -> int:
    """Offset just after the ``{`` opening the outer WHERE group (the first ``{`` outside
    comments, IRIs and strings in a SELECT or ASK query)."""
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
        elif ch == "{":
            return i + 1
        i += 1
    raise QueryError("the query has no WHERE group to bind parameters in")


def with_values(query_text: str, bindings: Mapping[str, Identifier]) -> str:
    """The query with a ``VALUES`` block of ``bindings`` at the top of its outer WHERE group.

    For engines that take no initial bindings. Each term is serialised by rdflib (``n3()``),
    which escapes quotes and newlines, so a value can never end the literal it is in.
    """
    if not bindings:
        return query_text
    names = sorted(bindings)
    for name in names:
        term = bindings[name]
        if isinstance(term, URIRef) and IRI_FORBIDDEN.search(str(term)):
            raise ParamError(f"{name}: {str(term)!r} is not an IRI")
    row = " ".join(bindings[name].n3() for name in names)
    block = f"\n  VALUES ({' '.join('?' + name for name in names)}) {{ ({row}) }}\n"
    at = outer_group_start(query_text)
    return query_text[:at] + block + query_text[at:]


def query_oxigraph(
    store: ox.Store, query_text: str, bindings: Mapping[str, Node] | None = None
) -> Result:
    """Run a SPARQL query on an Oxigraph store over the union of its named graphs.

    Parameters go in through :func:`with_values`, the saved queries' own way to bind
    without initial bindings: a VALUES block of rdflib-serialised terms at the
    top of the outer WHERE group (Oxigraph's own ``substitutions`` accept only projected
    variables, and saved queries rarely project their parameters).
    """
    init = {name.lstrip("?$"): term for name, term in (bindings or {}).items()}
    text = with_values(query_text, init)  # type: ignore[arg-type]
    try:
        answer = store.query(text, use_default_graph_as_union=True)
        return oxigraph_result(answer, query_text)
    except SyntaxError as exc:
        raise InputError(f"the query is not valid SPARQL ({one_line(exc)})") from exc
    except (OSError, RuntimeError, ValueError) as exc:
        raise ConformanceError(f"the query failed on Oxigraph ({one_line(exc)})") from exc


def query_rdflib(
    dataset: Graph, query_text: str, bindings: Mapping[str, Node] | None = None
) -> Result:
    """Run a SPARQL query on an rdflib Dataset (its default graph the union of the graphs)."""
    init = {name.lstrip("?$"): term for name, term in (bindings or {}).items()}
    try:
        return dataset.query(query_text, initBindings=init)  # type: ignore[arg-type]
    except Exception as exc:  # pyparsing and evaluation errors have no common base
        kind = type(exc).__name__
        if "Parse" in kind:
            raise InputError(f"the query is not valid SPARQL ({one_line(exc)})") from exc
        raise ConformanceError(f"the query failed on rdflib ({kind}: {one_line(exc)})") from exc


def run_sparql(
    backend: str,
    source: str | os.PathLike[str] | Graph | ox.Store,
    query_text: str,
    bindings: Mapping[str, Node] | None = None,
) -> Result:
    """Answer ``query_text`` over ``source`` with ``backend`` ("rdflib" or "oxigraph").

    ``source`` is a graph file (.trig, .nq, .ttl, .nt) or an already loaded rdflib Dataset
    or pyoxigraph Store, so a caller running many queries loads once. ``bindings`` maps
    variable names to rdflib terms (``URIRef``, ``Literal``). Both backends query the union
    of the named graphs and return an rdflib Result of rdflib terms.
    """
    if backend == "rdflib":
        if isinstance(source, ox.Store):
            raise InputError("the rdflib backend needs a graph file or an rdflib Dataset, "
                             "not an Oxigraph store")
        dataset = source if isinstance(source, Graph) else read_dataset(source)
        return query_rdflib(dataset, query_text, bindings)
    if backend == "oxigraph":
        if isinstance(source, Graph):
            raise InputError("the oxigraph backend needs a graph file or a pyoxigraph Store, "
                             "not an rdflib graph")
        store = source if isinstance(source, ox.Store) else open_oxigraph(source)
        return query_oxigraph(store, query_text, bindings)
    raise InputError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
