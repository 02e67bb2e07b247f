"""One audit log: settings, roles, account events and downloads reach it with who, from where,
before and after, whichever page or command made the change (tenants.audit, web.audited)."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from somevakt.registry import lifecycle
from somevakt.registry.services import Actor
from somevakt.tenants.audit import SECRET, acting, record
from somevakt.tenants.identity import SignOn
from somevakt.tenants.jobs import prune_audit_log
from somevakt.tenants.models import AuditAction, AuditEntry
from somevakt.tenants.roles import Role
from somevakt.tenants.services import add_member
from tests.factories import logged_in, make_account, make_member


def entries(action: str) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action=action).order_by("id"))


def test_it_records_a_role_change_with_before_and_after(municipality, unit, owner, member) -> None:
    with acting(owner, "10.0.0.3"):
        add_member(municipality, member, [Role.IT], unit=unit)
    changes = entries(AuditAction.MEMBERSHIP_CHANGED)
    assert [(e.before, e.after) for e in changes] == [({"role": "employee"}, {}), ({}, {"role": "it"})]
    assert all(
        e.actor == owner
        and e.address == "10.0.0.3"
        and e.subject == "medlem"
        and e.municipality == municipality
        for e in changes
    )


def test_it_records_a_new_and_a_removed_member(municipality, unit, owner, other_municipality) -> None:
    person = make_member(other_municipality, "ny", "Nina", "Ny", [Role.EMPLOYEE])
    with acting(owner):
        membership = add_member(municipality, person, [Role.RECORDS], unit=unit)
        membership.delete()
    assert entries(AuditAction.MEMBERSHIP_ADDED)[0].subject == "ny"
    assert entries(AuditAction.MEMBERSHIP_REMOVED)[0].before == {"unit": "Oppvekst", "title": ""}


def test_it_does_not_log_what_nobody_did(municipality, member) -> None:
    # The demo loader and the test fixtures build people outside any request: nobody's action.
    add_member(municipality, member, [Role.IT])
    assert not AuditEntry.objects.exists()


def test_it_logs_the_archive_and_retention_settings_changed_on_their_page(municipality) -> None:
    officer = make_member(municipality, "arkiv", "Arne", "Arkivar", [Role.RECORDS])
    client = logged_in(officer)
    url = reverse("archive:settings", kwargs={"municipality": municipality.slug})
    form = {"org_number": "961399254", "keep_days": "365", "retention_enabled": "on", "hold": "decision"}
    client.post(url, {**form, "hold_hours": "8"}, REMOTE_ADDR="10.0.0.4")
    client.post(url, {**form, "hold_hours": "15", "keep_days": "90"}, REMOTE_ADDR="10.0.0.4")
    archive = entries(AuditAction.ARCHIVE_SETTINGS_CHANGED)
    assert archive[0].before == {} and archive[0].after["org_number"] == "961399254"
    assert (archive[1].before, archive[1].after) == ({"hold_hours": 8}, {"hold_hours": 15})
    retention = entries(AuditAction.RETENTION_CHANGED)
    assert (retention[-1].before, retention[-1].after) == ({"keep_days": 365}, {"keep_days": 90})
    assert {e.actor for e in archive + retention} == {officer}
    assert {e.address for e in archive + retention} == {"10.0.0.4"}


def test_it_logs_a_download_as_an_export(owner_client, owner, municipality) -> None:
    response = owner_client.get(f"/{municipality.slug}/revisjonslogg.csv?action=sign_in")
    b"".join(response.streaming_content)
    export = entries(AuditAction.EXPORTED)[0]
    assert export.actor == owner and export.municipality == municipality
    assert export.subject == "revisjonslogg-provekommune.csv"
    assert export.after == {"path": "/provekommune/revisjonslogg.csv", "query": "action=sign_in"}


def test_it_logs_what_a_person_does_to_an_account_and_not_what_the_system_does(municipality, owner) -> None:
    account = make_account(municipality)  # approved by a system label: the account's history only
    assert not entries(AuditAction.ACCOUNT_CHANGED)
    lifecycle.close(account, Actor(person=owner), "Sommerstengt")
    entry = entries(AuditAction.ACCOUNT_CHANGED)[0]
    assert entry.actor == owner and entry.municipality == municipality
    assert entry.before == {"state": "active"}
    assert entry.after == {"event": "closed", "state": "closed_temporarily", "reason": "Sommerstengt"}


def test_it_says_that_a_sign_on_secret_changed_and_never_what_it_is(municipality, owner) -> None:
    with acting(owner):
        sign_on = SignOn(municipality=municipality, issuer="https://login.example.no/x/v2.0", client_id="a")
        sign_on.set_secret("hemmelig-1")
        sign_on.save()
        sign_on.set_secret("hemmelig-2")
        sign_on.save()
    changed = entries(AuditAction.SIGN_ON_CHANGED)
    assert changed[0].after["sealed_secret"] == SECRET
    assert (changed[1].before, changed[1].after) == ({"sealed_secret": SECRET}, {"sealed_secret": SECRET})
    assert "hemmelig" not in str([(e.before, e.after) for e in changed])


def test_it_removes_entries_past_the_retention_period_and_says_so(settings, owner) -> None:
    settings.AUDIT_RETENTION_DAYS = 30
    old = record(AuditAction.SIGN_IN, actor=owner)
    AuditEntry.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=31))
    kept = record(AuditAction.SIGN_IN, actor=owner)
    assert prune_audit_log() == 1
    assert (
        AuditEntry.objects.filter(pk=kept.pk).exists() and not AuditEntry.objects.filter(pk=old.pk).exists()
    )
    assert entries(AuditAction.AUDIT_PRUNED)[0].after["removed"] == 1
    assert prune_audit_log() == 0


def test_the_audit_page_and_its_csv_show_what_changed(
    owner_client, owner, municipality, unit, member
) -> None:
    with acting(owner, "10.0.0.3"):
        add_member(municipality, member, [Role.EMPLOYEE, Role.IT], unit=unit)
    page = owner_client.get(f"/{municipality.slug}/revisjonslogg/?action=membership_changed").content.decode()
    assert "Endret et medlems roller eller enhet" in page and "role: it" in page
    csv = b"".join(owner_client.get(f"/{municipality.slug}/revisjonslogg.csv").streaming_content).decode()
    assert any(line.endswith("role: it") for line in csv.splitlines())
