"""One self-contained HTML page that draws a view of the graph, for a browser with no network.

The page is ``page.html`` with ``page.css``, ``evidence.js`` (what the map and timeline pages share: text
elements, the link to an article) and ``page.js`` (a small force-directed layout and
SVG drawing written for isisgraph: no library, no CDN) and the view's nodes and edges as JSON
inlined. Nodes are coloured by their most specific type from a fixed table, so a type has the
same colour in every graph (a legend lists the types); edge labels show when the pointer is
on an edge or its node is selected, or for all edges with the "edge labels" box; a click
on a node — or ``#node=<IRI>`` in the address, or ``showNode(iri)`` from a script — shows its
label, type, the evidence sentence and a link to the article. In the events and full views
only actors, places and operations are named; a record's label shows on hover or selection.
When the layout has finished, ``<body>`` carries ``data-nodes`` and ``data-edges``: how many
nodes and edges were drawn.

The JSON sits in a ``<script type="application/json">`` element with ``<``, ``>`` and ``&``
written as ``\\u003c``..., so no text in the graph (a quote containing ``</script>``) can end
the element; the page puts text into the document with ``textContent`` only, and links only to
``http(s)`` addresses. The same graph gives the same file, byte for byte.
"""

from __future__ import annotations

import html
import json
import os
import re
import zlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from isisgraph.views import VIEWS, GraphReader, load_graph, to_networkx

if TYPE_CHECKING:
    import networkx as nx

# Each type has its own colour, the same in every graph and every page (the map colours its
# markers by the same table): reds for armed groups and attacks, blues for state forces,
# greens for places. A type the table lacks gets a colour from its name (PALETTE), so it too
# keeps it from one graph to the next; the bookkeeping kinds (mentions, evidence, selectors
# ...) stay grey so that the domain stands out.
TYPE_COLOURS = {
    # actors
    "ArmedGroup": "#d62728", "StateForce": "#1f77b4", "Coalition": "#17becf", "Government": "#9467bd",
    "PoliticalParty": "#bcbd22", "Organization": "#8c564b", "Person": "#e377c2", "Actor": "#7f7f7f",
    # places
    "Country": "#2ca02c", "Province": "#98df8a", "District": "#637939", "City": "#31a354", "Village": "#a1d99b",
    "Region": "#8c6d31", "River": "#6baed6", "Mountain": "#c49c94", "MilitaryBase": "#393b79", "Place": "#74c476",
    # operations and records
    "Operation": "#843c39",
    "Event": "#969696", "Strike": "#fd8d3c", "AirStrike": "#e6550d", "Attack": "#a50f15", "Bombing": "#cb181d",
    "SuicideAttack": "#67000d", "Ambush": "#ef3b2c", "Assassination": "#7b4173", "Abduction": "#ce6dbd",
    "ControlChange": "#756bb1", "Arrest": "#3182bd", "Killing": "#99000d", "Surrender": "#9ecae1",
    "Clash": "#fdae6b", "OperationLaunch": "#ad494a",
    "StrikeReport": "#ff7f0e", "Claim": "#e7ba52", "FigureReport": "#dbdb8d", "TargetEngagement": "#fdd0a2",
    "NewsArticle": "#17a2b8", "skos:Concept": "#c5b0d5", "ActorDescription": "#f7b6d2", "DescriptionReading": "#bc80bd",
}
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
           "#bcbd22", "#393b79", "#aec7e8", "#ff9896", "#98df8a", "#ffbb78", "#c5b0d5", "#c49c94",
           "#f7b6d2", "#9edae5", "#dbdb8d", "#637939", "#8c6d31", "#843c39", "#7b4173")
GREYS = {"mention": "#c2c28a", "evidence": "#a9a9a9", "selector": "#d4d4d4", "geometry": "#b9cfd6",
         "provenance": "#8f8f8f"}
KIND_ORDER = ("actor", "place", "operation", "event", "report", "claim", "figure", "article", "concept",
              "target", "mention", "evidence", "selector", "geometry", "provenance", "other")
LABELLED_KINDS = frozenset(("actor", "place", "event", "report", "claim", "figure", "operation", "article"))
# In the events and full views the records' long labels ("Control change: retook · Raqqa ·
# 2017-10-17") printed around every hub made a hairball: there only actors, places and
# operations are named, a record's label shows on hover and when it or a neighbour is selected.
QUIET_RECORD_VIEWS = frozenset(("events", "full"))
NAMED_KINDS = frozenset(("actor", "place", "operation"))
MARKER = re.compile(r"/\*STYLE\*/|/\*SCRIPT\*/|/\*DATA\*/|<!--TITLE-->")
NODE_ATTRIBUTES = ("label", "type", "type_label", "kind")
EVIDENCE_ATTRIBUTES = ("evidence", "evidence_prefix", "evidence_suffix", "url", "headline", "publisher",
                       "published", "article")


@dataclass(frozen=True)
class VizSummary:
    """What was written: the page, the view and how many nodes and edges it draws (for the map:
    records and places; for the timeline: bars and control changes), and that in words."""

    output: Path
    view: str
    nodes: int
    edges: int
    bytes: int
    what: str = ""


