"""The headline: its strikes are a report of their own (a mention, as a caption is), with the
period, countries and force the body's report gives when the headline leaves them out
(``context._from_following``): dev: "Iraqi forces recover bodies of five militants after
airstrike in Hamrin Mountains", "French Rafale jets strike ISIS tunnels in northeastern Iraq",
"UK Launches First Anti-Daesh Air Strikes Since September", "Iraq strikes suspected ISIS cells
in Hamrin Mountains". A headline that only says how the strikes go on ("US Continues Air
Strikes Against ISIL Extremists", "Military airstrikes against ISIL in Syria and Iraq ...
continue", dev; "Coalition intensifies airstrikes on ISIS in Hajin pocket", genre) summarises
the article's reports and is none itself, unless it counts them. A title's verb the tagger
reads as a proper noun ("Launches", "Strikes Target ISIS") is read from the word."""

from __future__ import annotations

import itertools

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.extract.numbers import CountMatch
from isisgraph.extract.shared import tokens_of
from isisgraph.extract.strikes.actors import can_strike, is_air_capable, label_lookup, np_actors
from isisgraph.extract.strikes.aircraft import aircraft_word, releases_munition
from isisgraph.extract.strikes.document import Document, Draft
from isisgraph.extract.strikes.lexicon import (
    AIR_WORDS,
    CONDUCT_VERBS,
    FRAME_VERBS,
    STRIKE_VERBS,
    SUBJECT_HIT_VERBS,
    TARGET_NOUNS,
    TREND_VERBS,
)
from isisgraph.extract.strikes.nouns import air_modified, strike_noun
from isisgraph.extract.strikes.perpetrator import perpetrator, title_forces
from isisgraph.extract.strikes.places import places
from isisgraph.extract.syntax.units import in_headline
from isisgraph.records import Span

TITLE_VERB = "strikes.headline.title-verb"  # "Turkish Air Forces Destroy 9 Targets"
HEADLINE_ELLIPTICAL = "strikes.headline.elliptical-count"  # "16 Air Strikes In Iraq, Six In Syria"
NOUN_SUBJECT = "strikes.headline.noun-subject"  # "Coalition Strikes Target ISIS Terrorists"


def _verb_forms(tok: Token) -> set[str]:
    """The forms a title-case word may be a verb's: its lemma, and the word without an -s or
    -es ending (the tagger often reads a title's verb as a proper noun: "Continues")."""
    lower = tok.lower_
    forms = {tok.lemma_.lower(), lower, lower.removesuffix("s"), lower.removesuffix("es")}
    if lower.endswith("ies"):
        forms.add(lower[:-3] + "y")  # "Intensifies"
    return forms


def summary_headline(unit: DocSpan) -> bool:
    """Whether a unit is a headline that tells how strikes go on rather than that they struck.
    A trend verb that releases a munition is no trend (rule strikes.headline.release-not-trend:
    "Belgian planes have dropped 354 bombs this year", L'Europeenne 2017, a new article of
    round 9; "First Dutch bombs dropped on ISIS targets", NL Times 2014): strikes dropped
    bombs, their number did not drop."""
    words = tokens_of(unit)
    return bool(words) and in_headline(words[0]) and any(
        _verb_forms(t) & TREND_VERBS and not releases_munition(t) and not _aside(t)
        for t in words if not t.is_punct)


def _aside(trend: Token) -> bool:
    """'Jets Drop 80K Pounds of Bombs ... as Strike Pace Grows' (Air & Space Forces 2019): a
    trend told in an adverbial clause of a verb that strikes or releases a munition
    is said beside the strikes the headline reports, not instead of them."""
    head = trend.head
    return trend.dep_ == "advcl" and any(c.dep_ == "mark" for c in trend.children) and (
        releases_munition(head) or bool(_verb_forms(head) & STRIKE_VERBS))


def title_verb(noun: Token) -> Token | None:
    """'UK Launches First Anti-Daesh Air Strikes Since September', parsed as one noun phrase:
    the headline's conducting verb before the strike noun, read from the word itself."""
    if not in_headline(noun):
        return None
    for tok in noun.doc[max(0, noun.sent.start): noun.i]:
        if _verb_forms(tok) & CONDUCT_VERBS and tok.pos_ in ("VERB", "PROPN", "NOUN") and (
                _opens_phrase(tok, noun)):
            return tok
    return None


def _opens_phrase(verb: Token, noun: Token) -> bool:
    """Whether only the strike noun's own modifiers stand between a title's verb and it
    ("Launches 23 Strikes", "Launches First Anti-Daesh Air Strikes"), so that the strikes are
    its object; not "Launches Inquiry Into Strikes", whose object is another noun."""
    between = noun.doc[verb.i + 1: noun.i]
    return all(t.i >= noun.left_edge.i or t.pos_ in ("NUM", "ADJ", "PUNCT") or t.like_num
               for t in between)


