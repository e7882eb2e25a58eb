"""The shapes checked in Python: provenance (evidence, selectors, mentions) and closed world.

Nine in ten nodes of an article graph are provenance: an ``ig:Evidence`` with its two
selectors for every extracted node, and an ``ig:Mention`` for every name. pySHACL evaluates
each shape once per focus node, so validating these nodes cost nine tenths of validation
time, for checks that are simple counts, datatypes and arithmetic on offsets. Here the
shapes in :data:`PROVENANCE_SHAPES` are implemented in plain Python over the same merged
data graph, with the same semantics (counts, ``sh:class`` through ``rdfs:subClassOf*``,
exact datatypes, SPARQL's comparison rules for the span checks) and the messages read from
``ontology/shapes.ttl``; their results are SHACL results in the same report. pySHACL then
runs the other shapes on the graph without the provenance triples (:func:`split`): events,
claims, reports, figures, targets, places, persons and the meta graph.

The two closed-world shapes (every ig: class and property used is declared) are about the
terms of a graph, not its nodes: they are checked here on every triple, which is a set
lookup, instead of a SPARQL scan of the whole graph per run.

What the split removes from pySHACL's view is exactly what these checks cover: the
``rdf:type`` of provenance classes, the selector and mention properties of nodes that are
nothing but provenance, and ``ig:mentions``. The shapes that would still have seen those
triples (``ExtractedNodeShape`` and ``TypedNodeShape`` on mentions, the two closed-world
shapes on the removed terms) are checked here for them too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH, XSD
from rdflib.term import Node

from isisgraph.namespaces import IG, OA

SHAPES = Namespace("https://w3id.org/isisgraph/shapes#")
ONTOLOGY = URIRef(str(IG._NS).rstrip("#"))
IG_PREFIX = str(IG._NS)

PROVENANCE_SHAPES = frozenset(SHAPES[name] for name in (
    "EvidenceTypedShape", "EvidenceShape", "EvidenceSpanShape", "TextPositionSelectorShape",
    "TextQuoteSelectorShape", "MentionShape", "MentionedShape",
))
TERM_SHAPES = frozenset({SHAPES.DeclaredClassShape, SHAPES.DeclaredPropertyShape})
PYTHON_SHAPES = PROVENANCE_SHAPES | TERM_SHAPES
PROVENANCE_CLASSES = frozenset({IG.Evidence, OA.SpecificResource, OA.TextPositionSelector,
                                OA.TextQuoteSelector, IG.Mention})
# Properties of provenance nodes checked here; oa:hasSource stays in pySHACL's view because the
# meta-graph shape asks which articles evidence cites.
PROVENANCE_PROPERTIES = frozenset({OA.hasSelector, IG.confidence, IG.extractor, OA.start, OA.end, OA.exact,
                                   OA.prefix, OA.suffix, IG.refersTo, IG.evidence})
DECLARED_PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)
NUMERIC = frozenset({XSD.integer, XSD.decimal, XSD.float, XSD.double, XSD.int, XSD.long, XSD.short,
                     XSD.nonNegativeInteger, XSD.positiveInteger, XSD.negativeInteger, XSD.nonPositiveInteger,
                     XSD.unsignedInt, XSD.unsignedLong, XSD.byte, XSD.unsignedShort, XSD.unsignedByte})
REFERABLE = (IG.Actor, IG.Place, IG.Operation)


# ---------------------------------------------------------------------------- the shapes' words


@dataclass(frozen=True)
class Constraint:
    """Where a result comes from: the (property) shape node, its message and severity."""

    shape: Node
    message: str
    severity: Node


@dataclass(frozen=True)
class ShapeIndex:
    """The messages and severities of the provenance shapes, found in the shapes graph."""

    shapes: Graph

    @cache  # noqa: B019 (one index per shapes graph, kept for the process)
    def node(self, shape: URIRef) -> Constraint:
        return Constraint(shape, self._message(shape), self._severity(shape))

    @cache  # noqa: B019
    def prop(self, shape: URIRef, path: Node | tuple[Node, ...], has_value: Node | None = None) -> Constraint:
        """The property shape of ``shape`` with this path (and sh:hasValue, to tell twins apart)."""
        for prop in self.shapes.objects(shape, SH.property):
            if self._path(self.shapes.value(prop, SH.path)) != path:
                continue
            if has_value is not None and self.shapes.value(prop, SH.hasValue) != has_value:
                continue
            return Constraint(prop, self._message(prop), self._severity(prop))
        return Constraint(shape, self._message(shape), self._severity(shape))

    @cache  # noqa: B019
    def sparql(self, shape: URIRef, marker: str) -> Constraint:
        """The SPARQL constraint of ``shape`` whose query contains ``marker``."""
        for constraint in self.shapes.objects(shape, SH.sparql):
            if marker in str(self.shapes.value(constraint, SH.select) or ""):
                return Constraint(shape, self._message(constraint), self._severity(shape))
        return Constraint(shape, self._message(shape), self._severity(shape))

    @cache  # noqa: B019
    def less_than(self, shape: URIRef, path: Node) -> Constraint:
        """The property shape of ``shape`` on ``path`` that has sh:lessThan."""
        for prop in self.shapes.objects(shape, SH.property):
            if self.shapes.value(prop, SH.path) == path and self.shapes.value(prop, SH.lessThan) is not None:
                return Constraint(prop, self._message(prop), self._severity(prop))
        return self.prop(shape, path)

    def _path(self, path: Node | None) -> Node | tuple[Node, ...] | None:
        if isinstance(path, BNode) and self.shapes.value(path, RDF.first) is not None:
            return tuple(Collection(self.shapes, path))
        return path

    def _message(self, node: Node) -> str:
        message = self.shapes.value(node, SH.message)
        return str(message) if message is not None else "does not conform"

    def _severity(self, node: Node) -> Node:
        return self.shapes.value(node, SH.severity) or SH.Violation


@dataclass
class Finding:
    """One result, as pySHACL would report it."""

    focus: Node
    constraint: Constraint
    component: URIRef
    path: Node | tuple[Node, ...] | None = None
    value: Node | None = None
    message: str | None = None  # when the template's {?var} are filled in


# ---------------------------------------------------------------------------- the data


Triple = tuple[Node, Node, Node]


class Index:
    """Values by subject and property, and subjects by property and value, in plain dicts.

    ``parents`` is the class hierarchy of the TBox (class -> direct superclasses); the
    data's own rdfs:subClassOf triples are followed too.
    """

    def __init__(self, triples: Iterable[Triple], parents: dict[Node, tuple[Node, ...]]) -> None:
        self.out: dict[Node, dict[Node, list[Node]]] = {}
        self.into: dict[Node, dict[Node, list[Node]]] = {}  # predicate -> object -> subjects
        self.parents = parents
        self._supers: dict[Node, frozenset[Node]] = {}
        for s, p, o in triples:
            values = self.out.setdefault(s, {}).setdefault(p, [])
            if o not in values:
                values.append(o)
                self.into.setdefault(p, {}).setdefault(o, []).append(s)

    def values(self, node: Node, prop: Node) -> list[Node]:
        return self.out.get(node, {}).get(prop, [])

    def subjects(self, prop: Node, value: Node) -> list[Node]:
        return self.into.get(prop, {}).get(value, [])

    def objects(self, prop: Node) -> list[Node]:
        return list(self.into.get(prop, {}))

    def pairs(self, prop: Node) -> list[tuple[Node, Node]]:
        return [(s, o) for o, subjects in self.into.get(prop, {}).items() for s in subjects]

    def superclasses(self, cls: Node) -> frozenset[Node]:
        found = self._supers.get(cls)
        if found is None:
            seen, stack = {cls}, [cls]
            while stack:
                current = stack.pop()
                for parent in (*self.parents.get(current, ()), *self.values(current, RDFS.subClassOf)):
                    if parent not in seen:
                        seen.add(parent)
                        stack.append(parent)
            found = self._supers[cls] = frozenset(seen)
        return found

    def is_a(self, node: Node, cls: Node) -> bool:
        return any(cls in self.superclasses(t) for t in self.values(node, RDF.type))

    def instances(self, cls: Node) -> set[Node]:
        return {s for t, subjects in self.into.get(RDF.type, {}).items() if cls in self.superclasses(t)
                for s in subjects}


class IndexGraph:
    """The few rdflib Graph lookups that violation messages make, answered from an Index
    (building an rdflib Graph of the article only to word its messages cost more than
    checking it)."""

    def __init__(self, index: Index) -> None:
        self.index = index

    def objects(self, subject: Node, predicate: Node) -> Iterator[Node]:
        return iter(self.index.values(subject, predicate))

    def value(self, subject: Node, predicate: Node) -> Node | None:
        values = self.index.values(subject, predicate)
        return values[0] if values else None

    def subjects(self, predicate: Node, obj: Node) -> Iterator[Node]:
        return iter(self.index.subjects(predicate, obj))

    def subject_objects(self, predicate: Node) -> Iterator[tuple[Node, Node]]:
        return iter(self.index.pairs(predicate))

    def __contains__(self, triple: Triple) -> bool:
        s, p, o = triple
        return o in self.index.values(s, p)


def class_parents(hierarchy: Iterable[Triple]) -> dict[Node, tuple[Node, ...]]:
    parents: dict[Node, list[Node]] = {}
    for s, p, o in hierarchy:
        if p == RDFS.subClassOf:
            parents.setdefault(s, []).append(o)
    return {s: tuple(o) for s, o in parents.items()}


def datatype_of(value: Node) -> Node | None:
    if not isinstance(value, Literal):
        return None
    if value.datatype is not None:
        return value.datatype
    return RDF.langString if value.language else XSD.string


def has_datatype(value: Node, datatype: URIRef) -> bool:
    """``sh:datatype``: the exact datatype, and a well-formed lexical form."""
    return datatype_of(value) == datatype and not getattr(value, "ill_typed", False)


def number(value: Node) -> Decimal | float | int | None:
    if isinstance(value, Literal) and value.datatype in NUMERIC and not getattr(value, "ill_typed", False):
        python = value.toPython()
        if isinstance(python, (int, float, Decimal)) and not isinstance(python, bool):
            return python
    return None


def sparql_compare(left: Node, right: Node) -> int | None:
    """-1, 0 or 1 as SPARQL orders two numbers or two plain strings; None when it cannot."""
    a, b = number(left), number(right)
    if a is not None and b is not None:
        a_, b_ = Decimal(str(a)), Decimal(str(b))
        return (a_ > b_) - (a_ < b_)
    if datatype_of(left) == datatype_of(right) == XSD.string:
        return (str(left) > str(right)) - (str(left) < str(right))
    return None


# ---------------------------------------------------------------------------- checks


def count_checks(
    data: Index, focus: Node, prop: URIRef, constraint: Constraint, low: int | None, high: int | None
) -> Iterator[Finding]:
    values = data.values(focus, prop)
    if low is not None and len(values) < low:
        yield Finding(focus, constraint, SH.MinCountConstraintComponent, prop)
    if high is not None and len(values) > high:
        yield Finding(focus, constraint, SH.MaxCountConstraintComponent, prop)


def datatype_checks(
    data: Index, focus: Node, prop: URIRef, constraint: Constraint, datatype: URIRef, min_length: int | None = None
) -> Iterator[Finding]:
    for value in data.values(focus, prop):
        if not has_datatype(value, datatype):
            yield Finding(focus, constraint, SH.DatatypeConstraintComponent, prop, value)
        if min_length is not None and (isinstance(value, BNode) or len(str(value)) < min_length):
            yield Finding(focus, constraint, SH.MinLengthConstraintComponent, prop, value)


def range_checks(
    data: Index, focus: Node, prop: URIRef, constraint: Constraint, low: int | None, high: int | None
) -> Iterator[Finding]:
    for value in data.values(focus, prop):
        if low is not None:
            order = sparql_compare(value, Literal(low))
            if order is None or order < 0:
                yield Finding(focus, constraint, SH.MinInclusiveConstraintComponent, prop, value)
        if high is not None:
            order = sparql_compare(value, Literal(high))
            if order is None or order > 0:
                yield Finding(focus, constraint, SH.MaxInclusiveConstraintComponent, prop, value)


def check_evidence(data: Index, index: ShapeIndex) -> Iterator[Finding]:
    """EvidenceTypedShape and EvidenceShape."""
    typed = index.node(SHAPES.EvidenceTypedShape)
    objects = set(data.objects(IG.evidence))
    for node in sorted(objects):
        if not data.is_a(node, IG.Evidence):
            yield Finding(node, typed, SH.ClassConstraintComponent, None, node)
    shape = SHAPES.EvidenceShape
    source = index.prop(shape, OA.hasSource)
    selectors = index.prop(shape, OA.hasSelector)
    types = (OA.hasSelector, RDF.type)
    confidence = index.prop(shape, IG.confidence)
    extractor = index.prop(shape, IG.extractor)
    for evidence in sorted(objects | data.instances(IG.Evidence)):
        yield from count_checks(data, evidence, OA.hasSource, source, 1, 1)
        for value in data.values(evidence, OA.hasSource):
            if not data.is_a(value, IG.NewsArticle):
                yield Finding(evidence, source, SH.ClassConstraintComponent, OA.hasSource, value)
        yield from count_checks(data, evidence, OA.hasSelector, selectors, 2, 2)
        selector_types = {t for s in data.values(evidence, OA.hasSelector) for t in data.values(s, RDF.type)}
        for kind in (OA.TextPositionSelector, OA.TextQuoteSelector):
            if kind not in selector_types:
                yield Finding(evidence, index.prop(shape, types, kind), SH.HasValueConstraintComponent, types)
        yield from count_checks(data, evidence, IG.confidence, confidence, 1, 1)
        yield from datatype_checks(data, evidence, IG.confidence, confidence, XSD.decimal)
        yield from range_checks(data, evidence, IG.confidence, confidence, 0, 1)
        yield from count_checks(data, evidence, IG.extractor, extractor, 1, 1)
        yield from datatype_checks(data, evidence, IG.extractor, extractor, XSD.string, 1)


def fill(template: str, values: dict[str, Node]) -> str:
    return re.sub(r"\{[?$](\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))), template)


def check_spans(data: Index, index: ShapeIndex, texts: dict[Node, str] | None = None) -> Iterator[Finding]:
    """EvidenceSpanShape (once per article, about each evidence at fault), and, when the
    article's text is known, that each quote is the text at its offsets."""
    beyond = index.sparql(SHAPES.EvidenceSpanShape, "?end > ?length")
    misfit = index.sparql(SHAPES.EvidenceSpanShape, "STRLEN")
    for article in sorted(data.instances(IG.NewsArticle)):
        lengths = data.values(article, IG.textLength)
        text = (texts or {}).get(article)
        for evidence in sorted(data.subjects(OA.hasSource, article)):
            selectors = data.values(evidence, OA.hasSelector)
            for selector in selectors:
                for end in data.values(selector, OA.end):
                    for length in lengths:
                        if sparql_compare(end, length) == 1:
                            message = fill(beyond.message, {"end": end, "length": length})
                            yield Finding(article, beyond, SH.SPARQLConstraintComponent, None, evidence, message)
            positions = [(s, e) for p in selectors for s in data.values(p, OA.start) for e in data.values(p, OA.end)]
            quotes = [x for q in selectors for x in data.values(q, OA.exact)]
            for start, end in positions:
                first, last = number(start), number(end)
                if first is None or last is None:
                    continue
                for exact in quotes:
                    size = len(str(exact))
                    if Decimal(size) != Decimal(str(last)) - Decimal(str(first)):
                        message = fill(misfit.message, {"start": start, "end": end, "length": Literal(size)})
                        yield Finding(article, misfit, SH.SPARQLConstraintComponent, None, evidence, message)
                    elif text is not None and text[int(first):int(last)] != str(exact):
                        message = (f"The quoted words are not the article's text at {start}-{end}: oa:exact "
                                   "must be the text between oa:start and oa:end")
                        yield Finding(article, misfit, SH.SPARQLConstraintComponent, None, evidence, message)


