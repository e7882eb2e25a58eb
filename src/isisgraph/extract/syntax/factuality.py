"""Whether a clause reports something that happened: negation, modality, conditions,
intention, denial, speculation, habit, and reported speech.

The cues are defined once here: :func:`negated`, :func:`modal_aux`, :func:`conditional`,
:func:`intended_by`, :func:`denied_by`. Two readings walk up the parse from a word with them:

- :func:`factuality` — the full assessment of an event trigger (:class:`Factuality`: why it is
  no event, whether it is reported speech or a purpose);
- :func:`irrealis` — the narrower test of a counted report: "would strike", "did not
  conduct", "plans to launch", "if the coalition strikes", "denied that its jets had bombed".
  A count's own "no" ("There were no strikes") is a zero, not a negation, so it is not a cue.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from isisgraph.closed_class import (
    CONCESSIVE_PREPOSITIONS,
    CONDITIONAL_MARKS,
    FREQUENCY_DETERMINERS,
    FUTURE_TIME_WORDS,
    MODALS,
    NEGATING_ADVERBS,
    NEGATIVE_SUBJECTS,
    PAST_ABILITY_MODALS,
    PAST_TIME_MARKS,
)
from isisgraph.extract.dates.patterns import MONTHS
from isisgraph.extract.shared import text_of, tokens_of
from isisgraph.extract.syntax.tree import VERBAL, children, clause_tokens, is_infinitive
from isisgraph.extract.syntax.units import in_headline, sentence_of
from isisgraph.lexicons import lexicon
from isisgraph.nlp import PUBLISHED_KEY

GRAMMAR = lexicon("grammar")


# ----------------------------------------------------------------------------- cues


def negated(token: Token) -> bool:
    """ "did not retake", "never attacked"; also "are not currently engaged", where the parser
    hangs the negation on the auxiliary."""
    return any(c.dep_ == "neg" for c in token.children) or any(
        c.dep_ == "advmod" and c.lower_ in NEGATING_ADVERBS for c in token.children) or any(
        c.dep_ in ("aux", "auxpass") and any(g.dep_ == "neg" for g in c.children)
        for c in token.children)


def negative_subject(verb: Token) -> bool:
    """ "No U.S. troops were killed", "nobody was hurt", "none of the hostages were executed":
    a subject that is a negative word, or has one as its determiner, negates its verb."""
    return verb.pos_ in VERBAL and any(
        c.dep_ in ("nsubj", "nsubjpass") and negative_word(c) for c in verb.children)


def negative_pronoun(subject: Token) -> bool:
    """'none (of ...)', 'nobody', 'neither Britain nor Australia': a negative subject that is
    no determiner of a counted noun."""
    return (subject.lower_ in NEGATIVE_SUBJECTS and subject.lower_ != "no") or any(
        d.dep_ in ("preconj", "det") and d.lower_ == "neither" for d in subject.children)


def negative_word(subject: Token) -> bool:
    """'none', 'no troops', 'neither Britain nor Australia' (the parser's preconjunct)."""
    return subject.lower_ in NEGATIVE_SUBJECTS or any(
        d.dep_ in ("det", "preconj") and d.lower_ in NEGATIVE_SUBJECTS for d in subject.children)


def modal_aux(token: Token, passive: bool = False) -> bool:
    """Whether a modal auxiliary ("would", "could", "'ll") governs ``token``; with
    ``passive``, passive auxiliaries count too ("could be struck")."""
    deps = ("aux", "auxpass") if passive else ("aux",)
    return any(c.dep_ in deps and (c.lower_ in MODALS or c.lemma_.lower() in MODALS or c.tag_ == "MD")
               for c in token.children)


def past_ability(verb: Token) -> bool:
    """Rule ``syntax.factuality.past-ability``: "could" with a past date in its clause tells
    what was done, in narrative ("the Kurdish forces could retake the market on Thursday",
    Al-Alam 2016 on Manbij; "troops could finally enter the district on Monday"). Not a
    passive ("could be retaken"), a perfect ("could have retaken"), a negation, a condition
    in the sentence ("could retake it if ..."), a clause under another verb ("officials said
    the army could retake it on Friday": a forecast), a quotation or a headline, nor a date
    still to come ("next week", "within days", "by the end of the year", a later year)."""
    if verb.pos_ not in VERBAL or verb.dep_ not in ("ROOT", "conj") or negated(verb) \
            or children(verb, "auxpass"):
        return False
    aux = children(verb, "aux")
    if not any(c.lower_ in PAST_ABILITY_MODALS for c in aux) or any(
            c.lemma_.lower() == "have" for c in aux):
        return False
    if _condition_in_sentence(verb) or inside_quotes(verb) or in_headline(verb):
        return False
    return _past_anchor(verb)


def _condition_in_sentence(token: Token) -> bool:
    """A condition anywhere in the sentence ("if", "unless"): a past ability there is none."""
    return any(t.dep_ == "mark" and t.lower_ in CONDITIONAL_MARKS for t in tokens_of(sentence_of(token)))


def _past_anchor(verb: Token) -> bool:
    """A date in the clause of ``verb`` that is not still to come (its words, its preposition,
    the verb's adverbs; a year, or a month of its year, after the article's: "could launch the
    assault in October" in a September article is a forecast)."""
    dates = [t for t in clause_tokens(verb) if t.ent_type_ == "DATE"]
    if not dates:
        return False
    words = [*dates, *(t.head for t in dates if t.head.dep_ == "prep"), *children(verb, "advmod")]
    if any(t.lower_ in FUTURE_TIME_WORDS for t in words):
        return False
    published = verb.doc.user_data.get(PUBLISHED_KEY)
    if not hasattr(published, "year"):
        return True
    years = [int(t.text) for t in dates if len(t.text) == 4 and t.text.isdigit()]
    months = [MONTHS[t.lower_.rstrip(".")] for t in dates if t.lower_.rstrip(".") in MONTHS]
    year = max(years, default=published.year)
    month = max(months, default=1 if years else published.month)
    return (year, month) <= (published.year, published.month)


def able_in_past(adjective: Token) -> bool:
    """Rule ``syntax.factuality.was-able``: "were able to recapture the village", "had been able
    to retake the town by Friday", "security
    units were able to arrest three men" (The National 2025; NRT 2020, 'the militants were
    able to flee'): an adjective of [ability-adjectives] after a past 'was'/'were' says its
    infinitive was done, no intention; not "will be able to", "were not able to", "was unable
    to", nor a condition in the sentence."""
    if adjective.lemma_.lower() not in GRAMMAR.ability_adjectives or _condition_in_sentence(adjective):
        return False
    be = [c for c in (*adjective.children, adjective.head)
          if c.i < adjective.i and c.lemma_.lower() == "be"]
    auxiliaries = [*be, *(a for w in (adjective, *be) for a in children(w, "aux"))]
    past = any(c.tag_ == "VBD" for c in auxiliaries)  # "were able", "had been able"
    return bool(be) and past and not any(negated(w) or modal_aux(w) or negative_subject(w)
                                         for w in (adjective, *be))


def conditional(token: Token) -> bool:
    """ "if the coalition strikes", "unless ISIS withdraws"."""
    return any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in token.children)


