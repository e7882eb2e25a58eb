"""The ``isisgraph`` command: a thin click layer over the library.

Exit codes: 0 ok; 1 the data does not conform to the shapes or a query failed; 2 a usage
or load error (a missing file, malformed input, an unknown option).
"""

from __future__ import annotations

import click

from isisgraph import __version__
from isisgraph.cli.common import EXIT_CODES_HELP, CommandError


class Commands(click.Group):
    """The command group. An OSError no command turned into a message (standard output on a
    full disk, a file that vanished) still ends as one line and exit 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise  # the reader stopped early (`| head`); the commands that stream handle it
        except OSError as exc:
            where = exc.filename or "standard output"
            raise CommandError(f"{where}: {exc.strerror or exc}; check the disk and its permissions") from exc


@click.group(cls=Commands, epilog=EXIT_CODES_HELP)
@click.version_option(__version__, prog_name="isisgraph")
def main() -> None:
    """Build an auditable RDF knowledge graph from news about the campaign against ISIS."""


from isisgraph.cli.build import build  # noqa: E402

main.add_command(build)

from isisgraph.cli.evaluate import evaluate  # noqa: E402

main.add_command(evaluate)

from isisgraph.cli.validate import validate  # noqa: E402

main.add_command(validate)

from isisgraph.cli.export import export, push  # noqa: E402

main.add_command(export)
main.add_command(push)

from isisgraph.cli.query import demo_queries, explain, names, queries, query  # noqa: E402

main.add_command(queries)
main.add_command(query)
main.add_command(explain)
main.add_command(demo_queries)
main.add_command(names)

from isisgraph.cli.viz import viz  # noqa: E402

main.add_command(viz)
