"""The Mastodon client API, polled: the instance URL and the access token are the account's credentials."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import httpx

from somevakt.inbox.ports import PlatformError
from somevakt.integrations import http
from somevakt.integrations.conf import setting

PAGE_SIZE = 40  # Mastodon's largest page of notifications


class MastodonClient:
    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout: float | None = None,
        retry: http.RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if not base_url:
            raise PlatformError(
                "no instance URL is set for this Mastodon account", permanent=True, failure="no_credentials"
            )
        self.base_url = base_url.rstrip("/")
        self.retry = retry or http.RetryPolicy()
        self.http = httpx.Client(
            headers={"Authorization": f"Bearer {token}"} if token else {},
            timeout=timeout or setting("PLATFORM_TIMEOUT"),
            transport=transport,
        )

    def __enter__(self) -> MastodonClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.http.close()

    def mentions_after(self, min_id: str = "", *, max_pages: int = 25) -> list[dict[str, Any]]:
        """Mention notifications newer than `min_id`, oldest first.

        `min_id` (rather than `since_id`) pages forward from the cursor, so a burst of more than
        one page is read in full instead of only its newest page. Without a cursor, only the
        latest page is read: a new account does not import its whole history.
        """
        found: dict[str, dict[str, Any]] = {}
        cursor = min_id
        for _page in range(max_pages):
            params: list[tuple[str, str | int]] = [("types[]", "mention"), ("limit", PAGE_SIZE)]
            if cursor:
                params.append(("min_id", cursor))
            page = self._send("GET", "/api/v1/notifications", params=params)
            if not isinstance(page, list) or not page:
                break
            for notification in page:
                if isinstance(notification, dict) and notification.get("id") is not None:
                    found[str(notification["id"])] = notification
            cursor = max((str(n["id"]) for n in found.values()), key=id_order)
            if not min_id or len(page) < PAGE_SIZE:
                break
        return sorted(found.values(), key=lambda n: id_order(str(n["id"])))

    def own_account(self) -> dict[str, Any]:
        result: dict[str, Any] = self._send("GET", "/api/v1/accounts/verify_credentials")
        return result

    def status(self, status_id: str) -> dict[str, Any]:
        result: dict[str, Any] = self._send("GET", f"/api/v1/statuses/{status_id}")
        return result

    def post_status(self, text: str, *, in_reply_to_id: str, visibility: str) -> dict[str, Any]:
        result: dict[str, Any] = self._send(
            "POST",
            "/api/v1/statuses",
            data={"status": text, "in_reply_to_id": in_reply_to_id, "visibility": visibility},
        )
        return result

    def upload_media(self, file: tuple[str, bytes, str], description: str) -> dict[str, Any]:
        """`POST /api/v2/media`: the picture with its alternative text (`description`)."""
        result: dict[str, Any] = self._send(
            "POST", "/api/v2/media", data={"description": description}, files={"file": file}
        )
        return result

    def publish_status(self, text: str, media_ids: list[str], *, idempotency_key: str) -> dict[str, Any]:
        """A public status with its media; Mastodon answers a repeated `Idempotency-Key` with the
        status it already made, so a retry never posts twice."""
        data: list[tuple[str, str]] = [("status", text), ("visibility", "public")]
        data += [("media_ids[]", media_id) for media_id in media_ids]
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        result: dict[str, Any] = self._send(
            "POST",
            "/api/v1/statuses",
            content=urlencode(data).encode(),
            headers={**headers, "Content-Type": "application/x-www-form-urlencoded"},
        )
        return result

    def delete_status(self, status_id: str) -> None:
        self._send("DELETE", f"/api/v1/statuses/{status_id}")

    def _send(self, method: str, path: str, **kwargs: Any) -> Any:
        return http.send(self.http, method, self.base_url + path, interpret, retry=self.retry, **kwargs)


def id_order(value: str) -> tuple[int, str]:
    # Mastodon ids are numeric strings of growing length; compare them as numbers.
    return (len(value), value)


def interpret(response: httpx.Response) -> Any:
    try:
        body = response.json()
    except ValueError:
        body = None
    if response.is_success and body is not None:
        return body
    message = body.get("error") if isinstance(body, dict) else None
    transient = response.status_code >= 500 or response.status_code == 429
    raise PlatformError(
        f"Mastodon answered HTTP {response.status_code}: {str(message or 'no error message')[:300]}",
        permanent=not transient,
        status=response.status_code,
    )
