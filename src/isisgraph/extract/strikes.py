"""Strike reports: aggregate strike counts as releases and the press report them.

``extract_strike_reports(doc, article, ref)`` reads a parsed article (the project pipeline:
ACTOR / PLACE / OPERATION entities whose ``ent_id_`` is the reference IRI, plus spaCy's own
entities and parse) and returns one ``StrikeReport`` per textual report:

- count reports: a strike noun of the event-trigger lexicon's strike frame ("strikes",
  "airstrikes", "air strikes", "sorties", "drone strike"; a strike word in an argument
  position is a noun even when the tagger calls it a verb) with a count ("conducted 28
  strikes", "More than two-dozen airstrikes", "dozens of air raids", "There were no strikes
  in Syria" → 0) and the engagements that go with it ("250 strikes consisting of 398
  engagements", "99 strikes and 139 engagements"); a single strike ("an air force strike
  killing five") when the text names who struck and when, or, as a release's line ("an
  airstrike northwest of Mosul Dam destroyed ..."), when it has a place and reads as a part
  of a total (which then says who and when). "raids" are strikes only with an air word, or
  as a definite anaphor of air raids named before ("34 of the raids");
- breakdowns: anaphora of the previous count ("one of them was ... near X", "the other five
  were near X", "All but one were in the area around X" → N-1, "12 of the raids targeted X"),
  which need a place; and bare numbers after "including" ("11 strikes in Iraq, including
  three near Makhmour and two near Mosul"), each placed or dated by its own phrase. They are
  ``part_of`` the report they break down;
- dated strikes without a number ("the RAF struck positions on March 12, destroyed two
  buildings on March 17"; "On January 7, Iraqi aircraft destroyed three rest houses";
  "Coalition strikes destroyed 15 vehicles over the weekend"): a strike verb (or an outcome
  verb such as destroy/kill/target whose subject is an air force, aircraft or a coalition),
  or plural strikes without a number, with a named subject, a date, and something hit (a
  target type, people killed, or an object naming an armed group: "10 Daesh targets"). A
  strike verb may be told in another clause: a participle ("conducted a further mission
  near Baghuz on Thursday 14 March, striking two buildings") or a purpose of "use" ("used a
  Hellfire missile to strike a group of terrorists") takes that clause's subject, place and
  date. They report at least one strike: ``strike_count`` 1, ``count_qualifier`` "atLeast"
  (the gold guideline, tests/gold/README.md) — or N when the verb says "N times" ("struck
  ... 14 times").

Who struck: the subject of the conducting verb ("the coalition conducted"), the by-agent, an
actor before the noun ("U.S. airstrike", "coalition strikes"); every actor of a coordinated
subject ("U.S. and coalition military forces"), a government before a force noun standing
for its one state force ("U.S. and partner military forces" → the US armed forces);
aircraft by their owner ("RAF Typhoons", "Russian warplanes", "A pair of Typhoons" → the
owner of the last Typhoons named with one; a generic "jets" only within the paragraph), a
munition as subject ("a Paveway IV guided bomb was used to strike it") by the air force last
named in the paragraph; "it"/"they" resolved to the subject of the reporting clause — or the
owner of a speaking document ("The coalition's weekly report said it") — or of the previous
sentence; "the operation"/"the joint operation" to the last coalition or named operation
mentioned; "air force strike" to the air force of the country of the clause's actor; a
release's lead ("U.S. and coalition military forces continued to attack ISIL") for the lines
below it. Never the speaker ("the SDF said ...") and never the subject of a verb that does
not strike ("the operation detected 72 strikes from other actors" has no perpetrator);
"unidentified aircraft" strike for nobody.

Countries: Country places in the clause, and the countries of the located places
(``ref.country_of``, or the NLP stage's GeoNames country for minted places); "on the border
with Iraq" is not a strike location, and places found only for "most of them" are locations
without countries. A dateline ("MOSCOW, Oct 7 (Reuters) -", "SOUTHWEST ASIA, Oct. 4, 2017 —")
neither places nor dates anything. A located line that names no country ("Four airstrikes
near the Syrian-Turkish border") is in the country of the report before it in its paragraph.

Periods: ``dates.find_dates`` over the clause, the clause's own first: a participle of the
strike noun ("no strikes reported in Iraq on Oct. 2", "strikes conducted near Hajin") is
part of it. Never from a relative clause ("Hawija, which was liberated in September"), from
a comparison ("three times as many as in March"), from a clause dating another event
("after the city fell in June") or from the reporting clause ("a statement it released on
Tuesday"). Relative dates count from the day of the reporting clause when it names one
("the ministry said on Friday that its aircraft flew 45 sorties over the past 24 hours"),
else from publication; "since the campaign began in 2014", "since the start of the operation
on Sept. 30" run up to that day. When only the reporting clause is dated ("..., the Security
Media Cell said on Sunday"), the strikes are placed in the week up to that report, precision
approximate, unless the context gives their period. A strike told as the next step of a
dated sentence about the same force in the same paragraph ("On Tuesday 12 March, RAF
Typhoons flew a patrol ... a Paveway IV was used to strike it") takes its day, when the
strike's own force was inferred.

Context, in document order: a following sentence that dates or places an earlier count ("That
figure includes strikes in both Syria and Iraq from March 10-23") completes it; strike
sentences without a count or date add their targets to the report they follow ("The
coalition in Syria conducted strikes against 346 tactical units and destroyed 104
vehicles"), unless they state another strike ("an airstrike ...", a count); a report missing
its actor, country or period takes them from the report it breaks down, else from the
previous report (the actor from the previous strike sentence; the countries only from a
total by the same actor whose period does not lie inside mine; the period only from a
report by the same actor within three sentences — for strikes the text names as others', the
release's total within ten — else from a sentence about "the latest strikes" that dates
them without a count: "which took place between 8 a.m. yesterday and 8 a.m. today").

A report is ``part_of`` the nearest earlier report whose scope contains it: the same counted
noun (sorties never break down strikes), fewer or equal strikes, the same (or a containing)
actor, and a strictly narrower place (countries or located places, or an unnamed place in
the total's countries: "Near Baghdadi", "near the border") or a strictly shorter period
inside the total's with no new place ("There were no strikes in Iraq on Jan. 24 and 25" of
the week's Iraq count); its period inside the total's (or within a week of a week-long or
approximate total). A breakdown larger than the number its total states ("34 of the raids"
after "dozens", at least 24) is read as a part for context but not asserted as one: the
shapes hold a part to at most its total.

Not reports: negated, modal, conditional, intended or denied strikes ("would", "could",
"plans to", "if", "did not", "denied that its jets had bombed", "rejecting reports that
drones had hit"), infinitives ("orders are issued to army aircraft to strike") except the
purpose of "use", participles of outcome verbs whose clause is no strike ("crashed ...,
killing its two pilots"), generic mentions without count and date ("the US focusing on air
strikes", "any strike"), definite back-references ("The strike was part of a broader
operation"), and counts derived by arithmetic ("three times as many as in March").

Kept only with an actor (or the text's word that the strikes were others' or nobody's) and a
period (resolved, as written, or from the total): a bare "There were no strikes in Iraq" is
left out rather than guessed.

Confidence (0.1-0.95): 0.4, plus 0.2 for an explicit count (0.1 for a dated report without
one), plus 0.15 for an actor named in the clause (0.05 when it is inferred from a pronoun,
a generic noun, an aircraft's earlier owner, the paragraph or the context), plus 0.1 for a
country in the clause (0.05 when inherited), plus 0.15 for a period resolved in the clause
(0.07 when it comes from the context, the paragraph or the report's date, or has no
publication date to resolve against); minus 0.1 when the count is only a lower bound or
approximate (so a dated strike without a number, 1 atLeast, scores lower than a counted
one).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from isisgraph.closed_class import PARTITIVE_PRONOUNS, SUBJECT_PRONOUNS, TEMPORAL_MARKS
from isisgraph.extract.dates import find_dates
from isisgraph.extract.numbers import VAGUE_PLURALS, CountMatch, find_counts
from isisgraph.extract.shared import entities, tokens_of
from isisgraph.extract.syntax.counting import count_of, quantity_head
from isisgraph.extract.syntax.factuality import irrealis
from isisgraph.extract.syntax.speech import reporting_tokens, speech_frame
from isisgraph.extract.syntax.tree import (
    NOMINAL_DEPS,
    agents,
    ancestors_to,
    clause_head,
    finite_clause,
    governing_verb,
    is_including,
    is_infinitive,
    subject,
)
from isisgraph.extract.syntax.units import dateline_tokens, has_word, paragraphs, same_line, units
from isisgraph.records import Article, NewPlace, Span, StrikeReport, Target, When
from isisgraph.reference import Reference

EXTRACTOR = "strike-rules"

# Verbs whose subject carries out the strikes named by their object ("conducted 28 strikes").
CONDUCT_VERBS = frozenset({
    "conduct", "carry", "launch", "execute", "perform", "fly", "mount", "stage", "make",
    "undertake", "deliver", "complete", "unleash",
})
# Verbs whose subject is the force striking in a release's lines ("continued to attack ISIL").
FRAME_VERBS = frozenset({"attack"})
# Verbs that state strikes as a fact without saying who struck ("There were no strikes").
EXISTENTIAL_VERBS = frozenset({"be", "occur", "take"})
# Verbs that report strikes by others: their subject is not the perpetrator.
OBSERVATION_VERBS = frozenset({"detect", "observe", "record", "monitor", "document", "count",
                               "track",
                               "condemn", "deny", "report"})
# Verbs that count or sum strikes ("the total includes 40 strikes", "strikes rose to 50").
TALLY_VERBS = frozenset({"include", "total", "number", "reach", "rise", "fall", "comprise",
                         "involve", "bring", "raise", "see", "continue", "kill", "hit", "destroy"})
# Strikes that are not military: "hunger strikes", "a general strike".
NON_MILITARY_STRIKES = frozenset({"hunger", "general", "labor", "labour", "worker", "workers",
                                  "teacher", "teachers", "student", "students", "sit"})
MODIFIER_DEPS = ("compound", "amod", "poss", "nmod", "npadvmod")
# Noun phrases that stand for the campaign's command without naming it ("the US-led operation").
GENERIC_COMMAND_HEADS = frozenset({"coalition", "operation", "alliance", "command", "force",
                                   "mission"})
# Nouns for a force, whose modifiers name whose it is ("coalition military forces").
FORCE_NOUNS = frozenset({"force", "troop", "military", "unit", "aircraft", "jet", "warplane"})
# Nouns for aircraft: "RAF Typhoons struck", "Iraqi jets destroyed".
AIRCRAFT_NOUNS = frozenset({
    "aircraft", "jet", "warplane", "plane", "drone", "bomber", "fighter", "helicopter",
    "typhoon", "tornado", "reaper", "f-16", "f-15", "f-35", "su-24", "su-25", "su-34", "gunship",
    "hornet", "rafale", "mirage", "predator", "apache", "warthog", "stratofortress", "lancer",
})
# Military aircraft designators: "F-16s", "CF-18s", "Su-34", "B-52", "F/A-18F", "AC-130".
AIRCRAFT_DESIGNATOR = re.compile(r"^(?:[a-z]{1,3}/)?[a-z]{1,3}-\d{1,3}[a-z]?$")
# Words in an actor's labels that say it strikes from the air.
AIR_WORDS = ("air force", "aircraft", "jets", "warplanes", "aviation", "drone", "airstrike",
             "air strike", "aerospace", "air arm")
# Strike nouns that also name ground operations: they count as strikes only with an air word.
GROUND_AMBIGUOUS = frozenset({"raid"})
AIR_MODIFIERS = frozenset({"air", "aerial", "drone", "airstrike", "air-strike"})
ENGAGEMENT_LEMMAS = frozenset({"engagement"})
VAGUE_PARTITIVES = frozenset({"most", "many", "some", "several", "much", "majority", "bulk"})
SENTENCES_BACK_FOR_ACTOR = 3
SENTENCES_BACK_FOR_PERIOD = 3
SENTENCES_BACK_FOR_OTHERS = 10  # "the Coalition also observed 41 strikes from other actors"
SENTENCES_BACK_FOR_PARENT = 40  # a release lists many towns


# ----------------------------------------------------------------------------- lexicons


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


@cache
def _label_tokenizer():  # type: ignore[no-untyped-def]
    import spacy

    return spacy.blank("en").tokenizer


def _label_pattern(label: str) -> list[dict[str, object]]:
    """A Matcher pattern for a lexicon label: words in order, the last one also plural."""
    words = [t.lower_ for t in _label_tokenizer()(label)]
    pattern: list[dict[str, object]] = [{"LOWER": w} for w in words[:-1]]
    last = words[-1]
    pattern.append({"LOWER": {"IN": sorted({last, _plural(last)})}})
    return pattern


@dataclass
class _Lexicon:
    """Matchers and word maps built once per vocabulary from the reference schemes."""

    targets: Matcher
    strike_nouns: frozenset[str]
    outcome_of: dict[str, str]  # verb lemma -> outcome slug
    strike_verbs: frozenset[str]  # lemmas that say "strike" outright
    actor_labels: dict[str, str]  # lower-cased label -> actor IRI
    actor_labels_cased: dict[str, str]  # short all-caps labels, case kept
    air_capable: frozenset[str]


_LEXICONS: dict[tuple[int, int], _Lexicon] = {}


def _lexicon(doc: Doc, ref: Reference) -> _Lexicon:
    key = (id(doc.vocab), id(ref))
    if key not in _LEXICONS:
        _LEXICONS[key] = _build_lexicon(doc, ref)
    return _LEXICONS[key]


def _build_lexicon(doc: Doc, ref: Reference) -> _Lexicon:
    targets = Matcher(doc.vocab)
    for slug, concept in sorted(ref.scheme("target-type").items()):
        patterns = [_label_pattern(label) for label in concept.labels if label.strip()]
        if patterns:
            targets.add(slug, patterns)

    strike_nouns: set[str] = set()
    triggers = ref.scheme("event-trigger")
    frame = next((c.iri for s, c in triggers.items() if s == "frame-strike"), None)
    for concept in triggers.values():
        if frame is not None and concept.broader == frame:
            for label in concept.labels:
                strike_nouns.add(label.lower().split()[-1].replace("-", ""))
    strike_nouns |= {"strike", "airstrike"}  # the frame's head words, if the lexicon is absent

    outcome_of: dict[str, str] = {}
    for slug, concept in ref.scheme("outcome").items():
        for label in concept.labels:
            outcome_of[label.lower()] = slug
    strike_verbs = frozenset(
        {"strike", "bomb", "pound", "bombard", "airstrike"}
        | {w for w, s in outcome_of.items() if s == "struck" and w in ("strike", "bomb", "pound")}
    )

    actor_labels: dict[str, str] = {}
    cased: dict[str, str] = {}
    air: set[str] = set()
    for iri in sorted(ref.aliases):
        if ref.kind(iri) != "actor":
            continue
        for label in ref.aliases[iri]:
            if len(label) <= 4 and label.isupper():
                cased.setdefault(label, iri)
            else:
                actor_labels.setdefault(label.lower(), iri)
        lowered = " ".join(ref.aliases[iri]).lower()
        if ref.is_a(iri, "Coalition") or any(word in lowered for word in AIR_WORDS):
            air.add(iri)
    return _Lexicon(targets, frozenset(strike_nouns), outcome_of, strike_verbs, actor_labels, cased,
                    frozenset(air))


# ----------------------------------------------------------------------------- units


# ----------------------------------------------------------------------------- records in progress


@dataclass
class _Draft:
    """A report being assembled; turned into a StrikeReport at the end."""

    unit: int  # index of the unit (sentence) that states it
    anchor: Token
    span: Span
    strike_count: int | None = None
    qualifier: str = "exact"
    engagement_count: int | None = None
    perpetrators: list[str] = field(default_factory=list)
    actor_source: str = ""  # "clause" | "inferred" | "" ; "blocked" when the text names no actor
    claimant: str | None = None
    countries: list[str] = field(default_factory=list)
    country_source: str = ""
    locations: list[str] = field(default_factory=list)
    when: When | None = None
    when_source: str = ""
    targets: list[Target] = field(default_factory=list)
    killed: int | None = None
    parent: _Draft | None = None
    explicit_parent: bool = False
    air: bool = False
    counted: bool = True  # False for dated reports without a count
    span_root: Token | None = None  # an elliptical count's own phrase ("6 in Iraq")
    unnamed_place: bool = False  # "near <a name the gazetteer does not know>"
    needs_parent: bool = False  # kept only as a part of a total
    own_tokens: list[Token] | None = None  # the evidence when it is a phrase of its own
    counted_noun: str = "strike"  # what is counted: "strike", or "sortie" (flights, not strikes)
    paragraph: int = 0
    key: str = ""


@dataclass
class _Frame:
    """What a unit says about strikes even when it reports none: for later units' context."""

    actors: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    when: When | None = None  # "the latest strikes, which took place between ... and ..."
    reported: bool = False  # whether the unit states reports itself (else it is a lead)


