"""The archive settings: organisation number, archive part and retention rule, for the records office."""

from __future__ import annotations

from somevakt.archive.models import ArchiveProfile, RetentionRule

from .conftest import url


def test_the_records_office_sets_the_organisation_number_and_retention(records_client, municipality):
    response = records_client.post(
        url("settings"),
        {
            "org_number": "961 399 254",
            "series": "SOME",
            "hold": "decision",
            "hold_hours": "8",
            "keep_days": "180",
            "retention_enabled": "on",
        },
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


def test_it_sets_when_entries_go_and_logs_who_changed_what(records_client, records_officer, municipality):
    from somevakt.archive.models import Hold, SettingsChange

    form = {"org_number": "961399254", "keep_days": "365", "retention_enabled": "on"}
    records_client.post(url("settings"), {**form, "hold": "decision", "hold_hours": "8"})
    response = records_client.post(url("settings"), {**form, "hold": "hours", "hold_hours": "15"})
    assert response.status_code == 302
    profile = ArchiveProfile.objects.get(municipality=municipality)
    assert (profile.hold, profile.hold_hours) == (Hold.HOURS, 15)
    changes = {
        c.field: (c.old, c.new, c.by) for c in SettingsChange.objects.filter(municipality=municipality)
    }
    assert changes["hold"] == ("decision", "hours", records_officer)
    assert changes["hold_hours"] == ("8", "15", records_officer)
    assert changes["org_number"] == ("", "961399254", records_officer)
    page = records_client.get(url("settings")).content.decode()
    assert "Arne Arkivar" in page and "«8» → «15»" in page


def test_it_refuses_hours_out_of_range_with_a_message(records_client, municipality):
    form = {"org_number": "961399254", "keep_days": "365", "hold": "hours", "hold_hours": "0"}
    response = records_client.post(url("settings"), form)
    assert response.status_code == 400
    assert not ArchiveProfile.objects.filter(municipality=municipality).exists()
