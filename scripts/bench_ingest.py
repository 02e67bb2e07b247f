"""Ingest benchmark: signed Meta deliveries at /hooks/meta over loopback, on PostgreSQL, with a
real web server (gunicorn, as `somevakt serve` runs it) and a real worker (`somevakt worker`).

Prints deliveries per second acknowledged, p50/p99 acknowledgement latency, whether any delivery
was lost, the time from a delivery being stored until its item's triage is visible, and the
queue page's p95 with 100,000 items in the database.

    make bench-ingest                       # or:
    .venv/bin/python scripts/bench_ingest.py --rate 200 --seconds 10

The database named by BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/somevakt_bench)
is dropped and created anew: never point it at a database you want to keep.
A benchmark, not a test: the numbers depend on the machine and what else runs on it.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/somevakt_bench"
SECRET = "bench-app-secret"  # noqa: S105 - the benchmark's own throwaway app secret
MUNICIPALITY = "gausdal"
PAGE_ID = "100063998877003"  # the demo's Gausdal page (somevakt/demo/accounts.yaml)
QUEUE_USER = "gausdal.kommunikasjon"

# Made-up comments of the kinds a municipality's page gets (questions, praise, complaints,
# case requests, political opinions, abuse, personal data), so triage does real work.
COMMENTS = (
    "Når åpner biblioteket igjen etter ombyggingen?",
    "Tusen takk til hjemmetjenesten, dere gjør en fantastisk jobb!",
    "Hvorfor er ikke veien til Follebu brøytet ennå? Det er helt uforsvarlig.",
    "Jeg søkte om byggetillatelse i oktober og har ikke hørt noe. Jeg vil klage på saksbehandlingen.",
    "Kommunestyret burde stemme nei til nedleggelsen av skolen. Skammelig!",
    "Ring meg på 912 34 567 om barnehageplassen til datteren min.",
    "Hvem kan jeg kontakte om søppeltømming i Forset?",
    "Flott arrangement på torget i går, takk for innsatsen!",
    "Det lukter brent ved Segalstad bru, er det brann der nå?",
    "Saksbehandleren på teknisk er en idiot som burde sparkes.",
    "Er svømmehallen åpen i vinterferien?",
    "Kan dere legge ut sakspapirene til neste møte i formannskapet?",
)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=200.0, help="deliveries per second offered (200)")
    parser.add_argument("--seconds", type=float, default=10.0, help="how long to offer them (10)")
    parser.add_argument("--connections", type=int, default=16, help="client connections (16)")
    parser.add_argument("--web-workers", type=int, default=2, help="gunicorn worker processes (2)")
    parser.add_argument("--workers", type=int, default=1, help="`somevakt worker` processes (1)")
    parser.add_argument("--queue-items", type=int, default=100_000, help="items for the queue page (100000)")
    parser.add_argument("--queue-requests", type=int, default=60, help="queue page requests timed (60)")
    parser.add_argument("--skip-queue", action="store_true", help="only the ingest part")
    parser.add_argument(
        "--kill-worker-after",
        type=float,
        default=None,
        metavar="S",
        help="SIGKILL the worker S seconds into the load and start it again (nothing may be lost)",
    )
    parser.add_argument("--drain-timeout", type=float, default=600.0, help="seconds to wait for triage (600)")
    return parser.parse_args()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def recreate_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.replace("_", "").isalnum():
        raise SystemExit(f"bench-ingest: refusing the database name {name!r}")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def environment(database_url: str, data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": database_url,
            "SOMEVAKT_DATA_DIR": str(data_dir),
            "META_APP_SECRET": SECRET,
            "LOG_LEVEL": "WARNING",
            "DJANGO_SETTINGS_MODULE": "somevakt.settings",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(data_dir), env.get("PYTHONPATH", "")])),
        }
    )
    return env


def run(command: list[str], env: dict[str, str]) -> None:
    subprocess.run(command, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    handle = log.open("w")
    return subprocess.Popen(command, env=env, cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def worker_command() -> list[str]:
    return [sys.executable, "-m", "somevakt.cli", "worker", "--interval", "0.05"]


def kill_and_restart_workers(
    processes: list[subprocess.Popen], env: dict[str, str], data_dir: Path, count: int
) -> None:
    """Kill every worker without warning, mid-task, and start new ones (gunicorn is processes[0])."""
    for process in processes[1:]:
        process.kill()
        process.wait()
    print("bench-ingest: killed the worker(s); starting again", file=sys.stderr)
    time.sleep(1.0)
    processes[1:] = [
        start(worker_command(), env, data_dir / f"worker{n}-restarted.log") for n in range(count)
    ]


def wait_until_up(url: str, timeout: float = 60.0) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"bench-ingest: the server did not answer at {url}")


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def delivery_body(number: int, run_id: str) -> bytes:
    from somevakt.integrations.fakes.meta_payloads import feed_comment, page_delivery

    text = COMMENTS[number % len(COMMENTS)]
    change = feed_comment(
        PAGE_ID,
        f"{run_id}_{number}",
        text,
        post_id=f"{PAGE_ID}_{7000 + number % 40}",
        author=(str(5_550_000 + number % 997), f"Innbygger {number % 997}"),
    )
    return json.dumps(page_delivery(PAGE_ID, change), ensure_ascii=False).encode()


def offer(url: str, rate: float, seconds: float, connections: int, run_id: str) -> dict[str, object]:
    """Open-loop load: delivery i is due at start + i/rate, whatever the server's pace.

    Threads with keep-alive `http.client` connections: the load generator shares the machine
    with the server, so it must cost as little as possible. Latency is counted from when a
    delivery was due, so time spent waiting for a free connection counts too.
    """
    from somevakt.integrations.signature import sign

    total = int(rate * seconds)
    bodies = [delivery_body(n, run_id) for n in range(total)]
    signatures = [sign(body, SECRET) for body in bodies]
    parts = urlsplit(url)
    latencies: list[float] = []
    failures: list[str] = []
    numbers = itertools.count()
    lock = threading.Lock()
    started = time.perf_counter() + 0.2

    def client() -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        while True:
            with lock:
                number = next(numbers)
            if number >= total:
                break
            due = started + number / rate
            pause = due - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            response = None
            for attempt in (1, 2):
                try:
                    connection.request(
                        "POST",
                        parts.path,
                        body=bodies[number],
                        headers={
                            "Content-Type": "application/json",
                            "X-Hub-Signature-256": signatures[number],
                        },
                    )
                    response = connection.getresponse()
                    response.read()
                    break
                except (OSError, http.client.HTTPException) as exc:
                    # The server closes idle keep-alive connections; a sender then reconnects
                    # and sends again once, as Meta (and every browser) does.
                    connection.close()
                    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
                    if attempt == 2:
                        failures.append(type(exc).__name__)
            if response is None:
                continue
            if response.status == 200:
                latencies.append(time.perf_counter() - due)
            else:
                failures.append(f"HTTP {response.status}")
        connection.close()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {"offered": total, "latencies": latencies, "failures": failures, "elapsed": elapsed}


def warm_up(url: str, run_id: str, timeout: float = 300.0) -> None:
    """One delivery through the whole path first, so the worker has loaded its language models."""
    import httpx
    from django.db import close_old_connections

    from somevakt.inbox.models import ItemStatus
    from somevakt.integrations.signature import sign
    from somevakt.jobs.models import PeriodicJobRun

    body = delivery_body(0, f"{run_id}warmup")
    httpx.post(url, content=body, headers={"X-Hub-Signature-256": sign(body, SECRET)}, timeout=30)
    began = time.monotonic()
    while time.monotonic() - began < timeout:
        close_old_connections()
        if ItemStatus.objects.filter(
            item__platform_id=f"{run_id}warmup_0", triaged_at__isnull=False
        ).exists():
            break
        time.sleep(0.5)
    else:
        raise SystemExit("bench-ingest: the worker did not triage the warm-up delivery")
    # The worker's first round of periodic jobs (archive capture of the demo's items among them)
    # is a one-off at start; the measurement is of the steady state after it.
    time.sleep(6)
    while time.monotonic() - began < timeout:
        close_old_connections()
        if not PeriodicJobRun.objects.filter(locked_until__isnull=False).exists():
            return
        time.sleep(0.5)


def wait_for_triage(run_id: str, expected: int, timeout: float, since: datetime) -> dict[str, object]:
    from django.db import close_old_connections

    from somevakt.inbox.models import Item, ItemStatus
    from somevakt.integrations.models import Delivery

    began = time.monotonic()
    prefix = f"{run_id}_"
    while True:
        close_old_connections()
        triaged = ItemStatus.objects.filter(
            item__platform_id__startswith=prefix, triaged_at__isnull=False
        ).count()
        if triaged >= expected or time.monotonic() - began > timeout:
            break
        time.sleep(0.5)
    deliveries = Delivery.objects.filter(source="meta", received_at__gte=since).count()
    items = Item.objects.filter(platform_id__startswith=prefix).count()
    rows = list(
        ItemStatus.objects.filter(item__platform_id__startswith=prefix, triaged_at__isnull=False).values_list(
            "triaged_at", "item__delivery_id"
        )
    )
    # An item keeps its delivery as a plain id (deliveries belong to the integrations, above the inbox).
    stored = dict(
        Delivery.objects.filter(pk__in={pk for _at, pk in rows if pk}).values_list("pk", "received_at")
    )
    visible = [(triaged_at - stored[pk]).total_seconds() for triaged_at, pk in rows if pk in stored]
    return {"deliveries": deliveries, "items": items, "triaged": triaged, "visible": visible}


def seed_queue(count: int) -> int:
    """`count` items with their status rows for the queue page: a few open, most long handled."""
    from datetime import timedelta

    from django.db import transaction
    from django.utils import timezone

    from somevakt.inbox.models import Item, ItemStatus
    from somevakt.registry.models import Account

    account = Account.objects.get(municipality__slug=MUNICIPALITY, platform="facebook")
    now = timezone.now()
    rng = random.Random(5)  # noqa: S311 - made-up data, the same every run
    made = 0
    batch = 5000
    counter = itertools.count()
    while made < count:
        size = min(batch, count - made)
        with transaction.atomic():
            items = Item.objects.bulk_create(
                [
                    Item(
                        municipality_id=account.municipality_id,
                        account=account,
                        platform_id=f"seed_{next(counter)}",
                        text=COMMENTS[n % len(COMMENTS)],
                        author_name=f"Innbygger {n % 997}",
                        received_at=now - timedelta(minutes=rng.randint(1, 60 * 24 * 365)),
                    )
                    for n in range(size)
                ]
            )
            statuses = []
            for item in items:
                open_work = rng.random() < 0.03
                statuses.append(
                    ItemStatus(
                        item=item,
                        municipality_id=item.municipality_id,
                        account=account,
                        received_at=item.received_at,
                        state="open" if open_work else "closed",
                        action=rng.choice(["reply", "thank", "refer_formal", "none"]),
                        due=item.received_at + timedelta(days=1),
                        open_work=open_work,
                        needs_answer=open_work and rng.random() < 0.5,
                        triaged_at=item.received_at,
                        triage_pending=False,
                        updated_at=item.received_at,
                    )
                )
            ItemStatus.objects.bulk_create(statuses)
        made += size
    return made


def queue_timings(base_url: str, requests: int) -> list[float]:
    import httpx
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    user = get_user_model().objects.get(username=QUEUE_USER)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    url = f"{base_url}/{MUNICIPALITY}/innboks/"
    timings = []
    with httpx.Client(cookies={settings.SESSION_COOKIE_NAME: session.session_key}, timeout=30) as client:
        for number in range(requests + 5):
            began = time.perf_counter()
            response = client.get(url)
            spent = time.perf_counter() - began
            if response.status_code != 200:
                raise SystemExit(f"bench-ingest: the queue page answered HTTP {response.status_code}")
            if number >= 5:  # the first requests warm the caches of both web workers
                timings.append(spent)
    return timings


def main() -> int:
    args = parse_args()
    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
    if not database_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("bench-ingest: BENCH_DATABASE_URL must be a PostgreSQL URL")
    data_dir = Path(tempfile.mkdtemp(prefix="somevakt-bench-"))
    env = environment(database_url, data_dir)
    os.environ.update(
        {key: env[key] for key in ("DATABASE_URL", "SOMEVAKT_DATA_DIR", "META_APP_SECRET", "LOG_LEVEL")}
    )
    os.environ["DJANGO_SETTINGS_MODULE"] = "somevakt.settings"
    sys.path.insert(0, str(data_dir))
    import django

    django.setup()  # this process reads the database too (warm-up, triage times, queue seed)

    print(
        f"bench-ingest: fresh database {urlsplit(database_url).path.lstrip('/')}, demo data ...",
        file=sys.stderr,
    )
    recreate_database(database_url)
    somevakt = [sys.executable, "-m", "somevakt.cli"]
    run([*somevakt, "demo", "--load-only"], env)

    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    gunicorn = [
        sys.executable, "-m", "gunicorn", "somevakt.wsgi:application", "--bind", f"127.0.0.1:{port}",
        "--workers", str(args.web_workers), "--worker-class", "gthread", "--threads", "4",
    ]  # fmt: skip
    processes = [start(gunicorn, env, data_dir / "gunicorn.log")]
    processes += [start(worker_command(), env, data_dir / f"worker{n}.log") for n in range(args.workers)]
    results: dict[str, object] = {}
    try:
        wait_until_up(f"{base_url}/healthz")
        run_id = f"b{int(time.time())}"
        if args.workers:
            print("bench-ingest: warming up the worker ...", file=sys.stderr)
            warm_up(f"{base_url}/hooks/meta", run_id)
        print(
            f"bench-ingest: offering {args.rate:g} deliveries/s for {args.seconds:g} s ...", file=sys.stderr
        )
        load_started = datetime.now(UTC)
        killer = None
        if args.kill_worker_after is not None and args.workers:
            killer = threading.Timer(
                args.kill_worker_after, kill_and_restart_workers, (processes, env, data_dir, args.workers)
            )
            killer.start()
        load = offer(f"{base_url}/hooks/meta", args.rate, args.seconds, args.connections, run_id)
        if killer is not None:
            killer.join()
        latencies = load["latencies"]
        assert isinstance(latencies, list)
        acked = len(latencies)
        print("bench-ingest: waiting for the worker to triage everything ...", file=sys.stderr)
        drained = time.monotonic()
        outcome = wait_for_triage(run_id, acked, args.drain_timeout if args.workers else 0, load_started)
        drain_seconds = time.monotonic() - drained
        visible = outcome["visible"]
        assert isinstance(visible, list)
        results = {
            "worker_killed_at_s": args.kill_worker_after if args.workers else None,
            "offered": load["offered"],
            "acked": acked,
            "failed": len(load["failures"]),  # type: ignore[arg-type]
            "acked_per_s": round(acked / float(load["elapsed"]), 1),  # type: ignore[arg-type]
            "ack_p50_ms": round(percentile(latencies, 0.50) * 1000, 1),
            "ack_p99_ms": round(percentile(latencies, 0.99) * 1000, 1),
            "deliveries_stored": outcome["deliveries"],
            "items": outcome["items"],
            "triaged": outcome["triaged"],
            # Acknowledged but not stored, and stored but never an item: both must be 0.
            "lost_deliveries": acked - int(outcome["deliveries"]),  # type: ignore[call-overload]
            "lost_items": (acked - int(outcome["items"])) if args.workers else None,  # type: ignore[call-overload]
            "triage_visible_p50_s": round(percentile(visible, 0.50), 2),
            "triage_visible_p99_s": round(percentile(visible, 0.99), 2),
            "triage_visible_max_s": round(max(visible), 2) if visible else None,
            "drain_after_load_s": round(drain_seconds, 1),
        }
        if not args.skip_queue:
            print(f"bench-ingest: {args.queue_items} items for the queue page ...", file=sys.stderr)
            seed_queue(args.queue_items)
            timings = queue_timings(base_url, args.queue_requests)
            results.update(
                {
                    "queue_items": args.queue_items,
                    "queue_p50_ms": round(percentile(timings, 0.50) * 1000, 1),
                    "queue_p95_ms": round(percentile(timings, 0.95) * 1000, 1),
                }
            )
    finally:
        for process in processes:
            stop(process)
    print(json.dumps(results, indent=2))
    failures = load["failures"] if "load" in locals() else []
    if failures:
        print(f"bench-ingest: failures: {dict(Counter(failures))}", file=sys.stderr)  # type: ignore[arg-type]
    print(f"bench-ingest: logs in {data_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
