"""Strikes told as an aircraft's mission, with no 'strike' noun and no strike verb of its own:
national forces' narrative releases tell the strike through the aircraft and what it did.

- strikes.missions.mission-object: a mission verb whose object is an attack from the air
  ("an RAF Reaper provided close air support to them on Thursday 16 November", "the jets
  conducted an attack on a Daesh compound"; dev: the UK MoD update of November 2017, the Air
  Force Times report of March 2021 and the French MoD release of July 2020 tell their strikes
  so); a strike mission flown ("has flown its final strike mission over Iraq", Iraq News
  Gazette 2018: one dev article).
- strikes.missions.tasked: an aircraft tasked or requested to strike, or to conduct an attack,
  told as done ("a Rafale patrol was tasked to strike against a position", "The Tornados were
  requested to conduct an attack with the very precise Brimstone missile"; dev: French MoD
  2020, UK MoD 2017).
- strikes.missions.supported: aircraft that supported (backed, covered) ground troops or their
  attack ("two Rafale ... again supported ground troops using their armaments", "fighter jets
  supported a recent attack against ISIS targets"; dev: French MoD 2020, Air Force Times 2021).

Each is at least one strike by the aircraft's force (its owner named with it, before it, or the
one air force of the text), placed and dated by its clause, else by the dated sentence before
about the same force, else by the context (``context``). The subject must be an aircraft, or,
for a mission object, a force that strikes from the air; a verb in the present (habitual),
negated or unrealised tells no strike. A unit that already reports a strike by the same force
tells the same mission, and gets no second report."""

from __future__ import annotations

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.extract.dates import find_dates
from isisgraph.extract.shared import tokens_of
from isisgraph.extract.strikes.actors import is_air_capable, np_actors
from isisgraph.extract.strikes.aircraft import aircraft_word
from isisgraph.extract.strikes.clauses import own_region
from isisgraph.extract.strikes.dated import striking, told_as_done
from isisgraph.extract.strikes.document import Document, Draft
from isisgraph.extract.strikes.lexicon import (
    MISSION_NOUNS,
    MISSION_VERBS,
    SUPPORT_VERBS,
    TASKING_VERBS,
)
from isisgraph.extract.strikes.periods import when_in
from isisgraph.extract.strikes.places import places
from isisgraph.extract.syntax.factuality import habitual, irrealis, negated
from isisgraph.extract.syntax.tree import is_infinitive, subject
from isisgraph.records import Span, When

CONTRASTIVE = ("but", "yet")  # a mission told with its turn: perhaps not flown
MISSION_OBJECT = "strikes.missions.mission-object"  # "an RAF Reaper provided close air support"
TASKED = "strikes.missions.tasked"  # "The Tornados were requested to conduct an attack"
SUPPORTED = "strikes.missions.supported"  # "two Rafale ... again supported ground troops"


def mission_reports(d: Document, n: int, unit: DocSpan, covered: set[int],
                    made: list[Draft]) -> list[Draft]:
    """The strikes a unit tells as missions of aircraft, one per force."""
    out: list[Draft] = []
    for verb in tokens_of(unit):
        if verb.pos_ != "VERB" or verb.i in covered:
            continue
        draft = _mission(d, n, unit, verb)
        if draft is None:
            continue
        forces = {a for m in [*made, *out] for a in m.perpetrators}
        if forces & set(draft.perpetrators):
            continue  # the unit's report of the same force tells this mission
        out.append(draft)
    return out


