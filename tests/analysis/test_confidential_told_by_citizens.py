"""A citizen telling the page about someone else's drinking, violence at home, neglect, absence from
school or illness is a confidential matter to hide and refer (confidential 23, issue 12): "faren
drikker hver helg", "ungene går uten mat", "har ikkje vore på skulen sidan august", "sjukmeld på
grunn av alkoholproblem". The writer's own family, or coffee, is not. Our own sentences."""

from __future__ import annotations

import pytest

from somevakt.analysis.registry import analyse
from somevakt.policy.engine import evaluate
from somevakt.policy.packs import load_pack


def codes(text: str) -> set[str]:
    return {f.code for f in analyse(text, "comment").findings}


@pytest.mark.parametrize(
    "text",
    [
        "Eg er bekymra for familien i nr. 12. Ungane går utan mat, og faren drikk kvar helg.",
        "Gutten til naboen har ikke vært på skolen siden jul. Vet dere om det?",
        "Alle vet at rektoren er sykmeldt på grunn av rusproblemer.",
    ],
)
def test_someone_elses_matter_told_by_a_citizen_is_confidential(text: str) -> None:
    assert "confidential.case_details" in codes(text), text
    assert evaluate(text, "comment", load_pack("gausdal")).action == "refer_formal"


@pytest.mark.parametrize(
    "text",
    [
        "Vi drikker kaffe på biblioteket hver tirsdag, velkommen!",
        "Jeg har vært sykmeldt for ryggen og lurer på om svømmehallen har varmtvannsbasseng?",
    ],
)
def test_coffee_and_ones_own_health_are_not(text: str) -> None:
    assert "confidential.case_details" not in codes(text), text