def check_selectors(data: Index, index: ShapeIndex) -> Iterator[Finding]:
    """TextPositionSelectorShape and TextQuoteSelectorShape."""
    shape = SHAPES.TextPositionSelectorShape
    start, end = index.prop(shape, OA.start), index.prop(shape, OA.end)
    less_than = index.less_than(shape, OA.start)
    for selector in sorted(data.instances(OA.TextPositionSelector)):
        for prop, constraint in ((OA.start, start), (OA.end, end)):
            yield from count_checks(data, selector, prop, constraint, 1, 1)
            yield from datatype_checks(data, selector, prop, constraint, XSD.integer)
            yield from range_checks(data, selector, prop, constraint, 0, None)
        for first in data.values(selector, OA.start):
            for last in data.values(selector, OA.end):
                if sparql_compare(first, last) != -1:
                    yield Finding(selector, less_than, SH.LessThanConstraintComponent, OA.start, first)
    shape = SHAPES.TextQuoteSelectorShape
    exact, prefix, suffix = (index.prop(shape, p) for p in (OA.exact, OA.prefix, OA.suffix))
    for selector in sorted(data.instances(OA.TextQuoteSelector)):
        yield from count_checks(data, selector, OA.exact, exact, 1, 1)
        yield from datatype_checks(data, selector, OA.exact, exact, XSD.string, 1)
        for prop, constraint in ((OA.prefix, prefix), (OA.suffix, suffix)):
            yield from count_checks(data, selector, prop, constraint, None, 1)
            yield from datatype_checks(data, selector, prop, constraint, XSD.string)


