"""Names as users write them: the actors, places, operations, people and concepts of a graph,
found by label, alias or slug, in any case and with any punctuation.

``Al Qa'im``, ``al-qaim``, ``place/Al-Qaim`` and ``AL QAIM`` all name ``place/al-qaim``: a
name is compared by its *key* (letters and digits only, accents and case folded). A value
that names nothing gets the closest names instead (:func:`closest`), so that a typo
(``place/mosull``) is a warning that says what was meant, not an empty answer.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rdflib import Dataset, URIRef

from isisgraph.errors import InputError
from isisgraph.namespaces import ID

KINDS = ("actor", "place", "operation", "person", "concept")

NAMES_QUERY = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?node ?property ?label ?type WHERE {
  VALUES ?property { skos:prefLabel skos:altLabel skos:hiddenLabel rdfs:label }
  ?node ?property ?label .
  OPTIONAL { ?node a ?type FILTER(STRSTARTS(STR(?type), "https://w3id.org/isisgraph/ontology#")) }
  FILTER(STRSTARTS(STR(?node), "https://w3id.org/isisgraph/id/") && isLiteral(?label))
}
"""


def key(text: str) -> str:
    """The form names are compared in: accents, case, spaces and punctuation dropped."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", plain.casefold())


@dataclass
class Name:
    """A named node: its IRI, kind (the first step of its path), labels and ig: types."""

    iri: str
    label: str = ""
    aliases: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)

    @property
    def path(self) -> str:
        return self.iri[len(str(ID)):]

    @property
    def kind(self) -> str:
        return self.path.split("/", 1)[0]

    @property
    def slug(self) -> str:
        return self.path.split("/", 1)[-1]

    def name_keys(self) -> set[str]:
        return {key(t) for t in (self.label, *self.aliases, self.slug) if key(t)}

    def shown(self) -> str:
        return f"{self.label or self.slug} ({self.path})"


class Names:
    """Every named node of a graph (an rdflib Dataset or a pyoxigraph Store)."""

    def __init__(self, names: Iterable[Name]) -> None:
        self.names = sorted(names, key=lambda n: (n.kind, key(n.label or n.slug), n.iri))

    @classmethod
    def of(cls, dataset: Any) -> Names:
        found: dict[str, Name] = {}
        for node, prop, label, rdf_type in rows_of(dataset, NAMES_QUERY):
            name = found.setdefault(node, Name(node))
            if prop.endswith("prefLabel") and (not name.label or label.lang in ("en", None)):
                if name.label and name.label != label.text:
                    name.aliases.add(name.label)
                name.label = label.text
            else:
                name.aliases.add(label.text)
            if rdf_type:
                name.types.add(rdf_type.rsplit("#", 1)[-1])
        for name in found.values():
            if not name.label:
                name.label = min(name.aliases, default=name.slug)
            name.aliases.discard(name.label)
        return cls(n for n in found.values() if n.kind in KINDS)

    def of_kind(self, kind: str | None) -> list[Name]:
        return [n for n in self.names if kind is None or n.kind == kind]

    def matching(self, text: str, kind: str | None = None) -> list[Name]:
        """The names whose label, alias or slug is ``text`` (by key)."""
        kind, text = split_kind(text, kind)
        wanted = key(text)
        return [n for n in self.of_kind(kind) if wanted and wanted in n.name_keys()]

    def containing(self, text: str, kind: str | None = None) -> list[Name]:
        """The names a label, alias or slug of which contains ``text`` (by key)."""
        kind, text = split_kind(text, kind)
        wanted = key(text)
        return [n for n in self.of_kind(kind) if any(wanted in k for k in n.name_keys())]

    def closest(self, text: str, kind: str | None = None, limit: int = 5) -> list[Name]:
        """The names that come closest to ``text``, best first."""
        kind, text = split_kind(text, kind)
        by_key: dict[str, list[Name]] = {}
        for name in self.of_kind(kind):
            for k in name.name_keys():
                by_key.setdefault(k, []).append(name)
        shown: list[Name] = []
        for k in difflib.get_close_matches(key(text), list(by_key), n=limit * 3, cutoff=0.6):
            for name in by_key[k]:
                if name not in shown:
                    shown.append(name)
        return shown[:limit]

    def resolve(self, text: str, kind: str | None = None) -> URIRef | None:
        """The one node ``text`` names (of ``kind`` when given), None when it names none;
        an :class:`InputError` when it names several."""
        found = self.matching(text, kind)
        if len(found) > 1:
            shown = ", ".join(n.shown() for n in found)
            raise InputError(f"{text!r} names several nodes: {shown}; give one of them as kind/slug")
        return URIRef(found[0].iri) if found else None

    def hint(self, text: str, kind: str | None = None) -> str:
        close = self.closest(text, kind)
        if not close:
            what = f"`isisgraph names {kind}`" if kind else "`isisgraph names`"
            return f"{what} lists what can be asked for"
        return "closest names: " + "; ".join(n.shown() for n in close)


def split_kind(text: str, kind: str | None) -> tuple[str | None, str]:
    """``place/Abu-Kamal`` → (place, Abu-Kamal); a full IRI under the id base likewise."""
    value = text.strip().strip("<>")
    if value.startswith(str(ID)):
        value = value[len(str(ID)):]
    head, sep, rest = value.partition("/")
    if sep and head in KINDS and "/" not in rest:
        return head, rest
    return kind, value


class Label:
    """A literal's text and language, whichever engine gave it."""

    def __init__(self, text: str, lang: str | None) -> None:
        self.text, self.lang = text, lang


def rows_of(dataset: Any, query: str) -> Iterable[tuple[str, str, Label, str | None]]:
    """(node, property, label, type) rows of the names query on either engine, or on a store's
    SPARQL endpoint (its URL)."""
    if isinstance(dataset, Dataset | str):
        if isinstance(dataset, str):
            from isisgraph.push import query_endpoint

            answer = query_endpoint(dataset, query)
        else:
            answer = dataset.query(query)
        for row in answer:
            yield str(row[0]), str(row[1]), Label(str(row[2]), row[2].language), \
                str(row[3]) if row[3] is not None else None
        return
    for solution in dataset.query(query, use_default_graph_as_union=True):
        label = solution["label"]
        rdf_type = solution["type"]
        yield (solution["node"].value, solution["property"].value,
               Label(label.value, getattr(label, "language", None)),
               rdf_type.value if rdf_type is not None else None)


def in_graph(dataset: Any, node: URIRef) -> bool:
    """Whether ``node`` is the subject or object of a triple of the graph (or of the store
    behind a SPARQL endpoint URL)."""
    if isinstance(dataset, str):
        from isisgraph.push import query_endpoint

        ask = f"ASK {{ {{ <{node}> ?p ?o }} UNION {{ ?s ?p <{node}> }} }}"
        return bool(query_endpoint(dataset, ask).askAnswer)
    if isinstance(dataset, Dataset):
        return next(dataset.triples((node, None, None)), None) is not None or \
            next(dataset.triples((None, None, node)), None) is not None
    import pyoxigraph as ox

    named = ox.NamedNode(str(node))
    return next(iter(dataset.quads_for_pattern(named, None, None)), None) is not None or \
        next(iter(dataset.quads_for_pattern(None, None, named)), None) is not None


def kind_of_param(default: str | None, meaning: str) -> str | None:
    """The kind of node a query parameter takes: that of its default IRI, or of its example."""
    for text in (default or "", meaning):
        match = re.search(rf"/id/({'|'.join(KINDS)})/|\b({'|'.join(KINDS)})/[a-z0-9]", text)
        if match:
            return match.group(1) or match.group(2)
    return None
