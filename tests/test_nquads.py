"""A build writes N-Quads from emit's triples directly: the same lines as rdflib's writer."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import XSD, Graph, Literal, URIRef

from isisgraph.build import graph_nquads
from isisgraph.emit import Triples, to_graph, to_triples

GRAPH = URIRef("https://w3id.org/isisgraph/graph/doc/t")


def rdflib_nquads(graph: Graph, identifier: URIRef) -> list[str]:
    """What a build wrote before: rdflib's N-Triples document, split into sorted lines."""
    suffix = f" <{identifier}> ."
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").split("\n")
    return sorted(line[:-2] + suffix for line in lines if line.endswith(" ."))


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(texts, st.sampled_from([None, "en", "ar", "en-GB"]),
                          st.sampled_from([None, XSD.integer, XSD.date, XSD.anyURI])), max_size=8))
def test_literals_are_written_as_rdflib_writes_them(values):
    triples = Triples(GRAPH)
    subject, prop = URIRef("https://w3id.org/isisgraph/id/x"), URIRef("https://w3id.org/isisgraph/ontology#p")
    for i, (text, language, datatype) in enumerate(values):
        literal = Literal(text, lang=language) if language else Literal(text, datatype=datatype)
        triples.add((URIRef(f"{subject}/{i}"), prop, literal))
        triples.add((subject, prop, URIRef(f"{subject}/{i}")))
    assert graph_nquads(triples, GRAPH) == rdflib_nquads(triples.graph(), GRAPH)


def test_a_lone_surrogate_fails_as_the_rdflib_writer_failed():
    triples = Triples(GRAPH)
    triples.add((URIRef("https://w3id.org/isisgraph/id/x"), URIRef("https://w3id.org/isisgraph/ontology#p"),
                 Literal("a\ud83d")))
    with pytest.raises(UnicodeEncodeError):
        rdflib_nquads(triples.graph(), GRAPH)
    with pytest.raises(UnicodeEncodeError):
        graph_nquads(triples, GRAPH)


def test_triples_keep_each_triple_once_in_the_order_added():
    triples = Triples(GRAPH)
    a, p, b = (URIRef(f"https://w3id.org/isisgraph/id/{n}") for n in "apb")
    for triple in [(a, p, b), (b, p, a), (a, p, b), (a, p, Literal("1", datatype=XSD.integer))]:
        triples.add(triple)
    assert list(triples) == [(a, p, b), (b, p, a), (a, p, Literal("1", datatype=XSD.integer))]
    assert len(triples) == 3 and (b, p, a) in triples
    assert list(triples.objects(None, p)) == [b, a, Literal("1", datatype=XSD.integer)]
    assert list(triples.objects(b, p)) == [a]
    assert list(triples.subjects(p, b)) == [a]
    assert set(triples.graph()) == set(triples) and triples.graph().identifier == GRAPH


@pytest.mark.slow
def test_the_seed_articles_are_written_as_rdflib_writes_them(seeds_dir: Path):
    from isisgraph import nlp
    from isisgraph.build import parse_texts
    from isisgraph.extract import extract
    from isisgraph.ingest import read_articles

    articles = list(read_articles([seeds_dir]))
    docs = parse_texts(nlp.load_pipeline(), [a.text for a in articles], [a.published for a in articles])
    lines = 0
    for doc, article in zip(docs, articles, strict=True):
        extraction = extract(doc, article)
        triples, graph = to_triples(extraction), to_graph(extraction)
        assert len(triples) == len(graph)
        assert graph_nquads(triples, triples.identifier) == rdflib_nquads(graph, graph.identifier)
        lines += len(triples)
    assert lines > 1000
