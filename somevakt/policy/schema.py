"""The shape of a policy pack, validated on load.

A pack is one municipality's guideline as data: every clause with where it stands in the
guideline file and how somevakt honours it, plus the municipality's decisions the app
needs (who approves, where escalations go, deadlines, addresses, templates).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from somevakt.policy.codes import (
    ACTIONS,
    APP_PARTS,
    ENFORCED_BY,
    FINDING_CODES,
    GUIDANCE_PLACES,
    ROLES,
    TOPICS,
)
from somevakt.policy.decision import INBOUND_ACTIONS, OUTGOING_ACTIONS
from somevakt.policy.labels import LANGUAGES
from somevakt.policy.localized import Localized

Status = Literal["enforced", "workflow", "guidance"]
TextKind = Literal["comment", "reply", "post", "private"]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

_CLAUSE_ID = re.compile(r"^[a-z]+:[a-z0-9][a-z0-9.\-]*$")
_HHMM = re.compile(r"^([01][0-9]|2[0-4]):[0-5][0-9]$")
_MONTH_DAY = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")
_LINE_RANGES = re.compile(r"^\d+(-\d+)?(,\d+(-\d+)?)*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_in(values: tuple[str, ...], allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    unknown = [v for v in values if v not in allowed]
    if unknown:
        raise ValueError(f"unknown {what} {', '.join(map(repr, unknown))}; known: {', '.join(allowed)}")
    return values


def _line_range(v: tuple[int, int]) -> tuple[int, int]:
    if v[0] < 1 or v[1] < v[0]:
        raise ValueError(f"line range {list(v)} must be [first, last] with 1 <= first <= last")
    return v


class Source(_Strict):
    """Where a clause stands: a guideline file and an inclusive 1-based line range."""

    file: str
    lines: tuple[int, int]

    @field_validator("lines")
    @classmethod
    def _ordered(cls, v: tuple[int, int]) -> tuple[int, int]:
        return _line_range(v)


class Rule(_Strict):
    """When any of `codes` is found (and, if given, any of `needs` too), the clause leads to `action`."""

    codes: tuple[str, ...] = Field(min_length=1)
    needs: tuple[str, ...] = ()
    action: str
    kinds: tuple[TextKind, ...] = ()
    also: tuple[str, ...] = ()
    # The rule does not apply when this fact of the PolicyContext holds.
    unless: tuple[Literal["crisis_instructed"], ...] = ()
    # Said to whoever reads the decision, in their language.
    reason: Localized

    @field_validator("codes", "needs")
    @classmethod
    def _known_codes(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return _check_in(v, FINDING_CODES, "finding code")

    @field_validator("action")
    @classmethod
    def _known_action(cls, v: str) -> str:
        _check_in((v,), ACTIONS, "action")
        return v

    @field_validator("also")
    @classmethod
    def _known_also(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return _check_in(v, INBOUND_ACTIONS, "action")

    @model_validator(mode="before")
    @classmethod
    def _default_kinds(cls, data: object) -> object:
        # An inbound action is about a citizen's comment; outgoing ones must say which texts.
        if isinstance(data, dict) and not data.get("kinds") and data.get("action") in INBOUND_ACTIONS:
            return {**data, "kinds": ("comment",)}
        return data

    @model_validator(mode="after")
    def _kinds_fit_action(self) -> Rule:
        inbound = self.action in INBOUND_ACTIONS
        if not self.kinds:
            raise ValueError(f"an outgoing action ({self.action}) needs `kinds` (reply, post, private)")
        if inbound and self.kinds != ("comment",):
            raise ValueError(f"the inbound action {self.action} applies to kind comment only")
        if not inbound and "comment" in self.kinds:
            raise ValueError(f"the outgoing action {self.action} cannot apply to kind comment")
        if self.also and not inbound:
            raise ValueError("`also` is for inbound actions only")
        return self


class HonouredBy(_Strict):
    """How somevakt honours a clause, and whether that part of the app exists yet."""

    status: Status
    by: tuple[str, ...] = Field(min_length=1)
    implemented: bool
    rules: tuple[Rule, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _default_implemented(cls, data: object) -> object:
        # The core (engine, worktime) exists; a workflow or guidance clause must say so explicitly.
        if isinstance(data, dict) and "implemented" not in data and data.get("status") == "enforced":
            return {**data, "implemented": True}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> HonouredBy:
        if self.status == "enforced":
            _check_in(self.by, ENFORCED_BY + APP_PARTS, "enforcer")
            if "engine" in self.by and not self.rules:
                raise ValueError("a clause enforced by the engine needs at least one rule")
            if not set(self.by) & set(ENFORCED_BY):
                raise ValueError("an enforced clause is enforced by `engine` or `worktime`")
        elif self.status == "workflow":
            _check_in(self.by, APP_PARTS, "part of the app")
        else:
            _check_in(self.by, GUIDANCE_PLACES, "guidance place")
        if self.rules and "engine" not in self.by:
            raise ValueError("only clauses enforced by the engine carry rules")
        return self


class Clause(_Strict):
    id: str
    topic: str
    summary: Localized
    honoured_by: HonouredBy
    source: Source
    also_source: tuple[Source, ...] = ()

    @field_validator("id")
    @classmethod
    def _id_shape(cls, v: str) -> str:
        if not _CLAUSE_ID.match(v):
            raise ValueError(f"clause id {v!r} must look like 'slug:clause' (lower case, digits, '.', '-')")
        return v

    @field_validator("topic")
    @classmethod
    def _known_topic(cls, v: str) -> str:
        _check_in((v,), TOPICS, "topic")
        return v


class NotARule(_Strict):
    """Lines that carry no rule (titles, dates, definitions, references), and why."""

    file: str
    lines: tuple[int, int]
    why: str = Field(min_length=3)

    @field_validator("lines")
    @classmethod
    def _ordered(cls, v: tuple[int, int]) -> tuple[int, int]:
        return _line_range(v)


class GuidelineFile(_Strict):
    """A guideline file's fingerprint, so coverage can be counted where the file itself is absent.

    `text_lines` lists the line numbers that carry text (e.g. "4-7,9,11"); `sha256` tells
    whether the file on disk is the one the pack was written against.
    """

    name: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    text_lines: str

    @field_validator("text_lines")
    @classmethod
    def _ranges(cls, v: str) -> str:
        if not _LINE_RANGES.match(v):
            raise ValueError("text_lines must be comma-separated line numbers or ranges, e.g. '4-7,9'")
        return v

    def line_numbers(self) -> frozenset[int]:
        out: set[int] = set()
        for part in self.text_lines.split(","):
            first, _, last = part.partition("-")
            out.update(range(int(first), int(last or first) + 1))
        return frozenset(out)


class Guideline(_Strict):
    title: str
    adopted: dt.date
    adopted_by: str
    in_force: dt.date | None = None
    revised: dt.date | None = None
    anchor: str
    files: tuple[GuidelineFile, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _anchor_listed(self) -> Guideline:
        if self.anchor not in {f.name for f in self.files}:
            raise ValueError(f"anchor {self.anchor!r} is not one of the listed files")
        return self


class FormalInquiries(_Strict):
    """Where a formal inquiry (one that needs case processing) is sent."""

    postal_address: str
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
    web_form: str | None = None


class Municipality(_Strict):
    name: str
    website: str
    email_domains: tuple[str, ...] = Field(min_length=1)
    formal_inquiries: FormalInquiries
    note: Localized | None = None

    @field_validator("email_domains")
    @classmethod
    def _lower(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if any(d != d.lower() or "@" in d or "." not in d for d in v):
            raise ValueError("e-mail domains are lower-case domain names without '@'")
        return v


def _roles(v: tuple[str, ...]) -> tuple[str, ...]:
    return _check_in(v, ROLES, "role")


class Escalation(_Strict):
    """Who takes a kind of case: roles from DESIGN.md §3, and the clause that says so."""

    roles: tuple[str, ...] = Field(min_length=1)
    clause: str | None = None
    note: Localized | None = None

    @field_validator("roles")
    @classmethod
    def _known(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return _roles(v)


class CrisisRules(Escalation):
    """Crisis mode: who speaks while it lasts (`roles`: crisis escalations go to them too), and
    who declares and ends it and gives instructions to speak (`declared_by`, crisis management)."""

    declared_by: tuple[str, ...] = Field(min_length=1)
    # The account's responsible person and admins also speak for it during a crisis (Rømskog:
    # "all communication goes via the responsible administrator").
    account_admins: bool = False

    @field_validator("declared_by")
    @classmethod
    def _known_declarers(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return _roles(v)

    def management(self) -> tuple[str, ...]:
        """Crisis management: those who declare it and the team that speaks, each role once."""
        return tuple(dict.fromkeys((*self.declared_by, *self.roles)))


class PlanChoice(_Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    label: Localized


class PlanQuestion(_Strict):
    """One question of the plan an official account needs before it is approved."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    question: Localized
    help: Localized | None = None
    required: bool = True
    kind: Literal["text", "choice"] = "text"
    choices: tuple[PlanChoice, ...] = ()
    # The clause this question answers (cited when the plan is submitted).
    clause: str | None = None

    @model_validator(mode="after")
    def _choices_fit_kind(self) -> PlanQuestion:
        if self.kind == "choice" and len(self.choices) < 1:
            raise ValueError(f"plan question {self.id!r}: a choice needs at least one choice")
        if self.kind == "text" and self.choices:
            raise ValueError(f"plan question {self.id!r}: only a choice has choices")
        ids = [c.id for c in self.choices]
        if len(set(ids)) != len(ids):
            raise ValueError(f"plan question {self.id!r}: duplicate choice ids")
        return self


