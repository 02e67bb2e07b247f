"""The outside world of the Fiks IO transport, faked at one seam in its real formats.

- `FakeMaskinporten`: the token endpoint. It checks the JWT grant as Maskinporten does (RS256
  signed by the key of the first `x5c` certificate, `aud`, `iss`, `scope`, a lifetime of at most
  120 s, a `jti` not seen before) and answers `{"access_token", "token_type", "expires_in", "scope"}`.
- `FakeFiksIO`: Fiks IO's REST API (the catalogue and `/fiks-io/api/v1/send`). It checks the
  token and the integration's headers, and puts each sent message on the recipient account's queue
  `fiksio.konto.<id>` of a real RabbitMQ broker, with Fiks IO's AMQP headers. A payload above
  5 MB is kept in its Fiks Dokumentlager (`GET /dokumentlager/nedlasting/{id}`) and the message
  on the queue carries `dokumentlager-id` and no body, as KS documents it.
- `FakeArchive`: an archive system with a Fiks IO account: it takes messages from its queue,
  decrypts them with its key, checks the ASiC-E container (every digest, and the CAdES signature
  with `openssl cms -verify` against the test CA), validates the arkivmelding against KS's XSD
  when the schemas are there, and answers through the fake API as a Fiks IO client would.
"""

from __future__ import annotations

import base64
import datetime as dt
import email.parser
import email.policy
import json
import subprocess
import tempfile
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import jwt
import pika
import pika.exceptions
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from lxml import etree

from somevakt.archive.transports.fiksio import asice, crypto
from somevakt.archive.transports.fiksio.api import INLINE_LIMIT
from somevakt.archive.transports.fiksio.messages import KVITTERING, MOTTATT
from tests.archive.fiksio.pki import Issued

AUDIENCE = "https://test.maskinporten.no/"
GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"


class Server:
    """A threaded HTTP server on 127.0.0.1; subclasses answer in `route(method, path, headers, body)`."""

    def __init__(self) -> None:
        server = self
        self.calls: list[tuple[str, str, dict[str, str]]] = []
        self.lock = threading.Lock()
        self.down = False

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                self._handle("GET")

            def do_POST(self) -> None:
                self._handle("POST")

            def _handle(self, method: str) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                with server.lock:
                    server.calls.append((method, self.path, headers))
                if server.down:
                    status, answer = 503, {"error": "unavailable"}
                else:
                    status, answer = server.route(method, self.path, headers, body)
                binary = isinstance(answer, bytes)
                payload = answer if binary else json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/octet-stream" if binary else "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def route(self, method: str, path: str, headers: dict[str, str], body: bytes) -> tuple[int, Any]:
        raise NotImplementedError


class FakeMaskinporten(Server):
    def __init__(self, client_id: str, trusted_root: x509.Certificate, *, expires_in: int = 120) -> None:
        self.client_id = client_id
        self.trusted_root = trusted_root
        self.expires_in = expires_in
        self.seen_jti: set[str] = set()
        self.issued: list[str] = []
        # Maskinporten gives a new token each time; the fake repeats one, so the tests' broker user
        # (whose password holds the token, as Fiks IO's broker expects) can be made in advance.
        self.fixed_token = f"mp-{uuid.uuid4()}"
        self.grants: list[tuple[dict[str, Any], dict[str, Any]]] = []  # (header, claims)
        super().__init__()

    @property
    def token_url(self) -> str:
        return self.url + "/token"

    def route(self, method: str, path: str, headers: dict[str, str], body: bytes) -> tuple[int, Any]:
        if method != "POST" or urlsplit(path).path != "/token":
            return 404, {"error": "not_found"}
        form = dict(parse_qsl(body.decode("ascii")))
        if form.get("grant_type") != GRANT:
            return 400, {"error": "unsupported_grant_type", "error_description": "grant_type"}
        assertion = form.get("assertion", "")
        try:
            header = jwt.get_unverified_header(assertion)
            chain = [x509.load_der_x509_certificate(base64.b64decode(c)) for c in header["x5c"]]
            if header.get("alg") != "RS256" or chain[-1].issuer != self.trusted_root.subject:
                raise ValueError("untrusted chain")
            claims = jwt.decode(
                assertion,
                chain[0].public_key(),  # type: ignore[arg-type]
                algorithms=["RS256"],
                audience=AUDIENCE,
                issuer=self.client_id,
                options={"require": ["aud", "iss", "iat", "exp", "jti", "scope"]},
            )
        except (jwt.PyJWTError, KeyError, ValueError, IndexError) as exc:
            return 400, {"error": "invalid_grant", "error_description": f"Invalid assertion: {exc}"}
        if claims["exp"] - claims["iat"] > 120 or claims["jti"] in self.seen_jti:
            return 400, {"error": "invalid_grant", "error_description": "Invalid assertion lifetime or jti"}
        if chain[0].not_valid_after_utc < dt.datetime.now(dt.UTC):
            return 400, {"error": "invalid_grant", "error_description": "Certificate expired"}
        self.seen_jti.add(claims["jti"])
        self.grants.append((header, claims))
        token = self.fixed_token
        self.issued.append(token)
        return 200, {
            "access_token": token,
            "token_type": "Bearer",
            "expires_in": self.expires_in,
            "scope": claims["scope"],
        }


