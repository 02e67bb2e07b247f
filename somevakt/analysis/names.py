"""Names of people (`person.named`), found by a spaCy NER model trained on NorNE (Bokmål and Nynorsk).

The model is trained with case-perturbed copies, so "kari nordmann" is found as well as
"Kari Nordmann". It also tags organisations, places and more; `entities()` gives all of
them to other analysers (e.g. whether a sentence ties a named person to a case).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from functools import cache
from typing import ClassVar

from somevakt.analysis.base import Document, Finding
from somevakt.analysis.calendar_words import TIMES
from somevakt.analysis.lexicons import load as load_lexicon
from somevakt.analysis.models import (
    MAX_MODEL_CHARS,
    VERSIONS,
    annotate,
    cache_of,
    load,
    to_model_doc,
    words_of,
)

# A very long text is tagged in pieces of this many tokens, so memory stays bounded.
_CHUNK_TOKENS = 1000


def entities(doc: Document) -> list[tuple[int, int, str]]:
    """(start, end, label) character spans of every entity in the text; the model runs once per Document."""
    cache = cache_of(doc)
    if "entities" not in cache:
        tag_many([doc])
    found: list[tuple[int, int, str]] = cache["entities"]
    return found


def person_spans(doc: Document) -> list[tuple[int, int]]:
    """(start, end) character spans of people's names."""
    return [(start, end) for start, end, label in entities(doc) if label == "PER"]


def tag_many(docs: Sequence[Document]) -> None:
    """Tag several Documents in one batch (much faster per text than one by one) and cache the result."""
    with _TAGGING:  # batches prefetched in parallel threads are tagged once
        _tag_many(docs)


_TAGGING = threading.Lock()


def _tag_many(docs: Sequence[Document]) -> None:
    pending = [doc for doc in docs if "entities" not in cache_of(doc)]
    if not pending:
        return
    nlp = load("ner")
    pieces: list[tuple[int, int, list[int], list[int]]] = []  # (which doc, first token, starts, ends)
    model_docs = []
    for index, doc in enumerate(pending):
        cache_of(doc)["entities"] = []
        w = words_of(doc)
        for first in range(0, len(w.words), _CHUNK_TOKENS):
            last = first + _CHUNK_TOKENS
            pieces.append((index, first, w.starts, w.ends))
            model_docs.append(to_model_doc(nlp, w.words[first:last], w.spaces[first:last]))
    for (index, first, starts, ends), tagged in zip(pieces, annotate(nlp, model_docs), strict=True):
        found = cache_of(pending[index])["entities"]
        text = pending[index].text
        for ent in tagged.ents:
            # The model sometimes stretches an entity over emoji or numbers beside it, or tags a
            # lone emoji: keep only the part from the first to the last token that has letters.
            lettered = [
                first + i
                for i in range(ent.start, ent.end)
                if any(ch.isalpha() for ch in text[starts[first + i] : ends[first + i]])
            ]
            if lettered and not _tag_name(text, starts[lettered[0]]):
                found.append((starts[lettered[0]], ends[lettered[-1]], ent.label_))


def _tag_name(text: str, start: int) -> bool:
    """Whether the word at `start` is an HTML tag's name ("<script>", "</b>"): pasted markup, which
    the model, never having seen any, sometimes takes for a name."""
    return text[max(0, start - 2) : start].endswith(("<", "</"))


