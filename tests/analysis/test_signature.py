"""Signature: is a reply signed with a first name?"""

from __future__ import annotations

import pytest

from somevakt.analysis.base import AnalysisContext, Document
from somevakt.analysis.signature import SignatureAnalyser, signed_name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Takk for spørsmålet! Brøytebilen kommer i kveld. Hilsen Kari", "Kari"),
        ("Takk for spørsmålet!\n– Ola", "Ola"),
        ("Vi ser på saken. mvh Per i Gausdal kommune", "Per"),
        ("Vennlig hilsen\nKari, rådgiver", "Kari"),
        ("Takk for tipset!\nKari\nServicetorget", "Kari"),
        ("Det ordner seg. /Anne-Lise", "Anne-Lise"),
        ("Takk for beskjed. Venleg helsing Ingrid", "Ingrid"),
        # a double first name is a first name; the second part is a given name, not a surname
        ("Fristen er 1. mars. Hilsen Ole Martin", "Ole Martin"),
        ("Vennlig hilsen\nAnne Marie, Gausdal kommune", "Anne Marie"),
        ("Saken håndteres av skolen. Hilsen rektor Bente", "Bente"),
        # any given name of the names lexicon as the second part, and the greetings of an English reply
        ("Ungdomsklubben holder åpent i påsken som vanlig. Hilsen Anne Grete", "Anne Grete"),
        ("Thanks for asking! The summary is on our website. Kind regards, Leila", "Leila"),
        ("The pool opens at seven.\nBest wishes,\nTorunn", "Torunn"),
        ("Glad you enjoyed the festival! Best, Emma", "Emma"),
        ("The pool opens again on Monday. Cheers, Henrik 🏊", "Henrik"),
    ],
)
def test_it_finds_the_first_name_a_reply_is_signed_with(text: str, name: str) -> None:
    assert signed_name(text, "Gausdal") == name


@pytest.mark.parametrize(
    "text",
    [
        "Vi svarer så fort vi kan.",
        # Gausdal 7: the first name only; a full name is not that signature.
        "Takk for spørsmålet! Hilsen Kari Nordmann",
        "Vennlig hilsen\nKari Nordmann, rådgiver",
        "Hilsen Gausdal kommune",
        "Hilsen Servicetorget",
        "Takk for tipset, vi sjekker det",
        "Hei Kari, takk for beskjed.",
        "Velkommen!\nGausdal kommune",
        "Takk for tipset.\nHilsen oss i Gausdal kommune",
        "Hilsen Per Olsen",
        "Hilsen rektor Bente Hansen",
        "Hilsen Ole Martin Hansen",
        "The pool opens at seven. Kind regards, Jensen",
        "Thanks! Best regards, the library",
        "We fixed it. Best, Jensen",
        # units in their definite form
        "Søppeltømmingen er forsinket én dag. – Kommunikasjonsavdelingen",
        "Takk for beskjed.\nHilsen Plan- og byggseksjonen",
    ],
)
def test_it_does_not_take_units_or_greetings_for_a_name(text: str) -> None:
    assert signed_name(text, "Gausdal") is None


@pytest.mark.parametrize("own_name", ["Gausdal kommune", "Gausdal", "GAUSDAL KOMMUNE"])
def test_it_compares_the_municipality_name_word_for_word(own_name: str) -> None:
    # the packs give the full name ("Gausdal kommune"); a signature is one capitalised word
    assert signed_name("Takk for spørsmålet. Hilsen Kari, Gausdal kommune", own_name) == "Kari"
    assert signed_name("Takk for spørsmålet.\nHilsen Kari\nGausdal kommune", own_name) == "Kari"
    assert signed_name("Takk for spørsmålet. Hilsen Gausdal kommune", own_name) is None
    assert signed_name("Takk for spørsmålet. Hilsen Gausdal", own_name) is None
    assert signed_name("Takk for spørsmålet. Hilsen Gausdal Kommune", own_name) is None
    assert signed_name("Takk for spørsmålet. Hilsen Gausdal", "Nord-Aurdal kommune") == "Gausdal"
    assert signed_name("Takk. Hilsen Nord-Aurdal kommune", "Nord-Aurdal kommune") is None


def test_it_reports_an_unsigned_reply_only() -> None:
    ctx = AnalysisContext(municipality_name="Gausdal kommune")
    (finding,) = SignatureAnalyser().analyse(Document("Vi ser på saken.", "reply", ctx))
    assert finding.code == "style.signature_missing" and (finding.start, finding.end) == (0, 16)
    assert SignatureAnalyser().analyse(Document("Vi ser på saken. Hilsen Kari", "reply", ctx)) == []
    assert (
        SignatureAnalyser().analyse(Document("Vi ser på saken. Hilsen Kari, Gausdal kommune", "reply", ctx))
        == []
    )
    assert SignatureAnalyser().analyse(Document("Vi ser på saken. Hilsen Gausdal", "reply", ctx))
    assert SignatureAnalyser().analyse(Document("Vi ser på saken.", "post", ctx)) == []
    assert SignatureAnalyser().analyse(Document("Vi ser på saken.", "comment", ctx)) == []


def test_two_first_names_signing_together_are_a_first_name_signature() -> None:
    from somevakt.analysis.signature import signed_name

    assert signed_name("Takk for tipset! Hilsen Kari og Per", "Gausdal kommune") == "Kari"
    assert signed_name("Takk! Helsing Ola & Kari i kulturkontoret", "Gausdal kommune") == "Ola"
    # a full name is still not a first-name signature, alone or after "og"
    assert signed_name("Takk! Hilsen Kari og Per Hansen", "Gausdal kommune") is None
    assert signed_name("Takk! Hilsen Kari Nordmann", "Gausdal kommune") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a smile after the name is part of the sign-off, not a reason to call it unsigned
        ("Biblioteket har åpent til åtte i kveld. Hilsen Ragnhild 🙂", "Ragnhild"),
        ("Veien er brøytet nå. – Tormod 👍👍", "Tormod"),
        ("Det går fint å levere skjemaet på e-post. Helsing Synnøve :)", "Synnøve"),
        ("Takk for beskjed, vi sender noen.\nMvh\nVigdis ❤️", "Vigdis"),
        # the greeting abbreviated with its full stop
        ("Ja, du kan søke digitalt. Mvh. Torstein", "Torstein"),
        ("Vi ringer deg i morgon. vh. Jorunn", "Jorunn"),
        # first names that happen to end like a surname
        ("Takk for tipset! Hilsen Johannes", "Johannes"),
        ("Det er rett. Hilsen Erland", "Erland"),
    ],
)
def test_a_first_name_with_a_smile_or_an_abbreviated_greeting_is_a_signature(text: str, name: str) -> None:
    assert signed_name(text, "Gausdal kommune") == name


@pytest.mark.parametrize(
    "text",
    [
        # Gausdal asks for the first name: a surname alone is not one
        "Hallen er stengt i påsken. mvh Kristiansen",
        "Vi har fått søknaden din. Hilsen Haugen",
        "Takk for innspillet. Helsing Solberg",
        "Bussen går som vanlig. – Fjellstad",
        "Skjemaet ligger på nettsida. Mvh. Andreassen 😊",
    ],
)
def test_a_surname_alone_is_not_a_first_name_signature(text: str) -> None:
    assert signed_name(text, "Gausdal kommune") is None
