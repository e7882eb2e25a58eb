"""Who speaks through a reporting verb: the noun phrase :func:`speaker_head` finds for
``claims.verbs`` (its passive agent, its subject, the phrase a dateline or an apposition sets
beside it, the noun after it when the content comes first, the noun a participle hangs on, or
the subject of the verb it is conjoined to), and the shape tests it rests on. The readings and
their examples are in the docstring of :mod:`isisgraph.extract.claims.verbs`; they were moved
here whole so that module stays under 600 lines."""

from __future__ import annotations

from spacy.tokens import Token

from isisgraph.closed_class import NOT_SAYING_PREPOSITIONS
from isisgraph.extract.claims.article import ClaimArticle
from isisgraph.extract.claims.lexicon import QUOTING_VERBS
from isisgraph.extract.syntax.tree import subject_chain
from isisgraph.extract.syntax.units import dateline_tokens, is_honorific

# How the parser hangs a trailing speaker on the last noun of the clause before: an apposition,
# or a conjunct after a comma.
SET_BESIDE = ("appos", "conj")
# The dependents of a speech verb that are the reported content, not the attribution.
CONTENT_DEPS = {"ccomp", "parataxis", "xcomp", "advcl", "conj"}


def is_saying_participle(verb: Token) -> bool:
    """A gerund of saying that tells what the subject of its clause said: "..., saying “we
    give no respite”", "visited the family, telling reporters that ...", "despite declaring
    victory"; not "without saying", "before announcing" (nor an infinitive: "to declare")."""
    if verb.tag_ != "VBG":
        return False
    if verb.dep_ == "advcl":
        return not any(c.dep_ in ("mark", "prep") and c.lower_ in NOT_SAYING_PREPOSITIONS for c in verb.children)
    if verb.dep_ == "pcomp":
        return verb.head.lower_ not in NOT_SAYING_PREPOSITIONS
    return False


def reported_host(verb: Token) -> bool:
    """ "According to the observatory, the IS had intensified its attacks ..., noting that 387
    people have been killed": the clause a gerund of saying hangs off is itself attributed to
    someone else by "according to", whose words the gerund goes on with; its subject (named
    inside what is reported) does not speak. A guard on the gerund reading, not a reading of
    its own: the one dev article that has the build is h_xinhua_mayadin."""
    clause = verb.head.head if verb.dep_ == "pcomp" else verb.head
    return any(c.dep_ == "prep" and c.lower_ == "according" for c in clause.children)


def participle_subject(verb: Token) -> Token | None:
    """Who speaks through a gerund of saying: the subject of the clause it hangs off ("France’s
    minister Florence Parly commented on the strike, saying ..."), through a preposition ("Iraq
    continues to confront ISIS despite declaring victory") and controlling verbs ("continues
    to confront"); the object of a verb of quoting ("SANA quoted a military source as saying")."""
    clause = verb.head
    if verb.dep_ == "pcomp":
        clause = verb.head.head
        if verb.head.lower_ == "as" and clause.lemma_.lower() in QUOTING_VERBS:
            # "SANA quoted a military source as saying"; passive: "the commander was quoted as saying"
            quoted = [c for c in clause.children if c.dep_ == "dobj"] or [
                c for c in clause.children if c.dep_ == "nsubjpass"
            ]
            return quoted[0] if quoted else None
    for _ in range(4):
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0] if subjects[0].dep_ == "nsubj" else None
        if clause.dep_ not in ("xcomp", "conj", "advcl") or clause.head == clause:
            return None
        clause = clause.head
    return None


def trails_its_content(art: ClaimArticle, verb: Token) -> bool:
    """ "Syrian government forces have completely liberated the city ..., Syrian state
    television reported on Friday"; "“...,” the statement said, the Tass news agency
    reported": an attribution with its own subject, after a comma at the end of the sentence,
    that the parser hung on the clause before it (as a conjunct or a complement) reports that
    clause. The same trailing attribution (dev: a_defensepost, b_aljazeera, b_anadolu,
    c_spacewar-afp, d_independent-ap ...) after a clause that ends on a noun the parser may
    hang on that noun as a relative clause ("The attack killed 12 soldiers, an army officer
    told AFP"; "... recaptured Sinjar, Kurdish leader Masoud Barzani declared on Friday"): it
    trails all the same, unless a relative pronoun opens it ("..., which the army said"); and
    hung on the clause as an adverbial clause ("..., as a result of which two guards were
    wounded, North Press correspondent quoted a security source", dev p_northpress), unless a subordinator opens
    it ("..., as officials said") or it is a gerund ("..., saying ...": :func:`is_saying_participle`)."""
    if verb.dep_ not in ("conj", "ccomp", "relcl", "acl", "advcl") or verb.head.i > verb.i:
        return False
    if verb.dep_ == "advcl" and (verb.tag_ in ("VBG", "VB") or any(c.dep_ == "mark" for c in verb.children)):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "acl":
        subjects = [verb.head] if appended_speaker(verb) else []
    if not subjects and not any(c.dep_ == "nsubjpass" for c in verb.children):
        beside = apposition_before(verb)  # "..., south of Samarra, Al Ekhbariya TV network reported"
        subjects = [beside] if beside is not None else []
    if not subjects or any(c.dep_ in CONTENT_DEPS for c in verb.children):
        return False
    if verb.dep_ == "relcl" and (
        subjects[0].tag_ in ("WDT", "WP") or any(c.tag_ in ("WDT", "WP", "WRB") for c in verb.children)
    ):
        return False
    start = min(subjects[0].left_edge.i, verb.i)
    head = verb.head
    if verb.dep_ == "relcl" and head.pos_ == "NOUN" and head.i + 1 == start:
        start = head.left_edge.i  # "..., the Kurdish news outlet Rudaw reported": the noun describes the name
    if start == 0 or verb.doc[start - 1].text != ",":
        return False
    sent = art.sents[art.sent_of.get(verb.i, 0)]
    rest = [t for t in verb.doc[verb.right_edge.i + 1 : sent.end] if not (t.is_punct or t.is_space)]
    return not rest