# The writer presenting or signing as themself: their own name is not a third party named.
_SELF_BEFORE = re.compile(
    r"(?:\b(?:jeg|je|eg|æ|e) (?:heter|heiter|heite|hete|er|e)|\bmitt (?:navn|namn) er"
    r"|\b(?:navnet|namnet) mitt er|\bundertegnede|\bundertegna"
    r"|\b(?:hilsen|helsing|mvh|vh|hilsing|ærbødigst|klem|regards)"
    r"|(?:(?:^|\n)\s*|\b(?:hilsen|helsing|hilsing|mvh|vh)\s+)(?:fra|frå)"
    r"|(?:^|[.!?\n]\s*)(?:hei,? )?(?:dette|her) (?:er|e|æ)"
    # "Hallo, her er det Geir fra Lia", "Hei, jeg er ny her og heter Ahmed", "Mvh Ola og Kari",
    # "Best, Anna"
    r"|\b(?:hilsen|helsing|hilsing|mvh|vh)\s+[^\W\d_][\w-]*\s+(?:og|&)"
    r"|(?:^|[.!?\n]\s*)(?:best|cheers|all the best|best wishes)\s*,"
    r"|(?:^|[.!?\n]\s*)(?:(?:hei|hallo|heisann),? )?(?:her|dette) (?:er|e|æ) det"
    r"|\b(?:jeg|eg|æ|je)\b[^.!?\n]{0,30}\bog (?:heter|heiter|hete|heite)"
    # "Jeg, Ola Hansen, klager ...", "Eg (Kari) har ringt", "Vi, familien Hansen, ...", "Navnet er Ola",
    # "Skrevet av Per Hansen:"
    r"|\b(?:jeg|eg|æ|je|undertegnede|undertegna)\s*[,(]|\b(?:vi|me)\s*,\s*(?:familien|familia)"
    r"|\b(?:navnet|namnet) er|\b(?:skrevet|skrive|skriven|skrivi|sendt) av"
    # ... with who they are between, opening a sentence: "Skrevet av en lei pendler, Are Dahl", "Fra
    # en sint innbygger: Kåre Moe" (not "Klagen ble skrevet av en advokat, Per Hansen")
    r"|(?:^|[.!?\n]\s*)(?:(?:skrevet|skrive|skriven|skrivi|sendt) av|fra|frå)\s+(?:en|ei|et|ein|eit)\s+"
    r"[^\W\d_]+(?:\s+[^\W\d_]+){0,3}\s*[,:]"
    # a form filled in: "Navn: Kari Hansen", "Avsendar: Ola"
    r"|\b(?:navn|namn|avsender|avsendar)\s*:"
    # English: "My name is Tom Hughes", "I'm Emma, new in town"
    r"|\bmy name(?: is|'s)|(?:^|[.!?\n]\s*)(?:hi,? |hello,? )?(?:i am|i'm|this is))[\s,:.]*$",
    re.IGNORECASE,
)
# ... or their name and "her" at the start ("Kari her, mor til to"), or a name alone on the last
# line, or after a dash at the start of a line ("– Kari").
# "Mona fra 3. etasje her igjen", "Kjell frå Vestbygda her": where the writer is from may stand between.
_SELF_AFTER = re.compile(
    r"(?:\s*,?\s+(?:fra|frå|på|i)\s+(?:\d+\.|[^.!?\n,]){1,30}?)?[\s,]+(?:her|hær)\b", re.IGNORECASE
)
# ... or their name followed by who is writing: "Kari Nordmann heiter eg", "Det er Kari som skriv"
_SELF_NAMED_AFTER = re.compile(r"\s*,?\s*(?:heiter|heter|heite|hete|e|er) (?:eg|jeg|æ|je)\b", re.IGNORECASE)
# "Det er Kari som skriv": the writer; "Til deg Kenneth som skreiv kommentaren over": someone else
_IT_IS_BEFORE = re.compile(r"(?:^|[.!?\n]\s*)(?:hei,? )?(?:det|dette|her) (?:er|e|æ)\s+$", re.IGNORECASE)
# Nothing but a greeting before the writer's "Kari her, ...": "Hei! Anne her, mor til to"
_ONLY_GREETING = re.compile(
    r"\s*(?:(?:hei|hallo|heisann|hoi|halla|god morgen|god dag|hi|hello)"
    r"(?:\s+(?:alle|alle sammen))?\s*[!,.:]*\s*)?",
    re.IGNORECASE,
)
_WHO_WRITES_AFTER = re.compile(r"\s+som (?:skriv|skriver|skriv dette|skriver dette)\b", re.IGNORECASE)
# A name opening the text as a header: "Ola Hansen, Follebu.", "Kari, 45, mor til to her.",
# "Kari Nordmann (mor til Ola i 3B) lurer på ..."
_HEADER_AFTER = re.compile(
    # a place in capitals after the comma ("Ola Hansen, Follebu."), not words ("Kari Hansen, skam deg.")
    r"\s*(?:,\s*(?:\d{1,3}\s*(?:år)?\s*,|[A-ZÆØÅ][\w-]*(?:\s+[A-ZÆØÅ][\w-]*){0,2}\s*(?:[.:\n]|$))"
    r"|(?i:\((?:[^)]{0,40}\b(?:mor|far|mamma|pappa|forelder|beboer|bebuar|nabo|innbygger|innbyggjar)\b"
    r"[^)]{0,40})\)))"
)
_DASH_BEFORE = re.compile(r"(?:^|\n)[ \t]*[-–—][ \t]*$")
# A one-word "name" right after a preposition of place is far more often a place the model did
# not know ("i Vestbygda", "på Skei") than a person.
_PLACE_BEFORE = re.compile(
    r"\b(?:i|på|ved|utenfor|utanfor|innenfor|innanfor|nær|mot|gjennom)\s+$"
    # "i hele Lia", "på heile Skei", and the dialect's joined prepositions ("oppi Lia", "nedpå Kaia",
    # "borti Vika", "utåt Nesset"): no one is "oppi" a person
    r"|\b(?:i|på)\s+(?:hele|heile|heila)\s+$"
    r"|\b(?:oppi|nedi|borti|uti|inni|oppå|nedpå|bortpå|utpå|innpå|oppåt|nedåt|bortåt|utåt|"
    r"innåt|oppover|nedover|bortover)\s+$"
    # a bridge, a ferry or a walk "over" somewhere: "brua over Gausa", "gikk over te Holmen"
    r"|\b(?:[a-zæøå]*(?:bru|brua|brui|bro|broa|ferje|ferja|ferga|ferjen)\s+over"
    r"|over\s+(?:til|te|tel))\s+$",
    re.IGNORECASE,
)
# ... and after someone's name and "fra": where they are from ("Randi frå Skei", "Geir fra Lia").
_FROM_AFTER_NAME = re.compile(r"(?<![\w-])[A-ZÆØÅ][a-zæøå-]+\s+(?:fra|frå)\s+$")
# ... and after a road or a journey ("skoleveien til Hustad", "bussen fra Elnesvågen", "køyrer til
# Vestbygda"); "til" alone is far more often a person ("takk til Kari").
_ROUTE_BEFORE = re.compile(
    r"\b(?:[a-zæøå]*(?:vei|veien|veg|vegen|rute|ruta|ruten|buss|bussen|ferje|ferja|ferga|båt|båten|"
    r"tur|turen|skyss|skyssen|strekning|strekningen|strekninga|tog|toget)|kjøre|kjører|kjørte|køyre|"
    r"køyrer|køyrde|reise|reiser|reiste|[a-zæøå]*flytt(?:e|er|et|a|ar)|pendle|pendler|pendlar|gå|går)"
    r"\s+(?:til|fra|frå|mot)\s+$"
    # a bus or a route that goes (or no longer goes) somewhere: "Rute 104 går ikke lenger til Hustad?",
    # "Bussen køyrer ikkje heilt fram til Skei" (not "Ordføreren går ikke lenger til Eriksen")
    r"|\b[a-zæøå]*(?:buss|bussen|rute|ruta|ruten|ferje|ferja|ferga|båt|båten|tog|toget|skyss|skyssen|linje|"
    r"linja|linjen)(?:\s+(?:nr\.?\s*)?\d+[a-z]?)?\s+(?:går|gjekk|gikk|kjører|køyrer|kjørte|køyrde|stopper|stoppar)"
    r"(?:\s+(?:ikke|ikkje|itj|lenger|lengre|heilt|helt|direkte|videre|vidare|også|òg|bare|berre|fortsatt|"
    r"framleis|fram|frem|ned|opp|inn|ut|bort)){0,3}\s+(?:til|fra|frå|mot)\s+$",
    re.IGNORECASE,
)
# ... and between two places: "bussen fra Bøverbru til Lena", "frå Lom til Vågå"; not between two
# people: "fra Kari til Per", "helsing frå Ola til Kari" (`_between_places`).
_FROM_TO_BEFORE = re.compile(
    r"\b(?i:fra|frå|from)\s+(?P<origin>[A-ZÆØÅ][\w-]*)(?:\s+[A-ZÆØÅ][\w-]*)?\s+(?i:til|to)\s+$"
)
# Words for streets, squares and institutions: a name right before one is the street's or the
# school's ("Ingrid Bjerkes vei", "Edvard Munch videregående skole", "Olav Duun vidaregåande").
_STREET_AFTER = re.compile(
    r"\s+(?:vei|veien|veg|vegen|gate|gata|gaten|allé|plass|plassen|bakke|bakken|sving|svingen|"
    r"torg|torget|park|parken|skole|skolen|skule|skulen|senter|senteret|hall|hallen|minde|tun|tunet|"
    r"videregående|vidaregåande|vgs|akademi|akademiet|institutt|instituttet|museum|museet|stiftelse|"
    r"stiftelsen|stadion|arena|minne|memorial|street|road|avenue|school|college|centre|center|"
    # a municipality, a county or a parish by its name ("Strandvik kommune", "Elvdal kommune klarer
    # ikke ...", "for dårlig av Nordli kommune")
    r"kommune|kommunes|kommuna|herad|fylkeskommune|fylke|sokn|prestegjeld)\b",
    re.IGNORECASE,
)
# A family firm: "Brødrene Dahl", "Brdr. Berg" ("søsknene Oliver og Lucy" are people).
_FIRM_BEFORE = re.compile(r"\b(?:brødrene|brødr\.|brdr\.?|firma|firmaet)\s*$", re.IGNORECASE)
# A title, not a person: "eksemplarer av Harry Potter", "ny visning av Max Manus", "satte opp Anne
# Frank", "filmen om Max Manus"; "boka av Jo Nesbø" names its author and "boka Signy Fardal har
# skrevet" its writer, who stay people.
_TITLE_BEFORE = re.compile(
    r"\b(?:eksemplar\w*|kopi\w*|visning\w*|oppsetning\w*|oppsetjing\w*|framsyning\w*|utgave\w*|"
    r"utgåve\w*|versjon\w*|sesong\w*|episode\w*)\s+av\s+$"
    r"|\b(?:film\w*|bok|boka|boken|bøker|bøkene|bøkane|serie\w*|musikal\w*|stykket|forestilling\w*|"
    r"teaterstykke\w*|dokumentar\w*|tegnefilm\w*|teiknefilm\w*)\s+om\s+$"
    r"|\b(?:sette|setter|satte|sett|setje|setjer|sete)\s+opp\s+$",
    re.IGNORECASE,
)
# ... or a film shown on a screen: "viste Donald Duck på storskjerm".
_SHOWN_BEFORE = re.compile(r"\b(?:vise|viser|viste|vist|vis|syne|syner|synte)\s+$", re.IGNORECASE)
_ON_SCREEN_AFTER = re.compile(r"\s+på\s+(?:storskjerm\w*|kino\w*|lerret\w*|tv|skjerm\w*)\b", re.IGNORECASE)
# A pet: "Hunden min Bella", "katten vår Pus", "Møt Luna, vår nye valp", "Rambo og de andre hundene".
_ANIMALS = (
    r"(?:hund|hunden|hundar|hunder|hundene|hundane|bikkja|bikkje|bikkjene|katt|katten|katter|kattene|"
    r"kattane|katta|pus|pusen|puser|valp|valpen|valper|valpar|kattunge\w*|hest|hesten|hestar|hester|"
    r"ponni\w*|kanin\w*|marsvin\w*|hamster\w*|undulat\w*|papegøye\w*|kjæledyr\w*|gullfisk\w*)"
)
_PET_BEFORE = re.compile(
    rf"\b{_ANIMALS}(?:\s+(?:min|mi|mitt|mine|vår|vårt|våre|din|di|hans|hennes|deres|dykkar|dokkers|"
    r"vårres|dæmmes))?\s*,?\s+$",
    re.IGNORECASE,
)
_PET_AFTER = re.compile(
    r"\s*,?\s+(?:vår|vårt|min|mi|mitt|din|den|det|ein|en|ei|som er)\s+(?:(?:nye|nya|lille|litle|"
    rf"vesle|gamle|søte|gode|kjære)\s+)?{_ANIMALS}\b"
    rf"|\s+og\s+(?:de|dei|dæm|alle)\s+(?:andre|andra)\s+{_ANIMALS}\b",
    re.IGNORECASE,
)
# English: a capitalised word after the article is a thing ("fix the Wifi at the Library"); not
# "a", the dialect article before a woman's name ("a Randi på kontoret").
_THE_BEFORE = re.compile(r"\b(?:the|an)\s+$", re.IGNORECASE)
_CAPITALISED_AFTER = re.compile(r"\s+([A-ZÆØÅ][\w-]*)")
# Dialect pronouns and words the model sometimes takes for names when written in lower case.
_NOT_NAMES = frozenset(
    """dæm dem dæ dåkk dokk dokker døkk dykk mæ æ æg ho hu hænn hannj ka kæm kem kor ke kå sjø sæ
    oss okk vårres dæmmes kossen korsen korsn kossn åssen hvorsen""".split()
)
# Oaths and exclamations ("Satan så digg", "Herregud så flott"), and determiners a capitalised
# sentence start puts before a noun ("Mitt fnr er ...", "Alle de ...").
_NOT_FIRST_WORDS = frozenset(
    """satan faen fanden helvete pokker herregud jøss jisses dæven dævelen fysj uff huff huffda
    mitt min mi mine din ditt di dine vår vårt våre deres dykkar alle den det denne dette disse
    hele heile noen nokon nokre ingen hver kvar mange flere fleire""".split()
)
# Curses written before a name as an adjective ("Helvetes Trude Viken", "jævla Per Hansen"): the
# model draws them into the name, or tags the whole as an organisation; the name after them is a
# person's, and the curse is no part of it.
_CURSES = frozenset(
    """helvetes jævla jævlig jævlige jævelen javla jækla jækkel faens fanden fandens satans
    forbanna forbannede fordømte fordømt pokkers dævelens djevelske""".split()
)
_CURSE_BEFORE_NAME = re.compile(r"(?P<curse>[^\W\d_]+)\s+(?=[A-ZÆØÅ])")
# Kinship words people write with a capital for their own family ("Mor", "Bestefar").
_KIN = frozenset(
    """mor far mamma pappa mora faren moren bestemor bestefar mormor morfar farmor farfar besta
    bror søster syster onkel tante oldemor oldefar""".split()
)
# Particles that stand in lower case inside a name ("Ludwig van Beethoven", "Pål av Lier").
_NAME_PARTICLES = frozenset({"van", "von", "de", "der", "den", "la", "le", "af", "av", "di", "da", "du"})
# Definite endings of a common noun; a lower-case "name" with one in a text that capitalises its
# sentences is a noun the model misread ("da strømmen var borte", "gjerde inn hagen").
_DEFINITE_ENDINGS = ("en", "et", "ene", "ane")
_SURNAME_ENDINGS = ("sen", "son", "ssen")
_SIGN_OFF = frozenset({"hilsen", "helsing", "hilsing", "mvh", "vh", "ærbødigst", "klem"})
_GENERIC = frozenset({"kommune", "kommunen", "kommuna", "herred", "sokn"})
# Words that make a "name" a place, a building or an institution: "Segalstad bru", "Aulestad
# kirke", and Title Case rants ("Dritt Ledelse").
_THING_WORDS = frozenset(
    """bru brua brui bro broa vei veien veg vegen gate gata gaten sentrum skole skolen skule skulen
    kirke kirka kyrkje kyrkja kapell hall hallen senter senteret senter park parken torg torget
    plass plassen stasjon stasjonen fylke fylkeskommune barnehage barnehagen sykehjem sjukeheim
    helsehus helsetun omsorgssenter hotell kaia havn hamn hamna fjord fjorden sjø sjøen vatn
    vatnet vann vannet elv elva dal dalen fjell fjellet tunnel tunnelen ferje ferja ferga flyplass
    stadion idrettslag il fk sk as asa bhg bibliotek biblioteket museum museet ledelse ledelsen
    akademi akademiet institutt instituttet stiftelse stiftelsen orkester orchestra korps korpset
    administrasjon administrasjonen kommunestyre kommunestyret rådhus rådhuset maskin transport bygg
    elektro regnskap entreprenør rør taxi drosje auto bilverksted verksted camping marina""".split()
)
# Definite endings of place words, at the end of a one-word "name": "Espedalen", "Ringvegen".
_PLACE_ENDINGS = (
    "dalen",
    "vika",
    "bygda",
    "fjorden",
    "øya",
    "sjøen",
    "vatnet",
    "vannet",
    "elva",
    "marka",
    "berget",
    "neset",
    "sundet",
    "tunet",
    "byen",
    "gata",
    "veien",
    "vegen",
    "brua",
    "kaia",
    "torget",
    "parken",
    "hallen",
    "skolen",
    "skulen",
    "kirka",
    "kyrkja",
    "senteret",
    "feltet",
    "jordet",
    "løkka",
    "stranda",
    "fjellet",
    "heimen",
    "hjemmet",
    "hagen",
    "bakken",
    "åsen",
    "sletta",
    "moen",
    "tangen",
    "vollen",
    "jordet",
    "gården",
    "garden",
    "huset",
    "stien",
    "setra",
    "sætra",
    "brygga",
    "bryggja",
    "stua",
    "lia",  # "Granlia", "Fagerlia"; not a given name ending so ("Emilia": `_is_place`)
    "bøen",  # "Nerbøen", "Storbøen" (the surname "Bøen" alone is too short to end so)
    "holmen",  # "Langholmen", "Sandholmen"
    "myra",
    # more endings of farms, bays, islands and heights: "Storvåg", "Brattvær", "Storlihøgda", "Sletteby"
    "våg",
    "vågen",
    "vær",
    "høgda",
    "høgde",
    "høyda",
    "toppen",
    "kollen",
    "nuten",
    "haugen",
    "by",
)
# Endings of events and prizes: "Ryddeaksjon Fjæra", "Holmenkollstafetten", "Olav Duun-prisen",
# "Birkebeinerrennet": a name made of one is an event, not a person.
_EVENT_ENDINGS = (
    "aksjon",
    "aksjonen",
    "dugnad",
    "dugnaden",
    "løpet",
    "stafett",
    "stafetten",
    "festival",
    "festivalen",
    "rennet",
    "cup",
    "cupen",
    "markedet",
    "martna",
    "marknaden",
    "prisen",
    "stemnet",
    "konserten",
    "turneringa",
    "turneringen",
)


