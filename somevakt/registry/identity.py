"""Identity checks: does the account's public information text say what the guideline asks
(issue 13)? Hustadvika 2j and Båtsfjord 4.3: that it belongs to the municipality; Gausdal
(offisielle-kontoer-1): the rules on response time stated on the channel itself. The pack says
which (`roles.account.identity`). The text is read from the platform where it shows it (the
integrations' weekly job `integrations.identity_checks`), otherwise a person confirms what the
profile says, with the date recorded. Each check is in the account's history.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy

from somevakt.policy.packs import load_pack
from somevakt.registry import lifecycle
from somevakt.registry.models import Account, AccountEventType
from somevakt.registry.services import Actor
from somevakt.tenants.models import Municipality

# How often an account's text is checked again.
INTERVAL = dt.timedelta(days=7)
PLATFORM, PERSON = "platform", "person"
UNCHECKED_LABEL = gettext_lazy("Profile text not checked yet")
# Accounts in use are checked; one being planned has no profile yet, a retired one no longer.
CHECKED_STATES = ("active", "closed_temporarily")
PROBLEM_LABELS = {
    "names_municipality": gettext_lazy(
        "The profile text does not say that the account belongs to the municipality"
    ),
    "states_response_rules": gettext_lazy("The profile text does not state the rules on response time"),
}
# Words that say when an answer comes ("vi svarer innen én virkedag", "svar på hverdager").
_ANSWER = re.compile(r"\bsvar\w*", re.IGNORECASE)
_WHEN = re.compile(
    r"\b(virkedag\w*|arbeidsdag\w*|yrkedag\w*|kvardag\w*|hverdag\w*|innan|innen|timar|timer|døgn\w*|"
    r"kontortid\w*|arbeidstid\w*|opningstid\w*|åpningstid\w*)\b",
    re.IGNORECASE,
)


def requirements(account: Account) -> tuple[str, ...]:
    return _required_by(account.municipality.policy_pack)


def _required_by(pack_slug: str) -> tuple[str, ...]:
    rules = load_pack(pack_slug).roles.account.identity
    return tuple(rules.requires) if rules else ()


def problems(account: Account, text: str) -> list[str]:
    """What the text lacks of what the pack asks (keys of PROBLEM_LABELS)."""
    found = []
    folded = text.casefold()
    for requirement in requirements(account):
        if requirement == "names_municipality":
            place = account.municipality.name.casefold().removesuffix(" kommune").strip()
            if place not in folded or "kommune" not in folded:
                found.append(requirement)
        elif requirement == "states_response_rules":
            if not (_ANSWER.search(text) and _WHEN.search(text)):
                found.append(requirement)
    return found


def due(account: Account, now: dt.datetime | None = None) -> bool:
    """Whether the account's text is to be checked (again)."""
    if account.state not in CHECKED_STATES or not requirements(account):
        return False
    last = account.info_checked_at
    return last is None or last + INTERVAL <= (now or timezone.now())


def due_accounts(now: dt.datetime | None = None) -> QuerySet[Account]:
    """The accounts `due` says are to be checked, chosen by the database."""
    asking = [
        slug
        for slug in Municipality.objects.values_list("policy_pack", flat=True).distinct()
        if _required_by(slug)
    ]
    checked_before = (now or timezone.now()) - INTERVAL
    return Account.objects.filter(
        Q(info_checked_at__isnull=True) | Q(info_checked_at__lte=checked_before),
        state__in=CHECKED_STATES,
        municipality__policy_pack__in=asking,
    )


@transaction.atomic
def record_check(account: Account, text: str, source: str, person: Any = None) -> list[str]:
    """Keep the text as the platform or a person says it reads now, and what it lacks."""
    account = Account.objects.select_for_update().get(pk=account.pk)
    found = problems(account, text)
    account.info_text = text.strip()[:5000]
    account.info_checked_at = timezone.now()
    account.info_checked_source = source
    account.info_checked_by = person
    account.save(update_fields=["info_text", "info_checked_at", "info_checked_source", "info_checked_by"])
    rules = load_pack(account.municipality.policy_pack).roles.account.identity
    lifecycle.record(
        account,
        AccountEventType.IDENTITY_CHECKED,
        Actor(person=person, label="" if person else "platform"),
        clauses=[rules.clause] if rules else [],
        payload={"source": source, "problems": found},
    )
    return found


def current_problems(account: Account) -> list[str]:
    """What the last checked text lacks; nothing before the first check (that is `due`)."""
    if account.info_checked_at is None:
        return []
    return problems(account, account.info_text)
