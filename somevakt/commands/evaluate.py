"""`somevakt eval ner --data FILE.tsv` / `somevakt eval sentiment --data FILE.json`: score a shipped model.

Prints one JSON object (figures are fractions 0-1; an item is a sentence). A missing or
malformed file is a user's mistake: one line on stderr and exit code 2.
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
    parser.add_argument("kind", choices=("ner", "sentiment"))
    parser.add_argument("--data", type=Path, required=True, help="NorNE .tsv (ner) or NoReC_sentence .json")
    parser.add_argument(
        "--model", type=Path, default=None, help="a trained model folder (default: the shipped one)"
    )
    parser.add_argument("--lower", action="store_true", help="score a lower-cased copy (social media style)")
    args = parser.parse_args(argv)
    from somevakt.analysis.models import ModelMissing
    from somevakt.analysis.training.evaluation import evaluate_ner, evaluate_sentiment

    model = str(args.model.resolve()) if args.model else args.kind
    try:
        evaluate = evaluate_ner if args.kind == "ner" else evaluate_sentiment
        result = evaluate(args.data, model, lower=args.lower)
    except (DataError, ModelMissing) as exc:
        print(f"somevakt eval: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result, ensure_ascii=False))
    return 0
