"""Crisis mode (DESIGN.md §3): who declared it, for which accounts, why, and when it ended;
the instructions crisis management gave to named people for named texts; and its history.

The history (`CrisisEvent`) is append-only like the inbox's event log; the crisis row itself
changes once, when it ends. At most one crisis is active per municipality at a time.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from somevakt.tenants.models import TenantOwned


class CrisisMode(TenantOwned):
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("declared by"),
    )
    # The scope: the whole municipality, or only `accounts`.
    whole_municipality = models.BooleanField(_("the whole municipality"), default=True)
    accounts = models.ManyToManyField(
        "registry.Account", blank=True, related_name="+", verbose_name=_("accounts")
    )
    reason = models.TextField(_("reason"))
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ended by"),
    )
    end_note = models.TextField(_("note at the end"), blank=True)
    # The report as it stood when the crisis ended (PDF), kept unchanged with its SHA-256 for the
    # archive; until then the report is made when it is asked for.
    report_pdf = models.BinaryField(null=True, blank=True, editable=False)
    report_sha256 = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["-started_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality"], condition=Q(ended_at__isnull=True), name="one_active_crisis"
            )
        ]
        verbose_name = _("crisis mode")
        verbose_name_plural = _("crisis modes")

    def __str__(self) -> str:
        return f"{self.municipality} {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def active(self) -> bool:
        return self.ended_at is None

    def covers(self, account) -> bool:  # account: registry.Account
        if account.municipality_id != self.municipality_id:
            return False
        return self.whole_municipality or self.accounts.filter(pk=account.pk).exists()


class CrisisInstruction(models.Model):
    """Crisis management's recorded instruction (Hustadvika 1f "tydelig instruks") to one person
    to speak for one purpose, optionally with the exact wording that may be published."""

    crisis = models.ForeignKey(CrisisMode, on_delete=models.CASCADE, related_name="instructions")
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    given_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="crisis_instructions",
        verbose_name=_("given to"),
    )
    purpose = models.TextField(_("what for"))
    # Empty: any text for the purpose; otherwise only this wording (whitespace and case aside).
    text = models.TextField(_("exact text"), blank=True)
    given_at = models.DateTimeField(_("given"), default=timezone.now)

    class Meta:
        ordering = ["given_at", "id"]
        verbose_name = _("crisis instruction")
        verbose_name_plural = _("crisis instructions")

    def __str__(self) -> str:
        return f"{self.given_to} · {self.purpose[:40]}"


class CrisisEventType(models.TextChoices):
    DECLARED = "declared", _("Crisis mode declared")
    INSTRUCTION = "instruction", _("Instruction given")
    ENDED = "ended", _("Crisis mode ended")


class CrisisEvent(models.Model):
    """One step of a crisis's history: append-only, never changed or deleted."""

    crisis = models.ForeignKey(CrisisMode, on_delete=models.CASCADE, related_name="events")
    type = models.CharField(_("what"), max_length=20, choices=CrisisEventType.choices)
    at = models.DateTimeField(_("time"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    payload = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("crisis event")
        verbose_name_plural = _("crisis events")

    def __str__(self) -> str:
        return f"{self.crisis_id} {self.type} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ValueError("a crisis's history is append-only: an event is never changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("a crisis's history is append-only: an event is never deleted")