def check_mentions(data: Index, index: ShapeIndex, hidden: set[Node]) -> Iterator[Finding]:
    """MentionShape, MentionedShape, and the evidence of the mentions pySHACL does not see
    (ExtractedNodeShape)."""
    refers = index.prop(SHAPES.MentionShape, IG.refersTo)
    evidence = index.prop(SHAPES.ExtractedNodeShape, IG.evidence)
    for mention in sorted(data.instances(IG.Mention)):
        yield from count_checks(data, mention, IG.refersTo, refers, 1, 1)
        for value in data.values(mention, IG.refersTo):
            if not any(data.is_a(value, cls) for cls in REFERABLE):
                yield Finding(mention, refers, SH.OrConstraintComponent, IG.refersTo, value)
        if mention in hidden:
            yield from count_checks(data, mention, IG.evidence, evidence, 1, None)
    mentioned = index.prop(SHAPES.MentionedShape, IG.mentions)
    for article, value in sorted(data.pairs(IG.mentions)):
        if not any(data.is_a(value, cls) for cls in REFERABLE):
            yield Finding(article, mentioned, SH.OrConstraintComponent, IG.mentions, value)


def check_typed(data: Index, index: ShapeIndex, removed_subjects: Iterable[Node]) -> Iterator[Finding]:
    """TypedNodeShape on the subjects of ig:evidence that pySHACL no longer sees."""
    typed = index.prop(SHAPES.TypedNodeShape, RDF.type)
    for subject in sorted(set(removed_subjects)):
        if not data.values(subject, RDF.type):
            yield Finding(subject, typed, SH.MinCountConstraintComponent, RDF.type)


