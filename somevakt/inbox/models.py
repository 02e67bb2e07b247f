"""Inbound items, their append-only event log, and the status projected from it (DESIGN.md §3).

Every change to an item is an `ItemEvent`; `ItemStatus` is what `projection.apply` makes
of the events, written in the same transaction as each event (see `inbox.events.record`).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from somevakt.inbox.projection import EVENT_TYPES, STATES, STATUS_FIELDS
from somevakt.tenants.models import TenantOwned


class ItemKind(models.TextChoices):
    COMMENT = "comment", _("Comment")
    REPLY = "reply", _("Reply in a thread")
    MESSAGE = "message", _("Direct message")
    MENTION = "mention", _("Mention")
    POST = "post", _("Visitor post")
    REVIEW = "review", _("Recommendation")


class Item(TenantOwned):
    """One inbound comment, reply, visitor post, message, mention or recommendation on an official account."""

    account = models.ForeignKey(
        "registry.Account", on_delete=models.PROTECT, related_name="items", verbose_name=_("account")
    )
    platform_id = models.CharField(_("platform id"), max_length=200)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("in reply to"),
    )
    # The parent's platform id, kept so a reply that arrives before its parent is linked later.
    parent_platform_id = models.CharField(max_length=200, blank=True)
    post_id = models.CharField(_("post"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=ItemKind.choices, default=ItemKind.COMMENT)
    author_name = models.CharField(_("author"), max_length=200, blank=True)
    author_id = models.CharField(_("author id"), max_length=200, blank=True)
    text = models.TextField(_("text"))
    permalink = models.URLField(_("link"), max_length=1000, blank=True)
    received_at = models.DateTimeField(_("received"))
    # The raw delivery that brought the item; a plain id, since deliveries belong to the
    # integrations above this app and are purged after a while (integrations.retention).
    delivery_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    # The platform's time of the newest change applied (see InboundComment.changed_at).
    platform_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["received_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["account", "platform_id"], name="item_unique_per_account")
        ]
        indexes = [
            models.Index(fields=["account", "parent_platform_id"], name="item_parent_lookup_idx"),
        ]
        verbose_name = _("item")
        verbose_name_plural = _("items")

    def __str__(self) -> str:
        return f"{self.account_id}/{self.platform_id}"

    @property
    def safe_permalink(self) -> str:
        """The link to the comment on the platform, if it is a web address (an imported file
        could carry anything, e.g. a `javascript:` URL)."""
        link = self.permalink.strip()
        return link if link.lower().startswith(("https://", "http://")) else ""


class AppendOnly(Exception):
    """An item event was about to be changed or removed: the log is append-only."""


class ItemEventQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnly("item events cannot be updated")

    def delete(self) -> tuple[int, dict[str, int]]:  # type: ignore[override]
        raise AppendOnly("item events cannot be deleted")

    def bulk_update(self, objs: Any, fields: Any, batch_size: Any = None) -> int:
        raise AppendOnly("item events cannot be updated")

    def update_or_create(self, *args: Any, **kwargs: Any) -> Any:
        raise AppendOnly("item events cannot be updated")


class ItemEvent(models.Model):
    """Something that happened to an item. Never updated, never deleted; undo is a new event."""

    municipality = models.ForeignKey("tenants.Municipality", on_delete=models.PROTECT, related_name="+")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="events")
    type = models.CharField(max_length=24, choices=[(t, t) for t in EVENT_TYPES])
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Who acted when it was not a person: "system", "worker", "platform:facebook", "cli".
    actor_label = models.CharField(max_length=100, blank=True)
    reason = models.TextField(blank=True)
    clauses = models.JSONField(default=list, blank=True)
    payload = models.JSONField(default=dict, blank=True)

    objects = ItemEventQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["item", "id"], name="itemevent_item_idx"),
            models.Index(fields=["municipality", "type", "at"], name="itemevent_type_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.item_id} {self.type} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnly("item events cannot be updated")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnly("item events cannot be deleted")

    def as_event(self) -> dict[str, Any]:
        """The plain dict `projection.apply` takes."""
        return {
            "id": self.pk,
            "type": self.type,
            "at": self.at,
            "actor_id": self.actor_id,
            "reason": self.reason,
            "clauses": list(self.clauses or []),
            "payload": dict(self.payload or {}),
        }


QUEUE_ORDER = ["municipality", "due", "received_at", "item"]


class ItemStatus(models.Model):
    """The projection of an item's events; rebuilt exactly by `somevakt rebuild-status`."""

    item = models.OneToOneField(Item, on_delete=models.CASCADE, primary_key=True, related_name="status")
    # Copied from the item so the queue is one indexed table scan.
    municipality = models.ForeignKey("tenants.Municipality", on_delete=models.CASCADE, related_name="+")
    account = models.ForeignKey("registry.Account", on_delete=models.CASCADE, related_name="+")
    received_at = models.DateTimeField()

    state = models.CharField(max_length=10, choices=[(s, s) for s in STATES], default="new")
    action = models.CharField(max_length=20, blank=True)
    also = models.JSONField(default=list, blank=True)
    codes = models.JSONField(default=list, blank=True)
    clauses = models.JSONField(default=list, blank=True)
    due = models.DateTimeField(null=True, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    escalated_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    escalated = models.BooleanField(default=False)
    hidden = models.BooleanField(default=False)
    deleted = models.BooleanField(default=False)
    open_work = models.BooleanField(default=True)
    needs_answer = models.BooleanField(default=False)
    case_processing = models.BooleanField(default=False)
    crisis = models.BooleanField(default=False)
    answered_at = models.DateTimeField(null=True, blank=True)
    triaged_at = models.DateTimeField(null=True, blank=True)
    triage_pending = models.BooleanField(default=True)
    input_hash = models.CharField(max_length=64, blank=True)
    policy_revision = models.CharField(max_length=64, blank=True)
    # Hidden or deleted content, formal inquiries and the replies to them wait for the archive.
    archive_pending = models.BooleanField(default=False)
    reminded_before = models.BooleanField(default=False)
    reminded_overdue = models.BooleanField(default=False)
    last_event_id = models.BigIntegerField(null=True, blank=True)
    events = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        # The queue: one index per filter, in the queue's order (deadline, NULLs last, then
        # oldest first), partial where the filter is, so a page and a count read only its rows.
        indexes = [
            models.Index(fields=QUEUE_ORDER, name="status_all_idx"),
            models.Index(fields=QUEUE_ORDER, name="status_open_idx", condition=models.Q(open_work=True)),
            models.Index(fields=QUEUE_ORDER, name="status_answer_idx", condition=models.Q(needs_answer=True)),
            models.Index(
                fields=QUEUE_ORDER, name="status_escalated_idx", condition=models.Q(state="escalated")
            ),
            models.Index(
                fields=QUEUE_ORDER,
                name="status_case_idx",
                condition=models.Q(case_processing=True, open_work=True),
            ),
            models.Index(
                fields=QUEUE_ORDER, name="status_crisis_idx", condition=models.Q(crisis=True, open_work=True)
            ),
            models.Index(fields=QUEUE_ORDER, name="status_hidden_idx", condition=models.Q(hidden=True)),
            models.Index(
                fields=["municipality", "assignee"],
                name="status_assignee_idx",
                condition=models.Q(open_work=True),
            ),
            models.Index(
                fields=["municipality", "escalated_to"],
                name="status_escalated_to_idx",
                condition=models.Q(open_work=True),
            ),
            models.Index(fields=["municipality", "state", "received_at"], name="status_state_idx"),
            models.Index(fields=["municipality", "received_at"], name="status_received_idx"),
            models.Index(
                fields=["updated_at"], name="status_sweep_idx", condition=models.Q(triage_pending=True)
            ),
            models.Index(
                fields=["municipality"], name="status_archive_idx", condition=models.Q(archive_pending=True)
            ),
        ]
        verbose_name = _("item status")
        verbose_name_plural = _("item statuses")

    def __str__(self) -> str:
        return f"{self.item_id}: {self.state}"

    def as_status(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in STATUS_FIELDS}
