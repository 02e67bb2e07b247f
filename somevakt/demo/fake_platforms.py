"""The demo's stand-ins for the outside world: a fake Graph API (Facebook and Instagram), one fake
Mastodon instance per demo Mastodon account and a fake website for the municipalities' domains,
all on 127.0.0.1 in the `somevakt demo` process, answering in the platforms' real formats.

`start(...)` seeds them from what the demo loaded (pages, Instagram accounts, posts, media, and
every inbox item under its own platform id, so a reply, a hide or a delete of a demo item finds
it), gives each demo account that exists on its platform credentials the fakes accept through the
normal sealed path, and returns the environment the web server and the worker need (`LINK_CHECK_PROXY` and
`SSL_CERT_FILE` for the website). Only the demo command calls this; `serve` never starts a fake,
and credentials left behind point at a port nobody listens on once the demo stops.

Every request a fake receives is written as one JSON line to `requests.jsonl` in the demo's data
dir (tokens left out, long values cut); what changes something on a platform (POST, DELETE) and
every link check is printed to the console as well.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import shutil
import ssl
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import certifi
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from somevakt.inbox.deadlines import pack_of
from somevakt.inbox.models import Item, ItemKind
from somevakt.integrations.base import Credentials
from somevakt.integrations.credentials import CredentialsUnreadable, credentials_of, set_credentials
from somevakt.integrations.fakes.graph import DEFAULT_TOKEN as GRAPH_TOKEN
from somevakt.integrations.fakes.graph import FakeGraph
from somevakt.integrations.fakes.mastodon import DEFAULT_TOKEN as MASTODON_TOKEN
from somevakt.integrations.fakes.mastodon import FakeMastodon, account
from somevakt.integrations.fakes.server import FakeServer, Request, Response
from somevakt.integrations.fakes.website import FakeWebsite
from somevakt.publishing.models import PostTarget
from somevakt.registry.models import Account

LOCAL = "http://127.0.0.1"
LOG_NAME = "requests.jsonl"
FIELD_LIMIT = 120  # characters of a form value kept in the log
SECRET_FIELDS = {"access_token"}
ON_PLATFORM = ("active", "closed_temporarily")


def cut(value: str, limit: int = FIELD_LIMIT) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


class Journal:
    """What reached the fakes: JSON lines in a file, and the changes on the console."""

    def __init__(self, path: Path, write: Callable[[str], None]) -> None:
        self.path = path
        self.write = write
        self.lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)

    def record(self, fake: str, request: Request, response: Response) -> None:
        form = {k: cut(v) for k, v in request.fields or request.form.items() if k not in SECRET_FIELDS}
        entry: dict[str, Any] = {
            "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "fake": fake,
            "method": request.method,
            "host": request.host or request.headers.get("host", "").split(":")[0],
            "path": request.path,
            "query": {k: cut(v) for k, v in request.query if k not in SECRET_FIELDS},
            "form": form,
            "files": {name: [f[0], f[1], len(f[2])] for name, f in request.files.items()},
            "status": response.status,
        }
        if request.headers.get("idempotency-key"):
            entry["idempotency_key"] = request.headers["idempotency-key"]
        with self.lock:
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
            if request.method in ("POST", "DELETE") or fake == "website":
                where = f"{entry['host']}{request.path}" if fake == "website" else request.path
                fields = " ".join(f"{k}={cut(v, 60)!r}" for k, v in form.items())
                self.write(f"[fake {fake}] {request.method} {where} {fields} -> {response.status}".rstrip())


class Logged:
    """Mixed into a fake: each answer is also written to the journal."""

    journal: Journal | None = None
    label = ""

    def _respond(self, request: Request) -> Response:
        response: Response = super()._respond(request)  # type: ignore[misc]
        if self.journal is not None:
            self.journal.record(self.label, request, response)
        return response


class DemoGraph(Logged, FakeGraph):
    pass


class DemoMastodon(Logged, FakeMastodon):
    pass


class DemoWebsite(Logged, FakeWebsite):
    """The municipalities' websites, reached as the link check's proxy. Every page on a demo
    municipality's host answers 200 (the demo cannot know which pages exist); other hosts 404.
    An https link comes as CONNECT: the tunnel is opened here with a certificate for the demo
    hosts, signed by the demo's own authority that the web server and worker trust (SSL_CERT_FILE)."""

    def __init__(self, hosts: Iterable[str], tls: ssl.SSLContext | None) -> None:
        super().__init__()
        self.hosts = {host.lower() for host in hosts}
        handler = self.httpd.RequestHandlerClass

        class TunnelHandler(handler):  # type: ignore[misc, valid-type]
            def do_CONNECT(self) -> None:
                if tls is None:
                    self.send_error(501)
                    return
                self.send_response(200, "Connection established")
                self.end_headers()
                try:
                    inner = tls.wrap_socket(self.request, server_side=True)
                except (ssl.SSLError, OSError):
                    self.close_connection = True
                    return
                self.connection = inner
                self.rfile = inner.makefile("rb")
                self.wfile = inner.makefile("wb")
                self.close_connection = False
                while not self.close_connection:
                    self.handle_one_request()
                    self.wfile.flush()

        self.httpd.RequestHandlerClass = TunnelHandler

    def route(self, request: Request) -> Response:
        host = (request.host or request.headers.get("host", "").split(":")[0]).lower()
        if host in self.hosts:
            return Response(200, None)
        return super().route(request)


