"""Personal data in running text: national ids, bank accounts, phone numbers, e-mail addresses.

Checksums come from python-stdnum and phone rules from phonenumbers, never our own code.
Every valid fødselsnummer also passes the kontonummer checksum (the second check digit
of a fødselsnummer is computed exactly like a kontonummer's), so an 11-digit number is
resolved by DESIGN.md §4: a valid fødselsnummer/D-nummer is a national id, unless it is
written in the account form `1503.13.94411` or next to a word like "kontonummer".

A number shaped like a birth number (a date-like start `DDMMYY`, or a D-nummer's day + 40)
that fails the checksum, is a digit short, or has its date written the ways people write
one (`01.02.85 12345`, `01 02 85 12345`, `010285 123 45`) is `national_id_like`: in a
comment field a false alarm costs a click, a miss exposes a citizen. Written that way with
a valid checksum, it is a `national_id`.

A phone number is a person's unless the nearest holder named before it in its sentence is a
service, an office, a shop or a firm ("ring servicetorget på 71 23 45 00", "ring oss på ...",
"Rørlegger Hansen AS har døgnvakt på ...") or it is a free, shared-cost or premium number: those
numbers are published, and a reply giving one is not exposing anybody. Likewise the
municipality's own account ("kommunens konto ...") and an office's functional e-mail address
("postmottak@...", reported by `find` but not by the analyser) are published; a number a
reference word labels ("KID 31012400457", "kundenummeret er ...", "målarnummer ...") is neither
an account, a phone number nor a possible national id, and a number its clause names as a bill's, a
meter's or a case's ("Strømmåleren min har nummer ...", "nr ... på regninga") is no possible id
(a checksum-valid one stays a national id, and a word calling it one wins) and, unless the clause
speaks of calling or a phone, no phone number.

`find(text)` needs no Document: `masking.mask` uses it for logs and list views.
"""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass
from typing import ClassVar

import phonenumbers
from stdnum import iban
from stdnum.no import fodselsnummer, kontonr

from somevakt.analysis.base import Document, Finding, Severity

NATIONAL_ID = "personal_data.national_id"
NATIONAL_ID_LIKE = "personal_data.national_id_like"
BANK_ACCOUNT = "personal_data.bank_account"
PHONE = "personal_data.phone"
EMAIL = "personal_data.email"

SEVERITY: dict[str, Severity] = {
    NATIONAL_ID: "high",
    NATIONAL_ID_LIKE: "warn",
    BANK_ACCOUNT: "high",
    PHONE: "warn",
    EMAIL: "warn",
}

