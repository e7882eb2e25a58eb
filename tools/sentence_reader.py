"""A trained sentence reader beside the rules: does it find the sentences the rules miss?

An experiment, measured by article-level cross-validation on an annotated set: every sentence of
the project's pipeline (``doc.sents``) is labelled from the gold evidence spans (STRIKE: the
evidence of a strike report with a count; EVENT: of an event of a family the blind evaluation
scores; CLAIM: of a claim), a spaCy ``textcat_multilabel`` is trained on the other folds'
articles and scores the held fold's sentences, and the pooled scores are compared with the
sentences a build's rules predicted something for and with a keyword baseline (the words of the
project's own lexicons). Nothing here enters the extractor.

    python tools/sentence_reader.py dataset --texts DIR --gold DIR -o FILE.jsonl
    python tools/sentence_reader.py cv --texts DIR --gold DIR --graph GRAPH [--dataset FILE.jsonl]
        [--arch bow|ensemble] [--epochs N] [--folds K] [-o NUMBERS.json]

``dataset`` writes one JSON line per sentence (its article, offsets, text, labels and keyword
flags); ``cv`` builds it (or reads it with ``--dataset``), trains one reader per fold, and
prints per label the sentence-level precision, recall and F1 of the rules, the reader at each
threshold, the keywords and rules-or-reader, then the recall headroom (gold items the rules
miss in sentences they say nothing about and the reader flags) and the precision filter
(the rules' spurious and matched predictions in sentences the reader scores low).

The sentence data and the trained readers come from other people's texts: keep them out of git.

Exit codes: 0 ok; 2 bad input (the message names the file and what to do).
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import json
import random
import re
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph

from isisgraph.errors import InputError
from isisgraph.evaluate import (
    GoldArticle,
    GoldItem,
    Predicted,
    PredictionReader,
    Scores,
    TypeScore,
    as_list,
    claimant_iris,
    evaluate,
    event_families,
    gold_of_a_scored_family,
    load_gold,
    load_graph,
)
from isisgraph.files import write_atomically
from isisgraph.namespaces import IG

# A sentence label and the gold kind it is read from.
LABELS = {"STRIKE": "strike_reports", "EVENT": "events", "CLAIM": "claims"}
THRESHOLDS = (0.3, 0.5, 0.7, 0.9)
FOLD_SALT = "isisgraph-sentence-reader-fold:"
DEFAULT_FOLDS = 5
DEFAULT_EPOCHS = 10
BATCH_SIZE = 32
SEED = 0
# The two architectures of spaCy's text classifier: a sparse linear model over unigrams and
# bigrams, and spaCy's default for textcat_multilabel (that model plus a CNN over hash embeddings).
ARCHITECTURES: dict[str, dict[str, Any] | None] = {
    "bow": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 2,
            "no_output_layer": False, "length": 262144},
    "ensemble": None,
}


# ----------------------------------------------------------------------------- the dataset


@dataclass
class Sentence:
    """One sentence of an article: its code-point offsets, its text, its gold labels (None for
    a kind the article's gold file does not annotate) and which lexicons have a word in it."""

    article: str
    start: int
    end: int
    text: str
    labels: dict[str, bool | None]
    keywords: dict[str, bool] = field(default_factory=dict)

    def cats(self) -> dict[str, float]:
        """The classifier's target: the labels the gold decides (an unannotated kind is left
        out, so that the loss ignores it)."""
        return {label: float(value) for label, value in self.labels.items() if value is not None}


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def labelled_items(gold: GoldArticle, reader: PredictionReader) -> dict[str, list[GoldItem]]:
    """The gold items each label is read from, as the blind evaluation scores them: strike
    reports with a count, events of a scored family, every claim."""
    reports = [g for g in gold.items["strike_reports"] if g.data.get("strike_count") is not None]
    events = [g for g in gold.items["events"] if gold_of_a_scored_family(g, reader)]
    return {"STRIKE": reports, "EVENT": events, "CLAIM": list(gold.items["claims"])}


class Keywords:
    """The keyword baseline: a sentence has a label's keyword when a label of its lexicon
    appears in it, word by word, each word as the token's lemma or its lower-case form.

    STRIKE: the strike frame's triggers of the event-trigger scheme and the strike verbs of the
    strikes lexicon; EVENT: the triggers that evoke a scored event family; CLAIM: the labels of
    the channel scheme (said, told, statement, according to ...)."""

    def __init__(self, reader: PredictionReader) -> None:
        import spacy

        from isisgraph import reference
        from isisgraph.lexicons import lexicon

        ref = reference.load()
        tokenizer = spacy.blank("en").tokenizer
        triggers = ref.scheme("event-trigger")
        strike_frame = triggers["frame-strike"].iri
        strike = [label for c in triggers.values() if c.broader == strike_frame for label in c.labels]
        strike += list(lexicon("strikes").strike_verbs)
        event = [label for c in triggers.values() if c.broader is not None and c.iri in ref.evokes
                 and event_families([str(IG[ref.evokes[c.iri]])], reader) for label in c.labels]
        claim = [label for c in ref.scheme("channel").values() for label in c.labels]
        self.phrases = {
            name: sorted({tuple(t.lower_ for t in tokenizer(w.lower()) if not t.is_space) for w in words} - {()})
            for name, words in (("STRIKE", strike), ("EVENT", event), ("CLAIM", claim))}

    def flags(self, tokens: Sequence[Any]) -> dict[str, bool]:
        forms = [{t.lower_, t.lemma_.lower()} for t in tokens]
        return {name: any(self._found(phrase, forms) for phrase in phrases)
                for name, phrases in self.phrases.items()}

    @staticmethod
    def _found(phrase: tuple[str, ...], forms: list[set[str]]) -> bool:
        n = len(phrase)
        return any(all(phrase[k] in forms[i + k] for k in range(n)) for i in range(len(forms) - n + 1))


def sentence_records(doc: Any, article: str, gold: GoldArticle, reader: PredictionReader,
                     keywords: Keywords) -> list[Sentence]:
    """The sentences of a parsed article, labelled from its gold: a sentence carries a label
    when it overlaps the evidence span of one of the label's items; None when the gold file
    does not annotate that kind."""
    items = labelled_items(gold, reader)
    records = []
    for sent in doc.sents:
        span = (sent.start_char, sent.end_char)
        if not sent.text.strip():
            continue
        labels: dict[str, bool | None] = {
            label: (any(overlaps(span, (g.start, g.end)) for g in items[label])
                    if kind in gold.annotated else None)
            for label, kind in LABELS.items()}
        records.append(Sentence(article, *span, sent.text, labels, keywords.flags(sent)))
    return records


def background_reader() -> PredictionReader:
    """A reader of no graph over the TBox and the reference data: the class hierarchy and the
    known actors the gold's families and sides are read with."""
    from isisgraph.ontology import load_reference, load_tbox

    return PredictionReader(Graph(), (load_tbox(), load_reference()))


def build_dataset(texts_dir: Path, gold_dir: Path) -> list[Sentence]:
    """Every sentence of the articles of ``texts_dir`` that have a gold file in ``gold_dir``,
    in article order, parsed by the project's pipeline."""
    from isisgraph.ingest import read_articles
    from isisgraph.nlp import article_doc, load_pipeline

    articles = [a for a in read_articles([texts_dir])]
    gold = load_gold(gold_dir, {a.id: a.text for a in articles})
    articles = [a for a in articles if a.id in gold]
    if not articles:
        raise InputError(f"{texts_dir}: no article has a gold file in {gold_dir}")
    reader = background_reader()
    keywords = Keywords(reader)
    pipeline = load_pipeline()
    docs = pipeline.pipe(article_doc(pipeline, a.text, a.published) for a in articles)
    sentences: list[Sentence] = []
    for article, doc in zip(articles, docs, strict=True):
        sentences.extend(sentence_records(doc, article.id, gold[article.id], reader, keywords))
    return sentences


def write_dataset(sentences: Iterable[Sentence], path: Path) -> None:
    lines = "".join(json.dumps(asdict(s), ensure_ascii=False) + "\n" for s in sentences)
    write_atomically(path, lines.encode("utf-8"))


def read_dataset(path: Path) -> list[Sentence]:
    try:
        return [Sentence(**json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines() if line]
    except (OSError, ValueError, TypeError) as exc:
        raise InputError(f"{path}: not a sentence dataset ({exc}); write one with `dataset`") from exc


# ----------------------------------------------------------------------------- folds


def fold_of(article: str, folds: int = DEFAULT_FOLDS) -> int:
    """The fold of an article: a hash of its id, so the same on every machine and in any order."""
    digest = hashlib.sha256((FOLD_SALT + article).encode("utf-8")).hexdigest()
    return int(digest, 16) % folds


def split_folds(sentences: Sequence[Sentence], folds: int = DEFAULT_FOLDS
                ) -> Iterator[tuple[int, list[Sentence], list[Sentence]]]:
    """For each fold: (fold, training sentences, held sentences); an article's sentences are
    all on one side."""
    for fold in range(folds):
        held = [s for s in sentences if fold_of(s.article, folds) == fold]
        train = [s for s in sentences if fold_of(s.article, folds) != fold]
        yield fold, train, held


# ----------------------------------------------------------------------------- the reader


def train_reader(sentences: Sequence[Sentence], arch: str, epochs: int, seed: int = SEED) -> Any:
    """A blank English pipeline with a ``textcat_multilabel`` trained on ``sentences`` for a
    fixed number of epochs, shuffled by a seeded generator: the same data gives the same model."""
    import spacy
    from spacy.training import Example

    spacy.util.fix_random_seed(seed)
    nlp = spacy.blank("en")
    model = ARCHITECTURES[arch]
    textcat = nlp.add_pipe("textcat_multilabel", config={"model": model} if model else {})
    for label in LABELS:
        textcat.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(s.text), {"cats": s.cats()}) for s in sentences]
    optimizer = nlp.initialize(lambda: examples)
    order = random.Random(seed)
    for _ in range(epochs):
        order.shuffle(examples)
        for batch in spacy.util.minibatch(examples, size=BATCH_SIZE):
            nlp.update(batch, sgd=optimizer)
    return nlp


