"""The archive's settings, read from Django settings or the environment (see docs/archive.md)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.conf import settings

from somevakt.config import env_path

# Waits before the worker tries a failed delivery again: 5 min, 15 min, 1 h, then every 6 h.
RETRY_DELAYS = (
    dt.timedelta(minutes=5),
    dt.timedelta(minutes=15),
    dt.timedelta(hours=1),
    dt.timedelta(hours=6),
)


def outbox_dir() -> Path:
    """SOMEVAKT_ARCHIVE_OUTBOX, by default `archive-outbox` in the data folder."""
    configured = getattr(settings, "SOMEVAKT_ARCHIVE_OUTBOX", None)
    if configured:
        return Path(configured)
    return env_path("SOMEVAKT_ARCHIVE_OUTBOX", Path(settings.DATA_DIR) / "archive-outbox")


def retry_delay(attempts: int) -> dt.timedelta:
    return RETRY_DELAYS[min(max(attempts, 1), len(RETRY_DELAYS)) - 1]


def noark5_schema_dir() -> Path | None:
    """SOMEVAKT_NOARK5_SCHEMAS: Arkivverket's N5 schema folder, copied into every extract when set."""
    configured = getattr(settings, "SOMEVAKT_NOARK5_SCHEMAS", None)
    path = Path(configured) if configured else env_path("SOMEVAKT_NOARK5_SCHEMAS", Path())
    return path if str(path) not in ("", ".") else None
