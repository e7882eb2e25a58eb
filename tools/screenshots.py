"""Make the README's pictures: docs/map.png (the map, Mosul's marker opened) and
docs/actors-view.png (the whole actors view), from the seeds built, drawn with `isisgraph viz`
and photographed by headless Chromium, offline.

    python tools/screenshots.py                 # builds seeds/ into a temporary folder
    python tools/screenshots.py out/graph.trig  # or draws a graph you built

Chromium is Debian's `chromium` (or $ISISGRAPH_CHROMIUM).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
# picture -> (view, what the address opens in it)
PICTURES = {
    ROOT / "docs" / "map.png": ("map", "#place=" + quote("https://w3id.org/isisgraph/id/place/mosul", safe="")),
    ROOT / "docs" / "actors-view.png": ("actors", ""),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", nargs="?", type=Path, help="a built graph (.trig); default: build seeds/")
    args = parser.parse_args(argv)
    browser = os.environ.get("ISISGRAPH_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        print("no chromium found (Debian: apt-get install chromium)", file=sys.stderr)
        return 2
    from isisgraph.build import build
    from isisgraph.viz import write_html

    with tempfile.TemporaryDirectory() as folder:
        graph = args.graph
        if graph is None:
            graph = Path(folder) / "graph.trig"
            build([ROOT / "seeds"], graph)
        for picture, (view, fragment) in PICTURES.items():
            page = write_html(graph, Path(folder) / f"{view}.html", view, title=f"isisgraph · {view} · seeds").output
            subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                            "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={folder}/profile",
                            "--virtual-time-budget=60000", "--window-size=1200,800", f"--screenshot={picture}",
                            page.resolve().as_uri() + fragment],
                           check=True, capture_output=True)
            print(f"wrote {picture}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
