"""The `isisgraph viz` page: what the file holds, then what headless Chromium draws from it.

The browser tests need Debian's `chromium` (`.ci/run` installs it); without it they say so
and are skipped. Each opens the page from a file with the network shut (no DNS, a CSP of
default-src 'none' in the page itself) and reads the DOM or a screenshot once the layout ran.
"""

from __future__ import annotations

import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from rdflib import RDF, SKOS, XSD, Dataset, Literal

from isisgraph.cli import main
from isisgraph.errors import OutputError
from isisgraph.namespaces import GRAPH, ID, IG, META_GRAPH, OA, REFERENCE_GRAPH, SCHEMA, actor
from isisgraph.views import VIEWS, load_graph, to_networkx
from isisgraph.viz import GREYS, PALETTE, TYPE_COLOURS, render_html, type_colour, write_html

HOSTILE = '</script><script>alert("x")</script><!-- & \u2028'
ARTICLE = ID["article/t1"]
EVENT = ID["event/t1/event-Attack-0-20"]


@pytest.fixture(scope="module")
def tiny() -> Dataset:
    """Two actors and an attack between them; one label tries to end the page's script."""
    ds = Dataset(default_union=True)
    ref = ds.graph(REFERENCE_GRAPH)
    ref.add((actor("a"), RDF.type, IG.ArmedGroup))
    ref.add((actor("a"), SKOS.prefLabel, Literal(HOSTILE, lang="en")))
    ref.add((actor("b"), RDF.type, IG.StateForce))
    ref.add((actor("b"), SKOS.prefLabel, Literal("Bravo", lang="en")))
    ds.graph(META_GRAPH).add((ARTICLE, SCHEMA.url, Literal("javascript:alert(1)", datatype=XSD.anyURI)))
    doc = ds.graph(GRAPH["doc/t1"])
    doc.add((EVENT, RDF.type, IG.Attack))
    doc.add((EVENT, IG.perpetrator, actor("a")))
    doc.add((EVENT, IG.targetActor, actor("b")))
    ev = ID["event/t1/event-Attack-0-20/evidence/0-20"]
    doc.add((EVENT, IG.evidence, ev))
    doc.add((ev, OA.hasSource, ARTICLE))
    doc.add((ev, OA.hasSelector, ID["event/t1/event-Attack-0-20/evidence/0-20/quote"]))
    doc.add((ID["event/t1/event-Attack-0-20/evidence/0-20/quote"], OA.exact, Literal("A attacked B")))
    return ds


def embedded_json(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.DOTALL)
    assert match is not None
    return json.loads(match.group(1))


# ---------------------------------------------------------------------- the file


def test_text_from_the_graph_cannot_end_the_script(tiny):
    page = render_html(to_networkx(tiny, "actors"), title="<b>t</b>")
    assert HOSTILE not in page and '<script>alert("x")' not in page
    assert page.count("</script>") == 2  # the data element and the page's own script
    data = embedded_json(page)
    assert HOSTILE in [node["label"] for node in data["nodes"]]  # the label itself survives
    assert "<title>&lt;b&gt;t&lt;/b&gt;</title>" in page


def test_the_page_loads_nothing_from_the_network(tiny):
    page = render_html(to_networkx(tiny, "actors"))
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page, re.IGNORECASE)
    assert "@import" not in page and not re.search(r"url\(\s*['\"]?https?:", page)
    assert "default-src 'none'" in page
    # links to articles are made only for http(s) addresses (the data here has javascript:)
    assert "safeUrl" in page and "/^https?:\\/\\//i" in page


def test_the_same_graph_gives_the_same_page(tiny, tmp_path):
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    write_html(tiny, first)
    write_html(tiny, second)
    assert first.read_bytes() == second.read_bytes()


def test_the_legend_gives_each_type_its_own_colour(seeds_dataset):
    for view in VIEWS:
        drawn = to_networkx(seeds_dataset, view)
        data = embedded_json(render_html(drawn))
        assert len(data["nodes"]) == drawn.number_of_nodes()
        assert len(data["edges"]) == drawn.number_of_edges()
        assert {t["type"] for t in data["types"]} == {d["type"] for _, d in drawn.nodes(data=True)}
        assert sum(t["count"] for t in data["types"]) == drawn.number_of_nodes()
        domain = [t["color"] for t in data["types"] if t["kind"] not in GREYS]
        assert len(set(domain)) == len(domain), view


def test_a_type_keeps_its_colour_from_one_graph_to_the_next(tiny, seeds_dataset):
    """The colour comes from the type, not from the order the types appear in."""
    assert len(set(TYPE_COLOURS.values())) == len(TYPE_COLOURS)
    seen = {t["type"]: t["color"] for t in embedded_json(render_html(to_networkx(seeds_dataset, "actors")))["types"]}
    alone = {t["type"]: t["color"] for t in embedded_json(render_html(to_networkx(tiny, "actors")))["types"]}
    # the tiny graph has an armed group and a state force only; in the seeds they come after
    # coalitions and governments in the legend
    assert set(alone) == {"ArmedGroup", "StateForce"}
    assert alone == {k: seen[k] for k in alone} == {"ArmedGroup": "#d62728", "StateForce": "#1f77b4"}
    assert type_colour("SomethingNew") == type_colour("SomethingNew") in PALETTE


