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

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from rdflib import OWL, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib import RDF as RDF_NAMESPACE
from rdflib.collection import Collection
from rdflib.namespace import SH, XSD
from rdflib.term import Node

from isisgraph.namespaces import IG as IG_NAMESPACE
from isisgraph.namespaces import OA as OA_NAMESPACE
from isisgraph.ontology import ClassHierarchy
from isisgraph.terms import VOCABULARY, Terms

SHAPES = Namespace("https://w3id.org/isisgraph/shapes#")
IG_PREFIX = str(IG_NAMESPACE._NS)
ONTOLOGY = URIRef(IG_PREFIX.rstrip("#"))
IG: Any = Terms(IG_NAMESPACE)
OA: Any = Terms(OA_NAMESPACE)
RDF: Any = Terms(RDF_NAMESPACE)
TYPE = RDF.type

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
NOTHING: dict = {}  # type: ignore[type-arg]  # an empty mapping shared by every lookup that finds nothing (never written)


class Index:
    """Values by subject and property, and subjects by property and value, in plain dicts.

    ``classes`` is the class hierarchy of the TBox; the data's own rdfs:subClassOf triples
    are followed too.
    """

    def __init__(self, triples: Iterable[Triple], classes: ClassHierarchy) -> None:
        # The values of a subject's property are the keys of a dict: a set that keeps the order
        # of the triples (a list's `in` would compare rdflib terms one by one, in Python).
        self.out: dict[Node, dict[Node, dict[Node, None]]] = {}
        self.into: dict[Node, dict[Node, list[Node]]] = {}  # predicate -> object -> subjects
        # One object per IRI and blank node: a dict finds a key that *is* the term it is given
        # without calling rdflib's equality (Python code, and most of the cost of a lookup).
        # Predicates and classes share the process-wide VOCABULARY, so that the constants the
        # checks look up with are the very keys; other nodes share a table of this index.
        self.nodes: dict[Node, Node] = {}
        self._tbox = classes
        self.extend(triples)

    def iris(self) -> list[Node]:
        """Every IRI of the index: subjects, predicates, objects."""
        return [*(n for n in self.nodes if isinstance(n, URIRef)), *self.into, *self.into.get(TYPE, ())]

    def extend(self, triples: Iterable[Triple]) -> None:
        """Add ``triples`` to the index."""
        out, into = self.out, self.into
        node, word = self.nodes.setdefault, VOCABULARY.setdefault
        for s, p, o in triples:
            s, p = node(s, s), word(p, p)
            if not isinstance(o, Literal):
                o = word(o, o) if p is TYPE else node(o, o)
            by_prop = out.get(s)
            if by_prop is None:
                by_prop = out[s] = {}
            values = by_prop.get(p)
            if values is None:
                values = by_prop[p] = {}
            if o not in values:
                values[o] = None
                by_value = into.get(p)
                if by_value is None:
                    by_value = into[p] = {}
                subjects = by_value.get(o)
                if subjects is None:
                    by_value[o] = [s]
                else:
                    subjects.append(s)
        own = self.pairs(RDFS.subClassOf)
        self.classes = self._tbox.extended(own) if own else self._tbox
        self.superclasses = self.classes.superclasses

    def values(self, node: Node, prop: Node) -> dict[Node, None]:
        """The distinct values, in the order of the triples (a dict used as an ordered set)."""
        return self.out.get(node, NOTHING).get(prop, NOTHING)  # type: ignore[return-value]

    def subjects(self, prop: Node, value: Node) -> list[Node]:
        return self.into.get(prop, {}).get(value, [])

    def objects(self, prop: Node) -> list[Node]:
        return list(self.into.get(prop, {}))

    def pairs(self, prop: Node) -> list[tuple[Node, Node]]:
        return [(s, o) for o, subjects in self.into.get(prop, {}).items() for s in subjects]

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
        return next(iter(self.index.values(subject, predicate)), None)

    def subjects(self, predicate: Node, obj: Node) -> Iterator[Node]:
        return iter(self.index.subjects(predicate, obj))

    def subject_objects(self, predicate: Node) -> Iterator[tuple[Node, Node]]:
        return iter(self.index.pairs(predicate))

    def __contains__(self, triple: Triple) -> bool:
        s, p, o = triple
        return o in self.index.values(s, p)


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
    if type(a) is int and type(b) is int:  # the usual case: two offsets, exact as they are
        return (a > b) - (a < b)
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


