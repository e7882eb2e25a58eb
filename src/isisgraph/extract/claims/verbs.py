"""Speech verbs: the verbs of the channel scheme ("say", "tweet", "declare" ...) that attribute
something in their sentence, who speaks through them, through what channel, and the words of
the attribution itself.

A speech verb outside quotation marks attributes what its sentence says when (first that
applies; the rule's id is the claim's extractor value):

- ``claims.verbs.content-clause``: it has a content clause ("In comparison the US-led joint
  operation said it conducted 99 strikes and 139 engagements from February 24-March 9."),
  also one the parser hung on the medium noun ("said in a statement that ...");
- ``claims.verbs.parenthetical``: it is a parenthetical ("The bigger concern, the U.S. military
  officials said, lies in fissures emerging among U.S.-backed forces in Syria."), or trails the
  clause it reports after a comma, hung on it by the parser ("Syrian government forces have
  completely liberated the city ..., Syrian state television reported on Friday"; "“...,” the
  statement said, the Tass news agency reported");
- ``claims.verbs.passive-agent``: it has a passive agent ("was confirmed by the coalition");
- ``claims.verbs.claimed-attack``: it is a participle of claiming on an attack, with the
  group that claimed it as passive agent ("an assault quickly claimed by the Islamic State
  group");
- ``claims.verbs.relative-content``: it is in a relative clause whose object is the content
  ("a campaign that the White House said in April was coming to a rapid end");
- ``claims.verbs.noun-clause``: its object has a that-clause ("Egypt's President Abdel Fattah
  Al Sisi has expressed concern that Islamic State fighters from Iraq and Syria would flee to
  Egypt.");
- ``claims.verbs.reported-object``: its object is a claimed noun, quoted, or a victory noun
  ("Islamic State claimed responsibility for the attack.", "declared the “total elimination
  of so-called caliphate”", "the governments in both countries have declared victory"), or
  an act in the gerund of an announcing or declaring verb ("the Joint Operations Command
  announced completing the first phase", dev l_iraqinews; "The War Media Cell has declared
  killing several leaders", dev e_iraqinews);
- ``claims.verbs.after-quote``: it hangs off a quoted verb (""CJTFOIR and its GoI and ISF
  partners have liberated 4.5M civilians and 55,670 SQ KM of land," tweeted the US military
  on Tuesday.");
- ``claims.verbs.framing-quote``: a quote of its sentence frames it, with only the speaker,
  the verb's own modifiers, titles and punctuation between ("“...,” X said", "X said on
  Friday: “...”");
- ``claims.verbs.continued-by``: "continue" with "by" and a speech verb ("He continued by
  pointing out that ISIS’ advance has been halted and beaten back on all fronts.");
- ``claims.verbs.continued-after``: "continue" trailing what it reports with nothing
  continued of its own ("..., the statement continued", "“...,” Kurilla continued.");
- ``claims.verbs.called-for``: it is no speech verb but a finite demanding verb with "for"
  or "on" and what is demanded ("the governor called for an emergency meeting");
- ``claims.verbs.put-at``: it is no speech verb but an estimating one with a figure noun and
  "at" a number ("Kurdish officials have put the number at 10", "Airwars places the toll
  slightly higher at 34 fatalities": a disputed figure);
- ``claims.verbs.quoting``: an outlet quotes a source "as saying" ("SANA news agency quoted a
  military source as saying the attack took place at noon on Sunday"; passive: "the
  commander was quoted by Hawar as saying"): the outlet reports, and the source speaks
  through the gerund (its own claim); with no gerund that tells the words, after what was
  said ("..., Anadolu Agency quoted security sources as saying on Sunday"; "“...,” AFP quoted
  the minister"), the source speaks the sentence and the outlet relays it
  (``claims.verbs.quoted-source``);
- ``claims.verbs.colon-quote``: it ends its unit on a colon and a quotation opens the next
  ("The Defence Secretary said: ⏎ “...”"), which continues the claim;
- ``claims.verbs.document-finding``: it is no speech verb but a verb of finding with a
  content clause and a document as its subject ("A UN report found that ...", "the report
  concluded that ..."), or a statement's "read" ("The strikes destroyed 12 fighting positions,
  the statement read", dev k_northpress "the statement reads"; new articles of coalition
  releases relayed by Kurdish outlets).

A content clause includes the infinitive of claiming and pledging ("It claimed to have killed
13 members of Peshmerga forces", "pledged to help Iraqi leaders"); a reported object includes
any noun object of an announcing verb ("the CTS announced on Wednesday the arrest of six
suspected ISIS members", "The US has so far confirmed just sixteen of these events").

It attributes nothing when negated ("did not say"; "deny" excepted), as an infinitive or a
gerund after "without" ("to declare", "without saying"), or as the participle of a channel
noun ("a statement posted on X": the noun carries the attribution); :mod:`.nonreports` holds
these filters and the participles of claiming that report nothing. A gerund of saying in
its own clause speaks for the subject of the clause it hangs off ("France’s Armed Forces
Minister Florence Parly commented on the strike on Twitter, saying “we give no respite”";
"Masrour Barzani visited the family ..., telling reporters that ..."; "Iraq continues to
confront ... despite declaring military victory").

Who speaks is the verb's subject — the one after the verb, or the nearest before it, when the
parser gave it two ("Final batch of civilians evacuated ..., says SDF leader Mustafa Bali");
the phrase beside a dateline the parser took for the subject ("ERBIL, Kurdistan Region – The
Kurdish-led SDF declared ..."); the noun the parser made the sentence's root, with the verb
and its content clause a participle of it ("A military source reported earlier today that the
army's elite forces kicked off an operation", Fars); the noun after the verb only when what it reports comes first
("“...,” tweeted the US military"; not "Announcing victory over Daesh, the group ...").
"""

