"""The one extension point per platform: an adapter that speaks to the outside world.

Each platform package (`facebook`, `instagram`, `mastodon`, `file`) has the same files:
`client.py` (HTTP against the platform, the only place that talks to it), `adapter.py`
(an `Adapter` subclass), `views.py` (webhooks, where the platform pushes) and `tests/`.
Adapters know nothing of our database: they turn platform payloads into `ParsedComment`
and carry out moderation calls; the inbox decides what to do with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar


class PlatformError(Exception):
    """Anything that went wrong talking to a platform.

    `permanent` says whether retrying can help: a revoked token or a deleted comment is
    permanent; a timeout, a 5xx or a rate limit is not.
    """

    def __init__(self, message: str, *, permanent: bool = False, status: int | None = None) -> None:
        super().__init__(message)
        self.permanent = permanent
        self.status = status


@dataclass(frozen=True)
class Capabilities:
    """What a platform lets the account owner do with other people's comments."""

    reply: bool = True
    hide: bool = True
    unhide: bool = True
    delete: bool = True
    fetch_recent: bool = True
    webhook: bool = False


@dataclass(frozen=True)
class ParsedComment:
    """One inbound comment, reply, mention or message as the platform describes it.

    `account_external_id` is the page / Instagram account / Mastodon account the comment
    was made on (what we map to an Account); `platform_id` is the platform's own id of the
    comment, unique per account. `verb` follows Meta's vocabulary: add, edited, remove, hide, unhide.
    """

    platform: str
    account_external_id: str
    platform_id: str
    text: str
    author_name: str = ""
    author_id: str = ""
    received_at: datetime | None = None
    parent_id: str = ""
    post_id: str = ""
    permalink: str = ""
    verb: str = "add"
    channel: str = "comment"  # comment | message | mention
    raw: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Credentials:
    """Secrets for one account: never printed, never logged."""

    token: str = ""
    base_url: str = ""

    def __repr__(self) -> str:
        return f"Credentials(token={'***' if self.token else ''!r}, base_url={self.base_url!r})"


class Adapter:
    """The contract every platform implements. Methods raise PlatformError on failure."""

    platform: ClassVar[str]
    capabilities: ClassVar[Capabilities] = Capabilities()

    def __init__(self, external_id: str, credentials: Credentials, cursor: str = "") -> None:
        self.external_id = external_id
        self.credentials = credentials
        # Where the last `fetch_recent` stopped, for platforms that page by id (Mastodon):
        # set it before fetching, read it after, and store it with the account.
        self.cursor = cursor

    def parse(self, payload: dict[str, Any]) -> list[ParsedComment]:
        """Turn one delivery (a webhook body, an export row) into comments."""
        raise NotImplementedError(f"{self.platform} does not receive deliveries")

    def fetch_recent(self, since: datetime | None = None) -> list[ParsedComment]:
        """Recent comments straight from the platform (for reconciling what the webhook missed)."""
        raise NotImplementedError(f"{self.platform} cannot fetch recent comments")

    def reply(self, platform_id: str, text: str) -> str:
        """Post a reply under the comment; returns the platform id of the reply."""
        raise NotImplementedError(f"{self.platform} cannot reply")

    def hide(self, platform_id: str) -> None:
        raise NotImplementedError(f"{self.platform} cannot hide comments")

    def unhide(self, platform_id: str) -> None:
        raise NotImplementedError(f"{self.platform} cannot unhide comments")

    def delete(self, platform_id: str) -> None:
        raise NotImplementedError(f"{self.platform} cannot delete comments")
