"""The demo loader's archive step: a few inbox actions, so a fresh demo has entries to journal,
deliver and export.

Runs after the inbox's step has triaged the demo comments. It acts through the inbox's own
services, as a communications person of each municipality would: up to two items per action
(refer to case processing, refer to the political level, hide, delete) on what triage advised,
and one follow-up reply to a referred inquiry. The archive's hook journals each action. It also
gives each demo municipality its archive profile (organisation number; Hustadvika's entries go
after eight working hours with the proposal, the others wait for the records office). Idempotent: an item
already referred, hidden or deleted is left alone.
"""

from __future__ import annotations

import logging
from typing import Any

from somevakt.archive.models import ArchiveProfile, Hold, JournalEntry
from somevakt.inbox import services
from somevakt.inbox.deadlines import pack_of
from somevakt.inbox.models import ItemStatus
from somevakt.tenants.models import Membership
from somevakt.tenants.roles import Role

log = logging.getLogger(__name__)

# The municipalities' organisation numbers (Enhetsregisteret), for the demo's archive profiles.
ORG_NUMBERS = {
    "hustadvika": "920123899",
    "romskog": "964947082",
    "gausdal": "961399254",
    "batsfjord": "964830533",
}
# One demo municipality lets undecided entries go after a working day's wait, with somevakt's
# proposal; the others keep the default and wait for the records office's decision.
HOLD_FOR_HOURS = {"hustadvika": 8}
PER_ACTION = 2
ACTED_ON = ("refer_formal", "refer_political", "hide", "delete")
FOLLOW_UP = "Vi har fått søknaden din og behandler den. Du får svar i posten. Hilsen {fornavn}"


def _actor(municipality: Any) -> Any:
    membership = (
        Membership.objects.with_role(Role.COMMUNICATIONS)
        .filter(municipality=municipality)
        .select_related("person")
        .order_by("person__username")
        .first()
    )
    return membership.person if membership is not None else None


def _deletion_ground(item: Any, codes: list[str]) -> int | None:
    for index, ground in enumerate(services.deletion_grounds(item)):
        if set(ground.codes) & set(codes):
            return index
    return None


def _act(status: ItemStatus, person: Any) -> str | None:
    """Carry out what triage advised for one item; the action done, or None."""
    item = status.item
    pack = pack_of(item.municipality)
    first_name = (person.first_name or person.get_username()).split(" ")[0]
    if status.action == "refer_formal":
        if "hide" in (status.also or []) and not status.hidden:
            services.hide(item, person, services.suggested_hide_ground(item) or "personal_data")
        text = pack.templates.formal_referral.replace("{fornavn}", first_name)
        services.send_reply(item, person, text, purpose="refer_formal")
        return "refer_formal"
    if status.action == "refer_political" and pack.templates.political_referral:
        text = pack.templates.political_referral.replace("{fornavn}", first_name)
        services.send_reply(item, person, text, purpose="refer_political")
        return "refer_political"
    if status.action == "hide":
        services.hide(item, person, services.suggested_hide_ground(item) or "personal_data")
        return "hide"
    if status.action == "delete":
        ground = _deletion_ground(item, list(status.codes))
        if ground is not None and services.outbound.can(item, "delete"):
            services.delete(item, person, ground)
            return "delete"
        services.hide(item, person, "illegal")
        return "hide"
    return None


def load(context: Any) -> None:
    done: dict[str, int] = {}
    for slug, municipality in context.municipalities.items():
        if slug in ORG_NUMBERS:
            defaults: dict[str, Any] = {"org_number": ORG_NUMBERS[slug]}
            if slug in HOLD_FOR_HOURS:
                defaults |= {"hold": Hold.HOURS, "hold_hours": HOLD_FOR_HOURS[slug]}
            ArchiveProfile.objects.get_or_create(municipality=municipality, defaults=defaults)
        person = _actor(municipality)
        if person is None:
            continue
        counts: dict[str, int] = {}
        # The same items are chosen on every load (the first of each advised action), and an
        # item already acted on is left alone, so loading twice changes nothing.
        statuses = (
            ItemStatus.objects.filter(municipality=municipality, action__in=ACTED_ON)
            .select_related("item__account", "item__municipality")
            .order_by("received_at", "item_id")
        )
        for status in statuses:
            if counts.get(status.action, 0) >= PER_ACTION:
                continue
            if status.state not in ("new", "open", "assigned") or status.hidden or status.deleted:
                counts[status.action] = counts.get(status.action, 0) + 1  # acted on by a load before
                continue
            try:
                action = _act(status, person)
            except services.ActionRefused as exc:
                # Not counted: the next item advised the same is tried (a private message past
                # the platform's window cannot be answered, so a referral goes to a comment).
                log.info("demo archive: %s not acted on: %s", status.item_id, exc)
                continue
            counts[status.action] = counts.get(status.action, 0) + 1
            if action:
                done[action] = done.get(action, 0) + 1
        _follow_up(municipality, person)
    entries = JournalEntry.objects.filter(municipality__in=context.municipalities.values()).count()
    acted = ", ".join(f"{n} {action}" for action, n in sorted(done.items())) or "nothing new"
    context.log(f"Demo archive: {acted}; {entries} journal entries")


def _follow_up(municipality: Any, person: Any) -> None:
    """One reply to the first referred inquiry, so the demo has a journaled reply too."""
    entry = (
        JournalEntry.objects.filter(municipality=municipality, reason="refer_formal")
        .select_related("item")
        .order_by("id")
        .first()
    )
    if entry is None or entry.item.events.filter(type="replied").exists() or entry.item.status.deleted:
        return
    text = FOLLOW_UP.format(fornavn=(person.first_name or person.get_username()).split(" ")[0])
    try:
        services.send_reply(entry.item, person, text)
    except services.ActionRefused as exc:
        log.info("demo archive: follow-up reply refused: %s", exc)
