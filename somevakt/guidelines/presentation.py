"""A municipality's pack as the Guidelines page shows it: facts, settings in plain words, clauses by topic.

The guideline files themselves are never copied into somevakt: the page names the file and
the lines a clause rests on, and, when the files are on this server, says whether they are
the version the pack was written against and how many of their lines no clause covers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from somevakt.guidelines.labels import (
    PART_LABELS,
    STATUS_COLORS,
    STATUS_LABELS,
    line_range,
    role_names,
    topic_label,
)
from somevakt.policy.codes import TOPICS
from somevakt.policy.coverage import FileCoverage, file_coverage
from somevakt.policy.localized import Localized
from somevakt.policy.packs import guidelines_dir
from somevakt.policy.schema import Clause, Pack


@dataclass(frozen=True)
class ClauseView:
    id: str
    summary: str
    status: str
    status_label: str
    status_color: str
    implemented: bool
    parts: list[str]
    self_check: bool
    # The lines of the guideline the clause rests on, as everyone reads them.
    lines: str
    # File and lines of each source, for administrators (the file names mean nothing to others).
    sources: list[str]


@dataclass(frozen=True)
class TopicGroup:
    key: str
    label: str
    clauses: list[ClauseView]


@dataclass(frozen=True)
class Setting:
    label: str
    lines: list[str]
    clauses: list[str] = field(default_factory=list)
    note: str = ""


@dataclass(frozen=True)
class SourceFile:
    name: str
    anchor: bool
    on_server: bool
    stale: bool
    unmapped: int | None  # lines no clause covers; only counted for the anchor file


def _text(value: Localized | None) -> str:
    """A pack's text in the reader's language (nothing where the pack has none)."""
    return value.text(get_language()) if value else ""


def clause_view(clause: Clause) -> ClauseView:
    hb = clause.honoured_by
    return ClauseView(
        id=clause.id,
        summary=_text(clause.summary),
        status=hb.status,
        status_label=str(STATUS_LABELS[hb.status]),
        status_color=STATUS_COLORS[hb.status],
        implemented=hb.implemented,
        parts=[str(PART_LABELS.get(part, part)) for part in hb.by],
        self_check="self_check" in hb.by,
        lines=line_range(clause.source.lines),
        sources=[f"{src.file}, {line_range(src.lines)}" for src in (clause.source, *clause.also_source)],
    )


def topic_groups(pack: Pack) -> list[TopicGroup]:
    """The pack's clauses grouped by topic, topics in the vocabulary's order, clauses in the pack's."""
    groups = []
    for topic in TOPICS:
        clauses = [clause_view(c) for c in pack.clauses if c.topic == topic]
        if clauses:
            groups.append(TopicGroup(topic, topic_label(topic), clauses))
    return groups


def status_counts(pack: Pack) -> dict[str, int]:
    counts = {status: 0 for status in STATUS_LABELS}
    for c in pack.clauses:
        counts[c.honoured_by.status] += 1
    counts["not_built"] = sum(1 for c in pack.clauses if not c.honoured_by.implemented)
    return counts


def _hhmm(value: dt.time) -> str:
    return value.strftime("%H:%M")


