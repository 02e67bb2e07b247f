"""`somevakt check`: decisions as text, JSON and JSONL; bad input gives one line and exit 2."""

from __future__ import annotations

import importlib.util
import io
import json
import os
import select
import subprocess
import sys
from pathlib import Path

import pytest

from somevakt.analysis.registry import ANALYSERS
from somevakt.commands import check

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / ".venv" / "bin" / "somevakt"
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "somevakt.cli"]

analysers_ready = pytest.mark.skipif(
    not all(importlib.util.find_spec(target.partition(":")[0]) for target in ANALYSERS.values()),
    reason="not every text analyser exists yet",
)


def somevakt(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*COMMAND, *args], input=stdin, capture_output=True, cwd=ROOT, timeout=600, env={**os.environ}
    )


def run_main(argv: list[str], stdin: bytes, monkeypatch, capsys) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = check.main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("somevakt check: ")
    return lines[0]


# Bad input (needs no analyser: it is refused before analysis).


def test_it_refuses_an_empty_text(monkeypatch, capsys):
    code, out, err = run_main(["--policy", "gausdal", "  \n"], b"", monkeypatch, capsys)
    assert code == 2 and out == ""
    assert "empty" in one_line_error(err)


def test_it_refuses_empty_stdin(monkeypatch, capsys):
    code, _, err = run_main(["--policy", "gausdal", "-"], b"", monkeypatch, capsys)
    assert code == 2
    assert "empty" in one_line_error(err)


def test_it_refuses_a_megabyte_of_text_as_a_subprocess():
    result = somevakt("check", "--policy", "gausdal", stdin=b"a" * 1_048_576)
    assert result.returncode == 2
    assert "limit" in one_line_error(result.stderr.decode())


def test_it_refuses_invalid_utf8_on_stdin_as_a_subprocess():
    result = somevakt("check", "--policy", "romskog", "-", stdin=b"Hei \xff\xfe der")
    assert result.returncode == 2
    assert "UTF-8" in one_line_error(result.stderr.decode())
    assert result.stdout == b""


def test_it_lists_the_known_policies_for_an_unknown_slug(monkeypatch, capsys):
    code, _, err = run_main(["--policy", "oslo", "Hei"], b"", monkeypatch, capsys)
    assert code == 2
    line = one_line_error(err)
    assert "oslo" in line and "batsfjord, gausdal, hustadvika, romskog" in line


def test_it_refuses_an_unknown_kind_and_a_missing_policy(monkeypatch, capsys):
    code, _, err = run_main(["--policy", "gausdal", "--kind", "tweet", "Hei"], b"", monkeypatch, capsys)
    assert code == 2 and "tweet" in one_line_error(err)
    code, _, err = run_main(["Hei"], b"", monkeypatch, capsys)
    assert code == 2 and "--policy" in one_line_error(err)


def test_it_reports_every_malformed_jsonl_line_and_exits_2(monkeypatch, capsys):
    lines = b"\n".join(
        [
            b"{not json",
            b'["a list"]',
            b'{"id": 7, "kind": "tweet", "text": "Hei"}',
            b'{"id": "x", "text": ""}',
            b"",
            b'{"id": "y"}',
            b'{"id": "z", "text": "Hei", "context": {"crisis": true}}',
            b'{"id": "u", "text": "\xff"}',
        ]
    )
    code, out, err = run_main(["--policy", "batsfjord", "--jsonl"], lines, monkeypatch, capsys)
    assert code == 2
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["line"] for r in results] == [1, 2, 3, 4, 6, 7, 8]
    assert [r["id"] for r in results] == [None, None, 7, "x", "y", "z", None]
    assert all(set(r) == {"line", "id", "error"} and r["error"] for r in results)
    assert "kind" in results[2]["error"] and "empty" in results[3]["error"]
    assert "7 malformed" in one_line_error(err)


def test_it_takes_no_text_argument_with_jsonl(monkeypatch, capsys):
    code, _, err = run_main(["--policy", "batsfjord", "--jsonl", "Hei"], b"", monkeypatch, capsys)
    assert code == 2 and "--jsonl" in one_line_error(err)


# Decisions (need the analysers).


@analysers_ready
def test_it_prints_the_json_contract(monkeypatch, capsys):
    code, out, _ = run_main(
        ["--policy", "gausdal", "--json", "Når åpner svømmehallen igjen etter ferien?"],
        b"",
        monkeypatch,
        capsys,
    )
    assert code == 0
    d = json.loads(out)
    assert set(d) == {"policy", "policy_revision", "kind", "findings", "action", "also", "clauses", "reasons"}
    assert (d["policy"], d["kind"]) == ("gausdal", "comment")
    assert d["action"] == "reply" and d["clauses"]
    assert "intent.question" in {f["code"] for f in d["findings"]}


