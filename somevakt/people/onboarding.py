"""What each person reads of the guideline before the yearly attestation (issue 14).

Everyone reads what the guideline says to everyone: its scope and purpose, who speaks for the
municipality and where, private use and personal responsibility, confidentiality, privacy and
photos, crisis, and the yearly review (Båtsfjord: breaches may have consequences under the staff
regulations). The roles that run accounts, decide or archive read the clauses of their work
too. The topics are the packs' shared vocabulary (policy.codes.TOPICS), so one table serves
every municipality; the clauses themselves are the pack's.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from somevakt.people.models import GuidelineReading
from somevakt.policy.codes import TOPICS
from somevakt.policy.schema import Clause, Pack
from somevakt.tenants.roles import Role

EVERYONE: tuple[str, ...] = (
    "scope",
    "authority",
    "private_use",
    "confidentiality",
    "privacy",
    "photos_rights",
    "crisis",
    "yearly_review",
)
# The daily work of those who answer on the official accounts.
ANSWERING: tuple[str, ...] = (
    "response_time",
    "how_to_answer",
    "case_processing",
    "archiving",
    "freedom_of_information",
    "political",
    "deletion",
    "difficult_cases",
    "website_first",
    "closing",
)
ACCOUNTS: tuple[str, ...] = ("account_creation", "ownership", "identity")
ROLE_TOPICS: dict[str, tuple[str, ...]] = {
    Role.COMMUNICATIONS: ANSWERING + ACCOUNTS,
    Role.SERVICE_OFFICE: ANSWERING,
    Role.UNIT_LEADER: ANSWERING + ACCOUNTS,
    Role.CHIEF_EXECUTIVE: ANSWERING + ACCOUNTS,
    Role.CRISIS_TEAM: ("difficult_cases",),
    Role.MAYOR: ("political",),
    Role.RECORDS: ("case_processing", "archiving", "freedom_of_information"),
    Role.IT: ("account_creation", "identity"),
    Role.EMPLOYEE: (),
    Role.POLITICIAN: ("political",),
}
assert set(ROLE_TOPICS) == set(Role.values), "every role has its topics"
assert set(EVERYONE) | {t for ts in ROLE_TOPICS.values() for t in ts} <= set(TOPICS)


def topics_for(roles: Iterable[str]) -> list[str]:
    """The topics a person with `roles` reads, in the vocabulary's order."""
    wanted = set(EVERYONE)
    for role in roles:
        wanted.update(ROLE_TOPICS.get(role, ()))
    return [topic for topic in TOPICS if topic in wanted]


def clauses_for(pack: Pack, roles: Iterable[str]) -> list[tuple[str, list[Clause]]]:
    """(topic, the pack's clauses on it) for each topic the person reads that the pack has."""
    out = []
    for topic in topics_for(roles):
        clauses = [c for c in pack.clauses if c.topic == topic]
        if clauses:
            out.append((topic, clauses))
    return out


def record_reading(person: Any, municipality: Any, pack: Pack) -> GuidelineReading:
    """That `person` opened their part of this revision of the guideline (the first time counts)."""
    key = {"person": person, "municipality": municipality, "policy_revision": pack.revision}
    found = GuidelineReading.objects.filter(**key).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return GuidelineReading.objects.create(**key, read_at=timezone.now())
    except IntegrityError:  # opened twice at once
        return GuidelineReading.objects.get(**key)


def reading_of(person: Any, municipality: Any, pack: Pack) -> GuidelineReading | None:
    return GuidelineReading.objects.filter(
        person=person, municipality=municipality, policy_revision=pack.revision
    ).first()
