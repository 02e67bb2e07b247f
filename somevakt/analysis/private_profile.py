"""An employee's private post about work (kind `private`): what the guidelines remind them of.

- `private.work_email`: a work e-mail address (a domain of `context.email_domains`) on a private profile;
- `private.speaks_for_employer`: writes as if on behalf of the municipality ("vi i kommunen har bestemt");
- `private.disclaimer_missing`: the post is about the municipality (its name, or "kommunen") and does
  not say that it is written privately ("mine private meninger", "uttaler meg som privatperson").
"""

from __future__ import annotations

import re
from typing import ClassVar

from somevakt.analysis.base import Document, Finding
from somevakt.analysis.masking import mask_excerpt
from somevakt.analysis.personal_data import EMAIL, EMAIL_ADDRESS, find
from somevakt.analysis.work_roles import WORK_ROLES

WORK_EMAIL = "private.work_email"
SPEAKS_FOR_EMPLOYER = "private.speaks_for_employer"
DISCLAIMER_MISSING = "private.disclaimer_missing"

_B = r"(?<![a-zæøå])"
_E = r"(?![a-zæøå])"
_KOMMUNE = r"(?:kommunen|[a-zæøå-]+ kommune|rådhuset|administrasjonen|arbeidsgiveren min|arbeidsgjevaren min)"
_WORK_ROLE = "|".join(WORK_ROLES)
# Roles that speak for a unit when they sign a post with it ("Rektor her:"); any other role as a byline
# ("Lærer her.") makes the post one about work (`_ROLE_BYLINE`).
_LEADER = (
    r"(?:rektor|rektoren|styrer|styrar|leder|leiar|avdelingsleder|avdelingsleiar|enhetsleder|einingsleiar|"
    r"virksomhetsleder|kommunalsjef|sektorleder|sektorleiar|rådmann|kommunedirektør|ordfører|ordførar)"
)
_ROLE_BYLINE = re.compile(r"(?:^|(?<=[.!?\n] ))(?:" + _WORK_ROLE + r") her(?=\s*[:,.!-])")
_SPEAKS = re.compile(
    _B + r"(?:"
    r"(?:vi|me) (?:i|på|fra|frå) " + _KOMMUNE + r"|"
    # "ikkje på vegner av arbeidsgjevaren min" is the disclaimer, not its opposite
    r"(?<!ikke )(?<!ikkje )på veg(?:ne|ner) av (?:(?:oss|alle oss|alle|oss alle) (?:i|på) )?"
    + _KOMMUNE
    + r"|"
    r"kommunen (?:har|ha) (?:nå |no )?(?:bestemt|besluttet|vedtatt|vedteke|avgjort|landet på|landa på|"
    r"valgt|valt)|"
    # "vi har bestemt oss for middag", "me har valt det sjølv": a family's choice, not the employer's
    r"(?:vi|me) har (?:nå |no )?(?:bestemt|besluttet|vedtatt|vedteke|avgjort|landet på|landa på)(?! oss)|"
    r"(?:kommunens|kommunen sitt|kommunen si|kommunen sin) (?:offisielle )?(?:syn|standpunkt|svar|"
    r"holdning|haldning) "
    r"(?:er|e)|"
    r"som (?:ansatt|tilsett|representant|leder|leiar) (?:i|for|på) " + _KOMMUNE + r" kan (?:jeg|eg) "
    r"(?:bekrefte|stadfeste|opplyse|love|si|garantere)|"
    r"(?:jeg|eg|je|æ) kan (?:bekrefte|stadfeste|love|garantere) (?:at|på vegne av) (?:kommunen|vi)|"
    # leaning on one's work role to inform: "som rektor må jeg si at", "jobber på Forset skole og kan
    # bekrefte at" (not "som mamma må jeg si", "som innbygger kan jeg si": no work role)
    r"som (?:"
    + _WORK_ROLE
    + r")(?: (?:i|på|ved) [a-zæøå-]+(?: [a-zæøå-]+)?)? (?:kan|må|vil|skal|ska) (?:jeg|eg|je|æ) "
    r"(?:bekrefte|stadfeste|opplyse|love|garantere|si|seie|fortelle|forsikre|informere)|"
    r"(?:jobber|jobbar|jobbe|arbeider|arbeidar|er ansatt|er tilsett|e ansatt|e tilsett) (?:som [a-zæøå]+ )?"
    r"(?:i|på|ved) "
    r"[a-zæøå-]+(?: [a-zæøå-]+)? og kan (?:bekrefte|stadfeste|opplyse|love|garantere|si|seie|fortelle|"
    r"forsikre|informere)|"
    r"(?:vi|me) (?:i|på) (?:rådhuset|administrasjonen|kommunen) (?:skal|vil|har|kjem|kommer)|"
    # an official word from a unit: "offisielt fra oss på servicetorget", "offisielt frå teknisk"
    r"offisielt (?:fra|frå) (?:oss|teknisk|servicetorget|rådhuset|administrasjonen|kommunen)|"
    # a leader's role as the byline: "Rektor her: skolen vår kommer ikke til å ..."
    r"(?:^|(?<=[.!?\n] ))" + _LEADER + r" her(?=\s*[:,.!-])"
    r")" + _E
)
_PUBLIC_DOMAIN = re.compile(r"(?:^|\.)(?:[a-zæøå0-9-]+\.)?(?:kommune|herad|fylkeskommune)\.no$")
_DISCLAIMER = re.compile(
    _B + r"(?:privat|privatperson|privatpersonar|mine (?:egne|eigne|private|personlige|personlege) "
    r"(?:meninger|meiningar|synspunkter|synspunkt|tanker|tankar)|mi (?:eiga|private) meining|"
    r"min (?:egen|eigen|private|personlige) (?:mening|meining)|på (?:egne|eigne) vegne|på eigne vegner|"
    r"ikke på vegne av|ikkje på vegner av|ikkje på vegne av|ikke som ansatt|ikkje som tilsett|"
    r"uttaler meg som|uttalar meg som|som innbygger|som innbyggjar|personlig(?:e)? syn|mitt personlige syn)"
    + _E
)


