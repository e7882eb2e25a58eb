"""``isisgraph evaluate``: precision, recall and F1 of a built graph against gold annotations."""

from __future__ import annotations

from pathlib import Path

import click

from isisgraph.cli.common import EXIT_CODES_HELP, library_errors


@click.command(epilog=EXIT_CODES_HELP)
@click.option("--gold", "gold_dir", required=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder of gold annotation files, one {articleId}.json per article, plain or "
                   "sealed (see tests/gold/README.md and tests/data/real/README.md).")
@click.argument("graph", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--match", type=click.Choice(["blind", "strict"]), default="blind", show_default=True,
              help="blind: the rules the blind evaluation sets are scored with; strict: the finer "
                   "reading the test suite's bars use (actor, engagements, overlapping periods).")
@click.option("--texts", "texts_dirs", multiple=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="The folder of articles GRAPH was built from (repeatable): only the gold of "
                   "its articles is scored, every evidence is checked against its text, and "
                   "sealed gold shows its sentences in --errors.")
@click.option("--errors", "--show-errors", "show_errors", is_flag=True,
              help="Also list the missed gold items with their evidence (the closest prediction "
                   "and why it failed) and the spurious predictions with their quote.")
def evaluate(gold_dir: Path, graph: Path, match: str, texts_dirs: tuple[Path, ...],
             show_errors: bool) -> None:
    """Score the strike reports, events, claims and figures of GRAPH (a .trig or .nq build)
    against the gold annotations in --gold, and print precision, recall and F1 per type.

    Only articles with a gold file are scored, and of each only the kinds its "annotated"
    list names (all four when it has none); the pairing is one to one. With --match blind
    (the default): strike reports with a count match on count, countries and the month the
    period starts; events (control changes, attacks, killings, arrests, surrenders, clashes)
    on family, a place that is the gold's, inside it or around it, and the month; "events
    with sides" also wants the gold's known actors in their roles, and "events, no wrong
    side" no actor there unrelated to them (ig:memberOf); claims on overlapping
    evidence and a shared speaker or organisation; figures on measure and value.
    """
    from isisgraph.evaluate import evaluate as run_evaluation
    from isisgraph.evaluate import load_graph, read_texts

    with library_errors():
        texts = read_texts(texts_dirs) if texts_dirs else None
        scores = run_evaluation(gold_dir, load_graph(graph), match=match, texts=texts)
    click.echo(scores.table())
    click.echo(f"matching: {match}")
    if show_errors:
        click.echo("")
        click.echo(scores.errors())
