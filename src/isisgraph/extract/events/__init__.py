"""Events: control changes, attacks, killings, arrests, surrenders, clashes and launches of
operations, each with its participants in their roles, its place, date and counts, and the
clause that reports it as evidence.

The readers, in the order they run (rule ids in brackets; the record's ``ig:extractor`` is the
id of the rule that found it, then ``+step`` for each later step that changed it):

1. ``triggers`` [events.triggers]: the words of ``ontology/lexicon-events.ttl`` found in the
   Doc; each names its event class and its frame.
2. ``filters.means_of_harm`` [events.filters.means-of-harm]: plural attack nouns under a
   killing are its means, not events; ``filters.modifiers`` [events.filters.modifier]: a
   trigger noun modifying another noun ("attack aircraft", "fighting positions") is none;
   nor is an attack noun a launch launches [events.filters.launched], nor an event noun put
   in the future ("the eventual liberation") [events.filters.unrealised].
3. Per trigger (``read_trigger``): the shared factuality (``syntax.factuality``: negated,
   modal, conditional, intended, iterative, habitual triggers are no event; reported speech
   and purpose clauses lower the confidence), then the frame's reader fills the roles from
   the ``context`` (linked entities, "the group", "it", "the city"), and ``sides`` says who
   a side stands for [+events.sides.armed-forces, +events.sides.member-of]:
   ``control`` [events.conquering, +events.conquering.place-left-open,
   +events.conquering.place-of-the-assault, events.conquering.stranded-agent,
   +events.conquering.campaign-under-way (a Clash),
   events.losing-control, events.falling, events.victory, events.arrest.captured-people],
   ``land`` (where land taken or left lies when the clause names no place:
   +events.conquering.land-placed-around, +events.losing-control.withdrawal),
   ``attacks`` [events.attack, events.explosive-device,
   events.hostile-encounter (not a participle describing fighters:
   events.hostile-encounter.description)], ``people`` [events.killing, events.dying, events.arrest,
   events.surrendering], ``launch`` [events.launch]; ``dates`` adds the date
   [events.dates.clause, .relative-day, .since]; ``filters`` drop generic nouns and definite
   nouns that refer back [events.filters.generic-noun, .anaphoric-mention]; ``places`` adds
   the place [events.places.clause, +events.places.previous-sentences]; attacks with no
   anchor are dropped [events.filters.unanchored-attack]; ``counts`` adds the toll
   [events.counts.casualties].
4. ``responsibility``: claimants become perpetrators [+events.responsibility.named,
   +events.responsibility.latest, +events.responsibility.anaphor].
5. ``dates.carry_parallel_dates`` [+events.dates.parallel].
6. ``merge``: one event per sentence [+events.merge.sentence; a killing in fighting of
   fewer than two named sides is a Killing, +events.merge.killing-in-fighting], one control change per place
   (``split_places``), an unplaced undated lead with the definite report that places it
   [+events.merge.lead], one event per article [+events.merge.article], headlines and
   continuations [+events.merge.headline, +events.merge.continuation], outcomes of no date
   or place of their own: another report or the toll of the event told before, or an event
   of their own with its date and place, not a tally [+events.merge.episode].
7. ``filters``: background control changes, tallies and country-wide summaries are dropped
   [events.filters.background, events.filters.tally, events.filters.country-wide,
   events.filters.running-tally]; ``output`` makes the records, with
   their ``confidence`` [events.confidence].
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from isisgraph.extract.events.attacks import (
    MILITANT_ONLY,
    militant_aim,
    read_attack,
    read_explosive_device,
    read_hostile_encounter,
    read_strike,
)
from isisgraph.extract.events.candidate import ATTACK_KINDS, Candidate
from isisgraph.extract.events.context import Context
from isisgraph.extract.events.continuation import EPISODE, merge_continuations, merge_episodes
from isisgraph.extract.events.control import (
    HOLDING,
    as_campaign,
    campaign_under_way,
    held_since,
    read_conquering,
    read_falling,
    read_holding,
    read_losing_control,
    read_victory,
)
from isisgraph.extract.events.counts import casualties
from isisgraph.extract.events.dates import assign_date, carry_parallel_dates, report_days
from isisgraph.extract.events.entities import forget
from isisgraph.extract.events.filters import (
    anaphoric_mention,
    day_mention,
    generic_noun,
    group_defeat,
    is_aim,
    is_background,
    is_circumstance,
    is_country_wide,
    is_running_tally,
    is_subordinate,
    is_tally,
    is_unanchored,
    launched,
    means_of_harm,
    modifiers,
    sweep,
    unrealised,
)
from isisgraph.extract.events.launch import read_launch
from isisgraph.extract.events.merge import merge_across_article, merge_leads, merge_within_sentences, split_places
from isisgraph.extract.events.output import to_event
from isisgraph.extract.events.people import read_arrest, read_dying, read_killing, read_surrendering
from isisgraph.extract.events.places import anaphor_places, assign_places, locate_anaphors
from isisgraph.extract.events.responsibility import credit_anaphors, credit_claims, read_responsibility
from isisgraph.extract.events.sides import add_companions, normalise_sides
from isisgraph.extract.events.triggers import (
    Trigger,
    TriggerWord,
    find_triggers,
    label_words,
    lexicon_for,
    trigger_words,
)
from isisgraph.extract.shared import text_of
from isisgraph.extract.syntax.factuality import factuality
from isisgraph.records import Article, Event
from isisgraph.reference import Reference

__all__ = ["READERS", "Trigger", "TriggerWord", "extract_events", "find_triggers", "label_words",
           "lexicon_for", "read_trigger", "trigger_words"]

Reader = Callable[[Trigger, Context], Candidate | None]

# The reader of each frame of the trigger lexicon (its skos:broader, without "frame-").
READERS: dict[str, Reader] = {
    "conquering": read_conquering,
    "losing-control": read_losing_control,
    "falling": read_falling,
    "victory": read_victory,
    "holding": read_holding,
    "attack": read_attack,
    "explosive-device": read_explosive_device,
    "killing": read_killing,
    "dying": read_dying,
    "arrest": read_arrest,
    "surrendering": read_surrendering,
    "hostile-encounter": read_hostile_encounter,
    "launch": read_launch,
    "responsibility": read_responsibility,
    "strike": read_strike,
}
# Frames whose noun triggers are read even when plural or definite ("the fall of Raqqa").
CONTROL_FRAMES = ("conquering", "losing-control", "falling", "victory", "holding")


def extract_events(doc: Doc, article: Article, ref: Reference) -> list[Event]:
    """Every event reported as fact in ``doc`` (the parsed ``article.text``), as ``Event``
    records with roles, places, dates, counts, evidence span and confidence."""
    forget(doc)  # the entities may have changed since a previous call
    ctx = Context(doc=doc, article=article, ref=ref)
    triggers = find_triggers(doc, lexicon_for(doc.vocab, ref))
    ctx.trigger_heads = frozenset(t.head.i for t in triggers)
    # a holding ("held", "under ISIS control") is an event only since a time: the others are
    # states, not triggers (``control.read_holding``)
    kept = [t for t in triggers if (t.word.concept not in MILITANT_ONLY or militant_aim(t, ctx))
            and (t.word.frame != "holding" or held_since(t))]
    if len(kept) < len(triggers):
        triggers = kept
        ctx.trigger_heads = frozenset(t.head.i for t in triggers)
    ctx.fight_heads = frozenset(t.head.i for t in triggers if t.word.frame == "hostile-encounter")
    launches = {t.head.i for t in triggers if t.word.frame == "launch" and not t.is_noun}
    means = means_of_harm(triggers) | modifiers(triggers) | {
        t.head.i for t in triggers if launched(t, launches) or unrealised(t)}
    cands = [cand for trigger in triggers if trigger.head.i not in means
             and (cand := read_trigger(trigger, ctx)) is not None]
    credit_claims(triggers, cands, ctx)
    credit_anaphors(cands, ctx)
    locate_anaphors(cands, ctx)
    carry_parallel_dates(cands)
    merge_within_sentences(cands, ctx)
    split: list[Candidate] = []
    for cand in cands:
        if cand.dropped or (cand.kind == "ControlChange" and not cand.locations):
            continue  # a victory of no place that completed no change of its sentence
        # a place held since a time is one state of the places it names ("the towns of A, B
        # and C have been under ISIS control since 2014"), not a taking of each
        split.extend(split_places(cand, ctx) if cand.kind == "ControlChange" and cand.rule != HOLDING
                     else [cand])
    merge_leads(split, ctx)
    report_days(split, ctx)
    merge_across_article(split, ctx)
    merge_continuations(split, ctx)
    merge_episodes(split, ctx)
    reports = _merged_reports([*cands, *split])
    events = []
    keys: set[str] = set()
    for cand in sorted((c for c in split if not c.dropped), key=lambda c: c.trigger.head.i):
        tally = is_tally(cand) and EPISODE not in cand.steps
        if is_background(cand) or is_circumstance(cand) or tally or is_country_wide(cand, ref, ctx.published) \
                or is_running_tally(cand, text_of(doc), ctx.published):
            continue
        event = to_event(cand, ctx, keys, reports.get(id(cand), []))
        if event is not None:
            events.append(event)
    return events


def _merged_reports(cands: list[Candidate]) -> dict[int, list[Candidate]]:
    """The reports folded into each kept candidate (by its id), through chains of merges."""
    out: dict[int, list[Candidate]] = {}
    seen: set[int] = set()
    for cand in cands:
        if id(cand) in seen or not cand.dropped or cand.merged_into is None:
            continue
        seen.add(id(cand))
        kept = cand.merged_into
        hops = 0
        while kept.dropped and kept.merged_into is not None and hops < len(cands):
            kept, hops = kept.merged_into, hops + 1
        out.setdefault(id(kept), []).append(cand)
    return out


def read_trigger(trigger: Trigger, ctx: Context) -> Candidate | None:
    """The candidate event of one trigger: factual, read by its frame's reader, dated, not
    generic nor a mention of an event already reported, placed, anchored, with its toll."""
    reader = READERS.get(trigger.word.frame)
    if reader is None:
        return None
    fact = factuality(trigger.head)
    campaign = trigger.word.frame == "conquering" and fact.blocked in (None, "intention") \
        and campaign_under_way(trigger)
    if (fact.blocked and not campaign) or group_defeat(trigger, ctx.ref) or sweep(trigger):
        return None
    cand = reader(trigger, ctx)
    if cand is None:
        return None
    if campaign and cand.kind == "ControlChange":
        as_campaign(cand)
    add_companions(cand, ctx)
    normalise_sides(cand, ctx.ref)
    cand.fact = fact
    assign_date(cand, ctx)
    has_date = cand.when is not None and cand.when.start is not None
    if is_aim(trigger, fact.purpose, has_date) and cand.kind == "ControlChange":
        return None
    if trigger.is_noun and trigger.word.frame not in CONTROL_FRAMES:
        if generic_noun(trigger, has_date) is not None:
            return None
        if trigger.word.frame != "launch" and (anaphoric_mention(trigger) or day_mention(trigger)):
            if cand.perpetrators and cand.kind in ATTACK_KINDS:
                ctx.credits.append((trigger.head, list(cand.perpetrators)))
            if cand.kind in ATTACK_KINDS and (places := anaphor_places(trigger.head, ctx)):
                ctx.located.append((trigger.head, places))
            return None
    assign_places(cand, ctx)
    if is_unanchored(cand, has_date):
        return None
    if cand.locations and not cand.places_inherited:
        ctx.placed.append((trigger.head.i, [(iri, ents[0]) for iri in cand.locations
                                            if (ents := cand.location_spans(iri))]))
    if cand.kind in ATTACK_KINDS or cand.kind == "Killing":
        casualties(cand)
    cand.subordinate = is_subordinate(trigger)
    return cand
