"""Personal attacks in words the lexicon lacked (abuse 20, issue 12): "den griske jålebukken", "din
jævla kjerringfaen", "du e jo helt blåst", "han er ein sleip type". Said of nobody, the same words
are not attacks: a scandal that the pool is closed, slow case handling, a windy day. Our own
sentences."""

from __future__ import annotations

import pytest

from somevakt.analysis.registry import analyse


def codes(text: str) -> set[str]:
    return {f.code for f in analyse(text, "comment").findings}


@pytest.mark.parametrize(
    "text",
    [
        "Han Torleif i formannskapet tenkjer berre på si eiga lomme, den griske jålebukken.",
        "Svar på telefonen, din jævla kjerringfaen!",
        "@Rune Berg du e jo helt blåst om du trur det hjelper å stenge vegen",
        "Den nye økonomisjefen er en sleip type, ingen stoler på ham.",
    ],
)
def test_an_attack_in_ordinary_words_is_an_insult(text: str) -> None:
    assert "abuse.insult" in codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Det er en skandale at bassenget fortsatt er stengt.",
        "Saksbehandlingen er treig, men saksbehandleren var hyggelig.",
        "Det var så blåst i dag at søppeldunken tippa over.",
    ],
)
def test_the_same_words_said_of_nobody_are_no_insult(text: str) -> None:
    assert "abuse.insult" not in codes(text), text
