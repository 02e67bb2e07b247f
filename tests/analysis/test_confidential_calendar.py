"""A capitalised word before a number is a first name with an age ("Frida (89) har fått demens")
only when it is no day, month or clock: the municipality's own post announcing "Mandag 3. juni: kurs
om demens" names nobody, and the engine blocked it as someone's confidential matter."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.confidential import CASE_DETAILS, ConfidentialAnalyser


def found(text: str, kind: str) -> bool:
    return any(f.code == CASE_DETAILS for f in ConfidentialAnalyser().analyse(Document(text, kind)))


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("post", "Mandag 3. juni: kurs om demens for pårørende på biblioteket."),
        ("post", "Tirsdag 14. mars har helsestasjonen stengt på grunn av sykdom."),
        ("reply", "Fredag 12. mai holder vi kurs om diabetes for alle som vil."),
        ("post", "Kl 14 i dag: foredrag om demens og alzheimer på rådhuset."),
        ("post", "Laurdag 7. september: open dag om psykisk helse på kulturhuset."),
        ("private", "Søndag 5. mai står vi på stand for kreftforeningen utenfor jobben. Kom innom!"),
        ("post", "Juni 2024: ny rutine for trygghetsalarm og rullator i hjemmetjenesten."),
        # a thing with a number, not a name with an age
        ("post", "Sak 12 i kommunestyret: ny plan for demensomsorg."),
        ("post", "Buss 12 kjører ikke i dag på grunn av sykdom."),
        ("post", "Avdeling 3 har nå plass til flere med demens."),
    ],
)
def test_a_day_a_month_or_a_clock_before_a_number_is_no_one_with_an_age(kind: str, text: str) -> None:
    assert not found(text, kind), text


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("post", "Gratulerer til Frida (89) som fikk demensdiagnosen i fjor og likevel danset hele kvelden!"),
        ("private", "Olav, 92, på avdelinga fikk vite at han har kreft. Tøff vakt."),
        ("post", "Gratulerer til Astrid 101 som fikk demensdiagnosen i fjor og likevel danset hele kvelden!"),
    ],
)
def test_a_first_name_with_an_age_is_still_someone(kind: str, text: str) -> None:
    assert found(text, kind), text
