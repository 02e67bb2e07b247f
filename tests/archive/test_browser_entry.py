"""A journal entry's page on a 390 px phone in Debian's chromium: the archived document's lines
(a post's link, its permalink) wrap instead of widening the page (found walking the demo: a kept
post's entry was 523 px wide on a 390 px screen)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.browser.phone import signed_in_phone, wider_than_a_phone, widths_in_every_language
from tests.browser.test_shell import CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (scripts/ensure-chromium.sh installs it)"
    ),
]

PASSWORD = "test-passord-123"
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
    def shows_the_link(page, _path: str) -> None:
        assert page.get_by_text(LINK).count() >= 1  # the line is there, and wraps

    base = live_server.url
    with signed_in_phone(base, "batsfjord.arkiv", PASSWORD, "/batsfjord/**") as page:
        widths = widths_in_every_language(page, base, [f"/batsfjord/arkiv/{entry}/"], shows_the_link)
    assert len(widths) == 3 and wider_than_a_phone(widths) == {}