_SP = " \u00a0\u202f"  # space, no-break space, narrow no-break space
# Every pattern starts where a digit run starts (no digit, and no "digit + separator",
# just before), which keeps the scan linear and keeps us out of longer numbers.
_START = r"(?<![0-9])(?<![0-9][.,/])"
_END = r"(?![0-9])(?![.,/][0-9])"
_IBAN = re.compile(rf"(?<![A-Za-z0-9])NO[0-9]{{2}}(?:[{_SP}]?[0-9]){{11}}{_END}")
_ACCOUNT_GROUPED = re.compile(rf"{_START}(?<![0-9][{_SP}-])[0-9]{{4}}([.{_SP}-])[0-9]{{2}}\1[0-9]{{5}}{_END}")
# A birth number as people write it: `DDMMYYNNNNN`, `DDMMYY NNNNN`, `DDMMYY-NNNNN`, or with its
# date written `DD.MM.YY`, `DD-MM-YY`, `DD/MM/YY` or `DD MM YY` (the year also in four digits;
# `DDMMYYYY` then needs a gap; a dotted or slashed date may drop its zeros, `1.3.85`) and the
# personal number after a space, a dash, a slash or a dot (with spaces around it or not; a dotted
# date also with nothing between: `15.03.8510190`). The
# personal number may be split `NNN NN` or `NN NNN`, or be a digit short (`NNNN`; `_birth` decides).
# (a dot only alone: ". " ends a sentence)
_GAP = rf"(?:[{_SP}]?[-/][{_SP}]?|[.{_SP}])"
_PERSONAL = rf"(?P<personal>[0-9]{{5}}|[0-9]{{3}}[{_SP}][0-9]{{2}}|[0-9]{{2}}[{_SP}][0-9]{{3}}|[0-9]{{4}})"
_BIRTH = re.compile(
    rf"{_START}(?:(?P<compact>[0-9]{{6}})(?P<gap>{_GAP}?)"
    rf"|(?P<cdd>[0-9]{{4}})(?P<cyear>(?:19|20)[0-9]{{2}}){_GAP}"
    rf"|(?P<dd>[0-9]{{1,2}})(?P<sep>[./{_SP}-])(?P<mm>[0-9]{{1,2}})(?P=sep)(?P<yy>[0-9]{{2}}(?:[0-9]{{2}})?)(?:{_GAP}|(?=[0-9]{{5}}(?![0-9]))))"
    rf"{_PERSONAL}{_END}"
)
# A birth date and the personal number written apart, the personal number named:
# "født 15.03.85, personnr 10190", "fødd 1.3.85, personnr 10190", "fødselsdato 150385 og personnummer 101 90".
_ID_AFTER_DATE = re.compile(
    rf"{_START}(?:(?P<dd>[0-9]{{1,2}})(?P<sep>[./{_SP}-])(?P<mm>[0-9]{{1,2}})(?P=sep)(?P<yy>[0-9]{{2}}(?:[0-9]{{2}})?)"
    rf"|(?P<compact>[0-9]{{6}})|(?P<cdd>[0-9]{{4}})(?P<cyear>(?:19|20)[0-9]{{2}}))"
    r"(?![0-9])[^0-9\n]{1,30}?(?<![a-zæøå])(?:personnummer(?:et)?|personnr|pers\.? ?nr|pnr|p\.nr|"
    r"fødselsnummer(?:et)?|fødselsnr|fnr|siste fem(?: siffer)?)\.?:?(?: er| e| va| var)?[\s:]{0,3}"
    rf"(?P<personal>[0-9]{{5}}|[0-9]{{3}}[{_SP}][0-9]{{2}}){_END}"
)
# Eleven digits the writer calls a national id, grouped any way at all ("fødselsnr 1109-1233-210",
# "Fødselsnr 12 12 75 28 88 7", "My wife's ID number is 12 08 69 933 90"): the word says what it is.
_ID_NAMED = re.compile(
    r"(?<![a-zæøå])(?:fødselsnummer(?:et)?|fødselsnr|personnummer(?:et)?|personnr|fnr|f\.nr|d-nummer(?:et)?|"
    r"d-nr|id-nummer(?:et)?|id number|id-number|personal (?:id )?number|national id(?: number)?|"
    r"birth number)\.?:?(?: mitt| mi| min| hans| hennes| hennar| is| er| e| va| var){0,2}[\s:]{0,3}"
    rf"(?P<number>[0-9](?:[{_SP}.-]?[0-9]){{10}}){_END}"
)
# ... or the other way round, as forms ask for them apart: "Personnummer 10190, fødselsdato 150385",
# "pnr 10190 og født 15.03.85" (the match starts at the keyword; the finding at the personal number).
_ID_BEFORE_DATE = re.compile(
    r"(?<![a-zæøå])(?:personnummer(?:et)?|personnr|pers\.? ?nr|pnr|p\.nr)\.?:?[^0-9\n]{0,12}?"
    rf"{_START}(?P<personal>[0-9]{{5}}|[0-9]{{3}}[{_SP}][0-9]{{2}})(?![0-9])"
    r"[^0-9\n]{1,30}?(?<![a-zæøå])(?:fødselsdato(?:en)?|født|fødd|f\.)\.?:?(?: er| den)?[\s:]{0,3}"
    rf"(?:(?P<dd>[0-9]{{1,2}})(?P<sep>[./{_SP}-])(?P<mm>[0-9]{{1,2}})(?P=sep)(?P<yy>[0-9]{{2}}(?:[0-9]{{2}})?)"
    rf"|(?P<compact>[0-9]{{6}})|(?P<cdd>[0-9]{{4}})(?P<cyear>(?:19|20)[0-9]{{2}})){_END}"
)
_PHONE = re.compile(
    rf"(?:(?P<prefix>(?<![\w+])(?:\+|00)[{_SP}]?47[{_SP}.-]?)|{_START}(?<![0-9][{_SP}-])(?<!\+))"
    rf"(?P<number>[0-9](?:[{_SP}.-]?[0-9]){{7}}){_END}(?![{_SP}-][0-9])"
)
EMAIL_ADDRESS = re.compile(
    r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})*\.[a-zA-Z]{2,24}(?![\w-])"
)
# An address written to dodge spam filters: "kari.nordmann(at)gmail.com", "kari [at] online dot no",
# "kari @ gmail.com", "siri alfakrøll gmail punktum com" (a bare "at" is the Norwegian "that").
# The domain must end in a common top-level domain, so "møtes at home dot" is not one.
_EMAIL_WRITTEN = re.compile(
    r"(?<![\w.+-])[\w.+-]{1,64}(?:\s*(?:\(at\)|\[at\]|\{at\}|\(a\)|\[a\]|\(@\)|\[@\])\s*|\s+(?:@|alfakrøll|krøllalfa)\s+|\s@|@\s)"
    r"[\w-]{1,63}(?:\s*(?:\.|\(dot\)|\[dot\]|\(punktum\)|\s(?:dot|punktum)\s)\s*[\w-]{1,63}){0,3}"
    r"\s*(?:\.|\(dot\)|\[dot\]|\(punktum\)|\s(?:dot|punktum)\s)\s*"
    r"(?:no|com|net|org|se|dk|nu|info|eu|io)(?![\w-])",
    re.IGNORECASE,
)
# An office's or a firm's functional address ("postmottak@", "post@", "info@", "booking@") names
# nobody: it is published contact information, not personal data. `find` still returns it (logs
# mask it, and a private post may give it as a work address); the analyser does not report it.
_FUNCTIONAL_LOCAL = re.compile(
    r"(?:post|postmottak|postkasse|firmapost|info|informasjon|kontakt|booking|bestilling|ordre|faktura|"
    r"[a-zæøå]*service|kundesenter|servicetorg(?:et)?|servicesenter|sentralbord(?:et)?|resepsjon(?:en)?|"
    r"sekretariat(?:et)?|support|admin|webmaster|no-?reply|hei|hallo|hello|kontor(?:et)?|office|salg|"
    r"sales|presse|redaksjon(?:en)?|tips|jobb|rekruttering)(?:[.-](?:[a-zæøå]+))?",
    re.IGNORECASE,
)
_LOCAL_PART = re.compile(r"[\w.+-]+")
# A mailbox at a provider of personal mail is someone's, whatever it starts with: "jobb.kari@gmail.com"
# and "kontakt.per@hotmail.com" are Kari's and Per's, not an office's.
_PERSONAL_MAIL = re.compile(
    r"(?:@|\(at\)|\[at\]|\s(?:at|alfakrøll)\s)\s*(?:gmail|googlemail|hotmail|outlook|live|msn|yahoo|"
    r"icloud|me|mac|online|proton|protonmail|pm|aol|gmx|yandex)\s*(?:\.|\(dot\)|\[dot\]|\s(?:dot|punktum)\s)",
    re.IGNORECASE,
)


# A public body's domain: a municipality's or county's, whoever's guideline is in force. A mailbox
# there named after a service ("skole@", "eiendomsskatt@", "skolekontoret@") is that office's;
# its people's are named after them ("kari.nordmann@", "karinordmann@").
_PUBLIC_DOMAIN = re.compile(r"@(?:[\w-]+\.)*(?:kommune|fylkeskommune|fylke)\.no$|@nav\.no$", re.IGNORECASE)
_SERVICE_LOCAL = re.compile(
    r"[a-zæøå]*(?:skole|skule|barnehage|eiendomsskatt|byggesak|teknisk|kultur|bibliotek|helse|lege|oppvekst|"
    r"landbruk|vann|vatn|renovasjon|havn|hamn|torg|sentralbord|barnevern|sfo|skatt|okonomi|økonomi|"
    r"regnskap|lonn|lønn|innkjop|innkjøp|arkiv|dokument|kommunikasjon|beredskap|brann|kontor|plan|"
    r"sekretariat|politikk|valg)[a-zæøå]*",
    re.IGNORECASE,
)


