"""Rules written on the errors of challenge_w and challenge_x after they became dev sets (session 20):
a thanks that closes a request, a club's or a collection's account, someone else's prison term or
dementia told in a comment, people shut in by a slide, a forecast asked about, slang praise that
"kills", and group hate in shapes the lexicon lacked. Our own sentences."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.confidential import ConfidentialAnalyser
from somevakt.analysis.registry import analyse
from somevakt.policy.engine import evaluate
from somevakt.policy.packs import load_pack


def codes(text: str, kind: str = "comment") -> set[str]:
    return {f.code for f in analyse(text, kind).findings}


def action(text: str, kind: str = "comment", slug: str = "batsfjord") -> str:
    return evaluate(text, kind, load_pack(slug)).action


@pytest.mark.parametrize(
    "text",
    [
        "send meg svar på sms takk",
        "fødselsnr 0804901234 ring meg i morgen takk",
        "Kan dere sende meg timeplanen for bassenget? På forhånd takk",
    ],
)
def test_a_thanks_closing_a_request_is_no_praise(text: str) -> None:
    assert "tone.praise" not in codes(text)
    assert action(text) != "thank"


def test_praise_beside_the_request_is_still_praise() -> None:
    assert "tone.praise" in codes("Kan dere hjelpe meg igjen? Dere var så flinke sist, takk!")


@pytest.mark.parametrize(
    "text",
    [
        "Kontonummeret til skolekorpset var feil, riktig er 2601.17.38450. Beklager!",
        "Gavekontoen til juleverksted for barna: 1503.46.27816 (Fjellby Lions). Alt går til materialer.",
    ],
)
def test_a_clubs_or_a_collections_account_is_no_personal_data(text: str) -> None:
    assert "personal_data.bank_account" not in codes(text)


def test_the_writers_own_account_is_still_personal_data() -> None:
    assert "personal_data.bank_account" in codes("Kontonummeret mitt er 2601.17.38450, når kommer pengene?")


@pytest.mark.parametrize(
    "text",
    [
        "kjæresten til Mona i Bakkeveien sitter inne for narkotika, hvorfor får han jobbe i barnehagen?",
        "Den gamle mannen i nr. 7 har demens og går rundt ute om natta. Noen må følge med på ham.",
    ],
)
def test_someone_elses_prison_term_or_dementia_told_in_a_comment_is_confidential(text: str) -> None:
    found = [f.code for f in ConfidentialAnalyser().analyse(Document(text, "comment"))]
    assert found == ["confidential.case_details"]


def test_a_citizens_own_grandfathers_dementia_is_theirs_to_tell() -> None:
    assert not ConfidentialAnalyser().analyse(
        Document("Morfar har demens, så vi kommer ikke på julegrøten i år.", "comment")
    )


def test_people_shut_in_by_a_slide_are_a_crisis() -> None:
    text = "Steinras over vegen ved tunnelen, bussen står der full av folk og de kommer ikke ut."
    assert "intent.crisis" in codes(text)
    assert action(text) == "escalate_crisis"


def test_a_forecast_asked_about_is_a_question_not_a_crisis() -> None:
    text = "Blir det flom i elva i år også? Vi lurer på om vi bør kjøpe sandsekker."
    assert "intent.crisis" not in codes(text)
    assert action(text) == "reply"


def test_slang_praise_that_kills_is_no_threat() -> None:
    assert "abuse.threat" not in codes("det nye bandet på ungdomshuset dreper totalt 🔥🔥")
    assert "abuse.threat" in codes("Jeg dreper deg hvis du kommer hit igjen!")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Muslimer har ikke noe på skolene våre å gjøre.", "comment"),
        ("Samekaillan får alt gratis. Hele slekta bør sendes ut av kommunen.", "private"),
        ("Somalis are only good for cleaning. Keep them off the school board.", "comment"),
        ("Those Eastern Europeans at the plant are animals.", "comment"),
    ],
)
def test_group_hate_in_more_shapes(text: str, kind: str) -> None:
    assert "abuse.hate" in codes(text, kind)
    assert action(text, kind) in ("delete", "block")


@pytest.mark.parametrize(
    "text",
    [
        "Hei Siri! Du kan sende skjemaet rett til Per Olsen på per.olsen@fjellby.kommune.no. Hilsen Mona",
        "Hei Tor! Byggesak når du på 71 23 45 60 mellom 9 og 14. Hilsen Mona",
    ],
)
def test_a_colleagues_work_address_and_an_offices_number_in_a_reply_are_fine(text: str) -> None:
    assert not {c for c in codes(text, "reply") if c.startswith("personal_data.")}
    assert action(text, "reply", "hustadvika") == "ok"


def test_a_private_address_in_a_reply_is_still_revised() -> None:
    text = "Hei! Send det til per.olsen@gmail.com, så ordner han det. Hilsen Mona"
    assert "personal_data.email" in codes(text, "reply")
    assert action(text, "reply", "hustadvika") == "revise"


def test_a_work_address_in_a_citizens_comment_is_still_flagged() -> None:
    assert "personal_data.email" in codes("Send klagen til per.olsen@fjellby.kommune.no, han er sjefen.")


def test_the_tools_to_take_down_what_the_council_put_up_are_a_threat() -> None:
    text = "Den nye bommen ved brua kommer ikke til å stå lenge. Har motorsag og vinkelsliper klar 🔥"
    assert "abuse.threat" in codes(text)
    assert "abuse.threat" not in codes("Bommen kommer ikke til å stå lenge, den blir flyttet etter valget.")
    assert "abuse.threat" not in codes("Jeg har motorsag og vinkelsliper til utlån hvis noen trenger.")


def test_the_emergency_services_on_their_way_are_a_crisis() -> None:
    assert "intent.crisis" in codes("Ambulansen er på vei til skolen nå, en elev har falt fra klatreveggen.")
    reply = "Hei Kari! Brannvesenet er på vei til hallen nå. Hold dere unna bygget. Hilsen Siri"
    assert action(reply, "reply", "hustadvika") == "block"  # Hustadvika: crisis messages need the crisis team


@pytest.mark.parametrize(
    "text",
    [
        "Ny jobb på biblioteket i Fjellby fra mars! Gleder meg til å møte dere der 😊",
        "Varaordføreren har gjort en dårlig jobb med budsjettet. Det er min politiske vurdering. – Per, "
        "gruppeleder for Bygdelista",
        "Jeg har fått permisjon fra kommunestyret fordi jeg skal opereres. Tilbake til sommeren!",
    ],
)
def test_a_new_job_and_a_politicians_own_politics_need_no_disclaimer(text: str) -> None:
    assert "private.disclaimer_missing" not in codes(text, "private")


def test_english_staffing_worries_are_criticism() -> None:
    assert "tone.negative" in codes("I work at the care home and we need more staff at night. It's not safe.")


@pytest.mark.parametrize(
    "text",
    [
        "Hansen at the planning office is a f*cking prick.",
        "The new manager is an absolute dickhead.",
        "Per som kjører skolebussen e den lataste mainnj i heile fylket.",
        "Rektor er den mest udugelige lederen i hele kommunen.",
    ],
)
def test_a_vulgar_english_name_or_the_worst_of_a_place_is_an_insult(text: str) -> None:
    assert "abuse.insult" in codes(text)


def test_the_best_of_a_place_is_praise() -> None:
    assert "abuse.insult" not in codes("Hun er den beste læreren i hele kommunen!")


def test_a_gritting_lorry_asked_for_is_upkeep_not_politics() -> None:
    assert "intent.political" not in codes("Det er speilblankt i bakken nå. Kommunen må få ut strøbil!")


@pytest.mark.parametrize(
    "text",
    [
        "Kari på servicetorget sier at skjemaet er borte. Igjen. Ingen ringer tilbake.",
        "Dere har mistet søknaden min to ganger nå.",
    ],
)
def test_lost_papers_and_no_call_back_are_complaints(text: str) -> None:
    # (the lost application is also the writer's own case: referred, with the complaint beside it)
    assert "tone.negative" in codes(text)
    assert action(text) != "none"


def test_someone_excused_for_lost_papers_is_praised_not_blamed() -> None:
    text = (
        "Det var ikke Annes feil at søknaden ble borte, det var systemet. "
        "Hun var kjempehjelpsom da jeg ringte."
    )
    assert "tone.negative" not in codes(text)
