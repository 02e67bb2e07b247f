"""`somevakt policy`: the guideline packs, their clauses, coverage and a side-by-side comparison.

somevakt policy list [--json]
somevakt policy show SLUG [--json]
somevakt policy coverage SLUG [--json]
somevakt policy compare [--json]
"""

from __future__ import annotations

import json
from typing import Any

from somevakt.policy.cli_support import EXIT_OK, Parser, UsageError, fail
from somevakt.policy.codes import COMPARE_TOPICS
from somevakt.policy.comparison import compare_data
from somevakt.policy.coverage import coverage
from somevakt.policy.labels import role_labels
from somevakt.policy.packs import PackError, list_packs, load_pack
from somevakt.policy.schema import Pack

PROG = "somevakt policy"
STATUS_LETTERS = {"enforced": "H", "workflow": "A", "guidance": "V"}
STATUS_LABELS = {"enforced": "håndhevet", "workflow": "arbeidsflyt", "guidance": "veiledning"}


def build_parser() -> Parser:
    p = Parser(prog=PROG, description="The municipalities' guideline packs.")
    sub = p.add_subparsers(dest="command", metavar="list|show|coverage|compare", parser_class=Parser)
    sub.required = True
    lst = sub.add_parser("list", help="the packs")
    lst.add_argument("--json", action="store_true")
    show = sub.add_parser("show", help="one pack: settings and clauses")
    show.add_argument("slug", metavar="SLUG")
    show.add_argument("--json", action="store_true")
    cov = sub.add_parser("coverage", help="how each clause is honoured, and unmapped guideline lines")
    cov.add_argument("slug", metavar="SLUG")
    cov.add_argument("--json", action="store_true")
    cmp_ = sub.add_parser("compare", help="topic × municipality table")
    cmp_.add_argument("--json", action="store_true")
    return p


def main(argv: list[str]) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command == "list":
            out = cmd_list(args.json)
        elif args.command == "show":
            out = cmd_show(load_pack(args.slug), args.json)
        elif args.command == "coverage":
            out = cmd_coverage(load_pack(args.slug), args.json)
        else:
            out = cmd_compare(args.json)
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    except (UsageError, PackError) as exc:
        return fail(PROG, str(exc))
    print(out)
    return EXIT_OK


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


def _deadline(pack: Pack) -> str:
    days = pack.response.working_days
    if days is None:
        return "ingen"
    return f"{days:g} arbeidsdag" + ("" if days == 1 else "er")


def _roles(roles: tuple[str, ...]) -> str:
    names = role_labels("nb")
    return ", ".join(names.get(r, r) for r in roles) or "—"


def cmd_list(as_json: bool) -> str:
    packs = [load_pack(slug) for slug in list_packs()]
    if as_json:
        return _dump(
            [
                {
                    "slug": p.slug,
                    "name": p.name,
                    "policy_revision": p.revision,
                    "clauses": len(p.clauses),
                    "working_days": p.response.working_days,
                }
                for p in packs
            ]
        )
    rows = [("slug", "kommune", "revisjon", "punkter", "svarfrist")]
    rows += [(p.slug, p.name, p.revision, str(len(p.clauses)), _deadline(p)) for p in packs]
    return _table(rows)


