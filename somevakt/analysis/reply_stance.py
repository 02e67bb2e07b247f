"""Stance in the municipality's own texts: an opinion on a political matter, irony at the citizen.

- `style.own_opinion` (warn): a reply or post gives the writer's own or the administration's
  opinion on a political matter ("Personlig mener jeg at skolen bør bestå", "Vi i
  administrasjonen synes politikerne tok feil", "eg er einig med deg i at eigedomsskatten er for
  høg"). Every guideline that speaks of it keeps the administrative and the political level apart:
  the administration points to the chief executive's recommendation and the political process,
  and gives no view of its own. Neutral information about the process ("Saken behandles i
  kommunestyret 12. mai"), saying there is no view ("Vi kan ikke mene noe om dette"), someone
  else's view ("Kommunestyret mener ...", "Hvis du mener vedtaket er feil ...") and opinions about
  the service ("Vi synes det er leit at du måtte vente") are not reported.
  A sentence is reported when it has both an opinion (a first-person opinion verb, "etter mitt
  syn", agreeing with the citizen, or a strong verdict) and a political matter (an elected body,
  politicians, parties, elections, or a matter for them: property tax, tolls, closing a school,
  the budget, merging municipalities, plans). A stance counts as an opinion too ("som innbygger er
  jeg ...", "privat mener jeg", "mitt inntrykk er", "vi i teknisk er ikke overbevist", a vote the
  writer would have given, congratulating a party on the election), and a verdict on a decision
  stands on its own ("det var eit dårleg vedtak", "er dessverre feil", "et steg i feil retning",
  "det hadde vært bedre om"), except on the reader's own decision ("vedtaket ditt er riktig").
  Beside the phrase lists, the shape of a view whatever its words (session 12): an evaluative
  adjective on a decision, before it or as its predicate ("et tungt, men riktig valg", "nedlegginga
  er rett og slett gal"), a stance adverb or an evaluative news label beside what the elected bodies
  did ("formannskapet gikk heldigvis inn for", "Gode nyheter: bystyret har vedtatt"), a feeling about
  what happened ("vi er letta over at ..."), "bør" on an act of deciding ("bør ikke godkjennes"), a
  tag claiming the words ("På tide, sier vi!"), a disclaimer taken back ("..., men").
- `style.irony` (warn): irony or sarcasm aimed at the citizen ("Ja, for det er jo så vanskelig å
  lese en nettside 🙄", "Takk for den utrolig nyttige tilbakemeldingen", "Hvis du hadde giddet å
  lese vedtaket ...", the eye-roll, upside-down and smirking emoji, scare quotes around the
  citizen's words), and irony without such words, by its shape: mock gratitude ("det hadde vi
  aldri oppdaga utan deg"), the reader knowing best, a favour too big for one reader ("akkurat din
  veg framfor sjukeheimen"), powers over the weather, counting the reader's complaints, a lone "Som
  alltid.". Warm thanks, humour and a wink at an event are not reported, and a plainly warm
  reply (thanks, welcome, gladness with no contrast, failure or mock) is not left to the comment
  classifier's sarcasm (`_plainly_warm`). Gausdal 9 asks
  for care with irony and sarcasm; every guideline asks for a polite, factual answer.

Rules over the lower-cased text (same offsets as the input), bokmål and nynorsk, for kinds
`reply` and `post`: a citizen may have opinions and be ironic, the municipality may not. Spans
are the sentence with the opinion, and the words or emoji that carry the irony. Where the rules
find neither, the own-text classifier (`owntext`, trained on our own replies and posts) is asked
about both; a finding it alone makes spans the sentence it scores highest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from somevakt.analysis import classifier, english, owntext
from somevakt.analysis.base import Document, Finding
from somevakt.analysis.masking import mask_excerpt
from somevakt.analysis.sentences import plain_sentences as _sentences
from somevakt.analysis.sentences import trimmed as _trimmed

OWN_OPINION = "style.own_opinion"
IRONY = "style.irony"
KINDS = ("reply", "post")
# A long text with many matches gives this many findings per code at most.
MAX_FINDINGS = 5

_B = r"(?<![\wæøå])"  # a word starts here
_E = r"(?![\wæøå])"  # a word ends here


def _words(*alternatives: str) -> str:
    return _B + "(?:" + "|".join(alternatives) + ")" + _E


# --- own opinion --------------------------------------------------------------------------

# Who speaks: the writer, "we", the municipality or its administration (not the chief
# executive, whose recommendation is what a reply may point to, and not an elected body).
_SELF = (
    r"(?:jeg|eg|je|æ|vi|me|kommunen|administrasjonen|administrasjonen vår|(?:vi|me) på [a-zæøå]+|"
    # a unit speaks for the administration: "vi i teknisk", "me i barnehagen"
    r"(?:vi|me) i (?!dag|går|morgon|morgen|kveld|år|fjor|helga|helgen)[a-zæøå]+|"
    # several of the staff speak for the administration too: "mange av oss på rådhuset er like frustrerte"
    r"(?:mange|flere|fleire|de fleste|dei fleste|alle|noen|nokre|nokon) av oss"
    r"(?: (?:ansatte|tilsette|her|som jobber her|som jobbar her))?"
    r"(?: (?:på|i) (?:rådhuset|administrasjonen|kommunen))?|"
    # the writer with colleagues, or among those who think so: "både jeg og kollegaene mine",
    # "jeg er nok blant dem som"
    r"(?:både )?(?:jeg|eg|æ) og (?:kollegaene|kollegane|kollegaane|kollegene|de andre|dei andre|"
    r"mange|flere|fleire)(?: mine| her| på [a-zæøå]+)?|"
    r"(?:jeg|eg|æ) (?:er|e) (?:nok |vel |også |òg )?(?:blant|en av|ein av) (?:dem|dei|de)(?: mange)? som)"
)
_SELF_PRONOUN = r"(?:jeg|eg|je|æ|vi|me)"
# Words that may stand between the speaker and the verb ("jeg personlig mener", "vi i
# administrasjonen synes", "eg meiner sjølv").
_ADVERB = (
    r"(?:personlig|personleg|selv|sjølv|også|og|òg|absolutt|fortsatt|framleis|fremdeles|virkelig|"
    r"verkeleg|faktisk|egentlig|eigentleg|derimot|heller ikke|heller ikkje|heller|nok|bare|berre|sjøl|"
    r"helt klart|heilt klart|i administrasjonen|"
    r"i kommunen|i rådhuset|på rådhuset|her i kommunen|ærlig talt|ærleg talt)"
)
_OPINION_VERB = (
    r"(?:mener|meiner|synes|syns|synest|syntes|tykkjer|tykker|håper|håpar|støtter|støttar|"
    r"foretrekker|føretrekk|heier på|heiar på|ønsker at|ønskjer at|ønsker ikke at|ønskjer ikkje at|"
    # a wish is a view: "vi skulle ønske flertallet hadde lyttet", "vi hadde helst sett at skolen fikk bestå"
    r"skulle ønske|skulle ønsket|skulle ønskt|skulle ynskje|skulle ynskt|hadde helst sett|ville helst sett|"
    r"hadde gjerne sett|skulle gjerne sett|gjerne skulle sett|gjerne skulle ha sett|gjerne hadde sett|"
    r"tenker det samme|tenkjer det same|tenkte det samme|"
    # leaning and counterfactual choice: "jeg heller nok mot at", "vi hadde nok valgt en annen trasé"
    r"heller mot|heller nok mot|hallar mot|hadde nok valgt|hadde nok valt|hadde heller valgt|"
    r"hadde heller valt|"
    r"ville hatt|ville ha hatt|"
    # hope and fear in other words: "vi holder tommelen for at", "eg fryktar at", "me vonar"
    r"krysser fingrene|kryssar fingrane|krysse fingrane|holder tommelen|held tommelen|holder tommeltotten|"
    r"frykter|fryktar|vonar|voner)"
)
_ATTITUDE = (
    r"(?:enig|enige|einig|einige|samd|samde|uenig|uenige|ueinig|ueinige|usamd|usamde|"
    r"glad for at|glade for at|glad for vedtaket|glade for vedtaket|skuffet over|skuffa over|skuffede over|"
    r"positiv til|positive til|negativ til|negative til|imot|stolte av vedtaket|stolt av vedtaket|"
    r"bekymret for at|bekymra for at|usikker på om|usikre på om|uroleg for at|urolege for at|"
    r"kritisk til|kritiske til|kritisk til at|kritiske til at|begeistret for|begeistra for|imponert over|"
    r"fornøyd med vedtaket|fornøgd med vedtaket|misfornøyd med|misnøgd med|"
    r"overbevist om|overtydd om|(?:like )?lite begeistret for|(?:like )?lite begeistra for|"
    r"på lag med (?:deg|dæ|dykk|dere|dokk)|skeptisk til|skeptiske til|"
    # a feeling about what happened is a view of it: "vi er letta over at hyttefeltet vart stemt ned",
    # "me er takksame for at heradsstyret valde ..." (about the reader or a crowd it is not: see
    # _ABOUT_PEOPLE)
    r"(?:glad|glade|letta|lettet|lettede|lei|trist|triste|frustrert|frustrerte|oppgitt|oppgitte|opprørt|"
    r"opprørte|sint|sinte|redd|redde|stolt|stolte|fornøyd|fornøyde|fornøgd|fornøgde|takknemlig|"
    r"takknemlige|takknemleg|takknemlege|takksam|takksame|overrasket|overraska|sjokkert|sjokkerte|"
    r"skeptisk|skeptiske|urolig|urolige|uroleg|urolege|bekymret|bekymra|skuffet|skuffa|skuffede|"
    r"imponert|imponerte|begeistret|begeistra)(?: (?:oss|meg))? (?:over|for) at|"
    r"(?:letta|lettet|lettede|glad|glade|trist|triste|opprørt|opprørte|oppgitt|oppgitte|stolt|stolte|"
    r"takknemlig|takknemlige|takksam|takksame) over (?:vedtaket|avgjørelsen|avgjerda|beslutningen|"
    r"utfallet|resultatet)|"
    r"like (?:skuffet|skuffa|skuffede|frustrert|frustrerte|lei oss|opprørt|opprørte|glad|glade|"
    r"bekymret|bekymra)"
    r"(?: som (?:deg|dykk|dere|du))?)"
)
_AGREE = r"(?:enig|enige|einig|einige|samd|samde)"
_NOT = r"(?:ikke |ikkje |ikkje heilt |ikke helt |ikke så |ikkje så )?"
# "not" in bokmål, nynorsk and the dialects ("je skjønner itte åssen ...")
_NEG = r"(?:ikke|ikkje|itj|itte|ikkj)"
_DEGREE = r"(?:helt |heilt |fullstendig |hjertens |hjartans |veldig |svært |litt |absolutt )?"

# What a reader may feel about a matter, shared by the writer ("vi deler skepsisen din").
_FEELING = (
    r"(?:bekymring|bekymringen|bekymringa|skepsis|skepsisen|uro|uroen|oppfatning|oppfatningen|oppfatninga|"
    r"frustrasjon|frustrasjonen|syn|synet|engasjement|engasjementet|glede|gleden|gleda|begeistring|"
    r"begeistringen|begeistringa|tvil|tvilen|motstand|motstanden|mening|meningen|meining|meininga|"
    r"standpunkt|standpunktet|ønske|ønsket|håp|håpet|irritasjon|irritasjonen|sinne|sinnet|skuffelse|"
    r"skuffelsen|skuffelsa|vurdering|vurderingen|vurderinga|kritikk|kritikken|sorg|sorgen|sorga)"
)
_OPINION = re.compile(
    "|".join(
        (
            # speaker + opinion verb: "vi synes", "jeg personlig mener", "eg meiner sjølv"
            _B + _SELF + rf"(?: {_ADVERB}){{0,2}} " + _OPINION_VERB + _E,
            # inverted: "personlig mener jeg", "det synes vi i administrasjonen også", "noe vi synes"
            _B + _OPINION_VERB + " " + _SELF_PRONOUN + _E,
            # many of us: "her er vi mange som gjerne skulle sett", "vi er fleire som meiner"
            _B + r"(?:(?:er|var) (?:vi|me)|(?:vi|me) (?:er|var)) (?:nok |ganske |veldig )?(?:mange|flere|"
            r"fleire) som " + rf"(?:{_ADVERB} )?" + _OPINION_VERB + _E,
            # attitudes: "vi er helt enige", "administrasjonen er uenig", "jeg er glad for at"
            _B
            + _SELF
            + rf"(?: {_ADVERB}){{0,2}} (?:er|var|e|va)(?: {_ADVERB}){{0,2}} "
            + _NOT
            + _DEGREE
            + _ATTITUDE
            + _E,
            _B
            + r"(?:er|var) "
            + _SELF_PRONOUN
            + rf"(?: {_ADVERB}){{0,2}} "
            + _NOT
            + _DEGREE
            + _ATTITUDE
            + _E,
            # agreeing with the citizen: "helt enig", "enig med deg", "du har rett"
            _words(
                rf"(?:helt|heilt|fullstendig|hjertens|hjartans|absolutt) {_AGREE}",
                rf"{_AGREE} med (?:deg|dykk|dere|dei|de|dæ|dokker|dokk|mange av dere|mange av dykk)",
                r"du ha rett(?! til| på| å)",
                # a wish for what the elected bodies said no to: "så klart skulle vi hatt svømmehall"
                rf"(?:skulle|burde) {_SELF_PRONOUN} (?:gjerne )?(?:hatt|fått)",
                rf"{_SELF_PRONOUN} (?:heller )?(?:ikke|ikkje|itte|itj) (?:ville|hadde) (?:hatt|ønsket|"
                rf"valgt|valt|stemt)",
                r"(?:ikke|ikkje|itte|itj) (?:jublet|jubla|jubler|jublar) (?:over|for)",
                r"(?:det )?(?:mange|flere|fleire|de fleste|dei fleste) av oss (?:i administrasjonen|"
                r"på rådhuset|"
                r"i kommunen|her) (?:tenker|tenkjer|mener|meiner|synes|syns|tykkjer)",
                r"du har (?:helt |heilt |så |absolutt |nok |jo )?rett(?! til| på| å)",
                r"(?:der|det|her) har du (?:helt |heilt |så |absolutt |nok |jo )?rett(?! til| på| å)",
                r"(?:du|dere|dykk|[a-zæøå]+) (?:har|hadde) (?:et|eit) (?:godt |viktig |bra |klart )?poeng",
                # sharing or not sharing a view: "kommunen deler ikke flertallets syn"
                r"deler (?:ikke |ikkje |itj |heilt |helt |fullt ut )?(?:[a-zæøå]+ )?" + _FEELING,
                # fighting for or against a matter: "vi vil kjempe mot nedlegginga" (not "for å")
                rf"{_SELF_PRONOUN}(?: {_ADVERB})? (?:vil |skal |ska |kommer til å |kjem til å )?"
                r"(?:kjempe|kjempa|kjemp|kjemper|kjempar|kjempet) (?:videre |vidare |hardt |for fullt )?"
                r"(?:for|mot|imot)",
                r"deler (?:din|dykkar|deres) (?:bekymring|oppfatning|frustrasjon|syn)",
                r"deler (?:bekymringen|bekymringa|oppfatningen|oppfatninga|frustrasjonen|synet|synspunktet|"
                r"meningen|meininga|engasjementet) (?:din|di|ditt|dykkar|deres)",
                r"deler ditt syn",
                rf"{_SELF_PRONOUN}(?: selv| sjølv| også| òg| personlig| personleg)? "
                r"(?:stemte|røystet|røysta|røyste) (?:selv |sjølv |også |òg )?(?:mot|for|nei|ja|imot)",
                r"står (?:sammen med|saman med|bak|på lag med)",
                # the writer's own vote, and advice on how to vote
                rf"{_SELF_PRONOUN}(?: personlig| personleg)? (?:ville|hadde|skulle) "
                r"(?:aldri |ikke |ikkje |gjerne |også )?(?:stemt|røysta|røystet|gått inn for|støttet|støtta)",
                rf"{_SELF_PRONOUN} (?:har|hadde) (?:selv |sjølv |også |òg |alltid |aldri )?"
                r"(?:stemt|røysta|røystet) (?:mot|for|nei|ja|imot)",
                r"(?:anbefaler|tilrår|oppfordrer|råder) (?:deg |dykk |dere |alle |folk )?(?:til )?"
                r"å (?:stemme|røyste)",
            ),
            # framing: "etter mitt syn", "slik vi ser det", "personlig er jeg imot"
            _words(
                r"etter (?:mitt|vårt|min|vår|mi) (?:syn|mening|meining|skjønn|oppfatning|vurdering)",
                r"(?:min|mi|vår) (?:personlige |personlege |egen |eiga |eigen )?"
                r"(?:mening|meining|oppfatning)",
                r"(?:mitt|vårt) (?:personlige |personlege |eget |eige |eiga )?syn er",
                r"slik (?:jeg|eg|vi|me) ser det",
                r"sånn (?:jeg|eg|vi|me) ser det",
                r"i (?:mine|våre) øyne",
                r"for (?:min|mi|vår) (?:egen |eigen |eiga )?del",
                r"(?:ikke|ikkje) min plass å (?:si|seie|sei)",
                r"(?:ska|skal) (?:jeg|eg|æ|je|vi|me) (?:være|vær|vere|vera) (?:helt |heilt )?"
                r"(?:ærlig|ærleg|ærlige|ærlege)",
                r"for å (?:være|vere|vera) (?:helt |heilt )?(?:ærlig|ærleg)",
                r"(?:jeg|eg|vi|me) skal (?:ikke|ikkje) legge skjul på|(?:jeg|eg|vi|"
                r"me) skal ikkje leggje skjul på",
                r"for mitt vedkommende",
                # the writer as a citizen or in private: "som innbygger er jeg ...", "privat ville jeg"
                r"som (?:innbygger|innbyggjar|innbyggar|privatperson|skattebetaler|skattebetalar|"
                r"pendler|pendlar|forelder|småbarnsforelder)(?: (?:selv|sjølv|sjøl))?,? "
                r"(?:[a-zæøå]+ )?(?:jeg|eg|æ|je)",
                r"(?:jeg|eg|æ) som (?:innbygger|innbyggjar|innbyggar|privatperson|skattebetaler|"
                r"skattebetalar)",
                r"privat (?:ville|vil|hadde|mener|meiner|synes|syns|stemte|røysta|er|tror|trur) (?:jeg|eg|æ)",
                r"(?:mitt|vårt) (?:klare |personlige |personlege )?inntrykk (?:er|var)",
                r"(?:skal|vil) (?:ikke|ikkje|itj) (?:si|seie|sei) for (?:mye|mykje|mykkje)",
                r"mellom (?:oss|meg og deg|deg og meg)(?: sagt)?",
                r"(?:det )?(?:er|e) (?:det )?ingen tvil om",
                r"(?:vi|me) får (?:vel |nok )?(?:bare|berre|bærre) håpe",
                r"(?:jeg|eg) personlig",
                r"(?:jeg|eg) personleg",
                r"personlig (?:mener|synes|syns|tror|håper|er|ville|har|stemte|røystet|røysta)",
                r"personleg (?:meiner|synest|syns|trur|håpar|er|ville|har|stemte|røysta|røyste)",
                r"(?:om|hvis|viss|dersom) du spør (?:meg|oss)",
                # speaking off the record is speaking for oneself: "uoffisielt: ...", "om du spør meg privat"
                r"uoffisielt|uoffisiell|off the record",
                r"(?:er|e) (?:ingen|inga|ikke noen|ikkje nokon) (?:hemmelighet|hemmelegheit|løyndom|løyndom)",
                r"spør du meg",
                r"(?:ærlig|ærleg) talt",
                r"(?:hadde|om|hvis|dersom|viss) det (?:vært|var|hadde vore|vore|hadde vært) "
                r"opp til (?:meg|oss)",
                r"(?:jeg|eg|vi|me) (?:vil|skal|må|kan) (?:si|seie|påstå|hevde|innrømme|vedgå) at",
                r"(?:helt|heilt) (?:ærlig|ærleg)",
                r"(?:hadde|om|hvis|dersom|viss) (?:jeg|eg|vi|me) (?:fikk|fekk|hadde fått) "
                r"(?:bestemme|bestemt|velge|velje|viljen min|viljen vår|det som (?:jeg|eg|vi|me) ville)",
                r"hadde (?:jeg|eg|vi|me) (?:bestemt|fått bestemme|fått velge|fått velje|fått viljen)",
            ),
        )
    )
)
# "jeg er for eiendomsskatt", "vi er imot nedleggelsen": for or against, then the matter.
_FOR_AGAINST = re.compile(
    _B
    + _SELF
    + rf"(?: {_ADVERB}){{0,2}} (?:er|var) (?:ikke |ikkje )?(?:for|mot|imot) "
    + "|"
    + _B
    + r"(?:er|var) "
    + _SELF_PRONOUN
    + r" (?:ikke |ikkje )?(?:for|mot|imot) "
)
# Political by itself: the writer's own vote ("personlig stemte jeg mot", "eg røysta for"), and a
# verdict on a decision ("det dårlige vedtaket", "vedtaket er vanskelig å forsvare").
_POLITICAL_OPINION = re.compile(
    _words(
        rf"{_SELF_PRONOUN}(?: selv| sjølv| også| òg| personlig| personleg)? "
        r"(?:stemte|røystet|røysta|røyste) (?:selv |sjølv |også |òg )?(?:mot|for|nei|ja|imot)",
        rf"(?:stemte|røystet|røysta|røyste) {_SELF_PRONOUN} (?:selv |sjølv |også |òg )?(?:mot|for|nei|"
        rf"ja|imot)",
        r"(?:det|dette|eit|et) (?:dårlige|elendige|tåpelige|tåpelege|idiotiske|uforståelige|uforståelege|"
        r"kloke|fornuftige|modige|feige|urettferdige|kortsiktige|uheldige|skammelige|skammelege|"
        r"forkastelige|forkastelege|katastrofale|latterlige|latterlege|hårreisende) "
        r"(?:politiske )?(?:vedtaket|prioriteringa|prioriteringen|beslutningen|avgjørelsen|avgjerda)",
        r"vedtaket (?:er|var) (?:helt |heilt |ganske |svært |veldig |rett og slett )?"
        r"(?:vanskelig|vanskeleg|umulig|umogleg|uråd) å forsvare",
        # the vote the writer would have given: "et vedtak jeg selv ville ha stemt imot"
        rf"{_SELF_PRONOUN}(?: selv| sjølv| sjøl| personlig| personleg| privat)? (?:ville|hadde|skulle)"
        r"(?: selv| sjølv| nok| personlig| personleg)?(?: ha| ha hatt)? (?:stemt|røysta|røystet) (?:mot|"
        r"for|nei|ja|imot)",
        rf"(?:ville|hadde) {_SELF_PRONOUN}(?: selv| sjølv| nok)?(?: ha)? (?:stemt|røysta|røystet) (?:mot|"
        rf"for|nei|ja|imot)",
        # congratulating a party on the election is taking sides
        r"gratulerer (?:til )?[a-zæøå]*parti(?:et)? med (?:valget|valet|valgresultatet|valresultatet|seieren|"
        r"sigeren|framgangen|fremgangen)",
    )
)
_RIGHT_ABOUT = re.compile(r" i (?:at|det|dette|som)(?![\wæøå])")
# "vi skulle ønske vi kunne gi deg et bedre svar" wishes the reader well, not the matter differently
_WISH_END = re.compile(r"(?:ønske|ønsket|ønskt|ynskje|ynskt|sett)$")
_ABOUT_US_OR_READER = re.compile(r"\s+(?:at\s+)?(?:vi|me|jeg|eg|du|dere|dykk)(?![\wæøå])")
_NEXT_WORD = re.compile(r"[\wæøå\-]+ ")
# A verdict on a political matter, even without "I think": "kommunestyret tok feil".
_VERDICT = re.compile(
    _words(
        r"tok feil",
        r"tek feil",
        r"gjorde (?:en|ein) (?:stor |alvorlig |alvorleg |kjempe)?(?:feil|tabbe|bommert)",
        r"har (?:sviktet|svikta)",
        r"sviktet",
        r"svikta",
        r"(?:ikke|ikkje) (?:peiling|greie på|peil)",
        r"(?:en|ein) tabbe",
        r"feilgrep",
        r"(?:en|ei|ein) skam",
        r"skandale(?:n)?",
        r"skandaløst?",
        r"(?:en|ein) katastrofe",
        r"elendig(?:e)?",
        r"tåpelig(?:e)?",
        r"tåpeleg(?:e)?",
        r"idiotisk(?:e)?",
        r"urettferdig(?:e)?",
        r"kortsiktig(?:e)?",
        r"uklok(?:t|e)?",
        r"rotet det (?:[a-zæøå]+ )?til",
        r"rota det (?:[a-zæøå]+ )?til",
        r"angre(?:r)? på",
        r"(?:et|eit) (?:svært |veldig |særs |utrolig |utruleg )?"
        r"(?:klokt|godt|dårlig|dårleg|riktig|rett|feil|fornuftig|uklokt|tåpelig|tåpeleg|modig|feigt) "
        r"(?:og (?:klokt|godt|riktig|rett|fornuftig|modig|nødvendig|naudsynt|viktig|framtidsretta|"
        r"fremtidsrettet|dårlig|dårleg|feil|uklokt|feigt|kortsiktig) )?"
        r"(?:vedtak|valg|val|grep|standpunkt)",
        r"(?:en|ein) (?:svært |veldig |særs |utrolig |utruleg )?"
        r"(?:dårlig|dårleg|god|fornuftig|klok|uklok|modig|feig) "
        r"(?:idé|ide|beslutning|avgjørelse|avgjerd|prioritering|jobb|politikk)",
        r"uforståelig(?:e)?",
        r"uforståeleg(?:e)?",
        r"meningsløs(?:t|e)?",
        r"meiningslaus(?:t|e)?",
        r"håpløs(?:t|e)?",
        r"håplaus(?:t|e)?",
        r"forkastelig(?:e)?",
        r"latterlig(?:e)?",
        r"hårreisende",
        r"feil (?:prioritering|beslutning|avgjørelse|avgjerd)",
        r"(?:riktig|rett) (?:beslutning|avgjørelse|avgjerd)",
        r"for (?:høy|høg|lav|låg|stram|dyr)(?:t|e)?",
        r"altfor (?:høy|høg|lav|låg|stram|dyr)(?:t|e)?",
        # more verdicts without a named adjective list: "er dessverre feil", "burde skamme seg",
        # "det hadde vært bedre om", "et steg i riktig retning", "har forhastet seg", "helt fortjent"
        r"(?:er|var) (?:dessverre |nok |rett og slett |jo |faktisk |beklageligvis )+(?:feil|gale|galt|"
        r"riktig|rett)",
        r"(?:burde|bør|kan|skulle) (?:skamme|skjemme) seg",
        r"(?:hadde|ville) (?:ha )?(?:vært|vore) (?:mye |mykje |langt |atskillig )?(?:bedre|betre|klokere|"
        r"klokare|lurere|lurare|smartere|smartare|riktigere|rettare) (?:om|hvis|viss|dersom|å)",
        r"(?:steg|skritt) i (?:riktig|rett|feil|gal) retning",
        r"(?:steg|skritt) (?:bakover|bakk|tilbake|fram|frem|framover|fremover)"
        r"(?! (?:i|til) (?:saka|saken|prosessen))",
        r"(?:forhastet|forhasta) seg",
        r"(?:helt |heilt |vel)?fortjent",
        r"bortkast(?:a|et|ete|ede)",
        r"vanvittig(?:e)?|sprøtt|galskap|uhørt|urimelig(?:e)?|urimeleg(?:e)?|(?:helt|heilt) på jordet",
        # superlatives on a decision: "det dummeste æ har sett", "ikke det klokeste kommunestyret har gjort"
        r"(?:det|den) (?:klokeste|klokaste|dummeste|dummaste|verste|lureste|smarteste|dårligste|dårlegaste|"
        r"teiteste|tåpeligste|tåpelegaste|beste|fornuftigste)(?= (?:[a-zæøå]+ ){0,2}(?:har|hadde|som|eg|æ|"
        r"jeg|"
        r"vi|me|kommunestyret|politikerne|politikarane))",
        rf"{_NEG} (?:er )?verdt (?:det|pengene|pengane|prisen|naturinngrepet|inngrepet)",
        r"(?:et|eit|en|ein) (?:stort |svært |kjempe)?tap for",
        r"(?:bare|berre|bærre|rein|reint|rent|bare bare) (?:tull|tøv|tøys|vås|sløseri|pengesløsing|"
        r"pengesløsering)",
        r"(?:kommer|kjem|komme|kome) på (?:bedre|betre|andre) (?:tanker|tankar)",
        r"(?:burde|bør|skulle) (?:ha )?(?:vært|vore|blitt|vorte) (?:[a-zæøå]+ ){0,2}"
        r"(?:halvert|fjernet|fjerna|stoppet|stoppa|droppet|droppa|avvist|avvikla|avviklet|senket|senka|"
        r"redusert|vedtatt|vedteke|lagt ned|lagd ned|bygd|bygget)",
        r"(?:flere|fleire|folk|alle|mange) (?:burde|bør|må|skulle) (?:protestere|reagere|si fra|seie frå|"
        r"seie ifrå|si ifra|klage|klaga)",
        rf"(?:forstår|skjønner|skjønar|skjøner|skjønne) {_NEG} "
        r"(?:hvorfor|kvifor|korfor|åssen|hvordan|korleis|kossen|koss|kordan)",
        r"(?:bør|burde) (?:bestå|fjernes|fjernast|stoppes|stoppast|droppes|reverseres|snu)",
        r"(?:er|var) (?:helt |heilt )?feil",
        r"(?:er|var) (?:helt |heilt )?riktig",
        r"har rett i",
        r"(?:har|hadde) (?:helt |heilt |jo |nok )?rett(?=\s*[.!,;]|\s*$| om )",
        r"(?:et|eit) (?:hardt |tungt |stort |kraftig )?slag (?:for|mot|i ansiktet)",
        r"(?:sovet|sove|søv|sov|sova) i timen",
        r"(?:prioritert|prioriterer|prioriterte|prioritera) feil",
        r"(?:er|var) (?:et |eit |jo |rett og slett |reint |rent )*ran",
        r"(?:ikke|ikkje|itj|itte) (?:særlig|særleg|spesielt|veldig|så|heilt|helt|akkurat) "
        r"(?:klokt|lurt|smart|gjennomtenkt|fornuftig|godt|bra)",
        r"(?:klokt|lurt|dumt|smart|feigt|modig|uklokt|fornuftig) av (?:politikerne|politikarane|"
        r"kommunestyret|"
        r"ordføreren|ordføraren|flertallet|fleirtalet|dem|dei)",
        rf"{_NEG} (?:skjønner|skjønar|forstår|skjøne|skjønne) (?:hvor|kor|hva|kva|ka|at)",
        r"(?:tok|tek|tatt|teke|kom) (?:[a-zæøå]+ ){0,2}(?:endelig |endeleg )?"
        r"(?:til fornuft|til vitet|til vettet)",
        rf"{_NEG} (?:politikerne|politikarane|politikeran|kommunestyret|ordføreren|ordføraren|"
        r"flertallet|fleirtalet) (?:skjønner|skjønar|forstår|skjønne|skjøner)",
        r"(?:overkjørt|overkøyrt|overkjørte|overkøyrde|overkjører|overkøyrer)",
        r"(?:håndtert|handtert|håndterte|handterte)[\wæøå ]{0,40} (?:dårlig|dårleg|elendig|feil|klokt|godt)",
        r"(?:burde|skulle|bør) (?:aldri|ikke|ikkje) (?:ha )?(?:vedtatt|vedteke|gjort|stemt|sagt ja|"
        r"sagt nei|bygd|"
        r"bygget|kuttet|kutta|lagt ned|lagd ned)",
        r"bortkast(?:a|ede|et|ete)? (?:penger|pengar|penga)",
        r"(?:sløsing|sløseri)",
        r"for (?:mye|mykje)(?= *[.!,]| *$)",
        r"husk (?:hvem|kven|kæm) som",
        r"politisk (?:drevet|driven|driva|styrt)",
        r"(?:skjemmes|skamme seg|skjemmast) over",
        r"(?:et|eit) (?:trist|skuffende|skuffande|gledelig|gledeleg|fantastisk|viktig og riktig|flott) "
        r"(?:og [a-zæøå]+ )?vedtak",
        # "det var på tide at politikerne tok tak", "kommunestyret burde ha lyttet"
        r"på (?:høy |høg )?tide at",
        r"(?:har|hadde) (?:dessverre |tydeligvis |tydelegvis |visst |nok )?(?:ikke|ikkje) "
        r"(?:skjønt|skjøna|forstått|skjønner|skjønar|forstår|tenkt på)",
        r"(?:burde|skulle|bør) (?:ha |heller ha |nok ha )?(?:lyttet|lytta|hørt på|høyrt på|tenkt seg om|"
        r"tenkt seg betre om|tenkt seg bedre om|sagt nei|sagt ja|stemt (?:mot|for|imot|nei|ja))",
        r"(?:vanskelig|vanskeleg|umulig|umogleg|uråd) å forsvare",
        # relief at how the elected bodies voted: "heldigvis stemte flertallet for"
        r"(?:heldigvis|dessverre|beklageligvis|beklagelegvis|endelig|endeleg) "
        r"(?:stemte|vedtok|vedtog|gikk|gjekk|valgte|valde|sa|landet|landa|snudde|falt|fall|bestemte|"
        r"kutta|kuttet|la ned|avviste|avvist)",
        # "det er synd at Senterpartiet stemte ned forslaget", "flott at kommunestyret vedtok hallen";
        # not about the reader ("synd at du måtte vente", "flott at så mange kom")
        r"(?:synd|dumt|trist|leit|beklagelig|beklageleg|flott|bra|godt|fint|gledelig|gledeleg|skuffende|"
        r"skuffande) at(?= (?!(?:du|dere|dykk|de|vi|me|jeg|eg|så mange|mange|folk|alle|fleire|flere)"
        r"(?![\wæøå])))",
    )
)
# What the elected bodies ought to do with a matter is a view on it, whatever the matter: "anlegget
# bør ikke godkjennes av formannskapet", "planen burde aldri vært vedtatt". Only acts of deciding (not
# process words such as "sendes" or "behandles"), and never the reader's own case (_READERS_DECISION).
_NORMATIVE_ACT = re.compile(
    _B + rf"(?:bør|burde) (?:{_NEG} |aldri |heller |absolutt |definitivt |nok |helst )*(?:ha )?"
    r"(?:blitt |bli |vorte |verte |vore |vært )?"
    r"(?:godkjennes|godkjennast|godkjent|vedtas|vedtast|vedtakast|vedtatt|vedteke|innføres|innførast|innført|"
    r"avvises|avvisast|avvist|skrinlegges|skrinleggast|skrinlagt|reverseres|reverserast|reversert|"
    r"omgjøres|omgjerast|omgjort|stemt ned|stemmes ned|stemmast ned|lagt ned|lagd ned|legges ned|"
    r"leggast ned|gjennomføres|gjennomførast|gjennomført|bygges ut|byggast ut)" + _E
)
# Someone else's view, or the citizen's: "hvis du mener ...", "mange mener ...". A verdict in
# such a sentence is reported, not given.
_OTHERS_VIEW = re.compile(
    _words(
        r"(?:hvis|dersom|om|viss) (?:du|dere|de|dykk|nokon|noen)",
        r"(?:du|dere|dykk|mange|noen|nokon|flere|fleire|folk|innbyggerne|innbyggjarane|kommunestyret|"
        r"politikerne|politikarane|ordføreren|ordføraren|partiet|flertallet|fleirtalet|mindretallet|"
        # the chief executive's recommendation is what a reply may point to (Rømskog, Gausdal 11)
        r"kommunedirektøren|kommunedirektør[a-zæøå]+|rådmannen|rådmann[a-zæøå]+|kommunalsjefen|"
        r"statsforvalteren|fylkesmannen|regjeringen|regjeringa|stortinget|fylket|fylkeskommunen|opposisjonen|"
        r"naboene|naboane|foreldrene|foreldra)(?: [\wæøå]+)? "
        r"(?:mener|meiner|synes|syns|synest|tykkjer|tror|trur|har sagt|har uttalt|sa|anbefaler|anbefalte|"
        r"tilrår|tilrådde|innstiller|innstilte|vurderer|konkluderer|konkluderte|"
        # how the reader or others take it: "du opplever vedtaket som urettferdig"
        r"opplever|opplevde|oppfatter|oppfattar|oppfattet|oppfatta|føler|følte|kjenner på)",
        r"synspunkt(?:et|ene|a)? (?:ditt|dine|dykkar|deres)",
    )
)
# Saying there is no view is the opposite of giving one.
_NO_VIEW = re.compile(
    _words(
        r"(?:mener|meiner|synes|syns|synest) (?:ikke|ikkje) noe",
        r"(?:mener|meiner|synes|syns|synest) (?:ikke|ikkje) noko",
        r"(?:kan|skal|bør) (?:ikke|ikkje) (?:mene|meine) noe",
        r"(?:kan|skal|bør) (?:ikke|ikkje) (?:mene|meine) noko",
        r"(?:ikke|ikkje) opp til (?:oss|meg|administrasjonen)",
        r"(?:ikke|ikkje) (?:vår|min|mi|administrasjonens|administrasjonen si) (?:oppgave|oppgåve|jobb|rolle)",
        r"(?:ingen|inga) (?:egen |eiga |eigen |offisiell )?(?:mening|meining)",
        r"(?:tar|ta|tatt|teke|tek) (?:ikke|ikkje) stilling",
    )
)

_SERVICES = (
    r"(?:skolen|skulen|skolene|skulane|barnehagen|barnehagane|barnehagene|sykehjemmet|sjukeheimen|"
    r"biblioteket|"
    r"badet|svømmehallen|symjehallen|legekontoret|fødestua|avdelingen|avdelinga|tilbudet|tilbodet|"
    r"[a-zæøå]+skole|"
    r"[a-zæøå]+skule|[a-zæøå]+barnehage)"
)
# "Jeg synes du skal lese saksframlegget", "vi håper du finner det": advice or a wish for the
# reader, not a view on the matter.
_ABOUT_THE_READER = re.compile(r"\s+(?:at\s+)?(?:du|dere|dykk|alle|mange|folk|noen|nokon)(?![\wæøå])")
_OPINION_VERB_END = re.compile(_OPINION_VERB + "$")
# What is "lagt ned" into something rather than closed: "vi har lagt ned mye arbeid i planen".
_WORK_PUT_IN = r"(?:mye|mykje|masse|arbeid|innsats|tid|en |ein |et |eit |stor|store|mange|noe |noko |ressurs)"
_POLITICAL = re.compile(
    _words(
        r"kommunestyre(?:t|ts|representant(?:en|ene|ar|ane)?)?",
        r"bystyre(?:t|ts)?",
        r"heradsstyre(?:t|ts)?",
        r"formannskap(?:et|ets)?",
        r"ordfører(?:en|ens)?",
        # the county and the state decide political matters too
        r"fylkesting(?:et|ets)?",
        r"stortinget|stortinge|storting(?:ets)?",
        r"regjering(?:en|a|as|ens)",
        r"statsråd(?:en)?",
        r"fylkespolitiker(?:e|ne)?|fylkespolitikar(?:ar|ane)?",
        r"staten",
        r"ordførar(?:en|ens)?",
        r"varaordfører(?:en)?",
        r"varaordførar(?:en)?",
        r"politiker(?:e|ne|nes)?",
        r"politikeran|politikera",
        r"politikar(?:ar|ane|en)?",
        r"folkevalgte",
        r"folkevalde",
        r"hovedutvalg(?:et)?",
        r"hovudutval(?:et)?",
        r"flertall(?:et)?",
        r"fleirtal(?:et)?",
        r"mindretall(?:et)?",
        r"mindretal(?:et)?",
        r"opposisjonen",
        r"velgerne",
        r"veljarane",
        r"valget",
        r"valkampen",
        r"valgkampen",
        r"neste valg",
        r"neste val",
        r"kommunevalget",
        r"kommunevalet",
        r"partiet",
        r"partiene",
        r"partia",
        r"arbeiderpartiet",
        r"arbeidarpartiet",
        r"senterpartiet",
        r"fremskrittspartiet",
        r"framstegspartiet",
        r"sosialistisk venstreparti",
        r"kristelig folkeparti",
        r"miljøpartiet(?: de grønne)?",
        r"pensjonistpartiet",
        r"ap",
        r"sp",
        r"sv",
        r"frp",
        r"krf",
        r"mdg",
        r"eiendomsskatt(?:en)?",
        r"eigedomsskatt(?:en)?",
        r"bompenge[a-zæøå]*",
        r"eiendomsskatte[a-zæøå]+",
        r"eigedomsskatte[a-zæøå]+",
        r"bompengene",
        r"bompengar",
        r"bompengane",
        r"bomring(?:en)?",
        r"kommunesammenslåing(?:en|a)?",
        r"kommunesamanslåing(?:a|en)?",
        r"sammenslåing(?:en|a)?",
        r"[a-zæøå]*(?:sammenslåings|samanslåings)[a-zæøå]+",
        r"samanslåing(?:a|en)?",
        r"skolestruktur(?:en)?",
        r"skulestruktur(?:en)?",
        r"barnehagestruktur(?:en)?",
        r"skolenedleggelse(?:n|r|ne)?",
        r"skulenedlegging(?:a)?",
        r"nedleggelse(?:n)?",
        r"nedlegging(?:a)?",
        r"(?:legge|leggje|legg|la|lagt) ned " + _SERVICES,
        # closing anything is for the elected bodies: "ville asylmottaket aldri blitt lagt ned", "la ned
        # kaien" (not the work put into something: "vi har lagt ned mye arbeid i planen")
        r"(?:blitt|bli|blir|ble|blei|vart|vert|vorte|verte|er|var|skal|skulle|ska|å) (?:[a-zæøå]+ )?"
        r"(?:lagt|lagd|legges|leggast|leggjast) ned(?! " + _WORK_PUT_IN + ")",
        r"(?:legge|leggje|la) ned (?!" + _WORK_PUT_IN + r")[a-zæøå]+(?:en|et|a|ene|ane)",
        r"nedlagt|nedlagd|nedlagde|nedlagte",
        # voting something down
        r"(?:stemt|stemte|stemde|stemme|stemmer|stemmes|røysta|røystet|røyste|røystar) ned",
        r"nedstemt|nedstemd|nedrøysta",
        r"sentralisering(?:en|a)?",
        r"desentralisering(?:en|a)?",
        # whether a school or a nursing home stays is for the elected bodies
        _SERVICES
        + r" (?:[\wæøå]+ ){0,4}(?:bestå|består|beholdes|behaldast|bevares|bevarast|reddes|reddast|overleve)",
        r"(?:beholde|behalde|bevare|redde|berge) " + _SERVICES,
        _SERVICES + r" (?:fikk|fekk|får|skulle få|skal få) (?:bli|bestå|stå|halde fram|fortsette|fortsetje)",
        _SERVICES + r" (?:ble|blei|vart|er|var|har blitt|har vorte|blir|vert) (?:reddet|redda|bevart|bevara|"
        r"berga|berget|lagt ned|lagd ned)",
        _SERVICES + r" (?:[\wæøå]+ ){0,5}(?:legges|leggast|leggjast|blir lagt|vert lagt|bli lagt|verte lagt|"
        r"verta lagt|blir lagd|vert lagd|bli lagd|verte lagd|blitt lagt|vorte lagd|vorte lagt) ned",
        # where a new school or nursing home goes: "sykehjemmet burde ligge i sentrum"
        r"[a-zæøå]*(?:hall|hallen|kulturhus|kulturhuset|skole|skolen|skule|skulen|sykehjem|sykehjemmet|"
        r"sjukeheim|sjukeheimen|barnehage|barnehagen|bibliotek|biblioteket|basseng|bassenget|rådhus|"
        r"rådhuset) "
        r"(?:[\wæøå]+ ){0,2}(?:burde|bør|må|skulle|skal) (?:heller )?(?:ha )?(?:ligge|liggje|ligga|"
        r"ligget|lege|"
        r"legat|plasseres|"
        r"plasserast|"
        r"flyttes|flyttast|byggjast|bygges|byggast)",
        # licences and plans the council decides on
        r"vindkraft[a-zæøå]*",
        r"vindpark(?:en)?",
        r"vindturbin(?:ane|ene|er|ar)?",
        r"oppdrettsanlegg(?:et)?",
        r"havbruksanlegg(?:et)?",
        r"gruvedrift(?:a|en)?",
        r"konsesjon(?:en|ssøknaden)?",
        r"budsjett(?:et|forslag|forslaget|endring|endringen|endringa|kutt|kutta|kuttene)?",
        r"[a-zæøå]+budsjett(?:et)?",
        r"økonomiplan(?:en)?",
        r"kommuneplan(?:en)?",
        r"reguleringsplan(?:en)?",
        r"politisk(?:e)? (?:vedtak|sak|saker|flertall|fleirtal|ledelse|leiing|drevet|driven|styrt)",
        r"politikk(?:en)?",
        r"bomstasjon(?:en|ene|ane)?",
        r"vindmølle(?:ne|parken|ene|r)?|vindmøller",
        r"(?:skole|skule)nedlegg[a-zæøå]*",
        r"[a-zæøå]+plass(?:ene|ane|er|ar)? (?:kuttes|kuttast|blir kuttet|vert kutta|blir kutta)",
        r"bompengan|bompenga",
        # cuts and decisions about something: "kutt i skolehelsetjenesten", "vedtaket om ny trasé"
        r"(?:kutt|kutta|kuttet|kuttene) i",
        r"vedtak(?:et)? om(?! (?:deg|dykk|dere))",
        # a decision to do something, the elected bodies deciding or voting
        r"vedtak(?:et)? om å",
        r"(?:ble|vart|blei|er|var|blitt|vorte) (?:vedtatt|vedteke)",
        r"vedtok|vedtog",
        r"(?:stemmer|stemme|stemte|røystar|røyster|røyste|røysta) (?:for|mot|imot)",
        r"(?:det |den )?nye (?:kulturhuset|hallen|rådhuset|sykehjemmet|sjukeheimen|bassenget|svømmehallen|"
        r"symjehallen)",
        r"omorganisering(?:en|a)?",
        # building a hall, a school or a nursing home is for the elected bodies too
        r"(?:bygge|byggje|bygd|bygget|bygging av|bygginga av|blitt bygd|blitt bygget|vorte bygd) "
        r"(?:(?:en|ein|ei|et|eit|ny|nytt|nye|den|det) ){0,2}"
        r"[a-zæøå]*(?:hall|hallen|kulturhus|kulturhuset|skole|skolen|skule|skulen|sykehjem|sykehjemmet|"
        r"sjukeheim|sjukeheimen|bibliotek|biblioteket|basseng|bassenget|stadion|rådhus|rådhuset)",
        r"[a-zæøå]*(?:hall|kulturhus|skole|skule|sykehjem|sjukeheim|basseng|rådhus)(?:en|et|met)? "
        r"(?:[\wæøå]+ ){0,2}(?:bygges|byggast|bygd|bygget|blir bygd|vert bygd|bygde|plasseres|plasserast)",
        # merging with a neighbour is for the elected bodies
        r"(?:slå|slår|slo|slått|slåast|slås) (?:seg )?(?:sammen|saman) med",
        # ranking one investment before another is the budget's question
        r"(?:prioritert|prioritere|prioriterast|prioriteres|prioriterer) [\wæøå]+ (?:foran|framfor|fremfor)",
        r"(?:prioritert|prioriterast|prioriteres) (?:foran|framfor|fremfor)",
    )
)
# Parties whose names are also ordinary words count when written with a capital inside a sentence.
_PARTY_CAPITALISED = re.compile(r"(?<=[\wæøå,] )(?:Høyre|Venstre|Rødt)(?![\wæøå])")
# A meeting, a paper or a question *about* a political matter is not the matter: "folkemøtet
# om skolestrukturen burde vært annonsert tidligere" is about the administration's notice.
_ABOUT = re.compile(
    _B
    + r"(?:folkemøte|folkemøtet|møte|møtet|informasjon|informasjonen|orientering|orienteringa|orienteringen|"
    r"sakspapir|sakspapira|sakspapirene|dokument|dokumenta|dokumentene|spørsmål|spørsmålet|kunngjøring|"
    r"kunngjeringa|kunngjøringen|annonse|annonsen|høring|høringa|høringen|høyring|høyringa|møtedato|"
    r"møtedatoen|møteplan|møteplanen|sakskart|sakskartet|innkalling|innkallinga|innkallingen|saksframlegg|"
    r"saksframlegget) "
    r"(?:om|i|frå|fra|til|for) $"
)
_FRIENDLY_TO_PEOPLE = re.compile(
    _words(
        r"(?:flott|fint|bra|kjekt|gøy|moro|herlig|hyggelig|hyggeleg|gledelig|gledeleg) at "
        r"(?:du|dere|dykk|så mange|mange|folk|fleire|flere|alle)"
    )
)


# --- the shape of a view, whatever its words ---------------------------------------------------
# (issue 12: the phrase lists above learnt their dev sets' wording and found 0.22 of the own opinions
# in a newer held-out set.) Four shapes that make a sentence about a political matter the writer's view,
# each with an open lexicon of its kind rather than the wording of a set:
# - an evaluative adjective on a decision, before it or as its predicate ("et tungt, men riktig valg",
#   "nedlegginga er rett og slett gal");
# - a stance adverb or an evaluative news label beside what the elected bodies did ("formannskapet gikk
#   heldigvis inn for", "Gode nyheter: bystyret har vedtatt ...");
# - a feeling about what happened (in _ATTITUDE: "vi er letta over at ...");
# - a tag claiming the words ("På tide, sier vi!").
# A neutral report ("kommunestyret vedtok ...", "flertallet stemte for ...") has none of them.

# Judging adjectives (bokmål, nynorsk, dialect; positive and negative, with their forms). Not those that
# only describe ("vanskelig", "viktig", "nødvendig", "stor"), which a neutral report uses too.
_EVALUATIVE = (
    r"(?:klok|klokt|kloke|klokere|klokare|klokeste|klokaste|uklok|uklokt|ukloke|lur|lurt|lure|lurere|lurare|"
    r"lureste|luraste|smart|smarte|smartere|smartare|smarteste|smartaste|fornuftig|fornuftige|fornuftigere|"
    r"fornuftigare|fornuftigste|fornuftigaste|ufornuftig|ufornuftige|riktig|riktige|riktigere|riktigare|"
    r"riktigste|riktigaste|rett|rette|god|godt|gode|bra|flott|flotte|dum|dumt|dumme|dummere|dummare|"
    r"dummeste|dummaste|teit|teite|teiteste|dårlig|dårlige|dårligere|dårligste|dårleg|dårlege|dårlegare|"
    r"dårlegaste|gal|galt|gale|urettferdig|urettferdige|rettferdig|rettferdige|tåpelig|tåpelige|tåpeligste|"
    r"tåpeleg|tåpelege|tåpelegaste|idiotisk|idiotiske|kortsiktig|kortsiktige|feig|feigt|feige|modig|modige|"
    r"modigste|modigaste|skuffende|skuffande|gledelig|gledelige|gledeleg|gledelege|elendig|elendige|håpløs|"
    r"håpløst|håpløse|håplaus|håplaust|håplause|katastrofal|katastrofalt|katastrofale|skammelig|skammelige|"
    r"skammeleg|skammelege|uforståelig|uforståelige|uforståeleg|uforståelege|forhastet|forhastede|forhasta|"
    r"uheldig|uheldige|hårreisende|meningsløs|meningsløst|meningsløse|meiningslaus|meiningslaust|"
    r"meiningslause|framtidsrettet|framtidsrettede|fremtidsrettet|fremtidsrettede|framtidsretta|beste|verste|"
    r"vettug|vettugt|vettuge|vettlaus|vettlaust|vettlause|tankeløs|tankeløst|tankeløse|tankelaus|tankelaust|"
    r"tankelause|velbegrunnet|velbegrunna|sprø|sprøtt|gjennomtenkt|gjennomtenkte|trist|triste|fantastisk|"
    r"fantastiske|genial|genialt|geniale|horribel|horribelt|horrible|skandaløs|skandaløst|skandaløse|"
    r"usosial|usosialt|usosiale|urimelig|urimelige|urimeleg|urimelege|uansvarlig|uansvarlige|uansvarleg|"
    r"uansvarlege|ulogisk|ulogiske|naiv|naivt|naive|kynisk|kyniske|usmakelig|usmakeleg|bortkasta|bortkastet)"
)
# A judging word that asks no clause after it: "feil" judges as a predicate ("vedtaket er feil"), but
# before a noun it says "the wrong one" ("du fikk feil vedtak i posten").
_EVALUATIVE_PREDICATE = r"(?:" + _EVALUATIVE + r"|feil)"
# What is decided and what a decision makes: the decision itself, a choice, a priority, a closing.
_DECISION_NOUN = (
    r"(?:vedtak|vedtaket|vedtaka|vedtakene|beslutning|beslutningen|beslutninga|avgjørelse|avgjørelsen|"
    r"avgjerd|avgjerda|valg|valget|val|valet|prioritering|prioriteringen|prioriteringa|standpunkt|"
    r"standpunktet|[a-zæøå]*politikk|[a-zæøå]*politikken|nedleggelse|nedleggelsen|nedlegging|nedlegginga|sammenslåing|"
    r"sammenslåingen|sammenslåinga|samanslåing|samanslåinga)"
)
# Before the decision: "et tungt, men helt riktig valg", "det lureste vedtaket", "ei klok avgjerd"; not
# advice to the reader ("det beste valget for deg er å søke digitalt").
_EVALUATED_DECISION = re.compile(
    _B
    + _EVALUATIVE
    + r" (?:politiske |politiska )?"
    + _DECISION_NOUN
    + _E
    + r"(?! (?:for (?:deg|dykk|dere|dæ)|"
    r"(?:er|vil være|vil vere|blir|hadde vært|ville vært)(?: [a-zæøå]+)? å))"
)
# The elected bodies judged: "de modige politikerne", "eit feigt fleirtal".
_EVALUATED_ACTOR = re.compile(
    _B
    + _EVALUATIVE
    + r" (?:politikere|politikerne|politikarar|politikarane|flertall|flertallet|fleirtal|fleirtalet|"
    r"kommunestyre|kommunestyret|bystyret|heradsstyret|formannskapet|ordfører|ordføreren|ordførar|ordføraren|"
    r"parti|partiet|partier|partiene|parti|partia|opposisjonen|posisjonen)" + _E
)
# A proposal judged as the predicate ("statens forslag er feil for vår kommune"); not the reader's
# own suggestion ("forslaget ditt er kjempebra"): see _decision_judged.
_PROPOSAL_WORD = re.compile(_words(r"[a-zæøå]*forslag(?:et|a|ene)?|[a-zæøå]*framlegg(?:et|a)?"))
# A choice is good or bad news in an election too ("takk for et godt valg, valdeltakinga var 70 %"):
# a choice is judged only by whether it was right or wise.
_CHOICE_NOT_JUDGED = re.compile(
    r"(?:god|godt|gode|bra|flott|flotte|trist|triste|gledelig|gledelige|gledeleg|gledelege|fantastisk|"
    r"fantastiske|skuffende|skuffande) (?:valg|valget|val|valet)"
)
# As the predicate of its clause: "vedtaket var klokt", "nedlegginga er rett og slett gal", "det ville
# vore eit dårleg val". The clause before the copula holds the decision or the political matter.
_COPULA_VERDICT = re.compile(
    _B
    + r"(?:er|var|e|va|blir|ble|blei|vart|vert|(?:ville|hadde|vil) (?:ha )?(?:vært|vore|være|vere))"
    + r"(?: (?:helt|heilt|svært|veldig|særs|ganske|rett og slett|dessverre|nok|jo|faktisk|utrolig|utruleg|"
    r"altfor|alt for|ikke|ikkje|itj|itte|så|like|mer|meir|mest|aldeles|direkte|fullstendig|totalt|"
    r"simpelthen|rett|reint|rent|kanskje|vel|etter vår mening|etter mi meining))*"
    + r" (?:(?:et|eit|en|ein|ei) )?(?:(?:svært|veldig|særs|utrolig|utruleg) )?"
    + _EVALUATIVE_PREDICATE
    + r"(?=\s*(?:[.!,;:…)]|$)| (?:og|men|for|mot|av|både|i lengden|på sikt)(?![\wæøå]))"
)
_DECISION_WORD = re.compile(_B + _DECISION_NOUN + _E)
# Whether a decision is right is asked, not answered, after these: "kommunestyret avgjør om vedtaket
# er riktig", "hvis vedtaket er feil, kan du klage". "Riktig at" states a fact ("det er riktig at
# formannskapet behandlet saken i mars").
_ASKED = re.compile(
    _words(
        r"hvis|dersom|viss|hvorvidt",
        r"(?:avgjør|avgjer|avgjøre|avgjere|vurderer|vurdere|vurdert|bestemmer|bestemme|spør|spørsmålet|"
        r"lurer på|lurar på|usikker på|usikre på|se på|sjå på|finne ut|avklare|avklart|prøve|prøver) om",
    )
)


# A clause is read back this far at most (a longer stretch without a comma is no one clause), so that a
# long text with many verdicts costs in proportion to its length.
MAX_CLAUSE = 160


def _clause_start(sentence: str, end: int) -> int:
    """Where the clause ending at `end` starts: after the last comma, semicolon or colon before it."""
    floor = max(0, end - MAX_CLAUSE)
    return max(sentence.rfind(c, floor, end) for c in ",;:") + 1 or floor


def _asked(sentence: str, start: int, end: int) -> bool:
    """Whether the clause from `start` to `end` asks or supposes rather than states: "hvis ...", "avgjør om
    ...", or "om" first in the clause ("Om vedtaket er riktig, får ..."; not "vedtaket om skolen er ...")."""
    return bool(_ASKED.search(sentence, start, end)) or sentence[start:end].lstrip().startswith("om ")


