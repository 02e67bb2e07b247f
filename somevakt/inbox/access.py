"""Who sees and handles the inbox, read from the one role × action table (tenants.permissions).

Employees and politicians never see it (they get 403 from the shell's `member_required`,
outsiders 404). Communications, the chief executive, crisis management and the service
office see the municipality's whole inbox; a unit leader sees the items of the accounts of
the units they lead (as leader, or as deputy while the leader is away) and of the accounts
they are responsible for or an admin of, and what is given or escalated to them. An item
outside what a person sees is 404, as if it did not exist.

Who may reply is one decision (`may(..., "reply")`), used by the item page, the reply itself and
the list of people an item can be given to: the role table's `reply` row, narrowed by the pack
where the guideline says so (`roles.reply`: Rømskog 10, Hustadvika 3g: the account's admins and
the roles named there), and then the pack's rule on who speaks for the municipality at all
(`roles.speaking`, `speaking_refusal`), which the publishing app asks too. Crisis management
speaks on the accounts a crisis covers (crisis.gate) whatever that rule says.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, Q, QuerySet

from somevakt.crisis import gate as crisis_gate
from somevakt.crisis.models import CrisisMode
from somevakt.inbox.deadlines import pack_of
from somevakt.inbox.models import ItemKind
from somevakt.policy.localized import Localized
from somevakt.registry.models import Account
from somevakt.tenants import permissions
from somevakt.tenants.access import member_required
from somevakt.tenants.models import Membership, Unit
from somevakt.tenants.roles import Role

INBOX_ROLES: tuple[str, ...] = permissions.roles_for("see")
# Who sees the response-time figures: leaders, and communications who answer for them.
LEADER_ROLES: tuple[str, ...] = (Role.UNIT_LEADER, Role.CHIEF_EXECUTIVE, Role.COMMUNICATIONS)

inbox_required = member_required(roles=INBOX_ROLES)
leader_required = member_required(roles=LEADER_ROLES)


def handlers(municipality: Any) -> QuerySet[Any]:
    """The people who may be assigned an item: members of the municipality with an inbox role."""
    return (
        get_user_model()
        .objects.filter(memberships__municipality=municipality, memberships__grants__role__in=INBOX_ROLES)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def people_with_role(municipality: Any, role: str) -> QuerySet[Any]:
    return (
        get_user_model()
        .objects.filter(memberships__municipality=municipality, memberships__grants__role=role)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def display_name(person: Any) -> str:
    if person is None:
        return ""
    return person.get_full_name() or person.get_username()


# --- what a person reaches (tenants.permissions) -------------------------------------------


def led_units(membership: Membership) -> set[int]:
    """The units the person leads now, and every unit below them.

    A leader leads their unit unless they are away; the deputy leads it while the leader is
    away or the post is empty (Unit.acting_leader).
    """
    return led_among(Unit.objects.filter(municipality_id=membership.municipality_id), membership.person_id)


def led_among(units: Iterable[Unit], person_id: int) -> set[int]:
    """`led_units` from the municipality's units at hand (one query for many people)."""
    units = list(units)
    led = {u.pk for u in units if person_id in (u.leader_id, u.deputy_id) and u.acting_leader_id == person_id}
    children: dict[int | None, list[int]] = {}
    for u in units:
        children.setdefault(u.parent_id, []).append(u.pk)
    todo = list(led)
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in led:
                led.add(child)
                todo.append(child)
    return led


def _administered(person_id: int) -> Q:
    return Q(responsible_id=person_id) | Q(admins__id=person_id)


def their_accounts(membership: Membership) -> QuerySet[Account]:
    """The accounts a unit leader's work is about: their units' accounts, and those they run."""
    return (
        Account.objects.filter(municipality_id=membership.municipality_id)
        .filter(Q(unit_id__in=led_units(membership)) | _administered(membership.person_id))
        .distinct()
    )


def role_labels(roles: Any) -> str:
    """The roles' names in the user's language ("Unit leader" is the nearest leader where a pack names it)."""
    return ", ".join(str(Role(r).label) if r in Role.values else r for r in roles)


# --- who speaks for the municipality (the pack's `roles.speaking`) ---------------------------

