"""Personal data: generated, checksum-valid numbers inside ordinary Norwegian sentences, and near-misses."""

from __future__ import annotations

import datetime
import random

import pytest
from stdnum.no import fodselsnummer, kontonr

from somevakt.analysis.base import Document
from somevakt.analysis.personal_data import (
    BANK_ACCOUNT,
    EMAIL,
    NATIONAL_ID,
    NATIONAL_ID_LIKE,
    PHONE,
    PersonalDataAnalyser,
    find,
)

RNG = random.Random(20240501)

ID_SENTENCES = [
    "Fødselsnummeret mitt er {} hvis dere trenger det.",
    "Hei, kan dere sjekke saken min? fnr {}",
    "Sønnen min ({}) har ikke fått svar på søknaden om barnehageplass.",
    "Eg sende søknaden i går, personnummer {}, men har ikkje fått stadfesting.",
    "{} er D-nummeret mitt, jeg jobber på sykehjemmet.",
    "Hvorfor må jeg oppgi {} bare for å melde meg på svømmekurs?",
    "Legg inn {} i skjemaet, sa de på servicetorget.",
    "Mora mi har fnr.{} og venter fortsatt på plass på sjukeheimen.",
]
ACCOUNT_SENTENCES = [
    "Pengene kan settes inn på kontonummer {}.",
    "Refusjonen skal gå til konto {} takk",
    "Kontonr: {} (DNB)",
    "Eg har bytta bank, nytt kontonummer er {}.",
    "Overfør depositumet til bankkontoen min {} innen fredag.",
]


def birth_number(d_number: bool = False) -> str:
    """A checksum-valid fødselsnummer (or D-nummer), built with stdnum's own check digits."""
    while True:
        born = datetime.date(1930, 1, 1) + datetime.timedelta(days=RNG.randrange(0, 365 * 90))
        day = born.day + (40 if d_number else 0)
        year = born.year % 100
        individual = RNG.randrange(0, 500) if born.year < 2000 else RNG.randrange(500, 1000)
        base = f"{day:02d}{born.month:02d}{year:02d}{individual:03d}"
        k1 = fodselsnummer.calc_check_digit1(base)
        if len(k1) != 1:
            continue
        k2 = fodselsnummer.calc_check_digit2(base + k1)
        if len(k2) != 1:
            continue
        number = base + k1 + k2
        assert fodselsnummer.is_valid(number)
        return number


def account_number() -> str:
    """A checksum-valid kontonummer that is not also a valid fødselsnummer."""
    while True:
        bank = RNG.choice([1503, 1594, 1822, 3000, 9710, 8601, 1254, 6010, 2801, 4200])
        base = f"{bank}{RNG.randrange(0, 10**6):06d}"
        for last in "0123456789":
            if kontonr.is_valid(base + last) and not fodselsnummer.is_valid(base + last):
                return base + last


def codes(text: str) -> list[tuple[str, str]]:
    return [(m.code, text[m.start : m.end]) for m in find(text)]


def test_it_finds_every_generated_birth_and_d_number_in_sentences() -> None:
    for i in range(400):
        number = birth_number(d_number=i % 4 == 0)
        written = number if i % 2 else number[:6] + " " + number[6:]
        text = ID_SENTENCES[i % len(ID_SENTENCES)].format(written)
        assert codes(text) == [(NATIONAL_ID, written)], text


def test_it_finds_a_birth_number_with_its_date_written_with_dots() -> None:
    for i in range(100):
        number = birth_number(d_number=i % 4 == 0)
        written = f"{number[:2]}.{number[2:4]}.{number[4:6]}{' -'[i % 2]}{number[6:]}"
        text = ID_SENTENCES[i % len(ID_SENTENCES)].format(written)
        assert codes(text) == [(NATIONAL_ID, written)], text
    number = birth_number()
    wrong = number[:10] + str((int(number[10]) + 1) % 10)
    dotted = f"{wrong[:2]}.{wrong[2:4]}.{wrong[4:6]} {wrong[6:]}"
    # Written like a birth number, a wrong check digit may be a typo: it is a possible one.
    assert codes(f"Fødselsnummer {dotted}") == [(NATIONAL_ID_LIKE, dotted)]
    # The personal number typed straight after a dotted date is still one.
    glued = f"{number[:2]}.{number[2:4]}.{number[4:6]}{number[6:]}"
    assert codes(f"Tallet {glued} er ikke delt opp.") == [(NATIONAL_ID, glued)]


def test_it_finds_every_generated_account_number_in_sentences() -> None:
    for i in range(300):
        number = account_number()
        written = [number, kontonr.format(number), f"{number[:4]} {number[4:6]} {number[6:]}"][i % 3]
        text = ACCOUNT_SENTENCES[i % len(ACCOUNT_SENTENCES)].format(written)
        assert codes(text) == [(BANK_ACCOUNT, written)], text


def test_it_reports_a_valid_birth_number_as_account_only_in_account_form_or_next_to_konto() -> None:
    number = birth_number()
    assert codes(f"Nummeret er {number}.") == [(NATIONAL_ID, number)]
    dotted = kontonr.format(number)
    assert codes(f"Betal til {dotted}.") == [(BANK_ACCOUNT, dotted)]
    assert codes(f"Kontonummeret mitt er {number}.") == [(BANK_ACCOUNT, number)]
    assert codes(f"Fødselsnummer {number}, kontonr {dotted}") == [
        (NATIONAL_ID, number),
        (BANK_ACCOUNT, dotted),
    ]


