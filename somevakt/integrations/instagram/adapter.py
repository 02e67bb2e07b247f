"""Instagram professional accounts: comments arrive by webhook (`comments` changes) at /hooks/meta.

Instagram speaks the same Graph API as Facebook pages, through the same client
(`facebook.client.GraphClient`); only the edges differ: replies go to `/{ig-comment-id}/replies`,
hiding is `hide=true`, and a media object's comments carry `text`, `timestamp` and `username`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from somevakt.inbox.ports import Capabilities, InboundComment
from somevakt.integrations.base import Adapter
from somevakt.integrations.facebook.client import GraphClient
from somevakt.integrations.meta_payload import MalformedDelivery, entries, ident, text_of, timestamp

MEDIA_FIELDS = "id,timestamp,permalink"
COMMENT_FIELDS = "id,text,timestamp,username,from,parent_id"


class InstagramAdapter(Adapter):
    platform = "instagram"
    capabilities = Capabilities(webhook=True)

    def client(self) -> GraphClient:
        return GraphClient(self.credentials.token, base_url=self.credentials.base_url or None)

    def parse(self, payload: dict[str, Any]) -> list[InboundComment]:
        comments = []
        for account_id, change, entry_time in entries(payload, "instagram"):
            if change.get("field") != "comments":
                continue  # mentions, live comments, messages: not handled here
            value = change["value"]
            comment_id = ident(value.get("id"))
            if not comment_id:
                raise MalformedDelivery(f"instagram account {account_id}: a comment without id")
            author = value.get("from") if isinstance(value.get("from"), dict) else {}
            if ident(author.get("id")) == account_id:
                continue  # the account's own replies
            media = value.get("media") if isinstance(value.get("media"), dict) else {}
            comments.append(
                InboundComment(
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
            )
        return comments

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

    def hide(self, platform_id: str) -> None:
        with self.client() as client:
            client.post(platform_id, hide=True)

    def unhide(self, platform_id: str) -> None:
        with self.client() as client:
            client.post(platform_id, hide=False)

    def delete(self, platform_id: str) -> None:
        with self.client() as client:
            client.delete(platform_id)