def reader_scores(nlp: Any, sentences: Sequence[Sentence]) -> list[dict[str, float]]:
    return [dict(doc.cats) for doc in nlp.pipe((s.text for s in sentences), batch_size=256)]


@dataclass
class CrossValidation:
    scores: list[dict[str, float]]  # per sentence, from the fold that held it out
    train_cpu_seconds: list[float]  # per fold


def cross_validate(sentences: Sequence[Sentence], arch: str, epochs: int, folds: int) -> CrossValidation:
    scores: list[dict[str, float] | None] = [None] * len(sentences)
    index = {id(s): i for i, s in enumerate(sentences)}
    cpu = []
    for fold, train, held in split_folds(sentences, folds):
        before = time.process_time()
        nlp = train_reader(train, arch, epochs)
        cpu.append(time.process_time() - before)
        for sentence, score in zip(held, reader_scores(nlp, held), strict=True):
            scores[index[id(sentence)]] = score
        print(f"fold {fold}: trained on {len(train)} sentences in {cpu[-1]:.1f} CPU s, "
              f"scored {len(held)}", file=sys.stderr)
    assert all(s is not None for s in scores)
    return CrossValidation([s for s in scores if s is not None], cpu)


# ----------------------------------------------------------------------------- the rules


class SentenceIndex:
    """Which sentences of an article a character span overlaps."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.by_article: dict[str, list[int]] = {}
        for i, s in enumerate(sentences):
            self.by_article.setdefault(s.article, []).append(i)
        self.sentences = sentences
        self.starts = {a: [sentences[i].start for i in ids] for a, ids in self.by_article.items()}

    def covering(self, article: str, spans: Iterable[tuple[int, int]]) -> set[int]:
        ids = self.by_article.get(article, [])
        starts = self.starts.get(article, [])
        found = set()
        for span in spans:
            at = max(bisect.bisect_right(starts, span[0]) - 1, 0)
            while at < len(ids) and self.sentences[ids[at]].start < span[1]:
                if overlaps((self.sentences[ids[at]].start, self.sentences[ids[at]].end), span):
                    found.add(ids[at])
                at += 1
        return found


LABEL_OF_KIND = {kind: label for label, kind in LABELS.items()}


def rule_sentences(scores: Scores, index: SentenceIndex) -> dict[str, set[int]]:
    """Per label, the sentences where the build predicted an item the blind row scores (the
    matched and the spurious predictions are every scored prediction)."""
    flagged: dict[str, set[int]] = {label: set() for label in LABELS}
    for pred in predictions_of(scores):
        if pred.kind in LABEL_OF_KIND:
            flagged[LABEL_OF_KIND[pred.kind]] |= index.covering(pred.article, pred.spans)
    return flagged


def predictions_of(scores: Scores) -> list[Predicted]:
    return [p for _, p in scores.matched] + list(scores.spurious)


def named_in_sentences(graph: Graph, index: SentenceIndex) -> dict[int, set[str]]:
    """Per sentence, the actors, persons and places the build's mentions in it refer to."""
    from rdflib import RDF

    reader = PredictionReader(graph)
    named: dict[int, set[str]] = {}
    for mention in reader.graph.subjects(RDF.type, IG.Mention):
        referent = reader.graph.value(mention, IG.refersTo)
        if referent is None:
            continue
        articles, spans, _ = reader.evidence_of(mention)
        for article in articles:
            for i in index.covering(article, spans):
                named.setdefault(i, set()).add(str(referent))
    return named


