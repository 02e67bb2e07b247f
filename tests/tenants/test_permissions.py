"""The one role × action table (tenants.permissions) against what the pages really allow.

Every role of the table tries every action through the real views, on an item of "their"
account (in the unit leader's unit, with the service office person as its admin) and on an
item of an account that is none of theirs; under a pack without a rule on who replies
(Gausdal) and one with it (Hustadvika 3g), each with its rule on who speaks for the
municipality at all (`roles.speaking`: Gausdal's unit leaders for their unit, the chief
executive and communications for everything; Hustadvika's admins and communications). An
action is refused when the page answers 403 (not allowed) or 404 (not even seen); anything
else means the person got to do it, and the item actions then leave their event in the log.
docs/inbox.md shows the same table.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from somevakt.inbox import services
from somevakt.inbox.access import named_for
from somevakt.inbox.deadlines import pack_of
from somevakt.inbox.models import ItemKind
from somevakt.policy.packs import load_pack
from somevakt.tenants import permissions
from somevakt.tenants.roles import Role
from tests.factories import logged_in, make_account, make_item, make_member, make_unit

DOC = Path(__file__).resolve().parents[2] / "docs" / "inbox.md"
ROLES = (
    Role.COMMUNICATIONS,
    Role.UNIT_LEADER,
    Role.CHIEF_EXECUTIVE,
    Role.CRISIS_TEAM,
    Role.SERVICE_OFFICE,
    Role.RECORDS,
    Role.IT,
    Role.EMPLOYEE,
    Role.POLITICIAN,
)
ITEM_ACTIONS = ("see", "read_private", "reply", "hide", "unhide", "delete", "escalate", "assign")
# What each item action posts (the delete is confirmed, a reply that the check asks to revise
# carries its reason) and the event it leaves.
POSTS = {
    "reply": (
        {"text": "Takk for at du spør. Vi svarer i morgen. Hilsen Kari", "anyway_reason": "prøve"},
        "replied",
    ),
    "hide": ({"ground": "illegal"}, "hidden"),
    "unhide": ({}, "unhidden"),
    "delete": ({"ground": "0", "confirmed": "yes"}, "deleted"),
    "escalate": ({"target": "crisis", "reason": "Se på"}, None),
    "assign": ({"to": ""}, None),
}


@pytest.fixture
def world(municipality, owner, top_unit):
    """Two Facebook pages: "theirs" in the Skole unit (led by the unit leader, run by the service
    office person) and "other" in the top unit; one person for each role, each with that role only."""
    school = make_unit(municipality, "Skole", "skole", parent=top_unit)
    people = {
        role: make_member(
            municipality,
            f"p-{role}",
            "Per",
            role,
            [role],
            unit=school if role == Role.UNIT_LEADER else top_unit,
        )
        for role in ROLES
    }
    school.leader = people[Role.UNIT_LEADER]
    school.save()
    theirs = make_account(municipality, external_id="700000001", name="Skolen", unit=school)
    theirs.admins.add(people[Role.SERVICE_OFFICE])
    other = make_account(municipality, external_id="700000002", name="Kommunen", unit=top_unit)
    return {"people": people, "theirs": theirs, "other": other, "owner": owner}


def speaks(role: str, where: str, pack_slug: str) -> bool:
    """The pack's rule on who speaks for the municipality (`roles.speaking`), for replies: the
    roles that speak about everything, the account's admins, and where the pack says so the
    leader of the account's unit."""
    rule = load_pack(pack_slug).roles.speaking
    if rule is None or role in rule.everything:
        return True
    theirs = where == "theirs"
    return (rule.account_admins and theirs and role == Role.SERVICE_OFFICE) or (
        rule.unit_leaders and theirs and role == Role.UNIT_LEADER
    )


def expected(role: str, action: str, where: str, pack_slug: str) -> bool:
    found = permissions.narrowed(action, role, named_for(action, load_pack(pack_slug)))
    if found is None:
        return False
    if action == "reply" and not speaks(role, where, pack_slug):
        return False
    if found == permissions.ALL:
        return True
    if where == "other":
        return False
    leads, runs = role == Role.UNIT_LEADER, role == Role.SERVICE_OFFICE
    # THEIRS: their unit's account, or one they run; ADMIN: only one they run.
    return runs or (leads and found == permissions.THEIRS)


