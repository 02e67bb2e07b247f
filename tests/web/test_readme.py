"""README.md stays true: every setting settings.py reads from the environment is in its table."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def settings_read_from_the_environment() -> set[str]:
    tree = ast.parse((ROOT / "somevakt" / "settings.py").read_text(encoding="utf-8"))
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id.startswith("env_")
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }


def settings_in_the_readme_table() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| `")]
    return {name for row in rows for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", row.split("|")[1])}


def test_it_documents_every_setting_read_from_the_environment():
    read = settings_read_from_the_environment()
    assert {"EMAIL_BACKEND", "SOMEVAKT_BASE_URL", "SOMEVAKT_ARCHIVE_OUTBOX"} <= read
    assert read - settings_in_the_readme_table() == set()
