"""`make audit`: known vulnerabilities in the locked Python and npm dependencies.

Runs `pip-audit` against constraints.txt (the exact versions CI and the demo install) and
`npm audit --omit=dev` against package-lock.json. Each says one of three things, and never
the middle one when it could not look:

    audited: no known vulnerabilities   (every package was looked up)
    VULNERABLE: ...                     (exit 1)
    NOT AUDITED: ...                    (the advisory service could not be reached, or did not
                                         know some packages; exit 0, and the line says which)
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def reachable(url: str) -> bool:
    """Whether the advisory service answers at all; a firewall that drops packets would
    otherwise cost a time-out per package."""
    try:
        with urllib.request.urlopen(url, timeout=5):  # noqa: S310 - a fixed https URL
            return True
    except urllib.error.HTTPError:
        return True  # it answered, if not with 200
    except (urllib.error.URLError, OSError):
        return False


def python_audit() -> tuple[str, bool]:
    """(the report line, whether vulnerabilities were found)."""
    if not reachable("https://pypi.org/pypi/pip/json"):
        return "python: NOT AUDITED: pypi.org cannot be reached", False
    command = [
        str(BIN / "pip-audit"),
        "--requirement",
        str(ROOT / "constraints.txt"),
        "--no-deps",
        "--disable-pip",
        "--progress-spinner",
        "off",
        "--format",
        "json",
        "--timeout",
        "10",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    return python_verdict(result.stdout, result.stderr)


def python_verdict(stdout: str, stderr: str = "") -> tuple[str, bool]:
    """What pip-audit's JSON report says: (the report line, whether vulnerabilities were found)."""
    try:
        report = json.loads(stdout)
        dependencies = report["dependencies"]
    except (ValueError, KeyError, TypeError):
        reason = (stderr.strip().splitlines() or ["no report"])[-1][:200]
        return f"python: NOT AUDITED: pip-audit gave no report ({reason})", False
    vulnerable = [d for d in dependencies if d.get("vulns")]
    skipped = [d["name"] for d in dependencies if d.get("skip_reason")]
    if vulnerable:
        found = ", ".join(
            f"{d['name']} {d['version']} ({', '.join(v['id'] for v in d['vulns'])})" for d in vulnerable
        )
        return f"python: VULNERABLE: {found}", True
    if skipped:
        shown = ", ".join(skipped[:8]) + (f" and {len(skipped) - 8} more" if len(skipped) > 8 else "")
        return (
            f"python: NOT AUDITED: {len(skipped)} of {len(dependencies)} packages unknown to the "
            f"advisory service ({shown})",
            False,
        )
    return f"python: audited {len(dependencies)} packages: no known vulnerabilities", False


def npm_audit() -> tuple[str, bool]:
    if not reachable("https://registry.npmjs.org/"):
        return "npm: NOT AUDITED: registry.npmjs.org cannot be reached", False
    result = subprocess.run(
        ["npm", "audit", "--omit=dev", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return npm_verdict(result.stdout)


def npm_verdict(stdout: str) -> tuple[str, bool]:
    """What `npm audit --json` says: (the report line, whether vulnerabilities were found)."""
    try:
        report = json.loads(stdout)
    except ValueError:
        return "npm: NOT AUDITED: npm audit gave no report", False
    # npm reports a registry it cannot ask as an object with a message and no vulnerability counts.
    counts = report.get("metadata", {}).get("vulnerabilities") if isinstance(report, dict) else None
    if not isinstance(counts, dict):
        message = str(report.get("message", "no advisory data")) if isinstance(report, dict) else "no data"
        return f"npm: NOT AUDITED: {message[:200]}", False
    total = sum(n for level, n in counts.items() if level != "total" and isinstance(n, int))
    if total:
        names = ", ".join(sorted(report.get("vulnerabilities", {}))[:10])
        return f"npm: VULNERABLE: {total} ({names})", True
    return "npm: audited: no known vulnerabilities", False


def main() -> int:
    found = False
    for check in (python_audit, npm_audit):
        line, vulnerable = check()
        print(line)
        found = found or vulnerable
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
