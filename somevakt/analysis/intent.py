"""Intent: what a municipal moderator needs to know first about a comment.

- `intent.question`: the writer asks something;
- `intent.case_request`: it needs formal case processing (an application, a complaint about
  one's own case or an individual decision, a request for access to documents);
- `intent.political`: it is a matter for the elected bodies, not the administration;
- `intent.crisis`: something dangerous is happening now (fire, accident, flood, slide,
  missing person, evacuation, outage). Drills, courses and history are not crises, and neither
  is a crisis put in the past ("etter stormen forrige helg", "erstatning for strømbruddet") or
  planned work ("planlagt strømbrudd i morgen") or a danger foreseen ("det kjem til å gå ei ulukke
  i krysset"), unless something says it goes on now; this holds whatever the classifier says. A
  danger now that needs no crisis noun (smoke rising, a bridge giving way, a road shut by stones,
  someone about to end their life, foul tap water beside a baby, no heat beside someone frail) is a
  crisis whatever the classifier says (`acute_danger`). A threat the classifier alone also took for a
  crisis is a threat (deleted or escalated to a manager), unless it is said to be happening now.

The writer's own bill, fee, decision or application taken up ("de har rekna feil på fakturaen min",
"betal tilbake det eg betalte for mykje", "I would like to appeal the decision") is
`intent.case_request` whatever the classifier says (`own_case`); a question how one's matter stands or
how to go about it ("Har dere noe nytt i sak 2025/123?", "Hvordan klager jeg?") that files nothing
itself is a question to answer, not a case request (`status_question`).

A demand on the elected bodies ("Eg vil be kommunestyret om å ...", "stem nei", "revurder forslaget")
is `intent.political` whatever the classifier says; a factual question about them ("Når møtes
kommunestyret?") with no view, demand or complaint in it is a question, not a political matter.

All four are about the whole text: spans are [0, len(text)]. Patterns run on the
lower-cased text (same offsets), bokmål and nynorsk. For a citizen's comment the comment
classifier (`classifier.py`) decides with them: it finds what the patterns miss (a crisis
without the usual nouns, a case request in other words) and vetoes a pattern it finds no
support for (a question about last week's outage is not a crisis).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from somevakt.analysis import abuse, classifier, confidential, english, tone
from somevakt.analysis.base import Document, Finding
from somevakt.analysis.calendar_words import WEEKDAYS
from somevakt.analysis.tone import ironic_praise

QUESTION = "intent.question"
CASE_REQUEST = "intent.case_request"
POLITICAL = "intent.political"
CRISIS = "intent.crisis"

_B = r"(?<![a-zæøå])"  # a word starts here
_E = r"(?![a-zæøå])"  # a word ends here


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(_B + "(?:" + "|".join(alternatives) + ")" + _E)


# A question mark that ends a sentence (not one inside a URL's query string).
_QUESTION_MARK = re.compile(r"\?(?![\w=&])")
# Questions written without a question mark start with a question word or ask politely.
_QUESTION_START = re.compile(
    r"(?:^|[.!\n]\s*)(?:hva|hvem|hvor|hvorfor|hvordan|når|hvilke|hvilken|hvilket|kva|kven|kor|korleis|"
    r"kvifor|kvar|kva tid|når|kan (?:dere|du|noen|nokon|eg|jeg|vi|me|man|ein|en)|"
    r"har (?:dere|de|du|kommunen)|er det (?:mulig|lov|nokon|noen|sant)|går det an|stemmer det|blir det|"
    r"vil (?:dere|kommunen|det)|skal (?:dere|kommunen|vi|me)|finnes det|finst det|veit nokon|vet noen)" + _E
)
_QUESTION_PHRASE = _words(
    r"lurer på",
    r"lurar på",
    r"undrer meg",
    r"undrar meg",
    r"noen som vet",
    r"nokon som veit",
    r"vet dere",
    r"veit de",
    r"kan dere svare",
    r"ønsker svar",
    r"ønskjer svar",
    r"ber om svar",
    r"vil gjerne vite",
    r"vil gjerne vete",
    r"vil vite",
    r"spør om",
    r"spør meg",
)

_CASE = _words(
    r"søknad(?:en|a)? om",
    r"søke om",
    r"søkje om",
    r"søkt om",
    r"søkte om",
    r"søkjer om",
    r"søker om",
    r"søknaden (?:min|mi|vår)",
    r"søknaden vår",
    r"har søkt",
    r"sendt(?:e)? søknad",
    r"klage på (?:vedtak|vedtaket|avslag|avslaget|avgjørelsen|avgjerda|saksbehandlingen|fakturaen|gebyret)",
    r"klage(?:r)? på",
    # a complaint already filed, in either written form ("eg har klaga på vedtaket", "jeg klaget på
    # avslaget"): the rule had only the present tense, and 0.8.0 gives such a comment 0.41
    r"(?:klaga|klaget|klagd|klagde) på (?:vedtak|vedtaket|avslag|avslaget|avgjørelsen|avgjerda|"
    r"saksbehandlingen|fakturaen|gebyret)",
    r"vil klage",
    r"ønsker å klage",
    r"ønskjer å klage",
    r"påklage",
    r"klagen (?:min|mi|vår)",
    r"klagesak(?:en)?",
    # a complaint called one ("Dette er en formell klage."), a case asked to be taken up again
    r"(?:en|ei|ein) formell klage",
    r"formelt klage",
    r"herved (?:klage|klager|klagar|klagast)",
    r"(?:ta|tek|tar|tas|takast) opp (?:att|igjen|på nytt) (?:saka|saken)",
    r"(?:tek|tar) opp att saka",
    r"innsyn",
    r"innsynsbegjæring",
    r"innsynskrav",
    r"be om innsyn",
    r"krev innsyn",
    r"partsinnsyn",
    r"dokumentinnsyn",
    r"postjournal(?:en)?",
    r"byggesak(?:en)?",
    r"byggesøknad(?:en)?",
    r"byggjesøknad(?:en)?",
    r"byggesaken (?:min|vår)",
    r"dispensasjon(?:ssøknad)?",
    r"rammetillatelse",
    r"igangsettingstillatelse",
    r"ferdigattest",
    r"midlertidig brukstillatelse",
    r"deling av (?:tomt|eiendom)",
    r"fradeling",
    r"saksnummer",
    r"saksnr",
    r"sak nr",
    r"referansenummer",
    r"vedtaket (?:jeg|eg|vi|me) fikk",
    r"vedtaket (?:mitt|vårt)",
    r"enkeltvedtak(?:et)?",
    r"fikk avslag",
    r"fekk avslag",
    r"avslag på",
    r"saken (?:min|mi|vår)",
    r"min sak",
    r"mi sak",
    r"vår sak",
    r"saksbehandlingstid(?:en)?",
    r"venter på svar på",
    r"ventar på svar på",
    r"barnehageplass",
    r"sfo-plass",
    r"plass på sykehjem",
    r"plass på sjukeheim",
    r"sykehjemsplass",
    r"sjukeheimsplass",
    r"omsorgsbolig",
    r"startlån",
    r"bostøtte",
    r"kommunal bolig",
    r"tilskudd til",
    r"tilskot til",
    # reporting a neighbour for enforcement, disputing one's own bill or fee
    r"uten (?:søknad|tillatelse|byggetillatelse|løyve|byggeløyve|å søke)",
    r"utan (?:søknad|løyve|byggeløyve|å søkje)",
    r"ulovlig (?:bygg|bygget|bygd|tilbygg|anneks|garasje|fylling|utleie|parkering|parkert)",
    r"ulovleg (?:bygg|bygd|tilbygg|anneks|garasje|fylling|utleige|parkering|parkert)",
    r"håndheve",
    r"handheve",
    r"bøtelegge",
    r"bøtelegg",
    r"gripe inn",
    r"pålegg om (?:retting|riving|fjerning|stans)",
    r"bestrider",
    r"bestrid",
    r"anke(?:r)? (?:vedtaket|avgjørelsen|avgjerda)",
    r"ber om (?:korrigering|tilbakebetaling|refusjon|ny vurdering|ny behandling|ny takst|omgjøring)",
    r"krever (?:tilbakebetaling|refusjon|erstatning|ny takst|at kommunen dekker)",
    r"krev (?:tilbakebetaling|refusjon|erstatning|ny takst)",
    r"refusjon",
    r"erstatningskrav",
    r"krav om erstatning",
    r"feil på (?:fakturaen|regningen|gebyret)",
    r"fakturaen (?:min|mi|vår)",
    r"eiendomsskatten (?:min|vår)",
    r"retting av",
    r"skjenkebevilling",
    r"serveringsbevilling",
    r"løyve",
    r"utsleppsløyve",
    r"gravemelding",
)

# Disputing one's own bill or fee, asking for one's money back, appealing a decision, withdrawing
# one's own application, leaving a waiting list: formal case processing, however the classifier
# scores it (0.06-0.28 for such comments with an account or id number in them), when the writer
# speaks of their own matter ("Kan de betale tilbake det eg har betalt for mykje?", not "Får man
# betalt tilbake om man har betalt for mye?").
_OWN_CASE = _words(
    r"(?:rekna|regnet|regna|beregnet|berekna|rekne|fakturert|fakturerte) (?:\w+ ){0,2}feil",
    r"(?:trukket|trekt|trekte|trakk|belastet|belasta|fakturert|fakturerte) (?:meg|oss) (?:\w+ ){0,2}"
    r"(?:dobbelt|to ganger|to gonger|for mye|for mykje)",
    r"(?:betale|betal|betala|betalt) (?:\w+ ){0,2}tilbake",
    r"tilbakebetal\w*",
    r"refunder\w*",
    r"(?:ha|få) (?:pengene|pengane|pengan|pæng(?:a|an)?) (?:mine |mina |våre |våres )?tilbake",
    r"appeal (?:the|this|my|a|that) decision",
    r"(?:complain|complaint) about (?:the|my|this|that) decision",
    r"trekk(?:e|er|jer)? (?:søknaden|klagen|klaga) (?:min|mi|vår)",
    r"(?:slette|slett|fjerne|fjern|stryke|stryk|ta) meg (?:fra|frå|av|ut av) "
    r"(?:ventelista|ventelisten|køen|lista|listen)",
)
# ("i" is a Norwegian preposition: the English "I" only before a verb)
_FIRST_PERSON = _words(
    r"jeg|eg|æ|je|vi|me|meg|oss|min|mi|mitt|mine|vår|vårt|våre|my|we|us|our",
    r"i (?:would|want|have|had|am|was|need|paid|got|received)",
)


def own_case(low: str) -> bool:
    """The writer's own bill, fee, decision or application taken up for formal processing (`_OWN_CASE`)."""
    return bool(_OWN_CASE.search(low) and _FIRST_PERSON.search(low))


