"""Places the name model takes for people (names 17 and 18, issue 12): a one-word "name" ending like
a bay, an outer island, a height or a town ("Storvåg", "Brattvær", "Nordhøgda", "Sletteby"), a farm
with a long ending after a short start ("Lisætra"), a municipality by its name ("Fjellvik kommune"),
and a shop named after its chain ("Coop Kvitmo") are places, so a complaint about snow clearing
there is answered rather than escalated as criticism of a named employee. A given name stays a
person. Our own sentences."""

from __future__ import annotations

import pytest

from somevakt.analysis.registry import analyse
from somevakt.policy.engine import evaluate
from somevakt.policy.packs import load_pack


def named(text: str) -> bool:
    return "person.named" in {f.code for f in analyse(text, "comment").findings}


@pytest.mark.parametrize(
    "text",
    [
        "Nok en gang har dere brøytet Sandvåg etter at alle har dratt på jobb. Imponerende.",
        "Vegen opp te Kvitvær e itj brøyta enno, og klokka e ti.",
        "Hytta vår ligg rett under Nordhøgda, og vegen dit er ikkje brøyta.",
        "Ein ny parkeringsplass som ingen har bede om. Akkurat det Fjellby trong.",
        "Vegen opp te Lisætra e heilt øydelagt etter snøsmeltinga.",
        "Fiskekort får du kjøpt hos Coop Kvitmo ved brua.",
        "Takk for ingenting, Fjellvik kommune. Fire e-postar og null svar.",
        "Det er for dårleg av Nordli kommune å la vegen liggje slik.",
    ],
)
def test_a_place_is_no_person(text: str) -> None:
    assert not named(text), text


def test_a_complaint_about_a_place_is_answered() -> None:
    text = "Vegen opp te Kvitvær e itj brøyta enno, og klokka e ti. Ongan kom seg itj te skolen."
    assert evaluate(text, "comment", load_pack("hustadvika")).action == "reply"


@pytest.mark.parametrize(
    "text",
    [
        "Takk til Ingeborg på biblioteket for god hjelp i dag!",
        "Arvid på teknisk har ikke svart på tre uker.",
    ],
)
def test_a_person_stays_a_person(text: str) -> None:
    assert named(text), text
