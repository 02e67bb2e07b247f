"""The archive's settings, read from Django settings (somevakt/settings.py; see docs/archive.md)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from django.conf import settings

# Waits before the worker tries a failed delivery again: 5 min, 15 min, 1 h, then every 6 h.
RETRY_DELAYS = (
    dt.timedelta(minutes=5),
    dt.timedelta(minutes=15),
    dt.timedelta(hours=1),
    dt.timedelta(hours=6),
)


def outbox_dir() -> Path:
    """SOMEVAKT_ARCHIVE_OUTBOX, by default `archive-outbox` in the data folder."""
    return Path(settings.SOMEVAKT_ARCHIVE_OUTBOX)


def retry_delay(attempts: int) -> dt.timedelta:
    return RETRY_DELAYS[min(max(attempts, 1), len(RETRY_DELAYS)) - 1]


def noark5_schema_dir() -> Path | None:
    """SOMEVAKT_NOARK5_SCHEMAS: Arkivverket's N5 schema folder, copied into every extract when set."""
    configured = settings.SOMEVAKT_NOARK5_SCHEMAS
    return Path(configured) if configured else None


# Where Fiks IO and Maskinporten are: KS's and Digdir's production endpoints unless set (their
# test environments: https://api.fiks.test.ks.no, amqps://io.fiks.test.ks.no:5671,
# https://test.maskinporten.no/token with the audience https://test.maskinporten.no/).
FIKSIO_DEFAULTS = {
    "SOMEVAKT_FIKSIO_API_URL": "https://api.fiks.ks.no",
    "SOMEVAKT_FIKSIO_AMQP_URL": "amqps://io.fiks.ks.no:5671",
    "SOMEVAKT_MASKINPORTEN_TOKEN_URL": "https://maskinporten.no/token",
    "SOMEVAKT_MASKINPORTEN_AUDIENCE": "https://maskinporten.no/",
}


def fiksio_setting(name: str) -> str:
    """A Fiks IO endpoint: the Django setting, else the environment, else the production default."""
    value = getattr(settings, name, None) or os.environ.get(name, "").strip()
    return value or FIKSIO_DEFAULTS[name]


def fiks_arkiv_schema_dir() -> Path | None:
    """SOMEVAKT_FIKS_ARKIV_SCHEMAS: KS's Fiks Arkiv V1 schema folder; replies are validated when set."""
    configured = (
        getattr(settings, "SOMEVAKT_FIKS_ARKIV_SCHEMAS", None)
        or os.environ.get("SOMEVAKT_FIKS_ARKIV_SCHEMAS", "").strip()
    )
    return Path(configured) if configured else None


def fiksio_trusted_cas() -> str:
    """SOMEVAKT_FIKSIO_TRUSTED_CAS: a PEM file of the issuers of business certificates trusted to
    sign the archive's replies (Buypass, Commfides); "" means the system's CA bundle."""
    return str(
        getattr(settings, "SOMEVAKT_FIKSIO_TRUSTED_CAS", None)
        or os.environ.get("SOMEVAKT_FIKSIO_TRUSTED_CAS", "").strip()
    )
