"""Posts for the official accounts, their media, and the photo-consent register (DESIGN.md §3)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from somevakt.registry.models import Account
from somevakt.tenants.models import TenantOwned

USER = settings.AUTH_USER_MODEL


class Use(models.TextChoices):
    """What a consent allows a picture to be used for: the standard form's three boxes."""

    SOCIAL_MEDIA = "social_media", _("Social media")
    WEBSITE = "website", _("Website")
    PRINT = "print", pgettext_lazy("use of a picture", "Print")


class Consent(TenantOwned):
    """One consent on the municipality's standard form: a person or a group, for named uses and
    a period, given by the person or a guardian; withdrawn by setting `withdrawn_at` (never deleted)."""

    class Subject(models.TextChoices):
        PERSON = "person", _("A person")
        GROUP = "group", _("A group")

    class GivenBy(models.TextChoices):
        PERSON = "person", _("The person")
        GUARDIAN = "guardian", _("A guardian")

    subject = models.CharField(_("who"), max_length=10, choices=Subject.choices, default=Subject.PERSON)
    name = models.CharField(_("name or group"), max_length=200)
    pictures = models.TextField(_("which pictures"), blank=True)
    uses = models.JSONField(_("uses"), default=list)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    given_by = models.CharField(_("given by"), max_length=10, choices=GivenBy.choices, default=GivenBy.PERSON)
    guardian_name = models.CharField(_("guardian's name"), max_length=200, blank=True)
    form = models.FileField(_("signed form"), upload_to="consents/%Y/", blank=True)
    registered_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    registered_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    withdrawal_note = models.TextField(blank=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        return self.name

    def covers(self, use: str, on: dt.date | None = None) -> bool:
        """Whether the consent allows `use` on the day `on` (today by default)."""
        on = on or timezone.localdate()
        return (
            use in self.uses
            and self.withdrawn_at is None
            and self.valid_from <= on
            and (self.valid_until is None or on <= self.valid_until)
        )

    @property
    def lapsed(self) -> bool:
        """Withdrawn, or past its last day."""
        return self.withdrawn_at is not None or (
            self.valid_until is not None and self.valid_until < timezone.localdate()
        )

    def use_labels(self) -> list[str]:
        return [str(Use(u).label) for u in self.uses if u in Use.values]


class MediaAsset(TenantOwned):
    """An uploaded picture, stored without its metadata (EXIF, GPS), with what it shows."""

    file = models.FileField(_("picture"), upload_to="media/%Y/")
    content_type = models.CharField(max_length=40)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    original_name = models.CharField(max_length=200, blank=True)
    alt_text = models.TextField(_("alternative text"))
    # The upload carried a GPS position, which was removed before the file was stored.
    gps_removed = models.BooleanField(default=False)
    shows_people = models.BooleanField(_("identifiable people"), default=False)
    group = models.CharField(_("group shown"), max_length=200, blank=True)
    consents = models.ManyToManyField(Consent, blank=True, related_name="assets", verbose_name=_("consents"))
    shows_colleagues = models.BooleanField(_("colleagues"), default=False)
    shows_pupils = models.BooleanField(_("pupils"), default=False)
    shows_patients = models.BooleanField(_("patients or service users"), default=False)
    photographer = models.CharField(_("photographer"), max_length=200, blank=True)
    photographer_permission = models.BooleanField(_("the photographer has given permission"), default=False)
    uploaded_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("picture")
        verbose_name_plural = _("pictures")

    def __str__(self) -> str:
        return self.original_name or f"#{self.pk}"

    def consent_covers(self, use: str = Use.SOCIAL_MEDIA, on: dt.date | None = None) -> bool:
        """A picture of identifiable people needs at least one consent, and every consent linked
        to it must still allow `use` (a withdrawn one is not made good by another)."""
        if not self.shows_people:
            return True
        consents = list(self.consents.all())
        return bool(consents) and all(c.covers(use, on) for c in consents)


class PostState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    FAILED = "failed", _("Failed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Post(TenantOwned):
    """A post for one or more official accounts; published once per account (`PostTarget`)."""

    text = models.TextField(_("text"))
    link = models.URLField(_("link to the website"), max_length=500, blank=True)
    no_link_reason = models.TextField(_("why no link to the website is needed"), blank=True)
    media = models.ManyToManyField(MediaAsset, blank=True, related_name="posts", verbose_name=_("pictures"))
    accounts = models.ManyToManyField(
        Account, through="PostTarget", related_name="posts", verbose_name=_("accounts")
    )
    publish_at = models.DateTimeField(_("publish at"), null=True, blank=True)
    # The worker waits for the office to open when the scheduled time falls outside office hours.
    office_hours_only = models.BooleanField(_("only in office hours"), default=False)
    state = models.CharField(max_length=12, choices=PostState.choices, default=PostState.DRAFT)
    created_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    approved_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)
    # Who asked for it to go out: the crisis gate and the check at publishing time are theirs.
    scheduled_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # The last check of the link: the HTTP status it answered with (0: it did not answer).
    link_status = models.PositiveSmallIntegerField(null=True, blank=True)
    link_checked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["state", "publish_at"], name="post_due_idx")]
        verbose_name = _("post")
        verbose_name_plural = _("posts")

    def __str__(self) -> str:
        return self.text[:60]