class PrivateProfileAnalyser:
    name: ClassVar[str] = "private_profile"
    version: ClassVar[str] = "11"
    codes: ClassVar[tuple[str, ...]] = (WORK_EMAIL, SPEAKS_FOR_EMPLOYER, DISCLAIMER_MISSING)

    def analyse(self, doc: Document) -> list[Finding]:
        if doc.kind != "private":
            return []
        findings: list[Finding] = []
        domains = tuple(d.lower().lstrip("@") for d in doc.context.email_domains)
        if "@" in doc.text:
            for m in find(doc.text, doc.lower):
                if m.code != EMAIL:
                    continue
                domain = doc.lower[m.start : m.end].rpartition("@")[2]
                # any municipality's address is a work address ("ola@gausdal.kommune.no" under a
                # sofa for sale), the writer's own municipality's domains or not
                if any(domain == d or domain.endswith("." + d) for d in domains) or _PUBLIC_DOMAIN.search(
                    domain
                ):
                    text = mask_excerpt(doc.text, m.start, m.end)
                    findings.append(Finding(WORK_EMAIL, m.start, m.end, "warn", text=text))
        low = doc.lower
        for said in _SPEAKS.finditer(low):
            s, e = said.span()
            findings.append(Finding(SPEAKS_FOR_EMPLOYER, s, e, "warn", text=doc.text[s:e]))
        # speaking for the employer is talking about the employer
        about = bool(findings and findings[-1].code == SPEAKS_FOR_EMPLOYER) or _about_municipality(
            _without_email(low), doc.context.municipality_name
        )
        if (
            about
            and _PRAISE_ONLY.search(low)
            and not (_CRITICAL.search(low) or _VIEW.search(low) or _ON_BEHALF.search(low))
        ):
            about = False
        if about and not _DISCLAIMER.search(low):
            findings.append(Finding(DISCLAIMER_MISSING, 0, len(doc.text), "info"))
        return findings


_PRAISE_ONLY = re.compile(
    _B + r"(?:flott|fint|fin|kjempeflott|kjempefin|herleg|herlig|nyttig|lærerikt|lærerik|bra|supert|super|"
    r"takk|gratulerer|stolt|glad|gøy|kjekt|koselig|koseleg|topp|strålende|strålande|fantastisk|"
    r"gleder meg|gler meg|gleda meg|ny jobb|ny stilling)" + _E
)
# thanks said for the workplace ("På vegne av oss på rådhuset: takk ...") speak for it
_ON_BEHALF = re.compile(_B + r"(?:på vegne av|(?:vi|oss|me) (?:på|i|fra|frå|som jobber|som jobbar))" + _E)
_VIEW = re.compile(
    _B + r"(?:bør|burde|må|skal|skulle|mener|meiner|synes|syns|tenker|tenkjer|"
    # praise of a decision is a view on it ("Fint at kommunen endelig la ned skolen")
    r"vedtak\w*|vedtok|vedtatt|vedteke|la ned|legge ned|lagt ned|legg ned|stengte|stengde|kutta|kuttet)" + _E
)


