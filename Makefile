# Koers — everyday commands. `make run` and `make test` work from a fresh clone with only
# Python 3.11, make and pip on the machine.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: translations help install system-packages messages run test test-fast worker beat lint format migrations-check deploy-check reset-local-db lock bench-report

help:
	@echo "make run          start Koers with demo data on http://$(HOST):$(PORT)"
	@echo "make test         run the whole test suite"
	@echo "make worker       start a Celery worker (needs REDIS_URL)"
	@echo "make beat         start Celery beat (needs REDIS_URL)"
	@echo "make lint         ruff check and format check"
	@echo "make lock         re-resolve requirements.lock from pyproject.toml"
	@echo "make bench-report time the quarterly PDF of a large organisation (BENCH_ARGS=--postgres)"

# The virtual environment is (re)built when the lock file changes.
$(BIN)/.installed: requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==0.13.9"
	$(BIN)/uv pip install --quiet --python $(BIN)/python --require-hashes -r requirements.lock
	touch $@

install: $(BIN)/.installed

# The PDF reports are made by WeasyPrint, which needs Pango and a font from the system. Installed
# with apt when missing (as root, or through sudo); elsewhere install Pango yourself.
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
system-packages:
	@if /sbin/ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0.so.0 && fc-list 2>/dev/null | grep -qi dejavu; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing $(SYSTEM_PACKAGES) for the PDF reports"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; \
	else echo "Warning: Pango (libpangoft2) not found; PDF reports need it (see README)."; fi

# Compile the translations (pure Python, no GNU gettext needed).
messages: install
	$(BIN)/pybabel compile --domain django --directory locale --statistics

run: install system-packages messages
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	@echo "Koers draait op http://$(HOST):$(PORT)/  (stoppen: Ctrl+C)"
	$(MANAGE) runserver $(HOST):$(PORT)

test: install system-packages messages
	$(BIN)/pytest $(PYTEST_ARGS)

test-fast: install system-packages messages
	$(BIN)/pytest -m "not browser" $(PYTEST_ARGS)

worker: install
	$(BIN)/celery -A mvo worker --loglevel=INFO --concurrency=2

beat: install
	$(BIN)/celery -A mvo beat --loglevel=INFO

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: install
	$(MANAGE) makemigrations --check --dry-run

reset-local-db:
	rm -f koers.sqlite3 koers.sqlite3-wal koers.sqlite3-shm

# The quarterly report of a large organisation through the real pipeline: wall time, the
# worker's peak memory, pages, and the ratio to WeasyPrint alone (scripts/bench_report.py).
# A fresh SQLite file by default; BENCH_ARGS=--postgres (or DATABASE_URL) for PostgreSQL; with
# REDIS_URL a real Celery worker makes it.
bench-report: install system-packages
	$(BIN)/python scripts/bench_report.py $(BENCH_ARGS)

# Update the lock after editing pyproject.toml (needs the registry).
lock: install
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes --quiet -o requirements.lock

# After changing texts: collect new Dutch source strings into locale/en (needs GNU gettext),
# then translate the empty entries and run `make messages`.
translations: install
	$(MANAGE) makemessages -l en --ignore=.venv --ignore=tests --ignore=scripts --no-obsolete