def test_it_raises_no_alarm_on_near_misses() -> None:
    for _ in range(300):
        number = birth_number()
        wrong_last = number[:10] + str((int(number[10]) + RNG.randrange(1, 10)) % 10)
        wrong_digit = number[:3] + str((int(number[3]) + 1) % 10) + number[4:]
        for near in (wrong_last, wrong_digit, number + "7", "4" + number, number[:10]):
            text = f"Referansen er {near} i brevet dere sendte."
            assert not [c for c in codes(text) if c[0] in (NATIONAL_ID, BANK_ACCOUNT)], text


@pytest.mark.parametrize(
    "text",
    [
        "Møtet er 12.03.2024 klokka 18.00 i kommunestyresalen.",
        "Budsjettet er på kr 45 000 000 i år.",
        "Prosjektet kostet 91 234 567 kroner.",
        "Det gjelder sak 2024/1234 om reguleringsplanen.",
        "Saksnummer 24/12345, journalpost 12.",
        "Organisasjonsnummer 974 760 673 står på fakturaen.",
        "Gausdal kommune, orgnr. 961381096",
        "Vi har 12345678 liter vann i bassenget.",
        "Fra 01.01.2025 til 31.12.2025 er det stengt.",
        "Den 17. mai 2025 kl. 10.30 går toget.",
        "Husnummer 12, postnummer 2651 Østre Gausdal.",
        "Faktura 45678912 er betalt.",
        "KID 91234567 brukes ved betaling.",
        "Det var 1 234 567 besøkende.",
        "Ring 112 ved brann, 113 ved ulykke.",
        "Kontakt oss på post@gausdal.kommune.no",
    ],
)
def test_it_does_not_take_dates_amounts_or_references_for_phone_numbers(text: str) -> None:
    assert [c for c in codes(text) if c[0] == PHONE] == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Ring meg på tlf 912 34 567 etter klokka fire.", "912 34 567"),
        ("Mobil: +47 91234567", "+47 91234567"),
        ("Nummeret til legen er 61 22 33 44.", "61 22 33 44"),
        ("Send sms til 41234567 så svarer jeg.", "41234567"),
        ("Du når meg på 0047 932 10 987 i helgen.", "0047 932 10 987"),
        ("tlf. 9123 4567", "9123 4567"),
    ],
)
def test_it_finds_phone_numbers_in_running_text(text: str, number: str) -> None:
    assert codes(text) == [(PHONE, number)]


def test_it_finds_e_mail_addresses() -> None:
    text = "Skriv til kari.nordmann+kommune@example.no eller ola_n@gausdal.kommune.no."
    assert codes(text) == [
        (EMAIL, "kari.nordmann+kommune@example.no"),
        (EMAIL, "ola_n@gausdal.kommune.no"),
    ]


def test_it_reports_masked_findings_with_high_severity_for_ids() -> None:
    number = birth_number()
    text = f"Fødselsnummer: {number}, ring 912 34 567"
    findings = PersonalDataAnalyser().analyse(Document(text))
    assert [(f.code, f.severity, f.text) for f in findings] == [
        (NATIONAL_ID, "high", "*" * 11),
        (PHONE, "warn", "*** ** *67"),
    ]
    for f in findings:
        assert number not in (f.text or "")
        assert text[f.start : f.end] in (number, "912 34 567")


def test_it_keeps_offsets_into_the_original_around_emoji_and_invisible_characters() -> None:
    number = birth_number()
    text = f"😀\u200b\u202e fnr {number} 🇳🇴"
    (finding,) = PersonalDataAnalyser().analyse(Document(text))
    assert text[finding.start : finding.end] == number


def split_forms(number: str) -> list[str]:
    """The ways people write a birth date and a personal number, for an 11-digit number."""
    dd, mm, yy, personal = number[:2], number[2:4], number[4:6], number[6:]
    return [
        f"{dd}.{mm}.{yy} {personal}",
        f"{dd}{mm}{yy}-{personal}",
        f"{dd}{mm}{yy} {personal[:3]} {personal[3:]}",
        f"{dd} {mm} {yy} {personal}",
        f"{dd}-{mm}-{yy} {personal}",
        f"{dd}.{mm}.{yy}-{personal}",
        f"{dd}/{mm}/{yy} {personal}",
        f"{dd}.{mm}.{yy}.{personal}",
        f"{dd}{mm}{yy}.{personal}",
        f"{dd}{mm}{yy} - {personal}",
        f"{dd}{mm}{yy}/{personal}",
        f"{dd}{mm}{yy} {personal[:2]} {personal[2:]}",
        f"{dd}.{mm}.{yy}{personal}",
    ]


def with_wrong_check_digit(number: str) -> str:
    """`number` with its last digit changed: it fails both checksums (the last digit is the
    kontonummer check digit too), so it is neither a national id nor an account."""
    wrong = number[:10] + str((int(number[10]) + RNG.randrange(1, 10)) % 10)
    assert not fodselsnummer.is_valid(wrong) and not kontonr.is_valid(wrong)
    return wrong


