#!/usr/bin/env bash
# The Fiks IO tests talk to a real RabbitMQ broker on 127.0.0.1:5672 (guest/guest, and a vhost and
# user of their own made with rabbitmqctl). Start this machine's broker if nothing answers; install
# Debian's rabbitmq-server first when it is missing and we are root on Debian.
set -euo pipefail
up() { (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; }
ready() { up && rabbitmqctl -q await_startup --timeout 5 >/dev/null 2>&1; }
if ready; then exit 0; fi
if ! command -v rabbitmq-server >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's rabbitmq-server for the Fiks IO tests..." >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null
  else
    echo "ensure-rabbitmq: rabbitmq-server is missing; install Debian's rabbitmq-server package" >&2
    exit 1
  fi
fi
if ! up; then
  rabbitmq-server -detached >/dev/null 2>&1 || true
fi
for _ in $(seq 1 60); do ready && exit 0; sleep 1; done
echo "ensure-rabbitmq: no RabbitMQ broker answers on 127.0.0.1:5672" >&2
exit 1
