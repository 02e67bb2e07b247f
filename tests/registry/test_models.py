from datetime import UTC, datetime, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from somevakt.registry.models import Account, AccountState, Closure


def test_it_allows_one_account_per_municipality_platform_and_id(account, other_municipality) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Account.objects.create(
            municipality=account.municipality, platform="facebook", external_id="111222333", name="x"
        )
    # The same page id on another platform, or in another municipality, is another account.
    Account.objects.create(
        municipality=account.municipality, platform="instagram", external_id="111222333", name="x"
    )
    Account.objects.create(
        municipality=other_municipality, platform="facebook", external_id="111222333", name="x"
    )


def test_it_gives_closures_as_intervals_for_the_deadline_clock(account) -> None:
    start = datetime(2026, 7, 1, 8, tzinfo=UTC)
    Closure.objects.create(
        account=account, starts_at=start, ends_at=start + timedelta(days=21), notice="Sommerstengt"
    )
    assert account.closure_intervals() == [(start, start + timedelta(days=21))]


def test_it_refuses_a_closure_that_ends_before_it_starts(account) -> None:
    start = datetime(2026, 7, 1, 8, tzinfo=UTC)
    with pytest.raises(IntegrityError), transaction.atomic():
        Closure.objects.create(account=account, starts_at=start, ends_at=start)


def test_it_is_silent_only_when_active_and_quiet_longer_than_usual(account) -> None:
    now = timezone.now()
    account.last_delivery_at = now - timedelta(days=3)
    assert not account.is_silent(now)
    account.last_delivery_at = now - timedelta(days=5)
    assert account.is_silent(now)
    account.state = AccountState.RETIRED
    assert not account.is_silent(now)


def test_it_names_its_approver_person_or_system(account, owner) -> None:
    assert account.approved_by_name == "Eva Eiersen"
    account.approved_by = None
    account.approved_by_label = "cli:root"
    assert account.approved_by_name == "cli:root"
