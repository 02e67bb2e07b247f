"""Silent failure is the worst failure: an active account that has received nothing for longer
than its usual quiet spell raises an alert, shown to communications staff on the accounts page.
The alert is resolved by itself once something arrives again."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format

from somevakt.registry.models import Account, AccountAlert, AccountState, AlertKind


def check_silent_accounts(now: datetime | None = None) -> list[AccountAlert]:
    """Raise an alert for each newly silent account and resolve those that are heard again."""
    now = now or timezone.now()
    raised = []
    open_alerts = {
        alert.account_id: alert
        for alert in AccountAlert.objects.filter(kind=AlertKind.SILENT, resolved_at__isnull=True)
    }
    for account in Account.objects.filter(state=AccountState.ACTIVE).exclude(platform="file"):
        silent = account.is_silent(now)
        alert = open_alerts.get(account.pk)
        if silent and alert is None:
            since = account.last_delivery_at or account.approved_at or account.created_at
            raised.append(
                AccountAlert.objects.create(
                    municipality_id=account.municipality_id,
                    account=account,
                    kind=AlertKind.SILENT,
                    message=(
                        f"Nothing has arrived from {account} since "
                        f"{date_format(timezone.localtime(since), 'SHORT_DATETIME_FORMAT')}: check the "
                        "webhook subscription and the access token."
                    ),
                    raised_at=now,
                )
            )
        elif not silent and alert is not None:
            alert.resolved_at = now
            alert.save(update_fields=["resolved_at"])
    return raised
