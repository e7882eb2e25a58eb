"""CPU per article of each stage of the build beyond spaCy, the stages called one by one.

On the generated benchmark corpus (benchmarks/generate.py), in one process: the isisgraph
pipeline's parse, extraction, emission, validation (batches of 16, as a build validates) and
serialisation to N-Quads, each timed with ``time.process_time`` (CPU seconds, which a
shared machine distorts little). Emission and serialisation are measured both ways side by
side in the same run: through an rdflib ``Graph`` and its N-Triples writer (as builds did
before) and through emit's ``Triples`` written line by line (as builds do now); both give
the same lines, which is checked here too.

    python benchmarks/stages.py --size 200
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))


def rdflib_nquads(graph, identifier) -> list[str]:  # noqa: ANN001 (an rdflib Graph and its name)
    """What builds wrote before: rdflib's N-Triples document, split into sorted lines."""
    suffix = f" <{identifier}> ."
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").split("\n")
    return sorted(line[:-2] + suffix for line in lines if line.endswith(" ."))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=200, help="generated articles (default 200)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--workdir", type=Path, default=ROOT / "benchmarks" / "out")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = parser.parse_args(argv)

    from benchmarks.run import corpus_for
    from isisgraph import nlp
    from isisgraph.build import batched, graph_nquads, parse_texts
    from isisgraph.emit import current_run, meta_triples, to_triples
    from isisgraph.extract import extract
    from isisgraph.ingest import read_articles
    from isisgraph.validate import ArticleInput, validate_articles

    args.workdir.mkdir(parents=True, exist_ok=True)
    articles = list(read_articles([corpus_for(args.size, args.seed, args.workdir)]))
    pipeline = nlp.load_pipeline()
    meta = nlp.model_meta()
    run = current_run(meta.get("name", "unknown"), meta.get("version", "unknown"))
    seconds = dict.fromkeys(("parse", "extract", "emit rdflib Graph", "emit Triples", "serialise rdflib writer",
                             "serialise lines", "validate Graph", "validate Triples"), 0.0)
    clock = time.process_time
    # one batch first, untimed: what each process loads once (gazetteer, shapes, background)
    warm = articles[: args.batch_size]
    for doc, article in zip(parse_texts(pipeline, [a.text for a in warm], [a.published for a in warm]), warm,
                            strict=True):
        extraction = extract(doc, article)
        validate_articles([ArticleInput(to_triples(extraction), meta_triples(article, run), article.text)])
    lines = 0
    for number, batch in enumerate(batched(articles, args.batch_size)):
        t0 = clock()
        docs = parse_texts(pipeline, [a.text for a in batch], [a.published for a in batch])
        seconds["parse"] += clock() - t0
        graphs, triples, metas = [], [], []
        for doc, article in zip(docs, batch, strict=True):
            t0 = clock()
            extraction = extract(doc, article)
            t1 = clock()
            graphs.append(to_triples(extraction).graph())  # the Graph emit built before
            t2 = clock()
            triples.append(to_triples(extraction))
            t3 = clock()
            metas.append(meta_triples(article, run))
            seconds["extract"] += t1 - t0
            # to_triples(...).graph() is to_triples plus filling the Graph: the old cost
            seconds["emit rdflib Graph"] += t2 - t1
            seconds["emit Triples"] += t3 - t2
        for graph, own in zip(graphs, triples, strict=True):
            t0 = clock()
            old = rdflib_nquads(graph, graph.identifier)
            t1 = clock()
            new = graph_nquads(own, own.identifier)
            t2 = clock()
            if old != new:
                raise SystemExit(f"{own.identifier}: the two writers differ")
            lines += len(new)
            seconds["serialise rdflib writer"] += t1 - t0
            seconds["serialise lines"] += t2 - t1
        both = (("validate Graph", graphs), ("validate Triples", triples))
        for name, items in both if number % 2 else reversed(both):  # in turn first
            t0 = clock()
            validate_articles([ArticleInput(g, m, a.text) for g, m, a in zip(items, metas, batch, strict=True)])
            seconds[name] += clock() - t0
    per_article = {name: round(value / len(articles) * 1000, 2) for name, value in seconds.items()}
    before = sum(per_article[k] for k in ("extract", "emit rdflib Graph", "serialise rdflib writer", "validate Graph"))
    after = sum(per_article[k] for k in ("extract", "emit Triples", "serialise lines", "validate Triples"))
    print(f"{len(articles)} articles, {lines} quads; CPU ms per article (process_time):")
    for name, value in per_article.items():
        print(f"  {name:<26} {value:8.2f}")
    print(f"  beyond the parse: {before:.1f} ms through rdflib Graphs, {after:.1f} ms through Triples "
          f"({after / before:.2f})")
    if args.json:
        args.json.write_text(json.dumps({"articles": len(articles), "quads": lines, "ms_per_article": per_article},
                                        indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