@cache
def integer_literal(value: int) -> Literal:
    return Literal(value)


def range_checks(
    data: Index, focus: Node, prop: URIRef, constraint: Constraint, low: int | None, high: int | None
) -> Iterator[Finding]:
    for value in data.values(focus, prop):
        if low is not None:
            order = sparql_compare(value, integer_literal(low))
            if order is None or order < 0:
                yield Finding(focus, constraint, SH.MinInclusiveConstraintComponent, prop, value)
        if high is not None:
            order = sparql_compare(value, integer_literal(high))
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
    news: dict[Node, bool] = {}  # whether a source is an ig:NewsArticle (all evidence of an article shares one)
    for evidence in sorted(objects | data.instances(IG.Evidence)):
        if plain_evidence(data, evidence, news):
            continue  # the usual case, which none of the checks below would find anything in
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
        if plain_span(data.values(selector, OA.start), data.values(selector, OA.end)):
            continue  # the usual case, which none of the checks below would find anything in
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
        values = data.values(selector, OA.exact)
        if (len(values) == 1 and plain_string(*values, 1) and plain_strings(data.values(selector, OA.prefix))
                and plain_strings(data.values(selector, OA.suffix))):
            continue  # the usual case, which none of the checks below would find anything in
        yield from count_checks(data, selector, OA.exact, exact, 1, 1)
        yield from datatype_checks(data, selector, OA.exact, exact, XSD.string, 1)
        for prop, constraint in ((OA.prefix, prefix), (OA.suffix, suffix)):
            yield from count_checks(data, selector, prop, constraint, None, 1)
            yield from datatype_checks(data, selector, prop, constraint, XSD.string)


XSD_INTEGER, XSD_DECIMAL = XSD.integer, XSD.decimal


def plain_evidence(data: Index, evidence: Node, news: dict[Node, bool]) -> bool:
    """Whether an evidence certainly conforms to EvidenceShape (what emission always writes):
    one source, an ig:NewsArticle; two selectors, a position and a quote selector; one
    well-formed xsd:decimal confidence from 0 to 1; one extractor, a non-empty plain string."""
    sources = data.values(evidence, OA.hasSource)
    if len(sources) != 1:
        return False
    (source,) = sources
    known = news.get(source)
    if known is None:
        known = news[source] = data.is_a(source, IG.NewsArticle)
    selectors = data.values(evidence, OA.hasSelector)
    if not known or len(selectors) != 2:
        return False
    kinds = {kind for selector in selectors for kind in data.values(selector, RDF.type)}
    if OA.TextPositionSelector not in kinds or OA.TextQuoteSelector not in kinds:
        return False
    confidences, extractors = data.values(evidence, IG.confidence), data.values(evidence, IG.extractor)
    if len(confidences) != 1 or len(extractors) != 1:
        return False
    (confidence,), (extractor,) = confidences, extractors
    if type(confidence) is not Literal or confidence.datatype != XSD_DECIMAL or confidence.ill_typed:
        return False
    value = confidence.value
    return type(value) is Decimal and value.is_finite() and 0 <= value <= 1 and plain_string(extractor, 1)


def plain_span(starts: dict[Node, None], ends: dict[Node, None]) -> bool:
    """Whether a position selector's offsets are certainly valid: one well-formed xsd:integer
    start of 0 or more, one end, the start before the end (what emission always writes)."""
    if len(starts) != 1 or len(ends) != 1:
        return False
    (first,), (last,) = starts, ends
    if type(first) is not Literal or type(last) is not Literal:
        return False
    if first.datatype != XSD_INTEGER or last.datatype != XSD_INTEGER or first.ill_typed or last.ill_typed:
        return False
    a, b = first.value, last.value
    return type(a) is int and type(b) is int and 0 <= a < b