def check_terms(data: Index, index: ShapeIndex) -> Iterator[Finding]:
    """DeclaredClassShape and DeclaredPropertyShape: every ig: class used in rdf:type is an
    owl:Class, every ig: property used is declared as a property."""
    declared_class = index.node(SHAPES.DeclaredClassShape)
    for cls in sorted(set(data.objects(RDF.type))):
        if str(cls).startswith(IG_PREFIX) and not data.is_a(cls, OWL.Class):
            yield Finding(cls, declared_class, SH.OrConstraintComponent, None, cls)
    declared_property = index.sparql(SHAPES.DeclaredPropertyShape, "?path")
    for prop in sorted(data.into):
        if str(prop).startswith(IG_PREFIX) and not any(
            kind in DECLARED_PROPERTY_KINDS for kind in data.values(prop, RDF.type)
        ):
            yield Finding(ONTOLOGY, declared_property, SH.SPARQLConstraintComponent, prop, None)


# ---------------------------------------------------------------------------- the split


def provenance_nodes(data: Index) -> set[Node]:
    """Evidence, selectors and mentions that carry no type but provenance classes."""
    candidates: set[Node] = set(data.objects(IG.evidence))
    for cls in PROVENANCE_CLASSES:
        candidates.update(data.subjects(RDF.type, cls))
    for evidence in list(candidates):
        candidates.update(data.values(evidence, OA.hasSelector))
    return {n for n in candidates if not isinstance(n, Literal)
            and all(t in PROVENANCE_CLASSES for t in data.values(n, RDF.type))}


