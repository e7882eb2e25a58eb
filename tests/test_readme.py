"""README.md cannot go stale: the outputs it shows are what its commands print on the seeds
build, every command it gives parses, every CLI command is in it, and its links resolve
inside the repository.

The outputs are marked ``<!-- output of: COMMAND -->`` (tools/readme_outputs.py, which also
remakes them). The "How good is it" section is the lead's: only its place is checked.
"""

from __future__ import annotations

import importlib.util
import re
import shlex
import sys
from pathlib import Path

import click
import pytest

from isisgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
TEXT = README.read_text(encoding="utf-8")

spec = importlib.util.spec_from_file_location("readme_outputs", ROOT / "tools" / "readme_outputs.py")
readme_outputs = importlib.util.module_from_spec(spec)
sys.modules["readme_outputs"] = readme_outputs  # dataclasses look their module up
spec.loader.exec_module(readme_outputs)  # type: ignore[union-attr]
BLOCKS = readme_outputs.blocks(TEXT)


def test_the_readme_shows_outputs_of_its_commands():
    commands = [b.command for b in BLOCKS]
    assert len(commands) >= 5
    for needed in ("validate", "demo-queries", "query strikes-near-place", "explain", "names"):
        assert any(c.startswith(f"isisgraph {needed}") for c in commands), needed


@pytest.mark.slow
@pytest.mark.parametrize("block", BLOCKS, ids=[b.command for b in BLOCKS])
def test_each_output_shown_is_what_the_command_prints_on_the_seeds(block, seeds_build):
    graph, _ = seeds_build
    printed = readme_outputs.expected(block, readme_outputs.run(block.command, graph))
    if printed != block.shown:
        import difflib

        diff = "".join(difflib.unified_diff(block.shown.splitlines(True), printed.splitlines(True), "README", "now"))
        pytest.fail(f"README.md shows another output of `{block.command}`; if the new one is right, run "
                    f"`isisgraph build seeds -o out/graph.trig && python tools/readme_outputs.py out/graph.trig`:\n"
                    f"{diff}")


def test_the_output_blocks_are_found_whole():
    # a marker is followed by its output and nothing else: fenced, or a Markdown table
    for block in BLOCKS:
        assert block.shown.strip(), f"`{block.command}` shows no output"
        after = TEXT[block.end:block.end + 4]
        assert after.startswith("```") or after.startswith("\n"), block.command


def shell_commands() -> list[str]:
    commands = []
    for body in re.findall(r"```sh\n(.*?)```", TEXT, re.S):
        for line in body.splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip().rstrip("&").strip()
            if re.match(r"^(\S+=\S+ )*\.venv/bin/isisgraph ", line):
                commands.append(line[line.index(".venv/bin/isisgraph"):])
    return commands


@pytest.mark.parametrize("command", shell_commands())
def test_every_command_the_readme_gives_parses(command):
    words = shlex.split(command)[1:]
    name, args = words[0], words[1:]
    with click.Context(main) as ctx:
        command_object = main.get_command(ctx, name)
        assert command_object is not None, f"no command {name!r}"
        command_object.make_context(name, args, parent=ctx)  # raises a UsageError on a wrong option or argument


def test_every_cli_command_is_in_the_readme():
    shown = set(re.findall(r"isisgraph ([a-z-]+)", TEXT))
    assert set(main.commands) <= shown, sorted(set(main.commands) - shown)


def heading_anchor(heading: str) -> str:
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_links_resolve_inside_the_repository():
    anchors = {heading_anchor(h) for h in re.findall(r"^#+ (.+)$", TEXT, re.M)}
    targets = re.findall(r"\]\(([^)\s]+)\)", TEXT)
    assert targets
    for target in targets:
        if re.match(r"https?://", target):
            continue
        path, _, anchor = target.partition("#")
        assert not path.startswith("../"), f"{target} leaves the repository"
        if path:
            assert (ROOT / path).exists(), f"{target} does not exist"
        else:
            assert anchor in anchors, f"#{anchor} is no heading of the README"
    assert "../shared" not in TEXT


def test_how_good_is_it_follows_what_is_extracted():
    headings = re.findall(r"^## (.+)$", TEXT, re.M)
    assert headings[headings.index("What is extracted") + 1] == "How good is it"


def test_the_notebook_command_keeps_its_outputs():
    # `jupyter execute` without --output or --inplace runs the notebook and keeps nothing
    runs = re.findall(r"^.*jupyter execute .*$", TEXT, re.M)
    assert runs and all("--output" in run or "--inplace" in run for run in runs)
    assert any("ISISGRAPH_GRAPH=" in run for run in runs)