def test_it_reports_a_valid_birth_number_split_like_a_birth_date_as_a_national_id() -> None:
    for i in range(60):
        number = birth_number(d_number=i % 3 == 0)
        for written in split_forms(number):
            text = ID_SENTENCES[i % len(ID_SENTENCES)].format(written)
            assert codes(text) == [(NATIONAL_ID, written)], text


def test_it_reports_a_valid_birth_number_with_a_four_digit_year_as_a_national_id() -> None:
    number = birth_number()
    year = fodselsnummer.get_birth_date(number).year
    written = f"{number[:2]}.{number[2:4]}.{year} {number[6:]}"
    assert codes(f"Jeg er født {written}, hva mer trenger dere?") == [(NATIONAL_ID, written)]
    compact = f"{number[:4]}{year}-{number[6:]}"
    assert codes(f"Jeg er født {compact}, hva mer trenger dere?") == [(NATIONAL_ID, compact)]
    wrong_century = f"{number[:2]}.{number[2:4]}.{year + 100} {number[6:]}"
    assert codes(f"Født {wrong_century}.") == [(NATIONAL_ID_LIKE, wrong_century)]


def test_it_reports_a_wrong_check_digit_as_a_possible_national_id_in_every_form() -> None:
    for i in range(60):
        wrong = with_wrong_check_digit(birth_number(d_number=i % 3 == 0))
        for written in [wrong, *split_forms(wrong)]:
            text = ID_SENTENCES[i % len(ID_SENTENCES)].format(written)
            assert codes(text) == [(NATIONAL_ID_LIKE, written)], text


def test_it_reports_a_number_a_digit_short_as_a_possible_national_id() -> None:
    for i in range(60):
        short = birth_number(d_number=i % 3 == 0)[:10]
        text = ID_SENTENCES[i % len(ID_SENTENCES)].format(short)
        assert codes(text) == [(NATIONAL_ID_LIKE, short)], text


def test_it_reports_a_birth_date_with_its_personal_number_named_after_it() -> None:
    number = birth_number()
    dd, mm, yy, personal = number[:2], number[2:4], number[4:6], number[6:]
    for written in (
        f"{dd}.{mm}.{yy}, personnr {personal}",
        f"{dd}{mm}{yy} og personnummer {personal[:3]} {personal[3:]}",
        f"{dd}.{mm}.{yy} pnr. {personal}",
    ):
        assert codes(f"Eg er fødd {written} om de treng det.") == [(NATIONAL_ID, written)], written
    wrong = with_wrong_check_digit(number)
    written = f"{wrong[:2]}.{wrong[2:4]}.{wrong[4:6]}, personnummer {wrong[6:]}"
    assert codes(f"Født {written}.") == [(NATIONAL_ID_LIKE, written)]
    # a date and a number that nothing calls a personal number are not one
    assert codes(f"Født {dd}.{mm}.{yy}, bor i nr {personal}.") == []


def test_it_reports_a_number_a_digit_short_after_a_date_written_together() -> None:
    for i in range(30):
        short = birth_number(d_number=i % 3 == 0)[:10]
        for written in (f"{short[:6]} {short[6:]}", f"{short[:6]}-{short[6:]}"):
            text = ID_SENTENCES[i % len(ID_SENTENCES)].format(written)
            assert codes(text) == [(NATIONAL_ID_LIKE, written)], text
    assert codes("Fødselsnummer 01.02.85 1234") == [(NATIONAL_ID_LIKE, "01.02.85 1234")]
    assert codes("Vi sees 01.02.85 1234 meter unna.") == []


def test_it_calls_a_bare_number_passing_the_account_checksum_a_possible_id_only_when_named_one() -> None:
    for _ in range(200):
        number = birth_number()
        # Change the first check digit and recompute the second: an account's checksum holds.
        k1 = str((int(number[9]) + 1) % 10)
        k2 = fodselsnummer.calc_check_digit2(number[:9] + k1)
        if len(k2) == 1:
            break
    near = number[:9] + k1 + k2
    assert kontonr.is_valid(near) and not fodselsnummer.is_valid(near)
    assert codes(f"Fødselsnummeret mitt er {near}.") == [(NATIONAL_ID_LIKE, near)]
    assert codes(f"Send pengene til {near}.") == [(BANK_ACCOUNT, near)]