from __future__ import annotations

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.closed_class import (
    MEDIUM_PREPOSITIONS,
    RELATIVE_PRONOUNS,
)
from isisgraph.extract.claims.article import ClaimArticle, Found, Speaker
from isisgraph.extract.claims.attribution import Attribution, make_claim
from isisgraph.extract.claims.continuation import going_on, statement_date
from isisgraph.extract.claims.continuation import introduces_next_quote as unit_introduces_quote
from isisgraph.extract.claims.dates import claim_date
from isisgraph.extract.claims.lexicon import (
    ARMED_FORCES_BODIES,
    CLAIMED_NOUNS,
    CLAIMING_VERBS,
    CONTINUING_VERBS,
    DECLARING_VERBS,
    DEMAND_PREPOSITIONS,
    DEMANDING_VERBS,
    DENYING_VERBS,
    ESTIMATING_VERBS,
    FIGURE_NOUNS,
    FINDING_DOCUMENTS,
    FINDING_VERBS,
    GOVERNMENT_NOUNS,
    INFINITIVE_CONTENT_VERBS,
    OBJECT_REPORTING_VERBS,
    QUOTING_VERBS,
    SOCIAL_MEDIA,
    STATE_BODY_NOUNS,
    TITLE_WORDS,
    VICTORY_NOUNS,
    better_channel,
)
from isisgraph.extract.claims.nonreports import (
    claims_no_attack,
    claims_the_attack,
    is_restrictive_participle,
    negative_subject,
    shares_negation,
    withholds,
)
from isisgraph.extract.claims.quotes import Quote
from isisgraph.extract.claims.speaker_heads import (
    CONTENT_DEPS,
    content_before,
    is_saying_participle,
    speaker_head,
    trails_its_clause,
    trails_its_content,
)
from isisgraph.extract.claims.speakers import phrase_tokens, resolve
from isisgraph.extract.claims.statements import issuer_of_medium
from isisgraph.extract.shared import tokens_of
from isisgraph.extract.syntax.units import is_honorific

CONTENT_CLAUSE = "claims.verbs.content-clause"
PARENTHETICAL = "claims.verbs.parenthetical"
PASSIVE_AGENT = "claims.verbs.passive-agent"
RELATIVE_CONTENT = "claims.verbs.relative-content"
NOUN_CLAUSE = "claims.verbs.noun-clause"
REPORTED_OBJECT = "claims.verbs.reported-object"
AFTER_QUOTE = "claims.verbs.after-quote"
FRAMING_QUOTE = "claims.verbs.framing-quote"
CONTINUED_BY = "claims.verbs.continued-by"
QUOTING = "claims.verbs.quoting"
QUOTED_SOURCE = "claims.verbs.quoted-source"
PUT_AT = "claims.verbs.put-at"
COLON_QUOTE = "claims.verbs.colon-quote"
DOCUMENT_FINDING = "claims.verbs.document-finding"
CLAIMED_ATTACK = "claims.verbs.claimed-attack"
CONTINUED_AFTER = "claims.verbs.continued-after"
CALLED_FOR = "claims.verbs.called-for"
DEMANDING_HEADS = TITLE_WORDS | STATE_BODY_NOUNS | ARMED_FORCES_BODIES | GOVERNMENT_NOUNS  # who demands



