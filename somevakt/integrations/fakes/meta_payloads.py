"""Webhook deliveries in Meta's format, for tests, the benchmark and anyone trying the endpoint."""

from __future__ import annotations

import json
import time
from typing import Any

from somevakt.integrations.signature import sign


def feed_comment(
    page_id: str,
    comment_id: str,
    message: str = "",
    *,
    verb: str = "add",
    post_id: str = "",
    parent_id: str = "",
    author: tuple[str, str] = ("5550001", "Kari Nordmann"),
    created_time: int | None = None,
) -> dict[str, Any]:
    """One `feed` change for a comment on a page (`item: comment`)."""
    post_id = post_id or f"{page_id}_1000"
    value: dict[str, Any] = {
        "from": {"id": author[0], "name": author[1]},
        "post": {
            "status_type": "added_photos",
            "is_published": True,
            "updated_time": "2026-03-04T10:00:00+0000",
            "permalink_url": f"https://www.facebook.com/{post_id}",
            "promotion_status": "inactive",
            "id": post_id,
        },
        "post_id": post_id,
        "comment_id": comment_id,
        "created_time": created_time if created_time is not None else int(time.time()),
        "item": "comment",
        "parent_id": parent_id or post_id,
        "verb": verb,
    }
    if verb in ("add", "edited"):
        value["message"] = message
    return {"field": "feed", "value": value}


def visitor_post(
    page_id: str,
    post_id: str,
    message: str = "",
    *,
    verb: str = "add",
    item: str = "status",
    author: tuple[str, str] = ("5550002", "Ola Nordmann"),
    photo: str = "",
) -> dict[str, Any]:
    """One `feed` change for a post someone else wrote on the page (`item: status|post|photo`)."""
    value: dict[str, Any] = {
        "from": {"id": author[0], "name": author[1]},
        "post_id": post_id,
        "created_time": int(time.time()),
        "item": item,
        "verb": verb,
        "published": 1,
    }
    if message:
        value["message"] = message
    if photo:
        value.update({"photo_id": photo, "link": f"https://scontent.xx.fbcdn.net/v/{photo}.jpg"})
    return {"field": "feed", "value": value}


def page_mention(
    page_id: str, post_id: str, *, author: tuple[str, str] = ("5550003", "Per Hansen"), verb: str = "add"
) -> dict[str, Any]:
    """The page named in someone's post: Meta says who and where (`sender_id`, `sender_name`)."""
    return {
        "field": "mention",
        "value": {
            "post_id": post_id,
            "sender_name": author[1],
            "item": "post",
            "sender_id": author[0],
            "verb": verb,
        },
    }


def page_rating(
    page_id: str,
    text: str,
    *,
    story_id: str = "1911000000000001",
    author: tuple[str, str] = ("5550004", "Anne Berg"),
    recommends: bool = True,
    verb: str = "add",
) -> dict[str, Any]:
    """A recommendation of the page (`ratings`), with its text."""
    return {
        "field": "ratings",
        "value": {
            "reviewer_id": author[0],
            "reviewer_name": author[1],
            "review_text": text,
            "recommendation_type": "positive" if recommends else "negative",
            "open_graph_story_id": story_id,
            "created_time": int(time.time()),
            "item": "rating",
            "verb": verb,
        },
    }


def messenger_delivery(page_id: str, *events: dict[str, Any]) -> dict[str, Any]:
    """A Messenger delivery: `{"object": "page", "entry": [{"id", "time", "messaging": [...]}]}`."""
    return {
        "object": "page",
        "entry": [{"id": page_id, "time": int(time.time() * 1000), "messaging": list(events)}],
    }


def messenger_message(
    page_id: str, mid: str, text: str = "", *, sender: str = "6660001", attachment: str = ""
) -> dict[str, Any]:
    """One message from a person (page-scoped id `sender`) to the page."""
    message: dict[str, Any] = {"mid": mid}
    if text:
        message["text"] = text
    if attachment:
        message["attachments"] = [
            {"type": attachment, "payload": {"url": "https://scontent.xx.fbcdn.net/a.jpg"}}
        ]
    return {
        "sender": {"id": sender},
        "recipient": {"id": page_id},
        "timestamp": int(time.time() * 1000),
        "message": message,
    }


def instagram_comment(
    comment_id: str,
    text: str,
    *,
    media_id: str = "17900000000000001",
    author: tuple[str, str] = ("17841400000999", "kari.nordmann"),
    parent_id: str = "",
) -> dict[str, Any]:
    value: dict[str, Any] = {
        "from": {"id": author[0], "username": author[1]},
        "media": {"id": media_id, "media_product_type": "FEED"},
        "id": comment_id,
        "text": text,
    }
    if parent_id:
        value["parent_id"] = parent_id
    return {"field": "comments", "value": value}


def delivery(object_name: str, entries: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """The envelope: `{"object": "page"|"instagram", "entry": [{"id", "time", "changes"}]}`."""
    now = int(time.time())
    return {
        "object": object_name,
        "entry": [{"id": entry_id, "time": now, "changes": changes} for entry_id, changes in entries.items()],
    }


def page_delivery(page_id: str, *changes: dict[str, Any]) -> dict[str, Any]:
    return delivery("page", {page_id: list(changes)})


def instagram_delivery(account_id: str, *changes: dict[str, Any]) -> dict[str, Any]:
    return delivery("instagram", {account_id: list(changes)})


def signed(payload: dict[str, Any] | bytes, secret: str) -> tuple[bytes, str]:
    """The body bytes and the X-Hub-Signature-256 header Meta would send with them."""
    body = payload if isinstance(payload, bytes) else json.dumps(payload, ensure_ascii=False).encode()
    return body, sign(body, secret)
