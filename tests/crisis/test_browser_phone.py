"""A crisis's report on a 390 px phone in Debian's chromium, in bokmål, nynorsk and English:
nothing wider than the screen (found walking the demo: the facts' label column and a long
nynorsk word made the report 397 px wide; then an answer that did not reach the platform, whose
reason sat in a tag that does not wrap, made it 1075 px wide)."""

from __future__ import annotations

import pytest

from somevakt.crisis import services
from somevakt.inbox import services as inbox
from somevakt.integrations.outbound import perform
from somevakt.tenants.roles import Role
from tests.browser.phone import signed_in_phone, wider_than_a_phone, widths_in_every_language
from tests.browser.test_shell import CHROMIUM
from tests.factories import PASSWORD, make_account, make_item, make_member, make_municipality

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (scripts/ensure-chromium.sh installs it)"
    ),
]


@pytest.fixture
def report(transactional_db) -> int:
    # Made before Playwright starts: its event loop forbids the ORM in this thread.
    municipality = make_municipality(name="Gausdal", slug="gausdal", policy_pack="gausdal")
    chief = make_member(municipality, "sjef", "Siri", "Kvarberg", [Role.CHIEF_EXECUTIVE, Role.CRISIS_TEAM])
    for name in ("Gausdal bibliotek", "Ung i Gausdal", "Valg i Gausdal 2023"):
        make_account(municipality, name=name, external_id=f"9{len(name)}")
    account = make_account(municipality, name="Gausdal kommune")
    crisis = services.declare(municipality, chief, "Flom i Gausdal sentrum, vannforsyningen er brutt.")
    # An answer the platform refused (the account is not connected): its state and reason.
    item = make_item(account, text="Er vannet trygt å drikke?", codes=["intent.question"])
    perform(inbox.send_reply(item, chief, "Kok vannet inntil videre. Hilsen Siri").payload["call_id"])
    services.end(crisis, chief, "Vannforsyningen er gjenopprettet.")
    return crisis.pk


def test_the_report_fits_a_phone_in_every_language(report, live_server):
    def one_state_per_row(page, path: str) -> None:
        if path.endswith(f"/{report}/"):
            assert page.locator("[data-testid=row-state]").count() == 1

    base = live_server.url
    paths = ["/gausdal/krise/", f"/gausdal/krise/{report}/"]
    with signed_in_phone(base, "sjef", PASSWORD, "/gausdal/") as page:
        widths = widths_in_every_language(page, base, paths, one_state_per_row)
    assert len(widths) == 6 and wider_than_a_phone(widths) == {}
