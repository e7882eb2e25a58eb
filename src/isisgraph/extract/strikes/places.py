"""Where strikes were: the countries and located places of a clause.

Countries are the Country places of the clause and the countries of its located places
(``ref.country_of``, or the NLP stage's GeoNames country for minted places). A dateline
("MOSCOW, Oct 7 (Reuters) -") places nothing, "on the border with Iraq" is no strike location
(``clauses.excluded``), places found only for "most of them" are locations without
countries, and a place named only to locate another one ("near Qayyarah, south of Mosul") is
a reference point, not a strike location (rule ``places.reference-point``)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from isisgraph.closed_class import LOCATIVE_PREPOSITIONS
from isisgraph.extract.placing import is_government_seat, without_reference_points
from isisgraph.extract.strikes.document import Document, Draft
from isisgraph.extract.strikes.lexicon import PLACE_NOUNS, VAGUE_PARTITIVES
from isisgraph.nlp import theatre_country


def places(tokens: list[Token], d: Document) -> tuple[list[str], list[str]]:
    """(countries, locations) named in a clause. Places inside 'most of them in X' are
    locations whose country is not asserted for every strike."""
    countries: list[str] = []
    locations: list[str] = []
    partial: list[str] = []
    named: list[tuple[str, Span]] = []
    seen: set[int] = set()
    for tok in tokens:
        if tok.i in d.dateline:
            continue
        ent = d.entity(tok, "PLACE")
        if ent is None or ent.start in seen:
            continue
        seen.add(ent.start)
        iri = ent.ent_id_
        if is_government_seat(ent, d.country_of(iri)):  # "claims that Moscow denies"
            continue
        if any(a.lower_ in VAGUE_PARTITIVES for a in ent.root.ancestors):
            if iri not in partial:
                partial.append(iri)
            continue
        named.append((iri, ent))
    # "near Qayyarah, south of Mosul": the strikes were at Qayyarah (``extract.placing``)
    for iri, _ in without_reference_points(named, d.ref):
        if d.is_country(iri):
            if iri not in countries:
                countries.append(iri)
        elif iri not in locations:
            locations.append(iri)
    for loc in locations:
        country = d.country_of(loc)
        if country and country not in countries:
            countries.append(country)
    partial = [p for p in partial if p not in locations and not d.is_country(p)]
    return countries, locations + partial


def has_unnamed_place(tokens: list[Token], d: Document) -> bool:
    """'Near Baghdadi', 'near the Syrian-Turkish border': a place after a locative preposition
    that names no known place, as the town lines of releases do."""
    ids = {t.i for t in tokens}
    for tok in tokens:
        if tok.dep_ == "prep" and tok.lower_ in LOCATIVE_PREPOSITIONS and tok.i in ids:
            for obj in tok.children:
                if obj.dep_ != "pobj" or d.ent_of.get(obj.i) is not None:
                    continue
                if obj.pos_ == "PROPN" or obj.lemma_.lower() in PLACE_NOUNS:
                    return True
    return False


def partly_placed(tokens: list[Token], d: Document) -> bool:
    """'225 airstrikes ..., most of them in or around Deir Ezzour': a place named only for part
    of the strikes (the guideline then gives the report no country)."""
    return any(d.entity(tok, "PLACE") is not None and any(
        a.lower_ in VAGUE_PARTITIVES for a in tok.ancestors) for tok in tokens)


ARTICLE_COUNTRY = "strikes.places.article-country"
# How long before publication a strike may have ended and still be the article's news.
RECENT_DAYS = 31


def article_country(d: Document, draft: Draft) -> None:
    """Rule ``strikes.places.article-country``: a strike report that neither its clause nor
    the context the genre uses places in a country ("As the SDF advanced under heavy US
    airstrikes in recent days", Reuters 2019, a report on Baghouz; "has for years carried out
    periodic strikes and raids ..., hitting dozens of targets", AFP 2024, on Syria after
    Assad) is in the theatre country the article's places lie in, when they name one (at least
    two of them and three in four: ``nlp.theatre_country``). A report placed only for "most of
    them" stays without a country (the guideline), and so do one in an article of two
    theatres, one the text names as others' and one of another time than the article's ("A
    U.S. drone strike in 2015 killed ..." in a report of 2018: ended more than
    ``RECENT_DAYS`` before publication)."""
    if draft.countries or draft.partly_placed or draft.actor_source == "blocked":
        return
    published = d.article.published
    end = draft.when.end if draft.when is not None else None
    if published is not None and end is not None and (published - end).days > RECENT_DAYS:
        return
    country = theatre_country(d.doc)
    if country is not None:
        draft.countries, draft.country_source = [country], "article"
        draft.step(ARTICLE_COUNTRY)


OWN_COUNTRY = "strikes.places.own-country"


def own_countries(made: list[Draft], d: Document) -> None:
    """Rule ``strikes.places.own-country``: of two counts told in one clause, a country named
    in one count's own phrase is that count's, not the other's ("with 10 strikes in Iraq on
    Saturday and seven strikes in Syria", Reuters 2016: the ten are Iraq's, the seven Syria's,
    whose 'in Syria' the parser hangs on the verb; "32 air raids ... in Syria and Iraq" keeps both, its
    phrase naming both). A count whose phrase names no country keeps the clause's countries
    other counts' phrases leave it, when any remain; a count alone in its clause keeps them
    all, and so does a total whose breakdown follows ("21 strikes across Iraq and Syria, among
    them six in Syria"): only counts joined by a conjunction share out the countries."""
    counted = [m for m in made if m.counted and not m.single and m.country_source == "clause"]
    if len(counted) < 2:
        return
    own = {id(m): _phrase_countries(m.anchor, d) for m in counted}
    for draft in counted:
        if len(draft.countries) < 2:
            continue
        partners = [m for m in counted if m is not draft and _coordinated(m, draft)]
        others = {c for m in partners for c in own[id(m)]}
        mine = own[id(draft)]
        kept = mine if mine and partners else [c for c in draft.countries if c not in others]
        if kept and len(kept) < len(draft.countries):
            draft.countries = list(kept)
            draft.step(OWN_COUNTRY)


def _coordinated(a: Draft, b: Draft) -> bool:
    """Whether two counts of one clause are coordinated: the later one a conjunct."""
    later = a if a.anchor.i > b.anchor.i else b
    return later.anchor.dep_ == "conj"


def _phrase_countries(noun: Token, d: Document) -> list[str]:
    """The countries the strike noun's own prepositional phrases name ('strikes in Iraq'), not
    those of a count coordinated with it."""
    tokens = [t for c in noun.children if c.dep_ == "prep" for t in c.subtree]
    return [c for c in places(tokens, d)[0] if d.is_country(c)]
