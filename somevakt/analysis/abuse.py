"""Abuse: threats, hate speech, personal attacks and obscenity, from our own lexicons.

No labelled Norwegian set exists, so this is rules: word lists (lexicons/abuse_*_words.txt)
matched on the de-obfuscated skeleton of the text, and phrase patterns
(lexicons/abuse_*_patterns.txt) for what only a combination of words makes abusive
("jeg skal drepe deg", "innvandrerne bør sendes hjem", "du er inkompetent").
A slur or insult inside quotation marks or after "kalte meg" is a complaint about
abuse, not abuse, and is not reported.

In the municipality's own replies and posts a put-down of the reader ("du har tydeligvis ikke
peiling", "slutt å mase") is a personal attack too.

For a citizen's comment the comment classifier (`classifier.py`) has the last word on the
whole text: it adds what no lexicon entry names (a polite threat, group hate without a slur, an
attack in ordinary words) and vetoes lexicon matches it finds no support for (swearing in
praise, "skyt meg"). A slur is exact and stands whatever the model says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

from somevakt.analysis import classifier
from somevakt.analysis.base import Document, Finding, Severity
from somevakt.analysis.calendar_words import TIMES
from somevakt.analysis.english import reads_english
from somevakt.analysis.lexicon_match import (
    WordEntry,
    WordHit,
    WordMatcher,
    compile_patterns,
    literal_alternatives,
    load_macros,
    parse_words,
    skeleton_pattern,
    trie_regex,
)
from somevakt.analysis.lexicons import load
from somevakt.analysis.masking import mask_excerpt
from somevakt.analysis.models import cache_of
from somevakt.analysis.normalize import LETTERS, Normalized
from somevakt.analysis.work_roles import WORK_ROLES

THREAT = "abuse.threat"
HATE = "abuse.hate"
INSULT = "abuse.insult"
OBSCENE = "abuse.obscene"

_SEVERITY: dict[str, Severity] = {THREAT: "high", HATE: "high", INSULT: "warn", OBSCENE: "warn"}
# The patterns of `abuse_insult_aimed_patterns.txt`: insults that stand whatever the classifier says
# (their findings are `abuse.insult`; the key only tells the two pattern files apart).
_AIMED_INSULT = "abuse.insult:aimed"

# Quotation: a slur between quotation marks is talked about, not used.
_QUOTES = re.compile(
    r"«[^»\n]{1,200}»|\"[^\"\n]{1,200}\"|“[^”\n]{1,200}”|”[^”\n]{1,200}”|„[^“”\n]{1,200}[“”]"
    r"|(?<![\w'])'[^'\n]{1,200}'(?![\w'])"
)
# Reported speech: "han kalte meg ...", "ordet ... er rasistisk".
_REPORTED = re.compile(
    skeleton_pattern(
        r"(?<![a-zæøå])(?:kalte|kalle|kaller|kalla|kalt|kalles|kallast|ropte|ropa|roper|rope|skrek|skreik|"
        r"sa|sei|sier|seier|skrev|skreiv|ordet|ordene|orda|uttrykket|begrepet|kallenavnet|kallenamnet|"
        r"brukte|bruke|brukar|bruker|slenger|slengte|slengde|betegnelsen|nemninga)"
        r"(?:[^a-zæøå]{1,5}[a-zæøå]{1,20}){0,3}[^a-zæøå]{0,5}$"
    )
)
# The writer speaks of themself: "jeg følte meg som en idiot".
_FIRST_PERSON = frozenset({"jeg", "eg", "je", "æ", "meg", "mæ", "me", "vi", "oss"})
_OTHER_PERSON = frozenset({"du", "dere", "dykk", "deg", "han", "hun", "ho", "de", "dei", "dem", "din", "di"})
_PRONOUN_WINDOW = re.compile(r"[a-zæøå]+")
# "jeg skal knuse deg i sjakk" is a game, not a threat.
_GAME = re.compile(
    skeleton_pattern(
        r"[^a-zæøå]{0,3}(?:i|på) (?:sjakk|fifa|tennis|badminton|fotball|kortspill|spill|spillet|quiz|"
        r"kahoot|yatzy|fortnite|golf|bordtennis|poker|bridge|valget|debatt|debatten|konkurransen|ludo|"
        r"monopol|sudoku)"
    )
)
# A part in a play is not a person: "Fjolset i revyen spilles av ordføreren", "han spilte tullingen".
_STAGE = re.compile(
    skeleton_pattern(
        r"[^a-zæøå]{1,3}(?:i|på) (?:revyen|revyan|revy|stykket|teaterstykket|skuespillet|forestillingen|"
        r"forestillinga|framsyninga|filmen|serien|musikalen|operaen|operetten|eventyret|komedien|farsen|"
        r"sketsjen|showet|spelet|juleshowet|russerevyen|boka|boken)(?![a-zæøå])"
    )
)
_PLAYS = re.compile(
    skeleton_pattern(
        r"(?<![a-zæøå])(?:spiller|spilte|spilt|spille|spelar|spela|speler|spelte|"
        r"rollen som|rolla som|rolle som|rollen til|figuren|karakteren)"
        r"[^a-zæøå]{1,3}(?:(?:en|et|ei|ein|eit) )?$"
    )
)
_DEFINITE = ("en", "et", "a", "ene", "ane", "na")

# A weapon emoji aimed at someone. Aimed and announced ("han på NAV fortjener det som kommer 🔪🔪",
# "Rådmannen bør passe seg nå 💣", "🔪🔪 til han som stemte for nedleggelsen") it is as plain as a
# slur and stands whatever the classifier says, in every kind of text. After words about someone
# with no announcement ("takk til han som lærte oss 🪓", "Dere er bombe 💣") it may be praise, a
# hobby or a cake knife: in a comment it stands only while the classifier allows a threat, and in
# the municipality's own texts (no classifier) it is not reported.
_WEAPONS = "🔪🔫🗡💣🪓"
_WEAPON_RUN = re.compile(rf"(?<![^\s\w{_WEAPONS}\ufe0f.,!?:;-])[{_WEAPONS}](?:\ufe0f?[{_WEAPONS}])*\ufe0f?")
_TARGET = re.compile(
    r"(?<![a-zæøå])(?:du|deg|dere|dykk|dokker|dokk|han|ham|hun|ho|henne|dem|dei|ordfører(?:en)?|"
    r"ordføraren|rådmann(?:en)?|kommunedirektør(?:en)?|saksbehandler(?:en|ne)?|sakshandsamar(?:en|ane)?|"
    r"politiker(?:ne|en)?|politikar(?:ane|en)?|rektor(?:en)?|sjef(?:en)?|leder(?:en)?|leiar(?:en)?|"
    r"lærer(?:en)?|lærar(?:en)?|byråkrat(?:en|ene|ane)?|ansatte|tilsette)(?![a-zæøå])|@\w"
)
_MENACE = re.compile(
    r"(?<![a-zæøå])(?:fortjener|fortener|fortjente|(?:skal|ska|kommer til å|kjem til å) få|får (?:se|"
    r"sjå|snart|smake)|"
    r"skal få (?:se|sjå)|vent bare|vent berre|bare vent|berre vent|vent du|venta du|"
    r"pass(?:e|er)? (?:deg|dere|dykk|seg|dokker)|vet hvor|veit kor|veit kvar|vet hvem|veit kven|"
    r"er neste|(?:din|deres|dykkar|hans|hennes|hennar|sin) tur|det som kommer|det som kjem|hva som kommer|"
    r"kva som kjem|ka som kjem|gleder meg til|gler meg til|får besøk|sees snart|ses snart|"
    r"skal ta (?:deg|dere|dykk|han|henne|ho)|tar (?:deg|dere|dykk) snart)(?![a-zæøå])"
)
_AIMED_AFTER = re.compile(
    r"\s*til (?:han|hun|ho|henne|deg|dere|dykk|dokker|dem|dei|alle|ordføreren|ordføraren|rådmannen|"
    r"politikerne|politikarane|saksbehandleren|sakshandsamaren|@\w)(?![a-zæøå])"
)
_CLAUSE_START = re.compile(r"[.!?\n]\s")

# A put-down of the reader in the municipality's own reply or post: "du har tydeligvis ikke peiling",
# "du er ein kverulant", "slutt å mase", "du burde skamme deg". Every guideline asks for a polite,
# factual answer; said to a citizen by the municipality it is a personal attack. (A citizen's
# comment has the classifier for this; there, between citizens, it is ordinary debate.)
_YOU_ADV = (
    r"(?:tydeligvis |tydelegvis |tydelig |tydeleg |åpenbart |openbert |jo |vel |visst |nok |"
    r"helt klart |heilt klart |bare |berre )*"
)
_PUT_DOWN = re.compile(
    r"(?<![a-zæøå])(?:"
    rf"du (?:har|hadde) {_YOU_ADV}(?:ikke|ikkje) (?:\w+ )?(?:peiling|peil|greie på|greie|skjønt|skjøna|"
    r"forstått|forstått noe|skjønt noe|fått med deg noe|fått med deg noko)(?![a-zæøå])|"
    rf"du (?:har|hadde) {_YOU_ADV}(?:ikke|ikkje) lest(?! feil)(?![a-zæøå])|"
    r"(?:helt |heilt )?(?:tydelig|tydeleg|åpenbart|openbert|klart|innlysende|innlysande) at du "
    r"(?:ikke|ikkje) (?:har lest|har forstått|har skjønt|har skjøna|forstår|skjønner|skjønar|kan lese|"
    r"vet|veit|har peiling|har greie)|"
    rf"du (?:er|var) {_YOU_ADV}(?:ikke|ikkje) (?:så |særlig |spesielt |akkurat |veldig )?"
    r"(?:flink|smart|god|skarp|lur|kvikk|oppegående|oppegåande) (?:til|på|i)|"
    rf"du (?:skjønner|skjønar|forstår|forstod|skjønte|veit|vet) {_YOU_ADV}(?:ingenting|ikke noe|ikkje noko|"
    r"null|lite)|"
    r"du er (?:en|ein|ei|et|eit) (?:skikkelig |ordentlig |ordentleg |typisk |ekte |real |kjent )?"
    r"(?:kverulant|kranglefant|sytepave|sytekopp|klagemaskin|klagekjerring|surpomp|besserwisser|bedrevitar|"
    r"bedreviter|mas(?:e)?kopp|pingle|tulling|tosk|tufs|sutrekopp|kjerring|gnåldrekopp)|"
    r"(?:hold|hald|holde|halde) deg (?:unna|borte|vekke|ute)(?: frå| fra)?|"
    r"(?:slutt|slutte|slutta) (?:å|og) (?:mase|mas|syte|sutre|klage|klag|spamme|grine|kverulere|kverulera)|"
    # "dumme deg ut", "du får skylde deg sjølv", "folk som deg", "holde seg langt unna kommunens sider"
    r"dumme? deg ut|dumma deg ut|dummet deg ut|"
    r"(?:får|kan|må) (?:[a-zæøå]+ ){0,3}(?:skylde|skylda|takke) deg (?:sjølv|selv|sjøl)|"
    r"(?:det er|det e|det var|er det|e det|var det) (?:folk|typer|sånne|slike) som (?:deg|dæ)|"
    r"(?:folk|typer|sånne|slike) som (?:deg|dæ),? (?:er|e|gjør|gjer|ødelegg\w*|øydelegg\w*|burde|bør)|"
    r"(?:skriver|skriv|oppfører seg|oppfører dere|oppfører deg) (?:sånn|slik) som (?:deg|dæ|du gjør)|"
    r"(?:holde|halde|hold|hald) (?:seg|deg) (?:langt )?(?:unna|borte|vekke) (?:fra |frå )?(?:kommunens|"
    r"kommunen sine|våre|sidene|sida)|"
    r"(?:burde|bør|skulle) (?:virkelig |verkeleg |faktisk )?skamme deg|skam deg|"
    r"lær deg (?:å|og) (?:lese|skrive|oppføre deg|te deg)|"
    r"ta deg (?:sammen|saman)|bruk (?:hodet|hovudet|vettet)|få deg (?:et|eit) liv|get a life|"
    # the reader called dishonest, stupid or whining in ordinary words
    rf"du er {_YOU_ADV}(?:rett og slett |heilt |helt )?(?:den )?(?:mest )?(?:sutrete|sytete|masete|"
    rf"uærlig|uærleg|"
    r"løgnaktig|dum|for dum|for teit|teit|en idiot|ein idiot|en løgner|ein løgnar|uforskammet|"
    r"uforskamma|frekk|"
    r"en tulling|ein tulling|patetisk|latterlig|latterleg)|"
    r"slutt (?:å|og) (?:lyve|lyge|lyg|juge|tøyse|tulle)|"
    r"(?:fullført|gått ut|fullførte|fullføre) (?:grunnskolen|grunnskulen|barneskolen|barneskulen|"
    r"ungdomsskolen)|"
    r"(?:sånne|slike|sånn|slik) (?:tullinger|tullingar|idioter|idiotar|kverulanter|kverulantar|tosker|"
    r"tullinga|idiota) som (?:deg|dæ|dykk|dere|dokker)|"
    r"(?:gidder|gider|gidd|gidde) (?:ikke|ikkje|itte|itj) (?:å )?(?:svare|svara|diskutere|bruke tid på) "
    r"(?:deg|dæ|dykk|dere|sånne|slike|sånn)|"
    # "det er ikke vår jobb å forklare det for deg igjen", "du gjør deg selv til latter", "no får du
    # faktisk gi deg", "du maser om den vegen kvar einaste dag", "at du ikke gidder å lese svarene"
    r"(?:ikke|ikkje) (?:vår|vår sin) (?:jobb|oppgåve|oppgave) (?:å|og) (?:forklare|forklara|gjenta|lese|lesa)"
    r" (?:[a-zæøå]+ ){0,3}(?:for|til) (?:deg|dæ|dykk|dere)|"
    r"(?:gjør|gjer) (?:du )?(?:deg|dæ) (?:selv |sjølv |sjøl )?til (?:latter|narr)|"
    r"(?:får|må) du (?:faktisk |nå |no |bare |berre )*gi (?:deg|dæ)|"
    r"du (?:maser|mase|masar|syter|syt|sutrer|klager og klager)|"
    r"at du (?:ikke|ikkje|itj) (?:gidder|gidd|gidde|orkar|orker)|"
    # in English: "if you can't be bothered to ...", "maybe don't complain"
    r"(?:if|since) you can'?t be bothered|maybe (?:don'?t|do not) complain"
    r")(?![a-zæøå])"
)
# Group hate that the classifier alone hears (no slur, no hate pattern) stands only with a sign that a
# protected group is its target: a word for a nationality, people, religion, skin colour, sexual
# orientation, gender identity or disability (inflected or inside a compound: "innvandrerbarnet",
# "reindriftssamane"), or a coded one ("sånne folk", "de der", "de nye", "fleire av dei", "send dem
# hjem", "formerer seg") -- or when the classifier is near certain (HATE_UNMARKED). Classifier 0.6.0
# hears hate in "dei/dæm" with a grumble about people no law protects (the rich, cabin owners, the
# neighbouring municipality, "dæm på kommunehuset", crows) and in "dei gamle luktar vondt" about
# toilets. Measured on the dev split of corpus/comments: hate precision 0.851 -> 0.955 (22 false
# alarms -> 6, all six with a group named), recall unchanged 0.920; the list was completed while
# reading the dev positives, so challenge_c and the own-text sets were checked as well (the first
# list missed "Jødane ..." and "Heile den folkegruppa ...", both scored >= 0.99; now both found).
# Without a sign, a score of HATE_UNMARKED still stands (recall first: coded hate is written in words
# no list foresees): the sign-less false alarms on dev score up to 0.973 and the two held-out positives
# the first list missed 0.990 and 0.997. It does not catch everything: "Dei frå nabokommunen tek alle
# arbeidsplassane våre" scores 0.996 (an xfail in tests/analysis/test_hate_target.py). The list is
# wide on purpose (every nationality adjective, "norsk", "kvit"): a word too many keeps a false alarm
# the classifier already had; a word too few loses hate.
HATE_UNMARKED = 0.98
# The head of a compound that makes it people: "thaidamen", "thaiarbeidera" (not "thaimat").
_PEOPLE_HEAD = (
    r"(?:dame|dam|kvinne|kvinn|mann|menn|kar|gutt|gut|jente|jent|barn|born|unge|onge|folk|familie|"
    r"gjeng|pakk|arbeider|arbeidar)(?:e|a|en|er|ene|ar|ane|et|ere|era|erne|arar|arane|n|ne)?(?![a-zæøå])"
)
_GROUP_SIGN = re.compile(
    r"(?<![a-zæøå])(?:"
    # immigrants, refugees, foreigners and strangers, also inside compounds ("innvandrerbarn",
    # "asylmottaket"); "kulturberikere", "folkeslag"
    r"inn?vandr|flyktning|flykning|asyl|utlending|utlendig|utenlandsk|utanlandsk|utenlands|fremmed|framand|"
    r"ikke-? ?vestl|ikkje-? ?vestl|ikkevestl|nykommer|nykomlin|landsm[ae]nn|etnisk|nordm[ae]nn|norsk|"
    r"innfødt|innfødd|hudfarge|hudfarga|rase(?:r|ne|ar|ane)?(?![a-zæøå])|rasis|mottaket|"
    r"busetj|busett|bosett|integrer|hjemland|heimland|kulturberik|framandkultur|folkeslag|folkegrupp|"
    r"refugee|immigrant|foreigner|norwegian|muslims|"
    # religion
    r"muslim|moslem|muzz|islam|moske|moské|koran|hijab|burka|niqab|halal|minaret|ramadan|imam|"
    r"jød|synagog|kristne|katolikk|hindu|sikh|buddhist|jehova|"
    # peoples, nationalities and where they come from
    r"[a-zæøå]*sam(?:er|ene|ar|ane)(?![a-zæøå])|samisk|samepakk|kvener|kvenene|kvenane|kvensk|"
    r"romfolk|rom-folk|sigøyn|tater|"
    r"somali|afghan|syrisk|syrer|syrar|irak|iran|kurd|eritre|etiop|sudan|pakistan|pakkis|indere|indarar|"
    r"indisk|tamil|polak|polsk|litau|lithau|latvi|estisk|rumen|romani(?!sk|st)|bulgar|ukrain|russer|russar|"
    r"russan|russisk|russland|kines|asia|afrika|arab|tyrk|thailandsk|thailend|filippin|vietnam|svensk|"
    r"dansk|tysk|kabul|balkan|midtøsten|midt-østen|"
    # a country whose name begins other words ("polenta", "kinakål", "kinaputter", "syrin",
    # "thaimat"): the country itself, or the first part of a compound whose head is people
    # ("thaidamen", "thaiarbeidera"); "kinarestaurant" is a restaurant
    rf"(?:polen|kina|syria|thailand|thai)(?:s?(?![a-zæøå])|(?={_PEOPLE_HEAD}))|"
    # a word for immigrants or a people as the head of a compound: "arbeidsinnvandrarar",
    # "kvoteflyktningar", "halvpolakk" (the head says what a compound is)
    r"[a-zæøå]+(?:inn?vandr(?:er|ar)|flyktning|flykning|asylsøk(?:er|jar)|utlending|muslim|moslem|polakk|"
    r"kines(?:er|ar)|afrikan(?:er|ar)|asiat|arab(?:er|ar)|somali(?:er|ar)|afghan(?:er|ar)|pakistan(?:er|ar)|"
    r"litau(?:er|ar)|rumen(?:er|ar)|ukrain(?:er|ar)|sigøyn(?:er|ar))"
    r"(?:e|en|er|ere|erne|ar|arar|arane|ane|ene|a|an|ne|n)?(?![a-zæøå])|"
    r"neger|negr|nigg|svarting|svartskall|blatte|guling|"
    # skin colour
    r"svart(?:e|ing)?(?![a-zæøå])|sort(?:e)?(?![a-zæøå])|kvit(?:e)?(?![a-zæøå])|hvit(?:e)?(?![a-zæøå])|"
    r"mørkhud|brun(?:e|t)?(?![a-zæøå])|farga|fargede|fargete|"
    # sexual orientation and gender identity
    # ("homogen", "transaksjon" and "transatlantisk" are no one)
    r"homo(?!gen)|homs|lesb|bifil|skeiv|soper|pride|regnbue|"
    r"trans(?:e|ar|er|ane|ene|an|a)(?![a-zæøå])|"
    r"trans(?:person|folk|kjønn|kvinne|mann|menn|seksuell|eksuell|identitet)|"
    r"ikke-?binær|ikkje-?binær|kjønnsidentitet|kjønnsskift|"
    r"(?:mann|gut|gutt) eller (?:dame|kvinne|jente|kone)|"
    # disability
    r"funksjonshem|funksjonsnedsett|utviklingshem|handikap|rullestol|autis|asperger|downs?(?![a-zæøå])|"
    # "døve" and "blinde" whole (with their plural), or before a word for what is theirs: "blindevei",
    # "blindetarm" and "blindebukk" are no one
    r"mongo|retard|(?:døve|blinde)(?:ne)?(?![a-zæøå])|(?:døve|blinde)(?:skole|skule|forbund|hund|tolk)|"
    r"psykisk syke|psykisk sjuke|"
    # women (the hate patterns count sex as well)
    r"kvinn|"
    # coded: people pointed at as a kind or by where they come from ("sånne folk", "de der",
    # "folk som dem", "de nye", "fleire av dei", "der de kom fra", "send dem hjem")
    r"(?:sånne|slike|sånn|slik|sone|sonne) (?:folk|som|burde|bør)|"
    r"(?:folk|sånne|slike) som (?:dem|dei|dæm|døm)|"
    r"(?:de|dei|dem|dæm|døm) (?:der|dær)(?![a-zæøå])|"
    r"(?:de|dei|dem|dæm|døm) nye(?![a-zæøå])|"
    r"(?:flere|fleire|mer|meir) av (?:dem|dei|de|dæm|døm|sånne|slike)(?![a-zæøå])|"
    r"(?:fra|frå) der (?:nede|borte|dei kom|de kom)|(?:der|dit) (?:de|dei|dem|dæm|døm) (?:kom|kjem|kommer)|"
    r"(?:send|kast|jag|hiv) (?:dem|dei|dæm|døm|alle|hele|heile)|"
    # coded dehumanisation of "them"
    r"formerer seg|formeirar seg|i blodet|som rotter|som rotta|gresshopp|grashopp|kakerlakk|parasitt|"
    r"ikke folk|ikkje folk|ikke mennesker|ikkje menneske"
    r")"
)


# A threat the classifier alone hears, where what the writer announces is a lawful course or a
# hazard: a vote, a complaint or appeal, a lawyer, the press, the ombudsman, the police, a strike or
# a peaceful protest, coming in person to demand an answer; or a warning of ice, a slippery slope or
# a slide ("dette kjem til å koste dykk stemmer", "du skal få kjenne det på valdagen", "vi kommer
# til å anke", "neste gong vert det Sivilombodet", "kjører du der i kveld: det er blank is"). The
# classifier hears the threat's form ("du skal få ...", "det lovar eg", "neste gang") and not what is
# promised; the veiled-threat negatives are these. It is dropped unless the text also has a
# sign of harm that no lawful course explains (`_HARM_SIGN`): a weapon or violence, someone found
# or visited at home, "i egne hender", "på en annen måte", "pass deg" -- so "klag gjerne, vi finner
# deg uansett" stays a threat. Measured on the abuse findings of the corpus dev split, challenge_a..e
# and own/*: 18 false threats dropped (3 in challenge_d and e), none lost. The harm signs were
# written while reading the threats of the whole corpus (train split too) that carry a lawful word:
# veiled threats often say the lawful course is over ("eg har prøvd Sivilombodet, no prøver eg noko
# anna"); 9 of its 2,220 threats still have a lawful word and no harm sign.
_LAWFUL_COURSE = re.compile(
    r"(?<![a-zæøå])(?:"
    # a vote
    r"stemme[rt]? på|stemmar på|(?:mange|flere|fleire|mine|min|noen|nokre) stemmer|stemmene|"
    r"stemmeseddel|stemmesetel|røyst|valget|valet|valdagen|neste valg|ved valg|partiet|"
    # a complaint, an appeal, a lawyer, a court, the ombudsman, the police, the press
    r"klage|klaga|klagar|klagd|anke|ankar|anket|advokat|rettssak|retten|saksøk|søksmål|"
    r"statsforvalt|fylkesmann|sivilombud|ombudsmann|ombodet|anmeld|politianmeld|meldt det|"
    # the press as where the writer goes ("gå til avisa"), not as the target ("den journalisten skal få")
    r"(?:til|te|kontakte|kontakta|ringe|ringer|ringjer|tipse|tipsar|tipser|varsle|varslar) "
    r"(?:lokal)?(?:avisa|avisen|media|mediene|pressen|nrk|journalist)|"
    # a strike, a protest, a speech, a meeting, an answer demanded
    r"streik|demonstr|aksjon|underskrift|protest|talerstol|åpen post|open post|folkemøte|"
    r"krever svar|krev svar|fredelig|fredeleg|plakat|"
    # a hazard: ice, a slippery road, a slide
    # ("is" after a word that makes it ice, so that English "this is" is not)
    r"(?:er|e|blank|blankt|helt|heilt|bare|berre|med|på|under) is(?:en)?(?![a-zæøå])|"
    r"snøskred|steinsprang|"
    r"ta det rolig"
    r")"
)
_HARM_SIGN = re.compile(
    r"(?<![a-zæøå])(?:"
    r"finn(?:er|e)? (?:deg|dæ|dere|dykk|dokker|han|henne|ho)|i fred|hjemme hos|heime hos|"
    r"blått øye|blått auge|blåveis|"
    r"(?:kommer|kjem) (?:hjem|heim)|noe annet enn|noko anna enn|(?:egne|eigne) hender|"
    r"pass(?:e|er)? (?:på )?(?:seg|sæ|deg|dæ|dere|dykk|dokker)|kjenne (?:hvordan|korleis|kordan)|"
    # a fate promised ("skal få kjenne kor vondt det gjer"), and knowing someone's car or where they
    # park ("vi veit ka bil han kjører og kor han parkerer")
    r"(?:få|fått) kjenn(?:e|a)? (?:det|på det|kor|hvor|korleis|hvordan)|"
    r"(?:vet|veit|vett|kjenner|kjenn) (?:ka|kva|hva|hvilken|kva for ein|kva slags) bil|"
    r"(?:hvor|kor|kvar) (?:han|hun|ho|dei|de|dere|dykk|du) parker|"
    r"annen måte|anna måte|andre metoder|andre midler|ordn(?:e|er|ar) opp|ikke ansvar|ikkje ansvar|"
    r"vet hvor|veit kvar|veit kor|vett kor|vet hvem|veit kven|adressa|adressen|"
    r"hagl|gevær|rifle|kniv|balltre|kølle|øks|jernstang|jernrør|tau(?![a-zæøå])|bensin|fyrstikk|"
    r"drep|skyt|skut|slå|bank|juling|knus|brenn|spreng|bomb|(?:tok|ta|tar|tek) fyr|"
    # a blow or a drowning, and the next meeting: "ein på tygga", "i sjøen med stein i lomma",
    # "neste gang jeg ser han"
    r"på (?:tygga|trynet|kjeften|snuten|kjaken)|i sjøen|i fjorden|stein i|"
    r"(?:jeg|eg|æ|e|je|vi|me) (?:ser|møter|treffer|treff|møter på) "
    r"(?:han|ham|henne|ho|deg|dæ|dere|dykk|dokker)|"
    # lawful means said to be over or refused, and something else instead: "jeg skal ikke klage mer",
    # "det er ikke en klage", "ikkje i retten", "slutt med fredelig", "no prøver eg noko anna",
    # "på min måte", "ordne det sjøl", "nå tar jeg", "dere vil lese om det i avisa"
    r"(?:ikke|ikkje|itj|itte|nei|slutt(?:a|et)? (?:å|og|med|me)|gidd(?:er)? (?:ikke|itj|ikkje)) "
    r"(?:[a-zæøå]+ ){0,2}(?:klag|advokat|retten|demonstr|fredelig|på papir|med ord|leserbr|leserinnl)|"
    r"(?:noe|noko|helt|heilt|en|ein|ei) (?:annet|anna|annan|annen)(?![a-zæøå])|(?:annet|anna|annan) enn|"
    r"(?:min|mi|vår) (?:egen |eiga |eigen )?måte|(?:sjøl|selv|sjølv)(?= *[,.!]| (?:på|me|med))|"
    r"(?:nå|no) (?:tar|tek|handler|handlar|skal (?:jeg|eg) handle)|"
    r"(?:lese|høre|høyre|skrive|les|hør) om det|ikke lenger|ikkje lenger|slutt på|"
    r"(?:ikke|ikkje|itj|itte) (?:[a-zæøå]+ )?(?:svare|garantere) for|"
    r"helsa|uhell|ulykk|ramler|falle|faller|egg(?![a-zæøå])|flytt(?![a-zæøå])|"
    r"sove godt|fortjent|begravels|ansvarlige?(?![a-zæøå])|"
    r"(?:ta|tek|tar) (?:den|han|henne|ho|deg|dæ)(?![a-zæøå])|"
    # violence, weapons and blows in other words; the way home; "sørge for", "mer enn valget"
    r"vold|vald(?![a-zæøå])|ødelegg|øydelegg|jernst|pistol|revolver|remington|i (?:trynet|fjeset|ansiktet)|"
    r"ikke sikkert|ikkje sikkert|vet hvilken|veit kva|sørge for|sørgje for|(?:kjenne|se|sjå) (?:hvor|kor)|"
    r"heim(?![a-zæøå])|hjem(?![a-zæøå])|omvei|meir enn|mer enn|navnene|namna|når som helst|"
    r"tur (?:ut|til fjells)"
    r")"
)


def _lawful_course(lower: str) -> bool:
    """Whether a threat the classifier alone hears is a lawful course or a hazard (see above)."""
    return _LAWFUL_COURSE.search(lower) is not None and _HARM_SIGN.search(lower) is None


# A threat the classifier alone hears in a complaint or report about the writer's own (or family's)
# case or service with a public body, when the text promises nothing: "Sønnen min har sak hos
# barnevernet, og saksbehandleren har ikke fulgt opp det hun lovet", "mor mi har venta på
# heimesjukepleie i tre veker", "jeg har fått avslag fra NAV igjen". Comment classifier 0.7.x hears
# the setting (child welfare, a caseworker, one's children) as a threat -- the corpus's threats are
# full of it -- and the comment is then deleted, where a citizen's complaint about a case must be
# referred. A threat needs a promise or a fate for someone, and a complaint has none; so the threat
# is dropped only when the text has one's own case or family (`_OWN_CASE`) and a public service
# (`_PUBLIC_SERVICE`), no sign of harm (`_HARM_SIGN`) and no promise, condition or ultimatum
# (`_PROMISE`: "hvis ...", "om dei ikkje ...", "skal", "kommer jeg", "neste gang", "bare vent",
# "vet hvor hun bor", "fortjener", "skjer det noe"). The corpus's threats in this setting are
# almost all ultimatums ("får ikke sønnen min plass, så ...") or fates ("skal få kjenne"); the
# promise words were written while reading the 75 texts of the whole corpus (train split too) that
# have one's own case, a public service and a threat the classifier alone hears.
_OWN_CASE = re.compile(
    r"(?<![a-zæøå])(?:"
    # one's own family, by a possessive: "sønnen min", "min sønn", "mor mi", "ungane våre"
    r"(?:sønn|sønnen|son|sonen|datter|dattera|datteren|dotter|dottera|barn|barnet|barna|unge|ungen|ungene|"
    r"ungane|gutt|gutten|jente|jenta|mor|mora|moren|far|faren|mamma|pappa|bestemor|bestefar|besta|kona|mannen|"
    r"samboer|samboeren|sambuaren|bror|broren|søster|syster|søstera|foreldre|foreldra|familie|familien)"
    r" (?:min|mi|mitt|mine|vår|vårt|våre)(?![a-zæøå])|"
    r"(?:min|mi|mitt|mine|vår|vårt|våre) (?:sønn|son|datter|dotter|barn|unge|unger|ungar|gutt|jente|mor|far|"
    r"mamma|pappa|bestemor|bestefar|kone|mann|samboer|sambuar|bror|søster|syster|foreldre|familie)(?![a-zæøå])|"
    # one's own case, decision, application or worker: "saka mi", "min sak", "saksbehandleren min"
    r"(?:saka|saken|sak|vedtaket|søknaden|søknad|klagen|klaga|saksbehandler|saksbehandleren|sakshandsamaren|"
    r"fastlegen|kontaktlæreren|kontaktlæraren|kontaktpersonen|timen|plassen|stønaden|trygda|pengane|pengene)"
    r" (?:min|mi|mitt|mine|vår|vårt|våre)(?![a-zæøå])|"
    r"(?:min|mi|mitt|vår|vårt) (?:sak|søknad|vedtak|saksbehandler|sakshandsamar|fastlege|time|plass|stønad)"
    r"(?![a-zæøå])|"
    r"(?:jeg|eg|je|æ|vi|me) (?:har|hadde|fikk|fekk|har fått) (?:en |ein |ei )?(?:sak|avslag|vedtak|svar)"
    r"(?![a-zæøå])"
    r")"
)
_PUBLIC_SERVICE = re.compile(
    r"(?<![a-zæøå])(?:"
    r"barnevern|nav(?![a-zæøå])|navkontor|sosialkontor|trygdekontor|"
    r"skole|skule|rektor|lærer|lærar|kontaktlær|barnehage|sfo(?![a-zæøå])|ppt(?![a-zæøå])|skyss|"
    r"helsestasjon|helsesøster|helsesykepleier|helsesjukepleiar|fastlege|legevakt|sykehus|sjukehus|"
    r"dps(?![a-zæøå])|bup(?![a-zæøå])|psykiatri|hjemmetjenest|heimetenest|hjemmesykepleie|heimesjukepleie|"
    r"hjemmehjelp|heimehjelp|sykehjem|sjukeheim|omsorgsbolig|omsorgsbustad|avlastning|avlasting|"
    r"bpa(?![a-zæøå])|tildelingskontor|saksbehandl|sakshandsam|vedtak|kommunen|tjenest|tenest"
    r")"
)
_PROMISE = re.compile(
    r"(?<![a-zæøå])(?:"
    # a condition or an ultimatum: "hvis ...", "om dei ikkje ...", "dersom", "neste gang", "en gang til"
    r"(?:hvis|viss|vis|dersom)(?![a-zæøå])|"
    # ("selv om rektor lovet det" is a concession, not a condition)
    r"(?<!selv )(?<!sjølv )(?<!sjøl )om (?:du|dere|dykk|de|dei|dem|noen|nokon|ikke|ikkje|itj|kommunen|"
    r"barnevernet|heimetenesta|hjemmetjenesten|sonen|sønnen|ungen|skolen|skulen|rektor|nav)(?![a-zæøå])|"
    r"neste (?:gang|gong|mann)|en gang til|ein gong til|synd (?:om|hvis|viss|dersom)|"
    # a promise in the writer's voice, or a fate for someone: "skal få", "kommer jeg", "bare vent",
    # "det lover jeg" (not "det hun lovet": the worker's broken promise is the complaint)
    r"skal?(?![a-zæøå])|kommer (?:til å|jeg|je|eg|æ|vi)|kjem (?:til å|eg|æ|vi|me)|"
    r"(?:jeg|eg|je|æ|vi|me) kommer|"
    r"(?:bare|berre|bære) vent|(?:lover|lovar) (?:jeg|je|eg|æ)|(?:det|eg|jeg|je|æ) (?:lover|lovar)|lovnad|"
    r"snart(?![a-zæøå])|(?:ikke|ikkje|itj) test|fortjen|hevn|det (?:same|samme)|oppleve|grunn til|bokstave|"
    r"(?:jeg|eg|je|æ) (?:mener|meiner)|(?:bør|burde) (?:vite|veta|tenk|huske|hugse)|"
    # where the worker lives or parks, what happens next, the writer's own hand or numbers
    r"(?:bor|bur)(?![a-zæøå])|(?:vet|veit|har sett) (?:at|kva|hva|kor|hvor|når)|parker|"
    r"skj(?:e|er|edde) (?:det )?(?:noe|noko|nåkka)|(?:tar|tek) (?:jeg|eg|æ|je) (?:han|ho|henne|ham|dem|dei)|"
    r"(?:henter|hentar|henta) (?:han|ho|henne|ham|saksbehandl|sakshandsam)|"
    r"(?:ikke|ikkje) blid|tape|miste|skremm|bære ut|bere ut|båret|valdeleg|voldelig|"
    r"det (?:er|var) alt (?:jeg|eg)|(?:eg|jeg) (?:seier|sier) (?:ikkje|ikke) (?:meir|mer)|spør for en venn|"
    r"(?:vi|me) (?:er|e) (?:mange|fem|fleire|flere)|(?:fleire|flere) enn meg|"
    r"betale|merke|svi(?![a-zæøå])|angre|lusing|børse|børsa|kniv|ønske|håpe"
    r")"
)


def _own_case(lower: str) -> bool:
    """Whether a threat the classifier alone hears is a complaint about one's own case (see above)."""
    return (
        _OWN_CASE.search(lower) is not None
        and _PUBLIC_SERVICE.search(lower) is not None
        and _HARM_SIGN.search(lower) is None
        and _PROMISE.search(lower) is None
    )


