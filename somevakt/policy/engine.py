"""The decision engine: what a municipality's own guideline prescribes for one text.

`decide()` is a pure mapping from findings to the pack's clauses and one action; the pack
says which clause applies to which finding (its rules), the engine only fixes precedence
(DESIGN.md §4): crisis beats everything; illegal content beats case processing; case
processing beats a plain answer. `evaluate()` runs the analysers first.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from somevakt.analysis.base import KINDS, AnalysisContext, Finding
from somevakt.analysis.fields import fields_of
from somevakt.analysis.registry import analyse, analyse_many
from somevakt.policy.codes import INBOUND_PRECEDENCE, OUTGOING_PRECEDENCE, SECONDARY_ACTIONS
from somevakt.policy.decision import Decision
from somevakt.policy.labels import field_labels, gettext_noop, role_labels, translator
from somevakt.policy.localized import Localized, from_catalogue
from somevakt.policy.schema import Clause, Pack, Rule

if TYPE_CHECKING:
    from somevakt.analysis.registry import AnalysisResult

T = TypeVar("T")

ENGINE_VERSION = "1"
# A post on Facebook may be 63 206 characters; anything much longer is not a social media text.
MAX_TEXT_CHARS = 100_000


class InputError(ValueError):
    """The text or kind cannot be evaluated (a user's mistake, not a fault)."""


@dataclass(frozen=True)
class PolicyContext:
    """What the engine needs beyond the text, from the app's state (no database here).

    `published_on_website` is None when unknown or irrelevant; False makes a post break the
    website-first rule where the guideline has one.
    """

    crisis_mode: bool = False
    crisis_instructed: bool = False
    account_closed: bool = False
    media_shows_people: bool = False
    consent_recorded: bool = False
    # A picture without the consent it needs shows colleagues (the publishing form says whom a
    # picture shows), where a guideline has a clause of its own for them (Båtsfjord 4.4).
    colleagues_without_consent: bool = False
    published_on_website: bool | None = None
    # The comment is written to the municipality (on its own post, in its inbox), not a reply to
    # another commenter.
    addressed_to_us: bool = False
    # The fields of work (analysis.fields) the writer of a private post may give facts about, where
    # the pack lets employees speak for their own field (`roles.speaking.own_field`); None when
    # that does not apply or the writer speaks about everything.
    speaker_fields: frozenset[str] | None = None


def check_input(text: object, kind: str) -> str:
    if kind not in KINDS:
        raise InputError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    if not isinstance(text, str):
        raise InputError("the text must be a string")
    if not text.strip():
        raise InputError("the text is empty")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"the text is {len(text)} characters; the limit is {MAX_TEXT_CHARS}")
    return text


# Findings that make a comment more than neutral (`intent.addressed` is for the rest).
SAYS_SOMETHING = ("intent.", "tone.", "abuse.")


def context_findings(kind: str, context: PolicyContext, length: int) -> list[Finding]:
    """Findings about the situation rather than the words; they span the whole text."""
    out: list[Finding] = []
    outgoing_public = kind in {"post", "reply"}
    if outgoing_public and context.crisis_mode and not context.crisis_instructed:
        out.append(Finding("post.crisis_lock", 0, length, "high"))
    if outgoing_public and context.account_closed:
        out.append(Finding("post.account_closed", 0, length, "high"))
    # A private post too: an employee's picture of pupils, colleagues or patients (Rømskog 9).
    if kind in {"post", "private"} and context.media_shows_people and not context.consent_recorded:
        out.append(Finding("post.consent_missing", 0, length, "high"))
        if context.colleagues_without_consent:
            out.append(Finding("post.consent_missing_colleagues", 0, length, "high"))
    if kind == "post" and context.published_on_website is False:
        out.append(Finding("post.website_first", 0, length, "warn"))
    return out


@dataclass(frozen=True)
class _Fired:
    clause: Clause
    rule: Rule


def _fired_rules(pack: Pack, kind: str, codes: set[str], context: PolicyContext) -> list[_Fired]:
    return [
        _Fired(clause, rule)
        for clause in pack.clauses
        for rule in clause.honoured_by.rules
        if kind in rule.kinds
        and codes.intersection(rule.codes)
        and (not rule.needs or codes.intersection(rule.needs))
        and not any(getattr(context, fact) for fact in rule.unless)
    ]


def _ordered_unique(items: Iterable[T]) -> tuple[T, ...]:
    return tuple(dict.fromkeys(items))


