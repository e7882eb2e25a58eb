"""Events: control changes, attacks, killings, arrests, surrenders, clashes and launches of
operations, each with its participants in their roles, its place, date and counts, and the
clause that reports it as evidence.

How an event is found
---------------------
1. **Triggers.** The event-trigger lexicon (``ontology/lexicon-events.ttl``, SKOS scheme
   ``event-trigger``) becomes two spaCy phrase matchers (the words of a label side by side,
   compared with lemmas and with lower-cased forms) and a head-word index for labels whose
   words depend on one another in the parse ("drove the militants out", "took full control
   of", "car bombs"). Where matches share a head, the longest label wins. Each trigger
   concept names its event class (``ig:evokes``) and its frame (``skos:broader``).
2. **Frames.** A frame says where the participants are. ``conquering`` (liberate, retake,
   seize, expel, oust ...): the subject, or the by-agent of a passive, gained control; every
   other participant (object, passive subject, "from", "of") is a place taken or, if it is an
   actor, the side that lost control. ``losing-control`` (lose, cede, "the loss of"):
   the subject lost, "to X" gained. ``falling``: the place is the subject or "the fall of X".
   ``attack``/``explosive-device``: perpetrator, target, place; a device (roadside bomb, IED,
   suicide bomber) is an event only when it explodes, hits, kills or is hit. ``killing``,
   ``arrest``: perpetrator and the victims or the arrested with their count. ``surrendering``:
   who surrendered (target) and to whom (perpetrator). ``hostile-encounter``: every side is a
   perpetrator. ``launch``: an operation noun or a named operation launched.
   ``responsibility``: the claimant becomes the perpetrator of the attack it claims — the one
   named, or the one just reported when the text says only "the attack".
   Roles are filled only with entities the NLP stage linked (labels ACTOR, PLACE, OPERATION,
   the individual's IRI in ``ent_id_``). "the group"/"the militants" resolve to the nearest
   earlier armed group, "it"/"they" to the nearest earlier subject (nothing if that subject
   names no known actor), and "the city"/"the town"/"the area" to the nearest earlier place of
   a fitting type (skipping "neighbouring X"). A sentence that refers back ("these
   operations", "during the raids") takes its place from the sentence before. Places in a
   dateline ("ERBIL, Kurdistan Region —") and places of origin ("fighters from Lebanon") are
   not where events happened, and no role or date is taken across a line break.
   A control change needs a place; a killing or arrest needs a count or a participant; an
   attack needs a participant, a place or a date.
3. **Factuality.** No event is made from a trigger that is negated ("has not been retaken",
   "no attacks"), under a modal ("could take years", "would flee", "may soon return", "the
   fall of Raqqa would be a blow"), conditional ("if"), the complement of an intention
   ("wanted to take Kirkuk", "plans to", "threatened to take over", "efforts to oust", "the
   push to retake", "launched an offensive to retake Mosul" — an operation's goal is not its
   outcome), iterative ("continued to attack ISIL"), habitual (a frequency adverb, or a
   present tense with no date outside the headline: "cells that plant bombs, assassinate
   local leaders"), or generic: plural attack nouns without a number ("stepped up attacks in
   Afghanistan", "dozens of bombings this year"), a noun with "any"/"every"/"no", or the
   object of prevent/foil/fear/increase/stage. A definite noun that adds
   nothing ("the attack", "both attacks") refers back to an event already reported and is no
   new event. A purpose clause of a past action ("crossed the border in January to seize
   parts of northern Syria") is reported as happened, with lower confidence. Events inside
   reported speech ("the military said that it killed two fighters") are events, with lower
   confidence.
4. **Date.** The nearest date expression (``dates.find_dates``) in the trigger's own clause;
   else one it inherits: a coordinated verb from its first conjunct, a participle, purpose or
   "as/when" clause from the clause it belongs to, a noun from the verb it is the object or
   subject of — but never across a verb of saying or claiming (the claim date is not the event
   date) and never into a relative clause. "Since launching ... in May" dates a main clause
   from May to publication; "the day before" is counted from the date of the clause that
   frames it. Otherwise the event has no date: nothing is invented. A control change with
   no date in a subordinate clause ("months before being ousted from Raqqa") is background:
   it is kept only to be merged into a dated report of the same change.
5. **Merging.** Reports of one event in one sentence (a claimed attack and its description;
   "ambushing and killing truck drivers"; "killing 300 people in a mosque attack") become one
   event of the most specific type; across the article, control changes of the same place
   with compatible dates and sides, and other events of the same type, place and date, are
   merged, keeping the best-dated report as evidence. An undated headline folds into the
   body's first report of its kind, and an undated sentence placed by the one before ("14
   militants were killed in the fighting") into the event it continues. A control change of
   several coordinated places ("took Hawija, Mosul and Jalula") becomes one event per place.
   What is left with neither a date nor a place ("ISIS has killed thousands") is a tally, not
   an event, and is dropped.

Confidence
----------
Starts at 0.75. Raised by 0.05 for each of: an actor named in a role (not via anaphora), a
place, a date (at most +0.15). Lowered by 0.10 when the event is reported speech or stands
inside quotation marks, 0.10 when a role or the place was filled by resolving "the group"/
"the city"/"it" or the place came from the sentence before, 0.15 for a purpose clause, 0.10
when there is no date, 0.05 for a device noun, which is an event only through the verb that
governs it. Kept within 0.30–0.95. The extractor name is ``events/{frame}`` (``+merged``
when reports were merged).

Keys are ``event-{kind}-{start}-{end}`` over the evidence span, stable across runs, so the
claims extractor can point ``ig:about`` at them.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from isisgraph.closed_class import ACTOR_PRONOUNS, ANAPHORIC_DETERMINERS, GENERIC_DETERMINERS, RELATIVE_PRONOUNS
from isisgraph.extract.dates import find_dates
from isisgraph.extract.numbers import CountMatch
from isisgraph.extract.shared import entities, sentences, text_of, tokens_of
from isisgraph.extract.syntax.counting import count_in_phrase
from isisgraph.extract.syntax.factuality import Factuality, factuality, inside_quotes, negated
from isisgraph.extract.syntax.tree import (
    agents,
    children,
    clause_tokens,
    conjuncts,
    doers,
    governing_verb,
    is_passive,
    patients,
    phrase_tokens,
    prep_objects,
    resolve_relative,
)
from isisgraph.extract.syntax.units import in_dateline, in_headline, on_line_of, sentence_of
from isisgraph.lexicons import lexicon
from isisgraph.records import Article, Event, When
from isisgraph.records import Span as TextSpan
from isisgraph.reference import Reference, local_name

GRAMMAR = lexicon("grammar")
SCHEME = "event-trigger"
FRAME_PREFIX = "frame-"

# Verbs whose date is when something was said or learned, not when the event happened.
NON_EVENT_GOVERNORS = GRAMMAR.reporting_verbs | frozenset({
    "condemn", "blame", "investigate", "denounce", "mourn", "recall", "remember", "cite",
})
GENERIC_GOVERNORS = frozenset({
    "prevent", "foil", "thwart", "plan", "plot", "fear", "warn", "threaten", "avert", "stop",
    "deter", "increase", "step", "ramp", "intensify", "escalate", "stage", "counter", "combat",
    "expect", "predict", "risk", "ensure", "encourage", "inspire", "prepare", "reduce",
})
GENERIC_MODIFIERS = frozenset({"possible", "potential", "future", "further", "more", "planned",
                               "foiled", "thwarted", "renewed", "frequent", "occasional",
                               "new", "fresh", "deadly", "similar", "many", "several"})
SPONSOR_SUFFIXES = ("backed", "led", "linked", "allied", "supported", "trained", "aligned",
                    "affiliated", "sponsored", "funded", "armed", "controlled", "held")
ORIGIN_PREPOSITIONS = frozenset({"from"})
LOCATIVE_PREPOSITIONS = frozenset({"in", "near", "at", "around", "outside", "inside", "across",
                                   "throughout", "on", "into", "of", "within", "along", "over",
                                   "north", "south", "east", "west", "between", "towards"})
# "the group", "the militants": a definite noun standing for an armed group named earlier.
GROUP_ANAPHORS = frozenset({"group", "militants", "militant", "jihadists", "extremists",
                            "insurgents", "terrorists", "organization", "organisation",
                            "jihadist", "fighters"})
# A definite noun standing for a place named earlier, and the ig: classes it may refer to.
PLACE_ANAPHORS: dict[str, tuple[str, ...]] = {
    "city": ("City",), "town": ("City", "Village"), "village": ("Village", "City"),
    "capital": ("City",), "province": ("Province",), "governorate": ("Province",),
    "district": ("District", "Region"),
    "area": ("City", "Village", "Region", "Province", "District"),
    "region": ("Region", "Province"), "country": ("Country",), "stronghold": ("City", "Village"),
    "bastion": ("City", "Village", "Region"), "outskirts": ("City", "Village"),
}
# "reports from Iraq indicate": the place a report comes from is where its events happened.
REPORT_NOUNS = frozenset({"report", "news", "account", "dispatch"})
# People a capture can take: a captured official is an arrest, not a change of control.
CAPTIVE_NOUNS = frozenset({"official", "leader", "commander", "member", "fighter", "militant",
                           "suspect", "emir", "operative", "jihadist", "terrorist", "financier",
                           "facilitator", "spokesman", "man", "men", "woman", "women", "person",
                           "people", "gunman", "gunmen", "bomber", "smuggler", "recruiter"})
# Objects of a capture that are an amount of land, located by "in X".
TERRITORY_NOUNS = frozenset({"territory", "ground", "land", "area", "mile", "kilometer",
                             "kilometre", "km", "acre", "hectare", "percent", "%", "village",
                             "town", "swath", "stretch", "pocket"})
# Nouns that refer back to operations or fighting already described ("these operations",
# "during the raids"): their sentence takes place where the previous one did.
EVENT_ANAPHORS = frozenset({"operation", "raid", "mission", "campaign", "offensive", "attack",
                            "strike", "fighting", "clash", "battle", "assault", "area"})
EVENT_NOUNS = frozenset({"raid", "operation", "strike", "airstrike", "attack", "assault",
                         "offensive", "ambush", "bombing", "clash", "battle", "mission", "sweep"})
NEIGHBOUR_MODIFIERS = frozenset({"neighboring", "neighbouring", "nearby", "adjacent", "bordering"})
# "announced the launch of an operation": the announcer launched it, on the day announced.
ANNOUNCING_VERBS = frozenset({"announce", "declare", "order", "mark", "begin", "start"})
# Nouns a launch verb must have as object: what can be launched as a military operation.
OPERATION_NOUNS = frozenset({"operation", "offensive", "campaign", "assault", "push", "drive",
                             "counteroffensive", "counter-offensive", "mission", "battle"})
# Words that, governing a device noun, make it an event (it exploded, hit, killed).
DETONATION_VERBS = frozenset({"explode", "detonate", "go", "hit", "strike", "kill", "wound",
                              "injure", "target", "rip", "tear", "blow", "destroy", "damage",
                              "claim", "leave", "set", "trigger"})
HARM_VERBS = frozenset({"kill", "wound", "injure", "die", "destroy", "damage", "hurt", "maim"})
# Light verbs whose subject performs the noun's attack: "ISIS carried out an attack".
SUPPORT_VERBS = frozenset({"carry", "launch", "stage", "conduct", "mount", "perpetrate",
                           "commit", "claim", "execute", "orchestrate", "undertake", "lead"})
OCCURRENCE_VERBS = frozenset({"take", "occur", "happen", "come", "follow", "hit", "strike",
                              "target", "kill", "wound", "injure", "leave", "rock", "shake"})
CONTROL_STATE_VERBS = frozenset({"hold", "control", "capture", "seize", "occupy", "take", "run",
                                 "overrun", "conquer", "declare"})
RELATIVE_DAYS = {
    "the day before": -1, "the previous day": -1, "a day earlier": -1, "the day earlier": -1,
    "a day before": -1, "the day after": 1, "the next day": 1, "the following day": 1,
    "a day later": 1, "the same day": 0,
}

ATTACK_KINDS = frozenset({"Attack", "Bombing", "SuicideAttack", "Ambush", "Assassination",
                          "Abduction"})
# How specific a kind is, for merging two reports of one event (higher wins).
SPECIFICITY = {"Killing": 1, "Attack": 2, "Clash": 2, "Bombing": 3, "Ambush": 3, "Assassination": 3,
               "Abduction": 3, "SuicideAttack": 4}

BASE_CONFIDENCE = 0.75


# ----------------------------------------------------------------------------- the lexicon


@dataclass(frozen=True)
class TriggerWord:
    """One label of the event-trigger lexicon: its concept, frame and evoked class."""

    concept: str  # slug in the event-trigger scheme, e.g. "retake"
    frame: str  # frame slug without the prefix, e.g. "conquering"
    kind: str  # ig: class local name, e.g. "ControlChange"
    words: tuple[str, ...]  # the label split into words, e.g. ("drive", "out")


@dataclass
class Lexicon:
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


_LEXICONS: dict[tuple[int, int], Lexicon] = {}


def lexicon_for(vocab: Vocab, ref: Reference) -> Lexicon:
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
    lexicon = Lexicon(words, by_lemma, by_form, headed)
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
        return self.head.pos_ in ("NOUN", "PROPN") or self.head.tag_ in ("NN", "NNS")


def _syntactic_head(tokens: list[Token]) -> Token:
    ids = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in ids or token.head == token:
            return token
    return tokens[-1]


def find_triggers(doc: Doc, lexicon: Lexicon) -> list[Trigger]:
    """Trigger occurrences in ``doc``, one per head token, longest label first; none inside a
    name the NLP stage linked ("Operation Inherent Resolve" is no launch)."""
    found: dict[int, Trigger] = {}

    def offer(word: TriggerWord, tokens: list[Token]) -> None:
        head = _syntactic_head(tokens)
        if _inside_linked_entity(head):
            return
        current = found.get(head.i)
        if current is None or len(word.words) > len(current.word.words):
            found[head.i] = Trigger(word, head, tuple(sorted(tokens, key=lambda t: t.i)))

    for matcher in (lexicon.by_lemma, lexicon.by_form):
        for match_id, start, end in matcher(doc):
            word = lexicon.words[int(doc.vocab.strings[match_id][1:])]
            offer(word, list(doc[start:end]))
    for token in tokens_of(doc):
        for anchor in {token.lemma_.lower(), token.lower_}:
            for index, others in lexicon.headed.get(anchor, ()):
                matched = [token]
                for other in others:
                    child = next((c for c in token.children if c.lower_ in (other, other + "s")
                                  and c not in matched), None)
                    if child is None:
                        break
                    matched.append(child)
                else:
                    offer(lexicon.words[index], matched)
    # A token that is part of a longer trigger is not a trigger of its own.
    covered = {t.i: trig for trig in found.values() for t in trig.tokens if t.i != trig.head.i}
    return sorted((t for i, t in found.items() if i not in covered
                   or len(covered[i].word.words) < len(t.word.words)), key=lambda t: t.head.i)


# ----------------------------------------------------------------------------- entities

ROLE_LABELS = frozenset({"ACTOR", "PLACE", "OPERATION"})


@dataclass
class _DocIndex:
    """What spaCy recomputes on every access (``doc.text``, ``doc.ents``, ``token.sent``),
    computed once per Doc: the rules ask for them thousands of times in a long article."""

    doc: Doc
    text: str
    sentences: list[Span]
    starts: list[int]
    ents: list[Span]
    linked: dict[int, Span]  # token index -> the linked ACTOR/PLACE/OPERATION entity on it
    # label -> the linked entities of that label in Doc order, with their token starts and
    # ends (entities do not overlap, so both are sorted): a window's entities by bisection
    by_label: dict[str, tuple[list[Span], list[int], list[int]]]

    def linked_within(self, label: str, start: int, end: int) -> list[Span]:
        """The linked entities of ``label`` lying wholly in tokens ``start`` to ``end``."""
        ents, starts, ends = self.by_label.get(label, ([], [], []))
        return ents[bisect_left(starts, start): bisect_right(ends, end)]


_INDEXES: dict[int, _DocIndex] = {}


def _index(doc: Doc) -> _DocIndex:
    cached = _INDEXES.get(id(doc))
    if cached is not None and cached.doc is doc:
        return cached
    sents = sentences(doc)
    ents = entities(doc)
    linked_ents = [ent for ent in ents if _linked(ent)]
    linked = {i: ent for ent in linked_ents for i in range(ent.start, ent.end)}
    by_label: dict[str, tuple[list[Span], list[int], list[int]]] = {}
    for ent in linked_ents:
        same, starts, ends = by_label.setdefault(ent.label_, ([], [], []))
        same.append(ent)
        starts.append(ent.start)
        ends.append(ent.end)
    index = _DocIndex(doc, text_of(doc), sents, [s.start for s in sents], ents, linked, by_label)
    if len(_INDEXES) > 4:
        _INDEXES.clear()
    _INDEXES[id(doc)] = index
    return index


def _linked(ent: Span) -> bool:
    return ent.label_ in ROLE_LABELS and bool(ent.ent_id_)


def _inside_linked_entity(token: Token) -> bool:
    return token.ent_type_ in ROLE_LABELS


def _entity_at(token: Token) -> Span | None:
    if token.ent_type_ not in ROLE_LABELS or not token.ent_id_:
        return None
    return _index(token.doc).linked.get(token.i)


def _is_sponsor_modifier(ent: Span) -> bool:
    """ "US" in "US-backed forces", "Iran" in "Iran-linked militias": a modifier, not a party."""
    doc = ent.doc
    after = doc[ent.end: ent.end + 2]
    text = "".join(t.text_with_ws for t in after).lower()
    if text.startswith("-") and any(text[1:].startswith(s) for s in SPONSOR_SUFFIXES):
        return True
    if ent.end < len(doc) and doc[ent.end].lower_ in SPONSOR_SUFFIXES:  # "US Backed Forces"
        return True
    last = doc[ent.end - 1]
    return any(last.lower_.endswith("-" + s) for s in SPONSOR_SUFFIXES)


# ----------------------------------------------------------------------------- phrases


# ----------------------------------------------------------------------------- the article context


@dataclass
class _Context:
    """What the rules need about one article: the Doc, reference lookups, dates per sentence."""

    doc: Doc
    article: Article
    ref: Reference
    _dates: dict[int, list[When]] = field(default_factory=dict)
    # perpetrators named for "the attack" already reported: (the anaphor, actor IRIs)
    credits: list[tuple[Token, list[str]]] = field(default_factory=list)

    @property
    def published(self) -> dt.date | None:
        return self.article.published

    def dates_in(self, sent: Span) -> list[When]:
        """The date expressions of a sentence, offsets in the article's text, found once per
        sentence. (``find_dates`` reads a span's DATE entities from its tokens, so searching
        the sentence in place costs no walk of the whole Doc.)"""
        if sent.start not in self._dates:
            self._dates[sent.start] = find_dates(sent, self.published)
        return self._dates[sent.start]

    def same_line(self, tokens: Iterable[Token], anchor: Token) -> list[Token]:
        """The tokens on the anchor's line: roles and dates never cross a line break."""
        return on_line_of(list(tokens), anchor)

    def in_headline(self, token: Token) -> bool:
        return in_headline(token)

    # -- actors and places ------------------------------------------------------------

    def linked_in(self, tokens: Iterable[Token], label: str) -> list[tuple[str, Span]]:
        """Linked entities of ``label`` among ``tokens``, in text order, each IRI once."""
        out: list[tuple[str, Span]] = []
        seen: set[str] = set()
        linked = _index(self.doc).linked
        ents = sorted({id(e): e for t in tokens if (e := linked.get(t.i)) is not None}.values(),
                      key=lambda e: e.start)
        for ent in ents:
            if ent.label_ != label:
                continue
            if label == "ACTOR" and _is_sponsor_modifier(ent):
                continue
            if label == "PLACE" and (_is_origin(ent) or in_dateline(ent)):
                continue
            if ent.ent_id_ not in seen:
                seen.add(ent.ent_id_)
                out.append((ent.ent_id_, ent))
        return out

    def actors(self, heads: Iterable[Token]) -> tuple[list[str], list[Token], bool]:
        """Actors named in the phrases of ``heads``: (IRIs, evidence tokens, via anaphora)."""
        iris: list[str] = []
        tokens: list[Token] = []
        anaphoric = False
        for head in heads:
            phrase = phrase_tokens(head)
            found = self.linked_in(phrase, "ACTOR")
            if not found:
                resolved = self.resolve_actor_anaphor(phrase)
                if resolved:
                    found, anaphoric = resolved, True
            for iri, ent in found:
                if iri not in iris:
                    iris.append(iri)
                    tokens.extend(ent)
        return iris, tokens, anaphoric

    def places(self, heads: Iterable[Token]) -> tuple[list[str], list[Token], bool]:
        """Places named in the phrases of ``heads`` (or meant by "the city", "the area")."""
        iris: list[str] = []
        tokens: list[Token] = []
        anaphoric = False
        for head in heads:
            phrase = phrase_tokens(head)
            found = self.linked_in(phrase, "PLACE")
            if not found or self._container_only(head, found):
                resolved = self.resolve_place_anaphor(head, phrase, found)
                if resolved:
                    found, anaphoric = resolved, True
            if not found:
                found = self.places_described(head)
            for iri, ent in found:
                if iri not in iris:
                    iris.append(iri)
                    tokens.extend(ent)
        return iris, tokens, anaphoric

    def _container_only(self, head: Token, found: list[tuple[str, Span]]) -> bool:
        """ "its former capital in Syria": the places found only locate an anaphoric noun."""
        if head.lemma_.lower() not in PLACE_ANAPHORS or _entity_at(head) is not None:
            return False
        return all(ent.root.head.dep_ == "prep" and ent.root.head.lower_ == "in"
                   and ent.root.head.head == head for _, ent in found)

    def places_described(self, head: Token) -> list[tuple[str, Span]]:
        """ "Hawija, Mosul and Jalula, which are areas that ... have taken": a common noun
        predicated of places in a copular relative clause stands for those places."""
        if head.dep_ == "attr" and head.head.lemma_ == "be":
            subjects = children(head.head, "nsubj")
            if subjects:
                subject = resolve_relative(subjects[0])
                if subject != subjects[0] or subject.pos_ == "PROPN":
                    phrase = [t for c in conjuncts(subject) for t in phrase_tokens(c)]
                    return self.linked_in(phrase, "PLACE")
        return []

    def resolve_actor_anaphor(self, phrase: list[Token]) -> list[tuple[str, Span]]:
        """ "the group", "the militants", "it": the nearest earlier actor that fits."""
        for token in phrase:
            lemma = token.lower_
            if lemma in GROUP_ANAPHORS and any(
                c.lower_ in ("the", "this") or c.dep_ == "poss" for c in token.children
            ):
                return self._nearest_actor(token, armed_group=True)
            if token == phrase[0] and token.lower_ in ACTOR_PRONOUNS and len(phrase) == 1:
                return self._nearest_subject_actor(token)
        return []

    def _nearest_subject_actor(self, pronoun: Token) -> list[tuple[str, Span]]:
        """ "The army said it killed 50", "They retook eastern Mosul": a pronoun stands for the
        nearest earlier subject; if that subject names no actor we know, nothing is guessed."""
        start = self.sentence_start_before(sentence_of(pronoun), 1)
        for i in range(pronoun.i - 1, start - 1, -1):
            token = self.doc[i]
            if token.dep_ not in ("nsubj", "nsubjpass") or token.lower_ in ACTOR_PRONOUNS \
                    or token.lower_ in RELATIVE_PRONOUNS:
                continue
            phrase = phrase_tokens(token)
            found = self.linked_in(phrase, "ACTOR")
            if not found:
                found = self.resolve_actor_anaphor([t for t in phrase if t.lower_ not in ACTOR_PRONOUNS])
            return found
        return []

    def _nearest_actor(self, token: Token, armed_group: bool) -> list[tuple[str, Span]]:
        sent = sentence_of(token)
        window_start = max(0, self.sentence_start_before(sent, 2))
        for ent in reversed(_index(self.doc).linked_within("ACTOR", window_start, token.i)):
            if _is_sponsor_modifier(ent):
                continue
            if armed_group and not self.ref.is_a(ent.ent_id_, "ArmedGroup"):
                continue
            return [(ent.ent_id_, ent)]
        return []

    def sentence_start_before(self, sent: Span, count: int) -> int:
        start = sent.start
        for _ in range(count):
            if start == 0:
                break
            start = sentence_of(self.doc[start - 1]).start
        return start

    def resolve_place_anaphor(self, head: Token, phrase: list[Token],
                              containers: list[tuple[str, Span]]) -> list[tuple[str, Span]]:
        """ "the city", "the town's outskirts", "its former capital in Syria": the nearest
        earlier place of a fitting type (inside the named container, if any), skipping
        places introduced as neighbours."""
        anaphor = None
        for token in phrase:
            if token.lemma_.lower() in PLACE_ANAPHORS and (
                any(c.dep_ in ("det", "poss") for c in token.children)
            ) and _entity_at(token) is None:
                anaphor = token
                break
        if anaphor is None:
            return []
        classes = PLACE_ANAPHORS[anaphor.lemma_.lower()]
        if anaphor.lemma_.lower() == "outskirts":
            owner = [c for c in anaphor.children if c.dep_ == "poss"]
            if owner and owner[0].lemma_.lower() in PLACE_ANAPHORS:
                classes = PLACE_ANAPHORS[owner[0].lemma_.lower()]
        window_start = self.sentence_start_before(sentence_of(anaphor), 3)
        container_iris = [iri for iri, _ in containers]
        for ent in reversed(_index(self.doc).linked_within("PLACE", window_start, anaphor.i)):
            if any(t.lower_ in NEIGHBOUR_MODIFIERS for t in ent.root.children) or (
                ent.start > 0 and self.doc[ent.start - 1].lower_ in NEIGHBOUR_MODIFIERS
            ):
                continue
            iri = ent.ent_id_
            known = iri in self.ref.types
            if known and not any(self.ref.is_a(iri, cls) for cls in classes):
                continue
            if container_iris and not any(self.ref.within(iri, c) for c in container_iris):
                continue
            return [(iri, ent)]
        return []

    def operations(self, tokens: Iterable[Token]) -> list[tuple[str, Span]]:
        return self.linked_in(tokens, "OPERATION")


