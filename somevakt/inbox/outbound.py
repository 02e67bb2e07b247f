"""The inbox's one seam to the platforms: replies, hiding, unhiding and deleting on the platform.

The integrations own the calls themselves (`somevakt.integrations.outbound`, with retries
in the worker). The inbox only asks, inside the transaction that records the event, and
notes in the event what it asked for; what the platform cannot do (Mastodon cannot hide
or delete other people's replies) is done in somevakt's own view and recorded as such.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from somevakt.integrations.base import Capabilities

log = logging.getLogger(__name__)

OPS = ("reply", "hide", "unhide", "delete")


def capabilities(platform: str) -> Capabilities:
    """What the account's platform lets us do; everything, for a platform not installed yet."""
    from somevakt.integrations.registry import adapter_class

    try:
        return adapter_class(platform).capabilities
    except (ImportError, ValueError):
        return Capabilities(reply=False, hide=False, unhide=False, delete=False, fetch_recent=False)


def can(item: Any, op: str) -> bool:
    return bool(getattr(capabilities(item.account.platform), op))


def _outbound() -> Any:
    try:
        return importlib.import_module("somevakt.integrations.outbound")
    except ModuleNotFoundError:
        return None


def request(item: Any, op: str, text: str = "") -> dict[str, Any]:
    """Ask for `op` on the platform; returns what the event records about it.

    `{"on_platform": False}` when the platform does not allow it (done in somevakt only);
    otherwise the outbound call's id, which the integrations carry out after commit.
    """
    if op not in OPS:
        raise ValueError(f"unknown platform operation {op!r}")
    if not can(item, op):
        return {"on_platform": False}
    outbound = _outbound()
    if outbound is None:
        log.warning("inbox: no outbound module; %s for item %s is recorded but not sent", op, item.pk)
        return {"on_platform": True, "outbound": "unavailable"}
    call = outbound.request(item.account, op, item.platform_id, text=text, item_id=item.pk)
    return {"on_platform": True, "outbound": "pending", "call_id": getattr(call, "pk", None)}