# A question about how one's matter stands or how to go about it ("Har dere noe nytt i sak 2025/123?",
# "Når kan jeg forvente svar?", "Hvor sjekker jeg om fakturaen er betalt?", "Hvordan klager jeg?",
# "ka søke æ på?") is answered, not referred for formal processing: the reference or id number in
# it makes the classifier hear a case request. Unless the comment itself files or disputes something
# ("Jeg har sendt inn klage på ...", "betal tilbake ...").
_STATUS_QUESTION = _words(
    r"(?:noe|noko|nåkka|noka) nytt (?:i|om|på) (?:saka|saken|sak|søknaden|søknaden min|klagen|klaga)",
    r"(?:når|ka tid|kva tid|kor tid) (?:kan|får) (?:jeg|eg|æ|vi|me) (?:forvente |vente )?"
    r"(?:svar|vedtak|beskjed)",
    r"(?:når|ka tid|kva tid|kor tid) (?:kjem|kommer|kjæm) (?:svaret|vedtaket|beskjeden)",
    r"(?:hvor|kor|kvar|hvordan|korleis|kordan) (?:sjekker|sjekkar|ser|finn|finner) (?:jeg|eg|æ|man|ein|en) "
    r"(?:om|kva|hva|status)",
    r"(?:hvordan|korleis|kordan|koss|åssen|ka|kva|hva) (?:\w+ ){0,2}"
    r"(?:klager|klagar|søker|søkjer|søke|søkje) (?:jeg|eg|æ|man|ein|en|vi|me)(?: på)?(?= ?\?)",
    # how long an answer takes, whom to call, whether a late one may still be treated (session 20:
    # "Hvor lang tid tar det å få svar på søknad om startlån?", "kæm e det æ ska ring te om æ vil søk
    # om plass?", "e det nån sjans å få den behandla likevel?")
    r"(?:hvor|kor|kva|hva) lang tid (?:tar|tek) det (?:å|og) få (?:svar|vedtak|behandla|behandlet)",
    r"(?:hvem|kven|kæm|kem|hvem er det|kven er det|kæm e det|kem e det) (?:\w+ ){0,2}"
    r"(?:ringer|ringe|ring|kontakter|kontakte|kontakt|spør|spørre|snakker|snakke) "
    r"(?:\w+ ){0,2}(?:om|hvis|viss|dersom)",
    r"(?:noen|nokon|nån|noko) (?:sjanse|sjans|mulighet|moglegheit|måte) (?:å|og|for å) få "
    r"(?:den|han|ho|det|søknaden|saka|saken) (?:behandla|behandlet|handsama)",
)
_FILED = _words(
    r"klage(?:r)? på",
    r"klagar på",
    r"vil klage",
    r"ønsker å klage",
    r"ønskjer å klage",
    r"påklage\w*",
    r"(?:sendt|send|levert) (?:inn )?(?:en |ei |ein )?(?:klage|klaga|anke)",
    r"anke\w*",
    r"bestrid\w*",
    r"innsyn\w*",
    r"krev\w*",
)


