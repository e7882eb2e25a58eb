"""The linked entities the roles are filled with, indexed once per Doc.

Roles take only entities the NLP stage linked (labels ACTOR, PLACE, OPERATION with the
individual's IRI in ``ent_id_``). Two kinds of linked entity are no participant: a sponsor
named in a compound ("US-backed forces" are not the US) and a place of origin ("fighters from
Lebanon"); places in a dateline are left out by the context (``Context.linked_in``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from isisgraph.closed_class import ORIGIN_PREPOSITIONS
from isisgraph.extract.shared import entities, is_shared, once_per_doc
from isisgraph.extract.syntax.units import in_heading, in_headline
from isisgraph.lexicons import lexicon

WORDS = lexicon("events")
SPONSOR_SUFFIXES = WORDS.sponsor_suffixes
OPPONENT_PREFIXES = WORDS.opponent_prefixes
PLACE_ANAPHORS = WORDS.place_anaphors
REPORT_NOUNS = WORDS.report_nouns
PART_NOUNS = WORDS.part_nouns
OFFSHOOT_NOUNS = WORDS.offshoot_nouns
TITLE_NOUNS = WORDS.title_nouns

ROLE_LABELS = frozenset({"ACTOR", "PLACE", "OPERATION"})


@dataclass
class LinkedIndex:
    """The linked entities of a Doc by token and by label, computed once per Doc: the rules ask
    for them thousands of times in a long article. (The Doc's text and sentences come from
    ``extract.shared``.)"""

    doc: Doc
    linked: dict[int, Span]  # token index -> the linked ACTOR/PLACE/OPERATION entity on it
    # label -> the linked entities of that label in Doc order, with their token starts and
    # ends (entities do not overlap, so both are sorted): a window's entities by bisection
    by_label: dict[str, tuple[list[Span], list[int], list[int]]]

    def linked_within(self, label: str, start: int, end: int) -> list[Span]:
        """The linked entities of ``label`` lying wholly in tokens ``start`` to ``end``."""
        ents, starts, ends = self.by_label.get(label, ([], [], []))
        return ents[bisect_left(starts, start): bisect_right(ends, end)]


# The indexes of Docs read outside ``sharing`` (an extractor called on its own): the last few.
_INDEXES: dict[int, LinkedIndex] = {}


def linked_index(doc: Doc) -> LinkedIndex:
    """The index of ``doc``. While the Doc is shared (``extract``) it is one of the Doc's shared
    values and goes with them when the article is done: a Doc kept here past its article would
    keep its tokens and tensor alive. Outside that, built on first use after ``forget(doc)``."""
    if is_shared(doc):
        return once_per_doc(doc, linked_index, lambda: index_of(doc))
    cached = _INDEXES.get(id(doc))
    if cached is not None and cached.doc is doc:
        return cached
    index = index_of(doc)
    if len(_INDEXES) > 4:
        _INDEXES.clear()
    _INDEXES[id(doc)] = index
    return index


def index_of(doc: Doc) -> LinkedIndex:
    linked_ents = [ent for ent in entities(doc) if is_linked(ent)]
    linked = {i: ent for ent in linked_ents for i in range(ent.start, ent.end)}
    by_label: dict[str, tuple[list[Span], list[int], list[int]]] = {}
    for ent in linked_ents:
        same, starts, ends = by_label.setdefault(ent.label_, ([], [], []))
        same.append(ent)
        starts.append(ent.start)
        ends.append(ent.end)
    return LinkedIndex(doc, linked, by_label)


def forget(doc: Doc) -> None:
    """Drop the index of ``doc`` kept outside ``sharing``: its entities may have changed since a
    previous call. (A shared Doc's entities are one of its shared values, fixed while shared.)"""
    _INDEXES.pop(id(doc), None)


def is_linked(ent: Span) -> bool:
    return ent.label_ in ROLE_LABELS and bool(ent.ent_id_)


def inside_linked_entity(token: Token) -> bool:
    return token.ent_type_ in ROLE_LABELS


def entity_at(token: Token) -> Span | None:
    """The linked entity ``token`` is part of, if any."""
    if token.ent_type_ not in ROLE_LABELS or not token.ent_id_:
        return None
    return linked_index(token.doc).linked.get(token.i)


def is_sponsor_modifier(ent: Span) -> bool:
    """ "US" in "US-backed forces", "Iran" in "Iran-linked militias", "ISIS" in "an anti-ISIS
    raid" ([opponent-prefixes]: "an anti-ISIS raid that reportedly killed at least seven ISIS"
    militants was no raid by ISIS, Stars and Stripes via SOFX 2024; "anti-ISIS operations" in
    15 development articles): a modifier, not a party.
    A name followed by the participle and "by" is the party the sponsor backs: "Shi'ite
    paramilitary forces backed by U.S.-led coalition air strikes" (RFE/RL 2016), "Iraqi forces
    backed by Hashd Shaabi" (iPolitics 2015) (rule ``events.sides.backed-by``)."""
    doc = ent.doc
    after = doc[ent.end: ent.end + 2]
    text = "".join(t.text_with_ws for t in after).lower()
    if text.startswith("-") and any(text[1:].startswith(s) for s in SPONSOR_SUFFIXES):
        return True
    if ent.end < len(doc) and doc[ent.end].lower_ in SPONSOR_SUFFIXES and not (  # "US Backed Forces"
            ent.end + 1 < len(doc) and doc[ent.end + 1].lower_ == "by"):
        return True
    last = doc[ent.end - 1]
    if any(last.lower_.endswith("-" + s) for s in SPONSOR_SUFFIXES):
        return True
    # "an anti-ISIS raid" (rule events.sides.opponent-modifier): the group opposed, no party
    before = doc[max(0, ent.start - 2): ent.start]
    return len(before) == 2 and before[1].text == "-" and before[0].lower_ in OPPONENT_PREFIXES


def is_parent_modifier(ent: Span) -> bool:
    """ "An al Qaeda splinter group seized control of Mosul": a group named as the parent of an
    offshoot is not the actor (the offshoot is)."""
    doc = ent.doc
    root = ent.root
    following = doc[ent.end] if ent.end < len(doc) else None
    return (root.dep_ in ("compound", "nmod", "amod") and root.head.lemma_.lower() in OFFSHOOT_NOUNS) or (
        following is not None and following.lemma_.lower() in OFFSHOOT_NOUNS)


def is_origin(ent: Span) -> bool:
    """ "fighters from Lebanon": a place of origin inside a noun phrase, not where it happened
    ("reports from Iraq", "areas from Raqqa" locate, they are no origin)."""
    prep = ent.root.head
    if prep.head.lemma_ in REPORT_NOUNS:
        return False
    return (ent.root.dep_ == "pobj" and prep.lower_ in ORIGIN_PREPOSITIONS
            and prep.head.pos_ in ("NOUN", "PROPN") and prep.head.lemma_ not in PLACE_ANAPHORS
            and entity_at(prep.head) is None
            and prep.head.lemma_ not in PART_NOUNS)


def is_heading_source(ent: Span) -> bool:
    """Rule ``events.context.heading-source``: "Over 200 militants killed in strikes on Deir
    ez-Zor: Russia" (Tasnim 2017), "ISIL leader killed by Free Syrian Army in Daraa: US" (AFP
    via Hurriyet 2022), "Coalition airstrike kills two IS extremists ...: Peshmerga Commander"
    (Kurdistan 24 2018): the name after a heading's colon that ends the line, alone or with
    the post of its speaker ([title-nouns]), is who says it, not a participant."""
    doc = ent.doc
    if ent.start == 0 or doc[ent.start - 1].text != ":" or not in_heading(ent[0]) and not in_headline(ent[0]):
        return False
    text = doc.text
    line_end = text.find("\n", ent.end_char)
    rest = text[ent.end_char: len(text) if line_end < 0 else line_end]
    return all(word.lower().rstrip("s") in TITLE_NOUNS for word in rest.split())


def is_affiliation(ent: Span) -> bool:
    """ "Kurdistan Region Prime Minister Masrour Barzani", "the Kirkuk police chief": a place
    in a post or a name of a person is whose it is, not where an event happened."""
    root = ent.root
    holder = root.head
    if root.dep_ not in ("compound", "nmod", "amod") or holder == root:
        return False
    while holder.dep_ == "compound" and holder.head != holder and holder.head.pos_ == "PROPN":
        holder = holder.head  # "Prime Minister Masrour Barzani"
    return holder.ent_type_ == "PERSON" or holder.lemma_.lower() in TITLE_NOUNS
