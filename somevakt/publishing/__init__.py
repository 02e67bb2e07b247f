"""Drafts, checks, media, consents, crisis mode."""
