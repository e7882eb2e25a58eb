"""Outputs: a folder that cannot be written is one line and exit 2; two builds never share an
output; a killed write leaves nothing behind for long; cached articles keep a true source."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Literal, URIRef

from isisgraph.build import BUILD_LOCK, Cache, build
from isisgraph.cli import main
from isisgraph.errors import BusyError
from isisgraph.locks import exclusively
from isisgraph.namespaces import IG

FIXTURE = Path(__file__).parent / "data" / "export" / "small.trig"
SRC = Path(__file__).resolve().parents[1] / "src"


def writable(folder: Path) -> bool:
    try:
        (folder / ".probe").touch()
    except OSError:
        return False
    (folder / ".probe").unlink()
    return True


@pytest.fixture
def read_only(tmp_path: Path):
    """A folder nobody may write into: permission bits, or the immutable flag for root (whom
    permission bits do not stop; CI runs as root)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    immutable = False
    if writable(folder):
        immutable = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0 \
            if shutil.which("chattr") else False
    if writable(folder):
        folder.chmod(0o755)
        pytest.skip("cannot make a read-only folder here (root without chattr)")
    yield folder
    if immutable:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    folder.chmod(0o755)


def one_error_line(result) -> str:
    lines = result.output.splitlines()
    assert "Traceback" not in result.output
    assert result.exit_code == 2, result.output
    return lines[-1]


@pytest.mark.parametrize("args, target", [
    (["export", str(FIXTURE), "-o", "{ro}/graph.ttl"], "graph.ttl"),
    (["viz", str(FIXTURE), "-o", "{ro}/graph.html"], "graph.html"),
    (["validate", str(FIXTURE), "--report", "{ro}/report.ttl"], "report.ttl"),
    (["build", str(Path(__file__).parents[1] / "seeds"), "-o", "{ro}/graph.trig", "--no-progress"], "graph.trig"),
])
def test_a_read_only_output_folder_is_one_line_and_exit_2(read_only, args, target):
    result = CliRunner().invoke(main, [arg.replace("{ro}", str(read_only)) for arg in args])
    line = one_error_line(result)
    assert line.startswith(f"Error: cannot write {read_only / target} (")
    assert line.endswith("); the folder is read-only for you; write elsewhere (-o) or fix its permissions")
    assert list(read_only.iterdir()) == []


def run_isisgraph(*args: str, file_size_limit: int | None = None, **kwargs) -> subprocess.CompletedProcess:
    def limit() -> None:
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    env = {**os.environ, "PYTHONPATH": str(SRC)}
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run([sys.executable, "-B", "-m", "isisgraph", *args], stderr=subprocess.PIPE, text=True,
                          env=env, preexec_fn=limit if file_size_limit else None, **kwargs)


@pytest.mark.skipif(sys.platform == "win32", reason="resource limits are POSIX")
def test_a_write_that_runs_out_of_room_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    out = tmp_path / "graph.nt"
    out.write_text("the previous export\n", encoding="utf-8")
    result = run_isisgraph("export", str(FIXTURE), "-o", str(out), file_size_limit=4096)
    assert result.returncode == 2, result.stderr
    assert result.stderr == (f"Error: cannot write {out} (File too large); free some space (or write "
                             "elsewhere with -o) and run again\n")
    assert out.read_text(encoding="utf-8") == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nt"]


