"""Build the reference corpora and compare the graphs with a saved baseline.

A refactoring of the extractors must not change what the graph says. This script builds the
seeds, the genre development set (both its sets) and the 1,000-article benchmark corpus with
the code of the working tree, writes each graph as N-Quads, and compares them line by line
with the N-Quads of a baseline made the same way from an earlier commit:

    python tools/compare_builds.py save BASELINE_DIR          # on the commit to compare with
    python tools/compare_builds.py check BASELINE_DIR         # after the change

Lines holding ``prov:generatedAtTime`` are left out (the only value that differs between two
builds of the same input), and ``ig:sourceFile`` is compared from the corpus folder on (a build
in another checkout records its own path). ``--map-extractors FILE`` reads a JSON object {old: new} of
``ig:extractor`` values, so that a change that only renames the rules compares equal;
``--extractor-patterns FILE`` reads a JSON list of ``[regex, replacement]`` pairs applied to
the ``ig:extractor`` values of both builds (``[["^strikes\\..*", "strike-rules"]]``: every
new strike rule id compares as the old single name). The
comparison prints, per corpus, the number of lines only in the baseline and only in the new
build, and the first few of each; it exits 1 when any corpus differs.

``--corpora seeds,genre`` builds only some of them (the benchmark corpus takes minutes).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPORA = {
    "seeds": lambda tmp: ROOT / "seeds",
    "genre": lambda tmp: ROOT / "tests" / "data" / "genre",
    "later": lambda tmp: ROOT / "tests" / "data" / "genre" / "later",
    "bench": lambda folder: _bench_corpus(folder),
}
GENERATED_AT = "http://www.w3.org/ns/prov#generatedAtTime"
SOURCE_FILE = "<https://w3id.org/isisgraph/ontology#sourceFile>"
# A source file is recorded with the checkout's path: compare it from the corpus folder on.
_CHECKOUT_PATH = re.compile(r'"[^"]*/((?:seeds|tests/data)/[^"]*)"')
EXTRACTOR = "<https://w3id.org/isisgraph/ontology#extractor>"
_LITERAL = re.compile(r'^(\S+ \S+ )"((?:[^"\\]|\\.)*)"(.*)$')


def _bench_corpus(folder: Path) -> Path:
    """The 1,000-article benchmark corpus, kept in the baseline folder: its path is recorded
    in the graph (ig:sourceFile), so both builds must read it from the same place."""
    from benchmarks.generate import write_corpus

    path = folder / "bench1000.jsonl"
    return path if path.exists() else write_corpus(path, 1000)


def build(corpus: Path, out: Path) -> None:
    """``isisgraph build`` of one corpus into N-Quads, without the cache."""
    exe = Path(sys.executable).parent / "isisgraph"
    command = [str(exe), "build", str(corpus), "-o", str(out), "--no-cache", "--no-progress"]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode not in (0, 1) or not out.exists():
        raise SystemExit(f"build of {corpus} failed ({done.returncode}):\n{done.stderr[-2000:]}")


def normalised(path: Path, mapping: dict[str, str], patterns: list[tuple[re.Pattern[str], str]]) -> list[str]:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if GENERATED_AT in line or not line.strip():
            continue
        if SOURCE_FILE in line:
            line = _CHECKOUT_PATH.sub(r'"\1"', line)
        if (mapping or patterns) and EXTRACTOR in line:
            match = _LITERAL.match(line)
            if match:
                value = mapping.get(match.group(2), match.group(2))
                for pattern, replacement in patterns:
                    value = pattern.sub(replacement, value)
                line = f'{match.group(1)}"{value}"{match.group(3)}'
        lines.append(line)
    return sorted(lines)


def compare(old: Path, new: Path, mapping: dict[str, str], patterns: list[tuple[re.Pattern[str], str]],
            show: int) -> bool:
    before, after = normalised(old, mapping, patterns), normalised(new, mapping, patterns)
    only_old = sorted(set(before) - set(after))
    only_new = sorted(set(after) - set(before))
    print(f"{old.stem}: {len(before)} lines before, {len(after)} after; "
          f"{len(only_old)} only before, {len(only_new)} only after")
    for line in only_old[:show]:
        print("  - " + line[:300])
    for line in only_new[:show]:
        print("  + " + line[:300])
    return not only_old and not only_new


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("save", "check"))
    parser.add_argument("baseline", type=Path, help="folder of the baseline N-Quads")
    parser.add_argument("--corpora", default=",".join(CORPORA), help="comma-separated subset")
    parser.add_argument("--map-extractors", type=Path, help="JSON {old: new} of ig:extractor values")
    parser.add_argument("--extractor-patterns", type=Path,
                        help="JSON list of [regex, replacement] applied to ig:extractor values")
    parser.add_argument("--show", type=int, default=8, help="differing lines shown per corpus")
    args = parser.parse_args(argv)
    names = [n for n in args.corpora.split(",") if n]
    unknown = set(names) - set(CORPORA)
    if unknown:
        parser.error(f"unknown corpora: {', '.join(sorted(unknown))}")
    mapping = json.loads(args.map_extractors.read_text()) if args.map_extractors else {}
    patterns = [(re.compile(p), r) for p, r in json.loads(args.extractor_patterns.read_text())] \
        if args.extractor_patterns else []
    args.baseline.mkdir(parents=True, exist_ok=True)
    same = True
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for name in names:
            corpus = CORPORA[name](args.baseline)
            out = tmp / f"{name}.nq"
            build(corpus, out)
            saved = args.baseline / f"{name}.nq"
            if args.action == "save":
                shutil.copyfile(out, saved)
                print(f"saved {saved}")
            else:
                same = compare(saved, out, mapping, patterns, args.show) and same
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