def status_question(low: str) -> bool:
    """A question how one's matter stands or how to go about it, filing nothing (`_STATUS_QUESTION`)."""
    if not _QUESTION_MARK.search(low) or not _STATUS_QUESTION.search(low):
        return False
    return not _FILED.search(low) and not own_case(low)


_POLITICAL = _words(
    r"kommunestyre(?:t|ts)?",
    r"bystyre(?:t)?",
    r"formannskap(?:et)?",
    r"ordfører(?:en)?",
    r"ordførar(?:en)?",
    r"varaordfører(?:en)?",
    r"politiker(?:e|ne)?",
    r"politikar(?:ar|ane)?",
    r"politikaran",
    r"politikeran",
    r"politisk(?:e)?",
    r"folkevalgte",
    r"folkevalde",
    r"hovedutvalg(?:et)?",
    r"hovudutval(?:et)?",
    r"kommuneplan(?:en)?",
    r"økonomiplan(?:en)?",
    r"budsjett(?:et)?(?:forslag(?:et)?)?",
    r"kommunebudsjett(?:et)?",
    r"eiendomsskatt(?:en)?",
    r"eigedomsskatt(?:en)?",
    r"kommunesammenslåing(?:en)?",
    r"kommunesamanslåing(?:a)?",
    r"skolestruktur(?:en)?",
    r"skulestruktur(?:en)?",
    r"barnehagestruktur(?:en)?",
    r"nedleggelse(?:n)? av",
    r"nedlegging(?:a)? av",
    r"legge ned (?:skolen|skulen|barnehagen|sykehjemmet|sjukeheimen)",
    r"leggje ned",
    r"bompenger",
    r"bompengar",
    r"valg(?:et|kampen)?",
    r"val(?:et|kampen)",
    r"stemme på",
    r"stemt(?:e)? på",
    r"partiet",
    r"arbeiderpartiet",
    r"høyre",
    r"senterpartiet",
    r"fremskrittspartiet",
    r"sosialistisk venstreparti",
    r"kristelig folkeparti",
    r"miljøpartiet",
    r"venstre",
    r"rødt",
    r"frp",
    r"krf",
    r"innbyggerforslag",
    r"innbyggjarforslag",
    r"folkeavstemning",
    r"folkerøysting",
    r"underskriftskampanje",
    r"opprop",
    r"reguleringsplan(?:en)?",
    r"høring(?:en|a)?",
    r"høyring(?:a)?",
    # the council's own room, a protest march against a decision, the vote itself, the next election
    # (session 20: "stiller på galleriet i kommunestyresalen med plakat", "fakkeltog mot bommen",
    # "når de røystar om skulen", "svar på tiltale ved valget")
    r"kommunestyresal(?:en)?",
    r"bystyresal(?:en)?",
    r"fakkeltog(?:et)? mot",
    r"demonstrasjon(?:en)? mot",
    r"demonstrere mot",
    r"protestaksjon(?:en)?",
    r"markering(?:a|en)? mot",
    r"(?:røyster|røystar|stemmer|voterer|votere|røyste|stemme) (?:over|om) (?:\w+ ){0,2}"
    r"(?:skolen|skulen|saka|saken|bommen|hallen|budsjettet|forslaget|planen)",
    r"ved (?:neste )?(?:valg|valget|val|valet|kommunevalget|kommunevalet)",
)
# "høyre"/"venstre"/"valg" are also ordinary words; they count only with a political neighbour.
_WEAK_POLITICAL = frozenset(
    {
        "høyre",
        "venstre",
        "rødt",
        "valg",
        "valget",
        "val",
        "valet",
        "partiet",
        "høring",
        "høringen",
        "høringa",
        "høyring",
        "høyringa",
        "reguleringsplan",
        "reguleringsplanen",
        "budsjett",
        "budsjettet",
        "opprop",
    }
)

