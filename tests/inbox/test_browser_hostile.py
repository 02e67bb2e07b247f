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
    pytest.mark.slow,
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


# Left open on purpose: without isolation it would reverse everything after it on the line.
SPOOFED = "Mallory \u202eelif.exe"
SPOOF_TEXT = "Se vedlegget \u202egpj.exe\u202c før møtet"


def triage_bidi(item) -> None:
    """Triage `item` with the direction-control analyser's real findings (no models needed)."""
    from somevakt.analysis.base import Document
    from somevakt.analysis.bidi import BidiAnalyser
    from somevakt.inbox.deadlines import pack_of
    from somevakt.inbox.triage import record_triage
    from somevakt.policy.engine import decide

    pack = pack_of(item.municipality)
    findings = BidiAnalyser().analyse(Document(item.text))
    decision = decide(findings, "comment", pack, text_length=len(item.text))
    assert record_triage(item, item.text, decision, pack, actor_label="test")


@pytest.fixture
def spoofed_thread(transactional_db, make_item) -> tuple[int, int]:
    root = make_item("spoof-root", SPOOF_TEXT, author_name=SPOOFED)
    reply = make_item("spoof-reply", "Ikke åpne den!", author_name="Kari Nordmann", parent_id="spoof-root")
    triage_bidi(root)
    return root.pk, reply.pk


def log_in(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/logg-inn/")
    page.get_by_label("Brukernavn").fill(username)
    page.get_by_label("Passord").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Logg inn").click()
    page.wait_for_url(f"{live_server.url}/provekommune/")


def test_it_keeps_an_override_in_an_authors_name_from_reordering_the_page(
    spoofed_thread, owner, live_server, browser
):
    root, reply = spoofed_thread
    context = browser.new_context(java_script_enabled=True)
    page = context.new_page()
    log_in(page, live_server, owner.username)

    page.goto(f"{live_server.url}/provekommune/innboks/{root}/")
    page.wait_for_load_state("networkidle")
    # The name is closed inside <bdi>: what follows it on its line stays to its right.
    name = page.locator(".sv-thread li").first.locator("strong")
    after = page.locator(".sv-thread li").first.locator("span.sv-muted").first
    assert after.bounding_box()["x"] >= name.bounding_box()["x"] + name.bounding_box()["width"] - 1
    assert name.text_content() == SPOOFED + "\u202c"
    assert "\u2068" + SPOOFED + "\u202c\u2069" in page.title()
    # ... and shown as written, as is the override the analyser found in the text.
    assert page.get_by_test_id("author-as-written").text_content() == "Mallory [U+202E]elif.exe"
    assert "[U+202E]gpj.exe[U+202C]" in page.locator(".sv-findings").text_content()
    assert page.get_by_test_id("comment-text").evaluate("el => el.textContent") == SPOOF_TEXT

    page.goto(f"{live_server.url}/provekommune/innboks/{reply}/")
    page.wait_for_load_state("networkidle")
    link = page.locator(".sv-thread li").first.locator("a")
    time = page.locator(".sv-thread li").first.locator("time")
    assert time.bounding_box()["x"] >= link.bounding_box()["x"] + link.bounding_box()["width"] - 1

    page.goto(f"{live_server.url}/provekommune/innboks/?filter=all")
    page.wait_for_load_state("networkidle")
    authors = page.locator(".sv-author bdi").all_text_contents()
    assert SPOOFED + "\u202c" in authors
    context.close()
