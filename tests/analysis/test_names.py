"""The names analyser: people's names found in clear Norwegian examples, cased or not, offsets true."""

from __future__ import annotations

import time

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.models import MAX_MODEL_CHARS, cache_of
from somevakt.analysis.names import NameAnalyser, entities, person_spans


def _names(text: str) -> list[str]:
    return [text[s:e] for s, e in person_spans(Document(text))]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Takk til Kari Nordmann på legevakta for god hjelp!", "Kari Nordmann"),
        ("Ordfører Ola Hansen svarte ikke på spørsmålet mitt.", "Ola Hansen"),
        ("Eg vil takke Ingrid Solberg ved Sentrum skule for innsatsen.", "Ingrid Solberg"),
    ],
)
def test_it_finds_a_named_person(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("takk til kari nordmann på legevakta for god hjelp", "kari nordmann"),
        ("ordfører ola hansen svarte ikke på spørsmålet mitt", "ola hansen"),
    ],
)
def test_it_finds_lower_case_names(text: str, name: str) -> None:
    assert name in _names(text)


def test_it_reports_person_named_findings_with_the_name_as_text() -> None:
    text = "Takk til Per Olsen, sykepleier"
    findings = NameAnalyser().analyse(Document(text))
    assert [(f.code, f.severity, f.text) for f in findings] == [("person.named", "info", "Per Olsen")]
    assert text[findings[0].start : findings[0].end] == "Per Olsen"


def test_it_finds_no_person_in_a_text_without_names() -> None:
    assert _names("Når åpner biblioteket igjen etter ferien?") == []


def test_it_tags_places_and_organisations_too() -> None:
    labels = {label for _, _, label in entities(Document("Jeg har jobbet i Oslo kommune i ti år."))}
    assert labels & {"ORG", "GPE_ORG", "GPE_LOC", "LOC"}


def test_it_runs_the_model_once_per_document() -> None:
    doc = Document("Takk til Kari Nordmann!")
    first = entities(doc)
    assert cache_of(doc)["entities"] is first
    assert entities(doc) is first


def test_it_keeps_offsets_true_after_newlines_emoji_and_control_characters() -> None:
    text = "😀\u200b\u202e Hei!\n\n\tTakk til  Kari Nordmann\x00 for hjelpa 👍"
    for start, end, _ in entities(Document(text)):
        assert text[start:end].strip() == text[start:end] and text[start:end]
    assert "Kari Nordmann" in _names(text)


@pytest.mark.parametrize("text", ["", "   \n\t", "😀😀😀", "\x00\x00", "\u200b\u200f\u202e", "...!!!"])
def test_it_handles_empty_and_odd_text(text: str) -> None:
    assert NameAnalyser().analyse(Document(text)) == []


def test_it_tags_a_megabyte_in_bounded_time_reading_the_start() -> None:
    text = "Kari Nordmann ringte kommunen i dag. " * 30000  # 1.1 MB
    started = time.monotonic()
    spans = person_spans(Document(text))
    assert time.monotonic() - started < 60
    assert len(spans) > 100
    assert all(end <= MAX_MODEL_CHARS + 100 for _, end in spans)


def test_it_tags_a_huge_word_in_bounded_time() -> None:
    text = "Takk til Kari Nordmann " + "a" * 1_000_000
    started = time.monotonic()
    spans = person_spans(Document(text))
    assert time.monotonic() - started < 60
    assert all(end <= len(text) for _, end in spans)


def test_it_tags_a_batch_exactly_as_one_by_one() -> None:
    texts = ["Takk til Kari Nordmann!", "", "Ola Hansen og Per Olsen bor i Bergen.", "ingen navn her"]
    batch = [Document(t) for t in texts]
    NameAnalyser().prefetch(batch)
    assert [entities(d) for d in batch] == [entities(Document(t)) for t in texts]


def test_it_never_reports_an_emoji_as_part_of_a_name() -> None:
    text = "Takk til Kari 🙂 🎉 🎉 på legevakta, og hilsen fra ungdomsklubben 🙂"
    spans = entities(Document(text))
    assert all(any(ch.isalpha() for ch in text[s:e]) for s, e, _ in spans)
    assert all(not text[s:e].endswith(("🙂", "🎉")) for s, e, _ in spans)


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert('hacked')</script> Vinn en iPhone!",
        "<script>alert(1)</script> <img src=x onerror=alert(2)>",
        "Se <b>her</b> og <Script>x</Script>",
    ],
)
def test_it_takes_no_html_tag_for_a_name(text: str) -> None:
    assert not any(word.lower() in {"script", "b", "img"} for word in _names(text))


