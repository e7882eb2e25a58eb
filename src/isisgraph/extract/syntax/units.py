"""The units the rules read: sentences cut at line breaks, lines, paragraphs, datelines,
the headline.

News text is not all prose: headlines, captions, datelines and the per-town lines of a
strike release end without a full stop, and the parser runs them into the next sentence.
Every extractor reads the same units, computed once per Doc while ``extract`` runs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from isisgraph.closed_class import NOT_DATELINE_STARTS
from isisgraph.extract.shared import once_per_doc, sentences, text_of, tokens_of
from isisgraph.lexicons import lexicon

PEOPLE = lexicon("people")


def units(doc: Doc) -> list[Span]:
    """The sentences of the parse, cut again at line breaks: a headline, caption or list line
    the parser ran into the next paragraph is a unit of its own. A unit ending in a rank the
    parser took for a full stop ("Brig.", "Lt. Col.") runs on into the next one."""
    return once_per_doc(doc, units, lambda: _units(doc))


def _units(doc: Doc) -> list[Span]:
    out: list[Span] = []
    for sent in sentences(doc):
        start = sent.start
        for tok in tokens_of(sent):
            if tok.is_space and "\n" in tok.text:
                if tok.i > start:
                    out.append(doc[start: tok.i])
                start = tok.i + 1
        if start < sent.end:
            out.append(doc[start: sent.end])
    text = text_of(doc)
    kept = [s for s in out if text[s.start_char: s.end_char].strip()]
    merged: list[Span] = []
    for unit in kept:
        if merged and ends_with_title(merged[-1]) and merged[-1].end == unit.start:
            merged[-1] = doc[merged[-1].start: unit.end]
        else:
            merged.append(unit)
    return merged


def sentence_of(token: Token) -> Span:
    """The parser's sentence of a token (``token.sent`` without walking the Doc each time)."""
    doc = token.doc
    sents = sentences(doc)
    starts = once_per_doc(doc, sentence_of, lambda: [s.start for s in sents])
    return sents[bisect_right(starts, token.i) - 1]


def has_word(unit: Span) -> bool:
    """Whether a unit holds a word (not only punctuation and space: "--", "*")."""
    return any(not t.is_space and not t.is_punct for t in tokens_of(unit))


def is_honorific(token: Token) -> bool:
    """A rank or courtesy title ("Col.", "Mr", "Brig"): never part of a name."""
    return token.lower_.rstrip(".") in PEOPLE.honorifics


def ends_with_title(unit: Span) -> bool:
    tokens = last_words(unit, 2)
    if len(tokens) >= 2 and tokens[-1].text == "." and is_honorific(tokens[-2]) and not tokens[-2].whitespace_:
        return True
    return bool(tokens) and tokens[-1].text.endswith(".") and is_honorific(tokens[-1]) and len(tokens[-1].text) > 1


def last_words(unit: Span, n: int) -> list[Token]:
    """The last ``n`` tokens of ``unit`` that are not whitespace, in text order."""
    out: list[Token] = []
    for i in range(unit.end - 1, unit.start - 1, -1):
        if len(out) == n:
            break
        if not unit.doc[i].is_space:
            out.insert(0, unit.doc[i])
    return out


# ----------------------------------------------------------------------------- lines


def line_starts(doc: Doc) -> list[int]:
    """The character offsets where the lines of the text start."""
    return once_per_doc(doc, line_starts, lambda: [0] + [m.end() for m in re.finditer("\n", text_of(doc))])


def line_of(doc: Doc, char: int) -> int:
    """The index of the line holding character ``char``."""
    return bisect_right(line_starts(doc), char) - 1


def same_line(a: Token, b: Token) -> bool:
    """Whether two tokens are on one line. Parses can run across a headline's line break;
    arguments and dates never do."""
    return line_of(a.doc, a.idx) == line_of(b.doc, b.idx)


def on_line_of(tokens: list[Token], anchor: Token) -> list[Token]:
    """The tokens on the anchor's line."""
    line = line_of(anchor.doc, anchor.idx)
    return [t for t in tokens if line_of(t.doc, t.idx) == line]


# ----------------------------------------------------------------------------- paragraphs

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def paragraphs(doc: Doc, of_units: list[Span]) -> list[int]:
    """The paragraph of each unit: units between blank lines (a release's "In Syria, ..."
    block and its lines); in a text that never leaves a blank line, each line."""
    text = text_of(doc)
    by_blank_lines = _BLANK_LINE.search(text) is not None
    out: list[int] = []
    paragraph, previous_end = 0, 0
    for unit in of_units:
        gap = text[previous_end: unit.start_char]
        if _BLANK_LINE.search(gap) if by_blank_lines else "\n" in gap:
            paragraph += 1
        out.append(paragraph)
        previous_end = unit.end_char
    return out


# ----------------------------------------------------------------------------- datelines

# "SOUTHWEST ASIA, Oct. 4, 2017 —", "MOSCOW, Oct 7 (Reuters) -", "QAMISHLI, Syria (Kurdistan24)
# –", "London –": capitalised words, numbers and a parenthesised agency before a dash at the
# start of a line; or before an agency between slashes, TASS's house style ("MOSCOW, October
# 14. /TASS/."); or a parenthesised agency and a full date, AFP's on some sites ("Beirut (AFP)
# March 10, 2016 At least ..."); or before a slash, Shafaq News's ("Shafaq News/ On Saturday,
# ISIS members targeted ...", "Shafaq News / A violent attack ...": rule
# ``units.slash-dateline``). The place and date of the dispatch, or its outlet, not the
# events' actors. The words before the dash are on one line: a heading over a release's list
# ("Syria" above "-- Near Aleppo, three strikes ...") is no dateline.
_DATELINE = re.compile(
    r"(?:[A-Z0-9][^\s()]*|\([^()\n]{1,40}\))(?:[ \t]+(?:[A-Z0-9][^\s()]*|\([^()\n]{1,40}\)))*"
    r"(?:[ \t]*(?:\u2014|\u2013|--|-|/)\s|\.\s+/[A-Z][A-Za-z-]*/\.?\s"
    r"|(?<=\))\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}\s)")


