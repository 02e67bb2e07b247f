"""Facebook pages through the Graph API: comments arrive by webhook (page `feed` changes)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from somevakt.inbox.ports import Capabilities, InboundComment
from somevakt.integrations.base import Adapter
from somevakt.integrations.facebook.client import GraphClient
from somevakt.integrations.meta_payload import MalformedDelivery, entries, ident, text_of, timestamp

VERBS = frozenset({"add", "edited", "remove", "hide", "unhide"})
COMMENT_FIELDS = "id,message,from,created_time,parent{id},permalink_url"


class FacebookAdapter(Adapter):
    platform = "facebook"
    capabilities = Capabilities(webhook=True)

    def client(self) -> GraphClient:
        return GraphClient(self.credentials.token, base_url=self.credentials.base_url or None)

    def parse(self, payload: dict[str, Any]) -> list[InboundComment]:
        comments = []
        for page_id, change, entry_time in entries(payload, "page"):
            if change.get("field") != "feed":
                continue
            value = change["value"]
            if value.get("item") != "comment":
                continue  # posts, reactions, shares: not comments to handle
            verb = value.get("verb")
            if verb not in VERBS:
                continue
            comment_id = ident(value.get("comment_id"))
            if not comment_id:
                raise MalformedDelivery(f"page {page_id}: a comment change without comment_id")
            author = value.get("from") if isinstance(value.get("from"), dict) else {}
            if ident(author.get("id")) == page_id:
                continue  # the page's own replies are the municipality's texts, not inbound items
            post_id = ident(value.get("post_id"))
            parent_id = ident(value.get("parent_id"))
            post = value.get("post") if isinstance(value.get("post"), dict) else {}
            comments.append(
                InboundComment(
                    platform=self.platform,
                    account_external_id=page_id,
                    platform_id=comment_id,
                    text=text_of(value.get("message")),
                    author_name=text_of(author.get("name")),
                    author_id=ident(author.get("id")),
                    received_at=timestamp(value.get("created_time")) or timestamp(entry_time),
                    # A comment directly on the post has the post as its parent.
                    parent_id="" if parent_id == post_id else parent_id,
                    post_id=post_id,
                    permalink=text_of(post.get("permalink_url")),
                    verb=verb,
                    raw=value,
                )
            )
        return comments

    def fetch_recent(self, since: datetime | None = None) -> list[InboundComment]:
        """Comments on the page's latest posts, newest first, back to `since`."""
        with self.client() as client:
            posts = client.pages(f"{self.external_id}/feed", limit=25, max_pages=1, fields="id,permalink_url")
            found: list[InboundComment] = []
            for post in posts:
                post_id = ident(post.get("id"))
                if not post_id:
                    continue
                rows = client.pages(
                    f"{post_id}/comments",
                    filter="stream",
                    order="reverse_chronological",
                    fields=COMMENT_FIELDS,
                    max_pages=5,
                )
                for row in rows:
                    comment = self.from_graph(row, post_id, text_of(post.get("permalink_url")))
                    if comment is None:
                        continue
                    if since is not None and comment.received_at is not None and comment.received_at < since:
                        break
                    found.append(comment)
            return found

    def from_graph(self, row: dict[str, Any], post_id: str, post_permalink: str) -> InboundComment | None:
        author = row.get("from") if isinstance(row.get("from"), dict) else {}
        comment_id = ident(row.get("id"))
        if not comment_id or ident(author.get("id")) == self.external_id:
            return None
        parent = row.get("parent") if isinstance(row.get("parent"), dict) else {}
        return InboundComment(
            platform=self.platform,
            account_external_id=self.external_id,
            platform_id=comment_id,
            text=text_of(row.get("message")),
            author_name=text_of(author.get("name")),
            author_id=ident(author.get("id")),
            received_at=timestamp(row.get("created_time")),
            parent_id=ident(parent.get("id")),
            post_id=post_id,
            permalink=text_of(row.get("permalink_url")) or post_permalink,
            raw=row,
        )

    def reply(self, platform_id: str, text: str) -> str:
        with self.client() as client:
            return ident(client.post(f"{platform_id}/comments", message=text).get("id"))

    def hide(self, platform_id: str) -> None:
        self._set_hidden(platform_id, True)

    def unhide(self, platform_id: str) -> None:
        self._set_hidden(platform_id, False)

    def delete(self, platform_id: str) -> None:
        with self.client() as client:
            client.delete(platform_id)

    def _set_hidden(self, platform_id: str, hidden: bool) -> None:
        with self.client() as client:
            client.post(platform_id, is_hidden=hidden)