@dataclass
class Split:
    """The triples pySHACL must see, and the subjects whose ig:evidence it does not."""

    kept: list[Triple]
    evidence_subjects: list[Node]
    nodes: set[Node]  # the provenance nodes, whose provenance triples pySHACL does not see


def split(triples: Iterable[Triple], data: Index) -> Split:
    """Leave out what the provenance checks cover: see the module's docstring."""
    nodes = provenance_nodes(data)
    kept: list[Triple] = []
    evidence_subjects: list[Node] = []
    for s, p, o in triples:
        if p == IG.mentions:
            continue
        if s in nodes and (p in PROVENANCE_PROPERTIES or (p == RDF.type and o in PROVENANCE_CLASSES)):
            if p == IG.evidence:
                evidence_subjects.append(s)
            continue
        kept.append((s, p, o))
    return Split(kept, evidence_subjects, nodes)


@cache
def shapes_for_pyshacl(shapes: Graph) -> Graph:
    """The shapes graph less :data:`PYTHON_SHAPES` (and the blank nodes only they use)."""
    dropped: set[Triple] = set()
    for shape in PYTHON_SHAPES:
        stack, seen = [shape], set()
        while stack:
            node = stack.pop()
            for triple in shapes.triples((node, None, None)):
                dropped.add(triple)
                if isinstance(triple[2], BNode) and triple[2] not in seen:
                    seen.add(triple[2])
                    stack.append(triple[2])
    rest = Graph()
    for prefix, namespace in shapes.namespaces():
        rest.bind(prefix, namespace)
    for triple in shapes:
        if triple not in dropped:
            rest.add(triple)
    return rest