def _is_origin(ent: Span) -> bool:
    """ "fighters from Lebanon": a place of origin inside a noun phrase, not where it happened."""
    prep = ent.root.head
    if prep.head.lemma_ in REPORT_NOUNS:
        return False
    return (ent.root.dep_ == "pobj" and prep.lower_ in ORIGIN_PREPOSITIONS
            and prep.head.pos_ in ("NOUN", "PROPN") and prep.head.lemma_ not in PLACE_ANAPHORS
            and _entity_at(prep.head) is None
            and prep.head.lemma_ not in ("area", "areas", "part", "parts"))


# ----------------------------------------------------------------------------- factuality


def generic_noun(trigger: Trigger, ctx: _Context, has_date: bool) -> str | None:
    """Why a noun trigger is not one event: generic, habitual, or prevented; else None."""
    noun = trigger.head
    determiners = [c for c in noun.children if c.dep_ in ("det", "predet")]
    if any(d.lower_ in GENERIC_DETERMINERS for d in determiners):
        return "generic determiner"
    if any(c.dep_ == "amod" and c.lower_ in GENERIC_MODIFIERS for c in noun.children):
        if noun.tag_ == "NNS" or not has_date:
            return "generic modifier"
    governor = governing_verb(noun)
    if governor is not None and governor.lemma_ in GENERIC_GOVERNORS:
        return "generic governor"
    plural = noun.tag_ in ("NNS", "NNPS")
    counted = any(c.dep_ == "nummod" for c in noun.children)
    if plural and not counted and trigger.word.frame == "attack" and not (
        noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_ in HARM_VERBS | OCCURRENCE_VERBS
    ):
        # "dozens of bombings this year", "a spate of attacks", "recent attacks": a tally or
        # a trend, not one event
        return "plural attacks"
    if plural and not counted and not has_date and trigger.word.frame != "hostile-encounter":
        return "bare plural"
    return None