def denied_by(head: Token) -> bool:
    """Whether ``head`` denies what its complement says ("denied that its jets had bombed",
    "rejecting reports that drones had hit")."""
    lemma = head.lemma_.lower()
    if lemma in GRAMMAR.denial_verbs:
        return True
    return lemma in GRAMMAR.claim_nouns and head.head.lemma_.lower() in GRAMMAR.denial_verbs


def habitual(verb: Token) -> bool:
    """ "cells that plant roadside bombs, assassinate local leaders", "militants typically
    ambush patrols": the simple present of what is done again and again. A frequency adverb
    makes any tense habitual. A present-tense form with a date in its clause is a past form
    the tagger misread ("retook Ramadi in December"), and so is a form of [past-forms] with
    none ("where regime forces retook swathes of territory", New Arab 2017; "the extremists
    retook it in a lightning offensive", AFP 2017); a headline's present is its news. A date
    that repeats ("attack checkpoints every week") is a frequency, no misread past."""
    if verb.pos_ not in VERBAL:
        return False
    if any(c.lower_ in GRAMMAR.frequency_adverbs for c in verb.children):
        return True
    if verb.tag_ not in ("VBZ", "VBP") or children(verb, "aux", "auxpass") \
            or verb.lower_ in GRAMMAR.past_forms or seen_done(verb):
        return False
    if any(t.ent_type_ == "DATE" and not _repeating(t) for t in clause_tokens(verb)):
        return False
    return not in_headline(verb)


