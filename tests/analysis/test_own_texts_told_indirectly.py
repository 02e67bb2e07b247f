"""The municipality's own texts judged in the app (issue 12), session 10: confidential matters an
employee tells indirectly in a private post, irony without the usual words and opinions phrased as a
stance in a reply. Through the policy engine with each municipality's pack, so the action and the
clause are what an adviser would see. Our own sentences, bokmål, nynorsk and dialect, none from the
corpus or the own-text sets."""

from __future__ import annotations

import pytest

from somevakt.policy.engine import evaluate
from somevakt.policy.packs import list_packs, load_pack

SLUGS = list(list_packs())
CASE = "confidential.case_details"


def decide(slug: str, text: str, kind: str):
    return evaluate(text, kind, load_pack(slug))


def assert_sent_back(slug: str, text: str, kind: str, code: str) -> None:
    """The finding is named, the text is stopped, and the clause cited is the municipality's own."""
    d = decide(slug, text, kind)
    assert code in d.codes, (text, d.codes)
    assert d.action in ("block", "revise"), (text, d.action)
    assert d.clauses and all(c.startswith(slug + ":") for c in d.clauses)


# --- confidential matters in an employee's private post -----------------------------------------

TOLD_INDIRECTLY = [
    # someone the writer does something with at work, and what happened to them
    "Dama jeg har stelt hver kveld i et år, fikk vite i dag at kreften er tilbake.",
    "Ho eg køyrer til dialyse kvar veke, orka ikkje turen i dag. Nyrene sviktar no.",
    # a death of someone met at work, wherever it happened
    "Karen vi har hatt dagtilbud for siden i vår, ble funnet død hjemme i går.",
    # one among the people one works with, an adjective between
    "En av de nye lærlingene våre har fått påvist diabetes. Tøff gutt!",
    # a colleague, with or without "min"
    "Kollega måtte gå hjem i dag etter et angstanfall. Vi heier på deg!",
    # sick leave in any form
    "Rektor er langtidssykmeldt igjen, og ingen på skolen får vite noe.",
    # a child taken from home, told without the service's name
    "Måtte fortelle en ung far i dag at han ikke får beholde barnet foreløpig.",
    # someone in the writer's class
    "Amir i klassen min har fått diagnosen dysleksi, og han er så lei seg.",
    # one person by what marks them out, and a family pointed at
    "Fikk endelig plass i bolig til mannen med rusproblemene som har sovet i bilen.",
    "Barnevernet var hos den familien på Haugen igjen i dag. Tredje gang.",
]


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("text", TOLD_INDIRECTLY)
def test_a_confidential_matter_told_indirectly_in_a_private_post_is_stopped(slug: str, text: str) -> None:
    assert_sent_back(slug, text, "private", CASE)


OWN_BUSINESS = [
    # the writer's own health and family, and work told without anyone's matter
    "Tilbake på jobb etter tre uker sykmeldt. Godt å se kollegaene igjen!",
    "Farmor døde i natt, 96 år. Takk for alle hilsener.",
    "Min egen sønn har dysleksi, og han er den smarteste gutten jeg vet om.",
    "Gratulerer til kollegaen vår som fikk prisen som årets lærling-veileder!",
    "Nattevakt på avdelinga, stille og fredelig. Kaffe og kryssord.",
    "Hun burde fått sparken for lenge siden, sier alle om den nye treneren til laget.",
    "Alle i klassen min var på skitur i dag. For en gjeng!",
]


@pytest.mark.parametrize("text", OWN_BUSINESS)
def test_own_health_own_family_and_plain_work_are_not_confidential(text: str) -> None:
    d = decide("hustadvika", text, "private")
    assert CASE not in d.codes, (text, d.codes)


# --- irony without the usual words in a reply ---------------------------------------------------

