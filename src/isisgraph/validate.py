"""Validate: SHACL shapes per article graph, with violations an analyst can read.

Each ``doc/{id}`` graph is validated on its own, merged with what the shapes need to see
from the rest of the dataset: the class hierarchy of the TBox, the types and SKOS schemes of
the reference data, and the article's triples from the meta graph. pySHACL looks up
``rdf:type``/``rdfs:subClassOf*`` in the data graph and no inference is run, so the merge is
what lets ``sh:class ig:Actor`` accept an ``ig:ArmedGroup``. Only the article graph's own
nodes and terms are reported on (the reference individuals are checked once, with the
reference graph), so validating a dataset costs time linear in the number of articles.

Measured on the seeds build (1,400–3,100 triples per article graph): 0.35–0.8 s of CPU per
article graph; the same shapes on the article merged with the whole TBox and reference data,
without the prepared-query cache, take about 3.9 s.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import pyshacl
from rdflib import RDF, RDFS, SKOS, BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import PROV, SH, XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from isisgraph import python_shapes, shape_engine
from isisgraph.emit import Triples
from isisgraph.errors import InputError
from isisgraph.graphio import keeps_graphs, read_dataset
from isisgraph.namespaces import (
    GRAPH,
    ID,
    IG,
    META_GRAPH,
    OA,
    ONTOLOGY_GRAPH,
    REFERENCE_GRAPH,
    prefixed_name,
)
from isisgraph.ontology import SHAPES_FILE, ClassHierarchy, load_reference, load_shapes, load_tbox

# What the shapes look up about a term or reference individual an article graph uses: its
# types (sh:class, the closed-world checks) and, for a SKOS concept, its scheme. Labels,
# geometry and containment of the reference individuals are checked once, with the
# reference graph itself.
LOOKUP_PREDICATES = (RDF.type, SKOS.inScheme)

QUOTE_CHARS = 60
SHAPES = Namespace("https://w3id.org/isisgraph/shapes#")
# The unknown-property check has the ontology itself as its focus and the property as path.
ONTOLOGY = URIRef(str(IG._NS).rstrip("#"))
# Results about a term (an unknown class or property) rather than a node.
TERM_SHAPES = frozenset({SHAPES.DeclaredClassShape, SHAPES.DeclaredPropertyShape})
# Checks run once per article whose results are about their sh:value (the evidence at fault).
VALUE_SHAPES = frozenset({SHAPES.EvidenceSpanShape})
# Objects checked once per dataset, with the meta graph, not with every article: the run.
SHARED = frozenset({PROV.wasGeneratedBy})
# Sets of one, for `in` (see scope_of).
TYPE, NEWS_ARTICLE, HAS_SOURCE, MENTIONS = (frozenset({term})
                                            for term in (RDF.type, IG.NewsArticle, OA.hasSource, IG.mentions))


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


@dataclass
class Report:
    """The outcome of validating one article graph or a whole dataset."""

    conforms: bool
    violations: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # sh:Warning results: reported, not failing
    results_graph: Graph = field(default_factory=Graph)
    article_graphs: int = 0
    triples: int = 0

    def text(self) -> str:
        """What ``isisgraph validate`` prints: a one-line verdict, or every violation."""
        graphs, triples = plural(self.article_graphs, "article graph"), plural(self.triples, "triple")
        summary = f"{graphs}, {triples}"
        if self.conforms:
            verdict = f"conforms: {summary}"
        else:
            verdict = f"does not conform: {plural(len(self.violations), 'violation')} in {summary}"
        if self.warnings:
            verdict += f" ({plural(len(self.warnings), 'warning')})"
        return "\n".join([*self.violations, *self.warnings, verdict])

    @classmethod
    def combine(cls, reports: Iterable[Report], triples: int | None = None) -> Report:
        """One report of several: violations in order, one sh:ValidationReport of all results."""
        combined = cls(conforms=True)
        results: list[Graph] = []
        for report in reports:
            combined.conforms = combined.conforms and report.conforms
            combined.violations.extend(report.violations)
            combined.warnings.extend(report.warnings)
            combined.article_graphs += report.article_graphs
            combined.triples += report.triples
            results.append(report.results_graph)
        combined.results_graph = report_graph(combined.conforms, results)
        if triples is not None:
            combined.triples = triples
        return combined


def report_graph(conforms: bool, parts: Iterable[Graph]) -> Graph:
    """A SHACL validation report with the results of ``parts`` under one sh:ValidationReport."""
    graph = Graph()
    graph.bind("sh", SH)
    report = BNode()
    graph.add((report, RDF.type, SH.ValidationReport))
    graph.add((report, SH.conforms, Literal(conforms)))
    for part in parts:
        for prefix, namespace in part.namespaces():
            graph.bind(prefix, namespace, override=False)
        reports = set(part.subjects(RDF.type, SH.ValidationReport))
        for s, p, o in part:
            if s in reports:
                if p == SH.result:
                    graph.add((report, SH.result, o))
                continue
            graph.add((s, p, o))
    return graph


# ---------------------------------------------------------------------------- background


class PreparedQueryGraph(Graph):
    """A Graph that parses each SPARQL text once.

    pySHACL sends the same constraint query for every focus node, with ``$this`` bound through
    ``initBindings``; rdflib would parse and translate it again each time (about 30 ms), which
    made SPARQL constraints the bulk of validation time.
    """

    def query(self, query_object, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        if isinstance(query_object, str):
            query_object = prepared_query(query_object)
        return super().query(query_object, *args, **kwargs)


@lru_cache(maxsize=256)
def prepared_query(text: str) -> Query:
    return prepareQuery(text)


@dataclass(frozen=True)
class Background:
    """What validation needs from outside an article graph, indexed once per dataset.

    ``hierarchy``: the TBox's rdfs:subClassOf triples (sh:class follows them).
    ``lookups``: for each declared term, reference individual or concept, its rdf:type and
    skos:inScheme triples. An article graph is merged only with those of the terms and
    individuals it uses, so that the thousands of reference nodes are not focus nodes of
    every article's validation.
    """

    hierarchy: Graph
    lookups: dict[Node, tuple[tuple[Node, Node, Node], ...]]

    @classmethod
    def of(cls, tbox: Graph, reference: Graph) -> Background:
        hierarchy = Graph()
        for s, o in tbox.subject_objects(RDFS.subClassOf):
            hierarchy.add((s, RDFS.subClassOf, o))
        lookups: dict[Node, list[tuple[Node, Node, Node]]] = {}
        for graph in (tbox, reference):
            for predicate in LOOKUP_PREDICATES:
                for s, o in graph.subject_objects(predicate):
                    lookups.setdefault(s, []).append((s, predicate, o))
        return cls(hierarchy, {node: tuple(triples) for node, triples in lookups.items()})

    def for_nodes(self, nodes: Iterable[Node]) -> Iterator[tuple[Node, Node, Node]]:
        """The hierarchy, the lookups of ``nodes`` and those of their classes: a reference
        individual brings its class into the data, and the closed-world check of that class
        needs the class's own rdf:type (else a batch would tell an article that uses the class
        itself that it is unknown)."""
        yield from self.hierarchy
        yield from self.lookups_of(nodes)

    def lookups_of(self, nodes: Iterable[Node]) -> Iterator[tuple[Node, Node, Node]]:
        """:meth:`for_nodes` without the hierarchy (an Index has it as its ``classes``)."""
        seen: set[Node] = set()
        for node in nodes:
            for triple in self.lookups.get(node, ()):
                yield triple
                if triple[1] == RDF.type and triple[2] not in seen:
                    seen.add(triple[2])
                    yield from self.lookups.get(triple[2], ())


@cache
def default_background() -> Background:
    """The background of the project's own ``ontology/`` folder (built once per process)."""
    return Background.of(load_tbox(), load_reference())


