"""Identity checks (issue 13): the profile text says what the pack asks (Hustadvika 2j and
Båtsfjord 4.3: whose account it is; Gausdal offisielle-kontoer-1: the response-time rules), read
from the platform once a week where it shows it, else confirmed by a person."""

from __future__ import annotations

import pytest
from django.utils import timezone

from somevakt.integrations.base import Credentials
from somevakt.integrations.credentials import set_credentials
from somevakt.integrations.fakes.graph import DEFAULT_TOKEN, FakeGraph
from somevakt.integrations.fakes.mastodon import DEFAULT_TOKEN as MASTODON_TOKEN
from somevakt.integrations.fakes.mastodon import FakeMastodon
from somevakt.integrations.identity_checks import check_profiles
from somevakt.registry import identity
from somevakt.registry.models import Account
from tests.factories import logged_in, make_account
from tests.registry.conftest import pack_municipality


@pytest.mark.parametrize(
    ("slug", "text", "lacks"),
    [
        ("hustadvika", "Offisiell side for Hustadvika kommune. Vi svarer på hverdager.", []),
        ("hustadvika", "Velkommen til biblioteket! Vi svarer på hverdager.", ["names_municipality"]),
        ("gausdal", "Gausdal kommune. Vi svarer innen én virkedag. Hold en saklig tone.", []),
        ("gausdal", "Gausdal kommune – velkommen!", ["states_response_rules"]),
        ("romskog", "Hva som helst", []),  # Rømskog's pack asks for neither
    ],
)
def test_it_says_what_the_text_lacks_of_what_the_pack_asks(db, slug, text, lacks):
    municipality, _unit, _people = pack_municipality(slug)
    account = make_account(municipality, external_id=f"{slug}-page")
    assert identity.problems(account, text) == lacks


def test_the_weekly_job_reads_the_facebook_page_and_flags_what_is_missing(db, settings):
    municipality, _unit, people = pack_municipality("hustadvika")
    account = make_account(municipality, external_id="700000777")
    set_credentials(account, Credentials(token=DEFAULT_TOKEN))
    with FakeGraph() as graph:
        settings.META_GRAPH_URL = graph.url
        graph.add_page("700000777")
        graph.profiles["700000777"] = {
            "about": "Biblioteket i sentrum",
            "description": "Bøker og kurs",
        }
        assert check_profiles() == 1
        assert check_profiles() == 0  # done for this week
    account.refresh_from_db()
    assert account.info_text == "Biblioteket i sentrum\n\nBøker og kurs"
    assert account.info_checked_source == "platform"
    event = account.events.get(type="identity_checked")
    assert event.payload == {"source": "platform", "problems": ["names_municipality"]}
    assert event.clauses == ["hustadvika:2j"]
    page = logged_in(people["komm"]).get("/khustadvika/kontoer/").content.decode()
    assert 'data-flag="names_municipality"' in page


def test_it_reads_a_mastodon_note_as_plain_text(db, settings):
    municipality, _unit, _people = pack_municipality("gausdal")
    account = make_account(municipality, platform="mastodon", external_id="110000000000000777")
    with FakeMastodon() as fake:
        fake.own["note"] = "<p>Gausdal kommune. Vi svarer innen én virkedag.</p>"
        set_credentials(account, Credentials(token=MASTODON_TOKEN, base_url=fake.url))
        assert check_profiles() == 1
    account.refresh_from_db()
    assert account.info_text == "Gausdal kommune. Vi svarer innen én virkedag."
    assert identity.current_problems(account) == []


def test_a_person_confirms_the_text_where_the_platform_does_not_show_it(db):
    municipality, _unit, people = pack_municipality("batsfjord")
    account = make_account(municipality, external_id="700000778")  # no credentials
    assert check_profiles() == 0
    client = logged_in(people["komm"])
    assert 'data-flag="identity_unchecked"' in client.get("/kbatsfjord/kontoer/").content.decode()
    url = f"/kbatsfjord/kontoer/{account.pk}/profiltekst/"
    assert client.post(url, {"info_text": ""}).status_code == 302  # refused with a message
    account.refresh_from_db()
    assert account.info_checked_at is None
    client.post(url, {"info_text": "Batsfjord kommunes offisielle side."})  # the test municipality's name
    account.refresh_from_db()
    assert (account.info_checked_source, account.info_checked_by) == ("person", people["komm"])
    page = client.get("/kbatsfjord/kontoer/").content.decode()
    assert 'data-flag="identity_unchecked"' not in page and 'data-flag="names_municipality"' not in page
    assert logged_in(people["ansatt"]).post(url, {"info_text": "x"}).status_code == 403


def test_the_database_chooses_the_accounts_due_as_due_says(db):
    hustadvika, _unit, _people = pack_municipality("hustadvika")
    romskog, _unit, _people = pack_municipality("romskog")  # asks for no identity check
    now = timezone.now()
    never = make_account(hustadvika, external_id="a-never")
    recent = make_account(hustadvika, external_id="a-recent")
    old = make_account(hustadvika, external_id="a-old")
    retired = make_account(hustadvika, external_id="a-retired")
    unasked = make_account(romskog, external_id="a-unasked")
    Account.objects.filter(pk=recent.pk).update(info_checked_at=now - identity.INTERVAL / 2)
    Account.objects.filter(pk=old.pk).update(info_checked_at=now - identity.INTERVAL)
    Account.objects.filter(pk=retired.pk).update(state="retired")
    chosen = set(identity.due_accounts(now))
    assert chosen == {never, old}
    everyone = Account.objects.filter(pk__in=[a.pk for a in (never, recent, old, retired, unasked)])
    assert chosen == {a for a in everyone.select_related("municipality") if identity.due(a, now)}
