"""The Fiks Arkiv and Fiks IO message types a reply to `arkivmelding.opprett` can have, and the
receipt each makes (the records office reads its error in Norwegian, with the archive's own text)."""

from __future__ import annotations

from dataclasses import replace

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
}
# The replies that settle a message (registered or failed); "mottatt" only says it arrived.
DECISIVE = frozenset({KVITTERING, *ARCHIVE_ERRORS, *FIKS_ERRORS})
WITH_PAYLOAD = frozenset({KVITTERING, *ARCHIVE_ERRORS})
KNOWN = frozenset({MOTTATT, *DECISIVE})


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
