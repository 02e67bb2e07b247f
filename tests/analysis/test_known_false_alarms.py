"""False alarms of the comment classifier 0.9.0 found by probing in session 16 (they were there before
it): kind words about a group heard as hate, road-safety advice heard as a threat. Strict xfails, so a
model that fixes them says so."""

from __future__ import annotations

import pytest

from somevakt.analysis.registry import analyse


def abuse(text: str, kind: str = "comment") -> set[str]:
    return {f.code for f in analyse(text, kind).findings if f.code.startswith("abuse.")}


@pytest.mark.xfail(strict=True, reason="classifier 0.9.0: hate 0.60 ('Innvandrerne er en ...')")
def test_kind_words_about_immigrants_are_no_hate() -> None:
    assert abuse("Innvandrerne er en ressurs for bygda.") == set()


@pytest.mark.xfail(strict=True, reason="classifier 0.9.0 hears a threat in dark evenings and a reminder")
def test_a_reflector_reminder_is_no_threat() -> None:
    assert abuse("Det er mørke kvelder nå, husk refleks.") == set()


@pytest.mark.xfail(strict=True, reason="classifier 0.9.0 hears hate in an English defence of refugees")
def test_defending_refugees_in_english_is_no_hate() -> None:
    assert abuse("Refugees are not criminals, they are our neighbours.", "private") == set()


def test_kind_words_about_a_group_without_the_trap_are_clean() -> None:
    # the same kindness about a group in other words passes
    assert abuse("Polakkene gjør en kjempejobb på gårdene her.") == set()
