# Koers — everyday commands. `make run` and `make test` work from a fresh clone with only
# Python 3.11, make and pip on the machine.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: translations help install messages run test test-fast worker beat lint format migrations-check deploy-check reset-local-db lock

help:
	@echo "make run          start Koers with demo data on http://$(HOST):$(PORT)"
	@echo "make test         run the whole test suite"
	@echo "make worker       start a Celery worker (needs REDIS_URL)"
	@echo "make beat         start Celery beat (needs REDIS_URL)"
	@echo "make lint         ruff check and format check"
	@echo "make lock         re-resolve requirements.lock from pyproject.toml"

# The virtual environment is (re)built when the lock file changes.
$(BIN)/.installed: requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==0.13.9"
	$(BIN)/uv pip install --quiet --python $(BIN)/python --require-hashes -r requirements.lock
	touch $@

install: $(BIN)/.installed

# Compile the translations (pure Python, no GNU gettext needed).
messages: install
	$(BIN)/pybabel compile --domain django --directory locale --statistics

run: install messages
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	@echo "Koers draait op http://$(HOST):$(PORT)/  (stoppen: Ctrl+C)"
	$(MANAGE) runserver $(HOST):$(PORT)

test: install messages
	$(BIN)/pytest $(PYTEST_ARGS)

test-fast: install messages
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

# Update the lock after editing pyproject.toml (needs the registry).
lock: install
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes --quiet -o requirements.lock

# After changing texts: collect new Dutch source strings into locale/en (needs GNU gettext),
# then translate the empty entries and run `make messages`.
translations: install
	$(MANAGE) makemessages -l en --ignore=.venv --ignore=tests --ignore=scripts --no-obsolete