@pytest.mark.parametrize(
    "text",
    [
        "Ring meg på 912 34 567 eller 41234567.",
        "Mobil 91 23 45 67, fast 61 22 33 44.",
        "Kontonummer 1503.13.94411, takk.",
        "Overfør til 0102.85.12346 i morgen.",
        "Kontonummeret mitt er 01028512346.",
        "Refusjonen går til konto 010285 12346.",
        "Pengene settes inn på kto 0102851234.",
        "Ordrenummer 4567891234 er sendt.",
        "Ordre 1203851234 ble levert.",
        "KID 0102851234 brukes ved betaling.",
        "Faktura 0102851234 er betalt.",
        "Vi har 12345678901 liter vann.",
        "Møtet er 01.02.2025 klokka 18.00.",
        "Fra 01.01.2025 til 31.12.2025 er det stengt.",
        "Den 17. mai 1985 var det 12345 i toget.",
        "Postnummer 2651 Østre Gausdal, i 2024.",
        "Det kostet 0102851234 kroner.",
        "Budsjettet er på kr 45 000 000 i år.",
        "Saksnummer 24/12345, journalpost 12.",
        "Gausdal kommune, orgnr. 961381096",
        "Det var 1 234 567 besøkende.",
        "Telefon: 0102851234",
        "Ring +4791234567 eller +46701234567.",
        "32.01.85 12345 og 30.02.85 12345 er ingen datoer.",
        "Tallene 12 01 02 85 12345 hører sammen.",
        "Serienummer 01 02 85 12345 67 står på lappen.",
        "Det er 1 0102851234 av dem.",
        "Bestilling 12.03.24/12345 er sendt.",
        "Det skjedde 12.03.2024. 12345 mennesker kom.",
        "Kvittering 12032024 12345 ligger vedlagt.",
        "Kundenummer 120385-1234 står på brevet.",
        "Periode 01.01.2025 - 31.12.2025.",
        "Vi sees 12.03.24 kl 1800.",
        "Jeg ble født 15.03.1985 i Gausdal.",
        "Bursdagen min er 150385!",
        "Referanse: 150385/12345",
        "2024-03-15 10:30 i kommunestyresalen.",
    ],
)
def test_it_raises_no_possible_national_id_alarm_on_other_numbers(text: str) -> None:
    assert [c for c in codes(text) if c[0] in (NATIONAL_ID, NATIONAL_ID_LIKE)] == [], text


def test_it_masks_a_possible_national_id_fully() -> None:
    text = "Kan dere sjekke? 01.02.85 123 46"
    (finding,) = PersonalDataAnalyser().analyse(Document(text))
    assert (finding.code, finding.severity, finding.text) == (NATIONAL_ID_LIKE, "warn", "**.**.** *** **")
    assert text[finding.start : finding.end] == "01.02.85 123 46"


@pytest.mark.parametrize(
    "text",
    [
        "Ring servicetorget på 71 23 45 00, de hjalp meg på to minutter 👍",
        "Hei! Servicetorget er åpent 08–15.30, og du når dem på sentralbordet 71 23 45 00. Hilsen Hege",
        "Legevakta har telefon 116 117, eller ring sentralbordet 61 22 00 00.",
        "Tildelingskontoret svarar på 48 00 12 34 kvar dag.",
        "Ring kommunens vakttelefon 915 00 111 ved vannlekkasje.",
        "Telefonnummeret til biblioteket er 61 22 45 90.",
        "Helsestasjonen: 41 50 60 70",
        "tlf: 61 22 33 44 (sentralbord)",
        "Ring 915 00 111 – vakttelefon for vatn og avløp.",
    ],
)
def test_a_number_of_the_municipality_or_a_service_is_not_personal_data(text: str) -> None:
    assert [c for c in codes(text) if c[0] == PHONE] == []


@pytest.mark.parametrize(
    "text",
    [
        "Ring meg på 912 34 567, jeg har ringt servicetorget tre ganger.",
        "Servicetorget ba meg legge igjen nummeret mitt: 48 11 27 93.",
        "Eg har prøvd sentralbordet heile dagen. Mitt nr er 912 48 307.",
        "Dette er nummeret til han som kjører som en gal: 402 18 856",
        "Naboen vår har nummer 977 12 345, ring han om hunden.",
        "Ring meg på 977 12 345 (mobil), ikke sentralbordet.",
    ],
)
def test_a_persons_number_beside_a_service_is_still_personal_data(text: str) -> None:
    assert [c for c in codes(text) if c[0] == PHONE]


def test_our_number_is_the_municipalitys_in_its_own_replies_and_a_familys_in_a_comment() -> None:
    text = "Du kan ringe oss på 62 44 50 00 mellom kl. 9 og 14."
    assert [f.code for f in PersonalDataAnalyser().analyse(Document(text, "reply"))] == []
    assert [f.code for f in PersonalDataAnalyser().analyse(Document(text, "comment"))] == [PHONE]
    assert [m.code for m in find(text)] == [PHONE]  # masking logs keeps it masked


def test_it_reports_a_birth_date_without_leading_zeros_when_the_personal_number_is_named() -> None:
    for _ in range(20):
        number = birth_number()
        day, month, yy, personal = int(number[:2]), int(number[2:4]), number[4:6], number[6:]
        written = f"{day}.{month}.{yy}, personnr {personal}"
        assert codes(f"Eg er fødd {written}.") == [(NATIONAL_ID, written)], written
    # the same written date with a plain number after it is no id
    assert codes("Møte 1.3.85 i rom 10190.") == []
    assert codes("fødd 1.3.85, personnr 10190") in (
        [(NATIONAL_ID, "1.3.85, personnr 10190")],
        [(NATIONAL_ID_LIKE, "1.3.85, personnr 10190")],
    )


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Send det til kari.nordmann(at)gmail.com, takk.", "kari.nordmann(at)gmail.com"),
        ("Mailen min er ola [at] online dot no", "ola [at] online dot no"),
        ("skriv til per.hansen @ hotmail.com om du veit noko", "per.hansen @ hotmail.com"),
        ("e-post: siri alfakrøll gmail punktum com", "siri alfakrøll gmail punktum com"),
    ],
)
def test_it_finds_an_e_mail_address_written_to_dodge_spam_filters(text: str, address: str) -> None:
    assert codes(text) == [(EMAIL, address)]


