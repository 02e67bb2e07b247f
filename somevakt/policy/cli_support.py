"""What the core commands (`check`, `due`, `policy`) share: one-line errors, exit code 2, stdin."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """A user's mistake: printed as one line on stderr, exit code 2."""


class Parser(argparse.ArgumentParser):
    """argparse that reports a mistake in one line (no usage dump) and never exits by itself."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            print(message, file=sys.stderr, end="")
        raise SystemExit(status)


def fail(prog: str, message: str) -> int:
    print(f"{prog}: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def read_stdin_bytes(limit: int) -> bytes:
    """Up to `limit` + 1 bytes, so a caller can tell that the input was too long without reading it all."""
    data = sys.stdin.buffer.read(limit + 1)
    return data


def decode_utf8(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{what} is not valid UTF-8 (byte {exc.start})") from None