AccountCheck = Literal["chief_executive_admin"]
# What an account's public information text must say (registry.identity).
IdentityRequirement = Literal["names_municipality", "states_response_rules"]


class IdentityRules(_Strict):
    """The identity checks of every account: at activation and weekly, read from the platform
    where it shows the text, else confirmed by a person (Hustadvika 2j, Gausdal
    offisielle-kontoer-1, Båtsfjord 4.3)."""

    requires: tuple[IdentityRequirement, ...] = Field(min_length=1)
    clause: str


class AccountRules(_Strict):
    approved_by: tuple[str, ...] = Field(min_length=1)
    notified: tuple[str, ...] = ()
    plan_required: bool
    clauses: tuple[str, ...] = Field(min_length=1)
    note: Localized | None = None
    # The plan's questions, asked before an account is approved (the plan form is made from them).
    plan: tuple[PlanQuestion, ...] = ()
    # Cited when a plan is approved or rejected, and when the `notified` roles are told.
    approval_clause: str | None = None
    notified_clause: str | None = None
    # What the accounts page checks on every account, with the clause that asks for it.
    checks: tuple[AccountCheck, ...] = ()
    checks_clause: str | None = None
    identity: IdentityRules | None = None

    @field_validator("approved_by", "notified")
    @classmethod
    def _known(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return _roles(v)

    @model_validator(mode="after")
    def _plan_consistent(self) -> AccountRules:
        ids = [q.id for q in self.plan]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate plan question ids: {', '.join(dupes)}")
        if self.plan_required and not any(q.required for q in self.plan):
            raise ValueError("a required plan needs at least one required question")
        if self.checks and not self.checks_clause:
            raise ValueError("account checks must cite their clause (checks_clause)")
        return self

    def cited(self) -> list[str]:
        return [
            *self.clauses,
            *(q.clause for q in self.plan if q.clause),
            *(c for c in (self.approval_clause, self.notified_clause, self.checks_clause) if c),
            *([self.identity.clause] if self.identity else []),
        ]


class Answering(_Strict):
    """Who replies from an official account when the guideline says (Rømskog 10, Hustadvika 3g):
    the account's admins, and the roles named here from any account they reach."""

    roles: tuple[str, ...] = ()
    clause: str
    note: Localized | None = None

    @field_validator("roles")
    @classmethod
    def _known(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return _roles(v)


class Speaking(_Strict):
    """Who speaks for the municipality from its official accounts, in replies and posts alike
    (Gausdal's information responsibility; Rømskog, Båtsfjord and Hustadvika: the accounts'
    administrators). One rule for both, read by `inbox.access.speaking_refusal`.

    A member speaks from an account when they run it (its responsible person or an admin, with
    `account_admins`), hold a role of `everything` (they speak about all the municipality does),
    or, with `unit_leaders`, lead the account's unit or a unit above it (a head of sector for the
    sector). With `own_field`, every employee may give facts about their own field: the
    self-check says when a private post speaks for the municipality outside it
    (`private.outside_field`). Whoever else tries is refused with `reason`, citing `clauses`."""

    account_admins: bool = True
    everything: tuple[str, ...] = ()
    unit_leaders: bool = False
    own_field: bool = False
    clauses: tuple[str, ...] = Field(min_length=1)
    # The rule in words (the guideline pages and the onboarding page), and what a refused person reads.
    summary: Localized
    reason: Localized

    @field_validator("everything")
    @classmethod
    def _known(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return _roles(v)

    @model_validator(mode="after")
    def _someone_speaks(self) -> Speaking:
        if not (self.account_admins or self.everything or self.unit_leaders):
            raise ValueError(
                "roles.speaking: someone must speak (account_admins, everything or unit_leaders)"
            )
        return self


class PublishingRules(_Strict):
    """Who publishes the municipality's own posts, and what is asked before a post goes out.

    `roles` publish from every account they reach (the `publish` row of the permission table);
    with `account_admins`, an account's responsible person and admins publish from it too.
    `second_approval`: another person approves each post first (`approved_by`, else anyone who
    publishes). `photographer_permission`: a picture goes out only with the photographer's
    permission recorded (Båtsfjord 4.4)."""

    roles: tuple[str, ...] = ("communications",)
    account_admins: bool = True
    second_approval: bool = False
    approved_by: tuple[str, ...] = ()
    photographer_permission: bool = False
    clause: str | None = None

    @field_validator("roles", "approved_by")
    @classmethod
    def _known(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return _roles(v)


class Roles(_Strict):
    account: AccountRules
    difficult_cases: Escalation
    reputation_critical: Escalation
    crisis: CrisisRules
    political_referral: Escalation | None = None
    # Who replies; without it, everyone the inbox's role table lets reply.
    reply: Answering | None = None
    # Who reads and answers private messages; without it, those who reply (`reply`).
    private_messages: Answering | None = None
    # Who publishes posts on the official accounts (publishing app).
    publishing: PublishingRules = PublishingRules()
    # Who speaks for the municipality from an account at all (replies and posts); without it,
    # the table, `reply` and `publishing` decide alone.
    speaking: Speaking | None = None
    # Who is told when an answer deadline has passed, besides whoever holds the item; without
    # it, nobody else is (a leader is only told where the guideline says so).
    overdue: Escalation | None = None


class Response(_Strict):
    """The guideline's answer deadline in working days, or none where it sets none."""

    working_days: float | None = Field(default=None, gt=0)
    clause: str | None = None
    # What says the account is watched: cited when a comment needs nothing done.
    monitor_clause: str
    note: Localized | None = None

    @model_validator(mode="after")
    def _clause_for_deadline(self) -> Response:
        if self.working_days is not None and not self.clause:
            raise ValueError("a response deadline must cite its clause")
        return self


class OfficeHours(_Strict):
    """Defaults a municipality may change: opening hours per weekday and yearly closed days."""

    timezone: str = "Europe/Oslo"
    holidays_country: str = "NO"
    days: dict[Weekday, tuple[str, str]] = Field(
        default_factory=lambda: {d: ("08:00", "15:30") for d in ("mon", "tue", "wed", "thu", "fri")}
    )
    closed_days: tuple[str, ...] = ("12-24", "12-31")
    working_day_hours: float | None = Field(default=None, gt=0, le=24)

    @field_validator("days")
    @classmethod
    def _times(cls, v: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
        for day, (opens, closes) in v.items():
            if not (_HHMM.match(opens) and _HHMM.match(closes)) or opens >= closes:
                raise ValueError(f"{day}: opening hours must be quoted 'HH:MM' with open < close")
        return v

    @field_validator("closed_days")
    @classmethod
    def _month_days(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for md in v:
            if not _MONTH_DAY.match(md):
                raise ValueError(f"closed day {md!r} must be 'MM-DD'")
        return v


class Replies(_Strict):
    sign_with_first_name: bool
    clause: str | None = None

    @model_validator(mode="after")
    def _clause_for_signature(self) -> Replies:
        if self.sign_with_first_name and not self.clause:
            raise ValueError("a signature rule must cite its clause")
        return self


class Readability(_Strict):
    """LIX limits per outgoing kind (LIX over 50 is hard reading for the general public)."""

    lix_max: dict[Literal["reply", "post"], float]
    clause: str | None = None


class DeletionGround(_Strict):
    """A ground the guideline itself gives for deleting a comment, as finding codes."""

    codes: tuple[str, ...] = Field(min_length=1)
    clause: str
    summary: Localized

    @field_validator("codes")
    @classmethod
    def _known(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return _check_in(v, FINDING_CODES, "finding code")


class Templates(_Strict):
    """Saved answers in Norwegian for the inbox; `{fornavn}` is the answering person's first name."""

    thank_you: str
    formal_referral: str
    political_referral: str | None = None
    # Correcting a factual error (Rømskog, Gausdal 6: always correct them), with `{lenke}` where
    # the link to the source on the municipality's website goes.
    correction: str | None = None


class Pack(_Strict):
    slug: str = Field(pattern=r"^[a-z]+$")
    guideline: Guideline
    municipality: Municipality
    roles: Roles
    response: Response
    office_hours: OfficeHours = OfficeHours()
    replies: Replies
    readability: Readability
    deletion_grounds: tuple[DeletionGround, ...] = ()
    templates: Templates
    clauses: tuple[Clause, ...] = Field(min_length=1)
    not_a_rule: tuple[NotARule, ...] = ()
    _revision: str = PrivateAttr(default="")

    @property
    def revision(self) -> str:
        """Content hash of the pack file (set by the loader)."""
        return self._revision

    @property
    def name(self) -> str:
        return self.municipality.name

    @model_validator(mode="after")
    def _cross_references(self) -> Pack:
        ids = [c.id for c in self.clauses]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate clause ids: {', '.join(dupes)}")
        wrong = [i for i in ids if not i.startswith(self.slug + ":")]
        if wrong:
            raise ValueError(f"clause ids must start with '{self.slug}:': {', '.join(wrong)}")
        known = set(ids)
        files = {f.name for f in self.guideline.files}
        for c in self.clauses:
            for src in (c.source, *c.also_source):
                if src.file not in files:
                    raise ValueError(f"{c.id}: source file {src.file!r} is not a listed guideline file")
            if c.source.file != self.guideline.anchor:
                raise ValueError(f"{c.id}: `source` must be in the anchor file {self.guideline.anchor}")
        for n in self.not_a_rule:
            if n.file not in files:
                raise ValueError(f"not_a_rule: file {n.file!r} is not a listed guideline file")
        cited = [
            self.response.clause,
            self.response.monitor_clause,
            self.replies.clause,
            self.readability.clause,
            self.roles.difficult_cases.clause,
            self.roles.reputation_critical.clause,
            self.roles.crisis.clause,
            self.roles.political_referral.clause if self.roles.political_referral else None,
            self.roles.reply.clause if self.roles.reply else None,
            self.roles.overdue.clause if self.roles.overdue else None,
            self.roles.publishing.clause,
            *(self.roles.speaking.clauses if self.roles.speaking else ()),
            *self.roles.account.cited(),
            *(g.clause for g in self.deletion_grounds),
        ]
        missing = sorted({c for c in cited if c and c not in known})
        if missing:
            raise ValueError(f"settings cite unknown clauses: {', '.join(missing)}")
        self._check_deletion_grounds()
        return self

    def _check_deletion_grounds(self) -> None:
        """A `delete` rule must rest on a declared ground, and every ground on a delete rule."""
        grounds = {(g.clause, code) for g in self.deletion_grounds for code in g.codes}
        rules = {
            (c.id, code)
            for c in self.clauses
            for r in c.honoured_by.rules
            if r.action == "delete"
            for code in r.codes
        }
        if rules - grounds:
            extra = ", ".join(f"{cl} {code}" for cl, code in sorted(rules - grounds))
            raise ValueError(f"delete rules without a declared deletion ground: {extra}")
        if grounds - rules:
            extra = ", ".join(f"{cl} {code}" for cl, code in sorted(grounds - rules))
            raise ValueError(f"deletion grounds without a delete rule: {extra}")

    def clause(self, clause_id: str) -> Clause:
        for c in self.clauses:
            if c.id == clause_id:
                return c
        raise KeyError(clause_id)


__all__ = [
    "INBOUND_ACTIONS",
    "LANGUAGES",
    "OUTGOING_ACTIONS",
    "WEEKDAYS",
    "AccountCheck",
    "AccountRules",
    "Answering",
    "Clause",
    "CrisisRules",
    "DeletionGround",
    "Escalation",
    "FormalInquiries",
    "Guideline",
    "GuidelineFile",
    "HonouredBy",
    "IdentityRequirement",
    "IdentityRules",
    "Localized",
    "Municipality",
    "NotARule",
    "OfficeHours",
    "Pack",
    "PlanChoice",
    "PlanQuestion",
    "PublishingRules",
    "Readability",
    "Replies",
    "Response",
    "Roles",
    "Rule",
    "Source",
    "Speaking",
    "Templates",
]
