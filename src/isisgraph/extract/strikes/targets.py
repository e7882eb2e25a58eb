"""What strikes hit: target types of the reference's target-type scheme in the objects of an
outcome verb ("destroyed four fighting positions and two vehicles"), with their quantities, and
the people killed ("killing a senior ISIS leader" → 1)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.closed_class import SINGULAR_DETERMINERS, TARGET_PREPOSITIONS
from isisgraph.extract.numbers import VAGUE_PLURALS, CountMatch, find_counts
from isisgraph.extract.strikes.lexicon import COLLECTIVE_NOUNS, TARGET_NOUNS
from isisgraph.extract.syntax.counting import count_in_phrase, counted_one, is_quantity_noun
from isisgraph.extract.syntax.tree import ancestors_to
from isisgraph.extract.syntax.units import same_line
from isisgraph.records import Span, Target

if TYPE_CHECKING:
    from isisgraph.extract.strikes.document import Document, Draft


def outcome(verb: Token, d: Document) -> str | None:
    """The outcome slug a verb names (destroyed, killed, struck ...), or None; a phrasal
    verb by its particle first ('Coalition strikes took out three camp sites': Stars and
    Stripes 2020, among the new articles of round 6)."""
    particles = [f"{verb.lemma_.lower()} {c.lower_}" for c in verb.children if c.dep_ == "prt"]
    for form in (*particles, verb.lemma_.lower(), verb.lower_):
        if form in d.lex.outcome_of:
            return d.lex.outcome_of[form]
    return None


def target_objects(verb: Token) -> list[Token]:
    """The objects of a verb that can be what was hit: direct objects on its line, the
    passive subject, and the objects of 'against', 'on', 'at'."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd") and same_line(c, verb)]
    if any(c.dep_ == "auxpass" for c in verb.children):
        objs += [c for c in verb.children if c.dep_ == "nsubjpass"]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPOSITIONS:
            objs += [c for c in prep.children if c.dep_ == "pobj"]
    return objs


def targets_in(obj: Token, result: str, d: Document) -> list[Target]:
    """Target types named in an object phrase, with their quantities."""
    tokens = [t for t in obj.subtree if not any(a.dep_ in ("relcl", "acl") and a != obj
                                                for a in ancestors_to(t, obj) if a != obj)]
    if not tokens:
        return []
    doc = d.doc
    lo, hi = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    window = doc[lo:hi]
    kept = _target_matches(lo, window, {t.i for t in tokens}, d)
    counts = find_counts(window)
    targets: list[Target] = []
    previous: tuple[str, int, int] | None = None
    for slug, s, e in kept:
        # "31 VBIEDs (VBIEDs)": a parenthetical repeat of the previous target is no new target.
        if previous and previous[0] == slug and s > 0 and doc[s - 1].text == "(":
            continue
        quantity, start = _quantity(s, e, counts, d)
        span = Span(doc[start].idx, doc[e - 1].idx + len(doc[e - 1].text))
        targets.append(Target(target_type=slug, span=span, quantity=quantity, outcome=result))
        previous = (slug, s, e)
    return targets


def _target_matches(lo: int, window: DocSpan, allowed: set[int], d: Document) -> list[tuple[str, int, int]]:
    """The target-type matches inside the phrase: longest first, no overlaps ("vehicle-borne
    improvised explosive devices" over "vehicle"), in text order."""
    matches = []
    for match_id, start, end in d.lex.targets(window):
        s, e = lo + start, lo + end
        if all(i in allowed for i in range(s, e)):
            matches.append((d.doc.vocab.strings[match_id], s, e))
    matches.sort(key=lambda m: (-(m[2] - m[1]), m[1]))
    kept: list[tuple[str, int, int]] = []
    for m in matches:
        if all(m[2] <= k[1] or m[1] >= k[2] for k in kept):
            kept.append(m)
    kept.sort(key=lambda m: m[1])
    return kept


def _quantity(s: int, e: int, counts: list[CountMatch], d: Document) -> tuple[int | None, int]:
    """How many of the target at tokens [s, e) the phrase names, and where its span starts:
    a whole count on it, else one for a singular with an indefinite article ("an ISIS command
    post")."""
    doc = d.doc
    head = doc[e - 1]
    quantity = None
    start = s
    for count in counts:
        count_head = count.head
        if count_head.head.i in range(s, e) and count.span.end <= e and (
            count.value is not None and float(count.value).is_integer() and count.unit is None
        ):
            quantity = int(count.value)
            start = min(start, count.span.start)
    if quantity is None and head.tag_ in ("NN", "NNP"):
        dets = [c for c in head.children if c.dep_ == "det"] + ([doc[s - 1]] if s > 0 else [])
        if any(t.lower_ in SINGULAR_DETERMINERS for t in dets):
            quantity = 1
    return quantity, start


def add_targets(draft: Draft, targets: Iterable[Target]) -> None:
    draft.targets += [t for t in targets if t not in draft.targets]


def add_hits(draft: Draft, obj: Token, result: str, d: Document) -> None:
    """Add to a report what an object phrase of its strikes names: its target types and the
    actors it was struck through (``actors_hit``)."""
    add_targets(draft, targets_in(obj, result, d))
    draft.target_actors += [a for a in actors_hit(obj, d) if a not in draft.target_actors]


# Dependencies that keep a word in the phrase of what was struck: its modifiers, possessor,
# coordination and 'of' phrase ("ISIS's oil facilities", "positions of Daesh"); a relative
# clause, a participle or another preposition leads out of it ("a town seized from ISIS").
TARGET_PHRASE_DEPS = ("compound", "amod", "poss", "nmod", "appos", "conj", "cc", "det",
                      "nummod", "quantmod", "case", "punct")