class _Reader:
    """Per-document state: entities by token, lexicons, publication date."""

    def __init__(self, doc: Doc, article: Article, ref: Reference) -> None:
        self.doc, self.article, self.ref = doc, article, ref
        self.published: dt.date | None = article.published
        self.lex = _lexicon(doc, ref)
        self.ent_of: dict[int, DocSpan] = {}
        for ent in entities(doc):
            for tok in ent:
                self.ent_of[tok.i] = ent
        # the coalitions and commanded operations named, in Doc order (_last_command_before)
        self.command_starts: list[int] = []
        self.commands: list[str] = []
        for ent in entities(doc):
            command = _command_of(ent, ref)
            if command is not None:
                self.command_starts.append(ent.start)
                self.commands.append(command)
        self.new_place_country: dict[str, str] = {}
        for place in doc.user_data.get("isisgraph.new_places", []) or []:
            if isinstance(place, NewPlace) and place.country_ref:
                self.new_place_country[place.ref] = place.country_ref
        self.units = [u for u in units(doc) if has_word(u)]
        self.unit_of: dict[int, int] = {}
        for n, unit in enumerate(self.units):
            for i in range(unit.start, unit.end):
                self.unit_of[i] = n
        self.dateline = dateline_tokens(doc)
        self._aircraft_owners: dict[str, list[tuple[int, str]]] | None = None
        self.paragraph_of = paragraphs(doc, self.units)
        self.first_air_use: dict[str, int] = {}
        for tok in tokens_of(doc):
            lemma = tok.lemma_.lower()
            if lemma in GROUND_AMBIGUOUS and tok.pos_ == "NOUN" and _air_modified(tok):
                self.first_air_use.setdefault(lemma, tok.i)

    # ---- entities

    def entity(self, tok: Token, label: str) -> DocSpan | None:
        ent = self.ent_of.get(tok.i)
        return ent if ent is not None and ent.label_ == label and ent.ent_id_ else None

    def country_of(self, place: str) -> str | None:
        return self.ref.country_of(place) or self.new_place_country.get(place)

    def aircraft_owners(self) -> dict[str, list[tuple[int, str]]]:
        """Aircraft word -> (token index, force) of its mentions that name their force, in
        text order; read once per document."""
        if self._aircraft_owners is None:
            self._aircraft_owners = {}
            for tok in self.doc:
                word = _aircraft_word(tok)
                owner = _aircraft_owner(tok, self) if word else None
                if word and owner:
                    self._aircraft_owners.setdefault(word, []).append((tok.i, owner))
        return self._aircraft_owners

    def is_country(self, place: str) -> bool:
        return self.ref.is_a(place, "Country")


# ----------------------------------------------------------------------------- syntax helpers


def _in_unit(tokens: Iterable[Token], unit: DocSpan) -> list[Token]:
    return [t for t in tokens if unit.start <= t.i < unit.end]


def _excluded(tok: Token, root: Token) -> bool:
    """Whether a token sits in a part of the clause that says nothing about the strike: a
    relative clause, a comparison, a reporting clause, or 'the border with X'."""
    for anc in [tok, *tok.ancestors]:
        if anc == root:
            return False
        if anc.dep_ in ("relcl", "acl") and anc.pos_ in ("VERB", "AUX") and not _is_strike_acl(anc):
            return True
        if anc.lower_ in ("than",) or (anc.lower_ == "as" and anc.dep_ in ("prep", "mark")):
            return True
        if anc.lemma_.lower() in ("compare", "comparison"):
            return True
        if anc.lemma_.lower() == "border" and tok != anc:
            return True
        if anc.lower_ == "accord" or anc.lower_ == "according":
            return True
        if anc.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS
                                       for c in anc.children):
            return True  # "after the city fell in June": the date of another event
    return False


def _is_strike_acl(verb: Token) -> bool:
    """'strikes consisting of ...', 'a strike killing five', 'no strikes reported in Iraq on
    Oct. 2', 'strikes conducted near Hajin': participles that describe the strike itself (its
    place and day), not another event."""
    lemma = verb.lemma_.lower()
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and lemma in CONDUCT_VERBS | OBSERVATION_VERBS:
        return True
    return verb.tag_ in ("VBG",) or lemma in ("consist", "target", "kill", "destroy")


def _region(root: Token, unit: DocSpan, cut: Iterable[Token] = ()) -> list[Token]:
    """The tokens of a clause: the root's subtree within the unit, minus the subtrees of
    ``cut`` (other reports' clauses) and minus excluded parts."""
    cut_ids: set[int] = set()
    for c in cut:
        if c != root and not any(a == c for a in root.ancestors):
            cut_ids.update(t.i for t in c.subtree)
    whole = root.dep_ == "ROOT" or root.head == root
    tokens = list(unit) if whole else _in_unit(root.subtree, unit)
    return [t for t in tokens if t.i not in cut_ids and not _excluded(t, root)]


def _trim(tokens: list[Token]) -> list[Token]:
    """Drop conjunctions, markers and punctuation at the edges of an evidence clause."""
    edge = ("cc", "mark", "punct", "prep")
    while tokens and (tokens[-1].dep_ in edge and tokens[-1].text not in (")", "\u201d", '"')
                      or tokens[-1].is_space):
        tokens = tokens[:-1]
    while tokens and (tokens[0].dep_ in ("cc", "mark", "punct")
                      and tokens[0].text not in ("(", "\u201c", '"') or tokens[0].is_space):
        tokens = tokens[1:]
    return tokens


def _span_of(tokens: list[Token]) -> Span | None:
    closing = (")", "\u201d", '"')
    words = [t for t in tokens if not t.is_space and not (t.is_punct and t.text not in closing)]
    if not words:
        return None
    start = min(t.idx for t in words)
    end = max(t.idx + len(t.text) for t in words)
    return Span(start, end) if end > start else None


# ----------------------------------------------------------------------------- actors


def _actor_in(tokens: Iterable[Token], reader: _Reader) -> str | None:
    for tok in tokens:
        ent = reader.entity(tok, "ACTOR")
        if ent is not None:
            return ent.ent_id_
        op = reader.entity(tok, "OPERATION")
        if op is not None and reader.ref.conducted_by.get(op.ent_id_):
            return reader.ref.conducted_by[op.ent_id_][0]
    return None