def test_a_failed_write_leaves_the_old_page(tiny, tmp_path, monkeypatch):
    out = tmp_path / "graph.html"
    out.write_text("old page", encoding="utf-8")
    written: list[str] = []

    def interrupted(source, target):  # noqa: ANN001 (os.replace's signature)
        written.append(Path(source).read_text(encoding="utf-8"))
        raise OSError("interrupted before the rename")

    monkeypatch.setattr("isisgraph.export.os.replace", interrupted)
    with pytest.raises(OutputError, match=f"cannot write {out}"):
        write_html(tiny, out)
    assert written and written[0].startswith("<!DOCTYPE html>")  # the whole page went to a temporary file
    assert out.read_text(encoding="utf-8") == "old page"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]  # and the temporary file is gone


def test_cli_writes_the_page(seeds_build, tmp_path):
    path, _ = seeds_build
    out = tmp_path / "places.html"
    result = CliRunner().invoke(main, ["viz", str(path), "-o", str(out), "--view", "places"])
    assert result.exit_code == 0, result.output
    drawn = to_networkx(path, "places")
    assert result.output.startswith(
        f"wrote {out}: places view, {drawn.number_of_nodes()} nodes, {drawn.number_of_edges()} edges, ")
    assert len(embedded_json(out.read_text(encoding="utf-8"))["nodes"]) == drawn.number_of_nodes()


