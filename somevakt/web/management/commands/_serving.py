"""Serving the web app (gunicorn) and, where the jobs app provides it, the worker, on one machine."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys

from django.core.management import get_commands
from django.core.management.base import CommandError

from somevakt.config import env_int


def check_port(host: str, port: int) -> None:
    if not 1 <= port <= 65535:
        raise CommandError(f"--port {port} is not a port number (1-65535)", returncode=2)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # As gunicorn does, so a port left in TIME_WAIT by a server just stopped counts as free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            raise CommandError(
                f"port {port} on {host} is in use; choose another with --port N (make demo PORT=N)",
                returncode=2,
            ) from None


def gunicorn_command(host: str, port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "somevakt.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(env_int("WEB_CONCURRENCY", 2, minimum=1)),
        "--worker-class",
        "gthread",
        "--threads",
        "4",
        "--access-logfile",
        "-",
    ]


def worker_command() -> list[str] | None:
    """`somevakt worker`, when an installed app provides it (the jobs app does)."""
    if "worker" not in get_commands():
        return None
    return [sys.executable, "-m", "somevakt.cli", "worker"]


def run(host: str, port: int, write) -> int:
    """Run the web server (and the worker) until one of them stops or we are told to stop."""
    processes: list[subprocess.Popen] = []
    worker = worker_command()
    if worker is not None:
        processes.append(subprocess.Popen(worker, env=os.environ.copy()))
    web = subprocess.Popen(gunicorn_command(host, port), env=os.environ.copy())
    processes.append(web)
    write(f"Serving on http://{host}:{port}/ (Ctrl+C stops)")

    def stop(signum, frame) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        return web.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