# A threat the classifier alone hears, no lexicon pattern with it, stands under this score only with a
# sign of harm or a promise (`_HARM_SIGN`, `_PROMISE`). Between its threshold (0.16) and this, on the
# dev sets d, n-p and u-x (session 20), 14 comments were taken for threats and 3 were: a bank account
# for a grant not yet paid, a late bus, "jeg tar faen meg ikke toget mer", a deadline "tatt knekken
# på", a child welfare worry; the three threats there carry a sign (a weapon licence, a black eye
# promised, where someone trains).
THREAT_UNSIGNED_FLOOR = 0.35


def _unsure_without_menace(lower: str, judgement: classifier.Judgement) -> bool:
    return (
        judgement.scores.get(classifier.CODE_LABELS[THREAT], 0.0) < THREAT_UNSIGNED_FLOOR
        and _HARM_SIGN.search(lower) is None
        and _PROMISE.search(lower) is None
    )


# Slang praise: "den nye dj-en dreper bokstavelig talt 🔥🔥" (it is excellent), no one killed.
_KILLS_IT = re.compile(
    r"(?<![a-zæøå])(?:dreper|dreapar|drepte|killer|slakter)(?: (?:bokstavelig talt|bokstaveleg talt|totalt|"
    r"heilt|helt|fullstendig|alt og alle|det))?\s*(?:[🔥💯😍🤩]|!|$)"
)