def _label_lookup(words: list[str], reader: _Reader) -> str | None:
    text = " ".join(words).strip()
    if not text:
        return None
    if text in reader.lex.actor_labels_cased:
        return reader.lex.actor_labels_cased[text]
    lowered = text.lower()
    for candidate in (lowered, "the " + lowered):
        if candidate in reader.lex.actor_labels:
            return reader.lex.actor_labels[candidate]
    return None


def _np_actor(head: Token, reader: _Reader) -> tuple[str | None, str]:
    """Who a noun phrase names: (actor IRI, how sure: 'clause' | 'inferred' | '')."""
    ent = reader.entity(head, "ACTOR")
    if ent is not None:
        return ent.ent_id_, "clause"
    op = reader.entity(head, "OPERATION")
    if op is not None and reader.ref.conducted_by.get(op.ent_id_):
        return reader.ref.conducted_by[op.ent_id_][0], "clause"
    if head.lower_ in SUBJECT_PRONOUNS:
        return _antecedent(head, reader), "inferred"
    if head.lemma_.lower() in GROUP_NOUNS:
        # "A pair of Typhoons": the aircraft counted
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and _aircraft_word(obj):
                        return _np_actor(obj, reader)
    modifiers = [c for c in head.children if c.dep_ in MODIFIER_DEPS]
    if _aircraft_word(head):
        # "aircraft of the Russian Aerospace Forces"
        modifiers += [g for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                      for g in p.children if g.dep_ == "pobj"]
        for mod in modifiers:
            actor = _actor_in(mod.subtree, reader) or _demonym_force(mod, reader)
            if actor:
                return _air_arm(actor, reader), "clause"
        # "The RAF said Typhoon aircraft struck ...": a force reporting its own aircraft.
        speaker = _reporting_subject(head, reader)
        if speaker is not None and speaker in reader.lex.air_capable:
            return speaker, "inferred"
        owner = _owner_named_before(head, reader)
        if owner is not None:
            return owner, "inferred"
    # The phrase itself as a label, then without its adjectives ("Coalition military forces").
    np_tokens = [t for t in head.subtree if t.i <= head.i and t.dep_ not in ("det", "punct")]
    words = [t.text for t in np_tokens]
    actor = _label_lookup(words, reader)
    if actor is None:
        plain = [t.text for t in np_tokens if t.pos_ != "ADJ" or t == head]
        actor = _label_lookup(plain, reader)
    if actor is not None:
        return actor, "clause"
    # "Royal Australian Air Force F/A-18F Super Hornets", "US Air Force B-52 bombers": a force
    # that strikes from the air named inside the phrase owns what it names
    for tok in (t for t in head.subtree if t.i < head.i):
        ent = reader.entity(tok, "ACTOR")
        if ent is not None and _is_air_capable(ent.ent_id_, reader) and ent.end <= head.i:
            return ent.ent_id_, "clause"
    if head.lemma_.lower() in GENERIC_COMMAND_HEADS and any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "this") for c in head.children
    ):
        command = _last_command_before(head, reader)
        if command:
            return command, "inferred"
    if head.lemma_.lower() in FORCE_NOUNS:
        # "U.S. and coalition military forces": the actors named before the force noun.
        for mod in modifiers:
            actor = _actor_in(mod.subtree, reader)
            if actor:
                return _state_force(actor, reader), "clause"
    return None, ""


def _state_force(actor: str, reader: _Reader) -> str:
    """'U.S. and partner military forces': a government named before a force noun stands for
    its armed forces — the one state force that is a direct member of it — else itself."""
    if not reader.ref.is_a(actor, "Government"):
        return actor
    forces = [a for a, orgs in reader.ref.member_of.items()
              if actor in orgs and reader.ref.is_a(a, "StateForce")]
    return forces[0] if len(forces) == 1 else actor


def _np_actors(head: Token, reader: _Reader) -> tuple[list[str], str]:
    """Every actor a (possibly coordinated) subject names: "The United States and five Arab
    allies", "U.S. and coalition military forces"."""
    first, source = _np_actor(head, reader)
    actors = [first] if first else []
    if head.lemma_.lower() in FORCE_NOUNS:
        for mod in (c for c in head.children if c.dep_ in ("compound", "nmod", "amod")):
            for tok in mod.subtree:
                ent = reader.entity(tok, "ACTOR")
                found = ent.ent_id_ if ent is not None else (
                    _label_lookup([tok.text], reader) if tok.pos_ in ("NOUN", "PROPN") else None)
                found = _state_force(found, reader) if found else None
                if found and found not in actors and not _names_same_state(found, actors, reader):
                    actors.append(found)
    for conj in (c for c in head.children if c.dep_ == "conj"):
        actor, _ = _np_actor(conj, reader)
        if actor and actor not in actors:
            actors.append(actor)
    return actors, source


def _aircraft_word(tok: Token) -> str | None:
    """The aircraft noun a token is, singular ('Typhoons' → 'typhoon'), or None."""
    for form in (tok.lemma_.lower(), tok.lower_, tok.lower_.removesuffix("s")):
        if form in AIRCRAFT_NOUNS or AIRCRAFT_DESIGNATOR.match(form):
            return form
    return None


# Aircraft nouns that name a type, not just "aircraft": an owner named once holds for the text.
GENERIC_AIRCRAFT = frozenset({"aircraft", "jet", "warplane", "plane", "drone", "bomber",
                              "fighter", "helicopter", "gunship"})


def _owner_named_before(head: Token, reader: _Reader) -> str | None:
    """'RAF Typhoons ... A pair of Typhoons': an aircraft named without its force is that of
    the last mention of the same aircraft with its force (a type anywhere before it, a
    generic word like 'jets' only in the same paragraph)."""
    word = _aircraft_word(head)
    n = reader.unit_of.get(head.i)
    if n is None or word is None:
        return None
    paragraph = reader.paragraph_of[n]
    for i, owner in reversed(reader.aircraft_owners().get(word, [])):
        if i >= head.i:
            continue
        m = reader.unit_of.get(i)
        if word in GENERIC_AIRCRAFT and (m is None or reader.paragraph_of[m] != paragraph):
            return None
        return owner
    return None


def _aircraft_owner(tok: Token, reader: _Reader) -> str | None:
    """The force an aircraft mention names: 'RAF Typhoons', 'Russian warplanes'."""
    for mod in (c for c in tok.children if c.dep_ in MODIFIER_DEPS):
        actor = _actor_in(mod.subtree, reader) or _demonym_force(mod, reader)
        if actor:
            return _air_arm(actor, reader)
    return None


def _names_same_state(actor: str, actors: list[str], reader: _Reader) -> bool:
    """'U.S.' inside 'U.S. military forces' is the state whose forces were already named; the
    coalition in 'U.S. and coalition military forces' is an actor of its own."""
    return reader.ref.is_a(actor, "Government") and any(
        actor in reader.ref.memberships(a) for a in actors)


def _reporting_subject(tok: Token, reader: _Reader) -> str | None:
    """The actor that says the clause ``tok`` is in ("The RAF said ... struck")."""
    frame = speech_frame(tok)
    subj = subject(frame.verb) if frame is not None else None
    if subj is None:
        return None
    actor, _ = _np_actor(subj, reader)
    if actor is None:
        # "Russia's defence ministry said": the state whose ministry speaks
        actor = next((a for c in subj.children if c.dep_ == "poss"
                      for a in [_actor_in(c.subtree, reader)] if a), None)
    return _air_arm(actor, reader) if actor else None


def _air_arm(actor: str, reader: _Reader) -> str:
    """A state's air-capable force when the text speaks of its aircraft ("Britain's Tornado
    jets" → the RAF): the actor itself if it strikes from the air, else its air force, else
    its armed forces."""
    if actor in reader.lex.air_capable:
        return actor
    members = sorted(a for a in reader.lex.air_capable if actor in reader.ref.memberships(a))
    air_forces = [a for a in members if "air" in reader.ref.label(a).lower()]
    if air_forces:
        return min(air_forces, key=lambda a: len(reader.ref.memberships(a)))
    return min(members, key=lambda a: len(reader.ref.memberships(a))) if members else actor


def _demonym_force(mod: Token, reader: _Reader, kinds: tuple[str, ...] = ()) -> str | None:
    """'Iraqi' + aircraft → the actor labelled 'Iraqi aircraft' / 'Iraqi air force' ..."""
    if mod.pos_ not in ("ADJ", "PROPN") and mod.ent_type_ != "NORP":
        return None
    for kind in kinds or ("aircraft", "air force", "warplanes", "jets", "forces", "military"):
        actor = _label_lookup([mod.text, kind], reader)
        if actor:
            return actor
    return None


def _last_command_before(tok: Token, reader: _Reader) -> str | None:
    """The last coalition or named operation mentioned before ``tok``."""
    before = bisect_left(reader.command_starts, tok.i)
    return reader.commands[before - 1] if before else None


def _command_of(ent: DocSpan, ref: Reference) -> str | None:
    """The coalition an entity names, or the commander of the operation it names."""
    if not ent.ent_id_:
        return None
    if ent.label_ == "ACTOR" and ref.is_a(ent.ent_id_, "Coalition"):
        return ent.ent_id_
    if ent.label_ == "OPERATION" and ref.conducted_by.get(ent.ent_id_):
        return ref.conducted_by[ent.ent_id_][0]
    return None


