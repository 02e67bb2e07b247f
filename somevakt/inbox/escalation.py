"""Escalating an item to whoever the pack names (DESIGN.md §3: `roles.difficult_cases`,
`roles.reputation_critical`, `roles.crisis`).

A `unit_leader` in the pack means the nearest leader of the item's account: the leader of
the account's unit, or the deputy while the leader is away, or the leader above when that
is the person escalating. Other roles mean everyone holding them. Nobody escalates to
themselves: a kind of case whose only person is the one escalating is offered as
unavailable, and the service refuses it, a person the pack does not name, and an unknown
kind, with a message and nothing changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from somevakt.inbox import notify
from somevakt.inbox.access import display_name, nearest_leader, people_with_role, role_labels
from somevakt.inbox.deadlines import pack_of
from somevakt.inbox.events import locked_status, record
from somevakt.inbox.models import Item, ItemEvent
from somevakt.inbox.services import ActionRefused
from somevakt.policy.localized import Localized
from somevakt.tenants.roles import Role

# A pack's `unit_leader` means the nearest leader of the account, and the form says so.
NEAREST_LEADER = gettext_lazy("Nearest leader")

# A held answer sent along with a crisis escalation is kept as written, within reason.
MAX_DRAFT = 10_000

KINDS: dict[str, Any] = {
    "difficult_cases": gettext_lazy("Difficult case"),
    "reputation_critical": gettext_lazy("Reputation-critical case"),
    "crisis": gettext_lazy("Crisis"),
}


@dataclass
class EscalationTarget:
    key: str
    label: str
    roles: tuple[str, ...]
    role_labels: str
    clause: str | None
    # The pack's note, in three languages (a template shows it with `|localized`).
    note: Localized | None
    people: list[Any] = field(default_factory=list)
    # True when the only person the pack names is the one escalating.
    only_you: bool = False


def escalation_targets(item: Item, person: Any) -> list[EscalationTarget]:
    """Where the pack sends each kind of case for this item, and who that is now (never `person`)."""
    pack = pack_of(item.municipality)
    targets = []
    for key in KINDS:
        escalation = getattr(pack.roles, key)
        named: list[Any] = []
        for role in escalation.roles:
            if role == Role.UNIT_LEADER:
                found = [nearest_leader(item.account, exclude=person)]
            else:
                found = list(people_with_role(item.municipality, role))
            named.extend(p for p in found if p is not None and p not in named)
        others = [p for p in named if person is None or p.pk != person.pk]
        targets.append(
            EscalationTarget(
                key=key,
                label=str(KINDS[key]),
                roles=tuple(escalation.roles),
                role_labels=", ".join(
                    str(NEAREST_LEADER) if r == Role.UNIT_LEADER else role_labels([r])
                    for r in escalation.roles
                ),
                clause=escalation.clause,
                note=escalation.note,
                people=others,
                only_you=bool(named) and not others,
            )
        )
    return targets


def default_target(item: Item) -> str:
    """The kind the triage points at: crisis, or the kind whose clause the triage cited."""
    status = item.status
    if status.crisis:
        return "crisis"
    roles = pack_of(item.municipality).roles
    cited = set(status.clauses or [])
    if roles.reputation_critical.clause in cited and roles.difficult_cases.clause not in cited:
        return "reputation_critical"
    return "difficult_cases"


def escalate(item: Item, person: Any, target: str, reason: str, to: Any = None, draft: str = "") -> ItemEvent:
    """Send the item to whoever the pack names for `target` (or to `to`, one of them), and tell
    them by e-mail, one message each. `draft` is an answer crisis mode held back, sent along
    for the crisis team to use."""
    found = {t.key: t for t in escalation_targets(item, person)}
    if target not in found:
        raise ActionRefused(_("Choose where the case goes."))
    chosen = found[target]
    if chosen.only_you:
        raise ActionRefused(
            _("You are the one the guideline names for this (%(roles)s); nobody else to escalate to.")
            % {"roles": chosen.role_labels}
        )
    if not chosen.people:
        raise ActionRefused(
            _("Nobody holds the role the guideline names for this (%(roles)s).")
            % {"roles": chosen.role_labels}
        )
    if to is not None and to not in chosen.people:
        raise ActionRefused(
            _("%(name)s is not whom the guideline names for this (%(roles)s).")
            % {"name": display_name(to), "roles": chosen.role_labels}
        )
    recipients = [to] if to is not None else chosen.people
    reason = reason.strip()
    draft = draft.strip()[:MAX_DRAFT]
    with transaction.atomic():
        status = locked_status(item)
        item.status = status
        if status.deleted:
            raise ActionRefused(_("The comment is deleted."))
        event = record(
            item,
            "escalated",
            actor=person,
            reason=reason,
            clauses=[chosen.clause] if chosen.clause else [],
            payload={
                "target": target,
                "roles": list(chosen.roles),
                "to_id": recipients[0].pk,
                "to_ids": [p.pk for p in recipients],
                **({"draft": draft} if draft else {}),
            },
        )
        actor_name = display_name(person)
        notify.send_after_commit(
            recipients,
            lambda: notify.escalation_message(item, actor_name, chosen.label, reason, draft),
        )
    return event
