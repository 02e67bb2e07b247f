#!/usr/bin/env python3
"""Copy the front-end files we serve from node_modules into somevakt/static/vendor/.

Run after `npm ci` (`make install` does both). Nothing is fetched at run time: the web
app serves these copies itself. The folder is build output and git-ignored.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
VENDOR = ROOT / "somevakt" / "static" / "vendor"

# target name in vendor/ -> source under node_modules/
FILES = {
    "designsystemet.css": "@digdir/designsystemet-css/dist/src/index.css",
    "designsystemet-theme-digdir.css": "@digdir/designsystemet-theme/brand/digdir.css",
    "htmx.min.js": "htmx.org/dist/htmx.min.js",
    "LICENSE.designsystemet-css": "@digdir/designsystemet-css/LICENSE",
    "LICENSE.designsystemet-theme": "@digdir/designsystemet-theme/LICENSE",
    "LICENSE.htmx": "htmx.org/LICENSE",
}


def main() -> int:
    missing = [source for source in FILES.values() if not (NODE_MODULES / source).is_file()]
    if missing:
        print(f"build_assets: {NODE_MODULES / missing[0]} is missing; run `npm ci` first", file=sys.stderr)
        return 2
    VENDOR.mkdir(parents=True, exist_ok=True)
    for target, source in FILES.items():
        shutil.copyfile(NODE_MODULES / source, VENDOR / target)
    print(f"build_assets: {len(FILES)} files in {VENDOR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
