"""The shared rule of place choice: which of the places a clause names is where its fact is.

Both the event and the strike report readers collect the places a clause names; a place named
only to locate another one ("in Al-Dibs District, northwest of Kirkuk") is not among them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from isisgraph.extract.shared import entities
from isisgraph.gazetteer import THEATRE_COUNTRIES
from isisgraph.lexicons import lexicon
from isisgraph.reference import Reference

COMPASS_WORDS = lexicon("events").compass_words
INSTITUTION_NOUNS = lexicon("events").institution_nouns
POST_NOUNS = lexicon("events").post_nouns
REPORTING_VERBS = lexicon("grammar").reporting_verbs
PLACE_NOUNS = frozenset(lexicon("events").place_anaphors) | {"countryside", "outskirts", "suburb"}
REFERENCE_POINT = "places.reference-point"
INSTITUTION_SEAT = "places.institution-seat"
PERSON_POST = "places.person-post"
# prepositions that hang a post on its place: "head of finance in Kirkuk", "the mayor of Makhmour"
POST_PREPOSITIONS = frozenset({"in", "of", "at", "for"})


def is_institution_seat(ent: Span) -> bool:
    """Rule ``places.institution-seat``: a place that opens an institution's name is where the
    institution sits, not where the fact it reports happened: "a police captain at Diyala
    Security Directorate told the agency that terrorists detonated a bomb near Mansuriya"
    (Anadolu, 2020); "the Nineveh Operations Command said"; "Kirkuk Police Chief" (a
    capitalised head noun of the institution lexicon after the place, the place a modifier of it)."""
    token = ent.root
    # up the run of capitalised compounds: "Diyala" -> "Security" -> "Directorate"
    while token.dep_ == "compound" and token.head is not token:
        token = token.head
        if token.i < ent.end or not token.text[:1].isupper() or token.ent_type_ == "PLACE":
            return False
        if token.lemma_.lower() in INSTITUTION_NOUNS:
            return True
    return False


def is_post_place(ent: Span) -> bool:
    """Rule ``places.person-post``: a place hung by a preposition on a noun of a person's post
    or of a source (through a noun of place: "in the northern countryside of Deir ez-Zor") is
    where the person serves or speaks from, not where the fact happened: "killing three IS
    members, including the group's head of finance in Kirkuk Province" (Kurdistan 24, 2018);
    "A military source in the northern countryside of Deir ez-Zor told North Press that gunmen
    stormed the house" (North Press, 2022); "North Press correspondent in Hasakah reported
    that three explosions were heard" (North Press, 2022)."""
    token = ent.root
    for _ in range(2):
        prep = token.head
        if token.dep_ != "pobj" or prep.lower_ not in POST_PREPOSITIONS or prep.head is prep:
            return False
        noun = prep.head
        if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ == "PLACE":
            return False
        if noun.lemma_.lower() in POST_NOUNS:
            return _as_post(noun, prep)
        if prep.lower_ == "of" and noun.lemma_.lower() in INSTITUTION_NOUNS:
            return True
        if noun.lemma_.lower() not in PLACE_NOUNS:
            return False
        token = noun  # "in the countryside of X": the noun of place stands for X
    return False


def _as_post(noun: Token, prep: Token) -> bool:
    """Whether a post noun is written as a post with its domain ("the governor of Raqqa", "the
    group's head of finance in Kirkuk", "its commander in Mosul", "a source in Anbar told"), not
    as a person found at a place ("arrested an ISIS leader in the town of Dishisha")."""
    if prep.lower_ == "of":
        return True
    if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of" and c is not prep) for c in noun.children):
        return True
    return noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_ in REPORTING_VERBS