@pytest.mark.parametrize(
    "text",
    [
        "Vi møtes at home dot i morgen.",
        "Look at this dot com bubble.",
        "Konserten er at 19.00 på torget.",
        "Kontakt oss på post@gausdal.kommune.no eller ring.",
    ],
)
def test_it_takes_no_ordinary_at_or_dot_for_an_address(text: str) -> None:
    assert [c for c in codes(text) if c[0] == EMAIL] == (
        [] if "@" not in text else [(EMAIL, "post@gausdal.kommune.no")]
    )


# --- Numbers that are not personal data, written the way people write them (issue 12) ---------


def test_a_number_labelled_as_a_reference_is_no_account_but_the_same_number_after_konto_is() -> None:
    number = account_number()
    for label in ("KID", "KID-nummeret", "Faktura", "Ordrenr.", "Kundenummeret er", "Betalte med KID"):
        text = f"{label} {number} virker ikke i nettbanken."
        assert [c for c in codes(text) if c[0] == BANK_ACCOUNT] == [], text
    assert codes(f"Refunder til konto {number}, takk.") == [(BANK_ACCOUNT, number)]
    assert codes(f"Har betalt til feil konto, {number}. Hvordan får jeg pengene tilbake?") == [
        (BANK_ACCOUNT, number)
    ]
    # the account a KID is paid to is still found; the KID itself is not
    dotted = kontonr.format(account_number())
    assert codes(f"Betal til konto {dotted} med KID {number}") == [(BANK_ACCOUNT, dotted)]


def test_a_valid_national_id_stays_one_whatever_label_is_written_before_it() -> None:
    number = birth_number()
    for label in ("Saksnummer", "KID", "Referanse", "Kundenr"):
        assert codes(f"{label} {number}") == [(NATIONAL_ID, number)], label


@pytest.mark.parametrize(
    "text",
    [
        "Kundenummeret er 1203851234 på brevet.",
        "Saksnummeret er 15038512345 står det.",
        "Skadenummer 15022412345 fra forsikringen.",
        "Sendingsnummeret 15022412345 fra Posten.",
        "Prosjektnummer 15022412345, kva er fristen?",
        "Fakturadato 150224 1234.",
        "Fikk faktura nr. 150224-0017 på renovasjon to ganger.",
        "Målernummer 91234567 står på fakturaen.",
        "Målepunkt 41234567 er feil.",
        "KID-nummeret 41234567 virker ikke.",
        "Polisenummer 91234567 hos forsikringa.",
        "Anleggsnummer 41234567 er feil i Min side.",
    ],
)
def test_a_labelled_reference_is_neither_a_phone_nor_a_possible_id(text: str) -> None:
    assert codes(text) == [], text


def test_the_label_of_a_reference_does_not_hide_a_possible_national_id_named_as_one() -> None:
    short = birth_number()[:10]
    assert codes(f"Fødselsnummeret er {short}.") == [(NATIONAL_ID_LIKE, short)]
    assert codes(f"Faktura ok, men fnr {short} står feil.") == [(NATIONAL_ID_LIKE, short)]


@pytest.mark.parametrize(
    "text",
    [
        "Ring Telenor på 800 12 345 om linja.",
        "Kundeservice 815 00 123 svarer aldri.",
        "Tippetjenesten har 820 12 345.",
    ],
)
def test_free_shared_cost_and_premium_numbers_are_not_personal(text: str) -> None:
    assert codes(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Rørlegger Hansen AS har døgnvakt på 71 23 45 67, de kom på en time 👍",
        "Butikken i sentrum har fått nytt nummer: 61 29 44 10, om noen lurer",
        "Taxien i bygda har nummer 71 51 22 22, dei køyrer til legevakta óg",
        "Ring Båtsfjord Taxi på 78 98 50 50 hvis bussen ikke går",
        "Frisørsalongen Klipp & Stell, tlf. 71 26 10 10 – beste service i kommunen!",
        "Naboen har firma, Hansen Bygg AS, tlf 71 23 45 67",
        "Kiwi-butikken 61 22 98 76 har åpent i påska",
    ],
)
def test_a_shops_or_firms_advertised_number_is_not_personal(text: str) -> None:
    assert [c for c in codes(text) if c[0] == PHONE] == [], text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Ring rørleggeren min på 912 34 567.", "912 34 567"),
        ("Naboen har et firma, men ring han privat på 977 12 345.", "977 12 345"),
        ("Eg har ikkje mobil, ring heimetelefonen 71 26 43 18.", "71 26 43 18"),
        ("Hjemmetelefon 61 22 33 44, jeg har ikke mobil.", "61 22 33 44"),
        ("Mitt tlf. 912 48 307, ring etter fire.", "912 48 307"),
        ("RING MEG PÅ 912 34 567 SÅ FORT SOM MULIG AS", "912 34 567"),
    ],
)
def test_a_persons_number_beside_a_firm_or_a_home_telephone_is_personal(text: str, number: str) -> None:
    assert codes(text) == [(PHONE, number)]


def test_a_service_or_firm_listed_with_tlf_is_published_but_a_complaint_before_tlf_is_not_a_holder() -> None:
    for text in (
        "Biblioteket, tlf. 61 22 45 90, har åpent til sju.",
        "Ring servicetorget, tlf. 71 23 45 00.",
        "Hansen Bygg AS tlf 71 23 45 67",
    ):
        assert codes(text) == [], text
    for text, number in (
        ("Kommunen svarer aldri, tlf. 912 34 567", "912 34 567"),
        ("Kommunen svarer aldri, tlf. 912 34 567 er mitt nummer", "912 34 567"),
        ("Har ringt servicetorget hele dagen, tlf. 912 34 567, ring meg!", "912 34 567"),
        ("Ola Hansen, tlf. 912 34 567", "912 34 567"),
    ):
        assert codes(text) == [(PHONE, number)], text