@dataclass
class FakePlatforms:
    graph: DemoGraph
    mastodon: dict[str, DemoMastodon]  # account external id -> its instance
    website: DemoWebsite
    log_path: Path
    env: dict[str, str] = field(default_factory=dict)
    connected: int = 0

    @property
    def servers(self) -> list[FakeServer]:
        return [self.graph, *self.mastodon.values(), self.website]

    def stop(self) -> None:
        for server in self.servers:
            server.__exit__(None, None, None)

    def summary(self) -> list[str]:
        lines = [
            f"Fake platforms (nothing leaves this machine): {self.connected} demo accounts connected "
            "(active and temporarily closed).",
            f"  Facebook and Instagram (Graph API): {self.graph.url}",
        ]
        for external_id, server in self.mastodon.items():
            lines.append(f"  Mastodon @{server.own['username']} ({external_id}): {server.url}")
        lines.append(
            f"  Websites {', '.join(sorted(self.website.hosts))}: link checks through {self.website.url}"
        )
        lines.append(f"  Every request they receive: {self.log_path}")
        lines.append("  Replies, hides, deletes and posts are printed here as they reach a fake.")
        return lines


def website_hosts(municipalities: Iterable[Any]) -> list[str]:
    """Each municipality's website host, with and without `www.`."""
    hosts: set[str] = set()
    for municipality in municipalities:
        host = (urlsplit(pack_of(municipality).municipality.website).hostname or "").lower()
        if host:
            bare = host.removeprefix("www.")
            hosts.update({bare, f"www.{bare}"})
    return sorted(hosts)


def authority(directory: Path, hosts: list[str]) -> tuple[ssl.SSLContext, Path]:
    """A throw-away certificate authority and a certificate for the demo hosts; the bundle
    written holds the authority after the ones trusted already, so nothing else loses its trust."""
    directory.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "somevakt demo fake websites")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    names: list[x509.GeneralName] = [x509.DNSName(host) for host in hosts]
    names.append(x509.IPAddress(ipaddress.ip_address("127.0.0.1")))
    leaf = (
        x509.CertificateBuilder()
        .subject_name(
            x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hosts[0] if hosts else "localhost")])
        )
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    leaf_path = directory / "website.pem"
    leaf_path.write_bytes(
        key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        + leaf.public_bytes(pem)
    )
    bundle = directory / "trusted.pem"
    # After what this machine already trusts (a proxy's own authority, say), else certifi's.
    trusted = os.environ.get("SSL_CERT_FILE") or certifi.where()
    if Path(trusted).resolve() == bundle.resolve():  # an earlier demo's bundle: start afresh
        trusted = certifi.where()
    shutil.copyfile(trusted, bundle)
    with bundle.open("ab") as handle:
        handle.write(b"\n" + ca.public_bytes(pem))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(leaf_path)
    return context, bundle


def start(
    data_dir: Path, municipalities: Iterable[Any], write: Callable[[str], None] = print
) -> FakePlatforms:
    """Start the fakes, seed them, connect the demo's active accounts; the caller stops them."""
    municipalities = list(municipalities)
    directory = data_dir / "fake-platforms"
    journal = Journal(directory / LOG_NAME, write)
    hosts = website_hosts(municipalities)
    tls, bundle = authority(directory, hosts)
    # The accounts that exist on their platform: in use, or closed for a while (a notice of
    # reopening goes out from them); planned ones do not exist yet and retired ones are gone.
    accounts = list(
        Account.objects.filter(municipality__in=municipalities, state__in=ON_PLATFORM).order_by("pk")
    )
    graph = DemoGraph(tokens=(GRAPH_TOKEN,))
    graph.journal, graph.label = journal, "graph"
    mastodons: dict[str, DemoMastodon] = {}
    for row in accounts:
        if row.platform == "mastodon":
            username = row.handle.lstrip("@").split("@")[0] or row.external_id
            instance = DemoMastodon(own=account(row.external_id, username, row.name))
            instance.journal, instance.label = journal, f"mastodon @{username}"
            mastodons[row.external_id] = instance
    website = DemoWebsite(hosts, tls)
    website.journal, website.label = journal, "website"
    fakes = FakePlatforms(graph=graph, mastodon=mastodons, website=website, log_path=journal.path)
    for server in fakes.servers:
        server.__enter__()
    try:
        fakes.connected = seed_and_connect(fakes, accounts)
    except BaseException:
        fakes.stop()
        raise
    fakes.env = {"LINK_CHECK_PROXY": website.url, "SSL_CERT_FILE": str(bundle)}
    return fakes


