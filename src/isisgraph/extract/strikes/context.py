"""Context, in document order: what a report lacks (actor, period, countries) it takes from the
report it breaks down, else from the reports and sentences before it.

- A unit's frame: the actors and countries a sentence about strikes names, and the one period
  a sentence without a count gives "the latest strikes" (``frame_of``).
- A following sentence that dates or places an earlier count ("That figure includes strikes in
  both Syria and Iraq from March 10-23") completes it; strike sentences without a count or
  date add their targets to the report they follow, unless they state another strike
  (``elaborate``).
- A located line that names no country is in the country of the report before it in its
  paragraph (``paragraph_countries``).
- A report missing its actor, country or period takes them from the report it breaks down,
  else from the previous report: the actor from the previous strike sentence (a release's
  lead names the strikers for the lines below it); the countries only from a total by the
  same actor whose period does not lie inside mine; the period only from a report by the same
  actor within three sentences — for strikes the text names as others', the release's total
  within ten — else from a sentence about "the latest strikes" (``complete_from_context``)."""

from __future__ import annotations

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.closed_class import ELABORATION_TARGET_PREPOSITIONS, SINGULAR_DETERMINERS
from isisgraph.extract.dates import find_dates
from isisgraph.extract.numbers import find_counts
from isisgraph.extract.shared import tokens_of
from isisgraph.extract.strikes.actors import can_strike, np_actor, np_actors
from isisgraph.extract.strikes.clauses import in_unit, region
from isisgraph.extract.strikes.document import Document, Draft, Frame
from isisgraph.extract.strikes.lexicon import CONDUCT_VERBS, FRAME_VERBS
from isisgraph.extract.strikes.nouns import strike_governor
from isisgraph.extract.strikes.parts import broader
from isisgraph.extract.strikes.periods import when_in
from isisgraph.extract.strikes.places import places
from isisgraph.extract.strikes.targets import add_targets, outcome, target_objects, targets_in
from isisgraph.extract.syntax.counting import count_of
from isisgraph.extract.syntax.factuality import irrealis
from isisgraph.extract.syntax.tree import clause_head, subject
from isisgraph.records import When

ELABORATED = "strikes.context.elaborated"  # "That figure includes strikes ... from March 10-23"
PARAGRAPH_COUNTRY = "strikes.context.paragraph-country"  # "In Syria, ... Four airstrikes near"
ACTOR_FROM_TOTAL = "strikes.context.actor-from-total"
ACTOR_FROM_FRAME = "strikes.context.actor-from-frame"  # "... continued to attack ISIL" (a lead)
ACTOR_FROM_PREVIOUS = "strikes.context.actor-from-previous"
PERIOD_FROM_TOTAL = "strikes.context.period-from-total"
PERIOD_FROM_PREVIOUS = "strikes.context.period-from-previous"
PERIOD_FROM_FRAME = "strikes.context.period-from-frame"  # "the latest strikes, which took place"
COUNTRIES_FROM_TOTAL = "strikes.context.countries-from-total"
COUNTRIES_FROM_SAME_ACTOR = "strikes.context.countries-from-same-actor"
COUNTRIES_FROM_FRAME = "strikes.context.countries-from-frame"

SENTENCES_BACK_FOR_ACTOR = 3
SENTENCES_BACK_FOR_PERIOD = 3
SENTENCES_BACK_FOR_OTHERS = 10  # "the Coalition also observed 41 strikes from other actors"


def frame_of(d: Document, unit: DocSpan, nouns: list[Token], made: list[Draft]) -> Frame:
    """The actors and countries a unit names for strikes (its reports', its strike clauses'),
    and, when it reports none, the period it gives them."""
    frame = Frame()
    for draft in made:
        frame.actors += [a for a in draft.perpetrators if a not in frame.actors]
        frame.countries += [c for c in draft.countries if c not in frame.countries]
    # "U.S. and coalition military forces continued to attack ISIL terrorists": the lead
    # names who strikes in the lines below it
    strike_verbs = [t for t in tokens_of(unit) if t.pos_ == "VERB" and (
        t.lemma_.lower() in d.lex.strike_verbs or t.lemma_.lower() in FRAME_VERBS)]
    frame.reported = bool(made)
    if not made:
        frame.when = frame_period(d, unit, nouns)
    for tok in [*nouns, *strike_verbs]:
        verb = tok if tok.pos_ == "VERB" else strike_governor(tok)
        if verb is None or irrealis(verb):
            continue
        subj = subject(verb)
        striking = tok.pos_ == "VERB" or verb.lemma_.lower() in CONDUCT_VERBS
        if subj is not None and subj.i != tok.i and striking:
            actors, _ = np_actors(subj, d)
            if actors and (tok.pos_ != "VERB" or can_strike(actors[0], d)):
                frame.actors += [a for a in actors if a not in frame.actors]
        countries, _ = places(region(clause_head(verb), unit), d)
        frame.countries += [c for c in countries if c not in frame.countries]
    return frame


