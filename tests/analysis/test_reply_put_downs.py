"""More put-downs of the reader in the municipality's own replies (abuse 20, issue 12): "dumme deg
ut", "du får skylde deg sjølv", "slutte å kverulere", "det er folk som deg som ...", "burde holde seg
unna kommunens sider". Every guideline asks for a polite, factual answer, so each blocks the reply;
"folk som deg" in an offer is not one. Our own sentences."""

from __future__ import annotations

import pytest

from somevakt.analysis.registry import analyse
from somevakt.policy.engine import evaluate
from somevakt.policy.packs import load_pack


def codes(text: str) -> set[str]:
    return {f.code for f in analyse(text, "reply").findings}


@pytest.mark.parametrize(
    "text",
    [
        "Hadde du sjekka rutetabellen, hadde du sluppe å dumme deg ut i kommentarfeltet. Helsing Ola",
        "Du får rett og slett skylde deg selv når du setter bilen i snuplassen. Hilsen Mona",
        "Nå får du slutte å kverulere om den fakturaen. Hilsen Per",
        "Ærlig talt er det folk som deg som gjør det tungt å jobbe her. Hilsen Per",
        "Sånne som skriver slik som deg bør holde seg unna kommunens sider. Hilsen Per",
    ],
)
def test_a_put_down_blocks_the_reply(text: str) -> None:
    assert "abuse.insult" in codes(text), text
    assert evaluate(text, "reply", load_pack("batsfjord")).action == "block"


def test_an_offer_to_people_like_the_reader_is_no_put_down() -> None:
    text = "Vi har svømmekurs for folk som deg som vil lære å svømme som voksen. Hilsen Kari"
    assert "abuse.insult" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # the reader told off for not reading, for asking again, for going on (session 20)
        "Hei Per. Du har tydelig ikke lest svaret vårt, og det er ikke vår jobb å forklare det for deg "
        "en gang til. Hilsen Kari",
        "Hei Siri. Nå gjør du deg selv til latter i kommentarfeltet. Hilsen Ola",
        "Hei Tor! No får du faktisk gi deg med den brøytinga. Helsing Anne",
        "Hei Geir. Det er ikke vår skyld at du ikke gidder å åpne brevet. Hilsen Mona",
        "Hi Tom. If you can't be bothered to read the letter, maybe don't complain about it. Regards, Mona",
    ],
)
def test_a_reader_told_off_blocks_the_reply(text: str) -> None:
    assert "abuse.insult" in codes(text), text
    assert evaluate(text, "reply", load_pack("hustadvika")).action == "block"


@pytest.mark.parametrize(
    "text",
    [
        "Hei Kari. Vi har svart på dette før, men her er lenken igjen. Hilsen Ola",
        "Hei Per! Du kan gi beskjed til servicetorget, så ordner de det. Hilsen Mona",
        "Hei Siri! Vi gleder oss til den neste konserten i kulturhuset. Hilsen Kari",
    ],
)
def test_a_plain_answer_is_no_put_down(text: str) -> None:
    assert "abuse.insult" not in codes(text)
    assert "style.irony" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hei Leif. Ja, vi hører deg, for tiende gang. Lyset blir fikset når det blir fikset. Hilsen Mona",
        "Hei Randi! Takk for den åttende e-posten din om bussen i dag. Vi gleder oss alltid til den neste. "
        "Hilsen Kari",
    ],
)
def test_counting_the_readers_messages_is_irony(text: str) -> None:
    assert "style.irony" in codes(text)