# ----------------------------------------------------------------------------- candidates


@dataclass
class _Candidate:
    """An event under construction, with what the merge and confidence steps need."""

    trigger: Trigger
    kind: str
    frame: str
    perpetrators: list[str] = field(default_factory=list)
    target_actors: list[str] = field(default_factory=list)
    gained: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    location_tokens: dict[str, list[Token]] = field(default_factory=dict)
    operation: str | None = None
    when: When | None = None
    killed: CountMatch | None = None
    wounded: CountMatch | None = None
    arrested: CountMatch | None = None
    surrendered: CountMatch | None = None
    zero_killed: bool = False
    zero_wounded: bool = False
    evidence: set[int] = field(default_factory=set)
    anaphoric: bool = False
    named_actor: bool = False
    fact: Factuality = field(default_factory=Factuality)
    subordinate: bool = False
    merged: bool = False
    places_inherited: bool = False  # from the sentences before ("the fighting", "these raids")
    weak_trigger: bool = False
    dropped: bool = False

    @property
    def sent(self) -> Span:
        return sentence_of(self.trigger.head)

    def add(self, role: list[str], iris: Iterable[str]) -> None:
        for iri in iris:
            if iri not in role:
                role.append(iri)

    def add_places(self, iris: list[str], tokens: list[Token]) -> None:
        for iri in iris:
            if iri not in self.locations:
                self.locations.append(iri)
        for token in tokens:
            ent = _entity_at(token)
            if ent is not None:
                self.location_tokens.setdefault(ent.ent_id_, []).append(token)
        self.evidence.update(t.i for t in tokens)

    def actors_filled(self) -> bool:
        return bool(self.perpetrators or self.target_actors or self.gained or self.lost)


def _fill(cand: _Candidate, role: list[str], found: tuple[list[str], list[Token], bool]) -> None:
    iris, tokens, anaphoric = found
    cand.add(role, iris)
    cand.evidence.update(t.i for t in tokens)
    if iris:
        if anaphoric:
            cand.anaphoric = True
        else:
            cand.named_actor = True


def _fill_places(cand: _Candidate, found: tuple[list[str], list[Token], bool]) -> None:
    iris, tokens, anaphoric = found
    cand.add_places(iris, tokens)
    if iris and anaphoric:
        cand.anaphoric = True


def _new(trigger: Trigger) -> _Candidate:
    cand = _Candidate(trigger=trigger, kind=trigger.word.kind, frame=trigger.word.frame)
    cand.evidence.update(t.i for t in trigger.tokens)
    return cand


def _arguments_of_noun(noun: Token) -> dict[str, list[Token]]:
    """A noun trigger's participants: possessor, actor compounds and prepositional objects."""
    args = prep_objects(noun)
    poss = children(noun, "poss")
    if poss:
        args.setdefault("poss", []).extend(poss)
    compounds = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")
                 and _entity_at(c) is not None]
    if compounds:
        args.setdefault("compound", []).extend(compounds)
    return args