def claims_of_verb(art: ClaimArticle, index: int, sent: DocSpan, verb: Token, rule: str) -> list[Found]:
    """The claims a speech verb attributes: one per speaker its subject names (or, when it
    names no one we know, the issuer of its medium), with the verb's channel and date."""
    head = speaker_head(art, verb)
    if head is None:
        return []
    speakers = joint_speakers(art, head, index) or issuer_of_medium(art, verb, index, resolve)
    if not speakers:
        return []
    lexicon = art.lexicon
    channel = verb_channel(art, verb)
    head_noun = head.lemma_.lower()
    if head_noun in lexicon.nouns and speakers[0].how == "description":
        channel = better_channel(channel, lexicon.nouns[head_noun])  # "the statement added"
    when, fallback = claim_date(art, sent, attribution_tokens(art, verb), verb.text)
    speaker_ids = {t.i for t in phrase_tokens(art, head)}
    content = [t for t in tokens_of(sent) if t.i not in speaker_ids]
    said = Attribution(verb, rule, channel, when, fallback, content, relay=relays(art, verb, sent))
    statement_date(art, head, said)
    going_on(art, index, verb, speakers[0], said)
    # "a campaign that the White House said ... was coming to an end": the content is the
    # sentence's noun, so the evidence is the sentence
    clause = sent if rule == RELATIVE_CONTENT else clause_of(art, verb, sent)
    source = quoted_source(art, verb) if rule == QUOTING else None
    sources = resolve(art, source, index) if source is not None else []
    if sources:
        said.relay = True  # the outlet relays the source's words: a later "he added" is the source
    found = [make_claim(art, index, clause, said, speaker) for speaker in speakers]
    if sources:
        own = Attribution(verb, QUOTED_SOURCE, "said", when, fallback, content)
        named = {f.claim.claimant for f in found}
        found += [make_claim(art, index, clause, own, s) for s in sources if s.claimant not in named]
    return found


