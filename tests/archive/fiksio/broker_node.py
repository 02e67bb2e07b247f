"""A RabbitMQ node of one test's own: its own node name, port, configuration and data folder, so
the test can stop and start it (a broker restart) without disturbing the machine's broker that
the other tests use. Started with Debian's `rabbitmq-server`, stopped with `rabbitmqctl stop`
(as a service restart does); its data survives a restart, as a real broker's does."""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        return True
    except OSError:
        return False


class BrokerNode:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.name = f"somevakt-test-{secrets.token_hex(3)}@localhost"
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "rabbitmq.conf").write_text(f"listeners.tcp.local = 127.0.0.1:{self.port}\n")
        (folder / "rabbitmq-env.conf").write_text("ERL_EPMD_ADDRESS=127.0.0.1\n")
        (folder / "enabled_plugins").write_text("[].\n")
        if os.geteuid() == 0:  # Debian's scripts run the broker as the rabbitmq user
            shutil.chown(folder, "rabbitmq")
            for path in folder.iterdir():
                shutil.chown(path, "rabbitmq")

    @property
    def url(self) -> str:
        return f"amqp://guest:guest@127.0.0.1:{self.port}/%2F"

    def _environment(self) -> dict[str, str]:
        return {
            **os.environ,
            "RABBITMQ_NODENAME": self.name,
            "RABBITMQ_CONF_ENV_FILE": str(self.folder / "rabbitmq-env.conf"),
            "RABBITMQ_CONFIG_FILE": str(self.folder / "rabbitmq.conf"),
            "RABBITMQ_ENABLED_PLUGINS_FILE": str(self.folder / "enabled_plugins"),
            "RABBITMQ_DIST_PORT": str(free_port()),
            "RABBITMQ_MNESIA_BASE": str(self.folder / "mnesia"),
            "RABBITMQ_LOG_BASE": str(self.folder / "log"),
            "RABBITMQ_PID_FILE": str(self.folder / "pid"),
        }

    def start(self, timeout: float = 60.0) -> None:
        self.process = subprocess.Popen(
            ["rabbitmq-server"],
            env=self._environment(),
            cwd=self.folder,
            stdout=(self.folder / "server.log").open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, ended by its id if it will not stop
        )
        deadline = time.monotonic() + timeout
        while not _answers(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the test broker did not start; see {self.folder / 'server.log'}")
            time.sleep(0.1)
        self.ctl("await_startup", "--timeout", str(int(timeout)))

    def ctl(self, *args: str) -> None:
        subprocess.run(
            ["rabbitmqctl", "-q", "-n", self.name, *args], check=True, capture_output=True, timeout=60
        )

    def stop(self) -> None:
        """Stop the node as a service restart does, and wait until it is gone."""
        if self.process is None:
            return
        try:
            self.ctl("stop")
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            pass
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None
        deadline = time.monotonic() + 10
        while _answers(self.port) and time.monotonic() < deadline:
            time.sleep(0.1)
