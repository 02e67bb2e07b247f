"""Is each account followed up? (issue 13, Gausdal's strategy): an alert, and one e-mail to its
responsible person and communications, when most answers in 30 days came late or none came."""

from __future__ import annotations

import datetime as dt

from django.core import mail
from django.utils import timezone

from somevakt.inbox import services
from somevakt.inbox.followup import check_follow_up
from somevakt.registry.models import AccountAlert
from tests.factories import logged_in, make_item, triage_with


def received(account, number: int, hours_ago: float, text: str = "Når åpner biblioteket?"):
    item = make_item(
        account,
        f"{account.external_id}_1_{number}",
        text,
        received_at=timezone.now() - dt.timedelta(hours=hours_ago),
    )
    triage_with(item, "intent.question")
    item.refresh_from_db()
    return item


def test_an_account_where_nothing_was_answered_is_flagged_once_and_both_are_told(
    account, owner, adviser, django_capture_on_commit_callbacks
):
    account.responsible = adviser
    account.save(update_fields=["responsible"])
    for n in range(3):
        received(account, n, hours_ago=24 * 10 + n)
    with django_capture_on_commit_callbacks(execute=True):
        assert check_follow_up() == 1
        assert check_follow_up() == 0  # raised once, not every day
    alert = AccountAlert.objects.get(account=account, resolved_at__isnull=True)
    assert alert.kind == "unanswered"
    assert [m.to for m in mail.outbox] == [[adviser.email]]  # the owner (communications) has no address
    assert "blir ikke fulgt opp" in mail.outbox[0].subject
    page = logged_in(owner).get(f"/{account.municipality.slug}/kontoer/").content.decode()
    assert 'data-alert="unanswered"' in page


def test_late_answers_flag_it_and_the_alert_resolves_once_nothing_is_late(account, owner):
    items = [received(account, n, hours_ago=24 * 12) for n in range(3)]
    for item in items[:2]:  # answered long after the deadline
        services.send_reply(item, owner, "Klokka ti. Hilsen Eva")
    assert check_follow_up() == 1
    assert AccountAlert.objects.get(resolved_at__isnull=True).kind == "late"
    # A month on, nothing in the last 30 days was late: the alert resolves itself.
    assert check_follow_up(timezone.now() + dt.timedelta(days=31)) == 0
    assert not AccountAlert.objects.filter(resolved_at__isnull=True).exists()


def test_an_account_answered_in_time_is_not_flagged(account, owner):
    item = received(account, 1, hours_ago=1)
    services.send_reply(item, owner, "Klokka ti. Hilsen Eva")
    assert check_follow_up() == 0
    assert not AccountAlert.objects.exists()
