"""Group hate in shapes the patterns lacked (abuse 19, issue 12): a group named in one sentence and
called vermin "all of them" in the next, thrown out "alle som en", chased away ("må jages vekk"),
"they don't belong here"; nationalities in every plural ("ukrainarane", "eritrearane"); English
hate that keeps its group in the sentence before ("They don't belong here ... the crime comes with
them", "live like rats"). Their look-alikes stay clean: a politician called a parasite is an insult,
not hate; welcoming Ukrainian families is nothing. Our own sentences, none from the corpus or the
challenge sets. Through the policy engine, so the action is what the adviser would see."""

from __future__ import annotations

import pytest

from somevakt.analysis.registry import analyse
from somevakt.policy.engine import evaluate
from somevakt.policy.packs import load_pack


def found(text: str) -> set[str]:
    return {f.code for f in analyse(text, "comment").findings}


@pytest.mark.parametrize(
    "text",
    [
        "Eritrearane fekk nye leilegheiter i fjor. Snyltarar på fellesskapet, kvar einaste ein.",
        "Syrerne fikk plass på kurset før oss. Parasitter på trygda, hele gjengen.",
        "Polakkane får jobbane våre. Dei er gjester, og gjester som ikkje oppfører seg kan sendast heim, "
        "alle som ein.",
        "Romfolket som har satt opp telt ved badeplassen må jages vekk før de tømmer hyttene.",
        "Somalierne har fått alt servert. De hører ikke hjemme her.",
        "The council keeps housing Afghans in the old school. They don't belong in this town, and the "
        "theft comes with them.",
        "Those Romanian beggars live like animals behind the shop. Chase them out before summer.",
        "Dei austeuropearane på sagbruket er tjuvar heile gjengen.",
        "Every single one of those Lithuanians at the sawmill is a thief.",
        "Those Danes renting the cabins are parasites, nothing else.",
    ],
)
def test_group_hate_said_of_them_all_is_hate(text: str) -> None:
    assert "abuse.hate" in found(text), text
    assert evaluate(text, "comment", load_pack("batsfjord")).action == "delete"


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainske familiar er hjarteleg velkomne til julemiddagen på samfunnshuset!",
        "The Afghan families who moved in last spring run the best bakery in town. Welcome!",
        "Eritrearane i klassen til dottera mi er dei snillaste ungane eg veit om.",
        "The Swedes running the ski lifts are great guys, always smiling.",
        "The Ukrainian pupils need the forms signed; please send them back with the kids on Monday.",
    ],
)
def test_a_group_welcomed_is_no_hate(text: str) -> None:
    assert "abuse.hate" not in found(text), text
