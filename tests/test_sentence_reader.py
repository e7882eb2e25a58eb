"""tools/sentence_reader.py on the seed articles and their gold: the sentences are labelled from
the gold evidence spans, only for the kinds a gold file annotates, and the fold of an article is
a hash of its id. Training the reader is not tested here."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold"
_spec = importlib.util.spec_from_file_location("sentence_reader", ROOT / "tools" / "sentence_reader.py")
assert _spec is not None and _spec.loader is not None
sentence_reader = importlib.util.module_from_spec(_spec)
sys.modules["sentence_reader"] = sentence_reader  # dataclasses look their module up there
_spec.loader.exec_module(sentence_reader)

WEEKLY = "000_7cf6de7149a961b9"
# The six families the blind evaluation scores and their subclasses, as tests/gold/README.md
# lists them; OperationLaunch and AirStrike are scored on neither side.
SCORED_TYPES = {"ControlChange", "Attack", "Bombing", "Ambush", "Assassination", "Abduction",
                "SuicideAttack", "Killing", "Arrest", "Surrender", "Clash"}


@pytest.fixture(scope="module")
def seed_sentences():
    return sentence_reader.build_dataset(SEEDS, GOLD)


def the_sentence(sentences, article, words):
    found = [s for s in sentences if s.article == article and words in s.text]
    assert len(found) == 1, f"{len(found)} sentences of {article} have {words!r}"
    return found[0]


def gold_spans(path: Path) -> dict[str, list[tuple[int, int]]]:
    """Each label's evidence spans, read straight from a gold file."""
    data = json.loads(path.read_text(encoding="utf-8"))

    def scored(event):
        types = event["type"] if isinstance(event["type"], list) else [event["type"]]
        return bool(SCORED_TYPES & set(types))

    return {
        "STRIKE": [(r["start_char"], r["end_char"]) for r in data["strike_reports"] if r["strike_count"] is not None],
        "EVENT": [(e["start_char"], e["end_char"]) for e in data["events"] if scored(e)],
        "CLAIM": [(c["start_char"], c["end_char"]) for c in data["claims"]],
    }


@pytest.mark.slow
def test_a_sentence_with_a_strike_reports_evidence_is_labelled_strike(seed_sentences):
    sentence = the_sentence(seed_sentences, WEEKLY, "In Iraq the coalition conducted six air strikes")
    assert sentence.labels == {"STRIKE": True, "EVENT": False, "CLAIM": False}
    assert sentence.keywords["STRIKE"]


@pytest.mark.slow
def test_a_headline_with_no_annotated_item_has_no_label(seed_sentences):
    # a headline that only says how strikes go on is no report (the guideline)
    sentence = the_sentence(seed_sentences, WEEKLY, "US-led coalition continues striking ISIS")
    assert sentence.labels == {"STRIKE": False, "EVENT": False, "CLAIM": False}


@pytest.mark.slow
def test_an_event_of_no_scored_family_gives_no_event_label(seed_sentences):
    # the launch of the Hawija operation is annotated as an OperationLaunch, not scored
    sentence = the_sentence(seed_sentences, WEEKLY, "The operation Iraq launched to take Hawija")
    assert sentence.labels["EVENT"] is False


@pytest.mark.slow
def test_a_sentence_is_labelled_exactly_when_it_overlaps_a_gold_evidence(seed_sentences):
    for path in sorted(GOLD.glob("*.json")):
        spans = gold_spans(path)
        article = path.stem
        mine = [s for s in seed_sentences if s.article == article]
        assert mine, article
        for label, evidence in spans.items():
            for s in mine:
                expected = any(start < s.end and s.start < end for start, end in evidence)
                assert s.labels[label] is expected, (article, label, s.start, s.end)
            # every evidence lands in at least one sentence
            for start, end in evidence:
                assert any(s.labels[label] and start < s.end and s.start < end for s in mine)


@pytest.mark.slow
def test_a_kind_the_gold_file_does_not_annotate_is_no_label(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    data = json.loads((GOLD / f"{WEEKLY}.json").read_text(encoding="utf-8"))
    data["annotated"] = ["strike_reports", "claims"]
    data["events"] = []
    data.pop("figures", None)
    (gold / f"{WEEKLY}.json").write_text(json.dumps(data), encoding="utf-8")
    texts = tmp_path / "texts"
    texts.mkdir()
    shutil.copy(SEEDS / f"{WEEKLY}.txt", texts)
    sentences = sentence_reader.build_dataset(texts, gold)
    assert sentences and {s.article for s in sentences} == {WEEKLY}
    assert all(s.labels["EVENT"] is None and "EVENT" not in s.cats() for s in sentences)
    assert any(s.labels["STRIKE"] for s in sentences)
    assert all(set(s.cats()) == {"STRIKE", "CLAIM"} for s in sentences)


def test_the_fold_of_an_article_is_the_documented_hash_of_its_id():
    ids = [f"article-{i}" for i in range(200)] + [WEEKLY]
    folds = {a: sentence_reader.fold_of(a, 5) for a in ids}
    assert {a: sentence_reader.fold_of(a, 5) for a in reversed(ids)} == folds
    for article, fold in folds.items():
        digest = hashlib.sha256(("isisgraph-sentence-reader-fold:" + article).encode()).hexdigest()
        assert fold == int(digest, 16) % 5
    assert set(folds.values()) == {0, 1, 2, 3, 4}


def test_the_split_keeps_each_article_on_one_side_and_holds_each_sentence_once():
    sentences = [sentence_reader.Sentence(f"article-{a}", 10 * i, 10 * i + 9, f"s{i}", {})
                 for a in range(12) for i in range(3)]
    held_count = {id(s): 0 for s in sentences}
    for fold, train, held in sentence_reader.split_folds(sentences, 5):
        assert {s.article for s in train}.isdisjoint({s.article for s in held})
        assert len(train) + len(held) == len(sentences)
        assert all(sentence_reader.fold_of(s.article, 5) == fold for s in held)
        for s in held:
            held_count[id(s)] += 1
    assert set(held_count.values()) == {1}


def test_a_span_covers_the_sentences_it_overlaps_and_no_other():
    sentences = [sentence_reader.Sentence("a", start, end, "", {})
                 for start, end in ((0, 10), (11, 30), (31, 50))]
    sentences.append(sentence_reader.Sentence("b", 0, 40, "", {}))
    index = sentence_reader.SentenceIndex(sentences)
    assert index.covering("a", [(12, 20)]) == {1}
    assert index.covering("a", [(5, 35)]) == {0, 1, 2}
    assert index.covering("a", [(10, 11)]) == set()  # the gap between two sentences
    assert index.covering("a", [(0, 3), (45, 60)]) == {0, 2}
    assert index.covering("b", [(12, 20)]) == {3}
    assert index.covering("c", [(0, 5)]) == set()
