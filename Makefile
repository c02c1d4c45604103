# Two entry points for a fresh machine: `make run` and `make test` (see README).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-noto-color-emoji poppler-utils chromium postgresql redis-server
# The tests that touch the database, run a second time against PostgreSQL (tools/with-postgres).
POSTGRES_TESTS := tests/db tests/web tests/sponsors tests/duplicates

.PHONY: run serve test system-deps venv bench clean translations-extract translations-update translations-compile

# Installs the Debian packages only when one is missing (WeasyPrint's fast font
# subsetting, the fonts, emoji included, the PDF-to-PNG tool used by tests, the
# browser for browser tests, the Redis server the shared rate-limit tests start on a loopback port).
system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES) $(EXTRA_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(BIN)/activate: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $(BIN)/activate

venv: $(BIN)/activate

# Development server on 127.0.0.1:5000 with an embedded SQLite database in instance/ (migrated first).
run: system-deps venv translations-compile
	$(BIN)/flask --app app db upgrade
	SECRET_KEY=$${SECRET_KEY:-dev-only-not-for-production} $(BIN)/flask --app app run --debug --host 127.0.0.1 --port $${PORT:-5000}

# Production server: gunicorn with gunicorn.conf.py on BIND (default 127.0.0.1:8000); README, Deploy.
serve: system-deps venv translations-compile
	@test -n "$$SECRET_KEY" || { echo "make serve: set SECRET_KEY (README, Deploy)" >&2; exit 1; }
	$(BIN)/flask --app app db upgrade
	$(BIN)/gunicorn -c gunicorn.conf.py

# Every test on SQLite, browser tests included (they fail, not skip, without chromium); then the tests
# that touch the database again on a throwaway PostgreSQL cluster that tools/with-postgres starts and removes.
test: system-deps venv translations-compile
	$(BIN)/python -m pytest -q
	tools/with-postgres $(BIN)/python -m pytest -q $(POSTGRES_TESTS)

# The copy of every screen, PDF and message: translations/<lang>/LC_MESSAGES/messages.po (see README).
# extract: the msgids used in code and templates -> translations/messages.pot (not committed);
# update: merges them into each messages.po (new ones empty, unused ones dropped, nothing fuzzy) and lists
#   what is left to translate (web/catalogue_tool.py; `python -m web.catalogue_tool check` exits 1 then);
# compile: the .mo files the app reads (not committed; the app and pytest also compile a stale one).
# No line numbers in the catalogue: they change on every edit and would make every merge conflict.
translations-extract: venv
	$(BIN)/pybabel -q extract -F babel.cfg -k lazy_gettext -k _l -k lazy_ngettext:1,2 --no-location \
	  --sort-output --no-wrap --project "Petition Helper" -o translations/messages.pot .

translations-update: translations-extract
	$(BIN)/python -m web.catalogue_tool update

translations-compile: venv
	$(BIN)/pybabel compile -d translations --statistics

# Prints the speed figures quoted in the README and the issues' closing notes (wrk drives bench/serve_load.py).
bench: EXTRA_PACKAGES = wrk
bench: system-deps venv
	for script in bench/*.py; do grep -q '__main__' $$script || continue; \
	  echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
