"""What the inbox accepts from the platforms and what it asks of them.

The inbox sits below the integrations: it names the types here and each platform package
implements them. `InboundComment` is what a platform hands in; `PlatformActions` is what a
platform can be asked to do; `PlatformError` is the one error type a platform raises. The
inbox itself never calls a platform: it asks the outbound gateway (`Outbound`), which the
integrations connect in their `ready()` and which carries the call out after commit, with
retries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, ClassVar, Protocol

# Every operation somevakt may ask a platform to do on someone else's comment, listed once.
OPERATIONS = ("reply", "hide", "unhide", "delete")
# What is done on the account itself rather than on an item: a closure's notice, published as
# the account's own post (Gausdal 2); and, where the platform allows it, comments turned off on
# the account's own posts while it is closed and on again afterwards. `comments_on` names, as its
# platform id, the `comments_off` call it undoes: exactly what that call turned off is turned on.
NOTICE = "notice"
COMMENTS_OFF = "comments_off"
COMMENTS_ON = "comments_on"
ACCOUNT_OPERATIONS = (NOTICE, COMMENTS_OFF, COMMENTS_ON)
# The capability each operation needs, where it is not named after the operation itself.
CAPABILITY_OF = {COMMENTS_ON: COMMENTS_OFF}

# In a publish's `progress`: when a request that makes the post was sent without a clean answer
# (a timeout, a lost answer, a 5xx, a worker that died). Meta takes no idempotency key, so the
# next attempt first looks on the platform for the post made then, and adopts it.
MAYBE_SENT = "maybe_sent_at"

# Why a platform call failed, in kinds people can act on, listed once: the account has no
# credentials; the platform refused them (token revoked or expired, permission missing); the
# comment is gone from the platform; the platform could not be reached in time (unavailable,
# timeout, rate limit); a private conversation can no longer be answered there (Meta allows an
# answer within 24 hours of the person's last message); anything else. The inbox words each
# for people; the raw error is kept for administrators.
FAILURES = ("no_credentials", "permission", "gone", "unavailable", "window_closed", "other")

# The platform state of a call (DESIGN.md §3): waiting, done on the platform, done in
# somevakt only (the platform does not allow it), or failed.
CALL_STATES = ("pending", "done", "local", "failed")


class PlatformError(Exception):
    """Anything that went wrong talking to a platform.

    `permanent` says whether retrying can help: a revoked token or a deleted comment is
    permanent; a timeout, a 5xx or a rate limit is not.
    """

    def __init__(
        self, message: str, *, permanent: bool = False, status: int | None = None, failure: str = ""
    ) -> None:
        super().__init__(message)
        self.permanent = permanent
        self.status = status
        # One of FAILURES when the platform's answer says which; otherwise read from the status.
        self.failure = failure if failure in FAILURES else ""

    @property
    def kind(self) -> str:
        """Which of FAILURES this is: as the platform said, else by the HTTP status."""
        if self.failure:
            return self.failure
        if self.status in (401, 403):
            return "permission"
        if self.status in (404, 410):
            return "gone"
        if not self.permanent or self.status == 429 or (self.status or 0) >= 500:
            return "unavailable"
        return "other"


@dataclass(frozen=True)
class Capabilities:
    """What a platform lets the account owner do with other people's comments."""

    reply: bool = True
    hide: bool = True
    unhide: bool = True
    delete: bool = True
    fetch_recent: bool = True
    webhook: bool = False
    # How long after the person's last message a reply may be sent (Meta's messaging window:
    # 24 hours); None where the platform sets no limit.
    reply_window: timedelta | None = None
    # Whether a text-only post (a closure's notice) can be published on the account.
    notice: bool = False
    # Whether a reply to a mention goes through the account's mentions edge (the mention is in
    # someone else's media, Instagram) rather than as a comment under it.
    mention_edge: bool = False
    # Whether comments can be turned off on the account's own posts and on again (Instagram,
    # per media); Facebook's API offers it for no existing page post, Mastodon for no status.
    comments_off: bool = False

    def allows(self, op: str) -> bool:
        return op in OPERATIONS + ACCOUNT_OPERATIONS and bool(getattr(self, CAPABILITY_OF.get(op, op)))


NOTHING = Capabilities(reply=False, hide=False, unhide=False, delete=False, fetch_recent=False)


@dataclass(frozen=True)
class InboundComment:
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
    channel: str = "comment"  # comment | post | message | mention | review
    # When the platform says this change happened: an edit, hiding or removal older than the
    # newest one applied to the item is stale (a replayed delivery) and changes nothing.
    changed_at: datetime | None = None
    raw: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