def functional_address(address: str) -> bool:
    """Whether an e-mail address (also one written "post (at) firma.no") is an office's or a firm's."""
    local = _LOCAL_PART.match(address)
    if local and _PUBLIC_DOMAIN.search(address.strip()) and _SERVICE_LOCAL.fullmatch(local.group()):
        return True
    return bool(local and _FUNCTIONAL_LOCAL.fullmatch(local.group()) and not _PERSONAL_MAIL.search(address))


_GROUPS = re.compile(r"[0-9]+")
# A group of one to three digits joined to a number by one separator: both are one grouped number.
_SHORT_GROUP_BEFORE = re.compile(rf"(?:^|[^0-9])[0-9]{{1,3}}[{_SP}.-]$")
_SHORT_GROUP_AFTER = re.compile(rf"[{_SP}-][0-9]{{1,3}}(?![0-9])")

# Words that say an 11-digit number is an account, or a national id.
_ID_WORDS = re.compile(
    r"(?<![a-zæøå])(?:(?:bank)?konto(?:nummer|nummeret|nr|en)?|kto|"
    r"fødselsnummer(?:et)?|fødselsnr|personnummer(?:et)?|personnr|fnr|d-nummer(?:et)?|d-nr|"
    r"personalia|id-nummer)(?![a-zæøå])"
)
_ACCOUNT_WORD = re.compile(r"konto|kto")
# Words that name a number as an amount or a reference of some kind (not an account): each
# also with "-nummer(et)", "nr", "-id" or an ending ("KID-nummeret", "saksnummeret", "målarnummer").
_REFERENCE_STEMS = (
    r"kr|nok|kroner|sak|saks|arkivsak|arkiv|løpe|journalpost|journal|org|organisasjons|orgnummer|foretaks|mva|"
    r"[a-zæøå]*referanse|[a-zæøå]*faktura|[a-zæøå]*måler|[a-zæøå]*målar|"
    r"kid|fakturadato|forfall|forfallsdato|ordre|ref|kunde|avtale|kontrakt|postboks|"
    r"gnr|bnr|snr|matrikkel|vedtak|vedtaks|dokument|dok|bestilling|bestillings|kvittering|kvitterings|"
    r"bilag|bilags|serie|billett|sporing|sporings|sending|sendings|pakke|medlem|medlems|kort|lisens|reg|"
    r"registrering|registrerings|leilighet|målepunkt|målarpunkt|målerstand|målarstand|"
    r"anlegg|anleggs|polise|skade|skades|prosjekt|søknads|tilbud|tilbuds|lodd|vare|artikkel|isbn|issn|"
    r"ean|strekkode|frist|fristen|møte|møtet|dato|datoen|kl|klokka|klokken|uke|veke|rute|linje"
)
_REFERENCE_WORDS = (
    rf"(?:{_REFERENCE_STEMS})(?:-?(?:nummer(?:et)?|nr\.?|id)|et|en|a)?|konto|kontonr|kontonummer(?:et)?"
)
_REFERENCE_LABEL = re.compile(
    rf"(?<![a-zæøå])(?:{_REFERENCE_STEMS})(?:-?(?:nummer(?:et)?|nr\.?|id)|et|en|a)?"
    r"\.?(?: ?nr\.?)?:?(?: er| på| med)?[\s]*$"
)
# "KID" near a bare number that no account word names: "Kva er KID-en? Eg har 27058800126"
_KID_NEAR = re.compile(r"(?<![a-zæøå])kid(?![a-zæøå])")
_LABEL_END = r"\.?(?: ?nr\.?)?:?(?: er| på)?[\s]*$"
# What comes right before a number that is an amount or a reference, not a phone number.
_NOT_PHONE_BEFORE = re.compile(
    rf"(?<![a-zæøå])(?:{_REFERENCE_WORDS}|fnr|fødselsnummer|personnummer){_LABEL_END}"
)
# ... and before a number that is such a reference or a phone number, not a possible birth number.
_NOT_ID_BEFORE = re.compile(
    rf"(?<![a-zæøå])(?:{_REFERENCE_WORDS}|tlf|telefon|telefonnummer|telefonnr|mobil|mobilnummer|mob)"
    rf"{_LABEL_END}"
)
_NOT_PHONE_AFTER = re.compile(r"^\s*(?:kr\b|kroner|nok\b|,-|%|prosent|mill|,[0-9]|\.[0-9])")
# Ways Norwegians write a domestic number; "45 000 000" (2-3-3) is an amount, "12 03 2024" a date.
_PHONE_GROUPINGS = {(8,), (3, 2, 3), (2, 2, 2, 2), (3, 5), (4, 4)}
_SERVICE_TYPES = {
    phonenumbers.PhoneNumberType.TOLL_FREE,
    phonenumbers.PhoneNumberType.PREMIUM_RATE,
    phonenumbers.PhoneNumberType.SHARED_COST,
    phonenumbers.PhoneNumberType.UAN,
    phonenumbers.PhoneNumberType.VOICEMAIL,
}


@dataclass(frozen=True)
class Match:
    code: str
    start: int
    end: int


def _id_word(lower: str, start: int, end: int) -> str | None:
    """What the nearest id word before the number (or right after it) calls it: 'account' or 'id'."""
    before = list(_ID_WORDS.finditer(lower, max(0, start - 40), start))
    word = before[-1] if before else _ID_WORDS.search(lower, end, min(len(lower), end + 25))
    if word is None:
        return None
    return "account" if _ACCOUNT_WORD.search(word.group()) else "id"