def quoted_source(art: ClaimArticle, verb: Token) -> Token | None:
    """``claims.verbs.quoted-source``: the source an outlet quotes after what it said, when no
    gerund of its own tells the words ("..., Russian news agencies cited Russia’s Defence
    Ministry as saying on Monday", dev k_evonews-reuters; "..., state-run Anadolu Agency quoted
    security sources as saying on Sunday", o_reuters-yahoo; "..., Sputnik quoted the chief of
    the Russian General Staff's Main Operational Directorate as saying", p_tabnak; "“...,” AFP
    quoted Minister of State ... Mohammad Momani", e_jordantimes; "..., North Press
    correspondent quoted a security source", p_northpress): the source speaks the sentence,
    the outlet relays it. Not "SANA quoted a military source as saying the attack took place
    at noon", where the gerund has the words (the source's claim is the gerund's); nor "“...,” it
    quoted him as saying", whose pronoun the outlet's claim already covers (new dev
    r_ndtv-reuters: the gold codes the television alone)."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for gerund in prep.children:
                if any(c.dep_ in CONTENT_DEPS or c.dep_ == "dobj" for c in gerund.children):
                    return None
    quoted = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ != "PRON"]
    return quoted[0] if quoted and (content_before(art, verb) or trails_its_content(art, verb)) else None


def joint_speakers(art: ClaimArticle, head: Token, index: int) -> list[Speaker]:
    """The speakers of a subject and its conjuncts, each resolved on its own: "the SDF and the
    coalition announced the territorial defeat of ISIS" (Kurdistan 24), "Iraqi and Kurdish
    officials said". A conjunct speaks only when it names its speaker: one inferred from the
    context ("activists and commanders say", BBC: the commanders of which force?) is left out."""
    speakers = list(resolve(art, head, index))
    if head.lower_ in RELATIVE_PRONOUNS or art.in_quote(head) is not None:
        return speakers
    for conj in head.conjuncts:
        if conj.i < head.i or art.in_quote(conj) is not None or conj.pos_ not in ("NOUN", "PROPN"):
            continue
        if any(
            (t.tag_ == "VBG" or t.dep_ == "compound" and t.lower_.endswith("ing")) and art.ent_of(t) is None
            for t in art.doc[conj.left_edge.i : conj.i]
        ):
            continue  # "officials and the U.S.-led coalition fighting IS believe": the parser made the
            # object of the participle the conjunct; the one fought speaks not (new set s_militarycom-ap)
        for speaker in resolve(art, conj, index):
            named = speaker.how in ("actor", "person", "surname")
            if named and all(s.claimant != speaker.claimant for s in speakers):
                speakers.append(speaker)
    return speakers


def clause_of(art: ClaimArticle, verb: Token, sent: DocSpan) -> DocSpan:
    """The reporting clause when a speech verb sits in a subordinate clause of a sentence
    about something else ("..., even though the governments have declared victory"), else
    the sentence."""
    if (
        verb.dep_ not in ("advcl", "relcl", "conj", "ccomp")
        or art.in_quote(verb.head) is not None
        or is_saying_participle(verb)
        or trails_its_content(art, verb)
    ):
        return sent  # a gerund of saying is told of the subject of the sentence; a trailing verb reports it
    if verb.head in [v for v, _ in speech_verbs(art, sent)]:
        return sent
    doc = art.doc
    start, end = verb.left_edge.i, verb.right_edge.i + 1
    while start < end and (
        doc[start].dep_ in ("mark", "cc", "advmod", "punct") and doc[start].i < verb.i and doc[start].head == verb
        or doc[start].is_punct
    ):
        start += 1
    while end > start and doc[end - 1].is_punct and art.in_quote(doc[end - 1]) is None:
        end -= 1
    start, end = max(start, sent.start), min(end, sent.end)
    return doc[start:end] if end > start else sent


def speech_verbs(art: ClaimArticle, sent: DocSpan) -> list[tuple[Token, str]]:
    """The speech verbs of a sentence that attribute something, each with the rule that
    says so (read once per sentence)."""
    key = (sent.start, sent.end)
    cached = art.speech_verbs.get(key)
    if cached is None:
        cached = art.speech_verbs[key] = _find_speech_verbs(art, sent)
    return cached


def _find_speech_verbs(art: ClaimArticle, sent: DocSpan) -> list[tuple[Token, str]]:
    out = []
    sent_quotes = art.quotes_overlapping(sent.start_char, sent.end_char)
    for tok in tokens_of(sent):
        lemma = tok.lemma_.lower()
        if (
            lemma not in art.lexicon.verbs and not puts_figure_at(tok) and not document_finding(tok)
            and not demands(tok)
            or tok.pos_ not in ("VERB", "AUX")
        ):
            continue
        if art.in_quote(tok) is not None:
            continue
        if (any(c.dep_ == "neg" for c in tok.children) or negative_subject(tok)) and lemma not in DENYING_VERBS:
            continue
        if shares_negation(tok):
            continue  # "did not confirm or deny", "did not provide details or say where"
        if withholds(tok):
            continue  # "denied ISIL access to terrain": kept it from them, said nothing
        if is_restrictive_participle(tok) or claims_no_attack(tok):
            continue  # "the number of deaths so far admitted by the alliance": a noun, not a report
        if (
            tok.tag_ in ("VB", "VBG")
            and tok.dep_ in ("xcomp", "advcl", "pcomp", "acl")
            and lemma not in CONTINUING_VERBS
            and not is_saying_participle(tok)
        ):
            continue  # "to declare", "without saying": not itself an attribution
        if (
            tok.dep_ in ("acl", "relcl")
            and tok.head.lemma_.lower() in art.lexicon.nouns
            and not any(c.dep_ == "ccomp" for c in tok.children)
        ):
            continue  # "a statement (it) posted on X": the noun carries the attribution; not
            # "an army post ... which security sources said had killed ...", which reports its own clause
        rule = reporting_rule(art, tok, sent_quotes)
        if rule is not None:
            out.append((tok, rule))
    return out


def reporting_rule(art: ClaimArticle, verb: Token, sent_quotes: list[Quote]) -> str | None:
    """The rule by which a speech verb reports something (see the module docstring), or None."""
    deps = {c.dep_ for c in verb.children}
    if verb.lemma_.lower() in CONTINUING_VERBS:
        by_saying = any(
            c.dep_ == "prep" and c.lower_ == "by" and any(g.lemma_.lower() in art.lexicon.verbs for g in c.children)
            for c in verb.children
        )
        if by_saying:
            return CONTINUED_BY
        return trailing_continued(art, verb, sent_quotes)
    lemma = verb.lemma_.lower()
    if lemma in DEMANDING_VERBS:
        return CALLED_FOR if demands(verb) else None
    if puts_figure_at(verb):
        return PUT_AT
    if document_finding(verb):
        return DOCUMENT_FINDING
    if lemma in QUOTING_VERBS:
        return QUOTING if quotes_someone(art, verb) or quoted_source(art, verb) is not None else None
    if deps & {"ccomp", "parataxis"} or content_in_medium(art, verb):
        return CONTENT_CLAUSE
    if clause_taken_for_subject(verb):
        return CONTENT_CLAUSE  # "Top ISIS leader killed during a US raid, Biden says": the clause taken for a subject
    if "xcomp" in deps and lemma in INFINITIVE_CONTENT_VERBS:
        return CONTENT_CLAUSE  # "It claimed to have killed 13 members", "pledged to help"
    if lemma in OBJECT_REPORTING_VERBS | DECLARING_VERBS and any(
        c.dep_ == "xcomp" and c.tag_ == "VBG" and any(g.dep_ == "dobj" for g in c.children) for c in verb.children
    ):
        return REPORTED_OBJECT  # "announced completing the first phase", "has declared killing several leaders"
    if verb.dep_ == "parataxis":
        return PARENTHETICAL
    if "agent" in deps:
        return CLAIMED_ATTACK if claims_the_attack(verb) else PASSIVE_AGENT
    for child in verb.children:
        if child.dep_ == "dobj" and child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            return RELATIVE_CONTENT  # "a campaign that the White House said was coming to an end"
        if child.dep_ in ("dobj", "attr") and any(
            g.dep_ in ("ccomp", "acl") and g.left_edge.lower_ == "that" for g in child.children
        ):
            return NOUN_CLAUSE  # "expressed concern that ...", "made the point that ..."
        if child.dep_ in ("dobj", "attr") and (
            child.lemma_.lower() in CLAIMED_NOUNS
            or any(art.in_quote(t) for t in child.subtree)
            or any(t.lemma_.lower() in VICTORY_NOUNS for t in child.subtree)
            or lemma in OBJECT_REPORTING_VERBS and child.pos_ in ("NOUN", "PROPN", "NUM")
            and not is_saying_participle(verb)  # "leaflets urging residents to stay away"
        ):
            return REPORTED_OBJECT
    if verb.dep_ in ("ccomp", "conj") and verb.head.pos_ in ("VERB", "AUX") and art.in_quote(verb.head):
        return AFTER_QUOTE  # "“...,” tweeted the US military": the verb hangs off the quote
    if trails_its_content(art, verb) or trails_its_clause(art, verb):
        return PARENTHETICAL
    if any(frames(art, verb, quote) for quote in sent_quotes):
        return FRAMING_QUOTE
    if introduces_next_quote(art, verb):
        return COLON_QUOTE
    return None


def clause_taken_for_subject(verb: Token) -> bool:
    """ "Top ISIS leader killed during a US raid, Biden says": two subjects, the first set off
    by a comma, is what was said (a verbless clause) and its speaker."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return len(subjects) > 1 and any(s.i < verb.i and verb.doc[s.right_edge.i + 1].text == "," for s in subjects)


