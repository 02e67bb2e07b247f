"""A fake Mastodon instance: mention notifications, statuses and replies in Mastodon's formats.

with FakeMastodon() as instance:
    instance.mention("Hei @kommunen, når åpner biblioteket?")
"""

from __future__ import annotations

import html
import itertools
from datetime import UTC, datetime
from typing import Any

from somevakt.integrations.fakes.server import FakeServer, Request, Response

DEFAULT_TOKEN = "fake-mastodon-token"  # noqa: S105 - a token the fake accepts, nothing else
OWN_ACCOUNT_ID = "110000000000000202"


def mastodon_time(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def account(account_id: str, username: str, display_name: str, domain: str = "") -> dict[str, Any]:
    acct = f"{username}@{domain}" if domain else username
    return {
        "id": account_id,
        "username": username,
        "acct": acct,
        "display_name": display_name,
        "locked": False,
        "bot": False,
        "url": f"https://{domain or 'social.example'}/@{username}",
        "avatar": "https://social.example/avatars/original/missing.png",
        "created_at": "2024-01-01T00:00:00.000Z",
        "followers_count": 1,
        "following_count": 1,
        "statuses_count": 1,
        "note": "",
    }


class FakeMastodon(FakeServer):
    def __init__(self, token: str = DEFAULT_TOKEN, own: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.token = token
        self.own = own or account(OWN_ACCOUNT_ID, "romskog", "Rømskog kommune")
        self.statuses: dict[str, dict[str, Any]] = {}
        self.notifications: list[dict[str, Any]] = []  # oldest first
        self.media: dict[str, dict[str, Any]] = {}  # uploaded media attachments by id
        self.idempotent: dict[str, str] = {}  # Idempotency-Key -> status id
        self._status_ids = itertools.count(112_000_000_000_000_001)
        self._notification_ids = itertools.count(40_000_001)

    def mention(
        self,
        text: str,
        *,
        author: dict[str, Any] | None = None,
        visibility: str = "public",
        in_reply_to_id: str | None = None,
        created: datetime | None = None,
        content_html: str | None = None,
    ) -> dict[str, Any]:
        """A status that mentions our account, and the notification for it. Returns the status."""
        author = author or account("109000000000000777", "kari", "Kari Nordmann", "mastodon.example")
        when = created or datetime.now(UTC)
        status_id = str(next(self._status_ids))
        content = content_html or (
            f'<p><span class="h-card"><a href="https://social.example/@{self.own["username"]}" '
            f'class="u-url mention">@<span>{self.own["username"]}</span></a></span> {html.escape(text)}</p>'
        )
        status = {
            "id": status_id,
            "created_at": mastodon_time(when),
            "in_reply_to_id": in_reply_to_id,
            "in_reply_to_account_id": self.own["id"] if in_reply_to_id else None,
            "sensitive": False,
            "spoiler_text": "",
            "visibility": visibility,
            "language": "nb",
            "uri": f"https://mastodon.example/users/{author['username']}/statuses/{status_id}",
            "url": f"https://mastodon.example/@{author['username']}/{status_id}",
            "replies_count": 0,
            "reblogs_count": 0,
            "favourites_count": 0,
            "content": content,
            "reblog": None,
            "account": author,
            "media_attachments": [],
            "mentions": [
                {
                    "id": self.own["id"],
                    "username": self.own["username"],
                    "acct": self.own["acct"],
                    "url": self.own["url"],
                }
            ],
            "tags": [],
            "emojis": [],
        }
        self.statuses[status_id] = status
        self.notifications.append(
            {
                "id": str(next(self._notification_ids)),
                "type": "mention",
                "created_at": mastodon_time(when),
                "account": author,
                "status": status,
            }
        )
        return status

    def favourite(self, status_id: str) -> None:
        """A notification of another type, which somevakt must not take for a comment."""
        self.notifications.append(
            {
                "id": str(next(self._notification_ids)),
                "type": "favourite",
                "created_at": mastodon_time(datetime.now(UTC)),
                "account": account("109000000000000888", "ola", "Ola"),
                "status": self.statuses[status_id],
            }
        )

    def route(self, request: Request) -> Response:
        if request.headers.get("authorization") != f"Bearer {self.token}":
            return Response(401, {"error": "The access token is invalid"})
        path = request.path.rstrip("/")
        if request.method == "GET" and path == "/api/v1/notifications":
            return self._notifications(request)
        if request.method == "GET" and path == "/api/v1/accounts/verify_credentials":
            return Response(200, self.own)
        if request.method == "GET" and path.startswith("/api/v1/statuses/"):
            status = self.statuses.get(path.rsplit("/", 1)[1])
            return Response(200, status) if status else Response(404, {"error": "Record not found"})
        if request.method == "POST" and path == "/api/v1/statuses":
            key = request.headers.get("idempotency-key", "")
            if key and key in self.idempotent:
                # Mastodon answers a repeated key with the status it made the first time.
                return Response(200, self.statuses[self.idempotent[key]])
            response = self._post_status(request)
            if key and response.status == 200:
                self.idempotent[key] = response.body["id"]
            return response
        if request.method == "POST" and path == "/api/v2/media":
            return self._post_media(request)
        if request.method == "DELETE" and path.startswith("/api/v1/statuses/"):
            status = self.statuses.get(path.rsplit("/", 1)[1])
            if status is None or status.get("deleted"):
                return Response(404, {"error": "Record not found"})
            status["deleted"] = True
            return Response(200, status)
        return Response(404, {"error": "Record not found"})

    def _notifications(self, request: Request) -> Response:
        types = request.params("types[]")
        rows = [n for n in self.notifications if not types or n["type"] in types]
        key = lambda value: (len(value), value)  # noqa: E731 - numeric string order, as Mastodon's ids
        for name, keep in (
            ("since_id", lambda n, v: key(n["id"]) > key(v)),
            ("min_id", lambda n, v: key(n["id"]) > key(v)),
            ("max_id", lambda n, v: key(n["id"]) < key(v)),
        ):
            value = request.param(name)
            if value:
                rows = [n for n in rows if keep(n, value)]
        limit = min(int(request.param("limit", "40") or 40), 80)
        # min_id pages forward from the cursor (the oldest rows after it); otherwise the newest.
        page = rows[:limit] if request.param("min_id") else rows[-limit:]
        return Response(200, list(reversed(page)))

    def _post_media(self, request: Request) -> Response:
        """`POST /api/v2/media`: multipart `file` and `description` (the alternative text)."""
        upload = request.files.get("file")
        if upload is None:
            return Response(422, {"error": "Validation failed: File can't be blank"})
        if not upload[1].startswith("image/"):
            return Response(422, {"error": "Validation failed: File content type is invalid"})
        media_id = str(next(self._status_ids))
        attachment = {
            "id": media_id,
            "type": "image",
            "url": f"https://social.example/system/media_attachments/{media_id}/original/{upload[0]}",
            "preview_url": f"https://social.example/system/media_attachments/{media_id}/small/{upload[0]}",
            "remote_url": None,
            "description": request.param("description") or None,
            "blurhash": "UFBWY:8_0Jxv00~q-;ay00ay-;ay~qj[IUj[",
            "meta": {},
        }
        self.media[media_id] = {**attachment, "bytes": upload[2], "used": False}
        return Response(200, attachment)

    def _post_status(self, request: Request) -> Response:
        text = request.param("status")
        media_ids = request.values("media_ids[]")
        unknown = [m for m in media_ids if m not in self.media or self.media[m]["used"]]
        if unknown:
            return Response(422, {"error": f"Validation failed: unknown media {', '.join(unknown)}"})
        if not text and not media_ids:
            return Response(422, {"error": "Validation failed: Text can't be blank"})
        reply_to = request.param("in_reply_to_id") or None
        if reply_to and reply_to not in self.statuses:
            return Response(404, {"error": "Record not found"})
        status_id = str(next(self._status_ids))
        status = {
            "id": status_id,
            "created_at": mastodon_time(datetime.now(UTC)),
            "in_reply_to_id": reply_to,
            "visibility": request.param("visibility", "public"),
            "spoiler_text": "",
            "content": f"<p>{html.escape(text)}</p>",
            "account": self.own,
            "url": f"https://social.example/@{self.own['username']}/{status_id}",
            "uri": f"https://social.example/users/{self.own['username']}/statuses/{status_id}",
            "mentions": [],
            "media_attachments": [
                {k: v for k, v in self.media[m].items() if k not in ("bytes", "used")} for m in media_ids
            ],
        }
        for media_id in media_ids:
            self.media[media_id]["used"] = True
        self.statuses[status_id] = status
        return Response(200, status)

    def replies_to(self, status_id: str) -> list[str]:
        return [
            s["content"]
            for s in self.statuses.values()
            if s.get("in_reply_to_id") == status_id and s["account"] is self.own
        ]

    def own_statuses(self) -> list[dict[str, Any]]:
        """The statuses our account posted that are not replies and not deleted, oldest first."""
        return [
            s
            for s in self.statuses.values()
            if s["account"] is self.own and not s.get("in_reply_to_id") and not s.get("deleted")
        ]