@pytest.mark.slow  # loads the models in a new process
@analysers_ready
def test_it_exits_0_for_a_delete_as_a_subprocess():
    text = "Du er en jævla idiot, Per Hansen, og burde få sparken."
    result = somevakt("check", "--policy", "hustadvika", "--json", text)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["action"] == "delete"
    result = somevakt("check", "--policy", "gausdal", "--json", text)
    assert json.loads(result.stdout)["action"] == "escalate_manager"


@analysers_ready
def test_it_checks_a_jsonl_stream_and_keeps_going_past_a_bad_line(monkeypatch, capsys):
    lines = (
        '{"id": 1, "text": "Tusen takk til de flinke folka på biblioteket!"}\n'
        "oops\n"
        '{"id": "b", "text": "Hei Kari, vi ser på saken. Hilsen Per", "kind": "reply"}\n'
    ).encode()
    code, out, _ = run_main(["--policy", "gausdal", "--jsonl"], lines, monkeypatch, capsys)
    assert code == 2
    first, bad, third = (json.loads(x) for x in out.splitlines())
    assert (first["id"], first["action"]) == (1, "thank")
    assert bad == {"line": 2, "id": None, "error": bad["error"]}
    assert (third["id"], third["kind"]) == ("b", "reply") and third["action"] in {"ok", "revise", "block"}


@analysers_ready
def test_it_prints_a_readable_decision_in_norwegian(monkeypatch, capsys):
    code, out, _ = run_main(
        ["--policy", "romskog", "Når er det åpent på biblioteket?"], b"", monkeypatch, capsys
    )
    assert code == 0
    assert "Handling: reply (svar)" in out
    assert "Begrunnelse:" in out


@analysers_ready
def test_it_reads_the_text_from_stdin_and_applies_context_flags(monkeypatch, capsys):
    code, out, _ = run_main(
        ["--policy", "hustadvika", "--kind", "post", "--crisis-mode", "--json", "-"],
        b"Biblioteket holder stengt i morgen.",
        monkeypatch,
        capsys,
    )
    assert code == 0
    d = json.loads(out)
    assert d["action"] == "block"
    assert "post.crisis_lock" in {f["code"] for f in d["findings"]}


def test_it_reports_lines_it_cannot_read_instead_of_crashing(monkeypatch, capsys):
    monkeypatch.setattr(check, "MAX_LINE_BYTES", 200_000)
    lines = b"\n".join(
        [
            b'{"id": 1, "text": "' + b"a" * 300_000 + b'"}',
            b"[" * 100_000,
            b'{"id": 1' + b"0" * 5_000 + b', "text": "Hei"}',
            b"  ",
            b'{"id": 4, "text": " \\t "}',
        ]
    )
    code, out, err = run_main(["--policy", "gausdal", "--jsonl"], lines, monkeypatch, capsys)
    assert code == 2
    results = [json.loads(line) for line in out.splitlines()]
    assert [(r["line"], r["id"]) for r in results] == [(1, None), (2, None), (3, None), (5, 4)]
    assert "longer than the limit of 200000 bytes" in results[0]["error"]
    assert all(r["error"].startswith("not valid JSON") for r in results[1:3])
    assert "empty" in results[3]["error"]
    assert "4 malformed line(s): 1, 2, 3, 5" in one_line_error(err)


def test_it_asks_for_single_threaded_models_unless_told_otherwise(monkeypatch, capsys):
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "")  # so that the variable main sets is undone after
    monkeypatch.delenv("OPENBLAS_NUM_THREADS")
    monkeypatch.setenv("OMP_NUM_THREADS", "2")
    run_main(["--policy", "oslo", "Hei"], b"", monkeypatch, capsys)
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
    assert os.environ["OMP_NUM_THREADS"] == "2"


def test_it_reads_lines_across_chunks_and_skips_the_rest_of_an_overlong_one(monkeypatch):
    monkeypatch.setattr(check, "_CHUNK_BYTES", 3)
    data = b"ab\n" + b"x" * 25 + b"\n\ncd\r\n" + b"y" * 11 + b"\nlast"
    lines = list(check._read_lines(io.BytesIO(data), limit=10))
    assert lines == [(1, b"ab"), (2, None), (3, b""), (4, b"cd\r"), (5, None), (6, b"last")]
    assert list(check._read_lines(io.BytesIO(b"one\n"), limit=10)) == [(1, b"one")]


