"""The seeds build scored as the blind sets are scored (``isisgraph evaluate --match blind``,
rules in ``tests/gold/README.md``): each row at 0.95 precision and recall.

Two rows do not reach it yet, for reasons in the extraction, not in the scoring; they are
expected failures that fail the run as soon as they pass, so that the mark is removed then.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from isisgraph.evaluate import evaluate

GOLD = Path(__file__).resolve().parent / "gold"
BAR = 0.95

# "areas that the coalition and Iraqi forces have taken over the last year" (published
# 2017-12-31): the gold reads the calendar year (2017-01-01..12-31, the guideline's "over the
# last year"), the extractor the 365 days before (2016-12-31..2017-12-31), whose start falls in
# December 2016; so both control changes (Mosul, Jalula) are a miss and a spurious event.
LAST_YEAR = "'over the last year' resolved to the 365 days before publication, not the year"
# Sides the extractor leaves out or names differently: lost control (Abu Kamal, Deir Ezzour),
# the perpetrators of arrests, the surrendering side, the air force within the ISF, the Syrian
# regime for its army, and the IRGC and Hezbollah among Iranian-linked forces.
SIDES = "sides missing or named differently: lostControl, arrest perpetrators, surrendering side"


@pytest.fixture(scope="module")
def blind_scores(seeds_dataset):
    return evaluate(GOLD, seeds_dataset, match="blind")


@pytest.mark.slow
@pytest.mark.parametrize("row", [
    "strike_reports",
    pytest.param("events", marks=pytest.mark.xfail(reason=LAST_YEAR, strict=True)),
    pytest.param("events_sides", marks=pytest.mark.xfail(reason=SIDES, strict=True)),
    pytest.param("events_sides_exact", marks=pytest.mark.xfail(reason=SIDES, strict=True)),
    "claims",
    "figures",
])
def test_seeds_reach_the_bar_under_the_blind_matching(blind_scores, row):
    s = blind_scores.per_type[row]
    assert s.gold > 0
    assert s.precision >= BAR and s.recall >= BAR, (
        f"{row}: precision {s.precision:.3f}, recall {s.recall:.3f}\n\n{blind_scores.table()}")
