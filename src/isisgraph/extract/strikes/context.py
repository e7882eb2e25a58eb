"""Context: what a report lacks (actor, period, countries) it takes from the report it breaks
down, from the reports and sentences before it, from the report after it when it announces
that report (a headline, a lead), from the lead, and last, for a strike told, from the
publication date. Each step is a rule id in the report's ``ig:extractor``.

- A unit's frame: the actors and countries a sentence about strikes names, and the one period
  a sentence without a count gives "the latest strikes" (``frame_of``).
- A following sentence that dates or places an earlier count ("That figure includes strikes in
  both Syria and Iraq from March 10-23") completes it; strike sentences without a count or
  date add their targets to the report they follow, unless they state another strike
  (``elaborate``); strikes without a number or a date right after the same force's count are
  that count told again (``retells_total``; seed 001).
- A located line that names no country is in the country of the report before it in its
  paragraph (``paragraph_countries``).
- A report missing its actor, country or period takes them from the report it breaks down,
  else from the previous report: the actor from the previous strike sentence (a release's
  lead names the strikers for the lines below it); the countries only from a total by the
  same actor whose period does not lie inside mine (or a frame of the same actor, up to 20
  units back, whose reports are not of a shorter time); the period only from a report by the
  same actor within three sentences — for strikes the text names as others', the release's
  total within ten — else from a sentence about "the latest strikes"
  (``complete_from_context``). A strike told without a number or date takes the period of
  the same force's report just before (rudaw Hamrin), else of the mission the sentence before
  tells (``_narrative_step``; the RAF update of 7 December 2015, later set).
- Then, from the end back: a strike told without a number and missing a field takes it from
  the next report by the same force within five units, which tells again what a headline or
  a lead announces (``_from_following``; dev: 964media Hamrin, Defense Post Rafale, Mirage
  Australia, Rudaw Hamrin, Tasnim Deir ez-Zor, Forces News RAF; a lead's countries are those
  of the reports of its day: the CJTF-OIR daily release of 6 March 2017); a headline that
  gives a toll, from the body's report of the same toll (Kurdistan 24 2018).
- A report still without a country takes the lead's (``lead.lead_countries_of``; dev: Operation
  Roundup, Airwars, BBC Manbij, Fars Albu Kamal).
- A strike told and still undated is dated by the publication, approximate, as ACLED dates
  (``_publication_period``; dev: Tasnim Deir ez-Zor, Fars Albu Kamal, Forces News RAF)."""

from __future__ import annotations

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.closed_class import (
    ELABORATION_TARGET_PREPOSITIONS,
    INDEFINITE_ARTICLES,
    SINGULAR_DETERMINERS,
)
from isisgraph.extract.dates import find_dates
from isisgraph.extract.dates.lead import headline_window, lead_when, operation_when
from isisgraph.extract.numbers import find_counts
from isisgraph.extract.shared import tokens_of
from isisgraph.extract.strikes.actors import can_strike, np_actor, np_actors
from isisgraph.extract.strikes.background import told_count
from isisgraph.extract.strikes.clauses import in_unit, region
from isisgraph.extract.strikes.document import Document, Draft, Frame
from isisgraph.extract.strikes.lead import lead_countries, lead_countries_of, takes_countries
from isisgraph.extract.strikes.lexicon import CONDUCT_VERBS, FRAME_VERBS, SUPPORT_VERBS
from isisgraph.extract.strikes.nouns import strike_governor
from isisgraph.extract.strikes.parts import SENTENCES_BACK_FOR_PARENT, broader
from isisgraph.extract.strikes.periods import when_in
from isisgraph.extract.strikes.places import article_country, places
from isisgraph.extract.strikes.targets import actors_hit, add_hits, add_targets, outcome, target_objects
from isisgraph.extract.syntax.counting import count_of
from isisgraph.extract.syntax.factuality import irrealis
from isisgraph.extract.syntax.tree import clause_head, subject
from isisgraph.extract.syntax.units import in_headline
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
# "Australia completes first air strike ..." (a headline), told again in the body's report
ACTOR_FROM_FOLLOWING = "strikes.context.actor-from-following"
PERIOD_FROM_FOLLOWING = "strikes.context.period-from-following"
COUNTRIES_FROM_FOLLOWING = "strikes.context.countries-from-following"
# "U.S.-led forces launch 16 air strikes against Islamic State in Iraq" (a headline), then "...
# launched 16 air strikes ... on Sunday": the headline's count is the body's, of its day
PERIOD_FROM_ANNOUNCED = "strikes.context.period-from-announced-count"
PERIOD_FROM_PUBLICATION = "strikes.context.period-from-publication"  # undated in the text
PERIOD_FROM_LEAD = "strikes.context.period-from-lead"  # the lead's date of the week (dates.lead)
PERIOD_FROM_OPERATION = "strikes.context.period-from-operation"  # backing the operation begun
PERIOD_FROM_HEADLINE = "strikes.context.period-from-headline"  # the days before publication
PERIOD_FROM_RETOLD = "strikes.context.period-from-retold-headline"  # the lead tells it again
# "On Saturday 5 December, two Tornado GR4s flew ... over western Iraq. The aircraft conducted
# a precision strike": the mission's day and country
PERIOD_FROM_NARRATIVE = "strikes.context.period-from-narrative"
ACTOR_FROM_NARRATIVE = "strikes.context.actor-from-narrative"
COUNTRIES_FROM_NARRATIVE = "strikes.context.countries-from-narrative"

