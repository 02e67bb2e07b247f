"""Own opinion in shapes session 13 added (issue 12: reply opinion on held-out sets): blame laid on a
party or an elected body, a judging adjective on a party's proposal, a personal guess beside a
political matter; and their neutral neighbours. Our own sentences, none from the corpus, the
challenge sets or the dev sets. They test the rules alone (`_opinions`)."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.reply_stance import _opinions


def rules_find_an_opinion(text: str, kind: str = "reply") -> bool:
    return bool(_opinions(Document(text, kind)))


@pytest.mark.parametrize(
    "text",
    [
        "Takk for innspillet. Det er vel Høyre som har skylden for at gebyrene øker. Hilsen Ida",
        "Det er formannskapet som fortjener skulda for køane i sentrum. Helsing Oddny",
        "Det var et svært uklokt forslag fra Sp, men det er ikke vedtatt ennå. Hilsen Ida",
        "Dette er eit kortsiktig framlegg frå fleirtalet. Helsing Oddny",
        "Budsjettet behandles i kommunestyret. Personlig tror jeg kuttene blir for store. Hilsen Ida",
        "Eiendomsskatten kommer opp i formannskapet. Vi frykter dessverre at den blir innført. Mvh Ida",
    ],
)
def test_these_views_are_found(text: str) -> None:
    assert rules_find_an_opinion(text)


@pytest.mark.parametrize(
    "text",
    [
        "Det er kommunestyret som har ansvaret for budsjettet. Hilsen Ida",
        "Forslaget fra Frp behandles i formannskapet 3. juni. Hilsen Ida",
        "Budsjettet behandles i kommunestyret i desember. Vi tror møtet blir langt. Hilsen Ida",
        "Selv tror jeg ikke det regner i morgen, men ta med paraply. Hilsen Ida",
        "Vi tror dessverre at brøytebilen blir forsinket i kveld. Hilsen Ida",
    ],
)
def test_neutral_replies_are_not(text: str) -> None:
    assert not rules_find_an_opinion(text)
