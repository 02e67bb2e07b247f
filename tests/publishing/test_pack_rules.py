"""The packs' `roles.publishing`: who publishes, second approval, the photographer's permission."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from somevakt.policy.packs import load_pack
from somevakt.policy.schema import PublishingRules


def test_it_reads_the_photographer_rule_from_batsfjords_pack():
    rules = load_pack("batsfjord").roles.publishing
    assert rules.photographer_permission
    assert rules.clause == "batsfjord:4.4-fotograf"
    assert rules.roles == ("communications",)


@pytest.mark.parametrize("slug", ["gausdal", "hustadvika", "romskog"])
def test_it_gives_packs_without_a_rule_the_defaults(slug):
    rules = load_pack(slug).roles.publishing
    assert rules == PublishingRules()
    assert not rules.second_approval and not rules.photographer_permission and rules.account_admins


def test_it_refuses_an_unknown_role():
    with pytest.raises(ValidationError, match="unknown role"):
        PublishingRules(roles=("webmaster",))
    with pytest.raises(ValidationError, match="unknown role"):
        PublishingRules(second_approval=True, approved_by=("boss",))