def seed_and_connect(fakes: FakePlatforms, accounts: list[Account]) -> int:
    graph = fakes.graph
    for row in accounts:
        if row.platform == "facebook":
            graph.add_page(row.external_id)
            graph.profiles[row.external_id] = {"about": row.info_text, "description": ""}
            set_credentials(row, Credentials(token=GRAPH_TOKEN, base_url=graph.url))
        elif row.platform == "instagram":
            graph.add_instagram_account(row.external_id)
            graph.profiles[row.external_id] = {"biography": row.info_text}
            set_credentials(row, Credentials(token=GRAPH_TOKEN, base_url=graph.url))
        elif row.platform == "mastodon":
            set_credentials(
                row, Credentials(token=MASTODON_TOKEN, base_url=fakes.mastodon[row.external_id].url)
            )
        else:
            continue
        seed_items(fakes, row)
    for target in (
        PostTarget.objects.filter(account__in=accounts)
        .exclude(platform_id="")
        .select_related("post", "account")
    ):
        # The demo's posts already out are the page's own posts on the fake.
        if target.account.platform == "facebook":
            graph.add_own_post(target.account.external_id, target.platform_id, {"message": target.post.text})
    return len(accounts)


def seed_items(fakes: FakePlatforms, row: Account) -> None:
    """Each inbox item on the fake under its own platform id, oldest first (parents before replies)."""
    graph = fakes.graph
    page = row.external_id
    demo_post = f"{page}_100000"  # the page's post the demo's comments hang under
    demo_media = f"1790{page[-6:]}0001"
    for item in Item.objects.filter(account=row).order_by("received_at", "pk"):
        author_id = item.author_id or f"55{item.pk:08d}"
        if row.platform == "facebook":
            if item.kind == ItemKind.MESSAGE:
                psid = (item.post_id or f"t_{author_id}").removeprefix("t_")
                graph.add_message(
                    page, psid, item.platform_id, item.text, name=item.author_name, created=item.received_at
                )
            elif item.kind == ItemKind.POST:
                graph.add_visitor_post(
                    page,
                    item.platform_id,
                    item.text,
                    author=(author_id, item.author_name),
                    created=item.received_at,
                )
            elif item.kind == ItemKind.MENTION:
                graph.add_post_by_other(
                    item.platform_id,
                    item.text,
                    author=(author_id, item.author_name),
                    created=item.received_at,
                )
            else:
                graph.add_comment(
                    page,
                    item.post_id or demo_post,
                    item.platform_id,
                    item.text,
                    author=(author_id, item.author_name),
                    created=item.received_at,
                    parent_id=item.parent_platform_id,
                )
        elif row.platform == "instagram":
            username = item.author_name.lower().replace(" ", ".")
            graph.add_instagram_comment(
                page,
                item.post_id or demo_media,
                item.platform_id,
                item.text,
                author=(author_id, username),
                created=item.received_at,
                parent_id=item.parent_platform_id,
            )
        elif row.platform == "mastodon":
            seed_status(fakes.mastodon[row.external_id], item)


def seed_status(instance: FakeMastodon, item: Item) -> None:
    """A status that mentions the account, under the item's own id (Mastodon's ids are the
    instance's, so the fake's own numbering is replaced)."""
    # The demo names a Mastodon author by handle (`@name@instance`), else by full name.
    handle = item.author_name.strip().lstrip("@")
    username, _, domain = handle.partition("@") if "@" in handle else (handle, "", "")
    username = username.lower().replace(" ", "") or "someone"
    author = account(f"10900{item.pk:013d}", username, item.author_name, domain or "mastodon.example")
    parent = instance.statuses.get(item.parent_platform_id) if item.parent_platform_id else None
    status = instance.mention(
        item.text,
        author=author,
        created=item.received_at,
        in_reply_to_id=parent["id"] if parent else None,
    )
    del instance.statuses[status["id"]]
    status["id"] = item.platform_id
    status["url"] = f"{author['url']}/{item.platform_id}"
    status["uri"] = f"https://{domain or 'mastodon.example'}/users/{username}/statuses/{item.platform_id}"
    instance.statuses[item.platform_id] = status


def disconnect(municipalities: Iterable[Any]) -> int:
    """Forget the credentials an earlier demo gave its accounts for the fakes (a port on
    127.0.0.1 nobody listens on now), so the accounts say plainly that they are not connected."""
    cleared = 0
    for row in Account.objects.filter(municipality__in=list(municipalities)).exclude(sealed_credentials=""):
        try:
            base_url = credentials_of(row).base_url
        except CredentialsUnreadable:
            continue  # sealed under another key: not the demo's doing, left for an administrator
        if base_url.startswith(LOCAL):
            set_credentials(row, Credentials())
            cleared += 1
    return cleared
