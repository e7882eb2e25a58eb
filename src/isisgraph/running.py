"""Running a query so that it can be stopped, and its rows read as they come.

A query runs in a worker thread and hands its rows over through a bounded queue; the caller
reads them one by one (:meth:`Evaluation.rows`), so a million-row answer is printed without
being held, and the caller's thread only ever waits on that queue. Waiting there, it sees a
Ctrl-C at once (Oxigraph evaluates in Rust without the interpreter: in the caller's thread a
Ctrl-C waited for the query to end) and gives up at the ``timeout``.

Stopping a query (a timeout, Ctrl-C, a reader that stops early) tells the worker to stop:
rdflib's pure-Python evaluation is interrupted at once (an exception raised in the worker's
thread); Oxigraph's stops at its next row. The worker is a daemon thread, so a command that
gives up exits at once either way.
"""

from __future__ import annotations

import ctypes
import queue
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from isisgraph.errors import IsisGraphError, QueryError

Answer = tuple[list[str], Iterator[tuple[Any, ...]]]  # columns, then rows as they are computed

CHUNK = 256  # rows handed over together: fewer hand-overs, the same memory bound
QUEUE_CHUNKS = 4


class QueryTimeout(QueryError):
    """The query ran longer than its timeout (exit 1)."""


class QueryCancelled(BaseException):
    """Raised inside the worker's thread to stop an evaluation nobody waits for any more
    (a BaseException, so that no ``except Exception`` of the engine swallows it)."""


def interrupt(thread: threading.Thread) -> None:
    """Raise QueryCancelled in ``thread`` when it next runs Python code."""
    if thread.ident is not None and thread.is_alive():
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident), ctypes.py_object(QueryCancelled))


class Evaluation:
    """``produce()`` (which returns the columns and an iterator of rows) run in a worker
    thread inside ``around()``; the columns and rows read from the caller's thread."""

    def __init__(self, produce: Callable[[], Answer], source: str, timeout: float | None = None,
                 around: Callable[[], AbstractContextManager[Any]] = nullcontext) -> None:
        self.source = source
        self.timeout = timeout
        self.deadline = None if timeout is None else time.monotonic() + timeout
        self.stopped = threading.Event()
        # Held while the worker finishes and while the reader interrupts it, so that the one
        # QueryCancelled is raised only in a worker that has not finished: raised after its
        # last line, it would escape every handler (threading.excepthook prints it).
        self.finishing = threading.Lock()
        self.finished = False
        self.queue: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=QUEUE_CHUNKS)
        self.thread = threading.Thread(target=self._work, args=(produce, around), daemon=True,
                                       name=f"isisgraph query {source}")
        self.thread.start()
        kind, value = self._next()
        if kind != "columns":  # an error before the first row
            self._raise(kind, value)
        self.columns: list[str] = value

    # ---------------------------------------------------------------- the caller's side

    def rows(self) -> Iterator[tuple[Any, ...]]:
        """The rows as the worker computes them; stops the worker when the reader stops."""
        try:
            while True:
                kind, value = self._next()
                if kind == "rows":
                    yield from value
                elif kind == "end":
                    return
                else:
                    self._raise(kind, value)
        finally:
            self.stop()

    def stop(self) -> None:
        if not self.stopped.is_set():
            self.stopped.set()
            with self.finishing:
                if not self.finished:
                    interrupt(self.thread)

    def _next(self) -> tuple[str, Any]:
        try:
            while True:
                remaining = None if self.deadline is None else self.deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    raise QueryTimeout(f"{self.source}: the query ran longer than --timeout {self.timeout:g} s "
                                       "and was stopped; narrow it (a LIMIT, a date range) or allow more time")
                try:
                    return self.queue.get(timeout=remaining)
                except queue.Empty:
                    continue
        except BaseException:  # a timeout, or Ctrl-C: the worker must not go on for nobody
            self.stop()
            raise

    def _raise(self, kind: str, value: Any) -> None:
        self.stop()
        if kind == "error":
            if isinstance(value, IsisGraphError | KeyboardInterrupt):
                raise value
            detail = " ".join(str(value).split()) or type(value).__name__
            raise QueryError(f"{self.source}: the query failed: {detail}") from value
        raise QueryError(f"{self.source}: the query ended without an answer")

    # ---------------------------------------------------------------- the worker's side

    def _work(self, produce: Callable[[], Answer], around: Callable[[], AbstractContextManager[Any]]) -> None:
        try:
            self._evaluate(produce, around)
            with self.finishing:  # a QueryCancelled sent before this is raised here at the latest
                self.finished = True
        except QueryCancelled:  # stopped by the reader, wherever the worker was: nothing to report
            with self.finishing:
                self.finished = True

    def _evaluate(self, produce: Callable[[], Answer], around: Callable[[], AbstractContextManager[Any]]) -> None:
        try:
            with around():
                columns, rows = produce()
                if not self._put(("columns", columns)):
                    return
                chunk: list[tuple[Any, ...]] = []
                for row in rows:
                    chunk.append(row)
                    # a full chunk, or what there is when the reader has nothing left to read
                    if len(chunk) >= CHUNK or self.queue.empty():
                        if not self._put(("rows", chunk)):
                            return
                        chunk = []
                if chunk and not self._put(("rows", chunk)):
                    return
                self._put(("end", None))
        except QueryCancelled:
            raise
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            self._put(("error", exc))

    def _put(self, item: tuple[str, Any]) -> bool:
        """Hand ``item`` over, waiting while the reader is behind; False once stopped."""
        while not self.stopped.is_set():
            try:
                self.queue.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False
