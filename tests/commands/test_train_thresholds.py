"""`somevakt train thresholds`: the comment classifier's thresholds chosen by the decisions they lead
to on the dev triage sets, never harder on threats and hate, never on a set that is trained on or held
out, and written into the model's meta so the analysers judge with them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from somevakt.analysis import classifier
from somevakt.analysis.base import Document
from somevakt.analysis.models import model_path
from somevakt.cli import main
from somevakt.policy.engine import evaluate_many
from somevakt.policy.evaluation import LabelledItem
from somevakt.policy.packs import list_packs, load_pack
from somevakt.policy.threshold_choice import choose_thresholds

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
SLUGS = sorted(list_packs())
# Complaints and praise near the complaint and praise thresholds, and a plain complaint the shipped
# model scores just over its threat threshold (0.17 against 0.16).
TEXTS = [
    "Fakturaen for feiing står som ubetalt, men jeg betalte den 2. mai",
    "Medlemskortet på svømmehallen virker ikke i porten",
    "Fint å se at det skjer noe i sentrum igjen!",
    "Kjempefin tur i lysløypa i kveld, løypemaskinen har vært der.",
    "Wifi på biblioteket har vært nede i en uke, kan dere fikse det?",
]
# (0.9.0 hears a threat, 0.27, in one's own hands; "Bussen kom ikke i dag heller", 0.17, was the example
# until session 20's floor for a threat with no sign of harm dropped it)
NOT_A_THREAT = "Jeg tar saken i egne hender og strør trappa selv, siden ingen fra kommunen kommer."


def _decisions(
    texts: list[str], alone: dict[str, float], with_rule: dict[str, float]
) -> list[dict[str, str]]:
    with classifier.thresholds_tried(alone, with_rule):
        by_slug = {slug: evaluate_many(texts, "comment", load_pack(slug)) for slug in SLUGS}
    return [{slug: by_slug[slug][i].action for slug in SLUGS} for i in range(len(texts))]


def _accept(actions: dict[str, str]) -> dict[str, list[str]]:
    return {slug: [action] for slug, action in actions.items()}


def _item(ident: str, text: str, actions: dict[str, str]) -> LabelledItem:
    return LabelledItem(ident, text, "comment", {slug: frozenset({a}) for slug, a in actions.items()})


def test_trying_thresholds_changes_what_the_analysers_decide_and_then_restores_them() -> None:
    alone, with_rule = classifier.shipped_thresholds()
    shipped = _decisions([NOT_A_THREAT], alone, with_rule)[0]
    assert shipped["batsfjord"] == "delete"  # the false alarm the guard below keeps
    harder = dict(alone, threat=0.5)
    assert _decisions([NOT_A_THREAT], harder, with_rule)[0]["batsfjord"] == "reply"
    judged = classifier.judgement(Document(NOT_A_THREAT, "comment"))
    assert judged is not None and judged.thresholds == alone


def test_it_moves_a_threshold_towards_the_labels_and_never_raises_threat_or_hate() -> None:
    alone, with_rule = classifier.shipped_thresholds()
    lower = dict(alone, complaint=alone["complaint"] / 2, praise=alone["praise"] / 2)
    now, moved = _decisions(TEXTS, alone, with_rule), _decisions(TEXTS, lower, with_rule)
    # a set whose writers read these texts as the lower thresholds do
    differ = [i for i in range(len(TEXTS)) if now[i] != moved[i]]
    assert differ, "some text must lie between the shipped and the halved thresholds"
    items = [_item(f"t{i}", TEXTS[i], moved[i]) for i in range(len(TEXTS))]
    # ...and that says the plain complaint is to be answered, not deleted as a threat
    items.append(_item("bus", NOT_A_THREAT, dict.fromkeys(SLUGS, "reply")))
    choice = choose_thresholds({"probe": items}, steps=(0.5, 2.0), rounds=1)
    assert choice.right_after["probe"] > choice.right_before["probe"]
    assert {step.label for step in choice.steps} & {"complaint", "praise"}
    assert all(step.gain >= 3 for step in choice.steps)
    assert choice.thresholds["threat"] <= alone["threat"]
    assert choice.rule_thresholds["threat"] <= with_rule["threat"]
    assert choice.thresholds["hate"] <= alone["hate"]
    assert _decisions([NOT_A_THREAT], choice.thresholds, choice.rule_thresholds)[0]["batsfjord"] == "delete"


@pytest.mark.parametrize(
    "path",
    [
        CORPUS / "challenge" / "challenge_y.jsonl",  # held out
        CORPUS / "challenge" / "challenge_a.jsonl",  # training data
        CORPUS / "own" / "own_texts.jsonl",  # trains the own-text models
    ],
)
def test_it_refuses_a_set_that_is_not_a_dev_set(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    meta = (model_path("comments") / "meta.json").read_bytes()
    argv = ["train", "thresholds", "--data", str(CORPUS / "challenge" / "challenge_d.jsonl")]
    assert main([*argv, "--choose-on", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and ("not a dev set" in err or "training data" in err)
    assert (model_path("comments") / "meta.json").read_bytes() == meta


def test_it_writes_the_chosen_thresholds_into_a_copy_of_the_package(tmp_path: Path) -> None:
    shipped_meta = (model_path("comments") / "meta.json").read_bytes()
    package = tmp_path / "somevakt"
    shutil.copytree(ROOT / "somevakt", package, ignore=shutil.ignore_patterns("__pycache__", "static"))
    alone, with_rule = classifier.shipped_thresholds()
    lower = dict(alone, complaint=alone["complaint"] / 2, praise=alone["praise"] / 2)
    moved = _decisions(TEXTS, lower, with_rule)
    dev = tmp_path / "names_dev.jsonl"
    dev.write_text(
        "".join(
            json.dumps(
                {"id": f"t{i}", "text": t, "kind": "comment", "accept": {s: [moved[i][s]] for s in SLUGS}}
            )
            + "\n"
            for i, t in enumerate(TEXTS)
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-m", "somevakt.cli", "train", "thresholds", "--data", str(dev)],
        env=env,
        cwd=tmp_path,  # `-m` puts the working directory first on the path: the copy, not the checkout
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    written = package / "analysis" / "models" / "comments" / "meta.json"
    meta = json.loads(written.read_text(encoding="utf-8"))
    record = meta["somevakt_threshold_choice"]
    assert record["chosen_on"] == ["names_dev.jsonl"]
    assert sum(record["right_after"].values()) > sum(record["right_before"].values())
    assert meta["somevakt_thresholds"] != {k: round(v, 4) for k, v in alone.items()}
    assert meta["somevakt_thresholds"]["threat"] <= alone["threat"]
    # the checkout's own model is untouched
    assert (model_path("comments") / "meta.json").read_bytes() == shipped_meta
    assert written.read_bytes() != shipped_meta