_SECOND_PERSON = re.compile(_words(r"du|dere|dykk|deg|dæ|dokker|dokk"))


def _decision_judged(doc: Document, start: int, end: int, political: bool) -> bool:
    """An evaluative adjective on a decision or a political matter, before it or as its predicate."""
    sentence = doc.lower[start:end]
    if (
        _OTHERS_VIEW.search(sentence)
        or _NO_VIEW.search(sentence)
        or _READERS_DECISION.search(sentence)
        or _FRIENDLY_TO_PEOPLE.search(sentence)
        # the reader's own choice: "du tok et klokt valg da du søkte tidlig"
        or (not political and _SECOND_PERSON.search(sentence))
    ):
        return False
    for m in _EVALUATED_DECISION.finditer(sentence):
        if not _CHOICE_NOT_JUDGED.fullmatch(m.group()):
            return True
    if _EVALUATED_ACTOR.search(sentence):
        return True
    for m in _COPULA_VERDICT.finditer(sentence):
        clause_start = _clause_start(sentence, m.start())
        clause = sentence[clause_start : m.start()]
        if _asked(sentence, clause_start, m.start()):
            continue
        if _DECISION_WORD.search(clause) or _political(doc, start + clause_start, start + m.start()):
            return True
        if _PROPOSAL_WORD.search(clause) and not _SECOND_PERSON.search(sentence):
            return True
    return False


