"""Locks between isisgraph processes on one machine: a build's output, a query store on disk.

A lock is a file locked with ``flock``: shared by readers, exclusive for a writer, released by
the operating system when the process ends however it ends (a killed build leaves no stale
lock). Taking one never waits: a second build of the same output, or a query that would
reload a store others are reading, stops at once with a :class:`BusyError` naming what holds
it. An exclusive holder writes its process id into the file for that message.

Where ``fcntl`` does not exist (Windows) locks are not taken.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from isisgraph.errors import BusyError
from isisgraph.files import cannot_write

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class FileLock:
    """An advisory lock on ``path``, shared or exclusive, taken without waiting."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd: int | None = None
        self.exclusive = False

    def acquire(self, exclusive: bool) -> bool:
        """Take (or convert to) the lock; False when another process holds it in a conflicting way."""
        if fcntl is None:
            return True
        if self.fd is None:
            try:
                self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
            except OSError as exc:
                if not self.path.exists():
                    raise cannot_write(self.path, exc) from exc
                self.fd = os.open(self.path, os.O_RDONLY)  # a read-only folder: readers can still share
        try:
            fcntl.flock(self.fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        self.exclusive = exclusive
        if exclusive:
            try:
                os.ftruncate(self.fd, 0)
                os.pwrite(self.fd, f"{os.getpid()}\n".encode(), 0)
            except OSError:
                pass  # the pid is only for the message
        return True

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing the descriptor releases the lock
            self.fd = None

    def holder(self) -> str:
        """Who holds the lock, for a message: "process 1234" when an exclusive holder said so."""
        try:
            pid = self.path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            pid = ""
        return f"process {pid}" if pid.isdigit() else "another process"


@contextmanager
def exclusively(path: Path, busy: str) -> Iterator[FileLock]:
    """Hold ``path`` exclusively for the block; BusyError(``busy`` with "{holder}" filled in)
    when another process holds it."""
    lock = FileLock(path)
    try:
        if not lock.acquire(exclusive=True):
            raise BusyError(busy.replace("{holder}", lock.holder()))
        yield lock
    finally:
        lock.release()
