"""The packs' `implemented` flags tell the truth about the apps: a clause is marked built only
where somevakt carries it out, and a workflow that does not exist is never claimed."""

from __future__ import annotations

import pytest
from django.apps import apps

from somevakt.inbox.views import composer_guidance
from somevakt.people.selfcheck import PRIVATE, checklist
from somevakt.policy.packs import load_pack

SLUGS = ("batsfjord", "gausdal", "hustadvika", "romskog")
APPS_OF_PARTS = {"registry", "inbox", "publishing", "archive", "people", "tenants"}


def clauses(slug: str, status: str):
    return [c for c in load_pack(slug).clauses if c.honoured_by.status == status]


def shown_on_the_onboarding_page(pack) -> set[str]:
    """The clauses some role's page "The guideline for you" shows (people.onboarding)."""
    from somevakt.people.onboarding import clauses_for
    from somevakt.tenants.roles import Role

    return {c.id for role in Role.values for _topic, found in clauses_for(pack, [role]) for c in found}


@pytest.mark.parametrize("slug", SLUGS)
def test_it_marks_guidance_built_only_where_people_are_shown_it(slug):
    pack = load_pack(slug)
    in_self_check = {c.id for c in checklist(pack, PRIVATE)}
    in_composer = {c.id for c in composer_guidance(pack)}
    on_onboarding = shown_on_the_onboarding_page(pack)
    for clause in clauses(slug, "guidance"):
        by = clause.honoured_by.by
        shown = (
            ("self_check" in by and clause.id in in_self_check)
            or ("reply_composer" in by and clause.id in in_composer)
            or ("onboarding" in by and clause.id in on_onboarding)
        )
        assert clause.honoured_by.implemented == shown, clause.id


def clauses_the_lifecycle_cites(slug: str) -> set[str]:
    """Walk an account of a municipality under `slug`'s pack from plan to active, and collect the
    clauses its events cite and the clause of each check the accounts page makes."""
    from somevakt.registry import lifecycle
    from somevakt.registry.services import Actor
    from tests.factories import make_account
    from tests.registry.conftest import pack_municipality
    from tests.registry.test_lifecycle import full_answers

    municipality, unit, people = pack_municipality(slug)
    account = make_account(municipality, unit=unit, state="planned")
    author = Actor(person=people["komm"])
    lifecycle.save_plan(account, author, full_answers(slug))
    lifecycle.submit(account, author)
    lifecycle.approve(account, Actor(person=lifecycle.approvers(account)[0]), "Godkjent")
    lifecycle.activate(account, author, responsible=people["leder"])
    # The identity check at activation: a person confirms a text that says nothing.
    from somevakt.registry import identity

    identity.record_check(account, "Velkommen!", identity.PERSON, people["komm"])
    cited = {clause for event in account.events.all() for clause in event.clauses}
    rules = load_pack(slug).roles.account
    if "chief_executive_admin" in rules.checks and lifecycle.flags(account) == ["chief_executive_not_admin"]:
        cited.add(rules.checks_clause)
    return cited


@pytest.mark.django_db
@pytest.mark.parametrize("slug", SLUGS)
def test_it_claims_account_creation_clauses_exactly_where_the_lifecycle_carries_them_out(slug):
    cited = clauses_the_lifecycle_cites(slug)
    for clause in clauses(slug, "workflow"):
        if clause.topic == "account_creation" or clause.id in cited:
            assert clause.honoured_by.implemented == (clause.id in cited), clause.id


@pytest.mark.parametrize("slug", SLUGS)
def test_it_claims_workflows_only_of_apps_that_exist(slug):
    for clause in clauses(slug, "workflow"):
        assert set(clause.honoured_by.by) <= APPS_OF_PARTS, clause.id
        if clause.honoured_by.implemented:
            for part in clause.honoured_by.by:
                assert apps.get_app_config(part).get_models(), (clause.id, part)


def test_it_marks_the_yearly_review_and_offentleglova_built():
    built = {c.id for slug in SLUGS for c in clauses(slug, "workflow") if c.honoured_by.implemented}
    assert {"hustadvika:arlig-gjennomgang", "hustadvika:2n", "gausdal:offisielle-kontoer-10-arkiv"} <= built
    # The closure notice reaches the platform (tests/registry/test_closure_view.py: a Facebook
    # feed post in the Graph API's format); the photographer is asked where Båtsfjord says so
    # (tests/publishing: a picture goes out only with the photographer's permission).
    assert "gausdal:offisielle-kontoer-2-beskjed" in built
    assert "batsfjord:4.4-fotograf" in built
    # The yearly attestation states what a breach may lead to before the confirm button
    # (tests/people/test_attest_consequences.py).
    assert "batsfjord:brudd" in built