# A stance adverb judges what the elected bodies did: "formannskapet gikk heldigvis inn for ...",
# "bystyret har dessverre valgt å kutte", "Endelig sa kommunestyret ja". Not our own or the reader's
# circumstances ("vi har dessverre ikke mulighet til å endre vedtaket", "du kan dessverre ikke klage").
_STANCE_ADVERB = re.compile(
    _words(
        r"heldigvis|dessverre|beklageligvis|beklagelegvis|gledeligvis|gledelegvis|trist nok|sørgelig nok|"
        r"sørgeleg nok|takk og lov|til alt hell|merkelig nok|merkeleg nok|utrolig nok|utruleg nok|"
        r"hurra|jippi|jippii"
    )
    # "endelig" first in the sentence ("Endelig tok kommunestyret ..."), not the final decision
    # ("saken ble endelig vedtatt")
    + r"|^\s*(?:endelig|endeleg|omsider)(?![\wæøå])"
)
_OUR_CIRCUMSTANCE = re.compile(
    _B + r"(?:vi|me|jeg|eg|æ|du|dere|dykk|kommunen|administrasjonen) (?:[a-zæøå]+ )?$"
)
# What the elected bodies do with a matter.
_DECISION_EVENT = re.compile(
    _words(
        r"vedtok|vedtog|vedtatt|vedteke|vedtas|vedtakast|vedtatte",
        r"(?:sa|sagt|sier|seier|seie|si) (?:[a-zæøå]+ )?(?:ja|nei)",
        r"stemte|stemt|stemde|røysta|røystet|røyste",
        r"(?:gikk|gått|gjekk) (?:[a-zæøå]+ )?inn for",
        r"(?:landet|landa|lande) (?:[a-zæøå]+ )?på",
        r"valgte|valgt|valde|vald",
        r"avviste|avvist|godkjente|godkjent|vraket|vraka|skrinla|skrinlagt|skrinlagde",
        r"snudde|snudd|kuttet|kutta|innførte|innførde|innført|prioriterte|prioritert|bestemte|bestemt",
        r"(?:lagt|lagd|la|legges|leggast|leggjast) (?:[a-zæøå]+ )?ned|nedlagt|nedlagd",
    )
)
# A news label that judges the news: "Gode nyheter: bystyret har vedtatt ...", "Trist melding i dag".
_NEWS_LABEL = re.compile(
    _words(
        r"(?:gledelig|gledeleg|godt|gode|trist|triste|skuffende|skuffande|flott|flotte|fantastisk|"
        r"fantastiske|herlig|herlige|herlege|kjempegode|kjempegodt|strålende|strålande|dårlig|dårlege|"
        r"dårlige|tunge|tungt) (?:nytt|nyhet|nyheter|nyheita|nyheit|nyheiter|nyheten|melding|meldinger|"
        r"meldingar|beskjed|dag for)"
    )
)
# A tag claiming the words just said: "På tide, sier vi!", "Klokt, seier me."
_SPEECH_TAG = re.compile(r"(?<=[,!?] )(?:sier|seier|seie|sei) (?:vi|me|jeg|eg|æ|je)(?=\s*[.!…]|\s*$)")


