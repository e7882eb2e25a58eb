"""What a noun of an event's phrase is: the subject of its clause, a group or institution
anaphor, a militant noun, a place noun that names its place, a bare or counted plural, a
definite noun that can refer back, or the whole a share is taken from. The words are data
(the ``events`` lexicon)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from isisgraph.closed_class import ANAPHORIC_DETERMINERS
from isisgraph.lexicons import lexicon

WORDS = lexicon("events")
INSTITUTION_ANAPHORS = WORDS.institution_anaphors
MILITANT_NOUNS = WORDS.militant_nouns
PLACE_PARTS = WORDS.place_part_nouns
SHARE_WORDS = WORDS.share_words
WHOLE_NOUNS = WORDS.whole_nouns

SUBJECT_DEPS = ("nsubj", "nsubjpass")


def in_subject(ent: Span) -> bool:
    """ "The Islamic State group claimed", "ISIS fighters stormed": a name that is, or
    modifies, the subject of its clause."""
    root = ent.root
    while root.dep_ in ("compound", "amod", "poss", "nmod") and root.head != root:
        root = root.head
    return root.dep_ in SUBJECT_DEPS


def phrase_head(phrase: list[Token]) -> Token:
    """The word of a phrase (in text order) whose head lies outside it."""
    ids = {t.i for t in phrase}
    return next((t for t in phrase if t.head.i not in ids or t.head == t), phrase[0])


def is_institution_anaphor(token: Token, phrase: list[Token]) -> bool:
    """ "the Agency", "the Service": a capitalised institution noun ([institution-anaphors])
    after "the", the whole of its phrase, naming no entity itself ("the Anadolu Agency",
    "the Interior Ministry" name one)."""
    return token.lower_ in INSTITUTION_ANAPHORS and token.text[:1].isupper() and not token.ent_id_ \
        and [t.lower_ for t in phrase] == ["the", token.lower_]


def is_militant_noun(noun: Token) -> bool:
    """ "the militants", "the Takfiri militants", "the militant group", "the terrorist
    organisation": a group anaphor that is a militant noun or has one as its modifier."""
    return noun.lemma_.lower() in MILITANT_NOUNS or any(
        c.dep_ in ("amod", "compound") and c.lemma_.lower() in MILITANT_NOUNS for c in noun.children)


def names_a_place(noun: Token) -> bool:
    """ "the small town of Mahkan", "the village of Tal Hamis": a place noun with a name after
    "of" introduces that place (linked or not), it does not refer back to an earlier one."""
    return any(prep.dep_ == "prep" and prep.lower_ == "of" and any(
        o.dep_ == "pobj" and o.pos_ == "PROPN" for o in prep.children) for prep in noun.children)


def bare_plural(noun: Token, phrase: list[Token]) -> bool:
    """ "Jihadists overran the village", "seized by militants": a plural noun that is the whole
    of a participant's phrase; not a coordination ("insurgents and terrorists" are a class)."""
    return noun.tag_ == "NNS" and noun == phrase[0] and not any(
        c.dep_ in ("conj", "cc") for c in noun.children) and noun.dep_ != "conj"


def counted(noun: Token) -> bool:
    """ "five militants", "more than ten terrorists", "one terrorist": a noun with a number."""
    return any(c.dep_ == "nummod" or (c.like_num and c.dep_ in ("amod", "quantmod"))
               for c in noun.children)


def definite(noun: Token) -> bool:
    """ "the city", "this town", "its former capital": a definite noun, which can refer back
    ("another small town", "a village" cannot). A noun that modifies a part of a place
    ([place-part-nouns]) is as definite as that part, which holds the determiner: "the city
    center", "the town centre" refer back to the city or town ("a city center" does not)."""
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in PLACE_PARTS and noun.head != noun:
        return definite(noun.head)
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS)
               for c in noun.children)


def share_of(noun: Token) -> bool:
    """ "roughly 87% of the territory", "most of the area": a vague place noun after a share
    is the whole the share is taken from, no place referred back to ("just under half of the
    city" is the city named before)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or noun.lemma_.lower() not in WHOLE_NOUNS:
        return False
    share = prep.head
    return share.like_num or share.text in ("%",) or share.lemma_.lower() in SHARE_WORDS


def first_conjunct(token: Token) -> Token:
    """The head noun of the phrase a name modifies ("Iraqi army units"), or of its coordination."""
    while token.dep_ in ("compound", "amod", "nmod") and token.head != token:
        token = token.head
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token
