"""Official accounts, their closures, and the alerts about them that staff must look at."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from somevakt.registry.platforms import PLATFORMS
from somevakt.tenants.models import TenantOwned, Unit

# Made from the one list, so a platform is added in one place; members are named by key
# (`Platform.MASTODON == "mastodon"`) for code that needs one platform in particular.
Platform = models.TextChoices(
    "Platform", [(key.upper(), (key, p.name)) for key, p in PLATFORMS.items()], module=__name__
)


class AccountState(models.TextChoices):
    PLANNED = "planned", _("Planned")
    APPROVED = "approved", _("Approved")
    ACTIVE = "active", _("Active")
    CLOSED_TEMPORARILY = "closed_temporarily", _("Closed temporarily")
    RETIRED = "retired", _("Retired")


def default_quiet_spell() -> datetime.timedelta:
    # A long weekend with nothing posted is normal for a small municipality's page.
    return datetime.timedelta(days=4)


# The yearly review of every account (issue 13).
REVIEW_INTERVAL = datetime.timedelta(days=365)


class Account(TenantOwned):
    platform = models.CharField(_("platform"), max_length=20, choices=Platform.choices)
    external_id = models.CharField(_("platform id"), max_length=100)
    handle = models.CharField(_("handle"), max_length=150, blank=True)
    name = models.CharField(_("name"), max_length=150)
    unit = models.ForeignKey(
        Unit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="accounts",
        verbose_name=_("unit"),
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible person"),
    )
    admins = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="administered_accounts", verbose_name=_("admins")
    )
    state = models.CharField(
        _("state"), max_length=20, choices=AccountState.choices, default=AccountState.PLANNED
    )
    info_text = models.TextField(_("public info text"), blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    # Who approved when it was not a person in the database, e.g. "cli:root".
    approved_by_label = models.CharField(_("approved by (system)"), max_length=150, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    # The identity check of `info_text` (registry.identity): when, read from the platform or
    # confirmed by a person, and by whom.
    info_checked_at = models.DateTimeField(_("profile text checked"), null=True, blank=True)
    info_checked_source = models.CharField(max_length=10, blank=True)
    info_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The yearly review (issue 13): is the account still needed, is its owner still right?
    reviewed_at = models.DateTimeField(_("last reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    last_delivery_at = models.DateTimeField(_("last delivery"), null=True, blank=True)
    quiet_spell = models.DurationField(_("usual quiet spell"), default=default_quiet_spell)
    # Fernet token of the JSON credentials; see integrations.credentials. Never shown anywhere.
    sealed_credentials = models.TextField(blank=True, editable=False)
    # Where the last fetch of recent comments stopped (a Mastodon notification id, a timestamp).
    fetch_cursor = models.CharField(max_length=100, blank=True, editable=False)
    reconciled_at = models.DateTimeField(_("last reconciled"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["municipality", "platform", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "platform", "external_id"], name="account_unique_per_platform_id"
            ),
            # One page or account on a platform belongs to one municipality (issue 17): two would
            # both read its comments. A retired account lets it be registered again elsewhere.
            models.UniqueConstraint(
                fields=["platform", "external_id"],
                condition=~models.Q(state="retired"),
                name="account_one_municipality_per_platform_id",
                violation_error_message=_(
                    "This platform account is already an official account of another municipality."
                ),
            ),
        ]
        indexes = [models.Index(fields=["platform", "external_id"], name="account_platform_id_idx")]
        verbose_name = _("official account")
        verbose_name_plural = _("official accounts")

    def __str__(self) -> str:
        return f"{self.name} ({self.get_platform_display()})"

    @property
    def has_credentials(self) -> bool:
        return bool(self.sealed_credentials)

    @property
    def approved_by_name(self) -> str:
        if self.approved_by_id is not None:
            return self.approved_by.get_full_name() or self.approved_by.get_username()
        return self.approved_by_label

    def review_due(self, now: datetime.datetime | None = None) -> bool:
        """Whether the yearly review is due (registry.review): a year after the last one, or after
        approval where there was none, for an account in use."""
        if self.state not in (AccountState.ACTIVE, AccountState.CLOSED_TEMPORARILY):
            return False
        last = self.reviewed_at or self.approved_at or self.created_at
        return last + REVIEW_INTERVAL <= (now or timezone.now())

    def closure_intervals(self) -> list[tuple[datetime.datetime, datetime.datetime]]:
        """Temporary closures as [start, end) intervals, for the deadline clock (policy.worktime)."""
        return [(closure.starts_at, closure.ends_at) for closure in self.closures.all()]

    def is_silent(self, now: datetime.datetime | None = None) -> bool:
        """Active, and nothing has arrived for longer than the usual quiet spell."""
        if self.state != AccountState.ACTIVE:
            return False
        now = now or timezone.now()
        since = self.last_delivery_at or self.approved_at or self.created_at
        return since is not None and now - since > self.quiet_spell


class Closure(models.Model):
    """A period when the account is closed (e.g. Gausdal's holiday closing): the deadline clock stops."""

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="closures")
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))
    notice = models.TextField(_("notice"), blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ended_early_at = models.DateTimeField(_("ended early"), null=True, blank=True)
    ended_early_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The platform call that publishes the notice on the account (a plain id: the calls belong
    # to the integrations above this app); None where the platform cannot take one.
    notice_call_id = models.BigIntegerField(null=True, blank=True)
    # Comments turned off on the account's own posts while it lasts (Gausdal 2), where the
    # platform allows it: the call that turns them off at the start and the one that turns the
    # same posts on again at the end (plain ids, as above).
    comments_off = models.BooleanField(_("comments off while closed"), default=False)
    comments_off_call_id = models.BigIntegerField(null=True, blank=True)
    comments_on_call_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["account", "starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="closure_ends_after_start"
            )
        ]
        verbose_name = _("closure")
        verbose_name_plural = _("closures")

    def __str__(self) -> str:
        return f"{self.account}: {self.starts_at:%Y-%m-%d} – {self.ends_at:%Y-%m-%d}"


class AlertKind(models.TextChoices):
    SILENT = "silent", _("No deliveries for longer than usual")
    REJECTED_DELIVERY = "rejected_delivery", _("A delivery could not be read")
    OUTBOUND_FAILED = "outbound_failed", _("A platform call failed")
    # Gausdal's strategy: better no forum than one we cannot follow up (inbox.followup).
    LATE = "late", _("Most answers late in the last 30 days")
    UNANSWERED = "unanswered", _("Nothing answered in the last 30 days")


class AccountAlert(models.Model):
    """Something communications staff must look at; open until resolved."""

    municipality = models.ForeignKey(
        "tenants.Municipality", on_delete=models.CASCADE, null=True, blank=True, related_name="account_alerts"
    )
    account = models.ForeignKey(
        Account, on_delete=models.CASCADE, null=True, blank=True, related_name="alerts"
    )
    # The rejected delivery this alert is about; a plain id, since deliveries belong to the
    # integrations above this app (and are purged after a while).
    delivery_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    kind = models.CharField(max_length=20, choices=AlertKind.choices)
    message = models.TextField()
    raised_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-raised_at"]
        indexes = [models.Index(fields=["kind", "resolved_at"], name="alert_open_idx")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.message}"


class AccountEventType(models.TextChoices):
    CREATED = "created", _("Created")
    PLAN_SAVED = "plan_saved", _("Plan saved")
    SUBMITTED = "submitted", _("Plan sent for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Plan rejected")
    ACTIVATED = "activated", _("Activated")
    CLOSED = "closed", _("Closed temporarily")
    REOPENED = "reopened", _("Reopened")
    RETIRED = "retired", _("Retired")
    OWNERS_CHANGED = "owners_changed", _("Responsible person or admins changed")
    CLOSURE_ADDED = "closure_added", _("Closure planned")
    CLOSURE_ENDED = "closure_ended", _("Closure ended early")
    CLOSURE_CANCELLED = "closure_cancelled", _("Closure cancelled")
    COMMENTS_OFF = "comments_off", _("Comments turned off on the platform")
    COMMENTS_ON = "comments_on", _("Comments turned on again on the platform")
    REVIEWED = "reviewed", _("Yearly review")
    IDENTITY_CHECKED = "identity_checked", _("Profile text checked")


class AccountEvent(models.Model):
    """One thing that happened to an account: append-only, never updated or deleted.

    The account's history on its page is these rows; a transition of `Account.state` is
    always recorded here in the same transaction (registry.lifecycle).
    """

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="events")
    type = models.CharField(_("what"), max_length=20, choices=AccountEventType.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    # Who, when it was not a person in the database ("demo", "cli:root").
    actor_label = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)
    from_state = models.CharField(max_length=20, choices=AccountState.choices, blank=True)
    to_state = models.CharField(max_length=20, choices=AccountState.choices, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    clauses = models.JSONField(default=list, blank=True)
    payload = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["account", "at", "pk"]
        indexes = [models.Index(fields=["account", "at"], name="account_event_at_idx")]
        verbose_name = _("account event")
        verbose_name_plural = _("account events")

    def __str__(self) -> str:
        return f"{self.account_id} {self.type} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("account events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValueError("account events are append-only")

    @property
    def actor_name(self) -> str:
        if self.actor_id is not None:
            return self.actor.get_full_name() or self.actor.get_username()
        return self.actor_label


class PlanDecision(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class AccountPlan(models.Model):
    """The answers an account's guideline asks for before it is created, and the decision on them.

    The questions are the pack's (`roles.account.plan`); answers are kept by question id.
    """

    account = models.OneToOneField(Account, on_delete=models.CASCADE, related_name="plan")
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decision = models.CharField(
        _("decision"), max_length=20, choices=PlanDecision.choices, default=PlanDecision.DRAFT
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_by_label = models.CharField(max_length=150, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    # How many times the plan was sent again after a rejection.
    revisions = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("account plan")
        verbose_name_plural = _("account plans")

    def __str__(self) -> str:
        return f"plan for {self.account_id} ({self.decision})"
