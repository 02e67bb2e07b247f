"""Every platform somevakt speaks to, listed once (DESIGN.md §5); everything else reads this table.

`Account.platform`'s choices, the integrations' adapters, the archive's titles and the docs test
all come from `PLATFORMS`. The adapter is named by its dotted path, not imported: the platform
packages sit above the registry, and `integrations.registry` imports an adapter only when one is
needed (the way healthchecks lists its notification transports).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class PlatformInfo:
    key: str  # stored in Account.platform: never change one
    name: str | Promise  # for people; brand names are not translated
    adapter: str  # "module:Class" of its `integrations.base.Adapter`


PLATFORMS: dict[str, PlatformInfo] = {
    p.key: p
    for p in (
        PlatformInfo("facebook", "Facebook", "somevakt.integrations.facebook.adapter:FacebookAdapter"),
        PlatformInfo("instagram", "Instagram", "somevakt.integrations.instagram.adapter:InstagramAdapter"),
        PlatformInfo("mastodon", "Mastodon", "somevakt.integrations.mastodon.adapter:MastodonAdapter"),
        PlatformInfo("file", _("File import"), "somevakt.integrations.file.adapter:FileAdapter"),
    )
}
