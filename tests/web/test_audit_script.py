"""`make audit` (scripts/audit.py): a vulnerability fails it, and what could not be looked up is
said to be not audited, never "no known vulnerabilities"."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "audit.py"
spec = importlib.util.spec_from_file_location("audit_script", SCRIPT)
assert spec is not None and spec.loader is not None
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)

# pip-audit's JSON format (`--format json`), with made-up advisories.
PIP_CLEAN = {"dependencies": [{"name": "django", "version": "5.2.8", "vulns": []}], "fixes": []}
PIP_VULNERABLE = {
    "dependencies": [
        {"name": "django", "version": "5.2.8", "vulns": [{"id": "PYSEC-2099-1", "fix_versions": ["5.2.9"]}]},
        {"name": "httpx", "version": "0.28.1", "vulns": []},
    ],
    "fixes": [],
}
PIP_UNKNOWN = {
    "dependencies": [
        {"name": "django", "version": "5.2.8", "vulns": []},
        {"name": "weasyprint", "skip_reason": "Dependency not found on PyPI and could not be audited"},
    ],
    "fixes": [],
}


def test_it_says_audited_only_when_every_package_was_looked_up() -> None:
    assert audit.python_verdict(json.dumps(PIP_CLEAN)) == (
        "python: audited 1 packages: no known vulnerabilities",
        False,
    )
    line, vulnerable = audit.python_verdict(json.dumps(PIP_UNKNOWN))
    assert line.startswith("python: NOT AUDITED: 1 of 2 packages") and "weasyprint" in line
    assert not vulnerable


def test_it_fails_on_a_known_vulnerability() -> None:
    line, vulnerable = audit.python_verdict(json.dumps(PIP_VULNERABLE))
    assert vulnerable
    assert line == "python: VULNERABLE: django 5.2.8 (PYSEC-2099-1)"


def test_it_calls_an_unreachable_service_not_audited() -> None:
    assert audit.python_verdict("", "ConnectionError: pypi.org unreachable")[0] == (
        "python: NOT AUDITED: pip-audit gave no report (ConnectionError: pypi.org unreachable)"
    )
    refused = {
        "message": "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk"
    }
    line, vulnerable = audit.npm_verdict(json.dumps(refused))
    assert line.startswith("npm: NOT AUDITED: 405 Method Not Allowed") and not vulnerable


def test_it_reads_npms_counts() -> None:
    clean = {"vulnerabilities": {}, "metadata": {"vulnerabilities": {"info": 0, "low": 0, "total": 0}}}
    assert audit.npm_verdict(json.dumps(clean)) == ("npm: audited: no known vulnerabilities", False)
    bad = {
        "vulnerabilities": {"htmx.org": {"severity": "high"}},
        "metadata": {"vulnerabilities": {"info": 0, "low": 0, "high": 1, "total": 1}},
    }
    assert audit.npm_verdict(json.dumps(bad)) == ("npm: VULNERABLE: 1 (htmx.org)", True)