def test_cli_errors(tmp_path):
    result = CliRunner().invoke(main, ["viz", str(tmp_path / "none.trig"), "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 2
    assert result.output == f"Error: {tmp_path / 'none.trig'}: no such graph file; build one with `isisgraph build`\n"
    result = CliRunner().invoke(main, ["viz", str(tmp_path / "none.trig"), "--view", "people"])
    assert result.exit_code == 2
    assert ("Invalid value for '--view': 'people' is not one of 'actors', 'places', 'events', 'full', 'map', "
            "'timeline'") in result.output
    assert not (tmp_path / "x.html").exists()


# ---------------------------------------------------------------------- in the browser

def open_page(browser: str, page: Path, profile: Path, *action: str, fragment: str = "") -> str:
    """Run headless Chromium on ``page`` once its timers ran (the layout), offline."""
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--user-data-dir={profile}", "--virtual-time-budget=60000", "--run-all-compositor-stages-before-draw",
        "--window-size=1200,800", *action, page.resolve().as_uri() + fragment,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class PageReader(HTMLParser):
    """What the test reads from a dumped DOM: body attributes, node groups, the info panel."""

    def __init__(self) -> None:
        super().__init__()
        self.body: dict[str, str | None] = {}
        self.node_groups = 0
        self.circles = 0
        self.info_depth = 0
        self.info_text: list[str] = []
        self.info_links: list[str] = []
        self.marked: list[str] = []
        self.in_mark = False

    def handle_starttag(self, tag, attrs):  # noqa: ANN001 (HTMLParser's signature)
        attributes = dict(attrs)
        if tag == "body":
            self.body = attributes
        if tag == "g" and "node" in (attributes.get("class") or "").split():
            self.node_groups += 1
        if tag == "circle":
            self.circles += 1
        if tag == "section" and attributes.get("id") == "info":
            self.info_depth = 1
        elif self.info_depth:
            self.info_depth += 1
            if tag == "a":
                self.info_links.append(attributes.get("href") or "")
            if tag == "mark":
                self.in_mark = True

    def handle_endtag(self, tag):  # noqa: ANN001
        if self.info_depth:
            self.info_depth -= 1
            if tag == "mark":
                self.in_mark = False

    def handle_data(self, data):  # noqa: ANN001
        if self.info_depth:
            self.info_text.append(data)
            if self.in_mark:
                self.marked.append(data)


def read_dom(dom: str) -> PageReader:
    reader = PageReader()
    reader.feed(dom)
    return reader


@pytest.fixture(scope="module")
def seed_pages(seeds_build, tmp_path_factory) -> dict[str, Path]:
    path, _ = seeds_build
    folder = tmp_path_factory.mktemp("viz")
    return {view: write_html(path, folder / f"{view}.html", view).output for view in VIEWS}


@pytest.fixture(scope="module")
def seed_graph(seeds_build):
    """The seeds build loaded as `isisgraph viz` loads it (reconciled)."""
    path, _ = seeds_build
    return load_graph(path)


@pytest.mark.parametrize("view", VIEWS)
def test_the_browser_draws_every_node(chromium, seed_graph, seed_pages, tmp_path, view):
    dom = read_dom(open_page(chromium, seed_pages[view], tmp_path / "profile", "--dump-dom"))
    drawn = to_networkx(seed_graph, view)
    assert dom.body.get("data-ready") == "1", dom.body
    assert int(dom.body["data-nodes"] or -1) == drawn.number_of_nodes()
    assert dom.node_groups == drawn.number_of_nodes()
    assert int(dom.body["data-edges"] or -1) == drawn.number_of_edges()
    assert dom.body.get("data-view") == view


def test_the_screenshot_shows_the_graph(chromium, seed_pages, tmp_path):
    image_module = pytest.importorskip("PIL.Image", reason="Pillow (pinned in requirements.lock) is not installed")
    shot = tmp_path / "actors.png"
    open_page(chromium, seed_pages["actors"], tmp_path / "profile", f"--screenshot={shot}")
    with image_module.open(shot) as image:
        assert image.size == (1200, 800)
        drawing = image.convert("RGB").crop((0, 40, 850, 800))  # left of the side panel, under the header
        colours = drawing.getcolors(maxcolors=1 << 20)
    assert colours is not None
    pixels = drawing.width * drawing.height
    painted = sum(count for count, rgb in colours if sum(rgb) < 3 * 235)
    assert len(colours) > 200, "the drawing has almost no colours: nothing was drawn"
    assert 0.005 < painted / pixels < 0.6, painted / pixels


def test_a_node_in_the_address_opens_its_evidence(chromium, seed_graph, seed_pages, tmp_path):
    drawn = to_networkx(seed_graph, "actors")
    sdf = str(actor("sdf"))
    expected = drawn.nodes[sdf]
    dom = read_dom(open_page(chromium, seed_pages["actors"], tmp_path / "profile", "--dump-dom",
                             fragment="#node=" + quote(sdf, safe="")))
    assert dom.body.get("data-selected") == sdf
    text = "".join(dom.info_text)
    assert expected["label"] in text and expected["type_label"] in text
    assert "".join(dom.marked) == expected["evidence"]
    assert expected["url"] in dom.info_links
    # the links list the records behind each edge, with their own evidence
    took = [d for _, v, d in drawn.out_edges(sdf, data=True) if d["label"] == "took from"]
    assert took and all(d["evidence"] in text for d in took)
    # the labels of its edges show (one per line: edges with the same ends and label are one)
    lines = {(u, v, d["label"]) for u, v, d in drawn.edges(data=True) if sdf in (u, v)}
    assert int(dom.body["data-edge-labels-shown"] or -1) == len(lines) > 1


def test_edge_labels_wait_for_the_pointer(chromium, seed_graph, seed_pages, tmp_path):
    """Printed all at once they fall over each other: none shows until an edge is pointed at."""
    raw = open_page(chromium, seed_pages["actors"], tmp_path / "profile", "--dump-dom")
    dom = read_dom(raw)
    assert dom.body.get("data-ready") == "1"
    assert dom.body.get("data-edge-labels-shown") == "0"
    # the coalition's strike reports on ISIS are one line, labelled with how many there are
    struck = to_networkx(seed_graph, "actors").get_edge_data(str(actor("cjtf-oir")), str(actor("isis")))
    times = len([d for d in struck.values() if d["label"] == "struck"])
    assert times > 1 and f">struck ×{times}</text>" in raw


def test_an_unknown_node_in_the_address_says_so(chromium, seed_pages, tmp_path):
    dom = read_dom(open_page(chromium, seed_pages["places"], tmp_path / "profile", "--dump-dom",
                             fragment="#node=" + quote("https://example.org/nothing", safe="")))
    assert "No node https://example.org/nothing in this view." in "".join(dom.info_text)
    assert "data-selected" not in dom.body


def test_the_events_view_names_only_actors_places_and_operations(chromium, seed_graph, seed_pages, tmp_path):
    """The records' long labels around every hub made a hairball: they wait for hover or selection."""
    drawn = to_networkx(seed_graph, "events")
    named = [n for n, d in drawn.nodes(data=True) if d["kind"] in ("actor", "place", "operation")]
    dom = read_dom(open_page(chromium, seed_pages["events"], tmp_path / "profile", "--dump-dom"))
    assert dom.body.get("data-ready") == "1"
    assert int(dom.body["data-node-labels-shown"] or -1) == len(named) < drawn.number_of_nodes() - 50
    # a selected record shows its own label
    record = next(n for n, d in drawn.nodes(data=True) if d["kind"] == "report")
    neighbours = {v for v in drawn.successors(record)} | {u for u in drawn.predecessors(record)}
    dom = read_dom(open_page(chromium, seed_pages["events"], tmp_path / "profile", "--dump-dom",
                             fragment="#node=" + quote(record, safe="")))
    quiet_neighbours = [n for n in neighbours if drawn.nodes[n]["kind"] not in ("actor", "place", "operation")]
    assert int(dom.body["data-node-labels-shown"] or -1) == len(named) + 1 + len(quiet_neighbours)
