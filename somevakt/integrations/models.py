"""What the platforms delivered to us and what we asked of them: the integrations' own rows.

A `Delivery` is the record of what reached us, kept byte for byte before anything else
happens; an `OutboundCall` is a reply, hide, unhide or delete to be carried out on the
platform, with its retries. The platform packages stay free of database code.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from somevakt.registry.models import Account


class DeliveryStatus(models.TextChoices):
    STORED = "stored", _("Stored")
    PROCESSED = "processed", _("Processed")
    REJECTED = "rejected", _("Rejected")


class Delivery(models.Model):
    """One request from a platform, kept byte for byte before anything else happens.

    Not tenant-owned: a delivery can name pages of several municipalities, or none we know.
    """

    # "meta" for /hooks/meta (Facebook and Instagram share it); the body says which.
    source = models.CharField(max_length=20)
    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    body = models.BinaryField()
    signature_ok = models.BooleanField(default=False)
    status = models.CharField(max_length=12, choices=DeliveryStatus.choices, default=DeliveryStatus.STORED)
    error = models.TextField(blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    comments = models.PositiveIntegerField(default=0)
    # A replayed request (the same bytes again) is recognised by this and stored once. NULL for
    # rows stored before it existed, which the unique constraint must not count as equal.
    body_sha256 = models.CharField(max_length=64, null=True, blank=True, editable=False)  # noqa: DJ001

    class Meta:
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["status", "received_at"], name="delivery_status_idx")]
        constraints = [
            models.UniqueConstraint(fields=["source", "body_sha256"], name="delivery_once_per_body")
        ]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")

    def __str__(self) -> str:
        return f"{self.source} {self.received_at:%Y-%m-%d %H:%M:%S} {self.status}"


class RejectedSignatures(models.Model):
    """How many requests a day failed the signature check. Nothing else about them is kept."""

    source = models.CharField(max_length=20)
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)
    last_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "day"], name="one_counter_per_day")]

    def __str__(self) -> str:
        return f"{self.source} {self.day}: {self.count}"


class OutboundStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    DONE = "done", _("Done on the platform")
    LOCAL = "local", _("Done in somevakt only (the platform does not allow it)")
    FAILED = "failed", _("Failed")


class OutboundCall(models.Model):
    """A reply, hide, unhide or delete to be carried out on the platform, with its retries."""

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="outbound_calls")
    # The inbox item this call is for; a plain id, so that purging items (inbox.purge) keeps
    # the record of what was done on the platform.
    item_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    platform_id = models.CharField(max_length=200)
    op = models.CharField(max_length=20)
    text = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=OutboundStatus.choices, default=OutboundStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    permanent = models.BooleanField(default=False)
    # Why it failed, one of `inbox.ports.FAILURES` ("" unless failed); `error` keeps the raw words.
    failure = models.CharField(max_length=20, blank=True)
    error = models.TextField(blank=True)
    result_id = models.CharField(max_length=200, blank=True)
    # What the platform has done so far, kept across attempts (a notice that may have been posted,
    # the posts whose comments were turned off), so a retry goes on from there.
    progress = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # When the last attempt began or the next is due: a pending call left long past it lost its task.
    attempted_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.op} {self.platform_id} ({self.status})"
