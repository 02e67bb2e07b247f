"""A first-person view in the sentence beside the political matter is an opinion even without a verdict
word; a view on the reader's question or on how to use a service is not."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.reply_stance import OWN_OPINION, ReplyStanceAnalyser


def opinion(text: str) -> bool:
    return any(f.code == OWN_OPINION for f in ReplyStanceAnalyser().analyse(Document(text, "reply")))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Takk for spørsmålet. Kommunestyret skal avgjere kvoten i april. Sjølve synest vi at grensa er "
            "for streng for næringslivet. Helsing Arne",
            True,
        ),
        (
            "Hei! Formannskapet behandler saken om bompenger i mai. Vi mener løsningen med ring er den "
            "beste. Hilsen Per",
            True,
        ),
        (
            "Hei. Jeg synes det var et godt spørsmål! Svaret er at vedtaket om parkeringsavgift gjelder "
            "fra 1. juli. Hilsen Kari",
            False,
        ),
        (
            "Kommunestyret vedtok nye satser i juni. Vi mener det er lurt å søke om redusert sats før "
            "fristen. Hilsen Ola",
            False,
        ),
    ],
)
def test_a_view_beside_the_political_matter(text: str, expected: bool) -> None:
    assert opinion(text) is expected, text
