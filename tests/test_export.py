"""Exports: RDF formats keep (or merge) the graphs, the CSV reads like ACLED, files are atomic."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from isisgraph import export as export_module
from isisgraph.cli import main
from isisgraph.errors import InputError
from isisgraph.export import CSV_COLUMNS, EXPORTERS, acled_rows, export
from isisgraph.files import current_umask
from isisgraph.graphio import read_dataset
from isisgraph.namespaces import IG, actor, doc_graph, place

FIXTURE = Path(__file__).parent / "data" / "export" / "small.trig"
# a plain Namespace: pytest inspects module globals, and rdflib's XSD warns on unknown names
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
ID = "https://w3id.org/isisgraph/id/"


@pytest.fixture
def dataset() -> Dataset:
    return read_dataset(FIXTURE)


def exported(fmt: str, source: Path | Dataset = FIXTURE) -> bytes:
    out = io.BytesIO()
    export(source, fmt, stream=out)
    return out.getvalue()


def union_of(dataset: Dataset) -> set:
    return {t for g in dataset.graphs() for t in g}


# ---------------------------------------------------------------- RDF formats


@pytest.mark.parametrize("fmt, parser", [("trig", "trig"), ("nq", "nquads")])
def test_quad_formats_keep_every_named_graph(dataset, fmt, parser):
    parsed = Dataset()
    parsed.parse(data=exported(fmt), format=parser)
    names = {g.identifier for g in dataset.graphs() if len(g)}
    assert {g.identifier for g in parsed.graphs() if len(g)} == names
    assert len(names) == 5  # ontology, reference, meta, doc/a1, doc/a2
    for name in names:
        ours, theirs = dataset.graph(name), parsed.graph(name)
        if not isomorphic(ours, theirs):
            _, only_ours, only_theirs = graph_diff(to_isomorphic(ours), to_isomorphic(theirs))
            ours_nt = only_ours.serialize(format="nt")
            theirs_nt = only_theirs.serialize(format="nt")
            pytest.fail(f"{name} differs:\n{ours_nt}\n---\n{theirs_nt}")


@pytest.mark.parametrize("fmt, parser", [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_triple_formats_carry_the_union_of_the_graphs(dataset, fmt, parser):
    parsed = Graph()
    parsed.parse(data=exported(fmt), format=parser)
    assert set(parsed) == union_of(dataset)
    # the union really merges: a node typed in doc/a1 and labelled in reference is one subject
    hawija = place("hawija")
    pref_label = URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")
    assert (hawija, pref_label, Literal("Hawija", lang="en")) in parsed
    assert (URIRef(ID + "event/a1/hawija"), IG.location, hawija) in parsed


@pytest.mark.parametrize("fmt", ["nt", "nq"])
def test_line_formats_are_sorted_and_reproducible(fmt):
    first, second = exported(fmt), exported(fmt)
    assert first == second
    lines = first.decode("utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) > 100


def test_registry_offers_the_six_formats():
    assert set(EXPORTERS) == {"trig", "nq", "ttl", "nt", "jsonld", "csv"}


# ---------------------------------------------------------------- CSV (ACLED layout)


def rows_by_node(dataset: Dataset) -> dict[str, dict[str, object]]:
    """Rows by node; a node with rows in several countries gives ``node@Country`` keys."""
    rows = acled_rows(dataset)
    nodes = [str(r["node"]) for r in rows]
    return {str(r["node"]).removeprefix(ID) + (f"@{r['country']}" if nodes.count(str(r["node"])) > 1 else ""): r
            for r in rows}


def test_one_row_per_event_and_strike_report_not_per_claim(dataset):
    rows = rows_by_node(dataset)
    assert sorted(rows) == sorted([
        "event/a1/hawija", "event/a1/bombing", "strike-report/a1/total@Iraq", "strike-report/a1/total@Syria",
        "strike-report/a1/iraq",
        "event/a2/raqqa", "event/a2/ambush", "event/a2/arrest",
    ])


def test_state_force_retaking_a_town_is_government_regains_territory(dataset):
    row = rows_by_node(dataset)["event/a1/hawija"]
    assert (row["event_type"], row["sub_event_type"]) == ("Battles", "Government regains territory")
    assert (row["actor1"], row["actor2"]) == ("Iraqi Security Forces", "Islamic State")
    assert row["country"] == "Iraq"
    assert (row["admin1"], row["location"]) == ("Kirkuk Governorate", "Hawija")
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == ("35.3333", "43.7667", "1")
    assert (row["event_date"], row["time_precision"]) == ("2017-10-05", "1")
    assert row["source"] == "Test Wire"
    assert row["notes"] == "Iraqi forces recaptured Hawija from Daesh on Oct. 5"
    assert (row["fatalities"], row["fatalities_reported"]) == (0, "no")
    assert row["evidence"] == ID + "event/a1/hawija/evidence/190-240"
    assert row["article"] == ID + "article/a1"
    assert re.fullmatch(r"IRQ\d{12}", str(row["event_id_cnty"]))


def test_non_state_capture_known_to_the_month(dataset):
    row = rows_by_node(dataset)["event/a2/raqqa"]
    assert row["event_type"] == "Battles"
    assert row["sub_event_type"] == "Non-state actor overtakes territory"
    assert row["time_precision"] == "3"
    # October 1-31: the middle day, as ACLED dates an event known only to the month
    assert row["event_date"] == "2017-10-16"
    assert (row["start_date"], row["end_date"]) == ("2017-10-01", "2017-10-31")
    assert row["event_id_cnty"].startswith("SYR")
    assert row["source"] == "Other Outlet"


def test_strike_report_breakdown_points_to_its_total(dataset):
    rows = rows_by_node(dataset)
    part, total = rows["strike-report/a1/iraq"], rows["strike-report/a1/total@Iraq"]
    assert part["event_type"] == "Explosions/Remote violence"
    assert part["sub_event_type"] == "Air/drone strike"
    assert part["actor1"] == "Combined Joint Task Force – Operation Inherent Resolve"
    assert part["actor2"] == ""
    assert (part["strike_count"], part["fatalities"], part["fatalities_reported"]) == (6, 4, "yes")
    # Dec 22-28 at day precision is a week: time precision 2, dated in its middle
    assert (part["time_precision"], part["event_date"]) == ("2", "2017-12-25")
    # "Near Hawija": the town's coordinates, but precision 2
    assert (part["location"], part["geo_precision"]) == ("Hawija", "2")
    assert part["part_of"] == total["event_id_cnty"]
    assert total["part_of"] == ""


def test_a_total_for_two_countries_is_one_row_per_country_without_a_count(dataset):
    # "20 strikes in Iraq and Syria": ACLED codes one country per event; 20 cannot be split
    rows = rows_by_node(dataset)
    iraq, syria = rows["strike-report/a1/total@Iraq"], rows["strike-report/a1/total@Syria"]
    assert (iraq["country"], syria["country"]) == ("Iraq", "Syria")
    assert iraq["event_id_cnty"].startswith("IRQ") and syria["event_id_cnty"].startswith("SYR")
    assert iraq["event_id_cnty"][3:] == syria["event_id_cnty"][3:]
    assert iraq["strike_count"] == syria["strike_count"] == ""
    assert (iraq["location"], iraq["geo_precision"]) == ("Iraq", "3")
    assert all(";" not in str(r["country"]) for r in acled_rows(dataset))


def add_report(dataset: Dataset, key: str, count: int, **props) -> str:
    graph = dataset.graph(doc_graph("a1"))
    node = URIRef(f"{ID}strike-report/a1/{key}")
    graph.add((node, RDF.type, IG.StrikeReport))
    graph.add((node, IG.strikeCount, Literal(count)))
    graph.add((node, IG.perpetrator, actor("cjtf-oir")))
    graph.add((node, IG.inCountry, place("iraq")))
    graph.add((node, IG.startDate, Literal("2017-12-24", datatype=XSD.date)))
    for prop, value in props.items():
        graph.add((node, IG[prop], value))
    return f"strike-report/a1/{key}"


def test_zero_strike_lines_are_not_events(dataset):
    # "There were no strikes reported in Iraq on Dec. 24": a line of the release, not an event
    zero = add_report(dataset, "none", 0)
    one = add_report(dataset, "one", 1)
    rows = rows_by_node(dataset)
    assert zero not in rows and one in rows


def test_bombing_in_a_province_counts_its_dead(dataset):
    row = rows_by_node(dataset)["event/a1/bombing"]
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["sub_event_type"] == "Remote explosive/landmine/IED"
    assert row["location"] == row["admin1"] == "Kirkuk Governorate"
    assert row["geo_precision"] == "3"
    assert (row["fatalities"], row["fatalities_reported"]) == (3, "yes")


def test_attack_on_armed_forces_is_a_battle_and_undated_events_take_the_article_date(dataset):
    rows = rows_by_node(dataset)
    attack, arrest = rows["event/a2/ambush"], rows["event/a2/arrest"]
    assert (attack["event_type"], attack["sub_event_type"]) == ("Battles", "Armed clash")
    # the text gives no date: article a2's publication day, at ACLED's loosest precision (3);
    # start_date and end_date stay empty (nothing is invented)
    assert (attack["event_date"], attack["time_precision"]) == ("2017-10-20", "3")
    assert (attack["start_date"], attack["end_date"]) == ("", "")
    assert all(r["event_date"] and r["time_precision"] for r in acled_rows(dataset))
    assert (attack["location"], attack["geo_precision"]) == ("Iraq", "3")
    assert (arrest["event_type"], arrest["sub_event_type"]) == ("Strategic developments", "Arrests")


def add_event(dataset: Dataset, key: str, cls: str, trigger: str, **roles: list[URIRef]) -> str:
    graph = dataset.graph(doc_graph("a2"))
    node = URIRef(f"{ID}event/a2/{key}")
    graph.add((node, RDF.type, IG[cls]))
    graph.add((node, IG.trigger, Literal(trigger)))
    for prop, values in roles.items():
        for value in values:
            graph.add((node, IG[prop], value))
    return f"event/a2/{key}"


REMOTE = "Explosions/Remote violence"
CIVILIANS = "Violence against civilians"
STRATEGIC = "Strategic developments"
BY_ISIS, FROM_ISIS = {"perpetrator": [actor("isis")]}, {"lostControl": [actor("isis")]}
FROM_ISF, TO_COALITION = {"lostControl": [actor("isf")]}, {"gainedControl": [actor("cjtf-oir")]}


@pytest.mark.parametrize("cls, trigger, roles, expected", [
    ("Attack", "shelling", BY_ISIS, (REMOTE, "Shelling/artillery/missile attack")),
    ("Attack", "attacked", BY_ISIS, (CIVILIANS, "Attack")),
    ("Attack", "air strikes", {"perpetrator": [actor("cjtf-oir")]}, (REMOTE, "Air/drone strike")),
    ("Killing", "drone strike", {}, (REMOTE, "Air/drone strike")),
    ("Killing", "killed", BY_ISIS, (CIVILIANS, "Attack")),
    ("Killing", "killed", {"targetActor": [actor("sdf")]}, ("Battles", "Armed clash")),
    ("Abduction", "abducted", {}, (CIVILIANS, "Abduction/forced disappearance")),
    ("SuicideAttack", "suicide bomber", {}, (REMOTE, "Suicide bomb")),
    ("AirStrike", "air strike", {}, (REMOTE, "Air/drone strike")),
    ("ControlChange", "withdrew from", FROM_ISIS, (STRATEGIC, "Non-violent transfer of territory")),
    ("ControlChange", "fell", FROM_ISF, ("Battles", "Non-state actor overtakes territory")),
    ("ControlChange", "liberated", FROM_ISIS, ("Battles", "Government regains territory")),
    ("ControlChange", "seized", TO_COALITION, ("Battles", "Government regains territory")),
    ("Surrender", "surrendered", {}, (STRATEGIC, "Change to group/activity")),
    ("Event", "happened", {}, (STRATEGIC, "Other")),
])
def test_acled_type_mapping(dataset, cls, trigger, roles, expected):
    key = add_event(dataset, "case", cls, trigger, **roles)
    row = rows_by_node(dataset)[key]
    assert (row["event_type"], row["sub_event_type"]) == expected


def evidence_at(dataset: Dataset, node: str, article: str, start: int, end: int, exact: str) -> None:
    graph = dataset.graph(doc_graph(article))
    ev, position, quote = (URIRef(f"{ID}{node}/evidence/{start}-{end}{s}") for s in ("", "/position", "/quote"))
    graph.add((URIRef(ID + node), IG.evidence, ev))
    graph.add((ev, URIRef("http://www.w3.org/ns/oa#hasSource"), URIRef(f"{ID}article/{article}")))
    oa = Namespace("http://www.w3.org/ns/oa#")
    graph.add((ev, oa.hasSelector, position))
    graph.add((position, oa.start, Literal(start)))
    graph.add((position, oa.end, Literal(end)))
    graph.add((ev, oa.hasSelector, quote))
    graph.add((quote, oa.exact, Literal(exact)))


def test_an_air_strike_told_as_an_attack_has_the_striking_force_as_actor_1(dataset):
    # "U.S. and partner military forces conducted six airstrikes in Iraq Monday and today,
    # using attack, fighter and remotely piloted aircraft": the event reader took 'attack';
    # the strike report over the same words says who struck
    report = add_report(dataset, "six", 6)
    evidence_at(dataset, report, "a1", 300, 420, "conducted six airstrikes in Iraq Monday and today, using attack")
    graph = dataset.graph(doc_graph("a1"))
    event = URIRef(ID + "event/a1/attack")
    graph.add((event, RDF.type, IG.Attack))
    graph.add((event, IG.trigger, Literal("attack")))
    evidence_at(dataset, "event/a1/attack", "a1", 380, 460, "using attack, fighter and remotely piloted aircraft")
    far = URIRef(ID + "event/a1/far")
    graph.add((far, RDF.type, IG.Attack))
    graph.add((far, IG.trigger, Literal("attack")))
    evidence_at(dataset, "event/a1/far", "a1", 500, 560, "an attack by aircraft later")
    revenge = URIRef(ID + "event/a1/revenge")  # an armed group's killing told beside air strikes
    graph.add((revenge, RDF.type, IG.Killing))
    graph.add((revenge, IG.trigger, Literal("murdered")))
    graph.add((revenge, IG.perpetrator, actor("isis")))
    evidence_at(dataset, "event/a1/revenge", "a1", 600, 680, "ISIS murdered a hostage in revenge for the airstrikes")
    rows = rows_by_node(dataset)
    assert (rows["event/a1/revenge"]["event_type"], rows["event/a1/revenge"]["actor1"]) == (CIVILIANS, "Islamic State")
    row = rows["event/a1/attack"]
    assert (row["event_type"], row["sub_event_type"]) == (REMOTE, "Air/drone strike")
    assert row["actor1"] == "Combined Joint Task Force – Operation Inherent Resolve"
    assert rows["event/a1/far"]["actor1"] == ""  # no report overlaps it: nobody is guessed


@pytest.mark.parametrize("quote, from_the_air", [
    # an aircraft that carries people: a raid from the ground, not an air strike
    ("U.S. special forces landed in helicopters and attacked a compound near Atmeh", False),
    ("Troops were dropped by helicopter and attacked the house of an ISIS commander", False),
    ("Helicopters dropped commandos who attacked a farm west of Kirkuk", False),
    ("Soldiers in a heliborne assault from two helicopters attacked a hideout", False),
    # aircraft that strike, as before
    ("Helicopter gunships attacked ISIS positions near Baiji", True),
    ("Iraqi jets dropped bombs on ISIS men hiding in a tunnel", True),
    ("A drone's missile landed on a car and attacked its passengers", True),
    ("Helicopters landed troops after airstrikes attacked the town", True),  # an air strike is named
    ("Coalition aircraft attacked a convoy near Raqqa", True),
])
def test_an_aircraft_carrying_people_is_no_air_strike(dataset, quote, from_the_air):
    key = add_event(dataset, "raid", "Attack", "attacked", perpetrator=[actor("isf")])  # a state force
    evidence_at(dataset, key, "a2", 10, 10 + len(quote), quote)
    row = rows_by_node(dataset)[key]
    assert (row["event_type"] == REMOTE and row["sub_event_type"] == "Air/drone strike") is from_the_air, quote


def test_operations_and_claims_are_not_rows(dataset):
    # a named operation has dates and a place, and is a sem:Event, but not an event of the table
    reference = dataset.graph(URIRef("https://w3id.org/isisgraph/graph/reference"))
    operation = URIRef(ID + "operation/roundup")
    reference.add((operation, RDF.type, IG.Operation))
    reference.add((operation, IG.startDate, Literal("2018-05-01", datatype=XSD.date)))
    reference.add((operation, IG.location, place("raqqa")))
    dataset.graph(URIRef("https://w3id.org/isisgraph/graph/ontology")).add(
        (IG.Operation, URIRef("http://www.w3.org/2000/01/rdf-schema#subClassOf"),
         URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event")))
    nodes = set(rows_by_node(dataset))
    assert "operation/roundup" not in nodes
    assert "claim/a1/c1" not in nodes
    assert len(nodes) == 8  # seven nodes, the two-country total in two rows


def test_event_ids_are_unique_and_stable(dataset):
    first = [r["event_id_cnty"] for r in acled_rows(dataset)]
    second = [r["event_id_cnty"] for r in acled_rows(read_dataset(FIXTURE))]
    assert first == second
    assert len(set(first)) == len(first)


def test_csv_file_has_acled_header_then_isisgraph_columns():
    text = exported("csv").decode("utf-8")
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames == CSV_COLUMNS
    assert reader.fieldnames[:5] == [
        "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type"]
    rows = list(reader)
    assert len(rows) == 8  # seven nodes, the two-country total in two rows
    dated = [r["event_date"] for r in rows]
    assert all(dated) and dated == sorted(dated)  # every row dated, in date order


# ---------------------------------------------------------------- files and the CLI


def test_output_file_replaces_atomically_and_a_failure_keeps_the_old_file(tmp_path, monkeypatch):
    out = tmp_path / "events.csv"
    summary = export(FIXTURE, None, out)  # format from the extension
    assert (summary.format, summary.items) == ("csv", 8)
    good = out.read_bytes()
    assert summary.bytes == len(good)
    assert out.stat().st_mode & 0o777 == 0o666 & ~current_umask()  # not mkstemp's 0600

    def broken(dataset, stream):
        stream.write(b"half a file")
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(export_module.EXPORTERS, "csv", broken)
    with pytest.raises(RuntimeError):
        export(FIXTURE, "csv", out)
    assert out.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]  # no temporary file left


def test_cli_writes_standard_output_when_no_file_is_given():
    result = CliRunner().invoke(main, ["export", str(FIXTURE), "--format", "nt"])
    assert result.exit_code == 0, result.output
    parsed = Graph().parse(data=result.stdout_bytes, format="nt")
    assert len(parsed) == len(union_of(read_dataset(FIXTURE)))


def test_cli_writes_a_file_and_says_so(tmp_path):
    out = tmp_path / "graph.ttl"
    result = CliRunner().invoke(main, ["export", str(FIXTURE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {out}: ttl, 165 triples, {out.stat().st_size} bytes\n"


def test_cli_help_says_turtle_is_the_union():
    result = CliRunner().invoke(main, ["export", "--help"])
    assert result.exit_code == 0
    assert "UNION of all graphs" in result.output


@pytest.mark.parametrize("args, message", [
    (["missing.trig", "--format", "ttl"],
     "Error: missing.trig: no such graph file; build one with `isisgraph build`"),
    ([str(FIXTURE), "-o", "out.xyz"],
     "Error: say which format to write with --format (trig, nq, ttl, nt, jsonld, csv)"),
])
def test_cli_usage_errors_exit_2(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["export", *args])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == message


def test_malformed_graph_file_is_a_load_error(tmp_path):
    bad = tmp_path / "bad.trig"
    bad.write_text("<a> <b> { not trig", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.trig: not valid TriG"):
        export(bad, "nt", stream=io.BytesIO())


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["trig", "nq", "ttl", "nt", "jsonld", "csv"])
def test_seeds_build_exports(seeds_build, seeds_dataset, fmt, tmp_path):
    path, _ = seeds_build
    out = tmp_path / f"graph.{fmt}"
    summary = export(path, fmt, out)
    assert summary.bytes == out.stat().st_size > 0
    if fmt == "csv":
        rows = list(csv.DictReader(out.open(encoding="utf-8")))
        reports = {r for r in seeds_dataset.subjects(RDF.type, IG.StrikeReport)
                   if seeds_dataset.value(r, IG.strikeCount) != Literal(0)}  # zero-strike lines are no events
        events = {s for s in seeds_dataset.subjects(RDF.type, None)
                  if any(str(c).startswith(str(IG._NS)) for c in seeds_dataset.objects(s, RDF.type))
                  and seeds_dataset.value(s, IG.trigger) is not None}
        assert {r["node"] for r in rows} == {str(n) for n in reports | events}
        # one row per node and country
        assert len({(r["node"], r["country"]) for r in rows}) == len(rows)
        for row in rows:
            assert all(row[c] for c in ("event_type", "sub_event_type", "notes", "source", "event_date",
                                        "time_precision")), row
            assert ";" not in row["country"], row
    elif fmt in ("ttl", "nt", "jsonld"):
        assert summary.items == len(union_of(seeds_dataset))
    else:
        assert summary.items == len(seeds_dataset)
