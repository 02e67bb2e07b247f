"""`somevakt train pretrain` and `train ner --init-tok2vec`: the plumbing, on tiny data (no real training)."""

from __future__ import annotations

import gzip
import logging
from pathlib import Path

import pytest

from somevakt.cli import main
from tests.commands.test_train import _norne, _tiny_vectors

pytestmark = pytest.mark.slow  # pretrains and trains tiny models

TEXT = [
    "Kari Nordmann flyttet til Bergen i fjor og trives godt der .",
    "kommunen svarer ikke på spørsmål om skolen før etter ferien",
    "Ola Hansen mener at biblioteket burde være åpent lenger om kvelden .",
    "Filmen er lang , men den er verdt hver eneste minutt .",
]


def _text(path: Path) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("\n".join(TEXT * 5) + "\n\n")
    return path


def _pretrain(tmp_path: Path, work: str, *extra: str) -> list[str]:
    return [
        "train",
        "pretrain",
        "--data",
        str(_text(tmp_path / "text.txt.gz")),
        "--work-dir",
        str(tmp_path / work),
        "--vectors",
        str(tmp_path / "vectors" if (tmp_path / "vectors").exists() else _tiny_vectors(tmp_path / "vectors")),
        "--set",
        "pretraining.batcher.size=30",
        *extra,
    ]


def test_it_pretrains_and_a_stopped_run_equals_a_shorter_one(tmp_path: Path) -> None:
    assert main(_pretrain(tmp_path, "a", "--max-steps", "3", "--save-every", "1")) == 0
    out = tmp_path / "a" / "pretrain"
    assert [p.name for p in sorted(out.glob("model-step*.bin"))] == [f"model-step{n}.bin" for n in (1, 2, 3)]
    assert (out / "model-last.bin").read_bytes() == (out / "model-step3.bin").read_bytes()
    assert (out / "model-step1.bin").read_bytes() != (out / "model-step3.bin").read_bytes()
    assert main(_pretrain(tmp_path, "b", "--max-steps", "1")) == 0
    shorter = tmp_path / "b" / "pretrain" / "model-last.bin"
    assert shorter.read_bytes() == (out / "model-step1.bin").read_bytes()
    # Some lines are lower-cased, the rest kept as written.
    texts = (out / next(p.name for p in out.glob("text-*.jsonl"))).read_text(encoding="utf-8")
    assert '"Kari Nordmann' in texts or '"Ola Hansen' in texts
    assert '"kari nordmann' in texts or '"ola hansen' in texts


def test_it_trains_ner_from_pretrained_weights(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    assert main(_pretrain(tmp_path, "w", "--max-steps", "1")) == 0
    weights = tmp_path / "w" / "pretrain" / "model-last.bin"
    models = tmp_path / "models"
    argv = ["train", "ner", "--data", str(_norne(tmp_path / "norne")), "--work-dir", str(tmp_path / "w")]
    argv += ["--models-dir", str(models), "--vectors", str(tmp_path / "vectors")]
    argv += ["--init-tok2vec", str(weights)]
    with caplog.at_level(logging.INFO, logger="spacy"):
        assert main([*argv, "--max-steps", "2", "--set", "training.eval_frequency=1"]) == 0
    # spaCy skips the weights silently when the config has no [pretraining] block.
    assert f"Loaded pretrained weights from {weights}" in caplog.text
    from thinc.api import Config

    config = Config().from_disk(models / "ner" / "config.cfg", interpolate=False)
    assert config["paths"]["init_tok2vec"] == str(weights)


def test_it_rejects_weights_that_are_not_there(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["train", "ner", "--data", str(_norne(tmp_path / "norne")), "--work-dir", str(tmp_path / "w")]
    assert main([*argv, "--init-tok2vec", str(tmp_path / "nope.bin")]) == 2
    err = capsys.readouterr().err
    assert "nope.bin: no such weights file" in err and err.count("\n") == 1


def test_it_rejects_missing_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["train", "pretrain", "--data", str(tmp_path / "nope.txt.gz"), "--work-dir", str(tmp_path / "w")]
    assert main(argv) == 2
    assert "nope.txt.gz: no such file" in capsys.readouterr().err


def test_it_goes_on_from_a_checkpoint_of_an_earlier_run(tmp_path: Path) -> None:
    assert main(_pretrain(tmp_path, "a", "--max-steps", "2", "--save-every", "1")) == 0
    first = tmp_path / "a" / "pretrain"
    checkpoint = tmp_path / "step2.bin"
    checkpoint.write_bytes((first / "model-step2.bin").read_bytes())
    kept = tmp_path / "kept" / "model-step2.bin"
    kept.parent.mkdir()
    kept.write_bytes(checkpoint.read_bytes())
    argv = _pretrain(tmp_path, "b", "--max-steps", "4", "--save-every", "1", "--resume", str(kept))
    assert main(argv) == 0
    out = tmp_path / "b" / "pretrain"
    # The step count goes on from the checkpoint's, and training moved the weights on from it.
    assert [p.name for p in sorted(out.glob("model-step*.bin"))] == ["model-step3.bin", "model-step4.bin"]
    assert (out / "model-step3.bin").read_bytes() != checkpoint.read_bytes()
    # Nothing to learn (learning rate 0, no running average): it saves exactly the weights it started from.
    frozen = ["--resume", str(kept), "--set", "pretraining.optimizer.learn_rate=0"]
    frozen += ["--set", "pretraining.optimizer.use_averages=false"]
    assert main(_pretrain(tmp_path, "c", "--max-steps", "3", *frozen)) == 0
    assert (tmp_path / "c" / "pretrain" / "model-step3.bin").read_bytes() == checkpoint.read_bytes()


def test_it_rejects_a_resume_that_is_no_checkpoint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "weights.bin"
    odd.write_bytes(b"x")
    assert main(_pretrain(tmp_path, "a", "--resume", str(odd))) == 2
    assert "weights.bin: not a pretraining checkpoint" in capsys.readouterr().err
    done = tmp_path / "model-step50.bin"
    done.write_bytes(b"x")
    assert main(_pretrain(tmp_path, "a", "--resume", str(done), "--max-steps", "50")) == 2
    assert "already at step 50" in capsys.readouterr().err
