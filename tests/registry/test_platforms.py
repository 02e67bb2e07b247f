"""The account's platform choices are the one list of platforms, with the values stored before."""

from __future__ import annotations

from django.utils import translation

from somevakt.registry.models import Account, Platform
from somevakt.registry.platforms import PLATFORMS


def test_it_takes_the_choices_from_the_one_list() -> None:
    assert Platform.values == list(PLATFORMS) == ["facebook", "instagram", "mastodon", "file"]
    assert Account._meta.get_field("platform").choices == Platform.choices


def test_it_keeps_a_member_per_platform_named_by_its_key() -> None:
    assert Platform.MASTODON == "mastodon"
    assert Platform.FILE.label == PLATFORMS["file"].name


def test_it_translates_only_what_is_not_a_brand_name() -> None:
    with translation.override("nb"):
        assert dict(Platform.choices) == {
            "facebook": "Facebook",
            "instagram": "Instagram",
            "mastodon": "Mastodon",
            "file": "Filimport",
        }
