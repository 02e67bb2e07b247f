"""Employee self-check, yearly attestations."""