# The municipality's (or another public body's) own account, named as its holder just before the
# number: "kommunens konto", "kontonummeret til kommunen", "Gausdal kommune, konto", "vår konto" in
# its own replies. Money paid back to someone ("refunder", "tilbake", "inn på") goes to a person.
_PUBLIC_ACCOUNT = re.compile(
    r"(?<![a-zæøå])(?:kommunen?s|kommunas|kommun(?:en|a) si(?:n|tt)?|"
    r"(?:til|hos) (?:[a-zæøå-]+ )?kommune(?:n|a)?|"
    r"[a-zæøå-]+ kommune(?=[,:]? (?:konto|kto|kontonummer|kontonr|iban))|"
    r"(?:til|hos) [a-zæøå]*(?:laget|foreninga|foreningen|klubben|idrettslaget|korpset|sameiet|borettslaget|"
    r"velforeninga|velforeningen)|lagets|foreningens|klubbens|idrettslagets|korpsets|sameiets|borettslagets|"
    # an account people give to: "gavekontoen til julemiddagen", "innsamlingskontoen"
    r"[a-zæøå]*(?:gavekonto|gåvekonto|innsamlingskonto)(?:en|a)?|"
    # a club or a firm by its name and "sin"/"sitt" ("Sletteby IL sitt kontonummer", "idrettslaget sin
    # konto", "Vestby Bygg AS sin konto"): theirs, published for members and customers
    r"(?:(?:[a-zæøå0-9-]+ )?(?:il|if|fk|bk|sk|ik|as|sa)|[a-zæøå]*(?:lag(?:et)?|foreninga|foreningen|"
    r"forening|klubben|klubb|korps(?:et)?|sameie(?:t)?|menighet(?:en)?|sokn(?:et)?|speidergruppa|"
    r"speidergruppen)|fau|kor(?:et)?) si(?:n|tt|ne)?|"
    r"fylkeskommunen?s|statens|skatteetatens|navs|barnehagens|skolens|skulens|sfos|kulturskolens|kulturskulens|sykehjemmets|"
    r"(?P<we>vår|vårt|våre))(?![a-zæøå])"
)
_TO_A_PERSON = re.compile(
    r"(?<![a-zæøå])(?:meg|mæ|min|mitt|mi|mine|deg|din|ditt|hans|hennes|hennar|vår|vårt|refu[a-zæøå]*|tilbake|"
    r"utbetal[a-zæøå]*|betal[a-zæøå]* ut|inn på|innpå|overfør[a-zæøå]*|sett[a-zæøå]* inn)(?![a-zæøå])"
)


# ... or named right after it: "1503 73 10023 (kommunen sin konto)", "1503.13.94411 – kommunens konto"
_PUBLIC_AFTER = re.compile(
    r"\s*(?:\(|[-–—,]\s*)(?:som er |det er )?(?:kommunens|kommunas|kommun(?:en|a) si(?:n|tt)?|til kommunen|"
    r"[a-zæøå-]+ kommunes?|[a-zæøå-]+ (?:lions|rotary|il|if|fk|sk|røde kors|sanitetsforening|"
    r"sanitetslag|frivilligsentral)\))(?![a-zæøå])"
)
# The account a bill names is the payee's (the municipality's or a firm's, published on the bill):
# "som står på fakturaen", "kontonummeret på fakturaen (...)", "fakturaen har kontonr ...". Money
# paid back or an account the writer calls their own (`_TO_A_PERSON` anywhere in the sentence) is
# still a person's, and so is one a KID is merely paid to ("Betal til konto ... med KID ...").
_BILL = r"(?:[a-zæøå]*faktura(?:en|a)?|[a-zæøå]*regning(?:a|en)?|giro(?:en)?)"
_PAYEE_BEFORE = re.compile(
    rf"(?:(?<![a-zæøå])på {_BILL}|(?<![a-zæøå]){_BILL} (?:har|hadde|sier|seier|viser|oppgir|oppgjev))"
    r"(?![a-zæøå])[^.!?\n]*$"
)
_PAYEE_AFTER = re.compile(rf"[^.!?\n]{{0,20}}?(?:står|stod|sto|oppgitt|oppgjeve) på {_BILL}(?![a-zæøå])")


def _public_account(lower: str, start: int, end: int, own_voice: bool) -> bool:
    """Whether the account at `start` is named as the municipality's or a public body's own, or
    as the account a bill is paid to."""
    clause = _HOLDER_CLAUSE.search(lower, max(0, start - 60), start)
    begin = clause.end() if clause else max(0, start - 60)
    holders = list(_PUBLIC_ACCOUNT.finditer(lower, begin, start))
    if holders:
        last = holders[-1]
        if last.group("we") is not None and not own_voice:
            return False
        return not _TO_A_PERSON.search(lower[last.end() : start])
    if _PUBLIC_AFTER.match(lower, end):
        return True
    stop = _CLAUSE_END.search(lower, end, min(len(lower), end + 80))
    sentence_end = stop.start() if stop else min(len(lower), end + 80)
    if _TO_A_PERSON.search(lower, begin, sentence_end):
        return False
    return bool(_PAYEE_BEFORE.search(lower, begin, start) or _PAYEE_AFTER.match(lower, end, sentence_end))


# A thing that carries a reference number of its own (a bill, a meter, a case, a customer, a
# subscription, a fine ...) named in the number's clause, not just right before it: "Fakturanummeret
# som står på brevet er ...", "Strømmåleren min har nummer ...", "nr ... på regninga". Only things
# that are numbered: times, amounts and dates name no number, so they stay in `_REFERENCE_STEMS`.
_THING = (
    r"(?:[a-zæøå]*faktura|[a-zæøå]*regning|kid|kunde|[a-zæøå]*måler|[a-zæøå]*målar|målepunkt|"
    r"[a-zæøå]*abonnement|[a-zæøå]*avtale|kontrakt|[a-zæøå]*ordre|[a-zæøå]*bestilling|sak|saks|arkivsak|"
    r"journalpost|[a-zæøå]*referanse|ref|lån|låne|[a-zæøå]*forsikring|polise|(?:parkerings)?bot|kontroll|"
    r"skjema|søknad|søknads|billett|pakke|sending|sporing|medlem|medlems|serie|anlegg|anleggs|bilag|bilags|"
    r"kvittering|kvitterings|dokument|tilbud|tilbuds|prosjekt|skade|skades|lisens|org|organisasjons|foretaks)"
)
# "fakturanummeret", "org.nr", "kunde-id": the thing's own number named anywhere earlier in the clause
_THING_NUMBER = re.compile(rf"(?<![a-zæøå]){_THING}s?[.-]?(?:nummer(?:et)?|nr\.?|id)(?![a-zæøå])")
_THING_NOUN = re.compile(rf"(?<![a-zæøå]){_THING}(?:en|et|a|er|ar|ene|s)?(?![a-zæøå])")
# "... med nummer", "..., nr", "har nr.": a bare number word right before the number
_NUMBER_WORD = re.compile(r"(?<![a-zæøå])(?:nummer(?:et)?|nr\.?)\s*:?\s*$")
_CLAUSE_END = re.compile(r"[.!?\n](?:\s|$)")


