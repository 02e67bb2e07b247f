"""Municipalities, their organisation, and who belongs where with which roles."""