_CRISIS = _words(
    r"det brenner",
    r"det brenn",
    r"brann i",
    r"brann på",
    r"brenner ned",
    r"står i brann",
    r"står i full fyr",
    r"står i flammer",
    r"i full fyr",
    r"røyk (?:fra|frå|over|ut av)",
    r"mye røyk",
    r"mykje røyk",
    r"flom(?:men)?",
    r"oversvømmelse",
    r"oversvømt",
    r"oversvømd",
    r"vannet stiger",
    r"vatnet stig",
    r"elva går over",
    r"elva har gått over",
    r"ras(?:et)?",
    r"jordras",
    r"leirras",
    r"steinras",
    r"snøras",
    r"snøskred",
    r"skred(?:et)?",
    r"kvikkleireskred",
    r"raset (?:over|på)",
    r"ulykke(?:n|a)?",
    r"trafikkulykke",
    r"bilulykke",
    r"ulukke(?:a)?",
    r"trafikkulukke",
    r"bilulukke",
    r"kollisjon",
    r"frontkollisjon",
    r"har krasjet",
    r"velta",
    r"veltet",
    r"savnet",
    r"sakna",
    r"saknet",
    r"forsvunnet",
    r"forsvunne",
    r"leteaksjon(?:en)?",
    r"leiteaksjon",
    r"evakuer(?:e|ing|ingen|t|es|ast)",
    r"strømbrudd(?:et)?",
    r"straumbrot(?:et)?",
    r"strømmen er borte",
    r"straumen er borte",
    r"ingen strøm",
    r"ingen straum",
    r"uten strøm",
    r"utan straum",
    r"vannet er borte",
    r"vatnet er borte",
    r"ikke vann i",
    r"(?:uten|utan) (?:vann|vatn|drikkevann|drikkevatn)",
    # the municipality's own notice of an incident under way: "brannvesenet er på stedet, hold dere
    # unna området og lukk vinduene"
    r"(?:brannvesenet|politiet|ambulansen|nødetatene|nødetatane|redningsmannskapene|redningsmannskapa) "
    r"er (?:på stedet|på staden|på plass)",
    r"(?:hold|hald) (?:dere|dykk|deg) unna (?:området|stedet|staden)",
    r"(?:lukk|steng) (?:alle )?(?:vinduer|vinduene|vindauge|vindauga)",
    r"kokevarsel",
    r"drikkevannet",
    r"gasslekkasje",
    r"eksplosjon",
    r"skyting",
    r"skyteepisode",
    r"knivstikking",
    r"bombetrussel",
    r"trusselsituasjon",
    r"ekstremvær",
    r"orkan",
    r"tunnelen er stengt",
    r"brua har rast",
    r"brua har kollapsa",
    r"brua er borte",
    r"broen har rast",
    r"vegen er borte",
    r"veien er borte",
    r"veien har rast",
    r"vegen har rast",
    r"mobilnettet er nede",
    r"nettet er nede",
    r"112 er nede",
    r"nødnummer(?:et|a)? virker ikke",
    r"får ikke ringt 112",
    r"brannen",
    r"er (?:vegen|veien|brua|broa|vatnet|vannet|straumen|strømmen) borte",
    r"strømmen gikk",
    r"straumen gjekk",
    r"strømmen har gått",
    r"straumen har gått",
    r"(?:er|står) (?:heilt |helt )?isolert(?:e)?",
    # the municipality's own emergency notices in other words: a warming shelter opened, people told
    # to leave or stay indoors, a search for someone, the crisis staff at work, a road under water
    r"varmestue(?:n|a)?",
    r"(?:må|bes|blir bedt om å|vert bedne om å|skal) (?:forlate|forlata) "
    r"(?:området|husa|husene|huset|bustaden|"
    r"boligen|heimen|hjemmet)",
    r"(?:holde|halde|hold|hald) (?:seg|dykk|dere|deg) (?:innendørs|innandørs|inne)",
    r"(?:leitar|leiter|leter|leiting|leting) (?:framleis |fortsatt |fremdeles )?etter (?:ein|en|ei|to|tre) "
    r"(?:mann|kvinne|dame|gut|gutt|jente|person|personar|personer|turgåar|turgåer|ungdom|\d+-åring)",
    r"kriseledelsen|kriseleiinga|beredskapsleiinga|beredskapsledelsen|kriseledelse|krisestab(?:en)?",
    r"(?:stengt|stengd) for all (?:trafikk|ferdsel)",
    r"(?:har )?gått over (?:sine|sin) (?:bredder|breidder)",
    r"står over (?:vegbana|veibanen|vegen|veien)",
    r"(?:ikke|ikkje|itj) drikk (?:vannet|vatnet)",
    r"skogbrann(?:en)?",
    r"lyngbrann(?:en)?",
)
# A crisis that is over ("etter stormen forrige helg", "erstatning for strømbruddet") or planned
# work announced ahead ("planlagt strømbrudd i morgen på grunn av linjearbeid") is a question or a
# complaint to answer, not a crisis now, unless something says the danger is going on.
_WEEKDAY = rf"(?:{WEEKDAYS})"
_OVER = _words(
    r"(?:forrige|førre|sist|siste|seinaste|sist(?:e)? (?:uke|veke))"
    r" (?:uke|veke|helg|helga|helgen|måned|månad|vinter|vinteren|sommer|sommaren|høst|høsten|haust|"
    r"hausten|år|natt|døgn|" + _WEEKDAY + ")",
    r"for (?:en|ei|ein|eit|et|to|tre|fire|fem|seks|noen|nokre|nokon|flere|fleire|\d+) "
    r"(?:dag|dager|dagar|uke|uker|veke|veker|måned|måneder|månad|månader|år) (?:siden|sidan)",
    r"(?:etter|under) (?:den siste |det siste |siste )?(?:stormen|uværet|uvêret|ekstremværet|orkanen|"
    r"flommen|flaumen|brannen|raset|skredet|ulykka|ulykken|ulukka|strømbruddet|straumbrotet|"
    r"vannlekkasjen|lekkasjen|leidningsbrotet|vannledningsbruddet)",
    # a state told in the past tense ("vi hadde uten strøm i elleve timer på søndag")
    r"(?:hadde|var|vart|ble|blei) (?:vi |me |dei |de |heilt |helt )*(?:uten|utan) "
    r"(?:strøm|straum|vann|vatn|varme)",
    r"erstatning(?:en)?",
    r"kompensasjon(?:en)?",
    r"opprydding(?:en|a)?",
    r"oppryddinga",
    r"gjenoppbygging(?:en|a)?",
)
_PLANNED = _words(
    r"planlagt(?:e)?",
    r"planlagd(?:e)?",
    r"(?:varsla|varslet|varslede|melde|meldt) (?:strømbrudd|straumbrot|vannstans|stans|avstenging|"
    r"avstengning|stenging|utkobling|utkopling|brudd)",
    r"vedlikehold",
    r"vedlikehald",
    r"linjearbeid",
    r"graving",
    r"gravearbeid",
    r"oppgradering(?:en|a)?",
    r"blir stengt",
    r"vert stengt",
    r"blir stengd",
    r"vert stengd",
)
_ONGOING = _words(
    r"nå",
    r"no",
    r"akkurat",
    r"fortsatt",
    r"framleis",
    r"fremdeles",
    r"ennå",
    r"enno",
    r"(?:siden|sidan) (?:i |kl|klokka|forrige|førre|sist|" + _WEEKDAY + r"|\d)",
    r"i natt",
    r"i kveld",
    r"hjelp",
    r"hjelpe",
    r"haster",
    r"(?:er|står) (?:uten|utan)",
    r"er (?:borte|nede|brutt|broten)",
    r"det brenner",
    r"det brenn",
    r"brenner",
    r"stiger",
    r"ring 110",
    r"ring 112",
    r"ring 113",
)
# Drills, courses, prevention, plans and history are not a crisis happening now.
_NOT_NOW = _words(
    r"øvelse",
    r"øving",
    r"brannøvelse",
    r"brannøving",
    r"kurs",
    r"førstehjelp",
    r"beredskapsplan",
    r"ros-analyse",
    r"forebygging",
    r"forebyggende",
    r"i fjor",
    r"i fjol",
    r"for \d+ år siden",
    r"for \d+ år sidan",
    r"minnes",
    r"minnemarkering",
    r"jubileum",
    r"historisk",
    r"i 19\d\d",
    r"i 20[0-2]\d",
    r"flomsikring",
    r"rassikring",
    r"flomvern",
    r"brannsikkerhet",
    r"brannvern",
    r"røykvarsler",
    r"brannalarm",
    r"test av",
    r"testing av",
    r"varsling(?:s)?test",
    r"ulykkesforsikring",
    r"flomsonekart",
    # a question whether it comes this year too, sandbags to buy ahead ("Kommer det flom i år også?")
    r"(?:kommer|kjem|blir|vert) det (?:flom|ras|storm|springflo|flaum)(?: \w+){0,3} (?:i år|i vinter|i vår|"
    r"i haust|i høst|igjen) (?:også|òg|og)",
    r"(?:bør|burde|skal) (?:vi|me|jeg|eg) kjøpe sandsekker",
)
_NOW = _words(
    r"nå",
    r"no",
    r"akkurat",
    r"i dag",
    r"i kveld",
    r"i natt",
    r"nettopp",
    r"hjelp",
    r"hjelpe",
    r"haster",
    r"(?:er|står) (?:uten|utan)",
    r"er (?:borte|nede|brutt|broten)",
    r"ring 110",
    r"ring 112",
    r"ring 113",
)


