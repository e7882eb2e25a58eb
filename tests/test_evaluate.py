"""The evaluator on small hand-made graphs: what matches, what does not, and how it is counted."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
import rdflib
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef

from isisgraph.cli import main
from isisgraph.errors import InputError
from isisgraph.evaluate import Period, evaluate, load_gold, locate_evidence
from isisgraph.namespaces import GRAPH, ID, IG, OA, actor, article, concept, person, place

ART = "a1"
TEXT = ("In Iraq the coalition conducted six air strikes between December 22 and 28. "
        "Hawija was liberated from ISIS in September. "
        "Col. Ryan Dillon said ISIS is losing. "
        "About 2,000 US troops are in Syria.")
PUBLISHED = "2017-12-31"


def span(evidence: str, occurrence: int = 1) -> dict:
    start, end = locate_evidence(TEXT, evidence, occurrence)
    return {"evidence": evidence, "occurrence": occurrence, "start_char": start, "end_char": end}


STRIKE = {**span("In Iraq the coalition conducted six air strikes between December 22 and 28."),
          "perpetrator": "cjtf-oir", "countries": ["iraq"], "strike_count": 6,
          "count_qualifier": "exact", "engagement_count": None, "start": "2017-12-22",
          "end": "2017-12-28", "locations": [], "part_of": None}
EVENT = {**span("Hawija was liberated from ISIS in September."), "type": "ControlChange",
         "place": "kirkuk-province", "start": "2017-09-01", "end": "2017-09-30",
         "gained": ["isf"], "lost": ["isis"]}
CLAIM = {**span("Col. Ryan Dillon said ISIS is losing."), "claimant": "ryan-dillon",
         "on_behalf_of": "cjtf-oir", "type": "assessment", "channel": "said", "quote": None,
         "date": None}
FIGURE = {**span("About 2,000 US troops are in Syria."), "measure": "troops", "value": 2000,
          "unit": "troops", "qualifier": "approximate", "subject": "us", "as_of": "2017-12-31"}
ALL = {"strike_reports": [STRIKE], "events": [EVENT], "claims": [CLAIM], "figures": [FIGURE]}


def write_gold(folder: Path, article_id: str = ART, **kinds: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    data = {"article": article_id, "published": PUBLISHED,
            "strike_reports": [], "events": [], "claims": [], "figures": [], **kinds}
    (folder / f"{article_id}.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


class Build:
    """A hand-made build: one named graph per article, written the way DESIGN.md describes."""

    def __init__(self) -> None:
        self.dataset = Dataset()
        self.n = 0

    def node(self, article_id: str, cls: URIRef, start: int, end: int) -> URIRef:
        self.n += 1
        g = self.dataset.graph(GRAPH[f"doc/{article_id}"])
        node = ID[f"test/{article_id}/{self.n}"]
        ev, pos = URIRef(f"{node}/ev"), URIRef(f"{node}/ev/pos")
        g.add((node, RDF.type, cls))
        g.add((node, IG.evidence, ev))
        g.add((ev, RDF.type, IG.Evidence))
        g.add((ev, OA.hasSource, article(article_id)))
        g.add((ev, OA.hasSelector, pos))
        g.add((pos, RDF.type, OA.TextPositionSelector))
        g.add((pos, OA.start, Literal(start, datatype=rdflib.XSD.integer)))
        g.add((pos, OA.end, Literal(end, datatype=rdflib.XSD.integer)))
        self.dataset.graph(GRAPH["meta"]).add((article(article_id), RDF.type, IG.NewsArticle))
        return node

    def add(self, article_id: str, node: URIRef, prop: URIRef, value) -> None:
        self.dataset.graph(GRAPH[f"doc/{article_id}"]).add((node, prop, value))

    def strike_report(self, gold: dict, article_id: str = ART, **changes) -> URIRef:
        g = {**gold, **changes}
        node = self.node(article_id, IG.StrikeReport, g["start_char"], g["end_char"])
        if g["perpetrator"]:
            self.add(article_id, node, IG.perpetrator, actor(g["perpetrator"]))
        for country in g["countries"]:
            self.add(article_id, node, IG.inCountry, place(country))
        counts = ((IG.strikeCount, "strike_count"), (IG.engagementCount, "engagement_count"))
        for prop, key in counts:
            if g[key] is not None:
                self.add(article_id, node, prop, Literal(g[key], datatype=rdflib.XSD.integer))
        self.dates(article_id, node, g["start"], g["end"])
        return node

    def event(self, gold: dict, article_id: str = ART, cls: str | None = None, **changes) -> URIRef:
        g = {**gold, **changes}
        node = self.node(article_id, IG[cls or g["type"]], g["start_char"], g["end_char"])
        if g["place"]:
            self.add(article_id, node, IG.location, place(g["place"]))
        self.dates(article_id, node, g["start"], g["end"])
        return node

    def claim(self, gold: dict, article_id: str = ART, claimant: URIRef | None = None,
              **changes) -> URIRef:
        g = {**gold, **changes}
        node = self.node(article_id, IG.Claim, g["start_char"], g["end_char"])
        self.add(article_id, node, IG.claimant, claimant or person(g["claimant"]))
        return node

    def figure(self, gold: dict, article_id: str = ART, **changes) -> URIRef:
        g = {**gold, **changes}
        node = self.node(article_id, IG.FigureReport, g["start_char"], g["end_char"])
        self.add(article_id, node, IG.measure, concept("measure", g["measure"]))
        self.add(article_id, node, IG.value, Literal(str(g["value"]), datatype=rdflib.XSD.decimal))
        return node

    def dates(self, article_id: str, node: URIRef, start: str | None, end: str | None) -> None:
        if start:
            self.add(article_id, node, IG.startDate, Literal(start, datatype=rdflib.XSD.date))
        if end:
            self.add(article_id, node, IG.endDate, Literal(end, datatype=rdflib.XSD.date))


def background() -> list[Graph]:
    """A tiny TBox and gazetteer: Bombing ⊑ Attack ⊑ Event; Hawija in Kirkuk province in Iraq."""
    g = Graph()
    classes = (("Attack", "Event"), ("Bombing", "Attack"), ("ControlChange", "Event"),
               ("Killing", "Event"))
    for sub, sup in classes:
        g.add((IG[sub], RDFS.subClassOf, IG[sup]))
    g.add((place("hawija"), IG.partOf, place("kirkuk-province")))
    g.add((place("kirkuk-province"), IG.partOf, place("iraq")))
    return [g]


def score(tmp_path: Path, build: Build, **kinds: list[dict]):
    return evaluate(write_gold(tmp_path / "gold", **kinds), build.dataset, background())


def perfect_build() -> Build:
    build = Build()
    build.strike_report(STRIKE)
    build.event(EVENT)
    build.claim(CLAIM)
    build.figure(FIGURE)
    return build


def test_a_perfect_prediction_scores_one(tmp_path):
    scores = score(tmp_path, perfect_build(), **ALL)
    for kind, s in scores.per_type.items():
        assert (s.tp, s.fp, s.fn) == (1, 0, 0), kind
        assert s.precision == s.recall == s.f1 == 1.0
    assert scores.micro.f1 == 1.0
    assert scores.errors() == "no errors"


def test_a_wrong_count_is_a_false_positive_and_a_false_negative(tmp_path):
    build = Build()
    build.strike_report(STRIKE, strike_count=5)
    scores = score(tmp_path, build, strike_reports=[STRIKE])
    s = scores.per_type["strike_reports"]
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)
    assert s.precision == s.recall == 0.0
    assert scores.missed[0].reasons == ("count: gold 6, got 5",)


def test_engagements_are_part_of_the_count(tmp_path):
    gold = {**STRIKE, "engagement_count": 9}
    build = Build()
    build.strike_report(gold, engagement_count=None)
    build.strike_report(gold)
    s = score(tmp_path, build, strike_reports=[gold]).per_type["strike_reports"]
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)


def test_actor_and_country_must_agree(tmp_path):
    build = Build()
    build.strike_report(STRIKE, perpetrator="raf")
    build.strike_report(STRIKE, countries=["iraq", "syria"])
    scores = score(tmp_path, build, strike_reports=[STRIKE])
    assert scores.per_type["strike_reports"].tp == 0
    reasons = {r.split(":")[0] for r in scores.missed[0].reasons}
    assert reasons <= {"actor", "country"}


def test_gold_without_countries_leaves_the_country_unscored(tmp_path):
    gold = {**STRIKE, "countries": []}
    build = Build()
    build.strike_report(STRIKE)  # predicts Iraq
    assert score(tmp_path, build, strike_reports=[gold]).per_type["strike_reports"].tp == 1


def test_a_period_that_does_not_overlap_fails(tmp_path):
    build = Build()
    build.strike_report(STRIKE, start="2017-12-29", end="2018-01-04")
    build.event(EVENT, start="2017-10-01", end="2017-10-31")
    scores = score(tmp_path, build, strike_reports=[STRIKE], events=[EVENT])
    assert scores.per_type["strike_reports"].tp == 0
    assert scores.per_type["events"].tp == 0
    assert any(r.startswith("period:") for r in scores.missed[0].reasons)


def test_an_overlapping_period_matches(tmp_path):
    build = Build()
    build.strike_report(STRIKE, start="2017-12-25", end="2017-12-31")
    build.event(EVENT, start="2017-09-21", end="2017-09-21")
    scores = score(tmp_path, build, strike_reports=[STRIKE], events=[EVENT])
    assert scores.per_type["strike_reports"].tp == 1
    assert scores.per_type["events"].tp == 1


def test_a_prediction_without_a_date_does_not_match_a_dated_gold(tmp_path):
    build = Build()
    build.event(EVENT, start=None, end=None)
    assert score(tmp_path, build, events=[EVENT]).per_type["events"].tp == 0


def test_a_contained_place_matches_but_a_containing_one_does_not(tmp_path):
    build = Build()
    build.event(EVENT, place="hawija")  # Hawija lies in Kirkuk province: matches
    assert score(tmp_path / "in", build, events=[EVENT]).per_type["events"].tp == 1
    wider = Build()
    wider.event(EVENT, place="iraq")  # Iraq contains the gold place: too vague
    assert score(tmp_path / "out", wider, events=[EVENT]).per_type["events"].tp == 0


def test_a_place_minted_in_the_graph_is_placed_by_its_own_part_of(tmp_path):
    build = Build()
    node = build.event(EVENT, place="al-riyadh-village")
    build.add(ART, place("al-riyadh-village"), IG.partOf, place("hawija"))
    assert node is not None
    assert score(tmp_path, build, events=[EVENT]).per_type["events"].tp == 1


def test_a_subclass_of_the_gold_type_matches_and_alternatives_are_accepted(tmp_path):
    attack = {**EVENT, "type": "Attack"}
    build = Build()
    build.event(attack, cls="Bombing")
    assert score(tmp_path / "sub", build, events=[attack]).per_type["events"].tp == 1
    bombing = {**EVENT, "type": "Bombing"}
    vaguer = Build()
    vaguer.event(bombing, cls="Attack")
    assert score(tmp_path / "super", vaguer, events=[bombing]).per_type["events"].tp == 0
    either = {**EVENT, "type": ["Killing", "Attack"]}
    killing = Build()
    killing.event(either, cls="Killing")
    assert score(tmp_path / "alt", killing, events=[either]).per_type["events"].tp == 1


def test_claims_match_on_claimant_and_overlapping_span(tmp_path):
    build = Build()
    overlapping = {"start_char": CLAIM["start_char"] + 5, "end_char": CLAIM["end_char"] + 20}
    build.claim(CLAIM, **overlapping)
    build.claim(CLAIM, start_char=0, end_char=10)  # right speaker, wrong sentence
    build.claim(CLAIM, claimant=actor("cjtf-oir"))  # right sentence, organisation not person
    s = score(tmp_path, build, claims=[CLAIM]).per_type["claims"]
    assert (s.tp, s.fp, s.fn) == (1, 2, 0)


def test_an_organisation_claimant_is_an_actor_iri(tmp_path):
    gold = {**CLAIM, "claimant": "cjtf-oir"}
    build = Build()
    build.claim(gold, claimant=actor("cjtf-oir"))
    assert score(tmp_path, build, claims=[gold]).per_type["claims"].tp == 1


def test_only_plain_claims_count_as_claims(tmp_path):
    build = Build()
    report = build.strike_report(STRIKE)
    build.add(ART, report, IG.claimant, person("ryan-dillon"))
    figure = build.figure(FIGURE)
    build.add(ART, figure, IG.claimant, person("ryan-dillon"))
    scores = score(tmp_path, build, strike_reports=[STRIKE], figures=[FIGURE])
    assert scores.per_type["claims"].fp == 0
    assert scores.per_type["strike_reports"].tp == scores.per_type["figures"].tp == 1


def test_figures_match_on_measure_and_value_within_one_percent(tmp_path):
    third = {**FIGURE, "measure": "territory", "value": 33.3}
    build = Build()
    build.figure(third, value=33.33)
    build.figure(FIGURE, value=2500)
    build.figure(FIGURE, measure="fighters")
    scores = score(tmp_path, build, figures=[third, FIGURE])
    s = scores.per_type["figures"]
    assert (s.tp, s.fp, s.fn) == (1, 2, 1)


def test_matching_is_one_to_one_and_prefers_the_agreeing_span(tmp_path):
    build = Build()
    far = build.strike_report(STRIKE, start_char=200, end_char=210)
    near = build.strike_report(STRIKE)
    scores = score(tmp_path, build, strike_reports=[STRIKE])
    s = scores.per_type["strike_reports"]
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)
    assert scores.matched[0][1].node == str(near)
    assert scores.spurious[0].node == str(far)


def test_predictions_of_articles_without_gold_are_not_scored(tmp_path):
    build = perfect_build()
    build.strike_report(STRIKE, article_id="other")
    scores = score(tmp_path, build, **ALL)
    assert scores.micro.fp == 0


def test_an_article_missing_from_the_graph_is_reported(tmp_path):
    scores = score(tmp_path, Build(), strike_reports=[STRIKE])
    assert scores.articles_without_graph == [ART]
    assert scores.per_type["strike_reports"].fn == 1
    assert "not in the graph: a1" in scores.table()


def test_the_table_has_a_row_per_type_and_a_micro_total(tmp_path):
    build = Build()
    build.strike_report(STRIKE)
    build.strike_report(STRIKE, strike_count=7)
    table = score(tmp_path, build, strike_reports=[STRIKE], claims=[CLAIM]).table()
    lines = table.splitlines()
    first_words = [line.split()[0] for line in lines[1:]]
    assert first_words == ["strike", "events", "claims", "figures", "micro"]
    assert lines[1].split()[2:] == ["1", "2", "1", "1", "0", "0.500", "1.000", "0.667"]
    assert lines[5].split()[2:] == ["2", "2", "1", "1", "1", "0.500", "0.500", "0.500"]
    assert len({len(line) for line in lines}) == 1  # aligned


def test_show_errors_names_the_closest_prediction_and_why(tmp_path):
    build = Build()
    build.strike_report(STRIKE, strike_count=5, start="2018-01-01", end="2018-01-07")
    errors = score(tmp_path, build, strike_reports=[STRIKE]).errors()
    assert "FN a1 [0-75] cjtf-oir iraq count=6" in errors
    assert "- count: gold 6, got 5" in errors
    assert "- period: gold 2017-12-22..2017-12-28, got 2018-01-01..2018-01-07" in errors
    assert "FP a1" in errors


def test_the_emitter_output_is_read_by_the_evaluator(tmp_path):
    """Records through the real emit stage score like the hand-made graph does."""
    from isisgraph.emit import to_graph
    from isisgraph.records import Article, Claim, Extraction, Figure, Span, StrikeReport, When

    art = Article(id=ART, text=TEXT, source="test", published=dt.date(2017, 12, 31))
    s = STRIKE
    extraction = Extraction(
        article=art,
        strike_reports=[StrikeReport(
            key="s", span=Span(s["start_char"], s["end_char"]), strike_count=6,
            perpetrators=[str(actor("cjtf-oir"))], countries=[str(place("iraq"))],
            when=When("between December 22 and 28", dt.date(2017, 12, 22), dt.date(2017, 12, 28)))],
        claims=[Claim(key="c", span=Span(CLAIM["start_char"], CLAIM["end_char"]),
                      claimant=str(person("ryan-dillon")), claim_type="assessment")],
        figures=[Figure(key="f", span=Span(FIGURE["start_char"], FIGURE["end_char"]),
                        measure="troops", value=2000)],
    )
    dataset = Dataset()
    doc = dataset.graph(to_graph(extraction).identifier)
    for triple in to_graph(extraction):
        doc.add(triple)
    dataset.graph(GRAPH["meta"]).add((article(ART), RDF.type, IG.NewsArticle))
    gold = write_gold(tmp_path / "gold", strike_reports=[STRIKE], claims=[CLAIM], figures=[FIGURE])
    scores = evaluate(gold, dataset, background())
    for kind in ("strike_reports", "claims", "figures"):
        assert scores.per_type[kind].tp == 1, kind
    assert scores.micro.fp == 0


def test_periods_overlap_inclusively():
    dec = Period(dt.date(2017, 12, 22), dt.date(2017, 12, 28))
    assert dec.overlaps(Period(dt.date(2017, 12, 28), None))
    assert not dec.overlaps(Period(dt.date(2017, 12, 29), dt.date(2017, 12, 30)))
    assert not dec.overlaps(Period(None, None))


@pytest.mark.parametrize(("change", "message"), [
    ({"start": "2017-13-01"}, "is not a date"),
    ({"start": "2017-12-29", "end": "2017-12-22"}, "is after end"),
    ({"strike_count": "six"}, "non-negative integer"),
    ({"perpetrator": None, "start_char": None} | {"evidence": ""}, "non-empty string"),
])
def test_malformed_gold_is_an_input_error_naming_the_item(tmp_path, change, message):
    write_gold(tmp_path, strike_reports=[{**STRIKE, **change}])
    with pytest.raises(InputError, match=rf"a1.json strike_reports\[0\].*{message}"):
        load_gold(tmp_path)


def test_an_unknown_event_type_is_an_input_error(tmp_path):
    write_gold(tmp_path, events=[{**EVENT, "type": "Liberation"}])
    with pytest.raises(InputError, match="unknown event type"):
        load_gold(tmp_path)


def test_cli_prints_the_table_and_exits_zero(tmp_path):
    gold = write_gold(tmp_path / "gold", **ALL)
    graph = tmp_path / "graph.trig"
    perfect_build().dataset.serialize(destination=str(graph), format="trig")
    args = ["evaluate", "--gold", str(gold), str(graph), "--show-errors"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    header = ["type", "gold", "pred", "TP", "FP", "FN", "precision", "recall", "F1"]
    assert result.output.splitlines()[0].split() == header
    assert "strike reports" in result.output and "micro total" in result.output


def test_cli_reports_a_missing_gold_folder_with_exit_code_two(tmp_path):
    graph = tmp_path / "graph.nq"
    graph.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", "--gold", str(tmp_path / "nowhere"), str(graph)])
    assert result.exit_code == 2
    assert "gold folder not found" in result.output


def test_cli_reports_an_unparseable_graph_with_exit_code_two(tmp_path):
    gold = write_gold(tmp_path / "gold", strike_reports=[STRIKE])
    graph = tmp_path / "graph.trig"
    graph.write_text("this is not trig {", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", "--gold", str(gold), str(graph)])
    assert result.exit_code == 2
    assert "cannot parse as trig" in result.output