def try_item_action(client, world, role, action, where, number):
    account = world[where]
    item = make_item(
        account,
        f"{account.external_id}_1_{number}",
        "Du er en idiot",
        codes=["abuse.insult"],
        account_external_id=account.external_id,
    )
    if action == "unhide":
        services.hide(item, world["owner"], "illegal")
    base = f"/{item.municipality.slug}/innboks/{item.pk}/"
    if action == "see":
        return client.get(base).status_code == 200
    if action == "read_private":
        # A private message: its page and its row in the queue, or neither.
        item.kind = ItemKind.MESSAGE
        item.save(update_fields=["kind"])
        page = client.get(base).status_code == 200
        queue = client.get(f"/{item.municipality.slug}/innboks/?status=all")
        listed = queue.status_code == 200 and f"/innboks/{item.pk}/" in queue.content.decode()
        assert page == listed, (role, where, page, listed)
        return page
    data, event = POSTS[action]
    if action == "delete" and not pack_of(item.municipality).deletion_grounds:
        event = None  # Gausdal gives no ground: refused with a message, after the role check
    response = client.post(f"{base}{action}/", data)
    allowed = response.status_code not in (403, 404)
    if allowed and event is not None:
        assert item.events.filter(type=event).exists(), (role, action, where, response.status_code)
    if not allowed:
        assert item.events.filter(actor=world["people"][role]).count() == 0
    return allowed


@pytest.mark.parametrize("pack", ["gausdal", "hustadvika"])
@pytest.mark.parametrize("role", ROLES)
def test_it_lets_each_role_do_on_items_exactly_what_the_table_says(world, municipality, role, pack):
    municipality.policy_pack = pack
    municipality.save()
    client = logged_in(world["people"][role])
    found, wanted = {}, {}
    number = 0
    for action in ITEM_ACTIONS:
        for where in ("theirs", "other"):
            number += 1
            found[(action, where)] = try_item_action(client, world, role, action, where, number)
            wanted[(action, where)] = expected(role, action, where, pack)
    assert found == wanted


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_each_role_close_an_account_exactly_as_the_table_says(world, municipality, role):
    # Gausdal 2: a unit leader closes their own unit's account ("theirs"), not another.
    client = logged_in(world["people"][role])
    form = {
        "first_day": "2026-07-06",
        "last_day": "2026-07-31",
        "reason": "Ferie",
        "notice": "Stengt i ferien.",
    }
    for where in ("theirs", "other"):
        url = reverse(
            "registry:add_closure", kwargs={"municipality": municipality.slug, "account_id": world[where].pk}
        )
        response = client.post(url, form)
        assert (response.status_code not in (403, 404)) == expected(
            role, "close_account", where, "gausdal"
        ), where


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_each_role_decide_screening_exactly_as_the_table_says(world, municipality, role):
    from somevakt.archive.models import JournalEntry

    item = make_item(
        world["other"], "700000002_9_9", "Ring meg på 412 34 567!", codes=["personal_data.phone"]
    )
    services.hide(item, world["owner"], "personal_data")
    entry = JournalEntry.objects.get(item=item)
    client = logged_in(world["people"][role])
    url = reverse("archive:screening", kwargs={"municipality": municipality.slug, "entry_id": entry.pk})
    response = client.post(url, {"screened": "1", "basis": "Offl. § 13, jf. fvl. § 13 første ledd nr. 1"})
    assert (response.status_code not in (403, 404)) == (
        permissions.TABLE["decide_screening"].get(role) is not None
    )


def test_it_shows_the_same_table_in_the_docs():
    assert permissions.markdown_table() in DOC.read_text(encoding="utf-8")


def test_it_gives_a_person_with_several_roles_the_widest_reach():
    assert permissions.reach([Role.UNIT_LEADER, Role.COMMUNICATIONS], "see") == permissions.ALL
    assert permissions.reach([Role.UNIT_LEADER, Role.SERVICE_OFFICE], "reply") == permissions.THEIRS
    assert permissions.reach([Role.EMPLOYEE], "see") is None
    # A pack that names who replies leaves the others their own accounts only.
    assert permissions.reach([Role.UNIT_LEADER], "reply", ["communications"]) == permissions.ADMIN
    assert permissions.reach([Role.UNIT_LEADER], "hide", ["communications"]) == permissions.THEIRS