# ---------------------------------------------------------------------------- one graph


def graph_label(identifier: Node) -> str:
    """``doc/000_7cf6…`` for a doc graph, ``meta``, ``reference``, or the IRI itself."""
    if identifier == DATASET_DEFAULT_GRAPH_ID:
        return "default graph"
    text = str(identifier)
    return text[len(str(GRAPH)):] if text.startswith(str(GRAPH)) else text


def article_meta(doc_graph: Graph | Triples, meta: Graph) -> Graph:
    """The meta triples about ``doc_graph``: its ExtractionGraph node and its article(s)."""
    graph_node = doc_graph.identifier
    articles = {o for s, p, o in doc_graph if p in HAS_SOURCE}
    articles.update(s for s, p, o in doc_graph if p in MENTIONS)
    articles.update(meta.objects(graph_node, PROV.wasDerivedFrom))
    out = Graph()
    for node in {graph_node, *articles}:
        for p, o in meta.predicate_objects(node):
            out.add((node, p, o))
    return out


def used_terms(graph: Graph) -> set[Node]:
    """Every IRI ``graph`` uses: subjects, predicates, objects (and the classes of those)."""
    return {node for triple in graph for node in triple if isinstance(node, URIRef)}


def merged(*sources: Iterable[tuple[Node, Node, Node]]) -> PreparedQueryGraph:
    """One graph of all the triples of ``sources``, ready for pySHACL."""
    data = PreparedQueryGraph()
    for source in sources:
        for triple in source:
            data.add(triple)  # type: ignore[arg-type]
    return data


