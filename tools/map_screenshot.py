"""Make docs/map.png, the README's picture of the map: the seeds built, drawn with
`isisgraph viz --view map` and photographed by headless Chromium, offline.

    python tools/map_screenshot.py                 # builds seeds/ into a temporary folder
    python tools/map_screenshot.py out/graph.trig  # or draws a graph you built

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
OUTPUT = ROOT / "docs" / "map.png"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", nargs="?", type=Path, help="a built graph (.trig); default: build seeds/")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    parser.add_argument("--place", default="place/mosul", help="the place whose marker is shown opened")
    args = parser.parse_args(argv)
    browser = os.environ.get("ISISGRAPH_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        print("no chromium found (Debian: apt-get install chromium)", file=sys.stderr)
        return 2
    from isisgraph.build import build
    from isisgraph.namespaces import ID
    from isisgraph.viz import write_html

    with tempfile.TemporaryDirectory() as folder:
        graph = args.graph
        if graph is None:
            graph = Path(folder) / "graph.trig"
            build([ROOT / "seeds"], graph)
        page = write_html(graph, Path(folder) / "map.html", "map", title="isisgraph · map · seeds").output
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={folder}/profile",
                        "--virtual-time-budget=30000", "--window-size=1200,800",
                        f"--screenshot={args.output.resolve()}",
                        page.resolve().as_uri() + "#place=" + quote(str(ID[args.place]), safe="")],
                       check=True, capture_output=True)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