def _stance_on_decision(sentence: str) -> bool:
    """A stance adverb or an evaluative news label in a sentence where the elected bodies decide."""
    if _OTHERS_VIEW.search(sentence) or _NO_VIEW.search(sentence) or _READERS_DECISION.search(sentence):
        return False
    if not _DECISION_EVENT.search(sentence):
        return False
    if _NEWS_LABEL.search(sentence):
        return True
    return any(
        not _OUR_CIRCUMSTANCE.search(sentence, max(0, m.start() - 40), m.start())
        for m in _STANCE_ADVERB.finditer(sentence)
    )


def _political(doc: Document, start: int, end: int) -> bool:
    low = doc.lower
    for m in _POLITICAL.finditer(low, start, end):
        if not _ABOUT.search(low[max(start, m.start() - 40) : m.start()]):
            return True
    return bool(_PARTY_CAPITALISED.search(doc.text, start, end))


def _own_opinion(doc: Document, start: int, end: int) -> bool:
    sentence = doc.lower[start:end]
    if _POLITICAL_OPINION.search(sentence) and not _NO_VIEW.search(sentence):
        return True
    if (
        _NORMATIVE_ACT.search(sentence)
        and not _READERS_DECISION.search(sentence)
        and not _OTHERS_VIEW.search(sentence)
        and not _NO_VIEW.search(sentence)
    ):
        return True
    political = _political(doc, start, end)
    if _decision_judged(doc, start, end, political) or (political and _stance_on_decision(sentence)):
        return True
    if not political:
        # a verdict on a decision stands on its own ("det var eit dårleg vedtak"); not on the
        # reader's own decision ("vedtaket ditt er riktig"), and not someone else's verdict
        return bool(
            _DECISION.search(sentence)
            and not _READERS_DECISION.search(sentence)
            and not _OTHERS_VIEW.search(sentence)
            and not _NO_VIEW.search(sentence)
            and not _FRIENDLY_TO_PEOPLE.search(sentence)
            and any(_DECISION_VERDICT.fullmatch(v.group()) for v in _VERDICT.finditer(sentence))
        )
    return _own_opinion_on_the_matter(doc, sentence)


# The reader's own decision: "vedtaket ditt", "ditt vedtak", "vedtaket om bostøtte til deg".
_READERS_DECISION = re.compile(
    _words(r"(?:vedtaket|vedtaka|beslutningen|avgjørelsen|avgjerda) (?:ditt|din|di|dykkar|deres)")
    + "|"
    + _words(r"(?:ditt|din|di|dykkar|deres) (?:vedtak|beslutning|avgjørelse|avgjerd)")
    + r"|(?:til|for) (?:deg|dykk|dere)(?![\wæøå])"
)
# Verdicts that judge a decision, not a person or a service ("tok feil" judges whoever took it).
_DECISION_VERDICT = re.compile(r"(?!tok feil|tek feil|har rett i|angre|husk|på (?:høy |høg )?tide)[\s\S]*")


def _own_opinion_on_the_matter(doc: Document, sentence: str) -> bool:
    if _FRIENDLY_TO_PEOPLE.search(sentence):
        return False
    # An opinion followed by "... ikke mene noe" is taken back; found once, not per opinion.
    no_view = [m.start() for m in _NO_VIEW.finditer(sentence)]
    last_no_view = no_view[-1] if no_view else -1
    # "det er ikkje min plass å meine noko, men fleirtalet har gløymt ...": the disclaimer is taken back
    if no_view and _TAKEN_BACK.search(sentence, last_no_view):
        no_view = []
    confirmed = False  # "du har rett i at ..." confirmed a fact
    for m in _OPINION.finditer(sentence):
        if m.start() <= last_no_view:
            continue
        if _OPINION_VERB_END.search(m.group()) and _ABOUT_THE_READER.match(sentence, m.end()):
            continue
        # a feeling about the reader or a crowd: "vi er lei oss for at du ...", "glade for at så mange kom"
        if m.group().endswith(" at") and _ABOUT_PEOPLE.match(sentence, m.end()):
            continue
        if sentence.startswith(" å ", m.end()):
            continue
        if _WISH_END.search(m.group()) and _ABOUT_US_OR_READER.match(sentence, m.end()):
            continue
        # "du har rett i at kommunestyret vedtok det i mai" confirms a fact; agreeing with a
        # verdict ("du har rett i at skatten er for høy") is a view
        if (
            m.group().endswith("rett")
            and _RIGHT_ABOUT.match(sentence, m.end())
            and not _VERDICT.search(sentence, m.end())
        ):
            confirmed = True
            continue
        return True
    if _for_or_against(sentence):
        return True
    if _OTHERS_VIEW.search(sentence) or no_view:
        return False
    if _SPEECH_TAG.search(sentence):
        return True
    if not any(
        not (confirmed and v.group() == "har rett i") and not _verdict_asked_or_a_fact(sentence, v)
        for v in _VERDICT.finditer(sentence)
    ):
        return False
    # A verdict stands on its own ("det var et elendig vedtak av kommunestyret"), and makes a
    # guess an opinion ("jeg tror kommunestyret kommer til å angre").
    return True


