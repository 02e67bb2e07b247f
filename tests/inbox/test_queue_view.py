"""The queue page: works for handlers, 403 for employees, 404 for outsiders; filters and counts."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from somevakt.inbox import services
from tests.inbox.conftest import triage_with


def url(municipality, query: str = "") -> str:
    return f"/{municipality.slug}/innboks/{query}"


def test_it_shows_the_queue_ordered_by_deadline(owner_client, municipality, make_item):
    late = make_item("late", "Når åpner biblioteket?", received_at=timezone.now())
    early = make_item("early", "Når åpner svømmehallen?", received_at=timezone.now() - dt.timedelta(days=3))
    triage_with(late, "intent.question")
    triage_with(early, "intent.question")
    response = owner_client.get(url(municipality))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("svømmehallen") < html.index("biblioteket")
    assert "Innboks" in html
    assert "Over fristen" in html  # the early one is overdue


def test_it_gives_an_employee_403_and_an_outsider_404(
    member_client, outsider_client, municipality, make_item
):
    make_item()
    assert member_client.get(url(municipality)).status_code == 403
    response = outsider_client.get(url(municipality))
    assert response.status_code == 404
    assert "biblioteket" not in response.content.decode()


def test_it_sends_an_anonymous_visitor_to_log_in(client, municipality):
    response = client.get(url(municipality))
    assert response.status_code == 302
    assert response["Location"].startswith("/logg-inn/")


def test_it_never_shows_another_municipalitys_items(owner_client, municipality, other_account):
    from somevakt.inbox.ingest import ingest_comment
    from tests.inbox.conftest import parsed

    ingest_comment(other_account, parsed("x1", "Hemmelig nabokommentar"), enqueue=False)
    html = owner_client.get(url(municipality, "?filter=all")).content.decode()
    assert "Hemmelig nabokommentar" not in html


def test_it_filters_and_counts(owner_client, owner, municipality, make_item):
    question = make_item("q", "Når åpner biblioteket?")
    crisis = make_item("c", "Det brenner i skogen ved skolen")
    hidden = make_item("h", "Ring meg på 912 34 567")
    triage_with(question, "intent.question")
    triage_with(crisis, "intent.crisis")
    triage_with(hidden, "personal_data.phone")
    services.hide(hidden, owner, "personal_data")
    services.claim(question, owner)
    response = owner_client.get(url(municipality, "?filter=crisis"))
    counts = {f["key"]: f["count"] for f in response.context["filters"]}
    assert counts["crisis"] == 1 and counts["hidden"] == 1 and counts["mine"] == 1
    assert counts["needs_answer"] == 1 and counts["all"] == 3
    html = response.content.decode()
    assert "Det brenner" in html and "biblioteket" not in html
    mine = owner_client.get(url(municipality, "?filter=mine")).content.decode()
    assert "biblioteket" in mine and "brenner" not in mine


def test_it_falls_back_to_the_default_filter_and_a_valid_page(owner_client, municipality, make_item):
    make_item()
    response = owner_client.get(url(municipality, "?filter=<script>&side=999"))
    assert response.status_code == 200
    assert response.context["current_filter"] == "open"
    assert response.context["page"].number == 1


def test_it_reads_a_page_in_a_fixed_number_of_queries(owner_client, municipality, make_item):
    for n in range(3):
        triage_with(make_item(f"a{n}", f"Spørsmål nummer {n}?"), "intent.question")
    with CaptureQueriesContext(connection) as few:
        owner_client.get(url(municipality))
    for n in range(20):
        triage_with(make_item(f"b{n}", f"Enda et spørsmål {n}?"), "intent.question")
    with CaptureQueriesContext(connection) as many:
        owner_client.get(url(municipality))
    assert len(many.captured_queries) == len(few.captured_queries)


def test_it_speaks_nynorsk_and_english_when_chosen(owner_client, municipality, make_item):
    make_item()
    owner_client.cookies["somevakt_language"] = "nn"
    html = owner_client.get(url(municipality)).content.decode()
    assert '<html lang="nn"' in html and "Å handsame" in html
    owner_client.cookies["somevakt_language"] = "en"
    html = owner_client.get(url(municipality)).content.decode()
    assert "To handle" in html and "Needs an answer" in html


def test_it_writes_deadlines_with_norwegian_month_abbreviations(owner_client, municipality, make_item):
    item = make_item("nov", "Når åpner biblioteket?", received_at=timezone.now())
    triage_with(item, "intent.question")
    from somevakt.inbox.models import ItemStatus

    due = timezone.localtime(ItemStatus.objects.get(item=item).due)
    html = owner_client.get(url(municipality)).content.decode()
    months = "jan. feb. mars april mai juni juli aug. sep. okt. nov. des.".split()
    assert f"{due.day}. {months[due.month - 1]} " in html


def test_it_counts_the_items_whose_action_did_not_reach_the_platform(
    owner_client, owner, municipality, make_item
):
    from somevakt.integrations.outbound import perform

    failed, waiting, untouched = make_item("f"), make_item("w"), make_item("u")
    perform(services.hide(failed, owner, "personal_data").payload["call_id"])  # no credentials
    services.hide(waiting, owner, "personal_data")
    response = owner_client.get(url(municipality))
    counts = {f["key"]: f["count"] for f in response.context["filters"]}
    assert counts["unreached"] == 1
    html = response.content.decode()
    assert "1 sak har en handling plattformen ikke utførte." in html
    listed = owner_client.get(url(municipality, "?filter=unreached")).context["entries"]
    assert [e["url"] for e in listed] == [f"/provekommune/innboks/{failed.pk}/?filter=unreached"]
    assert untouched.pk not in [e["url"] for e in listed]
    rows = owner_client.get(url(municipality, "?filter=all")).context["entries"]
    assert [e["url"].split("/")[-2] for e in rows if e["unreached"]] == [str(failed.pk)]


def test_the_item_page_leads_on_to_the_next_item_in_the_same_list(owner_client, municipality, make_item):
    # Keyboard users go from one item to the next without the filters (issue 15).
    now = timezone.now()
    first = make_item("first", "Når åpner svømmehallen?", received_at=now - dt.timedelta(days=3))
    second = make_item("second", "Når åpner biblioteket?", received_at=now - dt.timedelta(days=1))
    third = make_item("third", "Fint vær i dag", received_at=now)
    triage_with(first, "intent.question")
    triage_with(second, "intent.question")
    triage_with(third)  # nothing to do
    page = owner_client.get(f"/{municipality.slug}/innboks/{first.pk}/?filter=needs_answer").content.decode()
    assert f'href="/{municipality.slug}/innboks/{second.pk}/?filter=needs_answer"' in page
    last = owner_client.get(f"/{municipality.slug}/innboks/{second.pk}/?filter=needs_answer").content.decode()
    assert 'data-testid="next-item"' not in last  # the remark needs no answer: not in this list
    assert "Ingen flere saker i denne listen." in last
    # From the whole list, the remark comes next; an unknown list falls back to the default one.
    everything = owner_client.get(f"/{municipality.slug}/innboks/{second.pk}/?filter=all").content.decode()
    assert f"/innboks/{third.pk}/?filter=all" in everything
    assert owner_client.get(f"/{municipality.slug}/innboks/{first.pk}/?filter=<script>").status_code == 200
    assert "Hopp over filtrene til sakene" in owner_client.get(url(municipality)).content.decode()
