"""Persons who speak: a name in the speaker's phrase, minted once per article as
``id/person/{slug}`` with the role and organisations written around it (:mod:`.roles`), and
later mentions of the same person by surname.

- ``claims.persons.named``: a PERSON entity of the phrase, without its titles
  ("said Hisham al-Hashimi, an Iraqi security analyst").
- ``claims.persons.titled-name``: proper nouns after a rank or courtesy title that the model
  did not tag as a person ("Colonel Dillion said").
- ``claims.persons.surname``: a one-word name that is the surname of a person named earlier
  is that person ("Mr. Phillips of Chatham House said"); the Arabic article does not count
  ("Al-Sharifi" is "al-Sharifi"); a headline's surname is the one person the article names in
  full with it ("..., Biden says" ⏎ ... "President Joe Biden said"); a person named in full
  earlier without speaking counts too, whatever label the model gave the surname ("The details
  were provided by Col. Daniel Constable ... ⏎ “...,” Constable said", CTV, where the model
  tags the surname ORG), when the article names only one person in full with it; so is a
  one-word PLACE of that text ("Hanna declared", :func:`surname_taken_for_a_place`), a
  surname with the Arabic article apart ("Mr Al Jabouri") and the last two words of a longer
  full name ("Abdel Rahman added", :func:`tail_of_a_full_name`); "the Observatory" is never
  a person (:func:`definite_one_word`).
- ``claims.persons.misspelt-surname``: the same at one edit, for surnames of at least five
  letters, with lower confidence ("Dillion" for "Dillon").
"""

from __future__ import annotations

import re

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph import iris
from isisgraph.closed_class import ARABIC_ARTICLES
from isisgraph.extract.claims.article import ClaimArticle, Speaker
from isisgraph.extract.claims.attribution import append_step
from isisgraph.extract.claims.lexicon import ARMED_FORCES_BODIES, NAME_SUFFIXES, STATE_BODY_NOUNS, TITLE_WORDS
from isisgraph.extract.claims.roles import role_and_orgs
from isisgraph.extract.syntax.units import is_honorific
from isisgraph.records import Claim, Person

NAMED_PERSON = "claims.persons.named"
TITLED_NAME = "claims.persons.titled-name"
SURNAME = "claims.persons.surname"
MISSPELT_SURNAME = "claims.persons.misspelt-surname"

BODY_NOUNS = ARMED_FORCES_BODIES | STATE_BODY_NOUNS  # never a name, though a title word comes first
GLUE = ("-", "'", "\u2019")  # characters that join the parts of a name ("al-Hashimi", "O'Neil")


def person_in(art: ClaimArticle, head: Token, tokens: list[Token]) -> Speaker | None:
    """The person a speaker's phrase names: its PERSON entity nearest the head, else the
    proper nouns the head ends after a title or that make a known surname."""
    token_ids = {t.i for t in tokens}
    # a name the parser split between two subjects ("Haider al-Abadi said": "al" and "Abadi")
    # is still the phrase's when one of its words is
    ents = [e for e in art.persons_starting_in(min(token_ids, default=0) - 4, max(token_ids, default=-1))
            if any(i in token_ids for i in range(e.start, e.end)) and not definite_one_word(e)]
    if ents:
        ent = min(ents, key=lambda e: 0 if e.start <= head.i < e.end else abs(e.root.i - head.i))
        name_tokens = strip_title_tokens(list(ent))
        if name_tokens and not all(art.ent_of(t) for t in name_tokens):
            return person_speaker(art, name_tokens, tokens, head, NAMED_PERSON)
    return untagged_name(art, head, tokens)


def definite_one_word(ent: DocSpan) -> bool:
    """ "the Observatory said" (new dev n_worldbulletin-reuters, n_howtrend-afp): a one-word
    PERSON entity after "the" is a body named before by a word of its name, no person."""
    return len(ent) == 1 and ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the"


def untagged_name(art: ClaimArticle, head: Token, tokens: list[Token]) -> Speaker | None:
    """Proper-noun names the model missed: after a title ("Colonel Dillion", "Mr. X") or a
    surname already known ("Al-Sharifi said")."""
    if head.pos_ != "PROPN" or head.lower_ in BODY_NOUNS:
        return None  # "says General Staff", "the General Council": a body after a title word
    if art.ent_of(head) is not None:
        return surname_taken_for_a_place(art, head, tokens)
    doc = art.doc
    run = [head]
    i = head.i - 1
    while i >= head.sent.start:
        tok = doc[i]
        glued = not tok.whitespace_ and (tok.text in GLUE or tok.lower_ in ARABIC_ARTICLES)
        if (
            glued
            or tok.pos_ == "PROPN"
            and not is_honorific(tok)
            and tok.lower_ not in TITLE_WORDS
            and not tok.is_punct
            and art.ent_of(tok) is None
        ):
            run.insert(0, tok)
            i -= 1
            continue
        break
    titled = i >= head.sent.start and (is_honorific(doc[i]) or doc[i].text == ".")
    name = name_text(run)
    known = " " not in name and (person_by_surname(art, name) is not None
                                 or named_in_full_before(art, name, head.i) is not None)
    if titled or known:
        return person_speaker(art, run, tokens, head, TITLED_NAME)
    return None


