"""``isisgraph queries``, ``query``, ``explain`` and ``demo-queries``: answers from a built graph."""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from isisgraph.cli.common import library_errors

DEFAULT_GRAPH = Path("out/graph.trig")
BACKENDS = ("rdflib", "oxigraph")
QUERY_EXIT_CODES = """\b
Exit codes:
  0  ok (also when the query finds nothing)
  1  the query failed: a SPARQL syntax error (file:line:column), an
     evaluation error, a SPARQL Update without --allow-update, a SERVICE,
     LOAD or FROM that would reach outside GRAPH without --allow-remote,
     a query stopped by --timeout or Ctrl-C, or an --endpoint that cannot
     be reached or refuses the query
  2  usage or load error: unknown query or parameter, a malformed
     --param value, a graph file that is missing or cannot be parsed,
     the store beside a large GRAPH held by another query"""
EXPLAIN_EXIT_CODES = """\b
Exit codes:
  0  ok
  1  the node is not in the graph
  2  usage or load error: a graph file that is missing or cannot be
     parsed, a label that names several nodes"""

# The tables `make demo` prints: (saved query, parameters, columns shown, title).
DEMO = [
    ("strikes-per-country-month", {}, ["country_label", "month", "strikes", "reported_periods", "articles"],
     "Coalition strikes per country and month (each reported period counted once)"),
    ("control-history", {}, ["where_label", "date", "end", "triggers", "gained_by", "lost_by", "articles"],
     "Who took which place from whom, and when"),
    ("claims-by", {"claim_type": "concept/claim-type/victory-declaration"},
     ["claimant_label", "date", "quote", "evidence", "publisher"], "Who declared victory"),
    ("map-places", {}, ["label", "type", "countries", "lat", "lon", "articles"], "Places for a map"),
]
DEMO_ROWS = 12


@click.command("queries")
def queries() -> None:
    """List the saved queries: name, the question each answers, and its parameters."""
    from isisgraph.query import list_queries, short_iri

    with library_errors():
        saved = list_queries()
    for query in saved:
        click.echo(query.name)
        click.echo(f"    {query.question}")
        for param in query.params:
            default = "any" if param.default is None else short_iri(param.default.strip("<>"))
            click.echo(f"    --param {param.name}={default}  {param.meaning}")


@click.command("query", epilog=QUERY_EXIT_CODES)
@click.argument("name")
@click.argument("graph", required=False, default=DEFAULT_GRAPH, type=click.Path(path_type=Path))
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of the query (repeatable). Values are bound as RDF terms, never pasted "
                   "into the query: IRIs as full IRIs, ig:Term, kind/slug (place/hawija), a bare slug, or a "
                   "label or alias in any case (\"Abu Kamal\", Daesh); a name that matches nothing is "
                   "warned about with the closest names (`isisgraph names` lists them); dates as YYYY-MM-DD.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json", "md"]), default="table",
              show_default=True, help="table and md shorten IRIs to kind/slug; csv and json keep them whole.")
@click.option("--backend", type=click.Choice(("auto", *BACKENDS)), default="auto", show_default=True,
              help="rdflib in memory, or Oxigraph (faster on large graphs; the same answers). auto: "
                   "Oxigraph, in a store kept on disk beside the file, for files of 32 MB and more.")
@click.option("--allow-update", is_flag=True,
              help="Run a SPARQL Update (INSERT, DELETE, CLEAR, DROP ...) in memory; the file is not changed.")
@click.option("--allow-remote", is_flag=True,
              help="Let the query reach outside GRAPH: SERVICE calls to other servers, LOAD, and FROM graphs "
                   "the file does not hold (fetched by rdflib). Without it such a query is refused.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None, metavar="SECONDS",
              help="Stop the query after this many seconds (exit 1); rows already printed stay printed. "
                   "Default: no limit (Ctrl-C stops it at any time); 30 s for an --endpoint.")
@click.option("--endpoint", metavar="URL", default=None,
              help="Ask a store instead of a file: its SPARQL 1.1 Protocol query endpoint, e.g. "
                   "http://127.0.0.1:7878/query (Oxigraph, after `isisgraph push`). The query reads the "
                   "union of the store's named graphs, as it reads a file.")
@click.option("--limit", type=click.IntRange(min=0), default=None, metavar="N",
              help="Print at most N rows (after --offset); the query stops once they are found, unless it "
                   "sorts its answer (ORDER BY), which needs every row first.")
@click.option("--offset", type=click.IntRange(min=0), default=0, metavar="N",
              help="Skip the first N rows of the answer (page through a long list with --limit).")