def run_shapes(data: Graph, shapes: Graph) -> Graph:
    """pySHACL's results graph for ``data`` (no inference: the merge carries the types)."""
    _, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", inplace=True)
    if not isinstance(results, Graph):  # pySHACL's ValidationFailure: the shapes cannot run
        raise InputError(f"the SHACL shapes cannot be run ({results}); fix ontology/{SHAPES_FILE}")
    return results


def check(label: str, data: Graph, focus: set[Node], shapes: Graph) -> Report:
    """Run the shapes over ``data`` and keep the results about ``focus`` nodes.

    The results are filtered afterwards rather than through pySHACL's ``focus_nodes`` option,
    which also skips nested shapes (sh:node, sh:or) on value nodes outside the list and so
    would let a wrong concept or datatype pass.
    """
    if not focus:
        return Report(conforms=True)
    results = run_shapes(data, python_shapes.without_pairs(shapes))
    # sh:lessThan(OrEquals) in Python: pySHACL crashes on a pair it cannot order.
    python_shapes.add_results(results, python_shapes.check_pairs(python_shapes.Index(data, ClassHierarchy()), shapes))
    return report_about(label, results, focus, data)


def report_about(
    label: str, results: Graph, focus: set[Node], data: Graph, candidates: Iterable[Node] | None = None
) -> Report:
    """The results about ``focus`` nodes as a Report; ``data`` gives the quotes and users.
    ``candidates``: the results to look at, when the caller already knows (default: all)."""
    kept = Graph()
    for prefix, namespace in results.namespaces():
        kept.bind(prefix, namespace)
    report_node = BNode()
    kept.add((report_node, RDF.type, SH.ValidationReport))
    count = 0
    for result in top_level_results(results) if candidates is None else candidates:
        if subject_of(results, result) not in focus:
            continue
        if results.value(result, SH.resultSeverity) in (None, SH.Violation):
            count += 1
        kept.add((report_node, SH.result, result))
        for triple in _closure(results, result):  # with its sequence paths and sh:details
            kept.add(triple)
    kept.add((report_node, SH.conforms, Literal(count == 0)))
    lines = sorted(violation_lines(label, kept, data))
    warnings = [line for line in lines if line.startswith(("warning: ", "info: "))]
    violations = [line for line in lines if line not in warnings]
    return Report(conforms=count == 0, violations=violations, warnings=warnings, results_graph=kept)


def subject_of(results: Graph, result: Node) -> Node | None:
    """What a result is about: usually its focus node; for the checks that run once per
    article or once per graph (see VALUE_SHAPES) the evidence or property at fault."""
    focus = results.value(result, SH.focusNode)
    if focus == ONTOLOGY:
        return results.value(result, SH.resultPath)
    if results.value(result, SH.sourceShape) in VALUE_SHAPES:
        return results.value(result, SH.value)
    return focus


