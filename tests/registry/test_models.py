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
    # The same id on another platform is another account.
    Account.objects.create(
        municipality=account.municipality, platform="instagram", external_id="111222333", name="x"
    )
    # One page belongs to one municipality (issue 17), until it is retired there.
    with pytest.raises(IntegrityError), transaction.atomic():
        Account.objects.create(
            municipality=other_municipality, platform="facebook", external_id="111222333", name="x"
        )
    Account.objects.filter(pk=account.pk).update(state="retired")
    Account.objects.create(
        municipality=other_municipality, platform="facebook", external_id="111222333", name="x"
    )


def test_every_path_that_adds_an_account_refuses_another_municipalitys_page(
    account, other_municipality, outsider
) -> None:
    from somevakt.registry import lifecycle
    from somevakt.registry.services import AccountTaken, Actor, add_account
    from tests.factories import logged_in
    from tests.registry.test_account_command import run

    with pytest.raises(AccountTaken) as taken:
        add_account(other_municipality, "facebook", "111222333", "Kapret", approver=Actor(label="test"))
    # Said without naming the other municipality (tenants never learn of each other).
    assert "en annen kommune" in str(taken.value) and account.municipality.name not in str(taken.value)
    with pytest.raises(lifecycle.Refused):
        lifecycle.create_planned(
            other_municipality, "facebook", "111222333", "Kapret", Actor(person=outsider), {}
        )
    output, code = run(
        "add",
        "--municipality",
        other_municipality.slug,
        "--platform",
        "facebook",
        "--external-id",
        "111222333",
        "--name",
        "Kapret",
    )
    assert code == 2 and "annen kommune" in output
    page = logged_in(outsider).post(
        f"/{other_municipality.slug}/kontoer/ny/",
        {"platform": "facebook", "external_id": "111222333", "name": "Kapret"},
    )
    assert page.status_code in (400, 409)
    assert Account.objects.filter(external_id="111222333").count() == 1


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
