"""`somevakt check`: what a municipality's guideline prescribes for a text (DESIGN.md §4).

    somevakt check --policy SLUG [--kind comment|reply|post|private] [--json] [--lang nb|nn|en] [TEXT|-]
    somevakt check --policy SLUG --jsonl < in.jsonl

Without `--json` the decision is written for a person, in bokmål, nynorsk or English (`--lang`,
from the project's translation catalogue, read without Django): the action, the clauses, each
finding by its label with the words that carry it, and the guideline's reasons (the reasons are
in that language with `--json` and `--jsonl` too; the rest of the JSON is the same). Every decision,
`block` and `delete` included, exits 0; a user's mistake exits 2 with one line on stderr. With
`--jsonl` a malformed line is reported on stdout as `{"line", "id", "error"}`, the run goes on,
and the exit code is 2 at the end. The lines are read as they come and decided in batches
(`evaluate_many`), with the decisions `evaluate` gives one by one, in the order of the input.
"""

from __future__ import annotations

import dataclasses
import json
import os
import select
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO, cast

from somevakt.analysis.base import KINDS, Finding
from somevakt.analysis.bidi import CONTROLS
from somevakt.analysis.models import SINGLE_THREADED
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
from somevakt.policy.engine import (
    MAX_TEXT_CHARS,
    InputError,
    PolicyContext,
    check_input,
    evaluate,
    evaluate_many,
)
from somevakt.policy.labels import DEFAULT_LANGUAGE, LANGUAGES, action_labels, code_label, translator
from somevakt.policy.packs import PackError, load_pack
from somevakt.policy.schema import Pack

PROG = "somevakt check"
EXIT_UNAVAILABLE = 1

# `--jsonl` decides this many lines at a time (fewer when the input pauses): the language models
# cost far less per text in a batch. BATCH_CHARS bounds the memory a batch of long texts takes.
BATCH_LINES = 256
BATCH_CHARS = 1_000_000
# A line longer than this cannot hold a valid text: MAX_TEXT_CHARS code points, each at most 12
# bytes when JSON-escaped (a surrogate pair), and room for the rest of the object.
MAX_LINE_BYTES = MAX_TEXT_CHARS * 12 + 65_536
_CHUNK_BYTES = 65_536

# The models run single-threaded (`models.SINGLE_THREADED`): with OpenBLAS's threads, `--jsonl` ran
# 2-3 times and texts one at a time 10 times slower on a busy 2-core machine. A user's own setting
# is kept.

# ...but two models may run at once over a batch of lines, each in its own thread (the BLAS pools
# stay single-threaded): the entity parser and numpy's products let go of the interpreter lock, so
# with a second core free the name model and the comment classifier overlap. It costs about 7 %
# more CPU; on a busy machine it gains little (docs/policy.md, speed of `--jsonl`).
JSONL_MODEL_THREADS = 2

# What a terminal obeys instead of showing: C0 and C1 controls, line and paragraph separators.
_HIDDEN_CATEGORIES = {"Cc", "Zl", "Zp"}

# PolicyContext fields a JSONL line may set under "context".
_CONTEXT_FIELDS = {f.name: f.type for f in dataclasses.fields(PolicyContext)}


