"""Text from the articles never drives a terminal or runs as a spreadsheet formula."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from isisgraph.cli import main
from isisgraph.hygiene import printable, spreadsheet_cell

FIXTURE = Path(__file__).parent / "data" / "queries" / "fixture.trig"
FORMULA = '=HYPERLINK("http://evil.example/","Example Wire")'
ESCAPES = "\x1b]0;owned\x07\x1b[2J"


@pytest.fixture
def hostile(tmp_path) -> Path:
    """The query fixture with a publisher that is a formula followed by terminal escapes."""
    text = FIXTURE.read_text(encoding="utf-8")
    spelled = FORMULA.replace('"', '\\"') + "\\u001B]0;owned\\u0007\\u001B[2J"
    assert '"Example Wire"' in text
    graph = tmp_path / "hostile.trig"
    graph.write_text(text.replace('"Example Wire"', f'"{spelled}"'), encoding="utf-8")
    return graph


def test_explain_shows_escape_sequences_instead_of_sending_them(hostile):
    result = CliRunner().invoke(main, ["explain", "event/a4/e-hawija", str(hostile)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert f"{FORMULA}\\x1b]0;owned\\x07\\x1b[2J, 2018-01-20" in result.output


def publishers(graph: Path, fmt: str) -> str:
    rq = graph.parent / "publishers.rq"
    rq.write_text("SELECT DISTINCT ?publisher WHERE { ?a <http://schema.org/publisher> ?publisher } "
                  "ORDER BY ?publisher", encoding="utf-8")
    result = CliRunner().invoke(main, ["query", str(rq), str(graph), "-f", fmt])
    assert result.exit_code == 0, result.output
    return result.output


def test_query_csv_quotes_formulas_as_text(hostile):
    rows = list(csv.reader(io.StringIO(publishers(hostile, "csv"))))
    assert ["'" + FORMULA + ESCAPES] in rows
    assert all(not cell.startswith("=") for row in rows for cell in row)


@pytest.mark.parametrize("fmt", ["table", "md"])
def test_query_tables_show_escape_sequences(hostile, fmt):
    output = publishers(hostile, fmt)
    assert "\x1b" not in output and "\x07" not in output
    assert "\\x1b]0;own" in output  # (a table cell is cut at 60 characters)


def test_query_json_escapes_control_characters(hostile):
    output = publishers(hostile, "json")
    assert "\x1b" not in output and "\\u001b]0;owned" in output


def test_export_csv_quotes_formulas_as_text(hostile, tmp_path):
    out = tmp_path / "events.csv"
    result = CliRunner().invoke(main, ["export", str(hostile), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    sources = {row["source"] for row in rows}
    assert "'" + FORMULA + ESCAPES in sources
    assert not any(value.startswith(("=", "+", "@")) for row in rows for value in row.values())


@pytest.mark.parametrize("value, cell", [
    ("=1+1", "'=1+1"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"), ("@SUM(A1)", "'@SUM(A1)"),
    ("-2+3", "'-2+3"), ("\tx", "'\tx"), ("-7.5", "-7.5"), ("+12", "+12"), ("1e5", "1e5"), (-3, -3),
    ("Raqqa", "Raqqa"), ("", ""),
])
def test_spreadsheet_cell(value, cell):
    assert spreadsheet_cell(value) == cell


def test_printable_keeps_text_newlines_and_arabic_marks():
    assert printable("a\tb\nc") == "a\tb\nc"
    assert printable("\u0627\u0644\u0631\u0642\u0629\u200f") == "\u0627\u0644\u0631\u0642\u0629\u200f"
    assert printable("x\x1b[31my\u202ez\x9b") == "x\\x1b[31my\\u202ez\\x9b"


def test_a_file_name_with_escapes_is_shown_escaped_in_build_messages(tmp_path):
    (tmp_path / "evil\x1b[2J.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["build", str(tmp_path), "-o", str(tmp_path / "g.trig"), "--no-progress"])
    assert result.exit_code == 2
    assert "\x1b" not in result.output
    assert "evil\\x1b[2J.txt: empty file" in result.output
