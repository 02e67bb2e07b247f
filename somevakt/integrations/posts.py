"""The municipality's own posts on the platforms, and the check that a website link answers.

This module is the publishing app's gateway (`inbox.ports.Posts`), connected in
`IntegrationsConfig.ready()`: publishing sits beside the integrations and may not import them,
so it asks through the port below both. The calls are synchronous; publishing runs them from
its own job, records the result on the post and words the failures for people.
"""

from __future__ import annotations

from typing import Any

import httpx

from somevakt.inbox.ports import OutgoingPost, PlatformError, Published
from somevakt.integrations.conf import setting
from somevakt.integrations.credentials import CredentialsUnreadable, adapter_of
from somevakt.registry.models import Account

NO_CREDENTIALS = (
    "the account has no credentials; an administrator sets them with `somevakt account set-credentials`"
)


def publish(account: Account, post: OutgoingPost, progress: dict[str, Any]) -> Published:
    adapter = _adapter(account)
    try:
        return adapter.publish(post, progress)
    except NotImplementedError as exc:
        raise PlatformError(str(exc), permanent=True) from None


def remove(account: Account, platform_id: str) -> None:
    adapter = _adapter(account)
    try:
        adapter.remove_post(platform_id)
    except NotImplementedError as exc:
        raise PlatformError(str(exc), permanent=True) from None


def _adapter(account: Account) -> Any:
    if not account.has_credentials:
        raise PlatformError(NO_CREDENTIALS, permanent=True, failure="no_credentials")
    try:
        return adapter_of(account)
    except CredentialsUnreadable as exc:
        raise PlatformError(str(exc), permanent=True, failure="no_credentials") from None


def check_link(url: str) -> int:
    """The status a page answers with after redirects: HEAD first, GET where HEAD is refused
    (some web servers answer HEAD with 405). 0 when nothing answers. `LINK_CHECK_PROXY` sends
    the check through the municipality's outgoing proxy (and, in tests, to a fake website)."""
    proxy = setting("LINK_CHECK_PROXY") or None
    try:
        with httpx.Client(
            timeout=setting("PLATFORM_TIMEOUT"),
            follow_redirects=True,
            proxy=proxy,
            headers={"User-Agent": "somevakt link check"},
        ) as client:
            response = client.head(url)
            if response.status_code in (403, 405, 501):
                response = client.get(url)
            return response.status_code
    except httpx.HTTPError:
        return 0
