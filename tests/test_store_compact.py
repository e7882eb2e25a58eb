"""A build that changes its store compacts it (buildstore.compact); one that changes nothing does not."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_store_build import copy_corpus, seed_names

from isisgraph import buildstore
from isisgraph.build import build


def test_a_build_compacts_the_store_it_changed(tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch):
    compacted: list[int] = []
    original = buildstore.compact
    # counted, not kept: a store held here would keep its lock
    monkeypatch.setattr(buildstore, "compact", lambda store: compacted.append(1) or original(store))
    names = seed_names(seeds_dir)[:2]
    corpus = copy_corpus(seeds_dir, tmp_path / "corpus", names)
    store = tmp_path / "store"
    build([corpus], None, store=store)
    assert len(compacted) == 1  # the first build: a full load
    build([corpus], None, store=store)
    assert len(compacted) == 1  # nothing changed: nothing written, nothing compacted
    changed = corpus / f"{names[0]}.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nThe coalition said nothing more.\n", encoding="utf-8")
    summary = build([corpus], None, store=store)
    assert summary.store.written == 1 and len(compacted) == 2
