"""Claims: reported speech with its speaker, channel, date, quote, type and what it is about.

``extract_claims(doc, article, ref, events, reports)`` reads the parse of one article and
returns its claims and the persons who speak in them. The rules come from the dependency
parse and the lexicons of ``ontology/schemes.ttl``: the speech verbs and channel nouns are
the labels of the ``channel`` scheme ("say", "tweet", "declare", "statement" ...), the cues
of a claim's type are the labels of the ``claim-type`` scheme ("claim responsibility",
"declare victory", "warn" ...).

How an attribution is found, sentence by sentence:

- a speech verb outside quotation marks that reports something: it has a content clause
  ("said that ...", "said the city is cleared"), a quote in its sentence ("“...,” said X",
  "X said: “...”"), a reported object ("declared the “total elimination ...”", "claimed
  responsibility for the attack"), a passive agent ("was confirmed by X") or it is a
  parenthetical ("The concern, officials said, lies in ...");
- "according to X", where X is a speaker or a statement ("according to a statement it
  released on Tuesday");
- a bare quote (a sentence or paragraph that is nothing but a quote) right after a claim —
  in the same or the next paragraph — continues that claim: the claim's evidence grows to
  cover it (it becomes the claim's quote when the claim had none), as news writing goes on
  quoting without repeating the attribution. "He added ..." / "He continued by ..." keep
  the previous claim's channel and date.

One claim per sentence and speaker ("according to the U.S. military, which said ..." is one
claim). Its span is the sentence, extended over the quotes it reports, or the reporting
clause when the speech verb sits in a subordinate clause of a sentence about something
else ("..., even though the governments have declared victory ...").

Speakers: a person (a PERSON entity, or a proper noun after a rank/courtesy title such as
"Col." or "Mr.", or a surname already named in the article) with the role written around
the name ("Defense Secretary Jim Mattis", "X, the spokesman for Operation Inherent
Resolve,", "X, who heads U.S. Central Command,") and the organisation that role names (an
operation stands for the actor that conducts it, ``ref.conducted_by``; "Iraq's prime
minister" for the Iraqi government); or an organisation: an ACTOR entity of the NLP stage;
a country or capital as subject ("Iraq declared", "Baghdad said") for its government;
"the statement" → whoever issued the last statement; "the group" → the armed group of the
last sentences named as an agent, then the one the article names most (and, for a claim of
responsibility, the perpetrator of the claimed attack when that is a different group);
"the ministry" → the organisation last named as a speaker with that noun; "the U.S.
officials" after "U.S. military officials said" → the more specific of the two; "the
governments in both countries" → the governments of the two countries the context names;
when the subject names no one, the issuer of the medium ("in a statement carried by Amaq").
Pronouns resolve to the last speaker: "he said" to the last person who spoke, "it" to an
organisation subject of the same sentence or the last organisation that spoke, "they" only
to the speaker of the previous sentence. A later surname ("Mr. Phillips", "al-Khafaji")
attaches to the person of that surname named earlier (the Arabic article does not count:
"Al-Sharifi" is "al-Sharifi"); a misspelt surname ("Dillion" for "Dillon") attaches when the
edit distance is 1 and the surname has at least five letters, with lower confidence. A
speaker that cannot be resolved to an actor ("analysts say", "security sources said")
yields no claim — the shapes require a claimant — rather than a guessed one.

Claim dates: the date expression attached to the speech verb or to the "according to"
phrase ("tweeted on Tuesday", "said last month", "in a statement released on Monday"),
never a date inside the reported content. A claim with no such date in an article with a
publication date ("X said", "according to Y") is dated to the publication date with
precision ``approximate`` (``raw`` is the speech verb): news reports speech of the day or the
day before, so the day is likely but not stated. Without a publication date nothing is
invented: a stated date keeps its raw text unresolved, an unstated one gives no date.

Claim types, first that applies: responsibility ("claimed the attack", the claim-type
scheme's cues), victory declaration (a declaring verb with a victory cue, or "declare
victory"), denial, assessment when the reported verb is one of belief or fear ("said they
don't fear a resurgence"), warning, figure (a percentage, a large number or a count of
something the measure, target-type or strike lexicons name), assessment (an analyst's or
expert's words, evaluative cues), else statement.

Confidence (0–1): 0.85 a named person with a speech verb; 0.8 an organisation, "according
to" or a surname matched exactly; 0.7 a speaker resolved through a pronoun, "the
statement", "the ministry" or "the group" named as an agent (0.5 otherwise); 0.65 a
surname matched with one edit; minus 0.05 when the date is only the publication date, and
minus 0.05 when a bare quote was attached to the claim.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from isisgraph.closed_class import ARABIC_ARTICLES, GROUP_PRONOUNS, PERSON_PRONOUNS, RELATIVE_PRONOUNS
from isisgraph.extract.dates import find_dates
from isisgraph.extract.numbers import find_counts
from isisgraph.extract.shared import SpanIndex, entities, once_per_doc, text_of, tokens_of
from isisgraph.extract.syntax.units import is_honorific, units
from isisgraph.namespaces import ID, slugify
from isisgraph.records import Article, Claim, Event, Person, Span, StrikeReport, When
from isisgraph.reference import Reference

PERSON_BASE = str(ID) + "person/"
DOMAIN_LABELS = ("ACTOR", "PLACE", "OPERATION")
ORG_ENT_LABELS = {"ACTOR", "ORG", "GPE", "NORP"}

# Quotation marks: curly pairs and the straight double quote. Single quotes are not read as
# quotation marks: "’" is far more often an apostrophe ("ISIS’ advance").
OPEN_QUOTES = "\u201c\u00ab\u201e"
CLOSE_QUOTES = "\u201d\u00bb"
STRAIGHT_QUOTE = '"'

# Title words that belong to a role ("Defense Secretary", "Security Media Cell director");
# a name never extends over them.
TITLE_WORDS = {
    "secretary",
    "minister",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "director",
    "chief",
    "head",
    "leader",
    "ambassador",
    "envoy",
    "official",
    "expert",
    "analyst",
    "fellow",
    "researcher",
    "journalist",
    "reporter",
    "correspondent",
    "professor",
    "premier",
    "king",
    "prince",
    "emir",
    "mayor",
    "deputy",
    "adviser",
    "advisor",
    "representative",
    "coordinator",
    "governor",
    "chairman",
    "chairwoman",
    "speaker",
    "general",
    "prime",
}
# Roles whose words are analysis rather than an official's statement.
ANALYST_ROLES = {
    "expert",
    "analyst",
    "fellow",
    "researcher",
    "scholar",
    "professor",
    "journalist",
    "academic",
    "lecturer",
    "observer",
    "commentator",
    "specialist",
}
# Verbs of a relative clause that gives a person's post: "who heads U.S. Central Command".
ROLE_VERBS = {"head", "lead", "command", "run", "direct", "chair", "oversee", "represent"}
# Definite descriptions of the armed group the article is about.
GROUP_NOUNS = {
    "group",
    "militant",
    "jihadist",
    "extremist",
    "insurgent",
    "terrorist",
    "organization",
    "organisation",
    "militia",
}
GOVERNMENT_NOUNS = {"government", "authority", "regime", "administration", "ministry", "cabinet"}
# Head nouns of a "US-led ..." phrase that name the multinational command.
COALITION_NOUNS = {"coalition", "operation", "alliance", "force", "mission", "campaign"}
# Heads whose nationality modifier speaks for the country ("Iranian media", "Iraqi officials").
STATE_VOICE_NOUNS = {
    "media",
    "official",
    "officials",
    "military",
    "army",
    "force",
    "forces",
    "ministry",
    "government",
    "authority",
    "authorities",
    "agency",
    "television",
    "tv",
    "spokesman",
    "source",
    "sources",
    "command",
    "intelligence",
}
# Nouns of the things a group claims ("claimed the attack", "claimed responsibility").
CLAIMED_NOUNS = {
    "responsibility",
    "attack",
    "bombing",
    "blast",
    "assault",
    "killing",
    "ambush",
    "explosion",
    "strike",
    "kidnapping",
    "abduction",
    "assassination",
    "operation",
    "credit",
    "shooting",
    "raid",
    "beheading",
    "execution",
}
# Verbs modifying an actor that make it not the speaker: "US-led", "US-backed".
NOT_SPEAKER_PARTICIPLES = {
    "led",
    "backed",
    "supported",
    "sponsored",
    "trained",
    "funded",
    "armed",
    "linked",
    "allied",
    "aligned",
    "affiliated",
    "based",
    "run",
}
# Assessment cues: verbs of belief and words of evaluation (kept small; the claim-type
# scheme's labels are the main lexicon).
ASSESSMENT_VERBS = {
    "believe",
    "think",
    "assess",
    "fear",
    "expect",
    "estimate",
    "predict",
    "doubt",
    "consider",
    "argue",
    "suggest",
}

CHANNEL_PRIORITY = ("tweet", "statement", "briefing", "declared", "claimed", "told", "report", "according-to", "said")


# ----------------------------------------------------------------------------- quotes


@dataclass(frozen=True)
class Quote:
    """A quotation: ``outer`` includes the marks, ``inner`` the verbatim words inside them
    (surrounding spaces and the reporter's trailing comma removed)."""

    outer: Span
    inner: Span
    closed: bool = True


def find_quotes(text: str) -> list[Quote]:
    """Every double-quoted passage, paired per paragraph: “…”, "…" and mixed "…”.

    A quote left open at the end of a paragraph runs to the paragraph's end (the news
    convention for a quote continued in the next paragraph)."""
    quotes: list[Quote] = []
    offset = 0
    for line in text.split("\n"):
        opened: int | None = None
        for i, ch in enumerate(line):
            if ch in OPEN_QUOTES or (ch == STRAIGHT_QUOTE and opened is None):
                opened = i  # an unclosed earlier opener is abandoned
            elif (ch in CLOSE_QUOTES or ch == STRAIGHT_QUOTE) and opened is not None:
                quote = _make_quote(text, offset + opened, offset + i + 1, closed=True)
                if quote is not None:
                    quotes.append(quote)
                opened = None
        if opened is not None:
            end = offset + len(line.rstrip())
            quote = _make_quote(text, offset + opened, end, closed=False)
            if quote is not None:
                quotes.append(quote)
        offset += len(line) + 1
    return quotes


def _make_quote(text: str, start: int, end: int, closed: bool) -> Quote | None:
    inner_start, inner_end = start + 1, end - 1 if closed else end
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and (text[inner_end - 1].isspace() or text[inner_end - 1] == ","):
        inner_end -= 1
    if inner_end - inner_start < 2:
        return None
    return Quote(outer=Span(start, end), inner=Span(inner_start, inner_end), closed=closed)


# ----------------------------------------------------------------------------- lexicons


@dataclass
class Lexicon:
    """The speech verbs, channel nouns and claim-type cues, read from the SKOS schemes."""

    verbs: dict[str, str]  # lemma -> channel slug
    nouns: dict[str, str]  # channel noun lemma -> channel slug ("statement", "tweet")
    type_cues: dict[str, list[tuple[str, ...]]]  # claim-type slug -> label word sequences

    @classmethod
    def from_reference(cls, ref: Reference) -> Lexicon:
        verbs: dict[str, str] = {}
        nouns: dict[str, str] = {}
        for slug, concept in ref.scheme("channel").items():
            for label in concept.labels:
                words = label.lower().split()
                if len(words) != 1:
                    continue
                word = words[0]
                if slug in ("statement", "briefing") or word in (
                    "statement",
                    "release",
                    "communique",
                    "briefing",
                    "interview",
                ):
                    nouns.setdefault(word, slug)
                else:
                    verbs.setdefault(word, slug)
                    if slug in ("tweet", "report"):
                        nouns.setdefault(word, slug)
        # The slug itself is a usable word when it is one ("tweet", "statement").
        for slug in ref.scheme("channel"):
            if "-" not in slug and slug not in ("said", "told", "declared", "claimed"):
                nouns.setdefault(slug, slug)
        cues: dict[str, list[tuple[str, ...]]] = {}
        for slug, concept in ref.scheme("claim-type").items():
            sequences = {tuple(label.lower().split()) for label in concept.labels}
            sequences.discard(tuple(concept.pref_label.lower().split()))
            cues[slug] = sorted(sequences)
        return cls(verbs=verbs, nouns=nouns, type_cues=cues)


def _matches_words(tokens: Sequence[Token], words: tuple[str, ...]) -> bool:
    """Whether the word sequence occurs in the tokens, each word matching a token's lower
    form or lemma ("declare victory" matches "declared victory")."""
    return _matches_forms(_word_forms(tokens), words)


def _word_forms(tokens: Sequence[Token]) -> list[tuple[str, str]]:
    """Each token's lower form and lower-cased lemma, what a cue word may match."""
    return [(t.lower_, t.lemma_.lower()) for t in tokens]


def _matches_forms(forms: list[tuple[str, str]], words: tuple[str, ...]) -> bool:
    n = len(words)
    if n == 0:
        return False
    return any(all(words[k] in forms[i + k] for k in range(n)) for i in range(len(forms) - n + 1))


# ----------------------------------------------------------------------------- speakers


@dataclass
class Speaker:
    """Who speaks: an actor IRI, or a person with the organisation they speak for."""

    claimant: str
    person: Person | None = None
    on_behalf_of: str | None = None
    confidence: float = 0.8
    how: str = "actor"  # actor | person | pronoun | surname | description | context


@dataclass
class ArticleState:
    """What the reader remembers while going through an article."""

    persons: dict[str, Person] = field(default_factory=dict)  # IRI -> Person
    last_person: Speaker | None = None
    last_person_at: int = -1  # sentence of the last person's claim
    # An unnamed official who spoke for an organisation ("the SDF commander said"): a later
    # "he said" may be them. (sentence, speaker)
    last_official: tuple[int, Speaker] | None = None
    last_org: tuple[int, Speaker] | None = None  # (sentence index, speaker)
    last_statement: tuple[Speaker, When | None] | None = None
    # Head nouns of organisations named as speakers ("the Peshmerga ministry" → "ministry"),
    # so that a later "the ministry said" refers back to them: lemma -> (sentence, speaker).
    org_heads: dict[str, tuple[int, Speaker]] = field(default_factory=dict)
    last_claim: tuple[int, int, Claim, Speaker] | None = None  # (sentence, paragraph, claim, speaker)
    claimed_quotes: set[Span] = field(default_factory=set)


class ClaimReader:
    """Reads the claims of one parsed article."""

    def __init__(self, doc: Doc, article: Article, ref: Reference) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.article = article
        self.ref = ref
        self.lexicon = Lexicon.from_reference(ref)
        self.quotes = find_quotes(self.text)
        # quotes neither overlap nor nest: their starts and ends are both sorted
        self.quote_starts = [q.outer.start for q in self.quotes]
        self.quote_ends = [q.outer.end for q in self.quotes]
        self.sents = units(doc)
        self.sent_of = {}
        for index, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = index
        self.paragraph_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        ents = entities(doc)
        self.domain_ents = [e for e in ents if e.label_ in DOMAIN_LABELS and e.ent_id_]
        # entities do not overlap: by token and by character, starts and ends are sorted
        self.domain_starts = [e.start for e in self.domain_ents]
        self.domain_ends = [e.end for e in self.domain_ents]
        self.domain_start_chars = [e.start_char for e in self.domain_ents]
        self.domain_end_chars = [e.end_char for e in self.domain_ents]
        self._armed_group_counts: dict[str, int] | None = None
        self.person_ents = [e for e in ents if e.label_ == "PERSON"]
        self.person_starts = [e.start for e in self.person_ents]
        # Lookups by token, built once: long releases have thousands of tokens.
        self.token_ends = [tok.idx + len(tok.text_with_ws) for tok in tokens_of(doc)]
        self.ent_by_token = {i: ent for ent in self.domain_ents for i in range(ent.start, ent.end)}
        self.quote_by_token: dict[int, Quote] = {}
        for quote in self.quotes:
            for i in range(self._token_at(quote.outer.start), self._token_at(max(quote.outer.end - 1, 0)) + 1):
                if i < len(doc) and quote.outer.start <= doc[i].idx < quote.outer.end:
                    self.quote_by_token[i] = quote
        self._speech_verbs: dict[tuple[int, int], list[Token]] = {}
        self.state = ArticleState()
        self.countable_nouns = countable_nouns(ref)
        self.unit_of: dict[int, int] = {}  # id(claim) -> index of its sentence unit
        self.how_of: dict[int, str] = {}  # id(claim) -> how its speaker was resolved
        self._sentence_claims: list[Claim] | None = None

    # ------------------------------------------------------------------ text geometry

    def paragraph(self, char: int) -> int:
        lo, hi = 0, len(self.paragraph_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.paragraph_starts[mid] <= char:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def paragraph_bounds(self, char: int) -> tuple[int, int]:
        index = self.paragraph(char)
        start = self.paragraph_starts[index]
        end = self.paragraph_starts[index + 1] - 1 if index + 1 < len(self.paragraph_starts) else len(self.text)
        return start, end

    def previous_paragraph(self, index: int) -> int:
        """The index of the nearest non-blank paragraph before ``index`` (or -1)."""
        text = self.text
        index -= 1
        while index >= 0:
            start = self.paragraph_starts[index]
            end = self.paragraph_starts[index + 1] - 1 if index + 1 < len(self.paragraph_starts) else len(text)
            if text[start:end].strip():
                return index
            index -= 1
        return -1

    def in_quote(self, token: Token) -> Quote | None:
        return self.quote_by_token.get(token.i)

    def tokens_in(self, span: Span) -> list[Token]:
        """The tokens that start inside a character span."""
        first = self._token_at(span.start)
        return [t for t in self.doc[first : self._token_at(span.end) + 1] if span.start <= t.idx < span.end]

    def quotes_overlapping(self, start: int, end: int) -> list[Quote]:
        first = bisect.bisect_right(self.quote_ends, start)  # the first quote ending after start
        return self.quotes[first : bisect.bisect_left(self.quote_starts, end, lo=first)]

    def domain_ents_starting_in(self, first: int, last: int) -> list[DocSpan]:
        """The domain entities starting at tokens ``first`` to ``last``."""
        starts = self.domain_starts
        return self.domain_ents[bisect.bisect_left(starts, first) : bisect.bisect_right(starts, last)]

    def persons_starting_in(self, first: int, last: int) -> list[DocSpan]:
        """The PERSON entities starting at tokens ``first`` to ``last``."""
        starts = self.person_starts
        return self.person_ents[bisect.bisect_left(starts, first) : bisect.bisect_right(starts, last)]

    def domain_ents_within(self, start: int, end: int) -> list[DocSpan]:
        """The domain entities lying wholly in tokens ``start`` to ``end``."""
        first = bisect.bisect_left(self.domain_starts, start)
        return self.domain_ents[first : bisect.bisect_right(self.domain_ends, end)]

    def domain_ents_within_chars(self, start: int, end: int) -> list[DocSpan]:
        """The domain entities lying wholly in characters ``start`` to ``end``."""
        first = bisect.bisect_left(self.domain_start_chars, start)
        return self.domain_ents[first : bisect.bisect_right(self.domain_end_chars, end)]

    def ent_of(self, token: Token) -> DocSpan | None:
        return self.ent_by_token.get(token.i)

    def trimmed_span(self, start: int, end: int) -> Span:
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Span(start, max(end, start + 1))

    # ------------------------------------------------------------------ reference helpers

    def actor_iri(self, ent: DocSpan) -> str | None:
        """The actor an entity stands for: an actor itself, the actor conducting an
        operation, or the government of a country."""
        iri = ent.ent_id_
        if ent.label_ == "ACTOR" or self.ref.is_a(iri, "Actor"):
            return iri
        if ent.label_ == "OPERATION" or self.ref.is_a(iri, "Operation"):
            conductors = self.ref.conducted_by.get(iri, [])
            return conductors[0] if conductors else None
        return None

    def government_of(self, country: str) -> str | None:
        """The government of a country place, from the reference data: among the
        ig:Government actors of that country, the one named after it ("Iraqi government",
        "Syrian regime") rather than a regional one ("Kurdistan Regional Government")."""
        if self.ref.is_a(country, "Actor"):
            return country
        name = self.ref.label(country).lower()
        stem = name[: max(4, len(name) - 1)]
        ranked: list[tuple[int, str]] = []
        for iri, classes in self.ref.types.items():
            if "Government" not in classes or self.ref.countries.get(iri) != country:
                continue
            named = any(alias.lower().startswith(stem) for alias in self.ref.aliases.get(iri, []))
            ranked.append((0 if named else 1, iri))
        return min(ranked)[1] if ranked else None

    def country_actor(self, ent: DocSpan) -> str | None:
        """A country entity used as a voice ("Iraq's prime minister", "Iranian media")."""
        iri = ent.ent_id_
        if ent.label_ == "ACTOR":
            return iri
        if self.ref.is_a(iri, "Country"):
            return self.government_of(iri)
        return None

    def is_armed_group(self, iri: str) -> bool:
        return self.ref.is_a(iri, "ArmedGroup")

    # ------------------------------------------------------------------ persons

    def register_person(self, name: str, role: str | None, orgs: list[str]) -> Person:
        """The person of this name (minted once per article; a later role or organisation
        fills what the first mention lacked)."""
        iri = PERSON_BASE + slugify(name)
        known = self.state.persons.get(iri)
        if known is None:
            person = Person(ref=iri, name=name, role=role, member_of=tuple(dict.fromkeys(orgs)))
        else:
            person = Person(
                ref=iri,
                name=known.name,
                role=known.role or role,
                member_of=tuple(dict.fromkeys([*known.member_of, *orgs])),
            )
        self.state.persons[iri] = person
        return person

    def person_by_surname(self, surname: str) -> tuple[Person, int] | None:
        """The latest person whose surname matches (exactly, or with one edit when the name
        is at least five letters): (person, edit distance)."""
        wanted = _fold_name(surname)
        best: tuple[Person, int] | None = None
        for person in self.state.persons.values():
            last = _fold_name(person.name.split()[-1])
            if last == wanted:
                best = (person, 0)
            elif (best is None or best[1] > 0) and (
                min(len(last), len(wanted)) >= 5 and _edit_distance(last, wanted) == 1
            ):
                best = (person, 1)
        return best

    def person_speaker(self, name_tokens: list[Token], np_tokens: list[Token], head: Token) -> Speaker:
        """A person speaker from the tokens of their name and of the phrase around it."""
        name = _name_text(name_tokens)
        single = len(name.split()) == 1
        match = self.person_by_surname(name) if single else None
        role, orgs = self.role_and_orgs(name_tokens, np_tokens, head)
        if match is not None:
            person, distance = match
            person = self.register_person(person.name, role, orgs)
            on_behalf = orgs[0] if orgs else (person.member_of[0] if person.member_of else None)
            return Speaker(person.ref, person, on_behalf, 0.65 if distance else 0.8, "surname")
        person = self.register_person(name, role, orgs)
        on_behalf = orgs[0] if orgs else (person.member_of[0] if person.member_of else None)
        return Speaker(person.ref, person, on_behalf, 0.85, "person")

    def role_and_orgs(
        self, name_tokens: list[Token], np_tokens: list[Token], head: Token
    ) -> tuple[str | None, list[str]]:
        """The role written around a name and the organisations it names, role first.

        The appositive after the name wins ("X, the spokesman for Operation Inherent
        Resolve,"); otherwise the title words before it ("Defense Secretary X"); a title
        that is only an organisation's name ("UK Maj. Gen. X") gives the organisation, no role."""
        doc = self.doc
        first, last = name_tokens[0], name_tokens[-1]
        sent = doc[first.i].sent
        appos = self.appositive_after(last, sent)
        if appos is None:
            appos = self.role_clause_after(last)
        if appos is None and head.i < first.i and head.pos_ == "NOUN":
            # "the spokesman for the coalition, Col. X": the role is the head phrase.
            start = head.left_edge.i
            end = first.i
            while end > start and doc[end - 1].is_punct:
                end -= 1
            appos = doc[start:end] if end > start else None
        pre = [t for t in np_tokens if t.i < first.i and t not in (appos or ())]
        pre = [t for t in pre if t.i >= self._pre_title_start(first)]
        title = [t for t in pre if not is_honorific(t) and t.pos_ != "DET" and not t.is_punct]
        role_tokens: list[Token] = []
        orgs: list[str] = []
        if appos is not None:
            role_tokens = [t for t in appos if not (t.i == appos.start and t.pos_ == "DET")]
            orgs.extend(self.orgs_in(appos))
        if title:
            title_orgs = self.orgs_in(title)
            only_names = all(t.ent_type_ in ORG_ENT_LABELS | set(DOMAIN_LABELS) for t in title) and not any(
                t.lower_ in TITLE_WORDS for t in title
            )  # "UK Maj. Gen. X" names an organisation; "Iraqi Prime Minister X" a post
            if not role_tokens and not only_names:
                role_tokens = title
            orgs.extend(o for o in title_orgs if o not in orgs)
        role = None
        if role_tokens:
            role = self.text[role_tokens[0].idx : role_tokens[-1].idx + len(role_tokens[-1])].strip(" ,")
            role = re.sub(r"\s+", " ", role) or None
        return role, orgs

    def _pre_title_start(self, first: Token) -> int:
        """Where the title words before a name start: the run of compounds, proper nouns,
        nouns, adjectives and titles directly left of the name."""
        i = first.i
        sent_start = first.sent.start
        while i - 1 >= sent_start:
            prev = self.doc[i - 1]
            if prev.is_punct and prev.text not in (".", "-"):
                break
            if prev.pos_ in ("PROPN", "NOUN", "ADJ") or is_honorific(prev) or prev.text in (".", "-"):
                i -= 1
                continue
            if prev.tag_ == "POS" and i - 2 >= sent_start:  # "the SDF's spokesman X"
                i -= 1
                continue
            break
        return i

    def appositive_after(self, last: Token, sent: DocSpan) -> DocSpan | None:
        """The appositive phrase after a name: ", a spokesman for the U.S. military," — up to
        the next comma, extended over comma-separated organisation names (", CJTF-OIR,")."""
        doc = self.doc
        i = last.i + 1
        if i >= sent.end or doc[i].text != ",":
            return None
        start = i + 1
        end = self._segment_end(start, sent)
        if end <= start:
            return None
        segment = doc[start:end]
        if not _looks_like_appositive(segment):
            return None
        while end < sent.end and doc[end].text == ",":
            nxt = self._segment_end(end + 1, sent)
            extension = doc[end + 1 : nxt]
            if (
                len(extension)
                and all(t.ent_type_ in ORG_ENT_LABELS | set(DOMAIN_LABELS) or t.pos_ == "DET" for t in extension)
                and any(t.ent_type_ for t in extension)
            ):
                end = nxt
            else:
                break
        return doc[start:end]

    def role_clause_after(self, last: Token) -> DocSpan | None:
        """A role given as a relative clause: "X, who heads U.S. Central Command," → the
        clause without "who" ("heads U.S. Central Command")."""
        for child in last.children:
            if child.dep_ == "relcl" and child.lemma_.lower() in ROLE_VERBS:
                subjects = [c for c in child.children if c.dep_ == "nsubj" and c.lower_ == "who"]
                if subjects:
                    start, end = child.i, child.right_edge.i + 1
                    while end > start and self.doc[end - 1].is_punct:
                        end -= 1
                    return self.doc[start:end]
        return None

    def _segment_end(self, start: int, sent: DocSpan) -> int:
        doc = self.doc
        end = start
        while end < sent.end:
            tok = doc[end]
            if tok.text in (",", ";", ":") or tok.text in OPEN_QUOTES + CLOSE_QUOTES + STRAIGHT_QUOTE:
                break
            if tok.is_punct and tok.text in (".", "?", "!") and end == sent.end - 1:
                break
            if tok.lemma_.lower() in self.lexicon.verbs and tok.pos_ == "VERB":
                break
            end += 1
        return end

    def orgs_in(self, tokens: Iterable[Token]) -> list[str]:
        """Organisations named in a role: actors, operations (→ the actor conducting them),
        and countries in the possessive ("Iraq's prime minister" → its government)."""
        out: list[str] = []
        seen_ents: set[int] = set()
        for tok in tokens:
            ent = self.ent_of(tok)
            if ent is None or ent.start in seen_ents:
                continue
            seen_ents.add(ent.start)
            iri: str | None
            if ent.label_ == "PLACE":
                possessive = ent.end < len(self.doc) and self.doc[ent.end].tag_ == "POS" or ent.root.dep_ == "poss"
                iri = self.country_actor(ent) if possessive else None
            else:
                iri = self.actor_iri(ent)
            if iri and not self.ref.is_a(iri, "Person") and iri not in out:
                out.append(iri)
        return out

    # ------------------------------------------------------------------ resolving a phrase

    def phrase_tokens(self, head: Token) -> list[Token]:
        """The noun phrase headed by ``head`` without its clauses and quoted words."""
        skip_deps = {"relcl", "acl", "ccomp", "advcl", "parataxis", "xcomp"}
        out: list[Token] = []
        stack = [head]
        while stack:
            tok = stack.pop()
            if self.in_quote(tok) is not None and tok != head:
                continue
            out.append(tok)
            stack.extend(c for c in tok.children if c.dep_ not in skip_deps)
        return sorted(out, key=lambda t: t.i)

    def resolve(self, head: Token, sent_index: int) -> list[Speaker]:
        """The speaker(s) a noun phrase names; empty when it names no one we can resolve."""
        lower = head.lower_
        if lower in PERSON_PRONOUNS:
            official = self.state.last_official
            if official is not None and official[0] > self.state.last_person_at and sent_index - official[0] <= 3:
                return [replace(official[1], confidence=0.6, how="pronoun")]  # "the SDF commander said ... he added"
            return (
                [replace(self.state.last_person, confidence=0.7, how="pronoun")]
                if self.state.last_person
                else self._last_person_ent(head)
            )
        if lower == "it":
            return self._resolve_it(head, sent_index)
        if lower in GROUP_PRONOUNS:
            last = self.state.last_claim
            if last is not None and sent_index - last[0] <= 1:
                return [replace(last[3], confidence=min(last[3].confidence, 0.7), how="pronoun")]
            return []
        if lower in RELATIVE_PRONOUNS and head.head != head:
            verb = head.head
            if verb.dep_ == "relcl":
                return self.resolve(verb.head, sent_index)
            return []
        tokens = self.phrase_tokens(head)
        person = self._person_in(head, tokens)
        if person is not None:
            return [person]
        governments = self._governments(head, tokens, sent_index)
        if governments:
            return governments
        actor = self._actor_in(head, tokens)
        if actor is not None:
            actor = self._same_officials(head, actor, sent_index)
            if head.pos_ == "NOUN" and self.ent_of(head) is None:
                self.state.org_heads[head.lemma_.lower()] = (sent_index, actor)
                if head.lemma_.lower() in TITLE_WORDS and head.tag_ == "NN":
                    self.state.last_official = (sent_index, actor)
            return [actor]
        return self._description(head, tokens)

    def _same_officials(self, head: Token, actor: Speaker, sent_index: int) -> Speaker:
        """ "the U.S. officials" after "U.S. military officials said": a definite reference to
        officials of an organisation that the speaker of the last few sentences belongs to is
        that speaker, the more specific of the two."""
        if head.lemma_.lower() not in ("official", "source", "officer") or not any(
            c.lower_ == "the" for c in head.children
        ):
            return actor
        last = self.state.last_org
        if last is None or sent_index - last[0] > 3 or last[1].claimant == actor.claimant:
            return actor
        if actor.claimant in self.ref.memberships(last[1].claimant):
            return replace(last[1], confidence=min(actor.confidence, 0.75), how="description")
        return actor

    def _last_person_ent(self, before: Token) -> list[Speaker]:
        for ent in reversed([e for e in self.person_ents if e.end <= before.i]):
            name_tokens = _strip_title_tokens(list(ent))
            if name_tokens:
                speaker = self.person_speaker(name_tokens, list(ent), ent.root)
                return [replace(speaker, confidence=0.6, how="pronoun")]
        return []

    def _resolve_it(self, head: Token, sent_index: int) -> list[Speaker]:
        """ "it" as a speaker: an organisation subject earlier in the same sentence (or a noun
        heading the sentence when a run-in headline spoiled its parse), else the organisation
        that spoke last, within two sentences."""
        sent = self.sents[sent_index]
        for tok in tokens_of(sent):
            if tok.i >= head.i:
                break
            heads_unit = not (sent.start <= tok.head.i < sent.end) and tok.pos_ in ("NOUN", "PROPN")
            if (tok.dep_ in ("nsubj", "nsubjpass") or heads_unit) and tok.lower_ not in PERSON_PRONOUNS | {
                "it"
            } | GROUP_PRONOUNS:
                speakers = self.resolve(tok, sent_index)
                if speakers and speakers[0].person is None:
                    return [replace(speakers[0], confidence=min(speakers[0].confidence, 0.75), how="pronoun")]
        if self.state.last_org is not None and sent_index - self.state.last_org[0] <= 2:
            return [replace(self.state.last_org[1], confidence=0.7, how="pronoun")]
        return []

    def _person_in(self, head: Token, tokens: list[Token]) -> Speaker | None:
        token_ids = {t.i for t in tokens}
        ents = [e for e in self.persons_starting_in(min(token_ids, default=0), max(token_ids, default=-1))
                if e.start in token_ids]
        if ents:
            ent = min(ents, key=lambda e: 0 if e.start <= head.i < e.end else abs(e.root.i - head.i))
            name_tokens = _strip_title_tokens(list(ent))
            if name_tokens and not all(self.ent_of(t) for t in name_tokens):
                return self.person_speaker(name_tokens, tokens, head)
        # Proper-noun names the model missed: after a title ("Colonel Dillion", "Mr. X") or a
        # surname already known ("Al-Sharifi said").
        if head.pos_ != "PROPN" or self.ent_of(head) is not None:
            return None
        run = [head]
        i = head.i - 1
        while i >= head.sent.start:
            tok = self.doc[i]
            glued = not tok.whitespace_ and (tok.text in ("-", "'", "\u2019") or tok.lower_ in ARABIC_ARTICLES)
            if (
                glued
                or tok.pos_ == "PROPN"
                and not is_honorific(tok)
                and tok.lower_ not in TITLE_WORDS
                and not tok.is_punct
                and self.ent_of(tok) is None
            ):
                run.insert(0, tok)
                i -= 1
                continue
            break
        titled = i >= head.sent.start and (is_honorific(self.doc[i]) or self.doc[i].text == ".")
        name = _name_text(run)
        known = " " not in name and self.person_by_surname(name) is not None
        if titled or known:
            return self.person_speaker(run, tokens, head)
        return None

    def _governments(self, head: Token, tokens: list[Token], sent_index: int) -> list[Speaker]:
        """ "the governments in both countries" / "the Iraqi government": one speaker per country."""
        if head.lemma_.lower() not in GOVERNMENT_NOUNS:
            return []
        countries: list[str] = []
        for tok in tokens:
            ent = self.ent_of(tok)
            if ent is not None and self.ref.is_a(ent.ent_id_, "Country") and ent.ent_id_ not in countries:
                countries.append(ent.ent_id_)
        if not countries:
            counted = [t for t in tokens if t.lemma_.lower() == "country" and t.tag_ == "NNS"]
            if counted:
                n = 2 if any(c.lower_ in ("both", "two") for c in counted[0].children) else None
                countries = self.context_countries(sent_index, n)
        speakers = []
        for country in countries:
            government = self.government_of(country)
            if government:
                speakers.append(Speaker(government, confidence=0.7, how="context"))
        return speakers

    def context_countries(self, sent_index: int, n: int | None) -> list[str]:
        """Countries the context names, for "both countries" / "the two countries": those of
        the same sentence, else of the nearest previous sentence naming enough of them."""
        for index in range(sent_index, max(-1, sent_index - 4), -1):
            found: list[str] = []
            unit = self.sents[index]
            for ent in self.domain_ents_starting_in(unit.start, unit.end - 1):
                if ent.label_ == "PLACE" and self.ref.is_a(ent.ent_id_, "Country") and ent.ent_id_ not in found:
                    found.append(ent.ent_id_)
            if n is None and found or n is not None and len(found) >= n:
                return found[:n] if n else found
        return []

    def _actor_in(self, head: Token, tokens: list[Token]) -> Speaker | None:
        """An actor entity in the phrase: the head's own, else the nearest modifier's; a
        "US-led"/"US-backed" modifier names someone else, not the speaker."""
        candidates: list[tuple[int, str]] = []
        for tok in tokens:
            ent = self.ent_of(tok)
            if ent is None or ent.start != tok.i and tok.i != ent.root.i:
                continue
            if _is_participle_modifier(ent):
                continue
            iri: str | None
            if ent.label_ == "PLACE":
                speaks_itself = ent.start <= head.i < ent.end  # "Iraq declared victory", "Ankara said"
                if not (
                    speaks_itself
                    or ent.root.head == head
                    and head.lemma_.lower() in STATE_VOICE_NOUNS | GOVERNMENT_NOUNS
                    or ent.root.dep_ == "poss"
                ):
                    continue
                iri = self.country_actor(ent)
                if iri is None and speaks_itself:
                    country = self.ref.country_of(ent.ent_id_)
                    iri = self.government_of(country) if country else None
            else:
                iri = self.actor_iri(ent)
            if not iri:
                continue
            rank = 0 if ent.start <= head.i < ent.end else (1 if ent.root.head == head else 2)
            candidates.append((rank * 1000 + abs(ent.root.i - head.i), iri))
        if not candidates:
            return None
        iri = min(candidates)[1]
        return Speaker(iri, confidence=0.8, how="actor")

    def _description(self, head: Token, tokens: list[Token]) -> list[Speaker]:
        """Definite descriptions: "the statement" → its issuer; "the group" → the last armed
        group named; "the US-led operation" → the coalition the article names; "the ministry"
        → the organisation last named as a speaker with that noun ("the Peshmerga ministry")."""
        lemma = head.lemma_.lower()
        earlier = self.state.org_heads.get(lemma)
        if (
            earlier is not None
            and any(c.lower_ == "the" for c in head.children)
            and not any(self.ent_of(t) for t in tokens)
        ):
            sent_index = self.sent_of.get(head.i, 0)
            if sent_index - earlier[0] <= 6:
                return [replace(earlier[1], confidence=min(earlier[1].confidence, 0.7), how="description")]
        if lemma in self.lexicon.nouns and self.state.last_statement is not None:
            speaker, _ = self.state.last_statement
            return [replace(speaker, confidence=min(speaker.confidence, 0.7), how="description")]
        if lemma in GROUP_NOUNS and any(t.lower_ == "the" for t in head.children):
            group, as_agent = self.salient_armed_group(head)
            if group:
                return [Speaker(group, confidence=0.7 if as_agent else 0.5, how="description")]
        if lemma in COALITION_NOUNS and any(_is_led_modifier(c) for c in head.children):
            coalition = self._any_mention(lambda iri: self.ref.is_a(iri, "Coalition"))
            if coalition is None:
                operation = self._any_operation()
                coalition = operation
            if coalition:
                return [Speaker(coalition, confidence=0.7, how="description")]
        return []

    def armed_group_counts(self) -> dict[str, int]:
        """How often the article names each armed group (read once per reader)."""
        if self._armed_group_counts is None:
            counts: dict[str, int] = {}
            for ent in self.domain_ents:
                iri = self.actor_iri(ent)
                if iri and self.is_armed_group(iri):
                    counts[iri] = counts.get(iri, 0) + 1
            self._armed_group_counts = counts
        return self._armed_group_counts

    def salient_armed_group(self, before: Token, window: int = 3) -> tuple[str | None, bool]:
        """What "the group" refers to: among the armed groups named in the last few
        sentences, the one named as a subject (the agent of what happened), then the one the
        article names most, then the latest. The flag says whether it was named as an agent
        (a weaker reading otherwise)."""
        first = self.sents[max(0, self.sent_of.get(before.i, 0) - window)].start
        counts = self.armed_group_counts()
        ranked: list[tuple[int, int, int, str]] = []
        for ent in self.domain_ents_within(first, before.i):
            iri = self.actor_iri(ent)
            if not iri or not self.is_armed_group(iri):
                continue
            subject = any(
                t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() not in self.lexicon.verbs
                for t in [ent.root, *ent.root.ancestors][:2]
            )  # an agent, not a speaker
            ranked.append((0 if subject else 1, -counts[iri], -ent.start, iri))
        if not ranked:
            return None, False
        best = min(ranked)
        return best[3], best[0] == 0

    def _any_mention(self, accept) -> str | None:  # type: ignore[no-untyped-def]
        for ent in self.domain_ents:
            iri = self.actor_iri(ent)
            if iri and accept(iri):
                return iri
        return None

    def _any_operation(self) -> str | None:
        for ent in self.domain_ents:
            if ent.label_ == "OPERATION":
                return self.actor_iri(ent)
        return None

    # ------------------------------------------------------------------ attributions

    def speech_verbs(self, sent: DocSpan) -> list[Token]:
        """Speech verbs of the sentence that report something (see the module docstring)."""
        cached = self._speech_verbs.get((sent.start, sent.end))
        if cached is None:
            cached = self._speech_verbs[(sent.start, sent.end)] = self._find_speech_verbs(sent)
        return cached

    def _find_speech_verbs(self, sent: DocSpan) -> list[Token]:
        out = []
        sent_quotes = self.quotes_overlapping(sent.start_char, sent.end_char)
        for tok in tokens_of(sent):
            lemma = tok.lemma_.lower()
            if lemma not in self.lexicon.verbs or tok.pos_ not in ("VERB", "AUX"):
                continue
            if self.in_quote(tok) is not None:
                continue
            if any(c.dep_ == "neg" for c in tok.children) and lemma != "deny":
                continue
            if tok.tag_ in ("VB", "VBG") and tok.dep_ in ("xcomp", "advcl", "pcomp", "acl") and lemma != "continue":
                continue  # "to declare", "without saying": not itself an attribution
            if tok.dep_ in ("acl", "relcl") and tok.head.lemma_.lower() in self.lexicon.nouns:
                continue  # "a statement (it) posted on X": the noun carries the attribution
            if self._reports_something(tok, sent_quotes):
                out.append(tok)
        return out

    def _reports_something(self, verb: Token, sent_quotes: list[Quote]) -> bool:
        deps = {c.dep_ for c in verb.children}
        lemma = verb.lemma_.lower()
        if lemma == "continue":
            return any(
                c.dep_ == "prep"
                and c.lower_ == "by"
                and any(g.lemma_.lower() in self.lexicon.verbs for g in c.children)
                for c in verb.children
            )
        if deps & {"ccomp", "parataxis"} or verb.dep_ == "parataxis":
            return True
        if "agent" in deps:
            return True
        for child in verb.children:
            if child.dep_ == "dobj" and child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return True  # "a campaign that the White House said was coming to an end"
            if child.dep_ in ("dobj", "attr") and any(
                g.dep_ in ("ccomp", "acl") and g.left_edge.lower_ == "that" for g in child.children
            ):
                return True  # "expressed concern that ...", "made the point that ..."
            if child.dep_ in ("dobj", "attr") and (
                child.lemma_.lower() in CLAIMED_NOUNS
                or any(self.in_quote(t) for t in child.subtree)
                or any(t.lemma_.lower() in ("victory", "defeat", "elimination", "liberation") for t in child.subtree)
            ):
                return True
        if verb.dep_ in ("ccomp", "conj") and verb.head.pos_ in ("VERB", "AUX") and self.in_quote(verb.head):
            return True  # "“...,” tweeted the US military": the verb hangs off the quote
        return any(self._adjacent_quote(verb, quote) for quote in sent_quotes)

    def _adjacent_quote(self, verb: Token, quote: Quote) -> bool:
        """Whether a quote frames the speech verb: “...,” [speaker] said / said [when, how]: “...”.
        The words between them may only be the speaker, the verb's own modifiers ("in a
        statement on Friday", "told reporters"), titles and punctuation."""
        own = {
            t.i
            for c in verb.children
            if c.dep_ not in ("ccomp", "parataxis", "xcomp", "advcl", "conj")
            for t in c.subtree
        }

        def framing(tok: Token) -> bool:
            return tok.is_punct or tok.is_space or tok.i in own or is_honorific(tok)

        if quote.outer.end <= verb.idx:
            after_quote = self._token_at(quote.outer.end)
            return all(framing(self.doc[i]) for i in range(after_quote, verb.i))
        if quote.outer.start >= verb.idx + len(verb):
            before_quote = self._token_at(quote.outer.start)
            return all(framing(self.doc[i]) for i in range(verb.i + 1, before_quote))
        return False

    def _token_at(self, char: int) -> int:
        """The index of the first token that ends after ``char``."""
        return bisect.bisect_right(self.token_ends, char)

    def speaker_head(self, verb: Token) -> Token | None:
        """The noun phrase naming who speaks through ``verb``."""
        children = list(verb.children)
        for child in children:
            if child.dep_ == "agent":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
        for child in children:
            if child.dep_ == "nsubj":
                return child
        if any(c.dep_ == "nsubjpass" for c in children):
            return None
        # Inverted attribution after a quote: "“...,” tweeted the US military".
        for child in children:
            if (
                child.dep_ in ("dobj", "attr", "npadvmod")
                and child.i > verb.i
                and child.pos_ in ("NOUN", "PROPN")
                and self.in_quote(child) is None
            ):
                return child
        # "said X and added": a conjoined verb shares its subject.
        if verb.dep_ == "conj" and verb.head.lemma_.lower() in self.lexicon.verbs:
            return self.speaker_head(verb.head)
        return None

    def verb_channel(self, verb: Token) -> str:
        """The channel of a speech verb; "said in a statement" / "on Twitter" is that medium."""
        channel = self.lexicon.verbs.get(verb.lemma_.lower(), "said")
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "on", "during", "through", "via"):
                for obj in child.children:
                    noun = obj.lemma_.lower()
                    if obj.dep_ == "pobj" and noun in self.lexicon.nouns:
                        return _better_channel(channel, self.lexicon.nouns[noun])
                    if obj.dep_ == "pobj" and noun in ("twitter", "x") and obj.pos_ == "PROPN":
                        return "tweet"
        return channel

    def attribution_tokens(self, verb: Token) -> list[Token]:
        """The words of the attribution itself (verb, speaker, date, medium), without the
        reported content: the place to look for the claim's date."""
        content_deps = {"ccomp", "parataxis", "xcomp", "advcl", "conj"}
        out: list[Token] = []
        stack = [verb]
        while stack:
            tok = stack.pop()
            if self.in_quote(tok) is None:
                out.append(tok)
            for child in tok.children:
                if tok == verb and child.dep_ in content_deps:
                    continue
                if tok == verb and child.dep_ in ("dobj", "attr") and child.i < verb.i:
                    continue
                stack.append(child)
        return sorted(out, key=lambda t: t.i)

    def claim_date(self, sent: DocSpan, attribution: list[Token], fallback_text: str) -> tuple[When | None, bool]:
        """The date of the attribution, else the publication date (approximate); the flag
        says whether it was the fallback."""
        published = self.article.published
        ranges = _token_ranges(attribution)
        for when in find_dates(sent, published):
            if when.span is None:
                continue
            if any(a <= when.span.start and when.span.end <= b for a, b in ranges):
                return when, False
        if published is None:
            return None, True
        return When(raw=fallback_text, start=published, end=published, precision="approximate"), True

    # ------------------------------------------------------------------ classification

    def claim_type(self, verb: Token | None, content: list[Token], speaker: Speaker) -> str:
        """The claim-type concept: the first of responsibility, victory declaration, denial,
        warning, figure, assessment whose cues the words carry; else a plain statement."""
        cues = self.lexicon.type_cues
        verb_lemma = verb.lemma_.lower() if verb is not None else "say"
        words = content
        lemma_set = {t.lemma_.lower() for t in content}
        reported_roots = (
            {c.lemma_.lower() for c in verb.children if c.dep_ in ("ccomp", "xcomp")} if verb is not None else set()
        )
        if verb_lemma == "claim" and (lemma_set & CLAIMED_NOUNS) or _any_cue(words, cues.get("responsibility", [])):
            return "responsibility"
        declaring = verb_lemma in ("declare", "announce", "proclaim")
        if (
            declaring
            and _any_cue(words, cues.get("victory-declaration", []))
            or _matches_words(words, ("declare", "victory"))
        ):
            return "victory-declaration"
        if verb_lemma == "deny" or _any_cue(words, cues.get("denial", [])):
            return "denial"
        if reported_roots & ASSESSMENT_VERBS:
            return "assessment"  # "said they don't fear a resurgence": a judgement, not a warning
        if verb_lemma in ("warn", "caution") or _any_cue(words, cues.get("warning", [])):
            return "warning"
        if any(self._is_figure_count(c) for c in find_counts(list(content))):
            return "figure"
        role = (speaker.person.role or "").lower() if speaker.person else ""
        if (
            any(word in role.split() for word in ANALYST_ROLES)
            or verb_lemma in ASSESSMENT_VERBS
            or lemma_set & ASSESSMENT_VERBS
            or _any_cue(words, cues.get("assessment", []))
        ):
            return "assessment"
        return "statement"

    def _is_figure_count(self, count) -> bool:  # type: ignore[no-untyped-def]
        """A count that states a figure: a percentage, a count of something the measure,
        target-type or strike lexicons name, or a large number ("two sides" is not)."""
        if count.unit == "percent" or count.value >= 100:
            return True
        noun = count.head.head
        return noun.lemma_.lower() in self.countable_nouns or noun.lower_ in self.countable_nouns

    # ------------------------------------------------------------------ the article

    def read(self, events: Sequence[Event], reports: Sequence[StrikeReport]) -> list[Claim]:
        claims = [self._copy(claim) for claim in self.sentence_claims()]
        for claim in claims:
            claim.key = f"claim-{claim.span.start}-{claim.span.end}"
        claims = _merge_same_sentence(claims, self.unit_of)
        records = SpanIndex([*events, *reports])
        attacks = SpanIndex([e for e in events if _is_attack(e)])
        events_by_key = {e.key: e for e in events}
        for claim in claims:
            claim.about = self.about(claim, records, attacks)
            self.claimant_from_attack(claim, attacks, events_by_key)
        _unique_keys(claims)
        return claims

    def sentence_claims(self) -> list[Claim]:
        """The claims the sentences report, before merging and before linking them to the
        article's events and reports. Read once per reader: they do not depend on the
        events, and ``read`` works on copies of them."""
        if self._sentence_claims is None:
            claims: list[Claim] = []
            for index, sent in enumerate(self.sents):
                found = self.claims_in(index, sent)
                if not found:
                    found = self.continued_quotes(index, sent)
                claims.extend(found)
            self._sentence_claims = claims
        return self._sentence_claims

    def _copy(self, claim: Claim) -> Claim:
        """A copy of a sentence claim that ``read`` may change, with the claim's sentence and
        speaker resolution (kept by ``id``) carried over."""
        copy = replace(claim)
        for table in (self.unit_of, self.how_of):
            if id(claim) in table:
                table[id(copy)] = table[id(claim)]
            else:
                table.pop(id(copy), None)  # left by an earlier copy with the same id
        return copy

    def claims_in(self, index: int, sent: DocSpan) -> list[Claim]:
        out: list[Claim] = []
        for verb in self.speech_verbs(sent):
            out.extend(self.claims_of_verb(index, sent, verb))
        for tok in tokens_of(sent):
            if (
                tok.lower_ == "according"
                and tok.i + 1 < sent.end
                and self.doc[tok.i + 1].lower_ == "to"
                and self.in_quote(tok) is None
            ):
                out.extend(self.claims_according_to(index, sent, tok))
        return out

    def claims_of_verb(self, index: int, sent: DocSpan, verb: Token) -> list[Claim]:
        head = self.speaker_head(verb)
        if head is None:
            return []
        speakers = self.resolve(head, index) or self.issuer_of_medium(verb, index)
        if not speakers:
            return []
        channel = self.verb_channel(verb)
        if head.lemma_.lower() in self.lexicon.nouns and speakers[0].how == "description":
            channel = _better_channel(channel, self.lexicon.nouns[head.lemma_.lower()])
        attribution = self.attribution_tokens(verb)
        when, fallback = self.claim_date(sent, attribution, verb.text)
        if (
            fallback
            and channel in ("statement",)
            and self.state.last_statement
            and head.lemma_.lower() in self.lexicon.nouns
        ):
            inherited = self.state.last_statement[1]
            if inherited is not None:
                when, fallback = inherited, False
        last = self.state.last_claim
        if (
            verb.lemma_.lower() in ("continue", "add")
            and last is not None
            and index - last[0] <= 3
            and last[2].claimant == speakers[0].claimant
        ):
            # "He added ...", "He continued by ...": the same statement goes on.
            if channel == "said" and last[2].channel:
                channel = last[2].channel
            if fallback and last[2].when is not None:
                when, fallback = last[2].when, False
        speaker_ids = {t.i for t in self.phrase_tokens(head)}
        content = [t for t in tokens_of(sent) if t.i not in speaker_ids]
        clause = self.clause_of(verb, sent)
        return [
            self.make_claim(index, clause, verb, speaker, channel, when, fallback, content, "speech-verb")
            for speaker in speakers
        ]

    def clause_of(self, verb: Token, sent: DocSpan) -> DocSpan:
        """The reporting clause when a speech verb sits in a subordinate clause of a sentence
        about something else ("..., even though the governments have declared victory"),
        else the sentence."""
        if verb.dep_ not in ("advcl", "relcl", "conj", "ccomp") or self.in_quote(verb.head) is not None:
            return sent
        if verb.head in self.speech_verbs(sent):
            return sent
        start, end = verb.left_edge.i, verb.right_edge.i + 1
        while start < end and (
            self.doc[start].dep_ in ("mark", "cc", "advmod", "punct")
            and self.doc[start].i < verb.i
            and self.doc[start].head == verb
            or self.doc[start].is_punct
        ):
            start += 1
        while end > start and self.doc[end - 1].is_punct and self.in_quote(self.doc[end - 1]) is None:
            end -= 1
        start, end = max(start, sent.start), min(end, sent.end)
        return self.doc[start:end] if end > start else sent

    def claims_according_to(self, index: int, sent: DocSpan, according: Token) -> list[Claim]:
        to = self.doc[according.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"] or ([self.doc[to.i + 1]] if to.i + 1 < sent.end else [])
        if not objs:
            return []
        obj = objs[0]
        while (
            obj.dep_ != "pobj"
            and obj.head != obj
            and obj.head.i > to.i
            and obj.head.i < sent.end
            and obj.pos_ not in ("NOUN", "PROPN")
        ):
            obj = obj.head
        channel = "according-to"
        speakers: list[Speaker] = []
        noun = obj.lemma_.lower()
        if noun in self.lexicon.nouns:
            channel = self.lexicon.nouns[noun]
            issuer = self._issuer_of(obj, index)
            speakers = issuer
        else:
            speakers = self.resolve(obj, index)
        if not speakers:
            return []
        attribution = [t for t in according.subtree] or [according]
        if to not in attribution:
            attribution += [t for t in to.subtree]
        when, fallback = self.claim_date(sent, attribution, according.text + " " + to.text)
        speaker_ids = {t.i for t in attribution}
        content = [t for t in tokens_of(sent) if t.i not in speaker_ids]
        return [
            self.make_claim(index, sent, according, speaker, channel, when, fallback, content, "according-to")
            for speaker in speakers
        ]

    def issuer_of_medium(self, verb: Token, index: int) -> list[Speaker]:
        """When the subject names no one we know: the issuer the verb's medium names ("in a
        statement carried by the Amaq news agency, the militants said ...")."""
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "through", "via"):
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.lemma_.lower() in self.lexicon.nouns:
                        found = self._issuer_of(obj, index, fall_back=False)
                        if found:
                            return [replace(s, confidence=min(s.confidence, 0.7), how="description") for s in found]
        return []

    def _issuer_of(self, noun: Token, index: int, fall_back: bool = True) -> list[Speaker]:
        """Who issued "a statement it released" / "the coalition's statement" / "the statement"."""
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "amod") and self.ent_of(child) is not None:
                found = self.resolve(child, index)
                if found:
                    return found
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found = self.resolve(obj, index)
                        if found:
                            return found
            if child.dep_ in ("relcl", "acl"):
                subjects = [g for g in child.children if g.dep_ == "nsubj"] + [
                    o for g in child.children if g.dep_ == "agent" for o in g.children if o.dep_ == "pobj"
                ]  # "a statement it released", "a statement carried by Amaq"
                if subjects:
                    found = self.resolve(subjects[0], index)
                    if found:
                        return found
        if fall_back and self.state.last_statement is not None:
            speaker, _ = self.state.last_statement
            return [replace(speaker, confidence=min(speaker.confidence, 0.7), how="description")]
        return []

    def make_claim(
        self,
        index: int,
        sent: DocSpan,
        anchor: Token,
        speaker: Speaker,
        channel: str,  # noqa: PLR0913
        when: When | None,
        fallback: bool,
        content: list[Token],
        extractor: str,
    ) -> Claim:
        para_start, para_end = self.paragraph_bounds(anchor.idx)
        start, end = max(sent.start_char, para_start), min(sent.end_char, para_end)
        quotes = [
            q
            for q in self.quotes_overlapping(sent.start_char, sent.end_char)
            if not (q.outer.start <= anchor.idx < q.outer.end)
        ]
        quotes = [q for q in quotes if para_start <= q.outer.start < para_end or para_start < q.outer.end <= para_end]
        for quote in quotes:
            start, end = min(start, quote.outer.start), max(end, quote.outer.end)
            self.state.claimed_quotes.add(quote.outer)
        quote = max(quotes, key=lambda q: q.inner.end - q.inner.start) if quotes else None
        span = self.trimmed_span(start, end)
        content_tokens = content
        if quote is not None:
            content_tokens = [t for t in content if True] + [t for t in self.tokens_in(quote.inner) if t not in content]
        claim_type = self.claim_type(anchor if anchor.lower_ != "according" else None, content_tokens, speaker)
        confidence = speaker.confidence - (0.05 if fallback else 0.0)
        claim = Claim(
            key=f"claim-{span.start}-{span.end}",
            span=span,
            claimant=speaker.claimant,
            claim_type=claim_type,
            channel=channel,
            on_behalf_of=speaker.on_behalf_of,
            quote=self.text[quote.inner.start : quote.inner.end] if quote else None,
            quote_span=quote.inner if quote else None,
            when=when,
            person=speaker.person,
            confidence=round(confidence, 2),
            extractor=f"claims.{extractor}",
        )
        self.remember(index, claim, speaker, channel, when)
        self.unit_of[id(claim)] = index
        self.how_of[id(claim)] = speaker.how
        return claim

    def remember(self, index: int, claim: Claim, speaker: Speaker, channel: str, when: When | None) -> None:
        if speaker.person is not None:
            self.state.last_person = speaker
            self.state.last_person_at = index
        else:
            self.state.last_org = (index, speaker)
        if channel in ("statement", "briefing"):
            self.state.last_statement = (replace(speaker, how="actor"), when)
        self.state.last_claim = (index, self.paragraph(claim.span.start), claim, speaker)

    def continued_quotes(self, index: int, sent: DocSpan) -> list[Claim]:
        """A sentence that is only a quote, right after a claim (same or next paragraph):
        the same speaker goes on, as news writing continues a quote without repeating the
        attribution. The quote joins that claim — its span grows to cover it, it becomes
        the claim's quote when the claim had none — and the claim's confidence drops a
        little, the attachment being inferred. Returns no new claim."""
        last = self.state.last_claim
        if last is None:
            return []
        quotes = [
            q
            for q in self.quotes_overlapping(sent.start_char, sent.end_char)
            if q.outer not in self.state.claimed_quotes and q.outer.start >= sent.start_char - 1
        ]
        if not quotes:
            return []
        quote = quotes[0]
        text = self.text
        para_start, para_end = self.paragraph_bounds(quote.outer.start)
        region_start = max(min(sent.start_char, quote.outer.start), para_start)
        region_end = min(max(sent.end_char, quote.outer.end), para_end)
        outside = text[region_start : quote.outer.start] + text[quote.outer.end : region_end]
        if sum(ch.isalnum() for ch in outside) > 3:
            return []
        paragraph = self.paragraph(quote.outer.start)
        last_sent, last_para, claim, speaker = last
        if last_para not in (paragraph, self.previous_paragraph(paragraph)) or index - last_sent > 3:
            return []
        self.state.claimed_quotes.add(quote.outer)
        claim.span = self.trimmed_span(claim.span.start, max(claim.span.end, min(quote.outer.end, para_end)))
        if claim.quote is None:
            claim.quote = text[quote.inner.start : quote.inner.end]
            claim.quote_span = quote.inner
            if claim.claim_type == "statement":
                tokens = self.tokens_in(quote.inner)
                claim.claim_type = self.claim_type(None, tokens, speaker)
        claim.confidence = round(max(0.3, claim.confidence - 0.05), 2)
        if "quote-continuation" not in claim.extractor:
            claim.extractor += "+quote-continuation"
        self.state.last_claim = (index, paragraph, claim, speaker)
        return []

    # ------------------------------------------------------------------ about

    def about(self, claim: Claim, records: SpanIndex[Event | StrikeReport], attacks: SpanIndex[Event]) -> list[str]:
        """Keys of the events and strike reports (``records``) the claim's span contains; a
        responsibility claim without an attack (one of ``attacks``) is about the last attack
        of the previous sentence; a victory declaration, warning or assessment is also about
        the armed groups its words name."""
        out = [record.key for record in records.inside(claim.span.start, claim.span.end)]
        if claim.claim_type == "responsibility" and not attacks.inside(claim.span.start, claim.span.end):
            attack = self._previous_attack(claim, attacks)
            if attack is not None:
                out.append(attack.key)
        if claim.claim_type in ("victory-declaration", "warning", "assessment"):
            for ent in self.domain_ents_within_chars(claim.span.start, claim.span.end):
                iri = self.actor_iri(ent)
                if iri and self.is_armed_group(iri) and iri != claim.claimant and iri not in out:
                    out.append(iri)
        return out

    def claimant_from_attack(self, claim: Claim, attacks: SpanIndex[Event], events_by_key: dict[str, Event]) -> None:
        """ "The group claimed responsibility for the attack": when "the group" was resolved
        only by salience, the armed group the attack's own record names as perpetrator is
        the better reading."""
        if claim.claim_type != "responsibility" or self.how_of.get(id(claim)) != "description":
            return
        sent_index = self.sent_of.get(self._token_at(claim.span.start), 0)
        earliest = self.sents[max(0, sent_index - 3)].start_char
        recent = [
            e for e in attacks.touching(earliest, claim.span.start) if earliest <= e.span.start < claim.span.start
        ]
        if any(claim.claimant in e.perpetrators for e in recent):
            return  # the salient group is the perpetrator of a recent attack: keep it
        for key in claim.about:
            event = events_by_key.get(key)
            groups = [p for p in (event.perpetrators if event else []) if self.is_armed_group(p)]
            if len(groups) == 1:
                claim.claimant = groups[0]
                return

    def _previous_attack(self, claim: Claim, attacks: SpanIndex[Event], window: int = 3) -> Event | None:
        """The latest attack reported in the ``window`` sentences before the claim ("the
        attack" of "claimed responsibility for the attack")."""
        sent_index = self.sent_of.get(self._token_at(claim.span.start), 0)
        if sent_index == 0:
            return None
        earliest = self.sents[max(0, sent_index - window)]
        before = [
            e for e in attacks.touching(earliest.start_char, claim.span.start)
            if e.span.start < claim.span.start and e.span.end > earliest.start_char
        ]
        return max(before, key=lambda e: e.span.start) if before else None