# A call, a phone or a mobile named in the clause: the number is one to ring, bill or no bill.
_CALL = re.compile(r"(?<![a-zæøå])(?:ring[a-zæøå]*|sms|tlf|tel|telefon[a-zæøå]*|mobil[a-zæøå]*)(?![a-zæøå])")


def _numbered_thing(lower: str, start: int, end: int, phone: bool = False) -> bool:
    """Whether the number's clause names it as a bill's, a meter's, a case's or the like (for a
    `phone`, unless the clause also speaks of calling or a phone)."""
    clause = _HOLDER_CLAUSE.search(lower, max(0, start - 60), start)
    before = lower[clause.end() if clause else max(0, start - 60) : start]
    if phone and _CALL.search(before):
        return False
    if _THING_NUMBER.search(before):
        return True
    if not _NUMBER_WORD.search(before):
        return False
    stop = _CLAUSE_END.search(lower, end, min(len(lower), end + 30))
    after = lower[end : stop.start() if stop else min(len(lower), end + 30)]
    return bool(_THING_NOUN.search(before) or _THING_NOUN.search(after))


def _date_like(digits: str, year: int | None = None) -> bool:
    """`DDMMYY` at the start is a date that exists (the day + 40 for a D-nummer)."""
    day, month, yy = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    if day > 40:
        day -= 40
    for full in (year,) if year is not None else (1900 + yy, 2000 + yy):
        try:
            datetime.date(full, month, day)
        except ValueError:
            continue
        return True
    return False


# A case, an application or a decision "på" a number is about whoever the number identifies
# ("Vi finner ingen sak på 190382-02719"): the number is not the case's own reference.
_ABOUT = re.compile(
    r"(?<![a-zæøå])(?:sak|saka|saken|saker|arkivsak(?:en)?|søknad(?:en|er)?|vedtak(?:et)?|"
    r"journal(?:en)?|dokument(?:et|er)?)\s+på\s*$"
)


def _like_context(lower: str, m: re.Match[str]) -> bool:
    """Nothing around the number says it is something else: a reference, a phone, an amount,
    part of a longer grouped number (a short digit group joined to it), or a number after `+`."""
    start, end = m.start(), m.end()
    if start and lower[start - 1] == "+":
        return False
    if _SHORT_GROUP_BEFORE.search(lower[max(0, start - 5) : start]):
        return False
    if _SHORT_GROUP_AFTER.match(lower, end):
        return False
    label = _NOT_ID_BEFORE.search(lower, max(0, start - 30), start)
    if label and not _ABOUT.search(label.group()):
        return False
    return not _NOT_PHONE_AFTER.match(lower[end : end + 12])


def _date_of(m: re.Match[str]) -> tuple[str, int | None]:
    """The `DDMMYY` a birth-number match starts with, and the four-digit year if one is written."""
    if m.group("compact"):
        return m.group("compact"), None
    if m.group("cdd"):
        year = m.group("cyear")
        return m.group("cdd") + year[-2:], int(year)
    yy = m.group("yy")
    # a date written "1.3.85" where the personal number is named after it
    return m.group("dd").zfill(2) + m.group("mm").zfill(2) + yy[-2:], int(yy) if len(yy) == 4 else None


def _birth(lower: str, m: re.Match[str]) -> str | None:
    """The code for a number written like a birth number, or None."""
    raw = m.group()
    bare = raw.isdigit()
    if m.group("dd") and len(m.group("dd") + m.group("mm")) < 4 and m.group("sep") not in "./":
        return None  # "1.3.85" and "1/3/85" are dates; "1 3 85" and "1-3-85" are just numbers
    date, year = _date_of(m)
    digits = date + "".join(_GROUPS.findall(m.group("personal")))
    if len(digits) == 10 and not bare:
        # "150385 1234" and "150385-1234" read as a birth number a digit short; a written date
        # and four digits ("01.02.85 1234") only where the writer calls it one
        if not m.group("compact") and _id_word(lower, m.start(), m.end()) != "id":
            return None
    if len(digits) == 11:
        valid = fodselsnummer.is_valid(digits)
        if valid and year is not None:  # a four-digit year must be the century the number gives
            valid = fodselsnummer.get_birth_date(digits).year == year
        if valid:
            if bare and _id_word(lower, m.start(), m.end()) == "account":
                return BANK_ACCOUNT
            return NATIONAL_ID
        # A near-miss written like a birth number (6 + 5) is not an account; a bare one may be,
        # unless the writer calls it a birth number or labels it a reference ("KID 31012400457").
        if (
            bare
            and kontonr.is_valid(digits)
            and _id_word(lower, m.start(), m.end()) != "id"
            and not _REFERENCE_LABEL.search(lower, max(0, m.start() - 30), m.start())
            and not _KID_NEAR.search(lower, max(0, m.start() - 40), min(len(lower), m.end() + 25))
        ):
            return BANK_ACCOUNT
    word = _id_word(lower, m.start(), m.end())
    if not _date_like(digits, year) or word == "account":
        return None
    if word is None and _numbered_thing(lower, m.start(), m.end()):
        return None  # a bill's, a meter's or a case's number; a word calling it an id would win
    if (
        bare
        and word is None
        and _KID_NEAR.search(lower, max(0, m.start() - 40), min(len(lower), m.end() + 25))
    ):
        return None  # a KID the writer mentions nearby
    return NATIONAL_ID_LIKE if _like_context(lower, m) else None


