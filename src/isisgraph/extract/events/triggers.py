"""The trigger lexicon and its matchers: where the words that report an event are found.

The event-trigger lexicon (``ontology/lexicon-events.ttl``, SKOS scheme ``event-trigger``)
becomes two spaCy phrase matchers (the words of a label side by side, compared with lemmas and
with lower-cased forms) and a head-word index for labels whose words depend on one another in
the parse ("drove the militants out", "took full control of", "car bombs"). Where matches
share a head, the longest label wins. Each trigger concept names its event class
(``ig:evokes``) and its frame (``skos:broader``), which picks the reader of its participants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from isisgraph.extract.events.entities import inside_linked_entity
from isisgraph.extract.shared import text_of, tokens_of
from isisgraph.reference import Reference, local_name

SCHEME = "event-trigger"
FRAME_PREFIX = "frame-"

# Rule id of the trigger search itself (tests name it; the records carry their reader's id).
TRIGGERS = "events.triggers"
INSIDE_NAME = "events.triggers.inside-name"


@dataclass(frozen=True)
class TriggerWord:
    """One label of the event-trigger lexicon: its concept, frame and evoked class."""

    concept: str  # slug in the event-trigger scheme, e.g. "retake"
    frame: str  # frame slug without the prefix, e.g. "conquering"
    kind: str  # ig: class local name, e.g. "ControlChange"
    words: tuple[str, ...]  # the label split into words, e.g. ("drive", "out")


@dataclass
class TriggerLexicon:
    """The trigger words with the spaCy matchers built from them for one vocabulary."""

    words: list[TriggerWord]
    by_lemma: PhraseMatcher  # the label's words side by side, compared with lemmas
    by_form: PhraseMatcher  # ... and with the lower-cased surface forms
    # multi-word labels by the lemma of a head word: (index of the word, the other words);
    # the other words must depend on the head ("drove the militants out", "car bombs")
    headed: dict[str, list[tuple[int, tuple[str, ...]]]]


_WORD_RE = re.compile(r"[\w']+|[^\w\s]")


def label_words(label: str) -> tuple[str, ...]:
    """A label as the tokens spaCy makes of it: "vehicle-borne bomb" → vehicle, -, borne, bomb."""
    return tuple(_WORD_RE.findall(label.lower()))


def trigger_words(ref: Reference) -> list[TriggerWord]:
    """Every label of every trigger concept of the lexicon, with its frame and class."""
    scheme = ref.scheme(SCHEME)
    evoked = ref.evokes
    words: list[TriggerWord] = []
    for slug, concept in sorted(scheme.items()):
        if concept.broader is None or slug.startswith(FRAME_PREFIX):
            continue
        frame = local_name(concept.broader)
        kind = evoked.get(concept.iri) or evoked.get(concept.broader)
        if kind is None or not frame.startswith(FRAME_PREFIX):
            continue
        for label in concept.labels:
            words.append(TriggerWord(slug, frame[len(FRAME_PREFIX):], kind, label_words(label)))
    return words


_LEXICONS: dict[tuple[int, int], TriggerLexicon] = {}


def lexicon_for(vocab: Vocab, ref: Reference) -> TriggerLexicon:
    """The matchers for ``vocab`` built from the lexicon in ``ref`` (built once per pair)."""
    key = (id(vocab), id(ref))
    if key in _LEXICONS:
        return _LEXICONS[key]
    words = trigger_words(ref)
    by_lemma = PhraseMatcher(vocab, attr="LEMMA")
    by_form = PhraseMatcher(vocab, attr="LOWER")
    headed: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for i, word in enumerate(words):
        key_name = f"T{i}"
        # Phrase patterns are Docs; a label's words are lemmas, so they are their own lemmas.
        # The lemmatiser keeps the case of proper nouns and acronyms ("IED", "Suicide").
        forms = {word.words, tuple(w.upper() for w in word.words),
                 (word.words[0].capitalize(), *word.words[1:])}
        by_lemma.add(key_name, [Doc(vocab, words=list(f), lemmas=list(f)) for f in sorted(forms)])
        by_form.add(key_name, [Doc(vocab, words=list(word.words))])
        content = [w for w in word.words if w.isalnum() or "'" in w]
        if len(content) > 1 and len(content) == len(word.words):
            # Head first (verbs with particles/objects) and head last (noun compounds).
            for anchor, others in ((content[0], content[1:]), (content[-1], content[:-1])):
                headed.setdefault(anchor, []).append((i, tuple(others)))
    lexicon = TriggerLexicon(words, by_lemma, by_form, headed)
    if len(_LEXICONS) > 8:
        _LEXICONS.clear()
    _LEXICONS[key] = lexicon
    return lexicon


@dataclass(frozen=True)
class Trigger:
    """A trigger found in a Doc: the lexicon word, its syntactic head and all its tokens."""

    word: TriggerWord
    head: Token
    tokens: tuple[Token, ...]

    @property
    def text(self) -> str:
        first, last = self.tokens[0], self.tokens[-1]
        if last.i - first.i < len(self.tokens) + 2:
            return first.doc[first.i: last.i + 1].text
        return " ".join(t.text for t in self.tokens)

    @property
    def is_noun(self) -> bool:
        """A noun trigger, not a participle the parser tagged as a noun while giving it the
        dependents of a passive verb ("Ramadi, which was overrun by the militants in May"), nor
        a past form it does not know, tagged a noun with a subject and an object of its own
        ("The Iraqi army retook Baiji from ISIS")."""
        return (self.head.pos_ in ("NOUN", "PROPN") or self.head.tag_ in ("NN", "NNS")) and not any(
            c.dep_ in PASSIVE_DEPS for c in self.head.children) and not (
            any(c.dep_ == "nsubj" for c in self.head.children)
            and any(c.dep_ == "dobj" for c in self.head.children))


# Dependents only a passive verb has.
PASSIVE_DEPS = ("nsubjpass", "auxpass", "agent")


def _syntactic_head(tokens: list[Token]) -> Token:
    ids = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in ids or token.head == token:
            return token
    return tokens[-1]


def find_triggers(doc: Doc, lexicon: TriggerLexicon) -> list[Trigger]:
    """Trigger occurrences in ``doc``, one per head token, longest label first; none inside a
    name the NLP stage linked ("Operation Inherent Resolve" is no launch)."""
    found: dict[int, tuple[int, Trigger]] = {}  # head index -> (lexicon index, trigger)

    def offer(index: int, tokens: list[Token]) -> None:
        word = lexicon.words[index]
        head = _syntactic_head(tokens)
        if inside_linked_entity(head) or inside_name(head) or subject_and_verb(tokens):
            return
        current = found.get(head.i)
        # the longest label wins; between labels of one length, the first of the lexicon
        # (whichever matcher offered it first), so that the choice never depends on order
        if current is None or (-len(word.words), index) < (-len(current[1].word.words), current[0]):
            found[head.i] = (index, Trigger(word, head, tuple(sorted(tokens, key=lambda t: t.i))))

    for matcher in (lexicon.by_lemma, lexicon.by_form):
        for match_id, start, end in matcher(doc):
            offer(int(doc.vocab.strings[match_id][1:]), list(doc[start:end]))
    for token in tokens_of(doc):
        for anchor in dict.fromkeys((token.lemma_.lower(), token.lower_)):
            for index, others in lexicon.headed.get(anchor, ()):
                matched = _headed_match(token, others)
                if matched is not None:
                    offer(index, matched)
    # A token that is part of a longer trigger is not a trigger of its own.
    triggers = {i: trig for i, (_, trig) in found.items()}
    covered = {t.i: trig for _, trig in sorted(found.values(), key=lambda f: (f[1].head.i, f[0]))
               for t in trig.tokens if t.i != trig.head.i}
    return sorted((t for i, t in triggers.items() if i not in covered
                   or len(covered[i].word.words) < len(t.word.words)), key=lambda t: t.head.i)


def subject_and_verb(tokens: list[Token]) -> bool:
    """Rule ``events.triggers.subject-and-verb``: the words of a label side by side that are a
    subject and its verb say something else: "security forces withdraw from Ramadi" (AP via
    Arkansas Online 2015) is no "force (them to) withdraw"."""
    ids = {t.i for t in tokens}
    return len(tokens) > 1 and any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i in ids for t in tokens)


def inside_name(token: Token) -> bool:
    """Rule ``events.triggers.inside-name``: a capitalised word in a run of capitalised words
    inside running text (not at a sentence start, not in a line written in Title Case) is part
    of a name the NLP stage did not link, no trigger: "Storm" in "the Jazeera Storm Operation
    here" and in "Jazeera Storm Operation Commander Chiya Firat speaks" (one article; the same
    holds of "Operation Euphrates Shield", "the Battle of Mosul")."""
    text = token.text
    if not text[:1].isupper() or text.isupper() or token.is_sent_start:
        return False
    doc = token.doc
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    if not any(n.text[:1].isupper() and n.is_alpha and not n.is_sent_start for n in neighbours):
        return False
    line = _line_words(token)
    return any(len(w) >= 4 and w.isalpha() and w.islower() for w in line)


def _line_words(token: Token) -> list[str]:
    """The words of the line ``token`` is on."""
    text = text_of(token.doc)
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    return text[start: end if end >= 0 else len(text)].split()


def _headed_match(token: Token, others: tuple[str, ...]) -> list[Token] | None:
    """``token`` with a child for each of the other words of a label (a plural "s" allowed),
    or None when one is missing."""
    matched = [token]
    for other in others:
        child = next((c for c in token.children if c.lower_ in (other, other + "s")
                      and c not in matched), None)
        if child is None:
            return None
        matched.append(child)
    return matched
