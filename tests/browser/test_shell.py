"""Log in, walk every page of the shell in Debian's chromium and run axe-core on each:
zero WCAG 2.1 A/AA violations. Universal design of ICT is a legal duty for municipalities."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from somevakt.demo.loader import DEMO_PASSWORD, load_demo

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (scripts/ensure-chromium.sh installs it)"
    ),
]


def axe_violations(page) -> list[dict]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def check(page, visited: dict[str, list[dict]]) -> None:
    language = page.evaluate("document.documentElement.lang")
    assert language in {"nb", "nn", "en"}
    visited[f"{page.url} ({language})"] = axe_violations(page)


@pytest.fixture
def demo_data(transactional_db):
    # Loaded before Playwright starts: its event loop forbids the ORM in this thread.
    load_demo(log=lambda line: None)


def test_it_has_no_wcag_21_aa_violations_on_any_page_of_the_shell(demo_data, live_server):
    from playwright.sync_api import sync_playwright

    assert AXE.exists(), "node_modules/axe-core is missing: run `make install` (npm ci)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            visited = walk_the_shell(browser, live_server.url)
            too_wide = walk_on_a_phone(browser, live_server.url)
        finally:
            browser.close()
    failures = {url: found for url, found in visited.items() if found}
    assert failures == {}, json.dumps(failures, indent=2, ensure_ascii=False)
    assert too_wide == {}, too_wide


PHONE = 360
# The header may take this much of a phone's screen before the page's own content begins.
HEADER_AT_MOST = 240


def walk_on_a_phone(browser, base: str) -> dict[str, str]:
    """Every page of the navigation, an inbox item and an account on a 360 px wide phone, in
    bokmål and nynorsk (longer words): nothing scrolls the page sideways, the header leaves room
    for the content, and a keyboard user gets from one item to the next (issue 15)."""
    context = browser.new_context(viewport={"width": PHONE, "height": 740})
    page = context.new_page()
    page.goto(f"{base}/logg-inn/")
    page.get_by_label("Brukernavn").fill("gausdal.kommunikasjon")
    page.get_by_label("Passord").fill(DEMO_PASSWORD)
    page.locator("main").get_by_role("button", name="Logg inn").click()
    page.wait_for_url(f"{base}/gausdal/")
    menu = page.get_by_role("navigation", name="Hovedmeny").get_by_role("link")
    paths = ["/gausdal/", *menu.evaluate_all("links => links.map(a => new URL(a.href).pathname)")]
    page.goto(f"{base}/gausdal/innboks/")
    first_item = page.locator("[data-item-link]").first.get_attribute("href")
    page.goto(f"{base}/gausdal/kontoer/")
    first_account = page.locator("main table a").first.get_attribute("href")
    paths += [first_item, first_account, "/gausdal/innboks/?filter=all"]
    too_wide: dict[str, str] = {}
    for language in ("nb", "nn"):
        context.add_cookies([{"name": "somevakt_language", "value": language, "url": base}])
        for path in paths:
            page.goto(f"{base}{path}")
            width = page.evaluate("document.documentElement.scrollWidth")
            top = page.evaluate("document.querySelector('main').getBoundingClientRect().top")
            if width > PHONE or top > HEADER_AT_MOST:
                too_wide[f"{path} ({language})"] = f"{width} px wide, content from {top:.0f} px"
    # The queue's skip link passes the filters; the item page goes on to the next item.
    context.add_cookies([{"name": "somevakt_language", "value": "nb", "url": base}])
    page.goto(f"{base}/gausdal/innboks/")
    assert page.locator('a[href="#saker"]').count() == 1
    page.goto(f"{base}{first_item}")
    following = page.get_by_test_id("next-item")
    assert following.is_visible()
    following.click()
    assert page.url != f"{base}{first_item}" and "/gausdal/innboks/" in page.url
    context.close()
    return too_wide


def walk_the_shell(browser, base: str) -> dict[str, list[dict]]:
    # The CSP forbids inline scripts; only axe, injected by the test, needs the bypass.
    # An English browser still gets bokmål: the shell is Norwegian unless one chooses otherwise.
    context = browser.new_context(bypass_csp=True, locale="en-US")
    page = context.new_page()
    visited: dict[str, list[dict]] = {}

    page.goto(f"{base}/")
    assert page.url.startswith(f"{base}/logg-inn/")
    assert page.get_by_role("heading", level=1).inner_text() == "Logg inn i somevakt"
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith('"Inter Variable"')
    check(page, visited)

    page.get_by_label("Brukernavn").fill("felles.it")
    page.get_by_label("Passord").fill(DEMO_PASSWORD)
    page.locator("main").get_by_role("button", name="Logg inn").click()
    page.wait_for_url(f"{base}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Velg kommune"
    check(page, visited)

    page.get_by_role("link", name="Gausdal").click()
    page.wait_for_url(f"{base}/gausdal/")
    check(page, visited)
    navigation = page.get_by_role("navigation", name="Hovedmeny")
    labels = navigation.get_by_role("link").all_inner_texts()
    assert labels, "no navigation"
    for label in labels:
        navigation.get_by_role("link", name=label, exact=True).click()
        page.wait_for_url(f"{base}/gausdal/*/")
        assert page.locator("[aria-current=page]").inner_text() == label
        check(page, visited)

    page.get_by_label("Kommune", exact=True).select_option("romskog")
    page.get_by_role("button", name="Bytt", exact=True).click()
    page.wait_for_url(f"{base}/romskog/")
    assert page.get_by_role("heading", level=1).inner_text() == "Rømskog"
    check(page, visited)

    page.get_by_label("Språk").select_option("nn")
    page.get_by_role("button", name="Bytt språk").click()
    page.wait_for_url(f"{base}/romskog/")
    assert page.evaluate("document.documentElement.lang") == "nn"
    check(page, visited)

    page.goto(f"{base}/batsfjord/")
    assert page.get_by_role("heading", level=1).inner_text() == "Fann ikkje sida"
    check(page, visited)

    # Keyboard users: the first Tab reaches the skip link, and it becomes visible.
    page.goto(f"{base}/romskog/innboks/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    assert page.evaluate("document.activeElement.getBoundingClientRect().width") > 50
    context.close()
    assert len(visited) == len(labels) + 6
    return visited