def settings(pack: Pack, municipality: Any) -> list[Setting]:
    """What the pack decides, said plainly: deadline, signature, deletion, inquiries, accounts, crisis."""
    out: list[Setting] = []
    response = pack.response
    if response.working_days is None:
        deadline = [_("The guideline sets no answer deadline; the municipality may set its own.")]
    else:
        days = response.working_days
        deadline = [
            ngettext(
                "Answer within %(days)s working day.",
                "Answer within %(days)s working days.",
                int(days) if days == int(days) else 2,
            )
            % {"days": f"{days:g}"},
            _(
                "Only office hours count (%(opens)s–%(closes)s on working days); weekends, public "
                "holidays, 24 and 31 December and the municipality's closed days do not."
            )
            % {"opens": _hhmm(municipality.office_opens), "closes": _hhmm(municipality.office_closes)},
        ]
    out.append(
        Setting(
            _("Answer deadline"),
            deadline,
            [c for c in (response.clause or response.monitor_clause,) if c],
            # Where there is no deadline the pack's note only says so again.
            _text(response.note) if response.working_days is not None else "",
        )
    )

    replies = pack.replies
    out.append(
        Setting(
            _("Signature"),
            [
                _("Answers are signed with the first name of the person who answers.")
                if replies.sign_with_first_name
                else _("The guideline does not ask for answers to be signed.")
            ],
            [replies.clause] if replies.clause else [],
        )
    )

    if pack.deletion_grounds:
        deletion = [_("A comment may be deleted only on these grounds:")]
        deletion += [_text(ground.summary) for ground in pack.deletion_grounds]
    else:
        deletion = [
            _(
                "The guideline gives no ground for deleting comments. What must be taken down is "
                "hidden and taken to %(roles)s."
            )
            % {"roles": role_names(pack.roles.difficult_cases.roles)}
        ]
    deletion.append(_("Hiding is always allowed for exposed personal data and confidential matters."))
    out.append(Setting(_("Deleting comments"), deletion, [g.clause for g in pack.deletion_grounds]))

    fi = pack.municipality.formal_inquiries
    inquiries = [
        _("Cases are not processed on social media. Formal inquiries go to %(email)s or %(address)s.")
        % {"email": fi.email, "address": fi.postal_address}
    ]
    if fi.web_form:
        inquiries.append(_("Web form: %(url)s") % {"url": fi.web_form})
    case_clauses = [c.id for c in pack.clauses if c.topic == "case_processing"][:3]
    out.append(Setting(_("Formal inquiries"), inquiries, case_clauses, _text(pack.municipality.note)))

    account = pack.roles.account
    accounts = [
        _("New official accounts are approved by: %(roles)s.") % {"roles": role_names(account.approved_by)}
    ]
    if account.notified:
        accounts.append(_("Told about a new account: %(roles)s.") % {"roles": role_names(account.notified)})
    if account.plan_required:
        accounts.append(_("A plan must be made and approved before the account is created."))
    out.append(Setting(_("Official accounts"), accounts, list(account.clauses), _text(account.note)))

    roles = pack.roles
    out.append(
        Setting(
            _("Difficult cases"),
            [_("Taken to: %(roles)s.") % {"roles": role_names(roles.difficult_cases.roles)}],
            [roles.difficult_cases.clause] if roles.difficult_cases.clause else [],
            _text(roles.difficult_cases.note),
        )
    )
    if roles.political_referral:
        political = [
            _("Political inquiries are referred to: %(roles)s.")
            % {"roles": role_names(roles.political_referral.roles)}
        ]
        political_clauses = [roles.political_referral.clause] if roles.political_referral.clause else []
        political_note = _text(roles.political_referral.note)
    else:
        political, political_clauses, political_note = (
            [_("The guideline has no rule of its own for political inquiries.")],
            [],
            "",
        )
    out.append(Setting(_("Political matters"), political, political_clauses, political_note))
    if roles.speaking:
        # Replies and posts from the accounts follow it (inbox.access.speaking_refusal).
        out.append(
            Setting(
                _("Who may speak for the municipality"),
                [_text(roles.speaking.summary)],
                list(roles.speaking.clauses),
            )
        )
    out.append(
        Setting(
            _("Crisis communication"),
            [
                _("During a crisis, all communication goes through %(roles)s; nothing else is published.")
                % {"roles": role_names(roles.crisis.management())},
                _(
                    "Crisis mode is declared and ended in somevakt by: %(roles)s. Others' answers and "
                    "posts are held while it lasts, unless crisis management has instructed them."
                )
                % {"roles": role_names(roles.crisis.declared_by)},
            ],
            [roles.crisis.clause] if roles.crisis.clause else [],
            _text(roles.crisis.note),
        )
    )
    return out


def source_files(pack: Pack) -> list[SourceFile]:
    """The guideline files, checked against this server's copy when there is one (read now, never stored)."""
    directory = guidelines_dir()
    out = []
    for record in pack.guideline.files:
        on_server = directory is not None and (directory / record.name).is_file()
        anchor = record.name == pack.guideline.anchor
        report: FileCoverage | None = None
        if on_server:
            try:
                report = file_coverage(pack, record.name, directory)
            except (OSError, UnicodeDecodeError):
                on_server = False  # unreadable here: shown as absent rather than failing the page
        out.append(
            SourceFile(
                name=record.name,
                anchor=anchor,
                on_server=on_server,
                stale=bool(report and report.stale),
                unmapped=len(report.unmapped_lines) if report and anchor else None,
            )
        )
    return out
