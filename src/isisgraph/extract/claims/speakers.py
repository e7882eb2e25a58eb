"""Who a speaker's noun phrase names: a person, one or more governments, an actor, or a
speaker taken up from earlier sentences; nobody when it cannot be resolved to an actor
("analysts say", "security sources said"): the shapes require a claimant, and a guessed one
is worse than none.

The phrase is tried in order: a pronoun; a person (:mod:`.persons`); governments
(:mod:`.descriptions`); an actor entity:

- ``claims.speakers.actor``: the actor entity of the phrase, the head's own, else the
  nearest modifier's ("The SDF announced", "Pentagon officials said"); a "US-led" or
  "US-backed" modifier names someone else than the speaker;
- ``claims.speakers.country-voice``: a country or its capital that speaks itself ("Iraq
  declared victory", "Baghdad said"), or whose officials, media or forces speak ("Iranian
  media reported", "Iraq's officials", "officials in Baghdad"), speaks for its government; so
  do the officials, authorities or media a nationality adjective names ("Iraqi officials have
  pledged");

then a document ("the statement", "A National Security Council press release": its issuer,
:mod:`.statements`), a definite description (:mod:`.descriptions`), an unnamed official source
or a body of a state ("a security source", "the army", "the country's Interior Ministry":
:mod:`.sources`). A government named with a defence body or post speaks through its armed
forces ("Russia's Defense Ministry", ``claims.sources.state-body``). Pronouns resolve to the
last speaker:

- ``claims.speakers.he-subject``: "he"/"she" is a person named as a subject earlier in the
  same sentence ("Umm Mohammed ... left Baghouz ... “...,” she told AP");
- ``claims.speakers.he-last-official``: "he" after an unnamed official who spoke for an
  organisation, within three sentences or in the same or the previous paragraph ("the SDF
  commander said ... he added"; a source is one person too: "The source informed Shafaq
  News, “...” ⏎ “...,” he added", dev g_shafaq_kirkuk-laylan), also one
  named by a description ("A KRG foreign ministry official ... “...,” the official says.
  “...,” he adds", Newsweek);
- ``claims.speakers.he-previous-subject``: "he"/"she" is a person who is the subject of the
  sentence just before (who did not speak in it), before the last person who spoke;
- ``claims.speakers.he-last-person``: "he"/"she" is the last person who spoke;
- ``claims.speakers.he-named-before``: with no person who spoke yet, the last person named;
- ``claims.speakers.it-subject``: "it" is an organisation subject earlier in the same
  sentence ("the coalition said it had conducted ...", or a noun heading a run-in headline);
  one of the clause a trailing "..., it added" reports only when no organisation spoke in
  the two sentences before;
- ``claims.speakers.it-last-organisation``: else the organisation that spoke last, within two
  sentences;
- ``claims.speakers.they-last-speaker``: "they" / "we" only the speaker of the same or the
  previous sentence;

a relative pronoun is its antecedent ("the U.S. military, which said ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.closed_class import GROUP_PRONOUNS, NAMING_PARTICIPLES, PERSON_PRONOUNS, RELATIVE_PRONOUNS
from isisgraph.extract.claims.actors import actor_iri, country_actor, government_of, is_participle_modifier
from isisgraph.extract.claims.article import ClaimArticle, Speaker
from isisgraph.extract.claims.descriptions import (
    context_government,
    description,
    governments,
    is_the_government,
    same_officials,
)
from isisgraph.extract.claims.lexicon import (
    DEPARTMENT_NOUNS,
    FORCE_KINDS,
    GOVERNMENT_NOUNS,
    RANK_NOUNS,
    SEAT_CITIES,
    SOURCE_NOUNS,
    STATE_VOICE_NOUNS,
    TITLE_WORDS,
)
from isisgraph.extract.claims.persons import person_in, person_speaker, strip_title_tokens
from isisgraph.extract.claims.sources import (
    LOCAL_FORCE,
    OPERATING_FORCE,
    STATE_BODY,
    UNNAMED_OFFICIAL,
    defence_body,
    demonyms,
    phrase_country,
    read_from_places_around,
    state_media,
    unnamed_monitor,
    unnamed_source,
)
from isisgraph.extract.claims.statements import issuer
from isisgraph.extract.shared import tokens_of
from isisgraph.nlp import SOURCES_KEY as LINK_SOURCES

ACTOR = "claims.speakers.actor"
COUNTRY_VOICE = "claims.speakers.country-voice"
HE_SUBJECT = "claims.speakers.he-subject"
HE_LAST_OFFICIAL = "claims.speakers.he-last-official"
HE_LAST_PERSON = "claims.speakers.he-last-person"
HE_PREVIOUS_SUBJECT = "claims.speakers.he-previous-subject"
HE_NAMED_BEFORE = "claims.speakers.he-named-before"
IT_SUBJECT = "claims.speakers.it-subject"
IT_LAST_ORGANISATION = "claims.speakers.it-last-organisation"
THEY_LAST_SPEAKER = "claims.speakers.they-last-speaker"

PARAGRAPH_BREAK = re.compile(r"\n\s*")
CLAUSE_DEPS = {"relcl", "acl", "ccomp", "advcl", "parataxis", "xcomp"}
CONJOINED_DEPS = {"conj", "cc", "preconj"}
VOICE_NOUNS = STATE_VOICE_NOUNS | GOVERNMENT_NOUNS
UNNAMED_SOURCES = SOURCE_NOUNS - TITLE_WORDS  # "source", "officer"
# one unnamed person a later "he" may be: "the SDF commander", "a colonel", "a security source"
OFFICIAL_HEADS = TITLE_WORDS | RANK_NOUNS | SOURCE_NOUNS
FORCE_NOUNS = {"force", "forces"}  # "Iraqi forces": the entity ruler's, by year and place


def phrase_tokens(art: ClaimArticle, head: Token) -> list[Token]:
    """The noun phrase headed by ``head`` without its clauses, quoted words and the phrases
    conjoined to it: "The Observatory, as well as a military source close to the regime,
    said" is the Observatory's phrase and the source's, each resolved on its own
    (:func:`~isisgraph.extract.claims.verbs.joint_speakers`), not one phrase that names the
    regime (dev n_howtrend-afp)."""
    out: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        if art.in_quote(tok) is not None and tok != head:
            continue
        out.append(tok)
        stack.extend(
            c for c in tok.children if c.dep_ not in CLAUSE_DEPS and not (tok == head and c.dep_ in CONJOINED_DEPS)
        )
    return sorted(out, key=lambda t: t.i)


def resolve(art: ClaimArticle, head: Token, sent_index: int) -> list[Speaker]:
    """The speaker(s) a noun phrase names; empty when it names no one we can resolve."""
    lower = head.lower_
    if lower in PERSON_PRONOUNS:
        return resolve_he(art, head, sent_index)
    if lower == "it":
        return resolve_it(art, head, sent_index)
    if lower in GROUP_PRONOUNS:
        last = art.memory.last_claim
        if last is not None and sent_index - last[0] <= 1:
            speaker = last[3]
            return [replace(speaker, confidence=min(speaker.confidence, 0.7), how="pronoun", rule=THEY_LAST_SPEAKER)]
        return []
    if lower in RELATIVE_PRONOUNS and head.head != head:
        verb = head.head
        if verb.dep_ == "relcl":
            return resolve(art, verb.head, sent_index)
        return []
    tokens = phrase_tokens(art, head)
    person = person_in(art, head, tokens)
    if person is not None:
        return [person]
    found = state_media(art, head, tokens, sent_index)  # "Syria's state news agency": SANA, not the government
    if found:
        return found
    found = governments(art, head, tokens, sent_index)
    if found:
        return found
    actor = actor_in(art, head, tokens) or demonym_voice(art, head) or known_as(art, head)
    if actor is not None:
        actor = another_states_body(art, head, tokens, actor, sent_index) or actor
        actor = defence_body(art, head, tokens, same_officials(art, head, actor, sent_index))
        remember_head(art, head, actor, sent_index)
        return [actor]
    if head.lemma_.lower() in art.lexicon.nouns:  # "the statement added", "A ... press release stated"
        return issuer(art, head, sent_index, resolve)
    found = (
        description(art, head, tokens)
        or unnamed_source(art, head, tokens, sent_index)
        or unnamed_monitor(art, head, tokens, sent_index)
        or state_media(art, head, tokens, sent_index)
    )
    if not found and is_the_government(head, tokens):
        found = context_government(art, sent_index)
    remembered = (UNNAMED_OFFICIAL, STATE_BODY, LOCAL_FORCE, OPERATING_FORCE)
    if found and (found[0].rule in remembered or found[0].how == "description"
                  and head.lemma_.lower() in OFFICIAL_HEADS):
        remember_head(art, head, found[0], sent_index)  # "the official says ... he adds"
    return found


def known_as(art: ClaimArticle, head: Token) -> Speaker | None:
    """``claims.speakers.actor`` through a name the phrase gives its head: "the military
    communications center known as the Security Media Cell said in a statement" (dev
    m_hathalyoum-k24): the actor named after "known as" or "called" (a participle of naming
    hung on the head), when the head's own phrase names none."""
    for participle in head.children:
        if participle.dep_ != "acl" or participle.lemma_.lower() not in NAMING_PARTICIPLES:
            continue
        for prep in participle.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                for name in prep.children:
                    found = actor_in(art, name, phrase_tokens(art, name)) if name.dep_ == "pobj" else None
                    if found is not None:
                        return found
    return None