def _id_after_date(m: re.Match[str]) -> str | None:
    """A birth date with its personal number named after it (or before it): a national id if the
    two make a valid one, else possibly one (the writer has said what the number is)."""
    date, year = _date_of(m)
    digits = date + "".join(_GROUPS.findall(m.group("personal")))
    if fodselsnummer.is_valid(digits) and (year is None or fodselsnummer.get_birth_date(digits).year == year):
        return NATIONAL_ID
    return NATIONAL_ID_LIKE if _date_like(digits, year) else None


# Whose number it is: the nearest word before it in its sentence that names a holder. A service
# or office ("ring servicetorget på", "sentralbordet 71 23 45 00", "ring oss på") publishes its
# number; a person ("ring meg på", "nummeret mitt", "han som ...") does not. Nothing named: a person's.
_HOLDER = re.compile(
    r"(?<![a-zæøå])(?P<service>servicetorg(?:et|ets)?|sentralbord(?:et|ets)?|legevakt(?:a|en|as|ens)?|"
    r"kommune(?:n|ns)?|kommuna|kommunes|rådhus(?:et)?|resepsjon(?:en)?|[a-zæøå]*kontor(?:et|ets)?|"
    r"bibliotek(?:et)?|[a-zæøå]*stasjon(?:en)?|[a-zæøå]*tjeneste(?:n|ns)?|[a-zæøå]*teneste(?:a)?|"
    r"tenestetorg(?:et)?|innbyggertorg(?:et)?|innbyggjartorg(?:et)?|barnevern(?:et|ets)?|"
    r"byggesak(?:a|en)?|byggjesak(?:a)?|renovasjon(?:en)?|"
    # a clinic, a hospital or "helse og omsorg" is an office too ("ring tannklinikken på 70 ...")
    r"[a-zæøå]*klinikk(?:en|a)?|sykehus(?:et)?|sjukehus(?:et)?|omsorg(?:a|en)?|tannlege(?:n)?|"
    r"(?!heime|hjemme|privat|mobil)[a-zæøå]*telefon(?:en)?|nav|brannvesen(?:et)?|politi(?:et)?|skole(?:n|ns)?|skule(?:n)?|"
    r"barnehage(?:n|ns)?|sykehjem(?:met)?|sjukeheim(?:en)?|svømmehall(?:en)?|symjehall(?:en)?|"
    r"[a-zæøå]*senter(?:et)?|[a-zæøå]*etat(?:en)?|[a-zæøå]*avdeling(?:a|en)?|[a-zæøå]*vakt(?:a|en)?|"
    # a shop or a firm advertises its number: it is not a citizen's personal data
    r"[a-zæøå]*butikk(?:en|a|ens)?|forretning(?:en)?|firma(?:et|ets)?|bedrift(?:en|a)?|taxi(?:en)?|"
    r"drosje(?:n|a)?|[a-zæøå]*salong(?:en)?|frisør(?:en)?|verksted(?:et)?|bakeri(?:et)?|kaf[eé](?:en|a)?|"
    r"restaurant(?:en)?|hotell(?:et)?|apotek(?:et)?|kiosk(?:en)?|[a-zæøå]*kjede(?:n)?|"
    # a thing with a number of its own ("vassmålaren har nummer ...")
    r"[a-zæøå]*måler(?:en|ens)?|[a-zæøå]*målar(?:en|ens)?|[a-zæøå]*dunk(?:en|a)?|container(?:en)?)(?![a-zæøå])"
    r"|(?P<we>oss|vi)(?![a-zæøå])|(?P<person>meg|mæ|mitt|min|mi|mine|deg|din|ditt|di|han|ham|hun|ho|henne|hans|hennes|hennar|"
    r"dykk|dere|dokker|privat(?:nummer|mobil|nr)?|(?:heime|hjemme|privat|mobil)telefon(?:en)?)(?![a-zæøå])"
)
# A firm's legal form after its name ("Rørlegger Hansen AS"), in the original text.
_FIRM = re.compile(r"(?<=[A-ZÆØÅa-zæøå0-9&] )(?:AS|ASA|ANS|SA)(?![A-Za-zÆØÅæøå])")
# "vi tar kontakt på ...", "vi ringer ...": the municipality calls that number, it is not its own
_WE_CALL = re.compile(r"\bvi\s+(?:tar\s+kontakt|kontakt|ring|send|sms)")
_HOLDER_CLAUSE = re.compile(r"(?:^|[.!?\n]\s)(?=[^.!?\n]*$)")
# A listing: a holder, perhaps its name, then "tlf." ("Biblioteket, tlf. 61 22 45 90",
# "Frisørsalongen Klipp & Stell, tlf. 71 ...", "Hansen Bygg AS tlf 71 ..."); the label's dot
# ends the clause above, so the words before the label are read here.
_PHONE_LABEL = re.compile(r"[,:]?\s*(?:tlf|tel|telefon|telefonnummer|telefonnr)\.?:?\s*$")
_WORD = re.compile(r"[\w&'-]+")


# ... or named right after it: "61 22 33 44 (sentralbord)", "915 00 111 – vakttelefon"
_SERVICE_AFTER = re.compile(
    r"\s*(?:\(|[-–—,:]\s*)(?:til |for )?(?:servicetorg(?:et)?|sentralbord(?:et)?|legevakt(?:a|en)?|"
    r"[a-zæøå]*vakt(?:telefon(?:en)?|a|en)?|resepsjon(?:en)?|kommunen|rådhuset|[a-zæøå]*kontor(?:et)?|"
    r"[a-zæøå]*tjeneste(?:n)?|[a-zæøå]*teneste(?:a)?)(?![a-zæøå])"
)


