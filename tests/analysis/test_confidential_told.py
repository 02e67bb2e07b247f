"""Confidential matters told without their names, in an employee's private post or the
municipality's reply: going without food, heat or a bed of one's own; violence at home, self-harm and
self-neglect; what someone has been through or been subjected to; drinking again; care at home
received; special support at school; the wrong medicine given; a child-welfare inquiry; and
nynorsk's definite forms of places of care ("heimesjukepleia", "helsesjukepleiar"). The same words
about the writer, about everyone, in advice or in a game are no one's matter."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.confidential import CASE_DETAILS, ConfidentialAnalyser


def found(text: str, kind: str) -> bool:
    return any(f.code == CASE_DETAILS for f in ConfidentialAnalyser().analyse(Document(text, kind)))


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("private", "Ein av elevane mine har ikkje hatt nista med seg på to veker."),
        ("private", "Hjemmebesøk i dag: en eldre dame som har bodd uten strøm siden jul."),
        ("private", "Ei av jentene i barnehagen fortalte at faren sparker mora når han er sint."),
        ("private", "Samtale på kontoret i dag med en gutt som kutter seg selv. Tungt."),
        ("private", "Brukaren min på avdelinga har ikkje dusja seg på fleire veker."),
        ("private", "Den nye eleven min har vært gjennom mer enn noen voksen burde. Han sover dårlig."),
        ("private", "Klienten min har begynt å drikke igjen etter et halvt år edru."),
        ("reply", "Faren din har tilsyn av heimesjukepleia kvar kveld no. Helsing Eva"),
        ("reply", "Dattera di får eigen assistent frå januar, slik vi avtalte. Helsing Eva"),
        ("reply", "Beboeren på rom 3 fikk feil dose insulin i helgen, og avviket er meldt. Hilsen Eva"),
        ("reply", "Vi har opprettet undersøkelsessak på familien etter meldingen. Hilsen Eva"),
        ("reply", "Sonen din kan snakke med helsesjukepleiaren etter det som skjedde. Helsing Eva"),
    ],
)
def test_a_matter_told_without_its_name_is_found(kind: str, text: str) -> None:
    assert found(text, kind), text


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("post", "Gratulerer med 100 år til Ragnhild på Solbakken! Hun har opplevd mye i sitt lange liv."),
        ("private", "Kollegaen min slår meg alltid i sjakk i lunsjen på jobb."),
        ("private", "Eleven min vant skolemesterskapet i sjakk, slo meg til og med. Stolt lærer!"),
        ("private", "Hver dag på jobb slår han på radioen klokka sju, vaktmesteren vår."),
        ("reply", "Vi har vært utsatt for et dataangrep, og nettsidene er nede. Hilsen Eva"),
        ("post", "Vold i nære relasjoner: her får du hjelp. Ring krisetelefonen døgnet rundt."),
        ("private", "Kurs på jobb i dag om vold i nære relasjoner og omsorgssvikt. Viktig tema!"),
        ("reply", "Alle elever kan få egen assistent ved behov, etter en sakkyndig vurdering. Hilsen Eva"),
        ("post", "Mange brukere av hjemmetjenesten er uten strøm etter stormen. Vi ringer alle i dag."),
        ("private", "Stolt av kollegaene mine som har jobbet uten strøm på sykehjemmet hele natta!"),
        ("post", "Beboerne på Furulund fikk besøk av hjemmetjenesten og koret på eldredagen!"),
        ("private", "Jeg har selv vært utsatt for vold, og vet hvor viktig krisesenteret er."),
    ],
)
def test_the_same_words_about_no_one_in_particular_are_no_case(kind: str, text: str) -> None:
    assert not found(text, kind), text
