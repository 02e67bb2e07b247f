"""What the analysers' tests share."""

from __future__ import annotations

import pytest

from somevakt.analysis import classifier
from somevakt.analysis.base import Document


def classifier_saying(
    monkeypatch: pytest.MonkeyPatch, scores: dict[str, float], thresholds: dict[str, float] | None = None
) -> None:
    """The comment classifier's verdict on every text replaced by these scores (every other label 0;
    thresholds 0.5 alone, or as given, and 0.1 beside a rule), so that a test says what a rule does
    whatever model ships. Tests of the shipped model's own behaviour never use it."""

    def judgement(doc: Document, model: str = classifier.MODEL) -> classifier.Judgement:
        labels = classifier.LABEL_CODES
        return classifier.Judgement(
            {k: 0.0 for k in labels} | scores,
            {k: 0.5 for k in labels} | (thresholds or {}),
            {k: 0.1 for k in labels},
        )

    monkeypatch.setattr(classifier, "judgement", judgement)
    monkeypatch.setattr(classifier, "carrying_spans", lambda doc, labels, model=classifier.MODEL: {})
    monkeypatch.setattr(classifier, "carrying_spans_many", lambda requests, model=classifier.MODEL: None)


@pytest.fixture
def hears_a_threat_everywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    classifier_saying(monkeypatch, {"threat": 0.9})


@pytest.fixture
def hears_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    classifier_saying(monkeypatch, {})
