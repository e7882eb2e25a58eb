"""Load the ontology folder: the TBox, the reference data and the SHACL shapes.

``ontology/isisgraph.ttl`` is the TBox, ``ontology/shapes.ttl`` the shapes, and every other
``ontology/*.ttl`` file is reference data (actors, places, operations, SKOS schemes). The
folder is found beside the source tree in a checkout and inside the package when installed
from a wheel.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Graph
from rdflib.exceptions import ParserError

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