def speaker_named(item: GoldItem, where: set[int], named: Mapping[int, set[str]],
                  sentences: Sequence[Sentence]) -> bool:
    """Whether a gold claim's speaker is named in its sentences, what a fallback would need to
    give the claim its claimant: the build mentions the claimant or its organisation there, or
    the sentence has the last word of a person's slug (the build mints few person mentions)."""
    wanted = claimant_iris(item.data["claimant"])
    for slug in as_list(item.data.get("on_behalf_of")):
        wanted |= claimant_iris(slug)
    surname = item.data["claimant"].removeprefix("new:").rsplit("-", 1)[-1]
    return any(wanted & named.get(i, set()) or surname in re.findall(r"\w+", sentences[i].text.lower())
               for i in where)


# ----------------------------------------------------------------------------- measures


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def row(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": p, "recall": r, "f1": f}


def sentence_counts(sentences: Sequence[Sentence], label: str, flagged: Iterable[bool]) -> Counts:
    counts = Counts()
    for s, flag in zip(sentences, flagged, strict=True):
        gold = s.labels[label]
        if gold is None:
            continue
        counts.tp += bool(flag and gold)
        counts.fp += bool(flag and not gold)
        counts.fn += bool(gold and not flag)
    return counts


def measure(sentences: Sequence[Sentence], cv: CrossValidation, scores: Scores,
            reader_name: str, graph: Graph | None = None) -> dict[str, Any]:
    """Every number of the experiment, per label: the sentence-level tables, the recall
    headroom and the precision filter."""
    index = SentenceIndex(sentences)
    rules = rule_sentences(scores, index)
    named = named_in_sentences(graph, index) if graph is not None else {}
    result: dict[str, Any] = {"sentences": len(sentences), "articles": len(index.by_article),
                              "reader": reader_name, "train_cpu_seconds": cv.train_cpu_seconds,
                              "labels": {}}
    for label, kind in LABELS.items():
        n = len(sentences)
        by_rules = [i in rules[label] for i in range(n)]
        score = [cv.scores[i][label] for i in range(n)]
        table = {
            "positives": sum(bool(s.labels[label]) for s in sentences),
            "rules": sentence_counts(sentences, label, by_rules).row(),
            "keywords": sentence_counts(sentences, label, (s.keywords[label] for s in sentences)).row(),
        }
        for theta in THRESHOLDS:
            table[f"reader>={theta}"] = sentence_counts(sentences, label, (x >= theta for x in score)).row()
        for theta in THRESHOLDS:
            table[f"rules|reader>={theta}"] = sentence_counts(
                sentences, label, (r or x >= theta for r, x in zip(by_rules, score, strict=True))).row()
        room = headroom(sentences, index, scores, kind, label, by_rules, score, named)
        filt = precision_filter(index, scores, kind, score)
        result["labels"][label] = {"sentences": table, "headroom": room, "filter": filt,
                                   "items": item_projection(scores.per_type[kind], room, filt)}
    return result


def item_projection(rules: TypeScore, room: Mapping[str, Any], filt: Mapping[str, Any]) -> dict[str, Any]:
    """The blind row's item counts as built, and what each design would make of them at each
    threshold, at best: a fallback that turns every flagged missed item into a match and every
    other flagged silent sentence into one spurious item; a filter that drops the predictions
    of low-scored sentences, spurious and matched alike."""
    def row(tp: int, fp: int, fn: int) -> dict[str, float]:
        return Counts(tp, fp, fn).row()

    def share(part: int, whole: int) -> float | None:
        return part / whole if whole else None

    out: dict[str, Any] = {"rules": row(rules.tp, rules.fp, rules.fn), "fallback": {}, "filter": {}}
    for theta in THRESHOLDS:
        h, f = room["by_threshold"][str(theta)], filt["by_threshold"][str(theta)]
        gained = h["missed_flagged"]
        added = h["false_alarms"] + h["flagged_labelled_without_a_miss"]
        out["fallback"][str(theta)] = row(rules.tp + gained, rules.fp + added, rules.fn - gained)
        # an item added (or dropped) raises F1 only if it matches with a probability above
        # (below) F1/2: this is that probability for the items the design adds (drops)
        out["fallback"][str(theta)]["matching_share"] = share(gained, gained + added)
        out["filter"][str(theta)] = row(rules.tp - f["matched_dropped"], rules.fp - f["spurious_dropped"],
                                        rules.fn + f["matched_dropped"])
        out["filter"][str(theta)]["matching_share"] = share(
            f["matched_dropped"], f["matched_dropped"] + f["spurious_dropped"])
    return out


def headroom(sentences: Sequence[Sentence], index: SentenceIndex, scores: Scores, kind: str,
             label: str, by_rules: list[bool], score: list[float],
             named: Mapping[int, set[str]]) -> dict[str, Any]:
    """What a fallback could gain: of the gold items the rules miss, those whose sentences the
    rules say nothing of that kind about, and of those the ones the reader flags at each
    threshold; against the sentences without a gold item or a rule prediction it flags (each
    would become a spurious item), and the silent sentences it flags whose gold item the rules
    matched elsewhere. For claims, also the flagged missed ones whose speaker the build
    mentions in their sentence (:func:`speaker_named`)."""
    missed = [m.item for m in scores.missed if m.row == kind]
    silent_missed = []
    for item in missed:
        where = index.covering(item.article, [(item.start, item.end)])
        if where and not any(by_rules[i] for i in where):
            silent_missed.append((item, where))
    quiet = [i for i, s in enumerate(sentences) if s.labels[label] is False and not by_rules[i]]
    labelled_quiet = [i for i, s in enumerate(sentences) if s.labels[label] and not by_rules[i]]
    missed_sentences = set().union(*(index.covering(m.article, [(m.start, m.end)]) for m in missed))
    out: dict[str, Any] = {"missed": len(missed), "missed_in_silent_sentences": len(silent_missed),
                           "silent_unlabelled_sentences": len(quiet), "by_threshold": {}}
    for theta in THRESHOLDS:
        out["by_threshold"][str(theta)] = {
            "missed_flagged": sum(any(score[i] >= theta for i in where) for _, where in silent_missed),
            "false_alarms": sum(score[i] >= theta for i in quiet),
            "flagged_labelled_without_a_miss": sum(score[i] >= theta for i in labelled_quiet
                                                   if i not in missed_sentences),
        }
        if kind == "claims":
            out["by_threshold"][str(theta)]["missed_flagged_speaker_named"] = sum(
                any(score[i] >= theta for i in where) and speaker_named(item, where, named, sentences)
                for item, where in silent_missed)
    return out


def precision_filter(index: SentenceIndex, scores: Scores, kind: str, score: list[float]) -> dict[str, Any]:
    """What a filter could gain: the rules' spurious predictions whose sentences the reader
    all scores below a threshold (they would be dropped), against the matched ones it would
    drop with them."""
    def best(pred: Predicted) -> float:
        where = index.covering(pred.article, pred.spans)
        return max((score[i] for i in where), default=0.0)

    spurious = [best(p) for p in scores.spurious if p.kind == kind]
    matched = [best(p) for g, p in scores.matched if g.kind == kind]
    return {"spurious": len(spurious), "matched": len(matched), "by_threshold": {
        str(theta): {"spurious_dropped": sum(x < theta for x in spurious),
                     "matched_dropped": sum(x < theta for x in matched)} for theta in THRESHOLDS}}


def report(numbers: Mapping[str, Any]) -> Iterator[str]:
    """The numbers as small aligned tables."""
    yield (f"{numbers['articles']} articles, {numbers['sentences']} sentences; reader "
           f"{numbers['reader']}, trained in {sum(numbers['train_cpu_seconds']):.1f} CPU s "
           f"({' '.join(f'{s:.1f}' for s in numbers['train_cpu_seconds'])} per fold)")
    for label, parts in numbers["labels"].items():
        table = parts["sentences"]
        yield ""
        yield f"== {label}: {table['positives']} labelled sentences"
        yield f"{'sentences flagged by':<22}{'TP':>6}{'FP':>6}{'FN':>6}{'P':>8}{'R':>8}{'F1':>8}"
        for name, row in table.items():
            if name == "positives":
                continue
            yield (f"{name:<22}{row['tp']:>6}{row['fp']:>6}{row['fn']:>6}"
                   f"{row['precision']:>8.3f}{row['recall']:>8.3f}{row['f1']:>8.3f}")
        room, filt = parts["headroom"], parts["filter"]
        yield (f"recall headroom: rules miss {room['missed']} items, {room['missed_in_silent_sentences']} "
               f"in sentences with no rule prediction; {room['silent_unlabelled_sentences']} sentences "
               "have neither gold nor rule prediction")
        yield (f"precision filter: {filt['spurious']} spurious and {filt['matched']} matched predictions")
        yield (f"{'theta':<8}{'missed flagged':>16}{'false alarms':>14}{'labelled, no miss':>19}"
               f"{'spurious dropped':>18}{'matched dropped':>17}")
        for theta in THRESHOLDS:
            h, f = room["by_threshold"][str(theta)], filt["by_threshold"][str(theta)]
            yield (f"{theta:<8}{h['missed_flagged']:>16}{h['false_alarms']:>14}"
                   f"{h['flagged_labelled_without_a_miss']:>19}{f['spurious_dropped']:>18}{f['matched_dropped']:>17}")
        if label == "CLAIM":
            yield "missed claims flagged whose speaker is named in their sentence: " + ", ".join(
                f"{theta}: {room['by_threshold'][str(theta)]['missed_flagged_speaker_named']}" for theta in THRESHOLDS)
        items = parts["items"]
        yield (f"items (blind row), at best; an added item pays if it matches with probability above "
               f"F1/2 = {items['rules']['f1'] / 2:.3f}, a dropped one if below")
        yield f"{'':<28}{'TP':>6}{'FP':>6}{'FN':>6}{'P':>8}{'R':>8}{'F1':>8}{'match share':>13}"
        rows = [("rules as built", items["rules"])]
        rows += [(f"fallback at {theta}", items["fallback"][str(theta)]) for theta in THRESHOLDS]
        rows += [(f"filter at {theta}", items["filter"][str(theta)]) for theta in THRESHOLDS]
        for name, row in rows:
            match_share = row.get("matching_share")
            shown = "-" if match_share is None else f"{match_share:.2f}"
            yield (f"{name:<28}{row['tp']:>6}{row['fp']:>6}{row['fn']:>6}"
                   f"{row['precision']:>8.3f}{row['recall']:>8.3f}{row['f1']:>8.3f}{shown:>13}")


# ----------------------------------------------------------------------------- command line


def run_cv(args: argparse.Namespace) -> list[str]:
    from isisgraph.evaluate import read_texts

    sentences = read_dataset(args.dataset) if args.dataset else build_dataset(args.texts, args.gold)
    texts = read_texts([args.texts])
    graph = load_graph(args.graph)
    scores = evaluate(args.gold, graph, match="blind", texts=texts)
    cv = cross_validate(sentences, args.arch, args.epochs, args.folds)
    numbers = measure(sentences, cv, scores, f"{args.arch}, {args.epochs} epochs, {args.folds} folds", graph)
    if args.output:
        write_atomically(args.output, (json.dumps(numbers, indent=2) + "\n").encode("utf-8"))
    return list(report(numbers))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="Exit codes: 0 ok; 2 bad input.")
    commands = parser.add_subparsers(dest="command", required=True)
    making = commands.add_parser("dataset", help="the labelled sentences of a texts folder, as JSON lines")
    making.add_argument("--texts", type=Path, required=True, help="a folder as `isisgraph build` reads it")
    making.add_argument("--gold", type=Path, required=True, help="the folder of gold files (sealed or not)")
    making.add_argument("-o", "--output", type=Path, required=True)
    validating = commands.add_parser("cv", help="cross-validate the reader and compare it with a build's rules")
    validating.add_argument("--texts", type=Path, required=True, help="the folder the graph was built from")
    validating.add_argument("--gold", type=Path, required=True)
    validating.add_argument("--graph", type=Path, required=True, help="the build of --texts")
    validating.add_argument("--dataset", type=Path, help="the sentences written by `dataset` (default: parse)")
    validating.add_argument("--arch", choices=sorted(ARCHITECTURES), default="bow")
    validating.add_argument("--epochs", type=int, default=DEFAULT_EPOCHS)
    validating.add_argument("--folds", type=int, default=DEFAULT_FOLDS)
    validating.add_argument("-o", "--output", type=Path, help="write the numbers as JSON")
    args = parser.parse_args(argv)
    try:
        if args.command == "dataset":
            sentences = build_dataset(args.texts, args.gold)
            write_dataset(sentences, args.output)
            lines = [f"{len(sentences)} sentences of {len({s.article for s in sentences})} articles "
                     f"-> {args.output}"]
        else:
            lines = run_cv(args)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
