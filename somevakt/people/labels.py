"""Words for people in the self-check: its verdicts (translated; bokmål by default). Finding codes
are named by the core's one table (`policy.labels`)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

VERDICT_LABELS = {
    "ok": _("Looks fine"),
    "revise": _("Consider changing it"),
    "block": _("Do not publish this"),
}
VERDICT_COLORS = {"ok": "success", "revise": "warning", "block": "danger"}