POST = "Biblioteket holder stengt i morgen."
# Mixed lines: each decision of --jsonl is byte for byte what --json gives for that text alone.
JSONL_MIX = [
    {"id": 1, "text": "Når åpner svømmehallen igjen etter ferien?"},
    {"id": 2, "text": "Tusen takk til de flinke sykepleierne på Follebutunet, særlig Kari!"},
    "{not json",
    {"id": 3, "text": "Du er en jævla idiot, Per Hansen, og burde få sparken."},
    {"id": 4, "text": ""},
    {"id": 5, "text": "Hei Ola, vi ser på saken og svarer deg i morgen. Hilsen Kari", "kind": "reply"},
    {"id": 6, "kind": "tweet", "text": "Hei"},
    {"id": 1, "text": "Fødselsnummeret mitt er 01019912345, kan dere sjekke søknaden min?"},
    {"id": "p", "text": POST, "kind": "post"},
    {"id": "p", "text": POST, "kind": "post", "context": {"crisis_mode": True}},
    {"id": 7, "text": "Det brenner i en enebolig på Segalstad bru, folk må holde seg unna!"},
    {"id": 8, "text": "Fikk ikke plass i barnehagen. Sånn er det å jobbe i kommunen.", "kind": "private"},
    {"id": None, "text": "Eg lurer på kva tid kommunestyret har møte i haust?"},
    {"id": 9, "text": "Flott jobba med den nye brua, berre to år forseinka 👏👏"},
    {"id": 10, "text": "Dommer Finn Eilertsen avstår fra å sette ord på det inntrykk retten har fått ."},
    {"id": 3, "text": "Du er en jævla idiot, Per Hansen, og burde få sparken."},
]
CONTEXT_FLAGS = {"crisis_mode": "--crisis-mode"}


@analysers_ready
@pytest.mark.parametrize("batch_lines", [3, 256])
def test_it_decides_jsonl_in_batches_exactly_as_one_by_one(batch_lines, monkeypatch, capsys):
    monkeypatch.setattr(check, "BATCH_LINES", batch_lines)
    raw = [x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in JSONL_MIX]
    stdin = "\n".join(raw).encode()
    code, out, err = run_main(["--policy", "gausdal", "--jsonl"], stdin, monkeypatch, capsys)
    assert code == 2, err
    got = out.splitlines()
    assert len(got) == len(JSONL_MIX)
    malformed = [number for number, line in enumerate(got, start=1) if "error" in json.loads(line)]
    assert malformed == [3, 5, 7]
    assert [json.loads(line)["id"] for line in got] == [
        item.get("id") if isinstance(item, dict) else None for item in JSONL_MIX
    ]
    for number, (item, line) in enumerate(zip(JSONL_MIX, got, strict=True), start=1):
        if number in malformed:
            continue
        assert isinstance(item, dict)
        flags = [CONTEXT_FLAGS[k] for k, v in item.get("context", {}).items() if v]
        kind = item.get("kind", "comment")
        single_code, single, _ = run_main(
            ["--policy", "gausdal", "--kind", kind, *flags, "--json", item["text"]], b"", monkeypatch, capsys
        )
        assert single_code == 0
        expected = '{"id": ' + json.dumps(item["id"]) + ", " + single.rstrip("\n")[1:]
        assert line == expected, f"line {number}"