def _antecedent(pronoun: Token, reader: _Reader) -> str | None:
    """'it'/'they': the subject of the reporting clause it sits in ("the operation said it
    conducted"), else the subject of the previous unit's main clause. Nothing further."""
    frame = speech_frame(pronoun)
    if frame is not None:
        subj = subject(frame.verb)
        if subj is not None and subj != pronoun and subj.lower_ not in SUBJECT_PRONOUNS:
            actor = _np_actor(subj, reader)[0] or _possessor(subj, reader)
            if actor:
                return actor
    unit = reader.unit_of.get(pronoun.i)
    if unit is None or unit == 0:
        return None
    previous = reader.units[unit - 1]
    root = next((t for t in previous if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    subj = subject(root)
    if subj is None or subj.lower_ in SUBJECT_PRONOUNS:
        return None
    actor, _ = _np_actor(subj, reader)
    return actor


def _possessor(noun: Token, reader: _Reader) -> str | None:
    """'The coalition's weekly report said it ...': the actor whose document speaks."""
    for child in noun.children:
        if child.dep_ == "poss":
            actor = _actor_in(child.subtree, reader)
            if actor:
                return actor
    return None


def _force_for_modifier(words: str, near: list[str], reader: _Reader) -> str | None:
    """'air force strike' by Iraqi forces → the actor of the same country labelled '... air
    force'."""
    countries = {reader.ref.countries.get(a) for a in near} - {None}
    for country in sorted(c for c in countries if c):
        for iri, aliases in sorted(reader.ref.aliases.items()):
            if reader.ref.countries.get(iri) != country or reader.ref.kind(iri) != "actor":
                continue
            lowered = [label.lower() for label in aliases]
            if any(label.endswith(" " + words) or label == words for label in lowered):
                return iri
    return None


def _can_strike(actor: str, reader: _Reader) -> bool:
    """Who 'strikes' in this genre: air forces, coalitions, states and their forces — not an
    armed group 'striking back' or a bomb 'striking' a market."""
    is_a = reader.ref.is_a
    return _is_air_capable(actor, reader) or is_a(actor, "Government") or is_a(actor, "StateForce")


def _is_air_capable(actor: str | None, reader: _Reader) -> bool:
    return actor is not None and actor in reader.lex.air_capable


# ----------------------------------------------------------------------------- places and dates


def _places(tokens: list[Token], reader: _Reader) -> tuple[list[str], list[str]]:
    """(countries, locations) named in a clause. Places inside 'most of them in X' are
    locations whose country is not asserted for every strike."""
    countries: list[str] = []
    locations: list[str] = []
    partial: list[str] = []
    seen: set[int] = set()
    for tok in tokens:
        if tok.i in reader.dateline:
            continue
        ent = reader.entity(tok, "PLACE")
        if ent is None or ent.start in seen:
            continue
        seen.add(ent.start)
        iri = ent.ent_id_
        if any(a.lower_ in VAGUE_PARTITIVES for a in ent.root.ancestors):
            if iri not in partial:
                partial.append(iri)
            continue
        if reader.is_country(iri):
            if iri not in countries:
                countries.append(iri)
        elif iri not in locations:
            locations.append(iri)
    for loc in locations:
        country = reader.country_of(loc)
        if country and country not in countries:
            countries.append(country)
    partial = [p for p in partial if p not in locations and not reader.is_country(p)]
    return countries, locations + partial


def _speech_clause(anchor: Token, unit: DocSpan) -> tuple[Token, list[Token]] | None:
    """The verb of the reporting clause that ``anchor``'s clause is the content of ("...,
    the ministry said on Sunday"), and that clause's own tokens."""
    frame = speech_frame(anchor)
    if frame is None:
        return None
    return frame.verb, [t for t in reporting_tokens(frame, unit) if not _excluded(t, frame.verb)]


def _report_date(anchor: Token, unit: DocSpan, reader: _Reader) -> When | None:
    """The date of the reporting clause, resolved against publication."""
    found = _speech_clause(anchor, unit)
    if found is None:
        return None
    speech, region = found
    said = _when_in(region, speech, reader, reference=reader.published)
    if said is None or said.start is None or said.end is None:
        return None
    return said


def _reference_date(anchor: Token, reader: _Reader) -> dt.date | None:
    """What relative dates of a reported clause count from: the day the report was made when
    the reporting clause names one ("the ministry said on Friday that its aircraft carried
    out 45 sorties over the past 24 hours"), else the publication date."""
    unit = reader.units[reader.unit_of[anchor.i]] if anchor.i in reader.unit_of else None
    said = _report_date(anchor, unit, reader) if unit is not None else None
    if said is not None and said.start == said.end and reader.published is not None and (
        said.start is not None and said.start <= reader.published
    ):
        return said.start
    return reader.published


def _reporting_window(anchor: Token, unit: DocSpan, reader: _Reader) -> When | None:
    """'..., the Security Media Cell said in a statement on Sunday': when the strike clause has
    no date but the clause reporting it has one, the strikes happened in the week up to that
    report (precision approximate). The raw text stays the report's date as written."""
    said = _report_date(anchor, unit, reader)
    if said is None or said.start is None:
        return None
    return replace(said, start=said.start - dt.timedelta(days=6), precision="approximate")


# Nouns of a located place the gazetteer cannot name: "near the Syrian-Turkish border".
PLACE_NOUNS = frozenset({"border", "area", "region", "village", "town", "outskirts", "desert",
                         "countryside", "valley"})


def _has_unnamed_place(tokens: list[Token], reader: _Reader) -> bool:
    """'Near Baghdadi', 'near the Syrian-Turkish border': a place after a locative preposition
    that names no known place, as the town lines of releases do."""
    ids = {t.i for t in tokens}
    for tok in tokens:
        if tok.dep_ == "prep" and tok.lower_ in ("near", "around", "outside") and tok.i in ids:
            for obj in tok.children:
                if obj.dep_ != "pobj" or reader.ent_of.get(obj.i) is not None:
                    continue
                if obj.pos_ == "PROPN" or obj.lemma_.lower() in PLACE_NOUNS:
                    return True
    return False


def _when_in(tokens: list[Token], anchor: Token, reader: _Reader,
             reference: dt.date | None = None) -> When | None:
    """The date expression of a clause nearest the anchor; dates in excluded parts are not
    in ``tokens`` and so are never taken. Relative expressions count from ``reference``
    (by default the day the clause was reported, else the publication date)."""
    ids = {t.i for t in tokens} - reader.dateline
    if not ids:
        return None
    doc = reader.doc
    lo, hi = min(ids), max(ids) + 1
    if reference is None:
        reference = _reference_date(anchor, reader)
    dates = []
    for when in find_dates(doc[lo:hi], reference):
        if when.span is None:
            continue
        span = doc.char_span(when.span.start, when.span.end, alignment_mode="expand")
        if span is None or not all(t.i in ids for t in span):
            continue
        dates.append(when)
    if not dates:
        return None

    def distance(when: When) -> int:
        assert when.span is not None
        if anchor.idx < when.span.start:
            return when.span.start - anchor.idx
        return max(0, anchor.idx - when.span.end)

    best = min(dates, key=distance)
    return _since_clause(best, reader, reference)


def _since_clause(when: When, reader: _Reader, until: dt.date | None) -> When:
    """'Since the campaign began in August 2014, ...', 'since the start of the operation on
    Sept. 30': the strikes run from that date up to the report (or publication)."""
    if when.span is None or when.start is None or until is None:
        return when
    span = reader.doc.char_span(when.span.start, when.span.end, alignment_mode="expand")
    if span is None:
        return when
    for anc in span.root.ancestors:
        marks = [c.lower_ for c in anc.children if c.dep_ == "mark"]
        since = (anc.dep_ == "advcl" and "since" in marks) or (
            anc.lower_ == "since" and anc.dep_ == "prep")
        if since:
            if when.start <= until:
                return replace(when, end=max(when.end or until, until))
            break
        if anc.dep_ in ("ROOT", "ccomp") or anc.pos_ in ("VERB", "AUX"):
            break
    return when


# ----------------------------------------------------------------------------- targets


def _outcome(verb: Token, reader: _Reader) -> str | None:
    for form in (verb.lemma_.lower(), verb.lower_):
        if form in reader.lex.outcome_of:
            return reader.lex.outcome_of[form]
    return None


def _target_objects(verb: Token) -> list[Token]:
    objs = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd") and same_line(c, verb)]
    if any(c.dep_ == "auxpass" for c in verb.children):
        objs += [c for c in verb.children if c.dep_ == "nsubjpass"]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("against", "on", "at"):
            objs += [c for c in prep.children if c.dep_ == "pobj"]
    return objs


def _targets_in(obj: Token, outcome: str, reader: _Reader) -> list[Target]:
    """Target types named in an object phrase, with their quantities."""
    tokens = [t for t in obj.subtree if not any(a.dep_ in ("relcl", "acl") and a != obj
                                                for a in ancestors_to(t, obj) if a != obj)]
    if not tokens:
        return []
    doc = reader.doc
    lo, hi = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    window = doc[lo:hi]
    allowed = {t.i for t in tokens}
    matches = []
    for match_id, start, end in reader.lex.targets(window):
        s, e = lo + start, lo + end
        if all(i in allowed for i in range(s, e)):
            matches.append((reader.doc.vocab.strings[match_id], s, e))
    # Longest first, no overlaps ("vehicle-borne improvised explosive devices" over "vehicle").
    matches.sort(key=lambda m: (-(m[2] - m[1]), m[1]))
    kept: list[tuple[str, int, int]] = []
    for m in matches:
        if all(m[2] <= k[1] or m[1] >= k[2] for k in kept):
            kept.append(m)
    kept.sort(key=lambda m: m[1])
    counts = find_counts(window)
    targets: list[Target] = []
    previous: tuple[str, int, int] | None = None
    for slug, s, e in kept:
        head = doc[e - 1]
        # "31 VBIEDs (VBIEDs)": a parenthetical repeat of the previous target is no new target.
        if previous and previous[0] == slug and s > 0 and doc[s - 1].text == "(":
            continue
        quantity = None
        start = s
        for count in counts:
            count_head = count.head
            if count_head.head.i in range(s, e) and count.span.end <= e and (
                count.value is not None and float(count.value).is_integer() and count.unit is None
            ):
                quantity = int(count.value)
                start = min(start, count.span.start)
        if quantity is None and head.tag_ in ("NN", "NNP"):
            # A singular target with an indefinite article is one ("an ISIS command post").
            dets = [c for c in head.children if c.dep_ == "det"] + ([doc[s - 1]] if s > 0 else [])
            if any(d.lower_ in ("a", "an", "one", "another") for d in dets):
                quantity = 1
        span = Span(doc[start].idx, doc[e - 1].idx + len(doc[e - 1].text))
        targets.append(Target(target_type=slug, span=span, quantity=quantity, outcome=outcome))
        previous = (slug, s, e)
    return targets


def _add_targets(draft: _Draft, targets: Iterable[Target]) -> None:
    draft.targets += [t for t in targets if t not in draft.targets]


def _own_region(verb: Token, unit: DocSpan) -> list[Token]:
    """A verb's own arguments and adjuncts, without its coordinated verbs' clauses."""
    own = [c for c in verb.children if not (c.dep_ == "conj" and c.pos_ == "VERB")]
    return [t for c in own for t in _in_unit(c.subtree, unit) if not _excluded(t, verb)]


def _killed_by(verb: Token) -> int | None:
    for obj in _target_objects(verb):
        if obj.dep_ in ("dobj", "nsubjpass"):
            for count in find_counts(obj.doc[obj.left_edge.i: obj.i + 1]):
                if count.head.head == obj or count.head == obj:
                    vague = any(t.lower_ in VAGUE_PLURALS for t in count.span)
                    if count.unit is None and float(count.value).is_integer() and not vague:
                        return int(count.value)
            # "killing a senior ISIS leader": one person (not "a number of fighters")
            if obj.tag_ == "NN" and obj.lemma_.lower() not in COLLECTIVE_NOUNS and any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in obj.children
            ) and not any(c.dep_ == "prep" and c.lower_ == "of" for c in obj.children):
                return 1
    return None


# Singular nouns that stand for many: "killing a number of militants", "a group of fighters".
COLLECTIVE_NOUNS = frozenset({"number", "group", "handful", "host", "dozen", "score", "lot",
                              "unit", "cell", "convoy", "gathering", "band", "squad"})


# Weapons named as the subject of a strike ("a Paveway IV guided bomb was used to strike it").
MUNITION_NOUNS = frozenset({"bomb", "missile", "munition", "rocket", "paveway", "hellfire",
                            "brimstone", "jdam", "weapon", "ordnance"})
# Nouns that count aircraft: "a pair of Typhoons", "a flight of Tornados".
GROUP_NOUNS = frozenset({"pair", "flight", "formation", "couple", "squadron"})


def _carrying_clause(verb: Token, reader: _Reader) -> Token | None:
    """The clause a strike verb is told in: its own, or, for 'conducted a mission ...,
    striking two buildings' and 'used a Hellfire missile to strike', the clause of the verb it
    completes. None when it is another clause's outcome ('killing five', which belongs to the
    strike it follows) or an unrealised infinitive ('orders to strike')."""
    participle = verb.tag_ == "VBG" and verb.dep_ in ("pcomp", "xcomp", "advcl", "acl")
    head = verb.head
    if participle:
        # only a strike verb makes a strike of another clause ("conducted a mission ...,
        # striking"); "crashed ..., killing its two pilots" is no strike
        if head.pos_ != "VERB" or head == verb or _outcome(head, reader) is not None or (
            head.lemma_.lower() in reader.lex.strike_verbs
        ) or verb.lemma_.lower() not in reader.lex.strike_verbs:
            return None
        return head
    if is_infinitive(verb):
        if verb.dep_ in ("xcomp", "advcl") and head.pos_ == "VERB" and (
            head.lemma_.lower() == "use"
        ):
            return head
        return None
    return verb


def _times_count(verb: Token, reader: _Reader) -> CountMatch | None:
    """'struck ... 14 times': the number of strikes a strike verb states by repetition."""
    for child in verb.children:
        if child.lemma_.lower() == "time" and child.tag_ == "NNS" and child.dep_ in (
            "npadvmod", "advmod", "dobj"
        ):
            phrase = verb.doc[child.left_edge.i: child.i + 1]
            counts = [c for c in find_counts(phrase) if c.head.head == child]
            if counts and float(counts[0].value).is_integer():
                return counts[0]
    return None


def _names_armed_group(obj: Token, reader: _Reader) -> bool:
    """'10 Daesh targets', 'PKK positions': an object phrase naming an armed group's things."""
    for tok in (t for t in obj.subtree if t.i <= obj.i):
        ent = reader.entity(tok, "ACTOR")
        if ent is not None and reader.ref.is_a(ent.ent_id_, "ArmedGroup"):
            return True
    return False


def _unidentified_aircraft(noun: Token) -> bool:
    """'Unidentified aircraft struck ...': strikes whose text says the striker is unknown."""
    return _aircraft_word(noun) is not None and any(
        c.lower_ in ("unidentified", "unknown", "unmarked") for c in noun.children)


def _is_munition(noun: Token) -> bool:
    words = [noun] + [c for c in noun.children if c.dep_ in ("compound", "amod")]
    return any(w.lemma_.lower() in MUNITION_NOUNS or w.lower_ in MUNITION_NOUNS for w in words)


def _paragraph_air_actor(tok: Token, reader: _Reader) -> str | None:
    """The force that strikes from the air last named before ``tok`` in its paragraph."""
    n = reader.unit_of.get(tok.i)
    if n is None:
        return None
    paragraph = reader.paragraph_of[n]
    start = next(reader.units[m].start for m in range(n, -1, -1)
                 if m == 0 or reader.paragraph_of[m - 1] != paragraph)
    for i in range(tok.i - 1, start - 1, -1):
        ent = reader.entity(reader.doc[i], "ACTOR")
        if ent is not None and _is_air_capable(ent.ent_id_, reader):
            return ent.ent_id_
    return None


def _hit_verbs(verbs: Iterable[Token]) -> list[Token]:
    """The verbs and their subject-sharing conjuncts: 'engaged two units and destroyed a
    vehicle'."""
    out: list[Token] = []
    stack = list(verbs)
    while stack:
        verb = stack.pop(0)
        if verb in out:
            continue
        out.append(verb)
        for child in verb.children:
            if child.dep_ == "conj" and child.pos_ == "VERB" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in child.children
            ):
                stack.append(child)
            elif child.dep_ in ("advcl", "xcomp") and child.tag_ == "VBG":
                stack.append(child)  # "hit a market, killing 20 people"
    return out


