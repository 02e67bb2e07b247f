"""Archive delivery benchmark over KS Fiks IO: N pending messages (a PDF of about 100 kB each) sent
through the Fiks IO transport to the tests' fake archive system over a real RabbitMQ broker, and the
archive's replies (mottatt and kvittering for each) taken back by the reply loop.

Prints the messages sent per second, the peak memory of the sending process, the replies stored
per second, and what the archive and somevakt hold at the end. Halfway through sending, and again
halfway through taking the replies, the process doing it (a child of this one) is killed with
SIGKILL and the work is started again: the counts show whether anything was lost or doubled.

    make bench-archive                          # or:
    .venv/bin/python scripts/bench_archive.py --messages 1000

It makes a SQLite database in a temporary folder, and a vhost and a user of its own on the
machine's RabbitMQ (scripts/ensure-rabbitmq.sh starts it), removed at the end. The fakes are the
tests' (tests/archive/fiksio/fakes.py). A benchmark, not a test: the numbers depend on the machine
and what else runs on it.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CLIENT_ID = "bench-maskinporten-klient"
PDF_BYTES = 100 * 1024


def rabbitmqctl(*args: str) -> None:
    subprocess.run(["rabbitmqctl", "-q", *args], check=True, capture_output=True, timeout=60)


def setup_django(data_dir: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "somevakt.settings"
    os.environ["SOMEVAKT_DATA_DIR"] = str(data_dir)
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    for noisy in ("httpx", "pika"):  # a line per request would drown the figures
        logging.getLogger(noisy).setLevel(logging.WARNING)


def child(phase: str, state: dict, total: int) -> None:
    """Send every message (phase "send") or take every reply (phase "receive"), then exit."""
    setup_django(Path(state["data_dir"]))
    from somevakt.archive.formats.outbox import MessageFile, OutgoingMessage
    from somevakt.archive.transports.fiksio.receiving import receive_all
    from somevakt.archive.transports.fiksio.transport import FiksIOTransport
    from somevakt.tenants.models import Municipality

    municipality = Municipality.objects.get(slug="bench")
    if phase == "send":
        transport = FiksIOTransport(municipality)
        started = time.perf_counter()
        for number in range(total):
            message_id = f"bench-{number}"
            transport.send(
                OutgoingMessage(
                    message_id,
                    f'<arkivmelding id="{message_id}"/>'.encode(),
                    (MessageFile(f"somevakt-{message_id}.pdf", os.urandom(PDF_BYTES)),),
                )
            )
        elapsed = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(json.dumps({"seconds": elapsed, "peak_rss_mb": peak}))
    else:
        started = time.perf_counter()
        taken = 0
        while True:
            round_taken = receive_all()
            taken += round_taken
            if not round_taken:
                break
        print(json.dumps({"seconds": time.perf_counter() - started, "taken": taken}))


def run_child(phase: str, state: dict, total: int, kill_at: int | None, count) -> dict:
    env = {**os.environ, **state["env"]}
    command = [
        sys.executable,
        __file__,
        "--child",
        phase,
        "--state",
        json.dumps(state),
        "--messages",
        str(total),
    ]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    if kill_at is not None:
        while process.poll() is None and count() < kill_at:
            time.sleep(0.05)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            process.wait()
            return {"killed_at": count()}
    out, _ = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"the {phase} child failed with exit code {process.returncode}")
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--child", choices=("send", "receive"))
    parser.add_argument("--state")
    args = parser.parse_args()
    if args.child:
        child(args.child, json.loads(args.state), args.messages)
        return
    if args.messages < 2:
        parser.error("--messages must be at least 2")
    subprocess.run([str(ROOT / "scripts" / "ensure-rabbitmq.sh")], check=True)
    vhost = f"somevakt-bench-{secrets.token_hex(4)}"
    rabbitmqctl("add_vhost", vhost)
    rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*")
    try:
        with tempfile.TemporaryDirectory(prefix="somevakt-bench-archive-") as folder:
            bench(vhost, Path(folder), args.messages)
    finally:
        rabbitmqctl("delete_vhost", vhost)


def bench(vhost: str, data_dir: Path, total: int) -> None:
    setup_django(data_dir)
    from cryptography.hazmat.primitives import serialization
    from django.core.management import call_command

    from somevakt.archive.transports.fiksio import account
    from somevakt.archive.transports.fiksio.models import FiksIOMessage, FiksIOReply, FiksIOSettings
    from somevakt.tenants.models import Municipality
    from tests.archive.fiksio.fakes import AUDIENCE, FakeArchive, FakeFiksIO, FakeMaskinporten, FiksAccount
    from tests.archive.fiksio.pki import make_pki

    call_command("migrate", verbosity=0)
    pki = make_pki()
    maskinporten = FakeMaskinporten(CLIENT_ID, pki.root.certificate, expires_in=3600)
    fiks = FakeFiksIO(f"amqp://guest:guest@127.0.0.1:5672/{quote(vhost, safe='')}", maskinporten)
    ours = FiksAccount(
        str(uuid.uuid4()), "somevakt", pki.municipality.certificate_pem(), str(uuid.uuid4()), "pw"
    )
    theirs = FiksAccount(str(uuid.uuid4()), "arkiv", pki.archive.certificate_pem(), str(uuid.uuid4()), "pw2")
    fiks.add_account(ours)
    fiks.add_account(theirs)
    rabbitmqctl("add_user", ours.integration_id, f"pw {maskinporten.fixed_token}")
    rabbitmqctl(
        "set_permissions",
        "-p",
        vhost,
        ours.integration_id,
        "^$",
        "^$",
        f"^fiksio\\.konto\\.{ours.account_id}$",
    )
    archive = FakeArchive(fiks, theirs, pki.archive, pki.root.certificate)
    municipality = Municipality.objects.create(name="Benchkommune", slug="bench", policy_pack="gausdal")
    FiksIOSettings.objects.create(
        municipality=municipality,
        transport="fiksio",
        integration_id=ours.integration_id,
        account_id=ours.account_id,
        recipient_account_id=theirs.account_id,
        maskinporten_client_id=CLIENT_ID,
        sealed=account.seal(account.Secrets("pw", pki.municipality.pkcs12("p"), "p")),
    )
    # The issuer trusted to sign the archive's replies: the test CA (each reply's signature is checked).
    trusted = data_dir / "trusted-cas.pem"
    trusted.write_bytes(pki.root.certificate.public_bytes(serialization.Encoding.PEM))
    state = {
        "data_dir": str(data_dir),
        "env": {
            "SOMEVAKT_FIKSIO_TRUSTED_CAS": str(trusted),
            "SOMEVAKT_FIKSIO_API_URL": fiks.url,
            "SOMEVAKT_FIKSIO_AMQP_URL": f"amqp://127.0.0.1:5672/{quote(vhost, safe='')}",
            "SOMEVAKT_MASKINPORTEN_TOKEN_URL": maskinporten.token_url,
            "SOMEVAKT_MASKINPORTEN_AUDIENCE": AUDIENCE,
        },
    }
    try:
        handed = lambda: FiksIOMessage.objects.exclude(fiks_message_id="").count()  # noqa: E731
        killed = run_child("send", state, total, total // 2, handed)
        sent = run_child("send", state, total, None, handed)
        at_archive = archive.take()
        ids = {r.message_id for r in at_archive}
        clients = {r.headers.get("klientmelding-id") for r in at_archive}
        verified = sum(r.signature_verified for r in at_archive[:50])
        for received in at_archive:
            archive.registered(received, 1000 + len(ids))
        stored = FiksIOReply.objects.count
        killed_receiving = run_child("receive", state, total, total, stored)
        received = run_child("receive", state, total, None, stored)
        replies = FiksIOReply.objects.count()
        unusable = FiksIOReply.objects.exclude(problem="").count()
        marked = FiksIOMessage.objects.exclude(received_at=None).count()
        print(
            json.dumps(
                {
                    "messages": total,
                    "pdf_bytes": PDF_BYTES,
                    "sending_killed_after": killed.get("killed_at"),
                    "send_seconds_after_restart": round(sent["seconds"], 2),
                    "messages_per_s": round((total - (killed.get("killed_at") or 0)) / sent["seconds"], 1),
                    "sender_peak_rss_mb": sent["peak_rss_mb"],
                    "replies_not_used": unusable,
                    "at_the_archive": len(at_archive),
                    "distinct_fiks_ids": len(ids),
                    "distinct_klientmelding_ids": len(clients),
                    "signatures_verified_of_first_50": verified,
                    "replies_sent_by_the_archive": 2 * len(at_archive),
                    "receiving_killed_after": killed_receiving.get("killed_at"),
                    "replies_stored": replies,
                    "replies_per_s_after_restart": round(
                        received["taken"] / max(received["seconds"], 1e-9), 1
                    ),
                    "messages_marked_received": marked,
                    "lost": total - len(clients),
                    "doubled_at_the_archive": len(at_archive) - len(clients),
                },
                indent=2,
            )
        )
    finally:
        rabbitmqctl("delete_user", ours.integration_id)
        fiks.close()
        maskinporten.close()


if __name__ == "__main__":
    main()