def _repeating(date_word: Token) -> bool:
    """A word of a date that repeats: "every week", "each day"."""
    phrase = date_word if date_word.dep_ == "det" else date_word.head if date_word.dep_ in (
        "amod", "compound") else date_word
    return date_word.lower_ in FREQUENCY_DETERMINERS or any(
        c.dep_ == "det" and c.lower_ in FREQUENCY_DETERMINERS for c in phrase.children)


def seen_done(verb: Token) -> bool:
    """ "that on Tuesday saw US-backed forces capture Raqqa", "residents watched the jets bomb
    the bridge": a bare infinitive under a past verb of perception is what was seen happen, no
    habit (the tagger reads it as a present) or purpose (AFP 2017 on Qaryatain; Reuters 2015
    on Turkey's strikes, 'saw them ramp up attacks'). A present perception ("residents see
    the jets bomb the town every day") leaves the verb as it is."""
    seer = verb.head
    return verb.dep_ in ("ccomp", "xcomp") and seer != verb and not is_infinitive(verb) \
        and seer.lemma_.lower() in GRAMMAR.perception_verbs and seer.tag_ in ("VBD", "VBN")


def past_time_clause(verb: Token) -> bool:
    """ "after they took control of the city in 2014", "when IS captured the city", "since the
    army retook it": a clause of time with a past verb asserts its own event, so the mood of
    the clause it dates (an intention, a plan, a purpose) does not reach it (Iraqi News 2017 on
    Raqqa, 'fighting to take Raqqa back ... after they took control'; iPolitics 2015 on
    Tikrit). "before" and "until" are no such marks: their event may never have come."""
    if verb.dep_ != "advcl" or verb.pos_ not in VERBAL:
        return False
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in PAST_TIME_MARKS for c in verb.children):
        return False
    return verb.tag_ == "VBD" or verb.lower_ in GRAMMAR.past_forms or any(
        c.dep_ in ("aux", "auxpass") and (c.tag_ == "VBD" or c.lemma_.lower() == "have")
        for c in verb.children)


def past_progressive(verb: Token) -> bool:
    """ "warplanes were bombing the militants inside the compound", "jets were pounding the
    town": a progressive with a past auxiliary tells what was happening, so it happened, like
    the simple past; not "are bombing" or "bomb ... every day" (a present, which may be a
    habit), nor "will be bombing" (a modal, for ``irrealis``), nor "had been targeting
    militants for weeks" (a perfect progressive: a campaign, no one strike)."""
    if verb.tag_ != "VBG" or verb.pos_ not in VERBAL:
        return False
    aux = [c for c in verb.children if c.dep_ == "aux" and c.i < verb.i]
    return any(c.lemma_.lower() == "be" and c.tag_ == "VBD" for c in aux) and not any(
        c.lemma_.lower() == "have" for c in aux)


def inside_quotes(token: Token) -> bool:
    """Whether a token stands inside quotation marks opened in its sentence."""
    before = text_of(token.doc)[sentence_of(token).start_char: token.idx]
    opened = before.count("\u201c") - before.count("\u201d") + (before.count('"') % 2)
    return opened > 0


# ----------------------------------------------------------------------------- counted reports


def conceded(token: Token) -> bool:
    """Whether a noun is the object of a concessive preposition ('despite 10,800 airstrikes'),
    which asserts it whatever the clause around it denies."""
    return token.dep_ == "prep" and token.lower_ in CONCESSIVE_PREPOSITIONS or (
        token.dep_ == "pobj" and token.head.lower_ in CONCESSIVE_PREPOSITIONS)