_THAT = re.compile(r" (?:at|når)(?![\wæøå])")
_TRUE_OR_FALSE_END = re.compile(r"(?:riktig|rett|feil|galt|gale)$")
# A disclaimer taken back: "..., men", "likevel", "uoffisielt".
_TAKEN_BACK = re.compile(_words(r"men|likevel|likevel:|allikevel|uoffisielt|privat|derimot"))
# Whom a feeling is about: the reader or a crowd ("glade for at så mange kom på folkemøtet").
_ABOUT_PEOPLE = re.compile(
    r"\s+(?:du|dere|dykk|de|dei|alle|mange|så mange|folk|noen|nokon|fleire|flere|så fleire|så flere|"
    r"innbyggerne|innbyggjarane)(?![\wæøå])"
)


def _verdict_asked_or_a_fact(sentence: str, verdict: re.Match[str]) -> bool:
    """A "riktig"/"feil" that states a fact ("det er riktig at formannskapet behandlet saken") or answers
    a question someone else decides ("kommunestyret avgjør om vedtaket er riktig")."""
    if _THAT.match(sentence, verdict.end()) and _TRUE_OR_FALSE_END.search(verdict.group()):
        return True
    return _asked(sentence, _clause_start(sentence, verdict.start()), verdict.start())


def _for_or_against(sentence: str) -> bool:
    # The matter follows the preposition directly or after a word or two ("for økt eiendomsskatt").
    for m in _FOR_AGAINST.finditer(sentence):
        pos = m.end()
        for _ in range(3):
            if _POLITICAL.match(sentence, pos):
                return True
            word = _NEXT_WORD.match(sentence, pos)
            if word is None:
                break
            pos = word.end()
    return False


# --- irony ----------------------------------------------------------------------------------

