"""Text from articles on its way out: safe on a terminal, inert in a spreadsheet.

Titles, quotes and file names come from whoever wrote the articles. Printed raw, an escape
sequence in a title (``\\x1b]8;;...``, ``\\x1b[2J``) would drive the reader's terminal, and a
CSV cell starting with ``=`` (``=HYPERLINK(...)``) would be run as a formula by a
spreadsheet. The graph keeps the text as it was; only what is printed or exported changes.
"""

from __future__ import annotations

import re

# C0 and C1 control characters but tab and line feed, and the bidirectional overrides and
# isolates that reorder what a terminal shows (the marks U+200E/U+200F are left: Arabic
# text uses them, and they reorder nothing).
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# A spreadsheet reads a cell starting with one of these as a formula (OWASP: CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def printable(text: str) -> str:
    """``text`` with each control character written as a visible escape (``\\x1b``)."""
    return CONTROL.sub(lambda match: escape(match.group()), text)


def escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def spreadsheet_cell(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text: a string that would start a formula gets
    a leading apostrophe (the spreadsheet convention for "this is text"); numbers, and
    strings that are plain numbers ("-7.5"), are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not NUMBER.fullmatch(value):
        return "'" + value
    return value
