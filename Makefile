# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

TEST_ENV := DJANGO_SETTINGS_MODULE=config.settings.test \
	DATABASE_URL=postgres://npa:npa@127.0.0.1:5432/npa \
	REDIS_URL=redis://127.0.0.1:6379/0 \
	ELASTICSEARCH_URL=http://127.0.0.1:$${ES_PORT:-9200}

# The evaluation corpus gets databases of its own (eval/README.md); tasks
# run inline (no REDIS_URL), so the import indexes as it publishes.
EVAL_ENV := DJANGO_SETTINGS_MODULE=config.settings.test \
	DATABASE_URL=postgres://npa:npa@127.0.0.1:5432/npa_eval \
	ELASTICSEARCH_URL=http://127.0.0.1:$${ES_PORT:-9200} \
	SEARCH_INDEX_PREFIX=npa-eval

.PHONY: install run services services-stop lint check test bench eval clean

$(STAMP): requirements.txt requirements-dev.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

# The server starts in the background; once it answers, the address and the
# admin login are printed last, below runserver's own lines.
RUN_ADDRESS := 127.0.0.1:8000
run: install frontend
	@$(PY) manage.py migrate --noinput -v0
	@$(PY) manage.py load_demo
	@$(PY) manage.py runserver $(RUN_ADDRESS) & server=$$!; \
	trap 'kill $$server 2>/dev/null; wait $$server 2>/dev/null' INT TERM; \
	$(PY) -c "import socket, time; up = any(socket.socket().connect_ex(('127.0.0.1', $(lastword $(subst :, ,$(RUN_ADDRESS))))) == 0 or time.sleep(0.3) for _ in range(400)); raise SystemExit(0 if up else 'runserver did not start')" \
	&& sleep 0.3 && echo "" && echo "  Niedersachsen packt an – Gute Praxis: http://$(RUN_ADDRESS)/" \
	&& $(PY) manage.py ensure_admin && echo "  Beenden mit Strg+C." ; \
	wait $$server

services:
	./scripts/services-start.sh

services-stop:
	./scripts/services-stop.sh

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: install
	$(TEST_ENV) $(PY) manage.py check
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=$$(head -c 48 /dev/urandom | base64) \
		ALLOWED_HOSTS=example.org WAGTAILADMIN_BASE_URL=https://example.org \
		$(PY) manage.py check --deploy --fail-level WARNING

test: install browsers frontend services lint check
	$(TEST_ENV) $(PY) -m pytest
	$(EVAL_ENV) $(PY) -m eval.run --split test --check
	$(EVAL_ENV) $(PY) -m eval.matching_eval --split test --check

eval: install services
	$(EVAL_ENV) $(PY) -m eval.run --split test
	$(EVAL_ENV) $(PY) -m eval.matching_eval --split test

# Each benchmark writes its rows; the merge puts them into docs/benchmarks.md,
# also after a failed run (the rows of the benchmarks that finished count).
bench: install frontend services
	$(TEST_ENV) $(PY) -m pytest tests/benchmarks -s -p no:cacheprovider; \
	status=$$?; $(PY) scripts/bench_log.py; exit $$status

clean:
	rm -rf $(VENV) db.sqlite3 media static_collected

# --- Public site: front-end packages and the browser for the a11y tests ------
# Leaflet, KERN UX and axe-core come from npm (package-lock.json); the first two are copied into
# static/vendor/ (git-ignored); Chromium comes from Debian, never from a tool.
FRONTEND_STAMP := static/vendor/.installed
.PHONY: frontend browsers

# Fira Sans cut to Latin (German, English, Western and Central European names,
# punctuation, €): some 18 kB a face instead of 130 kB, so the text of a page
# on a slow phone connection is not waiting for Cyrillic and Greek glyphs.
FONT_UNICODES := U+0000-017F,U+0192,U+0218-021B,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0300-0301,U+0308,U+1E9E,U+2000-206F,U+2074,U+20AC,U+2122,U+2190-2193,U+2212,U+2215,U+FEFF,U+FFFD

$(FRONTEND_STAMP): package.json package-lock.json | $(STAMP)
	@command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; }
	npm ci --no-audit --no-fund --silent
	mkdir -p static/vendor/leaflet
	@# leaflet.js names its source map: the production storage (collectstatic) needs it.
	cp -R node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.js.map \
		node_modules/leaflet/dist/leaflet.css node_modules/leaflet/dist/images static/vendor/leaflet/
	@# KERN UX: the design system's CSS and the Fira Sans faces it uses
	@# (400, 400 italic, 500, 600, 700; declared in static/css/site.css).
	mkdir -p static/vendor/kern/fonts
	cp node_modules/@kern-ux/native/dist/kern.min.css node_modules/@kern-ux/native/LICENSE.md \
		static/vendor/kern/
	for face in Regular Italic Medium SemiBold Bold; do \
		$(VENV)/bin/pyftsubset node_modules/@kern-ux/native/dist/fonts/fira-sans/FiraSans-$$face.woff2 \
			--unicodes='$(FONT_UNICODES)' --layout-features='kern,liga,calt,ccmp,locl,mark,mkmk' \
			--flavor=woff2 --output-file=static/vendor/kern/fonts/FiraSans-$$face.woff2 || exit 1; \
	done
	touch $@

frontend: $(FRONTEND_STAMP)

browsers:
	@test -x /usr/bin/chromium || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core; }
	@# xgettext: the English UI test extracts the messages as makemessages does.
	@command -v xgettext >/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext; }

# --- Search language data: derived from Debian packages, output committed ----
.PHONY: language-data
language-data: install
	@test -f /usr/share/openthesaurus-de/openthesaurus.txt -a -f /usr/share/dictd/freedict-eng-deu.index || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			openthesaurus-de-text dict-freedict-eng-deu; }
	$(PY) scripts/build_language_data.py

# --- Fault, load and fuzz suite (issue #18, section 8; docs/operations.md) ---
# A production-like stack on 127.0.0.1 with a Redis, an Elasticsearch and an
# SMTP sink of its own (scripts/faults/stack.py). Lengths: see scripts/faults/run.py
# (FAULTS_*), load.py (LOAD_USERS, LOAD_SECONDS) and fuzz.py (FUZZ_EXAMPLES).
.PHONY: faults load fuzz faults-stop
faults: install frontend services
	$(PY) scripts/faults/run.py $(SCENARIOS)

load: install frontend services
	$(PY) scripts/faults/load.py

fuzz: install frontend services
	$(PY) scripts/faults/fuzz.py
	HYPOTHESIS_PROFILE=fuzz $(TEST_ENV) SEARCH_INDEX_PREFIX=npa-fuzz \
		$(PY) -m pytest tests/fuzz -p no:cacheprovider

# Stops a stack that `FAULTS_KEEP=1 make faults` left running for load and fuzz.
faults-stop:
	$(PY) scripts/faults/stack.py down