def _no_threat_heard(lower: str) -> bool:
    """Whether the classifier's own threat is to be dropped: a lawful course, a complaint about one's
    own case or slang praise, with nothing in the text that signs harm."""
    slang = _KILLS_IT.search(lower)
    if slang and _HARM_SIGN.search(lower[: slang.start()] + lower[slang.end() :]) is None:
        return True
    return _lawful_course(lower) or _own_case(lower)


_OWN_TEXT = frozenset({"reply", "post"})

# An employee's private post (kind `private`) is judged for threats, hate and personal attacks by the
# comment classifier as well as by the lexicons: it was trained on citizens' comments, but a threat is
# a threat whoever writes it ("han skal få smake knyttneven" has no lexicon verb). Only these three:
# they are the limits of an employee's freedom of expression (Båtsfjord 5.1); obscenity, complaints
# and the classifier's other labels mean nothing for a private post.
PRIVATE_CODES = (THREAT, HATE, INSULT)
# ... and only when the classifier is this sure (or surer, where its own threshold is higher). Its
# thresholds were chosen for citizens' comments, where a false alarm costs an adviser a look; an
# employee's own innocent post blocked costs more, and an employee's voice is not what it learnt. On
# the private posts of corpus/own/own_texts.jsonl (33 threats, 21 personal attacks, 325 without a
# threat): threat at its comment threshold 0.12 finds 30/33 with 14 false alarms, at 0.4 27/33 with 4
# (classifier 0.3.0). Measured again for 0.4.0, the classifier alone: 0.4 finds 32/33 with 3 false
# alarms, 0.5 29/33 with 3, 0.7 26/33 with 2; personal attacks at 0.4 19/23 with 1. The floor stayed.
# Classifier 0.5.0, on what the floor decides (a private post aimed at someone, over the label's own
# threshold, not found by the rules) in own_texts, own_texts_blind, own_texts_dev2 and
# own_texts_probe10 (challenge_c has no private posts) and in tests/analysis/test_private_abuse.py:
# threats score 0.485 and up in the sets and 0.387 and 0.284 in the tests' two veiled threats ("...
# blir det bank", "Eg skal ta han som ringde meg"); posts without a threat score 0.736 (a parent's
# "dere er ikke alene", a false alarm at any floor low enough for the threats), 0.458 (a boss's diagnosis),
# 0.376 and 0.314 (confidential posts, flagged anyway), then 0.276 and below (an innocent council
# post at 0.276, hate 0.275 and 0.266 on two more). Attacks found score 0.477 and up; without, 0.486
# (a confidential post) and 0.239 and below. Recall of a threat matters more than a false alarm (a
# revision), so the floor goes down to the middle of the gap between 0.376 and 0.387: same findings
# and actions on all four sets as 0.4, one more veiled threat found. Going under 0.284 as well would
# sit 0.008 above the innocent post and add two false threats (precision 0.94 -> 0.89 on own_texts).
# Classifier 0.6.0 (trained on voices_private_abuse.jsonl's private posts), on the same sets and tests
# and on the 75 private posts of that file's dev share: threats score 0.452 and up in the four sets, the
# tests' veiled threats 0.497, 0.738 and 0.870; the dev share's 17 threats 0.985 down to 0.421, 0.364,
# 0.323 (hate as well), 0.229 and below. Without a threat: 0.751, 0.691, 0.658, 0.583 and 0.501 (five
# confidential posts, flagged anyway), a union fight "ta kampen vidare" at 0.422, a confidential post
# at 0.394, the hazard warning of the tests at 0.380, then an innocent council post at 0.299. 0.38
# finds 10 of the dev share's 17 threats; the middle of the 0.299-0.323 gap finds 12 (0.44, above the
# union post and the hazard, 9), for one more own_texts post sent back (the union post) and the hazard
# warning as a threat: recall first, as above.
# Classifier 0.7.0 (challenge_c and challenge_e as training data too): threats in own_texts score 0.760
# and up but one missed by 0.6.0 as well (0.188); the corpus's dev share of private posts (78) has its
# threats at 0.991 down to 0.513, 0.392 (an insult too) and 0.292, and nothing else above 0.279. The
# own-text dev sets hold no private threat: their innocent posts score 0.434 (od3-047, "Noen vakter i
# barnevernet er tunge å bære med seg hjem", sent back as a threat now) and 0.277 and below, their
# confidential posts up to 0.931 (sent back anyway). A floor over 0.434 would lose the threat at 0.392
# and a hate post of the dev share for that one post; recall first, so 0.31 stays: the dev share's
# threats, hate and attacks found 24 -> 27 of 33, false ones 3 -> 0, against 0.6.0 at the same floor.
# The hazard warning of the tests scores 0.846.
PRIVATE_FLOOR = 0.31
# Someone the post could be aimed at: another person's pronoun, a role or a person pointed at ("den
# karen", "han kollegaen"), or a name. A post about the writer alone ("Skyt meg, jeg har glemt
# matpakka", "Skal ta meg en lang tur i skogen") threatens nobody, whatever the classifier hears in it.
# People are also pointed at as a group or by their role or body (session 10: "Noen på jobben burde
# passe seg ..." 0.877 and "... alle i formannskapet kommer like hel hjem ..." 0.524 were missed):
# people's quantifier or pronoun before where they are ("noen på jobben", "alle i formannskapet",
# "de på teknisk", "dei i barnevernet", "nokon frå planavdelinga") or before "som" ("de som
# klaget", "folk som kommenterer"); a quantifier or determiner before a person or role noun
# ("alle politikerne", "desse sakshandsamarane"; a noun alone counts too); a work role from
# `private_profile` ("sykepleierne", "vaktmeisteren"), words for people ("folk", "gjengen",
# "typen", "de ansatte", "dei folkevalde") and a body in the definite form ("formannskapet",
# "kommunestyret", "ledelsen", "leiinga", "barnevernet"). Not a thing: "alle bilene", "noe på
# jobben", "de fleste dagene" name no one.
_PEOPLE_QUANT = (
    r"(?:noen|nokon|nåken|nåkken|nån|nokre|alle|ailla|aille|ingen|de|dei|dem|dæm|døm|dæi|folk|folka|"
    r"enkelte|einskilde|somme|mange|flere|fleire|resten|hver|kvar|enhver|einkvar)"
)
_PEOPLE_WHERE = (
    r"(?:(?:oppe |nede |borte |inne |ute )?(?:på|i|fra|frå|hos|ved|innen|innan|rundt) "
    # a time is no place where people are ("alle i dag", "nokon i mars", "folk på fredag"): the
    # shared list of calendar_words, and "vår" (spring, and "our"), "gang"/"gong" besides
    rf"(?!(?:{TIMES}|vår|gang|gong|alt|alle|hop|"
    r"lag|orden|stand|det|dette|så|seg|meg|oss|tillegg|forhold|forkant|etterkant|"
    r"fleire|flere|mange|en|ein|ei|et|eit)(?![a-zæøå]))[a-zæøå]+|"
    r"som(?= (?!(?:helst|vanlig|vanleg|alltid|sagt|nevnt|nemnt)(?![a-zæøå]))))"
)
# Work roles _SOMEONE finds without this list (as a compound's head: "[a-zæøå]*rektor"), and roles
# that say no one else here: "ansatt" and "tilsett" in the singular are the writer ("jeg er ansatt"; the
# plural is below), "styrer" and "styrar" are also verbs; "saksbehandlar" was never read here.
_ROLES_NOT_HERE = frozenset(
    """
    ansatt tilsett styrer styrar saksbehandlar rektor lærer lærar saksbehandler sakshandsamar leder leiar
    avdelingsleder avdelingsleiar enhetsleder einingsleiar virksomhetsleder ordfører ordførar rådmann
    kommunedirektør politiker politikar
    """.split()
)
_PEOPLE_NOUN = (
    # a work role (work_roles.WORK_ROLES less those above; "lege" whole, as it ends nynorsk
    # adjectives: "vanlege"); the employed and elected in the plural only ("jeg er ansatt" is the writer)
    r"(?:ansatte|tilsette|folkevalgte|folkevalde|"
    + "|".join(role for role in WORK_ROLES if role not in _ROLES_NOT_HERE)
    + r"|medarbeider|medarbeidar)"
    r"(?:en|a|e|ne|ane|ene|ar|er|ere|erne|arane|arar)?|"
    r"folk|folka|folket|gjengen|gjengar|typen|karane|karene|"
    # a body in the definite form
    r"formannskapet|kommunestyret|bystyret|heradsstyret|herredsstyret|styret|utvalget|utvalet|"
    r"ledelsen|leiinga|leiarane|lederne|administrasjonen|barnevernet|sekretariatet|etaten|"
    r"planavdelinga|planavdelingen|personalavdelinga|personalavdelingen"
)
_SOMEONE = re.compile(
    r"(?<![a-zæøå])(?:du|deg|dere|dykk|dokker|dokk|dåkker|han|ham|hun|hu|ho|henne|hennes|hennar|hans|dem|"
    r"dei|deres|dykkar|din|ditt|dine|dæm|døm|"
    r"(?:den|denne|han|hun|ho|hu) [a-zæøå]+|"
    rf"{_PEOPLE_QUANT} {_PEOPLE_WHERE}|"
    r"alle (?:sammen|saman|samen|ihop|i hop|andre|mann)|"
    rf"{_PEOPLE_NOUN}|"
    r"[a-zæøå]*(?:nabo|kollega|sjef|leder|leiar|rektor|rektorn|lærer|lærar|ordfører|ordførar|rådmann|"
    r"kommunedirektør|politiker|politikar|representant|saksbehandler|sakshandsamar|byråkrat|journalist|"
    r"innbygger|innbyggjar|pårørende|pårørande|forelder|foreldre|far|mor|fyr|kar|kjerring|dame|mann)"
    r"(?:en|a|et|n|ne|ane|ene|ar|er)?)(?![a-zæøå])|@\w"
)
# Veiled threats an employee writes about someone from work, in words the comment classifier does not
# always hear: "hun bør passe seg når hun går ut til bilen", "skal ikke gå trygt på butikken", "ska få
# angre", "æ vet kor ongan hans går på skole", "kan noen låne meg et balltre?".
_PRIVATE_MENACE = re.compile(
    r"(?<![a-zæøå])(?:"
    r"(?:bør|burde|skal|ska|får|må) (?:nok |bare |berre )?(?:passe seg|passe på seg|vokte seg|"
    r"se seg for|sjå seg for|"
    r"se seg over skulderen|sjå seg over skuldra)|"
    r"(?:skal|ska|kommer til å|kjem til å) (?:ikke|ikkje|itj|itte) (?:gå|føle seg|kjenne seg|sove|ferdes) "
    r"(?:trygt|trygg|rolig|roleg)|"
    r"(?:skal|ska|kommer til å|kjem til å) (?:nok )?få (?:angre|svi|unngjelde|betale for dette|merke det|"
    r"se (?:hvem|kæm|kven) som (?:bestemmer|bestemme)|sjå kven som bestemmer)|"
    r"(?:vet|veit|vett) (?:hvor|kor|kvar) (?:ungene|ongan|ungane|ungan|barna|borna|kona|mannen|familien|"
    r"dattera|"
    r"sønnen|guten|gutten) (?:hans|hennes|hennar|din|di|dine|deres|dykkar|dokkers) (?:går|bor|bur|"
    r"jobber|jobbar|"
    r"er|e)|"
    r"(?:låne|lån) (?:meg )?(?:et|eit|en|ein) (?:balltre|baseballkølle|kølle|kubbe|jernrør|hagle|gevær|kniv)|"
    r"(?:ikke|ikkje|itj|itte) sikkert (?:at )?(?:kontoret|huset|bilen|hytta|rådhuset|garasjen) "
    r"(?:deres|hans|hennes|hennar|din|dykkar|dokkers) (?:står|stå|står heilt|står helt)"
    # "passe seg for glatta" is a hazard and "få svi ved valget" politics, not a threat
    r")(?![a-zæøå])(?! for| mot| med| ved valget| ved valet| i valget| i valet)"
)
_NAME_INSIDE = re.compile(r"(?<=[a-zæøå,] )[A-ZÆØÅ][a-zæøå]+")


