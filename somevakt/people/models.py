"""Attestation: a person confirms they have read this year's guideline (Hustadvika: leaders review
it with their staff every year); their leader records that they went through it together."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from somevakt.tenants.models import Municipality


class Attestation(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="attestations")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attestations"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    # The pack revision the person confirmed; a revised guideline can be confirmed again the same year.
    policy_revision = models.CharField(_("guideline revision"), max_length=64)
    at = models.DateTimeField(_("confirmed at"))
    reviewed_with = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed with"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    # When the person opened their part of the confirmed revision (people.onboarding): the
    # attestation is given only after it.
    read_at = models.DateTimeField(_("guideline read at"), null=True, blank=True)

    class Meta:
        ordering = ["municipality", "-year", "person__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "person", "year"], name="one_attestation_per_person_and_year"
            )
        ]
        verbose_name = _("attestation")
        verbose_name_plural = _("attestations")

    def __str__(self) -> str:
        return f"{self.person} @ {self.municipality} {self.year}"


class GuidelineReading(models.Model):
    """A person opened what the guideline says to their roles, in one revision of it."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    policy_revision = models.CharField(_("guideline revision"), max_length=64)
    read_at = models.DateTimeField(_("read at"))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "person", "policy_revision"], name="one_reading_per_revision"
            )
        ]
        verbose_name = _("guideline reading")
        verbose_name_plural = _("guideline readings")

    def __str__(self) -> str:
        return f"{self.person} @ {self.municipality} {self.policy_revision[:12]}"
