"""The word lists of the extraction rules, read from ``ontology/lexicons/*.toml``.

Content words (strike and outcome verbs, aircraft and munition nouns, force nouns, speech
verbs and speaker titles, figure measures ...) are data: adding a word to a file teaches
every rule that reads the list, with no Python change. Each file is one lexicon; each table
in it one word list, documented where it is defined:

    [conduct-verbs]
    doc = "Verbs whose subject carries out the strikes named by their object."
    example = "the coalition conducted 28 strikes"
    words = ["conduct", "carry", "launch"]

``words`` is an array of lower-case forms (lemmas unless the doc says otherwise), or a table
mapping a word to a value (``[place-anaphors.words]`` ``city = ["City"]``). The rules read a
list as an attribute with underscores for hyphens: ``lexicon("strikes").conduct_verbs``, a
:class:`Words` (a frozenset that also keeps the file's order). A list the code asks for that
the file lacks is an :class:`~isisgraph.errors.InputError` naming the file.

Closed-class words (modals, pronouns, determiners) are grammar, not data: they live in
:mod:`isisgraph.closed_class`. Lexicons that are also vocabulary of the graph (event triggers,
target types, channels, claim types, measures) are SKOS schemes in ``ontology/*.ttl``, read
through :mod:`isisgraph.reference`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from isisgraph.errors import InputError
from isisgraph.ontology import data_dir

FOLDER = "lexicons"
ENTRY_KEYS = frozenset({"doc", "example", "words"})


class Words(frozenset[str]):
    """A word list: a frozenset for membership, with ``ordered`` keeping the file's order
    (for the few rules that try words in turn)."""

    ordered: tuple[str, ...]

    def __new__(cls, words: Iterable[str]) -> Words:
        items = tuple(words)
        self = super().__new__(cls, items)
        self.ordered = tuple(dict.fromkeys(items))
        return self


class Lexicon:
    """The word lists of one lexicon file, as attributes."""

    def __init__(self, path: Path, lists: Mapping[str, Any]) -> None:
        self.path = path
        self._lists = dict(lists)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        key = name.replace("_", "-")
        try:
            return self._lists[key]
        except KeyError:
            raise InputError(f"{self.path}: no word list [{key}]; add it to the file") from None

    def names(self) -> list[str]:
        return sorted(self._lists)

    def __repr__(self) -> str:
        return f"Lexicon({self.path.name}, {len(self._lists)} lists)"


def _entry(path: Path, key: str, entry: Any) -> Words | Mapping[str, Any]:
    where = f"{path}: [{key}]"
    if not isinstance(entry, dict) or "words" not in entry:
        raise InputError(f"{where} needs a 'words' array or table; see the file's other entries")
    unknown = set(entry) - ENTRY_KEYS
    if unknown:
        raise InputError(f"{where}: unknown keys {', '.join(sorted(unknown))} (only doc, example, words)")
    words = entry["words"]
    if isinstance(words, list):
        if not all(isinstance(w, str) and w == w.lower() and w.strip() for w in words):
            raise InputError(f"{where}: every word must be a non-empty lower-case string")
        return Words(words)
    if isinstance(words, dict):
        return MappingProxyType({str(k): _frozen(v) for k, v in words.items()})
    raise InputError(f"{where}: 'words' must be an array or a table")


def _frozen(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return MappingProxyType({k: _frozen(v) for k, v in value.items()})
    return value


def read_lexicon(path: Path) -> Lexicon:
    """Parse one lexicon file; a syntax error is a one-line message with the file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path}: not a readable TOML lexicon ({exc}); fix the file and run again") from exc
    return Lexicon(path, {key: _entry(path, key, entry) for key, entry in data.items()})


@cache
def lexicon(name: str) -> Lexicon:
    """The lexicon ``ontology/lexicons/{name}.toml`` (read once per process)."""
    path = data_dir("ontology") / FOLDER / f"{name}.toml"
    if not path.is_file():
        raise InputError(f"{path}: lexicon file missing; reinstall isisgraph or restore the file")
    return read_lexicon(path)


def lexicon_files() -> list[Path]:
    """Every lexicon file, for the pipeline version and the tests."""
    return sorted((data_dir("ontology") / FOLDER).glob("*.toml"))