def demands(verb: Token) -> bool:
    """``claims.verbs.called-for``: "Kirkuk Governor Rakan Al Jubouri ... called for an
    emergency meeting", "Mr Al Jabouri called on units to be deployed" (dev
    r_thenational_kirkuk-riyadh, twice), "Barzani called for more cooperation" (dev
    k_northpress_garmiyan): a finite demanding verb with a subject and "for"/"on" and what
    is demanded reports that demand, when a person, an official or a body demands it; not
    "troops called for air support" (an act), "a fatwa calling for the fight", "could be
    called upon later", "a group called ISIS"."""
    return (
        verb.lemma_.lower() in DEMANDING_VERBS
        and verb.tag_ in ("VBD", "VBZ", "VBP")
        and any(c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or c.lemma_.lower() in DEMANDING_HEADS)
                for c in verb.children)
        and any(
            c.dep_ in ("prep", "prt") and c.lower_ in DEMAND_PREPOSITIONS and (
                any(g.dep_ == "pobj" for g in c.children) or any(g.dep_ == "dobj" for g in verb.children)
            )
            for c in verb.children
        )
    )


def trailing_continued(art: ClaimArticle, verb: Token, sent_quotes: list[Quote]) -> str | None:
    """``claims.verbs.continued-after``: "continue" after what it reports, with a speaker and
    nothing continued of its own ("..., the statement continued", "“...,” Kurilla continued.";
    dev m_lisaandrews-nrt, q_southfront-centcom): the speaker going on, as "added" does; not
    "the fighting continued", "continued to advance" (what goes on is an act)."""
    if any(c.dep_ in ("xcomp", "dobj", "prep", "nsubjpass") for c in verb.children):
        return None
    if not any(c.dep_ == "nsubj" and c.i > verb.left_edge.i for c in verb.children):
        return None
    if any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children):
        return CONTINUED_AFTER  # the parser's usual reading: what was said, then "X continued"
    if clause_taken_for_subject(verb):
        return CONTINUED_AFTER  # "The air raids ..., destroying ..., the statement continued"
    if trails_its_content(art, verb) or verb.dep_ in ("ccomp", "conj") and art.in_quote(verb.head):
        return CONTINUED_AFTER
    if any(frames(art, verb, quote) for quote in sent_quotes):
        return CONTINUED_AFTER
    return None


