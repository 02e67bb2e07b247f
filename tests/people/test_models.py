"""Attestation: one per person, municipality and year."""

from __future__ import annotations

import pytest
from django.db import IntegrityError
from django.utils import timezone

from somevakt.people.models import Attestation


def test_it_keeps_one_attestation_per_person_municipality_and_year(member, municipality) -> None:
    fields = {"person": member, "municipality": municipality, "policy_revision": "abc", "at": timezone.now()}
    Attestation.objects.create(year=2026, **fields)
    Attestation.objects.create(year=2027, **fields)
    with pytest.raises(IntegrityError):
        Attestation.objects.create(year=2026, **fields)
