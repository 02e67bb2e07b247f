"""Confidential matters: an identifiable person tied to a matter under a duty of confidentiality."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.confidential import CASE_DETAILS, ConfidentialAnalyser


def found(text: str) -> list[tuple[str, list[str]]]:
    return [
        (text[f.start : f.end], f.detail["matters"]) for f in ConfidentialAnalyser().analyse(Document(text))
    ]


@pytest.mark.parametrize(
    ("text", "matter"),
    [
        ("Sønnen din får ikke spesialundervisning selv om PPT har anbefalt det.", "school"),
        ("Dattera hennar har fått diagnosen ADHD.", "health"),
        ("Eleven i 5B ble mobbet i friminuttet i går.", "school"),
        ("Pasienten på rom 12 fikk feil medisin i natt.", "health"),
        ("Mor til Ola har fått avslag fra NAV på sosialhjelp.", "social_services"),
        ("Barnevernet tok omsorgen for barnet hans i fjor.", "child_welfare"),
        ("Hans mor har demens og venter på sykehjemsplass.", "health"),
        ("Sønnen hennes var på legevakten i natt.", "health"),
        ("Naboen min er siktet for vold.", "other"),
        ("Den 14 år gamle jenta er plassert i fosterhjem.", "child_welfare"),
        ("Tøff dag på jobb. En av beboerne våre på sjukeheimen, Ola (87), har fått kreft.", "health"),
        ("Ein av elevane på skulen vår får spesialundervisning.", "school"),
        # a diagnosis inside a compound word
        ("Faren hans er kreftsyk, så han er mye borte fra jobb.", "health"),
        ("Sønnen deres har autismespekterforstyrrelse og får ikke hjelp.", "health"),
        ("Datteren din har fått ADHD-diagnose, og skolen følger opp.", "health"),
        ("Tanta di har depresjonsplager og er sjukmeld.", "health"),
        ("Kollegaen min har brystkreft.", "health"),
        # substance abuse as people write it
        ("Vi vet at sønnen din sliter med rusproblemene sine.", "health"),
        ("Naboen min ruser seg hver helg.", "health"),
        ("Mannen hennes er narkotikamisbruker og har gjeld.", "health"),
        ("Faren din har et alkoholproblem, det vet vi godt.", "health"),
        ("Broren hans er tilbake på avrusning.", "health"),
        # a death in a place of care: the one who died is the person
        ("En av beboerne våre på Lia sykehjem døde i natt, veldig trist.", "health"),
        ("Ei av bebuarane på sjukeheimen døydde i natt.", "health"),
        ("En eldre mann døde på Gausdal sykehjem i natt etter et fall.", "health"),
        ("Fikk beskjed om at en pasient døde på avdelingen vår i natt.", "health"),
        ("Vi beklager at moren din fikk feil medisinering på sykehjemmet.", "health"),
    ],
)
def test_it_ties_a_person_to_a_confidential_matter(text: str, matter: str) -> None:
    (finding,) = found(text)
    assert matter in finding[1]


@pytest.mark.parametrize(
    "text",
    [
        # a citizen's own or family's health in their own comment is theirs to tell (challenge_format.md):
        # the question is answered, not hidden and referred
        "far min har alzheimer og bur på Lundheim. kan vi ha han med på julebordet, eller må vi søke?",
        "Dottera mi har cerebral parese og startar i barnehagen i august. Kven kan vi ringe om det?",
        "Min egen datter har Downs syndrom og har hatt fine år på Nordre Bakken skole.",
        "Hei, kan noen fra hjemmesykepleien ringe meg om faren min?",
        # a place the name model takes for a person is no one's matter
        "Hvor mange barn i Lundheim får hjelp fra barnevernet? Jeg skriver en oppgave om det.",
    ],
)
def test_a_citizens_own_family_in_a_comment_is_no_confidential_matter(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Visste dere at han som kjører skolebussen er dømt for vold mot samboeren?",
        "ho Grete i Nordlia ha vørri på rus heile hausten og får sosialhjelp kvar månad.",
        "Familien i den gule blokka har ein son med alvorleg diabetes, og skulen gjer ingenting.",
        "Den nye legen på sjukeheimen har mista autorisasjonen i Danmark, det veit alle.",
    ],
)
def test_someone_elses_conviction_habit_or_illness_told_in_a_comment_is_a_confidential_matter(
    text: str,
) -> None:
    assert len(found(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Barnevernet trenger flere ansatte.",
        "Spesialundervisning er et viktig tema i kommunestyret.",
        "Takk til sykepleier Kari for god behandling!",
        "Takk til Kari på legevakten.",
        "Sønnen min elsker den nye lekeplassen.",
        "NAV-kontoret er stengt i dag.",
        "Vi har kreftforeningen på besøk i morgen, kom og støtt!",
        "Flott foredrag om rusforebygging på skolen i dag.",
        "Informasjon om demenskoordinator finner du på nettsiden vår.",
        "Naboen min har vannskade i kjelleren.",
        "Mannen min har strømsvikt på hytta.",
        "Sjefen min snakket om maktmisbruk i kommunestyret.",
        "Sønnen min er helt uavhengig nå.",
        "Bestemor fortalte om da bestefar døde i krigen.",
        "Pasientene på sykehjemmet fikk besøk av barnehagen i dag.",
        "Det er påfallende samanfall mellom de to planene.",
        "Faren min har snakket varmt for energiuavhengighet.",
    ],
)
def test_it_leaves_general_talk_and_praise_alone(text: str) -> None:
    assert found(text) == []


def test_it_needs_person_and_matter_in_the_same_sentence() -> None:
    assert found("Sønnen min går på skolen. Mobbing er et problem i hele landet.") == []
    assert found("En av beboerne sa at maten var god. Demens er vanlig blant eldre.") == []


def test_it_follows_a_pronoun_back_one_sentence_to_a_relation_or_role() -> None:
    assert found("Sønnen min. Han har ADHD.") == [("Sønnen min. Han har ADHD", ["health"])]
    text = "Dattera mi begynte på skulen i haust. No har ho fått spesialundervisning."
    ((span, matters),) = found(text)
    assert span.startswith("Dattera mi") and matters == ["school"]
    # no pronoun: the matter is about people in general
    assert found("Naboen min er hyggelig. Barnevernet trenger flere ansatte.") == []
    # two sentences back is too far to follow safely
    assert found("Sønnen min går på skolen. Den har mange elever. Han har ADHD.") == []
    # a name alone is not followed back, and care without a matter is praise
    assert found("Takk til Kari. Hun ga meg god behandling.") == []


def test_it_reports_the_matter_not_the_person() -> None:
    text = "Dattera hans er innlagt på sykehuset."
    (finding,) = ConfidentialAnalyser().analyse(Document(text))
    assert finding.code == CASE_DETAILS and finding.severity == "high"
    assert "innlagt" in (finding.text or "") and "Dattera" not in (finding.text or "")
    assert text[finding.start : finding.end].startswith("Dattera hans")


def found_in(kind: str, text: str) -> list[str]:
    return [text[f.start : f.end] for f in ConfidentialAnalyser().analyse(Document(text, kind))]


@pytest.mark.parametrize(
    "text",
    [
        "Søknaden din om sosialhjelp er under behandling, du får svar innen to uker.",
        "Hei Ola! Saken om omsorgsovertakelse er sendt til fylkesnemnda.",
        "Ditt vedtak om bostøtte er innvilget.",
        "Vi beklager at faren din ble liggende uten tilsyn på sykehjemmet i natt.",
        # a third person pointed at in the thread, or what happened to them stated as fact
        "Eleven det gjelder har en autismediagnose og får ekstra oppfølging.",
        "Hei! Eleven det gjeld har vedtak om spesialundervisning.",
        "Jeg kan bekrefte at mannen som ble nevnt er under rusbehandling.",
        "Beboeren du nevner fikk feil medisin i helgen.",
        "Pasienten på korttidsavdelinga har fått kreftdiagnose.",
        "Barnevernet har vært på hjemmebesøk hos familien i Sjøgata 3.",
        "Den eldre damen i Storgata er flyttet til sykehjemmet fordi demensen har blitt verre.",
    ],
)
def test_a_reply_that_reveals_the_readers_own_case_is_confidential(text: str) -> None:
    assert found_in("reply", text)


@pytest.mark.parametrize(
    "text",
    [
        "Søknaden om sosialhjelp sendes til NAV-kontoret.",
        "Du kan søke om sosialhjelp på nav.no.",
        "Saken om eiendomsskatt er sendt til kommunestyret.",
        "Informasjon om omsorgsovertakelse finner du på bufdir.no.",
        "Vi har mottatt klagen din og svarer innen tre uker.",
        "Kona mi jobber på kreftavdelingen på sykehuset.",
        # rights and possibilities are information, not someone's case
        "Eleven har rett til spesialundervisning dersom PPT tilrår det.",
        "Barnet kan få hjelpetiltak fra barnevernet hvis foreldrene ønsker det.",
        "Pasienten har krav på sykehjemsplass når vilkårene er oppfylt.",
        "Familien kan søke om startlån i Husbanken.",
    ],
)
def test_a_reply_about_how_things_work_is_not(text: str) -> None:
    assert found_in("reply", text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hadde et møte med en klient i dag som har mistet alt på grunn av spillavhengighet.", True),
        ("Måtte akuttplassere to små barn i kveld.", True),
        ("Eleven min i 4A har endelig fått sakkyndig vurdering fra PPT!", True),
        ("Har vært sykmeldt med depresjon i et halvt år, i morgen er jeg tilbake på jobb!", False),
        ("To små barn fikk besøk av brannbilen i barnehagen i dag!", False),
        ("Vi trenger flere fosterhjem i kommunen! Kanskje du kan hjelpe?", False),
    ],
)
def test_an_employees_private_post_about_someone_met_at_work(text: str, expected: bool) -> None:
    # one's own illness is one's own to tell; a client's, a pupil's or a family's is not
    assert bool(found_in("private", text)) is expected


def test_a_citizen_writing_about_their_own_application_is_not_read_as_a_reply() -> None:
    # "your application" addresses someone only in the municipality's own texts
    assert found_in("comment", "Søknaden din om sosialhjelp er under behandling, sier de.") == []


def test_a_death_in_care_is_named_once() -> None:
    (finding,) = ConfidentialAnalyser().analyse(
        Document("En av beboerne døde på sykehjemmet i natt.", "private")
    )
    assert finding.text == "døde på sykehjemmet"


# --- sentences as people write them: an ordinal or an abbreviation does not end a sentence ---


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("comment", "Sønnen min Jonas (8) i 3. klasse har fått diagnosen dysleksi og trenger hjelp."),
        ("comment", "Dottera vår i 6. klasse blir mobba kvar einaste dag."),
        ("comment", "Jenta hennar går i 10. trinn og har angst, men skulen gjer ingenting."),
        ("comment", "Mora hans (f. 1941) har demens og ventar på plass."),
        ("private", "Ein elev i 7. klasse fekk spesialundervisning i dag etter lang kamp."),
        ("reply", "Vi beklager at sønnen din i 2. klasse ikke har fått spesialundervisning ennå."),
    ],
)
def test_an_ordinal_or_abbreviation_keeps_person_and_matter_in_one_sentence(kind: str, text: str) -> None:
    assert found_in(kind, text)


def test_a_real_sentence_end_still_separates() -> None:
    assert found("Sønnen min går i 3. klasse. Mobbing er et problem i hele landet.") == []


# --- diseases people name without the word "diagnose" ---


@pytest.mark.parametrize(
    "text",
    [
        "Mora hans har Alzheimer og har vore på korttidsopphald i tre veker.",
        "Faren hennes har Parkinsons og får ikke hjelp hjemme.",
        "Bror hennar har schizofreni og bur aleine.",
        "Kona hans har KOLS og treng heimesjukepleie.",
        "Svigerfar er på korttidsopphold etter et fall.",
    ],
)
def test_named_diseases_and_stays_in_care_are_matters(text: str) -> None:
    # "Svigerfar" has no possessive; a stay in care needs a relation, so only the others count
    if text.startswith("Svigerfar"):
        assert found(text) == []
    else:
        assert found(text)


# --- people in general are nobody in particular ---


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("comment", "Har kommunen kurs for foreldre til born med ADHD? Finn ingenting på nettsida."),
        ("comment", "Finnes det en gruppe for foreldre til barn med diabetes?"),
        ("comment", "Er det tilbud til pårørende og mødre til barn med autisme?"),
        ("reply", "Vi har et eget kurs for foreldre til barn med ADHD, se nettsiden."),
        # a role noun with a bare present tense is how the service works, not someone's case
        ("reply", "Eleven får spesialundervisning når PPT har gjort en sakkyndig vurdering."),
        ("reply", "Pasienten får medisinene sine fra hjemmesykepleien etter avtale med fastlegen."),
        ("reply", "Brukeren er selv ansvarlig for å søke om bostøtte hvert år."),
        ("reply", "Når barnet har fått plass i fosterhjem, har foreldrene rett til samvær."),
        ("reply", "Dersom eleven har mye fravær, tar skolen kontakt med foreldrene."),
        ("reply", "Hvis beboeren får demens, vurderer vi om det trengs en annen omsorgsbolig."),
        ("private", "Familien har ofte behov for avlastning når et barn har en funksjonsnedsettelse."),
        ("reply", "Søkeren får svar på søknaden om sosialhjelp innen tre uker."),
        ("reply", "Dei som bur i kommunal bolig, får tilbod om bustøtte. Brukaren har ansvar for å søkje."),
    ],
)
def test_general_information_about_a_service_is_not_a_case(kind: str, text: str) -> None:
    assert found_in(kind, text) == []


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        # the same roles, pointed at one person by time, place or a past event
        ("reply", "Pasienten er nå innlagt på sykehuset etter fallet i går."),
        ("reply", "Eleven fikk spesialundervisning fra høsten av."),
        ("reply", "Beboeren på rom 4 får fortsatt feil medisin, det beklager vi."),
        ("private", "Brukaren eg var hos i dag har fått ein kreftdiagnose."),
        ("reply", "Mor til Ingrid har fått avslag på bostøtte."),
        ("comment", "Foreldra til Emil har fått bekymringsmelding frå barnehagen."),
    ],
)
def test_one_person_pointed_at_is_still_a_case(kind: str, text: str) -> None:
    assert found_in(kind, text)


@pytest.mark.parametrize(
    "text",
    [
        "Tøff vakt i natt. En av pasientene våre på demensavdelingen falt og brakk hofta.",
        "Tung dag på jobb i dag, en bruker jeg har fulgt i mange år døde i natt.",
        "Hadde møte med en familie i dag som har mistet alt. Barnevernet er koblet inn.",
        "Vi har fått ny pasient på avdelinga, ho er 45 år og har ALS. Så trist.",
        "Ein ny bebuar kom i dag, han har hatt hjerneslag og treng mykje hjelp.",
        "Trist vakt. Ein av brukarane mine døydde i går kveld.",
    ],
)
def test_an_employees_private_post_about_someone_at_work_in_other_words(text: str) -> None:
    assert found_in("private", text)


@pytest.mark.parametrize(
    "text",
    [
        "Tøff vakt i natt, men flotte kolleger. Ny uke i morgen!",
        "Vi har fått nye pasientsenger på avdelinga, endelig!",
        "Hadde møte med en familie i dag som skal kjøpe huset vårt. Spennende!",
        "Bestefar døde i natt, 94 år gammel. Takk for alt.",
    ],
)
def test_an_employees_private_post_without_anyone_from_work_is_not(text: str) -> None:
    assert found_in("private", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Vedtaket om avlastning er klart, du får brev i Altinn. Hilsen Kari",
        "Faren din ble flyttet til korttidsavdelingen i går. Hilsen Per",
        "Legen har vurdert at mannen din ikke trenger innleggelse. Hilsen Kari",
        "Pasienten du skriver om er utskrevet. Hilsen Kari",
    ],
)
def test_a_reply_telling_the_state_of_someones_care_is_confidential(text: str) -> None:
    assert found_in("reply", text)


@pytest.mark.parametrize(
    "text",
    [
        "Hei! Du kan søke om avlastning på nettsiden vår. Hilsen Kari",
        "Korttidsavdelingen har besøkstid mellom 12 og 18. Hilsen Per",
        "Vedtaket om ny skolestruktur er klart, og saken ligger på nettsiden. Hilsen Kari",
        "Rapporten er skrevet ut og ligger i skranken. Hilsen Per",
    ],
)
def test_a_reply_about_care_in_general_is_not(text: str) -> None:
    assert found_in("reply", text) == []


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("private", "Som rektor må jeg si at mobbesaken i 6B er under kontroll.", True),
        ("reply", "Mobbesaka i 7. klasse er meldt til rektor og følgd opp. Helsing Kari", True),
        ("reply", "Vi har hatt ekstra fokus på mobbing i 5. trinn denne høsten. Hilsen Kari", False),
        ("private", "Hendelsen i 3B i dag var heldigvis bare en brannøvelse.", False),
    ],
)
def test_a_case_in_one_class_points_at_the_few_in_it(kind: str, text: str, expected: bool) -> None:
    assert bool(found_in(kind, text)) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Sonen hennar er innlagd på psykiatrisk og får ikkje ta eksamen.",
        "Kona hans er på avrusing og han står åleine med tre born.",
        "Mora hans har fått feil dose av diabetesmedisinen tre gonger.",
        "Faren hennes får ikke blodtrykksmedisinen sin til rett tid.",
    ],
)
def test_relations_and_care_written_in_nynorsk_and_compounds(text: str) -> None:
    assert found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Apoteket har fått inn ny allergimedisin, sier de.",
        "Son of a gun, for en konsert!",
        "Eg er son av ein fiskar og er stolt av det.",
    ],
)
def test_medicine_and_sons_in_general_are_not(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Guten hennar har fått diagnosen autisme.",
        "Barnebarnet mitt blir mobba på skulen.",
        "Onkelen hans har demens og får ikkje plass.",
        "Kjæresten hennes er innlagt på sykehuset etter en overdose.",
        "Foreldra hans har fått avslag på omsorgsbolig.",
    ],
)
def test_more_relatives_as_people_write_them(text: str) -> None:
    assert found(text)


def test_someone_of_the_writers_family_is_still_someone_else() -> None:
    # the teacher's sick leave is the teacher's matter, not the writer's daughter's
    assert found("Læreren til datteren min er sykmeldt med depresjon igjen. Hvem har klassen nå?")
