"""The tone of a threat, group hate or personal attack is negative (issue 12: the challenge sets'
writers name such a text `tone.negative` too), whatever the classifier's complaint score says."""

from __future__ import annotations

from typing import Any

import pytest

from somevakt.analysis.abuse import AbuseAnalyser
from somevakt.analysis.base import Document
from somevakt.analysis.registry import analyse, analyse_many
from somevakt.analysis.tone import ToneAnalyser

ATTACKS = {"abuse.threat", "abuse.hate", "abuse.insult"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the comment classifier gives each of these a complaint score under 0.03
        ("Du er en udugelig idiot, Per, og alle på teknisk vet det.", "comment"),
        ("Muslimer hører ikke hjemme i denne bygda, send dem tilbake.", "comment"),
        ("Eg veit kor du bur, Kari. Pass deg.", "comment"),
        ("Neste gang jeg ser saksbehandleren på butikken skal han få svi, det lover jeg.", "comment"),
        # the municipality's own reply putting the reader down (the sentence model hears no tone)
        ("Du har tydeligvis ikke peiling på hvordan dette fungerer. Hilsen Ola", "reply"),
    ],
)
def test_an_attack_is_said_in_a_negative_tone(text: str, kind: str) -> None:
    doc = Document(text, kind)
    found = {f.code for f in AbuseAnalyser().analyse(doc)} & ATTACKS
    assert found, "the example must be an attack the abuse analyser finds"
    negative = [f for f in ToneAnalyser().analyse(doc) if f.code == "tone.negative"]
    assert len(negative) == 1
    assert (negative[0].start, negative[0].end) == (0, len(text))
    assert negative[0].detail == {"by": "abuse", "codes": sorted(found)}


@pytest.mark.parametrize(
    "text",
    [
        # obscenity alone says nothing of the tone (an obscene attack is an insult as well)
        "Du ser så sexy ut i uniformen, vil gjerne ta deg med hjem 😘",
        # swearing in praise is no abuse
        "fy faen for en flott konsert i går, takk!",
    ],
)
def test_obscenity_and_swearing_alone_do_not_make_the_tone_negative(text: str) -> None:
    doc = Document(text, "comment")
    assert not {f.code for f in AbuseAnalyser().analyse(doc)} & ATTACKS
    assert all(f.detail.get("by") != "abuse" for f in ToneAnalyser().analyse(doc))


def test_the_abuse_findings_are_made_once_for_abuse_and_tone(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    made = AbuseAnalyser._plan

    def counted(self: AbuseAnalyser, doc: Document) -> Any:
        calls.append(doc.text)
        return made(self, doc)

    monkeypatch.setattr(AbuseAnalyser, "_plan", counted)
    result = analyse("Du er en udugelig idiot, Per.", only=("abuse", "tone"))
    assert calls == ["Du er en udugelig idiot, Per."]
    # ...and in the batch path, where the abuse analyser makes them before tone asks
    texts = ["Du er en udugelig idiot, Kari.", "Takk for hjelpa!"]
    assert [r.findings for r in analyse_many(texts, only=("abuse", "tone"))] == [
        analyse(t, only=("abuse", "tone")).findings for t in texts
    ]
    assert calls[1:3] == texts and len(calls) == 5
    assert {"abuse.insult", "tone.negative"} <= {f.code for f in result.findings}


@pytest.mark.parametrize(
    "text",
    [
        # the classifier hears praise in these over its praise threshold (0.9.0: 0.38 in the second;
        # 0.10.0, tried in session 18 and not kept, 0.24 in the first)
        "The guy at the harbour office who fined my boat trailer should watch his back. Long dark roads"
        " out here.",
        "Takk for svar. Bra jobba. Men en dag står du alene i mørket, da skal vi snakkes.",
    ],
)
def test_an_attack_is_no_praise_whatever_else_it_says(text: str) -> None:
    doc = Document(text, "comment")
    assert {f.code for f in AbuseAnalyser().analyse(doc)} & ATTACKS
    assert "tone.praise" not in {f.code for f in ToneAnalyser().analyse(doc)}
