"""What a query may reach: the graph it was given, nothing else, unless the user allows it.

SPARQL can send a query to another server (``SERVICE <http://host/>``, with the bound values
in it) and name graphs to read (``FROM``, ``FROM NAMED``, ``USING``, ``LOAD``); rdflib fetches
such a graph over the network or reads it from disk (``file:///...``), and Oxigraph calls
SERVICE endpoints itself. isisgraph runs offline, and a query file is data a user may have
been sent, so before either engine runs a query :func:`check_reach` reads its algebra:

- ``SERVICE`` and ``LOAD`` are refused;
- ``FROM``/``FROM NAMED``/``USING`` may name the graphs of the file being queried (both
  engines then answer over those graphs alone, the same way), and nothing else;

unless ``allow_remote`` (``--allow-remote``): then SERVICE and LOAD reach out on both engines,
and rdflib fetches a FROM graph the file does not hold (Oxigraph cannot: it is refused there
with a message). While rdflib evaluates a sandboxed query, its graph loading is switched off
too (:func:`rdflib_offline`), so a graph it would fetch can never be fetched.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from isisgraph.errors import QueryError

REMOTE_HINT = "pass --allow-remote to let it"


@dataclass(frozen=True)
class Reach:
    """What a parsed query or update names outside its WHERE patterns."""

    services: tuple[str, ...] = ()
    loads: tuple[str, ...] = ()
    graphs: tuple[str, ...] = field(default=())  # FROM, FROM NAMED and USING IRIs

    @property
    def has_dataset(self) -> bool:
        return bool(self.graphs)


def reach_of(algebra: Any) -> Reach:
    """SERVICE endpoints, LOAD sources and dataset IRIs of rdflib's algebra of a query (a
    CompValue) or an update (a list of operations)."""
    from rdflib.plugins.sparql.algebra import traverse
    from rdflib.plugins.sparql.parserutils import CompValue

    services: list[str] = []
    loads: list[str] = []
    graphs: list[str] = []

    def visit(node: Any) -> None:
        if not isinstance(node, CompValue):
            return
        if node.name == "ServiceGraphPattern":
            services.append(str(node.get("term")))
        elif node.name == "Load":
            loads.append(str(node.get("iri")))
        key = "datasetClause" if node.name.endswith("Query") else "using" if node.name == "Modify" else None
        for clause in (node.get(key) or []) if key else []:
            if isinstance(clause, CompValue):  # (CompValue.get returns the key itself when absent)
                graphs.append(str(clause["default"] if "default" in clause else clause["named"]))

    operations = algebra if isinstance(algebra, list) else [algebra]
    for operation in operations:
        visit(operation)  # the dataset clause and a LOAD sit on the top node
        traverse(operation, visitPost=visit)
    return Reach(tuple(dict.fromkeys(services)), tuple(dict.fromkeys(loads)), tuple(dict.fromkeys(graphs)))


def check_reach(reach: Reach, source: str, held_graphs: Callable[[], Iterable[str]], allow_remote: bool,
                backend: str) -> None:
    """Raise QueryError when the query would reach past the graph it is given (see the module
    docstring); ``held_graphs`` lists the graph IRIs of the loaded file (asked only when the
    query names graphs)."""
    if not allow_remote:
        if reach.services:
            raise QueryError(f"{source}: SERVICE <{reach.services[0]}> would send the query to another server; "
                             f"queries stay on this machine — {REMOTE_HINT}")
        if reach.loads:
            raise QueryError(f"{source}: LOAD <{reach.loads[0]}> would fetch a graph from outside the file; "
                             f"{REMOTE_HINT}")
    if not reach.graphs:
        return
    held = set(held_graphs())
    outside = [iri for iri in reach.graphs if iri not in held]
    if not outside:
        return
    if not allow_remote:
        raise QueryError(f"{source}: FROM <{outside[0]}> names no graph of the file, and isisgraph does not fetch "
                         f"graphs; name a graph of the file (GRAPH ?g lists them) or {REMOTE_HINT}")
    if backend == "oxigraph":
        raise QueryError(f"{source}: FROM <{outside[0]}> names no graph of the file, and Oxigraph does not fetch "
                         "graphs; run it with --backend rdflib")


_OFFLINE = threading.Lock()
_offline_blocks = [0, True]  # sandboxed blocks running, rdflib's setting before the first


@contextmanager
def rdflib_offline(allow_remote: bool) -> Iterator[None]:
    """rdflib's SPARQL engine without graph loading (``SPARQL_LOAD_GRAPHS``, a module switch)
    for the block, unless ``allow_remote``: a FROM of an absent graph then reads nothing.
    The switch is restored when the last sandboxed block in the process ends."""
    import rdflib.plugins.sparql as rdflib_sparql

    if allow_remote:
        yield
        return
    with _OFFLINE:
        if _offline_blocks[0] == 0:
            _offline_blocks[1] = rdflib_sparql.SPARQL_LOAD_GRAPHS
        _offline_blocks[0] += 1
        rdflib_sparql.SPARQL_LOAD_GRAPHS = False
    try:
        yield
    finally:
        with _OFFLINE:
            _offline_blocks[0] -= 1
            if _offline_blocks[0] == 0:
                rdflib_sparql.SPARQL_LOAD_GRAPHS = _offline_blocks[1]