class TargetState(models.TextChoices):
    PENDING = "pending", _("Waiting")
    SENDING = "sending", _("Being sent")
    DONE = "done", _("Published")
    FAILED = "failed", _("Failed")
    REMOVED = "removed", _("Removed from the platform")


class PostTarget(models.Model):
    """The post on one account: its platform state, id and permalink."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="targets")
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="post_targets")
    state = models.CharField(max_length=10, choices=TargetState.choices, default=TargetState.PENDING)
    # Sent with the request where the platform honours one (Mastodon), so a retry never posts twice.
    idempotency_key = models.UUIDField(default=uuid.uuid4, editable=False)
    # What the platform has made on the way (an Instagram container, Mastodon media ids), kept so
    # a retry goes on from there instead of starting again.
    progress = models.JSONField(default=dict, blank=True)
    platform_id = models.CharField(max_length=100, blank=True)
    permalink = models.URLField(max_length=500, blank=True)
    failure = models.CharField(max_length=20, blank=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    attempted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    removed_at = models.DateTimeField(null=True, blank=True)
    # Why the post stays on the platform although a consent behind it has lapsed.
    kept_reason = models.TextField(blank=True)
    kept_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["post", "pk"]
        constraints = [models.UniqueConstraint(fields=["post", "account"], name="post_target_once")]

    def __str__(self) -> str:
        return f"{self.post_id} on {self.account_id}"


class PostEventType(models.TextChoices):
    DRAFTED = "drafted", _("Drafted")
    EDITED = "edited", _("Edited")
    CHECKED = "checked", _("Checked")
    APPROVED = "approved", _("Approved")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    FAILED = "failed", _("Failed")
    RETRIED = "retried", _("Asked again")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    REMOVED = "removed", _("Removed from the platform")
    KEPT = "kept", _("Kept although a consent lapsed")
    TO_CRISIS = "to_crisis", _("Sent to crisis management")


class PostEvent(models.Model):
    """One thing that happened to a post: append-only, never updated or deleted."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="events")
    type = models.CharField(max_length=12, choices=PostEventType.choices)
    actor = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    actor_label = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(default=timezone.now)
    reason = models.TextField(blank=True)
    clauses = models.JSONField(default=list, blank=True)
    payload = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["post", "at", "pk"]
        verbose_name = _("post event")
        verbose_name_plural = _("post events")

    def __str__(self) -> str:
        return f"{self.post_id} {self.type} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("post events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValueError("post events are append-only")


class PublishingSettings(TenantOwned):
    """What the municipality itself asks for beyond its guideline."""

    second_approval = models.BooleanField(_("a second person approves every post"), default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["municipality"], name="publishing_settings_once")]
