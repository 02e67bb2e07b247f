"""Journal entries, their metadata changes, the municipality's archive profile and retention rule.

A `JournalEntry` is made from one inbox event (a referral, a hiding, a deletion, or a reply to
an inquiry), or from a document another app hands in (`tenants.documents`: a crisis report, a
post removed from the platform or kept although a consent lapsed), and carries what the archive
needs: metadata the records office may edit before delivery, the captured document (kept in the
database, with its SHA-256), the thread as it stood when it was captured, and the delivery state
with the archive's receipt.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from somevakt.tenants import documents
from somevakt.tenants.models import TenantOwned


class Reason(models.TextChoices):
    """Why an item was journaled: the inbox action the entry documents."""

    REFER_FORMAL = "refer_formal", _("Referred to formal case processing")
    REFER_POLITICAL = "refer_political", _("Referred to the political level")
    HIDE = "hide", _("Hidden")
    DELETE = "delete", _("Deleted")
    REPLY = "reply", _("Reply to an inquiry")
    # Documents handed in through tenants.documents (the kinds listed there).
    CRISIS_REPORT = documents.CRISIS_REPORT, _("Crisis report")
    POST_REMOVED = documents.POST_REMOVED, _("Post removed from the platform")
    POST_KEPT = documents.POST_KEPT, _("Post kept although a consent lapsed")


class EntryKind(models.TextChoices):
    INQUIRY = "inquiry", _("Inquiry (incoming)")
    REPLY = "reply", _("Reply (outgoing)")
    MODERATION = "moderation", _("Hidden or deleted content (internal note)")
    DOCUMENT = "document", _("Document (internal note)")


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("Waiting for capture")
    CAPTURED = "captured", _("Captured")
    SENT = "sent", _("Sent to the archive")
    ACKNOWLEDGED = "acknowledged", _("Registered by the archive")
    FAILED = "failed", _("Delivery failed")


# Entries in these states have been handed to the archive; their metadata is fixed.
DELIVERED_STATES = frozenset({DeliveryState.SENT, DeliveryState.ACKNOWLEDGED})


class JournalEntry(TenantOwned):
    # An entry is about an inbox item (the event it documents) or about a document an app
    # handed in (`document_source`, its stable key, and `document`); never both, never neither.
    item = models.ForeignKey(
        "inbox.Item",
        on_delete=models.PROTECT,
        related_name="journal_entries",
        verbose_name=_("item"),
        null=True,
        blank=True,
    )
    # The inbox event the entry documents; the log is append-only, so this never changes.
    source_event = models.OneToOneField(
        "inbox.ItemEvent", on_delete=models.PROTECT, related_name="journal_entry", null=True, blank=True
    )
    document_source = models.CharField(max_length=200, blank=True)
    # The document as it was handed in (tenants.documents.JournalDocument, without the bytes of
    # its attachment): kind, date, who did what and why, parties, sections, the attachment's
    # name and checksum. Fixed when journaled; the capture is made from it.
    document = models.JSONField(default=dict, blank=True)
    attachment = models.BinaryField(null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    kind = models.CharField(_("kind"), max_length=12, choices=EntryKind.choices)
    created_at = models.DateTimeField(_("journaled"), auto_now_add=True)

    # Metadata the records office may edit before delivery.
    title = models.CharField(pgettext_lazy("document", "title"), max_length=300)
    public_title = models.CharField(_("public title"), max_length=300, blank=True)
    case_reference = models.CharField(_("case number"), max_length=20, blank=True)
    classification = models.CharField(_("classification"), max_length=100, blank=True)
    # A sender's or recipient's name as the records office corrects it before delivery (a name
    # written with stray characters, a nickname); empty: the name as the person wrote it.
    counterpart_name = models.CharField(_("sender or recipient"), max_length=300, blank=True)
    proposed_screening = models.BooleanField(_("screening proposed"), default=False)
    proposed_basis = models.CharField(_("proposed legal basis"), max_length=300, blank=True)
    # None until the records office has decided; the proposal applies meanwhile.
    skjermet = models.BooleanField(_("screened"), null=True, blank=True)
    screening_basis = models.CharField(_("legal basis for screening"), max_length=300, blank=True)
    screening_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    screening_decided_at = models.DateTimeField(null=True, blank=True)

    # The capture: the thread and the action as they stood ({"thread": [...], "action": {...}}),
    # and the PDF/A document made from them.
    snapshot = models.JSONField(default=dict, blank=True)
    capture_pdf = models.BinaryField(null=True, blank=True)
    capture_sha256 = models.CharField(max_length=64, blank=True)
    capture_size = models.PositiveIntegerField(null=True, blank=True)
    captured_at = models.DateTimeField(null=True, blank=True)
    # Claimed by a process capturing it (the worker or `archive deliver`) until then: two never
    # render the same entry at once; a claim left by a process that died runs out by itself.
    capturing_until = models.DateTimeField(null=True, blank=True)

    # Delivery.
    state = models.CharField(
        _("delivery state"), max_length=12, choices=DeliveryState.choices, default=DeliveryState.PENDING
    )
    # Bumped whenever the content to deliver changes after a message id was used, so a changed
    # message never reuses an id the archive may already have read.
    round = models.PositiveIntegerField(default=1)
    message_id = models.CharField(max_length=200, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    receipt = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "reason"], condition=~Q(reason="reply"), name="journal_one_entry_per_reason"
            ),
            models.UniqueConstraint(
                fields=["municipality", "document_source"],
                condition=~Q(document_source=""),
                name="journal_one_entry_per_document",
            ),
            models.CheckConstraint(
                condition=(Q(item__isnull=False) & Q(source_event__isnull=False) & Q(document_source=""))
                | (Q(item__isnull=True) & Q(source_event__isnull=True) & ~Q(document_source="")),
                name="journal_item_or_document",
            ),
        ]
        indexes = [
            models.Index(fields=["municipality", "state"], name="journal_state_idx"),
            models.Index(fields=["municipality", "created_at"], name="journal_created_idx"),
        ]
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")

    def __str__(self) -> str:
        return f"{self.record_id}: {self.title}"

    @property
    def record_id(self) -> str:
        """The entry's stable key in the archive (external key, Noark 5 system ids, file names)."""
        return f"{self.municipality.slug}-{self.pk}"

    @property
    def screened(self) -> bool:
        """Whether the entry goes to the archive screened: the decision, else the proposal."""
        return self.proposed_screening if self.skjermet is None else self.skjermet

    @property
    def effective_basis(self) -> str:
        return self.screening_basis if self.skjermet is not None else self.proposed_basis

    @property
    def is_document(self) -> bool:
        return bool(self.document_source)

    def attachment_bytes(self) -> bytes | None:
        """The handed-in attachment, checked against the checksum it was handed in with."""
        if self.attachment is None:
            return None
        data = bytes(self.attachment)
        expected = (self.document.get("attachment") or {}).get("sha256", "")
        if hashlib.sha256(data).hexdigest() != expected:
            raise ValueError(f"journal entry {self.pk}: the attachment does not match its checksum")
        return data

    @property
    def editable(self) -> bool:
        return self.state not in DELIVERED_STATES

    def pdf_bytes(self) -> bytes | None:
        """The captured document, checked against its stored checksum."""
        if self.capture_pdf is None:
            return None
        data = bytes(self.capture_pdf)
        if hashlib.sha256(data).hexdigest() != self.capture_sha256:
            raise ValueError(f"journal entry {self.pk}: the captured document does not match its checksum")
        return data