def _apply_hits(draft: _Draft, verbs: Iterable[Token], reader: _Reader) -> None:
    for verb in _hit_verbs(verbs):
        outcome = _outcome(verb, reader)
        if outcome is None:
            continue
        if outcome == "killed":
            killed = _killed_by(verb)
            if killed is not None:
                draft.killed = (draft.killed or 0) + killed
        for obj in _target_objects(verb):
            for target in _targets_in(obj, outcome, reader):
                if target not in draft.targets:
                    draft.targets.append(target)


# ----------------------------------------------------------------------------- finding reports


def _strike_noun(tok: Token, reader: _Reader) -> bool:
    if tok.pos_ not in ("NOUN", "PROPN") and not (
        tok.pos_ == "VERB" and tok.dep_ in NOMINAL_DEPS and not tok.lower_.endswith("ing")
    ):
        return False
    lemma = tok.lemma_.lower().replace("-", "")
    lower = tok.lower_.replace("-", "")
    if lemma not in reader.lex.strike_nouns and lower.rstrip("s") not in reader.lex.strike_nouns:
        return False
    if lemma in GROUND_AMBIGUOUS:
        return _air_modified(tok) or _air_anaphor(tok, reader)
    return True


def _air_anaphor(tok: Token, reader: _Reader) -> bool:
    """'34 of the raids' after 'dozens of air raids': a definite ground-ambiguous noun that
    takes up the same noun written with an air word earlier in the text."""
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children)
    first = reader.first_air_use.get(tok.lemma_.lower())
    return definite and first is not None and first < tok.i


def _air_modified(tok: Token) -> bool:
    return tok.lemma_.lower() in ("airstrike", "sortie") or any(
        c.dep_ in ("compound", "amod", "nmod") and c.lower_ in AIR_MODIFIERS | {"force"}
        for c in tok.children
    )


def _governing_verb(noun: Token) -> Token | None:
    """The verb a strike noun is an argument of (through 'of' in 'consisting of' too)."""
    if noun.dep_ == "conj" and noun.head.pos_ == "VERB":
        return noun.head  # "conducted 17 strikes in Syria and six strikes in Iraq"
    if _is_series(noun) or quantity_head(noun) is not None:
        noun = noun.head.head
    current = noun
    while current.dep_ in ("conj", "appos") and current.head != current:
        current = current.head
    if current.dep_ == "pobj" and is_including(current.head):
        # "conducted 18 operations ..., including six strikes": the verb of the including set
        holder = current.head.head
        return holder if holder.pos_ == "VERB" else _governing_verb(holder)
    return governing_verb(current, steps=2)


def _reports_strikes(verb: Token, reader: _Reader) -> bool:
    """Verbs a strike count can be the argument of in a report."""
    lemma = verb.lemma_.lower()
    return (lemma in CONDUCT_VERBS or lemma in EXISTENTIAL_VERBS or lemma in OBSERVATION_VERBS
            or lemma in TALLY_VERBS or _outcome(verb, reader) is not None)


def _is_series(noun: Token) -> bool:
    """'a series of airstrikes', 'a wave of strikes': plural strikes without a number."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in (
        "series", "wave", "round", "barrage", "string", "spate", "number")


def _coordinated(
    verb: Token, noun: Token, counts: list[CountMatch], reader: _Reader
) -> list[Token]:
    """Other counted arguments of the same verb: strike nouns with a count, and bare numbers
    standing for them ("conducted 17 strikes in Syria and 6 in Iraq")."""
    out: list[Token] = []
    # "no strikes in Iraq and four strikes in Syria": coordinated with the noun itself
    for child in noun.children:
        if child.dep_ == "conj" and (child.pos_ == "NUM" or _strike_noun(child, reader)) and (
            any(c.span.start <= child.i < c.span.end for c in counts) or count_of(child, counts)
        ):
            out.append(child)
    if noun.dep_ == "conj" and _strike_noun(noun.head, reader):
        out.append(noun.head)  # the first conjunct: its subtree holds this one, _region keeps it
    for child in verb.children:
        if child == noun or child.dep_ not in ("dobj", "conj"):
            continue
        counted = any(c.span.start <= child.i < c.span.end for c in counts)
        bare_number = child.pos_ == "NUM" and child.dep_ == "conj" and counted
        if bare_number or (_strike_noun(child, reader) and count_of(child, counts) is not None):
            out.append(child)
    return out


def _engagement_for(noun: Token, counts: list[CountMatch]) -> tuple[Token, CountMatch] | None:
    """'N strikes consisting of M engagements', 'N strikes and M engagements', 'N strikes (M
    engagements)'."""
    candidates: list[Token] = []
    for child in noun.children:
        if child.dep_ == "acl":
            candidates += [g for p in child.children if p.dep_ == "prep" for g in p.children]
        if child.dep_ in ("conj", "appos"):
            candidates.append(child)
    for cand in candidates:
        if cand.lemma_.lower() in ENGAGEMENT_LEMMAS:
            count = count_of(cand, counts)
            if count is not None:
                return cand, count
    return None