# ----------------------------------------------------------------------------- helpers


def countable_nouns(ref: Reference) -> set[str]:
    """Head words of the measure and target-type lexicons, and the words strike releases
    count in: what makes a number in a claim a figure."""
    words = {
        "strike",
        "airstrike",
        "engagement",
        "sortie",
        "raid",
        "kilometer",
        "kilometre",
        "km",
        "mile",
        "target",
        "civilian",
        "casualty",
    }
    for scheme in ("measure", "target-type"):
        for concept in ref.scheme(scheme).values():
            for label in concept.labels:
                last = label.lower().split()[-1]
                words.add(last)
                words.add(last[:-1] if last.endswith("s") else last)
    return words


def _fold_name(name: str) -> str:
    """A surname for comparison: ASCII, lower case, without the Arabic article ("Al-Sharifi",
    "al-Sharifi" and "Sharifi" compare equal)."""
    folded = slugify(name)
    for article in ARABIC_ARTICLES:
        if folded.startswith(article + "-"):
            return folded[len(article) + 1 :]
    return folded


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _strip_title_tokens(tokens: list[Token]) -> list[Token]:
    """A PERSON entity without leading ranks, titles and trailing possessives."""
    while tokens and (is_honorific(tokens[0]) or tokens[0].lower_ in TITLE_WORDS or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
        tokens = tokens[:-1]
    return tokens


def _name_text(tokens: list[Token]) -> str:
    doc = tokens[0].doc
    text = "".join(t.text_with_ws for t in doc[tokens[0].i : tokens[-1].i + 1])
    return re.sub(r"\s+", " ", text).strip(" ,.")


def _looks_like_appositive(segment: DocSpan) -> bool:
    if not len(segment):
        return False
    if segment[0].lower_ in RELATIVE_PRONOUNS | {"and", "but", "or", "as", "while", "although", "because"}:
        return False
    if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in segment):
        return False
    return any(t.pos_ in ("NOUN", "PROPN") for t in segment)


