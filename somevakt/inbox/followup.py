"""Is each account followed up? (Gausdal's strategy: better not to open a forum than one we cannot
follow up; issue 13.)

Once a day, for every active account, over the last 30 days: when more than half of what had
a deadline that has passed was answered late or not at all — the median answer came after
the deadline — or when something needed an answer and nothing was answered, the account gets
an alert on the accounts pages, and its responsible person and the communications role get one
e-mail when it is raised. The alert resolves itself once the account is followed up again.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from somevakt.inbox import notify
from somevakt.inbox.access import people_with_role
from somevakt.inbox.models import ItemStatus
from somevakt.registry.models import Account, AccountAlert, AccountState, AlertKind
from somevakt.tenants.roles import Role

log = logging.getLogger(__name__)
WINDOW = dt.timedelta(days=30)
KINDS = (AlertKind.LATE, AlertKind.UNANSWERED)


@dataclass(frozen=True)
class FollowUp:
    account: Account
    due: int  # items whose deadline has passed
    late: int  # of those, answered after it or not at all
    answered: int  # answered at all, deadline or not

    @property
    def kind(self) -> str:
        """Which alert the figures call for; "" when the account is followed up."""
        if self.due and not self.answered:
            return AlertKind.UNANSWERED
        if self.due and self.late * 2 > self.due:
            return AlertKind.LATE
        return ""


def assess(account: Account, now: dt.datetime) -> FollowUp:
    rows = ItemStatus.objects.filter(account=account, received_at__gte=now - WINDOW).values_list(
        "due", "answered_at"
    )
    due = late = answered = 0
    for deadline, answered_at in rows:
        answered += answered_at is not None
        if deadline is None or deadline > now:
            continue
        due += 1
        late += answered_at is None or answered_at > deadline
    return FollowUp(account, due, late, answered)


def check_follow_up(now: dt.datetime | None = None) -> int:
    """Raise or resolve the follow-up alerts of every active account; returns how many were raised."""
    now = now or timezone.now()
    raised = 0
    accounts = Account.objects.filter(state=AccountState.ACTIVE).select_related("municipality", "responsible")
    for account in accounts.iterator(chunk_size=200):
        found = assess(account, now)
        raised += _settle(found, now)
    return raised


@transaction.atomic
def _settle(found: FollowUp, now: dt.datetime) -> int:
    account = found.account
    open_alerts = AccountAlert.objects.select_for_update().filter(
        account=account, kind__in=KINDS, resolved_at__isnull=True
    )
    kinds = set(open_alerts.values_list("kind", flat=True))
    open_alerts.exclude(kind=found.kind).update(resolved_at=now)
    if not found.kind or found.kind in kinds:
        return 0
    AccountAlert.objects.create(
        municipality=account.municipality,
        account=account,
        kind=found.kind,
        message=f"{found.late} of {found.due} items past their deadline answered late or not at all; "
        f"{found.answered} answered in the last {WINDOW.days} days",
        raised_at=now,
    )
    people = {account.responsible, *people_with_role(account.municipality, Role.COMMUNICATIONS)}
    notify.send_after_commit([p for p in people if p is not None], lambda: message(found))
    log.info("inbox: %s alert on account %s", found.kind, account.pk)
    return 1


def message(found: FollowUp) -> tuple[str, str]:
    account = found.account
    subject = _("%(account)s is not followed up") % {"account": account.name}
    if found.kind == AlertKind.UNANSWERED:
        what = _("Nothing of what needed an answer on %(account)s in the last 30 days was answered.")
    else:
        what = _(
            "On %(account)s, %(late)s of %(due)s comments that needed an answer in the last 30 days "
            "were answered after their deadline or not at all."
        )
    lines = [
        what % {"account": account.name, "late": found.late, "due": found.due},
        "",
        _(
            "The guideline says it is better not to run a forum than one that is not followed up. "
            "Find out whether the account has the people it needs, or close it for a while."
        ),
        "",
        notify.account_url(account),
    ]
    return subject, "\n".join(lines)
