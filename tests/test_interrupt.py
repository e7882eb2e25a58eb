"""Nothing lost: killing a build at random points keeps the previous graph and the cache usable."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from rdflib.namespace import PROV

from isisgraph.build import build

KILLS = 6


def lines_without_time(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if str(PROV.generatedAtTime) not in line]


def test_killed_builds_keep_previous_output_and_resume(tmp_path: Path, seeds_dir: Path):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    reference = tmp_path / "reference" / "graph.nq"
    build([corpus], reference, use_cache=False)
    expected = lines_without_time(reference)

    out = tmp_path / "out" / "graph.nq"
    out.parent.mkdir()
    out.write_text("previous good graph\n", encoding="utf-8")
    rng = random.Random(20261121)
    command = [sys.executable, "-m", "isisgraph", "build", str(corpus), "-o", str(out), "--no-progress",
               "--batch-size", "1"]
    for _ in range(KILLS):
        # a changed article each round, so every run has work to interrupt
        victim = corpus / sorted(p.name for p in corpus.glob("*.txt"))[rng.randrange(5)]
        victim.write_text(victim.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 6.0))
        process.send_signal(rng.choice([signal.SIGINT, signal.SIGTERM, signal.SIGKILL]))
        process.wait(timeout=60)
        text = out.read_text(encoding="utf-8")
        assert text == "previous good graph\n" or text.endswith(" .\n"), "output must be old or whole"

    # restore the corpus and finish: the result equals an uninterrupted build
    shutil.rmtree(corpus)
    shutil.copytree(seeds_dir, corpus)
    summary = build([corpus], out)
    assert lines_without_time(out) == expected
    assert summary.articles == 5