def decide(
    findings: Sequence[Finding],
    kind: str,
    pack: Pack,
    context: PolicyContext | None = None,
    *,
    analysers: dict[str, str] | None = None,
    input_hash: str = "",
    text_length: int | None = None,
) -> Decision:
    """Map findings to the pack's clauses and pick the action its guideline prescribes."""
    if kind not in KINDS:
        raise InputError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    context = context or PolicyContext()
    length = text_length if text_length is not None else max((f.end for f in findings), default=0)
    found = [f for f in findings if _relevant(f, pack, kind)]
    present = {f.code for f in found}
    found += [f for f in context_findings(kind, context, length) if f.code not in present]
    if (
        kind == "comment"
        and context.addressed_to_us
        and not any(f.code.startswith(SAYS_SOMETHING) for f in found)
    ):
        # Neutral: nothing asked, praised, criticised or attacked; only being addressed is left.
        found.append(Finding("intent.addressed", 0, length, "info"))
    codes = {f.code for f in found}
    fired = _fired_rules(pack, kind, codes, context)

    inbound = kind == "comment"
    precedence = INBOUND_PRECEDENCE if inbound else OUTGOING_PRECEDENCE
    actions = {f.rule.action for f in fired}
    action = min(actions, key=precedence.index) if actions else precedence[-1]

    also: tuple[str, ...] = ()
    if inbound:
        wanted = {f.rule.action for f in fired} | {a for f in fired for a in f.rule.also}
        wanted &= set(SECONDARY_ACTIONS)
        wanted.discard(action)
        if action == "delete":
            wanted.discard("hide")  # deleted content needs no hiding
        also = tuple(sorted(wanted, key=INBOUND_PRECEDENCE.index))

    # The main action's clauses and reasons first, then those behind `also`.
    supporting = sorted(
        (f for f in fired if f.rule.action == action or f.rule.action in also),
        key=lambda f: _rank(f, action),
    )
    clauses = _ordered_unique(f.clause.id for f in supporting)
    reasons = list(_ordered_unique(f.rule.reason for f in supporting))
    if not supporting:
        clauses, reasons = _default_citation(pack, kind, action)
    reasons += _settings_reasons(pack, action, also)
    if any(OUTSIDE_FIELD in f.rule.codes for f in supporting):
        reasons += _field_reasons(found, context)

    cited_by_code: dict[str, list[str]] = {}
    for f in fired:
        for code in (*f.rule.codes, *f.rule.needs):
            if code in codes:
                cited_by_code.setdefault(code, []).append(f.clause.id)
    with_clauses = sorted(
        (dataclasses.replace(f, clauses=_ordered_unique(cited_by_code.get(f.code, ()))) for f in found),
        key=lambda f: (f.start, f.end, f.code),
    )
    return Decision(
        policy=pack.slug,
        policy_revision=pack.revision,
        kind=kind,
        findings=tuple(with_clauses),
        action=action,
        also=also,
        clauses=clauses,
        reasons=tuple(_ordered_unique(reasons)),
        analysers=dict(analysers or {}),
        input_hash=input_hash,
    )


# What a citizen's comment is (a question, praise, a political matter ...): said of one's own reply,
# post or private post it is noise unless the guideline has a rule for it there. A crisis is news
# in any text (only crisis management speaks in one), so it is always kept.
_COMMENT_READINGS = ("tone.", "intent.")
_ALWAYS_NEWS = "intent.crisis"


def _relevant(finding: Finding, pack: Pack, kind: str) -> bool:
    if finding.code == "style.signature_missing":
        # The signature check only means something where the guideline asks for a signed reply.
        return pack.replies.sign_with_first_name
    if kind != "comment" and finding.code.startswith(_COMMENT_READINGS) and finding.code != _ALWAYS_NEWS:
        return any(
            kind in rule.kinds and (finding.code in rule.codes or finding.code in rule.needs)
            for clause in pack.clauses
            for rule in clause.honoured_by.rules
        )
    return True


def _rank(fired: _Fired, action: str) -> int:
    return 0 if fired.rule.action == action else 1


def _default_citation(pack: Pack, kind: str, action: str) -> tuple[tuple[str, ...], list[Localized]]:
    """Nothing in the text calls for action: say what it was checked against."""
    if kind == "comment":
        return (pack.response.monitor_clause,), [
            from_catalogue(
                gettext_noop(
                    "Nothing that calls for action under the guideline; "
                    "the comment has been read and assessed."
                )
            )
        ]
    checked = _ordered_unique(c.id for c in pack.clauses for r in c.honoured_by.rules if kind in r.kinds)
    return checked, [
        from_catalogue(
            gettext_noop(
                "The text was checked against %(count)s points of the guideline, "
                "with nothing that needs changing."
            ),
            {"count": str(len(checked))},
        )
    ]


def _settings_reasons(pack: Pack, action: str, also: tuple[str, ...]) -> list[Localized]:
    """Where the municipality's own settings say where things go."""
    out: list[Localized] = []
    both = (action, *also)
    if "refer_formal" in both:
        fi = pack.municipality.formal_inquiries
        out.append(
            from_catalogue(
                gettext_noop("Formal inquiries go to %(email)s or %(address)s."),
                {"email": fi.email, "address": fi.postal_address},
            )
        )
    if "refer_political" in both and pack.roles.political_referral:
        out.append(
            from_catalogue(
                gettext_noop("Refer to %(roles)s."), {"roles": _roles(pack.roles.political_referral.roles)}
            )
        )
    if "escalate_manager" in both:
        out.append(
            from_catalogue(
                gettext_noop("The case is taken up with %(roles)s."),
                {"roles": _roles(pack.roles.difficult_cases.roles)},
            )
        )
    if "escalate_crisis" in both:
        out.append(
            from_catalogue(
                gettext_noop("All crisis communication goes through %(roles)s."),
                {"roles": _roles(pack.roles.crisis.roles)},
            )
        )
    return out


