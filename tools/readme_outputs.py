"""The outputs README.md shows, remade from a build of the seeds, so the README cannot go stale.

An output the README shows follows a marker naming the command that prints it:

    <!-- output of: isisgraph query strike-reports out/graph.trig -->
    ```text
    ...what the command prints...
    ```

(``| first N lines`` or ``| last N lines`` after the command keeps those lines; a block that is not fenced is
a Markdown table: the lines that start with ``|``). ``tests/test_readme.py`` runs every
marked command on the seeds build and fails when a block differs from what it prints; this
script rewrites the blocks instead:

    .venv/bin/isisgraph build seeds -o out/graph.trig
    .venv/bin/python tools/readme_outputs.py out/graph.trig

Commands run in the project folder through the isisgraph CLI, with ``out/graph.trig`` standing
for the graph given; the graph's path is written back as ``out/graph.trig`` in the output.
"""

from __future__ import annotations

import re
import shlex
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SHOWN_GRAPH = "out/graph.trig"
MARKER = re.compile(r"^<!-- output of: (?P<command>.+?)(?: \| (?P<which>first|last) (?P<lines>\d+) lines)? -->\n",
                    re.M)


@dataclass(frozen=True)
class Block:
    """A command the README runs and the output it shows (``start``:``end`` in the text)."""

    command: str
    lines: int | None  # the first N lines (-N: the last N) of the output, or all
    start: int
    end: int
    shown: str


def blocks(text: str) -> list[Block]:
    found = []
    for match in MARKER.finditer(text):
        start = match.end()
        if text.startswith("```", start):
            body_start = text.index("\n", start) + 1
            end = text.index("```", body_start)
        else:
            body_start = end = start
            while text.startswith("|", end):
                end = text.index("\n", end) + 1
        lines = int(match["lines"]) * (-1 if match["which"] == "last" else 1) if match["lines"] else None
        found.append(Block(match["command"], lines,
                           body_start, end, text[body_start:end]))
    return found


def run(command: str, graph: Path) -> str:
    """What ``command`` prints (standard output) on ``graph``, as the README shows it."""
    from click.testing import CliRunner

    from isisgraph.cli import main

    words = shlex.split(command)
    if words[0].endswith("isisgraph"):
        words = words[1:]
    args = [str(graph) if word == SHOWN_GRAPH else word for word in words]
    # a command whose --graph option defaults to out/graph.trig reads the graph given
    defaults = {name: {"graph": str(graph)} for name, command in main.commands.items()
                if any(param.name == "graph" and str(param.default) == SHOWN_GRAPH for param in command.params)}
    result = CliRunner().invoke(main, args, default_map=defaults)
    if result.exit_code != 0:
        raise RuntimeError(f"`{command}` exited {result.exit_code}: {result.output.strip()[-500:]}")
    return result.stdout.replace(str(graph), SHOWN_GRAPH)


def expected(block: Block, output: str) -> str:
    if block.lines is not None:
        kept = output.splitlines(keepends=True)
        output = "".join(kept[: block.lines] if block.lines > 0 else kept[block.lines:])
    return output if output.endswith("\n") else output + "\n"


def remade(text: str, runner: Callable[[str], str]) -> str:
    """The README text with every marked block replaced by what its command prints now."""
    for block in reversed(blocks(text)):
        text = text[: block.start] + expected(block, runner(block.command)) + text[block.end:]
    return text


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_file():
        print(__doc__.split("\n\n")[3], file=sys.stderr)
        return 2
    graph = Path(argv[0]).resolve()
    text = README.read_text(encoding="utf-8")
    new = remade(text, lambda command: run(command, graph))
    README.write_text(new, encoding="utf-8")
    print(f"{README.name}: {len(blocks(text))} outputs remade" + ("" if new != text else " (unchanged)"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
