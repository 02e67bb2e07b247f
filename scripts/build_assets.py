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
    # Designsystemet's theme names the Inter font; its upright variable font, every subset.
    "inter/inter.css": "@fontsource-variable/inter/index.css",
    "LICENSE.designsystemet-css": "@digdir/designsystemet-css/LICENSE",
    "LICENSE.designsystemet-theme": "@digdir/designsystemet-theme/LICENSE",
    "LICENSE.htmx": "htmx.org/LICENSE",
    "inter/LICENSE": "@fontsource-variable/inter/LICENSE",
}
FONT_FILES = ("@fontsource-variable/inter/files", "*-wght-normal.woff2", "inter/files")


def main() -> int:
    missing = [source for source in FILES.values() if not (NODE_MODULES / source).is_file()]
    if missing:
        print(f"build_assets: {NODE_MODULES / missing[0]} is missing; run `npm ci` first", file=sys.stderr)
        return 2
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    for target, source in FILES.items():
        (VENDOR / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(NODE_MODULES / source, VENDOR / target)
    source_dir, pattern, target_dir = FONT_FILES
    fonts = sorted((NODE_MODULES / source_dir).glob(pattern))
    (VENDOR / target_dir).mkdir(parents=True, exist_ok=True)
    for font in fonts:
        shutil.copyfile(font, VENDOR / target_dir / font.name)
    print(f"build_assets: {len(FILES) + len(fonts)} files in {VENDOR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
