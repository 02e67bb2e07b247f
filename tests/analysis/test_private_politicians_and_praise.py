"""Who needs to say "I speak privately" (private profile 10, issue 12). An elected member's own votes
and debates are their role, in any word order ("Torsdag stemmer jeg nei ...", "Stemmer mot ... i
kommunestyret", "Det lovet jeg velgerne", "usamd med fleirtalet", "det kjem eg til å seie i
kommunestyret"); and an employee who only praises something the municipality did ("så fint at
kommunen arrangerer sånt!") gives no view that could be taken for the employer's. A view or a
criticism about the municipality still asks for the disclaimer. Our own sentences."""

from __future__ import annotations

import pytest

from somevakt.analysis.registry import analyse


def codes(text: str) -> set[str]:
    return {f.code for f in analyse(text, "private").findings}


@pytest.mark.parametrize(
    "text",
    [
        "Stemmer mot den nye parkeringsavgiften i kommunestyret i kveld. Det lovet jeg velgerne mine.",
        "I morgon røyster eg nei til å flytte biblioteket, same kva fleirtalet meiner.",
        "Eg er ueinig med posisjonen i hamnesaka og kjem til å seie det i formannskapet på tysdag.",
        "Så fint at kommunen arrangerte lysfest i parken i går, ungene koste seg!",
    ],
)
def test_no_disclaimer_is_asked_for(text: str) -> None:
    assert "private.disclaimer_missing" not in codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Kommunen bør bruke mer penger på ungdomsklubben, den betyr mye for mange.",
        "Fint med lysfest, men kommunen burde heller fikse veilysene i Storgata.",
        "Så bra at kommunen endelig la ned den gamle skolen på Moen!",
    ],
)
def test_a_view_about_the_municipality_asks_for_it(text: str) -> None:
    assert "private.disclaimer_missing" in codes(text), text