def _mission(d: Document, n: int, unit: DocSpan, verb: Token) -> Draft | None:
    """The strike one verb tells as a mission, with the verb whose clause carries it."""
    rule, clause_verb = _kind(verb, d)
    if rule is None or clause_verb is None:
        return None
    if negated(verb) or negated(clause_verb) or habitual(clause_verb):
        return None
    if rule != TASKED and irrealis(clause_verb):
        return None
    if any(c.dep_ == "cc" and c.lower_ in CONTRASTIVE
           for node in [clause_verb, *clause_verb.ancestors] for c in node.children):
        return None  # "were requested to strike a bridge, but the strike was called off"
    passive = any(c.dep_ == "auxpass" for c in clause_verb.children)
    subj = next((c for c in clause_verb.children if c.dep_ == "nsubjpass"), None) if passive \
        else subject(clause_verb)
    if subj is None:
        return None
    actors, source = np_actors(subj, d)
    if not actors:
        return None
    # "an RAF Reaper", "a Dassault Rafale patrol", "a pair of Tornados"
    aircraft = any(aircraft_word(t) for t in subj.subtree)
    if rule != MISSION_OBJECT and not aircraft:
        return None  # "the coalition supported Iraqi forces" tells no strike
    if not is_air_capable(actors[0], d):
        return None
    own = own_region(clause_verb, unit) + [clause_verb]
    when = when_in(own, clause_verb, d)
    if when is None and not told_as_done(clause_verb):
        return None
    draft = Draft(unit=n, anchor=verb, span=Span(verb.idx, verb.idx + len(verb.text)), rule=rule)
    # a mission told as flown reports at least one strike
    draft.strike_count, draft.qualifier, draft.counted = 1, "atLeast", False
    draft.perpetrators, draft.actor_source = actors, source
    draft.air = True
    countries, locations = places(own, d)
    draft.countries, draft.locations = countries, locations
    draft.country_source = "clause" if countries else ""
    if not countries:
        # "The SDF have continued their operations ... in eastern Syria, and an RAF Reaper
        # provided close air support to them": the sentence's country
        draft.countries, _ = places(tokens_of(unit), d)
        draft.country_source = "clause" if draft.countries else ""
    draft.when, draft.when_source = when, "clause" if when is not None else ""
    if when is None:
        mission = narrative_unit(d, n, actors[0])
        if mission is not None:
            draft.when, draft.when_source = mission_day(d, mission), "context"
            if not draft.countries:
                draft.countries, _ = places(tokens_of(d.units[mission]), d)
                draft.country_source = "context" if draft.countries else ""
    return draft


def narrative_unit(d: Document, n: int, actor: str) -> int | None:
    """'On Saturday 18 November, Tornados from RAF Akrotiri patrolled over north-west Iraq.
    Another coalition aircraft identified a Daesh truck ... The Tornados were requested to
    conduct an attack': the sentence of the paragraph before, about the same force, that
    tells the mission (its day, its country)."""
    paragraph = d.paragraph_of[n]
    for back in range(n - 1, -1, -1):
        if d.paragraph_of[back] != paragraph:
            return None
        root = next((t for t in tokens_of(d.units[back]) if t.dep_ == "ROOT"), None)
        subj = subject(root) if root is not None else None
        if subj is not None and np_actors(subj, d)[0][:1] == [actor]:
            return back
    return None


def mission_day(d: Document, n: int) -> When | None:
    """The one day a mission's sentence gives, else None."""
    dates = [w for w in find_dates(d.units[n], d.published) if w.start is not None]
    return dates[0] if len({(w.start, w.end) for w in dates}) == 1 else None


def _kind(verb: Token, d: Document) -> tuple[str | None, Token | None]:
    """Which mission a verb tells, and the verb whose clause (subject, date) carries it."""
    lemma = verb.lemma_.lower()
    head = verb.head
    # "was tasked to strike": the tagger may read the participle as an adjective
    tasking = {head.lemma_.lower(), head.lower_, head.lower_.removesuffix("ed")} & TASKING_VERBS
    tasked = is_infinitive(verb) and verb.dep_ == "xcomp" and head.pos_ in ("VERB", "ADJ") and \
        bool(tasking) and any(c.dep_ == "auxpass" for c in head.children)
    names_mission = lemma in MISSION_VERBS and any(mission_noun(o) for o in _objects(verb))
    if tasked and (names_mission or striking(verb, d)):
        return TASKED, head
    if is_infinitive(verb):
        return None, None
    if names_mission:
        return MISSION_OBJECT, verb
    if lemma in SUPPORT_VERBS and not any(c.dep_ == "auxpass" for c in verb.children) and any(
            c.dep_ == "dobj" for c in verb.children):
        return SUPPORTED, verb
    return None, None


def _objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "dobj"]


def mission_noun(obj: Token) -> bool:
    """'an attack', 'close air support': an object phrase ending in a mission noun."""
    words = [c.lower_ for c in obj.children if c.dep_ in ("compound", "amod") and c.i < obj.i]
    phrase = " ".join([*words, obj.lemma_.lower()])
    return any(phrase == noun or phrase.endswith(" " + noun) for noun in MISSION_NOUNS)
