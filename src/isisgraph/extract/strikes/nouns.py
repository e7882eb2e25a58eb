"""Strike nouns and what governs them: which tokens are strikes (a strike noun of the
event-trigger lexicon's strike frame; "raids" only in the air), the verb a strike noun is an
argument of, the counts coordinated with it, and the engagements that go with it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from isisgraph.closed_class import DEFINITE_DETERMINERS
from isisgraph.extract.numbers import CountMatch
from isisgraph.extract.strikes.aircraft import aircraft_word
from isisgraph.extract.strikes.lexicon import (
    AIR_MODIFIER_HEADS,
    AIR_MODIFIERS,
    AIR_STRIKE_NOUNS,
    CAMPAIGN_NOUNS,
    CONDUCT_VERBS,
    DESCRIBING_PARTICIPLES,
    ENGAGEMENT_NOUNS,
    EXISTENTIAL_VERBS,
    GROUND_AMBIGUOUS,
    OBSERVATION_VERBS,
    SERIES_NOUNS,
    STRIKE_MODIFIED_NOUNS,
    TALLY_VERBS,
)
from isisgraph.extract.strikes.targets import outcome
from isisgraph.extract.syntax.counting import count_of, quantity_head
from isisgraph.extract.syntax.tree import NOMINAL_DEPS, governing_verb, is_including, subject

if TYPE_CHECKING:
    from isisgraph.extract.strikes.document import Document


def strike_noun(tok: Token, d: Document) -> bool:
    """Whether a token is a strike noun: 'strikes', 'airstrikes', 'sorties', 'drone strike' (a
    strike word in an argument position is a noun even when the tagger calls it a verb);
    'raids' only with an air word or as the definite anaphor of air raids named before; not a
    strike word naming a kind of thing ('Strike Summary', 'the strike area': dev Air Force
    Magazine 2014, Foreign Policy News 2014, 964media 2024, Operation Roundup 2018)."""
    if tok.pos_ not in ("NOUN", "PROPN") and not (
        tok.pos_ == "VERB" and tok.dep_ in NOMINAL_DEPS and not tok.lower_.endswith("ing")
    ):
        return False
    lemma = tok.lemma_.lower().replace("-", "")
    lower = tok.lower_.replace("-", "")
    if lemma not in d.lex.strike_nouns and lower.rstrip("s") not in d.lex.strike_nouns:
        return False
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in STRIKE_MODIFIED_NOUNS:
        return False  # "Strike Summary", "the strike area": a summary, an area
    if lemma in CAMPAIGN_NOUNS and not (tok.dep_ == "dobj" and tok.head.lemma_.lower()
                                        in CONDUCT_VERBS):
        return False  # "with the backing of an air campaign": background, not its start
    if lemma in GROUND_AMBIGUOUS:
        return air_modified(tok) or air_anaphor(tok, d) or flown(tok)
    return True


def flown(tok: Token) -> bool:
    """'French fighter jets launched their biggest raids in Syria' (Reuters 2015), 'Coalition
    jets carried out a series of raids on ISIS targets' (Baghdad Post 2018): a ground-ambiguous
    noun conducted by aircraft is an air strike, though no air word modifies it."""
    verb = strike_governor(tok)
    if verb is None or verb.lemma_.lower() not in CONDUCT_VERBS:
        return False
    subj = subject(verb)
    return subj is not None and aircraft_word(subj) is not None


def air_anaphor(tok: Token, d: Document) -> bool:
    """'34 of the raids' after 'dozens of air raids': a definite ground-ambiguous noun that
    takes up the same noun written with an air word earlier in the text."""
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in tok.children)
    first = d.first_air_use.get(tok.lemma_.lower())
    return definite and first is not None and first < tok.i


def air_modified(tok: Token) -> bool:
    """Whether a strike noun is an air strike: 'airstrikes', 'sorties', 'air raids', 'an air
    force strike'."""
    return tok.lemma_.lower() in AIR_STRIKE_NOUNS or any(
        c.dep_ in ("compound", "amod", "nmod") and (c.lower_ in AIR_MODIFIERS or (
            # "an air force strike", not "a coalition force strike"
            c.lower_ in AIR_MODIFIER_HEADS and any(g.lower_ in AIR_MODIFIERS for g in c.children)))
        for c in tok.children
    )


