"""Speakers named only by their post or their body, whose state the article gives: news
quotes "a military source", "a police source", "one officer", "the army", "the country's
Interior Ministry" without naming the force or government they speak from, and the gold codes
them as that force or government (tests/data/real/README.md, the annotation of unnamed
official sources).

- ``claims.sources.unnamed-official``: a phrase headed by a source or an officer ("military
  sources", "a police source", "a colonel at a local military command center", "one officer"),
  or by a force noun ("the army", "the military"), that names no actor, is the force of its
  country that its kind word names — "army" its army, "military" its military, "police" its
  police, by the labels of the reference data ("Syrian army", "Iraq's military") — else the
  country's armed forces. "A military source reported earlier today that the army's elite
  forces kicked off an operation to free ... Albu Kamal" (Fars: the Syrian Arab Army). A
  source without a kind word or a rank ("a source close to the family", "officials") is left
  unresolved.
- ``claims.sources.sector-source``: a source or official whose only kind word names a sector,
  not a body (``sector-kinds``: "a security source", "security officials in the city"), is no
  claim — the guideline's unnamed sources (tests/gold/README.md), which gold pass B applied to
  every article after the set had coded them both ways; a rank keeps its force.
- ``claims.sources.operating-force``: an unnamed source, officer or official (not "the army")
  speaks for the one state force of its country that the article names most, when that force
  is no unit of the force its kind word gives: "military sources said" in news of an
  operation of Turkey's intelligence service is that service, "a military source" in news of
  Peshmerga losses the Peshmerga; in news of Iraqi soldiers killed it stays the Iraqi security
  forces (:func:`operating_force`).
- ``claims.sources.forceless-government``: such a source of a state whose government has no
  force in the reference data speaks for that government ("military sources said" in news of
  Syria after December 2024: the transitional government; :func:`state_forces`).
- ``claims.sources.state-body``: a phrase headed by a body of a state ("the country's Interior
  Ministry", "A National Security Council press release"; a department named by what it does:
  "according to the Defence Department" in an Australian release, dev o_sbs; "the US Defence
  Department announced", e_jordantimes) is the government of its country; a
  defence ministry or minister ("the French defense ministry", "Australian minister for
  defence") its armed forces, as the UK's Ministry of Defence is the UK armed forces.
- ``claims.sources.leader-office``: the office of a head of government or state ("the prime
  minister's office", "the Turkish Prime Minister's office") is that country's government
  (:func:`leader_office`; dev d_alalam, o_airforcemag).
- ``claims.sources.military-media``: unnamed "military media" are the media body of the
  armed forces of the country the news is about (:func:`military_media`; dev e_kurdistan24,
  k_abna: Iraq's Security Media Cell).
- ``claims.sources.unnamed-monitor``: a phrase headed by a monitor word ("a monitor", "a war
  monitor") or a group noun it modifies ("a war monitoring group") that names no actor is the
  war monitor the wires mean by it in the country the news is about (``country-monitors``):
  "..., a monitor said" (AFP on Palmyra, dev c_spacewar-afp), "a monitor group reported"
  (h_chinadaily), "a war monitor reported" (h_xinhua), "a war monitoring group also said"
  (h_reuters) — the Syrian Observatory for Human Rights in news about Syria. Confidence 0.5.
- ``claims.sources.state-media``: "state media", "state television", "the state-run news
  agency" naming no actor or country are the state news agency of the country the news is
  about (``state-news-agencies``) for its government, else that government: "Syrian troops
  ... retook the desert town ..., state media said" (AFP, dev j_france24-afp: SANA), "Syrian
  government forces on Tuesday reached troops besieged ..., state media said" (Reuters, dev
  h_reuters: the Syrian government); a country the phrase names is the country ("Syria's state
  news agency", dev h_newser, l_telegraphindia-reuters), and the agency comes before the
  government that "Syria's" would otherwise name. Confidence 0.6.

The country is the phrase's own ("French", "Iraq's"), else the context's: the state actors
(governments, state forces, their agencies) of the sentence, then its places outside quotes,
then — for an unnamed source, the state the article names most, for a state body, the four
sentences before (:func:`context_country`). A state's adjective of nationality that is no
entity ("Dutch F-16s", "French fighter jets") counts as a state actor of its unit: a state body
speaks for the state whose forces the news is about (dev c_nltimes, g_reuters_french-jets,
e_jordantimes), not for the state where they struck. Confidence 0.6: the speaker is inferred.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.extract.claims.actors import government_of, in_office, is_participle_modifier
from isisgraph.extract.claims.article import ClaimArticle, Speaker
from isisgraph.extract.claims.lexicon import (
    ARMED_FORCES_BODIES,
    CIVIL_GROUP_WORDS,
    COUNTRY_MONITORS,
    DEFENCE_WORDS,
    FORCE_KINDS,
    GROUP_NOUNS,
    LEADER_OFFICES,
    MILITARY_MEDIA,
    MODIFIED_BODY_NOUNS,
    MONITOR_WORDS,
    NOT_SPEAKER_PARTICIPLES,
    RANK_NOUNS,
    SECTOR_KINDS,
    SOURCE_NOUNS,
    STATE_BODY_NOUNS,
    STATE_MEDIA_NOUNS,
    STATE_NEWS_AGENCIES,
    STATELESS_NATIONS,
    TITLE_WORDS,
)
from isisgraph.extract.context import armed_forces_of
from isisgraph.extract.syntax.units import dateline_tokens
from isisgraph.nlp import SOURCES_KEY as LINK_SOURCES

if TYPE_CHECKING:
    import datetime as dt

    from isisgraph.reference import Reference

UNNAMED_OFFICIAL = "claims.sources.unnamed-official"
STATE_BODY = "claims.sources.state-body"
LOCAL_FORCE = "claims.sources.local-force"
OPERATING_FORCE = "claims.sources.operating-force"
UNNAMED_MONITOR = "claims.sources.unnamed-monitor"
STATE_MEDIA = "claims.sources.state-media"
FORCELESS_GOVERNMENT = "claims.sources.forceless-government"
LEADER_OFFICE = "claims.sources.leader-office"
MILITARY_MEDIA_RULE = "claims.sources.military-media"
ISIS = "https://w3id.org/isisgraph/id/actor/isis"

WIDER_READINGS = ("description.paragraph", "description.article")  # the NLP stage's context levels
CONTEXT_UNITS = 4  # sentences before the speaker's that may give its country
STATE_CLASSES = ("Government", "StateForce", "Organization")
DEMONYM_ENDINGS = ("an", "ish", "ese", "i", "ch")  # Iraqi, Syrian, Turkish, Lebanese, French


def unnamed_source(
    art: ClaimArticle, head: Token, tokens: list[Token], sent_index: int, nearest_first: bool = False
) -> list[Speaker]:
    """The force or government an unnamed official source or a state body speaks for (see
    the module docstring); empty when the phrase is neither, or no country is known.
    ``nearest_first``: the sentences before come before the article's state, also for a source."""
    lemma = head.lemma_.lower()
    if lemma in LEADER_OFFICES:
        return leader_office(art, head, tokens, sent_index)
    words = {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}
    if words & CIVIL_GROUP_WORDS:
        return []  # "the Danish Refugee Council said": an organisation that helps, not the state's body
    defence = bool(words & DEFENCE_WORDS) or armed_forces_body(head, tokens)
    if lemma in MODIFIED_BODY_NOUNS and not any(c.dep_ in ("compound", "amod") for c in head.children):
        return []  # "The department added" with no department named before: nobody
    if (
        lemma in STATE_BODY_NOUNS
        or armed_forces_body(head, tokens)
        or defence and lemma in TITLE_WORDS | SOURCE_NOUNS
        or bare_defence(head)
    ):
        rule = STATE_BODY
    elif lemma in FORCE_KINDS or lemma in RANK_NOUNS or lemma in SOURCE_NOUNS and words & set(FORCE_KINDS):
        rule = UNNAMED_OFFICIAL
        kinds_named = {w for w in (lemma, *words) if w in FORCE_KINDS}
        if lemma not in RANK_NOUNS and kinds_named <= SECTOR_KINDS:
            return []  # claims.sources.sector-source: "a security source" names a sector, no body
    else:
        return []
    country = phrase_country(art, tokens)
    if country is None and foreign_nationality(art, tokens):
        return []  # "The Belgian Defence Ministry reports": a nation the reference lacks is not the context's
    country = country or context_country(art, sent_index, rule == UNNAMED_OFFICIAL and not nearest_first)
    if country is None:
        return []
    government = government_of(art.ref, country, art.article.published)
    if rule == STATE_BODY:
        iri = armed_forces_of(government, art.ref) if defence and government else government
    else:
        kinds = [FORCE_KINDS[w] for w in (lemma, *sorted(words)) if w in FORCE_KINDS]
        iri = force_of_kind(art.ref, country, kinds[0], art.article.published) if kinds else None
        if iri is None and government:
            iri = armed_forces_of(government, art.ref)
    if not iri or iri == government and rule == UNNAMED_OFFICIAL:
        if rule == UNNAMED_OFFICIAL and government and not state_forces(art.ref, government):
            return [Speaker(government, confidence=0.5, how="context", rule=FORCELESS_GOVERNMENT)]
        return []  # no one force of that state in the reference data
    if rule == UNNAMED_OFFICIAL and lemma not in FORCE_KINDS:
        local = local_force(art, country)
        if local is not None:
            return [Speaker(local, confidence=0.5, how="context", rule=LOCAL_FORCE)]
        named = operating_force(art, country)
        if named is not None and named != iri and iri not in art.ref.memberships(named):
            return [Speaker(named, confidence=0.5, how="context", rule=OPERATING_FORCE)]
    return [Speaker(iri, confidence=0.6, how="context", rule=rule)]


