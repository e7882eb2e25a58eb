"""Recompute ``start_char``/``end_char`` of every item in ``gold/*.json`` (and ``later/gold``)
from its evidence.

The genre set's expectations use the gold format of ``tests/gold`` (see its README), so that
``isisgraph evaluate --gold tests/data/genre/gold GRAPH`` scores a build of this folder. Run
after editing a gold file by hand: ``.venv/bin/python tests/data/genre/fill_spans.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from isisgraph.errors import InputError
from isisgraph.evaluate import fill_gold_spans

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    try:
        for folder in (HERE, HERE / "later"):
            for line in fill_gold_spans(folder, folder / "gold"):
                print(line)
    except InputError as exc:
        sys.exit(str(exc))
