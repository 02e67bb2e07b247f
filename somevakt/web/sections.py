"""The shell's sections: one per domain app, each mounted at `/<municipality>/<path>/`.

A section whose app has a `urls.py` (with `app_name` equal to the section key and a view
named `index`) is served by that app; until then the shell shows a page saying what will
be there. So a domain app plugs in by adding its `urls.py`; this list does not change.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    key: str  # URL namespace
    path: str  # URL segment after the municipality slug
    module: str  # the domain app's URL module, used once it exists
    label: Promise
    description: Promise


SECTIONS: tuple[Section, ...] = (
    Section(
        "inbox",
        "innboks",
        "somevakt.inbox.urls",
        _("Inbox"),
        _(
            "Comments and messages to the municipality's official accounts, triaged by the "
            "municipality's own guideline, each with its answer deadline, suggested action and "
            "the clauses behind it."
        ),
    ),
    Section(
        "registry",
        "kontoer",
        "somevakt.registry.urls",
        _("Accounts"),
        _(
            "The municipality's official accounts: who is responsible for each, the plan the "
            "guideline asks for before an account is created, its approval, and temporary closures."
        ),
    ),
    Section(
        "publishing",
        "publisering",
        "somevakt.publishing.urls",
        _("Publishing"),
        _(
            "Drafts for the official accounts, checked against the guideline before they are "
            "published: website first, consent for photos, and the crisis lock."
        ),
    ),
    Section(
        "crisis",
        "krise",
        "somevakt.crisis.urls",
        _("Crisis mode"),
        _(
            "Crisis mode: declared by crisis management, shown on every page while it lasts; only "
            "crisis management and those they instruct speak for the municipality, and a report "
            "lists what was published, answered and escalated during it."
        ),
    ),
    Section(
        "archive",
        "arkiv",
        "somevakt.archive.urls",
        _("Archive"),
        _(
            "What must be archived — inquiries that need case processing, hidden or deleted "
            "content and the replies to them — and its delivery to the municipality's archive."
        ),
    ),
    Section(
        "guidelines",
        "retningslinjer",
        "somevakt.guidelines.urls",
        _("Guidelines"),
        _(
            "The municipality's guideline for social media, clause by clause, and which part of "
            "somevakt carries out each clause."
        ),
    ),
    Section(
        "people",
        "folk",
        "somevakt.people.urls",
        _("People"),
        _(
            "The people of the municipality and their roles and units, employees' self-check "
            "before they post privately, and the yearly review of the guideline."
        ),
    ),
)

BY_KEY = {section.key: section for section in SECTIONS}


def has_own_urls(section: Section) -> bool:
    try:
        return importlib.util.find_spec(section.module) is not None
    except ModuleNotFoundError:
        return False