def leader_office(art: ClaimArticle, head: Token, tokens: list[Token], sent_index: int) -> list[Speaker]:
    """``claims.sources.leader-office``: the office of a head of government or state that
    names no person ("the prime minister's office", "the office of the president") speaks for
    the government of the country the phrase names ("the Turkish Prime Minister's office"),
    else of the context's, in office on the article's date: "... retook the town of Qayara
    ..., according to a statement from the prime minister’s office" (dev d_alalam: the Iraqi
    government); "..., according to a statement issued from the Turkish Prime Minister’s
    office on Friday" (o_airforcemag: Turkey). Not "the SDF media office" (an actor's office,
    named before) nor a governor's office (no post of ``leader-offices``). Confidence 0.6."""
    posts = LEADER_OFFICES[head.lemma_.lower()]
    owners = [c for c in head.children if c.dep_ == "poss"] + [
        o for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"
    ]
    for owner in owners:
        words = " ".join(t.lower_ for t in owner.subtree if not t.is_punct and t.dep_ not in ("case", "det"))
        if not any(words == post or words.endswith(" " + post) for post in posts):
            continue
        country = phrase_country(art, list(owner.subtree)) or context_country(art, sent_index, False)
        government = government_of(art.ref, country, art.article.published) if country else None
        if government is not None:
            return [Speaker(government, confidence=0.6, how="context", rule=LEADER_OFFICE)]
    return []