# Given names that are also everyday words: first in a sentence ("Finn ut ...", "Tale er ...") or
# in lower case ("per dag", "jo", "tom") they are the word, not the name.
_AMBIGUOUS_FIRST = frozenset(
    {"finn", "even", "may", "june", "tale", "live", "jo", "tea", "ask", "rein", "said", "rosa", "max"}
)
_AMBIGUOUS_LOWER = _AMBIGUOUS_FIRST | frozenset(
    """tom dag liv stein are odd gro eli mats per mina dina inga siv sten ann lise oda alma lea mira
    kim tim lina""".split()
)
# Definite forms of nouns that end in -sen like a patronymic surname ("Bussen kom ikke").
_SEN_NOUNS = frozenset(
    """bussen ambulansen dansen balansen avisen krisen prisen posen kassen pausen linsen sausen
    fasen basen vasen massen lisensen ressursen responsen kursen sensen buksen boksen""".split()
)
# Endings of surnames from farm names ("Fardal", "Mæland", "Stoltenberg", "Svindal"): first in a
# sentence such a word is far more often a surname than a noun, less the nouns below.
_FARM_SURNAME_ENDINGS = (
    "stad",
    "heim",
    "vik",
    "land",
    "berg",
    "dal",
    "dahl",
    "rud",
    "nes",
    "seth",
    "lid",
    "haug",
    "aas",
    "ås",
    "rem",
    "strand",
    "holm",
    "gård",
    "gaard",
    "lie",
    "sæter",
    "seter",
    "voll",
    "tveit",
    "bø",
    "vang",
    "lund",
    "stein",
    "bakk",
    "bekk",
    "mork",
    "eide",
    "hovd",
    "fjeld",
    "fjell",
)
_FARM_NOUNS = frozenset(
    """skandal pedal sjukeheim aldersheim omsorgsheim studentheim utland fastland innland bygdeland
    idrettsland ferieland sandstrand badestrand isberg fjell brannstein gråstein hjørnestein
    grunnstein bondegård gårdsbruk kirkegård kyrkjegard skolegård skulegard bakgård""".split()
)
# Words first in a place name ("Øvre Lia", "Ytre Lauva", "Gamle Bud").
_PLACE_PREFIXES = frozenset(
    """øvre nedre ytre indre vestre østre nordre søndre store stor vesle lille litle gamle
    nye midtre kafé kafe adresse hotell restaurant butikk""".split()
)
# What ends a sentence, so that the word after it is written with a capital whatever it is.
_SENTENCE_END = frozenset(".!?:;…\n-–—•*>|")


