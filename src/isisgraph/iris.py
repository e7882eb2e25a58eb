"""The IRIs of isisgraph's individuals as plain strings, and the rule that makes their slugs.

Extraction mints IRIs (persons who speak) but imports no rdflib; :mod:`isisgraph.namespaces`
wraps the same strings as rdflib terms for the stages that build graphs.
"""

from __future__ import annotations

import re
import unicodedata

BASE = "https://w3id.org/isisgraph/"
ID = BASE + "id/"


# Latin letters that Unicode does not decompose into an ASCII letter and a mark, with their
# usual ASCII transliteration: without it "Işık" would lose its dotless i ("isk").
_LETTERS = str.maketrans({
    "ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T", "ŀ": "l", "Ŀ": "L", "ß": "ss", "æ": "ae", "Æ": "AE",
    "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ŋ": "ng", "Ŋ": "Ng", "ĸ": "k", "ſ": "s",
})


def slugify(text: str) -> str:
    """A stable, IRI-safe slug: transliterated to ASCII (letters with marks lose the mark,
    "Işık" → "isik"), lowercase, words joined by '-'. ASCII text keeps the slug it always had."""
    folded = unicodedata.normalize("NFKD", text.translate(_LETTERS)).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug or "x"


def person(slug: str) -> str:
    """``https://w3id.org/isisgraph/id/person/{slug}``."""
    return f"{ID}person/{slug}"
