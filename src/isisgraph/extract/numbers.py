"""Counts as the news writes them: "55,670", "4.5M", "six", "twenty-eight", "More than
two-dozen", "dozens", "87%", "no strikes".

``parse_count`` reads one count expression (a string, a spaCy ``Span`` or a list of tokens)
and returns ``Count(value, qualifier)``; ``find_counts`` finds every count expression in a
spaCy span with its tokens. The qualifier is a slug of the ``count-qualifier`` SKOS scheme
(exact | atLeast | approximate | atMost); the words that set it ("more than", "about",
"up to" ...) are that scheme's labels in ``ontology/schemes.ttl``, so adding a phrase there
teaches the parser.

Vague plural quantities become documented lower bounds, never invented exact numbers:
"dozens" → 24 atLeast (at least two dozen), "scores" → 40 atLeast, "hundreds" → 200 atLeast,
"thousands" → 2,000 atLeast, "tens of thousands" → 20,000 atLeast, "millions" → 2,000,000
atLeast. "a dozen" / "two-dozen" are 12 / 24 approximate (a dozen is a round figure), unless
a stated qualifier says otherwise ("more than two-dozen" → 24 atLeast); "half a dozen" is 6
approximate. "several", "a few", "many", "numerous" state no number: they give ``None``; before
a group or scale they count at least two of it ("several dozen" → 24 atLeast, "a few hundred"
→ 200 atLeast). "no", "zero", "none" are 0 — a zero
count is a fact ("There were no strikes in Syria"). The word table below is English
number words, not tuning to any article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from spacy.tokens import Span, Token

from isisgraph.extract.shared import once_per_doc, tokens_of

EXACT, AT_LEAST, APPROXIMATE, AT_MOST = "exact", "atLeast", "approximate", "atMost"

UNITS = {
    "zero": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "single": 1,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Suffixes glued to digits or written after them: "4.5M", "1.2bn", "10k", "3 mln".
SUFFIXES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
            "b": 1_000_000_000, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Round-number nouns: singular is that many (approximately), plural a lower bound.
GROUPS = {"dozen": 12, "score": 20}
# Vague quantities that count groups: "several dozen", "a few hundred" are at least two of them.
FEW_WORDS = frozenset({"several", "few"})
VAGUE_PLURALS = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000,
                 "millions": 2_000_000, "billions": 2_000_000_000, "tens": 20}
SCALES_PLURAL = {"hundreds", "thousands", "millions", "billions"}
ZERO_WORDS = {"no", "zero", "none", "nil"}
# Qualifier phrases the scheme does not list but English uses (kept small; the scheme is the
# main source). Longest match wins, so "no fewer than" is a qualifier, not the count 0.
EXTRA_QUALIFIERS = {
    "no fewer than": AT_LEAST, "no less than": AT_LEAST, "in excess of": AT_LEAST,
    "upward of": AT_LEAST, "or more": AT_LEAST, "plus": AT_LEAST, "+": AT_LEAST,
    "no more than": AT_MOST, "as many as": AT_MOST, "a maximum of": AT_MOST,
    "estimated": APPROXIMATE, "close to": APPROXIMATE, "approx": APPROXIMATE,
    "or fewer": AT_MOST, "or less": AT_MOST,
    "exactly": EXACT, "a total of": EXACT,
}

_WORD_RE = re.compile(r"\d[\d,]*(?:\.\d+)?[a-zA-Z]*|[A-Za-z]+|%|\+|\S")
_DIGITS_RE = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([a-zA-Z]*)$")


class Count(NamedTuple):
    """A parsed count: ``value`` (int when whole) and its count-qualifier slug."""

    value: int | float
    qualifier: str


@dataclass(frozen=True)
class CountMatch:
    """A count expression found in a spaCy span: its tokens, value, qualifier and unit."""

    span: Span  # qualifier + number (+ percent sign/word), e.g. "More than two-dozen"
    value: int | float
    qualifier: str
    unit: str | None = None  # "percent" when the count is a percentage

    @property
    def count(self) -> Count:
        return Count(self.value, self.qualifier)

    @property
    def head(self) -> Token:
        """The last number token: its syntactic head is usually the counted noun."""
        for token in reversed(self.span):
            if _is_number_token(token):
                return token
        return self.span[-1]


@cache
def qualifier_phrases() -> dict[str, str]:
    """Lower-cased qualifier phrase → count-qualifier slug, from the SKOS scheme's labels."""
    from isisgraph import reference

    phrases = dict(EXTRA_QUALIFIERS)
    for slug, concept in reference.load().scheme("count-qualifier").items():
        for label in concept.labels:
            phrases[label.lower()] = slug
    # The labels "dozens of"/"scores of" carry their own number; keep them as counts.
    for vague in ("dozens of", "scores of"):
        phrases.pop(vague, None)
    return phrases


