"""Writing output files so that nothing good is ever lost, and saying why when it fails.

Every file isisgraph writes (a build's graph and cache entries, exports, the viz page, a
validation report, the stamp of a query store) goes through :func:`write_atomically`, and
every folder it creates through :func:`make_folder`: an ``OSError`` there (a read-only
folder, a full disk, a file where a folder should be) becomes one :class:`OutputError` line
naming the file and what to do (exit 2), never a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from isisgraph.errors import OutputError


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def cannot_write(path: Path, exc: OSError) -> OutputError:
    """The one-line error for an output that could not be written."""
    reason = exc.strerror or type(exc).__name__
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        advice = "free some space (or write elsewhere with -o) and run again"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        advice = "the folder is read-only for you; write elsewhere (-o) or fix its permissions"
    elif exc.errno in (errno.ENOTDIR, errno.EEXIST, errno.EISDIR):
        advice = "a file stands where a folder should be, or a folder where the file should be; move it"
    else:
        advice = "check the folder and the disk"
    return OutputError(f"cannot write {path} ({reason}); {advice}")


def make_folder(folder: Path, for_file: Path | None = None) -> Path:
    """``folder`` and its parents, created when missing; an OSError becomes an OutputError
    about ``for_file`` (the file that needed the folder) or the folder itself."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cannot_write(for_file or folder, exc) from exc
    return folder


# Temporary files are named .NAME.PID.RANDOM.tmp: a later write of the same file removes those
# left by processes that are gone (a build killed while writing), and never a live one's.
TEMPORARY = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.tmp")


def remove_stale_temporaries(path: Path) -> None:
    """Remove ``.NAME.PID.*.tmp`` files beside ``path`` whose process no longer runs."""
    try:
        candidates = list(path.parent.glob(f".{glob_escape(path.name)}.*.tmp"))
    except OSError:
        return
    for candidate in candidates:
        match = TEMPORARY.fullmatch(candidate.name)
        if match is None or match["name"] != path.name or process_alive(int(match["pid"])):
            continue
        with contextlib.suppress(OSError):  # another process cleaned it, or the folder is read-only
            candidate.unlink()


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process (or a number no process can have: leave it)
    return True


def write_atomically(path: Path, content: bytes | Callable[[Path], None], *, clean_stale: bool = True) -> None:
    """Write ``content`` (bytes, or a function that writes a given path) to a temporary file
    beside ``path``, flush it to disk and rename it over ``path``: a reader never sees a
    half-written file, and a failed or interrupted write leaves the previous one.

    ``clean_stale=False`` skips removing the temporaries of dead writers first, which lists the
    folder: for a folder of many files whose owner removes them itself (the build's cache,
    pruned at the end of every build), where listing it on every write costs time that grows
    with the square of the files.

    Raises OutputError (exit 2) when the folder or the file cannot be written."""
    make_folder(path.parent, path)
    if clean_stale:
        remove_stale_temporaries(path)
    try:
        handle, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    os.close(handle)
    tmp = Path(tmp_name)
    try:
        if isinstance(content, bytes):
            tmp.write_bytes(content)
        else:
            content(tmp)
        with tmp.open("rb") as stream:
            os.fsync(stream.fileno())
        os.chmod(tmp, 0o666 & ~current_umask())  # mkstemp makes 0600; outputs are for sharing
        os.replace(tmp, path)
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
