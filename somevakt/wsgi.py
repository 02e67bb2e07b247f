"""WSGI entry point for gunicorn: `gunicorn somevakt.wsgi`."""

from __future__ import annotations

import os
import sys

from somevakt.config import ConfigError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "somevakt.settings")

try:
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
except ConfigError as exc:
    # One line naming the variable, then stop: a server without valid settings must not start.
    print(f"somevakt: {exc}", file=sys.stderr)
    sys.exit(2)