# ... or called a service's number after it: "Er 71 23 45 00 fortsatt nummeret til kommunens
# sentralbord?", "61 22 33 44 er telefonnummeret til legevakta", "... nummeret åt heimetenesta"
_SERVICE_NUMBER_AFTER = re.compile(
    r"\s*,?\s*(?:(?:det|dette|som)\s+)?(?:(?:er|e|var)\s+)?(?:(?:fortsatt|framleis|fremdeles|enda|ennå|nå|no|"
    r"det|rett|rette|riktig|riktige|gamle|nye)\s+){0,3}(?:nummeret|nummer|nr|telefonnummeret|tlf|tlf\.)\s+"
    r"(?:til|for|åt|te|tel|på)\s+(?:(?:kommunens|kommunas|kommunen\s+sitt|kommuna\s+sitt|den|det|vårt|vår)\s+)?"
    r"(?:servicetorg(?:et)?|sentralbord(?:et)?|legevakt(?:a|en)?|[a-zæøå]*vakt(?:telefon(?:en)?|a|en)?|"
    r"resepsjon(?:en)?|kommunen|kommuna|rådhus(?:et)?|[a-zæøå]*kontor(?:et)?|[a-zæøå]*tjeneste(?:n)?|"
    r"[a-zæøå]*tenest(?:e|a)|[a-zæøå]*senter(?:et)?|[a-zæøå]*stasjon(?:en)?|bibliotek(?:et)?|skole(?:n)?|"
    r"skule(?:n)?|barnehage(?:n)?|sykehjem(?:met)?|sjukeheim(?:en)?|nav)(?![a-zæøå])"
)


def _listed_holder(text: str, lower: str, start: int) -> bool:
    """Whether a service or firm is listed with the number: the run of capitalised words (a name)
    right before its label and the one word before that run name a service, a shop or a firm."""
    label = _PHONE_LABEL.search(lower, max(0, start - 20), start)
    if label is None:
        return False
    words = _WORD.findall(text[max(0, label.start() - 60) : label.start()])
    run: list[str] = []
    for word in reversed(words):
        run.append(word)
        if not (word[:1].isupper() or word == "&"):
            break
    for word in run:
        if word in ("AS", "ASA", "ANS", "SA"):
            return True
        holder = _HOLDER.fullmatch(word.lower())
        if holder is not None and holder.group("service") is not None:
            return True
    return False


# ... or a person's, said right after it
_PERSON_AFTER = re.compile(
    r"\s*(?:\(\s*(?:mobil|privat|heime|hjemme|meg|mæ)|"
    r"(?:er|e|=)\s+(?:mitt|min|mi|nummeret mitt|nummeret mi)(?![a-zæøå])|"
    r"[,.!]?\s*(?:ring|send|sms|svar)\s+(?:meg|mæ|me)(?![a-zæøå]))"
)


# "your" after a noun, in dialect and nynorsk ("sentralbordet dokker", "kontoret dykkar")
_YOUR_AFTER = frozenset({"dere", "deres", "dykk", "dykkar", "dokker", "dokkers"})


def _service_number(
    lower: str, start: int, own_voice: bool, end: int | None = None, text: str | None = None
) -> bool:
    """Whether the number at `start` belongs to a service or office named just before it ("oss":
    the municipality in its own replies and posts, a family in a citizen's comment)."""
    if end is not None and (_SERVICE_AFTER.match(lower, end) or _SERVICE_NUMBER_AFTER.match(lower, end)):
        return True
    if end is not None and _PERSON_AFTER.match(lower, end):
        return False  # "..., tlf. 912 34 567 er mitt nummer", "912 34 567 (mobil)"
    if text and _listed_holder(text, lower, start):
        return True
    window_start = max(0, start - 70)
    clause = _HOLDER_CLAUSE.search(lower, window_start, start)
    begin = clause.end() if clause else window_start
    holders = list(_HOLDER.finditer(lower, begin, start))
    if not holders:
        return bool(text and _FIRM.search(text, begin, start) and not text[begin:start].isupper())
    if "telefon" in holders[-1].group() and len(holders) > 1 and holders[-2].group("person"):
        return False  # "telefonen min", "min telefon"
    last = holders[-1]
    if (
        len(holders) > 1
        and last.group() in _YOUR_AFTER
        and holders[-2].group("service") is not None
        and lower[holders[-2].end() : last.start()] == " "
    ):
        last = holders[-2]  # "sentralbordet dokker har nummer ...": your switchboard's number
    if last.group("person") is None and text and _FIRM.search(text, last.end(), start):
        return True  # "Taxien, Hansen Transport AS, 71 ..."
    if last.group("we") is not None:
        return own_voice and not _WE_CALL.match(lower, last.start())
    return last.group("service") is not None


def _phone(lower: str, m: re.Match[str], own_voice: bool = False) -> bool:
    number = m.group("number")
    if _service_number(lower, m.start(), own_voice, m.end(), m.string):
        return False
    groups = tuple(len(g) for g in _GROUPS.findall(number))
    if not m.group("prefix"):
        separators = set(re.sub(r"[0-9]", "", number))
        if len(separators) > 1 or "." in separators or groups not in _PHONE_GROUPINGS:
            return False
        if groups == (4, 4) and number[0] not in "49":
            return False  # "2024 1234" is a year and a serial number, not a landline
        if _NOT_PHONE_BEFORE.search(lower, max(0, m.start() - 30), m.start()):
            return False
        if _NOT_PHONE_AFTER.match(lower[m.end() : m.end() + 12]):
            return False
        if _numbered_thing(lower, m.start(), m.end(), phone=True):
            return False  # "kundenummeret mitt er 41234567", "Fakturaen har nummer 912 34 567"
    try:
        parsed = phonenumbers.parse("".join(_GROUPS.findall(number)), "NO")
    except phonenumbers.NumberParseException:
        return False
    # free, shared-cost and premium numbers (800, 810, 815, 820 ...) belong to firms and services
    return phonenumbers.is_valid_number(parsed) and phonenumbers.number_type(parsed) not in _SERVICE_TYPES


def _written_at(lower: str) -> bool:
    """Whether the text may hold an "@" written out: "(at)", "[at]", "(a)", "alfakrøll"."""
    return any(w in lower for w in ("(at)", "[at]", "{at}", "(a)", "[a]", "krøll"))


