"""A push never claims what it did not store: redirects, stores that swallow a PUT, servers that
trickle, and passwords in the endpoint. Every server is started here, on 127.0.0.1."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner

from isisgraph.cli import main
from isisgraph.errors import RemoteStoreError
from isisgraph.httpclient import redact, store_session
from isisgraph.push import GraphPayload, graph_payloads, put_graph

FIXTURE = Path(__file__).parent / "data" / "export" / "small.trig"
ONTOLOGY = "<https://w3id.org/isisgraph/graph/ontology>"


class FakeStore:
    """An HTTP server on 127.0.0.1: PUTs are stored and GETs give them back, unless ``answer``
    (given the handler and the request number) answers first."""

    def __init__(self, answer: Callable[[BaseHTTPRequestHandler, int], bool] | None = None) -> None:
        self.answer = answer
        self.graphs: dict[str, bytes] = {}
        self.log: list[str] = []
        store = self

        class Handler(BaseHTTPRequestHandler):
            def handle_one(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                store.log.append(f"{self.command} {self.path}")
                if store.answer is not None and store.answer(self, len(store.log)):
                    return
                key = self.path.split("?", 1)[-1]
                if self.command == "PUT":
                    store.graphs[key] = body
                    self.reply(204)
                elif key in store.graphs:
                    self.reply(200, store.graphs[key])
                else:
                    self.reply(404)

            def reply(self, status: int, body: bytes = b"", **headers: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/n-triples")
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_PUT = do_GET = do_POST = handle_one  # noqa: N815 (http.server's naming)

            def log_message(self, *args: object) -> None:
                """Quiet."""

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    @property
    def endpoint(self) -> str:
        return f"{self.base}/store"

    def __enter__(self) -> FakeStore:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def push_cli(endpoint: str, *extra: str):
    return CliRunner().invoke(main, ["push", str(FIXTURE), "--endpoint", endpoint, "--retries", "0", *extra])


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_is_never_followed_and_the_push_fails(status):
    with FakeStore() as elsewhere:
        def redirect(handler, _number):
            if handler.path.startswith("/store"):
                handler.reply(status, Location=f"{elsewhere.base}/other?{handler.path.split('?', 1)[1]}")
                return True
            return False

        with FakeStore(redirect) as store:
            result = push_cli(store.endpoint)
        assert elsewhere.log == []  # the graph never went where the redirect pointed
    assert result.exit_code == 1
    reason = requests.status_codes._codes[status][0].replace("_", " ").title()
    assert result.output.startswith(f"Error: {store.endpoint} answered {ONTOLOGY} with HTTP {status} ")
    assert f"redirecting to {elsewhere.base}/other?graph=" in result.output
    assert result.output.endswith("; push never follows a redirect (the graph would not be stored): give the "
                                  "address the store answers at as --endpoint; 0 of 6 graphs were replaced and "
                                  "verified before it\n")
    assert reason  # (the reason phrase is the server's; the status is what matters)


def test_the_count_of_replaced_graphs_is_of_graphs_seen_stored():
    def redirect_the_third_put(handler, _number):
        puts = [line for line in store.log if line.startswith("PUT")]
        if handler.command == "PUT" and len(puts) == 3:
            handler.reply(302, Location="https://elsewhere.example/store")
            return True
        return False

    with FakeStore(redirect_the_third_put) as store:
        result = push_cli(store.endpoint)
    assert result.exit_code == 1
    assert result.output.endswith("2 of 6 graphs were replaced and verified before it\n")
    assert len(store.graphs) == 2


def test_a_store_that_answers_2xx_without_storing_fails_the_push():
    def swallow(handler, _number):
        if handler.command == "PUT":
            handler.reply(204)  # a proxy, a read-only mirror: "fine", and nothing kept
            return True
        return False

    with FakeStore(swallow) as store:
        result = push_cli(store.endpoint)
        trusted = push_cli(store.endpoint, "--no-verify")
    assert result.exit_code == 1
    triples = {p.iri: p.triples for p in graph_payloads(FIXTURE)}["https://w3id.org/isisgraph/graph/ontology"]
    assert result.output == (f"Error: {store.endpoint} accepted {ONTOLOGY} but cannot give it back: HTTP 404 Not "
                             "Found; the push cannot tell whether it was stored; 0 of 6 graphs were replaced and "
                             "verified before it\n")
    assert triples > 0
    assert trusted.exit_code == 0 and "  verified 0\n" in trusted.output


def test_a_graph_given_back_short_fails_the_push():
    def give_back_half(handler, _number):
        if handler.command == "GET":
            key = handler.path.split("?", 1)[-1]
            lines = store.graphs[key].splitlines(keepends=True)
            handler.reply(200, b"".join(lines[: len(lines) // 2]))
            return True
        return False

    with FakeStore(give_back_half) as store:
        result = push_cli(store.endpoint)
    assert result.exit_code == 1
    assert "holds " in result.output and "triples when read back; the graph was not stored as sent" in result.output


def test_a_verified_push_reports_it():
    with FakeStore() as store:
        result = push_cli(store.endpoint)
    assert result.exit_code == 0, result.output
    # the fixture's 5 graphs and the derived graph push adds
    assert "  graphs   6\n" in result.output and "  verified 6\n" in result.output


class Trickler:
    """A server on 127.0.0.1 that answers one byte at a time, each after ``pause`` seconds:
    a complete answer takes ``len(ANSWER) * pause`` seconds (here about 30 s), every single
    read far less than any read timeout."""

    ANSWER = b"HTTP/1.1 204 No Content\r\n" + b"".join(b"X-Padding-%03d: x\r\n" % i for i in range(30)) + b"\r\n"

    def __init__(self, pause: float = 0.05) -> None:
        self.pause = pause
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.endpoint = f"http://127.0.0.1:{self.listener.getsockname()[1]}/store"
        self.stopped = threading.Event()
        self.client_gave_up = threading.Event()
        self.thread = threading.Thread(target=self.serve, daemon=True)

    def serve(self) -> None:
        connection, _ = self.listener.accept()
        with connection:
            connection.settimeout(5)
            with contextlib.suppress(OSError):
                connection.recv(1 << 20)  # the request (small)
                for byte in self.ANSWER:
                    if self.stopped.wait(self.pause):
                        return
                    connection.sendall(bytes([byte]))
                return
            self.client_gave_up.set()  # a send failed: the client closed the connection

    def __enter__(self) -> Trickler:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopped.set()
        self.listener.close()
        self.thread.join(timeout=10)


def test_the_timeout_bounds_the_whole_request_not_each_read():
    payload = GraphPayload("https://w3id.org/isisgraph/graph/doc/x", b"<urn:x:s> <urn:x:p> <urn:x:o> .\n", 1)
    with Trickler() as server, store_session() as session:
        with pytest.raises(RemoteStoreError) as raised:
            put_graph(session, server.endpoint, payload, timeout=0.5, retries=0)
        assert server.client_gave_up.wait(30)  # the event: the client hung up on the trickle
    assert str(raised.value) == (f"cannot push <{payload.iri}> to {server.endpoint}: no answer within 0.5 s "
                                 "(1 attempt)")


def test_a_password_in_the_endpoint_is_never_printed():
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
    endpoint = f"http://analyst:hunter2@127.0.0.1:{port}/store"  # nothing listens there
    refused = push_cli(endpoint)
    assert refused.exit_code == 1
    assert "hunter2" not in refused.output
    assert f"http://analyst:***@127.0.0.1:{port}/store" in refused.output

    def echo_url(handler, _number):
        handler.reply(400, f"bad request to http://analyst:hunter2@127.0.0.1{handler.path}".encode())
        return True

    with FakeStore(echo_url) as store:
        secret = store.endpoint.replace("http://", "http://analyst:hunter2@")
        rejected = push_cli(secret)
        bad_scheme = CliRunner().invoke(main, ["push", str(FIXTURE), "--endpoint",
                                               secret.replace("http://", "ftp://")])
    for result in (rejected, bad_scheme):
        assert result.exit_code in (1, 2)
        assert "hunter2" not in result.output and "analyst:***@" in result.output


def test_redact_keeps_everything_but_the_password():
    assert redact("https://u:p%40ss@host:8443/store?graph=x") == "https://u:***@host:8443/store?graph=x"
    assert redact("http://host/store") == "http://host/store"
    assert redact("http://user@host/store") == "http://user@host/store"