@cache
def _name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """Given names, and surnames (the entries after the `surnames:` line)."""
    given: set[str] = set()
    surnames: set[str] = set()
    into = given
    for line in load_lexicon("given_names"):
        if line == "surnames:":
            into = surnames
            continue
        into.update(w.lower() for w in line.split())
    return frozenset(given), frozenset(surnames)


def given_names() -> frozenset[str]:
    """The given names of the lexicon, lower-cased."""
    return _name_lists()[0]


def _person_words() -> frozenset[str]:
    return _name_lists()[0] | _name_lists()[1]


@cache
def _not_person_words() -> frozenset[str]:
    return frozenset(w.lower() for line in load_lexicon("not_person_names") for w in line.split())


def _at_sentence_start(text: str, start: int) -> bool:
    """Whether the word at `start` opens a sentence, a line or the text, or follows a colon, a
    dash or an emoji: there a capital says nothing about a name."""
    before = text[max(0, start - 100) : start].rstrip(" \t\"'«»“”([")  # bounded: a long text
    if not before:
        return True
    if _TITLE_ABBREVIATION.search(before):
        return False
    last = before[-1]
    return last in _SENTENCE_END or not (last.isalnum() or last in ",)")


# Abbreviations before a name whose full stop ends no sentence ("dr. Okafor", "fru Hansen").
_TITLE_ABBREVIATION = re.compile(r"\b(?:dr|hr|fr|fru|frk|prof|st|sr|jr|adv|mr|mrs|ms)\.\s*$", re.IGNORECASE)
# Words the model draws into a name beside it: a pronoun or a dialect word after it ("@Kjetil Aas du
# er ...", "ongan e"), a greeting or a title before it at a sentence start ("Heia Hustadvika",
# "Pedagogene Lise", "Rådmann Sagen").
# Endings of titles and roles written before a name ("Rådmann Sagen", "Barnevernsleder Tone").
_TITLE_ENDINGS = (
    "leder",
    "leiar",
    "sjef",
    "mann",
    "fører",
    "førar",
    "behandler",
    "behandlar",
    "lærer",
    "lærar",
    "rektor",
    "mester",
    "meister",
    "ingeniør",
    "bibliotekar",
    "pleier",
    "pleiar",
    "lege",
    "rådgiver",
    "rådgjevar",
    "konsulent",
    "direktør",
    "arbeider",
    "arbeidar",
    "assistent",
    "sekretær",
    "elev",
    "tante",
    "onkel",
    "fru",
    "frøken",
    "doktor",
    "dr",
    "hr",
)
_TRAILING_NOT_NAME = frozenset(
    """du dæ deg dokk dokker dere dykk e er ska skal har og som itj ikkje ikke kosa sa""".split()
)