# A danger foreseen, not happening: "det kjem til å gå ei ulukke i krysset", "treet kjem til å falle
# i neste storm". A warning to answer, unless something says it is going on now.
_FORESEEN = _words(
    r"(?:kommer|kjem|kjæm|komme) (?:til|te) å(?: \w+){0,4} "
    r"(?:ulykke|ulukke|ulykka|ulukka|ulykker|ulukker)",
    r"(?:kommer|kjem|kjæm|komme) (?:til|te) å (?:falle|rase|ramle|gå) (?:\w+ ){0,2}(?:i|under) "
    r"(?:neste|nest) (?:storm|uvêr|uvær|flaum|flom)",
    r"før det (?:skjer|går|blir) (?:en|ei|ein) (?:ulykke|ulukke)",
    r"(?:venter|ventar) (?:bare |berre )?på (?:neste |at det skjer )?(?:ulykke|ulukke|ulykka|ulukka)",
)

# A danger now that needs no crisis noun, so strong that it stands whatever the classifier says (its
# score for these is often under its floor): smoke rising, a bridge giving way, a road shut by stones,
# someone about to end their life; foul tap water beside a baby or someone already ill; no heat beside
# someone frail or the cold. Written to the patterns of issue 12, not to any one comment.
_ACUTE = _words(
    r"(?:det|de|dæ|dei) (?:ryk|ryker|ryke|rykje)(?: \w+)? (?:no|nå|nu|voldsomt|kraftig|frå|fra|ut|av|opp)",
    r"(?:brua|brui|broen|brøa)(?: over \w+| ved \w+)? (?:\w+ ){0,2}"
    r"(?:gir etter|gjev etter|rister|ristar|gyngar|gynger|svaiar|svaier|knirkar|knirker|sig saman|"
    r"synk|synker)",
    r"(?:vei|veg|veien|vegen)(?: \w+){0,3} (?:er )?(?:stengt|stengd|sperret|sperra) (?:med|av) "
    r"(?:stein|steinar|steiner|steinblokk|tre|trær|jord|leire)",
    # ("ta livet av meg med denne kakeoppskrifta" is a joke, so not that idiom)
    r"(?:gjøre|gjere|gjer|gjør) slutt på (?:alt|livet|meg selv|meg sjølv)",
    r"ta mitt (?:eget|eige) liv",
    r"(?:is|are|house is|building is) on fire",
    r"gas leak",
    r"(?:is|are|we are|people are) trapped",
    # people shut in by a slide, a fire or a flood ("Toget står der fullt av folk og de slipper ikke ut")
    r"(?:fullt|full) av (?:folk|passasjerer|passasjerar|barn|born|unger|ungar)(?: \w+){0,4} "
    r"(?:slipper|kommer|kjem|kan) (?:ikke|ikkje|itj) ut",
    # the emergency services on their way now ("Brannvesenet er på vei til fritidsklubben nå")
    r"(?:brannvesenet|brannbilen|brannbilene|ambulansen|ambulansane|redningshelikopteret|luftambulansen) "
    r"(?:er|e) (?:på vei|på veg|på veien|på vegen|på staden|på stedet|framme)",
    r"(?:folk|passasjerer|passasjerar|de|dei|dem|dæm|barna|borna|ungene|ungane) (?:sitter|sit|er) "
    r"(?:fast|innestengt|innesperra|innesperret) (?:i|på|under|inni)",
)
_FOUL_WATER = _words(
    r"(?:brunt|gult|svart|grumsete|skittent|grønt|grått) (?:vann|vatn|slam)",
    r"(?:berre|bare|bere|bærre) (?:brunt? |gult? )?slam",
    r"(?:vannet|vatnet|kranvatnet|kranvannet|springvannet|springvatnet|drikkevannet|drikkevatnet|vasskrana|"
    r"vasskranen|kranen|krana|springen) (?:\w+ ){0,4}(?:lukter|luktar|smaker|smakar) (?:\w+ ){0,2}(?:bensin|"
    r"diesel|olje|kloakk|kjemikal\w*|gass|parafin|løysemiddel|løsemiddel)",
)
_AT_RISK_FROM_WATER = _words(
    r"baby(?:en)?",
    r"nyfødd\w*",
    r"nyfødt\w*",
    r"spedbarn\w*",
    r"morsmjølk\w*",
    r"morsmelk\w*",
    r"dialyse\w*",
    r"er det trygt",
    r"trygt å drikke",
    r"kan vi drikke",
    r"(?:dårlige|dårlege|dårlig|dårleg) i magen",
    r"(?:blitt|vorte) (?:sjuke|syke|sjuk|syk)",
    r"a baby",
    r"newborn",
)
_NO_HEAT = _words(
    r"(?:ingen|ikke|ikkje|itj|uten|utan) (?:varme|oppvarming|fyring)",
    r"no (?:heat|heating|power|electricity|water)",
    r"(?:power|electricity|water) (?:is|has been) (?:out|gone|off)",
)
_AT_RISK_FROM_COLD = _words(
    r"minus",
    r"kulda",
    r"fryser",
    r"frys",
    r"\d+ grader inne",
    r"eldre",
    r"gamle",
    r"sjuk\w*",
    r"syk\w*",
    r"baby",
    r"nyfødd",
    r"nyfødt",
    r"spedbarn",
    r"oksygen\w*",
    r"respirator\w*",
    r"freezing",
    r"cold",
    r"newborn",
    r"elderly",
    r"a baby",
    r"sick",
)


# A crisis the classifier alone hears, with no crisis word and no sign of danger, stands only at this
# score. Under it, on the dev sets d, n-p and u-x (sessions 17-20), 15 comments were escalated as
# crises and 3 were: a rubbish round missed since Wednesday, a friend with cancer, an old woman with
# dementia out at night, an unreachable caseworker are complaints and matters to answer, and an
# escalation is the costliest false alarm. The three crises under it carry a sign of danger (foul tap
# water; English fire, evacuation) and keep their finding.
CLASSIFIER_CRISIS_FLOOR = 0.5


