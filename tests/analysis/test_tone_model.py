"""The shipped sentiment model scores above a floor on a sample of NoReC_sentence dev."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from somevakt.analysis.models import VERSIONS, load
from somevakt.analysis.training.evaluation import evaluate_sentiment

pytestmark = pytest.mark.slow  # loads the sentiment model and scores it on NoReC dev

NOREC = Path(__file__).resolve().parents[3] / "shared" / "data" / "norec_sentence"


def test_it_ships_the_model_with_its_version() -> None:
    nlp = load("sentiment")
    assert nlp.meta["version"] == VERSIONS["sentiment"]
    assert set(nlp.get_pipe("textcat").labels) == {"Positive", "Negative", "Neutral"}


@pytest.mark.skipif(
    not NOREC.is_dir(), reason="NoReC_sentence data (../shared/data/norec_sentence) is not present"
)
def test_it_scores_above_a_floor_on_a_dev_sample(tmp_path: Path) -> None:
    items = json.loads((NOREC / "dev.json").read_text(encoding="utf-8"))[:700]
    sample = tmp_path / "sample.json"
    sample.write_text(json.dumps(items), encoding="utf-8")
    result = evaluate_sentiment(sample)
    assert result["macro_f1"] > 0.45
    assert result["accuracy"] > 0.55