def trails_its_clause(art: ClaimArticle, verb: Token) -> bool:
    """ "In a separate incident, a policeman was killed ..., added the security cell statement"
    (dev n_gfatf-k24); "In Anbar, the security forces ... clashed with IS militants ..., a
    provincial security source told Xinhua on condition of anonymity" (j_xinhua); "After ...,
    Iraqi troops approached and a clash erupted, added the statement late Sunday"
    (n_trtworld): a trailing attribution after a comma whose clause the parser hung on the
    speech verb as an adverbial clause — finite, with its own subject and no subordinator
    ("When the army arrived, ..." is when, not what) — or on which it hung the speech verb as
    an unlabelled dependent, reports that clause, as the trailing attributions of
    :func:`trails_its_content` do."""
    if any(c.dep_ in ("ccomp", "parataxis") for c in verb.children) or art.in_quote(verb) is not None:
        return False
    doc = verb.doc
    if verb.dep_ == "dep" and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
        clause = verb.head
        end = verb.i
    else:
        clauses = [
            c for c in verb.children
            if c.dep_ == "advcl" and c.i < verb.i and c.pos_ in ("VERB", "AUX")
            and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            and not any(g.dep_ == "mark" for g in c.children)
        ]
        if not clauses:
            return False
        clause = clauses[-1]
        end = clause.right_edge.i + 1
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    attribution = min([verb.i, *(s.left_edge.i for s in subjects if s.i > clause.i)])
    if clause.dep_ == "advcl" and attribution != end + 1:
        return False  # something between the clause and who speaks: not a trailing attribution
    return 0 < attribution < len(doc) and doc[attribution - 1].text == "," and clause.i < attribution


def appended_speaker(verb: Token) -> bool:
    """ "The jets destroyed two vehicles near Raqqa, the coalition reported on Sunday": the
    speaker of a trailing attribution that the parser set beside the clause's last noun (an
    apposition) with the speech verb as its participle (a past tense, or a participle with no
    agent: not "the town, taken by the army")."""
    noun = verb.head
    return (
        noun.dep_ in ("appos", "npadvmod")
        and noun.pos_ in ("NOUN", "PROPN")
        and (verb.tag_ == "VBD" or verb.tag_ == "VBN" and not any(c.dep_ == "agent" for c in verb.children))
        and not any(c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in verb.children)
    )


def speaker_head(art: ClaimArticle, verb: Token) -> Token | None:
    """The noun phrase naming who speaks through ``verb``: its passive agent, its subject,
    the noun after it ("“...,” tweeted the US military"), or the subject of the speech verb
    it is conjoined to ("said X and added")."""
    children = list(verb.children)
    for child in children:
        if child.dep_ == "agent":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if subjects:
        datelines = dateline_tokens(art.doc)
        outside = [s for s in subjects if s.i not in datelines]
        return nearest_subject(verb, outside) if outside else out_of_dateline(art, subjects[0])
    if any(c.dep_ == "nsubjpass" for c in children):
        return None
    if is_saying_participle(verb):
        if reported_host(verb):
            return None
        subject = participle_subject(verb)
        return out_of_dateline(art, subject) if subject is not None else None
    beside = apposition_before(verb)
    if beside is not None:
        return beside  # "..., killing one soldier, a police source from Kirkuk told Xinhua"
    addressee = art.lexicon.verbs.get(verb.lemma_.lower()) == "told"
    for child in children:
        if (
            child.dep_ in ("dobj", "attr", "npadvmod")
            and not (addressee and child.left_edge.i == verb.i + 1)  # "..., told AFP": whom one tells never speaks
            and child.i > verb.i
            and child.pos_ in ("NOUN", "PROPN")
            and art.in_quote(child) is None
            and (content_before(art, verb) or trails_its_clause(art, verb))
        ):
            return child  # "“...,” tweeted the US military", "..., states the release"
    if verb.dep_ == "acl" and appended_speaker(verb) and trails_its_content(art, verb):
        return verb.head  # "..., the coalition reported on Sunday", read as a noun and its participle
    if (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBN", "VBD")
        and verb.head.dep_ == "ROOT"
        and verb.head.i < verb.i
        and verb.head.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "ccomp" for c in verb.children)
    ):
        return verb.head  # "A military source reported earlier today that ...", read as a noun and its participle
    if verb.dep_ == "conj" and verb.head.lemma_.lower() in art.lexicon.verbs:
        return speaker_head(art, verb.head)
    if verb.dep_ == "conj":
        # "military sources have neither confirmed nor refuted the reports and have said ...":
        # the subject the conjoined verbs share (the grammar's subject chain)
        for current in subject_chain(verb):
            shared = [c for c in current.children if c.dep_ == "nsubj"]
            if shared:
                return shared[0]
    return None


