"""The one error a data reader raises for a user's bad file (the CLI turns it into exit code 2)."""

from __future__ import annotations


class DataError(ValueError):
    """A data file is missing or malformed; the message names the file and the line."""
