"""The Meta Graph API, for Facebook pages and Instagram professional accounts alike.

The base URL and the API version are settings (META_GRAPH_URL, META_GRAPH_VERSION), so the
tests run every call against a local fake that speaks the same formats. The access token goes
in the Authorization header, never in a URL that might be logged.
"""

from __future__ import annotations

from typing import Any

import httpx

from somevakt.inbox.ports import PlatformError
from somevakt.integrations import http
from somevakt.integrations.conf import setting

# Graph error codes that mean "try again later" (service trouble and the rate limits).
TRANSIENT_CODES = frozenset({1, 2, 4, 17, 32, 341, 613, 80001, 80002, 80005, 80006})


class GraphClient:
    def __init__(
        self,
        token: str,
        *,
        base_url: str | None = None,
        version: str | None = None,
        timeout: float | None = None,
        retry: http.RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = (base_url or setting("META_GRAPH_URL")).rstrip("/")
        self.version = (version or setting("META_GRAPH_VERSION")).strip("/")
        self.retry = retry or http.RetryPolicy()
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.http = httpx.Client(
            headers=headers, timeout=timeout or setting("PLATFORM_TIMEOUT"), transport=transport
        )

    def url(self, path: str) -> str:
        return f"{self.base_url}/{self.version}/{path.lstrip('/')}"

    def get(self, path: str, **params: Any) -> dict[str, Any]:
        return self._send("GET", path, params=params)

    def post(self, path: str, **data: Any) -> dict[str, Any]:
        return self._send("POST", path, data={key: str_value(value) for key, value in data.items()})

    def create(self, path: str, **data: Any) -> dict[str, Any]:
        """A POST that makes something (a post, a published media) sent exactly once: after a
        timeout or a lost answer the request may have reached Meta, which takes no idempotency
        key, so it is never repeated here; the caller looks on the platform before trying again."""
        fields = {key: str_value(value) for key, value in data.items()}
        return self._send("POST", path, data=fields, retry=http.RetryPolicy(attempts=1))

    def upload(self, path: str, file: tuple[str, bytes, str], **data: Any) -> dict[str, Any]:
        """A multipart POST with one file (`source`), as the photo edges take it."""
        fields = {key: str_value(value) for key, value in data.items()}
        return self._send("POST", path, data=fields, files={"source": file})

    def delete(self, path: str) -> dict[str, Any]:
        return self._send("DELETE", path)

    def pages(
        self, path: str, *, limit: int = 100, max_pages: int = 10, **params: Any
    ) -> list[dict[str, Any]]:
        """The `data` of a list edge, following `paging.next` for at most `max_pages` pages."""
        rows: list[dict[str, Any]] = []
        body = self.get(path, limit=limit, **params)
        for _page in range(max_pages):
            rows.extend(body.get("data", []))
            after = body.get("paging", {}).get("cursors", {}).get("after")
            if not body.get("paging", {}).get("next") or not after:
                break
            body = self.get(path, limit=limit, after=after, **params)
        return rows

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> GraphClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _send(
        self, method: str, path: str, *, retry: http.RetryPolicy | None = None, **kwargs: Any
    ) -> dict[str, Any]:
        result: dict[str, Any] = http.send(
            self.http, method, self.url(path), interpret, retry=retry or self.retry, **kwargs
        )
        return result


def str_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def interpret(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        body = None
    if response.is_success and isinstance(body, dict) and "error" not in body:
        return body
    raise graph_error(response, body)


def graph_error(response: httpx.Response, body: Any) -> PlatformError:
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        transient = response.status_code >= 500 or response.status_code == 429
        return PlatformError(
            f"Graph API answered HTTP {response.status_code}",
            permanent=not transient,
            status=response.status_code,
        )
    code = error.get("code")
    transient = (
        bool(error.get("is_transient"))
        or code in TRANSIENT_CODES
        or response.status_code >= 500
        or response.status_code == 429
    )
    message = str(error.get("message", "unknown error"))[:300]
    described = f"Graph API error {code}"
    if error.get("error_subcode"):
        described += f"/{error['error_subcode']}"
    described += f" ({error.get('type', 'unknown type')}): {message}"
    if error.get("fbtrace_id"):
        described += f" [fbtrace_id {error['fbtrace_id']}]"
    return PlatformError(
        described, permanent=not transient, status=response.status_code, failure=graph_failure(code, error)
    )


# "This message is sent outside of allowed window": more than 24 hours after the person's last message.
WINDOW_CLOSED_SUBCODE = 2018278
# Graph's codes for an access token that no longer works or lacks a permission.
PERMISSION_CODES = frozenset({10, 102, 190, *range(200, 300)})


def graph_failure(code: Any, error: dict[str, Any]) -> str:
    """Which of the port's FAILURES a Graph error is, where its code says (else by status)."""
    if code == 10 and error.get("error_subcode") == WINDOW_CLOSED_SUBCODE:
        return "window_closed"
    if code in PERMISSION_CODES:
        return "permission"
    if code == 100 and error.get("error_subcode") == 33:
        return "gone"  # the object does not exist (or cannot be seen any more)
    return ""
