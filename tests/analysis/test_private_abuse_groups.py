"""An employee's private post aimed at people as a group or by their role or body (session 10: "noen
på jobben", "alle i formannskapet" were nobody to the private-post gate, so the classifier's threat
was never asked). Through the policy engine with each municipality's pack, so the action and the
clause are what the writer would see. Our own sentences, bokmål, nynorsk and dialect, none from the
corpus or the own-text sets; every threat and attack below passed as "ok" before the gate knew groups."""

from __future__ import annotations

import pytest

from somevakt.analysis.abuse import _SOMEONE
from somevakt.policy.engine import evaluate
from somevakt.policy.packs import list_packs, load_pack

SLUGS = list(list_packs())
# The clause each pack cites for a threat, hate or attack in a private post (docs/policy.md).
CLAUSE = {
    "batsfjord": "batsfjord:5.1-ytringsfrihet",
    "hustadvika": "hustadvika:3-ambassador",
    "romskog": "romskog:ansatte-7",
    "gausdal": "gausdal:bruk-3",
}
ABUSE = {"abuse.threat", "abuse.hate", "abuse.insult"}


def decide(slug: str, text: str):
    return evaluate(text, "private", load_pack(slug))


GROUP_THREATS = [
    # a quantifier and where the people are
    "Noen på avdelinga kommer til å få svi for det de gjorde mot meg. De skal få unngjelde.",
    "Alle på personalmøtet i går får seg en på trynet neste gang.",
    "Kvar einaste ein i formannskapet skal få svi for dette.",
    # "de/dei/dæm" pointing at a unit
    "De på byggesak skal få angre på at de avslo søknaden min, det lover jeg.",
    "Æ skal ta dæm på teknisk ein etter ein, dæm veit ikkje ka som kjem.",
    # nynorsk and dialect quantifiers
    pytest.param(
        "Nokon i leiinga kjem til å få seg ein smell snart.",
        marks=pytest.mark.xfail(
            strict=True, reason="classifier 0.9.0 gives it threat 0.16, under the private floor 0.31"
        ),
    ),
    "Nåkken på kontoret får ein på kjeften når æ kjem tilbake.",
    # a body or the management in the definite form
    "Styret i borettslaget skal få smake knyttneven.",
    "Ledelsen skal få merke at jeg ikke finner meg i dette. Bank blir det.",
]


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("text", GROUP_THREATS)
def test_a_threat_at_a_group_or_role_in_a_private_post_is_stopped_with_the_clause(
    slug: str, text: str
) -> None:
    d = decide(slug, text)
    assert "abuse.threat" in d.codes, (text, d.codes)
    # a threat blocks under Båtsfjord's legal limit and asks for revision under the other three
    assert d.action == ("block" if slug == "batsfjord" else "revise"), (text, d.action)
    assert CLAUSE[slug] in d.clauses, (text, d.clauses)


@pytest.mark.parametrize("slug", SLUGS)
def test_a_personal_attack_on_a_group_at_work_asks_for_revision(slug: str) -> None:
    d = decide(slug, "Gjengen på lageret er noen late, inkompetente tullinger.")
    assert "abuse.insult" in d.codes, d.codes
    assert d.action == "revise"
    assert CLAUSE[slug] in d.clauses


GROUP_HARD_NEGATIVES = [
    # sport, a quiz and hunting with a group in them
    "Alle på jobben var helt knust etter kampen i går, 4-0 til Molde.",
    "Knuste de på økonomi i innebandy i dag. Blodbad!",
    "Skal drepe alle på quizen på fredag, gutta på teknisk har ingen sjans 💪",
    "Noen på jaktlaget skjøt en bukk i dag, kjempefin elg også.",
    "Æ og gjengen på lageret skaut ned alle leirduene i dag, rått!",
    # venting and black humour
    "Jeg blir sprø av de som parkerer på sykkelfeltet hver eneste morgen. Gidd!",
    "Ledelsen tar knekken på oss med alle disse omorganiseringene, haha.",
    "Noen på jobben burde få seg ferie, vi er helt utslitte alle sammen.",
    "Alle på hytta sovnet før ti. Vi er et gjeng gamlinger 😅",
    # kind words about a body
    "Dei i barnevernet fortener ein stor klem etter denne veka.",
]


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("text", GROUP_HARD_NEGATIVES)
def test_a_group_without_menace_in_a_private_post_is_no_threat_or_attack(slug: str, text: str) -> None:
    d = decide(slug, text)
    assert not set(d.codes) & ABUSE, (text, d.codes)
    assert d.action == "ok", (text, d.action, d.codes)


@pytest.mark.parametrize(
    "text",
    [
        "noen på jobben",
        "alle i formannskapet",
        "de på teknisk",
        "nokon frå planavdelinga",
        "ailla på lageret",
        "folk som kommenterer",
        "de som klaget",
        "alle politikerne",
        "desse sakshandsamarane",
        "vaktmeisteren",
        "sykepleierne",
        "de ansatte",
        "kommunestyret",
        "leiinga",
        "gjengen",
    ],
)
def test_people_as_a_group_role_or_body_are_someone_aimed_at(text: str) -> None:
    assert _SOMEONE.search(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "alle bilene",
        "noe på jobben",
        "de fleste dagene",
        "alle i dag var trøtte",
        "alle på en gang",
        "noen som helst grunn",
        "det var vanlege dagar",
        "jeg styrer unna",
        "skyt meg, jeg har glemt matpakka",
    ],
)
def test_things_times_and_the_writer_alone_are_nobody_aimed_at(text: str) -> None:
    assert _SOMEONE.search(text) is None
