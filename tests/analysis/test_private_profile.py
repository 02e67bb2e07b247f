"""Private profile: work e-mail, speaking for the employer, the missing "this is my private view"."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import AnalysisContext, Document
from somevakt.analysis.private_profile import PrivateProfileAnalyser

CTX = AnalysisContext(municipality_name="Gausdal kommune", email_domains=("gausdal.kommune.no",))


def codes(text: str, kind: str = "private") -> list[str]:
    return [
        f.code.removeprefix("private.") for f in PrivateProfileAnalyser().analyse(Document(text, kind, CTX))
    ]


def test_it_finds_a_work_address_masked() -> None:
    text = "Kontakt meg på kari.nordmann@gausdal.kommune.no om dugnaden. Skriver dette privat."
    (finding,) = PrivateProfileAnalyser().analyse(Document(text, "private", CTX))
    assert finding.code == "private.work_email"
    assert text[finding.start : finding.end] == "kari.nordmann@gausdal.kommune.no"
    assert finding.text is not None and "kari.nordmann" not in finding.text
    assert codes("Send til kari@oppvekst.gausdal.kommune.no, mine private meninger") == ["work_email"]
    assert codes("Kontakt meg på kari@gmail.com") == []


def test_it_notices_writing_on_behalf_of_the_municipality() -> None:
    assert "speaks_for_employer" in codes("Vi i kommunen har bestemt at skolen skal legges ned.")
    assert "speaks_for_employer" in codes("Jeg skriver på vegne av Gausdal kommune: vi stenger badet.")
    assert "speaks_for_employer" not in codes("Kommunen burde lytte mer, dette er mine private meninger.")
    assert "speaks_for_employer" in codes("På vegne av oss på rådhuset: takk for tålmodigheten!")
    # the disclaimer itself is not speaking for the employer
    assert (
        codes("Eg skriv dette privat og ikkje på vegner av arbeidsgjevaren min: ordføraren bør stille att.")
        == []
    )
    # a family's decisions are not the employer's
    assert codes("Vi har bestemt oss for å spise middag sammen hver dag.") == []
    assert codes("Jeg beundrer henne, og vi har valgt å støtte henne.") == []
    # speaking for the employer is about the employer, so it needs the disclaimer too
    assert codes("Me i administrasjonen har landa på at hallen skal byggjast på Myra.") == [
        "speaks_for_employer",
        "disclaimer_missing",
    ]


def test_it_asks_for_a_disclaimer_when_the_post_is_about_the_municipality() -> None:
    assert codes("Kommunen har gjort en god jobb med lekeplassen.") == ["disclaimer_missing"]
    assert codes("Gausdal kommune har gjort en god jobb med lekeplassen.") == ["disclaimer_missing"]
    assert codes("Ordføreren tar feil om skolen.") == ["disclaimer_missing"]
    assert codes("Kommunen burde brøyte oftere. Dette er mine private meninger.") == []
    assert codes("Uttaler meg som privatperson: kommunen må satse på skolen.") == []
    assert codes("Fin tur i fjellet i dag!") == []


def test_it_asks_for_no_disclaimer_when_only_the_address_is_from_work() -> None:
    # the work address is its own finding; a sofa sale is not about the municipality
    assert codes("Selger sofa, pent brukt. Kontakt meg på ola.nordmann@gausdal.kommune.no") == ["work_email"]
    assert codes("Kommunen er treg. Kontakt meg på ola@gausdal.kommune.no") == [
        "work_email",
        "disclaimer_missing",
    ]
    # the place is not the employer
    assert codes("Gausdal er en fin plass å bo.") == []
    assert codes("Flott tur i Gausdal i dag!") == []


def test_it_only_looks_at_private_posts() -> None:
    assert codes("Vi i kommunen har bestemt at skolen legges ned.", kind="reply") == []


@pytest.mark.parametrize(
    "text",
    [
        "Som rektor må jeg si at saken er under kontroll.",
        "Som sjukepleiar kan eg stadfeste at heimetenesta er underbemanna.",
        "Jobber på Forset skole og kan bekrefte at foreldremøtet er flyttet.",
        "Eg jobbar i teknisk og kan love at vegen blir brøyta i morgon.",
        "Som saksbehandler i byggesak kan jeg fortelle at søknaden blir godkjent.",
    ],
)
def test_leaning_on_ones_work_role_to_inform_speaks_for_the_employer(text: str) -> None:
    from somevakt.analysis.private_profile import SPEAKS_FOR_EMPLOYER, PrivateProfileAnalyser

    assert SPEAKS_FOR_EMPLOYER in {
        f.code for f in PrivateProfileAnalyser().analyse(Document(text, "private"))
    }


@pytest.mark.parametrize(
    "text",
    [
        "Som mamma må jeg si at jeg er stolt av ungene i dag.",
        "Som lærer elsker jeg sommerferien, haha.",
        "Jobber på Forset skole og trives kjempegodt!",
        "Som innbygger kan jeg si at brøytinga er elendig.",
    ],
)
def test_a_role_without_informing_for_the_employer_does_not(text: str) -> None:
    from somevakt.analysis.private_profile import SPEAKS_FOR_EMPLOYER, PrivateProfileAnalyser

    assert SPEAKS_FOR_EMPLOYER not in {
        f.code for f in PrivateProfileAnalyser().analyse(Document(text, "private"))
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ny jobb i Gausdal kommune fra 1. mars, gleder meg!", False),
        ("Sommarjobb på kommunen i år igjen, heilt topp 🌞", False),
        ("Takk for 30 fine år med kollegene i Gausdal kommune!", False),
        ("Jobber i Gausdal kommune og er lei av at kommunen ikke prioriterer skolen.", True),
        ("Kommunen har rotet det til med brøytinga i år.", True),
        # a post of one's own, or years at it, is news about the writer
        ("Fra 1. april er jeg enhetsleder i Gausdal kommune. Spent!", False),
        ("Eg er nytilsett sakshandsamar i kommunen, heilt rå første veke", False),
        ("Gratulerer med 25 år i Gausdal kommune, Torunn! 🌷", False),
        # ...but a feeling about the municipality is about it
        ("Jeg er sint på kommunen, de har kuttet i skolen.", True),
        ("Er jeg den eneste som synes kommunen svikter de eldre?", True),
    ],
)
def test_the_municipality_as_ones_workplace_needs_no_disclaimer(text: str, expected: bool) -> None:
    from somevakt.analysis.private_profile import DISCLAIMER_MISSING

    ctx = AnalysisContext(municipality_name="Gausdal kommune")
    found = {f.code for f in PrivateProfileAnalyser().analyse(Document(text, "private", ctx))}
    assert (DISCLAIMER_MISSING in found) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Offisielt fra oss på rådhuset: parkeringsplassen stenges i hele mars.",
        "Offisielt frå teknisk: vegen blir ikkje asfaltert i år heller.",
        "Styrer her: barnehagen vår innfører ikke matservering, same hva foreldra mener.",
        "Hei alle. Kommunalsjef her, og jeg kan si at kuttene kommer.",
    ],
)
def test_an_official_word_or_a_leaders_byline_speaks_for_the_employer(text: str) -> None:
    codes = {f.code for f in PrivateProfileAnalyser().analyse(Document(text, "private"))}
    assert "private.speaks_for_employer" in codes


def test_any_role_as_a_byline_makes_the_post_about_work() -> None:
    codes = {
        f.code
        for f in PrivateProfileAnalyser().analyse(
            Document("Sykepleier her. Vi er alt for få på vakt, og ledelsen vet det.", "private")
        )
    }
    assert codes == {"private.disclaimer_missing"}
    # with the disclaimer, and without the byline, nothing to remind of
    assert not PrivateProfileAnalyser().analyse(
        Document("Sykepleier her, men dette er mine private meninger: vi er for få på vakt.", "private")
    )
    assert not PrivateProfileAnalyser().analyse(
        Document("Vi hadde en fin tur i fjellet her i helga, lærer og elev sammen.", "private")
    )


@pytest.mark.parametrize(
    "text",
    [
        "Svømmehallen i kommunen stenger to veker i juni. Det står på nettsida, del gjerne!",
        "Deler: gratis leksehjelp på biblioteket hver tirsdag. Følg kommunens side for mer info.",
        "Kommunestyret vedtok å bygge ny hall. Det står i lokalavisa i dag.",
    ],
)
def test_public_information_passed_on_with_its_source_needs_no_disclaimer(text: str) -> None:
    assert not PrivateProfileAnalyser().analyse(Document(text, "private"))


@pytest.mark.parametrize(
    "text",
    [
        # a critical word, or a call to lobby the elected, is more than relaying
        "Kommunen kutter i skolebudsjettet igjen. Det står på nettsida, del gjerne!",
        "Kommunestyret skal stemme over ny hall. Send mail til representantene, adressene står på nettsida.",
    ],
)
def test_criticism_or_lobbying_with_a_source_still_needs_one(text: str) -> None:
    codes = {f.code for f in PrivateProfileAnalyser().analyse(Document(text, "private"))}
    assert "private.disclaimer_missing" in codes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an elected member's own vote or word at the meeting is the politician's role
        ("Jeg stemmer nei til nedlegging av Follebu skole i kommunestyret i kveld.", False),
        ("Eg kjem til å røyste for ny fleirbrukshall når saka kjem opp.", False),
        ("Æ ska si klart ifra om brøytinga på kommunestyremøtet på torsdag.", False),
        ("Vi stemte imot budsjettet fordi kommunen kutter i skolen.", False),
        # a citizen's view of what the municipality does is not a vote
        ("Jeg stemte ved valget, men kommunen hører ikke på oss.", True),
        ("Kommunestyret stemte for å legge ned skolen. Skam!", True),
    ],
)
def test_an_elected_members_own_vote_needs_no_disclaimer(text: str, expected: bool) -> None:
    from somevakt.analysis.private_profile import DISCLAIMER_MISSING

    ctx = AnalysisContext(municipality_name="Gausdal kommune")
    found = {f.code for f in PrivateProfileAnalyser().analyse(Document(text, "private", ctx))}
    assert (DISCLAIMER_MISSING in found) is expected