def introduces_next_quote(art: ClaimArticle, verb: Token) -> bool:
    """ "The Defence Secretary Ben Wallace said: ⏎ “The strikes continue ...”": the main speech
    verb of a unit that ends on a colon, followed by a quotation that opens the next unit (the
    quote is attached to the claim as it continues it: :mod:`.continuation`). UK and Canadian
    defence releases (dev c_ukpol-mod 'The department said in a statement:'; new dev articles
    of the Ministry of Defence and the Forces' news)."""
    if verb.dep_ != "ROOT":
        return False
    return unit_introduces_quote(art, art.sents[art.sent_of.get(verb.i, 0)])


def document_finding(verb: Token) -> bool:
    """ "A UN report found that ISIS still had up to 10,000 fighters", "the Pentagon's latest
    report to Congress concluded that ...": a verb of finding with a content clause reports
    it when a document is its subject (the United Nations' monitoring reports, dev
    a_thenational); "troops found that the tunnel was empty" reports nothing. The document may
    follow the verb, as its object, after what it says: "“...,” read a statement of the
    Security Media Cell carried by Alsumaria" (dev p_kayhan), "..., read the statement, noting
    ..." (i_zhyan), "“...,” reads a statement from the cell" (r_rudaw)."""
    if verb.lemma_.lower() not in FINDING_VERBS or not any(c.dep_ == "ccomp" for c in verb.children):
        return False
    return any(
        c.lemma_.lower() in FINDING_DOCUMENTS and (
            c.dep_ == "nsubj"
            or c.dep_ == "dobj" and c.i > verb.i and any(g.dep_ == "ccomp" and g.i < verb.i for g in verb.children)
        )
        for c in verb.children
    )


def content_in_medium(art: ClaimArticle, verb: Token) -> bool:
    """ "Iraqi Security Media Cell said in a statement that the Coalition warplanes conducted
    nine airstrikes": the that-clause the parser hung on the medium noun instead of the verb
    is the verb's content clause."""
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ not in MEDIUM_PREPOSITIONS:
            continue
        for obj in child.children:
            if obj.dep_ == "pobj" and obj.lemma_.lower() in art.lexicon.nouns and any(
                c.dep_ in ("acl", "relcl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                for c in obj.children
            ):
                return True
    return False


def puts_figure_at(verb: Token) -> bool:
    """ "Kurdish officials have put the number at 10" (Rudaw), "Airwars places the toll slightly
    higher at 34 fatalities" (Airwars): an estimating verb with a figure noun as object and
    "at" a number (on the verb or the noun)."""
    if verb.lemma_.lower() not in ESTIMATING_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in FIGURE_NOUNS]
    preps = [p for head in (verb, *objects) for p in head.children if p.dep_ == "prep" and p.lower_ == "at"]
    return bool(objects) and any(
        t.like_num or t.pos_ == "NUM" for p in preps for t in p.subtree
    )