def _without_email(low: str) -> str:
    """The text with its e-mail addresses blanked out (same length).

    "ola@romskog.kommune.no" under a sofa for sale is a work address (its own finding), not a
    post about the municipality: only what the post says counts for the disclaimer. A link to
    the municipality's website is left alone; sharing it is talking about the municipality.
    """
    if "@" not in low:
        return low
    return EMAIL_ADDRESS.sub(lambda m: " " * len(m.group()), low)


# The municipality as the writer's workplace only ("Ny jobb i Gausdal kommune fra 1. mars!",
# "sommarjobb på kommunen") is news about the writer, not the municipality's affairs.
_WORKPLACE = re.compile(
    _B + r"(?:(?:jobb|jobben|jobber|jobbar|jobba|jobbet|ansatt|tilsett|begynner|byrjar|starter|startar|"
    r"arbeider|arbeidar|praksis|praksisplass|sommerjobb|sommarjobb|sommerjobben|sommarjobben|vikariat|"
    r"stilling|stillinga|stillingen|lærling|lærlingplass|kollegaer|kolleger|kollegane|kollegene)"
    r"(?: som [a-zæøå]+)?(?: i| på| hos| for| ved) (?:[a-zæøå-]+ kommune|kommunen)|"
    # a post of one's own ("fra mandag er jeg økonomisjef i Bjørkås kommune") or years at it
    # ("Gratulerer med 30 år i Bjørkås kommune, Else Marie!")
    r"(?:(?:jeg|eg|je|æ) (?:er|blir|blei|ble|vert|vart|e)|(?:er|blir|vert|e) (?:jeg|eg|je|æ)) "
    r"(?:nå |no |ny |nytilsett |fast )?[a-zæøå-]*"
    r"(?:sjef|leder|leiar|rådgiver|rådgivar|rådgjevar|lærer|lærar|pleier|pleiar|konsulent|ingeniør|"
    r"arkitekt|assistent|arbeider|arbeidar|behandler|handsamar|direktør|sekretær|terapeut|pedagog|"
    r"medarbeider|medarbeidar|ansatt|tilsett) "
    r"(?:i|på|hos|ved) (?:[a-zæøå-]+ kommune|kommunen)|"
    r"(?<![0-9])[0-9]{1,2} år (?:i|på|hos|ved) (?:[a-zæøå-]+ kommune|kommunen)"
    r")" + _E
)


# An elected member's own politics ("jeg kommer til å stemme mot nedleggelsen i kommunestyret", "det
# ska æ kjemp for i kommunestyret", "på medlemsmøtet") is the politician's role, not the
# administration's affairs; and a job advertisement shared ("Vi søker pedagogisk leder! Se annonsen på
# kommunens nettside") is news of the workplace.
_ELECTED = re.compile(
    _B + r"(?:(?:jeg|eg|je|æ) (?:kommer til å|kjem til å|skal|ska|vil) (?:stemme|røyste|røysta|kjempe|kjemp|"
    r"jobbe|jobbe for|fremme|fremje)[^.!?\n]{0,80}(?:i|på) (?:kommunestyret|formannskapet|heradsstyret|"
    r"bystyret|"
    r"utvalget|utvalet)|"
    # a vote of one's own in an elected body, in any tense or dialect ("Jeg stemmer ja til ny
    # ungdomsklubb i kommunestyret", "je kjæm te å stemme for å behalde bussruta"): no citizen votes there
    r"(?:jeg|eg|je|æ|vi|me) (?:[a-zæøå]+ ){0,4}(?:stemmer|stemmar|stemme|stemte|stemt|røyster|røystar|"
    r"røyste|røysta|røysti)(?: [a-zæøå]+){0,2} (?:ja|nei|for|mot|imot|i mot)|"
    # what one will say or propose at the meeting of an elected body
    r"(?:jeg|eg|je|æ|vi|me) (?:[a-zæøå]+ ){0,6}(?:på|i) (?:kommunestyremøtet|formannskapsmøtet|"
    r"heradsstyremøtet|bystyremøtet|gruppemøtet)|"
    # the vote with the subject after it or left out ("Torsdag stemmer jeg nei til ...", "Stemmer mot
    # bompengene i kommunestyret på torsdag"), the voters one answers to ("Det lovet jeg velgerne"),
    # and the majority one disagrees with ("usamd med fleirtalet i kommunestyret")
    r"(?:stemmer|stemmar|røyster|røystar) (?:jeg|eg|je|æ|vi|me) (?:ja|nei|for|mot|imot|i mot)|"
    r"(?:^|(?<=[.!?\n] ))(?:stemmer|stemmar|røyster|røystar) (?:ja|nei|for|mot|imot|i mot)|"
    r"(?:velgerne|veljarane|velgarane|velgerne mine|veljarane mine|mine velgere|mine veljarar)|"
    r"(?:jeg|eg|je|æ) til å (?:seie|si|sei|seia|ta opp|stemme|røyste|fremme|fremje|foreslå)[^.!?\n]{0,60}"
    r"(?:i|på) (?:kommunestyret|formannskapet|heradsstyret|bystyret)|"
    r"(?:usamd|usams|uenig|ueinig) med (?:fleirtalet|flertallet|mindretallet|mindretalet|posisjonen|"
    r"opposisjonen)|(?:kvar|hver) (?:einaste |eneste )?debatt|"
    r"medlemsmøtet|partiet mitt|partiet vårt|partiet vårres|(?:vi|me) i (?:arbeiderpartiet|"
    r"arbeidarpartiet|høyre|senterpartiet|frp|sv|krf|venstre|rødt|mdg|ap|sp)|som (?:kommunestyrerepresentant|"
    r"folkevalgt|folkevald|representant for)|"
    # an elected byline or one's politics named as such ("– Tor, gruppeleder for Bygdelista", "det er min
    # politiske vurdering"), and leave from the council ("permisjon fra kommunestyret")
    r"gruppeleder|gruppeleiar|kommunestyrerepresentant|heradsstyrerepresentant|varaordfører|varaordførar|"
    r"(?:min|mi) politiske (?:vurdering|meining|mening|overbevisning)|mitt politiske (?:syn|standpunkt)|"
    r"(?:permisjon|fritak) (?:fra|frå) (?:kommunestyret|heradsstyret|bystyret|formannskapet))" + _E
)
_JOB_AD = re.compile(
    _B + r"(?:(?:se|sjå|les) annonsen|ledig stilling|ledige stillinger|ledige stillingar|"
    r"stillingsannonse(?:n)?|"
    r"(?:vi|me) (?:søker|søkjer) (?:en |ein |ei |etter )?(?:ny |nye )?[a-zæøå]+(?: [a-zæøå]+)?!)"
)


