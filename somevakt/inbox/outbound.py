"""The inbox's one seam to the platforms: replies, hiding, unhiding and deleting on the platform.

The inbox only asks, inside the transaction that records the event, through the outbound
gateway that the integrations connect (`ports.connect_outbound`), and notes in the event what
it asked for; the integrations carry the call out after commit, with retries in the worker.
What the platform cannot do (Mastodon cannot hide or delete other people's replies) is done
in somevakt's own view and recorded as such.
"""

from __future__ import annotations

import logging
from typing import Any

from somevakt.inbox.ports import NOTHING, OPERATIONS, Capabilities, outbound

log = logging.getLogger(__name__)


def capabilities(platform: str) -> Capabilities:
    """What the account's platform lets us do; nothing, when no integration is connected."""
    gateway = outbound()
    return gateway.capabilities(platform) if gateway is not None else NOTHING


def can(item: Any, op: str) -> bool:
    return capabilities(item.account.platform).allows(op)


def request(item: Any, op: str, text: str = "") -> dict[str, Any]:
    """Ask for `op` on the platform; returns what the event records about it.

    `{"on_platform": False}` when the platform does not allow it (done in somevakt only);
    otherwise the outbound call's id, which the integrations carry out after commit.
    """
    if op not in OPERATIONS:
        raise ValueError(f"unknown platform operation {op!r}")
    gateway = outbound()
    if not can(item, op) or gateway is None:
        return {"on_platform": False}
    call = gateway.request(item.account, op, item.platform_id, text=text, item_id=item.pk)
    return {"on_platform": True, "outbound": "pending", "call_id": getattr(call, "pk", None)}