def conducting(verb: Token | None) -> bool:
    """Whether a verb conducts strikes ('conducted', and a title's 'Launches')."""
    if verb is None:
        return False
    if verb.lemma_.lower() in CONDUCT_VERBS:
        return True
    return in_headline(verb) and bool(_verb_forms(verb) & CONDUCT_VERBS)


def headline_ellipses(d: Document, n: int, unit: DocSpan, counts: list[CountMatch],
                      made: list[Draft]) -> list[Draft]:
    """'U.S., Allies Conduct 16 Air Strikes In Iraq, Six In Syria', 'Coalition Conducts 9
    Strikes in Syria, 4 in Iraq': a title's bare number after a counted report, followed by
    'in' and a country, is a count of the same strikes in that country (the tagger reads such
    a title's words as names, so the parse does not coordinate them). Dev: RFE/RL June 2015,
    whose body says the same ("16 air strikes in Iraq and six in Syria", read as an elliptical
    count); the CJTF-OIR titles of the genre sets use the form too."""
    words = tokens_of(unit)
    if not words or not in_headline(words[0]):
        return []
    totals = [m for m in made if m.counted and not m.told and m.countries]
    if not totals:
        return []
    used = {m.anchor.i for m in made}
    out: list[Draft] = []
    for count in counts:
        number = count.head
        after = number.i + 1
        # the parser may end the sentence after the number: the title's line holds the rest
        if after + 1 >= len(number.doc) or number.i in used or number.i < totals[0].anchor.i:
            continue
        if any(m.anchor.i in range(count.span.start, count.span.end) for m in made):
            continue
        prep, place = number.doc[after], number.doc[after + 1]
        if not in_headline(place) or "\n" in prep.text_with_ws:
            continue
        countries, locations = places([place], d)
        if prep.lower_ != "in" or not countries or number.nbor(-1).text not in (",", "and"):
            continue
        total = totals[-1]
        part = Draft(unit=n, anchor=number, span=Span(number.idx, number.idx + len(number.text)),
                     span_root=number, rule=HEADLINE_ELLIPTICAL)
        part.own_tokens = list(number.doc[number.i: after + 2])
        part.strike_count, part.qualifier = int(count.value), count.qualifier
        part.perpetrators, part.actor_source = list(total.perpetrators), total.actor_source
        part.air = total.air
        part.countries, part.locations, part.country_source = countries, locations, "clause"
        if len(total.countries) > 1 and set(countries) < set(total.countries):
            # "20 Air Strikes In Iraq, Three In Syria": Syria is the three's, not the twenty's
            total.countries = [c for c in total.countries if c not in countries]
        out.append(part)
    return out


def title_strikes(d: Document, n: int, unit: DocSpan, made: list[Draft]) -> list[Draft]:
    """'Turkish Air Forces Destroy 9 Targets, Kill 13 Daesh Militants in Northern Syria',
    'Canada in Iraq: Four CF-18s Bomb ISIS Targets' (dev: Sputnik 2017, CAF Dispatch 2015): a
    title-case headline whose strike or outcome verb the tagger reads as a name, right after a
    force or its aircraft and before what was hit (an armed group's targets, positions,
    militants), tells at least one strike by that force: the headline's report, whose period
    the body's report gives (context). The count in such a title counts targets or aircraft,
    not strikes."""
    words = [t for t in tokens_of(unit) if not t.is_space]
    if made or not words or not in_headline(words[0]):
        return []
    for verb in words[1:]:
        if verb.pos_ == "VERB" or not verb.text[:1].isupper() or verb.i == 0:
            continue
        says_strike, says_outcome = _title_verb_kind(verb, d)
        if not says_strike and not says_outcome:
            continue
        following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        if following is not None and following.text[:1].isupper() and any(
                _title_verb_kind(following, d)):
            continue  # "Coalition Strikes Target ISIS Terrorists": the strikes are a noun
        striker = verb.doc[verb.i - 1]
        if strike_noun(striker, d):
            continue  # "Coalition Strikes Kill ...": strikes told by their noun, not a force
        actors, _source = np_actors(striker, d)
        if not actors:
            found = title_force(words, verb, d)
            actors = [found] if found else []
        actor = actors[0] if actors else None
        if actor is None or not (can_strike(actor, d) if says_strike else is_air_capable(actor, d)):
            continue
        if not says_strike and not _air_words_before(words, verb):
            continue  # "US Troops Kill ISIS Leader": an outcome by a force not said to fly
        after = [t for t in words if t.i > verb.i]
        if not any(t.lemma_.lower() in TARGET_NOUNS or t.lower_.removesuffix("s") in TARGET_NOUNS
                   for t in after[:4]) and not (_verb_forms(verb) & FRAME_VERBS
                                                and _group_object(after, d)):
            continue
        draft = Draft(unit=n, anchor=verb, span=Span(verb.idx, verb.idx + len(verb.text)),
                      rule=TITLE_VERB)
        # a title that says a force struck reports at least one strike
        draft.strike_count, draft.qualifier, draft.counted = 1, "atLeast", False
        draft.perpetrators, draft.actor_source = actors, "clause"
        draft.air = is_air_capable(actor, d)
        draft.countries, draft.locations = places(words, d)
        draft.country_source = "clause" if draft.countries else ""
        return [draft]
    return []


