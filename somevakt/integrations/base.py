"""The one extension point per platform: an adapter that speaks to the outside world.

Each platform (listed once, in `registry.platforms.PLATFORMS`) has a package with the files it
needs: `adapter.py` (an `Adapter` subclass) and `tests/` always; `client.py` where it has a way
of its own to reach the platform (HTTP for Facebook and Mastodon, the export file for `file`;
Instagram uses Facebook's Graph client); `views.py` only where the platform calls us (Meta's
webhook, in `facebook/`, also carries Instagram's).
Adapters know nothing of our database: they turn platform payloads into `InboundComment`
and carry out moderation calls; the inbox decides what to do with them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from somevakt.inbox.ports import Capabilities, InboundComment, OutgoingPost, PlatformActions


@dataclass(frozen=True)
class Credentials:
    """Secrets for one account: never printed, never logged."""

    token: str = ""
    base_url: str = ""

    def __repr__(self) -> str:
        return f"Credentials(token={'***' if self.token else ''!r}, base_url={self.base_url!r})"


class Adapter(PlatformActions):
    """A platform package's one class: the inbox's port (`PlatformActions`) plus reading what
    the platform delivers. Methods raise PlatformError on failure."""

    platform: ClassVar[str]
    capabilities: ClassVar[Capabilities] = Capabilities()
    # The platform's API lives on the account's own server (Mastodon), so its credentials must
    # carry that server's URL.
    needs_instance_url: ClassVar[bool] = False
    # What differs for items that are not comments (a visitor post, a mention, a recommendation,
    # a direct message), by item kind; a kind not named here is treated as a comment.
    kind_capabilities: ClassVar[dict[str, Capabilities]] = {}

    @classmethod
    def capabilities_for(cls, kind: str) -> Capabilities:
        return cls.kind_capabilities.get(kind, cls.capabilities)

    def __init__(self, external_id: str, credentials: Credentials, cursor: str = "") -> None:
        self.external_id = external_id
        self.credentials = credentials
        # Where the last `fetch_recent` stopped, for platforms that page by id (Mastodon):
        # set it before fetching, read it after, and store it with the account.
        self.cursor = cursor
        # What the last `parse` saw but could not read as anything for the inbox (an unknown
        # field, item or verb), so the delivery can say so instead of dropping it in silence.
        self.unhandled: list[str] = []

    def parse(self, payload: dict[str, Any]) -> list[InboundComment]:
        """Turn one delivery (a webhook body, an export row) into comments."""
        raise NotImplementedError(f"{self.platform} does not receive deliveries")

    def fetch_recent(self, since: datetime | None = None) -> list[InboundComment]:
        """Recent comments straight from the platform (for reconciling what the webhook missed)."""
        raise NotImplementedError(f"{self.platform} cannot fetch recent comments")

    def fetch_text(self, object_id: str) -> str:
        """The text of a post or comment by its id (for a mention that arrived without it)."""
        raise NotImplementedError(f"{self.platform} cannot read a post by its id")


def text_with_link(post: OutgoingPost) -> str:
    """The post's text with its website link at the end, unless the text has it already: where
    a platform has no link field (Mastodon, Instagram), the link is part of the text."""
    if not post.link or post.link in post.text:
        return post.text
    return f"{post.text.rstrip()}\n\n{post.link}"


def read_file(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()
