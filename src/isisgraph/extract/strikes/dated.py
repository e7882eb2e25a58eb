"""Dated strikes without a number: a strike verb (or an outcome verb such as destroy/kill whose
subject is an air force, aircraft or a coalition) with a named subject, a date and something
hit ("the RAF struck positions on March 12, destroyed two buildings on March 17"; "On January
7, Iraqi aircraft destroyed three rest houses"), or a munition dropped or fired ("Two Dutch
F-16s today dropped the first Dutch bombs"). They report at least one strike (count 1,
"atLeast", as the gold guideline says), or N when the verb says "N times".

A strike verb may be told in another clause: a participle ("conducted a further mission near
Baghuz on Thursday 14 March, striking two buildings") or a purpose of "use" ("used a Hellfire
missile to strike a group of terrorists") takes that clause's subject, place and date. A
munition as subject ("a Paveway IV guided bomb was used to strike it") strikes for the air
force last named in the paragraph, on the day of the dated sentence before about that force;
"unidentified aircraft" strike for nobody."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.closed_class import DEFINITE_DETERMINERS
from isisgraph.extract.dates import find_dates
from isisgraph.extract.shared import tokens_of
from isisgraph.extract.strikes.actors import (
    air_arm,
    antecedent,
    can_strike,
    demonym_force,
    is_air_capable,
    np_actor,
    np_actors,
    owner_unknown,
    paragraph_air_actor,
    reporting_subject,
    type_owner_unknown,
)
from isisgraph.extract.strikes.aircraft import (
    aircraft_word,
    is_munition,
    releases_munition,
    unidentified_aircraft,
)
from isisgraph.extract.strikes.clauses import excluded, in_unit, own_region
from isisgraph.extract.strikes.document import Document, Draft
from isisgraph.extract.strikes.lexicon import (
    AIR_WORDS,
    ASPECT_VERBS,
    FRAME_VERBS,
    JOINING_VERBS,
    PEOPLE_NOUNS,
    PERSON_AIRCRAFT,
    STRIKING_OUTCOME_VERBS,
    STRUCK_OBJECT_NOUNS,
    TARGET_NOUNS,
)
from isisgraph.extract.strikes.nouns import strike_noun
from isisgraph.extract.strikes.periods import reporting_window, when_in
from isisgraph.extract.strikes.places import places
from isisgraph.extract.strikes.targets import (
    add_hits,
    killed_by,
    names_armed_group,
    outcome,
    target_objects,
    targets_in,
    times_count,
)
from isisgraph.extract.syntax.factuality import habitual, irrealis, past_progressive
from isisgraph.extract.syntax.tree import agents, clause_tokens, is_infinitive, subject
from isisgraph.records import Span, When

STRIKE_VERB = "strikes.dated.strike-verb"  # "the RAF struck positions on March 12"
OUTCOME_VERB = "strikes.dated.outcome-verb"  # "On January 7, Iraqi aircraft destroyed three"
TIMES = "strikes.dated.times"  # "struck militants near Kobani 14 times on Sunday and Monday"
MUNITION = "strikes.dated.munition"  # "a Paveway IV guided bomb was used to strike it"
RELEASE = "strikes.dated.release"  # "Two Dutch F-16s today dropped the first Dutch bombs"
PASSIVE_HIT = "strikes.dated.passive-hit"  # "... Its fortified area was also destroyed."
GROUND_KILLING = "strikes.dated.ground-killing"  # "Turkish military kills 26 militants": none
UNOWNED = "unowned"  # the actor source of aircraft whose force the text leaves open

# What a target struck in the passive underwent: a strike's outcome, not a killing (people
# "neutralized" or "killed" are the Killing events' business, and ground forces kill too).
PASSIVE_OUTCOMES = ("destroyed", "struck", "damaged", "targeted")


@dataclass
class _Strike:
    """Verbs of one dated strike: same date expression, same actor, same subject (two
    aircraft of one force told in one sentence, 'Typhoons struck a building in Raqqa whilst
    Tornados hit two firing points in Mosul', are two strikes, each placed by its own verb)."""

    when: When | None
    when_source: str
    verbs: list[Token]
    actor: str
    actor_source: str
    narrative: bool
    others: list[str] = field(default_factory=list)  # "the Russian and Syrian fighter jets"
    striker: int = -1  # the subject's token: "Typhoons struck ... whilst Tornados hit ..."
    joined: bool = False  # "the CF-18s joined coalition aircraft to hit": one report each
    headline_state: bool = False  # "Russia Destroys 20 ISIL Tanks": its air arm, if the body says
    rule: str = ""  # the rule that found it, when not told by the verb (PASSIVE_HIT)


def dated_reports(d: Document, n: int, unit: DocSpan, covered: set[int]) -> list[Draft]:
    """Strikes without a count, reported by verb: who, when and what they hit."""
    strikes: list[_Strike] = []
    for verb in tokens_of(unit):
        found = _dated_strike(d, n, unit, verb, covered)
        if found is None:
            continue
        same = next((s for s in strikes if _span_of(s.when) == _span_of(found.when)
                     and s.actor == found.actor and s.striker == found.striker), None)
        if same is not None:
            same.verbs.extend(found.verbs)
        else:
            strikes.append(found)
    drafts = [_draft_of(d, n, unit, strike) for strike in strikes]
    return [draft for draft in drafts if draft is not None]


def _span_of(when: When | None) -> Span | None:
    return when.span if when is not None else None


def _dated_strike(d: Document, n: int, unit: DocSpan, verb: Token,
                  covered: set[int]) -> _Strike | None:
    """The strike a verb tells: a factual strike or outcome verb (or 'attack' by a force that
    strikes from the air) whose subject, or passive agent ("another hideout was struck by Iraqi
    warplanes on Friday"), names a force that strikes; dated by its clause, else told in the
    past or in a headline (its date then comes from the context)."""
    if verb.pos_ != "VERB" or verb.i in covered or verb.dep_ in ("amod", "compound"):
        return None
    lemma = verb.lemma_.lower()
    attacking = lemma in FRAME_VERBS
    says_strike = striking(verb, d)
    if not says_strike and outcome(verb, d) is None and not attacking:
        return None
    if irrealis(verb) or (habitual(verb) and not d.in_title(verb)):  # a title's present is news
        return None
    clause_verb = carrying_clause(verb, d)
    if clause_verb is None or clause_verb.i in covered:
        return None
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    subj = named_agent(verb, d) if passive else subject(verb)
    if subj is None and passive:
        subj = launcher(verb)  # "Two bombs from an Australian fighter jet have been dropped"
    if subj is None and passive:
        return _passive_hit(d, n, unit, verb, clause_verb)
    if subj is None or subj.i in covered or strike_noun(subj, d):
        return None
    actors, source = np_actors(subj, d)
    actor = actors[0] if actors else None
    narrative = False
    if actor is None and is_munition(subj):
        actor, source = munition_force(subj, d), "clause"
    if actor is None and is_munition(subj):
        # "a Paveway IV guided bomb was used to strike it": the aircraft's force
        actor, source, narrative = paragraph_air_actor(subj, d), "inferred", True
    if actor is None and unidentified_aircraft(subj):
        actor, source = "", "blocked"  # the text says nobody knows who struck
    if actor is None and aircraft_word(subj) and (
            owner_unknown(subj, d) or type_owner_unknown(subj, d)):
        actor, source = "", "blocked"  # "Belgian F-16s": a force the reference lacks
    if actor is None and unowned_aircraft(subj, d):
        owner = pronoun_owner(subj, d)
        if owner is not None and not can_strike(owner, d):
            return None  # "the group said its drones attacked": an armed group's
        actor, source = (owner, "inferred") if owner else ("", UNOWNED)
    if actor is None:
        return None
    # "Turkey hit 59 Daesh targets": a state's forces hit with jets and guns alike
    states_hit = verb.lemma_.lower() in STRIKING_OUTCOME_VERBS
    # "Russia Destroys 20 ISIL Tanks near Syria's Palmyra": a headline's state stands for its
    # air arm, when the body tells that arm's strikes (read_document keeps it only then)
    headline_state = bool(actor) and not (says_strike or states_hit) and d.in_title(verb) and (
        d.ref.is_a(actor, "Government") and is_air_capable(air_arm(actor, d), d))
    if headline_state:
        actor = air_arm(actor, d)
    if actor and not (says_strike or states_hit) and not is_air_capable(actor, d):
        return None
    if actor and not (says_strike or states_hit or headline_state) and ground_killing(
            verb, subj, actor, d):
        return None  # a headline's state ("Turkey kills 30 militants") waits for the body
    if actor and (says_strike or states_hit) and not can_strike(actor, d):
        return None
    if actor and states_hit and d.ref.is_a(actor, "Government"):
        actor = air_arm(actor, d)  # Turkey -> the Turkish Armed Forces
    when, when_source = _date_of(d, n, unit, verb, clause_verb)
    if when is None and (narrative or source == "inferred"):
        when, when_source = narrative_date(d, n, actor), "context"
    if when is None and not (told_as_done(clause_verb) or d.in_title(verb)):
        return None  # "jets strike positions" in the body with no date: no report
    others = actors[1:]
    joined = _joined_force(clause_verb, verb, d) if actor else None
    if joined is not None and joined != actor and joined not in others:
        others.append(joined)
    return _Strike(when, when_source, [verb], actor, source, narrative, others=others,
                   striker=subj.i, joined=joined is not None and joined != actor,
                   headline_state=headline_state)


def ground_killing(verb: Token, subj: Token, actor: str, d: Document) -> bool:
    """strikes.dated.ground-killing: a verb of killing whose subject is a state's forces as a
    whole ('Turkish military kills 26 Daesh militants', 'Turkish forces killed the IS chief',
    'the military said it had killed 1,294 militants': TRT World 2016, AP 2023), not its air
    force, its aircraft or the coalition, in a clause with no strike word, tells a killing (the
    events' business), not a strike: ground forces kill too. 'Iraqi aircraft killed ...', 'the
    RAF killed ...', 'the coalition killed ...' and 'killed in air strikes' stay strikes."""
    if outcome(verb, d) != "killed" or aircraft_word(subj) or d.ref.is_a(actor, "Coalition"):
        return False
    named = " ".join(t.lower_ for t in subj.subtree)  # "the Turkish Air Force", an alias
    return not (air_force(actor, d, named) or any(strike_noun(t, d) for t in clause_tokens(verb)))


def air_force(actor: str, d: Document, named: str = "") -> bool:
    """Whether an actor's name, or the phrase that names it, says it strikes from the air
    ('Royal Air Force', 'Russian Aerospace Forces'): the air words of the strikes lexicon."""
    label = f"{d.ref.label(actor).lower()} {named}"
    return any(word in label for word in AIR_WORDS)


def munition_force(munition: Token, d: Document) -> str | None:
    """'First Dutch bombs dropped on ISIS targets' (a headline, NL Times 2014): the force a
    munition's own demonym names drops it."""
    for mod in munition.children:
        if mod.dep_ in ("amod", "compound"):
            actor = demonym_force(mod, d)
            if actor is not None and can_strike(actor, d):
                return actor
    return None


def unowned_aircraft(subj: Token, d: Document) -> bool:
    """'its planes had also destroyed the militants' equipment' (Reuters 2017), 'the jets
    dropped bunker-busting bombs' (France 24 2015), 'Tornado jets from RAF Akrotiri ...
    destroyed targets' (BBC 2015's caption): aircraft whose phrase names no force that the
    reference knows (a possessive pronoun, a number, a base, an indefinite article) struck all
    the same; the strike is kept, as any report whose field the text leaves open (issue 13):
    with the force a possessive pronoun takes up, else with its force open (``UNOWNED``: the
    context gives a headline's from the body, but guesses none in the body, where the forces
    named around may be others': tests/test_strikes_sole_air_force.py) and its countries and
    period from the context. Not 'the jets', 'the planes': a definite article takes up aircraft whose strike was
    told before, and the gold folds what they did into it (dev: the UK MoD's Typhoons of April
    2020, Ottawa Citizen 2014, France 24 2015); not 'fighters' or 'bombers' without a force,
    who may be people ('The bombers struck at 1am': Irish Times 2016; 'IS said its fighters
    targeted': AP 2016); not an armed group's aircraft ('ISIS drones'), nor the 'unidentified
    aircraft' of a text that says nobody knows whose they were."""
    word = aircraft_word(subj)
    if word is None or word in PERSON_AIRCRAFT or unidentified_aircraft(subj):
        return False
    if any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in subj.children):
        return False
    return not any(d.entity(t, "ACTOR") is not None for t in subj.subtree if t.i <= subj.i)


