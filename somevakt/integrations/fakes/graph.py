"""A fake Meta Graph API: pages with posts and comments, Instagram accounts with media and
comments, and the moderation calls somevakt makes, in the Graph API's own formats.

    with FakeGraph() as graph:
        graph.add_comment("PAGE", "PAGE_POST", "POST_C1", "Hei!")
        # point META_GRAPH_URL at graph.url
"""

from __future__ import annotations

import itertools
import json
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

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


def fetch_over_http(url: str) -> tuple[int, str, bytes]:
    try:
        response = httpx.get(url, timeout=5.0, follow_redirects=True)
    except httpx.HTTPError:
        return 0, "", b""
    return response.status_code, response.headers.get("content-type", ""), response.content


class FakeGraph(FakeServer):
    def __init__(
        self,
        tokens: tuple[str, ...] = (DEFAULT_TOKEN,),
        fetch: Callable[[str], tuple[int, str, bytes]] | None = None,
    ) -> None:
        super().__init__()
        self.tokens = set(tokens)
        self.feeds: dict[str, list[str]] = {}  # page id -> post ids, newest first
        self.media: dict[str, list[str]] = {}  # instagram account id -> media ids, newest first
        self.mention_replies: list[dict[str, str]] = []  # answers through the mentions edge
        self.posts: dict[str, dict[str, Any]] = {}  # post or media id -> object
        # page or Instagram account id -> its profile fields (about, description, biography)
        self.profiles: dict[str, dict[str, str]] = {}
        self.comments: dict[str, dict[str, Any]] = {}
        self.instagram_comments: set[str] = set()
        self.visitor_posts: dict[str, list[str]] = {}  # page id -> visitors' post ids, newest first
        # page id -> conversation id ("t_<psid>") -> messages, oldest first
        self.conversations: dict[str, dict[str, list[dict[str, Any]]]] = {}
        self.sent: list[dict[str, Any]] = []  # what the page sent through the Send API
        self.photos: dict[str, dict[str, Any]] = {}  # uploaded page photos by id
        self.containers: dict[str, dict[str, Any]] = {}  # Instagram media containers by id
        self._ids = itertools.count(900_000_001)
        # How Instagram fetches a container's `image_url`: (status, content type, bytes).
        self.fetch: Callable[[str], tuple[int, str, bytes]] = fetch or fetch_over_http

    # Building the world -------------------------------------------------------------

    def add_page(self, page_id: str) -> None:
        """A page with nothing on it yet, which the municipality may publish on."""
        self.feeds.setdefault(page_id, [])

    def add_instagram_account(self, account_id: str) -> None:
        self.media.setdefault(account_id, [])

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

    def add_visitor_post(
        self,
        page_id: str,
        post_id: str,
        message: str,
        *,
        author: tuple[str, str] = ("5550002", "Ola Nordmann"),
        created: datetime | None = None,
    ) -> None:
        """A post someone else wrote on the page (Graph edge `/{page}/visitor_posts`)."""
        self.visitor_posts.setdefault(page_id, []).insert(0, post_id)
        self._written(post_id, message, author, created, owner=page_id)

    def add_post_by_other(
        self,
        post_id: str,
        message: str,
        *,
        author: tuple[str, str] = ("5550003", "Per Hansen"),
        created: datetime | None = None,
    ) -> None:
        """Someone else's post (one that may name the page: a mention), readable by id."""
        self._written(post_id, message, author, created, owner=author[0])

    def _written(
        self, post_id: str, message: str, author: tuple[str, str], created: datetime | None, *, owner: str
    ) -> None:
        self.posts[post_id] = {
            "id": post_id,
            "message": message,
            "from": {"id": author[0], "name": author[1]},
            "created_time": graph_time(created or datetime.now(UTC)),
            "permalink_url": f"https://www.facebook.com/{post_id}",
            "owner": owner,
        }

    def add_message(
        self,
        page_id: str,
        psid: str,
        mid: str,
        text: str,
        *,
        name: str = "Kari Nordmann",
        created: datetime | None = None,
    ) -> None:
        """A Messenger message from a person (page-scoped id `psid`) to the page."""
        self.conversations.setdefault(page_id, {}).setdefault(f"t_{psid}", []).append(
            {
                "id": mid,
                "message": text,
                "from": {"id": psid, "name": name},
                "created_time": graph_time(created or datetime.now(UTC)),
            }
        )

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
        """The page's posts, newest first, with the fields asked for that the post has."""
        if node not in self.feeds:
            return self._unknown(node)
        wanted = {"id", "permalink_url", *(request.param("fields") or "").split(",")}
        keys = ("id", "permalink_url", "message", "created_time", "from")
        rows = [
            {k: self.posts[p][k] for k in keys if k in wanted and k in self.posts[p]}
            for p in self.feeds[node]
            if not self.posts[p].get("deleted")
        ]
        return self._page(rows, request)

    def _get_node(self, node: str, request: Request) -> Response:
        """An object by id (`GET /{id}?fields=...`): a post or a comment, with the fields it has."""
        if node in self.profiles:
            wanted = (request.param("fields") or "").split(",")
            profile = self.profiles[node]
            return Response(200, {"id": node, **{k: profile[k] for k in wanted if k in profile}})
        found = self.posts.get(node) or self.comments.get(node)
        if found is None or found.get("deleted"):
            return self._unknown(node)
        keys = ("id", "message", "caption", "from", "created_time", "permalink_url", "permalink")
        return Response(200, {key: found[key] for key in keys if key in found})

    def _get_visitor_posts(self, node: str, request: Request) -> Response:
        if node not in self.feeds and node not in self.visitor_posts:
            return self._unknown(node)
        keys = ("id", "message", "from", "created_time", "permalink_url")
        return self._page(
            [{k: self.posts[p][k] for k in keys} for p in self.visitor_posts.get(node, [])], request
        )

    def _get_conversations(self, node: str, request: Request) -> Response:
        if node not in self.feeds and node not in self.conversations:
            return self._unknown(node)
        rows = []
        for conversation_id, messages in self.conversations.get(node, {}).items():
            newest_first = sorted(messages, key=lambda m: m["created_time"], reverse=True)
            rows.append(
                {
                    "id": conversation_id,
                    "updated_time": newest_first[0]["created_time"],
                    "messages": {"data": newest_first[:25]},
                }
            )
        rows.sort(key=lambda r: r["updated_time"], reverse=True)
        return self._page(rows, request)

    def _post_messages(self, node: str, request: Request) -> Response:
        """The Send API: `recipient={"id": PSID}`, `message={"text": ...}`, `messaging_type=RESPONSE`."""
        try:
            recipient = json.loads(request.param("recipient") or "{}").get("id", "")
            text = json.loads(request.param("message") or "{}").get("text", "")
        except (ValueError, AttributeError):
            return error(100, "(#100) Param recipient must be a JSON object", "OAuthException")
        conversation = self.conversations.get(node, {}).get(f"t_{recipient}")
        if not conversation:
            return error(100, "(#100) No matching user found", "OAuthException", subcode=2018001)
        last = max(m["created_time"] for m in conversation if m["from"]["id"] == recipient)
        last_at = datetime.strptime(last, "%Y-%m-%dT%H:%M:%S+0000").replace(tzinfo=UTC)
        if datetime.now(UTC) - last_at > timedelta(hours=24):
            return error(
                10,
                "(#10) This message is sent outside of allowed window.",
                "OAuthException",
                subcode=2018278,
            )
        if not text:
            return error(100, "(#100) The parameter message is required", "OAuthException")
        mid = f"m_{next(self._ids)}"
        self.sent.append(
            {"recipient": recipient, "text": text, "messaging_type": request.param("messaging_type")}
        )
        return Response(200, {"recipient_id": recipient, "message_id": mid})

    def _get_media(self, node: str, request: Request) -> Response:
        if node not in self.media:
            return self._unknown(node)
        wanted = {"id", "permalink", "timestamp", *(request.param("fields") or "").split(",")}
        rows = []
        for m in self.media[node]:
            media = self.posts[m]
            if media.get("deleted"):
                continue
            row = {
                "id": m,
                "permalink": media["permalink"],
                "timestamp": media.get("timestamp") or graph_time(datetime.now(UTC)),
                "caption": media.get("caption", ""),
                "is_comment_enabled": media.get("comment_enabled", True),
            }
            rows.append({k: v for k, v in row.items() if k in wanted})
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

    def _post_mentions(self, node: str, request: Request) -> Response:
        """`POST /{ig-user-id}/mentions` (`media_id`, optional `comment_id`, `message`): the
        account answers where it was mentioned, as a comment on the media or a reply."""
        media_id, comment_id, message = (request.param(k) for k in ("media_id", "comment_id", "message"))
        if node not in self.media:
            return self._unknown(node)
        if not media_id or not message:
            return error(100, "(#100) The parameters media_id and message are required", "OAuthException")
        new_id = f"{media_id}_{next(self._ids)}"
        self.mention_replies.append(
            {
                "id": new_id,
                "account": node,
                "media_id": media_id,
                "comment_id": comment_id,
                "message": message,
            }
        )
        return Response(200, {"id": new_id})

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
        if node in self.posts and node not in self.comments:
            return self._update_media(node, request)
        comment = self.comments.get(node)
        if comment is None or comment.get("deleted"):
            return self._unknown(node)
        flag = "hide" if node in self.instagram_comments else "is_hidden"
        value = request.param(flag)
        if value not in ("true", "false"):
            return error(100, f"(#100) The parameter {flag} is required", "OAuthException")
        comment["hidden" if flag == "hide" else "is_hidden"] = value == "true"
        return Response(200, {"success": True})

    def _update_media(self, node: str, request: Request) -> Response:
        """`POST /{ig-media-id}` with `comment_enabled=true|false`: comments on or off on a media.
        A Facebook page post takes no such field (its update edits message, visibility, pinning)."""
        media = self.posts[node]
        if media.get("deleted"):
            return self._unknown(node)
        if node not in self.media.get(media["owner"], []):
            return error(
                100, "(#100) Param comment_enabled is not supported on this object", "OAuthException"
            )
        value = request.param("comment_enabled")
        if value not in ("true", "false"):
            return error(100, "(#100) The parameter comment_enabled is required", "OAuthException")
        media["comment_enabled"] = value == "true"
        return Response(200, {"success": True})

    def comments_enabled(self, media_id: str) -> bool:
        return bool(self.posts[media_id].get("comment_enabled", True))

    def _delete_node(self, node: str, request: Request) -> Response:
        found = self.comments.get(node) or self.posts.get(node)
        if found is None or found.get("deleted"):
            return self._unknown(node)
        found["deleted"] = True
        return Response(200, {"success": True})

    # Publishing the page's and the Instagram account's own posts ------------------------

    def _post_photos(self, node: str, request: Request) -> Response:
        """`POST /{page}/photos`, multipart with the picture as `source`; `published=false`
        uploads it for a feed post's `attached_media`."""
        if node not in self.feeds:
            return self._unknown(node)
        upload = request.files.get("source")
        if upload is None and not request.param("url"):
            return error(324, "(#324) Requires upload file", "OAuthException")
        if upload is not None and not upload[1].startswith("image/"):
            return error(324, "(#324) Missing or invalid image file", "OAuthException")
        photo_id = str(next(self._ids))
        published = request.param("published", "true") != "false"
        self.photos[photo_id] = {
            "id": photo_id,
            "page": node,
            "published": published,
            "alt_text_custom": request.param("alt_text_custom"),
            "caption": request.param("caption"),
            "bytes": upload[2] if upload else b"",
            "content_type": upload[1] if upload else "",
        }
        body: dict[str, Any] = {"id": photo_id}
        if published:
            post_id = f"{node}_{next(self._ids)}"
            self.add_own_post(
                node, post_id, {"message": request.param("caption"), "attached_media": [photo_id]}
            )
            body["post_id"] = post_id
        return Response(200, body)

    def _post_feed(self, node: str, request: Request) -> Response:
        """`POST /{page}/feed` with `message`, `link` and `attached_media[i]={"media_fbid": ...}`."""
        if node not in self.feeds:
            return self._unknown(node)
        attached = []
        for key, value in request.fields:
            if key.startswith("attached_media["):
                try:
                    photo_id = str(json.loads(value)["media_fbid"])
                except (ValueError, KeyError, TypeError):
                    return error(
                        100, "(#100) param attached_media must be an array of objects", "OAuthException"
                    )
                photo = self.photos.get(photo_id)
                if photo is None or photo["page"] != node or photo["published"]:
                    return error(100, f"(#100) Invalid media_fbid {photo_id}", "OAuthException")
                attached.append(photo_id)
        message, link = request.param("message"), request.param("link")
        if not (message or link or attached):
            return error(
                100, "(#100) The parameter message or link or attached_media is required", "OAuthException"
            )
        post_id = f"{node}_{next(self._ids)}"
        for photo_id in attached:
            self.photos[photo_id]["published"] = True
        self.add_own_post(node, post_id, {"message": message, "link": link, "attached_media": attached})
        return Response(200, {"id": post_id})

    def add_own_post(self, page_id: str, post_id: str, fields: dict[str, Any]) -> None:
        """A post the page published itself, as `POST /{page}/feed` leaves it (the demo seeds its
        posts already out this way)."""
        self.feeds.setdefault(page_id, []).insert(0, post_id)
        self.posts[post_id] = {
            "id": post_id,
            "owner": page_id,
            "from": {"id": page_id, "name": "Kommunen"},
            "created_time": graph_time(datetime.now(UTC)),
            "permalink_url": f"https://www.facebook.com/{post_id.replace('_', '/posts/', 1)}",
            "own": True,
            **fields,
        }

    def _post_media(self, node: str, request: Request) -> Response:
        """`POST /{ig-user}/media`: a container. Instagram fetches `image_url` itself and refuses
        what it cannot fetch or is not a picture; `media_type=CAROUSEL` joins `children`."""
        if node not in self.media:
            return self._unknown(node)
        container_id = str(next(self._ids))
        if request.param("media_type") == "CAROUSEL":
            children = [c for c in request.param("children").split(",") if c]
            if not children or any(c not in self.containers for c in children):
                return error(100, "(#100) The parameter children is invalid", "OAuthException")
            self.containers[container_id] = {
                "id": container_id,
                "owner": node,
                "children": children,
                "caption": request.param("caption"),
                "published": False,
            }
            return Response(200, {"id": container_id})
        image_url = request.param("image_url")
        if not image_url:
            return error(100, "(#100) The parameter image_url is required", "OAuthException")
        status, content_type, content = self.fetch(image_url)
        if status != 200 or not content_type.startswith("image/"):
            return error(
                9004,
                "The media could not be fetched from this uri",
                "OAuthException",
                subcode=2207052,
            )
        self.containers[container_id] = {
            "id": container_id,
            "owner": node,
            "image_url": image_url,
            "image_bytes": content,
            "caption": request.param("caption"),
            "alt_text": request.param("alt_text"),
            "is_carousel_item": request.param("is_carousel_item") == "true",
            "published": False,
        }
        return Response(200, {"id": container_id})

    def _post_media_publish(self, node: str, request: Request) -> Response:
        container = self.containers.get(request.param("creation_id"))
        if container is None or container["owner"] != node or container.get("is_carousel_item"):
            return error(100, "(#100) The parameter creation_id is invalid", "OAuthException")
        if container["published"]:
            return error(9007, "Media ID is not available", "OAuthException", subcode=2207027)
        container["published"] = True
        media_id = str(next(self._ids))
        self.media[node].insert(0, media_id)
        self.posts[media_id] = {
            "id": media_id,
            "owner": node,
            "caption": container["caption"],
            "timestamp": graph_time(datetime.now(UTC)),
            "container": container["id"],
            "permalink": f"https://www.instagram.com/p/{media_id}/",
            "own": True,
        }
        return Response(200, {"id": media_id})

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

    def own_posts(self, owner: str) -> list[dict[str, Any]]:
        """What the page or Instagram account published itself, newest first (not deleted)."""
        return [
            self.posts[p]
            for p in [*self.feeds.get(owner, []), *self.media.get(owner, [])]
            if self.posts[p].get("own") and not self.posts[p].get("deleted")
        ]
