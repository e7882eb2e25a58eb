"""Speakers named by a definite description, resolved from what the article said before:

- ``claims.descriptions.same-officials``: "the U.S. officials" after "U.S. military officials
  said" are the more specific speaker of the last few sentences, when it belongs to the
  organisation the description names ("... between them and local residents who are
  returning to places like Raqqa, the U.S. officials said.");
- ``claims.descriptions.governments``: "the governments in both countries" / "the Iraqi
  government" — one speaker per country the phrase names, else per country the context names
  ("Fighting continues along the border between Iraq and Syria, although the governments of
  both countries have declared victory");
- ``claims.descriptions.earlier-noun``: "the commander", "the sources", a bare "Officials" →
  the organisation last named as a speaker with that head noun ("a Peshmerga commander told Rudaw. ... "There were four
  airstrikes ...," said the commander, who asked not to be named."), within six sentences (ten
  for an unnamed source, officer or official: "the source said");
- ``claims.descriptions.the-statement``: "the statement added" → the issuer of the last
  statement or briefing; "the report" the last report's ("In its latest report ..., the
  Pentagon said ... ⏎ ..., said the report from October 29"); with none, the organisation that
  spoke in the last two sentences ("UN says ... ⏎ ..., report says"; "..., the Defense
  Department announced ... ⏎ “...,” states the release") (read through :mod:`.statements`);
- ``claims.descriptions.the-group``: "the group" → among the armed groups of the last three
  sentences, the one named as a subject (the agent of what happened; confidence 0.7), then
  the one the article names most, then the latest (0.5) ("On July 3, the group claimed its
  first attack in Raqqa");
- ``claims.descriptions.based-group``: "the group" described by where it is based or who
  backs it ("Clashes ... raged nearby, the Britain-based group said", AFP, after the Syrian
  Observatory spoke) is no armed group: the organisation that spoke in this or the previous
  sentence, when that is none either; else nobody (an "X-based" organisation, like the
  "U.K.-based Syrian Observatory" of The Atlantic, is named by where it is, not who it is);
- ``claims.descriptions.named-before``: "the cell added" → the actor last named with that
  noun, ending its name or modifying it ("the country’s Security Media Cell said ... the cell
  added"; "the head of the SDF media office ... the media office said"), within ten sentences;
  officials named by words of an actor's name ("task force officials said" after "Combined
  Joint Task Force Operation Inherent Resolve");
- ``claims.descriptions.led-coalition``: "the US-led coalition" → the coalition the article
  names, else the actor conducting the operation it names ("the US-led joint operation said
  it conducted 99 strikes").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Token

from isisgraph.closed_class import PAIR_QUANTIFIERS
from isisgraph.extract.claims.actors import actor_iri, government_of, is_armed_group, is_participle_modifier
from isisgraph.extract.claims.article import ClaimArticle, Speaker
from isisgraph.extract.claims.lexicon import (
    CIVIL_GROUP_WORDS,
    COALITION_NOUNS,
    COUNTRY_NOUNS,
    DOCUMENT_CHANNELS,
    FORCE_KINDS,
    GOVERNMENT_NOUNS,
    GROUP_NOUNS,
    LEADING_PARTICIPLES,
    NOT_SPEAKER_PARTICIPLES,
    OFFICIAL_NOUNS,
    RANK_NOUNS,
    SOURCE_NOUNS,
)
from isisgraph.extract.claims.sources import context_country

SAME_OFFICIALS = "claims.descriptions.same-officials"
GOVERNMENTS = "claims.descriptions.governments"
EARLIER_NOUN = "claims.descriptions.earlier-noun"
THE_STATEMENT = "claims.descriptions.the-statement"
THE_GROUP = "claims.descriptions.the-group"
LED_COALITION = "claims.descriptions.led-coalition"
NAMED_BEFORE = "claims.descriptions.named-before"
BASED_GROUP = "claims.descriptions.based-group"


def same_officials(art: ClaimArticle, head: Token, actor: Speaker, sent_index: int) -> Speaker:
    """ "the U.S. officials" after "U.S. military officials said": a definite reference to
    officials of an organisation that the speaker of the last few sentences belongs to is
    that speaker, the more specific of the two."""
    if head.lemma_.lower() not in OFFICIAL_NOUNS or not any(c.lower_ == "the" for c in head.children):
        return actor
    last = art.memory.last_org
    if last is None or sent_index - last[0] > 3 or last[1].claimant == actor.claimant:
        return actor
    if actor.claimant in art.ref.memberships(last[1].claimant):
        return replace(last[1], confidence=min(actor.confidence, 0.75), how="description", rule=SAME_OFFICIALS)
    return actor


def governments(art: ClaimArticle, head: Token, tokens: list[Token], sent_index: int) -> list[Speaker]:
    """ "the governments in both countries" / "the Iraqi government": one speaker per country."""
    if head.lemma_.lower() not in GOVERNMENT_NOUNS:
        return []
    countries: list[str] = []
    for tok in tokens:
        ent = art.ent_of(tok)
        if ent is not None and art.ref.is_a(ent.ent_id_, "Country") and ent.ent_id_ not in countries:
            countries.append(ent.ent_id_)
    if not countries:
        counted = [t for t in tokens if t.lemma_.lower() in COUNTRY_NOUNS and t.tag_ == "NNS"]
        if counted:
            n = 2 if any(c.lower_ in PAIR_QUANTIFIERS for c in counted[0].children) else None
            countries = context_countries(art, sent_index, n)

    speakers = []
    for country in countries:
        government = government_of(art.ref, country, art.article.published)
        if government:
            speakers.append(Speaker(government, confidence=0.7, how="context", rule=GOVERNMENTS))
    return speakers


def context_government(art: ClaimArticle, sent_index: int) -> list[Speaker]:
    """The government of the state the context is about, for "the government" that no earlier
    noun takes up (:func:`is_the_government`)."""
    country = context_country(art, sent_index, False)
    government = government_of(art.ref, country, art.article.published) if country else None
    return [Speaker(government, confidence=0.6, how="context", rule=GOVERNMENTS)] if government else []


def is_the_government(head: Token, tokens: list[Token]) -> bool:
    """ "The government confirmed two bombs were dropped ...": a definite singular government
    that names no country, and that no earlier noun takes up, is the government of the state the
    context is about (its state
    actors and nationalities, then its places: :func:`~.sources.context_country`); dev
    e_thenewdaily-aap after "an Australian fighter jet" (the one dev article with the build)."""
    return (
        head.lemma_.lower() == "government"
        and head.tag_ == "NN"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        and all(t.dep_ in ("det", "punct") or t == head for t in tokens)
    )


def context_countries(art: ClaimArticle, sent_index: int, n: int | None) -> list[str]:
    """Countries the context names, for "both countries" / "the two countries": those of
    the same sentence, else of the nearest previous sentence naming enough of them."""
    for index in range(sent_index, max(-1, sent_index - 4), -1):
        found: list[str] = []
        unit = art.sents[index]
        for ent in art.domain_ents_starting_in(unit.start, unit.end - 1):
            if ent.label_ == "PLACE" and art.ref.is_a(ent.ent_id_, "Country") and ent.ent_id_ not in found:
                found.append(ent.ent_id_)
        if n is None and found or n is not None and len(found) >= n:
            return found[:n] if n else found
    return []


def description(art: ClaimArticle, head: Token, tokens: list[Token]) -> list[Speaker]:
    """The speaker a definite description refers back to: the earlier noun, the statement,
    the group, the US-led coalition (tried in that order)."""
    lemma = head.lemma_.lower()
    memory = art.memory
    earlier = memory.org_heads.get(lemma) or other_official(art, head)
    if earlier is not None and refers_back(head) and not any(art.ent_of(t) for t in tokens):
        sent_index = art.sent_of.get(head.i, 0)
        if sent_index - earlier[0] <= earlier_noun_window(head):
            memory.org_heads[lemma] = (sent_index, earlier[1])  # named again: salient again
            return [replace(earlier[1], confidence=min(earlier[1].confidence, 0.7), how="description",
                            rule=EARLIER_NOUN)]
    if lemma in GROUP_NOUNS and any(t.lower_ == "the" for t in head.children):
        if any(is_based_or_civil(c) for c in head.children):
            return based_group(art, head)
        group, as_agent = salient_armed_group(art, head)
        if group:
            return [Speaker(group, confidence=0.7 if as_agent else 0.5, how="description", rule=THE_GROUP)]
    if lemma in COALITION_NOUNS and any(is_led_modifier(c) for c in head.children):
        coalition = any_mention(art, lambda iri: art.ref.is_a(iri, "Coalition"))
        if coalition is None:
            coalition = any_operation(art)
        if coalition:
            return [Speaker(coalition, confidence=0.7, how="description", rule=LED_COALITION)]
    found = named_before(art, head, tokens)
    return [found] if found is not None else []


def earlier_noun_window(head: Token) -> int:
    """How many sentences back a description may take up its noun: six, and ten for one
    unnamed source ("the source said"), who is the same person however long the report of
    the attack runs between (dev d_northpress: eight sentences after "A military source ...
    told North Press"); not a plural ("local officials reported" are others, dev
    j_arkansasonline)."""
    return 10 if head.lemma_.lower() in SOURCE_NOUNS and head.tag_ == "NN" else 6


def is_based_or_civil(modifier: Token) -> bool:
    """ "the Britain-based group", "the UK-based war monitoring group", "the monitor group", "the
    rights group": a modifier of where a group is based or who backs it, or of what it does
    that no armed group does (``civil-group-words``)."""
    if modifier.dep_ not in ("amod", "compound", "nmod"):
        return False
    word = modifier.lower_
    return (
        modifier.dep_ == "amod" and word.rsplit("-", 1)[-1] in NOT_SPEAKER_PARTICIPLES
        or word in CIVIL_GROUP_WORDS
        or any(is_based_or_civil(c) for c in modifier.children)
    )


def based_group(art: ClaimArticle, head: Token) -> list[Speaker]:
    """ "the Britain-based group said": a group described by where it is based or who backs
    it, or by what it does ("the monitor group", "the war monitoring group"), is not the armed
    group the article is about, but the organisation that spoke in the last two sentences, when
    that is no armed group (``based-group``; dev h_chinadaily after "according to the
    London-based Syrian Observatory", h_arabtimes-reuters two sentences after the
    Observatory spoke)."""
    last = art.memory.last_org
    sent_index = art.sent_of.get(head.i, 0)
    if last is None or sent_index - last[0] > 2 or is_armed_group(art.ref, last[1].claimant):
        return []
    return [replace(last[1], confidence=min(last[1].confidence, 0.7), how="description", rule=BASED_GROUP)]


def named_by_modifier(art: ClaimArticle, head: Token, window: int) -> Speaker | None:
    """ "task force officials said" after "Combined Joint Task Force Operation Inherent
    Resolve": officials whose noun modifiers are words of an actor's name named before are
    that actor's. Modifiers that are only a kind word of ``force-kinds`` name a force, not a
    body with the word in its name: "police sources told Reuters" after "the Kirkuk police" is
    that police force (dev r_thenational), but "security sources said" after "a statement of
    the Security Media Cell" is no word of the cell's (dev p_kayhan: an unnamed source of the
    security forces, ``claims.sources.unnamed-official``)."""
    if head.lemma_.lower() not in OFFICIAL_NOUNS:
        return None
    words = [t.lower_ for t in head.subtree if t.dep_ == "compound" and t.i < head.i]
    if not words:
        return None
    kind_only = set(words) <= set(FORCE_KINDS)  # "security sources", "police sources": the kind of source
    phrase = " " + " ".join(words) + " "
    first = art.sents[max(0, art.sent_of.get(head.i, 0) - window)].start
    for ent in reversed(art.domain_ents_within(first, head.i)):
        iri = actor_iri(art.ref, ent)
        if iri and phrase in " " + ent.text.lower() + " " and not (kind_only and not art.ref.is_a(iri, "StateForce")):
            return Speaker(iri, confidence=0.65, how="description", rule=NAMED_BEFORE)
    return None


def other_official(art: ClaimArticle, head: Token) -> tuple[int, Speaker] | None:
    """ "a security official said ... ⏎ ..., the source added"; "a military source told
    Shafaq News ... ⏎ the official said": a singular "the source", "the official", "the
    officer" with no speaker of its own noun takes up the unnamed official last named with
    another of these nouns or a rank ("a police colonel ... the officer"), the same person
    in the wire's varied wording (round 2's annotation of unnamed sources)."""
    if head.lemma_.lower() not in OFFICIAL_NOUNS or head.tag_ != "NN":
        return None
    nouns = OFFICIAL_NOUNS | SOURCE_NOUNS | RANK_NOUNS
    found = [art.memory.org_heads[n] for n in nouns if n in art.memory.org_heads]
    return max(found, key=lambda item: item[0]) if found else None


def refers_back(head: Token) -> bool:
    """A definite description ("the ministry", "the sources"), or a bare plural of officials
    that takes up those who spoke ("... CJTF-OIR officials reported today. ⏎ Officials
    reported details of yesterday’s strikes")."""
    if any(c.lower_ == "the" for c in head.children):
        return True
    bare = not any(c.dep_ in ("det", "poss", "nummod") for c in head.children)
    return bare and head.tag_ == "NNS" and head.lemma_.lower() in OFFICIAL_NOUNS


def named_before(art: ClaimArticle, head: Token, tokens: list[Token], window: int = 10) -> Speaker | None:
    """ "the cell added" after "the country’s Security Media Cell said"; "the media office said"
    after "the head of the SDF media office"; "the prime minister told" after "Iraq's prime
    minister has announced": a definite description is the actor last named with its noun (and
    its modifiers) — an actor whose name ends in it, or that modifies it — in the last ten
    sentences."""
    described = {t.i for c in head.children if c.dep_ == "appos" for t in c.subtree}
    if not refers_back(head) or any(art.ent_of(t) for t in tokens if t.i not in described):
        return None  # an actor named in the phrase is the speaker; not one in its apposition ("The
        # Observatory, a Britain-based monitor with sources in Syria, reported", dev l_alarabiya)
    lemma = head.lemma_.lower()
    wanted = {c.lower_ for c in head.children if c.dep_ in ("compound", "amod")}
    by_modifier = named_by_modifier(art, head, window)
    if by_modifier is not None:
        return by_modifier
    first = art.sents[max(0, art.sent_of.get(head.i, 0) - window)].start
    for tok in reversed(art.doc[first : head.i]):
        if tok.lemma_.lower() != lemma or art.in_quote(tok) is not None:
            continue
        ent = art.ent_of(tok)
        words = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
        if ent is not None:
            words |= {t.lower_ for t in ent}
        if not wanted <= words:
            continue
        iri = actor_iri(art.ref, ent) if ent is not None and ent.root == tok else None
        for child in tok.children if iri is None else ():
            named = art.ent_of(child)
            if child.dep_ in ("compound", "poss", "nmod") and named is not None and not is_participle_modifier(named):
                iri = actor_iri(art.ref, named)
                break
        if iri:
            return Speaker(iri, confidence=0.65, how="description", rule=NAMED_BEFORE)
    return None


def last_statement_issuer(art: ClaimArticle, kind: str | None = None, sent_index: int | None = None) -> Speaker | None:
    """Who issued the last document of this kind ("the report" → the last report; "the
    statement", "the release" → the last statement or briefing); with none, the organisation
    that spoke in the last two sentence units ("UN says ... ⏎ ..., report says"; a quote of
    two sentences before "the statement said": dev g_reuters_french-jets; in g_hathalyoum it is
    the army for a statement of a counter-terrorism body the reference does not name)."""
    memory = art.memory
    found = memory.last_documents.get(kind) if kind else None
    if found is None and (kind is None or kind in DOCUMENT_CHANNELS):
        found = memory.last_statement
    if found is None and sent_index is not None and memory.last_org and sent_index - memory.last_org[0] <= 2:
        found = (memory.last_org[1], None)
    if found is None:
        return None
    speaker, _ = found
    return replace(speaker, confidence=min(speaker.confidence, 0.7), how="description", rule=THE_STATEMENT)


def armed_group_counts(art: ClaimArticle) -> dict[str, int]:
    """How often the article names each armed group (counted once per article)."""
    if art.armed_group_counts is None:
        counts: dict[str, int] = {}
        for ent in art.domain_ents:
            iri = actor_iri(art.ref, ent)
            if iri and is_armed_group(art.ref, iri):
                counts[iri] = counts.get(iri, 0) + 1
        art.armed_group_counts = counts
    return art.armed_group_counts


def salient_armed_group(art: ClaimArticle, before: Token, window: int = 3) -> tuple[str | None, bool]:
    """What "the group" refers to: among the armed groups named in the last few sentences,
    the one named as a subject (the agent of what happened), then the one the article names
    most, then the latest. The flag says whether it was named as an agent (a weaker reading
    otherwise)."""
    first = art.sents[max(0, art.sent_of.get(before.i, 0) - window)].start
    counts = armed_group_counts(art)
    ranked: list[tuple[int, int, int, str]] = []
    for ent in art.domain_ents_within(first, before.i):
        iri = actor_iri(art.ref, ent)
        if not iri or not is_armed_group(art.ref, iri):
            continue
        subject = any(
            t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() not in art.lexicon.verbs
            for t in [ent.root, *ent.root.ancestors][:2]
        )  # an agent, not a speaker
        ranked.append((0 if subject else 1, -counts[iri], -ent.start, iri))
    if not ranked:
        return None, False
    best = min(ranked)
    return best[3], best[0] == 0


def any_mention(art: ClaimArticle, accept: Callable[[str], bool]) -> str | None:
    """The first actor the article names that ``accept`` takes."""
    for ent in art.domain_ents:
        iri = actor_iri(art.ref, ent)
        if iri and accept(iri):
            return iri
    return None


def any_operation(art: ClaimArticle) -> str | None:
    """The actor conducting the first operation the article names."""
    for ent in art.domain_ents:
        if ent.label_ == "OPERATION":
            return actor_iri(art.ref, ent)
    return None


def is_led_modifier(token: Token) -> bool:
    """ "US-led", "U.S.-led": a modifier saying who leads the head noun."""
    text = token.lower_
    leading = LEADING_PARTICIPLES
    one_word = text in leading or any(text.endswith("-" + word) for word in leading)  # "led", "US-led"
    split = token.dep_ == "amod" and any(t.lower_ in leading for t in token.subtree)  # "U.S." "-" "led"
    return one_word or split
