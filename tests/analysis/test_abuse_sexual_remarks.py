"""A sexual remark aimed at a person is obscene whatever the comment classifier says (it learnt
obscenity mostly from swear words and scores these low); a sexual word that names no one, or one
reported in a complaint, is not made exact by this rule."""

from __future__ import annotations

import pytest

from somevakt.analysis import abuse
from somevakt.analysis.abuse import AbuseAnalyser
from somevakt.analysis.base import Document


def obscene(text: str) -> bool:
    return any(f.code == abuse.OBSCENE for f in AbuseAnalyser().analyse(Document(text, "comment")))


REMARKS = [
    # slept or had sex one's way into a job
    "Alle vet at den nye enhetslederen har ligget med sjefen for å få den stillingen.",
    "Ho har sove seg fram til jobben, den nye kommunalsjefen, det veit heile bygda.",
    "Han fikk vervet fordi han ga ordføreren en blowjob, ingen annen grunn.",
    # said to the reader or an employee
    "Du trenger bare å bli pult, så slutter du å skrive om brøyting.",
    "Send nudes du også, så kanskje jeg svarer på høringen din 😏",
    "Den nye vaktmesteren er så kjekk at jeg blir helt kåt når han måker 🔥",
    "Vedtaket er like slapt som kuken hans, ordfører.",
    "Kanskje saksbehandleren heller kan se på porno på jobben, det gjør han jo uansett.",
]

NOT_REMARKS = [
    # a drawing or a word written somewhere, reported
    "Noen har tagget en stor kuk på skolens vegg igjen. Kan vaktmesteren male over?",
    "En mann viste meg pikken sin på bussen i går kveld. Hvem melder jeg dette til?",
    "Jeg ble kalt hore av en elev. Hva gjør skolen med dette?",
    # sexual words that name no one
    "Kan skolen sette opp pornofilter på elevenes nettbrett?",
    "Helsestasjonen burde dele ut gratis kondomer til ungdommen.",
    # "pult" is also a desk
    "Klasserommet har fått ny pult til læreren, takk til vaktmesteren!",
]


@pytest.mark.usefixtures("hears_nothing")
@pytest.mark.parametrize("text", REMARKS)
def test_a_sexual_remark_aimed_at_someone_is_obscene_whatever_the_classifier_says(text: str) -> None:
    assert obscene(text)


@pytest.mark.usefixtures("hears_nothing")
@pytest.mark.parametrize("text", NOT_REMARKS)
def test_a_reported_or_unaimed_sexual_word_is_not_made_exact(text: str) -> None:
    assert not obscene(text)


def test_the_remark_is_pointed_at_and_a_quoted_one_is_not() -> None:
    text = "Rektor har sikkert ligget med halve kontoret."
    [(start, end)] = abuse.sexual_remarks(text, text.lower())
    assert text[start:end].startswith("ligget med halve")
    quoted = "Han sa «du har sikkert ligget med sjefen» til meg i skranken, og det er ikke greit."
    assert not abuse.sexual_remarks(quoted, quoted.lower())
