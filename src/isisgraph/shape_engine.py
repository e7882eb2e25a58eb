"""Every shape of ``ontology/shapes.ttl`` evaluated in Python, giving pySHACL's results.

:mod:`isisgraph.python_shapes` checks the provenance and closed-world shapes by hand and
*gates* the others (it can only say that a shape certainly has no result). This module
evaluates the other shapes themselves, from the shapes graph: each top-level shape (one
with a target) is compiled into Python checks that give the results pySHACL gives (one per
value node for value constraints, one per focus node for counts, the shape's message and
severity, the value and path). The SPARQL constraints of the file are recognised by their
query text, each with a Python twin written from its query; a query that differs in any
way from the one the twin was written for is not recognised.

Whatever cannot be compiled (a constraint component, path or query this module does not
know) raises :class:`Unsupported`: that shape is left to pySHACL, never silently unchecked.
While evaluating, a value the Python side cannot decide exactly as pySHACL does (a
comparison of an ill-formed literal, say) raises :class:`Doubt`: that shape is then run by
pySHACL on that batch. So a result here is one pySHACL would give, and a shape is either
evaluated here or by pySHACL.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from pyshacl.rdfutil.compare import compare_literal
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import PROV, SH
from rdflib.term import Node

from isisgraph.python_shapes import (
    ANNOTATIONS,
    IG,
    OA,
    PAIR_COMPONENTS,
    PYTHON_SHAPES,
    RDF,
    SHAPE_TYPES,
    TARGETS,
    Constraint,
    Finding,
    Index,
    Unsupported,
    _datatype_conforms,
    _node_kind_conforms,
    _string_of,
    fill,
    focus_nodes,
    number,
    pair_checks,
    pair_conforms,
    sparql_compare,
)
from isisgraph.terms import term

GEO = "http://www.opengis.net/ont/geosparql#"
WKT_PATH = (term(URIRef(GEO + "hasGeometry")), term(URIRef(GEO + "asWKT")))
PROV_DERIVED = term(PROV.wasDerivedFrom)
TRUE = Literal(True)
MAX_NESTING = 8


class Doubt(Exception):
    """The data holds a value the Python evaluation cannot decide as pySHACL would."""


Path = URIRef | tuple[URIRef, ...]
Results = Callable[[Index, Node], list[Finding]]  # a focus node's results for one constraint


def path_values(data: Index, focus: Node, path: Path) -> dict[Node, None]:
    """The value nodes of ``path`` (a property or a sequence of properties), distinct."""
    if isinstance(path, URIRef):
        return data.values(focus, path)
    nodes: dict[Node, None] = {focus: None}
    for step in path:
        nodes = {value: None for node in nodes for value in data.values(node, step)}
    return nodes


def _compare_bound(value: Node, bound: Literal, inclusive_low: bool) -> bool:
    """sh:minInclusive (``inclusive_low``) or sh:maxInclusive of ``value``, as pySHACL decides
    it (its value-range components, with its own ``compare_literal``)."""
    if not isinstance(value, Literal):
        return False  # IRIs and blank nodes never pass a range
    a, b = value.value, bound.value
    if isinstance(a, str) != isinstance(b, str):
        return False
    if type(a) in (int, Decimal) and type(b) in (int, Decimal):  # the usual case, decided the same way
        return a >= b if inclusive_low else a <= b
    try:
        order = compare_literal(value, bound)
    except (TypeError, NotImplementedError):
        return False
    return order >= 0 if inclusive_low else order <= 0


# ---------------------------------------------------------------------------- SPARQL twins
#
# Each twin gives the rows of its query for one focus node: (value or None, message bindings).


def _strike_period(data: Index, this: Node) -> list[tuple[Node | None, dict[str, Node]]]:
    dated = data.values(this, IG.startDate) and data.values(this, IG.endDate)
    if dated or data.values(this, IG.dateText) or data.values(this, IG.partOfReport):
        return []
    return [(None, {})]


def _breakdown_above_total(data: Index, this: Node) -> list[tuple[Node | None, dict[str, Node]]]:
    rows: list[tuple[Node | None, dict[str, Node]]] = []
    for value in data.values(this, IG.strikeCount):
        for whole in data.values(this, IG.partOfReport):
            for total in data.values(whole, IG.strikeCount):
                if number(value) is None or number(total) is None:
                    raise Doubt(f"{value!r} > {total!r}")  # SPARQL's order of other terms: pySHACL's
                row = (value, {"total": total})
                if sparql_compare(value, total) == 1 and row not in rows:
                    rows.append(row)
    return rows


def _part_of_itself(data: Index, this: Node) -> list[tuple[Node | None, dict[str, Node]]]:
    return [(None, {})] if this in data.values(this, IG.partOfReport) else []


def _resolved_without_point(data: Index, this: Node) -> list[tuple[Node | None, dict[str, Node]]]:
    if TRUE not in data.values(this, IG.resolved):
        return []
    has_id = bool(data.values(this, IG.geonamesId))
    has_point = bool(path_values(data, this, WKT_PATH))
    return [] if has_id and has_point else [(None, {})]


def _cited_but_not_derived(data: Index, this: Node) -> list[tuple[Node | None, dict[str, Node]]]:
    if not data.subjects(OA.hasSource, this):
        return []
    derived = data.subjects(PROV_DERIVED, this)
    if any(IG.ExtractionGraph in data.values(graph, RDF.type) for graph in derived):
        return []
    return [(None, {})]


def _normal(query: str) -> str:
    return " ".join(query.split())


SPARQL_TWINS: dict[str, Callable[[Index, Node], list[tuple[Node | None, dict[str, Node]]]]] = {
    _normal("""
            SELECT $this WHERE {
                FILTER NOT EXISTS { $this ig:startDate ?start ; ig:endDate ?end }
                FILTER NOT EXISTS { $this ig:dateText ?text }
                FILTER NOT EXISTS { $this ig:partOfReport ?total }
            }"""): _strike_period,
    _normal("""
            SELECT $this ?value ?total WHERE {
                $this ig:strikeCount ?value ; ig:partOfReport ?whole .
                ?whole ig:strikeCount ?total .
                FILTER (?value > ?total)
            }"""): _breakdown_above_total,
    _normal("""SELECT $this WHERE { $this ig:partOfReport $this . }"""): _part_of_itself,
    _normal("""
            SELECT $this WHERE {
                $this ig:resolved true .
                FILTER (NOT EXISTS { $this ig:geonamesId ?id }
                        || NOT EXISTS { $this geo:hasGeometry/geo:asWKT ?wkt })
            }"""): _resolved_without_point,
    _normal("""
            SELECT $this WHERE {
                FILTER EXISTS { ?evidence oa:hasSource $this }
                FILTER NOT EXISTS { ?graph a ig:ExtractionGraph ; prov:wasDerivedFrom $this }
            }"""): _cited_but_not_derived,
}
# The prefixes the twins' queries assume (the shapes file declares them with sh:declare).
TWIN_PREFIXES = {"ig": str(IG._NS), "oa": "http://www.w3.org/ns/oa#", "prov": "http://www.w3.org/ns/prov#",
                 "geo": GEO}


# ---------------------------------------------------------------------------- the compiler


VALUE_PARAMETERS = frozenset({SH["class"], SH.datatype, SH.nodeKind, SH.minLength, SH.pattern, SH.minInclusive,
                              SH.maxInclusive, SH.node, SH["or"], SH["not"], SH.languageIn})
SHAPE_PARAMETERS = VALUE_PARAMETERS | ANNOTATIONS | {RDF.type, SH.property, SH.hasValue, SH.sparql, *TARGETS}
PROPERTY_PARAMETERS = VALUE_PARAMETERS | ANNOTATIONS | {
    RDF.type, SH.path, SH.minCount, SH.maxCount, SH.hasValue, SH.disjoint, SH.lessThan, SH.lessThanOrEquals,
    SH.qualifiedValueShape, SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.uniqueLang, SH.sparql}
SPARQL_PARAMETERS = frozenset({RDF.type, SH.prefixes, SH.message, SH.select})
COMPONENTS = {
    SH["class"]: SH.ClassConstraintComponent, SH.datatype: SH.DatatypeConstraintComponent,
    SH.nodeKind: SH.NodeKindConstraintComponent, SH.minLength: SH.MinLengthConstraintComponent,
    SH.pattern: SH.PatternConstraintComponent, SH.minInclusive: SH.MinInclusiveConstraintComponent,
    SH.maxInclusive: SH.MaxInclusiveConstraintComponent, SH.node: SH.NodeConstraintComponent,
    SH["or"]: SH.OrConstraintComponent, SH["not"]: SH.NotConstraintComponent,
    SH.languageIn: SH.LanguageInConstraintComponent,
}
ValueTest = Callable[[Index, Node], bool]  # whether one value node passes one constraint
NESTED = Constraint(SH.NodeShape, "", SH.Violation)  # a nested shape's results only decide conformance


@dataclass(frozen=True)
class CompiledShape:
    """A top-level shape: its targets and its checks, giving every result for a focus node."""

    node: Node
    targets: tuple[tuple[Node, Node], ...]
    checks: tuple[Results, ...]

    def results(self, data: Index) -> list[Finding]:
        found: list[Finding] = []
        for focus in sorted(focus_nodes(self.targets, data), key=str):
            for check in self.checks:
                found.extend(check(data, focus))
        return found


class Compiler:
    """Turns the shapes of a shapes graph into checks, or raises :class:`Unsupported`."""

    def __init__(self, shapes: Graph, skip: frozenset[tuple[Node, Node, Node]] = frozenset()) -> None:
        self.shapes = shapes
        self.skip = skip  # constraints evaluated elsewhere (the property pairs of python_shapes)

    def _objects(self, node: Node, prop: Node) -> list[Node]:
        return list(self.shapes.objects(node, prop))

    def _one(self, node: Node, prop: Node) -> Node | None:
        values = self._objects(node, prop)
        if len(values) > 1:
            raise Unsupported(f"two {prop} on {node}")
        return values[0] if values else None

    def _integer(self, node: Node, prop: Node) -> int | None:
        value = self._one(node, prop)
        if value is None:
            return None
        if not isinstance(value, Literal) or type(value.value) is not int:
            raise Unsupported(f"{prop} {value}")
        return value.value

    def _check_parameters(self, node: Node, allowed: frozenset[Node]) -> None:
        for p, o in self.shapes.predicate_objects(node):
            if p not in allowed:
                raise Unsupported(f"{p} on {node}")
            if p == RDF.type and o not in SHAPE_TYPES:
                raise Unsupported(f"{node} is a {o}")  # an implicit class target

    def _constraint(self, node: Node) -> Constraint:
        messages = self._objects(node, SH.message)
        if len(messages) != 1 or not isinstance(messages[0], Literal) or "{" in str(messages[0]):
            raise Unsupported(f"the message of {node}")  # pySHACL's own wording, or a template
        return Constraint(node, str(messages[0]), self._one(node, SH.severity) or SH.Violation)

    def _path(self, node: Node) -> Path:
        path = self._one(node, SH.path)
        if isinstance(path, URIRef):
            return term(path)  # type: ignore[return-value]
        if isinstance(path, BNode) and (path, RDF.first, None) in self.shapes:
            steps = tuple(Collection(self.shapes, path))
            if steps and all(isinstance(step, URIRef) for step in steps):
                return tuple(term(step) for step in steps)  # type: ignore[return-value]
        raise Unsupported(f"the path of {node}")

    def top(self, node: Node) -> CompiledShape:
        """A shape with targets, with its results as pySHACL gives them."""
        if (node, SH.path, None) in self.shapes:
            raise Unsupported(f"{node}: a property shape with targets")
        self._check_parameters(node, SHAPE_PARAMETERS)
        targets = tuple((t, term(v)) for t in TARGETS for v in self.shapes.objects(node, t))
        checks: list[Results] = []
        value_tests = self.value_tests(node, 0)
        expected = self._objects(node, SH.hasValue)
        if value_tests or expected:
            checks.append(self._node_results(node, value_tests, expected))
        for sparql in self._objects(node, SH.sparql):
            checks.append(self._sparql_results(node, sparql))
        for prop in self._objects(node, SH.property):
            checks.extend(self.property_results(prop, 1))
        return CompiledShape(node, targets, tuple(checks))

    def _node_results(self, node: Node, value_tests: list[tuple[Node, ValueTest]], expected: list[Node]) -> Results:
        constraint = self._constraint(node)

        def results(data: Index, focus: Node) -> list[Finding]:
            found = [Finding(focus, constraint, SH.HasValueConstraintComponent) for v in expected if focus != v]
            found.extend(Finding(focus, constraint, COMPONENTS[parameter], None, focus)
                         for parameter, test in value_tests if not test(data, focus))
            return found
        return results

    def _sparql_results(self, shape: Node, sparql: Node) -> Results:
        for p, o in self.shapes.predicate_objects(sparql):
            if p not in SPARQL_PARAMETERS or (p == RDF.type and o != SH.SPARQLConstraint):
                raise Unsupported(f"{p} on the SPARQL constraint of {shape}")
        declared = {str(self.shapes.value(d, SH.prefix)): str(self.shapes.value(d, SH.namespace))
                    for prefixes in self._objects(sparql, SH.prefixes)
                    for d in self.shapes.objects(prefixes, SH.declare)}
        if any(declared.get(prefix) != namespace for prefix, namespace in TWIN_PREFIXES.items()):
            raise Unsupported(f"the prefixes of {sparql}")
        twin = SPARQL_TWINS.get(_normal(str(self._one(sparql, SH.select) or "")))
        if twin is None:
            raise Unsupported(f"the SPARQL query of {shape}")
        if (shape, SH.message, None) in self.shapes:
            raise Unsupported(f"{shape} has a message of its own beside its SPARQL constraint")
        message = str(self._one(sparql, SH.message) or "")
        constraint = Constraint(shape, message, self._one(shape, SH.severity) or SH.Violation)

        def results(data: Index, focus: Node) -> list[Finding]:
            found = []
            for value, bindings in twin(data, focus):
                words = fill(message, {"this": focus, "value": value, **bindings}) if value is not None else None
                found.append(Finding(focus, constraint, SH.SPARQLConstraintComponent, None,
                                     focus if value is None else value, words))
            return found
        return results

    def property_results(self, node: Node, depth: int, nested: bool = False) -> list[Results]:
        """The checks of a property shape, each giving its results for a focus node (a nested
        one's results only say whether a value conforms: their words do not matter)."""
        self._check_parameters(node, PROPERTY_PARAMETERS)
        if self._objects(node, SH.sparql):
            raise Unsupported(f"a SPARQL constraint on the property shape {node}")
        path = self._path(node)
        constraint = NESTED if nested else self._constraint(node)
        low, high = self._integer(node, SH.minCount), self._integer(node, SH.maxCount)
        expected = self._objects(node, SH.hasValue)
        disjoint = [term(other) for other in self._objects(node, SH.disjoint)]
        pairs = [(parameter, term(other)) for parameter in PAIR_COMPONENTS for other in self._objects(node, parameter)
                 if (node, parameter, other) not in self.skip]
        if not all(isinstance(other, URIRef) for other in disjoint + [other for _, other in pairs]):
            raise Unsupported(f"sh:disjoint or a property pair of {node}")
        qualified = self._qualified(node, depth)
        unique_lang = self._one(node, SH.uniqueLang)
        if unique_lang is not None and not (isinstance(unique_lang, Literal) and type(unique_lang.value) is bool):
            raise Unsupported(f"sh:uniqueLang {unique_lang}")
        value_tests = self.value_tests(node, depth)

        def results(data: Index, focus: Node) -> list[Finding]:
            values = path_values(data, focus, path)
            found = []
            if low is not None and len(values) < low:
                found.append(Finding(focus, constraint, SH.MinCountConstraintComponent, path))
            if high is not None and len(values) > high:
                found.append(Finding(focus, constraint, SH.MaxCountConstraintComponent, path))
            found.extend(Finding(focus, constraint, SH.HasValueConstraintComponent, path)
                         for v in expected if v not in values)
            for parameter, test in value_tests:
                found.extend(Finding(focus, constraint, COMPONENTS[parameter], path, value)
                             for value in values if not test(data, value))
            for other in disjoint:
                found.extend(Finding(focus, constraint, SH.DisjointConstraintComponent, path, value)
                             for value in values if value in data.values(focus, other))
            for parameter, other in pairs:
                for value in values:
                    for bound in data.values(focus, other):
                        order = pair_conforms(value, bound, parameter == SH.lessThan)
                        if order is None:
                            raise Doubt(f"{value!r} and {bound!r}")
                        if not order:
                            found.append(Finding(focus, constraint, PAIR_COMPONENTS[parameter], path, value))
            if qualified is not None:
                test, q_low, q_high = qualified
                passing = sum(1 for value in values if test(data, value))
                if q_high is not None and passing > q_high:
                    found.append(Finding(focus, constraint, SH.QualifiedMaxCountConstraintComponent, path))
                if q_low is not None and passing < q_low:
                    found.append(Finding(focus, constraint, SH.QualifiedMinCountConstraintComponent, path))
            if unique_lang is not None and unique_lang.value:
                seen: set[str] = set()
                repeated: set[str] = set()
                for value in values:
                    if isinstance(value, Literal) and value.language:
                        language = value.language.lower()
                        (repeated if language in seen else seen).add(language)
                found.extend(Finding(focus, constraint, SH.UniqueLangConstraintComponent, path) for _ in repeated)
            return found
        return [results]

    def _qualified(self, node: Node, depth: int) -> tuple[ValueTest, int | None, int | None] | None:
        shape = self._one(node, SH.qualifiedValueShape)
        low, high = self._integer(node, SH.qualifiedMinCount), self._integer(node, SH.qualifiedMaxCount)
        if shape is None:
            if low is not None or high is not None:
                raise Unsupported(f"a qualified count without a shape on {node}")
            return None
        if (node, SH.qualifiedValueShapesDisjoint, None) in self.shapes:
            raise Unsupported(f"sh:qualifiedValueShapesDisjoint on {node}")
        return self.conforms(shape, depth + 1), low, high

    def conforms(self, node: Node, depth: int) -> ValueTest:
        """Whether a value node conforms to a nested shape (sh:node, sh:or, ...): no result at all."""
        if depth > MAX_NESTING:
            raise Unsupported(f"{node} nests too deep")
        if (node, SH.deactivated, None) in self.shapes:
            raise Unsupported(f"{node} is deactivated")
        if (node, SH.path, None) in self.shapes:
            checks = self.property_results(node, depth, nested=True)
        else:
            self._check_parameters(node, SHAPE_PARAMETERS - {*TARGETS, SH.sparql})
            value_tests = self.value_tests(node, depth)
            expected = self._objects(node, SH.hasValue)
            checks = [self._bare_node_results(value_tests, expected)]
            for prop in self._objects(node, SH.property):
                checks.extend(self.property_results(prop, depth + 1, nested=True))
        return lambda data, value: not any(check(data, value) for check in checks)

    @staticmethod
    def _bare_node_results(value_tests: list[tuple[Node, ValueTest]], expected: list[Node]) -> Results:
        def results(data: Index, focus: Node) -> list[Finding]:
            if any(focus != v for v in expected) or not all(test(data, focus) for _, test in value_tests):
                return [Finding(focus, NESTED, SH.NodeConstraintComponent)]
            return []
        return results

    def value_tests(self, node: Node, depth: int) -> list[tuple[Node, ValueTest]]:
        """The tests each value node must pass, with the parameter each comes from."""
        tests: list[tuple[Node, ValueTest]] = []
        for p, o in self.shapes.predicate_objects(node):
            if p == SH["class"]:
                cls = term(o)
                tests.append((p, lambda data, v, cls=cls: not isinstance(v, Literal) and data.is_a(v, cls)))
            elif p == SH.datatype:
                tests.append((p, lambda data, v, datatype=o: _datatype_conforms(v, datatype)))
            elif p == SH.nodeKind:
                tests.append((p, lambda data, v, kind=o: _node_kind_conforms(v, kind)))
            elif p == SH.minLength:
                if not isinstance(o, Literal) or type(o.value) is not int or o.value < 0:
                    raise Unsupported(f"sh:minLength {o}")
                tests.append((p, lambda data, v, n=o.value: n == 0 or (not isinstance(v, BNode)
                                                                       and len(_string_of(v)) >= n)))
            elif p == SH.pattern:
                if (node, SH.flags, None) in self.shapes or not isinstance(o, Literal):
                    raise Unsupported(f"sh:pattern of {node}")
                pattern = re.compile(str(o))
                tests.append((p, lambda data, v, rx=pattern: not isinstance(v, BNode)
                              and rx.search(_string_of(v)) is not None))
            elif p in (SH.minInclusive, SH.maxInclusive):
                if not isinstance(o, Literal) or number(o) is None:
                    raise Unsupported(f"{p} {o}")
                tests.append((p, lambda data, v, bound=o, low=p == SH.minInclusive: _compare_bound(v, bound, low)))
            elif p == SH.languageIn:
                languages = self._languages(o)
                tests.append((p, lambda data, v, ok=languages: isinstance(v, Literal) and bool(v.language) and (
                    v.language.lower() in ok or v.language.split("-")[0].lower() in ok)))
            elif p == SH.node:
                tests.append((p, self.conforms(o, depth + 1)))
            elif p == SH["not"]:
                inner = self.conforms(o, depth + 1)
                tests.append((p, lambda data, v, inner=inner: not inner(data, v)))
            elif p == SH["or"]:
                if not isinstance(o, BNode) or (o, RDF.first, None) not in self.shapes:
                    raise Unsupported(f"sh:or of {node}")
                members = [self.conforms(member, depth + 1) for member in Collection(self.shapes, o)]
                tests.append((p, lambda data, v, members=members: any(m(data, v) for m in members)))
        return tests

    def _languages(self, node: Node) -> frozenset[str]:
        if not isinstance(node, BNode) or (node, RDF.first, None) not in self.shapes:
            raise Unsupported("sh:languageIn is not a list")
        languages = list(Collection(self.shapes, node))
        if not all(isinstance(x, Literal) and isinstance(x.value, str) for x in languages) or "*" in languages:
            raise Unsupported("sh:languageIn")
        return frozenset(str(x).lower() for x in languages)


# ---------------------------------------------------------------------------- the plan


@dataclass(frozen=True)
class Plan:
    """Which shapes Python evaluates (compiled) and which pySHACL must run (``left``)."""

    compiled: tuple[CompiledShape, ...]
    left: frozenset[Node]


def top_level_shapes(shapes: Graph) -> set[Node]:
    return {s for target in TARGETS for s in shapes.subjects(target, None)}


@cache
def plan(shapes: Graph) -> Plan:
    """Compile every top-level shape besides :data:`python_shapes.PYTHON_SHAPES` (checked by
    hand); those that cannot be compiled are left to pySHACL."""
    pairs = frozenset((p.constraint.shape, p.parameter, p.other) for p in pair_checks(shapes))
    compiler = Compiler(shapes, pairs)
    compiled, left = [], set()
    for node in sorted(top_level_shapes(shapes) - PYTHON_SHAPES, key=str):
        if (node, SH.deactivated, None) in shapes:
            left.add(node)  # pySHACL knows what deactivation means for it
            continue
        try:
            compiled.append(compiler.top(node))
        except Unsupported:
            left.add(node)
    return Plan(tuple(compiled), frozenset(left))


def evaluate(data: Index, shapes: Graph) -> tuple[list[Finding], frozenset[Node]]:
    """The results of every compiled shape on ``data``, and the shapes pySHACL must run: those
    that could not be compiled, and those the data made doubtful."""
    the_plan = plan(shapes)
    found: list[Finding] = []
    doubtful = set(the_plan.left)
    for shape in the_plan.compiled:
        try:
            found.extend(shape.results(data))
        except Doubt:
            doubtful.add(shape.node)
    return found, frozenset(doubtful)


@cache
def only_shapes(shapes: Graph, keep: frozenset[Node]) -> Graph:
    """The shapes graph with only the top-level shapes ``keep`` (and all they point at), less the
    property-pair constraints Python checks (see :func:`python_shapes.pair_checks`)."""
    dropped = {(p.constraint.shape, p.parameter, p.other) for p in pair_checks(shapes)}
    others = top_level_shapes(shapes) - keep
    out = Graph()
    for prefix, namespace in shapes.namespaces():
        out.bind(prefix, namespace)
    for s, p, o in shapes:
        if (s, p, o) in dropped or (s in others and p in TARGETS):
            continue
        out.add((s, p, o))
    return out