@dataclass
class FiksAccount:
    account_id: str
    name: str
    certificate_pem: str
    integration_id: str = ""
    integration_password: str = ""


@dataclass
class SentMessage:
    metadata: dict[str, Any]
    data: bytes
    message_id: str


class FakeFiksIO(Server):
    """Fiks IO's REST API over a real broker (the vhost's `amqp_url`, as guest)."""

    def __init__(self, amqp_url: str, maskinporten: FakeMaskinporten) -> None:
        self.amqp_url = amqp_url
        self.maskinporten = maskinporten
        self.accounts: dict[str, FiksAccount] = {}
        self.sent: list[SentMessage] = []
        self.documents: dict[str, bytes] = {}  # Fiks Dokumentlager: payloads above the inline limit
        self._publisher: Any = None  # a channel
        self._publish_lock = threading.Lock()
        super().__init__()

    def close(self) -> None:
        super().close()
        if self._publisher is not None and self._publisher.connection.is_open:
            try:
                self._publisher.connection.close()
            except pika.exceptions.AMQPError:
                pass  # the broker dropped an idle connection already (missed heartbeats)

    def add_account(self, account: FiksAccount) -> None:
        self.accounts[account.account_id] = account
        with pika.BlockingConnection(pika.URLParameters(self.amqp_url)) as connection:
            connection.channel().queue_declare(f"fiksio.konto.{account.account_id}", durable=True)

    def _authorised(self, headers: dict[str, str]) -> bool:
        token = headers.get("authorization", "").removeprefix("Bearer ")
        if token not in self.maskinporten.issued:
            return False
        integration = headers.get("integrasjonid", "")
        password = headers.get("integrasjonpassord", "")
        return any(
            a.integration_id == integration and a.integration_password == password
            for a in self.accounts.values()
        )

    def route(self, method: str, path: str, headers: dict[str, str], body: bytes) -> tuple[int, Any]:
        if not self._authorised(headers):
            return 401, {"status": 401, "error": "Unauthorized", "message": "Ugyldig integrasjon"}
        parts = urlsplit(path).path.strip("/").split("/")
        if method == "GET" and parts[:5] == ["fiks-io", "katalog", "api", "v1", "kontoer"]:
            account = self.accounts.get(parts[5]) if len(parts) > 5 else None
            if account is None:
                return 404, {"status": 404, "error": "Not Found", "message": "Fant ikke konto"}
            if parts[6:] == ["offentligNokkel"]:
                return 200, {"nokkel": account.certificate_pem, "serial": "1", "subjectDN": account.name}
            if parts[6:] == []:
                return 200, {
                    "kontoId": account.account_id,
                    "kontoNavn": account.name,
                    "isGyldigMottaker": True,
                }
        if method == "POST" and parts == ["fiks-io", "api", "v1", "send"]:
            return self._send(headers, body)
        if method == "GET" and parts[:2] == ["dokumentlager", "nedlasting"] and len(parts) == 3:
            stored = self.documents.get(parts[2])
            return (200, stored) if stored is not None else (404, {"status": 404, "message": "Fant ikke"})
        return 404, {"status": 404, "error": "Not Found"}

    def _send(self, headers: dict[str, str], body: bytes) -> tuple[int, Any]:
        raw = f"Content-Type: {headers.get('content-type', '')}\r\n\r\n".encode() + body
        parsed = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(raw)
        parts = {part.get_param("name", header="content-disposition"): part for part in parsed.iter_parts()}
        if "metadata" not in parts or "data" not in parts:
            return 400, {"status": 400, "message": "metadata og data må være med"}
        metadata = json.loads(parts["metadata"].get_payload(decode=True))
        data = parts["data"].get_payload(decode=True)
        if metadata.get("mottakerKontoId") not in self.accounts:
            return 400, {"status": 400, "message": "Ukjent mottaker"}
        message_id = str(uuid.uuid4())
        self.sent.append(SentMessage(metadata, data, message_id))
        self.publish(metadata, data, message_id)
        return 200, {**metadata, "meldingId": message_id, "dokumentlagerId": None}

    def publish(self, metadata: dict[str, Any], data: bytes, message_id: str) -> None:
        amqp_headers = {
            "melding-id": message_id,
            "type": metadata["meldingType"],
            "avsender-id": metadata["avsenderKontoId"],
        }
        if metadata.get("svarPaMelding"):
            amqp_headers["svar-til"] = metadata["svarPaMelding"]
        if metadata.get("klientMeldingId"):
            amqp_headers["klientmelding-id"] = metadata["klientMeldingId"]
        for name, value in (metadata.get("headere") or {}).items():
            amqp_headers[f"egendefinert-header.{name}"] = value
        if len(data) > INLINE_LIMIT:  # Fiks IO keeps it in Dokumentlager and sends a reference
            document_id = str(uuid.uuid4())
            self.documents[document_id] = data
            amqp_headers["dokumentlager-id"] = document_id
            data = b""
        properties = pika.BasicProperties(
            headers=amqp_headers, expiration=str(metadata.get("ttl") or 604800000), delivery_mode=2
        )
        queue = f"fiksio.konto.{metadata['mottakerKontoId']}"
        with self._publish_lock:
            # One connection for every publish (pika's is not thread-safe: hence the lock).
            for attempt in (1, 2):
                try:
                    if self._publisher is None or not self._publisher.is_open:
                        connection = pika.BlockingConnection(pika.URLParameters(self.amqp_url))
                        self._publisher = connection.channel()
                    self._publisher.basic_publish("", queue, data, properties)
                    return
                except pika.exceptions.AMQPError:
                    self._publisher = None
                    if attempt == 2:
                        raise


