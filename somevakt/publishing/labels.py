"""Words for people: why a post did not reach a platform, in the reader's language."""

from __future__ import annotations

from django.utils.translation import gettext as _


def failure_label(kind: str, platform: str) -> str:
    """Why a post did not go out on `platform`, by the port's failure kinds (inbox.ports.FAILURES)."""
    words = {
        "no_credentials": _(
            "%(platform)s: the account is not connected (somevakt has no access token for it). An "
            "administrator must connect it; then try again."
        ),
        "permission": _(
            "%(platform)s refused somevakt's access: the access token has expired, been revoked or lacks "
            "a permission. An administrator must renew it; then try again."
        ),
        "gone": _("%(platform)s: the post or the account is no longer there."),
        "unavailable": _(
            "%(platform)s did not answer in time (down, slow or too many requests). Try again in a while."
        ),
        "other": _("%(platform)s refused the post. If trying again does not help, ask an administrator."),
    }
    return words.get(kind, words["other"]) % {"platform": platform}
