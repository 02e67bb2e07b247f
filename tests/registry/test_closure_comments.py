"""Gausdal 2: while a forum is closed, commenting must not be possible. Where the platform lets
somevakt turn comments off (Instagram, per media) the closure form offers it; it happens on the
platform when the closure begins and is undone on the same media when it ends; where the
platform does not allow it, the page says so plainly."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from somevakt.inbox.closures import switch_due_comments
from somevakt.integrations.base import Credentials
from somevakt.integrations.credentials import set_credentials
from somevakt.integrations.fakes.graph import DEFAULT_TOKEN, FakeGraph
from somevakt.integrations.models import OutboundCall
from somevakt.integrations.outbound import perform
from somevakt.registry.models import Closure
from tests.factories import make_account

INSTAGRAM = "17841400000000555"
MEDIA = ("17900000000000011", "17900000000000012")


def url(account) -> str:
    return f"/{account.municipality.slug}/kontoer/{account.pk}/"


def form(days_from_now: int = 0, days: int = 5, **extra) -> dict:
    first = timezone.localdate() + timedelta(days=days_from_now)
    return {
        "first_day": first.isoformat(),
        "last_day": (first + timedelta(days=days)).isoformat(),
        "reason": "Fellesferie",
        "notice": "Kontoen er stengt i fellesferien.",
        **extra,
    }


@pytest.fixture
def graph(settings):
    settings.PLATFORM_RETRY_BACKOFF = 0.0
    with FakeGraph() as fake:
        settings.META_GRAPH_URL = fake.url
        for media_id in MEDIA:
            fake.add_media(INSTAGRAM, media_id)
        yield fake


@pytest.fixture
def insta(municipality, unit):
    return make_account(municipality, platform="instagram", external_id=INSTAGRAM, name="Ung", unit=unit)


def test_the_leader_turns_comments_off_for_the_closure_and_on_again_when_it_ends_early(
    unit_leader, unit_leader_client, insta, graph, django_capture_on_commit_callbacks
) -> None:
    set_credentials(insta, Credentials(token=DEFAULT_TOKEN))
    page = unit_leader_client.get(url(insta)).content.decode()
    assert 'name="comments_off"' in page and 'data-testid="comments-by-hand"' not in page

    with django_capture_on_commit_callbacks(execute=True):
        response = unit_leader_client.post(f"{url(insta)}stenging/", form(comments_off="on"))
    assert response.status_code == 302
    closure = Closure.objects.get()
    assert closure.comments_off and closure.comments_off_call_id  # it begins today: asked at once
    assert perform(closure.comments_off_call_id) == "done"
    assert not any(graph.comments_enabled(m) for m in MEDIA)
    event = insta.events.get(type="comments_off")
    assert event.actor == unit_leader and event.payload["closure_id"] == closure.pk
    page = unit_leader_client.get(url(insta)).content.decode()
    assert 'data-testid="comment-switch" data-op="comments_off" data-state="done"' in page
    assert "slått av på 2 innlegg" in page

    graph.add_media(INSTAGRAM, "17900000000000099")  # posted by hand during the closure, comments on
    with django_capture_on_commit_callbacks(execute=True):
        unit_leader_client.post(f"{url(insta)}stenging/{closure.pk}/avslutt/")
    closure.refresh_from_db()
    assert closure.comments_on_call_id
    assert perform(closure.comments_on_call_id) == "done"
    assert all(graph.comments_enabled(m) for m in MEDIA)
    # Exactly what we turned off, nothing else: two switches off, the same two on again.
    sent = [(c.path.rsplit("/", 1)[-1], c.form["comment_enabled"]) for c in graph.calls if c.method == "POST"]
    assert sorted(sent) == sorted([(m, v) for m in MEDIA for v in ("false", "true")])
    assert insta.events.filter(type="comments_on", actor=unit_leader).count() == 1
    # The history tells the closure first, then what was done on the platform because of it.
    assert list(insta.events.filter(type__startswith="c").order_by("pk").values_list("type", flat=True)) == [
        "created",
        "closure_added",
        "comments_off",
        "closure_ended",
        "comments_on",
    ]


def test_a_closure_that_begins_later_turns_comments_off_then_and_on_after_it(
    owner_client, insta, graph, django_capture_on_commit_callbacks
) -> None:
    set_credentials(insta, Credentials(token=DEFAULT_TOKEN))
    with django_capture_on_commit_callbacks(execute=True):
        owner_client.post(f"{url(insta)}stenging/", form(days_from_now=10, days=2, comments_off="on"))
    closure = Closure.objects.get()
    assert closure.comments_off_call_id is None and switch_due_comments() == 0
    with django_capture_on_commit_callbacks(execute=False):
        assert switch_due_comments(closure.starts_at + timedelta(hours=1)) == 1
        assert switch_due_comments(closure.starts_at + timedelta(hours=2)) == 0  # asked once
    closure.refresh_from_db()
    assert perform(closure.comments_off_call_id) == "done"
    with django_capture_on_commit_callbacks(execute=False):
        assert switch_due_comments(closure.ends_at) == 1
    closure.refresh_from_db()
    assert perform(closure.comments_on_call_id) == "done"
    assert all(graph.comments_enabled(m) for m in MEDIA)
    assert list(insta.events.filter(type__startswith="comments_").values_list("type", flat=True)) == [
        "comments_off",
        "comments_on",
    ]


def test_a_failure_leaves_the_closure_in_force_and_says_so_in_the_readers_language(
    owner_client, insta, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        owner_client.post(f"{url(insta)}stenging/", form(comments_off="on"))
    closure = Closure.objects.get()
    assert perform(closure.comments_off_call_id) == "failed"  # no access token
    assert OutboundCall.objects.get(pk=closure.comments_off_call_id).failure == "no_credentials"
    assert insta.closure_intervals() == [(closure.starts_at, closure.ends_at)]
    nb = owner_client.get(url(insta)).content.decode()
    assert 'data-op="comments_off" data-state="failed"' in nb and "ingen tilgangsnøkkel" in nb
    assert "Stengingen gjelder likevel" in nb
    owner_client.post("/sprak/", {"language": "nn"})
    assert "Stenginga gjeld likevel" in owner_client.get(url(insta)).content.decode()
    owner_client.post("/sprak/", {"language": "en"})
    assert "The closure is in force all the same" in owner_client.get(url(insta)).content.decode()


def test_without_the_choice_nothing_is_turned_off(owner_client, insta, graph) -> None:
    set_credentials(insta, Credentials(token=DEFAULT_TOKEN))
    owner_client.post(f"{url(insta)}stenging/", form())
    assert switch_due_comments(timezone.now() + timedelta(days=30)) == 0
    assert Closure.objects.get().comments_off_call_id is None
    assert not insta.events.filter(type__startswith="comments_").exists()


@pytest.mark.parametrize(
    ("platform", "external_id", "says"),
    [("facebook", "444555666", "Meta Business Suite"), ("mastodon", "1100000000077", "Mastodon kan ikke")],
)
def test_where_the_platform_cannot_the_page_says_so_and_the_choice_is_ignored(
    owner_client, municipality, unit, platform, external_id, says
) -> None:
    account = make_account(municipality, platform=platform, external_id=external_id, unit=unit)
    page = owner_client.get(url(account)).content.decode()
    assert 'name="comments_off"' not in page
    assert 'data-testid="comments-by-hand"' in page and says in page
    owner_client.post(f"{url(account)}stenging/", form(comments_off="on"))
    assert not Closure.objects.get().comments_off