SENTENCES_BACK_FOR_ACTOR = 3
SENTENCES_BACK_FOR_PERIOD = 3
SENTENCES_AHEAD_FOR_LEAD = 5  # a headline, a subtitle and a caption before the body's report
SENTENCES_BACK_FOR_CAMPAIGN = 20  # "18 months of Coalition airstrikes across Iraq and Syria"
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
                if tok.pos_ == "VERB":  # "continued to attack ISIL terrorists"
                    hit = [a for o in target_objects(verb) for a in actors_hit(o, d)]
                    frame.targets += [a for a in hit if a not in frame.targets + actors]
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
    if not any(t.pos_ in ("VERB", "AUX") for t in tokens_of(unit)):
        return  # "Strikes in Syria": a heading of the lines below, not of the report above
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
    before = len(previous.targets) + len(previous.target_actors)
    hits = [t for t in tokens_of(unit)
            if t.pos_ == "VERB" and outcome(t, d) is not None and not irrealis(t)]
    for verb in hits:
        result = outcome(verb, d) or "struck"
        for obj in target_objects(verb):
            add_hits(previous, obj, result, d)
    for noun in nouns:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ELABORATION_TARGET_PREPOSITIONS:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        add_hits(previous, obj, "struck", d)
    if len(previous.targets) + len(previous.target_actors) > before:
        previous.step(ELABORATED)


def retells_total(d: Document, n: int, draft: Draft) -> bool:
    """'"In Syria, CJTF-OIR conducted 193 strikes consisting of 338 engagements," the statement
    added. The coalition in Syria conducted strikes against "346 Daesh tactical units" ...':
    strikes told without a number or a date of their own, right after a count by the same force
    whose countries hold theirs, are that count told again (the guideline: their content is in
    the strike report): what they hit goes to the count, and they are no report of their own."""
    if not draft.told or draft.single or (draft.when is not None and draft.when_source == "clause"):
        return False
    total = last_report(d, n, back=2)
    if total is None or total.told or not set(total.perpetrators) & set(draft.perpetrators):
        return False  # the same force: a member's own strikes are told apart from the total
    if draft.countries and not set(draft.countries) <= set(total.countries):
        return False
    before = len(total.targets) + len(total.target_actors)
    add_targets(total, draft.targets)
    total.target_actors += [a for a in draft.target_actors if a not in total.target_actors]
    if len(total.targets) + len(total.target_actors) > before:
        total.step(ELABORATED)
    return True


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
    """Each report's missing actor, period and countries: from its total or the text before;
    then, for a strike told without a number, from the report after it (a headline or a lead
    announces what the body then tells); the period last from the publication date."""
    for i, draft in enumerate(d.drafts):
        earlier = d.drafts[:i]
        if not draft.perpetrators and draft.actor_source not in ("blocked", "unowned"):
            _actor(d, draft, earlier)  # unowned aircraft: their force is no guess (dated)
        if draft.when is None or draft.when_source == "report":
            _period(d, draft, earlier)
        if not draft.countries:
            _countries(d, draft, earlier)
    for i in range(len(d.drafts) - 1, -1, -1):
        _from_following(d, d.drafts[i], d.drafts[i + 1:])
        _announced_count(d, d.drafts[i], d.drafts[i + 1:])
    # a headline's force comes from the body's report it announces; with it, the headline
    # lends its countries to that force's later strikes ("French Rafales strike ISIS targets
    # in Iraq", then "the Rafales dropped several bombs")
    for i, draft in enumerate(d.drafts):
        if not draft.countries and draft.told:
            _countries(d, draft, d.drafts[:i])
    for draft in d.drafts:
        lead_countries_of(d, draft)
        article_country(d, draft)  # the last resort: the article's theatre country
    for draft in d.drafts:
        if draft.when is None and (draft.told or told_count(d, draft) or in_headline(draft.anchor)):
            _publication_period(d, draft)
    for i, draft in enumerate(d.drafts):
        if draft.when is None:
            _headline_retold(d, draft, d.drafts[:i])


