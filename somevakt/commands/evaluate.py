"""`somevakt eval ner|sentiment|triage --data FILE`: score a shipped model, or the whole triage.

Prints one JSON object (figures are fractions 0-1). For ner and sentiment an item is a
sentence; a missing or malformed file is a user's mistake: one line on stderr and exit code 2.
For triage (`somevakt/policy/evaluation.py`) an item is a labelled comment; malformed lines are
listed under "malformed" and give exit code 2, the rest is still scored.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from somevakt.analysis.training.errors import DataError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"somevakt eval: {message}\n")


def main(argv: list[str]) -> int:
    parser = _Parser(prog="somevakt eval", description="Measure a shipped model on a labelled file.")
    parser.add_argument("kind", choices=("ner", "sentiment", "comments", "triage"))
    parser.add_argument(
        "--data",
        type=Path,
        required=True,
        help="NorNE .tsv (ner), NoReC_sentence .json (sentiment), comment corpus folder (comments)"
        " or labelled comments .jsonl (triage)",
    )
    parser.add_argument(
        "--split", choices=("dev", "test"), default="dev", help="comments: the corpus split to score"
    )
    parser.add_argument(
        "--errors", type=Path, default=None, help="triage: write each misjudged item to this .jsonl"
    )
    parser.add_argument(
        "--model", type=Path, default=None, help="a trained model folder (default: the shipped one)"
    )
    parser.add_argument("--lower", action="store_true", help="score a lower-cased copy (social media style)")
    args = parser.parse_args(argv)
    if args.kind == "triage":
        return _triage(args.data, args.errors)
    if args.errors is not None:
        parser.error("--errors is for `eval triage`")
    from somevakt.analysis.models import ModelMissing
    from somevakt.analysis.training.evaluation import evaluate_ner, evaluate_sentiment

    model = str(args.model.resolve()) if args.model else args.kind
    try:
        if args.kind == "comments":
            from somevakt.analysis.training.evaluation import evaluate_comments

            result = evaluate_comments(args.data, model, split=args.split)
        else:
            evaluate = evaluate_ner if args.kind == "ner" else evaluate_sentiment
            result = evaluate(args.data, model, lower=args.lower)
    except (DataError, ModelMissing) as exc:
        print(f"somevakt eval: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result, ensure_ascii=False))
    return 0


def _triage(data: Path, errors: Path | None) -> int:
    from somevakt.policy.evaluation import by_pattern, read_triage_file, score

    if not data.is_file():
        print(f"somevakt eval: {data}: no such file", file=sys.stderr)
        return 2
    try:
        labelled = read_triage_file(data)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"somevakt eval: {data}: cannot be read ({exc})", file=sys.stderr)
        return 2
    result, misses = score(labelled.items)
    patterns = by_pattern(labelled.items, misses)
    if patterns:
        result["patterns"] = patterns
    if labelled.errors:
        result["malformed"] = labelled.errors
    if errors is not None:
        with errors.open("w", encoding="utf-8") as out:
            for miss in misses:
                out.write(json.dumps(miss.to_dict(), ensure_ascii=False) + "\n")
    print(json.dumps(result, ensure_ascii=False))
    return 2 if labelled.errors else 0
