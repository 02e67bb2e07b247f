"""Fiks IO's REST API: the catalogue (an account and its public key) and sending a message.

Every call carries `Authorization: Bearer <Maskinporten token>` and the integration's
`IntegrasjonId` and `IntegrasjonPassord` headers.

- `GET  /fiks-io/katalog/api/v1/kontoer/{kontoId}` -> the account (`kontoId`, `kontoNavn`,
  `fiksOrgId`, `fiksOrgNavn`, `isGyldigMottaker`, ...)
- `GET  /fiks-io/katalog/api/v1/kontoer/{kontoId}/offentligNokkel` -> `{"nokkel": PEM certificate,
  "validFrom", "validTo", "serial", "issuerDN", "subjectDN"}`
- `POST /fiks-io/api/v1/send`, multipart: `metadata` (JSON: `avsenderKontoId`, `mottakerKontoId`,
  `meldingType`, `ttl` in milliseconds, `headere`, `svarPaMelding`, `klientMeldingId`) and `data`
  (the encrypted payload) -> the message as sent, with `meldingId` given by Fiks IO. The
  `klientMeldingId` also goes in `headere`, where KS's clients put and read it.
- `GET  /dokumentlager/nedlasting/{dokumentlagerId}` -> the payload of a message that Fiks IO kept
  in Fiks Dokumentlager (the AMQP header `dokumentlager-id`), as KS's .NET client fetches it.

Fiks IO itself keeps a payload above 5 MB in Fiks Dokumentlager when it is sent (KS's Fiks IO
documentation: the sender posts it to `send` like any other, up to Dokumentlager's limit of
5 GB); the receiver finds it there by the message's `dokumentlager-id`.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
from cryptography import x509

from somevakt.archive.transports.fiksio.certificates import CertificateError, load_certificate
from somevakt.archive.transports.fiksio.errors import FiksIOError

CATALOGUE = "/fiks-io/katalog/api/v1"
SEND = "/fiks-io/api/v1/send"
DOWNLOAD = "/dokumentlager/nedlasting"
KLIENT_MELDING_ID = "klientMeldingId"
# Above this Fiks IO keeps a payload in Fiks Dokumentlager and sends a reference over AMQP.
INLINE_LIMIT = 5 * 1024 * 1024
# The largest message Fiks IO takes (Dokumentlager's limit); somevakt refuses a larger one at once.
MAX_MESSAGE = 5 * 1024 * 1024 * 1024


class ApiError(FiksIOError):
    """A Fiks IO call that failed. `permanent` when the same call cannot succeed later."""

    def __init__(
        self, message: str, *, permanent: bool, status: int | None = None, kind: str = "", detail: str = ""
    ) -> None:
        # kind: unreachable, refused, unknown, answered, not_json, not_certificate.
        super().__init__(message, kind, detail)
        self.permanent = permanent
        self.status = status


@dataclass(frozen=True)
class Sent:
    message_id: str  # Fiks IO's meldingId
    raw: dict[str, Any]


class FiksIOApi:
    def __init__(
        self,
        base_url: str,
        integration_id: str,
        integration_password: str,
        token: Callable[[], str],
        *,
        timeout: float = 30.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.integration_id = integration_id
        self.integration_password = integration_password
        self.token = token
        self.timeout = timeout
        # One client, so its TLS context and connections are made once, not for every message.
        self._http = httpx.Client(timeout=timeout)

    def _headers(self) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {self.token()}",
            "IntegrasjonId": self.integration_id,
            "IntegrasjonPassord": self.integration_password,
            "Accept": "application/json",
        }

    def _call(self, method: str, path: str, what: str, **kwargs: Any) -> dict[str, Any]:
        try:
            response = self._http.request(method, self.base_url + path, headers=self._headers(), **kwargs)
        except httpx.HTTPError as exc:
            raise ApiError(
                f"Fiks IO cannot be reached ({what}): {exc}",
                permanent=False,
                kind="unreachable",
                detail=str(exc),
            ) from exc
        if response.status_code in (401, 403):
            raise ApiError(
                f"Fiks IO refused the integration ({what}, HTTP {response.status_code}): "
                "check the integration id, its password and that the account is shared with it",
                permanent=True,
                status=response.status_code,
                kind="refused",
            )
        if response.status_code == 404:
            raise ApiError(
                f"Fiks IO does not know it ({what}, HTTP 404)", permanent=True, status=404, kind="unknown"
            )
        if response.status_code >= 400:
            detail = response.text[:300]
            raise ApiError(
                f"Fiks IO answered HTTP {response.status_code} ({what}): {detail}",
                permanent=400 <= response.status_code < 500 and response.status_code != 429,
                status=response.status_code,
                kind="answered",
                detail=detail,
            )
        try:
            body = response.json()
        except ValueError:
            raise ApiError(
                f"Fiks IO's answer is not JSON ({what})", permanent=False, kind="not_json"
            ) from None
        if not isinstance(body, dict):
            raise ApiError(f"Fiks IO's answer is not an object ({what})", permanent=False, kind="not_json")
        return body

    def close(self) -> None:
        self._http.close()

    def account(self, account_id: str) -> dict[str, Any]:
        return self._call("GET", f"{CATALOGUE}/kontoer/{account_id}", f"the account {account_id}")

    def public_key(self, account_id: str) -> x509.Certificate:
        body = self._call(
            "GET", f"{CATALOGUE}/kontoer/{account_id}/offentligNokkel", f"the public key of {account_id}"
        )
        try:
            return load_certificate(str(body.get("nokkel") or ""))
        except CertificateError:
            raise ApiError(
                f"the catalogue's public key of {account_id} is not a certificate",
                permanent=True,
                kind="not_certificate",
            ) from None

    def download(self, document_id: str) -> bytes:
        """The payload Fiks IO kept in Fiks Dokumentlager under `document_id` (`dokumentlager-id`)."""
        what = f"the payload {document_id} in Fiks Dokumentlager"
        try:
            response = self._http.get(
                f"{self.base_url}{DOWNLOAD}/{document_id}",
                headers={**self._headers(), "Accept": "application/octet-stream"},
            )
        except httpx.HTTPError as exc:
            raise ApiError(f"Fiks Dokumentlager cannot be reached ({what}): {exc}", permanent=False) from exc
        if response.status_code != 200:
            raise ApiError(
                f"Fiks Dokumentlager answered HTTP {response.status_code} ({what})",
                permanent=response.status_code in (401, 403, 404, 410),
                status=response.status_code,
            )
        if not response.content:
            raise ApiError(f"Fiks Dokumentlager gave an empty payload ({what})", permanent=False)
        return response.content

    def send(
        self,
        *,
        sender: str,
        recipient: str,
        message_type: str,
        payload: bytes,
        ttl_ms: int,
        client_message_id: uuid.UUID,
        headers: dict[str, str] | None = None,
        reply_to: str | None = None,
    ) -> Sent:
        if len(payload) > MAX_MESSAGE:
            raise ApiError(
                f"the message is {len(payload) // (1024 * 1024)} MB; Fiks IO takes at most "
                f"{MAX_MESSAGE // (1024**3)} GB (Fiks Dokumentlager's limit)",
                permanent=True,
            )
        metadata = {
            "avsenderKontoId": sender,
            "mottakerKontoId": recipient,
            "meldingType": message_type,
            "ttl": ttl_ms,
            # KS's .NET and Java clients carry the id as the custom header "klientMeldingId" (what
            # their receivers read, as `egendefinert-header.klientMeldingId`); Fiks IO's page names
            # the API's own field. Both are sent, with the same value.
            "headere": {**(headers or {}), KLIENT_MELDING_ID: str(client_message_id)},
            "svarPaMelding": reply_to,
            "klientMeldingId": str(client_message_id),
        }
        files = {
            "metadata": (None, json.dumps(metadata).encode(), "application/json"),
            "data": ("melding.zip.encrypted", payload, "application/octet-stream"),
        }
        body = self._call("POST", SEND, "sending", files=files)
        message_id = str(body.get("meldingId") or "")
        if not message_id:
            raise ApiError("Fiks IO's answer to sending has no meldingId", permanent=False)
        return Sent(message_id, body)
