"""Municipality (the tenant), Unit (its organisation), Membership (person × municipality × unit × roles)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from somevakt.tenants.roles import Role


def default_office_opens() -> datetime.time:
    return datetime.time(8, 0)


def default_office_closes() -> datetime.time:
    return datetime.time(15, 30)


# Top-level paths of the web app; a municipality's pages live under /<slug>/.
RESERVED_SLUGS = frozenset(
    {
        "admin",
        "static",
        "media",
        "healthz",
        "hooks",
        "logg-inn",
        "logg-ut",
        "passord",
        "sprak",
        "bytt-kommune",
    }
)


def validate_municipality_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(_("This address is used by somevakt itself."))


class Municipality(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=50, unique=True, validators=[validate_municipality_slug])
    policy_pack = models.SlugField(_("guideline pack"), max_length=50)
    policy_revision = models.CharField(_("guideline revision"), max_length=64, blank=True)
    email_domains = models.JSONField(_("e-mail domains"), default=list, blank=True)
    office_opens = models.TimeField(_("office opens"), default=default_office_opens)
    office_closes = models.TimeField(_("office closes"), default=default_office_closes)
    # Extra closed days (ISO dates) beyond Norwegian public holidays, 24 and 31 December.
    closed_days = models.JSONField(_("closed days"), default=list, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name


class TenantOwned(models.Model):
    """Base for every tenant-owned row: query it through `tenants.scoping.for_municipality`."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="%(app_label)s_%(class)s_set"
    )

    class Meta:
        abstract = True


class Unit(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="units")
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=80)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    deputy = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    leader_away = models.BooleanField(_("leader is away"), default=False)
    # The last day of the absence, so the deputy's turn ends by itself; empty: until unmarked.
    leader_away_until = models.DateField(_("leader is away until"), null=True, blank=True)

    class Meta:
        ordering = ["municipality", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="unit_slug_per_municipality")
        ]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.parent_id is not None and self.parent.municipality_id != self.municipality_id:
            raise ValidationError({"parent": _("The parent unit belongs to another municipality.")})
        for field in ("leader", "deputy"):
            person_id = getattr(self, f"{field}_id")
            if (
                person_id is not None
                and not Membership.objects.filter(
                    person_id=person_id, municipality_id=self.municipality_id
                ).exists()
            ):
                raise ValidationError({field: _("This person is not a member of the municipality.")})

    def leader_is_away(self, today: datetime.date | None = None) -> bool:
        """Marked away, and the absence (if it has a last day) has not ended."""
        if not self.leader_away:
            return False
        if self.leader_away_until is None:
            return True
        return (today or timezone.localdate()) <= self.leader_away_until

    @property
    def acting_leader(self):  # -> User | None
        """The leader, or the deputy while the leader is away or the post is empty."""
        if self.leader_id is None or self.leader_is_away():
            return self.deputy
        return self.leader

    @property
    def acting_leader_id(self) -> int | None:
        """The acting leader's id, without loading the person."""
        if self.leader_id is None or self.leader_is_away():
            return self.deputy_id
        return self.leader_id

    def nearest_leader(self, exclude=None):  # -> User | None
        """The acting leader of this unit, or of the nearest unit above that has one.

        `exclude` is the person asking: a leader's own nearest leader is the one above.
        """
        unit: Unit | None = self
        seen: set[int] = set()
        while unit is not None and unit.pk not in seen:
            seen.add(unit.pk)
            leader = unit.acting_leader
            if leader is not None and leader != exclude:
                return leader
            unit = unit.parent
        return None


class MembershipQuerySet(models.QuerySet):
    def with_role(self, role: str) -> MembershipQuerySet:
        return self.filter(grants__role=role).distinct()


class Membership(models.Model):
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(Unit, on_delete=models.SET_NULL, null=True, blank=True, related_name="members")
    title = models.CharField(_("title"), max_length=150, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "person__username"]
        constraints = [
            models.UniqueConstraint(fields=["person", "municipality"], name="one_membership_per_municipality")
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.person} @ {self.municipality}"

    def clean(self) -> None:
        if self.unit_id is not None and self.unit.municipality_id != self.municipality_id:
            raise ValidationError({"unit": _("The unit belongs to another municipality.")})

    @property
    def roles(self) -> frozenset[str]:
        # Reads the prefetched grants when the caller prefetched them (the view decorator does).
        return frozenset(grant.role for grant in self.grants.all())

    def has_role(self, *roles: str) -> bool:
        """True if the person holds at least one of `roles`."""
        return not self.roles.isdisjoint(roles)

    def nearest_leader(self):  # -> User | None
        if self.unit is None:
            return None
        return self.unit.nearest_leader(exclude=self.person)