def test_a_temporary_left_by_a_killed_writer_is_removed_by_the_next_write(tmp_path):
    """A writer killed between creating its temporary file and renaming it (SIGKILL: no
    cleanup runs) leaves it; the next write of the same file removes it, and never the
    temporary of a writer still running."""
    out = tmp_path / "graph.nt"
    writer = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from isisgraph.files import write_atomically

        def stall(tmp):
            tmp.write_bytes(b"half a graph")
            print("writing", flush=True)
            sys.stdin.read()  # until killed

        write_atomically(Path({str(out)!r}), stall)
    """)
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    process = subprocess.Popen([sys.executable, "-c", writer], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               env=env, text=True)
    try:
        assert process.stdout.readline() == "writing\n"  # the event: the temporary file exists
        (left,) = tmp_path.glob(".graph.nt.*.tmp")
        process.kill()
        process.wait()
    finally:
        with contextlib.suppress(OSError):
            process.kill()
        process.stdin.close()
        process.stdout.close()
    live = tmp_path / f".graph.nt.{os.getpid()}.abcdefgh.tmp"  # this process is alive: not touched
    live.write_bytes(b"")
    assert left.exists()
    result = CliRunner().invoke(main, ["export", str(FIXTURE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert not left.exists()
    assert live.exists()


# ---------------------------------------------------------------- one build per output


def corpus(tmp_path: Path, name: str = "corpus") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "a.txt").write_text("Coalition forces conducted six strikes near Mosul.", encoding="utf-8")
    (folder / "b.txt").write_text("Iraqi forces retook Tal Afar.", encoding="utf-8")
    return folder


def test_a_second_build_of_the_same_output_stops_at_once_and_the_first_finishes(tmp_path):
    out = tmp_path / "out" / "graph.nq"
    second: list[BaseException] = []

    def start_another(_article_id: str) -> None:
        if not second:  # while the first build holds its output
            try:
                build([corpus(tmp_path, "other")], out)
            except BusyError as exc:
                second.append(exc)

    summary = build([corpus(tmp_path)], out, on_article=start_another)
    assert [str(e) for e in second] == [
        f"another build is writing {out} (process {os.getpid()}); wait for it to finish or build to another --output"]
    assert summary.articles == 2
    assert len(list(Cache(out).folder.glob("*.json"))) == 2  # nothing pruned under the first build


def test_the_command_says_which_build_holds_the_output(tmp_path):
    out = tmp_path / "graph.trig"
    folder = Cache(out).folder
    folder.mkdir()
    with exclusively(folder / BUILD_LOCK, "held"):
        result = CliRunner().invoke(main, ["build", str(corpus(tmp_path)), "-o", str(out), "--no-progress"])
    assert one_error_line(result) == (f"Error: another build is writing {out} (process {os.getpid()}); "
                                      "wait for it to finish or build to another --output")
    assert not out.exists()


# ---------------------------------------------------------------- provenance of cached articles


def source_files(path: Path) -> dict[str, str]:
    dataset = Dataset(default_union=True)
    dataset.parse(path, format="nquads")
    return {str(s).rsplit("/", 1)[-1]: str(o) for s, _, o in dataset.triples((None, IG.sourceFile, None))}


def test_a_moved_article_records_where_it_was_read_from_without_being_processed_again(tmp_path):
    out = tmp_path / "out" / "graph.nq"
    first = corpus(tmp_path, "before")
    build([first], out)
    moved = tmp_path / "after"
    first.rename(moved)
    summary = build([moved], out)
    assert summary.processed == 0  # the articles did not change: only where they are
    assert source_files(out) == {"a": str(moved / "a.txt"), "b": str(moved / "b.txt")}
    fresh = tmp_path / "fresh.nq"
    build([moved], fresh, use_cache=False)
    time = "http://www.w3.org/ns/prov#generatedAtTime"
    lines = [[line for line in p.read_text(encoding="utf-8").splitlines() if time not in line] for p in (out, fresh)]
    assert lines[0] == lines[1]  # as a fresh build writes it, line for line


def test_with_source_replaces_only_the_source_line(tmp_path):
    from isisgraph.build import ArticleResult, with_source

    node = "https://w3id.org/isisgraph/id/article/a"
    meta = "https://w3id.org/isisgraph/graph/meta"
    lines = [f'<{node}> <{IG.sourceFile}> "old/a.txt" <{meta}> .',
             f'<{node}> <{IG.textLength}> "5"^^<http://www.w3.org/2001/XMLSchema#integer> <{meta}> .']
    result = ArticleResult("a", "k", "\n".join(lines) + "\n", 2, 0, {}, {}, [], [], source="old/a.txt")
    with_source(result, 'new "folder"/a.txt')
    assert result.source == 'new "folder"/a.txt'
    dataset = Dataset(default_union=True)
    dataset.parse(data=result.nquads, format="nquads")
    assert set(dataset.objects(URIRef(node), IG.sourceFile)) == {Literal('new "folder"/a.txt')}
    assert len(dataset) == 2


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("args", [["export", str(FIXTURE), "--format", "nt"],
                                  ["query", "strike-reports", str(FIXTURE)]])
def test_standard_output_on_a_full_disk_is_one_line(args):
    with open("/dev/full", "w") as full:
        result = run_isisgraph(*args, stdout=full)
    assert result.returncode == 2
    assert result.stderr == "Error: standard output: No space left on device; check the disk and its permissions\n"


def test_a_temporary_a_dead_writer_left_in_the_cache_is_removed_by_the_next_build(tmp_path):
    # cache entries are written without listing the folder each time: the build's prune removes them
    out, articles = tmp_path / "out" / "graph.nq", corpus(tmp_path)
    build([articles], out)
    cache = out.parent / f".{out.name}.cache"
    left = cache / ".a.0123.json.999999999.abcdefgh.tmp"
    left.write_bytes(b"half an entry")
    build([articles], out)
    assert not left.exists()
    assert not list(cache.glob("*.tmp")) and list(cache.glob("*.json"))
