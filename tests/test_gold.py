"""The gold annotations are well formed: every evidence is the article's text, every date parses."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from rdflib import RDF, RDFS

from isisgraph.evaluate import KINDS, load_gold, locate_evidence
from isisgraph.namespaces import IG
from isisgraph.ontology import load_background, load_reference

GOLD = Path(__file__).resolve().parent / "gold"
GOLD_FILES = sorted(GOLD.glob("*.json"))
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"


def items(data: dict):
    for kind in KINDS:
        for index, item in enumerate(data.get(kind, [])):
            yield kind, index, item


def test_one_gold_file_per_seed_article(seeds_dir: Path):
    seeds = {p.stem for p in seeds_dir.glob("*.txt")}
    assert {p.stem for p in GOLD_FILES} == seeds


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_every_evidence_is_the_article_text(path: Path, seeds_articles):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["article"] == path.stem
    text = seeds_articles[data["article"]].text
    for kind, index, item in items(data):
        where = f"{kind}[{index}]"
        start, end = item["start_char"], item["end_char"]
        assert text[start:end] == item["evidence"], f"{where}: stale offsets (run fill_spans.py)"
        assert (start, end) == locate_evidence(text, item["evidence"], item["occurrence"]), where


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_dates_and_publication_agree_with_the_manifest(path: Path, seeds_articles):
    data = json.loads(path.read_text(encoding="utf-8"))
    published = dt.date.fromisoformat(data["published"])
    assert seeds_articles[data["article"]].published == published
    for kind, index, item in items(data):
        for key in ("start", "end"):
            if item.get(key) is not None:
                # Nothing reported in an article happened after it was published.
                assert dt.date.fromisoformat(item[key]) <= published, f"{kind}[{index}] {key}"
        for key in ("date", "as_of"):
            if item.get(key) is not None:
                parts = [int(p) for p in item[key].split("-")] + [1, 1]
                assert dt.date(*parts[:3]) <= published, f"{kind}[{index}] {key}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_slugs_part_of_and_quotes(path: Path):
    data = json.loads(path.read_text(encoding="utf-8"))
    slug = re.compile(SLUG)
    for kind, index, item in items(data):
        where = f"{kind}[{index}]"
        single = ("perpetrator", "claimant", "on_behalf_of", "subject", "place")
        names = [item.get(k) for k in single]
        for key in ("countries", "locations", "perpetrator", "target", "gained", "lost"):
            if isinstance(item.get(key), list):
                names += item[key]
        for name in names:
            for one in [name] if isinstance(name, str) or name is None else name:
                assert one is None or slug.match(one), f"{where}: {one!r} is not a slug"
        if kind == "strike_reports" and item["part_of"] is not None:
            total = data["strike_reports"][item["part_of"]]
            assert item["part_of"] != index, where
            bounded = total["count_qualifier"] in ("exact", "atMost")
            if bounded and None not in (total["strike_count"], item["strike_count"]):
                siblings = [r for r in data["strike_reports"] if r["part_of"] == item["part_of"]]
                parts = [r["strike_count"] or 0 for r in siblings]
                assert sum(parts) <= total["strike_count"], f"{where}: the parts exceed their total"
        if kind == "claims" and item["quote"] is not None:
            assert item["quote"] in item["evidence"], f"{where}: the quote is not in its evidence"


def test_the_gold_loads_through_the_evaluator():
    gold = load_gold(GOLD)
    counts = {kind: sum(len(a.items[kind]) for a in gold.values()) for kind in KINDS}
    # Every type has gold to score against (the "Done when" lists all four).
    assert all(n > 0 for n in counts.values()), counts


def reference_slugs(cls: str) -> set[str]:
    """Slugs of the reference individuals typed with the ig: class ``cls`` or a subclass."""
    background, reference = load_background(), load_reference()
    classes = {str(c) for c in background.transitive_subjects(RDFS.subClassOf, IG[cls])}
    return {str(s).rsplit("/", 1)[-1] for s, o in reference.subject_objects(RDF.type)
            if str(o) in classes}


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_slugs_are_those_of_the_reference_data(path: Path):
    data = json.loads(path.read_text(encoding="utf-8"))
    actors, places = reference_slugs("Actor"), reference_slugs("Place")
    countries = reference_slugs("Country")
    for kind, index, item in items(data):
        where = f"{kind}[{index}]"
        for key in ("perpetrator", "on_behalf_of", "subject", "target", "gained", "lost"):
            value = item.get(key)
            for slug in [value] if isinstance(value, str) else value or []:
                assert slug in actors, f"{where} {key}: {slug} is not in ontology/actors.ttl"
        place = item.get("place")
        named = [place] if isinstance(place, str) else place or []
        for slug in [*named, *item.get("locations", [])]:
            assert slug in places, f"{where}: {slug} is not a place of the gazetteer"
        for slug in item.get("countries", []):
            assert slug in countries, f"{where}: {slug} is not an ig:Country"
