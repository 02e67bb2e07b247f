"""The integration settings, read from Django settings first and the environment second.

So a deployment sets them in the environment (`META_APP_SECRET=...`), and tests override them
with Django's `override_settings`. Nothing here is ever printed.
"""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings

from somevakt.config import ConfigError

DEFAULTS: dict[str, Any] = {
    "META_APP_SECRET": "",
    "META_VERIFY_TOKEN": "",
    "META_GRAPH_URL": "https://graph.facebook.com",
    "META_GRAPH_VERSION": "v23.0",
    "SOMEVAKT_CREDENTIALS_KEY": "",
    # Meta's deliveries are a few kilobytes; anything far larger is not from Meta.
    "WEBHOOK_MAX_BYTES": 1024 * 1024,
    "PLATFORM_TIMEOUT": 10.0,
    # The first pause before a quick retry in the same attempt, doubled each time.
    "PLATFORM_RETRY_BACKOFF": 0.5,
    "OUTBOUND_MAX_ATTEMPTS": 5,
    # An HTTP proxy through which website links in posts are checked (none: straight out).
    "LINK_CHECK_PROXY": "",
    # Days a raw delivery is kept after processing (its comments live on as inbox items), and
    # after being rejected as unreadable (for an administrator to look at).
    "DELIVERY_RETENTION_DAYS": 30,
    "REJECTED_DELIVERY_RETENTION_DAYS": 90,
}


def setting(name: str) -> Any:
    if hasattr(settings, name):
        return getattr(settings, name)
    default = DEFAULTS[name]
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    raw = raw.strip()
    if isinstance(default, bool) or not isinstance(default, int | float):
        return raw
    try:
        return type(default)(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a number") from None