def _headline_retold(d: Document, draft: Draft, earlier: list[Draft]) -> None:
    """'U.S.-led Coalition forces said they have conducted 19 airstrikes near Raqqa', the
    headline's count and force told again in the lead (NRT 2017, among the new articles of
    round 5; the body's perfect would otherwise read as a running total, with no date): the
    same news, of the headline's period."""
    if not draft.counted:
        return
    lead_countries(d)  # finds the lead's units
    if d.lead_units is None or draft.unit not in d.lead_units:
        return
    told = next((e for e in earlier if e.counted and e.when is not None
                 and in_headline(e.anchor) and e.strike_count == draft.strike_count
                 and e.perpetrators == draft.perpetrators), None)
    if told is not None:
        draft.when, draft.when_source = told.when, "context"
        draft.step(PERIOD_FROM_RETOLD)


def _actor(d: Document, draft: Draft, earlier: list[Draft]) -> None:
    """The total's actor; else a frame's within three units (a lead names the strikers: "U.S.
    and coalition military forces continued to attack"; a unit of reports, its first
    report's); else the actor of the report just before (a release's later lines)."""
    parent = draft.parent
    if parent is not None and parent.perpetrators:
        draft.perpetrators, draft.actor_source = list(parent.perpetrators), "inferred"
        draft.step(ACTOR_FROM_TOTAL)
        return
    if unattributed(draft):
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


def unattributed(draft: Draft) -> bool:
    """'Residents said an air strike hit a market ... It was not clear who carried out the
    strike', 'A drone strike killed an ISIS commander in Idlib' (later: neg1): one strike named
    with an indefinite article and no force is told as nobody's; the forces of the sentences
    around it are not its striker (a release's line takes its total's, above)."""
    noun = draft.anchor
    det = next((c for c in noun.children if c.dep_ == "det"), None)
    # "The aircraft conducted a precision strike": the subject strikes, though unresolved
    conducted = noun.dep_ == "dobj" and subject(noun.head) is not None
    return draft.single and det is not None and det.lower_ in INDEFINITE_ARTICLES and not conducted


def _period(d: Document, draft: Draft, earlier: list[Draft]) -> None:
    """The total's period; for a strike told without a period, that of the same force's report
    just before, else of the mission the sentence before tells; else, for a counted report,
    that of a report by the same actor within three units (others' strikes: the release's
    total within ten; when the text names no actor, any report), else a frame's period."""
    parent = draft.parent
    if parent is not None and parent.when is not None:
        draft.when, draft.when_source = parent.when, "context"
        draft.step(PERIOD_FROM_TOTAL)
        return
    if draft.told:
        if draft.when is None:
            _strike_period(draft, earlier)
        if draft.when is None:
            _narrative_step(d, draft)
        if draft.when is not None or not draft.counted:
            return
    mine = set(draft.perpetrators)
    others = draft.actor_source == "blocked"  # others' strikes counted by a release
    reach = SENTENCES_BACK_FOR_OTHERS if others else SENTENCES_BACK_FOR_PERIOD
    # the same force, or one a member of the other ("Iraqi forces conducted airstrikes ...
    # two airstrikes by the Iraqi air forces": ESTA 2022)
    prior = next((e for e in reversed(earlier) if e.when is not None
                  and draft.unit - e.unit <= reach
                  and (not others or e.parent is None)
                  and (not mine or same_side(list(mine), e.perpetrators, d)
                       and bool(e.perpetrators))), None)
    if prior is not None:
        draft.when, draft.when_source = prior.when, "context"
        draft.step(PERIOD_FROM_PREVIOUS)
        return
    when = frame_when(d, draft)
    if when is not None:
        draft.when, draft.when_source = when, "context"
        draft.step(PERIOD_FROM_FRAME)


def _strike_period(draft: Draft, earlier: list[Draft]) -> None:
    """'Iraqi warplanes carried out several airstrikes Tuesday ... The air force "carried out
    airstrikes ..."': a strike told without a number or a date of its own, by the same force as
    the dated report within three units before it, is told on that report's day."""
    mine = set(draft.perpetrators)
    prior = next((e for e in reversed(earlier) if e.when is not None
                  and draft.unit - e.unit <= SENTENCES_BACK_FOR_PERIOD
                  and mine and mine & set(e.perpetrators)), None)
    if prior is not None:
        draft.when, draft.when_source = prior.when, "context"
        draft.step(PERIOD_FROM_PREVIOUS)


