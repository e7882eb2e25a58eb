"""Breakdowns of the previous count by anaphora: "one of them was ... near X", "12 of the raids
targeted X", "the other five were near Y", "All but one were in the area around Z" (N-1). They
need a place and are parts of the count they take up (within two units before them)."""

from __future__ import annotations

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.closed_class import PARTITIVE_PRONOUNS
from isisgraph.extract.numbers import CountMatch
from isisgraph.extract.shared import tokens_of
from isisgraph.extract.strikes.clauses import in_unit, region
from isisgraph.extract.strikes.document import Document, Draft
from isisgraph.extract.strikes.lexicon import REMAINDER_WORDS, VAGUE_PARTITIVES
from isisgraph.extract.strikes.nouns import strike_noun
from isisgraph.extract.strikes.periods import when_in
from isisgraph.extract.strikes.places import places
from isisgraph.extract.strikes.targets import apply_hits
from isisgraph.extract.syntax.factuality import irrealis
from isisgraph.records import Span

ALL_BUT = "strikes.partitive.all-but-one"  # "All but one were in the area around Hawija" -> N-1
# "one of them was near Al-Asad", "34 of the raids", "Of those air strikes, 51 have been ..."
OF_THEM = "strikes.partitive.of-them"
THE_OTHER = "strikes.partitive.the-other"  # "the other five were near Hawija"
MOST_OF_THEM = "strikes.partitive.most-of-them"  # step: "most of them in or around Deir Ezzour"


def last_count_report(d: Document, n: int, back: int) -> Draft | None:
    """The last counted report within ``back`` units before unit ``n`` that is no breakdown."""
    for draft in reversed(d.drafts):
        if n - draft.unit > back:
            return None
        if draft.counted and draft.strike_count is not None and not draft.explicit_parent:
            return draft
    return None


def partitive_reports(d: Document, n: int, unit: DocSpan, counts: list[CountMatch]) -> list[Draft]:
    """'one of them was near X', 'the other five were near Y', 'All but one were near Z':
    breakdowns of the previous count, by place; and 'most of them in X' places the count."""
    parent = last_count_report(d, n, back=2)
    out: list[Draft] = []
    if parent is None:
        return out
    for tok in tokens_of(unit):
        is_all = tok.lower_ == "all" and tok.dep_ in ("nsubj", "nsubjpass")
        found = _all_but(tok, parent, counts) if is_all else _numbered(tok, counts, d)
        if found is None:
            continue
        value, head, rule = found
        draft = _placed_part(d, n, unit, value, head, parent)
        if draft is not None:
            draft.rule = rule
            out.append(draft)
    most_of_them(d, unit, parent)
    return out


def _all_but(tok: Token, parent: Draft, counts: list[CountMatch]) -> tuple[int, Token, str] | None:
    """'All but one were ...' (``tok`` the subject 'all'): the parent's exact count less the
    number after 'but'."""
    but = next((c for c in tok.children if c.lower_ == "but"), None)
    number = next((g for c in tok.children for g in c.children if g.like_num), None)
    if but is not None and number is None:
        number = next((c for c in tok.children if c.like_num), None)
    if number is None:
        number = next((t for t in tok.doc[tok.i + 1: tok.i + 4] if t.like_num), None)
    exact = parent.strike_count is not None and parent.qualifier == "exact"
    if number is not None and exact and parent.strike_count is not None:
        found = [c for c in counts if c.span.start <= number.i < c.span.end]
        if found:
            return parent.strike_count - int(found[0].value), tok, ALL_BUT
    return None


def _numbered(tok: Token, counts: list[CountMatch], d: Document) -> tuple[int, Token, str] | None:
    """'one of them', '12 of the raids', 'the other five': a number subject that takes up the
    set counted before."""
    if not (tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "NUM"):
        return None
    # "one of them was ...", and fronted: "Of those air strikes, 51 have been in support of ..."
    fronted = [p for p in tok.head.children if p.i < tok.i and p.dep_ == "prep"]
    of_them = any(p.lower_ == "of" and any(
        g.lower_ in PARTITIVE_PRONOUNS or strike_noun(g, d) for g in p.children)
        for p in [*tok.children, *fronted])
    other = any(c.lower_ in REMAINDER_WORDS for c in tok.children)
    if of_them or other:
        found = [c for c in counts if c.span.start <= tok.i < c.span.end]
        if found:
            return int(found[0].value), tok, OF_THEM if of_them else THE_OTHER
    return None


def _placed_part(d: Document, n: int, unit: DocSpan, value: int, head: Token,
                 parent: Draft) -> Draft | None:
    """The part of ``parent`` a partitive subject states, placed (and dated) by its own clause,
    with what it hit ("34 of the raids targeted ..., killing 19"); None without a place."""
    if value < 0:
        return None
    verb = head.head
    if irrealis(verb):
        return None
    cut = [c for c in verb.children if c.dep_ in ("advcl", "conj") and c.pos_ in ("VERB", "AUX")]
    tokens = region(verb, unit, cut)
    countries, locations = places(tokens, d)
    if not locations:
        return None
    draft = Draft(unit=n, anchor=head, span=Span(head.idx, head.idx + len(head.text)))
    draft.strike_count = value
    draft.countries, draft.locations = countries, locations
    draft.country_source = "clause" if countries else ""
    draft.parent, draft.explicit_parent = parent, True
    when = when_in(tokens, head, d)
    if when is not None:
        draft.when, draft.when_source = when, "clause"
    apply_hits(draft, [verb], d)
    return draft


def most_of_them(d: Document, unit: DocSpan, parent: Draft) -> None:
    """'most of them in or around Deir Ezzour': a place for the count taken up, not a part."""
    for tok in tokens_of(unit):
        if tok.lower_ in VAGUE_PARTITIVES and any(
            p.lower_ == "of" and any(g.lower_ in PARTITIVE_PRONOUNS for g in p.children)
            for p in tok.children
        ):
            # "most of them in or around Deir Ezzour", "most of them were near Mosul"
            clause = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else tok
            tokens = region(clause, unit) if clause is not tok else in_unit(tok.subtree, unit)
            _, locations = places(tokens, d)
            parent.partly_placed = True
            added = [loc for loc in locations if loc not in parent.locations]
            if added:
                parent.locations += added
                parent.step(MOST_OF_THEM)
