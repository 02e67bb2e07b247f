"""What the municipality's pack says about publishing, and who may publish where.

Who publishes is the permission table's `publish` row (tenants.permissions), narrowed by the
pack's `roles.publishing.roles` the way `roles.reply` narrows replies: the roles it names publish
from every account they reach; everyone else only from the accounts they are an admin of or
responsible for. On top of that, the pack's rule on who speaks for the municipality at all
(`roles.speaking`) is the same decision replies get (`inbox.access.speaking_refusal`): Rømskog,
Båtsfjord and Hustadvika let only the accounts' administrators speak (Hustadvika also the
communications advisers), Gausdal unit leaders for their own unit and the chief executive, the
mayor and the editor for everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from somevakt.crisis.gate import active_crisis_for, speaks_for_crisis
from somevakt.inbox.access import Refusal, role_labels, speaking_refusal
from somevakt.inbox.deadlines import pack_of
from somevakt.policy.localized import Localized
from somevakt.policy.schema import Pack, PublishingRules
from somevakt.publishing.models import PublishingSettings
from somevakt.registry.models import Account
from somevakt.tenants import permissions
from somevakt.tenants.models import Membership


def rules_of(pack: Pack) -> PublishingRules:
    return pack.roles.publishing


def runs(user: Any, account: Account) -> bool:
    """Whether `user` is the account's responsible person or one of its admins."""
    return account.responsible_id == user.pk or account.admins.filter(pk=user.pk).exists()


def reach(membership: Membership, pack: Pack | None = None) -> str | None:
    pack = pack or pack_of(membership.municipality)
    return permissions.reach(membership.roles, "publish", rules_of(pack).roles)


def may_publish(membership: Membership, account: Account, pack: Pack | None = None) -> bool:
    """Whether the member may publish on `account` (draft, schedule and publish posts there)."""
    pack = pack or pack_of(membership.municipality)
    return _table_allows(membership, account, pack) and speaking_refusal(membership, account, pack) is None


def publish_refusal(membership: Membership, account: Account) -> Refusal | None:
    """The pack's refusal when its rule on who speaks for the municipality keeps the member from
    publishing on `account` (said with its clause; the publishing rules may refuse them too)."""
    return speaking_refusal(membership, account, pack_of(membership.municipality))


@dataclass(frozen=True)
class NowhereRefusal:
    """Why a member may publish on none of the municipality's accounts: the guideline's rule on
    who speaks for the municipality (its summary, in three languages) and its clauses, and who
    runs each account (whom to ask)."""

    clauses: tuple[str, ...]
    rule: Localized | None
    roles: str
    accounts: list[tuple[Account, list[Any]]]


def refusal_anywhere(membership: Membership) -> NowhereRefusal:
    """Said instead of a bare 403 when the member may publish nowhere (found walking the demo:
    Båtsfjord's unit leader, who runs no account, got a 403 without a reason)."""
    pack = pack_of(membership.municipality)
    speaking, publishing = pack.roles.speaking, rules_of(pack)
    accounts = Account.objects.filter(municipality=membership.municipality, state="active")
    runners = []
    if publishing.account_admins and (speaking is None or speaking.account_admins):
        for account in (
            accounts.select_related("responsible").prefetch_related("admins").order_by("platform", "name")
        ):
            people = [account.responsible] if account.responsible else []
            people += [p for p in account.admins.all() if p not in people]
            runners.append((account, people))
    roles = publishing.roles
    if speaking is not None:
        roles = tuple(r for r in roles if r in speaking.everything)
    clauses = (
        speaking.clauses if speaking is not None else ((publishing.clause,) if publishing.clause else ())
    )
    return NowhereRefusal(
        clauses=tuple(clauses),
        rule=speaking.summary if speaking is not None else None,
        roles=role_labels(roles),
        accounts=runners,
    )


def _table_allows(membership: Membership, account: Account, pack: Pack) -> bool:
    found = reach(membership, pack)
    if found == permissions.ALL:
        return True
    if active_crisis_for(account) is not None and speaks_for_crisis(membership.person, account):
        # During a crisis, crisis management speaks on the accounts it covers (the crisis gate).
        return True
    if found is None and not rules_of(pack).account_admins:
        return False
    return runs(membership.person, account)


def publishable_accounts(membership: Membership) -> list[Account]:
    """The municipality's accounts in use that the member may publish on."""
    pack = pack_of(membership.municipality)
    accounts = Account.objects.filter(municipality=membership.municipality, state="active").prefetch_related(
        "admins"
    )
    return [a for a in accounts.order_by("platform", "name") if may_publish(membership, a, pack)]


def may_publish_somewhere(membership: Membership) -> bool:
    return bool(publishable_accounts(membership))


def may_register_consents(membership: Membership) -> bool:
    return permissions.reach(membership.roles, "register_consent") is not None


def needs_second_approval(municipality: Any, pack: Pack | None = None) -> bool:
    """Whether a second person approves every post before it goes out: the pack asks for it, or
    the municipality itself does (its publishing settings)."""
    pack = pack or pack_of(municipality)
    if rules_of(pack).second_approval:
        return True
    return PublishingSettings.objects.filter(municipality=municipality, second_approval=True).exists()


def may_approve(membership: Membership, pack: Pack | None = None) -> bool:
    """Who approves a post: the roles the pack names (`approved_by`), else whoever publishes."""
    pack = pack or pack_of(membership.municipality)
    named = rules_of(pack).approved_by
    if named:
        return membership.has_role(*named)
    return reach(membership, pack) is not None
