"""In a real browser: comments with HTML, script tags, right-to-left overrides and thousands of
emoji are shown exactly as text, on the item page and in the queue, and no script of theirs runs.

The Content-Security-Policy would stop inline scripts anyway; the browser here ignores it
(bypass_csp), so the test proves the escaping itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PASSWORD
from tests.inbox.conftest import triage_with

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent"),
]

HOSTILE = {
    "script": '<script>window.__pwned = "script"</script> Hei kommunen',
    "img": "<img src=x onerror=\"window.__pwned = 'img'\"> & \"sitat\" 'enkel'",
    "svg": '"><svg onload="window.__pwned = \'svg\'"></svg><a href="javascript:window.__pwned=1">klikk</a>',
    "htmx": '<div hx-get="/logg-ut/" hx-trigger="load">htmx</div> {{ 7|add:7 }} {% csrf_token %}',
    "rtl": "Filen heter \u202egpj.exe\u202c og \u2067\u05e9\u05dc\u05d5\u05dd\u2069 slutt",
    "emoji": "😀👍🏽🇳🇴‍🔥" * 1500,
}


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def hostile_items(transactional_db, make_item) -> dict:
    """Stored before the browser starts: Django refuses database use inside Playwright's event loop."""
    items = {key: make_item(f"hostile-{key}", text) for key, text in HOSTILE.items()}
    # A finding inside the markup, so the highlighter's own <mark> is exercised too.
    triage_with(items["script"], "abuse.insult", spans={"abuse.insult": (1, 7)})
    triage_with(items["rtl"], "personal_data.phone", spans={"personal_data.phone": (12, 21)})
    return {key: item.pk for key, item in items.items()}


def test_it_shows_hostile_comments_as_inert_text(hostile_items, owner, live_server, browser):
    username = owner.username
    context = browser.new_context(bypass_csp=True, java_script_enabled=True)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{live_server.url}/logg-inn/")
    page.get_by_label("Brukernavn").fill(username)
    page.get_by_label("Passord").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Logg inn").click()
    page.wait_for_url(f"{live_server.url}/provekommune/")

    for key, pk in hostile_items.items():
        page.goto(f"{live_server.url}/provekommune/innboks/{pk}/")
        page.wait_for_load_state("networkidle")
        shown = page.get_by_test_id("comment-text")
        assert shown.evaluate("el => el.textContent") == HOSTILE[key], key
        assert shown.evaluate("el => el.querySelectorAll('*:not(mark)').length") == 0, key
        assert page.evaluate("window.__pwned") is None, key
        assert page.evaluate("document.querySelectorAll('main script, main img, main svg').length") == 0
        assert page.url.endswith(f"/innboks/{pk}/"), key  # no htmx request of theirs ran

    page.goto(f"{live_server.url}/provekommune/innboks/?filter=all")
    page.wait_for_load_state("networkidle")
    excerpts = page.locator(".sv-excerpt").all_text_contents()
    for key, text in HOSTILE.items():
        assert any(text.startswith(e.removesuffix("…")) for e in excerpts), key
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('main script, main img, main svg').length") == 0
    # Still logged in: the injected hx-get to the logout page never ran.
    page.goto(f"{live_server.url}/provekommune/innboks/")
    assert page.url.endswith("/provekommune/innboks/")
    assert dialogs == []
    context.close()