# Lower-case words that stay at the end of a span: name particles, and place or building words
# that make it a place ("Segalstad bru").
_KEPT_AFTER_NAME = _NAME_PARTICLES | _THING_WORDS


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span less the words around a name that the model drew into it: a sentence end inside it
    ("Arnfinn. Kæm"), lower-case words or pronouns after capitalised ones, lower-case words before
    them, and a greeting, title or common noun first at a sentence start. None if nothing is left."""
    parts = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    for i, (_s, e) in enumerate(parts[:-1]):
        if (
            text[e - 1] in ".!?:;"
            and not _TITLE_ABBREVIATION.search(text[:e])
            and not re.fullmatch(r"[A-ZÆØÅ]\.", text[_s:e])  # an initial: "Inge D. Hanssen"
        ):
            parts = parts[: i + 1]
            break
    for i, (s, e) in enumerate(parts[:-1]):
        if text[s:e].strip(".,!:;").lower() in _SIGN_OFF:
            parts = parts[i + 1 :]  # "alternativ B. Mvh Eva": the signature after a sign-off
            break
    for i, (s, e) in enumerate(parts):
        if any(ch.isdigit() for ch in text[s:e]):
            parts = parts[:i]  # "Ida, 2B", "saksnr 23/4411": a number ends a name
            break

    def word(part: tuple[int, int]) -> str:
        return text[part[0] : part[1]].strip(".,!?:;'\"«»()").lstrip("@#")

    def cased(part: tuple[int, int]) -> bool:
        return word(part)[:1].isupper()

    while len(parts) > 1 and word(parts[0]).lower() in _CURSES:
        parts.pop(0)  # "Helvetes Kari Nordby": the curse is no part of the name

    if len(parts) > 1 and any(cased(p) for p in parts):
        while len(parts) > 1 and (
            (not cased(parts[-1]) and word(parts[-1]).lower() not in _KEPT_AFTER_NAME)
            or word(parts[-1]).lower() in _TRAILING_NOT_NAME
        ):
            parts.pop()
        while len(parts) > 1 and not cased(parts[0]):
            parts.pop(0)
        first = word(parts[0]).lower()
        if (
            len(parts) > 1
            and _at_sentence_start(text, parts[0][0])
            and first not in _person_words()
            and (
                first in _not_person_words()
                or first.endswith(_TITLE_ENDINGS)
                or (len(first) >= 7 and first.endswith(_DEFINITE_ENDINGS))  # not "Steven", "Karen"
            )
        ):
            parts.pop(0)
    if not parts or not word(parts[0]):
        return None
    return parts[0][0], parts[-1][1]


# An @-tag names someone taking part in the thread. Tagging a friend ("@Kari Lie kakao etterpå?",
# "@Ola Berg du har rett") names no third party; the tag is reported when the text attacks or
# scorns the one tagged ("@Ola Berg du er jo helt blåst", "hold kjeft", "din idiot").
_TAG_BEFORE = re.compile(r"@[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,2}\s*$")
_ATTACK_ON_TAGGED = re.compile(
    r"\b(?:du|dere|dokker|dåkk|dykk)(?:\s+to)?\s+(?:er|e|æ|ser ut|skriv|skriver|veit|vet|lyver|lyg|lyge)\s+"
    r"(?:(?:jo|så|bare|berre|berr|helt|heilt|vel|nok|ikke|ikkje|faktisk|rett og slett)\s+){0,3}"
    r"(?:en|ein|ei|et|eit|så|for|dum\w*|teit|blåst|sur|frekk|ekkel|udugelig|ubrukelig|misunnelig|ingenting|"
    r"vett|peiling|null|IQ|ute av|som)\b"
    r"|\bhar (?:ikke|ikkje|itj) (?:vett|peiling|greie)|\bIQ\b|\btypisk deg\b"
    r"|\b(?:hold kjeft|hald kjeft|ti stille|skam deg|skjemmes|folk som deg|sånne som|slike som|"
    r"pass (?:deg|dæ)|(?:vet|veit) (?:hvor|kvar|hvem|kven) du)\b"
    r"|(?:idiot|dust|drittsekk|kjerring|troll|rasist|løgner|feiging|ynkelig|patetisk|boomer|slikke|"
    r"sauskalle|tulling|tosk|hore|jævel|faen ta|naut|fjols|ræva|rasshøl|kukfjes)"
    r"|[\U0001F52A\U0001F52B\U0001FA93\U0001F5E1\U0001F4A3\u26B0\U0001FAA6\u2620\U0001F608]",
    re.IGNORECASE,
)


# The one a comment answers in a thread, named without "@": as with a friend tagged, no third party
# is named unless the text attacks them. The name heads the reply ("Siri: ja, dei opnar kl. 10",
# "Til Hanne: ...", "Knut, du har helt rett"), is thanked for a tip ("Takk for tipset, Anders!",
# "Takk Line, det visste jeg ikke!"; not "Takk, Anne-Lise, for hjelpa" or "Takk for svaret, Elin",
# which thank someone for their work, often the municipality's own), or is agreed with or quoted
# ("enig med Torbjørn", "som Randi skriver").
_HEADING_BEFORE = re.compile(
    r"^\s*(?:(?:hei|hallo|heisann|hi|hello)[\s,!]*)?(?:(?:svar\s+)?(?:til|te|åt)\s+|svar\s+|re:\s*)?$",
    re.IGNORECASE,
)
_HEADING_AFTER = re.compile(
    r"\s*:|\s*,\s*(?:du|dere|dokker|dåkk|dykk|you)\s+(?:har|hadde|e|er|are)\s+"
    r"(?:(?:helt|heilt|heilt|jo|nok|så|absolutt|completely)\s+)?(?:rett|right)\b"
    r"|\s*,\s*(?:enig|einig|samd|godt sagt|bra sagt|takk for)\b",
    re.IGNORECASE,
)
_THANKS_BEFORE = re.compile(
    r"^\s*(?:(?:tusen|mange|stor|hjertelig|hjarteleg)\s+)?(?:takk|thanks|thank you|thx)"
    r"(?:\s+(?:for|te|til)\s+(?:(?P<tip>tipset|tips|infoen|info|informasjonen|opplysninga|opplysningen|"
    r"linken|lenka|lenken|the tip|the info|the link)))?\s*,?\s*$",
    re.IGNORECASE,
)
# ... and the text goes on after the name, not in a complaint ("Takk for tipset, Kari, men ..."); after
# a bare "Takk Line," the writer says they learnt something ("det visste jeg ikke", "da vet jeg det"):
# a bare "Takk Stine!" or "Takk Marit, og takk til alle i hjemmetenesta" thanks someone for their work.
_THANKS_AFTER = re.compile(
    r"(?!\s*,?\s*(?:for|te|til|men|but)\b)\s*(?:[!.,:;]|[^\w\s])+\s*(?=\S)(?!.*\b(?:men|but)\b)",
    re.IGNORECASE,
)
_LEARNT = re.compile(
    r"\b(?:visste|visse|veit|vet|vett|skjønte|skjønner|skjønar|forstår|sjekke|sjekker|prøve|prøver|prøvar|"
    r"good to know|didn't know|did not know)\b",
    re.IGNORECASE,
)
_AGREED_BEFORE = re.compile(
    r"\b(?:enig|einig|samd|agree)\s+(?:med|with)\s+(?:(?:deg|dæ|you)\s*,?\s*)?$|\b(?:som|like|as)\s+$",
    re.IGNORECASE,
)
_QUOTED_AFTER = re.compile(
    r"\s+(?:skriv|skriver|skreiv|skrev|skrive|sa|sier|seier|nevner|nemner|påpeker|says|said|wrote)\b",
    re.IGNORECASE,
)


_TO_NEXT_SENTENCE_END = re.compile(r"[^.!?\n]*[.!?\n]*\s*[^.!?\n]*")


def _answered_in_thread(text: str, start: int, end: int) -> bool:
    """Whether the name is the one a comment answers, thanks for a tip or agrees with (see above);
    the caller still checks that the text attacks no one and that no workplace follows the name."""
    before = text[max(0, start - 60) : start]
    if start <= 60 and _HEADING_BEFORE.search(before) and _HEADING_AFTER.match(text, end):
        return True
    thanks = _THANKS_BEFORE.search(before) if start <= 60 else None
    if thanks and _THANKS_AFTER.match(text, end):
        # what follows the name, to the end of the next sentence
        following = _TO_NEXT_SENTENCE_END.match(text, end)
        if thanks.group("tip") or (following and _LEARNT.search(following.group())):
            return True
    agreed = _AGREED_BEFORE.search(before)
    if agreed is None:
        return False
    quoting = agreed.group().lower().startswith(("som", "like", "as"))  # "som Randi skriver"
    return not quoting or bool(_QUOTED_AFTER.match(text, end))


def _tagged(text: str, start: int) -> bool:
    return text.startswith("@", start) or bool(_TAG_BEFORE.search(text, 0, start))


def _is_title(word: str) -> bool:
    """Whether a word is a title or role in the definite form ("ordførern", "rådmannen")."""
    for suffix in ("'n", "en", "n", "a", "et"):
        if word.endswith(suffix) and word[: -len(suffix)].endswith(_TITLE_ENDINGS):
            return True
    return False


def _lower_case_name(words: list[str]) -> bool:
    """Whether lower-case words are a name: a given name first ("kari nordmann") or a surname
    last ("ola berg")."""
    given, surnames = _name_lists()
    first, last = words[0].lstrip("@#"), words[-1]
    return (first in given and first not in _AMBIGUOUS_LOWER) or (
        last in surnames or (len(last) >= 5 and last.endswith(_SURNAME_ENDINGS) and last not in _SEN_NOUNS)
    )


def _lone_word_is_a_name(text: str, start: int, end: int, word: str) -> bool:
    """Whether a one-word span is a name. The model also tags words it only saw capitalised at a
    sentence start or in lower case ("Bussen kom ikke", "Dottera mi", "Nån må komme", "insulin"):
    there the word must be a known given name or surname, or have a surname's ending. An @-tag
    is a name; a word with a capital inside ("BankID", "AtB") is a brand; a capitalised word
    inside a sentence is trusted unless it is a brand, a disease, a country or a greeting."""
    raw = text[start:end]
    if raw.startswith("@") or text[max(0, start - 1) : start] == "@":
        return True
    letters = raw.strip(".,!?:;'\"«»()#")
    if len(word) < 2 or word in _not_person_words():
        return False
    if any(p[1:] != p[1:].lower() for p in letters.split("-")) and not letters.isupper():
        return False  # "BankID", "AtB", "iPhone"
    if letters.isupper() and len(letters) <= 4:
        return False  # an abbreviation: "NAV", "BUP"
    given, surnames = _name_lists()
    if _is_title(word) and word not in given and word not in surnames:
        return False  # "Ordførern", "Rådmannen", "Rektoren": a role, not a name
    if (
        word.endswith("s")
        and len(word) > 3
        and word not in given
        and word not in surnames
        and word[:-1] not in _SEN_NOUNS
    ):
        word = word[:-1]  # a genitive: "Hansens bil", "Karis hage"
    known = all(part in given or part in surnames for part in word.split("-"))  # "Anne-Grete"
    surname = len(word) >= 5 and word.endswith(_SURNAME_ENDINGS) and word not in _SEN_NOUNS
    farm_name = len(word) >= 5 and word.endswith(_FARM_SURNAME_ENDINGS) and word not in _FARM_NOUNS
    if letters[:1].islower() or letters.isupper():
        if _capitalises_sentences(text) and not letters.isupper():
            return False  # a writer who capitalises sentences capitalises names too
        # in lower case a farm surname is the word it comes from ("hagen", "bakken")
        return (word in given and word not in _AMBIGUOUS_LOWER) or surname
    if _at_sentence_start(text, start):
        return (known and word not in _AMBIGUOUS_FIRST) or (surname and not _sen_noun(word)) or farm_name
    return True


def _sen_noun(word: str) -> bool:
    """Whether a word ending like a patronymic first in a sentence is rather a noun in the
    definite form: "Demensen", "Balansen", "Undersøkelsen" (-ensen, -ansen; a long -elsen, not
    "Bertelsen"), unless it is a surname made from a given name ("Jensen", "Mortensen")."""
    noun_like = word.endswith(("ensen", "ansen")) or (word.endswith("elsen") and len(word) >= 11)
    return noun_like and not _patronymic(word)


def _patronymic(word: str) -> bool:
    """Whether a word ending in -sen/-son is a known surname or one made from a given name
    ("Hansen", "Olsen", "Pedersen", "Mathisen")."""
    given, surnames = _name_lists()
    stem = word[:-3] if word.endswith(("sen", "son")) else word[:-4]  # "ssen"
    return word in surnames or any(
        candidate in given
        for candidate in (stem, stem + "s", stem + "e", stem + "er", stem + "as", word[:-2])
    )


@cache
def _place_lists() -> tuple[frozenset[str], frozenset[str]]:
    """The place names, and those of them that are also common surnames or words (marked `?`)."""
    entries = [entry.lower() for entry in load_lexicon("place_names")]
    return (
        frozenset(e for e in entries if not e.endswith("?")),
        frozenset(e.rstrip("?") for e in entries if e.endswith("?")),
    )


def _places() -> frozenset[str]:
    return _place_lists()[0]


@cache
def _own_words(municipality_name: str) -> frozenset[str]:
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", municipality_name.lower())
    return frozenset(w for w in words if w not in _GENERIC)


# Grocery and hardware chains whose shops are named after the place ("Coop Kvitmo", "Kiwi Sentrum").
_SHOP_CHAINS = frozenset(
    "coop rema kiwi spar joker bunnpris meny extra obs europris felleskjøpet byggmakker montér mester "
    "xl-bygg biltema jula clas elkjøp power".split()
)


def _is_place(words: list[str], own: frozenset[str], text_words: frozenset[str] = frozenset()) -> bool:
    """Whether a "name" of these (lower-cased, punctuation-stripped) words is a place, a
    building or an institution rather than a person. A place name that is also a common surname
    ("Eide", "Lund") is a place only beside another place named in the text ("Fræna og Eide")."""
    places, ambiguous = _place_lists()
    # a place's genitive: "Båtsfjords beste kafé", "Gausdals tursti"
    words = [w[:-1] if w.endswith("s") and (w[:-1] in own or w[:-1] in places) else w for w in words]
    tail = words[-1].rsplit("-", 1)[-1]
    if "-" in words[-1] and len(tail) > 3 and (tail in _THING_WORDS or tail.endswith(_PLACE_ENDINGS)):
        return True  # "Ola Nordmann-plassen", "Jens Evensen-vegen"
    if all(w in own or w in _GENERIC or w in places or w in _THING_WORDS for w in words):
        return True
    if len(words) == 1 and words[0] in ambiguous and text_words & (places | own) - {words[0]}:
        return True
    if len(words) > 1 and words[0] in _SHOP_CHAINS:
        return True  # a shop: "Coop Kvitmo", "Rema Sentrum"
    if len(words) > 1 and (words[-1] in _THING_WORDS or words[0] in _PLACE_PREFIXES):
        return True  # "Segalstad bru", "Øvre Lia"
    if any(
        w.endswith(_EVENT_ENDINGS)
        and (len(w) >= 9 or w.rsplit("-", 1)[-1] in _EVENT_ENDINGS)
        and w not in _person_words()
        for w in words
    ):
        return True  # an event or a prize: "Ryddeaksjon Fjæra", "Olav Duun-prisen"
    word = words[0]
    return (
        len(words) == 1
        and word not in _name_lists()[0]  # "Emilia", "Natalia" end like "Granlia"
        # a long ending needs less before it ("Lisætra"); a short one more ("Granlia", not "Emilia")
        and any(
            word.endswith(end) and len(word) >= len(end) + (2 if len(end) >= 5 else 3)
            for end in _PLACE_ENDINGS
        )
    )


_SIGN_OFF_IN_LINE = re.compile(
    r"\b(?:hilsen|helsing|hilsing|mvh|vh|ærbødigst|klem|regards)\b(?!\s+(?:til|åt)\b)", re.I
)
# ... but the one a greeting goes to is not the writer: "Hilsen fra Ola til Kari"
_TO_BEFORE = re.compile(r"\b(?:til|åt|to)\s+$", re.IGNORECASE)
_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum() says
_ONLY_PUNCTUATION = re.compile(r"[ \t.!,]*\Z")


def is_writer(text: str, start: int, end: int) -> bool:
    """Whether the name at start..end is the writer's own (`_is_writer`), from the span alone; the
    model may draw the sign-off into the name ("Hilsen Bjørn")."""
    words = text[start:end].lower().split()
    return bool(words) and _is_writer(text, start, end, words[0].strip(".,!?:;"))


def _is_writer(text: str, start: int, end: int, first_word: str) -> bool:
    """Whether the name at start..end is the writer's own: a self-introduction or a signature."""
    before = text[max(0, start - 40) : start]
    if _SELF_BEFORE.search(before) or first_word in _SIGN_OFF:
        return True
    if not text[:start].strip() and _HEADER_AFTER.match(text, end):
        return True  # "Ola Hansen, Follebu."
    opening = _ONLY_GREETING.fullmatch(text, 0, start) or _IT_IS_BEFORE.search(before)
    if opening and _SELF_AFTER.match(text, end):
        return True  # "Kari her, ...", "Hei! Anne her, mor til to", "Hei, det er Randi frå Skei her"
    if _SELF_NAMED_AFTER.match(text, end):
        return True  # "Kari Nordmann heiter eg"
    if _WHO_WRITES_AFTER.match(text, end) and _IT_IS_BEFORE.search(before):
        return True  # "Det er Kari som skriv"
    line_start = text.rfind("\n", 0, start) + 1
    # (what follows the name is searched in place, never copied: a long text has many names)
    on_last_line = text.find("\n", end) == -1
    if on_last_line and _SIGN_OFF_IN_LINE.search(text[line_start:start]) and not _TO_BEFORE.search(before):
        return True  # "Hilsen en sint innbygger, Kari Nordmann" (not "Hilsen fra Ola til Kari")
    if (
        text[:start].strip()
        and not _ALNUM.search(text, end)
        and (lead := text[:start].rstrip()[-1:]) not in ",:;()\"'«"
        and not lead.isalnum()
        and end - start <= 40
        and not _tagged(text, start)
    ):
        return True  # signed at the end of the last line: "Ha ein fin dag. Kari Nordmann"
    on_last_line = on_last_line and _ONLY_PUNCTUATION.match(text, end) is not None
    alone_on_line = not text[:start].rsplit("\n", 1)[-1].strip() and "\n" in text[:start]
    return on_last_line and (alone_on_line or bool(_DASH_BEFORE.search(before)))