# Eye-roll, upside-down face, smirk, unamused face, face-palm. A wink is humour more often than
# not ("vi ses på torget! 😉") and is not reported; a put-down beside it is ("litt lesing hadde
# ikke skadet 😉").
_IRONY_EMOJI = re.compile("[\U0001f644\U0001f643\U0001f60f\U0001f612\U0001f926]")
_S = r"[^.!?\n]"  # inside one sentence
_IRONY = re.compile(
    "|".join(
        (
            # "ja, for det er jo så vanskelig ...", "sjølvsagt, for det er jo kommunen som styrer vêret"
            _B
            + r"(?:ja|jada|ja da|javisst|sjølvsagt|selvsagt|selvfølgelig|klart)(?:, ?| )"
            + rf"for {_S}{{0,60}}?\bjo\b",
            _words(
                # the citizen could not be bothered
                r"(?:hvis|om|dersom|viss) du (?:bare |berre )?hadde "
                r"(?:giddet|gidde|gidda|gadd|brydd deg om å|brydd deg med å|tatt deg tid til å|"
                r"teke deg tid til å|lest|lese|sjekket|sjekka|åpnet|opna|fulgt med|følgt med)",
                r"(?:hadde|har|ikke|ikkje|aldri) (?:giddet|gidda|gidde|gadd)",
                r"(?:gider|gidd|gidde) du",
                r"i (?:stedet|staden) for å (?:lese|sjekke)",
                r"før du (?:skriver her|skriv her|kommenterer|kritiserer|kritiserar|syter)",
                rf"(?:lese|les|lest|sjekke|sjekk|sjekka|sjekket){_S}{{0,60}}før du (?:klager|klagar)",
                r"litt (?:mer |meir )?(?:lesing|lesning|omtanke|høflighet|tålmodighet|folkeskikk) hadde "
                r"(?:ikke|ikkje) (?:skadet|skada)",
                r"(?:ikke|ikkje) (?:din|di) sterkeste side",
                r"(?:ikke|ikkje) (?:din|di) sterkaste side",
                r"(?:har|hadde) (?:ikke|ikkje) lært deg",
                r"(?:ikke|ikkje) (?:har|hadde) lært deg",
                # exaggerated service and the writer's sighs
                r"(?:vi|me) har jo (?:ikke|ikkje) (?:annet|anna|noe anna|noe annet|noko anna) å gjøre",
                r"(?:vi|me) har jo (?:ikke|ikkje) (?:annet|anna|noe annet|noko anna) å gjere",
                r"du er jo så (?:viktig|klok|smart|lur|opplyst|spesiell)",
                r"du (?:vet|veit) jo (?:alt|best|bedre|betre)",
                r"du (?:vet|veit) (?:sikkert |jo |nok )?(?:bedre|betre) enn",
                r"du er sikkert (?:ekspert|eksperten|ein ekspert|en ekspert|fagperson|flinkere|flinkare)",
                r"(?:skal|kan) (?:vi|me) (?:bare|berre) trylle",
                r"(?:bare|berre) trylle (?:fram|frem)",
                r"(?:hele|heile) (?:[\wæøå]+ ){1,2}(?:for deg|fordi du)",
                r"for (?:n-te|nte|ørtende|tiende|tiande|hundrede|hundrade|tusende|femtende|femtande|tjuende|"
                r"tjuande) (?:gang|gong)",
                # the reader's many messages counted and looked forward to: "takk for den sjuande
                # e-posten din", "vi gleder oss alltid til den neste"
                r"(?:femte|sjette|sjuende|sjuande|syvende|åttende|åttande|niende|niande|tiende|tiande|"
                r"ørtende) "
                r"(?:e-posten|eposten|mailen|meldingen|meldinga|klagen|klaga|henvendelsen|kommentaren) "
                r"(?:din|di|dykkar|deres)",
                r"(?:gleder|gler|glør) (?:oss|meg) (?:alltid|allerede|allereie|alt) til (?:den|det) neste"
                r"(?=\s*[.!]|\s*$|\s*[\U0001f600-\U0001f64f])",
                r"for (?:tredje|fjerde|femte) gang i dag",
                r"(?:tredje|fjerde|femte|sjette|tiende|ørtende) (?:gang|gong|gongen|gangen) "
                r"(?:vi|me|jeg|eg) (?:svarer|svarar|forklarer|forklarar|skriver|skriv|gjentar|gjentek)",
                # "ja, vi har sjølvsagt ikkje anna å gjere enn ...": exaggerated service
                r"(?:vi|me) har (?:jo |sjølvsagt |selvsagt |selvfølgelig )+"
                r"(?:ikke |ikkje )?(?:noe |noko )?(?:ingenting |inkje |ikkje )?"
                r"(?:annet|anna) å (?:gjøre|gjere)",
                r"du er jo (?:den |vår |vår aller |den aller )?"
                r"(?:viktigste|eneste|einaste|største|aller viktigste)",
                r"stakkars (?:deg|dykk|dere),? som",
                r"så (?:grundig|nøye|nøyaktig|godt) at du (?:ikke|ikkje)",
                r"(?:uten|utan) å (?:forstå|skjønne|skjøne|skjønna|fatte|få med deg) "
                r"(?:et|eit|ett|noe|noko|noen|nokon|ein|en) (?:ord|ting|døyt|dugg|grann|grann av det)",
                r"(?:imponerende|imponerande|utrolig|utruleg|beundringsverdig) at du "
                r"(?:klarte|greidde|klarer|greier|har klart|har greidd)",
                r"(?:har|har nå|har no) (?:funnet|funne) (?:fram|frem|veien|vegen) "
                r"(?:til|hit)(?: [\wæøå]+){0,2} (?:igjen|att|enda en gang|ein gong til)",
                r"(?:krever|krev|forutsetter|føreset) (?:vel|jo|nok|riktignok) at (?:man|ein|en|du) "
                r"(?:leser|les|kan lese|faktisk leser|faktisk les)",
                r"står (?:der |jo |her )(?:med|i) (?:store|feite|tydelige|tydelege) bokstaver",
                r"som (?:vi|me|jeg|eg) (?:har|hadde) "
                r"(?:skrevet|skrive|skrivi|sagt|forklart|svart|nevnt|nemnt) "
                r"(?:[\wæøå]+ ){0,2}(?:ganger|gonger|gongar)",
                r"(?:en|én|ein|éin) gang til, sakte",
                r"(?:ein|éin) gong til, sakte",
                r"den (?:samme|same) (?:klagen|klaga|kommentaren|spørsmålet) for",
                r"aldri (?:hørt|høyrt) (?:den |det |noe sånt |noko slikt )?før",
                # put-downs
                r"med respekt å melde",
                r"(?:mens|medan) (?:vi|me) andre (?:jobber|jobbar|arbeider|arbeidar|må jobbe|må jobba)",
                r"(?:noen|nokon) av oss (?:jobber|jobbar|må jobbe|har en jobb|har ein jobb)",
                r"men (?:nei da|neida|nei, da)",
                r"(?:om|hvis|dersom|viss) du (?:bare |berre )?"
                r"(?:prøver|prøvar|anstrenger deg|anstrengjer deg) "
                r"(?:litt|litt mer|litt meir|litt hardere|litt hardare)",
                r"at du (?:endelig|endeleg) (?:har )?(?:fant|fann|har funnet|har funne|skjønte|skjønar|"
                r"forsto|forstod|"
                r"oppdaget|oppdaga|lærte|lærde)",
                # ... or got there in the end: "hyggelig at du fant fram til nettsiden vår til slutt"
                r"at du (?:fant|fann|har funnet|har funne|skjønte|skjøna|forsto|forstod|oppdaget|oppdaga|"
                r"klarte|greidde) (?:[\wæøå]+ ){0,6}(?:til slutt|omsider|etter kvart|etter hvert)",
                # mock praise of the reader's time or cleverness
                r"(?:fantastisk|flott|imponerende|imponerande|utrolig|utruleg|herlig|herleg|hyggelig|"
                r"hyggeleg|"
                r"kjekt|godt|fint|misunnelsesverdig) at (?:du|dere|dykk) (?:har|hadde) (?:så |"
                r"så god |så mye |"
                r"så mykje )?(?:mye|mykje|god|all verdens|masse) tid",
                r"(?:like|så) (?:flink|flinke|klok|kloke|smart|smarte|skarp|skarpe|lur|lure|oppegående) som "
                r"(?:deg|dykk|dere)",
                r"(?:lærer|lærar) oss å (?:lese|skrive|regne|gjøre|gjere|telje|telle)",
                r"(?:ikke|ikkje) (?:akkurat )?rakettforskning",
                r"rakettforsking",
                r"selv (?:en|et) (?:femåring|fem-åring|barn|unge|barnehagebarn|treåring)",
                r"sjølv (?:ein|eit) (?:femåring|barn|unge|barnehagebarn|treåring)",
                r"som (?:enhver|einkvar|alle) (?:med|som) (?:lesekyndighet|kan lese|evne til å lese|vett)",
                r"lesekyndig(?:het|e)?",
                r"velkommen til (?:voksenlivet|vaksenlivet|virkeligheten|verkelegheita|den virkelige verden)",
                r"virkeligheten (?:ikke|ikkje) passer deg",
                r"verkelegheita (?:ikke|ikkje) passar deg",
                r"ingenting med (?:virkeligheten|verkelegheita) å gjøre",
                r"ingenting med (?:virkeligheten|verkelegheita) å gjere",
                r"interessant teori",
                r"godt forsøk,? men",
                r"nice try",
                r"månen er (?:laget|laga|lagd) av ost",
                r"og (?:jeg|eg) er paven",
                r"gratulerer,? (?:du|dere|de) har (?:endelig |endeleg |nettopp |nett |nå |no )?"
                r"(?:oppdaget|oppdaga|funnet ut|funne ut|skjønt|skjøna|forstått|lært)",
                r"(?:så|å) (?:du|dere) har (?:endelig |endeleg )?(?:funnet|funne|oppdaget|oppdaga) ut",
                r"funnet ut (?:av )?(?:dette|det) (?:helt |heilt )?(?:selv|sjølv|på egen hånd|på eiga hand)",
                r"så nå er det (?:plutselig|plutseleg)",
                r"(?:plutselig|plutseleg) (?:kommunens|kommunen sin|vår) feil",
                r"(?:ikke|ikkje) vår feil at du",
                r"for mye å forvente",
                rf"at du{_S}{{0,50}}(?:klage|klager|klagar|syte|syter|sutre|sutrer|mase|maser|kritisere)"
                r" igjen",
                r"(?:gleder|gler) (?:oss|meg) (?:til|allerede til|alt til) (?:neste|den neste|din neste) "
                r"(?:klage|klagen|klaga|kommentar|kommentaren|innlegg|innlegget|melding)",
                r"(?:vi|me|jeg|eg) er (?:helt |heilt )?(?:sikker|sikre|trygg|trygge|overbevist) på at du "
                r"(?:hadde|ville|kunne|sikkert|nok|jo)",
                r"(?:bra|godt|fint|flott|kjekt|hyggelig|hyggeleg|betryggende|betryggande) at "
                r"(?:noen|nokon|du) (?:har|kan|vet|veit|sit med) "
                r"(?:alle svarene|alle svara|alle svar|alt|svaret på alt|svar på alt|løsningen på alt|"
                r"fasiten)",
                r"for mykje å forvente",
                r"for mye forlangt",
                r"for mykje forlangt",
                r"det var da voldsomt",
                r"det var då voldsamt",
                r"sjokkerende nok",
                r"for en overraskelse",
                r"for ei overrasking",
                r"takk for at du (?:forteller|fortel|lærer|lærar|viser) oss (?:hvordan|korleis|åssen)",
                r"(?:hvordan|korleis) (?:vi|me) skal (?:gjøre|gjere) jobben vår",
                r"(?:hvordan|korleis) (?:vi|me) skal drive kommunen",
                r"kjære deg,? (?:les|sjekk|prøv|se|sjå|ta)",
                r"la oss (?:[\wæøå]+ ){1,4}fordi du",
                r"at du (?:klarte|greidde|klarer|greier) å (?:[\wæøå]+,? ){1,4}men (?:ikke|ikkje)",
                # mock respect for the reader's knowledge: "takk for at du lærer oss jobben vår",
                # "din enorme kunnskap", "siden du vet så godt", "vi hadde aldri tenkt på det selv"
                r"(?:lærer|lærar|lære|læra|lært) oss (?:jobben|jobben vår|arbeidet vårt|faget|faget vårt)",
                r"(?:din|di|ditt|dine|dykkar|deres) (?:enorme|uendelige|uendelege|grenseløse|grenselause|"
                r"overlegne|store og brede|imponerende|imponerande) "
                r"(?:kunnskap|kunnskapar|kunnskaper|visdom|innsikt|ekspertise|fagkunnskap|kompetanse|"
                r"klokskap)",
                r"(?:siden|sidan|ettersom) du (?:vet|veit|kan|skjønner|skjønar|forstår) "
                r"(?:så |alt så |jo så )?(?:godt|mye|mykje|bedre|betre|best|alt)",
                r"(?:søke|søkt|søkje|søkja) (?:på )?(?:jobben|stillinga|stillingen)(?: som [\wæøå]+)? "
                r"(?:selv|sjølv)",
                r"(?:vi|me|jeg|eg) (?:hadde|ville) (?:aldri|aldri i livet|ikke|ikkje) (?:ha )?"
                r"(?:tenkt|kommet|kome|komme) på (?:det|den|dette|noe sånt|noko slikt) (?:selv|sjølv)",
                r"(?:alle|alle andre|du|dere|dykk|folk|mange|absolutt alle) (?:er )?(?:plutselig|"
                r"plutseleg|brått|"
                r"med ett|visst) (?:er |blitt |vorte )?(?:eksperter|ekspertar|ekspert|fagfolk|ingeniører|"
                r"ingeniørar|jurister|juristar|brøyteeksperter|brøyteekspertar)",
                r"(?:vi|me) har (?:deg|dykk|dere) til å|har (?:vi|me) (?:deg|dykk|"
                r"dere) til å (?:passe på|følge med på|følgje med på|fortelle|"
                r"fortelja|minne|kontrollere|korrigere|rette på|lære|læra|holde|halde) oss",
                # pleasure at the reader's complaining: "så hyggelig at du tar deg tid til å klage"
                r"(?:hyggelig|hyggeleg|kjekt|flott|morsomt|moro|artig|koselig|koseleg|herlig|herleg|"
                r"fantastisk) "
                rf"at du{_S}{{0,50}}(?:klage|klager|klagar|klaga|syte|syter|sutre|sutrer|mase|maser|"
                rf"kritisere|"
                r"kritiserer|kritiserar)",
                # mock service: "bare for deg", the weather to order, coffee all day
                rf"(?:selvfølgelig|selvsagt|sjølvsagt|sjølvsagd|klart){_S}{{0,60}}(?:bare|berre) for "
                r"(?:deg|din skyld|dykk|dere)",
                r"(?:be|spørre|spørje|snakke med|snakka med|ta en prat med|ta ein prat med|ringe|ringje) "
                r"(?:snøen|været|vêret|regnet|vinden|vinteren|sola|solen|naturen|værgudene|vêrgudane)",
                r"(?:snøen|været|vêret|regnet|vinden|vinteren|naturen|værgudene|vêrgudane) (?:ikke|ikkje) "
                r"(?:oppfører seg|oppfører|rettar seg|retter seg|følger|følgjer|passer|passar|lystrer|"
                r"høyrer)",
                r"(?:skylda|skylden|skyld) for (?:alt|absolutt alt|det meste)",
                r"(?:sitter|sit|sitt) (?:bare |berre |jo |visst |vel )+(?:og|å) (?:drikker|drikk|drikke|"
                r"drikka) "
                r"(?:kaffe|kaffi)",
                r"(?:drikker|drikk|drikke|drikka) (?:kaffe|kaffi) (?:hele|heile) (?:dagen|dagen lang|"
                r"tida|tiden)",
                r"(?:se|sjå|sjekke|sjekka) om (?:vi|me|jeg|eg) kan trylle",
                # the reader's time: "det må være deilig å ha så god tid", "like god tid som deg"
                r"(?:deilig|herlig|herleg|kjekt|godt|fint|misunnelsesverdig|koselig|koseleg) "
                r"(?:å ha|at du har|at dere har|at dykk har) så (?:god|mye|mykje|mykje god|mye god) tid",
                r"(?:like|så) (?:god|mye|mykje) tid som (?:deg|dykk|dere)",
                # the reader's complaints as a habit: "vi venter spent på neste klage fra deg"
                r"(?:venter|ventar|gleder|gler|ser) (?:oss|meg) (?:spent |allerede |alt |fram |"
                r"frem )?(?:til|på) "
                r"(?:neste|den neste|din neste|di neste|det neste) (?:klage|klagen|klaga|klagemål|teori|"
                r"teorien|"
                r"utblåsing|utblåsning|raseriutbrudd|sytepost)",
                r"(?:spent|spente) på (?:neste|den neste|din neste|di neste) (?:kommentar|innlegg|"
                r"melding|klage)",
                r"(?:nok|enda|endå|atter) (?:en|ein|ei|et|eit) (?:kreativ|kreative|kreativt|fantasifull|"
                r"fantasifullt|"
                r"original|originalt|spennende|spennande|interessant) (?:teori|tolkning|tolking|"
                r"forklaring|påstand)",
                r"(?:tonen|tonefallet|ordbruken|ordvalget|ordvalet|høfligheten|høflegheita)"
                rf"{_S}{{0,30}}(?:som (?:vanlig|vanleg|alltid)|nok en gang|nok ein gong|igjen)",
                r"(?:du|dere|dykk) (?:syter|sytar|sutrer|sutrar|maser|masar|kverulerer|kverulerar|"
                r"gnåler|gnålar)",
                r"(?:sytingen|sytinga|sutringen|sutringa|masingen|masinga|masete|klaginga|klagingen) "
                r"(?:din|di|ditt|dykkar|deres)",
                # the reader did not read: "den leste du sikkert ikke", "som det står tydelig på nettsiden"
                r"(?:leste|las|lest|sjekket|sjekka|så|såg) du (?:sikkert|vel|nok|visst) (?:ikke|ikkje|itj)",
                r"som det (?:står|stod|sto) (?:svært |veldig |heilt |helt |ganske |jo |så )?(?:tydelig|"
                r"tydeleg|klart|"
                r"klårt)",
                r"(?:lese|les|lest) (?:hele|heile) (?:innlegget|saken|saka|artikkelen|teksten|posten) før",
                r"(?:skulle|skulla) (?:man|ein|en) (?:tro|tru)",
                r"(?:ikke|ikkje) (?:alles|din|di|ditt) sterke(?:ste|aste)? side",
                r"med store bokstaver|med store bokstavar",
                r"(?:snør|er kaldt|er mørkt|blir mørkt|regner|regnar) om (?:vinteren|høsten|"
                r"hausten)",
                # exaggerated: "for tolvte gang i år", "fjerde gang i dag du spør om det samme"
                r"for (?:tolvte|tiende|ellevte|femtende|tjuende|trettende|ørtende|hundrede|hundrade|"
                r"n-te|nte) "
                r"(?:gang|gong)",
                r"(?:tredje|fjerde|femte|sjette|sjuande|sjuende|tiende) (?:gang|gong|gangen|"
                r"gongen)(?: i dag)? "
                r"(?:du|at du) (?:spør|spørr|skriv|skriver|klager|klagar|lurer|lurar)",
                r"(?:tredje|fjerde|femte|sjette) (?:gang|gong) i dag (?:du|at du)",
                r"(?:ingen|inga) andre (?:[a-zæøå]+ )?enn (?:deg|dæ|dykk|dere)",
                r"(?:umulig|umogleg) å (?:glemme|gløyme) (?:deg|dykk|dere)",
                r"(?:kommunens|kommunen sin|vår) (?:skyld|skuld)(?: at| når)? (?:at )?du",
                r"(?:alt|alt er|alt e) (?:alltid )?(?:kommunens|kommunen sin) (?:skyld|skuld)",
                r"(?:godt|bra|fint|flott) at (?:noen|nokon|nån) har peiling",
                r"(?:du|dere|dykk) (?:kan|kunne|bør|burde|skulle) (?:jo |kanskje |vel )?ta over (?:hele|"
                r"heile|jobben)",
                r"(?:dine|dei) daglige kommentarer|dei daglege kommentarane|daglege kommentarane dine",
                r"(?:facebook|sofa|kommentarfelt|tastatur)-?(?:ekspert|ekspertar|eksperter|ekspertene|"
                r"ekspertane|krig)"
                r"[a-zæøå]*",
                r"(?:vår|vår aller) mest trofaste (?:kritiker|kritikar|klager|klagar|kommentator)",
                r"(?:lærer|lære|lærar) oss (?:å )?(?:gjøre|gjør|gjere|gjera) jobben",
                r"(?:hva|ka|kva) skulle (?:vi|me) (?:gjort|gjøre|gjere) (?:uten|utan) (?:deg|dæ|dykk|dere)",
                r"(?:gratulerer|gratulera) (?:til )?(?:alle|dere|de|dykk) som (?:klarte|greidde|"
                r"har klart) å (?:lese|finne)",
                r"(?:hyggelige|hyggelege|koselige|koselege) (?:klagene|klagane|klager|klagar)",
                r"(?:klagene|klagane)[^.!?\n]{0,20}(?:så|veldig) (?:hyggelige|hyggelege|koselige|koselege)",
                r"midt i arbeidstid(?:en|a)",
                r"(?:bedre|betre) enn oss som",
                r"ironisk nok",
                # pointing out what the reader should have read: "svaret står forresten i første linje"
                r"(?:svaret (?:står|stod|sto) |(?:står|stod|sto) (?:forresten |faktisk |jo |allerede |"
                r"alt |også |òg )+)"
                r"(?:\w+ )?(?:i|på) (?:den )?"
                r"(?:første|øverste|fyrste|aller første|aller fyrste) (?:linja|linjen|linje|setning|setninga|"
                r"setningen|avsnitt|avsnittet)",
            ),
            # sarcastic thanks: "takk for den utrolig nyttige tilbakemeldingen"
            _B + r"takk(?:ar|er)?(?: så mykje| så mye)? for (?:den|det|dei|de|din|ditt|dine) "
            r"(?:utrolig|utruleg|særdeles|enormt|uhyre|ekstremt|svært|veldig|så|fantastisk|utmerket)\s+"
            r"(?:nyttige|konstruktive|kloke|saklige|sakleg|saklege|gjennomtenkte|informative|verdifulle|"
            r"interessante|opplysende|opplysande|innsiktsfulle|velbegrunnede)" + _E,
            # eye-rolling tags at the end of a sentence: "du er sikkert ekspert på brøyting, du."
            _B + rf"sikkert\b{_S}{{0,60}}, du(?=\s*[.!]|\s*$)",
            _B + rf"vel\b{_S}{{0,60}}, nei(?=\s*[.!]|\s*$)",
            # jada/joda + "sikkert": "jada, alt var sikkert mye bedre før"
            _B + rf"(?:jada|ja da|joda|jo da|jaja|ja ja)\b{_S}{{0,40}}\bsikkert" + _E,
            # "wow" without anything warm after it
            _B + r"wow,? for (?:en|ei|et|eit) (?:original|ny|spennende|spennande|nyttig|konstruktiv|"
            r"interessant|"
            r"nyttig|saklig|sakleg|gjennomtenkt|klok)(?:t|e)?" + _E,
            r"(?:^|[.!?]\s+)sjokkerende[.!]",
            # "ja, for det er helt umulig å finne ...": mock difficulty
            _B + r"(?:ja|jada|ja da|javisst)(?:, ?| )for det er "
            r"(?:jo |helt |heilt |så |veldig |utrolig |utruleg )+"
            r"(?:umulig|umogleg|uråd|vanskelig|vanskeleg|komplisert|krevende|krevjande)"
            # ... when it is right there: "... når de står på forsiden" (sincere agreement has no such clause)
             + rf"{_S}{{0,80}}\b(?:når|selv om|sjølv om|enda|endå|som står)" + _E,
            # "kanskje du kunne lest nettsiden før du spør?": the citizen should have read first
            _B
            # the perfect is the reproach: "kunne lest", not the advice "kunne sjekke"
            + r"(?:kunne|burde|skulle)(?: ha| jo| kanskje)? "
            r"(?:prøvd (?:å|og) (?:lese|sjekke|sjå|se)|lest|sjekket|sjekka|kikket|kikka|titta)\b"
            + rf"{_S}{{0,60}}\bfør du (?:spør|spurte|spurde|skriver|skriv|skreiv|skrev|klager|klagar|klaget|"
            r"klaga|ringer|ringjer|kommenterer)(?=\s*(?:[?.!]|$|her|neste|igjen|att|til oss))",
            # "vi skal selvsagt brøyte din vei først": the citizen wants to be first
            _B + rf"(?:selvsagt|sjølvsagt|selvfølgelig|sjølvsagd){_S}{{0,50}}"
            r"(?:akkurat|nettopp|nett) (?:din|di|ditt|dine|deg) (?:[\wæøå]+ )?først" + _E,
        )
    )
)
# Irony without the usual words (no eye-roll, no "giddet", no "så utrolig"): shapes rather than
# words, each a way of saying the opposite of what is meant to the reader (session 10).
_IRONY_SCHEMAS = re.compile(
    "|".join(
        (
            # mock gratitude for the obvious: we would never have managed without you
            _B
            + r"(?:aldri|ikke|ikkje|itj)(?: ha| hatt)? (?:klart|greid|greidd|oppdaget|oppdaga|funnet|funne|"
            r"skjønt|skjøna|forstått|visst|vist|fått gjort|fått til|funnet ut|funne ut|merket|merka|sett|"
            r"sett det)" + rf"{_S}{{0,50}}?(?:uten|utan|utan om) (?:deg|dæ|dykk|dere)" + _E,
            _B + r"(?:ellers|elles) hadde (?:vi|me) (?:jo |nok |vel )?aldri",
            # mock surprise: "det hadde vi nesten glemt", "det hadde vi ikkje trudd" (not the genuine
            # "det hadde vi ikke tenkt på, takk!")
            _B + r"(?:det|dette|den) hadde (?:vi|me) (?:nesten |heilt |helt |aldri |ikke |ikkje |nok )?"
            r"(?:glemt|gløymt|gløymd|trodd|trudd)" + _E,
            # the reader knows best, better than our staff
            _B + r"du (?:vet|veit|kan) (?:det )?(?:nok |jo |sikkert |alltid )?best" + _E,
            _B + r"(?:siden|sidan|ettersom|når) du (?:kan|vet|veit|kjenner) (?:det|alt|dette) så godt" + _E,
            _B
            + r"du (?:har|kan|vet|veit) (?:helt |heilt |nok |jo )?sikkert"
            + rf"{_S}{{0,40}}(?:mer|meir|bedre|betre) {_S}{{0,30}}?(?:enn|enn det) (?:vi|me|de|dei|"
            rf"ingeniørene|fagfolka|"
            r"fagfolkene|ekspertene|ekspertane|[a-zæøå]+ene våre|[a-zæøå]+ane våre)" + _E,
            _B + r"(?:det )?finnes (?:folk|de|noen|nokon) som (?:klarer|klarar|greier) å" + _E,
            _B + r"(?:det )?finst (?:folk|dei|nokon) som (?:klarer|klarar|greier) å" + _E,
            # a favour too big for one reader: "akkurat din veg framfor sjukeheimen", "spesielt for deg."
            _B + r"(?:akkurat|nettopp|nett) (?:din|di|ditt|dine|deg)(?: [\wæøå]+)? "
            r"(?:først|fyrst|framfor|fremfor|foran|føre)" + _E,
            _B + r"(?:spesielt|bare|berre|kun) for deg(?=\s*[.!😉🙂]|\s*$)",
            _B + r"(?:hjem|heim) til deg (?:først|fyrst|personlig|personleg)" + _E,
            # powers the municipality does not have: the weather
            _B + r"(?:vi|me|kommunen) som (?:styrer|styrar|bestemmer|bestemmer over|rår over|lagar|lager) "
            r"(?:været|vêret|snøen|regnet|vinteren|sola)" + _E,
            _B + r"bestilling på (?:sol|godvær|godt vær|snø|sommer|sommar|varme)" + _E,
            # counting the reader's complaints: "din fjortende kommentar", "bortsett fra i går"
            _B + r"(?:din|di|ditt) [a-zæøå]+(?:ende|de|te) (?:kommentar|klage|klaga|melding|innlegg|e-post|"
            r"telefon|spørsmål)" + _E,
            _B + r"(?:bortsett|unntatt|unnateke) (?:fra|frå) i (?:går|forgårs|fjor)" + _E,
            _B + r"(?:veldig|svært|heilt|helt|utrolig|utruleg|særs) original(?:t|e)? (?:klage|klaga|innspill|"
            r"innspel|"
            r"spørsmål|idé|ide|forslag)" + _E,
            # "om vi hadde fått ei krone for kvar gong ..."
            _B + r"(?:om|hvis|viss|dersom) (?:vi|me|jeg|eg) (?:hadde )?(?:fått|fekk|fikk) (?:en|ei|ein) "
            r"(?:krone|kr|tier|tiar|femmer|femmar) for (?:hver|kvar) (?:gang|gong)" + _E,
            # mock admiration of the reader's spare time or devotion
            _B + r"(?:så|så mye|så mykje|mye|mykje|god) tid til overs" + _E,
            _B + r"(?:dypt|djupt) (?:rørt|rørte|rørd|rørde) over (?:hvor|kor|at du)" + _E,
            _B + r"(?:sikkert|nok|vel) (?:en|ei|ein) (?:stor |svær |diger )?konspirasjon" + _E,
            _B + r"(?:velkommen|velkomen) til å ta over" + _E,
            _B + r"(?:bare|berre) du i (?:hele|heile) (?:bygda|kommunen|byen|landet)" + _E,
            _B + r"avdeling(?:a|en) for (?:ting|saker) som" + _E,
            _B + r"ikke hver dag (?:vi|me) får" + _E,
            _B + r"ikkje kvar dag (?:vi|me) får" + _E,
            # apologising for reality, praising a mistake, promising what nobody can
            _B + r"beklager at (?:virkeligheten|virkeligheta|verkelegheita|røynda|fakta|verden|verda)" + _E,
            _B
            + r"(?:hyggelig|hyggeleg|flott|fint|kjekt|koselig|koseleg|imponerende|imponerande) at du"
            + rf"{_S}{{0,60}}(?:feil|galt|gale)"
            + _E,
            _B
            + r"(?:sørge|sørg|sørgje|syte) for at (?:snøen|isen|regnet|vinden|sola|været|vêret|mørket)"
            + _E,
            _B
            + r"(?:nærmere|nærare|nærmare) (?:huset|heimen|hjemmet|hytta|døra) (?:ditt|din|di|dykkar|deres)"
            + _E,
            _B
            + r"(?:alt|alle|heile|hele) (?:unntatt|utenom|bortsett fra|unnateke|utanom) (?:det|de|dei|den) du"
            + _E,
            # mock anticipation of the reader's next idea: "vi venter spent på neste gode råd fra
            # deg", "me held pusten til neste innspel frå deg", "vi ser fram til ditt neste forslag"
            _B + r"(?:venter|ventar|gleder oss til|gler oss til|ser fram til|ser frem til|held pusten|"
            r"holder pusten)"
            + rf"{_S}{{0,25}}?(?:neste|nye|fleire|flere) (?:gode |geniale |lure |kloke )?(?:råd|innspill|"
            rf"innspel|"
            r"forslag|kommentar|kommentarar|kommentarer|klage|klager|idé|ide|ideer|idear|tips)" + _E,
            _B + r"(?:ditt|din|di) neste (?:forslag|innspill|innspel|råd|idé|ide|klage|kommentar)" + _E,
            # mock self-deprecation: "vi er visst ikke så flinke", "kom og vis oss hvordan"
            _B + r"(?:vi|me) er (?:visst|vel|tydeligvis|tydelegvis|jo) (?:ikke|ikkje|itj) (?:så |like )?"
            r"(?:flinke|gode|kloke|smarte|lure|dyktige|dugelege)" + _E,
            _B + r"(?:komme|kom|kome) og (?:vise|vis|syne) oss (?:hvordan|korleis|åssen|kordan)" + _E,
            # a sarcastic afterthought standing alone: "Som vanlig." after a remark about the reader
            r"(?:(?<=[.!?]\s)|(?<=[.!?]))\s*som (?:vanlig|vanleg|alltid|alltid før)[.!]",
            # "ja, for vi har ikkje anna å gjere enn ...": nothing better to do, after a mock "yes"
            # (the sincere "vi har ikke annet å gjøre enn å vente på fylket" has no "ja, for")
            _B + r"(?:ja|jada|ja da|joda|jo da),? for (?:vi|me|æ|eg|jeg) har (?:jo |sjølvsagt |selvsagt |"
            r"selvfølgelig |nok )*(?:ikke|ikkje|itte|itj|ikkj|ingenting|inkje)(?: noe| noko| nå)? "
            r"(?:annet|anna|anna) (?:å|og) (?:gjøre|gjere|gjer|gjør|gjørr|gjera|gjøra)" + _E,
            # the reader knows everything better than the staff: "dokker vet alt om vannledninga bedre
            # enn oss"
            _B
            + r"(?:du|dere|dokker|dykk|de|dokk) (?:vet|veit|vett|kan|kjenner|kjenne) (?:jo |visst |nok )?"
            + rf"alt{_S}{{0,40}}(?:bedre|betre) enn (?:oss|vi|me|fagfolka|fagfolkene|ingeniørene|"
            r"ingeniørane)" + _E,
            # could do the job better, so apply for it: "de meiner de kunne gjort jobben betre sjølv. Søk
            # gjerne på stillinga"
            _B + r"(?:bedre|betre) (?:selv|sjøl|sjølv)[\s\S]{0,120}?(?:søk|søke|søkje|søkja) "
            r"(?:gjerne |du gjerne |da |då |berre |bare )?(?:på )?(?:stillinga|stillingen|jobben|jobb)" + _E,
            # the information nobody reads: "det som ingen har lest", "som ingen av dere leser"
            _B + r"(?:som|det som|den som) ingen(?: av (?:dere|dykk|dokker|dokk))? (?:har |hadde )?"
            r"(?:lest|les|leser|leste|gidd|gidder|gadd|gidde)" + _E,
            # the experts of the comment field, thanked: "takk til alle eksperter i kommentarfeltet"
            _B + r"(?:eksperter|ekspertar|ekspertene|ekspertane|fagfolk|fagfolka|fagfolkene|"
            r"besserwisser[a-zæøå]*|besservisser[a-zæøå]*) i "
            r"(?:kommentarfeltet|kommentarfelta|kommentarfeltene|kommentarane|kommentarene)" + _E,
        )
    )
)
# Scare quotes around the citizen's own word: «klage» din, det "problemet" ditt, dine «fakta».
_QUOTED = r"[«\"“”'‘][\wæøå\-]+(?: [\wæøå\-]+){0,2}[»\"“”'’]"
_SCARE_QUOTES = re.compile(
    _B
    + r"(?:din|ditt|dine|di|dykkar|deres|såkalte|såkalla|såkalt) "
    + _QUOTED
    + "|"
    + _QUOTED
    + r" (?:din|ditt|dine|di|dykkar|deres)"
    + _E
)