def is_series(noun: Token) -> bool:
    """'a series of airstrikes', 'a wave of strikes': plural strikes without a number."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and (
        noun.head.head.lemma_.lower() in SERIES_NOUNS)


def held_by(noun: Token) -> Token | None:
    """The noun whose 'of' holds the strikes, when it is the argument in their place: 'a series
    of airstrikes', 'dozens of air raids', 'a total of 84 air strikes'."""
    if is_series(noun) or quantity_head(noun) is not None or (
            noun.dep_ == "pobj" and noun.head.lower_ == "of"
            and noun.head.head.dep_ in ("dobj", "nsubj", "nsubjpass")
            and noun.head.head.pos_ == "NOUN"):
        return noun.head.head
    return None


def strike_governor(noun: Token) -> Token | None:
    """The verb a strike noun is an argument of (through 'of' in 'consisting of' too, through
    a series or a quantity noun, and through 'including' to the verb of the including set)."""
    if noun.dep_ == "conj" and noun.head.pos_ == "VERB":
        return noun.head  # "conducted 17 strikes in Syria and six strikes in Iraq"
    if held_by(noun) is not None:
        noun = noun.head.head
    current = noun
    while current.dep_ in ("conj", "appos") and current.head != current:
        current = current.head
    if current.dep_ == "pobj" and is_including(current.head):
        # "conducted 18 operations ..., including six strikes": the verb of the including set
        holder = current.head.head
        return holder if holder.pos_ == "VERB" else strike_governor(holder)
    return governing_verb(current, steps=2)


def reports_strikes(verb: Token, d: Document) -> bool:
    """Verbs a strike count can be the argument of in a report: conducting, existential,
    observing and tallying verbs, and outcome verbs ("strikes destroyed")."""
    lemma = verb.lemma_.lower()
    return (lemma in CONDUCT_VERBS or lemma in EXISTENTIAL_VERBS or lemma in OBSERVATION_VERBS
            or lemma in TALLY_VERBS or outcome(verb, d) is not None)


def coordinated(verb: Token, noun: Token, counts: list[CountMatch], d: Document) -> list[Token]:
    """Other counted arguments of the same verb: strike nouns with a count, and bare numbers
    standing for them ("conducted 17 strikes in Syria and 6 in Iraq")."""
    out: list[Token] = []
    # "no strikes in Iraq and four strikes in Syria": coordinated with the noun itself
    for child in noun.children:
        if child.dep_ == "conj" and (child.pos_ == "NUM" or strike_noun(child, d)) and (
            any(c.span.start <= child.i < c.span.end for c in counts) or count_of(child, counts)
        ):
            out.append(child)
    if noun.dep_ == "conj" and strike_noun(noun.head, d):
        out.append(noun.head)  # the first conjunct: its subtree holds this one, region keeps it
    for child in verb.children:
        if child == noun or child.dep_ not in ("dobj", "conj"):
            continue
        counted = any(c.span.start <= child.i < c.span.end for c in counts)
        bare_number = child.pos_ == "NUM" and child.dep_ == "conj" and counted
        if bare_number or (strike_noun(child, d) and count_of(child, counts) is not None):
            out.append(child)
    return out


def engagement_for(noun: Token, counts: list[CountMatch]) -> tuple[Token, CountMatch] | None:
    """'N strikes consisting of M engagements', 'N strikes and M engagements', 'N strikes (M
    engagements)', 'N strikes with M engagements'."""
    candidates: list[Token] = []
    for child in noun.children:
        if child.dep_ == "acl":
            candidates += [g for p in child.children if p.dep_ == "prep" for g in p.children]
        if child.dep_ in ("conj", "appos"):
            candidates.append(child)
        if child.dep_ == "prep" and child.lower_ == "with":
            candidates += [g for g in child.children if g.dep_ == "pobj"]
    if noun.dep_ == "dobj":
        # "conducted 41 strikes May 25-31, consisting of 49 engagements", "conducted 190
        # strikes with 230 engagements": on the verb, where the parser may hang them
        for child in noun.head.children:
            if child.dep_ == "advcl" and child.tag_ == "VBG" and (
                    child.lemma_.lower() in DESCRIBING_PARTICIPLES):
                candidates += [g for p in child.children if p.dep_ == "prep" for g in p.children]
            if child.dep_ == "prep" and child.lower_ == "with" and child.i > noun.i:
                candidates += [g for g in child.children if g.dep_ == "pobj"]
    for cand in candidates:
        if cand.lemma_.lower() in ENGAGEMENT_NOUNS:
            count = count_of(cand, counts)
            if count is not None:
                return cand, count
    return None