def type_colours(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """The legend: every type in the view with its kind, colour and node count."""
    counts: dict[tuple[str, str, str], int] = {}
    for _, attrs in graph.nodes(data=True):
        key = (attrs.get("kind", "other"), attrs.get("type", "untyped"), attrs.get("type_label", ""))
        counts[key] = counts.get(key, 0) + 1
    legend = []
    for kind, type_name, type_label in sorted(counts, key=lambda k: (kind_rank(k[0]), k[1])):
        colour = GREYS.get(kind) or type_colour(type_name)
        legend.append({"type": type_name, "label": type_label or type_name, "kind": kind,
                       "color": colour, "count": counts[(kind, type_name, type_label)]})
    return legend


def type_colour(type_name: str) -> str:
    """The colour of a type: from :data:`TYPE_COLOURS`, else one its name picks from the palette."""
    return TYPE_COLOURS.get(type_name) or PALETTE[zlib.crc32(type_name.encode("utf-8")) % len(PALETTE)]


def kind_rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


def page_data(graph: nx.MultiDiGraph, title: str) -> dict[str, Any]:
    """The JSON the page draws: nodes (with their evidence), edges by node index, the legend."""
    legend = type_colours(graph)
    type_index = {entry["type"]: i for i, entry in enumerate(legend)}
    index = {node: i for i, node in enumerate(graph.nodes)}
    nodes = []
    for node, attrs in graph.nodes(data=True):
        entry: dict[str, Any] = {"id": node, "label": attrs.get("label", node),
                                 "type": type_index[attrs.get("type", "untyped")],
                                 "labelled": attrs.get("kind") in LABELLED_KINDS}
        if graph.graph.get("view") in QUIET_RECORD_VIEWS and attrs.get("kind") not in NAMED_KINDS:
            entry["quiet"] = True
        evidence = {k: attrs[k] for k in EVIDENCE_ATTRIBUTES if k in attrs}
        if evidence:
            entry["evidence"] = evidence
        facts = {k: v for k, v in attrs.items()
                 if k not in NODE_ATTRIBUTES and k not in EVIDENCE_ATTRIBUTES and not k.startswith("evidence_")}
        if facts:
            entry["facts"] = facts
        nodes.append(entry)
    edges = []
    for u, v, attrs in graph.edges(data=True):
        entry = {"s": index[u], "t": index[v], "label": attrs.get("label", "")}
        for key in ("predicate", "record", "record_label", "evidence", "url"):
            if attrs.get(key):
                entry[key] = attrs[key]
        edges.append(entry)
    return {"title": title, "view": graph.graph.get("view", ""), "types": legend, "nodes": nodes, "edges": edges}


def script_json(data: Any) -> str:
    """JSON safe inside a <script> element: no ``</script>``, ``<!--`` or line separators."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def render_html(graph: nx.MultiDiGraph, title: str = "isisgraph") -> str:
    """The whole page for a networkx view (nodes and edges as :func:`isisgraph.views.to_networkx`
    makes them)."""
    parts = {
        "/*STYLE*/": asset("page.css"),
        "/*SCRIPT*/": asset("evidence.js") + asset("page.js"),
        "/*DATA*/": script_json(page_data(graph, title)),
        "<!--TITLE-->": html.escape(title),
    }
    # one pass, so that text put in for one marker is never searched for the next
    return MARKER.sub(lambda match: parts[match.group(0)], asset("page.html"))


# The pages besides the networkx views: a map and a timeline (charts.py says what they draw)
CHARTS = ("map", "timeline")
PAGES = (*VIEWS, *CHARTS)


def render_chart(data: dict[str, Any]) -> str:
    """The page for the map or the timeline data of :mod:`isisgraph.viz.charts`."""
    parts = {
        "/*STYLE*/": asset("page.css") + asset("chart.css"),
        "/*SCRIPT*/": asset("evidence.js") + asset("chart.js"),
        "/*DATA*/": script_json(data),
        "<!--TITLE-->": html.escape(data["title"]),
    }
    return MARKER.sub(lambda match: parts[match.group(0)], asset("chart.html"))


def write_html(graph: Any, output: str | os.PathLike[str], view: str = "actors",
               title: str | None = None) -> VizSummary:
    """Draw ``view`` of ``graph`` (a graph file, an rdflib Dataset or Graph) into ``output``:
    a networkx view (:data:`VIEWS`), the ``map`` or the ``timeline``.

    The page is written to a temporary file beside ``output`` and renamed over it, so a
    reader never sees half a page and a failure leaves the old one.
    """
    from isisgraph.errors import InputError
    from isisgraph.files import write_atomically

    if view not in PAGES:
        raise InputError(f"unknown view {view!r}; choose one of {', '.join(PAGES)}")
    name = Path(graph).name if isinstance(graph, str | os.PathLike) else "graph"
    loaded = load_graph(graph)
    heading = title or f"isisgraph · {view} · {name}"
    if view in CHARTS:
        from isisgraph.viz.charts import map_data, timeline_data

        reader = GraphReader(loaded)
        if view == "map":
            data = map_data(reader, heading)
            counts = (len(data["records"]), len(data["places"]))
            what = f"{counts[0]} events and strike reports at {counts[1]} places"
        else:
            data = timeline_data(reader, heading, loaded)
            counts = (len(data["bars"]), len(data["changes"]))
            what = f"{counts[0]} bars of strikes, {counts[1]} control changes"
        page = render_chart(data)
    else:
        drawn = to_networkx(loaded, view)
        counts = (drawn.number_of_nodes(), drawn.number_of_edges())
        what = f"{counts[0]} nodes, {counts[1]} edges"
        page = render_html(drawn, heading)
    encoded = page.encode("utf-8")
    out = Path(output)
    write_atomically(out, encoded)
    return VizSummary(out, view, counts[0], counts[1], len(encoded), what)


__all__ = ["CHARTS", "PAGES", "VIEWS", "VizSummary", "page_data", "render_chart", "render_html", "script_json",
           "write_html"]