def apposition_before(verb: Token) -> Token | None:
    """ "A roadside bomb struck an army patrol, killing one soldier, a police source from
    Kirkuk told Xinhua": a speech verb without a subject right after a noun phrase that the
    parser set, after a comma, beside a noun of the clause before (an apposition) has that
    phrase as its speaker, the trailing attribution of the wires. The parser sets the outlet
    of a trailing "X reported" beside the clause's last noun as an apposition or a conjunct
    after a comma ("... through Tal al-Zahab region, south of Samarra, Al Ekhbariya TV network
    reported", dev b_tasnim; "... against the IS group in Syria, Agence France-Presse (AFP)
    reported", dev e_jordantimes): a conjunct set off by a comma alone, not by "and", is no
    member of a list."""
    doc = verb.doc
    if verb.i == 0:
        return None
    noun = doc[verb.i - 1]
    seen = {noun.i}
    while (
        noun.dep_ not in SET_BESIDE
        and noun.head.i not in seen  # the root, or a cycle of a hand-made parse
        and noun.head.i < verb.i
        and noun.head.right_edge.i == verb.i - 1
    ):
        noun = noun.head
        seen.add(noun.i)
    if noun.dep_ not in SET_BESIDE or noun.pos_ not in ("NOUN", "PROPN") or noun.right_edge.i != verb.i - 1:
        return None
    start = noun.left_edge.i
    return noun if start > 0 and doc[start - 1].text == "," else None


def nearest_subject(verb: Token, subjects: list[Token]) -> Token:
    """The speaker among a verb's subjects when the parser gave it two, the content's and the
    speaker's ("Final batch of civilians evacuated ..., says SDF leader Mustafa Bali", "'I
    announce the liberation by Iraqi forces ...,' the prime minister told"): the one after the
    verb, else the nearest before it."""
    # "said Maj. Ahmed Kader Ali", "Maj. Daniel Ortega Sr. said": a title or a full stop the
    # parser made a subject of its own belongs to the name, which speaks
    subjects = [s for s in subjects if not (is_honorific(s) or s.is_punct)] or subjects
    after = [s for s in subjects if s.i > verb.i]
    if after:
        return min(after, key=lambda s: s.i)
    before = sorted(subjects, key=lambda s: s.i)
    chosen = before[-1]
    # a phrase the parser cut into several subjects ("Former Iraqi Prime Minister Haider
    # al-Abadi": "Minister", "-", "Abadi") is one: its first part heads it; but a common noun
    # right before a name is the name's description ("The Iraqi news outlet Al-Sumaria
    # reported ...": "outlet", "Sumaria"; dev l_almonitor), and the name speaks
    for earlier in reversed(before[:-1]):
        gap = chosen.doc[earlier.right_edge.i + 1 : chosen.left_edge.i]
        if not all(t.text in ("-", "‐", "‑") for t in gap):
            break
        if not gap and earlier.pos_ == "NOUN" and chosen.pos_ == "PROPN":
            break
        chosen = earlier
    return chosen


def out_of_dateline(art: ClaimArticle, subject: Token) -> Token:
    """ "ERBIL, Kurdistan Region – The SDF declared ...": a subject the parser took from the
    dateline stands for the phrase set beside it (its apposition), who speaks."""
    datelines = dateline_tokens(art.doc)
    if subject.i not in datelines:
        return subject
    beside = [c for c in subject.children if c.dep_ == "appos" and c.i not in datelines]
    return beside[0] if beside else subject


def content_before(art: ClaimArticle, verb: Token) -> bool:
    """Whether what the verb reports comes before it ("“...,” tweeted the US military",
    "51 “have been in support of Iraqi forces,” states the release"): a content clause, the
    clause it hangs off, or a quotation, before the verb in its sentence."""
    if any(c.dep_ in CONTENT_DEPS and c.i < verb.i for c in verb.children):
        return True
    if verb.dep_ in ("ccomp", "parataxis") and verb.head.i < verb.i:
        return True
    if verb.dep_ == "conj" and verb.head.i < verb.i and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
        return True  # "..., claimed ..., reported the BBC"; not "public reports and confirmed Coalition strikes"
    sent = art.sents[art.sent_of.get(verb.i, 0)]
    return any(q.outer.end <= verb.idx for q in art.quotes_overlapping(sent.start_char, verb.idx))
