"""Sections that the apps above the registry add to an account's page.

The registry does not know the apps that build on it; they register a panel in their
`ready()` (the integrations show the platform calls that failed), and the account page
renders each panel's template with the context it gives for the account.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from somevakt.registry.models import Account


@dataclass(frozen=True)
class AccountPanel:
    name: str
    template: str
    context: Callable[[Account], dict[str, Any]]


_panels: dict[str, AccountPanel] = {}


def register_account_panel(panel: AccountPanel) -> None:
    """Add a panel to every account page; registering a name again replaces it."""
    _panels[panel.name] = panel


def panels_for(account: Account) -> list[tuple[str, dict[str, Any]]]:
    """(template, context) of each registered panel, in the order they were registered."""
    return [(panel.template, panel.context(account)) for panel in _panels.values()]
