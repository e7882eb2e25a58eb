"""`isisgraph build ... --store DIR`: the Oxigraph store as a build's output, kept up to date
article by article, and read by query, export and viz as a file is."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib.namespace import PROV

from isisgraph import buildstore
from isisgraph.build import Cache, build
from isisgraph.buildstore import RECORD_FILE, read_record, reading
from isisgraph.cli import main
from isisgraph.derive import DERIVED_GRAPH, derived_graph
from isisgraph.errors import BusyError, InputError
from isisgraph.graphio import read_dataset, read_quads
from isisgraph.locks import FileLock
from isisgraph.namespaces import GRAPH
from isisgraph.reconcile import RECONCILE_GRAPH, ensure_reconciled, reconcile
from isisgraph.store import to_oxigraph

RECONCILE = str(RECONCILE_GRAPH)
DERIVED = str(DERIVED_GRAPH)
GENERATED = str(PROV.generatedAtTime)
DOC = str(GRAPH["doc/"])


def copy_corpus(seeds: Path, folder: Path, names: list[str]) -> Path:
    """The seed articles ``names`` (file stems) in ``folder``, with their manifest rows."""
    folder.mkdir(parents=True)
    with (seeds / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = [row for row in reader if Path(row["file"]).stem in names]
        fields = reader.fieldnames
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)  # type: ignore[arg-type]
        writer.writeheader()
        writer.writerows(rows)
    for name in names:
        shutil.copy(seeds / f"{name}.txt", folder)
    return folder


def seed_names(seeds: Path) -> list[str]:
    return sorted(p.stem for p in seeds.glob("*.txt"))


def quads(source: Path, drop_time: bool = False) -> set[ox.Quad]:
    """The quads of a graph file or store folder, their literals in Oxigraph's canonical form
    (a store writes ``"...+00:00"^^xsd:dateTime`` back as ``"...Z"``)."""
    canonical = ox.Store()
    canonical.extend(read_quads(source))
    return {q for q in canonical if not (drop_time and q.predicate.value == GENERATED)}


def in_graph(found: set[ox.Quad], name: str) -> set[ox.Quad]:
    return {q for q in found if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == name}


def links_of(graph_file: Path) -> set[ox.Quad]:
    """The reconcile graph computed from a graph file, as quads."""
    name = ox.NamedNode(RECONCILE)
    return {ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), name)
            for s, p, o in reconcile(read_dataset(graph_file))}


def derived_of(graph_file: Path) -> set[ox.Quad]:
    """The derived graph computed from a graph file and its reconcile links, as quads."""
    name = ox.NamedNode(DERIVED)
    dataset = read_dataset(graph_file)
    ensure_reconciled(dataset)
    return {ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), name) for s, p, o in derived_graph(dataset)}


def doc_graphs(found: set[ox.Quad]) -> dict[str, set[ox.Quad]]:
    graphs: dict[str, set[ox.Quad]] = {}
    for quad in found:
        name = quad.graph_name
        if isinstance(name, ox.NamedNode) and name.value.startswith(DOC):
            graphs.setdefault(name.value.removeprefix(DOC), set()).add(quad)
    return graphs


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> tuple[Path, Path, object]:
    """The seeds built once into a file and a store together: (file, store, summary)."""
    folder = tmp_path_factory.mktemp("store-build")
    out, store = folder / "graph.nq", folder / "store"
    summary = build([seeds_dir], out, store=store)
    return out, store, summary


def test_the_store_holds_the_files_graphs_their_reconcile_links_and_derived_graph(both):
    out, store, summary = both
    in_store, in_file = quads(store), quads(out)
    links, derived = in_graph(in_store, RECONCILE), in_graph(in_store, DERIVED)
    assert in_store - links - derived == in_file
    assert links == links_of(out)
    assert derived == derived_of(out) and derived
    assert links, "the seeds have articles telling the same event (the reconcile goldens)"
    assert summary.store.full and summary.store.written == 5 and summary.store.held == 5
    record = read_record(store)
    assert record.complete and sorted(record.articles) == seed_names(Path(__file__).parents[1] / "seeds")


def test_query_export_and_viz_read_the_store_folder(both, tmp_path: Path):
    out, store, _ = both
    runner = CliRunner()
    for name in ("strikes-per-country-month", "control-history"):
        from_file = runner.invoke(main, ["query", name, str(out), "-f", "csv"])
        from_store = runner.invoke(main, ["query", name, str(store), "-f", "csv"])
        assert from_file.exit_code == 0 and from_store.exit_code == 0, from_store.output
        assert from_store.output == from_file.output
        assert from_store.output.count("\n") > 1
    rdflib_side = runner.invoke(main, ["query", "control-history", str(store), "-f", "csv", "--backend", "rdflib"])
    assert rdflib_side.output == runner.invoke(main, ["query", "control-history", str(out), "-f", "csv"]).output
    exported = runner.invoke(main, ["export", str(store), "-f", "nq"])
    assert exported.exit_code == 0
    lines = [line for line in exported.output.splitlines() if line]
    assert len(lines) == len(quads(store))
    assert sum(RECONCILE in line for line in lines) == len(links_of(out))
    from isisgraph.push import graph_payloads

    pushed = {payload.iri: payload.triples for payload in graph_payloads(store)}
    assert pushed[RECONCILE] == len(links_of(out))
    assert sum(str(iri).startswith(DOC) for iri in pushed) == 5
    page = tmp_path / "actors.html"
    drawn = runner.invoke(main, ["viz", str(store), "-o", str(page)])
    assert drawn.exit_code == 0, drawn.output
    assert page.stat().st_size > 10_000


def test_a_rebuild_replaces_only_the_changed_removed_and_added_articles(
    tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    names = seed_names(seeds_dir)
    corpus = copy_corpus(seeds_dir, tmp_path / "corpus", names)
    store = tmp_path / "store"
    build([corpus], None, store=store)
    before = doc_graphs(quads(store))
    assert len(before) == 5

    changed, removed = names[0], names[4]
    (corpus / f"{changed}.txt").write_text((corpus / f"{changed}.txt").read_text(encoding="utf-8")
                                          + "\n\nThe coalition said nothing more.\n", encoding="utf-8")
    shutil.copy(corpus / f"{removed}.txt", corpus / "added.txt")
    (corpus / f"{removed}.txt").unlink()
    read_for_links: list[str] = []  # the article graphs read again to reconcile
    original = buildstore.article_views
    monkeypatch.setattr(buildstore, "article_views",
                        lambda store, article_id, classes: read_for_links.append(article_id)
                        or original(store, article_id, classes))
    entries_read: list[str] = []  # the cache entries the build reads: not those of the articles it keeps
    cache_get = Cache.get
    monkeypatch.setattr(Cache, "get", lambda cache, article_id, key: entries_read.append(article_id)
                        or cache_get(cache, article_id, key))
    summary = build([corpus], None, store=store)
    assert sorted(read_for_links) == sorted([changed, "added"])
    assert set(entries_read) == {changed, "added"}

    # one changed and one new article processed and written; one removed
    assert (summary.processed, summary.articles) == (2, 5)
    assert not summary.store.full
    assert (summary.store.written, summary.store.removed, summary.store.held) == (2, 1, 5)
    after = doc_graphs(quads(store))
    assert set(after) == set(before) - {removed} | {"added"}
    for untouched in names[1:4]:  # not rewritten: even their generation times are the old ones
        assert after[untouched] == before[untouched]
    assert after[changed] != before[changed]

    # the same as a build from scratch, but for the time each graph was generated
    scratch = tmp_path / "scratch.nq"
    fresh = build([corpus], scratch, use_cache=False)
    in_store = quads(store, drop_time=True)
    links, derived = in_graph(in_store, RECONCILE), in_graph(in_store, DERIVED)
    assert in_store - links - derived == quads(scratch, drop_time=True)
    assert links == links_of(scratch)
    assert derived == derived_of(scratch)
    # the totals of the articles the store kept come from its record
    for total in ("articles", "triples", "tokens", "mentions", "records", "violations", "warnings"):
        assert getattr(summary, total) == getattr(fresh, total), total


def test_an_unchanged_rebuild_writes_nothing(both, tmp_path: Path, seeds_dir: Path):
    store = tmp_path / "store"
    build([seeds_dir], None, store=store)
    before = quads(store)
    summary = build([seeds_dir], None, store=store)
    assert (summary.processed, summary.store.written, summary.store.removed) == (0, 0, 0)
    assert quads(store) == before


def test_a_second_folder_is_added_and_prune_keeps_only_the_input(tmp_path: Path, seeds_dir: Path):
    names = seed_names(seeds_dir)
    first = copy_corpus(seeds_dir, tmp_path / "first", names[:3])
    second = copy_corpus(seeds_dir, tmp_path / "second", names[3:])
    store = tmp_path / "store"
    build([first], None, store=store)
    summary = build([second], None, store=store)
    assert (summary.store.written, summary.store.removed, summary.store.held) == (2, 0, 5)
    assert sorted(doc_graphs(quads(store))) == names
    pruned = build([second], None, store=store, prune=True)
    assert (pruned.processed, pruned.store.written, pruned.store.removed, pruned.store.held) == (0, 0, 3, 2)
    assert sorted(doc_graphs(quads(store))) == names[3:]
    assert sorted(read_record(store).articles) == names[3:]


@pytest.mark.parametrize("where", ["drop_article", "update_derived_graphs"])
def test_an_interrupted_write_leaves_a_store_marked_stale_that_the_next_build_repairs(
    tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch, where: str
):
    names = seed_names(seeds_dir)
    corpus = copy_corpus(seeds_dir, tmp_path / "corpus", names)
    store = tmp_path / "store"
    build([corpus], None, store=store)
    (corpus / f"{names[1]}.txt").write_text("ISIS fighters attacked Hawija on Monday.\n", encoding="utf-8")
    (corpus / f"{names[2]}.txt").unlink()

    def crash(*_args: object) -> None:
        raise RuntimeError("the machine went down")

    monkeypatch.setattr(buildstore, where, crash)
    with pytest.raises(RuntimeError):
        build([corpus], None, store=store)
    record = read_record(store)
    assert not record.complete and {names[1], names[2]} <= set(record.dirty)
    with pytest.raises(InputError, match="interrupted"), reading(store):
        pytest.fail("a store its record marks interrupted was opened for reading")
    answer = CliRunner().invoke(main, ["query", "control-history", str(store)])
    assert answer.exit_code == 2 and "run the build again" in answer.output

    monkeypatch.undo()
    summary = build([corpus], None, store=store)
    assert read_record(store).complete and summary.processed == 0  # the articles were cached
    scratch = tmp_path / "scratch.nq"
    build([corpus], scratch, use_cache=False)
    in_store = quads(store, drop_time=True)
    links, derived = in_graph(in_store, RECONCILE), in_graph(in_store, DERIVED)
    assert in_store - links - derived == quads(scratch, drop_time=True)
    assert links == links_of(scratch)
    assert derived == derived_of(scratch)


def test_a_store_being_read_is_not_written_and_a_folder_of_other_things_is_refused(tmp_path: Path, seeds_dir: Path):
    store = tmp_path / "store"
    store.mkdir()
    (store / RECORD_FILE).write_text('{"isisgraph_store": 1, "complete": true}', encoding="utf-8")
    reader = FileLock(store / buildstore.LOCK_FILE)
    assert reader.acquire(exclusive=False)
    try:
        with pytest.raises(BusyError, match="in use"):
            build([seeds_dir], None, store=store)
    finally:
        reader.release()
    other = tmp_path / "photos"
    other.mkdir()
    (other / "holiday.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(InputError, match="not a store written by isisgraph build"):
        build([seeds_dir], None, store=other)
    assert sorted(p.name for p in other.iterdir()) == ["holiday.jpg"]


def test_cli_build_into_a_store_and_a_file(tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    store = tmp_path / "store"
    result = runner.invoke(main, ["build", str(seeds_dir), "--store", str(store), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert f"wrote {store}\n" in result.output
    assert "store reloaded whole: 5 articles written, 0 removed, 5 held" in result.output
    assert not Path("out").exists()  # with --store alone the default -o is not written
    out = tmp_path / "graph.trig"
    again = runner.invoke(main, ["build", str(seeds_dir), "--store", str(store), "-o", str(out), "--no-progress"])
    assert again.exit_code == 0, again.output
    assert "(0 processed, 5 unchanged from the cache)" in again.output
    assert "store updated: 0 articles written, 0 removed, 5 held" in again.output
    assert out.is_file()
    usage = runner.invoke(main, ["build", str(seeds_dir), "--prune"])
    assert usage.exit_code == 2 and "--prune works with --store" in usage.output


def test_shards_built_into_one_store_keep_each_other(tmp_path: Path, seeds_dir: Path):
    from isisgraph.build import in_shard

    names = seed_names(seeds_dir)
    first = sorted(n for n in names if in_shard(n, (0, 2)))
    assert 0 < len(first) < 5
    store = tmp_path / "store"
    build([seeds_dir], None, store=store, shard=(0, 2))
    assert sorted(doc_graphs(quads(store))) == first
    build([seeds_dir], None, store=store, shard=(1, 2))
    assert sorted(doc_graphs(quads(store))) == names
    again = build([seeds_dir], None, store=store, shard=(0, 2))
    assert (again.processed, again.store.written, again.store.removed, again.store.held) == (0, 0, 0, 5)


def test_a_moved_folder_rewrites_where_each_article_was_read_from(tmp_path: Path, seeds_dir: Path):
    corpus = copy_corpus(seeds_dir, tmp_path / "corpus", seed_names(seeds_dir))
    store = tmp_path / "store"
    build([corpus], None, store=store)
    moved = corpus.rename(tmp_path / "moved")
    summary = build([moved], None, store=store)
    assert (summary.processed, summary.store.written, summary.store.removed) == (0, 5, 0)
    sources = [q.object.value for q in quads(store) if q.predicate.value.endswith("#sourceFile")]
    assert len(sources) == 5 and all(source.startswith(str(moved)) for source in sources)