def cmd_show(pack: Pack, as_json: bool) -> str:
    if as_json:
        return _dump({"policy_revision": pack.revision, **pack.model_dump(mode="json")})
    g, m, r = pack.guideline, pack.municipality, pack.roles
    fi = m.formal_inquiries
    lines = [
        f"{m.name} ({pack.slug}), revisjon {pack.revision}",
        f"Retningslinje: {g.title}, vedtatt {g.adopted.isoformat()} av {g.adopted_by}"
        + (f", revidert {g.revised.isoformat()}" if g.revised else "")
        + (f", gjelder fra {g.in_force.isoformat()}" if g.in_force else ""),
        f"Fil: {g.anchor}"
        + (f" (også {', '.join(f.name for f in g.files[1:])})" if len(g.files) > 1 else ""),
        f"E-postdomener: {', '.join(m.email_domains)}",
        f"Formelle henvendelser: {fi.email} · {fi.postal_address}",
        f"Ny konto godkjennes av: {_roles(r.account.approved_by)}; varsles: {_roles(r.account.notified)}",
        f"Vanskelige saker: {_roles(r.difficult_cases.roles)}; "
        f"omdømmekritiske: {_roles(r.reputation_critical.roles)}",
        f"Krise: {_roles(r.crisis.roles)}",
        "Politiske henvendelser: "
        + (_roles(r.political_referral.roles) if r.political_referral else "ingen egen regel"),
        f"Svarfrist: {_deadline(pack)}",
        f"Signer svar med fornavn: {'ja' if pack.replies.sign_with_first_name else 'nei'}",
        "Slettegrunner: "
        + ("; ".join(f"{', '.join(d.codes)} ({d.clause})" for d in pack.deletion_grounds) or "ingen"),
    ]
    if m.note:
        lines.append(f"Merk: {m.note.nb}")
    lines.append("")
    lines.append(f"Punkter ({len(pack.clauses)}):")
    for c in pack.clauses:
        hb = c.honoured_by
        status = STATUS_LABELS[hb.status] + ("" if hb.implemented else ", ikke bygget ennå")
        lines.append(f"  {c.id} [{c.topic}] {status} ({', '.join(hb.by)}), linje {_lines(c.source.lines)}")
        lines.append(f"      {c.summary.nb}")
    return "\n".join(lines)


def _lines(lines: tuple[int, int]) -> str:
    return str(lines[0]) if lines[0] == lines[1] else f"{lines[0]}–{lines[1]}"


def cmd_coverage(pack: Pack, as_json: bool) -> str:
    report = coverage(pack)
    if as_json:
        return _dump(report)
    rows = [("punkt", "tema", "status", "bygget", "av", "linjer")]
    for c in report["clauses"]:
        rows.append(
            (
                c["id"],
                c["topic"],
                STATUS_LABELS[c["status"]],
                "ja" if c["implemented"] else "nei",
                ", ".join(c["by"]),
                _lines(tuple(c["source"]["lines"])),  # type: ignore[arg-type]
            )
        )
    counts = {s: sum(1 for c in report["clauses"] if c["status"] == s) for s in STATUS_LABELS}
    summary = ", ".join(f"{n} {STATUS_LABELS[s]}" for s, n in counts.items())
    built = sum(1 for c in report["clauses"] if c["implemented"])
    tail = [
        "",
        f"{len(report['clauses'])} punkter: {summary}; {built} bygget.",
        f"Ikke dekket: {report['unmapped']} linjer i {report['file']}"
        + (f" ({', '.join(map(str, report['unmapped_lines']))})" if report["unmapped"] else "")
        + (
            " (kontrollert mot pakkens fingeravtrykk; fila finnes ikke her)"
            if report["checked_against"] == "fingerprint"
            else ""
        )
        + (" ADVARSEL: fila er endret siden pakken ble skrevet." if report["stale"] else ""),
    ]
    return _table(rows) + "\n" + "\n".join(tail)


def cmd_compare(as_json: bool) -> str:
    data = compare_data()
    if as_json:
        return _dump(data)
    packs = [load_pack(slug) for slug in data["policies"]]
    rows = [("tema", *(p.name.removesuffix(" kommune") for p in packs))]
    for topic, label in COMPARE_TOPICS:
        cells = []
        for p in packs:
            ids = data["topics"][topic][p.slug]
            if not ids:
                cells.append("—")
                continue
            statuses = sorted({p.clause(i).honoured_by.status for i in ids}, key=list(STATUS_LETTERS).index)
            cells.append(f"{len(ids)} ({','.join(STATUS_LETTERS[s] for s in statuses)})")
        rows.append((label, *cells))
    rows.append(("Svarfrist", *(_deadline(p) for p in packs)))
    rows.append(("Signatur (fornavn)", *("ja" if p.replies.sign_with_first_name else "nei" for p in packs)))
    rows.append(
        ("Sletting tillatt", *("ja" if p.deletion_grounds else "nei (skjul og eskaler)" for p in packs))
    )
    legend = (
        "Tall = antall punkter; H håndhevet, A arbeidsflyt, V veiledning; — retningslinjen sier ingenting."
    )
    return _table(rows) + "\n\n" + legend


def _table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for n, row in enumerate(rows):
        out.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)