def frame_period(d: Document, unit: DocSpan, nouns: list[Token]) -> When | None:
    """'Officials reported details of the latest strikes, which took place between 8 a.m.
    yesterday and 8 a.m. today': the one period a sentence about strikes, without a count,
    gives them — for the counted lines that follow and give none."""
    found: list[When] = []
    for noun in nouns:
        if irrealis(noun) or count_of(noun, find_counts(unit)) is not None:
            continue
        tokens = [t for t in in_unit(noun.subtree, unit) if t.i not in d.dateline]
        if not tokens:
            continue
        lo, hi = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        # a date phrase that starts in the noun's phrase, however the parser hung its end
        found += [w for w in find_dates(unit, d.published) if w.span is not None
                  and lo <= w.span.start < hi and w.start is not None]
    return found[0] if len({(w.start, w.end) for w in found}) == 1 else None


def last_report(d: Document, n: int, back: int) -> Draft | None:
    """The last report found, if it is within ``back`` units before unit ``n``."""
    for draft in reversed(d.drafts):
        if n - draft.unit <= back:
            return draft
        break
    return None


def elaborate(d: Document, n: int, unit: DocSpan, nouns: list[Token]) -> None:
    """A strike sentence without a count completes the report it follows: its period
    ('That figure includes strikes ... from March 10-23'), countries and targets."""
    previous = last_report(d, n, back=2)
    striking = [t for t in tokens_of(unit) if t.pos_ == "VERB" and t.lemma_.lower() in d.lex.strike_verbs]
    if previous is None or not nouns and not striking:
        return
    anchor = nouns[0] if nouns else striking[0]
    if irrealis(anchor):
        return
    if any(c.dep_ in ("det", "nummod") and c.lower_ in SINGULAR_DETERMINERS
           for noun in nouns for c in noun.children):
        return  # "an airstrike northwest of Mosul Dam ...": another strike
    root = next((t for t in tokens_of(unit) if t.dep_ == "ROOT"), anchor)
    tokens = region(root, unit)
    subj = subject(root)
    frame_actor = np_actor(subj, d)[0] if subj is not None else None
    if frame_actor and previous.perpetrators and frame_actor not in previous.perpetrators:
        return
    countries, _ = places(tokens, d)
    if previous.when is None or previous.when_source == "report":
        when = when_in(tokens, anchor, d)
        if when is not None:
            previous.when, previous.when_source = when, "context"
            previous.step(ELABORATED)
    if not previous.countries and countries:
        previous.countries, previous.country_source = countries, "context"
        previous.step(ELABORATED)
    elif countries and not set(countries) <= set(previous.countries):
        return  # another country: not about that report
    before = len(previous.targets)
    hits = [t for t in tokens_of(unit)
            if t.pos_ == "VERB" and outcome(t, d) is not None and not irrealis(t)]
    for verb in hits:
        result = outcome(verb, d) or "struck"
        for obj in target_objects(verb):
            add_targets(previous, targets_in(obj, result, d))
    for noun in nouns:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ELABORATION_TARGET_PREPOSITIONS:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        add_targets(previous, targets_in(obj, "struck", d))
    if len(previous.targets) > before:
        previous.step(ELABORATED)


def paragraph_countries(d: Document, draft: Draft) -> None:
    """'In Syria, two airstrikes north of Raqqa ... Four airstrikes near the border ...': a
    report that names no country is in the country of the report before it in the same
    paragraph (by the same actor, or with none named)."""
    located = draft.locations or draft.unnamed_place or draft.needs_parent
    if draft.countries or draft.actor_source == "blocked" or not located:
        return  # a total without a place is not a line of the paragraph's report
    for earlier in reversed(d.drafts):
        if earlier.paragraph != draft.paragraph:
            return
        if earlier.countries and earlier.actor_source != "blocked" and (
            not draft.perpetrators or not earlier.perpetrators
            or set(draft.perpetrators) & set(earlier.perpetrators)
        ):
            draft.countries, draft.country_source = list(earlier.countries), "context"
            draft.step(PARAGRAPH_COUNTRY)
            return


def complete_from_context(d: Document) -> None:
    """Each report's missing actor, period and countries, from its total or the text before."""
    for i, draft in enumerate(d.drafts):
        earlier = d.drafts[:i]
        if not draft.perpetrators and draft.actor_source != "blocked":
            _actor(d, draft, earlier)
        if draft.when is None or draft.when_source == "report":
            _period(d, draft, earlier)
        if not draft.countries:
            _countries(d, draft, earlier)


