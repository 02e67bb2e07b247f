"""System checks of the web shell (stable ids: somevakt.W0xx)."""

from __future__ import annotations

from pathlib import Path

from django.core.checks import CheckMessage, Warning, register

VENDOR = Path(__file__).resolve().parent.parent / "static" / "vendor"
REQUIRED = ("designsystemet.css", "designsystemet-theme-digdir.css", "htmx.min.js", "inter/inter.css")


def assets_check(vendor: Path) -> list[CheckMessage]:
    missing = [name for name in REQUIRED if not (vendor / name).is_file()]
    if not missing:
        return []
    return [
        Warning(
            f"front-end assets are not built ({missing[0]} is missing): pages will have no styling",
            hint="run `make install` (npm ci, then scripts/build_assets.py)",
            id="somevakt.W001",
        )
    ]


@register()
def front_end_assets(app_configs, **kwargs) -> list[CheckMessage]:
    return assets_check(VENDOR)
