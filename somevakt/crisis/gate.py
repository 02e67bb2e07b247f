"""The crisis gate: may this person speak on this account now? (Hustadvika 1f, Rømskog, Gausdal
12, Båtsfjord 4.3.)

The inbox asks it before a reply goes out and the publishing app before a post does. While a
crisis covers an account, only crisis management speaks there — the roles the pack names in
`roles.crisis` (`declared_by` and `roles`; with `account_admins`, also the account's
responsible person and admins) — or a person holding a recorded instruction from crisis
management for that text. Everyone else gets a `Hold` whose reason they can read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.utils.functional import lazy
from django.utils.translation import gettext as _

from somevakt.crisis.models import CrisisInstruction, CrisisMode
from somevakt.policy.packs import load_pack
from somevakt.policy.schema import CrisisRules
from somevakt.tenants.models import Membership
from somevakt.tenants.roles import Role


@dataclass(frozen=True)
class Hold:
    """Why a person may not speak on an account now: the crisis, and a reason for people
    (lazily translated, so it reads in the language of whoever is shown it)."""

    crisis: CrisisMode
    reason: Any


def active_crisis_for(account: Any) -> CrisisMode | None:
    """The crisis in force for `account` now, if any."""
    crisis = (
        CrisisMode.objects.filter(municipality_id=account.municipality_id, ended_at__isnull=True)
        .select_related("declared_by")
        .first()
    )
    if crisis is None or not crisis.covers(account):
        return None
    return crisis


def active_crisis_in(municipality: Any) -> CrisisMode | None:
    """The municipality's crisis in force now, whatever its scope."""
    return (
        CrisisMode.objects.filter(municipality=municipality, ended_at__isnull=True)
        .select_related("declared_by")
        .first()
    )


def rules_of(municipality: Any) -> CrisisRules:
    return load_pack(municipality.policy_pack).roles.crisis


def roles_of(user: Any, municipality: Any) -> frozenset[str]:
    membership = (
        Membership.objects.filter(person_id=getattr(user, "pk", None), municipality=municipality)
        .prefetch_related("grants")
        .first()
    )
    return membership.roles if membership is not None else frozenset()


def is_management(user: Any, municipality: Any) -> bool:
    """Whether `user` is crisis management under the municipality's pack: declares, ends and
    instructs (`roles.crisis.declared_by`)."""
    return bool(roles_of(user, municipality) & set(rules_of(municipality).declared_by))


def speaks_for_crisis(user: Any, account: Any) -> bool:
    """Whether `user` speaks on `account` during a crisis without an instruction."""
    rules = rules_of(account.municipality)
    if roles_of(user, account.municipality) & set(rules.management()):
        return True
    if rules.account_admins and user is not None:
        return account.responsible_id == user.pk or account.admins.filter(pk=user.pk).exists()
    return False


_SPACE = re.compile(r"\s+")


def _same_text(a: str, b: str) -> bool:
    return _SPACE.sub(" ", a).strip().casefold() == _SPACE.sub(" ", b).strip().casefold()


def instruction_for(user: Any, crisis: CrisisMode, text: str = "") -> CrisisInstruction | None:
    """The person's instruction in this crisis that covers `text` (the newest first): one for a
    purpose only covers any text; one with an exact wording covers that wording."""
    if user is None or getattr(user, "pk", None) is None:
        return None
    for found in crisis.instructions.filter(given_to_id=user.pk).order_by("-given_at", "-id"):
        if not found.text or _same_text(found.text, text):
            return found
    return None


def _role_names(roles: tuple[str, ...]) -> str:
    return ", ".join(str(Role(r).label).lower() if r in Role.values else r for r in roles)


def _without_full_stop(text: str) -> str:
    # The reason sits inside brackets that end the sentence: "(… brutt.)." reads as a typo.
    text = text.strip()
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text


def _reason(crisis: CrisisMode, roles: tuple[str, ...], has_other_instruction: bool) -> str:
    declared_by = crisis.declared_by
    who = (declared_by.get_full_name() or declared_by.get_username()) if declared_by else "–"
    text = _(
        "Crisis mode is in force (declared by %(who)s: %(reason)s). While it lasts, only crisis "
        "management (%(roles)s) speaks for the municipality here, or someone with a recorded "
        "instruction from them for the text."
    ) % {"who": who, "reason": _without_full_stop(crisis.reason), "roles": _role_names(roles)}
    if has_other_instruction:
        text += " " + _("Your instruction from crisis management is for another wording than this one.")
    else:
        text += " " + _("Send your draft to the crisis team instead.")
    return text


_lazy_reason = lazy(_reason, str)


def crisis_hold(*, user: Any, account: Any, text: str = "") -> Hold | None:
    """None when `user` may speak on `account` now; otherwise the `Hold` that stops them."""
    crisis = active_crisis_for(account)
    if crisis is None or speaks_for_crisis(user, account):
        return None
    if instruction_for(user, crisis, text) is not None:
        return None
    has_other = (
        user is not None and crisis.instructions.filter(given_to_id=getattr(user, "pk", None)).exists()
    )
    return Hold(
        crisis=crisis, reason=_lazy_reason(crisis, rules_of(account.municipality).management(), has_other)
    )
