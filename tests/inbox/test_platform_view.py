"""The item page's "On the platform" section alone (`/<item>/plattform/`), which htmx reloads
while a platform call waits: works, requires an inbox role, 404 for outsiders."""

from __future__ import annotations

from somevakt.inbox import services
from somevakt.integrations.outbound import perform


def url(item) -> str:
    return f"/{item.municipality.slug}/innboks/{item.pk}/plattform/"


def test_it_follows_a_waiting_call_until_it_is_done_or_failed(owner_client, owner, make_item):
    item = make_item()
    assert b"<section" not in owner_client.get(url(item)).content  # nothing asked of the platform yet
    event = services.hide(item, owner, "personal_data")
    html = owner_client.get(url(item)).content.decode()
    assert "<html" not in html
    assert 'data-state="pending"' in html and 'hx-trigger="every 2s"' in html
    perform(event.payload["call_id"])
    html = owner_client.get(url(item)).content.decode()
    assert 'data-state="failed"' in html and "hx-trigger" not in html
    assert "Nådde ikke Facebook" in html
    # The status line's tag changes with it (out of band), so the page never tells two stories.
    assert '<span id="platform-tag" hx-swap-oob="true"> · <a class="ds-link" href="#on-platform">' in html


def test_it_speaks_the_readers_language(owner_client, owner, make_item):
    item = make_item()
    perform(services.hide(item, owner, "personal_data").payload["call_id"])
    services.send_reply(item, owner, "Vi har skjult kommentaren. Hilsen Eva")
    assert "«Vi har skjult kommentaren. Hilsen Eva»" in owner_client.get(url(item)).content.decode()
    owner_client.cookies["somevakt_language"] = "en"
    html = owner_client.get(url(item)).content.decode()
    assert "Did not reach Facebook" in html and "The account is not connected" in html
    assert "“Vi har skjult kommentaren. Hilsen Eva”" in html
    owner_client.cookies["somevakt_language"] = "nn"
    html = owner_client.get(url(item)).content.decode()
    assert "Nådde ikkje Facebook" in html


def test_it_gives_an_employee_403_and_an_outsider_404(member_client, outsider_client, make_item):
    item = make_item()
    assert member_client.get(url(item)).status_code == 403
    assert outsider_client.get(url(item)).status_code == 404
