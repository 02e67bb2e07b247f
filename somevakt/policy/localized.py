"""A text people read, in bokmål, nynorsk and English.

Packs carry their texts (rule reasons, clause summaries, notes, plan questions) in all three
languages, and the engine gives its own reasons the same way (`from_catalogue`, read from the
project's translation catalogue without Django), so a Decision can be shown in the reader's
language wherever and whenever it is read: on the page by the request's language, on the
command line by `--lang`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from pydantic import BaseModel, ConfigDict, Field, model_validator

from somevakt.policy.labels import LANGUAGES, language_of, translator


class Localized(BaseModel):
    """A text in bokmål, nynorsk and English (all three are required)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    nb: str = Field(min_length=1)
    nn: str = Field(min_length=1)
    en: str = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _all_three(cls, data: object) -> object:
        # A pack written before texts were localized has plain strings: say what is wanted.
        if isinstance(data, str):
            raise ValueError(
                "a text people read is given in all three languages: {nb: ..., nn: ..., en: ...}"
            )
        return data

    def text(self, language: str | None) -> str:
        """The text in `language` ("nb", "nn", "en", or Django's code such as "nb-no"); bokmål otherwise."""
        return getattr(self, language_of(language))

    def as_dict(self) -> dict[str, str]:
        return {code: getattr(self, code) for code in LANGUAGES}


Param = str | Localized | Callable[[str], str]


def from_catalogue(message: str, params: Mapping[str, Param] | None = None) -> Localized:
    """`message` (an English msgid) translated into each language, with `params` filled in: a
    parameter is a plain value, a Localized, or a function of the language code."""
    texts = {}
    for code in LANGUAGES:
        values = {key: _param(value, code) for key, value in (params or {}).items()}
        translated = translator(code).gettext(message)
        texts[code] = translated % values if values else translated
    return Localized(**texts)


def _param(value: Param, code: str) -> str:
    if isinstance(value, Localized):
        return value.text(code)
    if callable(value):
        return value(code)
    return value


def stored_reasons(record: Mapping[str, object], language: str | None) -> list[str]:
    """The reasons of a stored decision (`Decision.to_record()`) in `language`. A decision
    stored before reasons were localized has only its bokmål `reasons`, which are shown as
    they are."""
    texts = record.get("reason_texts")
    if isinstance(texts, list):
        return [Localized(**t).text(language) for t in texts if isinstance(t, dict)]
    reasons = record.get("reasons")
    return [str(r) for r in reasons] if isinstance(reasons, list) else []