def _words(text: str) -> list[str]:
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u00a0", " ")
    skip = {"-", "(", ")", '"', "\u201c", "\u201d", ",", "'"}
    return [w for w in _WORD_RE.findall(text) if w not in skip]


def _strip_qualifier(words: list[str]) -> tuple[list[str], str | None]:
    """Remove a leading and/or trailing qualifier phrase; return the rest and the slug."""
    phrases = qualifier_phrases()
    found: str | None = None
    for n in range(min(4, len(words) - 1), 0, -1):
        phrase = " ".join(words[:n]).lower()
        if phrase in phrases:
            found, words = phrases[phrase], words[n:]
            break
    for n in range(min(3, len(words) - 1), 0, -1):
        phrase = " ".join(words[-n:]).lower()
        if phrase in phrases:
            found, words = found or phrases[phrase], words[:-n]
            break
    return words, found


def _number_from_digits(word: str) -> int | float | None:
    match = _DIGITS_RE.match(word)
    if not match:
        return None
    whole, frac, suffix = match.groups()
    scale = _suffix_scale(suffix) if suffix else 1
    if scale is None:
        return None  # "5th", "1990s", "9mm", "300m" (metres): not counts
    return float(whole.replace(",", "") + (frac or "")) * scale


def _suffix_scale(suffix: str) -> int | None:
    """Magnitude of a suffix: "M"/"mn"/"million" → 10**6. A lower-case single "m" or "b" is
    more often metres or bytes than millions, so single letters count only in capitals
    (and "k")."""
    if len(suffix) == 1 and suffix not in ("M", "B", "K", "k"):
        return None
    return SUFFIXES.get(suffix.lower())


@dataclass
class _Reading:
    """A run of number words read so far: ``total`` of the completed scales, ``current``
    the part being built, whether any number was ``seen``, the qualifier the words imply."""

    total: float = 0.0
    current: float = 0.0
    seen: bool = False
    implied: str = EXACT

    def add(self, value: float, implied: str | None = None) -> None:
        self.current += value
        self.seen = True
        self.implied = implied or self.implied

    def scale(self, factor: float) -> None:
        """Close the part built so far at a scale ("four thousand"): it joins the total."""
        self.total += (self.current or 1) * factor
        self.current = 0


def _number_from_words(words: list[str]) -> tuple[float, str] | None:
    """Parse a run of number words and digits: "twenty eight", "one hundred and five",
    "4.5 million", "two dozen", "tens of thousands". Returns (value, implied qualifier)."""
    if not words:
        return None
    lowered = [w.lower() for w in words]
    if len(lowered) == 1 and lowered[0] in ZERO_WORDS:
        return 0.0, EXACT
    reading = _Reading()
    i = 0
    while i < len(lowered):
        step = _read_word(reading, lowered, words[i], i)
        if step is None:
            return None
        i += step
    if not reading.seen:
        return None
    return reading.total + reading.current, reading.implied


def _read_word(reading: _Reading, words: list[str], raw: str, i: int) -> int | None:
    """Read the number word at ``i`` into ``reading``; how many words it took, or None when
    the word is no part of a number."""
    w, following = words[i], words[i + 1: i + 3]
    digit_value = _number_from_digits(raw)
    if digit_value is not None:
        reading.add(digit_value)
    elif w in UNITS or w in TENS:
        reading.add(UNITS[w] if w in UNITS else TENS[w])
    elif w in ("a", "an") and following and (following[0] in SCALES or following[0] in GROUPS):
        reading.add(1)
    elif w == "half" and len(following) == 2 and following[0] in ("a", "an"):
        reading.add(0.5, APPROXIMATE)
        return 2
    elif w == "half" and following and (following[0] in GROUPS or following[0] in SCALES):
        reading.add(0.5, APPROXIMATE)  # "a half-dozen"
    elif w in FEW_WORDS and following and (following[0] in GROUPS or following[0] in SCALES):
        reading.add(2, AT_LEAST)  # "several dozen", "a few hundred": at least two of them
    elif w == "couple":
        reading.add(2, APPROXIMATE)
    elif w in GROUPS:
        reading.current = (reading.current or 1) * GROUPS[w]
        if reading.implied != AT_LEAST:
            reading.implied = APPROXIMATE
        reading.seen = True
    elif w in SCALES:
        if SCALES[w] == 100:
            reading.current = (reading.current or 1) * 100
        else:
            reading.scale(SCALES[w])
        reading.seen = True
    elif reading.seen and _suffix_scale(raw) is not None:
        reading.scale(_suffix_scale(raw) or 1)
    elif w in VAGUE_PLURALS:
        return _read_vague_plural(reading, w, following)
    elif w not in ("and", "of", "a", "an"):
        return None
    return 1