def build_parser() -> Parser:
    p = Parser(prog=PROG, description="Check a text against a municipality's social media guideline.")
    p.add_argument("--policy", required=True, metavar="SLUG", help="the municipality's pack, e.g. gausdal")
    p.add_argument("--kind", choices=KINDS, default="comment", help="comment (default), reply, post, private")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the decision as one JSON object")
    out.add_argument("--jsonl", action="store_true", help='read {"id","text","kind"?} lines from stdin')
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=DEFAULT_LANGUAGE,
        help="the language of the decision's words: nb (default), nn, en (--json, --jsonl: the reasons)",
    )
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
    for name, value in SINGLE_THREADED.items():  # before numpy loads (the models load lazily)
        os.environ.setdefault(name, value)
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
            return run_jsonl(sys.stdin.buffer, pack, args.kind, context, args.lang)
        text = read_text(args.text)
        decision = evaluate(text, args.kind, pack, context)
    except (UsageError, InputError) as exc:
        return fail(PROG, str(exc))
    except ImportError as exc:
        print(f"{PROG}: the text analysers are not available: {exc}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    if args.json:
        print(json.dumps(decision.to_dict(args.lang), ensure_ascii=False))
    else:
        print(render(decision, pack, len(text), args.lang))
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


def run_jsonl(
    stream: BinaryIO, pack: Pack, default_kind: str, context: PolicyContext, language: str = DEFAULT_LANGUAGE
) -> int:
    """Decide every line of `stream`, the language models batched over many lines at a time.

    Lines are read as they come and decided `BATCH_LINES` at a time (or fewer, when the input
    pauses or the texts are long), grouped by kind and context inside a batch; every answer is
    printed in the order of the input, with the decision `evaluate` gives for that text alone.
    """
    return _run_jsonl(stream, pack, default_kind, context, language)


def _run_jsonl(stream: BinaryIO, pack: Pack, default_kind: str, context: PolicyContext, language: str) -> int:
    bad: list[int] = []
    pending: list[_Item | dict[str, Any]] = []
    chars = 0
    for line in _read_lines(stream, MAX_LINE_BYTES):
        if line is None:  # nothing more at hand: answer what we have before waiting for more
            _decide_and_emit(pending, pack, language)
            pending, chars = [], 0
            continue
        number, raw = line
        if raw is not None and not raw.strip():
            continue
        slot = _parse_line(number, raw, default_kind, context)
        if isinstance(slot, dict):
            bad.append(number)
        else:
            chars += len(slot.text)
        pending.append(slot)
        if len(pending) >= BATCH_LINES or chars >= BATCH_CHARS:
            _decide_and_emit(pending, pack, language)
            pending, chars = [], 0
    _decide_and_emit(pending, pack, language)
    if bad:
        shown = ", ".join(map(str, bad[:10])) + (" ..." if len(bad) > 10 else "")
        print(f"{PROG}: {len(bad)} malformed line(s): {shown}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


@dataclass(frozen=True)
class _Item:
    """A well-formed line, waiting for its decision."""

    id: Any
    text: str
    kind: str
    context: PolicyContext


def _parse_line(
    number: int, raw: bytes | None, default_kind: str, default_context: PolicyContext
) -> _Item | dict[str, Any]:
    """The line as an item to decide, or the `{"line", "id", "error"}` to print in its place."""
    item_id: Any = None
    try:
        if raw is None:
            raise InputError(f"the line is longer than the limit of {MAX_LINE_BYTES} bytes")
        item = _load_json(raw, number)
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
        line_context = _line_context(item.get("context"), default_context)
        check_input(text, kind)
    except (UsageError, InputError) as exc:
        return {"line": number, "id": item_id, "error": str(exc)}
    return _Item(item_id, text, kind, line_context)


def _load_json(raw: bytes, number: int) -> Any:
    try:
        return json.loads(decode_utf8(raw, f"line {number}"))
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg} (column {exc.colno})") from None
    except (ValueError, RecursionError) as exc:  # an integer of 5,000 digits, arrays nested too deep
        raise InputError(f"not valid JSON: {exc}") from None


def _decide_and_emit(slots: Sequence[_Item | dict[str, Any]], pack: Pack, language: str) -> None:
    """Decide the items among `slots`, one batch per kind and context, and print every slot in order."""
    groups: dict[tuple[str, PolicyContext], list[int]] = {}
    for index, slot in enumerate(slots):
        if isinstance(slot, _Item):
            groups.setdefault((slot.kind, slot.context), []).append(index)
    decided: dict[int, Decision] = {}
    for (kind, context), indices in groups.items():
        texts = [cast(_Item, slots[i]).text for i in indices]
        # Many lines at once: the name model and the comment classifier may run side by side.
        batch = evaluate_many(texts, kind, pack, [context] * len(texts), threads=JSONL_MODEL_THREADS)
        decided.update(zip(indices, batch, strict=True))
    out = sys.stdout
    for index, slot in enumerate(slots):
        obj = slot if isinstance(slot, dict) else {"id": slot.id, **decided[index].to_dict(language)}
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    out.flush()


def _read_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None] | None]:
    """The numbered lines of `stream` (without their newline) as they come, in bounded memory.

    A line longer than `limit` bytes is given as None and the rest of it is skipped. None in
    place of a line means the next one is not at hand yet (a program that writes a line and
    waits for its answer gets it): a pipe or terminal with nothing to read just now.
    """
    read = getattr(stream, "read1", stream.read)
    fd = _fileno(stream)
    number = 0
    rest = b""  # the start of a line whose end has not come yet
    skipping = False  # inside a line longer than `limit`, already given
    while True:
        if fd is not None and not _readable_now(fd):
            yield None
        chunk = read(_CHUNK_BYTES)
        if not chunk:
            if rest and not skipping:
                number += 1
                yield number, (rest if len(rest) <= limit else None)
            return
        *complete, rest = (rest + chunk).split(b"\n")
        for raw in complete:
            if skipping:
                skipping = False
                continue
            number += 1
            yield number, (raw if len(raw) <= limit else None)
        if skipping:
            rest = b""
        elif len(rest) > limit:
            number += 1
            yield number, None
            rest, skipping = b"", True


