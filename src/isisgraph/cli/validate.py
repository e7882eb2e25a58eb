"""``isisgraph validate``: check a built graph against the SHACL shapes."""

from __future__ import annotations

from pathlib import Path

import click

from isisgraph.cli.common import EXIT_CODES_HELP, library_errors
from isisgraph.hygiene import printable


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--report", "report_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the SHACL validation report graph to this Turtle file.")
@click.option("--engine", type=click.Choice(["pyshacl", "python"]), default="pyshacl", show_default=True,
              help="pyshacl: pySHACL runs the shapes (the provenance and closed-world ones in Python); "
                   "python: every shape in Python, as a build validates (the same results, faster).")
def validate(file: Path, report_file: Path | None, engine: str) -> None:
    """Validate FILE (.trig or .nq, as written by `isisgraph build`) against the shapes.

    Each article graph is checked merged with the ontology, the reference data and its
    article's metadata. Prints "conforms: N article graphs, M triples", or one line per
    violation: the graph, the node, the property, what is wrong, the value and the quoted
    words of the article.
    """
    from isisgraph.files import write_atomically
    from isisgraph.validate import validate_file

    with library_errors():
        report = validate_file(file, engine=engine)
        if report_file is not None:
            write_atomically(report_file, report.results_graph.serialize(format="turtle", encoding="utf-8"))
    click.echo(printable(report.text()))
    if not report.conforms:
        raise SystemExit(1)