def _actor(d: Document, draft: Draft, earlier: list[Draft]) -> None:
    """The total's actor; else a frame's within three units (a lead names the strikers: "U.S.
    and coalition military forces continued to attack"; a unit of reports, its first
    report's); else the actor of the report just before (a release's later lines)."""
    parent = draft.parent
    if parent is not None and parent.perpetrators:
        draft.perpetrators, draft.actor_source = list(parent.perpetrators), "inferred"
        draft.step(ACTOR_FROM_TOTAL)
        return
    for back in range(0, SENTENCES_BACK_FOR_ACTOR + 1):
        frame = d.frames.get(draft.unit - back)
        if frame is not None and frame.actors:
            lead = frame.actors if not frame.reported else frame.actors[:1]
            draft.perpetrators, draft.actor_source = list(lead), "inferred"
            draft.step(ACTOR_FROM_FRAME)
            return
    prior = next((e for e in reversed(earlier) if e.perpetrators and
                  draft.unit - e.unit <= SENTENCES_BACK_FOR_ACTOR * 2), None)
    if prior is not None and prior.actor_source != "blocked":
        draft.perpetrators = list(prior.perpetrators)
        draft.actor_source = "inferred"
        draft.step(ACTOR_FROM_PREVIOUS)


def _period(d: Document, draft: Draft, earlier: list[Draft]) -> None:
    """The total's period; else, for a counted report, that of a report by the same actor
    within three units (others' strikes: the release's total within ten; when the text names
    no actor, any report), else a frame's period."""
    parent = draft.parent
    if parent is not None and parent.when is not None:
        draft.when, draft.when_source = parent.when, "context"
        draft.step(PERIOD_FROM_TOTAL)
        return
    if not draft.counted:
        return
    mine = set(draft.perpetrators)
    others = draft.actor_source == "blocked"  # others' strikes counted by a release
    reach = SENTENCES_BACK_FOR_OTHERS if others else SENTENCES_BACK_FOR_PERIOD
    prior = next((e for e in reversed(earlier) if e.when is not None
                  and draft.unit - e.unit <= reach
                  and (not others or e.parent is None)
                  and (not mine or mine & set(e.perpetrators))), None)
    if prior is not None:
        draft.when, draft.when_source = prior.when, "context"
        draft.step(PERIOD_FROM_PREVIOUS)
        return
    when = frame_when(d, draft)
    if when is not None:
        draft.when, draft.when_source = when, "context"
        draft.step(PERIOD_FROM_FRAME)


def _countries(d: Document, draft: Draft, earlier: list[Draft]) -> None:
    """The total's countries; else those of the last counted total by the same actor whose
    period my period does not contain (for a dated report, any earlier report by the same
    actor) — with its sentence's sibling totals; else a frame's by the same actor."""
    parent = draft.parent
    if parent is not None and parent.countries:
        draft.countries, draft.country_source = list(parent.countries), "context"
        draft.step(COUNTRIES_FROM_TOTAL)
        return
    if not draft.perpetrators:
        return
    mine = set(draft.perpetrators)
    same_actor = next((e for e in reversed(earlier)
                       if e.countries and e.parent is None
                       and mine & set(e.perpetrators) and e.counted
                       and not broader(draft.when, e.when)), None)
    if not draft.counted:
        same_actor = next((e for e in reversed(earlier) if e.countries
                           and set(e.perpetrators) & set(draft.perpetrators)), None)
    if same_actor is not None:
        # "27 strikes in Iraq and 15 in Syria in August. In July, ... 61 strikes": the scope
        # of the sentence, not of its last count
        siblings = [e for e in earlier if e.unit == same_actor.unit
                    and e.parent is None and e.countries and e.counted
                    and mine & set(e.perpetrators)]
        draft.countries = list(dict.fromkeys(c for e in siblings or [same_actor] for c in e.countries))
        draft.country_source = "context"
        draft.step(COUNTRIES_FROM_SAME_ACTOR)
        return
    for back in range(1, SENTENCES_BACK_FOR_ACTOR + 1):
        frame = d.frames.get(draft.unit - back)
        if frame is not None and frame.countries and set(frame.actors) & mine:
            draft.countries = list(frame.countries)
            draft.country_source = "context"
            draft.step(COUNTRIES_FROM_FRAME)
            return


def frame_when(d: Document, draft: Draft) -> When | None:
    """The period a sentence about the strikes gave, a few sentences up, with no report
    in between (a report's own period would be nearer)."""
    for back in range(1, SENTENCES_BACK_FOR_PERIOD + 1):
        frame = d.frames.get(draft.unit - back)
        if frame is None:
            continue
        if frame.when is not None and (not frame.actors or not draft.perpetrators
                                       or set(frame.actors) & set(draft.perpetrators)):
            return frame.when
    return None