@click.pass_context
def query(ctx: click.Context, name: str, graph: Path, params: tuple[str, ...], fmt: str, backend: str,
          allow_update: bool, allow_remote: bool, timeout: float | None, endpoint: str | None,
          limit: int | None, offset: int) -> None:
    """Run the saved query NAME (see `isisgraph queries`) or the SPARQL file NAME over GRAPH
    (default out/graph.trig), and print the answer.

    The query sees the union of all named graphs; a graph built before reconciliation gets
    its ig:sameEventAs / ig:sameReportAs links computed on load. It reaches nothing else:
    SERVICE, LOAD and FROM of a graph GRAPH does not hold are refused unless --allow-remote.
    Rows are printed as they are found (a table's column widths come from its first 1,000
    rows); --timeout and Ctrl-C stop the query at once.

    With --endpoint URL the query runs on a triple store over the SPARQL 1.1 Protocol
    instead (GRAPH is then not given): `isisgraph push out/graph.trig --endpoint
    http://127.0.0.1:7878/store`, then `isisgraph query NAME --endpoint
    http://127.0.0.1:7878/query`. Each request asks for the union of the named graphs
    (Oxigraph's union-default-graph); another store must be set to query the union of its
    graphs by default. A store that cannot be reached or refuses the query exits 1.
    """
    from isisgraph.query import bind, find_query, parse_param_options, result_lines, stream_query
    from isisgraph.store import open_for_queries

    if endpoint is not None:
        if ctx.get_parameter_source("graph") is not click.core.ParameterSource.DEFAULT:
            raise click.UsageError("give GRAPH or --endpoint, not both")
        if allow_update:
            raise click.UsageError("--allow-update works on a file only; isisgraph never sends an update to a store")
        query_store(name, endpoint, params, fmt, timeout, page(limit, offset))
        return
    with library_errors():
        swapped_arguments(name, graph)
        saved = find_query(name)
        values = parse_param_options(params)
        bind(saved.text, values, allow_names=True)  # a bad parameter fails before the graph is loaded
        # an allowed update changes what is loaded: never a store kept on disk
        chosen = "rdflib" if allow_update and backend == "auto" else backend
        with open_for_queries(graph, chosen, note=lambda line: click.echo(line, err=True)) as dataset:
            answer = stream_query(saved, dataset, values, allow_update, allow_remote, timeout,
                                  warn=lambda line: click.echo(line, err=True), limit=limit, offset=offset)
            try:
                rows = answer.rows
                for number, text in enumerate(result_lines(answer.columns, rows, fmt)):
                    sys.stdout.write(text)
                    if number == 0:
                        sys.stdout.flush()  # the header shows the query runs; rows follow as found
                sys.stdout.flush()
            except BrokenPipeError:
                # the reader (`| head`) stopped early: not an error; keep Python from complaining at exit
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                return
            finally:
                answer.close()
    if answer.update:
        click.echo(f"update applied in memory only; {graph} is unchanged", err=True)


def page(limit: int | None, offset: int) -> Callable[[Iterable[Any]], Iterator[Any]]:
    """The rows --offset and --limit keep, taken lazily so the rows after them are never asked for."""
    return lambda rows: itertools.islice(rows, offset, None if limit is None else offset + limit)


def query_store(name: str, endpoint: str, params: tuple[str, ...], fmt: str, timeout: float | None,
                keep: Callable[[Iterable[Any]], Iterator[Any]]) -> None:
    """`isisgraph query NAME --endpoint URL`: the saved query on a store."""
    from isisgraph.query import parse_param_options, query_remote, result_lines

    with library_errors():
        saved_name = name
        values = parse_param_options(params)
        answer = query_remote(saved_name, endpoint, values, timeout, warn=lambda line: click.echo(line, err=True))
    for text in result_lines(answer.columns, keep(answer.rows), fmt):
        sys.stdout.write(text)
    sys.stdout.flush()


def swapped_arguments(name: str, graph: Path) -> None:
    """A usage error that says so when the graph file was given first (`query GRAPH NAME`)."""
    from isisgraph.errors import InputError
    from isisgraph.graphio import FORMATS
    from isisgraph.query import list_queries

    if Path(name).suffix.lower() in FORMATS and not graph.exists():
        saved = {q.name for q in list_queries()}
        if graph.name in saved or graph.suffix == ".rq":
            raise InputError(f"the query comes first, then the graph: isisgraph query {graph} {name}")
        raise InputError(f"{name} is a graph file, not a query; write isisgraph query QUERY {name} "
                         "(`isisgraph queries` lists the saved queries)")


