"""Start and stop the real OpenID Connect provider (provider.mjs, npm's oidc-provider) on loopback."""

from __future__ import annotations

import json
import selectors
import shutil
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCRIPT = Path(__file__).with_name("provider.mjs")
SECRET = "s3cret-for-the-test-provider"
STARTUP_SECONDS = 20


@dataclass
class RunningProvider:
    issuer: str
    process: subprocess.Popen

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(clients: list[dict[str, Any]], accounts: dict[str, dict[str, Any]]) -> RunningProvider:
    node = shutil.which("node")
    assert node, (
        "node is needed for the test identity provider (make install puts oidc-provider in node_modules)"
    )
    port = free_port()
    process = subprocess.Popen(
        [node, str(SCRIPT)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=SCRIPT.parents[3],
    )
    assert process.stdin and process.stdout
    process.stdin.write(json.dumps({"port": port, "clients": clients, "accounts": accounts}))
    process.stdin.close()
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        ready = selector.select(timeout=STARTUP_SECONDS)
    line = process.stdout.readline() if ready else ""
    if not line.startswith("ready "):
        process.kill()
        raise RuntimeError(f"the test identity provider did not start: {line} {process.stderr.read()}")
    return RunningProvider(issuer=line.split()[1], process=process)
