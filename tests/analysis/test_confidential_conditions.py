"""Who a pronoun or a relative stands for. In a private post, "han" or "ho" after the writer's own
family is that family ("Far min fikk hjerneslag ... rehabiliteringen han fikk"), the writer's own
business; in the municipality's reply, the reader's relative after "if" or "when" is anyone the
condition fits ("Dersom barnet ditt har behov for spesialundervisning, kan du ..."), how a service
works. Both were blocked as someone's confidential matter."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.confidential import CASE_DETAILS, ConfidentialAnalyser


def found(text: str, kind: str) -> bool:
    return any(f.code == CASE_DETAILS for f in ConfidentialAnalyser().analyse(Document(text, kind)))


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        (
            "private",
            "Far min fikk hjerneslag i fjor, og jeg er takknemlig for rehabiliteringen han fikk på Moa.",
        ),
        ("private", "Mor fikk slag i går. Hun ble lagt inn på sykehuset."),
        ("private", "Sønnen min har ADHD. Han fikk diagnosen i fjor."),
        ("private", "Svigerfar vart innlagd i helga. Han har hatt kreft lenge."),
        (
            "reply",
            "Dersom barnet ditt har behov for spesialundervisning, kan du be om en vurdering. Hilsen Ida",
        ),
        ("reply", "Hvis moren din trenger sykehjemsplass, kan du søke via nettsiden. Hilsen Ida"),
        ("reply", "Når sønnen din har fått diagnosen, kan dere søke om omsorgsstønad. Hilsen Ida"),
        ("reply", "Viss far din treng heimesjukepleie, kan du ringje tildelingskontoret. Helsing Eli"),
    ],
)
def test_the_writers_family_or_anyone_the_condition_fits_is_no_case(kind: str, text: str) -> None:
    assert not found(text, kind), text


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        # a pronoun after someone met at work, or after the family of someone met at work
        (
            "private",
            "Mor min er sjukepleiar. Pasienten hennar på rom 4 fekk kreft i går, og han veit det ikkje.",
        ),
        ("private", "Far min besøkte oss på jobb. En av beboerne våre ble innlagt i natt, han falt."),
        # the reader's relative without a condition is the reader's case
        ("reply", "Barnet ditt har fått vedtak om spesialundervisning fra august. Hilsen Ida"),
        ("reply", "Moren din har fått sykehjemsplass på Solbakken. Hilsen Ida"),
    ],
)
def test_someone_met_at_work_and_the_readers_own_relative_still_count(kind: str, text: str) -> None:
    assert found(text, kind), text