class _Extractor:
    def __init__(self, doc: Doc, article: Article, ref: Reference) -> None:
        self.r = _Reader(doc, article, ref)
        self.drafts: list[_Draft] = []
        self.frames: dict[int, _Frame] = {}

    # ---- per unit

    def run(self) -> list[_Draft]:
        for n, unit in enumerate(self.r.units):
            self.read_unit(n, unit)
        # Parts first (a breakdown does not lend its countries to a later total), then the
        # context, then parts again for the reports the context completed.
        self.link_parts()
        self.complete_from_context()
        self.link_parts()
        return self.drafts

    def read_unit(self, n: int, unit: DocSpan) -> None:
        r = self.r
        counts = find_counts(unit)
        made: list[_Draft] = []
        used_engagements: set[int] = set()
        nouns = [t for t in tokens_of(unit) if _strike_noun(t, r)]
        for noun in nouns:
            for draft in self.count_report(n, unit, noun, counts, used_engagements):
                made.append(draft)
        for tok in tokens_of(unit):
            if tok.lemma_.lower() in ENGAGEMENT_LEMMAS and tok.i not in used_engagements:
                draft = self.engagement_report(n, unit, tok, counts)
                if draft is not None:
                    made.append(draft)
        made += self.partitive_reports(n, unit, counts)
        made += self.included_counts(n, unit, counts, made)
        covered = {d.anchor.i for d in made} | {clause_head(d.anchor).i for d in made}
        made += self.dated_reports(n, unit, covered)
        if not made:
            self.elaborate(n, unit, nouns)
        self.frames[n] = self.frame_of(unit, nouns, made)
        for draft in made:
            self.finish_span(draft, unit, made)
            draft.paragraph = self.r.paragraph_of[n]
            self.paragraph_countries(draft)
        self.drafts += made

    def paragraph_countries(self, draft: _Draft) -> None:
        """'In Syria, two airstrikes north of Raqqa ... Four airstrikes near the border ...': a
        report that names no country is in the country of the report before it in the same
        paragraph (by the same actor, or with none named)."""
        located = draft.locations or draft.unnamed_place or draft.needs_parent
        if draft.countries or draft.actor_source == "blocked" or not located:
            return  # a total without a place is not a line of the paragraph's report
        for earlier in reversed(self.drafts):
            if earlier.paragraph != draft.paragraph:
                return
            if earlier.countries and earlier.actor_source != "blocked" and (
                not draft.perpetrators or not earlier.perpetrators
                or set(draft.perpetrators) & set(earlier.perpetrators)
            ):
                draft.countries, draft.country_source = list(earlier.countries), "context"
                return

    def frame_of(self, unit: DocSpan, nouns: list[Token], made: list[_Draft]) -> _Frame:
        frame = _Frame()
        for draft in made:
            frame.actors += [a for a in draft.perpetrators if a not in frame.actors]
            frame.countries += [c for c in draft.countries if c not in frame.countries]
        # "U.S. and coalition military forces continued to attack ISIL terrorists": the lead
        # names who strikes in the lines below it
        strike_verbs = [t for t in tokens_of(unit) if t.pos_ == "VERB" and (
            t.lemma_.lower() in self.r.lex.strike_verbs or t.lemma_.lower() in FRAME_VERBS)]
        frame.reported = bool(made)
        if not made:
            frame.when = self.frame_period(unit, nouns)
        for tok in [*nouns, *strike_verbs]:
            verb = tok if tok.pos_ == "VERB" else _governing_verb(tok)
            if verb is None or irrealis(verb):
                continue
            subj = subject(verb)
            striking = tok.pos_ == "VERB" or verb.lemma_.lower() in CONDUCT_VERBS
            if subj is not None and subj.i != tok.i and striking:
                actors, _ = _np_actors(subj, self.r)
                if actors and (tok.pos_ != "VERB" or _can_strike(actors[0], self.r)):
                    frame.actors += [a for a in actors if a not in frame.actors]
            countries, _ = _places(_region(clause_head(verb), unit), self.r)
            frame.countries += [c for c in countries if c not in frame.countries]
        return frame

    def frame_period(self, unit: DocSpan, nouns: list[Token]) -> When | None:
        """'Officials reported details of the latest strikes, which took place between 8 a.m.
        yesterday and 8 a.m. today': the one period a sentence about strikes, without a count,
        gives them — for the counted lines that follow and give none."""
        found: list[When] = []
        for noun in nouns:
            if irrealis(noun) or count_of(noun, find_counts(unit)) is not None:
                continue
            tokens = [t for t in _in_unit(noun.subtree, unit) if t.i not in self.r.dateline]
            if not tokens:
                continue
            lo, hi = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            # a date phrase that starts in the noun's phrase, however the parser hung its end
            found += [w for w in find_dates(unit, self.r.published) if w.span is not None
                      and lo <= w.span.start < hi and w.start is not None]
        return found[0] if len({(w.start, w.end) for w in found}) == 1 else None

    def perpetrator(self, noun: Token, verb: Token | None, draft: _Draft) -> None:
        """Who struck, from the noun's modifiers, the conducting verb's subject or agent."""
        r = self.r
        for child in noun.children:
            if child.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod"):
                actor = _actor_in(child.subtree, r)
                if actor:
                    draft.perpetrators, draft.actor_source = [actor], "clause"
                    return
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                for obj in objs:
                    actor, source = _np_actor(obj, r)
                    if actor:
                        draft.perpetrators, draft.actor_source = [actor], source
                        return
                if objs:
                    draft.actor_source = "blocked"  # "strikes from other actors"
                    return
        air_words = " ".join(c.lower_ for c in noun.children if c.dep_ == "compound")
        if _is_series(noun) or quantity_head(noun) is not None:
            noun = noun.head.head  # "launched a series of airstrikes": the series is the object
        if verb is not None:
            lemma = verb.lemma_.lower()
            if lemma in OBSERVATION_VERBS:
                draft.actor_source = "blocked"
                return
            striker = None
            included = noun.dep_ == "pobj" and is_including(noun.head)
            if (noun.dep_ in ("dobj", "conj", "appos") or included) and lemma in CONDUCT_VERBS:
                striker = subject(verb)
            elif noun.dep_ == "nsubjpass" or (noun.dep_ == "nsubj" and lemma in CONDUCT_VERBS):
                striker = next(iter(agents(verb)), None)
            if striker is not None and striker.dep_ != "expl":
                actors, source = _np_actors(striker, r)
                if actors:
                    draft.perpetrators, draft.actor_source = actors, source
                    return
        if air_words and air_words not in ("air",):
            # "an air force strike" in a clause about Iraqi forces → the Iraqi air force.
            words = air_words.replace("air force", "air force").strip()
            unit = r.units[draft.unit]
            near = [r.ent_of[t.i].ent_id_ for t in tokens_of(unit) if r.entity(t, "ACTOR") is not None]
            force = _force_for_modifier(words, near, r)
            if force:
                draft.perpetrators, draft.actor_source = [force], "inferred"

    def count_report(
        self, n: int, unit: DocSpan, noun: Token, counts: list[CountMatch], used: set[int]
    ) -> list[_Draft]:
        """The report a strike noun states, and the elliptical counts coordinated with it
        ("17 strikes in Syria and 6 in Iraq")."""
        r = self.r
        if irrealis(noun):
            return []
        count = count_of(noun, counts)
        verb = _governing_verb(noun)
        if verb is not None and (irrealis(verb) or (is_infinitive(verb) and verb.lemma_.lower()
                                                        not in CONDUCT_VERBS)):
            return []
        if any(c.dep_ == "compound" and c.lower_ in NON_MILITARY_STRIKES for c in noun.children):
            return []  # "hunger strikes", "general strike"
        named = any(_actor_in(c.subtree, r) for c in noun.children if c.dep_ in MODIFIER_DEPS)
        if verb is not None and not (_reports_strikes(verb, r) or _air_modified(noun) or named):
            return []  # "held three strikes": not a verb that reports strikes
        det = next((c for c in noun.children if c.dep_ == "det"), None)
        definite = det is not None and det.lower_ in ("any", "every", "each", "all", "the", "these",
                                                      "those", "this", "that", "no")
        # "carried out their first strikes": the subject's own strikes, not a back-reference
        own = verb is not None and verb.lemma_.lower() in CONDUCT_VERBS
        if count is None and (definite or any(c.dep_ == "poss" for c in noun.children) and not own):
            return []  # a back-reference or a generic mention, not a new report
        single = count is None and noun.tag_ in ("NN", "NNP") and det is not None and (
            det.lower_ in ("a", "an", "one"))
        uncounted = count is None and not single
        if uncounted and noun.tag_ not in ("NNS", "NNPS") and not _is_series(noun):
            return []
        clause = finite_clause(clause_head(noun))
        siblings = _coordinated(verb, noun, counts, r) if verb is not None else []
        if noun.dep_ == "conj" and _strike_noun(noun.head, r):
            clause = noun  # the second of coordinated counts is placed by its own phrase
        draft = _Draft(unit=n, anchor=noun, span=Span(noun.idx, noun.idx + len(noun.text)))
        if clause == noun:
            draft.span_root = noun
        if count is not None:
            draft.strike_count, draft.qualifier = int(count.value), count.qualifier
        elif single:
            draft.strike_count = 1
        else:
            # Saying that someone struck on a day reports at least one strike.
            draft.strike_count, draft.qualifier, draft.counted = 1, "atLeast", False
        draft.air = _air_modified(noun)
        if noun.lemma_.lower() == "sortie":
            draft.counted_noun = "sortie"
        eng = _engagement_for(noun, counts)
        if eng is not None:
            used.add(eng[0].i)
            # a strike is one or more engagements: fewer engagements than strikes is a misreading
            if draft.strike_count is None or int(eng[1].value) >= draft.strike_count:
                draft.engagement_count = int(eng[1].value)
        self.perpetrator(noun, verb, draft)
        region = _region(clause, unit, siblings) if clause != noun else _in_unit(noun.subtree, unit)
        draft.countries, draft.locations = _places(region, r)
        if noun.dep_ == "pobj" and is_including(noun.head):
            # "18 operations ... in Iraq and Syria, including six strikes in Syria"
            own_countries, own_locations = _places(_in_unit(noun.subtree, unit), r)
            if own_countries or own_locations:
                draft.countries, draft.locations = own_countries, own_locations
        draft.unnamed_place = _has_unnamed_place(region, r)
        if draft.countries:
            draft.country_source = "clause"
        when = _when_in(region, noun, r)
        if when is None:
            # Coordinated counts share a trailing date ("17 in Syria and six in Iraq on Monday").
            for sib in siblings:
                when = _when_in(_region(sib, unit), sib, r)
                if when is not None:
                    break
        if when is not None:
            draft.when, draft.when_source = when, "clause"
        else:
            window = _reporting_window(noun, unit, r)
            if window is not None:
                draft.when, draft.when_source = window, "report"
        if (single or uncounted) and (not draft.perpetrators or draft.when is None):
            if not (single and noun.dep_ in ("nsubj", "nsubjpass") and
                    (draft.locations or draft.unnamed_place)):
                return []  # without a count, a report needs the text to say who struck and when
            # "an airstrike northwest of Mosul Dam destroyed ...": a line of a release, kept
            # only if it reads as a part of a total (which then says who and when)
            draft.needs_parent = True
        hit_verbs: list[Token] = []
        if verb is not None and noun.dep_ == "nsubj":
            hit_verbs.append(verb)
        hit_verbs += [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
        if verb is not None and verb.lemma_.lower() in CONDUCT_VERBS:
            hit_verbs += [c for c in verb.children if c.dep_ in ("conj", "advcl", "xcomp")
                          and c.pos_ == "VERB" and not any(g.dep_ == "nsubj" for g in c.children)]
        for pcomp in noun.children:
            if pcomp.dep_ == "prep":
                hit_verbs += [c for c in pcomp.children if c.dep_ == "pcomp" and c.pos_ == "VERB"]
        _apply_hits(draft, hit_verbs, r)
        # "strikes on ISIS positions"; "conducted an airstrike on an ISIS hideout" (the parser
        # may hang the phrase on the verb)
        conducting = verb is not None and verb.lemma_.lower() in CONDUCT_VERBS
        holders = [noun] + ([verb] if conducting and verb is not None else [])
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ in ("against", "on", "at"):
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            _add_targets(draft, _targets_in(obj, "struck", r))
        if uncounted and not draft.targets and draft.killed is None and not own:
            return []  # "Coalition strikes ... over the weekend" must say what they hit
        out = [draft]
        for sib in siblings:
            if sib.pos_ != "NUM":
                continue  # a coordinated strike noun is read on its own
            found = next((c for c in counts if c.span.start <= sib.i < c.span.end), None)
            if found is None:
                continue
            part = _Draft(unit=n, anchor=sib, span=Span(sib.idx, sib.idx + len(sib.text)),
                          span_root=sib)
            part.strike_count, part.qualifier = int(found.value), found.qualifier
            part.perpetrators, part.actor_source = list(draft.perpetrators), draft.actor_source
            part.air = draft.air
            own = _region(sib, unit)
            part.countries, part.locations = _places(own, r)
            part.country_source = "clause" if part.countries else ""
            part.when = _when_in(own, sib, r) or draft.when
            part.when_source = "clause" if part.when is not None else ""
            out.append(part)
        return out

    def engagement_report(
        self, n: int, unit: DocSpan, noun: Token, counts: list[CountMatch]
    ) -> _Draft | None:
        """'conducted 398 engagements' with no strike count."""
        count = count_of(noun, counts)
        verb = _governing_verb(noun)
        if count is None or verb is None or verb.lemma_.lower() not in CONDUCT_VERBS:
            return None
        if irrealis(verb):
            return None
        draft = _Draft(unit=n, anchor=noun, span=Span(noun.idx, noun.idx + len(noun.text)))
        draft.strike_count, draft.engagement_count = None, int(count.value)
        self.perpetrator(noun, verb, draft)
        region = _region(clause_head(noun), unit)
        draft.countries, draft.locations = _places(region, self.r)
        draft.country_source = "clause" if draft.countries else ""
        when = _when_in(region, noun, self.r)
        if when is not None:
            draft.when, draft.when_source = when, "clause"
        return draft

    def partitive_reports(self, n: int, unit: DocSpan, counts: list[CountMatch]) -> list[_Draft]:
        """'one of them was near X', 'the other five were near Y', 'All but one were near Z':
        breakdowns of the previous count, by place."""
        parent = self.last_count_report(n, back=2)
        out: list[_Draft] = []
        if parent is None:
            # "most of them in or around X" can still place an earlier report.
            return out
        for tok in tokens_of(unit):
            value: int | None = None
            head: Token | None = None
            if tok.lower_ == "all" and tok.dep_ in ("nsubj", "nsubjpass"):
                but = next((c for c in tok.children if c.lower_ == "but"), None)
                number = next((g for c in tok.children for g in c.children if g.like_num), None)
                if but is not None and number is None:
                    number = next((c for c in tok.children if c.like_num), None)
                if number is None:
                    number = next((t for t in tok.doc[tok.i + 1: tok.i + 4] if t.like_num), None)
                exact = parent.strike_count is not None and parent.qualifier == "exact"
                if number is not None and exact and parent.strike_count is not None:
                    found = [c for c in counts if c.span.start <= number.i < c.span.end]
                    if found:
                        value, head = parent.strike_count - int(found[0].value), tok
            elif tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "NUM":
                of_them = any(p.lower_ == "of" and any(
                    g.lower_ in PARTITIVE_PRONOUNS or _strike_noun(g, self.r) for g in p.children)
                    for p in tok.children)
                other = any(c.lower_ in ("other", "remaining") for c in tok.children)
                if of_them or other:
                    found = [c for c in counts if c.span.start <= tok.i < c.span.end]
                    if found:
                        value, head = int(found[0].value), tok
            if head is None or value is None or value < 0:
                continue
            verb = head.head
            if irrealis(verb):
                continue
            cut = [c for c in verb.children
                   if c.dep_ in ("advcl", "conj") and c.pos_ in ("VERB", "AUX")]
            region = _region(verb, unit, cut)
            countries, locations = _places(region, self.r)
            if not locations:
                continue
            draft = _Draft(unit=n, anchor=head, span=Span(head.idx, head.idx + len(head.text)))
            draft.strike_count = value
            draft.countries, draft.locations = countries, locations
            draft.country_source = "clause" if countries else ""
            draft.parent, draft.explicit_parent = parent, True
            when = _when_in(region, head, self.r)
            if when is not None:
                draft.when, draft.when_source = when, "clause"
            _apply_hits(draft, [verb], self.r)  # "34 of the raids targeted ..., killing 19"
            out.append(draft)
        for tok in tokens_of(unit):  # "most of them in or around Deir Ezzour": a place for the parent
            if tok.lower_ in VAGUE_PARTITIVES and any(
                p.lower_ == "of" and any(g.lower_ in PARTITIVE_PRONOUNS for g in p.children)
                for p in tok.children
            ):
                _, locations = _places(_in_unit(tok.subtree, unit), self.r)
                parent.locations += [loc for loc in locations if loc not in parent.locations]
        return out

    def included_counts(
        self, n: int, unit: DocSpan, counts: list[CountMatch], made: list[_Draft]
    ) -> list[_Draft]:
        """'conducted 11 strikes in Iraq on Wednesday, including three near Makhmour and two
        near Mosul': bare numbers after 'including' are parts of the count before them, each
        placed (or dated) by its own phrase; without a place or a date they say nothing."""
        out: list[_Draft] = []
        for inc in (t for t in tokens_of(unit) if is_including(t)):
            parent = next((d for d in reversed(made) if d.anchor.i < inc.i and d.counted
                           and d.strike_count is not None and d.parent is None), None)
            if parent is None:
                continue
            numbers = [c for c in inc.children if c.dep_ in ("pobj", "dobj") and c.pos_ == "NUM"]
            numbers += [g for num in list(numbers) for g in num.subtree
                        if g.dep_ == "conj" and g.pos_ == "NUM" and g.head in numbers]
            for num in numbers:
                found = next((c for c in counts if c.span.start <= num.i < c.span.end), None)
                if found is None or irrealis(num):
                    continue
                others = [g for g in num.children if g.dep_ == "conj"]
                own = [t for t in _in_unit(num.subtree, unit)
                       if not any(t in o.subtree for o in others)
                       and not (t.dep_ == "cc" and t.head == num)]
                countries, locations = _places(own, self.r)
                when = _when_in(own, num, self.r)
                if not locations and not countries and when is None:
                    continue
                part = _Draft(unit=n, anchor=num, span=Span(num.idx, num.idx + len(num.text)))
                part.strike_count, part.qualifier = int(found.value), found.qualifier
                part.countries, part.locations = countries, locations
                part.country_source = "clause" if countries else ""
                if when is not None:
                    part.when, part.when_source = when, "clause"
                part.parent, part.explicit_parent = parent, True
                part.air, part.counted_noun = parent.air, parent.counted_noun
                part.own_tokens = own
                out.append(part)
        return out

    def dated_reports(self, n: int, unit: DocSpan, covered: set[int]) -> list[_Draft]:
        """Strikes without a count, reported by verb: who, when and what they hit."""
        r = self.r
        groups: list[tuple[When, list[Token], str, str]] = []
        sources: dict[int, str] = {}  # id(when) -> "report" for a reporting clause's window
        for verb in tokens_of(unit):
            if verb.pos_ != "VERB" or verb.i in covered or verb.dep_ in ("amod", "compound"):
                continue
            lemma = verb.lemma_.lower()
            outcome = _outcome(verb, r)
            if lemma not in r.lex.strike_verbs and outcome is None:
                continue
            if irrealis(verb):
                continue
            clause_verb = _carrying_clause(verb, r)
            if clause_verb is None or clause_verb.i in covered:
                continue
            subj = subject(verb)
            if subj is None or subj.i in covered or _strike_noun(subj, r):
                continue
            if any(c.dep_ == "auxpass" for c in verb.children):
                continue
            actor, source = _np_actor(subj, r)
            narrative = False
            if actor is None and _is_munition(subj):
                # "a Paveway IV guided bomb was used to strike it": the aircraft's force
                actor, source, narrative = _paragraph_air_actor(subj, r), "inferred", True
            if actor is None and _unidentified_aircraft(subj):
                actor, source = "", "blocked"  # the text says nobody knows who struck
            if actor is None:
                continue
            if actor and lemma not in r.lex.strike_verbs and not _is_air_capable(actor, r):
                continue
            if actor and lemma in r.lex.strike_verbs and not _can_strike(actor, r):
                continue
            region = _own_region(verb, unit) + [verb]
            when = _when_in(region, verb, r)
            if when is None:
                # "killed two fighters and struck four positions on March 18": a trailing date
                # of the next conjunct dates this one too.
                for child in verb.children:
                    if child.dep_ == "conj" and child.pos_ == "VERB" and child.i > verb.i:
                        sub = [t for t in _in_unit(child.subtree, unit) if not _excluded(t, child)]
                        when = _when_in(sub, child, r)
                        if when is not None:
                            break
            if when is None and clause_verb != verb:
                # "conducted a mission near Baghuz on Thursday 14 March, striking two buildings"
                when = _when_in(_own_region(clause_verb, unit) + [clause_verb], clause_verb, r)
            if when is None and clause_verb.dep_ == "conj":
                # "destroyed three rest houses and killed five elements" on the same day.
                head = clause_verb.head
                when = _when_in(_own_region(head, unit), head, r)
            if when is None:
                when = _reporting_window(verb, unit, r)
                if when is not None:
                    sources[id(when)] = "report"
            if when is None and (narrative or source == "inferred"):
                when = self.narrative_date(n, actor)
                if when is not None:
                    sources[id(when)] = "context"
            if when is None:
                continue
            groups.append((when, [verb], actor, source))
        merged: list[tuple[When, list[Token], str, str]] = []
        for when, verbs, actor, source in groups:
            same = next((g for g in merged if g[0].span == when.span and g[2] == actor), None)
            if same is not None:
                same[1].extend(verbs)
            else:
                merged.append((when, list(verbs), actor, source))
        out: list[_Draft] = []
        for when, verbs, actor, source in merged:
            draft = _Draft(unit=n, anchor=verbs[0], span=Span(verbs[0].idx, verbs[0].idx + 1))
            # Saying that someone struck on a day reports at least one strike.
            draft.strike_count, draft.qualifier, draft.counted = 1, "atLeast", False
            times = _times_count(verbs[0], r) if verbs[0].lemma_.lower() in r.lex.strike_verbs \
                else None
            if times is not None:  # "struck militants near Kobani 14 times on Sunday and Monday"
                draft.strike_count, draft.qualifier, draft.counted = (
                    int(times.value), times.qualifier, True)
            draft.perpetrators, draft.actor_source = ([actor] if actor else []), source
            draft.when, draft.when_source = when, sources.get(id(when), "clause")
            participles = [c for v in verbs for c in v.children
                           if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG" and _outcome(c, r)]
            carriers = [c for v in verbs for c in [_carrying_clause(v, r)]
                        if c is not None and c != v]
            carriers += [c.head for c in carriers if c.dep_ == "conj" and c.head.pos_ == "VERB"]
            for verb in dict.fromkeys([*verbs, *participles, *carriers]):
                region = _own_region(verb, unit)
                countries, locations = _places(region, r)
                draft.countries += [c for c in countries if c not in draft.countries]
                draft.locations += [loc for loc in locations if loc not in draft.locations]
                if verb in carriers:
                    continue  # the carrying clause places the strike; what it hit is the verb's
                outcome = _outcome(verb, r) or "struck"
                if outcome == "killed":
                    killed = _killed_by(verb)
                    if killed is not None:
                        draft.killed = (draft.killed or 0) + killed
                for obj in _target_objects(verb):
                    _add_targets(draft, _targets_in(obj, outcome, r))
            draft.country_source = "clause" if draft.countries else ""
            if not draft.targets and draft.killed is None and not any(
                v.lemma_.lower() in r.lex.strike_verbs for v in verbs
            ) and not any(_names_armed_group(o, r) for v in verbs for o in _target_objects(v)
                          if o.dep_ == "dobj"):
                continue  # an outcome verb needs something hit ("destroyed 10 Daesh targets")
            out.append(draft)
        return out

    def narrative_date(self, n: int, actor: str) -> When | None:
        """'On Tuesday 12 March, RAF Typhoons flew a patrol ... . The crews identified a
        building, and a Paveway IV was used to strike it.': a strike told as the next step of
        a dated sentence about the same force, in the same paragraph, takes its day."""
        r = self.r
        paragraph = r.paragraph_of[n]
        for back in range(n - 1, -1, -1):
            if r.paragraph_of[back] != paragraph:
                return None
            unit = r.units[back]
            root = next((t for t in tokens_of(unit) if t.dep_ == "ROOT"), None)
            subj = subject(root) if root is not None else None
            if subj is None or _np_actor(subj, r)[0] != actor:
                continue
            dates = [w for w in find_dates(unit, r.published) if w.start is not None]
            days = {(w.start, w.end) for w in dates}
            return dates[0] if len(days) == 1 else None
        return None

    def elaborate(self, n: int, unit: DocSpan, nouns: list[Token]) -> None:
        """A strike sentence without a count completes the report it follows: its period
        ('That figure includes strikes ... from March 10-23'), countries and targets."""
        previous = self.last_report(n, back=2)
        if previous is None or not nouns and not any(
            t.pos_ == "VERB" and t.lemma_.lower() in self.r.lex.strike_verbs for t in tokens_of(unit)
        ):
            return
        anchor = nouns[0] if nouns else next(
            t for t in tokens_of(unit) if t.pos_ == "VERB" and t.lemma_.lower() in self.r.lex.strike_verbs)
        if irrealis(anchor):
            return
        if any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "another")
               for noun in nouns for c in noun.children):
            return  # "an airstrike northwest of Mosul Dam ...": another strike
        root = next((t for t in tokens_of(unit) if t.dep_ == "ROOT"), anchor)
        region = _region(root, unit)
        frame_actor = None
        subj = subject(root)
        if subj is not None:
            frame_actor, _ = _np_actor(subj, self.r)
        if frame_actor and previous.perpetrators and frame_actor not in previous.perpetrators:
            return
        countries, _ = _places(region, self.r)
        if previous.when is None or previous.when_source == "report":
            when = _when_in(region, anchor, self.r)
            if when is not None:
                previous.when, previous.when_source = when, "context"
        if not previous.countries and countries:
            previous.countries, previous.country_source = countries, "context"
        elif countries and not set(countries) <= set(previous.countries):
            return  # another country: not about that report
        hits = [t for t in tokens_of(unit)
                if t.pos_ == "VERB" and _outcome(t, self.r) is not None and not irrealis(t)]
        for verb in hits:
            outcome = _outcome(verb, self.r) or "struck"
            for obj in _target_objects(verb):
                _add_targets(previous, _targets_in(obj, outcome, self.r))
        for noun in nouns:
            for prep in noun.children:
                if prep.dep_ == "prep" and prep.lower_ in ("against", "on"):
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            _add_targets(previous, _targets_in(obj, "struck", self.r))

    # ---- context

    def last_report(self, n: int, back: int) -> _Draft | None:
        for draft in reversed(self.drafts):
            if n - draft.unit <= back:
                return draft
            break
        return None

    def last_count_report(self, n: int, back: int) -> _Draft | None:
        for draft in reversed(self.drafts):
            if n - draft.unit > back:
                return None
            if draft.counted and draft.strike_count is not None and not draft.explicit_parent:
                return draft
        return None

    def finish_span(self, draft: _Draft, unit: DocSpan, made: list[_Draft]) -> None:
        """The evidence: the clause stating the report, or the whole unit when it states one."""
        others = [d.anchor for d in made if d is not draft]
        anchor = draft.anchor
        if draft.own_tokens is not None:
            tokens = list(draft.own_tokens)
        elif draft.span_root is not None:
            tokens = _in_unit(draft.span_root.subtree, unit)
        elif not others:
            tokens = list(unit)
        else:
            root = clause_head(anchor)
            cut = [clause_head(o) for o in others if clause_head(o) != root]
            cut += [o for o in others if clause_head(o) == root and o.pos_ == "NUM"]
            cut += [c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB"
                    and any(c.i in range(o.i, o.i + 1) or c == clause_head(o) for o in others)]
            tokens = [t for t in _region(root, unit, cut)]
            if draft.when is not None and draft.when.span is not None:
                tokens += [t for t in tokens_of(unit) if draft.when.span.start <= t.idx < draft.when.span.end]
        tokens = [t for t in tokens if t.i not in self.r.dateline]
        span = _span_of(_trim(sorted(set(tokens), key=lambda t: t.i)))
        if span is not None:
            draft.span = span

    def complete_from_context(self) -> None:
        for i, draft in enumerate(self.drafts):
            parent = draft.parent
            earlier = self.drafts[:i]
            if not draft.perpetrators and draft.actor_source != "blocked":
                if parent is not None and parent.perpetrators:
                    draft.perpetrators, draft.actor_source = list(parent.perpetrators), "inferred"
                else:
                    for back in range(0, SENTENCES_BACK_FOR_ACTOR + 1):
                        frame = self.frames.get(draft.unit - back)
                        if frame is not None and frame.actors:
                            # a lead names the strikers ("U.S. and coalition military forces
                            # continued to attack"); a unit of reports, its first report's
                            lead = frame.actors if not frame.reported else frame.actors[:1]
                            draft.perpetrators, draft.actor_source = list(lead), "inferred"
                            break
                    else:
                        # A release's later lines: the actor of the report just before.
                        prior = next((d for d in reversed(earlier) if d.perpetrators and
                                      draft.unit - d.unit <= SENTENCES_BACK_FOR_ACTOR * 2), None)
                        if prior is not None and prior.actor_source != "blocked":
                            draft.perpetrators = list(prior.perpetrators)
                            draft.actor_source = "inferred"
            if draft.when is None or draft.when_source == "report":
                if parent is not None and parent.when is not None:
                    draft.when, draft.when_source = parent.when, "context"
                elif draft.counted:
                    # Only from a report by the same actor (or when the text names none, as
                    # for "72 strikes from other actors" in the same release).
                    mine = set(draft.perpetrators)
                    # others' strikes counted by a release: the period of its totals
                    others = draft.actor_source == "blocked"
                    reach = SENTENCES_BACK_FOR_OTHERS if others else SENTENCES_BACK_FOR_PERIOD
                    prior = next((d for d in reversed(earlier) if d.when is not None
                                  and draft.unit - d.unit <= reach
                                  and (not others or d.parent is None)
                                  and (not mine or mine & set(d.perpetrators))), None)
                    if prior is not None:
                        draft.when, draft.when_source = prior.when, "context"
                    else:
                        frame_when = self.frame_when(draft)
                        if frame_when is not None:
                            draft.when, draft.when_source = frame_when, "context"
            if not draft.countries:
                if parent is not None and parent.countries:
                    draft.countries, draft.country_source = list(parent.countries), "context"
                elif draft.perpetrators:
                    mine = set(draft.perpetrators)
                    same_actor = next((d for d in reversed(earlier)
                                       if d.countries and d.parent is None
                                       and mine & set(d.perpetrators) and d.counted
                                       and not _broader(draft.when, d.when)), None)
                    if not draft.counted:
                        same_actor = next((d for d in reversed(earlier) if d.countries
                                           and set(d.perpetrators) & set(draft.perpetrators)), None)
                    if same_actor is not None:
                        # "27 strikes in Iraq and 15 in Syria in August. In July, ... 61
                        # strikes": the scope of the sentence, not of its last count
                        siblings = [d for d in earlier if d.unit == same_actor.unit
                                    and d.parent is None and d.countries and d.counted
                                    and mine & set(d.perpetrators)]
                        draft.countries = list(dict.fromkeys(
                            c for d in siblings or [same_actor] for c in d.countries))
                        draft.country_source = "context"
                    else:
                        for back in range(1, SENTENCES_BACK_FOR_ACTOR + 1):
                            frame = self.frames.get(draft.unit - back)
                            if frame is not None and frame.countries and set(frame.actors) & mine:
                                draft.countries = list(frame.countries)
                                draft.country_source = "context"
                                break

    def frame_when(self, draft: _Draft) -> When | None:
        """The period a sentence about the strikes gave, a few sentences up, with no report
        in between (a report's own period would be nearer)."""
        for back in range(1, SENTENCES_BACK_FOR_PERIOD + 1):
            frame = self.frames.get(draft.unit - back)
            if frame is None:
                continue
            if frame.when is not None and (not frame.actors or not draft.perpetrators
                                           or set(frame.actors) & set(draft.perpetrators)):
                return frame.when
        return None

    def link_parts(self) -> None:
        for i, draft in enumerate(self.drafts):
            if draft.parent is not None or draft.actor_source == "blocked" or not draft.counted:
                continue
            for candidate in reversed(self.drafts[:i]):
                if draft.unit - candidate.unit > SENTENCES_BACK_FOR_PARENT:
                    break
                if _contains(candidate, draft, self.r.ref):
                    draft.parent = candidate
                    if draft.when is None and candidate.when is not None:
                        draft.when, draft.when_source = candidate.when, "context"
                    break
        # A total's located parts place the total too ("one near Al-Asad, five near Hawija").
        for draft in self.drafts:
            if draft.parent is None:
                continue
            parent = draft.parent
            while parent is not None:
                parent.locations += [loc for loc in draft.locations if loc not in parent.locations]
                parent = parent.parent