def _narrative_step(d: Document, draft: Draft) -> None:
    """'On Saturday 5 December, two Tornado GR4s flew an armed reconnaissance mission over
    western Iraq ... The aircraft conducted a precision strike with a Paveway IV': a strike told
    without a date, right after a sentence of its paragraph that reports no strike but tells
    the mission on one day, is the next step of that mission: its day, its countries, and the
    force that flew it."""
    n = draft.unit
    if n == 0 or d.paragraph_of[n - 1] != d.paragraph_of[n]:
        return
    frame = d.frames.get(n - 1)
    if frame is None or frame.reported:
        return
    unit = d.units[n - 1]
    dates = [w for w in find_dates(unit, d.published) if w.start is not None]
    if len({(w.start, w.end) for w in dates}) != 1:
        return
    draft.when, draft.when_source = dates[0], "context"
    draft.step(PERIOD_FROM_NARRATIVE)
    root = next((t for t in tokens_of(unit) if t.dep_ == "ROOT"), None)
    subj = subject(root) if root is not None else None
    actor = np_actor(subj, d)[0] if subj is not None else None
    if not draft.perpetrators and actor and can_strike(actor, d) and not unattributed(draft) \
            and draft.actor_source != "unowned":
        draft.perpetrators, draft.actor_source = [actor], "inferred"
        draft.step(ACTOR_FROM_NARRATIVE)
    if not draft.countries:
        countries, _ = places(tokens_of(unit), d)
        if countries and takes_countries(draft, countries):
            draft.countries, draft.country_source = countries, "context"
            draft.step(COUNTRIES_FROM_NARRATIVE)


def same_side(mine: list[str], theirs: list[str], d: Document) -> bool:
    """Whether two reports are by the same force: the same actor, one a member of the other
    (the RAF of the UK, the RAAF of Australia), or no actor named on one side."""
    if not mine or not theirs:
        return True
    for a in mine:
        for b in theirs:
            if a == b or a in d.ref.memberships(b) or b in d.ref.memberships(a):
                return True
    return False


def _from_following(d: Document, draft: Draft, later: list[Draft]) -> None:
    """'Australia completes first air strike against Islamic State in Syria' (a headline), then
    'The RAAF has successfully conducted its first air strike ... , the minister told reporters
    on 16 September': a strike told without a number and missing a period, countries or actor
    takes them from the next report by the same force within a few units, which tells it again
    with what the headline or lead leaves out. A lead's countries are those of the reports of
    that period after it ("continued to attack ISIS yesterday", then eight strikes in Syria and
    nine in Iraq). Only a headline takes its force and its period so: in the body, a strike of
    a force the text does not name is nobody's, and one without a date is not dated by the
    next report of a force (the publication dates it); a named force's strike in the body
    takes the countries of its next report ("Russian warplanes targeted the militants'
    positions in the eastern province", then "... heading to Deir ez-Zor ... in Syria")."""
    if not draft.told or draft.actor_source == "blocked":
        return
    if draft.when is not None and draft.countries and draft.perpetrators:
        return
    headline = in_headline(draft.anchor)
    if not headline and not draft.perpetrators:
        return
    near = [e for e in later if e.unit - draft.unit <= SENTENCES_AHEAD_FOR_LEAD
            and e.actor_source != "blocked" and same_side(draft.perpetrators, e.perpetrators, d)]
    if not near:
        return
    first = near[0]
    if headline and draft.killed is not None:
        # "Coalition airstrike kills two IS extremists" (Kurdistan 24 2018), over a line that
        # frames the strike in "the past two days", then the Sunday strike that killed two:
        # the body's report of the headline's toll is the one it announces, not a nearer line
        # of a wider window (strikes.context.period-from-following)
        first = next((e for e in near if e.killed == draft.killed), first)
    if headline and not draft.perpetrators and first.perpetrators:
        draft.perpetrators, draft.actor_source = list(first.perpetrators), "inferred"
        draft.step(ACTOR_FROM_FOLLOWING)
    if headline and draft.when is None and first.when is not None:
        draft.when, draft.when_source = first.when, "context"
        draft.step(PERIOD_FROM_FOLLOWING)
    if not draft.countries:
        same_period = [e for e in later if e.unit - draft.unit <= SENTENCES_BACK_FOR_PARENT
                       and e.parent is None and e.when is not None and first.when is not None
                       and e.when.start == first.when.start and e.when.end == first.when.end
                       and same_side(draft.perpetrators, e.perpetrators, d)]
        countries = list(dict.fromkeys(c for e in same_period or [first] for c in e.countries))
        if countries:
            draft.countries, draft.country_source = countries, "context"
            draft.step(COUNTRIES_FROM_FOLLOWING)


