"""A signed-in phone in Debian's chromium, for the tests that walk a page in bokmål, nynorsk
and English at 390 px: log in once, then visit each path in each language."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from tests.browser.test_shell import ARGS, CHROMIUM

PHONE = 390
LANGUAGES = ("nb", "nn", "en")


@contextmanager
def signed_in_phone(base: str, username: str, password: str, landing: str) -> Iterator[Any]:
    """A page at 390 px, signed in as `username` (the login lands on `landing`, a URL pattern)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_context(viewport={"width": PHONE, "height": 844}).new_page()
            page.goto(f"{base}/logg-inn/")
            page.get_by_label("Brukernavn").fill(username)
            page.get_by_label("Passord").fill(password)
            page.locator("main").get_by_role("button", name="Logg inn").click()
            page.wait_for_url(f"{base}{landing}")
            yield page
        finally:
            browser.close()


def widths_in_every_language(
    page: Any, base: str, paths: Iterable[str], also: Callable[[Any, str], None] = lambda page, path: None
) -> dict[str, int]:
    """The page's width at each path in each language ("path (nb)": px); `also` checks more on
    each page once it has loaded."""
    widths = {}
    for language in LANGUAGES:
        page.context.add_cookies([{"name": "somevakt_language", "value": language, "url": base}])
        for path in paths:
            response = page.goto(f"{base}{path}")
            assert response is not None and response.status == 200, (path, language)
            also(page, path)
            widths[f"{path} ({language})"] = page.evaluate("document.documentElement.scrollWidth")
    return widths


def wider_than_a_phone(widths: dict[str, int]) -> dict[str, int]:
    return {where: width for where, width in widths.items() if width > PHONE}
