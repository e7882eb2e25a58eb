"""One object per vocabulary term, so that dicts find their keys without rdflib's equality.

An rdflib namespace makes a new ``URIRef`` at every attribute access (``IG.evidence``), and a
dict holding another object for the same IRI then compares the two with rdflib's ``__eq__``,
which is Python code: in emission and validation that comparison was a large part of the
time. :class:`Terms` wraps a namespace so that each term is made once, the same object as
every other canonical copy (:func:`term`); emission writes these objects into the triples,
and validation's index (``python_shapes.Index``) looks predicates and classes up with them.
"""

from __future__ import annotations

from typing import Any

from rdflib.term import Node

VOCABULARY: dict[Node, Node] = {}  # predicates and classes: the canonical object of each


def term(node: Node) -> Node:
    """The canonical object of a predicate or class."""
    return VOCABULARY.setdefault(node, node)


class Terms:
    """A namespace whose terms are canonical objects, each made once."""

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace
        self._items: dict[str, Node] = {}

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        value = term(getattr(self._namespace, name))
        setattr(self, name, value)
        return value

    def __getitem__(self, name: str) -> Any:
        value = self._items.get(name)
        if value is None:
            value = self._items[name] = term(self._namespace[name])
        return value
