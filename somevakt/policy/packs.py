"""Finding, loading and validating the policy packs shipped in `somevakt/policy/packs/`."""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from somevakt.policy.schema import Pack

PACKS_DIR = Path(__file__).parent / "packs"
_CASES_SUFFIX = ".cases.yaml"


class PackError(ValueError):
    """A pack that cannot be used; the message is one line naming the file, the place and the fault."""


class UnknownPolicy(PackError):
    pass


def list_packs(directory: Path = PACKS_DIR) -> list[str]:
    """The slugs of the packs in `directory`, sorted."""
    return sorted(
        p.name.removesuffix(".yaml") for p in directory.glob("*.yaml") if not p.name.endswith(_CASES_SUFFIX)
    )


def pack_path(slug: str, directory: Path = PACKS_DIR) -> Path:
    known = list_packs(directory)
    if slug not in known:
        raise UnknownPolicy(f"unknown policy {slug!r}; known policies: {', '.join(known)}")
    return directory / f"{slug}.yaml"


def cases_path(slug: str, directory: Path = PACKS_DIR) -> Path:
    return directory / f"{slug}{_CASES_SUFFIX}"


@cache
def load_pack(slug: str) -> Pack:
    """The validated pack for `slug` (cached: packs do not change while the process runs)."""
    return load_pack_file(pack_path(slug))


def load_pack_file(path: Path) -> Pack:
    """Read and validate one pack file; any fault becomes a one-line PackError."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PackError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        data = yaml.safe_load(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise PackError(f"{path}: not valid UTF-8 at byte {exc.start}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PackError(f"{path}: {where}invalid YAML: {problem}") from None
    if not isinstance(data, dict):
        raise PackError(f"{path}: a pack is a YAML mapping, not {type(data).__name__}")
    if data.get("slug") != path.name.removesuffix(".yaml"):
        raise PackError(f"{path}: slug: must be {path.name.removesuffix('.yaml')!r} (the file name)")
    try:
        pack = Pack.model_validate(data)
    except ValidationError as exc:
        raise PackError(f"{path}: {describe_validation_error(exc, data)}") from None
    pack._revision = revision_of(raw)
    return pack


def revision_of(raw: bytes) -> str:
    """The pack revision: a short SHA-256 of the file, with line endings made canonical."""
    canonical = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return hashlib.sha256(canonical).hexdigest()[:12]


def describe_validation_error(exc: ValidationError, data: Any = None) -> str:
    """The first error as `path.inside[3].the.pack: message`, naming the clause id where there is one."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    parts: list[str] = []
    node = data
    for loc in first["loc"]:
        if isinstance(loc, int):
            parts[-1:] = [f"{parts[-1] if parts else ''}[{loc}]"]
            node = node[loc] if isinstance(node, list) and loc < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                parts[-1] += f"({node['id']})"
        else:
            parts.append(str(loc))
            node = node.get(loc) if isinstance(node, dict) else None
    path = ".".join(p for p in parts if not p.startswith(("function-", "model-"))) or "(top)"
    message = first["msg"].removeprefix("Value error, ")
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{path}: {message}{more}"


def guidelines_dir() -> Path | None:
    """Where the guideline files are: $SOMEVAKT_GUIDELINES_DIR, else ../shared/guidelines beside the repo."""
    env = os.environ.get("SOMEVAKT_GUIDELINES_DIR")
    candidates = [Path(env)] if env else []
    candidates.append(Path(__file__).resolve().parents[3] / "shared" / "guidelines")
    for c in candidates:
        if c.is_dir():
            return c
    return None