@click.command("names", epilog=EXPLAIN_EXIT_CODES.replace("the node is not in the graph", "nothing matches TEXT"))
@click.argument("kind", required=False)
@click.argument("text", required=False)
@click.option("-g", "--graph", type=click.Path(path_type=Path), default=DEFAULT_GRAPH,
              show_default=True, help="The built graph to read the names from.")
def names(kind: str | None, text: str | None, graph: Path) -> None:
    """List what can be asked for: the actors, places, operations, people and concepts of
    GRAPH, with the kind/slug to give to --param or explain, the label and the aliases.

    KIND is one of actor, place, operation, person, concept (all when left out); TEXT keeps
    the names whose label, alias or slug contains it, in any case or punctuation
    ("isisgraph names place qaim"). When nothing contains TEXT, the closest names are shown
    on standard error (exit 1).
    """
    from isisgraph.cli.common import CommandError
    from isisgraph.hygiene import printable
    from isisgraph.names import KINDS, Names
    from isisgraph.query import format_table
    from isisgraph.store import reconciled_dataset

    if kind is not None and kind not in KINDS:
        if text is not None:
            raise click.UsageError(f"KIND is one of {', '.join(KINDS)}, not {kind!r}")
        kind, text = None, kind
    with library_errors():
        known = Names.of(reconciled_dataset(graph))
    found = known.containing(text, kind) if text else known.of_kind(kind)
    if not found:
        raise CommandError(f"no {kind or 'name'} in {graph} contains {text!r}; {known.hint(text or '', kind)}",
                           exit_code=1)
    rows = [(n.path, n.label, "; ".join(sorted(n.aliases)), ", ".join(sorted(n.types))) for n in found]
    click.echo(printable(format_table(["node", "label", "aliases", "type"], rows, max_width=70)), nl=False)


@click.command("explain", epilog=EXPLAIN_EXIT_CODES)
@click.argument("node")
@click.argument("graph", required=False, default=DEFAULT_GRAPH, type=click.Path(path_type=Path))
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True,
              help="Evidence sentences (and related nodes of each kind) to show at most.")
def explain(node: str, graph: Path, limit: int) -> None:
    """Why does the graph say this? Print NODE in words — types, label, properties with the
    labels of what they point to — and each evidence sentence with the span marked «…», its
    publisher, date and address.

    NODE is an IRI, kind/slug (event/ARTICLE/KEY, place/hawija) or a label ("Hawija").
    The sentence is read from the article file when it is still there with the recorded
    sha256; otherwise the quote stored in the graph is shown.
    """
    from isisgraph.explain import explain as run_explain
    from isisgraph.explain import format_explanation, resolve_node
    from isisgraph.hygiene import printable
    from isisgraph.store import reconciled_dataset

    with library_errors():
        dataset = reconciled_dataset(graph)
        explanation = run_explain(dataset, resolve_node(dataset, node), graph, limit)
    click.echo(printable(format_explanation(explanation)), nl=False)


@click.command("demo-queries", epilog=QUERY_EXIT_CODES)
@click.argument("graph", type=click.Path(path_type=Path))
def demo_queries(graph: Path) -> None:
    """Print a few answers a newcomer finds interesting: strikes per country and month, the
    control history of places, who declared victory, and places for a map."""
    from isisgraph.query import Result, find_query, format_result, run_query
    from isisgraph.store import reconciled_dataset

    with library_errors():
        dataset = reconciled_dataset(graph)
        for name, params, columns, title in DEMO:
            saved = find_query(name)
            result = run_query(saved, dataset, params)
            shown = [result.columns.index(c) for c in columns if c in result.columns]
            table = Result([result.columns[i] for i in shown], [tuple(row[i] for i in shown) for row in result.rows])
            more = len(table.rows) - DEMO_ROWS
            table.rows = table.rows[:DEMO_ROWS]
            args = " ".join(f"--param {k}={v}" for k, v in params.items())
            click.echo(f"\n{title}\n  {saved.question}\n  isisgraph query {name} {graph}{' ' + args if args else ''}\n")
            click.echo(format_result(table, "table") if table.rows else "(no answers in this graph)\n", nl=False)
            if more > 0:
                click.echo(f"… and {more} more rows")
    click.echo("\n`isisgraph queries` lists every saved query; "
               "`isisgraph explain NODE GRAPH` shows where a fact comes from.")
    sys.stdout.flush()