def another_states_body(
    art: ClaimArticle, head: Token, tokens: list[Token], actor: Speaker, sent_index: int
) -> Speaker | None:
    """ "the French Ministry of Defence", "the Dutch defence ministry": a body whose name the
    reference data gives to one state ("Ministry of Defence" is the UK's) speaks for the state
    its phrase names when that is another (``claims.sources.state-body``); a phrase naming no
    state, or the body's own ("the British Ministry of Defence"), keeps the actor."""
    ent = art.ent_of(head)
    own = art.ref.countries.get(actor.claimant)
    if actor.how != "actor" or own is None:
        return None
    if ent is None:  # "the army statement": the description modifies the document
        ents = [e for t in tokens if (e := art.ent_of(t)) is not None and e.ent_id_ == actor.claimant]
        if not ents or not read_from_places_around(art, ents[0]):
            return None
        ent = ents[0]
    country = phrase_country(art, [t for t in tokens if not ent.start <= t.i < ent.end])
    if country is None and read_from_places_around(art, ent):
        found = unnamed_source(art, ent.root, [t for t in tokens if ent.start <= t.i < ent.end], sent_index, True)
        other = found[0] if found else None
        return other if other is not None and art.ref.countries.get(other.claimant) not in (None, own) else None
    if country is None or country == own:
        return None
    found = unnamed_source(art, head, tokens, sent_index)
    return found[0] if found else None