class PlatformActions:
    """The port every platform implements. Methods raise PlatformError on failure.

    What a platform does not allow is stated in `capabilities`, and the default methods say so.
    """

    platform: ClassVar[str]
    capabilities: ClassVar[Capabilities] = Capabilities()

    def reply(self, platform_id: str, text: str) -> str:
        """Post a reply under the comment; returns the platform id of the reply."""
        raise NotImplementedError(f"{self.platform} cannot reply")

    def hide(self, platform_id: str) -> None:
        raise NotImplementedError(f"{self.platform} cannot hide comments")

    def unhide(self, platform_id: str) -> None:
        raise NotImplementedError(f"{self.platform} cannot unhide comments")

    def delete(self, platform_id: str) -> None:
        raise NotImplementedError(f"{self.platform} cannot delete comments")

    def send_message(self, conversation_id: str, text: str) -> str:
        """Answer in a private conversation (the thread of a direct message); returns the
        platform id of the message sent."""
        raise NotImplementedError(f"{self.platform} cannot answer private messages")

    def reply_to_mention(self, media_id: str, comment_id: str, text: str) -> str:
        """Answer where the account was mentioned in someone else's media (its caption, or one of
        its comments); returns the platform id of the answer."""
        raise NotImplementedError(f"{self.platform} cannot answer mentions in others' media")

    def profile_text(self) -> str:
        """The account's public information text as the platform shows it (a Facebook page's
        about and description, an Instagram biography, a Mastodon account's note), for the
        identity checks (registry.identity)."""
        raise NotImplementedError(f"{self.platform} does not show a profile text to somevakt")

    def publish(self, post: OutgoingPost, progress: dict[str, Any]) -> Published:
        """Publish the municipality's own post on the account.

        `progress` is where the platform's intermediate objects are noted (an Instagram media
        container, uploaded Mastodon media) as they are made; the caller keeps it across
        attempts, so a retry goes on from there and never makes the post twice."""
        raise NotImplementedError(f"{self.platform} cannot publish posts")

    def remove_post(self, platform_id: str) -> None:
        """Remove the municipality's own post (a consent behind it was withdrawn)."""
        raise NotImplementedError(f"{self.platform} cannot remove posts")

    def turn_comments_off(self, progress: dict[str, Any]) -> None:
        """Turn comments off on each of the account's own posts that has them on, noting each
        post's id in `progress["off"]` as soon as it is done: a retry goes on from there, and the
        end of the closure turns on exactly those (never one somebody had turned off already)."""
        raise NotImplementedError(f"{self.platform} cannot turn comments off")

    def turn_comments_on(self, post_ids: list[str], progress: dict[str, Any]) -> None:
        """Turn comments on again on these posts, noting each in `progress["on"]` (and one that
        is gone from the platform in `progress["gone"]`)."""
        raise NotImplementedError(f"{self.platform} cannot turn comments on")


@dataclass(frozen=True)
class CallState:
    """Where one platform call stands, as the inbox shows it beside the action it carries out.

    `at` is when it was done or failed (None while pending); `failure` is one of FAILURES for a
    failed call; `error` is the platform's own words, for administrators only; `retryable`
    says whether asking again can help (not when the comment is gone).
    """

    call_id: int
    item_id: int | None
    op: str
    state: str
    at: datetime | None = None
    failure: str = ""
    error: str = ""
    attempts: int = 0
    retryable: bool = False


class Outbound(Protocol):
    """The gateway that carries an operation out on the platform, after the caller's commit."""

    def capabilities(self, platform: str, kind: str = "comment") -> Capabilities:
        """What the platform lets us do with an item of this kind (a comment, a direct message ...)."""
        ...

    def request(
        self,
        account: Any,
        op: str,
        platform_id: str,
        *,
        text: str,
        item_id: int | None,
        kind: str = "comment",
    ) -> Any:
        """Record the call (returned, with a `pk`) and run it once the transaction commits."""
        ...

    def states(self, item_ids: list[int]) -> dict[int, CallState]:
        """The state of every call made for these items, by call id."""
        ...

    def retry(self, call_id: int, item_id: int) -> CallState | None:
        """Ask again for a failed call of this item, after the caller's commit.

        Returns the call's state afterwards; None if there is no such call for the item. A call
        that is not failed (done meanwhile, or already waiting) is left as it is: never twice.
        """
        ...

    def unreached(self, ops: tuple[str, ...]) -> Any:
        """The ids of items with a call of `ops` that did not reach the platform and still
        matters (failed, not since done by a retry or made moot), as a query for `item_id__in=`."""
        ...


@dataclass(frozen=True)
class OutgoingMedia:
    """A picture of a post: the stored file (uploaded by Facebook and Mastodon), a public link
    that expires (fetched by Instagram), its alternative text and its content type."""

    path: str
    url: str
    alt_text: str
    content_type: str = "image/jpeg"


@dataclass(frozen=True)
class OutgoingPost:
    """The municipality's own post as a platform receives it."""

    text: str
    link: str = ""
    media: tuple[OutgoingMedia, ...] = ()
    # The same for every attempt at one post on one account (Mastodon's Idempotency-Key).
    idempotency_key: str = ""


@dataclass(frozen=True)
class Published:
    platform_id: str
    permalink: str = ""


class Posts(Protocol):
    """The gateway for the municipality's own posts (the publishing app asks; the integrations
    carry it out). Unlike `Outbound`, the calls are synchronous: publishing runs them from its
    own job and records the result on the post itself."""

    def publish(self, account: Any, post: OutgoingPost, progress: dict[str, Any]) -> Published:
        """Publish on the account; raises PlatformError (with its kind) when it cannot."""
        ...

    def remove(self, account: Any, platform_id: str) -> None:
        """Remove a post of ours from the platform; raises PlatformError."""
        ...

    def check_link(self, url: str) -> int:
        """The HTTP status a web page answers with (after redirects); 0 when it does not answer."""
        ...


_posts: list[Posts] = []


def connect_posts(gateway: Posts) -> None:
    """Called by the integrations in `ready()`; the last one connected is used."""
    _posts[:] = [gateway]


def posts() -> Posts | None:
    return _posts[0] if _posts else None


_gateway: list[Outbound] = []


def connect_outbound(gateway: Outbound) -> None:
    """Called by the integrations in `ready()`; the last one connected is used."""
    _gateway[:] = [gateway]


def outbound() -> Outbound | None:
    return _gateway[0] if _gateway else None
