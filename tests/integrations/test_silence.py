from datetime import timedelta

from django.utils import timezone

from somevakt.integrations.silence import check_silent_accounts
from somevakt.registry.models import AccountAlert, AccountState, AlertKind


def test_it_raises_one_alert_for_an_active_account_silent_longer_than_usual(account) -> None:
    now = timezone.now()
    account.last_delivery_at = now - timedelta(days=5)
    account.save()
    [alert] = check_silent_accounts(now)
    assert (alert.kind, alert.account, alert.municipality) == (
        AlertKind.SILENT,
        account,
        account.municipality,
    )
    assert check_silent_accounts(now + timedelta(minutes=15)) == []
    assert AccountAlert.objects.filter(resolved_at__isnull=True).count() == 1


def test_it_resolves_the_alert_when_something_arrives(account) -> None:
    now = timezone.now()
    account.last_delivery_at = now - timedelta(days=5)
    account.save()
    check_silent_accounts(now)
    account.last_delivery_at = now
    account.save()
    check_silent_accounts(now + timedelta(minutes=1))
    assert AccountAlert.objects.get().resolved_at is not None


def test_it_respects_the_accounts_usual_quiet_spell_and_state(account, file_account) -> None:
    now = timezone.now()
    account.last_delivery_at = now - timedelta(days=5)
    account.quiet_spell = timedelta(days=7)
    account.save()
    assert check_silent_accounts(now) == []
    account.quiet_spell = timedelta(hours=1)
    account.state = AccountState.CLOSED_TEMPORARILY
    account.save()
    file_account.last_delivery_at = now - timedelta(days=50)
    file_account.save()
    assert check_silent_accounts(now) == []