# The citizen's own words in quotation marks, as mockery: a quoted adjective before its noun
# ("«konstruktive» innspill"), a quoted verdict ("det er «helt krise» at", "søknadsskjemaet er «skjult»
# på forsiden"), people quoted as what they call themselves ("de mange «ekspertene»"). A label or button
# is quoted as named ("under «Vann og avløp»", "trykk på «send»"), and a nickname is a joke shared
# ("ei skikkeleg «snøbombe» 😅"): neither is reported.
_LOWER_QUOTE = re.compile(
    r"«[a-zæøå][\wæøå\-]*» (?=[a-zæøå]{2})|"
    r"«(?:helt|heilt|totalt|fullstendig|kjempe)[\wæøå\- ]{1,25}»|"
    r"(?:(?<= er )|(?<= var )|(?<= e )|(?<= va )|(?<= blitt )|(?<= vorte ))«[a-zæøå][\wæøå\- ]{0,25}»|"
    r"«[a-zæøå][\wæøå\-]*(?:ene|ane|erne|arane|folka)»"
)
_LABEL_BEFORE = re.compile(
    r"(?:trykk|trykker|klikk|klikker|velg|velj|vel|under|fanen|fana|knappen|menyen|feltet|merk|merket|merka|"
    r"skriv|skriver|søk|søker|kalt|kalla|heter|heiter|kategorien|lenken|lenka|linken|overskriften|"
    r"overskrifta|"
    r"ordet|uttrykket|begrepet|omgrepet|står|stod|sto|boksen|ruta|valget|alternativet)(?: på| til| om)?"
    r"[\s:,]*$"
)


def _irony_spans(doc: Document) -> list[tuple[int, int]]:
    low = doc.lower
    spans = [m.span() for m in _IRONY_EMOJI.finditer(low)]
    spans += [m.span() for m in _IRONY.finditer(low)]
    spans += [m.span() for m in _SCARE_QUOTES.finditer(low)]
    spans += [m.span() for m in _IRONY_SCHEMAS.finditer(low)]
    spans += [
        m.span()
        for m in _LOWER_QUOTE.finditer(doc.text)
        if not _LABEL_BEFORE.search(low, max(0, m.start() - 30), m.start())
    ]
    # pointing to where the answer stands is kind when the same sentence grants that it is easy to
    # miss ("Svaret står i første linja, men det er lett å overse.")
    spans = [(a, b) for a, b in spans if not _EASY_TO_MISS.match(low, b, min(len(low), b + 60))]
    return _merged(spans)


_EASY_TO_MISS = re.compile(
    rf"{_S}{{0,40}}?\b(?:lett|fort|enkelt|lett for) (?:å|og) (?:overse|oversjå|oversjå|gå glipp av|"
    r"gå glepp av|misse|ikke se|ikkje sjå)"
)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


# A sentence that only agrees ("Enig!", "Helt einig.", "Du har rett.") gives its opinion to the next.
_AGREEMENT_ONLY = re.compile(
    r"\s*(?:(?:ja|jo|nei|absolutt|helt|heilt|fullstendig|hjertens|hjartans|så)[, ]+)*"
    r"(?:enig|enige|einig|einige|samd|samde|uenig|ueinig|usamd|du har (?:helt |heilt |så )?rett|"
    r"(?:enig|einig|samd) med (?:deg|dykk|dere)|"
    # agreeing with what was just said: "Der er vi enige."
    r"(?:der|det|her|i det|i dette|om det) (?:er|e) (?:vi|me|jeg|eg|æ) (?:helt |heilt |hjertens |så |nok )?"
    r"(?:enig|enige|einig|einige|samd|samde)|"
    # sharing the reader's feeling about the matter: "Vi deler skepsisen din."
    r"(?:(?:vi|me|jeg|eg|æ) (?:[a-zæøå]+ )?)?deler (?:(?:din|di|ditt|dykkar|deres) "
    + _FEELING
    + r"|"
    + _FEELING
    + r" (?:din|di|ditt|dykkar|deres)))"
    r"(?: (?:med deg|med dykk|med dere))?[\s.!…]*"
)


def _opinions(doc: Document) -> list[tuple[int, int]]:
    """The sentences that give an opinion on a political matter."""
    out = []
    agreed = False  # the sentence before only agreed
    sentences = list(_sentences(doc.lower))
    # (a matter named in English counts too: "The council votes in March. Between us, we think ...")
    political = [_political(doc, s, e) or english.political(doc.lower, s, e) for s, e in sentences]
    for i, (start, end) in enumerate(sentences):
        beside = (i > 0 and political[i - 1]) or (i + 1 < len(sentences) and political[i + 1])
        if (
            _own_opinion(doc, start, end)
            or ((political[i] or beside) and english.opinion(doc.lower, start, end))
            or (agreed and political[i])
            or (not political[i] and beside and _opinion_on_the_neighbour(doc.lower[start:end]))
            or _BLAME_OR_VERDICT_ON_A_PARTY.search(doc.lower, start, end)
            or (beside and _PERSONAL_GUESS.search(doc.lower, start, end))
        ):
            out.append((start, end))
        agreed = bool(_AGREEMENT_ONLY.fullmatch(doc.lower, start, end))
        # agreeing with the political sentence just before: "Frp har et poeng om bompengene. Der er vi enige."
        if agreed and i > 0 and political[i - 1] and not political[i] and (start, end) not in out:
            out.append((start, end))
    return out


# Parties and the elected bodies by name, for the views below.
_PARTY_OR_BODY = (
    r"(?:ap|sp|sv|frp|krf|mdg|høyre|venstre|rødt|arbeiderpartiet|arbeidarpartiet|senterpartiet|"
    r"fremskrittspartiet|framstegspartiet|miljøpartiet|politikerne|politikarane|posisjonen|opposisjonen|"
    r"flertallet|fleirtalet|kommunestyret|formannskapet|ordføreren|ordføraren|regjeringa|regjeringen)"
)
# Blame or a verdict laid on a party or an elected body: "det er nok Ap som har skylda for bompengane",
# "et dårlig forslag fra Frp" (the neutral "kommunestyret har ansvaret for budsjettet" lays none).
_BLAME_OR_VERDICT_ON_A_PARTY = re.compile(
    _B + _PARTY_OR_BODY + r" (?:som )?(?:har|hadde|får|fortjener|fortener) (?:all |hele |heile |mykje av |"
    r"mye av )?(?:skylda|skylden|skulda|skulden|skyld|skuld)(?![\wæøå])|"
    + _B
    + r"(?:et|eit|ein|en|ei) (?:(?:veldig|svært|særs|utrolig|utruleg|ganske|heilt|helt) )?"
    + _EVALUATIVE
    + r" (?:forslag|framlegg|vedtak|initiativ|utspel|utspill) (?:fra|frå|av) "
    + _PARTY_OR_BODY
    + r"(?![\wæøå])"
)
# A personal guess beside a political matter: "Selv tror jeg vi ikke har kapasitet", "Vi tror dessverre
# at bygda vil merke dette" (the speaker marked as a person, or the guess coloured by "dessverre").
_PERSONAL_GUESS = re.compile(
    _B + r"(?:(?:selv|sjølv|sjøl|personlig|personleg|privat) (?:tror|trur|mener|meiner|synes|syns|tykkjer|"
    r"frykter|fryktar) (?:jeg|eg|je|æ)|(?:jeg|eg|je|æ|vi|me) (?:tror|trur|frykter|fryktar|mener|meiner) "
    r"(?:dessverre|diverre|heldigvis|sjølv|selv|personlig|personleg))(?![\wæøå])"
)
# A decision spoken of: "et trist vedtak", "den beslutningen".
_DECISION = re.compile(
    _words(
        r"vedtak(?:et|a|ene)?",
        r"beslutning(?:en|"
        r"a)?",
        r"avgjørelse(?:n)?",
        r"avgjerd(?:a)?",
    )
)


def _opinion_on_the_neighbour(sentence: str) -> bool:
    """A view given in the sentence beside the political matter: "Kommunestyret vedtok i går å legge
    ned skolen. Et trist og kortsiktig vedtak, mener vi." An opinion with a verdict, or a verdict on
    a decision; not when it is someone else's view, none at all, or about the reader ("Vi synes det
    er leit at du måtte vente")."""
    if _OTHERS_VIEW.search(sentence) or _NO_VIEW.search(sentence) or _FRIENDLY_TO_PEOPLE.search(sentence):
        return False
    # the writer claims the words ("På tide, sier vi!") or labels the news ("Gode nyheter!")
    if _SPEECH_TAG.search(sentence) or _NEWS_LABEL.search(sentence):
        return True
    verdict = _VERDICT.search(sentence)
    opinion = _OPINION.search(sentence)
    if (
        opinion
        and _OPINION_VERB_END.search(opinion.group())
        and _ABOUT_THE_READER.match(sentence, opinion.end())
    ):
        return False
    if opinion and _OWN_VIEW.search(opinion.group()) and not _NOT_ON_THE_MATTER.search(sentence):
        # a first-person "mean" or "think" beside the political matter is a view of it without a
        # verdict word ("Kommunestyret skal avgjere kvoten i april. Sjølve synest vi at grensa er for
        # streng"); not a view on how to use a service ("vi meiner det er lurt å søkje tidleg")
        return True
    return bool((opinion and verdict) or (verdict and _DECISION.search(sentence)))


# The opinion verbs that are a view on their own (not "håper", "ønsker at", which also wish the reader well).
_OWN_VIEW = re.compile(
    _words(r"mener|meiner|synes|syns|synest|syntes|tykkjer|tykker|står fullt bak|står bak")
)
# A view on how to use a service, on the reader's question or on what befell the reader, beside the
# political sentence, is no view of the matter: "vi meiner det er lurt å søkje tidleg", "Jeg synes det var
# et godt spørsmål!", "Vi synes det er leit at du måtte vente".
_NOT_ON_THE_MATTER = re.compile(
    _words(
        r"søke|søkje|søknad(?:en)?|skjema(?:et)?|ringe|kontakte|kontakt|lurt|nettsida|nettsiden|heimesida|"
        r"hjemmesiden|frist(?:en)?|spørsmål(?:et)?|henvendelse(?:n)?|innspill(?:et)?|tips(?:et)?|melding(?:a|en)?|"
        r"tilbakemelding(?:a|en)?|engasjement(?:et)?|leit|synd|beklag[a-zæøå]*|"
        r"at (?:du|dere|dykk|dokker)"
    )
)


class ReplyStanceAnalyser:
    name: ClassVar[str] = "reply_stance"
    version: ClassVar[str] = f"17+{owntext.VERSION}"
    codes: ClassVar[tuple[str, ...]] = (OWN_OPINION, IRONY)

    def analyse(self, doc: Document) -> list[Finding]:
        if doc.kind not in KINDS or not doc.text.strip():
            return []
        out: list[Finding] = []
        opinions = _opinions(doc) or _opinion_judged(doc)
        for start, end in opinions[:MAX_FINDINGS]:
            start, end = _trimmed(doc.text, start, end)
            out.append(Finding(OWN_OPINION, start, end, "warn", text=mask_excerpt(doc.text, start, end)))
        ironies = _irony_spans(doc)[:MAX_FINDINGS] or _irony_heard(doc) or _irony_judged(doc)
        for start, end in ironies:
            out.append(Finding(IRONY, start, end, "warn", text=mask_excerpt(doc.text, start, end)))
        return out

    def prefetch(self, docs: Sequence[Document]) -> None:
        classifier.judge_many([classifier.as_comment(doc) for doc in docs if doc.kind in KINDS])
        owntext.judge_many([doc for doc in docs if doc.kind in KINDS])


