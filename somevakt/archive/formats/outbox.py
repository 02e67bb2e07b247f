"""Delivering archive messages: the `Transport` contract and the outbox folder transport.

The outbox (DESIGN.md §4) holds one folder per message:

    OUTBOX/<message-id>/arkivmelding.xml    the Fiks Arkiv message
    OUTBOX/<message-id>/<document files>    named as the message's referanseDokumentfil says
    OUTBOX/<message-id>/kvittering.xml      the archive side's receipt, written by the archive

A message folder appears whole or not at all: it is written under a dot-named temporary folder
(`.tmp-<message-id>-<random>`, which the archive side ignores) and renamed into place. Sending is
idempotent per message id, so an interrupted delivery is simply sent again: a message already
in the outbox with the same content is left as it is; one with different content under the same
id is refused, permanently, because the archive may already have read the first.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import shutil
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from lxml import etree

from somevakt.archive.formats.arkivmelding import (
    FILE_NAME,
    MESSAGE_TYPE,
    build_arkivmelding,
    document_references,
)
from somevakt.archive.formats.records import JournalRecord

RECEIPT_FILE = "kvittering.xml"
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")
_TEMP_PREFIX = ".tmp-"


class TransportError(Exception):
    """A delivery that did not happen. `permanent` says whether sending the same message again
    can ever help (False: try again later; True: the message or its id must change)."""

    def __init__(self, message: str, *, permanent: bool) -> None:
        super().__init__(message)
        self.permanent = permanent


@dataclass(frozen=True)
class MessageFile:
    name: str
    content: bytes


@dataclass(frozen=True)
class OutgoingMessage:
    """One message for the archive: its id, the `arkivmelding.xml` and the files beside it."""

    message_id: str
    arkivmelding: bytes
    files: tuple[MessageFile, ...] = ()
    message_type: str = MESSAGE_TYPE

    def __post_init__(self) -> None:
        if not _SAFE_NAME.match(self.message_id):
            raise TransportError(f"not a usable message id: {self.message_id!r}", permanent=True)
        names = [f.name for f in self.files]
        for name in names:
            if not _SAFE_NAME.match(name) or name in (FILE_NAME, RECEIPT_FILE):
                raise TransportError(f"not a usable file name in a message: {name!r}", permanent=True)
        if len(set(names)) != len(names):
            raise TransportError("two files of one message have the same name", permanent=True)

    @classmethod
    def for_record(cls, record: JournalRecord, message_id: str | None = None) -> OutgoingMessage:
        """The message for one journal entry, its documents' content loaded.

        The id defaults to the record's id: one message per journal entry. A caller that sends
        an entry again after changing it gives the new message a new id.
        """
        files = tuple(
            MessageFile(name, doc.read())
            for name, doc in zip(document_references(record), record.documents, strict=True)
        )
        return cls(message_id or record.id, build_arkivmelding(record), files)


@dataclass(frozen=True)
class Receipt:
    """The archive's answer to a message.

    `outcome` is "ok" (registered; `created` is False when the archive already had it) or
    "failed" (`error` says why; `permanent` says whether resending the same message can help).
    """

    message_id: str
    outcome: str
    created: bool | None = None
    system_id: str | None = None
    journal_year: int | None = None
    journal_sequence: int | None = None
    case_year: int | None = None
    case_sequence: int | None = None
    error_id: str = ""
    error: str = ""
    permanent: bool = False


class Transport(ABC):
    """How archive messages reach the municipality's archive system (outbox now, Fiks IO later).

    Contract:
    - `send(message)` delivers one message and returns when it is durably handed over. It is
      idempotent per message id: sending a message that was already handed over changes nothing,
      and a send that was interrupted can be repeated without leaving a duplicate.
    - Failures raise `TransportError`; `permanent=False` when a later retry may succeed (the
      destination is unreachable, the disk is full), `permanent=True` when it cannot.
    - `receipt(message_id)` returns the archive's `Receipt`, or None while there is none yet; a
      receipt that cannot be read raises `TransportError`.
    """

    name: ClassVar[str]

    @abstractmethod
    def send(self, message: OutgoingMessage) -> None: ...

    @abstractmethod
    def receipt(self, message_id: str) -> Receipt | None: ...


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class OutboxTransport(Transport):
    """Messages as folders in a local outbox that the archive side (or its connector) reads."""

    name = "outbox"

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    def folder(self, message_id: str) -> Path:
        if not _SAFE_NAME.match(message_id):
            raise TransportError(f"not a usable message id: {message_id!r}", permanent=True)
        return self.root / message_id

    def send(self, message: OutgoingMessage) -> None:
        target = self.folder(message.message_id)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            if target.exists():
                self._check_same(target, message)
                return
            self._remove_stale_temporaries(message.message_id)
            temporary = self.root / f"{_TEMP_PREFIX}{message.message_id}-{secrets.token_hex(6)}"
            temporary.mkdir()
            try:
                for file in message.files:
                    self._write(temporary / file.name, file.content)
                # arkivmelding.xml last: a folder that has it has everything it describes.
                self._write(temporary / FILE_NAME, message.arkivmelding)
                _fsync(temporary)
                try:
                    temporary.rename(target)
                except OSError:
                    if not target.exists():
                        raise
                    # Someone else delivered the same id meanwhile; fine if it is the same message.
                    self._check_same(target, message)
                _fsync(self.root)
            finally:
                if temporary.exists():
                    shutil.rmtree(temporary, ignore_errors=True)
        except TransportError:
            raise
        except OSError as exc:
            raise TransportError(
                f"could not write message {message.message_id} to the outbox {self.root}: {exc}",
                permanent=False,
            ) from exc

    @staticmethod
    def _write(path: Path, content: bytes) -> None:
        with open(path, "xb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())

    def _remove_stale_temporaries(self, message_id: str) -> None:
        for stale in self.root.glob(f"{_TEMP_PREFIX}{message_id}-*"):
            shutil.rmtree(stale, ignore_errors=True)

    def _check_same(self, target: Path, message: OutgoingMessage) -> None:
        expected = {FILE_NAME: _digest(message.arkivmelding)}
        expected.update({f.name: _digest(f.content) for f in message.files})
        present = {
            p.name: _digest(p.read_bytes())
            for p in target.iterdir()
            if p.is_file() and p.name != RECEIPT_FILE
        }
        if present != expected:
            raise TransportError(
                f"message {message.message_id} is already in the outbox with different content",
                permanent=True,
            )

    def receipt(self, message_id: str) -> Receipt | None:
        path = self.folder(message_id) / RECEIPT_FILE
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise TransportError(f"could not read {path}: {exc}", permanent=False) from exc
        return parse_receipt(message_id, data)


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _child_text(element: etree._Element, name: str) -> str | None:
    for child in element:
        if isinstance(child.tag, str) and _local(child) == name:
            return (child.text or "").strip()
    return None


def _child(element: etree._Element, name: str) -> etree._Element | None:
    for child in element:
        if isinstance(child.tag, str) and _local(child) == name:
            return child
    return None


def _int(text: str | None) -> int | None:
    return int(text) if text and text.strip().lstrip("-").isdigit() else None


# Fiks Arkiv's error messages, and whether sending the same message again can help.
_ERRORS = {"ugyldigforespoersel": True, "ikkefunnet": True, "serverfeil": False}


def parse_receipt(message_id: str, data: bytes) -> Receipt:
    """Read the archive side's `kvittering.xml`: an `arkivmeldingKvittering`, or one of Fiks
    Arkiv's error messages (ugyldigforespoersel, ikkefunnet, serverfeil).

    A file that is not one of those (half-written, another format) raises a non-permanent
    TransportError: the archive side may still be writing it.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise TransportError(
            f"{message_id}/{RECEIPT_FILE} is not readable XML: {exc}", permanent=False
        ) from exc
    kind = _local(root)
    if kind in _ERRORS:
        return Receipt(
            message_id,
            "failed",
            error_id=_child_text(root, "feilId") or "",
            error=_child_text(root, "feilmelding") or kind,
            permanent=_ERRORS[kind],
        )
    if kind != "arkivmeldingKvittering":
        raise TransportError(
            f"{message_id}/{RECEIPT_FILE} is not a Fiks Arkiv receipt (root element {kind!r})",
            permanent=False,
        )
    for failed in ("mappeFeilet", "registreringFeilet"):
        element = _child(root, failed)
        if element is not None:
            return Receipt(
                message_id,
                "failed",
                error_id=_child_text(element, "feilId") or "",
                error=_child_text(element, "feilmelding") or failed,
                permanent=True,
            )
    registration = _child(root, "registreringKvittering")
    if registration is None:
        raise TransportError(f"{message_id}/{RECEIPT_FILE} has no registreringKvittering", permanent=False)
    folder = _child(root, "mappeKvittering")
    return Receipt(
        message_id,
        "ok",
        created=_child_text(registration, "opprettetEllerEksisterende") == "Opprettet",
        system_id=_child_text(registration, "systemID"),
        journal_year=_int(_child_text(registration, "journalaar")),
        journal_sequence=_int(_child_text(registration, "journalsekvensnummer")),
        case_year=_int(_child_text(folder, "saksaar")) if folder is not None else None,
        case_sequence=_int(_child_text(folder, "sakssekvensnummer")) if folder is not None else None,
    )