def is_source(ent: Span) -> bool:
    """Rule ``places.source``: a name after "according to" is who says it, never where the
    fact happened: "the SDF arrested 89 members who tried to escape, according to Hanna" (a
    spokesman's surname the model took for a place; Syriac Press, 2022), "according to
    Damascus" (the government)."""
    root = ent.root
    while root.dep_ in ("conj", "nmod", "compound", "appos") and root.head is not root:
        root = root.head  # "according to Damascus and local sources"
    prep = root.head
    return (root.dep_ == "pobj" and prep.lower_ == "to" and prep.i > 0
            and prep.doc[prep.i - 1].lower_ == "according")


def is_seat(ent: Span) -> bool:
    """Where an institution sits or a person serves (rules ``places.institution-seat`` and
    ``places.person-post``): a fact's place only when its clauses name no other."""
    return is_institution_seat(ent) or is_post_place(ent)


def is_reference_point(ent: Span) -> bool:
    """ "in Al-Dibs District, northwest of Kirkuk", "the Ishaqi area southwest of Tikrit",
    "20 km south of Mosul": a place after a direction word and "of" locates something else;
    it is a reference point, not where that thing is (or names of several places joined to one
    such "of": "west of Mosul and Tal Afar")."""
    root = ent.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    prep = root.head
    if (root.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS
            and prep.head.dep_ == "pobj"):
        # "20 kilometers southeast of the city of Deir ez-Zor" (Le Monde, 2022), "16 miles west
        # of the city of Tuz Khurmatu" (Stars and Stripes, 2020): the noun of place stands for
        # the name
        root = prep.head
        prep = root.head
    return (root.dep_ == "pobj" and prep.lower_ == "of" and prep.head is not prep
            and prep.head.lower_ in COMPASS_WORDS)


GOVERNMENT_SEAT = "places.government-seat"


def is_government_seat(ent: Span, country: str | None) -> bool:
    """Rule ``places.government-seat``: a place outside Iraq and Syria that is the subject of a
    verb stands for the government that sits there, not for where a fact happened: "claims that
    Moscow denies" (AFP, 2016), "Washington said the strikes would go on", "Ankara launched an
    operation" (``country``: the place's country)."""
    root = ent.root
    return (root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX")
            and country is not None and country not in THEATRE_COUNTRIES)


def without_reference_points(found: list[tuple[str, Span]], ref: Reference) -> list[tuple[str, Span]]:
    """Rule ``places.reference-point``: a place named only to locate another one ("targeted
    the forces in Al-Dibs District, northwest of Kirkuk"; "a house in the Ishaqi area
    southwest of Tikrit"; "the town of Dishisha, south of Hasakah") is not where the fact is
    when the clause names that other place: the fact is at the place located, and the
    reference point gives only its province (else its country), which stands beside the place
    when the reference data cannot tell that the place lies in it (a village no gazetteer
    knows). A reference
    point that the other places only contain ("in Iraq, south of Kirkuk") is the most precise
    place named and stays. (Shafaq News, 2022; NRT, 2020; Kurdistan 24, 2023: the development
    set.)"""
    points = [(iri, ent) for iri, ent in found if is_reference_point(ent)]
    located = [(iri, ent) for iri, ent in found if not is_reference_point(ent)]
    if not points or not located:
        return found
    if all(ref.is_a(iri, "Province") or ref.is_a(iri, "Country") for iri, _ in located):
        # a province or a country is not located from a town: "In Iraq's western province of
        # Anbar, ... clashed with IS militants east of the town of Baghdadi" (Xinhua, 2015)
        return found
    out = list(located)
    for iri, ent in points:
        if all(ref.within(iri, other) for other, _ in located):
            out.append((iri, ent))
            continue
        # its province, else its country: a place the data cannot place keeps what the text says
        region = next((p for p in (iri, *ref.part_of(iri)) if ref.is_a(p, "Province")),
                      ref.country_of(iri))
        unknown = [other for other, _ in located if other not in ref.types]
        if region is not None and unknown and not any(ref.within(other, region) for other, _ in located):
            out.append((region, ent))
    return sorted(out, key=lambda item: item[1].start)


COUNTRYSIDE = "places.countryside"


