"""``isisgraph viz``: a view of the graph as one HTML page that works offline."""

from __future__ import annotations

from pathlib import Path

import click

from isisgraph.cli.common import EXIT_CODES_HELP, library_errors
from isisgraph.views import VIEWS


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("graph", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("graph.html"),
              show_default=True, help="The page to write (through a temporary file, renamed when complete).")
@click.option("--view", type=click.Choice(VIEWS), default="actors", show_default=True,
              help="actors: who acts with or against whom; places: places and what they are part of; "
                   "events: events, strike reports and claims with their actors and places; "
                   "full: every node and link of the article graphs.")
def viz(graph: Path, output: Path, view: str) -> None:
    """Draw GRAPH (a .trig or .nq build; .ttl or .nt also read) as one HTML page.

    The page needs no network: the layout and drawing code and the data are inside it.
    Nodes are coloured by type (a legend lists them) and edges are labelled; clicking a
    node shows its label, type and the evidence sentence with a link to the article.
    Open a node directly with OUTPUT#node=<IRI>.
    """
    from isisgraph.viz import write_html

    with library_errors():
        summary = write_html(graph, output, view)
    click.echo(f"wrote {summary.output}: {summary.view} view, {summary.nodes} nodes, {summary.edges} edges, "
               f"{summary.bytes} bytes")