def test_the_municipalitys_own_account_is_not_personal_data() -> None:
    number = account_number()
    dotted = kontonr.format(number)
    iban = kontonr.to_iban(number)
    for text in (
        f"Kommunens IBAN er {iban} står det på fakturaen.",
        f"Er kontonummeret til kommunen {dotted}? Skal betale festeavgift.",
        f"Innbetaling til Gausdal kommune, konto {dotted}, gikk ikke.",
        f"Betal til kommunens konto {number} innen fredag.",
        f"Betal til {dotted} (kommunens konto).",
    ):
        assert codes(text) == [], text
    for text in (
        f"Kan kommunen sette pengene inn på {dotted}?",
        f"Kontoen min er {dotted}, kommunen må betale tilbake.",
        f"Kommunens konto er feil, refunder til {dotted}.",
        f"Kommunen skal betale tilbake til {dotted}.",
    ):
        assert codes(text) == [(BANK_ACCOUNT, dotted)], text
    # "vår konto" is the municipality's in its own replies, a family's in a comment
    text = f"Beløpet betales til vår konto {dotted}."
    assert [f.code for f in PersonalDataAnalyser().analyse(Document(text, "reply"))] == []
    assert [f.code for f in PersonalDataAnalyser().analyse(Document(text, "comment"))] == [BANK_ACCOUNT]


def test_an_account_written_with_dashes_is_found() -> None:
    number = account_number()
    written = f"{number[:4]}-{number[4:6]}-{number[6:]}"
    assert codes(f"konto {written}, send pengan dit") == [(BANK_ACCOUNT, written)]


def test_an_offices_or_firms_functional_address_is_not_reported_but_a_persons_is() -> None:
    analyse = PersonalDataAnalyser().analyse
    for text in (
        "Skal klagen til postmottak@statsforvalteren.no og ikke til kommunen?",
        "Jeg sendte søknaden til post@gausdal.kommune.no for tre uker siden.",
        "Kulturhuset tar imot bestillinger på booking@kulturhuset-elnesvagen.no",
        "Spør info@bakeriet.no eller kundeservice@nettbutikk.no",
        "Send det til post (at) firma.no",
    ):
        assert analyse(Document(text)) == [], text
    text = "Send det til kari.hansen@gausdal.kommune.no eller trine.haugen83@gmail.com"
    assert [f.code for f in analyse(Document(text))] == [EMAIL, EMAIL]
    # a mailbox at a provider of personal mail is someone's, whatever word it starts with
    for text in (
        "Ta kontakt på jobb.kari@gmail.com så ordner vi det",
        "Skriv til kontakt.per@hotmail.com om du lurer på noe",
        "Send det til post (at) gmail (dot) com",
    ):
        assert [f.code for f in analyse(Document(text))] == [EMAIL], text
    # find() still returns a functional address: logs mask it, a private post may give it as work
    assert codes("Skriv til postmottak@nav.no") == [(EMAIL, "postmottak@nav.no")]


def test_a_fediverse_handle_is_not_an_e_mail_address() -> None:
    assert codes("@fjordvik@social.example Kva tid kjem protokollen?") == []
    assert codes("@ordforeren@mastodon.no du lovte gang- og sykkelvei") == []
    assert codes("Svar til kari@example.no takk") == [(EMAIL, "kari@example.no")]


def test_our_number_in_a_reply_is_not_the_number_we_will_call() -> None:
    analyse = PersonalDataAnalyser().analyse
    text = "Gratulerer! Vi tar kontakt på 984 12 335 for å avtale overlevering."
    assert [f.code for f in analyse(Document(text, "reply"))] == [PHONE]
    text = "Du kan ringe oss på 62 44 50 00, vi svarer hele dagen."
    assert [f.code for f in analyse(Document(text, "reply"))] == []


@pytest.mark.parametrize(
    ("name", "size"), [("personal_data_probe.jsonl", 150), ("personal_data_probe2.jsonl", 120)]
)
def test_the_personal_data_probe_sets_are_found_exactly(name: str, size: int) -> None:
    """corpus/own/personal_data_probe*.jsonl: every positive found, no code on a hard negative."""
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "corpus" / "own" / name
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= size
    analyse = PersonalDataAnalyser().analyse
    wrong = []
    for row in rows:
        found = {f.code for f in analyse(Document(row["text"], row.get("kind", "comment")))}
        expected = {c for c in row["codes"] if c.startswith("personal_data.")}
        if found != expected:
            wrong.append((row["id"], sorted(found), sorted(expected)))
    assert wrong == []


