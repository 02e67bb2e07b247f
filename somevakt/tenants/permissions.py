"""Who may do what: the one role × action table (DESIGN.md §3, issue 15).

Each action maps each role to how far it reaches:

- `ALL`: every item (or account, or journal entry) of the municipality;
- `THEIRS`: the items of the accounts of the units the person leads (as the leader, or as
  the deputy while the leader is away, and the units below them), of the accounts the
  person is responsible for or an admin of, and the items given or escalated to them;
- `ADMIN`: only the accounts the person is an admin of or responsible for;
- `CRISIS`: the items of the accounts a crisis holds, while it holds, and only where the pack
  names the person's role as crisis management (`roles.crisis`): Båtsfjord 4.3's mayor, through
  whom crisis information may go, sees and answers them then and nothing otherwise.

A role missing from an action's row may not do it. A person with several roles reaches as
far as the widest of them, and a crisis's items besides where one of them reaches `CRISIS`.
The inbox, the accounts pages and the archive read this table;
docs/inbox.md shows it (`markdown_table()`), and tests/tenants/test_permissions.py checks
every cell against the real views.

The pack may narrow who replies: `roles.reply` in a pack (Rømskog 10, Hustadvika 3g) names
the roles that reply from any account they reach; every other role replies only from the
accounts it is an admin of (`narrowed`). Private messages (Messenger, Instagram direct) are
read only by those who answer them: `roles.private_messages`, else `roles.reply`, narrows
`read_private` the same way.
"""

from __future__ import annotations

from collections.abc import Iterable

from somevakt.tenants.roles import Role

ALL = "all"
THEIRS = "theirs"
ADMIN = "admin"
CRISIS = "crisis"
# Wider reaches rank higher; a person's reach is the widest of their roles'.
RANK: dict[str, int] = {CRISIS: 0, ADMIN: 1, THEIRS: 2, ALL: 3}

C, U, X, K, S, R, M = (
    Role.COMMUNICATIONS.value,
    Role.UNIT_LEADER.value,
    Role.CHIEF_EXECUTIVE.value,
    Role.CRISIS_TEAM.value,
    Role.SERVICE_OFFICE.value,
    Role.RECORDS.value,
    Role.MAYOR.value,
)

# What each action is, for the docs (the pages name the actions in their own words).
ACTION_LABELS: dict[str, str] = {
    "see": "See items in the inbox",
    "read_private": "Read private messages",
    "reply": "Reply from the account",
    "hide": "Hide a comment",
    "unhide": "Show a hidden comment again",
    "delete": "Delete a comment",
    "escalate": "Escalate",
    "assign": "Assign, close or reopen an item",
    "close_account": "Close an account for a while",
    "decide_screening": "Decide screening in the archive",
    "publish": "Publish posts on the account",
    "register_consent": "Register and withdraw photo consents",
}

TABLE: dict[str, dict[str, str]] = {
    "see": {C: ALL, U: THEIRS, X: ALL, K: ALL, S: ALL, M: CRISIS},
    # Private messages are read by those who answer them (issue 16): the reply row, narrowed by
    # the pack like replies.
    "read_private": {C: ALL, U: THEIRS, X: ALL, K: ALL, S: ADMIN},
    "reply": {C: ALL, U: THEIRS, X: ALL, K: ALL, S: ADMIN, M: CRISIS},
    "hide": {C: ALL, U: THEIRS, X: ALL, K: ALL, S: ADMIN},
    "unhide": {C: ALL, U: THEIRS, X: ALL, K: ALL, S: ADMIN},
    "delete": {C: ALL, U: THEIRS, X: ALL, S: ADMIN},
    "escalate": {C: ALL, U: THEIRS, X: ALL, K: ALL, S: ALL, M: CRISIS},
    "assign": {C: ALL, U: THEIRS, X: ALL, K: ALL},
    # Gausdal 2: a unit leader closes their own unit's forum when it cannot be followed up.
    "close_account": {C: ALL, U: THEIRS, X: ALL},
    "decide_screening": {R: ALL},
    # The pack narrows who publishes (`roles.publishing`); an account's admins publish from it.
    "publish": {C: ALL, U: ADMIN, X: ADMIN, K: ADMIN, S: ADMIN},
    "register_consent": {C: ALL, U: ALL, X: ALL},
}
ACTIONS: tuple[str, ...] = tuple(TABLE)
# Actions a pack may narrow to named roles and the account's admins.
PACK_NARROWED: tuple[str, ...] = ("reply", "read_private", "publish")

assert set(ACTION_LABELS) == set(TABLE), "every action has a label"


def roles_for(action: str) -> tuple[str, ...]:
    """The roles that may do `action` somewhere (the gate of a view)."""
    return tuple(TABLE[action])


def narrowed(action: str, role: str, named: Iterable[str] | None) -> str | None:
    """How far `role` reaches for `action` when a pack names only `named` roles for it
    (`None`: the pack has no such rule, and the table stands)."""
    reach = TABLE[action].get(role)
    if named is None or reach is None or action not in PACK_NARROWED or role in named:
        return reach
    return ADMIN


def reaches(roles: Iterable[str], action: str, named: Iterable[str] | None = None) -> set[str]:
    """Every reach one of `roles` has for `action` (empty: none of them may do it)."""
    named = tuple(named) if named is not None else None
    return {r for r in (narrowed(action, role, named) for role in roles) if r is not None}


def reach(roles: Iterable[str], action: str, named: Iterable[str] | None = None) -> str | None:
    """The widest reach any of `roles` has for `action` (None: none of them may do it).

    `CRISIS` ranks lowest but is not inside the others: a mayor who also leads a unit reaches
    their unit's items and, in a crisis, the crisis's; the inbox adds it (`reaches`)."""
    return max(reaches(roles, action, named), key=RANK.__getitem__, default=None)


def markdown_table(roles: Iterable[str] | None = None) -> str:
    """The table as Markdown, for docs/inbox.md (a test checks the doc holds exactly this)."""
    roles = tuple(roles or (C, U, X, K, S, R, M))
    lines = [
        "| action | " + " | ".join(f"`{r}`" for r in roles) + " |",
        "|---|" + "---|" * len(roles),
    ]
    for action, row in TABLE.items():
        cells = [row.get(role, "–") for role in roles]
        lines.append(f"| {ACTION_LABELS[action]} (`{action}`) | " + " | ".join(cells) + " |")
    return "\n".join(lines)
