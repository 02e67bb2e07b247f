"""A journal entry's page on a 390 px phone in Debian's chromium: the archived document's lines
(a post's link, its permalink) wrap instead of widening the page (found walking the demo: a kept
post's entry was 523 px wide on a 390 px screen)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.browser.test_shell import ARGS, CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (scripts/ensure-chromium.sh installs it)"
    ),
]

PASSWORD = "test-passord-123"
PHONE = 390
LINK = "https://www.batsfjord.kommune.no/oppvekst/uteskole/hosten-2026/fjaera-og-havet"


@pytest.fixture
def entry(transactional_db, settings, tmp_path):
    """Båtsfjord's demo post, with a long link, kept on Facebook: its entry in the journal
    (made before Playwright starts: its event loop forbids the ORM in this thread)."""
    from somevakt.archive.models import JournalEntry
    from somevakt.publishing import demo, services
    from somevakt.publishing.models import Post, PostTarget
    from somevakt.tenants.roles import Role
    from tests.factories import make_account, make_member, make_municipality

    settings.MEDIA_ROOT = tmp_path / "media"
    place = make_municipality(name="Båtsfjord", slug="batsfjord", policy_pack="batsfjord")
    adviser = make_member(place, "batsfjord.kommunikasjon", "Kari", "Rådgiver", [Role.COMMUNICATIONS])
    make_member(place, "batsfjord.arkiv", "Ada", "Arkiv", [Role.RECORDS])
    make_account(place, name="Båtsfjord kommune").admins.add(adviser)
    demo.load(
        SimpleNamespace(
            municipalities={"batsfjord": place},
            people={"batsfjord.kommunikasjon": adviser},
            log=lambda _: None,
        )
    )
    post = Post.objects.get(state="published")
    Post.objects.filter(pk=post.pk).update(link=LINK)
    services.keep(PostTarget.objects.get(post=post), adviser, "Avtalt med foreldrene at det blir liggende")
    return JournalEntry.objects.get(municipality=place).pk


def test_a_kept_posts_entry_fits_a_phone(entry, live_server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            context = browser.new_context(viewport={"width": PHONE, "height": 844})
            page = context.new_page()
            page.goto(f"{live_server.url}/logg-inn/")
            page.get_by_label("Brukernavn").fill("batsfjord.arkiv")
            page.get_by_label("Passord").fill(PASSWORD)
            page.locator("main").get_by_role("button", name="Logg inn").click()
            page.wait_for_url(f"{live_server.url}/batsfjord/**")
            widths = {}
            for language in ("nb", "nn", "en"):
                context.add_cookies(
                    [{"name": "somevakt_language", "value": language, "url": live_server.url}]
                )
                response = page.goto(f"{live_server.url}/batsfjord/arkiv/{entry}/")
                assert response is not None and response.status == 200
                assert page.get_by_text(LINK).count() >= 1  # the line is there, and wraps
                widths[language] = page.evaluate("document.documentElement.scrollWidth")
        finally:
            browser.close()
    assert widths == {"nb": PHONE, "nn": PHONE, "en": PHONE}