def _read_vague_plural(reading: _Reading, word: str, following: list[str]) -> int:
    """ "dozens", "hundreds": a lower bound; "hundreds of thousands" multiplies, 200 x 1,000."""
    base, step = VAGUE_PLURALS[word], 1
    if len(following) == 2 and following[0] == "of" and following[1] in SCALES_PLURAL:
        base *= SCALES[following[1][:-1]]
        step = 3
    reading.scale(base)
    reading.seen, reading.implied = True, AT_LEAST
    return step


def _strip_percent(words: list[str]) -> tuple[list[str], str | None]:
    lowered = [w.lower() for w in words]
    if lowered[-2:] == ["per", "cent"]:
        return words[:-2], "percent"
    if lowered[-1:] and lowered[-1] in ("%", "percent", "pct"):
        return words[:-1], "percent"
    return words, None


def _tidy(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _text_of(expr: str | Span | Sequence[Token]) -> str:
    if isinstance(expr, str):
        return expr
    if isinstance(expr, Span):
        return expr.text
    return "".join(t.text_with_ws for t in expr).strip()


def parse_quantity(expr: str | Span | Sequence[Token]) -> tuple[Count, str | None] | None:
    """Like ``parse_count`` but also says the unit: ``"percent"`` for "87%" / "100 percent",
    otherwise None."""
    words = _words(_text_of(expr))
    if not words:
        return None
    words, unit = _strip_percent(words)
    words, qualifier = _strip_qualifier(words)
    if unit is None:
        words, unit = _strip_percent(words)
    parsed = _number_from_words(words)
    if parsed is None:
        return None
    value, implied = parsed
    if qualifier is None:
        qualifier = implied
    return Count(_tidy(value), qualifier), unit


def parse_count(expr: str | Span | Sequence[Token]) -> Count | None:
    """The count an expression states, with its qualifier, or None when it states none.

    >>> parse_count("More than two-dozen")
    Count(value=24, qualifier='atLeast')
    >>> parse_count("55,670")
    Count(value=55670, qualifier='exact')
    """
    parsed = parse_quantity(expr)
    return parsed[0] if parsed else None


# ----------------------------------------------------------------- finding counts in a Doc

_SKIP_ENTS = {"DATE", "TIME", "ORDINAL", "MONEY"}
_NUMBER_WORDS = frozenset({*UNITS, *TENS, *SCALES, *GROUPS, *VAGUE_PLURALS})
_STARTS_AFTER_ARTICLE = frozenset({*GROUPS, *SCALES, "couple"})  # "a dozen", "a couple"


def _is_number_token(token: Token) -> bool:
    lower = token.lower_
    if lower in _NUMBER_WORDS:
        return True
    if lower == "couple" and token.i > 0 and token.nbor(-1).lower_ == "a":
        return True
    if token.like_num and _number_from_digits(token.text) is not None:
        return True
    # "4.5 M", "3 mln": a magnitude suffix written as its own token after digits.
    return (_suffix_scale(token.text) is not None and token.i > 0 and token.nbor(-1).like_num)


def _is_zero_determiner(token: Token) -> bool:
    """'no' as a determiner of a noun ("no strikes"), or "zero"/"none"."""
    lower = token.lower_
    if lower in ("zero", "none"):
        return True
    return lower == "no" and token.dep_ == "det" and token.head.pos_ in ("NOUN", "PROPN")


def _is_digits(token: Token) -> bool:
    return token.text[:1].isdigit()


def _extend_right(tokens: Sequence[Token], end: int) -> int:
    """Grow a number run over hyphens, number words and scales: "twenty-eight", "one hundred
    and five", "4.5 million", "hundreds of thousands". Stops before a second count joined by
    "and" ("six strikes and five raids" are two counts) and before digit ranges ("20-30")."""
    while end < len(tokens):
        tok, prev = tokens[end], tokens[end - 1]
        nxt = tokens[end + 1] if end + 1 < len(tokens) else None
        if _is_number_token(tok) and not (_is_digits(tok) and _is_digits(prev)):
            end += 1
        elif nxt is None or not _is_number_token(nxt):
            break
        elif tok.lower_ in ("-", "\u2013"):
            if _is_digits(prev) and _is_digits(nxt):
                break
            end += 2
        elif _joins_scale(tok, prev, nxt):
            end += 2
        else:
            break
    return end


def _before_group(tokens: Sequence[Token], i: int) -> int | None:
    """'half a dozen', 'a half-dozen', 'several dozen', 'a few hundred': where the number
    goes on after a fraction or a vague quantity before a group or scale word (the index after
    that word), or None."""
    word = tokens[i].lower_
    if word != "half" and word not in FEW_WORDS:
        return None
    j = i + 1
    while j < len(tokens) and j <= i + 2 and tokens[j].lower_ in ("a", "an", "-"):
        if word != "half":
            return None  # "several a dozen" is no number
        j += 1
    if j < len(tokens) and (tokens[j].lower_ in GROUPS or tokens[j].lower_ in SCALES):
        return j + 1
    return None


def _joins_scale(tok: Token, prev: Token, nxt: Token) -> bool:
    """A word inside a spelled number before a scale: "hundred **and** five", "hundreds
    **of** thousands", "**a** hundred"."""
    return ((tok.lower_ == "and" and prev.lower_ in SCALES and not _is_digits(nxt))
            or (tok.lower_ == "of" and nxt.lower_ in SCALES_PLURAL)
            or (tok.lower_ in ("a", "an") and nxt.lower_ in SCALES))


def _digit_range(tokens: Sequence[Token], i: int, end: int) -> int | None:
    """End of a "20-30" / "20 to 30" range starting at token ``i``, if there is one."""
    dash = end < len(tokens) and tokens[end].lower_ in ("-", "\u2013", "to")
    if end + 1 < len(tokens) and _is_digits(tokens[i]) and dash:
        other = tokens[end + 1]
        if _is_digits(other):
            low, high = _number_from_digits(tokens[i].text), _number_from_digits(other.text)
            if low is not None and high is not None and high > low:
                return end + 2
    return None


def find_counts(span: Span | Iterable[Token], skip_dates: bool = True) -> list[CountMatch]:
    """Every count expression in a span, left to right, with any qualifier before or after.

    Tokens inside DATE/TIME/ORDINAL/MONEY entities are skipped when ``skip_dates`` (years and
    days of month are not counts)."""
    tokens = span if isinstance(span, Span) else None
    if tokens is None:
        toks = list(span)
        if not toks:
            return []
        tokens = toks[0].doc[toks[0].i: toks[-1].i + 1]
    # the extractors count in the same sentences: each span is read once per extract
    key = (find_counts, tokens.start, tokens.end, skip_dates)
    return list(once_per_doc(tokens.doc, key, lambda: _counts_in(tokens, skip_dates)))


def _counts_in(tokens: Span, skip_dates: bool) -> list[CountMatch]:
    doc = tokens.doc
    phrases = qualifier_phrases()
    out: list[CountMatch] = []
    toks = tokens_of(tokens)  # the Span makes a new Token on every index
    i = 0
    while i < len(toks):
        tok = toks[i]
        if skip_dates and tok.ent_type_ in _SKIP_ENTS:
            i += 1
            continue
        if _is_zero_determiner(tok):
            out.append(CountMatch(tokens[i: i + 1], 0, EXACT))
            i += 1
            continue
        starts_number = _is_number_token(tok) or (
            tok.lower_ in ("a", "an") and i + 1 < len(toks)
            and toks[i + 1].lower_ in _STARTS_AFTER_ARTICLE
        )
        grouped = _before_group(toks, i)  # "half a dozen", "several dozen"
        if not starts_number and grouped is None:
            i += 1
            continue
        end = _extend_right(toks, grouped if grouped is not None else i + 1)
        range_end = _digit_range(toks, i, end) if end == i + 1 else None
        if range_end is not None:
            # "20-30 fighters": the lower end is a safe lower bound.
            low = _number_from_digits(tok.text) or 0
            out.append(CountMatch(tokens[i:range_end], _tidy(low), AT_LEAST))
            i = range_end
            continue
        unit = None
        if end < len(toks) and toks[end].lower_ in ("%", "percent", "pct"):
            unit, end = "percent", end + 1
        elif [t.lower_ for t in toks[end: end + 2]] == ["per", "cent"]:
            unit, end = "percent", end + 2
        elif end < len(toks) and toks[end].text == "+":
            end += 1  # "300+"
        # Qualifiers written before ("more than", "an estimated") or after ("or so").
        start = i
        for n in (4, 3, 2, 1):
            if start - n < 0:
                continue
            phrase = " ".join(t.lower_ for t in toks[start - n: start])
            if phrase in phrases:
                start -= n
                break
        for n in (3, 2, 1):
            if end + n <= len(toks):
                phrase = " ".join(t.lower_ for t in toks[end: end + n])
                if phrase in ("or so", "or more", "or fewer", "or less"):
                    end += n
                    break
        expr = doc[toks[start].i: toks[end - 1].i + 1]
        parsed = parse_quantity(expr)
        if parsed is not None:
            count, parsed_unit = parsed
            out.append(CountMatch(expr, count.value, count.qualifier, unit or parsed_unit))
        i = end
    return out
