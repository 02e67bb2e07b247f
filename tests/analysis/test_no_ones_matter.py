"""A confidential matter is someone's (confidential 22, issue 12): the confidential-matter classifier
heard a case in the municipality's own notices about roads and machines ("brøytebilen har fått
motorstopp" like "har fått kreft"), so its finding needs a word that points at a person; and the
writer's name after a sign-off ("Hilsen Eirik") is never the one whose matter it is. A reply that
refers the reader to the child welfare service by its number tells no one's case. Our own sentences."""

from __future__ import annotations

import pytest

from somevakt.analysis.registry import analyse
from somevakt.policy.engine import evaluate
from somevakt.policy.packs import load_pack


def codes(text: str, kind: str) -> set[str]:
    return {f.code for f in analyse(text, kind).findings}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Skolebussen til Nordli er forsinka i dag fordi den har fått punktering. Vi beklagar!", "post"),
        (
            "Hei! Fylkesvegen over Høgfjellet vart opna att i natt etter snøskredet. Vegvesenet følgjer med. "
            "Helsing Åse",
            "reply",
        ),
        (
            "Hei! Vi kan ikke svare på enkeltsaker her, men ring gjerne barnevernet direkte på 61 22 43 00. "
            "Hilsen Eirik",
            "reply",
        ),
    ],
)
def test_a_notice_about_no_one_is_no_confidential_matter(text: str, kind: str) -> None:
    assert "confidential.case_details" not in codes(text, kind), text
    assert evaluate(text, kind, load_pack("gausdal")).action == "ok"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Hei Kari! Sønnen din har fått plass i avlastningsboligen fra mars. Hilsen Eirik", "reply"),
        ("Lang vakt i dag. Han på rom 4 har fått lungebetennelse igjen, stakkars.", "private"),
    ],
)
def test_someones_matter_still_is(text: str, kind: str) -> None:
    assert "confidential.case_details" in codes(text, kind), text