# The table's actions that speak for the municipality from an account.
SPEAKING_ACTIONS: tuple[str, ...] = ("reply", "publish")


@dataclass(frozen=True)
class Refusal:
    """Why the pack does not let a person speak from an account: its clauses and its reason."""

    clauses: tuple[str, ...]
    reason: Localized

    def text(self, language: str | None) -> str:
        return self.reason.text(language)


def runs_account(person_id: int, account: Account) -> bool:
    """Whether the person is the account's responsible person or one of its admins."""
    return account.responsible_id == person_id or account.admins.filter(pk=person_id).exists()


def speaking_refusal(
    membership: Membership,
    account: Account,
    pack: Any = None,
    *,
    holds: bool = False,
    led: set[int] | None = None,
) -> Refusal | None:
    """None when the pack lets the person speak for the municipality from `account` (a reply or a
    post); otherwise why not. The roles that speak about everything, the account's admins and,
    where the pack says so, the leaders of the account's unit (or a unit above it) speak;
    during a crisis, crisis management speaks on the accounts it covers.

    `holds`: the item is given or escalated to the person. Where unit leaders speak for their
    unit (Gausdal), an item someone who sees the whole inbox gave a leader is taken as their
    unit's matter, whatever account it came in on. `led`: the person's `led_units`, when the
    caller has them."""
    pack = pack if pack is not None else pack_of(membership.municipality)
    rule = pack.roles.speaking
    if rule is None or membership.roles & set(rule.everything):
        return None
    if rule.account_admins and runs_account(membership.person_id, account):
        return None
    if rule.unit_leaders:
        led = led if led is not None else led_units(membership)
        if (account.unit_id is not None and account.unit_id in led) or (holds and led):
            return None
    if crisis_gate.active_crisis_for(account) is not None and crisis_gate.speaks_for_crisis(
        membership.person, account
    ):
        return None
    return Refusal(tuple(rule.clauses), rule.reason)


def reply_refusal(membership: Membership, item: Any) -> Refusal | None:
    """The pack's refusal when the role table would let the person answer `item` but the pack's
    rule on who speaks does not (said with its clause rather than a bare 403)."""
    if not may(membership, item, "reply", speaking=False):
        return None
    return speaking_refusal(membership, item.account, holds=_holds(membership, item))


def _holds(membership: Membership, item: Any) -> bool:
    status = item.status
    return membership.person_id in (status.assignee_id, status.escalated_to_id)


def reply_rule(pack: Any) -> dict[str, Any] | None:
    """The pack's rule on who replies (`roles.reply`), for the item page to say why someone cannot."""
    rule = pack.roles.reply
    if rule is None:
        return None
    return {"role_labels": role_labels(rule.roles), "clause": rule.clause}


def stats_accounts(membership: Membership) -> QuerySet[Account] | None:
    """The accounts whose response times the person sees: all (None) when they see the whole
    inbox, else the accounts that are theirs."""
    if permissions.reach(membership.roles, "see") == permissions.ALL:
        return None
    return their_accounts(membership)


def crisis_accounts(membership: Membership) -> QuerySet[Any]:
    """The ids of the accounts a crisis holds now, where the pack names one of the person's roles
    as crisis management (the role table's `crisis` reach: Båtsfjord's mayor); none otherwise.

    A subquery, never an empty list: the queue's counts compile it to SQL, where `IN ()` cannot be
    written."""
    municipality = membership.municipality
    accounts = Account.objects.filter(municipality_id=membership.municipality_id)
    if not membership.roles & set(crisis_gate.rules_of(municipality).management()):
        return accounts.filter(pk__isnull=True).values("pk")  # a primary key is never null: none
    active = CrisisMode.objects.filter(municipality_id=membership.municipality_id, ended_at__isnull=True)
    whole = Exists(active.filter(whole_municipality=True))
    return accounts.filter(
        whole | Q(pk__in=active.filter(whole_municipality=False).values("accounts"))
    ).values("pk")


def sees_only_in_crisis(membership: Membership) -> bool:
    """Whether the person sees items only while a crisis holds (Båtsfjord's mayor): their
    empty inbox says why."""
    return permissions.reaches(membership.roles, "see") == {permissions.CRISIS}


