"""The word lists of the rules (``ontology/lexicons/*.toml``): every file reads, every list is
documented and read by some rule, and a broken file is a one-line error naming it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from isisgraph.errors import InputError
from isisgraph.lexicons import Words, lexicon, lexicon_files, read_lexicon

SRC = Path(__file__).resolve().parents[1] / "src" / "isisgraph"


def test_every_lexicon_file_reads_and_documents_its_lists() -> None:
    import tomllib

    files = lexicon_files()
    assert {p.stem for p in files} >= {"grammar", "people"}
    for path in files:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert data, path
        for key, entry in data.items():
            assert entry.get("doc") and entry.get("example"), f"{path.name}: [{key}] needs doc and example"
        read_lexicon(path)


def test_every_list_is_read_by_a_rule() -> None:
    code = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py"))
    unused = []
    for path in lexicon_files():
        for key in read_lexicon(path).names():
            if not re.search(r"\." + re.escape(key.replace("-", "_")) + r"\b", code):
                unused.append(f"{path.name}: [{key}]")
    assert not unused, f"word lists no rule reads: {unused}"


def test_words_keep_their_order_and_answer_membership() -> None:
    words = Words(["say", "tell", "say", "report"])
    assert "tell" in words and "deny" not in words
    assert words.ordered == ("say", "tell", "report")
    assert lexicon("grammar").denial_verbs.ordered[0] == "deny"


def test_a_missing_list_names_the_file() -> None:
    with pytest.raises(InputError, match=r"grammar\.toml: no word list \[no-such-list\]"):
        lexicon("grammar").no_such_list  # noqa: B018


@pytest.mark.parametrize("text, message", [
    ("[a]\nwords = [\n", "not a readable TOML lexicon"),
    ("[a]\ndoc = 'x'\n", "needs a 'words' array or table"),
    ("[a]\nwords = ['Say']\n", "lower-case"),
    ("[a]\nwords = ['say']\nnote = 'x'\n", "unknown keys note"),
    ("[a]\nwords = 3\n", "must be an array or a table"),
])
def test_a_broken_file_is_one_line_naming_it(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        read_lexicon(path)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


def test_a_table_of_words_maps_to_values(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text("[place-anaphors]\ndoc='d'\nexample='e'\n[place-anaphors.words]\ncity = ['City']\n",
                    encoding="utf-8")
    assert read_lexicon(path).place_anaphors["city"] == ("City",)