def _not_a_name(text: str, start: int, end: int, words: list[str]) -> bool:
    """Whether a span the model tagged is plainly no name: a dialect pronoun, an oath or a
    determiner first ("Dæm på teknisk", "Satan så glatt", "Mitt fnr"), capitalised and lower-case
    words mixed ("Lås bodene"), or a lower-case definite noun in a text that capitalises its
    sentences ("strømmen")."""
    if words[0] in _NOT_NAMES or words[0] in _NOT_FIRST_WORDS:
        return True
    if len(words) == 1 and words[0] in _KIN:
        return True  # "Mor har oksygenmaskin": the writer's mother, not a name
    raw = [w.lstrip("@#([«\"'") or w for w in text[start:end].split()]
    if len(raw) > 1:
        cased = [w[:1].isupper() for w, low in zip(raw, words, strict=False) if low not in _NAME_PARTICLES]
        if any(cased) and not all(cased):
            return True
    word = words[0]
    if len(words) == 1 and raw[0].islower() and word.endswith(_DEFINITE_ENDINGS) and len(word) >= 5:
        if not word.endswith(_SURNAME_ENDINGS) and _capitalises_sentences(text):
            return True
    return False


def _not_a_person(text: str, start: int, end: int, before: str) -> bool:
    """Whether a name is something named after a person or given a name, not a person: a family
    firm, a book, film or play, a pet, or an English thing after an article. (The reader greeted
    in the municipality's own reply, "Hei Per! ...", stays named: beside their own matter it
    identifies them.)"""
    if _FIRM_BEFORE.search(before) or _THE_BEFORE.search(before):
        return True
    words = [w.strip(".,!?:;'\"«»()").lower() for w in text[start:end].split()]
    if len(words) > 1 and all(w in _not_person_words() for w in words):
        return True  # "Coop Extra", "Statens vegvesen"
    if _TITLE_BEFORE.search(before) or (_SHOWN_BEFORE.search(before) and _ON_SCREEN_AFTER.match(text, end)):
        return True
    if text[start - 1 : start] in ("«", '"', "“") and text[end : end + 1] in ("»", '"', "”"):
        return True  # a title in quotes: «Harry Potter»
    return bool(_PET_BEFORE.search(before) or _PET_AFTER.match(text, end))