class JournalChange(models.Model):
    """A metadata change to an entry (title, case number, classification, screening); these
    feed the Noark 5 change log (endringslogg)."""

    entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE, related_name="changes")
    # The Noark 5 element name: tittel, offentligTittel, saksnummer, klasse, skjerming.
    field = models.CharField(max_length=40)
    old = models.TextField(blank=True)
    new = models.TextField(blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    # What the person confirmed with the change, e.g. the personal data an un-screening makes public.
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.entry_id} {self.field}"


class Hold(models.TextChoices):
    """When an entry the records office has not decided on goes to the archive."""

    DECISION = "decision", _("When the records office has decided screening")
    HOURS = "hours", _("After a number of working hours, with somevakt's proposal")


DEFAULT_HOLD_HOURS = 8


class ArchiveProfile(TenantOwned):
    """What the archive needs to know about the municipality: its organisation number (the
    record creator's id) and the archive part (arkivdel) entries without a case are filed in."""

    org_number = models.CharField(_("organisation number"), max_length=20, blank=True)
    series = models.CharField(_("archive part (arkivdel)"), max_length=50, blank=True)
    # Screening can only be decided before delivery, so an entry waits for the records office:
    # by default until it has decided (see docs/archive.md, "When an entry is delivered").
    hold = models.CharField(_("delivery"), max_length=12, choices=Hold.choices, default=Hold.DECISION)
    hold_hours = models.PositiveSmallIntegerField(_("working hours to wait"), default=DEFAULT_HOLD_HOURS)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["municipality"], name="one_archive_profile")]

    def __str__(self) -> str:
        return f"{self.municipality_id}: {self.org_number}"


class SettingsChange(TenantOwned):
    """A change to the municipality's archive settings: who changed what, when, from and to."""

    field = models.CharField(max_length=40)
    old = models.TextField(blank=True)
    new = models.TextField(blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.field}"


DEFAULT_RETENTION_DAYS = 365


class RetentionRule(TenantOwned):
    """How long items that were never journaled are kept before somevakt deletes them."""

    keep_days = models.PositiveIntegerField(_("days to keep items that are not journaled"), default=365)
    enabled = models.BooleanField(_("delete old items"), default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["municipality"], name="one_retention_rule")]

    def __str__(self) -> str:
        return f"{self.municipality_id}: {self.keep_days} days"


class RetentionRun(TenantOwned):
    """One run of the retention rule: when, up to which time, and how much it deleted."""

    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    cutoff = models.DateTimeField()
    keep_days = models.PositiveIntegerField()
    deleted_items = models.PositiveIntegerField(default=0)
    deleted_events = models.PositiveIntegerField(default=0)
    kept_journaled = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.started_at:%Y-%m-%d}: {self.deleted_items}"


# The Fiks IO transport's models live with its package; importing them here registers them.
from somevakt.archive.transports.fiksio.models import (  # noqa: E402, F401
    FiksIOMessage,
    FiksIOReply,
    FiksIOSettings,
    TransportKind,
)
