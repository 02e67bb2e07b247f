"""The crisis pages: works / requires role / outsider gets 404; declare, instruct and end through
the web as the pack allows; the banner on every page while a crisis is in force."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from somevakt.crisis import services
from somevakt.crisis.journal import document_of
from somevakt.crisis.models import CrisisMode
from tests.factories import logged_in

pytestmark = pytest.mark.django_db


def url(municipality, rest: str = "") -> str:
    return f"/{municipality.slug}/krise/{rest}"


def test_it_offers_crisis_management_to_declare(owner_client, municipality, account):
    html = owner_client.get(url(municipality)).content.decode()
    assert 'data-testid="declare-form"' in html
    assert 'data-testid="crisis-banner"' not in html


def test_it_does_not_offer_the_adviser_to_declare_and_refuses_their_post(adviser, municipality):
    client = logged_in(adviser)
    html = client.get(url(municipality)).content.decode()
    assert 'data-testid="declare-form"' not in html and 'data-testid="no-crisis"' in html
    response = client.post(url(municipality, "erklaer/"), {"reason": "Brann", "scope": "all"}, follow=True)
    assert response.status_code == 200
    assert "Bare kriseledelsen" in response.content.decode()
    assert not CrisisMode.objects.exists()


def test_an_employee_gets_403_and_an_outsider_404(member_client, outsider_client, municipality):
    assert member_client.get(url(municipality)).status_code == 403
    assert outsider_client.get(url(municipality)).status_code == 404
    assert outsider_client.post(url(municipality, "erklaer/"), {"reason": "x"}).status_code == 404


def test_it_declares_for_some_accounts_and_shows_the_banner_on_every_page(
    owner_client, member_client, municipality, account, second_account, owner
):
    response = owner_client.post(
        url(municipality, "erklaer/"),
        {"reason": "Flom i sentrum", "scope": "accounts", "accounts": [second_account.pk]},
    )
    assert response.status_code == 302
    crisis = CrisisMode.objects.get()
    assert list(crisis.accounts.all()) == [second_account] and crisis.declared_by == owner
    for client, page in (
        (owner_client, f"/{municipality.slug}/innboks/"),
        (member_client, f"/{municipality.slug}/"),
    ):
        html = client.get(page).content.decode()
        assert 'data-testid="crisis-banner"' in html, page
        assert "Eva Eiersen" in html and "Biblioteket" in html
    # The employee sees the banner but no link to a page they cannot open.
    assert f'href="{url(municipality)}"' not in member_client.get(f"/{municipality.slug}/").content.decode()


def test_it_refuses_an_account_of_another_municipality_with_a_message(
    owner_client, municipality, other_account
):
    response = owner_client.post(
        url(municipality, "erklaer/"),
        {"reason": "Flom", "scope": "accounts", "accounts": [other_account.pk, "x"]},
        follow=True,
    )
    assert response.status_code == 200
    assert not CrisisMode.objects.exists()
    assert 'data-color="danger"' in response.content.decode()


def test_it_gives_an_instruction_and_ends_with_a_report(owner_client, municipality, account, owner, adviser):
    crisis = services.declare(municipality, owner, "Brann")
    response = owner_client.post(
        url(municipality, f"{crisis.pk}/instruks/"), {"to": adviser.pk, "purpose": "Svar om evakuering"}
    )
    assert response.status_code == 302
    assert crisis.instructions.get().given_to == adviser
    response = owner_client.post(url(municipality, f"{crisis.pk}/avslutt/"), {"note": "Over"})
    assert response["Location"] == url(municipality, f"{crisis.pk}/")
    crisis.refresh_from_db()
    assert crisis.ended_by == owner
    html = owner_client.get(url(municipality, f"{crisis.pk}/")).content.decode()
    assert "Svar om evakuering" in html and 'data-testid="crisis-history"' in html
    assert 'data-testid="report-inbox-1-answered"' in html
    assert 'data-testid="crisis-banner"' not in html


def test_the_report_is_a_pdf(owner_client, municipality, owner):
    crisis = services.declare(municipality, owner, "Brann")
    services.end(crisis, owner)
    response = owner_client.get(url(municipality, f"{crisis.pk}/rapport.pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_another_municipalitys_crisis_is_404(owner_client, municipality, other_municipality, outsider):
    crisis = services.declare(other_municipality, outsider, "Storm")
    assert owner_client.get(url(municipality, f"{crisis.pk}/")).status_code == 404
    assert owner_client.post(url(municipality, f"{crisis.pk}/avslutt/")).status_code == 404
    crisis.refresh_from_db()
    assert crisis.active


def test_the_history_the_pdf_and_the_journal_name_the_instructed_person(
    owner_client, municipality, owner, adviser
):
    # Walking the demo, the history read "Håkon Segalstad : gausdal.kommunikasjon may speak for …":
    # a username where the report names people, and a space before the colon.
    crisis = services.declare(municipality, owner, "Brann")
    services.instruct(crisis, owner, adviser, "Svar om evakuering")
    services.end(crisis, owner)
    crisis.refresh_from_db()
    html = owner_client.get(url(municipality, f"{crisis.pk}/")).content.decode()
    history = html.split('data-testid="crisis-history"', 1)[1].split("</ol>", 1)[0]
    assert "Rolf Rådgiver" in history and "radgiver" not in history
    assert 'Eva Eiersen<span dir="auto">: Brann</span>' in history
    pdf = owner_client.get(url(municipality, f"{crisis.pk}/rapport.pdf")).content
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Rolf Rådgiver – Svar om evakuering" in text and "radgiver" not in text
    document = document_of(crisis)
    assert document is not None
    history_lines = next(section.lines for section in document.sections if section.heading == "Historikk")
    assert any("Rolf Rådgiver – Svar om evakuering" in line for line in history_lines)