def _unsure_without_danger(low: str, by_rules: list[str], judgement: classifier.Judgement) -> bool:
    return (
        CRISIS not in by_rules
        and judgement.scores.get("crisis", 0.0) < CLASSIFIER_CRISIS_FLOOR
        and not acute_danger(low)
        and not _FOUL_WATER.search(low)
        and not _NO_HEAT.search(low)
        and not (english.reads_english(low) and english.danger(low))
    )


def acute_danger(low: str) -> bool:
    """A danger happening now that needs no crisis noun (see `_ACUTE`)."""
    if _ACUTE.search(low):
        return True
    if _FOUL_WATER.search(low) and _AT_RISK_FROM_WATER.search(low):
        return True
    return bool(_NO_HEAT.search(low) and _AT_RISK_FROM_COLD.search(low))


class IntentAnalyser:
    name: ClassVar[str] = "intent"
    version: ClassVar[str] = f"21+{classifier.VERSION}"
    codes: ClassVar[tuple[str, ...]] = (QUESTION, CASE_REQUEST, POLITICAL, CRISIS)

    def prefetch(self, docs: Sequence[Document]) -> None:
        classifier.judge_many(docs)

    def analyse(self, doc: Document) -> list[Finding]:
        by_rules = self.rule_codes(doc)
        judgement = classifier.judgement(doc)
        if judgement is None:
            codes = by_rules
        else:
            codes = [
                code
                for code in self.codes
                if judgement.says_code(code) or (code in by_rules and judgement.allows_code(code))
            ]
        if CASE_REQUEST not in codes and own_case(doc.lower):
            codes = [code for code in self.codes if code in codes or code == CASE_REQUEST]
        if CASE_REQUEST in codes and status_question(doc.lower):
            codes = [code for code in codes if code != CASE_REQUEST]
        if CRISIS not in codes and acute_danger(doc.lower) and not _drill(doc.lower):
            codes = [code for code in self.codes if code in codes or code == CRISIS]
        if CRISIS in codes and _a_threat_not_a_crisis(doc, by_rules):
            codes = [code for code in codes if code != CRISIS]
        if (
            CRISIS in codes
            and CRISIS not in by_rules
            and not acute_danger(doc.lower)
            and confidential.third_party_told(doc.lower)
        ):
            # someone else's drinking or neglect told to the page is a matter for the child welfare
            # service, referred and hidden, not an emergency under way ("ungene går utan mat, og
            # faren drikk kvar helg": the classifier hears a crisis)
            codes = [code for code in codes if code != CRISIS]
        if CRISIS in codes and _over_or_planned(doc.lower):
            codes = [code for code in codes if code != CRISIS]
        if CRISIS in codes and judgement is not None and _english_small_talk(doc.lower, by_rules, judgement):
            codes = [code for code in codes if code != CRISIS]
        if (
            CRISIS in codes
            and judgement is not None
            and _unsure_without_danger(doc.lower, by_rules, judgement)
        ):
            codes = [code for code in codes if code != CRISIS]
        if judgement is not None:
            codes = _for_the_administration(codes, by_rules, judgement, doc.lower)
        codes = _political_or_not(codes, doc.lower)
        if english.reads_english(doc.lower):
            said = {CASE_REQUEST if i == "case_request" else POLITICAL for i in english.intents(doc.lower)}
            codes = [code for code in self.codes if code in codes or code in said]
            if english.how_to(doc.lower):
                codes = [code for code in codes if code != CASE_REQUEST]
        if POLITICAL in codes and POLITICAL not in by_rules and _only_praised(doc):
            codes = [code for code in codes if code != POLITICAL]
        if QUESTION in codes and asked_of_the_tagged(doc.text):
            codes = [code for code in codes if code != QUESTION]
        n = len(doc.text)
        return [Finding(code, 0, n, "warn" if code == CRISIS else "info", text=None) for code in codes]

    def rule_codes(self, doc: Document) -> list[str]:
        low = doc.lower
        codes: list[str] = []
        if _QUESTION_MARK.search(low) or _QUESTION_START.search(low.lstrip()) or _QUESTION_PHRASE.search(low):
            codes.append(QUESTION)
        if _CASE.search(low):
            codes.append(CASE_REQUEST)
        political = [m.group() for m in _POLITICAL.finditer(low)]
        if any(w not in _WEAK_POLITICAL for w in political) or len(set(political)) >= 2:
            codes.append(POLITICAL)
        if _CRISIS.search(low) and (not _NOT_NOW.search(low) or (_NOW.search(low) and not _drill(low))):
            codes.append(CRISIS)
        return codes


# Praise of what the council or the municipality did, with no demand and no complaint, is thanked, not
# referred to the elected ("Kommunestyret gjorde eit godt val med den nye hamna. Heia!", "Bra at
# kommunen rekrutterer sykepleiere fra utlandet!"): on the retired and dev sets every comment found
# both political and praise was labelled praise alone (6 of 6).
def _only_praised(doc: Document) -> bool:
    if political_demand(doc.lower):
        return False
    found = {f.code for f in tone.findings_of(doc)}
    return "tone.praise" in found and "tone.negative" not in found


# A comment that opens with @-tags of people asks them, not the municipality ("@Lise Marie Hansen kakao
# etterpå?", "@Jonas @Sofie blir dere med på dugnaden?"): friends in a thread. Not when a tag names the
# municipality or one of its bodies ("@Nordli kommune når kommer brøytebilen?"), nor when the text asks
# the municipality after the tags ("@Kari kommunen bør svare: når ...").
_OPENING_TAGS = re.compile(
    r"^\s*(?:@[A-ZÆØÅ][\w'-]*"
    r"(?:[ \t]+(?!(?:du|dere|dokker|dykk|er|e|har|kan|skal|blir|vil)\b)[A-ZÆØÅ][\w'-]*){0,3}[,:]?\s+)+"
)
_TO_THE_MUNICIPALITY = re.compile(
    r"(?i)\b(?:kommune\w*|kommuna|rådhus\w*|servicetorg\w*|tenestetorg\w*|ordfør\w+|dere i kommunen|"
    r"dykk i kommunen)\b"
)


# ... but a tagged employee asked about a service or a case is asked as the municipality ("@Kari
# Nordmann når får jeg svar på søknaden?", "@Ola kan du fikse veilyset i Storgata?")
_SERVICE_MATTER = re.compile(
    r"(?i)\b(?:søknad\w*|svar\w*|vedtak\w*|saka|saken|saksnummer\w*|faktura\w*|regning\w*|\w*plass(?:en)?|"
    r"skole\w*|skule\w*|barnehage\w*|sfo|vei|veien|veg|vegen|\w*lys(?:et|a)?|brøyt\w*|strø\w*|vann\w*|"
    r"vatn\w*|søppel\w*|renovasjon\w*|dunk\w*|eiendomsskatt\w*|byggesak\w*|klage\w*|frist\w*|lege\w*|"
    r"sykehjem\w*|sjukeheim\w*|hjemmetjeneste\w*|heimeteneste\w*|nav|kommunal\w*|fiks\w*|reparer\w*|"
    r"betal\w*|gebyr\w*|avgift\w*|parkering\w*|tillatelse\w*|løyve\w*|søke|søkje)\b"
)


