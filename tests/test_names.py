"""Parameters and names as users write them, and the small things a user trips on: labels,
aliases and slugs in any case for --param and explain, a warning with the closest names when
a value names nothing, `isisgraph names`, whole node ids in tables, swapped arguments."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from rdflib import RDFS, Dataset

from isisgraph.cli import main
from isisgraph.explain import property_words, with_article
from isisgraph.names import Names, key
from isisgraph.query import truncate

FIXTURE = Path(__file__).parent / "data" / "queries" / "fixture.trig"


def invoke(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


def strikes_near(value: str):
    return invoke("query", "strikes-near-place", FIXTURE, "--param", f"place={value}", "-f", "csv")


def test_keys_fold_case_spacing_and_punctuation():
    assert key("Al Qa'im") == key("al-qaim") == key("AL QA’IM") == "alqaim"
    assert key("Deir ez-Zor") == key("deir ez zor")


def test_a_place_by_label_alias_or_slug_in_any_case_gives_the_answer_of_its_iri():
    by_iri = strikes_near("place/kirkuk-governorate")
    assert by_iri.exit_code == 0 and by_iri.stdout.count("\n") > 1  # the header and rows (Hawija's strikes)
    for value in ("Kirkuk Governorate", "kirkuk governorate", "place/Kirkuk-Governorate", "KIRKUK-GOVERNORATE"):
        result = strikes_near(value)
        assert result.exit_code == 0, result.output
        assert result.stdout == by_iri.stdout, value
        assert result.stderr == ""


def test_an_actor_by_its_alias():
    by_iri = invoke("query", "claims-by", FIXTURE, "--param", "who=actor/sdf", "-f", "csv")
    by_alias = invoke("query", "claims-by", FIXTURE, "--param", "who=SDF", "-f", "csv")
    assert by_iri.exit_code == by_alias.exit_code == 0
    assert by_alias.stdout == by_iri.stdout and by_iri.stdout.count("\n") == 2  # header and the SDF's claim


def test_a_value_that_names_nothing_is_a_warning_with_the_closest_names():
    result = strikes_near("place/hawja")
    assert result.exit_code == 0
    assert result.stdout.count("\n") == 1  # the header only
    assert result.stderr.startswith("warning: --param place=place/hawja: nothing in the graph is called that")
    assert "closest names: Hawija (place/hawija)" in result.stderr
    label = strikes_near("Kirkuk Governorat")
    assert label.exit_code == 0 and "Kirkuk Governorate (place/kirkuk-governorate)" in label.stderr


def test_names_lists_what_can_be_asked_for():
    result = invoke("names", "place", "kirk", "-g", FIXTURE)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["node", "label", "aliases", "type"]
    assert [line.split()[0] for line in lines[2:]] == ["place/kirkuk", "place/kirkuk-governorate"]
    actors = invoke("names", "actor", "-g", FIXTURE)
    assert "actor/isis" in actors.stdout and "place/" not in actors.stdout
    assert "Daesh" in actors.stdout  # aliases are shown
    by_text = invoke("names", "daesh", "-g", FIXTURE)  # TEXT alone, any kind
    assert [line.split()[0] for line in by_text.stdout.splitlines()[2:]] == ["actor/isis"]


def test_names_that_match_nothing_show_the_closest():
    result = invoke("names", "place", "Hawja", "-g", FIXTURE)
    assert result.exit_code == 1
    assert "closest names: Hawija (place/hawija)" in result.stderr


def test_explain_takes_names_as_users_write_them():
    for value in ("deir ez zor", "Deir Ez-Zor", "place/Deir-Ez-Zor"):
        result = invoke("explain", value, FIXTURE)
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("place/deir-ez-zor — Deir ez-Zor\n"), value
    missing = invoke("explain", "Deir ez Zorr", FIXTURE)
    assert missing.exit_code == 1
    assert "closest names: Deir ez-Zor (place/deir-ez-zor)" in missing.stderr


def test_explain_speaks_english():
    result = invoke("explain", "actor/isis", FIXTURE)
    assert result.stdout.splitlines()[1] == "  an armed group (ig:ArmedGroup)"
    assert with_article("city or town (ig:City)") == "a city or town (ig:City)"
    assert property_words(RDFS.comment) == "description"
    assert property_words(RDFS.seeAlso) == "see also"


def test_tables_keep_node_ids_whole():
    node = "strike-report/c_centcom_july22-airstrikes_2016-07-22/strike-250-383"
    assert truncate(node, 60) == node
    sentence = "Three of them hit targets near Hawija, destroying a cave and two tunnel entrances."
    assert truncate(sentence, 60) == sentence[:59] + "…"


def test_swapped_query_arguments_get_a_hint():
    result = invoke("query", FIXTURE, "strike-reports")
    assert result.exit_code == 2
    assert f"the query comes first, then the graph: isisgraph query strike-reports {FIXTURE}" in result.stderr


def test_names_read_either_engine_the_same():
    import pyoxigraph as ox

    dataset = Dataset(default_union=True)
    dataset.parse(FIXTURE, format="trig")
    store = ox.Store()
    store.load(FIXTURE.read_bytes(), format=ox.RdfFormat.TRIG)
    ours, theirs = Names.of(dataset), Names.of(store)
    assert [(n.iri, n.label, sorted(n.aliases)) for n in ours.names] == \
        [(n.iri, n.label, sorted(n.aliases)) for n in theirs.names]
    assert len(ours.of_kind("place")) >= 8