def finding_subject(finding: python_shapes.Finding) -> Node | tuple[Node, ...] | None:
    """What a finding is about, as :func:`subject_of` tells it of the result it is written as."""
    if finding.focus == ONTOLOGY:
        return finding.path
    if finding.constraint.shape in VALUE_SHAPES:
        return finding.value
    return finding.focus


def scope_of(
    graph: Iterable[tuple[Node, Node, Node]], background: Background, shared: frozenset[Node] = frozenset()
) -> set[Node]:
    """The nodes and terms a graph answers for: its subjects, predicates and classes, and the
    nodes it points at that nothing describes (a dangling ig:evidence, an unknown run).

    Reference individuals it points at are not its business (they are checked once, with the
    reference graph), nor are the objects of the ``shared`` properties.
    """
    scope: set[Node] = set()
    add, described = scope.add, background.lookups
    for s, p, o in graph:
        add(s)
        add(p)
        # (`in` a set of one: a hash compares first, so rdflib's equality runs only on a match)
        if p in TYPE or (not isinstance(o, Literal) and p not in shared and o not in described):
            add(o)
    return scope


def _closure(graph: Graph, node: Node) -> Iterator[tuple[Node, Node, Node]]:
    """The triples describing ``node`` and, recursively, the blank nodes it points at."""
    stack, seen = [node], set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        for triple in graph.triples((current, None, None)):
            yield triple
            if isinstance(triple[2], BNode):
                stack.append(triple[2])


def validate_article(
    doc_graph: Graph,
    meta: Graph | None = None,
    background: Background | None = None,
    shapes: Graph | None = None,
    text: str | None = None,
    engine: str = "python",
) -> Report:
    """Validate one article graph, with that article's meta triples when ``meta`` is given.

    Without ``meta`` the article node (``ig:NewsArticle`` with its ``ig:textLength``) must be
    in ``doc_graph`` itself. ``background`` defaults to the project's ``ontology/`` folder.
    With the article's ``text``, every quote is also compared with the text at its offsets.
    """
    return validate_articles([ArticleInput(doc_graph, meta, text)], background, shapes, engine)[0]


@dataclass(frozen=True)
class ArticleInput:
    """One article graph to validate, its meta triples and (when known) its text."""

    graph: Graph | Triples
    meta: Graph | None = None
    text: str | None = None


ENGINES = ("python", "pyshacl")


def validate_articles(
    articles: Sequence[ArticleInput],
    background: Background | None = None,
    shapes: Graph | None = None,
    engine: str = "python",
) -> list[Report]:
    """Validate several article graphs together, and give one Report each.

    ``engine="python"`` (what a build uses): every shape is evaluated in Python
    (:mod:`isisgraph.shape_engine` and :mod:`isisgraph.python_shapes`) on the whole data of
    the batch; pySHACL runs only the shapes Python cannot evaluate, or not on this data (see
    :func:`shape_engine.evaluate`), and usually not at all. ``engine="pyshacl"``: pySHACL runs
    every shape but the provenance and closed-world ones (:func:`validate_with_pyshacl`).
    Both give the same results; the tests hold them to pySHACL with every shape.
    """
    if engine == "pyshacl":
        return validate_with_pyshacl(articles, background, shapes)
    if engine != "python":
        raise ValueError(f"unknown validation engine {engine!r}: one of {', '.join(ENGINES)}")
    background = default_background() if background is None else background
    shapes = load_shapes() if shapes is None else shapes
    classes = ClassHierarchy.of(background.hierarchy)
    everything: list[python_shapes.Triple] = []
    texts: dict[Node, str] = {}
    prepared = []
    for item in articles:
        own = list(item.graph)
        extra = list(article_meta(item.graph, item.meta)) if item.meta is not None else []
        triples = own + extra
        everything.extend(triples)
        if item.text is not None:
            texts.update((s, item.text) for s, p, o in triples if p in TYPE and o in NEWS_ARTICLE)
        # The run is shared by every article graph of a build: it is checked with the meta graph.
        focus = scope_of(own, background, SHARED) | scope_of(extra, background, SHARED)
        prepared.append((item, triples, focus))
    data = python_shapes.Index(everything, classes)
    data.extend(background.lookups_of(data.iris()))
    found = python_shapes.hand_findings(data, shapes, texts)
    semantic, left = shape_engine.evaluate(data, shapes)
    found.extend(semantic)
    found.extend(python_shapes.check_pairs(data, shapes))
    # Only the results about some article's nodes reach a report (see _reports); the others
    # (about reference individuals, which are checked with the reference graph, or the shared
    # run) are not written into the results graph at all.
    wanted = set().union(*(focus for _, _, focus in prepared))
    found = [finding for finding in found if finding_subject(finding) in wanted]
    results = Graph()
    if left and any(p[2] for p in prepared):  # shapes Python cannot evaluate here: pySHACL, on the whole data
        whole = merged(everything, background.for_nodes(data.iris()))
        results = run_shapes(whole, shape_engine.only_shapes(shapes, left))
    python_shapes.add_results(results, found)
    return _reports(prepared, results, background, classes)