def _announced_count(d: Document, draft: Draft, later: list[Draft]) -> None:
    """'U.S.-led forces launch 16 air strikes against Islamic State in Iraq', 'U.S., Allies
    Conduct 16 Air Strikes In Iraq, Six In Syria' (headlines; dev: Reuters and RFE/RL, June
    2015): an undated count in a headline announces the body's report of the same count in
    the same country a few sentences below, and takes its period."""
    if draft.told or draft.when is not None or not in_headline(draft.anchor):
        return
    told_again = next((e for e in later if e.unit - draft.unit <= SENTENCES_AHEAD_FOR_LEAD
                       and e.counted and not e.told and e.when is not None
                       and e.strike_count == draft.strike_count
                       and not in_headline(e.anchor)
                       and (not draft.countries or not e.countries
                            or set(draft.countries) & set(e.countries))
                       and same_side(draft.perpetrators, e.perpetrators, d)), None)
    if told_again is not None:
        draft.when, draft.when_source = told_again.when, "context"
        draft.step(PERIOD_FROM_ANNOUNCED)


def backing(anchor: Token) -> bool:
    """'The Iraqi army was backed by US-led coalition airstrikes', 'supported by air strikes':
    strikes that are the agent of a verb of support, told as the help an operation had."""
    by = anchor.head
    return (anchor.dep_ == "pobj" and by.lower_ == "by" and by.dep_ == "agent"
            and by.head.lemma_.lower() in SUPPORT_VERBS)


def _publication_period(d: Document, draft: Draft) -> None:
    """'The Russian military aviation eliminated another large convoy ...', with no date in
    the text: a strike told without a number, or a count told in the simple past
    (``background.told_count``), dated by nothing else is dated, as ACLED dates such events, by
    the publication day, precision approximate (a total without a date keeps an open period:
    'more than 450 strikes to date' did not happen that day). The lead's date of the week up
    to publication comes first ('The Turkish Armed Forces also hit 163 targets' after a lead
    that said 'over the last 24 hours'; ``dates.lead``); a headline's strikes with no date
    anywhere in the lead are those of the day before publication up to it ('U.S.-led forces
    launch 16 air strikes')."""
    if d.published is None:
        return
    operation = operation_when(d.doc, d.published) if backing(draft.anchor) else None
    if operation is not None:
        # "They were backed by US-led air strikes" after "launched a campaign ... two months
        # ago": the strikes ran over the operation they backed (dates.lead)
        draft.when, draft.when_source = operation, "context"
        draft.step(PERIOD_FROM_OPERATION)
        return
    lead = lead_when(d.doc, d.published)
    if lead is not None:
        # the lead dates the operation the later sentences go on about (dates.lead)
        draft.when, draft.when_source = lead, "context"
        draft.step(PERIOD_FROM_LEAD)
        return
    if in_headline(draft.anchor):
        # a headline in the present tense reports the days just before publication
        draft.when, draft.when_source = headline_window(d.published), "publication"
        draft.step(PERIOD_FROM_HEADLINE)
        return
    draft.when = When(raw="", start=d.published, end=d.published, precision="approximate",
                      basis="publication")
    draft.when_source = "publication"
    draft.step(PERIOD_FROM_PUBLICATION)


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
                       and mine & set(e.perpetrators) and e.counted and not e.told
                       and not broader(draft.when, e.when)), None)
    if draft.told:
        same_actor = next((e for e in reversed(earlier) if e.countries
                           and set(e.perpetrators) & set(draft.perpetrators)
                           and takes_countries(draft, e.countries)), None)
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
    for back in range(1, SENTENCES_BACK_FOR_CAMPAIGN + 1):
        frame = d.frames.get(draft.unit - back)
        # "Coalition hits Mosul targets ... The coalition has launched more than 10,000 strikes
        # since August 2014": a unit's reports of a shorter time say nothing of my countries
        narrower = any(broader(draft.when, e.when) for e in earlier if e.unit == draft.unit - back)
        if frame is not None and frame.countries and set(frame.actors) & mine and (
                takes_countries(draft, frame.countries)) and not narrower:
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
