"""``isisgraph build``: articles in, a validated graph out."""

from __future__ import annotations

from pathlib import Path

import click

from isisgraph.cli.common import EXIT_CODES_HELP, library_errors
from isisgraph.hygiene import printable
from isisgraph.ingest import MAX_CHARS


def parse_shard(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    try:
        index, count = (int(part) for part in value.split("/"))
    except ValueError:
        raise click.BadParameter("use I/N, e.g. 0/4", param_hint="--shard") from None
    if not 0 <= index < count:
        raise click.BadParameter(f"shard {index} does not exist in {count} shards (0 ≤ I < N)", param_hint="--shard")
    return index, count


def checked_encoding(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    import codecs

    try:
        codecs.lookup(value)
    except LookupError:
        raise click.BadParameter(f"{value!r} is not an encoding Python knows; "
                                 "use e.g. utf-8, cp1256, latin-1 or utf-16") from None
    return value


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("out/graph.trig"),
              show_default=True, help="Output file; the extension picks the format: .trig or .nq.")
@click.option("--encoding", default="utf-8", show_default=True, callback=checked_encoding,
              help="Encoding of the .txt and .jsonl inputs.")
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True,
              help="Articles per spaCy batch.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes that parse and extract in parallel.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Process the articles on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786); "
                   "its workers must see the output's folder at the same path.")
@click.option("--shard", default=None, metavar="I/N", help="Build only shard I of N (0-based), split by article id.")
@click.option("--max-chars", type=click.IntRange(min=1), default=MAX_CHARS, show_default=True,
              help="Skip articles longer than this many characters (each needs about 1.5 GB of memory per million).")
@click.option("--store", "store", type=click.Path(file_okay=False, path_type=Path), default=None, metavar="DIR",
              help="Also (or, without -o, only) keep the graph in the Oxigraph store DIR, updated article by "
                   "article; query, export, viz and push read DIR as they read a file.")
@click.option("--prune", is_flag=True,
              help="With --store: drop every article the store holds that is not in PATHS (by default only "
                   "those whose file lay inside PATHS are dropped, so other folders built into DIR stay).")
@click.option("--no-cache", is_flag=True, help="Process every article again, ignoring the cache beside the output.")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: when on a terminal).")
@click.pass_context
def build(ctx: click.Context, paths: tuple[Path, ...], output: Path, encoding: str, batch_size: int, workers: int,
          scheduler: str | None, shard: str | None, max_chars: int, store: Path | None, prune: bool, no_cache: bool,
          progress: bool | None) -> None:
    """Build the knowledge graph of PATHS (folders of .txt files with an optional
    manifest.csv, or .jsonl files) into OUTPUT, validating each article graph.

    Unreadable, empty, binary or wrongly-encoded files are skipped with a warning; a
    missing path, a manifest without a 'file' column or a duplicated article id stop the
    build. The output is replaced only when the build succeeds.

    Finished articles are cached beside the output (.NAME.cache/): a rebuild processes only
    new or changed articles, and an interrupted build resumes where it stopped.

    With --scheduler the articles are parsed and extracted on a Dask distributed cluster
    (pip install 'isisgraph[distributed]'), each worker writing its articles into that
    cache; this process then writes OUTPUT from it, the same as a local build.

    With --store DIR the graph goes into an Oxigraph store in DIR (without -o, only there):
    a rebuild replaces only the graphs of new, changed and removed articles and recomputes
    the reconcile links, and `isisgraph query NAME DIR` reads the store directly.
    """
    from tqdm import tqdm

    from isisgraph.build import build as run_build

    if prune and store is None:
        raise click.UsageError("--prune works with --store")
    if store is not None and ctx.get_parameter_source("output") is click.core.ParameterSource.DEFAULT:
        output = None  # type: ignore[assignment]  # the store alone

    show = click.get_text_stream("stderr").isatty() if progress is None else progress
    bar = tqdm(unit="article", desc="build", disable=not show)
    with library_errors(), bar:
        summary = run_build(paths, output, encoding=encoding, batch_size=batch_size, workers=workers,
                            shard=parse_shard(shard), use_cache=not no_cache, max_chars=max_chars,
                            on_article=lambda _article_id: bar.update(), scheduler=scheduler, store=store,
                            prune=prune)
    for warning in summary.warnings:
        click.echo(printable(f"warning: {warning}"), err=True)
    for skip in summary.skipped:
        click.echo(printable(f"skipped: {skip}"), err=True)
    click.echo(f"wrote {summary.output}")
    if summary.store is not None:
        changes = summary.store
        how = "reloaded whole" if changes.full else "updated"
        click.echo(f"  store        {changes.folder} {how}: {changes.written} articles written, {changes.removed} "
                   f"removed, {changes.held} held ({changes.seconds:.1f} s)")
    click.echo(f"  articles     {summary.articles} ({summary.processed} processed, "
               f"{summary.articles - summary.processed} unchanged from the cache)")
    click.echo(f"  triples      {summary.triples}")
    mentions = ", ".join(f"{kind} {n}" for kind, n in sorted(summary.mentions.items())) or "none"
    click.echo(f"  mentions     {mentions}")
    for kind in ("strike reports", "events", "claims", "figures"):
        click.echo(f"  {kind:<12} {summary.records[kind]}")
    click.echo(f"  skipped      {len(summary.skipped)}")
    click.echo(f"  violations   {len(summary.violations)}")
    for violation in summary.violations:
        click.echo(printable(f"violation: {violation}"), err=True)
    if summary.violations:
        raise SystemExit(1)
    if summary.skipped:
        raise SystemExit(2)
