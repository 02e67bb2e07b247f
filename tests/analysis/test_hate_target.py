"""Group hate heard by the comment classifier alone needs a protected group as its target (abuse 10,
issue 12): a word for a people, nationality, religion, skin colour, sexual orientation, gender
identity or disability, in any inflection or compound, or a coded pointer ("sånne folk", "de der",
"fleire av dei"); else only a near-certain score stands. Through the policy engine, so the action is
what the adviser would see. Our own sentences, none from the corpus or the challenge sets."""

from __future__ import annotations

import pytest

from somevakt.analysis import classifier
from somevakt.analysis.abuse import _GROUP_SIGN, HATE_UNMARKED
from somevakt.analysis.base import Document
from somevakt.analysis.registry import analyse
from somevakt.policy.engine import evaluate
from somevakt.policy.packs import list_packs, load_pack


def hate_score(text: str) -> float:
    judgement = classifier.judgement(Document(text, "comment"))
    assert judgement is not None
    return judgement.scores["hate"]


def found(text: str, kind: str = "comment") -> set[str]:
    return {f.code for f in analyse(text, kind).findings}


# People no law protects, with "dei/de" and a grumble: the classifier hears hate in each
# (over its threshold, under HATE_UNMARKED), and none names a protected group. (0.7.0 no longer
# hears hate in the first two sentences this test had, the cabin owners and the gulls, 0.079 and
# 0.059; they stay below as grumbles that are no hate, and these three still need the gate: 0.6.0
# 0.660, 0.911 and 0.785, 0.7.0 0.423, 0.772 and 0.797.)
NOT_PROTECTED = [
    "Syklistane trur dei eig vegen. Dei køyrer på raudt og bryr seg ikkje om nokon.",
    "Hytteeierne er en plage, de tror de eier fjellet og bryr seg ikke om oss som bor her.",
    "Turistene tror de eier hele bygda. De parkerer hvor de vil og rydder aldri etter seg.",
]
GRUMBLES = [
    "Hyttefolket trur dei eig heile fjellet. Dei parkerer kvar dei vil og ryddar aldri etter seg.",
    "Måkene i sentrum er ei plage, dei stel maten rett ut av handa på ungane.",
]


@pytest.mark.parametrize("text", NOT_PROTECTED)
def test_a_grumble_about_people_no_law_protects_is_not_hate(text: str) -> None:
    judgement = classifier.judgement(Document(text, "comment"))
    assert judgement is not None and judgement.says("hate")  # what the gate is for
    assert hate_score(text) < HATE_UNMARKED
    assert "abuse.hate" not in found(text)
    for slug in list_packs():
        assert evaluate(text, "comment", load_pack(slug)).action != "delete"


@pytest.mark.parametrize("text", GRUMBLES)
def test_a_grumble_the_classifier_hears_no_hate_in_is_not_hate_either(text: str) -> None:
    assert "abuse.hate" not in found(text)
    for slug in list_packs():
        assert evaluate(text, "comment", load_pack(slug)).action != "delete"


# Classifier 0.6.0 gave this 0.996, above HATE_UNMARKED, so it stood without a group word (a strict
# xfail); 0.7.0 gave 0.692, and the gate dropped it; 0.9.0 gives 0.980 again.
@pytest.mark.xfail(strict=True, reason="classifier 0.9.0 gives it hate 0.980, at HATE_UNMARKED")
def test_a_neighbouring_municipality_is_no_protected_group_even_at_a_high_score() -> None:
    assert "abuse.hate" not in found(
        "Dei frå nabokommunen tek alle arbeidsplassane våre og gir ingenting tilbake."
    )


@pytest.mark.parametrize(
    "text",
    [
        # coded, without a word for the group
        "Sånne folk som dem burde ikke få bo i bygda vår, de passer ikke inn her.",
        "De der har aldri jobbet en dag i sitt liv og lever på oss andre. Send dem tilbake.",
        "Dei et opp alt vi har bygd opp her, og dei kjem berre fleire og fleire av dei.",
        # a group named, no slur and no hate pattern
        "Innvandrarane i blokka stel syklane våre, alle saman.",
    ],
)
def test_group_hate_without_a_slur_is_still_found_and_deleted(text: str) -> None:
    assert "abuse.hate" in found(text)
    assert evaluate(text, "comment", load_pack("batsfjord")).action == "delete"


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("innvandrerbarna", "innvandr"),
        ("reindriftssamane tek seg til rette", "reindriftssamane"),
        ("Jødane", "jød"),
        ("homsene", "homs"),
        ("transan i garderoben", "transan"),
        ("utviklingshemma", "utviklingshem"),
        ("folk frå Afrika", "afrika"),
        ("kvit og norsk", "kvit"),
        ("heile den folkegruppa", "folkegrupp"),
        ("slike som dei", "slike som"),
        ("dæm der", "dæm der"),
    ],
)
def test_it_knows_a_protected_group_in_inflections_compounds_and_coded_forms(text: str, sign: str) -> None:
    m = _GROUP_SIGN.search(text.lower())
    assert m is not None and m.group() == sign


@pytest.mark.parametrize(
    "text",
    [
        "dei gamle toaletta på skulen",
        "samarbeidet med nabokommunen",  # "samar..." is not "samar" (Sami)
        "transporten til skulen",
        "kven har ansvaret for brøytinga?",  # nynorsk "kven" (who), not Kven people
        "russen feirer i sentrum",
        "dei rike på Holmen",
        "dæm på kommunehuset",
        "hyttefolket",
    ],
)
def test_it_does_not_take_people_no_law_protects_for_a_group(text: str) -> None:
    assert _GROUP_SIGN.search(text.lower()) is None


@pytest.mark.parametrize(
    "text",
    [
        # a group's stem inside a name or an unrelated word
        "Filip og Filippa har bursdag i dag",
        "polenta til middag",
        "kinakål og kinaputter",
        "syrinbusken blomstrar",
        "homogen masse",
        "transaksjonen gikk ikke gjennom",
        "romanisk arkitektur",  # ("romanislekta" is the Romani people)
        # a country first in a compound whose head is a thing: the compound is the thing
        "kinarestauranten i sentrum",
        "thaimaten på torget",
    ],
)
def test_it_does_not_take_a_group_s_stem_inside_another_word_for_a_group(text: str) -> None:
    assert _GROUP_SIGN.search(text.lower()) is None


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        # the country itself
        ("Polen", "polen"),
        ("Kinas", "kinas"),
        ("folk frå Syria", "syria"),
        ("filippinerne", "filippin"),
        # the group's word as the head of a compound
        ("arbeidsinnvandrarane", "arbeidsinnvandrarane"),
        ("kvoteflyktningar", "kvoteflyktningar"),
        ("halvpolakken", "halvpolakken"),
        # a country first in a compound whose head is people
        ("thaidamen", "thai"),
        ("kinafolk", "kina"),
        ("homofile", "homo"),
        ("transene", "transene"),
    ],
)
def test_it_knows_a_group_as_a_word_a_compound_head_or_before_people(text: str, sign: str) -> None:
    m = _GROUP_SIGN.search(text.lower())
    assert m is not None and m.group() == sign
