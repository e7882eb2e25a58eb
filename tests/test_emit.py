"""Emit: records to RDF, with exact evidence and deterministic IRIs."""

from __future__ import annotations

import datetime as dt

from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from isisgraph.emit import current_run, meta_triples, to_graph
from isisgraph.ingest import text_sha256
from isisgraph.namespaces import IG, OA, actor, concept, place
from isisgraph.records import Article, Claim, Event, Extraction, Mention, Span, StrikeReport, Target, When

TEXT = (
    "Coalition military forces conducted nine strikes in Iraq between Jan. 5 and 11, "
    "destroying two tunnels near Tal Afar.\n"
    "Iraqi forces recaptured Tal Afar from Daesh on Aug. 31, a spokesman said."
)


def find(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(start, start + len(needle))


def sample() -> Extraction:
    art = Article(id="t1", text=TEXT, source="t1.txt", published=dt.date(2018, 1, 12), sha256=text_sha256(TEXT))
    ex = Extraction(article=art)
    ex.mentions = [Mention(find("Tal Afar"), "place", str(place("tal-afar")), "Tal Afar")]
    first = TEXT.split("\n")[0]
    ex.strike_reports = [StrikeReport(
        key="strike-0-1", span=find(first), strike_count=9, perpetrators=[str(actor("cjtf-oir"))],
        countries=[str(place("iraq"))], locations=[str(place("tal-afar"))],
        when=When("between Jan. 5 and 11", dt.date(2018, 1, 5), dt.date(2018, 1, 11), "day"),
        targets=[Target("tunnel", find("two tunnels"), 2, "destroyed")], extractor="test")]
    ex.events = [Event(key="event-1", kind="ControlChange",
                       span=find("Iraqi forces recaptured Tal Afar from Daesh on Aug. 31"),
                       trigger="recaptured", gained_control=[str(actor("isf"))], lost_control=[str(actor("isis"))],
                       locations=[str(place("tal-afar"))],
                       when=When("Aug. 31", dt.date(2017, 8, 31), dt.date(2017, 8, 31)), extractor="test")]
    ex.claims = [Claim(key="claim-1", span=find("a spokesman said"), claimant=str(actor("isf")), claim_type="statement",
                       channel="said", about=["event-1"], extractor="test")]
    return ex


def test_every_evidence_quotes_its_span_exactly():
    graph = to_graph(sample())
    evidences = list(graph.subjects(RDF.type, IG.Evidence))
    assert len(evidences) == 5  # mention, report, target, event, claim
    for ev in evidences:
        selectors = list(graph.objects(ev, OA.hasSelector))
        pos = next(s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in graph)
        quote = next(s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in graph)
        start, end = graph.value(pos, OA.start).toPython(), graph.value(pos, OA.end).toPython()
        assert TEXT[start:end] == str(graph.value(quote, OA.exact))


def test_nodes_are_typed_and_linked():
    graph = to_graph(sample())
    report = next(graph.subjects(RDF.type, IG.StrikeReport))
    assert graph.value(report, IG.strikeCount).toPython() == 9
    assert graph.value(report, IG.startDate).toPython() == dt.date(2018, 1, 5)
    assert (report, IG.targetType, concept("target-type", "tunnel")) in graph
    claim = next(graph.subjects(RDF.type, IG.Claim))
    event = next(graph.subjects(RDF.type, IG.ControlChange))
    assert (claim, IG.about, event) in graph
    assert (URIRef("https://w3id.org/isisgraph/id/article/t1"), IG.mentions, place("tal-afar")) in graph


def test_a_strike_report_names_whom_it_struck():
    ex = sample()
    report = next(to_graph(ex).subjects(RDF.type, IG.StrikeReport))
    assert to_graph(ex).value(report, IG.targetActor) is None  # none extracted, none emitted
    ex.strike_reports[0].target_actors = [str(actor("isis"))]
    graph = to_graph(ex)
    assert list(graph.objects(report, IG.targetActor)) == [actor("isis")]


def test_two_emissions_are_identical_and_round_trip():
    first, second = to_graph(sample()), to_graph(sample())
    assert set(first) == set(second)
    ds = Dataset()
    g = ds.graph(first.identifier)
    for t in first:
        g.add(t)
    parsed = Dataset()
    parsed.parse(data=ds.serialize(format="trig"), format="trig")
    assert isomorphic(parsed.graph(first.identifier), first)


def test_meta_has_prov_and_text_fingerprint():
    ex = sample()
    run = current_run("core_web_sm", "3.8.0")
    meta = meta_triples(ex.article, run, dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    node = URIRef("https://w3id.org/isisgraph/id/article/t1")
    assert meta.value(node, IG.textLength).toPython() == len(TEXT)
    assert str(meta.value(node, IG.textSha256)) == ex.article.sha256
    assert isinstance(meta, Graph) and len(meta) >= 8