def _trigger_preps(trigger: Trigger) -> dict[str, list[Token]]:
    """Prepositional objects of the trigger's head and of its other words ("control of X")."""
    found: dict[str, list[Token]] = {}
    for token in trigger.tokens:
        for name, objects in prep_objects(token).items():
            found.setdefault(name, []).extend(o for o in objects if o not in found.get(name, []))
    for obj in children(trigger.head, "dobj"):
        if obj in trigger.tokens:
            continue
        for name, objects in prep_objects(obj, ("from", "of")).items():
            found.setdefault(name, []).extend(objects)
    return found


# -- control changes


def read_conquering(trigger: Trigger, ctx: _Context) -> _Candidate | None:
    """Frame ``conquering``: the subject gained; a place among the rest was taken, an actor
    among them lost it ("liberated Abu Kamal from ISIS", "drove ISIS out of Sinjar")."""
    cand = _new(trigger)
    head = trigger.head
    others: list[Token] = []
    if trigger.is_noun:
        args = _arguments_of_noun(head)
        _fill(cand, cand.gained, ctx.actors(args.get("by", [])))
        for owner in args.get("poss", []) + args.get("compound", []):
            if _entity_at(owner) is not None and _entity_at(owner).label_ == "PLACE":
                others.append(owner)
            else:
                _fill(cand, cand.gained, ctx.actors([owner]))
        others += args.get("of", []) + args.get("from", [])
    else:
        preps = _trigger_preps(trigger)
        if is_passive(head):
            _fill(cand, cand.gained, ctx.actors(agents(head)))
        else:
            _fill(cand, cand.gained, ctx.actors(doers(head)))
        undergoers = patients(head)
        others += undergoers + preps.get("from", []) + preps.get("of", [])
        if any(p.lemma_.lower() in TERRITORY_NOUNS for p in undergoers) and not any(
            ctx.places([p])[0] for p in undergoers
        ):
            # "occupied more territory in the area", "regained 20 square miles in Deir Ezzour",
            # "freed 30 villages south of Mosul"
            others += _locative_objects(head)
    for other in others:
        places = ctx.places([other])
        if places[0]:
            _fill_places(cand, places)
            _fill(cand, cand.lost, _holders_of_place(other, ctx))
        actors = ctx.actors([other])
        if actors[0] and not places[0]:
            _fill(cand, cand.lost, actors)
        elif actors[0] and places[0]:
            # "the ISIS capital city of Raqqa": an actor inside a place phrase held it.
            lost = [a for a in actors[0] if a not in cand.gained]
            _fill(cand, cand.lost, (lost, actors[1], actors[2]))
    cand.lost = [a for a in cand.lost if a not in cand.gained]
    if not cand.locations and trigger.word.concept == "capture" and not trigger.is_noun:
        return _capture_of_people(trigger, ctx)
    return cand if cand.locations else None


def _capture_of_people(trigger: Trigger, ctx: _Context) -> _Candidate | None:
    """ "a raid ..., capturing an ISIS official": a capture of people is an arrest."""
    captives = patients(trigger.head)
    if not captives or not all(
        p.lemma_.lower() in CAPTIVE_NOUNS or any(
            ctx.ref.is_a(iri, "Person") for iri, _ in ctx.linked_in(phrase_tokens(p), "ACTOR"))
        for p in captives
    ):
        return None
    cand = read_arrest(trigger, ctx)
    if cand is not None:
        cand.kind, cand.frame = "Arrest", "arrest"
    return cand


def _locative_objects(verb: Token) -> list[Token]:
    """Where a verb happened: "in the area", "near Mosul", "south of Kirkuk"."""
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "near", "around", "outside", "inside",
                                                     "across", "along", "throughout", "at"):
            out.extend(o for g in child.children if g.dep_ == "pobj" for o in conjuncts(g))
        elif child.dep_ == "advmod" and child.lower_ in COMPASS_WORDS:
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    out.extend(o for g in prep.children if g.dep_ == "pobj" for o in conjuncts(g))
    return out


COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northeast", "northwest",
                           "southeast", "southwest", "northeastern", "northwestern"})


def _holders_of_place(place_head: Token, ctx: _Context) -> tuple[list[str], list[Token], bool]:
    """ "parts of northern Syria that had been captured by the YPG", "towns held by ISIS": who
    held the place before, from a relative or participle clause on it."""
    iris: list[str] = []
    tokens: list[Token] = []
    anaphoric = False
    for token in phrase_tokens(place_head) + [place_head]:
        for clause in token.children:
            if clause.dep_ not in ("relcl", "acl") or clause.lemma_ not in CONTROL_STATE_VERBS:
                continue
            holders = agents(clause) if is_passive(clause) else doers(clause)
            found = ctx.actors(holders)
            for iri in found[0]:
                if iri not in iris:
                    iris.append(iri)
            tokens.extend(found[1])
            anaphoric = anaphoric or found[2]
    return iris, tokens, anaphoric


def read_losing_control(trigger: Trigger, ctx: _Context) -> _Candidate | None:
    """Frame ``losing-control``: the subject lost the place it names ("lost control of
    Mosul"); "to X" gained it."""
    cand = _new(trigger)
    head = trigger.head
    preps = _trigger_preps(trigger)
    if trigger.is_noun:
        args = _arguments_of_noun(head)
        for owner in args.get("poss", []):
            _fill(cand, cand.lost, ctx.actors([owner]))
        places_from = args.get("of", [])
        gained_from = args.get("to", [])
    else:
        if is_passive(head):
            _fill(cand, cand.lost, ctx.actors(agents(head)))
        else:
            _fill(cand, cand.lost, ctx.actors(doers(head)))
        places_from = [p for p in patients(head) if p not in trigger.tokens] + [
            p for p in preps.get("of", []) if p.ent_type_ != "DATE"]
        if any(p.lemma_.lower() in TERRITORY_NOUNS for p in places_from) and not any(
            ctx.places([p])[0] for p in places_from
        ):
            places_from += _locative_objects(head)
        if head.dep_ == "relcl" and not [p for p in places_from if p.ent_type_ == "PLACE"]:
            places_from.append(head.head)
        gained_from = preps.get("to", [])
    for other in places_from:
        _fill_places(cand, ctx.places([other]))
    _fill(cand, cand.gained, ctx.actors(gained_from))
    return cand if cand.locations else None


def read_falling(trigger: Trigger, ctx: _Context) -> _Candidate | None:
    """Frame ``falling``: "Mosul fell to Islamic State", "the fall of Raqqa"."""
    cand = _new(trigger)
    head = trigger.head
    if trigger.is_noun:
        args = _arguments_of_noun(head)
        places_from = args.get("of", []) + [p for p in args.get("poss", [])]
        gained_from = args.get("to", [])
    else:
        places_from = doers(head)
        gained_from = prep_objects(head, ("to", "into")).get("to", [])
    for other in places_from:
        _fill_places(cand, ctx.places([other]))
        _fill(cand, cand.lost, _holders_of_place(other, ctx))
    _fill(cand, cand.gained, ctx.actors(gained_from))
    if not trigger.is_noun and not cand.gained and not any(
        t.ent_type_ == "DATE" for t in clause_tokens(head)
    ):
        return None
    return cand if cand.locations else None


# -- attacks


def read_attack(trigger: Trigger, ctx: _Context) -> _Candidate | None:
    """Frame ``attack``: who attacked whom, from the verb's subject and object or the noun's
    possessor, "by", "on", "against", and what the attack did ("took place on", "hit")."""
    cand = _new(trigger)
    head = trigger.head
    if trigger.is_noun:
        args = _arguments_of_noun(head)
        _fill(cand, cand.perpetrators, ctx.actors(args.get("by", []) + args.get("poss", [])
                                                  + args.get("compound", [])))
        _fill(cand, cand.target_actors, ctx.actors(args.get("on", []) + args.get("against", [])
                                                   + args.get("of", [])))
        governor = governing_verb(head)
        if not cand.perpetrators and governor is not None and (
            (governor.lemma_ in SUPPORT_VERBS and head.dep_ == "dobj")
            or _is_participation(governor, head)
        ):
            _fill(cand, cand.perpetrators, ctx.actors(doers(governor)))
        for verb in _occurrence_clauses(head):
            preps = prep_objects(verb)
            objects = [o for o in children(verb, "dobj") if o.lemma_ != "place"]
            _fill(cand, cand.target_actors, ctx.actors(objects + preps.get("on", [])
                                                       + preps.get("against", [])))
    else:
        if is_passive(head):
            _fill(cand, cand.perpetrators, ctx.actors(agents(head)))
        else:
            _fill(cand, cand.perpetrators, ctx.actors(doers(head)))
        preps = prep_objects(head)
        _fill(cand, cand.target_actors, ctx.actors(patients(head) + preps.get("on", [])
                                                   + preps.get("against", [])))
    cand.target_actors = [a for a in cand.target_actors if a not in cand.perpetrators]
    return cand


def _occurrence_clauses(noun: Token) -> list[Token]:
    """Verbs that say what happened in an attack named by ``noun``: "a bombing hit a convoy",
    "an attack it said took place the day before on Kurdish forces"."""
    out: list[Token] = []
    governor = noun.head
    if noun.dep_ == "nsubj" and governor.lemma_ in OCCURRENCE_VERBS:
        out.append(governor)
    for clause in noun.children:
        if clause.dep_ != "relcl":
            continue
        stack = [clause]
        while stack:
            verb = stack.pop()
            if verb.lemma_ in OCCURRENCE_VERBS:
                out.append(verb)
            stack.extend(c for c in verb.children if c.dep_ == "ccomp")
    return out


