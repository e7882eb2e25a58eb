"""Whom an attack hit, and who did a killing told with its attack: the attack-killing pairs
(rule ``events.sides.attack-killing``) and the state's forces named only by a word such as
"soldiers" or "a checkpoint" (rule ``events.sides.state-target``). Called by
``sides.complete_from_article`` once the article's attackers are known."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from isisgraph import descriptions
from isisgraph.extract.context import anchor_of, reporting_forces
from isisgraph.extract.events.candidate import ATTACK_KINDS
from isisgraph.extract.events.entities import is_sponsor_modifier
from isisgraph.extract.events.parties import NON_MILITANT_GROUPS, fights
from isisgraph.extract.shared import entities
from isisgraph.extract.syntax.tree import children, is_passive
from isisgraph.lexicons import lexicon
from isisgraph.namespaces import ID
from isisgraph.records import Event
from isisgraph.reference import Reference

WORDS = lexicon("events")
STATE_TARGET = "events.sides.state-target"
STATE_FORCE_WORDS = WORDS.state_force_words
GOVERNMENT_FORCES = str(ID["description/government-forces"])


ATTACK_KILLING = "events.sides.attack-killing"
# How a killing's clause holds the attack that did it: "were killed when militants attacked",
# "killed during an attack by", "killed in an ISIS attack"
ATTACK_CLAUSE_MARKERS = WORDS.attack_clause_markers
ATTACK_CLAUSE_PREPOSITIONS = WORDS.attack_clause_prepositions


def attack_killings(events: list[Event], doc: Doc) -> list[tuple[Event, Event]]:
    """(attack, killing) pairs of ``events`` whose killing's clause holds the attack: the
    attack verb in a "when"/"as" clause of the killing verb, or the attack noun after
    "during"/"in" on it; or the killing a participle on the attack verb ("attacked a base,
    killing three soldiers")."""
    anchors = [(e, anchor_of(doc, e)) for e in events]
    attacks = [(e, a) for e, a in anchors if a is not None and e.kind in ATTACK_KINDS]
    killings = [(e, a) for e, a in anchors if a is not None and e.kind == "Killing"]
    pairs = []
    for killing, k in killings:
        for attack, at in attacks:
            if at.sent != k.sent or at == k:
                continue
            hosts = _hosts(at)
            held = k in hosts or (k.dep_ == "xcomp" and k.head in hosts) or (
                k.head == at and k.dep_ == "advcl" and k.tag_ == "VBG")
            if held:
                pairs.append((attack, killing))
    return pairs


def share_attack_sides(pairs: list[tuple[Event, Event]]) -> None:
    """Rule ``events.sides.attack-killing``: a killing told with the attack that did it (its
    clause holds the attack, :func:`attack_killings`) was done by the attackers, and those it
    killed were the attack's target; only sides left empty are filled: "three security
    members were killed ... when IS militants attacked their military base" (Xinhua 2015),
    "five of its members had been killed during an attack by Islamic State militants"
    (Reuters 2025), "four security personnel were killed" in "an attack ... claimed by ISIS"
    (The National 2025)."""
    for attack, killing in pairs:
        if attack.perpetrators and not killing.perpetrators \
                and not set(attack.perpetrators) & set(killing.target_actors):
            killing.perpetrators = list(attack.perpetrators)
            killing.extractor += f"+{ATTACK_KILLING}"
        if killing.target_actors and not attack.target_actors \
                and not set(killing.target_actors) & set(attack.perpetrators):
            attack.target_actors = list(killing.target_actors)
            attack.extractor += f"+{ATTACK_KILLING}"


HARM_VERBS = WORDS.harm_verbs


def attack_victims(events: list[Event], doc: Doc, ref: Reference) -> None:
    """Rule ``events.sides.attack-killing`` (the clause): an attack with no target, told as
    what killed or wounded people ("three security members were killed and five others
    wounded when IS militants attacked their military base", Xinhua 2015; regime soldiers
    who died when their vehicle came under attack, Arab Observer 2022; a soldier killed and
    others injured in an attack "the military said", TRT World 2016; fighters "reported
    killed" in an attack, North Press 2021), hit those people: the forces their phrase
    names, else, by a word of [state-force-words] no name qualifies, the government forces
    of the place's country at the date (as ``events.sides.state-target``). Nothing when the
    sentence names another force fighting the attackers: "The SDF said five of its members
    were killed during an attack on a checkpoint" is no attack on the state's checkpoint."""
    readings = ref.descriptions.get(GOVERNMENT_FORCES, ())
    actors = [e for e in entities(doc) if e.label_ == "ACTOR" and e.ent_id_]
    for event in events:
        if event.kind not in ATTACK_KINDS or event.target_actors or not event.perpetrators:
            continue
        anchor = anchor_of(doc, event)
        victims = _casualties_of(anchor) if anchor is not None else []
        if not victims:
            continue
        found = [e.ent_id_ for v in victims for e in actors
                 if v.left_edge.i <= e.start and e.end <= v.right_edge.i + 1
                 and e.ent_id_ not in event.perpetrators and fights(e.ent_id_, ref)]
        if not found:
            found = _owners_reporting(victims, event, ref)
        if found:
            event.target_actors = list(dict.fromkeys(found))
            event.extractor += f"+{ATTACK_KILLING}"
            continue
        if not any(_unowned_state_word(t) for v in victims for t in v.subtree):
            continue
        actor = _government_forces(event, readings, ref, doc)
        if actor is not None and not _other_force_named(anchor, event, actors, ref, actor, anchor.sent):
            event.target_actors = [actor]
            event.extractor += f"+{ATTACK_KILLING}"


def _owners_reporting(victims: list[Token], event: Event, ref: Reference) -> list[str]:
    """Victims named with a possessive pronoun ("five of its members", "their fighters") are
    those of the force that reports them (rule ``events.context.statement-owner`` for the
    victims of an attack): "The Kurdish-led Syrian Democratic Forces said ... that five of its
    members had been killed during an attack by Islamic State militants" (Reuters 2025); not
    a force among the attackers, nor one no verb of saying makes the speaker."""
    owned = [v for v in victims if any(t.dep_ == "poss" and t.lower_ in OWNER_PRONOUNS for t in v.subtree)]
    return [f for v in owned[:1] for f in reporting_forces(v, [], ref)
            if f not in event.perpetrators and fights(f, ref)]


BLAMED_ON = "events.sides.blamed-on"
ATTRIBUTION_VERBS = WORDS.attribution_verbs


def blamed_on(events: list[Event], doc: Doc, ref: Reference) -> None:
    """Rule ``events.sides.blamed-on``: a killing or an attack that names no doer, whose own
    word or a noun after a preposition of it (the bomb, the ambush it was killed in) bears a
    participle of [attribution-verbs] naming an armed group, was that group's: "At least 53
    people were killed Friday in an ambush in central Syria blamed on the Islamic State group"
    (AFP via Frontier Post 2023), "twelve workers ... were killed ... in an attack attributed to
    the Islamic State" (Le Monde 2022). Never a group among those it hit."""
    actors = [e for e in entities(doc) if e.label_ == "ACTOR" and e.ent_id_]
    for event in events:
        if event.perpetrators or not (event.kind == "Killing" or event.kind in ATTACK_KINDS):
            continue
        anchor = anchor_of(doc, event)
        if anchor is None:
            continue
        nouns = [anchor, *(o for p in children(anchor, "prep") for o in children(p, "pobj"))]
        owners = [o for noun in nouns for part in noun.children
                  if part.dep_ == "acl" and part.tag_ == "VBN" and part.lemma_.lower() in ATTRIBUTION_VERBS
                  for p in children(part, "prep", "agent") if p.lower_ in ("on", "to", "by")
                  for o in children(p, "pobj")]
        found = [e.ent_id_ for o in owners for e in actors
                 if o.left_edge.i <= e.start and e.end <= o.right_edge.i + 1
                 and ref.is_a(e.ent_id_, "ArmedGroup") and e.ent_id_ not in event.target_actors]
        if found:
            event.perpetrators = list(dict.fromkeys(found))
            event.extractor += f"+{BLAMED_ON}"


def _marked_clause(verb: Token) -> bool:
    """A clause opened by a word of [attack-clause-markers]: "when militants attacked"."""
    return verb.dep_ == "advcl" and any(c.lower_ in ATTACK_CLAUSE_MARKERS and c.dep_ in ("advmod", "mark")
                                        for c in verb.children)


def _attack_host(anchor: Token) -> Token | None:
    """The verb whose clause holds an attack word: the verb a "when"/"as" clause of the attack
    verb hangs on ("were killed when militants attacked"), the verb an attack noun after
    "during"/"in" hangs on ("killed during an attack"), or the verb a "when" clause hangs on
    whose verb has the attack noun in any prepositional phrase ("died when their vehicle came
    under attack")."""
    if _marked_clause(anchor):
        return anchor.head
    if anchor.dep_ != "pobj":
        return None
    verb = anchor.head.head
    if anchor.head.lower_ in ATTACK_CLAUSE_PREPOSITIONS:
        return verb
    return verb.head if verb.pos_ in ("VERB", "AUX") and _marked_clause(verb) else None


def _hosts(anchor: Token) -> list[Token]:
    """The host of an attack word (:func:`_attack_host`) and the verb it is joined to."""
    host = _attack_host(anchor)
    if host is None:
        return []
    # "one soldier was killed and five others were injured in an attack, the military said":
    # the parser may make the two verbs two complements of the verb of saying
    paired = [v for v in host.head.children if v.i < host.i and v.dep_ == host.dep_ != "ROOT"
              and v.pos_ == "VERB" and any(c.dep_ == "cc" for c in v.children)] if host.head != host else []
    return [host, *([host.head] if host.dep_ == "conj" else []), *paired[-1:]]


def _harm_clause_verbs(anchor: Token) -> list[Token]:
    """The verbs of harm (``HARM_VERBS``) whose clause holds the attack word ``anchor``
    (:func:`_attack_host`): the host, a verb the host is joined to ("were killed and five others
    wounded when ..."), and a harm participle that completes a host of reporting ("were
    reported killed in the first ISIS attack")."""
    verbs = _hosts(anchor)
    out = [v for v in verbs if v.lemma_.lower() in HARM_VERBS]
    out += [c for v in verbs if v.lemma_.lower() not in HARM_VERBS for c in children(v, "xcomp")
            if c.lemma_.lower() in HARM_VERBS and c.tag_ == "VBN"]
    return out


def _casualties_of(anchor: Token) -> list[Token]:
    """The people killed or wounded by the verb whose clause holds an attack word: "were
    killed ... when militants attacked", "were killed during an attack", "died when their
    vehicle came under attack", "were reported killed in an attack" (the subject of the verb
    the harm participle completes)."""
    out: list[Token] = []
    for verb in _harm_clause_verbs(anchor):
        holder = verb.head if verb.dep_ == "xcomp" else verb
        out += children(holder, "nsubjpass") + (
            children(verb, "nsubj") if not is_passive(verb) and verb.lemma_.lower() == "die" else [])
    return out


OWNER_PRONOUNS = WORDS.owner_pronouns


def _other_force_named(anchor: Token, event: Event, actors: list, ref: Reference, state: str,
                       words: Iterable[Token]) -> bool:
    """Whether the victims may be another force's: ``words`` (the event's sentence) hold a
    possessive pronoun ("its members", "their post") and the sentence of ``anchor`` names a fighting force
    other than the event's attackers and the state's forces ``state`` (or a force of theirs).
    A force named only as the speaker of news of an attack on the state's men ("a spokesman
    for the YPG said IS militants attacked government-held neighbourhoods", AP 2015) does not
    count: nothing says the victims were its."""
    if not any(t.dep_ == "poss" and t.lower_ in OWNER_PRONOUNS for t in words):
        return False
    sent = anchor.sent
    own = {state, *ref.memberships(state)}
    return any(sent.start <= e.start < sent.end and e.ent_id_ not in event.perpetrators
               and e.ent_id_ not in own and state not in ref.memberships(e.ent_id_)
               and fights(e.ent_id_, ref) and not is_sponsor_modifier(e) for e in actors)


def _government_forces(event: Event, readings, ref: Reference, doc: Doc | None = None) -> str | None:
    """The government forces of the country of the event's places at its date; with ``doc``,
    when its places lie in no known country (a village the reference data lacks), of the
    country most of the article's places lie in."""
    countries = Counter(c for place in event.locations if (c := ref.country_of(place)) is not None)
    when = event.when.start if event.when is not None and event.when.start is not None else None
    period = descriptions.Period.day(when) if when is not None else None
    contexts = [descriptions.Context("place", countries)]
    if doc is not None and not countries:
        contexts.append(descriptions.Context("article", Counter(
            c for e in entities(doc) if e.label_ == "PLACE" and e.ent_id_
            and (c := ref.country_of(e.ent_id_)) is not None), majority=True))
    actor, _ = descriptions.read(readings, contexts, period)
    return actor if len(countries) <= 1 else None


def state_targets(events: list[Event], doc: Doc, ref: Reference) -> None:
    """Rule ``events.sides.state-target``: an attack or killing by a militant group that names
    no target but tells that a state's forces were hit ([state-force-words]: "a military bus",
    "three security members", "a police station", "government-held neighbourhoods") hit the
    government forces of the country of its place at its date (the description "government
    forces": the ISF in Iraq, the Syrian Arab Army in Syria until December 2024). A word whose
    owner is named ("American soldiers", "Kurdish police") is left to that name, and so is
    one in a sentence that names another force fighting the attackers ("The SDF said five of
    its members were killed during an attack ... on a checkpoint", Reuters 2025: the SDF's
    checkpoint)."""
    readings = ref.descriptions.get(GOVERNMENT_FORCES, ())
    actors = [e for e in entities(doc) if e.label_ == "ACTOR" and e.ent_id_]
    for event in events:
        if event.target_actors or not (event.kind in ATTACK_KINDS or event.kind == "Killing"):
            continue
        if not any(ref.is_a(p, "ArmedGroup") and p not in NON_MILITANT_GROUPS for p in event.perpetrators):
            continue
        span = doc.char_span(event.span.start, event.span.end, alignment_mode="expand")
        if span is None or not any(_unowned_state_word(t) for t in span):
            continue
        actor = _government_forces(event, readings, ref)
        if actor is not None and not _other_force_named(span.root, event, actors, ref, actor, span.root.sent):
            event.target_actors = [actor]
            event.extractor += f"+{STATE_TARGET}"


def _unowned_state_word(token: Token) -> bool:
    """A word of [state-force-words] no name or nationality qualifies."""
    if token.lemma_.lower() not in STATE_FORCE_WORDS and token.lower_ not in STATE_FORCE_WORDS:
        return False
    if token.ent_type_:
        return False  # part of a name ("the Iraqi army", "Syrian Democratic Forces")
    owner = token.head if token.dep_ in ("compound", "amod", "npadvmod") else token
    return not any(c.ent_type_ or c.pos_ == "PROPN" or c.dep_ == "poss"
                   for c in owner.children if c.dep_ in ("amod", "compound", "poss", "nmod"))
