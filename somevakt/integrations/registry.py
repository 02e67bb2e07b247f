"""The adapter of each platform in `registry.platforms.PLATFORMS`, imported when first asked for."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from somevakt.inbox.ports import Capabilities
from somevakt.integrations.base import Adapter, Credentials
from somevakt.registry.platforms import PLATFORMS


def adapter_class(platform: str) -> type[Adapter]:
    try:
        path = PLATFORMS[platform].adapter
    except KeyError:
        known = ", ".join(sorted(PLATFORMS))
        raise ValueError(f"unknown platform {platform!r} (known: {known})") from None
    module_name, _, class_name = path.partition(":")
    cls: type[Adapter] = getattr(importlib.import_module(module_name), class_name)
    return cls


def adapter_for(platform: str, external_id: str, credentials: Credentials | None = None) -> Adapter:
    return adapter_class(platform)(external_id, credentials or Credentials())


def platforms_where(test: Callable[[Capabilities], bool]) -> tuple[str, ...]:
    """The platforms whose adapter's capabilities pass `test`, in the table's order."""
    return tuple(key for key in PLATFORMS if test(adapter_class(key).capabilities))
