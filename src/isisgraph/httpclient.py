"""The HTTP client isisgraph talks to triple stores with.

Three things ``requests`` leaves to its caller, done once here:

- **No redirects.** A store answering a PUT with 301/302/303 would have requests repeat it as a
  GET (the graph silently not stored) and a 307/308 would send the whole graph to wherever the
  Location points. :func:`bounded_request` never follows one; the caller reports it.
- **A deadline per request.** requests' ``timeout`` bounds each read, so a server sending a
  byte every two seconds holds a request forever. Each request here has a deadline for the
  whole exchange (connect, send, answer): a timer shuts the request's socket down when it
  passes, and the request fails as a timeout. The sockets are found through urllib3
  connection classes that report the sockets they open and reuse (:class:`DeadlineAdapter`).
- **No credentials in messages.** ``http://user:secret@host/`` is shown as
  ``http://user:***@host/`` (:func:`redact`), in errors and in what a command prints.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection


class DeadlinePassed(requests.Timeout):
    """The whole request took longer than its deadline."""


class Deadline:
    """Shuts the sockets of one request down when ``seconds`` have passed."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        self.timer = threading.Timer(seconds, self.expire)
        self.timer.daemon = True

    def watch(self, sock: socket.socket) -> None:
        with self.lock:
            self.sockets.append(sock)
            if self.expired:
                shut(sock)

    def expire(self) -> None:
        with self.lock:
            self.expired = True
            for sock in self.sockets:
                shut(sock)


def shut(sock: socket.socket) -> None:
    """End every transfer on ``sock``: a read blocked on it returns at once."""
    with suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


_current = threading.local()  # the Deadline of the request this thread is making


def watch(sock: socket.socket | None) -> None:
    deadline = getattr(_current, "deadline", None)
    if deadline is not None and sock is not None:
        deadline.watch(sock)


class WatchedConnection:
    """Reports the socket it opens, or reuses for a new request, to the thread's Deadline."""

    sock: socket.socket | None

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()  # type: ignore[misc]
        watch(sock)
        return sock

    def request(self, *args: Any, **kwargs: Any) -> Any:
        watch(self.sock)  # a kept-alive connection: no new socket this time
        return super().request(*args, **kwargs)  # type: ignore[misc]


class WatchedHTTPConnection(WatchedConnection, HTTPConnection):
    pass


class WatchedHTTPSConnection(WatchedConnection, HTTPSConnection):
    pass


class WatchedHTTPPool(urllib3.HTTPConnectionPool):
    ConnectionCls = WatchedHTTPConnection


class WatchedHTTPSPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = WatchedHTTPSConnection


POOLS = {"http": WatchedHTTPPool, "https": WatchedHTTPSPool}


class DeadlineAdapter(HTTPAdapter):
    """requests' adapter with connections whose sockets a Deadline can shut."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = POOLS

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if isinstance(manager, urllib3.ProxyManager):
            manager.pool_classes_by_scheme = POOLS
        return manager


def store_session(session: requests.Session | None = None) -> requests.Session:
    """``session`` (or a new one) with the deadline adapter mounted for http and https."""
    session = session or requests.Session()
    adapter = DeadlineAdapter()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


@contextmanager
def deadline(seconds: float) -> Iterator[Deadline]:
    """Requests made by this thread inside the block end when ``seconds`` have passed."""
    limit = Deadline(seconds)
    _current.deadline = limit
    limit.timer.start()
    try:
        yield limit
    finally:
        limit.timer.cancel()
        _current.deadline = None


def bounded_request(session: requests.Session, method: str, url: str, timeout: float,
                    **kwargs: Any) -> requests.Response:
    """``session.<method>(url, ...)`` with its body read, never following a redirect, done
    within ``timeout`` seconds in all (else DeadlinePassed, a requests.Timeout)."""
    with deadline(timeout) as limit:
        try:
            response = getattr(session, method)(url, timeout=(timeout, timeout), allow_redirects=False, **kwargs)
            response.content  # noqa: B018 - the body is part of the exchange the deadline bounds
        except (requests.RequestException, OSError) as exc:
            if limit.expired:
                raise DeadlinePassed(f"no complete answer within {timeout:g} s") from exc
            raise
    return response


def redact(url: str) -> str:
    """``url`` with the password of its user info replaced by ``***``."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


def scrub(text: str, url: str) -> str:
    """``text`` (an error message) with every occurrence of ``url``'s password replaced."""
    try:
        password = urlsplit(url).password
    except ValueError:
        return text
    return text.replace(password, "***") if password else text
