"""Closing an account for a while from its page: stops the deadline clock for whole Oslo days."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from somevakt.registry.models import Closure
from somevakt.tenants.roles import Role
from somevakt.tenants.services import add_member

OSLO = ZoneInfo("Europe/Oslo")
FORM = {
    "first_day": "2026-07-06",
    "last_day": "2026-07-31",
    "reason": "Fellesferie",
    "notice": "Siden er stengt i fellesferien.",
}


def url(account) -> str:
    return f"/{account.municipality.slug}/kontoer/{account.pk}/stenging/"


def test_it_saves_a_closure_of_whole_days(owner_client, account) -> None:
    response = owner_client.post(url(account), FORM)
    assert response.status_code == 302
    closure = Closure.objects.get()
    assert closure.account == account
    assert closure.starts_at == datetime(2026, 7, 6, 0, 0, tzinfo=OSLO)
    assert closure.ends_at == datetime(2026, 8, 1, 0, 0, tzinfo=OSLO)
    assert account.closure_intervals() == [(closure.starts_at, closure.ends_at)]
    page = owner_client.get(response["Location"]).content.decode()
    assert "Siden er stengt i fellesferien." in page


@pytest.mark.parametrize(
    "change",
    [{"last_day": "2026-07-01"}, {"last_day": "2026-12-31"}, {"notice": ""}, {"first_day": "i morgen"}],
)
def test_it_refuses_an_unusable_closure(owner_client, account, change) -> None:
    response = owner_client.post(url(account), {**FORM, **change})
    assert response.status_code == 400
    assert not Closure.objects.exists()
    assert b'role="alert"' in response.content


def test_it_offers_the_form_only_to_those_who_may_close(client, account, municipality, unit) -> None:
    from tests.conftest import logged_in, make_person

    leader = make_person("leder", "Lars", "Leder")
    add_member(municipality, leader, [Role.UNIT_LEADER], unit=unit)
    viewer = logged_in(leader)
    assert viewer.get(f"/provekommune/kontoer/{account.pk}/").status_code == 200
    assert b"stenging/" not in viewer.get(f"/provekommune/kontoer/{account.pk}/").content
    assert viewer.post(url(account), FORM).status_code == 403
    assert not Closure.objects.exists()


def test_it_requires_a_role(member_client, account) -> None:
    assert member_client.post(url(account), FORM).status_code == 403


def test_it_gives_outsiders_404(outsider_client, account) -> None:
    assert outsider_client.post(url(account), FORM).status_code == 404
    assert not Closure.objects.exists()


def test_it_answers_only_post(owner_client, account) -> None:
    assert owner_client.get(url(account)).status_code == 405


# --- Gausdal 2: the unit leader closes their own unit's forum, with a notice on the platform ---


@pytest.fixture
def unit_account(municipality, unit):
    from tests.factories import make_account

    return make_account(municipality, external_id="444555777", name="Oppvekst", unit=unit)


def test_the_leader_of_the_accounts_unit_closes_it_and_the_history_says_who_and_why(
    unit_leader, unit_leader_client, unit_account, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=False):
        response = unit_leader_client.post(url(unit_account), FORM)
    assert response.status_code == 302
    closure = Closure.objects.get()
    assert (closure.reason, closure.created_by) == ("Fellesferie", unit_leader)
    event = unit_account.events.get(type="closure_added")
    assert (event.actor, event.reason) == (unit_leader, "Fellesferie")


def test_the_notice_reaches_the_facebook_page_in_the_graph_apis_format(
    owner_client, unit_account, settings
) -> None:
    from somevakt.integrations.base import Credentials
    from somevakt.integrations.credentials import set_credentials
    from somevakt.integrations.fakes.graph import DEFAULT_TOKEN, FakeGraph
    from somevakt.integrations.models import OutboundCall
    from somevakt.integrations.outbound import perform

    settings.PLATFORM_RETRY_BACKOFF = 0.0
    set_credentials(unit_account, Credentials(token=DEFAULT_TOKEN))
    with FakeGraph() as graph:
        settings.META_GRAPH_URL = graph.url
        graph.add_page(unit_account.external_id)
        owner_client.post(url(unit_account), FORM)
        closure = Closure.objects.get()
        call = OutboundCall.objects.get(pk=closure.notice_call_id)
        assert call.op == "notice" and call.item_id is None
        assert perform(call.pk) == "done"
        posted = graph.posts[graph.feeds[unit_account.external_id][0]]
    assert posted["message"].startswith("Siden er stengt i fellesferien.")
    assert "6. juli 2026" in posted["message"] and "31. juli 2026" in posted["message"]
    page = owner_client.get(f"/provekommune/kontoer/{unit_account.pk}/").content.decode()
    assert 'data-state="done"' in page


def test_a_failed_notice_leaves_the_closure_in_force_and_says_why_on_the_account(
    owner_client, unit_account
) -> None:
    from somevakt.integrations.models import OutboundCall
    from somevakt.integrations.outbound import perform

    owner_client.post(url(unit_account), FORM)
    closure = Closure.objects.get()
    assert perform(closure.notice_call_id) == "failed"  # the account has no access token
    assert OutboundCall.objects.get(pk=closure.notice_call_id).failure == "no_credentials"
    assert unit_account.closure_intervals() == [(closure.starts_at, closure.ends_at)]
    page = owner_client.get(f"/provekommune/kontoer/{unit_account.pk}/").content.decode()
    assert 'data-state="failed"' in page and "ingen tilgangsnøkkel" in page


def test_instagram_takes_no_notice_and_the_page_says_so(owner_client, municipality, unit) -> None:
    from tests.factories import make_account

    insta = make_account(municipality, platform="instagram", external_id="17841400000000777", unit=unit)
    owner_client.post(url(insta), FORM)
    assert Closure.objects.get().notice_call_id is None
    page = owner_client.get(f"/provekommune/kontoer/{insta.pk}/").content.decode()
    assert "post den på kontoen selv" in page


def test_it_ends_a_running_closure_early_and_cancels_one_not_begun(owner, owner_client, account) -> None:
    from django.utils import timezone

    from somevakt.registry import closures

    now = timezone.now()
    running = closures.add_closure(
        account, owner, now - timezone.timedelta(days=1), now + timezone.timedelta(days=5), "Stengt", "Ferie"
    )
    later = closures.add_closure(
        account, owner, now + timezone.timedelta(days=10), now + timezone.timedelta(days=12), "Stengt", "Kurs"
    )
    end = f"/provekommune/kontoer/{account.pk}/stenging/"
    assert owner_client.post(f"{end}{running.pk}/avslutt/").status_code == 302
    running.refresh_from_db()
    assert running.ended_early_by == owner and running.ends_at <= timezone.now()
    assert owner_client.post(f"{end}{later.pk}/avslutt/").status_code == 302
    assert not Closure.objects.filter(pk=later.pk).exists()
    assert list(
        account.events.filter(type__startswith="closure_").values_list("type", flat=True).order_by("pk")
    ) == ["closure_added", "closure_added", "closure_ended", "closure_cancelled"]
    # Ending it again changes nothing and says so.
    response = owner_client.post(f"{end}{running.pk}/avslutt/", follow=True)
    assert "allerede" in response.content.decode()


def test_a_leader_of_another_unit_may_not_end_it(unit_leader_client, account, owner) -> None:
    from django.utils import timezone

    from somevakt.registry import closures

    now = timezone.now()
    closure = closures.add_closure(account, owner, now, now + timezone.timedelta(days=3), "Stengt", "Ferie")
    response = unit_leader_client.post(f"/provekommune/kontoer/{account.pk}/stenging/{closure.pk}/avslutt/")
    assert response.status_code == 403
    closure.refresh_from_db()
    assert closure.ended_early_at is None


# --- the yearly review (issue 13) ---


def test_the_yearly_review_is_due_after_a_year_and_one_form_records_it(owner, owner_client, account) -> None:
    from django.utils import timezone

    from somevakt.registry.models import Account

    Account.objects.filter(pk=account.pk).update(approved_at=timezone.now() - timezone.timedelta(days=400))
    index = owner_client.get("/provekommune/kontoer/").content.decode()
    assert 'data-flag="review_due"' in index
    response = owner_client.post(
        f"/provekommune/kontoer/{account.pk}/gjennomgang/",
        {"still_needed": "yes", "owner_right": "no", "note": "Ny rådgiver overtar"},
        follow=True,
    )
    assert "Bytt ansvarlig person" in response.content.decode()
    account.refresh_from_db()
    assert account.reviewed_by == owner and not account.review_due()
    event = account.events.get(type="reviewed")
    assert event.payload == {"still_needed": True, "owner_right": False}
    assert event.reason == "Ny rådgiver overtar"
    assert 'data-flag="review_due"' not in owner_client.get("/provekommune/kontoer/").content.decode()


def test_a_review_without_answers_is_refused_with_nothing_recorded(owner_client, account) -> None:
    response = owner_client.post(f"/provekommune/kontoer/{account.pk}/gjennomgang/", {"note": "x"})
    assert response.status_code == 400
    account.refresh_from_db()
    assert account.reviewed_at is None


def test_someone_who_may_not_close_it_may_not_review_it(member_client, account) -> None:
    assert (
        member_client.post(
            f"/provekommune/kontoer/{account.pk}/gjennomgang/", {"still_needed": "yes", "owner_right": "yes"}
        ).status_code
        == 403
    )