def bare_defence(head: Token) -> bool:
    """ "Defence says it will not be providing further details on the air strike" (AAP, dev
    e_thenewdaily-aap), "Defence has also revealed that 200 special forces personnel could
    enter the country" (o_9news): a capitalised "Defence" with no determiner as the speaker
    is the country's defence department, its armed forces (``claims.sources.state-body``);
    not "the defence of the city"."""
    return (
        head.lower_ in DEFENCE_WORDS
        and head.text[:1].isupper()
        and head.dep_ in ("nsubj", "nsubjpass", "pobj")
        and not any(c.dep_ in ("det", "poss", "prep") for c in head.children)
    )


def unnamed_monitor(art: ClaimArticle, head: Token, tokens: list[Token], sent_index: int) -> list[Speaker]:
    """The war monitor an unnamed "monitor" is in the country the news is about (see the
    module docstring); empty for any other phrase, or a country with no such monitor."""
    words = {t.lower_ for t in tokens if t.i != head.i}
    if not (head.lower_ in MONITOR_WORDS or head.lemma_.lower() in GROUP_NOUNS and words & set(MONITOR_WORDS)):
        return []
    if any(art.ent_of(t) and t.head.lower_.rsplit("-", 1)[-1] not in NOT_SPEAKER_PARTICIPLES for t in tokens):
        return []  # a monitor named by its actor; not "the UK-based war monitor", where it is based
    country = context_country(art, sent_index, True)
    slug = COUNTRY_MONITORS.get(country.rsplit("/", 1)[-1]) if country else None
    if slug is None:
        return []
    return [Speaker(ISIS.rsplit("/", 1)[0] + "/" + slug, confidence=0.5, how="context", rule=UNNAMED_MONITOR)]