def _in_crisis(membership: Membership, account: Any) -> bool:
    management = set(crisis_gate.rules_of(membership.municipality).management())
    return bool(membership.roles & management) and crisis_gate.active_crisis_for(account) is not None


def named_for(action: str, pack: Any) -> tuple[str, ...] | None:
    """The roles the pack names for `action` (None where it leaves it to the table)."""
    rule = None
    if action == "reply":
        rule = pack.roles.reply
    elif action == "read_private":
        rule = pack.roles.private_messages or pack.roles.reply
    return tuple(rule.roles) if rule is not None else None


def reach(membership: Membership, action: str, pack: Any = None) -> str | None:
    pack = pack if pack is not None else pack_of(membership.municipality)
    return permissions.reach(membership.roles, action, named_for(action, pack))


def reaches(membership: Membership, action: str, pack: Any = None) -> set[str]:
    pack = pack if pack is not None else pack_of(membership.municipality)
    return permissions.reaches(membership.roles, action, named_for(action, pack))


def _scope(membership: Membership, found: str | None, prefix: str) -> Q | None:
    """The items a reach covers, as a filter (None: all of them)."""
    if found == permissions.ALL:
        return None
    if found is None:
        return Q(pk__in=[])
    if found == permissions.CRISIS:
        return Q(account_id__in=crisis_accounts(membership))
    accounts = their_accounts(membership).values("pk")
    if found == permissions.ADMIN:
        return Q(account_id__in=accounts.filter(_administered(membership.person_id)))
    person = membership.person_id
    return (
        Q(account_id__in=accounts)
        | Q(**{f"{prefix}assignee_id": person})
        | Q(**{f"{prefix}escalated_to_id": person})
    )


def _scope_of(membership: Membership, found: set[str], prefix: str) -> Q | None:
    """The items any of several reaches covers: a mayor who leads a unit sees its items, and a
    crisis's besides while it holds."""
    if permissions.ALL in found:
        return None
    scopes = [_scope(membership, one, prefix) for one in sorted(found, key=permissions.RANK.__getitem__)]
    combined = Q(pk__in=[])
    for scope in scopes:
        combined |= scope  # type: ignore[operator]  # none is None below ALL
    return combined


def visible(membership: Membership, prefix: str = "") -> Q | None:
    """What the person sees, as a filter on ItemStatus (`prefix=""`) or Item (`prefix="status__"`);
    None when they see the whole inbox. Private messages only where they may read them."""
    seen = _scope_of(membership, permissions.reaches(membership.roles, "see"), prefix)
    private = _scope_of(membership, reaches(membership, "read_private"), prefix)
    if private is None:
        return seen
    kind = "kind" if prefix else "item__kind"
    not_private = ~Q(**{kind: ItemKind.MESSAGE})
    readable = not_private | private
    return readable if seen is None else seen & readable


def _relation(membership: Membership, item: Any) -> tuple[bool, bool]:
    """(runs the item's account, the item is theirs otherwise): the two facts a reach short of
    ALL asks about, looked up once."""
    account = item.account
    person_id = membership.person_id
    runs = account.responsible_id == person_id or account.admins.filter(pk=person_id).exists()
    status = item.status
    theirs = (
        status.assignee_id == person_id
        or status.escalated_to_id == person_id
        or account.unit_id in led_units(membership)
    )
    return runs, theirs


def may(
    membership: Membership,
    item: Any,
    action: str,
    pack: Any = None,
    relation: tuple[bool, bool] | None = None,
    *,
    speaking: bool = True,
    refusal: Callable[[bool], Refusal | None] | None = None,
) -> bool:
    """Whether the person may do `action` on `item` (tenants.permissions.TABLE); an action that
    speaks for the municipality also needs the pack's rule on who speaks (`speaking=False`: the
    table alone). `refusal`: that rule's answer for this person and item, given whether they
    hold the item, when the caller asks it once for several actions or people."""
    found = reach(membership, action, pack)
    if found is None:
        return False
    if found == permissions.CRISIS:
        return _in_crisis(membership, item.account)
    if found == permissions.ALL:
        allowed = True
    else:
        runs, theirs = relation if relation is not None else _relation(membership, item)
        allowed = runs if found == permissions.ADMIN else runs or theirs
    if allowed and speaking and action in SPEAKING_ACTIONS:
        holds = _holds(membership, item) if relation is None else relation[1]
        if refusal is None:
            allowed = speaking_refusal(membership, item.account, pack, holds=holds) is None
        else:
            allowed = refusal(holds) is None
    if not allowed and permissions.CRISIS in reaches(membership, action, pack):
        # A second role reaching a crisis's items (a mayor who also leads a unit).
        return _in_crisis(membership, item.account)
    return allowed