def countryside_province(ent: Span, ref: Reference) -> str | None:
    """Rule ``places.countryside``: a city named for the land around it ("in Deir ez-Zor
    countryside", "the northern countryside of Deir ez-Zor", North Press 2022; "Two ISIS
    leaders killed in Basira in Deir ez-Zor countryside", Syriac Press 2020; "the summer camp
    in rural Kirkuk", Stars and Stripes 2020) stands for its province, not for the city: the
    province the reference data puts the city in, else None."""
    root = ent.root
    head = root.head
    around = (root.dep_ in ("compound", "poss", "nmod") and head.lemma_.lower() == "countryside") or (
        root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() == "countryside") or any(
        c.dep_ == "amod" and c.lower_ == "rural" for c in root.children) or (
        ent.start > 0 and ent.doc[ent.start - 1].lower_ == "rural")
    if not around or not ref.is_a(ent.ent_id_, "City"):
        return None
    return next((p for p in ref.part_of(ent.ent_id_) if ref.is_a(p, "Province")), None)


GIVEN_PROVINCE = "places.given-province"
# what hangs a place's parent on it: "the village of X in Anbar province", "X district of Kirkuk"
PARENT_PREPOSITIONS = frozenset({"in", "of", "within"})


def given_provinces(doc: Doc, ref: Reference, minted: set[str]) -> dict[str, str]:
    """Rule ``places.given-province``: the province the text puts a place no curated list
    knows in, when it names it right there: "the village of Fenejin in Deir ez-Zor province",
    "X district of Kirkuk Governorate", "X, a village in the countryside of Raqqa"; the
    province of a curated town or district named so counts too ("Fenejin village in Abu
    Khashab", North Press 2022; "Kharata oil field in Deir ez-Zor", Le Monde 2022). A direction
    ("X, south of Y") gives none: a town near a border lies in the next province. Only a
    province every such naming in the article agrees on is given (``minted``: the IRIs of the
    places minted for the article)."""
    found: dict[str, set[str]] = {}
    for ent in entities(doc):
        if ent.label_ != "PLACE" or ent.ent_id_ not in minted:
            continue
        for parent in _parents_named(ent):
            if parent.ent_id_ in minted or parent.ent_id_ == ent.ent_id_:
                continue
            province = next((p for p in (parent.ent_id_, *ref.part_of(parent.ent_id_))
                             if ref.is_a(p, "Province")), None)
            if province is not None:
                found.setdefault(ent.ent_id_, set()).add(province)
    return {iri: next(iter(provinces)) for iri, provinces in found.items() if len(provinces) == 1}


def _parents_named(ent: Span) -> list[Span]:
    """The places named as containing ``ent`` beside it: by "in"/"of"/"within" on the name or
    on the settlement noun it names ("the village of X in Y", "X district of Y"), through an
    apposition ("X, a village in Y") or a noun of place ("in the countryside of Y")."""
    root = ent.root
    heads = [root]
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACE_NOUNS:
        heads.append(root.head.head)  # "the village of X"
    if root.dep_ in ("compound", "nmod", "amod") and root.head.lemma_.lower() in PLACE_NOUNS:
        heads.append(root.head)  # "X village", "X district"
    heads += [c for h in list(heads) for c in h.children if c.dep_ == "appos" and c.lemma_.lower() in PLACE_NOUNS]
    return [place for head in heads for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ in PARENT_PREPOSITIONS
            for obj in prep.children if obj.dep_ == "pobj" for place in _place_of(obj)]


def _place_of(noun: Token) -> list[Span]:
    """The linked place ``noun`` names, or the one a noun of place introduces ("the
    countryside of Y", "the city of Y")."""
    ent = _linked_place(noun)
    if ent is not None:
        return [ent]
    if noun.lemma_.lower() in PLACE_NOUNS:
        return [e for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                for o in prep.children if o.dep_ == "pobj" and (e := _linked_place(o)) is not None]
    return []


def _linked_place(token: Token) -> Span | None:
    if token.ent_type_ != "PLACE" or not token.ent_id_:
        return None
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