def _is_participation(verb: Token, noun: Token) -> bool:
    """ "took part in an attack", "participated in the assault"."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return False
    return verb.lemma_ == "participate" or (
        verb.lemma_ == "take"
        and any(c.dep_ == "dobj" and c.lemma_ == "part" for c in verb.children))


def read_explosive_device(trigger: Trigger, ctx: _Context) -> _Candidate | None:
    """A device is an attack when something happens with it; who is hit and who set it."""
    device = trigger.head
    cand = _new(trigger)
    cand.weak_trigger = True
    head = device.head
    if device.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in DETONATION_VERBS | {"blow", "go"}:
        if head.lemma_ == "go" and not any(c.lower_ == "off" for c in head.children):
            return None
        if device.dep_ == "nsubj":
            _fill(cand, cand.target_actors, ctx.actors(children(head, "dobj")))
        else:
            _fill(cand, cand.perpetrators, ctx.actors(agents(head)))
    elif device.dep_ == "dobj" and head.lemma_ in ("hit", "strike", "trigger", "detonate", "set",
                                                   "plant"):
        if head.lemma_ == "plant":
            return None
        subjects = doers(head)
        hit = head.lemma_ in ("hit", "strike", "trigger")  # the subject is the one hit
        role = cand.target_actors if hit else cand.perpetrators
        _fill(cand, role, ctx.actors(subjects))
    elif device.dep_ == "pobj" and device.head.lower_ in ("by", "in", "with") and (
        device.head.head.lemma_ in HARM_VERBS | {"attack", "target", "hit"}
    ):
        pass
    else:
        return None
    return cand


def read_killing(trigger: Trigger, ctx: _Context) -> _Candidate | None:
    """Frame ``killing``: the killer, the victims and their number."""
    cand = _new(trigger)
    head = trigger.head
    victims: list[Token]
    if trigger.is_noun:
        args = _arguments_of_noun(head)
        victims = args.get("of", [])
        _fill(cand, cand.perpetrators, ctx.actors(args.get("by", []) + args.get("poss", [])))
    elif is_passive(head):
        victims = patients(head)
        _fill(cand, cand.perpetrators, ctx.actors(agents(head)))
    else:
        victims = patients(head)
        # "An ISIS attack on an army post killed four": the attack names its own sides and
        # the two reports are merged; "a car bomb killed five" likewise.
        killers = [s for s in doers(head) if s.lemma_.lower() not in _ATTACK_NOUN_LEMMAS
                  and s.lemma_.lower() not in DEVICE_HEADS]
        _fill(cand, cand.perpetrators, ctx.actors(_through_means(killers, ctx)))
    _fill(cand, cand.target_actors, ctx.actors(victims))
    cand.target_actors = [a for a in cand.target_actors if a not in cand.perpetrators]
    cand.killed = count_in_phrase(victims, single=True)
    if cand.killed is None and not cand.actors_filled():
        return None
    return cand


def _through_means(subjects: list[Token], ctx: _Context) -> list[Token]:
    """ "with an air strike killing five": the actor behind a strike or attack that kills is
    the one named on it, else — when the killing is a participle inside another clause — the
    subject of that clause. A finite "a drone strike killed two" with no actor named on the
    strike has no perpetrator (the speaker who reports it is not one)."""
    out: list[Token] = []
    for subject in subjects:
        phrase = phrase_tokens(subject)
        if ctx.linked_in(phrase, "ACTOR") or subject.lemma_ not in _MEANS_NOUNS:
            out.append(subject)
            continue
        if subject.dep_ == "dobj" and subject.head.lemma_ in SUPPORT_VERBS:
            # "Coalition forces conducted a strike in Syria that killed ...": the relative
            # pronoun stands for the strike, carried out by the subject of "conducted"
            out.extend(doers(subject.head))
            continue
        verb = subject.head
        if verb.dep_ not in ("pcomp", "advcl", "acl", "xcomp"):
            continue
        climb = verb.head
        for _ in range(3):
            if climb.pos_ in ("VERB", "AUX"):
                out.extend(doers(climb))
                break
            if climb.head == climb:
                break
            climb = climb.head
    return out


_MEANS_NOUNS = frozenset({"strike", "airstrike", "raid", "attack", "bombardment", "sortie",
                          "operation", "bomb", "shelling", "drone"})


def read_arrest(trigger: Trigger, ctx: _Context) -> _Candidate | None:
    """Frame ``arrest``: who arrested whom, and how many."""
    cand = _new(trigger)
    head = trigger.head
    if trigger.is_noun:
        args = _arguments_of_noun(head)
        detainees = args.get("of", [])
        _fill(cand, cand.perpetrators, ctx.actors(args.get("by", []) + args.get("poss", [])))
    elif is_passive(head):
        detainees = patients(head)
        _fill(cand, cand.perpetrators, ctx.actors(agents(head)))
    else:
        detainees = patients(head)
        _fill(cand, cand.perpetrators, ctx.actors(doers(head)))
    _fill(cand, cand.target_actors, ctx.actors(detainees))
    cand.target_actors = [a for a in cand.target_actors if a not in cand.perpetrators]
    cand.arrested = count_in_phrase(detainees, single=True)
    if cand.arrested is None and not cand.actors_filled():
        return None
    return cand


def read_surrendering(trigger: Trigger, ctx: _Context) -> _Candidate | None:
    """Frame ``surrendering``: who surrendered (target, counted) and to whom (perpetrator)."""
    cand = _new(trigger)
    head = trigger.head
    if trigger.is_noun:
        args = _arguments_of_noun(head)
        surrendering = args.get("of", []) + args.get("poss", [])
        receivers = args.get("to", [])
    else:
        surrendering = doers(head)
        receivers = prep_objects(head, ("to",)).get("to", [])
    _fill(cand, cand.target_actors, ctx.actors(surrendering))
    _fill(cand, cand.perpetrators, ctx.actors(receivers))
    cand.surrendered = count_in_phrase(surrendering)
    if cand.surrendered is None and not cand.actors_filled():
        return None
    return cand


def read_hostile_encounter(trigger: Trigger, ctx: _Context) -> _Candidate | None:
    """Frame ``hostile-encounter``: every side of a clash is a perpetrator."""
    cand = _new(trigger)
    head = trigger.head
    if trigger.is_noun:
        args = _arguments_of_noun(head)
        sides = args.get("between", []) + args.get("with", []) + args.get("poss", [])
        governor = governing_verb(head)
        if governor is not None and head.dep_ == "dobj":
            sides += doers(governor)
        if governor is not None and head.dep_ in ("nsubj", "nsubjpass"):
            # "Clashes erupted between the Peshmerga and the PMF"
            for name, objects in prep_objects(governor, ("between", "with")).items():
                sides += objects
    else:
        preps = prep_objects(head, ("with", "between", "against"))
        sides = doers(head) + [o for objects in preps.values() for o in objects]
    _fill(cand, cand.perpetrators, ctx.actors(sides))
    return cand if cand.perpetrators else None


def read_launch(trigger: Trigger, ctx: _Context) -> _Candidate | None:
    """Frame ``launch``: an operation noun or a named operation launched, begun or started."""
    cand = _new(trigger)
    head = trigger.head
    if trigger.is_noun:
        args = _arguments_of_noun(head)
        launched = args.get("of", [])
        _fill(cand, cand.perpetrators, ctx.actors(args.get("poss", []) + args.get("by", [])))
        governor = governing_verb(head)
        if not cand.perpetrators and governor is not None and governor.lemma_ in ANNOUNCING_VERBS:
            _fill(cand, cand.perpetrators, ctx.actors(doers(governor)))
    else:
        launched = patients(head)
        subjects = children(head, "nsubj")
        if is_passive(head):
            _fill(cand, cand.perpetrators, ctx.actors(agents(head)))
        elif not launched and head.lemma_ in ("begin", "start", "kick") and subjects and (
            subjects[0].lemma_.lower() in OPERATION_NOUNS
            or ctx.operations(phrase_tokens(subjects[0]))
        ):
            launched = subjects  # "The offensive began on Monday": the operation is the subject
        else:
            _fill(cand, cand.perpetrators, ctx.actors(doers(head)))
    scope = [t for obj in launched for t in phrase_tokens(obj)]
    if not trigger.is_noun:
        # "launching what it calls Operation Roundup": the name may sit in a naming clause.
        scope += [t for obj in children(head, "dobj") for t in obj.subtree]
        scope += [t for c in head.children if c.dep_ == "ccomp" and c.lemma_ in GRAMMAR.naming_verbs
                  for t in c.subtree]
    operations = ctx.operations(scope)
    if operations:
        cand.operation = operations[0][0]
        cand.evidence.update(t.i for t in operations[0][1])
        return cand
    # "launched the final phase of the operation": an operation noun in the object's phrase
    nouns = [t for t in scope if t.lemma_.lower() in OPERATION_NOUNS and t.pos_ == "NOUN"]
    if not nouns or all(t.tag_ == "NNS" for t in nouns):
        return None  # "launched rockets"; "launched operations" is a trend, not a launch
    return cand


def read_responsibility(trigger: Trigger, ctx: _Context) -> _Candidate | None:
    """Not an event of its own: handled after the attacks are read (see ``_credit_claims``)."""
    return None


def read_strike(trigger: Trigger, ctx: _Context) -> _Candidate | None:
    """Strikes are strike reports (another extractor); here they are only means of killings."""
    return None


READERS = {
    "conquering": read_conquering,
    "losing-control": read_losing_control,
    "falling": read_falling,
    "attack": read_attack,
    "explosive-device": read_explosive_device,
    "killing": read_killing,
    "arrest": read_arrest,
    "surrendering": read_surrendering,
    "hostile-encounter": read_hostile_encounter,
    "launch": read_launch,
    "responsibility": read_responsibility,
    "strike": read_strike,
}


# ----------------------------------------------------------------------------- places, dates


def _own_tokens(trigger: Trigger) -> list[Token]:
    head = trigger.head
    if trigger.is_noun:
        # "the bombing, which killed 15 people in Baghdad on Monday": a relative clause on an
        # event noun describes the event.
        return sorted(phrase_tokens(head) + [t for c in head.children if c.dep_ == "relcl"
                                             for t in c.subtree], key=lambda t: t.i)
    tokens = clause_tokens(head)
    if trigger.word.frame == "launch":
        # "launching what it calls Operation Roundup in May": the name and its date.
        tokens += [t for c in head.children if c.dep_ == "ccomp" and c.lemma_ in GRAMMAR.naming_verbs
                   for t in c.subtree]
    return tokens


def _inheritance_chain(trigger: Trigger, for_dates: bool) -> Iterator[list[Token]]:
    """Token sets to look in, nearest first: the trigger's own phrase or clause, the clauses
    coordinated with it, then the clauses it belongs to (see the module docstring)."""
    head = trigger.head
    yield _own_tokens(trigger)
    if not trigger.is_noun:
        for sibling in children(head, "conj"):
            if sibling.pos_ in ("VERB", "AUX"):
                yield clause_tokens(sibling)
    current = head
    for _ in range(6):
        parent = current.head
        if parent == current:
            return
        dep = current.dep_
        if dep == "relcl" or (dep == "acl" and current.pos_ in ("VERB",) and current.tag_ != "VBN"):
            # "a raid on Sept. 12 that resulted in the detention of one": a clause on an
            # event noun happened when that event did; other relative clauses have their own
            # time ("Hawija, which was liberated in September").
            if for_dates and parent.lemma_.lower() not in EVENT_NOUNS:
                return
        if parent.lemma_ in NON_EVENT_GOVERNORS and parent.pos_ in ("VERB",) and not (
            trigger.word.frame == "launch" and parent.lemma_ in ANNOUNCING_VERBS
        ):
            if for_dates:
                return
        if dep in ("ccomp", "parataxis") and for_dates:
            return
        if dep == "advcl" and for_dates and any(
            c.dep_ == "mark" and c.lower_ in ("after", "before", "because", "since", "although",
                                              "though", "until", "once")
            for c in current.children
        ):
            return
        if parent.pos_ in ("VERB", "AUX"):
            yield clause_tokens(parent)
            if parent.dep_ == "conj" and parent.head.pos_ in ("VERB", "AUX") and not for_dates:
                yield clause_tokens(parent.head)
        current = parent


def assign_places(cand: _Candidate, ctx: _Context) -> None:
    """Where it happened: places in the clause when the frame did not name one."""
    if cand.locations or cand.kind == "ControlChange":
        return
    for tokens in _inheritance_chain(cand.trigger, for_dates=False):
        tokens = ctx.same_line(tokens, cand.trigger.head)
        found = ctx.linked_in(tokens, "PLACE")
        found = [(iri, ent) for iri, ent in found
                 if not _is_sponsor_modifier(ent)]
        if not found:
            anaphors = [t for t in tokens if t.lemma_.lower() in PLACE_ANAPHORS
                        and any(c.dep_ in ("det", "poss") for c in t.children)]
            for anaphor in anaphors:
                resolved = ctx.resolve_place_anaphor(anaphor, [anaphor], [])
                if resolved:
                    found = resolved
                    cand.anaphoric = True
                    break
        if found:
            cand.add_places([iri for iri, _ in found], [t for _, ent in found for t in ent])
            return
    if not cand.trigger.is_noun:
        # "attacked a checkpoint manned by tribal fighters near Haditha"
        whole = [t for t in ctx.same_line(cand.trigger.head.subtree, cand.trigger.head)
                 if not any(a.dep_ in ("ccomp", "parataxis") and a in cand.trigger.head.subtree
                            and a != cand.trigger.head for a in t.ancestors)]
        found = [(iri, ent) for iri, ent in ctx.linked_in(whole, "PLACE")
                 if not _is_sponsor_modifier(ent)]
        if found:
            cand.add_places([iri for iri, _ in found], [t for _, ent in found for t in ent])
            return
    previous = _places_of_previous_sentences(cand, ctx)
    if previous:
        cand.add_places([iri for iri, _ in previous], [])
        cand.anaphoric = True
        cand.places_inherited = True


def _places_of_previous_sentences(cand: _Candidate, ctx: _Context) -> list[tuple[str, Span]]:
    """ "These operations ... have led to the arrest of dozens": a sentence that refers back to
    operations or areas just described ("these operations", "the raids", "these areas")
    happened where the nearest earlier sentence with places says."""
    sent = cand.sent
    refers_back = any(
        t.lemma_.lower() in EVENT_ANAPHORS and any(
            c.dep_ == "det" and c.lower_ in ("these", "this", "those", "the") for c in t.children)
        for t in tokens_of(sent))
    if not refers_back:
        return []
    start = sent.start
    for _ in range(2):
        if start == 0:
            return []
        previous = sentence_of(ctx.doc[start - 1])
        found = ctx.linked_in(previous, "PLACE")
        if found:
            return found
        start = previous.start
    return []


def assign_date(cand: _Candidate, ctx: _Context) -> None:
    """The nearest date expression of the clause, or one inherited (module docstring)."""
    dates = ctx.dates_in(cand.sent)
    if not dates:
        return
    trigger = cand.trigger
    for level, tokens in enumerate(_inheritance_chain(trigger, for_dates=True)):
        tokens = ctx.same_line(tokens, trigger.head)
        if not tokens:
            continue
        chars = [(t.idx, t.idx + len(t)) for t in tokens]
        inside = [w for w in dates if w.span is not None and any(
            s <= w.span.start < e or w.span.start <= s < w.span.end for s, e in chars)
            and not _dates_another_noun(w, trigger)]
        if inside:
            best = min(inside, key=lambda w: abs(w.span.start - trigger.head.idx) if w.span else 0)
            cand.when = best
            if best.span is not None:
                cand.evidence.update(t.i for t in tokens
                                     if best.span.start <= t.idx < best.span.end)
            return
        relative = _relative_day(tokens)
        if relative is not None:
            anchor = _framing_date(tokens, dates)
            if anchor is not None and anchor.start is not None and anchor.precision == "day":
                day = anchor.start + dt.timedelta(days=relative[0])
                span = relative[1]
                cand.when = When(raw=span.text, start=day, end=day, precision="day",
                                 span=TextSpan(span.start_char, span.end_char))
                cand.evidence.update(t.i for t in span)
                return
        if level == 0 and not trigger.is_noun:
            since = _since_date(trigger.head, dates, ctx)
            if since is not None:
                cand.when = since
                return


def _dates_another_noun(when: When, trigger: Trigger) -> bool:
    """ "The February 5 strike was preceded by raids": a date written before another noun
    dates that noun's event, not the clause."""
    if when.span is None:
        return False
    doc = trigger.head.doc
    span = doc.char_span(when.span.start, when.span.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return (root.dep_ in ("compound", "amod", "nmod", "nummod")
            and root.head.i not in {t.i for t in span}
            and root.head.pos_ in ("NOUN", "PROPN") and root.head != trigger.head
            and root.head.lemma_.lower() not in TIME_NOUNS)  # "Sunday night"


TIME_NOUNS = frozenset({"night", "morning", "evening", "afternoon", "dawn", "dusk", "midnight",
                        "noon", "day", "week", "weekend", "month", "year", "hour", "time"})


# A window of tokens whose text is one of the phrases starts with a token whose lower form
# begins the phrase: a cheap test before cutting the Doc at every token.
_RELATIVE_DAY_PREFIXES = frozenset(p[:k] for p in RELATIVE_DAYS for k in range(1, len(p) + 1))


def _relative_day(tokens: list[Token]) -> tuple[int, Span] | None:
    """ "the day before" / "the next day" in ``tokens``: the offset in days and its words."""
    if not tokens:
        return None
    doc = tokens[0].doc
    ids = {t.i for t in tokens}
    for token in tokens:
        if token.lower_ not in _RELATIVE_DAY_PREFIXES:
            continue
        for phrase, offset in RELATIVE_DAYS.items():
            n = len(phrase.split())
            window = doc[token.i: token.i + n]
            if len(window) == n and window.text.lower() == phrase and all(
                t.i in ids for t in window
            ):
                return offset, window
    return None


def _framing_date(tokens: list[Token], dates: list[When]) -> When | None:
    """The date of the clause that frames the clause of ``tokens`` ("On July 3, the group
    claimed ... an attack it said took place the day before"): the nearest governing clause
    that has one."""
    own = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in own or t.head == t]
    current = heads[0] if heads else tokens[0]
    for _ in range(6):
        if current.head == current:
            return None
        current = current.head
        if current.pos_ not in ("VERB", "AUX"):
            continue
        chars = [(t.idx, t.idx + len(t)) for t in clause_tokens(current) if t.i not in own]
        inside = [w for w in dates if w.span is not None and w.start is not None
                  and any(s <= w.span.start < e for s, e in chars)]
        if inside:
            return inside[0]
    return None


