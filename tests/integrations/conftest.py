"""Integration fixtures on top of the base fixture (and its Facebook `account`): official accounts
on the other platforms, the Meta app secret, and `/hooks/meta` routed even before the project's
URLconf mounts it."""

from __future__ import annotations

import json

import pytest

from somevakt.integrations.base import Credentials
from somevakt.integrations.credentials import set_credentials
from somevakt.integrations.deliveries import store_meta_delivery
from somevakt.integrations.models import Delivery
from tests.factories import PAGE as PAGE  # test modules import it from here
from tests.factories import make_account

APP_SECRET = "test-app-secret"
VERIFY_TOKEN = "test-verify-token"
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
def instagram_account(municipality):
    return make_account(municipality, platform="instagram", external_id=INSTAGRAM)


@pytest.fixture
def mastodon_account(municipality):
    return make_account(municipality, platform="mastodon", external_id=MASTODON)


@pytest.fixture
def file_account(municipality):
    return make_account(municipality, platform="file", external_id="eksport-1", name="Eksport")


def with_credentials(account, token: str, base_url: str = ""):
    set_credentials(account, Credentials(token=token, base_url=base_url))
    return account
