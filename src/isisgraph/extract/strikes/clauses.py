"""The clause a report is read from: the tokens whose places and dates belong to the strikes,
without relative clauses, comparisons, attributions, 'the border with X' and clauses dating
another event; and the evidence span cut from them: the clause stating the report, or the
whole unit when it states one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.closed_class import ATTRIBUTION_WORDS, TEMPORAL_MARKS
from isisgraph.extract.shared import tokens_of
from isisgraph.extract.strikes.lexicon import (
    BORDER_NOUNS,
    COMPARISON_WORDS,
    DESCRIBING_PARTICIPLES,
    DESCRIBING_VBN,
)
from isisgraph.extract.syntax.tree import clause_head
from isisgraph.extract.syntax.units import without_dateline
from isisgraph.records import Span

if TYPE_CHECKING:
    from isisgraph.extract.strikes.document import Draft


def in_unit(tokens: Iterable[Token], unit: DocSpan) -> list[Token]:
    return [t for t in tokens if unit.start <= t.i < unit.end]


def excluded(tok: Token, root: Token) -> bool:
    """Whether a token sits in a part of the clause that says nothing about the strike: a
    relative clause ("Hawija, which was liberated in September"), a comparison ("three times
    as many as in March"), an attribution, 'the border with X', or a clause dating another
    event ("after the city fell in June")."""
    if _after_border_noun(tok):
        return True
    for anc in [tok, *tok.ancestors]:
        if anc == root:
            return False
        if anc.dep_ in ("relcl", "acl") and anc.pos_ in ("VERB", "AUX") and not is_strike_acl(anc):
            return True
        if anc.lower_ in ("than",) or (anc.lower_ == "as" and anc.dep_ in ("prep", "mark")):
            return True
        # "dropped 11 times more bombs ... than they had in the busiest year of action in
        # Afghanistan": a clause of comparison whose 'than' the parser hangs on its verb
        if anc.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "than"
                                       for c in anc.children):
            return True
        if anc.lemma_.lower() in COMPARISON_WORDS:
            return True
        if anc.lemma_.lower() in BORDER_NOUNS and tok != anc:
            return True
        if anc.lower_ in ATTRIBUTION_WORDS:
            return True
        if anc.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS
                                       for c in anc.children):
            return True  # "after the city fell in June": the date of another event
    return False


def _after_border_noun(tok: Token) -> bool:
    """'... Main Stronghold at Border with Iraq': a name right after 'border with' or 'border
    of', whatever the parser hung it on (a title's parse often does not put it under 'Border')."""
    doc = tok.doc
    start = tok.i  # the first word of the name the token is in
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return start >= 2 and doc[start - 1].lower_ in ("with", "of") and (
        doc[start - 2].lemma_.lower() in BORDER_NOUNS or doc[start - 2].lower_ in BORDER_NOUNS)


def is_strike_acl(verb: Token) -> bool:
    """'strikes consisting of ...', 'a strike killing five', 'no strikes reported in Iraq on
    Oct. 2', 'strikes conducted near Hajin': participles that describe the strike itself (its
    place and day), not another event."""
    lemma = verb.lemma_.lower()
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and lemma in DESCRIBING_VBN:
        return True
    return verb.tag_ in ("VBG",) or lemma in DESCRIBING_PARTICIPLES


def region(root: Token, unit: DocSpan, cut: Iterable[Token] = ()) -> list[Token]:
    """The tokens of a clause: the root's subtree within the unit, minus the subtrees of
    ``cut`` (other reports' clauses) and minus excluded parts."""
    cut_ids: set[int] = set()
    for c in cut:
        if c != root and not any(a == c for a in root.ancestors):
            cut_ids.update(t.i for t in c.subtree)
    whole = root.dep_ == "ROOT" or root.head == root
    tokens = list(unit) if whole else in_unit(root.subtree, unit)
    return [t for t in tokens if t.i not in cut_ids and not excluded(t, root)]


def own_region(verb: Token, unit: DocSpan) -> list[Token]:
    """A verb's own arguments and adjuncts, without its coordinated verbs' clauses nor an
    adverbial clause with a subject of its own ("Typhoons struck a building in Raqqa whilst
    Tornados hit two firing points in Mosul": Mosul is the Tornados')."""
    own = [c for c in verb.children if not (c.dep_ == "conj" and c.pos_ == "VERB") and not (
        c.dep_ == "advcl" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children))]
    return [t for c in own for t in in_unit(c.subtree, unit) if not excluded(t, verb)]


def trim(tokens: list[Token]) -> list[Token]:
    """Drop conjunctions, markers and punctuation at the edges of an evidence clause."""
    edge = ("cc", "mark", "punct", "prep")
    while tokens and (tokens[-1].dep_ in edge and tokens[-1].text not in (")", "\u201d", '"')
                      or tokens[-1].is_space):
        tokens = tokens[:-1]
    while tokens and (tokens[0].dep_ in ("cc", "mark", "punct")
                      and tokens[0].text not in ("(", "\u201c", '"') or tokens[0].is_space):
        tokens = tokens[1:]
    return tokens


def span_of(tokens: list[Token]) -> Span | None:
    """The character span from the first word to the last (closing quotes and brackets kept)."""
    closing = (")", "\u201d", '"')
    words = [t for t in tokens if not t.is_space and not (t.is_punct and t.text not in closing)]
    if not words:
        return None
    start = min(t.idx for t in words)
    end = max(t.idx + len(t.text) for t in words)
    return Span(start, end) if end > start else None


def evidence_span(draft: Draft, unit: DocSpan, made: list[Draft]) -> None:
    """The evidence of a report: its own phrase (an included or elliptical count), the whole
    unit when it states one report, else the clause stating it without the other reports'
    clauses (and with its date, wherever the parser hung it); never the dateline (rule
    ``units.evidence-dateline``)."""
    # one force's share of strikes told for several (sides.each_force) keeps their evidence
    others = [m.anchor for m in made if m is not draft and m.anchor != draft.anchor]
    anchor = draft.anchor
    if draft.own_tokens is not None:
        tokens = list(draft.own_tokens)
    elif draft.span_root is not None:
        tokens = in_unit(draft.span_root.subtree, unit)
    elif not others:
        tokens = list(unit)
    else:
        root = clause_head(anchor)
        cut = [clause_head(o) for o in others if clause_head(o) != root]
        cut += [o for o in others if clause_head(o) == root and o.pos_ == "NUM"]
        cut += [c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB"
                and any(c.i in range(o.i, o.i + 1) or c == clause_head(o) for o in others)]
        tokens = [t for t in region(root, unit, cut)]
        if draft.when is not None and draft.when.span is not None:
            tokens += [t for t in tokens_of(unit) if draft.when.span.start <= t.idx < draft.when.span.end]
    tokens = without_dateline(tokens)
    span = span_of(trim(sorted(set(tokens), key=lambda t: t.i)))
    if span is not None:
        draft.span = span