def surname_taken_for_a_place(art: ClaimArticle, head: Token, tokens: list[Token]) -> Speaker | None:
    """ "Hanna declared that ...", "according to Hanna" after "spokesperson ... Aram Hanna"
    (dev p_syriacpress_sinaa-prison): a one-word place name that is the surname of the one
    person the article named in full before it is that person, not the place (the gazetteer
    knows a village of that name; a place does not declare)."""
    ent = art.ent_of(head)
    if ent is None or ent.label_ != "PLACE" or len(ent) != 1:
        return None
    if named_in_full_before(art, head.text, head.i) is None:
        return None
    return person_speaker(art, [head], tokens, head, SURNAME)


def person_speaker(art: ClaimArticle, name_tokens: list[Token], np_tokens: list[Token], head: Token,
                   rule: str) -> Speaker:
    """A person speaker from the tokens of their name and of the phrase around it; a
    one-word name is first tried as the surname of a person named before."""
    name = name_text(name_tokens)
    words = name.split()
    # "Mr Al Jabouri": a surname with the Arabic article written apart is still one surname
    single = len(words) == 1 or len(words) == 2 and words[0].lower() in ARABIC_ARTICLES
    match = person_by_surname(art, name) if single else tail_of_a_full_name(art, name)
    fuller = named_in_full_before(art, name, head.i) if single and match is None else None
    role, orgs = role_and_orgs(art, name_tokens, np_tokens, head)
    if match is not None:
        person, distance = match
        person = register_person(art, person.name, role, orgs)
        on_behalf = orgs[0] if orgs else (person.member_of[0] if person.member_of else None)
        if distance:
            return Speaker(person.ref, person, on_behalf, 0.65, "surname", MISSPELT_SURNAME)
        return Speaker(person.ref, person, on_behalf, 0.8, "surname", SURNAME)
    if fuller is not None:  # named in full earlier, not yet a speaker
        person = register_person(art, fuller, role, orgs)
        on_behalf = orgs[0] if orgs else None
        return Speaker(person.ref, person, on_behalf, 0.8, "surname", SURNAME)
    person = register_person(art, name, role, orgs)
    on_behalf = orgs[0] if orgs else (person.member_of[0] if person.member_of else None)
    return Speaker(person.ref, person, on_behalf, 0.85, "person", rule)


def register_person(art: ClaimArticle, name: str, role: str | None, orgs: list[str]) -> Person:
    """The person of this name (minted once per article; a later role or organisation fills
    what the first mention lacked)."""
    name = person_label(name)
    iri = iris.person(iris.slugify(name))
    persons = art.memory.persons
    known = persons.get(iri)
    if known is None:
        person = Person(ref=iri, name=name, role=role, member_of=tuple(dict.fromkeys(orgs)))
    else:
        person = Person(
            ref=iri,
            name=known.name,
            role=known.role or role,
            member_of=tuple(dict.fromkeys([*known.member_of, *orgs])),
        )
    persons[iri] = person
    return person


def named_in_full_later(art: ClaimArticle, claims: list[Claim]) -> None:
    """A headline names a person by surname before the body names them in full ("..., Biden
    says" ⏎ ... "President Joe Biden said"): a one-word name that is the surname of exactly
    one person of the article is that person (``claims.persons.surname``, read backwards)."""
    persons = art.memory.persons
    for claim in claims:
        person = claim.person
        if person is None or " " in person.name:
            continue
        wanted = fold_name(person.name)
        fuller = [p for p in persons.values() if " " in p.name and fold_name(surname_of(p.name)) == wanted]
        if len(fuller) != 1:
            continue
        full = fuller[0]
        claim.claimant, claim.person = full.ref, full
        if claim.on_behalf_of is None and full.member_of:
            claim.on_behalf_of = full.member_of[0]
        append_step(claim, SURNAME)


