"""Personal attacks in ordinary words, hate against disabled people without a slur, and the people a
private post can be aimed at: the rules alone (kind `post`, which the comment classifier does not judge)."""

from __future__ import annotations

import pytest

from somevakt.analysis import abuse
from somevakt.analysis.abuse import AbuseAnalyser
from somevakt.analysis.base import Document


def codes(text: str) -> set[str]:
    return {f.code for f in AbuseAnalyser().analyse(Document(text, "post"))}


@pytest.mark.parametrize(
    "text",
    [
        # contempt, cowardice and dishonesty said of a person in ordinary words
        "Teknisk sjef er et foraktelig menneske som driter i folk flest.",
        "Den nye rektoren er en feig mann som aldri tar telefonen når det brenner.",
        "Ho på sørvistorget er ei uærleg dame, det har eg opplevd sjølv.",
        "Han er løgnaktig fra ende til annen, den nye planlederen.",
        "Bestyrerinna er eit ufyseleg menneske mot ungane.",
        "Heile formannskapet er ein gjeng latsabbar.",
        "Politikerne våre er tafatte folk uten ryggrad.",
        "Skolesjefen er en arrogant kvinne som aldri lytter.",
        # an insulting adjective before an insulting noun, whoever the subject is
        "Han i kulturetaten, en feig kujon og ingenting annet.",
        "Vaktmesteren på skulen vår er ein udugeleg tulling.",
    ],
)
def test_a_person_called_contemptible_cowardly_or_dishonest_is_insulted(text: str) -> None:
    assert abuse.INSULT in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # the same words about a decision, a plan or a thing, or in the writer's own fear
        "Det var et feigt vedtak av kommunestyret, og det sier jeg som velger.",
        "Planen for sentrum er uærlig regnet, tallene stemmer ikke.",
        "Jeg var for feig til å si noe på folkemøtet, så jeg skriver her i stedet.",
        "Saksbehandlinga har vore tafatt, men svaret kom til slutt.",
        "Svaret fra kommunen var arrogant formulert.",
        # an adjective before a comma or "men" (but) is not said of the word after it
        "Det var litt dumt, men greit nok.",
        "Vedtaket var teit, folk ble sure.",
    ],
)
def test_the_same_words_about_a_thing_or_the_writer_are_no_insult(text: str) -> None:
    assert abuse.INSULT not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Blinde er bare en belastning for kommunen.",
        "Ingen autister i klassen til sønnen min, takk.",
        "Vi vil ikkje ha fleire rullestolbrukarar på bussen i rushtida.",
        "Psykisk syke bør sperres inne, ikke bo midt i boligfeltet.",
    ],
)
def test_disabled_people_excluded_or_dehumanised_is_hate(text: str) -> None:
    assert abuse.HATE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Er politikerne blinde? Veien har hatt hull i tre år.",
        "Blindeforbundet holder kurs for de blinde i kulturhuset på tirsdag.",
        "Takk til døvetolken som var med på folkemøtet!",
    ],
)
def test_a_figurative_blindness_or_a_service_for_the_disabled_is_no_hate(text: str) -> None:
    assert abuse.HATE not in codes(text)


def test_a_blind_alley_or_a_game_is_no_sign_of_a_group() -> None:
    for text in ("Blindeveien ved skolen må brøytes.", "Ungene leikte blindebukk i gymsalen."):
        assert abuse._GROUP_SIGN.search(text.lower()) is None, text
    for text in ("De blinde skal få tilbud.", "Blindeskolen flytter."):
        assert abuse._GROUP_SIGN.search(text.lower()) is not None, text


@pytest.mark.parametrize("when", ["i påsken", "i mars", "på fredag", "i morges", "i jula", "i sommar"])
def test_a_time_is_no_place_where_people_a_private_post_aims_at_are(when: str) -> None:
    assert abuse._SOMEONE.search(f"skal jobbe alle {when} uansett") is None


@pytest.mark.parametrize("where", ["i formannskapet", "på teknisk", "fra planavdelinga", "hos legen"])
def test_people_at_a_place_are_still_someone(where: str) -> None:
    assert abuse._SOMEONE.search(f"alle {where} burde skjemmes") is not None
