"""Crisis mode in Debian's chromium with axe-core: the chief executive declares it, the banner
shows, the adviser's answer is held and sent to the crisis team, the crisis ends with a report.
Zero WCAG 2.1 A/AA violations on each page on the way."""

from __future__ import annotations

import json

import pytest

from somevakt.tenants.roles import Role
from tests.browser.test_shell import ARGS, AXE, CHROMIUM, axe_violations
from tests.factories import PASSWORD, make_account, make_item, make_member, make_municipality, triage_with

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (scripts/ensure-chromium.sh installs it)"
    ),
]


@pytest.fixture
def place(transactional_db) -> dict:
    # Made before Playwright starts: its event loop forbids the ORM in this thread.
    municipality = make_municipality(name="Gausdal", slug="gausdal", policy_pack="gausdal")
    make_member(municipality, "sjef", "Siri", "Sjef", [Role.CHIEF_EXECUTIVE, Role.CRISIS_TEAM])
    make_member(municipality, "radgiver", "Rolf", "Rådgiver", [Role.COMMUNICATIONS])
    account = make_account(municipality, name="Gausdal kommune")
    item = make_item(account, text="Hva skjer ved rådhuset?")
    triage_with(item, "intent.question")
    return {"item": item.pk}


def log_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/logg-inn/")
    page.get_by_label("Brukernavn").fill(username)
    page.get_by_label("Passord").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Logg inn").click()
    page.wait_for_url(f"{base}/gausdal/")


def test_it_walks_a_crisis_from_declaration_to_report_accessibly(place, live_server):
    from playwright.sync_api import sync_playwright

    assert AXE.exists(), "node_modules/axe-core is missing: run `make install` (npm ci)"
    visited: dict[str, list[dict]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_context(bypass_csp=True).new_page()
            base = f"{live_server.url}/gausdal"
            log_in(page, live_server.url, "sjef")
            page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Krisemodus").click()
            visited["no crisis"] = axe_violations(page)
            page.locator("#declare-reason").fill("Brann ved rådhuset")
            page.get_by_role("button", name="Sett krisemodus").click()
            banner = page.get_by_test_id("crisis-banner")
            assert "Siri Sjef" in banner.inner_text() and "hele kommunen" in banner.inner_text()
            visited["crisis in force"] = axe_violations(page)
            page.get_by_role("button", name="Logg ut").click()

            log_in(page, live_server.url, "radgiver")
            assert page.get_by_test_id("crisis-banner").is_visible()
            page.goto(f"{base}/innboks/{place['item']}/")
            assert page.get_by_test_id("crisis-notice").is_visible()
            page.get_by_label("Ditt svar").fill("Det brenner ikke. Hilsen Rolf")
            page.get_by_role("button", name="Send svar").click()
            held = page.get_by_test_id("crisis-held")
            assert "Brann ved rådhuset" in held.inner_text()
            visited["answer held"] = axe_violations(page)
            page.get_by_role("button", name="Send til kriseledelsen").click()
            page.wait_for_url(f"{base}/innboks/{place['item']}/")  # from the refused answer's page
            assert page.get_by_test_id("crisis-held").count() == 0
            page.get_by_role("button", name="Logg ut").click()

            log_in(page, live_server.url, "sjef")
            page.goto(f"{base}/krise/")
            page.get_by_role("button", name="Avslutt krisemodus").click()
            assert page.get_by_role("heading", level=1).inner_text() == "Kriserapport"
            escalated = page.get_by_test_id("report-inbox-2-escalated").inner_text()
            assert "Det brenner ikke" in escalated
            assert page.get_by_test_id("crisis-banner").count() == 0
            visited["report"] = axe_violations(page)
        finally:
            browser.close()
    failing = {label: found for label, found in visited.items() if found}
    assert not failing, json.dumps(failing, indent=2, ensure_ascii=False)
