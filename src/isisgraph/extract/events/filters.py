"""Mentions that are no new event: generic, habitual or prevented nouns, definite nouns that
refer back, attack nouns that are the means of a killing, background control changes and
tallies. (Negation, modality, conditions, intentions and reported speech are read by the
shared grammar: ``syntax.factuality``.)"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from isisgraph.closed_class import (
    ANAPHORIC_DETERMINERS,
    GENERIC_DETERMINERS,
    PRESUPPOSING_PREPOSITIONS,
    TEMPORAL_MARKS,
    TEMPORAL_PREPOSITIONS,
)
from isisgraph.extract.events.attacks import AIRCRAFT, repelled_by
from isisgraph.extract.events.candidate import ATTACK_KINDS, Candidate
from isisgraph.extract.events.entities import entity_at
from isisgraph.extract.events.triggers import Trigger
from isisgraph.extract.syntax.tree import governing_verb, of_objects
from isisgraph.lexicons import lexicon
from isisgraph.reference import Reference

WORDS = lexicon("events")
GENERIC_MODIFIERS = WORDS.generic_modifiers
UNREALISED_MODIFIERS = WORDS.unrealised_modifiers
GENERIC_GOVERNORS = WORDS.generic_governors
HARM_VERBS = WORDS.harm_verbs
OCCURRENCE_VERBS = WORDS.occurrence_verbs
OPERATION_NOUNS = WORDS.operation_nouns
SWEEP_MODIFIERS = WORDS.sweep_modifiers
WHOLE_NOUNS = WORDS.whole_nouns
CIRCUMSTANCE_VERBS = WORDS.circumstance_verbs
DAY_POSSESSORS = WORDS.day_possessors
LAND_SHARES = WORDS.territory_nouns | WORDS.share_words

GENERIC_NOUN = "events.filters.generic-noun"
ANAPHORIC_MENTION = "events.filters.anaphoric-mention"
MEANS_OF_HARM = "events.filters.means-of-harm"
MODIFIER = "events.filters.modifier"
UNANCHORED_ATTACK = "events.filters.unanchored-attack"
UNREALISED = "events.filters.unrealised"
LAUNCHED = "events.filters.launched"
BACKGROUND = "events.filters.background"
COUNTRY_WIDE = "events.filters.country-wide"
TALLY = "events.filters.tally"
RUNNING_TALLY = "events.filters.running-tally"
GROUP_DEFEAT = "events.filters.group-defeat"
SWEEP = "events.filters.sweep"
CIRCUMSTANCE = "events.filters.circumstance"
DAY_MENTION = "events.filters.day-mention"
# A period up to publication longer than this many days is a running count, not one event's
# time ("in recent weeks", "this month" are shorter).
RUNNING_DAYS = 31


def generic_noun(trigger: Trigger, has_date: bool) -> str | None:
    """Rule ``events.filters.generic-noun``: why a noun trigger is not one event — a generic
    determiner ("any attack"), a generic modifier on a plural or undated noun ("possible
    attacks"), a governor that prevents or expects it ("to prevent attacks"), a plural attack
    noun without a number that is no subject of harm ("stepped up attacks in Afghanistan",
    "dozens of bombings this year") nor fought off (``attacks.repelled_by``: "the PMU forces on
    Thursday repulsed the Daesh attacks on the villages of ...", "repelled major attacks by
    Daesh in Tal Afar", Tasnim 2017: the attacks fought off on one day are one event), an
    undated bare plural; else None."""
    noun = trigger.head
    determiners = [c for c in noun.children if c.dep_ in ("det", "predet")]
    if any(d.lower_ in GENERIC_DETERMINERS for d in determiners):
        return "generic determiner"
    if any(c.dep_ == "amod" and c.lower_ in GENERIC_MODIFIERS for c in noun.children) and (
        noun.tag_ == "NNS" or not has_date
    ):
        return "generic modifier"
    governor = governing_verb(noun)
    if governor is not None and governor.lemma_ in GENERIC_GOVERNORS:
        return "generic governor"
    plural = noun.tag_ in ("NNS", "NNPS")
    counted = any(c.dep_ == "nummod" for c in noun.children)
    if plural and not counted and trigger.word.frame == "attack" and not (
        noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_ in HARM_VERBS | OCCURRENCE_VERBS
    ) and not repelled_by(noun)[0]:
        # a tally or a trend, not one event
        return "plural attacks"
    if plural and not counted and not has_date and trigger.word.frame != "hostile-encounter":
        return "bare plural"
    return None


def group_defeat(trigger: Trigger, ref: Reference) -> bool:
    """Rule ``events.filters.group-defeat``: a killing noun whose object is an armed group
    itself, not people of it, is the group's defeat, no killing: "one of the bloodiest attacks
    since the elimination of ISIS in March 2019" (AFP 2020), "the elimination of ISIS in that
    region" (Inside Syria 2018). "The elimination of 30 ISIS militants" kills people, and
    "the killing of the ISIS leader" a person: both are kept."""
    noun = trigger.head
    if not trigger.is_noun or trigger.word.frame != "killing":
        return False
    objects = of_objects(noun)
    for obj in objects:
        ent = entity_at(obj)
        if ent is None or ent.root != obj:
            return False
        if not ref.is_a(ent.ent_id_, "ArmedGroup"):
            return False
    return bool(objects)


def sweep(trigger: Trigger) -> bool:
    """Rule ``events.filters.sweep``: a change of control whose object is all of a vague land
    noun ([sweep-modifiers] on a [whole-nouns] word) is the whole of what a campaign took or
    freed, told as background, no event: "having retaken all the territory captured by the
    extremists in 2014 and 2015" (Iraqi News 2018: both the retaking and the capture),
    "despite Iraq declaring the liberation of all its territories from ISIS" (Gulan 2024).
    "Regained 20 square miles", "recaptured all the villages south of Mosul" and "captured vast
    swathes of western Iraq" (a gold event in a 2014 report) are kept."""
    if trigger.word.frame not in CONTROL_FRAMES:
        return False
    head = trigger.head
    if trigger.is_noun:
        objects = of_objects(head)
    else:
        objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
        if head.dep_ in ("acl", "relcl"):
            objects.append(head.head)
    return any(obj.lemma_.lower() in WHOLE_NOUNS and any(
        c.dep_ in ("amod", "det", "predet") and c.lower_ in SWEEP_MODIFIERS for c in obj.children)
        for obj in objects)


def unrealised(trigger: Trigger) -> bool:
    """Rule ``events.filters.unrealised``: an event noun with a modifier that puts it in the
    future or in doubt has not happened, whatever its frame: "shaping operations in preparation
    for the eventual liberation of Mosul", "the imminent fall of Raqqa"."""
    return trigger.is_noun and any(c.dep_ == "amod" and c.lower_ in UNREALISED_MODIFIERS
                                   for c in trigger.head.children)


def launched(trigger: Trigger, launches: set[int]) -> bool:
    """Rule ``events.filters.launched``: an attack noun that is what a launch trigger launches
    is that operation, reported by the launch, not an attack of its own: "The SDF began a final
    assault to capture the enclave at Baghouz on Thursday". Only a noun of an operation
    ([operation-nouns]): an attack launched is an attack ("ISIS members launched an attack that
    targeted the house of the mukhtar", North Press 2022; "militants launched an attack on an
    army post"), which the launch reader does not read."""
    if not trigger.is_noun or trigger.word.frame not in ("attack", "hostile-encounter"):
        return False
    if trigger.head.lemma_.lower() not in OPERATION_NOUNS:
        return False
    head = trigger.head
    return head.dep_ in ("dobj", "nsubj") and head.head.i in launches


def anaphoric_mention(trigger: Trigger) -> bool:
    """Rule ``events.filters.anaphoric-mention``: "The attack followed ...", "Both attacks were
    confirmed", "its fighters carried out the attack": a definite noun that adds no
    participant, place, date or number of its own refers back to an event already reported
    (who it names is credited to that event: ``responsibility.credit_anaphors``)."""
    noun = trigger.head
    determiners = [c.lower_ for c in noun.children if c.dep_ in ("det", "predet")]
    if not determiners or not set(determiners) & ANAPHORIC_DETERMINERS:
        return False
    own = [t for t in noun.subtree if t.ent_type_ in ("PLACE", "DATE", "ACTOR", "CARDINAL")
           or (t.like_num and t != noun)]
    return not own


def day_mention(trigger: Trigger) -> bool:
    """Rule ``events.filters.day-mention``: an attack noun whose possessor is a day name
    ([day-possessors]) and that names no participant or number of its own refers back to the
    attack the article reports, like "the attack" (``anaphoric-mention``): "Thursday's attack,
    though deadly, signifies a minor act of retaliation" (The Atlantic 2017), "Friday's attack
    occurred in the district" (ARA News 2016), "the death toll from Sunday's truck bombing in
    Baghdad" (Irish Times 2016). So does a day name set before the noun: "the person killed in
    the Monday attack" (Stars and Stripes 2023). "Friday's ISIS attack" and "the Thursday attack
    on Peshmerga forces" (Kurdistan24) name their own and are kept."""
    if not trigger.is_noun or trigger.word.kind not in ATTACK_KINDS:
        return False
    noun = trigger.head
    if not any(c.dep_ in ("poss", "compound", "nmod") and c.lower_ in DAY_POSSESSORS for c in noun.children):
        return False
    return not [t for t in noun.subtree if t.ent_type_ in ("ACTOR", "CARDINAL")
                or (t.like_num and t != noun)]


def is_unanchored(cand: Candidate, has_date: bool) -> bool:
    """Rule ``events.filters.unanchored-attack``: an attack with no participant, place or date
    anchors nothing: "attack" in "the attack helicopters"; a clash with no side needs a
    place: "heavy fighting" alone is no event, "four days of heavy fighting in Mosul" is."""
    if cand.kind == "Clash":
        return not (cand.actors_filled() or cand.locations)
    return cand.kind in ATTACK_KINDS and not (cand.actors_filled() or cand.locations or has_date)


def is_subordinate(trigger: Trigger) -> bool:
    """Whether the trigger is backgrounded: a gerund or clause under a preposition or a
    subordinating conjunction, or a noun inside one ("months before being ousted from
    Raqqa"); see ``is_background``. Not a clause that elaborates its sentence's news: a gerund
    under "including" ("had made gains against the Islamic State elsewhere in the country,
    including re-capturing the northern city of Tikrit", USA Today 2015) or a "where" clause on
    a place of it ("setbacks on Tuesday in the region of Deir az-Zour, where regime forces
    retook swathes of territory", New Arab 2017)."""
    current = trigger.head
    for _ in range(8):
        if _elaborates(current):
            return False
        if current.dep_ in ("pcomp", "advcl", "acl", "relcl") or (
            current.dep_ == "pobj" and current.head.lower_ in TEMPORAL_PREPOSITIONS
        ):
            return True
        if current.head == current or current.dep_ in ("ROOT", "ccomp", "conj", "parataxis"):
            return False
        current = current.head
    return False


def _elaborates(clause: Token) -> bool:
    """A gerund under "including", or a relative clause opened by "where" (``is_subordinate``)."""
    if clause.dep_ == "pcomp" and clause.tag_ == "VBG":
        return clause.head.lower_ == "including"
    return clause.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children)


AIM = "events.filters.aim"
CONTROL_FRAMES = ("conquering", "losing-control", "falling", "victory")


def is_aim(trigger: Trigger, purpose: bool, has_date: bool) -> bool:
    """Rule ``events.filters.aim``: a change of control in a purpose infinitive with no date of
    its own is an aim, not an event: "approved the use of Coalition air power to ensure the
    enduring defeat of Daesh in the Makhmour Mountains" (Air Force Times 2021, new dev), "the
    proclaimed aim of the operation is to clear the region from terrorists" (Sputnik 2017, new
    dev), "strikes to drive ISIL out of Iraq" (dev releases)."""
    return purpose and not has_date and trigger.word.frame in CONTROL_FRAMES


def is_background(cand: Candidate) -> bool:
    """Rule ``events.filters.background``: an undated control change in a subordinate clause
    ("months before being ousted from Raqqa") is kept only to be merged into a dated report of
    the same change; left alone, it is no event. Not one told as what happened before the
    sentence's news, after "after", "since", "when" or "once" (``_past_by_its_subordinator``):
    "the first bombing in the region since Iraqi forces dislodged ISIS militants from their
    stronghold in Falluja" (Reuters via Al Ghad 2016), "concentrating its forces around Deir
    al-Zor after being pushed out of the south of Raqqa Province" (Reuters via Evo News 2017);
    the date layer dates it by the article when the text does not. Nor a participle after its
    verb with no conjunction, which tells what that verb's action took (``_outcome``): "have
    stormed an airbase in north-east Syria, capturing it" (The Age 2014), "have stormed
    neighbourhoods in the city of Hassakeh, capturing several areas" (AP 2015)."""
    undated = cand.when is None or cand.when.start is None
    return cand.kind == "ControlChange" and undated and cand.subordinate and not cand.merged \
        and not _past_by_its_subordinator(cand.trigger) and not _outcome(cand.trigger.head)


def _outcome(clause: Token) -> bool:
    """A participle after the verb it hangs from, with no conjunction or adverb of its own:
    the outcome of that verb's action ("stormed X, capturing it")."""
    return clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.i > clause.head.i \
        and clause.head.pos_ == "VERB" and not any(c.dep_ in ("mark", "advmod") for c in clause.children)


# The words that open a clause or a gerund of what happened before the sentence's news.
PAST_MARKS = (TEMPORAL_MARKS - {"before", "until"}) | {"since"}
PAST_PREPOSITIONS = PRESUPPOSING_PREPOSITIONS | {"since"}


def _past_by_its_subordinator(trigger: Trigger) -> bool:
    """Whether the subordinate clause the trigger is in is opened by [PAST_MARKS] ("since
    Iraqi forces dislodged ...") or is a gerund after [PAST_PREPOSITIONS] ("after being pushed
    out of ...")."""
    current = trigger.head
    for _ in range(8):
        if current.dep_ == "advcl":
            return any(c.dep_ == "mark" and c.lower_ in PAST_MARKS for c in current.children)
        if current.dep_ == "pcomp":
            return current.head.lower_ in PAST_PREPOSITIONS
        if current.dep_ in ("acl", "relcl") or current.head == current:
            return False
        current = current.head
    return False


def is_circumstance(cand: Candidate) -> bool:
    """Rule ``events.filters.circumstance``: a fighting noun with no side of its own that is
    the object of a verb of what people fled or reported on ([circumstance-verbs]) is the
    setting of what the sentence reports, no event of its own: "Iraqis fleeing the fighting in
    Hawija" (CNN 2017), "killed by a sniper while covering the clashes in Kirkuk city" (AP
    2016). A clash with its sides is kept, and so is fighting after a preposition ("after heavy
    fighting during the night" is gold in two dev articles)."""
    trigger = cand.trigger
    if cand.kind != "Clash" or not trigger.is_noun or cand.actors_filled():
        return False
    noun = trigger.head
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in CIRCUMSTANCE_VERBS


def is_tally(cand: Candidate) -> bool:
    """Rule ``events.filters.tally``: what is left with neither a date nor a place ("ISIS has
    killed thousands of civilians") is a tally, not an event; the killing of a named person
    is none ("US journalist James Foley was savagely murdered"), nor an outcome told as news
    (``continuation.merge_episodes``, whose step the final filter reads)."""
    undated = cand.when is None or cand.when.start is None
    return undated and not cand.locations and not cand.victims


def is_running_tally(cand: Candidate, text: str, published: dt.date | None) -> bool:
    """Rule ``events.filters.running-tally``: killings counted since a date, up to the day of
    the article, are a running count, not one event: "387 people, mainly soldiers, have been
    killed by IS in the desert since the beginning of 2023" (Xinhua 2023), "61 soldiers ...
    were killed in alleged ISIS attacks in the desert since the beginning of the year" (Arab
    Observer 2022), "ISIS fighters had killed nearly 4,100 people in Syria since 2019" (Al
    Arabiya 2024). A shorter period ("in recent weeks") is kept, and so are attacks ("the
    first attack since January" is dated by its own words) and arrests (the seeds' gold counts
    "the arrest of dozens of ISIS elements since the beginning of the year" as an event)."""
    when = cand.when
    if cand.kind != "Killing" or when is None or when.start is None \
            or when.end is None or published is None or when.end != published \
            or (when.end - when.start).days <= RUNNING_DAYS:
        return False
    if when.raw.lower().startswith("since"):
        return True
    return when.span is not None and text[:when.span.start].rstrip().lower().endswith("since")


def is_country_wide(cand: Candidate, ref: Reference, published: dt.date | None = None) -> bool:
    """Rule ``events.filters.country-wide``: an event with no date of its own, placed only by
    the bare name of a country (no region: not "northern Iraq", "a corner of Syria", "parts
    of"), is a summary over the country or an aim, no event: "In Iraq, more than 1,800
    Peshmerga were killed battling the group" (one article), "the arrest of six suspected ISIS
    members ... across the country" (another), "strikes to drive ISIL out of Iraq". A dated
    one is kept ("ISIS lost its last territory in Syria in March 2019"), unless it is a clash
    of no named side, a campaign ("the battle against insurgents ... in Iraq ... in 2007"), or
    the purpose of a change of control, a war aim ("conducted 12 strikes on Monday to drive
    ISIL out of Iraq"; "crossed the border in January to seize parts of northern Syria" names a
    region and is kept). A change of control placed only by the bare name of a country and
    dated a year or more before the article (``published``) is its history, not its news: the
    group's seizure of land in Iraq and Syria in 2014 recalled in a 2019 report of arrests at
    the border (New Arab) and in a 2021 report of an attack (Rudaw), and again in 2018 and 2022
    reports (Iraqi News, Arab Observer), and so is a stretch of it: "IS captured large swathes
    of Iraq and Syria in 2014" in a 2019 report (New Arab), "ISIS overran large swathes of Syria
    and Iraq in 2014" in a 2024 one (Al Arabiya). A region of a country is kept (the seizure of
    "northern and central Iraq" in 2014 is an event of a 2025 article's reference), and so is
    a killing (a genocide of 2014 recalled in a 2022 report, CS Monitor)."""
    if not cand.locations or cand.victims:
        return False
    if cand.kind == "ControlChange" and published is not None and cand.when is not None \
            and cand.when.start is not None \
            and (published - (cand.when.end or cand.when.start)).days >= 365 \
            and all(_bare_country(iri, cand, ref, shares=True) for iri in cand.locations):
        return True  # the seizure of land in a country in 2014, told in 2019: history
    if not all(_bare_country(iri, cand, ref) for iri in cand.locations):
        return False
    if cand.kind == "Clash" and not cand.perpetrators:
        return True  # "the battle against insurgents and terrorists in Iraq ... in 2007"
    if cand.kind == "ControlChange" and cand.fact.purpose:
        return True  # "conducted 12 strikes on Monday to drive ISIL out of Iraq": a war aim
    return cand.when is None or cand.when.start is None


def _bare_country(iri: str, cand: Candidate, ref: Reference, shares: bool = False) -> bool:
    """Whether ``iri`` is a country the candidate names bare, with no region: with ``shares``,
    a share or stretch of it ([territory-nouns], [share-words]: "large swathes of Syria and
    Iraq", "much of Iraq") is the country too."""
    tokens = cand.location_tokens.get(iri)
    if not tokens or not ref.is_a(iri, "Country"):
        return False
    ent = entity_at(tokens[0])
    if ent is None:
        return False
    root = ent.root
    if any(c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ not in ("PLACE", "GPE")
           for c in root.children):
        return False  # "northern and central Iraq"
    preposition = root.head
    if root.dep_ == "conj" and root.head.ent_type_ in ("PLACE", "GPE"):
        preposition = root.head.head  # "swathes of Syria and Iraq": Iraq's "of" is Syria's
        root = root.head
    return not (root.dep_ == "pobj" and preposition.lower_ == "of"
                and preposition.head.pos_ in ("NOUN", "ADJ", "NUM")  # "a corner of Syria"
                and not (shares and preposition.head.lemma_.lower() in LAND_SHARES))


def means_of_harm(triggers: list[Trigger]) -> set[int]:
    """Rule ``events.filters.means-of-harm``: plural attack nouns under a killing verb are its
    means ("killed scores in attacks on their positions"), folded into the killing, so they
    are not read as events of their own."""
    killing_heads = {t.head.i for t in triggers if t.word.frame == "killing" and not t.is_noun}
    out: set[int] = set()
    for trigger in triggers:
        if trigger.word.frame not in ("attack",) or not trigger.is_noun:
            continue
        noun = trigger.head
        if noun.tag_ != "NNS":
            continue
        if any(ancestor.i in killing_heads for ancestor in noun.ancestors):
            out.add(noun.i)
    return out


def modifiers(triggers: list[Trigger]) -> set[int]:
    """Rule ``events.filters.modifier``: a trigger noun that modifies another noun names a kind
    of thing, not an event: "a mix of attack, fighter and bomber aircraft" (strike releases),
    "destroyed two ISIS fighting positions", "an arrest warrant"; so is a trigger noun the
    parser gives the next noun as its object, a compound misread in a list of targets
    ("destroying two motorcycles, tunnel systems, fighting positions and an ISIL building",
    a Reuters relay of strike releases, 2015; "fighting positions" read as a verb and its
    object, "targeting multiple IS fighting positions", is not caught). A noun modifying
    another trigger ("a bombing attack") is left to the merge of the two. So is a bare noun
    that the parser makes the head of a list of aircraft types it modifies (``_listed_aircraft``)."""
    heads = {t.head.i for t in triggers}
    out: set[int] = set()
    for trigger in triggers:
        noun = trigger.head
        if not trigger.is_noun:
            continue
        if noun.tag_ in ("NN", "NNS") and any(c.dep_ == "dobj" and c.i == noun.i + 1 and c.pos_ == "NOUN"
                                              for c in noun.children):
            # a noun with an object is the parser's misreading of a compound in a list
            # ("destroying two motorcycles, tunnel systems, fighting positions and ...")
            out.add(noun.i)
            continue
        if _listed_aircraft(noun):
            out.add(noun.i)
            continue
        modifier = noun
        while modifier.dep_ == "conj" and modifier.head != modifier:
            modifier = modifier.head  # "attack, fighter and bomber aircraft"
        if modifier.dep_ not in ("compound", "nmod", "amod") or modifier.head.i in heads:
            continue
        if modifier.head.pos_ in ("NOUN", "PROPN") and modifier.head.i > modifier.i \
                and modifier.head.i not in {t.i for t in trigger.tokens}:
            out.add(noun.i)
    return out


def _listed_aircraft(noun: Token) -> bool:
    """ "using attack, bomber and fighter aircraft" (a CENTCOM release relayed by KUNA, 2014),
    "employing attack and fighter aircraft" (a CENTCOM release, 2014): a bare singular noun
    (no determiner, number or possessor) whose list ends in an aircraft noun names a type of
    aircraft, even where the parser makes it the head of the list and the aircraft noun its
    last conjunct."""
    if noun.tag_ != "NN" or any(c.dep_ in ("det", "poss", "nummod") for c in noun.children):
        return False
    return any(c.i > noun.i and c.lemma_.lower() in AIRCRAFT for c in noun.conjuncts)
