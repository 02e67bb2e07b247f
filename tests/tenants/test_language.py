"""Each person's chosen language is kept (for the e-mail somevakt sends them): set by the language
switch and by signing in with a choice already in the browser."""

from __future__ import annotations

from somevakt.tenants.language import LanguageChoice, language_of


def test_a_person_who_never_chose_reads_bokmaal(member):
    assert not LanguageChoice.objects.filter(person=member).exists()
    assert language_of(member) == "nb"


def test_the_switch_keeps_a_signed_in_persons_choice(member_client, member):
    response = member_client.post("/sprak/", {"language": "nn", "next": "/logg-inn/"})
    assert response.status_code == 302
    assert language_of(member) == "nn"
    member_client.post("/sprak/", {"language": "en", "next": "/logg-inn/"})
    assert language_of(member) == "en"
    assert LanguageChoice.objects.filter(person=member).count() == 1


def test_an_unknown_language_changes_nothing(member_client, member):
    member_client.post("/sprak/", {"language": "nn", "next": "/logg-inn/"})
    response = member_client.post("/sprak/", {"language": "de", "next": "/logg-inn/"})
    assert response.status_code == 302
    assert language_of(member) == "nn"


def test_signing_in_with_a_language_already_chosen_keeps_it(client, member):
    client.post("/sprak/", {"language": "en", "next": "/logg-inn/"})  # before signing in
    assert language_of(member) == "nb"
    response = client.post("/logg-inn/", {"username": "medlem", "password": "test-passord-123"})
    assert response.status_code == 302
    assert language_of(member) == "en"
