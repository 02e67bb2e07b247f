"""Reading Meta's webhook deliveries: `{"object": ..., "entry": [{"id", "time", "changes": [...]}]}`.

Both Facebook pages (`object: page`) and Instagram accounts (`object: instagram`) deliver
this envelope to the one endpoint; each adapter reads the changes of its own object.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from somevakt.inbox.ports import InboundComment

# Meta's standard messaging window: a page or an Instagram account may answer a person's
# message within 24 hours of that person's last message (Messenger Platform policy).
MESSAGING_WINDOW = timedelta(hours=24)


class MalformedDelivery(ValueError):
    """The body is JSON but not a delivery we can read. The message says where."""


def entries(payload: Any, object_name: str) -> Iterator[tuple[str, dict[str, Any], int | float | None]]:
    """(entry id, change, entry time) for every change in a delivery for `object_name`."""
    if not isinstance(payload, dict) or not isinstance(payload.get("entry"), list):
        raise MalformedDelivery("expected an object with an 'entry' list")
    if payload.get("object") != object_name:
        return
    for number, entry in enumerate(payload["entry"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str | int):
            raise MalformedDelivery(f"entry {number} has no id")
        changes = entry.get("changes", [])
        if not isinstance(changes, list):
            raise MalformedDelivery(f"entry {number}: 'changes' is not a list")
        for change in changes:
            if not isinstance(change, dict) or not isinstance(change.get("value"), dict):
                raise MalformedDelivery(f"entry {number}: a change without a 'value' object")
            yield str(entry["id"]), change, entry.get("time")


def delivered(
    platform: str,
    payload: Any,
    object_name: str,
    change_of: Callable[[str, dict[str, Any], Any], InboundComment | None],
    unhandled: list[str],
) -> list[InboundComment]:
    """What one delivery brings for the inbox: each change as `change_of(account id, change,
    entry time)` reads it (None: nothing to answer), then each direct message (`message_of`)."""
    found: list[InboundComment] = []
    for account_id, change, entry_time in entries(payload, object_name):
        parsed = change_of(account_id, change, entry_time)
        if parsed is not None:
            # The entry's time is when the change happened on the platform: the order of changes.
            found.append(replace(parsed, changed_at=timestamp(entry_time)))
    for account_id, event in messaging(payload, object_name):
        parsed = message_of(platform, account_id, event, unhandled)
        if parsed is not None:
            found.append(replace(parsed, changed_at=parsed.received_at))
    return found


def messaging(payload: Any, object_name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(entry id, event) for every Messenger-style event (`entry[].messaging[]`) of `object_name`.

    Messages to a page or an Instagram account come in this shape rather than as `changes`:
    `{"sender": {"id"}, "recipient": {"id"}, "timestamp", "message": {"mid", "text", "attachments"}}`.
    """
    if not isinstance(payload, dict) or payload.get("object") != object_name:
        return
    for number, entry in enumerate(payload.get("entry") or []):
        if not isinstance(entry, dict):
            raise MalformedDelivery(f"entry {number} is not an object")
        events = entry.get("messaging", [])
        if not isinstance(events, list):
            raise MalformedDelivery(f"entry {number}: 'messaging' is not a list")
        for event in events:
            if not isinstance(event, dict):
                raise MalformedDelivery(f"entry {number}: a messaging event is not an object")
            yield str(entry.get("id", "")), event


def timestamp(value: Any) -> datetime | None:
    """Meta's times: Unix seconds (sometimes milliseconds) or ISO 8601 with a +0000 offset."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 10**11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.replace("+0000", "+00:00"))
        except ValueError:
            return None
        return parsed if parsed.utcoffset() is not None else parsed.replace(tzinfo=UTC)
    return None


def text_of(value: Any) -> str:
    return value if isinstance(value, str) else ""


def ident(value: Any) -> str:
    return str(value) if isinstance(value, str | int) and not isinstance(value, bool) else ""


def author_of(value: dict[str, Any]) -> tuple[str, str]:
    """(id, name) of who wrote it: `from` in most deliveries, `sender_id`/`sender_name` in some."""
    author = value.get("from") if isinstance(value.get("from"), dict) else {}
    author_id = ident(author.get("id")) or ident(value.get("sender_id"))
    return author_id, text_of(author.get("name")) or text_of(value.get("sender_name"))


# Messaging events that say nothing to answer: receipts, reactions, button presses, opt-ins.
QUIET_MESSAGING = ("delivery", "read", "reaction", "postback", "optin")


def message_of(
    platform: str, account_id: str, event: dict[str, Any], unhandled: list[str]
) -> InboundComment | None:
    """A direct message to a page or an Instagram account, with its conversation (`t_<sender>`)
    as the thread; None for the account's own messages and for events with nothing to answer.
    What is neither is added to `unhandled`."""
    message = event.get("message")
    sender = ident((event.get("sender") or {}).get("id")) if isinstance(event.get("sender"), dict) else ""
    if not isinstance(message, dict):
        if not any(key in event for key in QUIET_MESSAGING):
            unhandled.append("messaging event without a message")
        return None
    if message.get("is_echo") or sender == account_id:
        return None  # the account's own message, sent by us
    if message.get("is_deleted"):
        unhandled.append("deleted message")
        return None
    mid = ident(message.get("mid"))
    if not mid or not sender:
        raise MalformedDelivery(f"{platform} account {account_id}: a message without mid or sender")
    return InboundComment(
        platform=platform,
        account_external_id=account_id,
        platform_id=mid,
        text=text_of(message.get("text")),
        author_id=sender,
        received_at=timestamp(event.get("timestamp")),
        post_id=f"t_{sender}",
        verb="add",
        channel="message",
        raw=event,
    )
