"""The import contracts of `make lint` (pyproject.toml, [tool.importlinter]) hold, and they bite."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(tree: Path) -> tuple[int, str]:
    """Exit code and plain-text report of `lint-imports` on `tree`."""
    # The copy comes first on the path, so the contracts are checked against it, not the installed package.
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.returncode, re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the package's Python files and the contracts."""
    target = tmp_path_factory.mktemp("layers")
    shutil.copytree(
        ROOT / "somevakt",
        target / "somevakt",
        ignore=lambda folder, names: [
            name for name in names if not name.endswith(".py") and not (Path(folder) / name).is_dir()
        ],
    )
    shutil.copy(ROOT / "pyproject.toml", target / "pyproject.toml")
    return target


def add_line(path: Path, line: str) -> str:
    original = path.read_text()
    path.write_text(original + "\n" + line + "\n")
    return original


def test_it_keeps_every_contract_of_the_tree(tree: Path) -> None:
    code, report = lint_imports(tree)
    assert code == 0, report


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        # The registry sits below the inbox: it may not reach up into it.
        (
            "registry/services.py",
            "import somevakt.inbox.models",
            "somevakt.registry is not allowed to import",
        ),
        # The inbox asks the platforms through its port, never by importing them.
        ("inbox/services.py", "from somevakt.integrations import outbound", "somevakt.inbox is not allowed"),
        # Apps on the same floor are independent of each other.
        ("archive/journal.py", "import somevakt.integrations.models", "somevakt.archive is not allowed"),
        # The core imports no Django, not even inside a function.
        ("policy/engine.py", "def f():\n    import django.db", "somevakt.policy.engine -> django"),
    ],
)
def test_it_fails_on_a_wrong_import(tree: Path, module: str, line: str, broken: str) -> None:
    path = tree / "somevakt" / module
    original = add_line(path, line)
    try:
        code, report = lint_imports(tree)
    finally:
        path.write_text(original)
    assert code == 1
    assert broken in report
