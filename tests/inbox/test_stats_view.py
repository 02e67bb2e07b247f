"""The leaders' page: share answered by the deadline per account and month, median in office hours."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

from somevakt.inbox import services
from somevakt.inbox.stats import report
from somevakt.tenants.roles import Role
from somevakt.tenants.services import add_member
from tests.conftest import logged_in
from tests.inbox.conftest import triage_with

OSLO = ZoneInfo("Europe/Oslo")


def test_it_counts_answers_by_the_deadline_and_the_median_in_office_hours(make_item, owner, municipality):
    now = timezone.now()
    on_time = make_item("a", "Når åpner biblioteket?", received_at=now - dt.timedelta(minutes=30))
    late = make_item("b", "Når åpner svømmehallen?", received_at=now - dt.timedelta(days=10))
    never = make_item("c", "Når kommer brøytebilen?", received_at=now - dt.timedelta(days=10))
    for item in (on_time, late, never):
        triage_with(item, "intent.question")
    services.send_reply(on_time, owner, "Klokka ti. Hilsen Eva")
    services.send_reply(late, owner, "Klokka ni. Hilsen Eva")
    result = report(municipality, now=now)
    total = result["accounts"][0]["total"]
    assert (total.items, total.with_deadline, total.in_time, total.answered) == (3, 3, 1, 2)
    assert total.share == 1 / 3
    quick, slow = sorted(total.response_times)
    # at most the time since it came (half an hour before `now`, plus the milliseconds the test took to
    # send the reply after `now`), if in office hours
    assert quick <= timezone.now() - on_time.received_at
    assert dt.timedelta(hours=30) < slow < dt.timedelta(days=10)  # office hours only, not all ten days


def test_it_shows_the_page_to_leaders_only(
    owner_client, member_client, outsider_client, municipality, make_item, unit
):
    make_item()
    url = f"/{municipality.slug}/innboks/svartider/"
    response = owner_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Svartider" in html
    assert "Retningslinjens frist er 1 arbeidsdag, regnet i kontortid." in html  # one day, not "dag(er)"
    assert member_client.get(url).status_code == 403
    assert outsider_client.get(url).status_code == 404
    from tests.conftest import make_person

    service_office = make_person("service", "Siri", "Service")
    add_member(municipality, service_office, [Role.SERVICE_OFFICE], unit=unit)
    client = logged_in(service_office)
    assert client.get(f"/{municipality.slug}/innboks/").status_code == 200  # sees the inbox
    assert client.get(url).status_code == 403  # but not the leaders' figures


def test_it_shows_a_unit_leader_the_figures_of_their_accounts_only(
    make_item, make_unit_item, unit_leader, unit_account
):
    make_item(codes=["intent.question"])
    make_unit_item(codes=["intent.question"])
    body = (
        logged_in(unit_leader).get(f"/{unit_account.municipality.slug}/innboks/svartider/").content.decode()
    )
    assert "Oppvekst (Mastodon)" in body and "Prøvekommune (Facebook)" not in body


WORDS = {
    "nb": (("time", "timer"), ("minutt", "minutter")),
    "nn": (("time", "timar"), ("minutt", "minutt")),
    "en": (("hour", "hours"), ("minute", "minutes")),
}


def in_words(language: str, hours: int, minutes: int) -> str:
    (hour, hours_word), (minute, minutes_word) = WORDS[language]
    parts = [f"{hours} {hour if hours == 1 else hours_word}"] if hours else []
    parts += [f"{minutes} {minute if minutes == 1 else minutes_word}"] if minutes or not hours else []
    return " ".join(parts)


def test_it_gives_the_median_in_hours_and_minutes_in_the_readers_language(
    owner_client, make_item, owner, municipality
):
    item = make_item("a", "Når åpner biblioteket?", received_at=timezone.now() - dt.timedelta(days=10))
    triage_with(item, "intent.question")
    services.send_reply(item, owner, "Klokka ti. Hilsen Eva")
    median = report(municipality)["accounts"][0]["total"].median_hours
    hours, minutes = divmod(round(median * 60), 60)
    assert hours >= 7  # ten days ago: at least a working day of office hours
    url = f"/{municipality.slug}/innboks/svartider/"
    for language in WORDS:
        owner_client.cookies["somevakt_language"] = language
        html = owner_client.get(url).content.decode()
        assert f"<td>{in_words(language, hours, minutes)}</td>" in html
        assert " t</td>" not in html
