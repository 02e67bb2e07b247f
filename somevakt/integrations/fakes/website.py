"""A fake municipal website, reached as an HTTP proxy: a link check sent through it
(`LINK_CHECK_PROXY`) is answered for whatever host the link names, from the pages set here.

    with FakeWebsite() as site:
        site.page("www.batsfjord.kommune.no", "/nyheter/bibliotek")
"""

from __future__ import annotations

from somevakt.integrations.fakes.server import FakeServer, Request, Response


class FakeWebsite(FakeServer):
    def __init__(self) -> None:
        super().__init__()
        self.pages: dict[tuple[str, str], int] = {}
        self.head_refused = False  # some web servers answer HEAD with 405 Method Not Allowed

    def page(self, host: str, path: str, status: int = 200) -> None:
        self.pages[(host.lower(), path)] = status

    def route(self, request: Request) -> Response:
        if request.method == "HEAD" and self.head_refused:
            return Response(405, None)
        host = (request.host or request.headers.get("host", "").split(":")[0]).lower()
        return Response(self.pages.get((host, request.path), 404), None)
