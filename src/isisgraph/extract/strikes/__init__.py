"""Strike reports: aggregate strike counts as releases and the press report them.

``extract_strike_reports(doc, article, ref)`` reads a parsed article (the project pipeline:
ACTOR / PLACE / OPERATION entities whose ``ent_id_`` is the reference IRI, plus spaCy's own
entities and parse) and returns one ``StrikeReport`` per textual report. Each report's
``extractor`` is the id of the rule that found it, then ``+`` and the id of each later step
that changed it (``strikes.count.counted+strikes.context.period-from-previous``).

The readers, unit by unit (sentences cut at line breaks), in the order they run:

1. ``count.count_report`` (strikes.count.*): a strike noun with a count, its engagements and
   the bare numbers coordinated with it; one strike ("an airstrike", "another partner nation
   airstrike", "its first air strike" or any ordinal's "their third air strike":
   strikes.count.ordinal, a headline's "after airstrike") or plural strikes
   without a number that the text says were conducted or hit something ("killed in US-led air
   strikes in July", "killed in a wave of strikes by Syrian and Russian warplanes") or that
   backed a ground force ("an offensive supported by U.S.-led airstrikes"); sorties count
   flights, so they report at least one strike only when their clause tells what they hit
   (strikes.count.sorties-hit). "The strikes were conducted near Bayji" is a mention of its
   own (``count.told_anew``); a title's listed forces ("Syria, Russia strikes kill ...") are
   each a striker (``perpetrator.title_forces``). ``count.engagement_report``: engagements without a strike count. Who
   struck: ``perpetrator`` and ``actors``; where: ``places``; when: ``periods``; what they
   hit: ``targets``; a title-case headline's verb: ``headline``.
2. ``partitive.partitive_reports`` (strikes.partitive.*): "one of them was near X", "Of those
   air strikes, 51 ...", "the other five", "All but one" — breakdowns of the previous count,
   by place.
3. ``included.included_counts`` (strikes.included.bare-number): "including three near
   Makhmour and two near Mosul".
4. ``dated.dated_reports`` (strikes.dated.*): strikes told by a verb ("struck", "destroyed",
   "was struck by Iraqi warplanes", "attack" by a force that strikes from the air) with a
   named subject, dated by its clause or told in the past or a headline: at least one strike,
   or "N times"; a munition dropped or fired by a force ("dropped the first Dutch bombs",
   "dropped 80,000 pounds of bombs": strikes.dated.release); aircraft whose phrase names no
   force the reference knows ("its planes", "A CF-18 fighter-bomber") strike with the force
   a possessive pronoun or a base names, else with their force left open (``dated.unowned_aircraft``); a verb of killing
   whose subject is a state's forces as a whole ("Turkish military kills 26 militants") and
   not its air force or aircraft is a killing, no strike (strikes.dated.ground-killing).
   ``sides.each_force`` (strikes.sides.each-force): strikes told without a number by several
   independent forces are one report per force.
   ``missions.mission_reports`` (strikes.missions.*): a strike told as an aircraft's mission,
   with no strike word ("an RAF Reaper provided close air support", "the Tornados were
   requested to conduct an attack", "two Rafale ... supported ground troops").
   ``backing.air_power_reports`` (strikes.backing.air-power): a force's air power that backed
   a ground force ("backed by heavy Russian air support"), when no other report is its.
   A headline read by the word where the tagger reads a title's words as names
   (``headline``, strikes.headline.*): a strike or outcome verb after a force ("Turkish Air
   Forces Destroy 9 Targets"), a strike noun before a verb of hitting ("Coalition Strikes
   Target ISIS Terrorists": strikes.headline.noun-subject), and a second count by country ("16
   Air Strikes In Iraq, Six In Syria").
5. Not reports after all: a headline that says how strikes go on (``headline``; not one whose
   trend verb releases a munition, "Belgian planes have dropped 354 bombs": rule
   strikes.headline.release-not-trend; nor one whose trend is an aside in an adverbial clause
   of a verb that strikes, "Jets Drop 80K Pounds of Bombs ... as Strike Pace Grows"), and, from
   ``background``, alleged strikes, a strike told again, strikes without a number going on
   without a date, in a relative clause, or tallied "so far"; ``context.retells_total``:
   undated strikes right after the same force's count are that count told again;
   ``retold.retells_report``: a strike without a number that retells one reported a few
   sentences before (same or open force, same or no place, same or nearer period) folds in.
6. ``context.elaborate`` (step strikes.context.elaborated): a strike sentence without a
   report completes the report before it. ``context.frame_of``: what the unit says for later
   units. ``clauses.evidence_span``: the evidence. ``context.paragraph_countries``.

Then over the whole document: ``parts.link_parts`` (strikes.parts.*: which total each report
breaks down), ``context.complete_from_context`` (strikes.context.*: the actor, period and
countries a report lacks, from the total it breaks down, the text before, the report after
it for a headline or a lead, the lead's countries (``lead``), else the publication date), and
``parts.link_parts`` again for the reports the context completed; last
``context_targets.complete_targets`` (strikes.context.target-from-*): whom the strikes hit, when their
own phrase does not say (``targets.actors_hit``: "strikes against ISIS targets", "struck Daesh
positions"), from the total they break down or the lead's "continued to attack ISIL".

No report is dropped because a field stays open (issue 13): it is kept with what the text
gives, a period from the context carries its ``ig:dateBasis``, and ``confidence`` scores the
report lower for each field missing (the shapes warn of a report with no period or no
perpetrator). The words the rules read are in ``ontology/lexicons/strikes.toml``
(``lexicon``); the closed-class ones in ``isisgraph.closed_class``.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from isisgraph.closed_class import MEANS_PREPOSITIONS
from isisgraph.extract.numbers import find_counts
from isisgraph.extract.shared import tokens_of
from isisgraph.extract.strikes.background import background
from isisgraph.extract.strikes.backing import air_power_reports, fold_air_power
from isisgraph.extract.strikes.clauses import evidence_span
from isisgraph.extract.strikes.confidence import confidence
from isisgraph.extract.strikes.context import (
    complete_from_context,
    elaborate,
    frame_of,
    paragraph_countries,
    retells_total,
)
from isisgraph.extract.strikes.context_targets import complete_targets
from isisgraph.extract.strikes.count import count_report, engagement_report
from isisgraph.extract.strikes.dated import dated_reports
from isisgraph.extract.strikes.document import Document, Draft
from isisgraph.extract.strikes.headings import heading_country
from isisgraph.extract.strikes.headline import (
    headline_ellipses,
    summary_headline,
    title_noun_strikes,
    title_strikes,
)
from isisgraph.extract.strikes.included import included_counts
from isisgraph.extract.strikes.lexicon import ENGAGEMENT_NOUNS
from isisgraph.extract.strikes.missions import mission_reports
from isisgraph.extract.strikes.nouns import strike_noun
from isisgraph.extract.strikes.partitive import partitive_reports
from isisgraph.extract.strikes.parts import PART_OF, asserted_part, link_parts
from isisgraph.extract.strikes.places import own_countries
from isisgraph.extract.strikes.retold import retells_report
from isisgraph.extract.strikes.sides import EACH_FORCE, each_force
from isisgraph.extract.syntax.tree import clause_head
from isisgraph.records import Article, Span, StrikeReport
from isisgraph.reference import Reference

__all__ = ["extract_strike_reports"]

# Dependencies that keep a word in the clause of its head: objects, prepositions, modifiers of
# the noun, infinitives and participles without a subordinator.
SAME_CLAUSE_DEPS = ("dobj", "pobj", "prep", "compound", "nummod", "amod", "xcomp", "advcl",
                    "pcomp")


def extract_strike_reports(
    doc: Doc, article: Article, ref: Reference | None = None
) -> list[StrikeReport]:
    """Every strike report the article states, in text order, totals before their parts."""
    if ref is None:
        from isisgraph.reference import load

        ref = load()
    d = Document(doc, article, ref)
    drafts = read_document(d)
    keys: set[str] = set()
    for draft in drafts:
        key = f"strike-{draft.span.start}-{draft.span.end}"
        if key in keys and EACH_FORCE not in draft.steps:
            # two reports in one clause: each its own word; one force's share of strikes told
            # for several keeps the clause they share
            draft.span = Span(draft.anchor.idx, draft.anchor.idx + len(draft.anchor.text))
            key = f"strike-{draft.span.start}-{draft.span.end}"
        suffix = 2
        base = key
        while key in keys:
            key, suffix = f"{base}-{suffix}", suffix + 1
        keys.add(key)
        draft.key = key
    return [to_report(draft) for draft in drafts]


def read_document(d: Document) -> list[Draft]:
    """The reports of every unit, then their totals and context."""
    for n, unit in enumerate(d.units):
        read_unit(d, n, unit)
    d.drafts = [draft for draft in d.drafts if not draft.needs_air_report or told_by_body(d, draft)]
    # Parts first (a breakdown does not lend its countries to a later total), then the
    # context, then parts again for the reports the context completed.
    link_parts(d)
    complete_from_context(d)
    fold_air_power(d)  # after the context gave the other reports their force
    link_parts(d)
    complete_targets(d)
    return d.drafts


def read_unit(d: Document, n: int, unit: DocSpan) -> None:
    """The reports one unit states, by each reader in turn; or, when it states none, what it
    adds to the report before it."""
    counts = find_counts(unit)
    made: list[Draft] = []
    used_engagements: set[int] = set()
    nouns = [t for t in tokens_of(unit) if strike_noun(t, d)]
    for noun in nouns:
        made += count_report(d, n, unit, noun, counts, used_engagements)
    for tok in tokens_of(unit):
        if tok.lemma_.lower() in ENGAGEMENT_NOUNS and tok.i not in used_engagements:
            draft = engagement_report(d, n, unit, tok, counts)
            if draft is not None:
                made.append(draft)
    own_countries(made, d)
    made += partitive_reports(d, n, unit, counts)
    made += included_counts(d, n, unit, counts, made)
    made += headline_ellipses(d, n, unit, counts, made)
    covered = {i for m in made for i in told_with(m, d)}
    made += dated_reports(d, n, unit, covered)
    made += mission_reports(d, n, unit, covered, made)
    made += air_power_reports(d, n, unit)
    made += title_noun_strikes(d, n, unit, made)
    made = each_force(made, d)
    made += title_strikes(d, n, unit, made)
    if summary_headline(unit):
        made = [m for m in made if not m.told]
    made = [m for m in made if not background(d, unit, m) and not retells_total(d, n, m)
            and not retells_report(d, n, m)]
    if not made:
        elaborate(d, n, unit, nouns)
    d.frames[n] = frame_of(d, unit, nouns, made)
    for draft in made:
        evidence_span(draft, unit, made)
        draft.paragraph = d.paragraph_of[n]
        heading_country(d, draft)
        paragraph_countries(d, draft)
    d.drafts += made


def told_by_body(d: Document, headline: Draft) -> bool:
    """'Russia Destroys 20 ISIL Tanks near Syria's Palmyra' (Fars 2015), over a body whose
    Sukhoi jets struck: a headline's outcome told of a state is its air arm's strikes when a
    later report is that arm's (or a force of it); else the state's forces may have fought on
    the ground, and the headline is no report."""
    arm = headline.perpetrators[0] if headline.perpetrators else None
    if arm is None:
        return False
    return any(arm == p or arm in d.ref.memberships(p) for later in d.drafts
               if later.unit > headline.unit for p in later.perpetrators)


def told_with(draft: Draft, d: Document) -> set[int]:
    """The words a count report's own clause holds, which tell no other strike: the anchor, the
    verbs of its clause up through infinitives and bare participles ("continued to attack ISIL
    ... using fighter aircraft to conduct seven airstrikes"), the clauses inside its noun
    phrase ("one airstrike west of Bayji where initial reports indicate they destroyed ..."),
    and what the strikes (not sorties: flights) did ("conducted strikes against 346 units and
    destroyed 104 vehicles")."""
    anchor = draft.anchor
    out = {anchor.i, clause_head(anchor).i}
    phrase = anchor
    while phrase.dep_ in ("compound", "nummod", "amod") and phrase.head != phrase:
        phrase = phrase.head
    out |= {t.i for t in phrase.subtree if t.pos_ in ("VERB", "AUX")}
    current = anchor
    while current.head != current and current.dep_ in SAME_CLAUSE_DEPS and not any(
            c.dep_ == "mark" for c in current.children):
        current = current.head
        out.add(current.i)
    # "Turkish warplanes destroyed 17 targets and killed 26 members in air strikes" (TRT
    # 2016): the strikes are the means of every verb of the coordination that shares one
    # subject, not only of the one they hang on
    verb = clause_head(anchor)
    top = verb
    means = anchor.dep_ == "pobj" and anchor.head.lower_ in MEANS_PREPOSITIONS
    while means and top.dep_ == "conj" and top.head != top and not any(
            g.dep_ in ("nsubj", "nsubjpass") for g in top.children) and not _placed(top.head, d):
        top = top.head
        out.add(top.i)
    if top != verb:
        out |= {c.i for c in top.children if c.dep_ == "conj" and c.pos_ == "VERB"
                and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)}
    # "conducted strikes against 346 units and destroyed 104 vehicles": the results
    if draft.counted_noun == "strike":
        out |= {c.i for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)}
    return out


