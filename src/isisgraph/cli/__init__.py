"""The ``isisgraph`` command: a thin click layer over the library.

Exit codes: 0 ok; 1 the data does not conform to the shapes or a query failed; 2 a usage
or load error (a missing file, malformed input, an unknown option).
"""

from __future__ import annotations

import importlib

import click

from isisgraph import __version__
from isisgraph.cli.common import EXIT_CODES_HELP, CommandError

# Each command's module is imported when the command is run (or listed by --help), so a
# command imports only what it uses: `isisgraph query` never loads the build's or the
# views' modules. Name -> "module:attribute".
COMMANDS = {
    "build": "isisgraph.cli.build:build",
    "evaluate": "isisgraph.cli.evaluate:evaluate",
    "validate": "isisgraph.cli.validate:validate",
    "export": "isisgraph.cli.export:export",
    "push": "isisgraph.cli.export:push",
    "queries": "isisgraph.cli.query:queries",
    "query": "isisgraph.cli.query:query",
    "explain": "isisgraph.cli.query:explain",
    "demo-queries": "isisgraph.cli.query:demo_queries",
    "names": "isisgraph.cli.query:names",
    "viz": "isisgraph.cli.viz:viz",
}


class Commands(click.Group):
    """The command group, its commands imported when first asked for (:data:`COMMANDS`).
    An OSError no command turned into a message (standard output on a full disk, a file
    that vanished) still ends as one line and exit 2, never a traceback."""

    @property
    def commands(self) -> dict[str, click.Command]:  # type: ignore[override]
        """Every command, all imported (what code that reads the whole group sees)."""
        for name in COMMANDS:
            self.command_named(name)
        return self._commands

    @commands.setter
    def commands(self, value: dict[str, click.Command]) -> None:
        self._commands = value

    def command_named(self, name: str) -> click.Command | None:
        if name not in self._commands and name in COMMANDS:
            module, attribute = COMMANDS[name].split(":")
            self._commands[name] = getattr(importlib.import_module(module), attribute)
        return self._commands.get(name)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self.command_named(cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self._commands, *COMMANDS})

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