def _reports(prepared: list, results: Graph, background: Background, classes: ClassHierarchy) -> list[Report]:
    """Each article's report: the results about its own nodes and terms."""
    by_subject: dict[Node | None, list[Node]] = {}
    for result in top_level_results(results):
        by_subject.setdefault(subject_of(results, result), []).append(result)
    reports = []
    for item, triples, focus in prepared:
        mine = [r for node in focus & by_subject.keys() for r in by_subject[node]]
        report = Report(conforms=True)
        if mine:  # the article's own data, for the words of the messages
            terms = {node for triple in triples for node in triple if isinstance(node, URIRef)}
            data = python_shapes.IndexGraph(python_shapes.Index([*triples, *background.lookups_of(terms)], classes))
            report = report_about(graph_label(item.graph.identifier), results, focus, data, mine)  # type: ignore[arg-type]
        report.article_graphs = 1
        report.triples = len(item.graph)
        reports.append(report)
    return reports


def validate_with_pyshacl(
    articles: Sequence[ArticleInput],
    background: Background | None = None,
    shapes: Graph | None = None,
) -> list[Report]:
    """Validate several article graphs with one pySHACL run, and give one Report each.

    The provenance layer (evidence, selectors, mentions: nine in ten nodes) and the closed
    world are checked in Python by :mod:`isisgraph.python_shapes`, exactly as their shapes
    say; pySHACL runs the other shapes on the rest of all the articles at once, so that its
    fixed cost and the reference individuals the articles share are paid once per batch, and
    only those shapes the gate (:func:`python_shapes.cleared_shapes`) cannot clear: a shape the
    gate clears certainly has no result on the batch, and one it does not is run by pySHACL,
    which writes its results as it always did.
    Each article is then told the results about its own nodes and terms. A node two articles
    both describe (a minted place) is checked on the union of their descriptions, as it will
    be in the built dataset.
    """
    background = default_background() if background is None else background
    shapes = load_shapes() if shapes is None else shapes
    classes = ClassHierarchy.of(background.hierarchy)
    kept: list[python_shapes.Triple] = []  # what pySHACL's view of the batch is made of
    prepared = []
    for item in articles:
        own = list(item.graph)
        extra = list(article_meta(item.graph, item.meta)) if item.meta is not None else []
        triples = own + extra
        terms = {node for triple in triples for node in triple if isinstance(node, URIRef)}
        index = python_shapes.Index([*triples, *background.lookups_of(terms)], classes)
        parts = python_shapes.split(triples, index)
        kept.extend(parts.kept)
        texts = {}
        if item.text is not None:
            texts = {node: item.text for node in index.subjects(RDF.type, IG.NewsArticle)}
        found = python_shapes.findings(index, shapes, parts, texts)
        # The run is shared by every article graph of a build: it is checked with the meta graph.
        focus = scope_of(own, background, SHARED) | scope_of(extra, background, SHARED)
        prepared.append((item, index, found, focus))
    kept.extend(background.for_nodes({node for triple in kept for node in triple if isinstance(node, URIRef)}))
    # pySHACL runs only the shapes the gate cannot clear on this data (see python_shapes).
    view = python_shapes.Index(kept, classes)
    cleared = python_shapes.cleared_shapes(view, shapes)
    semantic = python_shapes.shapes_for_pyshacl(shapes, cleared)
    results = Graph()
    if any(p[3] for p in prepared):
        results = run_shapes(merged(kept), semantic)
        # sh:lessThan(OrEquals), which pySHACL cannot be trusted with on hostile data.
        python_shapes.add_results(results, python_shapes.check_pairs(view, shapes))
    # A term two articles both use (an unknown ig: class) is one result, as pySHACL gives it.
    python_shapes.add_results(results, python_shapes.unique(f for p in prepared for f in p[2]))
    by_subject: dict[Node | None, list[Node]] = {}
    for result in top_level_results(results):
        by_subject.setdefault(subject_of(results, result), []).append(result)
    reports = []
    for item, index, _found, focus in prepared:
        mine = [r for node in focus & by_subject.keys() for r in by_subject[node]]
        report = Report(conforms=True)
        if mine:
            data = python_shapes.IndexGraph(index)  # for the words of the messages
            report = report_about(graph_label(item.graph.identifier), results, focus, data, mine)  # type: ignore[arg-type]
        report.article_graphs = 1
        report.triples = len(item.graph)
        reports.append(report)
    return reports


