"""Recompute ``start_char``/``end_char`` of every item in ``gold/*.json`` (and ``later/gold``)
from its evidence.

The genre set's expectations use the gold format of ``tests/gold`` (see its README), so that
``isisgraph evaluate --gold tests/data/genre/gold GRAPH`` scores a build of this folder. Run
after editing a gold file by hand: ``.venv/bin/python tests/data/genre/fill_spans.py``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from isisgraph.evaluate import KINDS, locate_evidence
from isisgraph.ingest import read_articles

HERE = Path(__file__).resolve().parent
FIRST_KEYS = ("evidence", "occurrence", "start_char", "end_char")
SCALAR_LIST = re.compile(r"\[\s*((?:(?:\"[^\"\n]*\"|-?[\d.]+|null|true|false)\s*,?\s*)*)\]")


def dumps(data: dict) -> str:
    """Indented JSON with lists of plain values kept on one line."""
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
    for folder in (HERE, HERE / "later"):
        fill(folder)


def fill(folder: Path) -> None:
    texts = {a.id: a.text for a in read_articles([folder])}
    for path in sorted((folder / "gold").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        text = texts[data["article"]]
        for kind in KINDS:
            if kind in data:
                data[kind] = [with_span(item, text, f"{path.name} {kind}[{i}]")
                              for i, item in enumerate(data[kind])]
        path.write_text(dumps(data) + "\n", encoding="utf-8")
        print(f"{path.name}: " + ", ".join(f"{k} {len(data.get(k, []))}" for k in KINDS))


if __name__ == "__main__":
    main()