# Public information passed on with its source ("Det står på nettsidene, del gjerne!", "Følg kommunens
# side for info", "det står i avisa i dag") and without a critical word: relaying what the municipality
# or the press has published is not speaking about it ("Skolen får ikke nok ressurser. Del gjerne."
# still is).
_PUBLISHED = re.compile(
    _B + r"(?:(?:står|stod|sto) (?:på|i) (?:nettsida|nettsidene|nettsiden|nettsidane|heimesida|"
    r"hjemmesiden|kommunens side|kommunens sider|avisa|avisen|lokalavisa)|(?:følg|sjekk|se|sjå) "
    r"(?:med på )?(?:kommunens|kommunen sin|kommunen si) (?:side|sider|nettside|nettsider|nettsida|"
    r"facebookside)|(?:les|lese) (?:meir|mer) på (?:nettsida|nettsidene|kommunens))" + _E
)
_CRITICAL = re.compile(
    _B + r"(?:ikke|ikkje|itj|aldri|dårlig|dårleg|elendig|skandale|skam|dessverre|diverre|kutt|kutter|"
    r"kuttar|nedlegging|legges ned|leggast ned|for lite|for få|klag[a-zæøå]*|sint|lei|"
    # a call to lobby the elected ("send mail til representantene") is taking part, not relaying
    r"representant[a-zæøå]*|politikerne|politikarane|stemme|stemm[a-zæøå]+|røyst[a-zæøå]*)" + _E
)


def _about_municipality(low: str, name: str) -> bool:
    if _ELECTED.search(low):
        return False
    if _PUBLISHED.search(low) and not _CRITICAL.search(low):
        return False
    if _ROLE_BYLINE.search(low):
        return True
    if _JOB_AD.search(low):
        low = _JOB_AD.sub(lambda m: " " * len(m.group()), low)
        low = re.sub(
            _B + r"(?:kommunens|kommunen|[a-zæøå-]+ kommune)s? ?(?:nettside|nettsida|heimeside|"
            r"hjemmeside)"
            r"|nettsida til kommunen",
            lambda m: " " * len(m.group()),
            low,
        )
    low = _WORKPLACE.sub(lambda m: " " * len(m.group()), low)
    if re.search(
        _B + r"(?:kommunen|kommunens|kommune|rådhuset|kommunestyret|ordføreren|ordføraren)" + _E, low
    ):
        return True
    return bool(name) and re.search(_B + re.escape(name.lower()) + _E, low) is not None