def relays(art: ClaimArticle, verb: Token, sent: DocSpan) -> bool:
    """Whether a speech verb relays another of its sentence: it trails it ("..., the
    statement said, the Tass news agency reported")."""
    return trails_its_content(art, verb) and verb.head in [v for v, _ in speech_verbs(art, sent)]


def quotes_someone(art: ClaimArticle, verb: Token) -> bool:
    """ "SANA quoted a military source as saying ...": a verb of quoting with an object (or,
    in the passive, a subject and the outlet as its agent: "the commander was quoted by Hawar
    news agency as saying") and "as" with a gerund of saying."""
    deps = {c.dep_ for c in verb.children}
    return ("dobj" in deps or {"nsubjpass", "agent"} <= deps) and any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.lemma_.lower() in art.lexicon.verbs for g in c.children)
        for c in verb.children
    )


def frames(art: ClaimArticle, verb: Token, quote: Quote) -> bool:
    """Whether a quote frames the speech verb: “...,” [speaker] said / said [when, how]: “...”.
    The words between them may only be the speaker, the verb's own modifiers ("in a
    statement on Friday", "told reporters"), titles and punctuation."""
    own = {t.i for c in verb.children if c.dep_ not in CONTENT_DEPS for t in c.subtree}

    def framing(tok: Token) -> bool:
        return tok.is_punct or tok.is_space or tok.i in own or is_honorific(tok)

    if quote.outer.end <= verb.idx:
        after_quote = art.token_at(quote.outer.end)
        return all(framing(art.doc[i]) for i in range(after_quote, verb.i))
    if quote.outer.start >= verb.idx + len(verb):
        before_quote = art.token_at(quote.outer.start)
        return all(framing(art.doc[i]) for i in range(verb.i + 1, before_quote))
    return False


def verb_channel(art: ClaimArticle, verb: Token) -> str:
    """The channel of a speech verb; "said in a statement" / "on Twitter" is that medium."""
    lexicon = art.lexicon
    channel = lexicon.verbs.get(verb.lemma_.lower(), "said")
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in MEDIUM_PREPOSITIONS:
            for obj in child.children:
                noun = obj.lemma_.lower()
                if obj.dep_ == "pobj" and noun in lexicon.nouns:
                    return better_channel(channel, lexicon.nouns[noun])
                if obj.dep_ == "pobj" and noun in SOCIAL_MEDIA and obj.pos_ == "PROPN":
                    return "tweet"
    return channel


def attribution_tokens(art: ClaimArticle, verb: Token) -> list[Token]:
    """The words of the attribution itself (verb, speaker, date, medium), without the
    reported content nor a clause about the speaker ("who arrived on Monday"; a document's
    own clause stays: "a statement released on Monday"): the place to look for the claim's
    date."""
    out: list[Token] = []
    stack = [verb]
    while stack:
        tok = stack.pop()
        if art.in_quote(tok) is None:
            out.append(tok)
        for child in tok.children:
            if tok == verb and child.dep_ in CONTENT_DEPS:
                continue
            if (
                child.dep_ in ("relcl", "acl")
                and tok.dep_ in ("nsubj", "appos")
                and tok.lemma_.lower() not in art.lexicon.nouns
            ):
                continue  # "Saad Maan, who arrived on Monday, said ...": when he arrived, not when he said
            if tok == verb and child.dep_ in ("dobj", "attr") and (
                child.i < verb.i or verb.lemma_.lower() in OBJECT_REPORTING_VERBS | CLAIMING_VERBS
            ):
                continue  # the object reported ("reported details of yesterday’s strikes")
            if tok == verb and child.dep_ == "prep" and child.lower_ == "as" and verb.lemma_.lower() in QUOTING_VERBS:
                continue  # "quoted a source as saying the attack took place on Sunday": the source's words
            stack.append(child)
    return sorted(out, key=lambda t: t.i)