def _broader(mine: When | None, theirs: When | None) -> bool:
    """Whether my period strictly contains theirs (a running total since 2014 against this
    week's report): then their countries say nothing about mine."""
    if mine is None or theirs is None or None in (mine.start, mine.end, theirs.start, theirs.end):
        return False
    assert mine.start and mine.end and theirs.start and theirs.end
    return mine.start <= theirs.start and theirs.end <= mine.end and (
        (mine.end - mine.start) > (theirs.end - theirs.start))


def _strictly_inside(inner: When | None, outer: When | None) -> bool:
    """Whether a resolved period lies inside another and is shorter: a day of a week."""
    if inner is None or outer is None or None in (inner.start, inner.end, outer.start, outer.end):
        return False
    assert inner.start and inner.end and outer.start and outer.end
    return outer.start <= inner.start and inner.end <= outer.end and (
        (inner.end - inner.start) < (outer.end - outer.start))


def _within(inner: When | None, outer: When | None) -> bool:
    if inner is None:
        return True
    if outer is None or None in (inner.start, inner.end, outer.start, outer.end):
        return inner is outer or (inner.raw == outer.raw if outer is not None else False)
    if outer.start <= inner.start and inner.end <= outer.end:
        return True
    slack = dt.timedelta(days=7)
    return outer.precision in ("week", "approximate") and (
        outer.start - slack <= inner.start and inner.end <= outer.end + slack
    )


