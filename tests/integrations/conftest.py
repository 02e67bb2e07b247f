"""Integration fixtures on top of the base fixture: official accounts on each platform, the
Meta app secret, and `/hooks/meta` routed even before the project's URLconf mounts it."""

from __future__ import annotations

import json

import pytest

from somevakt.integrations.base import Credentials
from somevakt.integrations.deliveries import store_meta_delivery
from somevakt.registry.models import Delivery
from somevakt.registry.services import Approver, add_account, set_credentials

APP_SECRET = "test-app-secret"
VERIFY_TOKEN = "test-verify-token"
PAGE = "111222333"
INSTAGRAM = "17841400000000999"
MASTODON = "110000000000000202"


def store(payload) -> Delivery:
    """A Meta delivery stored as the webhook stores it."""
    return store_meta_delivery(json.dumps(payload).encode())


@pytest.fixture(autouse=True)
def meta_settings(settings):
    settings.META_APP_SECRET = APP_SECRET
    settings.META_VERIFY_TOKEN = VERIFY_TOKEN
    settings.PLATFORM_RETRY_BACKOFF = 0.0
    return settings


@pytest.fixture
def account(municipality, top_unit, owner):
    made, _ = add_account(
        municipality,
        "facebook",
        PAGE,
        "Prøvekommune",
        approver=Approver(label="test"),
        unit=top_unit,
        responsible=owner,
    )
    return made


@pytest.fixture
def instagram_account(municipality):
    made, _ = add_account(
        municipality, "instagram", INSTAGRAM, "Prøvekommune", approver=Approver(label="test")
    )
    return made


@pytest.fixture
def mastodon_account(municipality):
    made, _ = add_account(municipality, "mastodon", MASTODON, "Prøvekommune", approver=Approver(label="test"))
    return made


@pytest.fixture
def file_account(municipality):
    made, _ = add_account(municipality, "file", "eksport-1", "Eksport", approver=Approver(label="test"))
    return made


def with_credentials(account, token: str, base_url: str = ""):
    set_credentials(account, Credentials(token=token, base_url=base_url))
    return account