def _is_participle_modifier(ent: DocSpan) -> bool:
    """ "US-led", "U.S.-backed": the entity modifies a participle."""
    doc = ent.doc
    last = doc[ent.end - 1]
    if any(last.text.lower().endswith("-" + p) for p in NOT_SPEAKER_PARTICIPLES):
        return True
    if (
        ent.end + 1 < len(doc)
        and doc[ent.end].text in ("-", "\u2013")
        and doc[ent.end + 1].lower_ in NOT_SPEAKER_PARTICIPLES
    ):
        return True
    return ent.root.head.lower_ in NOT_SPEAKER_PARTICIPLES and ent.root.head.i > ent.root.i


def _is_led_modifier(token: Token) -> bool:
    text = token.lower_
    return (
        text.endswith("-led") or text == "led" or any(t.lower_ == "led" for t in token.subtree) and token.dep_ == "amod"
    )


def _better_channel(a: str, b: str) -> str:
    rank = {c: i for i, c in enumerate(CHANNEL_PRIORITY)}
    return a if rank.get(a, 99) <= rank.get(b, 99) else b


def _token_ranges(tokens: list[Token]) -> list[tuple[int, int]]:
    """Character ranges of runs of consecutive tokens."""
    ranges: list[tuple[int, int]] = []
    for tok in sorted(tokens, key=lambda t: t.i):
        start, end = tok.idx, tok.idx + len(tok)
        if ranges and tok.i > 0 and tok.doc[tok.i - 1] in tokens and ranges[-1][1] >= tok.doc[tok.i - 1].idx:
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))
    return ranges


