"""What the audit log watches beyond signing in: the one list of settings and decisions whose
changes are recorded with who, when, from where, before and after (tenants.audit.watch).

It lives in the web shell, the one app above all the others, so that no app has to import another
to be watched. Account events are recorded by the registry itself (it has the actor also on the
command line), and downloads by `somevakt.web.audit_middleware`.
"""

from __future__ import annotations

from somevakt.archive.models import ArchiveProfile, JournalEntry, RetentionRule
from somevakt.registry.models import Closure
from somevakt.tenants.audit import watch
from somevakt.tenants.identity import SecondFactor, SecondFactorRule, SignOn
from somevakt.tenants.models import AuditAction, Membership, RoleGrant


def _grant_municipality(grant: RoleGrant) -> int | None:
    return Membership.objects.filter(pk=grant.membership_id).values_list("municipality_id", flat=True).first()


def _grant_person(grant: RoleGrant) -> str:
    found = Membership.objects.filter(pk=grant.membership_id).values_list("person__username", flat=True)
    return found.first() or ""


def register() -> None:
    watch(
        Membership,
        AuditAction.MEMBERSHIP_CHANGED,
        ["unit", "title"],
        subject=lambda m: m.person.get_username(),
        created=AuditAction.MEMBERSHIP_ADDED,
        deleted=AuditAction.MEMBERSHIP_REMOVED,
    )
    watch(
        RoleGrant,
        AuditAction.MEMBERSHIP_CHANGED,
        ["role"],
        municipality=_grant_municipality,
        subject=_grant_person,
    )
    watch(
        SignOn,
        AuditAction.SIGN_ON_CHANGED,
        ["issuer", "client_id", "sealed_secret", "label", "enabled"],
        subject=lambda s: s.issuer,
        secret=["sealed_secret"],
    )
    # Turned off by the person, or removed by an administrator for someone who lost their phone.
    watch(
        SecondFactor,
        AuditAction.SECOND_FACTOR_DISABLED,
        [],
        municipality=lambda factor: None,
        subject=lambda factor: factor.person.get_username(),
        created="",
    )
    watch(
        SecondFactorRule,
        AuditAction.SECOND_FACTOR_RULE_CHANGED,
        ["everyone", "roles"],
        subject=lambda rule: str(rule.municipality),
    )
    watch(
        ArchiveProfile,
        AuditAction.ARCHIVE_SETTINGS_CHANGED,
        ["org_number", "series", "hold", "hold_hours"],
        subject=lambda profile: str(profile.municipality),
    )
    watch(
        RetentionRule,
        AuditAction.RETENTION_CHANGED,
        ["keep_days", "enabled"],
        subject=lambda rule: str(rule.municipality),
    )
    # Only the records office's decision: the entry's creation with somevakt's proposal is no one's.
    watch(
        JournalEntry,
        AuditAction.SCREENING_DECIDED,
        ["skjermet", "screening_basis"],
        subject=lambda entry: entry.record_id,
        created="",
        deleted="",
    )
    watch(
        Closure,
        AuditAction.CLOSURE_CHANGED,
        ["starts_at", "ends_at", "notice"],
        municipality=lambda closure: closure.account.municipality_id,
        subject=lambda closure: str(closure.account),
    )
