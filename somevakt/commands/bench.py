"""`somevakt bench`: the full analysis's speed, side by side with Microsoft Presidio's analyzer.

Each engine runs in its own single-threaded process over the same texts (a few thousand
sentences from the dev splits if present, else generated ones), so speed and peak memory
are its own. Both are also given Norwegian personal-data cases (valid fødselsnummer,
D-nummer, kontonummer, phone numbers and e-mail addresses inside Norwegian sentences):
recall is the share found, and false alarms are national ids/accounts reported in the
plain sentences. Presidio runs its recognisers only (a blank spaCy pipeline tokenises, no
model is downloaded); it is installed with the `bench` extra and skipped when absent.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from somevakt.analysis.models import SINGLE_THREADED

KINDS = ("national_id", "bank_account", "phone", "email")
NUMBER_KINDS = {"national_id", "bank_account"}
# How Presidio's entity types are counted. It has no Norwegian id or account recogniser, so any
# identifier-like entity (SSN, IBAN, credit card, ...) over such a number counts as found ("id"),
# and the same types in the plain sentences count as false alarms. The rest are not compared.
PRESIDIO_KINDS = {"PHONE_NUMBER": "phone", "EMAIL_ADDRESS": "email"}
PRESIDIO_NOT_COMPARED = {"URL", "DATE_TIME", "PERSON", "LOCATION", "NRP", "ORGANIZATION", "IP_ADDRESS"}
# Texts per batch in the batched run (a worker draining a queue of comments).
BATCH = 256


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"somevakt bench: {message}\n")


def main(argv: list[str]) -> int:
    parser = _Parser(prog="somevakt bench", description="Analysis speed, side by side with Presidio.")
    parser.add_argument("--n", type=int, default=3000, help="sentences to analyse (default 3000)")
    parser.add_argument("--cases", type=int, default=100, help="personal-data cases per kind (default 100)")
    parser.add_argument("--data-dir", type=Path, default=None, help="folder with norec_sentence/ and norne/")
    parser.add_argument("--no-presidio", action="store_true", help="run somevakt only")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--worker", choices=("somevakt", "presidio"), help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(_work(args.worker, json.loads(args.input.read_text(encoding="utf-8")))))
        return 0
    if args.n < 1 or args.cases < 1:
        parser.error("--n and --cases must be at least 1")
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    from somevakt.analysis.training import bench_data

    data_dir = args.data_dir or bench_data.DATA_DIR
    texts, source = bench_data.sentences(args.n, data_dir)
    cases = bench_data.personal_data_cases(args.cases, prefixes=texts[:200])
    payload = {
        "texts": texts,
        "cases": [c.__dict__ for c in cases],
        "reviews": bench_data.review_sentences(data_dir),
    }
    engines = ["somevakt"] + ([] if args.no_presidio or not _presidio_installed() else ["presidio"])
    results: dict[str, Any] = {"texts": len(texts), "source": source, "cases_per_kind": args.cases}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.json"
        path.write_text(json.dumps(payload), encoding="utf-8")
        for engine in engines:
            results[engine] = _spawn(engine, path)
    if "presidio" not in engines:
        results["presidio"] = None if args.no_presidio else "not installed (pip install 'somevakt[bench]')"
    print(json.dumps(results, ensure_ascii=False, indent=1) if args.json else _table(results))
    return 0


def _presidio_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("presidio_analyzer") is not None


def _spawn(engine: str, path: Path) -> dict[str, Any]:
    env = {**os.environ, **SINGLE_THREADED}
    proc = subprocess.run(
        [sys.executable, "-m", "somevakt.cli", "bench", "--worker", engine, "--input", str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"somevakt bench: the {engine} run failed:\n{proc.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _work(engine: str, payload: dict[str, Any]) -> dict[str, Any]:
    # Wall-clock time, and the process's CPU time beside it: on a machine shared with other work
    # the wall clock measures the others as well, the CPU time far less.
    started, started_cpu = time.perf_counter(), time.process_time()
    run, run_batch, skipped = _somevakt() if engine == "somevakt" else _presidio()
    run("Takk til Kari Nordmann, ring 912 34 567.")  # loads the models this text needs
    if engine == "somevakt":
        _load_models()  # and the others, which would otherwise load in the middle of the timed texts
    load_s, load_cpu_s = time.perf_counter() - started, time.process_time() - started_cpu
    latencies: list[float] = []
    cpu_latencies: list[float] = []
    false_alarms = 0
    for text in payload["texts"]:
        t0, c0 = time.perf_counter(), time.process_time()
        spans = run(text)
        latencies.append(time.perf_counter() - t0)
        cpu_latencies.append(time.process_time() - c0)
        false_alarms += sum(1 for _, _, kind in spans if kind in NUMBER_KINDS or kind == "id")
    found = {kind: 0 for kind in KINDS}
    total = {kind: 0 for kind in KINDS}
    for case in payload["cases"]:
        total[case["kind"]] += 1
        wanted = {case["kind"], "id"} if case["kind"] in NUMBER_KINDS else {case["kind"]}
        if any(s < case["end"] and case["start"] < e and kind in wanted for s, e, kind in run(case["text"])):
            found[case["kind"]] += 1
    latencies.sort()
    cpu_latencies.sort()
    breakdown = _breakdown(payload["texts"]) if engine == "somevakt" else None
    abuse_on_reviews = _abuse_rate(payload.get("reviews", [])) if engine == "somevakt" else None
    batch_items_per_s = batch_items_per_cpu_s = None
    if run_batch is not None:
        t0, c0 = time.perf_counter(), time.process_time()
        for first in range(0, len(payload["texts"]), BATCH):
            run_batch(payload["texts"][first : first + BATCH])
        batch_items_per_s = round(len(payload["texts"]) / (time.perf_counter() - t0), 1)
        batch_items_per_cpu_s = round(len(payload["texts"]) / max(time.process_time() - c0, 1e-9), 1)
    n = len(latencies)
    import resource

    return {
        "items_per_s": round(len(latencies) / sum(latencies), 1),
        "batch_items_per_s": batch_items_per_s,
        "p50_ms": round(latencies[len(latencies) // 2] * 1000, 3),
        "p99_ms": round(latencies[min(n - 1, int(n * 0.99))] * 1000, 3),
        "items_per_cpu_s": round(n / max(sum(cpu_latencies), 1e-9), 1),
        "batch_items_per_cpu_s": batch_items_per_cpu_s,
        "p50_cpu_ms": round(cpu_latencies[n // 2] * 1000, 3),
        "p99_cpu_ms": round(cpu_latencies[min(n - 1, int(n * 0.99))] * 1000, 3),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "load_s": round(load_s, 3),
        "load_cpu_s": round(load_cpu_s, 3),
        "recall": {kind: round(found[kind] / total[kind], 4) if total[kind] else None for kind in KINDS},
        "false_alarms": false_alarms,
        "skipped": skipped,
        "cpu_ms_per_item": breakdown,
        "abuse_on_reviews": abuse_on_reviews,
    }


def _load_models() -> None:
    """Every shipped model (the sentiment model loads only when a text needs it: 0.4 s inside
    whichever sentence of the one-at-a-time pass first did), so `load` counts them all."""
    from somevakt.analysis.models import VERSIONS, ModelMissing, load

    for name in VERSIONS:
        try:
            load(name)
        except ModelMissing:
            continue


def _abuse_rate(reviews: list[str]) -> dict[str, Any] | None:
    """The share of review sentences (strong words about films and food, attacking no one) taken
    as a comment with any `abuse.*` finding: the false alarms a swearing-but-harmless text costs."""
    if not reviews:
        return None
    from somevakt.analysis.registry import analyse_many

    flagged = 0
    for first in range(0, len(reviews), BATCH):
        for result in analyse_many(reviews[first : first + BATCH], "comment", only=("abuse",)):
            flagged += any(f.code.startswith("abuse.") for f in result.findings)
    return {"sentences": len(reviews), "share": round(flagged / len(reviews), 4)}


def _breakdown(texts: list[str]) -> dict[str, float]:
    """CPU milliseconds per text for the shared tokens and for each analyser (one text at a time)."""
    from somevakt.analysis.base import Document
    from somevakt.analysis.registry import ANALYSERS, get

    totals: dict[str, float] = {"tokens": 0.0}
    for text in texts:
        doc = Document(text)
        started = time.process_time()
        doc.tokens  # noqa: B018 - tokenised here so the analysers' figures exclude it
        totals["tokens"] += time.process_time() - started
        for name in ANALYSERS:
            try:
                analyser = get(name)
            except ModuleNotFoundError:
                continue
            started = time.process_time()
            analyser.analyse(doc)
            totals[name] = totals.get(name, 0.0) + time.process_time() - started
    return {name: round(total / len(texts) * 1000, 3) for name, total in totals.items()}


def _somevakt() -> tuple[Any, Any, list[str]]:
    """The full analysis (every analyser that is installed) as a function text -> [(start, end, kind)],
    one text at a time through `registry.analyse`, and in batches (models run once per batch)."""
    import importlib

    from somevakt.analysis.base import Document
    from somevakt.analysis.registry import ANALYSERS, analyse, get

    present, skipped = [], []
    for name, target in ANALYSERS.items():
        try:
            importlib.import_module(target.partition(":")[0])
            present.append(name)
        except ModuleNotFoundError:
            skipped.append(name)
    only = tuple(present)
    prefix = "personal_data."

    def run(text: str) -> list[tuple[int, int, str]]:
        return [
            (f.start, f.end, f.code.removeprefix(prefix))
            for f in analyse(text, only=only).findings
            if f.code.startswith(prefix)
        ]

    def run_batch(texts: list[str]) -> None:
        docs = [Document(text) for text in texts]
        analysers = [get(name) for name in only]
        for analyser in analysers:
            prefetch = getattr(analyser, "prefetch", None)
            if prefetch is not None:
                prefetch(docs)
        for doc in docs:
            for analyser in analysers:
                analyser.analyse(doc)

    return run, run_batch, skipped


def _presidio() -> tuple[Any, Any, list[str]]:
    """Presidio's recognisers over a blank spaCy pipeline (no model download, no NER)."""
    import spacy
    import tldextract

    # tldextract fetches the public suffix list over the network unless told not to.
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    blank = Path(tempfile.mkdtemp()) / "blank_nb"
    spacy.blank("nb").to_disk(blank)
    engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": str(blank)}])
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])

    def kind(entity_type: str) -> str:
        if entity_type in PRESIDIO_NOT_COMPARED:
            return "other"
        return PRESIDIO_KINDS.get(entity_type, "id")

    def run(text: str) -> list[tuple[int, int, str]]:
        return [(r.start, r.end, kind(r.entity_type)) for r in analyzer.analyze(text, language="en")]

    return run, None, []


