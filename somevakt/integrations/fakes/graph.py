"""A fake Meta Graph API: pages with posts and comments, Instagram accounts with media and
comments, and the moderation calls somevakt makes, in the Graph API's own formats.

    with FakeGraph() as graph:
        graph.add_comment("PAGE", "PAGE_POST", "POST_C1", "Hei!")
        # point META_GRAPH_URL at graph.url
"""

from __future__ import annotations

import itertools
import secrets
from datetime import UTC, datetime
from typing import Any

from somevakt.integrations.fakes.server import FakeServer, Request, Response

VERSION_PREFIX = "v"
DEFAULT_TOKEN = "fake-page-token"  # noqa: S105 - a token the fake accepts, nothing else


def graph_time(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


def error(code: int, message: str, type_: str, *, subcode: int | None = None, status: int = 400) -> Response:
    body: dict[str, Any] = {
        "message": message,
        "type": type_,
        "code": code,
        "fbtrace_id": secrets.token_hex(8),
    }
    if subcode is not None:
        body["error_subcode"] = subcode
    return Response(status, {"error": body})


def transient_error() -> Response:
    return error(2, "An unexpected error has occurred. Please retry your request later.", "OAuthException")


def rate_limited() -> Response:
    return error(32, "Page request limit reached", "OAuthException")


def token_expired() -> Response:
    return error(190, "Error validating access token: Session has expired.", "OAuthException", subcode=463)


def server_error() -> Response:
    return Response(500, None)


class FakeGraph(FakeServer):
    def __init__(self, tokens: tuple[str, ...] = (DEFAULT_TOKEN,)) -> None:
        super().__init__()
        self.tokens = set(tokens)
        self.feeds: dict[str, list[str]] = {}  # page id -> post ids, newest first
        self.media: dict[str, list[str]] = {}  # instagram account id -> media ids, newest first
        self.posts: dict[str, dict[str, Any]] = {}  # post or media id -> object
        self.comments: dict[str, dict[str, Any]] = {}
        self.instagram_comments: set[str] = set()
        self._ids = itertools.count(900_000_001)

    # Building the world -------------------------------------------------------------

    def add_post(self, page_id: str, post_id: str, permalink: str = "") -> None:
        if post_id not in self.posts:
            self.feeds.setdefault(page_id, []).insert(0, post_id)
            self.posts[post_id] = {
                "id": post_id,
                "permalink_url": permalink or f"https://www.facebook.com/{post_id}",
                "owner": page_id,
            }

    def add_comment(
        self,
        page_id: str,
        post_id: str,
        comment_id: str,
        message: str,
        *,
        author: tuple[str, str] = ("5550001", "Kari Nordmann"),
        created: datetime | None = None,
        parent_id: str = "",
    ) -> None:
        self.add_post(page_id, post_id)
        self.comments[comment_id] = {
            "id": comment_id,
            "message": message,
            "from": {"id": author[0], "name": author[1]},
            "created_time": graph_time(created or datetime.now(UTC)),
            "permalink_url": f"https://www.facebook.com/{post_id}?comment_id={comment_id}",
            "post": post_id,
            "parent": parent_id,
            "is_hidden": False,
        }

    def add_media(self, account_id: str, media_id: str) -> None:
        if media_id not in self.posts:
            self.media.setdefault(account_id, []).insert(0, media_id)
            self.posts[media_id] = {
                "id": media_id,
                "permalink": f"https://www.instagram.com/p/{media_id}/",
                "owner": account_id,
            }

    def add_instagram_comment(
        self,
        account_id: str,
        media_id: str,
        comment_id: str,
        text: str,
        *,
        author: tuple[str, str] = ("17841400000999", "kari.nordmann"),
        created: datetime | None = None,
        parent_id: str = "",
    ) -> None:
        self.add_media(account_id, media_id)
        self.instagram_comments.add(comment_id)
        self.comments[comment_id] = {
            "id": comment_id,
            "text": text,
            "username": author[1],
            "from": {"id": author[0], "username": author[1]},
            "timestamp": graph_time(created or datetime.now(UTC)),
            "post": media_id,
            "parent": parent_id,
            "hidden": False,
        }

    # Answering ------------------------------------------------------------------------

    def route(self, request: Request) -> Response:
        auth = request.headers.get("authorization", "")
        token = (
            auth.removeprefix("Bearer ").strip()
            if auth.startswith("Bearer ")
            else request.param("access_token")
        )
        if token not in self.tokens:
            return error(190, "Invalid OAuth access token - Cannot parse access token", "OAuthException")
        parts = request.path.strip("/").split("/")
        if len(parts) < 2 or not parts[0].startswith(VERSION_PREFIX):
            return error(2500, "Unknown path components", "OAuthException")
        node, edge = parts[1], (parts[2] if len(parts) > 2 else "")
        handler = getattr(self, f"_{request.method.lower()}_{edge or 'node'}", None)
        if handler is None:
            return error(100, f"Unknown path components: /{edge}", "OAuthException")
        response: Response = handler(node, request)
        return response

    def _unknown(self, node: str) -> Response:
        return error(
            100,
            f"Unsupported request. Object with ID '{node}' does not exist, cannot be loaded due to missing "
            "permissions, or does not support this operation.",
            "GraphMethodException",
            subcode=33,
        )

    def _get_feed(self, node: str, request: Request) -> Response:
        if node not in self.feeds:
            return self._unknown(node)
        return self._page(
            [{"id": p, "permalink_url": self.posts[p]["permalink_url"]} for p in self.feeds[node]], request
        )

    def _get_media(self, node: str, request: Request) -> Response:
        if node not in self.media:
            return self._unknown(node)
        rows = [
            {"id": m, "permalink": self.posts[m]["permalink"], "timestamp": graph_time(datetime.now(UTC))}
            for m in self.media[node]
        ]
        return self._page(rows, request)

    def _get_comments(self, node: str, request: Request) -> Response:
        if node not in self.posts:
            return self._unknown(node)
        rows = [c for c in self.comments.values() if c["post"] == node and not c.get("deleted")]
        if node in self.media.get(self.posts[node]["owner"], []):
            # Instagram lists top-level comments on the media; replies hang under their comment.
            rows = [c for c in rows if not c["parent"]]
            rows.sort(key=lambda c: c["timestamp"], reverse=True)
            return self._page([self._instagram_view(c) for c in rows], request)
        if request.param("filter") != "stream":
            rows = [c for c in rows if not c["parent"]]
        rows.sort(key=lambda c: c["created_time"], reverse=request.param("order") == "reverse_chronological")
        return self._page([self._facebook_view(c) for c in rows], request)

    def _facebook_view(self, comment: dict[str, Any]) -> dict[str, Any]:
        view = {k: comment[k] for k in ("id", "message", "from", "created_time", "permalink_url")}
        if comment["parent"]:
            view["parent"] = {"id": comment["parent"]}
        return view

    def _instagram_view(self, comment: dict[str, Any]) -> dict[str, Any]:
        view = {k: comment[k] for k in ("id", "text", "username", "from", "timestamp")}
        if comment["parent"]:
            view["parent_id"] = comment["parent"]
        return view

    def _page(self, rows: list[dict[str, Any]], request: Request) -> Response:
        limit = int(request.param("limit", "25") or 25)
        start = int(request.param("after", "0") or 0)
        page = rows[start : start + limit]
        body: dict[str, Any] = {"data": page}
        if page:
            body["paging"] = {"cursors": {"before": str(start), "after": str(start + len(page))}}
            if start + len(page) < len(rows):
                body["paging"]["next"] = f"{self.url}{request.path}?after={start + len(page)}"
        return Response(200, body)

    def _post_comments(self, node: str, request: Request) -> Response:
        return self._reply(node, request, instagram=False)

    def _post_replies(self, node: str, request: Request) -> Response:
        return self._reply(node, request, instagram=True)

    def _reply(self, node: str, request: Request, *, instagram: bool) -> Response:
        target = self.comments.get(node) or self.posts.get(node)
        if target is None or target.get("deleted") or (node in self.instagram_comments) != instagram:
            return self._unknown(node)
        message = request.param("message")
        if not message:
            return error(100, "(#100) The parameter message is required", "OAuthException")
        post_id = target.get("post", node)
        new_id = f"{post_id.split('_')[-1]}_{next(self._ids)}"
        owner = self.posts[post_id]["owner"]
        if instagram:
            self.instagram_comments.add(new_id)
            self.comments[new_id] = {
                "id": new_id,
                "text": message,
                "username": "kommunen",
                "from": {"id": owner, "username": "kommunen"},
                "timestamp": graph_time(datetime.now(UTC)),
                "post": post_id,
                "parent": node,
                "hidden": False,
            }
        else:
            self.comments[new_id] = {
                "id": new_id,
                "message": message,
                "from": {"id": owner, "name": "Kommunen"},
                "created_time": graph_time(datetime.now(UTC)),
                "permalink_url": "",
                "post": post_id,
                "parent": node if node in self.comments else "",
                "is_hidden": False,
            }
        return Response(200, {"id": new_id})

    def _post_node(self, node: str, request: Request) -> Response:
        comment = self.comments.get(node)
        if comment is None or comment.get("deleted"):
            return self._unknown(node)
        flag = "hide" if node in self.instagram_comments else "is_hidden"
        value = request.param(flag)
        if value not in ("true", "false"):
            return error(100, f"(#100) The parameter {flag} is required", "OAuthException")
        comment["hidden" if flag == "hide" else "is_hidden"] = value == "true"
        return Response(200, {"success": True})

    def _delete_node(self, node: str, request: Request) -> Response:
        comment = self.comments.get(node)
        if comment is None or comment.get("deleted"):
            return self._unknown(node)
        comment["deleted"] = True
        return Response(200, {"success": True})

    # For assertions ---------------------------------------------------------------------

    def replies_to(self, comment_id: str) -> list[str]:
        return [
            c.get("message", c.get("text", "")) for c in self.comments.values() if c["parent"] == comment_id
        ]

    def is_hidden(self, comment_id: str) -> bool:
        comment = self.comments[comment_id]
        return bool(comment.get("is_hidden") or comment.get("hidden"))

    def is_deleted(self, comment_id: str) -> bool:
        return bool(self.comments[comment_id].get("deleted"))
