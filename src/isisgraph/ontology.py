"""Load the ontology folder: the TBox, the reference data and the SHACL shapes; and the
class hierarchy every reader of types follows (:class:`ClassHierarchy`).

``ontology/isisgraph.ttl`` is the TBox, ``ontology/shapes.ttl`` the shapes, and every other
``ontology/*.ttl`` file is reference data (actors, places, operations, SKOS schemes). The
folder is found beside the source tree in a checkout and inside the package when installed
from a wheel.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from rdflib import RDFS, Graph
from rdflib.exceptions import ParserError
from rdflib.term import Node

from isisgraph.errors import InputError

TBOX_FILE = "isisgraph.ttl"
SHAPES_FILE = "shapes.ttl"


def data_dir(name: str) -> Path:
    """The project's ``ontology`` or ``queries`` folder."""
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir():
        return checkout
    installed = Path(__file__).resolve().parent / "_data" / name
    if installed.is_dir():
        return installed
    raise InputError(f"{name}/ folder not found beside {Path(__file__).parent}: reinstall isisgraph")


def parse_turtle(path: Path, graph: Graph | None = None) -> Graph:
    """Parse one Turtle file, turning a syntax error into a one-line message with file and line."""
    graph = Graph() if graph is None else graph
    try:
        graph.parse(path, format="turtle")
    except (ParserError, SyntaxError, ValueError) as exc:
        detail = " ".join(str(exc).split())
        raise InputError(f"{path}: not valid Turtle ({detail}); fix the file and run again") from exc
    return graph


@cache
def load_tbox() -> Graph:
    return parse_turtle(data_dir("ontology") / TBOX_FILE)


@cache
def load_shapes() -> Graph:
    return parse_turtle(data_dir("ontology") / SHAPES_FILE)


def reference_files() -> list[Path]:
    folder = data_dir("ontology")
    return sorted(p for p in folder.glob("*.ttl") if p.name not in {TBOX_FILE, SHAPES_FILE})


@cache
def load_reference() -> Graph:
    graph = Graph()
    for path in reference_files():
        parse_turtle(path, graph)
    return graph


@cache
def load_background() -> Graph:
    """TBox and reference together: what SHACL and the lookups need to see types and labels."""
    graph = Graph()
    for triple in load_tbox():
        graph.add(triple)
    for triple in load_reference():
        graph.add(triple)
    return graph


class ClassHierarchy:
    """``rdfs:subClassOf`` closed: each class with every class above it, nearest first.

    A class counts as its own superclass, as in ``rdfs:subClassOf*``, which is what
    ``sh:class``, the saved queries and the views mean by "is a". Built from the TBox's
    subClassOf pairs and, for a reader of a data graph that may declare classes of its own,
    that graph's pairs too (:meth:`extended`). Answers are computed once per class.
    """

    def __init__(self, pairs: Iterable[tuple[Node, Node]] = ()) -> None:
        parents: dict[Node, set[Node]] = {}
        for sub, sup in pairs:
            parents.setdefault(sub, set()).add(sup)
        self.parents = {sub: tuple(sorted(sups, key=str)) for sub, sups in parents.items()}
        self._ancestry: dict[Node, tuple[Node, ...]] = {}
        self._superclasses: dict[Node, frozenset[Node]] = {}

    @classmethod
    def of(cls, *graphs: Graph) -> ClassHierarchy:
        """The hierarchy of the rdfs:subClassOf triples of ``graphs``."""
        return cls(pair for graph in graphs for pair in graph.subject_objects(RDFS.subClassOf))  # type: ignore[misc]

    def extended(self, pairs: Iterable[tuple[Node, Node]]) -> ClassHierarchy:
        """This hierarchy with more (subclass, superclass) pairs."""
        own = [(sub, sup) for sub, sups in self.parents.items() for sup in sups]
        return ClassHierarchy([*own, *pairs])

    def ancestry(self, cls: Node) -> tuple[Node, ...]:
        """``cls`` and every class above it, nearest first (breadth first; the parents of a
        class in IRI order)."""
        found = self._ancestry.get(cls)
        if found is None:
            order, seen, frontier = [cls], {cls}, [cls]
            while frontier:
                above = []
                for current in frontier:
                    for parent in self.parents.get(current, ()):
                        if parent not in seen:
                            seen.add(parent)
                            order.append(parent)
                            above.append(parent)
                frontier = above
            found = self._ancestry[cls] = tuple(order)
        return found

    def superclasses(self, cls: Node) -> frozenset[Node]:
        """``cls`` and every class above it, as a set."""
        found = self._superclasses.get(cls)
        if found is None:
            found = self._superclasses[cls] = frozenset(self.ancestry(cls))
        return found

    def is_subclass(self, cls: Node, ancestor: Node) -> bool:
        return ancestor in self.superclasses(cls)

    def subclasses(self, cls: Node) -> set[Node]:
        """``cls`` and every class below it."""
        return {sub for sub in self.parents if cls in self.superclasses(sub)} | {cls}


@cache
def tbox_hierarchy() -> ClassHierarchy:
    """The class hierarchy of the project's TBox (built once per process)."""
    return ClassHierarchy.of(load_tbox())