# A sexual remark about a person the municipality deals with -- an employee, an official, the reader:
# "har sikkert ligget med halve kontoret", "sov seg til toppen", "du trenger å bli pult", "send
# nudes", "slapp som pikken hans". The classifier gives these low obscene scores (0.01-0.2 on the
# corpus dev split: it learnt obscenity mostly from swear words) and vetoed the lexicon's sexual words
# in them, so here they are exact, like a slur, and stand whatever it says. Only aimed at someone
# (`_SEX_AIM`: the reader, a role or a word for people, a possessive): a drawing on a bus
# shelter or a film about the porn industry names no one; and not when it is reported ("viste meg
# ...", "kalte meg ...", "tagget ... på veggen"), which is a complaint about it.
_SEX_REMARK = re.compile(
    r"(?<![a-zæøå])(?:"
    r"blowjob|avsuging|nudes|trekant med|strippe(?:show|klubb|bar|dans)|stripper|strippar|"
    r"porno(?:blad|film|filmar|filmer|bilde|bilete|side|sider)?(?![a-zæøå])|dildo|kåt(?:e|ere)?(?![a-zæøå])|"
    r"(?:bli|blitt|ble|vart|vorte) pult|"
    r"knull(?:a|e|er|et|es|ast)?(?![a-zæøå])|pule(?:r|t)?(?![a-zæøå])|"
    r"(?:ligget|lagt seg|ligge|lå|låg|sovet|sove|sova|sov|knullet|knulla) (?:seg )?"
    r"(?:med (?:halve|hele|heile|sjefen|rådmannen|ordføreren|ordføraren|kommunedirektøren|lederen|leiaren)|"
    r"(?:til|fram|frem|opp)(?: til)? (?:toppen|jobben|stillingen|stillinga|posisjonen|sjefsstolen|vervet))|"
    r"(?:pikken|kuken|fitta|pula|puppene|pupper) (?:hans|hennes|hennar|din|di|dykkar|deres)"
    r")"
)
_SEX_AIM = re.compile(
    r"(?<![a-zæøå])(?:du|deg|dæ|dere|dykk|dokker|din|di|ditt|dine|hans|hennes|hennar)(?![a-zæøå])|@\w|"
    rf"(?<![a-zæøå])(?:{_PEOPLE_NOUN})(?![a-zæøå])|"
    r"[a-zæøå]*(?:kollega|sjef|leder|leiar|rektor|lærer|lærar|lærerinne|ordfører|ordførar|rådmann|"
    r"kommunedirektør|kommunalsjef|politiker|politikar|representant|saksbehandler|sakshandsamar|"
    r"byråkrat|vakt|helsesøster|helsesøstra|sjukepleiar|sykepleier|lege|legen)"
    r"(?:en|a|et|n|ne|ane|ene|ar|er|erne|ens)?(?![a-zæøå])"
)
_SEX_REPORTED = re.compile(
    r"(?<![a-zæøå])(?:viste (?:meg|oss|fram|frem)|sendte (?:meg|oss)|sendt (?:meg|oss)|tegnet|teikna|tagget|"
    r"tagga|sprayet|sprayma|skrevet|skreve|skrev|står det|kalte|kalla|kalt|ropte|trakass|anmeld|"
    r"filter|sperre|sperra)"
)


