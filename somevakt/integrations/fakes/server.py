"""A small threaded HTTP server on 127.0.0.1 that hands each request to a routing function."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
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
    # Every form field in order, repeated ones too (`media_ids[]`), and the uploaded files by
    # field name: (file name, content type, bytes).
    fields: list[tuple[str, str]] = field(default_factory=list)
    files: dict[str, tuple[str, str, bytes]] = field(default_factory=dict)
    # The host asked for, when the server is used as a proxy (an absolute URL in the request line).
    host: str = ""

    def values(self, name: str) -> list[str]:
        """Every value of a repeated form field, else of the query string."""
        found = [value for key, value in self.fields if key == name]
        return found or self.params(name)

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


# What `_respond` gives for a request whose answer is lost (see `lose_answer`).
LOST = Response(0)


class FakeServer:
    """Subclasses implement `route`. Use as a context manager; `url` is the base URL."""

    def __init__(self) -> None:
        self.calls: list[Request] = []
        self.lock = threading.Lock()
        self._failures: list[Response] = []
        self._lost: list[tuple[str, str]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                self._handle("GET")

            def do_POST(self) -> None:
                self._handle("POST")

            def do_DELETE(self) -> None:
                self._handle("DELETE")

            def do_HEAD(self) -> None:
                self._handle("HEAD")

            def _handle(self, method: str) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                form: dict[str, str] = {}
                fields: list[tuple[str, str]] = []
                files: dict[str, tuple[str, str, bytes]] = {}
                content_type = self.headers.get("Content-Type") or ""
                if body and "json" in content_type:
                    loaded = json.loads(body)
                    form = (
                        {key: str(value) for key, value in loaded.items()} if isinstance(loaded, dict) else {}
                    )
                elif body and content_type.startswith("multipart/form-data"):
                    fields, files = multipart(content_type, body)
                    form = dict(fields)
                elif body:
                    fields = parse_qsl(body.decode("utf-8"), keep_blank_values=True)
                    form = dict(fields)
                request = Request(
                    method=method,
                    path=parts.path,
                    query=parse_qsl(parts.query, keep_blank_values=True),
                    form=form,
                    headers={key.lower(): value for key, value in self.headers.items()},
                    body=body,
                    fields=fields,
                    files=files,
                    host=parts.hostname or "",
                )
                response = server._respond(request)
                if response is LOST:
                    # Done, but the answer never arrives: the connection drops without one.
                    self.close_connection = True
                    return
                payload = b"" if response.body is None else json.dumps(response.body).encode()
                self.send_response(response.status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                for key, value in response.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                if method != "HEAD":
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

    def lose_answer(self, method: str, path_end: str) -> None:
        """The next such request is carried out, but its answer is lost: the connection drops
        (a timeout after the platform acted, as the caller sees it)."""
        with self.lock:
            self._lost.append((method, path_end))

    def _respond(self, request: Request) -> Response:
        with self.lock:
            self.calls.append(request)
            if self._failures:
                return self._failures.pop(0)
            for lost in self._lost:
                if request.method == lost[0] and request.path.endswith(lost[1]):
                    self._lost.remove(lost)
                    self.route(request)
                    return LOST
            return self.route(request)

    def route(self, request: Request) -> Response:
        raise NotImplementedError


def multipart(
    content_type: str, body: bytes
) -> tuple[list[tuple[str, str]], dict[str, tuple[str, str, bytes]]]:
    """The fields and files of a multipart/form-data body, read with the standard library."""
    message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + body)
    fields: list[tuple[str, str]] = []
    files: dict[str, tuple[str, str, bytes]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition") or ""
        data = part.get_payload(decode=True) or b""
        filename = part.get_filename()
        if filename is not None:
            files[str(name)] = (filename, part.get_content_type(), data)
        else:
            fields.append((str(name), data.decode("utf-8")))
    return fields, files