def state_media(art: ClaimArticle, head: Token, tokens: list[Token], sent_index: int) -> list[Speaker]:
    """The state news agency (for its government), else the government, that unnamed "state
    media" are in the country the news is about (see the module docstring); unnamed "military
    media", the media body of that country's armed forces (:func:`military_media`)."""
    # surface forms too: the lemmatiser makes "media" "medium"
    if {head.lower_, head.lemma_.lower()}.isdisjoint(STATE_MEDIA_NOUNS):
        return []
    if not any(t.lower_ == "state" for t in tokens):
        return military_media(art, head, tokens, sent_index)
    if any((e := art.ent_of(t)) is not None and e.label_ != "PLACE" for t in tokens):
        return []  # an outlet named ("the state-run SANA news agency") is that outlet; "Syria's" is none
    country = phrase_country(art, tokens) or context_country(art, sent_index, True)
    government = government_of(art.ref, country, art.article.published) if country else None
    if country is None or government is None:
        return []
    slug = STATE_NEWS_AGENCIES.get(country.rsplit("/", 1)[-1])
    if slug is None:
        return [Speaker(government, confidence=0.6, how="context", rule=STATE_MEDIA)]
    agency = ISIS.rsplit("/", 1)[0] + "/" + slug
    return [Speaker(agency, on_behalf_of=government, confidence=0.6, how="context", rule=STATE_MEDIA)]


def military_media(art: ClaimArticle, head: Token, tokens: list[Token], sent_index: int) -> list[Speaker]:
    """``claims.sources.military-media``: "military media" naming no actor are the media body
    of the armed forces of the country the news is about (``military-media``): "Iraqi F-16
    fighter jets on Tuesday destroyed a suspected ISIS hideout ..., according to the military
    media" (dev e_kurdistan24), "Military media said Wednesday that forces told militants
    ... to either surrender or face death" (k_abna, of Tal Afar): Iraq's Security Media Cell.
    Not "a military media unit run by Hezbollah" in news of Syria (no such body in the
    lexicon). Confidence 0.6."""
    if not any(t.lower_ == "military" for t in tokens) or any(art.ent_of(t) is not None for t in tokens):
        return []
    country = phrase_country(art, tokens) or context_country(art, sent_index, True)
    slug = MILITARY_MEDIA.get(country.rsplit("/", 1)[-1]) if country else None
    if slug is None:
        return []
    return [Speaker(ISIS.rsplit("/", 1)[0] + "/" + slug, confidence=0.6, how="context", rule=MILITARY_MEDIA_RULE)]


def state_forces(ref: Reference, government: str) -> list[str]:
    """``claims.sources.forceless-government``: the state forces that are members of a
    government. A government with none in the reference data (Syria's transitional government
    of December 2024 on, whose army and police the data do not tell apart) is what its unnamed
    security sources speak for, not nobody, nor the Assad regime's army, out of office:
    "..., security sources said" in news of a Damascus church bombing (dev
    l_telegraphindia-reuters); the gold reads "Security troops said ..." of Syria in December
    2025 alike (dev j_thenational, still missed: the phrase is no source phrase)."""
    return [a for a, orgs in ref.member_of.items() if government in orgs and ref.is_a(a, "StateForce")]


