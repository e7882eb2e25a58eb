"""The evaluator on small hand-made graphs: what matches, what does not, and how it is counted."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef

from isisgraph.cli import main
from isisgraph.errors import InputError
from isisgraph.evaluate import (
    Period,
    PredictionReader,
    as_list,
    evaluate,
    load_gold,
    locate_evidence,
    seal_item,
    text_sha1,
    unseal_item,
)
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
        if TEXT[start:end]:
            quote = URIRef(f"{node}/ev/quote")
            g.add((ev, OA.hasSelector, quote))
            g.add((quote, RDF.type, OA.TextQuoteSelector))
            g.add((quote, OA.exact, Literal(TEXT[start:end])))
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
        """An event as the gold has it, sides included (``new:`` slugs left out), with changes."""
        g = {**gold, **changes}
        node = self.node(article_id, IG[cls or g["type"]], g["start_char"], g["end_char"])
        if g["place"]:
            self.add(article_id, node, IG.location, place(g["place"]))
        self.dates(article_id, node, g["start"], g["end"])
        roles = (("gained", IG.gainedControl), ("lost", IG.lostControl),
                 ("perpetrator", IG.perpetrator), ("target", IG.targetActor))
        for key, role in roles:
            for slug in as_list(g.get(key)):
                if not slug.startswith("new:"):
                    self.add(article_id, node, role, actor(slug))
        return node

    def claim(self, gold: dict, article_id: str = ART, claimant: URIRef | None = None,
              on_behalf_of: URIRef | None = None, **changes) -> URIRef:
        g = {**gold, **changes}
        node = self.node(article_id, IG.Claim, g["start_char"], g["end_char"])
        self.add(article_id, node, IG.claimant, claimant or person(g["claimant"]))
        if on_behalf_of is not None:
            self.add(article_id, node, IG.onBehalfOf, on_behalf_of)
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
    """A tiny TBox, gazetteer and actor list: Bombing ⊑ Attack ⊑ Event; Hawija in Kirkuk
    province in Iraq; ISF (with the Iraqi Army a member of it), ISIS, the Syrian Arab Army,
    CJTF-OIR and Ryan Dillon are the known actors."""
    g = Graph()
    classes = (("Attack", "Event"), ("Bombing", "Attack"), ("ControlChange", "Event"),
               ("Killing", "Event"), ("Arrest", "Event"), ("OperationLaunch", "Event"),
               ("Organization", "Actor"), ("Person", "Actor"), ("StateForce", "Organization"),
               ("ArmedGroup", "Organization"), ("Coalition", "Organization"))
    for sub, sup in classes:
        g.add((IG[sub], RDFS.subClassOf, IG[sup]))
    g.add((place("hawija"), IG.partOf, place("kirkuk-province")))
    g.add((place("kirkuk-province"), IG.partOf, place("iraq")))
    for individual, cls in ((actor("isf"), IG.StateForce), (actor("isis"), IG.ArmedGroup),
                            (actor("cjtf-oir"), IG.Coalition), (person("ryan-dillon"), IG.Person),
                            (actor("iraqi-army"), IG.StateForce), (actor("syrian-arab-army"), IG.StateForce)):
        g.add((individual, RDF.type, cls))
    g.add((actor("iraqi-army"), IG.memberOf, actor("isf")))
    return [g]


def score(tmp_path: Path, build: Build, match: str = "strict", **kinds: list[dict]):
    return evaluate(write_gold(tmp_path / "gold", **kinds), build.dataset, background(), match=match)


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
    assert f"{graph}: not valid TriG (line 1)" in result.output and "Traceback" not in result.output


# ----------------------------------------------------------------------------- blind matching


def blind(tmp_path: Path, build: Build, **kinds: list[dict]):
    return score(tmp_path, build, match="blind", **kinds)


def test_a_perfect_prediction_scores_one_under_the_blind_matching_too(tmp_path):
    scores = blind(tmp_path, perfect_build(), **ALL)
    assert list(scores.per_type) == ["strike_reports", "events", "events_sides", "events_sides_exact",
                                     "claims", "figures"]
    for row, s in scores.per_type.items():
        assert (s.tp, s.fp, s.fn) == (1, 0, 0), row
    assert (scores.micro.tp, scores.micro.fp, scores.micro.fn) == (4, 0, 0)  # sides not counted twice
    assert scores.table().splitlines()[3].startswith("events with sides ")
    assert scores.table().splitlines()[4].startswith("events, no wrong side ")


def test_a_strike_report_matches_when_its_period_starts_in_the_gold_month(tmp_path):
    same_month = Build()  # Dec 1-5 does not overlap Dec 22-28, but starts in December
    same_month.strike_report(STRIKE, start="2017-12-01", end="2017-12-05")
    assert blind(tmp_path / "b1", same_month, strike_reports=[STRIKE]).per_type["strike_reports"].tp == 1
    assert score(tmp_path / "s1", same_month, strike_reports=[STRIKE]).per_type["strike_reports"].tp == 0
    earlier = Build()  # overlaps the gold week, but starts in November
    earlier.strike_report(STRIKE, start="2017-11-30", end="2017-12-28")
    scores = blind(tmp_path / "b2", earlier, strike_reports=[STRIKE])
    assert scores.per_type["strike_reports"].tp == 0
    assert scores.missed[0].reasons == ("month: gold 2017-12, got 2017-11-30..2017-12-28",)
    assert score(tmp_path / "s2", earlier, strike_reports=[STRIKE]).per_type["strike_reports"].tp == 1


def test_a_report_over_two_countries_must_name_both(tmp_path):
    both = {**STRIKE, "countries": ["iraq", "syria"]}
    build = Build()
    build.strike_report(both, countries=["iraq"])
    build.strike_report(both, countries=["syria", "iraq", "jordan"])
    scores = blind(tmp_path / "one", build, strike_reports=[both])
    assert scores.per_type["strike_reports"].tp == 0
    assert "country: gold iraq/syria, got iraq" in scores.missed[0].reasons
    named = Build()
    named.strike_report(both)
    assert blind(tmp_path / "two", named, strike_reports=[both]).per_type["strike_reports"].tp == 1


def test_blind_strike_reports_ignore_the_actor_and_engagements_but_not_the_count(tmp_path):
    gold = {**STRIKE, "engagement_count": 9}
    build = Build()
    build.strike_report(gold, perpetrator="raf", engagement_count=None)
    build.strike_report(gold, strike_count=7)
    s = blind(tmp_path, build, strike_reports=[gold]).per_type["strike_reports"]
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)


def test_blind_scoring_leaves_out_strike_reports_without_a_count(tmp_path):
    uncounted = {**STRIKE, "strike_count": None}
    build = Build()
    build.strike_report(uncounted)  # no ig:strikeCount either
    s = blind(tmp_path, build, strike_reports=[uncounted]).per_type["strike_reports"]
    assert (s.tp, s.fp, s.fn) == (0, 0, 0)
    strict = score(tmp_path / "strict", build, strike_reports=[uncounted]).per_type["strike_reports"]
    assert strict.tp == 1


def test_an_event_place_matches_inside_or_around_the_gold_place_but_not_beside_it(tmp_path):
    for name, predicted in (("inside", "hawija"), ("around", "iraq"), ("same", "kirkuk-province")):
        build = Build()
        build.event(EVENT, place=predicted)
        assert blind(tmp_path / name, build, events=[EVENT]).per_type["events"].tp == 1, name
    elsewhere = Build()
    elsewhere.event(EVENT, place="raqqa")
    scores = blind(tmp_path / "elsewhere", elsewhere, events=[EVENT])
    assert scores.per_type["events"].tp == 0
    assert scores.missed[0].reasons == ("place: gold kirkuk-province, got raqqa",)
    wider = Build()  # the strict matching still wants the gold place or one inside it
    wider.event(EVENT, place="iraq")
    assert score(tmp_path / "strict", wider, events=[EVENT]).per_type["events"].tp == 0


def test_an_event_date_must_fall_in_the_gold_month(tmp_path):
    build = Build()
    build.event(EVENT, start="2017-09-30", end="2017-10-02")
    assert blind(tmp_path / "sep", build, events=[EVENT]).per_type["events"].tp == 1
    late = Build()
    late.event(EVENT, start="2017-10-01", end="2017-10-01")
    scores = blind(tmp_path / "oct", late, events=[EVENT])
    assert scores.per_type["events"].tp == 0
    assert scores.missed[0].reasons == ("month: gold 2017-09, got 2017-10-01",)
    undated = Build()
    undated.event(EVENT, start=None, end=None)
    assert blind(tmp_path / "none", undated, events=[EVENT]).per_type["events"].tp == 0
    gold_undated = {**EVENT, "start": None, "end": None}
    assert blind(tmp_path / "free", late, events=[gold_undated]).per_type["events"].tp == 1


def test_an_event_matches_within_its_family_in_either_direction(tmp_path):
    bombing = {**EVENT, "type": "Bombing", "perpetrator": ["isis"], "gained": [], "lost": []}
    vaguer = Build()
    vaguer.event(bombing, cls="Attack")
    assert blind(tmp_path / "attack", vaguer, events=[bombing]).per_type["events"].tp == 1
    other = Build()
    other.event(bombing, cls="Killing")
    scores = blind(tmp_path / "killing", other, events=[bombing])
    assert scores.per_type["events"].tp == 0
    assert scores.missed[0].reasons == ("family: gold Attack, got Killing",)


def test_events_outside_the_scored_families_are_not_scored(tmp_path):
    launch = {**EVENT, "type": "OperationLaunch"}
    build = Build()
    build.event(launch)
    build.event(launch, start_char=0, end_char=10)
    s = blind(tmp_path, build, events=[launch]).per_type["events"]
    assert (s.tp, s.fp, s.fn) == (0, 0, 0)


def test_events_with_sides_want_every_known_gold_actor_in_its_role(tmp_path):
    gold = {**EVENT, "gained": ["isf", "new:tribal-mobilisation", "abu-nobody"], "lost": ["isis"]}
    build = Build()
    build.event(gold)  # isf gained, isis lost; the new: slug and the unknown person are not known
    scores = blind(tmp_path / "right", build, events=[gold])
    assert scores.per_type["events_sides"].tp == 1
    wrong = Build()
    wrong.event(gold, lost=["cjtf-oir"])
    scores = blind(tmp_path / "wrong", wrong, events=[gold])
    assert scores.per_type["events"].tp == 1
    sides = scores.per_type["events_sides"]
    assert (sides.tp, sides.fp, sides.fn) == (0, 1, 1)
    (miss,) = [m for m in scores.refined_missed if m.row == "events_sides"]
    assert miss.reasons == ("lost: gold isis, got cjtf-oir",)
    assert scores.missed == []  # the event itself was found
    assert "== events with sides: 1 matched as events but not on these criteria" in scores.errors()


def test_a_wrong_side_beside_the_right_one_fails_only_the_row_that_scores_sides_both_ways(tmp_path):
    gold = {**EVENT, "gained": ["isf"], "lost": ["isis"]}
    beside = Build()
    beside.event(gold, gained=["isf", "syrian-arab-army"])  # the right side and a wrong one
    scores = blind(tmp_path / "beside", beside, events=[gold])
    assert scores.per_type["events_sides"].tp == 1
    exact = scores.per_type["events_sides_exact"]
    assert (exact.tp, exact.fp, exact.fn) == (0, 1, 1)
    (miss,) = [m for m in scores.refined_missed if m.row == "events_sides_exact"]
    assert miss.reasons == ("gained: syrian-arab-army is wrong (gold isf)",)
    assert "== events, no wrong side: 1 matched as events but not on these criteria" in scores.errors()
    level = Build()  # the Iraqi Army is a member of the ISF: the same side at another level
    level.event(gold, gained=["isf", "iraqi-army"])
    assert blind(tmp_path / "level", level, events=[gold]).per_type["events_sides_exact"].tp == 1
    unjudged = Build()  # the gold names no known actor that lost: nothing there is judged
    unjudged.event({**gold, "lost": ["new:tribal-mobilisation"]}, lost=["cjtf-oir"])
    scores = blind(tmp_path / "unjudged", unjudged, events=[{**gold, "lost": ["new:tribal-mobilisation"]}])
    assert scores.per_type["events_sides_exact"].tp == 1


def test_a_new_slug_is_scored_once_the_ontology_has_the_actor():
    reader = PredictionReader(Graph(), background())
    assert reader.known_actor("new:tribal-mobilisation") is None
    assert reader.known_actor("new:isis") == reader.known_actor("isis") == str(actor("isis"))
    assert reader.known_actor("ryan-dillon") == str(person("ryan-dillon"))
    assert reader.known_actor("abu-nobody") is None


def test_attack_sides_are_perpetrator_and_target(tmp_path):
    gold = {**EVENT, "type": "Attack", "gained": [], "lost": [], "perpetrator": "isis",
            "target": ["isf"]}
    build = Build()
    build.event(gold, cls="Bombing")
    assert blind(tmp_path / "right", build, events=[gold]).per_type["events_sides"].tp == 1
    swapped = Build()
    swapped.event(gold, perpetrator=["isf"], target=["isis"])
    scores = blind(tmp_path / "swapped", swapped, events=[gold])
    assert scores.per_type["events_sides"].tp == 0
    assert set(scores.refined_missed[0].reasons) == {"perpetrator: gold isis, got isf",
                                                    "target: gold isf, got isis"}


def test_a_claim_matches_on_its_speaker_or_organisation(tmp_path):
    build = Build()  # claimant Ryan Dillon for CJTF-OIR in the gold
    build.claim(CLAIM, claimant=actor("cjtf-oir"))
    assert blind(tmp_path / "org", build, claims=[CLAIM]).per_type["claims"].tp == 1
    assert score(tmp_path / "strict", build, claims=[CLAIM]).per_type["claims"].tp == 0
    spokesman = Build()
    spokesman.claim(CLAIM, claimant=person("someone-else"), on_behalf_of=actor("cjtf-oir"))
    assert blind(tmp_path / "behalf", spokesman, claims=[CLAIM]).per_type["claims"].tp == 1
    other = Build()
    other.claim(CLAIM, claimant=actor("us"), on_behalf_of=actor("us-military"))
    scores = blind(tmp_path / "other", other, claims=[CLAIM])
    assert scores.per_type["claims"].tp == 0
    assert scores.missed[0].reasons == ("speaker: gold ryan-dillon for cjtf-oir, got us for us-military",)


def test_a_new_claimant_matches_the_actor_of_that_slug(tmp_path):
    gold = {**CLAIM, "claimant": "new:airwars", "on_behalf_of": None}
    build = Build()
    build.claim(gold, claimant=actor("airwars"))
    assert blind(tmp_path / "same", build, claims=[gold]).per_type["claims"].tp == 1
    other = Build()
    other.claim(gold, claimant=actor("cjtf-oir"))
    assert blind(tmp_path / "other", other, claims=[gold]).per_type["claims"].tp == 0


def test_a_claim_matches_when_its_quote_overlaps_the_gold_evidence(tmp_path):
    build = Build()
    node = build.claim(CLAIM, start_char=0, end_char=10)
    quote = TEXT.index("ISIS is losing")
    ev, pos = URIRef(f"{node}/quote-ev"), URIRef(f"{node}/quote-ev/pos")
    build.add(ART, node, IG.evidence, ev)
    build.add(ART, ev, OA.hasSource, article(ART))
    build.add(ART, ev, OA.hasSelector, pos)
    build.add(ART, pos, OA.start, Literal(quote, datatype=rdflib.XSD.integer))
    build.add(ART, pos, OA.end, Literal(quote + 14, datatype=rdflib.XSD.integer))
    assert blind(tmp_path / "quote", build, claims=[CLAIM]).per_type["claims"].tp == 1
    elsewhere = Build()
    elsewhere.claim(CLAIM, start_char=0, end_char=10)
    assert blind(tmp_path / "none", elsewhere, claims=[CLAIM]).per_type["claims"].tp == 0


# ----------------------------------------------------------------------------- annotated kinds


def test_kinds_a_gold_file_does_not_annotate_are_not_counted(tmp_path):
    gold = write_gold(tmp_path / "gold", strike_reports=[STRIKE], annotated=["strike_reports"])
    write_gold(tmp_path / "gold", "a2", claims=[CLAIM], annotated=["claims"])
    build = perfect_build()  # a1: one of each kind; a2: a claim
    build.claim(CLAIM, article_id="a2")
    build.claim(CLAIM, article_id="a2", start_char=0, end_char=10)
    scores = evaluate(gold, build.dataset, background(), match="blind")
    assert list(scores.per_type) == ["strike_reports", "claims"]  # no one annotated the others
    assert (scores.per_type["strike_reports"].tp, scores.per_type["strike_reports"].fp) == (1, 0)
    claims = scores.per_type["claims"]
    assert (claims.tp, claims.fp, claims.fn) == (1, 1, 0)  # a1's claim is not a false positive


def test_an_annotated_kind_with_no_items_counts_every_prediction_as_spurious(tmp_path):
    gold = write_gold(tmp_path / "gold", strike_reports=[STRIKE], annotated=["strike_reports", "events"])
    scores = evaluate(gold, perfect_build().dataset, background(), match="blind")
    assert scores.per_type["events"].fp == 1
    assert "claims" not in scores.per_type


@pytest.mark.parametrize(("annotated", "message"), [
    (["claims", "strikes"], "unknown kind strikes in 'annotated'"),
    (["claims"], "it has strike_reports but 'annotated' does not list them"),
    ("claims", "'annotated' must be a list"),
])
def test_a_bad_annotated_list_is_an_input_error(tmp_path, annotated, message):
    write_gold(tmp_path, strike_reports=[STRIKE], annotated=annotated)
    with pytest.raises(InputError, match=message):
        load_gold(tmp_path)


# ----------------------------------------------------------------------------- sealed gold


def sealed_gold(folder: Path, **kinds: list[dict]) -> Path:
    sealed = {kind: [seal_item(item, TEXT, f"{kind}[{i}]") for i, item in enumerate(items)]
              for kind, items in kinds.items()}
    return write_gold(folder, **sealed)


def test_sealed_gold_scores_like_the_plain_gold(tmp_path):
    gold = sealed_gold(tmp_path / "gold", **ALL)
    text = (tmp_path / "gold" / f"{ART}.json").read_text(encoding="utf-8")
    assert "six air strikes" not in text and "evidence_sha1" in text
    scores = evaluate(gold, perfect_build().dataset, background(), match="blind")
    assert scores.micro.f1 == 1.0


def test_sealed_misses_show_their_sentence_only_with_the_text(tmp_path):
    gold = sealed_gold(tmp_path / "gold", strike_reports=[STRIKE])
    build = Build()
    build.strike_report(STRIKE, strike_count=5)
    errors = evaluate(gold, build.dataset, background(), match="blind").errors()
    assert ("FN a1 [0-75] cjtf-oir iraq count=6 eng=none 2017-12-22..2017-12-28 "
            "«sealed: give --texts to see it»") in errors
    assert "FP a1 [0-75]" in errors
    assert "     «In Iraq the coalition conducted six air strikes between December 22 and 28.»" in errors
    errors = evaluate(gold, build.dataset, background(), match="blind", texts={ART: TEXT}).errors()
    assert "count=6 eng=none 2017-12-22..2017-12-28 «In Iraq the coalition conducted six air strikes" in errors


def test_a_text_that_is_not_the_annotated_one_is_an_input_error(tmp_path):
    gold = sealed_gold(tmp_path / "gold", strike_reports=[STRIKE])
    changed = TEXT.replace("six air strikes", "six airstrikes")
    message = r"a1.json strike_reports\[0\]: the text at 0-75 is not the annotated evidence"
    with pytest.raises(InputError, match=message):
        evaluate(gold, Build().dataset, background(), texts={ART: changed})


def test_texts_limit_the_scoring_to_their_articles(tmp_path):
    gold = write_gold(tmp_path / "gold", strike_reports=[STRIKE])
    write_gold(tmp_path / "gold", "held-1", strike_reports=[STRIKE])
    build = Build()
    build.strike_report(STRIKE)
    s = evaluate(gold, build.dataset, background(), match="blind", texts={ART: TEXT})
    assert (s.per_type["strike_reports"].tp, s.per_type["strike_reports"].fn) == (1, 0)
    assert s.articles_without_graph == []
    with pytest.raises(InputError, match="no gold file is about an article of the texts given"):
        evaluate(gold, build.dataset, background(), texts={"other": TEXT})


def test_seal_and_unseal_are_inverse_and_keep_the_quote(tmp_path):
    quoted = {**CLAIM, "quote": "ISIS is losing"}
    sealed = seal_item(quoted, TEXT, "claims[0]")
    assert "quote" not in sealed and "evidence" not in sealed
    assert sealed["quote_sha1"] == text_sha1("ISIS is losing")
    assert TEXT[sealed["quote_start_char"]:sealed["quote_end_char"]] == "ISIS is losing"
    assert unseal_item(sealed, TEXT, "claims[0]") == quoted
    with pytest.raises(InputError, match="the quote is not inside the evidence"):
        seal_item({**CLAIM, "quote": "ISIS is winning"}, TEXT, "claims[0]")


def test_cli_scores_blind_by_default_and_strict_on_request(tmp_path):
    kirkuk = {**EVENT, "place": "kirkuk-governorate"}  # the real gazetteer's slugs
    gold = write_gold(tmp_path / "gold", events=[kirkuk])
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / f"{ART}.txt").write_text(TEXT, encoding="utf-8")
    build = Build()
    build.event(kirkuk, place="iraq")  # around the gold place: blind yes, strict no
    graph = tmp_path / "graph.trig"
    build.dataset.serialize(destination=str(graph), format="trig")
    runner = CliRunner()
    result = runner.invoke(main, ["evaluate", "--gold", str(gold), str(graph)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[2].split()[1:4] == ["1", "1", "1"]  # events: gold, pred, TP
    assert "matching: blind" in result.output
    result = runner.invoke(main, ["evaluate", "--gold", str(gold), str(graph), "--match", "strict",
                                  "--texts", str(tmp_path / "texts"), "--errors"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[2].split()[1:4] == ["1", "1", "0"]
    assert "FN a1 [76-120] ControlChange at kirkuk-governorate" in result.output
    assert "«Hawija was liberated from ISIS in September.»" in result.output


def test_sealing_redacts_passages_of_the_article_from_notes() -> None:
    from isisgraph.evaluate import redact_copied

    text = "Four Iraqi soldiers were killed and three others injured on Wednesday in an attack."
    note = "the sentence 'Four Iraqi soldiers were killed and three others injured on Wednesday' is one event"
    assert redact_copied(note, text) == "the sentence '[\u2026]' is one event"
    # a few words of the article stay: they name, they do not copy
    assert redact_copied("'were killed' on Wednesday", text) == "'were killed' on Wednesday"
    assert redact_copied("no words of it here at all", text) == "no words of it here at all"
