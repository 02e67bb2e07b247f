import socket

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def test_it_reports_a_busy_port(db):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(CommandError, match="is in use") as error:
            call_command("serve", "--port", str(port))
    assert error.value.returncode == 2


def test_it_rejects_a_port_out_of_range(db):
    with pytest.raises(CommandError, match="--port 70000 is not a port number") as error:
        call_command("serve", "--port", "70000")
    assert error.value.returncode == 2