def local_force(art: ClaimArticle, country: str) -> str | None:
    """``claims.sources.local-force``: the armed group of the country (not a branch of ISIS)
    that the article names most, when it names neither the state's government nor its forces: an
    unnamed military source or commander in news about the SDF's war in eastern Syria speaks
    for the SDF, not for the Syrian army the article never names ("A military source in the
    northern countryside of Deir ez-Zor told North Press ...", dev d_northpress; "..., the
    battle commander said" of the SDF's last battle, dev h_arabtimes-reuters). A group that
    is a member of the state's government (the Hashd al-Shaabi, under Iraq's prime minister)
    is one of the state's forces, not a local one: "..., a provincial security source said"
    in news of Hashd fighters killed in Diyala is the Iraqi security forces (dev
    n_kayhan-xinhua)."""
    ref = art.ref
    groups: Counter[str] = Counter()
    state = 0
    # a regional administration (the AANES) is not the state
    central = government_of(ref, country, art.article.published)
    for ent in art.domain_ents:
        iri = ent.ent_id_
        if ent.label_ != "ACTOR" or ref.countries.get(iri) != country or read_from_places_around(art, ent):
            continue
        if central is not None and (iri == central or central in ref.memberships(iri)):
            state += 1  # a paramilitary the state sanctions (the Hashd, under Iraq's prime minister) is the state's
        elif ref.is_a(iri, "ArmedGroup") and ISIS not in ref.memberships(iri) and iri != ISIS:
            groups[iri] += 1
    if not groups:
        return None
    return groups.most_common(1)[0][0] if state == 0 else None


def operating_force(art: ClaimArticle, country: str) -> str | None:
    """``claims.sources.operating-force``: the one state force of the country that the article
    names most, at least twice and more often than any other force of that country (outside
    quotation marks; not a backer, not a description read from the places around it): an
    unnamed source, officer or official speaks for the force whose operation or losses the
    news reports, not for the generic force its kind word or its country gives. "... captured
    11 Daesh terrorists in northern Syria, security sources said" after "The Turkish National
    Intelligence Organization has captured ..." (dev k_yenisafak-aa: the intelligence
    service, not the Turkish armed forces; also "The security officers said", dev
    i_hurriyet); "..., a security source from Garmiyan told North Press" in news of Peshmerga
    losses (dev k_northpress: the Peshmerga, not the Iraqi security forces). A unit of the
    force the kind word gives keeps that force: "a security source" in news of Iraqi soldiers
    killed is the Iraqi security forces, not the army (dev b_nrt, b_shafaq, d_reuters-thestar)."""
    ref = art.ref
    named: Counter[str] = Counter()
    for ent in art.domain_ents:
        iri = ent.ent_id_
        if ent.label_ != "ACTOR" or ref.countries.get(iri) != country or not ref.is_a(iri, "StateForce"):
            continue
        if read_from_places_around(art, ent) or is_participle_modifier(ent) or art.in_quote(ent.root) is not None:
            continue
        named[iri] += 1
    ranked = named.most_common(2)
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def armed_forces_body(head: Token, tokens: list[Token]) -> bool:
    """ "says General Staff", "Turkey's General Staff added", "the Syrian General Command
    announced" (dev k_insidesyria, where "General Command" read as a person's name): the top
    body of the armed forces, after its title word ("General"); not "hospital staff"."""
    return head.lower_ in ARMED_FORCES_BODIES and any(
        t.lower_ in TITLE_WORDS and t.i < head.i for t in tokens
    )


def defence_body(art: ClaimArticle, head: Token, tokens: list[Token], speaker: Speaker) -> Speaker:
    """ "Russia's Defense Ministry", "Iraqi Defense Ministry": a government named with a
    defence body or post speaks through its armed forces (``claims.sources.state-body``)."""
    words = {t.lower_ for t in tokens}
    lemma = head.lemma_.lower()
    if armed_forces_body(head, tokens):
        pass  # "Turkey's General Staff"
    elif not words & DEFENCE_WORDS or lemma not in STATE_BODY_NOUNS | TITLE_WORDS:
        return speaker
    if not art.ref.is_a(speaker.claimant, "Government"):
        return speaker
    forces = armed_forces_of(speaker.claimant, art.ref)
    return speaker if forces == speaker.claimant else replace(speaker, claimant=forces, rule=STATE_BODY)