def sexual_remarks(text: str, lower: str) -> list[tuple[int, int]]:
    """The spans of sexual remarks aimed at someone, not reported (see `_SEX_REMARK`)."""
    if _SEX_REMARK.search(lower) is None or _SEX_REPORTED.search(lower) is not None:
        return []
    if _SEX_AIM.search(lower) is None:
        return []
    quotes = _quoted(text)
    return [
        m.span() for m in _SEX_REMARK.finditer(lower) if not any(qs <= m.start() < qe for qs, qe in quotes)
    ]


def _private(doc: Document, found: list[tuple[Finding, bool]]) -> _Plan:
    """A private post: the lexicons' findings stand (no veto: the classifier never learnt an
    employee's voice), and the classifier adds a threat, hate or personal attack they missed."""
    kept = [f for f, _ in found]
    someone = _SOMEONE.search(doc.lower) is not None
    if someone and not any(f.code == THREAT for f in kept):
        m = _PRIVATE_MENACE.search(doc.lower)
        if m is not None:
            kept.append(
                Finding(THREAT, m.start(), m.end(), "high", text=mask_excerpt(doc.text, m.start(), m.end()))
            )
    aimed = someone or _NAME_INSIDE.search(doc.text) is not None
    shadow = classifier.as_comment(doc)
    judgement = classifier.judgement(shadow)
    if judgement is None:
        return _Plan(kept, shadow, [])
    added = [
        c
        for c in PRIVATE_CODES
        if (aimed or c == HATE)  # hate is aimed at a group
        and judgement.says_code(c)
        and judgement.scores.get(classifier.CODE_LABELS[c], 0.0) >= PRIVATE_FLOOR
        and not any(f.code == c for f in kept)
        and (c != HATE or _hate_aimed(doc, judgement))
        and (c != THREAT or not _no_threat_heard(doc.lower))
    ]
    return _Plan(kept, shadow, added)


