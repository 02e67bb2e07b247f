# The commands a newcomer needs: `make demo` and `make test`. Everything else is installed by these.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: install demo test test-fast test-postgres lint audit bench bench-ingest bench-archive assets clean

install: $(STAMP)

# Reinstall when the dependency lists change; `constraints.txt` pins exact versions for CI and the demo.
$(STAMP): pyproject.toml constraints.txt package.json package-lock.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev,bench]'
	npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/python scripts/build_assets.py
	scripts/ensure-fonts.sh
	$(BIN)/python -m django compilemessages --ignore=.venv --ignore=node_modules -v 0 \
		--settings=somevakt.settings || true
	touch $(STAMP)

assets: $(STAMP)
	$(BIN)/python scripts/build_assets.py

demo: $(STAMP)
	$(BIN)/somevakt demo --port $(PORT)

# The suite runs in one pytest-xdist worker per core (at most PYTEST_MAX_WORKERS): each worker has its
# own test database (on PostgreSQL test_<name>_gw0, _gw1, ...), live server port, RabbitMQ vhost and
# temporary folders. `--dist loadfile` keeps each test file on one worker, so a module-scoped fixture
# (the demo the demo loader's tests share, a PDF capture) is built once, not once a worker.
# PYTEST_WORKERS=0 runs the suite in one process, as plain `pytest` does; `--pdb` does too.
PYTEST_WORKERS ?= auto
PYTEST_MAX_WORKERS ?= 4
XDIST := -n $(PYTEST_WORKERS) --maxprocesses=$(PYTEST_MAX_WORKERS) --dist loadfile

test: $(STAMP)
	scripts/ensure-chromium.sh
	scripts/ensure-rabbitmq.sh
	$(BIN)/pytest -q $(XDIST) $(PYTEST_ARGS)

# While developing: the suite without the tests marked `slow` (models, browsers, training, PDF
# captures, demo loads, migrations); CI runs them all with `make test`.
test-fast: $(STAMP)
	scripts/ensure-rabbitmq.sh
	$(BIN)/pytest -q $(XDIST) -m "not slow" $(PYTEST_ARGS)

# The suite's database tests again on PostgreSQL (CI runs both); the server is started if it is
# not running. The tests that never touch a database (the checker, the packs, the analysers,
# training) ran in `make test` already and would only repeat (`--database-only`, tests/conftest.py).
test-postgres: $(STAMP)
	scripts/ensure-postgres.sh
	scripts/ensure-rabbitmq.sh
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} $(BIN)/pytest -q $(XDIST) --database-only $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check somevakt tests scripts
	$(BIN)/ruff format --check somevakt tests scripts
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

# Known vulnerabilities in the locked Python and npm dependencies; says NOT AUDITED when it cannot look.
audit: $(STAMP)
	$(BIN)/python scripts/audit.py

bench: $(STAMP)
	$(BIN)/somevakt bench

# Signed Meta deliveries at /hooks/meta over loopback on PostgreSQL, with gunicorn and a real worker.
bench-ingest: $(STAMP)
	scripts/ensure-postgres.sh
	$(BIN)/python scripts/bench_ingest.py $(BENCH_ARGS)

# 1,000 archive messages through the Fiks IO transport to the tests' fake archive over RabbitMQ,
# the sender and the reply loop each killed halfway (docs/archive.md).
bench-archive: $(STAMP)
	scripts/ensure-rabbitmq.sh
	$(BIN)/python scripts/bench_archive.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules somevakt/static/vendor
