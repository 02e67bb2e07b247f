"""The Fiks IO account's AMQP queue, where replies to our messages arrive.

Fiks IO delivers each message to the queue `fiksio.konto.<account id>` on its broker
(`amqps://io.fiks.ks.no:5671`), logged in as the integration id with the password
"<integration password> <Maskinporten token>". A message's AMQP headers say what it is:
`melding-id` (its id), `type` (the message type), `avsender-id` (the sender's account),
`svar-til` (the id of the message it answers), `dokumentlager-id` (a payload kept in Fiks
Dokumentlager) and `egendefinert-header.*`; the body is the encrypted ASiC-E container, or empty.

A message is acknowledged only after the handler returned, so a reply is never lost: if somevakt
stops between storing and acknowledging, the broker delivers it again and the store, keyed by
`melding-id`, takes it once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pika
import pika.exceptions

from somevakt.archive.transports.fiksio.errors import FiksIOError

log = logging.getLogger(__name__)

QUEUE_PREFIX = "fiksio.konto."
CUSTOM_HEADER = "egendefinert-header."


class QueueError(FiksIOError):
    """The queue cannot be reached or read now (the broker is down, the login was refused);
    `kind`: login, unreachable, unreadable, lost."""


@dataclass(frozen=True)
class Delivery:
    message_id: str
    message_type: str
    sender: str
    reply_to: str
    body: bytes
    redelivered: bool = False
    document_store_id: str = ""
    headers: dict[str, str] = field(default_factory=dict)


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return "" if value is None else str(value)


def delivery_of(properties: pika.BasicProperties, body: bytes, redelivered: bool) -> Delivery:
    headers = {str(k): _text(v) for k, v in (properties.headers or {}).items()}
    return Delivery(
        message_id=headers.get("melding-id", ""),
        message_type=headers.get("type", ""),
        sender=headers.get("avsender-id", ""),
        reply_to=headers.get("svar-til", ""),
        body=body or b"",
        redelivered=redelivered,
        document_store_id=headers.get("dokumentlager-id", ""),
        headers={k[len(CUSTOM_HEADER) :]: v for k, v in headers.items() if k.startswith(CUSTOM_HEADER)},
    )


def _broken(sentence: str, kind: str, exc: BaseException) -> QueueError:
    detail = f"{type(exc).__name__} {exc}".strip()
    return QueueError(f"{sentence}: {detail}", kind=kind, detail=detail)


class AccountQueue:
    """One account's queue; connects on first use and again after the connection was lost."""

    def __init__(
        self,
        url: str,
        account_id: str,
        username: str,
        password: Callable[[], str],
        *,
        timeout: float = 10.0,
    ) -> None:
        self.url = url
        self.account_id = account_id
        self.username = username
        self.password = password
        self.timeout = timeout
        self._connection: pika.BlockingConnection | None = None
        self._channel: Any = None

    @property
    def name(self) -> str:
        return QUEUE_PREFIX + self.account_id

    def _connect(self) -> Any:
        if self._channel is not None and self._channel.is_open:
            return self._channel
        self.close()
        parameters = pika.URLParameters(self.url)
        parameters.credentials = pika.PlainCredentials(self.username, self.password())
        parameters.socket_timeout = self.timeout
        parameters.blocked_connection_timeout = self.timeout
        parameters.connection_attempts = 1
        try:
            self._connection = pika.BlockingConnection(parameters)
            self._channel = self._connection.channel()
        except pika.exceptions.ProbableAuthenticationError as exc:
            raise QueueError(
                f"the broker refused the login of integration {self.username}: {exc}",
                kind="login",
                detail=str(exc),
            ) from exc
        except (pika.exceptions.AMQPError, OSError) as exc:
            raise _broken("the Fiks IO broker cannot be reached", "unreachable", exc) from exc
        return self._channel

    def count(self) -> int:
        """How many messages wait on the queue (a passive declare: the queue must exist)."""
        channel = self._connect()
        try:
            declared = channel.queue_declare(self.name, passive=True)
        except pika.exceptions.ChannelClosedByBroker as exc:
            raise self._unreadable(exc) from exc
        except (pika.exceptions.AMQPError, OSError) as exc:
            self.close()
            raise _broken("the Fiks IO broker cannot be reached", "unreachable", exc) from exc
        return int(declared.method.message_count)

    def drain(self, handle: Callable[[Delivery], None], limit: int = 100) -> int:
        """Hand up to `limit` waiting messages to `handle`, acknowledging each after it returned.

        A handler that raises leaves its message on the queue (it is rejected with requeue) and
        ends the round; the broker delivers it again later. Returns how many were handled.
        """
        channel = self._connect()
        handled = 0
        try:
            while handled < limit:
                method, properties, body = channel.basic_get(self.name, auto_ack=False)
                if method is None:
                    break
                try:
                    handle(delivery_of(properties, body, bool(method.redelivered)))
                except Exception:
                    channel.basic_nack(method.delivery_tag, requeue=True)
                    raise
                channel.basic_ack(method.delivery_tag)
                handled += 1
        except pika.exceptions.ChannelClosedByBroker as exc:
            raise self._unreadable(exc) from exc
        except (pika.exceptions.AMQPError, OSError) as exc:
            self.close()
            raise _broken("the connection to the Fiks IO broker was lost", "lost", exc) from exc
        return handled

    def _unreadable(self, exc: pika.exceptions.ChannelClosedByBroker) -> QueueError:
        self._channel = None  # the broker closed the channel; the connection may open another
        return QueueError(
            f"the queue {self.name} cannot be read: {exc.reply_text}",
            kind="unreadable",
            detail=str(exc.reply_text),
        )

    def close(self) -> None:
        connection, self._connection, self._channel = self._connection, None, None
        if connection is not None and connection.is_open:
            try:
                connection.close()
            except (pika.exceptions.AMQPError, OSError):
                log.debug("closing the Fiks IO connection failed", exc_info=True)
