"""Instagram professional accounts speak the same Graph API as Facebook pages (see facebook/client.py).

The edges differ: replies go to `/{ig-comment-id}/replies`, hiding is `hide=true`, and a
media object's comments carry `text`, `timestamp` and `username`.
"""

from __future__ import annotations

from somevakt.integrations.facebook.client import GraphClient, graph_error, interpret

__all__ = ["COMMENT_FIELDS", "MEDIA_FIELDS", "GraphClient", "graph_error", "interpret"]

MEDIA_FIELDS = "id,timestamp,permalink"
COMMENT_FIELDS = "id,text,timestamp,username,from,parent_id"
