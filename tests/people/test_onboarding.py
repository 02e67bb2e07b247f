"""Each person's part of the guideline (issue 14): the clauses for their roles, in their language,
opened before the yearly attestation, and the reading kept per revision."""

from __future__ import annotations

from django.urls import reverse

from somevakt.people import onboarding
from somevakt.people.models import GuidelineReading
from somevakt.policy.packs import load_pack
from somevakt.tenants.roles import Role


def url(slug: str = "provekommune") -> str:
    return reverse("people:introduction", kwargs={"municipality": slug})


def test_everyone_reads_scope_private_use_and_crisis_and_advisers_read_their_work_too():
    employee = onboarding.topics_for([Role.EMPLOYEE])
    assert {"scope", "private_use", "confidentiality", "crisis", "authority"} <= set(employee)
    assert "deletion" not in employee and "response_time" not in employee
    adviser = onboarding.topics_for([Role.COMMUNICATIONS])
    assert {"deletion", "response_time", "case_processing", "account_creation"} <= set(adviser)
    assert set(employee) < set(adviser)


def test_batsfjords_employee_reads_that_breaches_have_consequences():
    pack = load_pack("batsfjord")
    ids = [c.id for _topic, clauses in onboarding.clauses_for(pack, [Role.EMPLOYEE]) for c in clauses]
    assert "batsfjord:1-omfang" in ids
    assert all(c.topic in onboarding.topics_for([Role.EMPLOYEE]) for c in pack.clauses if c.id in ids)
    assert not any(c.topic == "deletion" for c in pack.clauses if c.id in ids)


def test_the_page_shows_the_persons_clauses_and_records_the_reading_once(member, member_client, municipality):
    pack = load_pack(municipality.policy_pack)
    page = member_client.get(url()).content.decode()
    everyone = [c for c in pack.clauses if c.topic in onboarding.EVERYONE]
    deletion = [c for c in pack.clauses if c.topic == "response_time"]
    assert everyone and deletion
    assert all(f'#{c.id}"' in page for c in everyone)
    assert all(f'#{c.id}"' not in page for c in deletion)
    member_client.get(url())
    reading = GuidelineReading.objects.get()
    assert (reading.person, reading.policy_revision) == (member, pack.revision)


def test_it_speaks_nynorsk_and_english(member_client):
    member_client.cookies["somevakt_language"] = "nn"
    assert "Retningslinja for deg" in member_client.get(url()).content.decode()
    member_client.cookies["somevakt_language"] = "en"
    assert "The guideline for you" in member_client.get(url()).content.decode()


def test_an_outsider_gets_404(outsider_client):
    assert outsider_client.get(url()).status_code == 404
    assert not GuidelineReading.objects.exists()