def irrealis(token: Token) -> bool:
    """Negated, modal, conditional, intended or denied: 'would strike', 'did not conduct',
    'plans to launch', 'if the coalition strikes', 'denied that its jets had bombed'. Walks
    up the verbs governing ``token`` to the main clause or a reported clause."""
    chain = [token, *token.ancestors]
    for i, node in enumerate(chain):
        if conceded(node):
            return False  # "admitted no deaths despite 10,800 airstrikes": the strikes stand
        if node.pos_ not in VERBAL and i > 0:
            continue
        if any(c.dep_ == "neg" for c in node.children) or conditional(node) or (
                modal_aux(node, passive=True) and not past_ability(node)):
            return True
        if node.pos_ in VERBAL and any(
                c.dep_ in ("nsubj", "nsubjpass") and negative_pronoun(c) for c in node.children):
            # "None of Canada's allies are engaged in air strikes", "Neither Britain nor
            # Australia has struck"; not a determiner 'no', which may be a count's own zero
            # ("No strikes were conducted in Iraq on Jan. 24")
            return True
        if node.dep_ in ("xcomp", "ccomp") and node.head.lemma_.lower() in GRAMMAR.intention_verbs \
                and not able_in_past(node.head):
            return True
        if node.dep_ in ("ccomp", "acl") and denied_by(node.head):
            return True
        if node.dep_ == "ROOT" or (node.dep_ == "ccomp" and i > 0) or past_time_clause(node):
            break
    return False


# ----------------------------------------------------------------------------- event triggers


@dataclass
class Factuality:
    """Whether a trigger reports something that happened, and what lowers its confidence."""

    blocked: str | None = None  # why it is no event: negated | modal | conditional | ...
    reported: bool = False
    purpose: bool = False


def factuality(head: Token) -> Factuality:
    """Walk from an event trigger's head up its governing words, looking for negation,
    modals, conditionals, intention and speculation; stop at a relative clause (its own
    assertion) and at a verb of saying (the speech is reported, the event still asserted)."""
    result = Factuality()
    if negated(head) or negative_subject(head) \
            or any(c.lower_ in ("no",) and c.dep_ == "det" for c in head.children):
        result.blocked = "negated"
        return result
    if habitual(head):
        result.blocked = "habitual"
        return result
    current = head
    came_from: Token | None = None
    while True:
        blocked = _blocked_at(current, head, came_from, result)
        if blocked is not None:
            result.blocked = blocked
            return result
        if current.dep_ == "relcl":
            return result
        if past_time_clause(current):
            result.reported = _reported_sentence(head)
            return result
        if current.dep_ == "ccomp" and current.head.lemma_ in GRAMMAR.denial_verbs:
            result.blocked = "denied"
            return result
        if current.dep_ in ("ccomp", "parataxis") and current.head.lemma_ in GRAMMAR.reporting_verbs:
            result.reported = True
            return result
        if current.head == current:
            break
        came_from, current = current, current.head
    if _reported_sentence(head):
        result.reported = True
    return result


def _blocked_at(current: Token, head: Token, came_from: Token | None, result: Factuality) -> str | None:
    """What blocks the event at one step of the walk (setting ``result.purpose`` for a
    purpose infinitive on the way)."""
    if current.pos_ in VERBAL or current == head:
        if modal_aux(current) and not past_ability(current):
            return "modal"
        if conditional(current):
            return "conditional"
        if current != head and came_from is not None and came_from.dep_ in ("xcomp", "ccomp") \
                and negated(current) and current.lemma_ not in GRAMMAR.reporting_verbs:
            return "negated"
        if current != head and came_from is not None and came_from.dep_ in ("xcomp", "oprd") \
                and negative_subject(current):
            return "negated"  # "no soldiers were reported killed"
    if current != head and current.pos_ == "NOUN" and current.lemma_ in GRAMMAR.speculative_nouns \
            and came_from is not None and came_from.dep_ in ("acl", "relcl", "ccomp", "xcomp", "advcl"):
        return "speculative"
    if is_infinitive(current) or (current.dep_ == "xcomp" and current.tag_ == "VB"):
        governor = current.head
        if governor != current:
            if able_in_past(governor):
                return None
            if governor.lemma_ in GRAMMAR.intention_verbs or governor.lemma_ in GRAMMAR.goal_verbs \
                    or governor.pos_ == "ADJ":
                return "intention"
            if governor.pos_ in ("NOUN", "PROPN"):
                return "intention"
            if governor.lemma_ in GRAMMAR.iterative_verbs and current == head:
                return "iterative"
            if governor.lemma_ not in GRAMMAR.aspectual_verbs and not seen_done(current):
                result.purpose = True
    return None


def _reported_sentence(head: Token) -> bool:
    """A sentence told as someone's report: "according to", or a verb of saying as its root."""
    sent = sentence_of(head)
    return any(t.lower_ == "according" for t in tokens_of(sent)) or any(
        t.lemma_ in GRAMMAR.reporting_verbs and t.dep_ == "ROOT" for t in tokens_of(sent))
