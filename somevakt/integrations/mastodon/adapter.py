"""Mastodon: mentions of the municipality's account, fetched by polling the notifications API.

Mastodon does not let an account hide or delete other people's replies, so those are not
offered here: somevakt hides the item in its own view and records that it did.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from somevakt.inbox.ports import Capabilities, InboundComment, OutgoingPost, Published
from somevakt.integrations.base import Adapter, read_file, text_with_link
from somevakt.integrations.mastodon.client import MastodonClient
from somevakt.integrations.mastodon.text import html_to_text
from somevakt.integrations.meta_payload import ident, text_of, timestamp


class MastodonAdapter(Adapter):
    platform = "mastodon"
    capabilities = Capabilities(
        reply=True, hide=False, unhide=False, delete=False, fetch_recent=True, notice=True
    )
    needs_instance_url = True

    def client(self) -> MastodonClient:
        return MastodonClient(self.credentials.base_url, self.credentials.token)

    def fetch_recent(self, since: datetime | None = None) -> list[InboundComment]:
        """Mentions after `self.cursor` (the last notification id seen), which is moved forward."""
        with self.client() as client:
            notifications = client.mentions_after(self.cursor)
        comments = []
        for notification in notifications:
            self.cursor = str(notification["id"])
            comment = self.from_notification(notification)
            if comment is None:
                continue
            if since is not None and comment.received_at is not None and comment.received_at < since:
                continue
            comments.append(comment)
        return comments

    def parse(self, payload: dict[str, Any]) -> list[InboundComment]:
        """One notification, as the API returns it (also used for imported exports)."""
        comment = self.from_notification(payload)
        return [comment] if comment is not None else []

    def from_notification(self, notification: dict[str, Any]) -> InboundComment | None:
        status = notification.get("status")
        if notification.get("type") != "mention" or not isinstance(status, dict):
            return None
        author = status.get("account") if isinstance(status.get("account"), dict) else {}
        if ident(author.get("id")) == self.external_id:
            return None  # our own posts
        spoiler = text_of(status.get("spoiler_text"))
        text = html_to_text(text_of(status.get("content")))
        return InboundComment(
            platform=self.platform,
            account_external_id=self.external_id,
            platform_id=ident(status.get("id")),
            text=f"{spoiler}\n\n{text}" if spoiler else text,
            author_name=text_of(author.get("display_name")) or text_of(author.get("acct")),
            author_id=ident(author.get("id")),
            received_at=timestamp(status.get("created_at")) or timestamp(notification.get("created_at")),
            parent_id=ident(status.get("in_reply_to_id")),
            permalink=text_of(status.get("url")) or text_of(status.get("uri")),
            channel="message" if status.get("visibility") == "direct" else "mention",
            raw=notification,
        )

    def profile_text(self) -> str:
        """The account's `note` (its bio, HTML in Mastodon's API), as plain text."""
        with self.client() as client:
            note = str(client.own_account().get("note") or "")
        return html_to_text(note)

    def reply(self, platform_id: str, text: str) -> str:
        with self.client() as client:
            original = client.status(platform_id)
            author = original.get("account") if isinstance(original.get("account"), dict) else {}
            acct = text_of(author.get("acct"))
            # The author is only notified when the reply mentions them.
            body = text if not acct or f"@{acct}" in text else f"@{acct} {text}"
            visibility = text_of(original.get("visibility")) or "public"
            posted = client.post_status(body, in_reply_to_id=platform_id, visibility=visibility)
        return ident(posted.get("id"))

    def publish(self, post: OutgoingPost, progress: dict[str, Any]) -> Published:
        """Each picture uploaded with its alternative text (`POST /api/v2/media`, `description`),
        then the status with their `media_ids[]`; the uploaded ids are kept in `progress`."""
        with self.client() as client:
            media_ids: list[str] = progress.setdefault("media_ids", [])
            for media in post.media[len(media_ids) :]:
                name = media.path.rsplit("/", 1)[-1]
                uploaded = client.upload_media(
                    (name, read_file(media.path), media.content_type), media.alt_text
                )
                media_ids.append(ident(uploaded.get("id")))
            status = client.publish_status(
                text_with_link(post), media_ids, idempotency_key=post.idempotency_key
            )
        return Published(ident(status.get("id")), text_of(status.get("url")) or text_of(status.get("uri")))

    def remove_post(self, platform_id: str) -> None:
        with self.client() as client:
            client.delete_status(platform_id)