def actors_hit(obj: Token, d: Document) -> list[str]:
    """The actors an object phrase of strikes names as struck: the phrase is an actor ("strikes
    on ISIL", "against Daesh"), or its head is a target noun of the lexicon or a target type
    and an actor modifies it ("ISIS fighting positions", "IS militants", "ISIS's oil
    facilities", "positions of Daesh"). Places and vehicles are no actors: only a name the NLP
    stage linked to a reference actor counts. Coordinated heads are read each on its own."""
    found: list[str] = []
    for head in _coordinated(obj):
        phrase = _phrase(head)
        if d.entity(head, "ACTOR") is None and not _target_head(head, phrase, d):
            continue
        for tok in phrase:
            ent = d.entity(tok, "ACTOR")
            if ent is not None and d.ref.kind(ent.ent_id_) == "actor" and ent.ent_id_ not in found:
                found.append(ent.ent_id_)
    return found


def _coordinated(obj: Token) -> list[Token]:
    heads, stack = [], [obj]
    while stack:
        head = stack.pop(0)
        heads.append(head)
        stack += [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    return heads


def _phrase(head: Token) -> list[Token]:
    """The words of a struck phrase: the head and its modifiers, possessor and 'of' phrase,
    but not its coordinated heads (read on their own) nor clauses or other prepositions."""
    out, stack = [], [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            if child.dep_ in TARGET_PHRASE_DEPS and not (tok == head and child.dep_ == "conj"):
                stack.append(child)
            elif child.dep_ == "nsubj" and tok != head and tok.dep_ in ("compound", "amod"):
                stack.append(child)  # "ISIS fighting positions", parsed as a clause in a modifier
            elif child.dep_ == "prep" and child.lower_ == "of":
                stack += [c for c in child.children if c.dep_ == "pobj"]
    return out


def _target_head(head: Token, phrase: list[Token], d: Document) -> bool:
    """Whether a phrase's head names what an actor is struck through: a target noun of the
    lexicon, or the last word of a target type ("fighting positions", "oil facilities")."""
    if head.lemma_.lower() in TARGET_NOUNS or head.lower_ in TARGET_NOUNS:
        return True
    lo, hi = min(t.i for t in phrase), max(t.i for t in phrase) + 1
    return any(lo + end - 1 == head.i for _, _, end in d.lex.targets(d.doc[lo:hi]))


def killed_by(verb: Token) -> int | None:
    """How many people a killing verb's object counts: a whole number that is no vague plural,
    or one for 'a senior ISIS leader' (not 'a number of fighters'). A noun of quantity leaves
    the count to the phrase after its 'of' (the shared ``count_in_phrase``): "killed a total
    of 12 fighters", "a total of nine militants were killed"."""
    for obj in target_objects(verb):
        if obj.dep_ in ("dobj", "nsubjpass"):
            counts = [c for c in find_counts(obj.doc[obj.left_edge.i: obj.i + 1])
                      if c.head.head == obj or c.head == obj]
            if is_quantity_noun(obj):
                counts += [c for c in (count_in_phrase([obj]),) if c is not None]
            for count in counts:
                vague = any(t.lower_ in VAGUE_PLURALS for t in count.span)
                if count.unit is None and float(count.value).is_integer() and not vague:
                    return int(count.value)
            if obj.lemma_.lower() not in COLLECTIVE_NOUNS and counted_one(obj) is not None:
                return 1
    return None


def times_count(verb: Token) -> CountMatch | None:
    """'struck ... 14 times': the number of strikes a strike verb states by repetition."""
    for child in verb.children:
        if child.lemma_.lower() == "time" and child.tag_ == "NNS" and child.dep_ in (
            "npadvmod", "advmod", "dobj"
        ):
            phrase = verb.doc[child.left_edge.i: child.i + 1]
            counts = [c for c in find_counts(phrase) if c.head.head == child]
            if counts and float(counts[0].value).is_integer():
                return counts[0]
    return None


def names_armed_group(obj: Token, d: Document) -> bool:
    """'10 Daesh targets', 'PKK positions': an object phrase naming an armed group's things."""
    for tok in (t for t in obj.subtree if t.i <= obj.i):
        ent = d.entity(tok, "ACTOR")
        if ent is not None and d.ref.is_a(ent.ent_id_, "ArmedGroup"):
            return True
    return False


def hit_verbs(verbs: Iterable[Token]) -> list[Token]:
    """The verbs and their subject-sharing conjuncts: 'engaged two units and destroyed a
    vehicle'; and their participles: 'hit a market, killing 20 people'."""
    out: list[Token] = []
    stack = list(verbs)
    while stack:
        verb = stack.pop(0)
        if verb in out:
            continue
        out.append(verb)
        for child in verb.children:
            if child.dep_ == "conj" and child.pos_ == "VERB" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in child.children
            ):
                stack.append(child)
            elif child.dep_ in ("advcl", "xcomp") and child.tag_ == "VBG":
                stack.append(child)  # "hit a market, killing 20 people"
    return out


def apply_hits(draft: Draft, verbs: Iterable[Token], d: Document) -> None:
    """Add to a report the targets and the killed of its outcome verbs."""
    for verb in hit_verbs(verbs):
        result = outcome(verb, d)
        if result is None:
            continue
        if result == "killed":
            killed = killed_by(verb)
            if killed is not None:
                draft.killed = (draft.killed or 0) + killed
        for obj in target_objects(verb):
            add_hits(draft, obj, result, d)
