"""A crisis's report on a 390 px phone in Debian's chromium, in bokmål, nynorsk and English:
nothing wider than the screen (found walking the demo: the facts' label column and a long
nynorsk word made the report 397 px wide; then an answer that did not reach the platform, whose
reason sat in a tag that does not wrap, made it 1075 px wide)."""

from __future__ import annotations

import pytest

from somevakt.crisis import services
from somevakt.inbox import services as inbox
from somevakt.integrations.outbound import perform
from somevakt.tenants.roles import Role
from tests.browser.test_shell import ARGS, CHROMIUM
from tests.factories import PASSWORD, make_account, make_item, make_member, make_municipality

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (scripts/ensure-chromium.sh installs it)"
    ),
]

PHONE = 390


@pytest.fixture
def report(transactional_db) -> int:
    # Made before Playwright starts: its event loop forbids the ORM in this thread.
    municipality = make_municipality(name="Gausdal", slug="gausdal", policy_pack="gausdal")
    chief = make_member(municipality, "sjef", "Siri", "Kvarberg", [Role.CHIEF_EXECUTIVE, Role.CRISIS_TEAM])
    for name in ("Gausdal bibliotek", "Ung i Gausdal", "Valg i Gausdal 2023"):
        make_account(municipality, name=name, external_id=f"9{len(name)}")
    account = make_account(municipality, name="Gausdal kommune")
    crisis = services.declare(municipality, chief, "Flom i Gausdal sentrum, vannforsyningen er brutt.")
    # An answer the platform refused (the account is not connected): its state and reason.
    item = make_item(account, text="Er vannet trygt å drikke?", codes=["intent.question"])
    perform(inbox.send_reply(item, chief, "Kok vannet inntil videre. Hilsen Siri").payload["call_id"])
    services.end(crisis, chief, "Vannforsyningen er gjenopprettet.")
    return crisis.pk


def test_the_report_fits_a_phone_in_every_language(report, live_server):
    from playwright.sync_api import sync_playwright

    widths = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            context = browser.new_context(viewport={"width": PHONE, "height": 844})
            page = context.new_page()
            page.goto(f"{live_server.url}/logg-inn/")
            page.get_by_label("Brukernavn").fill("sjef")
            page.get_by_label("Passord").fill(PASSWORD)
            page.locator("main").get_by_role("button", name="Logg inn").click()
            page.wait_for_url(f"{live_server.url}/gausdal/")
            for language in ("nb", "nn", "en"):
                context.add_cookies(
                    [{"name": "somevakt_language", "value": language, "url": live_server.url}]
                )
                for path in ("krise/", f"krise/{report}/"):
                    response = page.goto(f"{live_server.url}/gausdal/{path}")
                    assert response is not None and response.status == 200
                    widths[f"{path} ({language})"] = page.evaluate("document.documentElement.scrollWidth")
                    if path != "krise/":
                        assert page.locator("[data-testid=row-state]").count() == 1
        finally:
            browser.close()
    assert {where: width for where, width in widths.items() if width > PHONE} == {}