def pronoun_owner(subj: Token, d: Document) -> str | None:
    """'The Russian Aerospace Forces said their jets had destroyed ...': the force a possessive
    pronoun on the aircraft takes up (the subject of the reporting clause, else of the unit
    before), as its air arm."""
    pronoun = next((c for c in subj.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
    owner = antecedent(pronoun, d) if pronoun is not None else None
    return air_arm(owner, d) if owner else None


def _joined_force(clause_verb: Token, verb: Token, d: Document) -> str | None:
    """'For Wednesday's mission, the CF-18s joined coalition aircraft to hit ISIS fighting
    positions' (CTV 2014): the force of the aircraft a force joined to strike struck too (as
    'joined US-led strikes' in count reports, Jordan Times 2014)."""
    if clause_verb == verb or clause_verb.lemma_.lower() not in JOINING_VERBS:
        return None
    for obj in (c for c in clause_verb.children if c.dep_ == "dobj"):
        found, _source = np_actor(obj, d)
        if found and can_strike(found, d):
            return found
    return None


def _passive_hit(d: Document, n: int, unit: DocSpan, verb: Token,
                 clause_verb: Token) -> _Strike | None:
    """A release's line of what was hit, told in the passive with no agent, right after a
    strike report of one force: that force struck it ('Russian strikes also hit two command
    centres. The group's fortified area near Aleppo was also destroyed.', 'Two command posts,
    an ammunition depot and 29 field camps were destroyed': Sputnik 2015; '163 targets were
    hit'). At least one strike, dated as the report it follows. Not what the text says was
    found destroyed after a ground sweep, sentences away from the strike (964media 2024: 'two
    hideouts were destroyed' three lines after the airstrike), nor a thing of another side
    ('a Peshmerga position was hit')."""
    if outcome(verb, d) not in PASSIVE_OUTCOMES or not told_as_done(clause_verb):
        return None
    struck = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not struck or not all(_enemy_target(obj, d) for obj in struck):
        return None
    actor = _striker_before(d, n) or _release_force(d, unit, verb)
    if actor is None:
        return None
    when, when_source = _date_of(d, n, unit, verb, clause_verb)
    return _Strike(when, when_source, [verb], actor, "inferred", False, striker=struck[0].i,
                   rule=PASSIVE_HIT)


def _enemy_target(obj: Token, d: Document) -> bool:
    """A phrase naming a target ('29 field camps', 'the group's fortified area', '163
    targets') that names no actor but an armed group, and no people ('Over 200 militants were
    also eliminated': Tasnim 2017, a killing)."""
    if obj.lemma_.lower() in PEOPLE_NOUNS or any(
            t.target_type == "fighters" for t in targets_in(obj, "destroyed", d)):
        return False
    phrase = list(obj.subtree)
    for tok in phrase:
        ent = d.entity(tok, "ACTOR")
        if ent is not None and not d.ref.is_a(ent.ent_id_, "ArmedGroup"):
            return False
    return (bool(targets_in(obj, "destroyed", d)) or obj.lemma_.lower() in TARGET_NOUNS
            or names_armed_group(obj, d))


def _striker_before(d: Document, n: int) -> str | None:
    """The one force of the last report, in the two units before ``n``, that names one (a
    report whose force the context gives later, 'Russian strikes also hit ...', names none
    yet)."""
    for draft in reversed(d.drafts):
        if n - draft.unit > 2:
            return None
        if draft.perpetrators:
            forces = draft.perpetrators
            return forces[0] if len(forces) == 1 and can_strike(forces[0], d) else None
    return None


def _release_force(d: Document, unit: DocSpan, verb: Token) -> str | None:
    """Whose release tells the line, when no report comes before it: the force that says it
    ('Turkish Armed Forces said on Sunday, a total of 140 Daesh targets were destroyed': an
    Anadolu report of 2016 among the new articles of round 5), else the force conducting the
    operation it names ('165 Daesh targets have also been destroyed during the Turkey-led
    Operation Euphrates Shield', Anadolu 2017, the same set); only a force that strikes."""
    speaker = reporting_subject(verb, d)
    if speaker is not None and can_strike(speaker, d) and not d.ref.is_a(speaker, "Government"):
        return speaker
    for tok in own_region(verb, unit):
        op = d.entity(tok, "OPERATION")
        forces = d.ref.conducted_by.get(op.ent_id_, []) if op is not None else []
        striking = [f for f in forces if can_strike(f, d)]  # the Turkish forces, not the FSA
        if len(striking) == 1:
            return striking[0]
    return None


def named_agent(verb: Token, d: Document) -> Token | None:
    """The passive's agent, the first that names a force when it has several ('dropped by an
    F/A-18F super hornet fighter jet overnight by the Australian Air Task Group': AAP 2014)."""
    found = list(agents(verb))
    return next((a for a in found if np_actors(a, d)[0]), found[0] if found else None)


def launcher(verb: Token) -> Token | None:
    """The aircraft a munition dropped in the passive came from, when no agent says who
    dropped it: 'Two bombs from an Australian fighter jet have been dropped on an Islamic State
    facility' (AAP 2014, new dev set)."""
    for munition in (c for c in verb.children if c.dep_ == "nsubjpass" and is_munition(c)):
        for prep in munition.children:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                found = next((g for g in prep.children if g.dep_ == "pobj" and aircraft_word(g)),
                             None)
                if found is not None:
                    return found
    return None


def striking(verb: Token, d: Document) -> bool:
    """Whether a verb says 'strike' outright: a strike verb, or a munition dropped or fired."""
    return verb.lemma_.lower() in d.lex.strike_verbs or releases_munition(verb)


def told_as_done(verb: Token) -> bool:
    """'destroyed', 'has carried out', 'was struck': a verb in the past or perfect, so that it
    tells a strike that happened even when its clause gives no date."""
    if verb.tag_ == "VBD" or past_progressive(verb):
        return True  # "warplanes were bombing the compound": the past progressive too
    # "Royal Air Force aircraft successfully targeted members ...": a main verb the tagger
    # calls a participle is in the past
    return verb.tag_ == "VBN" and (verb.dep_ == "ROOT" or any(
        c.dep_ in ("aux", "auxpass") and c.lemma_.lower() in ("have", "be") for c in verb.children))


def _date_of(d: Document, n: int, unit: DocSpan, verb: Token,
             clause_verb: Token) -> tuple[When | None, str]:
    """The verb's own date; else a trailing date of its next conjunct ("killed two fighters
    and struck four positions on March 18"), of the carrying clause, or of the verb it is
    coordinated with; else the day before a dated reporting clause up to it."""
    when = when_in(own_region(verb, unit) + [verb], verb, d)
    if when is None:
        for child in verb.children:
            if child.dep_ == "conj" and child.pos_ == "VERB" and child.i > verb.i:
                sub = [t for t in in_unit(child.subtree, unit) if not excluded(t, child)]
                when = when_in(sub, child, d)
                if when is not None:
                    break
    if when is None and clause_verb != verb:
        # "conducted a mission near Baghuz on Thursday 14 March, striking two buildings"
        when = when_in(own_region(clause_verb, unit) + [clause_verb], clause_verb, d)
    if when is None and clause_verb.dep_ == "conj":
        # "destroyed three rest houses and killed five elements" on the same day.
        head = clause_verb.head
        when = when_in(own_region(head, unit), head, d)
    if when is not None:
        return when, "clause"
    return reporting_window(verb, unit, d), "report"


def _draft_of(d: Document, n: int, unit: DocSpan, strike: _Strike) -> Draft | None:
    """The report of a dated strike: at least one strike (or N times), placed by its verbs and
    the clauses carrying them, with what its verbs hit; an outcome verb alone needs something
    hit: a target type ("hit two ammunition depots") or an armed group's things ("destroyed 10
    Daesh targets"); a line of what was hit in the passive, any target ("the group's fortified
    area"). Not "Turkish jets have hit 1,200 targets" since an operation began: a tally of
    targets is no report."""
    verbs = strike.verbs
    draft = Draft(unit=n, anchor=verbs[0], span=Span(verbs[0].idx, verbs[0].idx + 1))
    # Saying that someone struck on a day reports at least one strike.
    draft.strike_count, draft.qualifier, draft.counted = 1, "atLeast", False
    says_strike = striking(verbs[0], d)
    draft.rule = MUNITION if strike.narrative else STRIKE_VERB if says_strike else OUTCOME_VERB
    if strike.rule:
        draft.rule = strike.rule
    if says_strike and releases_munition(verbs[0]):
        draft.rule = RELEASE
    times = times_count(verbs[0]) if says_strike else None
    if times is not None:  # "struck militants near Kobani 14 times on Sunday and Monday"
        draft.strike_count, draft.qualifier, draft.counted = int(times.value), times.qualifier, True
        draft.rule = TIMES
    draft.perpetrators = [strike.actor, *strike.others] if strike.actor else []
    draft.joined = strike.joined
    draft.needs_air_report = strike.headline_state
    draft.actor_source = strike.actor_source
    if strike.when is not None:
        draft.when, draft.when_source = strike.when, strike.when_source
    _place_and_hits(d, unit, draft, verbs)
    draft.country_source = "clause" if draft.countries else ""
    if not draft.targets and draft.killed is None and not any(
        striking(v, d) for v in verbs
    ) and not any(names_armed_group(o, d) or (strike.rule == PASSIVE_HIT and _enemy_target(o, d))
                  or _struck_object(o, strike, d) for v in verbs for o in target_objects(v)
                  if o.dep_ in ("dobj", "nsubjpass")):
        return None
    return draft


def _struck_object(obj: Token, strike: _Strike, d: Document) -> bool:
    """'Tornado jets ... destroyed targets in Sinjar' (BBC 2015's caption), 'the Australian
    Air Task Group ... attacked its first target in Iraq' (AAP 2014): what an air force or its
    aircraft destroyed or attacked as 'targets' in the body was struck, though the word names
    no target type. Not a tally of targets ('Turkish jets have hit 1,200 targets' since an
    operation began, genre: later/turkey_albab; 'attacked two targets', which the gold of
    Descrier 2014 counts as two strikes), not a title ('Coalition hits Mosul targets as Iraqi
    forces close', later/mosul_wire, which the gold of that set does not count), not a line of
    the passive ('targets were hit', read by its own rule)."""
    return strike.rule != PASSIVE_HIT and obj.dep_ == "dobj" and (
        obj.lemma_.lower() in STRUCK_OBJECT_NOUNS) and not d.in_title(obj) and not any(
        c.dep_ == "nummod" for c in obj.children)


def _place_and_hits(d: Document, unit: DocSpan, draft: Draft, verbs: list[Token]) -> None:
    """Places from the verbs, their outcome participles and the clauses carrying them; targets
    and the killed from the verbs and participles only."""
    participles = [c for v in verbs for c in v.children
                   if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG" and outcome(c, d)]
    carriers = [c for v in verbs for c in [carrying_clause(v, d)] if c is not None and c != v]
    carriers += [c.head for c in carriers if c.dep_ == "conj" and c.head.pos_ == "VERB"]
    for verb in dict.fromkeys([*verbs, *participles, *carriers]):
        countries, locations = places(own_region(verb, unit), d)
        draft.countries += [c for c in countries if c not in draft.countries]
        draft.locations += [loc for loc in locations if loc not in draft.locations]
        if verb in carriers:
            continue  # the carrying clause places the strike; what it hit is the verb's
        result = outcome(verb, d) or "struck"
        if result == "killed":
            killed = killed_by(verb)
            if killed is not None:
                draft.killed = (draft.killed or 0) + killed
        for obj in target_objects(verb):
            add_hits(draft, obj, result, d)


def carrying_clause(verb: Token, d: Document) -> Token | None:
    """The clause a strike verb is told in: its own, or, for 'conducted a mission ...,
    striking two buildings' and 'used a Hellfire missile to strike', the clause of the verb it
    completes. None when it is another clause's outcome ('killing five', which belongs to the
    strike it follows) or an unrealised infinitive ('orders to strike')."""
    participle = verb.tag_ == "VBG" and verb.dep_ in ("pcomp", "xcomp", "advcl", "acl")
    head = verb.head
    if participle:
        # only a strike verb makes a strike of another clause ("conducted a mission ...,
        # striking"); "crashed ..., killing its two pilots" is no strike
        if head.pos_ != "VERB" or head == verb or outcome(head, d) is not None or (
            head.lemma_.lower() in d.lex.strike_verbs
        ) or verb.lemma_.lower() not in d.lex.strike_verbs:
            return None
        return head
    if is_infinitive(verb):
        # "used a Hellfire missile to strike", "continued to attack ISIS yesterday"
        # "joined coalition aircraft to hit ISIS positions": a force joining another's strike
        if verb.dep_ in ("xcomp", "advcl") and head.pos_ == "VERB" and (
            head.lemma_.lower() == "use" or head.lemma_.lower() in ASPECT_VERBS
            or head.lemma_.lower() in JOINING_VERBS
        ):
            return head
        return None
    return verb


def narrative_date(d: Document, n: int, actor: str) -> When | None:
    """'On Tuesday 12 March, RAF Typhoons flew a patrol ... . The crews identified a
    building, and a Paveway IV was used to strike it.': a strike told as the next step of
    a dated sentence about the same force, in the same paragraph, takes its day."""
    paragraph = d.paragraph_of[n]
    for back in range(n - 1, -1, -1):
        if d.paragraph_of[back] != paragraph:
            return None
        unit = d.units[back]
        root = next((t for t in tokens_of(unit) if t.dep_ == "ROOT"), None)
        subj = subject(root) if root is not None else None
        if subj is None or np_actor(subj, d)[0] != actor:
            continue
        dates = [w for w in find_dates(unit, d.published) if w.start is not None]
        days = {(w.start, w.end) for w in dates}
        return dates[0] if len(days) == 1 else None
    return None
