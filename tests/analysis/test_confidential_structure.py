"""Confidential matters judged by structure (issue 12): in an employee's private post and the
municipality's own replies and posts, a third person met through work + a protected matter (found by
stem, inflection and inside compounds) + a link to work, rather than by the phrases of the dev sets.
Our own sentences, bokmål, nynorsk and dialect, none from the corpus, the challenge or dev sets."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.confidential import CASE_DETAILS, ConfidentialAnalyser, _structural_findings
from somevakt.policy.engine import evaluate
from somevakt.policy.packs import list_packs, load_pack


def found(text: str, kind: str = "private") -> bool:
    return any(f.code == CASE_DETAILS for f in ConfidentialAnalyser().analyse(Document(text, kind)))


def by_structure(text: str, kind: str = "private") -> bool:
    return bool(_structural_findings(Document(text, kind), []))


# Each is found by the structure alone (the phrase rules need not know it).
PRIVATE = [
    # a protected matter inside a compound, with someone the service has
    "Ein av bebuarane mine fekk lungekreftdiagnosen i går. Ho har ikkje fortalt det til borna enno.",
    "Den nye pasienten vår har Huntingtons sykdom og er bare 41 år.",
    "Hun jeg hjelper med handlinga fikk vite i dag at hun har brystkreft.",
    # someone met at work by form: an age, a class, "samme dama", "han på rom 7"
    "Samme dama kom inn på legevakta for fjerde gang i helga, like ruset hver gang.",
    "Trist vakt. Han på rom 7 fikk slag i natt og ligger nå på sykehuset.",
    "Jonas i 3B har visst dyskalkuli, fikk vi vite på teammøtet.",
    "Sovnet inn i natt, 97 år gammel, med oss ved senga. Hun var den siste av de gamle på avdelingen.",
    # the next sentence goes on about someone introduced at work
    "Hadde en klient i dag som har levd på gata i tre måneder. Han sov i en bod på kaia.",
    "Var på heimebesøk hos ein far med tre ungar i dag. Tomt kjøleskap og ingen vinterklede.",
    # matters a careful reader knows without a diagnosis's name
    "Ho eg har dusja kvar morgon i to år, veit ikkje lenger kva dag det er.",
    "Møtte mora til ein av elevane mine i dag. Ho er tilbake på pillene, dessverre.",
    "Æ har ein i klassen som itj har hatt matpakke på ei heil veke.",
    "Jenta som har vært borte 30 dager i år, kom på skolen i dag. Fraværet er bekymringsfullt.",
    "Kollegaen min er ute i langtidssykmelding etter panikkanfallene i vinter.",
]
OWN_TEXTS = [
    ("reply", "Hei! Naboen din har fått innvilget sosialhjelp denne måneden, så det ordner seg. Hilsen Anne"),
    ("reply", "Mannen i blokka du nevner er innlagt på psykiatrisk etter det som skjedde. Mvh Per"),
    ("reply", "Hei. Eleven du skriv om er friteken frå kroppsøving av medisinske grunnar. Helsing Liv"),
    (
        "reply",
        "Hei! Byggesøknaden til Arne Dahl på Haugen er avslått, og han har fått pålegg om å rive. Hilsen Ida",
    ),
    ("reply", "Byggjesaka di vart avslått etter at naboen klaga, så vi tek det derifrå. Helsing Knut"),
    ("reply", "Hei! Sønnen din har fått vedtak om assistent i alle timar frå neste veke. Helsing Berit"),
    (
        "post",
        "Gratulerer med 100 år til Astrid på rom 3! Ho har hatt demens i mange år, men song med på alt 🎉",
    ),
]


@pytest.mark.parametrize("text", PRIVATE)
def test_a_private_post_about_someone_met_at_work_with_a_protected_matter_is_confidential(text: str) -> None:
    assert by_structure(text), text
    assert found(text)


@pytest.mark.parametrize(("kind", "text"), OWN_TEXTS)
def test_the_municipalitys_own_text_revealing_someones_matter_is_confidential(kind: str, text: str) -> None:
    assert by_structure(text, kind), text


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        # the writer's own health and family
        ("private", "Jeg fikk lungekreftdiagnosen i går. Takk for alle hilsener."),
        ("private", "Eg er ikkje skada, berre litt skjelven etter fallet på glatta."),
        ("private", "Mormor har demens, og vi besøker henne på sykehjemmet hver søndag."),
        ("private", "Min bror fikk hjerneslag i fjor, og i dag sykla han til jobb igjen!"),
        ("private", "Farfar sovnet inn i natt, 96 år gammel. Takk for alt."),
        # the writer's own diagnosis, though a doctor is named (the phrase rules' path too)
        ("private", "Fikk beskjed av legen i dag at jeg har diabetes type 2. Ny hverdag, men det går fint!"),
        ("private", "Legen på legekontoret sa at eg har fått astma. Må visst kjøpe meg ein inhalator."),
        # people in general, and how a service works
        ("private", "Alle elever med dysleksi har rett til tilrettelegging. Snakk med skolen!"),
        ("private", "Mange pasienter med demens trives best med faste rutiner. Lærte mye på kurset i dag."),
        ("private", "Var på kurs om rusmisbruk blant ungdom i dag. Nyttig for oss som jobber i skolen."),
        ("reply", "Hei! Alle som får avslag på sosialhjelp kan klage til Statsforvalteren. Mvh Anne"),
        ("reply", "Hei. Hvis en elev har mye fravær, tar skolen kontakt med foreldrene. Hilsen Per"),
        # a service or a workplace is no one's matter, and a decision about a thing is no one's case
        ("private", "Stolt av kollegaene mine i hjemmetjenesten som stiller opp i all slags vær!"),
        ("private", "Dama fra barnevernet på foreldremøtet var kjempeflink. Lærte mye."),
        ("private", "Nattevakt igjen. Stille på avdelinga, kaffe og strikketøy."),
        ("reply", "Hei! Sykehjemmet har åpent for besøk hele dagen. Hilsen Kari"),
        ("reply", "Hei! Vedtaket om ny skolestruktur finner du på nettsiden. Hilsen Tone"),
        ("reply", "Hei! Klagen din er registrert, og du får svar innen tre uker. Hilsen Tone"),
        ("post", "Kommunestyret vedtok i går ny skolestruktur. Les hele vedtaket på nettsiden."),
        # a name signing the reply is the writer
        ("reply", "Vi kan ikke si noe om vedtaket om å stenge biblioteket. Vennlig hilsen Vegard"),
        # "veit ikkje kva" without a day or a year is no confusion
        ("private", "Eg veit ikkje kva dei har tenkt med turnusen på avdelinga vår."),
    ],
)
def test_the_writers_own_matter_people_in_general_and_services_are_not(kind: str, text: str) -> None:
    assert not found(text, kind), text


@pytest.mark.parametrize("slug", sorted(list_packs()))
def test_the_engine_blocks_a_structural_case_in_a_private_post_and_a_reply(slug: str) -> None:
    pack = load_pack(slug)
    private = evaluate(PRIVATE[0], "private", pack)
    assert private.action == "block" and CASE_DETAILS in private.codes
    reply = evaluate(OWN_TEXTS[0][1], "reply", pack)
    assert reply.action == "block" and CASE_DETAILS in reply.codes
    own = evaluate("Jeg fikk lungekreftdiagnosen i går. Takk for alle hilsener.", "private", pack)
    assert CASE_DETAILS not in own.codes


def test_a_citizens_comment_is_not_judged_by_structure() -> None:
    # the structure is for texts written at work; a citizen's comment keeps the rules alone
    text = "Samme dama kom inn på legevakta for fjerde gang i helga, like ruset hver gang."
    assert by_structure(text, "private")
    comment = Document(text, "comment")
    assert ConfidentialAnalyser().analyse(comment) == ConfidentialAnalyser()._by_rules(comment)
    assert not found(text, "comment")
