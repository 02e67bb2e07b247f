"""Every platform in the one list has an adapter that can be imported, and it says which it is."""

from __future__ import annotations

import pytest

from somevakt.integrations.base import Adapter
from somevakt.integrations.registry import adapter_class, adapter_for, platforms_where
from somevakt.registry.platforms import PLATFORMS


@pytest.mark.parametrize("platform", list(PLATFORMS))
def test_it_imports_an_adapter_for_every_platform(platform) -> None:
    cls = adapter_class(platform)
    assert issubclass(cls, Adapter)
    assert cls.platform == platform


def test_it_refuses_an_unknown_platform_and_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match="known: facebook, file, instagram, mastodon"):
        adapter_class("myspace")


def test_it_makes_an_adapter_with_empty_credentials() -> None:
    adapter = adapter_for("mastodon", "109")
    assert adapter.external_id == "109"
    assert adapter.credentials.token == ""


def test_it_picks_platforms_by_what_their_adapters_can_do() -> None:
    assert platforms_where(lambda c: c.fetch_recent and not c.webhook) == ("mastodon",)
    assert platforms_where(lambda c: c.fetch_recent and c.webhook) == ("facebook", "instagram")


def test_it_asks_for_an_instance_url_only_where_the_api_is_on_the_accounts_own_server() -> None:
    assert [p for p in PLATFORMS if adapter_class(p).needs_instance_url] == ["mastodon"]
