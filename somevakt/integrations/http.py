"""Calling a platform over HTTP with a few quick retries for passing trouble.

Only transient failures are retried here (network errors, timeouts, 429, 5xx and what the
platform itself calls transient); a permanent one (a revoked token, a comment that no longer
exists) is raised at once. Longer outages are the outbound task's business: it tries again
minutes later.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx

from somevakt.inbox.ports import PlatformError
from somevakt.integrations.conf import setting

# A response is turned into a result (the JSON body) or a PlatformError by the platform's client.
Interpret = Callable[[httpx.Response], Any]


class RetryPolicy:
    def __init__(
        self, attempts: int = 3, backoff: float | None = None, sleep: Callable[[float], None] = time.sleep
    ) -> None:
        self.attempts = max(1, attempts)
        self.backoff = float(setting("PLATFORM_RETRY_BACKOFF")) if backoff is None else backoff
        self.sleep = sleep

    def delay(self, attempt: int, response: httpx.Response | None) -> float:
        if response is not None:
            retry_after = response.headers.get("Retry-After", "")
            if retry_after.isdigit():
                return min(float(retry_after), 30.0)
        return self.backoff * (2 ** (attempt - 1))


def send(
    client: httpx.Client,
    method: str,
    url: str,
    interpret: Interpret,
    *,
    retry: RetryPolicy,
    **kwargs: Any,
) -> Any:
    last: PlatformError | None = None
    for attempt in range(1, retry.attempts + 1):
        response: httpx.Response | None = None
        try:
            response = client.request(method, url, **kwargs)
            return interpret(response)
        except httpx.TransportError as exc:
            # Names the kind of failure only: the request may carry a token.
            last = PlatformError(f"{method} {url_path(url)}: {type(exc).__name__}", permanent=False)
        except PlatformError as exc:
            if exc.permanent:
                raise
            last = exc
        if attempt < retry.attempts:
            retry.sleep(retry.delay(attempt, response))
    assert last is not None
    raise last


def url_path(url: str) -> str:
    return httpx.URL(url).path
