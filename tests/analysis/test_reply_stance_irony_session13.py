"""Irony at the reader by its shape (issue 12, session 13: the account's own ironic posts 0.63 on a
held-out set). Nothing better to do after a mock "yes", the reader knowing everything better than the
staff, "you could do it better, so apply for the job", the information nobody reads, the experts of
the comment field; and its hard negatives. Our own sentences, bokmål, nynorsk and dialect, none from
the corpus, the challenge sets or the dev sets. They test the rules alone (`_irony_spans`).
"""

from __future__ import annotations

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.reply_stance import _irony_spans


def rules_hear_irony(text: str, kind: str = "reply") -> bool:
    return bool(_irony_spans(Document(text, kind)))


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        (
            "reply",
            "Jada, for vi har ikkje anna å gjere enn å leite etter sykkelen din heile dagen. Helsing Oddny",
        ),
        ("reply", "Ja, for me har itj nå anna å gjør enn å svar på sånt. Hilsen Bjarne"),
        ("reply", "Ja, for vi har jo ingenting annet å gjøre enn å måle snødybden i hagen din. Hilsen Ida"),
        ("reply", "Vi skjønner at du vet alt om asfaltering mye bedre enn oss. Hilsen Ida"),
        ("reply", "Me forstår at dokker kan alt om kloakk betre enn ingeniørane våre. Helsing Oddny"),
        (
            "reply",
            "Du kunne sikkert gjort det bedre selv, så søk gjerne på stillingen når den lyses ut. Hilsen Ida",
        ),
        ("post", "Åpningstidene står i innlegget vårt fra mandag, det som ingen av dere har lest."),
        ("post", "Info om tømming ligg i sakene våre frå i går, som ingen les uansett."),
        ("post", "En stor takk til alle ekspertene i kommentarfeltet for gode råd om snørydding."),
        ("reply", "Vi har notert oss rådene fra besserwisserne i kommentarfeltet. Hilsen Ida"),
    ],
)
def test_irony_by_these_shapes_is_heard(kind: str, text: str) -> None:
    assert rules_hear_irony(text, kind)


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        # the sincere "no choice but to wait", and a plain "yes, because"
        ("reply", "Vi har dessverre ikke annet å gjøre enn å vente på svar fra fylket. Hilsen Ida"),
        ("reply", "Ja, for det er vanskelig å finne skjemaet, og det retter vi nå. Hilsen Ida"),
        # the reader may well know more, said sincerely
        ("reply", "Du kjenner nok forholdene i bygda bedre enn oss, så takk for tipset. Hilsen Ida"),
        # a real job advert
        ("post", "Vi søker ny ingeniør til teknisk drift! Søk gjerne på stillingen innen 1. mars."),
        ("reply", "Så bra at du vil jobbe hos oss. Søk på stillingen via nettsida vår. Hilsen Ida"),
        # where the answer stands, granted that it is easy to miss
        ("reply", "Svaret står i første linje i innlegget, men det er fort å overse den. Hilsen Ida"),
        ("reply", "Svaret står forresten i første setning, det er lett å gå glipp av. Helsing Oddny"),
        # a report nobody asked about, thanks to commenters
        ("post", "Rapporten som ingen hadde bestilt, kom likevel. Les den på nettsida."),
        ("post", "Takk til alle som har kommentert med gode tips om snørydding!"),
    ],
)
def test_sincere_replies_in_the_same_words_are_not(kind: str, text: str) -> None:
    assert not rules_hear_irony(text, kind)
