"""A build in one process keeps nothing of an article once the article is finished."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from isisgraph import build as build_module
from isisgraph.build import build

ARTICLES = {
    "mosul": "Iraqi forces attacked ISIS fighters in Mosul on Monday, killing 12 militants, officials said.",
    "raqqa": "Coalition aircraft struck ISIS positions near Raqqa on Tuesday, the US military said.",
    "kirkuk": "ISIS militants attacked a police checkpoint in Kirkuk on Friday, killing three officers.",
}


def test_no_parsed_doc_outlives_a_one_process_build(tmp_path: Path, monkeypatch):
    """Every Doc the build parsed is freed when its article is done: nothing (a cache keyed
    by Doc, an index of its entities) holds one until the next article or the end."""
    for name, text in ARTICLES.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    parsed: list[weakref.ref] = []  # type: ignore[type-arg]
    parse_texts = build_module.parse_texts

    def parse_and_watch(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        docs = parse_texts(*args, **kwargs)
        parsed.extend(weakref.ref(doc) for doc in docs)
        return docs

    monkeypatch.setattr(build_module, "parse_texts", parse_and_watch)
    summary = build([tmp_path], tmp_path / "out.trig", workers=1, batch_size=1, use_cache=False)

    assert summary.processed == len(ARTICLES)
    assert len(parsed) == len(ARTICLES)
    gc.collect()  # garbage in reference cycles is not held; only what is still reachable counts
    alive = [ref() for ref in parsed if ref() is not None]
    assert [doc.text for doc in alive] == []
