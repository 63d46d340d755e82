# Kotoplan: `make demo` serves the demo, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
export DJANGO_SETTINGS_MODULE ?= config.settings.local

.PHONY: bench demo dev test install install-dev system-deps migrate reference demo-data serve lint format messages clean

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(VENV)/bin/activate
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/bin/activate
	$(PIP) install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

system-deps:
	@bash scripts/system-deps.sh

migrate: install
	@mkdir -p var
	$(PY) manage.py migrate --noinput

reference: migrate
	$(PY) manage.py load_reference_data
	$(PY) manage.py sync_organisations

demo-data: reference
	$(PY) manage.py load_demo_data

demo: export DJANGO_SETTINGS_MODULE = config.settings.demo
demo: demo-data
	$(PY) manage.py collectstatic --noinput -v0
	@$(PY) manage.py demo_logins
	@bash scripts/serve-demo.sh

dev: demo-data
	@DEV=1 bash scripts/serve-demo.sh

test: install-dev system-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.test $(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: install-dev
	cd kotoplan && ../$(PY) ../manage.py makemessages -l fi -l sv --no-obsolete --add-location file --ignore participation/locale
	cd kotoplan && ../$(PY) ../manage.py compilemessages

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache

# Not part of `make test`: the national data set on PostgreSQL (DATABASE_URL, default
# postgres://postgres@127.0.0.1:5432/kotoplan_bench, dropped and recreated), served by gunicorn;
# writes BENCHMARKS.md. About 5 to 10 minutes on 2 cores.
bench: export DJANGO_SETTINGS_MODULE = config.settings.bench
bench:
	$(PY) benchmarks/national/run.py --write
