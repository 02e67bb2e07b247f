"""The one table of finding labels and the one of action words: complete, in every language."""

from __future__ import annotations

import pytest

from somevakt.policy.codes import (
    ACTIONS,
    FINDING_CODES,
    INBOUND_PRECEDENCE,
    OUTGOING_PRECEDENCE,
    SECONDARY_ACTIONS,
)
from somevakt.policy.decision import INBOUND_ACTIONS, OUTGOING_ACTIONS
from somevakt.policy.labels import (
    LANGUAGES,
    action_label,
    action_labels,
    code_label,
    in_sentence,
    language_of,
)


def test_it_lists_the_actions_of_the_design_once() -> None:
    assert INBOUND_ACTIONS == (
        "none",
        "thank",
        "reply",
        "refer_formal",
        "refer_political",
        "escalate_manager",
        "escalate_crisis",
        "hide",
        "delete",
    )
    assert OUTGOING_ACTIONS == ("ok", "revise", "block")
    assert ACTIONS == INBOUND_ACTIONS + OUTGOING_ACTIONS


def test_it_ranks_every_action_and_only_those() -> None:
    assert sorted(INBOUND_PRECEDENCE) == sorted(INBOUND_ACTIONS)
    assert sorted(OUTGOING_PRECEDENCE) == sorted(OUTGOING_ACTIONS)
    assert set(SECONDARY_ACTIONS) <= set(INBOUND_ACTIONS)


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_has_words_for_every_action_in_every_language(language) -> None:
    words = action_labels(language)
    assert list(words) == list(ACTIONS)
    assert all(words.values())


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_it_translates_every_action_and_finding_code(language) -> None:
    english = action_labels("en")
    assert all(action_label(a, language) != english[a] for a in ACTIONS)
    assert all(code_label(c, language) != code_label(c, "en") for c in FINDING_CODES)


def test_it_shows_an_unknown_action_or_code_as_it_is() -> None:
    assert action_label("shrug") == "shrug"
    assert code_label("new.code", "en") == "new.code"


def test_it_reads_a_language_as_django_gives_it() -> None:
    assert language_of("nn") == "nn"
    assert language_of("en-gb") == "en"
    assert language_of(None) == "nb"
    assert language_of("sv") == "nb"
    assert action_label("escalate_manager", "en-gb") == "take it up with a leader"


@pytest.mark.parametrize(
    ("label", "inside"),
    [
        ("Unit leader", "unit leader"),
        ("IT", "IT"),
        ("IT-ansvarlig", "IT-ansvarlig"),
        ("E-postadresse", "e-postadresse"),
        ("Ikke signert med fornavn", "ikke signert med fornavn"),
        ("", ""),
    ],
)
def test_it_writes_a_label_in_lower_case_inside_a_sentence_unless_it_is_an_abbreviation(label, inside):
    assert in_sentence(label) == inside