OUTSIDE_FIELD = "private.outside_field"


def outside_field(text: str, findings: Sequence[Finding], context: PolicyContext | None) -> list[Finding]:
    """A private post that speaks for the municipality (`private.speaks_for_employer`) about
    fields of work none of which is the writer's: they may give facts about their own field only.
    Nothing is said when the post's field cannot be told or the writer's is unknown."""
    if context is None or context.speaker_fields is None:
        return []
    if not any(f.code == "private.speaks_for_employer" for f in findings):
        return []
    about = fields_of(text)
    if not about or about & frozenset(context.speaker_fields):
        return []
    return [Finding(OUTSIDE_FIELD, 0, len(text), "warn", text=",".join(sorted(about)))]


def _field_reasons(found: Sequence[Finding], context: PolicyContext) -> list[Localized]:
    """Which fields the post is about, and which are the writer's, in the reader's language."""
    if context.speaker_fields is None:
        return []
    finding = next((f for f in found if f.code == OUTSIDE_FIELD and f.text), None)
    if finding is None:
        return []
    about = frozenset((finding.text or "").split(","))
    mine = context.speaker_fields
    return [
        from_catalogue(
            gettext_noop("The post is about %(about)s; your own field is %(mine)s."),
            {
                "about": lambda language: field_labels(about, language),
                "mine": lambda language: field_labels(mine, language) or "–",
            },
        )
    ]


def _roles(roles: Iterable[str]) -> Callable[[str], str]:
    """The roles in words, "a, b or c", in the language asked for."""

    wanted = tuple(roles)

    def in_language(language: str) -> str:
        names = role_labels(language)
        labels = [names.get(r, r) for r in wanted]
        if len(labels) == 1:
            return labels[0]
        return translator(language).pgettext("list of roles", "%(roles)s or %(last)s") % {
            "roles": ", ".join(labels[:-1]),
            "last": labels[-1],
        }

    return in_language


def analysis_context(pack: Pack, kind: str) -> AnalysisContext:
    lix = pack.readability.lix_max
    return AnalysisContext(
        municipality_name=pack.name,
        email_domains=pack.municipality.email_domains,
        lix_max=lix.get(kind) if kind in ("reply", "post") else None,  # type: ignore[call-overload]
        extra={
            "policy": pack.slug,
            "sign_with_first_name": pack.replies.sign_with_first_name,
        },
    )


def evaluate(text: str, kind: str, pack: Pack, context: PolicyContext | None = None) -> Decision:
    """Run the analysers over `text` and decide, per the pack, what happens to it."""
    check_input(text, kind)
    return _decide_on(text, analyse(text, kind, analysis_context(pack, kind)), kind, pack, context)


def evaluate_many(
    texts: Sequence[str],
    kind: str,
    pack: Pack,
    contexts: Sequence[PolicyContext | None] | None = None,
    threads: int = 1,
) -> list[Decision]:
    """`evaluate` for each text, the language models batched over all of them.

    The decisions are those `evaluate` gives one by one; every text is checked first, so a
    bad one raises InputError before any work is done. `contexts`: each text's own, in order
    (None: none for any). `threads`: how many threads the language models may share (see
    `analyse_many`).
    """
    for text in texts:
        check_input(text, kind)
    each = list(contexts) if contexts is not None else [None] * len(texts)
    if len(each) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(each)} contexts")
    results = analyse_many(texts, kind, analysis_context(pack, kind), threads=threads)
    return [
        _decide_on(text, result, kind, pack, own)
        for text, result, own in zip(texts, results, each, strict=True)
    ]


def _decide_on(
    text: str, result: AnalysisResult, kind: str, pack: Pack, context: PolicyContext | None
) -> Decision:
    findings = [f for f in result.findings if not _own_address(f, text, pack)]
    if kind == "private":
        findings += outside_field(text, findings, context)
    return decide(
        findings,
        kind,
        pack,
        context,
        analysers={**result.versions, "engine": ENGINE_VERSION},
        input_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        text_length=len(text),
    )


def _own_address(finding: Finding, text: str, pack: Pack) -> bool:
    """The municipality's own e-mail address (e.g. in a formal referral) is not personal data."""
    if finding.code != "personal_data.email":
        return False
    domain = text[finding.start : finding.end].rpartition("@")[2].lower().rstrip(".")
    return any(domain == d or domain.endswith("." + d) for d in pack.municipality.email_domains)
