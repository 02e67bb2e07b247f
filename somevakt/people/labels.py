"""Words for people in the self-check: finding codes and verdicts (translated; bokmål by default)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from somevakt.policy.labels import CODE_LABELS as FINDING_LABELS

# The one list of finding labels is the core's (the command line shows the same words).
CODE_LABELS = {code: _(label) for code, label in FINDING_LABELS.items()}

VERDICT_LABELS = {
    "ok": _("Looks fine"),
    "revise": _("Consider changing it"),
    "block": _("Do not publish this"),
}
VERDICT_COLORS = {"ok": "success", "revise": "warning", "block": "danger"}


def code_label(code: str) -> str:
    return str(CODE_LABELS.get(code, code))