@pytest.mark.slow  # loads the models in a new process
@analysers_ready
def test_it_answers_each_line_as_it_comes_when_the_writer_waits_as_a_subprocess():
    with subprocess.Popen(
        [*COMMAND, "check", "--policy", "gausdal", "--jsonl"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    ) as proc:
        assert proc.stdin is not None and proc.stdout is not None
        try:
            for item_id in ("a", "b"):
                line = json.dumps({"id": item_id, "text": "Når åpner biblioteket?"}) + "\n"
                proc.stdin.write(line.encode())
                proc.stdin.flush()
                ready, _, _ = select.select([proc.stdout], [], [], 120)
                assert ready, f"no answer to {item_id!r} while the writer waits"
                assert json.loads(proc.stdout.readline())["id"] == item_id
            proc.stdin.close()
            assert proc.wait(timeout=60) == 0
        finally:
            proc.kill()


# The readable decision: each finding by its label and the words that carry it, in nb, nn or en.

FNR = "01017012343"  # a checksum-valid fødselsnummer made up for the tests
THREAT = "Jeg vet hvor du bor. Når åpner biblioteket?"


def readable(language: str) -> str:
    from somevakt.analysis.base import Finding
    from somevakt.policy.engine import decide
    from somevakt.policy.packs import load_pack

    pack = load_pack("gausdal")
    findings = [
        Finding("abuse.threat", 0, 19, "high", text="Jeg vet hvor du bor"),
        Finding("intent.question", 0, len(THREAT), "info"),
    ]
    decision = decide(findings, "comment", pack, text_length=len(THREAT))
    return check.render(decision, pack, len(THREAT), language)


def test_it_names_each_finding_by_its_label_with_the_words_in_bokmaal():
    out = readable("nb")
    threat = next(line for line in out.splitlines() if "abuse.threat" in line)
    assert threat.startswith("  - Trussel: «Jeg vet hvor du bor» (abuse.threat, high, 0–19) → gausdal:")
    assert "  - Spørsmål: om teksten som helhet (intent.question, info)" in out
    assert out.splitlines()[1].startswith("Handling: escalate_manager (ta opp med leder)")
    assert "Funn:" in out and "Begrunnelse:" in out and "Punkter: " in out
    assert "  - Saken tas opp med nærmeste leder." in out


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nn",
            [
                "Handling: escalate_manager (ta opp med leiar)",
                "  - Trussel: «Jeg vet hvor du bor» (abuse.threat, high, 0–19)",
                "  - Spørsmål: om teksten som heilskap (intent.question, info)",
                "Grunngjeving:",
                "  - Retningslinja gir ikkje grunnlag for å slette kommentarar; skjul kommentaren og la "
                "kultur- og informasjonsrådgjevaren koordinere saka.",
                "  - Saka blir teken opp med nærmaste leiar.",
            ],
        ),
        (
            "en",
            [
                "Action: escalate_manager (take it up with a leader)",
                "  - Threat: “Jeg vet hvor du bor” (abuse.threat, high, 0–19)",
                "  - Question: about the text as a whole (intent.question, info)",
                "Reasons:",
                "  - The guideline gives no ground for deleting comments; hide the comment and let the "
                "culture and information adviser coordinate the case.",
                "  - The case is taken up with the nearest leader.",
            ],
        ),
    ],
)
def test_it_speaks_nynorsk_and_english(language, expected):
    out = readable(language)
    for line in expected:
        assert line in out, (line, out)


def test_it_writes_out_what_a_terminal_would_obey_in_the_quoted_words():
    from somevakt.analysis.base import Finding

    finding = Finding("abuse.insult", 4, 20, "warn", text="\x1b[2J\x1b[31mdust\u202e\nx\u2028")
    line = check.finding_line(finding, 40, "nb")
    assert line.startswith("Personangrep: «[U+001B][2J[U+001B][31mdust[U+202E][U+000A]x[U+2028]»")
    assert "\x1b" not in line and "\u202e" not in line and "\n" not in line


def test_it_refuses_an_unknown_language(monkeypatch, capsys):
    code, out, err = run_main(["--policy", "gausdal", "--lang", "sv", "Hei"], b"", monkeypatch, capsys)
    assert code == 2 and out == ""
    assert "--lang" in one_line_error(err)


@pytest.mark.slow  # loads the models in a new process
@analysers_ready
def test_it_quotes_the_masked_words_and_gives_the_json_reasons_in_the_language_asked_for_as_a_subprocess():
    # an appeal of one's own decision: a case request (asking how one's case stands is a question)
    text = f"Hei, fødselsnummeret mitt er {FNR}. Eg klagar på vedtaket om byggesøknaden min."
    result = somevakt("check", "--policy", "gausdal", "--lang", "nn", text)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "Handling: " in out and "Funn:" in out
    assert "  - Fødselsnummer: «***********» (personal_data.national_id, high, 29–40)" in out
    assert FNR not in out
    assert "  - Førespurnaden krev sakshandsaming; be innsendaren sende ein formell førespurnad." in out
    as_json = {
        language: json.loads(
            somevakt("check", "--policy", "gausdal", "--json", "--lang", language, text).stdout
        )
        for language in ("nb", "nn", "en")
    }
    assert as_json["nb"] == json.loads(somevakt("check", "--policy", "gausdal", "--json", text).stdout)
    reasons = {language: decision.pop("reasons") for language, decision in as_json.items()}
    assert as_json["nb"] == as_json["nn"] == as_json["en"]
    assert "Henvendelsen krever saksbehandling; be innsenderen sende en formell henvendelse." in reasons["nb"]
    assert "The inquiry needs case processing; ask the sender to send a formal inquiry." in reasons["en"]
    assert len(reasons["nb"]) == len(reasons["nn"]) == len(reasons["en"])
    assert set(as_json["en"]) | {"reasons"} == {
        "policy",
        "policy_revision",
        "kind",
        "findings",
        "action",
        "also",
        "clauses",
        "reasons",
    }
