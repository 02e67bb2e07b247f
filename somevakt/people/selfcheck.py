"""The employees' self-check: a text someone plans to post, checked against their municipality's
guideline, with the guidance clauses to think about. Nothing here stores or logs the text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from somevakt.analysis.base import Finding
from somevakt.analysis.fields import fields_of
from somevakt.inbox.access import led_units
from somevakt.people.labels import VERDICT_COLORS, VERDICT_LABELS
from somevakt.people.marking import is_inline, marked
from somevakt.policy.engine import MAX_TEXT_CHARS, InputError, PolicyContext, evaluate
from somevakt.policy.labels import code_label
from somevakt.policy.schema import Clause, Pack
from somevakt.tenants.models import Membership, Unit
from somevakt.tenants.roles import Role

PRIVATE, POST = "private", "post"
# Posting on an official account is the communications staff's work.
POST_ROLES = (Role.COMMUNICATIONS,)
# Guidance on official posts: how the municipality writes, and photos and the website.
POST_GUIDANCE_TOPICS = ("photos_rights", "website_first")


def kinds_for(membership: Membership) -> tuple[str, ...]:
    return (PRIVATE, POST) if membership.has_role(*POST_ROLES) else (PRIVATE,)


def speaker_fields(membership: Membership, pack: Pack) -> frozenset[str] | None:
    """The fields of work the person may give facts about, where the pack lets every employee
    speak for their own field (`roles.speaking.own_field`, Gausdal): read from their unit's name,
    the units they lead and their title. None when the rule does not apply, the person speaks
    about everything, or their field cannot be told (then nothing is said about it)."""
    rule = pack.roles.speaking
    if rule is None or not rule.own_field or membership.roles & set(rule.everything):
        return None
    names = [membership.title]
    if membership.unit_id is not None:
        names.append(membership.unit.name)  # type: ignore[union-attr]
    if rule.unit_leaders:
        names += list(Unit.objects.filter(pk__in=led_units(membership)).values_list("name", flat=True))
    fields = frozenset(field for name in names if name for field in fields_of(name))
    return fields or None


def checklist(pack: Pack, kind: str) -> list[Clause]:
    """The pack's guidance clauses to think through before posting this kind of text."""
    out = []
    for clause in pack.clauses:
        hb = clause.honoured_by
        if hb.status != "guidance":
            continue
        if kind == PRIVATE and "self_check" in hb.by:
            out.append(clause)
        elif kind == POST and ("reply_composer" in hb.by or clause.topic in POST_GUIDANCE_TOPICS):
            out.append(clause)
    return out


@dataclass(frozen=True)
class Found:
    """One kind of finding, with the guideline's clauses about it (id and summary)."""

    label: str
    severity: str
    clauses: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Result:
    error: str = ""
    action: str = ""
    verdict: str = ""
    color: str = ""
    reasons: tuple[str, ...] = ()
    clauses: tuple[str, ...] = ()
    marked_text: Any = ""
    found: tuple[Found, ...] = ()


def check(text: str, kind: str, pack: Pack, context: PolicyContext | None = None) -> Result | None:
    """The verdict on `text` in its `context` (a picture of people, their consent), or None for
    an empty text (nothing to say yet)."""
    if not text.strip():
        return None
    if len(text) > MAX_TEXT_CHARS:
        return Result(
            error=_("The text is too long to check (at most %(n)s characters).") % {"n": MAX_TEXT_CHARS}
        )
    try:
        decision = evaluate(text, kind, pack, context)
    except InputError as exc:
        return Result(error=str(exc))
    ok = decision.action == "ok"
    return Result(
        action=decision.action,
        verdict=str(VERDICT_LABELS.get(decision.action, decision.action)),
        color=VERDICT_COLORS.get(decision.action, "info"),
        reasons=() if ok else decision.reasons_in(get_language()),
        clauses=() if ok else decision.clauses,
        marked_text=marked(text, decision.findings)
        if any(is_inline(f, len(text)) for f in decision.findings)
        else "",
        found=found(decision.findings, len(text), pack),
    )


def found(findings: Sequence[Finding], length: int, pack: Pack) -> tuple[Found, ...]:
    """Every kind of finding the person should see: what the guideline cites, and what is marked in
    the text. The engine's verdict names only the weightiest clauses; this lists the rest too."""
    language = get_language()
    by_code: dict[str, Found] = {}
    order = {"high": 0, "warn": 1, "info": 2}
    for f in sorted(findings, key=lambda f: (order.get(f.severity, 3), f.start)):
        if not f.clauses and not is_inline(f, length):
            continue  # e.g. the tone of the whole text: nothing the guideline asks about
        known = by_code.get(f.code)
        clauses = dict(known.clauses) if known else {}
        for clause_id in f.clauses:
            clauses.setdefault(clause_id, _summary(pack, clause_id, language))
        by_code[f.code] = Found(
            code_label(f.code, language), known.severity if known else f.severity, tuple(clauses.items())
        )
    return tuple(by_code.values())


def _summary(pack: Pack, clause_id: str, language: str | None) -> str:
    try:
        return pack.clause(clause_id).summary.text(language)
    except KeyError:
        return ""
