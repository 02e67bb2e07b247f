"""The Guidelines section: the municipality's own guideline, clause by clause, for every member."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from somevakt.guidelines import comparison, presentation
from somevakt.policy.packs import PackError, load_pack
from somevakt.policy.schema import Pack
from somevakt.tenants.access import member_required
from somevakt.tenants.models import Municipality


@require_GET
@member_required
def index(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    try:
        pack = load_pack(municipality.policy_pack)
    except PackError as exc:
        # A misconfigured municipality: say so plainly instead of failing the page.
        return render(
            request,
            "guidelines/index.html",
            {"municipality": municipality, "pack_error": str(exc)},
        )
    return render(request, "guidelines/index.html", page_context(request, municipality, pack))


def page_context(request: HttpRequest, municipality: Municipality, pack: Pack) -> dict[str, Any]:
    """What the page shows of `pack` (apart from the view, so a page can be shown for any pack,
    such as one with a clause not built yet now that the four packs have none)."""
    return {
        "municipality": municipality,
        "pack": pack,
        "guideline": pack.guideline,
        "counts": presentation.status_counts(pack),
        "settings": presentation.settings(pack, municipality),
        "sources": presentation.source_files(pack),
        "topics": presentation.topic_groups(pack),
        # The guideline's file names are for administrators; everyone else reads its title.
        "show_files": request.user.is_staff,
        "comparison": comparison.compare(pack.slug),
    }
