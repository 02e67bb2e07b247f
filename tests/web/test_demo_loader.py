"""The demo data: complete, consistent, and loading it twice changes nothing."""

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from stdnum.no import fodselsnummer

from somevakt.crisis.models import CrisisMode
from somevakt.demo.loader import DEMO_PASSWORD, load_demo, read_accounts, read_comments
from somevakt.tenants.models import Membership, Municipality, RoleGrant, Unit
from somevakt.tenants.roles import ROLES

pytestmark = pytest.mark.slow  # loads the whole demo for most tests

SLUGS = {"hustadvika", "romskog", "gausdal", "batsfjord"}


def snapshot():
    return {
        model.__name__: list(model.objects.order_by("pk").values())
        for model in (Municipality, Unit, Membership, RoleGrant, get_user_model())
    }


@pytest.fixture(scope="module")
def loaded_once(django_db_setup, django_db_blocker):
    # Loading the demo triages every comment and takes seconds; these tests only look at it, so the
    # module loads it once inside a transaction that is rolled back after its last test. Each test's
    # own transaction (`db`) nests inside it as a savepoint, so what one test changes the next never sees.
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo(log=lambda line: None)
        transaction.set_rollback(True)


@pytest.fixture
def loaded(loaded_once, db):
    return loaded_once


def test_it_loads_four_municipalities_with_their_own_guideline_pack(loaded):
    assert {(m.slug, m.policy_pack) for m in Municipality.objects.all()} == {(s, s) for s in SLUGS}
    # No crisis is in force; declaring one is left to the demo's crisis management (docs/crisis.md).
    assert not CrisisMode.objects.exists()


def test_it_changes_nothing_when_loaded_twice(loaded):
    before = snapshot()
    load_demo(log=lambda line: None)
    assert snapshot() == before


def test_it_gives_every_municipality_a_person_for_each_role(loaded):
    for municipality in Municipality.objects.all():
        held = set(
            RoleGrant.objects.filter(membership__municipality=municipality).values_list("role", flat=True)
        )
        assert held == set(ROLES), municipality.slug


def test_it_gives_every_unit_a_leader_and_a_deputy_who_are_members(loaded):
    for unit in Unit.objects.all():
        assert unit.leader and unit.deputy, unit
        unit.full_clean()


def test_it_resolves_a_nearest_leader_for_every_employee(loaded):
    for membership in Membership.objects.filter(grants__role="employee"):
        assert membership.nearest_leader() is not None


def test_it_lets_a_demo_person_log_in_with_the_documented_password(loaded):
    client = Client()
    assert client.login(username="gausdal.kommunikasjon", password=DEMO_PASSWORD)


def test_it_shows_a_gausdal_member_gausdal_and_never_batsfjord(loaded):
    client = Client()
    client.login(username="gausdal.ansatt", password=DEMO_PASSWORD)
    html = client.get("/gausdal/").content.decode()
    assert "Gausdal" in html and "Båtsfjord" not in html
    assert client.get("/batsfjord/").status_code == 404
    assert client.get("/batsfjord/innboks/").status_code == 404


def test_it_has_a_person_in_several_municipalities(loaded):
    assert Membership.objects.filter(person__username="felles.it").count() == 2


def active(accounts):
    return [a for a in accounts if a.get("state", "active") == "active"]


def test_it_gives_every_municipality_two_or_three_active_accounts_and_one_in_each_other_state():
    accounts = read_accounts()
    for slug in SLUGS:
        assert 2 <= sum(a["municipality"] == slug for a in active(accounts)) <= 3
        others = sorted(
            a["state"] for a in accounts if a["municipality"] == slug and a not in active(accounts)
        )
        assert others == ["approved", "closed_temporarily", "planned", "retired"], slug
    assert {a["platform"] for a in accounts} == {"facebook", "instagram", "mastodon"}


def test_it_has_a_few_dozen_comments_spread_over_every_active_account():
    comments = read_comments()
    assert 40 <= len(comments) <= 80
    assert {c["account"] for c in comments} == {a["key"] for a in active(read_accounts())}


def test_it_has_a_visitor_post_a_conversation_and_a_mention_in_every_municipality():
    for slug in SLUGS:
        channels = {
            c.get("channel", "comment") for c in read_comments() if c["account"].startswith(f"{slug}.")
        }
        assert {"comment", "post", "message", "mention"} <= channels, slug


def test_it_has_a_checksum_valid_synthetic_national_id_and_no_other():
    text = " ".join(c["text"] for c in read_comments())
    numbers = [n for n in re.findall(r"\b\d{11}\b", text) if fodselsnummer.is_valid(n)]
    assert len(numbers) == 1
    # Born in 1899: valid for the analysers, but no living person's number.
    assert fodselsnummer.get_birth_date(numbers[0]) < date(1900, 1, 1)


@pytest.mark.parametrize(
    "needle",
    [
        "byggesøknad",
        "klager herved på vedtaket",
        "plass i barnehage",
        "<script>",
        "over breddene",
        "brann",
        "ikke kommet hjem",
        "Eg ",
        "481 23 456",
        "idiot",
        "skal brenne ned",
        "❤️",
    ],
)
def test_it_covers_the_kinds_of_comment_the_inbox_must_handle(needle):
    assert any(needle in c["text"] for c in read_comments()), needle


def test_it_has_replies_in_threads():
    assert sum(1 for c in read_comments() if c.get("parent")) >= 5


def test_it_gives_every_demo_person_an_address_that_can_never_be_delivered(loaded):
    people = get_user_model().objects.all()
    assert people.count() == len(loaded.people)
    for person in people:
        local, _, domain = person.email.partition("@")
        assert local == person.username
        assert domain.endswith(".kommune.no.invalid"), person.email
    gausdal = people.get(username="gausdal.kommunikasjon")
    assert gausdal.email == "gausdal.kommunikasjon@gausdal.kommune.no.invalid"
