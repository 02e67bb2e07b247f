"""The publishing pages in Debian's chromium with axe-core, at a desktop width and on a 390 px
phone: zero WCAG 2.1 A/AA violations, nothing wider than the screen, and the composer's live
check answering as the adviser types."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from tests.browser.test_shell import ARGS, AXE, CHROMIUM, axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (scripts/ensure-chromium.sh installs it)"
    ),
]

PASSWORD = "test-passord-123"


@pytest.fixture
def world(transactional_db, settings, tmp_path):
    """Båtsfjord with its communications adviser, a Facebook page and the demo's publishing data
    (made before Playwright starts: its event loop forbids the ORM in this thread)."""
    from somevakt.publishing import demo
    from somevakt.publishing.models import Post
    from somevakt.tenants.roles import Role
    from tests.factories import make_account, make_member, make_municipality

    settings.MEDIA_ROOT = tmp_path / "media"
    place = make_municipality(name="Båtsfjord", slug="batsfjord", policy_pack="batsfjord")
    adviser = make_member(place, "batsfjord.kommunikasjon", "Kari", "Rådgiver", [Role.COMMUNICATIONS])
    # Under Båtsfjord only an account's administrators speak for the municipality from it.
    make_account(place, name="Båtsfjord kommune").admins.add(adviser)
    demo.load(
        SimpleNamespace(
            municipalities={"batsfjord": place},
            people={"batsfjord.kommunikasjon": adviser},
            log=lambda _: None,
        )
    )
    return {"draft": Post.objects.get(state="draft").pk, "published": Post.objects.get(state="published").pk}


def test_it_has_no_wcag_21_aa_violations_and_fits_a_phone(world, live_server):
    from playwright.sync_api import sync_playwright

    assert AXE.exists(), "node_modules/axe-core is missing: run `make install` (npm ci)"
    visited: dict[str, list[dict]] = {}
    too_wide: dict[str, int] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            for width in (1280, 390):
                context = browser.new_context(bypass_csp=True, viewport={"width": width, "height": 844})
                page = context.new_page()
                page.goto(f"{live_server.url}/logg-inn/")
                page.get_by_label("Brukernavn").fill("batsfjord.kommunikasjon")
                page.get_by_label("Passord").fill(PASSWORD)
                page.locator("main").get_by_role("button", name="Logg inn").click()
                page.wait_for_url(f"{live_server.url}/batsfjord/")
                base = f"{live_server.url}/batsfjord/publisering"

                def check(label: str, path: str) -> None:
                    if path:
                        response = page.goto(f"{base}/{path}")
                        assert response is not None and response.status == 200, (
                            path,
                            response and response.status,
                        )
                    assert page.evaluate("document.documentElement.lang") == "nb"
                    visited[f"{label} at {width}px"] = axe_violations(page)
                    scroll = page.evaluate("document.documentElement.scrollWidth")
                    if scroll > width:
                        too_wide[f"{label} at {width}px"] = scroll

                check("posts", "")
                page.goto(f"{base}/ny/")
                page.get_by_label("Båtsfjord kommune", exact=False).check()
                page.get_by_label("Tekst", exact=True).fill("Se elevene i 5B på skidagen i dag!")
                # Typing asks for a check; the post has no link, so Båtsfjord asks for one.
                page.locator("#post-check [data-verdict='revise']").wait_for(timeout=20_000)
                page.get_by_label("Fem elever", exact=False).check()
                page.locator("#post-check [data-verdict='block']").wait_for(timeout=20_000)
                check("composer with a blocked check", "")
                check("draft", f"{world['draft']}/")
                check("published post", f"{world['published']}/")
                check("pictures", "bilder/")
                check("consents", "samtykker/")
                context.close()
        finally:
            browser.close()
    assert len(visited) == 12
    failures = {label: found for label, found in visited.items() if found}
    assert failures == {}, json.dumps(failures, indent=2, ensure_ascii=False)
    assert too_wide == {}
