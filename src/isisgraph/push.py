"""Load a built graph into a running triple store over HTTP.

``push`` uses the SPARQL 1.1 Graph Store HTTP Protocol: one ``PUT {endpoint}?graph={iri}``
per named graph, with the whole graph as N-Triples. A PUT replaces the graph in one
request, so a store never holds half of an article graph: a graph is either the old one,
the new one, or (when it was new and the push failed) absent. Re-pushing the same file
leaves the store as it was. Graphs go in a fixed order: ontology, reference, the article
graphs, and ``meta`` last, so the list of articles never names a graph the push did not
reach.

Each graph is verified after its PUT: read back with a GET of the same graph (N-Triples) and
its triples counted; a store that answered 2xx but does not hold the graph as sent (a proxy
that swallowed the PUT, a read-only mirror) fails the push. A push therefore only ever says
"replaced" of graphs it has seen stored. ``verify=False`` skips the reading back (half the
traffic), and then trusts the 2xx.

Requests go through :mod:`isisgraph.httpclient`: a redirect is never followed (a 301/302/303
would turn the PUT into a GET, a 307/308 would send the graph elsewhere) and fails the push
saying where it pointed; each request (connect, send, answer) must end within ``timeout``
seconds in all; a password in the endpoint URL is never printed.

Failures are retried a bounded number of times with exponential backoff when they may
pass (connection errors, timeouts, 5xx); a 4xx or a redirect is the request's fault and is
not retried. Every failure becomes a one-line :class:`~isisgraph.errors.RemoteStoreError`
naming the endpoint and the graph.

``query_endpoint`` runs a SPARQL query on a store's query endpoint (SPARQL 1.1 Protocol)
and returns the same rdflib Result as the local backends, to compare their answers.
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
import requests
from rdflib.query import Result
from rdflib.term import Node, URIRef

from isisgraph.errors import InputError, RemoteStoreError, one_line
from isisgraph.graphio import read_dataset, read_quads
from isisgraph.httpclient import bounded_request, redact, scrub, store_session
from isisgraph.namespaces import GRAPH, META_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH
from isisgraph.store import to_oxigraph, with_values

N_TRIPLES = "application/n-triples"
DEFAULT_TIMEOUT = 30.0
DEFAULT_RETRIES = 3
DEFAULT_BACKOFF = 0.5  # seconds before the first retry; doubles each time
MAX_BACKOFF = 8.0


@dataclass(frozen=True)
class GraphPayload:
    """One graph to PUT: its IRI (None for the default graph), N-Triples body, size."""

    iri: str | None
    body: bytes
    triples: int

    @property
    def name(self) -> str:
        return f"<{self.iri}>" if self.iri is not None else "the default graph"


@dataclass
class PushSummary:
    endpoint: str
    graphs: int = 0
    triples: int = 0
    bytes: int = 0
    seconds: float = 0.0
    retries: int = 0
    verified: int = 0  # graphs read back and counted after their PUT
    pushed: list[str] = field(default_factory=list)


def check_endpoint(endpoint: str) -> str:
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError(f"{redact(endpoint)!r} is not an http(s) URL; give the store's Graph Store "
                         "endpoint, e.g. http://localhost:7878/store")
    return endpoint


def push_order(iri: str | None) -> tuple[int, str]:
    """ontology, reference, article graphs (and any other), meta; the default graph first."""
    if iri is None:
        return (0, "")
    rank = {str(ONTOLOGY_GRAPH): 1, str(REFERENCE_GRAPH): 2, str(META_GRAPH): 5}.get(iri)
    if rank is None:
        rank = 3 if iri.startswith(str(GRAPH["doc/"])) else 4
    return (rank, iri)


def graph_payloads(source: str | os.PathLike[str], reconcile: bool = True) -> list[GraphPayload]:
    """Every graph of the file as an N-Triples body, in push order.

    Parsed with Oxigraph, which streams large files quickly. Blank nodes are local to a
    graph once pushed: each PUT is its own document. A file without reconcile links gets
    them computed (see :func:`reconcile_graph`) unless ``reconcile`` is False.
    """
    graphs: dict[str | None, list[ox.Triple]] = {}
    for quad in read_quads(source):
        graph = quad.graph_name
        key = None if isinstance(graph, ox.DefaultGraph) else graph.value
        graphs.setdefault(key, []).append(quad.triple)
    # a store keeps each triple once: count (and send) each once, so that reading back compares
    graphs = {iri: list(dict.fromkeys(triples)) for iri, triples in graphs.items()}
    if reconcile:
        graphs.update(reconcile_graph(Path(source), graphs))
    payloads = []
    for iri in sorted(graphs, key=push_order):
        triples = graphs[iri]
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        payloads.append(GraphPayload(iri, body, len(triples)))
    return payloads


def reconcile_graph(
    path: Path, graphs: dict[str | None, list[ox.Triple]]
) -> dict[str, list[ox.Triple]]:
    """The ``reconcile`` graph (ig:sameEventAs, ig:sameReportAs) and the ``derived`` graph
    (:mod:`isisgraph.derive`) when the file has article graphs but not them: the store then
    answers as ``isisgraph query`` does, which computes them on load. Empty when the file has
    both or nothing links."""
    from isisgraph.derive import DERIVED_GRAPH, ensure_derived
    from isisgraph.reconcile import RECONCILE_GRAPH, ensure_reconciled

    names = {str(RECONCILE_GRAPH): ensure_reconciled, str(DERIVED_GRAPH): ensure_derived}  # in this order
    doc_prefix = str(GRAPH["doc/"])
    if all(name in graphs for name in names) or not any(iri and iri.startswith(doc_prefix) for iri in graphs):
        return {}
    dataset = read_dataset(path)
    added = {}
    for name, ensure in names.items():
        if name in graphs or not ensure(dataset):
            continue
        triples = [ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in dataset.graph(URIRef(name))]
        if triples:
            added[name] = triples
    return added


def graph_params(iri: str | None) -> dict[str, str]:
    return {"default": ""} if iri is None else {"graph": iri}


def refused(exc: BaseException) -> bool:
    """Whether nothing listens at the address (requests wraps the socket error in text)."""
    return "refused" in str(exc).lower()


def failure_reason(exc: requests.RequestException, timeout: float, endpoint: str = "") -> str:
    if isinstance(exc, requests.Timeout):
        return f"no answer within {timeout:g} s"
    if isinstance(exc, requests.ConnectionError):
        return "connection refused" if refused(exc) else f"connection failed ({type(exc).__name__})"
    return scrub(f"{type(exc).__name__}: {one_line(exc)}", endpoint)


def http_reason(response: requests.Response, endpoint: str = "") -> str:
    detail = one_line(response.text)[:200] if response.text else ""
    reason = f"HTTP {response.status_code} {response.reason or ''}".rstrip()
    return scrub(f"{reason}: {detail}" if detail else reason, endpoint)


class Refused(RemoteStoreError):
    """The store refused the request (a 4xx, a redirect): retrying would not help."""


def redirect_error(response: requests.Response, endpoint: str, what: str) -> Refused:
    location = response.headers.get("Location")
    status = f"HTTP {response.status_code} {response.reason or ''}".rstrip()
    target = f" redirecting to {redact(location)}" if location else ""
    return Refused(f"{redact(endpoint)} answered {what} with {status}{target}; push never follows a redirect "
                   "(the graph would not be stored): give the address the store answers at as --endpoint")


def put_graph(
    session: requests.Session,
    endpoint: str,
    payload: GraphPayload,
    timeout: float = DEFAULT_TIMEOUT,
    retries: int = DEFAULT_RETRIES,
    backoff: float = DEFAULT_BACKOFF,
    sleep: Callable[[float], None] = time.sleep,
    verify: bool = True,
) -> int:
    """PUT one graph (and read it back, when ``verify``), retrying what may pass; the number
    of retries it took.

    Raises RemoteStoreError on a 4xx or a redirect at once, when the graph read back is not
    the one sent, and on connection errors, timeouts or 5xx once ``retries`` retries
    (``retries + 1`` attempts) have failed. Each request must end within ``timeout`` seconds.
    """
    attempts = max(0, retries) + 1
    reason = ""
    for attempt in range(attempts):
        if attempt:
            sleep(min(backoff * 2 ** (attempt - 1), MAX_BACKOFF))
        try:
            response = bounded_request(session, "put", endpoint, timeout, params=graph_params(payload.iri),
                                       data=payload.body, headers={"Content-Type": N_TRIPLES})
            if response.ok and 200 <= response.status_code < 300:
                if not verify:
                    return attempt
                response = bounded_request(session, "get", endpoint, timeout, params=graph_params(payload.iri),
                                           headers={"Accept": N_TRIPLES})
                if check_stored(response, endpoint, payload):
                    return attempt
        except requests.RequestException as exc:
            reason = failure_reason(exc, timeout, endpoint)
            continue
        if 300 <= response.status_code < 400:
            reading = response.request.method == "GET"
            raise redirect_error(response, endpoint, f"the reading back of {payload.name}" if reading else payload.name)
        reason = http_reason(response, endpoint)
        if response.status_code < 500:
            raise Refused(f"{redact(endpoint)} refused {payload.name}: {reason}")
    tries = f"{attempts} attempt{'s' if attempts > 1 else ''}"
    raise RemoteStoreError(f"cannot push {payload.name} to {redact(endpoint)}: {reason} ({tries})")


def check_stored(response: requests.Response, endpoint: str, payload: GraphPayload) -> bool:
    """True when ``response`` (the GET after the PUT) holds exactly the triples sent; False on
    a redirect or a 5xx, which the caller reports or retries; else RemoteStoreError."""
    if response.status_code >= 500 or 300 <= response.status_code < 400:
        return False
    if response.status_code == 404 and payload.triples == 0:
        return True  # an empty graph may simply not exist in a store
    if not response.ok:
        raise Refused(f"{redact(endpoint)} accepted {payload.name} but cannot give it back: "
                      f"{http_reason(response, endpoint)}; the push cannot tell whether it was stored")
    media_type = (response.headers.get("Content-Type") or N_TRIPLES).split(";")[0].strip()
    try:
        fmt = ox.RdfFormat.from_media_type(media_type) or ox.RdfFormat.N_TRIPLES
        stored = len(set(ox.parse(response.content, format=fmt)))
    except (SyntaxError, ValueError) as exc:
        raise Refused(f"{redact(endpoint)} gave {payload.name} back as {media_type} that cannot be read "
                      f"({one_line(exc)[:100]}); the push cannot tell whether it was stored") from exc
    if stored != payload.triples:
        raise Refused(f"{redact(endpoint)} accepted {payload.name} (HTTP 2xx) but holds {stored} of its "
                      f"{payload.triples} triples when read back; the graph was not stored as sent — is "
                      "--endpoint the store itself, not a proxy or a read-only copy?")
    return True


def push(
    source: str | os.PathLike[str],
    endpoint: str,
    timeout: float = DEFAULT_TIMEOUT,
    retries: int = DEFAULT_RETRIES,
    backoff: float = DEFAULT_BACKOFF,
    on_graph: Callable[[GraphPayload], None] | None = None,
    session: requests.Session | None = None,
    reconcile: bool = True,
    verify: bool = True,
) -> PushSummary:
    """Replace each graph of the file ``source`` in the store behind ``endpoint``.

    ``on_graph`` is called after each graph is stored (progress; tests use it to interrupt).
    On failure the RemoteStoreError says how many graphs were already replaced (and, with
    ``verify``, seen stored): those are whole, and the failed one is untouched.
    """
    check_endpoint(endpoint)
    payloads = graph_payloads(source, reconcile)
    summary = PushSummary(endpoint=redact(endpoint))
    started = time.monotonic()
    own_session = session is None
    session = store_session(session)
    try:
        for payload in payloads:
            try:
                summary.retries += put_graph(session, endpoint, payload, timeout, retries, backoff, verify=verify)
            except RemoteStoreError as exc:
                checked = " and verified" if verify else ""
                done = f"{summary.graphs} of {len(payloads)} graphs were replaced{checked} before it"
                raise type(exc)(f"{exc}; {done}") from exc
            summary.verified += verify
            summary.graphs += 1
            summary.triples += payload.triples
            summary.bytes += len(payload.body)
            summary.pushed.append(payload.iri or "")
            if on_graph is not None:
                on_graph(payload)
    finally:
        if own_session:
            session.close()
        summary.seconds = time.monotonic() - started
    return summary


# ---------------------------------------------------------------------- remote queries

SPARQL_JSON = "application/sparql-results+json"


def query_endpoint(
    url: str,
    query_text: str,
    bindings: Mapping[str, Node] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    union_default_graph: bool = True,
    session: requests.Session | None = None,
) -> Result:
    """Run a SELECT or ASK query on a SPARQL 1.1 Protocol endpoint (e.g. Oxigraph's
    ``/query``), parameters bound through a VALUES block of RDF terms
    (:func:`isisgraph.store.with_values`).

    ``union_default_graph`` asks Oxigraph to query the union of the named graphs, as the
    local backends do (Oxigraph's ``union-default-graph`` parameter; other stores have
    their own switch).
    """
    check_endpoint(url)
    data = {"query": with_values(query_text, dict(bindings or {}))}  # type: ignore[arg-type]
    if union_default_graph:
        data["union-default-graph"] = ""
    try:
        response = bounded_request(store_session(session), "post", url, timeout, data=data,
                                   headers={"Accept": SPARQL_JSON})
    except requests.RequestException as exc:
        raise RemoteStoreError(f"cannot query {redact(url)}: {failure_reason(exc, timeout, url)}") from exc
    if not response.ok or response.is_redirect:
        raise RemoteStoreError(f"{redact(url)} refused the query: {http_reason(response, url)}")
    return Result.parse(io.BytesIO(response.content), format="json")


def graph_triple_count(url: str, iri: str, timeout: float = DEFAULT_TIMEOUT) -> int:
    """How many triples the store behind query endpoint ``url`` holds in graph ``iri``."""
    from rdflib import URIRef

    result = query_endpoint(url, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                            {"g": URIRef(iri)}, timeout=timeout, union_default_graph=False)
    return int(next(iter(result))[0])