def remember_head(art: ClaimArticle, head: Token, speaker: Speaker, sent_index: int) -> None:
    """ "the Peshmerga ministry said", "a security source said": a later "the ministry", "the
    source" may refer back to it, and a later "he" to an unnamed official ("the SDF
    commander")."""
    ent = art.ent_of(head)
    if ent is not None and speaker.how == "actor" and any(t.lower_ in DEPARTMENT_NOUNS for t in ent):
        for noun in DEPARTMENT_NOUNS:  # "the Ministry of Defence said ... the department said"
            art.memory.org_heads[noun] = (sent_index, speaker)
    if head.pos_ in ("NOUN", "PROPN") and ent is None:
        art.memory.org_heads[head.lemma_.lower()] = (sent_index, speaker)
        if head.lemma_.lower() in DEPARTMENT_NOUNS:
            for noun in DEPARTMENT_NOUNS:
                art.memory.org_heads.setdefault(noun, (sent_index, speaker))
        if head.lemma_.lower() in OFFICIAL_HEADS and head.tag_ == "NN":
            art.memory.last_official = (sent_index, speaker)


def resolve_he(art: ClaimArticle, head: Token, sent_index: int) -> list[Speaker]:
    """ "he"/"she": a person named as a subject earlier in the same sentence; else the unnamed
    official of the last three sentences, if they spoke after the last person; else the last
    person who spoke; else the last person named."""
    subject = person_subject_before(art, head, sent_index)
    if subject is not None:
        return [subject]
    memory = art.memory
    if memory.last_person is not None and memory.last_person_at < sent_index - 1:
        # with no person who spoke yet, the last person named is who "he" is (he-named-before)
        previous = person_subject_of_previous(art, sent_index)
        if previous is not None:
            return [previous]
    official = memory.last_official
    if official is not None and official[0] > memory.last_person_at and near(art, official[0], sent_index):
        return [replace(official[1], confidence=0.6, how="pronoun", rule=HE_LAST_OFFICIAL)]
    if memory.last_person:
        return [replace(memory.last_person, confidence=0.7, how="pronoun", rule=HE_LAST_PERSON)]
    return person_named_before(art, head)


