"""The inbox in a real browser on the demo data: no WCAG 2.1 AA violations (axe-core) on the
queue, an item page and the leaders' figures; the reply composer checks the draft live (htmx)."""

from __future__ import annotations

import json

import pytest

from somevakt.demo.loader import DEMO_PASSWORD, load_demo
from somevakt.inbox.models import ItemStatus
from tests.browser.test_shell import ARGS, AXE, CHROMIUM, axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent"),
]


@pytest.fixture
def demo_item(transactional_db) -> int:
    """Loaded before Playwright starts: its event loop forbids the ORM in this thread."""
    load_demo(log=lambda line: None)
    gausdal = ItemStatus.objects.filter(municipality__slug="gausdal")
    return gausdal.exclude(codes=[]).order_by("item_id").first().item_id


def test_it_is_accessible_and_checks_a_draft_reply_live(demo_item, live_server):
    from playwright.sync_api import sync_playwright

    assert AXE.exists(), "node_modules/axe-core is missing: run `make install` (npm ci)"
    visited: dict[str, list[dict]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(bypass_csp=True)  # only so axe can be injected
        page = context.new_page()
        page.goto(f"{live_server.url}/logg-inn/")
        page.get_by_label("Brukernavn").fill("gausdal.kommunikasjon")
        page.get_by_label("Passord").fill(DEMO_PASSWORD)
        page.locator("main").get_by_role("button", name="Logg inn").click()
        page.wait_for_url(f"{live_server.url}/gausdal/")

        page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Innboks").click()
        page.wait_for_url(f"{live_server.url}/gausdal/innboks/")
        assert page.get_by_role("heading", level=1).inner_text() == "Innboks"
        visited[page.url] = axe_violations(page)

        page.get_by_role("link", name="Alle").click()
        visited[page.url] = axe_violations(page)

        page.goto(f"{live_server.url}/gausdal/innboks/{demo_item}/")
        page.wait_for_load_state("networkidle")
        visited[page.url] = axe_violations(page)

        composer = page.get_by_label("Ditt svar")
        composer.fill("Vi har sett på saken din, 01017012343. Hilsen Eva")
        page.locator("#draft-check [data-verdict=block]").wait_for(timeout=20_000)
        assert "Kan ikke sendes" in page.locator("#draft-check").inner_text()
        composer.fill("Biblioteket åpner klokka ti i morgen. Hilsen Eva")
        page.locator("#draft-check [data-verdict=ok]").wait_for(timeout=20_000)
        visited[page.url + "#svar"] = axe_violations(page)

        page.get_by_role("link", name="Formell henvendelse").click()
        assert "postmottak@gausdal.kommune.no" in composer.input_value()

        page.goto(f"{live_server.url}/gausdal/innboks/svartider/")
        assert page.get_by_role("heading", level=1).inner_text() == "Svartider"
        visited[page.url] = axe_violations(page)
        context.close()
        browser.close()

    failures = {url: found for url, found in visited.items() if found}
    assert failures == {}, json.dumps(failures, indent=2, ensure_ascii=False)