def findings(
    data: Index, shapes: Graph, removed: Split, texts: dict[Node, str] | None = None
) -> list[Finding]:
    """Every result of :data:`PYTHON_SHAPES` on ``data`` (the whole merged article data)."""
    index = shape_index(shapes)
    return [
        *check_evidence(data, index),
        *check_spans(data, index, texts),
        *check_selectors(data, index),
        *check_mentions(data, index, removed.nodes),
        *check_typed(data, index, removed.evidence_subjects),
        *check_terms(data, index),
    ]


@cache
def shape_index(shapes: Graph) -> ShapeIndex:
    return ShapeIndex(shapes)


def unique(found: Iterable[Finding]) -> list[Finding]:
    """Findings without repeats (the same result found in two articles of a batch)."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for finding in found:
        key = (finding.focus, finding.constraint, finding.component, finding.path, finding.value, finding.message)
        if key not in seen:
            seen.add(key)
            out.append(finding)
    return out


def add_results(results: Graph, found: Iterable[Finding]) -> None:
    """Write findings into a pySHACL results graph as sh:ValidationResult nodes."""
    for finding in found:
        node = BNode()
        results.add((node, RDF.type, SH.ValidationResult))
        results.add((node, SH.focusNode, finding.focus))
        results.add((node, SH.sourceShape, finding.constraint.shape))
        results.add((node, SH.sourceConstraintComponent, finding.component))
        results.add((node, SH.resultSeverity, finding.constraint.severity))
        results.add((node, SH.resultMessage, Literal(finding.message or finding.constraint.message)))
        if finding.value is not None:
            results.add((node, SH.value, finding.value))
        path: Any = finding.path
        if isinstance(path, tuple):
            head = BNode()
            Collection(results, head, list(path))
            path = head
        if path is not None:
            results.add((node, SH.resultPath, path))