def test_a_kid_mentioned_nearby_a_meter_and_a_clubs_account_are_not_personal() -> None:
    number = account_number()
    dotted = kontonr.format(number)
    for text in (
        f"Kva er KID-en? Eg har {number} frå førre faktura",
        "Kva er KID-en? Eg har 27058800126 frå førre faktura",
        "Vassmålaren har nummer 98 76 54 32, er det rett?",
        "Referanse 24/01234 og løpenummer 41239876",
        f"Rekneskapen til laget: kontonr til laget {dotted}",
        f"Betal kontingenten til idrettslagets konto {dotted}",
    ):
        assert codes(text) == [], text
    # a possible national id named as one stays, KID or not
    short = birth_number()[:10]
    assert codes(f"KID-en kom ikkje fram. Fnr {short}") == [(NATIONAL_ID_LIKE, short)]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Butikkeier Ola, privat mobil 912 34 567", "912 34 567"),
        ("Ring kommunestyremedlem Kari på 912 34 567", "912 34 567"),
        ("Skoleelev Per har nummer 977 12 345", "977 12 345"),
    ],
)
def test_a_service_word_inside_a_longer_word_names_no_service(text: str, number: str) -> None:
    assert codes(text) == [(PHONE, number)]


def look_alike() -> str:
    """A birth number with a wrong check digit that passes neither checksum (a typo, or no id at all)."""
    number = birth_number()
    for step in range(1, 10):
        near = number[:10] + str((int(number[10]) + step) % 10)
        if not fodselsnummer.is_valid(near) and not kontonr.is_valid(near):
            return near
    raise AssertionError(number)


def test_a_number_the_clause_names_as_a_bills_meters_or_cases_is_no_possible_id() -> None:
    # The thing that carries the number is named earlier in the clause, not right before it.
    for template in (
        "Fakturanummeret som står på brevet er {}, hva gjelder det?",
        "Jeg har betalt regningen med nummer {} to ganger",
        "Strømmåleren min har nummer {}",
        "Målaren vår, nr {}, står feil",
        "Abonnement nr {} hos renovasjonen",
        "kundenummeret mitt hos dere er {}",
        "Jeg har lånenummer {} i Husbanken",
        "Kontrollnummer {} på parkeringsboten",
        "Hei, nr {} på regninga stemmer ikkje",
        "Forsikringsnummer {} gjelder hytta",
    ):
        near = look_alike()
        assert codes(template.format(near)) == [], template
        # A valid birth number there is still one: a checksum is stronger evidence than a word.
        valid = birth_number()
        assert codes(template.format(valid)) == [(NATIONAL_ID, valid)], template
    # ... but a word naming it a birth number wins, and a thing in another sentence names nothing.
    near = look_alike()
    for text in (
        f"Fakturaen for SFO gjelder sønnen min, fnr {near}",
        f"Jeg har klaget på fakturaen. Nummeret mitt er {near}",
        f"Har dere fått papirene? {near} her",
    ):
        assert codes(text) == [(NATIONAL_ID_LIKE, near)], text


def test_a_personal_number_named_before_its_birth_date_is_found() -> None:
    # Forms ask for the birth date and the personal number apart, and people answer in either order.
    for i, template in enumerate(
        (
            "Personnummer {p}, fødselsdato {d} – hvorfor er søknaden avslått?",
            "pnr {p} og født {d}, har ikke fått svar",
            "Personnr: {p}. Fødselsdato: {d}",
            "personnummeret mitt er {p} og eg er fødd {d}",
        )
    ):
        number = birth_number()
        date = number[:6] if i % 2 else f"{number[:2]}.{number[2:4]}.{number[4:6]}"
        text = template.format(p=number[6:], d=date)
        ((code, written),) = codes(text)
        assert code == NATIONAL_ID and written.startswith(number[6:]) and written.endswith(date), text
        wrong = look_alike()
        text = template.format(p=wrong[6:], d=wrong[:6])
        assert [c for c, _ in codes(text)] == [NATIONAL_ID_LIKE], text
    # a personal number alone, or a date with some other number before it, is neither
    assert codes("Saken har 12345 sider, fødselsdato 010185 står på forsiden") == []


def test_a_case_on_a_number_is_about_the_person_the_number_names() -> None:
    # "sak på ...", "vedtaket på ...": the matter is about whoever the number identifies, so the
    # number is not the case's own reference ("saksnummer ...", "sak 2024/1187" stay references).
    for template in (
        "Hei! Vi finner ingen sak på {}, kan du sjekke nummeret?",
        "Finnes det et vedtak på {} i systemet?",
        "Er det registrert noen søknad på {}?",
    ):
        near = look_alike()
        written = f"{near[:6]}-{near[6:]}"
        assert codes(template.format(written)) == [(NATIONAL_ID_LIKE, written)], template
    near = look_alike()
    assert codes(f"Saksnummer {near} står på brevet") == []
    assert codes("Det gjelder sak 2024/11873 om garasjen") == []


def test_the_account_a_bill_is_paid_to_is_the_payees_not_a_persons() -> None:
    number = account_number()
    dotted = kontonr.format(number)
    spaced = f"{number[:4]} {number[4:6]} {number[6:]}"
    for text in (
        f"Eg har betalt til {spaced} (kommunen sin konto), er det rett?",
        f"Betalte til {dotted} – kommunens konto – i går",
        f"Jeg betalte til kontonummer {dotted} som står på fakturaen, men fikk purring",
        f"Kontonummeret på fakturaen ({dotted}) er feil?",
        f"Renovasjonsfakturaen har kontonr {dotted} og KID 123456789012",
    ):
        assert codes(text) == [], text
    # Money to be paid back, or an account the writer calls their own, is a person's, bill or not.
    for text in (
        f"Refunder til kontoen min {dotted}, KID var 0012345678901234",
        f"Fakturaen var feil, så send pengene tilbake til {dotted}",
        f"Sett inn på {dotted} (kontoen min)",
        f"Betal til {dotted}, det er min konto",
    ):
        assert codes(text) == [(BANK_ACCOUNT, dotted)], text


