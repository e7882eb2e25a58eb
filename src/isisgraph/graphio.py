"""Graph files: the formats isisgraph reads and writes, and the two ways it reads them.

:data:`FORMATS` maps a file extension to its pyoxigraph ``RdfFormat``, which gives everything
a caller asks of a format: its name for messages (``TriG``), whether it keeps named graphs
(TriG and N-Quads do, and are what a build writes; Turtle and N-Triples hold one graph), and
its media type, which rdflib also takes as the name of its parser.

A graph file is read one of two ways:

- :func:`read_dataset`: the whole file as an rdflib Dataset whose default graph is the union
  of its graphs, for rdflib's SPARQL engine, validation, the networkx views and the CSV table;
- :func:`read_quads`: the quads as pyoxigraph parses them, ten to a hundred times faster on a
  large build, for the RDF exports and ``push`` (``store.open_oxigraph`` loads a file into an
  Oxigraph store the same way).

Both raise a one-line :class:`InputError` naming the file, the line when it is known and what
to do. Both also read the store folder a build writes with ``--store`` (:mod:`isisgraph.buildstore`)
as they read a file.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.graph import ConjunctiveGraph

from isisgraph.errors import InputError, one_line

FORMATS = {
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nquads": ox.RdfFormat.N_QUADS,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
}


def graph_format(path: Path) -> ox.RdfFormat:
    """The format of a graph file, from its extension (.trig, .nq, .nquads, .ttl, .nt)."""
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        names = ", ".join(sorted(FORMATS))
        raise InputError(f"{path}: unknown graph format; expected one of {names}") from None


def keeps_graphs(path: Path) -> bool:
    """Whether the file's extension names a format that keeps named graphs, as a build's
    does: TriG or N-Quads."""
    fmt = FORMATS.get(path.suffix.lower())
    return fmt is not None and fmt.supports_datasets


def graph_file(source: str | os.PathLike[str]) -> tuple[Path, ox.RdfFormat]:
    """An existing graph file and its format."""
    path = Path(source)
    if not path.is_file():
        raise InputError(f"{path}: no such graph file; build one with `isisgraph build`")
    return path, graph_format(path)


def cannot_read(path: Path, exc: OSError) -> InputError:
    return InputError(f"{path}: cannot be read ({exc.strerror or type(exc).__name__}); check its permissions")


def not_valid(path: Path, fmt: ox.RdfFormat, line: int | None, reason: str) -> InputError:
    where = f" (line {line})" if line else ""
    reason = reason if len(reason) <= 120 else reason[:119] + "…"
    return InputError(f"{path}: not valid {fmt.name}{where}: {reason}; "
                      "fix the file or rebuild it with isisgraph build")


# pyoxigraph's syntax errors read "Parser error at line 2 between columns 23 and 27: why"
OXIGRAPH_POSITION = re.compile(r"^Parser error at line \d+ (?:between columns \d+ and \d+|column \d+): ")


def oxigraph_error(path: Path, fmt: ox.RdfFormat, exc: Exception) -> InputError:
    """The one-line message of a file pyoxigraph could not parse (a SyntaxError with its line)."""
    reason = OXIGRAPH_POSITION.sub("", one_line(getattr(exc, "msg", None) or exc))  # msg: without "(file, line N)"
    return not_valid(path, fmt, getattr(exc, "lineno", None), reason)


# ---------------------------------------------------------------------- pyoxigraph


def read_quads(source: str | os.PathLike[str]) -> Iterator[ox.Quad]:
    """The quads of a graph file as pyoxigraph parses them, streamed (a Turtle or N-Triples
    file's triples are in the default graph), or of a build's store folder."""
    from isisgraph.buildstore import is_build_store, store_quads

    if is_build_store(source):
        return store_quads(source)
    path, fmt = graph_file(source)

    def quads() -> Iterator[ox.Quad]:
        try:
            yield from ox.parse(path=str(path), format=fmt)
        except (SyntaxError, ValueError) as exc:
            raise oxigraph_error(path, fmt, exc) from exc
        except OSError as exc:
            raise cannot_read(path, exc) from exc

    return quads()


# ---------------------------------------------------------------------- rdflib


def read_dataset(source: str | os.PathLike[str]) -> Dataset:
    """A graph file parsed by rdflib into a Dataset whose default graph is the union of its
    named graphs (a Turtle or N-Triples file's one graph is its default graph), or of the
    graphs of a build's store folder."""
    from isisgraph.buildstore import is_build_store, store_nquads

    dataset = Dataset(default_union=True)
    if is_build_store(source):
        with quiet_literal_warnings():
            dataset.parse(data=store_nquads(source), format="application/n-quads")
        return dataset
    path, fmt = graph_file(source)
    try:
        with quiet_literal_warnings():
            dataset.parse(path, format=fmt.media_type)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start}); is it really a {fmt.name} file?") from exc
    except OSError as exc:
        raise cannot_read(path, exc) from exc
    except Exception as exc:  # rdflib's parsers raise several unrelated types; all mean "malformed"
        line, reason = rdflib_syntax_error(path, fmt, exc)
        raise not_valid(path, fmt, line, reason) from exc
    return dataset


@contextmanager
def quiet_literal_warnings() -> Iterator[None]:
    """Keep rdflib from printing a traceback for each ill-formed literal (``"2017-13-45"^^xsd:date``)
    it reads: such a literal is kept as written and reported by the shapes as a violation."""
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def rdflib_syntax_error(path: Path, fmt: ox.RdfFormat, exc: Exception) -> tuple[int | None, str]:
    """Where and why rdflib's parser stopped, in a few words."""
    text, offset = getattr(exc, "_str", None), getattr(exc, "_i", None)
    if isinstance(text, (str, bytes)) and isinstance(offset, int):  # notation3's BadSyntax (TriG, Turtle)
        newline = b"\n" if isinstance(text, bytes) else "\n"
        line = text[:offset].count(newline) + 1  # type: ignore[arg-type]
        return line, str(getattr(exc, "_why", "bad syntax"))
    reason = one_line(exc).split(" (Failed to eat")[0] or type(exc).__name__
    line = first_bad_line(path, fmt) if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES) else None
    return line, reason


def first_bad_line(path: Path, fmt: ox.RdfFormat) -> int | None:
    """The number of the first line rdflib cannot read as N-Quads or N-Triples (only on the
    error path: those parsers do not say)."""
    with path.open(encoding="utf-8", errors="replace") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                Dataset().parse(data=line, format=fmt.media_type)
            except Exception:  # noqa: BLE001 - any failure marks the line
                return number
    return None


def union_graph(graph: Graph) -> Graph:
    """Every triple of every named graph in one plain Graph, with the dataset's prefixes (a
    plain Graph is returned as it is)."""
    if not isinstance(graph, ConjunctiveGraph):
        return graph
    union = Graph()
    for prefix, namespace in graph.namespaces():
        union.bind(prefix, namespace, override=True)
    named = graph.graphs() if isinstance(graph, Dataset) else graph.contexts()
    for context in named:
        for triple in context:
            union.add(triple)
    return union
