"""Who a person is beyond a local password: the municipality's identity provider for single
sign-on (OpenID Connect), the subject it knows a person by, and a person's second factor (TOTP).

Secrets (the client secret, the TOTP key) are sealed at rest (`somevakt.sealing`), each with its
own purpose; recovery codes are stored as password hashes, so a database copy reveals none of them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from somevakt import sealing

CLIENT_SECRET = b"somevakt.tenants.sign_on.client_secret"
TOTP_KEY = b"somevakt.tenants.second_factor.totp"


def seal(purpose: bytes, value: str) -> str:
    return sealing.seal(sealing.key_material(settings), purpose, value.encode()) if value else ""


def unseal(purpose: bytes, sealed: str) -> str:
    return sealing.unseal(sealing.key_material(settings), purpose, sealed).decode() if sealed else ""


class SignOn(models.Model):
    """A municipality's identity provider (Microsoft Entra ID, Ansattporten, ...): one per municipality.

    Roles stay in somevakt: the provider only says who someone is, never what they may do.
    """

    municipality = models.OneToOneField(
        "tenants.Municipality", on_delete=models.CASCADE, related_name="sign_on"
    )
    issuer = models.URLField(
        _("issuer"),
        max_length=300,
        help_text=_("The identity provider's issuer; its discovery document is read from here."),
    )
    client_id = models.CharField(_("client id"), max_length=200)
    sealed_secret = models.TextField(editable=False, blank=True)
    label = models.CharField(
        _("button text"), max_length=100, blank=True, help_text=_("For example: Hustadvika kommune")
    )
    enabled = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("single sign-on")
        verbose_name_plural = _("single sign-on")

    def __str__(self) -> str:
        return f"{self.municipality}: {self.issuer}"

    @property
    def secret(self) -> str:
        return unseal(CLIENT_SECRET, self.sealed_secret)

    def set_secret(self, value: str) -> None:
        self.sealed_secret = seal(CLIENT_SECRET, value)


class SignOnIdentity(models.Model):
    """The subject (`sub`) a municipality's provider knows a person by, stored at the first sign-in.

    Later sign-ins match it first, so a changed e-mail address at the provider still finds the
    same person, and an address moved to someone else does not.
    """

    municipality = models.ForeignKey("tenants.Municipality", on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    subject = models.CharField(_("subject"), max_length=255)
    first_seen = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "subject"], name="one_person_per_subject"),
            models.UniqueConstraint(fields=["municipality", "person"], name="one_subject_per_person"),
        ]
        verbose_name = _("single sign-on identity")
        verbose_name_plural = _("single sign-on identities")

    def __str__(self) -> str:
        return f"{self.person} @ {self.municipality}"


class SecondFactor(models.Model):
    """A person's authenticator app (TOTP) and their unused recovery codes (hashed)."""

    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sealed_key = models.TextField(editable=False)
    created = models.DateTimeField(default=timezone.now)
    # The last time step a code was accepted for: the same code is never accepted twice.
    last_step = models.BigIntegerField(default=0)
    recovery_codes = models.JSONField(default=list, editable=False)

    class Meta:
        verbose_name = _("second factor")
        verbose_name_plural = _("second factors")

    def __str__(self) -> str:
        return str(self.person)

    @property
    def key(self) -> str:
        return unseal(TOTP_KEY, self.sealed_key)


class SecondFactorRule(models.Model):
    """Which of a municipality's people must use a second factor to sign in: everyone, or the
    holders of the roles it names (IT, the chief executive, records ...)."""

    municipality = models.OneToOneField(
        "tenants.Municipality", on_delete=models.CASCADE, related_name="second_factor_rule"
    )
    everyone = models.BooleanField(_("everyone"), default=False)
    roles = models.JSONField(
        _("roles"),
        default=list,
        blank=True,
        help_text=_("Role keys, for example it, chief_executive, records"),
    )

    class Meta:
        verbose_name = _("second factor requirement")
        verbose_name_plural = _("second factor requirements")

    def __str__(self) -> str:
        return str(self.municipality)
