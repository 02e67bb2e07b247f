"""Confidential matters in the municipality's own texts and employees' private posts (session 9,
issue 12: recall 0.36-0.58 on held-out private posts). Our own sentences, bokmål, nynorsk and
dialect, none from the corpus or the challenge and dev sets."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.confidential import CASE_DETAILS, ConfidentialAnalyser


def found(text: str, kind: str = "private") -> bool:
    return any(f.code == CASE_DETAILS for f in ConfidentialAnalyser().analyse(Document(text, kind)))


@pytest.mark.parametrize(
    "text",
    [
        # a person named by their condition
        "Så fint å se ADHD-jenta i gruppa mi le så mye i dag!",
        "Diabetesgutten i 2. klasse glemte insulinet igjen, heldigvis hadde vi ekstra.",
        "Kreftpasienten på rom 7 fikk komme hjem i dag.",
        "Alkoholikeren i første etasje ringte oss fire ganger i natt.",
        "Den demente mannen på skjermet enhet trodde jeg var dattera hans 😊",
        "Den autistiske guten i 4A fekk ein ny assistent i dag.",
        "Fosterbarnet vi fulgte opp i fjor har begynt på videregående!",
        # someone met at work, pointed at
        "Hadde et tungt møte hos en familie i dag. Barnevernet er inne nå.",
        "Rektor på Bakken skole er sykmeldt med utbrenthet, sies det på personalmøtet.",
        "Han som bor i den kommunale boligen på hjørnet har fått nødhjelp igjen.",
        "Elevmøte om jenta jeg har skrevet om før, hun med spiseforstyrrelsen.",
        "Gubben på rom 5 sovnet stille inn i natt. Hvil i fred.",
        "Mista ein av bebuarane våre i natt, ho sovna fredeleg inn på avdeling 3.",
        "Ei av brukeran våres fekk påvist demens i dag.",
        "Ein tilsett som har teke pengar frå kassa fekk sparken i dag.",
        # matters in their other words
        "Eleven i 8C har fått tre dagers bortvisning etter slåsskampen.",
        "Pasienten min hadde fått slag i natt, men er stabil nå.",
        "Naboen din har betalingsanmerkninger, og derfor er søknaden stoppet.",
        # more ways of pointing at someone met at work
        "Kjørte en mor og to barn til krisesenteret i natt. Tøft.",
        "Hun ene pasienten som alltid synger, fikk diagnosen parkinson i dag.",
        "Møtte nabokona mi som pasient på legevakta. Hun har fått påvist kreft.",
        "Når epilepsigutten i 4. klasse får anfall, vet hele klassen hva de skal gjøre nå. Så stolte!",
        "Tenk at jenta fra fosterhjemmet nå skal begynne på universitetet!",
        "Lederen vår er visst i sluttavtale-forhandlinger. Det har jeg fra personalmøtet.",
        "Intervjuet fire søkere til sjefsstillingen i dag, én av dem fra nabokommunen.",
    ],
)
def test_a_person_and_a_confidential_matter_in_a_private_post_are_found(text: str) -> None:
    assert found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dette er ikke offentlig ennå, men 20 stillinger skal kuttes i skolen.",
        "Ny kommunalsjef er ansatt, men det er hemmelig til mandag 😉",
        "Det blir ikkje kunngjort før fredag, men budsjettkutta rammar kulturskulen.",
        "Hørte på ledermøtet i dag at sykehjemmet skal legges ned.",
        "Lukket møte i formannskapet om en av lærerne i kveld. Sier ikke mer.",
    ],
)
def test_an_internal_matter_not_yet_public_in_a_private_post_is_found(text: str) -> None:
    assert found(text)


@pytest.mark.parametrize(
    "text",
    [
        # the writer's own family is the writer's own business in a private post
        "Sønnen min fikk diagnosen autisme i dag. Endelig svar, og nå kan vi få hjelp.",
        "Mor mi døydde på sjukeheimen i natt, takk til alle som var så gode mot ho.",
        "Farmor døde fredelig på sykehuset i går. Takk for alt ❤️",
        "Kona mi har hatt kreft i to år, i dag var siste cellegift! 🎉",
        # people in general, a service described, the writer's work in general
        "Mange med demens har glede av dagsenteret. Kom gjerne på besøk!",
        "Barn med ADHD trenger forutsigbarhet, og det jobber vi mye med.",
        "Flott dag på jobb! Beboerne koste seg på sommerfesten.",
        "Barnevernsleder Kari Holm holder foredrag om foreldrerollen på torsdag.",
        "Vi har møte i kommunestyret i kveld, åpent for alle.",
        "Gleder meg til julebordet med kollegaene på sykehjemmet!",
        "Alle vet at vi trenger flere sykepleiere i kommunen.",
    ],
)
def test_the_writers_own_family_and_general_talk_in_a_private_post_are_not(text: str) -> None:
    assert not found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hei Per. Vi vet at du er uføretrygdet, og derfor har du fått fritak. Hilsen Kari",
        "Hei! Han du skriver om er kjent for oss og har fått tilbud om rusbehandling. Hilsen Per",
        "Hei. Den ansatte du klager på er sykmeldt for tiden. Hilsen Kari",
        "Vi har fått meldinga di om borna i nr. 12, og dei har alt tiltak frå oss. Helsing Per",
        "Hei! Faren til eleven har fått besøksforbud, så han får ikke hente. Hilsen Kari",
        "Hei. Vi vet at du er ufør, og derfor har du fått gratis trygghetsalarm. Hilsen Per",
        "Leietakeren der har fått varsel om utkastelse. Hilsen Kari",
        "Gutten du nevner er elev i 7B og har fått bortvisning i to dager. Hilsen Per",
    ],
)
def test_a_persons_matter_in_a_reply_is_found(text: str) -> None:
    assert found(text, "reply")


@pytest.mark.parametrize(
    "text",
    [
        "Hei! Hvis du er ufør, kan du søke om redusert egenandel. Hilsen Kari",
        "Du har rett til avlastning når du har tunge omsorgsoppgaver. Hilsen Per",
        "Startlån søkes på Husbankens sider, og vi hjelper deg gjerne. Hilsen Kari",
        "Barnevernsleder Kari Holm svarer på spørsmål om tjenesten på folkemøtet. Hilsen Per",
    ],
)
def test_general_information_in_a_reply_is_not(text: str) -> None:
    assert not found(text, "reply")


def test_the_name_a_sentence_back_is_the_person_a_pronoun_points_at() -> None:
    assert found("Gratulerer med 90 år, Solveig Haugen! Hun har demens, men sang med på alt 🎂", "post")
