"""A Maskinporten access token through the JWT grant, signed with the business certificate.

The grant (RFC 7523, as Maskinporten documents it): a JWT with header `alg: RS256` and `x5c`
(the certificate chain, base64 DER, the signer first) and the claims `aud` (Maskinporten's
issuer URL), `iss` (the integration's client id at Maskinporten), `scope`, `iat`, `exp` (at most
two minutes later) and a unique `jti`, posted form-encoded as
`grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=<jwt>` to the token endpoint.
The answer is `{"access_token", "token_type", "expires_in", "scope"}`; an error is
`{"error", "error_description"}`. The token is kept until shortly before it expires.
"""

from __future__ import annotations

import base64
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import httpx
import jwt
from cryptography.hazmat.primitives import serialization

from somevakt.archive.transports.fiksio.certificates import Identity
from somevakt.archive.transports.fiksio.errors import FiksIOError

GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer"
FIKS_SCOPE = "ks:fiks"
GRANT_LIFETIME = 120  # seconds; Maskinporten refuses a grant that lives longer
RENEW_BEFORE = 60  # seconds before expiry the token is fetched again


class TokenError(FiksIOError):
    """No token. `permanent` when asking again will not help (a refused grant)."""

    def __init__(
        self, message: str, *, permanent: bool, kind: str = "", detail: str = "", status: int | None = None
    ) -> None:
        super().__init__(message, kind, detail)  # kind: certificate, unreachable, refused
        self.permanent = permanent
        self.status = status


@dataclass(frozen=True)
class Token:
    value: str
    expires_at: float  # time.time()

    def fresh(self, now: float) -> bool:
        return now < self.expires_at - RENEW_BEFORE


def grant(identity: Identity, *, audience: str, client_id: str, scope: str, now: float | None = None) -> str:
    issued = int(now if now is not None else time.time())
    chain = [
        base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode("ascii")
        for cert in identity.all_certificates
    ]
    claims = {
        "aud": audience,
        "iss": client_id,
        "scope": scope,
        "iat": issued,
        "exp": issued + GRANT_LIFETIME,
        "jti": str(uuid.uuid4()),
    }
    return jwt.encode(claims, identity.key, algorithm="RS256", headers={"x5c": chain})


class Maskinporten:
    """Tokens for one client and scope, cached; safe to share between threads."""

    def __init__(
        self,
        token_url: str,
        audience: str,
        client_id: str,
        identity: Identity,
        *,
        scope: str = FIKS_SCOPE,
        timeout: float = 10.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.token_url = token_url
        self.audience = audience
        self.client_id = client_id
        self.identity = identity
        self.scope = scope
        self.timeout = timeout
        self.clock = clock
        self._token: Token | None = None
        self._lock = threading.Lock()

    def token(self) -> str:
        with self._lock:
            now = self.clock()
            if self._token is None or not self._token.fresh(now):
                self._token = self._fetch(now)
            return self._token.value

    def _fetch(self, now: float) -> Token:
        problem = self.identity.problem()
        if problem:
            raise TokenError(f"Maskinporten: {problem}", permanent=True, kind="certificate")
        assertion = grant(self.identity, audience=self.audience, client_id=self.client_id, scope=self.scope)
        try:
            response = httpx.post(
                self.token_url,
                data={"grant_type": GRANT_TYPE, "assertion": assertion},
                headers={"Accept": "application/json"},
                timeout=self.timeout,
            )
        except httpx.HTTPError as exc:
            raise TokenError(
                f"Maskinporten cannot be reached: {exc}", permanent=False, kind="unreachable", detail=str(exc)
            ) from exc
        try:
            body = response.json()
        except ValueError:
            body = {}
        if response.status_code != 200 or not isinstance(body, dict) or not body.get("access_token"):
            reason = body.get("error_description") or body.get("error") if isinstance(body, dict) else ""
            permanent = 400 <= response.status_code < 500
            raise TokenError(
                f"Maskinporten refused the token (HTTP {response.status_code}): "
                f"{reason or response.text[:200]}",
                permanent=permanent,
                kind="refused",
                detail=str(reason or response.text[:200]),
                status=response.status_code,
            )
        lifetime = body.get("expires_in")
        expires = now + (float(lifetime) if isinstance(lifetime, int | float) else 120.0)
        return Token(str(body["access_token"]), expires)
