"""Section headings: a release that lists strikes by country puts the country in a heading
line of its own ("Strikes in Syria", "Iraq") and leaves it out of the count line and the town
lines below it ("Attack and fighter aircraft conducted 10 strikes coordinated with and in
support of the Government of Iraq:", "* Near Hit, two strikes destroyed ..."). A report that
names no country of its own is in the country of the heading above it, up to the next heading
(strikes.context.heading-country; dev: the CJTF-OIR release of 6 March 2017, the CENTCOM
release of 22 July 2016).

A heading is a whole line of at most a few words, not the article's headline, without a
closing full stop and without a verb (but a strike word the tagger calls one:
"Strikes in Syria")."""

from __future__ import annotations

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.extract.shared import text_of, tokens_of
from isisgraph.extract.strikes.document import Document, Draft
from isisgraph.extract.strikes.nouns import strike_noun
from isisgraph.extract.strikes.places import places
from isisgraph.extract.syntax.units import in_headline

HEADING_COUNTRY = "strikes.context.heading-country"  # "Strikes in Iraq", then its lines

HEADING_MAX_WORDS = 6


def heading_countries(d: Document, n: int) -> list[str] | None:
    """The countries of the section heading unit ``n`` is under ([] for a heading that names
    none, which closes the section above it), or None when no heading is above it."""
    if d.section_headings is None:
        d.section_headings = {m: places(tokens_of(unit), d)[0]
                              for m, unit in enumerate(d.units) if is_heading(d, unit)}
    for m in range(n - 1, -1, -1):
        if m in d.section_headings:
            return d.section_headings[m]
    return None


def is_heading(d: Document, unit: DocSpan) -> bool:
    """Whether a unit is a section heading: a short line of its own, not the headline, with no
    closing punctuation and no verb."""
    text = text_of(d.doc)
    start, end = unit.start_char, unit.end_char
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip() or text[end:line_end].strip():
        return False
    words = [t for t in tokens_of(unit) if not t.is_punct and not t.is_space]
    if not words or len(words) > HEADING_MAX_WORDS or in_headline(unit[0]):
        return False
    if text[start:end].rstrip().endswith((".", "!", "?")):
        return False
    return not any(t.pos_ in ("VERB", "AUX") and not strike_word(t, d) for t in words)


def strike_word(tok: Token, d: Document) -> bool:
    """'Strikes' in a heading, whatever the tagger calls it."""
    lower = tok.lower_.replace("-", "")
    return strike_noun(tok, d) or tok.lemma_.lower() in d.lex.strike_nouns or (
        lower.rstrip("s") in d.lex.strike_nouns)


def heading_country(d: Document, draft: Draft) -> None:
    """A report without a country of its own takes that of the heading it is under."""
    if draft.countries or draft.actor_source == "blocked":
        return
    countries = heading_countries(d, draft.unit)
    if countries:
        draft.countries, draft.country_source = list(countries), "context"
        draft.step(HEADING_COUNTRY)
