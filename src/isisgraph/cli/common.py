"""Helpers shared by the CLI commands: turning library errors into one-line messages."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click

from isisgraph.errors import IsisGraphError
from isisgraph.hygiene import printable

EXIT_CODES_HELP = """\b
Exit codes:
  0  ok
  1  the data does not conform to the shapes, a query failed, or a store
     could not be reached or refused a request (push, query --endpoint)
  2  usage or load error: missing or malformed input; also a build that
     skipped unreadable inputs (the graph of the rest is still written)"""


class CommandError(click.ClickException):
    """A one-line error with the exit code of the library error behind it; control
    characters from the input (a file name, a value) are shown as escapes."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(printable(message))
        self.exit_code = exit_code


@contextmanager
def library_errors() -> Iterator[None]:
    """Run library code, turning :class:`IsisGraphError` into a click error with its exit code."""
    try:
        yield
    except IsisGraphError as exc:
        for line in exc.details:
            click.echo(printable(line), err=True)
        raise CommandError(str(exc), exc.exit_code) from exc
