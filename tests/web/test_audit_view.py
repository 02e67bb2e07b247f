"""The audit log page: for IT and the chief executive, the municipality's people only, filters, CSV."""

from __future__ import annotations

from somevakt.tenants.models import AuditAction, AuditEntry
from tests.conftest import make_member


def url(municipality, suffix: str = "revisjonslogg/") -> str:
    return f"/{municipality.slug}/{suffix}"


def test_it_shows_the_municipalitys_people_and_not_others(
    owner_client, owner, municipality, other_municipality
) -> None:
    stranger = make_member(other_municipality, "fremmed", "Frode", "Fremmed", [])
    AuditEntry.objects.create(action=AuditAction.SIGN_IN, actor=owner, actor_label="eier", subject="eier")
    AuditEntry.objects.create(
        action=AuditAction.SIGN_IN_FAILED, actor_label="eier", subject="eier", address="10.0.0.9"
    )
    AuditEntry.objects.create(
        action=AuditAction.SIGN_IN, actor=stranger, actor_label="fremmed", subject="fremmed"
    )
    rows = owner_client.get(url(municipality)).content.decode().split("<tbody>")[1]
    assert "10.0.0.9" in rows and "Eva Eiersen" in rows
    assert "Frode" not in rows and "fremmed" not in rows


def test_it_filters_and_downloads_what_it_shows(owner_client, owner, municipality) -> None:
    AuditEntry.objects.create(action=AuditAction.SIGN_IN, actor=owner, actor_label="eier", subject="eier")
    AuditEntry.objects.create(action=AuditAction.SIGN_IN_FAILED, actor_label="=HYPERLINK(1)", subject="eier")
    html = owner_client.get(
        url(municipality), {"action": "sign_in_failed", "from": "ikke-en-dato"}
    ).content.decode()
    rows = html.split("<tbody>")[1]
    assert "HYPERLINK" in rows and "Eva Eiersen" not in rows
    response = owner_client.get(url(municipality, "revisjonslogg.csv"), {"action": "sign_in_failed"})
    body = b"".join(response.streaming_content).decode()
    assert response["Content-Type"].startswith("text/csv")
    assert "'=HYPERLINK(1)" in body  # never a formula in a spreadsheet
    assert body.count("\n") == 2  # the header and the one entry


def test_it_is_for_it_and_the_chief_executive_only(member_client, outsider_client, municipality) -> None:
    assert member_client.get(url(municipality)).status_code == 403
    assert outsider_client.get(url(municipality)).status_code == 404
