"""Facebook pages through the Graph API: comments, visitor posts, mentions and recommendations
arrive by webhook as page `changes`, Messenger messages as page `messaging` events."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from somevakt.inbox.ports import Capabilities, InboundComment, OutgoingPost, Published
from somevakt.integrations import meta_once
from somevakt.integrations.base import Adapter, read_file, text_with_link
from somevakt.integrations.facebook.client import GraphClient
from somevakt.integrations.meta_payload import (
    MESSAGING_WINDOW,
    MalformedDelivery,
    author_of,
    delivered,
    ident,
    text_of,
    timestamp,
)

# Meta sends an edit as `edited` on comments and as `edit` on posts (and sometimes on comments).
VERBS = {
    "add": "add",
    "edited": "edited",
    "edit": "edited",
    "remove": "remove",
    "hide": "hide",
    "unhide": "unhide",
}
COMMENT_FIELDS = "id,message,from,created_time,parent{id},permalink_url"
# A visitor's own post on the page: a text (status), a post with a link, photos or a video.
POST_ITEMS = frozenset({"post", "status", "photo", "video", "share"})
# Feed changes that are not an inquiry to anyone: counted as seen, never stored.
FEED_NOISE = frozenset({"reaction", "like", "event", "album", "milestone", "cover", "story"})


class FacebookAdapter(Adapter):
    platform = "facebook"
    # A text-only notice goes out as a page feed post. Comments cannot be turned off: the Graph
    # API updates a page post's message, visibility and pinning, not whether it takes comments
    # (that is done by hand, post by post, in Meta Business Suite).
    capabilities = Capabilities(webhook=True, notice=True)
    # A visitor's post on the page is moderated like a comment. Someone else's post that names
    # the page, and a recommendation, can only be answered (a comment under it); a Messenger
    # message is answered in its conversation and cannot be hidden or deleted by the page.
    kind_capabilities = {
        "mention": Capabilities(reply=True, hide=False, unhide=False, delete=False, webhook=True),
        "review": Capabilities(reply=True, hide=False, unhide=False, delete=False, webhook=True),
        "message": Capabilities(
            reply=True, hide=False, unhide=False, delete=False, webhook=True, reply_window=MESSAGING_WINDOW
        ),
    }

    def client(self) -> GraphClient:
        return GraphClient(self.credentials.token, base_url=self.credentials.base_url or None)

    def parse(self, payload: dict[str, Any]) -> list[InboundComment]:
        """Comments, visitor posts, mentions and recommendations (page `changes`) and Messenger
        messages (page `messaging`) in one delivery; what is not for the inbox is noted in
        `self.unhandled` when it is something we do not know."""
        self.unhandled = []
        return delivered(self.platform, payload, "page", self._change, self.unhandled)

    def _change(self, page_id: str, change: dict[str, Any], entry_time: Any) -> InboundComment | None:
        field = change.get("field")
        value = change["value"]
        if field == "feed":
            return self._feed(page_id, value, entry_time)
        if field == "mention":
            return self._mention(page_id, value, entry_time)
        if field == "ratings":
            return self._rating(page_id, value, entry_time)
        self.unhandled.append(f"field {field!r}")
        return None

    def _verb(self, value: dict[str, Any], what: str) -> str | None:
        verb = VERBS.get(text_of(value.get("verb")))
        if verb is None:
            self.unhandled.append(f"{what} verb {value.get('verb')!r}")
        return verb

    def _feed(self, page_id: str, value: dict[str, Any], entry_time: Any) -> InboundComment | None:
        item = text_of(value.get("item"))
        if item == "comment":
            return self._comment(page_id, value, entry_time, channel="comment")
        if item in POST_ITEMS:
            return self._visitor_post(page_id, value, entry_time)
        if item not in FEED_NOISE:
            self.unhandled.append(f"feed item {item!r}")
        return None

    def _comment(
        self, page_id: str, value: dict[str, Any], entry_time: Any, *, channel: str
    ) -> InboundComment | None:
        verb = self._verb(value, "comment")
        if verb is None:
            return None
        comment_id = ident(value.get("comment_id"))
        if not comment_id:
            raise MalformedDelivery(f"page {page_id}: a comment change without comment_id")
        author_id, author_name = author_of(value)
        if author_id == page_id:
            return None  # the page's own replies are the municipality's texts, not inbound items
        post_id = ident(value.get("post_id"))
        parent_id = ident(value.get("parent_id"))
        post = value.get("post") if isinstance(value.get("post"), dict) else {}
        return InboundComment(
            platform=self.platform,
            account_external_id=page_id,
            platform_id=comment_id,
            text=text_of(value.get("message")),
            author_name=author_name,
            author_id=author_id,
            received_at=timestamp(value.get("created_time")) or timestamp(entry_time),
            # A comment directly on the post has the post as its parent.
            parent_id="" if parent_id == post_id else parent_id,
            post_id=post_id,
            permalink=text_of(post.get("permalink_url")),
            verb=verb,
            channel=channel,
            raw=value,
        )

    def _visitor_post(self, page_id: str, value: dict[str, Any], entry_time: Any) -> InboundComment | None:
        verb = self._verb(value, "post")
        if verb is None:
            return None
        post_id = ident(value.get("post_id"))
        if not post_id:
            raise MalformedDelivery(f"page {page_id}: a post change without post_id")
        # The photo references (`photos`, `photo_id`, `link`) stay in `raw`, with the item's payload.
        permalink = text_of(value.get("permalink_url")) or text_of(value.get("link"))
        return self._post(page_id, value, entry_time, post_id, verb, "post", permalink)

    def _mention(self, page_id: str, value: dict[str, Any], entry_time: Any) -> InboundComment | None:
        """The page named in someone else's post or comment. Meta sends who and where, and
        the text only sometimes (`message`); the item links to the post either way."""
        if text_of(value.get("item")) == "comment" and ident(value.get("comment_id")):
            return self._comment(page_id, value, entry_time, channel="mention")
        verb = self._verb(value, "mention")
        post_id = ident(value.get("post_id"))
        if verb is None or not post_id:
            if verb is not None:
                self.unhandled.append("mention without post_id")
            return None
        return self._post(
            page_id, value, entry_time, post_id, verb, "mention", f"https://www.facebook.com/{post_id}"
        )

    def _post(
        self,
        page_id: str,
        value: dict[str, Any],
        entry_time: Any,
        post_id: str,
        verb: str,
        channel: str,
        permalink: str,
    ) -> InboundComment | None:
        """A post as an item of its own (a visitor's post on the page, someone else's post that
        names it); None for the page's own post, published by us and not an inquiry."""
        author_id, author_name = author_of(value)
        if author_id == page_id:
            return None
        return InboundComment(
            platform=self.platform,
            account_external_id=page_id,
            platform_id=post_id,
            text=text_of(value.get("message")),
            author_name=author_name,
            author_id=author_id,
            received_at=timestamp(value.get("created_time")) or timestamp(entry_time),
            post_id=post_id,
            permalink=permalink,
            verb=verb,
            channel=channel,
            raw=value,
        )

    def _rating(self, page_id: str, value: dict[str, Any], entry_time: Any) -> InboundComment | None:
        """A recommendation (or not) of the page, with its text: answered like a comment."""
        if text_of(value.get("item")) == "comment":
            return self._comment(page_id, value, entry_time, channel="comment")
        verb = self._verb(value, "rating")
        story_id = ident(value.get("open_graph_story_id"))
        author_id = ident(value.get("reviewer_id"))
        if verb is None:
            return None
        if not story_id and not author_id:
            raise MalformedDelivery(f"page {page_id}: a rating without open_graph_story_id or reviewer_id")
        return InboundComment(
            platform=self.platform,
            account_external_id=page_id,
            # One recommendation per person and page: the reviewer is the key when the story id is missing.
            platform_id=story_id or f"rating:{author_id}",
            text=text_of(value.get("review_text")),
            author_name=text_of(value.get("reviewer_name")),
            author_id=author_id,
            received_at=timestamp(value.get("created_time")) or timestamp(entry_time),
            post_id=story_id,
            verb=verb,
            channel="review",
            raw=value,
        )

    def fetch_recent(self, since: datetime | None = None) -> list[InboundComment]:
        """What the webhook may have missed, newest first, back to `since`: comments on the page's
        latest posts, visitors' posts and their comments, and Messenger messages."""
        with self.client() as client:
            posts = client.pages(f"{self.external_id}/feed", limit=25, max_pages=1, fields="id,permalink_url")
            visitors = client.pages(
                f"{self.external_id}/visitor_posts",
                limit=25,
                max_pages=1,
                fields="id,message,from,created_time,permalink_url",
            )
            found: list[InboundComment] = []
            for row in visitors:
                post = self.from_visitor_post(row)
                if post is not None and (
                    since is None or post.received_at is None or post.received_at >= since
                ):
                    found.append(post)
            for post in [*posts, *visitors]:
                post_id = ident(post.get("id"))
                if post_id:
                    found += self._recent_comments(client, post_id, text_of(post.get("permalink_url")), since)
            found += self._recent_messages(client, since)
            return found

    def _recent_comments(
        self, client: GraphClient, post_id: str, permalink: str, since: datetime | None
    ) -> list[InboundComment]:
        rows = client.pages(
            f"{post_id}/comments",
            filter="stream",
            order="reverse_chronological",
            fields=COMMENT_FIELDS,
            max_pages=5,
        )
        found = []
        for row in rows:
            comment = self.from_graph(row, post_id, permalink)
            if comment is None:
                continue
            if since is not None and comment.received_at is not None and comment.received_at < since:
                break
            found.append(comment)
        return found

    def _recent_messages(self, client: GraphClient, since: datetime | None) -> list[InboundComment]:
        conversations = client.pages(
            f"{self.external_id}/conversations",
            limit=25,
            max_pages=1,
            fields="id,updated_time,messages.limit(25){id,message,from,created_time}",
        )
        found = []
        for conversation in conversations:
            updated = timestamp(conversation.get("updated_time"))
            if since is not None and updated is not None and updated < since:
                break  # conversations come newest first
            messages = conversation.get("messages") if isinstance(conversation.get("messages"), dict) else {}
            for row in messages.get("data", []):
                message = self.from_graph_message(row)
                if message is not None and (
                    since is None or message.received_at is None or message.received_at >= since
                ):
                    found.append(message)
        return found

    def from_visitor_post(self, row: dict[str, Any]) -> InboundComment | None:
        author_id, author_name = author_of(row)
        post_id = ident(row.get("id"))
        if not post_id or author_id == self.external_id:
            return None
        return InboundComment(
            platform=self.platform,
            account_external_id=self.external_id,
            platform_id=post_id,
            text=text_of(row.get("message")),
            author_name=author_name,
            author_id=author_id,
            received_at=timestamp(row.get("created_time")),
            post_id=post_id,
            permalink=text_of(row.get("permalink_url")),
            channel="post",
            raw=row,
        )

    def from_graph_message(self, row: dict[str, Any]) -> InboundComment | None:
        author_id, author_name = author_of(row)
        mid = ident(row.get("id"))
        if not mid or not author_id or author_id == self.external_id:
            return None  # the page's own messages are ours
        return InboundComment(
            platform=self.platform,
            account_external_id=self.external_id,
            platform_id=mid,
            text=text_of(row.get("message")),
            author_name=author_name,
            author_id=author_id,
            received_at=timestamp(row.get("created_time")),
            post_id=f"t_{author_id}",
            channel="message",
            raw=row,
        )

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

    def fetch_text(self, object_id: str) -> str:
        with self.client() as client:
            return text_of(client.get(object_id, fields="message").get("message"))

    def profile_text(self) -> str:
        """The page's `about` and `description` (Graph API page fields)."""
        with self.client() as client:
            page = client.get(self.external_id, fields="about,description")
        parts = (text_of(page.get(key)) for key in ("about", "description"))
        return "\n\n".join(part for part in parts if part)

    def send_message(self, conversation_id: str, text: str) -> str:
        """A message in a Messenger conversation (`t_<psid>`), as a response to the person's own
        message; Meta refuses it more than 24 hours after their last one (a permanent error)."""
        psid = conversation_id.removeprefix("t_")
        with self.client() as client:
            sent = client.post(
                f"{self.external_id}/messages",
                recipient=json.dumps({"id": psid}),
                message=json.dumps({"text": text}, ensure_ascii=False),
                messaging_type="RESPONSE",
            )
        return ident(sent.get("message_id"))

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

    def publish(self, post: OutgoingPost, progress: dict[str, Any]) -> Published:
        """A page feed post. Pictures are uploaded unpublished first (`/{page}/photos` with
        `published=false` and their alternative text) and attached to the feed post
        (`attached_media`); their ids are kept in `progress`, so a retry does not upload them again."""
        with self.client() as client:
            photos: list[str] = progress.setdefault("photos", [])
            for media in post.media[len(photos) :]:
                name = media.path.rsplit("/", 1)[-1]
                uploaded = client.upload(
                    f"{self.external_id}/photos",
                    (name, read_file(media.path), media.content_type),
                    published=False,
                    alt_text_custom=media.alt_text,
                )
                photos.append(ident(uploaded.get("id")))
            fields: dict[str, Any] = {"message": text_with_link(post) if photos else post.text}
            if photos:
                for index, photo in enumerate(photos):
                    fields[f"attached_media[{index}]"] = json.dumps({"media_fbid": photo})
            elif post.link:
                fields["link"] = post.link
            post_id = progress.get("post_id") or meta_once.made_before(
                client,
                f"{self.external_id}/feed",
                progress,
                text=fields["message"],
                fields="id,message,created_time,from",
                text_key="message",
                time_key="created_time",
                owner=self.external_id,
            )
            if not post_id:
                created = meta_once.create_once(client, f"{self.external_id}/feed", progress, **fields)
                post_id = ident(created.get("id"))
            progress["post_id"] = post_id
            permalink = text_of(client.get(post_id, fields="permalink_url").get("permalink_url"))
        return Published(post_id, permalink)

    def remove_post(self, platform_id: str) -> None:
        with self.client() as client:
            client.delete(platform_id)