def _any_cue(tokens: Sequence[Token], sequences: list[tuple[str, ...]]) -> bool:
    forms = _word_forms(tokens)
    return any(_matches_forms(forms, words) for words in sequences)


def _is_attack(event: Event) -> bool:
    return event.kind in ("Attack", "Bombing", "SuicideAttack", "Ambush", "Assassination", "Abduction", "Killing")


def _merge_same_sentence(claims: list[Claim], unit_of: dict[int, int]) -> list[Claim]:
    """One claim per sentence and claimant: "according to the U.S. military, which said ..."
    is one claim; its span covers both attributions, the more specific channel and a stated
    date win."""
    merged: dict[tuple[int, str | None], Claim] = {}
    order: list[tuple[int, str | None]] = []
    for claim in claims:
        key = (unit_of.get(id(claim), -1 - len(order)), claim.claimant)
        if key not in merged:
            merged[key] = claim
            order.append(key)
            continue
        kept = merged[key]
        kept.span = Span(min(kept.span.start, claim.span.start), max(kept.span.end, claim.span.end))
        kept.key = f"claim-{kept.span.start}-{kept.span.end}"
        if kept.quote is None and claim.quote is not None:
            kept.quote, kept.quote_span = claim.quote, claim.quote_span
        if claim.channel and (
            kept.channel is None
            or _better_channel(claim.channel, kept.channel) == claim.channel
            and claim.channel != kept.channel
        ):
            kept.channel = claim.channel
        if kept.when is None or (
            kept.when.precision == "approximate" and claim.when is not None and claim.when.precision != "approximate"
        ):
            kept.when = claim.when
        if kept.claim_type == "statement" and claim.claim_type != "statement":
            kept.claim_type = claim.claim_type
        kept.confidence = max(kept.confidence, claim.confidence)
    return [merged[k] for k in order]