def _capitalises_sentences(text: str) -> bool:
    starts = re.findall(r"(?:^|[.!?]\s+)([^\W\d_])", text)
    return bool(starts) and all(c.isupper() for c in starts)


_CAPITALISED_WORD = re.compile(r"(?<![\w@#-])[A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ][a-zæøåéü]+)?(?![\w-])")


# A given name first in a sentence with where the person works after it ("Per på teknisk er så
# dum", "Kari i resepsjonen"), not a time ("Per i dag", "Per i mars", "Per på mandag": "as of");
# and a lower-case given name after a dialect article ("hu jorunn på sosialkontoret").
_AT_WORK_AFTER = re.compile(
    # also "i vår" (this spring; "vår" is "our" too, which confidential reads before a workplace:
    # "på vår avdeling") and "i alt", "i snitt", "i løpet", "i stand": no workplace either
    rf"\s+(?:på|i|ved|hos|fra|frå)\s+(?!(?:{TIMES}|"
    r"vår|alt|alle|snitt|fall|hvert|kvart|løpet|stand|ferd|orden|lag|mål|to|tre|mot)\b)"
    r"[a-zæøå]",
)
# A verb that has a person for its subject, after a given name first in a sentence: "Gudrun har fått
# demens", "Kari ringte i går" (a word that is also a given name, "Liv er viktig", is left out below).
_PERSON_VERB_AFTER = re.compile(
    r"\s+(?:har|hadde|fikk|fekk|er|e|var|va|ble|blei|vart|ligger|ligg|låg|døde|døydde|sa|sier|seier|"
    r"kom|måtte|skal|ska|jobber|jobbar|ringte|ringde|svarte|fortalte|fortalde|sliter|slit|kjente|"
    r"klarer|klarar|trenger|treng)(?![\wæøå])"
)
# Given names that are words first in a sentence before "på"/"i" ("Stein på vegen", "Bo i byen");
# "Per på teknisk" is a name ("Per i dag" is left out by the time words above).
_AMBIGUOUS_AT_START = (_AMBIGUOUS_LOWER - {"per"}) | {"bo"}
_ARTICLE_NAME = re.compile(r"\b(?:han|hun|hu|ho|hæn|n)\s+([a-zæøå]+)(?=\s+(?:på|i|ved|hos|fra|frå)\s)")


# What makes a lone given name a person's beside it: a relative, a pupil, a patient or a neighbour
# before it ("sønnen min Elias", "dottera vår Ida", "naboen Kjell"), an age after it ("Elias (9)"),
# or being addressed with an exclamation ("Takk for alt, Reidun!", "Lykke til, Ingvild?").
_PERSON_NOUN_BEFORE = re.compile(
    r"\b(?:sønn(?:en)?|son(?:en)?|gutt(?:en)?|guten|dotter|dottera|datter(?:en)?|dattera|jent(?:a|en)|"
    r"barn(?:et)?|mann(?:en)?|kon(?:a|en)|kjærest(?:en|e)|sambo(?:en)?|bror(?:en)?|søster(?:en)?|syster|"
    r"systera|mor(?:a|en)?|far(?:en)?|bestemor|bestefar|besta|naboen?|granne(?:n)?|kollega(?:en)?|"
    r"elev(?:en)?|pasient(?:en)?|beboer(?:en)?|bebuar(?:en)?|bruker(?:en)?|brukar(?:en)?)"
    r"(?:\s+(?:min|mi|mitt|vår|vårt|din|di|hans|hennes|hennar|deira|deres))?\s*,?\s*$",
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(r"\s*\(\s*\d{1,3}\s*(?:år)?\s*\)")
_EXCLAIMED = re.compile(r",\s*$")
_EXCLAMATION_AFTER = re.compile(r"\s*[!?]")


def _person_context(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 40) : start]
    return bool(
        _PERSON_NOUN_BEFORE.search(before)
        or _AGE_AFTER.match(text, end)
        or (_EXCLAIMED.search(before) and _EXCLAMATION_AFTER.match(text, end))
    )


