"""`somevakt check`: what a municipality's guideline prescribes for a text (DESIGN.md §4).

    somevakt check --policy SLUG [--kind comment|reply|post|private] [--json] [TEXT|-]
    somevakt check --policy SLUG --jsonl < in.jsonl

Every decision, `block` and `delete` included, exits 0; a user's mistake exits 2 with one
line on stderr. With `--jsonl` a malformed line is reported on stdout as
`{"line", "id", "error"}`, the run goes on, and the exit code is 2 at the end.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterable
from typing import Any

from somevakt.analysis.base import KINDS
from somevakt.policy.cli_support import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    Parser,
    UsageError,
    decode_utf8,
    fail,
    read_stdin_bytes,
)
from somevakt.policy.decision import Decision
from somevakt.policy.engine import MAX_TEXT_CHARS, InputError, PolicyContext, evaluate
from somevakt.policy.packs import PackError, load_pack
from somevakt.policy.schema import Pack

PROG = "somevakt check"
EXIT_UNAVAILABLE = 1

ACTION_LABELS: dict[str, str] = {
    "none": "ingen handling",
    "thank": "takk",
    "reply": "svar",
    "refer_formal": "henvis til formell henvendelse",
    "refer_political": "henvis til politisk nivå",
    "escalate_manager": "ta opp med leder",
    "escalate_crisis": "send til kriseledelsen",
    "hide": "skjul",
    "delete": "slett",
    "ok": "kan publiseres",
    "revise": "må endres",
    "block": "kan ikke publiseres",
}

# PolicyContext fields a JSONL line may set under "context".
_CONTEXT_FIELDS = {f.name: f.type for f in dataclasses.fields(PolicyContext)}


def build_parser() -> Parser:
    p = Parser(prog=PROG, description="Check a text against a municipality's social media guideline.")
    p.add_argument("--policy", required=True, metavar="SLUG", help="the municipality's pack, e.g. gausdal")
    p.add_argument("--kind", choices=KINDS, default="comment", help="comment (default), reply, post, private")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the decision as one JSON object")
    out.add_argument("--jsonl", action="store_true", help='read {"id","text","kind"?} lines from stdin')
    p.add_argument("--crisis-mode", action="store_true", help="crisis mode is declared")
    p.add_argument("--crisis-instructed", action="store_true", help="crisis management asked for this text")
    p.add_argument("--account-closed", action="store_true", help="the account is temporarily closed")
    p.add_argument("--media-shows-people", action="store_true", help="the post's picture shows people")
    p.add_argument("--consent-recorded", action="store_true", help="their written consent is recorded")
    p.add_argument(
        "--not-on-website", action="store_true", help="the post's content is not on the website yet"
    )
    p.add_argument("text", nargs="?", metavar="TEXT", help="the text, or - (default) to read stdin")
    return p


def main(argv: list[str]) -> int:
    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        return fail(PROG, str(exc))
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    try:
        pack = load_pack(args.policy)
    except PackError as exc:
        return fail(PROG, str(exc))
    context = PolicyContext(
        crisis_mode=args.crisis_mode,
        crisis_instructed=args.crisis_instructed,
        account_closed=args.account_closed,
        media_shows_people=args.media_shows_people,
        consent_recorded=args.consent_recorded,
        published_on_website=False if args.not_on_website else None,
    )
    try:
        if args.jsonl:
            if args.text not in (None, "-"):
                raise UsageError("--jsonl reads the lines from stdin; give no TEXT")
            return run_jsonl(sys.stdin.buffer, pack, args.kind, context)
        text = read_text(args.text)
        decision = evaluate(text, args.kind, pack, context)
    except (UsageError, InputError) as exc:
        return fail(PROG, str(exc))
    except ImportError as exc:
        print(f"{PROG}: the text analysers are not available: {exc}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    if args.json:
        print(json.dumps(decision.to_dict(), ensure_ascii=False))
    else:
        print(render(decision, pack))
    return EXIT_OK


def read_text(arg: str | None) -> str:
    if arg is not None and arg != "-":
        return arg
    if sys.stdin is None or sys.stdin.isatty():
        raise UsageError("give the text as an argument or on stdin")
    # A code point is at most 4 bytes in UTF-8; anything longer than this cannot be a valid text.
    limit = MAX_TEXT_CHARS * 4
    data = read_stdin_bytes(limit)
    if len(data) > limit:
        raise UsageError(f"the text is longer than the limit of {MAX_TEXT_CHARS} characters")
    return decode_utf8(data, "stdin")


def run_jsonl(stream: Iterable[bytes], pack: Pack, default_kind: str, context: PolicyContext) -> int:
    bad: list[int] = []
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        item_id: Any = None
        try:
            item = json.loads(decode_utf8(raw, f"line {number}"))
            if not isinstance(item, dict):
                raise InputError('a line must be a JSON object with at least a "text"')
            item_id = item.get("id")
            if isinstance(item_id, (dict, list)):
                item_id = None
                raise InputError('"id" must be a string, a number or null')
            kind = item.get("kind", default_kind)
            if not isinstance(kind, str):
                raise InputError('"kind" must be a string')
            text = item.get("text")
            if not isinstance(text, str):
                raise InputError('missing "text" (a string)')
            decision = evaluate(text, kind, pack, _line_context(item.get("context"), context))
        except (UsageError, InputError) as exc:
            bad.append(number)
            _emit({"line": number, "id": item_id, "error": str(exc)})
            continue
        except json.JSONDecodeError as exc:
            bad.append(number)
            _emit({"line": number, "id": None, "error": f"not valid JSON: {exc.msg} (column {exc.colno})"})
            continue
        _emit({"id": item_id, **decision.to_dict()})
    if bad:
        shown = ", ".join(map(str, bad[:10])) + (" ..." if len(bad) > 10 else "")
        print(f"{PROG}: {len(bad)} malformed line(s): {shown}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


def _line_context(raw: object, default: PolicyContext) -> PolicyContext:
    if raw is None:
        return default
    if not isinstance(raw, dict):
        raise InputError('"context" must be an object')
    unknown = sorted(set(raw) - set(_CONTEXT_FIELDS))
    if unknown:
        raise InputError(
            f"unknown context field(s): {', '.join(unknown)}; known: {', '.join(_CONTEXT_FIELDS)}"
        )
    for key, value in raw.items():
        if not (isinstance(value, bool) or (value is None and key == "published_on_website")):
            raise InputError(f'context "{key}" must be true or false')
    return dataclasses.replace(default, **raw)


def _emit(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def render(decision: Decision, pack: Pack) -> str:
    """The decision for a person reading a terminal, in Norwegian."""
    label = ACTION_LABELS.get(decision.action, decision.action)
    lines = [
        f"{pack.name} ({decision.policy}, revisjon {decision.policy_revision}) · {decision.kind}",
        f"Handling: {decision.action} ({label})",
    ]
    if decision.also:
        lines.append("Også: " + ", ".join(f"{a} ({ACTION_LABELS.get(a, a)})" for a in decision.also))
    lines.append("Punkter: " + (", ".join(decision.clauses) or "—"))
    if decision.findings:
        lines.append("Funn:")
        for f in decision.findings:
            excerpt = f" «{f.text}»" if f.text else ""
            cited = f" → {', '.join(f.clauses)}" if f.clauses else ""
            lines.append(f"  - {f.code} [{f.severity}] {f.start}–{f.end}{excerpt}{cited}")
    else:
        lines.append("Funn: ingen")
    lines.append("Begrunnelse:")
    lines.extend(f"  - {r}" for r in decision.reasons)
    return "\n".join(lines)
