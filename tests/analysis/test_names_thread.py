"""Names that are no third party named (issue 12, names 0.2.0+10): the one a comment answers in a
thread, the writer introducing themself with where they are from, places after dialect and
"whole" prepositions, events and prizes, shouted words; and the people that must still be found
beside them. Sentences of our own, bokmål, nynorsk and dialect."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import AnalysisContext, Document
from somevakt.analysis.names import NameAnalyser


def _named(text: str, kind: str = "comment") -> list[str]:
    doc = Document(text, kind, AnalysisContext(municipality_name="Gausdal kommune"))
    return [f.text for f in NameAnalyser().analyse(doc)]


@pytest.mark.parametrize(
    "text",
    [
        # the one a comment answers: a heading, agreement, a quote, thanks for a tip
        "Siri: ja, de åpner kl 10 på lørdager.",
        "Til Hanne: svømmehallen åpner mandag.",
        "Svar til Per: nei, det er ikke gratis.",
        "Knut, du har helt rett, det er for dårlig vedlikehold på vegen.",
        "Helt enig med Torbjørn her, krysset er livsfarlig.",
        "Einig med deg Sverre, men la oss sjå kva dei seier på møtet.",
        "Som Randi skriver over: bussen er alltid sen.",
        "Takk for tipset, Anders! Det skal jeg prøve.",
        "Takk Line, det visste jeg ikke! Da ringer jeg i morgen.",
        "Tusen takk Ragnhild 😊 Då veit eg det.",
        # the writer, with where they are from
        "Hei, det er Randi frå Bøen her. Kva tid opnar symjehallen?",
        "Hei, Mona fra 2. etasje her igjen. Lyset i oppgangen er ødelagt.",
        "Kjell fra Vestre Gausdal her – vegen er ufremkommelig.",
        "Hallo, her er det Geir fra Lia. Når kommer brøytebilen?",
        "Hei, jeg er ny her og heter Ahmed. Hvor melder jeg meg på norskkurs?",
        "Takk for svar!\nVennlig hilsen\nOla og Kari",
        "Thank you for the quick answer.\nBest, Anna",
        # places: the whole of one, the dialect's joined prepositions, across a bridge
        "Vi har ikke vann i hele Lia nå, og mor bor alene.",
        "Det er fortsatt ingen brøyting oppi Lia.",
        "Brua over Gausa ser ut til å gi etter!",
        "vi rodde over til Holmen kvar sommar",
        "Jeg ber om at dere utsetter vedtaket om Granlia til etter høringen.",
        # events and prizes
        "Bli med på Ryddeaksjon Fjæra laurdag kl. 11!",
        "Løp Holmenkollstafetten med kollegene i dag, nummer 211 av 400.",
        "Olav Duun-prisen gikk til en lokal forfatter.",
        # shouted words, a dialect question word
        "TAKK TIL DE SOM HENTET SØPPELET NÅR JEG HADDE BRUKKET FOTEN. DERE ER SNILLE",
        "Kossen e det med skolemåltidet, e det gratis for alle no?",
    ],
)
def test_no_third_party_is_named(text: str) -> None:
    assert _named(text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # answered or thanked, but attacked or criticised at work
        ("Knut, du er jo en idiot som ikke kan lese.", ["Knut"]),
        ("Kari, du er en udugelig saksbehandler og burde få sparken.", ["Kari"]),
        ("Til Hanne på teknisk: dere har ikke brøytet på en uke.", ["Hanne"]),
        ("Som Randi på teknisk sa, vegen blir ikke fiksa.", ["Randi"]),
        # (in a text that attacks anyone, the one agreed with is kept too, as a friend tagged is)
        ("Enig med Torbjørn, rådmann Hansen er en feiging.", ["Torbjørn", "Hansen"]),
        ("Takk for tipset, Kari, men dere brøyter jo aldri her.", ["Kari"]),
        # thanked for their work: the municipality's own answer, help, the service
        ("Takk for svaret, Elin! Det hjelpte veldig, no fekk eg sendt søknaden.", ["Elin"]),
        ("Takk Marit, og takk til alle dere andre i hjemmetjenesten som står på 🙏", ["Marit"]),
        ("Takk Stine!", ["Stine"]),
        ("Takk, Anne-Lise, for hjelpa.", ["Anne-Lise"]),
        ("TAKK TIL HJEMMEHJELPEN SOLVEIG SOM ER SÅ FLINK OG BLID", ["HJEMMEHJELPEN SOLVEIG"]),
        # a given name that ends like a place
        ("Takk til Emilia på biblioteket for hjelpa!", ["Emilia"]),
        # it is someone, not the writer, and not where they are from
        ("Hei, det er Kari Hansen på byggesak som har rotet bort søknaden min.", ["Kari Hansen"]),
        ("Jeg har prøvd å nå Siri i tre uker, hun svarer aldri.", ["Siri"]),
    ],
)
def test_a_person_is_still_named(text: str, names: list[str]) -> None:
    assert _named(text) == names


def test_a_name_addressed_outside_a_comment_keeps_the_own_text_conventions() -> None:
    # a colleague congratulated in a private post, the reader greeted in the municipality's reply
    # (the reply's findings tell the records office that a name would become public: archive.exposure)
    assert _named("Gratulerer så mye med 50-årsdagen, Bente! Du er en fantastisk kollega 🎉", "private") == [
        "Bente"
    ]
    assert _named("Knut, du har helt rett: vegen skal brøytes i dag. Hilsen Kari", "reply") == ["Knut"]


@pytest.mark.parametrize(
    "text",
    [
        "Hei! Eg er Torill, nyinnflytta til Eide. Kor er bossdunken?",
        "Eg er nyinnflytta til Aasen og lurer på kor bossdunken skal stå.",
        "Vi har nettopp innflytta til Moen, når kjem brøytebilen?",
    ],
)
def test_a_place_someone_moved_to_is_not_named(text: str) -> None:
    assert _named(text) == []