def phrase_country(art: ClaimArticle, tokens: list[Token]) -> str | None:
    """The country the phrase itself names: a place in it ("Iraq's defence ministry") or a
    demonym ("the French defense ministry"); "the country's" leaves it to the context."""
    ref = art.ref
    for tok in tokens:
        ent = art.ent_of(tok)
        if ent is not None and ent.label_ == "PLACE":
            country = ref.country_of(ent.ent_id_)
            if country:
                return country
    names = demonyms(ref)
    for tok in tokens:
        if tok.text[:1].isupper() and tok.lower_ in names:
            return names[tok.lower_]
    return None


def foreign_nationality(art: ClaimArticle, tokens: list[Token]) -> bool:
    """Whether the phrase names a nation by a capitalised adjective the model tags as one
    (NORP) that is no country of the reference data ("the Belgian Defence Ministry", "a Dutch
    military spokesman"): its speaker is that nation's, not the country of the context; the
    nationality of no state ("Kurdish", "Arab") or a faith does not count."""
    for tok in tokens:
        if (
            tok.pos_ in ("ADJ", "PROPN")
            and tok.dep_ in ("amod", "compound")
            and tok.text[:1].isupper()
            and tok.lower_.endswith(DEMONYM_ENDINGS)
            and art.ent_of(tok) is None
            and tok.lower_ not in demonyms(art.ref)
            and tok.lower_ not in STATELESS_NATIONS
        ):
            return True
    return False


def context_country(art: ClaimArticle, sent_index: int, article_first: bool) -> str | None:
    """The country the context is about: that of the state actors of the sentence, else of
    its places outside quotation marks (where the news happened: "Two soldiers were killed near
    Tuz Khurmatu, security officials said"), else of the four sentences before it, else the
    state the article names most. For an unnamed officer or source (``article_first``) the
    article's state comes before the sentences before: the gold reads such a source as the
    one state force whose losses or operation the article reports ("“We can't beat them,” one
    officer told Reuters" in a report on the fall of Mosul); a state body is the one the
    paragraph is about ("“If the president orders strikes in Syria, we will be ready,” a senior
    defense official said" after the Pentagon's plans). A place the speaker only mentions in
    the quote is not where he is from."""
    named = state_countries(art, art.domain_ents)
    article = Counter(named).most_common(1)[0][0] if named else None
    for index in range(sent_index, max(-1, sent_index - CONTEXT_UNITS - 1), -1):
        if index < sent_index and article_first and article is not None:
            return article
        unit = art.sents[index]
        ents = art.domain_ents_starting_in(unit.start, unit.end - 1)
        for found in (state_countries(art, ents) + nationality_countries(art, unit), place_countries(art, ents)):
            if found:
                return Counter(found).most_common(1)[0][0]
    return article


def state_countries(art: ClaimArticle, ents: list) -> list[str]:  # type: ignore[type-arg]
    """The countries of the state actors among ``ents`` (not armed groups: a military source
    does not speak for the SDF or ISIS; nor a description read from the places around it)."""
    ref = art.ref
    out = []
    for ent in ents:
        iri = ent.ent_id_
        if ent.label_ != "ACTOR" or ref.is_a(iri, "ArmedGroup") or ref.is_a(iri, "Person"):
            continue
        if read_from_places_around(art, ent):
            continue  # "the army" read as the army of the country where the article's places lie: no evidence
        if is_participle_modifier(ent):
            continue  # "US-backed fighters": the backer, not whose news it is
        if any(ref.is_a(iri, cls) for cls in STATE_CLASSES) and iri in ref.countries:
            out.append(ref.countries[iri])
    return out


