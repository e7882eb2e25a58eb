"""Recompute ``start_char``/``end_char`` of every gold item from its evidence and occurrence.

Run after editing a gold file by hand: ``.venv/bin/python tests/gold/fill_spans.py``.
Offsets count code points of the normalised article text, as the graph's do; an evidence
that is not in the article stops the script with the file and item named.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from isisgraph.evaluate import KINDS, locate_evidence
from isisgraph.ingest import read_articles

GOLD = Path(__file__).resolve().parent
SEEDS = GOLD.parents[1] / "seeds"
FIRST_KEYS = ("evidence", "occurrence", "start_char", "end_char")
SCALAR_LIST = re.compile(r"\[\s*((?:(?:\"[^\"\\n]*\"|-?[\d.]+|null|true|false)\s*,?\s*)*)\]")


def dumps(data: dict) -> str:
    """Indented JSON with lists of plain values kept on one line, so the files read easily."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return SCALAR_LIST.sub(lambda m: json.dumps(json.loads(m.group(0)), ensure_ascii=False), text)


def with_span(item: dict, text: str, where: str) -> dict:
    occurrence = int(item.get("occurrence", 1))
    try:
        start, end = locate_evidence(text, item["evidence"], occurrence)
    except ValueError as exc:
        sys.exit(f"{where}: {exc}")
    ordered = {"evidence": item["evidence"], "occurrence": occurrence,
               "start_char": start, "end_char": end}
    ordered.update((k, v) for k, v in item.items() if k not in FIRST_KEYS)
    return ordered


def main() -> None:
    texts = {a.id: a.text for a in read_articles([SEEDS])}
    for path in sorted(GOLD.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        text = texts[data["article"]]
        for kind in KINDS:
            data[kind] = [with_span(item, text, f"{path.name} {kind}[{i}]")
                          for i, item in enumerate(data.get(kind, []))]
        path.write_text(dumps(data) + "\n", encoding="utf-8")
        print(f"{path.name}: " + ", ".join(f"{k} {len(data[k])}" for k in KINDS))


if __name__ == "__main__":
    main()