def asked_of_the_tagged(text: str) -> bool:
    """Whether a question is put to the people the comment opens by tagging."""
    tags = _OPENING_TAGS.match(text)
    return tags is not None and not _TO_THE_MUNICIPALITY.search(text) and not _SERVICE_MATTER.search(text)


# A demand on the elected bodies is a matter for them, however the classifier scores it (0.01-0.14 for
# polite requests): a request to an elected body ("Eg vil be kommunestyret om å ...", "Dear
# politicians, please vote for"), an elected body addressed and asked ("Kjære kommunestyre: tenk på
# ..."), a call to vote so ("stem nei"), a call to undo or delay a political decision ("revurder
# forslaget", "utsett vedtaket").
_ELECTED = (
    r"(?:kommunestyre(?:t|representant\w*)?|bystyre(?:t)?|formannskap(?:et)?|politiker(?:e|ne)?|"
    r"politikar(?:ar|ane)?|ordfører(?:en)?|ordførar(?:en)?|varaordfører(?:en)?|varaordførar(?:en)?|"
    r"(?:de |dei )?folkevalgte|(?:de |dei )?folkevalde|hovedutvalg(?:et)?|hovudutval(?:et)?|"
    r"gruppeleder(?:e|ne)?|"
    r"gruppeleiar(?:ar|ane)?|partiene|partia|politicians|mayor|council|councillors)"
)
_POLITICAL_DEMAND = _words(
    r"(?:ber|be|bed|oppfordrer|oppfordrar|oppmodar|oppmoder|krever|krev|utfordrer|utfordrar|appellerer|"
    r"appellerar|ask|urge) (?:\w+ ){0,2}" + _ELECTED,
    r"(?:@|kjære |til |dear |hei )"
    + _ELECTED
    + r"[,:!]?(?: \w+){0,8}? (?:ber|be|stopp|stem|røyst|si nei|si ja|"
    r"tenk|lytt|hør|revurder\w*|behald|behold|ta opp|sørg for|gjør noe|gjer noko|please|vote|stop|keep|"
    r"listen)",
    r"(?:stem|røyst|stemme|røyste|vote|please vote) (?:for|mot|imot|ja|nei|against)",
    r"(?:utsett|utsetter|utset|stopp|stopper|stoppar|revurder|revurderer|revurderar|omgjør|omgjer|gjør om|"
    r"gjer om|snu|snur) (?:\w+ ){0,2}(?:vedtaket|forslaget|framlegget|nedleggelsen|nedlegginga|nedleggingen|"
    r"kuttet|kutta|kuttene|sammenslåingen|samanslåinga)",
)
# A factual question about the elected bodies and their procedure ("Når møtes kommunestyret neste
# gang?", "Kor finn eg sakspapira til formannskapet?", "Hvem skriver jeg til for å invitere en
# politiker?") is a question to answer, not a political referral, unless it carries a view, a
# demand or a complaint (those words below, or the question why).
_INFO_QUESTION = re.compile(
    r"(?:^|[.!?\n]\s*)(?:når|kva tid|hvor|kor|kvar|hvordan|korleis|hvem|kven|hvilke|hvilken|hvilket|kva for|"
    r"kva|hva|vet noen|veit nokon|er det|blir|blei|ble|kan|må|går det an|finnes|finst|skal|har)" + _E
)
_VIEW = _words(
    r"burde",
    r"bør",
    r"skandal\w*",
    r"feil",
    r"urettferdig\w*",
    r"dårlig\w*",
    r"dårleg\w*",
    r"latterlig\w*",
    r"tull\w*",
    r"skam\w*",
    r"håper",
    r"håpar",
    r"si (?:nei|ja)",
    r"stopp\w*",
    r"protest\w*",
    r"imot",
    r"enig",
    r"einig",
    r"uenig",
    r"usamd",
    r"prioriter\w*",
    r"hvorfor",
    r"kvifor",
    r"korfor",
    r"ka for",
    r"ikke",
    r"ikkje",
    r"itj",
    r"aldri",
    r"heller",
    r"i stedet",
    r"i staden",
    r"kutt\w*",
    r"legge ned",
    r"leggje ned",
    r"nedlegg\w*",
    r"nei",
    r"egentlig",
    r"eigentleg",
    r"synes",
    r"syns",
    r"synest",
    r"mener",
    r"meiner",
    r"for eller mot",
    r"foreslår",
    r"føreslår",
    r"bekymr\w*",
    r"urolig\w*",
    r"alvor",
    r"på tide",
    r"folket",
    r"høre på",
    r"høyre på",
    r"hør på",
    r"lytt\w*",
    r"stenge\w*",
)


def political_demand(low: str) -> bool:
    """A demand on the elected bodies (see `_POLITICAL_DEMAND`)."""
    return bool(_POLITICAL_DEMAND.search(low))


def info_question(low: str) -> bool:
    """A factual question with no view, demand or complaint in it (see `_INFO_QUESTION`)."""
    if not _QUESTION_MARK.search(low) or not _INFO_QUESTION.search(low.strip()):
        return False
    return not _VIEW.search(low) and not political_demand(low)


def _political_or_not(codes: list[str], low: str) -> list[str]:
    if political_demand(low):
        return (
            codes if POLITICAL in codes else [c for c in IntentAnalyser.codes if c in codes or c == POLITICAL]
        )
    if POLITICAL in codes and info_question(low):
        return [code for code in codes if code != POLITICAL]
    return codes