def test_a_birth_date_written_without_leading_zeros_starts_a_birth_number() -> None:
    # "1.3.85 12345": people drop the zeros of a dotted or slashed date; other separators keep them
    # ("1 3 85 12345" is just numbers).
    for _ in range(60):
        number = birth_number()
        day, month = int(number[:2]) % 40, int(number[2:4])
        if day >= 10 and month >= 10:
            continue
        for sep in "./":
            written = f"{day}{sep}{month}{sep}{number[4:6]} {number[6:]}"
            assert codes(f"Hei, fnr {written} - er søknaden mottatt?") == [(NATIONAL_ID, written)], written
        near = look_alike()
        day, month = int(near[:2]) % 40, int(near[2:4])
        written = f"{day}.{month}.{near[4:6]}-{near[6:]}"
        assert codes(f"Personnummer {written}") == [(NATIONAL_ID_LIKE, written)], written
    assert codes("Vi var 1 3 85 12345 i fjor") == []


@pytest.mark.parametrize(
    "text",
    [
        "kundenummeret mitt er 41234567",
        "Fakturanummeret som står på brevet er 91234567",
        "KID-nummeret mitt er 41234567",
        "Avtalenummeret vårt er 4123 4567",
        "Jeg har kundenummer hos dere, det er 91234567",
        "Fakturaen har nummer 912 34 567",
        "Medlemsnummeret mitt er 41 23 45 67",
        "Abonnementet mitt har nr 91234567",
        "nr 91234567 på fakturaen",
    ],
)
def test_a_number_its_clause_names_as_a_bills_or_customers_is_no_phone(text: str) -> None:
    assert codes(text) == [], text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("ring meg på 91234567 om fakturaen", "91234567"),
        ("Har du spørsmål om fakturaen, ring meg på 412 34 567", "412 34 567"),
        ("Fakturaen gjelder meg, ring nummer 91234567", "91234567"),
        ("Fakturaen er sendt til meg, tlf 91234567", "91234567"),
        ("Kundenummeret har jeg ikke, men mobilnummeret mitt er 91234567", "91234567"),
    ],
)
def test_a_phone_number_stays_one_beside_a_bill(text: str, number: str) -> None:
    assert codes(text) == [(PHONE, number)], text


def test_a_birth_number_grouped_like_an_account_is_an_id_where_the_writer_calls_it_one() -> None:
    number = birth_number()
    grouped = f"{number[:4]} {number[4:6]} {number[6:]}"
    assert codes(f"Fødselsnummeret mitt er {grouped}") == [(NATIONAL_ID, grouped)]
    # the dotted form is an account's whatever the words (DESIGN.md §4), and so is the grouped one
    # without such a word
    assert codes(f"fnr {kontonr.format(number)}") == [(BANK_ACCOUNT, kontonr.format(number))]
    assert codes(f"Betal til {grouped}") == [(BANK_ACCOUNT, grouped)]


@pytest.mark.parametrize(
    "text",
    [
        "Er {} framleis nummeret til kommunens sentralbord?",
        "{} er telefonnummeret til legevakta, ikkje ring 113 for slikt.",
        "Prøv {}, det er nummeret til heimetenesta.",
        "Stemmer det at {} er det nye nummeret til servicetorget?",
    ],
)
def test_a_number_called_a_services_number_after_it_is_no_persons_phone(text: str) -> None:
    number = f"{RNG.randint(61, 79)} {RNG.randint(10, 99)} {RNG.randint(10, 99)} {RNG.randint(10, 99)}"
    assert [m.code for m in find(f"Ring meg på {number}")] == [PHONE]  # a number a person could have
    assert [m.code for m in find(text.format(number))] == []


@pytest.mark.parametrize(
    "text",
    [
        "Du kan ringe tannklinikken på {} mellom 08 og 15.",
        "Vi kan ikkje kommentere enkeltsaker her, men du kan ringe helse og omsorg på {}.",
        "Gjenvinningsstasjonen svarer på {} fra klokka 10.",
        "Ring sjukehuset på {} om besøkstida.",
    ],
)
def test_a_clinic_or_an_office_named_before_the_number_is_no_persons_phone(text: str) -> None:
    number = f"{RNG.randint(61, 79)} {RNG.randint(10, 99)} {RNG.randint(10, 99)} {RNG.randint(10, 99)}"
    assert [m.code for m in find(f"Du kan ringe meg på {number} mellom 08 og 15.")] == [PHONE]
    assert [m.code for m in find(text.format(number))] == []


@pytest.mark.parametrize(
    "text",
    [
        "Nummeret mitt {} er ikkje nummeret til sentralbordet, slutt å ringe meg.",
        "Er {} nummeret til deg, Kari?",
    ],
)
def test_a_persons_number_beside_a_service_stays_a_phone(text: str) -> None:
    number = f"9{RNG.randint(10, 99)} {RNG.randint(10, 99)} {RNG.randint(100, 999)}"
    assert [m.code for m in find(text.format(number))] == [PHONE]