def _fileno(stream: BinaryIO) -> int | None:
    try:
        return stream.fileno()
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is an OSError
        return None


def _readable_now(fd: int) -> bool:
    try:
        return bool(select.select([fd], [], [], 0)[0])
    except (OSError, ValueError):  # not selectable here (e.g. a pipe on Windows): never wait to answer
        return True


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


def render(decision: Decision, pack: Pack, text_length: int, language: str = DEFAULT_LANGUAGE) -> str:
    """The decision for a person reading a terminal, in `language`.

    Each finding is named by its label (the words the inbox uses) with the words that carry it,
    quoted from the finding's masked excerpt; a finding about the whole text says so. The
    reasons are the guideline's own, as its pack words them in `language`.
    """
    t = translator(language)
    labels = action_labels(language)
    revision = t.pgettext("guideline revision", "revision %(revision)s") % {
        "revision": decision.policy_revision
    }
    action = t.pgettext("check heading", "Action")
    also = t.pgettext("check heading", "Also")
    clauses = t.pgettext("check heading", "Clauses")
    findings = t.pgettext("check heading", "Findings")
    reasons = t.pgettext("check heading", "Reasons")
    lines = [
        f"{pack.name} ({decision.policy}, {revision}) · {decision.kind}",
        f"{action}: {decision.action} ({labels.get(decision.action, decision.action)})",
    ]
    if decision.also:
        lines.append(f"{also}: " + ", ".join(f"{a} ({labels.get(a, a)})" for a in decision.also))
    lines.append(f"{clauses}: " + (", ".join(decision.clauses) or "—"))
    if decision.findings:
        lines.append(f"{findings}:")
        lines.extend(f"  - {finding_line(f, text_length, language)}" for f in decision.findings)
    else:
        lines.append(f"{findings}: " + t.pgettext("no findings", "none"))
    lines.append(f"{reasons}:")
    lines.extend(f"  - {r}" for r in decision.reasons_in(language))
    return "\n".join(lines)


def finding_line(finding: Finding, text_length: int, language: str = DEFAULT_LANGUAGE) -> str:
    """`Label: «words» (code, severity, start–end) → clauses`; a finding about the whole text
    says so in place of the words."""
    t = translator(language)
    whole = finding.start <= 0 and finding.end >= text_length
    if whole:
        what = t.gettext("about the text as a whole")
        where = f"{finding.code}, {finding.severity}"
    else:
        words = terminal_safe(finding.text) if finding.text else ""
        what = t.pgettext("quoted words of a finding", "«%(words)s»") % {"words": words} if words else ""
        where = f"{finding.code}, {finding.severity}, {finding.start}–{finding.end}"
    line = code_label(finding.code, language) + (f": {what}" if what else "") + f" ({where})"
    if finding.clauses:
        line += " → " + ", ".join(finding.clauses)
    return line


def terminal_safe(words: str) -> str:
    """`words` with what a terminal would obey rather than show written out as `[U+XXXX]`:
    control characters (an escape sequence could rewrite the screen), line breaks, and the
    direction controls that would reorder the rest of the line."""
    return "".join(
        f"[U+{ord(c):04X}]" if c in CONTROLS or unicodedata.category(c) in _HIDDEN_CATEGORIES else c
        for c in words
    )
