"""``isisgraph export`` and ``isisgraph push``: the graph out to files and triple stores."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from isisgraph.cli.common import EXIT_CODES_HELP, library_errors

EXPORT_FORMATS = ("trig", "nq", "ttl", "nt", "jsonld", "csv")


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("-f", "--format", "fmt", type=click.Choice(EXPORT_FORMATS), default=None,
              help="trig, nq, ttl, nt, jsonld or csv (default: from the -o extension).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (through a temporary file, renamed when complete); "
                   "standard output when omitted.")
def export(graph: Path, fmt: str | None, output: Path | None) -> None:
    """Write GRAPH (a .trig or .nq build) in another format.

    \b
    trig, nq   keep the named graphs (ontology, reference, meta, one per article)
    ttl, nt    the UNION of all graphs: one graph, the article graphs merged;
    jsonld     which article said what stays known through ig:evidence/oa:hasSource
    csv        one row per event and strike report in ACLED's columns (event_id_cnty,
               event_date, time_precision, event_type, sub_event_type, actor1, actor2,
               country, admin1, location, latitude, longitude, geo_precision, source,
               notes, fatalities) plus isisgraph's (strike_count, article, node,
               evidence); the mapping is in docs/acled-mapping.md

    N-Triples and N-Quads lines are sorted, so equal graphs give equal files.
    """
    from isisgraph.export import export as run_export

    stream = None if output is not None else sys.stdout.buffer
    try:
        with library_errors():
            summary = run_export(graph, fmt, output, stream)
    except BrokenPipeError:
        # the reader (`| head`) stopped early: not an error; keep Python from complaining at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    if output is not None:
        click.echo(f"wrote {output}: {summary.format}, {summary.items} {summary.unit}, "
                   f"{summary.bytes} bytes")


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--endpoint", required=True, metavar="URL",
              help="The store's SPARQL 1.1 Graph Store endpoint, "
                   "e.g. http://localhost:7878/store (Oxigraph).")
@click.option("--timeout", type=click.FloatRange(min=0.001), default=30.0, show_default=True,
              help="Seconds each request may take in all: connect, send the graph, receive the answer.")
@click.option("--retries", type=click.IntRange(min=0, max=20), default=3, show_default=True,
              help="Retries of a graph after a connection error, timeout or 5xx "
                   "(backoff 0.5 s, doubling).")
@click.option("--reconcile/--no-reconcile", default=True, show_default=True,
              help="Compute and push the reconcile graph (ig:sameEventAs, ig:sameReportAs) "
                   "when GRAPH has none.")
@click.option("--verify/--no-verify", default=True, show_default=True,
              help="Read each graph back after its PUT (a GET of the same graph) and count its triples: "
                   "a store that answered 2xx without storing it fails the push.")
def push(graph: Path, endpoint: str, timeout: float, retries: int, reconcile: bool, verify: bool) -> None:
    """Load GRAPH (.trig or .nq) into a running triple store.

    Each named graph is sent with one HTTP PUT (SPARQL 1.1 Graph Store Protocol) of the
    whole graph as N-Triples to ENDPOINT?graph=IRI, which replaces that graph in the store:
    an article graph is never left half-loaded, and pushing the same file twice leaves the
    store unchanged. Ontology and reference go first, the article graphs next, meta last.
    A build without reconcile links gets them computed, as `isisgraph query` does on load.

    Each graph is then read back and its triples counted (--no-verify skips it). A redirect is
    never followed: it stops the push saying where it pointed. A password in ENDPOINT is never
    printed.

    A refused connection, a 4xx, 3xx or 5xx answer, a graph not stored as sent or a timeout
    stops the push with a one-line message naming the endpoint and the graph (exit 1) and how
    many graphs were replaced before it; 4xx and 3xx answers are not retried.

    To query the article graphs together, start Oxigraph with --union-default-graph (or
    use GRAPH ?g in the queries).
    """
    from isisgraph.push import push as run_push

    with library_errors():
        summary = run_push(graph, endpoint, timeout=timeout, retries=retries, reconcile=reconcile, verify=verify)
    click.echo(f"pushed {graph} to {summary.endpoint}")
    click.echo(f"  graphs   {summary.graphs}")
    click.echo(f"  triples  {summary.triples}")
    click.echo(f"  bytes    {summary.bytes}")
    click.echo(f"  retries  {summary.retries}")
    click.echo(f"  verified {summary.verified}")
    click.echo(f"  seconds  {summary.seconds:.2f}")
