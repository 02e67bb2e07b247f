"""Names beside the model (issue 12): words the model takes for a person that are none, and the
people it must still find. Sentences of our own, bokmål, nynorsk and dialect."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import AnalysisContext, Document
from somevakt.analysis.names import NameAnalyser


def _named(text: str, municipality: str = "Båtsfjord kommune") -> list[str]:
    doc = Document(text, "comment", AnalysisContext(municipality_name=municipality))
    return [f.text for f in NameAnalyser().analyse(doc)]


@pytest.mark.parametrize(
    "text",
    [
        # ordinary nouns first in a sentence, after a colon, an emoji or a line break
        "Traktoren sto midt i vegen i går. Brøytebilen kom ikke forbi.",
        "Ferja gjekk ikkje i dag heller. Skyssbåten er innstilt.",
        "Flott konsert i går 🎶 Koret var helt rått!",
        "Viktig melding: Sandkassa på leikeplassen er full av glas.",
        "Hei!\nVasskrana på kyrkjegarden lek. Kven ordnar det?",
        "Søstera mi fekk ikkje plass på SFO. Kvifor?",
        # dialect words
        "Kordan ska æ få tak i nåkken på teknisk?",
        "Nån må gjør nåkka med hola i vegen!",
        "E har venta i tre veka på svar no.",
        # brands, services, diseases, countries, greetings and English words
        "Får eg logge inn utan BankID? Eg har berre Vipps.",
        "Far har Alzheimer og treng fast plass på sjukeheimen.",
        "Han kom hit frå Syria i fjor og har fått jobb på kaia.",
        "Gratulerer med ny sykkelsti! Nice jobba!",
        "Sorry, men kor er søppeldunken for glas?",
        # lower-case words in a text that capitalises its sentences
        "Vi har ikke fått insulin i dag. Hjemmetjenesten har ikke kommet.",
        # a place: prefixes and the municipality's own name after a greeting
        "Brøytebilen har ikkje vore på Øvre Bakkan sidan måndag.",
        "Heia Båtsfjord! Best i nord.",
        # the municipality's name in the genitive, a role in the definite form
        "Vi er Båtsfjords stolteste innbyggarar.",
        "Æ e så lei av Ordførern og heile gjengen hans.",
        # surnames that are everyday words first in a sentence
        "Strøm er blitt altfor dyrt for pensjonistar.",
        # lower-case dialect phrases the model reads as a name
        "ongan e så glad for den nye leikeplassen",
        "når e fristen for å søkje om plass?",
        "why nobody answer the phone at the office?",
        # streets, institutions and firms named after people
        "Kari Nordmann-plassen er full av søppel.",
        "Gamle Ivar Aasen-vegen har hol overalt.",
        "Stor takk til Nilsen Maskin for brøytinga i vinter!",
        # the writer signing
        "Eg søkjer om fritak for eigedomsskatt. Ærbødigst, Gudrun Teigland",
        "Takk for svar. Ha ein fin dag. Synnøve Aasland",
        "Dere er for treige med brøytinga! Mvh\nTorgeir Vangsnes\nSvingvoll",
        "Vegen blir brøyta i morgon tidleg. 😊 – Leiv",
        "Her kan du lese sakspapira 👍 Oddrun",
        # a form filled in by the writer
        "Eg klagar på fakturaen. Namn: Sigrun Vassbotn, Nordvegen 3.",
    ],
)
def test_words_the_model_takes_for_a_person_are_not_named(text: str) -> None:
    assert _named(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # friends tagged in a thread, without an attack
        "@Sigrid Myrvang sjå her, no kan vi gå på ski i lysløypa!",
        "@Tor Ivar Hammer ta med kaffe på dugnaden i morgon 😄",
        "@Kjersti Bø æ e einig med dæ, flott tiltak",
        "Kjem du på møtet i kveld, @Helga Sund?",
    ],
)
def test_a_friend_tagged_in_a_harmless_reply_is_not_a_third_party_named(text: str) -> None:
    assert _named(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an attack on someone tagged
        ("@Geir Mathisen du er jo en idiot, les saka før du skriv", "Mathisen"),
        ("@Liv Strøm hald kjeft, du veit ingenting om fiske", "@Liv Strøm"),
        # a name first in a sentence, a given name or a surname
        ("Torunn på legekontoret lovte å ringe meg, men ringde aldri.", "Torunn"),
        ("Kenneth i teknisk etat er heilt udugeleg.", "Kenneth"),
        ("Vi har klaget i to år. Pedersen på byggesak svarer aldri.", "Pedersen"),
        ("Haugen på plankontoret lyver for oss.", "Haugen"),
        # a name after an abbreviated title, and a title the model drew into the name
        ("Fastlegen vår, dr. Solbakk, er ein arrogant kar.", "Solbakk"),
        ("Ordførar Bakken er ein løgnar.", "Bakken"),
        # a pronoun the model drew into the name
        ("Takk for hjelpa, Synnøve du er gull verdt!", "Synnøve"),
        # a hyphenated given name
        ("Takk, Anne-Lise, for hjelpa.", "Anne-Lise"),
        # a given name the model missed, after a pronoun in dialect or addressed
        ("Han Ottar på teknisk e så lat at han ikkje finn vegen heim.", "Ottar"),
        ("Takk for alt du har gjort for ungane, Solfrid!", "Solfrid"),
        # a given name less common in Norway
        ("Takk til Oleksandr i heimetenesta for god hjelp!", "Oleksandr"),
        # a tag closing a text is no signature
        ("Du er jo ein idiot 🙄 @Sindre Mosvold", "Mosvold"),
        # a common surname alone first in a sentence
        ("Hovden lyg om budsjettet.", "Hovden"),
        # a surname from a farm name first in a sentence, a name with an initial
        ("Fjellstad svarer aldri på e-post.", "Fjellstad"),
        ("Takk til Inge D. Hovland for hjelpa med søknaden.", "Inge D. Hovland"),
        # a person's name in the genitive
        ("Hansens bil står midt i vegen igjen.", "Hansens"),
        # lower case throughout
        ("takk til ingrid på helsestasjonen", "ingrid"),
    ],
)
def test_a_person_named_in_an_attack_or_in_praise_is_still_found(text: str, name: str) -> None:
    assert _named(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        # a one-word place between two places, after "fra ... til"
        "Kommer det buss fra Bøverbru til Lena på lørdager?",
        # the writer: after a greeting, in English, "Det e ... som skriv"
        "Hei! Anne her, mor til to på Forset. Når blir det ny lekeplass?",
        "My name is Tom Hughes and I'm new in town. Where do I register for a GP?",
        "Hei! Det e Arnfinn som skriv. Ka tid kjem søppelbilen te Syltefjord?",
        # schools and institutions named after people
        "Når åpner Edvard Munch videregående skole igjen etter brannen i fjor?",
        "Bussen til Olav Duun vidaregåande er alltid full om morgonen.",
        "Er Ole Bull Akademiet åpent for besøk i sommer?",
        # a family firm, a band
        "Brødrene Dahl leverte rørene for sent, sier entreprenøren.",
        "Konserten med Kaizers Orchestra i kulturhuset var rå!",
        # books, films and plays
        "Kan biblioteket kjøpe inn flere eksemplarer av Harry Potter? Det er lang venteliste.",
        "Når blir det ny visning av Max Manus på kinoen? Den ble utsolgt.",
        "Teaterlaget satte opp Anne Frank i kulturhuset – for en oppsetning!",
        "Takk for at dere viste Donald Duck på storskjerm for ungene på juleavslutningen",
        "Eg har lånt «Kristin Lavransdatter» på biblioteket tre gonger no.",
        # pets
        "Hunden min Bella ble nesten påkjørt i 30-sonen i dag, det må bli fartsdumper!",
        "Møt Luna, vår nye valp 🐶 9 uker gammel!",
        "Kan Rambo og de andre hundene gå løs i hundeparken nå?",
        "Katten vår Pus har vært borte siden tirsdag.",
        # an English thing after an article
        "Please fix the Wifi at the Library, it has been down for a week.",
        # a given name first in a sentence before a time is the preposition
        "Per i dag har vi ikke fått svar.",
        # a sign-off the model drew into the name with the word before it
        "Kommunedirektøren anbefalte alternativ B, men kommunestyret valgte alternativ A. Mvh Eva",
        # brands together, a noun in the definite form ending like a patronymic
        "Funnet hund ved Coop Extra i dag morges, ta kontakt med servicetorget.",
        "Ho kjende meg ikkje att i dag. Demensen går fort no.",
    ],
)
def test_places_institutions_titles_pets_and_the_writer_are_not_named(text: str) -> None:
    assert _named(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a given name first in a sentence, with the workplace after it
        ("Per på teknisk er så dum at han burde vært i bur.", "Per"),
        # a lower-case given name after a dialect article
        ("hu jorunn på sosialkontoret e ei heks, punktum", "jorunn"),
        # a given name the model drew into lower-case English words
        ("Thanks to Emma at the service desk for helping me, so kind!", "Emma"),
        # an English title before a surname
        ("Mr. Olsen at the tax office never answers his phone.", "Mr. Olsen"),
        # a person's name after "til" without a place before it, a person praised for a film
        ("Takk til Lena på biblioteket for hjelpa!", "Lena"),
        ("Boka av Jo Nesbø er utlånt, men Lise på biblioteket skaffa ho.", "Jo Nesbø"),
        # a name, not a pet, before "og"
        ("Takk til Mona og de andre på helsestasjonen!", "Mona"),
        # the dialect article "a" before a woman's name is no English article
        ("Eg snakka med a Randi på kontoret, ho var frekk.", "Randi"),
        # patronymic surnames first in a sentence, from a given name or not
        ("Mortensen svarer aldri på e-post.", "Mortensen"),
        ("Bertelsen mener det er greit å la oss vente i et år.", "Bertelsen"),
    ],
)
def test_people_beside_those_rules_are_still_named(text: str, name: str) -> None:
    assert name in _named(text)


def test_a_named_person_without_a_place_word_after_stays_named() -> None:
    # "vei" after a name is a street, but "Lene på barnevernet" is no institution
    text = "Hvis Lene på barnevernet kommer hjem til oss en gang til, skal hun få merke det."
    assert _named(text) == ["Lene"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a curse before the name: the model may take the whole for an organisation
        (
            "Helvetes Solfrid Aasen, du er så jævla dum at eg får vondt i hovudet av å lese svara dine.",
            "Solfrid Aasen",
        ),
        ("Satans Solfrid Aasen, hold kjeft om skulen vår.", "Solfrid Aasen"),
        ("Helvetes Gunn Vik, du er ei skam.", "Gunn Vik"),
        ("Fy faen, jævla Torunn Mjelde, du e ei skam", "Torunn Mjelde"),
    ],
)
def test_a_name_after_a_curse_is_named_without_the_curse(text: str, name: str) -> None:
    assert _named(text) == [name]


@pytest.mark.parametrize("text", ["Helvetes Teknisk Etat, fiks vegen!", "Jævla Nav Båtsfjord, svar no!"])
def test_a_curse_before_an_office_names_nobody(text: str) -> None:
    assert _named(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Skrevet av en lei småbarnsfar, Eivind Rusten. Barnehagen stenger for tidlig.",
        "Frå ein forbanna bilist: Halvor Kvåle. Vegen er ikkje brøyta.",
        "Sendt av ei sliten mor, Turid",
    ],
)
def test_the_writer_describing_themself_before_their_name_is_not_named(text: str) -> None:
    assert _named(text) == []


def test_a_third_party_described_in_the_middle_of_a_sentence_stays_named() -> None:
    assert _named("Klagen ble skrevet av en advokat, Halvor Kvåle, og sendt i mars.") == ["Halvor Kvåle"]


@pytest.mark.parametrize(
    "text",
    [
        # a bus or a route that (no longer) goes somewhere
        "Linje 12 går ikkje lenger til Ytre Kvalnes?",
        "Bussen kjører ikke helt fram til Brennmo lenger, hvorfor?",
        # a taxi firm or a campsite named after a person or a place
        "Ring Nordmo Taxi på kvelden, bussen går ikkje.",
        "Kvalnes Camping er stengt i vinter.",
    ],
)
def test_routes_and_firms_are_not_named(text: str) -> None:
    assert _named(text) == []


def test_a_person_someone_no_longer_goes_to_stays_named() -> None:
    assert _named("Ordføreren går ikke lenger til Sigurd Eriksen for råd.") == ["Sigurd Eriksen"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a given name the model takes for a place, with a relative before it, an age after it, or
        # addressed with an exclamation
        ("Sønnen vår Elias (11) blir mobba på skolen.", "Elias"),
        ("Takk for alle åra på biblioteket, Reidun! Du blir sakna.", "Reidun"),
    ],
)
def test_a_given_name_taken_for_a_place_is_named_where_it_is_plainly_a_person(text: str, name: str) -> None:
    assert _named(text) == [name]


@pytest.mark.parametrize(
    "text",
    ["Vi har nettopp flytta til Molde, Kristiansund var for dyrt.", "Sønnen min bor i Molde (3 timer unna)."],
)
def test_a_place_beside_those_words_stays_a_place(text: str) -> None:
    assert _named(text) == []


@pytest.mark.parametrize("text", ["Gjelder stenginga også Storbøen?", "Kjem bossen til Kvitmyra i morgon?"])
def test_places_by_their_endings_bo_holm_and_myr(text: str) -> None:
    assert _named(text) == []


def test_the_surname_alone_is_no_place_ending() -> None:
    assert _named("Ingrid Bøen på teknisk svarer aldri.") == ["Ingrid Bøen"]
