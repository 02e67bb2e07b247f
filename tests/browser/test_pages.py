"""The pages the navigation walk (test_shell.py) does not reach, in Debian's chromium with axe-core:
an inbox item with the composer's live check, the self-check with a verdict, the leader's team
page, a guideline clause by its anchor, the accounts pages, and the archive's journal entry,
public journal, deletion report, settings and delivery settings. Zero WCAG 2.1 A/AA violations.

One browser and one context for the whole walk: the demo data is loaded once, and a login
is two requests, so the walk takes seconds, not minutes.
"""

from __future__ import annotations

import json

import pytest

from somevakt.demo.loader import DEMO_PASSWORD, load_demo
from tests.browser.test_shell import ARGS, AXE, CHROMIUM, axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (scripts/ensure-chromium.sh installs it)"
    ),
]

SLUG = "hustadvika"  # a guideline with deletion grounds and a yearly review with the leader


@pytest.fixture
def demo(transactional_db) -> dict[str, int]:
    """The demo data, and the ids the walk needs (the ORM cannot run once Playwright's loop has started)."""
    from somevakt.archive.models import JournalEntry
    from somevakt.inbox.models import ItemStatus
    from somevakt.registry.models import Account

    load_demo(log=lambda line: None)
    open_items = ItemStatus.objects.filter(municipality__slug=SLUG, open_work=True, deleted=False)
    entries = JournalEntry.objects.filter(municipality__slug=SLUG)
    return {
        "item": open_items.exclude(codes=[]).order_by("item_id").first().item_id,
        "account": Account.objects.filter(municipality__slug=SLUG).order_by("pk").first().pk,
        "entry": entries.filter(kind="inquiry").order_by("pk").first().pk,
        "moderation_entry": entries.filter(kind="moderation").order_by("pk").first().pk,
    }


def log_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/logg-inn/")
    page.get_by_label("Brukernavn").fill(username)
    page.get_by_label("Passord").fill(DEMO_PASSWORD)
    page.locator("main").get_by_role("button", name="Logg inn").click()
    page.wait_for_url(f"{base}/{SLUG}/")


def test_it_has_no_wcag_21_aa_violations_beyond_the_navigation(demo, live_server):
    from playwright.sync_api import sync_playwright

    assert AXE.exists(), "node_modules/axe-core is missing: run `make install` (npm ci)"
    visited: dict[str, list[dict]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            context = browser.new_context(bypass_csp=True)  # only so axe can be injected
            page = context.new_page()
            base = f"{live_server.url}/{SLUG}"

            def visit(path: str) -> None:
                response = page.goto(f"{base}/{path}")
                assert response is not None and response.status == 200, (path, response and response.status)

            def check(label: str) -> None:
                assert page.evaluate("document.documentElement.lang") == "nb", label
                visited[label] = axe_violations(page)

            # Communications answers: under Hustadvika 3g only they and the account's admins reply.
            log_in(page, live_server.url, f"{SLUG}.kommunikasjon")
            visit(f"innboks/{demo['item']}/")
            page.locator("details.sv-guidance summary").click()  # the guideline's advice, opened
            composer = page.get_by_label("Ditt svar")
            composer.fill("Ring meg på 912 34 567, så ordner vi det. Hilsen Astrid")
            page.locator("#draft-check [data-verdict]").wait_for(timeout=20_000)
            check("inbox item with a checked draft")
            page.get_by_role("button", name="Logg ut").click()

            # The chief executive: people, guidelines, accounts and the archive's reading side.
            log_in(page, live_server.url, f"{SLUG}.kommunedirektor")

            visit("folk/sjekk/")
            page.get_by_label("Det du har tenkt å publisere privat").fill(
                "Jobber i kommunen og synes vedtaket om skolen er dumt. "
                "Skriv til meg på astrid@hustadvika.kommune.no"
            )
            page.locator("#check-result [data-verdict]").wait_for(timeout=20_000)
            check("self-check with a verdict")

            visit("folk/min-enhet/")
            assert page.get_by_role("heading", level=1).is_visible()
            check("team page")

            visit("retningslinjer/#hustadvika:2q")
            assert page.evaluate("location.hash") == "#hustadvika:2q"
            assert page.locator('[id="hustadvika:2q"]').is_visible()
            check("guidelines at a clause")

            visit("kontoer/")
            check("accounts")
            visit(f"kontoer/{demo['account']}/")
            assert page.get_by_role("button", name="Lagre stengingen").is_visible()
            check("account with the closure form")

            visit(f"arkiv/{demo['entry']}/")
            check("journal entry (reader)")
            visit("arkiv/offentlig-journal/")
            check("public journal")
            visit("arkiv/slettet/")
            assert page.locator("main table").count() >= 1, "the demo deletes comments in Hustadvika"
            check("deletion report")

            # The records office: the entry's metadata and screening forms, and the archive settings.
            page.get_by_role("button", name="Logg ut").click()
            log_in(page, live_server.url, f"{SLUG}.arkiv")
            visit(f"arkiv/{demo['moderation_entry']}/")
            assert page.get_by_role("button", name="Lagre metadata").is_visible()
            check("journal entry (records office)")
            visit("arkiv/innstillinger/")
            check("archive settings")
            visit("arkiv/innstillinger/overforing/")
            page.get_by_role("button", name="Test forbindelsen").click()
            page.locator("#fiksio-check").wait_for()
            check("archive delivery settings, with a connection test")
            context.close()
        finally:
            browser.close()

    assert len(visited) == 12
    failures = {label: found for label, found in visited.items() if found}
    assert failures == {}, json.dumps(failures, indent=2, ensure_ascii=False)
