"""A page of a list ordered by a label or a count (``# pages: COLUMN by VARIABLE, keys in
FILE``) found key by key on an Oxigraph store (query.walk_keys): the same rows as the whole
answer cut, and, for a first page, found without evaluating the whole list.

The graph is made by hand: claims by six claimants (two of them with the same name, one with
two names, one claim by two of them), control changes at eight places (two with the same
name, one with two), figures of three measures, and strike reports and events whose reconcile
twins state other counts."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import RDF, SKOS, XSD, Dataset, Literal, Namespace, URIRef

import isisgraph.query as query_module
from isisgraph.errors import QueryError
from isisgraph.namespaces import IG, OA, SCHEMA
from isisgraph.query import Pages, find_query, parse_pages, stream_query
from isisgraph.store import with_derived_links, with_values

X = Namespace("https://w3id.org/isisgraph/id/test/")
DOC = "https://w3id.org/isisgraph/graph/doc/"
CLAIMANTS = (("Abe",), ("Bea",), ("Cy",), ("Cy",), ("Dee",), ("Eve", "Ava"))
PLACES = (("Aleppo",), ("Baiji",), ("Dabiq",), ("Dabiq",), ("Hit",), ("Mosul",), ("Raqqa",), ("Tabqa", "Zeta"))
MEASURES = ("fighters", "territory", "troops deployed")
WALKED = ("claims-by", "control-history", "figures-over-time", "sources-disagree")


def day(text: str) -> Literal:
    return Literal(text, datatype=XSD.date)


def hand_made(unnamed_claimant: bool = False) -> ox.Store:
    dataset = Dataset(default_union=True)
    g = dataset.graph(URIRef(DOC + "a1"))
    for article, publisher in ((X.article1, "P1"), (X.article2, "P2")):
        g.add((article, SCHEMA.datePublished, day("2018-01-15")))
        g.add((article, SCHEMA.publisher, Literal(publisher)))
    starts = iter(range(10_000))

    def fact(node: URIRef, article: URIRef = X.article1) -> None:
        evidence, position, quote = (URIRef(f"{node}-{part}") for part in ("ev", "pos", "quote"))
        g.add((node, IG.evidence, evidence))
        g.add((evidence, OA.hasSource, article))
        g.add((evidence, OA.hasSelector, position))
        g.add((evidence, OA.hasSelector, quote))
        g.add((position, OA.start, Literal(next(starts), datatype=XSD.integer)))
        g.add((quote, OA.exact, Literal(f"said {node.rsplit('/', 1)[-1]}")))

    def labelled(node: URIRef, names: tuple[str, ...]) -> URIRef:
        for name in names:
            g.add((node, SKOS.prefLabel, Literal(name, lang="en")))
        return node

    claimants = [labelled(X[f"actor-{n}"], names) for n, names in enumerate(CLAIMANTS)]
    labelled(X.victory, ("victory declaration",))
    for n in range(30):
        claim = X[f"claim-{n:02d}"]
        fact(claim)
        g.add((claim, RDF.type, IG.Claim))
        g.add((claim, IG.claimType, X.victory))
        g.add((claim, IG.claimant, claimants[(n * 7) % len(claimants)]))
        if n % 4:
            g.add((claim, IG.claimDate, day(f"2017-{n % 12 + 1:02d}-{n % 27 + 1:02d}")))
    g.add((X["claim-05"], IG.claimant, claimants[0]))  # one claim by two claimants
    if unnamed_claimant:
        g.add((X["claim-06"], IG.claimant, X.nobody))  # a claimant without a name: its row comes first

    places = [labelled(X[f"place-{n}"], names) for n, names in enumerate(PLACES)]
    for n in range(26):
        change = X[f"change-{n:02d}"]
        fact(change)
        g.add((change, RDF.type, IG.ControlChange))
        g.add((change, IG.trigger, Literal("took")))
        g.add((change, IG.location, places[(n * 5) % len(places)]))
        g.add((change, IG.startDate, day(f"2017-{n % 12 + 1:02d}-10")))

    measures = [labelled(X[f"measure-{n}"], (name,)) for n, name in enumerate(MEASURES)]
    for n in range(16):
        figure = X[f"figure-{n:02d}"]
        fact(figure)
        g.add((figure, RDF.type, IG.FigureReport))
        g.add((figure, IG.measure, measures[n % 3]))
        g.add((figure, IG.value, Literal(n * 10, datatype=XSD.integer)))

    labelled(X.iraq, ("Iraq",))
    for kind, link, count, pairs in (("strikes", IG.sameReportAs, IG.strikeCount, 5),
                                     ("engagements", IG.sameReportAs, IG.engagementCount, 2),
                                     ("killed", IG.sameEventAs, IG.killedCount, 4),
                                     ("wounded", IG.sameEventAs, IG.woundedCount, 2)):
        for n in range(pairs):
            a, b = X[f"{kind}-{n}-a"], X[f"{kind}-{n}-b"]
            fact(a)
            fact(b, X.article2)
            g.add((a, link, b))
            g.add((b, link, a))
            for node, value in ((a, n + 1), (b, n + 3)):
                g.add((node, count, Literal(value, datatype=XSD.integer)))
                if link == IG.sameReportAs:
                    g.add((node, RDF.type, IG.StrikeReport))
                    g.add((node, IG.inCountry, X.iraq))
                else:
                    g.add((node, IG.trigger, Literal("bombing")))
                    g.add((node, IG.startDate, day(f"2017-0{n + 1}-02")))
    store = ox.Store()
    store.load(dataset.serialize(format="trig").encode("utf-8"), format=ox.RdfFormat.TRIG)
    return with_derived_links(store)


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return hand_made()


PAGES = [(1, 0), (2, 0), (3, 0), (4, 1), (5, 3), (6, 5), (7, 10), (3, 14), (10, 20), (4, 27), (30, 0), (100, 0),
         (5, 200)]


# claims-by: 30 claims, the 5 of the claimant with two names twice, claim 5 by two claimants (so
# three times); control-history: 26 changes, the 3 at the place with two names twice; the
# figures one row each; sources-disagree: one row per pair of twins (5 + 2 + 4 + 2)
@pytest.mark.parametrize("name, rows", [("claims-by", 36), ("control-history", 29), ("figures-over-time", 16),
                                        ("sources-disagree", 13)])
@pytest.mark.parametrize("limit, offset", PAGES)
def test_a_page_found_key_by_key_is_the_whole_answer_cut(store, name, rows, limit, offset):
    saved = find_query(name)
    whole = list(stream_query(saved, store).rows)
    assert len(whole) == rows
    page = list(stream_query(saved, store, limit=limit, offset=offset).rows)
    assert page == whole[offset:offset + limit]


def test_the_keys_of_the_hand_made_lists_tie_and_repeat(store):
    """The lists hold what the walk must get right: a label shared by two nodes, a node with
    two labels, a claim by two claimants (its two rows under two keys)."""
    claims = list(stream_query("claims-by", store).rows)
    names = [row[0] for row in claims]
    assert names == sorted(names) and names.count("Cy") == 10 and names.count("Ava") == names.count("Eve") == 5
    assert sum(1 for row in claims if row[-1].endswith("claim-05")) == 3
    places = [row[1] for row in stream_query("control-history", store).rows]
    assert places.count("Dabiq") == 6 and places.count("Tabqa") == places.count("Zeta") == 3
    kinds = [row[0] for row in stream_query("sources-disagree", store).rows]
    assert kinds == ["different engagements counts"] * 2 + ["different killed counts"] * 4 + [
        "different strikes counts"] * 5 + ["different wounded counts"] * 2


@pytest.mark.parametrize("name", WALKED)
def test_a_first_page_is_found_without_the_whole_list(store, name, monkeypatch):
    bound: list[dict] = []
    original = query_module.oxigraph_answer

    def spy(store, text, prepared, bindings, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        bound.append(dict(bindings))
        return original(store, text, prepared, bindings, *args, **kwargs)

    monkeypatch.setattr(query_module, "oxigraph_answer", spy)
    saved = find_query(name)
    assert saved.pages is not None and saved.pages.keys is not None
    whole_keys = len(query_module.key_counts(store, saved, saved.pages))
    list(stream_query(saved, store, limit=2).rows)
    assert bound and all(saved.pages.until in run for run in bound)  # never the whole list
    assert all(len(run[saved.pages.until]) < whole_keys for run in bound)


def test_a_key_without_a_value_gives_the_whole_answer_cut(monkeypatch):
    """A claimant without a name: its rows have no label and come first, where no VALUES
    block reaches them, so the page is the whole answer cut."""
    store = hand_made(unnamed_claimant=True)
    saved = find_query("claims-by")
    whole = list(stream_query(saved, store).rows)
    assert whole[0][0] is None and len(whole) == 37
    for limit, offset in ((1, 0), (3, 0), (5, 4)):
        assert list(stream_query(saved, store, limit=limit, offset=offset).rows) == whole[offset:offset + limit]


def test_the_pages_line_of_a_key_walk():
    assert parse_pages("claimant_label by claimants, keys in keys/claims-by.rq", "q") == Pages(
        "claimant_label", "claimants", keys="keys/claims-by.rq")
    assert parse_pages("start by until, undated first by undated", "q") == Pages("start", "until", "undated")
    with pytest.raises(QueryError, match="keys in FILE"):
        parse_pages("claimant_label by claimants, keys claims-by.rq", "q")


def test_a_variable_bound_to_several_terms_takes_a_row_each():
    text = with_values("SELECT ?o WHERE { ?s ?p ?o }", {"o": (Literal("a", lang="en"), Literal("b")),
                                                         "p": URIRef("urn:p")})
    assert 'VALUES (?o ?p) { ("a"@en <urn:p>) ("b" <urn:p>) }' in text
    store = ox.Store()
    for value in (ox.Literal("a", language="en"), ox.Literal("b"), ox.Literal("c")):
        store.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), value))
    assert sorted(str(row["o"]) for row in store.query(text)) == ['"a"@en', '"b"']


@pytest.mark.parametrize("name", WALKED)
def test_bound_to_some_keys_the_query_gives_exactly_their_rows(store, name):
    """What the walk relies on: the saved query with its walk variable bound to a set of keys
    gives the whole answer's rows whose key is one of them, in the answer's order (a place
    or a claimant with two names among them, and not all of its names)."""
    saved = find_query(name)
    assert saved.pages is not None and saved.pages.keys is not None
    answer = stream_query(saved, store)
    column = answer.columns.index(saved.pages.column)
    whole = list(answer.rows)
    keys = [key for key, _ in query_module.key_counts(store, saved, saved.pages)]
    for chosen in ([keys[0]], keys[1:3], keys[-2:], keys[::2]):
        _, bound = query_module.oxigraph_answer(store, saved.text, None, {saved.pages.until: tuple(chosen)}, saved,
                                                False)
        values = {key.toPython() for key in chosen}
        assert list(bound) == [row for row in whole if row[column] in values]