def near(art: ClaimArticle, earlier: int, sent_index: int) -> bool:
    """Whether an official who spoke in unit ``earlier`` is still who "he" is: within three
    sentences, or in the same or the previous paragraph (a long quote of theirs in between)."""
    if sent_index - earlier <= 3:
        return True
    between = art.text[art.sents[earlier].end_char : art.sents[sent_index].start_char]
    return len(PARAGRAPH_BREAK.findall(between)) <= 1


def person_subject_before(art: ClaimArticle, pronoun: Token, sent_index: int) -> Speaker | None:
    """ "Umm Mohammed, a 38-year-old Syrian, left Baghouz ... “There are many fighters
    inside,” she told AP": a person who is the subject of a clause before the pronoun, in its
    sentence and outside quotation marks, is who the pronoun names (``he-subject``)."""
    sent = art.sents[sent_index]
    return _subject_person(art, art.persons_starting_in(sent.start, pronoun.i - 1),
                           lambda root: root.head != pronoun.head, HE_SUBJECT, 0.7)


def person_subject_of_previous(art: ClaimArticle, sent_index: int) -> Speaker | None:
    """``claims.speakers.he-previous-subject``: "Kirkuk Governor Rakan Al Jubouri, who is also
    chairman of the Supreme Security Committee, called for an emergency meeting ... ⏎ He said
    the attack would ..." (new dev r_thenational): a person who is the subject of the main
    clause of the sentence just before, outside quotation marks, is who "he" is, before a
    person who spoke earlier (the one the pronoun would otherwise take up)."""
    if sent_index == 0:
        return None
    unit = art.sents[sent_index - 1]
    return _subject_person(art, art.persons_starting_in(unit.start, unit.end - 1),
                           lambda root: root.head.dep_ == "ROOT", HE_PREVIOUS_SUBJECT, 0.65)


def _subject_person(art: ClaimArticle, ents: Iterable[DocSpan], accept: Callable[[Token], bool],
                    rule: str, confidence: float) -> Speaker | None:
    """The first of ``ents`` that is a clause's subject outside quotation marks, that
    ``accept`` takes (given its root) and whose name is not all another entity: the person a
    pronoun names, by ``rule``."""
    for ent in ents:
        root = ent.root
        if root.dep_ != "nsubj" or art.in_quote(root) is not None or not accept(root):
            continue
        name_tokens = strip_title_tokens(list(ent))
        if name_tokens and not all(art.ent_of(t) for t in name_tokens):
            speaker = person_speaker(art, name_tokens, list(ent), root, rule)
            return replace(speaker, confidence=confidence, how="pronoun", rule=rule)
    return None


