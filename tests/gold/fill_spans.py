"""Recompute ``start_char``/``end_char`` of every gold item from its evidence and occurrence.

Run after editing a gold file by hand: ``.venv/bin/python tests/gold/fill_spans.py``.
Offsets count code points of the normalised article text, as the graph's do; an evidence
that is not in the article stops the script with the file and item named.
"""

from __future__ import annotations

import sys
from pathlib import Path

from isisgraph.errors import InputError
from isisgraph.evaluate import fill_gold_spans

GOLD = Path(__file__).resolve().parent
SEEDS = GOLD.parents[1] / "seeds"

if __name__ == "__main__":
    try:
        for line in fill_gold_spans(SEEDS, GOLD):
            print(line)
    except InputError as exc:
        sys.exit(str(exc))
