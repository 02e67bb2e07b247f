"""The item page in a real browser, on a phone (390 px) and a desktop (1280 px): each finding in the
comment is a visible `<mark>` with its label written before the words (read out with them), the
page does not scroll sideways, and axe-core finds no WCAG 2.1 A/AA violation."""

from __future__ import annotations

import json
import re

import pytest

from tests.browser.test_shell import ARGS, AXE, CHROMIUM, axe_violations
from tests.conftest import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent"),
]

TEXT = "Jeg vet hvor du bor, Per Hansen. Fødselsnummeret mitt er 01017012343. Når åpner biblioteket?"
WIDTHS = (390, 1280)


@pytest.fixture
def marked_item(transactional_db, make_item) -> int:
    """Stored before the browser starts: Django refuses database use inside Playwright's event loop."""
    from somevakt.analysis.base import Finding
    from somevakt.inbox.deadlines import pack_of
    from somevakt.inbox.triage import record_triage
    from somevakt.policy.engine import decide

    item = make_item("marked", TEXT)
    start = TEXT.index("0101")
    findings = [
        Finding("abuse.threat", 0, 19, "high", text="Jeg vet hvor du bor"),
        Finding("person.named", 21, 31, "info", text="Per Hansen"),
        Finding("personal_data.national_id", start, start + 11, "high", text="*" * 11),
        Finding("intent.question", 0, len(TEXT), "info"),
    ]
    pack = pack_of(item.municipality)
    decision = decide(findings, "comment", pack, text_length=len(TEXT))
    assert record_triage(item, TEXT, decision, pack, actor_label="test")
    return item.pk


def test_it_shows_each_finding_marked_and_labelled_on_a_phone_and_a_desktop(marked_item, owner, live_server):
    from playwright.sync_api import sync_playwright

    visited: dict[str, list[dict]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            for width in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
                page = context.new_page()
                page.goto(f"{live_server.url}/logg-inn/")
                page.get_by_label("Brukernavn").fill(owner.username)
                page.get_by_label("Passord").fill(PASSWORD)
                page.locator("main").get_by_role("button", name="Logg inn").click()
                page.wait_for_url(f"{live_server.url}/provekommune/")
                page.goto(f"{live_server.url}/provekommune/innboks/{marked_item}/")
                page.wait_for_load_state("networkidle")

                comment = page.get_by_test_id("comment-text")
                threat = comment.locator("mark[data-codes='abuse.threat']")
                threat.scroll_into_view_if_needed()
                assert threat.is_visible(), width
                box = threat.bounding_box()
                assert box and box["width"] > 0 and box["x"] >= 0 and box["x"] + box["width"] <= width, width
                # The label is written before the words, in the text's own box, not by colour alone.
                assert threat.evaluate("el => getComputedStyle(el, '::before').content") == '"Trussel"'
                before = threat.evaluate("el => getComputedStyle(el, '::before').display")
                assert before == "inline-block", width
                # ... and read out with them: the accessibility tree has the label in the mark.
                tree = comment.aria_snapshot()
                assert re.search(r'mark: "?Trussel ?Jeg vet hvor du bor', tree), tree
                assert re.search(r"mark: \"?Navngitt person ?Per Hansen", tree), tree
                national_id = comment.locator("mark[data-codes='personal_data.national_id']")
                assert national_id.inner_text() == "***********"
                assert "01017012343" not in page.content()
                # The comment is still exactly the comment (the labels are not part of its text),
                # apart from the number, masked.
                shown = comment.evaluate("el => el.textContent")
                assert shown == TEXT.replace("01017012343", "*" * 11)

                found = page.get_by_test_id("found-in-text")
                assert found.is_visible()
                assert "Trussel «Jeg vet hvor du bor»" in found.inner_text()
                assert "Spørsmål" in page.get_by_test_id("found-whole").inner_text()
                assert page.evaluate("document.documentElement.scrollWidth") <= width
                visited[f"{width}px"] = axe_violations(page)
                context.close()
        finally:
            browser.close()

    assert AXE.exists(), "node_modules/axe-core is missing: run `make install` (npm ci)"
    failures = {url: found for url, found in visited.items() if found}
    assert failures == {}, json.dumps(failures, indent=2, ensure_ascii=False)