def _contains(total: _Draft, part: _Draft, ref: Reference) -> bool:
    """Whether ``part`` reads as a breakdown of ``total``."""
    if not total.counted or total.strike_count is None or part is total:
        return False
    if part.counted_noun != total.counted_noun:
        return False  # sorties flown do not break down strikes, nor strikes sorties
    if part.strike_count is not None and part.strike_count > total.strike_count:
        return False
    if part.engagement_count is not None and (
        total.engagement_count is None or part.engagement_count > total.engagement_count
    ):
        return False
    if total.perpetrators and part.perpetrators and not (
        set(part.perpetrators) & set(total.perpetrators)
        or any(m in total.perpetrators for p in part.perpetrators for m in ref.memberships(p))
    ):
        return False
    if not _within(part.when, total.when):
        return False
    part_c, total_c = set(part.countries), set(total.countries)
    if part_c and total_c and not part_c <= total_c:
        return False
    narrower_country = bool(part_c) and part_c < total_c
    if _strictly_inside(part.when, total.when) and not (
        set(part.locations) - set(total.locations)
    ) and (part_c or not total_c):
        return True  # "There were no strikes in Iraq on Jan. 24 and 25" in the week's Iraq count
    if part.unnamed_place and not part.locations and total_c and (
        not part_c or (part.country_source == "context" and part_c <= total_c)
    ):
        return True  # "Near Baghdadi, one strike ...": a town line of the report above
    narrower_place = bool(part.locations) and (
        not total.locations or (set(part.locations) < set(total.locations))
        or (set(part.locations) <= set(total.locations)
            and len(total.locations) > len(part.locations))
    ) and (not total_c or not part_c or part_c <= total_c)
    return narrower_country or narrower_place


# ----------------------------------------------------------------------------- output


def _confidence(draft: _Draft) -> float:
    score = 0.4
    counted = draft.counted and (draft.strike_count is not None or draft.engagement_count)
    score += 0.2 if counted else 0.1
    if draft.perpetrators:
        score += {"clause": 0.15, "inferred": 0.05}.get(draft.actor_source, 0.0)
    if draft.countries:
        score += {"clause": 0.1, "context": 0.05}.get(draft.country_source, 0.0)
    if draft.when is not None:
        resolved = draft.when.start is not None
        score += 0.15 if draft.when_source == "clause" and resolved else 0.07
    if draft.qualifier != "exact":
        score -= 0.1
    return round(min(0.95, max(0.1, score)), 2)


def _anchored(draft: _Draft) -> bool:
    """Whether a report says enough to be kept: who struck (or that the text names the strikes
    as others'), and when (resolved, as written, or from the total it is part of). A bare
    "There were no strikes in Iraq" with nothing around it is left out, not guessed."""
    if draft.parent is not None and not _anchored(draft.parent):
        draft.parent = None
    if draft.needs_parent and draft.parent is None:
        return False
    who = bool(draft.perpetrators) or draft.actor_source == "blocked"
    return who and draft.when is not None


def _asserted_part(draft: _Draft) -> bool:
    """Whether the graph says which total a report breaks down. '34 of the raids' after
    'dozens of air raids' reads as a part, but a breakdown larger than the number its total
    states (24, at least) is not asserted: the shapes hold a part to at most its total."""
    parent = draft.parent
    if parent is None:
        return False
    return draft.strike_count is None or parent.strike_count is None or (
        draft.strike_count <= parent.strike_count)


def _to_report(draft: _Draft) -> StrikeReport:
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
        when=draft.when,
        targets=list(draft.targets),
        killed_count=draft.killed,
        part_of=draft.parent.key if _asserted_part(draft) else None,
        strike_class="AirStrike" if draft.air else "Strike",
        confidence=_confidence(draft),
        extractor=EXTRACTOR,
    )


def extract_strike_reports(
    doc: Doc, article: Article, ref: Reference | None = None
) -> list[StrikeReport]:
    """Every strike report the article states, in text order, totals before their parts."""
    if ref is None:
        from isisgraph.reference import load

        ref = load()
    drafts = [d for d in _Extractor(doc, article, ref).run() if _anchored(d)]
    keys: set[str] = set()
    for draft in drafts:
        key = f"strike-{draft.span.start}-{draft.span.end}"
        if key in keys:
            draft.span = Span(draft.anchor.idx, draft.anchor.idx + len(draft.anchor.text))
            key = f"strike-{draft.span.start}-{draft.span.end}"
        suffix = 2
        base = key
        while key in keys:
            key, suffix = f"{base}-{suffix}", suffix + 1
        keys.add(key)
        draft.key = key
    return [_to_report(d) for d in drafts]