def person_by_surname(art: ClaimArticle, surname: str) -> tuple[Person, int] | None:
    """The latest person whose surname matches (exactly, or with one edit when the name is
    at least five letters): (person, edit distance)."""
    wanted = fold_name(surname)
    best: tuple[Person, int] | None = None
    for person in art.memory.persons.values():
        last = fold_name(surname_of(person.name))
        if last == wanted:
            best = (person, 0)
        elif (best is None or best[1] > 0) and undoubled(last) == undoubled(wanted):
            best = (person, 1)  # "Isa" for "Issa": a letter written once or twice in transliteration
        elif (best is None or best[1] > 0) and (
            min(len(last), len(wanted)) >= 5 and edit_distance(last, wanted) == 1
        ):
            best = (person, 1)
    return best


def tail_of_a_full_name(art: ClaimArticle, name: str) -> tuple[Person, int] | None:
    """ "Abdel Rahman added" after "Observatory chief Rami Abdel Rahman said" (new dev
    n_howtrend-afp): a two-word name that ends the full name of the one person who spoke
    before is that person, as a one-word surname is."""
    words = name.split()
    if len(words) != 2:
        return None
    tail = fold_name(name)
    found = [p for p in art.memory.persons.values()
             if len(p.name.split()) > 2 and iris.slugify(p.name).endswith("-" + tail)]
    return (found[0], 0) if len(found) == 1 else None


def undoubled(name: str) -> str:
    """A surname with each doubled letter written once ("issa" -> "isa", "abbas" -> "abas")."""
    return re.sub(r"(.)\1", r"\1", name)


def named_in_full_before(art: ClaimArticle, surname: str, before: int) -> str | None:
    """The full name of the one PERSON entity before token ``before`` whose last word is
    ``surname`` (titles stripped), when only one full name of the article ends so."""
    wanted = fold_name(surname)
    names = set()
    for ent in art.persons_starting_in(0, before - 1):
        tokens = strip_title_tokens(list(ent))
        if len(tokens) < 2 or ent.end > before:
            continue
        full = name_text(tokens)
        if fold_name(surname_of(full)) == wanted:
            names.add(full)
    return names.pop() if len(names) == 1 else None


# Quotation marks around a nickname ('Michael "Erik" Kurilla'), never part of a name; an
# apostrophe inside a word ("O'Brien") is.
NICKNAME_QUOTES = re.compile(r"[\"“”„«»]|(?<!\w)['‘’]|['‘’](?!\w)")


def person_label(name: str) -> str:
    """The label of the person a name mints. Its IRI is the name's slug, which every article
    that spells the name alike shares; the label must not depend on the spelling either, or
    the built dataset gives one person two ``skos:prefLabel`` (a violation of its shape when
    two such articles are validated together): quotation marks around a nickname are dropped,
    spaces collapsed, and an Arabic article written lower case and joined to its word
    ("Haider Al-Abadi", "Haider al Abadi" -> "Haider al-Abadi"; "Al-Adnani" -> "al-Adnani"),
    as the gazetteer's minted places are labelled from their key, not from one spelling.
    Spellings that differ otherwise (in case, in accents) still differ."""
    words = re.sub(r"\s+", " ", NICKNAME_QUOTES.sub("", name)).strip().split(" ")
    label: list[str] = []
    position = 0
    while position < len(words):
        word = words[position]
        head, hyphen, rest = word.partition("-")
        if hyphen and head.lower() in ARABIC_ARTICLES:
            word = head.lower() + hyphen + rest
        elif word.lower() in ARABIC_ARTICLES and position + 1 < len(words):
            position += 1
            word = word.lower() + "-" + words[position]
        label.append(word)
        position += 1
    return " ".join(label)


def surname_of(name: str) -> str:
    """The last word of a full name that is not a generational suffix ("Myles B. Caggins III",
    "Kenneth F. McKenzie Jr." -> "Caggins", "McKenzie"): a later "Caggins said" is the same
    person, not a new one named "Caggins" (``name-suffixes`` in the claims lexicon)."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(".,") in NAME_SUFFIXES:
        words.pop()
    return words[-1] if words else name


def fold_name(name: str) -> str:
    """A surname for comparison: ASCII, lower case, without the Arabic article ("Al-Sharifi",
    "al-Sharifi" and "Sharifi" compare equal)."""
    folded = iris.slugify(name)
    for article in ARABIC_ARTICLES:
        if folded.startswith(article + "-"):
            return folded[len(article) + 1 :]
    return folded


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def strip_title_tokens(tokens: list[Token]) -> list[Token]:
    """A PERSON entity without leading ranks, titles and trailing possessives."""
    while tokens and (is_honorific(tokens[0]) or tokens[0].lower_ in TITLE_WORDS or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
        tokens = tokens[:-1]
    return tokens


def name_text(tokens: list[Token]) -> str:
    doc = tokens[0].doc
    text = "".join(t.text_with_ws for t in doc[tokens[0].i : tokens[-1].i + 1])
    return re.sub(r"\s+", " ", text).strip(" ,.")
