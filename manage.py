#!/usr/bin/env python
"""Django's manage.py, for habit and tools; `somevakt` (the console script) does the same."""

import sys

from somevakt.cli import run_django

if __name__ == "__main__":
    sys.exit(run_django(sys.argv))
