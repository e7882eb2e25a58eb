"""A document put out: "X released a statement saying ...", "a statement issued by X listing
...": the verb that attributes is the document's own participle, which the speech-verb rules
leave to the noun ("a statement posted on X": the noun carries the attribution), so the
sentence reports nothing unless the noun does.

- ``claims.statements.issued``: a noun of a medium of the channel scheme ("statement",
  "release", "communique") that is the object of a verb of issuing (``issuing-verbs``: "ISIS’
  Amaq News Agency released a statement saying that ISIS members launched an attack",
  North Press; "Prime Minister Nechirvan Barzani released a statement congratulating the
  president", Newsweek), or whose participle of issuing has a passive agent ("a statement
  issued by the United States Central Command on 15 September listing Australia as one of
  the coalition partners", Mirage C14 blog), and that has content of its own (a participle
  clause or a that-clause), is the claim of the issuer — the verb's subject or the agent —
  through that medium; so is a document whose content is the quotation its unit introduces
  with a colon ("Defence Minister Jason Kenney issued the following statement: ⏎ “...”",
  Canada's DND; "The Ministry issued this statement:", the UK's MoD). A negated verb ("did
  not release a statement") attributes nothing.
- ``claims.statements.disclosed``: a noun of what is made known (``disclosure-nouns``:
  "details", "update", "information") about something ("of", "on", "about") as the object of
  a verb of issuing is the claim of the verb's subject, through a statement: "The Royal Air
  Force has released details of a series of strikes" (BBC), "The Ministry of Defence has
  issued an update on the fight against Daesh" (UK government), "DND released more
  information early this morning about Canada's mission" (CAF Dispatch). "Released the
  prisoners", "published a video" report nothing.
- ``claims.statements.in-document``: a verb that is no speech verb but says what it does "in"
  a medium of the channel scheme ("In a statement issued on Sunday, the prime minister ordered
  that the devices be withdrawn", Irish Times; "In a statement published by the Amaq agency,
  ISIS took responsibility", ARA News) is what that document says: the claim of the
  document's issuer — the passive agent of its participle of issuing — else of the verb's
  subject, through that medium. Only a verb with a subject of its own, never negated.
"""

from __future__ import annotations

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.extract.claims.article import ClaimArticle, Found
from isisgraph.extract.claims.attribution import Attribution, make_claim
from isisgraph.extract.claims.continuation import introduces_next_quote
from isisgraph.extract.claims.dates import claim_date
from isisgraph.extract.claims.lexicon import DISCLOSURE_NOUNS, ISSUING_VERBS
from isisgraph.extract.claims.speakers import resolve
from isisgraph.extract.shared import tokens_of

ISSUED = "claims.statements.issued"
DISCLOSED = "claims.statements.disclosed"
IN_DOCUMENT = "claims.statements.in-document"

CONTENT_OF_NOUN = ("acl", "relcl", "ccomp")
ABOUT_PREPOSITIONS = ("of", "on", "about", "regarding", "concerning", "into")


def issued_claims(art: ClaimArticle, index: int, sent: DocSpan) -> list[Found]:
    """The claims of the documents a sentence says were put out (see the module docstring)."""
    out: list[Found] = []
    for noun in tokens_of(sent):
        if noun.pos_ != "NOUN" or art.in_quote(noun) is not None:
            continue
        channel = art.lexicon.nouns.get(noun.lemma_.lower())
        rule = ISSUED
        if channel is None and discloses(art, noun):
            channel, rule = "statement", DISCLOSED
        if channel is None:
            continue
        found = issuer_phrase(noun)
        if rule == ISSUED and (found is None or not content_clauses(noun, found[0])):
            framed = in_document(noun)
            if framed is not None:
                found, rule = framed, IN_DOCUMENT
        if found is None:
            continue
        verb, head = found
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        if rule == ISSUED and not content_clauses(noun, verb) and not introduced_quote(art, sent, noun, verb):
            continue
        speakers = resolve(art, head, index)
        if not speakers:
            continue
        words = [t for t in tokens_of(sent) if t.i not in {s.i for s in head.subtree}]
        when, fallback = claim_date(art, sent, attribution_words(verb, noun), verb.text)
        said = Attribution(verb, rule, channel, when, fallback, words)
        out.extend(make_claim(art, index, sent, said, speaker) for speaker in speakers)
    return out