IRONY_WITHOUT_THE_USUAL_WORDS = [
    # mock gratitude for the obvious
    "Takk for at du sier fra om at det er mørkt om kvelden. Det hadde vi nesten glemt. Hilsen Kari",
    "Vi hadde aldri funnet ut at bussen var sein uten deg. Mvh Per",
    # the reader knows best, better than our staff
    "Du vet nok best, du. Mvh Geir",
    "Du har sikkert lest mye mer om asfalt enn fagfolkene våre. Hilsen Kari",
    # a favour too big for one reader, powers nobody has
    "Vi skal selvsagt legge ny asfalt akkurat på din gate foran alle andre. Eller, akkurat din gate "
    "først. Mvh Per",
    "Vi tar kontakt med dem som styrer været, spesielt for deg. Hilsen Kari",
    "Me skal syte for at snøen er borte til du kjem heim frå jobb. Helsing Ola",
    # counting the reader's complaints
    "Takk for din tjuende e-post denne måneden. Mvh Per",
    # a sarcastic afterthought standing alone
    "Vi har forstått at det er vår feil at du ikke fikk med deg fristen. Som alltid. Hilsen Kari",
]


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("text", IRONY_WITHOUT_THE_USUAL_WORDS)
def test_irony_without_the_usual_words_is_sent_back_for_revision(slug: str, text: str) -> None:
    assert_sent_back(slug, text, "reply", "style.irony")


POLITE = [
    "Takk for at du sa fra om lyset i Parkveien, det er meldt til elektrikeren. Hilsen Kari",
    "Du vet sikkert at fristen er 1. mars, men her er lenken igjen. Mvh Per",
    "Veien din brøytes etter hovedveiene, vanligvis før klokka ti. Hilsen Kari",
    "Vi har fått mange spørsmål om dette, så svaret ligger nå under Ofte stilte spørsmål. Mvh Per",
    "Takk for din e-post. Vi svarer innen fem arbeidsdager. Hilsen Kari",
    "Programmet er spesielt for deg som er ny i kommunen. Velkommen! Mvh Per",
]


@pytest.mark.parametrize("text", POLITE)
def test_polite_and_plain_replies_are_not_taken_for_irony(text: str) -> None:
    d = decide("gausdal", text, "reply")
    assert "style.irony" not in d.codes, (text, d.codes)
    assert d.action == "ok", (text, d.action, d.codes)


# --- the writer's own opinion on a political matter in a reply ------------------------------------

OPINION_AS_A_STANCE = [
    # the writer as a citizen or in private
    "Som innbygger selv er jeg ikke begeistret for bomstasjonen heller. Mvh Per",
    "Privat mener jeg at eiendomsskatten burde vært fjernet. Hilsen Kari",
    "Mitt inntrykk er at politikerne har forhastet seg med skolestrukturen. Mvh Per",
    # a vote the writer would have given
    "Eg hadde sjølv røysta mot det vedtaket. Helsing Ola",
    # a verdict on a decision without an adjective list
    "Vedtaket om å stenge badet er dessverre feil. Hilsen Kari",
    "Det hadde vært klokere om formannskapet hadde ventet et år. Mvh Per",
    "Den nye kommuneplanen er et steg i feil retning. Hilsen Kari",
    "Dessverre valgte flertallet å kutte i kulturskolen. Mvh Per",
    "Det var eit modig og viktig vedtak. Helsing Ola",
    # a unit speaking for the administration, many of us
    "Vi i barnehagen er ikke overbevist om at kuttet i budsjettet er lurt. Hilsen Kari",
    "Her er vi mange som gjerne skulle sett at skolen fikk bestå. Mvh Per",
    # taking sides in an election
    "Gratulerer til Arbeiderpartiet med valget! Hilsen Kari",
]


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("text", OPINION_AS_A_STANCE)
def test_an_opinion_phrased_as_a_stance_is_sent_back_for_revision(slug: str, text: str) -> None:
    assert_sent_back(slug, text, "reply", "style.own_opinion")


NEUTRAL_ABOUT_DECISIONS = [
    "Kommunestyret vedtok å stenge badet fra 1. juni. Mer informasjon kommer. Hilsen Kari",
    "Som innbygger kan du sende innspill til kommuneplanen innen 1. april. Mvh Per",
    "Vi i barnehagen gleder oss til sommerfesten på fredag! Hilsen Kari",
    "Vedtaket ditt om bostøtte er riktig beregnet, og pengene kommer 20. mai. Mvh Per",
    "Vi beklager at du har måttet vente. Saken din er dessverre ikke ferdig ennå. Hilsen Kari",
    "Dersom du mener vedtaket er feil, kan du klage innen tre uker. Mvh Per",
    "Det beste er å sende søknaden digitalt. Hilsen Kari",
]


@pytest.mark.parametrize("text", NEUTRAL_ABOUT_DECISIONS)
def test_neutral_information_about_a_decision_is_no_opinion(text: str) -> None:
    d = decide("romskog", text, "reply")
    assert "style.own_opinion" not in d.codes, (text, d.codes)