def nationality_countries(art: ClaimArticle, unit: DocSpan) -> list[str]:
    """The countries of the adjectives of nationality of a unit that are no entity, outside
    quotation marks: "Two Dutch F-16s dropped the first Dutch bombs ...", "Jordanian fighter
    jets destroyed ...", "French fighter jets launched their biggest raids in Syria" say whose
    forces the unit is about, as a state actor does, before the places where they struck; not
    where a speaker is based or who backs it ("The British-based monitor said", dev
    n_howtrend-afp: news of Syria, whose monitor speaks)."""
    names = demonyms(art.ref)
    return [
        names[tok.lower_]
        for tok in unit
        if tok.lower_ in names and tok.text[:1].isupper() and art.ent_of(tok) is None and art.in_quote(tok) is None
        and tok.head.lower_.rsplit("-", 1)[-1] not in NOT_SPEAKER_PARTICIPLES
    ]


def read_from_places_around(art: ClaimArticle, ent: DocSpan) -> bool:
    """Whether the NLP stage read a description ("the army", "the interior ministry") as the
    actor of the country where the places of its paragraph or article lie, its sentence naming
    none of them."""
    sources = art.doc.user_data.get(LINK_SOURCES, {})
    return sources.get((ent.start_char, ent.end_char)) in WIDER_READINGS


def place_countries(art: ClaimArticle, ents: list) -> list[str]:  # type: ignore[type-arg]
    """The countries of the places among ``ents``, outside datelines (where the report was
    filed, not what it is about) and quotation marks (what the speaker talks about)."""
    datelines = dateline_tokens(art.doc)
    out = []
    for ent in ents:
        if ent.label_ == "PLACE" and ent.start not in datelines and art.in_quote(ent.root) is None:
            country = art.ref.country_of(ent.ent_id_)
            if country:
                out.append(country)
    return out


def force_of_kind(ref: Reference, country: str, kind: str, on: dt.date | None = None) -> str | None:
    """The state force of ``country`` that a label "<demonym> <kind>" names ("Iraqi security
    forces" → the ISF, "Syrian army" → the SAA), the one with the shortest such label; on a
    date, not the force of a government out of office then (the Assad regime's army after
    December 2024)."""
    best: tuple[int, str] | None = None
    for iri, labels in ref.aliases.items():
        if ref.countries.get(iri) != country or not ref.is_a(iri, "StateForce"):
            continue
        governments = [g for g in ref.member_of.get(iri, ()) if ref.is_a(g, "Government")]
        if governments and not any(in_office(ref, g, on) for g in governments):
            continue
        for label in labels:
            words = label.lower().split()
            if label.lower().endswith(" " + kind) and len(words) <= len(kind.split()) + 1:
                candidate = (len(label), iri)
                best = candidate if best is None or candidate < best else best
    return best[1] if best else None


_DEMONYMS: dict[int, tuple[Reference, dict[str, str]]] = {}


def demonyms(ref: Reference) -> dict[str, str]:
    """Adjectives of nationality, from the labels of the actors ("Iraqi forces", "French
    government" → Iraqi: Iraq, French: France): the adjectival first word ("-an", "-ish",
    "-ese", "-i", "-ch") of a label of a government or state force, when every actor with a
    label starting with it (of a government, a state force or an armed group) is of that one
    country ("Kurdish" also starts the country-less "Kurdish forces": no country). Read once
    per reference."""
    cached = _DEMONYMS.get(id(ref))
    if cached is not None and cached[0] is ref:
        return cached[1]
    seen: dict[str, set[str | None]] = {}
    stated: set[str] = set()
    for iri, labels in ref.aliases.items():
        if not any(ref.is_a(iri, cls) for cls in ("Government", "StateForce", "ArmedGroup")):
            continue  # a monitor or an outlet abroad ("Syrian Observatory", UK-based) says nothing of a state
        country = ref.countries.get(iri)
        for label in labels:
            words = label.split()
            first = words[0].lower() if len(words) >= 2 else ""
            if not first.isalpha() or not words[0][:1].isupper():
                continue
            seen.setdefault(first, set()).add(country)
            if ref.is_a(iri, "Government") or ref.is_a(iri, "StateForce"):
                stated.add(first)
    names = {
        word: next(iter(countries))
        for word, countries in seen.items()
        if word in stated and len(countries) == 1 and None not in countries and word.endswith(DEMONYM_ENDINGS)
    }
    _DEMONYMS[id(ref)] = (ref, names)  # type: ignore[assignment]
    return names