def plain_string(value: Node, min_length: int = 0) -> bool:
    """Whether ``value`` is a well-formed xsd:string literal (no language) of at least
    ``min_length`` characters: what ``datatype_checks(..., XSD.string, min_length)`` accepts."""
    return (type(value) is Literal and value.datatype is None and not value.language and not value.ill_typed
            and len(value) >= min_length)


def plain_strings(values: dict[Node, None]) -> bool:
    """At most one value, a plain string (oa:prefix, oa:suffix)."""
    return len(values) <= 1 and all(plain_string(value) for value in values)


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
def shapes_for_pyshacl(shapes: Graph, also_without: frozenset[Node] = frozenset()) -> Graph:
    """The shapes graph less :data:`PYTHON_SHAPES` and ``also_without`` (and the blank nodes
    only they use; named shapes they point at with sh:node stay), and less the property-pair
    constraints checked here (:func:`pair_checks`)."""
    dropped: set[Triple] = set()
    for shape in PYTHON_SHAPES | also_without:
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
    for node in also_without:  # a property shape cleared on its own: its shape no longer points at it
        dropped.update(shapes.triples((None, SH.property, node)))
    for triple in without_pairs(shapes):
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


def hand_findings(data: Index, shapes: Graph, texts: dict[Node, str] | None = None) -> list[Finding]:
    """Every result of :data:`PYTHON_SHAPES` on the whole data, when no split hides anything
    from the other shapes (so ExtractedNodeShape and TypedNodeShape see every node there)."""
    index = shape_index(shapes)
    return [
        *check_evidence(data, index),
        *check_spans(data, index, texts),
        *check_selectors(data, index),
        *check_mentions(data, index, set()),
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


# ---------------------------------------------------------------------------- the gate
#
# The shapes left to pySHACL are mostly counts, datatypes, sh:class and sh:node on the values
# of one property, and pySHACL evaluates every one of them once per focus node and every nested
# shape once per value node (a sh:node per concept value): most of its time, for data that
# nearly always conforms. The gate decides in Python, from the shapes graph itself, whether a
# shape *certainly* gives no result on the data; only the shapes it cannot clear are left to
# pySHACL, which then writes their results exactly as before (messages, sh:detail, the source
# shapes). A check here may only answer "conforms" when pySHACL would find nothing: every
# doubt (an unknown constraint, a value it cannot compare) is answered "may not conform",
# which costs time, never a result. Shapes with a constraint the gate does not know (SPARQL,
# qualified value shapes, path expressions, sh:not ...) always run in pySHACL.

Check = Callable[[Index, Node], bool]  # True only when the node certainly conforms
TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
ANNOTATIONS = frozenset({SH.message, SH.severity, SH.name, SH.description, RDFS.comment, RDFS.label, SH.order,
                         SH.group})
VALUE_PARAMETERS = frozenset({SH["class"], SH.datatype, SH.nodeKind, SH.minLength, SH.minInclusive,
                              SH.maxInclusive, SH.node, SH["or"]})
NODE_PARAMETERS = VALUE_PARAMETERS | ANNOTATIONS | {RDF.type, SH.property, SH.hasValue, *TARGETS}
PROPERTY_PARAMETERS = VALUE_PARAMETERS | ANNOTATIONS | {RDF.type, SH.path, SH.minCount, SH.maxCount,
                                                        SH.hasValue, SH.disjoint, SH.lessThanOrEquals}
SHAPE_TYPES = frozenset({SH.NodeShape, SH.PropertyShape})
MAX_NESTING = 8


class Unsupported(Exception):
    """A shape the gate cannot decide: pySHACL always runs it."""


@dataclass(frozen=True)
class GatedShape:
    """A top-level shape the gate can decide: its targets and its check."""

    node: Node
    targets: tuple[tuple[Node, Node], ...]
    check: Check

    def focus_nodes(self, data: Index) -> set[Node]:
        """The focus nodes as pySHACL finds them (sh:targetClass through rdfs:subClassOf*)."""
        return focus_nodes(self.targets, data)

    def may_have_results(self, data: Index) -> bool:
        check = self.check
        return not all(check(data, node) for node in self.focus_nodes(data))


def _string_of(value: Node) -> str:
    """The string pySHACL's string constraints compare (its ``value_node_to_string``)."""
    if isinstance(value, Literal) and value.value is not None and value.datatype in (None, RDF.langString, XSD.string):
        return str(value.value)
    return str(value)


def _datatype_conforms(value: Node, datatype: Node) -> bool:
    """sh:datatype as pySHACL decides it, including its check of the Python value."""
    if not isinstance(value, Literal):
        return False
    if value.datatype == datatype:
        if getattr(value, "ill_typed", None) is True:
            return False
    elif datatype == RDFS.Literal or (datatype == RDFS.Datatype and value.datatype):
        return True
    elif not (value.datatype is None and value.language is None and datatype == XSD.string) and not (
        datatype == RDF.langString and value.language
    ):
        return False
    python = value.value
    if datatype in (XSD.string, RDF.langString):
        return isinstance(python, (str, bytes))
    expected = {XSD.integer: int, XSD.float: float, XSD.decimal: Decimal, XSD.boolean: bool,
                XSD.date: dt.date, XSD.time: dt.time, XSD.dateTime: dt.datetime}.get(datatype)  # type: ignore[arg-type]
    return expected is None or isinstance(python, expected)


NODE_KINDS = {
    "bnode": frozenset({SH.BlankNode, SH.BlankNodeOrLiteral, SH.BlankNodeOrIRI}),
    "literal": frozenset({SH.Literal, SH.BlankNodeOrLiteral, SH.IRIOrLiteral}),
    "iri": frozenset({SH.IRI, SH.IRIOrLiteral, SH.BlankNodeOrIRI}),
}


def _node_kind_conforms(value: Node, kind: Node) -> bool:
    if isinstance(value, BNode):
        return kind in NODE_KINDS["bnode"]
    if isinstance(value, Literal):
        return kind in NODE_KINDS["literal"]
    return kind in NODE_KINDS["iri"]


def _at_least(value: Node, bound: Node) -> bool:
    a, b = number(value), number(bound)
    return a is not None and b is not None and Decimal(str(a)) >= Decimal(str(b))


def _at_most(value: Node, bound: Node) -> bool:
    a, b = number(value), number(bound)
    return a is not None and b is not None and Decimal(str(a)) <= Decimal(str(b))


def _ordered(value: Node, bound: Node) -> bool:
    """sh:lessThanOrEquals, for the pairs the gate can decide: two well-formed dates or two
    whole numbers (pySHACL compares their Python values)."""
    if not (isinstance(value, Literal) and isinstance(bound, Literal)):
        return False
    if getattr(value, "ill_typed", False) or getattr(bound, "ill_typed", False):
        return False
    a, b = value.value, bound.value
    if value.datatype == bound.datatype == XSD.date and type(a) is dt.date and type(b) is dt.date:
        return a <= b
    if value.datatype == bound.datatype == XSD.integer and type(a) is int and type(b) is int:
        return a <= b
    return False


class GateCompiler:
    """Turns shapes of the shapes graph into checks, or raises :class:`Unsupported`."""

    def __init__(self, shapes: Graph) -> None:
        self.shapes = shapes

    def _only(self, node: Node, allowed: frozenset[Node]) -> None:
        for p, o in self.shapes.predicate_objects(node):
            if p not in allowed:
                raise Unsupported(f"{p} on {node}")
            if p == RDF.type and o not in SHAPE_TYPES:
                raise Unsupported(f"{node} is a {o}")  # an implicit class target

    def _one(self, node: Node, prop: Node) -> Node | None:
        values = list(self.shapes.objects(node, prop))
        if len(values) > 1:
            raise Unsupported(f"two {prop} on {node}")
        return values[0] if values else None

    def _count(self, node: Node, prop: Node) -> int | None:
        value = self._one(node, prop)
        if value is None:
            return None
        if not isinstance(value, Literal) or not isinstance(value.value, int) or isinstance(value.value, bool):
            raise Unsupported(f"{prop} {value}")
        return value.value

    def shape(self, node: Node, depth: int = 0) -> Check:
        """A node shape, or a property shape when it has a sh:path (as in a sh:or member)."""
        if depth > MAX_NESTING:
            raise Unsupported(f"{node} nests too deep")
        if (node, SH.path, None) in self.shapes:
            return self.property(node, depth)
        self._only(node, NODE_PARAMETERS)
        value_checks = self.values(node, depth)
        expected = list(self.shapes.objects(node, SH.hasValue))
        properties = [self.property(prop, depth + 1) for prop in self.shapes.objects(node, SH.property)]

        def check(data: Index, focus: Node) -> bool:
            return (all(focus == value for value in expected)
                    and all(value_check(data, focus) for value_check in value_checks)
                    and all(prop_check(data, focus) for prop_check in properties))
        return check

    def property(self, node: Node, depth: int) -> Check:
        self._only(node, PROPERTY_PARAMETERS)
        path = self._one(node, SH.path)
        if not isinstance(path, URIRef):
            raise Unsupported(f"the path of {node}")  # sequence, inverse ... paths
        low, high = self._count(node, SH.minCount), self._count(node, SH.maxCount)
        value_checks = self.values(node, depth)
        expected = list(self.shapes.objects(node, SH.hasValue))
        disjoint = list(self.shapes.objects(node, SH.disjoint))
        at_most = list(self.shapes.objects(node, SH.lessThanOrEquals))
        if not all(isinstance(other, URIRef) for other in disjoint + at_most):
            raise Unsupported(f"sh:disjoint or sh:lessThanOrEquals of {node}")

        def check(data: Index, focus: Node) -> bool:
            values = data.values(focus, path)
            if (low is not None and len(values) < low) or (high is not None and len(values) > high):
                return False
            if any(value not in values for value in expected):
                return False
            if any(set(values) & set(data.values(focus, other)) for other in disjoint):
                return False
            if any(not _ordered(value, bound) for other in at_most for value in values
                   for bound in data.values(focus, other)):
                return False
            return all(value_check(data, value) for value in values for value_check in value_checks)
        return check

    def values(self, node: Node, depth: int) -> list[Check]:
        """The checks each value node must pass: sh:class, sh:datatype, sh:node, sh:or ..."""
        checks: list[Check] = []
        for p, o in self.shapes.predicate_objects(node):
            if p == SH["class"]:
                checks.append(lambda data, v, cls=o: not isinstance(v, Literal) and data.is_a(v, cls))
            elif p == SH.datatype:
                checks.append(lambda data, v, datatype=o: _datatype_conforms(v, datatype))
            elif p == SH.nodeKind:
                checks.append(lambda data, v, kind=o: _node_kind_conforms(v, kind))
            elif p == SH.minLength:
                if not isinstance(o, Literal) or not isinstance(o.value, int) or o.value < 0:
                    raise Unsupported(f"sh:minLength {o}")
                checks.append(lambda data, v, n=o.value: n == 0 or (not isinstance(v, BNode)
                                                                    and len(_string_of(v)) >= n))
            elif p == SH.minInclusive:
                checks.append(lambda data, v, bound=o: _at_least(v, bound))
            elif p == SH.maxInclusive:
                checks.append(lambda data, v, bound=o: _at_most(v, bound))
            elif p == SH.node:
                checks.append(self.shape(o, depth + 1))
            elif p == SH["or"]:
                if not isinstance(o, BNode) or (o, RDF.first, None) not in self.shapes:
                    raise Unsupported(f"sh:or of {node}")
                members = [self.shape(member, depth + 1) for member in Collection(self.shapes, o)]
                checks.append(lambda data, v, members=members: any(m(data, v) for m in members))
        return checks


@cache
def gated_shapes(shapes: Graph) -> tuple[GatedShape, ...]:
    """Every top-level shape (one with a target) besides :data:`PYTHON_SHAPES` that the gate
    can decide."""
    compiler = GateCompiler(shapes)
    tops = {s for target in TARGETS for s in shapes.subjects(target, None)} - PYTHON_SHAPES
    gated = []
    for node in sorted(tops, key=str):
        try:
            check = compiler.shape(node)
        except Unsupported:
            continue
        targets = tuple((t, v) for t in TARGETS for v in shapes.objects(node, t))
        gated.append(GatedShape(node, targets, check))
    return tuple(gated)


@cache
def gated_constraints(shapes: Graph) -> tuple[GatedShape, ...]:
    """The property shapes the gate can decide one by one in the top-level shapes it cannot
    decide whole (those with a SPARQL constraint, say): each is a GatedShape with the targets of
    its shape. Only the property shapes of a shape no other shape nests, each under one shape:
    dropping one from pySHACL's view then changes nothing but that property shape's results."""
    compiler = GateCompiler(shapes)
    whole = {g.node for g in gated_shapes(shapes)}
    tops = {s for target in TARGETS for s in shapes.subjects(target, None)} - PYTHON_SHAPES - whole
    gated = []
    for top in sorted(tops, key=str):
        if (None, None, top) in shapes or (top, SH.deactivated, None) in shapes:
            continue
        targets = tuple((t, v) for t in TARGETS for v in shapes.objects(top, t))
        for prop in shapes.objects(top, SH.property):
            if len(list(shapes.subjects(None, prop))) != 1:
                continue
            try:
                check = compiler.property(prop, 1)
            except Unsupported:
                continue
            gated.append(GatedShape(prop, targets, check))
    return tuple(gated)


def cleared_shapes(data: Index, shapes: Graph) -> frozenset[Node]:
    """The gated shapes, and the gated property shapes of the others, that certainly give no
    result on ``data``: pySHACL need not run them."""
    focus: dict[tuple[tuple[Node, Node], ...], set[Node]] = {}
    cleared = set()
    for gated in (*gated_shapes(shapes), *gated_constraints(shapes)):
        nodes = focus.get(gated.targets)
        if nodes is None:
            nodes = focus[gated.targets] = gated.focus_nodes(data)
        check = gated.check
        if all(check(data, node) for node in nodes):
            cleared.add(gated.node)
    return frozenset(cleared)


# ---------------------------------------------------------------------------- property pairs
#
# sh:lessThan and sh:lessThanOrEquals are never left to pySHACL: it compares the two values with
# Python's operators on rdflib Literals, which raise TypeError for a pair it cannot order (an
# ill-formed xsd:date such as "2017-13-45" beside a well-formed one) and a ReportableRuntimeError
# for a blank node, and either would end the whole validation with a traceback. Here the pairs
# are compared exactly as pySHACL compares them; a pair it would crash on gives a result when it
# cannot be ordered (SHACL: "or where the two values cannot be compared"), except when one of
# the two is an ill-formed literal: that literal is a datatype violation of its own shape
# (sh:datatype), and "the period starts after it ends" would only repeat it in wrong words.

PAIR_COMPONENTS = {SH.lessThan: SH.LessThanConstraintComponent,
                   SH.lessThanOrEquals: SH.LessThanOrEqualsConstraintComponent}


@dataclass(frozen=True)
class PairCheck:
    """One sh:lessThan(OrEquals) of a property shape of a top-level shape."""

    targets: tuple[tuple[Node, Node], ...]
    constraint: Constraint  # the property shape, its message and severity
    path: URIRef
    parameter: URIRef  # sh:lessThan or sh:lessThanOrEquals
    other: URIRef


def focus_nodes(targets: Iterable[tuple[Node, Node]], data: Index) -> set[Node]:
    """The focus nodes of a shape's targets as pySHACL finds them (sh:targetClass through
    rdfs:subClassOf*)."""
    found: set[Node] = set()
    for kind, value in targets:
        if kind == SH.targetClass:
            found |= data.instances(value)
        elif kind == SH.targetNode:
            found.add(value)
        elif kind == SH.targetSubjectsOf:
            found.update(s for subjects in data.into.get(value, {}).values() for s in subjects)
        else:
            found.update(data.into.get(value, {}))
    return found


@cache
def pair_checks(shapes: Graph) -> tuple[PairCheck, ...]:
    """The property-pair constraints checked here instead of by pySHACL: those of a property
    shape (with a single IRI path) of a top-level shape that no other shape nests; any other
    stays with pySHACL."""
    words = shape_index(shapes)
    found = []
    tops = {s for target in TARGETS for s in shapes.subjects(target, None)} - PYTHON_SHAPES
    for top in sorted(tops, key=str):
        if (None, None, top) in shapes or (top, SH.deactivated, None) in shapes:
            continue  # nested in another shape (sh:node, sh:or ...): pySHACL evaluates it there too
        targets = tuple((t, v) for t in TARGETS for v in shapes.objects(top, t))
        for prop in shapes.objects(top, SH.property):
            paths = list(shapes.objects(prop, SH.path))
            if len(paths) != 1 or not isinstance(paths[0], URIRef) or (prop, SH.deactivated, None) in shapes:
                continue
            if len(list(shapes.subjects(None, prop))) != 1:
                continue  # the same property shape under two shapes
            for parameter in PAIR_COMPONENTS:
                for other in shapes.objects(prop, parameter):
                    if isinstance(other, URIRef):
                        constraint = Constraint(prop, words._message(prop), words._severity(prop))
                        found.append(PairCheck(targets, constraint, paths[0], parameter, other))  # type: ignore[arg-type]
    return tuple(found)


def _comparable_form(value: Node) -> tuple[Any, bool]:
    """What pySHACL compares and whether it is a string (an IRI, or a literal whose value is one)."""
    if isinstance(value, URIRef):
        return str(value), True
    if isinstance(value, Literal) and isinstance(value.value, str):
        return value.value, True
    return value, False


def _is_ill_formed(value: Node) -> bool:
    return isinstance(value, Literal) and getattr(value, "ill_typed", False) is True


def pair_conforms(value: Node, bound: Node, strict: bool) -> bool | None:
    """Whether ``value`` < (``strict``) or <= ``bound`` as pySHACL decides it; None when the
    pair is left out because one of them is an ill-formed literal that cannot be ordered."""
    if isinstance(value, BNode) or isinstance(bound, BNode):
        return False  # pySHACL raises; SHACL: values that cannot be compared give a result
    a, a_is_string = _comparable_form(value)
    b, b_is_string = _comparable_form(bound)
    if a_is_string != b_is_string:
        return False
    try:
        return bool(a < b) if strict else bool(a <= b)
    except TypeError:
        if _is_ill_formed(value) or _is_ill_formed(bound):
            return None
        return False


def check_pairs(data: Index, shapes: Graph) -> list[Finding]:
    """The results of the property-pair constraints of :func:`pair_checks` on ``data``, one per
    pair that is not in order (as pySHACL gives them, repeats included)."""
    found = []
    for pair in pair_checks(shapes):
        strict = pair.parameter == SH.lessThan
        for focus in sorted(focus_nodes(pair.targets, data)):
            bounds = data.values(focus, pair.other)
            for value in data.values(focus, pair.path):
                for bound in bounds:
                    if pair_conforms(value, bound, strict) is False:
                        found.append(Finding(focus, pair.constraint, PAIR_COMPONENTS[pair.parameter],
                                             pair.path, value))
    return found


@cache
def without_pairs(shapes: Graph) -> Graph:
    """``shapes`` less the constraints of :func:`pair_checks` (pySHACL's part of them)."""
    dropped = {(p.constraint.shape, p.parameter, p.other) for p in pair_checks(shapes)}
    rest = Graph()
    for prefix, namespace in shapes.namespaces():
        rest.bind(prefix, namespace)
    for triple in shapes:
        if triple not in dropped:
            rest.add(triple)
    return rest
