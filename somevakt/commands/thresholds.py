"""`somevakt train thresholds --data DEV.jsonl --choose-on DEV.jsonl ...`: the shipped comment model's
thresholds chosen again by the decisions they lead to on the dev triage sets
(`policy.threshold_choice`), written into its meta.

Only the dev sets may be chosen on: a challenge file that is training data or held out is refused by
name, and so are the own-text sets that train the own-text models.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from somevakt.analysis.training.errors import DataError


def choose(
    data: Path, more: list[Path], calibration: list[Path], negatives: Path | None, models_dir: Path | None
) -> Path:
    from somevakt.analysis.classifier import MODEL
    from somevakt.analysis.models import MODELS_DIR, VERSIONS, model_path
    from somevakt.analysis.training import comments
    from somevakt.analysis.training.build import (
        MAX_CALIBRATION_FLAGS,
        MAX_REVIEW_FLAGS,
        calibration_reviews,
        rewrite_thresholds,
    )
    from somevakt.analysis.training.owntexts import TRIAGE_TRAINING
    from somevakt.policy.evaluation import read_triage_file
    from somevakt.policy.threshold_choice import Clean, choose_thresholds

    if models_dir is not None and models_dir.resolve() != MODELS_DIR.resolve():
        # the decisions are made by the analysers, which read the shipped model only
        raise DataError("--models-dir: thresholds are chosen for the shipped comment model only")
    files = [data, *more]
    sets = {}
    for path in files:
        _check_dev_file(path, comments.CHALLENGE_DEV, TRIAGE_TRAINING)
        read = read_triage_file(path)
        if read.errors:
            first = read.errors[0]
            raise DataError(f"{path}:{first['line']}: {first['error']}")
        if path.stem in sets:
            raise DataError(f"{path}: named twice")
        sets[path.stem] = read.items
    clean = []
    if calibration:
        texts = [c.text for path in calibration for c in comments.read_calibration(path)]
        clean.append(Clean(texts, MAX_CALIBRATION_FLAGS))
    if negatives is not None:
        if not negatives.is_file():
            raise DataError(f"--negatives {negatives}: no such file")
        clean.append(Clean(calibration_reviews(negatives), MAX_REVIEW_FLAGS))
    choice = choose_thresholds(sets, clean)
    record = {
        "chosen_on": [path.name for path in files],
        "right_before": choice.right_before,
        "right_after": choice.right_after,
        "decisions": choice.decisions,
        "steps": [asdict(step) for step in choice.steps],
    }
    folder = model_path(MODEL)
    rewrite_thresholds(folder, choice.thresholds, choice.rule_thresholds, record)
    before, after = sum(choice.right_before.values()), sum(choice.right_after.values())
    print(json.dumps({"version": VERSIONS[MODEL], **record}, ensure_ascii=False))
    print(f"decisions right on the dev sets: {before} -> {after} of {choice.decisions}")
    return folder


def _check_dev_file(path: Path, dev: tuple[str, ...], own_training: tuple[str, ...]) -> None:
    if not path.is_file():
        raise DataError(f"{path}: no such file")
    if path.name.startswith("challenge_") and path.name not in dev:
        raise DataError(
            f"{path}: not a dev set (only {', '.join(dev)} are chosen on; the other challenge files are"
            " training data or held out)"
        )
    if path.name in own_training:
        raise DataError(f"{path}: training data for the own-text models, not a dev set")
