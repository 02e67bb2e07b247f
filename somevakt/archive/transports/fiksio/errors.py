"""The one shape of the Fiks IO path's failures that a page explains to the reader."""

from __future__ import annotations


class FiksIOError(Exception):
    """A failure on the Fiks IO path. `kind` names it so that a page (`ping`) can say it in the
    reader's language ("" when it has no name there); `detail` is the technical part as it came
    (an errno text, a server's own words), appended untranslated."""

    def __init__(self, message: str, kind: str = "", detail: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.detail = detail
