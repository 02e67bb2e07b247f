"""Each outbound operation is a capability a platform declares and a method of the port it implements."""

from __future__ import annotations

from dataclasses import fields

import pytest

from somevakt.inbox.ports import NOTHING, OPERATIONS, Capabilities, PlatformActions


@pytest.mark.parametrize("op", OPERATIONS)
def test_it_declares_and_implements_every_operation(op) -> None:
    assert op in {f.name for f in fields(Capabilities)}
    assert callable(getattr(PlatformActions, op))
    assert Capabilities().allows(op)
    assert not NOTHING.allows(op)


def test_it_allows_nothing_outside_the_list() -> None:
    assert not Capabilities().allows("webhook")
    assert not Capabilities().allows("fetch_recent")