def _hate_aimed(doc: Document, judgement: classifier.Judgement) -> bool:
    """Whether hate the classifier alone heard may stand: a protected group is named (or
    pointed at in a coded way), or the classifier is near certain."""
    return (
        _GROUP_SIGN.search(doc.lower) is not None
        or judgement.scores.get(classifier.CODE_LABELS[HATE], 0.0) >= HATE_UNMARKED
    )


@dataclass(frozen=True)
class _Plan:
    """A text's abuse findings before the classifier's own are placed: what the lexicons keep,
    and which codes the classifier alone adds to `judged` (the text, or a private post read as
    a comment). Placing them costs a batch of the model (`classifier.carrying_spans`), which the
    batch path runs once for all texts."""

    kept: list[Finding]
    judged: Document
    added: list[str]

    @property
    def labels(self) -> list[str]:
        return [classifier.CODE_LABELS[c] for c in self.added]

    def findings(self) -> list[Finding]:
        return self.kept + _by_classifier(self.judged, self.added)


def _by_classifier(doc: Document, added: list[str]) -> list[Finding]:
    """Findings for what the classifier alone found, with the words that carry each so that it
    can be shown and quoted (the whole text when no piece carries it)."""
    if not added:
        return []
    out = []
    spans = classifier.carrying_spans(doc, [classifier.CODE_LABELS[c] for c in added])
    for code in added:
        start, end = spans.get(classifier.CODE_LABELS[code], (0, len(doc.text)))
        whole = (start, end) == (0, len(doc.text))
        text = None if whole else mask_excerpt(doc.text, start, end)
        out.append(Finding(code, start, end, _SEVERITY[code], text=text, detail={"by": "classifier"}))
    return out


