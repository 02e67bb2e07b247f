"""Settings from the environment, through small helpers that fail loudly.

Every helper names the variable it read in its error, so a wrong value gives one clear
line (the `somevakt` command, `manage.py` and the WSGI entry point print `ConfigError`
without a traceback). This module imports nothing from Django: settings use it before
Django is set up.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

TRUE_WORDS = frozenset({"1", "true", "yes", "on", "ja"})
FALSE_WORDS = frozenset({"0", "false", "no", "off", "nei", ""})


class ConfigError(Exception):
    """A setting in the environment is missing or unreadable. The message names the variable."""


def _raw(name: str, environ: Mapping[str, str] | None) -> str | None:
    source = os.environ if environ is None else environ
    value = source.get(name)
    return None if value is None else value.strip()


def env_str(name: str, default: str | None = None, *, environ: Mapping[str, str] | None = None) -> str:
    value = _raw(name, environ)
    if value is None or value == "":
        if default is None:
            raise ConfigError(f"{name} is not set")
        return default
    return value


def env_bool(name: str, default: bool = False, *, environ: Mapping[str, str] | None = None) -> bool:
    value = _raw(name, environ)
    if value is None:
        return default
    lowered = value.lower()
    if lowered in TRUE_WORDS:
        return True
    if lowered in FALSE_WORDS:
        return False
    raise ConfigError(f"{name}={value!r} is not a yes/no value (use true or false)")


def env_int(
    name: str,
    default: int,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    environ: Mapping[str, str] | None = None,
) -> int:
    value = _raw(name, environ)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ConfigError(f"{name}={value!r} is not a whole number") from None
    if minimum is not None and number < minimum:
        raise ConfigError(f"{name}={number} is below the smallest allowed value {minimum}")
    if maximum is not None and number > maximum:
        raise ConfigError(f"{name}={number} is above the largest allowed value {maximum}")
    return number


def env_list(
    name: str, default: list[str] | None = None, *, environ: Mapping[str, str] | None = None
) -> list[str]:
    """A comma-separated list; blank entries are dropped."""
    value = _raw(name, environ)
    if value is None:
        return list(default or [])
    return [part.strip() for part in value.split(",") if part.strip()]


def env_choice(
    name: str, choices: tuple[str, ...], default: str, *, environ: Mapping[str, str] | None = None
) -> str:
    value = _raw(name, environ)
    if value is None or value == "":
        return default
    if value not in choices:
        raise ConfigError(f"{name}={value!r} is not one of: {', '.join(choices)}")
    return value


def env_path(name: str, default: Path, *, environ: Mapping[str, str] | None = None) -> Path:
    value = _raw(name, environ)
    return Path(value).expanduser() if value else default


SQLITE_OPTIONS: dict[str, Any] = {
    # The web server, the worker and the command line write at once: WAL lets readers go on
    # while one writes, the timeout waits for the lock instead of failing at once, and
    # IMMEDIATE takes the write lock when a transaction starts, so no transaction fails
    # half-way on an upgrade from a read lock.
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
}

POSTGRES_SCHEMES = frozenset({"postgres", "postgresql", "pgsql"})


def database_from_url(url: str, *, name: str = "DATABASE_URL") -> dict[str, Any]:
    """Django's DATABASES entry for `sqlite:///relative/path`, `sqlite:////absolute/path` or
    `postgres://user:password@host:port/dbname?sslmode=require`."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise ConfigError(f"{name} is not a readable URL: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        path = unquote(parts.path)
        # sqlite:///var/db.sqlite3 is relative, sqlite:////srv/db.sqlite3 absolute (as in SQLAlchemy).
        path = path[1:] if path.startswith("/") else path
        if not path:
            raise ConfigError(f"{name} names no database file (example: sqlite:///var/somevakt.sqlite3)")
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": path, "OPTIONS": dict(SQLITE_OPTIONS)}
    if scheme in POSTGRES_SCHEMES:
        dbname = unquote(parts.path.lstrip("/"))
        if not dbname:
            raise ConfigError(f"{name} names no database (example: postgres://user@127.0.0.1:5432/somevakt)")
        options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": dbname,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(port or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": options,
        }
    shown = scheme or "(none)"
    raise ConfigError(f"{name} has an unknown scheme {shown!r}: use sqlite:///path or postgres://...")


def secret_key_from_file(path: Path) -> str:
    """The key kept in a local file for the demo and development, made on first use."""
    try:
        if path.exists():
            key = path.read_text(encoding="utf-8").strip()
            if key:
                return key
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(50)
        # Created owner-only, so other users of the machine cannot forge sessions.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(key + "\n")
        return key
    except OSError as exc:
        raise ConfigError(f"SECRET_KEY is not set and {path} cannot be used: {exc.strerror}") from None