def dateline_tokens(doc: Doc) -> frozenset[int]:
    """The indexes of the tokens of the datelines that open lines of the text."""
    return once_per_doc(doc, dateline_tokens, lambda: frozenset(t.i for t in _datelines(doc)))


def without_dateline(tokens: Iterable[Token]) -> list[Token]:
    """Rule ``units.evidence-dateline``: the words of an evidence quote without those of the
    dateline that opens their line ("Shafaq News/ On Saturday, ISIS members targeted ..."
    quotes from "On Saturday"; "MOSUL, Iraq (Reuters) - ..." from after the dash). Strike,
    event and claim evidence all trim through this one function."""
    tokens = list(tokens)
    if not tokens:
        return tokens
    dateline = dateline_tokens(tokens[0].doc)
    return [t for t in tokens if t.i not in dateline]


def _datelines(doc: Doc) -> list[Token]:
    text, out = text_of(doc), []
    for start in line_starts(doc):
        match = _DATELINE.match(text, start)
        if match is None or match.end() - start > 80:
            continue
        first = text[start:].split(None, 1)
        if not first or first[0].lower() in NOT_DATELINE_STARTS:
            continue
        span = doc.char_span(start, match.end(), alignment_mode="contract")
        if span is not None:
            out += list(span)
    return out


_DATELINE_DASH = re.compile(r"\s(?:\u2014|\u2013|-|--)\s")


def in_dateline(ent: Span) -> bool:
    """ "ERBIL, Kurdistan Region — Peshmerga forces ...", "MOSUL, Iraq (Reuters) - ...": whether
    an entity is in the dateline of its line (where the report was filed, not where its events
    happened): only capitalised words before it, and a dash after it within the line's start."""
    text = text_of(ent.doc)
    line_start = text.rfind("\n", 0, ent.start_char) + 1
    prefix = text[line_start: ent.start_char]
    if any(word[:1].islower() for word in prefix.split()):
        return False
    head = text[line_start: line_start + 100]
    dash = _DATELINE_DASH.search(head)
    if dash is None or line_start + dash.start() < ent.end_char:
        return _colon_dateline(ent, text, line_start)
    between = text[ent.end_char: line_start + dash.start()]
    return not any(word[:1].islower() for word in between.split() if word.isalpha())


# "BAGHDAD, Aug 25:The Iraqi forces ...", "Beirut: Islamic State militants have stormed ...":
# capitalised words (and a date) before a colon that opens a line of prose
_DATELINE_COLON = re.compile(r"[^\n:]{1,40}?:(?!\d)")


def _colon_dateline(ent: Span, text: str, line_start: int) -> bool:
    """Rule ``units.colon-dateline``: a dispatch's place written before a colon at the start of
    a line of prose, Xinhua's and Fairfax's house style ("BAGHDAD, Aug 25:The Iraqi forces on
    Saturday killed ...", Xinhua 2018; "Beirut: Islamic State militants have stormed an
    airbase ...", The Age 2014). Only capitalised words and numbers stand before the colon,
    and the line is a sentence, not a heading: "Deir ez-Zor: SDF captures 15 ISIS members"
    over an article names the place its facts are at."""
    match = _DATELINE_COLON.match(text, line_start)
    if match is None or match.end() - 1 < ent.end_char or in_heading(ent.root):
        return False
    words = text[line_start: match.end() - 1].replace(",", " ").split()
    return (bool(words) and words[0].lower() not in NOT_DATELINE_STARTS
            and all(word[:1].isupper() or word[:1].isdigit() for word in words))


# ----------------------------------------------------------------------------- the headline


def in_headline(token: Token) -> bool:
    """Whether a token is in the article's first line when that line is a title (no full
    stop at its end, not a whole paragraph): headlines repeat the main event in the present
    tense, undated."""
    text = text_of(token.doc)
    first = text.lstrip()
    offset = len(text) - len(first)
    end = first.find("\n")
    if end < 0:
        return False  # a text of one line is a paragraph, not a title
    line = first[:end].rstrip()
    return (offset <= token.idx < offset + len(line) and len(line) <= 200
            and not line.endswith((".", "!", "?", '"', "\u201d")))


def in_heading(token: Token) -> bool:
    """Whether a token is on a line written as a heading, not as a sentence: a short line with
    no closing full stop (the headline, a standfirst, a photo caption's title). Headings drop
    their auxiliaries: "4 Iraqi soldiers killed, 3 injured in Daesh attack in Kirkuk",
    "Intelligence unit ... ambushed during reconnaissance mission, says Interior Ministry"."""
    text = text_of(token.doc)
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    line = text[start: end if end >= 0 else len(text)].strip()
    if end < 0 and start == 0:
        return False  # a text of one line is a paragraph, not a heading
    return 0 < len(line) <= 250 and not line.endswith((".", "!", "?", '"', "\u201d", ":"))