def weapon_threats(text: str, lower: str) -> list[tuple[int, int, bool]]:
    """(start, end, exact) of each weapon emoji aimed at someone, with the words that aim it:
    exact when announced, loose when only words about someone come before it."""
    if not any(w in text for w in _WEAPONS):
        return []
    out = []
    for m in _WEAPON_RUN.finditer(text):
        start = max(0, m.start() - 120)
        ends = [c.end() for c in _CLAUSE_START.finditer(lower, start, m.start())]
        start = ends[-1] if ends else start
        before = lower[start : m.start()]
        if not before.strip() or before.rstrip()[-1:] in "🎂🍰🧁🥩🍖🌲🪵📚🦌":
            if _AIMED_AFTER.match(lower, m.end()) and not before.strip():
                out.append((m.start(), _AIMED_AFTER.match(lower, m.end()).end(), True))  # type: ignore[union-attr]
            continue
        if not _TARGET.search(before):
            continue
        first = _TARGET.search(before)
        out.append((start + first.start(), m.end(), bool(_MENACE.search(before))))  # type: ignore[union-attr]
    return out


_STARRED = re.compile(rf"[{LETTERS}][{LETTERS}*]*\*[{LETTERS}*]*")


@dataclass(frozen=True)
class _Lexicon:
    words: WordMatcher
    patterns: dict[str, re.Pattern[str]]
    # One pass over the text finds which pattern sets can match at all (most texts: none).
    trigger: re.Pattern[str]
    trigger_codes: dict[str, frozenset[str]]
    # Every inflected form, for matching censored words ("f*en", "i***t").
    forms: list[tuple[str, WordEntry]]


@cache
def _lexicon() -> _Lexicon:
    entries = (
        parse_words("abuse_hate_words", HATE, "high")
        + parse_words("abuse_insult_words", INSULT, "warn")
        + parse_words("abuse_obscene_words", OBSCENE, "warn")
    )
    macros = load_macros("abuse_macros")
    patterns: dict[str, re.Pattern[str]] = {}
    trigger_codes: dict[str, set[str]] = {}
    whole: set[str] = set()
    pattern_files = ((THREAT, "threat"), (HATE, "hate"), (INSULT, "insult"), (_AIMED_INSULT, "insult_aimed"))
    for code, name in pattern_files:
        regex, defined = compile_patterns(f"abuse_{name}_patterns", macros)
        assert regex is not None, name
        patterns[code] = regex
        for stem in literal_alternatives(defined["TRIGGER"]):
            if stem.endswith("$"):  # a whole word: "tar", not "tarm"
                stem = stem[:-1]
                whole.add(stem)
            trigger_codes.setdefault(stem, set()).add(code)
    # Every word of a pattern starts a word of the text, so trigger stems are looked for only
    # there ("tene" in "tekstene" is not "tenne på"), which also lets the scan skip from one
    # word boundary to the next. The trigger finds the longest stem at a position; it also
    # stands for the shorter ones.
    for stem, codes in trigger_codes.items():
        for i in range(1, len(stem)):
            codes |= trigger_codes.get(stem[:i], set())
    stems = [stem for stem in trigger_codes if stem not in whole]
    trigger = f"[^{LETTERS}0-9]((?:{trie_regex(whole)})(?![{LETTERS}0-9])|{trie_regex(stems)})"
    return _Lexicon(
        words=WordMatcher(entries, load("abuse_allow")),
        patterns=patterns,
        trigger=re.compile(trigger),
        trigger_codes={k: frozenset(v) for k, v in trigger_codes.items()},
        forms=[(e.stem + ending, e) for e in entries for ending in sorted(e.endings)],
    )


