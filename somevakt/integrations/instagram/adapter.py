"""Instagram professional accounts: comments and mentions arrive by webhook (`comments` and
`mentions` changes) at /hooks/meta, direct messages as `messaging` events.

Instagram speaks the same Graph API as Facebook pages, through the same client
(`facebook.client.GraphClient`); only the edges differ: replies go to `/{ig-comment-id}/replies`,
hiding is `hide=true`, and a media object's comments carry `text`, `timestamp` and `username`.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from somevakt.inbox.ports import (
    Capabilities,
    InboundComment,
    OutgoingPost,
    PlatformError,
    Published,
)
from somevakt.integrations import meta_once
from somevakt.integrations.base import Adapter, text_with_link
from somevakt.integrations.facebook.client import GraphClient
from somevakt.integrations.meta_payload import (
    MESSAGING_WINDOW,
    MalformedDelivery,
    delivered,
    ident,
    text_of,
    timestamp,
)

MEDIA_FIELDS = "id,timestamp,permalink"
COMMENT_FIELDS = "id,text,timestamp,username,from,parent_id"
# Turning comments off goes through at most this many pages of 100 media (the newest first).
MAX_MEDIA_PAGES = 20
# Fields an Instagram app may be subscribed to that carry nothing to answer.
QUIET_FIELDS = frozenset({"story_insights", "live_comments"})


class InstagramAdapter(Adapter):
    platform = "instagram"
    # No notice: Instagram takes no post without a picture; a closure is said in the bio, by hand.
    # Comments can be turned off and on per media (`comment_enabled`).
    capabilities = Capabilities(webhook=True, comments_off=True)
    # A mention is in someone else's media: nothing we may hide; it is answered through the
    # account's `mentions` edge. A direct message is answered in its conversation only.
    kind_capabilities = {
        "mention": Capabilities(
            reply=True, hide=False, unhide=False, delete=False, webhook=True, mention_edge=True
        ),
        "message": Capabilities(
            reply=True, hide=False, unhide=False, delete=False, webhook=True, reply_window=MESSAGING_WINDOW
        ),
    }

    def client(self) -> GraphClient:
        return GraphClient(self.credentials.token, base_url=self.credentials.base_url or None)

    def profile_text(self) -> str:
        """The account's `biography` (Instagram Graph API user field)."""
        with self.client() as client:
            return text_of(client.get(self.external_id, fields="biography").get("biography"))

    def parse(self, payload: dict[str, Any]) -> list[InboundComment]:
        """Comments and mentions (`changes`) and direct messages (`messaging`) in one delivery;
        what is not for the inbox is noted in `self.unhandled` when we do not know it."""
        self.unhandled = []
        return delivered(self.platform, payload, "instagram", self._change, self.unhandled)

    def _change(self, account_id: str, change: dict[str, Any], entry_time: Any) -> InboundComment | None:
        field = change.get("field")
        if field == "comments":
            return self._comment(account_id, change["value"], entry_time)
        if field == "mentions":
            return self._mention(account_id, change["value"], entry_time)
        if field not in QUIET_FIELDS:
            self.unhandled.append(f"field {field!r}")
        return None

    def _comment(self, account_id: str, value: dict[str, Any], entry_time: Any) -> InboundComment | None:
        comment_id = ident(value.get("id"))
        if not comment_id:
            raise MalformedDelivery(f"instagram account {account_id}: a comment without id")
        author = value.get("from") if isinstance(value.get("from"), dict) else {}
        if ident(author.get("id")) == account_id:
            return None  # the account's own replies
        media = value.get("media") if isinstance(value.get("media"), dict) else {}
        return InboundComment(
            platform=self.platform,
            account_external_id=account_id,
            platform_id=comment_id,
            text=text_of(value.get("text")),
            author_name=text_of(author.get("username")),
            author_id=ident(author.get("id")),
            received_at=timestamp(value.get("timestamp")) or timestamp(entry_time),
            parent_id=ident(value.get("parent_id")),
            post_id=ident(media.get("id")),
            raw=value,
        )

    def _mention(self, account_id: str, value: dict[str, Any], entry_time: Any) -> InboundComment | None:
        """The account @-mentioned in someone's caption or comment. Meta sends where (`media_id`,
        and `comment_id` for a comment), not the text: the item links to the media."""
        media_id = ident(value.get("media_id"))
        if not media_id:
            raise MalformedDelivery(f"instagram account {account_id}: a mention without media_id")
        comment_id = ident(value.get("comment_id"))
        return InboundComment(
            platform=self.platform,
            account_external_id=account_id,
            platform_id=comment_id or media_id,
            text=text_of(value.get("text")),
            received_at=timestamp(entry_time),
            post_id=media_id,
            verb="add",
            channel="mention",
            raw=value,
        )

    def fetch_recent(self, since: datetime | None = None) -> list[InboundComment]:
        """Comments on the account's latest media, newest first, back to `since`."""
        found: list[InboundComment] = []
        with self.client() as client:
            media_list = client.pages(f"{self.external_id}/media", limit=25, max_pages=1, fields=MEDIA_FIELDS)
            for media in media_list:
                media_id = ident(media.get("id"))
                if not media_id:
                    continue
                for row in client.pages(f"{media_id}/comments", fields=COMMENT_FIELDS, max_pages=5):
                    comment = self.from_graph(row, media_id, text_of(media.get("permalink")))
                    if comment is None:
                        continue
                    if since is not None and comment.received_at is not None and comment.received_at < since:
                        continue
                    found.append(comment)
        return found

    def from_graph(self, row: dict[str, Any], media_id: str, permalink: str) -> InboundComment | None:
        author = row.get("from") if isinstance(row.get("from"), dict) else {}
        comment_id = ident(row.get("id"))
        if not comment_id or ident(author.get("id")) == self.external_id:
            return None
        return InboundComment(
            platform=self.platform,
            account_external_id=self.external_id,
            platform_id=comment_id,
            text=text_of(row.get("text")),
            author_name=text_of(row.get("username")) or text_of(author.get("username")),
            author_id=ident(author.get("id")),
            received_at=timestamp(row.get("timestamp")),
            parent_id=ident(row.get("parent_id")),
            post_id=media_id,
            permalink=permalink,
            raw=row,
        )

    def reply(self, platform_id: str, text: str) -> str:
        with self.client() as client:
            return ident(client.post(f"{platform_id}/replies", message=text).get("id"))

    def reply_to_mention(self, media_id: str, comment_id: str, text: str) -> str:
        """`POST /{ig-user-id}/mentions` with the media, the comment where the mention was in one,
        and the message: a comment on the media, or a reply to that comment."""
        fields = {"media_id": media_id, "message": text}
        if comment_id:
            fields["comment_id"] = comment_id
        with self.client() as client:
            return ident(client.post(f"{self.external_id}/mentions", **fields).get("id"))

    def send_message(self, conversation_id: str, text: str) -> str:
        """A direct message back in the conversation (`t_<igsid>`), within Meta's 24-hour window."""
        with self.client() as client:
            sent = client.post(
                f"{self.external_id}/messages",
                recipient=json.dumps({"id": conversation_id.removeprefix("t_")}),
                message=json.dumps({"text": text}, ensure_ascii=False),
            )
        return ident(sent.get("message_id"))

    def hide(self, platform_id: str) -> None:
        with self.client() as client:
            client.post(platform_id, hide=True)

    def unhide(self, platform_id: str) -> None:
        with self.client() as client:
            client.post(platform_id, hide=False)

    def delete(self, platform_id: str) -> None:
        with self.client() as client:
            client.delete(platform_id)

    def publish(self, post: OutgoingPost, progress: dict[str, Any]) -> Published:
        """A media container made from the picture's public link (`image_url`: Instagram fetches
        it), then published (`media_publish`); several pictures make a carousel. The container
        id is kept in `progress`, so a retry publishes the same container instead of a new one."""
        if not post.media:
            raise PlatformError("Instagram publishes only posts with a picture", permanent=True)
        caption = text_with_link(post)
        with self.client() as client:
            container = progress.get("container", "")
            if not container:
                if len(post.media) == 1:
                    media = post.media[0]
                    made = client.post(
                        f"{self.external_id}/media",
                        image_url=media.url,
                        caption=caption,
                        alt_text=media.alt_text,
                    )
                else:
                    children: list[str] = progress.setdefault("children", [])
                    for media in post.media[len(children) :]:
                        child = client.post(
                            f"{self.external_id}/media",
                            image_url=media.url,
                            is_carousel_item=True,
                            alt_text=media.alt_text,
                        )
                        children.append(ident(child.get("id")))
                    made = client.post(
                        f"{self.external_id}/media",
                        media_type="CAROUSEL",
                        children=",".join(children),
                        caption=caption,
                    )
                container = progress["container"] = ident(made.get("id"))
            media_id = progress.get("media_id") or meta_once.made_before(
                client,
                f"{self.external_id}/media",
                progress,
                text=caption,
                fields="id,caption,timestamp",
                text_key="caption",
                time_key="timestamp",
            )
            if not media_id:
                published = meta_once.create_once(
                    client, f"{self.external_id}/media_publish", progress, creation_id=container
                )
                media_id = ident(published.get("id"))
            progress["media_id"] = media_id
            permalink = text_of(client.get(media_id, fields="permalink").get("permalink"))
        return Published(media_id, permalink)

    def remove_post(self, platform_id: str) -> None:
        with self.client() as client:
            client.delete(platform_id)

    def turn_comments_off(self, progress: dict[str, Any]) -> None:
        """`POST /{ig-media-id}` with `comment_enabled=false` on each of the account's media whose
        comments are on (`is_comment_enabled`); one already off is left alone and not noted."""
        done: list[str] = progress.setdefault("off", [])
        with self.client() as client:
            media = client.pages(
                f"{self.external_id}/media",
                limit=100,
                max_pages=MAX_MEDIA_PAGES,
                fields="id,is_comment_enabled",
            )
            for row in media:
                media_id = ident(row.get("id"))
                if not media_id or media_id in done or row.get("is_comment_enabled") is False:
                    continue
                client.post(media_id, comment_enabled=False)
                done.append(media_id)

    def turn_comments_on(self, post_ids: list[str], progress: dict[str, Any]) -> None:
        """`comment_enabled=true` on each media we turned off; one deleted meanwhile is noted as gone."""
        done: list[str] = progress.setdefault("on", [])
        gone: list[str] = progress.setdefault("gone", [])
        with self.client() as client:
            for media_id in post_ids:
                if media_id in done or media_id in gone:
                    continue
                try:
                    client.post(media_id, comment_enabled=True)
                except PlatformError as exc:
                    if exc.kind != "gone":
                        raise
                    gone.append(media_id)
                    continue
                done.append(media_id)
