"""The demo starts without a crisis but with the people who can declare one (docs/crisis.md)."""

from __future__ import annotations

from somevakt.demo.loader import read_yaml
from somevakt.policy.packs import load_pack


def test_every_demo_municipality_has_someone_its_pack_lets_declare_a_crisis():
    for place in read_yaml("municipalities.yaml")["municipalities"]:
        declared_by = set(load_pack(place["policy_pack"]).roles.crisis.declared_by)
        who = {p["username"] for p in place["people"] if declared_by & set(p["roles"])}
        assert f"{place['slug']}.kommunedirektor" in who and f"{place['slug']}.kriseledelse" in who
        assert (f"{place['slug']}.ordforer" in who) == (place["slug"] == "batsfjord"), place["slug"]
