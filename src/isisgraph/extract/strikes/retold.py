"""A strike told again: a strike without a number, told by verb or mission (``dated``,
``missions``), that retells a strike the article reported in the sentence before folds into
that report rather than counting again (the guideline: reports are counted per mention, and a
sentence that elaborates the same strike is folded in).

Dev: VRT 2014 ('The Belgian Air force planes hit positions ... on Sunday' right after their
'first bombing raids'), SBS 2017 (the release's 'The Australian aircraft struck one Daesh
fighting position' right after its Hornets 'supported Iraqi forces ... in Mosul'). A retelling
further on, or one with aircraft of its own, is left counted: the gold counts attributed
accounts told later as mentions of their own (BBC 2015, AAP 2014, French MoD 2020)."""

from __future__ import annotations

from isisgraph.closed_class import DEFINITE_DETERMINERS, SUBJECT_PRONOUNS
from isisgraph.extract.shared import tokens_of
from isisgraph.extract.strikes.document import Document, Draft
from isisgraph.extract.strikes.lexicon import NEW_STRIKE_MARKERS
from isisgraph.extract.strikes.targets import add_targets
from isisgraph.extract.syntax.tree import subject

RETOLD = "strikes.retold.folded"  # the step of the report a retelling folded into
BACK = 1  # a retelling is the very next sentence (a later one is a mention of its own)


def retells_report(d: Document, n: int, draft: Draft) -> bool:
    """Whether ``draft`` (of unit ``n``) retells a strike reported just before: a strike
    without a number (not a headline's, not one force's part of another's), by the same force
    or a force left open, in the same or no place, in the same or a nearer period, with no word
    that it is another ('also', 'another', 'further'), its aircraft taken up by a pronoun or a
    definite phrase, in the very next sentence. What it adds (its targets, its period
    or place when the report had none) goes to the report it retells."""
    if draft.counted or draft.joined or draft.strike_count not in (None, 1):
        return False
    if d.in_title(draft.anchor) or _marked_new(d, n):
        return False
    for earlier in reversed(d.drafts):
        if n - earlier.unit > BACK:
            return False
        if earlier.unit == n or not _retold(d, n, draft, earlier):
            continue
        add_targets(earlier, draft.targets)
        earlier.target_actors += [a for a in draft.target_actors
                                  if a not in earlier.target_actors]
        if earlier.when is None and draft.when is not None:
            earlier.when, earlier.when_source = draft.when, "context"
        if not earlier.locations and draft.locations:
            earlier.locations = list(draft.locations)
        if not earlier.countries and draft.countries:
            earlier.countries, earlier.country_source = list(draft.countries), "context"
        earlier.step(RETOLD)
        return True
    return False


def _retold(d: Document, n: int, draft: Draft, earlier: Draft) -> bool:
    """Whether ``earlier`` is a strike that ``draft`` may tell again."""
    if not earlier.told or earlier.joined or d.in_title(earlier.anchor):
        return False
    if earlier.strike_count not in (None, 1):
        return False
    if draft.perpetrators and not set(draft.perpetrators) & set(earlier.perpetrators):
        return False
    if draft.countries and earlier.countries and not set(draft.countries) <= set(earlier.countries):
        return False
    if draft.locations and not set(draft.locations) <= set(earlier.locations):
        # a place the report lacked: only the very next sentence of its paragraph details it
        adjacent = n - earlier.unit == 1 and d.paragraph_of[n] == earlier.paragraph
        if earlier.locations or not adjacent:
            return False
    if not _within(draft, earlier):
        return False
    # told as the same: its aircraft taken up ('They', 'The Belgian planes'); a new account
    # with aircraft or a force of its own ('Two Tornado jets destroyed a vehicle', 'the Air
    # Task Group attacked its first target, the ADF said') is a mention of its own
    return _anaphoric(d, draft)


def _anaphoric(d: Document, draft: Draft) -> bool:
    subj = subject(draft.anchor) if draft.anchor.pos_ in ("VERB", "AUX") else None
    if subj is None or subj.i in d.ent_of and d.ent_of[subj.i].label_ == "ACTOR":
        return False
    return subj.lower_ in SUBJECT_PRONOUNS or any(
        c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in subj.children)


def _within(draft: Draft, earlier: Draft) -> bool:
    """The same or a nearer period (either left open)."""
    if draft.when is None or earlier.when is None:
        return True
    inner, outer = draft.when, earlier.when
    if None in (inner.start, inner.end, outer.start, outer.end):
        return True
    return outer.start <= inner.start and inner.end <= outer.end


def _marked_new(d: Document, n: int) -> bool:
    """'also', 'another', 'further': the sentence tells a strike besides the one before."""
    return any(t.lower_ in NEW_STRIKE_MARKERS for t in tokens_of(d.units[n]))