KV = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/kvittering/v1"
FEIL = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/feilmelding/v1"


def kvittering(journal_sequence: int, *, case_sequence: int = 0, created: bool = True) -> bytes:
    folder = (
        f'<mappeKvittering xsi:type="saksmappeKvittering"><systemID>{uuid.uuid4()}</systemID>'
        f"<opprettetEllerEksisterende>Eksisterende</opprettetEllerEksisterende>"
        f"<saksaar>2026</saksaar><sakssekvensnummer>{case_sequence}</sakssekvensnummer></mappeKvittering>"
        if case_sequence
        else ""
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<arkivmeldingKvittering xmlns="{KV}" '
        f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{folder}'
        f'<registreringKvittering xsi:type="journalpostKvittering"><systemID>{uuid.uuid4()}</systemID>'
        f"<opprettetEllerEksisterende>{'Opprettet' if created else 'Eksisterende'}"
        "</opprettetEllerEksisterende>"
        f"<journalaar>2026</journalaar><journalsekvensnummer>{journal_sequence}</journalsekvensnummer>"
        f"</registreringKvittering></arkivmeldingKvittering>"
    ).encode()


def feilmelding(kind: str, text: str) -> bytes:
    ns = f"https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/{kind}/v1"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<{kind} xmlns="{ns}" xmlns:f="{FEIL}">'
        f"<f:feilId>{uuid.uuid4()}</f:feilId><f:feilmelding>{text}</f:feilmelding></{kind}>"
    ).encode()


@dataclass
class Received:
    """What the fake archive took from its queue, opened and checked."""

    message_id: str
    message_type: str
    sender: str
    headers: dict[str, Any]
    container: asice.Container
    signature_verified: bool
    schema_valid: bool | None  # None: the XSD is not there