def missed_given_names(doc: Document) -> list[tuple[int, int]]:
    """Given names from our list that the model tagged as nothing: a lone first name in dialect
    and after a pronoun ("Han Ståle på teknisk e så lat", "takk for alt, Reidun!"), one first in
    a sentence with a workplace after it ("Per på teknisk"), a lower-case one after a dialect
    article ("hu jorunn på sosialkontoret"), or one the model drew into lower-case words
    ("Emma at the service"). They then pass the same filters as the model's names."""
    # only where the model reads (its first MAX_MODEL_CHARS characters): each word is compared with
    # the model's entities, so a megabyte of capitalised names would otherwise take minutes
    text = doc.text[:MAX_MODEL_CHARS]
    given = _name_lists()[0]
    tagged = entities(doc)
    out = []
    for m in _ARTICLE_NAME.finditer(text):
        word = m.group(1)
        if (
            word in given
            and word not in _AMBIGUOUS_LOWER
            and not any(s < m.end(1) and m.start(1) < e for s, e, _ in tagged)
        ):
            out.append(m.span(1))
    if text.islower():
        return out
    for m in _CAPITALISED_WORD.finditer(text):
        word = m.group().lower()
        if word not in given or word in _AMBIGUOUS_FIRST:
            continue
        if _at_sentence_start(text, m.start()) and (
            not (_AT_WORK_AFTER.match(text, m.end()) or _PERSON_VERB_AFTER.match(text, m.end()))
            or word in _AMBIGUOUS_AT_START
        ):
            continue
        # a lone given name the model called an organisation or a product is still a name, and so
        # is one it drew into lower-case words after it; a place or a longer entity around it is
        # left to the model
        # a lone given name the model called a place is a person where what stands around it says
        # so ("sønnen min Elias (9)", "takk for alt, Reidun!") and it is no place we know
        person_like = _person_context(text, m.start(), m.end()) and word not in _places()
        if any(
            s < m.end()
            and m.start() < e
            and ((s, e) != m.span() or label == "PER" or (label in ("LOC", "GPE_LOC") and not person_like))
            and not (s == m.start() and label != "PER" and text[m.end() : e].islower())
            for s, e, label in tagged
        ):
            continue
        out.append((m.start(), m.end()))
    return out


def _cursed_names(doc: Document) -> list[tuple[int, int]]:
    """Names after a curse that the model tagged, curse and all, as something other than a person
    ("Helvetes Trude Viken" as an organisation): the words after the curse, where the first is a
    given name from our list. They then pass the same filters as the model's names."""
    given = _name_lists()[0]
    out = []
    for start, end, label in entities(doc):
        if label == "PER":
            continue
        m = _CURSE_BEFORE_NAME.match(doc.text, start, end)
        if m is None or m.group("curse").lower() not in _CURSES:
            continue
        first = doc.text[m.end() : end].split(maxsplit=1)[0].strip(".,!?:;")
        if first.lower() in given:
            out.append((m.end(), end))
    return out


def _between_places(before: str) -> bool:
    """Whether the text before a one-word name is "fra X til" with X a place, not a person: from a
    given name that is no place, what follows "til" is a person too ("fra Kari til Per")."""
    m = _FROM_TO_BEFORE.search(before)
    if m is None:
        return False
    origin = m.group("origin").lower()
    return origin not in _name_lists()[0] or origin in _places() or origin in _place_lists()[1]


def named_people(doc: Document) -> list[tuple[int, int]]:
    """The names of people other than the writer: person spans less the writer's own name (a
    self-introduction or a signature), the municipality's own name, places (a known place name,
    a name ending in a place word such as "bru" or "-dalen", a name right before a street word:
    "Ingrid Bjerkes vei"), one-word "names" after a preposition of place or a road or journey
    ("skoleveien til Hustad"), and spans that are plainly no name (`_not_a_name`)."""
    own = _own_words(doc.context.municipality_name)
    out = []
    text_words: frozenset[str] | None = None
    attacks: bool | None = None  # whether the text attacks anyone ("Knut, du er jo en idiot")
    for found in person_spans(doc) + missed_given_names(doc) + _cursed_names(doc):
        trimmed = _trimmed(doc.text, *found)
        if trimmed is None:
            continue
        start, end = trimmed
        before = doc.text[max(0, start - 40) : start]
        words = [w.strip(".,!?:;") for w in doc.text[start:end].lower().split()]
        if _is_writer(doc.text, start, end, words[0]):
            continue
        if text_words is None:
            text_words = frozenset(re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", doc.text.lower()))
        if _is_place(words, own, text_words):
            continue
        if len(words) == 1 and (
            _FROM_AFTER_NAME.search(before)
            or _PLACE_BEFORE.search(before)
            or _ROUTE_BEFORE.search(before)
            or _between_places(before)
        ):
            continue
        if _not_a_person(doc.text, start, end, before):
            continue
        if _STREET_AFTER.match(doc.text, end):
            continue  # a street or place named after someone
        after = _CAPITALISED_AFTER.match(doc.text, end)
        if after and after.group(1).lower() in _THING_WORDS:
            continue  # a firm or a building the model cut short: "Nilsen Maskin", "Haugen Bygg"
        if _not_a_name(doc.text, start, end, words):
            continue
        if len(words) == 1 and not _lone_word_is_a_name(doc.text, start, end, words[0].lstrip("@#")):
            continue
        raw = doc.text[start:end]
        if len(words) > 1 and raw.islower() and not _lower_case_name(words):
            continue  # "ongan e", "e dæm", "pga storm", "the harbour"
        if len(words) > 1 and raw.isupper() and not any(w.strip("@#") in _person_words() for w in words):
            continue  # shouted words: "HADDE BRUKKET FOTEN" (not "HJEMMEHJELPEN SOLVEIG")
        tagged = _tagged(doc.text, start)
        answered = not tagged and doc.kind == "comment" and _answered_in_thread(doc.text, start, end)
        if tagged or (answered and not _AT_WORK_AFTER.match(doc.text, end)):  # not "Takk Kari på teknisk!"
            if attacks is None:  # searched once: a long text has many names
                attacks = bool(_ATTACK_ON_TAGGED.search(doc.text))
            if not attacks:
                continue  # a friend tagged; "Takk Line, det visste jeg ikke!", "Knut, du har rett"
        out.append((start, end))
    return out


class NameAnalyser:
    name: ClassVar[str] = "names"
    version: ClassVar[str] = f"{VERSIONS['ner']}+18"
    codes: ClassVar[tuple[str, ...]] = ("person.named",)

    def prefetch(self, docs: Sequence[Document]) -> None:
        """Optional batch step: run the model over many Documents at once before `analyse` each."""
        tag_many(docs)

    def analyse(self, doc: Document) -> list[Finding]:
        return [
            Finding("person.named", start, end, "info", text=doc.text[start:end])
            for start, end in named_people(doc)
        ]
