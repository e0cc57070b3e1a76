# Nastavnik: `make run` serves the app with demo data, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_WORKERS ?= 2
I18N_IGNORE := -i .venv -i node_modules -i data

.PHONY: run test install lint format migrations-check messages translations lock pytest pytest-postgres bench clean

$(STAMP): pyproject.toml requirements.lock package.json package-lock.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	$(BIN)/uv pip install --quiet --python $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	npm ci --no-audit --no-fund --loglevel=error
	touch $(STAMP)

install: $(STAMP) messages

## Serve on http://$(HOST):$(PORT) with demo data and a background task worker.
run: export DEBUG ?= 1
run: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py sync_skills
	$(BIN)/python manage.py seed_demo
	trap 'kill 0' INT TERM EXIT; \
	$(BIN)/python manage.py db_worker & \
	$(BIN)/python manage.py run_periodic & \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## Lint, migrations check, then the whole suite on SQLite and on PostgreSQL.
test: install lint migrations-check pytest pytest-postgres

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run

pytest: $(STAMP)
	$(BIN)/pytest -n $(PYTEST_WORKERS) -p no:cacheprovider

# PostgreSQL is the production database: the suite runs on a throwaway cluster whenever the
# server binaries are installed, and CI (CI=true) insists on it.
pytest-postgres: $(STAMP)
	@if scripts/with-postgres.sh --check; then \
		scripts/with-postgres.sh $(BIN)/pytest -n $(PYTEST_WORKERS) -p no:cacheprovider; \
	elif [ "$$CI" = "true" ]; then \
		echo "CI=true but PostgreSQL is not installed" >&2; exit 1; \
	else \
		echo "PostgreSQL server not installed: skipped the PostgreSQL run (apt-get install postgresql)"; \
	fi

## Compile the translations (the .mo files are build products, not committed).
messages: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py compilemessages -v0 $(I18N_IGNORE)

## Refresh the Russian catalogue from the source; then translate its new entries.
translations: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py makemessages -l ru --no-obsolete --no-location --no-wrap $(I18N_IGNORE) -i matchmaker -i benchmarks -i scripts

## Re-resolve the pinned dependencies after editing pyproject.toml.
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --quiet -o requirements.lock
	npm install --package-lock-only --no-audit --no-fund

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) node_modules data/static