def person_named_before(art: ClaimArticle, before: Token) -> list[Speaker]:
    """The last PERSON entity before the pronoun, with a name once its titles are removed."""
    for ent in reversed([e for e in art.person_ents if e.end <= before.i]):
        name_tokens = strip_title_tokens(list(ent))
        if name_tokens:
            speaker = person_speaker(art, name_tokens, list(ent), ent.root, HE_NAMED_BEFORE)
            return [replace(speaker, confidence=0.6, how="pronoun", rule=HE_NAMED_BEFORE)]
    return []


def resolve_it(art: ClaimArticle, head: Token, sent_index: int) -> list[Speaker]:
    """ "it" as a speaker: an organisation subject earlier in the same sentence (or a noun
    heading the sentence when a run-in headline spoiled its parse), else the organisation
    that spoke last, within two sentences; the subject of the clause a trailing "..., it said"
    reports only when no organisation spoke in them ("The coalition struck ten targets near
    Hajin, it said")."""
    sent = art.sents[sent_index]
    not_names = PERSON_PRONOUNS | {"it"} | GROUP_PRONOUNS
    reported = reported_before(head)
    in_reported: list[Speaker] = []
    for tok in tokens_of(sent):
        if tok.i >= head.i:
            break
        heads_unit = not (sent.start <= tok.head.i < sent.end) and tok.pos_ in ("NOUN", "PROPN")
        if art.in_quote(tok) is not None:
            continue  # a subject of the quoted words does not speak them
        if (tok.dep_ in ("nsubj", "nsubjpass") or heads_unit) and tok.lower_ not in not_names:
            speakers = resolve(art, tok, sent_index)
            if speakers and speakers[0].person is None:
                speaker = replace(speakers[0], confidence=min(speakers[0].confidence, 0.75), how="pronoun",
                                  rule=IT_SUBJECT)
                if tok.i not in reported:
                    return [speaker]
                in_reported = in_reported or [speaker]
    last_org = art.memory.last_org
    if last_org is not None and sent_index - last_org[0] <= 2:
        return [replace(last_org[1], confidence=0.7, how="pronoun", rule=IT_LAST_ORGANISATION)]
    return in_reported


def reported_before(pronoun: Token) -> set[int]:
    """The tokens of the clause a trailing "..., it added" reports, which the parser hangs the
    speech verb on: "The IS leader, identified as Hamza al-Homsi, was killed, ..., it added"
    (dev l_frontierpost-afp, after "the US Central Command said"): a subject in it is what
    the speaker reports; the organisation that spoke last, if any, is the speaker."""
    verb = pronoun.head
    if pronoun.dep_ != "nsubj":
        return set()
    # the reported clause as the verb's complement before it ("..., it added" as the root) ...
    out = {t.i for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < pronoun.i for t in c.subtree}
    if verb.dep_ in ("parataxis", "ccomp", "conj") and verb.head.i < verb.i:
        # ... or as the clause the parser hung the verb on
        own = {t.i for t in verb.subtree}
        out |= {t.i for t in verb.head.subtree if t.i not in own}
    return out


def demonym_voice(art: ClaimArticle, head: Token) -> Speaker | None:
    """ "Iraqi officials have repeatedly pledged that Mosul will be retaken" (Al-Alam): the
    officials, authorities or media of a country named by its adjective, which the model
    tags as a nationality rather than a place, speak for its government
    (``claims.speakers.country-voice``); not its forces, which the entity ruler names."""
    lemma = head.lemma_.lower()
    if lemma not in VOICE_NOUNS or lemma in FORCE_KINDS or lemma in FORCE_NOUNS or lemma in UNNAMED_SOURCES:
        return None  # "Iraqi sources", "an Iraqi officer": the unnamed sources' rule
    names = demonyms(art.ref)
    for child in head.children:
        if child.dep_ in ("amod", "compound") and child.text[:1].isupper() and child.lower_ in names:
            iri = government_of(art.ref, names[child.lower_], art.article.published)
            if iri:
                return Speaker(iri, confidence=0.7, how="actor", rule=COUNTRY_VOICE)
    return None


