"""Writing output files so that nothing good is ever lost."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: Path, content: bytes | Callable[[Path], None]) -> None:
    """Write ``content`` (bytes, or a function that writes a given path) to a temporary file
    beside ``path``, flush it to disk and rename it over ``path``: a reader never sees a
    half-written file, and a failed or interrupted write leaves the previous one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
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
    finally:
        tmp.unlink(missing_ok=True)
