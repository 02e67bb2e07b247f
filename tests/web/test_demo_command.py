"""`somevakt demo`: load-only, refusals, and a real start that serves the login page."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from somevakt.tenants.models import Municipality

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.slow  # loads the whole demo
def test_it_loads_and_prints_the_logins_with_load_only(db):
    out = StringIO()
    call_command("demo", "--load-only", stdout=out)
    text = out.getvalue()
    assert Municipality.objects.count() == 4
    assert "somevakt-demo" in text
    assert "gausdal.kommunikasjon" in text and "felles.it" in text


@override_settings(PRODUCTION=True)
def test_it_refuses_to_load_demo_data_in_production(db):
    with pytest.raises(CommandError, match="public passwords") as error:
        call_command("demo", "--load-only")
    assert error.value.returncode == 2
    assert Municipality.objects.count() == 0


def test_it_reports_a_busy_port_before_loading(db):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(CommandError, match=f"port {port} on 127.0.0.1 is in use") as error:
            call_command("demo", "--port", str(port))
    assert error.value.returncode == 2
    assert Municipality.objects.count() == 0


@pytest.mark.slow
@pytest.mark.skipif(
    not (ROOT / "somevakt/static/vendor/designsystemet.css").exists(), reason="front-end assets not built"
)
def test_it_serves_the_login_page_in_norwegian_with_the_stylesheet(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SOMEVAKT_ENV"}}
    env.update(SOMEVAKT_DATA_DIR=str(tmp_path / "var"), WEB_CONCURRENCY="1")
    server = subprocess.Popen(
        [sys.executable, "-m", "somevakt.cli", "demo", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                assert server.poll() is None, server.stdout.read()
                assert time.monotonic() < deadline, "demo did not start within 90 s"
                time.sleep(0.5)
        request = urllib.request.Request(f"{base}/logg-inn/", headers={"Accept-Language": "en-US"})
        with urllib.request.urlopen(request, timeout=10) as response:
            html = response.read().decode()
        assert '<html lang="nb"' in html and "Logg inn" in html
        with urllib.request.urlopen(f"{base}/static/vendor/designsystemet.css", timeout=10) as response:
            assert response.status == 200 and b".ds-button" in response.read()
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert "somevakt-demo" in output
    # The start-up text says the platforms are fakes and where to read what reached them.
    log = tmp_path / "var" / "fake-platforms" / "requests.jsonl"
    assert "Fake platforms (nothing leaves this machine)" in output
    assert f"Every request they receive: {log}" in output