def officials_in_seat(art: ClaimArticle, head: Token, tokens: list[Token], ent: DocSpan) -> bool:
    """ "Officials in Baghdad declared in late 2017 that ..." (dev j_anadolu), "officials in
    Baghdad said they were holding a senior ISIS member" (o_stripes): officials, authorities or
    the government "in" a country or the seat of its government (``seat-cities``) speak for that
    government (``claims.speakers.country-voice``); not "officials in Anbar province", nor the
    security officials or sources of a force ("security sources in Baghdad": the unnamed
    sources' rule)."""
    root = ent.root
    if root.dep_ != "pobj" or root.head.lower_ != "in" or root.head.head != head:
        return False
    lemma = head.lemma_.lower()
    if lemma not in VOICE_NOUNS or lemma in UNNAMED_SOURCES or lemma in FORCE_KINDS or lemma in FORCE_NOUNS:
        return False
    if any(t.lower_ in FORCE_KINDS for t in tokens):
        return False
    iri = ent.ent_id_
    return art.ref.is_a(iri, "Country") or iri.rsplit("/", 1)[-1] in SEAT_CITIES


def is_description(art: ClaimArticle, ent: DocSpan) -> bool:
    """Whether the NLP stage read the entity as a description ("pro-government forces",
    "government forces", "Kurdish fighters"), which it links from the context, not by name."""
    sources = art.doc.user_data.get(LINK_SOURCES, {})
    return str(sources.get((ent.start_char, ent.end_char), "")).startswith("description.")


def actor_in(art: ClaimArticle, head: Token, tokens: list[Token]) -> Speaker | None:
    """An actor entity in the phrase: the head's own, else the nearest modifier's; a name
    modifying the head comes before the head's own description ("Also on Thursday, the PMF
    pro-government forces said through their media ...", dev k_abna: the PMF, not the Iraqi
    forces the description stands for); a "US-led"/"US-backed" modifier names someone else,
    not the speaker. A place speaks for
    its government only as the head ("Iraq declared"), the modifier of a state-voice or
    government noun ("Iranian media") or a possessive."""
    ref = art.ref
    candidates: list[tuple[int, str, str]] = []
    for tok in tokens:
        ent = art.ent_of(tok)
        if ent is None or ent.start != tok.i and tok.i != ent.root.i:
            continue
        if is_participle_modifier(ent):
            continue
        iri: str | None
        rule = ACTOR
        if ent.label_ == "PLACE":
            speaks_itself = ent.start <= head.i < ent.end  # "Iraq declared victory", "Ankara said"
            if not (
                speaks_itself
                or ent.root.head == head
                and head.lemma_.lower() in VOICE_NOUNS
                or ent.root.dep_ == "poss"
                or officials_in_seat(art, head, tokens, ent)
            ):
                continue
            iri = country_actor(ref, ent, art.article.published)
            if iri is None and (speaks_itself or officials_in_seat(art, head, tokens, ent)):
                country = ref.country_of(ent.ent_id_)
                iri = government_of(ref, country, art.article.published) if country else None
            rule = COUNTRY_VOICE
        else:
            iri = actor_iri(ref, ent)
        if not iri:
            continue
        rank = 0 if ent.start <= head.i < ent.end else (1 if ent.root.head == head else 2)
        if rank == 0 and is_description(art, ent):
            rank = 1  # "the PMF pro-government forces said": the name before the description
            candidates.append((rank * 1000 + 500, iri, rule))
            continue
        candidates.append((rank * 1000 + abs(ent.root.i - head.i), iri, rule))
    if not candidates:
        return None
    _, iri, rule = min(candidates)
    return Speaker(iri, confidence=0.8, how="actor", rule=rule)