@dataclass
class FakeArchive:
    """The archive system's Fiks IO client: its account, key, and a few ways of answering."""

    fiks: FakeFiksIO
    account: FiksAccount
    issued: Issued
    trusted_root: x509.Certificate
    schema: Path | None = None
    received: list[Received] = field(default_factory=list)

    def take(self) -> list[Received]:
        """Every message waiting on the archive's queue, opened and checked, acknowledged."""
        taken = []
        with pika.BlockingConnection(pika.URLParameters(self.fiks.amqp_url)) as connection:
            channel = connection.channel()
            while True:
                method, properties, body = channel.basic_get(f"fiksio.konto.{self.account.account_id}")
                if method is None:
                    break
                taken.append(self._open(properties, body))
                channel.basic_ack(method.delivery_tag)
        self.received.extend(taken)
        return taken

    def _open(self, properties: pika.BasicProperties, body: bytes) -> Received:
        headers = {
            k: v.decode() if isinstance(v, bytes) else v for k, v in (properties.headers or {}).items()
        }
        if headers.get("dokumentlager-id"):  # Fiks IO kept it in Dokumentlager
            body = self.fiks.documents[headers["dokumentlager-id"]]
        plain = crypto.decrypt(body, self.issued.certificate, self.issued.key)
        container = asice.open_container(plain)
        return Received(
            message_id=headers["melding-id"],
            message_type=headers["type"],
            sender=headers["avsender-id"],
            headers=headers,
            container=container,
            signature_verified=verify_signature(container, self.trusted_root),
            schema_valid=self._valid(container.files.get("arkivmelding.xml", b"")),
        )

    def _valid(self, xml: bytes) -> bool | None:
        if self.schema is None or not self.schema.exists():
            return None
        import xmlschema

        return xmlschema.XMLSchema(str(self.schema)).is_valid(etree.fromstring(xml))

    def answer(self, to: Received, message_type: str, payload: bytes | None = None) -> str:
        """Send a reply to `to` through the fake API, encrypted for the sender's account; returns its id."""
        sender = self.fiks.accounts[to.sender]
        data = b""
        if payload is not None:
            name = "arkivmelding-kvittering.xml" if message_type == KVITTERING else "feilmelding.xml"
            container = asice.build([(name, payload)], self.issued.identity)
            data = crypto.encrypt(container, x509.load_pem_x509_certificate(sender.certificate_pem.encode()))
        return self.answer_raw(to, message_type, data)

    def answer_raw(self, to: Received, message_type: str, data: bytes, *, sender_account: str = "") -> str:
        """Send `data` (already packed and encrypted) as a reply to `to`; returns its id."""
        metadata = {
            "avsenderKontoId": sender_account or self.account.account_id,
            "mottakerKontoId": to.sender,
            "meldingType": message_type,
            "ttl": 3600000,
            "headere": {},
            "svarPaMelding": to.message_id,
        }
        message_id = str(uuid.uuid4())
        self.fiks.sent.append(SentMessage(metadata, data, message_id))
        self.fiks.publish(metadata, data, message_id)
        return message_id

    def registered(self, to: Received, journal_sequence: int, **kwargs: Any) -> None:
        """The usual answer: mottatt, then the kvittering with the archive's numbers."""
        self.answer(to, MOTTATT)
        self.answer(to, KVITTERING, kvittering(journal_sequence, **kwargs))


def verify_signature(container: asice.Container, trusted_root: x509.Certificate) -> bool:
    """The CAdES signature over the manifest, checked by OpenSSL against the test CA."""
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / "manifest.xml").write_bytes(container.manifest)
        (base / "signature.p7s").write_bytes(container.signature)
        (base / "ca.pem").write_bytes(trusted_root.public_bytes(serialization.Encoding.PEM))
        result = subprocess.run(
            [
                "openssl",
                "cms",
                "-verify",
                "-binary",
                "-inform",
                "DER",
                "-in",
                str(base / "signature.p7s"),
                "-content",
                str(base / "manifest.xml"),
                "-CAfile",
                str(base / "ca.pem"),
                "-purpose",
                "any",
                "-out",
                "/dev/null",
            ],
            capture_output=True,
            check=False,
        )
        return result.returncode == 0