# Upkeep and repairs (snow clearing, sanding, potholes, toilets, mending) and a head teacher's
# decisions are the administration's to answer, not a matter for the elected bodies: "Rømskog
# kommune må få fart på brøytingen", "Skolen trenger nye toaletter", "uenig i rektors beslutning".
# Money, priorities, tenders and votes make them political again ("bruk pengane på brøyting",
# "legg brøytinga ut på anbod", "sett det i budsjettet").
_UPKEEP = _words(
    r"brøyt(?:e|a|er|ar|et|ing|inga|ingen)",
    r"måk(?:e|a|er|ar|ing|inga|ingen)",
    r"strø(?:ing|inga|ingen|r|dd|dde)?",
    r"strøbil(?:en|ane|ene|ar|er)?",
    r"brøytebil(?:en|ane|ene|ar|er)?",
    r"sandstrøing",
    r"sanding",
    r"sanda",
    r"sande",
    r"hol(?:a|et)? i (?:vegen|veien|asfalten|gata)",
    r"hull(?:et|ene)? i (?:veien|vegen|asfalten|gata)",
    r"toalett(?:et|ene|a|ar|er)?",
    r"reparer(?:e|t|a|ast|es)?",
    r"reparasjon(?:en|ar|er)?",
    r"fikse",
    r"fiksa",
    r"fikset",
    r"rektor(?:en|s)?",
)
_MONEY_OR_VOTE = re.compile(
    _B + r"(?:peng\w*|budsjett\w*|bevilg\w*|løyving\w*|prioriter\w*|anbod\w*|anbud\w*|regi|"
    r"privatiser\w*|kutt\w*|skatt\w*|avgift\w*|gebyr\w*|kjøp\w*|invester\w*|million\w*|kroner|kr|"
    r"betal\w*|gratis|stem\w*|røyst\w*|vedtak\w*|vedta\w*|fylket|staten|ordning\w*)" + _E
)


def _ironic(judgement: classifier.Judgement, low: str) -> bool:
    return judgement.says("sarcasm") or ironic_praise(low) is not None


def _for_the_administration(
    codes: list[str], by_rules: list[str], judgement: classifier.Judgement, low: str
) -> list[str]:
    """What the classifier alone took for a matter of the elected bodies or of case processing,
    where the comment says otherwise (the rules' own matches stand):

    - upkeep, repairs or a head teacher's decision, with no money, priority or vote in it, is no
      `intent.political` (the administration answers it);
    - irony (sarcasm, or praise of a failure the comment shows) is criticism to answer, not a matter
      to refer to the elected bodies ("Så flott at kommunen har råd til kunst mens skolen mangler
      lærere 👏"), unless a rule found the political matter or it demands something of them;
    - a case request the classifier is less sure of than of a political matter is the political
      matter's (a reception centre's site is the elected bodies', not the writer's own case), so the
      comment is referred politically rather than formally."""
    if (
        POLITICAL in codes
        and POLITICAL not in by_rules
        and _UPKEEP.search(low)
        and not _MONEY_OR_VOTE.search(low)
    ):
        codes = [code for code in codes if code != POLITICAL]
    if POLITICAL in codes and POLITICAL not in by_rules and _ironic(judgement, low):
        codes = [code for code in codes if code != POLITICAL]
    if (
        CASE_REQUEST in codes
        and POLITICAL in codes
        and CASE_REQUEST not in by_rules
        and judgement.scores.get("political", 0.0) > judgement.scores.get("case_request", 0.0)
    ):
        codes = [code for code in codes if code != CASE_REQUEST]
    return codes


# Said to be over: "nå er det slukket", "alle er ok", "strømmen er tilbake", "kokevarselet er oppheva".
_RESOLVED = _words(
    r"(?:er|ble|blei|vart) (?:nå |no |heldigvis |endelig |endeleg )?(?:slukket|slokket|sløkt|sløkka|slokna|"
    r"under kontroll|over(?=\s*(?:[.,!?]|$))|oppheva|opphevet|avblåst|avlyst|funnet|funnen|reparert|"
    r"fiksa|fikset)",
    r"(?:alle|begge) (?:er|var) (?:ok|oke|i god behold|uskadde|uskadd|trygge|i sikkerhet|i tryggleik)",
    r"ingen (?:ble|blei|vart|er) (?:skadet|skadd|skada|skadde)",
    # cleared, secured, open again, the work over, people home again
    r"(?:er|vart|ble|blei) (?:nå |no |heldigvis |endelig |endeleg )?(?:sikra|sikret|rydda|ryddet|opna att|"
    r"åpnet igjen|gjenåpnet|gjenopna)",
    r"(?:har vært|har vore) (?:åpen|open|åpent|ope) (?:siden|sidan)",
    r"(?:avslutta|avsluttet|avslutte) (?:arbeidet|innsatsen|aksjonen|leitinga|letingen)",
    r"(?:kan|får|kunne) (?:alle )?flytte (?:hjem|heim)",
    r"erstatning(?:en)? for (?:skad\w*|tap\w*)",
    r"ingen kom til skade",
    r"(?:er|kom) (?:tilbake|tilbakе) (?:nå|no|igjen|att)",
    r"(?:strømmen|straumen|vannet|vatnet|nettet|dekninga|dekningen) (?:er|kom) tilbake",
)
_STILL_URGENT = _words(r"hjelp", r"haster", r"ring 110", r"ring 112", r"ring 113", r"fortsatt", r"framleis")


def _over_or_planned(low: str) -> bool:
    """The text puts its crisis in the past or in planned work, and nothing says it goes on now, or
    it says the crisis is over ("nå er det slukket, alle er ok") and nothing says it is still urgent."""
    if _RESOLVED.search(low) and not _STILL_URGENT.search(low):
        return True
    return bool(_OVER.search(low) or _PLANNED.search(low) or _FORESEEN.search(low)) and not _ONGOING.search(
        low
    )


# An English text the classifier alone takes for a crisis is one only at this score or with words of
# a danger under way (`english.danger`): its English crises score 0.81-0.99, its English small talk,
# questions and praise 0.24-0.66 (the retired challenge sets and the corpus's dev share, session 16).
ENGLISH_CRISIS_FLOOR = 0.75


def _english_small_talk(low: str, by_rules: list[str], judgement: classifier.Judgement) -> bool:
    """An English text that only the classifier, below `ENGLISH_CRISIS_FLOOR`, took for a crisis,
    with no word of a danger under way in it."""
    return (
        CRISIS not in by_rules
        and judgement.scores.get("crisis", 0.0) < ENGLISH_CRISIS_FLOOR
        and english.reads_english(low)
        and not english.danger(low)
        and not acute_danger(low)
    )


def _a_threat_not_a_crisis(doc: Document, by_rules: list[str]) -> bool:
    """A threat the classifier alone also took for a crisis ("tar med meg noe tungt og kommer innom i
    morra"): the danger is the threat, which is deleted or escalated to a manager, not an emergency
    under way, unless a crisis rule matched or the text says it is happening now ("han står utanfor
    med kniv no, ring 112")."""
    if CRISIS in by_rules or acute_danger(doc.lower) or _NOW.search(doc.lower):
        return False
    return any(f.code == abuse.THREAT for f in abuse.findings_of(doc))


def _drill(low: str) -> bool:
    return bool(re.search(_B + r"(?:øvelse|øving|brannøvelse|brannøving|kurs|test)", low))