def _table(results: dict[str, Any]) -> str:
    engines = [e for e in ("somevakt", "presidio") if isinstance(results.get(e), dict)]
    rows = [
        ("items/s, one at a time", "items_per_s"),
        (f"items/s, batches of {BATCH}", "batch_items_per_s"),
        ("p50 latency (ms)", "p50_ms"),
        ("p99 latency (ms)", "p99_ms"),
        ("peak memory (MB)", "peak_mb"),
        ("load (s)", "load_s"),
        ("CPU time: items/s, one at a time", "items_per_cpu_s"),
        (f"CPU time: items/s, batches of {BATCH}", "batch_items_per_cpu_s"),
        ("CPU time: p50 / p99 (ms)", ("p50_cpu_ms", "p99_cpu_ms")),
        ("CPU time: load (s)", "load_cpu_s"),
    ]
    lines = [f"{results['texts']} texts ({results['source']}); one process per engine, one thread each", ""]
    lines.append(f"{'':34}" + "".join(f"{e:>14}" for e in engines))
    for label, key in rows:
        cells = [
            " / ".join(str(results[e].get(k)) for k in key) if isinstance(key, tuple) else results[e].get(key)
            for e in engines
        ]
        lines.append(f"{label:34}" + "".join(f"{cell or '-':>14}" for cell in cells))
    for kind in KINDS:
        label = f"recall {kind} ({results['cases_per_kind']} cases)"
        lines.append(f"{label:34}" + "".join(f"{results[e]['recall'][kind] * 100:>13.1f}%" for e in engines))
    label = "ids/accounts in plain sentences"
    lines.append(f"{label:34}" + "".join(f"{results[e]['false_alarms']:>14}" for e in engines))
    ours = results["somevakt"]
    if isinstance(ours, dict) and ours.get("abuse_on_reviews"):
        rate = ours["abuse_on_reviews"]
        label = f"abuse.* in {rate['sentences']} NoReC dev"
        lines.append(f"{label:34}{rate['share'] * 100:>13.1f}%")
    if isinstance(ours, dict) and ours.get("cpu_ms_per_item"):
        parts = ", ".join(f"{name} {ms}" for name, ms in ours["cpu_ms_per_item"].items())
        lines.append(f"\nsomevakt CPU ms per item: {parts}")
    if isinstance(results["somevakt"], dict) and results["somevakt"]["skipped"]:
        lines.append(f"\nnot installed yet, so not run: {', '.join(results['somevakt']['skipped'])}")
    if not isinstance(results.get("presidio"), dict) and results.get("presidio"):
        lines.append(f"\npresidio: {results['presidio']}")
    lines.append(
        "\nPresidio: default recognisers; with no Norwegian id or account recogniser, any identifier-like"
        " entity over such a number counts as found, and in plain sentences as a false alarm."
    )
    return "\n".join(lines)
