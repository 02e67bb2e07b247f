import pytest

from somevakt.integrations.base import Credentials
from somevakt.integrations.credentials import credentials_of, set_credentials
from somevakt.registry.models import AccountState
from somevakt.registry.services import Approver, add_account


def test_it_adds_an_account_active_and_approved_once(municipality, owner) -> None:
    first, created = add_account(municipality, "facebook", " 123 ", "Side", approver=Approver(person=owner))
    again, created_again = add_account(
        municipality, "facebook", "123", "Nytt navn", approver=Approver(label="x")
    )
    assert (created, created_again) == (True, False)
    assert again.pk == first.pk
    assert again.name == "Side"
    assert first.state == AccountState.ACTIVE
    assert first.approved_by == owner
    assert first.approved_at is not None


def test_it_records_no_approval_for_a_planned_account(municipality) -> None:
    account, _ = add_account(
        municipality,
        "instagram",
        "1",
        "Plan",
        approver=Approver(label="cli:root"),
        state=AccountState.PLANNED,
    )
    assert (account.approved_at, account.approved_by_label) == (None, "")


@pytest.mark.parametrize(("platform", "external_id"), [("tiktok", "1"), ("facebook", "  ")])
def test_it_refuses_unknown_platforms_and_empty_ids(municipality, platform, external_id) -> None:
    with pytest.raises(ValueError):
        add_account(municipality, platform, external_id, "x", approver=Approver(label="t"))


def test_it_stores_credentials_sealed(account) -> None:
    set_credentials(account, Credentials(token="EAAG-page-token"))
    account.refresh_from_db()
    assert "EAAG" not in account.sealed_credentials
    assert credentials_of(account).token == "EAAG-page-token"
    set_credentials(account, Credentials())
    assert not account.has_credentials