def test_it_still_finds_a_name_beside_markup() -> None:
    assert "Kari Nordmann" in _names("<p>Takk til Kari Nordmann for hjelpen!</p>")


@pytest.mark.parametrize(
    "text",
    [
        "Hei, jeg heter Ola Hansen og lurer på når biblioteket åpner?",
        "Eg heiter Siri Haugen og vil vite kva tid bassenget opnar.",
        "Når kommer brøytebilen? Hilsen Per",
        "Gausdal kommune er best på brøyting i år!",
        # the writer presenting or signing as themself
        "Jeg er Kari og jeg er forbanna.",
        "Dette er Kari, jeg ringer om søknaden min.",
        "Her er Ola fra Forset, dere er udugelige.",
        "Kari her, mor til to. Skolen er elendig.",
        "Undertegnede Ola Nordmann klager herved på vedtaket, som er idiotisk.",
        "Mitt navn er Ola Nordmann, og dere er håpløse.",
        "Dere er håpløse.\n- Kari",
        "Skandale at dere ikke svarer. Mvh Kari Nordmann",
        "Takk for svar.\nFra Kari",
        "Dere er håpløse. Hilsen fra Ola",
        # places, buildings and other municipalities
        "Segalstad bru har vært stengt i tre uker, dette er en skandale.",
        "Aulestad kirke er pinlig dårlig vedlikeholdt.",
        "Espedalen er glemt av dere idioter.",
        "Fræna og Eide skulle aldri slått seg sammen, idioter.",
        "Vardø og Vadsø får alt.",
        "Molde tar alt, Hustadvika ingenting.",
        "Lillehammer får alt, Gausdal får ingenting.",
        "Pinlig Gausdal Kommune",
        "Dritt Kommune, Dritt Ledelse",
        # ordinary nouns at the start of a sentence
        "Brøyteren har ikke vært her på tre dager, dere er ubrukelige.",
        "Saksbehandleren er en løgner.",
        "Bassenget har vært stengt i månedsvis. Pinlig!",
    ],
)
def test_it_does_not_take_the_writer_or_the_municipality_for_a_person_named(text: str) -> None:
    from somevakt.analysis.base import AnalysisContext

    doc = Document(text, "comment", AnalysisContext(municipality_name="Gausdal kommune"))
    assert NameAnalyser().analyse(doc) == []


def test_it_still_names_a_third_party_beside_the_writer() -> None:
    doc = Document("Jeg heter Ola og vil takke Kari Nordli for god hjelp.", "comment")
    assert [f.text for f in NameAnalyser().analyse(doc)] == ["Kari Nordli"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kari Hansen i byggesak er inkompetent.", "Kari Hansen"),
        ("Ola Berg på teknisk bør sparkes.", "Ola Berg"),
        ("Det er Kari i byggesak som har rotet det til.", "Kari"),
        ("- Espen har hatt en fantastisk utvikling, sier treneren.", "Espen"),
        ("Kari Eide på servicetorget lyver.", "Kari Eide"),
        ("Jeg fikk beskjed fra Kari Hansen i byggesak, hun er en løgner.", "Kari Hansen"),
        ("FNs spesialutsending Kai Eide har fått sterk kritikk.", "Kai Eide"),
        # a place name that is also a surname is a person unless another place stands beside it
        ("Eide holdt søndag en pressekonferanse for å svare på beskyldningene.", "Eide"),
    ],
)
def test_it_still_names_a_person_attacked_or_quoted(text: str, name: str) -> None:
    from somevakt.analysis.base import AnalysisContext

    doc = Document(text, "comment", AnalysisContext(municipality_name="Gausdal kommune"))
    assert [f.text for f in NameAnalyser().analyse(doc)] == [name]


