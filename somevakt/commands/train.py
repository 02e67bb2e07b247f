"""`somevakt train ner|sentiment|comments|owntexts|confidential|vectors|pretrain --data PATH`: rebuild a
shipped model.

ner, sentiment, comments, owntexts and confidential write `somevakt/analysis/models/<kind>/`
(comments and owntexts from our own corpus, `corpus/comments`; confidential from
`corpus/confidential`); vectors builds floret subword
vectors from plain Norwegian text for `--vectors`; pretrain trains a config's tok2vec on plain
text for `--init-tok2vec`. Checkpoints go to `--work-dir` (./training).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from somevakt.analysis.models import SINGLE_THREADED
from somevakt.analysis.training.errors import DataError
from somevakt.analysis.training.selftrain import SelfTraining


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"somevakt train: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="somevakt train", description="Rebuild a shipped model from its training data.")
    parser.add_argument(
        "kind",
        choices=(
            "ner",
            "sentiment",
            "comments",
            "owntexts",
            "confidential",
            "vectors",
            "pretrain",
            "thresholds",
        ),
    )
    parser.add_argument(
        "--data",
        type=Path,
        required=True,
        help="NorNE folder, NoReC_sentence folder, comment corpus folder (comments; owntexts reads its"
        " voices_own_texts*.jsonl), corpus/confidential (confidential), text .gz, or a dev triage set"
        " (thresholds)",
    )
    parser.add_argument("--work-dir", type=Path, default=Path("training"), help="corpora and checkpoints")
    parser.add_argument("--models-dir", type=Path, default=None, help="where to ship (default: the package)")
    parser.add_argument("--vectors", type=Path, default=None, help="spaCy floret vectors folder")
    parser.add_argument("--config", type=Path, default=None, help="spaCy config (default: the committed one)")
    parser.add_argument(
        "--init-tok2vec", type=Path, default=None, help="pretrained tok2vec weights (`train pretrain`)"
    )
    parser.add_argument(
        "--resume", type=Path, default=None, help="pretrain: go on from a model-step<N>.bin of an earlier run"
    )
    parser.add_argument("--max-steps", type=int, default=None)
    parser.add_argument(
        "--save-every", type=int, default=1000, help="pretrain: save the weights every N steps"
    )
    parser.add_argument(
        "--limit", type=int, default=0, help="training items per file (a quick model); pretrain: lines"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-balance", action="store_true", help="sentiment: no class balancing")
    parser.add_argument(
        "--self-train",
        type=Path,
        default=None,
        metavar="TEXT",
        help="sentiment: add sentences of this plain text (.gz) labelled by --teacher",
    )
    parser.add_argument(
        "--teacher", default=None, help="sentiment: the model folder that labels --self-train text"
    )
    parser.add_argument(
        "--negative-text",
        type=Path,
        default=None,
        metavar="TEXT",
        help="comments: plain review text (.gz) whose lines are added as non-abuse too",
    )
    parser.add_argument(
        "--negatives",
        type=Path,
        default=None,
        help="comments, confidential: NoReC_sentence .json whose sentences (the training half) are added"
        " as non-abuse, or as texts telling no confidential matter",
    )
    parser.add_argument(
        "--also-challenge",
        type=Path,
        nargs="+",
        default=[],
        metavar="FILE",
        help="comments, confidential: challenge files that are training data too (corpus/challenge/"
        "challenge_a.jsonl to challenge_c.jsonl, challenge_e.jsonl to challenge_m.jsonl and"
        " challenge_q.jsonl to challenge_t.jsonl; their comments' codes become labels for comments, their"
        " replies' and private posts' confidential.case_details for"
        " confidential; split by the corpus's hash; challenge_d, challenge_n to challenge_p, challenge_u"
        " and challenge_v are the dev sets for choices, the others are held out)",
    )
    parser.add_argument(
        "--calibrate-on",
        type=Path,
        nargs="+",
        default=[],
        metavar="FILE",
        help="comments: files of texts known to carry no abuse (corpus/calibration/*.jsonl), never"
        " trained on: the thresholds may flag at most 1 %% of them per abuse label",
    )
    parser.add_argument(
        "--also-triage",
        type=Path,
        nargs="+",
        default=[],
        metavar="FILE",
        help="owntexts, confidential: own-text triage sets that are training data too (corpus/own/"
        "own_texts.jsonl and own_texts_blind.jsonl; their replies' and posts' style.irony and"
        " style.own_opinion become labels, and confidential.case_details for confidential)",
    )
    parser.add_argument(
        "--choose-on",
        type=Path,
        nargs="+",
        default=[],
        metavar="FILE",
        help="thresholds: more dev triage sets (challenge_d, n to p, u and v, the own-text"
        " probes) on which, with --data, the shipped comment model's thresholds are chosen by decisions",
    )
    parser.add_argument(
        "--select-on",
        type=float,
        default=0.0,
        metavar="SHARE",
        help="ner: hold out this share of the train sentences (fixed by their words) and choose the"
        " best checkpoint on it instead of on the dev split, which is then not read (e.g. 0.1)",
    )
    parser.add_argument("--dim", type=int, default=100, help="vectors: dimensions")
    parser.add_argument("--bucket", type=int, default=50000, help="vectors: hash buckets")
    parser.add_argument(
        "--set", action="append", default=[], metavar="KEY=VALUE", help="spaCy config override"
    )
    return parser


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    # One process at a time on a shared machine, and a run that its command and seed repeat to the
    # byte: no thread pools, whatever the shell says (set before numpy loads; see docs/models.md,
    # *Rebuilding the models*).
    os.environ.update(SINGLE_THREADED)
    try:
        if args.kind == "vectors":
            from somevakt.analysis.training.vectors import build_vectors

            out = build_vectors(args.data, args.work_dir / "vectors", dim=args.dim, bucket=args.bucket)
        elif args.kind == "thresholds":
            from somevakt.commands.thresholds import choose

            out = choose(args.data, args.choose_on, args.calibrate_on, args.negatives, args.models_dir)
        elif args.kind == "pretrain":
            from somevakt.analysis.training.build import CONFIG_DIR
            from somevakt.analysis.training.pretrain import PretrainOptions, pretrain

            out = pretrain(
                PretrainOptions(
                    data=args.data,
                    work_dir=args.work_dir,
                    config=args.config or CONFIG_DIR / "ner.cfg",
                    vectors=args.vectors,
                    max_steps=args.max_steps or 20000,
                    save_every=args.save_every,
                    limit=args.limit,
                    seed=args.seed,
                    overrides=tuple(_override(item) for item in args.set),
                    resume=args.resume,
                    **({"models_dir": args.models_dir} if args.models_dir else {}),
                )
            )
        else:
            from somevakt.analysis.training.build import TrainOptions
            from somevakt.analysis.training.build import train as run

            if args.resume is not None:
                raise DataError("--resume is for `train pretrain`; ner and sentiment take --init-tok2vec")
            if (args.self_train is None) != (args.teacher is None):
                raise DataError("--self-train TEXT and --teacher MODEL go together")
            if args.self_train is not None and args.kind != "sentiment":
                raise DataError("--self-train is for `train sentiment`")
            if args.negatives is not None and args.kind not in ("comments", "confidential"):
                raise DataError("--negatives is for `train comments` and `train confidential`")
            if args.negatives is not None and not args.negatives.is_file():
                raise DataError(f"--negatives {args.negatives}: no such file")
            if args.negative_text is not None and args.kind != "comments":
                raise DataError("--negative-text is for `train comments`")
            if args.also_challenge and args.kind not in ("comments", "confidential"):
                raise DataError("--also-challenge is for `train comments` and `train confidential`")
            _check_challenge(args.also_challenge)
            if args.calibrate_on and args.kind != "comments":
                raise DataError("--calibrate-on is for `train comments`")
            _check_calibration(args.calibrate_on)
            if args.also_triage and args.kind not in ("owntexts", "confidential"):
                raise DataError("--also-triage is for `train owntexts` and `train confidential`")
            _check_triage(args.also_triage)
            if args.select_on and args.kind != "ner":
                raise DataError("--select-on is for `train ner`")
            if not 0 <= args.select_on < 1:
                raise DataError(
                    f"--select-on takes a share of the train sentences (0 < SHARE < 1), got {args.select_on}"
                )
            options = TrainOptions(
                data=args.data,
                work_dir=args.work_dir,
                vectors=args.vectors,
                init_tok2vec=args.init_tok2vec,
                max_steps=args.max_steps,
                limit=args.limit,
                seed=args.seed,
                config=args.config,
                balance=not args.no_balance,
                self_training=_self_training(args),
                negatives=args.negatives,
                negative_text=args.negative_text,
                challenge=tuple(args.also_challenge),
                calibration=tuple(args.calibrate_on),
                select_on=args.select_on,
                triage=tuple(args.also_triage),
                overrides=tuple(_override(item) for item in args.set),
                **({"models_dir": args.models_dir} if args.models_dir else {}),
            )
            out = run(args.kind, options)
    except DataError as exc:
        print(f"somevakt train: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {out}")
    return 0


def _check_challenge(paths: list[Path]) -> None:
    """Only the challenge files that are training data now; the dev and held-out sets never are."""
    from somevakt.analysis.training.comments import check_challenge_file

    for path in paths:
        check_challenge_file(path, f"--also-challenge {path}")


def _check_calibration(paths: list[Path]) -> None:
    """A calibration file that calibrates nothing (missing, empty, with abuse) is refused before training."""
    if not paths:
        return
    from somevakt.analysis.training.comments import read_calibration

    for path in paths:
        read_calibration(path)


def _check_triage(paths: list[Path]) -> None:
    """Only the own-text sets that are training data; the ones the reply check is measured on never are."""
    from somevakt.analysis.training.owntexts import check_triage_file

    for path in paths:
        check_triage_file(path, f"--also-triage {path}")


def _self_training(args: argparse.Namespace) -> SelfTraining | None:
    if args.self_train is None:
        return None
    from somevakt.analysis.models import load, model_path
    from somevakt.analysis.training.build import KINDS

    teacher = str(args.teacher)
    folder = model_path(teacher) if teacher in KINDS else Path(teacher)
    if not (folder / "meta.json").is_file():
        raise DataError(f"--teacher {teacher}: not a model folder (no meta.json in {folder})")
    if teacher not in KINDS and "/" not in teacher:
        teacher = f"./{teacher}"  # `load` takes a bare name for a shipped model
    if "textcat" not in load(teacher).pipe_names:
        raise DataError(f"--teacher {args.teacher}: not a sentiment model (no textcat)")
    return SelfTraining(text=args.self_train, teacher=teacher)


def _override(item: str) -> tuple[str, object]:
    key, sep, value = item.partition("=")
    if not sep or not key:
        raise DataError(f"--set expects KEY=VALUE, got {item!r}")
    import json

    try:
        return key, json.loads(value)
    except ValueError:
        return key, value
