"""``isisgraph viz``: a view of the graph as one HTML page that works offline."""

from __future__ import annotations

from pathlib import Path

import click

from isisgraph.cli.common import EXIT_CODES_HELP, library_errors
from isisgraph.viz import PAGES


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("graph.html"),
              show_default=True, help="The page to write (through a temporary file, renamed when complete).")
@click.option("--view", type=click.Choice(PAGES),
              default="actors", show_default=True,
              help="actors: who acts with or against whom (and who struck whom); places: places and what they "
                   "are part of; events: events, strike reports and claims with their actors and places; "
                   "full: every node and link of the article graphs; map: events and strike reports at their "
                   "places over the borders of Iraq, Syria and their governorates, with a date range; "
                   "timeline: strikes per month per country and actor, and control changes.")
def viz(graph: Path, output: Path, view: str) -> None:
    """Draw GRAPH (a .trig or .nq build; .ttl or .nt also read) as one HTML page.

    The page needs no network: the layout and drawing code and the data are inside it.
    Nodes are coloured by type (a legend lists them), an edge's label shows on hover;
    clicking a node shows its label, type and the evidence sentence with a link to the
    article. Open a node directly with OUTPUT#node=<IRI>. On the map, a click on a marker
    lists its events and reports with their sentences (OUTPUT#from=YYYY-MM-DD&to=YYYY-MM-DD
    opens it on a date range); on the timeline, a click on a bar lists the reported periods
    and articles behind it.
    """
    from isisgraph.viz import write_html

    with library_errors():
        summary = write_html(graph, output, view)
    click.echo(f"wrote {summary.output}: {summary.view} view, {summary.what}, {summary.bytes} bytes")
