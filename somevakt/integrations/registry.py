"""Every platform somevakt speaks to, listed once and imported lazily."""

from __future__ import annotations

import importlib

from somevakt.integrations.base import Adapter, Credentials

PLATFORMS: dict[str, str] = {
    "facebook": "somevakt.integrations.facebook.adapter:FacebookAdapter",
    "instagram": "somevakt.integrations.instagram.adapter:InstagramAdapter",
    "mastodon": "somevakt.integrations.mastodon.adapter:MastodonAdapter",
    "file": "somevakt.integrations.file.adapter:FileAdapter",
}


def adapter_class(platform: str) -> type[Adapter]:
    try:
        path = PLATFORMS[platform]
    except KeyError:
        known = ", ".join(sorted(PLATFORMS))
        raise ValueError(f"unknown platform {platform!r} (known: {known})") from None
    module_name, _, class_name = path.partition(":")
    cls: type[Adapter] = getattr(importlib.import_module(module_name), class_name)
    return cls


def adapter_for(platform: str, external_id: str, credentials: Credentials | None = None) -> Adapter:
    return adapter_class(platform)(external_id, credentials or Credentials())