def allowed(membership: Membership, item: Any) -> tuple[dict[str, bool], Refusal | None]:
    """Every action of the table on this item, for the item page to offer only what is allowed,
    and `reply_refusal`: the pack's rule on who speaks asked once for all of them."""
    pack = pack_of(item.municipality)
    relation: list[tuple[bool, bool]] = []
    # The person holds the item or not (`_holds`, or the relation's "theirs", which adds only the
    # units they lead: where that counts, the rule lets them speak either way), so one answer.
    asked: list[Refusal | None] = []

    def refusal(holds: bool) -> Refusal | None:
        if not asked:
            asked.append(speaking_refusal(membership, item.account, pack, holds=_holds(membership, item)))
        return asked[0]

    def related() -> tuple[bool, bool] | None:
        if not relation:
            relation.append(_relation(membership, item))
        return relation[0]

    def check(action: str, speaking: bool = True) -> bool:
        chosen = None if reach(membership, action, pack) in (None, permissions.ALL) else related()
        return may(membership, item, action, pack, chosen, speaking=speaking, refusal=refusal)

    found = {action: check(action) for action in permissions.ACTIONS}
    return found, refusal(False) if check("reply", speaking=False) else None


def assignable(item: Any) -> list[Any]:
    """The people an item may be given to: those who could answer it once they hold it (the same
    decision as `may(..., "reply")`, with the item theirs)."""
    pack = pack_of(item.municipality)
    account = item.account
    runs = {account.responsible_id, *account.admins.values_list("pk", flat=True)}
    memberships = {
        m.person_id: m
        for m in Membership.objects.filter(municipality_id=item.municipality_id)
        .select_related("person", "municipality")
        .prefetch_related("grants")
    }
    units = list(Unit.objects.filter(municipality_id=item.municipality_id))

    def refusal_of(membership: Membership) -> Callable[[bool], Refusal | None]:
        return lambda holds: speaking_refusal(
            membership, account, pack, holds=holds, led=led_among(units, membership.person_id)
        )

    return [
        person
        for person in handlers(item.municipality)
        if may(
            memberships[person.pk],
            item,
            "reply",
            pack,
            relation=(person.pk in runs, True),
            refusal=refusal_of(memberships[person.pk]),
        )
    ]


def nearest_leader(account: Any, exclude: Any = None) -> Any:
    """The nearest leader for an account's items (DESIGN.md §3): the leader of the account's unit,
    or the deputy while the leader is away, or the one above when that is `exclude` (the person
    asking) or the post is empty."""
    if account.unit_id is None:
        return None
    return account.unit.nearest_leader(exclude=exclude)


# The table's action each of the item page's actions needs (an undo needs what undoes it).
ITEM_ACTIONS: dict[str, str] = {
    "claim": "reply",
    "assign": "assign",
    "reply": "reply",
    "escalate": "escalate",
    "hide": "hide",
    "unhide": "unhide",
    "delete": "delete",
    "close": "assign",
    "reopen": "assign",
    "note": "see",
    "retry": "see",
}
UNDO_ACTIONS: dict[str, str] = {
    "hidden": "unhide",
    "closed": "assign",
    "escalated": "escalate",
    "assigned": "assign",
}


def require(
    membership: Membership,
    item: Any,
    action: str,
    undoing: str | None = None,
    *,
    refusal: Callable[[bool], Refusal | None] | None = None,
) -> None:
    """PermissionDenied (403) unless the person may do the item page's `action` on `item`;
    `undoing` is the type of the event an undo reverses; `refusal` as for `may`."""
    needed = UNDO_ACTIONS.get(undoing or "", "see") if action == "undo" else ITEM_ACTIONS.get(action, "see")
    if not may(membership, item, needed, refusal=refusal):
        raise PermissionDenied
