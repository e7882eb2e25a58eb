"""Errors the library raises; the CLI turns them into one-line messages and exit codes."""


class IsisGraphError(Exception):
    """Base class: the message says what went wrong and what to do about it.

    ``details`` are lines the CLI prints before the message (the inputs a build skipped, and
    why, when none was left to build)."""

    exit_code = 2

    def __init__(self, message: str, details: tuple[str, ...] | list[str] = ()) -> None:
        super().__init__(message)
        self.details = tuple(details)


class InputError(IsisGraphError):
    """An input file or argument cannot be used (exit 2)."""


class OutputError(IsisGraphError):
    """A file or folder cannot be written: read-only, full, in the way (exit 2)."""


class BusyError(IsisGraphError):
    """Another isisgraph process holds the output or the query store (exit 2)."""


class ModelNotFoundError(IsisGraphError):
    """No spaCy English model is installed."""


class ConformanceError(IsisGraphError):
    """The data does not conform to the shapes, or a query failed (exit 1)."""

    exit_code = 1


class QueryError(ConformanceError):
    """A query could not be parsed or evaluated, or would change the graph (exit 1)."""


class ParamError(InputError):
    """A ``--param`` names no parameter of the query or its value has the wrong form (exit 2)."""


class RemoteStoreError(IsisGraphError):
    """A triple store could not be reached or refused the request."""

    exit_code = 1


def one_line(exc: BaseException | str) -> str:
    """An exception's message (or any text) with its whitespace collapsed onto one line."""
    return " ".join(str(exc).split())
