"""The Fiks Arkiv and Fiks IO message types a reply to `arkivmelding.opprett` can have, and the
receipt each makes (the records office reads its error in Norwegian, with the archive's own text)."""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path
from typing import Any

from somevakt.archive.formats.outbox import Receipt, parse_receipt

OPPRETT = "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett"
MOTTATT = f"{OPPRETT}.mottatt"
KVITTERING = f"{OPPRETT}.kvittering"
UGYLDIG = "no.ks.fiks.arkiv.v1.feilmelding.ugyldigforespoersel"
SERVERFEIL = "no.ks.fiks.arkiv.v1.feilmelding.serverfeil"
IKKEFUNNET = "no.ks.fiks.arkiv.v1.feilmelding.ikkefunnet"
# Fiks IO's own: the message expired on the recipient's queue, or could not be delivered.
TIDSAVBRUDD = "no.ks.fiks.kvittering.tidsavbrudd"
FIKS_SERVERFEIL = "no.ks.fiks.kvittering.serverfeil.v1"
# KS's Fiks Arkiv page names Fiks IO's "not acknowledged three times" message this way; its Fiks IO
# page and both clients use FIKS_SERVERFEIL. Both are taken, with the same meaning.
FIKS_IO_SERVERFEIL = "no.ks.fiks.io.feilmelding.serverfeil"

ARCHIVE_ERRORS = {
    UGYLDIG: "Arkivet avviste meldingen som ugyldig",
    SERVERFEIL: "Arkivet fikk en feil og ber om at meldingen sendes på nytt",
    IKKEFUNNET: "Arkivet fant ikke det meldingen viser til",
}
FIKS_ERRORS = {
    TIDSAVBRUDD: (
        "Fiks IO: arkivet leste ikke meldingen før den gikk ut på tid (tidsavbrudd); den sendes på nytt"
    ),
    FIKS_SERVERFEIL: "Fiks IO kunne ikke levere meldingen til arkivet (serverfeil); den sendes på nytt",
    FIKS_IO_SERVERFEIL: "Fiks IO kunne ikke levere meldingen til arkivet (serverfeil); den sendes på nytt",
}
# The replies that settle a message (registered or failed); "mottatt" only says it arrived.
DECISIVE = frozenset({KVITTERING, *ARCHIVE_ERRORS, *FIKS_ERRORS})
WITH_PAYLOAD = frozenset({KVITTERING, *ARCHIVE_ERRORS})
KNOWN = frozenset({MOTTATT, *DECISIVE})


# The schema of each reply that carries a document, in KS's Fiks Arkiv V1 schema folder.
SCHEMAS = {message_type: f"{message_type}.xsd" for message_type in (KVITTERING, *ARCHIVE_ERRORS)}


class InvalidReply(ValueError):
    """A reply that does not validate against its Fiks Arkiv schema."""


@functools.lru_cache(maxsize=8)
def _schema(path: Path) -> Any:
    import xmlschema

    return xmlschema.XMLSchema(str(path))


def validate(message_type: str, content: bytes, schema_dir: Path) -> None:
    """Check a reply's document against KS's schema for its type; raises InvalidReply saying why."""
    path = schema_dir / SCHEMAS[message_type]
    if not path.is_file():
        raise InvalidReply(f"the schema {path} is missing")
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        document = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise InvalidReply(f"not XML: {exc}") from None
    error = next(iter(_schema(path).iter_errors(document)), None)
    if error is not None:
        raise InvalidReply(f"it does not validate against {path.name}: {error.reason}")


def receipt_of(message_id: str, message_type: str, content: bytes) -> Receipt:
    """The receipt a decisive reply makes; raises outbox.TransportError for unreadable XML."""
    if message_type in FIKS_ERRORS:
        return Receipt(message_id, "failed", error=FIKS_ERRORS[message_type], permanent=False)
    receipt = parse_receipt(message_id, content)
    if message_type in ARCHIVE_ERRORS:
        text = receipt.error if receipt.error and receipt.error != message_type.rsplit(".", 1)[-1] else ""
        label = ARCHIVE_ERRORS[message_type]
        return replace(receipt, error=f"{label}: {text}" if text else label)
    if receipt.outcome == "failed":
        return replace(receipt, error=f"Arkivet kunne ikke registrere meldingen: {receipt.error}")
    return receipt