def _since_date(verb: Token, dates: list[When], ctx: _Context) -> When | None:
    """ "Since launching Operation Roundup in May, the coalition has regained ...": from May
    to publication."""
    for child in verb.children:
        if child.lower_ != "since":
            continue
        chars = [(t.idx, t.idx + len(t)) for t in child.subtree]
        inside = [w for w in dates if w.span is not None and w.start is not None and any(
            s <= w.span.start < e for s, e in chars)]
        if inside:
            first = inside[0]
            end = ctx.published or first.end
            text = _index(child.doc).text
            return When(raw=text[child.idx: first.span.end] if first.span else first.raw,
                        start=first.start, end=end, precision="approximate", span=first.span)
    return None


PARALLEL_ADVERBS = frozenset({"also", "meanwhile", "simultaneously", "too"})


def carry_parallel_dates(cands: list[_Candidate]) -> None:
    """ "The regime liberated Abu Kamal in November ... the SDF were also liberating areas
    near the town": an undated event marked as parallel ("also", "meanwhile") to a dated one
    of the same kind just before shares its time, as an approximate date."""
    dated = [c for c in cands if c.when is not None and c.when.start is not None]
    for cand in cands:
        if cand.when is not None:
            continue
        head = cand.trigger.head
        clause = head if not cand.trigger.is_noun else (governing_verb(head) or head)
        if not any(c.lower_ in PARALLEL_ADVERBS and c.dep_ == "advmod" for c in clause.children):
            continue
        window = cand.sent.start
        for _ in range(2):
            if window > 0:
                window = sentence_of(head.doc[window - 1]).start
        earlier = [d for d in dated if d.kind == cand.kind
                   and window <= d.trigger.head.i < cand.sent.start]
        if earlier and earlier[-1].when is not None:
            cand.when = replace(earlier[-1].when, precision="approximate")
            cand.anaphoric = True


# ----------------------------------------------------------------------------- counts


def _casualties(cand: _Candidate) -> None:
    """Killed and wounded counts stated with an attack ("killing more than 300 people",
    "wounding 12", "no casualties")."""
    sent = cand.sent
    own = {t.i for t in _own_tokens(cand.trigger)}
    governor = cand.trigger.head.head
    clause_heads = [cand.trigger.head]
    if governor.pos_ in ("VERB", "AUX") and (
        not cand.trigger.is_noun or cand.trigger.head.dep_ in ("nsubj", "nsubjpass")
        or governor.lemma_ in SUPPORT_VERBS | OCCURRENCE_VERBS
    ):
        clause_heads.append(governor)
    scope = set(own)
    for clause in clause_heads:
        if clause.pos_ in ("VERB", "AUX"):
            scope |= {t.i for t in clause_tokens(clause)}
        for child in clause.children:
            if child.dep_ in ("advcl", "conj") and child.tag_ in ("VBG", "VBN") \
                    and not children(child, "mark"):
                scope |= {t.i for t in clause_tokens(child)}
    for token in tokens_of(sent):
        if token.i not in scope:
            continue
        lemma = token.lemma_.lower()
        if lemma in ("kill", "wound", "injure") and token.pos_ == "VERB":
            heads = patients(token) if not is_passive(token) else children(token, "nsubjpass")
            count = count_in_phrase(heads)
            if count is not None:
                if lemma == "kill" and cand.killed is None:
                    cand.killed = count
                elif lemma != "kill" and cand.wounded is None:
                    cand.wounded = count
    for token in tokens_of(sent):
        if token.lemma_.lower() in ("casualty",) and any(
            c.lower_ == "no" and c.dep_ == "det" for c in token.children
        ):
            cand.zero_killed = cand.zero_wounded = True


