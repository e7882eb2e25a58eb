"""The IRIs of isisgraph's individuals as plain strings, and the rule that makes their slugs.

Extraction mints IRIs (persons who speak) but imports no rdflib; :mod:`isisgraph.namespaces`
wraps the same strings as rdflib terms for the stages that build graphs.
"""

from __future__ import annotations

import re
import unicodedata

BASE = "https://w3id.org/isisgraph/"
ID = BASE + "id/"


# Latin letters that Unicode does not decompose into a base letter and a mark, so that ASCII
# folding would drop them: Turkish dotless i ("Işık" is "isik", not "isk"), Polish ł, Nordic ø.
_UNDECOMPOSED = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
                               "Đ": "D", "ħ": "h", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                               "ß": "ss"})


def slugify(text: str) -> str:
    """A stable, IRI-safe slug: ASCII-folded, lowercase, words joined by '-'."""
    folded = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED)).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug or "x"


def person(slug: str) -> str:
    """``https://w3id.org/isisgraph/id/person/{slug}``."""
    return f"{ID}person/{slug}"
