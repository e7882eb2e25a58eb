"""``isisgraph evaluate``: precision, recall and F1 of a built graph against gold annotations."""

from __future__ import annotations

from pathlib import Path

import click

from isisgraph.cli.common import EXIT_CODES_HELP, library_errors


@click.command(epilog=EXIT_CODES_HELP)
@click.option("--gold", "gold_dir", required=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder of gold annotation files, one {articleId}.json per article "
                   "(see tests/gold/README.md).")
@click.argument("graph", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--show-errors", is_flag=True,
              help="Also list the missed gold items (with the closest prediction and why it "
                   "failed) and the spurious predictions.")
def evaluate(gold_dir: Path, graph: Path, show_errors: bool) -> None:
    """Score the strike reports, events, claims and figures of GRAPH (a .trig or .nq build)
    against the gold annotations in --gold, and print precision, recall and F1 per type.

    Only articles with a gold file are scored. Strike reports match on actor, country,
    counts and period; events on type, place and date; claims on claimant and evidence
    span; figures on measure and value; the pairing is one to one.
    """
    from isisgraph.evaluate import evaluate as run_evaluation
    from isisgraph.evaluate import load_graph

    with library_errors():
        scores = run_evaluation(gold_dir, load_graph(graph))
    click.echo(scores.table())
    if show_errors:
        click.echo("")
        click.echo(scores.errors())