def find(text: str, lower: str | None = None, own_voice: bool = False) -> list[Match]:
    """All personal data in `text`, non-overlapping, in order of position. `own_voice`: the text
    is the municipality's own (a reply or a post), where "ring oss på ..." gives its own number."""
    if lower is None or len(lower) != len(text):
        lower = text.lower()
    candidates: list[Match] = []  # in priority order: earlier wins an overlap
    # accounts named as the municipality's: held like findings, so no other code is read inside them
    public: list[tuple[int, int]] = []
    if not any(c.isdigit() for c in text) and "@" not in text and not _written_at(lower):
        return []
    if "NO" in text:
        for m in _IBAN.finditer(text):
            if iban.is_valid(m.group()):
                if _public_account(lower, m.start(), m.end(), own_voice):
                    public.append((m.start(), m.end()))
                else:
                    candidates.append(Match(BANK_ACCOUNT, m.start(), m.end()))
    if "@" in text:
        candidates.extend(
            Match(EMAIL, m.start(), m.end())
            for m in EMAIL_ADDRESS.finditer(text)
            # "@ola@mastodon.no" is a fediverse handle the writer mentions, not an e-mail address
            if not (m.start() and text[m.start() - 1] == "@")
        )
    if "@" in text or _written_at(lower):
        candidates.extend(Match(EMAIL, m.start(), m.end()) for m in _EMAIL_WRITTEN.finditer(text))
    for m in _ACCOUNT_GROUPED.finditer(text):
        if kontonr.is_valid(m.group()):
            if (
                m.group(1) != "."
                and fodselsnummer.is_valid("".join(_GROUPS.findall(m.group())))
                and _id_word(lower, m.start(), m.end()) == "id"
            ):
                # "Fødselsnummeret mitt er 2401 71 16173": grouped by spaces or dashes, a valid
                # birth number the writer calls one is theirs; the dotted form stays an account's
                candidates.append(Match(NATIONAL_ID, m.start(), m.end()))
            elif _public_account(lower, m.start(), m.end(), own_voice):
                public.append((m.start(), m.end()))
            else:
                candidates.append(Match(BANK_ACCOUNT, m.start(), m.end()))
    for m in _ID_AFTER_DATE.finditer(lower):
        code = _id_after_date(m)
        if code:
            candidates.append(Match(code, m.start(), m.end()))
    for m in _ID_BEFORE_DATE.finditer(lower):
        code = _id_after_date(m)
        if code:
            candidates.append(Match(code, m.start("personal"), m.end()))
    for m in _BIRTH.finditer(text):
        code = _birth(lower, m)
        if code == BANK_ACCOUNT and _public_account(lower, m.start(), m.end(), own_voice):
            public.append((m.start(), m.end()))
        elif code:
            candidates.append(Match(code, m.start(), m.end()))
    for m in _ID_NAMED.finditer(lower):
        digits = "".join(_GROUPS.findall(m.group("number")))
        code = NATIONAL_ID if fodselsnummer.is_valid(digits) else NATIONAL_ID_LIKE
        candidates.append(Match(code, m.start("number"), m.end("number")))
    for m in _PHONE.finditer(text):
        if _phone(lower, m, own_voice):
            candidates.append(Match(PHONE, m.start(), m.end()))

    # Earlier candidates win overlaps; the accepted spans are kept sorted (disjoint) for bisect.
    starts: list[int] = []
    taken: list[Match] = []
    for s, e in public:  # held, so no phone or possible id is read inside them
        i = bisect.bisect_left(starts, s)
        if (i > 0 and taken[i - 1].end > s) or (i < len(taken) and taken[i].start < e):
            continue
        starts.insert(i, s)
        taken.insert(i, Match("", s, e))
    for cand in candidates:
        i = bisect.bisect_left(starts, cand.start)
        if i > 0 and taken[i - 1].end > cand.start:
            continue
        if i < len(taken) and taken[i].start < cand.end:
            continue
        starts.insert(i, cand.start)
        taken.insert(i, cand)
    return [m for m in taken if m.code]


def _mask_digits(raw: str, keep_last: int) -> str:
    total = sum(c.isdigit() for c in raw)
    out = []
    seen = 0
    for c in raw:
        if c.isdigit():
            seen += 1
            out.append(c if seen > total - keep_last else "*")
        else:
            out.append(c)
    return "".join(out)


def mask_match(code: str, raw: str) -> str:
    """The masked form of one piece of personal data of kind `code`."""
    if code in (NATIONAL_ID, NATIONAL_ID_LIKE):
        return _mask_digits(raw, 0)
    if code in (BANK_ACCOUNT, PHONE):
        if raw[:2].upper() == "NO" and code == BANK_ACCOUNT:
            return raw[:2] + _mask_digits(raw[2:], 2)
        prefix_end = 0
        if raw.startswith("+") or raw.startswith("00"):
            # keep the country code visible: it is not personal
            prefix_end = 3 if raw.startswith("+") else 4
        return raw[:prefix_end] + _mask_digits(raw[prefix_end:], 2)
    if code == EMAIL:
        local, _, domain = raw.partition("@")
        return local[:1] + "*" * (len(local) - 1) + "@" + domain
    return "*" * len(raw)


class PersonalDataAnalyser:
    name: ClassVar[str] = "personal_data"
    version: ClassVar[str] = "21"
    codes: ClassVar[tuple[str, ...]] = (NATIONAL_ID, NATIONAL_ID_LIKE, BANK_ACCOUNT, PHONE, EMAIL)

    def analyse(self, doc: Document) -> list[Finding]:
        own_voice = doc.kind in ("reply", "post")
        return [
            Finding(
                code=m.code,
                start=m.start,
                end=m.end,
                severity=SEVERITY[m.code],
                text=mask_match(m.code, doc.text[m.start : m.end]),
            )
            for m in find(doc.text, doc.lower, own_voice=own_voice)
            if not (m.code == EMAIL and _published_address(doc.text[m.start : m.end], own_voice))
        ]


def _published_address(address: str, own_voice: bool) -> bool:
    """An office's or a firm's address (`functional_address`), or, in the municipality's own reply or
    post, any address at a public body's domain: a colleague's work address ("send søknaden til Rune på
    rune.kvikne@tindvoll.kommune.no") is where the reader is sent, not anyone's private data (in a
    citizen's comment it is still flagged)."""
    return functional_address(address) or (own_voice and _PUBLIC_DOMAIN.search(address.strip()) is not None)