def title_noun_strikes(d: Document, n: int, unit: DocSpan, made: list[Draft]) -> list[Draft]:
    """'Coalition Strikes Target ISIS Terrorists' (DoD 2018), 'US-Led Strikes Target IS in
    Iraq, Syria' (VOA 2015), 'U.S. Military Airstrikes Hit ISIL' (CENTCOM 2014): in a
    title-case headline, a strike noun right before a verb of [subject-hit-verbs], followed
    by an armed group or a target, tells at least one strike, whatever the tagger made of the
    title's words (it reads 'Target' as a name, so no parse makes the strikes its subject).
    The force is the noun's own modifier or the force named before it; the period, and what
    the title leaves out, come from the body's report it announces (context)."""
    words = [t for t in tokens_of(unit) if not t.is_space]
    if not words or not in_headline(words[0]):
        return []
    taken = {m.anchor.i for m in made}
    for noun, verb in itertools.pairwise(words):
        if noun.i in taken or not noun.text[:1].isupper() or not strike_noun(noun, d):
            continue
        if not verb.text[:1].isupper() or not _verb_forms(verb) & SUBJECT_HIT_VERBS:
            continue
        after = [t for t in words if t.i > verb.i]
        if not _group_object(after, d) and not any(
                t.lemma_.lower() in TARGET_NOUNS or t.lower_.removesuffix("s") in TARGET_NOUNS
                for t in after[:3]):
            continue  # "Strikes Hit Record": what they hit is no target
        draft = Draft(unit=n, anchor=noun, span=Span(noun.idx, noun.idx + len(noun.text)),
                      rule=NOUN_SUBJECT)
        draft.strike_count, draft.qualifier, draft.counted = 1, "atLeast", False
        perpetrator(noun, None, draft, d)
        if not draft.perpetrators:
            forces = title_forces(noun, d)  # "Coalition Strikes": the parse hangs it elsewhere
            if forces:
                draft.perpetrators, draft.actor_source = forces, "clause"
        draft.air = air_modified(noun) or any(
            is_air_capable(a, d) for a in draft.perpetrators)
        draft.countries, draft.locations = places(after, d)
        draft.country_source = "clause" if draft.countries else ""
        return [draft]
    return []


def _air_words_before(words: list[Token], verb: Token) -> bool:
    """Whether the title names aircraft or an air arm before its verb ('Turkish Air Forces
    Destroy', 'Iraqi Jets Destroy')."""
    before = [t for t in words if t.i < verb.i]
    text = " " + " ".join(t.lower_ for t in before) + " "
    return any(aircraft_word(t) for t in before) or any(w in text for w in AIR_WORDS)


def _title_verb_kind(tok: Token, d: Document) -> tuple[bool, bool]:
    """Whether a title's word may be a strike verb, and whether an outcome verb (or 'attack',
    which, like an outcome, strikes only when the title names aircraft before it: 'Turkish Jets
    Attack ISIS in Syria', Air Force Magazine 2015, new articles of round 6)."""
    forms = _verb_forms(tok)
    return bool(forms & d.lex.strike_verbs), bool(forms & (set(d.lex.outcome_of) | FRAME_VERBS))


def _group_object(after: list[Token], d: Document) -> bool:
    """Whether the title's verb is followed at once by an armed group ('Attack ISIS')."""
    first = next((t for t in after if not t.is_punct), None)
    ent = d.entity(first, "ACTOR") if first is not None else None
    return ent is not None and d.ref.is_a(ent.ent_id_, "ArmedGroup")


def title_force(words: list[Token], verb: Token, d: Document) -> str | None:
    """The force a title names in the words right before its verb, read as a label (the
    parse of a title-case line splits 'Turkish Air Forces'): the longest run of capitalised
    words ending at the verb, its last word also in the singular."""
    run: list[Token] = []
    for tok in reversed([t for t in words if t.i < verb.i]):
        if tok.is_punct or not tok.text[:1].isupper():
            break
        run.insert(0, tok)
    for start in range(len(run)):
        texts = [t.text for t in run[start:]]
        for last in dict.fromkeys((texts[-1], texts[-1].removesuffix("s"))):
            found = label_lookup([*texts[:-1], last], d)
            if found is not None:
                return found
    return None
