"""Narrowing parameters of the list queries (since, until, actor, country): the rows each
keeps, worked out by hand from the articles of tests/test_totals.py, on both engines."""

from __future__ import annotations

import datetime as dt

import pyoxigraph as ox
import pytest
from test_totals import (
    SEPT_24,
    article,
    dataset_of,
    overlapping_week,
    release_with_breakdown,
    report,
    story_of_two_places,
    weekly_release,
    wire_relaying_the_release,
)

from isisgraph.errors import ParamError
from isisgraph.namespaces import actor
from isisgraph.query import bind, find_query, run_query
from isisgraph.records import Extraction


def raf_in_syria() -> Extraction:
    lines = ["RAF Tornados conducted three strikes in Syria on Sept. 24."]
    art = article("r7", "MOD", dt.date(2014, 9, 25), lines)
    ex = Extraction(article=art)
    ex.strike_reports = [report(art, "raf", lines[0], 3, ["https://w3id.org/isisgraph/id/place/syria"], SEPT_24)]
    ex.strike_reports[0].perpetrators[:] = [str(actor("raf"))]
    return ex


@pytest.fixture(scope="module")
def six():
    dataset = dataset_of(release_with_breakdown(), wire_relaying_the_release(), story_of_two_places(),
                         weekly_release(), overlapping_week(), raf_in_syria())
    store = ox.Store()
    store.load(dataset.serialize(format="trig").encode("utf-8"), format=ox.RdfFormat.TRIG)
    return dataset, store


def reports(source, **params) -> list[tuple[str, int]]:
    """(article/report key, strikes) of each row of strike-reports."""
    rows = run_query("strike-reports", source, params).records()
    return sorted(("/".join(r["report"].split("/")[-2:]), r["strikes"]) for r in rows)


# r1: total 5 (Iraq and Syria), raqqa 1, hawija 2, kirkuk 2, Sept. 20-21; r2: iraq 4, Sept. 20-21;
# r3: hawija 2, kirkuk 1, Sept. 24; r4: week 12, Sept. 22-28; r5: week 7, Sept. 27-Oct. 3;
# r7: the RAF's 3 in Syria, Sept. 24
CASES = [
    ({}, ["r1/total", "r1/raqqa", "r1/hawija", "r1/kirkuk", "r2/iraq", "r3/hawija", "r3/kirkuk", "r4/week",
          "r5/week", "r7/raf"]),
    ({"since": "2014-09-25"}, ["r4/week", "r5/week"]),  # ending on or after Sept. 25
    ({"since": "2014-10"}, ["r5/week"]),  # ending in October or later
    ({"until": "2014-09-21"}, ["r1/total", "r1/raqqa", "r1/hawija", "r1/kirkuk", "r2/iraq"]),
    ({"since": "2014-09-22", "until": "2014-09-24"}, ["r3/hawija", "r3/kirkuk", "r4/week", "r7/raf"]),
    ({"until": "2014-09"}, ["r1/total", "r1/raqqa", "r1/hawija", "r1/kirkuk", "r2/iraq", "r3/hawija", "r3/kirkuk",
                            "r4/week", "r5/week", "r7/raf"]),  # a month: every day of it
    ({"country": "place/syria"}, ["r1/total", "r1/raqqa", "r7/raf"]),
    ({"actor": "actor/raf"}, ["r7/raf"]),
    ({"actor": "actor/cjtf-oir", "country": "place/syria", "since": "2014-09-22"}, ["r7/raf"]),  # a member's
    ({"actor": "actor/us"}, []),
]


@pytest.mark.parametrize("params, expected", CASES, ids=[",".join(f"{k}={v}" for k, v in p.items()) or "all"
                                                          for p, _ in CASES])
def test_strike_reports_narrowed(six, params, expected):
    dataset, store = six
    keys = sorted(expected)
    found = reports(dataset, **params)
    assert sorted(key for key, _ in found) == keys
    assert reports(store, **params) == found


def test_strikes_near_place_narrowed_by_period_and_actor(six):
    dataset, store = six
    # inside Kirkuk Governorate: the Hawija and Kirkuk lines of r1 (Sept. 20-21) and of r3 (Sept. 24)
    params = {"place": "place/kirkuk-governorate", "since": "2014-09-24"}
    rows = run_query("strikes-near-place", dataset, params).records()
    assert sorted(r["strike"].rsplit("/", 2)[-2] + "/" + r["strike"].rsplit("/", 1)[-1] for r in rows) == [
        "r3/hawija", "r3/kirkuk"]
    assert run_query("strikes-near-place", store, params).rows == run_query("strikes-near-place", dataset, params).rows
    in_syria = {"place": "place/syria", "actor": "actor/raf"}
    assert [r["strikes"] for r in run_query("strikes-near-place", dataset, in_syria).records()] == [3]


@pytest.mark.parametrize("value", ["2014", "2014-13", "2014-02-30", "Sept 2014", '2014-09" } DROP ALL #'])
def test_a_month_or_day_is_checked_before_running(value):
    with pytest.raises(ParamError, match="is not a month or a day; write YYYY-MM or YYYY-MM-DD"):
        bind(find_query("strike-reports").text, {"since": value})
