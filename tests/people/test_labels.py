"""Every finding code and verdict the self-check can show has words for people."""

from __future__ import annotations

from somevakt.people.labels import VERDICT_COLORS, VERDICT_LABELS
from somevakt.policy.codes import FINDING_CODES
from somevakt.policy.decision import OUTGOING_ACTIONS
from somevakt.policy.labels import CODE_LABELS, code_label


def test_it_names_every_finding_code_and_verdict() -> None:
    assert set(CODE_LABELS) == set(FINDING_CODES)
    assert set(VERDICT_LABELS) == set(VERDICT_COLORS) == set(OUTGOING_ACTIONS)


def test_it_shows_an_unknown_code_as_it_is() -> None:
    assert code_label("new.code") == "new.code"
    assert code_label("private.work_email") == "Jobbens e-postadresse"
