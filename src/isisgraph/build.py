"""Build: ingest → NLP → extract → emit → validate → write, one article at a time.

Articles stream through spaCy in batches; each article's graph is emitted and validated as
soon as it is parsed. The output is written to a temporary file beside the target and
renamed over it only when the whole build succeeded, so a failed build never replaces a
good graph.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, URIRef

from isisgraph import nlp
from isisgraph.emit import current_run, meta_triples, run_triples, to_graph
from isisgraph.errors import InputError
from isisgraph.extract import extract
from isisgraph.ingest import Problems, Skip, read_articles
from isisgraph.namespaces import META_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH
from isisgraph.ontology import load_reference, load_tbox
from isisgraph.records import Article, Extraction
from isisgraph.validate import validate_article

FORMATS = {".trig": "trig", ".nq": "nquads"}


@dataclass
class BuildSummary:
    """What a build did: the numbers the CLI prints at the end."""

    output: Path
    articles: int = 0
    triples: int = 0
    mentions: Counter[str] = field(default_factory=Counter)
    records: Counter[str] = field(default_factory=Counter)
    violations: list[str] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not self.violations


def output_format(path: Path) -> str:
    try:
        return FORMATS[path.suffix]
    except KeyError:
        raise InputError(f"{path}: unknown output format; name the file .trig or .nq") from None


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the same folder, then rename over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def serialise(dataset: Dataset, path: Path) -> None:
    """TriG or N-Quads by extension; N-Quads lines are sorted so equal graphs give equal files."""
    fmt = output_format(path)

    def write(tmp: Path) -> None:
        if fmt == "nquads":
            data = dataset.serialize(format="nquads")
            lines = sorted(line for line in data.splitlines() if line.strip())
            tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        else:
            dataset.serialize(destination=str(tmp), format="trig")

    write_atomically(path, write)


def count_records(extraction: Extraction, summary: BuildSummary) -> None:
    for mention in extraction.mentions:
        summary.mentions[mention.kind] += 1
    summary.records["strike reports"] += len(extraction.strike_reports)
    summary.records["events"] += len(extraction.events)
    summary.records["claims"] += len(extraction.claims)
    summary.records["figures"] += len(extraction.figures)


def add_graph(dataset: Dataset, identifier: URIRef, triples: Iterable[tuple]) -> None:
    graph = dataset.graph(identifier)
    for triple in triples:
        graph.add(triple)


def build_dataset(
    paths: Iterable[str | os.PathLike[str]],
    encoding: str = "utf-8",
    batch_size: int = 16,
    n_process: int = 1,
    on_article: Callable[[Article], None] | None = None,
    summary: BuildSummary | None = None,
) -> tuple[Dataset, BuildSummary]:
    """The dataset of every readable article under ``paths``, validated article by article."""
    summary = BuildSummary(output=Path()) if summary is None else summary
    problems = Problems()
    pipeline = nlp.load_pipeline()
    run = current_run(pipeline.meta.get("name", "unknown"), pipeline.meta.get("version", "unknown"))
    dataset = Dataset()
    add_graph(dataset, ONTOLOGY_GRAPH, load_tbox())
    add_graph(dataset, REFERENCE_GRAPH, load_reference())
    meta = dataset.graph(META_GRAPH)
    for triple in run_triples(run):
        meta.add(triple)

    articles = read_articles(paths, encoding=encoding, problems=problems)
    stream = pipeline.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=batch_size, n_process=n_process)
    for doc, article in stream:
        extraction = extract(doc, article)
        graph = to_graph(extraction)
        article_meta = meta_triples(article, run)
        report = validate_article(graph, article_meta)
        summary.violations.extend(report.violations)
        add_graph(dataset, graph.identifier, graph)
        for triple in article_meta:
            meta.add(triple)
        summary.articles += 1
        summary.warnings.extend(extraction.warnings)
        count_records(extraction, summary)
        if on_article is not None:
            on_article(article)
    summary.skipped.extend(problems.skipped)
    summary.warnings[:0] = problems.warnings
    summary.triples = len(dataset)
    return dataset, summary


def build(
    paths: Iterable[str | os.PathLike[str]],
    output: str | os.PathLike[str] = "out/graph.trig",
    encoding: str = "utf-8",
    batch_size: int = 16,
    n_process: int = 1,
    on_article: Callable[[Article], None] | None = None,
) -> BuildSummary:
    """Build the graph of ``paths`` into ``output`` (.trig or .nq) and say what was done."""
    out = Path(output)
    output_format(out)  # fail on a bad extension before parsing anything
    summary = BuildSummary(output=out)
    dataset, summary = build_dataset(paths, encoding, batch_size, n_process, on_article, summary)
    if summary.articles == 0:
        raise InputError("no readable articles in the given paths; nothing was written")
    serialise(dataset, out)
    return summary