def crisis_clause_carried_out(slug: str) -> bool:
    """Declare crisis mode as the pack's crisis management, then answer a comment on an account it
    holds as a communications adviser and as the crisis team: carried out when the adviser is held
    (nothing sent), the engine's check cites the clause, and the crisis team's answer goes out."""
    from somevakt.crisis import services as crisis
    from somevakt.inbox import services
    from tests.factories import make_account, make_item, make_member, make_municipality, triage_with

    pack = load_pack(slug)
    place = make_municipality(name=slug, slug=f"{slug}-krise", policy_pack=slug)
    declarer = make_member(place, f"{slug}-erklaerer", "Dina", "Dekl", [pack.roles.crisis.declared_by[0]])
    team = make_member(place, f"{slug}-team", "Tor", "Team", list(pack.roles.crisis.roles))
    adviser = make_member(place, f"{slug}-rad", "Rolf", "Råd", ["communications"])
    account = make_account(place, external_id=f"{slug}-side")
    item = make_item(account, f"{slug}-side_1_1")
    triage_with(item, "intent.question")
    crisis.declare(place, declarer, "Brann i sentrum")
    text = "Biblioteket er åpent som vanlig. Hilsen Rolf"
    try:
        services.send_reply(item, adviser, text)
        return False
    except services.CrisisHeld:
        pass
    cited = pack.roles.crisis.clause in services.check_reply(item, text, adviser).clauses
    sent = services.send_reply(item, team, text.replace("Rolf", "Tor")).type == "replied"
    return cited and sent and not item.events.filter(type="replied", actor=adviser).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("slug", SLUGS)
def test_it_claims_the_crisis_clause_exactly_where_crisis_mode_holds_answers(slug):
    pack = load_pack(slug)
    clause = pack.clause(pack.roles.crisis.clause)
    assert "crisis" in clause.honoured_by.by and apps.get_app_config("crisis").get_models()
    assert clause.honoured_by.implemented == crisis_clause_carried_out(slug), clause.id


def speaking_rule_carried_out(slug: str) -> bool:
    """Under `slug`'s pack, the one decision on who speaks for the municipality from an account
    (`inbox.access.speaking_refusal`, which replies and posts both ask; tests/inbox/test_speaking.py
    and tests/publishing/test_speaking.py walk it through the pages) lets the account's admin, the
    roles that speak about everything and (where the pack says so) the unit's leader speak, and
    refuses anyone else with the pack's clauses and reason."""
    from somevakt.inbox.access import speaking_refusal
    from somevakt.publishing.rules import may_publish
    from somevakt.tenants.models import Membership
    from tests.factories import make_account, make_member, make_municipality, make_unit

    pack = load_pack(slug)
    rule = pack.roles.speaking
    place = make_municipality(name=slug, slug=f"{slug}-tale", policy_pack=slug)
    top = make_unit(place, "Kommunedirektøren", "topp")
    school = make_unit(place, "Oppvekst", "oppvekst", parent=top)
    leader = make_member(place, f"{slug}-leder", "Lea", "Leder", ["unit_leader"], unit=school, leads=True)
    admin = make_member(place, f"{slug}-admin", "Ada", "Admin", ["service_office"], unit=top)
    other = make_member(place, f"{slug}-krise", "Kim", "Krise", ["crisis_team"], unit=top)
    adviser = make_member(place, f"{slug}-komm", "Kai", "Komm", ["communications"], unit=top)
    account = make_account(place, external_id=f"{slug}-skole", name="Skolen", unit=school)
    account.admins.add(admin)

    def member(person):
        return Membership.objects.get(person=person, municipality=place)

    refused = speaking_refusal(member(other), account)
    adviser_speaks = "communications" in rule.everything
    return (
        refused is not None
        and refused.clauses == rule.clauses
        and refused.reason == rule.reason
        and speaking_refusal(member(admin), account) is None
        and (speaking_refusal(member(leader), account) is None) == rule.unit_leaders
        and may_publish(member(adviser), account) == adviser_speaks
    )


@pytest.mark.django_db
@pytest.mark.parametrize("slug", SLUGS)
def test_it_claims_the_speaking_clauses_exactly_where_replies_and_posts_follow_them(slug):
    pack = load_pack(slug)
    carried_out = speaking_rule_carried_out(slug)
    assert carried_out
    for clause_id in pack.roles.speaking.clauses:
        clause = pack.clause(clause_id)
        if clause.honoured_by.status == "workflow":
            if clause.topic == "authority":
                assert {"inbox", "publishing"} <= set(clause.honoured_by.by), clause_id
            assert clause.honoured_by.implemented == carried_out, clause_id