# ---------------------------------------------------------------------------- a dataset


def _dataset_graph(ds: Dataset, identifier: URIRef) -> Graph:
    return ds.graph(identifier) if identifier in {g.identifier for g in ds.graphs()} else Graph()


def is_doc_graph(identifier: Node) -> bool:
    return str(identifier).startswith(str(GRAPH["doc/"]))


DATASET_BATCH = 32  # article graphs per pySHACL run when validating a file


def validate_dataset(ds: Dataset, shapes: Graph | None = None, engine: str = "pyshacl") -> Report:
    """Validate every article graph of ``ds``, then what is left of its meta and reference graphs.

    The TBox and reference data are taken from the dataset's ``ontology`` and ``reference``
    graphs when it carries them (a build writes both), else from the project's ``ontology/``
    folder. Graphs other than these and ``doc/*`` are validated like article graphs, so that
    nothing in the file escapes the shapes. ``engine``: see :func:`validate_articles` (pySHACL by
    default here: the reference the Python evaluation is tested against).
    """
    shapes = load_shapes() if shapes is None else shapes
    tbox = _dataset_graph(ds, ONTOLOGY_GRAPH)
    reference = _dataset_graph(ds, REFERENCE_GRAPH)
    tbox = tbox if len(tbox) else load_tbox()
    carries_reference = len(reference) > 0
    reference = reference if carries_reference else load_reference()
    background = Background.of(tbox, reference)
    meta = _dataset_graph(ds, META_GRAPH)

    reports: list[Report] = []
    checked: set[Node] = set()
    special = {ONTOLOGY_GRAPH, REFERENCE_GRAPH, META_GRAPH}
    content = sorted(
        (g for g in ds.graphs() if g.identifier not in special and len(g)),
        key=lambda g: (not is_doc_graph(g.identifier), str(g.identifier)),
    )
    for start in range(0, len(content), DATASET_BATCH):
        chunk = content[start:start + DATASET_BATCH]
        reports_of_chunk = validate_articles([ArticleInput(g, meta) for g in chunk], background, shapes, engine)
        for graph, report in zip(chunk, reports_of_chunk, strict=True):
            if not is_doc_graph(graph.identifier):
                report.article_graphs = 0
            reports.append(report)
            checked.update(scope_of(graph, background, SHARED))
            checked.update(scope_of(article_meta(graph, meta), background, SHARED))

    rest_of_meta = scope_of(meta, background) - checked
    if rest_of_meta:
        data = merged(meta, background.for_nodes(used_terms(meta)))
        reports.append(check("meta", data, rest_of_meta, shapes))
    if carries_reference:
        data = merged(tbox, reference)
        everything = Background(Graph(), {})  # here the reference individuals are the subject
        reports.append(check("reference", data, scope_of(reference, everything), shapes))
    return Report.combine(reports, triples=len(ds))


