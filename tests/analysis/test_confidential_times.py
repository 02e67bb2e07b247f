"""A role before "i" or "på" and a time ("legen på mandag", "sykepleieren i mars", "legen i morges")
is no one pointed at: the time words are those names reads (calendar_words.TIMES: weekdays, months,
seasons, holidays, parts of the day), not the shorter list confidential had ("i dag", "i går", "i
natt" ...). With a month, a weekday or a morning, a talk about a diagnosis was someone's matter.
Our own sentences, none from the corpus, the challenge or the dev sets."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.confidential import CASE_DETAILS, ConfidentialAnalyser


def found(text: str, kind: str = "private") -> bool:
    return any(f.code == CASE_DETAILS for f in ConfidentialAnalyser().analyse(Document(text, kind)))


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("private", "Legen i mars fortalte om diabetes hos eldre, veldig lærerikt kurs."),
        ("private", "Sykepleieren på fredag var så flink til å forklare om demens på foreldremøtet."),
        ("private", "Legen på mandag snakket om demens og hvordan det rammer familier."),
        ("private", "Legen i morges hadde foredrag om rusmisbruk blant ungdom."),
        ("post", "Legen i juni holder foredrag om demens på biblioteket."),
        ("reply", "Hei! Sykepleieren på torsdag kan svare på spørsmål om diabetes. Hilsen Kari"),
    ],
)
def test_a_role_before_a_time_points_at_no_one(kind: str, text: str) -> None:
    assert not found(text, kind), text


@pytest.mark.parametrize(
    "text",
    [
        "Sykepleieren på sykehjemmet fortalte at demensen hennes har blitt verre.",
        "Legen på sykehjemmet sa at hun har fått demens.",
        "Sykepleieren på vår avdeling har fått kreft, stakkars.",  # "vår" is "our" here
    ],
)
def test_a_role_at_a_workplace_still_points_at_someone(text: str) -> None:
    assert found(text), text