def _unique_keys(claims: list[Claim]) -> None:
    seen: dict[str, int] = {}
    for claim in claims:
        if claim.key in seen:
            seen[claim.key] += 1
            suffix = slugify(claim.claimant.rsplit("/", 1)[-1]) if claim.claimant else str(seen[claim.key])
            claim.key = f"{claim.key}-{suffix}"
        else:
            seen[claim.key] = 1


# ----------------------------------------------------------------------------- entry point


def claim_reader(doc: Doc, article: Article, ref: Reference) -> ClaimReader:
    """The claim reader of an article, one per ``extract``: the figure extractor's
    attributions and the claims themselves come from the same reading of the sentences."""
    reader = once_per_doc(doc, ClaimReader, lambda: ClaimReader(doc, article, ref))
    if reader.article is not article or reader.ref is not ref:
        return ClaimReader(doc, article, ref)
    return reader


def extract_claims(
    doc: Doc,
    article: Article,
    ref: Reference,
    events: Sequence[Event] = (),
    reports: Sequence[StrikeReport] = (),
) -> tuple[list[Claim], list[Person]]:
    """The claims of one article and the persons who speak in them."""
    reader = claim_reader(doc, article, ref)
    claims = reader.read(events, reports)
    used = {c.claimant for c in claims}
    persons = [p for p in reader.state.persons.values() if p.ref in used]
    for claim in claims:
        if claim.person is not None:
            claim.person = reader.state.persons.get(claim.person.ref, claim.person)
    return claims, persons


def attributions(doc: Doc, article: Article, ref: Reference) -> dict[int, Claim]:
    """The claim attributed to each sentence (by the sentence's first character), for the
    figure extractor: a figure in an attributed sentence has that claim's claimant and date."""
    reader = claim_reader(doc, article, ref)
    out: dict[int, Claim] = {}
    for claim in reader.read((), ()):
        out.setdefault(claim.span.start, claim)
    return out
