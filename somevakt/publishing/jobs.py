"""Publishing's periodic job, run by `somevakt worker`; `ready()` imports this module to register it."""

from __future__ import annotations

import datetime as dt
import logging

from somevakt.jobs.periodic import periodic
from somevakt.publishing.services import due_posts, publish, sweep_interrupted

log = logging.getLogger(__name__)


@periodic("publishing.due_posts", every=dt.timedelta(minutes=1))
def publish_due() -> None:
    """Publish every scheduled post whose time has come (one post's failure is its own), and
    mark failed what a dead worker left half sent."""
    sweep_interrupted()
    for post_id in due_posts():
        try:
            publish(post_id)
        except Exception:
            log.exception("publishing post %s failed", post_id)