def _placed(verb: Token, d: Document) -> bool:
    """Whether a verb's own arguments (not its coordinated verbs') name a place below a country:
    'hit a bridge near Mosul ... and destroyed three vehicles in two strikes near Raqqa' tells
    two strikes; 'killed a senior official in Syria and wounded another in a drone strike'
    (UPI 2022) one."""
    for c in verb.children:
        if c.dep_ in ("conj", "cc"):
            continue
        for t in c.subtree:
            ent = d.entity(t, "PLACE")
            if ent is not None and not d.is_country(ent.ent_id_):
                return True
    return False


# Where a report's period comes from (Draft.when_source) -> the ig:dateBasis of its period.
DATE_BASIS = {"context": "context", "report": "report", "publication": "publication"}


def to_report(draft: Draft) -> StrikeReport:
    if PART_OF in draft.steps and not asserted_part(draft):
        draft.steps.remove(PART_OF)  # read as a part for its context, but not said to be one
    when = draft.when
    basis = DATE_BASIS.get(draft.when_source)
    if when is not None and basis is not None and when.basis == "stated":
        when = replace(when, basis=basis)
    return StrikeReport(
        key=draft.key,
        span=draft.span,
        strike_count=draft.strike_count,
        count_qualifier=draft.qualifier,
        engagement_count=draft.engagement_count,
        perpetrators=list(draft.perpetrators),
        claimant=draft.claimant,
        countries=list(draft.countries),
        locations=list(draft.locations),
        when=when,
        targets=list(draft.targets),
        target_actors=[a for a in draft.target_actors if a not in draft.perpetrators],
        killed_count=draft.killed,
        part_of=draft.parent.key if asserted_part(draft) else None,
        strike_class="AirStrike" if draft.air else "Strike",
        confidence=confidence(draft),
        extractor=draft.extractor,
    )