class RoleGrant(models.Model):
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="grants")
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)

    class Meta:
        ordering = ["role"]
        constraints = [models.UniqueConstraint(fields=["membership", "role"], name="one_grant_per_role")]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self) -> str:
        return self.get_role_display()


class AuditAction(models.TextChoices):
    SIGN_IN = "sign_in", _("Signed in")
    SIGN_OUT = "sign_out", _("Signed out")
    SIGN_IN_FAILED = "sign_in_failed", _("Failed sign-in")
    LOCKED_OUT = "locked_out", _("Locked out after failed sign-ins")
    PASSWORD_CHANGED = "password_changed", _("Changed their password")
    PASSWORD_RESET_ASKED = "password_reset_asked", _("Asked for a password reset link")
    PASSWORD_RESET = "password_reset", _("Set a new password with a reset link")
    CRISIS_DECLARED = "crisis_declared", _("Declared crisis mode")
    CRISIS_INSTRUCTION = "crisis_instruction", _("Gave an instruction in crisis mode")
    CRISIS_ENDED = "crisis_ended", _("Ended crisis mode")
    SSO_SIGN_IN = "sso_sign_in", _("Signed in with single sign-on")
    SSO_REFUSED = "sso_refused", _("Single sign-on refused")
    SIGN_ON_CHANGED = "sign_on_changed", _("Changed the single sign-on settings")
    SECOND_FACTOR_ENABLED = "second_factor_on", _("Turned on two-factor sign-in")
    SECOND_FACTOR_DISABLED = "second_factor_off", _("Turned off two-factor sign-in")
    RECOVERY_CODES_RENEWED = "recovery_codes_renewed", _("Made new recovery codes")
    SECOND_FACTOR_RULE_CHANGED = "second_factor_rule", _("Changed who must use two-factor sign-in")
    MEMBERSHIP_ADDED = "membership_added", _("Added a member")
    MEMBERSHIP_CHANGED = "membership_changed", _("Changed a member's roles or unit")
    MEMBERSHIP_REMOVED = "membership_removed", _("Removed a member")
    ACCOUNT_CHANGED = "account_event", _("Changed an official account")
    CLOSURE_CHANGED = "closure", _("Changed an account's closure period")
    ARCHIVE_SETTINGS_CHANGED = "archive_settings", _("Changed the archive settings")
    RETENTION_CHANGED = "retention_settings", _("Changed the retention settings")
    SCREENING_DECIDED = "screening", _("Decided on screening")
    EXPORTED = "exported", _("Downloaded an export")
    AUDIT_PRUNED = "audit_pruned", _("Removed audit entries past their retention")


class AuditEntry(models.Model):
    """One security-relevant thing that happened: append-only, never changed or deleted from the app.

    Failed sign-ins are also what the throttle counts (`tenants.signin`), so the log and the
    lockout can never disagree.
    """

    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The name given at a failed sign-in (there may be no such person), or a system's name.
    actor_label = models.CharField(_("who"), max_length=150, blank=True)
    address = models.GenericIPAddressField(_("from"), null=True, blank=True)
    action = models.CharField(_("what"), max_length=30, choices=AuditAction.choices)
    # What it was about, in the action's own terms (a user name, an account id ...).
    subject = models.CharField(_("about"), max_length=200, blank=True)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["action", "subject", "at"], name="audit_subject_idx"),
            models.Index(fields=["action", "address", "at"], name="audit_address_idx"),
        ]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.action} {self.actor_label or self.actor_id} {self.subject}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ValueError("the audit log is append-only: an entry is never changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("the audit log is append-only: an entry is never deleted")


# Sign-on and the second factor live in their own module; importing it here registers the models.
from somevakt.tenants.identity import SecondFactor, SecondFactorRule, SignOn, SignOnIdentity  # noqa: E402, F401
from somevakt.tenants.language import LanguageChoice  # noqa: E402, F401