def _starred_hits(norm: Normalized, forms: list[tuple[str, WordEntry]]) -> list[WordHit]:
    hits = []
    for m in _STARRED.finditer(norm.text):
        word = m.group()
        if len(word) > 40:
            continue  # no lexicon word is that long; a run of stars is not worth a search
        visible = sum(c != "*" for c in word)
        if visible < 2 or (word.endswith("*") and visible < 3):
            continue
        rx = re.compile(
            re.sub(
                r"(?:\\\*)+",
                lambda s: f"[{LETTERS}]{{{max(1, len(s.group()) // 2 - 1)},{len(s.group()) // 2 + 1}}}",
                re.escape(word),
            )
        )
        seen = set()
        for form, entry in forms:
            if entry.category not in seen and len(form) >= len(word) - 1 and rx.fullmatch(form):
                seen.add(entry.category)
                hits.append(WordHit(entry, m.start(), m.end(), form))
    return hits


def _quoted(text: str) -> list[tuple[int, int]]:
    if not any(q in text for q in "«\"“”„'"):
        return []
    return [m.span() for m in _QUOTES.finditer(text)]


def _said_of_self(skel: str, start: int) -> bool:
    words = _PRONOUN_WINDOW.findall(skel[max(0, start - 40) : start])[-5:]
    for w in reversed(words):
        if w in _OTHER_PERSON:
            return False
        if w in _FIRST_PERSON:
            return True
    return False


def _stage_role(skel: str, hit: WordHit) -> bool:
    if _PLAYS.search(skel, max(0, hit.start - 30), hit.start):
        return True
    return hit.word.endswith(_DEFINITE) and _STAGE.match(skel, hit.end) is not None


class AbuseAnalyser:
    name: ClassVar[str] = "abuse"
    version: ClassVar[str] = f"21+{classifier.VERSION}"
    codes: ClassVar[tuple[str, ...]] = (THREAT, HATE, INSULT, OBSCENE)

    def prefetch(self, docs: Sequence[Document]) -> None:
        classifier.judge_many([classifier.as_comment(doc) if doc.kind == "private" else doc for doc in docs])
        # ...and the words carrying what the classifier alone found, for all texts in one batch
        # of the model rather than one small batch per text
        plans = [(doc, self._plan(doc)) for doc in docs if _FINDINGS not in cache_of(doc)]
        classifier.carrying_spans_many([(plan.judged, plan.labels) for _, plan in plans if plan.added])
        for doc, plan in plans:
            cache_of(doc)[_FINDINGS] = tuple(plan.findings())

    def analyse(self, doc: Document) -> list[Finding]:
        return list(findings_of(doc))

    def _plan(self, doc: Document) -> _Plan:
        found = self.rule_findings(doc)
        if doc.kind == "private":
            return _private(doc, found)
        judgement = classifier.judgement(doc)
        if judgement is None:
            return _Plan([f for f, _ in found], doc, [])
        kept = [f for f, exact in found if exact or judgement.allows_code(f.code)]
        added = [
            c
            for c in self.codes
            if judgement.says_code(c)
            and not any(f.code == c for f in kept)
            and (c != HATE or _hate_aimed(doc, judgement))
            and (c != THREAT or not _no_threat_heard(doc.lower))
            and (c != THREAT or not _unsure_without_menace(doc.lower, judgement))
        ]
        return _Plan(kept, doc, added)

    def rule_findings(self, doc: Document) -> list[tuple[Finding, bool]]:
        """What the lexicons find, each with whether it is exact (a slur)."""
        lex = _lexicon()
        norm = doc.normalized
        skel = norm.text
        found: list[tuple[str, int, int, Severity, bool]] = []  # code, skeleton start, end, severity, exact

        hits = list(lex.words.find(skel))
        if "*" in skel:
            hits.extend(_starred_hits(norm, lex.forms))
        quotes = _quoted(doc.text)
        for hit in hits:
            code = hit.entry.category
            s, e = norm.span(hit.start, hit.end)
            if any(qs <= s and e <= qe for qs, qe in quotes):
                continue
            if code in (HATE, INSULT):
                if _REPORTED.search(skel, max(0, hit.start - 60), hit.start):
                    continue
                if code == INSULT and (_said_of_self(skel, hit.start) or _stage_role(skel, hit)):
                    continue
            severity: Severity = "high" if code == HATE else hit.entry.severity  # type: ignore[assignment]
            found.append((code, hit.start, hit.end, severity, code == HATE))

        triggered: set[str] = set()
        for m in lex.trigger.finditer(" " + skel):  # the space: a word boundary before the first word
            triggered |= lex.trigger_codes[m.group(1)]
        # The classifier learnt Norwegian: it scores English threats 0.003-0.01 ("... should watch his
        # back. People around here have long memories."), under any floor, so in an English text a
        # threat pattern aimed at a third person (he should watch his back, I know where she parks)
        # stands whatever it says. Said to the reader or of a thing it is advice as often as a threat
        # ("you should watch your back when cycling", "a shame if something happened to the old
        # church, please protect it"), and the classifier still decides.
        english = THREAT in triggered and reads_english(doc.lower)
        for code in sorted(triggered):
            for m in lex.patterns[code].finditer(skel):
                if code == THREAT and _GAME.match(skel, m.end()):
                    continue
                if code in (HATE, _AIMED_INSULT):
                    s, e = norm.span(m.start(), m.end())
                    if any(qs <= s and e <= qe for qs, qe in quotes):
                        continue
                # A hate pattern names a protected group together with exclusion or dehumanisation,
                # so, like a slur, it stands whatever the classifier says (its hate scores are low
                # and uneven for texts unlike its corpus; a missed hate costs most). So does a curse
                # said to people ("faen ta dere", "de jævla tullingane"): the classifier, taught that
                # swearing is no abuse, scores them 0.001-0.03 insult.
                out = INSULT if code == _AIMED_INSULT else code
                exact = (
                    code in (HATE, _AIMED_INSULT)
                    or (code == THREAT and english and _THIRD_PERSON.search(m.group()) is not None)
                    # the tools to take down what the council put up are the menace itself (the
                    # classifier hears praise in "en helt ledig lørdag 🔥")
                    or (code == THREAT and _TOOLS.search(m.group()) is not None)
                )
                found.append((out, m.start(), m.end(), _SEVERITY[out], exact))

        findings: list[tuple[Finding, bool]] = []
        found.sort(key=lambda f: (f[1], -f[2]))
        for code, start, end, severity, exact in found:
            s, e = norm.span(start, end)
            same = [i for i, (f, _) in enumerate(findings) if f.code == code and f.start < e and s < f.end]
            if same:
                if exact:  # the exact reading of the same words wins
                    findings[same[0]] = (findings[same[0]][0], True)
                continue
            findings.append((Finding(code, s, e, severity, text=mask_excerpt(doc.text, s, e)), exact))
        if doc.kind in _OWN_TEXT:
            for m in _PUT_DOWN.finditer(doc.lower):
                s, e = m.span()
                if not any(f.code == INSULT and f.start < e and s < f.end for f, _ in findings):
                    findings.append((Finding(INSULT, s, e, "warn", text=mask_excerpt(doc.text, s, e)), False))
        for s, e in sexual_remarks(doc.text, doc.lower):
            same = [i for i, (f, _) in enumerate(findings) if f.code == OBSCENE and f.start < e and s < f.end]
            for i in same:
                findings[i] = (findings[i][0], True)
            if not same:
                findings.append((Finding(OBSCENE, s, e, "warn", text=mask_excerpt(doc.text, s, e)), True))
        for s, e, exact in weapon_threats(doc.text, doc.lower):
            if not exact and not classifier.judged(doc):
                continue  # a loose one needs the classifier's word; the municipality's texts have none
            same = [i for i, (f, _) in enumerate(findings) if f.code == THREAT and f.start < e and s < f.end]
            if same:
                if exact:
                    findings[same[0]] = (findings[same[0]][0], True)
                continue
            findings.append((Finding(THREAT, s, e, "high", text=mask_excerpt(doc.text, s, e)), exact))
        findings.sort(key=lambda pair: (pair[0].start, pair[0].end))
        return findings


_TOOLS = re.compile(r"vinkelslip|skjærebren|motorsag|boltekut")
_THIRD_PERSON = re.compile(
    r"(?<![a-z])(?:he|she|his|her|hers|him|himself|herself|they|their|theirs|them|themselves)(?![a-z])"
)


def findings_of(doc: Document) -> tuple[Finding, ...]:
    """The abuse findings of `doc`, made once per Document: the tone analyser reads them too (an
    attack's tone is negative), and finding them twice would run the classifier's carrying-words
    batch twice."""
    cache = cache_of(doc)
    found: tuple[Finding, ...] | None = cache.get(_FINDINGS)
    if found is None:
        found = cache[_FINDINGS] = tuple(AbuseAnalyser()._plan(doc).findings())
    return found


_FINDINGS = "abuse:findings"