# ----------------------------------------------------------------------------- merging


def _compatible_dates(a: When | None, b: When | None) -> bool:
    if a is None or b is None or a.start is None or b.start is None:
        return True
    a_end, b_end = a.end or a.start, b.end or b.start
    return a.start <= b_end and b.start <= a_end


def _conflict(a: _Candidate, b: _Candidate, ctx: _Context) -> bool:
    if a.locations and b.locations and not any(
        ctx.ref.within(x, y) or ctx.ref.within(y, x) for x in a.locations for y in b.locations
    ):
        return True
    if not _compatible_dates(a.when, b.when):
        return True
    if a.gained and b.gained and not set(a.gained) & set(b.gained):
        return True
    # "repelled an ISIS attack ..., killing six militants": two sides, two events.
    if a.perpetrators and b.perpetrators and not set(a.perpetrators) & set(b.perpetrators):
        return True
    if set(a.perpetrators) & set(b.target_actors) or set(b.perpetrators) & set(a.target_actors):
        return True
    for mine, theirs in ((a.killed, b.killed), (a.arrested, b.arrested)):
        if mine is not None and theirs is not None and mine.value != theirs.value:
            return True
    return False


def _better_when(a: When | None, b: When | None) -> When | None:
    if a is None or a.start is None:
        return b if b is not None else a
    if b is None or b.start is None:
        return a
    width_a = ((a.end or a.start) - a.start).days
    width_b = ((b.end or b.start) - b.start).days
    return b if width_b < width_a else a


def _absorb(keep: _Candidate, other: _Candidate, same_span: bool) -> None:
    """Fold ``other`` into ``keep``: roles, places (unless only inherited from the sentences
    before), counts, date; the more specific type."""
    if SPECIFICITY.get(other.kind, 0) > SPECIFICITY.get(keep.kind, 0):
        keep.kind, keep.trigger, keep.frame = other.kind, other.trigger, other.frame
    for role in ("perpetrators", "target_actors", "gained", "lost"):
        keep.add(getattr(keep, role), getattr(other, role))
    keep.lost = [a for a in keep.lost if a not in keep.gained]
    keep.target_actors = [a for a in keep.target_actors if a not in keep.perpetrators]
    for iri in [] if other.places_inherited else other.locations:
        if iri not in keep.locations:
            keep.locations.append(iri)
            keep.location_tokens[iri] = other.location_tokens.get(iri, [])
    keep.when = _better_when(keep.when, other.when)
    keep.operation = keep.operation or other.operation
    for count in ("killed", "wounded", "arrested", "surrendered"):
        if getattr(keep, count) is None:
            setattr(keep, count, getattr(other, count))
    keep.zero_killed = keep.zero_killed or other.zero_killed
    keep.zero_wounded = keep.zero_wounded or other.zero_wounded
    keep.named_actor = keep.named_actor or other.named_actor
    if same_span:
        keep.evidence |= other.evidence
    keep.merged = True
    other.dropped = True


def merge_within_sentences(cands: list[_Candidate], ctx: _Context) -> None:
    """Reports of one event in one sentence become one event (module docstring, step 5)."""
    in_sentence: dict[int, list[_Candidate]] = {}  # sentence start -> its live candidates
    for cand in cands:
        if not cand.dropped:
            in_sentence.setdefault(cand.sent.start, []).append(cand)
    for same_sentence in in_sentence.values():
        _merge_in_sentence(same_sentence, ctx)


def _merge_in_sentence(live: list[_Candidate], ctx: _Context) -> None:
    """merge_within_sentences for the candidates of one sentence, in their order."""
    for i, a in enumerate(live):
        if a.dropped:
            continue
        for b in live[i + 1:]:
            if b.dropped:
                continue
            kinds = {a.kind, b.kind}
            # a general report (an attack, a killing) folds into one specific one
            attackish = kinds <= (ATTACK_KINDS | {"Killing", "Clash"}) and bool(
                kinds & {"Attack", "Killing"}) and len(kinds - {"Attack", "Killing"}) <= 1
            same = a.kind == b.kind and a.kind != "ControlChange"
            if not (same or (attackish and _related(a, b))):
                continue
            if a.kind == b.kind and a.kind in ("Killing", "Arrest") and not _related(a, b):
                continue
            if _conflict(a, b, ctx):
                continue
            _absorb(a, b, same_span=True)


def _related(a: _Candidate, b: _Candidate) -> bool:
    """Two triggers of one clause: one governs the other, they are coordinated, or they share
    a clause head."""
    ha, hb = a.trigger.head, b.trigger.head
    if ha in hb.ancestors or hb in ha.ancestors:
        return True
    return ha.head == hb.head or (ha.dep_ == "conj" and ha.head == hb) or (
        hb.dep_ == "conj" and hb.head == ha)


def merge_across_article(cands: list[_Candidate], ctx: _Context) -> None:
    """The same change of control or the same dated attack reported twice is one event."""
    live = sorted((c for c in cands if not c.dropped), key=_report_quality, reverse=True)
    for i, a in enumerate(live):
        if a.dropped:
            continue
        for b in live[i + 1:]:
            if b.dropped or a.kind != b.kind:
                continue
            if a.kind == "ControlChange":
                same_place = bool(set(a.locations) & set(b.locations))
                swapped = set(a.gained) & set(b.lost) or set(a.lost) & set(b.gained)
                other_gainer = a.gained and b.gained and not set(a.gained) & set(b.gained)
                sides_ok = not (swapped or other_gainer)
                if same_place and sides_ok and _compatible_dates(a.when, b.when):
                    _absorb(a, b, same_span=False)
            elif a.kind == b.kind and a.locations and set(a.locations) == set(b.locations) and (
                a.when is not None and b.when is not None and a.when.start is not None
                and _compatible_dates(a.when, b.when) and a.when.start == b.when.start
            ) and not _conflict(a, b, ctx):
                _absorb(a, b, same_span=False)


def merge_continuations(cands: list[_Candidate], ctx: _Context) -> None:
    """Two reports of one event in different sentences that the place-and-date rule cannot
    pair: an undated headline ("Peshmerga repel ISIS attack south of Kirkuk") folds into the
    first report of that kind in the body; an undated sentence whose place came from the
    sentences before ("14 militants were killed in the fighting") folds into the latest
    event of the same family just before it."""
    family = ATTACK_KINDS | {"Killing", "Clash"}

    def same_family(a: _Candidate, b: _Candidate) -> bool:
        return a.kind == b.kind or ({a.kind, b.kind} <= family and "Killing" in {a.kind, b.kind}) \
            or {a.kind, b.kind} <= ATTACK_KINDS and "Attack" in {a.kind, b.kind}

    def sides_conflict(a: _Candidate, b: _Candidate) -> bool:
        return bool(
            (a.perpetrators and b.perpetrators and not set(a.perpetrators) & set(b.perpetrators))
            or set(a.perpetrators) & set(b.target_actors)
            or set(b.perpetrators) & set(a.target_actors)
            or (a.gained and b.gained and not set(a.gained) & set(b.gained))
            or set(a.gained) & set(b.lost) or set(a.lost) & set(b.gained))

    live = sorted((c for c in cands if not c.dropped), key=lambda c: c.trigger.head.i)
    for cand in live:
        undated = cand.when is None or cand.when.start is None
        if cand.dropped or not undated:
            continue
        if ctx.in_headline(cand.trigger.head):
            body = [c for c in live if not c.dropped and c is not cand
                    and not ctx.in_headline(c.trigger.head) and same_family(c, cand)
                    and not sides_conflict(c, cand)]
            if body:
                _absorb(body[0], cand, same_span=False)
            continue
        if cand.places_inherited:
            window = ctx.sentence_start_before(cand.sent, 2)
            before = [c for c in live if not c.dropped and c is not cand
                      and window <= c.trigger.head.i < cand.sent.start and same_family(c, cand)
                      and not sides_conflict(c, cand)]
            if before:
                _absorb(before[-1], cand, same_span=False)


def _report_quality(cand: _Candidate) -> tuple[int, int, int]:
    dated = 1 if cand.when is not None and cand.when.start is not None else 0
    width = 0
    if dated and cand.when is not None and cand.when.start is not None:
        width = -((cand.when.end or cand.when.start) - cand.when.start).days
    return dated, width, -cand.trigger.head.i


def split_places(cand: _Candidate, ctx: _Context) -> list[_Candidate]:
    """A control change of several coordinated places is one change per place; a place that
    only contains another one named with it ("Hawi al-Azim ... of Diyala") is dropped."""
    specific = [p for p in cand.locations
                if not any(q != p and ctx.ref.within(q, p) for q in cand.locations)]
    if len(specific) <= 1:
        cand.locations = specific or cand.locations
        return [cand]
    out = []
    for place in specific:
        part = replace(cand, locations=[place], location_tokens={
            place: cand.location_tokens.get(place, [])}, evidence=set(cand.evidence))
        others = {t.i for p in specific if p != place for t in cand.location_tokens.get(p, [])}
        part.evidence = {i for i in cand.evidence if i not in others}
        out.append(part)
    return out


# ----------------------------------------------------------------------------- responsibility


