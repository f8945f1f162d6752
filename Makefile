# KOK Learn — everyday commands. `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-e2e lint format messages check serve-prod bench backup restore clean packages-runtime packages-test

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/activate
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/activate
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

## packages-runtime / packages-test: install the missing system packages of deploy/system-packages.txt
## (apt-get, as root or with sudo), or stop with the command that installs them
packages-runtime:
	@scripts/system_packages.sh ensure runtime

packages-test:
	@scripts/system_packages.sh ensure test

## run: install, migrate the SQLite database under var/, load the demo and serve http://127.0.0.1:8000/
run: packages-runtime $(VENV)/.runtime
	mkdir -p var
	$(MANAGE) compilemessages --ignore=.venv -v 0
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) load_demo
	$(MANAGE) runserver $(HOST):$(PORT)

## node_modules: axe-core and the Nu Html Checker (vnu-jar) for the browser checks, from package-lock.json
## (--ignore-scripts: vnu-jar's install script would download a Java runtime; the machine's is used)
node_modules/.package-lock.json: package.json package-lock.json | packages-test
	npm ci --ignore-scripts --no-audit --no-fund

## test: install the system packages and dev requirements, run the whole suite (set DATABASE_URL for PostgreSQL;
## PYTEST_ARGS adds pytest options, e.g. PYTEST_ARGS='-m "not e2e"')
PYTEST_ARGS ?=
test: packages-test $(VENV)/.dev node_modules/.package-lock.json
	$(MANAGE) compilemessages --ignore=.venv -v 0
	$(BIN)/pytest -n 2 --dist loadfile $(PYTEST_ARGS)

## test-e2e: only the browser journeys and accessibility checks
test-e2e: packages-test $(VENV)/.dev node_modules/.package-lock.json
	$(MANAGE) compilemessages --ignore=.venv -v 0
	$(BIN)/pytest -m e2e tests/e2e

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## messages: refresh the Croatian catalogue (then fill in the new msgstr entries) and compile it
messages: $(VENV)/.dev
	$(MANAGE) makemessages -l hr --ignore=.venv --ignore=var --ignore=tests --no-location
	$(MANAGE) compilemessages --ignore=.venv -v 0

check: $(VENV)/.dev
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

## serve-prod: production settings from the environment (.env.example): compile messages, collect static, migrate,
## set up the site (setup_site: home, catalogue, privacy notice, roles, settings from KOK_* variables), gunicorn
serve-prod: export DJANGO_SETTINGS_MODULE ?= kok_learn.settings.production
serve-prod: packages-runtime $(VENV)/.runtime
	$(MANAGE) compilemessages --ignore=.venv -v 0
	$(MANAGE) collectstatic --no-input -v 0
	$(MANAGE) migrate --no-input -v 1
	$(MANAGE) setup_site --no-input
	exec $(BIN)/gunicorn kok_learn.wsgi --config deploy/gunicorn.conf.py

## worker: the background worker for production settings (certificate PDFs, e-mails); run one or more
.PHONY: worker
worker: export DJANGO_SETTINGS_MODULE ?= kok_learn.settings.production
worker: $(VENV)/.runtime
	$(PY) deploy/requeue_tasks.py --older-than 30
	exec $(MANAGE) db_worker --queue-name '*' --interval 1 --no-reload

## bench: seed var/bench/, serve it with gunicorn, load every page with wrk, write var/bench/latest.json (only under var/bench/)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
bench: $(VENV)/.dev
	@command -v wrk >/dev/null 2>&1 || $(SUDO) apt-get install -y -qq wrk || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk)
	$(PY) benchmarks/run.py $(BENCH_ARGS)

## bench-docs: copy the table of the last `make bench` (var/bench/latest.json) into docs/performance.md
.PHONY: bench-docs
bench-docs:
	$(PY) benchmarks/run.py --update-docs var/bench/latest.json

## backup: database (SQLite online backup or pg_dump) + media + private media into var/backups/<timestamp>/
backup: $(VENV)/.runtime
	PYTHON=$(PY) scripts/backup.sh

## restore: restore BACKUP=var/backups/<timestamp> (default: the newest) over the configured database and media
restore: $(VENV)/.runtime
	PYTHON=$(PY) scripts/restore.sh $(BACKUP)

clean:
	rm -rf $(VENV) var/static
