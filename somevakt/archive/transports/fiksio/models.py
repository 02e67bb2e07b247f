"""What the Fiks IO transport keeps: a municipality's settings (secrets sealed), each message it
sent, and each reply that came back (the reply's Fiks IO id is the idempotency key)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from somevakt.tenants.models import TenantOwned


class TransportKind(models.TextChoices):
    OUTBOX = "outbox", _("Outbox folder on the server")
    FIKSIO = "fiksio", _("KS Fiks IO (Fiks Arkiv)")


class FiksIOSettings(TenantOwned):
    """How one municipality reaches its archive. The password, the certificate (with its
    password) and the account's private key are sealed together in `sealed`."""

    transport = models.CharField(
        _("transport"), max_length=10, choices=TransportKind.choices, default=TransportKind.OUTBOX
    )
    integration_id = models.CharField(_("integration id"), max_length=36, blank=True)
    account_id = models.CharField(_("somevakt's Fiks IO account"), max_length=36, blank=True)
    recipient_account_id = models.CharField(
        _("the archive system's Fiks IO account"), max_length=36, blank=True
    )
    maskinporten_client_id = models.CharField(_("Maskinporten client id"), max_length=100, blank=True)
    sealed = models.TextField(blank=True)
    # Shown on the settings page without unsealing anything.
    certificate_subject = models.CharField(max_length=500, blank=True)
    certificate_not_after = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "archive"
        constraints = [models.UniqueConstraint(fields=["municipality"], name="one_fiksio_settings")]

    def __str__(self) -> str:
        return f"{self.municipality_id}: {self.transport}"


class FiksIOMessage(TenantOwned):
    """One archive message sent through Fiks IO, under the journal entry's message id."""

    message_id = models.CharField(max_length=200)
    # Sent as klientMeldingId: the same on every attempt to send this message.
    client_message_id = models.UUIDField()
    fiks_message_id = models.CharField(max_length=36, blank=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(null=True, blank=True)  # the archive's "mottatt"

    class Meta:
        app_label = "archive"
        constraints = [
            models.UniqueConstraint(fields=["municipality", "message_id"], name="one_fiksio_message_per_id")
        ]

    def __str__(self) -> str:
        return f"{self.message_id} -> {self.fiks_message_id or '?'}"


class FiksIOReply(TenantOwned):
    """A message that arrived on the account's queue, stored before it is acknowledged."""

    fiks_message_id = models.CharField(max_length=36, unique=True)
    message_type = models.CharField(max_length=200)
    reply_to = models.CharField(max_length=36, blank=True)
    message = models.ForeignKey(
        FiksIOMessage, on_delete=models.SET_NULL, null=True, blank=True, related_name="replies"
    )
    arrived_at = models.DateTimeField(auto_now_add=True)
    # The reply's XML (kvittering or error message), decrypted; empty for "mottatt".
    content = models.TextField(blank=True)
    # Why the reply could not be used (cannot be decrypted, does not validate, answers nothing we sent).
    problem = models.TextField(blank=True)

    class Meta:
        app_label = "archive"
        ordering = ["arrived_at", "id"]

    def __str__(self) -> str:
        return f"{self.fiks_message_id} {self.message_type}"