def credit_claims(triggers: list[Trigger], cands: list[_Candidate], ctx: _Context) -> None:
    """ "ISIS claimed responsibility for the attack": the claimant is the perpetrator of the
    attack named, or of the latest attack reported in the two sentences before."""
    for trigger in triggers:
        if trigger.word.frame != "responsibility":
            continue
        head = trigger.head
        if negated(head) or factuality(trigger.head).blocked:
            continue
        claimant = ctx.actors(doers(head))
        if not claimant[0]:
            continue
        claimed = [t for ts in prep_objects(head, ("for",)).values() for t in ts]
        claimed += [o for o in children(head, "dobj") if o not in trigger.tokens]
        for tok in trigger.tokens:
            claimed += [t for ts in prep_objects(tok, ("for",)).values() for t in ts]
        claimed_nouns = [c for c in claimed if c.pos_ in ("NOUN", "PROPN")]
        if not claimed_nouns and len(trigger.tokens) > 1:
            # "ISIS later claimed responsibility.": the attack just reported
            target = _latest_attack_before(head, cands, ctx)
            if target is not None:
                target.add(target.perpetrators, claimant[0])
                target.target_actors = [x for x in target.target_actors
                                        if x not in target.perpetrators]
            continue
        if not claimed_nouns:
            continue
        target = _candidate_for(claimed_nouns, cands) or _latest_attack_before(head, cands, ctx)
        if target is None:
            continue
        if trigger.word.words == ("claim",) and _candidate_for(claimed_nouns, cands) is None \
                and not any(c.lemma_ in _ATTACK_NOUN_LEMMAS for c in claimed_nouns):
            continue
        for iri in claimant[0]:
            if iri not in target.perpetrators:
                target.perpetrators.append(iri)
        target.target_actors = [a for a in target.target_actors if a not in target.perpetrators]
        if claimant[2]:
            target.anaphoric = True
        else:
            target.named_actor = True


DEVICE_HEADS = frozenset({"bomb", "bomber", "ied", "vbied", "svbied", "device", "explosive",
                          "mine", "landmine", "vest"})
_ATTACK_NOUN_LEMMAS = frozenset({"attack", "bombing", "assault", "ambush", "assassination",
                                 "abduction", "kidnapping", "blast", "explosion", "killing"})


def _candidate_for(nouns: list[Token], cands: list[_Candidate]) -> _Candidate | None:
    ids = {n.i for n in nouns}
    for cand in cands:
        if not cand.dropped and cand.trigger.head.i in ids:
            return cand
    return None


def _latest_attack_before(token: Token, cands: list[_Candidate],
                          ctx: _Context) -> _Candidate | None:
    window = ctx.sentence_start_before(sentence_of(token), 2)
    earlier = [c for c in cands if not c.dropped and c.kind in ATTACK_KINDS
               and window <= c.trigger.head.i < token.i]
    return earlier[-1] if earlier else None


# ----------------------------------------------------------------------------- the extractor


def extract_events(doc: Doc, article: Article, ref: Reference) -> list[Event]:
    """Every event reported as fact in ``doc`` (the parsed ``article.text``), as ``Event``
    records with roles, places, dates, counts, evidence span and confidence."""
    _INDEXES.pop(id(doc), None)  # the entities may have changed since a previous call
    ctx = _Context(doc=doc, article=article, ref=ref)
    lexicon = lexicon_for(doc.vocab, ref)
    triggers = find_triggers(doc, lexicon)
    cands: list[_Candidate] = []
    means = _means_of_harm(triggers)
    for trigger in triggers:
        if trigger.head.i in means:
            continue
        cand = _read(trigger, ctx)
        if cand is not None:
            cands.append(cand)
    credit_claims(triggers, cands, ctx)
    for anaphor, perpetrators in ctx.credits:
        target = _latest_attack_before(anaphor, cands, ctx)
        if target is not None and not target.perpetrators:
            target.perpetrators.extend(perpetrators)
    carry_parallel_dates(cands)
    merge_within_sentences(cands, ctx)
    split: list[_Candidate] = []
    for cand in cands:
        if cand.dropped:
            continue
        split.extend(split_places(cand, ctx) if cand.kind == "ControlChange" else [cand])
    merge_across_article(split, ctx)
    merge_continuations(split, ctx)
    events = []
    keys: set[str] = set()
    for cand in sorted((c for c in split if not c.dropped), key=lambda c: c.trigger.head.i):
        undated = cand.when is None or cand.when.start is None
        if cand.kind == "ControlChange" and undated and cand.subordinate and not cand.merged:
            continue  # background: "months before being ousted from Raqqa"
        if undated and not cand.locations:
            continue  # "ISIS has killed thousands of civilians": a tally, neither dated nor placed
        event = _to_event(cand, ctx, keys)
        if event is not None:
            events.append(event)
    return events


def _read(trigger: Trigger, ctx: _Context) -> _Candidate | None:
    reader = READERS.get(trigger.word.frame)
    if reader is None:
        return None
    fact = factuality(trigger.head)
    if fact.blocked:
        return None
    cand = reader(trigger, ctx)
    if cand is None:
        return None
    cand.fact = fact
    assign_date(cand, ctx)
    has_date = cand.when is not None and cand.when.start is not None
    if trigger.is_noun and trigger.word.frame not in ("conquering", "losing-control", "falling"):
        reason = generic_noun(trigger, ctx, has_date)
        if reason is not None:
            return None
        if trigger.word.frame != "launch" and _anaphoric_mention(trigger, cand, has_date):
            if cand.perpetrators and cand.kind in ATTACK_KINDS:
                ctx.credits.append((trigger.head, list(cand.perpetrators)))
            return None
    assign_places(cand, ctx)
    if cand.kind in ATTACK_KINDS and not (cand.actors_filled() or cand.locations or has_date):
        return None  # "attack" in "fighter, attack, bomber aircraft": nothing to anchor it
    if cand.kind in ATTACK_KINDS or cand.kind == "Killing":
        _casualties(cand)
    cand.subordinate = _is_subordinate(trigger)
    return cand


def _anaphoric_mention(trigger: Trigger, cand: _Candidate, has_date: bool) -> bool:
    """ "The attack followed ...", "Both attacks were confirmed", "its fighters carried out
    the attack": a definite noun that adds no participant, place or date of its own refers
    back to an event already reported."""
    noun = trigger.head
    determiners = [c.lower_ for c in noun.children if c.dep_ in ("det", "predet")]
    if not determiners or not set(determiners) & ANAPHORIC_DETERMINERS:
        return False
    own = [t for t in noun.subtree if t.ent_type_ in ("PLACE", "DATE", "ACTOR", "CARDINAL")
           or (t.like_num and t != noun)]
    return not own


def _is_subordinate(trigger: Trigger) -> bool:
    """Whether the trigger is backgrounded: a gerund or clause under a preposition or a
    subordinating conjunction, or a noun inside one."""
    current = trigger.head
    for _ in range(8):
        if current.dep_ in ("pcomp", "advcl", "acl", "relcl") or (
            current.dep_ == "pobj" and current.head.lower_ in ("before", "after", "since", "until")
        ):
            return True
        if current.head == current or current.dep_ in ("ROOT", "ccomp", "conj", "parataxis"):
            return False
        current = current.head
    return False


def _means_of_harm(triggers: list[Trigger]) -> set[int]:
    """Attack nouns that are the plural means of a killing ("killed scores in attacks on their
    positions") are folded into the killing, so they are not read as events of their own."""
    killing_heads = {t.head.i for t in triggers if t.word.frame == "killing" and not t.is_noun}
    out: set[int] = set()
    for trigger in triggers:
        if trigger.word.frame not in ("attack",) or not trigger.is_noun:
            continue
        noun = trigger.head
        if noun.tag_ != "NNS":
            continue
        if any(ancestor.i in killing_heads for ancestor in noun.ancestors):
            out.add(noun.i)
    return out


def _to_event(cand: _Candidate, ctx: _Context, keys: set[str]) -> Event | None:
    span = _evidence_span(cand)
    key = f"event-{cand.kind}-{span.start}-{span.end}"
    if key in keys:
        head = cand.trigger.head
        narrow = [t for t in head.subtree]
        span = TextSpan(narrow[0].idx, narrow[-1].idx + len(narrow[-1]))
        key = f"event-{cand.kind}-{span.start}-{span.end}"
        if key in keys:
            span = TextSpan(head.idx, head.idx + len(head))
            key = f"event-{cand.kind}-{span.start}-{span.end}"
            if key in keys:
                return None
    keys.add(key)
    # "in Syria's Idlib province": the most specific places; their containers follow from
    # the gazetteer.
    cand.locations = [p for p in cand.locations
                      if not any(q != p and ctx.ref.within(q, p) for q in cand.locations)]
    counts = [c for c in (cand.killed, cand.arrested, cand.surrendered, cand.wounded)
              if c is not None]
    qualifier = counts[0].qualifier if counts else "exact"
    return Event(
        key=key,
        kind=cand.kind,
        span=span,
        trigger=cand.trigger.text,
        perpetrators=list(cand.perpetrators),
        target_actors=list(cand.target_actors),
        gained_control=list(cand.gained),
        lost_control=list(cand.lost),
        locations=list(cand.locations),
        when=cand.when,
        killed_count=_int(cand.killed, cand.zero_killed),
        wounded_count=_int(cand.wounded, cand.zero_wounded),
        arrested_count=_int(cand.arrested, False),
        surrendered_count=_int(cand.surrendered, False),
        count_qualifier=qualifier,
        operation=cand.operation,
        confidence=confidence(cand),
        extractor=f"events/{cand.frame}" + ("+merged" if cand.merged else ""),
    )


def _int(count: CountMatch | None, zero: bool) -> int | None:
    if count is not None:
        return int(count.value)
    return 0 if zero else None


def _evidence_span(cand: _Candidate) -> TextSpan:
    """The clause of the trigger plus every word that filled a role, within its sentence,
    trimmed of punctuation at the edges."""
    doc = cand.trigger.head.doc
    sent = cand.sent
    ids = {t.i for t in _own_tokens(cand.trigger)} | cand.evidence
    ids = {i for i in ids if sent.start <= i < sent.end}
    tokens = sorted(doc[i] for i in ids)
    while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    while len(tokens) > 1 and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    first, last = tokens[0], tokens[-1]
    return TextSpan(first.idx, last.idx + len(last))


def confidence(cand: _Candidate) -> float:
    """How sure the rules are (module docstring, "Confidence")."""
    score = BASE_CONFIDENCE
    score += min(0.15, 0.05 * sum((
        cand.named_actor,
        bool(cand.locations),
        cand.when is not None and cand.when.start is not None,
    )))
    if cand.fact.reported or inside_quotes(cand.trigger.head):
        score -= 0.10
    if cand.anaphoric:
        score -= 0.10
    if cand.fact.purpose:
        score -= 0.15
    if cand.when is None or cand.when.start is None:
        score -= 0.10
    if cand.weak_trigger:
        score -= 0.05
    return round(min(0.95, max(0.30, score)), 2)