# ---------------------------------------------------------------------------- messages


def short(node: Node | None) -> str:
    """A compact, readable form of a node: prefixed names, ids without the common base."""
    if node is None:
        return ""
    if isinstance(node, Literal):
        return repr(str(node)) if node.datatype in (None, XSD.string) else str(node)
    if isinstance(node, BNode):
        return "[]"
    text = str(node)
    for base in (str(GRAPH), str(ID)):
        if text.startswith(base):
            return text[len(base):]
    return prefixed_name(text) or f"<{text}>"


def path_text(results: Graph, path: Node | None) -> str:
    """A result path: a property, or a sequence path such as ``geo:hasGeometry/geo:asWKT``."""
    if path is None:
        return ""
    if isinstance(path, BNode) and results.value(path, RDF.first) is not None:
        return "/".join(short(step) for step in Collection(results, path))
    return short(path)


def quote_of(data: Graph, node: Node) -> str | None:
    """The words of the article a node's (first) evidence quotes, for context in a message."""
    evidences = sorted(data.objects(node, IG.evidence))
    if not evidences and (node, RDF.type, IG.Evidence) in data:
        evidences = [node]
    for evidence in evidences:
        for selector in sorted(data.objects(evidence, OA.hasSelector)):
            exact = data.value(selector, OA.exact)
            if exact is not None:
                words = " ".join(str(exact).split())
                return words if len(words) <= QUOTE_CHARS else words[: QUOTE_CHARS - 1] + "…"
    return None


def top_level_results(results: Graph) -> list[Node]:
    """The results of a report, without the nested ones pySHACL links through sh:detail."""
    details = set(results.objects(None, SH.detail))
    return [r for r in results.subjects(RDF.type, SH.ValidationResult) if r not in details]


def users_of(data: Graph, term: Node) -> list[Node]:
    """The nodes typed with class ``term`` or using property ``term``, for an unknown term."""
    users = set(data.subjects(RDF.type, term))
    users.update(s for s, _ in data.subject_objects(term))  # type: ignore[arg-type]
    return sorted(users)


def violation_lines(label: str, results: Graph, data: Graph) -> list[str]:
    """One line per SHACL result: ``graph: node path: message (value v) — “quote”``.

    For an unknown class or property the line starts with the term and names a node that
    uses it, since that is what the analyst has to find.
    """
    lines = []
    for result in top_level_results(results):
        focus = subject_of(results, result)
        is_term = results.value(result, SH.sourceShape) in TERM_SHAPES
        is_about_value = results.value(result, SH.sourceShape) in VALUE_SHAPES
        path = "" if is_term else path_text(results, results.value(result, SH.resultPath))
        value = results.value(result, SH.value)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        severity = results.value(result, SH.resultSeverity)
        head = f"{label}: {short(focus)}" + (f" {path}" if path else "")
        line = f"{head}: {'; '.join(messages) or 'does not conform'}"
        if value is not None and value not in (focus, ONTOLOGY) and not is_about_value:
            line += f" (value {short(value)})"
        context = focus
        if is_term and focus is not None:
            users = users_of(data, focus)
            if users:
                context = users[0]
                more = f" and {len(users) - 1} more" if len(users) > 1 else ""
                line += f" (on {short(context)}{more})"
        quote = quote_of(data, context) if context is not None else None
        if quote:
            line += f" — “{quote}”"
        if severity is not None and severity != SH.Violation:
            line = f"{str(severity).rsplit('#', 1)[-1].lower()}: {line}"
        lines.append(line)
    return lines


# ---------------------------------------------------------------------------- a file


def validate_file(path: str | Path, shapes: Graph | None = None, engine: str = "pyshacl") -> Report:
    """Validate a build file: TriG or N-Quads, whose named graphs validation needs (see
    :func:`validate_dataset`); a file that cannot be read raises a one-line InputError."""
    path = Path(path)
    if not keeps_graphs(path):
        raise InputError(f"{path}: unknown format; validate a .trig or .nq file (isisgraph build writes both)")
    return validate_dataset(read_dataset(path), shapes, engine)
