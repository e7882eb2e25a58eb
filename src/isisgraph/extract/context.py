"""Context: what the text around a fact supplies when the fact's own clause does not.

The extractors read each fact from its clause. News often leaves a field of the fact to the
text around it: an event dated only by its report ("Kurdish fighters have expelled IS from
Kobane, activists said Monday"), or by nothing but the day the article appeared ("Iraqi
forces have freed Hawija"). The rules here complete those fields after extraction, saying
in the record where the value came from (``When.basis``) and in its rule id
(``ig:extractor`` gains ``+context.date.report``); they never drop a fact because a field
stays empty. (An event's confidence already counts a missing date of its own clause.)

Rules
-----
``context.date.report``
    An event whose clause gives no date takes the day of the report it is told in ("...,
    activists said Monday"), precision approximate: it happened on or before that day.
``context.date.claim``
    An event named by the object of a verb of claiming or reporting ("In August, ISIS claimed
    an attack that killed a Russian officer") takes the date of that clause, precision
    approximate: it happened on or before the claim.
``context.date.hedge``
    An event named in a free relative that hedges it ("launched what officials said was a
    chemical attack") takes the date of the clause the hedge is part of ("in March").
``context.date.lead``
    Else the date the lead gives the news of the week up to publication (``dates.lead``),
    precision approximate: "The Turkish Armed Forces also hit 163 targets" after a lead dated
    "over the last 24 hours".
``context.date.publication``
    Else, in an article with a publication date, the publication date, precision
    approximate (ACLED codes such events to the report's date with a coarser precision).
    Without a publication date nothing is invented.
``context.place.country``
    An event with no place, in an article whose places lie in one country, is placed in that
    country (``place_events``).
``context.sides.declared``, ``context.sides.liberated-from``, ``context.sides.reported-by``,
``context.sides.strike-agent``, ``context.sides.strike-outcome``, ``context.sides.striker``
    The sides a clause leaves open, or names too coarsely, from the report it is told in (or the report of another
    telling of the event merged into it, ``Event.retold``), the armed group the
    article is about and the strikes reported beside it (``complete_sides``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from isisgraph.closed_class import FIRST_PERSON_PLURAL, MEANS_PREPOSITIONS
from isisgraph.extract.dates import find_dates
from isisgraph.extract.dates.lead import lead_when
from isisgraph.extract.shared import entities, sentences
from isisgraph.extract.strikes import lexicon as strike_lexicon
from isisgraph.extract.strikes.lexicon import DEMONYM_FORCE_KINDS
from isisgraph.extract.syntax.speech import is_reporting_verb, report_date, report_of
from isisgraph.extract.syntax.tree import clause_tokens, subject
from isisgraph.extract.syntax.units import sentence_of
from isisgraph.lexicons import lexicon
from isisgraph.namespaces import ID
from isisgraph.records import Article, Claim, Event, StrikeReport, When
from isisgraph.reference import Reference

DATE_FROM_REPORT = "context.date.report"
DATE_FROM_PUBLICATION = "context.date.publication"
DATE_FROM_LEAD = "context.date.lead"
DATE_FROM_CLAIM = "context.date.claim"
DATE_FROM_HEDGE = "context.date.hedge"


def anchor_of(doc: Doc, event: Event) -> Token | None:
    """The word of an event's evidence that heads it (its trigger's clause)."""
    span = doc.char_span(event.span.start, event.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    words = [t for t in span if t.text.lower() == event.trigger.split()[0].lower()]
    return words[0] if words else span.root


def anchors_of(doc: Doc, event: Event) -> list[Token]:
    """The anchor of each report of an event: its own evidence's, then each merged report's
    (``Event.retold``) in text order."""
    found = []
    for span, trigger in [(event.span, event.trigger), *((t.span, t.trigger) for t in event.retold)]:
        anchor = anchor_of(doc, Event(key="", kind=event.kind, span=span, trigger=trigger or " "))
        if anchor is not None and anchor not in found:
            found.append(anchor)
    return found


def date_events(events: list[Event], doc: Doc, article: Article) -> None:
    """Give each undated event the date of its report, else the publication date (in place)."""
    for event in events:
        if event.when is not None and (event.when.start is not None or article.published is None):
            continue
        anchor = anchor_of(doc, event)
        reported = report_date(anchor, article.published) if anchor is not None else None
        if reported is not None:
            event.when = When(raw=reported.raw, start=reported.start, end=reported.start,
                              precision="approximate", span=reported.span, basis="report")
            rule = DATE_FROM_REPORT
        elif anchor is not None and (claimed := claim_date(anchor, article.published)) is not None:
            event.when = claimed
            rule = DATE_FROM_CLAIM
        elif anchor is not None and (hedged := hedge_date(anchor, article.published)) is not None:
            event.when = hedged
            rule = DATE_FROM_HEDGE
        elif (lead := lead_when(doc, article.published)) is not None:
            event.when = lead
            rule = DATE_FROM_LEAD
        elif article.published is not None:
            event.when = When(raw="", start=article.published, end=article.published,
                              precision="approximate", basis="publication")
            rule = DATE_FROM_PUBLICATION
        else:
            continue
        event.extractor = f"{event.extractor}+{rule}"



def claim_date(anchor: Token, published: dt.date | None) -> When | None:
    """Rule ``context.date.claim``: an event noun that is the object of a verb of claiming or
    reporting ("In August, ISIS claimed an attack that killed a high-ranking Russian officer",
    AFP 2020; "Last week the monitor reported an ambush on a bus near Shula") happened on or
    before the date of that verb's clause (not a date of the event's own phrase, which
    ``events.dates`` has read)."""
    verb = anchor.head
    if anchor.pos_ != "NOUN" or anchor.dep_ not in ("dobj", "nsubjpass") or not is_reporting_verb(verb):
        return None
    sentence = sentence_of(verb)
    words = {t.i for t in clause_tokens(verb)} - {t.i for t in anchor.subtree}
    return _nearest_in_clause(find_dates(sentence, published), sentence, words, verb, "report")


def hedge_date(anchor: Token, published: dt.date | None) -> When | None:
    """Rule ``context.date.hedge``: an event told inside a free relative that hedges it ("to
    launch what officials said was a chemical attack", RFE/RL 2016; "carried out what the
    Pentagon said was a large-scale raid", CS Monitor 2022) happened when the clause the hedge
    stands in says ("in March"): the verb of saying only qualifies what the event was called.
    The dates of the clauses above the hedge, nearest first, outside the hedge itself."""
    frame = report_of(anchor)
    if frame is None or not any(t.lower_ == "what" and t.dep_ in ("nsubj", "dobj", "attr")
                                for t in [*frame.verb.children, *frame.complement.children]):
        return None
    hedge = {t.i for t in frame.verb.subtree}
    sentence = sentence_of(frame.verb)
    found = find_dates(sentence, published)
    current = frame.verb
    for _ in range(3):
        if current.head is current:
            return None
        current = current.head
        if current.pos_ not in ("VERB", "AUX"):
            continue
        words = {t.i for t in clause_tokens(current)} - hedge
        when = _nearest_in_clause(found, sentence, words, current, "stated")
        if when is not None:
            return when
    return None


def _nearest_in_clause(found: list[When], sentence: Span, words: set[int], verb: Token,
                       basis: str) -> When | None:
    """Of the dates ``found`` in ``sentence``, the one nearest ``verb`` whose tokens are all
    ``words`` (a clause's own), with precision approximate; or None."""
    dates = [w for w in found if w.span is not None and w.start is not None
             and all(t.i in words for t in sentence if w.span.start <= t.idx < w.span.end)]
    if not dates:
        return None
    best = min(dates, key=lambda w: abs(w.span.start - verb.idx) if w.span else 0)
    return When(raw=best.raw, start=best.start, end=best.end or best.start, precision="approximate",
                span=best.span, basis=basis)


# ----------------------------------------------------------------------------- places

PLACE_FROM_COUNTRY = "context.place.country"


def place_events(events: list[Event], doc: Doc, ref: Reference) -> None:
    """Rule ``context.place.country``: an event whose clause names no place, in an article
    whose places lie in one country (three in four of its place names, at least three), happened
    in that country (a place at the country's precision, as ACLED codes it): "On Saturday,
    Iraqi and Kurdish security forces detained four suspected ISIS members" in an article
    about Iraq that names Syria once. Nothing is placed in an article shared between
    countries (in place)."""
    counts: dict[str, int] = {}
    for ent in entities(doc):
        if ent.label_ == "PLACE" and ent.ent_id_ and ref.kind(ent.ent_id_) == "place":
            country = ref.country_of(ent.ent_id_)
            if country is not None:
                counts[country] = counts.get(country, 0) + 1
    total = sum(counts.values())
    country = max(counts, key=lambda c: counts[c]) if counts else None
    if country is None or counts[country] < 3 or 4 * counts[country] < 3 * total:
        return
    for event in events:
        if not event.locations:
            event.locations = [country]
            event.extractor += f"+{PLACE_FROM_COUNTRY}"


# ----------------------------------------------------------------------------- sides

SIDES_DECLARED = "context.sides.declared"
SIDES_LIBERATED = "context.sides.liberated-from"
AGENT_FROM_REPORT = "context.sides.reported-by"
STRIKE_AGENT = "context.sides.strike-agent"
STRIKER = "context.sides.striker"
STRIKE_OUTCOME = "context.sides.strike-outcome"
# the id of the event rule that fills a side only with those who took part in an operation
# ("in collaboration with X"): the one who reports it did it (events.people.co_agents)
COOPERATION = "events.means.cooperation"
CONTEXT = lexicon("context")
# The forces fighting ISIS that the news never calls militants (the SDF, the Hashd, the FSA ...)
NON_MILITANT_GROUPS = frozenset(str(ID[f"actor/{slug}"]) for slug in lexicon("events").non_militant_groups)
# Who can take a place, arrest or kill: not a government office, a medium or a monitor.
FORCE_CLASSES = ("StateForce", "ArmedGroup", "Coalition")


def complete_sides(events: list[Event], claims: list[Claim], doc: Doc, ref: Reference,
                   reports: Sequence[StrikeReport] = ()) -> None:
    """Fill the sides an event's clause leaves open from the report it is told in and from
    what the article is about (in place):

    ``context.sides.declared``: a control change with no winner, told in a report by a force
    or a government, was won by that force (a government's: its armed forces): "the SDF
    declared that Baghouz village had been fully liberated"; "Haider al-Abadi said his forces
    had regained control of the border".
    ``context.sides.liberated-from``: a place freed, retaken or cleared with no loser named was
    lost by the armed group the article is about (the one it names most, other than the
    winner): "Iraqi forces have freed Hawija". Unless ISIS or another militant group won it,
    that loser is never one of the forces fighting ISIS ([non-militant-groups] of the events
    lexicon): "Sinjar retaken" over "Kurdish forces ... entered the town" was no loss of
    the Kurdish forces. A place taken with a neutral word ("seized",
    "took") by a named winner, in an article that is plainly about one armed group (named
    three times and twice as often as any other) that is not the winner, was lost by that
    group: "Those forces [the SDF] have seized just under half of the city" (an article about
    ISIL); when that group itself took the place ("ISIS occupied parts of Suweida"), the
    loser is not guessed.
    ``context.sides.reported-by``: an arrest, or a killing of militants, with no perpetrator,
    announced by a force that is not among its victims, was that force's (a killing of people,
    soldiers or civilians, that a force reports is not: the police report others' killings):
    "the Counter-Terrorism Service announced the arrest of six suspected ISIS members"; so is
    one whose named agents only took part in it ("carried out in collaboration with the Iraqi National Intelligence
    Service", ``events.means.cooperation``).
    ``context.sides.strike-agent``: a killing by strikes that names no killer was done by who
    carried out the strikes the article reports next to it: "The strikes killed 'a number' of
    suspected ISIS members" after "Iraqi warplanes carried out several airstrikes" (one
    article); "five militants killed in a precision airstrike carried out by Iraqi F-16 fighter
    jets" beside the Security Media Cell's report of the strike (another); "a Feb 26 strike
    which also killed five civilians" in an article whose strike reports are all the
    coalition's (a third).
    """
    liberating = _liberation_words(ref)
    strike_words = _strike_words(ref)
    counts = armed_group_mentions(doc, ref)
    groups = sorted(counts, key=lambda iri: -counts[iri])
    for event in events:
        anchor = anchor_of(doc, event)
        if anchor is None:
            continue
        if event.kind == "ControlChange":
            if not event.gained_control:
                # the report of any telling of the change: "the chief of police said that troops
                # liberated al-Abbassi" after the headline's "congratulates troops on liberating"
                forces = next((found for report in anchors_of(doc, event) if (found := [
                    f for f in reporting_forces(report, claims, ref) if f not in event.lost_control])), [])
                if forces:
                    event.gained_control = forces
                    event.extractor += f"+{SIDES_DECLARED}"
            others = [g for g in groups if g not in event.gained_control]
            if not any(ref.is_a(g, "ArmedGroup") and g not in NON_MILITANT_GROUPS
                       for g in event.gained_control):
                # won by a state or a force fighting ISIS, or by no one named: never lost by
                # another force fighting ISIS ("Sinjar retaken" after "Kurdish forces ...")
                others = [g for g in others if g not in NON_MILITANT_GROUPS]
            group = others[0] if others else None
            # a multiword trigger by its lemma and its other words: "restored control"
            phrase = " ".join([anchor.lemma_.lower(), *event.trigger.lower().split()[1:]])
            liberation = anchor.lemma_.lower() in liberating or anchor.lower_ in liberating \
                or phrase in liberating
            # the article is plainly about one group, and that group is not the winner
            dominant = group is not None and group == groups[0] and counts[group] >= 3 and all(
                counts[group] >= 2 * counts[g] for g in groups[1:])
            if not event.lost_control and group is not None and (
                    liberation or (dominant and event.gained_control)):
                event.lost_control = [group]
                event.extractor += f"+{SIDES_LIBERATED}"
        elif event.kind in ("Arrest", "Killing") and (
                not event.perpetrators or COOPERATION in event.extractor):
            forces = next((found for report in anchors_of(doc, event) if (found := [
                f for f in reporting_forces(report, claims, ref)
                if f not in event.target_actors and f not in event.perpetrators
                and (event.kind == "Arrest" or _kills_its_enemies(event, f, ref)
                     or _told_by_its_doers(report))])), [])
            if forces:
                event.perpetrators = [*event.perpetrators, *forces]
                event.extractor += f"+{AGENT_FROM_REPORT}"
                if any(press_office_force(s, ref) != s for report in anchors_of(doc, event)
                       for s in speakers_of(report, claims)):
                    event.extractor += f"+{PRESS_OFFICE}"
        if event.kind == "Killing" and not event.perpetrators \
                and (arms := strike_nationality(doc, event, strike_words, ref)):
            event.perpetrators = arms
            event.extractor += f"+{STRIKE_NATIONALITY}"
        if event.kind == "Killing" and not event.perpetrators and reports:
            agents = strike_agents(anchor, event, reports, strike_words)
            if agents:
                event.perpetrators = agents
                event.extractor += f"+{STRIKE_AGENT}"
            elif agents := strike_outcome_agents(anchor, event, reports, ref):
                event.perpetrators = agents
                event.extractor += f"+{STRIKE_OUTCOME}"
        elif event.kind == "Killing" and reports:
            arms = striking_arms(anchor, event, reports, strike_words, ref)
            if arms:
                event.perpetrators = [*event.perpetrators, *arms]
                event.extractor += f"+{STRIKER}"


def _kills_its_enemies(event: Event, force: str, ref: Reference) -> bool:
    """Whether a force that reports a killing claims it: its victims are fighters of an armed
    group ("five terrorists were killed, the army said"; "14 SNA fighters were killed,
    according to the SDF"), or the force is a militant group, whose word on a killing is its
    claim ("an ISIL executioner claimed James Foley was murdered"). "Four people were killed
    when gunmen opened fire, police said", "four soldiers were killed, the ministry said" are
    not the police's or the ministry's."""
    if ref.is_a(force, "ArmedGroup") and force not in NON_MILITANT_GROUPS:
        return True
    return any(ref.is_a(t, "ArmedGroup") for t in event.target_actors)


def _told_by_its_doers(anchor: Token) -> bool:
    """ "Our forces neutralised the gang leader", "we killed ...": the speaker's own side did
    it (ANF quoting the SDF, 2024)."""
    doer = subject(anchor)
    return doer is not None and any(
        t.lower_ in FIRST_PERSON_PLURAL or (t.dep_ == "poss" and t.lower_ == "our") for t in doer.subtree)


def _told_as_strike(anchor: Token, event: Event, strike_words: frozenset[str]) -> bool:
    span = anchor.doc.char_span(event.span.start, event.span.end, alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() in strike_words or t.lower_ in strike_words
                                    for t in span)


def _reports_near(anchor: Token, reports: Sequence[StrikeReport]) -> list[StrikeReport]:
    """The strike reports with a striker in the sentence of ``anchor``, the three before or
    the two after."""
    sents = sentences(anchor.doc)
    index = next((i for i, s in enumerate(sents) if s.start <= anchor.i < s.end), None)
    if index is None:
        return []
    low = sents[max(0, index - 3)].start_char
    high = sents[min(len(sents) - 1, index + 2)].end_char
    return [r for r in reports if r.perpetrators and low <= r.span.start < high]


def strike_agents(anchor: Token, event: Event, reports: Sequence[StrikeReport],
                  strike_words: frozenset[str]) -> list[str]:
    """The perpetrators of the strike report nearest to a killing whose words name a strike,
    in its sentence, the three before or the two after; else those all the article's strike
    reports name."""
    if not _told_as_strike(anchor, event, strike_words):
        return []
    near = _reports_near(anchor, reports)
    if near:
        nearest = min(near, key=lambda r: abs(r.span.start - event.span.start))
        return list(nearest.perpetrators)
    # an article whose strike reports all name one striker: "a Feb 26 strike which also killed
    # five civilians" in an article on the coalition's strikes
    sides = {tuple(r.perpetrators) for r in reports if r.perpetrators}
    return list(sides.pop()) if len(sides) == 1 else []


STRIKE_NATIONALITY = "context.sides.strike-nationality"


def strike_nationality(doc: Doc, event: Event, strike_words: frozenset[str], ref: Reference) -> list[str]:
    """Rule ``context.sides.strike-nationality``: a killing that names no killer but a strike
    with a nationality ("killed in an Iraqi airstrike", "a Turkish drone strike") was done by
    the force of that nationality that strikes from the air, as the reference data labels it
    ("Iraqi air force", "Turkish warplanes": the strike lexicon's [demonym-force-kinds]):
    "IS fighters had been killed in the Australian strikes" (9News 2014: the Australian
    Defence Force), "ISIS members ... were killed in an Iraqi airstrike in the mountains of
    Makhmour" (Rudaw 2022, an article of the round's new set). One nationality only; a strike
    word with none names no one; a killer the report gave already (``.reported-by``) stays."""
    span = doc.char_span(event.span.start, event.span.end, alignment_mode="expand")
    if span is None:
        return []
    labels = strike_lexicon.matchers(doc, ref).actor_labels
    found = set()
    for word in span:
        if word.lemma_.lower() not in strike_words and word.lower_ not in strike_words:
            continue
        for mod in word.children:
            if mod.dep_ in ("amod", "compound") and mod.pos_ in ("ADJ", "PROPN"):
                name = next((n for kind in DEMONYM_FORCE_KINDS if (n := f"{mod.lower_} {kind}") in labels), None)
                if name is not None:
                    found.add(labels[name])
    return sorted(found) if len(found) == 1 else []


def strike_outcome_agents(anchor: Token, event: Event, reports: Sequence[StrikeReport],
                          ref: Reference) -> list[str]:
    """Rule ``context.sides.strike-outcome``: a killing of fighters that names no killer and
    no cause of its own, told in the clause of a strike report that names its striker or in
    the sentence right after one, is the outcome of that strike and the striker's: "the F-16s
    bombed IS fighters that were attacking Iraqi troops" then "The IS fighters are reported
    to have been killed" (VRT 2014: Belgian F-16s); "The Russian space forces ... attacked the
    Islamic State ... and killed two field commanders and 180 militants" (TASS 2017, whose
    parse leaves the killing with no subject). Only when the victims are of a militant group
    (not soldiers or civilians, whom others may have killed) and one striker is named there;
    a killing that names its own cause ("The clashes killed ISIS members") is not a strike's."""
    if not event.target_actors or not all(
            ref.is_a(t, "ArmedGroup") and t not in NON_MILITANT_GROUPS for t in event.target_actors):
        return []
    if anchor.pos_ != "VERB" or any(
            c.dep_ in ("nsubj", "agent", "csubj") or (c.dep_ == "prep" and c.lower_ in MEANS_PREPOSITIONS)
            for c in anchor.children):
        return []
    sents = sentences(anchor.doc)
    index = next((i for i, s in enumerate(sents) if s.start <= anchor.i < s.end), None)
    if index is None:
        return []
    named = [r for r in reports if r.perpetrators]
    found = [r for r in named if r.span.start <= anchor.idx < r.span.end]
    if not found and index > 0:
        before = sents[index - 1]
        found = [r for r in named if before.start_char <= r.span.start < before.end_char]
    sides = {tuple(r.perpetrators) for r in found}
    return list(sides.pop()) if len(sides) == 1 else []


def striking_arms(anchor: Token, event: Event, reports: Sequence[StrikeReport],
                  strike_words: frozenset[str], ref: Reference) -> list[str]:
    """Rule ``context.sides.striker``: a killing by strikes whose killer is named as a state
    or its forces as a whole was done by the arm of that state that carried out the strikes,
    as a strike report of its clause, or near a killing whose words name a strike, names it:
    "five people were killed ... when army helicopters pounded" reported with "the Iraqi
    security forces" (Xinhua 2015: the Iraqi army), "about ten Daesh militants were killed in
    the joint UK-US strike" beside "The RAF jets targeted six caves" (RAF release 2020: the
    RAF). The arm joins the killers: the state stays, it acted through them. Only an arm the
    reference data makes part of a killer of one country (a coalition's member states are
    not its arms)."""
    national = [p for p in event.perpetrators if ref.countries.get(p) is not None]
    if not national:
        return []
    near = [r for r in _reports_near(anchor, reports)
            if r.span.start < event.span.end and event.span.start < r.span.end] \
        + ([r for r in _reports_near(anchor, reports)]
           if _told_as_strike(anchor, event, strike_words) else [])
    arms = [q for r in near for q in r.perpetrators if q not in event.perpetrators
            and any(p in ref.memberships(q) and ref.countries.get(q) == ref.countries[p] for p in national)]
    return list(dict.fromkeys(arms))


def _strike_words(ref: Reference) -> frozenset[str]:
    """The labels of the strike frame of the trigger lexicon ("strike", "airstrike", "raid")."""
    scheme = ref.scheme("event-trigger")
    return frozenset(label.lower() for concept in scheme.values()
                     if concept.broader is not None and concept.broader.endswith("frame-strike")
                     for label in concept.labels)


def _liberation_words(ref: Reference) -> frozenset[str]:
    scheme = ref.scheme("event-trigger")
    return frozenset(label.lower() for slug in CONTEXT.liberation_triggers if slug in scheme
                     for label in scheme[slug].labels)


def armed_groups_by_mentions(doc: Doc, ref: Reference) -> list[str]:
    """The armed groups the article names, most named first (the first named, on a tie): the
    first that did not win a place is the one the article is about."""
    counts = armed_group_mentions(doc, ref)
    return sorted(counts, key=lambda iri: -counts[iri])


def armed_group_mentions(doc: Doc, ref: Reference) -> dict[str, int]:
    """How often the article names each armed group, in the order first named."""
    counts: dict[str, int] = {}
    for ent in entities(doc):
        if ent.label_ == "ACTOR" and ent.ent_id_ and ref.is_a(ent.ent_id_, "ArmedGroup"):
            counts[ent.ent_id_] = counts.get(ent.ent_id_, 0) + 1
    return counts


def reporting_forces(anchor: Token, claims: list[Claim], ref: Reference) -> list[str]:
    """The armed forces of whoever reports ``anchor``'s clause: the organisation of a claim
    whose span holds it (a spokesman's or minister's organisation, else the claimant), or the
    actor named as the subject of the verb of saying or announcing; a government stands for
    its armed forces. Only forces count (a state force, an armed group, a coalition): a media
    office or a monitor that reports a fact did not do it, unless it is a force's own press
    office (``press_office_force``)."""
    forces = [press_office_force(f, ref) for s in speakers_of(anchor, claims) for f in [armed_forces_of(s, ref)]]
    return list(dict.fromkeys(f for f in forces if any(ref.is_a(f, c) for c in FORCE_CLASSES)))


def speakers_of(anchor: Token, claims: list[Claim]) -> list[str]:
    """Who reports ``anchor``'s clause: the organisation (else the claimant) of a claim whose
    span holds it, else the actors named as the subject of its verb of saying."""
    speakers = [c.on_behalf_of or c.claimant for c in claims
                if c.span.start <= anchor.idx < c.span.end and (c.on_behalf_of or c.claimant)]
    return [s for s in speakers if s] or _subject_actors(anchor)


def _subject_actors(anchor: Token) -> list[str]:
    """The actors named as the subject of the verb that reports or announces ``anchor``."""
    frame = report_of(anchor)
    verb = frame.verb if frame is not None else None
    if verb is None and anchor.dep_ in ("dobj", "nsubjpass") and is_reporting_verb(anchor.head):
        verb = anchor.head  # "the CTS announced the arrest of six suspects"
    speaker = subject(verb) if verb is not None else None
    if speaker is None:
        return []
    named = [e for e in entities(speaker.doc) if e.label_ == "ACTOR" and e.ent_id_
             and speaker.left_edge.i <= e.start and e.end <= speaker.i + 1]
    # the name that heads the phrase ("the Iraqi Counter-Terrorism Service"), not a backer
    # named before it ("the US-backed SDF")
    heads = [e for e in named if e.start <= speaker.i < e.end] or named[-1:]
    return [e.ent_id_ for e in heads]


PRESS_OFFICE = "context.sides.press-office"


def press_office_force(actor: str, ref: Reference) -> str:
    """Rule ``context.sides.press-office``: an organisation that is no force but part of one in
    the reference data (``ig:memberOf``) is that force's press office, and reports for the
    broadest force it is part of: "according to the War Media Cell, 557 IS militants were
    killed" (Iraqi News on Hawija 2017: the Security Media Cell, part of the Joint Operations
    Command, part of the ISF), "said the Security Media Cell" of the militants an Iraqi strike
    killed (Iraqi News on al-Qaim 2017); ISIS's Amaq for ISIS. A state's broadcaster or news
    agency belongs to a government, no force, and stays a bystander. Any other actor is
    returned as it is."""
    if any(ref.is_a(actor, c) for c in FORCE_CLASSES) or not ref.is_a(actor, "Organization"):
        return actor
    forces = [o for o in ref.memberships(actor) if any(ref.is_a(o, c) for c in FORCE_CLASSES)]
    return forces[-1] if forces else actor


def armed_forces_of(actor: str, ref: Reference) -> str:
    """A government's armed forces (its one direct member that is a state force), else the
    actor itself."""
    if not ref.is_a(actor, "Government"):
        return actor
    forces = sorted(a for a, orgs in ref.member_of.items() if actor in orgs and ref.is_a(a, "StateForce"))
    return forces[0] if len(forces) == 1 else actor
