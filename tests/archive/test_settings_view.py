"""The archive settings: organisation number, archive part and retention rule, for the records office."""

from __future__ import annotations

from somevakt.archive.models import ArchiveProfile, RetentionRule

from .conftest import url


def test_the_records_office_sets_the_organisation_number_and_retention(records_client, municipality):
    response = records_client.post(
        url("settings"),
        {"org_number": "961 399 254", "series": "SOME", "keep_days": "180", "retention_enabled": "on"},
    )
    assert response.status_code == 302
    assert ArchiveProfile.objects.get(municipality=municipality).org_number == "961399254"
    assert RetentionRule.objects.get(municipality=municipality).keep_days == 180


def test_it_refuses_an_invalid_organisation_number(records_client, municipality):
    response = records_client.post(url("settings"), {"org_number": "123456789", "keep_days": "365"})
    assert response.status_code == 400
    assert not ArchiveProfile.objects.filter(municipality=municipality).exists()


def test_it_requires_the_records_role(owner_client, member_client):
    assert owner_client.get(url("settings")).status_code == 403
    assert member_client.get(url("settings")).status_code == 403


def test_it_hides_the_municipality_from_an_outsider(outsider_client):
    assert outsider_client.get(url("settings")).status_code == 404
