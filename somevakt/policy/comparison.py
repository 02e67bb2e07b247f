"""The topic × municipality comparison of every pack (DESIGN.md §1): which clauses each guideline
has on each topic, and the settings that differ most. `somevakt policy compare` prints it and the
guidelines page shows it from one municipality's side."""

from __future__ import annotations

from typing import Any

from somevakt.policy.codes import COMPARE_TOPICS
from somevakt.policy.packs import list_packs, load_pack


def compare_data() -> dict[str, Any]:
    packs = [load_pack(slug) for slug in list_packs()]
    topics = {
        topic: {p.slug: [c.id for c in p.clauses if c.topic == topic] for p in packs}
        for topic, _ in COMPARE_TOPICS
    }
    return {
        "policies": {p.slug: {"name": p.name, "policy_revision": p.revision} for p in packs},
        "topics": topics,
        "settings": {
            p.slug: {
                "working_days": p.response.working_days,
                "sign_with_first_name": p.replies.sign_with_first_name,
                "deletion_grounds": sorted({code for g in p.deletion_grounds for code in g.codes}),
                "political_referral": bool(p.roles.political_referral),
            }
            for p in packs
        },
    }