# Irony the rules have no words for is asked of the comment classifier, which has read 757 of the
# municipality's own texts since 0.4.0 (an ironic reply is `sarcasm` there). Its score alone is not
# enough: it heard 0.73-0.82 in "Takk for din e-post. Vi svarer innen fem virkedager." and 0.86 in a
# plain promise to look at a bus stop. Irony needs a signal in the words, so the classifier is heard
# only where the reply has one (`_IRONY_SIGNAL`: a modal particle or an intensifier such as "jo",
# "vel", "altså", "sikkert", "akkurat", "hele", "aldri", "igjen", mock praise such as "fantastisk" or
# "gratulerer", a wink or a smile, a question). Session 10, on the 884 replies and posts of the three
# own-text sets and challenge_c: with the signal, every reply the classifier alone heard at 0.5 or
# more and that was not ironic was an opinion on a political matter (sent back for revision anyway);
# without it, 7 polite replies more were. At 0.5 the signal keeps 9 ironic replies the floor of 0.75
# left out (classifier 0.4.0). Classifier 0.5.0 hears more sarcasm in friendly replies with a
# signal (a wink, "igjen", "hele"). On the replies and posts that carry a signal and no rule's irony
# (own_texts, own_texts_blind, own_texts_dev2, own_texts_probe10, challenge_c, the replies probe, the
# packs' cases and the reply_stance tables), 0.5 gave 10 false alarms (6 friendly replies such as
# "Hei igjen! Takk for at du følgjer opp ..." at 0.61 and a winking promise at 0.60; 4 opinions or
# insults) and missed 5 ironic replies (0.25-0.39). The non-ironic replies stop at 0.714 ("Takk for
# engasjementet ditt gjennom hele året ... 😊") and the ironic ones resume at 0.754 ("Vi er så
# utrolig lei oss for at du måtte gå ti meter ekstra.") and 0.768: the floor is the middle of that
# gap, with 2 false alarms (an opinion at 0.914, the replies probe's winking reply at 0.785) and 6
# ironic replies missed (the five and one at 0.527). own_texts irony precision 0.91 -> 0.99, dev2
# recall 0.90 -> 0.87. Opinion is left to the rules: the classifier's `political` hears the topic,
# not a view (0.80-0.97 on neutral news of a council decision).
# Classifier 0.6.0 (trained on voices_own_texts_3.jsonl's ironic replies) hears less sarcasm in friendly
# replies and in ironic ones. On the same texts, ironic replies score 0.946 down to 0.659, 0.615, 0.576,
# 0.509, 0.457, 0.393 and 0.354; replies neither ironic nor sent back for an opinion anyway score 0.651
# ("Har du prøvd å tømme mellomlageret ...?"), 0.618 ("Jada, vi holder åpent i påsken også 😊",
# reply_stance_cases.tsv), then 0.371 and below. The floor is the middle of the 0.371-0.393 gap: with
# the own-text classifier after it (OWN_IRONY_FLOOR 0.75), against 0.73, irony recall on own_texts_dev2
# 0.87 -> 0.90 and on own_texts_dev3 0.53 -> 0.57 (actions 0.967 -> 0.975 and 0.764 -> 0.770), for those
# two false alarms (own_texts 0.989 -> 0.987).
# The replies probe's winking reply scores 0.28 (0.785 with 0.5.0).
# Classifier 0.7.0 (challenge_c and challenge_e as training data too) hears more sarcasm in ironic replies
# and in some friendly ones. On the own-text dev sets (own_texts_dev2, dev3, probe10, confidential_probe,
# personal_data_probe2) the ironic replies with a signal score 0.99 down to 0.552, 0.523, 0.520 and 0.448
# (od2-006, found now), then 0.373 and below; the others 0.555 (od3-164, a friendly "Så kjekt at dere var
# fornøgd med turen ..."), 0.487 and 0.421 (two opinions, sent back anyway), then 0.218 and below. No
# floor removes the 0.555 false alarm without losing three ironic replies, and the 0.373-0.38 gap is too
# narrow to move for one item: the floor stays (irony recall dev2 0.90 -> 0.93, dev3 0.63 -> 0.67, one
# more false alarm on dev3). Outside the dev sets 0.7.0 costs three friendly replies (a warm thank-you
# in the four packs' cases at 0.59, reply_stance_cases.tsv's "Det er sikkert mange som lurer på det
# samme ..." at 0.398, reply_stance_patterns.tsv's "Vi har laget en side bare for deg ..." at 0.558)
# and gains two ("Jada, vi holder åpent i påsken også", "Vi er så utrolig lei oss ...", 0.421).
# Classifier 0.8.0 (challenge_f to challenge_j as training data too) hears less sarcasm in ironic
# replies: on the same own-text dev sets they score 0.995 down to 0.432 and 0.418, then 0.296 (od3-122),
# 0.264 (od2-006), 0.261 (od3-137), 0.114 and 0.026; the replies that are not ironic score 0.753 (od3-187,
# an opinion, sent back anyway) and 0.522 (od3-165, a friendly reply), then under 0.2. At 0.38 irony
# recall fell to dev2 0.87 and dev3 0.77; the floor moved into the gap under 0.261: recall dev2 0.90,
# dev3 0.80, actions dev2 0.975 -> 0.98 and dev3 +0.005, no new false alarm on the dev sets (own_texts'
# irony precision 0.947 -> 0.923, its actions the same).
IRONY_FLOOR = 0.25
_IRONY_SIGNAL = re.compile(
    _words(
        r"jo|vel|altså|sikkert|sjølvsagt|selvsagt|selvfølgelig|sjølvsagd|akkurat|nettopp|wow|visst|"
        r"gratulerer|fantastisk|fantastiske|imponert|imponerte|imponerande|imponerende|spennende|"
        r"spennande|original|hele|heile|aldri|alltid|ingenting|ingen ting|igjen|att|enda en|enda ein|"
        r"nok en|nok ein|bare|berre|utrolig|utruleg|tydeligvis|tydelegvis|neste gang|neste gong|kanskje|"
        # a mock "no", a mock lesson, a mock confession (session 13: the classifier heard
        # 0.76-0.91 in such replies that had no other signal)
        r"nei vel|neivel|lært noe nytt|lært noko nytt|det er nok (?:vi|me)"
    )
    + "|[\U0001f609\U0001f60f\U0001f642\U0001f60a\U0001f44d\U0001f602\U0001f605]|\\?"
)


def _irony_heard(doc: Document) -> list[tuple[int, int]]:
    if not _IRONY_SIGNAL.search(doc.lower) or _plainly_warm(doc.lower):
        return []
    shadow = classifier.as_comment(doc)
    judged = classifier.judgement(shadow)
    if judged is None or judged.scores.get("sarcasm", 0.0) < IRONY_FLOOR:
        return []
    start, end = classifier.carrying_spans(shadow, ["sarcasm"]).get("sarcasm", (0, len(doc.text)))
    return [_trimmed(doc.text, start, end)]


# A plainly warm reply is no irony, whatever the classifier hears in it. Classifier 0.7.x hears
# sarcasm of 0.40-0.59 in thank-yous, welcomes and glad-you-liked-it replies ("Tusen takk for
# fantastisk fin tilbakemelding!", "Så kjekt at dere var fornøgd med turen, da gleder vi oss te neste
# gong!", "Vi har laget en side bare for deg som er ny i kommunen.") because their warm words are the
# same words mock thanks uses. What mock thanks has and a warm reply has not is something to turn
# the warmth against: a contrast ("men"), a failure or the reader's complaint named, a negation, an
# exaggerating or knowing particle ("jo", "vel", "visst", "utrolig", "hele", "igjen"), a question, a
# quotation, a wink or an eye-roll. So the classifier is not heard when the reply has a warm core
# (thanks, gladness, welcome, the reader liking something) and none of those; the rules' irony
# (`_irony_spans`) is found before this and is never vetoed.
_WARM = re.compile(
    _words(
        # thanks and appreciation: "tusen takk", "takk for", "vi takkar", "set stor pris på"
        r"takk|takka|takke|takker|takkar|takksam|takksame|takknemlig|takknemlige|takknemleg|takknemlege|"
        r"(?:setter|set|sette) (?:stor |veldig stor |stor stor )?pris på",
        # gladness: "så kjekt at", "hyggelig å høre", "vi er glade for", "gleder oss", "gøy at"
        r"(?:kjekt|hyggelig|hyggeleg|koselig|koseleg|gøy|gøyal|artig|moro|morsomt|flott|fint|godt|herlig|"
        r"herleg|deilig|deileg|stas) (?:at|å|med)",
        r"glad|glade|gla|gledelig|gledeleg|(?:gleder|gler|glede|gle) (?:oss|meg|deg|dere|dykk)",
        # welcome: "velkommen til", "velkomen att", "for deg som er ny i kommunen"
        r"velkommen|velkomen|velkomne|velkomst|velkomstside[a-zæøå]*",
        # newcomers addressed: "for deg som er ny i kommunen", "nye innbyggjarar", "tilflyttarar"
        r"(?:deg|dere|dykk|alle|dei|de) som (?:er|e) (?:ny|nye|nyinnflytta|nyinnflyttet|nyinnflytte|"
        r"nyflytta|nyflyttet|nytilflytta|nytilflyttet)",
        r"nye (?:innbyggere|innbyggjarar|innbyggjare|naboer|naboar)|nyinnflytt[a-zæøå]*|nytilflytt[a-zæøå]*|"
        r"tilflytt[a-zæøå]*",
        # the reader liked it: "fornøyd med", "likte", "hadde en fin dag"
        r"fornøyd|fornøyde|fornøgd|fornøgde|nøgd|nøgde|likte|likar|liker|likt|trivdes|trivest|"
        r"koste (?:dere|dykk|deg)",
    )
)
# Warm set phrases whose words are irony signals elsewhere: blanked before `_NOT_PLAIN` looks.
_WARM_PHRASE = re.compile(
    _words(
        r"(?:du|dere|dykk|alle) (?:er|e) (?:alltid |hjerteleg |hjertelig )?(?:velkommen|velkomen|velkomne)"
        r"(?: (?:tilbake|igjen|att))?",
        r"(?:velkommen|velkomen|velkomne) (?:tilbake|igjen|att|innom)",
        r"(?:bare|berre) å (?:ta kontakt|kontakte|ringe|ringje|spørre|spørje|sende|komme|kome|stikke innom|"
        r"stikka innom|si ifra|seie ifrå|gi beskjed|gje beskjed|ta turen|melde seg|melde deg)",
        r"(?:bare|berre) (?:hyggelig|hyggeleg|kjekt|godt|fint|moro|gøy)",
        # a group addressed, not the one reader: "bare for deg som er ny i kommunen"
        r"(?:bare |berre |spesielt |nettopp )?for (?:deg|dykk|dere|alle) som",
        # looking forward to the next time: "gleder oss til neste gang", "sjåast neste gong"
        r"(?:til|te|tel) neste (?:gang|gong|år|sommar|sommer|vinter|tur|treff)",
        # others wonder too: "det er sikkert mange som lurer på det samme"
        r"(?:sikkert|nok|nok også|nok òg) (?:mange|flere|fleire|fler|andre) (?:andre )?som",
        # praise of the reader's kind words: "fantastisk fin tilbakemelding"
        r"(?:fantastisk|fantastiske) (?:fin|fint|fine|flott|flotte|god|godt|gode|koselig|koseleg|hyggelig|"
        r"hyggeleg|varm|varme) (?:tilbakemelding|tilbakemeldinga|tilbakemeldingen|tilbakemeldinger|"
        r"tilbakemeldingar|ord|hilsen|helsing|helsinga|hilsenen)",
    )
)
_NOT_PLAIN = re.compile(
    _words(
        # contrast, regret and failure
        r"men|likevel|allikevel|derimot|dessverre|diverre|beklager|beklagar|synd|leit|trist|"
        r"feil|feilen|feila|galt|gale|problem[a-zæøå]*|forsink[a-zæøå]*|vent[a-zæøå]*",
        # negation, lack and lateness: "uten varsel", "tre dagar etter at det starta", "først nå"
        r"ikke|ikkje|ikkj|itj|itte|ingen|inga|ingenting|inkje|aldri|verken|hverken|uten|utan|"
        r"for sent|for seint|først nå|fyrst no|(?:dager|dagar|uker|veker|måneder|månader|år) etter",
        # a promise quoted back against what happened: "Alle skal få plass, sa de. Ja, i nabokommunen."
        r"sa (?:de|dei|dere|dykk|du|dokk|dokker|kommunen|politikerne|politikarane)|"
        r"lovet|lova|lovte|lovde|heter det|heiter det|het det|skulle visst",
        # the reader's complaint quoted back, and the complaint verbs
        r"klag[a-zæøå]*|syt[a-zæøå]*|sutr[a-zæøå]*|mas|maset|masa|masing[a-zæøå]*|maser|masar|"
        r"kritikk[a-zæøå]*|kritiser[a-zæøå]*|kjeft[a-zæøå]*|sur|sure|sint|sinte|irritert[a-zæøå]*|"
        r"frustrert[a-zæøå]*|misfornøyd[a-zæøå]*|misnøgd[a-zæøå]*",
        # knowing particles, mock praise and exaggeration
        r"jo|vel|altså|visst|tydeligvis|tydelegvis|sjølvsagt|selvsagt|selvfølgelig|sjølvsagd|sikkert|"
        r"akkurat|nettopp|nett|wow|gratulerer|gratulera|fantastisk|fantastiske|imponert|imponerte|"
        r"imponerande|imponerende|spennende|spennande|original|originale|originalt|utrolig|utruleg|"
        r"enormt|ekstremt|særdeles|uhyre|latterlig|latterleg|genial|geniale|genialt|hele|heile|alltid|"
        r"igjen|att|enda|endå|nok en|nok ein|atter|bare|berre|kanskje|neste|lært|lærte|lærer|lærar|"
        r"ekspert[a-zæøå]*|rakett[a-zæøå]*",
        # a mock confession or "no" (the signals of `_IRONY_SIGNAL` that no warm phrase has):
        # "det er nok me som har flytta grensesteinen din", "fint at du fann oss ut"
        r"det er nok (?:vi|me|jeg|eg)|nei vel|neivel|(?:fant|fann|funnet|funne) (?:oss|meg) ut|"
        r"avslørt[a-zæøå]*|avslørte",
        # counting, a reading lesson, mock respect for knowledge: "femte gang vi sei det", "kjekt om du
        # las òg", "takk for at du deler din store kunnskap"
        r"[a-zæøå]+(?:te|de|ende) (?:gang|gong|gangen|gongen)|(?:om|hvis|viss|dersom) du (?:bare |berre )?"
        r"(?:las|leste|lest|lese|les|sjekka|sjekket)|kunnskap[a-zæøå]*|visdom|ekspertise|innsikt",
        # the reader who knows everything: "glad for at du har svaret på alt"
        r"svaret på alt|svar på alt|alle svarene|alle svara|fasiten|(?:vet|veit|kan) (?:alt|best)",
        # the reader got there at last, or told us what we knew: "endelig", "det har vi hørt før"
        r"endelig|endeleg|omsider|til slutt|etter kvart|etter hvert|(?:hørt|høyrt|sett|lest|visst) "
        r"(?:det |den |dette |det der )?(?:før|før òg|før også)",
    )
    # a question, a quotation, a wink, a laugh, an eye-roll, applause or a thumbs-up (after criticism
    # they are the sarcasm: "Tre dagar etter at det starta 🚧👍"), a shout ("!!")
    + '|[?«»"“”\U0001f644\U0001f643\U0001f60f\U0001f612\U0001f926\U0001f609\U0001f602\U0001f923\U0001f605'
    + "\U0001f44d\U0001f44f]"
    + "|!{2,}"
)


def _plainly_warm(low: str) -> bool:
    """A thank-you, welcome or glad-you-liked-it with nothing to turn the warmth against."""
    if not _WARM.search(low):
        return False
    blanked = _WARM_PHRASE.sub(lambda m: " " * len(m.group()), low)
    return not _NOT_PLAIN.search(blanked)


# The own-text classifier (analysis/owntext.py, `somevakt train owntexts`), trained on the
# municipality's own replies and posts, judges irony and own opinion where the rules found none;
# the rules' findings stand as they are (precision 0.8-1.0 on every own-text dev set). Its floors
# here are chosen on the replies and posts of the own-text dev sets (own_texts_dev2,
# own_texts_probe10, own_texts_dev3, challenge_c; never trained on), this analyser's case tables and
# the packs' cases, so that none of them gets a reply wrong that it got right before (with the rules
# of this version in front), and each floor is the middle of the gap that leaves.
# 0.2.0 (trained with voices_own_texts_4.jsonl): the highest score of a sincere reply the rules leave
# to the model is 0.736 for irony ("Vi skal selvsagt svare deg først når vi vet mer.", the tables),
# and the ironic replies resume at 0.779 (own_texts_dev3): 0.76 finds 2 of dev3's ironic replies more
# than 0.1.0 at 0.75 did (19 of 30 with the rules). For opinion the highest neutral reply scores 0.646
# ("Dette er et vedtak kommunestyret har fattet ...", dev2), then the tables' "Kommunedirektøren tilrår
# ..." 0.639 and "Kommunestyret stemte mot forslaget." 0.631; the lowest opinion 0.1.0 found scores
# 0.690: 0.67 finds 29 of dev3's 30 opinions with the rules (28 with 0.1.0 at 0.8). 0.1.0's floors
# were 0.75 and 0.8: it heard irony in short sincere replies (0.736) and opinion in neutral reports of
# a council decision (0.76). docs/models.md, *The own-text classifier*.
OWN_IRONY_FLOOR = 0.76
OWN_OPINION_FLOOR = 0.67


def _irony_judged(doc: Document) -> list[tuple[int, int]]:
    return _judged(doc, "irony", OWN_IRONY_FLOOR)


def _opinion_judged(doc: Document) -> list[tuple[int, int]]:
    return _judged(doc, "opinion", OWN_OPINION_FLOOR)


def _judged(doc: Document, label: str, floor: float) -> list[tuple[int, int]]:
    judged = owntext.judgement(doc)
    if judged is None or judged.scores.get(label, 0.0) < floor:
        return []
    start, end = owntext.carrying_sentence(doc, label)
    return [_trimmed(doc.text, start, end)]