def discloses(art: ClaimArticle, noun: Token) -> bool:
    """ "released details of the strikes", "issued an update on the fight": a disclosure noun
    that says what it is about, the object of a verb of issuing (see the module docstring)."""
    return (
        noun.lemma_.lower() in DISCLOSURE_NOUNS
        and noun.dep_ == "dobj"
        and noun.head.lemma_.lower() in ISSUING_VERBS
        and any(c.dep_ == "prep" and c.lower_ in ABOUT_PREPOSITIONS for c in (*noun.children, *noun.head.children))
    )


def introduced_quote(art: ClaimArticle, sent: DocSpan, noun: Token, verb: Token) -> bool:
    """ "X issued the following statement:" and a quotation after it: the document's content
    is that quotation, which continues the claim."""
    return noun.dep_ == "dobj" and verb.dep_ == "ROOT" and introduces_next_quote(art, sent)


def issuer_phrase(noun: Token) -> tuple[Token, Token] | None:
    """The verb of issuing and the head of the issuer's phrase: the subject of the verb the
    noun is the object of ("X released a statement"), also as a conjunct of the object ("On
    Thursday, Operation Inherent Resolve released strike video and a statement saying the raid
    ... took out 10 caves", new dev q_stripes), or the agent of the noun's own participle ("a
    statement issued by X")."""
    obj = noun
    while obj.dep_ == "conj" and obj.head.i < obj.i:
        obj = obj.head  # "released strike video and a statement saying ...": a conjunct of the object
    verb = obj.head
    if obj.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() in ISSUING_VERBS:
        # the nearest subject: the parser may take a dateline for a first one ("LONDON — X released")
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        return (verb, subjects[-1]) if subjects else None
    for child in noun.children:
        if child.dep_ == "acl" and child.lemma_.lower() in ISSUING_VERBS and child.tag_ == "VBN":
            agents = [g for a in child.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
            if agents:
                return child, agents[0]
    return None


def in_document(noun: Token) -> tuple[Token, Token] | None:
    """The verb that acts "in" the document and the head of its issuer's phrase: the agent of
    the document's participle of issuing ("in a statement published by Amaq"), else the
    verb's own subject ("in a statement, the minister ordered")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or verb.dep_ not in ("ROOT", "ccomp", "conj"):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    for child in noun.children:
        if child.dep_ == "acl" and child.lemma_.lower() in ISSUING_VERBS and child.tag_ == "VBN":
            agents = [g for a in child.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
            if agents:
                return verb, agents[0]
    return verb, subjects[-1]


def content_clauses(noun: Token, verb: Token) -> list[Token]:
    """What the document says: a clause of the noun other than the participle of issuing
    ("saying that ...", "listing Australia ...", "that ..."), or of that participle, where the
    parser may hang it ("a statement issued by X on Monday listing ...")."""
    clauses = [c for c in noun.children if c.dep_ in CONTENT_OF_NOUN and c != verb]
    if verb.head == noun:
        clauses += [c for c in verb.children if c.dep_ in ("advcl", "xcomp", "ccomp")]
    return [c for c in clauses if c.pos_ in ("VERB", "AUX")]


def attribution_words(verb: Token, noun: Token) -> list[Token]:
    """The words of the issuing, where its date is ("released a statement on Monday", "issued
    by CENTCOM on 15 September"): the verb's own words and the noun's, without the document's
    content."""
    content = {t.i for c in content_clauses(noun, verb) for t in c.subtree}
    words = [t for t in verb.subtree if t.i not in content]
    if noun.head == verb:
        return words
    return [*words, noun, *(t for c in noun.children if c.dep_ == "prep" for t in c.subtree)]