@pytest.mark.parametrize(
    "text",
    [
        # a street or a place named after a person is a place: the name then a street word
        "Ingrid Bjerkes vei mangler gatelys, det er stummende mørkt for ungene.",
        "Gatelyset i Per Gynts veg har vore mørkt i tre veker, kven har ansvaret?",
        "Hullene i Anders Sandvigs gate er livsfarlige, fiks dem!",
        "Kari Nordmanns plass er full av søppel etter helga.",
        # one-word places by their endings
        "Planlagt strømbrudd i morgen. Gjelder det Solbakken også?",
        "Kvifor er ikkje Granåsen brøyta enno? Elendig.",
        "Brøytinga av Furuåsen er elendig.",
        # a place after a road or a journey to it
        "Jeg foreslår gatelys langs skoleveien til Hustad, det er mørkt og farlig.",
        "Bussen fra Elnesvågen kom aldri i dag, dårlig gjort.",
        "Eg køyrer til Vestbygda kvar dag og vegen er ein skandale.",
        # dialect pronouns are no names
        "Ka tid kjem dæm og rydde greinan etter stormen? Det lig trær over turstien",
        "Æ skjønne ikkje ka dåkk driv med på kommunen.",
        "Dæm på teknisk e nokka udugelige fæ alle sammen",
        # oaths, determiners and nouns the model misreads
        "Satan så glatt det er på fortauet ved skolen, kan dere strø?",
        "Hva er åpningstidene? Mitt fnr er 05-10-99-65432 om dere trenger det",
        "Alle de på rådhuset er late. Lås dørene deres!",
        "Får vi erstatning for maten som ble ødelagt da strømmen var borte?",
        "Hvilke regler gjelder for gjerde mot naboen? Tenker å gjerde inn hagen i vår.",
        # kinship words written with a capital
        "I natt gjekk straumen. Mor har oksygenmaskin, kven kan hjelpe?",
        "Bestefar har venta på sjukeheimsplass i eitt år. Skandale.",
    ],
)
def test_streets_places_and_dialect_words_are_not_people(text: str) -> None:
    from somevakt.analysis.base import AnalysisContext

    doc = Document(text, "comment", AnalysisContext(municipality_name="Gausdal kommune"))
    assert NameAnalyser().analyse(doc) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a person is still a person after "til" or beside a street word further on
        ("Takk til Kari Bakken for god hjelp på servicetorget!", "Kari Bakken"),
        ("Jeg sendte klagen til Hansen, men han svarer aldri.", "Hansen"),
        ("Ola Vik på vegkontoret svarer aldri på e-post.", "Ola Vik"),
        # a given name ending like a place is still a name
        ("Emilia på helsestasjonen var så flink med dottera mi!", "Emilia"),
        # names written in lower case, and a surname ending like a definite noun
        ("takk til kari nordmann på legevakta", "kari nordmann"),
        ("Jeg har ringt Ole Hansen fem ganger. Han svarer aldri.", "Ole Hansen"),
        ("Ludwig van Beethoven hadde likt konserten.", "Ludwig van Beethoven"),
        ("@Jonas Berg du er jo helt blåst i hodet", "@Jonas Berg"),
    ],
)
def test_a_person_stays_a_person_near_place_words(text: str, name: str) -> None:
    from somevakt.analysis.base import AnalysisContext

    doc = Document(text, "comment", AnalysisContext(municipality_name="Gausdal kommune"))
    assert [f.text for f in NameAnalyser().analyse(doc)] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Hei! Det er Kari som skriv. Vegen er elendig, de er udugelege.",
        "Kari Nordmann heiter eg, og eg er lei av hola i vegen.",
        "Kari, 45, mor til to her. Skolen er elendig.",
        "Ola Hansen, Follebu. Hvorfor er ikke veien brøytet, idioter?",
        "Dere er håpløse. Mvh. Ola Hansen",
        "Jeg, Ola Hansen, klager herved på vedtaket.",
        "Navnet er Ola, og jeg bor i Vestbygda.",
        "Dere er latterlige. Hilsen en sint innbygger, Kari Nordmann",
        "Skrevet av Per Hansen: dette er en skandale.",
        "Eg (Kari) har ringt tre gonger utan svar.",
        "Vi, familien Hansen, er lei av bråket.",
    ],
)
def test_the_writer_introducing_or_signing_in_other_ways_is_not_a_third_party(text: str) -> None:
    from somevakt.analysis.base import AnalysisContext

    doc = Document(text, "comment", AnalysisContext(municipality_name="Gausdal kommune"))
    assert NameAnalyser().analyse(doc) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kari Hansen, skam deg.", "Kari Hansen"),
        ("Kari Hansen, saksbehandler i byggesak, er inkompetent.", "Kari Hansen"),
        ("Hilsen til Kari på biblioteket, hun er flink.", "Kari"),
        ("Det er Kari i byggesak som har rotet det til.", "Kari"),
    ],
)
def test_a_person_addressed_or_described_is_still_named(text: str, name: str) -> None:
    from somevakt.analysis.base import AnalysisContext

    doc = Document(text, "comment", AnalysisContext(municipality_name="Gausdal kommune"))
    assert [f.text for f in NameAnalyser().analyse(doc)] == [name]


def test_someone_who_wrote_a_comment_above_is_a_third_party() -> None:
    from somevakt.analysis.base import AnalysisContext

    text = "Til deg Kenneth Aune som skreiv kommentaren over: du er ein idiot."
    doc = Document(text, "comment", AnalysisContext(municipality_name="Gausdal kommune"))
    assert [f.text for f in NameAnalyser().analyse(doc)] == ["Kenneth Aune"]
