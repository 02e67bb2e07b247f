"""A small threaded HTTP server on 127.0.0.1 that hands each request to a routing function."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit


@dataclass
class Request:
    method: str
    path: str
    query: list[tuple[str, str]]
    form: dict[str, str]
    headers: dict[str, str]
    body: bytes = b""

    def param(self, name: str, default: str = "") -> str:
        """A parameter from the form body or, failing that, the query string."""
        if name in self.form:
            return self.form[name]
        for key, value in self.query:
            if key == name:
                return value
        return default

    def params(self, name: str) -> list[str]:
        return [value for key, value in self.query if key == name]


@dataclass
class Response:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


class FakeServer:
    """Subclasses implement `route`. Use as a context manager; `url` is the base URL."""

    def __init__(self) -> None:
        self.calls: list[Request] = []
        self.lock = threading.Lock()
        self._failures: list[Response] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                self._handle("GET")

            def do_POST(self) -> None:
                self._handle("POST")

            def do_DELETE(self) -> None:
                self._handle("DELETE")

            def _handle(self, method: str) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                form: dict[str, str] = {}
                if body and "json" in (self.headers.get("Content-Type") or ""):
                    loaded = json.loads(body)
                    form = (
                        {key: str(value) for key, value in loaded.items()} if isinstance(loaded, dict) else {}
                    )
                elif body:
                    form = dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
                request = Request(
                    method=method,
                    path=parts.path,
                    query=parse_qsl(parts.query, keep_blank_values=True),
                    form=form,
                    headers={key.lower(): value for key, value in self.headers.items()},
                    body=body,
                )
                response = server._respond(request)
                payload = b"" if response.body is None else json.dumps(response.body).encode()
                self.send_response(response.status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                for key, value in response.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # quiet in tests

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> FakeServer:
        self.thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def fail_next(self, *responses: Response) -> None:
        """The next requests get these answers instead of the real ones (outages, rate limits)."""
        with self.lock:
            self._failures.extend(responses)

    def _respond(self, request: Request) -> Response:
        with self.lock:
            self.calls.append(request)
            if self._failures:
                return self._failures.pop(0)
            return self.route(request)

    def route(self, request: Request) -> Response:
        raise NotImplementedError
